"""`parallax topics suggest` writes a topics file that --config takes back unchanged, and a folder's own
topics.yaml is used when no --config is given. Articles written for this test."""

from __future__ import annotations

from models.config import load_config
from tests.models.test_discover import STORY
from tui.cli import main


def _folder(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    for name, texts in STORY.items():
        (folder / f"{name}.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    return folder


def test_suggest_round_trips_through_config(tmp_path, capsys):
    folder = _folder(tmp_path)
    out = tmp_path / "topics.yaml"
    assert main(["topics", "suggest", str(folder), "-o", str(out), "--no-cache"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Topics parallax found") and "description" in text
    config = load_config(out)
    assert config.topics and all(t.aliases for t in config.topics)
    assert main(["analyze", str(folder), "--config", str(out), "--no-cache", "--json"]) == 0
    assert main(["topics", "suggest", str(folder), "-o", str(out), "--no-cache"]) == 2  # never overwrites
    assert "--force" in capsys.readouterr().err
    assert main(["topics", "suggest", str(folder), "-o", str(out), "--no-cache", "--force"]) == 0


def test_a_folder_s_own_topics_yaml_is_used(tmp_path, capsys):
    folder = _folder(tmp_path)
    (folder / "topics.yaml").write_text(
        "topics:\n  - id: rust\n    label: Rust\n    aliases: [corrosion]\n", encoding="utf-8")
    assert main(["analyze", str(folder), "--no-cache", "--json"]) == 0
    captured = capsys.readouterr()
    assert "topics.yaml" in captured.err
    assert '"rust"' in captured.out

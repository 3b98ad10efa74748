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


def test_a_suggested_topic_the_user_deleted_is_not_suggested_again(tmp_path, capsys):
    """The user runs `topics suggest`, deletes a topic they do not want from the file and reopens the folder:
    the deleted topic must not come back as a discovered suggestion (a trial saw it return in coverage and the
    export while `export --topic` refused its id)."""
    import json

    import yaml

    folder = _folder(tmp_path)
    out = folder / "topics.yaml"
    assert main(["topics", "suggest", str(folder), "-o", str(out), "--no-cache"]) == 0
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    ids = [t["id"] for t in doc["topics"]]
    assert doc["suggested"] == ids and len(ids) >= 2
    gone, kept = ids[0], ids[1:]
    doc["topics"] = [t for t in doc["topics"] if t["id"] != gone]
    out.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    assert load_config(out).dismissed == {gone}
    capsys.readouterr()
    assert main(["analyze", str(folder), "--no-cache", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    topic_ids = {t["id"] for t in data["topics"]}
    assert gone not in topic_ids and set(kept) <= topic_ids
    assert all(tag["topic"] != gone for a in data["articles"] for p in a["passages"] for tag in p["topics"])
    # suggesting again from the edited file keeps the deleted one away and listed
    again = tmp_path / "again.yaml"
    assert main(["topics", "suggest", str(folder), "--config", str(out), "-o", str(again), "--no-cache"]) == 0
    assert gone in yaml.safe_load(again.read_text(encoding="utf-8"))["suggested"]

"""`parallax analyze`: the JSON format, the summary, problems on stderr and the exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SEEDS
from tui.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_published_shape(capsys):
    code, out, err = run(capsys, "analyze", str(SEEDS), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) >= {"articles", "topics", "links", "problems"}
    article = data["articles"][0]
    assert set(article) >= {"id", "path", "title", "author", "source", "date", "passages", "removed"}
    passage = article["passages"][0]
    assert set(passage) >= {"id", "index", "text", "start", "end", "topics"}
    assert passage["id"] == f"{article['id']}:0"
    tag = next(t for a in data["articles"] for p in a["passages"] for t in p["topics"])
    assert set(tag) >= {"topic", "score", "implicit", "evidence"}
    assert set(data["links"][0]) >= {"source", "target", "topic", "score", "reason"}
    assert {t["id"] for t in data["topics"]} >= {"s400-delivery", "f35-removal", "drones-ukraine"}
    voice = next(v for a in data["articles"] for v in a["voices"])
    assert set(voice) == {"name", "kind", "role", "also", "passages"}


def test_json_voices_are_the_readers_voices(capsys):
    """Each article's "voices" are the voices the reader shows for it, passages as passage ids."""
    from models.insight.voices import voices
    from models.loader import analyze
    from models.config import load_config

    code, out, _ = run(capsys, "analyze", str(SEEDS), "--json", "--no-cache")
    assert code == 0
    data = json.loads(out)
    corpus = analyze([SEEDS], load_config(None), cache=False)
    index = voices(corpus)
    for article in data["articles"]:
        expected = index.of_article(article["id"])
        assert [(v["name"], v["kind"], v["role"]) for v in article["voices"]] == [(v.name, v.kind, v.role) for v in expected]
        for got, voice in zip(article["voices"], expected):
            assert got["name"] not in got["also"] and set(got["also"]) | {got["name"]} == set(voice.names)
            assert got["passages"] == list(voice.passage_ids)
            assert all(p.startswith(article["id"] + ":") for p in got["passages"])
    turan = next(v for a in data["articles"] for v in a["voices"] if v["name"] == "Ilter Turan")
    assert turan == {**turan, "kind": "person", "role": "international relations professor", "also": ["Turan"]}


def test_offsets_point_into_the_cleaned_text(seeds_corpus):
    for article in seeds_corpus.articles:
        for p in article.passages:
            assert article.text[p.start:p.end] == p.text


def test_no_path_means_seeds(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "analyze", "--json")
    assert code == 0 and len(json.loads(out)["articles"]) == 5


def test_summary_prints_metadata_counts_and_links(capsys):
    code, out, _ = run(capsys, "analyze", str(SEEDS))
    assert code == 0
    assert "Global Research" in out and "Korybko" in out and " links" in out and "↔" in out


def test_skipped_file_is_named_on_stderr_and_exits_1(capsys, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    code, out, err = run(capsys, "analyze", str(bad), str(SEEDS / "004_c17863d213641cf5.txt"), "--json")
    assert code == 1
    assert err.strip() == f"parallax: {bad}: empty file"
    assert len(json.loads(out)["articles"]) == 1
    assert json.loads(out)["problems"] == [{"path": str(bad), "message": "empty file"}]


def test_bad_config_exits_2_with_file_line_key(capsys, tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("thresholds:\n  nope: 1\n")
    code, _, err = run(capsys, "analyze", "--config", str(cfg), str(SEEDS))
    assert code == 2 and f"{cfg}:2: thresholds.nope: unknown key" in err


def test_bad_command_line_exits_2():
    done = subprocess.run([sys.executable, "-m", "tui.cli", "analyze", "--bogus"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2 and "unrecognized arguments" in done.stderr


def test_markup_in_titles_prints_literally(capsys, tmp_path):
    art = tmp_path / "evil.txt"
    art.write_text(
        "[bold red]Evil[/] [@click=app.quit]title[/]\n\n"
        "The S-400 deal was signed in Moscow in 2017, and the first deliveries reached Ankara two years later.\n\n"
        "More S-400 batteries may follow, officials said, though no contract for a second batch has been signed.\n"
    )
    code, out, _ = run(capsys, "analyze", str(art))
    assert code == 0 and "[bold red]Evil[/]" in out


def test_a_corrupt_cache_is_reported_once_and_rebuilt(capsys, monkeypatch, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "analysis.sqlite3").write_bytes(b"not a database at all")
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(cache))
    code, out, err = run(capsys, "analyze", str(SEEDS / "004_c17863d213641cf5.txt"), "--json")
    assert code == 0 and json.loads(out)["articles"]
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("parallax: cache:") and "rebuilt" in lines[0]


def test_duplicates_are_noted_not_problems(capsys, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text((SEEDS / "004_c17863d213641cf5.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(tmp_path))
    assert code == 0 and "note: also at" in out


def test_a_pdf_is_named_as_unsupported_not_binary(capsys, tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 4)
    code, out, err = run(capsys, "analyze", str(pdf), str(SEEDS / "004_c17863d213641cf5.txt"), "--json")
    assert code == 1 and len(json.loads(out)["articles"]) == 1
    assert err.strip() == f"parallax: {pdf}: PDF is not supported (save the article as text or as a web page)"


def test_the_summary_counts_from_1_and_shows_no_passage_ids(capsys, seeds_corpus):
    code, out, _ = run(capsys, "analyze", str(SEEDS))
    assert code == 0
    first = seeds_corpus.articles[0]
    assert out.startswith(f"1. {first.display_title}  ({first.id})\n")
    link = seeds_corpus.links[0]
    source = seeds_corpus.passage(link.source)
    assert f"¶{source.index + 1} ↔ " in out
    assert link.source not in out and link.target not in out  # ids (index from 0) are for --json only
    assert f"{len(seeds_corpus.articles)}. " in out


def test_the_summary_is_written_in_chunks_the_same_on_a_terminal_and_off_it(seeds_corpus):
    """At 3,000 articles the summary took 54 s against 20 s for --json: one rich print per line (136,311
    link lines at 1,000 articles). It is written a chunk at a time; the text is what rich printed before."""
    import io

    from rich.console import Console
    from rich.text import Text

    from tui.summary import _lines, print_summary

    class Counting(Console):
        prints = 0

        def print(self, *args, **kwargs):
            Counting.prints += 1
            super().print(*args, **kwargs)

    outputs = {}
    for terminal in (False, True):
        Counting.prints = 0
        buffer = io.StringIO()
        print_summary(seeds_corpus, Counting(file=buffer, soft_wrap=True, force_terminal=terminal, width=80))
        outputs[terminal] = buffer.getvalue()
        assert Counting.prints <= 1
    lines = list(_lines(seeds_corpus))
    assert len(lines) > 100 and all(isinstance(line, Text) for line in lines)
    one_by_one = io.StringIO()
    console = Console(file=one_by_one, soft_wrap=True, force_terminal=False, width=80)
    for line in lines:
        console.print(line)
    assert outputs[False] == one_by_one.getvalue()  # the plain path writes what rich would
    assert "\x1b[" in outputs[True] and Text.from_ansi(outputs[True]).plain == outputs[False]

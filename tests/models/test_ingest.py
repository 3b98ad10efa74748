"""Ingest: every kind of bad input gives a clear problem or a clean text, never a traceback."""

from __future__ import annotations

import os
import time

import pytest

from models.loader import analyze
from models.pipeline.ingest import IngestError, discover, read_source, sanitize
from tests.conftest import SEEDS

GOOD = SEEDS / "004_c17863d213641cf5.txt"


def test_empty_file_is_a_problem_and_others_still_analysed(tmp_path, config):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    corpus = analyze([empty, GOOD], config)
    assert [p.path for p in corpus.problems] == [str(empty)]
    assert "empty" in corpus.problems[0].message
    assert len(corpus.articles) == 1 and corpus.articles[0].passages


def test_random_binary_named_txt_is_reported_as_binary(tmp_path, config):
    blob = tmp_path / "photo.txt"
    blob.write_bytes(os.urandom(4096))
    corpus = analyze([blob, GOOD], config)
    assert len(corpus.problems) == 1 and "binary" in corpus.problems[0].message
    assert len(corpus.articles) == 1


def test_binary_without_nul_bytes_is_still_refused(tmp_path):
    blob = tmp_path / "noise.txt"
    blob.write_bytes(bytes(range(1, 32)) * 200)
    with pytest.raises(IngestError, match="binary"):
        read_source(blob)


def test_cp1252_with_curly_quotes_is_decoded_and_the_encoding_reported(tmp_path, config):
    text = "Turkey\u2019s \u201cS-400\u201d purchase angered Washington, analysts said on Monday.\n"
    path = tmp_path / "cp1252.txt"
    path.write_bytes((text * 3).encode("cp1252"))
    source = read_source(path)
    assert "Turkey\u2019s \u201cS-400\u201d" in source.text
    assert source.encoding.replace("_", "").lower() in ("cp1252", "windows1252")
    assert any("not UTF-8" in note for note in source.notes)


def test_two_megabyte_single_line_is_analysed_quickly(tmp_path, config):
    sentence = "Turkey bought the S-400 from Russia and Washington objected to the deal. "
    path = tmp_path / "long.txt"
    path.write_text(sentence * (2_000_000 // len(sentence)), encoding="utf-8")
    started = time.perf_counter()
    corpus = analyze([path], config)
    elapsed = time.perf_counter() - started
    assert not corpus.problems
    [article] = corpus.articles
    assert len(article.passages) == 1 and len(article.passages[0].text) > 1_900_000
    assert elapsed < 30  # a hang guard, not a benchmark: the real figure is in benchmarks/


def test_crlf_with_bom(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffTitle line\r\n\r\nFirst paragraph.\r\nSecond line.\r".encode("utf-8"))
    source = read_source(path)
    assert source.text == "Title line\n\nFirst paragraph.\nSecond line.\n"
    assert "\r" not in source.text and "\ufeff" not in source.text


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Ankara and Moscow.\n".encode("utf-16"))
    assert read_source(path).text == "Ankara and Moscow.\n"


def test_terminal_escapes_are_stripped_and_markup_kept_literally(tmp_path, config):
    hostile = (
        "Markup [@click=app.quit]x[/] and [/bold] and [link=file:///etc/passwd]y[/link] stay text.\n\n"
        "\x1b[31mRed\x1b[0m text, a title change \x1b]0;pwned\x07, a bell \x07 and \x1b[2J a clear screen "
        "should leave only the words behind in this sentence.\n"
    )
    path = tmp_path / "hostile.txt"
    path.write_text(hostile, encoding="utf-8")
    corpus = analyze([path], config)
    text = corpus.articles[0].text
    assert "[@click=app.quit]x[/]" in text and "[/bold]" in text and "[link=file:///etc/passwd]y[/link]" in text
    assert "\x1b" not in text and "\x07" not in text and "pwned" not in text
    assert "Red text, a title change , a bell and a clear screen" in " ".join(text.split())


def test_sanitize_keeps_tabs_and_newlines_only():
    assert sanitize("a\tb\nc\x00d\x7fe\x85f\x0cg") == "a\tb\ncdefg"


def test_discover_reports_missing_paths_and_reads_folders_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.pdf").write_text("x", encoding="utf-8")
    files, problems = discover([tmp_path, tmp_path / "nope.txt"])
    assert sorted(f.name for f in files) == ["a.md", "b.txt"]
    assert problems[0].path.endswith("nope.txt") and "no such file" in problems[0].message


def test_unreadable_file_is_a_problem(tmp_path, config):
    if os.geteuid() == 0:
        pytest.skip("root can read anything")
    path = tmp_path / "locked.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    corpus = analyze([path], config)
    assert "permission" in corpus.problems[0].message

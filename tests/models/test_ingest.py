"""Ingest: every kind of bad input gives a clear problem or a clean text, never a traceback."""

from __future__ import annotations

from pathlib import Path

import os
import time

import pytest

from models.loader import analyze
from models.pipeline.ingest import IngestError, discover, read_source, sanitize, source_from_bytes
from tests.conftest import SEEDS
from tests.support.unprivileged import as_user, chown_tree, user_folder

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


@pytest.mark.parametrize(("text", "encoding"), [
    ("Turkey's defence minister met Jean Lef\u00e8vre in Ankara on Tuesday to discuss the S-400 deal.", "cp1252"),
    ("Der Minister traf sich am Dienstag mit J\u00fcrgen M\u00fcller in Ankara, um \u00fcber den Vertrag zu "
     "sprechen.", "cp1252"),
    ("Le ministre a rencontr\u00e9 Jean Lef\u00e8vre \u00e0 Ankara mardi pour discuter de l'accord.", "cp1252"),
    ("Ministr obrany se v \u00fater\u00fd setkal s Janem Nov\u00e1kem v Ankar\u0159e a \u0159ekl, \u017ee dohoda "
     "je hotov\u00e1.", "cp1250"),
    ("Minister obrony spotka\u0142 si\u0119 we wtorek z Janem Kowalskim w Ankarze, m\u00f3wi\u0105c \u017ce umowa "
     "jest gotowa.", "cp1250"),
    ("The orchestra played Anton\u00edn Dvo\u0159\u00e1k on Friday night in the main hall of the city.", "cp1250"),
    ("\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u043e\u0431\u043e\u0440\u043e\u043d\u044b "
     "\u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0441\u044f \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438\u043a "
     "\u0432 \u0410\u043d\u043a\u0430\u0440\u0435.", "cp1251"),
], ids=["english-with-a-french-name", "german", "french", "czech", "polish", "english-with-a-czech-name", "russian"])
def test_a_short_article_in_a_single_byte_code_page_reads_as_its_language(text, encoding):
    source = source_from_bytes("short.txt", text.encode(encoding))
    assert source.text == text
    assert source.encoding == encoding
    [note] = source.notes
    assert f"decoded as {encoding}" in note and "% sure" in note


def test_an_unsure_choice_names_the_other_reading(monkeypatch):
    from models.pipeline import ingest

    monkeypatch.setattr(ingest, "SURE", 1.01)  # every choice counts as unsure: the note's second half shows
    source = source_from_bytes("a.txt", "The minister met Jean Lef\u00e8vre in Ankara on Tuesday.".encode("cp1252"))
    [note] = source.notes
    assert "Lef\u00e8vre" in source.text and "it would read" in note and "Lef\u00e8vre" in note


@pytest.mark.parametrize("spacing", ["\u00a0", "\u202f", "\u200b", "\u2060", "\u00ad", "\u200e"])
def test_utf8_full_of_spaces_and_format_characters_is_text_not_binary(spacing):
    line = f"Le ministre{spacing}: \u00ab{spacing}Turquie{spacing}\u00bb{spacing}; l{spacing}accord{spacing}S-400.\n"
    source = source_from_bytes("fr.txt", (line * 50).encode("utf-8"))
    assert source.encoding == "utf-8" and "Turquie" in source.text


def test_invisible_characters_are_removed_from_text_but_joiners_scripts_need_stay():
    text = ("Tur\u200bkey bought the S-\u2060400.\u202e Reversed?\u202c Soft\u00adhyphen. "
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001f469\u200d\U0001f4bb \u0e01\u200b\u0e02\n")
    out = sanitize(text)
    assert "Turkey bought the S-400. Reversed? Softhyphen." in out
    assert "\u0645\u06cc\u200c\u062e" in out and "\U0001f469\u200d\U0001f4bb" in out and "\u0e01\u200b\u0e02" in out
    assert not any(ch in out for ch in "\u202e\u202c\u2060\u00ad")


def test_a_web_pages_metadata_is_sanitised_like_its_text():
    # Entities are decoded after the page's own text was sanitised; trafilatura drops most invisible
    # characters itself, but not all (a Hangul filler makes a name look empty).
    page = ("<html><head><title>Deal &#27;]0;pwned&#7; signed&#x202e;gnp.exe &#x115f;&#x115f;</title>"
            "</head><body><article><p>"
            + "Turkey bought the S-400 from Russia and Washington objected to it strongly. " * 5
            + "</p></article></body></html>")
    source = source_from_bytes("page.html", page.encode("utf-8"))
    assert source.meta is not None and source.meta.title is not None and "signed" in source.meta.title
    assert not any(ch in source.meta.title for ch in "\x1b\x07\u202e\u115f")


def test_a_file_just_over_the_size_limit_says_by_how_much(tmp_path, monkeypatch):
    from models.pipeline import ingest

    monkeypatch.setattr(ingest, "MAX_BYTES", 2 * 1024 * 1024)
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (2 * 1024 * 1024 + 1))
    with pytest.raises(IngestError) as err:
        read_source(path)
    assert str(err.value) == "too large (2,097,153 bytes; a file may have at most 2 MB)"
    path.write_bytes(b"a" * (3 * 1024 * 1024 + 300_000))
    with pytest.raises(IngestError, match=r"too large \(3\.3 MB; a file may have at most 2 MB\)"):
        read_source(path)


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
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("c.pdf", "PDF is not supported (save the article as text or as a web page)"),  # named, not skipped in silence
        ("nope.txt", "no such file or folder"),
    ]


def test_a_folder_of_documents_only_names_each_document_and_says_it_has_no_articles(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # a saved page's picture: not meant as an article
    files, problems = discover([tmp_path])
    assert files == []
    assert sorted((Path(p.path).name, p.message.split(" is ")[0]) for p in problems) == [
        ("notes.docx", "a Word document"), ("report.pdf", "PDF"), (tmp_path.name, "no article files (.txt, .md, .markdown, .html, .htm) in this folder"),
    ]


def _read_problem(path) -> str:
    try:
        read_source(path)
    except IngestError as exc:
        return str(exc)
    return "read"


def test_unreadable_file_is_a_problem():
    with user_folder() as folder:
        path = folder / "locked.txt"
        path.write_text("text", encoding="utf-8")
        chown_tree(folder)
        path.chmod(0)
        assert as_user(_read_problem, path) == "permission denied"

def test_a_file_name_that_is_not_utf8_is_analysed_cached_and_written_out(tmp_path, config):
    """A Latin-1 name on a UTF-8 system (Python's surrogate escapes) crashed the cache, --json and export with
    UnicodeEncodeError (exit 3). Its name is shown with U+FFFD; the file is read, cached and written out."""
    import io

    from models.export.report import export_markdown
    from models.serialize import write_corpus_json

    folder = tmp_path / "articles"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9 r\xe9sum\xe9.txt"
    with open(raw, "wb") as f:
        f.write(GOOD.read_bytes())
    with open(os.fsencode(folder) + b"/\xff\xfe-missing-folder", "wb"):
        pass  # not an article file: no problem for it, but discovery walks past it
    for _ in range(2):  # analysed and cached, then read back from the cache
        corpus = analyze([folder], config)
        [article] = corpus.articles
        assert article.path == str(folder / "caf\ufffd r\ufffdsum\ufffd.txt")
        out = io.BytesIO()
        write_corpus_json(corpus, out)
        assert "caf\ufffd r\ufffdsum\ufffd.txt" in out.getvalue().decode("utf-8")
        export_markdown(corpus, config_topics=config.topics).encode("utf-8")
    missing = analyze([os.fsdecode(os.fsencode(folder) + b"/gon\xe9.txt")], config)
    assert [p.path for p in missing.problems] == [str(folder / "gon\ufffd.txt")]

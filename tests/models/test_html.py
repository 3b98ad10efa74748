"""Saved web pages: the body is extracted with trafilatura, the furniture is gone, the markup's metadata fills
the gaps, and nothing is ever fetched."""

from __future__ import annotations

import socket

import pytest

from models.loader import analyze
from models.pipeline.ingest import IngestError, discover, is_html, read_source, source_from_bytes
from tests.conftest import DATA

PAGE = DATA / "html" / "saved_page.html"
FURNITURE = ("Subscribe now", "cookies", "Related articles", "Five things to know", "commenter", "reader42",
             "All rights reserved", "Privacy policy", "newsletter", "dataLayer", "<")


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_body_is_extracted_and_furniture_dropped(config, no_network):
    corpus = analyze([PAGE], config, cache=False)
    assert not corpus.problems
    [article] = corpus.articles
    assert "second batch of S-400 air defence systems" in article.text
    assert "Analysts in Brussels say the second delivery" in article.text
    for junk in FURNITURE:
        assert junk not in article.text, junk
    assert any(p.heading == "A sovereign decision" for p in article.passages)
    assert any(t.topic == "s400-delivery" for p in article.passages for t in p.topics)


def test_markup_metadata_fills_what_the_text_does_not_state(config, no_network):
    [article] = analyze([PAGE], config, cache=False).articles
    assert article.title == "Ankara takes delivery of second S-400 batch"
    assert article.author == "Maria Demir"
    assert article.source == "The Harbour Ledger"
    assert article.date == "2021-09-14"


def test_the_texts_own_statement_wins_over_the_markup(config, tmp_path):
    html = PAGE.read_text(encoding="utf-8").replace(
        '<p>Russia has delivered', "<p>By Jonas Novak</p>\n      <p>Russia has delivered"
    )
    source = source_from_bytes("page.html", html.encode())
    assert source.meta is not None and source.meta.author == "Maria Demir"
    from models.pipeline.article import merge_meta
    from models.document import Meta

    merged = merge_meta(Meta(author="Jonas Novak", title=None), source.meta)
    assert merged.author == "Jonas Novak" and merged.title == source.meta.title


def test_folders_pick_up_html_and_htm(tmp_path):
    (tmp_path / "a.html").write_text("<html></html>")
    (tmp_path / "b.HTM").write_text("<html></html>")
    (tmp_path / "c.txt").write_text("x")
    files, _ = discover([tmp_path])
    assert sorted(f.name for f in files) == ["a.html", "b.HTM", "c.txt"]


def test_page_without_article_text_is_a_problem(config, tmp_path):
    empty = tmp_path / "script-only.html"
    empty.write_text("<html><head><script>var x = 1;</script></head><body><div><img src='x.png'></div></body></html>")
    corpus = analyze([empty], config, cache=False)
    assert not corpus.articles and len(corpus.problems) == 1
    assert corpus.problems[0].path == str(empty)
    with pytest.raises(IngestError):
        read_source(empty)


def test_html_is_recognised_by_suffix_or_by_its_start():
    assert is_html("x.html", b"anything")
    assert not is_html("x.txt", b"<!DOCTYPE html><html>")
    assert is_html("<stdin>", b"\n  <!doctype html>\n<html>")
    assert is_html("<stdin>", b"<html lang='en'><body>")
    assert not is_html("<stdin>", b"Plain words about the <html> tag.")


def test_trafilatura_is_imported_only_when_a_page_is_met():
    import subprocess
    import sys

    from tests.conftest import ROOT, SEEDS

    code = (
        "import sys\n"
        "from models.config import load_config\n"
        "from models.loader import analyze\n"
        f"analyze([{str(SEEDS)!r}], load_config(), cache=False)\n"
        "print('trafilatura' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"

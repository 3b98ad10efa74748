"""`-` reads one article from standard input; the same article met twice is kept once, with a note."""

from __future__ import annotations

import io
import shutil

from models.loader import analyze, build_corpus, iter_articles
from models.document import Article, Problem
from models.pipeline.ingest import discover, read_stdin
from tests.conftest import DATA, SEEDS

ONE = SEEDS / "004_c17863d213641cf5.txt"
PAGE = DATA / "html" / "saved_page.html"


def test_dash_reads_one_article_from_a_binary_stream(config):
    corpus = analyze(["-"], config, cache=False, stdin=io.BytesIO(ONE.read_bytes()))
    assert not corpus.problems
    [article] = corpus.articles
    assert article.id == "stdin" and article.path == "<stdin>"
    assert article.passages[0].id == "stdin:0"
    assert article.author == "Silvia Boltuc"


def test_html_on_stdin_is_extracted(config):
    [article] = analyze(["-"], config, cache=False, stdin=io.BytesIO(PAGE.read_bytes())).articles
    assert article.source == "The Harbour Ledger" and "<p>" not in article.text


def test_empty_stdin_is_a_problem(config):
    corpus = analyze(["-"], config, cache=False, stdin=io.BytesIO(b""))
    assert corpus.problems == (Problem("<stdin>", "empty file"),)


def test_read_stdin_and_discover_keep_dash_once():
    assert read_stdin(io.BytesIO(b"Hello there, world.\n")).path == "<stdin>"
    files, problems = discover(["-", "-"])
    assert [str(f) for f in files] == ["-"] and not problems


def test_same_bytes_twice_is_kept_once_with_a_note(config, tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(ONE, copy)
    corpus = analyze([ONE, copy], config, cache=False)
    assert len(corpus.articles) == 1 and not corpus.problems
    assert corpus.articles[0].path == str(ONE)
    assert f"also at {copy}" in corpus.articles[0].notes


def test_same_article_with_other_whitespace_and_furniture_is_kept_once(config, tmp_path):
    text = ONE.read_text(encoding="utf-8")
    variant = tmp_path / "variant.md"
    variant.write_text("Share this article\n\n" + text.replace("\n\n", "\n\n\n").replace(". ", ".  ") + "\n\nRelated Posts\n")
    corpus = analyze([ONE, variant], config, cache=False)
    assert len(corpus.articles) == 1
    assert any(note.startswith(f"also at {variant}") for note in corpus.articles[0].notes)


def test_page_saved_as_html_and_as_text_is_kept_once(config, tmp_path):
    [html_article] = analyze([PAGE], config, cache=False).articles
    as_text = tmp_path / "saved_page.txt"
    as_text.write_text("\n\n".join(p.text for p in html_article.passages) + "\n\nLeave a Reply\n", encoding="utf-8")
    corpus = analyze([PAGE, as_text], config, cache=False)
    assert len(corpus.articles) == 1 and corpus.articles[0].path == str(PAGE)
    assert any(str(as_text) in note for note in corpus.articles[0].notes)


def test_different_articles_on_one_story_are_not_collapsed(config):
    corpus = analyze([SEEDS], config, cache=False)
    assert len(corpus.articles) == 5
    assert not any(note.startswith("also at") for a in corpus.articles for note in a.notes)


def test_iter_articles_yields_in_order_and_replaces_a_noted_article(config, tmp_path):
    copy = tmp_path / "zz_copy.txt"
    shutil.copy(ONE, copy)
    missing = tmp_path / "missing.txt"
    items = list(iter_articles([missing, ONE, SEEDS / "000_ce6e02858118bb64.txt", copy], config, cache=False))
    assert isinstance(items[0], Problem) and "no such file" in items[0].message
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in articles] == ["004_c17863d213641cf5", "000_ce6e02858118bb64", "004_c17863d213641cf5"]
    assert articles[-1].notes and not articles[0].notes
    corpus = build_corpus(articles, config, [])
    assert [a.id for a in corpus.articles] == ["004_c17863d213641cf5", "000_ce6e02858118bb64"]
    assert corpus.articles[0].notes == (f"also at {copy}",)


def test_progress_is_called_per_file(config):
    calls = []
    analyze([SEEDS], config, lambda n, total, path: calls.append((n, total)), cache=False)
    assert calls == [(n, 5) for n in range(1, 6)]


def test_a_warm_run_finds_the_same_article_from_the_prints_the_cache_kept(config, tmp_path, monkeypatch):
    """The passages' prints (folded text, hashed) are stored beside each article: a warm run reads them
    instead of folding every passage again, and still keeps the near-duplicate once."""
    import models.loader as loader
    from models.store.cache import Cache

    text = ONE.read_text(encoding="utf-8")
    variant = tmp_path / "variant.md"
    variant.write_text("Share this article\n\n" + text.replace("\n\n", "\n\n\n").replace(". ", ".  ") + "\n\nRelated Posts\n")
    folded: list[str] = []
    fold = loader._fingerprint

    def counted(text: str) -> int:
        folded.append(text)
        return fold(text)

    monkeypatch.setattr(loader, "_fingerprint", counted)
    runs = []
    for _ in range(2):
        folded.clear()
        with Cache(tmp_path / "cache.sqlite3") as store:
            runs.append((analyze([ONE, variant], config, cache=store), len(folded)))
    (cold, cold_folds), (warm, warm_folds) = runs
    assert cold_folds > 0 and warm_folds == 0
    assert warm == cold and len(warm.articles) == 1
    assert any(note.startswith(f"also at {variant}") for note in warm.articles[0].notes)

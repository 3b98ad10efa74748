"""The analysis cache: re-opening a corpus re-analyses only what changed; a cache is never trusted."""

from __future__ import annotations

import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest

from models.store import cache as cache_module
from models import loader as loader_module
from models.store.cache import Cache
from models.loader import analyze
from models.paths import cache_dir
from models.serialize import corpus_to_dict
from tests.conftest import SEEDS


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def count_analyses(monkeypatch):
    calls: list[str] = []
    real = loader_module.article_steps

    def counting(source, *args, **kwargs):
        calls.append(source.path)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(loader_module, "article_steps", counting)
    return calls


@pytest.fixture
def count_repeated_lines(monkeypatch):
    """How many articles each call of the corpus's repeated-lines check looked at."""
    calls: list[int] = []
    real = loader_module.repeated_lines

    def counting(articles, cleaning):
        calls.append(len(articles))
        return real(articles, cleaning)

    monkeypatch.setattr(loader_module, "repeated_lines", counting)
    return calls


def test_cache_lives_under_the_cache_dir_and_gives_the_same_corpus(config, seeds, count_analyses):
    cold = analyze([seeds], config)
    assert (cache_dir() / "analysis.sqlite3").is_file()
    assert len(count_analyses) == 5
    warm = analyze([seeds], config)
    assert len(count_analyses) == 5, "a warm run analysed again"
    assert corpus_to_dict(warm) == corpus_to_dict(cold)


def test_only_the_changed_file_is_analysed_again(config, seeds, count_analyses):
    analyze([seeds], config)
    changed = seeds / "004_c17863d213641cf5.txt"
    text = changed.read_text(encoding="utf-8")
    cut = text.index("As the Russian media agency")
    changed.write_text(text[:cut] + "A new paragraph about the S-400 deal, added to the page later on.\n\n" + text[cut:])
    count_analyses.clear()
    corpus = analyze([seeds], config)
    assert count_analyses == [str(changed)]
    assert "A new paragraph about the S-400 deal" in corpus.articles_by_id["004_c17863d213641cf5"].text


def test_no_cache_bypasses_it(config, seeds, count_analyses):
    analyze([seeds], config, cache=False)
    analyze([seeds], config, cache=False)
    assert len(count_analyses) == 10
    assert not (cache_dir() / "analysis.sqlite3").exists()


def test_config_change_is_a_miss(config, seeds, count_analyses):
    from dataclasses import replace

    analyze([seeds], config)
    analyze([seeds], replace(config, digest="another-config"))
    assert len(count_analyses) == 10


def test_same_content_at_another_path_gets_that_path_and_id(config, seeds, tmp_path):
    analyze([seeds], config)
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    shutil.copy(seeds / "001_5d9b8a6939599cab.txt", moved)
    [article] = analyze([moved], config).articles
    assert article.id == "renamed" and article.path == str(moved)
    assert all(p.id == f"renamed:{p.index}" and p.article_id == "renamed" for p in article.passages)
    inferred = [(p.index, t.inferred_from) for p in article.passages for t in p.topics if t.implicit]
    assert inferred and all(source is not None and source != index for index, source in inferred)
    fresh = analyze([moved], config, cache=False).articles[0]
    assert article == fresh


def test_links_are_recomputed_when_the_corpus_changes(config, seeds):
    full = analyze([seeds], config)
    part = analyze([seeds / "000_ce6e02858118bb64.txt", seeds / "001_5d9b8a6939599cab.txt"], config)
    assert part.links and len(part.links) < len(full.links)
    ids = {p.id for a in part.articles for p in a.passages}
    assert all(l.source in ids and l.target in ids for l in part.links)
    assert corpus_to_dict(part) == corpus_to_dict(
        analyze([seeds / "000_ce6e02858118bb64.txt", seeds / "001_5d9b8a6939599cab.txt"], config, cache=False)
    )


def test_a_file_that_is_not_a_database_is_moved_aside_and_rebuilt(config, seeds, count_analyses):
    path = cache_dir() / "analysis.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not an SQLite file at all" * 100)
    corpus = analyze([seeds], config)
    assert len(corpus.articles) == 5 and not corpus.problems
    assert path.with_name("analysis.sqlite3.corrupt").is_file()
    analyze([seeds], config)
    assert len(count_analyses) == 5, "the rebuilt cache was not used"


def test_rows_that_do_not_parse_or_validate_are_never_trusted(config, seeds, count_analyses):
    cold = analyze([seeds], config)
    db = sqlite3.connect(cache_dir() / "analysis.sqlite3")
    rows = db.execute("SELECT key, value FROM articles").fetchall()
    bad = [b"not zlib", zlib.compress(b"{not json"), zlib.compress(b'{"id": "x", "passages": [{"index": 5}]}'),
           zlib.compress(b"[1, 2, 3]")]
    for (key, _), value in zip(rows, bad):
        db.execute("UPDATE articles SET value = ? WHERE key = ?", (value, key))
    db.execute("UPDATE links SET value = ?", (zlib.compress(
        b'{"topics": ["t"], "source": ["nope:1"], "target": ["nope:2"], "topic": [0], "score": [1], '
        b'"reason": ["r"], "shared": [""]}'),))
    db.commit()
    db.close()
    count_analyses.clear()
    warm = analyze([seeds], config)
    assert len(count_analyses) == 4
    assert corpus_to_dict(warm) == corpus_to_dict(cold)


def test_a_cache_from_another_version_is_emptied(config, seeds, count_analyses, monkeypatch):
    analyze([seeds], config)
    monkeypatch.setattr(cache_module, "ENGINE_VERSION", "parallax-engine-next")
    with Cache() as store:
        assert store.enabled and any("another version" in m for m in store.messages)
        assert store._db is not None and store._db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    analyze([seeds], config)
    assert len(count_analyses) == 10


def test_an_unusable_cache_never_stops_analysis(config, seeds, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file: cannot exist
    store = Cache()
    assert not store.enabled and store.messages
    corpus = analyze([seeds], config, cache=store)
    assert len(corpus.articles) == 5 and corpus.links and not corpus.problems
    assert len(analyze([seeds], config).articles) == 5


def test_a_failure_while_in_use_switches_the_cache_off(config, seeds):
    store = Cache()
    assert store._db is not None
    store._db.close()  # any later use raises sqlite3.ProgrammingError
    corpus = analyze([seeds], config, cache=store)
    assert len(corpus.articles) == 5
    assert not store.enabled and store.messages


def test_two_caches_share_one_file(config, seeds):
    with Cache() as first, Cache() as second:
        analyze([seeds], config, cache=first)
        first.flush()
        before = second.hits
        analyze([seeds], config, cache=second)
        assert second.hits == before + 5
        assert first._db is not None and first._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_article_whose_passages_are_not_its_text_joined_comes_back_as_it_was(config, tmp_path):
    """The row keeps passages' offsets only when they are not the text's own layout (passages joined by blank
    lines): such an article, headings, removed lines and notes come back equal; rows of the older keyed format
    are not read."""
    from models.document import Article, Passage, Removed, TopicTag

    text = "Lead line.\n\n\nSecond one, after three breaks."
    passages = (Passage("a:0", "a", 0, "Lead line.", 0, 10, (TopicTag("t", 1, False, ("lead",)),), "Heading"),
                Passage("a:1", "a", 1, "Second one, after three breaks.", 13, len(text)))
    odd = Article("a", "a.txt", "T", None, "Outlet", "2024-01-02", text, passages,
                  (Removed("Share this", "share", 3, "evidence", "a button", None),), "h", "utf-8", ("a note",))
    plain = Article("b", "b.txt", None, None, None, None, "One.\n\nTwo.", (
        Passage("b:0", "b", 0, "One.", 0, 4), Passage("b:1", "b", 1, "Two.", 6, 10)), (), "h2")
    # Text and no passage at all (offsets [], which is falsy): its text was once left out of the row, and the
    # row could never be read back (missed and rewritten on every warm run).
    bare = Article("c", "c.txt", None, None, None, None, "Only furniture here.", (), (), "h3")
    with Cache(tmp_path / "c.sqlite3") as store:
        store.put_article("k1", config, odd)
        store.put_article("k2", config, plain)
        store.put_article("k3", config, bare)
        store.flush()
        assert store.get_article("k1", config, "a", "a.txt") == odd
        assert store.get_article("k2", config, "b", "b.txt") == plain
        assert store.get_article("k3", config, "c", "c.txt") == bare
        assert store._db is not None
        store._db.execute("UPDATE articles SET value = ? WHERE key = 'k2'", (zlib.compress(
            b'{"id": "b", "path": "b.txt", "passages": [], "removed": [], "content_hash": "h2"}'),))
        assert store.get_article("k2", config, "b", "b.txt") is None


def test_typed_evidence_survives_the_cache_and_a_new_id(config, tmp_path):
    """An implicit tag cites its source passage by index and grown vocabulary as `related`: both come back
    from the cache as they went in, under another article id, with nothing rewritten."""
    from dataclasses import replace

    from models.document import Article, Passage, TopicTag
    from models.loader import rebase

    texts = ["The canal authority seized the ship.", "The claim was disputed by the insurers."]
    tags = ((TopicTag("claim", 0.9, False, ("seized",), None, ("authority",)),),
            (TopicTag("claim", 0.6, True, ("The claim",), 0, ()),))
    passages, offset = [], 0
    for i, (text, tag) in enumerate(zip(texts, tags)):
        passages.append(Passage(f"old:{i}", "old", i, text, offset, offset + len(text), tag))
        offset += len(text) + 2
    article = Article("old", "old.txt", None, None, None, None, "\n\n".join(texts), tuple(passages), (), "h1")
    with Cache(tmp_path / "c.sqlite3") as store:
        store.put_article("k", config, article)
        store.flush()
        loaded = store.get_article("k", config, "new", "new.txt")
    assert loaded == rebase(article, "new", "new.txt")
    assert loaded.passages[1].topics[0].inferred_from == 0
    assert loaded.passages[0].topics[0].related == ("authority",)
    assert loaded.passages[1].id == "new:1"
    bad = replace(article, passages=(article.passages[0], replace(article.passages[1], topics=(
        replace(tags[1][0], inferred_from=7),))))
    with Cache(tmp_path / "d.sqlite3") as store:
        store.put_article("k", config, bad)
        store.flush()
        assert store.get_article("k", config, "new", "new.txt") is None  # cites a passage it does not have


@pytest.mark.parametrize("statements", [
    ("CREATE TABLE articles (key TEXT PRIMARY KEY, blob BLOB)",),
    ("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)", "INSERT INTO moz_places (url) VALUES ('x')"),
    ("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)", "CREATE TABLE notes (body TEXT)"),
], ids=["our-table-names-other-columns", "another-programs-database", "our-tables-and-another"])
def test_a_database_that_is_not_our_cache_is_moved_aside_untouched(config, seeds, count_analyses, statements):
    """Never migrated in place (no tables added, not switched to WAL): kept byte for byte beside a new cache."""
    path = cache_dir() / "analysis.sqlite3"
    path.parent.mkdir(parents=True)
    foreign = sqlite3.connect(path)
    for statement in statements:
        foreign.execute(statement)
    foreign.commit()
    foreign.close()
    original = path.read_bytes()
    with Cache() as store:
        assert store.enabled and any("not made by this parallax" in m for m in store.messages), store.messages
        analyze([seeds], config, cache=store)
    aside = path.with_name("analysis.sqlite3.foreign")
    assert aside.read_bytes() == original
    assert not aside.with_name(aside.name + "-wal").exists()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # the new one is ours
    count_analyses.clear()
    analyze([seeds], config)
    assert count_analyses == [], "the rebuilt cache was not used"


def test_pages_damaged_while_in_use_rebuild_the_cache_and_keep_its_wal(config, seeds):
    analyze([seeds], config)
    path = cache_dir() / "analysis.sqlite3"
    data = bytearray(path.read_bytes())
    assert len(data) > 4096 * 4
    for i in range(4096, len(data)):  # every page but the first: the header reads, the tables do not
        data[i] = (data[i] * 7 + 13) % 256
    path.write_bytes(bytes(data))
    with Cache() as store:  # opening reads only the header and the schema page: the damage shows in use
        corpus = analyze([seeds], config, cache=store)
        assert len(corpus.articles) == 5 and not corpus.problems
        assert any("damaged" in m or "could not be read" in m for m in store.messages), store.messages
    aside = path.with_name("analysis.sqlite3.corrupt")
    assert aside.read_bytes() == bytes(data)
    assert len(analyze([seeds], config).articles) == 5


def test_a_locked_cache_is_no_damage(config, seeds, monkeypatch):
    from models.store import sqlite as sqlite_db

    analyze([seeds], config)
    monkeypatch.setattr(sqlite_db, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(cache_dir() / "analysis.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = Cache()
        store_messages = list(store.messages)
        store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert any("cannot be used" in m and "locked" in m for m in store_messages), store_messages
    assert not (cache_dir() / "analysis.sqlite3.corrupt").exists()


def test_tags_the_corpus_stage_drops_stay_dropped_on_a_warm_run(config, tmp_path):
    """Corroboration drops a tag resting on one everyday word ('closed', 'shut'); the cache must give back the
    passage without it (it once kept only tags the corpus stage appended). Fixture: tests/data/relink/."""
    from dataclasses import replace

    from models.config import Topic

    story = Path(__file__).resolve().parent.parent / "data" / "relink"
    weak = replace(config, topics=(Topic("closure", "The bridge closed", "#ff0000", ("closed", "shut")),))
    folder = tmp_path / "story"
    shutil.copytree(story, folder)
    with Cache(tmp_path / "cache.sqlite3") as store:
        cold = analyze([folder], weak, cache=store)
        warm = analyze([folder], weak, cache=store)
    fresh = analyze([folder], weak, cache=False)
    assert corpus_to_dict(cold) == corpus_to_dict(fresh)
    assert corpus_to_dict(warm) == corpus_to_dict(fresh)


def test_furniture_repeated_across_articles_is_found_once_for_the_same_articles(config, tmp_path, count_repeated_lines):
    """The lines repeated across articles are found on the first run and read from the cache on the next."""
    story = Path(__file__).resolve().parent.parent / "data" / "relink"
    folder = tmp_path / "story"
    shutil.copytree(story, folder)
    for name in ("a1_herald.txt", "a3_courier.txt", "a5_echo.txt"):
        page = folder / name
        blocks = page.read_text(encoding="utf-8").split("\n\n")
        page.write_text("\n\n".join(blocks[:3] + ["Please visit our river desk for the latest updates."] + blocks[3:]),
                        encoding="utf-8")
    calls = count_repeated_lines
    with Cache(tmp_path / "cache.sqlite3") as store:
        cold = analyze([folder], config, cache=store)
        warm = analyze([folder], config, cache=store)
    assert calls == [6]
    assert corpus_to_dict(warm) == corpus_to_dict(cold)
    assert not any("river desk" in p.text for a in warm.articles for p in a.passages)
    assert any(r.kind == "corpus" for a in warm.articles for r in a.removed)


PROMPT = "Please visit our river desk for the latest updates."  # a sentence several stories carry
TAG = "River desk, flood bulletin."  # a line that is no sentence


@pytest.mark.parametrize("edit", ["gains", "loses", "loses-tag", "removed", "added", "reworded"])
def test_repeated_lines_are_found_again_only_where_a_changed_article_touches_them(config, tmp_path,
                                                                                    count_repeated_lines, edit):
    """A corpus a few articles away from one stored looks again only at the lines the changed articles carry
    (or carried), and finds what looking at all of them finds: the same furniture, counted the same."""
    story = Path(__file__).resolve().parent.parent / "data" / "relink"
    folder = tmp_path / "story"
    shutil.copytree(story, folder)

    def put(name: str, *lines: str) -> None:
        page = folder / name
        blocks = page.read_text(encoding="utf-8").split("\n\n")
        page.write_text("\n\n".join(blocks[:2] + list(lines) + blocks[2:]), encoding="utf-8")

    put("a1_herald.txt", PROMPT, TAG)
    put("a3_courier.txt", PROMPT)
    put("a5_echo.txt", PROMPT, TAG)
    put("a6_news.txt", TAG)
    calls = count_repeated_lines
    with Cache(tmp_path / "cache.sqlite3") as store:
        before = analyze([folder], config, cache=store)
        assert {r.text for a in before.articles for r in a.removed if r.kind == "corpus"} == {PROMPT, TAG}
        if edit == "gains":
            put("a2_gazette.txt", PROMPT)
        elif edit == "loses":
            (folder / "a3_courier.txt").write_text((story / "a3_courier.txt").read_text(encoding="utf-8"),
                                                   encoding="utf-8")
        elif edit == "loses-tag":
            (folder / "a6_news.txt").write_text((story / "a6_news.txt").read_text(encoding="utf-8"), encoding="utf-8")
        elif edit == "removed":
            (folder / "a5_echo.txt").unlink()
        elif edit == "added":
            (folder / "a7_extra.txt").write_text(
                f"A ferry carried walkers across the river while the footbridge stayed shut.\n\n{PROMPT}\n\n"
                "The council said the crossing would be free for as long as the closure lasted.\n", encoding="utf-8")
        else:
            put("a4_post.txt", "The river rose again overnight, council staff said on Tuesday morning.")
        calls.clear()
        near = analyze([folder], config, cache=store)
        looked = list(calls)
    fresh = analyze([folder], config, cache=False)
    assert corpus_to_dict(near) == corpus_to_dict(fresh)
    assert looked and max(looked) < len(fresh.articles)

"""Relinking after a small change (models/pipeline/relink.py): only the changed articles are tagged and linked
again, in the model the last full corpus stage learned, and the result is that stage's own wherever the limits
on a passage's links do not bind.

The fixture (tests/data/relink/) is a made-up story written for these tests: a footbridge in an invented
town closed after a flood, six short articles, three topics written below."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from models import loader as loader_module
from models.config import Config, Topic
from models.document import Article
from models.loader import analyze, iter_articles
from models.pipeline import model as model_module
from models.pipeline.corpus import CorpusAnalysis, analyze_corpus
from models.pipeline import carry as carry_module
from models.pipeline import content_links as content_links_module
from models.pipeline.carry import is_carried
from models.pipeline.links import topic_links
from models.link_table import LinkEnds
from models.pipeline.model import Base, allowed_drift, fingerprint
from models.pipeline.relink import coded, model_space, relink
from models.pipeline.stats import passage_terms
from models.serialize import corpus_to_dict
from models.store.cache import Cache, _decode_model, _encode_model

STORY = Path(__file__).resolve().parent.parent / "data" / "relink"
TOPICS = (
    Topic("closure", "The bridge closed", "#ff0000",
          ("closure", "been closed", "was closed", "stay closed", "remain closed", "while the bridge is closed")),
    Topic("inspection", "Inspecting the piers", "#00ff00", ("inspection", "engineers", "survey")),
    Topic("funding", "Paying for the repair", "#0000ff", ("grant", "budget", "repair bill")),
)
ADDED = "\n\nEngineers said the survey of the piers and the pontoon would need a second inspection after the flood.\n"


@pytest.fixture
def story_config(config: Config) -> Config:
    return replace(config, topics=TOPICS)


def _articles(folder: Path, config: Config) -> list[Article]:
    return [a for a in iter_articles([folder], config, cache=False) if isinstance(a, Article)]


def _base(analysis: CorpusAnalysis, before: list[Article]) -> Base:
    """A stored corpus as the cache gives it back."""
    assert analysis.model is not None
    tags = {q.id: q.topics for a, b in zip(before, analysis.articles) for p, q in zip(a.passages, b.passages)
            if p.topics != q.topics}
    return Base(analysis.model, tags, analysis.topics, LinkEnds.of(analysis.links))


def _key(link):
    return (link.source, link.target, link.topic, link.score, link.reason, link.shared_terms)


def test_the_fixture_has_configured_and_discovered_topics_and_links(story_config):
    articles = _articles(STORY, story_config)
    analysis = analyze_corpus(articles, story_config)
    assert {t.discovered for t in analysis.topics} == {False, True}
    assert {link.topic for link in analysis.links} > {"closure", "inspection", "funding"}


@pytest.mark.parametrize("written", [TOPICS, ()], ids=["configured", "no-config"])
@pytest.mark.parametrize("redone", ["a1_herald", "a3_courier", "a6_news"])
def test_an_article_relinked_alone_gets_what_the_full_stage_gave_it(story_config, redone, written, monkeypatch):
    """The model is the full stage's own, so redoing one article (its tags, its links) must give back exactly
    the full stage's result: tags of configured, grown and discovered topics, links and their reasons (with no
    configured topic, links a discovered topic lent to neighbouring paragraphs too: lent on one shared word
    here, so that this small fixture has some, and no pair one word short linked by content for the paragraphs
    around it, which would take the pairs those links are lent to)."""
    story_config = replace(story_config, topics=written)
    monkeypatch.setattr(carry_module, "CARRY_SHARED", 1)
    monkeypatch.setattr(content_links_module, "AROUND_SHORT", 0)
    articles = _articles(STORY, story_config)
    full = analyze_corpus(articles, story_config)
    base = _base(full, articles)
    assert base.model is not None
    fingerprints = dict(base.model.fingerprints, **{redone: "changed"})
    base = replace(base, model=replace(base.model, fingerprints=fingerprints))
    done = relink(base, articles, story_config, max_drift=1)
    assert done is not None
    tagged, topics, links, model = done.articles, done.topics, done.links, done.model
    assert model is not None
    assert [a.passages for a in tagged] == [a.passages for a in full.articles]
    assert topics == full.topics
    assert [_key(link) for link in links] == [_key(link) for link in full.links]
    assert full.model is not None and model.drift == 1 and model.strings == full.model.strings
    assert written or any(is_carried(link) for link in full.links)


def test_a_changed_article_is_linked_in_the_kept_model(story_config, tmp_path):
    folder = tmp_path / "story"
    shutil.copytree(STORY, folder)
    before = _articles(folder, story_config)
    full = analyze_corpus(before, story_config)
    base = _base(full, before)
    changed = folder / "a4_post.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    after = _articles(folder, story_config)
    done = relink(base, after, story_config, max_drift=1)
    assert done is not None
    tagged, links, model = done.articles, done.links, done.model
    assert model is not None
    touches = [link for link in links if "a4_post" in (link.source.split(":")[0], link.target.split(":")[0])]
    assert any(link.source.startswith("a4_post:4") or link.target.startswith("a4_post:4") for link in touches)
    # links between unchanged articles are kept as they were
    untouched = [_key(link) for link in links if link not in touches]
    assert untouched == [_key(link) for link in full.links if "a4_post" not in link.source + link.target]
    # ... and every link is what the full stage's linking gives in the kept model
    assert full.model is not None
    strings = {"a4_post": coded(full.model, [passage_terms(p.text) for p in tagged[3].passages])}
    space = model_space(full.model, list(tagged), strings)
    suggested = tuple(Topic(t.id, t.label, "", t.names) for t in full.model.discovered)
    expected = topic_links(space, TOPICS, story_config.thresholds)
    expected += topic_links(space, suggested, story_config.thresholds, count_own=False,
                            min_similarity=story_config.thresholds.discovered_link_min_similarity,
                            configured=frozenset(t.id for t in TOPICS),
                            min_shared=story_config.thresholds.discovered_link_min_shared)
    assert [_key(link) for link in links] == [_key(link) for link in expected]
    assert model.fingerprints["a4_post"] == fingerprint(tagged[3]) and model.drift == 1


def test_only_a_small_change_is_relinked(story_config, tmp_path):
    assert [allowed_drift(n) for n in (10, 49, 50, 1000, 5000)] == [0, 0, 1, 20, 100]
    articles = _articles(STORY, story_config)
    base = _base(analyze_corpus(articles, story_config), articles)
    two = [replace(a, content_hash=a.content_hash + "x") for a in articles[:2]] + articles[2:]
    assert relink(base, two, story_config, max_drift=1) is None  # two changed, one allowed
    assert relink(base, two, story_config, max_drift=2) is not None
    drifted = replace(base, model=replace(base.model, drift=1))
    assert relink(drifted, two, story_config, max_drift=2) is None  # changes add up until a full stage
    content = replace(story_config, thresholds=replace(story_config.thresholds, content_link_min_shared=3))
    assert relink(base, two, content, max_drift=2) is not None  # links by content are redone in the kept space
    assert relink(base, articles[:5], story_config, max_drift=1) is not None  # one removed


def test_the_model_survives_the_cache(story_config):
    articles = _articles(STORY, story_config)
    model = analyze_corpus(articles, story_config).model
    assert model is not None
    assert _decode_model(*_encode_model(model)) == model


def test_the_loader_relinks_one_changed_article_from_the_cache(story_config, tmp_path, monkeypatch):
    folder = tmp_path / "story"
    shutil.copytree(STORY, folder)
    monkeypatch.setattr(model_module, "MAX_DRIFT_SHARE", 0.2)  # six articles: one may change
    full_stages: list[int] = []
    real = loader_module.analyze_corpus

    def counting(articles, config, **kwargs):
        full_stages.append(len(articles))
        return real(articles, config, **kwargs)

    monkeypatch.setattr(loader_module, "analyze_corpus", counting)
    with Cache(tmp_path / "cache.sqlite3") as store:
        analyze([folder], story_config, cache=store)
        assert full_stages == [6]
        changed = folder / "a2_gazette.txt"
        changed.write_text(changed.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
        relinked = analyze([folder], story_config, cache=store)
        assert full_stages == [6], "one changed article ran the full corpus stage"
        assert any(link.source.startswith("a2_gazette:4") or link.target.startswith("a2_gazette:4")
                   for link in relinked.links)
        again = analyze([folder], story_config, cache=store)
        assert corpus_to_dict(again) == corpus_to_dict(relinked)
        other = folder / "a5_echo.txt"
        other.write_text(other.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
        analyze([folder], story_config, cache=store)
        assert full_stages == [6, 6], "a second change past the drift allowed must learn the model anew"


def test_an_unchanged_passage_must_beat_its_weakest_kept_link():
    import numpy as np

    from models.document import Link
    from models.pipeline.relink import _bars

    links = (Link("a:0", "b:0", "t", 0.9, ""), Link("a:0", "c:0", "t", 0.5, ""), Link("b:1", "a:0", "t", 0.7, ""),
             Link("a:0", "d:0", "u", 0.4, ""), Link("e:0", "f:0", "t", 0.8, ""))
    ends = LinkEnds.of(links)
    every = np.arange(len(links))
    # a:0 keeps three links in t (second best 0.7) and one in u; b:0, c:0... keep one each
    ids = ["a:0", "b:0", "c:0", "d:0", "e:0", "f:0", "b:1", "x:9"]
    assert _bars(ends, every, 2).of(ids, "t").tolist() == [0.7] + [-1.0] * 7
    assert _bars(ends, every, 2).of(ids, "u").tolist() == [-1.0] * 8
    assert _bars(ends, every, 3).of(ids, "t").tolist() == [0.5] + [-1.0] * 7
    assert _bars(ends, every, 1).of(ids, "t").tolist() == [0.9, 0.9, 0.5, -1.0, 0.8, 0.8, 0.7, -1.0]
    assert _bars(ends, every, 1).of(ids, "u").tolist() == [0.4, -1.0, -1.0, 0.4, -1.0, -1.0, -1.0, -1.0]
    assert _bars(ends, every, 1).of(ids, "v").tolist() == [-1.0] * 8  # a topic no kept link has
    assert _bars(ends, np.asarray([0, 1, 3]), 3).of(ids, "t").tolist() == [-1.0] * 8  # the link from b:1 is not kept


def test_new_links_are_merged_into_the_kept_ones_in_order():
    import random

    import numpy as np

    from models.document import Link
    from models.pipeline.relink import _in_order, _links_of, _merged, _order, _order_of

    rng = random.Random(4)
    ids = [f"{a}:{n}" for a in "abcdefg" for n in range(12)]

    def one() -> Link:
        source, target = sorted(rng.sample(ids, 2))
        return Link(source, target, rng.choice("tuv"), round(rng.random(), 1), "")

    def some(n: int) -> list[Link]:
        return [one() for _ in range(n)]

    kept = sorted(some(300), key=_order)
    ends = LinkEnds.of(tuple(kept))
    rows = np.arange(len(kept))
    assert _in_order(ends, rows) and _in_order(ends, rows[::7])
    new = some(40)  # ties with kept links too (scores of one decimal): a kept link stays first, as in a sort
    pool: list[Link] = []
    codes = _merged(rows, new, pool, _order_of(ends, pool), True)
    assert _links_of(ends, codes, pool) == sorted(kept + new, key=_order)
    # where each came from: its kept row (a code >= 0), or its place in the pool (-1 - k)
    assert [kept[k] if k >= 0 else pool[-1 - k] for k in codes.tolist()] == _links_of(ends, codes, pool)
    assert all(any(pool[-1 - k] is x for x in new) for k in codes.tolist() if k < 0)
    more = some(5)
    again = _merged(codes, more, pool, _order_of(ends, pool), True)  # merged into a merge: codes of both kinds
    assert _links_of(ends, again, pool) == sorted(kept + new + more, key=_order)
    shuffled = kept[:]
    shuffled[10], shuffled[200] = shuffled[200], shuffled[10]
    mixed = LinkEnds.of(tuple(shuffled))
    assert not _in_order(mixed, rows)
    pool = []
    codes = _merged(rows, new, pool, _order_of(mixed, pool), False)
    assert _links_of(mixed, codes, pool) == sorted(shuffled + new, key=_order)


def test_a_description_tags_an_article_relinked_alone_as_the_full_stage_did(story_config):
    """The description's words are worked out on the whole corpus and kept in the model (models.pipeline.
    described): an article redone alone is read with the same words."""
    told = replace(TOPICS[0], description="How long the footbridge stays shut and how people get across meanwhile, "
                                          "from the detour along the towpath to the ferry shuttle.")
    config = replace(story_config, topics=(told, *TOPICS[1:]))
    articles = _articles(STORY, config)
    full = analyze_corpus(articles, config)
    by_id = {p.id: p for a in full.articles for p in a.passages}
    tag = by_id["a2_gazette:1"].tag("closure")  # "A ferry shuttle for pedestrians will run from the pontoon ..."
    assert tag is not None and tag.evidence == () and tag.related
    base = _base(full, articles)
    assert base.model is not None
    base = replace(base, model=replace(base.model, fingerprints=dict(base.model.fingerprints, a2_gazette="changed")))
    done = relink(base, articles, config, max_drift=1)
    assert done is not None
    assert [a.passages for a in done.articles] == [a.passages for a in full.articles]
    assert [_key(link) for link in done.links] == [_key(link) for link in full.links]


@pytest.mark.parametrize("edit", ["shorter", "removed"])
def test_relinked_links_are_stored_as_columns_and_read_back_the_same(story_config, tmp_path, edit, monkeypatch):
    """A relink hands the cache its links as columns (the kept links' stored rows, the new links' values):
    read back for the new corpus they are its links, with no passage of the changed article's old version
    left in the tables (the cache would refuse the row)."""
    from models.store.cache import _decode_corpus, _encode_corpus

    monkeypatch.setattr(carry_module, "CARRY_SHARED", 1)
    folder = tmp_path / "story"
    shutil.copytree(STORY, folder)
    before = _articles(folder, story_config)
    full = analyze_corpus(before, story_config)
    base = _base(full, before)
    base = replace(base, ends=_read_back(full, before))  # the columns as the cache gives them
    changed = folder / "a4_post.txt"
    if edit == "removed":
        changed.unlink()
    else:
        changed.write_text(changed.read_text(encoding="utf-8").rsplit("\n\n", 2)[0] + "\n", encoding="utf-8")
    after = _articles(folder, story_config)
    done = relink(base, after, story_config, max_drift=1)
    assert done is not None and done.ends is not None
    assert done.ends.ids and not any(pid.startswith("a4_post:") for pid in done.ends.ids) or edit != "removed"
    back = _decode_corpus(_encode_corpus(done, after), after)
    assert [_key(link) for link in back.links] == [_key(link) for link in done.links]
    assert back.articles == done.articles


def _read_back(analysis: CorpusAnalysis, before: list[Article]) -> LinkEnds:
    from models.store.cache import _encode_corpus, _read_corpus

    return _read_corpus(_encode_corpus(analysis, before))[1]


@pytest.mark.parametrize("written", [TOPICS, ()], ids=["configured", "no-config"])
def test_links_are_all_lent_again_when_links_by_content_between_unchanged_articles_moved(story_config, written,
                                                                                         monkeypatch):
    """The kept lent links stand only while the links by content between unchanged articles are as stored;
    otherwise every link is lent again, as the full stage lends them."""
    from models.pipeline import relink as relink_module

    story_config = replace(story_config, topics=written)
    monkeypatch.setattr(carry_module, "CARRY_SHARED", 1)
    monkeypatch.setattr(relink_module, "_same_links", lambda new, old: False)
    articles = _articles(STORY, story_config)
    full = analyze_corpus(articles, story_config)
    base = _base(full, articles)
    base = replace(base, model=replace(base.model, fingerprints=dict(base.model.fingerprints, a3_courier="changed")))
    done = relink(base, articles, story_config, max_drift=1)
    assert done is not None
    assert [_key(link) for link in done.links] == [_key(link) for link in full.links]

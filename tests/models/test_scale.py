"""Scale: large topics are linked through bounded candidate blocks that agree with all-pairs linking.

Timings live in benchmarks/bench_corpus.py (printed, never asserted); these tests check the structure that
makes the cost linear: a bounded number of comparisons per passage, and what the blocks find.
"""

from __future__ import annotations

import pytest

from benchmarks.make_corpus import generate
from models.pipeline import links as links_module
from models.loader import analyze


@pytest.fixture(scope="module")
def generated(tmp_path_factory, config):
    folder = tmp_path_factory.mktemp("generated")
    generate(60, folder)
    return analyze([folder], config, cache=False)


def _links(corpus, config, monkeypatch, direct_limit):
    """What each passage is linked to, as (passage, other article, topic) -> best score: equally good
    choices among tied passages count as the same."""
    monkeypatch.setattr(links_module, "DIRECT_LIMIT", direct_limit)
    best: dict[tuple[str, str, str | None], float] = {}
    for link in links_module.find_links(list(corpus.articles), config.topics, config.thresholds):
        for a, b in ((link.source, link.target), (link.target, link.source)):
            key = (a, b.split(":")[0], link.topic)
            best[key] = max(best.get(key, 0.0), link.score)
    return best


def _found(want: dict, got: dict) -> float:
    return sum(1 for key, score in want.items() if got.get(key, -1.0) >= score - 0.02) / len(want)


def test_generated_articles_are_all_kept(generated):
    assert len(generated.articles) == 60 and not generated.problems
    assert not any(n.startswith("also at") for a in generated.articles for n in a.notes)


def test_blocks_find_what_all_pairs_finds(generated, config, monkeypatch):
    every = _links(generated, config, monkeypatch, 10**9)
    blocked = _links(generated, config, monkeypatch, 0)
    assert _found(every, blocked) >= 0.8
    assert _found(blocked, every) >= 0.8


def test_comparisons_per_passage_are_bounded(generated, config, monkeypatch):
    cells = []
    real = links_module._cdist

    def counting(queries, choices, workers):
        cells.append(len(queries) * len(choices))
        return real(queries, choices, workers)

    monkeypatch.setattr(links_module, "_cdist", counting)
    monkeypatch.setattr(links_module, "DIRECT_LIMIT", 0)
    links_module.find_links(list(generated.articles), config.topics, config.thresholds)
    tagged = sum(len(p.topics) for a in generated.articles for p in a.passages)
    window = config.thresholds.link_candidates
    bound = links_module.KEYS_PER_PASSAGE * 2 * window
    assert sum(cells) <= bound * tagged
    assert max(cells) <= window * 2 * window


def test_no_passage_is_a_hub(generated, config):
    cap = (1 + links_module.HUB_FACTOR) * config.thresholds.links_max_per_passage
    per_topic: dict[tuple[str, str], int] = {}
    for link in generated.links:
        for end in (link.source, link.target):
            per_topic[(end, link.topic)] = per_topic.get((end, link.topic), 0) + 1
    assert max(per_topic.values()) <= cap


def test_passages_are_compared_by_their_specific_words(seeds_corpus):
    """The words a passage is compared by are its lemmas that say something: used by another passage too, not
    the story's own, not a word every English text uses; coded most specific first."""
    from models.pipeline.corpus import corpus_terms

    articles = list(seeds_corpus.articles)
    terms, stats = corpus_terms(articles)
    space = links_module.LinkSpace.build(articles, terms, stats)
    flat = [pt for per_article in terms for pt in per_article]
    assert len(space.strings) == len(flat)
    for string, pt in zip(space.strings, flat):
        want = {t for t in pt.lemmas if stats.df[t] >= 2 and not stats.story_wide(t) and stats.specificity(t) > 0}
        assert {t for t, c in space.code.items() if c in string} == want
        assert list(string) == sorted(string)
    specificity = [stats.specificity(t) for t in sorted(space.code, key=space.code.__getitem__)]
    assert specificity == sorted(specificity, reverse=True)

"""A corpus's links as columns read as Links (models/link_table.py): the same links, in the same order, the
same answers to `links_of` and `linked_ids` as a tuple of Links gives, from every kind of column (the
cache's array.arrays, a relink's numpy arrays, lists)."""

from __future__ import annotations

import random
from array import array

import numpy as np
import pytest

from models.document import Article, Corpus, Link, Passage
from models.link_table import LinkEnds, LinkTable


def _links() -> tuple[Link, ...]:
    """Links between passages of four made-up articles: scores of one decimal (ties), a passage at the source
    end of some links and the target end of others, links by content (topic None) last."""
    rng = random.Random(7)
    ids = [f"{a}:{n}" for a in "abcd" for n in range(6)]
    out = []
    for k in range(120):
        source, target = sorted(rng.sample(ids, 2))
        if source[0] == target[0]:
            continue
        topic = None if k >= 100 else rng.choice(["bridge", "funding"])
        out.append(Link(source, target, topic, round(rng.random(), 1), f"reason {k % 3}",
                        tuple(rng.sample(["pier", "flood", "grant", "ferry"], k % 3))))
    return tuple(out)


def _corpus(links) -> Corpus:
    articles = tuple(
        Article(a, f"{a}.txt", None, None, None, None, "text",
                tuple(Passage(f"{a}:{n}", a, n, "text", 0, 4) for n in range(6)), (), a)
        for a in "abcd"
    )
    return Corpus(articles, (), links)


def _as(kind: str, ends: LinkEnds) -> LinkEnds:
    """The same columns as the cache (array.array) or a relink (numpy) gives them."""
    if kind == "list":
        return ends
    ints = (lambda c: array("i", c)) if kind == "array" else (lambda c: np.asarray(c, dtype=np.int32))
    floats = (lambda c: array("d", c)) if kind == "array" else (lambda c: np.asarray(c, dtype=np.float64))
    return LinkEnds(ends.ids, ints(ends.source), ints(ends.target), ends.topics, ints(ends.topic),
                    floats(ends.score), ends.reasons, ints(ends.reason), ends.shared_terms, ints(ends.shared))


@pytest.mark.parametrize("kind", ["list", "array", "numpy"])
def test_a_table_reads_as_the_links_it_was_made_of(kind):
    links = _links()
    table = LinkTable(_as(kind, LinkEnds.of(links)))
    assert len(table) == len(links)
    assert table[0] == links[0] and table[-1] == links[-1] and table[17] == links[17]
    assert all(type(link.score) is float for link in (table[3], *table))  # never a numpy number
    assert tuple(table) == links and table == links and links == table and table[2:9] == links[2:9]
    assert table + (links[0],) == links + (links[0],) and (*table, links[1]) == links + (links[1],)
    with pytest.raises(IndexError):
        table[len(links)]


@pytest.mark.parametrize("kind", ["array", "numpy"])
def test_a_passages_links_from_a_table_are_those_from_the_tuple_best_first(kind):
    links = _links()
    plain, columns = _corpus(links), _corpus(LinkTable(_as(kind, LinkEnds.of(links))))
    for passage in plain.passages_by_id:
        assert columns.links_of(passage) == plain.links_of(passage)
    assert columns.links_of("nowhere:0") == []
    assert columns.linked_ids == plain.linked_ids and "a:0" in plain.linked_ids


def test_reading_one_passages_links_makes_no_other_link():
    links = _links()
    table = LinkTable(_as("array", LinkEnds.of(links)))
    corpus = _corpus(table)
    assert corpus.links_of("b:2") and corpus.linked_ids
    assert table._all is None  # the whole table was never made

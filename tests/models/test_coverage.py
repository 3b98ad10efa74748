"""Coverage: the topic x article matrix, opening on what the corpus discusses."""

from __future__ import annotations

from dataclasses import replace

from models.document import TopicInfo
from models.insight.coverage import coverage


def test_topics_that_tag_nothing_are_named_apart_not_rows_of_dashes(seeds_corpus):
    silent = TopicInfo("fisheries", "Fisheries quota", "#888888")
    corpus = replace(seeds_corpus, topics=(silent, *seeds_corpus.topics))
    matrix = coverage(corpus)
    assert [row.topic.id for row in matrix.rows] == [
        t.id for t in seeds_corpus.topics if any(p.tag(t.id) for p in seeds_corpus.passages_by_id.values())]
    assert all(row.articles for row in matrix.rows)
    assert matrix.silent == (silent,)  # named, not lost: what nobody covers is a finding too
    empty = matrix.row(silent)  # a silent topic asked for by name gets a row of empty cells
    assert len(empty.cells) == len(corpus.articles) and empty.articles == 0

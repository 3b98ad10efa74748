"""Coverage: the topic x article matrix, opening on what the corpus discusses."""

from __future__ import annotations

from dataclasses import replace

from models.document import TopicInfo
from models.insight.coverage import coverage


def test_topics_that_tag_nothing_go_below_the_ones_that_do(seeds_corpus):
    silent = TopicInfo("fisheries", "Fisheries quota", "#888888")
    corpus = replace(seeds_corpus, topics=(silent, *seeds_corpus.topics))
    rows = coverage(corpus).rows
    assert rows[-1].topic.id == "fisheries" and rows[-1].articles == 0
    tagged = [row.topic.id for row in rows if row.articles]
    assert tagged == [t.id for t in seeds_corpus.topics if any(p.tag(t.id) for p in seeds_corpus.passages_by_id.values())]
    assert len(rows) == len(corpus.topics)  # kept, not hidden: the user may want to see a topic of theirs at zero

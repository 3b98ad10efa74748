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


def test_a_config_for_another_story_is_counted_not_named():
    """The bundled seed topics on a new story (a new user's trial): every configured topic is silent, so the
    sentence counts them instead of listing five topics of another story in the reader and in the export;
    a silent topic beside configured ones that do tag the story is still named (what nobody covers)."""
    from models.insight.coverage import Cell, Coverage, Row

    found = Row(TopicInfo("d-floods", "floods, dams", "#123456", discovered=True), (Cell(2, 2, 0),))
    own = Row(TopicInfo("toll", "Death toll", "#654321"), (Cell(1, 1, 0),))
    seeds = tuple(TopicInfo(f"s{n}", f"Seed topic {n}", "#888888") for n in range(5))
    foreign = Coverage((found,), seeds, 1)
    assert foreign.silent_sentence() == "None of the 5 configured topics is discussed in these articles."
    assert "Seed topic" not in foreign.silent_sentence()
    mixed = Coverage((own, found), seeds[:2], 1)
    assert mixed.silent_sentence() == "No passage here discusses these topics: Seed topic 0; Seed topic 1."
    assert mixed.silent_sentence(frozenset({"s0"}), quote=str.upper) == (
        "No passage here discusses this topic: SEED TOPIC 1.")
    assert Coverage((own,), (), 1).silent_sentence() == ""

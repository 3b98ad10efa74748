"""The link inspector lists a pair of passages once, however many topics link it."""

from __future__ import annotations

from models.document import Article, Corpus, Link, Passage, TopicInfo
from tui.screens.inspector import link_prompt, one_row_per_passage


def _corpus() -> Corpus:
    articles = []
    for aid in ("a", "b"):
        texts = ["The lock gates stayed shut all week.", "Barges queued below the weir."]
        passages, offset = [], 0
        for i, text in enumerate(texts):
            passages.append(Passage(f"{aid}:{i}", aid, i, text, offset, offset + len(text), ()))
            offset += len(text) + 2
        articles.append(Article(aid, f"/x/{aid}.txt", aid.upper(), None, None, None, "\n\n".join(texts),
                                tuple(passages), (), "h-" + aid))
    topics = (TopicInfo("locks", "Lock closures", "#ff0000"), TopicInfo("traffic", "River traffic", "#00ff00"))
    links = (Link("a:0", "b:0", "locks", 0.86, "Both say: gates"), Link("a:0", "b:0", "traffic", 0.85, "Both say: week"),
             Link("a:0", "b:1", "traffic", 0.40, "Both say: barges"))
    return Corpus(tuple(articles), topics, links)


def test_a_pair_linked_on_two_topics_is_one_row_with_its_best_link_first():
    corpus = _corpus()
    rows = one_row_per_passage(corpus.links_of("a:0"), "a:0")
    assert [(best.other("a:0"), best.topic, [l.topic for l in also]) for best, also in rows] == [
        ("b:0", "locks", ["traffic"]), ("b:1", "traffic", [])]
    text = link_prompt(corpus, "a:0", *rows[0]).plain
    assert text.startswith("0.86 ● Lock closures · also River traffic 0.85")

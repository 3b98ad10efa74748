"""The story's own multi-word name is no reason to link two passages, and a link's reason names what the two
passages say before whom or where they name.

The fixture is a made-up story written for this test (a causeway on an invented bay closed by a storm): every
account names "the Alder Bay Causeway" once or so, in a quarter of the passages, whatever the passage says."""

from __future__ import annotations

from collections.abc import Mapping

from models.config import Topic
from models.document import Article, Link, Passage, TopicTag
from models.pipeline.links import LinkSpace, _Naming, _reason, story_names, topic_links
from models.pipeline.stats import CorpusStats, passage_terms
from models.text import lemma

ROAD = Topic("road", "Road closed", "#ffffff", ("closed", "closure"))
FOUND = Topic("found", "ferries, timetable", "#000000", ("ferries",))

STORY: dict[str, list[str]] = {
    "herald": [
        "Storm waves cracked the deck of the Alder Bay Causeway before dawn on Sunday.",
        "Engineers said the causeway would stay shut while divers inspect the cracked piers.",
        "Extra ferries will sail every hour under a temporary timetable, the port office said.",
        "Shops on the island reported empty shelves by the afternoon.",
    ],
    "post": [
        "Mayor Ilse Varga closed the causeway after waves flooded the roadway.",
        "Commuters who cross the Alder Bay Causeway each morning queued for the ferries under a temporary timetable.",
        "Mayor Ilse Varga promised compensation to the fishing cooperative.",
        "The causeway opened in 1974 and was last repaired a decade ago.",
    ],
    "record": [
        "Inspectors found cracked piers beneath the causeway, divers confirmed.",
        "The Alder Bay Causeway carries about nine thousand cars a day.",
        "Schools on the island closed until the causeway reopens.",
        "Mayor Ilse Varga thanked volunteers who filled sandbags.",
    ],
    "gazette": [
        "Bakers on the Alder Bay Causeway side of the island handed out bread to stranded drivers.",
        "The causeway will stay shut for at least a week, engineers warned.",
        "Tourists cancelled bookings at guesthouses across the island.",
        "A spokesman for the coastguard said nobody was hurt.",
    ],
}


def _articles(tags: Mapping[str, tuple[str, float, tuple[str, ...]]] | None = None) -> list[Article]:
    tags = tags or {}
    out = []
    for aid, texts in STORY.items():
        passages, offset = [], 0
        for i, text in enumerate(texts):
            pid = f"{aid}:{i}"
            topics = (TopicTag(tags[pid][0], tags[pid][1], False, tags[pid][2]),) if pid in tags else ()
            passages.append(Passage(pid, aid, i, text, offset, offset + len(text), topics))
            offset += len(text) + 2
        out.append(Article(aid, f"{aid}.txt", None, None, None, None, "\n\n".join(texts), tuple(passages), (), aid))
    return out


def _stats(articles: list[Article]) -> tuple[list, CorpusStats]:
    terms = [[passage_terms(p.text) for p in a.passages] for a in articles]
    return terms, CorpusStats.build(terms)


def _linked(links: list[Link]) -> dict[frozenset[str], Link]:
    return {frozenset((link.source, link.target)): link for link in links}


def test_the_words_of_the_storys_own_name_are_found_from_the_corpus():
    _, stats = _stats(_articles())
    assert stats.story_wide("causeway")
    assert not stats.story_wide("alder") and not stats.story_wide("bay")
    # "Alder Bay" is written beside the story-wide "causeway"; the mayor, named in three of four articles, is
    # someone, not the story's subject, and never beside a story-wide word
    assert story_names(stats) == frozenset({"alder", "bay"})


def test_two_passages_sharing_only_the_storys_name_are_not_linked(config):
    # herald:0 and gazette:0 share nothing but the causeway's name; herald:0 and record:0 share what they say
    tags = {pid: ("found", 0.8, ()) for pid in ("herald:0", "gazette:0", "record:0")}
    articles = _articles(tags)
    terms, stats = _stats(articles)
    space = LinkSpace.build(articles, terms, stats)
    assert "alder" not in space.code and "bay" not in space.code
    pairs = _linked(topic_links(space, (FOUND,), config.thresholds, count_own=False, min_similarity=0.1))
    assert frozenset(("herald:0", "gazette:0")) not in pairs
    link = pairs[frozenset(("herald:0", "record:0"))]
    assert "Alder" not in link.shared_terms and "cracked" in link.shared_terms


def test_a_reason_names_what_is_said_before_who_says_it():
    articles = _articles()
    terms, stats = _stats(articles)
    space = LinkSpace.build(articles, terms, stats)
    # the names are rarer in English than "cracked", so more specific: still they come after it
    crack, varga, ilse = (lemma(w) for w in ("cracked", "varga", "ilse"))
    assert stats.specificity(varga) > stats.specificity(crack)
    words = space.words({space.code[t] for t in (crack, varga, ilse)})
    assert words[0] == "cracked" and set(words[1:]) == {"Varga", "Ilse"}


def test_a_reason_says_how_each_names_the_topic_when_they_share_only_other_words():
    articles = _articles({"post:0": ("road", 0.8, ("closure",)), "record:2": ("road", 0.8, ("closed",))})
    a = _Naming.of(articles[1].passages[0], ROAD, True)
    b = _Naming.of(articles[2].passages[2], ROAD, True)
    shared, reason = _reason(ROAD, a, b, ("Varga",))
    assert shared == ("Varga",)
    assert "“closure”" in reason and "“closed”" in reason and "Varga" in reason


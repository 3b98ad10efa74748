"""References by context: a passage that continues its neighbour's subject inherits its topic, as implicit.

A writer who has just named a topic goes on without naming it again: "This country should get its due.",
"He wrote:" followed by the statement itself. Such a passage names no topic of its own, so the aliases and
the vocabulary miss it. It continues the passage before it when

- it is one sentence that opens with a word pointing back (a personal or demonstrative pronoun: "It",
  "This", "They", "His"; a paragraph of several sentences that opens so sets out a subject of its own); one
  that names another topic of its own still continues when it points back to a participant ("They claimed
  ...", "Her lawyers argued ...") or with a demonstrative and its noun ("Such events will ..."), not with "It"
  or a bare "This", which as often point at nothing ("It is little wonder that ..."), or
- the passage before it ends with a colon, so it is what that passage announced (a quotation, a list), or
- it goes on with a quotation the passage before it left open: a speech quoted over several paragraphs opens
  each with a quotation mark and closes only the last ("Sir Keir said: “After 12 years ..." then "“Each one
  of these crises ...”"): the same speech goes on, so such a paragraph inherits the topic even when it
  names another one of its own;
- it gives more words of the speaker the passage before it quoted, attributed to a pronoun, a description of
  them or their name again, or to no one ("“The fine ignores our efforts,” the company retorted." after
  "“We acted in good faith,” the spokesperson said."; "The incident, he said, hurt the country.")
  (models.pipeline.speaker_turn);

and the passage before it discusses exactly one of the configured topics (a speech quoted over several
paragraphs carries the topic it inherited on through the paragraphs that reopen it, whatever they name on the
way) (with two, the reference is
ambiguous and nothing is inferred), on words of its own: a topic the corpus gave it (grown vocabulary, the
topic's description: weaker evidence, with no `evidence` but `related` words) is not carried further. The inherited tag is implicit, with the opening words as evidence and
the passage the topic was named in as `inferred_from`; a run of such passages carries the topic on, at most
`MAX_RUN` passages from where it was named. The other way round, a paragraph that names no configured topic
and opens a quotation the next paragraph goes on with ("She said: “I came into office ...", then "“Our country
has been held back ... a mandate ...") is the start of that speech, and gets the topic the next one names on
words of its own (exactly one), from it. Only the configured topics are inherited: a discovered topic's
passages are grouped by their own words already.
"""

from __future__ import annotations

import re
from dataclasses import replace

from models.config import Topic
from models.document import Article, Passage, TopicTag
from models.pipeline.speaker_turn import speaker_turn
from models.text import STOPWORDS

MAX_RUN = 3  # passages a topic is carried on from the one that named it
SCORE = 0.45  # an inherited tag's score (a weak reference's, see topics.Tagger._infer)
_NEXT_SENTENCE = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")  # a sentence ends and another starts
_OPENING_QUOTES = frozenset("“\"")  # a paragraph that opens with one of these may continue a quotation
_PERSONAL = frozenset("he she they his her their him them".split())  # point back to a person or body
_DEMONSTRATIVE = frozenset("this these those such".split())  # point back with the noun after them
_NEXT_WORD = re.compile(r"\s+(\w+)")
_POINTS_BACK = re.compile(
    r"^\W{0,3}(it|its|this|these|those|such|he|she|they|his|her|their|him|them)\b", re.IGNORECASE
)


def continues(passage: Passage, before: Passage, earlier: Passage | None = None) -> str | None:
    """The words by which `passage` continues `before` (its opening pronoun, the colon `before` ends with,
    the quotation `before` leaves open and `passage` reopens, or more words of the speaker `before` quoted:
    models.pipeline.speaker_turn, where `earlier` is the passage before `before`), else None."""
    found = _POINTS_BACK.match(passage.text)
    if found and not _NEXT_SENTENCE.search(passage.text):
        return found.group(1)
    if before.text.rstrip().endswith(":"):
        return " ".join(before.text.split()[-3:])
    return _reopens(passage, before) or speaker_turn(passage.text, before.text, earlier.text if earlier else "")


def _points_back(passage: Passage) -> str | None:
    """The opening words of a one-sentence `passage` that names a topic of its own and still points back to a
    participant of the passage before: a personal pronoun ("They claimed ...", "Her lawyers argued ...") or a
    demonstrative with its noun ("Such events will ..."); not "It" or a bare "This", which as often point at
    nothing ("It is little wonder that ...", "This is a precarious balance")."""
    found = _POINTS_BACK.match(passage.text)
    if found is None or _NEXT_SENTENCE.search(passage.text):
        return None
    word = found.group(1).lower()
    if word in _PERSONAL:
        return found.group(1)
    if word in _DEMONSTRATIVE:
        noun = _NEXT_WORD.match(passage.text, found.end())
        if noun and noun.group(1).lower() not in STOPWORDS:
            return f"{found.group(1)} {noun.group(1)}"
    return None


def _opens_with_own(passage: Passage, ids: set[str]) -> bool:
    """True when `passage` opens with the words of a topic tag of its own ("Her long-awaited sentence comes
    ..."): the possessive points back to a person, but what the sentence is about is that topic."""
    text = passage.text.lstrip(" \"“‘'").lower()
    return any(t.topic in ids and t.evidence and text.startswith(t.evidence[0].lower()) for t in passage.topics)


def _reopens(passage: Passage, before: Passage) -> str | None:
    """The opening words of `passage` when it goes on with a quotation `before` left open, else None."""
    if passage.text.lstrip()[:1] in _OPENING_QUOTES and _leaves_open(before.text):
        return " ".join(passage.text.split()[:3])
    return None


def _opening(passage: Passage) -> str:
    """Where the quotation `passage` leaves open starts: its opening mark and the two words after it."""
    text = passage.text
    at = text.rfind("“") if text.count("“") > text.count("”") else text.rfind('"')
    return " ".join(text[max(0, at):].split()[:3])


def _leaves_open(text: str) -> bool:
    """True when `text` opens a quotation it does not close: a quotation that runs on into the next paragraph
    (which, by the printer's convention, opens with a quotation mark again and closes only at its end)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def inherit(articles: list[Article], topics: tuple[Topic, ...]) -> list[Article]:
    """The articles with topics inherited by context (see the module docstring)."""
    ids = {t.id for t in topics}
    out = []
    for article in articles:
        passages = list(article.passages)
        origin: dict[int, int] = {}  # passage -> the passage its inherited topic was named in
        changed = False
        carried: dict[int, str] = {}  # passage -> the topic it inherited
        for p in range(1, len(passages)):
            here, before = passages[p], passages[p - 1]
            mine = [t for t in before.topics if t.topic in ids]
            reopened = _reopens(here, before)
            if p - 1 in carried and reopened:  # a speech goes on: its topic, whatever else was named on the way
                topic = carried[p - 1]
            elif len(mine) != 1 or not mine[0].evidence:
                continue  # none, ambiguous, or given by the corpus's words (no evidence of its own)
            else:
                topic = mine[0].topic
            if here.tag(topic) is not None:
                continue
            source = origin.get(p - 1, p - 1)
            if p - source > MAX_RUN:
                continue
            if any(t.topic in ids for t in here.topics):
                words = reopened or (None if _opens_with_own(here, ids) else _points_back(here))  # see _points_back
            else:
                words = continues(here, before, passages[p - 2] if p > 1 else None)
            if words is None:
                continue
            tag = TopicTag(topic, SCORE, True, (words,), inferred_from=source)
            passages[p] = replace(here, topics=(*here.topics, tag))
            origin[p] = source
            carried[p] = topic
            changed = True
        for p in range(len(passages) - 2, -1, -1):  # a quotation opened here and named further on
            here, after = passages[p], passages[p + 1]
            mine = [t for t in after.topics if t.topic in ids and not t.implicit and t.evidence]
            if len(mine) != 1 or any(t.topic in ids for t in here.topics) or _reopens(after, here) is None:
                continue
            words = _opening(here)
            tag = TopicTag(mine[0].topic, SCORE, True, (words,), inferred_from=p + 1)
            passages[p] = replace(here, topics=(*here.topics, tag))
            changed = True
        out.append(replace(article, passages=tuple(passages)) if changed else article)
    return out

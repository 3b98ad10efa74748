"""Another story's topic: a configured topic named by its names, none of which this corpus uses.

A topic's aliases mix its own names (a person, a date, an acronym, a model number: words rare in English at
large, or with digits) with everyday words that also name it ("coup", "attempt", "sanctions"). A topic most
of whose aliases are such names is defined by them: the 2016 coup attempt is "Gulen", "FETO", "July 15" and
"putsch" as much as "coup". When a corpus meets such a topic only through its everyday words, with none of
its names anywhere (nor a name the user wrote capitalised among its aliases or required terms: "drones"
beside the required "Ukraine" is still that topic), the corpus is about something else that shares the words (another coup, other sanctions):
the bundled topics of one story opened on another, or a topics file written for another folder. Such a
topic is *foreign* to the corpus: its tags are dropped, so it is silent (the topic bar's one line on the
configured topics no passage discusses says so), instead of tagging and linking the other story's passages.

A topic most of whose aliases are everyday words (a topics file written in five minutes: "cause", "blame",
"strong winds", and one "sandstorm") is the user's own and keeps whatever those words tag.

Decided once over the whole corpus and kept with the topic's vocabulary (`Vocabulary.foreign`), so an
article relinked alone (models/pipeline/relink.py) is read as the whole corpus was.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from models import background
from models.config import Topic
from models.document import Article
from models.text import lemma, tokens

NAME_ZIPF = 3.0  # a word rarer than this in English (or with a digit) is a name, not an everyday word


@lru_cache(maxsize=1 << 12)
def is_name(text: str) -> bool:
    """True when an alias (or the words a passage matched it with) holds a name: a word with a digit or one
    rarer in English than `NAME_ZIPF` ("Gulen", "July 15", "S-400"; not "coup attempt")."""
    return any(not w.norm.isalpha() or background.zipf(w.norm) < NAME_ZIPF for w in tokens(text))


def _key(text: str) -> str:
    """Words as lemmas, case folded ("Ukrainian" of a passage meets the user's "Ukrainian")."""
    return " ".join(lemma(w.norm) for w in tokens(text))


def _by_names(topic: Topic) -> bool:
    """True when at least half of the topic's aliases are names (`is_name`)."""
    names = sum(is_name(alias) for alias in topic.aliases)
    return bool(topic.aliases) and 2 * names >= len(topic.aliases)


def foreign_topics(articles: list[Article], topics: tuple[Topic, ...]) -> set[str]:
    """The topics foreign to these articles (see the module docstring): defined by names, tagged here, and
    never tagged by a name: one of those, or an alias or required term the user wrote capitalised ("drones"
    met beside the required "Ukraine" is the drones-to-Ukraine topic; "coup" beside "attempted" is any coup)."""
    candidates = {t.id for t in topics if _by_names(t)}
    if not candidates:
        return set()
    proper = {t.id: {_key(term) for term in (*t.aliases, *(r for group in t.requires for r in group))
                     if term[:1].isupper()} for t in topics if t.id in candidates}
    tagged: set[str] = set()
    named: set[str] = set()
    for article in articles:
        for passage in article.passages:
            for tag in passage.topics:
                if tag.topic in candidates:
                    tagged.add(tag.topic)
                    if not tag.implicit and any(is_name(e) or _key(e) in proper[tag.topic] for e in tag.evidence):
                        named.add(tag.topic)
    return tagged - named


def without_topics(articles: list[Article], drop: set[str]) -> list[Article]:
    """The articles with every tag of the topics in `drop` removed."""
    if not drop:
        return articles
    out = []
    for article in articles:
        if not any(t.topic in drop for p in article.passages for t in p.topics):
            out.append(article)
            continue
        passages = tuple(replace(p, topics=tuple(t for t in p.topics if t.topic not in drop))
                         if any(t.topic in drop for t in p.topics) else p for p in article.passages)
        out.append(replace(article, passages=passages))
    return out

"""The reader's navigation state and every move a key can make, as plain Python.

Keeping this out of the widgets means each key's behaviour is a method that can be unit-tested without a
terminal, and the screen only has to apply the resulting state to its panes ("attributes down").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.document import Corpus, Link, Passage


# The topic bar's "no topic" entry: focusing it shows the passages no topic tags (what the topics miss).
NO_TOPIC = "\x00no-topic"


def shows(passage: Passage, topic: str | None) -> bool:
    """Whether `passage` stands out when `topic` is focused (None: every passage does)."""
    if topic is None:
        return True
    if topic == NO_TOPIC:
        return not passage.topics
    return passage.tag(topic) is not None

@dataclass
class ReaderState:
    """Which article and passage have the focus, which topic is focused, and where we came from."""

    corpus: Corpus
    article: int = 0
    cursors: list[int] = field(default_factory=list)
    topic: str | None = None
    history: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.cursors:
            self.cursors = [0] * len(self.corpus.articles)
        self._index = {a.id: i for i, a in enumerate(self.corpus.articles)}

    # -- reading ---------------------------------------------------------------------------------------

    @property
    def empty(self) -> bool:
        return not self.corpus.articles

    def passage(self, article: int | None = None) -> Passage | None:
        """The focused passage (of `article`, default the focused article)."""
        if self.empty:
            return None
        a = self.article if article is None else article
        passages = self.corpus.articles[a].passages
        return passages[self.cursors[a]] if passages else None

    def article_index(self, article_id: str) -> int:
        return self._index[article_id]

    def position(self, passage_id: str) -> tuple[int, int]:
        """(article index, passage index) of a passage id."""
        passage = self.corpus.passage(passage_id)
        return self._index[passage.article_id], passage.index

    def links(self) -> list[Link]:
        """Links of the focused passage, best first; only those on the focused topic when one is set."""
        passage = self.passage()
        if passage is None:
            return []
        links = self.corpus.links_of(passage.id)
        if self.topic is not None and self.topic != NO_TOPIC:
            links = [link for link in links if link.topic == self.topic]
        return links

    def linked_in(self, article: int) -> dict[int, float]:
        """Passage index -> best link score, for the focused passage's links into `article`."""
        passage = self.passage()
        out: dict[int, float] = {}
        if passage is None:
            return out
        for link in self.links():
            other = self.corpus.passage(link.other(passage.id))
            if self._index[other.article_id] == article:
                out[other.index] = max(out.get(other.index, 0.0), link.score)
        return out

    def best_in(self, article: int) -> int | None:
        linked = self.linked_in(article)
        return max(linked, key=lambda i: (linked[i], -i)) if linked else None

    def on_topic(self, passage: Passage) -> bool:
        return shows(passage, self.topic)

    @property
    def real_topic(self) -> str | None:
        """The focused topic, None when none is or when "no topic" is (views that need a topic)."""
        return None if self.topic == NO_TOPIC else self.topic

    # -- moving ----------------------------------------------------------------------------------------

    def move(self, delta: int) -> bool:
        """Previous/next passage in the focused article; False at either end."""
        if self.empty:
            return False
        count = len(self.corpus.articles[self.article].passages)
        target = min(max(self.cursors[self.article] + delta, 0), count - 1)
        if target == self.cursors[self.article]:
            return False
        self.cursors[self.article] = target
        return True

    def move_to(self, index: int) -> bool:
        """Put the cursor on passage `index` of the focused article."""
        if self.empty:
            return False
        count = len(self.corpus.articles[self.article].passages)
        target = min(max(index, 0), count - 1)
        changed = target != self.cursors[self.article]
        self.cursors[self.article] = target
        return changed

    def move_on_topic(self, delta: int) -> bool:
        """Next/previous passage on the focused topic (any topic when none is focused), carrying on into the
        next/previous article that has one. False when there is none in that direction."""
        if self.empty:
            return False
        topic = self.topic
        wanted = (lambda p: shows(p, topic)) if topic else (lambda p: bool(p.topics))
        articles = self.corpus.articles
        a, i = self.article, self.cursors[self.article]
        for step in range(len(articles) + 1):
            art = (a + delta * step) % len(articles)
            if step and ((delta > 0 and art <= a) or (delta < 0 and art >= a)):
                break  # wrapped all the way round: no wrap-around, stop at the ends
            passages = articles[art].passages
            if step == 0:
                indices = range(i + 1, len(passages)) if delta > 0 else range(i - 1, -1, -1)
            else:
                indices = range(len(passages)) if delta > 0 else range(len(passages) - 1, -1, -1)
            for j in indices:
                if wanted(passages[j]):
                    if art != self.article:
                        self.history.append((self.article, self.cursors[self.article]))
                    self.article = art
                    self.cursors[art] = j
                    return True
        return False

    def switch_article(self, delta: int) -> bool:
        """Focus the next/previous pane's article (wrapping round)."""
        if len(self.corpus.articles) < 2:
            return False
        self.article = (self.article + delta) % len(self.corpus.articles)
        return True

    def jump(self, passage_id: str) -> None:
        """Focus a passage anywhere, remembering where we were so `back` can return."""
        article, index = self.position(passage_id)
        if not self.empty:
            self.history.append((self.article, self.cursors[self.article]))
        self.article = article
        self.cursors[article] = index

    def follow(self, link: Link | None = None) -> Link | None:
        """Follow `link` (default: the best link of the focused passage); the link followed, or None."""
        passage = self.passage()
        if passage is None:
            return None
        if link is None:
            links = self.links()
            if not links:
                return None
            link = links[0]
        self.jump(link.other(passage.id))
        return link

    def back(self) -> bool:
        """Return to where the last jump started."""
        if not self.history:
            return False
        self.article, index = self.history.pop()
        self.cursors[self.article] = index
        return True

    # -- topics ----------------------------------------------------------------------------------------

    def cycle_topic(self) -> str | None:
        """Focus the next topic that some passage discusses (after the last: none)."""
        ids = [t.id for t in self.corpus.topics if self.topic_count(t.id)[0]]
        if self.topic_count(NO_TOPIC)[0]:
            ids.append(NO_TOPIC)
        if not ids:
            self.topic = None
        elif self.topic not in ids:
            self.topic = ids[0]
        else:
            position = ids.index(self.topic) + 1
            self.topic = ids[position] if position < len(ids) else None
        return self.topic

    def set_topic(self, topic: str | None) -> None:
        self.topic = topic

    def topic_count(self, topic_id: str) -> tuple[int, int]:
        """(passages, articles) discussing `topic_id` (counted once per corpus)."""
        counts = self.__dict__.get("_topic_counts")
        if counts is None:
            counts = {}
            for topic in self.corpus.topics:
                per_article = [sum(1 for p in a.passages if p.tag(topic.id) is not None) for a in self.corpus.articles]
                counts[topic.id] = (sum(per_article), sum(1 for n in per_article if n))
            untagged = [sum(1 for p in a.passages if not p.topics) for a in self.corpus.articles]
            counts[NO_TOPIC] = (sum(untagged), sum(1 for n in untagged if n))
            self.__dict__["_topic_counts"] = counts
        return counts.get(topic_id, (0, 0))


def window(count: int, capacity: int, focus: int, start: int) -> int:
    """The first visible pane when `capacity` panes show `count` articles: moves as little as possible to
    keep `focus` in view."""
    capacity = max(1, min(capacity, count))
    start = min(max(start, 0), max(0, count - capacity))
    if focus < start:
        return focus
    if focus >= start + capacity:
        return focus - capacity + 1
    return start

"""The topic bar: one chip per topic with its colour and how many passages and articles discuss it.

Clicking a chip posts `TopicBar.Chosen` up to the screen; the screen sets `focused` down.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from models.document import TopicInfo


class TopicChip(Static):
    """One topic: colour mark, label, passage and article counts."""

    def __init__(self, topic: TopicInfo, passages: int, articles: int) -> None:
        super().__init__(id=f"topic-{topic.id}")
        self.topic = topic
        self.counts(passages, articles)

    def counts(self, passages: int, articles: int) -> None:
        topic = self.topic
        label = Text()
        label.append("● ", style=topic.colour)
        label.append(topic.label)
        label.append(f" {passages}¶ {articles}a", style="dim")
        self.update(label)
        self.set_class(passages == 0, "-silent")
        self.tooltip = f"{topic.label}: {passages} passages in {articles} articles"

    def on_click(self) -> None:
        self.post_message(TopicBar.Chosen(self.topic.id))


class TopicBar(Horizontal):
    """All topics in a row; the focused one stands out."""

    class Chosen(Message):
        def __init__(self, topic_id: str | None) -> None:
            super().__init__()
            self.topic_id = topic_id

    def __init__(self, topics: list[tuple[TopicInfo, int, int]], **kwargs) -> None:
        super().__init__(**kwargs)
        self._topics = topics

    def compose(self) -> ComposeResult:
        for topic, passages, articles in self._topics:
            yield TopicChip(topic, passages, articles)

    _focused: str | None = "-"

    def update_counts(self, counts: list[tuple[TopicInfo, int, int]]) -> None:
        by_id = {topic.id: (passages, articles) for topic, passages, articles in counts}
        for chip in self.query(TopicChip):
            chip.counts(*by_id.get(chip.topic.id, (0, 0)))

    def focus_topic(self, topic_id: str | None) -> None:
        if topic_id == self._focused:
            return
        self._focused = topic_id
        for chip in self.query(TopicChip):
            chip.set_class(chip.topic.id == topic_id, "-focused")
        self.set_class(topic_id is not None, "-has-focus")

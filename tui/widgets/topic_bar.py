"""The topic bar: each topic with its colour and how many passages and articles discuss it.

One line of text that wraps onto a second on a narrow terminal, so no topic is ever cut off. Clicking a topic
posts `TopicBar.Chosen` up to the screen; the screen sets the focused topic down with `focus_topic()`.
Topic labels come from the config and are appended as plain text.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from models.document import TopicInfo


class TopicBar(Static):
    """All topics in a row; the focused one is marked ▶ and stands out."""

    class Chosen(Message):
        def __init__(self, topic_id: str | None) -> None:
            super().__init__()
            self.topic_id = topic_id

    def __init__(self, topics: list[tuple[TopicInfo, int, int]], **kwargs) -> None:
        super().__init__(**kwargs)
        self._topics = topics
        self._focused: str | None = None

    def on_mount(self) -> None:
        self._draw()

    def _draw(self) -> None:
        text = Text()
        for n, (topic, passages, articles) in enumerate(self._topics):
            meta = Style(meta={"topic": topic.id})
            focused = topic.id == self._focused
            if n:
                text.append("   ")
            # No-break spaces inside a topic keep it on one line when the bar wraps.
            text.append("▶\u00a0" if focused else "●\u00a0", style=Style.parse(topic.colour) + meta)
            text.append(_glued(topic.label), style=(Style(bold=True, reverse=True) if focused else Style()) + meta)
            dim = Style(dim=True) + meta
            if passages:
                text.append(_glued(f" {passages} passage{'' if passages == 1 else 's'} in {articles}"), style=dim)
            else:
                text.append(_glued(" not discussed"), style=dim)
        if self._focused is not None:
            text.append("   (0: all topics)", style="dim")
        self.update(text)

    def update_counts(self, counts: list[tuple[TopicInfo, int, int]]) -> None:
        self._topics = counts
        self._draw()

    def focus_topic(self, topic_id: str | None) -> None:
        if topic_id == self._focused:
            return
        self._focused = topic_id
        self._draw()

    def on_click(self, event: Click) -> None:
        topic_id = event.style.meta.get("topic") if event.style else None
        if topic_id:
            self.post_message(self.Chosen(topic_id))


def _glued(text: str) -> str:
    return text.replace(" ", "\u00a0")

"""The topic bar: each topic with its colour and how many passages and articles discuss it.

In order: the configured topics that tag something (● label, counts); one dim line-item saying how many
configured topics tag nothing in these articles (they would only crowd the bar); the topics discovered in
the articles themselves, as suggestions (a hollow ◇ and a dim label, after the configured ones: not the gutter's ○, which marks an implicit reference); and "no
topic", the passages no topic tags, so a person can see what their topics miss.

The bar wraps between topics, never inside one: the lines are packed here, by cell width, because Rich
treats a no-break space as a place to wrap. Clicking a topic posts `TopicBar.Chosen` up to the screen; the
screen sets the focused topic down with `focus_topic()`. Labels are appended as plain text, never markup.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.events import Click, Resize
from textual.message import Message
from textual.widgets import Static

from models.document import TopicInfo
from tui.state import NO_TOPIC, ReaderState

SEPARATOR = "   "
MAX_LINES = 3  # the bar's height at most (app.tcss)
Counts = list[tuple[TopicInfo, int, int]]


def bar_counts(state: ReaderState) -> Counts:
    """(topic, passages, articles) for every topic of the corpus, then the "no topic" entry."""
    counts = [(t, *state.topic_count(t.id)) for t in state.corpus.topics]
    return [*counts, (TopicInfo(NO_TOPIC, "no topic", "grey50"), *state.topic_count(NO_TOPIC))]


class TopicBar(Static):
    """All topics in a row; the focused one is marked ▶ and stands out."""

    class Chosen(Message):
        def __init__(self, topic_id: str | None) -> None:
            super().__init__()
            self.topic_id = topic_id

    def __init__(self, topics: Counts, **kwargs) -> None:
        super().__init__(**kwargs)
        self._topics = topics
        self._focused: str | None = None

    def on_mount(self) -> None:
        self._draw()

    def on_resize(self, event: Resize) -> None:
        self._draw()

    def items(self) -> list[Text]:
        """One Text per entry of the bar, in order (each kept whole on a line)."""
        head, tail = self._parts()
        return [*head, *tail]

    def _parts(self) -> tuple[list[Text], list[Text]]:
        """The bar's items, and the ones kept at its end whatever else gives way: the silent topics' line when no
        configured topic tags anything here (see `_silent_line`)."""
        configured = [c for c in self._topics if not c[0].discovered and c[0].id != NO_TOPIC]
        discovered = [c for c in self._topics if c[0].discovered and c[1]]
        untagged = [c for c in self._topics if c[0].id == NO_TOPIC]
        out = [self._item(topic, passages, articles) for topic, passages, articles in configured if passages]
        silent = self._silent_line()
        tail = [silent] if silent is not None and not out else []
        if silent is not None and out:
            out.append(silent)
        for topic, passages, articles in untagged:
            if passages:
                out.append(self._item(topic, passages, articles, untagged=True))
        if self._focused is not None:
            out.append(Text("(0: all topics)", style="dim"))
        for n, (topic, passages, articles) in enumerate(discovered):
            out.append(self._item(topic, passages, articles, suggested=True, first=n == 0))
        return out, tail

    def _silent_line(self) -> Text | None:
        """The configured topics that tag nothing, as one item. When none of them tags anything (the bundled
        topics on another story), the item comes last: the bar opens on what this story has, not on a count of
        what it lacks (a new user at 80x24 saw little else)."""
        silent = [topic for topic, passages, _ in self._topics
                  if not passages and not topic.discovered and topic.id != NO_TOPIC]
        if not silent:
            return None
        what = f"{len(silent)} topic{'s' if len(silent) != 1 else ''} tag nothing here"
        return Text(what if len(silent) > 1 else f"{silent[0].label}: tags nothing here", style="dim")

    def _item(self, topic: TopicInfo, passages: int, articles: int, *, suggested: bool = False,
              first: bool = False, untagged: bool = False) -> Text:
        meta = Style(meta={"topic": topic.id})
        focused = topic.id == self._focused
        text = Text()
        if suggested and first:
            text.append("suggested: ", style=Style(dim=True, italic=True) + meta)
        mark = "▶ " if focused else ("◇ " if suggested else ("◌ " if untagged else "● "))
        text.append(mark, style=Style.parse(topic.colour) + meta)
        label = Style(bold=True, reverse=True) if focused else Style(dim=suggested, italic=untagged)
        text.append(topic.label, style=label + meta)
        text.append(f" {passages} passage{'' if passages == 1 else 's'} in {articles}", style=Style(dim=True) + meta)
        return text

    def _draw(self) -> None:
        width = self.content_region.width or self.size.width or (self.app.size.width if self.is_attached else 0)
        items, tail = self._parts()
        lines = _pack([*items, *tail], width)
        # Items give way from the end when the bar runs out of lines: the suggestions first, then "no topic"
        # and the configured topics (a new user at 80x24 saw 3 of 6 topics and no sign of the others); what
        # gave way is counted at the end of the bar.
        discovered = {topic.id for topic, _, _ in self._topics if topic.discovered}
        hidden_suggested = hidden_other = 0
        while len(lines) > MAX_LINES and items:
            topic_id = _topic_of(items.pop())
            if topic_id in discovered:
                hidden_suggested += 1
            elif topic_id is not None:
                hidden_other += 1
            said = [f"+{hidden_other} more"] if hidden_other else []
            said += [f"+{hidden_suggested} suggested"] if hidden_suggested else []
            more = Text(f"{', '.join(said)} (t visits each)", style="dim italic") if said else Text()
            lines = _pack([*items, *([more] if said else []), *tail], width)
        self.update(Text("\n").join(lines))

    def update_counts(self, counts: Counts) -> None:
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


def _topic_of(item: Text) -> str | None:
    """The id of the topic a bar item stands for (its spans carry it for clicks), or None for a hint."""
    for span in item.spans:
        if isinstance(span.style, Style) and span.style.meta.get("topic"):
            return str(span.style.meta["topic"])
    return None


def _pack(items: list[Text], width: int) -> list[Text]:
    """`items` on lines of at most `width` cells, breaking only between items."""
    lines: list[Text] = []
    line = Text()
    for item in items:
        if line.cell_len and width and line.cell_len + len(SEPARATOR) + item.cell_len > width:
            lines.append(line)
            line = Text()
        if line.cell_len:
            line.append(SEPARATOR)
        line.append_text(item)
    lines.append(line)
    return lines

"""One article's passages as a line-API view: only the lines on screen are ever rendered.

The screen tells the view what to show (the article, the cursor, the linked passages, the focused topic) by
setting attributes through `show()`; the view tells the screen about clicks with a message. Each rendered line
is a Strip built from plain Segments, so article text is never parsed as markup: `[@click=app.quit]` is just
characters here. Strips are cached by (passage, line, width, look) so moving the cursor re-renders only what
changed.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from models.document import Article, TopicInfo
from tui.layout import ArticleLayout
from tui.state import shows

GUTTER = 7  # cursor bar, three topic marks, link mark, bookmark mark, space
MAX_MARKS = 3


@dataclass(frozen=True)
class PaneLook:
    """Everything about how the view should look, set by the screen in one go."""

    cursor: int | None = None
    active: bool = False
    linked: tuple[tuple[int, float], ...] = ()
    best: int | None = None
    topic: str | None = None
    bookmarked: frozenset[int] = frozenset()


class ArticleView(ScrollView, can_focus=False):
    """The passages of one article, wrapped to the pane's width, with topic and link marks in a gutter."""

    COMPONENT_CLASSES = {
        "article-view--cursor",
        "article-view--cursor-inactive",
        "article-view--linked",
        "article-view--best",
        "article-view--dim",
        "article-view--heading",
        "article-view--bar",
        "article-view--link-mark",
        "article-view--bookmark",
    }

    class PassageClicked(Message):
        """A passage was clicked; the screen decides what that means."""

        def __init__(self, view: ArticleView, index: int) -> None:
            super().__init__()
            self.view = view
            self.index = index

    def __init__(self, topics: tuple[TopicInfo, ...], linked_ids: frozenset[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self._colours = {t.id: Style.parse(t.colour) for t in topics}
        self._linked_ids = linked_ids
        self.article: Article | None = None
        self.look = PaneLook()
        self._layouts: dict[tuple[str, int], ArticleLayout] = {}
        self._layout: ArticleLayout | None = None
        self._strips: OrderedDict[tuple, Strip] = OrderedDict()
        self._linked: dict[int, float] = {}

    # -- what to show (attributes down) -----------------------------------------------------------------

    def show(self, article: Article | None, look: PaneLook) -> None:
        """Show `article` with `look`; refreshes only when something changed."""
        article_changed = article is not self.article
        if not article_changed and look == self.look:
            return
        previous = self.look
        old_linked = self._linked
        self.look = look
        self._linked = dict(look.linked)
        if article_changed:
            self.article = article
            self._strips.clear()
            self._relayout()
            self.scroll_to(y=0, animate=False, immediate=True)
            self.refresh()
        elif previous.topic != look.topic:
            self.refresh()
        else:
            # Only the passages whose look changed are repainted: moving the cursor costs two passages.
            changed = {previous.cursor, look.cursor, previous.best, look.best}
            changed |= set(old_linked) ^ set(self._linked)
            changed |= previous.bookmarked ^ look.bookmarked
            if previous.active != look.active:
                changed.add(look.cursor)
            self._refresh_passages(i for i in changed if i is not None)

    def _refresh_passages(self, indices) -> None:
        """Repaint the on-screen lines of these passages only."""
        if self._layout is None:
            return
        top = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        width = self.scrollable_content_region.width
        for index in indices:
            if not 0 <= index < len(self._layout.starts):
                continue
            first, last = self._layout.span(index)
            y0, y1 = max(first - top, 0), min(last - top, height - 1)
            if y0 <= y1:
                self.refresh(Region(0, y0, width, y1 - y0 + 1))

    def _text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - GUTTER - 1)

    def _relayout(self) -> None:
        if self.article is None or not self.scrollable_content_region.width:
            # No article, or not laid out yet: wrapping now would be at a made-up width and thrown away;
            # on_resize wraps it once the pane has its width.
            self._layout = None
            self.virtual_size = Size(0, 0)
            return
        width = self._text_width()
        key = (self.article.id, width)
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) > 16:
                self._layouts.clear()
            layout = self._layouts[key] = ArticleLayout(self.article, width)
        self._layout = layout
        self.virtual_size = Size(width + GUTTER + 1, layout.height)

    def on_resize(self) -> None:
        if self.article is not None and (self._layout is None or self._layout.width != self._text_width()):
            anchor = self.first_visible_passage()
            self._strips.clear()
            self._relayout()
            if anchor is not None:
                self.scroll_to_passage(anchor, where="top")

    # -- scrolling ------------------------------------------------------------------------------------

    def scroll_to_passage(self, index: int, where: str = "nearest") -> None:
        """Bring passage `index` into view: `nearest` scrolls only if needed (a passage taller than the pane
        only needs to be partly on screen), `top` puts it at the top, `upper` a third of the way down."""
        if self._layout is None or not self._layout.starts:
            return
        first, last = self._layout.span(index)
        top = int(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        tall = last - first + 1 >= height
        if where == "top":
            target = first
        elif where == "upper":
            target = first if tall else max(0, min(first - height // 3, last - height + 1 + height // 3))
            target = min(target, first)
            if last >= target + height:
                target = last - height + 1
        else:
            if tall and first < top + height and last >= top:
                return  # part of it is on screen: reading within it is the reader's business
            if first >= top and last < top + height:
                return
            target = first if (first < top or tall) else last - height + 1
        self.scroll_to(y=target, animate=False, immediate=True)

    def fully_visible(self, index: int) -> bool:
        """True when passage `index` is wholly on screen, or fills the screen."""
        if self._layout is None or not self._layout.starts:
            return True
        first, last = self._layout.span(index)
        top = int(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        if last - first + 1 >= height:
            return first <= top + height // 3 and last >= top
        return first >= top and last < top + height

    def scroll_through(self, index: int, direction: int) -> bool:
        """Scroll a page within passage `index` when more of it lies that way off screen; False when the
        whole passage (in that direction) is already visible, so the cursor should move on."""
        height = self.scrollable_content_region.height
        if self._layout is None or not self._layout.starts or height < 3:
            return False  # not laid out yet: nothing to scroll through
        first, last = self._layout.span(index)
        top = int(self.scroll_offset.y)
        if direction > 0 and last >= top + height and first < top + height:
            self.scroll_to(y=min(top + height - 2, last - height + 1), animate=False, immediate=True)
            return True
        if direction < 0 and first < top and last >= top:
            self.scroll_to(y=max(first, top - height + 2), animate=False, immediate=True)
            return True
        return False

    def first_visible_passage(self) -> int | None:
        """The first passage whose first line is on screen (or the one the top line belongs to)."""
        if self._layout is None:
            return None
        top = int(self.scroll_offset.y)
        found = self._layout.locate(top)
        if found is None:
            return len(self._layout.starts) - 1 if self._layout.starts else None
        index, offset = found
        if offset and index + 1 < len(self._layout.starts):
            return index + 1
        return index

    def last_visible_passage(self) -> int | None:
        if self._layout is None:
            return None
        bottom = int(self.scroll_offset.y) + max(1, self.scrollable_content_region.height) - 1
        found = self._layout.locate(min(bottom, self._layout.height - 1))
        return found[0] if found else None

    # -- rendering ------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        layout = self._layout
        if layout is None and self.article is not None and width:
            # The first frame that knows the pane's width: wrap now rather than after on_resize's refresh, so
            # the article's text is in this frame and not two frames later (first paint, issue 13).
            self._relayout()
            layout = self._layout
        found = layout.locate(scroll_y + y) if layout else None
        if found is None:
            return Strip.blank(width, base)
        index, offset = found
        look = self._passage_look(index)
        key = (index, offset, width, look)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._build(index, offset, width, look, base)
            self._strips[key] = strip
            if len(self._strips) > 4000:
                self._strips.popitem(last=False)
        else:
            self._strips.move_to_end(key)
        return strip.crop(scroll_x, scroll_x + width) if scroll_x else strip

    def _passage_look(self, index: int) -> tuple[str, bool, bool]:
        """How passage `index` is drawn: its highlight kind, whether it is dimmed, whether bookmarked."""
        look = self.look
        if index == look.cursor and look.active:
            kind = "cursor"
        elif index == look.best:
            kind = "best"  # in another pane, being the focused passage's match says more than its cursor
        elif index in self._linked:
            kind = "linked"
        elif index == look.cursor:
            kind = "cursor-inactive"
        else:
            kind = ""
        dim = False
        if look.topic is not None and self.article is not None:
            dim = not shows(self.article.passages[index], look.topic)
        return kind, dim, index in look.bookmarked

    def _build(self, index: int, offset: int, width: int, look: tuple[str, bool, bool], base: Style) -> Strip:
        assert self.article is not None and self._layout is not None
        passage = self.article.passages[index]
        block = self._layout.passages[index]
        kind, dim, bookmarked = look
        line_style = base + self.get_component_rich_style(f"article-view--{kind}") if kind else base
        if dim:
            line_style += self.get_component_rich_style("article-view--dim")
        text_lines = len(block.lines)
        heading_lines = int(block.heading)
        if offset >= heading_lines + text_lines:  # the gap after the passage
            return Strip.blank(width, base)
        segments: list[Segment] = []
        # The bar column says what a passage is to the focus: the cursor (in the focused pane only), the
        # best match of the focused passage (▶) or another of its links (›).
        if kind == "cursor":
            segments.append(Segment("▌", line_style + self.get_component_rich_style("article-view--bar")))
        elif kind in ("best", "linked") and offset == int(block.heading):
            glyph = "▶" if kind == "best" else "›"
            segments.append(Segment(glyph, line_style + self.get_component_rich_style("article-view--link-mark")))
        else:
            segments.append(Segment(" ", line_style))
        if offset == heading_lines:
            segments.extend(self._marks(passage, line_style, bookmarked))
        else:
            segments.append(Segment(" " * (GUTTER - 1), line_style))
        if offset < heading_lines:
            text = passage.heading or ""
            style = line_style + self.get_component_rich_style("article-view--heading")
            segments.append(Segment(text[: max(0, width - GUTTER)], style))
        else:
            start, end = block.lines[offset - heading_lines]
            segments.append(Segment(passage.text[start:end], line_style))
        strip = Strip(segments)
        return strip.extend_cell_length(width, line_style).crop(0, width)

    def _marks(self, passage, line_style: Style, bookmarked: bool) -> list[Segment]:
        segments = []
        tags = passage.topics
        for n in range(MAX_MARKS):
            if n < len(tags):
                tag = tags[n]
                glyph = "+" if n == MAX_MARKS - 1 and len(tags) > MAX_MARKS else ("○" if tag.implicit else "●")
                segments.append(Segment(glyph, line_style + self._colours.get(tag.topic, Style())))
            else:
                segments.append(Segment(" ", line_style))
        if passage.id in self._linked_ids:
            segments.append(Segment("⇄", line_style + self.get_component_rich_style("article-view--link-mark")))
        else:
            segments.append(Segment(" ", line_style))
        if bookmarked:
            segments.append(Segment("★", line_style + self.get_component_rich_style("article-view--bookmark")))
        else:
            segments.append(Segment(" ", line_style))
        segments.append(Segment(" ", line_style))
        return segments

    def on_click(self, event) -> None:
        if self._layout is None:
            return
        found = self._layout.locate(int(self.scroll_offset.y) + event.y)
        if found is not None:
            self.post_message(self.PassageClicked(self, found[0]))

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme) -> None:
        """Cached lines carry the old theme's colours: draw them again."""
        self._strips.clear()
        self.refresh()

    def set_linked(self, linked_ids: frozenset[str]) -> None:
        """New link marks (the corpus grew, or its links were computed): forget rendered lines."""
        self._linked_ids = linked_ids
        self._strips.clear()
        self.refresh()

"""The main screen: the topic bar, the article panes side by side, and the status line.

The screen owns the ReaderState and the keys. Every key is a state method (tui/state.py) followed by one
`refresh_view()` that pushes the state down into the panes; widgets only report clicks up as messages.
Panes are slots: as many as fit the terminal, filled with the window of articles around the focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Static

from models.document import Corpus
from tui.reader_popups import ReaderPopups
from tui.state import ReaderState, window
from tui.widgets.article_pane import ArticlePane
from tui.widgets.article_view import ArticleView, PaneLook
from tui.widgets.status_line import Loading, StatusLine, topics_source
from tui.widgets.topic_bar import TopicBar, bar_counts

if TYPE_CHECKING:
    from models.config import Config
    from tui.bookmarking import Bookmarks

PANE_WIDTH = 62  # a comfortable pane: three fit in 186 columns
NARROW_PANE_WIDTH = 45  # side by side is the point: two panes even on a 90-column terminal


class ReaderScreen(ReaderPopups):
    """Articles side by side; the focused passage's links highlighted in the other panes."""

    # The first six are shown in the footer (with help and quit): what a newcomer needs. Every binding,
    # shown or not, is in the help screen (?), generated from this list.
    BINDINGS = [
        Binding("enter", "follow_link", "Follow link", id="follow_link"),
        Binding("t", "cycle_topic", "Topic", id="cycle_topic"),
        Binding("i", "inspector", "Links", id="inspector"),
        Binding("c", "coverage", "Coverage", id="coverage"),
        Binding("slash", "search", "Search", id="search"),
        Binding("b", "toggle_bookmark", "Bookmark", id="bookmark"),
        Binding("down,j", "next_passage", "Next passage", id="next_passage", show=False),
        Binding("up,k", "prev_passage", "Previous passage", id="prev_passage", show=False),
        Binding("tab", "next_pane", "Next pane", id="next_pane", priority=True, show=False),
        Binding("shift+tab", "prev_pane", "Previous pane", id="prev_pane", priority=True, show=False),
        Binding("backspace", "back", "Back to where the last jump started", id="back", show=False),
        Binding("n", "next_on_topic", "Next passage on the topic", id="next_on_topic", show=False),
        Binding("N", "prev_on_topic", "Previous passage on the topic", id="prev_on_topic", show=False),
        Binding("0", "clear_topic", "All topics (clear the focus)", id="clear_topic", show=False),
        Binding("p", "perspectives", "Perspectives: how each source frames the topic", id="perspectives", show=False),
        Binding("v", "voices", "Voices: who is quoted", id="voices", show=False),
        Binding("r", "removed", "Removed text (what cleaning took out)", id="removed", show=False),
        Binding("B", "edit_note", "Note and tags for the bookmark", id="note", show=False),
        Binding("m", "bookmarks", "Bookmarks", id="bookmarks", show=False),
        Binding("u", "undo_bookmark", "Undo a bookmark removal", id="undo", show=False),
        Binding("e", "export", "Export Markdown", id="export", show=False),
        Binding("pagedown,space", "page_down", "Page down", id="page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="page_up", show=False),
        Binding("home,g", "first_passage", "First passage", id="first_passage", show=False),
        Binding("end,G", "last_passage", "Last passage", id="last_passage", show=False),
        Binding("P", "problems", "Problems loading files", id="problems", show=False),
    ]

    def __init__(self, corpus: Corpus, config: Config, bookmarks: Bookmarks | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.config = config
        self.bookmarks = bookmarks  # the App's; None until it has opened the store
        self.state = ReaderState(corpus)
        self.start = 0
        self.linked_ids = corpus.linked_ids
        self._bookmarked: dict[str, frozenset[int]] | None = None
        # (files done, files, current file) while the rest of the corpus loads. Not `loading`: that name is
        # Textual's Widget.loading reactive, and any truthy value there covers the whole screen with a spinner.
        self.files_loading: tuple[int, int, str] | Loading | None = None

    async def set_corpus(self, corpus: Corpus) -> None:
        """Take a newer corpus (more articles loaded, or the links computed), keeping where the reader is."""
        old = self.state
        focused = old.corpus.articles[old.article].id if not old.empty else None
        cursors = {a.id: old.cursors[i] for i, a in enumerate(old.corpus.articles)}
        self.corpus = corpus
        self.state = ReaderState(corpus, topic=old.topic)
        for i, article in enumerate(corpus.articles):
            self.state.cursors[i] = min(cursors.get(article.id, 0), max(0, len(article.passages) - 1))
            if article.id == focused:
                self.state.article = i
        self.linked_ids = corpus.linked_ids
        self._bookmarked = None
        self.query_one(TopicBar).update_counts(bar_counts(self.state))
        await self._rebuild_slots()
        for pane in self.panes:
            pane.set_linked(self.linked_ids)
        self.refresh_view()
        self.follow_loading(corpus)

    def show_loading(self, loading: tuple[int, int, str] | Loading | None) -> None:
        """Say in the status line that files are still loading (None: done)."""
        self.files_loading = loading
        if self.is_mounted:
            self._status()
            self.follow_loading()

    def _status(self) -> None:
        found = self.query(StatusLine)
        if not found:  # mounted, its children not yet (a loading update can come that early)
            return
        status = found.first()
        status.files_loading = self.files_loading
        status.topics_from = topics_source(self.config.path)
        status.show(self.state)

    def compose(self) -> ComposeResult:
        yield TopicBar(bar_counts(self.state), id="topic-bar")
        yield Horizontal(id="panes")
        yield Static(Text("No article could be read from the paths given. Press P to see why, q to quit."),
                     id="empty")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        await self._rebuild_slots()
        # The articles go into the panes now, so the first frame already shows their text (the panes wrap
        # it when they learn their width); scrolling each pane to its passage waits for the layout.
        self.refresh_view(reveal=False)
        self.call_after_refresh(self.refresh_view)

    async def on_resize(self) -> None:
        await self._rebuild_slots()
        self.call_after_refresh(self.refresh_view)

    #: what still makes sense when no article could be read
    EMPTY_ACTIONS = frozenset({"problems", "bookmarks", "search"})

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """With no articles, only the actions that can still help are offered (and the rest cannot crash)."""
        if self.state.empty and action not in self.EMPTY_ACTIONS:
            return False
        return True

    # -- panes ------------------------------------------------------------------------------------------

    @property
    def panes(self) -> list[ArticlePane]:
        return list(self.query_one("#panes", Horizontal).query(ArticlePane))

    def capacity(self) -> int:
        width = self.size.width or self.app.size.width
        panes = max(width // PANE_WIDTH, 2 if width >= 2 * NARROW_PANE_WIDTH else 1)
        return max(1, min(len(self.corpus.articles), panes))

    async def _rebuild_slots(self) -> None:
        wanted = self.capacity() if self.corpus.articles else 0
        container = self.query_one("#panes", Horizontal)
        current = self.panes
        if len(current) == wanted:
            return
        if len(current) > wanted:
            for pane in current[wanted:]:
                await pane.remove()
        else:
            await container.mount_all(ArticlePane(self.corpus.topics, self.linked_ids) for _ in range(wanted - len(current)))

    def refresh_view(self, reveal: bool = True) -> None:
        """Push the state into every pane, the topic bar and the status line."""
        state = self.state
        panes = self.panes
        self.query_one("#empty", Static).display = state.empty
        if not panes or state.empty:
            self._status()
            return
        total = len(self.corpus.articles)
        self.start = window(total, len(panes), state.article, self.start)
        for slot, pane in enumerate(panes):
            a = self.start + slot
            if a >= total:
                pane.display = False
                continue
            pane.display = True
            active = a == state.article
            linked = () if active else tuple(sorted(state.linked_in(a).items()))
            best = None if active else state.best_in(a)
            look = PaneLook(cursor=state.cursors[a], active=active, linked=linked, best=best, topic=state.topic,
                            bookmarked=self.bookmarked_in(self.corpus.articles[a].id))
            pane.show(self.corpus.articles[a], look, a + 1, total)
            if reveal:
                if active:
                    pane.view.scroll_to_passage(state.cursors[a], "nearest")
                elif best is not None:
                    self._reveal(pane.view, best)
        self.query_one(TopicBar).focus_topic(state.topic)
        self._status()

    def bookmarked_in(self, article_id: str) -> frozenset[int]:
        """Indices of the bookmarked passages of an article (recomputed after bookmarks change)."""
        if self._bookmarked is None:
            found: dict[str, set[int]] = {}
            for pid in self.bookmarks.passages if self.bookmarks else ():
                passage = self.corpus.passages_by_id.get(pid)
                if passage is not None:
                    found.setdefault(passage.article_id, set()).add(passage.index)
            self._bookmarked = {k: frozenset(v) for k, v in found.items()}
        return self._bookmarked.get(article_id, frozenset())

    def bookmarks_changed(self) -> None:
        self._bookmarked = None
        super().bookmarks_changed()

    @staticmethod
    def _reveal(view: ArticleView, index: int) -> None:
        """Bring another pane's best match into view: wholly when it fits, a third of the way down."""
        if not view.fully_visible(index):
            view.scroll_to_passage(index, "upper")

    def active_pane(self) -> ArticlePane | None:
        for pane in self.panes:
            if pane.view.look.active and pane.display:
                return pane
        return None

    # -- messages up ------------------------------------------------------------------------------------

    @on(ArticleView.PassageClicked)
    def _clicked(self, event: ArticleView.PassageClicked) -> None:
        article = event.view.article
        if article is None:
            return
        self.state.article = self.state.article_index(article.id)
        self.state.move_to(event.index)
        self.refresh_view()

    @on(TopicBar.Chosen)
    def _topic_chosen(self, event: TopicBar.Chosen) -> None:
        self.state.set_topic(None if event.topic_id == self.state.topic else event.topic_id)
        self.refresh_view()

    # -- actions ----------------------------------------------------------------------------------------

    def action_next_passage(self) -> None:
        if not self._scroll_within(1) and self.state.move(1):
            self.refresh_view()

    def action_prev_passage(self) -> None:
        if not self._scroll_within(-1) and self.state.move(-1):
            self.refresh_view()

    def _scroll_within(self, direction: int) -> bool:
        """A passage taller than the pane is read by scrolling through it before moving on (True if so)."""
        pane = self.active_pane()
        if pane is None:
            return False
        return pane.view.scroll_through(self.state.cursors[self.state.article], direction)

    def action_next_on_topic(self) -> None:
        self._on_topic(1)

    def action_prev_on_topic(self) -> None:
        self._on_topic(-1)

    def _on_topic(self, delta: int) -> None:
        if self.state.move_on_topic(delta):
            self.refresh_view()
        else:
            topic = self.corpus.topic(self.state.real_topic) if self.state.real_topic else None
            what = f"on {topic.label}" if topic else "with a topic"
            self.notify(f"No {'later' if delta > 0 else 'earlier'} passage {what}.", markup=False, timeout=2)

    def action_next_pane(self) -> None:
        if self.state.switch_article(1):
            self.refresh_view()

    def action_prev_pane(self) -> None:
        if self.state.switch_article(-1):
            self.refresh_view()

    def action_follow_link(self) -> None:
        if self.state.follow() is None:
            self.notify("This passage has no links" + (" on the focused topic." if self.state.topic else "."),
                        markup=False, timeout=2)
            return
        self.refresh_view()

    def action_back(self) -> None:
        if self.state.back():
            self.refresh_view()
        else:
            self.notify("Nothing to go back to: enter follows a link, backspace returns.", markup=False, timeout=2)

    def action_cycle_topic(self) -> None:
        self.state.cycle_topic()
        self.refresh_view()

    def action_clear_topic(self) -> None:
        self.state.set_topic(None)
        self.refresh_view()

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Scroll the focused pane a page and put the cursor on the first passage now in view (the last or
        first passage when the pane cannot scroll further)."""
        pane = self.active_pane()
        if pane is None:
            return
        view = pane.view
        before = view.scroll_offset.y
        height = max(1, view.scrollable_content_region.height)
        view.scroll_to(y=before + direction * max(1, height - 1), animate=False, immediate=True)
        target: int | None
        if view.scroll_offset.y == before:
            target = len(self.corpus.articles[self.state.article].passages) - 1 if direction > 0 else 0
        else:
            target = view.first_visible_passage()
        if target is not None:
            self.state.move_to(target)
        self.refresh_view()

    def action_first_passage(self) -> None:
        if self.state.move_to(0):
            self.refresh_view()

    def action_last_passage(self) -> None:
        if self.state.move_to(len(self.corpus.articles[self.state.article].passages) - 1):
            self.refresh_view()

"""The main screen: the topic bar, the article panes side by side, and the status line.

The screen owns the ReaderState and the keys. Every key is a state method (tui/state.py) followed by one
`refresh_view()` that pushes the state down into the panes; widgets only report clicks up as messages.
Panes are slots: as many as fit the terminal, filled with the window of articles around the focus.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static

from models.document import Corpus
from tui.state import ReaderState, window
from tui.widgets.article_pane import ArticlePane
from tui.widgets.article_view import ArticleView, PaneLook
from tui.widgets.status_line import StatusLine
from tui.widgets.topic_bar import TopicBar

PANE_WIDTH = 62  # a comfortable pane: three fit in 186 columns
NARROW_PANE_WIDTH = 45  # side by side is the point: two panes even on a 90-column terminal


def _linked_ids(corpus: Corpus) -> frozenset[str]:
    """Every passage with at least one link."""
    return frozenset(pid for link in corpus.links for pid in (link.source, link.target))


class ReaderScreen(Screen):
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

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.state = ReaderState(corpus)
        self.start = 0
        self.linked_ids = _linked_ids(corpus)
        self._bookmarked: dict[str, frozenset[int]] | None = None
        self.loading: tuple[int, int, str] | None = None

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
        self.linked_ids = _linked_ids(corpus)
        self._bookmarked = None
        self.query_one(TopicBar).update_counts([(t, *self.state.topic_count(t.id)) for t in corpus.topics])
        await self._rebuild_slots()
        for pane in self.panes:
            pane.set_linked(self.linked_ids)
        self.refresh_view()

    def show_loading(self, loading: tuple[int, int, str] | None) -> None:
        """Say in the status line that files are still loading (None: done)."""
        self.loading = loading
        if self.is_mounted:
            self._status()

    def _status(self) -> None:
        status = self.query_one(StatusLine)
        status.loading = self.loading
        status.show(self.state)

    def compose(self) -> ComposeResult:
        counts = [(t, *self.state.topic_count(t.id)) for t in self.corpus.topics]
        yield TopicBar(counts, id="topic-bar")
        yield Horizontal(id="panes")
        yield Static(Text("No article could be read from the paths given. Press P to see why, q to quit."),
                     id="empty")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        await self._rebuild_slots()
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
            bookmarks = getattr(self.app, "bookmarks", None)
            for pid in bookmarks.passages if bookmarks else ():
                passage = self.corpus.passages_by_id.get(pid)
                if passage is not None:
                    found.setdefault(passage.article_id, set()).add(passage.index)
            self._bookmarked = {k: frozenset(v) for k, v in found.items()}
        return self._bookmarked.get(article_id, frozenset())

    def bookmarks_changed(self) -> None:
        self._bookmarked = None
        self.refresh_view(reveal=False)

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
            topic = self.corpus.topic(self.state.topic) if self.state.topic else None
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

    def jump_to(self, passage_id: str | None) -> None:
        """Focus a passage chosen in another screen (search, inspector, coverage...)."""
        if passage_id and passage_id in self.corpus.passages_by_id:
            self.state.jump(passage_id)
            self.refresh_view()

    def action_inspector(self) -> None:
        from tui.screens.inspector import InspectorScreen

        passage = self.state.passage()
        if passage is not None:
            self.app.push_screen(InspectorScreen(self.corpus, passage.id, self.state.topic), self.jump_to)

    def action_coverage(self) -> None:
        from tui.screens.coverage import CoverageScreen

        self.app.push_screen(CoverageScreen(self.corpus), self.jump_to)

    def action_removed(self) -> None:
        from tui.screens.removed import RemovedScreen

        if not self.state.empty:
            self.app.push_screen(RemovedScreen(self.corpus.articles[self.state.article]))

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.corpus), self.jump_to)

    def _topic_for_views(self) -> str | None:
        """The focused topic, else the focused passage's, else the most discussed one."""
        if self.state.topic:
            return self.state.topic
        passage = self.state.passage()
        if passage is not None and passage.topics:
            return passage.topics[0].topic
        counted = [(self.state.topic_count(t.id)[0], t.id) for t in self.corpus.topics]
        return max(counted)[1] if counted else None

    def action_perspectives(self) -> None:
        from tui.screens.perspectives import PerspectivesScreen

        topic = self._topic_for_views()
        if topic is None:
            self.notify("No topics are configured.", markup=False)
            return
        self.app.push_screen(PerspectivesScreen(self.corpus, self.app.config.topics, topic), self.jump_to)

    def action_voices(self) -> None:
        from tui.screens.voices import VoicesScreen

        self.app.push_screen(VoicesScreen(self.corpus, self.state.topic), self.jump_to)

    def action_problems(self) -> None:
        from tui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(self.corpus))

    # -- bookmarks and export ---------------------------------------------------------------------------

    def _store(self):
        return getattr(self.app, "bookmarks", None)

    def action_toggle_bookmark(self) -> None:
        from models.bookmarks import BookmarkError

        passage, store = self.state.passage(), self._store()
        if passage is None or store is None:
            return
        try:
            added = store.toggle(passage.id)
        except BookmarkError as exc:
            self.notify(f"Bookmark not saved: {exc}", severity="error", markup=False)
            return
        if added:
            self.notify(f"Bookmarked ¶{passage.index + 1}. B adds a note, m lists bookmarks.", markup=False, timeout=3)
        else:
            self.notify(f"Bookmark removed from ¶{passage.index + 1}; u brings it back.", markup=False, timeout=4)
        self.bookmarks_changed()

    def action_undo_bookmark(self) -> None:
        store = self._store()
        if store is None or not store.last_removed:
            self.notify("No removed bookmark to bring back.", markup=False, timeout=2)
            return
        store.undo()
        self.notify("Bookmark restored.", markup=False, timeout=2)
        self.bookmarks_changed()

    def action_edit_note(self) -> None:
        from tui.screens.note import NoteScreen

        passage, store = self.state.passage(), self._store()
        if passage is None or store is None:
            return
        here = store.at(passage.id)
        note = here[0].note if here else ""
        tags = ", ".join(here[0].tags) if here else ""

        def saved(result) -> None:
            from models.bookmarks import BookmarkError

            if result is None:
                return
            try:
                store.save_note(passage.id, result.note, result.tags)
            except BookmarkError as exc:
                self.notify(f"Note not saved: {exc}", severity="error", markup=False)
                return
            self.notify("Note saved.", markup=False, timeout=2)
            self.bookmarks_changed()

        self.app.push_screen(NoteScreen(passage.text, note, tags), saved)

    def action_bookmarks(self) -> None:
        from tui.screens.bookmarks import BookmarksScreen

        store = self._store()
        if store is None:
            return
        store.reload_if_changed()

        def closed(passage_id: str | None) -> None:
            self.bookmarks_changed()
            self.jump_to(passage_id)

        self.app.push_screen(BookmarksScreen(store), closed)

    def action_export(self, request=None) -> None:
        """Ask where to export (again with the last answer, after a refusal or an error)."""
        from tui.screens.export import ExportScreen

        topic = self.corpus.topic(self.state.topic) if self.state.topic else None
        scope = f"the topic {topic.label}" if topic else "all topics"
        default = request.path if request else (getattr(self.app, "last_export", None)
                                                 or f"parallax-{topic.id if topic else 'comparison'}.md")
        bookmarks = request.bookmarks if request else False
        self.app.push_screen(ExportScreen(scope, default, bookmarks),
                             lambda answer: self._export(answer, topic.id if topic else None))

    def _export(self, request, topic_id: str | None, force: bool = False) -> None:
        from pathlib import Path

        from models.export import OutputExistsError, export_bookmarks_markdown, export_markdown, write_output
        from tui.screens.confirm import ConfirmScreen

        if request is None:
            return
        self.app.last_export = request.path
        target = Path(request.path).expanduser()
        if target.is_dir():
            self.notify(f"{target} is a folder: give a file name inside it.", severity="error", markup=False)
            self.action_export(request)
            return
        topics = [topic_id] if topic_id else None
        if request.bookmarks:
            store = self._store()
            if store is None:
                return
            text = export_bookmarks_markdown(self.corpus, store.items, store.resolutions, topics)
        else:
            text = export_markdown(self.corpus, topics, config_topics=self.app.config.topics)
        try:
            written = write_output(text, target, force=force)
        except OutputExistsError:
            def answer(yes: bool) -> None:
                if yes:
                    self._export(request, topic_id, force=True)
                else:
                    self.action_export(request)  # back to the dialog to pick another name

            self.app.push_screen(ConfirmScreen(f"{target.resolve()} exists. Replace it?"), answer)
            return
        except OSError as exc:
            self.notify(f"Could not write {target}: {exc.strerror or exc}", severity="error", markup=False)
            self.action_export(request)
            return
        self.notify(f"Wrote {written.resolve()}", markup=False, timeout=6)

"""The reader's keys that open a pop-up screen (inspector, coverage, removed text, search, perspectives,
voices, problems, bookmarks, note, export) and act on its answer.

`ReaderPopups` is the half of the reader screen that talks to pop-ups; `ReaderScreen` (tui/reader.py)
derives from it and adds the panes and the navigation. It declares what it works on (the corpus, the
navigation state, the config and the bookmarks, all set by the App when it builds the reader: attributes
down, never fetched from the App) so every flow is type-checked. Each pop-up hands back at most a passage id
to jump to (`jump_to`), or what to save or write; the export flow, which may ask twice (a name, then whether
to replace a file), runs as one worker awaiting its dialogs in turn.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from models.document import Corpus, TopicInfo
from tui.state import ReaderState

if TYPE_CHECKING:  # for the checker only: the pop-ups' modules load when a pop-up first opens
    from models.config import Config
    from tui.bookmarking import Bookmarks
    from tui.screens.export import ExportRequest
    from tui.screens.note import NoteResult
    from tui.widgets.status_line import Loading


class ReaderPopups(Screen[None]):
    """The reader screen's pop-up flows; ReaderScreen supplies the panes and `refresh_view`."""

    corpus: Corpus
    state: ReaderState
    config: Config
    bookmarks: Bookmarks | None
    start: int  # the first article shown in a pane
    last_export: str | None = None  # the file last exported to, offered again next time
    files_loading: tuple[int, int, str] | Loading | None  # where loading is, None once the corpus is complete

    def refresh_view(self, reveal: bool = True) -> None:
        """Push the state into the widgets (ReaderScreen draws the panes)."""
        raise NotImplementedError

    def jump_to(self, passage_id: str | None) -> None:
        """Focus a passage chosen in another screen (search, inspector, coverage...)."""
        if passage_id and passage_id in self.corpus.passages_by_id:
            self.state.jump(passage_id)
            self.refresh_view()

    def bookmarks_changed(self) -> None:
        """Bookmarks were added, removed or edited (here or by another parallax process): redraw the marks."""
        self.refresh_view(reveal=False)

    # -- views ------------------------------------------------------------------------------------------

    def action_inspector(self) -> None:
        from tui.screens.inspector import InspectorScreen

        passage = self.state.passage()
        if passage is not None:
            self.app.push_screen(InspectorScreen(self.corpus, passage.id, self.state.real_topic), self.jump_to)

    def action_coverage(self) -> None:
        from tui.screens.coverage import CoverageScreen

        self.app.push_screen(CoverageScreen(self.corpus, self.files_loading), self.jump_to)

    def follow_loading(self, corpus: Corpus | None = None) -> None:
        """Hand an open coverage view the newer corpus (when given) and where loading is: opened while articles
        were loading, it shows those loaded so far and says so."""
        from tui.screens.coverage import CoverageScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, CoverageScreen) and screen.is_mounted:
                if corpus is not None:
                    screen.set_corpus(corpus)
                screen.show_loading(self.files_loading)

    def action_removed(self) -> None:
        from tui.screens.removed import RemovedScreen

        if not self.state.empty:
            self.app.push_screen(RemovedScreen(self.corpus.articles[self.state.article]))

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.corpus), self.jump_to)

    def _topic_for_views(self) -> str | None:
        """The focused topic, else the focused passage's, else the most discussed one."""
        if self.state.real_topic:
            return self.state.real_topic
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
        self.app.push_screen(PerspectivesScreen(self.corpus, self.config.topics, topic), self.jump_to)

    def action_voices(self) -> None:
        from tui.screens.voices import VoicesScreen

        self.app.push_screen(VoicesScreen(self.corpus, self.state.real_topic, self.start), self.jump_to)

    def action_problems(self) -> None:
        from tui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(self.corpus))

    # -- bookmarks --------------------------------------------------------------------------------------

    def action_toggle_bookmark(self) -> None:
        from models.store.bookmarks import BookmarkError

        passage, store = self.state.passage(), self.bookmarks
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
        store = self.bookmarks
        if store is None or not store.last_removed:
            self.notify("No removed bookmark to bring back.", markup=False, timeout=2)
            return
        from models.store.bookmarks import BookmarkError

        try:
            store.undo()
        except BookmarkError as exc:  # read-only, locked by another program...: say so, keep it for a retry
            self.notify(f"Bookmark not restored: {exc}", severity="error", markup=False, timeout=10)
            self.bookmarks_changed()
            return
        self.notify("Bookmark restored.", markup=False, timeout=2)
        self.bookmarks_changed()

    def action_edit_note(self) -> None:
        from tui.screens.note import NoteScreen

        passage, store = self.state.passage(), self.bookmarks
        if passage is None or store is None:
            return
        here = store.at(passage.id)
        note = here[0].note if here else ""
        tags = ", ".join(here[0].tags) if here else ""

        def saved(result: NoteResult | None) -> None:
            from models.store.bookmarks import BookmarkError

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

        store = self.bookmarks
        if store is None:
            return
        store.reload_if_changed()

        def closed(passage_id: str | None) -> None:
            self.bookmarks_changed()
            self.jump_to(passage_id)

        self.app.push_screen(BookmarksScreen(store), closed)

    # -- export -----------------------------------------------------------------------------------------

    def action_export(self) -> None:
        topic = self.corpus.topic(self.state.real_topic) if self.state.real_topic else None
        self._export_flow(topic)

    @work(exclusive=True, group="export")
    async def _export_flow(self, topic: TopicInfo | None) -> None:
        """Ask where to export and write it; after a refusal or an error, ask again with the last answer."""
        from models.export.report import OutputExistsError
        from tui.screens.confirm import ConfirmScreen
        from tui.screens.export import ExportScreen, articles_folder, default_export_path

        scope = f"the topic {topic.label}" if topic else "all topics"
        request: ExportRequest | None = None
        beside = articles_folder([a.path for a in self.corpus.articles])
        while True:
            last = self.last_export
            default = request.path if request else default_export_path(last, topic.id if topic else None,
                                                                       beside=beside)
            dialog = ExportScreen(scope, default, request.bookmarks if request else False,
                                  default_export_path(last, None, True, beside=beside))
            request = await self.app.push_screen_wait(dialog)
            if request is None:
                return
            self.last_export = request.path
            target = Path(request.path).expanduser()
            if target.is_dir():
                self.notify(f"{target} is a folder: give a file name inside it.", severity="error", markup=False)
                continue
            text = self._export_text(request, topic)
            if text is None:
                return
            try:
                written = self._write(text, target, force=False)
            except OutputExistsError:
                replace = ConfirmScreen(f"{target.resolve()} exists. Replace it?")
                if not await self.app.push_screen_wait(replace):
                    continue  # back to the dialog to pick another name
                written = self._write(text, target, force=True)
            if written is not None:
                self.notify(f"Wrote {written.resolve()}", markup=False, timeout=6)
                return

    def _export_text(self, request: ExportRequest, topic: TopicInfo | None) -> str | None:
        from models.export.report import export_bookmarks_markdown, export_markdown

        topics = [topic.id] if topic else None
        if request.bookmarks:
            store = self.bookmarks
            if store is None:
                return None
            return export_bookmarks_markdown(self.corpus, store.items, store.resolutions, topics)
        return export_markdown(self.corpus, topics, config_topics=self.config.topics)

    def _write(self, text: str, target: Path, force: bool) -> Path | None:
        """Write the export; None after an error (said). Without `force` an existing file is never replaced
        (OutputExistsError, even for one created meanwhile)."""
        from models.export.report import OutputExistsError, write_output

        try:
            return write_output(text, target, force=force)
        except OutputExistsError:
            raise
        except OSError as exc:
            self.notify(f"Could not write {target}: {exc.strerror or exc}", severity="error", markup=False)
            return None

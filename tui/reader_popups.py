"""The reader's keys that open a pop-up screen (inspector, coverage, removed text, search, perspectives,
voices, problems, bookmarks, note, export) and act on its answer.

A mixin of ReaderScreen, kept apart so the screen file holds the panes and navigation only. Each pop-up
hands back at most a passage id to jump to (`jump_to`), or what to save or write.
"""

from __future__ import annotations


class PopupActions:
    """Actions of ReaderScreen that go through a pop-up; they use its corpus, state and jump_to."""

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

        self.app.push_screen(VoicesScreen(self.corpus, self.state.topic, self.start), self.jump_to)

    def action_problems(self) -> None:
        from tui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(self.corpus))

    # -- bookmarks and export ---------------------------------------------------------------------------

    def _store(self):
        return getattr(self.app, "bookmarks", None)

    def action_toggle_bookmark(self) -> None:
        from models.store.bookmarks import BookmarkError

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
        from tui.screens.export import ExportScreen, default_export_path

        topic = self.corpus.topic(self.state.topic) if self.state.topic else None
        scope = f"the topic {topic.label}" if topic else "all topics"
        last = getattr(self.app, "last_export", None)
        default = request.path if request else default_export_path(last, topic.id if topic else None)
        bookmarks = request.bookmarks if request else False
        self.app.push_screen(ExportScreen(scope, default, bookmarks, default_export_path(last, None, True)),
                             lambda answer: self._export(answer, topic.id if topic else None))

    def _export(self, request, topic_id: str | None, force: bool = False) -> None:
        from pathlib import Path

        from models.export.report import OutputExistsError, export_bookmarks_markdown, export_markdown, write_output
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

"""The command palette (ctrl+p): the reader's actions, topics and articles by name.

Article titles are untrusted, so hits are displayed as `Content` built from plain text and highlighted here;
Textual's own `Matcher.highlight` would parse the title as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import Hit, Hits, Provider
from textual.content import Content


def _display(matcher, text: str) -> Content:
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text) if matcher.query else (0, ())
    for offset in offsets:
        if 0 <= offset < len(text) and not text[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content


class ReaderCommands(Provider):
    """Commands of the reader screen, when it is showing."""

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        from tui.reader import ReaderScreen

        screen = None
        for candidate in reversed(self.app.screen_stack):
            if isinstance(candidate, ReaderScreen):
                screen = candidate
                break
        if screen is None:
            return []
        commands: list[tuple[str, Callable[[], Any], str]] = [
            ("Link inspector", screen.action_inspector, "links of the focused passage"),
            ("Coverage matrix", screen.action_coverage, "which article discusses which topic"),
            ("Perspectives", screen.action_perspectives, "how each source frames the topic"),
            ("Voices", screen.action_voices, "who each article quotes or cites"),
            ("Search", screen.action_search, "search every article"),
            ("Follow best link", screen.action_follow_link, "jump to the best linked passage"),
            ("Back", screen.action_back, "return to where the last jump started"),
            ("Next pane", screen.action_next_pane, "focus the next article"),
            ("Previous pane", screen.action_prev_pane, "focus the previous article"),
            ("Bookmark this passage", screen.action_toggle_bookmark, "add or remove a bookmark"),
            ("Note for this passage", screen.action_edit_note, "note and tags of the bookmark"),
            ("Bookmarks", screen.action_bookmarks, "list, filter, jump to, delete"),
            ("Export Markdown", screen.action_export, "a comparison of the topic, or your bookmarks"),
            ("Removed text", screen.action_removed, "what cleaning removed from the focused article"),
            ("Loading problems", screen.action_problems, "files skipped and notes"),
            ("Clear topic focus", screen.action_clear_topic, "show every passage"),
            ("Help", partial(self.app.run_action, "help"), "keys and what they do"),
        ]
        for topic in screen.corpus.topics:
            commands.append((f"Focus topic: {topic.label}", partial(_focus_topic, screen, topic.id), "dim other passages"))
        for article in screen.corpus.articles:
            if article.passages:
                label = f"Go to article: {article.display_title}"
                commands.append((label, partial(screen.jump_to, article.passages[0].id), "open in a pane"))
        return commands

    async def discover(self) -> Hits:
        for name, action, help_text in self._commands()[:9]:
            yield Hit(1.0, Content(name), action, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _display(matcher, name), action, text=name, help=help_text)


def _focus_topic(screen, topic_id: str) -> None:
    screen.state.set_topic(topic_id)
    screen.refresh_view()

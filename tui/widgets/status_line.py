"""The line under the panes: where the cursor is, what it discusses, and where enter would go."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from models.document import Corpus
from tui.labels import passage_label
from tui.state import ReaderState


def status_text(state: ReaderState, loading: tuple[int, int, str] | None = None) -> Text:
    """A one-line summary of the focused passage, most useful first: where it is, where enter goes, what
    it discusses (plain Text: nothing from the article is markup)."""
    corpus: Corpus = state.corpus
    passage = state.passage()
    text = Text(no_wrap=True, overflow="ellipsis")
    if loading is not None:
        done, total, _ = loading
        text.append(f"⏳ loading {done}/{total} files, links when done · ", style="bold yellow")
    if passage is None:
        text.append("No articles loaded.")
        return text
    article = corpus.articles[state.article]
    text.append(f"¶{passage.index + 1}/{len(article.passages)} ", style="bold")
    links = state.links()
    if links:
        best = links[0]
        target = corpus.passage(best.other(passage.id))
        text.append(f"⇄ {len(links)} link{'s' if len(links) != 1 else ''}, enter → ")
        text.append(passage_label(corpus, target, 32), style="bold")
        text.append(f" ({best.score:.2f})  ")
    elif state.topic is not None:
        text.append("no links on the focused topic  ", style="dim")
    else:
        text.append("no links  ", style="dim")
    labels = {t.id: t for t in corpus.topics}
    if passage.topics:
        for tag in passage.topics:
            info = labels.get(tag.topic)
            text.append("○ " if tag.implicit else "● ", style=info.colour if info else "")
            text.append(info.label if info else tag.topic)
            text.append(" (" + ", ".join(tag.explain()) + ")  ", style="dim")
    else:
        text.append("no topic", style="dim")
    return text


class StatusLine(Static):
    """Shows `status_text` for the current state; the screen calls `show()`."""

    #: (files done, files, current file) while loading; not `loading`, which is Textual's spinner reactive
    files_loading: tuple[int, int, str] | None = None

    def show(self, state: ReaderState) -> None:
        self.update(status_text(state, self.files_loading), layout=False)  # one line, fixed height: no layout pass

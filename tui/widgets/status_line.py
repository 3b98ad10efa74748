"""The line under the panes: where the cursor is, what it discusses, and where enter would go."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from rich.text import Text
from textual.widgets import Static

from models.config import TOPICS_BESIDE
from models.display import file_name
from models.document import Corpus
from tui.labels import passage_label
from tui.state import ReaderState


class Loading(NamedTuple):
    """Where loading is, for the status line: files done of files, the last file, and once every file is
    read the corpus stage's phase by name ("Discovering topics and linking passages"), so the line never
    says 5/5 with nothing named while links are computed."""

    done: int
    total: int
    name: str
    phase: str = ""


def loading_text(loading: tuple[int, int, str] | Loading) -> str:
    """The status line's loading note."""
    done, total = loading[0], loading[1]
    phase = loading.phase if isinstance(loading, Loading) else ""
    if phase:
        return f"⏳ {phase[:1].lower() + phase[1:]}… ({done}/{total} files read) · "
    return f"⏳ loading {done}/{total} files, links when done · "


def topics_source(config_path: str) -> str | None:
    """What the status line says about the topics when they are a folder's own `topics.yaml` (the folder
    named, made safe to show), else None: the user should know which topics they are reading by."""
    path = Path(config_path)
    if path.name != TOPICS_BESIDE:
        return None
    return f"topics: {file_name(path.parent) or '.'}/{TOPICS_BESIDE}"


# The link target's article label: at most this many cells, and no fewer than MIN_TARGET when it is shown
# (below that the line says only how many links there are).
TARGET_CELLS = 32
MIN_TARGET = 10


def status_text(state: ReaderState, loading: tuple[int, int, str] | Loading | None = None,
                topics: str | None = None, width: int | None = None) -> Text:
    """A one-line summary of the focused passage, most useful first: where it is, where enter goes, what
    it discusses (plain Text: nothing from the article is markup). `topics`: where the topics come from, when
    that is not the config the user chose (a folder's own topics.yaml): said first, so it is never cut.

    The focused topic (else the passage's first) comes first among its topics and its name is never cut
    when `width` (the cells the line has) allows: the link target's label gives way first, down to
    MIN_TARGET cells, then the target goes and the line says only how many links there are."""
    corpus: Corpus = state.corpus
    passage = state.passage()
    text = Text(no_wrap=True, overflow="ellipsis")
    if loading is not None:
        text.append(loading_text(loading), style="bold yellow")
    if topics is not None:
        text.append(f"{topics} · ", style="dim")
    if passage is None:
        text.append("No articles loaded.")
        return text
    article = corpus.articles[state.article]
    text.append(f"¶{passage.index + 1}/{len(article.passages)} ", style="bold")
    labels = {t.id: t for t in corpus.topics}
    tags = sorted(passage.topics, key=lambda tag: tag.topic != state.topic)  # the focused topic first
    first = Text()
    if tags:
        info = labels.get(tags[0].topic)
        first.append("○ " if tags[0].implicit else "● ", style=info.colour if info else "")
        first.append(info.label if info else tags[0].topic)
    links = state.links()
    if links:
        best = links[0]
        target = corpus.passage(best.other(passage.id))
        count = f"⇄ {len(links)} link{'s' if len(links) != 1 else ''}"
        score = f" ({best.score:.2f})  "
        cells = TARGET_CELLS
        if width is not None:
            ends = f"{count}, enter →  ¶{target.index + 1}{score}"  # " ¶7" follows the label
            # one cell more for the "…" that ends a line cut after the topic's name
            cells = min(TARGET_CELLS, width - text.cell_len - len(ends) - first.cell_len - 1)
        if cells >= MIN_TARGET:
            text.append(f"{count}, enter → ")
            text.append(passage_label(corpus, target, cells), style="bold")
            text.append(score)
        else:
            text.append(f"{count}  ")
    elif state.topic is not None:
        text.append("no links on the focused topic  ", style="dim")
    else:
        text.append("no links  ", style="dim")
    if tags:
        for n, tag in enumerate(tags):
            info = labels.get(tag.topic)
            if n == 0:
                text.append_text(first)
            else:
                text.append("○ " if tag.implicit else "● ", style=info.colour if info else "")
                text.append(info.label if info else tag.topic)
            text.append(" (" + ", ".join(tag.explain()) + ")  ", style="dim")
    else:
        text.append("no topic", style="dim")
    return text


class StatusLine(Static):
    """Shows `status_text` for the current state; the screen calls `show()`."""

    #: (files done, files, current file) while loading; not `loading`, which is Textual's spinner reactive
    files_loading: tuple[int, int, str] | Loading | None = None
    #: where the topics come from when it is a folder's own topics.yaml (`topics_source`), else None
    topics_from: str | None = None

    def show(self, state: ReaderState) -> None:
        width = self.content_region.width or max(self.app.size.width - 2, 0)
        self.update(status_text(state, self.files_loading, self.topics_from, width), layout=False)  # one line, fixed height: no layout pass

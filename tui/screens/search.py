"""Search across every article as you type; results show the article and the passage, enter jumps there.

Passage texts are folded once (case and diacritics, the way the analysis folds them), so each keystroke is
a plain substring scan. The last query is remembered for the session: `/` opens on it, selected, so
typing replaces it and enter goes back to the same results.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.text import Text
from textual import on
from textual.app import App
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from models.document import Corpus
from models.text import fold
from tui.labels import passage_label
from tui.screens.base import Panel

MAX_RESULTS = 200
CONTEXT = 40
# The last query typed in each running app (the reader opens a new SearchScreen each time).
_LAST_QUERY: WeakKeyDictionary[App[object], str] = WeakKeyDictionary()


def snippet(text: str, start: int, end: int) -> Text:
    """The match with some context either side, starting and ending on whole words, the match highlighted
    (plain Text, never markup)."""
    left = max(0, start - CONTEXT)
    if left:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    right = min(len(text), end + CONTEXT * 2)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > end else right
    out = Text(no_wrap=True, overflow="ellipsis")
    if left:
        out.append("…")
    out.append(text[left:start])
    out.append(text[start:end], style="reverse")
    out.append(text[end:right])
    if right < len(text):
        out.append("…")
    return out


# Quotes, apostrophes and dashes as typed on a keyboard: `fold` already straightens ’ and ‘, not the other
# marks pages print (ʼ ′ ´, “ ” « », – — ‐): "2019-20" finds "2019–20", "chief's" finds "chiefʼs". One
# character for one, so offsets stay valid.
_TYPED = str.maketrans({"ʼ": "'", "′": "'", "`": "'", "´": "'",
                        "“": '"', "”": '"', "„": '"', "″": '"', "«": '"', "»": '"',
                        "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-"})


def _fold_keep_length(text: str) -> str:
    """Fold for matching, keeping one character per character so match offsets stay valid."""
    out = []
    for ch in text.translate(_TYPED):
        folded = fold(ch)
        out.append(folded[0] if len(folded) >= 1 else ch)
    return "".join(out)


class SearchIndex:
    """Folded passage texts, built once per corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.entries = [(p, _fold_keep_length(p.text)) for a in corpus.articles for p in a.passages]

    def find(self, query: str, limit: int = MAX_RESULTS) -> tuple[list[tuple[str, int, int]], int]:
        """(passage id, start, end) of the first match in each passage, and the total number of passages
        that match."""
        needle = _fold_keep_length(query.strip())
        if not needle:
            return [], 0
        hits: list[tuple[str, int, int]] = []
        total = 0
        for passage, folded in self.entries:
            at = folded.find(needle)
            if at >= 0:
                total += 1
                if len(hits) < limit:
                    hits.append((passage.id, at, at + len(needle)))
        return hits, total


class SearchScreen(Panel[str | None]):
    BINDINGS = [
        Binding("down", "cursor(1)", "Next result", id="search_next", show=False),
        Binding("up", "cursor(-1)", "Previous result", id="search_prev", show=False),
    ]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.index = SearchIndex(corpus)
        self.hits: list[tuple[str, int, int]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search", classes="panel"):
            yield Static(Text("Search every article (case and accents ignored)"), classes="panel-title")
            yield Input(placeholder="type to search…", id="query")
            yield Static(id="count", classes="dim")
            yield OptionList(id="results")
        yield Footer()

    def on_mount(self) -> None:
        field = self.query_one(Input)
        last = _LAST_QUERY.get(self.app, "")
        if last:
            field.value = last
            field.select_all()
        field.focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        _LAST_QUERY[self.app] = event.value
        self.hits, total = self.index.find(event.value)
        results = self.query_one(OptionList)
        results.clear_options()
        options = []
        for n, (pid, start, end) in enumerate(self.hits):
            passage = self.corpus.passage(pid)
            prompt = Text(no_wrap=True, overflow="ellipsis")
            prompt.append(passage_label(self.corpus, passage, 30), style="italic")
            prompt.append("  ")
            prompt.append_text(snippet(passage.text, start, end))
            options.append(Option(prompt, id=str(n)))
        results.add_options(options)
        if options:
            results.highlighted = 0
        shown = f" (showing {len(self.hits)})" if total > len(self.hits) else ""
        self.query_one("#count", Static).update(
            Text(f"{total} passage{'s match' if total != 1 else ' matches'}{shown}" if event.value.strip() else "")
        )

    def action_cursor(self, delta: int) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            current = results.highlighted if results.highlighted is not None else -delta
            results.highlighted = max(0, min(results.option_count - 1, current + delta))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        results = self.query_one(OptionList)
        if results.highlighted is not None and self.hits:
            self.dismiss(self.hits[results.highlighted][0])

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[int(event.option.id or 0)][0])

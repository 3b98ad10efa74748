"""The voices view (`v`): who each article quotes or cites, as a speaker x article table with how often and
on which topics. The same person named differently across articles is one row. With a topic focused, only
mentions on that topic count (`t` switches between the topic and everything). Enter on a cell jumps to the
speaker's first mention in that article."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Static

from models.document import Corpus
from models.insight.voices import Mention, Speaker, voices
from tui.widgets.matrix import article_headers
from tui.labels import article_label, shorten
from tui.screens.base import Panel, panel_width

MAX_ARTICLE_COLUMNS = 40
SPEAKER_MOST = 30  # cells of a speaker's name (fewer below 100 columns: SPEAKER_NARROW)
SPEAKER_NARROW = 22
ARTICLE_CELL = 5  # "7 ●●●"
ROLE_MOST = 36
ROLE_LEAST = 10  # a role column narrower than this is dropped (the line under the table says the role)


class VoicesScreen(Panel[str | None]):
    BINDINGS = [Binding("t", "toggle_topic", "Topic / all", id="voices_topic")]

    def __init__(self, corpus: Corpus, topic_id: str | None, first: int = 0) -> None:
        super().__init__()
        self.corpus = corpus
        self.topic_id = topic_id
        self.only_topic = topic_id is not None
        self.rows: list[Speaker] = []
        self.leading = 3  # columns before the articles' (speaker, kind, role)
        # At most MAX_ARTICLE_COLUMNS articles fit as columns: those from the reader's window on. On a large
        # corpus whose voices are not worked out yet, only those articles are read now, so the view opens at
        # once; once the background preparation is done, the whole corpus's speakers are used.
        first = max(0, min(first, len(corpus.articles) - MAX_ARTICLE_COLUMNS))
        shown = corpus.articles[first:first + MAX_ARTICLE_COLUMNS]
        self.columns = [a.id for a in shown]
        full = voices(corpus)
        if full.ready or len(shown) == len(corpus.articles):
            self.index = full
        else:
            self.index = voices(Corpus(tuple(shown), corpus.topics, (), ()))
        self.first = first
        self._by_key: dict[str, dict[str, list]] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="voices", classes="panel"):
            yield Static(id="voices-title", classes="panel-title")
            yield DataTable(id="voices-table", cursor_type="cell", zebra_stripes=True, fixed_columns=1)
            yield Static(id="voice-detail", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self._fill()
        self.query_one(DataTable).focus()

    def _voices_by_key(self, article_id: str) -> dict[str, list]:
        """An article's voices by key, worked out once per article shown (a large corpus has thousands of
        speakers: looking each one up by scanning the article's voices made the view slow to open)."""
        found = self._by_key.get(article_id)
        if found is None:
            found = self._by_key[article_id] = {}
            for voice in self.index.of_article(article_id):
                found.setdefault(voice.key, []).append(voice)
        return found

    def _mentions(self, speaker: Speaker, article_id: str):
        """The speaker's mentions in one article (on the focused topic when asked)."""
        found: list[Mention] = []
        for member_article, key in speaker.members:
            if member_article != article_id:
                continue
            for voice in self._voices_by_key(article_id).get(key, ()):
                found.extend(m for m in voice.mentions if not self.only_topic or self.topic_id in m.topic_ids)
        return found

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        topic = self.corpus.topic(self.topic_id) if self.topic_id else None
        title = Text("Who is quoted or cited")
        if self.only_topic and topic:
            title.append(" on ")
            title.append(topic.label, style=f"bold {topic.colour}")
        title.append(f"   ({'t: all topics' if self.only_topic else 't: the focused topic'} · enter: jump)"
                     if topic else "   (enter: jump)", style="dim")
        title.append("\nEach cell: mentions in that article, and ● the topics (colours as in the topic bar).",
                     style="dim")
        if len(self.columns) < len(self.corpus.articles):
            title.append(f"\nArticles {self.first + 1}–{self.first + len(self.columns)} of "
                         f"{len(self.corpus.articles)} (from the panes on screen).", style="dim")
        self.query_one("#voices-title", Static).update(title)
        # Room: the speaker (fixed) and kind, then the articles (each at least a count and three topic dots),
        # then the role with what is left; without room for a role worth reading it goes (the line under the
        # table gives it).
        inner = panel_width(self.app.size.width) - 4 - 2
        names = [s.name for s in self.index.speakers]
        speaker_width = min(SPEAKER_MOST if inner >= 100 else SPEAKER_NARROW, max(map(len, names), default=7))
        kind_width = max((len(s.kind) for s in self.index.speakers), default=4)
        articles_room = len(self.columns) * (ARTICLE_CELL + 2)
        role_width = min(ROLE_MOST, max((len(s.role or "") for s in self.index.speakers), default=0),
                         inner - (speaker_width + 2) - (kind_width + 2) - articles_room - 2)
        show_role = role_width >= ROLE_LEAST
        table.add_column(Text("speaker"), key="speaker", width=speaker_width)
        table.add_column(Text("kind"), key="kind", width=kind_width)
        if show_role:
            table.add_column(Text("role"), key="role", width=role_width)
        self.leading = 3 if show_role else 2
        shown = [self.corpus.articles_by_id[a] for a in self.columns]
        room = inner - (speaker_width + 2) - (kind_width + 2) - ((role_width + 2) if show_role else 0)
        headers, legend = article_headers(self.corpus, shown, max(0, room), width=inner)
        for article, header in zip(shown, headers):
            table.add_column(Text(header), key=article.id)
        if legend:
            title.append("\n" + legend, style="dim")
            self.query_one("#voices-title", Static).update(title)
        self.rows = []
        labels = {t.id: t for t in self.corpus.topics}
        shown_ids = set(self.columns)
        for speaker in self.index.speakers:
            if not any(member_article in shown_ids for member_article, _ in speaker.members):
                continue  # (not quoted in the articles shown: no row, and nothing to count)
            cells, total = [], 0
            for article_id in self.columns:
                mentions = self._mentions(speaker, article_id)
                total += len(mentions)
                if mentions:
                    topics = Counter(t for m in mentions for t in m.topic_ids)
                    cell = Text(f"{len(mentions)} ")
                    for topic_id, _ in topics.most_common(3):
                        info = labels.get(topic_id)
                        cell.append("●", style=info.colour if info else "")
                    cells.append(cell)
                else:
                    cells.append(Text("·", style="dim"))
            if not total:
                continue
            self.rows.append(speaker)
            style = "italic" if speaker.kind == "unnamed" else ""
            fixed = [Text(shorten(speaker.name, speaker_width), style=style), Text(speaker.kind, style="dim")]
            if show_role:
                fixed.append(Text(shorten(speaker.role or "", role_width), style="dim"))
            table.add_row(*fixed, *cells)
        if not self.rows:
            self.query_one("#voice-detail", Static).update(Text("No one is quoted or cited here."))

    @on(DataTable.CellHighlighted)
    def _highlighted(self, event: DataTable.CellHighlighted) -> None:
        row, column = event.coordinate.row, event.coordinate.column - self.leading
        if not 0 <= row < len(self.rows):
            return
        speaker = self.rows[row]
        detail = Text()
        detail.append(speaker.name, style="bold")
        if speaker.role:
            detail.append(f", {speaker.role}")
        if len(speaker.names) > 1:
            detail.append(f"  (also: {', '.join(n for n in speaker.names if n != speaker.name)})")
        if 0 <= column < len(self.columns):
            mentions = self._mentions(speaker, self.columns[column])
            if mentions:
                detail.append("\n")
                detail.append(mentions[0].sentence[:300])
        self.query_one("#voice-detail", Static).update(detail)

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        row, column = event.coordinate.row, event.coordinate.column - self.leading
        if not 0 <= row < len(self.rows):
            return
        speaker = self.rows[row]
        if 0 <= column < len(self.columns):
            mentions = self._mentions(speaker, self.columns[column])
        else:  # the name cells: the first mention anywhere
            mentions = next((m for a in self.columns if (m := self._mentions(speaker, a))), [])
        if mentions:
            self.dismiss(mentions[0].passage_id)

    def action_toggle_topic(self) -> None:
        if self.topic_id is None:
            return
        self.only_topic = not self.only_topic
        self._fill()


"""Each pop-up view: opened by its key, showing what it should, and jumping back into the reader."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList, Static

from tests.tui.conftest import wait_for_reader
from tui.reader import ReaderScreen


def visible_text(widget) -> str:
    return str(widget.render())


async def test_inspector_lists_links_and_enter_jumps(make_app):
    from tui.screens.inspector import InspectorScreen

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        origin = screen.state.passage().id
        links = app.corpus.links_of(origin)
        await pilot.press("i")
        assert isinstance(app.screen, InspectorScreen)
        assert app.screen.query_one("#links", OptionList).option_count == len(links)
        assert "Shared terms" in visible_text(app.screen.query_one("#shared"))
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert screen.state.passage().id == links[1].other(origin)


async def test_coverage_matrix_counts_and_jump(make_app):
    from textual.widgets import DataTable

    from tui.screens.coverage import CoverageScreen

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.press("c")
        assert isinstance(app.screen, CoverageScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(app.corpus.topics)
        assert len(table.columns) == len(app.corpus.articles) + 2
        drones_row = [str(c) for c in table.get_row("drones-ukraine")]
        assert drones_row[1] == "—"  # the first seed never mentions drones
        assert drones_row[-1] == "2/5"
        # move to the drones row, the article-003 column, and jump to its first drone passage
        table.move_cursor(row=2, column=4)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert screen.state.passage().article_id.startswith("003_")
        assert screen.state.passage().tag("drones-ukraine") is not None


async def test_removed_text_view_lists_rules(make_app):
    from tui.screens.removed import RemovedScreen

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        await pilot.press("r")
        assert isinstance(app.screen, RemovedScreen)
        text = " ".join(visible_text(s) for s in app.screen.query("Static"))
        assert "share-prompt" in text and "Note to readers" in text and "byline" in text
        assert "a rule in the config" in text and "matches rule 'share-prompt'" in text  # what decided, and how
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_search_filters_as_you_type_and_enter_jumps(make_app):
    from textual.widgets import OptionList

    from tui.screens.search import SearchScreen

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"chemezov")
        results = app.screen.query_one(OptionList)
        assert results.option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "Chemezov" in screen.state.passage().text


async def test_search_remembers_the_last_query(make_app):
    from textual.widgets import Input, OptionList

    from tui.screens.search import SearchScreen

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        await pilot.press("slash", *"chemezov", "escape")
        await pilot.press("j", "slash")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "chemezov"
        assert app.screen.query_one(OptionList).option_count == 1  # its results are back too
        await pilot.press(*"drone")  # typing replaces the remembered query
        assert app.screen.query_one(Input).value == "drone"


async def test_help_and_the_readme_explain_every_gutter_mark(make_app):
    from tests.conftest import ROOT
    from tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        about = " ".join(visible_text(s) for s in app.screen.query("Static"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for mark in ("●", "○", "⇄", "★", "▶", "›"):
        assert mark in about, mark
        assert f"`{mark}`" in readme, mark


async def test_search_ignores_case_and_accents(make_app):
    from tui.screens.search import SearchIndex

    app = make_app()
    index = SearchIndex(app.corpus)
    plain, _ = index.find("erdogan")
    accented, _ = index.find("ERDOĞAN")
    assert plain and plain == accented
    typed, _ = index.find("mikheyev - the")  # a keyboard hyphen finds the page's dash
    assert typed and typed == index.find("Mikheyev – the")[0]
    passage = app.corpus.passages_by_id[typed[0][0]]
    start, end = typed[0][1:]
    assert passage.text[start:end] == "Mikheyev – the"  # offsets still point at the match


async def test_help_is_generated_from_the_bindings(make_app, config, seeds_corpus, tmp_path):
    from dataclasses import replace

    from tui.screens.help import HelpScreen

    app = make_app(corpus=seeds_corpus, cfg=replace(config, keys={"next_passage": "ctrl+n,x"}))
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(visible_text(s) for s in app.screen.query("Static"))
        for words in ("next_passage", "follow_link", "Coverage", "^n", "cycle_topic"):
            assert words.lower() in text.lower(), words
        await pilot.press("escape")
        await pilot.press("x")  # the rebound key works...
        assert screen.state.cursors[0] == 1
        await pilot.press("j")  # ...and the default no longer does
        assert screen.state.cursors[0] == 1


async def test_unknown_binding_id_in_config_is_reported(make_app, config, seeds_corpus, monkeypatch):
    from dataclasses import replace

    from tui.app import ParallaxApp

    # Every notification as it is made: app._notifications drops a toast once its time is up, which a loaded
    # machine reached before the reader was (a flaky failure under load).
    said: list[str] = []
    real = ParallaxApp.notify

    def notify(self, message, *args, **kwargs):
        said.append(str(message))
        return real(self, message, *args, **kwargs)

    monkeypatch.setattr(ParallaxApp, "notify", notify)
    # The analysed seeds are handed in: the check needs no analysis, and analysing in the worker on a loaded
    # machine is what made this test slow enough to fail once.
    app = make_app(corpus=seeds_corpus, cfg=replace(config, keys={"fly_away": "f"}))
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        assert any("fly_away" in m and "unknown binding id" in m for m in said)


async def test_problems_are_shown_not_swallowed(make_app, tmp_path):
    from tests.conftest import SEEDS
    from tui.screens.problems import ProblemsScreen

    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    app = make_app(paths=[SEEDS / "004_c17863d213641cf5.txt", bad])
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        assert any("broken.txt" in n.message for n in app._notifications)
        await pilot.press("P")
        assert isinstance(app.screen, ProblemsScreen)
        assert "binary" in " ".join(visible_text(s) for s in app.screen.query("Static"))


async def test_command_palette_offers_reader_commands(make_app):
    from tui.commands import ReaderCommands

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        provider = ReaderCommands(screen)
        names = [name for name, _, _ in provider._commands()]
        assert "Coverage matrix" in names and any(n.startswith("Focus topic: Drones") for n in names)
        hits = [hit async for hit in provider.search("focus drones")]
        assert hits and "Drones" in (hits[0].text or "")
        hits[0].command()
        assert screen.state.topic == "drones-ukraine"


async def test_perspectives_view_shows_terms_and_jumps(make_app):
    from textual.widgets import DataTable, OptionList

    from tui.screens.perspectives import PerspectivesScreen

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.press("t", "p")  # the S-400 topic
        assert isinstance(app.screen, PerspectivesScreen)
        view = app.screen
        assert "S-400 purchase" in visible_text(view.query_one("#perspectives-title"))
        assert "Common ground" in visible_text(view.query_one("#common-ground"))
        table = view.query_one(DataTable)
        assert len(table.columns) == 4  # the four articles that discuss the S-400
        assert view.grid[0] == [None] * 4  # the first row says what each column's words come from
        term = view.grid[1][0]
        assert term is not None and term.z > 0
        listing = view.query_one("#term-passages", OptionList)
        assert listing.option_count == len(term.passage_ids)
        await pilot.press("enter")
        await pilot.pause()
        if len(term.passage_ids) > 1:
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert screen.state.passage().id == term.passage_ids[0]
        await pilot.press("p", "t")
        assert app.screen.topic_id == "f35-removal"
        table = app.screen.query_one(DataTable)
        cells = [str(c) for row in range(table.row_count) for c in table.get_row_at(row)]
        # two articles say too little on the F-35: their columns are their words overall, and say so without
        # calling 22 words on the topic the "whole article"
        assert cells.count("22 words on the topic: overall*") == 1 and "45 words on the topic" in cells
        assert not any("whole article" in cell for cell in cells)
        assert all(term is not None for term in app.screen.grid[1][:3])
        legend = visible_text(app.screen.query_one("#perspectives-legend"))
        assert "* overall: the article says too little on this topic" in legend and "the same under every topic" in legend


async def test_voices_view_lists_speakers_per_article_and_jumps(make_app):
    from textual.widgets import DataTable

    from tui.screens.voices import VoicesScreen

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.press("v")
        assert isinstance(app.screen, VoicesScreen)
        names = [s.name for s in app.screen.rows]
        assert "Ilter Turan" in names and "Viktor Litovkin" in names
        row = names.index("Ilter Turan")
        table = app.screen.query_one(DataTable)
        turan = [str(c) for c in table.get_row_at(row)]
        assert turan[2] == "international relations professor"
        assert turan[4].startswith("7")  # quoted seven times by the second article
        table.move_cursor(row=row, column=4)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "Turan" in screen.state.passage().text


async def test_voices_follow_the_topic_focus(make_app):
    from tui.screens.voices import VoicesScreen

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        await pilot.press("t", "t", "t", "v")  # drones to Ukraine
        assert isinstance(app.screen, VoicesScreen)
        on_topic = {s.name for s in app.screen.rows}
        await pilot.press("t")
        everything = {s.name for s in app.screen.rows}
        assert on_topic < everything and "Ilter Turan" not in on_topic


async def test_inspector_marks_and_lists_the_links_own_shared_terms(make_app):
    """The words in bold and the "shared terms" line are the link's shared terms, those its reason names:
    one source, so they never disagree (they did: the marks came from every word both passages use)."""
    from models.text import stem, tokens
    from tui.screens.inspector import InspectorScreen

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        origin = screen.state.passage().id
        link = app.corpus.links_of(origin)[0]
        assert link.shared_terms and "shared terms: " + ", ".join(link.shared_terms) in link.reason
        await pilot.press("i")
        assert isinstance(app.screen, InspectorScreen)
        label = visible_text(app.screen.query_one("#shared"))
        assert ": " + ", ".join(link.shared_terms) + "   " in label
        stems = {stem(t.norm) for term in link.shared_terms for t in tokens(term)}
        for side, passage_id in (("#left", origin), ("#right", link.other(origin))):
            text = app.screen.query_one(side, Static).content
            assert isinstance(text, Text)
            bold = {stem(t.norm) for span in text.spans if "bold" in str(span.style)
                    for t in tokens(text.plain[span.start:span.end])}
            assert bold and bold <= stems, (side, bold, stems)
            words = {stem(t.norm) for t in tokens(app.corpus.passage(passage_id).text)}
            assert stems & words <= bold


async def test_inspector_bolds_an_acronym_term_only_as_written(make_app):
    """The link's shared term "US" is bold where the country is named, not on the pronoun "us" (it was)."""
    from tests.models.test_export import US_TEXTS, acronym_corpus
    from tui.screens.inspector import InspectorScreen

    app = make_app(corpus=acronym_corpus())
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        await pilot.press("i")
        assert isinstance(app.screen, InspectorScreen)
        for side, aid in (("#left", "a"), ("#right", "b")):
            text = app.screen.query_one(side, Static).content
            assert isinstance(text, Text) and text.plain == US_TEXTS[aid]
            bold = [text.plain[s.start:s.end] for s in text.spans if "bold" in str(s.style)]
            assert "US" in bold and "sanctions" in bold, (side, bold)
            assert "us" not in bold, (side, bold)


async def test_coverage_names_topics_that_tag_nothing_in_one_line(make_app, seeds_corpus):
    """A topic no passage discusses is not a row of dashes (the bundled topics on another story hid the
    story's own): one line under the matrix names it."""
    from dataclasses import replace

    from textual.widgets import DataTable, Static

    from models.document import TopicInfo
    from tui.screens.coverage import CoverageScreen

    silent = TopicInfo("fisheries", "Fisheries [b]quota[/b]", "#888888")
    corpus = replace(seeds_corpus, topics=(silent, *seeds_corpus.topics))
    app = make_app(corpus=corpus)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        await pilot.press("c")
        assert isinstance(app.screen, CoverageScreen)
        table = app.screen.query_one(DataTable)
        assert "fisheries" not in [str(key.value) for key in table.rows]
        assert table.row_count == len(seeds_corpus.topics)
        line = str(app.screen.query_one("#coverage-silent", Static).render())
        assert line == "No passage here discusses this topic: Fisheries [b]quota[/b]."  # as text, never markup

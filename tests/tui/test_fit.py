"""Views fit the terminal: every article's column on screen at 80, 120 and 200 columns, terms whole where there
is room, the z-score bar only when it costs no term its end, legends and excerpts that never cut a word."""

from __future__ import annotations

import pytest

from models.insight.perspectives import ArticleFraming, Term
from tests.tui.conftest import wait_for_reader
from tui.screens.perspectives import BAR, MIN_COLUMN, PerspectivesScreen, _around, column_plan, term_cells


def _frame(*texts: str) -> ArticleFraming:
    terms = tuple(Term(t, t.lower(), 1.5, 2, 0, ()) for t in texts)
    return ArticleFraming("a", 50, 50, True, terms, ())


def test_columns_share_the_room_and_the_bar_gives_way_before_a_term_is_cut():
    frames = [_frame("Kurdish", "defense industry"), _frame("Russian Federation")]
    need = term_cells(frames[1].terms[0])
    bar, width = column_plan(frames, 200)
    assert bar == BAR and width == need + BAR + 1  # room for all: full bar, no wider than needed
    bar, width = column_plan(frames, 2 * (need + 2) + 2)
    assert bar == 0 and width >= need  # the bar goes first
    bar, width = column_plan(frames * 4, 60)
    assert bar == 0 and width == MIN_COLUMN  # too many columns: the narrowest readable, the table scrolls


def test_an_excerpt_starts_and_ends_on_whole_words():
    text = "Turkey planned the purchase of American-backed Kurdish drones that might one day take shape in Syria " * 3
    excerpt = _around(text, "Kurdish", 60)
    assert excerpt.startswith("…of ") and excerpt.endswith("…") and "Kurdish" in excerpt
    assert excerpt[1:-1] in text and text[text.index(excerpt[1:-1]) + len(excerpt) - 2] == " "


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
async def test_every_article_column_is_on_screen(make_app, size):
    from textual.widgets import DataTable

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_for_reader(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PerspectivesScreen)
        table = app.screen.query_one(DataTable)
        assert len(table.columns) == 4
        used = sum(column.get_render_width(table) for column in table.columns.values())
        assert used <= table.scrollable_content_region.width, (used, table.scrollable_content_region.width)
        title = app.screen.query_one("#term-passages-title")
        assert "passage" in str(title.render())  # the first term is highlighted, its passages listed


def test_a_legend_never_breaks_inside_a_name():
    from tui.widgets.matrix import pack

    items = ["1. Global Research", "2. Is Moscow using the S-40…", "3. iAffairs", "4. Global Research"]
    lines = pack(items, 50).split("\n")
    assert all(len(line) <= 50 for line in lines)
    assert [part for line in lines for part in line.split("   ")] == items
    assert pack(items, 0) == "   ".join(items)
    assert pack(["x" * 30], 10) == "x" * 9 + "…"


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
async def test_coverage_and_voices_show_every_article_column(make_app, size):
    from textual.widgets import DataTable

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_for_reader(app, pilot)
        for key in ("c", "v"):
            await pilot.press(key)
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            assert sum(1 for k in table.columns if k.value in app.corpus.articles_by_id) == 5
            used = sum(column.get_render_width(table) for column in table.columns.values())
            assert used <= table.scrollable_content_region.width, (key, used, table.scrollable_content_region.width)
            for legend in app.screen.query(".dim"):
                for line in str(legend.render()).split("\n"):
                    assert not line.startswith("Research"), line  # no name split across lines
            await pilot.press("escape")
            await pilot.pause()


def test_a_search_excerpt_starts_and_ends_on_whole_words():
    from tui.screens.search import snippet

    text = "It's little wonder then that Turkey began to reorient itself eastward towards Russia and plans " * 3
    start = text.index("Russia")
    shown = snippet(text, start, start + len("Russia")).plain
    assert shown.startswith("…") and shown.endswith("…")
    inner = shown[1:-1]
    at = text.index(inner)
    assert text[at - 1] == " " and text[at + len(inner)] == " "


def test_bookmark_columns_give_short_columns_their_whole_content_first():
    from tui.screens.bookmarks import COLUMNS, column_widths

    natural = [10, 6, 18, 61, 100, 21, 27]  # date, status, article, quote, topics, note, tags
    wide = column_widths(174, natural)
    assert sum(w + 2 for w in wide) <= 174
    assert wide[0] == 10 and wide[1] == 6 and wide[2] == 18 and wide[5] == 21 and wide[6] == 27  # whole
    assert wide[3] > 18 and wide[4] > 12  # quote and topics share the rest
    narrow = column_widths(60, natural)
    assert narrow == [min(least, n) for (_, least, _), n in zip(COLUMNS, natural)]  # the least; it scrolls


async def test_bookmarks_at_80_columns_show_note_and_tags_without_a_sideways_scroll(make_app, seeds_corpus, tmp_path):
    """At 80 columns the table drops its date (the preview says when) so that note and tags are on screen, and
    the preview under the table opens with the note and tags, before a quote that could push them out of it."""
    from textual.widgets import DataTable, Static

    from models.store.bookmarks import open_store
    from tui.screens.bookmarks import BookmarksScreen

    store = open_store(tmp_path).store
    long = max((p for a in seeds_corpus.articles for p in a.passages), key=lambda p: len(p.text))
    store.add(seeds_corpus, long.id, note="Check against the wire account", tags=("to check", "sanctions"))
    store.close()
    app = make_app(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_reader(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        table = app.screen.query_one(DataTable)
        labels = [str(c.label) for c in table.columns.values()]
        assert labels[-2:] == ["note", "tags"] and "date" not in labels
        assert table.max_scroll_x == 0 and table.virtual_size.width <= table.scrollable_content_region.width
        assert str(table.get_row_at(0)[-1]) == "to check, sanctions"
        preview = app.screen.query_one("#bookmark-preview")
        shown = str(app.screen.query_one("#bookmark-detail", Static).render()).splitlines()
        lines = [line for line in shown[: preview.scrollable_content_region.height]]
        assert any(line.startswith("Note: Check against") for line in lines)
        assert any(line.startswith("Tags: to check, sanctions") for line in lines)


def test_a_bookmark_column_a_fair_share_short_of_whole_by_rounding_gets_it_whole():
    """200 columns, tags "to check, turkey, sanctions" (27 cells): the fair share of the spare room, rounded
    down, left them one cell short ("to check, turkey, sanctio…") with room to spare at the table's end."""
    from tui.screens.bookmarks import column_widths

    natural = [10, 6, 30, 60, 100, 40, 27]  # date, status, article, quote, topics, note, tags
    widths = column_widths(174, natural)
    assert widths[6] == 27 and sum(w + 2 for w in widths) <= 174

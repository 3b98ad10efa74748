"""Every key of the reader, driven through Textual's Pilot at 200x50."""

from __future__ import annotations

import pytest

from tests.tui.conftest import wait_for_reader


async def test_opens_on_the_seeds_with_three_panes(make_app):
    app = make_app(load=True)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        visible = [p for p in screen.panes if p.display]
        assert len(visible) == 3
        assert visible[0].view.article.id == "000_ce6e02858118bb64"
        assert "Military Diplomacy" in str(visible[0].header.render())


async def test_narrow_terminal_shows_fewer_panes(make_app):
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await wait_for_reader(app, pilot)
        assert len([p for p in screen.panes if p.display]) == 1


@pytest.mark.parametrize("down, up", [("down", "up"), ("j", "k")])
async def test_next_and_previous_passage(make_app, down, up):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.press(down, down)
        assert screen.state.cursors[0] == 2
        assert screen.active_pane().view.look.cursor == 2
        await pilot.press(up)
        assert screen.state.cursors[0] == 1


async def test_tab_moves_between_panes_and_the_window_follows(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.press("tab", "tab", "tab")
        assert screen.state.article == 3
        shown = [p.view.article.id for p in screen.panes if p.display]
        assert shown[-1].startswith("003_") and screen.active_pane().view.article.id.startswith("003_")
        await pilot.press("shift+tab")
        assert screen.state.article == 2


async def test_enter_follows_the_best_link_and_backspace_returns(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        origin = screen.state.passage().id
        best = screen.state.links()[0]
        await pilot.press("enter")
        assert screen.state.passage().id == best.other(origin)
        await pilot.press("backspace")
        assert screen.state.passage().id == origin


async def test_linked_passages_highlighted_and_revealed_in_other_panes(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        pane = [p for p in screen.panes if p.display][1]
        best = pane.view.look.best
        assert best is not None and dict(pane.view.look.linked)
        first, last = pane.view.first_visible_passage(), pane.view.last_visible_passage()
        assert first <= best <= last


async def test_topic_focus_cycles_dims_and_n_walks_it(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.press("t", "t", "t")  # third topic: drones to Ukraine
        assert screen.state.topic == "drones-ukraine"
        assert screen.active_pane().view.look.topic == "drones-ukraine"
        await pilot.press("n")
        passage = screen.state.passage()
        assert passage.tag("drones-ukraine") is not None
        await pilot.press("n")
        assert screen.state.passage().tag("drones-ukraine") is not None
        assert screen.state.passage().id != passage.id
        await pilot.press("N")
        assert screen.state.passage().id == passage.id
        await pilot.press("0")
        assert screen.state.topic is None


async def test_page_down_and_home_end(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.press("tab")  # the long article
        await pilot.press("pagedown")
        assert screen.state.cursors[1] > 3
        await pilot.press("end")
        assert screen.state.cursors[1] == len(app.corpus.articles[1].passages) - 1
        await pilot.press("home")
        assert screen.state.cursors[1] == 0


async def test_click_focuses_a_passage(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        view = [p for p in screen.panes if p.display][2].view
        await pilot.click(view, offset=(10, 0))
        assert screen.state.article == 2 and screen.state.cursors[2] == view.first_visible_passage()


async def test_quit(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 or app._exit_renderables is not None or not app.is_running


async def test_clicking_a_topic_focuses_it(make_app):
    from tui.widgets.topic_bar import TopicBar

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        await pilot.click(TopicBar, offset=(5, 0))
        assert screen.state.topic == "s400-delivery"
        await pilot.click(TopicBar, offset=(5, 0))
        assert screen.state.topic is None


async def test_a_passage_taller_than_the_pane_is_read_by_scrolling(make_app, tmp_path):
    long = tmp_path / "long.txt"
    words = " ".join(f"word{i}" for i in range(6000))
    long.write_text(f"Turkey bought the S-400 and {words}.\n\nA second paragraph about the S-400 deal follows.\n")
    app = make_app(paths=[long])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_reader(app, pilot)
        view = screen.active_pane().view
        await pilot.press("j")
        assert screen.state.cursors[0] == 0 and view.scroll_offset.y > 0  # scrolled within the passage
        await pilot.press("end")
        assert screen.state.cursors[0] == 1
        await pilot.press("k")
        assert screen.state.cursors[0] == 0 and view.scroll_offset.y > 0  # back into the end of the first
        await pilot.press("pagedown")
        assert view.scroll_offset.y > 0


async def test_empty_reader_offers_only_what_helps(make_app, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    app = make_app(paths=[empty])
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await wait_for_reader(app, pilot)
        for key in ("end", "G", "j", "enter", "tab", "t", "i", "c", "r", "b", "e", "p", "v", "n", "pagedown"):
            await pilot.press(key)
        assert app.is_running and isinstance(app.screen, type(screen))
        assert screen.query_one("#empty").display
        await pilot.press("P")
        assert app.screen is not screen

"""The status line says where the topics come from when they are the folder's own topics.yaml."""

from __future__ import annotations

from tests.tui.conftest import wait_for_reader

ARTICLE = """A ferry sank off Kellin

The ferry Aster sank off Kellin on Monday after a storm; all forty passengers were rescued.

The coastguard said the rescue took six hours in heavy seas.
"""

TOPICS = """topics:
  - id: rescue
    label: The rescue
    aliases: [rescue, rescued, coastguard]
"""


async def test_status_line_names_a_folders_own_topics(make_app, tmp_path):
    from models.config import load_config, topics_beside

    folder = tmp_path / "ferry story"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("Aster", "Ivy"), encoding="utf-8")
    (folder / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    beside = topics_beside([str(folder)])
    assert beside is not None
    app = make_app(paths=[folder], cfg=load_config(beside))
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        status = str(screen.query_one("#status").render())
        assert status.startswith("topics: ferry story/topics.yaml · ")
        assert "The rescue" in status  # the first passage's topic, from that file


async def test_status_line_says_nothing_of_the_bundled_topics(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        assert "topics:" not in str(screen.query_one("#status").render())


def _visible(status) -> str:
    """What the one-line status shows in its width: cut with "…" in the last cell when longer."""
    plain = str(status.render())
    width = status.content_region.width
    return plain if len(plain) <= width else plain[: width - 1] + "…"


async def test_at_80_columns_the_status_line_keeps_the_topic_name_whole(make_app):
    """The link target's label gives way before the name of the focused (else the first) topic is cut."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_reader(app, pilot)
        status = screen.query_one("#status")
        labels = {t.id: t.label for t in app.corpus.topics}
        checked = 0
        for _ in range(8):
            passage = screen.state.passage()
            if passage.topics:
                shown = _visible(status)
                first = passage.topics[0].topic
                assert f"● {labels[first]}" in shown or f"○ {labels[first]}" in shown, shown
                checked += 1
            await pilot.press("j")
            await pilot.pause()
        assert checked >= 4
        # Focus a topic the passage has that is not its first: it comes first, whole.
        passage = next(p for p in app.corpus.articles[0].passages if len(p.topics) > 1)
        for _ in range(20):
            if screen.state.passage().id == passage.id:
                break
            await pilot.press("k")
            await pilot.pause()
        second = passage.topics[1].topic
        for _ in range(40):
            if screen.state.topic == second:
                break
            await pilot.press("t")
            await pilot.pause()
        assert screen.state.topic == second
        shown = _visible(status)
        assert labels[second] in shown and shown.index(labels[second]) < shown.find(labels[passage.topics[0].topic]) \
            or labels[passage.topics[0].topic] not in shown


async def test_a_notification_leaves_the_status_line_visible(make_app):
    """A trial: toasts (a bookmark saved, a skipped file) sat on the status line, hiding where the reader
    is and where enter goes for their whole timeout. They stand above it."""
    from textual.widgets._toast import Toast

    app = make_app()
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        screen = await wait_for_reader(app, pilot)
        app.notify("Bookmark saved.", timeout=30)
        for _ in range(20):
            await pilot.pause(0.05)
            if screen.query(Toast):
                break
        toast = screen.query(Toast).last()
        status = screen.query_one("#status")
        assert toast.region.height and status.region.height
        assert not toast.region.overlaps(status.region), (toast.region, status.region)
        assert toast.region.bottom <= status.region.y

"""The topic bar: configured topics, silent ones counted on one item, discovered ones as suggestions after
them, a "no topic" entry that focuses what the topics miss, and lines that never break inside a topic."""

from __future__ import annotations

from dataclasses import replace

from models.document import Corpus, TopicInfo
from tests.tui.conftest import wait_for_reader
from tui.state import NO_TOPIC


def with_topics(corpus: Corpus) -> Corpus:
    """The seeds with one configured topic that tags nothing and one discovered topic (retagged from a real one)."""
    silent = TopicInfo("silent", "Fisheries quota", "#888888")
    real = corpus.topics[0]
    topics = tuple(t for t in corpus.topics if not t.discovered)
    suggested = TopicInfo(real.id, "suggested drones", real.colour, discovered=True)
    topics = (*[t for t in topics if t.id != real.id], silent, suggested)
    return replace(corpus, topics=topics)


def bar_text(app) -> str:
    from tui.widgets.topic_bar import TopicBar

    return str(app.screen.query_one(TopicBar).render())


async def test_silent_topics_are_one_item_and_suggestions_come_last_hollow(make_app, seeds_corpus):
    from tui.widgets.topic_bar import TopicBar

    corpus = with_topics(seeds_corpus)
    app = make_app(corpus=corpus)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_reader(app, pilot)
        text = bar_text(app)
        assert "Fisheries quota: tags nothing here" in text
        assert text.index("tags nothing") < text.index("suggested: ◇ suggested drones")
        items = app.screen.query_one(TopicBar).items()
        suggested = next(i for i in items if "suggested drones" in i.plain)
        assert any(span.style and "dim" in str(span.style) for span in suggested.spans)


async def test_no_topic_focuses_the_passages_no_topic_tags(make_app, seeds_corpus):
    app = make_app()
    untagged = sum(1 for p in seeds_corpus.passages_by_id.values() if not p.topics)
    assert untagged
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_reader(app, pilot)
        assert f"◌ no topic {untagged} passage" in bar_text(app)
        while screen.state.topic != NO_TOPIC:
            await pilot.press("t")
        assert "▶ no topic" in bar_text(app)
        await pilot.press("n")
        assert not screen.state.passage().topics  # n walks the untagged passages
        await pilot.press("p")  # views that need a topic still open on a real one
        await pilot.pause()
        await pilot.press("escape", "0")
        assert screen.state.topic is None


async def test_a_topic_never_wraps_inside_its_name(make_app, seeds_corpus):
    from tui.widgets.topic_bar import TopicBar

    for width in (80, 120, 200):
        app = make_app()
        async with app.run_test(size=(width, 40)) as pilot:
            await wait_for_reader(app, pilot)
            bar = app.screen.query_one(TopicBar)
            lines = str(bar.render()).split("\n")
            text = "\n".join(lines)
            for item in bar.items():
                if item.cell_len <= bar.content_region.width and item.plain.split(" passage")[0][2:] in text:
                    assert any(item.plain in line for line in lines), (width, item.plain)  # whole, on one line
            assert len(lines) <= 3 or width == 80


async def test_matrices_keep_their_first_column_and_name_articles_as_room_allows(make_app):
    from textual.widgets import DataTable

    from tui.screens.coverage import CoverageScreen

    for width, numbered in ((80, True), (200, False)):
        app = make_app()
        async with app.run_test(size=(width, 40)) as pilot:
            await wait_for_reader(app, pilot)
            await pilot.press("c")
            assert isinstance(app.screen, CoverageScreen)
            table = app.screen.query_one(DataTable)
            assert table.fixed_columns == 1
            headers = [str(c.label) for c in table.columns.values()][1:-1]
            assert all(h.endswith(".") for h in headers) == numbered
            legend = str(app.screen.query_one("#coverage-legend").render())
            assert ("1. Global Research" in legend) == numbered


async def test_when_no_configured_topic_tags_anything_the_bar_opens_on_the_stories_own_topics(make_app, seeds_corpus):
    """The bundled topics on another story: a new user at 80x24 saw '5 topics tag nothing here' first."""
    from tui.widgets.topic_bar import TopicBar

    configured = [TopicInfo(f"other{n}", f"Other story {n}", "#888888") for n in range(5)]
    found = [replace(t, discovered=True) for t in seeds_corpus.topics if not t.discovered]
    app = make_app(corpus=replace(seeds_corpus, topics=(*configured, *found)))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_reader(app, pilot)
        items = [i.plain for i in app.screen.query_one(TopicBar).items()]
        assert items[0].startswith("suggested: ◇ ") or items[0].startswith("◌ no topic")
        assert items[-1] == "5 topics tag nothing here"
        assert "5 topics tag nothing here" in bar_text(app)  # still said, at the end, however narrow


async def test_what_does_not_fit_at_80_columns_is_counted_not_dropped(make_app, seeds_corpus):
    """At 80x24 a new user saw 3 of 6 topics and no sign of the rest: every configured topic is either on
    the bar or counted in its "+N more" item, and the suggestions hidden are counted apart."""
    import re

    configured = [t for t in seeds_corpus.topics if not t.discovered]
    suggested = [t for t in seeds_corpus.topics if t.discovered]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_reader(app, pilot)
        text = bar_text(app)
        assert len(text.split("\n")) <= 3
        more = re.search(r"\+(\d+) more", text)
        hidden = re.search(r"\+(\d+) suggested", text)
        shown = sum(1 for t in configured if f"● {t.label} " in text) + ("◌ no topic" in text)
        assert shown + (int(more.group(1)) if more else 0) == len(configured) + 1  # + the "no topic" entry
        assert more is not None or hidden is not None  # the seeds do not all fit in 80x3
        shown_suggested = sum(1 for t in suggested if f"◇ {t.label} " in text)
        assert shown_suggested + (int(hidden.group(1)) if hidden else 0) == sum(
            1 for t in suggested if any(p.tag(t.id) for p in seeds_corpus.passages_by_id.values()))

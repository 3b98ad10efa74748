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

"""`parallax URL ...` and `--urls FILE`: pages fetched from a local http.server (nothing leaves the machine),
cached, analysed as saved pages are; a URL that cannot be fetched is a problem line and the rest go on."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.models.test_fetch import PARAGRAPHS
from tests.support.web import Page, article_html, serve
from tui.cli import main

OTHER = [p.replace("ferry line", "bridge toll").replace("harbour authority", "city council") for p in PARAGRAPHS]


@pytest.fixture
def site():
    with serve({"/ferry": Page(article_html("The ferry line opens", PARAGRAPHS)),
                "/bridge": Page(article_html("The bridge toll rises", OTHER, outlet="The Other Paper"))}) as running:
        yield running


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_urls_reads_the_pages_and_names_the_one_that_failed(capsys, site):
    missing = site.url("/missing")
    code, out, err = run(capsys, "analyze", site.url("/ferry"), missing, site.url("/bridge"), "--json")
    data = json.loads(out)
    assert code == 1
    assert [a["title"] for a in data["articles"]] == ["The ferry line opens", "The bridge toll rises"]
    assert data["problems"][0] == {"path": missing, "message": "the server answered HTTP 404 (not found)"}
    assert f"parallax: {missing}: the server answered HTTP 404 (not found)" in err


def test_a_second_opening_needs_no_network(capsys, site):
    url = site.url("/ferry")
    assert run(capsys, "analyze", url, "--json")[0] == 0
    site.requests.clear()
    site.pages.clear()  # the site is gone
    code, out, _ = run(capsys, "analyze", url, "--json")
    assert code == 0 and site.requests == [] and json.loads(out)["articles"][0]["title"] == "The ferry line opens"


def test_urls_from_a_file_with_paths_and_a_bad_line(capsys, site, tmp_path):
    listing = tmp_path / "reading.txt"
    listing.write_text(f"# this week\n{site.url('/ferry')}\nwww.example.org/no-scheme\n{site.url('/bridge')}\n",
                       encoding="utf-8")
    code, out, err = run(capsys, "analyze", "--urls", listing, "--json")
    data = json.loads(out)
    assert code == 1 and len(data["articles"]) == 2
    assert data["problems"] == [{"path": f"{listing}:3", "message": "not an http(s) URL: www.example.org/no-scheme"}]


def test_export_from_urls(capsys, site):
    code, out, _ = run(capsys, "export", site.url("/ferry"), site.url("/bridge"))
    assert code == 0 and "| A1 | The ferry line opens |" in out and "The Other Paper" in out


def test_progress_is_shown_per_url_on_a_terminal(capsys, site, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, _, err = run(capsys, "analyze", site.url("/ferry"), site.url("/nope"), "--json")
    assert code == 1
    assert "parallax: fetching 2 pages…" in err
    assert f"{site.url('/ferry')}: downloaded" in err and f"{site.url('/nope')}: the server answered HTTP 404" in err


def test_the_reader_opens_on_the_cached_pages(capsys, site, config):
    from tui.cli_common import load
    from tui.cli import build_parser

    args = build_parser().parse_args(["read", site.url("/ferry"), site.url("/gone")])
    _, paths = load(args)
    assert len(paths) == 1 and paths[0].endswith(".html")
    assert [p.path for p in args.problems] == [site.url("/gone")]


async def test_a_url_that_could_not_be_fetched_is_among_the_readers_problems(site, config):
    from tests.tui.conftest import wait_for_reader
    from tui.app import ParallaxApp
    from tui.cli import build_parser
    from tui.cli_common import load
    from tui.screens.problems import ProblemsScreen

    args = build_parser().parse_args(["read", site.url("/ferry"), site.url("/gone")])
    _, paths = load(args)
    app = ParallaxApp([Path(p) for p in paths], config, problems=tuple(args.problems))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_reader(app, pilot)
        while app.corpus is None:
            await pilot.pause(0.05)
        assert app.corpus.problems[0].path == site.url("/gone")
        assert any(site.url("/gone") in n.message for n in app._notifications)
        await pilot.press("P")
        assert isinstance(app.screen, ProblemsScreen)

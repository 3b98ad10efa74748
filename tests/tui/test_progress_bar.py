"""The command-line progress bar: only on a terminal, only when loading is slow, file names never markup."""

from __future__ import annotations

import io

from rich.console import Console

from models.loader import analyze
from tests.conftest import SEEDS
from tui.progress_bar import rich_progress


def _console(terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=100), out


def test_slow_loading_on_a_terminal_shows_a_bar():
    console, out = _console(True)
    with rich_progress(console, delay=0.0) as progress:
        for n in range(1, 4):
            progress(n, 3, f"folder/[bold]article{n}[/].txt")
            progress.refresh()
        assert progress.shown
        progress.phase("Linking passages")
    text = out.getvalue()
    assert "Analysing" in text and "/3" in text
    assert "[bold]article" in text  # a file name is shown as it is, not as markup


def test_fast_loading_shows_nothing():
    console, out = _console(True)
    with rich_progress(console, delay=60) as progress:
        progress(1, 2, "a.txt")
        progress(2, 2, "b.txt")
        assert not progress.shown
    assert out.getvalue() == ""


def test_not_a_terminal_shows_nothing(config):
    console, out = _console(False)
    with rich_progress(console, delay=0.0) as progress:
        corpus = analyze([SEEDS], config, progress, cache=False)
        assert not progress.shown
    assert len(corpus.articles) == 5 and out.getvalue() == ""


def test_the_bar_appears_on_time_while_one_large_article_is_analysed():
    """No event for a long while (one large article): the bar still appears after the delay."""
    import time

    from models.events import ANALYSING, Progress

    console, out = _console(True)
    with rich_progress(console, delay=0.1) as progress:
        progress.show(Progress(ANALYSING, 0, 1, "big.txt", step="cleaning"))
        time.sleep(0.5)
        assert progress.shown
        progress.refresh()
    assert "Analysing articles: cleaning" in out.getvalue() and "big.txt" in out.getvalue()


def test_the_corpus_stage_pulses_and_names_itself_instead_of_a_full_bar():
    from models.events import ANALYSING, LINKING, Progress

    console, out = _console(True)
    with rich_progress(console, delay=0.0) as progress:
        progress.show(Progress(ANALYSING, 3, 3, "c.txt"))
        progress.show(Progress(LINKING, 0, 1))
        assert progress._bar is not None and progress._task is not None
        task = progress._bar.tasks[0]
        assert task.total is None and task.description == "Discovering topics and linking passages"
        assert task.fields["count"] == "" and task.fields["file"] == "all 3 files read"
        progress.refresh()
    assert "0/1" not in out.getvalue()

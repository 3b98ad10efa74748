"""How the reader names an article's outlet, author and date (tui/labels.py)."""

from __future__ import annotations

import pytest

from models.document import Article
from tui.labels import byline
from tui.widgets.article_pane import header_text


def _article(source, author, date) -> Article:
    return Article("a", "a.txt", "Title", author, source, date, "", (), (), "h")


@pytest.mark.parametrize(("source", "author", "date", "line"), [
    ("Reuters", "Reuters", "2023-03-12", "Reuters · 2023-03-12"),  # wire copy: the outlet is the byline
    ("REUTERS", "Reuters", None, "REUTERS · date not stated"),
    ("The Herald", "Jane Roe", "2023-03-12", "The Herald · Jane Roe · 2023-03-12"),
    (None, None, None, "outlet, author and date not stated"),
    (None, "Jane Roe", None, "Jane Roe · outlet and date not stated"),
    ("The Herald", None, "2023-03-12", "The Herald · 2023-03-12 · author not stated"),
    ("The \x1b[31mHerald", None, "2023", "The Herald · 2023 · author not stated"),
])
def test_byline_says_each_fact_once(source, author, date, line):
    assert byline(_article(source, author, date)) == line


def test_the_pane_header_says_what_is_missing_once():
    """The svb trial: "outlet not stated · author not stated · date not stated" and "Reuters · Reuters"."""
    assert str(header_text(_article(None, None, None), 1, 6, 0)).split("\n")[1] == "outlet, author and date not stated"
    assert str(header_text(_article("Reuters", "Reuters", "2023-03-12"), 2, 6, 5)).split("\n")[1] == "Reuters · 2023-03-12"

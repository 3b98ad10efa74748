"""Fetching articles from URLs: a local http.server in a thread serves pages these tests write; nothing
leaves the machine. Each way a page can fail is a problem naming the URL and why; the rest go on."""

from __future__ import annotations

import pytest

from models.pipeline.fetch import (cached_name, fetch_pages, is_url, page_folder, read_url_list, source_url,
                                   split_urls)
from tests.support.web import Page, article_html, serve

PARAGRAPHS = [
    f"Paragraph {n}: the harbour authority said on Tuesday that the new ferry line would open in spring, "
    f"after a winter of trials in which the crews logged {n * 40 + 120} crossings without an incident."
    for n in range(6)
]


@pytest.fixture
def site():
    pages = {
        "/news/ferry": Page(article_html("The ferry line opens", PARAGRAPHS)),
        "/login": Page(b"<html><body><p>Please log in to continue.</p></body></html>"),
        "/report.pdf": Page(b"%PDF-1.4 ...", content_type="application/pdf"),
        "/broken": Page(b"<html><body>oops</body></html>", status=500),
        "/gone": Page(b"<html><body>gone</body></html>", status=410),
    }
    with serve(pages) as running:
        yield running


def test_a_page_is_fetched_once_then_read_from_the_cache(site, tmp_path):
    url = site.url("/news/ferry")
    first = fetch_pages([url], folder=tmp_path)
    assert first.problems == () and len(first.pages) == 1 and first.pages[0].downloaded
    path = first.pages[0].path
    assert path.parent == tmp_path and path.name == cached_name(url) and source_url(path) == url
    assert b"The ferry line opens" in path.read_bytes()
    site.requests.clear()
    again = fetch_pages([url], folder=tmp_path)
    assert again.pages[0].path == path and not again.pages[0].downloaded and site.requests == []
    refreshed = fetch_pages([url], folder=tmp_path, refetch=True)
    assert refreshed.pages[0].downloaded and site.requests == ["/news/ferry"]


@pytest.mark.parametrize("path, why", [
    ("/missing", "the server answered HTTP 404 (not found)"),
    ("/gone", "the server answered HTTP 410 (gone)"),
    ("/broken", "the server answered HTTP 500 (server error)"),
    ("/login", "not an article (the page has 5 words of text"),
    ("/report.pdf", "not a web page (application/pdf)"),
])
def test_each_failure_names_the_url_and_why_and_the_rest_go_on(site, tmp_path, path, why):
    good, bad = site.url("/news/ferry"), site.url(path)
    result = fetch_pages([bad, good], folder=tmp_path)
    assert [p.url for p in result.pages] == [good]
    [problem] = result.problems
    assert problem.path == bad and problem.message.startswith(why)
    assert not (tmp_path / cached_name(bad)).exists()  # nothing cached for a failure


def test_a_page_that_does_not_answer_times_out(site, tmp_path):
    result = fetch_pages([site.url("/slow")], folder=tmp_path, timeout=1)
    assert [p.message for p in result.problems] == ["timed out (no answer in 3 tries of 1 s)"]


def test_no_such_host_and_a_refused_connection(tmp_path):
    result = fetch_pages(["http://no-such-host.invalid/x", "http://127.0.0.1:9/x"], folder=tmp_path, timeout=2)
    messages = {p.path: p.message for p in result.problems}
    assert messages["http://no-such-host.invalid/x"] == "no such host (the name does not resolve)"
    assert messages["http://127.0.0.1:9/x"] in ("the connection was refused", "could not connect")


def test_progress_is_reported_per_url(site, tmp_path):
    seen = []
    urls = [site.url("/news/ferry"), site.url("/missing")]
    fetch_pages(urls, folder=tmp_path, progress=lambda done, total, url, outcome: seen.append((done, total, url,
                                                                                                  outcome)))
    assert sorted(s[0] for s in seen) == [1, 2] and {s[1] for s in seen} == {2}
    assert {s[2]: s[3] for s in seen} == {urls[0]: "downloaded", urls[1]: "the server answered HTTP 404 (not found)"}


def test_url_lists_skip_comments_and_name_bad_lines(tmp_path):
    listing = tmp_path / "links.txt"
    listing.write_text("# my reading list\nhttps://example.org/a\n\nnot a url\nHTTP://EXAMPLE.ORG/B\n", encoding="utf-8")
    urls, problems = read_url_list(listing)
    assert urls == ["https://example.org/a", "HTTP://EXAMPLE.ORG/B"]
    assert [(p.path, p.message) for p in problems] == [(f"{listing}:4", "not an http(s) URL: not a url")]
    missing, problems = read_url_list(tmp_path / "nope.txt")
    assert missing == [] and "cannot read the list of URLs" in problems[0].message


def test_urls_and_paths_are_told_apart():
    assert split_urls(["a.txt", "https://x.org/1", "http:/bad", "seeds"]) == (["https://x.org/1"], ["a.txt", "http:/bad", "seeds"])
    assert is_url("https://x.org") and not is_url("x.org") and not is_url("ftp://x.org/a")
    assert cached_name("https://www.Example.com/news/2024/turkey-s400?x=1").startswith("www-example-com-news-2024-turkey-s400-")


def test_the_page_cache_is_under_the_redirected_cache_folder(_private_user_dirs):
    assert page_folder() == _private_user_dirs / "cache" / "pages"

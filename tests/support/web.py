"""A local web server for tests that fetch pages: `http.server` in a thread, serving pages the test writes.

Nothing leaves the machine: the server listens on 127.0.0.1 on a free port. `/slow...` paths wait (up to a
limit, or until the server stops) before answering, to make a client time out.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"


@dataclass
class Site:
    """The pages served (path -> Page), the requests seen, and the base URL."""

    base: str = ""
    pages: dict[str, Page] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path


def article_html(title: str, paragraphs: list[str], outlet: str = "The Test Gazette") -> bytes:
    """A small news page: furniture around a headline, a byline and the paragraphs."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title} | {outlet}</title>"
            f'<meta property="og:site_name" content="{outlet}"></head><body>'
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1><p class='byline'>By Ada Reporter</p>{body}</article>"
            "<footer>Copyright The Test Gazette</footer></body></html>").encode("utf-8")


@contextmanager
def serve(pages: dict[str, Page] | None = None) -> Iterator[Site]:
    site = Site(pages=dict(pages or {}))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server name
            site.requests.append(self.path)
            if self.path.startswith("/slow"):
                site.stop.wait(10)
            page = site.pages.get(self.path)
            if page is None:
                page = Page(b"<html><body>Not here</body></html>", 404)
            try:
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                self.end_headers()
                self.wfile.write(page.body)
            except OSError:
                pass  # the client gave up (a timeout test)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stop.set()
        server.shutdown()
        server.server_close()

"""Articles from the web: fetch each page once with trafilatura, keep it in the page cache, hand the loader a file.

A journalist has links, not saved files. `fetch_pages` downloads each URL (trafilatura's `fetch_response`:
its pool, headers and redirects), checks the page holds an article (the same extraction saved pages go
through, models/pipeline/html.py), and writes it to the page cache under the user cache folder
(`<cache>/pages/`, which tests redirect). From then on the URL *is* that file: the loader reads it as it reads
any saved page, and a second opening needs no network (`refetch=True` downloads again).

A page that cannot be had is a Problem naming the URL and why, in words a person can act on: it timed out
after N s, the server answered HTTP 404, the host does not exist or refused the connection, the page is not
HTML or holds no article text. The other URLs go on. Fetching is I/O, kept out of models/pipeline/ingest.py;
nothing here touches the screen: progress goes to a callback.

Why the SSRF guard trafilatura keeps for crawlers is off: the person running parallax typed the URL, and an
intranet page or a local server (the tests' own) is as legitimate a source as any. A certificate that does
not verify is reported, never silently retried without verification.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from models.document import Problem
from models.paths import cache_dir

DEFAULT_TIMEOUT = 21  # seconds for the whole download of one page, over all its tries
ATTEMPTS = 3  # tries at a page that does not answer (trafilatura's retries; also its redirect budget, 2)
MIN_ARTICLE_WORDS = 40  # fewer words of body text than this: not an article (a login wall, an index page)
WORKERS = 4  # pages fetched at once
_SLUG = re.compile(r"[^a-z0-9]+")
_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)


def is_url(text: str) -> bool:
    """An http(s) address, as opposed to a file path."""
    return bool(_URL.match(text.strip()))


def read_url_list(path: str | Path) -> tuple[list[str], list[Problem]]:
    """The URLs in a text file, one a line (blank lines and `#` comments skipped); a line that is not an
    http(s) URL is a problem naming the file and the line."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return [], [Problem(str(path), f"cannot read the list of URLs: {reason}")]
    urls: list[str] = []
    problems: list[Problem] = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if is_url(text):
            urls.append(text)
        else:
            problems.append(Problem(f"{path}:{number}", f"not an http(s) URL: {text[:80]}"))
    return urls, problems


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page in the cache: the file the loader reads, where it came from and whether this run downloaded it."""

    url: str
    path: Path
    downloaded: bool


@dataclass(frozen=True, slots=True)
class FetchResult:
    """For each URL asked for, in order, its cached file; the URLs that could not be had as problems."""

    pages: tuple[Fetched, ...]
    problems: tuple[Problem, ...]

    def path_of(self, url: str) -> str | None:
        return next((str(p.path) for p in self.pages if p.url == url), None)


# A progress callback: (URLs finished, URLs in all, the URL just finished, its outcome in a few words).
Progress = Callable[[int, int, str, str], None]


def page_folder(override: str | Path | None = None) -> Path:
    """Where fetched pages are kept: `<user cache>/pages` ($PARALLAX_CACHE_DIR moves it)."""
    return Path(override) if override else cache_dir() / "pages"


def cached_name(url: str) -> str:
    """A readable, stable file name for `url`: host and the end of its path, then a hash of the whole URL
    (`www.example.com-news-turkey-s400-3f2a9c1b7d.html`); the stem becomes the article's id."""
    parts = urlsplit(url)
    tail = "-".join(p for p in parts.path.split("/") if p)[-60:]
    slug = _SLUG.sub("-", f"{parts.hostname or 'page'}-{tail}".lower()).strip("-")
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
    return f"{slug[:90]}-{digest}.html"


def fetch_pages(
    urls: Sequence[str],
    *,
    folder: str | Path | None = None,
    timeout: float | None = None,
    refetch: bool = False,
    progress: Progress | None = None,
    workers: int = WORKERS,
) -> FetchResult:
    """Each URL's page in the cache (downloaded when it is not there, or always with `refetch`); `timeout`
    (default DEFAULT_TIMEOUT) bounds each page's download."""
    target = page_folder(folder)
    seconds = DEFAULT_TIMEOUT if timeout is None else timeout
    unique = list(dict.fromkeys(urls))
    outcomes: dict[str, Fetched | Problem] = {}
    done = 0
    lock = threading.Lock()

    def one(url: str) -> None:
        nonlocal done
        outcome = fetch_page(url, target, timeout=seconds, refetch=refetch)
        with lock:
            outcomes[url] = outcome
            done += 1
            if progress is not None:
                progress(done, len(unique), url, _said(outcome))

    if len(unique) <= 1 or workers <= 1:
        for url in unique:
            one(url)
    else:
        with ThreadPoolExecutor(max_workers=min(workers, len(unique)), thread_name_prefix="fetch") as pool:
            list(pool.map(one, unique))
    pages = tuple(o for u in unique if isinstance(o := outcomes[u], Fetched))
    problems = tuple(o for u in unique if isinstance(o := outcomes[u], Problem))
    return FetchResult(pages, problems)


def fetch_page(url: str, folder: Path, *, timeout: float = DEFAULT_TIMEOUT, refetch: bool = False) -> Fetched | Problem:
    """One URL: its cached page, else downloaded, checked for an article and cached; or a Problem saying why."""
    path = folder / cached_name(url)
    if path.is_file() and not refetch:
        return Fetched(url, path, downloaded=False)
    got = _download(url, timeout)
    if isinstance(got, str):
        return Problem(url, got)
    data, status, final_url, content_type = got
    if status != 200:
        return Problem(url, f"the server answered HTTP {status}{_reason(status)}")
    if content_type and not _is_html_type(content_type):
        return Problem(url, f"not a web page ({content_type.split(';')[0].strip()})")
    why_not = _not_an_article(data)
    if why_not:
        return Problem(url, why_not)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(path, data)
        meta = {"url": url, "final_url": final_url, "status": status, "content_type": content_type,
                "fetched": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        _write_atomic(path.with_suffix(".json"), json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        return Problem(url, f"fetched, but the page cache {folder} cannot be written ({exc.strerror or exc})")
    return Fetched(url, path, downloaded=True)


def source_url(path: str | Path) -> str | None:
    """The URL a cached page was fetched from (None for any other file)."""
    meta = Path(path).with_suffix(".json")
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) else None


# --- the download --------------------------------------------------------------------------------------


class _Errors(logging.Handler):
    """Collects the exceptions trafilatura's downloader logs (it logs them and returns None) for this thread."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.thread = threading.get_ident()
        self.errors: list[BaseException] = []
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        args = record.args if isinstance(record.args, tuple) else ()
        found = [a for a in args if isinstance(a, BaseException)]
        self.errors.extend(found)
        if record.levelno >= logging.WARNING and not found:
            self.messages.append(record.getMessage())


def _download(url: str, timeout: float) -> tuple[bytes, int, str, str] | str:
    """(bytes, HTTP status, final URL, content type), or why there is nothing, in a few words."""
    from trafilatura.downloads import fetch_response
    from trafilatura.settings import use_config

    config = use_config()
    seconds = max(1, round(timeout / ATTEMPTS))
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(seconds))
    config.set("DEFAULT", "SSRF_PROTECTION", "off")
    config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "off")
    # The downloader's retry budget is its redirect budget, and it spends it on read timeouts too: a page
    # that never answers is tried ATTEMPTS times, each given a share of `timeout`.
    config.set("DEFAULT", "MAX_REDIRECTS", str(ATTEMPTS - 1))
    logger = logging.getLogger("trafilatura.downloads")
    errors = _Errors()
    logger.addHandler(errors)
    try:
        response = fetch_response(url, decode=False, config=config)
    except Exception as exc:  # noqa: BLE001 - whatever the downloader raises is reported, never a crash
        return _explain(exc, seconds)
    finally:
        logger.removeHandler(errors)
    if response is None:
        if errors.errors:
            return _explain(errors.errors[-1], seconds)
        if any("SSL" in m for m in errors.messages):
            return "the site's certificate does not verify (not fetched without it)"
        return "could not be downloaded"
    headers = getattr(response, "headers", None) or {}
    content_type = str(headers.get("content-type", "") or headers.get("Content-Type", "") or "")
    return bytes(response.data or b""), int(response.status), str(response.url or url), content_type


def _explain(exc: BaseException, seconds: int) -> str:
    """A network failure in words: timed out, no such host, refused, certificate..."""
    import urllib3.exceptions as u3

    cause: BaseException | None = exc
    while isinstance(cause, u3.MaxRetryError) and cause.reason is not None:
        cause = cause.reason
    if isinstance(cause, u3.ResponseError) or "too many" in str(cause):
        found = re.search(r"too many (\d{3}) error responses", str(cause))
        if found:
            status = int(found.group(1))
            return f"the server answered HTTP {status}{_reason(status)}"
    if isinstance(cause, u3.NameResolutionError) or "resolve" in str(cause).lower():
        return "no such host (the name does not resolve)"
    if isinstance(cause, u3.SSLError):
        return "the site's certificate does not verify (not fetched without it)"
    # NewConnectionError is a ConnectTimeoutError in urllib3: ask it first.
    if isinstance(cause, (u3.NewConnectionError, ConnectionError)) and "timed out" not in str(cause).lower():
        return "the connection was refused" if "refused" in str(cause).lower() else "could not connect"
    if isinstance(cause, (u3.TimeoutError, TimeoutError)) or "timed out" in str(cause).lower():
        return f"timed out (no answer in {ATTEMPTS} tries of {seconds} s)"
    if isinstance(cause, u3.ProtocolError):
        return "the connection broke off"
    return f"could not be downloaded ({type(cause).__name__})"


_REASONS = {400: "bad request", 401: "login required", 403: "forbidden", 404: "not found", 410: "gone",
            429: "too many requests", 451: "unavailable for legal reasons", 500: "server error",
            502: "bad gateway", 503: "service unavailable", 504: "gateway timeout"}


def _reason(status: int) -> str:
    name = _REASONS.get(status)
    return f" ({name})" if name else ""


def _is_html_type(content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml", "text/plain", "") or kind.endswith("+xml") and "html" in kind


def _not_an_article(data: bytes) -> str | None:
    """Why `data` is not an article page, or None: extracted as a saved page is, it must hold some prose."""
    from models.pipeline.ingest import IngestError, source_from_bytes

    try:
        source = source_from_bytes("page.html", data, html=True)
    except IngestError as exc:
        return f"not an article ({exc})"
    words = len(source.text.split())
    if words < MIN_ARTICLE_WORDS:
        return f"not an article (the page has {words} words of text; a login wall, an index or a video page?)"
    return None


def _said(outcome: Fetched | Problem) -> str:
    if isinstance(outcome, Problem):
        return outcome.message
    return "downloaded" if outcome.downloaded else "from the page cache"


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def split_urls(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """(URLs, other paths) of `paths`, each in the order given."""
    urls: list[str] = []
    files: list[str] = []
    for path in paths:
        (urls if is_url(path) else files).append(path)
    return urls, files

"""Saved web pages: the article body and the page's metadata, extracted with trafilatura.

trafilatura is the best-measured main-content extractor; it drops navigation, headers, footers, related-article
boxes and (here, by choice) comments, and reads the title, author, date and site name from the markup. It is
imported only when a web page is met, so analysing plain text starts as fast as before. Nothing is ever
fetched: trafilatura is only given the page's text, never a URL.

The body comes out as Markdown (paragraphs separated by blank lines, subheadings as `##`), which the cleaning
stage already understands. The metadata is returned as a `Meta` of hints: the pipeline uses a hint only where
the cleaned text states nothing itself (models/loader.py).
"""

from __future__ import annotations

import logging
import re

from models.document import Meta
from models.pipeline.errors import IngestError

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SPACES = re.compile(r"\s+")


def extract_html(html: str) -> tuple[str, Meta]:
    """The article text (Markdown) and the metadata hints of one saved web page.

    Raises IngestError when the page holds no article text.
    """
    trafilatura = _trafilatura()
    try:
        text = trafilatura.extract(
            html, output_format="markdown", include_comments=False, include_tables=True, include_images=False,
            include_links=False, with_metadata=False, url=None,
        )
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # a page lxml cannot parse at all: a problem with this file, not a crash
        raise IngestError(f"web page could not be parsed ({type(exc).__name__})") from None
    if not text or not text.strip():
        raise IngestError("web page with no article text that could be extracted")
    return text, _hints(meta)


def _hints(doc) -> Meta:
    if doc is None:
        return Meta()
    return Meta(
        title=_tidy(getattr(doc, "title", None)),
        author=_author(getattr(doc, "author", None)),
        source=_tidy(getattr(doc, "sitename", None)),
        date=_date(getattr(doc, "date", None)),
    )


def _tidy(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value[:300] or None


def _author(value: object) -> str | None:
    """trafilatura joins several authors with "; "; parallax writes them as a list in prose."""
    text = _tidy(value)
    if not text:
        return None
    names = [n.strip() for n in text.split(";") if n.strip()]
    return ", ".join(names) if names else None


def _date(value: object) -> str | None:
    text = _tidy(value)
    if not text:
        return None
    m = _ISO_DATE.match(text)
    if not m:
        return None
    import datetime as dt

    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _trafilatura():
    import trafilatura

    # trafilatura logs what it discards at WARNING; a reader's stderr is no place for that
    logger = logging.getLogger("trafilatura")
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.ERROR)
    return trafilatura

"""Where a bookmark stands against the articles loaded now: found, orphaned, or in other articles.

A resolution that did not find the quote means two different things to a person. If the article the
bookmark was made in is loaded (the same content, the same file, or the same title) and the passage is not
in it, the passage is gone: the bookmark is *orphaned*. If that article is simply not among the articles
loaded (the reader was opened on another folder), nothing is wrong: the bookmark is *in other articles*.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from models.document import Corpus
from models.store.anchor import Resolution, Resolver
from models.store.bookmarks import Bookmark

Placement = Literal["found", "orphaned", "elsewhere"]

# How each placement reads in a listing or an export.
PLACEMENT_LABEL: dict[Placement, str] = {
    "found": "found",
    "orphaned": "orphaned (the passage is not in its article any more)",
    "elsewhere": "in other articles (its article is not loaded)",
}


def placements(
    bookmarks: Iterable[Bookmark], corpus: Corpus, resolutions: Mapping[str, Resolution]
) -> dict[str, Placement]:
    """Each bookmark's placement, by bookmark id."""
    resolver: Resolver | None = None
    out: dict[str, Placement] = {}
    for bookmark in bookmarks:
        resolution = resolutions.get(bookmark.id)
        if resolution is not None and resolution.found and resolution.passage_id in corpus.passages_by_id:
            out[bookmark.id] = "found"
            continue
        resolver = resolver or Resolver(corpus)
        identified = any(how != "search" for _, how in resolver.candidates(bookmark.article))
        out[bookmark.id] = "orphaned" if identified else "elsewhere"
    return out

"""`gc_paused`: a block that makes a great many small objects without the cycle collector walking them.

Its own module so that the loader and the cache can use it without importing the linking code (and numpy
with it): a reader whose links come from the cache never needs either.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector: analysis makes a great many small acyclic objects (tuples, Links) next
    to a large corpus, and every collection would walk the whole corpus again. Reference counting still frees
    everything; the collector is back on afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _SETTLING[0]:  # what the block built stays: out of the collector's way before it is back on
            gc.freeze()
        if was:
            gc.enable()


_SETTLING = [0]  # loads under way that keep the collector off what they have built (see `settling`)


@contextmanager
def settling() -> Iterator[None]:
    """While a load runs (models/loader.py), what it has built so far stays (articles, links: a great many
    small objects) and is taken out of the cycle collector's scans at each step (`settle`: gc.freeze, also
    at the end of each `gc_paused` block), or every collection of the oldest generation walks the whole
    growing corpus again, and the first young collection after a paused block walks all it made. All is
    given back to the collector at the end (gc.unfreeze: objects the caller had frozen too; asking how many
    there were walks them all, 0.3 s in a test run). A block's cycles of garbage (rare: the analysis makes
    acyclic objects) wait until then."""
    _SETTLING[0] += 1
    try:
        yield
    finally:
        _SETTLING[0] -= 1
        if not _SETTLING[0]:
            gc.unfreeze()


def settle() -> None:
    """Within `settling`: what exists now is out of the collector's scans (a no-op outside it)."""
    if _SETTLING[0]:
        gc.freeze()

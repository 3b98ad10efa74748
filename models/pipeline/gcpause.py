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
        if was:
            gc.enable()

"""The error every reading stage raises for a file that cannot be an article.

It lives apart from ingest.py so that the stages ingest calls (html.py) can raise it without importing
ingest back: the pipeline's imports then run one way, ingest -> html -> errors.
"""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be read as an article; the message says why (the caller names the file)."""

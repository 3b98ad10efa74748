"""Markdown inside a paragraph to plain text, with how much of it was link text.

Saved web pages reach cleaning as Markdown (trafilatura's output) and some articles are written in it: links,
images, emphasis and backslash escapes (`\\[sic\\]`, `2\\*3`, `file\\_name`) must read as the words they stand
for. markdown-it-py (a CommonMark parser, already installed with rich) parses the inline syntax, so escapes
and nesting follow the specification instead of a handful of regular expressions. Only the inline rules that
carry text are enabled; raw HTML is not (an article that writes `<b>` means the characters).

Most paragraphs hold no Markdown at all: they skip the parser (it is pure Python and the slowest step here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A paragraph without any of these characters reads the same as Markdown and as plain text.
_MARKDOWN_CHAR = re.compile(r"[\[\]*_\\`<~]")


@dataclass(frozen=True, slots=True)
class Inline:
    """A paragraph's plain text and the number of its characters that were the text of links."""

    text: str
    link_chars: int = 0


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from markdown_it.common import normalize_url

    class TextOnly(MarkdownIt):
        """Only the text is read, never a link's address: it is not normalised (percent-encoding, punycode:
        the slowest part of parsing a link). Whether a link counts as one still follows markdown-it's own
        check on the normalised address (a `javascript:` link stays literal text), except for web addresses,
        which that check always lets through."""

        def normalizeLink(self, url: str) -> str:
            return url

        def validateLink(self, url: str) -> bool:
            if ":" not in url or url.lstrip()[:8].lower().startswith(("http://", "https://")):
                return True
            return normalize_url.validateLink(normalize_url.normalizeLink(url))

    return TextOnly("zero").enable(["emphasis", "link", "image", "escape", "backticks", "autolink"])


def plain_inline(source: str) -> Inline:
    """`source` (one paragraph, Markdown or plain) as plain text; link text counted for link density."""
    if not _MARKDOWN_CHAR.search(source):
        return Inline(source)
    blocks = _parser().parseInline(source)
    parts: list[str] = []
    link_chars = 0
    in_link = 0
    for block in blocks:
        for token in block.children or ():
            kind = token.type
            if kind == "link_open":
                in_link += 1
                continue
            if kind == "link_close":
                in_link = max(0, in_link - 1)
                continue
            if kind in ("text", "code_inline"):
                piece = token.content
            elif kind == "image":
                piece = token.content  # the alt text: what the picture stood for in the sentence
            elif kind in ("softbreak", "hardbreak"):
                piece = " "
            else:
                continue  # emphasis markers and the like carry no text
            parts.append(piece)
            if in_link:
                link_chars += len(piece)
    return Inline("".join(parts), link_chars)

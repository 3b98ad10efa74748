"""Where every line of an article pane comes from: passages wrapped to a width, with line offsets.

The pane is a line-API view (only visible lines are rendered), so it needs to know, without rendering, how
many lines each passage takes and which passage a screen line belongs to. Wrapping is a greedy word wrap
done with `str.rfind` (C speed) for text whose characters are all one cell wide, and a careful per-character
walk otherwise (wide CJK, emoji, combining marks), so a pane of 5,000 passages lays out in a blink.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import get_character_cell_size

from models.document import Article

GAP = 1  # blank lines after each passage

# Characters that are always one cell wide: printable ASCII, Latin-1 and Latin Extended, Greek, Cyrillic
# (their combining marks left out), dashes, quotes, bullets and the other general punctuation (zero-width and
# bidi controls left out), currency signs. Text made only of these takes the fast wrap without measuring
# every character (rich's cell_len walks long strings in Python: most of the cost of laying out 5,000
# passages; comparing cell_len with len was also wrong when a wide and a zero-width character cancel out).
# tests/tui/test_layout.py checks every one against rich.
ONE_CELL_RANGES = ((0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x482), (0x48A, 0x52F), (0x2010, 0x2027), (0x2030, 0x205E),
                   (0x20A0, 0x20C0))
_NOT_ONE_CELL = re.compile("[^" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ONE_CELL_RANGES) + "]")


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of each line of `text` wrapped greedily at spaces to `width` cells."""
    width = max(1, width)
    if not text:
        return [(0, 0)]
    if not _NOT_ONE_CELL.search(text):
        return _wrap_narrow(text, width)
    return _wrap_cells(text, width)


def _wrap_narrow(text: str, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n:
        if n - start <= width:
            lines.append((start, n))
            break
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:  # one word longer than the line: break it
            lines.append((start, start + width))
            start += width
        else:
            lines.append((start, cut))
            start = cut + 1
        while start < n and text[start] == " ":
            start += 1
    return lines or [(0, 0)]


def _wrap_cells(text: str, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    last_space = -1
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        size = get_character_cell_size(ch)
        if ch == " ":
            last_space = i
        if used + size > width and i > start:
            if last_space > start:
                lines.append((start, last_space))
                i = last_space + 1
            else:
                lines.append((start, i))
            while i < n and text[i] == " ":
                i += 1
            start, used, last_space = i, 0, -1
            continue
        used += size
        i += 1
    if start < n or not lines:
        lines.append((start, n))
    return lines


@dataclass
class PassageLines:
    """The wrapped lines of one passage: an optional heading line, then the text lines, then a gap."""

    heading: bool
    lines: list[tuple[int, int]]

    @property
    def height(self) -> int:
        return int(self.heading) + len(self.lines) + GAP


class ArticleLayout:
    """An article wrapped to a width: which passage and which of its lines each pane line shows."""

    def __init__(self, article: Article, width: int) -> None:
        self.article = article
        self.width = width
        self.passages: list[PassageLines] = []
        self.starts: list[int] = []
        y = 0
        for passage in article.passages:
            block = PassageLines(bool(passage.heading), wrap(passage.text, width))
            self.passages.append(block)
            self.starts.append(y)
            y += block.height
        self.height = y

    def locate(self, y: int) -> tuple[int, int] | None:
        """(passage index, line within the passage block) for pane line `y`, or None past the end."""
        if y < 0 or y >= self.height or not self.starts:
            return None
        index = bisect_right(self.starts, y) - 1
        return index, y - self.starts[index]

    def span(self, index: int) -> tuple[int, int]:
        """First and last pane line of passage `index` (without the gap after it)."""
        start = self.starts[index]
        return start, start + self.passages[index].height - GAP - 1

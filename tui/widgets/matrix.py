"""Column labels for the matrices (coverage, voices, perspectives): articles named as fully as the room allows.

`article_headers` shares the room left after the fixed columns among the articles. When a full label
("4. Global Research") does not fit, the column gets the shortest unambiguous form, the article's number
("4."), and `legend` lists what each number is, so a narrow terminal still shows every column. The legend is
laid out in lines of `width` cells that never break inside a name (`pack`).
"""

from __future__ import annotations

from collections.abc import Sequence

from models.document import Article, Corpus
from tui.labels import article_label, article_number

MIN_LABEL = 12  # below this a name says nothing: use the number and the legend


SEPARATOR = "   "


def article_headers(corpus: Corpus, articles: Sequence[Article], room: int, most: int = 30,
                    width: int = 0) -> tuple[list[str], str]:
    """(a header per article, a legend or "") for `room` cells shared by the article columns (each column
    also spends 2 cells of padding). The legend's lines are at most `width` cells (0: one line)."""
    if not articles:
        return [], ""
    share = min(most, room // len(articles) - 2)
    if share >= MIN_LABEL:
        return [article_label(corpus, a, share) for a in articles], ""
    headers = [f"{article_number(corpus, a)}." for a in articles]
    return headers, pack([article_label(corpus, a, 28) for a in articles], width)


def pack(items: Sequence[str], width: int) -> str:
    """`items` in lines of at most `width` cells (0: one line), SEPARATOR between them; an item never
    breaks across lines (one longer than a line is cut with an ellipsis)."""
    if width <= 0:
        return SEPARATOR.join(items)
    lines: list[str] = []
    line = ""
    for item in items:
        item = item if len(item) <= width else item[: max(1, width - 1)] + "…"
        if line and len(line) + len(SEPARATOR) + len(item) <= width:
            line += SEPARATOR + item
        else:
            if line:
                lines.append(line)
            line = item
    lines.append(line)
    return "\n".join(lines)

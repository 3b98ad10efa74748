"""Column labels for the matrices (coverage, voices, perspectives): articles named as fully as the room allows.

`article_headers` shares the room left after the fixed columns among the articles. When a full label
("4. Global Research") does not fit, the column gets the shortest unambiguous form, the article's number
("4."), and `legend` lists what each number is, so a narrow terminal still shows every column.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.document import Article, Corpus
from tui.labels import article_label, article_number

MIN_LABEL = 12  # below this a name says nothing: use the number and the legend


def article_headers(corpus: Corpus, articles: Sequence[Article], room: int, most: int = 30) -> tuple[list[str], str]:
    """(a header per article, a legend or "") for `room` cells shared by the article columns (each column
    also spends 2 cells of padding)."""
    if not articles:
        return [], ""
    width = min(most, room // len(articles) - 2)
    if width >= MIN_LABEL:
        return [article_label(corpus, a, width) for a in articles], ""
    headers = [f"{article_number(corpus, a)}." for a in articles]
    legend = "   ".join(article_label(corpus, a, 28) for a in articles)
    return headers, legend

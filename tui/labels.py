"""How the reader names an article or a passage in one line, the same way in every view.

Two articles of one outlet are common (two pieces by the same columnist), so a label always carries the
article's number in the corpus: "4. Global Research ¶7", never just the outlet.
"""

from __future__ import annotations

from models.display import display
from models.document import Article, Corpus, Passage

def article_number(corpus: Corpus, article: Article) -> int:
    numbers = corpus.__dict__.get("_label_numbers")
    if numbers is None:
        numbers = corpus.__dict__["_label_numbers"] = {a.id: n for n, a in enumerate(corpus.articles, start=1)}
    return numbers.get(article.id, 0)


def shorten(text: str, width: int) -> str:
    """`text`, cut to `width` characters with an ellipsis when longer."""
    return text if len(text) <= width else text[: width - 1] + "…"


def article_label(corpus: Corpus, article: Article, width: int = 40) -> str:
    """"4. Global Research" (the outlet, else the title, else the file name), at most `width` characters."""
    name = display(article.source) if article.source else article.display_title
    return shorten(f"{article_number(corpus, article)}. {name}", width)


def passage_label(corpus: Corpus, passage: Passage, width: int = 40) -> str:
    """"4. Global Research ¶7" (¶ numbers count from 1, as the panes show them)."""
    article = corpus.articles_by_id[passage.article_id]
    return f"{article_label(corpus, article, width)} ¶{passage.index + 1}"


def byline(article: Article) -> str:
    """Outlet · author · date, each once, made safe to show: "Reuters · 2023-03-12" when the outlet is also
    the byline (wire copy: "Reuters · Reuters" said nothing twice), and what is missing said in one phrase at
    the end ("outlet, author and date not stated"), not three times over."""
    source, author, date = (display(v) if v else "" for v in (article.source, article.author, article.date))
    if author and author.casefold() == source.casefold():
        author = ""
        said, missing = [source, date], [] if date else ["date"]
    else:
        said = [source, author, date]
        missing = [name for name, value in (("outlet", source), ("author", author), ("date", date)) if not value]
    facts = [value for value in said if value]
    if missing:
        names = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
        facts.append(f"{names} not stated")
    return " · ".join(facts)


"""The linked passages of a topic side by side: what two outlets said, in their own words.

Each link of the topic becomes a two-column table: the two passages' attributions (label, ¶, outlet) as
the header and their texts as the one row, the words the link rests on (its shared terms) in bold in both.
Pairs come strongest first; a link the engine made in both directions is shown once. After
`ExportContext.links_per_topic` pairs the rest are counted, not shown. A passage longer than QUOTE_WORDS
words is cut to the stretch of that many words holding most of the shared terms, with "…" where it was cut.

Deterministic like the rest of the export: the order is score, then corpus order of both ends; the marks
come from the words of the texts (models/insight/compare.py's TermMatch, as in the link inspector), never
from the machine.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.document import Link, Passage, TopicInfo
from models.export.context import ExportContext
from models.export.markdown import count, escape_inline, escape_marked, one_line
from models.insight.compare import TermMatch, compare
from models.text import tokens

QUOTE_WORDS = 90
CONTEXT_WORDS = 12  # words kept before the first shared term when a passage is cut


@dataclass(frozen=True, slots=True)
class Pair:
    """Two linked passages, `left` the one whose article comes first in the corpus."""

    left: Passage
    right: Passage
    score: float
    shared_terms: tuple[str, ...]


def pairs_on(ctx: ExportContext, topic_id: str) -> list[Pair]:
    """The topic's links as pairs, each unordered pair once (its best score), strongest first."""
    best: dict[tuple[str, str], Link] = {}
    for link in ctx.links_on(topic_id):  # strongest first already
        key = (min(link.source, link.target), max(link.source, link.target))
        best.setdefault(key, link)
    pairs = []
    for link in best.values():
        a, b = ctx.corpus.passage(link.source), ctx.corpus.passage(link.target)
        if (ctx.order[b.article_id], b.index) < (ctx.order[a.article_id], a.index):
            a, b = b, a
        pairs.append(Pair(a, b, link.score, link.shared_terms))
    pairs.sort(key=lambda p: (-p.score, ctx.order[p.left.article_id], p.left.index, ctx.order[p.right.article_id],
                              p.right.index))
    return pairs


def pairs_section(ctx: ExportContext, topic: TopicInfo) -> list[str]:
    """"Linked passages side by side": the strongest pairs as two-column tables, then how many more."""
    pairs = pairs_on(ctx, topic.id)
    if not pairs:
        return []
    shown = pairs[: max(0, ctx.links_per_topic)]
    blocks = ["### Linked passages side by side",
              "What each pair of linked passages says, strongest link first; the words the link rests on are in "
              "bold in both."]
    for n, pair in enumerate(shown, start=1):
        blocks.extend(pair_blocks(ctx, pair, n, len(pairs)))
    rest = pairs[len(shown):]
    if rest:
        blocks.append(f"{count(len(rest), 'more linked pair')} on this topic, each scoring {rest[0].score:.2f} or "
                      "less, not shown (`parallax export --links N` shows more; `parallax analyze --json` lists "
                      "every link).")
    return blocks


def pair_blocks(ctx: ExportContext, pair: Pair, n: int, total: int) -> list[str]:
    """One pair: a line naming the link, then the two passages side by side."""
    match = _match(pair)
    terms = ", ".join(escape_inline(t) for t in pair.shared_terms) or "none named"
    line = f"Pair {n} of {total} · score {pair.score:.2f} · shared terms: {terms}"
    header = [_head(ctx, pair.left), _head(ctx, pair.right)]
    row = [quote_marked(pair.left.text, match), quote_marked(pair.right.text, match)]
    table = "\n".join(["| " + " | ".join(header) + " |", "|---|---|", "| " + " | ".join(row) + " |"])
    return [line, table]


def _head(ctx: ExportContext, passage: Passage) -> str:
    article = ctx.corpus.articles_by_id[passage.article_id]
    who = article.source or article.author or article.display_title
    return f"{ctx.ref(passage.id)} · {escape_inline(who)}"


def _match(pair: Pair) -> TermMatch:
    """What marks the link's shared terms, as the link inspector marks them (with none named, the content
    words both passages share)."""
    return compare(pair.left.text, pair.right.text, pair.shared_terms).match


def quote_marked(text: str, match: TermMatch, limit: int = QUOTE_WORDS) -> str:
    """`text` as one escaped line with the words `match` finds in bold, cut to `limit` words around the
    marks (with "…") when longer."""
    flat = one_line(text)
    words = tokens(flat)
    marks = _merged(flat, [(t.start, t.end) for t in words if match(t)])
    if len(words) <= limit:
        return escape_marked(flat, marks)
    starts = [t.start for t in words]
    marked_at = [i for i, t in enumerate(words) if any(s <= t.start and t.end <= e for s, e in marks)]
    first = _best_window(marked_at, len(words), limit)
    begin = 0 if first == 0 else starts[first]
    last = first + limit
    end = len(flat) if last >= len(words) else starts[last]
    piece = flat[begin:end].rstrip()
    inside = [(s - begin, e - begin) for s, e in marks if begin <= s and e <= begin + len(piece)]
    body = escape_marked(piece, inside)
    return ("… " if begin else "") + body + (" …" if end < len(flat) else "")


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Marked words with only spaces between them as one span ("**fighter jets**", not two)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and not text[out[-1][1]:start].strip():
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _best_window(marked: list[int], n_words: int, limit: int) -> int:
    """The first word of the `limit`-word window holding most marked words (the earliest such window)."""
    best, best_count = 0, -1
    for start in [0, *(max(0, i - CONTEXT_WORDS) for i in marked)]:
        start = min(start, max(0, n_words - limit))
        inside = sum(1 for i in marked if start <= i < start + limit)
        if inside > best_count:
            best, best_count = start, inside
    return best

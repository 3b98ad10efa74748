"""Two per-topic sections of the Markdown comparison: how each source frames the topic, and who speaks on it.

`framing_section` is a table with one row per article that has passages on the topic: its label (A1, A2...
as in the sources table), its outlet (or author) and its distinctive terms on the topic with their log-odds z-scores
(models/insight/perspectives.py). When the article says too little on the topic for its word choice to mean
anything, or no word on it stands out, the row says so and points to the article's words overall, given once
for the document under Sources by `overall_blocks` (they are the same under every topic), or says "too little
text on this topic" with what is needed when even the whole article is that short; then the common ground, the terms every article with enough text uses that are
typical of the topic (or a sentence saying there are none).

`voices_section` is a table of the people, bodies and unnamed sources quoted or cited in the passages on the
topic (models/insight/voices/): the speaker as matched across articles, its kind, its role, and in which articles
and passages it speaks on the topic, most mentions first. An unnamed source is listed as the article
describes it ("a defense source"), never given a name.

Both only read the analysis, and both are deterministic: rows follow corpus order or a total order (mentions,
then name), z-scores are rounded to one decimal, and every piece of article text goes through
models/export/markdown.py. Each is split into a function that finds the data and one that writes it, so the
writing can be tested on any data, hostile data included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from models.document import TopicInfo
from models.export.context import ExportContext
from models.export.markdown import count, escape_cell, escape_inline, table
from models.insight.perspectives import Term, TopicFraming
from models.text import fold
from models.insight.voices import Speaker, Voice, voices

FRAMING_TERMS = 6  # distinctive terms shown per article
COMMON_TERMS = 8  # terms shown for the common ground
TOO_LITTLE = "too little text on this topic"
# A short article's words overall are the same under every topic: they are given once, in OVERALL_HEADING
# under Sources, and a topic's row points there.
OVERALL_HEADING = "### What sets each article apart overall"
WHOLE_ARTICLE = "its words overall are under Sources"


# --- how each source frames it ---------------------------------------------------------------------------


def framing_section(ctx: ExportContext, topic: TopicInfo) -> list[str]:
    """"How each source frames it": each article's distinctive terms on the topic, then the common ground."""
    if not ctx.passages_on(topic.id):
        return []
    return framing_blocks(ctx, ctx.perspectives.framing(topic.id), aliases_left_out=ctx.has_aliases(topic.id))


def framing_blocks(ctx: ExportContext, framing: TopicFraming, *, aliases_left_out: bool = False) -> list[str]:
    """The section's blocks for a computed framing (nothing when no article discusses the topic)."""
    if not framing.articles:
        return []
    intro = ("Terms each article uses on this topic more than the other articles do, most distinctive first, "
             "with their log-odds z-score (the higher, the more distinctive).")
    if len(framing.articles) == 1:
        intro = ("Only one article discusses this topic, so its terms are set against the whole corpus, not "
                 "another source: those it uses here more than the corpus does, with their log-odds z-score.")
    if aliases_left_out:
        intro += " The topic's own names are left out."
    rows = []
    for article_framing in framing.articles:
        article = ctx.corpus.articles_by_id[article_framing.article_id]
        if article_framing.whole_article:
            why = ("no term on this topic stands out" if article_framing.enough_text
                   else f"{TOO_LITTLE} ({count(article_framing.token_count, 'content word')})")
            terms = f"{why}; {WHOLE_ARTICLE}"
        elif not article_framing.enough_text:
            terms = (f"{TOO_LITTLE} ({count(article_framing.token_count, 'content word')}, "
                     f"{framing.min_tokens} needed)")
        elif article_framing.terms:
            terms = ", ".join(_scored(term) for term in article_framing.terms[:FRAMING_TERMS])
        else:
            terms = "no term stands out"
        rows.append([ctx.labels[article.id], escape_cell(article.source or article.author), terms])
    blocks = ["### How each source frames it", intro, table(["Article", "Outlet or author", "Distinctive terms"], rows)]
    blocks.append(_common_ground(ctx, framing))
    return blocks


def overall_blocks(ctx: ExportContext, topics: Sequence[TopicInfo]) -> list[str]:
    """Once for the document, the words that set apart each article that says too little on some topic (or
    on which nothing stands out): a table of its distinctive terms as a whole against the other articles.
    Nothing when every article says enough on every topic of `topics`."""
    falls_back: set[str] = set()
    for topic in topics:
        if ctx.passages_on(topic.id):
            falls_back.update(a.article_id for a in ctx.perspectives.framing(topic.id).articles if a.whole_article)
    rows = []
    for article in ctx.corpus.articles:
        if article.id in falls_back:
            terms = ctx.perspectives.article_terms(article.id)[:FRAMING_TERMS]
            rows.append([ctx.labels[article.id], escape_cell(article.source or article.author),
                         ", ".join(_scored(term) for term in terms)])
    if not rows:
        return []
    intro = ("Some articles say too little on a topic for their word choice on it to mean anything, or nothing "
             "they say on it stands out. Their words overall, given here once, are the terms each uses more "
             "than the other articles across its whole text (log-odds z-scores); the topics below point here.")
    return [OVERALL_HEADING, intro, table(["Article", "Outlet or author", "Distinctive terms overall"], rows)]


def _scored(term: Term) -> str:
    return f"{escape_inline(term.text)} ({term.z:.1f})"


def _common_ground(ctx: ExportContext, framing: TopicFraming) -> str:
    among = [ctx.labels[a] for a in framing.shared_among if a in ctx.labels]
    if len(among) < 2:
        return "Common ground: fewer than two articles say enough on this topic to compare."
    who = _and(among)
    if not framing.shared:
        if framing.shared_untypical:
            return (f"Common ground: none. {who} all use {count(framing.shared_untypical, 'term')} on this topic, "
                    "but none is more typical of the topic than of the rest of the corpus.")
        return f"Common ground: no term is used on this topic by all of {who}."
    terms = ", ".join(escape_inline(term.text) for term in framing.shared[:COMMON_TERMS])
    return (f"Common ground (used on this topic by all of {who} and typical of the topic, most typical first): "
            f"{terms}.")


# --- voices ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VoiceRow:
    """One speaker on one topic: where it speaks there, as (article id, passage indexes) in corpus order."""

    name: str
    kind: str
    role: str | None
    where: tuple[tuple[str, tuple[int, ...]], ...]

    @property
    def mentions(self) -> int:
        return sum(len(indexes) for _, indexes in self.where)


def voices_section(ctx: ExportContext, topic: TopicInfo) -> list[str]:
    """"Voices": who is quoted or cited in the passages on the topic."""
    if not ctx.passages_on(topic.id):
        return []
    return voices_blocks(ctx, voice_rows(ctx, topic.id))


def voice_rows(ctx: ExportContext, topic_id: str) -> list[VoiceRow]:
    """The speakers with a mention in a passage on `topic_id`, most mentions there first, then by name.

    A speaker quoted by several articles is one row (models.insight.voices matches them across articles); the counts
    are of mentions in passages on the topic only. `where` lists each passage once per mention in it.
    """
    index = voices(ctx.corpus)
    found: dict[Speaker | tuple[str, str], tuple[Speaker | Voice, dict[str, list[int]]]] = {}
    for article_id, article_voices in index.on_topic(topic_id).items():
        for voice in article_voices:
            here = [ctx.corpus.passage(m.passage_id).index for m in voice.mentions if topic_id in m.topic_ids]
            if not here:
                continue
            speaker = index.speaker_of(article_id, voice.key)
            key: Speaker | tuple[str, str] = speaker if speaker is not None else (article_id, voice.key)
            found.setdefault(key, (speaker or voice, {}))[1].setdefault(article_id, []).extend(here)
    rows = []
    for who, by_article in found.values():
        where = tuple((a, tuple(sorted(by_article[a]))) for a in sorted(by_article, key=ctx.order.__getitem__))
        rows.append(VoiceRow(who.name, who.kind, who.role, where))
    rows.sort(key=lambda r: (-r.mentions, fold(r.name), r.name, r.kind, r.role or "", r.where))
    return rows


def voices_blocks(ctx: ExportContext, rows: Sequence[VoiceRow]) -> list[str]:
    """The section's blocks for the rows of `voice_rows`."""
    if not rows:
        return ["### Voices", "No one is quoted or cited in the passages on this topic."]
    intro = "Who is quoted or cited in the passages on this topic, most mentions first, and in which passages."
    cells = [[escape_cell(row.name), escape_cell(row.kind), escape_cell(row.role), _where(ctx, row)] for row in rows]
    return ["### Voices", intro, table(["Speaker", "Kind", "Role", "Mentions on this topic"], cells)]


def _where(ctx: ExportContext, row: VoiceRow) -> str:
    """`A2 ×4 (¶3, ¶5, ¶9), A5 ×1 (¶2)`: mentions per article and the passages, each once."""
    parts = []
    for article_id, indexes in row.where:
        paragraphs = ", ".join(f"¶{i + 1}" for i in dict.fromkeys(indexes))
        parts.append(f"{ctx.labels[article_id]} ×{len(indexes)} ({paragraphs})")
    return ", ".join(parts)


# --- words -----------------------------------------------------------------------------------------------




def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]

"""Text to body paragraphs: take the site furniture out and put split paragraphs back together.

The order matters and is the same for every article:
1. cut the text into blocks at blank lines (re-splitting blocks whose lines are separate paragraphs) and
   turn Markdown links, images and emphasis into plain text;
2. rejoin a paragraph the source split mid-sentence (no closing punctuation, next block starts lowercase);
3. apply the furniture rules from the config (tail cuts, whole paragraphs, glued-on sentences);
4. apply the general heuristics: the title, short non-sentence lines at the head and tail, separators,
   link lists, subheadings;
5. drop pull-quotes and repeated paragraphs.
Every removed piece is kept with the id of the rule that removed it, so the reader can show what went and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.config import Cleaning, CleaningRule
from models.document import Cleaned, Paragraph, Removed
from models.text import ends_sentence, fold, word_count

_MD_IMAGE = re.compile(r"!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,500})\]\(([^)\s]{0,2000})(?:\s+\"[^\"\n]{0,300}\")?\)")
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,500}?)(?<=\S)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,500}?)(?<=\S)\*(?![\w*])")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^\s{0,3}([-*+•]|\d{1,3}[.)])\s+\S")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_TAIL_STRIP = " :.-–—|»>#*•\t"
_SENTENCE_CUT = re.compile(r"[.!?…]+[\"'”’)]*")


@dataclass
class _Block:
    """A working paragraph: its text, the line it starts on, how much of it was link text."""

    text: str
    line: int
    link_ratio: float = 0.0
    heading_level: int | None = None
    rule: str | None = None  # set when removed
    heading_above: str | None = None


def clean(text: str, cleaning: Cleaning) -> Cleaned:
    """Split `text` into body paragraphs and removed pieces, following `cleaning`'s rules."""
    blocks = _join_split_sentences(_blocks(text))
    removed: list[Removed] = []
    _apply_rules(blocks, cleaning, removed)
    _apply_heuristics(blocks, cleaning)
    _drop_repeats(blocks, cleaning)
    paragraphs = []
    for block in blocks:
        if block.rule is None:
            paragraphs.append(Paragraph(block.text, block.heading_above, block.line))
        elif block.rule != "subheading":
            removed.append(Removed(block.text, block.rule, block.line))
    removed.sort(key=lambda r: r.line)
    return Cleaned(tuple(paragraphs), tuple(removed))


# --- 1. blocks ------------------------------------------------------------------------------------------


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    run: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            run.append((number, line))
        elif run:
            blocks.extend(_split_run(run))
            run = []
    if run:
        blocks.extend(_split_run(run))
    return [b for b in blocks if b.text]


def _split_run(run: list[tuple[int, str]]) -> list[_Block]:
    """Lines between blank lines: one paragraph when they are a wrapped paragraph, else one per line."""
    groups: list[list[tuple[int, str]]] = [[run[0]]]
    wrapped = _looks_wrapped([line for _, line in run])
    for (number, line), (_, prev) in zip(run[1:], run):
        separate = (
            _MD_HEADING.match(line) or _MD_HEADING.match(prev) or _MD_LIST.match(line)
            or (not wrapped and _line_ends_paragraph(prev, line))
        )
        if separate:
            groups.append([(number, line)])
        else:
            groups[-1].append((number, line))
    return [_make_block(group) for group in groups]


def _looks_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped text: three or more lines, nearly all of similar width."""
    if len(lines) < 3:
        return False
    widths = [len(line.rstrip()) for line in lines[:-1]]
    widest = max(widths)
    return widest <= 120 and sum(1 for w in widths if w >= widest * 0.7) >= 0.8 * len(widths)


def _line_ends_paragraph(prev: str, line: str) -> bool:
    prev = prev.strip()
    first = line.lstrip()[:1]
    if ends_sentence(prev) and (first.isupper() or first.isdigit() or first in "\"“‘'([*"):
        return True
    return len(prev) < 40 and not prev.endswith((",", "-", "—", "–"))


def _make_block(group: list[tuple[int, str]]) -> _Block:
    line = group[0][0]
    heading = _MD_HEADING.match(group[0][1]) if len(group) == 1 else None
    raw = heading.group(2) if heading else " ".join(part.strip() for _, part in group)
    raw = _MD_IMAGE.sub(lambda m: m.group(1), raw)
    link_chars = 0

    def unlink(m: re.Match[str]) -> str:
        nonlocal link_chars
        link_chars += len(m.group(1))
        return m.group(1)

    plain = _MD_LINK.sub(unlink, raw)
    plain = _MD_BOLD.sub(lambda m: m.group(2), plain)
    plain = _MD_ITALIC.sub(lambda m: m.group(1), plain)
    plain = _SPACES.sub(" ", plain).strip()
    ratio = link_chars / max(1, len(plain))
    return _Block(plain, line, ratio, len(heading.group(1)) if heading else None)


# --- 2. joins -------------------------------------------------------------------------------------------


def _join_split_sentences(blocks: list[_Block]) -> list[_Block]:
    """Put back a paragraph that the source cut mid-sentence: it has no closing punctuation and the next
    block carries on in lowercase."""
    out: list[_Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.heading_level is None
            and block.heading_level is None
            and not ends_sentence(prev.text)
            and block.text[:1].islower()
        ):
            joined = prev.text + " " + block.text
            prev.link_ratio = (prev.link_ratio * len(prev.text) + block.link_ratio * len(block.text)) / len(joined)
            prev.text = joined
        else:
            out.append(block)
    return out


# --- 3. rules -------------------------------------------------------------------------------------------


def _is_prose(text: str, cleaning: Cleaning) -> bool:
    words = word_count(text)
    return words >= cleaning.prose_min_words or (words >= 6 and ends_sentence(text))


def _apply_rules(blocks: list[_Block], cleaning: Cleaning, removed: list[Removed]) -> None:
    rules = cleaning.rules
    anywhere = [r for r in rules if r.position == "any" and r.scope != "tail"]
    placed = [r for r in rules if r.position != "any" and r.scope != "tail"]
    tails = [r for r in rules if r.scope == "tail"]

    # Tail cuts first: "Related posts" and everything after it goes, once some body text has been seen.
    seen_prose = False
    for i, block in enumerate(blocks):
        if seen_prose and word_count(block.text) <= 6:
            rule = next((r for r in tails if r.regex.fullmatch(block.text.strip(_TAIL_STRIP))), None)
            if rule is not None:
                for later in blocks[i:]:
                    later.rule = later.rule or rule.id
                break
        seen_prose = seen_prose or _is_prose(block.text, cleaning)

    for block in blocks:
        if block.rule is None:
            _match_block(block, anywhere, removed)

    # Rules placed at the head or tail look at where the block stands among the prose that is left.
    prose = [block.rule is None and _is_prose(block.text, cleaning) for block in blocks]
    for i, block in enumerate(blocks):
        if block.rule is not None:
            continue
        eligible = [
            r for r in placed
            if (r.position == "head" and not any(prose[:i])) or (r.position == "tail" and sum(prose[i + 1:]) <= 1)
        ]
        if eligible:
            _match_block(block, eligible, removed)


def _match_block(block: _Block, rules: list[CleaningRule], removed: list[Removed]) -> None:
    """Apply the first rule that matches; sentence rules may cut several glued sentences in turn."""
    while True:
        words = word_count(block.text)
        for rule in rules:
            if rule.max_words is not None and words > rule.max_words:
                continue
            if rule.scope == "paragraph" and rule.regex.search(block.text[:200]):
                block.rule = rule.id
                return
            if rule.scope == "sentence":
                m = rule.regex.match(block.text)
                if m is None:
                    continue
                cut = _SENTENCE_CUT.search(block.text, m.end())
                end = cut.end() if cut else len(block.text)
                rest = block.text[end:].strip()
                if word_count(rest) < 3:
                    block.rule = rule.id
                    return
                removed.append(Removed(block.text[:end].strip(), rule.id, block.line))
                block.text = rest
                break  # look at the new start of the paragraph again
        else:
            return


# --- 4. heuristics --------------------------------------------------------------------------------------


def _apply_heuristics(blocks: list[_Block], cleaning: Cleaning) -> None:
    for block in blocks:
        if block.rule is None and not _HAS_LETTER.search(block.text):
            block.rule = "separator"
        elif block.rule is None and block.link_ratio >= cleaning.link_text_ratio and word_count(block.text) <= 40:
            block.rule = "link-list"

    # The title: the first line left, when it reads like one and something follows it.
    live = [i for i, b in enumerate(blocks) if b.rule is None]
    if len(live) >= 2 and _title_like(blocks[live[0]], cleaning):
        blocks[live[0]].rule = "title"
        live = live[1:]
    prose = [i for i in live if _is_prose(blocks[i].text, cleaning)]
    if not prose:
        return
    first, last = prose[0], prose[-1]
    head = [i for i in live if i < first]
    for i in head:
        if _short_line(blocks[i].text, cleaning):
            blocks[i].rule = "head-short-line"
    for i in live:
        if i > last and _short_line(blocks[i].text, cleaning):
            blocks[i].rule = "tail-short-line"

    # Subheadings: short lines inside the body, or Markdown headings, label the paragraph that follows.
    pending: str | None = None
    for i, block in enumerate(blocks):
        if block.rule is not None:
            continue
        if first <= i <= last and (block.heading_level is not None or _subheading(block.text, cleaning)):
            block.rule = "subheading"
            pending = block.text
        elif pending is not None:
            block.heading_above = pending
            pending = None


def _title_like(block: _Block, cleaning: Cleaning) -> bool:
    words = word_count(block.text)
    if block.heading_level is not None:
        return True
    return 2 <= words <= cleaning.title_max_words and not block.text.rstrip().endswith(".")


def _short_line(text: str, cleaning: Cleaning) -> bool:
    return word_count(text) <= cleaning.heading_max_words and not ends_sentence(text)


def _subheading(text: str, cleaning: Cleaning) -> bool:
    words = word_count(text)
    if words > cleaning.heading_max_words:
        return False
    stripped = text.rstrip()
    return not ends_sentence(stripped) or (stripped.endswith("?") and words <= 8)


# --- 5. repeats -----------------------------------------------------------------------------------------

_SHINGLE = 5


def _norm_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(text))


def _drop_repeats(blocks: list[_Block], cleaning: Cleaning) -> None:
    """Drop a paragraph that repeats another: a pull-quote contained in a longer paragraph, or a copy.

    Paragraphs are compared by five-word shingles through an index, so the cost stays linear in the text:
    a paragraph is a repeat when nearly all its shingles stand in one other, longer (or earlier) paragraph.
    """
    live = [b for b in blocks if b.rule is None]
    words = {id(b): _norm_words(b.text) for b in live}
    index: dict[tuple[str, ...], set[int]] = {}
    for n, block in enumerate(live):
        w = words[id(block)]
        for k in range(max(0, len(w) - _SHINGLE + 1)):
            index.setdefault(tuple(w[k:k + _SHINGLE]), set()).add(n)
    for n, block in enumerate(live):
        if len(block.text) < cleaning.pull_quote_min_chars:
            continue
        w = words[id(block)]
        shingles = {tuple(w[k:k + _SHINGLE]) for k in range(max(0, len(w) - _SHINGLE + 1))}
        if not shingles:
            continue
        counts: dict[int, int] = {}
        for shingle in shingles:
            owners = index.get(shingle, ())
            if len(owners) > 8:  # a stock phrase, not evidence of a repeat
                continue
            for other in owners:
                if other != n and live[other].rule is None:
                    counts[other] = counts.get(other, 0) + 1
        for other, shared in counts.items():
            if shared < 0.85 * len(shingles):
                continue
            other_len = len(words[id(live[other])])
            if other_len > len(w):
                block.rule = "pull-quote"
                break
            if other_len == len(w) and other < n:
                block.rule = "duplicate"
                break

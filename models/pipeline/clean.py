"""Text to body paragraphs: take the site furniture out and put split paragraphs back together.

The order matters and is the same for every article:
1. drop lines that are furniture wherever they stand ("Advertisement"), cut the text into blocks at blank
   lines (re-splitting blocks whose lines are separate paragraphs) and turn Markdown links, images and
   emphasis into plain text;
2. rejoin a paragraph the source split mid-sentence (no closing punctuation, next block starts lowercase);
3. apply the furniture rules from the config (tail cuts, whole paragraphs, glued-on sentences);
4. apply the general heuristics: the title (the head line that reads most like one), captions beside image
   credits, short non-sentence lines at the head and tail, separators, link lists, subheadings;
5. drop pull-quotes and repeated paragraphs.
Every removed piece is kept with the id of the rule that removed it, so the reader can show what went and why.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

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
_SENTENCE_CUT = re.compile(r"[.!?…]+[\"'”’)]*(?=\s|$|[A-Z“\"‘])")  # not the dot inside "example.com"
_CREDIT_LINE = re.compile(r"\s*(image|photo|picture|credit|source|video)s?\s*:", re.IGNORECASE)


@dataclass
class _Block:
    """A working paragraph: its text, the line it starts on, how much of it was link text."""

    text: str
    line: int
    link_ratio: float = 0.0
    heading_level: int | None = None
    rule: str | None = None  # set when removed
    heading_above: str | None = None
    standalone: bool = False  # the only line between two blank lines


def clean(text: str, cleaning: Cleaning) -> Cleaned:
    """Split `text` into body paragraphs and removed pieces, following `cleaning`'s rules."""
    removed: list[Removed] = []
    line_rules = [r for r in cleaning.rules if r.scope == "line"]
    starters = [r for r in cleaning.rules if r.scope in ("paragraph", "sentence")]
    blocks = _join_split_sentences(_blocks(text, line_rules, starters, removed))
    _apply_rules(blocks, cleaning, removed)
    _apply_heuristics(blocks, cleaning)
    _drop_repeats(blocks, cleaning)
    paragraphs = []
    for block in blocks:
        if block.rule is None:
            paragraphs.append(Paragraph(block.text, block.heading_above, block.line))
        elif block.rule not in ("subheading", "merged"):
            removed.append(Removed(block.text, block.rule, block.line))
    removed.sort(key=lambda r: r.line)
    return Cleaned(tuple(paragraphs), tuple(removed))


# --- 1. blocks ------------------------------------------------------------------------------------------


def _blocks(text: str, line_rules: list[CleaningRule], starters: list[CleaningRule], removed: list[Removed]) -> list[_Block]:
    blocks: list[_Block] = []
    run: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        rule = next((r for r in line_rules if r.regex.fullmatch(stripped.strip(_TAIL_STRIP))), None) if stripped else None
        if rule is not None:
            removed.append(Removed(stripped, rule.id, number))
            stripped = ""  # the line goes, and counts as a paragraph break
        if stripped:
            run.append((number, line))
        elif run:
            blocks.extend(_split_run(run, starters))
            run = []
    if run:
        blocks.extend(_split_run(run, starters))
    return [b for b in blocks if b.text]


def _split_run(run: list[tuple[int, str]], starters: list[CleaningRule]) -> list[_Block]:
    """Lines between blank lines: one paragraph when they are a wrapped paragraph, else one per line. A
    line that is furniture on its own ("Keywords: ...", "Image: AP") always starts a paragraph of its own."""
    groups: list[list[tuple[int, str]]] = [[run[0]]]
    wrapped = _looks_wrapped([line for _, line in run])
    for (number, line), (_, prev) in zip(run[1:], run):
        separate = (
            _MD_HEADING.match(line) or _MD_HEADING.match(prev) or _MD_LIST.match(line)
            or (not wrapped and _line_ends_paragraph(prev, line))
            or (len(run) < 40 and _starts_furniture(line, starters))
        )
        if separate:
            groups.append([(number, line)])
        else:
            groups[-1].append((number, line))
    made = [_make_block(group) for group in groups]
    if len(run) == 1:
        made[0].standalone = True
    return made


def _starts_furniture(line: str, starters: list[CleaningRule]) -> bool:
    text = line.strip()
    words = word_count(text)
    for rule in starters:
        if rule.max_words is not None and words > rule.max_words:
            continue
        if rule.position == "any" and rule.regex.match(text):
            return True
    return False


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
    if _CREDIT_LINE.match(line):
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
    rules = [r for r in cleaning.rules if r.scope not in ("line", "tail", "related")]
    anywhere = [r for r in rules if r.position == "any"]
    placed = [r for r in rules if r.position != "any"]
    _cut_tail(blocks, cleaning)

    for block in blocks:
        if block.rule is None:
            _match_block(block, anywhere, removed)

    # Rules placed at the head or tail look at where the block stands among the prose that is left.
    # Prose counted once, before and after each block: slicing `prose` per block was quadratic (a 5 MB
    # article spent seconds here).
    prose = [block.rule is None and _is_prose(block.text, cleaning) for block in blocks]
    prose_before = list(accumulate(prose, initial=0))  # prose_before[i]: prose blocks before block i
    for i, block in enumerate(blocks):
        if block.rule is not None:
            continue
        head = prose_before[i] == 0
        tail = prose_before[-1] - prose_before[i + 1] <= 1
        eligible = [r for r in placed if (r.position == "head" and head) or (r.position == "tail" and tail)]
        if eligible:
            _match_block(block, eligible, removed)


def _cut_tail(blocks: list[_Block], cleaning: Cleaning) -> None:
    """"Related posts", "Leave a reply": once some body text has been seen, a short line matching a tail
    rule takes everything after it. A `related` rule is guarded: when real article prose still follows (a
    related-links box in the middle of the page), only the marker and the short lines under it go."""
    markers = [r for r in cleaning.rules if r.scope in ("tail", "related")]
    seen_prose = False
    for i, block in enumerate(blocks):
        if block.rule is None and seen_prose and word_count(block.text) <= 6:
            rule = next((r for r in markers if r.regex.fullmatch(block.text.strip(_TAIL_STRIP))), None)
            if rule is not None:
                rest = blocks[i + 1:]
                body_after = sum(1 for b in rest if b.rule is None and word_count(b.text) >= cleaning.guard_words)
                if rule.scope == "related" and body_after >= cleaning.guard_paragraphs:
                    # A box in the middle of the page: the marker and the short lines right under it (no
                    # blank line between them) go; a subheading after a blank line is the article's again.
                    block.rule = rule.id
                    line = block.line
                    for later in rest:
                        if later.line > line + 1 or _is_prose(later.text, cleaning):
                            break
                        line = later.line
                        if later.rule is None:
                            later.rule = rule.id
                    continue
                for later in blocks[i:]:
                    later.rule = later.rule or rule.id
                return
        seen_prose = seen_prose or (block.rule is None and _is_prose(block.text, cleaning))


def _match_block(block: _Block, rules: list[CleaningRule], removed: list[Removed]) -> None:
    """Apply the first rule that matches; sentence rules may cut several glued sentences in turn."""
    while True:
        words = word_count(block.text)
        for rule in rules:
            if rule.max_words is not None and words > rule.max_words:
                continue
            window = block.text if rule.max_words is not None else block.text[:200]
            if rule.scope == "paragraph" and rule.regex.search(window):
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
    _captions(blocks)

    live = [i for i, b in enumerate(blocks) if b.rule is None]
    prose = [i for i in live if _is_prose(blocks[i].text, cleaning)]
    title = _pick_title(blocks, live, prose, cleaning)
    if title is not None:
        blocks[title].rule = "title"
        live.remove(title)
        prose = [i for i in prose if i != title]
    if not prose:
        return
    first, last = prose[0], prose[-1]
    # The head runs to the last piece of furniture before the first full paragraph: a standfirst above the
    # byline stays a passage, but a bare name or label between them is not a subheading.
    full = next((i for i in prose if word_count(blocks[i].text) >= 2 * cleaning.prose_min_words), None)
    if full is not None:
        furniture = [i for i in range(first, full) if blocks[i].rule not in (None, "title")]
        if furniture:
            first = next((i for i in prose if i > furniture[-1]), first)
    for i in live:
        if blocks[i].heading_level is not None and i > (title if title is not None else -1) and i < first:
            first = i  # a Markdown subheading is the article's own structure, never head furniture
            break
    for i in live:
        if i < first and _short_line(blocks[i].text, cleaning):
            blocks[i].rule = "head-short-line"
        elif i > last and _short_line(blocks[i].text, cleaning):
            blocks[i].rule = "tail-short-line"

    # Subheadings: short lines inside the body, or Markdown headings, label the paragraph that follows.
    pending: _Block | None = None
    for i, block in enumerate(blocks):
        if block.rule is not None:
            continue
        if first <= i <= last and (block.heading_level is not None or _subheading(block.text, cleaning)):
            if pending is not None:
                pending.rule = "stray-line"  # two in a row: the first labels nothing
            block.rule = "subheading"
            pending = block
        elif pending is not None:
            block.heading_above = pending.text
            pending = None


def _captions(blocks: list[_Block]) -> None:
    """A short line right above an image credit ("Erdogan at the ceremony" / "Image: AP") is its caption."""
    for n, block in enumerate(blocks):
        if block.rule != "image-credit" or n == 0:
            continue
        above = blocks[n - 1]
        if above.rule is None and above.line >= block.line - 1 and word_count(above.text) <= 30 and not ends_sentence(above.text):
            above.rule = "image-caption"


def _pick_title(blocks: list[_Block], live: list[int], prose: list[int], cleaning: Cleaning) -> int | None:
    """The head line that reads most like a title: a Markdown H1; else one standing alone, followed by a
    byline or date, long enough to say something. Lines before the body that lose are furniture."""
    first_prose = prose[0] if prose else len(blocks)
    candidates = [i for i in live if i <= first_prose and _title_like(blocks[i], cleaning)]
    if not candidates:
        return None
    h1 = [i for i in candidates if blocks[i].heading_level == 1]
    if h1:
        return h1[0]
    if len(live) < 2:
        return None

    def score(i: int) -> float:
        block = blocks[i]
        words = word_count(block.text)
        points = 2.0 * block.standalone + min(words, 12) / 6
        following = [b for b in blocks[i + 1:i + 4] if b.line <= block.line + 6]
        if any(b.rule in ("byline", "dateline") or _DATEISH.search(b.text) for b in following):
            points += 3
        if block.text.isupper():
            points -= 2
        if i == first_prose and words >= cleaning.prose_min_words:
            points -= 3  # more likely the standfirst than the title
        return points

    best = max(candidates, key=lambda i: (score(i), -i))
    return best if score(best) > 1 else None


def _title_like(block: _Block, cleaning: Cleaning) -> bool:
    words = word_count(block.text)
    if block.heading_level is not None:
        return True
    return 2 <= words <= cleaning.title_max_words and not block.text.rstrip().endswith(".")


_DATEISH = re.compile(
    r"\b(19|20)\d\d\b.*|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b",
    re.IGNORECASE,
)


def _short_line(text: str, cleaning: Cleaning) -> bool:
    return word_count(text) <= cleaning.heading_max_words and not ends_sentence(text)


def _subheading(text: str, cleaning: Cleaning) -> bool:
    words = word_count(text)
    if words > cleaning.heading_max_words:
        return False
    stripped = text.rstrip()
    return not ends_sentence(stripped) or (stripped.endswith("?") and words <= 8)


# --- 5. repeats -----------------------------------------------------------------------------------------

def _norm_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(text))


def _drop_repeats(blocks: list[_Block], cleaning: Cleaning) -> None:
    """Drop a paragraph that repeats another: a pull-quote contained in a longer paragraph, or a copy.

    Paragraphs are compared by five-word shingles, so the cost stays linear in the text: shingles are
    counted once (in C), only paragraphs whose shingles nearly all recur anywhere are looked at closely, and a
    paragraph is a repeat when nearly all its shingles stand in one other, longer (or earlier) paragraph.
    """
    live = [b for b in blocks if b.rule is None]
    words = [_norm_words(b.text) for b in live]
    shingles = [set(zip(w, w[1:], w[2:], w[3:], w[4:])) for w in words]
    seen: Counter[tuple[str, ...]] = Counter()
    for sh in shingles:
        seen.update(sh)
    recurring = {s for s, count in seen.items() if count > 1}
    if not recurring:
        return
    shared_by = [sh & recurring for sh in shingles]
    owners: dict[tuple[str, ...], list[int]] = {}
    for n, common in enumerate(shared_by):
        for shingle in common:
            owners.setdefault(shingle, []).append(n)
    for n, block in enumerate(live):
        own = shingles[n]
        if len(block.text) < cleaning.pull_quote_min_chars or not own or len(shared_by[n]) < 0.85 * len(own):
            continue
        counts: Counter[int] = Counter()
        for shingle in shared_by[n]:
            holders = owners[shingle]
            if len(holders) <= 8:  # more is a stock phrase, not evidence of a repeat
                counts.update(holders)
        for other, shared in counts.items():
            if other == n or live[other].rule is not None or shared < 0.85 * len(own):
                continue
            if len(words[other]) > len(words[n]):
                block.rule = "pull-quote"
                break
            if len(words[other]) == len(words[n]) and other < n:
                block.rule = "duplicate"
                break

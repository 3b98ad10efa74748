"""Text to body paragraphs: take the site furniture out and put split paragraphs back together.

The order is the same for every article:
1. drop lines a `line` rule names wherever they stand ("Advertisement"), cut the text into blocks at blank
   lines (a run of lines is one paragraph when it is hard-wrapped prose, else one block per line: a list of
   headlines is not a wrapped paragraph) and read each block's Markdown as plain text (models/pipeline/inline);
2. rejoin a paragraph the source split mid-sentence (no closing punctuation, next block starts lowercase);
3. measure every block (models/pipeline/evidence: length, sentence punctuation, stop words of the article's
   language, capitals, links);
4. apply the config's rules as strong evidence: markers that end the article ("Related posts", "Leave a
   reply") cut what follows them, but a cut stops where body prose resumes and a list of headlines under
   the marker goes with it; whole paragraphs; glued-on sentences;
5. weigh the general evidence for what the rules left: title, byline lines, captions, head and tail
   furniture, runs of short lines, subheadings (models/pipeline/evidence);
6. drop pull-quotes and repeated paragraphs.
Every removed piece is kept with its reason (rule, kind, detail, role), so the reader can show what went and
why, and metadata can be read by role. Rule patterns see bounded text under a time budget
(models/pipeline/patterns): rules that run out are reported in `Cleaned.expired`.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate

from models.config import Cleaning, CleaningRule
from models.document import Cleaned, Paragraph, Removed
from models.pipeline.evidence import (
    SIGNOFF,
    Block,
    site_speaks,
    classify,
    cut_glued,
    headline_like,
    is_good,
    is_prose,
    is_sentence,
    measure,
    folded_words,
    quoted,
)
from models.pipeline.dates import leading_date_end
from models.pipeline.inline import plain_inline
from models.pipeline.patterns import HEAD_WINDOW, LINE_MAX, WINDOW, Clock, Needles, fold_for_guard, guard, passes
from models.pipeline.stopwords import stop_words_for
from models.text import ends_sentence, sentences, word_count

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^\s{0,3}([-*+•]|\d{1,3}[.)])\s+\S")
_BULLET_SIGNS = frozenset("◾◽▪▫■□●○◦‣►▸▶◆◇➤✓✔")  # a list item opening with one of these needs no space after it
# a run of spaces that is not already one plain space (matching every single space made `sub` slow)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_TAIL_STRIP = " :.-–—|»>#*•\t"
_SENTENCE_CUT = re.compile(r"[.!?…]+[\"'”’)]*(?=\s|$|[A-Z“\"‘])")  # not the dot inside "example.com"
_CREDIT_LINE = re.compile(r"\s*(image|photo|picture|credit|source|video)s?\s*:", re.IGNORECASE)
_MARKER_LABEL = re.compile(r"^([^:\n]{1,40}):\s*(\S.*)$")  # "Read more: <headline>"

WRAP_MIN_LINES = 3  # two lines are too few to tell hard-wrapping from two short paragraphs
WRAP_MAX_WIDTH = 120  # lines wider than a terminal are whole paragraphs, not wrapped ones
WRAP_SIMILAR_WIDTH = 0.7  # a wrapped line fills at least this share of the widest line
WRAP_SIMILAR_LINES = 0.8  # ... and nearly all lines do
LIST_CAPITAL_STARTS = 0.8  # lines that nearly all start with a capital and end without a stop are a list
SHORT_LINE_CHARS = 40  # a line shorter than this ends its paragraph unless it ends with a comma or a dash
LANGUAGE_SAMPLE_CHARS = 20000  # enough text to tell the language by its most frequent words
JOIN_MIN_WORDS = 3  # a sentence's lowercase end is a few words, or ends with its stop; two bare words are tags
MARKER_MAX_WORDS = 6  # a marker that starts a cut ("Related posts") is a short line


def clean(text: str, cleaning: Cleaning, clock: Clock | None = None) -> Cleaned:
    """Split `text` into body paragraphs and removed pieces, following `cleaning`'s rules and the evidence."""
    clock = clock if clock is not None else Clock()
    removed: list[Removed] = []
    line_rules = [r for r in cleaning.rules if r.scope == "line"]
    starters = [r for r in cleaning.rules if r.scope in ("paragraph", "sentence") and r.position == "any"]
    blocks = _join_split_sentences(_blocks(text, line_rules, starters, removed, clock))
    stops = stop_words_for(" ".join(b.text for b in blocks)[:LANGUAGE_SAMPLE_CHARS])
    for block in blocks:
        measure(block, stops)
    _apply_rules(blocks, cleaning, removed, clock, stops)
    for block, text, rule, detail, role in cut_glued(blocks, cleaning, stops):
        removed.append(Removed(text, rule, block.line, "evidence", detail, role))
    removed.extend(_glued_marker(blocks, cleaning, clock, stops))
    removed.extend(_inline_markers(blocks, cleaning, clock, stops))
    removed.extend(_bracketed_markers(blocks, cleaning, clock, stops))
    classify(blocks, cleaning, stops)
    _drop_repeats(blocks, cleaning)
    paragraphs = []
    for block in blocks:
        if block.rule is None:
            paragraphs.append(Paragraph(block.text, block.heading_above, block.line))
        elif block.rule not in ("subheading", "merged"):
            removed.append(Removed(block.text, block.rule, block.line, block.kind or "rule", block.detail, block.role))
    removed.sort(key=lambda r: r.line)
    return Cleaned(tuple(paragraphs), tuple(removed), tuple(clock.expired))


# --- 1. blocks ------------------------------------------------------------------------------------------


def _blocks(
    text: str, line_rules: list[CleaningRule], starters: list[CleaningRule], removed: list[Removed], clock: Clock
) -> list[Block]:
    blocks: list[Block] = []
    run: list[tuple[int, str]] = []
    guarded = [_guarded(r) for r in line_rules]
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        rule = None
        if stripped and len(stripped) <= LINE_MAX:
            bare = stripped.strip(_TAIL_STRIP)
            folded = ""
            for line_rule, needles in guarded:
                if needles is not None:  # a bundled rule: its pattern runs only when the line holds its literals
                    folded = folded or fold_for_guard(bare)
                    if not passes(needles, folded) or not line_rule.regex.fullmatch(bare):
                        continue
                elif not clock.run(line_rule, "fullmatch", bare):
                    continue
                rule = line_rule
                break
        if rule is not None:
            removed.append(Removed(stripped, rule.id, number, "rule", f"a line matching rule {rule.id!r}", rule.role))
            stripped = ""  # the line goes, and counts as a paragraph break
        if stripped:
            run.append((number, line))
        elif run:
            blocks.extend(_split_run(run, starters, clock))
            run = []
    if run:
        blocks.extend(_split_run(run, starters, clock))
    return [b for b in blocks if b.text]


def _split_run(run: list[tuple[int, str]], starters: list[CleaningRule], clock: Clock) -> list[Block]:
    """Lines between blank lines: one paragraph when they are a wrapped paragraph, else one per line. A
    line that is furniture on its own ("Keywords: ...", "Image: AP") always starts a paragraph of its own."""
    groups: list[list[tuple[int, str]]] = [[run[0]]]
    wrapped = _looks_wrapped([line for _, line in run])
    for (number, line), (_, prev) in zip(run[1:], run):
        separate = (
            _MD_HEADING.match(line) or _MD_HEADING.match(prev) or _MD_LIST.match(line) or line.lstrip()[:1] in _BULLET_SIGNS
            or (not wrapped and _line_ends_paragraph(prev, line))
            or (len(run) < 40 and _starts_furniture(line, starters, clock))
        )
        if separate:
            groups.append([(number, line)])
        else:
            groups[-1].append((number, line))
    made = [_make_block(group) for group in groups]
    for block in made[1:]:
        block.gap_before = False
    if len(run) == 1:
        made[0].standalone = True
    return made


def _starts_furniture(line: str, starters: list[CleaningRule], clock: Clock) -> bool:
    text = line.strip()
    words = word_count(text)
    for rule in starters:
        if rule.max_words is not None and words > rule.max_words:
            continue
        if clock.run(rule, "match", text[:HEAD_WINDOW]):
            return True
    return False


def _looks_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: three or more lines of similar width (WRAP_*), which do not all read as separate
    headlines (a list of headlines under "Read also" has lines of similar width too)."""
    if len(lines) < WRAP_MIN_LINES or any(a.strip() == b.strip() for a, b in zip(lines, lines[1:])):
        return False  # (a line printed twice in a row is a caption and its alt text, never wrapped prose)
    widths = [len(line.rstrip()) for line in lines[:-1]]
    widest = max(widths)
    similar = sum(1 for w in widths if w >= widest * WRAP_SIMILAR_WIDTH) >= WRAP_SIMILAR_LINES * len(widths)
    if widest > WRAP_MAX_WIDTH or not similar:
        return False
    listed = sum(1 for line in lines if line.lstrip()[:1].isupper() and not ends_sentence(line))
    return listed < LIST_CAPITAL_STARTS * len(lines)


def _line_ends_paragraph(prev: str, line: str) -> bool:
    prev = prev.strip()
    first = line.lstrip()[:1]
    if ends_sentence(prev) and (first.isupper() or first.isdigit() or first in "\"“‘'([*"):
        return True
    if _CREDIT_LINE.match(line) or ("/" in line and SIGNOFF.fullmatch(line.strip())):
        return True  # (a credit, or the desk's sign-off "shs/jlw (dpa, AFP)" under the last paragraph: never its end)
    if not prev.endswith((",", "-", "—", "–", ";")) and (first.isupper() or first.isdigit() or first in "\"“‘'(["):
        return True  # a line without a final stop, then a capital: a title, label or caption, and a new block
    return len(prev) < SHORT_LINE_CHARS and not prev.endswith((",", "-", "—", "–"))


def _make_block(group: list[tuple[int, str]]) -> Block:
    line = group[0][0]
    heading = _MD_HEADING.match(group[0][1]) if len(group) == 1 else None
    raw = heading.group(2) if heading else " ".join(part.strip() for _, part in group)
    inline = plain_inline(raw)
    plain = _SPACES.sub(" ", inline.text).strip()
    ratio = inline.link_chars / max(1, len(plain))
    return Block(plain, line, ratio, len(heading.group(1)) if heading else None)


# --- 2. joins -------------------------------------------------------------------------------------------


def _join_split_sentences(blocks: list[Block]) -> list[Block]:
    """Put back a paragraph that the source cut mid-sentence: it has no closing punctuation and the next
    block carries on in lowercase."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.heading_level is None
            and block.heading_level is None
            and not ends_sentence(prev.text)
            and block.text[:1].islower()
            and " " in block.text  # a lone lowercase token ("svb-logo") is an image name, not a sentence's end
            and (ends_sentence(block.text) or word_count(block.text) >= JOIN_MIN_WORDS)  # "fire arson" under a title: its tags
            and leading_date_end(block.text) is None  # ("date 2023-09-13 The …" under a title opens a paragraph of its own)
        ):
            joined = prev.text + " " + block.text
            prev.link_ratio = (prev.link_ratio * len(prev.text) + block.link_ratio * len(block.text)) / len(joined)
            prev.text = joined
        else:
            out.append(block)
    return out


# --- 4. rules -------------------------------------------------------------------------------------------


def _apply_rules(
    blocks: list[Block], cleaning: Cleaning, removed: list[Removed], clock: Clock, stops: frozenset[str]
) -> None:
    rules = [_guarded(r) for r in cleaning.rules if r.scope not in ("line", "tail", "related")]  # guards read once
    anywhere = [g for g in rules if g[0].position == "any"]
    placed = [g for g in rules if g[0].position != "any"]
    for block in blocks:
        if block.rule is None:
            before = block.text
            _match_block(block, anywhere, removed, clock)
            if block.text is not before:
                measure(block, stops)  # a sentence rule cut its start off
    _cuts(blocks, cleaning, clock, stops)  # after: furniture a rule names is not body text that stops a cut

    # Rules placed at the head or tail look at where the block stands among the prose that is left.
    # Prose counted once, before and after each block (slicing per block was quadratic on a huge article).
    prose = [block.rule is None and is_prose(block, cleaning, stops) for block in blocks]
    prose_before = list(accumulate(prose, initial=0))  # prose_before[i]: prose blocks before block i
    for i, block in enumerate(blocks):
        if block.rule is not None:
            continue
        head = prose_before[i] == 0
        tail = prose_before[-1] - prose_before[i + 1] <= 1
        eligible = [g for g in placed if (g[0].position == "head" and head) or (g[0].position == "tail" and tail)]
        if eligible:
            _match_block(block, eligible, removed, clock)


def _marker(block: Block, markers: list[CleaningRule], clock: Clock) -> tuple[CleaningRule | None, bool]:
    """The rule whose marker this block is ("Related posts"), and whether the marker carries its own
    headline ("Read more: <headline>": then only this line goes)."""
    if block.words <= MARKER_MAX_WORDS and len(block.text) <= HEAD_WINDOW:
        bare = block.text.strip(_TAIL_STRIP)
        rule = next((r for r in markers if clock.run(r, "fullmatch", bare)), None)
        if rule is not None:
            return rule, False
    m = _MARKER_LABEL.match(block.text[:HEAD_WINDOW])
    if m and word_count(m.group(1)) <= MARKER_MAX_WORDS:
        bare = m.group(1).strip(_TAIL_STRIP)
        rule = next((r for r in markers if clock.run(r, "fullmatch", bare)), None)
        if rule is not None:
            return rule, True
    return None, False


def _cuts(blocks: list[Block], cleaning: Cleaning, clock: Clock, stops: frozenset[str]) -> None:
    """"Related posts", "Leave a reply", "Read also": once body text has been seen, a marker starts a cut.

    A cut never takes prose: when body text beyond doubt still follows (`is_good`), only the marker and the
    headline-like blocks under it go (the list of other stories), up to the first sentence; a headline-like
    line after a blank line that is directly followed by prose is a subheading, and the cut stops above it.
    Only when no body text follows does the cut run to the end of the page (the tail: comments, teasers).
    A marker that carries its headline ("Read more: <headline>") is one line and goes alone.
    """
    markers = [r for r in cleaning.rules if r.scope in ("tail", "related")]
    if not markers:
        return
    seen_prose = False
    good_after = [False] * (len(blocks) + 1)  # good_after[i]: body text beyond doubt at i or later
    for k in range(len(blocks) - 1, -1, -1):
        good_after[k] = good_after[k + 1] or (blocks[k].rule is None and is_good(blocks[k], stops))
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.rule is None and seen_prose:
            rule, carries_headline = _marker(block, markers, clock)
            if rule is not None and carries_headline and block.words <= cleaning.title_max_words + MARKER_MAX_WORDS:
                block.drop(rule.id, "rule", f"a {rule.id!r} marker with a headline after it", rule.role)
                if rule.scope == "tail" and not any(b.rule is None and is_prose(b, cleaning, stops) and not site_speaks(b.text)
                                                    for b in blocks[i + 1:]):
                    # ("Comments: Our rules", then only the site's own words about its comments: the page's tail)
                    for later in blocks[i + 1:]:
                        if later.rule is None:
                            later.drop(rule.id, "cut", f"below the {rule.id!r} marker at line {block.line}, only the site's "
                                       "own words after it")
                    return
                i += 1
                continue
            if rule is not None and not carries_headline:
                if not good_after[i + 1]:
                    block.drop(rule.id, "rule", f"a {rule.id!r} marker: the page's tail starts here", rule.role)
                    for later in blocks[i + 1:]:
                        if later.rule is None:
                            later.drop(rule.id, "cut", f"below the {rule.id!r} marker at line {block.line}, no body text after it")
                    return
                block.drop(rule.id, "rule", f"a {rule.id!r} marker above a list", rule.role)
                i = _cut_list(blocks, i, rule, cleaning, stops)
                continue
        seen_prose = seen_prose or (block.rule is None and is_prose(block, cleaning, stops))
        i += 1


_AFTER_ELLIPSIS = re.compile(r"(?:…|\.\.\.)\s*([^…]{2,40})$")  # "… a section of … Read more"


def _glued_marker(blocks: list[Block], cleaning: Cleaning, clock: Clock, stops: frozenset[str]) -> list[Removed]:
    """A marker of the page's tail glued after the ellipsis that cuts the last paragraph short ("… Read more"):
    cut off, the paragraph kept (a teaser page prints the article's start this way)."""
    markers = [r for r in cleaning.rules if r.scope in ("tail", "related")]
    last = next((b for b in reversed(blocks) if b.rule is None and b.heading_level is None), None)
    if last is None or not markers:
        return []
    m = _AFTER_ELLIPSIS.search(last.text[-60:])
    if m is None or word_count(m.group(1)) > MARKER_MAX_WORDS:
        return []
    bare = m.group(1).strip(_TAIL_STRIP)
    rule = next((r for r in markers if clock.run(r, "fullmatch", bare)), None)
    if rule is None:
        return []
    cut = len(last.text) - len(last.text[-60:]) + m.start(1)
    piece = last.text[cut:].strip()
    last.text = last.text[:cut].rstrip()
    measure(last, stops)
    return [Removed(piece, rule.id, last.line, "rule", f"a {rule.id!r} marker glued to the end of the last paragraph", rule.role)]


# "… cut off from the world. Also read: Quake toll rises to 2,800 as search continues 5. This relentless …": a
# marker's label and a colon after a sentence's end, inside a paragraph a page ran together
_INLINE_LABEL = re.compile(r"(?<=[.!?”\"’]) ([A-Z][^:.!?\n]{1,30}):\s+(?=[A-Z0-9“\"‘])")
# "… as search continues The pilots said …": a lowercase word, then a capitalised word that opens sentences, not titles
_BODY_RESTART = re.compile(r"(?<=[a-z,]) (?=(?:The|A|An|He|She|They|It|We|I|His|Her|Their|Its|Our|This|That|These|Those|There)\s)")
_NEXT_SENTENCE = re.compile(r"[.!?…]+[\"'”’)]*\s+(?=[A-Z“\"‘])")


def _inline_markers(blocks: list[Block], cleaning: Cleaning, clock: Clock, stops: frozenset[str]) -> list[Removed]:
    """A marker of another story ("Also read: <headline>") run into the middle of a body paragraph: the marker and
    its headline, up to the next sentence's start, are cut out (a headline's length at most); the paragraph's own
    sentences on both sides stay."""
    markers = [r for r in cleaning.rules if r.scope in ("tail", "related")]
    if not markers:
        return []
    out: list[Removed] = []
    for block in blocks:
        if block.rule is not None or ": " not in block.text:
            continue
        for m in _INLINE_LABEL.finditer(block.text):
            if word_count(m.group(1)) > MARKER_MAX_WORDS:
                continue
            bare = m.group(1).strip(_TAIL_STRIP)
            rule = next((r for r in markers if clock.run(r, "fullmatch", bare)), None)
            if rule is None:
                continue
            end = _NEXT_SENTENCE.search(block.text, m.end())
            if end is None or word_count(block.text[m.end():end.start()]) > cleaning.title_max_words:
                break
            start = _BODY_RESTART.search(block.text, m.end(), end.start())
            stop = start.start() + 1 if start else end.end()  # (a headline without its stop: the body's sentence goes on)
            piece = block.text[m.start():stop].strip()
            block.text = (block.text[: m.start()] + " " + block.text[stop:]).strip()
            measure(block, stops)
            out.append(Removed(piece, rule.id, block.line, "rule", f"a {rule.id!r} marker and its headline inside a paragraph", rule.role))
            break  # (one per paragraph: the text moved)
    return out


# "… We congratulated him on his victory." (Read more Mississippi stories.)": a pointer in brackets closing a paragraph
_TRAILING_BRACKET = re.compile(r"(?<=[.!?”\"’])\s*\(([A-Z][^()]{2,80})\)\s*$")
BRACKET_MARKER_MIN_WORDS = 2  # the marker opening it: "Read more", "See also" (a word alone, "More", may be the text's)


def _bracketed_markers(blocks: list[Block], cleaning: Cleaning, clock: Clock, stops: frozenset[str]) -> list[Removed]:
    """A pointer to other pages in brackets after a paragraph's last sentence ("(Read more Mississippi stories.)"):
    its first words are a marker of the tail or of related stories; cut off, the paragraph kept."""
    markers = [r for r in cleaning.rules if r.scope in ("tail", "related")]
    if not markers:
        return []
    out: list[Removed] = []
    for block in blocks:
        if block.rule is not None or not block.text.endswith(")"):
            continue
        m = _TRAILING_BRACKET.search(block.text[-90:])
        if m is None:
            continue
        words = m.group(1).strip(_TAIL_STRIP).split()
        for n in range(min(MARKER_MAX_WORDS, len(words)), BRACKET_MARKER_MIN_WORDS - 1, -1):
            rule = next((r for r in markers if clock.run(r, "fullmatch", " ".join(words[:n]))), None)
            if rule is not None:
                cut = len(block.text) - len(block.text[-90:]) + m.start()
                out.append(Removed(block.text[cut:].strip(), rule.id, block.line, "rule",
                                   f"a {rule.id!r} marker in brackets closing the paragraph", rule.role))
                block.text = block.text[:cut].rstrip()
                measure(block, stops)
                break
    return out


def _cut_list(blocks: list[Block], marker: int, rule: CleaningRule, cleaning: Cleaning, stops: frozenset[str]) -> int:
    """Remove the headline list under the marker at `marker`; the index of the first block after it."""
    j = marker + 1
    while j < len(blocks):
        item = blocks[j]
        if item.rule is not None:
            j += 1
            continue
        if item.heading_level is not None or not headline_like(item, cleaning, stops):
            break  # prose (or the article's own heading): the body resumes
        nxt = next((b for b in blocks[j + 1:] if b.rule is None), None)
        if item.gap_before and nxt is not None and is_sentence(nxt, stops) and nxt.words >= cleaning.prose_min_words:
            break  # a short line after a blank line, directly above prose: the article's subheading
        item.drop(rule.id, "cut", f"a headline in the list under the {rule.id!r} marker at line {blocks[marker].line}")
        j += 1
    return j


Guarded = tuple[CleaningRule, Needles | None]


def _guarded(rule: CleaningRule) -> Guarded:
    """A rule with the literal guard of its pattern (None for a user's timed rule, or a pattern without one)."""
    return rule, (None if rule.timed else guard(rule.regex))


def _match_block(block: Block, rules: list[Guarded], removed: list[Removed], clock: Clock) -> None:
    """Apply the first rule that matches; sentence rules may cut several glued sentences in turn. A rule
    sees a bounded window of the block (models/pipeline/patterns)."""
    while True:
        words = word_count(block.text)
        window, head = block.text[:WINDOW], block.text[:HEAD_WINDOW]  # sliced once, not once per rule
        folded_window = folded_head = ""  # read by the bundled rules' literal guards, folded once
        for rule, needles in rules:
            if rule.max_words is not None and words > rule.max_words:
                continue
            if needles is not None:
                if rule.scope == "paragraph" and rule.max_words is None:
                    folded_head = folded_head or fold_for_guard(head)
                    if not passes(needles, folded_head):
                        continue
                else:
                    folded_window = folded_window or fold_for_guard(window)
                    if not passes(needles, folded_window):
                        continue
            if rule.scope == "paragraph":
                seen = window if rule.max_words is not None else head
                found = clock.run(rule, "search", seen) if rule.timed else rule.regex.search(seen)
                if found:
                    at = _headline_after_date(block.text) if rule.role == "dateline" else None
                    if at is not None:
                        removed.append(Removed(block.text[:at].strip(), rule.id, block.line, "rule",
                                               f"a date matching rule {rule.id!r}, cut off the headline printed after it", rule.role))
                        block.text = block.text[at:].strip()
                        return
                    block.drop(rule.id, "rule", f"matches rule {rule.id!r}", rule.role)
                    return
            if rule.scope == "sentence":
                m = clock.run(rule, "match", window) if rule.timed else rule.regex.match(window)
                if m is None:
                    continue
                cut = _SENTENCE_CUT.search(block.text, m.end())
                end = cut.end() if cut else len(block.text)
                rest = block.text[end:].strip()
                if word_count(rest) < 3 or _prompt_rest(rest):
                    block.drop(rule.id, "rule", f"matches rule {rule.id!r}", rule.role)
                    return
                removed.append(
                    Removed(block.text[:end].strip(), rule.id, block.line, "rule",
                            f"a sentence matching rule {rule.id!r}, cut off the paragraph's start", rule.role)
                )
                block.text = rest
                break  # look at the new start of the paragraph again
        else:
            return


DATED_HEADLINE_MIN_WORDS = 4  # "date 2020-10-02 Ex-mayor sentenced to 7 years": a headline's words after the date


def _headline_after_date(text: str) -> int | None:
    """Where a headline starts that a page (or the store that kept it) printed on one line after its date stamp
    ("date 2020-10-02 Ex-mayor of Scranton sentenced to 7 years"): the date's end, when what follows is a
    headline's length, opens with a capital and has no final stop; a date line's own words ("Posted 3 March
    2024, 10:30", "date 2021-11-03 Sign up") are fewer or no headline. None when the line is only a date line."""
    at = leading_date_end(text)
    if at is None:
        return None
    rest = text[at:].strip()
    if word_count(rest) < DATED_HEADLINE_MIN_WORDS or not rest[:1].isupper() or ends_sentence(rest):
        return None
    return at


PROMPT_MAX_WORDS = 20  # "Get the latest news in your inbox daily.": one short sentence
_READER = re.compile(r"\b(?:you|your|yours|you're|you’re|you'll|you’ll)\b", re.IGNORECASE)


def _prompt_rest(rest: str) -> bool:
    """What a prompt's first sentence leaves is the same prompt when it is one short sentence that speaks to
    the reader ("Subscribe to X. Get the latest news in your inbox daily."): news prose speaks of others,
    and addresses the reader only inside a quote."""
    return (
        word_count(rest) <= PROMPT_MAX_WORDS and len(sentences(rest)) == 1
        and _READER.search(rest) is not None and not quoted(rest)
    )


# --- 6. repeats -----------------------------------------------------------------------------------------

def _norm_words(text: str) -> list[str]:
    return folded_words(text)


def _drop_repeats(blocks: list[Block], cleaning: Cleaning) -> None:
    """Drop a paragraph that repeats another: a pull-quote contained in a longer paragraph, or a copy.

    Paragraphs are compared by five-word shingles, so the cost stays linear in the text: shingles are
    counted once (in C), only paragraphs whose shingles nearly all recur anywhere are looked at closely, and a
    paragraph is a repeat when nearly all its shingles stand in one other, longer (or earlier) paragraph.
    """
    # (a paragraph shorter than a pull-quote is neither one nor the paragraph that holds one: left out unread)
    live = [b for b in blocks if b.rule is None and len(b.text) >= cleaning.pull_quote_min_chars]
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
        if not own or len(shared_by[n]) < 0.85 * len(own):
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
                block.drop("pull-quote", "repeat", f"its words stand again in the paragraph at line {live[other].line}")
                break
            if len(words[other]) == len(words[n]) and other < n:
                block.drop("duplicate", "repeat", f"the same paragraph as line {live[other].line}")
                break

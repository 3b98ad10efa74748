"""Furniture-rule patterns run on bounded text with a time budget, so no pattern can hang the analysis.

Two defences, because a pattern is user input (`cleaning.rules` in a user's config):

1. **Bounded text.** A rule never sees more than a furniture-sized window of a paragraph (`WINDOW` characters;
   the first `HEAD_WINDOW` for rules that match at a paragraph's start) and line rules only look at lines
   no longer than `LINE_MAX`. Furniture is short; a 200 KB word is not a byline. This keeps patterns whose
   cost grows with the square of a word's length (`[\\w.+-]+@…` searched over a long word) cheap.
2. **A time budget.** A user's patterns run on the `regex` package, whose matching can be interrupted: each
   rule has `RULE_BUDGET_S` seconds of matching per article. (The bundled patterns run on `re`, faster; a
   test audits each of them against long and repetitive text under the same budget.) A rule that runs out (a catastrophic pattern such as
   `(a+)+$`) is skipped for the rest of that article and reported by id in `Clock.expired`; the article
   gets a note saying so. No wall clock is needed to see it: the report is the budget's own.

And one economy, for the bundled patterns (`re`): most paragraphs match no rule, and a case-insensitive
search of a multi-branch pattern tries every branch at every position. So each such pattern gets a
**literal guard** (`guard`), read off the parsed pattern: the words one of which any match must contain
("wikimedia commons", "share", "©"). A text that holds none of them (lowercased, C-speed `in`) cannot match
and the pattern is not run. The guard is exact: it only ever skips a search that would have found nothing.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from re import _parser as _sre_parse  # type: ignore[attr-defined]  # the parser `re` compiles with (Python 3.11+): what a pattern requires

WINDOW = 1000  # characters of a paragraph a rule limited to short paragraphs (max_words) may see
HEAD_WINDOW = 200  # characters a rule without max_words sees: the paragraph's start, where furniture is put
LINE_MAX = 300  # longer lines are never furniture lines (`scope: line` rules skip them)
RULE_BUDGET_S = 0.25  # seconds of matching one rule may spend on one article before it is skipped


@dataclass
class Clock:
    """The matching time each rule has spent on one article, and the rules that ran out of it."""

    budget: float = RULE_BUDGET_S
    spent: dict[str, float] = field(default_factory=dict)
    expired: list[str] = field(default_factory=list)

    def run(self, rule: Any, method: str, text: str) -> Any:
        """`rule.regex.<method>(text)`; a user's rule (`rule.timed`) within its remaining budget, and None
        once it has expired. The bundled rules are audited (tests/models/test_patterns.py) and run untimed,
        behind their literal guard."""
        if not rule.timed:
            return run_guarded(rule.regex, method, text)
        if rule.id in self.expired:
            return None
        left = self.budget - self.spent.get(rule.id, 0.0)
        started = time.perf_counter()
        try:
            return getattr(rule.regex, method)(text, timeout=max(left, 0.001))
        except TimeoutError:
            self.expired.append(rule.id)
            return None
        finally:
            self.spent[rule.id] = self.spent.get(rule.id, 0.0) + time.perf_counter() - started


# --- literal guards ------------------------------------------------------------------------------------

Needles = tuple[tuple[str, ...], tuple[str, ...]]  # (at the start, anywhere): a match contains one of them


def fold_for_guard(text: str) -> str:
    """`text` as the guards read it: lowercased, and the letters re.IGNORECASE equates with ASCII ones
    although their lowercase differs (Python's re documentation, IGNORECASE: "İ", "ı", "ſ", "K") read as
    those ("İ" lowercases to "i" and a combining dot, which goes)."""
    folded = text.lower()
    if folded.isascii():
        return folded
    return folded.replace("\u0307", "").replace("\u0131", "i").replace("\u017f", "s")


_guards: dict[int, tuple[re.Pattern[str], Needles | None]] = {}  # by id: hashing a Pattern hashes its code


def guard(pattern: re.Pattern[str]) -> Needles | None:
    """The literals one of which every match of `pattern` contains (lowercased), or None when some branch
    of it requires none (then it is always run)."""
    kept = _guards.get(id(pattern))
    if kept is None or kept[0] is not pattern:
        kept = _guards[id(pattern)] = (pattern, _needles(pattern))
    return kept[1]


def _needles(pattern: re.Pattern[str]) -> Needles | None:
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - a pattern `re` compiled parses
        return None
    needles = _required(list(parsed))
    if not needles:
        return None
    anywhere = {n for n, pinned in needles if not pinned}
    anywhere = {n for n in anywhere if not any(other != n and other in n for other in anywhere)}  # "newsletter" covers " newsletter"
    at_start = {n for n, pinned in needles if pinned and not any(other in n for other in anywhere)}
    return tuple(sorted(at_start)), tuple(sorted(anywhere, key=len))


def _required(items: list[Any], pinned: bool = False) -> set[tuple[str, bool]] | None:
    """The literals one of which any match of the sequence `items` contains, each with whether it stands at
    the string's start; None when there are none. `pinned`: the sequence starts at the string's start (a
    "^" came before it and nothing was consumed since)."""
    best: set[tuple[str, bool]] | None = None
    run: list[str] = []
    run_pinned = False

    def consider(found: set[tuple[str, bool]] | None) -> None:
        nonlocal best
        if found and (best is None or min(len(s) for s, _ in found) > min(len(s) for s, _ in best)):
            best = found

    def flush() -> None:
        if run:
            consider({("".join(run), run_pinned)})
            run.clear()

    for op, arg in items:
        name = str(op)
        if name == "LITERAL" and _caseless_safe(chr(arg)):
            if not run:
                run_pinned = pinned
            run.append(chr(arg).lower())
            pinned = False
            continue
        flush()
        if name == "AT":
            pinned = pinned or str(arg) == "AT_BEGINNING"  # zero width: "^" pins what follows to the start
            continue
        if name == "SUBPATTERN":
            consider(_required(list(arg[-1]), pinned))
        elif name == "BRANCH":
            branches = [_required(list(b), pinned) for b in arg[1]]
            if all(branches):
                consider(set().union(*(b for b in branches if b)))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            consider(_required(list(arg[2]), pinned))
        elif name == "ATOMIC_GROUP":
            consider(_required(list(arg), pinned))
        pinned = False
    flush()
    return best


def _caseless_safe(ch: str) -> bool:
    """A literal the folded text spells the same: an ASCII character, or a symbol or punctuation ("©", "€")."""
    return ch.isascii() or unicodedata.category(ch)[0] in "SP"


def passes(needles: Needles, folded: str) -> bool:
    """Whether the folded text holds one of the needles (so the pattern may match it)."""
    at_start, anywhere = needles
    return folded.startswith(at_start) or any(map(folded.__contains__, anywhere))


_folded: dict[int, tuple[str, str]] = {}  # the texts folded lately (a paragraph meets many rules in a row)
FOLDED_KEPT = 4


def run_guarded(pattern: re.Pattern[str], method: str, text: str) -> Any:
    """`pattern.<method>(text)`, or None at once when the text lacks every literal a match needs."""
    needles = guard(pattern)
    if needles is not None:
        kept = _folded.get(id(text))
        if kept is None or kept[0] is not text:
            if len(_folded) >= FOLDED_KEPT:
                _folded.clear()
            kept = _folded[id(text)] = (text, fold_for_guard(text))
        if not passes(needles, kept[1]):
            return None
    return getattr(pattern, method)(text)

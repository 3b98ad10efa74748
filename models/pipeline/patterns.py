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
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

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
        once it has expired. The bundled rules are audited (tests/models/test_patterns.py) and run untimed."""
        if not rule.timed:
            return getattr(rule.regex, method)(text)
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

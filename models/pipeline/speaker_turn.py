"""Whether a paragraph gives more words of the speaker the paragraph before it quoted.

News writing quotes a speaker over several paragraphs and names the speaker once: the paragraphs after are
attributed to a pronoun ("The incident, he said, hurt the country's reputation."), to a description of the
speaker ("“The fine ignores our efforts,” the company retorted."), to the same name again, or to no one (a
quotation that is the whole paragraph; one that only opens it, '"Fake news" is what critics call it', is a
phrase quoted, not a speaker going on). Such a paragraph goes on with what that speaker was saying. One that names a new
speaker ("..., a commuter said", "..., said Jane Doe") is someone else's turn, and says nothing here.

Only the shape of the sentence is read (a quotation mark, then who and a verb, at a clause's end); no list of
verbs or of a story's names: a capitalised speaker is the same one when the paragraph before names them.
"""

from __future__ import annotations

import re

_QUOTES = "“”\""
_WHO = (r"(?P<who>(?:he|she|they|it|we|(?:[Tt]he|[Aa]n?)(?:\s+[a-z][\w-]*){1,3}"  # a pronoun, a description
        r"|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}))")  # ... or a name
_VERB = r"(?P<verb>[a-z]{3,})"
# who and a verb right after a closing quotation mark, either way round, at the end of a clause
_AFTER_QUOTE = (re.compile(rf"[”\"]\s*,?\s*{_WHO}\s+{_VERB}\s*[.,;:!?]"),
                re.compile(rf"[”\"]\s*,?\s*{_VERB}\s+{_WHO}\s*[.,;:!?]"))
_ASIDE = re.compile(rf",\s+(?P<who>he|she|they|it|we)\s+{_VERB}\s*[,.]")
_PRONOUNS = frozenset("he she they it we".split())


def speaker_turn(passage: str, before: str, earlier: str = "") -> str | None:
    """The words by which `passage` goes on with the speaker `before` quoted ("the company retorted", "he
    said", its opening words for a quotation with no speaker), else None. `before` must quote someone (a
    quotation mark, or a pronoun's words set off by commas); `passage` must be a quotation (open with a quotation mark) or attribute what it says to
    a pronoun set off by commas. A description or a name is the same speaker when the words before (`before`
    and `earlier`, the paragraph before it) use its last word: "the engineer" after "the chief engineer"."""
    if not any(q in before for q in _QUOTES) and not _ASIDE.search(before):
        return None
    text = passage.strip()
    if text[:1] in "“\"":
        found = _attribution(text)
        if found is None:
            whole = text.endswith(("”", '"')) and not _quotes_again(text)  # one quotation, the paragraph
            return " ".join(text.split()[:3]) if whole else None
        return _same_speaker(found, f"{earlier}\n{before}")
    aside = _ASIDE.search(text)
    return _same_speaker(aside, before) if aside else None


def _attribution(text: str) -> re.Match[str] | None:
    """Who and a verb after the quotation `text` opens with (searched past its opening mark, as a straight one
    closes it too), the nearest of the two orders."""
    found = [m for m in (pattern.search(text, 1) for pattern in _AFTER_QUOTE) if m]
    return min(found, key=lambda m: m.start()) if found else None


def _quotes_again(text: str) -> bool:
    """True when the quotation closes and another opens: a paragraph of several speakers' words."""
    return text.count("“") > 1 or text.count('"') > 2


def _same_speaker(found: re.Match[str], before: str) -> str | None:
    """The attribution's words when its speaker is the one before (a pronoun, or a description or name whose
    last word `before` uses), else None."""
    who = found.group("who")
    if who.split()[0].lower() in ("a", "an"):
        return None  # "a commuter said": someone new
    if who.lower() in _PRONOUNS or re.search(rf"\b{re.escape(who.split()[-1])}\b", before, re.IGNORECASE):
        return found.group(0).strip(_QUOTES + " ,.;:!?")
    return None

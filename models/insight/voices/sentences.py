"""Sentences and quotations: where a passage's quotations and sentences are (a sentence ending inside a
quotation runs on to the next), the tokens of one sentence with the punctuation between them, and which
quotation an attribution closes or introduces."""

from __future__ import annotations

import re

from models.text import STOPWORDS, Token, fold, sentences, tokens

_QUOTE_OPEN, _QUOTE_CLOSE = "“", "”"
_BOUNDARY = set(",;:()[]“”\"‘’—–!?.…")

# Abbreviations whose period ends no sentence and separates nothing: initialisms ("U.S.", "U.K.", "J.") and
# the short forms of titles and months ("Mr.", "Gen.", "Feb.").
_SHORT_FORMS = (
    "Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Maj|Sen|Rep|Gov|Adm|Cmdr|Cdr|Brig|Supt|Insp|St|Jr|Sr|Rev|Hon|Pres|Amb"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Vol|Co|Corp|Inc|Ltd|Mt|Ft"
)
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:(?:[^\W\d_]\.){2,}|[A-Z]\.(?=\s+[A-Z])|(?:" + _SHORT_FORMS + r")\.)"
    r"|(?<![\w&])[A-Z][\w]*&[A-Z][\w]*"  # "P&I", "AT&T", "S&P": one name
)
_INITIALISM_END = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}$")
_TITLE_END = re.compile(r"(?<![\w.])(?:[A-Z]|" + _SHORT_FORMS + r")\.$")
# "(DPR)", "(SSB)": an acronym in brackets after a name, read as if it were not there.
_BLANKS = re.compile(r"\s{3,}")
_BRACKETED_ACRONYM = re.compile(r"\s*\((?=[^)]*[A-Z][^)]*[A-Z])[A-Z][\w.&/-]{1,11}\)")
# "The Indian Space Research Organisation (Isro)": an acronym written as a word, its letters the initials of
# the capitalised words right before it.
_BRACKETED_WORD = re.compile(r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|on)\s+)?){2,8})\(([A-Z][a-z]{1,7})\)")


def _initials_blanked(m: re.Match[str]) -> str:
    words = [w for w in m.group(1).split() if w[:1].isupper()]
    letters = m.group(2).lower()
    if "".join(w[0] for w in words[-len(letters):]).lower() != letters:
        return m.group()
    return m.group(1) + " " * (len(m.group()) - len(m.group(1)))


class _Sentence:
    """The tokens of one sentence and what stands between them; `lo`..`hi` is the token range in reach."""

    def __init__(self, text: str, toks: list[Token], lo: int, hi: int) -> None:
        self.text, self.toks, self.lo, self.hi = text, toks, lo, hi

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i ("" for the sentence's first token)."""
        return self.text[self.toks[i - 1].end : self.toks[i].start] if i > self.lo else ""

    def breaks_before(self, i: int) -> bool:
        """Whether punctuation (a comma, a quotation mark, a spaced dash...) separates token i from i-1."""
        gap = self.gap(i)
        return any(ch in _BOUNDARY for ch in gap) or (gap.strip() == "-" and gap != "-")

    def span(self, idx: list[int]) -> str:
        """The text from token idx[0] to token idx[-1] (a blanked bracketed acronym left out)."""
        if not idx:
            return ""
        text = self.text[self.toks[idx[0]].start : self.toks[idx[-1]].end]
        return _BLANKS.sub(" ", text) if "   " in text else text


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotations of a passage as (start, end) offsets including the marks: curly pairs, then straight pairs."""
    spans: list[tuple[int, int]] = []
    i = 0
    while (start := text.find(_QUOTE_OPEN, i)) >= 0:
        end = text.find(_QUOTE_CLOSE, start + 1)
        end = len(text) if end < 0 else end + 1
        spans.append((start, end))
        i = end
    marks = [m.start() for m in re.finditer('"', text) if not any(s <= m.start() < e for s, e in spans)]
    spans.extend((a, b + 1) for a, b in zip(marks[::2], marks[1::2]))
    return sorted(spans)


def _sentence_spans(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, a sentence that ends inside a quotation joined to the next one, and one that only seems to
    end at an abbreviation ("Gen.", "Mr.", "the U.S. Congress") too."""
    out: list[tuple[int, int]] = []
    for start, end in sentences(text):
        if out and (any(s < out[-1][1] < e for s, e in quotes) or _ends_in_abbreviation(text, out[-1], start)):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _ends_in_abbreviation(text: str, previous: tuple[int, int], start: int) -> bool:
    """Whether a sentence ends at an abbreviation, not a full stop: a title's short form or an initial
    always; an initialism ("U.S.") unless the next sentence starts with a function word ("The", "It")."""
    tail = text[max(previous[0], previous[1] - 8) : previous[1]]
    if _TITLE_END.search(tail):
        return True
    if _INITIALISM_END.search(tail):
        first = re.match(r"[^\W_]+", text[start:])
        return first is not None and fold(first.group()) not in STOPWORDS
    return False


_THOUSANDS = re.compile(r"\d,\d{3}\b")


def _whole_numbers(text: str, toks: list[Token]) -> list[Token]:
    """A number written with thousands commas is one token ("40,000", folded "40000"): its comma is no
    break ("the 40,000-strong union said")."""
    out: list[Token] = []
    for tok in toks:
        prev = out[-1] if out else None
        if (prev is not None and tok.raw.isdigit() and len(tok.raw) == 3 and prev.raw.replace(",", "").isdigit()
                and text[prev.end : tok.start] == ","):
            out[-1] = Token(prev.norm + tok.norm, text[prev.start : tok.end], prev.start, tok.end)
        else:
            out.append(tok)
    return out


def _sentence_tokens(sentence: str) -> tuple[str, list[Token]]:
    """A sentence's text as attribution reads it (bracketed acronyms blanked out, offsets unchanged) and its
    tokens, each abbreviation one token with its period ("U.S.", "Gen.")."""
    text = sentence
    if "(" in sentence:
        text = _BRACKETED_WORD.sub(_initials_blanked, _BRACKETED_ACRONYM.sub(lambda m: " " * len(m.group()), text))
    toks = tokens(text)
    if "," in text and _THOUSANDS.search(text) is not None:
        toks = _whole_numbers(text, toks)
    spans = [m.span() for m in _ABBREVIATION.finditer(text)] if "." in text[:-1] or "&" in text else []
    if not spans:
        return text, toks
    merged: list[Token] = []
    k = 0
    for start, end in spans:
        while k < len(toks) and toks[k].end <= start:
            merged.append(toks[k])
            k += 1
        inside = []
        while k < len(toks) and toks[k].start < end:
            inside.append(toks[k])
            k += 1
        if not inside:
            continue
        raw = text[inside[0].start : end]
        # An initialism keeps its periods in its folded form ("u.s.", never the pronoun "us"); a short form
        # folds to its word ("gen").
        norm = fold(raw) if raw.count(".") > 1 else fold(raw.rstrip("."))
        merged.append(Token(norm, raw, inside[0].start, end))
    merged.extend(toks[k:])
    return text, merged


def _quote_text(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]].strip(" “”\"").strip()


def _speech_quote(text: str, span: tuple[int, int]) -> bool:
    """A quotation of speech, not a scare-quoted term: at least three words."""
    return len(_quote_text(text, span).split()) >= 3


def _near_quote(s: _Sentence, quotes: list[tuple[int, int]], sentence: tuple[int, int], before: int,
                after: int) -> tuple[int, int] | None:
    """The quotation an attribution closes (ending just before offset `before`) or introduces (the first
    starting after offset `after` in the same sentence)."""
    lo, hi = sentence
    closing = [q for q in quotes if lo <= q[0] and q[1] <= before and not _WORDS.search(s.text, q[1], before)]
    opening = [q for q in quotes if after <= q[0] < hi]
    for q in closing[-1:] + opening[:1]:
        if _speech_quote(s.text, q):
            return q
    return None


_WORDS = re.compile(r"[^\W_]")


def _outside_words(text: str, lo: int, hi: int, inner: list[tuple[int, int]]) -> bool:
    """Whether the sentence has words outside its quotations."""
    pos = lo
    for s, e in inner:
        if _WORDS.search(text, pos, s):
            return True
        pos = e
    return bool(_WORDS.search(text, pos, hi))

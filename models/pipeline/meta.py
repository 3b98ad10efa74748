"""Title, author, outlet and date, read only from what the page itself states.

Metadata is looked for in the furniture that cleaning removed (title line, byline, dateline, copyright, author
bio, disclaimer, newsletter footer) and in a wire-service dateline opening the first paragraph ("ANKARA
(Reuters) -", "MOSCOW, October 27. /TASS/."); it is never guessed from the body: "in July 2019" in a paragraph
is not a publication date. A field the text does not state stays None.
"""

from __future__ import annotations

import datetime as dt
import re

from models.document import Cleaned, Meta, Removed

_NAME = r"[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|bin|al|da|di|del|la|le))*"
_BYLINES = [
    re.compile(rf"^[Bb]y\s+({_NAME}(?:(?:,| and| &) {_NAME})*)\s*(?:[|•·,–—-].*)?$"),
    re.compile(rf"^(?:[Aa]uthor|[Ww]ritten by|[Ww]ords by|[Rr]eporting by)\s*:?\s+({_NAME}(?:(?:,| and| &) {_NAME})*)"),
    re.compile(rf"^[Aa]rticles by\s*:?\s+({_NAME})"),
    re.compile(rf"^About ({_NAME})\s*$"),
]
_BIO_NAME = re.compile(rf"^({_NAME}) (?:is|was) ")
_NOT_NAMES = {"The", "This", "About", "Author", "Articles", "Our", "We", "It"}

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for m in names
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DATE_MDY = re.compile(rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_DOTS = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")  # 15.07.2021: day first, as written in Europe

_ORIGINAL_SOURCE = re.compile(r"original source of this article is\s+(.+?)(?:\s+Copyright\b|[.;]|\s*$)", re.IGNORECASE)
_DATELINE_SOURCE = re.compile(r"^([^,.!?]{2,60}),\s+(?:\w+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+\w+\.?\s+\d{4})\s*$")
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\s*((?:©|\(c\)|\d{4}(?:\s*[-–]\s*\d{4})?|\s)*)(.+)$", re.IGNORECASE)
_WIRE = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,40}?(?:,\s+[A-Z][a-z]+\.? \d{1,2})?\s*(?:\(([A-Z][\w&. -]{1,30})\)\s*[-–—]|\.?\s*/([A-Z][\w&-]{1,20})/\.)")
_AGENCY_BYLINE = re.compile(r"^(.{2,40}?)\s+with agencies$", re.IGNORECASE)
_BIO_OUTLET = re.compile(r"\b(?:reporter|correspondent|editor|columnist|writer|contributor|journalist|producer)\s+(?:for|at|with|to)\s+(?:the\s+)?((?:[A-Z][\w&'’-]*)(?: [A-Z][\w&'’-]*){0,4})")
_THANKS = re.compile(r"^thanks for reading\s+(.{2,60}?)[!.]", re.IGNORECASE)
_BARE_NAME = re.compile(rf"^({_NAME})$")
_REFLECT = re.compile(r"reflect(?:s)?\s+(?:the\s+(?:views|position|policy)\s+of\s+)?(?:the\s+)?((?:[A-Z]|[a-z]{1,3}[A-Z])[\w.&-]*(?: [A-Z][\w.&-]*){0,4}?)(?:['’]s?)?\s+(?:editorial|official|views|position|policy)")
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def extract_meta(cleaned: Cleaned) -> Meta:
    """Metadata from the removed pieces of one article (and the wire dateline of its first paragraph)."""
    by_rule: dict[str, list[Removed]] = {}
    for piece in cleaned.removed:
        by_rule.setdefault(piece.rule, []).append(piece)
    title = next((p.text.strip() for p in by_rule.get("title", [])), None)
    first = [p.text for p in cleaned.paragraphs[:2]]  # the first may be a standfirst above the dateline
    author = _author(by_rule) or _name_above_date(cleaned.removed)
    return Meta(title=title or None, author=author, source=_source(by_rule, first), date=_date(cleaned.removed))


def _author(by_rule: dict[str, list[Removed]]) -> str | None:
    bylines = [p.text.strip() for p in by_rule.get("byline", [])]
    for pattern in _BYLINES:
        for text in bylines:
            m = pattern.match(text)
            if m and _plausible_name(m.group(1)):
                return _tidy(m.group(1))
    for piece in by_rule.get("author-bio", []):
        m = _BIO_NAME.match(piece.text.strip())
        if m and _plausible_name(m.group(1)):
            return _tidy(m.group(1))
    return None


def _name_above_date(pieces: tuple[Removed, ...]) -> str | None:
    """A bare name on its own line right above a date, at the head of the page (blog and newsletter
    bylines): "Nora Halloway" / "Mar 3, 2022"."""
    for piece, below in zip(pieces, pieces[1:]):
        if piece.rule not in ("head-short-line", "byline") or below.line > piece.line + 2:
            continue
        m = _BARE_NAME.match(piece.text.strip())
        if m and 2 <= len(m.group(1).split()) <= 4 and parse_date(below.text) and not piece.text.isupper():
            return _tidy(m.group(1))
    return None


def _plausible_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 12 and words[0] not in _NOT_NAMES


def _tidy(value: str) -> str:
    return value.strip().strip(",;:.").strip()


def _source(by_rule: dict[str, list[Removed]], first_paragraphs: list[str]) -> str | None:
    """The outlet, from the strongest statement the page makes about itself."""
    for piece in by_rule.get("dateline", []):
        m = _DATELINE_SOURCE.match(piece.text.strip())
        if m and m.group(1).strip().lower() not in _WEEKDAYS and not re.search(r"\d", m.group(1)):
            return _tidy(m.group(1))
    for paragraph in first_paragraphs:
        m = _WIRE.match(paragraph)
        if m:
            return _tidy(m.group(1) or m.group(2))
    for piece in by_rule.get("byline", []):
        m = _AGENCY_BYLINE.match(piece.text.strip())
        if m:
            return _titled(_tidy(m.group(1)))
    for piece in by_rule.get("original-source", []):
        m = _ORIGINAL_SOURCE.search(piece.text)
        if m:
            return _tidy(m.group(1))
    author = _author(by_rule)
    for piece in by_rule.get("copyright", []) + by_rule.get("original-source", []):
        m = _COPYRIGHT.search(piece.text)
        if not m:
            continue
        parts = [_tidy(part) for part in m.group(2).split(",")]
        parts = [p for p in parts if p and not re.fullmatch(r"\d{4}", p) and p != author and "rights reserved" not in p.lower()]
        if parts and len(parts[-1].split()) <= 6:
            return parts[-1]
    for piece in by_rule.get("disclaimer", []):
        m = _REFLECT.search(piece.text)
        if m:
            return _tidy(m.group(1))
    for piece in by_rule.get("newsletter", []):
        m = _THANKS.match(piece.text.strip())
        if m:
            return _tidy(m.group(1))
    for piece in by_rule.get("author-bio", []):
        m = _BIO_OUTLET.search(piece.text)
        if m:
            return _tidy(m.group(1))
    return None


def _titled(name: str) -> str:
    """"DAILY SABAH" -> "Daily Sabah"; names already in mixed case are left alone."""
    return name.title() if name.isupper() and len(name) > 4 else name


def _date(pieces: tuple[Removed, ...]) -> str | None:
    """The first full date stated in a dateline, byline or a short line at the head or tail."""
    for rule in ("dateline", "byline", "head-short-line", "tail-short-line", "title"):
        for piece in pieces:
            if piece.rule == rule:
                found = parse_date(piece.text)
                if found:
                    return found
    return None


def parse_date(text: str) -> str | None:
    """The first full date in `text` as ISO YYYY-MM-DD, or None."""
    candidates: list[tuple[int, int, int, int]] = []  # (position, year, month, day)
    for m in _DATE_MDY.finditer(text):
        candidates.append((m.start(), int(m.group(3)), _MONTHS[m.group(1).lower()[:3]], int(m.group(2))))
    for m in _DATE_DMY.finditer(text):
        candidates.append((m.start(), int(m.group(3)), _MONTHS[m.group(2).lower()[:3]], int(m.group(1))))
    for m in _DATE_ISO.finditer(text):
        candidates.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _DATE_DOTS.finditer(text):
        candidates.append((m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for _, year, month, day in sorted(candidates):
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None

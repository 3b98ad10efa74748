"""Publication dates as pages write them, parsed with python-dateutil.

A date is only taken from a span that states a full date (day, month and year): "Sept. 12, 2021",
"12 September 2021", "25 Mar 2021 22:17", "2021/03/25 23:30", "2021-03-25", "15.07.2021", "03/04/2021".
Finding the span is this module's job (bounded patterns, so a long line costs linear time); reading it is
dateutil's (month names and abbreviations, ordinals, impossible dates such as 30 February rejected).

"03/04/2021" is 3 April to a European and March 4 to an American. The page itself usually says which: another
numeric date on it whose first number is above 12 ("25.03.2021") or whose second is, or the order in which it
writes dates with month names ("25 March" against "March 25"). `day_first` reads that from the whole text;
numbers separated by dots are always read day first (the European convention that writes them so), and with
no evidence at all, numbers separated by slashes or dashes month first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
# Day, month name and year apart by spaces, or by dashes, slashes or dots ("14-Jul-2024", "14.Jul.2024"); a
# day glued to the word before it ("Reporter17 July 2013": a byline run into its date) is still a day.
_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\d.:/-])\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|[-/.]){_MONTH}\.?(?:,?\s+|[-/.])\d{{4}}(?!\d)", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\.?(?:\s+|[-/])\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+|[-/])\d{{4}}(?!\d)", re.IGNORECASE)
_YEAR_FIRST = re.compile(r"\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")  # also "2024-07-14T09:10"
_NUMERIC = re.compile(r"\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b")
_DAY_MONTH_WORDS = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b", re.IGNORECASE)
_MONTH_DAY_WORDS = re.compile(rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:\d|:))", re.IGNORECASE)
_SEPARATORS = re.compile(r"(?<=[A-Za-z\d.])[-/.](?=[A-Za-z\d])")  # "14-Jul-2024" -> "14 Jul 2024" for dateutil
SCAN_CHARS = 400  # a date line is short: only its start is searched


def day_first(text: str) -> bool | None:
    """Whether `text` writes numeric dates day first (True), month first (False), or does not say (None)."""
    votes = 0
    for m in _NUMERIC.finditer(text):
        first, second = int(m.group(1)), int(m.group(3))
        if first > 12 >= second:
            votes += 2
        elif second > 12 >= first:
            votes -= 2
    votes += len(_DAY_MONTH_WORDS.findall(text)) - len(_MONTH_DAY_WORDS.findall(text))
    return None if votes == 0 else votes > 0


def parse_date(text: str, dayfirst: bool | None | Callable[[], bool | None] = None) -> str | None:
    """The first full date stated in `text` as ISO YYYY-MM-DD, or None.

    `dayfirst` settles "03/04/2021" (see `day_first`); it is never needed when a number is above 12, so it
    may be given as a function, called only when a date is ambiguous.
    """
    text = text[:SCAN_CHARS]
    spans: list[tuple[int, str, bool, bool]] = []  # (position, span, dayfirst, yearfirst)
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in pattern.finditer(text):
            spans.append((m.start(), _SEPARATORS.sub(" ", m.group()), False, False))
    for m in _YEAR_FIRST.finditer(text):
        spans.append((m.start(), f"{m.group(1)}-{m.group(3)}-{m.group(4)}", False, True))
    for m in _NUMERIC.finditer(text):
        first, second = int(m.group(1)), int(m.group(3))
        if first > 12:
            first_is_day = True
        elif second > 12:
            first_is_day = False
        elif m.group(2) == ".":
            first_is_day = True  # dotted dates are the European convention, written day first
        else:
            if callable(dayfirst):
                dayfirst = dayfirst()
            first_is_day = bool(dayfirst)
        spans.append((m.start(), f"{m.group(1)}/{m.group(3)}/{m.group(4)}", first_is_day, False))
    for _, span, dayfirst_here, yearfirst in sorted(spans):
        found = _read(span, dayfirst_here, yearfirst)
        if found is not None:
            return found.isoformat()
    return None


def _read(span: str, dayfirst: bool, yearfirst: bool) -> dt.date | None:
    from dateutil import parser

    try:
        return parser.parse(span, dayfirst=dayfirst, yearfirst=yearfirst).date()
    except (ValueError, OverflowError):
        return None


# What a line of dates is made of besides its dates: times ("8:12", "1:40pm"), meridiems and time zones
# ("AM", "EDT", "GMT+3"), weekdays, and the words that introduce a date ("Updated", "Published on").
_TIME_WORD = re.compile(r"^(?:\d{1,2}(?::\d{2}){1,2}(?:[ap]\.?m\.?)?|\d{1,2}[ap]\.?m\.?|[ap]\.?m\.?|\d{1,4}(?:st|nd|rd|th)?)$", re.IGNORECASE)
_ZONE = re.compile(r"^(?:[A-Z]{2,4}(?:[+-]\d{1,2})?|[A-Z]{2,4}\d?)$")  # "EDT", "GMT+3", "IST" (written in capitals)
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?$", re.IGNORECASE)
_DATE_WORDS = frozenset("updated update published posted last modified on at created first revised".split())
_TOKEN_SPLIT = re.compile(r"[\s,;|/·•()\[\]–—-]+")
_MONTH_WORD = re.compile(_MONTH + r"\.?", re.IGNORECASE)
DATE_LINE_OTHER_WORDS = 2  # "Global Research, April 26, 2019", "News Local Tuesday, July 2nd, 2024": a label at most


def date_line(text: str) -> bool:
    """A line that states a date and little else: "March 26, 2024, 8:12 AM EDT / Updated March 26, 2024, 1:40 PM
    EDT", "Published 14-Jul-2024 09:10", "Global Research, April 26, 2019". A title or a sentence that mentions a
    date ("Police arrest protesters over the 2023 bill") has more words of its own."""
    if len(text) > SCAN_CHARS or parse_date(text) is None:
        return False
    rest = without_dates(text)
    other = 0
    for token in _TOKEN_SPLIT.split(rest):
        token = token.strip(".:")
        if not token or _TIME_WORD.match(token) or _ZONE.match(token) or _WEEKDAY.match(token) or token.lower() in _DATE_WORDS:
            continue
        if _MONTH_WORD.fullmatch(token):
            continue
        other += 1
    return other <= DATE_LINE_OTHER_WORDS


def without_dates(text: str) -> str:
    """`text` with its full dates blanked out: "Evening Standard Reporter17 July 2013" -> "Evening Standard Reporter "."""
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _YEAR_FIRST, _NUMERIC):
        text = pattern.sub(" ", text)
    return text


def date_start(text: str) -> int | None:
    """Where the first full date in `text` starts (the position of its first character), or None."""
    starts = [m.start() for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _YEAR_FIRST, _NUMERIC) if (m := pattern.search(text[:SCAN_CHARS]))]
    return min(starts) if starts else None


def date_words(text: str) -> bool:
    """Whether `text` is only words that introduce or go with a date ("Published", "Updated on", "at")."""
    return all(w.lower() in _DATE_WORDS or _WEEKDAY.match(w) for w in _TOKEN_SPLIT.split(text.strip(" .:")) if w)


_LEAD_SPANS = (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _YEAR_FIRST)
# glued to the first word, a space before it (prose puts a comma after a date that opens it: "June 23, 2023, the"),
# or a dash
_AFTER_LEADING = re.compile(r"\s?(?:[A-Z“\"‘']|[-–—]{1,2}\s+[A-Z“\"‘'])")


_DATE_LABEL = re.compile(r"\s*((?:date|published|updated|posted)\b\s*:?\s*)?", re.IGNORECASE)  # "date 2023-09-13 In ..."


def _leading(text: str) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """Each date a paragraph may open with (past its label: "Published: "), with what follows it when that reads
    as the body run into it: (the date's match, the following text's match), in `_LEAD_SPANS` order."""
    label = _DATE_LABEL.match(text)
    for pattern in _LEAD_SPANS:
        m = pattern.match(text[:SCAN_CHARS], label.end() if label and label.group(1) else 0)
        if m and (after := _AFTER_LEADING.match(text, m.end())):
            yield m, after


def leading_date_end(text: str) -> int | None:
    """Where the text after a date the paragraph opens with (`leading_date`) starts, past its label, the date and a
    dash; None without one."""
    for m, after in _leading(text):
        if parse_date(m.group()):
            return after.end() - 1  # (the capital or quote that opens the body)
    return None


def leading_date(text: str) -> str | None:
    """The date a paragraph opens with when the page ran it into the text ("June 23, 2023The family ...", "March
    3, 2024 – The council ...", with its label: "date 2023-09-13 In ...", "Published: 3 March 2024 The ..."), as
    ISO; None when the paragraph is prose that starts with a date ("June 23, 2023 was ...")."""
    for m, _ in _leading(text):
        return parse_date(m.group())
    return None

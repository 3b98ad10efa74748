"""Title, author, outlet and date, read only from what the page itself states.

Metadata is read from the furniture cleaning removed, **by role** (models/config.py ROLES; the title and
byline lines the general evidence found carry roles too), never by a rule's id: a user who renames a rule
loses nothing. Pieces without a role are still read by their shape ("By Jane Doe" above the body, a date
line, a copyright line), so a user's own rule without a role loses nothing either. Also read: a wire
dateline opening the first paragraph ("ANKARA (Reuters) -", "MOSCOW, October 27. /TASS/.", "MOSCOW. March 25
(Interfax) -") and an agency byline ("By REUTERS", "Name, Reuters", "DAILY SABAH WITH AGENCIES"). It is
never guessed from the body: "in July 2019" in a paragraph is not a publication date. A field the text does
not state stays None. Dates are parsed by models/pipeline/dates.py (python-dateutil), with the page's own
way of writing dates settling day-first against month-first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from models.document import Cleaned, Meta, Removed
from models.pipeline.dates import date_line, date_start, date_words, day_first, leading_date, parse_date, without_dates
from models.pipeline.evidence import PICTURE_WORDS, WIRE_DATELINE, glued_repeat, initials_of, handle_byline, name_line, title_suffix

_NAME = r"[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|bin|al|da|di|del|la|le))*"
_BYLINES = [
    # "By Jane Doe", "By Jane Doe | Outlet", "By Jane Doe (Outlet)"
    re.compile(rf"^(?i:by)\s+({_NAME}(?:(?:,| and| &) {_NAME})*)\s*(?:\((?P<paren>[^()]{{2,40}})\)|[|•·,–—-]\s*(?P<after>.*))?$"),
    # "Author: Jane Doe", "Written By: Jane Doe", "Story written by Jane Doe"
    re.compile(rf"^(?:[A-Z][a-z]+ ){{0,2}}?(?i:author|written by|words by|reporting by)\s*:?\s+({_NAME}(?:(?:,| and| &) {_NAME})*)"),
    re.compile(rf"^[Aa]rticles by\s*:?\s+({_NAME})"),
    re.compile(rf"^About ({_NAME})\s*$"),
    # "From Example News' Jane Doe": a live blog's post by one of the outlet's reporters
    re.compile(rf"^From (?:the )?(?P<outlet>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){{0,3}})(?:['’]s?) (?P<names>{_NAME}(?:(?:,| and| &) {_NAME})*)\s*$"),
    # "Reporter Jane Doe", "Staff Writer: Jane Doe": the byline's role word before the name
    re.compile(rf"^(?:[A-Z][a-z]+ )?(?i:reporter|correspondent|writer|editor|columnist|contributor|journalist)\s*:?\s+({_NAME}(?:(?:,| and| &) {_NAME})*)\s*$"),
]
_PARTS = re.compile(r",| and | & ")
# A wire's numbered update marker on the title ("UPDATE 2-Ship freed", "Ship freed (2nd UPDATE)", "(UPDATE 3) ..."):
# the copy's version, not the headline's words. A bare "UPDATE:" is a site's label the headline keeps.
_UPDATE_MARK = re.compile(
    r"^\s*(?:UPDATE\s+\d+\s*[-–—:]\s*|\((?:\d+(?:st|nd|rd|th)\s+UPDATE|UPDATE\s+\d+)\)\s*[-–—:]?\s*)"
    r"|\s*[-–—]?\s*\((?:\d+(?:st|nd|rd|th)\s+UPDATE|UPDATE\s+\d+)\)\s*$",
    re.IGNORECASE,
)
_SEPARATED = re.compile(r"\s+[|•·]\s+")  # the parts of a byline printed on one line
_LEAD_BYLINES = (_BYLINES[0], _BYLINES[4])  # the patterns that read a whole line: "By ...", "From Outlet's ..."
_READ_TIME = re.compile(r"[\s<>|•·,–—-]*\d+\s*-?\s*min(?:ute)?s?\.?\s+read\b.*$", re.IGNORECASE)  # "< 1 MINUTE READ"
_CLASS_YEAR = re.compile(r"(?<=\w)\s+['’‘]\d{2}\b")  # "By Jane Doe ’10": a student paper's class year after a name
_DATE_THEN_BY = re.compile(r"^(.{4,60}?)\s+((?i:by)\s+\S.*)$")  # "03.11.2019 by Jane Doe", "Posted on March 3, 2024 by Jane Doe"
# Words that end an organisation's name, not a person's ("Riverside Courier", "Press Association", "Metro News"):
# what an outlet or agency calls itself, in English.
ORGANISATION_WORDS = frozenset(
    "press news newswire wire agency agencies service services association media network bureau desk newsroom "
    "times post herald tribune journal gazette courier chronicle telegraph observer today daily weekly magazine "
    "radio tv television online digital examiner inquirer enquirer dispatch register sentinel bulletin mail mirror "
    "express standard guardian independent review report insider monitor company".split()
)
_BIO_NAME = re.compile(rf"^({_NAME}) (?:is|was) ")
_NOT_NAMES = {"The", "This", "About", "Author", "Articles", "Our", "We", "It"}
TAIL_BYLINE_LINES = 8  # a byline printed under the body ("Reporter Jane Doe", "Written by Jane Doe") stands right there
SCAN = 300  # characters of a removed piece the patterns read: metadata stands at its start

_ORIGINAL_SOURCE = re.compile(r"original source of this article is\s+(.+?)(?:\s+Copyright\b|[.;]|\s*$)", re.IGNORECASE)
_DATELINE_SOURCE = re.compile(r"^([^,.!?]{2,60}),\s+(?:\w+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+\w+\.?\s+\d{4})\s*$")
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\s*((?:©|\(c\)|\d{4}(?:\s*[-–]\s*\d{4})?|\s)*)(.+)$", re.IGNORECASE)
_WIRE = re.compile(  # the place may be left out ("(KNW) — The ..."), or name its region in brackets ("Portland (Maine) (KNW) –")
    r"^(?:[A-Z][A-Za-z .,'’()-]{1,40}?(?:[,.]\s+[A-Z][a-z]+\.? \d{1,2}(?:,? \d{4})?\.?)?\s*)?"
    r"(?:\(([A-Z][\w&. -]{1,30})\)\s*[-–—]|\.?\s*/([A-Z][\w&-]{1,20})/\.|\|\s*([A-Z][\w&.-]{1,20})\s*\|)"
)  # (or the agency between bars: "Portland, Maine | KNW | The ...")
_AGENCY_BYLINE = re.compile(r"^(?:by\s+)?(.{2,40}?)\s+with agencies$", re.IGNORECASE)
_BIO_OUTLET = re.compile(r"\b(?:reporter|correspondent|editor|columnist|writer|contributor|journalist|producer)\s+(?:for|at|with|to)\s+(?:the\s+)?((?:[A-Z][\w&'’-]*)(?: [A-Z][\w&'’-]*){0,4})")
_STAFF_OF = re.compile(r"\bby (?:the )?([A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}) (?:staff|editors|newsroom)\b")
_THANKS = re.compile(r"^thanks for reading\s+(.{2,60}?)[!.]", re.IGNORECASE)
_BARE_NAME = re.compile(rf"^({_NAME})$")
_REFLECT = re.compile(r"reflect(?:s)?\s+(?:the\s+(?:views|position|policy)\s+of\s+)?(?:the\s+)?((?:[A-Z]|[a-z]{1,3}[A-Z])[\w.&-]*(?: [A-Z][\w.&-]*){0,4}?)(?:['’]s?)?\s+(?:editorial|official|views|position|policy)")
_ORGANISATION = re.compile(r"^[A-Z][\w&.-]*$")  # one capitalised word ("Reuters", "AFP", "REUTERS"): no person's name
_OUTLET_AFTER = re.compile(r"^[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|of|the|and|&)){0,4}$")
_STAFF = {"staff", "writer", "writers", "reporter", "reporters", "correspondent", "editor", "editors", "contributor"}
_STAFF_QUALIFIERS = {"senior", "chief", "special", "associate", "assistant", "managing", "news", "political", "foreign", "contributing"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def extract_meta(cleaned: Cleaned) -> Meta:
    """Metadata from the removed pieces of one article (and the wire dateline of its first paragraph)."""
    pieces = _joined_keyword(cleaned.removed)
    first_line = cleaned.paragraphs[0].line if cleaned.paragraphs else 10**9
    head = [p for p in pieces if p.line < first_line]
    roles: dict[str, list[Removed]] = {}
    for piece in pieces:
        if piece.role:
            roles.setdefault(piece.role, []).append(piece)
    titles = [p.text.strip() for p in roles.get("title", [])]
    title = titles[0] if titles else None
    site = None
    if title:
        title, site = _site_before(_headline(title))
        title, after = title_suffix(title)
        site = site or after
        for again in titles[1:]:  # the title printed again with the site's name after it
            site = site or title_suffix(again)[1]
        if site is None:
            title, site = _site_after(title, cleaned)
    else:  # a breadcrumb ending in the headline, removed as navigation: "Home > News > <title>"
        title = next((t for p in head if p.role is None and (t := _after_breadcrumb(p.text.strip(), _body_words(cleaned)))), None)
    first = [p.text for p in cleaned.paragraphs[:2]]  # the first may be a standfirst above the dateline
    last_line = cleaned.paragraphs[-1].line if cleaned.paragraphs else 10**9
    tail = [p for p in pieces if last_line < p.line <= last_line + TAIL_BYLINE_LINES and not _CREDITS.match(p.text.strip()[:SCAN])]
    top = cleaned.paragraphs[2].line if len(cleaned.paragraphs) > 2 else 10**9
    lead = [p for p in pieces if first_line < p.line < top and p.role != "title"] + [
        Removed(p.text, "", p.line) for p in cleaned.paragraphs[:2]]  # a byline kept as a paragraph, or just under one
    author, agency = _author(roles, head, tail, lead)
    if author is None:
        title_line = min((p.line for p in roles.get("title", [])), default=0)
        author = _name_above_date([p for p in pieces if p.line > title_line])  # a name above the title is the masthead
    credited, credit_outlet = _credits(pieces)
    author = _portrait(author) if author else credited
    wire = _wire(roles, first)  # the agency a wire dateline names ("PARIS (KNW) —"), read once for both
    if author is None:  # wire copy that names no person: the agency its dateline names is its byline
        author = wire
    source = agency or _source(roles, pieces, wire, author) or (_titled(site) if site else None) or credit_outlet
    source = source or _masthead(head, title) or _head_outlet(head, title, lambda: _lower_words(cleaned)) or _domain_line(pieces)
    source = source or _tail_agency(tail, lambda: _lower_words(cleaned))
    if source is None:  # a deck may stand between the title and the byline: the top is above the third paragraph
        source = _under_byline([p for p in pieces if p.line < top], title)
    def order() -> bool | None:  # read only when a date on the page is ambiguous
        everything = " ".join([p.text for p in pieces] + [p.text for p in cleaned.paragraphs[:3]])
        return day_first(everything[:20000])

    date = _date(roles, pieces, first_line, order)
    if date is None and cleaned.paragraphs:  # a date run into the first paragraph: "June 23, 2023The family ..."
        date = leading_date(cleaned.paragraphs[0].text)
        dateline = _WIRE.match(cleaned.paragraphs[0].text[:SCAN])
        date = date or (parse_date(dateline.group(0)) if dateline else None)  # or in its wire dateline: "Portland, March 3, 2025 (KNW) –"
    return Meta(title=title or None, author=author, source=source, date=date)


# "By: Jane Doe", "By the Example Press", "Posted by jdoe on March 3, 2025"
_BY_KEYWORD = re.compile(r"^(?:(?i:posted|published)\s+)?(?i:by)\s*:?\s+(?:the\s+(?=[A-Z]))?")
_BRACKETED = re.compile(r"^\(([A-Z][\w&.-]{1,20})\)$")  # "(KNW)": an agency's name alone in brackets, as its byline
_DATE_TAIL = re.compile(r"[\s,;|•·/–—-]*$")


_COPY_NUMBER = re.compile(r"\s+\(\d{1,2}\)$")  # "<title> (1)": a numbered copy of the same headline
_CRUMB = re.compile(r"\s+[>»›]\s+")  # "Island News > <title>"
CRUMB_MAX_WORDS = 4  # a section's name in a breadcrumb is a label of a few words


def _headline(title: str) -> str:
    """The headline without what a page or feed adds to it: a wire's update marker ("UPDATE 2-"), a copy's
    number ("(1)"), a breadcrumb of section names before it ("Island News > ")."""
    title = _COPY_NUMBER.sub("", _UPDATE_MARK.sub("", title).strip()) or title
    return _after_breadcrumb(title) or title


def _body_words(cleaned: Cleaned) -> set[str]:
    return {w for p in cleaned.paragraphs for w in re.findall(r"[a-z]{4,}", p.text.lower())}


def _after_breadcrumb(text: str, body: set[str] | None = None) -> str | None:
    """"Home > Island News > <headline>" -> the headline: what follows labels of a few words each, parted by an
    arrow or slashes (on a line standing alone, slashes only before words of the body's); None when the line is
    no such breadcrumb or ends in no headline (three words or more, no stop)."""
    parts = _CRUMB.split(text)
    if len(parts) < 2:
        parts = text.split(" / ")  # "Home / Travel / <headline>": slashes part a breadcrumb from two on
        parts = parts if len(parts) >= 3 else []
        if parts and body is not None and not set(re.findall(r"[a-z]{4,}", parts[-1].lower())) & body:
            return None  # (a line standing alone ends in the story's headline: "Facebook / Twitter / Share this article")
    if len(parts) < 2 or any(not 1 <= len(p.split()) <= CRUMB_MAX_WORDS for p in parts[:-1]):
        return None
    last = parts[-1].strip()
    return last if len(last.split()) >= 3 and not last.endswith(".") else None


SITE_RARE_ZIPF = 3.5  # a word in a site's name rarer than this in English at large is a name ("GeekWire")
_SITE_DASHES = (" – ", " — ", " - ")


def _site_after(title: str, cleaned: Cleaned) -> tuple[str, str | None]:
    """"<headline> – Harbour Gazette" -> (headline, "Harbour Gazette"): a name in ordinary case after the title's
    last dash is the site's when it reads as an outlet's (its last word an outlet's, initials, or a word rare in
    English) and the article never names it: a headline's own name after a dash ("… - Rosatom", the speaker)
    is quoted in the body."""
    for dash in _SITE_DASHES:
        head, sep, tail = title.rpartition(dash)
        tail = tail.strip()
        words = tail.split()
        if not sep or len(head.split()) < 3 or not 1 <= len(words) <= MASTHEAD_MAX_WORDS or not _OUTLET_AFTER.match(tail):
            continue
        body = " ".join(p.text for p in cleaned.paragraphs).lower()
        if _outlet_after(tail) and tail.lower() not in body:
            return head.strip(), tail
        return title, None
    return title, None


_LONE_BY = re.compile(r"^(?i:by)\s*:?$")


def _joined_keyword(pieces: tuple[Removed, ...]) -> tuple[Removed, ...]:
    """The byline's keyword on a line of its own joined to the line under it ("By" / "Jane Doe" -> "By Jane Doe")."""
    if not any(_LONE_BY.match(p.text.strip()) for p in pieces):
        return pieces
    out: list[Removed] = []
    skip = False
    for piece, below in zip(pieces, [*pieces[1:], None]):
        if skip:
            skip = False
            continue
        if below is not None and _LONE_BY.match(piece.text.strip()) and below.line - piece.line <= 2:
            out.append(replace(piece, text="By " + below.text.strip(), role=piece.role or below.role))
            skip = True
        else:
            out.append(piece)
    return tuple(out)


# "— KNW", "- REUTERS": an agency signing its copy, in capitals ("- Tokyo" is a list item, "— Tom" a signature)
_DASHED = re.compile(r"^(?:[–—]|--?)\s*([A-Z][A-Z&.-]{1,20})$")


def _outlet_name(name: str) -> bool:
    """Whether a few capitalised words read as an outlet's name: an outlet's last word ("Gazette"), initials, or a
    word rare in English at large ("GeekWire"), where a section's label is made of everyday words ("Opinion")."""
    from models import background

    words = name.split()
    return bool(words) and (words[-1].lower() in ORGANISATION_WORDS or any(
        _ACRONYM.match(w) or (background.available() and background.zipf(w.lower()) < SITE_RARE_ZIPF) for w in words if w[:1].isupper()))


def _outlet_after(name: str) -> bool:
    """An outlet's name after a title's dash: an outlet's last word ("Gazette"), initials, or one rare word built on
    an outlet's word or with a capital inside ("Knewswire", "GeekWire"); a rare word alone may be a section's
    label ("Explainer") or a place ("Kyiv")."""
    words = name.split()
    if not words or words[-1].lower() in ORGANISATION_WORDS or any(_ACRONYM.match(w) for w in words):
        return bool(words)
    last = words[-1]
    return _outlet_name(name) and (any(c.isupper() for c in last[1:]) or any(
        last.lower().endswith(w) or last.lower().startswith(w) for w in ORGANISATION_WORDS if len(w) >= 4))


def _site_before(title: str) -> tuple[str, str | None]:
    """"Opinion | <headline>", "Harbour Gazette | <headline>" -> the headline, and the site when the part before the
    bar is an outlet's name: a label of a few words before a longer headline that is no outlet's name itself."""
    head, sep, rest = title.partition(" | ")
    rest = rest.strip()
    if not sep or not 1 <= len(head.split()) <= CRUMB_MAX_WORDS or len(rest.split()) < max(3, len(head.split()) + 2):
        return title, None
    if not _OUTLET_AFTER.match(head.strip()) or _outlet_name(rest) or rest.endswith("."):
        return title, None
    return rest, (head.strip() if _outlet_name(head) else None)


def _byline_text(text: str) -> str:
    """A byline's words as the patterns read them: without a date before its "by" or a class year after a name,
    its keyword as "By " ("By: Jane Doe", "By the Example Press"), without the date printed after it ("By KNW
    Published March 3, 2025"); an agency alone in brackets ("(KNW)", "By (KNW)") is its byline ("By KNW")."""
    text = _READ_TIME.sub("", _CLASS_YEAR.sub("", text.strip()[:SCAN]))
    m = _DATE_THEN_BY.match(text)
    text = m.group(2) if m and date_line(m.group(1)) else text
    dashed = _DASHED.match(text)
    if dashed:
        return "By " + dashed.group(1)
    keyword = _BY_KEYWORD.match(text)
    if keyword is None and not text.startswith("(") and not text.endswith(")"):
        return text
    rest = text[keyword.end() if keyword else 0 :]
    at = date_start(rest)
    if at:  # the names, then the date: "KNW Published March 3, 2025", "Jane Doe | Updated: 03 Mar 2025"
        words = rest[:at].split()
        while words and date_words(words[-1]):
            words.pop()
        rest = _DATE_TAIL.sub("", " ".join(words)) or rest
    bracketed = _BRACKETED.match(rest) or (None if keyword else _BRACKETED.match(_tidy(without_dates(rest))))
    if bracketed:  # ("(KNW)", "March 3, 2025 (KNW)")
        return "By " + bracketed.group(1)
    return "By " + rest if keyword else text


def _author(
    roles: dict[str, list[Removed]], head: list[Removed], tail: list[Removed] = [], lead: list[Removed] = []
) -> tuple[str | None, str | None]:
    """The author, and the outlet when the byline names one after the author ("Jane Doe, Reuters"). A byline
    stated with its keyword ("By", "Written by", "Reporter") may also stand right under the body, or among the
    first paragraphs (`lead`: a live blog's long byline kept as its first paragraph, "From Example News' Jane
    Doe" under it), where only a whole line that is one (`_LEAD_BYLINES`) counts."""
    bylines = roles.get("byline", []) + [p for p in head if p.role is None] + [p for p in tail if p.role is None]
    # (a date line may carry the byline, "03.11.2019 by Jane Doe"; a byline with its keyword may have been taken
    # for something else at the head, "BY Example Magazine < 1 MINUTE READ" for a caption)
    keyed = [_byline_text(p.text) for p in bylines + roles.get("dateline", []) + [p for p in head if p.role not in (None, "title")]]
    in_lead = len(keyed)  # from here on, the lead's lines: only a whole line that is a byline counts
    keyed += [_byline_text(p.text) for p in lead if len(p.text) <= SCAN]
    for pattern in _BYLINES:
        for n, text in enumerate(keyed):
            if n >= in_lead and pattern not in _LEAD_BYLINES:
                continue
            m = pattern.match(text)
            if m is None:
                continue
            found = m.groupdict()  # ("From Example News' Jane Doe": the outlet before the names)
            names = found.get("names") or m.group(1)
            after = found.get("outlet") or found.get("after") or found.get("paren")
            if n >= in_lead and after is not None and not _OUTLET_AFTER.match(after.strip().strip(".")):
                continue  # a paragraph "By Tuesday evening, the fire had ..." is no byline
            if names.startswith("The ") and n < in_lead and _OUTLET_AFTER.match(names):
                return _tidy(names), _tidy(names)  # "By The Example Press": an organisation (no person is named "The")
            if _plausible_name(names):
                author, outlet = _split_outlet(names, after)
                return author or None, outlet
    bylines = bylines[: len(bylines) - len([p for p in tail if p.role is None])]  # a bare name below the body is no byline
    for piece in bylines + roles.get("dateline", []):  # "Jane Doe | Example Courier | March 3, 2024"
        parts = _SEPARATED.split(piece.text.strip()[:SCAN])
        rest = [_tidy(part) for part in parts[1:]]
        if len(parts) > 1 and name_line(parts[0]) and not _label(parts[0]) \
                and all(date_line(part) or _OUTLET_AFTER.match(part) for part in rest):
            return _tidy(parts[0]), next((part for part in rest if not date_line(part)), None)
    for piece in bylines:  # "Jane Doe (JaneDoe) • March 3, 2023": a name and its own handle
        text = piece.text.strip()[:SCAN]
        if handle_byline(text) == 0:
            return _tidy(text[: text.index(" (")]), None

    def dated(piece: Removed) -> bool:  # a byline stands right above the date more often than a menu does
        below = next((q for q in head if q.line > piece.line and q.text != piece.text), None)
        return below is not None and below.line - piece.line <= 2 and parse_date(below.text) is not None

    for piece in sorted(bylines, key=lambda p: not dated(p)):
        text = piece.text.strip()[:SCAN]
        copy = glued_repeat(text)
        if copy is not None and name_line(copy):
            return _tidy(copy), None
        if name_line(text) and len(_PARTS.split(text)) == 1 and text.split()[-1].lower() in ORGANISATION_WORDS:
            continue  # "Example Courier" under "Jane Doe": the outlet's name, not a second person
        if piece.role in ("byline", None) and name_line(text) and (dated(piece) or not _label(text)):
            # (a name printed with its date is a byline whatever its words: "Mark White" / "March 3, 2024")
            author, outlet = _split_outlet(_tidy(text), None, keyword=False)  # "Jane Doe, Riverside Courier"
            if piece.role == "byline" or outlet is not None:  # (a name line with an outlet after it: a byline even
                return author or None, outlet  # when the body uses the outlet's place name, "Riverside")
    for piece in bylines + roles.get("dateline", []):  # a user name as the byline: "By @jdoe", "jdoe123" alone under the title
        m = _USER_NAME.match(_byline_text(piece.text))
        if m and (m.group(1) or _user_name(m.group(2))):
            return m.group(2), None
    for piece in roles.get("author-bio", []):
        m = _BIO_NAME.match(piece.text.strip()[:SCAN])
        if m and _plausible_name(m.group(1)):
            return _tidy(m.group(1)), None
    return None, None


_USER_NAME = re.compile(r"^(By )?(@?[a-z][a-z0-9_]{2,29})$")  # a site's user name: one word, no capital


def _user_name(word: str) -> bool:
    """Whether a lowercase word alone at the head is a user name ("@jdoe", "jdoe123", "j_doe") and not a word
    of English ("advertisement", "loading"): a handle's mark, digits with letters, or no word English uses."""
    from models import background

    if word.startswith("@") or "_" in word or re.search(r"\d", word):
        return True
    return background.available() and background.zipf(word) <= background.UNKNOWN_ZIPF


_CREDITS = re.compile(r"^\(?\s*(?:([A-Z][\w&.'’-]*)\s+)?[Rr]eporting by\s+([^;()]{3,200})")
_PLACE_AFTER = re.compile(r"\s+(?:in|from)\s+[A-Z].*$")  # "Jane Doe in London"


def _credits(pieces: tuple[Removed, ...]) -> tuple[str | None, str | None]:
    """The wire's credits line ("Reporting by Jane Doe in London, John Roe; Editing by Ann Poe"): its first
    reporter is the author when no byline names one; an organisation among the reporters ("Reporting by
    Reuters", "Jane Doe for AFP", "Reuters reporting by …") is the outlet."""
    for piece in pieces:
        m = _CREDITS.match(piece.text.strip()[:SCAN])
        if m is None:
            continue
        outlet = m.group(1) if m.group(1) and _ORGANISATION.match(m.group(1)) and m.group(1) not in _NOT_NAMES else None
        author = None
        for part in re.split(r",| and | & ", m.group(2)):
            part = part.strip()
            name, _, org = part.partition(" for ")
            name = _PLACE_AFTER.sub("", name).strip().strip(".")
            if org.strip() and outlet is None:
                outlet = _tidy(org)
            if _ORGANISATION.match(name) or any(_ACRONYM.match(w) for w in name.split()):
                outlet = outlet or name  # "Reuters", "NL Times": one word, or a name with initials in it
            elif author is None and 2 <= len(name.split()) <= 4 and _BARE_NAME.match(name):
                author = name
        return author, (_titled(outlet) if outlet else None)
    return None, None


def _portrait(author: str) -> str:
    """"Jane Doe Avatar" -> "Jane Doe": a byline printed with its portrait's alt text."""
    words = author.split()
    return " ".join(words[:-1]) if len(words) >= 3 and words[-1].lower() in PICTURE_WORDS else author


def _split_outlet(names: str, after: str | None, keyword: bool = True) -> tuple[str, str | None]:
    """"Jane Doe, Reuters" -> ("Jane Doe", "Reuters"): a last part that is one word is an organisation, not a
    person (people are named with two words or more); so is a byline that is one word ("By REUTERS"), which
    is then both what the page gives as author and the outlet."""
    parts = [p.strip() for p in re.split(r",| and | & ", names) if p.strip()]
    outlet = None
    after = (after or "").strip().strip(".")
    if _ORGANISATION.match(after) or (_OUTLET_AFTER.match(after) and parse_date(after) is None):
        outlet = after  # "By Jane Doe | Associated Press": a few capitalised words after the separator
    last = parts[-1].split() if len(parts) > 1 else []
    words = names.split()
    the = re.search(r" (The [A-Z].*)$", names)
    if len(parts) == 1 and len(words) > 1 and words[-1].lower() in _STAFF:  # "By Newser Staff": an outlet's staff, no person
        return "", _titled(" ".join(words[:-1]))
    if keyword and len(parts) == 1 and len(words) > 1 and words[-1].lower() in ORGANISATION_WORDS:  # "By Press Association"
        return _tidy(names), outlet or _titled(_tidy(names))
    if the and the.start() > 0:  # "By Jane Doe and John Roe The Example Courier": no person is named "The"
        return _split_outlet(names[: the.start()], after or the.group(1))
    if len(parts) > 1 and all(_ACRONYM.match(p) or (p.isupper() and _ORGANISATION.match(p)) for p in parts):
        return _tidy(names), _titled(parts[0])  # "By KNW and AFW": two agencies, no person
    if len(words) > 2 and _ACRONYM.match(words[-1]) and not _ACRONYM.match(words[-2]) and words[-2].lower() not in ("and", "&"):
        # "By Jane Doe AFP"
        return _split_outlet(" ".join(words[:-1]), after or words[-1])
    if len(last) > 1 and last[-1].lower() in ORGANISATION_WORDS and not re.search(r" (?:and|&) ", parts[-1]):
        outlet = parts[-1]  # "Jane Doe, Riverside Courier": a name ending as an outlet's does
        names = names[: names.rfind(parts[-1])].rstrip(" ,&").removesuffix(" and")
    elif len(last) > 1 and last[-1].lower() in _STAFF:  # "Jane Doe, Newser Staff": the outlet and a role
        outlet = " ".join(last[:-1])
        names = names[: names.rfind(parts[-1])].rstrip(" ,&").removesuffix(" and")
    elif len(parts) > 1 and _ORGANISATION.match(parts[-1]):
        outlet = parts[-1]
        names = names[: names.rfind(parts[-1])].rstrip(" ,&").removesuffix(" and")
    elif len(parts) == 1 and _ORGANISATION.match(parts[0]):
        outlet = outlet or _titled(parts[0])
    else:  # "Jane Doe and John Roe, Example Post": a list of people ends at its "and"; what follows a comma after it is no person
        joined = max(names.rfind(" and "), names.rfind(" & "))
        comma = names.find(",", joined) if joined >= 0 else -1
        tail = names[comma + 1 :].strip() if comma >= 0 else ""
        if tail and _OUTLET_AFTER.match(tail) and not re.search(r" (?:and|&) ", tail) and parse_date(tail) is None:
            outlet = outlet or tail
            names = names[:comma]
    return _tidy(names), outlet


def _name_above_date(pieces: list[Removed]) -> str | None:
    """A bare name on its own line right above a date, at the head of the page (blog and newsletter
    bylines): "Nora Halloway" / "Mar 3, 2022"."""
    for piece, below in zip(pieces, pieces[1:]):
        if piece.role not in (None, "byline") or below.line > piece.line + 2:
            continue
        m = _BARE_NAME.match(piece.text.strip()[:SCAN])
        if m and (_BY_KEYWORD.match(m.group(1)) or m.group(1).split()[-1].lower() in _STAFF):
            continue  # "By Example Staff": a keyword's line, read by the byline patterns
        if m and 2 <= len(m.group(1).split()) <= 4 and parse_date(below.text) and not piece.text.isupper() and not _label(m.group(1)):
            return _tidy(m.group(1))
    return None


NAME_PART_MAX_WORDS = 5  # one person's name ("Tori B. Powell", "Zac de Silva"); a live blog lists six of them
NAMES_MAX = 10


def _plausible_name(name: str) -> bool:
    words = name.split()
    parts = [p.split() for p in re.split(r",| and | & ", name) if p.strip()]
    return bool(words) and words[0] not in _NOT_NAMES and len(parts) <= NAMES_MAX and all(len(p) <= NAME_PART_MAX_WORDS for p in parts)


LABEL_MIN_ZIPF = 4.8  # a "name" all of whose words are this common in English is a label ("Full Screen", "Watch TV")


def _label(text: str) -> bool:
    """A line of capitalised words with no keyword that reads as a name but is an interface's label: every
    word is among the most common of English at large (models/background.py), where a person's name has a
    rarer word in it (the real bylines of the dev stories reach 4.4 at most: "Mike Anthony")."""
    from models import background

    words = [w.strip(",.") for w in text.split() if w.strip(",.") and w.lower() not in ("and", "&")]
    return bool(words) and background.available() and min(background.zipf(w.lower()) for w in words) >= LABEL_MIN_ZIPF


def _tidy(value: str) -> str:
    return value.strip().strip(",;:.|·•–—-/ ").strip()


def _wire(roles: dict[str, list[Removed]], first_paragraphs: list[str]) -> str | None:
    """The agency a wire dateline names ("ANKARA (Reuters) -", "MOSCOW, October 27. /TASS/."): on a line of its
    own, or opening the first paragraph."""
    for piece in roles.get("dateline", []):
        m = WIRE_DATELINE.match(piece.text.strip()[:SCAN] + " X")
        if m and m.group("agency") and initials_of(m.group("agency"), m.group("place") or ""):
            continue
        if m and (m.group("agency") or m.group("slashed")):
            return _tidy(m.group("agency") or m.group("slashed"))
    for paragraph in first_paragraphs:
        m = _WIRE.match(paragraph[:SCAN])
        if m and m.group(3) and not (_ACRONYM.match(m.group(3)) or m.group(3).isupper()):
            continue  # (between bars only an agency's initials: "Analysis | Opinion | …" are a section's labels)
        if m and m.group(1) and initials_of(m.group(1), paragraph[: m.start(1)]):
            continue  # "The Harbour Pilots Association (HPA) - …": a body's name and its initials, no agency
        if m:
            return _tidy(m.group(1) or m.group(2) or m.group(3))
    return None


def _source(roles: dict[str, list[Removed]], pieces: tuple[Removed, ...], wire: str | None, author: str | None) -> str | None:
    """The outlet, from the strongest statement the page makes about itself."""
    for piece in roles.get("dateline", []):
        m = _DATELINE_SOURCE.match(piece.text.strip()[:SCAN])
        if m and m.group(1).strip().lower() not in _WEEKDAYS and not re.search(r"\d", m.group(1)):
            return _tidy(m.group(1))
    if wire:  # `_wire` of the page's dateline pieces and first paragraphs
        return wire
    for piece in roles.get("byline", []) + list(pieces):
        m = _AGENCY_BYLINE.match(piece.text.strip()[:SCAN])
        if m:
            return _titled(_tidy(m.group(1)))
    for piece in roles.get("source", []):
        m = _ORIGINAL_SOURCE.search(piece.text[:SCAN])
        if m:
            return _tidy(m.group(1))
    claims = roles.get("copyright", []) + roles.get("source", []) + [p for p in pieces if p.role is None]
    for piece in claims:
        m = _COPYRIGHT.search(piece.text[:SCAN])
        if not m:
            continue
        parts = [_tidy(part) for part in m.group(2).split(",")]
        parts = [p for p in parts if p and not re.fullmatch(r"\d{4}", p) and p != author and "rights reserved" not in p.lower()]
        if parts and len(parts[-1].split()) <= 6:
            return parts[-1]
    for piece in roles.get("disclaimer", []):
        m = _REFLECT.search(piece.text[:SCAN])
        if m:
            return _tidy(m.group(1))
    for piece in roles.get("newsletter", []):
        m = _THANKS.match(piece.text.strip()[:SCAN])
        if m:
            return _tidy(m.group(1))
    for piece in roles.get("author-bio", []):
        m = _BIO_OUTLET.search(piece.text[:SCAN])
        if m:
            return _tidy(m.group(1))
    for piece in pieces:  # a notice about the copy: "(This story has not been edited by Example News staff ...)"
        m = _STAFF_OF.search(piece.text[:SCAN])
        if m and m.group(1).split()[0] not in _NOT_NAMES:
            return _tidy(m.group(1))
    return None


MASTHEAD_RARE_ZIPF = 3.5  # a word under this Zipf frequency in English at large is a name, not a label
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")  # "CNN", "TASS": an outlet's initials
MASTHEAD_MAX_WORDS = 4


def _masthead(head: list[Removed], title: str | None) -> str | None:
    """The outlet's name printed above the title ("CNN", "Guernsey Press"): the first line of the page, a few
    capitalised words of which one is an acronym or rare in English at large (models/background.py,
    wordfreq), where a section label ("Business", "Disasters & Accidents") is made of common words."""
    from models import background

    if not head or not title or not background.available():
        return None
    piece = head[0]
    text = piece.text.strip()
    words = text.replace("&", " ").split()
    if piece.role is not None or text == title or not 1 <= len(words) <= MASTHEAD_MAX_WORDS:
        return None
    if not all(w[:1].isupper() for w in words) or any(ch.isdigit() for ch in text) or text.endswith((".", ":", "?")):
        return None
    if not any(_ACRONYM.match(w) or background.zipf(w.lower()) < MASTHEAD_RARE_ZIPF for w in words if len(w) > 1):
        return None
    return _titled(text) if len(words) > 1 else text


DOMAIN_LINE_MAX_WORDS = 6  # "dailyrecord.co.uk", "Read more on example.com", "Source: www.example.org"
# a domain written as a word of its own: after a space or the line's start, before a space, a final stop or the end
_DOMAIN = re.compile(r"(?<!\S)(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?-i:[a-z]{2,12}))(?=\.?(?:\s|$))", re.IGNORECASE)


def _domain_line(pieces: tuple[Removed, ...]) -> str | None:
    """A short removed line naming a site by its domain ("Read more on example.co.uk", the domain alone): the
    outlet, when nothing better states it. The domain named most often wins (the first of equals); one in a
    link to a page ("example.com/a/b") or an e-mail address is no statement of the outlet."""
    seen: dict[str, int] = {}
    for piece in pieces:
        text = piece.text.strip()
        if len(text.split()) > DOMAIN_LINE_MAX_WORDS or "." not in text:
            continue
        found = _DOMAIN.findall(text)
        if len(found) == 1 and not found[0].replace(".", "").isdigit():
            seen[found[0].lower()] = seen.get(found[0].lower(), 0) + 1
    return max(seen, key=lambda d: seen[d]) if seen else None


def _head_outlet(head: list[Removed], title: str | None, body: Callable[[], set[str]]) -> str | None:
    """An outlet the head states beside the date: its staff as the byline ("Example Post Reporter", also run
    into its date: "Example Post Reporter17 July 2013"), or an agency's initials on a line of their own next to
    the date line ("AFP" / "October 11, 2019")."""
    for n, piece in enumerate(head):
        if piece.role not in (None, "dateline", "byline") or piece.text.strip() == title:
            continue
        text = _tidy(without_dates(piece.text.strip()[:SCAN])).strip("()").strip()
        words = text.split()
        if 2 <= len(words) <= MASTHEAD_MAX_WORDS + 1 and words[-1].lower() in _STAFF and _OUTLET_AFTER.match(text) \
                and not any(w.lower() in _STAFF | _STAFF_QUALIFIERS for w in words[:-1]):  # ("Staff Writer" names no outlet)
            return _titled(" ".join(words[:-1]))
        if len(words) == 1 and (_ACRONYM.match(text) or (text.isupper() and len(text) <= AGENCY_MAX_CHARS)) \
                and ((piece.role is None and _beside_date(head, n)) or parse_date(piece.text) is not None) and _initials(text, body()):
            return _titled(text)  # ("KNW" / "March 3, 2025", "REUTERS | March 3, 2025")
    return None


AGENCY_MAX_CHARS = 10  # a wire's name in capitals beside the date: initials ("AFP") or one word ("REUTERS")
AGENCY_MAX_ZIPF = 4.5  # initials more common than this in English at large are a word in capitals ("NEWS", "SPORT", "US")


def _initials(word: str, body: set[str]) -> bool:
    """Whether a word in capitals is initials ("AFP", "AP", "PTI"), not a word written in capitals: rare in
    English at large, and never written in lowercase by the article itself."""
    from models import background

    if word.lower() in body:
        return False
    return not background.available() or background.zipf(word.lower()) < AGENCY_MAX_ZIPF


def _tail_agency(tail: list[Removed], body: Callable[[], set[str]]) -> str | None:
    """An agency's initials on a line of their own right under the body ("KNW"): the wire that wrote the copy."""
    for piece in tail:
        text = piece.text.strip()
        if piece.role is None and _ACRONYM.match(text) and _initials(text, body()):
            return text
    return None


def _lower_words(cleaned: Cleaned) -> set[str]:
    """The words the article's paragraphs write in lowercase."""
    return {w for p in cleaned.paragraphs for w in re.findall(r"\b[a-z]+\b", p.text)}


def _beside_date(head: list[Removed], n: int) -> bool:
    """Whether a head piece stands next to a date line (the line above or below it, two lines apart at most)."""
    return any(
        0 < abs(other.line - head[n].line) <= 2 and parse_date(other.text) is not None
        for other in head[max(0, n - 1) : n + 2]
        if other is not head[n]
    )


UNDER_BYLINE_MAX_WORDS = 5


def _under_byline(head: list[Removed], title: str | None) -> str | None:
    """A short line of capitalised words right under the byline, above the body ("Jane Doe, John Roe" /
    "Example Post"): the outlet the authors write for, when nothing better states it. A date, a role ("Staff
    Writer"), a place with a comma or a sentence is none; neither is a line the byline pattern reads itself."""
    for piece, below in zip(head, head[1:]):
        text = below.text.strip()
        byline = piece.role == "byline" or any(p.match(piece.text.strip()[:SCAN]) for p in _BYLINES[:1])
        outlet_named = below.role == "byline" and text.split()[-1:] != [] and text.split()[-1].lower() in ORGANISATION_WORDS
        if not byline or (below.role is not None and not outlet_named) or below.line > piece.line + 3 or text == title:
            continue  # (a line of names under the byline may be taken for a second byline: "Example Courier")
        words = text.split()
        if not 2 <= len(words) <= UNDER_BYLINE_MAX_WORDS or not _OUTLET_AFTER.match(text) or parse_date(text) is not None:
            return None
        if any(w.lower() in _STAFF for w in words) or re.search(r" (?:and|&) ", text):
            return None
        return _titled(text)
    return None


def _titled(name: str) -> str:
    """"DAILY SABAH" -> "Daily Sabah"; names already in mixed case are left alone."""
    return name.title() if name.isupper() and len(name) > 4 else name


def _date(
    roles: dict[str, list[Removed]], pieces: tuple[Removed, ...], first_line: int, dayfirst: Callable[[], bool | None]
) -> str | None:
    """The first full date stated in a dateline, a byline, or a short line at the head or tail. Of the head's
    dates, those under the title come first: a date above it is the site's today more often than the
    article's ("Mon. Nov 25th, 2024" over a story of February)."""
    title_line = min((p.line for p in roles.get("title", [])), default=0)
    ordered = roles.get("dateline", []) + roles.get("byline", [])
    ordered += [p for p in pieces if p.line < first_line and p.role is None]
    ordered.sort(key=lambda p: p.line < title_line)  # (stable: roles first within each side of the title)
    ordered += [p for p in pieces if p.line >= first_line and p.role is None and len(p.text) <= SCAN]
    ordered += roles.get("title", [])
    for piece in ordered:
        found = parse_date(piece.text, dayfirst)
        if found:
            return found
    return None

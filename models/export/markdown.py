"""Escaping untrusted text (article passages, titles, notes) for Markdown.

Article text is written by strangers: a passage holding `| * _ # < [x](http://e.vil) <script>` or a
back-tick must come out of an export as the same characters, never as a link, HTML, emphasis, a code span,
a heading, a list or an extra table column. CommonMark lets a backslash escape any ASCII punctuation, so
every character that can start markup is escaped wherever it stands, and the few that only matter at the
start of a line (list markers) are escaped there. Whitespace, newlines included, collapses to single spaces
first, so a passage can never end a block quote or a table row early; terminal escapes and control
characters (a note may hold anything) are dropped so that `cat export.md` is safe too.

Renderers that autolink bare URLs (GitHub's `www.` and `https://`, markdown-it's linkify with bare domains
and e-mail addresses) would still turn `https://e.vil` or `e.vil/x` in a passage into a live link: inside
anything shaped like a URL, a domain or an e-mail address, the `.`, `:` and `@` are escaped as well, which
breaks what autolinkers look for and renders as the same characters. GitHub finds e-mail addresses even
through escapes, so an address is written as a code span: the same characters, never a link.
"""

from __future__ import annotations

import re

from models.pipeline.ingest import sanitize

# Characters that can open or close inline markup, HTML, entities or a table cell anywhere in a line.
# `~` is GitHub's strikethrough and fenced-code marker; `>` is harmless mid-line but escaping it everywhere
# keeps the rule simple. The backslash itself goes first so the escapes added here stay escapes.
# `_` between two letters or digits ("file_name") cannot open or close emphasis, so it is left alone there.
_ANYWHERE = re.compile(r"([\\`*\[\]<>#|~&]|(?<![^\W_])_|_(?![^\W_]))")
# A line starting with these is a list item (`- x`, `+ x`, `1. x`, `1) x`) or a thematic break (`---`).
_LIST_START = re.compile(r"^([-+])|^(\d{1,9})([.)])(?=\s|$)")
_SPACES = re.compile(r"\s+")
# What autolinkers recognise: a scheme's `://` or `mailto:`, `www.`, an e-mail address, or a bare domain,
# each with whatever follows up to a space. A bare domain is linked (by linkify-it's "fuzzy" links) only when
# it ends in a country code or one of the generic top-level domains it knows, so `report.txt` stays as it is.
_LINKIFY_TLDS = "biz|com|edu|gov|net|org|pro|web|xxx|aero|asia|coop|info|museum|name|shop|[a-z]{2}"
_EMAIL = r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z0-9-]+"
_URLISH = re.compile(
    rf"(?P<email>{_EMAIL})|\S*://\S*|(?i:mailto|xmpp|tel):\S+|(?i:\bwww)\.\S*"
    rf"|\b[\w-]+(?:\.[\w-]+)*\.(?i:{_LINKIFY_TLDS})\b(?:[/:?#]\S*)?"
)
_URL_PUNCTUATION = re.compile(r"([.:@])")
EMPTY_CELL = "—"


def one_line(text: str) -> str:
    """Terminal escapes and control characters removed, all whitespace (newlines, tabs, Unicode line
    separators) as single spaces, ends trimmed."""
    return _SPACES.sub(" ", sanitize(text)).strip()


def escape_inline(text: str) -> str:
    """`text` as literal Markdown inline content on one line: no markup in it can take effect."""
    return _LIST_START.sub(_escape_marker, escape_fragment(one_line(text)), count=1)


def escape_fragment(text: str) -> str:
    """Part of a line of already flattened text (`one_line`), escaped; its spaces are kept as they are and
    list markers are not looked for (only the start of a line can make a list: see `escape_inline`)."""
    out: list[str] = []
    at = 0
    for match in _URLISH.finditer(text):
        out.append(_ANYWHERE.sub(r"\\\1", text[at:match.start()]))
        if match.group("email"):
            out.append(f"`{match.group()}`")  # only letters, digits and ._+-@: nothing can end the span
        elif "@" in match.group() and "`" not in match.group():
            out.append(f"`` {match.group()} ``")  # a URL with an address in it (user@host): a code span too
        else:
            out.append(_URL_PUNCTUATION.sub(r"\\\1", _ANYWHERE.sub(r"\\\1", match.group())))
        at = match.end()
    out.append(_ANYWHERE.sub(r"\\\1", text[at:]))
    return "".join(out)


def escape_marked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` (already `one_line`) escaped, with each of `spans` (sorted, not overlapping, offsets into
    `text`) in strong emphasis: the shared words of two passages."""
    out: list[str] = []
    at = 0
    for start, end in spans:
        out.append(escape_fragment(text[at:start]))
        out.append("**" + escape_fragment(text[start:end]) + "**")
        at = end
    out.append(escape_fragment(text[at:]))
    return _LIST_START.sub(_escape_marker, "".join(out), count=1)


def escape_cell(text: str | None) -> str:
    """`text` as one table cell: inline-escaped (pipes included), an em dash when there is nothing."""
    if text is None or not text.strip():
        return EMPTY_CELL
    return escape_inline(text)


def _escape_marker(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def table(header: list[str], rows: list[list[str]]) -> str:
    """A pipe table from cells that are already escaped (use `escape_cell` on untrusted ones)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def block_quote(*paragraphs: str) -> str:
    """A block quote of already-escaped one-line paragraphs, separated by quoted blank lines."""
    return "\n>\n".join(f"> {p}" for p in paragraphs)


def count(n: int, noun: str) -> str:
    """"1 passage", "3 passages": a number with its noun in the right number."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

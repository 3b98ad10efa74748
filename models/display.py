"""Untrusted text made safe to show: the one place that decides what may reach a screen or stderr.

File names, paths, URLs, metadata and article text are written by strangers. A file named
`ESC]0;pwned BEL.txt` retitles the terminal when printed raw, `ESC[2J.txt` clears it, `U+202E` turns
`report‮txt.exe` into what reads as `reportexe.txt`, and a zero-width space makes two names that look the
same differ. Everything that shows such text goes through this module:

- `display(value)`: one line for a person to read (a pane header, a notification, a problems list, a
  `parallax: <path>: <problem>` line on stderr). Terminal escape sequences and control characters are
  removed, line breaks and tabs become spaces, bidirectional controls and marks and invisible characters
  are removed, and bytes that were not UTF-8 in a file name (Python's surrogate escapes) show as U+FFFD.
- `strip_terminal(text)`: escape sequences and control characters out, newlines and tabs kept (what
  ingest does to article text, before anything else sees it).
- `strip_invisible(text)`: the characters that change how text reads without being seen: bidi embeddings,
  overrides and isolates (the "Trojan Source" set), zero-width spaces, word joiners, soft hyphens, stray
  byte order marks, invisible operators, interlinear annotations and tag characters. Joiners that scripts
  need stay: a zero-width joiner or non-joiner between two non-ASCII characters (Persian, Indic scripts,
  emoji sequences), and a zero-width space next to a script written without spaces (Thai, Lao, Khmer,
  Myanmar, Tibetan), where it marks a word boundary.

This is pure Python, shared by models/ (ingest, exports) and tui/ (every view and the command line); it never
renders anything itself, and markup is the views' concern (they show strings as Text, never as markup).
"""

from __future__ import annotations

import os
import re

# ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC strings, and
# two-character escapes; plus their 8-bit C1 forms.
ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI
  | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
  | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC, terminated by BEL or ST (or cut off)
  | \x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?     # 8-bit OSC
  | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?        # DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]                    # other escapes (charset selection, RIS, ...)
    """,
    re.VERBOSE,
)
# Every C0 control except tab and newline, DEL, and the C1 range.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Bidirectional embeddings, overrides and isolates: LRE RLE PDF LRO RLO, LRI RLI FSI PDI.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# Bidirectional marks (LRM, RLM, ALM): harmless in running text, misleading in a name.
BIDI_MARKS = "\u200e\u200f\u061c"
# Never visible, never needed in text shown in a terminal: soft hyphen, combining grapheme joiner, Mongolian
# vowel separator, word joiner, invisible operators, byte order mark (as zero-width no-break space),
# interlinear annotation marks, Hangul fillers (used for names that look empty), tag characters.
_ALWAYS = ("\u00ad\u034f\u180e\u2060-\u2064\ufeff\ufff9-\ufffb\u115f\u1160\u3164\uffa0"
           "\U000e0000-\U000e007f")
_CONTEXTUAL = "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner: kept where a script needs them
_INVISIBLE = re.compile(f"[{BIDI_CONTROLS}{_ALWAYS}{_CONTEXTUAL}]")
_INVISIBLE_NAME = re.compile(f"[{BIDI_CONTROLS}{BIDI_MARKS}{_ALWAYS}{_CONTEXTUAL}]")
# Scripts written without spaces between words, where U+200B marks the boundaries.
_NO_SPACE_SCRIPTS = re.compile("[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]+")


def strip_terminal(text: str) -> str:
    """`text` without terminal escape sequences and control characters (tab and newline kept)."""
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = ESCAPES.sub("", text)
    return CONTROLS.sub("", text)


def strip_invisible(text: str, *, marks: bool = False) -> str:
    """`text` without the invisible characters that change how it reads (see the module docstring).

    With `marks`, the bidi marks LRM/RLM/ALM go too (for names; running RTL text may use them).
    """
    pattern = _INVISIBLE_NAME if marks else _INVISIBLE
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: _keep_if_needed(text, m.start(), m.group()), text)


def _keep_if_needed(text: str, at: int, ch: str) -> str:
    if ch not in _CONTEXTUAL:
        return ""
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if ch == "\u200b":
        return ch if _NO_SPACE_SCRIPTS.match(before) or _NO_SPACE_SCRIPTS.match(after) else ""
    # a joiner between two characters of scripts (or emoji) that need one; never beside ASCII or a space
    return ch if before > "\x7f" and after > "\x7f" and not before.isspace() and not after.isspace() else ""


def display(value: object) -> str:
    """Untrusted text (a str, a path, anything with a str()) as one safe line to show a person."""
    text = os.fspath(value) if isinstance(value, os.PathLike) else str(value)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    text = _LINE_BREAKS.sub(" ", strip_terminal(text.replace("\r\n", "\n")))
    return strip_invisible(text, marks=True)


def file_name(path: object) -> str:
    """The last part of a path (either kind of slash), made safe with `display`."""
    text = os.fspath(path) if isinstance(path, os.PathLike) else str(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    return display(text.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or text)

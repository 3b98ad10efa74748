"""Bytes to clean text: find the files, decode them, and strip what a terminal would interpret.

Article text is untrusted. Whatever reaches the rest of parallax from here has normalised newlines and no
terminal control sequences, so no later stage (and no view) can be tricked by an escape code in a file.
A file that cannot be read as text becomes a Problem naming the file and the reason; it never stops the
other files from being read.

Saved web pages (`.html`, `.htm`, or HTML read from stdin) go through trafilatura (models/pipeline/html.py) first: the
article body comes out as Markdown and the page's metadata (title, author, date, site name) rides along on the
Source as hints, used only where the text itself states nothing. `-` as a path means one article read from
standard input.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import BinaryIO

from models.display import strip_invisible, strip_terminal
from models.document import Meta, Problem
from models.pipeline.encoding import SURE, choose
from models.pipeline.errors import IngestError

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
# Documents a person keeps beside articles and may expect parallax to read: in a folder, each is named as a
# problem (not skipped in silence, as images, scripts and a saved page's other files are).
DOCUMENT_SUFFIXES = {".pdf": "PDF", ".doc": "a Word document", ".docx": "a Word document",
                     ".odt": "an OpenDocument text", ".rtf": "RTF", ".epub": "an EPUB book"}
UNSUPPORTED_HINT = "is not supported (save the article as text or as a web page)"
MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"  # the path that means "read one article from standard input"
STDIN_NAME = "<stdin>"  # how that article is named (its id is "stdin")
_HTML_START = re.compile(  # how a web page starts: optional BOM, spaces and comments, then <!doctype html>/<html>...
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)

@dataclass(frozen=True, slots=True)
class Source:
    """A file read as text: what the rest of the pipeline starts from."""

    path: str
    text: str
    encoding: str
    content_hash: str
    notes: tuple[str, ...] = ()
    meta: Meta | None = None  # what a web page's markup says (title, author...), used where the text says nothing


def source_name(path: str | Path) -> str:
    """The name an article or a problem carries for a file: its path as text that is always valid UTF-8.

    A file name whose bytes are not UTF-8 (a Latin-1 "caf\\xe9.txt" on a UTF-8 system) reaches Python as lone
    surrogates, which no UTF-8 writer accepts (the cache, --json and export stopped with UnicodeEncodeError);
    they become U+FFFD, as on screen. The file itself is read through its Path, never through this name.
    """
    return STDIN_NAME if str(path) == STDIN else _SURROGATES.sub("\ufffd", str(path))


_SURROGATES = re.compile("[\ud800-\udfff]")


def discover(paths: list[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Expand `paths` (files and folders, read recursively) into article files in a stable order.

    `-` stays as `Path("-")` (standard input), once however often it is given.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for raw in paths:
        if str(raw) == STDIN:
            if Path(STDIN) not in seen:
                seen.add(Path(STDIN))
                files.append(Path(STDIN))
            continue
        path = Path(raw)
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES + tuple(DOCUMENT_SUFFIXES)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            found = [p for p in inside if p.suffix.lower() in ARTICLE_SUFFIXES]
            if not found:
                problems.append(Problem(source_name(path), f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in this folder"))
            problems.extend(
                Problem(source_name(p), f"{DOCUMENT_SUFFIXES[p.suffix.lower()]} {UNSUPPORTED_HINT}")
                for p in inside if p.suffix.lower() in DOCUMENT_SUFFIXES
            )
            candidates = found
        elif path.is_file():
            candidates = [path]
        elif path.exists():
            problems.append(Problem(source_name(path), "not a regular file"))
            continue
        else:
            problems.append(Problem(source_name(path), "no such file or folder"))
            continue
        for file in candidates:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, problems


def read_source(path: str | Path) -> Source:
    """Read one file into a Source, or raise IngestError with a reason a person can act on."""
    return source_from_bytes(source_name(path), read_bytes(path))


def read_bytes(path: str | Path) -> bytes:
    """The bytes of one file, or IngestError (too large, permission denied, a folder...)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"too large ({_size(size, MAX_BYTES)}; a file may have at most {_size(MAX_BYTES)})")
        data = path.read_bytes()
    except IngestError:
        raise
    except PermissionError:
        raise IngestError("permission denied") from None
    except IsADirectoryError:
        raise IngestError("is a folder, not a file") from None
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    return data


def read_stdin(stream: BinaryIO) -> Source:
    """One article from a binary stream (`sys.stdin.buffer`), named "<stdin>"; HTML is recognised by its start."""
    return source_from_bytes(STDIN_NAME, read_stream(stream))


def read_stream(stream: BinaryIO) -> bytes:
    """All the bytes of a binary stream (up to the size limit), or IngestError."""
    try:
        data = stream.read(MAX_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise IngestError(f"cannot read standard input: {exc}") from None
    if data is None:
        raise IngestError("standard input is not readable (non-blocking and empty)")
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    if len(data) > MAX_BYTES:
        raise IngestError(f"too large (more than {_size(MAX_BYTES)}, the most a file may have)")
    return data


def _size(n: int, limit: int | None = None) -> str:
    """A size as a person reads it ("63.2 MB"); in bytes when it would round to `limit` ("52,428,801 bytes"),
    so a file just over the limit never reads as being at it."""
    mb = n / (1024 * 1024)
    text = f"{mb:.0f} MB" if n % (1024 * 1024) == 0 else f"{mb:.1f} MB"
    if limit is not None and round(mb, 1) <= round(limit / (1024 * 1024), 1):
        return f"{n:,} bytes"
    return text


def is_html(name: str, data: bytes) -> bool:
    """A saved web page: by its suffix, or (standard input, other names) by how its bytes start."""
    lower = name.lower()
    if lower.endswith(HTML_SUFFIXES):
        return True
    if lower.endswith(TEXT_SUFFIXES):
        return False
    return bool(_HTML_START.match(data[:4096]))


def source_from_bytes(name: str, data: bytes, *, html: bool | None = None) -> Source:
    """Decode and sanitise `data`; `name` labels the result and (by its suffix) says whether it is a web page.

    `html` forces the choice. A web page's body is extracted with trafilatura and its metadata kept as hints.
    """
    if not data.strip():
        raise IngestError("empty file")
    unsupported = _unsupported_format(data)
    if unsupported:
        raise IngestError(f"{unsupported} {UNSUPPORTED_HINT}")
    text, encoding, notes = decode(data)
    meta = None
    if html if html is not None else is_html(name, data):
        from models.pipeline.html import extract_html

        text, meta = extract_html(sanitize(text))
        meta = _safe_meta(meta)
    text = sanitize(text)
    if not text.strip():
        raise IngestError("no readable text after removing control characters")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Source(name, text, encoding, digest, tuple(notes), meta)


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes to str. UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they are; anything
    else is detected with charset-normalizer, and the note says which encoding was used."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_text(data.decode("utf-16")), "utf-16", ["decoded as UTF-16 (byte order mark)"]
        except UnicodeDecodeError:
            raise IngestError("has a UTF-16 byte order mark but is not valid UTF-16") from None
    if _looks_binary(data):
        raise IngestError("binary data, not text")
    try:
        return _check_text(data.decode("utf-8-sig")), "utf-8", []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding is not None:
        reading = choose(data, best.encoding, str(best))
    else:
        reading = choose(data, None, None)
    if reading is None:
        raise IngestError("binary data, or text in an encoding that could not be detected")
    how = "detected"
    if reading.confidence is not None:
        how += f", {reading.confidence:.0%} sure"
    if reading.confidence is not None and reading.confidence < SURE and reading.other and reading.example:
        how += f"; as {reading.other} it would read \"{reading.example[1]}\" for \"{reading.example[0]}\""
    return _check_text(reading.text), reading.encoding, [f"not UTF-8: decoded as {reading.encoding} ({how})"]


# Documents people try to open as articles, by the bytes they start with: named, rather than "binary data".
_SIGNATURES = ((b"%PDF-", "PDF"), (b"PK\x03\x04", "a ZIP archive (or a Word, OpenDocument or EPUB file)"),
               (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Office document"),
               (b"{\\rtf", "RTF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
               (b"GIF8", "a GIF image"))


def _unsupported_format(data: bytes) -> str | None:
    """The name of a document format `data` is in that parallax cannot read, else None."""
    head = data[:16].lstrip(b"\xef\xbb\xbf")
    return next((name for magic, name in _SIGNATURES if head.startswith(magic)), None)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12, 27))
    return controls > max(8, len(sample) // 50)


def _check_text(text: str) -> str:
    """Reject decoded text of which more than 5% is what no text holds: control characters (but the
    whitespace ones and ESC, which sanitising removes), unassigned code points, private use, surrogates.

    Format characters (zero-width spaces and joiners, bidi marks, soft hyphens) and spaces of every kind
    (NBSP in French typography) are text, however many there are: sanitising removes or keeps them.
    """
    sample = text[:65536]
    if not sample:
        return text
    odd = sum(1 for ch in sample if not ch.isprintable() and _is_odd(ch))
    if odd > max(8, len(sample) // 20):
        raise IngestError("binary data, not text")
    return text


def _is_odd(ch: str) -> bool:
    if ch in "\n\r\t\f\x1b":
        return False
    return unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")


def sanitize(text: str) -> str:
    """Normalise newlines (CRLF, CR to LF); strip terminal control sequences, control characters, bidi
    overrides and invisible characters that change how text reads (models/display.py says which)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return strip_invisible(strip_terminal(text))


def _safe_meta(meta: Meta) -> Meta:
    """A web page's metadata hints, sanitised like the text (the markup's entities are decoded after the
    page's own text was sanitised, so `&#27;` in a <title> would otherwise reach the screen)."""
    cleaned = {}
    for item in fields(meta):
        value = getattr(meta, item.name)
        if isinstance(value, str):
            cleaned[item.name] = " ".join(sanitize(value).split()) or None
    return replace(meta, **cleaned)


def slug(path: str | Path) -> str:
    """A short, readable id for an article: its file name without the suffix ("stdin" for standard input)."""
    if str(path) in (STDIN, STDIN_NAME):
        return "stdin"
    stem = Path(path).stem or "article"
    return re.sub(r"[^\w.-]+", "-", stem).strip("-") or "article"

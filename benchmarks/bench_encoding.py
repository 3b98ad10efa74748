"""Benchmark: how often a short file that is not UTF-8 is read right. Prints figures; asserts nothing.

    uv run python benchmarks/bench_encoding.py

The texts are the machine's own translation catalogues (/usr/share/locale/*/LC_MESSAGES/*.mo: real text in
many languages, written by translators, never looked at to build the decoder). For each language a
catalogue offers, cases are made in the code page the language was written in before UTF-8:

  native-150/400/1000   translated messages joined to that many characters
  english+word          four English source messages and one translated word ("The word že appeared...")

Each case is encoded, decoded by parallax (models/pipeline/ingest.decode) and, as the baseline in the same
run, by charset-normalizer's best guess (what parallax did before, renamed windows-1252 when that reads the
same), and counted right when the text comes back exactly. The languages in DEV are the ones looked at while
building the decoder; the others are held out. "flagged" counts wrong readings whose note says the
choice was unsure. Figures depend on which catalogues the machine has installed.
"""

from __future__ import annotations

import gettext
import glob
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.pipeline.ingest import decode  # noqa: E402

DEV = {"fr", "de", "cs", "pl", "ru", "tr", "el", "sv"}
PAGES = {"fr": "cp1252", "de": "cp1252", "es": "cp1252", "it": "cp1252", "pt": "cp1252", "sv": "cp1252",
         "da": "cp1252", "nl": "cp1252", "fi": "cp1252", "ca": "cp1252", "nb": "cp1252",
         "cs": "cp1250", "pl": "cp1250", "hu": "cp1250", "sk": "cp1250", "ro": "cp1250", "sl": "cp1250",
         "hr": "cp1250", "ru": "cp1251", "uk": "cp1251", "bg": "cp1251", "el": "cp1253", "tr": "cp1254",
         "lt": "cp1257", "lv": "cp1257", "et": "cp1257"}
KINDS = ("native-150", "native-400", "native-1000", "english+word")
PER_KIND = 40


def catalogue(language: str) -> list[tuple[str, str]]:
    """(English message, translation) pairs of one language's catalogues."""
    out = []
    for path in sorted(glob.glob(f"/usr/share/locale/{language}/LC_MESSAGES/*.mo")):
        try:
            with open(path, "rb") as f:
                catalog = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a catalogue Python cannot read is skipped
            continue
        for key, value in catalog.items():
            if isinstance(key, str) and isinstance(value, str) and key and len(value) > 20 \
                    and "%" not in value and "\n" not in value:
                out.append((key, value))
    return out


def baseline(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def make_case(rng: random.Random, pairs: list[tuple[str, str]], kind: str) -> str | None:
    if kind == "english+word":
        words = [w for w in rng.choice(pairs)[1].split() if not w.isascii() and w.isalpha()]
        if not words:
            return None
        english = " ".join(rng.choice(pairs)[0] for _ in range(4))
        return f"{english} The word {rng.choice(words)} appeared in the statement."
    size = int(kind.split("-")[1])
    text = ""
    while len(text) < size:
        text += rng.choice(pairs)[1] + " "
    return text[:size].rsplit(" ", 1)[0] + "."


def main() -> None:
    rng = random.Random(7)
    rows: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # cases, old, new, flagged
    seconds = 0.0
    for language, page in PAGES.items():
        pairs = catalogue(language)
        if len(pairs) < 50:
            continue
        for kind in KINDS:
            made = tries = 0
            while made < PER_KIND and tries < 2000:
                tries += 1
                text = make_case(rng, pairs, kind)
                try:
                    data = text.encode(page) if text else b""
                except UnicodeEncodeError:
                    continue
                if not text or data.isascii():
                    continue
                made += 1
                row = rows[(language, kind)]
                row[0] += 1
                row[1] += baseline(data) == text
                started = time.perf_counter()
                try:
                    got, _, notes = decode(data)
                except Exception as exc:  # noqa: BLE001 - a refusal counts as wrong
                    got, notes = None, [repr(exc)]
                seconds += time.perf_counter() - started
                row[2] += got == text
                row[3] += got != text and any("would read" in n for n in notes)
    print(f"{'language':9} {'kind':13} {'cases':>5} {'baseline':>9} {'parallax':>9} {'wrong, flagged':>15}")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (language, kind), (n, old, new, flagged) in sorted(rows.items()):
        print(f"{language:9} {kind:13} {n:5} {old / n:9.0%} {new / n:9.0%} {flagged:15}")
        for key in (kind, "dev" if language in DEV else "held-out", "all"):
            totals[key] = [a + b for a, b in zip(totals[key], (n, old, new, flagged))]
    print()
    for key, (n, old, new, flagged) in totals.items():
        print(f"{key:23} {n:5} {old / n:9.1%} {new / n:9.1%} {flagged:15}")
    n = totals["all"][0]
    print(f"\nparallax's decode: {seconds:.1f} s for {n} cases ({1000 * seconds / n:.1f} ms each, the word lists' "
          "first load included)")


if __name__ == "__main__":
    main()

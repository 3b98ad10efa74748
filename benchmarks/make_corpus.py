"""Build a large, varied corpus from the seed articles, for the benchmark (and the scale tests).

Each generated article starts from one seed and is changed the way different outlets' copies of a story
differ: body paragraphs are shuffled (locally) and some dropped, the outlet and the author are renamed, and
in every paragraph a few words are swapped or replaced. Every paragraph changes, so neither the content hash
nor the near-duplicate check collapses two generated articles; every topic alias survives, so the topics and
links stay realistic. The same `seed` always gives the same corpus.

    uv run python benchmarks/make_corpus.py 1000 /tmp/corpus-1000
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

OUTLETS = ("Global Research", "iAffairs", "Interfax", "Vestnik Kavkaz")
OUTLET_WORDS_A = ("Daily", "Evening", "Northern", "Coastal", "Capital", "Frontier", "Harbour", "Union", "Civic",
                  "Atlantic", "Eastern", "Pacific", "Metro", "Valley", "Highland", "Summit")
OUTLET_WORDS_B = ("Herald", "Ledger", "Review", "Dispatch", "Monitor", "Courier", "Observer", "Tribune", "Gazette",
                  "Chronicle", "Sentinel", "Report", "Digest", "Post", "Standard", "Bulletin")
AUTHORS = ("Andrew Korybko", "Eleanor Blackburn", "Scott Bryce Aubrey", "Silvia Boltuc")
FIRST = ("Maria", "Jonas", "Aylin", "Pavel", "Nadia", "Tomas", "Leyla", "Omar", "Irina", "Kemal", "Sofia", "David",
         "Elif", "Marco", "Hana", "Viktor")
LAST = ("Demir", "Novak", "Kowalski", "Petrova", "Yilmaz", "Haddad", "Lindqvist", "Moreau", "Costa", "Arslan",
        "Ivanova", "Fischer", "Sato", "Okafor", "Brennan", "Kaya")
SYNONYMS = {
    "said": "stated", "says": "states", "also": "moreover", "however": "yet", "major": "significant",
    "important": "crucial", "country": "state", "countries": "states", "between": "amid", "strong": "robust",
    "recent": "latest", "large": "big", "new": "fresh", "began": "started", "help": "assist", "could": "might",
    "shows": "indicates", "many": "numerous", "because": "since", "relations": "ties", "ties": "relations",
    "purchase": "acquisition", "official": "formal", "officials": "authorities", "several": "various",
}
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WORD = re.compile(r"^[A-Za-z][a-z]+$")


def _norm(text: str) -> str:
    return " ".join(_LINK.sub(r"\1", text).split())


def seed_parts() -> list[tuple[list[str], list[str], list[str]]]:
    """Each seed as (head blocks, body blocks, tail blocks), the body found by what parallax keeps."""
    from models.config import load_config
    from models.loader import analyze

    corpus = analyze([SEEDS], load_config(), cache=False)
    parts = []
    for article in corpus.articles:
        blocks = [b for b in re.split(r"\n\s*\n", Path(article.path).read_text(encoding="utf-8")) if b.strip()]
        body_text = " ".join(_norm(p.text) for p in article.passages)
        is_body = [len(_norm(b)) >= 40 and _norm(b)[:60] in body_text for b in blocks]
        first = is_body.index(True)
        last = len(blocks) - 1 - is_body[::-1].index(True)
        parts.append((blocks[:first], blocks[first : last + 1], blocks[last + 1 :]))
    return parts


def _vary_words(block: str, rng: random.Random, changes: int) -> str:
    words = block.split(" ")
    inner = [i for i in range(1, len(words) - 2) if _WORD.match(words[i]) and _WORD.match(words[i + 1])]
    done = 0
    for i in rng.sample(inner, min(len(inner), changes * 2)):
        if done >= changes:
            break
        low = words[i].lower()
        if low in SYNONYMS and rng.random() < 0.6:
            words[i] = SYNONYMS[low]
        else:
            words[i], words[i + 1] = words[i + 1], words[i]
        done += 1
    if done == 0:  # too short to swap inside: still make it differ
        words.insert(max(1, len(words) - 1), "indeed")
    return " ".join(words)


def vary(parts: tuple[list[str], list[str], list[str]], rng: random.Random, n: int) -> str:
    head, body, tail = parts
    outlet = f"The {OUTLET_WORDS_A[n % 16]} {OUTLET_WORDS_B[(n // 16) % 16]}"
    author = f"{FIRST[rng.randrange(16)]} {LAST[rng.randrange(16)]}"

    def rename(text: str) -> str:
        for name in OUTLETS:
            text = text.replace(name, outlet)
        text = text.replace("globalresearch.ca", outlet.lower().replace(" ", "") + ".example")
        for name in AUTHORS:
            text = text.replace(name, author)
        return text

    head = [rename(b) for b in head]
    if head:  # the title (first non-empty head block) gets a word swap and a number, as outlets retitle
        head[0] = _vary_words(head[0].strip(), rng, 1) + f" ({n})"
    units: list[list[str]] = []  # a block the source split mid-sentence stays with its first half
    for block in body:
        if units and block[:1].islower():
            units[-1].append(block)
        else:
            units.append([block])
    kept = [u for u in units if rng.random() > 0.15] or units[:1]
    order = sorted(range(len(kept)), key=lambda i: i + rng.uniform(-2.5, 2.5))
    new_body = [rename(_vary_words(b, rng, 1 + rng.randrange(3))) for i in order for b in kept[i]]
    return "\n\n".join(head + new_body + [rename(b) for b in tail]) + "\n"


def generate(count: int, out_dir: str | Path, seed: int = 0) -> list[Path]:
    """Write `count` articles into `out_dir` (created) and return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    parts = seed_parts()
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        path = out / f"{n // 100:03d}" / f"article_{n:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(vary(parts[n % len(parts)], rng, n), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    generate(int(sys.argv[1]), sys.argv[2])

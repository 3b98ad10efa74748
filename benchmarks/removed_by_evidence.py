"""How many of the removed blocks each kind of evidence decided: cleaning's own account of a folder.

    uv run python benchmarks/removed_by_evidence.py seeds
    uv run python benchmarks/removed_by_evidence.py STORY_FOLDER --config STORY_FOLDER/topics.yaml
    uv run python benchmarks/removed_by_evidence.py A B --rules 0      # the kinds only

Every block cleaning removes keeps its reason (models/document.py `Removed`): `kind` says what decided it (a
configured `rule`, the block's own `evidence`, its `context`, a `repeat` in the article, a `corpus` repeat
across articles, a `cut` below a marker) and `rule` names the reason ("title", "head-short-line", a rule id).
This analyses each folder as `parallax analyze` does (without the cache) and prints, per folder, the removed
blocks counted by kind, and the most frequent reasons within each kind. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from models.config import load_config  # noqa: E402
from models.document import REMOVAL_KINDS, Corpus  # noqa: E402
from models.loader import analyze  # noqa: E402


def counts(corpus: Corpus) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Removed blocks by kind, and by reason within each kind."""
    kinds: Counter[str] = Counter()
    reasons: dict[str, Counter[str]] = {}
    for article in corpus.articles:
        for piece in article.removed:
            kinds[piece.kind] += 1
            reasons.setdefault(piece.kind, Counter())[piece.rule] += 1
    return kinds, reasons


def report(name: str, corpus: Corpus, top: int) -> list[str]:
    kinds, reasons = counts(corpus)
    ordered = [k for k in REMOVAL_KINDS if kinds[k]] + sorted(k for k in kinds if k not in REMOVAL_KINDS)
    total = sum(kinds.values())
    lines = [f"{name}: {len(corpus.articles)} articles, {total} removed blocks: "
             + (", ".join(f"{k} {kinds[k]}" for k in ordered) or "none")]
    if top:
        for kind in ordered:
            common = reasons[kind].most_common(top)
            more = len(reasons[kind]) - len(common)
            lines.append(f"  {kind:<9} " + ", ".join(f"{r} {n}" for r, n in common) + (f", +{more} more" if more > 0 else ""))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="article folders (or files), each reported on its own")
    parser.add_argument("--config", help="config or topics file, as `parallax analyze --config`")
    parser.add_argument("--rules", type=int, default=8, help="reasons listed per kind (0: kinds only)")
    args = parser.parse_args(argv)
    config = load_config(args.config)
    for folder in args.folders:
        if not Path(folder).exists():
            print(f"{folder}: no such file or folder", file=sys.stderr)
            continue
        corpus = analyze([folder], config, cache=False, jobs=1)
        print("\n".join(report(folder, corpus, args.rules)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

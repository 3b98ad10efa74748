"""Benchmark: how parallax scales from a reading list to a newsroom desk. Prints figures; asserts nothing.

    uv run python benchmarks/bench_corpus.py                     # 100, 1,000 and 5,000 articles
    uv run python benchmarks/bench_corpus.py --sizes 100,1000    # a quicker run
    uv run python benchmarks/bench_corpus.py --sizes 1000 --serial --pool --stages   # where the time goes
    uv run python benchmarks/bench_corpus.py --sizes 3000 --json-memory --baseline ''  # analyze --json vs summary

For each size it generates a corpus from seeds/ (benchmarks/make_corpus.py: paragraphs shuffled and dropped,
outlets and authors renamed, words swapped in every paragraph, so the dedupe keeps every article) and runs
`analyze` in a fresh subprocess each time, so that peak memory (ru_maxrss) belongs to that run alone:

  cold     empty cache: everything analysed, the cache written
  warm     the same corpus again: articles and links come from the cache
  changed  one article edited: that article analysed again and relinked alone (models/pipeline/relink.py:
           the rest of the links kept from the cache)
  serial   (with --serial) cold without the cache, in one process
  pool     (with --pool) cold without the cache, in two worker processes (the pool forced on)
  stages   (with --stages) serial, each stage timed on its own: the stage table (STAGES below; a new stage
           of the pipeline is one line there)
  json     (with --json-memory) `parallax analyze --json > /dev/null` beside `parallax analyze` (the summary),
           both on a warm cache, each process's peak memory (ru_maxrss)

`analyze s` is the time of the analyze() call; `process s` adds interpreter start-up and imports (what a
person waits for at the command line). Runs use parallax's defaults: the cache, and worker processes for
articles when many need analysing (a cold run), so `peak` is the main process's and the largest worker's
is shown beside it. In the same run, a naive baseline compares every pair of passages from
different articles with rapidfuzz one pair at a time (fuzz.token_set_ratio in a Python double loop): fully on
the 100 corpus; on larger ones a random sample of pairs is timed and the total extrapolated (said so in the
output).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BASELINE_FULL = 2_000_000  # up to this many pairs the baseline times every pair
BASELINE_SAMPLE = 300_000  # pairs timed (then extrapolated) when there are more


# The stage table: (stage, module, attribute) of each function whose time is a stage's. Time spent inside
# one stage's function is not counted again in another's that it calls. Add a line for a new stage.
STAGES = (
    ("ingest (read, decode, web pages)", "models.loader", "source_from_bytes"),
    ("clean", "models.pipeline.article", "clean"),
    ("meta", "models.pipeline.article", "extract_meta"),
    ("tagging", "models.pipeline.topics", "Tagger.tag"),
    ("duplicates", "models.loader", "_near_duplicate"),
    ("corpus stage: repeated furniture", "models.loader", "repeated_lines"),
    ("corpus stage: terms and statistics", "models.pipeline.corpus", "corpus_terms"),
    ("corpus stage: configured topics in context (grown vocabulary)", "models.pipeline.corpus", "in_context"),
    ("corpus stage: discovered topics", "models.pipeline.corpus", "discover"),
    ("corpus stage: links within topics", "models.pipeline.links", "topic_links"),
    ("corpus stage: links by content", "models.pipeline.content_links", "content_links"),
    ("corpus stage: the rest (tags of found topics)", "models.loader", "analyze_corpus"),
)


def child(args: dict) -> dict:
    """One measured run (in its own process)."""
    started = time.perf_counter()
    from models.config import load_config
    from models.events import LINKING, Done, Progress
    from models.loader import load
    from models.store.cache import Cache

    config = load_config()
    imported = time.perf_counter()
    if args["mode"] == "baseline":
        return baseline(args, config)
    mode = args["mode"]
    timers = instrument() if mode == "stages" else None
    # serial, stages: cold, without the cache and in one process (the single-core figure); pool: the same with
    # two worker processes forced on; cold, warm, changed: parallax's defaults (cache, pool when it pays).
    jobs = {"serial": 1, "stages": 1, "pool": 2}.get(mode)
    uncached = mode in ("serial", "stages", "pool")
    if mode == "pool":
        from models.loader import _Pool

        _Pool.MIN_MISSES = _Pool.MIN_LEFT = 1
    with Cache() as store:
        t0 = time.perf_counter()
        t1 = None
        corpus = None
        for event in load([args["corpus"]], config, cache=False if uncached else store, jobs=jobs):
            if isinstance(event, Progress) and event.phase == LINKING and t1 is None:
                t1 = time.perf_counter()
            elif isinstance(event, Done):
                corpus = event.corpus
        t2 = time.perf_counter()
        hits, misses = store.hits, store.misses
    assert corpus is not None and t1 is not None
    result: dict[str, Any] = {
        "analyze": t2 - t0,
        "articles_s": t1 - t0,
        "links_s": t2 - t1,
        "imports": imported - started,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "articles": len(corpus.articles),
        "passages": sum(len(a.passages) for a in corpus.articles),
        "links": len(corpus.links),
        "problems": len(corpus.problems),
        "duplicates": sum(1 for a in corpus.articles for n in a.notes if n.startswith("also at")),
        "hits": hits,
        "misses": misses,
    }
    if timers is not None:
        result["stages"] = dict(timers)
    return result


def instrument() -> dict[str, float]:
    """Wrap each STAGES function to add its own time (less that of stages it calls) to a table."""
    import importlib

    totals: dict[str, float] = {name: 0.0 for name, _, _ in STAGES}
    inner: list[float] = [0.0]  # time of stages called inside the one running

    def timed(name, real):
        def wrapper(*a, **k):
            outer, inner[0] = inner[0], 0.0
            t = time.perf_counter()
            try:
                return real(*a, **k)
            finally:
                took = time.perf_counter() - t
                totals[name] += took - inner[0]
                inner[0] = outer + took

        return wrapper

    for name, module_name, attribute in STAGES:
        owner = importlib.import_module(module_name)
        *path, last = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, last, timed(name, getattr(owner, last)))
    return totals


def json_memory(corpus: Path, cache: Path) -> dict:
    """Peak memory of `parallax analyze --json` and of `parallax analyze` (summary), warm cache, paired."""
    env = dict(os.environ, PARALLAX_CACHE_DIR=str(cache))
    command = [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))",
               "analyze", str(corpus)]
    subprocess.run(command, env=env, cwd=ROOT, capture_output=True)  # warm the cache
    peaks: dict[str, list[float]] = {"json": [], "summary": []}
    for _ in range(2):
        for name, extra in (("json", ["--json"]), ("summary", [])):
            probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
                     "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
            out = subprocess.run([sys.executable, "-c", probe, *command, *extra], env=env, cwd=ROOT,
                                 capture_output=True, text=True, check=True).stdout
            peaks[name].append(int(out.strip()) / 1024)
    return {name: min(values) for name, values in peaks.items()}


def baseline(args: dict, config) -> dict:
    """All pairs of passages from different articles, scored with rapidfuzz one pair at a time."""
    from rapidfuzz import fuzz

    from models.loader import analyze

    corpus = analyze([args["corpus"]], config)  # warm: from the cache
    items = [(ai, p.text) for ai, a in enumerate(corpus.articles) for p in a.passages]
    n = len(items)
    same = sum(len(a.passages) * (len(a.passages) - 1) // 2 for a in corpus.articles)
    total = n * (n - 1) // 2 - same
    scorer = fuzz.token_set_ratio
    if total <= args["full"]:
        t0 = time.perf_counter()
        best = 0.0
        for i in range(n):
            ai, a = items[i]
            for j in range(i + 1, n):
                aj, b = items[j]
                if ai != aj:
                    s = scorer(a, b)
                    if s > best:
                        best = s
        return {"pairs": total, "timed_pairs": total, "seconds": time.perf_counter() - t0, "extrapolated": False}
    rng = random.Random(1)
    pairs: list[tuple[str, str]] = []
    while len(pairs) < args["sample"]:
        i, j = rng.randrange(n), rng.randrange(n)
        if items[i][0] != items[j][0]:
            pairs.append((items[i][1], items[j][1]))
    t0 = time.perf_counter()
    for a, b in pairs:
        scorer(a, b)
    took = time.perf_counter() - t0
    return {"pairs": total, "timed_pairs": len(pairs), "seconds": took * total / len(pairs), "extrapolated": True}


def run_child(args: dict, cache_dir: Path) -> dict:
    env = dict(os.environ, PARALLAX_CACHE_DIR=str(cache_dir))
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(args)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process"] = wall
    return result


def edit_one(corpus: Path) -> None:
    """Change one article (a sentence added in its middle), as a person re-saving a page would."""
    first = sorted(corpus.rglob("*.txt"))[len(list(corpus.rglob("*.txt"))) // 2]
    blocks = first.read_text(encoding="utf-8").split("\n\n")
    mid = len(blocks) // 2
    blocks[mid] = blocks[mid] + " Officials declined to comment further on the S-400 question."
    first.write_text("\n\n".join(blocks), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="corpus sizes (comma-separated)")
    parser.add_argument("--baseline", default="100,1000", help="sizes to time the naive baseline on ('' for none)")
    parser.add_argument("--full", type=int, default=BASELINE_FULL, help="most pairs the baseline times in full")
    parser.add_argument("--sample", type=int, default=BASELINE_SAMPLE,
                        help="pairs timed, then extrapolated, above that")
    parser.add_argument("--serial", action="store_true",
                        help="also time a cold run in one process without the cache (the single-core figure)")
    parser.add_argument("--pool", action="store_true",
                        help="also time a cold run without the cache in two worker processes (beside --serial)")
    parser.add_argument("--stages", action="store_true", help="also time each stage (serial): the stage table")
    parser.add_argument("--json-memory", action="store_true",
                        help="peak memory of analyze --json beside analyze's summary (warm cache)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.child:
        print(json.dumps(child(json.loads(opts.child))))
        return

    sys.path.insert(0, str(ROOT))
    from benchmarks.make_corpus import generate

    sizes = [int(s) for s in opts.sizes.split(",") if s.strip()]
    base_sizes = {int(s) for s in opts.baseline.split(",") if s.strip()}
    print(f"parallax benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
        for size in sizes:
            corpus = Path(tmp) / f"corpus-{size}"
            cache = Path(tmp) / f"cache-{size}"
            t0 = time.perf_counter()
            generate(size, corpus)
            print(f"\n{size} articles generated in {time.perf_counter() - t0:.1f} s", flush=True)
            row: dict[str, Any] = {"size": size}
            extra = (("serial",) if opts.serial else ()) + (("pool",) if opts.pool else ())
            for mode in extra + ("cold", "warm", "changed"):
                if mode == "changed":
                    edit_one(corpus)
                r = run_child({"mode": mode, "corpus": str(corpus)}, cache)
                row[mode] = r
                workers = f" (largest worker {r['worker_peak_mb']:.0f} MB)" if r["worker_peak_mb"] else ""
                print(f"  {mode:8} analyze {r['analyze']:7.2f} s (articles {r['articles_s']:.2f} s, links "
                      f"{r['links_s']:.2f} s)  process {r['process']:6.2f} s  peak {r['peak_mb']:6.0f} MB{workers}  "
                      f"cache hits {r['hits']}/{r['hits'] + r['misses']}", flush=True)
            if opts.stages:
                r = run_child({"mode": "stages", "corpus": str(corpus)}, cache)
                row["stages"] = r
                print(f"\n  stage table, {size:,} articles, serial, no cache (analyze {r['analyze']:.2f} s):")
                print("  | stage | s | share | ms/article |\n  |---|---:|---:|---:|")
                for name, took in r["stages"].items():
                    print(f"  | {name} | {took:.2f} | {100 * took / r['analyze']:.0f}% | {1000 * took / size:.2f} |")
                rest = r["analyze"] - sum(r["stages"].values())
                print(f"  | the rest (cache, ids, loader) | {rest:.2f} | {100 * rest / r['analyze']:.0f}% | "
                      f"{1000 * rest / size:.2f} |", flush=True)
            if opts.json_memory:
                m = json_memory(corpus, cache)
                row["json_memory"] = m
                print(f"  analyze --json peak {m['json']:.0f} MB, summary peak {m['summary']:.0f} MB: "
                      f"{m['json'] / m['summary']:.2f}x (target <= 1.25x; the smaller of two runs each, warm cache)",
                      flush=True)
            if size in base_sizes:
                job = {"mode": "baseline", "corpus": str(corpus), "sample": opts.sample, "full": opts.full}
                b = run_child(job, cache)
                row["baseline"] = b
                how = (f"extrapolated from {b['timed_pairs']:,} timed pairs" if b["extrapolated"]
                       else "every pair timed")
                print(f"  baseline {b['seconds']:9.1f} s for {b['pairs']:,} pairs ({how})", flush=True)
            rows.append(row)

    print()
    for row in rows:
        if "serial" in row and "pool" in row:
            se, po = row["serial"], row["pool"]
            print(f"{row['size']:,} articles, cold without cache: one process {se['analyze']:.2f} s "
                  f"(articles {se['articles_s']:.2f} s), two workers {po['analyze']:.2f} s "
                  f"(articles {po['articles_s']:.2f} s): workers {se['analyze'] / po['analyze']:.2f}x")
    print("\n| articles | passages | links | cold s | warm s | 1 changed s | peak MB (main, any run) "
          "| ms/article (cold) | naive all-pairs s | speedup |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        c, w, ch = row["cold"], row["warm"], row["changed"]
        base = row.get("baseline")
        naive = (f"{base['seconds']:,.0f}{' (extrapolated)' if base['extrapolated'] else ''}" if base else "-")
        speed = f"{base['seconds'] / c['analyze']:,.0f}x" if base else "-"
        peak = max(c["peak_mb"], w["peak_mb"], ch["peak_mb"])
        print(f"| {row['size']:,} | {c['passages']:,} | {c['links']:,} | {c['analyze']:.2f} | {w['analyze']:.2f} | "
              f"{ch['analyze']:.2f} | {peak:.0f} | {1000 * c['analyze'] / row['size']:.2f} | {naive} | {speed} |")
    print("\n(cold/warm/1 changed: the analyze() call; process wall time adds "
          f"~{rows[0]['warm']['process'] - rows[0]['warm']['analyze']:.2f} s of start-up and imports. "
          "speedup: naive all-pairs time / parallax cold analyze time, whole pipeline.)")
    by = {r["size"]: r for r in rows}
    if 1000 in by and 5000 in by:
        per1 = by[1000]["cold"]["analyze"] / 1000
        per5 = by[5000]["cold"]["analyze"] / 5000
        print(f"time per article, cold: 5,000 = {1000 * per5:.2f} ms, 1,000 = {1000 * per1:.2f} ms, "
              f"ratio {per5 / per1:.2f} "
              "(target <= 1.5)")
    if 1000 in by:
        r = by[1000]
        peak = max(r[m]["peak_mb"] for m in ("cold", "warm", "changed"))
        print(f"1,000 articles: cold {r['cold']['analyze']:.2f} s (target <= 10), warm {r['warm']['analyze']:.2f} s "
              f"(target <= 1; process {r['warm']['process']:.2f} s), peak {peak:.0f} MB main, "
              f"{r['cold']['worker_peak_mb']:.0f} MB largest worker (target <= 500)")


if __name__ == "__main__":
    main()

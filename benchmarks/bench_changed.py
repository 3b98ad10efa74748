"""Benchmark: "1 changed" (one article edited in a large corpus analysed before), paired across checkouts.

    uv run python benchmarks/bench_changed.py --size 5000 --runs 3 /work/main .     # A, then B, in turn
    uv run python benchmarks/bench_changed.py --size 5000 --profile .               # where the time goes
    uv run python benchmarks/bench_changed.py --size 5000 --stages --dir D .        # the stage table, per run

The corpus is generated once (benchmarks/make_corpus.py) into --dir (default: a temporary folder, kept with
--dir so later calls skip the cold runs). Each checkout analyses it cold once, into its own cache (its cache
layout may differ from the other's); that cache is the "before". Each counted run copies the before-cache,
edits one article (benchmarks/bench_corpus.py's edit_one), runs `load` in a fresh process of the checkout's
own environment and puts the article back. Runs alternate A B A B, so drift of a busy machine falls on both.
Printed per run: CPU seconds (process_time) and wall seconds of the load() call, and GC collections; then
each checkout's median and the paired ratio B/A. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()

# The stage table (--stages): (stage, module, attribute) of each function whose CPU time is a stage's; time
# inside one stage's function is not counted again in another's that it calls. A new stage is one line here.
STAGES = (
    ("files found", "models.loader", "discover"),
    ("files read", "models.loader", "read_bytes"),
    ("cached articles decoded", "models.store.cache", "_decode_article"),
    ("cache lookups (less decoding)", "models.store.cache", "Cache.get_analysed"),
    ("changed article analysed", "models.loader", "article_steps"),
    ("duplicates", "models.loader", "_near_duplicate"),
    ("repeated furniture", "models.loader", "_without_repeats"),
    ("links built (Link objects)", "models.store.cache", "_links"),  # the stored ones, before they were made by make_links
    ("links built (Link objects)", "models.store.cache", "make_links"),
    ("links built (Link objects)", "models.pipeline.model", "make_links"),
    ("links built (Link objects)", "models.pipeline.relink", "make_links"),
    ("links built (Link objects)", "models.link_table", "make_links"),
    ("stored model decoded", "models.store.cache", "_decode_model"),
    ("stored corpus read (the rest)", "models.store.cache", "Cache.get_base"),
    ("relink: links touching the change", "models.pipeline.relink", "links_touching"),
    ("relink: links by content", "models.pipeline.relink", "content_links"),
    ("relink: links lent", "models.pipeline.relink", "carried_links"),
    ("relink: link space", "models.pipeline.relink", "model_space"),
    ("relink: merged", "models.pipeline.relink", "_merged"),
    ("relink: columns", "models.pipeline.relink", "_columns"),
    ("relink: the rest", "models.pipeline.relink", "relink"),
    ("corpus stored", "models.store.cache", "Cache.put_corpus"),
    ("cache written", "models.store.cache", "Cache.flush"),
)


def instrument() -> dict[str, float]:
    """Wrap each STAGES function to add its own CPU time (less that of stages it calls) to a table."""
    import importlib

    totals: dict[str, float] = {name: 0.0 for name, _, _ in STAGES}  # a stage this checkout lacks stays 0
    inner: list[float] = [0.0]

    def timed(name, real):
        def wrapper(*a, **k):
            outer, inner[0] = inner[0], 0.0
            t = time.process_time()
            try:
                return real(*a, **k)
            finally:
                took = time.process_time() - t
                totals[name] += took - inner[0]
                inner[0] = outer + took

        return wrapper

    for name, module_name, attribute in STAGES:
        try:
            owner = importlib.import_module(module_name)
        except ModuleNotFoundError:  # a module the other checkout compared does not have
            continue
        *path, last = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        if hasattr(owner, last):  # the two checkouts compared may name their functions otherwise
            setattr(owner, last, timed(name, getattr(owner, last)))
    return totals


def child(corpus: str, profile: str | None, stages: bool = False) -> dict:
    import gc

    sys.path.insert(0, os.getcwd())
    from models.config import load_config
    from models.events import Done
    from models.loader import load
    from models.store.cache import Cache

    config = load_config()
    timers = instrument() if stages else None
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
    with Cache() as store:
        before = [s["collections"] for s in gc.get_stats()]
        c0, w0 = time.process_time(), time.perf_counter()
        if prof:
            prof.enable()
        corpus_ = None
        for event in load([corpus], config, cache=store):
            if isinstance(event, Done):
                corpus_ = event.corpus
        if prof:
            prof.disable()
        c1, w1 = time.process_time(), time.perf_counter()
        after = [s["collections"] for s in gc.get_stats()]
        stage_times = dict(timers) if timers is not None else None  # before digests() reads every link below
    assert corpus_ is not None
    if prof is not None and profile:
        prof.dump_stats(profile)
    return {"cpu": c1 - c0, "wall": w1 - w0, "gc": [b - a for a, b in zip(before, after)],
            "links": len(corpus_.links), "articles": len(corpus_.articles), "stages": stage_times, **digests(corpus_)}


def digests(corpus) -> dict[str, str]:
    """Digests of the corpus's links (every field, in order) and of its passages' tags: two checkouts that
    analyse alike give the same (printed per run; the pairs are compared at the end)."""
    import hashlib

    links = hashlib.sha256()
    for link in corpus.links:
        links.update(f"{link.source}\t{link.target}\t{link.topic}\t{link.score!r}\t{link.reason}\t"
                     f"{link.shared_terms!r}\n".encode())
    tags = hashlib.sha256()
    for article in corpus.articles:
        for p in article.passages:
            tags.update(f"{p.id}\t{[(t.topic, t.score, t.implicit, t.evidence, t.inferred_from, t.related) for t in p.topics]!r}"
                        f"\n".encode())
    return {"links_digest": links.hexdigest()[:16], "tags_digest": tags.hexdigest()[:16]}


def run(checkout: Path, corpus: Path, cache: Path, profile: str | None = None, stages: bool = False) -> dict:
    env = dict(os.environ, PARALLAX_CACHE_DIR=str(cache))
    # as users run it: Python keeps the bytecode it compiles (these machines set PYTHONDONTWRITEBYTECODE=1, and
    # then every run compiles numpy and the linking modules again, ~0.6 s of CPU that no user pays)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = ["uv", "run", "-q", "python", str(HERE), "--child", str(corpus)] + (["--profile", profile] if profile else []) \
        + (["--stages"] if stages else [])
    done = subprocess.run(cmd, cwd=checkout, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{checkout}: child failed\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkouts", nargs="*", default=["."], help="one or two checkouts (A, B)")
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", help="keep the corpus and the before-caches here (reused when present)")
    parser.add_argument("--profile", help="with one checkout: write a cProfile of one run to this file")
    parser.add_argument("--stages", action="store_true", help="time each stage (STAGES) in the counted runs")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.child:
        print(json.dumps(child(opts.child, opts.profile, opts.stages)))
        return
    sys.path.insert(0, str(HERE.parent.parent))
    from benchmarks.bench_corpus import edit_one
    from benchmarks.make_corpus import generate

    checkouts = [Path(c).resolve() for c in opts.checkouts]
    work = Path(opts.dir) if opts.dir else Path(tempfile.mkdtemp(prefix="parallax-changed-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"corpus-{opts.size}"
    if not corpus.exists():
        generate(opts.size, corpus)
    original = work / f"corpus-{opts.size}.orig"  # a copy never edited: a run cut short leaves the corpus as it was
    if not original.exists():
        shutil.copytree(corpus, original)
    pristine = {corpus / p.relative_to(original): p.read_bytes() for p in original.rglob("*.txt")}
    for p, data in pristine.items():
        if p.read_bytes() != data:
            p.write_bytes(data)
    befores = []
    for i, checkout in enumerate(checkouts):
        before = work / f"before-{opts.size}-{i}-{checkout.name}"
        stamp = before / "commit"
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=checkout, capture_output=True, text=True).stdout
        dirty = subprocess.run(["git", "status", "--porcelain", "models"], cwd=checkout, capture_output=True,
                               text=True).stdout
        if dirty or not stamp.exists() or stamp.read_text() != head:
            shutil.rmtree(before, ignore_errors=True)
            r = run(checkout, corpus, before)
            print(f"{checkout}: cold {r['cpu']:.2f} s CPU, {r['links']:,} links", flush=True)
            stamp.write_text(head)
        befores.append(before)
    results: list[list[dict]] = [[] for _ in checkouts]
    try:
        for n in range(1 if opts.profile else opts.runs):
            for i, checkout in enumerate(checkouts):
                cache = work / "run-cache"
                shutil.rmtree(cache, ignore_errors=True)
                shutil.copytree(befores[i], cache)
                edit_one(corpus)
                try:
                    r = run(checkout, corpus, cache, opts.profile, opts.stages)
                finally:
                    for p, data in pristine.items():
                        if p.read_bytes() != data:
                            p.write_bytes(data)
                results[i].append(r)
                print(f"run {n + 1} {'AB'[i]} {checkout.name}: cpu {r['cpu']:.2f} s  wall {r['wall']:.2f} s  "
                      f"gc {r['gc']}  links {r['links']:,} ({r['links_digest']}, tags {r['tags_digest']})  "
                      f"load {os.getloadavg()[0]:.1f}", flush=True)
    finally:
        shutil.rmtree(work / "run-cache", ignore_errors=True)
        if not opts.dir:
            shutil.rmtree(work, ignore_errors=True)
    if opts.stages:
        for i, checkout in enumerate(checkouts):
            print(f"{'AB'[i]} stages, median CPU s over the runs:")
            timed = [r["stages"] for r in results[i] if r.get("stages")]
            for name in dict.fromkeys(name for name, _, _ in STAGES):
                values = [t[name] for t in timed if name in t]
                if values:
                    print(f"  {statistics.median(values):6.2f}  {name}")
            rest = [r["cpu"] - sum(r["stages"].values()) for r in results[i] if r.get("stages")]
            if rest:
                print(f"  {statistics.median(rest):6.2f}  (outside these)")
    for i, checkout in enumerate(checkouts):
        cpu = [r["cpu"] for r in results[i]]
        print(f"{'AB'[i]} {checkout}: median cpu {statistics.median(cpu):.2f} s (min {min(cpu):.2f}, max {max(cpu):.2f})")
    if len(checkouts) == 2:
        ratios = [b["cpu"] / a["cpu"] for a, b in zip(*results)]
        print(f"B/A cpu, pair by pair: {' '.join(f'{r:.2f}' for r in ratios)}; median {statistics.median(ratios):.2f}")
        same = all(a[k] == b[k] for a, b in zip(*results) for k in ("links_digest", "tags_digest"))
        print("links and tags: " + ("the same in every pair" if same else "DIFFER between the checkouts"))


if __name__ == "__main__":
    main()

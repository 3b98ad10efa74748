"""`parallax analyze [PATH ...] [--json]`: the analysis as a readable summary or one JSON document."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from tui.cli_common import Command, articles_options, exit_code, load, report_problems

if TYPE_CHECKING:
    from models.config import Config
    from models.document import Corpus


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of a summary")


def analyze_with_progress(paths: list[str], config: Config, use_cache: bool) -> Corpus:
    """The analysis with the command line's progress bar (reading, then linking) and the cache's own
    problems (a corrupt cache rebuilt...) reported on stderr like any other."""
    from models.document import Article, Problem
    from models.loader import build_corpus, iter_articles
    from models.store.cache import Cache
    from tui.progress_bar import rich_progress

    cache = Cache() if use_cache else None
    try:
        with rich_progress() as bar:
            articles: list[Article] = []
            problems: list[Problem] = []
            for item in iter_articles(paths, config, cache=cache if cache is not None else False, progress=bar):
                if isinstance(item, Problem):
                    problems.append(item)
                else:
                    articles.append(item)
            bar.phase("Linking passages")
            corpus = build_corpus(articles, config, problems, cache=cache)
    finally:
        if cache is not None:
            cache.close()
            for message in cache.messages:
                print(f"parallax: cache: {message}", file=sys.stderr)
    return corpus


def run(args: argparse.Namespace) -> int:
    from models.serialize import corpus_to_dict

    config, paths = load(args)
    corpus = analyze_with_progress(paths, config, not args.no_cache)
    if args.json:
        out = json.dumps(corpus_to_dict(corpus, voices=True), ensure_ascii=False, indent=2) + "\n"
        sys.stdout.buffer.write(out.encode("utf-8"))
        sys.stdout.flush()
    else:
        from tui.summary import print_summary

        print_summary(corpus)
    report_problems(corpus.problems)
    return exit_code(corpus)


COMMAND = Command(
    name="analyze",
    help="print the analysis (a summary, or --json)",
    description="Analyse articles and print the result: a readable summary, or with --json one JSON document.",
    run=run,
    configure=configure,
    parents=(articles_options,),
)

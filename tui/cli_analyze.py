"""`parallax analyze [PATH ...] [--json]`: the analysis as a readable summary or one JSON document."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tui.cli_common import (Command, articles_options, exit_code, load, plain, report_problems,
                             with_fetch_problems)

if TYPE_CHECKING:
    from models.config import Config
    from models.document import Corpus


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of a summary")


def analyze_with_progress(paths: list[str], config: Config, use_cache: bool) -> Corpus:
    """The loader's events on the command line: its progress on a bar (each phase named: reading,
    analysing, linking), its notices (a corrupt cache rebuilt...) on stderr like any other problem."""
    from models.events import Done, Notice, Progress
    from models.loader import load
    from tui.progress_bar import rich_progress

    corpus: Corpus | None = None
    notices: list[Notice] = []
    with rich_progress() as bar:
        for event in load(paths, config, cache=use_cache):
            if isinstance(event, Progress):
                bar.show(event)
            elif isinstance(event, Notice):
                notices.append(event)
            elif isinstance(event, Done):
                corpus = event.corpus
    for notice in notices:
        print(f"parallax: {plain(notice.about) + ': ' if notice.about else ''}{plain(notice.message)}", file=sys.stderr)
    assert corpus is not None, "the loader ends with Done"
    return corpus


def run(args: argparse.Namespace) -> int:
    config, paths = load(args)
    corpus = with_fetch_problems(args, analyze_with_progress(paths, config, not args.no_cache))
    if args.json:
        from models.serialize import write_corpus_json

        sys.stdout.flush()
        write_corpus_json(corpus, sys.stdout.buffer, voices=True)  # streamed: one article at a time, C encoder
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

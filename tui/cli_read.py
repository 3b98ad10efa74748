"""`parallax [PATH ...]` (or `parallax read PATH ...`): open the reader on the articles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli_common import Command, articles_options, data_options, exit_code, load, report_problems


def run(args: argparse.Namespace) -> int:
    from tui.app import ParallaxApp

    config, paths = load(args)
    if "-" in paths:
        print("parallax: the reader cannot read an article from stdin (the terminal is its keyboard); "
              "use 'parallax analyze -' or save the article to a file", file=sys.stderr)
        return 2
    targets: list[str | Path] = list(paths)
    app = ParallaxApp(targets, config, data_dir=args.data_dir, use_cache=not args.no_cache,
                      problems=tuple(args.problems))
    app.run()
    if app.corpus is not None:  # its problems include the URLs that could not be fetched
        report_problems(app.corpus.problems)
        return exit_code(app.corpus)
    report_problems(args.problems)
    return 1 if args.problems else 0


COMMAND = Command(
    name="read",
    help="open the reader (the default: 'parallax PATH' is 'parallax read PATH')",
    description="Open the reader: one pane per article, passages linked across articles by topic.",
    run=run,
    parents=(articles_options, data_options),
)

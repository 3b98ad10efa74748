"""`parallax [PATH ...]` (or `parallax read PATH ...`): open the reader on the articles."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from tui.cli_common import CRASHED, Command, articles_options, data_options, load, plain, report_problems


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
    problems = app.corpus.problems if app.corpus is not None else tuple(args.problems)  # URLs not fetched too
    report_problems(problems)
    if app.return_code or app.failure is not None:  # the reader crashed, or loading hit a bug
        if app.failure is not None:
            traceback.print_exception(app.failure, file=sys.stderr)
            print(f"parallax: loading failed ({type(app.failure).__name__}: {plain(str(app.failure))}); this is "
                  "a bug in parallax, please report it with the lines above", file=sys.stderr)
        return CRASHED
    return 1 if problems else 0


COMMAND = Command(
    name="read",
    help="open the reader (the default: 'parallax PATH' is 'parallax read PATH')",
    description="Open the reader: one pane per article, passages linked across articles by topic.",
    run=run,
    parents=(articles_options, data_options),
)

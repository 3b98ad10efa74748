"""`parallax export [PATH ...]`: the Markdown comparison of the articles (or, with --bookmarks, the bookmarks).

A file is written through a temporary file and renamed into place, and an existing one is only replaced
with `--force`. When no article could be read there is nothing to compare: nothing is written and the
exit code is 1 (each unreadable file named on stderr).
"""

from __future__ import annotations

import argparse
import sys

from tui.cli_common import (Command, articles_options, data_options, emit, exit_code, load, output_options,
                            refuse_existing, report_problems, topic_ids, topic_options, unknown_topics,
                            with_fetch_problems)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bookmarks", action="store_true",
                        help="export the bookmarked passages, grouped by topic, with notes and tags "
                             "(no PATH: the files they were made in)")
    parser.add_argument("--links", type=_count, default=8, metavar="N",
                        help="linked pairs shown side by side per topic, strongest first (default 8; the rest "
                             "are counted)")


def run(args: argparse.Namespace) -> int:
    prog = "parallax export"
    if args.bookmarks:
        from tui.cli_bookmarks import export_bookmarks

        return export_bookmarks(args, prog, as_json=False)
    if refuse_existing(args, prog):
        return 2
    from models.export.report import export_markdown
    from models.loader import analyze

    topics = topic_ids(args.topic)
    config, paths = load(args)
    if unknown_topics(config.topics, topics, prog):
        return 2
    corpus = with_fetch_problems(args, analyze(paths, config, cache=not args.no_cache))
    report_problems(corpus.problems)
    if not corpus.articles:
        print(f"{prog}: no article could be read, so there is nothing to compare; nothing was written",
              file=sys.stderr)
        return 1
    code = emit(export_markdown(corpus, topics, config_topics=config.topics, links_per_topic=args.links), args, prog)
    return code or exit_code(corpus)


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


COMMAND = Command(
    name="export",
    help="write a Markdown comparison of the articles (or --bookmarks)",
    description="Write a Markdown comparison of the articles: sources, coverage matrix, and per topic how "
                "each outlet frames it, who is quoted, and the linked passages side by side (no PATH: seeds/).",
    run=run,
    configure=configure,
    parents=(articles_options, data_options, topic_options, output_options),
)

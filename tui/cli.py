"""The `parallax` command: the reader by default, and the subcommands that script it.

    parallax [PATH ...]                     open the reader (no path: the bundled seeds/)
    parallax analyze [PATH ...] [--json]    print the analysis
    parallax export [PATH ...] [-o FILE]    write a Markdown comparison (see tui/cli_bookmarks.py)
    parallax bookmarks [list|export]        the saved bookmarks
    parallax keys                           every key binding id and its keys

Exit codes: 0 every file was analysed; 1 some files were skipped (each named on stderr); 2 a bad command
line or config. Heavy imports (Textual, Rich) happen inside the subcommand that needs them, so
`parallax analyze --json` starts fast.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from models.config import Config, ConfigError, load_config
from models.document import Corpus, Problem

SUBCOMMANDS = ("analyze", "export", "bookmarks", "keys")


def default_paths() -> list[str]:
    """`seeds/` in the current folder, else the seeds that ship beside the package."""
    here = Path("seeds")
    if here.is_dir():
        return [str(here)]
    bundled = Path(__file__).resolve().parent.parent / "seeds"
    return [str(bundled)]


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article files or folders, read recursively (.txt, .md, .html); - reads stdin "
                             "(default: seeds/)")
    parser.add_argument("--config", metavar="FILE", help="a config.yaml to use instead of the bundled one")
    parser.add_argument("--no-cache", action="store_true",
                        help="analyse everything afresh, neither reading nor writing the analysis cache")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Read articles side by side, with passages linked across outlets by topic.",
        epilog="Subcommands: analyze, export, bookmarks, keys ('parallax analyze --help' and so on).",
    )
    _common(parser)
    parser.add_argument("--data-dir", metavar="DIR",
                        help="where bookmarks are kept (default: $PARALLAX_DATA_DIR, else the user data folder)")
    return parser


def build_analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parallax analyze", description="Analyse articles and print the result.")
    _common(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of a summary")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The engine logs what it can work around (a corrupt cache rebuilt); this command reports those itself,
    # as "parallax: ..." lines or, in the reader, notifications, never as bare log lines over the screen.
    logging.getLogger("parallax").addHandler(logging.NullHandler())
    try:
        if argv and argv[0] == "analyze":
            return _analyze(build_analyze_parser().parse_args(argv[1:]))
        if argv and argv[0] in ("export", "bookmarks"):
            from tui.cli_bookmarks import bookmarks_main, export_main

            return (export_main if argv[0] == "export" else bookmarks_main)(argv[1:])
        if argv and argv[0] == "keys":
            return _keys(argv[1:])
        return _read(build_parser().parse_args(argv))
    except ConfigError as exc:
        print(f"parallax: bad config: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`parallax keys | head -1`): not an error of ours.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the interpreter's final flush is quiet
        except OSError:
            pass
        return 0


def load(args: argparse.Namespace) -> tuple[Config, list[str]]:
    """The config and paths a subcommand asked for (ConfigError propagates to `main`)."""
    return load_config(args.config), args.paths or default_paths()


def report_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for problem in problems:
        print(f"parallax: {problem.path}: {problem.message}", file=sys.stderr)


def exit_code(corpus: Corpus) -> int:
    return 1 if corpus.problems else 0


def analyze_with_progress(paths: list[str], config: Config, use_cache: bool) -> Corpus:
    """The analysis with the command line's progress bar (reading, then linking) and the cache's own
    problems (a corrupt cache rebuilt...) reported on stderr like any other."""
    from models.store.cache import Cache
    from models.loader import build_corpus, iter_articles
    from models.document import Article
    from tui.progress_bar import rich_progress

    cache = Cache() if use_cache else None
    try:
        with rich_progress() as bar:
            articles: list[Article] = []
            problems: list[Problem] = []
            for item in iter_articles(paths, config, cache=cache if cache is not None else False, progress=bar):
                (problems if isinstance(item, Problem) else articles).append(item)
            bar.phase("Linking passages")
            corpus = build_corpus(articles, config, problems, cache=cache)
    finally:
        if cache is not None:
            cache.close()
            for message in cache.messages:
                print(f"parallax: cache: {message}", file=sys.stderr)
    return corpus


def _analyze(args: argparse.Namespace) -> int:
    from models.serialize import corpus_to_dict

    config, paths = load(args)
    corpus = analyze_with_progress(paths, config, not args.no_cache)
    if args.json:
        out = json.dumps(corpus_to_dict(corpus), ensure_ascii=False, indent=2) + "\n"
        sys.stdout.buffer.write(out.encode("utf-8"))
        sys.stdout.flush()
    else:
        from tui.summary import print_summary

        print_summary(corpus)
    report_problems(corpus.problems)
    return exit_code(corpus)


def _keys(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="parallax keys", description="List every key binding id and its keys.")
    parser.add_argument("--config", metavar="FILE", help="show the keys as this config.yaml sets them")
    args = parser.parse_args(argv)
    from tui.keymap import clashes, key_rows, unknown_ids

    config = load_config(args.config)
    for bad in unknown_ids(config.keys):
        print(f"parallax: {config.path}: keys: {bad} is not a binding id", file=sys.stderr)
    for clash in clashes(config.keys):
        print(f"parallax: {config.path}: keys: {clash}", file=sys.stderr)
    group = None
    for row in key_rows(config.keys):
        if row.group != group:
            group = row.group
            print(f"{group}:")
        print(f"  {row.id:<18} {','.join(row.keys):<22} {row.description}")
    return 0


def _read(args: argparse.Namespace) -> int:
    from tui.app import ParallaxApp

    config, paths = load(args)
    if "-" in paths:
        print("parallax: the reader cannot read an article from stdin (the terminal is its keyboard); "
              "use 'parallax analyze -' or save the article to a file", file=sys.stderr)
        return 2
    app = ParallaxApp(paths, config, data_dir=args.data_dir, use_cache=not args.no_cache)
    app.run()
    if app.corpus is not None:
        report_problems(app.corpus.problems)
        return exit_code(app.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())

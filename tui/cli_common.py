"""What every `parallax` subcommand shares: the shape of a command, the parent parsers of the common options,
loading the config and paths, and writing to stdout and stderr.

A subcommand is one small module (`tui/cli_<name>.py`) that defines a `COMMAND = Command(...)` and is named
once in `tui/cli.py`'s `COMMAND_MODULES`. The module imports only this one and the standard library at its
top: the heavy imports (Textual, Rich, the analysis) happen inside its `run`, so `parallax --help` and
`parallax analyze --json` start fast. Nothing here imports tui/cli.py, so there is no import cycle.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.config import Config
    from models.document import Corpus, Problem


@dataclass(frozen=True)
class Command:
    """One `parallax` subcommand (or one action of a subcommand, e.g. `bookmarks list`).

    `configure` adds the command's own arguments to its parser (the `parents` add the shared ones);
    `run` does the work and returns the exit code. A command with `actions` is only a name in front of
    them (`parallax bookmarks list`): its first action is the default when none is named.
    """

    name: str
    help: str
    run: Callable[[argparse.Namespace], int] | None = None
    configure: Callable[[argparse.ArgumentParser], None] | None = None
    parents: tuple[Callable[[], argparse.ArgumentParser], ...] = ()
    description: str = ""
    epilog: str = ""
    actions: tuple[Command, ...] = field(default=())

    def action(self, name: str) -> Command | None:
        return next((a for a in self.actions if a.name == name), None)


# --- parent parsers: the options several commands share -------------------------------------------------


def articles_options() -> argparse.ArgumentParser:
    """PATH ..., --config, --no-cache: what every command that reads articles takes."""
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("articles")
    group.add_argument("paths", nargs="*", metavar="PATH",
                       help="article files or folders, read recursively (.txt, .md, .html), or http(s) URLs of "
                            "articles (fetched once, then read from the page cache); - reads stdin "
                            "(default: the bundled seeds)")
    group.add_argument("--urls", metavar="FILE", action="append", default=[],
                       help="a text file of article URLs, one a line (# starts a comment)")
    group.add_argument("--refetch", action="store_true",
                       help="download pages again even when the page cache has them")
    group.add_argument("--config", metavar="FILE", help="a config.yaml to use instead of the bundled one")
    group.add_argument("--no-cache", action="store_true",
                       help="analyse everything afresh, neither reading nor writing the analysis cache")
    return parent


def data_options() -> argparse.ArgumentParser:
    """--data-dir: where the bookmarks are."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--data-dir", metavar="DIR",
                        help="where bookmarks are kept (default: $PARALLAX_DATA_DIR, else the user data folder)")
    return parent


def output_options() -> argparse.ArgumentParser:
    """-o/--output and --force: a command that writes a document."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parent.add_argument("--force", action="store_true", help="replace FILE if it exists")
    return parent


def topic_options() -> argparse.ArgumentParser:
    """--topic ID (repeatable, or comma-separated)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--topic", action="append", metavar="ID", default=[],
                        help="only this topic (repeat, or separate ids with commas)")
    return parent


# --- loading ---------------------------------------------------------------------------------------------


def default_paths() -> list[str]:
    """The seeds that ship with parallax (never a `seeds/` that happens to be in the current folder)."""
    from models.resources import seeds_path

    return [str(seeds_path())]


def load(args: argparse.Namespace) -> tuple[Config, list[str]]:
    """The config and paths a command asked for (ConfigError propagates to tui/cli.py's `main`).

    URLs among the PATHs and in `--urls` files are fetched first (progress on stderr, one line per URL
    when it is a terminal) and stand for their pages in the page cache; a URL that cannot be had goes to
    `args.problems` (see `with_fetch_problems`) and the rest go on."""
    from models.config import load_config, topics_beside

    beside = topics_beside(list(args.paths)) if args.config is None else None
    if beside is not None:  # a folder of articles with its own topics.yaml (`parallax topics suggest`)
        print(f"parallax: using the topics of {plain(str(beside))}", file=sys.stderr)
    config = load_config(beside if beside is not None else args.config)
    for note in config.notes:  # what was wrong in the config but did not stop it (the reader shows them too)
        print(f"parallax: {plain(note)}", file=sys.stderr)
    paths = list(args.paths)
    lists = list(getattr(args, "urls", []) or [])
    args.problems = []
    if lists or any(_is_url(p) for p in paths):
        paths = _fetch(args, paths, lists)
        if not paths:
            return config, []
    return config, paths or default_paths()


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "HTTP://", "HTTPS://"))


def _fetch(args: argparse.Namespace, paths: list[str], lists: list[str]) -> list[str]:
    """`paths` with each URL replaced by its cached page (dropped when it cannot be had)."""
    from models.pipeline.fetch import fetch_pages, read_url_list, split_urls

    urls, _ = split_urls(paths)
    for listing in lists:
        found, problems = read_url_list(listing)
        urls += found
        args.problems.extend(problems)
    tty = sys.stderr.isatty()

    def progress(done: int, total: int, url: str, outcome: str) -> None:
        if tty:
            print(f"parallax: {done}/{total} {plain(url)}: {plain(outcome)}", file=sys.stderr, flush=True)

    if tty and urls:
        print(f"parallax: fetching {len(urls)} page{'s' if len(urls) != 1 else ''}…", file=sys.stderr, flush=True)
    result = fetch_pages(urls, refetch=getattr(args, "refetch", False), progress=progress)
    args.problems.extend(result.problems)
    out: list[str] = []
    for path in paths:
        if not _is_url(path):
            out.append(path)
        elif (cached := result.path_of(path)) is not None:
            out.append(cached)
    out += [p for u in urls if u not in paths and (p := result.path_of(u)) is not None]
    return list(dict.fromkeys(out))


def with_fetch_problems(args: argparse.Namespace, corpus: Corpus) -> Corpus:
    """`corpus` with the URLs that could not be fetched (and bad lines of `--urls` files) first among its
    problems, so JSON, stderr and the exit code count them as they count unreadable files."""
    from dataclasses import replace

    early = tuple(getattr(args, "problems", ()))
    return replace(corpus, problems=(*early, *corpus.problems)) if early else corpus


def topic_ids(values: Sequence[str]) -> list[str] | None:
    """`--topic a --topic b,c` as ['a', 'b', 'c']; None when none was given."""
    ids = [t.strip() for value in values for t in value.split(",") if t.strip()]
    return ids or None


def unknown_topics(config_topics: Sequence[object], topics: Sequence[str] | None, prog: str) -> bool:
    """Say on stderr which of `topics` the config does not have (True when any)."""
    if not topics:
        return False
    valid = [getattr(t, "id") for t in config_topics]
    unknown = [t for t in topics if t not in valid]
    if unknown:
        print(f"{prog}: unknown topic {', '.join(repr(plain(t)) for t in unknown)}; valid ids: {', '.join(valid)}",
              file=sys.stderr)
        return True
    return False


# --- output ----------------------------------------------------------------------------------------------


def plain(text: str) -> str:
    """Untrusted text (from an article, a note, a file name) safe to print on one line: models/display.py's
    display (escape sequences, controls, bidi overrides and invisible characters removed)."""
    from models.display import display

    return display(text)


def report_problems(problems: Sequence[Problem]) -> None:
    """One stderr line per problem, naming the file (or URL)."""
    for problem in problems:
        print(f"parallax: {plain(problem.path)}: {plain(problem.message)}", file=sys.stderr)


def exit_code(corpus: Corpus) -> int:
    """0 every file was analysed; 1 some were skipped."""
    return 1 if corpus.problems else 0


CRASHED = 3  # the exit status of an error parallax did not expect (a bug): never 0, never a skipped file's 1


def write_stdout(text: str) -> None:
    """Write to stdout as UTF-8. When the reader has gone (`| head -1`), the rest is dropped quietly."""
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        drop_stdout()


def refuse_existing(args: argparse.Namespace, prog: str) -> bool:
    """Fail before any work when the output exists and --force was not given (checked again on writing)."""
    if args.output and args.output != "-" and not args.force and Path(args.output).exists():
        print(f"{prog}: {args.output} already exists (use --force to replace it)", file=sys.stderr)
        return True
    return False


def emit(text: str, args: argparse.Namespace, prog: str) -> int:
    """`text` to stdout, or to `-o FILE` (atomically; an existing file only with --force). 0, or 2 when the
    file cannot be written."""
    from models.export.report import OutputExistsError, write_output

    if not args.output or args.output == "-":
        write_stdout(text)
        return 0
    try:
        write_output(text, Path(args.output), force=args.force)
    except OutputExistsError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{prog}: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


def drop_stdout() -> None:
    """Point stdout at the null device, so that nothing written later (nor the flush at exit) fails again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (e.g. captured in tests)
        pass

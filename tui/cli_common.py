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
                       help="article files or folders, read recursively (.txt, .md, .html); - reads stdin "
                            "(default: seeds/)")
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
    """The config and paths a command asked for (ConfigError propagates to tui/cli.py's `main`)."""
    from models.config import load_config

    return load_config(args.config), list(args.paths) or default_paths()


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
    """Untrusted text (from an article, a note, a file name) safe to print: control characters stripped,
    one line."""
    from models.pipeline.ingest import sanitize

    return sanitize(text).replace("\n", " ")


def report_problems(problems: Sequence[Problem]) -> None:
    """One stderr line per problem, naming the file (or URL)."""
    for problem in problems:
        print(f"parallax: {plain(problem.path)}: {plain(problem.message)}", file=sys.stderr)


def exit_code(corpus: Corpus) -> int:
    """0 every file was analysed; 1 some were skipped."""
    return 1 if corpus.problems else 0


def write_stdout(text: str) -> None:
    """Write to stdout as UTF-8. When the reader has gone (`| head -1`), the rest is dropped quietly."""
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        drop_stdout()


def drop_stdout() -> None:
    """Point stdout at the null device, so that nothing written later (nor the flush at exit) fails again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (e.g. captured in tests)
        pass

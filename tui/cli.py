"""The `parallax` command: the reader by default, and the subcommands that script it.

    parallax [PATH ...]                     open the reader (no path: the bundled seeds/); `parallax read`
    parallax analyze [PATH ...] [--json]    print the analysis
    parallax export [PATH ...] [-o FILE]    write a Markdown comparison
    parallax bookmarks [list|export] ...    the saved bookmarks
    parallax keys                           every key binding id and its keys

One argparse parser tree: each subcommand is a `Command` in its own module (`COMMAND_MODULES`), given the
shared options through parent parsers (tui/cli_common.py). Options go anywhere on the line
(`parallax bookmarks --data-dir X list`): before parsing, the command's and the action's names are moved
to the front, so every option is read by the one parser that knows it. A first word that is neither a
command nor a file (`parallax anlyze`) is a usage error when it is close to a command's name; otherwise
it is a path for the reader (`parallax -- analyze` opens a file called `analyze`).

Exit codes: 0 every file was analysed; 1 some files were skipped (each named on stderr); 2 a bad command
line or config; 3 parallax itself failed (a bug: the traceback is on stderr), wherever it happened, in the
reader too. Heavy imports (Textual, Rich) happen inside the command that needs them.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from models.display import display
from tui.cli_common import CRASHED, Command, drop_stdout

# Adding a subcommand: write tui/cli_<name>.py with a `COMMAND = Command(...)` and add its module here.
# The first is the default command, run when the line names none.
COMMAND_MODULES = (
    "tui.cli_read",
    "tui.cli_analyze",
    "tui.cli_export",
    "tui.cli_bookmarks",
    "tui.cli_keys",
    "tui.cli_topics",
)

USAGE = "parallax [PATH ...] [options]\n       parallax COMMAND [ACTION] [PATH ...] [options]"


def commands() -> list[Command]:
    return [importlib.import_module(name).COMMAND for name in COMMAND_MODULES]


def build_parser(all_commands: Sequence[Command] | None = None) -> argparse.ArgumentParser:
    """The whole parser tree: `parallax`, a subparser per command, and one per action of a command."""
    all_commands = list(all_commands or commands())
    parser = argparse.ArgumentParser(
        prog="parallax",
        usage=USAGE,
        description="Read articles side by side, with passages linked across outlets by topic. With no "
                    "command, opens the reader on the PATHs (no PATH: the bundled seeds/).",
        epilog="'parallax COMMAND --help' describes a command. Options may come before or after the command.",
    )
    sub = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND", prog="parallax")
    for command in all_commands:
        _add(sub, command)
    return parser


def _add(sub: argparse._SubParsersAction, command: Command) -> argparse.ArgumentParser:
    parser = sub.add_parser(command.name, help=command.help, description=command.description or command.help,
                            epilog=command.epilog or None, parents=[make() for make in command.parents])
    if command.configure is not None:
        command.configure(parser)
    if command.actions:
        inner = parser.add_subparsers(dest="action", title="actions", metavar="ACTION", prog=parser.prog)
        for action in command.actions:
            _add(inner, action)
    else:
        parser.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The engine logs what it can work around (a corrupt cache rebuilt); this command reports those itself,
    # as "parallax: ..." lines or, in the reader, notifications, never as bare log lines over the screen.
    logging.getLogger("parallax").addHandler(logging.NullHandler())
    from models.config import ConfigError

    try:
        all_commands = commands()
        parser = build_parser(all_commands)
        names, rest = normalise(argv, all_commands, parser)
        leaf = parser
        for name in names:
            leaf = _subparser(leaf, name)
        # The innermost parser reads the options, so its errors name it ("parallax export: error: ...").
        # Intermixed: PATHs may come before, between and after the options.
        intermixed = not any(isinstance(a, argparse._SubParsersAction) for a in leaf._actions)
        args = leaf.parse_intermixed_args(rest) if intermixed else leaf.parse_args(rest)
        if names and not hasattr(args, "run"):  # `parallax bookmarks` alone, asking for help: no action
            leaf.print_help()
            return 0
        if not names:
            parser.print_help()
            return 0
        return int(args.run(args))
    except ConfigError as exc:
        print(f"parallax: bad config: {display(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`parallax keys | head -1`): not an error of ours.
        drop_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 - a bug: say so, with the traceback, and never exit 0 or 1
        import traceback

        traceback.print_exc(file=sys.stderr)
        print(f"parallax: internal error ({type(exc).__name__}: {display(str(exc))}); this is a bug in "
              "parallax, please report it with the lines above", file=sys.stderr)
        return CRASHED


def normalise(
    argv: list[str], all_commands: Sequence[Command], parser: argparse.ArgumentParser
) -> tuple[list[str], list[str]]:
    """The command (and action) names `argv` asks for, the default command or action when it names none,
    and the rest of `argv`; a usage error (exit 2) for an unknown action or a mistyped command. No names:
    the line asks for `parallax --help`."""
    by_name = {c.name: c for c in all_commands}
    valued = _options_with_values(parser)
    rest = list(argv)
    asks_help = any(token in ("-h", "--help") for token in _before_double_dash(rest))
    at = _first_positional(rest, valued)
    if at is None:
        if asks_help:
            return [], rest  # `parallax --help`: the whole command's help
        command = all_commands[0]
    elif rest[at] in by_name:
        command = by_name[rest.pop(at)]
    else:
        word = rest[at]
        near = difflib.get_close_matches(word, list(by_name), n=1, cutoff=0.75)
        if near and not _looks_like_a_path(word):
            parser.error(f"unknown command {word!r} (did you mean {near[0]!r}?)")
        command = all_commands[0]
    front = [command.name]
    if command.actions:
        at = _first_positional(rest, valued)
        if at is not None and command.action(rest[at]) is not None:
            front.append(rest.pop(at))
        elif at is not None and not _looks_like_a_path(rest[at]):
            names = ", ".join(a.name for a in command.actions)
            _subparser(parser, command.name).error(f"unknown action {rest[at]!r} (choose from {names})")
        elif not (at is None and asks_help):  # `parallax bookmarks --help` describes the actions
            front.append(command.actions[0].name)
    return front, rest


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            return action.choices[name]
    return parser


def _options_with_values(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string, anywhere in the tree, that takes a value (`--config FILE`)."""
    found: set[str] = set()
    for action in parser._actions:
        if action.option_strings and action.nargs != 0:
            found.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found |= _options_with_values(child)
    return found


def _first_positional(argv: list[str], valued: set[str]) -> int | None:
    """The index of the first word that is not an option nor an option's value (before any `--`)."""
    skip = False
    for n, token in enumerate(argv):
        if skip:
            skip = False
            continue
        if token == "--":
            return None
        if token.startswith("-") and token != "-":
            skip = "=" not in token and token in valued
            continue
        return n
    return None


def _before_double_dash(argv: list[str]) -> list[str]:
    return argv[: argv.index("--")] if "--" in argv else argv


def _looks_like_a_path(word: str) -> bool:
    """A word the user means as an article: it exists, reads stdin, is a URL, or has a folder or suffix."""
    return (word == "-" or os.path.exists(word) or "://" in word or "/" in word or os.sep in word
            or "." in word)


if __name__ == "__main__":
    sys.exit(main())

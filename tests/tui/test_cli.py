"""The `parallax` command line: one parser tree, options anywhere, strict about commands and actions.

`normalise` is what makes `parallax bookmarks --data-dir X list` and `parallax PATH` both work: these
tests check it, and that a command is one module named in `COMMAND_MODULES`.
"""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

from tests.conftest import ROOT, SEEDS
from tui import cli
from tui.cli_common import Command


def split(argv):
    commands = cli.commands()
    return cli.normalise(list(argv), commands, cli.build_parser(commands))


@pytest.mark.parametrize("argv, names, rest", [
    ([], ["read"], []),
    ([str(SEEDS)], ["read"], [str(SEEDS)]),
    (["--no-cache", str(SEEDS), "--data-dir", "d"], ["read"], ["--no-cache", str(SEEDS), "--data-dir", "d"]),
    (["read", "a.txt"], ["read"], ["a.txt"]),
    (["--config", "analyze", "x.txt"], ["read"], ["--config", "analyze", "x.txt"]),  # a value, not a command
    (["--", "analyze"], ["read"], ["--", "analyze"]),  # a file called analyze
    (["--json", "analyze", "a.txt"], ["analyze"], ["--json", "a.txt"]),
    (["bookmarks"], ["bookmarks", "list"], []),
    (["bookmarks", "--data-dir", "x", "export", "-o", "b.md"], ["bookmarks", "export"], ["--data-dir", "x", "-o", "b.md"]),
    (["--data-dir=x", "bookmarks", str(SEEDS)], ["bookmarks", "list"], ["--data-dir=x", str(SEEDS)]),
    (["bookmarks", "--help"], ["bookmarks"], ["--help"]),
    (["--help"], [], ["--help"]),
])
def test_commands_and_actions_are_found_wherever_they_are(argv, names, rest):
    assert split(argv) == (names, rest)


@pytest.mark.parametrize("argv, message", [
    (["anlyze"], "unknown command 'anlyze' (did you mean 'analyze'?)"),
    (["bookmark", "list"], "unknown command 'bookmark' (did you mean 'bookmarks'?)"),
    (["bookmarks", "delete"], "parallax bookmarks: error: unknown action 'delete' (choose from list, export)"),
    (["export", "--bogus"], "parallax export: error: unrecognized arguments: --bogus"),
    (["bookmarks", "list", "--force"], "parallax bookmarks list: error: unrecognized arguments: --force"),
])
def test_usage_errors_exit_2_naming_the_command(capsys, argv, message):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_a_word_that_is_no_command_is_a_path_for_the_reader():
    assert split(["notes"]) == (["read"], ["notes"])  # not close to any command: a file the reader reports
    assert split(["analyse.txt"]) == (["read"], ["analyse.txt"])  # has a suffix: a path, however close


def test_help_lists_every_command_and_each_command_has_its_own(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for command in cli.commands():
        assert command.name in out and command.help.split(" (")[0] in out.replace("\n", " ").replace("  ", " ")
    done = subprocess.run([sys.executable, "-m", "tui.cli", "export", "--help"], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0 and done.stdout.startswith("usage: parallax export")
    assert "--data-dir" in done.stdout and "--topic" in done.stdout and "--force" in done.stdout


def test_a_new_command_is_one_module(monkeypatch, capsys):
    module = types.ModuleType("tui.cli_hello")
    ran = []

    def configure(parser):
        parser.add_argument("--loud", action="store_true")

    def run(args):
        ran.append((args.loud, args.paths))
        return 0

    from tui.cli_common import articles_options

    module.COMMAND = Command(name="hello", help="say hello", run=run, configure=configure,  # type: ignore[attr-defined]
                             parents=(articles_options,))
    monkeypatch.setitem(sys.modules, "tui.cli_hello", module)
    monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "tui.cli_hello"))
    assert cli.main(["--loud", "hello", "a.txt", "--no-cache", "b.txt"]) == 0
    assert ran == [(True, ["a.txt", "b.txt"])]


def test_the_command_modules_import_nothing_heavy():
    """`parallax --help` and the parser cost only argparse: Textual, Rich and the analysis load in `run`."""
    code = ("import sys; import tui.cli as c; c.build_parser(); "
            "heavy = [m for m in ('textual', 'rich', 'models.loader', 'trafilatura', 'numpy', 'yaml') if m in sys.modules];"
            "print(','.join(heavy))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.strip() == ""

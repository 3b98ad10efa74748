"""`parallax keys`: every key binding id and its keys, as the config sets them."""

from __future__ import annotations

import argparse
import sys

from tui.cli_common import Command, plain


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help="show the keys as this config.yaml sets them")


def run(args: argparse.Namespace) -> int:
    from models.config import load_config
    from tui.keymap import clashes, key_rows, unknown_ids, unknown_keys

    config = load_config(args.config)
    for note in config.notes:
        print(f"parallax: {plain(note)}", file=sys.stderr)
    for bad in unknown_ids(config.keys):
        print(f"parallax: {plain(str(config.path))}: keys: {plain(bad)} is not a binding id", file=sys.stderr)
    for key in unknown_keys(config.keys):
        print(f"parallax: {plain(str(config.path))}: keys.{plain(key)}", file=sys.stderr)
    for clash in clashes(config.keys):
        print(f"parallax: {plain(str(config.path))}: keys: {plain(clash)}", file=sys.stderr)
    group = None
    for row in key_rows(config.keys):
        if row.group != group:
            group = row.group
            print(f"{group}:")
        print(f"  {row.id:<18} {','.join(row.keys):<22} {row.description}")
    return 0


COMMAND = Command(
    name="keys",
    help="list every key binding id and its keys",
    description="List every key binding id and its keys (rebind them in config.yaml under keys:).",
    run=run,
    configure=configure,
)

"""Every key binding has an id (so config.yaml can rebind it), ids are unique, and the help lists them all."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode

import tui
import tui.screens
import tui.widgets
from tui.keymap import key_rows, unknown_ids


def all_bindings():
    for package in (tui, tui.screens, tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                    for binding in cls.__dict__.get("BINDINGS", []):
                        yield cls, binding


def test_every_binding_has_a_unique_id_and_is_listed():
    found = list(all_bindings())
    assert len(found) > 30
    for cls, binding in found:
        assert isinstance(binding, Binding) and binding.id, f"{cls.__name__}: {binding!r} has no id"
    ids = [binding.id for _, binding in found]
    assert len(ids) == len(set(ids)), "binding ids must be unique across the app"
    assert set(ids) == {row.id for row in key_rows({})}, "the help screen must list every binding"


def test_keymap_overrides_and_unknown_ids():
    rows = {row.id: row for row in key_rows({"follow_link": "ctrl+f,l"})}
    assert rows["follow_link"].keys == ("ctrl+f", "l")
    assert rows["next_passage"].keys == ("down", "j")
    assert unknown_ids({"follow_link": "x", "teleport": "y"}) == ["teleport"]


def test_parallax_keys_lists_the_bindings(capsys):
    from tui.cli import main

    assert main(["keys"]) == 0
    out = capsys.readouterr().out
    assert "follow_link" in out and "bookmark_delete" in out and "Reader:" in out


def test_clashing_keys_from_the_config_are_reported():
    from tui.keymap import clashes

    assert clashes({}) == []  # the defaults never clash
    found = clashes({"next_passage": "x", "prev_passage": "x"})
    assert found and "next_passage" in found[0] and "prev_passage" in found[0]
    assert any("quit" in c for c in clashes({"quit": "j"}))  # j is next_passage's
    assert clashes({"perspectives_topic": "x", "voices_topic": "x"}) == []  # never live together


async def test_clash_is_shown_in_the_reader(make_app, config, seeds_corpus):
    from dataclasses import replace

    from tests.tui.conftest import wait_for_reader

    # The analysed seeds are handed in: analysing them in the worker could outlast the notice's 10 s under
    # load, and the notice would be gone before the reader showed (the clash check needs no analysis).
    app = make_app(corpus=seeds_corpus, cfg=replace(config, keys={"quit": "j"}))
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_reader(app, pilot)
        assert any("bound to both" in n.message for n in app._notifications)

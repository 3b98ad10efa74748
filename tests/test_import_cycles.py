"""No import cycles between the project's modules, counting imports inside functions too.

A lazy import inside a function hides a cycle from Python but not from a reader: the two modules can no
longer be understood, tested or moved apart. Imports under `if TYPE_CHECKING:` are left out (the checker's
business, never run). Cycles that existed when this test was written are listed in KNOWN with the engineer
fixing them; the test fails on any other cycle, and on a listed one that is gone (take it off the list).
"""

from __future__ import annotations

from pathlib import Path

from tests.support.imports import import_graph

KNOWN: set[frozenset[str]] = set()


def _cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_finder_sees_a_lazy_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [frozenset({"a", "b", "c"})]


def test_no_import_cycles_but_the_known_ones():
    graph = import_graph()
    assert graph["tui.app"] and "tui.keymap" in graph["tui.app"]  # the finder reads the imports
    cycles = set(_cycles(graph))
    new = [sorted(c) for c in cycles - KNOWN]
    gone = [sorted(c) for c in KNOWN - cycles]
    assert not new, f"import cycles: {new}"
    assert not gone, f"these cycles are gone: take them off KNOWN in {Path(__file__).name}: {gone}"

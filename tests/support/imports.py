"""The project's own import graph, read from the source (nothing is imported or run).

An import inside a function counts: it hides a dependency from Python's start-up but not from a reader.
Imports under `if TYPE_CHECKING:` are left out (the type checker's business, never run).
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("models", "tui")


def modules(packages: tuple[str, ...] = PACKAGES) -> dict[str, Path]:
    """Each module of the packages by dotted name, with its file."""
    found = {}
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules `name` imports, at the top or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and _is_type_checking(node)
               for child in node.body for n in ast.walk(child)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def import_graph(packages: tuple[str, ...] = PACKAGES) -> dict[str, set[str]]:
    """Module -> the project modules it imports."""
    known = modules(packages)
    return {name: imported(name, path, known) for name, path in known.items()}


def reached(graph: dict[str, set[str]], start: str) -> dict[str, list[str]]:
    """Every module `start` imports, directly or through others, with one chain of imports that gets there."""
    chains: dict[str, list[str]] = {}
    todo = [(start, [start])]
    while todo:
        name, chain = todo.pop()
        for nxt in sorted(graph.get(name, ())):
            if nxt not in chains and nxt != start:
                chains[nxt] = [*chain, nxt]
                todo.append((nxt, chains[nxt]))
    return chains

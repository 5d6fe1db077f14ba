"""Packages import each other one way: a new pair of packages that import each other fails.

The graph is drawn from the code with `ast` (every import, at module level or inside a
function): an edge A -> B when a module of package A imports one of package B. Root
modules (tracker/enums.py, ...) count as packages of their own.
"""

import ast
from pathlib import Path

import tracker

KNOWN_CYCLES = {
    frozenset(pair)
    for pair in [
        ("auth", "documents"),
        ("auth", "mobilities"),
        ("auth", "notifications"),
        ("auth", "projects"),
        ("auth", "records"),
        ("auth", "workflow"),
        ("documents", "workflow"),
        ("erasmus", "mobilities"),
        ("erasmus", "projects"),
        ("erasmus", "workflow"),
        ("mobilities", "projects"),
        ("mobilities", "records"),
        ("mobilities", "reports"),
        ("mobilities", "workflow"),
        ("notifications", "workflow"),
        ("organisations", "projects"),
        ("projects", "records"),
        ("projects", "reports"),
        ("projects", "workflow"),
        ("records", "workflow"),
    ]
}
"""Pairs that import each other today: debt to pay off, never to grow. Remove a pair
from here once it is gone (the test says so)."""


def package_of(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "tracker"


def package_graph():
    root = Path(tracker.__file__).parent
    edges = set()
    for path in root.rglob("*.py"):
        module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        source = package_of(module.removesuffix(".__init__"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
                names = names[:1] if node.module != "tracker" else names[1:]
            else:
                continue
            for name in names:
                if name.startswith("tracker.") and package_of(name) != source:
                    edges.add((source, package_of(name)))
    return edges


def mutual_pairs(edges):
    return {frozenset((a, b)) for a, b in edges if (b, a) in edges}


def test_no_new_pair_of_packages_imports_each_other():
    new = mutual_pairs(package_graph()) - KNOWN_CYCLES
    assert not new, f"packages that now import each other: {sorted(map(sorted, new))}"


def test_the_known_cycles_are_still_there():
    """A pair broken up leaves the list, so it cannot come back unnoticed."""
    gone = KNOWN_CYCLES - mutual_pairs(package_graph())
    assert not gone, f"no longer cycles, remove from KNOWN_CYCLES: {sorted(map(sorted, gone))}"

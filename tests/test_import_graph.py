"""Packages import each other one way: a new pair of packages that import each other fails.

The graph is drawn from the code with `ast` (every import, at module level or inside a
function): an edge A -> B when a module of package A imports one of package B. Root
modules (tracker/enums.py, ...) count as packages of their own. The models
(`tracker/<package>/models.py`, gathered in `tracker/models.py`) are one layer, "models",
that any package may import: relationships tie them to each other.
"""

import ast
from pathlib import Path

import tracker

KNOWN_CYCLES = {frozenset(pair) for pair in []}
"""Pairs that import each other today: debt to pay off, never to grow. Remove a pair
from here once it is gone (the test says so)."""

VOCABULARIES = {
    "tracker.erasmus.actions",
    "tracker.erasmus.countries",
    "tracker.erasmus.mobility_types",
    "tracker.workflow.states",
}
"""Enumerations kept beside their domain that the models are typed with: each counts as a
node of its own, below the models."""


def package_of(module):
    """The node of `module`: "models" for every models module (one layer: relationships tie
    them together), a vocabulary by its own name, else its package under tracker/."""
    parts = module.split(".")
    if parts[-1] == "models":
        return "models"
    if module in VOCABULARIES:
        return module.removeprefix("tracker.")
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

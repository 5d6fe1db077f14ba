"""Packages import each other one way: the package import graph has no cycle.

The graph is drawn from the code with `ast` (every import, at module level or inside a
function): an edge A -> B when a module of package A imports one of package B. Root
modules (tracker/enums.py, ...) count as packages of their own. The models
(`tracker/<package>/models.py`, gathered in `tracker/models.py`) are one layer, "models",
that any package may import: relationships tie them to each other.
"""

import ast
from collections import defaultdict
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import tracker

VOCABULARIES = {
    "tracker.erasmus.actions",
    "tracker.erasmus.countries",
    "tracker.erasmus.mobility_types",
    "tracker.mobilities.rules",
    "tracker.workflow.states",
}
"""Enumerations kept beside their domain that the models are typed with, and the programme's
rules for a mobility that its hybrid properties compute with (`mobilities/rules.py`): each
counts as a node of its own, below the models."""


def package_of(module):
    """The node of `module`: "models" for every models module (one layer: relationships tie
    them together), a vocabulary by its own name, else its package under tracker/."""
    parts = module.split(".")
    if parts[-1] == "models":
        return "models"
    if module in VOCABULARIES:
        return module.removeprefix("tracker.")
    return parts[1] if len(parts) > 1 else "tracker"


def module_imports():
    """(importing module, imported module) for every import of tracker code in tracker/."""
    root = Path(tracker.__file__).parent
    imports = set()
    for path in root.rglob("*.py"):
        module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
                names = names[:1] if node.module != "tracker" else names[1:]
            else:
                continue
            imports.update((module, name) for name in names if name.startswith("tracker."))
    return imports


def package_graph():
    """Package -> the packages it imports, each edge with the module imports behind it."""
    graph = defaultdict(lambda: defaultdict(set))
    for importer, imported in module_imports():
        source, target = package_of(importer), package_of(imported)
        if source != target:
            graph[source][target].add(f"{importer} -> {imported}")
    return graph


def test_no_cycle_between_packages():
    """A cycle of any length fails, named with the imports that close it."""
    graph = package_graph()
    try:
        TopologicalSorter({source: set(targets) for source, targets in graph.items()}).prepare()
    except CycleError as error:
        cycle = error.args[1][::-1]  # graphlib lists each node before the one importing it
        imports = [sorted(graph[a][b]) for a, b in zip(cycle, cycle[1:], strict=False)]
        raise AssertionError(f"packages in a cycle: {' -> '.join(cycle)}; {imports}") from None


def test_the_models_and_vocabularies_import_only_root_modules_and_each_other():
    """Any package may import the models because they import no package's code: only root
    modules and the vocabularies, which import root modules and each other only."""
    base = {path.stem for path in Path(tracker.__file__).parent.glob("*.py")}
    base -= {"__init__", "models"}
    vocabularies = {name.removeprefix("tracker.") for name in VOCABULARIES}
    graph = package_graph()
    for node, allowed in [
        ("models", base | vocabularies),
        *((v, base | vocabularies) for v in vocabularies),
    ]:
        beyond = set(graph[node]) - allowed
        assert not beyond, f"{node} imports {[sorted(graph[node][n]) for n in beyond]}"

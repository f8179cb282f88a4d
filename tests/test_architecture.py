"""The generator's shape (ARCHITECTURE.md): stage folders, imports one way, no cycle, small folders.

import-linter checks the contract in .importlinter (every import: module level, inside
functions, under `if TYPE_CHECKING:`). The counts below are made independently, over `ast`, so
that a misconfigured contract cannot pass unnoticed, and the contract is shown to break when a
stage reaches back.
"""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO / "generator"
STAGES = ["base", "model", "read", "derive", "pages", "render", "website", "build", "incremental", "commands", "__main__"]
MOST_MODULES = 12


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the generator package under `root` with the repository's contract."""
    command = Path(sys.executable).parent / "lint-imports"
    return subprocess.run([str(command), "--config", str(REPO / ".importlinter"), "--no-cache"], cwd=root,
                          capture_output=True, text=True, timeout=120)


def modules(package: Path) -> dict[str, Path]:
    """Dotted module name → file, for every .py file under `package` (a package is its __init__)."""
    out = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module → the package's modules it imports, counting every import statement wherever it stands."""
    known = modules(package)
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in known.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = here.split(".")[: len(here.split(".")) - node.level + 1] if node.level else []
                source = ".".join(base + ([node.module] if node.module else []))
                targets = [source] + [f"{source}.{a.name}" for a in node.names]
            for target in targets:
                while target and target not in known:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one node (Tarjan), i.e. the import cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in list(graph):
        if v not in index:
            visit(v)
    return found


def folder_graph(graph: dict[str, set[str]], package: Path) -> dict[str, set[str]]:
    """The same imports between folders (packages): a module's folder is its package."""
    known = modules(package)
    folder = {m: m if p.name == "__init__.py" else m.rpartition(".")[0] for m, p in known.items()}
    out: dict[str, set[str]] = defaultdict(set)
    for a, targets in graph.items():
        for b in targets:
            if folder[a] != folder[b]:
                out[folder[a]].add(folder[b])
    return out


def test_the_import_contract_holds():
    run = lint_imports(REPO)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 kept, 0 broken" in run.stdout


def test_no_import_cycle_between_files_or_folders():
    graph = import_graph(GENERATOR)
    assert len(graph) > 40  # the whole package was read
    assert cycles(graph) == []
    assert cycles(folder_graph(graph, GENERATOR)) == []


def test_the_cycle_count_finds_a_cycle():
    """The counter itself: a two-module loop made of a function-local and a type-only import."""
    graph = {"generator.a": {"generator.b"}, "generator.b": {"generator.a"}, "generator.c": {"generator.a"}}
    assert cycles(graph) == [{"generator.a", "generator.b"}]


@pytest.mark.parametrize("stage", sorted(p.name for p in GENERATOR.iterdir() if p.is_dir() and p.name in STAGES))
def test_no_folder_holds_more_than_twelve_modules(stage):
    for folder in [GENERATOR / stage, *(p for p in (GENERATOR / stage).rglob("*") if p.is_dir())]:
        count = len([p for p in folder.glob("*.py") if p.name != "__init__.py"])
        assert count <= MOST_MODULES, f"{folder.relative_to(REPO)} holds {count} modules: split it by what they do"


def test_every_top_level_entry_is_a_stage():
    """A module or folder added beside the stages has no place in the rule: give it one (ARCHITECTURE.md)."""
    entries = {p.stem for p in GENERATOR.iterdir() if (p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists()))}
    assert entries - {"__init__"} == set(STAGES)


# Imports that reach from a stage to a later one, of every kind the rule counts.
REACHING_BACK = [
    ("read/load.py", "\nfrom ..pages import views  # module level\n"),
    ("derive/citation.py", "\ndef _late():\n    from ..render import markdown  # inside a function\n"),
    ("model/plan.py", "\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..read.load import load_plan\n"),
]


@pytest.mark.parametrize("module,addition", REACHING_BACK, ids=["module level", "in a function", "type only"])
def test_the_contract_breaks_when_a_stage_reaches_back(tmp_path, module, addition):
    copy = tmp_path / "generator"
    shutil.copytree(GENERATOR, copy, ignore=shutil.ignore_patterns("__pycache__", "theme", "templates"))
    with (copy / module).open("a", encoding="utf-8") as f:
        f.write(addition)
    run = lint_imports(tmp_path)
    assert run.returncode != 0
    assert "BROKEN" in run.stdout.upper()


def test_every_import_of_the_benchmark_resolves():
    """bench/ imports test helpers (tests.browser, the search query table) and generator modules;
    when a module moves (the regrouping moved tests/search/ to tests/website/search/), `make bench`
    broke while every test passed. Every module bench/*.py imports, at any level, must exist."""

    missing = []
    for script in sorted((REPO / "bench").glob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            names = ([node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level
                     else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            for name in names:
                if name.split(".")[0] in ("tests", "generator") and not _exists(name):
                    missing.append(f"{script.name}:{node.lineno}: {name}")
    assert missing == []


def _exists(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False

"""The package's shape, checked from the source: no import cycles, the kernel imports no app, a ledger
imports no document or overseer app and no other ledger's views, documents read only the kernel, and
no module grows past MAX_LINES.

The import graph is built by parsing every module with `ast` (relative imports resolved, imports inside
functions and under TYPE_CHECKING included), so nothing is imported and nothing needs a database.
The rules are data: a new app under zhibu/ is a ledger unless it is named in DOCUMENTS or OVERSEERS.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "zhibu"

# --- the rules ---------------------------------------------------------------------------------------
KERNEL = "zhibu.core"  # imports no app
DOCUMENTS = {"zhibu.reports"}  # build documents from the kernel's registries; import only the kernel
OVERSEERS = {"zhibu.bureau"}  # look across branches; may import documents; no ledger imports them
# Project wiring, not apps: exempt from the app rules (urls includes every app) and importable by all.
PROJECT_MODULES = {"zhibu", "zhibu.settings", "zhibu.urls", "zhibu.wsgi", "zhibu.asgi"}
SKIPPED_DIRS = {"tests", "migrations"}  # not part of the graph, not counted for size
MAX_LINES = 400


# --- the graph helper --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Import:
    importer: str
    # absolute: `from a import b` names a.b when b is a module of the package, else a; other names as written
    target: str
    lineno: int


def is_test_module(path: Path, package_dir: Path) -> bool:
    in_skipped_dir = bool(SKIPPED_DIRS & set(path.relative_to(package_dir).parts[:-1]))
    return in_skipped_dir or path.name.startswith("test_") or path.name == "conftest.py"


def discover_modules(package_dir: Path) -> dict[str, Path]:
    """Dotted name -> file for every module of the package, tests and migrations left out."""
    modules = {}
    for path in sorted(package_dir.rglob("*.py")):
        if is_test_module(path, package_dir):
            continue
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _resolve(module: str, name: str | None, known: set[str]) -> str:
    """`import a.b` names a.b; `from a import b` names the submodule a.b when there is one, else a itself.
    A name that is not a module of the package is kept as written (a rule on a future app still sees it)."""
    if name is None or name == "*":
        return module
    candidate = f"{module}.{name}"
    return module if candidate not in known and module in known else candidate


def imports_of(name: str, path: Path, known: set[str]) -> list[Import]:
    """Every import statement in the module, anywhere in it, as absolute dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [_resolve(alias.name, None, known) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                if node.level - 1 >= len(base):
                    raise ValueError(f"{path}:{node.lineno}: relative import beyond the top package")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [_resolve(module, alias.name, known) for alias in node.names]
        else:
            continue
        found.extend(Import(name, target, node.lineno) for target in targets)
    return found


def package_imports(package_dir: Path) -> list[Import]:
    modules = discover_modules(package_dir)
    known = set(modules)
    return [imp for name, path in modules.items() for imp in imports_of(name, path, known)]


def build_graph(package_dir: Path) -> dict[str, dict[str, int]]:
    """module -> {imported module of the same package (tests and migrations left out): first line}."""
    modules = discover_modules(package_dir)
    graph: dict[str, dict[str, int]] = {name: {} for name in modules}
    for imp in package_imports(package_dir):
        if imp.target in graph and imp.target != imp.importer:
            graph[imp.importer].setdefault(imp.target, imp.lineno)
    return graph


def strongly_connected(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative; components of more than one module, each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return sorted(components)


def shortest_cycle(graph: dict[str, dict[str, int]], component: list[str]) -> list[str]:
    """One shortest cycle through the component's first module: [a, b, ..., a]."""
    start, members = component[0], set(component)
    parents: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for child in sorted(graph[node]):
            if child not in members:
                continue
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(parents[path[-1]])
                return [*reversed(path), start]
            if child not in parents:
                parents[child] = node
                queue.append(child)
    raise AssertionError(f"no cycle through {start}")


def find_cycles(graph: dict[str, dict[str, int]]) -> list[str]:
    """One line per import cycle: its modules, and one concrete loop with the importing lines."""
    lines = []
    for component in strongly_connected(graph):
        loop = shortest_cycle(graph, component)
        steps = (
            " -> ".join(f"{a} (line {graph[a][b]})" for a, b in zip(loop, loop[1:], strict=False))
            + f" -> {loop[-1]}"
        )
        lines.append(f"cycle among {', '.join(component)}: {steps}")
    return lines


def app_of(module: str, package: str = PACKAGE) -> str | None:
    """`zhibu.people.views.roster` -> `zhibu.people`; project modules and outside names -> None."""
    parts = module.split(".")
    app = ".".join(parts[:2])
    if parts[0] != package or len(parts) < 2 or app in PROJECT_MODULES:
        return None
    return app


def is_views(module: str) -> bool:
    """An app's views: its `views` module or package, or a `views_*` module beside it."""
    parts = module.split(".")
    return len(parts) >= 3 and (parts[2] == "views" or parts[2].startswith("views_"))


def line_counts(package_dir: Path) -> dict[str, int]:
    return {name: len(path.read_bytes().splitlines()) for name, path in discover_modules(package_dir).items()}


def ledgers_among(apps: set[str]) -> set[str]:
    return apps - {KERNEL} - DOCUMENTS - OVERSEERS


def kernel_offences(imports: Iterable[Import]) -> list[Import]:
    return [
        imp for imp in imports if app_of(imp.importer) == KERNEL and app_of(imp.target) not in (None, KERNEL)
    ]


def ledger_offences(imports: Iterable[Import], apps: set[str]) -> list[Import]:
    ledgers = ledgers_among(apps)
    offences = []
    for imp in imports:
        importer, target = app_of(imp.importer), app_of(imp.target)
        if importer not in ledgers or target is None:
            continue
        other_ledgers_views = target != importer and target not in {KERNEL} | DOCUMENTS | OVERSEERS
        if target in DOCUMENTS | OVERSEERS or (other_ledgers_views and is_views(imp.target)):
            offences.append(imp)
    return offences


def document_offences(imports: Iterable[Import]) -> list[Import]:
    return [
        imp
        for imp in imports
        if (importer := app_of(imp.importer)) in DOCUMENTS
        and app_of(imp.target) not in (None, KERNEL, importer)
    ]


# --- the checks on zhibu -----------------------------------------------------------------------------
PACKAGE_DIR = ROOT / PACKAGE


@cache
def _imports() -> tuple[Import, ...]:
    return tuple(package_imports(PACKAGE_DIR))


def _apps() -> set[str]:
    return {app for name in discover_modules(PACKAGE_DIR) if (app := app_of(name))}


def _report(offences: list[Import], why: str) -> str:
    rows = "\n".join(f"  {imp.importer} (line {imp.lineno}) imports {imp.target}" for imp in offences)
    return f"{why}:\n{rows}"


def test_no_import_cycles():
    cycles = find_cycles(build_graph(PACKAGE_DIR))
    why = "import cycles between zhibu modules (imports inside functions count too)"
    assert not cycles, why + ":\n" + "\n".join(cycles)


def test_kernel_imports_no_app():
    offences = kernel_offences(_imports())
    assert not offences, _report(offences, f"{KERNEL} must import no other zhibu app (apps register with it)")


def test_ledgers_import_no_documents_overseers_or_other_ledgers_views():
    apps = _apps()
    offences = ledger_offences(_imports(), apps)
    assert not offences, _report(
        offences,
        f"a ledger ({', '.join(sorted(ledgers_among(apps)))}) must not import "
        f"{', '.join(sorted(DOCUMENTS | OVERSEERS))} or another ledger's views "
        "(another ledger's selectors and models are fine)",
    )


def test_documents_import_only_the_kernel():
    offences = document_offences(_imports())
    assert not offences, _report(
        offences, f"{', '.join(sorted(DOCUMENTS))} must import no zhibu app but {KERNEL} (ledgers register)"
    )


def test_no_module_over_max_lines():
    over = {name: count for name, count in line_counts(PACKAGE_DIR).items() if count > MAX_LINES}
    rows = "\n".join(f"  {name}: {over[name]} lines" for name in sorted(over, key=lambda name: -over[name]))
    assert not over, f"modules over {MAX_LINES} lines (split them):\n{rows}"


# --- the helper itself, on a synthetic package ---------------------------------------------------------
def _write_package(tmp_path: Path, files: dict[str, str]) -> Path:
    package_dir = tmp_path / "pkg"
    for rel, text in {"__init__.py": "", **files}.items():
        path = package_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return package_dir


def test_helper_finds_a_cycle_through_relative_and_function_level_imports(tmp_path):
    package_dir = _write_package(
        tmp_path,
        {
            "a.py": "from .sub import b\n",
            "sub/__init__.py": "",
            "sub/b.py": "def late():\n    from ..c import thing\n    return thing\n",
            "c.py": "import pkg.a\nthing = 1\n",
            "d.py": "from pkg import a\n",
        },
    )
    graph = build_graph(package_dir)
    assert graph["pkg.sub.b"] == {"pkg.c": 2}
    assert strongly_connected(graph) == [["pkg.a", "pkg.c", "pkg.sub.b"]]
    [line] = find_cycles(graph)
    assert line.startswith("cycle among pkg.a, pkg.c, pkg.sub.b: ")
    assert "pkg.a (line 1) -> pkg.sub.b (line 2) -> pkg.c (line 1) -> pkg.a" in line


def test_helper_finds_no_cycle_in_a_layered_package(tmp_path):
    package_dir = _write_package(
        tmp_path,
        {
            "a.py": "from . import b\nfrom .b import name\n",
            "b.py": "def f():\n    from pkg.c import x\n",
            "c.py": "import os\nx = 1\n",
            "tests/__init__.py": "",
            "tests/test_c.py": "from pkg import a\n",  # tests are left out of the graph
            "migrations/0001_initial.py": "from pkg import a\n",
        },
    )
    graph = build_graph(package_dir)
    assert set(graph) == {"pkg", "pkg.a", "pkg.b", "pkg.c"}
    assert graph["pkg.a"] == {"pkg.b": 1}
    assert find_cycles(graph) == []


def test_helper_resolves_names_and_counts_lines(tmp_path):
    package_dir = _write_package(
        tmp_path,
        {
            "people/__init__.py": "",
            "people/views/__init__.py": "",
            "people/views/roster.py": "from ...reports import builders\nfrom ..selectors import Person\n",
            "people/selectors.py": "\n" * (MAX_LINES + 1),
        },
    )
    targets = {imp.target for imp in package_imports(package_dir)}
    # reports does not exist: the name stays as written, so a rule on a future app still sees it.
    assert targets == {"pkg.reports.builders", "pkg.people.selectors"}
    assert is_views("pkg.people.views.roster") and is_views("zhibu.meetings.views_sheet")
    assert not is_views("zhibu.meetings.selectors")
    assert app_of("zhibu.people.views.roster") == "zhibu.people"
    assert app_of("zhibu.urls") is None and app_of("django.db") is None
    assert line_counts(package_dir)["pkg.people.selectors"] == MAX_LINES + 1


def test_rules_catch_what_they_forbid_and_allow_the_rest():
    apps = {
        "zhibu.core",
        "zhibu.people",
        "zhibu.meetings",
        "zhibu.reports",
        "zhibu.bureau",
        "zhibu.newledger",
    }

    def imp(importer: str, target: str) -> Import:
        return Import(importer, target, 1)

    allowed = [
        imp("zhibu.core.nav", "zhibu.core.registries"),
        imp("zhibu.core.views", "zhibu.settings"),
        imp("zhibu.meetings.services", "zhibu.people.selectors"),
        imp("zhibu.meetings.services", "zhibu.core.models"),
        imp("zhibu.meetings.urls", "zhibu.meetings.views_sheet"),
        imp("zhibu.reports.builders", "zhibu.core.registries.sections"),
        imp("zhibu.bureau.views", "zhibu.reports.selectors"),
        imp("zhibu.urls", "zhibu.people.urls"),
    ]
    assert kernel_offences(allowed) == ledger_offences(allowed, apps) == document_offences(allowed) == []

    kernel = [
        imp("zhibu.core.dashboard", "zhibu.people.dashboard"),
        imp("zhibu.core.views", "zhibu.newledger"),
    ]
    assert kernel_offences(kernel) == kernel
    ledger = [
        imp("zhibu.people.nav", "zhibu.reports.services"),
        imp("zhibu.study.views", "zhibu.bureau.selectors"),
        imp("zhibu.newledger.services", "zhibu.meetings.views_calendar"),
        imp("zhibu.mentoring.services", "zhibu.people.views.roster"),
    ]
    assert ledger_offences(ledger, apps | {"zhibu.study", "zhibu.mentoring"}) == ledger
    documents = [
        imp("zhibu.reports.demo_data", "zhibu.people.demo_data"),
        imp("zhibu.reports.x", "zhibu.bureau"),
    ]
    assert document_offences(documents) == documents

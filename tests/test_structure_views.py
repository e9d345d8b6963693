"""Views only parse input and call services and selectors: checked from the source, for every app,
present and future. A view module never touches a model manager (`Model.objects`) nor builds a query
on what a selector returned (`.filter(…)`, `.order_by(…)`, a related manager's `.all()` is a
selector's job too); and no ledger queries another ledger's models, it reads them through that
ledger's selectors.

Modules are parsed with `ast`: nothing is imported and nothing needs a database.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "zhibu"
KERNEL = "core"

# Queryset methods a view has no business calling (`count`, `all` and `values` are left out: lists,
# dicts and the registries have them too).
QUERY_METHODS = {
    "aggregate",
    "annotate",
    "exclude",
    "exists",
    "filter",
    "order_by",
    "prefetch_related",
    "select_related",
    "values_list",
}


def _app_modules() -> list[Path]:
    skipped = {"tests", "migrations"}
    return [
        path
        for path in sorted(PACKAGE_DIR.glob("*/**/*.py"))
        if not skipped & set(path.relative_to(PACKAGE_DIR).parts[:-1])
        and not path.name.startswith("test_")
        and path.name != "conftest.py"
    ]


def view_modules() -> list[Path]:
    """zhibu/<app>/views.py, zhibu/<app>/views_*.py and every module of zhibu/<app>/views/."""
    found = []
    for path in _app_modules():
        parts = path.relative_to(PACKAGE_DIR).parts
        in_views_module = len(parts) == 2 and (path.stem == "views" or path.stem.startswith("views_"))
        if in_views_module or (len(parts) == 3 and parts[1] == "views"):
            found.append(path)
    return found


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{node.lineno}"


def manager_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{_where(path, node)} .objects"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "objects"
    ]


def query_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{_where(path, node)} .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in QUERY_METHODS
    ]


def foreign_model_queries(path: Path, package_dir: Path = PACKAGE_DIR) -> list[str]:
    """`X.objects` where X was imported from another ledger's models (the kernel's are shared)."""
    app = path.relative_to(package_dir).parts[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    foreign = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not node.level and node.module:
            parts = node.module.split(".")
            if (
                parts[0] == "zhibu"
                and len(parts) > 2
                and parts[2] == "models"
                and parts[1] not in {app, KERNEL}
            ):
                foreign |= {alias.asname or alias.name for alias in node.names}
    return [
        f"{_where(path, node)} {node.value.id}.objects"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "objects"
        and isinstance(node.value, ast.Name)
        and node.value.id in foreign
    ]


def test_views_are_found():
    names = {str(path.relative_to(PACKAGE_DIR)) for path in view_modules()}
    assert {"core/views/pages.py", "meetings/views/sheet.py", "study/views/sessions.py"} <= names


@pytest.mark.parametrize("path", view_modules(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_view_never_uses_a_model_manager(path):
    assert manager_uses(path) == [], "views read through selectors (zhibu/<app>/selectors.py)"


@pytest.mark.parametrize("path", view_modules(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_view_builds_no_query(path):
    assert query_calls(path) == [], "a list is a selector's, a count shown on a page a figure's"


def test_no_ledger_queries_another_ledgers_models():
    found = [hit for path in _app_modules() for hit in foreign_model_queries(path)]
    assert found == [], "another ledger's rows are read through its selectors"


def test_the_checks_see_what_they_forbid(tmp_path):
    app = tmp_path / "zhibu" / "study"
    app.mkdir(parents=True)
    module = app / "views.py"
    module.write_text(
        "from zhibu.meetings.models import Meeting\n"
        "def page(request, org):\n"
        "    n = Meeting.objects.count()\n"
        "    return org.children.exists(), selectors.rows(org).filter(x=1)\n",
        encoding="utf-8",
    )
    assert len(manager_uses(module)) == 1
    assert sorted(hit.split()[-1] for hit in query_calls(module)) == [".exists()", ".filter()"]
    hits = foreign_model_queries(module, tmp_path / "zhibu")
    assert [hit.split()[-1] for hit in hits] == ["Meeting.objects"]


def test_an_app_with_several_views_modules_keeps_them_in_a_views_package():
    """One `views.py`, or a `views/` package: never `views.py` beside `views_*.py`."""
    package = Path(__file__).resolve().parent.parent / "zhibu"
    loose = sorted(str(p.relative_to(package)) for p in package.glob("*/views_*.py"))
    assert not loose, f"move these into the app's views/ package: {loose}"

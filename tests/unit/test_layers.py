"""The house's import rules, read from the source (every import, lazy ones inside functions included):

- no module imports a higher floor (ground < rendering < register < screening < documents < entrypoints),
  so gi_lists and agreements never import compare; reports never imports storage either;
- no import circle between modules;
- the pure core (models, names/, compare/ but its services, wording, errors, the briefing model) imports
  no streamlit, sqlalchemy, reportlab, deep_translator or pandas;
- storage/ imports no feature;
- only repositories (and storage/) touch the tables or run SQL;
- entrypoints and briefings never open a connection or a transaction (services own them).

Each rule is also run on a planted tree that breaks it, so the checker is shown to catch it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

PACKAGES = (
    "accounts",
    "agreements",
    "app_pages",
    "briefings",
    "cli",
    "compare",
    "gi_lists",
    "names",
    "reports",
    "storage",
    "translation",
    "ui",
    "watch",
)
MODULES = (
    "bootstrap",
    "citations",
    "config",
    "errors",
    "outbound",
    "escaping",
    "phrases",
    "streamlit_app",
    "wording",
    "wording_register",
    "validation",
)
# The floor of each module: longest dotted prefix wins. A module may import its own floor or lower.
FLOORS = {
    "errors": 0,
    "escaping": 0,
    "citations": 0,
    "config": 0,
    "outbound": 0,
    "wording": 0,
    "wording_register": 0,
    "phrases": 0,
    "validation": 0,
    "names": 0,
    "storage": 0,
    "reports": 1,
    "accounts": 1,  # who may write: every write service asks it first
    "agreements": 2,
    "watch": 2,
    "watch.trademarks": 3,  # the trademark watch screens with compare
    "gi_lists": 2,
    "compare": 3,
    "translation": 3,  # reads the register's names (gi_lists) and writes the renderings reviewed into it
    "briefings": 4,
    "bootstrap": 4,
    "cli": 5,
    "ui": 5,
    "app_pages": 5,
    "streamlit_app": 5,
}
PURE = (
    "errors",
    "outbound",
    "escaping",
    "validation",
    "wording_register",
    "phrases",
    "citations",
    "wording",
    "names",
    "gi_lists.model",
    "gi_lists.entries",
    "gi_lists.export",
    "agreements.model",
    "accounts.model",
    "watch.model",
    "watch.trademarks.model",
    "compare",
    "reports.briefing",
    "translation.model",
    "translation.protocol",
)
NOT_PURE = ("compare.services",)
HEAVY = frozenset({"streamlit", "sqlalchemy", "reportlab", "deep_translator", "pandas"})
FEATURES = frozenset(
    {"accounts", "agreements", "briefings", "compare", "gi_lists", "watch", "cli", "ui", "app_pages"}
)
NO_CONNECTIONS = ("cli", "ui", "app_pages", "streamlit_app", "briefings")
SQL_METHODS = frozenset(
    {"rows", "records", "first", "scalar", "execute", "executemany", "insert", "insert_many", "update"}
)


def modules(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for the product code under `root` (tests, benchmarks and
    migrations aside)."""
    found: dict[str, Path] = {}
    for name in MODULES:
        if (root / f"{name}.py").exists():
            found[name] = root / f"{name}.py"
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "alembic" in path.parts:
                continue
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def resolve(name: str, known: dict[str, Path]) -> str | None:
    """The project module an imported name lives in (None for other libraries)."""
    parts = name.split(".")
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in known:
            return candidate
    return None


def floor(module: str) -> int:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in FLOORS:
            return FLOORS[prefix]
    raise AssertionError(f"{module} has no floor: add it to FLOORS")


def within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def graph(root: Path) -> tuple[dict[str, Path], dict[str, set[str]], list[tuple[str, int, str]]]:
    known = modules(root)
    edges: dict[str, set[str]] = {m: set() for m in known}
    raw: list[tuple[str, int, str]] = []
    for module, path in known.items():
        for line, name in imports(path):
            raw.append((module, line, name))
            target = resolve(name, known)
            if target and target != module:
                edges[module].add(target)
    return known, edges, raw


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def violations(root: Path) -> list[str]:
    known, edges, raw = graph(root)
    out: list[str] = []
    for module, targets in sorted(edges.items()):
        for target in sorted(targets):
            if floor(target) > floor(module):
                out.append(f"{module} imports {target}, a higher floor")
            if module.startswith("reports") and target.startswith("storage"):
                out.append(f"{module} imports {target}: reports render, they never query")
            if module.startswith("storage") and target.split(".")[0] in FEATURES:
                out.append(f"{module} imports the feature {target}")
            if target == "storage.tables" and not (
                module.startswith("storage") or module.endswith(".repository")
            ):
                out.append(f"{module} touches the tables (only repositories may)")
    for module, line, name in raw:
        if within(module, PURE) and not within(module, NOT_PURE) and name.split(".")[0] in HEAVY:
            out.append(f"{module}:{line} imports {name} in the pure core")
    out += [f"import circle: {' -> '.join(c)}" for c in cycles(edges)]
    for module, path in known.items():
        sql_allowed = module.startswith("storage") or module.endswith(".repository")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            method, receiver = node.func.attr, node.func.value
            if within(module, NO_CONNECTIONS) and method in ("connect", "begin", "read", "transaction"):
                out.append(f"{module}:{node.lineno} opens a connection (.{method}()); a service should")
            named_conn = (isinstance(receiver, ast.Name) and receiver.id == "conn") or (
                isinstance(receiver, ast.Attribute) and receiver.attr == "conn"
            )
            if named_conn and method in SQL_METHODS and not sql_allowed:
                out.append(f"{module}:{node.lineno} runs SQL (conn.{method}); only repositories may")
    return out


def test_the_house_keeps_its_import_rules():
    assert violations(PROJECT_ROOT) == []


def test_every_product_module_has_a_floor():
    for module in modules(PROJECT_ROOT):
        floor(module)


def plant(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "files,expected",
    [
        (
            {
                "gi_lists/planted.py": "def f():\n    from compare.conflicts import Hit\n",
                "compare/conflicts.py": "",
            },
            "gi_lists.planted imports compare.conflicts, a higher floor",
        ),
        (
            {"reports/planted.py": "from storage.engine import read\n", "storage/engine.py": ""},
            "reports.planted imports storage.engine: reports render, they never query",
        ),
        (
            {"storage/planted.py": "import gi_lists.model\n", "gi_lists/model.py": ""},
            "storage.planted imports the feature gi_lists.model",
        ),
        (
            {"compare/rules.py": "import sqlalchemy\n"},
            "compare.rules:1 imports sqlalchemy in the pure core",
        ),
        (
            {"names/normalise.py": "def f():\n    import pandas\n"},
            "names.normalise:2 imports pandas in the pure core",
        ),
        (
            {"watch/a.py": "from watch.b import x\n", "watch/b.py": "from watch.a import y\n"},
            "import circle: watch.a -> watch.b",
        ),
        (
            {"gi_lists/services.py": "from storage import tables as t\n", "storage/tables.py": ""},
            "gi_lists.services touches the tables (only repositories may)",
        ),
        (
            {"app_pages/planted.py": "with engine().connect() as conn:\n    pass\n"},
            "app_pages.planted:1 opens a connection (.connect()); a service should",
        ),
        (
            {"cli/planted.py": "with db.read() as c:\n    pass\n"},
            "cli.planted:1 opens a connection (.read()); a service should",
        ),
        (
            {"gi_lists/services.py": "def f(conn):\n    return conn.rows('SELECT 1')\n"},
            "gi_lists.services:2 runs SQL (conn.rows); only repositories may",
        ),
    ],
)
def test_the_checker_catches_a_planted_breach(tmp_path, files, expected):
    assert expected in violations(plant(tmp_path, files))

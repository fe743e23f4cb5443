"""The project's shape: apps depend downward only, and no module grows past about 400 lines."""

import ast
from pathlib import Path

SOC = Path(__file__).resolve().parent.parent
# Each app may import the apps listed after it, never those before it. `consent` holds the
# policy that domain apps call; `accounts` and `audit` are at the bottom. `api` and `demo` sit
# on top and may import anything.
LAYERS = [
    "reporting",
    "trainings",
    "collaboratives",
    "family_partners",
    "referrals",
    "messaging",
    "plans",
    "teams",
    "families",
    "consent",
    "directory",
    "accounts",
    "audit",
    "texting",
]
TOP = {"api", "demo", "tests", "tests_browser"}
MAX_LINES = 400


def _modules():
    for path in SOC.rglob("*.py"):
        parts = path.relative_to(SOC).parts
        if "migrations" in parts or "tests" in parts or parts[0] in TOP:
            continue
        yield path, parts[0]


def _imported_apps(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("soc."):
            yield node.module.split(".")[1], node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("soc."):
                    yield alias.name.split(".")[1], node.lineno


def test_no_import_runs_up_the_layers():
    upward = []
    for path, app in _modules():
        if app not in LAYERS:
            continue
        for imported, line in _imported_apps(path):
            if imported in LAYERS and LAYERS.index(imported) < LAYERS.index(app):
                upward.append(f"{path.relative_to(SOC)}:{line} imports soc.{imported}")
    assert not upward, "\n".join(upward)


def test_no_module_is_over_400_lines():
    long = [
        f"{path.relative_to(SOC)}: {n} lines"
        for path in SOC.rglob("*.py")
        if "migrations" not in path.parts and (n := len(path.read_text().splitlines())) > MAX_LINES
    ]
    assert not long, "\n".join(long)

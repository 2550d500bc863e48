"""No module binds one of its top-level names twice.

The readers in ``assistant/nlu`` hold about a thousand module-level patterns. Twice a pattern was given a name another
pattern of the same module already had: the later one silently replaced the earlier for every function of the module
(``reading._LEARNED_ASKED``, caught by a failing round-351 case; ``reading._ADVICE_ASKED``, dead for many rounds).
ruff does not flag such a rebinding, so this test does. A name extended from its own value (``GLOSSARY = GLOSSARY + (...)``)
is one list said in two parts, not a clash.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("assistant", "tools", "ui", "cli", "scripts", "bench")


def _bound_twice(source: str) -> list[str]:
    seen: set[str] = set()
    clashes: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            targets, value = [ast.Name(id=node.name)], None
        else:
            continue
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            extends = value is not None and any(isinstance(n, ast.Name) and n.id == target.id for n in ast.walk(value))
            if target.id in seen and not extends:
                clashes.append(f"{target.id} (line {node.lineno})")
            seen.add(target.id)
    return clashes


def _modules() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py")) + [ROOT / "app.py"]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_top_level_name_is_bound_twice(path: Path) -> None:
    assert _bound_twice(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_clash() -> None:
    source = "import re\n_A = re.compile('x')\ndef f():\n    return _A\n_A = re.compile('y')\nB = (1,)\nB = B + (2,)\n"
    assert _bound_twice(source) == ["_A (line 5)"]

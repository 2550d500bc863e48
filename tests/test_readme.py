"""The README is a front page that stays true: its two commands exist, and every ``sft-assistant``
command and option it names is one the CLI has."""
from __future__ import annotations

import re
from pathlib import Path

from cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subparsers():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return action.choices


def test_the_two_commands_are_in_the_readme_and_in_the_script():
    script = (ROOT / "scripts" / "dev.sh").read_text(encoding="utf-8")
    cases = set(re.findall(r"^\s+(\w+)\)\s", script, flags=re.M))
    for cmd in ("app", "test"):
        assert f"bash scripts/dev.sh {cmd}" in README
        assert cmd in cases
    assert "bash scripts/dev.sh test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_cli_command_and_option_the_readme_names_exists():
    subs = _subparsers()
    named = 0
    for line in README.splitlines():
        code = line.split("#", 1)[0]
        for m in re.finditer(r"sft-assistant\s+(\w[\w-]*)((?:\s+(?!\|)[^|`]*)?)", code):
            sub, rest = m.group(1), m.group(2)
            assert sub in subs, f"README names `sft-assistant {sub}`, which the CLI does not have"
            options = {o for a in subs[sub]._actions for o in a.option_strings}
            for flag in re.findall(r"(?<![\w-])(--[a-z][\w-]*)", rest):
                assert flag in options, f"README names `sft-assistant {sub} {flag}`, which the CLI does not have"
            named += 1
    assert named >= 12  # the CLI tour

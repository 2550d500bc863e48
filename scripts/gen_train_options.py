"""Rewrite the option table of docs/training.md from ``TrainConfig`` (the one source of the CLI's flags,
the form's fields and these docs): ``.venv/bin/python scripts/gen_train_options.py``. A test fails while the
table is stale."""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.train.trainconfig import options_table  # noqa: E402

DOC = ROOT / "docs" / "training.md"
START, END = "<!-- options:start (scripts/gen_train_options.py) -->", "<!-- options:end -->"


def render(text: str) -> str:
    block = f"{START}\n{options_table()}\n{END}"
    if START in text:
        return re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    return text.rstrip("\n") + "\n\n## Options of `sft-assistant train`\n\nSettings left out come from the advice for the data.\n\n" + block + "\n"


if __name__ == "__main__":
    DOC.write_text(render(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the option table of {DOC.relative_to(ROOT)}")

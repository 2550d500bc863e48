"""How a list marks its items, spelled once.

The planner splits a message at its markers into steps (``planner._MARKER``), picks a pasted item by its place
(``planner._LISTED``), reads a to-do list by its open boxes (``planner._BOX``, ``planner._TO_DO``), and the
amounts reader leaves a numbered list's own numbers alone (``amounts._LIST_MARK``). Each pattern is built from
the pieces below, so a new marker is added in one place.

>>> import re
>>> [bool(re.fullmatch(NUMBERED, m)) for m in ("1.", "2)", "3、", "12.", "4:")]
[True, True, True, True, False]
>>> [bool(re.fullmatch(BULLET, m)) for m in ("-", "•", "·", "*", "▪", "◦", "–")]
[True, True, True, True, True, True, True]
>>> bool(re.fullmatch(BOX_OPEN, "[ ]")), bool(re.fullmatch(BOX_OPEN, "[x]")), bool(re.fullmatch(BOX, "[x]"))
(True, False, True)
"""
from __future__ import annotations

NUMBER = r"\d{1,2}"                    # an item's number: "1", "12"
NUMBER_END = r"[.)、]"                 # what ends it: "1." "2)" "3、"
NUMBERED = NUMBER + NUMBER_END
BULLET = r"[-•·*▪◦–]"                  # "- x", "• x", "· x", "* x", "▪ x", "◦ x", "– x"
CIRCLED = r"[①②③④⑤⑥⑦⑧⑨⑩]"             # "①跑质检 ②看报告"
BOX_OPEN = r"(?:\[ ?\]|[☐□⬜])"          # a to-do box not yet ticked: "[ ]", "[]", "☐", "⬜"
BOX = r"\[[ xX✓]?\]"                   # a to-do box, ticked or not: "[ ]", "[x]", "[✓]"
TICKED = r"(?:\[[xX✓]\]|[✅✔☑✓])"       # a box ticked, or a tick: what is done
# A line of a status report: what is done ("done:", "已完成:", "✅ …") and what is left ("todo:", "待办:", "下一步:", "⬜ …").
DONE_LABEL = rf"(?:(?i:done|finished|completed)|已?完成|已做|做完了)\s*[:：]|{TICKED}"
TO_DO_LABEL = rf"(?:(?i:to-?do|to do|next|next step|pending|left)|待办|待定|待做|下一步|未完成)\s*[:：]|{BOX_OPEN}"

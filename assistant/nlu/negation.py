"""What a message names only to rule it out, read at the value: "sharegpt, not alpaca", "不是 run-3",
"3 epochs, not 5", "推理列不是“解析”". One place for the words before a value that rule it out; the
clause-level reading (``acts.without_ruled_out``: "don't touch FILE, just …") and a correction's
called-off opener (``acts.correction``) build on whole clauses instead.

    >>> negated("要的是sharegpt不是alpaca", 13)
    True
    >>> negated("要的是sharegpt不是alpaca", 3)
    False
"""
from __future__ import annotations

import re

# "要的是sharegpt不是alpaca", "sharegpt, not alpaca": a value named only to be ruled out.
NEGATED = re.compile(r"(?:不是|不要|而不是|别用|(?<![要得就])不(?=转)|别(?=转|换成)|非是|\bnot|\bno|instead of|rather than|\bforget(?: about)?|\bskip)\s*"
                      r"(?:转(?:成|为|换成)?|换成|用|要|停|to\s*=|to|into|convert(?:ing)? to|the)?\s*(?:the\s+)?$", re.IGNORECASE)  # ("to=sharegpt not to=alpaca")
# "不是“解析”", "3 epochs, not 5", "rather than 'Q'": the bare ruling-out word just before a name or number.
RULED_OUT_BEFORE = re.compile(r"(?:不是|而不是|并非|别用|不要用|别设成?|别设为|不要|不用|\bnot|instead of|rather than|(?:ou|\bu) used|(?:ou|\bu) set|你用的是|你设的是?)\s*(?:(?<=不要)[A-Za-z_]{1,12}\s*[=:：]\s*|(?<=不是)(?:做|加|要|跑|用)\s*|(?<=不是)\s*[A-Za-z_]{1,12}\s*[=:：]\s*|[rk])?$", re.I)  # ("不是 r=8,改成 r=16", "not r16")  # ("you used 2e-4 — too high": in an 8-character window)


def negated(text: str, at: int, width: int = 14) -> bool:
    """Whether the value starting at ``at`` is named only to be ruled out ("sharegpt, not alpaca", "不是 run-3")."""
    return bool(NEGATED.search(text[max(0, at - width):at]))

"""Words typed a letter or two off: "convrt" → convert, "alpca" → alpaca, "cot-ify" → cot.

An edit distance (Damerau–Levenshtein, with neighbour swaps) against a small vocabulary; the
allowed distance grows with the word (1 up to 6 letters, 2 beyond), so short words are not
mistaken for each other.
"""
from __future__ import annotations

from functools import lru_cache


def distance(a: str, b: str, limit: int = 3) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from ``a`` to ``b``; ``limit`` + 1 when over it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=4096)
def closest(word: str, vocab: tuple[str, ...]) -> str | None:
    """The vocabulary word ``word`` is a typo of (the nearest; ties go to the earlier), else None."""
    low = word.lower()
    if low in vocab or len(low) < 4:
        return None
    allowed = 1 if len(low) <= 6 else 2
    best = min(vocab, key=lambda v: distance(low, v))
    return best if 0 < distance(low, best) <= allowed else None

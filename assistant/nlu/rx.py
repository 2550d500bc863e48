"""``re``'s module functions, with the compiled patterns kept in a larger cache.

The readers write most of their patterns inline (``rx.search(r"…", text)``). A routing step uses about
600 distinct patterns, more than the 512 that ``re`` keeps; its cache drops the oldest pattern first, so
on a long message set every pattern was compiled again and again (a third of a routing step's time on
the voice rounds). Here the last 4,096 patterns are kept, the least recently used dropped first.
Same signatures and answers as ``re``'s functions; a compiled pattern is used as it is.

>>> search(r"\\d+", "epoch 3").group()
'3'
>>> sub(r"\\s+", " ", "a  b", count=1)
'a b'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

Pattern = str | re.Pattern


@lru_cache(maxsize=4096)
def compiled(pattern: Pattern, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, kept."""
    return re.compile(pattern, flags)


def search(pattern: Pattern, string: str, flags: int = 0) -> re.Match | None:
    return compiled(pattern, flags).search(string)


def match(pattern: Pattern, string: str, flags: int = 0) -> re.Match | None:
    return compiled(pattern, flags).match(string)


def fullmatch(pattern: Pattern, string: str, flags: int = 0) -> re.Match | None:
    return compiled(pattern, flags).fullmatch(string)


def sub(pattern: Pattern, repl: str | Callable[[re.Match], str], string: str, count: int = 0, flags: int = 0) -> str:
    return compiled(pattern, flags).sub(repl, string, count)


def subn(pattern: Pattern, repl: str | Callable[[re.Match], str], string: str, count: int = 0,
         flags: int = 0) -> tuple[str, int]:
    return compiled(pattern, flags).subn(repl, string, count)


def split(pattern: Pattern, string: str, maxsplit: int = 0, flags: int = 0) -> list:
    return compiled(pattern, flags).split(string, maxsplit)


def findall(pattern: Pattern, string: str, flags: int = 0) -> list:
    return compiled(pattern, flags).findall(string)


def finditer(pattern: Pattern, string: str, flags: int = 0) -> Iterator[re.Match]:
    return compiled(pattern, flags).finditer(string)

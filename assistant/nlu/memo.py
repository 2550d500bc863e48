"""Answers remembered per text by the readers of a message.

One routing step asks the same question of the same words many times: on a blind round, ``acts.speech_act``
is called about 4.5 times for each distinct text it sees, ``names.find_run_id`` about 4.4 times. Each function
remembered here is a pure function of its arguments and of the learned models in effect, so the memory is
forgotten whenever another model is put in effect (``classifier.using``, ``classifier.using_act``).
``bench/bench_routing.py`` measures what remembering saves (``off()`` is its baseline).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache, wraps
from typing import TypeVar

F = TypeVar("F", bound=Callable)

_REMEMBERED: list = []
_on = [True]


def remembered(fn: F | None = None, *, maxsize: int = 2048, copy: bool = False):
    """``fn`` with its last ``maxsize`` answers kept. Its answers must not be changed by callers (str, bool,
    tuple, None); with ``copy``, an answer is a dict of such values and each caller gets its own copy."""

    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _REMEMBERED.append(cached)

        @wraps(fn)
        def answer(*args, **kwargs):
            got = cached(*args, **kwargs) if _on[-1] else fn(*args, **kwargs)
            return dict(got) if copy else got

        answer.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return answer  # type: ignore[return-value]

    return wrap(fn) if fn is not None else wrap


def forget() -> None:
    """Drop every remembered answer (another learned model is in effect, or a text is to be read as new)."""
    for cached in _REMEMBERED:
        cached.cache_clear()


@contextmanager
def off() -> Iterator[None]:
    """Inside the block every answer is worked out again (the benchmark's baseline)."""
    _on.append(False)
    try:
        yield
    finally:
        _on.pop()

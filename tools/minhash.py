"""Near-duplicate detection: MinHash signatures over character shingles, LSH banding, exact check.

Character 3-grams work for Chinese (no word boundaries needed) and English alike. 128
permutations split into 16 bands of 8 rows make two texts candidates with probability
1 − (1 − J⁸)¹⁶: 0.95 at Jaccard J = 0.8, 0.9996 at J = 0.9, 0.02 at J = 0.5 (the
banding threshold (1/16)^(1/8) ≈ 0.71). Every candidate pair is then checked with the exact
Jaccard of its shingle sets, so LSH only costs recall, never precision.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from collections import defaultdict

import numpy as np

NUM_PERM = 128
_PRIME = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)
_NOT_WORD = re.compile(r"[\W_]+")  # spaces and punctuation; CJK characters count as word characters


def shingles(text: str, n: int = 3) -> set[str]:
    """Character n-grams after NFKC (full-width → half-width), lower-casing and dropping spaces and
    punctuation, so "什么？" and "什么?" or an added comma do not make two texts look different."""
    t = _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())
    return {t[i:i + n] for i in range(len(t) - n + 1)} if len(t) >= n else ({t} if t else set())


def _permutations(seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(seed)
    # a, b < 2^32 and 32-bit hashes keep a*h + b below 2^64: no uint64 overflow before the modulo.
    return (rng.randint(1, 1 << 32, NUM_PERM, dtype=np.uint64),
            rng.randint(0, 1 << 32, NUM_PERM, dtype=np.uint64))


def signature(grams: set[str], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if not grams:
        return np.full(NUM_PERM, _MAX32, dtype=np.uint64)
    h = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams))
    return (((a[:, None] * h[None, :] + b[:, None]) % _PRIME) & _MAX32).min(axis=1)


def jaccard(x: set, y: set) -> float:
    return len(x & y) / len(x | y) if x or y else 1.0


def near_duplicates(texts: list[str], threshold: float = 0.8, skip: set[int] | None = None) -> list[tuple[int, int, float]]:
    """(index, index of the earlier text it duplicates, Jaccard) for each later near-copy.

    Texts in ``skip`` (already removed) are neither reported nor used as originals.
    """
    skip = skip or set()
    a, b = _permutations()
    bands, rows = (16, 8) if threshold >= 0.7 else (32, 4)
    grams = {i: shingles(t) for i, t in enumerate(texts) if i not in skip}
    buckets: list[dict[bytes, list[int]]] = [defaultdict(list) for _ in range(bands)]
    found, dropped = [], set()
    for i in sorted(grams):
        sig = signature(grams[i], a, b)
        candidates = set()
        for band in range(bands):
            key = sig[band * rows:(band + 1) * rows].tobytes()
            candidates.update(buckets[band][key])
            buckets[band][key].append(i)
        best = max(((jaccard(grams[i], grams[j]), -j) for j in candidates if j not in dropped), default=None)
        if best and best[0] >= threshold:
            found.append((i, -best[1], best[0]))
            dropped.add(i)
    return found

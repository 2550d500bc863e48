"""How an :class:`~assistant.nlu.classifier.IntentModel` is fitted: softmax regression with L2
weight decay and balanced class weights, full-batch Adam in numpy (no sklearn, no scipy).

The n-gram inputs are sparse: each request is a short list of feature ids, so a batch's logits are
a gather and a segment sum (``np.add.reduceat``), and the gradient a per-label ``np.bincount``.
"""
from __future__ import annotations

from collections import Counter

import numpy as np

from assistant.nlu.classifier import RULE_TOOLS, features, rule_scores


def _design(texts: list[str], index: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Flattened feature ids, the row each belongs to, and each row's 1/sqrt(n) scale."""
    ids, rows, scale = [], [], []
    for r, text in enumerate(texts):
        row = sorted({index[f] for f in features(text) if f in index})
        ids += row
        rows += [r] * len(row)
        scale.append(1 / np.sqrt(len(row)) if row else 0.0)
    return np.array(ids, dtype=np.int64), np.array(rows, dtype=np.int64), np.array(scale, dtype=np.float32)


def train(cls, examples: list[tuple[str, str]], cues: bool = True, l2: float = 1e-4, steps: int = 300,
          lr: float = 0.05, min_count: int = 1, seed: int = 0):
    """Fit ``cls`` (IntentModel) on (text, label) pairs. ``cues`` feeds the rules' cue scores as
    inputs; ``min_count`` drops n-grams seen in fewer requests (a smaller file)."""
    texts, names = [t for t, _ in examples], [lab for _, lab in examples]
    labels = sorted(set(names))
    counts = Counter(f for t in texts for f in set(features(t)))
    vocab = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    ids, rows, scale = _design(texts, index)
    y = np.array([labels.index(n) for n in names])
    n, k = len(texts), len(labels)
    # balanced: each class weighs the same in total (n / (k · count)), as corpora over-represent some tools
    per_class = Counter(y.tolist())
    sample_w = np.array([n / (k * per_class[c]) for c in y], dtype=np.float32) / n
    cue_x = np.stack([rule_scores(t) for t in texts]) if cues else np.zeros((n, 0), dtype=np.float32)
    rng = np.random.default_rng(seed)
    params = [rng.normal(0, 0.01, (len(vocab), k)).astype(np.float32), np.zeros((cue_x.shape[1], k), np.float32),
              np.zeros(k, np.float32)]
    moments = [[np.zeros_like(p), np.zeros_like(p)] for p in params]
    onehot = np.eye(k, dtype=np.float32)[y]
    starts = np.searchsorted(rows, np.arange(n))
    for step in range(1, steps + 1):
        w, cw, b = params
        z = _sparse_logits(w, ids, rows, starts, scale, n) + cue_x @ cw + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_w[:, None]  # d loss / d logits, weighted
        contrib = g[rows] * scale[rows, None]  # each (request, n-gram) pair's share of the gradient
        gw = np.stack([np.bincount(ids, weights=contrib[:, j], minlength=len(w)) for j in range(k)], axis=1)
        gw = gw.astype(np.float32)
        grads = [gw + l2 * w, cue_x.T @ g + l2 * cw, g.sum(axis=0)]
        for p_, g_, m in zip(params, grads, moments):  # Adam, β = (0.9, 0.999)
            m[0] = 0.9 * m[0] + 0.1 * g_
            m[1] = 0.999 * m[1] + 0.001 * g_ * g_
            p_ -= lr * (m[0] / (1 - 0.9 ** step)) / (np.sqrt(m[1] / (1 - 0.999 ** step)) + 1e-8)
    return cls(labels, vocab, params[0], params[1] if cues else None, params[2])


def _sparse_logits(w, ids, rows, starts, scale, n) -> np.ndarray:
    """Σ of each row's feature weights × its scale; rows without features get 0."""
    out = np.zeros((n, w.shape[1]), dtype=np.float32)
    if len(ids):
        nonempty = np.unique(rows)
        sums = np.add.reduceat(w[ids], starts[nonempty], axis=0)
        out[nonempty] = sums
    return out * scale[:, None]


__all__ = ["train", "RULE_TOOLS"]

"""Duplicates, near-duplicates, conflicts and variant groups, comparing question and answer apart.

One text of question + answer lets a long shared passage dominate: two different questions about
the same paragraph (原因 vs 结果) look like copies. So the two sides are compared separately:

- same question, same answer (after collapsing spaces and case) → ``exact_duplicate`` (removed);
- same question (loosely: punctuation, fillers such as 请问/吗 and the interrogative word ignored),
  similar answer → ``near_duplicate``; different answer → ``conflict`` (both sides flagged);
- similar question (MinHash candidates, exact Jaccard ≥ threshold) and similar answer → ``near_duplicate``;
  similar question, different answer → nothing (the same context asked differently);
- different questions with the same answer → one variant *group* (templated augmentations of one
  sample, "hi"/"hello"): grouped in the score table, never flagged or removed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from tools.quality.minhash import band_keys, candidate_pairs, jaccard, shingles
from tools.quality.qrules import norm

_NOT_WORD = re.compile(r"[\W_]+")
_FILLER = re.compile(r"请问|麻烦|吗|呢|呀|啊|吧|please|could you|can you")
FACTUAL_CHARS = 40
"""An answer this short (characters) is a fact, not an essay: a different one is a conflict."""
_WHICH = re.compile(r"什么|哪一?[个条座颗位种些家样只所本部门句首]?|啥")


def loose(text: str) -> str:
    """The question as compared for 'same question': NFKC, lower case, no punctuation or fillers,
    one token for the interrogative ("是哪条" = "是什么")."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = _WHICH.sub("哪", _FILLER.sub("", t))
    return _NOT_WORD.sub("", t)


@dataclass
class PairFinding:
    index: int
    rule: str
    partner: int
    similarity: float
    reason_en: str
    reason_zh: str


@dataclass
class DupResult:
    findings: list[PairFinding] = field(default_factory=list)
    group: dict[int, int] = field(default_factory=dict)
    """record index → first record of its variant group (only records in groups of two or more)."""


def _where(wheres: list[str], i: int) -> str:
    return wheres[i] or f"record {i + 1}"


def find_duplicates(prompts: list[str], answers: list[str], wheres: list[str], threshold: float = 0.8,
                    skip: frozenset[int] = frozenset(), normed: tuple[list[str], list[str]] | None = None) -> DupResult:
    """Pair findings for every record (one per record, exact first); ``skip`` = already removed;
    ``normed`` = (``qrules.norm`` of each prompt, of each answer) when the caller has them already."""
    out = DupResult()
    done: set[int] = set(skip)
    firsts: dict[int, int] = {}
    n_prompts, n_answers = normed or ([norm(p) for p in prompts], [norm(a) for a in answers])
    for i, (p, a) in enumerate(zip(n_prompts, n_answers)):
        if i in done:
            continue
        key = hash((p, a))
        j = firsts.setdefault(key, i)
        if j != i:
            out.findings.append(PairFinding(i, "exact_duplicate", j, 1.0, f"exact duplicate of {_where(wheres, j)}",
                                            f"与 {_where(wheres, j)} 完全重复"))
            done.add(i)
    keys = [loose(p) if i not in done else "" for i, p in enumerate(prompts)]
    _same_question(keys, answers, wheres, threshold, done, out)
    _variant_groups(n_answers, keys, done, out)
    _similar_questions(keys, answers, wheres, threshold, done, out)
    out.findings.sort(key=lambda f: f.index)
    return out


def _answer_sim(answers: list[str], i: int, j: int, cache: dict) -> float:
    for k in (i, j):
        if k not in cache:
            cache[k] = shingles(answers[k])
    return jaccard(cache[i], cache[j])


def _same_question(keys, answers, wheres, threshold, done: set[int], out: DupResult) -> None:
    """Same (loose) question: a similar answer is a near duplicate, a different one a conflict."""
    groups: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if k and i not in done:
            groups.setdefault(k, []).append(i)
    cache: dict[int, set] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        reps = [members[0]]  # one record per distinct answer
        for i in members[1:]:
            best = max(((_answer_sim(answers, r, i, cache), r) for r in reps[:20]), default=(0.0, -1))
            if best[0] >= threshold:
                w = _where(wheres, best[1])
                out.findings.append(PairFinding(i, "near_duplicate", best[1], best[0],
                                                f"same question as {w}, similar answer (similarity {best[0]:.2f})",
                                                f"与 {w} 问题相同、答案相近(相似度 {best[0]:.2f})"))
                done.add(i)
                continue
            reps.append(i)
        # Long answers that differ are usually paraphrases of one reply ("你是谁" in identity.json):
        # a variant group. A conflict needs a short, factual side (尼罗河 / 亚马逊河).
        factual = [r for r in reps if len(answers[r].strip()) <= FACTUAL_CHARS]
        if len(reps) > 1 and factual:
            _conflict(reps, wheres, done, out)
        elif len(reps) > 1:
            out.group.update({r: reps[0] for r in reps})


def _conflict(reps: list[int], wheres, done: set[int], out: DupResult) -> None:
    for i in reps:
        partner = reps[1] if i == reps[0] else reps[0]
        w = _where(wheres, partner)
        out.findings.append(PairFinding(
            i, "conflict", partner, 0.0,
            f"same question as {w} with a different answer: keep the right one (an open question may have several)",
            f"与 {w} 问题相同但答案不同:请保留正确的那条(开放性问题可能有多个好答案)"))
        done.add(i)


def _variant_groups(n_answers, keys, done: set[int], out: DupResult) -> None:
    """Different questions with one (normalised) answer: a group (augmented variants), recorded, not flagged."""
    by_answer: dict[int, int] = {}
    for i, a in enumerate(n_answers):
        if i in done or not keys[i] or not a:
            continue
        first = by_answer.setdefault(hash(a), i)
        if first != i:
            out.group[i] = first
            out.group.setdefault(first, first)


def _similar_questions(keys, answers, wheres, threshold, done: set[int], out: DupResult) -> None:
    """Similar but not equal questions (LSH candidates) with a similar, not equal, answer."""
    live = [k if i not in done else "" for i, k in enumerate(keys)]
    qcache: dict[int, set] = {}
    acache: dict[int, set] = {}
    for i, j in sorted(candidate_pairs(band_keys(live)), key=lambda p: (p[1], p[0])):
        if j in done or i in done or live[i] == live[j] or out.group.get(j, -1) == out.group.get(i, -2):
            continue
        for k in (i, j):
            if k not in qcache:
                qcache[k] = shingles(live[k])
        q_sim = jaccard(qcache[i], qcache[j])
        if q_sim < threshold:
            continue
        a_sim = _answer_sim(answers, i, j, acache)
        if a_sim >= threshold:
            w = _where(wheres, i)
            out.findings.append(PairFinding(
                j, "near_duplicate", i, min(q_sim, a_sim),
                f"near duplicate of {w} (question similarity {q_sim:.2f}, answer {a_sim:.2f})",
                f"与 {w} 近似重复(问题相似度 {q_sim:.2f},答案 {a_sim:.2f})"))
            done.add(j)

"""Augmentation (manual: Prompt优化, 数据规模、数据多样性): few-shot, chain-of-thought, instruction templates.

Each function reads a dataset, adds new samples after the originals (the originals stay
unchanged) and writes a new file in the input's layout; the result says how many were
added and where they came from. Sample choice is deterministic under ``seed``.
"""
from __future__ import annotations

import os
import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tools.augment import llm_client
from tools.augment.retrieval import nearest
from tools.augment.templates import build_bank, language, reword_slots, wrapper_kind
from tools.data.changes import Changes
from tools.data.formats import FORMATS, Skipped, canonical_format, format_for, output_path, read_dataset, write_samples
from tools.data.readers import ReadResult
from tools.data.samples import Message, Sample
from tools.errors import UserError

DEFAULT_FRACTION = 0.2
"""Few-shot share when neither n_samples nor fraction is given: the manual says to add few-shot
data "适当" (in moderation) — a fifth keeps most prompts in the plain form used at inference."""

FEW_SHOT_TEXT = {
    "zh": ("下面是一些示例：", "问题：", "回答：", "请参考示例，回答下面的问题。"),
    "en": ("Here are some examples:", "Question: ", "Answer: ", "Following the examples, answer the question below."),
}
COT_TEXT = {
    "zh": ("\n请一步一步地思考，然后给出答案。", "让我们一步一步地思考。\n", "\n\n所以，答案是：", "解析"),
    "en": ("\nThink step by step, then give the answer.", "Let's think step by step.\n", "\n\nSo the answer is: ", "rationale"),
}
RATIONALE_PROMPT = {
    "zh": "下面是一个问题和它的正确答案。请写出得到这个答案的推理过程，分步骤说明，不要重复最终答案，也不要引入答案以外的结论。\n\n问题：{q}\n答案：{a}",
    "en": "Here is a question and its correct answer. Write the step-by-step reasoning that leads to this answer. "
          "Do not restate the final answer and do not reach any other conclusion.\n\nQuestion: {q}\nAnswer: {a}",
}


@dataclass
class AugmentResult:
    output: str
    method: str
    original: int
    added: int
    skipped: list[Skipped] = field(default_factory=list)
    details: dict = field(default_factory=dict)
    changes: Changes = field(default_factory=Changes)
    """What reading or writing normalised or dropped (sentences in English and Chinese)."""

    def to_dict(self) -> dict:
        return {"output": self.output, "method": self.method, "original": self.original, "added": self.added,
                "total": self.original + self.added, "skipped": [s.to_dict() for s in self.skipped], **self.details,
                "changes": self.changes.to_list()}

    def summary(self) -> str:
        extra = ", ".join(f"{k} {v}" for k, v in self.details.items() if not isinstance(v, (list, dict)))
        changed = "".join(f"; {c.sentence()}" for c in self.changes)
        return (f"{self.method}: {self.added} samples added to {self.original} ({self.original + self.added} in all)"
                f"{'; ' + extra if extra else ''}; {len(self.skipped)} records skipped; written to {self.output}{changed}")


def _read(path, **fields) -> tuple[Path, ReadResult]:
    source = Path(path).expanduser()
    result = read_dataset(source, **fields)
    if not result.samples:
        raise UserError(f"{source.name} has no usable samples ({len(result.skipped)} skipped); fix them first.",
                        zh=f"{source.name} 没有可用的样本（跳过 {len(result.skipped)} 条）；请先修正。")
    return source, result


def _write(source: Path, result: ReadResult, added: list[Sample], method: str, output, to: str | None) -> str:
    fmt = canonical_format(to) if to else {"tsv": "csv"}.get(result.format, result.format)
    if fmt not in FORMATS:
        fmt = "jsonl"
    if output is not None and not to:  # the output's name may ask for another layout (-o x.jsonl)
        fmt = format_for(Path(str(output)), fmt)
    out = output_path(source, fmt, output, tag=f".{method}")
    write_samples(result.samples + added, fmt, out, changes=result.changes)
    return str(out)


def _plain(samples: list[Sample], source: Path) -> list[int]:
    """Indices of the samples augmentation can rewrite (see ``plain_end``); none is a UserError."""
    plain = [i for i, s in enumerate(samples) if plain_end(s)]
    if not plain:
        raise UserError(f"No sample of {source.name} ends with a plain question and answer (they end in tool "
                        f"results), so there is nothing to augment.",
                        zh=f"{source.name} 中没有以普通问答结尾的样本（都以工具结果结尾），无法增强。")
    return plain


def plain_end(s: Sample) -> bool:
    """The sample ends with a question and its direct answer (what augmentation rewrites);
    a conversation ending in a tool result is left as it is."""
    return len(s.messages) >= 2 and s.messages[-2].role == "user" and s.messages[-1].role == "assistant"


def _count(n: int, n_samples: int | None, fraction: float | None, default: float | None = None) -> int:
    if n_samples is not None and fraction is not None:
        raise UserError("Give either a number of samples or a fraction, not both.",
                        zh="请给出样本数或比例，不要同时给出。")
    if fraction is not None and not 0 < fraction <= 1:
        raise UserError(f"The fraction must be between 0 and 1 (got {fraction}).",
                        zh=f"比例必须在 0 到 1 之间（收到 {fraction}）。")
    if n_samples is not None and n_samples < 1:
        raise UserError(f"The number of samples must be at least 1 (got {n_samples}).",
                        zh=f"样本数至少为 1（收到 {n_samples}）。")
    if n_samples is not None:
        return min(n_samples, n)
    share = fraction if fraction is not None else default
    return n if share is None else max(1, round(share * n))


def few_shot(path, k: int = 3, n_samples: int | None = None, fraction: float | None = None, seed: int = 0,
             output=None, to: str | None = None, **fields) -> AugmentResult:
    """Add samples whose prompt carries ``k`` solved examples from the same dataset.

    Examples are the most similar other samples (character n-gram overlap, which works for
    Chinese without a tokenizer), never the sample itself nor a near-copy of its question or
    answer, and no example twice in one prompt. Applies to ``n_samples`` samples or a
    ``fraction`` of them (default 20%), chosen under ``seed``.
    """
    source, result = _read(path, **fields)
    samples = result.samples
    if k < 1 or k >= len(samples):
        raise UserError(f"k must be between 1 and {len(samples) - 1} for {len(samples)} samples (got {k}).",
                        zh=f"{len(samples)} 个样本时 k 必须在 1 到 {len(samples) - 1} 之间（收到 {k}）。")
    rng = random.Random(seed)
    plain = _plain(samples, source)
    targets = sorted(rng.sample(plain, _count(len(plain), n_samples, fraction, DEFAULT_FRACTION)))
    neighbours = nearest([s.question for s in samples], targets, k, seed, answers=[s.answer for s in samples])
    added = []
    for t in targets:
        s = samples[t]
        head, q_label, a_label, ask = FEW_SHOT_TEXT[language(s.question)]
        shots = "\n\n".join(f"{q_label}{samples[j].question}\n{a_label}{samples[j].answer}" for j in neighbours[t])
        prompt = f"{head}\n\n{shots}\n\n{ask}\n{q_label}{s.question}"
        meta = {**s.meta, "augment": "few-shot", "source": s.where, "examples": [samples[j].where for j in neighbours[t]]}
        added.append(Sample(s.messages[:-2] + [Message("user", prompt), s.messages[-1]], where=s.where, meta=meta))
    out = _write(source, result, added, "few-shot", output, to)
    return AugmentResult(out, "few-shot", len(samples), len(added), result.skipped, {"k": k, "seed": seed},
                         result.changes)


def _cot_sample(s: Sample, rationale: str) -> Sample:
    trigger, lead, conclude, _ = COT_TEXT[language(s.question)]
    messages = s.messages[:-2] + [Message("user", s.question + trigger),
                                  Message("assistant", f"{lead}{rationale.strip()}{conclude}{s.answer}")]
    return Sample(messages, where=s.where, meta={**s.meta, "augment": "cot", "source": s.where})


def add_cot(path, n_samples: int | None = None, rationale_field: str | None = None, output=None,
            to: str | None = None, fraction: float | None = None, **fields) -> AugmentResult:
    """Add chain-of-thought samples: the prompt asks to think step by step, the answer gives the
    reasoning, then the original answer. ``n_samples`` caps how many (default: every sample that
    has or gets a rationale).

    The reasoning comes from a rationale column (解析/analysis/explanation/rationale, or
    ``rationale_field``); samples without one get it from the OpenAI-compatible model named by
    OPENAI_BASE_URL, OPENAI_API_KEY and SFT_LLM_MODEL, if configured. Nothing is invented:
    without either source this raises a UserError saying what is needed.
    """
    source, result = _read(path, rationale_field=rationale_field, **fields)
    # n_samples CoT samples: those with a rationale column first (free and exact), then, when a
    # model is configured, samples it writes a rationale for — in file order.
    want = _count(len(result.samples), n_samples, fraction)
    have = [s for s in result.samples if s.meta.get("rationale")][:want]
    lacking = [s for s in result.samples if not s.meta.get("rationale")]
    config = llm_client.config_from_env()
    missing = lacking[: want - len(have)] if config is not None else []
    if not have and config is None:
        raise UserError(
            f"{source.name} has no rationale column (解析, analysis, explanation or rationale; or name one with "
            f"--rationale-field) and no model is configured to write rationales: set OPENAI_BASE_URL, OPENAI_API_KEY "
            f"and SFT_LLM_MODEL to an OpenAI-compatible endpoint, or add the column.",
            zh=f"{source.name} 没有解析列（解析、analysis、explanation 或 rationale；也可用 --rationale-field 指定），"
               f"也没有配置用来写推理过程的模型：请把 OPENAI_BASE_URL、OPENAI_API_KEY 和 SFT_LLM_MODEL 设为一个 "
               f"OpenAI 兼容的接口，或添加解析列。")
    have = [s for s in have if plain_end(s)]
    missing = [s for s in missing if plain_end(s)]
    added = [_cot_sample(s, s.meta["rationale"]) for s in have]
    skipped = list(result.skipped)
    generated = 0
    if missing and config is not None:
        rationales = _generate(config, missing)
        for s, (text, error) in zip(missing, rationales):
            if text:
                added.append(_cot_sample(s, text))
                added[-1].meta["rationale_source"] = f"model:{config.model}"
                generated += 1
            else:
                skipped.append(Skipped(s.where, f"no rationale from the model: {error}"))
    if not added:
        _no_cot(source, config, skipped[len(result.skipped):])
    out = _write(source, result, added, "cot", output, to)
    details = {"from_column": len(have), "from_model": generated, "without_rationale": len(lacking) - generated}
    return AugmentResult(out, "cot", len(result.samples), len(added), skipped, details, result.changes)


def _no_cot(source: Path, config, failed: list[Skipped]) -> None:
    """A CoT run that built no CoT sample fails (nothing is written), with the endpoint's own error."""
    model = f"the model {config.model} at {config.base_url}" if config is not None else "no model"
    error = failed[0].reason.removeprefix("no rationale from the model: ") if failed else "no sample to reason about"
    raise UserError(f"No chain-of-thought sample was built from {source.name}: {model} gave no rationale for any of "
                    f"{len(failed)} samples ({error}); nothing was written. Check the endpoint, or add a rationale column.",
                    zh=f"没有从 {source.name} 生成任何思维链样本：{model} 对 {len(failed)} 个样本都没有给出推理过程"
                       f"（{error}）；未写出任何文件。请检查接口，或添加解析列。")


def _generate(config: llm_client.LLMConfig, samples: list[Sample]) -> list[tuple[str, str]]:
    """(rationale, error) per sample; a few requests in flight at once (endpoints batch them)."""

    def one(s: Sample) -> tuple[str, str]:
        prompt = RATIONALE_PROMPT[language(s.question)].format(q=s.question, a=s.answer)
        try:
            text = llm_client.chat(config, [{"role": "user", "content": prompt}])
        except UserError as exc:
            return "", str(exc)
        return (text, "") if text else ("", "empty reply")

    workers = max(1, min(8, int(os.environ.get("SFT_LLM_CONCURRENCY", "4"))))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, samples))


def augment_instructions(path, templates: list[str] | None = None, n_samples: int | None = None, seed: int = 0,
                         output=None, to: str | None = None, fraction: float | None = None, **fields) -> AugmentResult:
    """Add samples whose instruction is reworded through the template bank (same answer).

    A known instruction (中译英, 生成摘要, Translate …) is swapped for an equivalent phrasing of its
    family; other questions get a wrapper ("问题：{question}"). ``templates`` adds the user's own:
    wrappers containing {question}, or families written 'a|b|c'. Reports the number of distinct
    instruction forms before and after.
    """
    source, result = _read(path, **fields)
    bank = build_bank(templates)
    rng = random.Random(seed)
    samples = result.samples
    plain = _plain(samples, source)
    chosen = sorted(rng.sample(plain, _count(len(plain), n_samples, fraction)))
    added, kinds = [], {"paraphrase": 0, "wrapper": 0}
    for i in chosen:
        s = samples[i]
        question, kind = _reword(bank, s.question, rng)
        if question != s.question:
            kinds[kind] += 1
            meta = {**s.meta, "augment": "templates", "template_kind": kind, "source": s.where}
            added.append(Sample(s.messages[:-2] + [Message("user", question), s.messages[-1]], where=s.where, meta=meta))
    before = {bank.form(s.question) for s in samples}
    after = before | {bank.form(s.question) for s in added}
    out = _write(source, result, added, "templates", output, to)
    details = {"forms_before": len(before), "forms_after": len(after), "seed": seed,
               "reworded": kinds["paraphrase"], "wrapped": kinds["wrapper"]}
    return AugmentResult(out, "templates", len(samples), len(added), result.skipped, details, result.changes)


def _reword(bank, question: str, rng: random.Random) -> tuple[str, str]:
    """(new question, "paraphrase" | "wrapper"): the instruction itself is reworded where the bank
    knows it (a slot family, then a phrase family); only an unknown instruction is wrapped."""
    slotted = reword_slots(question, rng.choice)
    if slotted is not None:
        return slotted, "paraphrase"
    hit = bank.match(question)
    if hit:
        family, lang, phrase, start, end = hit
        options = [p for p in bank.families[family][lang] if p.lower() != phrase.lower()]
        if options:
            return question[:start] + rng.choice(options) + question[end:], "paraphrase"
    return rng.choice(bank.wrappers[wrapper_kind(question)]).replace("{question}", question), "wrapper"

"""Did it learn, and what did it forget? Base versus tuned on held-out prompts and on a general set.

The report (``RUN_DIR/eval.json``) is written at the end of every run by the training process itself
(the tuned model is still loaded; the base model is the same weights with the adapter switched off,
so there is no second load), and on demand by ``sft-assistant eval RUN``. It holds:
- ``task``: loss and perplexity of the held-out answers (up to 200), and greedy answers to a handful of
  held-out prompts (``EVAL_PROMPTS``; more with ``full``) scored by exact match, character F1 and ROUGE-L (and an LLM judge when an OpenAI-compatible
  endpoint is configured), for the base and the tuned model;
- ``general``: the same for the evaluation half of the general prompt set (the other half is what
  ``--mix-general`` trains on), whose references are the base model's own answers
  (``tools.models.general``): the tuned model's perplexity rise on them is the forgetting figure;
- ``examples``: a few side-by-side answers.
"""
from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from pathlib import Path

from tools.data.samples import Sample
from tools.errors import UserError

# Generation is the slow part: on 2 CPU cores a decoding step of the embedded model is bound by
# arithmetic, so every prompt answered costs about its share of max-new-tokens steps. The end of a
# run answers a handful (it must not cost more than the training of a small set); ``eval --full``
# answers more.
EVAL_PROMPTS = 10       # held-out prompts answered by each model at the end of a run
FULL_EVAL_PROMPTS = 50  # … with ``full=True`` (``sft-assistant eval RUN --full``)
EVAL_NEW_TOKENS = 48    # answer length cap for the held-out prompts
LOSS_SAMPLES = 200      # held-out answers scored for loss (one forward pass each, cheap)
GENERAL_SUBSET = 8      # general prompts at the end of a run; ``full=True`` uses all 100 evaluation prompts
EXAMPLES = 5
MIXED_BATCH = 32        # rows per batched generate in the report: the end of a run (≤ 28 rows) is one batch; ``full`` several


def holdout_size(n: int) -> int:
    """10% of the samples, at most 200, at least 1; none below 10 samples (too few to spare).

    >>> holdout_size(80), holdout_size(5_000), holdout_size(9)
    (8, 200, 0)
    """
    return 0 if n < 10 else min(200, max(1, round(n / 10)))


def split_samples(config) -> tuple[list[Sample], list[Sample]]:
    """(train, held-out) samples of a run: the given validation file, else a seeded hold-out of
    ``config.validation_size`` (default ``holdout_size``) taken before training."""
    from tools.train.sftdata import read_samples, split_validation

    samples = read_samples(config.data_path)
    if getattr(config, "validation_file", None):
        return samples, read_samples(config.validation_file)
    size = config.validation_size if config.validation_size is not None else holdout_size(len(samples))
    return split_validation(samples, min(size, len(samples) - 1), config.seed)


def _loss(model, tokenizer, samples: list[Sample]) -> dict:
    """Mean answer negative log-likelihood per token (averaged over samples) and its exp."""
    from tools.quality.perplexity import perplexities

    inner = model.get_base_model() if hasattr(model, "get_base_model") else model
    ppl = perplexities(samples, model=inner, tokenizer=tokenizer, batch_size=8)
    loss = sum(math.log(p) for p in ppl) / max(1, len(ppl))
    return {"loss": round(loss, 4), "perplexity": round(math.exp(loss), 3)}


def _score_side(model, tokenizer, samples: list[Sample], references: list[str], answers: list[str], judge_cfg) -> dict:
    from tools.models.evalmetrics import judge, scores

    side = {**_loss(model, tokenizer, samples), **scores(answers, references)}
    if judge_cfg is not None:
        try:
            side["judge"] = judge(judge_cfg, [s.question for s in samples], references, answers)
        except UserError as exc:
            side["judge_error"] = str(exc)
    return side


def all_answers(model, tokenizer, task: list[list[dict]], general: list[list[dict]],
                should_stop=lambda: False) -> tuple[list[str], list[str], list[str]]:
    """(base answers to ``task``, tuned answers to ``task``, tuned answers to ``general``), greedy, at most
    ``EVAL_NEW_TOKENS`` each. On a peft model all three come out of ONE batched ``generate`` (peft's
    ``adapter_names``: "__base__" rows skip the adapter): decoding a batch of 26 costs far less than three
    batches of 8-10 one after another, because a decoding step of a small model is bound by reading
    its weights, not by the rows. Other models answer group by group."""
    from tools.models.general import base_context, generate

    convs = task + task + general
    adapter = getattr(model, "active_adapter", None)
    if isinstance(adapter, str) and hasattr(model, "disable_adapter"):
        names = ["__base__"] * len(task) + [adapter] * (len(task) + len(general))
        out = generate(model, tokenizer, convs, EVAL_NEW_TOKENS, batch_size=MIXED_BATCH,
                       should_stop=should_stop, adapter_names=names)
    else:
        with base_context(model):
            out = generate(model, tokenizer, task, EVAL_NEW_TOKENS, should_stop=should_stop)
        out += generate(model, tokenizer, task + general, EVAL_NEW_TOKENS, should_stop=should_stop)
    n = len(task)
    return out[:n], out[n:2 * n], out[2 * n:]


def task_report(model, tokenizer, held: list[Sample], base_answers: list[str], tuned_answers: list[str],
                judge_cfg=None) -> tuple[dict, list]:
    """Base and tuned scores on held-out samples (the answers to the first ``len(base_answers)`` of them
    already generated); and the rows for the side-by-side examples."""
    from tools.models.general import base_context

    scored = held_scored(held)
    asked = scored[:len(base_answers)]
    refs = [s.answer for s in asked]
    report = {"samples": len(scored), "generated": len(asked), "max_new_tokens": EVAL_NEW_TOKENS}
    with base_context(model):
        report["base"] = _score_side(model, tokenizer, scored, refs, base_answers, judge_cfg)
    report["tuned"] = _score_side(model, tokenizer, scored, refs, tuned_answers, judge_cfg)
    rows = [{"question": s.question, "reference": r, "base": b, "tuned": t}
            for s, r, b, t in zip(asked, refs, base_answers, tuned_answers)]
    return report, rows


def held_scored(held: list[Sample]) -> list[Sample]:
    """The held-out samples the report scores: those with an answer, at most ``LOSS_SAMPLES``."""
    return [s for s in held if s.answer][:LOSS_SAMPLES]


def _cut(tokenizer, text: str, tokens: int) -> str:
    """The first ``tokens`` tokens of ``text``: greedy decoding is prefix-consistent, so the base model's
    answer cut to the tuned answer's budget is exactly what it would have said with that budget."""
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    return text if len(ids) <= tokens else tokenizer.decode(ids[:tokens], skip_special_tokens=True).strip()


def general_report(model, tokenizer, base_model: str, prompts: list[dict], tuned_answers: list[str],
                   should_stop=lambda: False) -> tuple[dict, list]:
    """Forgetting: the tuned model against the base model's own (cached) answers to general prompts;
    the perplexity figure uses the whole references, the answers are compared at the same length."""
    from tools.models.evalmetrics import scores
    from tools.models.general import base_context, reference_answers

    refs, generated = reference_answers(base_model, model, tokenizer, prompts, should_stop)
    samples = [Sample.from_pair(p["prompt"], r or "…") for p, r in zip(prompts, refs)]
    with base_context(model):
        base = _loss(model, tokenizer, samples)
    tuned = {**_loss(model, tokenizer, samples),
             **scores(tuned_answers, [_cut(tokenizer, r, EVAL_NEW_TOKENS) for r in refs])}
    rise = 100.0 * (tuned["perplexity"] / base["perplexity"] - 1) if base["perplexity"] else 0.0
    report = {"prompts": len(prompts), "references": "base model's own greedy answers (cached)",
              "references_generated_now": generated, "base": base, "tuned": tuned,
              "forgetting_pct": round(rise, 2)}
    rows = [{"question": p["prompt"], "base": r, "tuned": t} for p, r, t in zip(prompts, refs, tuned_answers)]
    return report, rows


def build_report(model, tokenizer, base_model: str, held: list[Sample], held_from: str, full: bool = False,
                 should_stop: Callable[[], bool] = lambda: False) -> dict:
    """The whole report (see the module docstring); ``held_from`` says where the prompts came from."""
    from tools.augment.llm_client import config_from_env
    from tools.models.general import conversations, evaluation_prompts

    started = time.perf_counter()
    model.eval()
    judge_cfg = config_from_env()
    asked = held_scored(held)[:FULL_EVAL_PROMPTS if full else EVAL_PROMPTS]
    prompts = evaluation_prompts(None if full else GENERAL_SUBSET)
    base_answers, tuned_answers, general_answers = all_answers(
        model, tokenizer, [s.to_dicts()[:-1] for s in asked], conversations(prompts), should_stop)
    task, task_rows = task_report(model, tokenizer, held, base_answers, tuned_answers, judge_cfg)
    general, general_rows = general_report(model, tokenizer, base_model, prompts, general_answers, should_stop)
    return {"task": {**task, "held_out_from": held_from}, "general": general,
            "judge": judge_cfg.model if judge_cfg else None,
            "examples": task_rows[:EXAMPLES], "general_examples": general_rows[:3],
            "seconds": round(time.perf_counter() - started, 1)}


def write_report(run_dir: Path, report: dict) -> Path:
    from tools.workspace import atomic_write_text

    return atomic_write_text(Path(run_dir) / "eval.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def after_training(run_dir: Path, config, model, tokenizer, held: list[Sample], train: list[Sample],
                   should_stop: Callable[[], bool]) -> dict | None:
    """The end-of-run evaluation (called by ``tools.train.train``); a failure is recorded, never raised,
    so a finished training is never lost to its evaluation."""
    held_from = "held-out split" if held else "training samples (the data was too small to hold any out)"
    try:
        report = build_report(model, tokenizer, config.base_model, held or train, held_from, should_stop=should_stop)
    except InterruptedError:
        return None
    except Exception as exc:  # noqa: BLE001 - the run itself succeeded; say why there is no report
        report = {"error": f"Evaluation failed ({type(exc).__name__}: {exc})."}
    write_report(run_dir, report)
    return report


def evaluate_run(run=None, data: str | None = None, full: bool = False) -> dict:
    """Evaluate a finished run on demand (``sft-assistant eval RUN [--data FILE] [--full]``): load the
    base model and the adapter, score both, write ``eval.json`` and return the report."""
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from tools.train.runs import get_run
    from tools.train.trainconfig import TrainConfig

    info = get_run(run)
    adapter = info.run_dir / "adapter"
    if not (adapter / "adapter_config.json").is_file():
        raise UserError(f"Run {info.run_id} has no adapter yet (state: {info.state}); evaluate it once it has finished.",
                        zh=f"运行 {info.run_id} 还没有适配器(状态:{info.state}),请在训练结束后再评估。")
    config = TrainConfig.load(info.run_dir / "config.json")
    if data:
        from tools.train.sftdata import read_samples

        held, held_from, train = read_samples(data), Path(data).name, []
    else:
        train, held = split_samples(config)
        held_from = "held-out split" if held else "training samples (the data was too small to hold any out)"
    tokenizer = AutoTokenizer.from_pretrained(str(adapter))
    from tools.models.models import inference_dtype

    base = AutoModelForCausalLM.from_pretrained(config.base_model, dtype=inference_dtype(config.base_model))
    model = PeftModel.from_pretrained(base, str(adapter))
    report = build_report(model, tokenizer, config.base_model, held or train, held_from, full=full)
    report["on_demand"] = True
    write_report(info.run_dir, report)
    return report


def load_report(run_dir: Path | str) -> dict | None:
    path = Path(run_dir) / "eval.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def verdict(run_dir: Path | str) -> dict:
    """Did the run learn? ``{"learned": True|False|None, "reason_en", "reason_zh", "score"}`` from eval.json:
    learned = the tuned held-out ROUGE-L beats the base by ≥ 0.05, or the held-out loss fell by ≥ 10%.
    None when there is no report yet; ``score`` is the tuned held-out ROUGE-L (0–1)."""
    report = load_report(run_dir)
    if not report or "task" not in report:
        why = (report or {}).get("error")
        return {"learned": None, "score": None,
                "reason_en": why or "Not evaluated yet: run `sft-assistant eval` or ask “did it learn?”.",
                "reason_zh": why or "还没有评估:运行 `sft-assistant eval`,或问“效果怎么样?”。"}
    base, tuned = report["task"]["base"], report["task"]["tuned"]
    gain = tuned["rouge_l"] - base["rouge_l"]
    drop = 1 - tuned["loss"] / base["loss"] if base["loss"] else 0.0
    learned = gain >= 0.05 or drop >= 0.10
    figures = (f"held-out ROUGE-L {tuned['rouge_l']:.2f} vs base {base['rouge_l']:.2f}, "
               f"loss {tuned['loss']:.2f} vs {base['loss']:.2f}")
    figures_zh = (f"留出集 ROUGE-L {tuned['rouge_l']:.2f}(基座 {base['rouge_l']:.2f}),"
                  f"损失 {tuned['loss']:.2f}(基座 {base['loss']:.2f})")
    if learned:
        en, zh = f"It learned the task: {figures}.", f"模型学到了任务:{figures_zh}。"
    else:
        steps = _steps(run_dir)
        en = (f"This run was too short to learn anything ({steps} steps): {figures}. Train for more epochs or steps."
              if steps is not None and steps < 50 else f"The tuned model is no better than the base model: {figures}.")
        zh = (f"这次训练太短,没有学到东西(只有 {steps} 步):{figures_zh}。请增加 epoch 或步数。"
              if steps is not None and steps < 50 else f"微调后的模型并不比基座模型好:{figures_zh}。")
    return {"learned": learned, "score": tuned["rouge_l"], "reason_en": en, "reason_zh": zh}


def _steps(run_dir) -> int | None:
    from tools.train.runs import read_state

    return read_state(Path(run_dir)).get("step")


def summary(report: dict, lang: str = "en") -> list[str]:
    """A few plain lines for the CLI, the Training tab and the assistant."""
    if "task" not in report:
        return [report.get("error", "No evaluation.")]
    t, g = report["task"], report["general"]
    b, u = t["base"], t["tuned"]
    if lang == "zh":
        lines = [f"留出集({t['samples']} 条,生成 {t['generated']} 条):损失 {b['loss']:.3f} → {u['loss']:.3f},"
                 f"困惑度 {b['perplexity']:.2f} → {u['perplexity']:.2f}",
                 f"完全匹配 {b['exact_match']:.0%} → {u['exact_match']:.0%},字符 F1 {b['char_f1']:.2f} → {u['char_f1']:.2f},"
                 f"ROUGE-L {b['rouge_l']:.2f} → {u['rouge_l']:.2f}",
                 f"通用能力({g['prompts']} 条通用问题,参考=基座模型自己的回答):困惑度 {g['base']['perplexity']:.2f} → "
                 f"{g['tuned']['perplexity']:.2f}(遗忘 {g['forgetting_pct']:+.1f}%),与基座回答的 ROUGE-L {g['tuned']['rouge_l']:.2f}"]
    else:
        lines = [f"Held-out ({t['samples']} samples, {t['generated']} answered): loss {b['loss']:.3f} → {u['loss']:.3f}, "
                 f"perplexity {b['perplexity']:.2f} → {u['perplexity']:.2f}",
                 f"exact match {b['exact_match']:.0%} → {u['exact_match']:.0%}, char F1 {b['char_f1']:.2f} → {u['char_f1']:.2f}, "
                 f"ROUGE-L {b['rouge_l']:.2f} → {u['rouge_l']:.2f}",
                 f"General ability ({g['prompts']} general prompts, reference = the base model's own answers): perplexity "
                 f"{g['base']['perplexity']:.2f} → {g['tuned']['perplexity']:.2f} (forgetting {g['forgetting_pct']:+.1f}%), "
                 f"ROUGE-L against the base answers {g['tuned']['rouge_l']:.2f}"]
    if b.get("judge") is not None and u.get("judge") is not None:
        lines.append(f"LLM judge ({report.get('judge')}): {b['judge']:.2f} → {u['judge']:.2f}")
    return lines

"""The arguments of a tool call, read by rules from the request (file names already masked):
counts, fractions, fields, formats, training settings, run ids. The tool itself is chosen by the
intent model (``reading``); these rules only fill in what the user spelled out.
"""
from __future__ import annotations

import re

from assistant.nlu import amounts, names, probe, review, rx, slots

_THESE_SETTINGS = re.compile(r"推荐的|建议的|这些参数|这个配置|这组参数|上面的参数|these settings|those settings|the suggested|the recommended|"
                             r"these (?:hyper)?parameters|those (?:hyper)?parameters|suggested settings|recommended settings",
                             re.IGNORECASE)

def _with_lone_count(args: dict, text: str) -> dict:
    """"cot aug 800": a bare number ≥ 10 in a request to generate samples is how many."""
    if "n_samples" not in args and amounts.lone_count(text):
        args["n_samples"] = amounts.lone_count(text)
    return args


# What a step is, said in passing ("— i.e. each sample gets some examples baked in —", "就是每条样本里带几个例子那种"): no settings.
_DEFINED = re.compile(r"[—–-]+\s*i\.?e\.?,?\s[^—–\n]{3,80}?[—–]+|\(\s*i\.?e\.?,?\s[^()]{3,80}\)|就是[^,，。;；\d]{2,24}那种", re.I)


def arguments_for(tool: str, text: str, results: dict, plain: str | None = None) -> dict:
    """The arguments the user gave for ``tool`` (file names masked out of the text first);
    ``results`` holds the latest data of each tool that ran (for "these settings"). ``plain`` is the
    text in mainland Mandarin (``variants``): amounts, formats and settings are read from it, the names
    the user wrote (columns, sheets, templates) from ``text``."""
    plain = amounts.without_others(text if plain is None else plain)  # ("小李说 epoch 要 10,我觉得 5 就行": the person's own numbers)
    plain = _DEFINED.sub(lambda m: " " * len(m.group(0)), plain)  # ("few-shot — i.e. each sample gets some examples baked in — 6 examples")
    if tool == "probe_learning_rate":
        steps = probe.probe_steps(plain)
        return {"steps": steps} if steps else {}
    fields = _fields(text, plain)
    if tool in ("inspect_dataset", "convert_dataset"):
        args = {k: fields[k] for k in ("question_field", "answer_field", "sheet") if k in fields}
        if tool == "convert_dataset" and slots.find_format(plain):
            args["to"] = slots.find_format(plain)
        return args
    if tool in ("add_few_shot", "add_cot", "augment_instructions"):
        fraction = amounts.find_fraction(plain)
        return {**_generator_args(tool, text, plain), **({"fraction": fraction} if fraction is not None else {})}
    if tool == "fill_placeholders":
        values = review.values_as_written(text, plain)
        return {"values": values} if values else {}
    return _other_args(tool, plain, results)


def _fields(text: str, plain: str) -> dict:
    """Field and sheet names as written; a role said in Traditional characters ("問題欄是「顧客提問」") is found
    in ``plain`` and its name taken from the same place in ``text`` (the conversion keeps each character's place)."""
    fields = slots.find_fields(text)
    if plain != text and len(plain) == len(text):
        for role, name in slots.find_fields(plain).items():
            at = plain.find(name)
            if role not in fields and at >= 0:
                fields[role] = text[at:at + len(name)]
    return fields


def _generator_args(tool: str, text: str, plain: str) -> dict:
    """Arguments of the tools that write new samples (few-shot, CoT, augmented instructions)."""
    if tool == "add_few_shot":
        return _with_lone_count(amounts.count_args(plain, few_shot=True), plain)
    if tool == "add_cot":
        fields = _fields(text, plain)
        # the only field add_cot takes: a quoted name with no other role is where the rationales are
        # "cot all rows FILE col=explanation", "Rationale column: 'Regulatory Basis'"
        keyed = rx.search(r"(?<![\w-])(?:col|column|field|字段|列名)\s*(?:[=:：]|叫|名为|是|(?<=列名)\s|\s(?:called|named)\s)\s*(?:[\"'“]([^\"'”\n]{1,60})[\"'”]|([A-Za-z_][\w.-]*(?![\u4e00-\u9fff])))", text, re.I)
        keyed = keyed if keyed and not rx.match(r"\s*(?:是|为)", text[keyed.end():]) else None  # ("有个 analysis 字段是解题过程": what it holds)
        keyed_name = keyed and (keyed.group(1) or keyed.group(2).rstrip("."))
        loose = ([keyed_name] if keyed else []) + [name for name, role in slots.field_names(text) if role in (None, "rationale_field")] or slots.loose_columns(text)
        rationale = keyed_name or fields.get("rationale_field") or (loose[0] if loose else None)
        return {**_with_lone_count(amounts.count_args(plain), plain), **({"rationale_field": rationale} if rationale else {})}
    if tool == "augment_instructions":
        templates = slots.find_templates(text)
        return {**({"templates": templates} if templates else {}), **_with_lone_count(amounts.count_args(plain), plain)}
    return {}


def _other_args(tool: str, text: str, results: dict) -> dict:
    if tool == "check_quality":
        ppl = slots.wants_ppl(text)
        return {} if ppl is None else {"ppl": ppl}
    if tool == "suggest_hyperparameters":
        args = amounts.count_args(text)
        if own := amounts.own_count(text):  # "手册说1000条 epoch 用10…我有1200条": the person's own count ("I've got 2,000 recipes in FILE")
            args["n_samples"] = own
        if "n_samples" not in args and amounts.lone_count(text):
            args["n_samples"] = amounts.lone_count(text)
        return {**args, **({"method": slots.find_method(text)} if slots.find_method(text) else {})}
    if tool == "start_training":
        base = names.find_base_model(text)
        args = amounts.training_args(slots.mask(text, [base[1:]]) if base else text)
        if _THESE_SETTINGS.search(text) and "suggest_hyperparameters" in results:
            advice = results["suggest_hyperparameters"]
            args = {**{k: advice[k] for k in ("epochs", "learning_rate") if k in advice}, **args}
        mix = amounts.find_mix(text)
        return {**args, **({"base_model": base[0]} if base else {}), **({"mix_general": mix} if mix is not None else {})}
    if tool in ("training_status", "stop_training", "resume_training", "evaluate_run"):
        run = names.find_run_id(text)
        return {"run_id": run[0]} if run else {}
    return {"question": text.strip()} if tool == "explain" else {}

"""The instruction-template bank: equivalent phrasings of common instructions, Chinese and English.

The manual (数据规模、数据多样性): "中文翻译英文的指令可以拓展为，中译英，翻译中文为英文等相同语义
的指令" — more ways of asking, same answer. A *family* holds phrasings that mean the same;
a phrasing is swapped for another of its family and language only where it stands as the
instruction (at the start of the prompt, or alone on its last line), so the payload text is
never touched. *Slot families* do the same for instructions with variable parts
("下文中{cause}导致{effect}事件对应的{side}涉及的{kind}是？"). Questions with no known instruction get
a *wrapper* ("问题：{question}"); ``KINDS`` marks families as paraphrases and wrappers as wrappers.

User templates: a string with ``{question}`` is a wrapper; ``a|b|c`` is a new family.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tools.errors import UserError

FAMILIES: dict[str, dict[str, list[str]]] = {
    "translate_zh_en": {
        "zh": ["中译英", "翻译中文为英文", "把中文翻译成英文", "将下面的中文翻译成英文", "请把这段中文译成英文", "把下面这句话翻译成英文"],
        "en": ["Translate the following Chinese into English", "Translate from Chinese to English",
               "Render this Chinese text in English", "Give the English translation of this Chinese text"],
    },
    "translate_en_zh": {
        "zh": ["英译中", "翻译英文为中文", "把英文翻译成中文", "将下面的英文翻译成中文", "请把这段英文译成中文", "把下面这句话翻译成中文"],
        "en": ["Translate the following English into Chinese", "Translate from English to Chinese",
               "Render this English text in Chinese", "Give the Chinese translation of this English text"],
    },
    "summarize": {
        # Not "用一句话总结…" / "a brief summary": a length limit is a different instruction.
        "zh": ["请根据下面的新闻生成摘要", "为下面的新闻写一个摘要", "概括下面这则新闻",
               "总结下面的内容", "概括以下文本", "为下面的文字写一个摘要", "生成摘要"],
        "en": ["Summarize the following text", "Write a summary of the following text",
               "Condense the following passage into a summary"],
    },
    "sentiment": {
        # Not "positive or negative" / "好评还是差评": a two-way choice changes the expected answer.
        "zh": ["判断下面这句话的情感倾向", "分析这句话的情感"],
        "en": ["Classify the sentiment of the following text", "What is the sentiment of this text",
               "Determine the sentiment of this sentence"],
    },
    "rewrite": {
        # Not "润色/优化/Polish": improving a text is not restating it ("Rewrite … using a passive voice").
        "zh": ["改写这段话", "请换一种说法表达下面的内容"],
        "en": ["Rewrite the following sentence", "Paraphrase the following text", "Say the following in a different way"],
    },
    "keywords": {
        "zh": ["提取关键词", "找出下面文本的关键词", "列出以下内容的关键词", "从下面的文字中抽取关键词"],
        "en": ["Extract keywords from the following text", "List the keywords of this text",
               "Pick out the key terms in the following passage"],
    },
    "grammar": {
        # Not "改正…错误" / "Proofread": spelling and facts are more than grammar.
        "zh": ["纠正下面句子中的语法错误", "修改这句话中的病句", "检查并修正下面句子的语法"],
        "en": ["Correct the grammar of the following sentence", "Fix the grammatical errors in this sentence"],
    },
    "classify_topic": {
        "zh": ["对下面的新闻进行分类", "判断这篇文章属于哪个类别", "给下面的文本分类", "这段文字属于什么主题"],
        "en": ["Classify the following article", "Which category does this text belong to",
               "Assign a topic to the following text"],
    },
    "continue": {
        "zh": ["续写下面的故事", "接着写下去", "请继续写这段话", "根据开头续写"],
        "en": ["Continue the following story", "Keep writing from here", "Write what comes next"],
    },
}

# Instructions with slots: each template of a family asks the same thing about the same slots, so
# a matching question is reworded around its own words (financial causal QA, Qianfan cookbook).
SLOT_FAMILIES: dict[str, list[str]] = {
    "causal_events": ["下文中有哪些因果事件？", "下面这段文字中有哪些因果事件？", "请找出下文中的因果事件。",
                      "阅读下文，列出其中的因果事件。"],
    "causal_slot": ["下文中{cause}导致{effect}事件对应的{side}涉及的{kind}是？",
                    "根据下文，“{cause}导致{effect}”事件的{side}涉及的{kind}是什么？",
                    "阅读下文，回答：{cause}导致{effect}这一事件中，{side}所涉及的{kind}是什么？",
                    "下文中“{cause}导致{effect}”这一事件，其{side}涉及哪个{kind}？"],
}
KINDS = {"families": "paraphrase", "slot_families": "paraphrase", "wrappers": "wrapper"}
"""What each part of the bank does: paraphrases reword the instruction itself (same meaning);
wrappers put words around an instruction the bank does not know, leaving it as it was."""


def _slot_regex(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    pattern = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>[^？?\n]+?)" for i, p in enumerate(parts))
    return re.compile(pattern)


_SLOT_PATTERNS = {name: [(t, _slot_regex(t)) for t in templates] for name, templates in SLOT_FAMILIES.items()}


def reword_slots(question: str, choose) -> str | None:
    """The question with its slot-family instruction reworded (``choose`` picks among the other
    templates), or None when no slot family matches at the start."""
    for patterns in _SLOT_PATTERNS.values():
        for template, regex in patterns:
            hit = regex.match(question)
            if hit:
                others = [t for t, _ in patterns if t != template]
                return choose(others).format(**hit.groupdict()) + question[hit.end():]
    return None


# Wrappers by language and kind: a question ("…吗？") reads well after "请回答"; a task
# ("写一首诗") does not, so tasks get task-shaped wrappers (the Alpaca preamble among them).
WRAPPERS: dict[str, list[str]] = {
    "zh:question": ["请回答下面的问题：{question}", "问题：{question}", "{question}\n请给出答案。",
                    "我想问一下，{question}", "请根据你的知识回答：{question}"],
    "zh:task": ["请完成下面的任务：\n{question}", "下面是一条指令，请给出恰当的回应。\n\n{question}",
                "{question}\n请作答。", "任务：{question}"],
    "en:question": ["Please answer the following question: {question}", "Question: {question}",
                    "{question}\nPlease give the answer.", "I'd like to know: {question}", "Answer this: {question}"],
    "en:task": ["Complete the following task:\n{question}",
                "Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n{question}",
                "{question}\nPlease respond.", "Task: {question}"],
}
_QUESTION_END = re.compile(r"([?？]|[吗呢么])\s*$")


def wrapper_kind(text: str) -> str:
    """'zh:question', 'zh:task', 'en:question' or 'en:task'."""
    return f"{language(text)}:{'question' if _QUESTION_END.search(text) else 'task'}"


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_AFTER = r"(?=$|[\s:：,，.。!！?？;；])"  # a phrasing ends at punctuation, a space or the end


def language(text: str) -> str:
    """'zh' when at least 10% of the characters are CJK ideographs, else 'en'."""
    return "zh" if text and len(_CJK.findall(text)) >= 0.1 * len(text) else "en"


@dataclass
class Bank:
    families: dict[str, dict[str, list[str]]]
    wrappers: dict[str, list[str]]

    def __post_init__(self) -> None:
        # One alternation for every phrasing (longest first, so the longest match wins at the
        # start) and one lookup table for a phrasing alone on the last line: a question costs
        # two regex runs, not two per phrasing (the bank has ~150).
        owner = {}
        for family, by_lang in self.families.items():
            for lang, phrases in by_lang.items():
                for phrase in phrases:
                    owner.setdefault(phrase.lower(), (family, lang, phrase))
        self._owner = owner
        ordered = sorted(owner, key=len, reverse=True)
        self._head = re.compile(r"(请)?(" + "|".join(map(re.escape, ordered)) + ")" + _AFTER, re.IGNORECASE)

    def match(self, question: str) -> tuple[str, str, str, int, int] | None:
        """(family, lang, phrase, start, end) of an instruction at the start or on the last line."""
        head = self._head.match(question)
        if head:
            family, lang, phrase = self._owner[head.group(2).lower()]
            return family, lang, phrase, head.start(2), head.end(2)
        if "\n" not in question:
            return None
        tail_at = question.rindex("\n") + 1
        line = question[tail_at:]
        core = line.rstrip(" \t:：。.")
        lead = 1 if core.startswith("请") and core[1:].lower() in self._owner else 0
        hit = self._owner.get(core[lead:].lower())
        if hit is None:
            return None
        start = tail_at + (len(line) - len(line.lstrip())) + lead
        return (*hit, start, start + len(hit[2]))

    def form(self, question: str) -> str:
        """The instruction form of a question: its bank phrasing, its wrapper, its lead-in line, or '(plain)'."""
        hit = self.match(question)
        if hit:
            return hit[2].lower()
        for wrappers in self.wrappers.values():
            for w in wrappers:
                if _wrapped_by(question, w):
                    return w
        lead = re.match(r"([^\n:：]{1,40})[:：]", question)
        return lead.group(1).strip() if lead else "(plain)"


def _wrapped_by(question: str, wrapper: str) -> bool:
    prefix, _, suffix = wrapper.partition("{question}")
    return question.startswith(prefix) and question.endswith(suffix) and len(question) > len(prefix) + len(suffix)


def build_bank(user_templates: list[str] | None = None) -> Bank:
    """The built-in bank plus the user's templates (wrappers with {question}, families as a|b|c)."""
    families = {k: {lang: list(v) for lang, v in by_lang.items()} for k, by_lang in FAMILIES.items()}
    wrappers = {lang: list(v) for lang, v in WRAPPERS.items()}
    for i, raw in enumerate(user_templates or []):
        text = raw.strip()
        if "{question}" in text:
            lang = language(text.replace("{question}", ""))
            wrappers[f"{lang}:question"].append(text)
            wrappers[f"{lang}:task"].append(text)
        elif "|" in text:
            phrases = [p.strip() for p in text.split("|") if p.strip()]
            if len(phrases) < 2:
                raise UserError(f"Template '{raw}' needs at least two phrasings separated by '|'.",
                                zh=f"模板 '{raw}' 需要至少两种用 '|' 分隔的说法。")
            grouped: dict[str, list[str]] = {}
            for p in phrases:
                grouped.setdefault(language(p), []).append(p)
            families[f"user_{i + 1}"] = grouped
        else:
            raise UserError(f"Template '{raw}' has no {{question}} placeholder and no '|' between phrasings; "
                            f"write e.g. '请回答：{{question}}' or '中译英|把中文翻译成英文'.",
                            zh=f"模板 '{raw}' 既没有 {{question}} 占位符，也没有用 '|' 分隔的多种说法；"
                               f"例如写成 '请回答：{{question}}' 或 '中译英|把中文翻译成英文'。")
    return Bank(families, wrappers)

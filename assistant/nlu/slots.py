"""Arguments in a request: target format, field names, templates, method, perplexity on or off. Numbers
(epochs, learning rate, counts, shares) are read by ``amounts``; run ids and base models by ``names``.

Each finder reads the text with file names blanked out (see :func:`mask`), so that
"qa_2024.csv" gives no number and "faq.xlsx" no format.

>>> find_format("把 faq.xlsx 转换成 jsonl"), find_format("convert this to alpaca json")
('jsonl', 'alpaca')
>>> find_fields('问题在“question”列,答案在“answer”列')
{'question_field': 'question', 'answer_field': 'answer'}
"""
from __future__ import annotations

import re

from assistant.nlu import rx
from assistant.nlu.amounts import find_mix, training_args
from assistant.nlu.memo import remembered
from assistant.nlu.names import BASE_WORD, find_base_model
from assistant.nlu.negation import NEGATED, RULED_OUT_BEFORE, negated
from assistant.nlu.numbers import parse_number
from assistant.nlu.paths import CITED_SOURCE, QUOTED, quoted
from tools.data.formats import FORMAT_ALIASES

# Words that say a format without being one of its names (the names are tools.data.formats.FORMAT_ALIASES,
# the one alias table): "多轮对话格式" is sharegpt, "训练用的格式" is jsonl.
_PHRASES = {
    "qianfan": r"文心|ernie|百度",
    "alpaca": r"羊驼|阿尔?帕卡",  # the name as Chinese spells it out
    "sharegpt": r"share\s?gpt|多轮对话格式|conversations?\s*格式",
    "openai": r"open\s+ai|gpt[- ]?(?:3\.5|4)?\s*(?:格式|format)|chat[- ]?completions?",
    "csv": r"逗号分隔|comma[- ]separated(?: values?)?",
    "xlsx": r"电子表格|spreadsheet",
    "jsonl": r"json\s*lines|(?:能|可)?训练(?:用|能用)?的?格式|training format|标准格式|通用格式",
}


def _alias(name: str) -> str:
    """An alias as a pattern: a Latin name only as a whole word ("gpt" is not inside "sharegpt")."""
    return rf"(?<![a-z]){re.escape(name)}(?![a-z])" if name.isascii() else re.escape(name)


# (format, pattern). Specific names come before "json", so "alpaca json" is alpaca.
_FORMATS = [(fmt, "|".join([_alias(a) for a, target in sorted(FORMAT_ALIASES.items(), key=lambda kv: -len(kv[0]))
                            if target == fmt] + [_PHRASES[fmt]]))
            for fmt in ("qianfan", "alpaca", "sharegpt", "openai", "csv", "xlsx", "jsonl")]
# A format named right after these words is the target: "from csv to jsonl" → jsonl.
_TARGET_BEFORE = re.compile(r"(?:\bto|\binto|\bas|\bin|成|为|转|转回|换回|改回|→|->|变成|导出|输出|保存|另存|export|save|make (?:it|this|them)|(?:我|我们)?要的是)\s*(?:an?\s+|the\s+)?(?:plain|simple|normal|regular|standard|proper|clean|single)?\s*$",
                            re.IGNORECASE)
# "in"/"as" also describe what the data is now ("our data is still in the OpenAI format"): when
# another format follows "to"/"成", that one is the target.
_SOURCE_BEFORE = re.compile(r"(?:\bmy|\bour|\bfrom|\bcurrent|\bexisting|从|我的|我们的|原来的|现有的|现在的)\s*(?:\w+\s+)?$", re.IGNORECASE)
_WEAK_TARGET = re.compile(r"(?:\bas|\bin)\s*(?:an?\s+|the\s+)?$", re.IGNORECASE)
_ROLES = [
    ("question_field", r"问题|提问|问句|题目|题干|咨询|输入|指令|question|qu?estion|quesiton|questoin|qeustion|prompt|instruction|query|input|\bqs\b|user (?:msgs?|messages?|turns?|side)|用户(?:消息|的话|说的)|问|\bq[-_](?:col(?:umn)?|field)\b|\bq\s*(?=col|column|field|列|字段)|\bsource(?=\s*(?:col|column|field|列|字段))|源语言(?=列|字段)"),
    ("answer_field", r"答案|回答|回复|输出|应答|answer|answr|anwser|asnwer|awnser|(?-i:\bA)(?=\s+(?:is|=)\s+['\"“])|response|output|completion|(?-i:A)(?=列|字段|栏)|target(?=\s*(?:col|column|field|列|字段))|replies|reply|答|(?<![A-Za-z] )(?<![A-Za-z])a\s*(?=列|字段)|(?<![A-Za-z] )(?<![A-Za-z])a[-_](?:col(?:umn)?|field)\b|(?<![A-Za-z] )(?<![A-Za-z])a(?=_?col(?:umn)?\b|\s+(?:col|column|field)\b)|(?<=\band )a(?=\s+col)"),
    ("rationale_field", r"推理|思路|解析|理由|原因|过程|步骤|依据|解释|rationale|reasoning|explanation|思考|cot|\bworkings?\b"),
    ("sheet", r"sheet|工作表|表单|子表|页签|标签页|\btab\b|worksheet"),
]
_FIELD_WORD = r"(?:字段|列|栏|键|column|field|key|col)"
_ANY_ROLE = "|".join(pattern for _, pattern in _ROLES[:3])
_IS = r"(?:\s*(?:(?:is|are)\s+(?:called|named)\b|名(?:字)?(?:为|是|叫)?|是|为|叫做?|用|=|:|：|is\b|are\b|named\b|called\b|as\b|in\b)\s*)"  # "as" is no prefix of "ask_text"
_NAME = r"([A-Za-z_][\w-]{0,40})"


def mask(text: str, spans: list[tuple[int, int]], fill: str = "") -> str:
    """``text`` with the given spans blanked (same length, so offsets still hold); ``fill`` is
    written at the start of each span when it fits ("inspect FILE")."""
    chars = list(text)
    for a, b in spans:
        word = f" {fill} " if fill and b - a >= len(fill) + 2 else fill if fill and b - a >= len(fill) else ""  # "a.csv" too
        chars[a:b] = word + " " * (b - a - len(word))
    return "".join(chars)


def find_format(text: str) -> str | None:
    """The target data format named in ``text`` (file names already masked), else None."""
    hits, ruled = [], set()
    base = find_base_model(text) if BASE_WORD.search(text) else None
    if base:  # "训练的基座用 ERNIE-Lite": a model's name, not Qianfan's format
        text = text[:base[1]] + " " * (base[2] - base[1]) + text[base[2]:]
    text = _fuzzy_formats(text)
    for name, pattern in _FORMATS:
        for m in rx.finditer(pattern, text, re.IGNORECASE):
            if not any(h[1] <= m.start() < h[2] for h in hits) and not negated(text, m.start()):
                hits.append((name, m.start(), m.end()))  # "alpaca json": one mention; "不是alpaca": ruled out
            elif negated(text, m.start()):
                ruled.add(m.group(0).lower())
    # "not alpaca. sharegpt. alpaca is so 2023": a format ruled out is not the target where the same word names it again
    # (not one named as the target again: "如果不是千帆格式,就把 FILE 转成千帆格式")
    hits = [h for h in hits if text[h[1]:h[2]].lower() not in ruled or _TARGET_BEFORE.search(text[:h[1]])] or hits
    if not hits:
        return None
    # "转一份 sharegpt 的,我要喂给 LLaMA-Factory": a format named outright wins over the one a trainer's name implies
    hits = [h for h in hits if not _TRAINER_NAME.fullmatch(text[h[1]:h[2]])] or hits
    hits.sort(key=lambda h: h[1])
    targets = [h for h in hits if _TARGET_BEFORE.search(text[: h[1]])]
    targets = [h for h in targets if not _WEAK_TARGET.search(text[: h[1]])] or targets
    # "exported the good ones into a spreadsheet, FILE. Could you convert it to jsonl": the target of the conversion asked for
    targets = [h for h in targets if _CONVERT_BEFORE.search(text[max(0, h[1] - 30):h[1]])] or targets
    # "a JSONL version of this spreadsheet": the version asked for is the target too
    versions = [h for h in hits if rx.match(r"\s*(?:version|copy)\b", text[h[2]:], re.IGNORECASE)]
    # "转换成alpaca json格式": the first format after a target word; else the last one named
    # "here's my qianfan export", "从千帆格式": the format the data is in now is no target
    others = [h for h in hits if not _SOURCE_BEFORE.search(text[: h[1]])] or hits
    name, start, end = (targets or versions or others[-1:])[0]
    # "[10:30] 我:转 alpaca [10:31] 李工:不对,要 sharegpt!—— 那就把 FILE 改成 sharegpt": the format put right after it wins
    # (a hit ruled out by "not", "instead of" is no hit at all, see ``negated`` above; one said wrongly, "说错成 X", is none either)
    later = [h for h in hits if h[1] > end and _FORMAT_PUT_RIGHT.search(text[end:h[1]]) and not rx.search(r"(?:错|说|写|打)成\s*$", text[max(0, h[1] - 8):h[1]])]
    if later and later[-1][0] != name:  # ("to csv — no, xlsx — actually csv is fine": the last one said stands)
        name, start, end = later[-1]
    # "openai 的 jsonl", "alpaca json": JSON is only the container of the specific format before it
    specific = [h for h in hits if h[0] in ("qianfan", "alpaca", "sharegpt", "openai") and 0 <= start - h[2] <= 14
                and rx.fullmatch(r"[\s_的式-]*(?:style|format|格式|风格|compatible|兼容)?[\s_的式-]*", text[h[2]:start], re.IGNORECASE)]
    if name == "jsonl" and specific:
        return specific[-1][0]
    # "to json", "纯json数组": plain JSON asked for by name (the tool reads it as its alias), not "JSON Lines"
    plain = text[start:end].lower() == "json" and not rx.match(r"\s*lines?\b", text[end:], re.IGNORECASE)
    return "json" if name == "jsonl" and plain else name


_TRAINER_NAME = re.compile(r"llama[-_ ]?factory", re.I)
_FORMAT_PUT_RIGHT = re.compile(r"不对|错了|搞错|说错|改成|改为|换成|\bno,|\bwrong\b|\bactually\b|\bi meant\b|\bmake (?:it|that)\b", re.I)
_CONVERT_BEFORE = re.compile(r"(?:\bconvert(?!ed)|\bturn(?!ed)|转成|转为|转换成|转换为|转)[^,.;，。!?？]{0,24}$", re.I)
_FORMAT_WORDS = ("alpaca", "sharegpt", "qianfan", "openai", "jsonl", "excel", "xlsx")


def _fuzzy_formats(text: str) -> str:
    """Format names typed one or two letters off ("alpca", "sharegtp", "qianfna") written correctly."""
    from assistant.nlu.fuzzy import closest

    def fix(m: re.Match) -> str:  # a real alias ("json") is no typo of another ("jsonl")
        word = m.group(0)
        return word if word.lower() in FORMAT_ALIASES else closest(word, _FORMAT_WORDS) or word

    return rx.sub(r"[A-Za-z]{4,}", fix, text)


def tool_of_values(text: str) -> str | None:
    """The tool a bare list of values belongs to ("k=2 not 5" → add_few_shot, "sharegpt not alpaca" →
    convert_dataset), for a correction that names only values."""
    if rx.search(r"(?<![a-z])k\s*(?:[=:：]|改成|改为|换成|调成|应该是|应为|是|should\b|to\b)|shots?\b|示例", text, re.IGNORECASE):
        return "add_few_shot"
    if find_format(text):
        return "convert_dataset"
    base = (rx.search(r"\bbase(?:[ _]model)?\b|基座|底座|基础模型|基模|底模", text, re.I)
            # "不是7b,换成qwen2.5-14b", "Not Llama-3-8B, use Qwen2.5-7B-Instruct": a model with its size, put right
            or rx.search(r"\d(?:\.\d+)?[bB]\b", text) and rx.search(r"不是|换成|\bnot\b|\binstead\b", text, re.I)) and find_base_model(text)
    return "start_training" if training_args(text) or find_mix(text) or base else None  # "the base model should be X, not Y"


def _role_of(before: str, after: str) -> str | None:
    """The role named closest to a quote, reading the words just before and just after it."""
    best = None
    if rx.match(r"\s*(?:那个|这个|那张|这张|那一个)?\s*(?:sheet|工作表|子表|页签|标签页|\btab\b|worksheet|表(?![格头单示达明现述态情]))", after, re.I):
        return "sheet"  # "问答在“挂号缴费”那个sheet": the word right after the quote names it a sheet
    if rx.search(r"(?:第.页|页|(?<!列)表|sheet|工作表|\btab|\bpage)\s*(?:的?名字?|名称)?\s*(?:叫做?|是|为|名为|\bis\b|\bcalled\b|\bnamed\b|\btitled\b)\s*$", before, re.I):
        return "sheet"  # "第二页叫“上门预约”", "the tab is called 'QA'": the page named just before the quote
    if rx.search(r"\b(?:sheet|tab|worksheet)\b[^,，;；。\n'\"“]{0,30}?\b(?:should be|ought to be|must be|needs to be|has to be)\s*$", before, re.I):
        return "sheet"  # "sheet for the conversion should be 'FrontOfHouse'": the sheet put right
    # "questions are in 'X' col answers in 'Y'": a role joined to the quote by "in"/"是" is its own; "the explanation for each
    # answer is already in 'X'": the role that heads the phrase, not the one in its "for each …"
    joined = [(m.start(), role) for role, pattern in _ROLES
              if (m := rx.search(rf"(?:{pattern})s?(?:\s*(?:列|字段|栏|\bcol(?:umn)?\b|\bfield\b))?(?:\s+(?:for|of)\s+(?:each|every|all|the)\s+\w+)?\s*(?:(?:are|is|live|sit|being|residing|located|lives|sits)\s+(?:already\s+|all\s+)?(?:(?:written|stored|kept|held|listed|given|found|put)(?:\s+(?:up|down|out))?\s+)?)?"
                                 rf"(?:(?:actually|really|now|just|in fact)\s+)?(?:in|called|named|is|are|=|:|：|是|为|叫|在|用)\s*(?:(?:the|a|an)\s+)?(?:col(?:umn)?|field|列|字段)?(?:\s+(?:labell?ed|called|named|titled|headed))?\s*$", before, re.IGNORECASE))]
    if joined:
        return min(joined)[1]
    for role, pattern in _ROLES:
        for m in rx.finditer(pattern, before, re.IGNORECASE):
            if best is None or len(before) - m.end() < best[0]:
                best = (len(before) - m.end(), role)
        for m in rx.finditer(pattern, after, re.IGNORECASE):
            if best is None or m.start() < best[0]:
                best = (m.start(), role)
    return best[1] if best and best[0] <= 20 else None


# Where a phrase naming a column ends: punctuation, "and", or the next column's key ("Q is 'X' A is 'Y'").
_PHRASE_END = re.compile(r"[,，;；。\n]|\.\s|\band\b|和|、|\s(?=(?-i:[QA])(?:'?s)?\s+(?:is|are)\b|(?-i:[QA])\s*[=:：])")


def field_names(text: str) -> list[tuple[str, str | None]]:
    """Each quoted name that is not a file or a template, with the role named next to it."""
    out = []
    ruled_out = None  # "推理列不是“解析”,是“解题思路”": the name ruled out gives its role to the one meant
    for name, start, end in quoted(text, limit=60):
        name = name.strip()
        if not name or "{" in name or rx.search(r"\.[A-Za-z]{2,5}$", name):
            continue
        before = _PHRASE_END.split(text[:start])[-1]
        after = _PHRASE_END.split(text[end:])[0]  # "titled 'Gearbox'. The question column is …": another sentence
        if RULED_OUT_BEFORE.search(before):
            ruled_out = _role_of(RULED_OUT_BEFORE.sub("", before), after) or ""
            continue
        if rx.search(r"(?:以下简称|下称|简称|\bhereinafter(?: referred to as)?)\s*$", before, re.I):
            continue  # "(以下简称“标的文件”)", "(hereinafter "SFT")": a defined term, no field
        role = _role_of(before, after) or _ROLE_NAMES.get(name.lower())
        if ruled_out is not None and not role and _MEANT_NAME.match(before):
            role, ruled_out = ruled_out or None, None
        out.append((name, role))
    return out


_MEANT_NAME = re.compile(r"^\s*(?:而|应该|应当|其实)?\s*(?:是|用|叫|\bbut\b|\bit'?s\b|\bit is\b|\bshould be\b)?\s*$", re.I)


# A quoted column with no role word beside it may name its role itself: columns “Q” and “A”.
_ROLE_NAMES = {**dict.fromkeys(("q", "question", "问题", "prompt", "instruction", "query", "input"), "question_field"),
               **dict.fromkeys(("a", "answer", "答案", "response", "reply", "output", "completion"), "answer_field")}


_CONFIG_LINE = re.compile(r"(?m)^[ \t]*([A-Za-z_]+)[ \t]*[=:][ \t]*([^\n=:]{1,40}?)[ \t]*$")
_CONFIG_ROLE = {"question": "question_field", "answer": "answer_field", "q": "question_field", "a": "answer_field",
                "question_column": "question_field", "answer_column": "answer_field"}


# A column named by its spreadsheet letter: "A列是问题", "A列当问题、B列当答案", "column C is the answer", "A = question"
_LETTER_COLUMN = re.compile(r"(?<![A-Za-z0-9_'’])(?P<letter>(?-i:[A-Z]))(?![A-Za-z0-9_'’])\s*(?:(?:列|栏)\s*(?:是|为|当|作为|放的是|=|:|：)?|(?<=column .)\s*(?:is(?: the)?|has the|holds the)|\s*(?:=|:|：|是|为|当|作为))\s*"
                            r"(?P<role>问题|答案|回答|questions?|answers?)(?![\w])", re.I)


@remembered(copy=True)
def find_fields(text: str) -> dict:
    """Field names the user spelled out: quoted (“question”, 'q', 「问题」) or after "字段是"."""
    # "question_field=title, rationale_field: steps": the tool's own argument names win
    out: dict = {m.group(1).lower(): (m.group(2) or m.group(3).rstrip(".")) for m in _KEY_VALUE.finditer(text)}  # "sheet: Q3. file: …", "sheet = 'Sheet 2'"
    if len(_CONFIG_LINE.findall(text)) >= 2:  # "[data]\nfile = x.xlsx\nquestion = Patient question\nanswer = Nurse answer": a pasted
        for m in _CONFIG_LINE.finditer(text):    # config, each value to its line's end
            if m.group(1).lower() in _CONFIG_ROLE:
                out.setdefault(_CONFIG_ROLE[m.group(1).lower()], m.group(2).strip("'\""))
    for m in _FLAG_KEY.finditer(text):  # "--q-col question --a-col reply": flags on a command line
        out.setdefault(_SHORT_ROLE[m.group(1).lower()], m.group(2))
    for m in _SHORT_KEY.finditer(text):  # "q=title a=instructions": the power user's shorthand
        if not (rx.fullmatch(r"questions?|answers?|问题|答案", m.group(2) or m.group(4) or "", re.I) and (m.group(1) or m.group(3)).isupper()):  # (not "A = question": a column letter)
            out.setdefault(_SHORT_ROLE[(m.group(1) or m.group(3)).lower()], m.group(2) or m.group(4))
    for m in _SHORT_COL_KEY.finditer(text):
        out.setdefault(_SHORT_ROLE[m.group(1).lower()], m.group(2).rstrip("."))  # ("answer column = agent_reply.": the full stop)
    for m in _LETTER_COLUMN.finditer(text):  # "A列是问题,C列是答案", "column A is the question", "(A = question, B = answer)"
        role = "question_field" if rx.match(r"问|q", m.group("role"), re.I) else "answer_field"
        if (m.group("letter").upper(), role) in (("Q", "question_field"), ("A", "answer_field")) and m.group("role").isascii():
            continue  # ("Q列=question A列=answer": the Q and A columns' names, not columns by letter)
        out.setdefault(role, m.group("letter"))
    for name, role in field_names(text):
        if role and role not in out:
            out[role] = name
    pair = _TWO_COLUMNS.search(text) or _TWO_BARE.search(text) or _TWO_BARE_EN.search(text) or _COLS_SLASH.search(text) or _Q_AND_A.search(text)
    named = [name for name in pair.groups() if name] if pair else []
    if pair and out.get("question_field") in (None, named[0]):  # "the columns are called 'customer_msg' and 'agent_reply'": question, then answer
        out["question_field"] = named[0]
        out.setdefault("answer_field", named[1])
    for role, pattern in _ROLES[:3]:
        # "问题在【游客问题】列": a column named in square brackets
        boxed = rx.search(rf"(?:{pattern})\s*(?:在|是|为|用)?\s*【([^【】\n]{{1,20}})】\s*(?:列|栏|字段)", text, re.IGNORECASE)
        if boxed and role not in out:
            out[role] = boxed.group(1)
        # "answer col = Correct Answer,", "question col is Customer Q": a name of capitalised words, up to the phrase's end
        # ("Questions are in the column Customer Msg and answers in Agent Reply")
        words = rx.search(rf"(?:{pattern})s?\s*(?:{_FIELD_WORD}\s*(?:=|:|：|\bis\b)|\s\bis\b|(?:are|is)?\s*(?:in|under)\s+(?:the\s+)?(?:{_FIELD_WORD}\s+)?)\s*((?-i:[A-Z])[\w-]*(?: (?-i:[A-Z0-9])[\w-]*){{1,3}}?)(?:\s+(?:column|col|field))?(?=\s*(?:[,，;；.。)\n]|$)|\s+and\s)",
                          text, re.IGNORECASE)
        if words and role not in out:
            out[role] = words.group(1)
        # "Q col = Hazard description, A col = Control measure": after "col =", the words up to the phrase's end
        equals = rx.search(rf"(?<![\w-])(?:{pattern})s?\s*{_FIELD_WORD}\s*[=:：]\s*([A-Za-z_][\w-]*(?: [\w-]+){{0,3}}?)(?=\s*(?:[,，;；\n]|$|\.\s))", text, re.IGNORECASE)
        if equals and role not in out and _is_field_name(equals.group(1).split()[0]):
            out[role] = equals.group(1)
        # "问题字段是 ask", "问题那列叫 player_q": the role, its column word, then the name
        spelled = next((m for m in rx.finditer(rf"(?:{pattern})\s*(?:的\s*)?(?:(?:那一?|这一?)个?{_FIELD_WORD}|{_FIELD_WORD})?(?:名)?{_IS}{_NAME}", text, re.IGNORECASE)
                        if m.group(1).lower() not in ("file", "path", "dataset")), None)  # (not "Add CoT: file: x.jsonl": a label, then the column)
        # "steps 列作为推理", "the steps field as the reasoning", "prompt is the question": the name, then the role it plays
        reversed_ = (rx.search(rf"{_NAME}\s*{_FIELD_WORD}{_IS}?(?:the\s+)?(?:作为|当作?|充当|做)?(?:{pattern})", text, re.IGNORECASE)
                     or rx.search(rf"(?<![\w-]){_NAME}\s+(?:is|=|as)\s+the\s+(?:{pattern})\b", text, re.IGNORECASE))
        # "问题列 title,答案列 content": the role's column, then its name ending the phrase
        # ("问题列 alarm_desc 答案列 action", "answer field curator_answer."): up to the next role's column or a full stop
        bare = rx.search(rf"(?:{pattern})\s*{_FIELD_WORD}\s+{_NAME}(?=\s*(?:[,，;；。、)）]|\.(?!\w)|$)|\s+(?:{_ANY_ROLE})\s*{_FIELD_WORD})", text, re.IGNORECASE)
        # "rationale field = 解析", "答案字段是 回复": a Chinese name after the role, its field word and "="/"是"
        chinese = rx.search(rf"(?:{pattern})\s*(?:的\s*)?(?:那一?|这一?)?{_FIELD_WORD}(?:名)?\s*(?:=|:|：|是|为|叫|\bis\b|\bnamed\b|\bcalled\b)\s*"
                            rf"([\u4e00-\u9fff]{{1,12}})(?![\u4e00-\u9fff])", text, re.IGNORECASE)
        if chinese and role not in out and chinese.group(1) not in _QUESTION_WORDS:
            out[role] = chinese.group(1)
        # "问题字段 用户需求,答案字段 标准SQL": the role's column word, a space, a Chinese name ending the phrase
        zh_bare = rx.search(rf"(?:(?<![\u4e00-\u9fff])|(?<=的))(?:{pattern})\s*{_FIELD_WORD}\s+([\u4e00-\u9fff][\u4e00-\u9fff\w]{{0,12}}?)(?=\s*(?:[,，;；。、)）\n]|$)|\s+(?:{_ANY_ROLE})\s*{_FIELD_WORD})", text, re.I)
        if zh_bare and role not in out and zh_bare.group(1) not in _QUESTION_WORDS:
            out[role] = zh_bare.group(1)
        # "推理过程用 解析 那一列", "问题在 question 列 答案在 answer_zh": the role, 用/在, the column
        placed = rx.search(rf"(?:{pattern})(?:过程|内容|s)?\s*(?:用|在|放在|写在|存在|记在|取自(?:字段|列)?|取|按|(?:(?:are|is|live|sit)\s+)?(?:in|under)\s+(?:the\s+|a\s+)?(?:col(?:umn)?\s+(?:called\s+|named\s+)?)?|[a-z]{{2,12}}\s+(?:in|under)\s+(?:the\s+|a\s+)?col(?:umn)?\s+(?:called\s+|named\s+)?|from\s+(?:the\s+)?(?:col(?:umn)?\s+|field\s+)?(?=[A-Za-z0-9]*[_\d]))\s*(?:(?P<zh>[\u4e00-\u9fff]{{1,12}}?)\s*(?:那一?|这一?)?个?{_FIELD_WORD}|"
                           rf"(?P<en>(?=\d*[A-Za-z_])[A-Za-z0-9_][A-Za-z0-9_-]{{0,40}})(?=\s*(?:那一?|这一?)?个?\s*{_FIELD_WORD}|\s*[,，;；。、.—-]|\s*$|\s+\S{{1,3}}在|\s+(?:and|&|can|could|please|pls|so|then)\b))", text, re.IGNORECASE)
        # "用解析那一列": the column is named by the role's own word
        own = rx.search(rf"(?:用|按|取|拿|有)\s*(?:个|一个)?\s*((?:{pattern})\w{{0,4}}?)\s*(?:(?:那一?|这一?)个?)?(?:列|栏|字段)", text, re.IGNORECASE)
        # "有一列 计算过程 是算手续费的 拿这列做思维链", "有个 分析 列 是…的过程 拿这个做cot", "有一列叫 诊断思路 是小王写的 就是… 你用这个…"
        named_then_used = rx.search(r"有(?:个|一个|一)?\s*(?:列|栏|字段)?\s*(?:叫|名为)?\s*[“\"「']?([A-Za-z_][\w-]{0,30}|[\u4e00-\u9fff]{2,8}?)[”\"」']?\s*(?:(?:那一?|这一?)个?\s*)?(?:字段|列|栏)?"
                                    r"(?:[,，]?\s*(?:就是|是)[^,，。;；\s]{0,30})?(?:[,，]|\s)\s*(?:[^,，。;；\s]{0,30}[,，\s]\s*)?(?:你|我)?(?:想|要|就|可以)?\s*"
                                    r"(?:用|拿|把)(?:它|这列|这一列|这栏|这个)"
                                    # "每道题都有一列 jiexi 写着解题过程": a column said to hold the reasoning
                                    r"|有(?:一|个|一个)?(?:列|栏|字段)\s*(?:叫|名为)?\s*([A-Za-z_][\w-]{0,30}|[\u4e00-\u9fff]{2,8}?)\s*(?:写着|记着|存着|装着|放着|里是|是)\s*"
                                    r"[\u4e00-\u9fff]{0,4}(?:过程|理由|推理|思路|解析|步骤)", text)
        if named_then_used and role == "rationale_field" and rx.search(r"cot|思维链|推理", text, re.I):
            out[role] = named_then_used.group(1) or named_then_used.group(2)  # "有一列叫 解题思路,用它给一半的数据加上CoT", "有个 reasoning 字段是…,用它来生成cot样本"
        if own and role not in out and role == "rationale_field":
            called = rx.match(r"\s*(?:叫做?|名为|是)\s*([A-Za-z_][\w-]{0,40}|[\u4e00-\u9fff]{2,12})", text[own.end():])
            out[role] = called.group(1) if called else own.group(1)  # ("有推理过程的那一列叫 solution": the name it is called)
        if placed and role not in out:
            name = placed.group("zh") or placed.group("en")
            # ("answers in column A.": a one-letter name ending the phrase is the column, not the article)
            if name not in _QUESTION_WORDS and (_is_field_name(name) or placed.group("en") and _lone_letter(text, name, placed.end("en"))):
                out[role] = name
        for hit in (spelled, reversed_, bare):
            if hit and hit.group(1).lower() in FORMAT_ALIASES and rx.match(r"\s*(?:format|格式|style)", text[hit.end(1):], re.I):
                continue  # "output: alpaca format": the target format, not a column named alpaca
            if hit and role not in out and (_is_field_name(hit.group(1)) or _lone_letter(text, hit.group(1), hit.end(1))):
                out[role] = hit.group(1)
    # "there's a 'working' column showing how … Use that as the rationale", "the sheet has a 'steps' column with the worked
    # reasoning", "推理过程在 reasoning 那一列", "有一列 师傅怎么想的 ,写了为啥…。把这列当推理过程": a column said to hold the reasoning
    held = (rx.search(r"\b(?:a|an|the)\s+['\"“‘]([^'\"”’]{1,30})['\"”’]\s+column\b[^.]{0,50}?\b(?:reasoning|rationale|worked|working|how\b|why\b|explain\w*)", text, re.I)
            # "a column called 'why' where i explained stuff": a column named, then said to hold the explanations
            or rx.search(r"\bcolumn (?:called|named)\s+['\"“‘]([^'\"”’]{1,30})['\"”’][^.]{0,30}?\b(?:explain\w*|reasoning|rationale)\b", text, re.I)
            or rx.search(r"推理(?:过程)?[^。;；]{0,6}?在\s*[“\"']?([A-Za-z_][\w-]{0,30}|[\u4e00-\u9fff]{2,10}?)[”\"']?\s*(?:那一?|这一?)?(?:列|栏)", text)
            or rx.search(r"有一?列\s*([A-Za-z_][\w-]{0,30}|[\u4e00-\u9fff]{2,10})\s*[,，][^。]{0,30}。\s*把(?:这|那)一?列当(?:成)?推理", text)
            # "为啥这么做,我单独放在“缘由”那一列了": the reasons put in a column
            or rx.search(r"(?:为啥|为什么|原因|理由|思路|推理(?:过程)?)[^。;；]{0,20}?(?:放|写|记|藏|存)在\s*[“\"'「]?([A-Za-z_][\w-]{0,30}|[\u4e00-\u9fff]{2,10}?)[”\"'」]?\s*(?:那一?|这一?)?(?:列|栏)", text)
            # "用 应用题.csv 里「解题步骤」这一列,给所有样本加思维链": a quoted column taken, and the CoT asked for in the same breath
            or rx.search(r"(?:用|拿|按)\s*(?:\S{0,40}?\s*里)?\s*[“\"'「]([^”\"'」]{1,20})[”\"'」]\s*(?:这一?|那一?)?(?:列|栏|字段)(?=[^。;；]{0,24}(?:思维链|推理|cot))", text, re.I)
            # "FILE has a column pilot_reasoning, use it to add CoT": a column named, then used for the CoT
            or rx.search(r"\bhas (?:a|an|the) (?:column|field|col)\s+(?:called |named )?['\"“‘]?([A-Za-z_][\w-]{0,30})['\"”’]?\s*[,;]?\s*(?:and\s+)?(?:use|take) (?:it|that|this)\b", text, re.I)
            # "the explanations are in a column called 'reasoning'", "reasoning sits in field 'why'"
            or rx.search(r"\b(?:the )?(?:explanations?|reasoning|rationales?|workings?|worked steps)\s+(?:are|is|sits?|lives?|goes)\s+in\s+(?:a |the )?"
                         r"(?:column|field|col)\s+(?:called |named )?['\"“‘]([^'\"”’]{1,30})['\"”’]", text, re.I))
    if held and "rationale_field" not in out and rx.search(r"cot|思维链|推理|rationale|reasoning|explanation|explains", text, re.I):
        out["rationale_field"] = held.group(1)
    # "add cot from the column calc_steps", "以 reasoning 列为思维之链": the column the CoT is made from, said as such
    source = (rx.search(r"\b(?:from|using|use|with)\s+(?:the\s+)?(?:column|field|col)\s+(?:called\s+|named\s+)?(?:['\"“‘]([A-Za-z_][\w -]{0,30})['\"”’]|"
                        r"([A-Za-z_]+[_\d][\w-]{0,30}|[a-z][a-z-]{0,30})(?=\s*(?:[,.;!]|$)))", text, re.I)
              # "Add CoT to FILE using the 'explanation' column": the quoted column it is made from
              or rx.search(r"\b(?:from|using|use|with)\s+(?:the|its|their|that)?\s*['\"“‘]([A-Za-z_][\w -]{0,30})['\"”’]\s+(?:column|field|col)\b", text, re.I)
              or rx.search(r"以\s*[“\"'「]?([A-Za-z_][\w-]{0,30}|[\u4e00-\u9fff]{2,8}?)[”\"'」]?\s*(?:那一?|这一?)?(?:列|字段|栏)为", text)
              or rx.search(r"推理(?:过程)?[^。;；,，]{0,6}?(?:放|写|记)在\s*[“\"'「]([A-Za-z_][\w-]{0,30}|[\u4e00-\u9fff]{2,10}?)[”\"'」]\s*(?:那一?|这一?)?(?:列|栏)", text))
    if source and rx.search(r"\bcot\b|思维|推理|chain[- ]of[- ]thought|rationale|reasoning", text, re.I):
        out["rationale_field"] = next(g for g in source.groups() if g)
    # "归类依据那一列其实就是推理过程,列名 归类理由": the reasoning column's real name, given after what it holds
    real = rx.search(r"推理|思维链|\bcot\b|理由", text, re.I) and rx.search(r"(?:推理过程|推理|思维链)[^。;；\n]{0,12}[,，]\s*(?:它的)?(?:列名|字段名)\s*(?:是|叫|为|:|：)?\s*"
                                                                     r"([\u4e00-\u9fff]{2,12}|[A-Za-z_][\w-]{0,30})", text)
    if real:
        out["rationale_field"] = real.group(1)
    # "law_cases.xlsx 里 reasoning 那列就是推理过程": a column said to hold the reasoning
    holds = rx.search(r"(?:^|(?<=[\s,，:：]))([A-Za-z_][\w-]{0,30}|[\u4e00-\u9fff]{2,8}?)\s*(?:那一?列|这一?列|那一?栏|这一?栏|一列|列|栏|字段)(?:里)?(?:就|其实)?(?:是|放的是|装的是|写的是)\s*(?:推理过程|推理|思维链|理由|解题过程|解析)", text)
    if holds and "rationale_field" not in out:
        out["rationale_field"] = holds.group(1)
    # "sheet2", "sheet 3": Excel's own names ("sheet 2024" is a sheet named 2024); "the sheet called auto claims, …": up to
    # three words after "called", ending at a comma; "sheet 叫售后的那个": the pointing words after the name are not its own
    sheet = rx.search(r"(?:sheet|工作表)\s*[(（]?\s*(?:叫做?|名为|名叫|called|named|titled)\s*[“‘\"'「]([^”’\"'」]{1,20})[”’\"'」]", text, re.I)  # "sheet(叫‘条款’)"
    # "you read 'Sheet1' but the data is in 'Answers'", "读的是 Sheet1,应该是'问答库'": the sheet meant after the one read wrongly
    # "sheet name is FAQ 2024": the name said last, its words capitalised or numbers
    sheet = sheet or rx.search(r"\b(?:sheet|tab)(?:'s)?\s+name\s+(?:is|=|:)\s+([A-Z0-9][\w&-]*(?:\s+[A-Z0-9][\w&-]*){0,3})(?=\s*[,.;!?]?\s*$)", text)
    sheet = sheet or (_SHEET_INSTEAD.search(text) if rx.search(r"sheet|工作表|\btab\b", text, re.I) else None)
    # "the second sheet, 'Returns'", "中名为“车险”的工作表", "convert FILE Greens sheet to alpaca": a sheet counted then named,
    # named by 名为, or a capitalised name right after the workbook
    sheet = sheet or _SHEET_NAMED.search(text)
    # "sheet是叫售后的那个问题在…": the name between 叫 and "的那个", in a message with no spaces
    sheet = sheet or rx.search(r"(?:sheet|工作表)\s*(?:是|为)?\s*叫(?:做)?\s*([\u4e00-\u9fff\w]{1,12}?)\s*的?(?:那个|这个|那张|这张)", text, re.I)
    sheet = sheet or rx.search(r"(?<![A-Za-z])((?:sheet|工作表)\s?\d{1,2})(?![A-Za-z0-9])|(?<![A-Za-z])sheet\s+(?:called|named)\s+([A-Za-z]+(?: [A-Za-z]+){1,2})(?=\s*[,，;；])|"
                      r"(?<![A-Za-z])(?:sheet|tab|worksheet)(?:'s|’s)?\s+(?:is\s+)?(?:called|named|titled)\s+((?-i:[A-Z0-9])[\w&-]*(?:\s+(?-i:[A-Z0-9])[\w&-]*){1,2})(?=\s*(?:[,，;；.。!?？)）]|$))|"
                      r"(?:(?<![A-Za-z])(?:sheet|tab|worksheet)(?:'s|’s)?|工作表|表名|(?<=[,，。;；\s])表(?=是\s?[^\s]))(?:\s*(?:name|名字|名称))?\s*(?:(?:is\s+)?(?:named|called)|名为|名叫|叫|还是|仍是|仍然是|依然是|是|为|选择?(?!错)|用|=|:|：|\bis\b)\s*"
                      + _NOT_A_NAME +  # ("the Reeds sheet: convert it")
                      r"([^\s,，。;；)）?？!！]+?)(?:的?(?:那个|这个|那张|这张)|的)?(?=[\s,，。;；)）?？!！]|$)", text, re.IGNORECASE)
    # "sheet Benefits, question col …", "sheet 2024 and …": a capitalised name (or a number) right after the word, ending its phrase
    sheet = sheet or rx.search(r"\b[Ss]heet\s+([A-Z0-9][\w&-]{0,40}(?: (?!(?:to|into|as|and|then|for|in|only|please|pls|is|was|of|from)\b)[A-Za-z0-9][\w&-]{0,20})?)"
                               r"(?=\s*(?:[,，;；.)）]|$|->|→|[-–—]\s|(?:to|into|as|and|then|for|in|only|of|from)\b))", text)  # "…, sheet Viability 2023"
    # "toast_ideas.xlsx, same sheet, 'Groom stories'": the sheet said again, by its quoted name
    sheet = sheet or rx.search(r"\bsame (?:sheet|tab)\s*[,:：]\s*['\"“‘]([^'\"”’]{1,30})['\"”’]", text, re.I)
    # "sheet jan-jun, q col …": a name in lower case with a dash, underscore or digit, ending its phrase
    sheet = sheet or rx.search(r"\b[Ss]heet\s+((?=[\w-]*[-_\d])[a-z][\w-]{1,30})(?=\s*(?:[,，;；.)）]|$))", text)
    # "FAQ 工作表": the name before a Chinese word for a sheet
    sheet = sheet or rx.search(r"(?<![\w.-])([A-Za-z_][\w-]{0,40})\s*(?:工作表|子表|页签|sheet\s*页)", text, re.IGNORECASE)
    # "The tab is called Front desk, and …": a capitalised word and a lower-case one, ending the phrase
    sheet = sheet or rx.search(r"\b(?:sheet|tab|worksheet)\s+(?:is\s+)?(?:called|named|titled)\s+((?-i:[A-Z])[a-z]+\s+(?!and\b|or\b|then\b)[a-z]+)(?=\s*[,.;])", text, re.I)
    # "3 tabs, look at 'Winter Storage' first": a quoted name looked at where tabs are spoken of
    sheet = sheet or (rx.search(r"\b(?:look at|open|use|convert|check|read|inspect)\s+(?:the\s+)?['\"“‘]([^'\"”’.]{1,30})['\"”’](?!\s*(?:column|col|field))", text, re.I)
                      if rx.search(r"\b(?:tabs|sheets|worksheets)\b", text, re.I) else None)
    # "sorry, wrong sheet. convert FILE from 'Treatments'": the quoted name the data is to come from, sheets spoken of
    sheet = sheet or (rx.search(r"\bfrom\s+['\"“‘]([^'\"”’.]{1,30})['\"”’](?!\s*(?:column|col|field|format))", text, re.I)
                      if rx.search(r"\b(?:tabs?|sheets?|worksheets?)\b", text, re.I) else None)
    # "…to alpaca pls, the Spring orders tab.", "…, Members FAQ sheet.", "…, dm replies tab": a clause that is only the sheet
    sheet = sheet or rx.search(r"[,，]\s*(?:the\s+)?((?!(?:and|or|then|the|a|an|in|on|from|use|only|convert|check|inspect|open|read|take)\b)[A-Za-z][\w&'-]*(?:\s+(?!(?:tab|sheet)\b)[A-Za-z][\w&'-]*){0,2})\s+(?:tab|sheet|worksheet)\b(?=\s*(?:[.,;!。，]|$))", text, re.I)
    # "将 FILE 中名为 训练科目 的工作表转换为…": a sheet named without quotes, between 名为 and 的工作表
    sheet = sheet or rx.search(r"(?:名为|名叫|叫做)\s+([^\s,，。;；“”\"'「」]{1,20})\s+的\s*(?:工作表|sheet|子表|表)", text, re.I)
    # "convert FILE (the Cold process sheet) to jsonl", "convert the Hot process sheet of FILE": a capitalised name after "the"
    sheet = sheet or rx.search(r"(?:[(（]\s*|\b(?:convert|use|inspect|check|open|read|take)\s+)the\s+((?-i:[A-Z])[\w&'-]*(?:\s+(?!(?:tab|sheet|worksheet)\b)[a-z][\w&'-]*){0,2})\s+(?:tab|sheet|worksheet)\b", text)
    # "inspect FILE, July sheet only": a capitalised name right before the word for a sheet
    sheet = sheet or rx.search(r"(?:^|(?<=[,，;；]\s)|(?<=[,，;；]))\s*((?-i:[A-Z])[\w-]{1,30})\s+(?:sheet|tab)\b(?!\s*(?:name|is|called))", text)
    # "the only tab that matters is the one called Closed": the name given after the word for a sheet
    sheet = sheet or rx.search(r"\b(?:tab|sheet|worksheet)\b[^.,;:\n]{0,40}?\bthe one (?:called|named|titled)\s+((?-i:[A-Z0-9])[\w&-]{0,40})", text, re.I)
    sheet = sheet or _THE_SHEET.search(text)
    # "a spreadsheet named FILE, and on its page called Chapter1, …": a workbook's page, named
    sheet = sheet or (rx.search(r"\bpage\s+(?:is\s+)?(?:called|named|titled)\s+['\"“‘]?((?-i:[A-Z0-9])[\w&-]{0,30})", text, re.I)
                      if rx.search(r"\.xlsx?\b|spreadsheet|workbook|excel", text, re.I) else None)
    # "里面第二个表“线上预约”", "第3张表叫「退款」": a sheet counted, then its name in quotes
    sheet = sheet or rx.search(r"第\s*[一二三四五六七八九十\d]{1,2}\s*(?:个|张)\s*(?:表|工作表|sheet)\s*(?:叫做?|是|为)?\s*[“‘\"'「]([^”’\"'」]{1,20})[”’\"'」]", text, re.I)
    # "看第二张「弦索」", "FILE 之'秋粮'一表": a sheet counted by 张 then named, or a quoted name, then 一表/那张表 (of an Excel workbook)
    sheet = sheet or (rx.search(r"第\s*[一二三四五六七八九十\d]{1,2}\s*张\s*[“‘\"'「]([^”’\"'」]{1,20})[”’\"'」]|"
                                r"[“‘\"'「]([^”’\"'」]{1,20})[”’\"'」]\s*(?:那|这)?一?张?表(?![格头单示达明现述态情])", text)
                      if rx.search(r"\.xls[xm]?\b|\bFILE\b|\s{4,}|\bexcel\b|\bsheet|工作表|两张表|几张表", text, re.I) else None)  # (the workbook named, masked or not)
    # "第二页「女声」", "将那 FILE 之中「京剧」一页" (a workbook's pages): a quoted name, a page counted or said after it
    sheet = sheet or (rx.search(r"(?:第\s*[一二三四五六七八九十\d]{1,2}\s*(?:页|个页签)\s*[“‘\"'「]|[“‘\"'「](?=[^”’\"'」]{1,20}[”’\"'」]\s*(?:那|这)?一?页(?![数码面])))"
                                r"([^”’\"'」]{1,20})[”’\"'」]", text)
                      if not rx.search(r"\.(?:jsonl?|csv|txt|pdf|docx?)\b|\bpdf\b|文档|手册|书", text, re.I) else None)
    # "看一下 报价 那个sheet": a Chinese name, then "那个/这个" and the word for a sheet
    zh_sheet = None if sheet else rx.search(r"(?:^|(?<=\s))([\u4e00-\u9fff\w]{1,20}?)\s*(?:那个|这个|那张|这张)\s*(?:sheet|工作表|子表|页签)", text, re.I)
    if not sheet and not zh_sheet and rx.search(r"\.xls[xm]?\b|excel", text, re.I):
        # (a workbook named) "水稻那个表 问的是…": a Chinese name, then "那个表"
        zh_sheet = rx.search(r"(?:^|(?<=\s))([\u4e00-\u9fff]{2,12}?)\s*(?:那个|这个|那张|这张)\s*表(?=\s|[,，。;；]|$)", text)
    if zh_sheet and zh_sheet.group(1) in _NOT_ZH_SHEET:
        zh_sheet = None  # "不是这个sheet,要看“2024年新增”那个": the words before point, they name nothing
    # "FILE 的 售后 sheet": a Chinese name after 的, then the word for a sheet
    zh_sheet = zh_sheet or (None if sheet else rx.search(r"(?:的|里的|中的)\s*([\u4e00-\u9fff][\u4e00-\u9fff\w]{0,19}?)\s*(?:sheet|工作表|子表|页签)(?![A-Za-z])", text, re.I))
    # "有好几个 sheet,看一下“分期”那个": a quoted name pointed at with 那个 where sheets are spoken of
    zh_sheet = zh_sheet or (None if sheet or not rx.search(r"sheet|工作表|子表|页签", text, re.I) else
                            rx.search(r"[“「\"']([^”」\"'\s]{1,20})[”」\"']\s*(?:那个|那张|这个|这张)", text)
                            or rx.search(r"(?:要的是|要看的是|应该是|我要的是)\s*[“「\"']([^”」\"'\s]{1,20})[”」\"']", text))
    # "读“热线常见问题”那页", "有个叫“售后”的表": a quoted name and the word for a page or a table of the workbook
    # "FILE 冬季航班那页转成千帆": an unquoted Chinese name right before "那页"
    zh_sheet = zh_sheet or (None if sheet else rx.search(r"(?:^|(?<=\s))([\u4e00-\u9fff\d][\u4e00-\u9fff\w]{1,15}?)\s*(?:那一?页|这一?页)(?!数|[\u4e00-\u9fff]?数(?:是|有|多少))", text))
    if zh_sheet and zh_sheet.group(1) in _NOT_ZH_SHEET:
        zh_sheet = None
    # "FILE的科目四那页", "FILE 的 代煎配送 表转成 jsonl", "用 学员常问 那张表", "把 售后 sheet 转成…", "那张表叫「第三单元」",
    # "sheet名字叫 科目三 的那页": in a workbook, a Chinese name before the word for its page or table, or after "表叫"
    book = None if sheet or zh_sheet else rx.search(
        r"(?:的|用|把)\s*([\u4e00-\u9fff][\u4e00-\u9fff\w]{1,11}?)\s*(?:那一?页|这一?页|那张表|这张表|那个表|sheet|(?<=\s)一页)(?=\s*(?:转|的|里|上|吧|[,，。;；]|$))|"
        r"(?:里头|里面)\s+([\u4e00-\u9fff][\u4e00-\u9fff\w]{1,11}?)\s+(?:那一?页|这一?页|那张表|这张表)(?=\s*(?:转|的|里|上|吧|[,，。;；]|$))|"
        r"的\s+([\u4e00-\u9fff\d][\u4e00-\u9fff\w]{1,11}?)\s+表(?=\s*(?:转|的|里|上|吧|[,，。;；]|$))|"
        r"的\s*[“「\"']([^”」\"'\s]{1,20})[”」\"']\s*(?:表(?!格)|sheet|工作表|一?卷)|(?<=[,，])\s*([\u4e00-\u9fff][\u4e00-\u9fff\w]{1,11}?)\s*(?:那一?页|这一?页)(?=\s*(?:[,，。;；]|$))|"
        r"(?:那张|这张|那个)?表(?:名)?叫(?:做)?\s*[“「\"']?([^”」\"'\s,，。]{1,20}?)[”」\"']?(?=[\s,，。;；]|$)|"
        r"(?:sheet|表)\s*(?:名字|名称|名)\s*(?:叫做?|是|为)\s*([^\s,，。]{1,20}?)\s*(?:的那?页|的那张|的那个|的)?(?=[\s,，。]|$)", text, re.I)
    if (book and next(g for g in book.groups() if g) not in _NOT_ZH_SHEET + ("数据", "问答", "题库", "文件", "表格", "这张", "那张", "整张", "整个")
            and not rx.match(r"你|我|帮|麻烦|请", next(g for g in book.groups() if g))):  # (not "…,你看看这一页": the request, no name)
        zh_sheet = book
    zh_sheet = zh_sheet or (None if sheet else rx.search(r"[“「\"']([^”」\"'\s]{1,20})[”」\"']\s*(?:那一?页|这一?页|那张表|这张表|那个表|这个表|那张|这张|页)(?!数|[\u4e00-\u9fff]?数(?:是|有|多少))|"
                                                      r"叫(?:做)?\s*[“「\"']([^”」\"'\s]{1,20})[”」\"']\s*的\s*(?:表|sheet|工作表|子表|页签|页)", text, re.I))
    # "是复诊挂号那个sheet", "那个叫售后的sheet": the pointing words around the name are not its own
    zh_name = zh_sheet and rx.sub(r"(?<=\S{2})的$", "", rx.sub(r"(?<=\S{2})(?:那一?页|这一?页|那张表|这张表)$", "", rx.sub(r"^(?:那个|这个|叫做?|名为|就是|是|用|选|看|读|的|还是)+(?=\S{2})", "", next(g for g in zh_sheet.groups() if g))))
    if zh_name and "sheet" not in out and zh_name not in _NOT_ZH_SHEET:
        out["sheet"] = zh_name
    if sheet and "sheet" not in out and sheet.group(sheet.lastindex or 1).lower() not in _NOT_SHEET_NAMES:
        out["sheet"] = rx.sub(r"(?<=\S{2})(?:那一?页|这一?页)$|[.。]+$", "", next(g for g in sheet.groups() if g))  # "the sheet called OTC.": the full stop ends the sentence
    meant = None if "sheet" in out or not rx.search(r"sheet|工作表|子表|页签|\btab\b", text, re.I) else _SHEET_MEANT.search(text)
    if meant:  # "sheet名我说错了,是“二手房”不是“新房”": the sheet meant, the other ruled out
        out["sheet"] = meant.group(1)
    if "sheet" not in out and _SHEETS_TOLD.search(text):
        # "X.xlsx has a sheet per location. just look at the Eastside one", "里有两个表,“草鱼”和“南美白对虾”,先看看对虾那个表"
        one = _THE_ONE.search(text)
        listed = rx.findall(r"[“「\"']([^”」\"'\s]{1,20})[”」\"']", text)
        said = one.group(2) if one else ""  # ("先看看对虾那个表": the longest end of the words before 那个表 that a listed name holds)
        picked = one and (one.group(1) or next((n for k in range(len(said) - 1) for n in listed if said[k:] in n), None))
        if picked and picked.lower() not in _NOT_SHEET_NAMES:
            out["sheet"] = picked
    _sheet_counted(text, out)
    if not isinstance(out.get("sheet"), int) and (put_right := _SHEET_PUT_RIGHT.search(text)):
        out["sheet"] = put_right.group(1)  # (the quoted one meant, not a word before the sheet said wrong)
    if "sheet" in out and isinstance(out["sheet"], str):
        _sheet_not_ruled_out(text, out)  # (which may find the only sheet named ruled out, and drop it)
        for role in [r for r in ("question_field", "answer_field") if "sheet" in out and out.get(r) == out["sheet"]]:
            del out[role]  # "FILE 的「工作表2」,问题栏是…": the sheet's name is no column
            # "问答在「早点问答」那张表,…,答案那列叫 店里答": the column named elsewhere, read without the sheet's name
            again = find_fields(text.replace(out["sheet"], " " * len(out["sheet"]))).get(role)
            if again and again != out["sheet"]:
                out[role] = again
    for role in ("question_field", "answer_field", "rationale_field"):
        name = out.get(role)
        if (isinstance(name, str) and rx.fullmatch(r"[\u4e00-\u9fff]{2,}[哦啊呀哈呢吧啦嘛]", name)
                and not rx.search(rf"[“「\"'『]{re.escape(name)}[”」\"'』]", text)):
            out[role] = name[:-1]  # "答案列是 客服答哦~": the particle said after an unquoted name is not the name's
    return out


# A sheet counted, not named: "第二个sheet", "第三个工作表", "the second tab", "4th sheet"; and, where sheets are spoken of,
# the count alone: "不是第一个sheet,是第二个", "convert the second one instead", "数据在第二个".
_ORDINALS = {w: i + 1 for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split())}
_SHEET_COUNTED = re.compile(r"第\s*([一二两三四五六七八九十]|\d{1,2})\s*(?:个|张)?\s*(?:sheet|工作表|表(?!头)|页签|子表|tab)|"
                            r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?=st|nd|rd|th))(?:st|nd|rd|th)?\s+(?:sheet|tab|worksheet)\b", re.I)
_COUNT_ALONE = re.compile(r"(?:是|在|看|转|用)\s*第\s*([一二两三四五六七八九十]|\d{1,2})\s*(?:个|张)(?![\u4e00-\u9fffA-Za-z\d])|"
                          r"\bthe (first|second|third|fourth|fifth|sixth) one\b", re.I)
# …said to be no data ("第一个sheet是说明页", "first tab is just a cover page"): not the one meant
_NO_DATA_SHEET = re.compile(r"\s*(?:sheet|tab|工作表)?\s*(?:是|只是|就是|\bis\b|\bis just\b|\bis only\b)\s*(?:a |an |the )?(?:说明|封面|目录|废|旧|空|cover|notes?\b|readme|"
                            r"instructions|index|empty|blank|old|intro)", re.I)
_DATA_SHEET = re.compile(r"(?:数据|问答|data)\s*(?:其实|实际)?\s*(?:在|is (?:actually )?(?:on|in))?\s*(?:the\s+)?$", re.I)


def _sheet_counted(text: str, out: dict) -> None:
    """``out["sheet"]`` set to a sheet's position (counted from 1, as the tools take it) when the message counts the sheet
    instead of naming it: the count not ruled out ("不是第一个sheet,是第二个": 2; "look at the first tab, not the third": 1)
    nor said to hold no data ("第一个sheet是说明页,数据在第二个": 2)."""
    if not rx.search(r"sheet|工作表|子表|页签|(?<![A-Za-z])tabs?(?![A-Za-z])|表", text, re.I):
        return
    found = sorted([*_SHEET_COUNTED.finditer(text), *_COUNT_ALONE.finditer(text)], key=lambda m: m.start())
    kept = [m for m in found if not rx.search(r"(?:不是|不要|别用|别看|\bnot(?: the)?)\s*$", text[max(0, m.start() - 9):m.start()], re.I)
            and not _NO_DATA_SHEET.match(text, m.end()) and not rx.match(r"\s*(?:叫做?|名为|是)?\s*[“\"'「『]", text[m.end():])]  # (a count then its name: the name)
    data = [m for m in kept if _DATA_SHEET.search(text[max(0, m.start() - 30):m.start()])]
    said = out.get("sheet")
    if not kept or said is not None and not data and not (
            isinstance(said, str) and rx.fullmatch(r"第?\s*[一二两三四五六七八九十\d]{1,2}\s*(?:个|张)?|first|second|third|fourth|fifth", said, re.I)):
        return  # a sheet named ("第二个sheet“鸟类”": the name), unless the data is said to be in the one counted
    word = (data or kept)[-1]
    word = (word.group(1) or word.group(2)).lower()
    out["sheet"] = _ORDINALS.get(word) or int(parse_number(word))  # ("第二个": Chinese numerals read as everywhere else)


# Sheets said to be several ("a sheet per location", "有两个表"), then one picked by its name or a part of it
_SHEETS_TOLD = re.compile(r"\ba (?:sheet|tab) (?:per|for each)\b|\b(?:several|multiple|two|three|four) (?:sheets|tabs)\b|(?:有|分)(?:两|三|四|几|好几)个(?:表|sheet|工作表)", re.I)
_THE_ONE = re.compile(r"\bthe ((?-i:[A-Z])[\w-]*(?: (?-i:[A-Z])[\w-]*)?) (?:one|sheet|tab)\b|([\u4e00-\u9fff]{1,6})(?:那个|那张|这个|这张)(?:表|sheet)", re.I)
_NOT_ZH_SHEET = ("几个", "哪个", "每个", "所有", "这个", "那个", "看一下", "看下", "不是", "就是", "是", "要", "看", "用", "时候", "刚才转换", "转换")
# A sheet said to be the wrong one, then the one meant, quoted: "工作表选错了,要“2024秋季”那张", "sheet 名字搞错了,是“2024修订版”"
_SHEET_PUT_RIGHT = re.compile(r"(?:sheet|工作表|表)[^,，。;；]{0,8}(?:选错了|搞错了|弄错了|错了|不对)[^“「\"'。;；]{0,12}[“「\"']([^”」\"'\s]{1,20})[”」\"']", re.I)


_SHEET_INSTEAD = re.compile(r"(?:应该是|应该读|应该看|\bthe data is (?:actually )?in|\bit'?s (?:actually )?in)\s*['\"“‘「]([^'\"”’」]{1,30})['\"”’」]", re.I)
_SHEET_MEANT = re.compile(r"(?:是|应该是|应该看|应该用|应该读|要看|\bi meant|\bit'?s|\bfrom)\s*[“\"'‘「]([^”\"'’」]{1,30})[”\"'’」]\s*[,，]?\s*(?:而)?(?:不是|\bnot\b)", re.I)


def _sheet_not_ruled_out(text: str, out: dict) -> None:
    """"not the 'Items_Q&A' tab — I need 'Umbrellas_and_Bags'": a sheet named only to be ruled out gives way to the
    quoted name after it (or to none)."""
    at = text.find(out["sheet"])
    if at < 0 or not NEGATED.search(text[max(0, at - 16):at].rstrip("\"'“‘「『 ")):
        return
    after = [m for m in QUOTED.finditer(text, at + len(out["sheet"]) + 1)
             if (m.group(1) or m.group(2) or "").strip() and not negated(text, m.start())]
    # ("刚才那个转换不是 Sheet2,是 Sheet3": Excel's own name of the sheet meant, after the one ruled out)
    numbered = [m for m in rx.finditer(r"(?<![A-Za-z])((?:sheet|工作表)\s?\d{1,2})(?![A-Za-z0-9])", text[at + len(out["sheet"]):], re.I)
                if not negated(text, at + len(out["sheet"]) + m.start())]
    if after:
        out["sheet"] = (after[0].group(1) or after[0].group(2)).strip()
    elif numbered:
        out["sheet"] = numbered[0].group(1)
    else:
        del out["sheet"]


# "the Returns sheet", "the FAQ tab of …": a name between "the" and the word for a sheet
# "the Returns sheet", "use the sheet 常见问题", "表是“3月”": a sheet named beside the word for it
_THE_SHEET = re.compile(r"(?<!attached )(?<!uploaded )(?<!sent you )(?<!here's )(?<!heres )(?<!this is )\bthe\s+(?!(?:attached|uploaded|whole|entire|same|other|right|wrong|new|old|next|main|current|correct|original)\s)([A-Za-z_][\w-]{0,40}(?: (?-i:[A-Z0-9])[\w-]{0,20}){0,2})\s+(?:sheet|tab|worksheet)\b|\b(?:use|read|take|from) the (?:sheet|tab|worksheet)\s+"
                        r"([^\s,，;；.。'\"“”]{1,30})|(?<![\w\u4e00-\u9fff])(?:表|工作表)\s*(?:是|为|叫|用)\s*[“\"「]([^”\"」]{1,20})[”\"」]", re.IGNORECASE)
_SHEET_NAMED = re.compile(r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|last|\d(?:st|nd|rd|th))\s+(?:sheet|tab|worksheet)\s*[,，(（:：]?\s*(?:called\s+|named\s+)?['\"“‘]([^'\"”’]{1,30})['\"”’]|"
                          r"(?:名为|名叫|称为|叫做)\s*[“\"「']([^”\"」']{1,20})[”\"」']\s*的\s*(?:工作表|sheet|子表|表|页)|"
                          r"(?:sheet|工作表|表)[^。\n]{0,16}?第\s*[一二三四五六七八九十\d]{1,2}\s*(?:个|张)\s*叫(?:做)?\s*[“「\"']([^”」\"']{1,20})[”」\"']|"
                          r"(?:\.xls[xm]?|\bFILE|\S\s{3,})\s+((?-i:[A-Z])[\w-]{1,30})\s+(?:sheet|tab)\b", re.I)  # (the workbook's name, masked or not)
_NOT_SHEET_NAMES = {"whole", "entire", "first", "second", "last", "same", "other", "excel", "new", "right", "wrong", "this", "that", "spread", "only", "one", "just"}
def asks_sheets(text: str) -> bool:
    """"有几个sheet", "which tabs are in it": a question about a workbook's sheets (a look, not a check)."""
    return bool(rx.search(r"(?:几个|多少个?|哪些|哪几个)\s*(?:sheet|工作表|子表|页签)|(?:how many|which|what|list (?:the|all)?)\s*"
                          r"(?:sheets|tabs|worksheets)\b", text, re.IGNORECASE))


_QUESTION_WORDS = {"什么", "哪个", "哪些", "啥", "多少", "哪一列", "哪列"}
# A verb right after "sheet:" or a key is the request going on, not a name ("the Reeds sheet: convert it to jsonl").
_NOT_A_NAME = r"(?!(?:convert|check|inspect|open|train|add|use|run|fill|drop|keep|evaluate|look|show|then|and)\b)"
_KEY_VALUE = re.compile(r"(?<![\w-])(question_field|answer_field|rationale_field|sheet)\s*(?:[=:：]|(?<=field)\s*(?:是|为)(?!\s*(?:指|什么|啥|哪|不是))|(?<=field)\s+is\b|(?<=field)\s+(?=[\"'“‘]?[A-Za-z_\u4e00-\u9fff][\w.&-]*[\"'”’]?\s*(?:[,，;；]|$)))\s*(?:[\"“‘']([^\"”’'\n]{1,60})[\"”’']|[\"'“‘]?" + _NOT_A_NAME + r"([\w.&-]{1,60}))",
                        re.IGNORECASE)


_Q1 = r"(?:'([^'\n]{1,40})'|[\"“「]([^\"”」\n]{1,40})[\"”」])"
_TWO_COLUMNS = re.compile(r"(?:\bcolumns?|\bfields?|列名?|字段名?|两列)\s*(?:are|is|were)?\s*(?:called|named|是|叫|为|分别是|分别叫)?\s*[:：]?\s*"
                          + _Q1 + r"\s*(?:and|&|和|与|跟|、|,|，)\s*" + _Q1 + "|"
                          # "用“问题”和“回复”两列", "using the 'Patient question' and 'Nurse answer' columns": the names before the word
                          + _Q1 + r"\s*(?:and|&|和|与|跟|、)\s*" + _Q1 + r"\s*(?:这|那)?(?:两列|两个字段|两栏|(?:two )?columns\b|(?:two )?fields\b)", re.I)
# "cols Query / Reply", "Q is in 'Customer asks', A in 'Our reply'", "Q is 'Customer asks', A is 'Clerk says'": the pair by its letters.
_COLS_SLASH = re.compile(r"(?:\b(?:cols?|columns?|fields?)(?:\s+(?:are|is))?\s*[:：]?|(?:字段|列)名?\s*(?:是|为|[:：]))\s*([A-Za-z_][\w-]{0,30})()\s*/\s*([A-Za-z_][\w-]{0,30})()", re.I)
_Q_AND_A = re.compile(r"\bQ(?:'?s)?\s*(?:is\s+|are\s+)?(?:in\s+)?(?:=|:)?\s*" + _Q1 + r"\s*[,;，；]?\s*(?:and\s+)?(?:the\s+)?A(?:'?s)?\s*(?:is\s+|are\s+)?(?:in\s+)?(?:=|:)?\s*" + _Q1)
# "列名是 q 和 a", "两列分别是 ask 和 reply", "字段是 query 和 response": two names said bare, question first.
_TWO_BARE = re.compile(r"(?:列名|两列|字段名|两个字段|(?<![\u4e00-\u9fff])字段)\s*(?:分别)?(?:是|叫|为)\s*([A-Za-z_][\w-]{0,30}|[\u4e00-\u9fff]{1,8}?)()\s*(?:和|与|跟|、)\s*"
                       r"([A-Za-z_][\w-]{0,30}|[\u4e00-\u9fff]{1,8}?)()(?=[,，。;；\s]|$)")
# "columns are Question and Reply", "tell me if the columns are right? should be Q and A": two names said bare in English,
# question first.
_TWO_BARE_EN = re.compile(r"\b(?:the )?(?:columns?|fields?) (?:(?:are|is) (?:called |named )?|[^.\n]{0,40}?\b(?:should be|are supposed to be|must be) )"
                          r"([A-Za-z_][\w-]{0,30})()\s*(?:and|&)\s*([A-Za-z_][\w-]{0,30})()(?=\s*(?:[,.;!?]|$))", re.I)
_SHORT_KEY = re.compile(r"(?<![\w-])(q|question|a|answer|rationale|reasoning)\s*=\s*[\"'“‘]?([A-Za-z_\u4e00-\u9fff][\w.-]{0,60})|"
                        # "Q column is ticket_body, A is agent_resolution": the capital letter alone, after the other's column
                        r"(?<=[,;]\s)(?-i:(Q|A))\s+is\s+([A-Za-z_][\w.-]{0,60})(?=\s*(?:[,;.]|$))", re.I)
_FLAG_KEY = re.compile(r"(?:--(?=\w+[-_](?:col(?:umn)?|field)\s)|(?<![\w-])(?=\w+[-_](?:col(?:umn)?|field)\s*=))(q|question|a|answer|rationale|reasoning)[-_](?:col(?:umn)?|field)(?:\s+|\s*=\s*)[\"']?([A-Za-z_\u4e00-\u9fff][\w.-]{0,60})", re.I)
# "q col=question a col=answer": one word each, the next key or the phrase's end after it ("Q col = Guest Question" is read below)
_SHORT_COL_KEY = re.compile(r"(?<![\w-])(q|question|a|answer|rationale|reasoning)\s*(?:col(?:umn)?|field)\s*=\s*([A-Za-z_\u4e00-\u9fff][\w.-]{0,60})"
                            r"(?=\s*(?:[,，;；\n]|$)|\s+\w+\s*(?:col(?:umn)?|field)?\s*=)", re.I)
_SHORT_ROLE = {"q": "question_field", "question": "question_field", "a": "answer_field", "answer": "answer_field",
               "rationale": "rationale_field", "reasoning": "rationale_field"}


def _lone_letter(text: str, name: str, end: int) -> bool:
    """"answer 列是 a,": a one-letter name ending the phrase is a column, not the article."""
    return len(name) == 1 and bool(rx.match(r"[ \t]*(?:[,，;；。.!！?？\n]|$)|[ \t]*[\u4e00-\u9fff]", text[end:])  # ("- 答案列: a\n": a list item's end;
                                   or rx.search(r"\b(?:column|col)\s+$", text[:end - 1]) and rx.match(r"\s+(?:and|&)\s", text[end:]))  # "in column Q and …"
    # "答案列叫a 你看下 FILE": Chinese after it)


def _is_field_name(word: str) -> bool:
    stop = {"the", "a", "an", "in", "is", "it", "them", "my", "this", "that", "column", "field", "called", "named", "to", "and", "has", "have",
            "had", "with", "using", "use", "our", "your", "its", "these", "those", "of", "for", "as", "by", "which", "what",
            "file", "path", "dataset", "already", "all", "just", "still", "written", "stored", "kept", "held", "listed", "given", "up"}  # "Add CoT: file: x.jsonl, rationale column: explanation": a label of ours, no column
    return word.lower() not in stop


def loose_columns(text: str) -> list[str]:
    """Column names written without quotes: "用 explanation 列", "the rationale_text column"."""
    names = rx.findall(rf"(?<![A-Za-z0-9_-])([A-Za-z_][\w-]{{0,40}})\s*{_FIELD_WORD}(?![A-Za-z_])", text, re.IGNORECASE)  # (not "a field_notes column")
    names += rx.findall(r"(?:column|field|列|字段)\s+(?:named|called)\s+([A-Za-z_][\w-]{0,40})", text, re.IGNORECASE)
    names += rx.findall(r"\b(?:using|use|with|from)\s+(?:the\s+)?(?:column|field|col)\s+([A-Za-z_][\w-]{0,40})", text, re.IGNORECASE)  # "using column X"
    names += rx.findall(r"(?:^|(?<=[\s,，]))([\u4e00-\u9fff]{1,8})\s*(?:那一?|这一?)(?:列|栏|个字段)", text)  # "里面 分析 那一列"
    return [n for n in names if _is_field_name(n) and n.lower() not in ("the", "this", "that")]


def template_spans(text: str) -> list[tuple[int, int]]:
    """Where a family of instructions is written unquoted ("…: explain my bill|break down my bill"): its words are the
    templates', not the request's."""
    return [(m.start(1), m.end(1)) for m in (_FAMILY_AFTER.search(text), _FAMILY_NAMED.search(text)) if m]


def _words_before(text: str, start: int) -> str:
    """The 16 characters before a quote, less any earlier quote's own words: "“请根据说明书回答:{q}”、“{q} 请简要说明。”"
    cites no manual before its second template."""
    window = text[max(0, start - 16):start]
    return rx.split(r"[”」』]", window)[-1]


def find_templates(text: str) -> list[str]:
    """Instruction templates the user quoted ("请回答:{question}", “帮我解答一下”) or set out as a list under a line
    that names them ("Templates to use:\n- 中译英|翻译中文为英文\n- Translate into English: {question}")."""
    labelled = [item.strip() for item in _LABELLED_TEMPLATE.findall(text)]
    if labelled:  # "2)模板一:请回答:{question}\n3)模板二:…": each labelled line holds one
        return labelled
    listed = _LISTED_TEMPLATES.search(text) or _PLAIN_LISTED.search(text)
    if listed:
        items = [rx.sub(r"^\s*(?:[-*•·]|\d+[.)、])\s*", "", line).strip() for line in listed.group(1).splitlines()]
        quoted_items = [item for item in items if QUOTED.fullmatch(item)]
        if quoted_items and any(item and not QUOTED.fullmatch(item) and rx.search(r"\d|生成|samples?|rows?|一半|半数|全部|[一二两三四五六七八九]成|%|\bhalf\b|\ball\b", item) for item in items):
            items = quoted_items  # "模板严格使用以下两条:\n「…」\n「…」\n生成 400 条。": the quoted lines are the templates
        items = [QUOTED.sub(lambda m: m.group(1) or m.group(2), item).strip() if QUOTED.fullmatch(item) else item for item in items]
        items = [item for item in items if item]
        while len(items) >= 3 and "{" not in items[-1] and (all("{" in item for item in items[:-1]) and rx.search(r"\d", items[-1]) or _SCOPE_LINE.search(items[-1])):
            items.pop()  # "…\n{q}呀?\n做500条就够", "…\ndo like 300", "…\n做一半的数据", "…\nall rows": how many, on the line after
        if items:
            return items
    found = [name.strip() for name, start, end in quoted(text) if name.strip() and not rx.search(r"\.[A-Za-z]{2,5}$", name.strip())
             and not _AS_IT_IS.search(text[max(0, start - 24):start])  # "全是「请翻译成英文」": the wording there now
             # "the template should be 'Quick q: {q}' not 'Quick question: {q}'": a template ruled out, when another is named
             and not (rx.search(r"(?:\bnot|\binstead of|\brather than|不是|而不是|而非)\s*$", text[max(0, start - 14):start], re.I) and len(quoted(text)) > 1)
             and not CITED_SOURCE.search(_words_before(text, start))  # "照手册“…”的思路": the manual's words, cited
             and not rx.match(r"\s*[{\[]", text[text.rfind("\n", 0, start) + 1:])  # a pasted JSON record's keys and values
             and not rx.match(r"[”\"'」]?\s*(?:means|shall mean|指|是指|系指|,?\s*i\.e\.|,?\s*也就是|is\s+(?:[\w/.-]+\.(?:jsonl?|csv|xlsx?|tsv)\b|FILE\b|\s{3,}))", text[end:])]
    # ("the Run" means …, "'Grandpa' is legacy.jsonl", "'The sponge', i.e. FILE": a term or nickname defined)
    # an unquoted family of equivalent instructions: "中译英|翻译中文为英文|把这段中文翻成英文"
    # "with: translate to english|english please|render this in english", "the wording family how do I|how can I"
    after = _FAMILY_AFTER.search(text) or _FAMILY_NAMED.search(text)
    named_family = after and rx.search(r"(?:templates?|模板|模版|说法|问法)\S{0,6}\s*[:：]?\s*$", text[:after.start(1)], re.I)
    cites = bool(after) and any(CITED_SOURCE.search(_words_before(text, start)) for _, start, _ in quoted(text))
    if (named_family or cites) and all(start < after.start(1) for _, start, _ in quoted(text)):
        found = []  # "手册里举的例子是“中文翻译英文”…模板就用:中译英|…", "像手册里把“…”扩成“…”那样,…:A|B|C": the quoted words were an
        # example, the family is the ask
    if any("{" in name for name in found) and not all("{" in name for name in found):
        found = [name for name in found if "{" in name]  # "家长问“几岁能学”…按这几个模板来:“{q}”“请问{q}”": the quoted questions were examples
    if found and any("|" in name for name in found):
        return [name for name in found if "|" in name]  # "例子是"中文翻译英文"…模板用 "中译英|…"": the family is the ask
    if found and not (after and all(name in after.group(1) for name in found)):
        return found  # (a quoted instruction that is one of the family, "全是“中译英”…:中译英|…", is the family's)
    if not after:
        return (_inline_list(text) or _spaced_family(text) or _TEMPLATE_FAMILY.findall(text) or _spoken_list(text) or _pointed_list(text)
                or _slashed_list(text) or _bare_placeholders(text))
    family = [part.strip() for part in after.group(1).split("|")]
    family[0] = rx.sub(r"^(?:(?:the|these|this|a)\s+)?(?:family|templates?|wordings?|phrasings?|variants?)(?:\s+of)?\s+", "", family[0], flags=re.I)
    family[0] = rx.sub(r"^.*(?:模板|模版)\s*(?:用|是|为|就用)?\s*", "", family[0])  # "…的 instruction 扩充一下,模板 中译英|…": what follows the word
    family[-1] = rx.sub(r"\s+as (?:an? |one |the )?(?:synonyms?|templates?|template family|family|variants?|alternatives|wordings?|phrasings?)\b.*$", "",
                        family[-1], flags=re.I)
    if not any(rx.search(r"[,，;；]", part) for part in family[:-1]):
        family[-1] = rx.split(r"\s*(?:[,，；]|;(?!\S))", family[-1])[0]  # ("TL;DR this policy" keeps its semicolon)  # "…|请把中文翻成英文,每条都改写一次就好": the rest is a new clause
    family[-1] = rx.sub(r"(\b(?:of|to|for|with|about))\s+(?:on|in)\s*$", r"\1", family[-1])  # "…|give me the gist of on FILE": the file's "on"
    return ["|".join(family)]


def _bare_placeholders(text: str) -> list[str]:
    """Templates written unquoted after the word for them, each a run of words holding a placeholder ("模板用 师傅问一下{q} 还有
    {q}急急急"): the spaces between them part them."""
    said = _TEMPLATES_SAID.search(text)
    if not said:
        return []
    found = _BARE_TEMPLATE.findall(" " + text[said.end():])  # (the first may follow the label's colon: "模板:请问{q} 和 老板,{q}")
    return found if found and all(rx.search(r"[\u4e00-\u9fff]", t) for t in found) else []  # (English words between spaces are one template's)


_TEMPLATES_SAID = re.compile(r"(?:模板|模版|templates?)\s*(?:用|是|为|就用|:|：)?\s*(?:(?:这|那)(?:俩|两个|几个|些|两条|几条)|如下|以下)?\s*[:：]?\s*(?=\S*\{)", re.I)
_BARE_TEMPLATE = re.compile(r"(?<!\S)((?:[^\s,，;；、]|[,，](?=\{))*\{(?:q|question|query|input|instruction|prompt)\}[^\s,，;；、]*)(?!\S)")


# A line after the templates that says how much to do with them: "做一半的数据", "all rows", "对 FILE 全部做".
_SCOPE_LINE = re.compile(r"^(?:(?:对|给)\s*\S*\s*)?(?:做|都做|全做|全部做|弄)?\s*(?:一半|半数|全部|所有|[一二两三四五六七八九]成|\d+\s*(?:%|条|成))\s*(?:的)?\s*(?:数据|记录|样本)?\s*(?:都|就)?\s*(?:做|改|行|够了?|就行|即可)?\W*$|"
                         r"^(?:do\s+)?(?:all|every|half(?: of)?|\d+\s*%)\s*(?:of\s+)?(?:the\s+)?(?:rows|records|samples|data|prompts|of them|recs)?\W*$", re.I)
_AS_IT_IS = re.compile(r"(?:全是|都是|全都是|只有|一律|清一色|统一是|开头都是|\b(?:all )?(?:start|begin)s? with|\ball say|\ball read|\bare (?:literally |just |basically |pretty much )?all|\bcurrently|\bright now)\s*$", re.I)
_LISTED_TEMPLATES = re.compile(r"(?:^|\n)(?![ \t]*(?:[-*•·]|\d+[.)、]))[^\n]{0,80}(?:templates?|模板|模版|说法|问法|phrasings?|指令|\bthese|以下|如下)[^\n:：]{0,30}[:：][ \t]*\n((?:[ \t]*(?:[-*•·]|\d+[.)、])[ \t]*[^\n]+(?:\n|$))+)", re.I)
# "用这几个模板:\n请介绍一下这套房子\n这套房子情况怎么样", "using these:\n- …": the lines after a line ending in a colon
_PLAIN_LISTED = re.compile(r"(?:^|\n)[^\n]{0,80}(?:templates?|模板|模版|说法|问法|phrasings?|wordings?|\bthese|以下|如下)[^\n:：]{0,30}[:：][ \t]*\n"
                           r"((?:[^\n]+(?:\n|$)){2,})$", re.I)
_LABELLED_TEMPLATE = re.compile(r"(?:^|\n|[;；])[ \t]*(?:(?:[-*•·]|\d+[.)、])[ \t]*)?(?:模板|template)(?:[ \t]*(?:[一二三四五六七八九十]|\d{1,2})|[ \t]+[A-Za-z])[ \t]*[:：][ \t]*([^\n;；]+)", re.I)
# A family written after a colon, to the end: its instructions may hold spaces.
# …and a trailing clause that only names the file ("…|把这句翻成英文,文件是 FILE") is not a template.
_FILE_CLAUSE = r"[,，;；]\s*(?:文件是|文件为|文件|数据是|数据|用的是|the file is|file is|file\b|on\b|in\b|for\b)"
_SEGMENT = rf"(?:(?!{_FILE_CLAUSE})[^:：\n|]){{2,60}}"
_FAMILY_AFTER = re.compile(rf"(?:[:：]|\busing\b|\bsuch as\b)\s*({_SEGMENT}(?:\|{_SEGMENT})+?)\s*(?:{_FILE_CLAUSE}\s*)?[.。]?[ \t]*(?:$|(?=\n\s*(?:\d{{1,2}}[.)、]|[-•*]\s)))", re.I)  # (or to a list item's end)
# …or after the English word that names them, the last one before the family ("with these templates translate to french|…");
# a Chinese family holds no spaces and is found whole (_TEMPLATE_FAMILY)
_FAMILY_NAMED = re.compile(rf"^.*\b(?:templates?|family|wordings?|phrasings?|variants?|with|use)\b\s*(?:like|as|of)?\s*"
                           rf"({_SEGMENT}(?:\|{_SEGMENT})+?)\s*(?:{_FILE_CLAUSE}\s*)?[.。]?\s*$", re.I | re.S)
# "换几种说法 比如 请总结以下内容 还有 用一句话概括 还有 提炼要点 就这三个": wordings listed aloud
_SPOKEN_LIST = re.compile(r"(?<![(（])(?:比如说?|例如|譬如|像是)\s*[:：]?\s*(.+?)\s*(?:[,，。]?\s*(?:就这|就是这|这)[几两三四五六]个\S{0,2}|等等?|[。.]?\s*$)")


# "模板用这三个:请问{q}、我想咨询一下{q}、{q},该怎么办?": templates listed on one line after a colon, 、 between them
_INLINE_LIST = re.compile(r"(?:templates?|模板|模版|说法|问法|phrasings?)[^:：\n]{0,20}[:：]\s*([^\n]+)", re.I)


def _inline_list(text: str) -> list[str]:
    m = _INLINE_LIST.search(text)
    items = [i.strip() for i in rx.split(r"\s*[、；;]\s*", m.group(1).strip().rstrip("。.")) if i.strip()] if m else []
    if len(items) >= 2 and all("{" in i for i in items):
        return items
    # "模板就用:中译英、翻译中文为英文、把下面的中文译成英文": wordings listed with 、, no placeholder in them
    listed = [i.strip(" “”\"'「」") for i in rx.split(r"[。!！?？]\s*(?=\S)", m.group(1).strip())[0].rstrip("。.").split("、")] if m else []
    # ("…:中译英、翻译中文为英文、把下面的中文译成英文。不知道可不可以": the sentence after the list is no wording of it)
    return listed if len(listed) >= 2 and all(2 <= len(i) <= 30 and not rx.search(r"\.[A-Za-z]{2,5}\b|[,，;；]", i) for i in listed) else []


# "用 请总结以下内容 和 帮我概括一下这段话 这俩模板": wordings named before the words that call them templates
_SPOKEN_BEFORE = re.compile(r"(?:用|拿|就用)\s+(.+?)\s*(?:这|那)(?:俩|两个|几个|[三四五]个)(?:模板|模版|说法|问法)")


def _spoken_list(text: str) -> list[str]:
    m = _SPOKEN_LIST.search(text) or _SPOKEN_BEFORE.search(text)
    items = [i.strip(" “”\"'「」") for i in rx.split(r"\s*(?:还有|以及|和|、|，|,)\s*", m.group(1))] if m else []
    return items if len(items) >= 2 and all(len(i) >= 2 for i in items) else []


# "reword … w/ tag this ticket|label this ticket|categorize this ticket , half the data", "with sign up|register|enrol, 30%":
# a family whose instructions hold spaces, between the word that introduces it and the end of its clause.
_SPACED = re.compile(r"(?:\bw/|\bwith\b|\busing\b|\buse\b|\blike\b|[:：])\s*((?:[^|,，;；。\n:：]{2,60}\|)+[^|,，;；。\n:：]{2,60}?)\s*(?=[,，;；。\n]|$)", re.I)


# "用 中译英 翻译中文为英文 这俩模板扩一下": the wordings set out with spaces, then pointed at as the templates.
_POINTED = re.compile(r"(?:用|拿|按)\s+((?:[^\s,，。;；]{2,30}\s+){2,6})(?:这|那)(?:俩|两个|几个|些|三个|[2-6]个)\s*(?:模板|模版|说法|问法|指令|句式)")


# "模板就用这三个:帮我写一段小红书文案 / 来条种草文案 / 写个推广短文": wordings set apart by slashes after the word for them.
_SLASHED = re.compile(r"(?:模板|模版|说法|问法|templates?|phrasings?|wordings?)[^:：\n]{0,12}[:：]\s*([^\n/]{2,60}(?:\s+/\s+[^\n/]{2,60})+)\s*$", re.I)


def _slashed_list(text: str) -> list[str]:
    m = _SLASHED.search(text)
    return [part.strip(" 。.") for part in rx.split(r"\s+/\s+", m.group(1))] if m else []


def _pointed_list(text: str) -> list[str]:
    m = _POINTED.search(text)
    return m.group(1).split() if m else []


def _spaced_family(text: str) -> list[str]:
    m = _SPACED.search(text)
    family = [part.strip() for part in m.group(1).split("|")] if m else []
    return ["|".join(family)] if len(family) >= 2 and any(" " in part for part in family) and all(family) else []


_TEMPLATE_FAMILY = re.compile(r"(?<![^\s:：,，])([^\s,，;；。:：|]{2,40}(?:\s*\|\s*[^\s,，;；。|]{2,40})+)")


def find_method(text: str) -> str | None:
    """full or lora; with both named ("全量 vs LoRA 我选 LoRA") the one chosen, else None."""
    named = lambda pattern: [m.start() for m in rx.finditer(pattern, text, re.IGNORECASE)  # noqa: E731
                             if not _NOT_THIS.search(text[max(0, m.start() - 16):m.start()])]
    # "full" as the method ("full fine-tune", "lora or full?"), not as a word for complete ("the full LoRA recommendation")
    full = named(r"(?<![A-Za-z])full(?=fine-?tun\w*\b)|(?<![A-Za-z])full\b(?=[\s-]*(?:fine[\s-]?tun\w*|ft\b|sft\b|param\w*|hyper-?param\w*|training|method|weights?|model|微调|训练)|\s*$|\s*[,.;:)?？，。\n/]|\s+(?:vs|or|instead|please|pls|on\s+\d)\b)|全量|全参|全部参数")
    lora = named(r"q?lora|peft|低秩|adapter")
    if not (full and lora):
        return "full" if full else "lora" if lora else None
    # "全量和 lora 哪个更费显存", "a sane lr for lora vs full?": the two compared name neither; a method said apart from them is
    # the one asked for ("8000 条数据全量微调的话超参怎么设?顺便问下全量和 lora 哪个更费显存")
    compared = [m.span() for m in _COMPARED.finditer(text)]
    apart = {("full" if at in full else "lora") for at in full + lora if not any(a <= at < b for a, b in compared)}
    if compared and len(apart) == 1:
        return apart.pop()
    # "LoRA 还是全量我也说不好,你先按 LoRA 给我出一套", "全量还是 LoRA?LoRA 吧", "LoRA or full? … give me LoRA hyperparameters"
    chosen = [("full" if at in full else "lora") for at in sorted(full + lora)
              if rx.search(r"(?:选|用|采用|决定用|按|就|只能(?:跑|用|做)?|\bit'?s|choose|chose|use|using|go with|pick|prefer|give me|can only (?:do|run|use|afford)|(?:hyper-?param\w*|settings|params?) for|method\s*[:：=])\s*$",
                           text[max(0, at - 16):at], re.IGNORECASE)
              # "LoRA 吧", "so LoRA it is", "5000 条数据全量训练的参数建议", "hyperparams for full on 2000 samples", "LoRA only",
              # "全参 full FT 的话 lr 给多少?比 LoRA 小吗?"
              or rx.match(r"(?:[A-Za-z]*|全量|全参)\s*(?:吧|it is\b|only\b|(?:训练|微调)的?(?:参数|超参)|on \d|(?:full\s*)?(?:ft|fine-?tun\w*|微调|训练)?\s*的话)", text[at:at + 16], re.IGNORECASE)]
    return chosen[-1] if chosen else None


_METHOD_WORD = r"(?:全量|全参|full|q?lora)"
_COMPARED = re.compile(_METHOD_WORD + r"\s*(?:和|与|跟|vs\.?|or|还是|versus|比)\s*" + _METHOD_WORD, re.I)
# "Full fine-tune, not PEFT", "全量,不用 LoRA": a method named only to be ruled out.
_NOT_THIS = re.compile(r"(?:\bnone of (?:that|this|the|your)|\bnot(?: the| a)?|\bno|\bdon'?t want|\bdo not want|instead of|rather than|without|excluding|不用|不要|不是|而不是|别用|不走|不考虑|不选|排除)\s*$", re.IGNORECASE)


_PPL = r"(?<![a-z])ppl(?![a-z])|perplexity|困惑度"
# "不用算ppl", "skip the ppl stuff", "without perplexity": the option named to be turned off.
_OFF = re.compile(r"(?:不需要|不用|不要|不必|无需|别|跳过|省掉|去掉|关掉|\bskip|\bno\b|\bwithout|\bdon'?t|\bdo not|\bnot?\b|\bturn off|\bdisable)"
                  r"\s*(?:再|计算|算|跑|用|做|need|use|run|compute|calculat\w*|bother with|do|with)?\s*(?:the\s+|any\s+)?(?:" + _PPL + ")",
                  re.IGNORECASE)


# "ppl就别算了", "perplexity: skip it", "ppl off": the option named first, then turned off.
_OFF_AFTER = re.compile(r"(?:" + _PPL + r")\s*(?:就|也|先|这次|这步|的话)?\s*(?:别|不用|不要|不必|免了|省了|跳过|算了吧|不算|关掉|去掉|"
                        r"[:：,，]?\s*(?:skip|off\b|not needed|no need))", re.IGNORECASE)


def wants_ppl(text: str) -> bool | None:
    """True when perplexity is asked for, False when it is turned off ("不用算ppl", "ppl就别算了"), None when unsaid."""
    if _OFF.search(text) or _OFF_AFTER.search(text):
        return False
    return True if rx.search(_PPL, text, re.IGNORECASE) else None

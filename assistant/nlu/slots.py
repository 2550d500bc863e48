"""Arguments in a request: target format, field names, counts, epochs, learning rate, LoRA rank…

Each finder reads the text with file names blanked out (see :func:`mask`), so that
"qa_2024.csv" gives no number and "faq.xlsx" no format.

>>> find_format("把 faq.xlsx 转换成 jsonl"), find_format("convert this to alpaca json")
('jsonl', 'alpaca')
>>> find_fields('问题在“question”列,答案在“answer”列')
{'question_field': 'question', 'answer_field': 'answer'}
>>> training_args("start training with 10 epochs and lr 1e-4, rank 16")
{'epochs': 10, 'learning_rate': 0.0001, 'lora_r': 16}
"""
from __future__ import annotations

import re

from assistant.nlu.numbers import Num, find_numbers, parse_number
from assistant.nlu.paths import quoted
from tools.data.formats import FORMAT_ALIASES

# Words that say a format without being one of its names (the names are tools.data.formats.FORMAT_ALIASES,
# the one alias table): "多轮对话格式" is sharegpt, "训练用的格式" is jsonl.
_PHRASES = {
    "qianfan": r"文心|ernie|百度",
    "alpaca": r"羊驼",
    "sharegpt": r"share\s?gpt|多轮对话格式|conversations?\s*格式",
    "openai": r"open\s+ai|gpt[- ]?(?:3\.5|4)?\s*(?:格式|format)|chat[- ]?completions?",
    "csv": r"逗号分隔",
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
_TARGET_BEFORE = re.compile(r"(?:\bto|\binto|\bas|\bin|成|为|转|转回|换回|改回|→|->|变成|导出|输出|保存|另存|export|save|make (?:it|this|them))\s*(?:an?\s+|the\s+)?$",
                            re.IGNORECASE)
# "in"/"as" also describe what the data is now ("our data is still in the OpenAI format"): when
# another format follows "to"/"成", that one is the target.
_SOURCE_BEFORE = re.compile(r"(?:\bmy|\bour|\bfrom|\bcurrent|\bexisting|从|我的|我们的|原来的|现有的|现在的)\s*(?:\w+\s+)?$", re.IGNORECASE)
_WEAK_TARGET = re.compile(r"(?:\bas|\bin)\s*(?:an?\s+|the\s+)?$", re.IGNORECASE)
_ROLES = [
    ("question_field", r"问题|提问|问句|题目|题干|咨询|输入|指令|question|prompt|instruction|query|input|user (?:msgs?|messages?|turns?|side)|用户(?:消息|的话|说的)|问|\bq\s*(?=col|column|field|列|字段)"),
    ("answer_field", r"答案|回答|回复|输出|应答|answer|response|output|completion|target|replies|reply|答|\ba\s*(?=col|column|field|列|字段)"),
    ("rationale_field", r"推理|思路|解析|理由|过程|步骤|rationale|reasoning|explanation|思考|cot"),
    ("sheet", r"sheet|工作表|表单|子表|页签|标签页|\btab\b|worksheet"),
]
_FIELD_WORD = r"(?:字段|列|栏|键|column|field|key|col)"
_IS = r"(?:\s*(?:是|为|叫做?|用|=|:|：|is\b|are\b|named\b|called\b|as\b|in\b)\s*)"  # "as" is no prefix of "ask_text"
_NAME = r"([A-Za-z_][\w-]{0,40})"
# How a value is attached to its name: "epoch设成2", "lr = 1e-4", "rank of 16", "示例放 3 个".
_SET = (r"\s*(?:数|个数|的值)?(?:\s*(?:就用|就|设置为|设置成|设为|设成|设到|设|改成|改为|调到|调成|调为|开到|开成|开|放|用|取|为|是|给|定为|=|:|：|"
        r"\bset to\b|\bshould be\b|应该是|应为|\bto\b|\bof\b|\bat\b|\bis\b|\bequals?\b|大概|大约|约|左右|about|around|roughly|~)\s*)*\s*")
_MODIFIERS = (r"(?:(?:few[- ]?shot|cot|chain[- ]of[- ]thought|training|train|new|more|extra|additional|augmented|synthetic|"
              r"qa|q&a|sft|instruction|in[- ]context|labeled|labelled|high[- ]quality|good|clean|solved|worked|思维链|训练|新的?|增强|额外的?|有效|高质量|精标)\s*)*")
_MODEL = re.compile(r"(?<![A-Za-z0-9_./-])([A-Za-z][A-Za-z0-9_.]*(?:-[A-Za-z0-9_.]+)*?-?\d+(?:\.\d+)?[BbMm](?:-[A-Za-z][A-Za-z0-9_.]*)*"
                    r"|[A-Za-z][A-Za-z0-9_.-]*/[A-Za-z][A-Za-z0-9_.-]*)(?![A-Za-z0-9_.])")
_RUN_ID = re.compile(r"(?<![\w-])(\d{8}[-_]\d{4,6}(?:-[\w.-]*[\w])?|(?:run|s?ft|job|train(?:ing)?|exp|lora|task)[-_][\w.-]*\d[\w.-]*)",
                     re.IGNORECASE)


def mask(text: str, spans: list[tuple[int, int]], fill: str = "") -> str:
    """``text`` with the given spans blanked (same length, so offsets still hold); ``fill`` is
    written at the start of each span when it fits ("inspect FILE")."""
    chars = list(text)
    for a, b in spans:
        word = f" {fill} " if fill and b - a >= len(fill) + 2 else ""
        chars[a:b] = word + " " * (b - a - len(word))
    return "".join(chars)


def find_format(text: str) -> str | None:
    """The target data format named in ``text`` (file names already masked), else None."""
    hits = []
    text = _fuzzy_formats(text)
    for name, pattern in _FORMATS:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            if not any(h[1] <= m.start() < h[2] for h in hits) and not _NEGATED.search(text[max(0, m.start() - 14):m.start()]):
                hits.append((name, m.start(), m.end()))  # "alpaca json": one mention; "不是alpaca": ruled out
    if not hits:
        return None
    hits.sort(key=lambda h: h[1])
    targets = [h for h in hits if _TARGET_BEFORE.search(text[: h[1]])]
    targets = [h for h in targets if not _WEAK_TARGET.search(text[: h[1]])] or targets
    # "a JSONL version of this spreadsheet": the version asked for is the target too
    versions = [h for h in hits if re.match(r"\s*(?:version|copy)\b", text[h[2]:], re.IGNORECASE)]
    # "转换成alpaca json格式": the first format after a target word; else the last one named
    # "here's my qianfan export", "从千帆格式": the format the data is in now is no target
    others = [h for h in hits if not _SOURCE_BEFORE.search(text[: h[1]])] or hits
    name, start, end = (targets or versions or others[-1:])[0]
    # "openai 的 jsonl", "alpaca json": JSON is only the container of the specific format before it
    specific = [h for h in hits if h[0] in ("qianfan", "alpaca", "sharegpt", "openai") and 0 <= start - h[2] <= 14
                and re.fullmatch(r"[\s_的式-]*(?:style|format|格式|风格|compatible|兼容)?[\s_的式-]*", text[h[2]:start], re.IGNORECASE)]
    if name == "jsonl" and specific:
        return specific[-1][0]
    # "to json", "纯json数组": plain JSON asked for by name (the tool reads it as its alias), not "JSON Lines"
    plain = text[start:end].lower() == "json" and not re.match(r"\s*lines?\b", text[end:], re.IGNORECASE)
    return "json" if name == "jsonl" and plain else name


# "要的是sharegpt不是alpaca", "sharegpt, not alpaca": a value named only to be ruled out.
_NEGATED = re.compile(r"(?:不是|不要|而不是|别用|\bnot|\bno|instead of|rather than)\s*"
                      r"(?:转(?:成|为|换成)?|换成|用|要|停|to|into|convert(?:ing)? to|the)?\s*(?:the\s+)?$", re.IGNORECASE)
_FORMAT_WORDS = ("alpaca", "sharegpt", "qianfan", "openai", "jsonl", "excel", "xlsx")


def _fuzzy_formats(text: str) -> str:
    """Format names typed one or two letters off ("alpca", "sharegtp", "qianfna") written correctly."""
    from assistant.nlu.fuzzy import closest

    def fix(m: re.Match) -> str:  # a real alias ("json") is no typo of another ("jsonl")
        word = m.group(0)
        return word if word.lower() in FORMAT_ALIASES else closest(word, _FORMAT_WORDS) or word

    return re.sub(r"[A-Za-z]{4,}", fix, text)


def tool_of_values(text: str) -> str | None:
    """The tool a bare list of values belongs to ("k=2 not 5" → add_few_shot, "sharegpt not alpaca" →
    convert_dataset), for a correction that names only values."""
    if re.search(r"(?<![a-z])k\s*[=:：]|shots?\b|示例", text, re.IGNORECASE):
        return "add_few_shot"
    if find_format(text):
        return "convert_dataset"
    return "start_training" if training_args(text) else None


def _role_of(before: str, after: str) -> str | None:
    """The role named closest to a quote, reading the words just before and just after it."""
    best = None
    for role, pattern in _ROLES:
        for m in re.finditer(pattern, before, re.IGNORECASE):
            if best is None or len(before) - m.end() < best[0]:
                best = (len(before) - m.end(), role)
        for m in re.finditer(pattern, after, re.IGNORECASE):
            if best is None or m.start() < best[0]:
                best = (m.start(), role)
    return best[1] if best and best[0] <= 20 else None


def field_names(text: str) -> list[tuple[str, str | None]]:
    """Each quoted name that is not a file or a template, with the role named next to it."""
    out = []
    for name, start, end in quoted(text, limit=60):
        name = name.strip()
        if not name or "{" in name or re.search(r"\.[A-Za-z]{2,5}$", name):
            continue
        before = re.split(r"[,，;；。\n]|\band\b|和|、", text[:start])[-1]
        after = re.split(r"[,，;；。\n]|\band\b|和|、", text[end:])[0]
        out.append((name, _role_of(before, after) or _ROLE_NAMES.get(name.lower())))
    return out


# A quoted column with no role word beside it may name its role itself: columns “Q” and “A”.
_ROLE_NAMES = {**dict.fromkeys(("q", "question", "问题", "prompt", "instruction", "query", "input"), "question_field"),
               **dict.fromkeys(("a", "answer", "答案", "response", "reply", "output", "completion"), "answer_field")}


def find_fields(text: str) -> dict:
    """Field names the user spelled out: quoted (“question”, 'q', 「问题」) or after "字段是"."""
    # "question_field=title, rationale_field: steps": the tool's own argument names win
    out: dict = {m.group(1).lower(): m.group(2) for m in _KEY_VALUE.finditer(text)}
    for name, role in field_names(text):
        if role and role not in out:
            out[role] = name
    for role, pattern in _ROLES[:3]:
        spelled = re.search(rf"(?:{pattern})\s*{_FIELD_WORD}?(?:名)?{_IS}{_NAME}", text, re.IGNORECASE)
        reversed_ = re.search(rf"{_NAME}\s*{_FIELD_WORD}{_IS}?(?:作为|当作?|充当|做)?(?:{pattern})", text, re.IGNORECASE)
        # "问题列 title,答案列 content": the role's column, then its name ending the phrase
        bare = re.search(rf"(?:{pattern})\s*{_FIELD_WORD}\s+{_NAME}(?=\s*(?:[,，;；。、)）]|$))", text, re.IGNORECASE)
        # "rationale field = 解析", "答案字段是 回复": a Chinese name after the role, its field word and "="/"是"
        chinese = re.search(rf"(?:{pattern})\s*{_FIELD_WORD}(?:名)?\s*(?:=|:|：|是|为|叫|\bis\b|\bnamed\b|\bcalled\b)\s*"
                            rf"([\u4e00-\u9fff]{{1,12}})(?![\u4e00-\u9fff])", text, re.IGNORECASE)
        if chinese and role not in out and chinese.group(1) not in _QUESTION_WORDS:
            out[role] = chinese.group(1)
        # "推理过程用 解析 那一列", "问题在 question 列 答案在 answer_zh": the role, 用/在, the column
        placed = re.search(rf"(?:{pattern})(?:过程|内容|s)?\s*(?:用|在|放在|(?:(?:are|is|live|sit)\s+)?in\s+(?:the\s+)?(?:col(?:umn)?\s+)?)\s*(?:(?P<zh>[\u4e00-\u9fff]{{1,12}})\s*(?:那一?|这一?)?个?{_FIELD_WORD}|"
                           rf"(?P<en>[A-Za-z_][\w-]{{0,40}})(?=\s*(?:那一?|这一?)?个?{_FIELD_WORD}|\s*[,，;；。、.—-]|\s*$|\s+\S{{1,3}}在|\s+(?:and|&)\b))", text, re.IGNORECASE)
        # "用解析那一列": the column is named by the role's own word
        own = re.search(rf"用\s*((?:{pattern})\w{{0,4}})\s*(?:那一?|这一?)个?(?:列|栏|字段)", text, re.IGNORECASE)
        if own and role not in out and role == "rationale_field":
            out[role] = own.group(1)
        if placed and role not in out:
            name = placed.group("zh") or placed.group("en")
            if name not in _QUESTION_WORDS and _is_field_name(name):
                out[role] = name
        for hit in (spelled, reversed_, bare):
            if hit and role not in out and (_is_field_name(hit.group(1)) or _lone_letter(text, hit)):
                out[role] = hit.group(1)
    sheet = re.search(r"(?<![A-Za-z])(sheet\s?\d+)(?![A-Za-z0-9])|(?:sheet|工作表)(?:\s*(?:name|名字|名称))?\s*(?:named|called|名为|名叫|叫|是|为|=|:|：|\bis\b)\s*([^\s,，。;；]+)", text, re.IGNORECASE)
    # "sheet Benefits, question col …": a capitalised name right after the word, ending its phrase
    sheet = sheet or re.search(r"\bsheet\s+([A-Z][\w&-]{0,40})(?=\s*(?:[,，;；.]|$))", text)
    # "FAQ 工作表": the name before a Chinese word for a sheet
    sheet = sheet or re.search(r"(?<![\w.-])([A-Za-z_][\w-]{0,40})\s*(?:工作表|子表|页签|sheet\s*页)", text, re.IGNORECASE)
    sheet = sheet or _THE_SHEET.search(text)
    # "看一下 报价 那个sheet": a Chinese name, then "那个/这个" and the word for a sheet
    zh_sheet = None if sheet else re.search(r"(?:^|(?<=\s))([\u4e00-\u9fff\w]{1,20}?)\s*(?:那个|这个|那张|这张)\s*(?:sheet|工作表|子表|页签)", text, re.I)
    if zh_sheet and "sheet" not in out and zh_sheet.group(1) not in ("几个", "哪个", "每个", "所有", "这个", "那个", "看一下", "看下"):
        out["sheet"] = zh_sheet.group(1)
    if sheet and "sheet" not in out and sheet.group(sheet.lastindex or 1).lower() not in _NOT_SHEET_NAMES:
        out["sheet"] = sheet.group(1) or sheet.group(2)
    return out


# "the Returns sheet", "the FAQ tab of …": a name between "the" and the word for a sheet
_THE_SHEET = re.compile(r"\bthe\s+([A-Za-z_][\w-]{0,40})\s+(?:sheet|tab|worksheet)\b", re.IGNORECASE)
_NOT_SHEET_NAMES = {"whole", "entire", "first", "second", "last", "same", "other", "excel", "new", "right", "wrong", "this", "that", "spread"}
def asks_sheets(text: str) -> bool:
    """"有几个sheet", "which tabs are in it": a question about a workbook's sheets (a look, not a check)."""
    return bool(re.search(r"(?:几个|多少个?|哪些|哪几个)\s*(?:sheet|工作表|子表|页签)|(?:how many|which|what|list (?:the|all)?)\s*"
                          r"(?:sheets|tabs|worksheets)\b", text, re.IGNORECASE))


_QUESTION_WORDS = {"什么", "哪个", "哪些", "啥", "多少", "哪一列", "哪列"}
_KEY_VALUE = re.compile(r"(?<![\w-])(question_field|answer_field|rationale_field|sheet)\s*[=:：]\s*[\"'“‘]?([\w.-]{1,60})",
                        re.IGNORECASE)


def _lone_letter(text: str, hit: re.Match) -> bool:
    """"answer 列是 a,": a one-letter name ending the phrase is a column, not the article."""
    return len(hit.group(1)) == 1 and bool(re.match(r"\s*(?:[,，;；。.!！?？]|$)", text[hit.end(1):]))


def _is_field_name(word: str) -> bool:
    stop = {"the", "a", "an", "in", "is", "my", "this", "that", "column", "field", "called", "named", "to", "and"}
    return word.lower() not in stop


def loose_columns(text: str) -> list[str]:
    """Column names written without quotes: "用 explanation 列", "the rationale_text column"."""
    names = re.findall(rf"(?<![\w-])([A-Za-z_][\w-]{{0,40}})\s*{_FIELD_WORD}", text, re.IGNORECASE)
    names += re.findall(r"(?:column|field|列|字段)\s+(?:named|called)\s+([A-Za-z_][\w-]{0,40})", text, re.IGNORECASE)
    return [n for n in names if _is_field_name(n) and n.lower() not in ("the", "this", "that")]


def find_templates(text: str) -> list[str]:
    """Instruction templates the user quoted ("请回答:{question}", “帮我解答一下”)."""
    found = [name.strip() for name, _, _ in quoted(text) if name.strip() and not re.search(r"\.[A-Za-z]{2,5}$", name.strip())]
    # an unquoted family of equivalent instructions: "中译英|翻译中文为英文|把这段中文翻成英文"
    if found:
        return found
    after = _FAMILY_AFTER.search(text)  # "with: translate to english|english please|render this in english"
    if not after:
        return _TEMPLATE_FAMILY.findall(text)
    family = [part.strip() for part in after.group(1).split("|")]
    if not any(re.search(r"[,，;；]", part) for part in family[:-1]):
        family[-1] = re.split(r"\s*[,，;；]", family[-1])[0]  # "…|请把中文翻成英文,每条都改写一次就好": the rest is a new clause
    return ["|".join(family)]


# A family written after a colon, to the end: its instructions may hold spaces.
# …and a trailing clause that only names the file ("…|把这句翻成英文,文件是 FILE") is not a template.
_FILE_CLAUSE = r"[,，;；]\s*(?:文件是|文件为|文件|数据是|数据|用的是|the file is|file is|file\b|on\b|in\b|for\b)"
_SEGMENT = rf"(?:(?!{_FILE_CLAUSE})[^:：\n|]){{2,60}}"
_FAMILY_AFTER = re.compile(rf"[:：]\s*({_SEGMENT}(?:\|{_SEGMENT})+?)\s*(?:{_FILE_CLAUSE}\s*)?[.。]?\s*$", re.I)
_TEMPLATE_FAMILY = re.compile(r"(?<![^\s:：,，])([^\s,，;；。:：|]{2,40}(?:\s*\|\s*[^\s,，;；。|]{2,40})+)")


def find_method(text: str) -> str | None:
    """full or lora; with both named ("全量 vs LoRA 我选 LoRA") the one chosen, else None."""
    named = lambda pattern: [m.start() for m in re.finditer(pattern, text, re.IGNORECASE)  # noqa: E731
                             if not _NOT_THIS.search(text[max(0, m.start() - 16):m.start()])]
    full, lora = named(r"\bfull\b|全量|全参|全部参数"), named(r"q?lora|peft|低秩|adapter")
    if not (full and lora):
        return "full" if full else "lora" if lora else None
    chosen = [("full" if at in full else "lora") for at in sorted(full + lora)
              if re.search(r"(?:选|用|采用|决定用|choose|chose|use|using|go with|pick|prefer)\s*$", text[max(0, at - 12):at], re.IGNORECASE)]
    return chosen[-1] if chosen else None


# "Full fine-tune, not PEFT", "全量,不用 LoRA": a method named only to be ruled out.
_NOT_THIS = re.compile(r"(?:\bnot|\bno|instead of|rather than|without|不用|不要|不是|而不是|别用|不走)\s*$", re.IGNORECASE)


_PPL = r"(?<![a-z])ppl(?![a-z])|perplexity|困惑度"
# "不用算ppl", "skip the ppl stuff", "without perplexity": the option named to be turned off.
_OFF = re.compile(r"(?:不用|不要|不必|无需|别|跳过|省掉|去掉|关掉|\bskip|\bno\b|\bwithout|\bdon'?t|\bdo not|\bnot?\b|\bturn off|\bdisable)"
                  r"\s*(?:再|计算|算|跑|用|做|need|use|run|compute|calculat\w*|bother with|do|with)?\s*(?:the\s+|any\s+)?(?:" + _PPL + ")",
                  re.IGNORECASE)


# "ppl就别算了", "perplexity: skip it", "ppl off": the option named first, then turned off.
_OFF_AFTER = re.compile(r"(?:" + _PPL + r")\s*(?:就|也|先|这次|这步|的话)?\s*(?:别|不用|不要|不必|免了|省了|跳过|算了吧|不算|关掉|去掉|"
                        r"[:：,，]?\s*(?:skip|off\b|not needed|no need))", re.IGNORECASE)


def wants_ppl(text: str) -> bool | None:
    """True when perplexity is asked for, False when it is turned off ("不用算ppl", "ppl就别算了"), None when unsaid."""
    if _OFF.search(text) or _OFF_AFTER.search(text):
        return False
    return True if re.search(_PPL, text, re.IGNORECASE) else None


# What the words around a number say it counts. Left patterns end right before the number,
# right patterns start right after it.
_UNITS = {
    "epochs": (rf"(?:epochs?|epocs?|(?<![a-z])eps?|轮数|轮次|训练轮数|num_train_epochs|epoch数){_SET}$",
               r"^\s*(?:个|次)?\s*(?:epochs?\b|epoch|epocs?\b|轮|遍|回合|eps?\b)"),
    "learning_rate": (rf"(?:(?<![a-z])lr|learning[ _-]?rate|学习率){_SET}$", r"^(?!)"),
    "lora_r": (rf"(?:lora[ _-]?r|lora[ _-]?rank|(?<![a-z])rank|秩|(?<![a-z])r){_SET}$", r"^\s*(?:的)?\s*(?:rank|秩)"),
    "max_steps": (rf"(?:max[ _-]?steps?|最大步数|步数限制|限制步数|step limit|steps? limit|步数(?:上限)?|最多跑|最多训练|训练步数|total steps){_SET}$", r"^\s*(?:个)?\s*(?:(?:max(?:imum)?|training|train)\s+)?(?:steps?\b|步)"),
    "k": (rf"(?:(?<![a-z])k|top[- ]?k|shots?|示例数?|示例个数|例子数?|demonstrations?|demos?|每(?:条|个|道)\s*(?:prompt|样本|问题|题|sample|question)?\s*(?:加|配|放|带|含|包含)?|"
          rf"each with|per sample){_SET}$",
          rf"^\s*(?:-|个|条)?\s*{_MODIFIERS}(?:[\u4e00-\u9fff]{{1,5}}的|[\u4e00-\u9fff]{{1,3}}(?=示例|示范|例子|范例|样例))?(?:shots?\b|示例|示范|例子|范例|样例|demonstrations?|demos?|examples? (?:each|per)|(?:examples? )?(?:per|each|every|/)\s*(?:prompt|sample|question|example|条))"),
    "n_samples": (rf"(?:数据量|数量|样本量|样本数|数据有|数据|条数|数据集有|数据集规模|规模|共有|总共|一共|n_samples|num_samples|dataset (?:of|with|has)|data size|samples?|rows?|examples?|生成|做|造){_SET}$",
                  rf"^\s*(?:多|来|余)?\s*(?:左右|上下)?\s*(?:of them\b|条|个样本|个数据|份|组|对|行|个问答|个例子|个示例|(?:\+\s*)?{_MODIFIERS}(?:samples?|examples?|rows?|records?|pairs?|entries|entry|lines|items|questions|instances|conversations|datapoints|data points|dialogues|q&as?|qas)(?![A-Za-z]))"),
}


def _unit_after(pattern: str, right: str) -> bool:
    """The unit right after a number, unless that word labels the next one ("0.0001 epochs=5")."""
    m = re.search(pattern, right, re.IGNORECASE)
    return bool(m) and not re.match(r"\s*(?:[=:：]|设为|设置为|为|是|is\b|to\b)\s*[\d.一二两三四五六七八九十]",
                                     right[m.end():], re.IGNORECASE)


# A setting whose value is never in the thousands: "epoch给15,100条数据" is 15 epochs, then 100 samples.
_SMALL_SETTING = re.compile(r"(?:epochs?|轮数?|rank|秩|(?<![a-z])k|shots?|示例)\s*(?:给|设为?|设成|用|为|=|:|：|to|of)?\s*$", re.IGNORECASE)


def _split_lists(text: str, numbers: list[Num]) -> list[Num]:
    """A comma read as a thousands separator after a small setting's name is a list comma."""
    out = []
    for num in numbers:
        head, _, tail = num.text.partition(",")
        if tail and _SMALL_SETTING.search(text[max(0, num.start - 12):num.start]) and head.isdigit():
            rest = find_numbers(text[num.start + len(head) + 1:num.end + 12])
            out.append(Num(float(head), num.start, num.start + len(head), head))
            out += [Num(r.value, r.start + num.start + len(head) + 1, r.end + num.start + len(head) + 1, r.text)
                    for r in rest[:1]]
        else:
            out.append(num)
    return out


def label_numbers(text: str) -> list[tuple[Num, str | None]]:
    """Each number in ``text`` with what it counts ("epochs", "n_samples", …) or None."""
    labelled = []
    for num in _split_lists(text, find_numbers(text)):
        left, right = text[max(0, num.start - 30): num.start], text[num.end: num.end + 50]
        # the word after a number ("10000 samples") says more than the word before it
        label = next((name for name, (_, pat) in _UNITS.items() if _unit_after(pat, right)), None)
        if label is None:
            label = next((name for name, (pat, _) in _UNITS.items() if re.search(pat, left, re.IGNORECASE)), None)
        labelled.append((num, label))
    return labelled


def training_args(text: str) -> dict:
    """epochs, learning_rate, lora_r and max_steps spelled in ``text``."""
    out: dict = {}
    for num, label in label_numbers(text):
        value = int(num.value) if num.is_int else num.value
        if label == "epochs" and 0 < num.value < 0.01:
            label = "learning_rate"  # "3e-4 epoch 5": no run lasts a thousandth of an epoch
        if label in ("epochs", "lora_r", "max_steps") and label not in out and num.value > 0:
            out[label] = value
        elif label == "learning_rate" and "learning_rate" not in out and 0 < num.value < 1:
            out["learning_rate"] = num.value
        elif label is None and "learning_rate" not in out and 0 < num.value < 0.01:
            out["learning_rate"] = num.value  # 1e-4, 2e-5 need no label
    return out


def count_args(text: str, few_shot: bool = False) -> dict:
    """n_samples (and k for few-shot: "3-shot", "k=3", "3个示例") spelled in ``text``."""
    out: dict = {}
    everything = [(m.start(), m.end()) for m in _ALL.finditer(text)]  # "every one of them", "每一条": all, not a count
    for num, label in label_numbers(text):
        if not num.is_int or num.value <= 0 or _percent(text, num) or any(a <= num.start < b for a, b in everything):
            continue
        if re.match(r"\s*(?:次|遍|回)", text[num.end:]) and label != "k":  # "做一次", "改写一遍": how often, not how many
            continue
        if label == "k" and few_shot and "k" not in out:
            out["k"] = int(num.value)
        elif label == "k" and not few_shot and "n_samples" not in out and num.value >= 10:
            out["n_samples"] = int(num.value)
        elif label == "n_samples" and "n_samples" not in out:
            # "加入3条few-shot示例": a small count of examples in a few-shot request is k
            if few_shot and num.value <= 10 and "k" not in out and not re.search(r"samples?|样本|数据|rows?", num.text + text[num.end:num.end + 25], re.IGNORECASE):
                out["k"] = int(num.value)
            else:
                out["n_samples"] = int(num.value)
    return out


_ZH_TENTHS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_EN_PARTS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "tenth": 10}
_EN_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# "每条", "all", "every record": everything.
_ALL = re.compile(r"每(?:一)?(?:条|个|道|行)|所有(?:的)?(?:数据|样本|问答|题|记录)?|全部(?:数据|样本)?|全量数据|整个(?:数据集|文件)|"
                  r"\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:single\s+|last\s+|one\s+of\s+(?:the\s+)?(?:my\s+)?)?(?:data|dataset|records?|samples?|rows?|examples?|entries|entry|"
                  r"items?|questions?|lines?|pairs?|prompts?)\b|\bthe whole (?:dataset|file|thing)\b|\beverything\b|"
                  r"\ball of (?:it|them|this|that)\b|\ball of\s*$|\ball of\s{3,}|\b(?:every|each) (?:single )?one of (?:them|those|these|the \w+)\b", re.IGNORECASE)


_SHARE = r"(?:\d+(?:\.\d+)?\s*%|百分之\s*[\d.一二两三四五六七八九十百]+|[一二两三四五六七八九]成|一半|\bhalf\b|\ba (?:third|quarter|fifth|tenth)\b)"
# "not 20%", "不是三成": a share named only to be ruled out; "三成改成全部": the share after the change counts.
_SHARE_NOT = re.compile(r"(?:\bnot|不是|而不是|instead of|rather than)\s*" + _SHARE, re.I)
_CHANGED_TO = re.compile(r"改成|改为|换成|变成|→|->", re.I)


def find_fraction(text: str) -> float | None:
    """The share of the data asked for (see :func:`_fraction`); a share ruled out ("not 20%") or changed
    ("三成改成全部") is not the one asked for."""
    text = _SHARE_NOT.sub(" ", text)
    changed = _CHANGED_TO.search(text)
    if changed:
        after = _fraction(text[changed.end():])
        if after is not None:
            return after
    return _fraction(text)


def _fraction(text: str) -> float | None:
    """The share of the data a generating tool should cover: "20%", "百分之二十", "两成", "一半",
    "a fifth", "四分之一" → 0–1; "每条", "all", "every record" → 1.0; else None."""
    m = re.search(r"(\d+(?:\.\d+)?)\s*%|百分之\s*([\d.一二两三四五六七八九十百]+)", text)
    if m:
        value = float(m.group(1)) if m.group(1) else parse_number(m.group(2))
        return value / 100 if value is not None and 0 < value <= 100 else None
    m = re.search(r"([一二两三四五六七八九])成(?![功为绩果本员立熟年])", text)
    if m:
        return _ZH_TENTHS[m.group(1)] / 10
    for num in find_numbers(text):
        if "分之" in num.text and 0 < num.value <= 1 and num.value >= 0.01:
            return num.value  # "四分之一"; "万分之一" is a learning rate, not a share
    if re.search(r"一半|半数|\bhalf\b", text, re.IGNORECASE):
        return 0.5
    m = re.search(r"\b(a|an|one|two|three|four)\s+(third|quarter|fourth|fifth|sixth|tenth)s?\b", text, re.IGNORECASE)
    if m:
        return _EN_COUNT[m.group(1).lower()] / _EN_PARTS[m.group(2).lower()]
    return 1.0 if _ALL.search(text) else None


# "混10%通用数据", "mix in 20% general data": a share of general data mixed into a run (against forgetting).
_MIX = re.compile(r"(?:混|掺|加入?|带上?|\bmix(?:ing|ed)?\b|\bblend\b|\badd\b|\bwith\b|\bthrow(?:n)? in\b|\btoss in\b)[^,，。;；]{0,16}?(?:通用|general|generic)|"
                  r"(?:通用|general|generic)\s*(?:数据|语料|data|corpus)[^,，。;；]{0,12}?(?:混|掺|\bmix)|"
                  r"(?:\d+(?:\.\d+)?\s*%|[一二两三四五]成)\s*(?:的)?\s*(?:通用|general|generic)", re.IGNORECASE)
_SHARE_ONLY = re.compile(r"\s*(?:大概|大约|约)?\s*(?:\d+(?:\.\d+)?\s*%|[一二两三四五]成)\s*(?:左右|上下|吧|就行|即可|的样子)?\s*", re.I)


def find_mix(text: str) -> float | None:
    """The share of general data to mix into a run ("混10%通用数据" → 0.1), only a percentage or a
    tenth ("一成") in the same clause as the general data; else None."""
    clauses = re.split(r"[,，。;；]", text)
    for i, clause in enumerate(clauses):
        if _MIX.search(clause):
            share = find_fraction(re.sub(r"\b(?:all|every|each)\b|所有|全部|每", " ", clause))
            if share is None and i + 1 < len(clauses) and _SHARE_ONLY.fullmatch(clauses[i + 1]):
                share = find_fraction(clauses[i + 1])  # "混一点通用数据,10% 左右"
            if share is not None and 0 < share < 1:
                return share
    return None


def _percent(text: str, num: Num) -> bool:
    """"20%", "百分之二十", "两成": a share, not a count."""
    return bool(re.match(r"\s*(?:%|成)", text[num.end:])) or text[max(0, num.start - 3):num.start].endswith("百分之")


def lone_count(text: str) -> int | None:
    """A bare integer ≥ 10 nobody labelled ("I have 800, what lr?"), read as a sample count."""
    for num, label in label_numbers(text):
        if label is None and num.is_int and num.value >= 10 and not _percent(text, num):
            return int(num.value)
    return None


def find_base_model(text: str) -> tuple[str, int, int] | None:
    """A model name: "Qwen2-7B", "llama3-8b", "org/name", or a word after "base model"/"基座"."""
    m = _MODEL.search(text)
    if m and not re.fullmatch(r"\d+(?:\.\d+)?[kKwW]|jsonl?|csv|xlsx", m.group(1), re.IGNORECASE):
        return m.group(1), m.start(1), m.end(1)
    m = _FAMILY.search(text)  # "ERNIE-Speed", "Qwen-Plus": a known family with a variant but no size
    if m:
        return m.group(1), m.start(1), m.end(1)
    m = re.search(r"(?:base[ _-]?model|基座模型?|基础模型|底座模型?|预训练模型)\s*(?:用|是|为|选|=|:|：)?\s*([A-Za-z][\w.-]*)", text, re.IGNORECASE)
    if m and m.group(1).lower() not in {"is", "to", "the", "a", "with", "for", "and", "on", "of"}:
        return m.group(1), m.start(1), m.end(1)
    return None


_FAMILY = re.compile(r"(?<![\w./-])((?:ernie|qwen|llama|chatglm|glm|baichuan|mistral|gemma|phi|deepseek|internlm|yi|smollm)"
                     r"(?:\d[\w.]*|-[A-Za-z0-9][\w.]*)(?:-[\w.]+)*)(?![\w.])", re.IGNORECASE)
# Words that introduce the base model; a folder path right after them is the model, not the data.
_BASE_CUE = re.compile(r"(?:base[ _-]?model|基座(?:模型)?|基础模型|底座(?:模型)?|预训练模型|\bbase)\s*(?:用|是|为|选|选用|采用|=|:|：|is|at|in|from)?\s*$",
                       re.IGNORECASE)
_DATA_FILE = re.compile(r"\.(?:jsonl|json|ndjson|csv|tsv|xlsx|xlsm|xls|txt|parquet)$", re.IGNORECASE)


def is_base_model_path(text: str, path: str, start: int) -> bool:
    """"基座用 /models/chatglm3-6b", "base model = /data/models/Mistral-7B": a folder (no data
    extension) named right after a base-model word is the model to tune."""
    return not _DATA_FILE.search(path) and bool(_BASE_CUE.search(text[max(0, start - 24):start]))


_OTHER_MODELS = re.compile(r"(?:gpt|claude|mixtral|bert|roberta|t5|bloom|falcon|opt|pythia|gemini|llava|vicuna|stablelm|starcoder|"
                           r"codellama|o\d|text-|davinci|babbage|ada)[-_\d]", re.I)


def find_run_id(text: str) -> tuple[str, int, int] | None:
    """The run named in ``text``; one named only to be ruled out ("不是 run-A,要停的是 run-B") is skipped."""
    ids = [m for m in _RUN_ID.finditer(text) if not _NEGATED.search(text[max(0, m.start() - 14):m.start()])
           and not _DATA_FILE.search(m.group(1)) and not re.match(r"\.[A-Za-z]", text[m.end():])]  # "20261203-1108.csv" is a file
    m = ids[0] if ids else None
    if m:
        return m.group(1), m.start(1), m.end(1)
    m = re.search(r"(?:\brun[ _]?id|\brun|任务(?:id|编号)?|\bjob(?: id)?)\s*[:=#：]?\s*([A-Za-z][\w.-]*\d[\w.-]*|"
                  r"\d[\w.-]*[A-Za-z][\w.-]*)",
                  text, re.IGNORECASE)
    if m:
        return m.group(1), m.start(1), m.end(1)
    # "stop r12", "评估一下 r7 这次的微调": a short r-number right after a run verb or before "这次" ("r 8" alone is a rank)
    m = re.search(r"(?:\b(?:stop|kill|cancel|halt|eval\w*|resume|status of|check on)|停(?:掉|止|下)?|评估(?:一下)?|恢复)\s*(r\d{1,4})\b|"
                  r"(?<![\w-])(r\d{1,4})\s*(?:这次|这个|这轮|那次|那个|的(?:训练|微调|run))", text, re.IGNORECASE)
    if m:
        g = 1 if m.group(1) else 2
        return m.group(g), m.start(g), m.end(g)
    # a short hex id ("7c2e9a", "b81d04"): letters and digits both, as git and job schedulers print them
    m = re.search(r"(?<![\w.-])((?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])(?![ahv]\d+\b)[0-9a-f]{4,12})(?![\w.-])", text)
    if m and not _NEGATED.search(text[max(0, m.start() - 14):m.start()]):
        return m.group(1), m.start(1), m.end(1)
    # any other name with a dash or underscore and a digit ("qa-lora-4", "ft_v2"), unless it is a model's name
    for m in re.finditer(r"(?<![\w.-])([A-Za-z][A-Za-z0-9]*[-_][\w.-]*\d[\w-]*)(?![\w.-])", text):
        if not _FAMILY.match(m.group(1)) and not _OTHER_MODELS.match(m.group(1)) and not _NEGATED.search(text[max(0, m.start() - 14):m.start()]):
            return m.group(1), m.start(1), m.end(1)
    return None

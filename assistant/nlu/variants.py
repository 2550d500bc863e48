"""Words as the reader knows them: "N percent" as "N%"; words of ours that dictation wrote with same-sounding
characters or words ("微跳", "前帆", "chin fan") set right; Traditional characters and Taiwan's words become mainland Simplified
(OpenCC's ``tw2sp``), Cantonese function words become Mandarin ones, and a few other names of the same
things become ours (精调 → 微调, 链式思考 → 思维链), before a request is read.

Only the reading uses this text (which tool, which format, which amounts): names the user wrote (a
column, a sheet, a placeholder's value, a template) are taken from the original words.

    >>> plain_chinese("幫我睇下 FILE 有幾筆資料,點解咁少?")
    '帮我看下 FILE 有几条数据,为什么这么少?'
    >>> plain_chinese("支持 sharegpt 么")  # Simplified text is left as it is
    '支持 sharegpt 么'
"""
from __future__ import annotations

import re
from functools import lru_cache

from assistant.nlu import rx
from assistant.nlu.memo import remembered

# Cantonese words and their Mandarin readings, longest first where one contains another. Both the
# Traditional and the Simplified spellings are listed: people type Cantonese in either.
_CANTONESE = {
    "點解": "为什么", "点解": "为什么", "點樣": "怎么样", "点样": "怎么样", "應該點": "应该怎么", "应该点": "应该怎么",
    "學得點": "学得怎么样", "学得点": "学得怎么样", "做得點": "做得怎么样", "做得点": "做得怎么样",
    "係咪": "是不是", "系咪": "是不是", "係咩": "是什么", "系咩": "是什么", "乜嘢": "什么", "咩嘢": "什么", "咩": "什么",
    "有冇": "有没有", "冇": "没", "唔該": "请", "唔该": "请", "得唔得": "可以吗", "好唔好": "好不好", "使唔使": "需不需要",
    "唔好": "不要", "留返": "留着", "填做": "填成", "點set": "怎么设", "点set": "怎么设", "點 set": "怎么设", "点 set": "怎么设",
    "唔": "不", "睇": "看", "嘅": "的", "啲": "些", "咗": "了", "佢哋": "他们", "佢": "它", "嗰": "那", "喺": "在",
    "係": "是", "嚟": "来", "頭先": "刚才", "头先": "刚才", "接住": "接着", "落去": "下去", "入面": "里面",
    "刪走": "删掉", "删走": "删掉", "轉做": "转成", "转做": "转成", "填返": "填好", "就得": "就行", "計下": "算下",
    "计下": "算下", "喇": "了", "嘞": "了", "搞掂": "搞定", "邊個": "哪个", "边个": "哪个", "嘢": "东西",
    "啱啱": "刚刚", "幾多": "多少", "几多": "多少", "幾耐": "多久", "几耐": "多久", "去到邊": "到哪了", "去到边": "到哪了",
    "邊度": "哪里", "边度": "哪里", "仲要": "还要", "仲有": "还有", "仲未": "还没", "仲係": "还是", "仲系": "还是",
    "繼續行": "继续跑", "继续行": "继续跑", "行返": "跑", "行緊": "在跑", "行紧": "在跑",
    "而家": "现在", "跑成點": "跑得怎么样", "跑成点": "跑得怎么样", "唔係": "不是", "唔系": "不是", "嘅係": "的是", "嘅系": "的是",
    # words of classical flavour: a run's resume ("前番中辍,今可续之"; 止之/停之 are read in _ZHI), a correction's 速改, 方才言
    "速改": "快改", "方才言": "刚才说", "續之": "继续它", "续之": "继续它", "中輟": "中断", "中辍": "中断",
    "續返": "恢复", "续返": "恢复", "停咗喺度": "停了", "停咗": "停了",
    "留低": "留下", "刪住": "删", "删住": "删", "你話": "你说", "你话": "你说",  # (not 停住: "好像停住了" is stuck, in Mandarin)
    # Hakka and Hunanese question words ("乱码个数据系样般检查出来个?", "hk-0603 跑到样般了?", "么子叫 epoch")
    "样般": "怎么样", "麼个": "什么", "么子": "什么",  # (not 么个: "那么个人")
    "俾我": "给我", "畀我": "给我", "咁": "这么", "幫手": "帮忙", "帮手": "帮忙", "攞": "拿", "揀": "选", "拣": "选",
}
# Words of other dialects read as Mandarin: Northeastern 整错了 (搞错了); Sichuanese and Hunanese 一哈 (一下), 空起 (空着), 留到 (留着, doubled "留到留到");
# Guizhou and Sichuanese 咋个样 (怎么样); Shanghainese and Hangzhou 覅 and 弗要 (不要), 接牢 and 留牢 (接着, 留着), 忒 (太), Hokkien 呣着/呣系 (不对/不是), the Chu verse's 兮 (a breath between phrases, no word), and 脱 after a verb (掉: "停脱", "掼脱" is 扔掉); Hokkien 按怎 (怎样).
_REGIONAL = {"整错了": "搞错了", "一哈": "一下", "弗要": "不要", "弗用": "不用", "咋个样": "怎么样", "接牢": "接着", "留牢": "留着", "忒": "太",
             "呣着": "不对", "呣系": "不是", "呣是": "不是", "兮": "", "空起": "空着", "留到留到": "留着", "覅": "不要", "掼脱": "扔掉", "按怎": "怎样",
             # Hakka 毋 (不: 毋系 after 係 is read as 是), 𠊎 (我), 摎𠊎 (帮我), 留等 (留着), 改做 (改成); Shaanxi 嫑 (不要), 撇咧 (扔了);
             # Changsha 何式 (怎么样), 拐哒 (坏了), 莫 before a verb (别), 先留到 (先留着), 接到检查点 (从检查点接着); Shanghainese 里向
             # (里面); Tangshan 介回 (这回); classical 黜去 (删去), 考校 (评估), 何轮数/何学习率/何批量 (多少, 多大). 给额, 阿拉 and 哪能
             # are read in _NORTHWEST_WU (not 给额外, 阿拉伯, 哪能呢)
             "毋是": "不是", "毋使": "不用", "毋好": "不要", "摎𠊎": "帮我", "𠊎": "我", "留等": "留着", "嫑": "不要", "撇咧": "扔了",
             "何式": "怎么样", "拐哒": "坏了", "莫跑": "别跑", "莫停": "别停", "莫删": "别删", "先留到": "先留着",
             "里向": "里面", "介回": "这回", "黜去": "删去", "考校": "评估", "改做": "改成",
             "何轮数": "多少轮数", "何学习率": "多大学习率", "何批量": "多大批量", "接到检查点": "从检查点接着", "接到断点": "从断点接着"}
# Northwestern 给额 (给我; not 给额外, 给额度), Shanghainese 阿拉 (我们; not 阿拉伯) and 哪能 asking how something is ("跑得哪能了?";
# not Mandarin's "哪能呢")
_NORTHWEST_WU = re.compile(r"给额(?![外度])|阿拉(?![伯斯丁])|哪能(?=\s*(?:了|啦|样|[?？]))")
_NORTHWEST_WU_PLAIN = {"给额": "给我", "阿拉": "我们", "哪能": "怎么样"}
_REGIONAL_RE = re.compile("|".join(re.escape(k) for k in sorted(_REGIONAL, key=len, reverse=True)))
# Hokkien and Teochew 呣, Wu 弗 between a word said twice ask as 不 does ("睇学习率合呣合", "会弗会弄坏"); 呣着/呣系 are in _REGIONAL
# (not 呣 alone: in Mandarin it is a hum, "呣,好吧")
_M_NOT = re.compile(r"([\u4e00-\u9fff])[呣弗]\1")
# Hakka and Wu 个 after a doubled word is 的 ("答案短短个毋使删"), and Hakka 爱 before a format is 要 ("毋係千帆,爱 alpaca 个")
_DOUBLED_GE = re.compile(r"([\u4e00-\u9fff])\1个")
_AI_WANT = re.compile(r"(?<=[,，。;；\s])爱(?=\s*(?:alpaca|sharegpt|share gpt|千帆|qianfan|openai|jsonl?|csv|xlsx)\b)", re.I)
_XUE_LV = re.compile(r"(?<=[探测扫试调定设])学率")  # "以 FILE 探学率": 学习率 cut short (not 升学率, 入学率)
_SAVE_POINT = re.compile(r"(?<=[从自在的])\s*存档(?:点|处)?")  # "从存档点继续", "自存档处接着行": a game's save point is the checkpoint
# Classical "not X but Y": "学习率非 3e-4,乃是 1e-5", "非 sharegpt 之装,乃 openai 之式", "方才言秩 32,实乃 16" (不是 X,是 Y)
_NOT_BUT = re.compile(r"(?<![是并而除])非(\s*[^,，。;；!！?？非乃]{1,24}?)\s*([,，;；])\s*(?:实|而)?乃(?:是)?")
_IN_FACT = re.compile(r"实乃(?:是)?")
_NOT_TAKEN = re.compile(r"不取(?=\s*(?:[一二两三四五六七八九十]成|\d))")  # "不取三成了,改作五成"
_FA = re.compile(r"伐(?=\s*[?？])")  # Shanghainese 伐 asks (吗): "checkpoint 还在伐?", "好伐?"
# Old words with 之 for "it" after a verb: "暂且止之", "停之。", "请君评之", "lora_r 改之" (not 停之前, 终止之后: 之 of a time)
_ZHI = re.compile(r"([止停评改罢])之(?![前后时际间中外上下所])")
_ZHI_PLAIN = {"止": "停掉它", "停": "停掉它", "评": "评估它", "改": "改一下", "罢": "停掉它"}
# Wu 脱 and Changsha 咖 after a verb: 掉 ("停脱", "丢咖它", "断咖哒")
_TUO = re.compile(r"(?<=[停删扔丢去除撤杀])脱(?![离手口敏水发])|(?<=[停删扔丢去除撤断倒])咖(?![啡喱])")
# (继续行 is a run going on, not 继续行驶/行动: "请沿当前道路继续行驶" is a sat-nav's voice)
_CANTONESE_RE = re.compile("|".join(re.escape(k) + ("(?![驶駛动動事为為程列])" if k.endswith("行") else "")
                                    for k in sorted(_CANTONESE, key=len, reverse=True)))
# Hunanese and Sichuanese 了 after a verb: "把 xs-0412 停咯", "loss 涨起来哒", "删咯" (not 么么哒, not 咯咯笑).
_DIALECT_LE = re.compile(r"(?<=[停删转跑训练加填恢续查看涨掉完起好])(?:咯|哒)(?![咯哒])")
# Hakka and Cantonese 系 for 是 after a column's or sheet's word: "问题列系 题目,答案列系 答案".
_XI_IS = re.compile(r"(?<=[列栏表])系(?![列统数])(?=\s*[\w\u4e00-\u9fff「“\"'])")
# Taiwan's measure word for records ("幾筆", "300 筆") and its word for quality (品質).
_RECORDS = re.compile(r"(?<=[几幾\d两兩一二三四五六七八九十百千万萬])\s?[笔筆]")
_TAIWAN = {"品质": "质量", "资料笔数": "数据条数"}
# Other names for the same things: Qianfan's 精调 is 微调; 链式思考 and 推理链 are 思维链 (CoT).
_SYNONYMS = re.compile(r"精调|链式思考|链式推理|思考链|推理链")
_SYNONYM = {"精调": "微调"}


# Words of ours that voice input writes with other characters of the same sound ("微跳" for 微调, "前帆" for 千帆,
# "学习绿" for 学习率, "论次" for 轮次): matched by toneless pinyin. Words whose sound is also an everyday word are
# left out (质检 sounds like 之间, 断点 like 断电, 数据 like 书局, 示例 like "是李", 模板 like 木板, 轮数 like 论述).
_SOUNDED = ("微调", "千帆", "学习率", "轮次", "思维链", "训练", "增强", "评估", "探测", "占位符",
            "过拟合", "梯度累积", "困惑度", "样本", "续训")
# …and the English ones dictation spells as other words ("find tune", "three epics", "laura rank", "chin fan").
_EN_SOUNDS = [(re.compile(p, re.I), w) for p, w in (
    (r"\bfin(?:e|d|ed)[ -]tun(?:e|ed|ing)\b", "fine-tune"),
    (r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) epics?\b", r"\1 epochs"),
    (r"\blaura\b(?=\s+(?:rank|adapter|r\b|training|fine|run|alpha))", "lora"),
    (r"\b(?:chin|chian|chen|qian|chien)[ -]?fan\b", "qianfan"),
    (r"\bshare[ -]?g[ .-]?p[ .-]?t\b", "sharegpt"),
    (r"\bopen[ -]a\.?i\b", "openai"),
)]


# …and characters typed for ours by their sound where the word alone would be an everyday one ("停值训练" for 停止训练, not
# 停滞; "跑500部" for 步).
_ZH_SOUNDS = [(re.compile(p), w) for p, w in ((r"停值(?=\s*(?:训练|训|跑|run|[A-Za-z]))", "停止"), (r"(?<=[跑训测])(\s*\d+\s*)部", r"\1步"))]


@lru_cache(maxsize=1)
def _sounded() -> list[tuple[str, tuple[frozenset[str], ...]]]:
    """Each word with every reading of each of its characters (调 is tiao or diao, 模 mo or mu)."""
    from pypinyin import Style, pinyin  # pure Python, its dictionaries ship in the wheel

    return [(word, tuple(frozenset(pinyin(ch, style=Style.NORMAL, heteronym=True)[0]) for ch in word)) for word in _SOUNDED]


def sound_alike(text: str) -> str:
    """``text`` with words of ours that dictation wrote with same-sounding characters set right ("开始微跳" →
    "开始微调", "chin fan format" → "qianfan format"); the text keeps its length where only characters change."""
    for pattern, word in _EN_SOUNDS:
        text = pattern.sub(word, text)
    if not rx.search(r"[\u4e00-\u9fff]", text):
        return text
    for pattern, word in _ZH_SOUNDS:  # (one character for one: the text keeps its length)
        text = pattern.sub(word, text)
    from pypinyin import Style, lazy_pinyin

    chars = list(text)
    sounds = lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: ["?"] * len(s))
    if len(sounds) != len(chars):
        return text
    found = []  # (the word's place in the list, where): set right in the list's order, as each word was looked for in turn
    for i, heard in enumerate(sounds):
        for at, word, sound in _by_first_sound().get(heard, ()):
            if i + len(word) <= len(chars) and all(h in readings for h, readings in zip(sounds[i + 1:i + len(word)], sound[1:])):
                found.append((at, i, word))
    for _, i, word in sorted(found):
        chars[i:i + len(word)] = word
    return "".join(chars)


@lru_cache(maxsize=1)
def _by_first_sound() -> dict[str, list[tuple[int, str, tuple[frozenset[str], ...]]]]:
    """The words of ``_sounded`` by each reading of their first character (only those can start where that sound is heard)."""
    index: dict[str, list[tuple[int, str, tuple[frozenset[str], ...]]]] = {}
    for at, (word, sound) in enumerate(_sounded()):
        for reading in sound[0]:
            index.setdefault(reading, []).append((at, word, sound))
    return index


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:percent|per cent|pct)\b", re.IGNORECASE)


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc  # opencc-python-reimplemented: pure Python, its dictionaries ship in the wheel

    return opencc.OpenCC(config)


# Latin letters with accents (autocorrect writes "résumé" for resume): read as the bare letter, one for one.
_ACCENTED = re.compile(r"[\u00c0-\u00ff\u0100-\u017f]")


def _unaccented(m: re.Match) -> str:
    import unicodedata

    bare = unicodedata.normalize("NFKD", m.group(0))[0]
    return bare if bare.isascii() and bare.isalpha() else m.group(0)


# Emoji used for a verb: "can you 👀 this", "the empty ones → 🗑️", "🛑 run-3" (in the message's language).
_EMOJI = {"👀": ("看看", "look at"), "🔍": ("查", "check"), "🔎": ("查", "check"), "🗑️": ("删掉", "drop"), "🗑": ("删掉", "drop"),
          "🛑": ("停掉", "stop"), "⏹️": ("停掉", "stop"), "⏹": ("停掉", "stop"), "🚀": ("开始训练", "start training"),
          "▶️": ("继续", "resume"), "⏯️": ("继续", "resume")}
_OTHER_STEP = re.compile(r"few[- ]?shot|\bcot\b|思维链|增强|augment|convert|转成|转为|质检|quality|去重|dedup|占位|placeholder|\{\{|填|\bfill\b|替换|\binspect\b|评估|\beval(?:uate)?\b", re.I)
_RUN_NAMED = re.compile(r"(?<![\w./])[A-Za-z]+[-_][\w-]*\d(?![\w.]*\.(?:jsonl?|csv|xlsx?)\b)")
_EMOJI_RE = re.compile("|".join(sorted(map(re.escape, _EMOJI), key=len, reverse=True)))


# English idioms for our verbs, read as the plain words: "would it kill you to fill …?" asks for the fill, and "knock it on
# the head" stops a run.
_IDIOMS = [(re.compile(p, re.I), w) for p, w in ((r"\bwould it kill (?:you|ya) to\b", "could you"),
                                                 (r"\bknock (?:it|\S+) on the head\b", "stop it"),
                                                 (r"\bhook (?:me|us) up with\b", "give me"),  # "hook me up with epochs and lr"
                                                 (r"\bno'(?=\s+[a-z])", "not"),  # Scots: "Full training, no' the lora thing"
                                                 # a request said as a favour ("I should be obliged if they were dropped", "We'd be
                                                 # grateful if FILE were completed: …"): no what-if ("…if you would …" is left as it reads)
                                                 (r"\b(?:i|we)(?:'d|\s+would|\s+should|\s+shall)?\s+be\s+(?:most\s+|very\s+|much\s+|so\s+|ever so\s+|truly\s+)?(?:obliged|grateful|thankful|indebted)\s+if\s+(?!you\b)", "please "),
                                                 # the g dropped ("how's lj-2 comin' along?", "does convertin' to alpaca lose…")
                                                 (r"\b([A-Za-z]{2,}[b-df-hj-np-tv-z])in'(?=[\s,.!?;:]|-[a-z]|$)", r"\1ing"),  # (and "learnin'-rate")
                                                 # old words ("how doth the quality check decide…", "hath it finished?")
                                                 (r"\bdoth\b", "does"), (r"\bhath\b", "has"), (r"\bdost\b", "do"), (r"\bthy\b", "your"),
                                                 (r"\bthee\b", "you"), (r"\bthou\b", "you"))]


@remembered
def plain_chinese(text: str) -> str:
    """``text`` with Cantonese words in Mandarin and, when it holds Traditional characters, in mainland
    Simplified with mainland words (資料集 → 数据集, 檔案 → 文件); an emoji used as a verb as the word. Text without Chinese
    keeps its words."""
    zh = bool(rx.search(r"[\u3400-\u9fff]", text))
    if _OTHER_STEP.search(text):
        text = text.replace("🚀", " ")  # "few-shot 安排上!! … 冲冲冲🚀": cheering on another step, no launch of a run
    if "▶" in text and not _RUN_NAMED.search(text):
        text = rx.sub("▶️?", " 开始 " if zh else " go ", text)  # "👍 ▶️", "▶️ train FILE": play is go; with a run named, it resumes it
    text = _EMOJI_RE.sub(lambda m: f" {_EMOJI[m.group(0)][0 if zh else 1]} ", text)
    for idiom, plain in _IDIOMS:
        text = idiom.sub(plain, text)
    text = sound_alike(_PERCENT.sub(r"\1%", _ACCENTED.sub(_unaccented, text)))  # "10 percent" is "10%"; "微跳" is 微调; "résumé" is resume
    if not rx.search(r"[\u3400-\u9fff]", text):
        return text
    had_yao = "幺" in text
    text = _CANTONESE_RE.sub(lambda m: _CANTONESE[m.group(0)], text)
    text = _SAVE_POINT.sub("checkpoint", _ZHI.sub(lambda m: _ZHI_PLAIN[m.group(1)], text))
    text = _NOT_TAKEN.sub("不要", _IN_FACT.sub("其实是", _NOT_BUT.sub(r"不是\1\2是", text)))
    text = _XUE_LV.sub("学习率", _TUO.sub("掉", _FA.sub("吗", _REGIONAL_RE.sub(lambda m: _REGIONAL[m.group(0)], text))))
    text = _AI_WANT.sub("要", _DOUBLED_GE.sub(r"\1\1的", _M_NOT.sub(r"\1不\1", text)))
    text = _NORTHWEST_WU.sub(lambda m: _NORTHWEST_WU_PLAIN[m.group(0)], text)
    if _converter("t2s").convert(text) != text:  # Traditional characters: convert words too (not Simplified text:
        text = _converter("tw2sp").convert(text)  # tw2sp reads 么 as a Traditional character and writes 幺)
        text = text if had_yao else text.replace("幺", "么")
    text = _RECORDS.sub("条", text)
    text = _DIALECT_LE.sub("了", text)
    text = _XI_IS.sub("是", text)
    text = _SYNONYMS.sub(lambda m: _SYNONYM.get(m.group(0), "思维链"), text)
    for word, plain in _TAIWAN.items():
        text = text.replace(word, plain)
    return text

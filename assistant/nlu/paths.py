"""File names and paths in a request: faq.xlsx, ./data/qa.csv, "my file.jsonl", /etc/passwd,
把faq.xlsx转成jsonl (no spaces around the name in Chinese).

>>> [p.text for p in find_paths('把faq.xlsx转成jsonl, 再看看 "my file.jsonl" 和 ./data/qa.csv')]
['faq.xlsx', 'my file.jsonl', './data/qa.csv']
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.nlu import rx
from assistant.nlu.fuzzy import closest, distance

EXTENSIONS = "jsonl|json|ndjson|csv|tsv|xlsx|xlsm|xls|txt|parquet"
# Quoted text; a ' between letters is an apostrophe ("I'd", "don't"), not a quote.
# Any opening mark may close with any closing one (people type “x“), but a double opening quote does not close at a single
# opening one, nor the other way round: “…sheet(叫‘条款’)…” holds ‘条款’.
_INNER = r"[^\"“”‘’「」『』`«»‹›\n]"
_CLOSE = r"[\"“”‘’」』`»›]"
QUOTED = re.compile(rf"(?<![A-Za-z])'((?:[^'\n]|(?<=[A-Za-z])'(?=[a-z]))+?)'(?![A-Za-z])|"
                    rf"(?:“(?={_INNER}{{1,200}}(?!‘){_CLOSE})|‘(?={_INNER}{{1,200}}(?!“){_CLOSE})|[\"”’「『`«‹])({_INNER}{{1,200}}?){_CLOSE}")
# A name given bare after "named"/"called" ("a column named why", "the sheet called OTC"): data, like a quoted name.
# A question word as a field's name ("rationale field is why") is a name too.
NAMED_AS = re.compile(r"\b((?:named|called|titled) |(?:field|column|col)\s*(?:is|=|:)\s*(?=(?:why|what|how|which|who|when|where)\b))"
                      r"(?!the\b|a\b|an\b|it\b)[A-Za-z_][\w-]*", re.IGNORECASE)


def hide_names(text: str) -> str:
    """``text`` with bare names after "named"/"called" written as Q: the intent is read from the words around them."""
    return NAMED_AS.sub(r"\1Q", text)


# A name with a data extension; \w covers Chinese characters, so Chinese words glued to the
# name come along and are trimmed afterwards.
# A bracketed part inside a name ("保险条款QA(新).xlsx", "faq（终版）.csv") comes along when the brackets close.
_PART = r"(?:[\w./\\~:+&-]|\([^()\s]{1,12}\)|（[^（）\s]{1,12}）|\[[^\[\]\s]{1,12}\]|【[^【】\s]{1,12}】)"
_NAMED = re.compile(rf"(?<![\w./\\~-])((?:[A-Za-z]:)?{_PART}*?(?:[\w)-]|\([^()\s]{{1,12}}\)|（[^（）\s]{{1,12}}）|【[^【】\s]{{1,12}}】|\[[^\[\]\s]{{1,12}}\])\.(?:{EXTENSIONS}))(?![A-Za-z0-9_])",
                    re.IGNORECASE)
# "法规问答 final.xlsx", "客服数据 v2.csv": a Chinese name, one space, a version word (the name goes on across the space).
_VERSION_NAME = re.compile(r"^(?:final|v\d+(?:\.\d+)*(?:[_-][A-Za-z]{2,12})?|new|old|copy|backup|draft|latest|\d{1,8}|最终版|终版|副本|新版|旧版|(?:\d{1,4}|第[一二三四五六七八九十\d]{1,3})版)(?:\s*[(（]\d{1,2}[)）])?\.", re.I)
_VERB_WORD = re.compile(r"^(?:请|帮我|帮忙|麻烦)?(?:看|查|检|转|训|用|跑|读|打开|开始|做|处理|分析|质检|清洗|洗|微调|上传|导出|统计)\S{0,3}$")
_ZH_HEAD = r"((?:[A-Z]{1,6})?[\u4e00-\u9fff][\u4e00-\u9fff\w]{1,30}) $"
_ZH_BEFORE = re.compile(r"(?:^|(?<=\s))" + _ZH_HEAD)  # ("HR制度问答 v2.csv")
# …and before a version's name, after a colon too: "转 alpaca:泥塑教程问答 v2.csv"
_ZH_BEFORE_VERSION = re.compile(r"(?:^|(?<=[\s:：,，。;；!！?？、]))" + _ZH_HEAD)
# A word joined by hyphens or underscores before a version's name: "wick-troubleshooting v2.jsonl", "ramen_bot final.xlsx".
_JOINED_BEFORE = re.compile(r"(?:^|(?<=[\s:：,，(（]))([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+) $")
# An explicit path without an extension: /etc/passwd, ../../secret, ~/x. Not part of a URL.
_BARE = re.compile(r"(?<![\w./:~<-])((?:~|\.\.?)?/[\w.~-][\w./~-]*)")
_ASCII_TAIL = re.compile(rf"[A-Za-z./~\\][A-Za-z0-9_./\\~+-]*\.(?:{EXTENSIONS})$", re.IGNORECASE)
# A name with one space in it, when its folder is written: "data/faq v2.xlsx", "./raw/qa dump.csv".
_FOLDER_BEFORE = re.compile(r"(?:^|(?<=[\s\"'“‘(（]))((?:~|\.{1,2})?/?(?:[\w.~-]+/)+[\w.~-]+ )$")
# Words people glue in front of a Chinese file name: 把问答数据.xlsx转成… → 问答数据.xlsx
_ZH_PREFIXES = ("关于对", "关于为", "关于将", "关于把", "我说的是", "我指的是", "说的是", "指的是", "应该是", "要的是", "而是", "不是", "数据还是用", "数据还是", "文件还是", "数据就用", "数据用", "文件用", "还是用", "就用", "都用", "改用", "是用", "数据是", "文件是",
                "还是", "就是", "是", "请你帮我", "请您帮我", "你帮我", "您帮我", "请你", "请您", "根据", "按照", "依据", "参照", "看下", "查下", "瞅瞅", "瞧瞧", "看看", "请帮我", "帮我", "帮忙", "麻烦", "请", "把", "将", "对", "用", "给", "拿", "看一下",
                "查一下", "查查", "检查一下", "查看", "检查", "打开", "读取", "读一下", "分析", "统计", "转换", "上传的", "上传", "刚上传的",
                "刚才的", "我的", "我们的", "咱们的", "这个", "那个", "这份", "文件", "一下", "基于", "针对", "使用", "在", "从", "往",
                "不知道", "不确定", "想知道", "填到", "填进", "写到", "写进", "存到", "放到", "上传了", "传了", "发了")
# Adverbs and a pronoun said before a glued word: "刚把…", "我已经用…", "再拿…", "要不先拿…".
_ADVERBS = re.compile(r"^(?:(?:要不然|要不|不如|干脆|那就|那么)(?:我们|我|咱们|你)?(?:刚刚|刚才|刚|已经|重新|再|先|又|也|还|就|都)*|"
                      r"(?:我们|我|咱们|你)?(?:刚刚|刚才|刚|已经|重新|再|先|又|也|还|就|都)+)")
# One of our verbs at the head of what is left: "训练data.csv" is a verb and an ASCII name.
_VERB_HEAD = re.compile(r"^(?:看|查|检|转|训(?!练(?:计划|营|集|手册|大纲|课|方案))|跑|读|打开|开始|做|处理|分析|质检|清洗|洗|微调|上传|导出|统计|评估|增强|加|传|下载|生成|合并|删)")
# A verb or preposition ending the Chinese words right before an ASCII name: "…看看game_qa.jsonl", "根据faq.csv".
_GLUE_END = re.compile(r"(?:(?:查|检|检查|质检|测|跑|转|洗|清洗|处理|分析|统计|评估|增强|过)(?:一)?下|看看|看下|看一下|查查|查下|测测|用|根据|基于|按照|拿|把|将|对|给|是|质检|检查|清洗|转换|打开|读取|评估|增强|统计)$")
# An ASCII name that is only "QA" or "FAQ" (with a version): the Chinese words before it are its topic.
_GENERIC_TAIL = re.compile(rf"(?:FAQ|QA|Q&A)(?:[_-]?[A-Za-z0-9]{{1,8}})*\.(?:{EXTENSIONS})$", re.I)
# An English verb glued on with 一下 ("augment一下…"), and a Chinese look "done once" ("检查下…").
_ASCII_VERB_ONCE = re.compile(r"^[A-Za-z]{2,15}\s?(?:一下|下)")
_CHECK_ONCE = re.compile(r"^(?:检查|查|看|质检|清洗|转换?|评估)(?:一)?下")
# Words that begin a file name although they start like a glued preposition: 在线问答.csv keeps its 在.
_ZH_KEEP = ("是否", "在线", "从业", "拿手", "对话", "对比", "对照", "对账", "用户", "用例", "用药", "用电", "用水", "用气", "用车", "用餐", "用工", "用法", "请求", "请假", "请示", "请柬", "请款", "对接", "给付", "给水", "给排水", "对局", "对联", "对外", "在职", "在校", "在读", "从医", "把脉", "分析报告", "检查报告",
            "统计表", "统计数据", "文件夹", "查档", "查房", "查体", "查验", "查勘", "看板", "看护", "检查站", "检查点", "训练营", "训练场", "转换器", "转换率")


@dataclass(frozen=True)
class Found:
    """A path as written in the text and where it sits."""

    text: str
    start: int
    end: int


# Words that never belong to a file name written without quotes: articles, prepositions, our verbs.
_NOT_NAME_WORDS = frozenset("""placeholders placeholder a an the in on of to into from for with at by and or then first please pls plz file files dataset data
my our your this that these those is are was be it its check convert converting train training finetune fine-tune tune open inspect
look load read use using run start launch augment add aug few shot few-shot cot cot-ify quality clean dedup dedupe scan analyze analyse
evaluate eval show see view count me i we you can could would should do does did go make turn export save rows records samples via
as over out up now again later also just only quickly about what how which many any all some each every here there hi hey hello
thanks ok okay so but if not no yes fix give get got take took put called named -> => → summarize describe inspecting checking
let shall mean means namely i.e. e.g. gather guess think reckon hope noticed never mind edit i'd i'll i'm we'd we'll hand
mix merge split sample probe suggest resume stop kill review drop keep remove delete inside reformat rewrite transform redo render
rendered dump ds preview previewing fill filling adding deduping augmenting running fixing processing evaluating turning making doing
path format formatted process preprocess parse upload send sent attach check-out grab pull fetch build prep prepare uploaded
attached exported converted cleaned checked trained saved finished generated merged augmented fine-tuning finetuning using
converting checking loading reading opening cleaning inspecting need needs want wanna like have has had got saw see
is try tried fine-tune finetune re-run rerun help fill list populate compare score grade wash error errors said says qc ppl
lol gave diversify vary paraphrase reword rewords rephrase expand enrich balance shuffle dedupe diversifying still instead what's whats where's that's it's here's there's how's who's throughout across within
restructure survey audit vet scrub tidy furnish supply provide equip endow feed treat grant lend bless sanitize sanitise normalize normalise validate verify examine skim eyeball profile translate
trim chop slice sort filter rework repackage reshape lr_find lr-find lrfind find_lr find-lr lr range sweep update select touch""".split())
_VERBS = tuple(sorted(w for w in _NOT_NAME_WORDS if len(w) >= 5))
# A bracketed tag that is part of a name ("[draft]", "【终版】", "(2)"), and a word before a name: one of ours or such a tag.
# Words a count follows that are settings, not part of a name ("cot 80 faq.jsonl", "epochs 3 faq.csv")
_SETTING_WORDS = frozenset("cot fewshot shot shots epoch epochs step steps lr rank samples sample rows row examples example percent top".split())
_TAG_WORD = re.compile(r"\[[^\[\]\s]{1,12}\]|【[^【】\s]{1,12}】|\([^()\s]{1,12}\)")
_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Za-z0-9][\w&'.-]{0,30}|&|" + _TAG_WORD.pattern.replace(r"\(", r"\((?!\d{1,2}\))", 1).replace(r"\[", r"\[(?![xX ✓✔]\])", 1) + r") $")  # (not "(1)" numbering a list)


def _words_before(before: str, name: str) -> str:
    """Up to three words right before an unquoted name that are part of it ("legal faq.csv",
    "Customer FAQ (final).xlsx", "[draft] product_qa.xlsx"): none of them a verb (or a typo of one), an article
    or a preposition. A name written as a slug ("hr_policy_qa.csv") or with a folder takes only a bracketed tag."""
    if "/" in name or "\\" in name:
        return ""
    stem = rx.sub(r"\.[^.]*$", "", name)
    if len(stem) >= 3 and rx.search(rf"(?<![\w-]){re.escape(stem)}(?:\s+[A-Za-z]+){{1,2}}\s*$", before, re.I):  # (not "…final FINAL.xlsx")
        return ""  # "our identity scroll identity.json": the name said in words before the file's own
    slug = bool(rx.search(r"[_-]", name))
    taken = ""
    # "冻土观测 FAQ.jsonl 里的…", "草原活动问答 2024夏.xlsx 查下质量": a name whose own words say only what kind of file it is (问答,
    # FAQ, a date) opening the message takes the Chinese word spaced off before it
    opening = _GENERIC_STEM.match(stem) is not None and _ZH_OPENING.search(before) is not None
    # a name with a bracketed part ("产品问答 (副本) (2).jsonl", "[2024-05] 售后 FAQ.csv") takes its Chinese words too
    zh_words = not slug and (name[:1] in "[【(" or any(_TAG_WORD.fullmatch(w) for w in before.split()[-3:])
                             or bool((head := _SPACED_ZH_HEAD.search(before)) and not _shares_pair(head.group(0).split()[-1], stem)) or opening)
    # "把 开锁报价 FAQ.csv 转成…", "把 客服对话 导出.jsonl 转成 csv"; not "用 身份卷轴 宗门身份.json": the file said in words first (身份 in both)
    for _ in range(3):
        m = _WORD_BEFORE.search(before)
        if m is None and zh_words and (zh := _ZH_BEFORE.search(before)) \
                and (not _VERB_WORD.match(zh.group(1)) or rx.search(r"(?:集|数据|表|库|问答|题|稿)$", zh.group(1))) \
                and _strip_verbs(zh.group(1), spaced=True) == zh.group(1):
            taken, before = zh.group(1) + " " + taken, before[:zh.start(1)]
            continue
        word = m.group(1) if m else ""
        bracket = word[:1] in ("[", "【", "(")
        numbered = (not slug and rx.fullmatch(r"\d{1,4}", word) and (w2 := _WORD_BEFORE.search(before[:m.start(1)]))
                    and rx.fullmatch(r"[A-Za-z]{3,20}", w2.group(1)) and w2.group(1).lower() not in _NOT_NAME_WORDS | _SETTING_WORDS
                    and not _past_of(w2.group(1).lower()) and not _verb_typo(w2.group(1)))  # "turn troop 42 camp faq.xlsx into…"
        if numbered:
            taken, before = m.group(1) + " " + taken, before[:m.start(1)]
            continue
        if (rx.fullmatch(r"\d+(?:\.\d+)?(?:e-?\d+)?|--?[A-Za-z][\w-]*|(?:k|r|rank|ep|epochs?|steps?)\d+|\d+-?(?:shots?|ep|epochs?|steps?|k)", word, re.I)
                or bracket and rx.search(r"todo|urgent|asap|紧急|待办|加急", word, re.I)):
            break  # "cot 80 推理题.jsonl", "[TODO] 售后.xlsx", "fewshot k3 faq.jsonl": a count, a setting or a tag, not the name's
        if m and _NOUN_TOO.fullmatch(word) and not slug and _plain_word_before(before[:m.start(1)]):
            taken, before = word + " " + taken, before[:m.start(1)]  # "waiting list answers.jsonl", "layout help (final).xlsx"
            continue
        if m and not slug and _GENERIC_STEM.match(taken + stem) and word.lower() not in _NOT_NAME_WORDS - _NOUN_WORDS \
                and not word.endswith(".") and rx.fullmatch(r"[A-Za-z][A-Za-z&'-]*", word):
            taken, before = word + " " + taken, before[:m.start(1)]  # "scent training QA (final).csv", "helmet fitting Q&A v2.xlsx"
            continue
        if (not m or word.lower() in _NOT_NAME_WORDS or _past_of(word.lower()) or rx.search(r"[\u4e00-\u9fff]", word) and not (bracket and zh_words) or rx.fullmatch(r"[A-Za-z-]+ly|[A-Za-z]+-[A-Za-z-]+", word) or word.endswith(".")
                or not bracket and word != "&" and (slug or not word[0].isascii() or _verb_typo(word) and not _title_inside(word, taken, before[:m.start(1)]))):  # "inspcet faq.csv": a typo of a verb
            if word.lower() in ("lr", "range") and taken.lower().startswith("test "):
                return ""  # "lr range test planetarium.jsonl": the probe's name, not the file's
            break
        taken = m.group(1) + " " + taken
        before = before[:m.start(1)]
    return taken


# A Chinese word set apart by spaces right before a name, after 把/在/拿/用/将/对 and a space: the first word of a spaced name
# ("把 开锁报价 FAQ.csv 转成千帆格式"), as people space a name off from the words around it.
_SPACED_ZH_HEAD = re.compile(r"(?:^|(?<=[\s,，。;；:：!！?？]))(?:先|再|就)?[把在拿用将对]\s+"
                             r"(?!(?:帮我|帮忙|麻烦|劳驾|请你?|然后|接着|数据|文件|表格|这个|那个|这份|那份|我的|我们的?|你的?|俺的?|老板|亲|先|再)\s$)[\u4e00-\u9fff]{2,12}\s$")


# A name's own words that say only what kind of file it is ("QA (final)", "Q&A v2", "FAQ", "问答", "2024夏"): the words spaced off
# before it are the name's too.
# (in capitals: "smoke-test qa.jsonl" is a file named qa.jsonl)
_GENERIC_STEM = re.compile(r"(?:Q&A|QA|FAQ|问答|题库|语料)s?(?![A-Za-z])|\d{2,8}(?![\d.])")
# …and the words spaced off before it, opening the message, name things: no particle, pronoun or verb among them (not
# "问法太单一了 faq.jsonl", "可唔可以將 faq.csv")
_ZH_OPENING = re.compile(r"^\W*(?![\u4e00-\u9fff]*[了吗呢啊吧呀哦嘛啦太很要想帮请把将將给让用在是有没唔可我你您他它这那就都也还再先看查转训跑做加删改填])"
                         r"[\u4e00-\u9fff]{2,12}\s$")
# Our words that are nouns in a name too ("scent training QA.csv", "data quality FAQ.xlsx").
_NOUN_WORDS = frozenset("training quality data dataset review rows records samples sample list help error errors audit survey profile score grade format".split())


# Words of ours that are nouns too: inside a name after a word of its own ("waiting list answers.jsonl", "layout help (final).xlsx").
_NOUN_TOO = re.compile(r"list|help|desk|review|sample|quality|score|error|errors|survey|audit|profile", re.I)


def _shares_pair(word: str, stem: str) -> bool:
    """Do ``word`` and a name's stem share two characters in a row ("身份卷轴" and "宗门身份": the file said in words first)?"""
    return any(word[i:i + 2] in stem for i in range(len(word) - 1))


def _plain_word_before(before: str) -> bool:
    """Is the word right before a plain word of a name ("waiting" in "on waiting list answers.jsonl"), none of ours?"""
    m = _WORD_BEFORE.search(before)
    return bool(m) and bool(rx.fullmatch(r"[A-Za-z][a-z]{1,20}", m.group(1))) and m.group(1).lower() not in _NOT_NAME_WORDS \
        and not _past_of(m.group(1).lower()) and not _verb_typo(m.group(1)) and not rx.fullmatch(r"(?i)yo|guys|folks|team|sir|mate|bro|dude|pal", m.group(1))


def _title_inside(word: str, taken: str, before: str) -> bool:
    """Is ``word`` a capitalised word inside a name in title case ("open Cheese Counter QA v2.xlsx": "Counter" is no typo of count)?"""
    return word[:1].isupper() and taken[:1].isupper() and bool(before.strip())


def _past_of(word: str) -> bool:
    """"opened", "filled", "downloaded"? The past of a word that is never a name's ("Olivia opened identity.json")."""
    return word.endswith("ed") and (word[:-2] in _NOT_NAME_WORDS or word[:-1] in _NOT_NAME_WORDS or word[:-3] in _NOT_NAME_WORDS and word[-3] == word[-4])


def _verb_typo(word: str) -> bool:
    """"inspcet", "chekc": a typo of one of our verbs, its first letter kept ("wedding" is no "reading")."""
    verb = closest(word, _VERBS)
    return bool(verb) and verb[0] == word[0].lower()


def quoted(text: str, limit: int = 200) -> list[tuple[str, int, int]]:
    """Each quoted span: its inner text and where the quotes start and end."""
    return [(m.group(1) if m.group(1) is not None else m.group(2), m.start(), m.end())
            for m in QUOTED.finditer(text) if len(m.group(1) or m.group(2) or "") <= limit]


def _trim_zh(name: str, spaced: bool = False, after_space: bool = False) -> str:
    """The file name without the Chinese words glued in front of it. A path keeps its folders
    ("请把/data/售后FAQ.xlsx" → "/data/售后FAQ.xlsx"); a name written after a space or at the start
    ("把 客服FAQ.xlsx") is a Chinese file name, not words glued to an ASCII one."""
    slash = rx.search(r"[/\\]", name)
    if slash:
        start = slash.start()
        while start > 0 and rx.match(r"[A-Za-z0-9_.~:-]", name[start - 1]):
            start -= 1
        if start > 0 and start == slash.start():  # "标注/第二批.xlsx": a Chinese folder, not glued words
            return _strip_verbs(name)
        return _after_colon(name[start:], slash.start() - start)
    heading = rx.match(r"^【([^【】]{1,6})】(?=\S)", name)
    if heading and _VERB_HEAD.match(heading.group(1)) or heading and rx.fullmatch(r"查看|丢弃|保留|删除|填充|探测|待办|任务", heading.group(1)):
        name = name[heading.end():]  # "【转换】fin_cqa_train.jsonl → sharegpt", "【查看】x.jsonl": a heading that names the step, not the name's
    titled = rx.match(r"^【[^【】\s]{1,10}[·・][^【】\s]{1,10}】(?=\S)", name)
    if titled:
        name = name[titled.end():]  # "【卖花声·试探】售后问答_clean.jsonl": a tune's title and the verse's theme, a heading, not the name's
    if rx.search(r"[:：]", name):  # "转成jsonl:器官捐献热线问答.xlsx": no file name holds a colon; the words before it are the request's
        name = rx.split(r"[:：]", name)[-1]
    model_first = rx.match(r"^[\u4e00-\u9fff]{0,3}[A-Za-z][\w.-]*\d[\w.-]*(?:训练?|微调|跑|炼)(?:一下|下)?(?=[\u4e00-\u9fff])", name)
    if model_first:  # "用Qwen2-1.5B-Instruct训客服话术.jsonl": a base model and a verb glued in front of a Chinese file name
        name = name[model_first.end():]
    glued = not spaced or name.startswith(_ZH_PREFIXES) or bool(_ADVERBS.match(name))  # "把客服FAQ.xlsx": a verb glued on
    tail = _ASCII_TAIL.search(name)
    if tail and _GLUE_END.search(name[:tail.start()]) and not (spaced and rx.search(r"[_-]", name[:tail.start()])):
        glued = True  # (not "调度问答_清洗v2.jsonl": a name of its own, joined by "_")  # "跑个ppl看看game_qa.jsonl": the words before the ASCII name end with a verb or preposition
    if tail and tail.start() > 0 and not name[tail.start() - 1].isascii() and _GENERIC_TAIL.match(tail.group(0)):
        # "面粉厂质检QA.csv", "检查下香菇大棚QA.xlsx", "augment一下轨道巡检QA.csv": QA or FAQ names nothing alone; the Chinese
        # topic before it is the name's, less the verbs glued on
        topic = _strip_verbs(_CHECK_ONCE.sub("", _ASCII_VERB_ONCE.sub("", name)), after_space)
        head = topic[:len(topic) - len(tail.group(0))]
        if len(head) >= 2 and not (_VERB_HEAD.match(topic) and not topic.startswith(_ZH_KEEP)) and not rx.search(r"下$", head):  # ("帮我统计下qa.csv": verbs only)
            return topic
    if tail and tail.start() > 0 and not name[tail.start() - 1].isascii() and glued:
        rest = _strip_verbs(name, after_space)
        # "给牙科FAQ.jsonl", "检查一下客服FAQ.xlsx": a known word glued in front, then a Chinese head that is the name's own;
        # "帮我训练data.csv": the head is one of our verbs, so only the ASCII name is the file's.
        if (rest != name and len(rest) - len(tail.group(0)) >= 2 and not (_VERB_HEAD.match(rest) and not rest.startswith(_ZH_KEEP)) and not rest.startswith(("下", "一下"))
                and not _GLUE_END.search(rest[:len(rest) - len(tail.group(0))])):  # ("跑一下质量检查看看med.jsonl": verbs to its end)
            return rest
        return tail.group(0)
    return _strip_verbs(name, after_space)


def _after_colon(path: str, slash: int) -> str:
    """"质量检查:output/x.jsonl", "file:D:\\a.csv": a colon before the folder ends the words in
    front; a drive ("C:\\", "D:/") or a URL scheme ("http://") keeps its own colon."""
    drive = rx.search(r"[A-Za-z]:[\\/]", path)
    cut = path.rfind(":", 0, drive.start() if drive else slash)
    return path[cut + 1:]


# "我刚从客服系统里导出来一个文件叫售后问答_0615.xlsx", "…所以我想在数学题.jsonl里": a whole sentence typed with no space
# before the name; the name starts after the last word that introduces it.
_INTRODUCES = re.compile(r"叫做|名叫|叫|就用|用|在|把|给|对|将|从|拿|是")


def _after_run_on(name: str) -> str:
    stem = name[:name.rfind(".")] if "." in name else name
    if len(rx.findall(r"[\u4e00-\u9fff]", stem)) < 14:
        return name
    for m in reversed(list(_INTRODUCES.finditer(stem))):
        rest = name[m.end():]
        if m.start() >= 8 and len(rest.split(".")[0]) >= 2 and not (m.group(0) + rest).startswith(_ZH_KEEP):
            return rest
    return name


def _strip_verbs(name: str, spaced: bool = False) -> str:
    """``name`` without the verbs glued in front ("把问答数据.xlsx", "请把/data/x.csv", "打开标注/a.csv"). After a
    space ("在 用药咨询.csv") a one-character word is the name's own ("用药"): only longer ones are glued there.
    Adverbs before a glued word go with it ("刚把会员卡.xlsx", "我已经用售后.csv")."""
    name = _after_run_on(name)
    filler = rx.match(r"^[\w\u4e00-\u9fff]{0,24}(?:那个|就是)(?=[\w\u4e00-\u9fff]{2,}\.)", name)
    if filler and not name.startswith(_ZH_KEEP):  # "嗯那个就是帮我看一下那个保险问答.xlsx", "shot吧就是文言文翻译.jsonl": spoken filler
        name = name[filler.end():]
    inner = rx.match(r"^[A-Za-z0-9_\u4e00-\u9fff-]{1,14}?(?:从|把|将)(?=[\w\u4e00-\u9fff]{2})", name)
    if inner and not name.startswith(_ZH_KEEP) and name[inner.end() - 2:inner.end()] not in _HOLDS_PREPOSITION:
        name = name[inner.end():]  # "cot样本从门诊问答.csv里出": what comes before the preposition is the request's (not "麻将规则问答.csv")
    verb = rx.match(r"^(?:请你|请您|你|您)?(?:删除?掉?|去掉|加上?|做|生成|检查|质检|转换?|训练?|填)[\u4e00-\u9fff]{0,2}?(?:在|把|给|对|用|从)(?=[\w\u4e00-\u9fff]{2,}\.)", name)
    if verb:  # "删除掉在售后问答.jsonl里面": a verb and its preposition glued on ("删掉在线问答.csv": 在线 is the name's)
        name = name[verb.end() - 1:] if name[verb.end() - 1:].startswith(_ZH_KEEP) else name[verb.end():]
    before_then = rx.match(r"^[\w\u4e00-\u9fff]{1,12}?(?:之前|之后|以前|以后|的时候)(?:先|就|再)?(?:拿|用|把|给|对|将|从)(?=[\w\u4e00-\u9fff]{2,}\.)"
                           r"|^(?:应该|应当|需要)(?:先|再|去)?(?:查|看|用|跑|训|转|拿|检查)(?=[\w\u4e00-\u9fff]{2,}\.)", name)
    if before_then and not name[before_then.end():].startswith(_ZH_KEEP):
        name = name[before_then.end():]  # "正式训之前拿A320排故问答.csv", "应该查维修手册问答_ATA29.xlsx": a time or a modal and its verb glued on
    when = rx.match(r"^(?:刚刚|刚才|之前|上次|昨天|今天)(?=[\w\u4e00-\u9fff-]{2,}\.)", name)
    if when and not name.startswith(_ZH_KEEP):  # "刚才耳模保养.jsonl 那个写错了": when it was said, not the name
        name = name[when.end():]
    adverbs = _ADVERBS.match(name)
    if adverbs and name[adverbs.end():].startswith(_ZH_PREFIXES):
        name = name[adverbs.end():]
    changed = True
    while changed:
        changed = False
        once = rx.match(r"^[\u4e00-\u9fff]{1,3}?一下(?=[\w\u4e00-\u9fff]{3})|^(?:检查|查|看|质检|清洗|转换?|评估)下(?=[\u4e00-\u9fff]{2})(?![\u4e00-\u9fff]{1,4}[A-Za-z])", name)  # "质检一下售后工单.csv": a verb done "once"
        if once:
            name, changed = name[once.end():], True
        for prefix in _ZH_PREFIXES:
            if spaced and len(prefix) == 1 and prefix not in "把将用给":  # "把", "将", "用", "给" (but 用户, 给付…: _ZH_KEEP) never begin a name
                continue
            if name.startswith(prefix) and len(name) > len(prefix) + 4 and not name.startswith(_ZH_KEEP):
                name, changed = name[len(prefix):], True
    return name


# Words that end in a preposition's character: "麻将馆问答.jsonl" is a name, not "麻" + "将 馆问答.jsonl".
_HOLDS_PREPOSITION = ("麻将", "大将", "即将", "必将", "一把", "拖把", "火把", "自从", "服从", "随从", "侍从")


# A run id in the product's form and in others ("run-…", "20261203-1108", "lora-hk-0302", "sft_大促_0612"; Chinese only
# between separators: "run-0615不是run-0651" is two ids); names.find_run_id reads it.
RUN_ID = re.compile(r"(?<![A-Za-z0-9_-])(\d{8}[-_]\d{1,6}(?:-[A-Za-z0-9_.\u4e00-\u9fff-]*[A-Za-z0-9_\u4e00-\u9fff])?|(?:run|s?ft|job|train(?:ing)?|exp|lora|task)(?:[-_](?:[A-Za-z0-9.]+|[\u4e00-\u9fff]+(?=[-_])))*?[-_][A-Za-z0-9.]*\d[A-Za-z0-9_.-]*|(?:run|job|exp)#\d+[A-Za-z0-9_-]*)",
                    re.IGNORECASE)
_ERROR_WORD = r"\b\w*(?:Error|Exception|Warning|WARNING)\b"
# A pasted error message ("`Error: 12 unfilled placeholders in identity.json`", "KeyError: 'instruction'"): words, not a name.
_MESSAGE = re.compile(_ERROR_WORD + r"|Traceback|\w:\s+\S+\s+\S+")
# …and a file named inside one is the file the error was about, not necessarily the one meant.
IN_ERROR = re.compile(r"(?:\b\w*(?:Error|Exception)\b:?|报错了?|出错了?|\berror (?:said|says|mentions|was about)|\bthe error)(?:(?!\bbut\b|应该|其实|\bmeant\b)[^,，。;；!?！？\n]){0,40}$", re.I)


_ERROR_SPAN = re.compile(r"`[^`\n]*" + _ERROR_WORD + r"[^`\n]*`|" + _ERROR_WORD + r":[^,，。;；\n]*?(?=[,，。;；\n]|\.\s|$)")


def blank_errors(text: str) -> str:
    """``text`` with pasted error messages blanked (same length): their quoted words and names are the error's, not
    the fields or values the person asks for ("报错 KeyError: 'instruction',问题字段叫 prompt"). A run id inside one
    stays: it names the run the person asks about."""
    def blank(m: re.Match) -> str:
        span = m.group(0)
        keep = [(r.start(), r.end()) for r in RUN_ID.finditer(span)]
        return "".join(ch if any(a <= i < b for a, b in keep) else " " for i, ch in enumerate(span))
    templates = [(a, b) for name, a, b in quoted(text) if "{" in name]  # "templates 'Error: {q}' and …": a template's words, no error
    text = _ERROR_SPAN.sub(lambda m: m.group(0) if any(a <= m.start() < b for a, b in templates) else blank(m), text)
    for m in list(_QUOTED_FAILURE.finditer(text)):  # ""run_id ft-332 not found" — typo, it's ft-323": the id that failed is no longer meant
        outside = text[:m.start()] + text[m.end():]
        span = m.group(0) if not RUN_ID.search(outside) else ""
        text = text[:m.start()] + (blank(m) if span else " " * len(m.group(0))) + text[m.end():]
    return text


# A tool's failure quoted back: "Got "Sheet 'Sheet1' not found" — the sheet is called 'QA Master'", "报错“CUDA out of memory”,再启动一次".
_QUOTED_FAILURE = re.compile(r"[“\"「『]([^”\"」』\n]{0,80}?(?:\bnot found\b|\bfailed\b|\bout of memory\b|\bis empty\b|\bmust be\b|\binvalid\b|\bno such\b|"
                             r"\bdoes not exist\b|\bnot ready\b|\bnot allowed\b|找不到|不存在|失败|为空)[^”\"」』\n]{0,60})[”\"」』]", re.I)


# Someone else's words passed on: "Forwarding my advisor's note: '…'", "Client request, verbatim: \"…\"", "领导原话:「…」".
# A quote holding quotes of its own: "刘工微信原话：『sheet 用“二期”，…』", "Amy 说：“名字填成‘小安’…”".
_OUTER_QUOTE = re.compile(r"『([^』\n]{1,300})』|“((?:[^“”\n]|‘[^’\n]{0,40}’|「[^」\n]{0,40}」){1,300})”")
# Said before a quote that passes on someone else's instruction: "forwarded", "per the ticket", "老板在群里丢了一句",
# "Jess pinged me:", "Teams chat, Lena:".
_PASSED_ON = re.compile(r"一句(?:话)?\s*[:：]?\s*$|\b(?:pinged|messaged|texted|slacked|dm'?e?d)\b|(?-i:\b(?!Question|Answer|Prompt|Response|Output|Input|Instruction|Error|Warning|Example|Sample)[A-Z][a-z]{1,15})\s*[:：]\s*$|forward\w*|(?-i:\bFWD?\b)|\b[Ff]wd\b|verbatim|\bfyi\b|(?-i:\b[Ff]rom [A-Z][a-z]+\b)|\bnote\b|\bsays?\b|\bsaid\b|\bwrote\b|\bper (?:the|my|our)\b|\brequest\b|\bticket\b|"
                        r"\bmessage\b|\be-?mail\b|\basked\b|\bwants\b|邮件|原话|转达|转发|让我|要求|需求|说|写着|写的|留言|交代", re.I)


CITED_SOURCE = re.compile(r"手册|文档|说明书|\b(?:the )?(?:manual|docs?|documentation|guide|handbook|readme)\b", re.I)


def unquote_forwarded(text: str) -> str:
    """``text`` with the quotes around an instruction someone else gave taken away: the instruction passed on is the
    request ("Per the on-call note: 'resume ft-med-07 once the disk is cleared.' Disk is cleared now.")."""
    before = 0
    outer = [m for m in _OUTER_QUOTE.finditer(text) if rx.search(r"[‘’“”「」\"']", m.group(1) or m.group(2) or "")]
    spans = sorted(outer + [m for m in QUOTED.finditer(text) if not any(o.start() <= m.start() < o.end() for o in outer)], key=lambda m: m.start())
    for m in spans:
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        long_enough = len(inner.split()) >= 4 or len(rx.findall(r"[\u4e00-\u9fff]", inner)) >= 8
        said = _PASSED_ON.search(text[max(before, m.start() - 50):m.start()])  # the words outside any other quote
        if said and CITED_SOURCE.search(text[max(before, m.start() - 50):m.start()]):
            said = None  # "手册说“…”", "per the manual, '…'": advice cited, not an instruction passed on
        if long_enough and said and not _MESSAGE.search(inner) and not rx.search(r"[{|]", inner):  # a template is no instruction
            return text[:m.start()] + " " + inner + " " + text[m.end():]
        before = m.end()
    return text


def _is_path_like(inner: str) -> bool:
    inner = inner.strip()
    if _MESSAGE.search(inner) or inner.count(" ") >= 4:
        return False  # an error message or a sentence quoted back ("inspection found 23 possible duplicates in x.xlsx")
    return bool(rx.search(rf"\.(?:{EXTENSIONS})$", inner, re.IGNORECASE)) or inner.startswith(("/", "./", "../", "~/"))


_MARK_TAG = re.compile(r"^[【\[](?:批注|备注|注意|注|紧急|重要|提醒|通知|待办|加急|TODO|NOTE|URGENT|FYI)[】\]]\s*|^【[^】\s]{1,6}】\s*(?=[A-Za-z0-9_])", re.I)
_LABEL = re.compile(r"^(?:[\u3400-\u9fff]{1,14}|[A-Za-z]{2,12}(?=[:：][^\\/])|file|data|path|source|input|dataset)?[:：]\s*(?![\\/])", re.I)


def find_paths(text: str) -> list[Found]:
    """Paths in ``text`` in the order they appear (quoted ones may hold spaces)."""
    found: list[Found] = []
    titled = [(m.group(1), m.start(), m.end()) for m in rx.finditer(r"《([^《》\n]{1,80})》", text)]  # "兹将《政务热线FAQ v3.csv》转换为…"
    for inner, start, end in sorted(quoted(text) + titled, key=lambda q: q[1]):
        if _is_path_like(inner):
            told = rx.match(r"^\s*(?![A-Za-z]:[\\/])[^:：\\/]{1,40}[:：]\s*(?=\S+$)", inner)
            if told:  # "「转换完成:x_alpaca.json」", "\"Conversion done: x_alpaca.json\"": our report quoted back, the file it names
                found.append(Found(inner[told.end():].strip(), start + 1 + told.end(), end - 1))
                continue
            found.append(Found(inner.strip(), start, end))

    def free(a: int, b: int) -> bool:
        return not any(f.start <= a < f.end or a <= f.start < b for f in found)

    for m in _NAMED.finditer(text):
        if free(m.start(1), m.end(1)):
            name = _trim_zh(m.group(1), spaced=m.start(1) == 0 or text[m.start(1) - 1] in " \t\n,，;；:：(（!！?？。、",
                            after_space=m.start(1) > 0 and text[m.start(1) - 1] in " \t\n")
            start = m.end(1) - len(name)
            opened = rx.search(r"\(([^()\n,，;；:：]{1,20})$", text[:start]) if rx.match(r"[^()\s]*\)", name) else None
            if opened and " " in opened.group(1):  # "Glyph QA (draft 2).xlsx": a bracketed part with a space in it is the name's
                start, name = opened.start(), text[opened.start():start] + name
            folder = _FOLDER_BEFORE.search(text[:start])
            label = _LABEL.match(name)  # "augmentation:翻译数据.jsonl": a label glued on, no words before it are the name's
            if label and label.end() < len(name) and not folder:
                found.append(Found(name[label.end():], start + label.end(), m.end(1)))
                continue
            if folder and free(folder.start(1), start):  # "data/faq v2.xlsx": a folder, one space, the name
                start, name = folder.start(1), folder.group(1) + name
            elif words := _words_before(text[:start], name):  # "legal faq.csv", "Customer FAQ (final).xlsx", "[draft] qa.xlsx"
                start, name = start - len(words), words + name
                folder = _FOLDER_BEFORE.search(text[:start])
                if folder and free(folder.start(1), start):  # "data/train set (final).xlsx": the folder before those words
                    start, name = folder.start(1), folder.group(1) + name
            elif _VERSION_NAME.match(name) and (zh := _ZH_BEFORE_VERSION.search(text[:start])):
                head = _strip_verbs(zh.group(1))  # "看下 法规问答 final.xlsx" → "法规问答 final.xlsx"
                if len(head) >= 2 and not _VERB_WORD.match(head):
                    start, name = start - 1 - len(head), head + " " + name
                    if more := _words_before(text[:start], name):  # "应急预案 问答 v3.xlsx": a word more, the name's kind after it
                        start, name = start - len(more), more + name
            elif _VERSION_NAME.match(name) and (joined := _JOINED_BEFORE.search(text[:start])):
                start, name = joined.start(1), joined.group(1) + " " + name  # "wick-troubleshooting v2.jsonl": a joined word, then the version
            tag = _MARK_TAG.match(name)  # "【批注】essay_feedback.jsonl": a marking tag glued on, not the name's
            if tag and tag.end() < len(name):
                start, name = start + tag.end(), name[tag.end():]
            label = _LABEL.match(name)  # "数据:客服对话.jsonl", "再来一批:faq.jsonl": a list item's label, then the name
            if label and label.end() < len(name):
                start, name = start + label.end(), name[label.end():]
            found.append(Found(name, start, m.end(1)))
    for m in _BARE.finditer(text):
        if m.start(1) == len(text) - len(text.lstrip()) and rx.fullmatch(r"/[A-Za-z][\w-]*", m.group(1)):
            continue  # "/train 我的数据", "/help": a chat command opening the message, not a folder
        if free(m.start(1), m.end(1)) and len(m.group(1)) > 2:
            found.append(Found(m.group(1).rstrip("."), m.start(1), m.end(1)))
    return sorted(found, key=lambda f: f.start)


def match_attachment(name: str, attachments: list[str]) -> str | None:
    """The attached file whose base name is ``name`` (case-insensitive), latest first."""
    base = os.path.basename(name.replace("\\", "/")).lower()
    for path in reversed(attachments):
        if os.path.basename(path).lower() == base:
            return path
    return None


@lru_cache(maxsize=4096)
def _base(path: str) -> str:
    return os.path.basename(path).lower()


def mentioned_attachments(text: str, attachments: list[str]) -> list[Found]:
    """Attached files whose base name appears in ``text`` even without quotes ("my file.jsonl")."""
    hits: list[Found] = []
    lowered = text.lower()
    for path in reversed(attachments):  # the latest upload of a name wins
        if _base(path) not in lowered:  # the cheap test first: long chats carry many uploads
            continue
        base = os.path.basename(path)
        m = rx.search(rf"(?<![A-Za-z0-9_.-]){re.escape(base)}(?![A-Za-z0-9_])", text, re.IGNORECASE) if base else None
        if m and not any(h.start == m.start() for h in hits):
            hits.append(Found(path, m.start(), m.end()))
    return hits


def resolve_named(text: str, attachments: list[str]) -> list[Found]:
    """Paths named in ``text``; a name matching an attachment becomes that attachment's full path
    (an attachment's whole name wins over a shorter match inside it: "my file.jsonl")."""
    if not any(c in text for c in "./\\"):
        return []  # no extension and no separator: no file named (keeps long chats fast)
    out = mentioned_attachments(text, attachments)
    for f in find_paths(text):
        if not any(h.start <= f.start < h.end or f.start <= h.start < f.end for h in out):
            out.append(Found(match_attachment(f.text, attachments) or f.text, f.start, f.end))
    return _typos_put_right(text, sorted(out, key=lambda f: f.start))


# A name typed wrong and put right in the same message: "inspect fin_cqa_trian.jsonl -- ugh, *train, fin_cqa_train.jsonl",
# "帮我检查下 multi_conversaton.jsonl 打错了 是 qianfan/multi_conversation.jsonl", "train on v2.jsonl -- wait no, v3.jsonl";
# an extension put right: "reasoning_v3.jsnol... .jsonl obviously", "金融问答_v1.josnl,后缀打错了,.jsonl".
_TYPED_WRONG_WORDS = r"打错|拼错|写错|敲错|typo|can'?t type|\bobviously\b"
_TYPED_WRONG = re.compile(_TYPED_WRONG_WORDS, re.I)  # said after the right name
_PUT_RIGHT = re.compile(_TYPED_WRONG_WORDS + r"|\bsorry\b|\bi mean|\bi meant|\bwait\b|\bugh\b|\boops\b|\ber\b|\bactually\b|我是说|应该是|不好意思|哦不对|不对|呃|其实是|哦[,，]?\s*是|(?<!\n)\*(?=\S)", re.I)  # or between (a star glued to the word put right; "\n* " is a list's bullet)
_EXTENSION_ALONE = re.compile(rf"(?<![\w/\\.])\.({EXTENSIONS})\b", re.I)
_KNOWN_EXTENSIONS = set(EXTENSIONS.split("|"))
_MISTYPED_EXTENSION = re.compile(r"(?<![\w./\\])([\w\u4e00-\u9fff/-]*[\w\u4e00-\u9fff])\.([A-Za-z]{3,5})(?![A-Za-z])")


_COPY_SUFFIX = re.compile(r"\.(?:bak|old|orig|backup|copy|tmp)(?![\w.])", re.I)
_OTHER_EXTENSIONS = {"com", "org", "net", "edu", "gov", "yaml", "yml", "toml", "ini", "cfg", "conf", "log", "pdf", "doc", "docx", "png", "jpg",
                     "jpeg", "gif", "zip", "tar", "bin", "gguf", "html", "htm", "xml", "exe", "bak", "old", "orig", "tmp", "json5", "jsx",
                     "tsx", "css", "scss", "txt", "md", "py", "sh", "js", "ts", "cpp", "java", "copy", "safetensors", "csv~"}


def _typos_put_right(text: str, found: list[Found]) -> list[Found]:
    """``found`` with a name typed wrong and put right read as the right one (both spans then name it, so neither is read
    as anything else), and a mistyped extension put right by a bare one after it."""
    out = list(found)
    for i in range(1, len(out)):
        wrong, right = out[i - 1], out[i]
        if ((_PUT_RIGHT.search(text[wrong.end:right.start]) or _TYPED_WRONG.search(text[right.end:right.end + 24]))
                and 0 < distance(os.path.basename(wrong.text).lower(), os.path.basename(right.text).lower()) <= 3):
            out[i - 1] = Found(right.text, wrong.start, wrong.end)
    for i, f in enumerate(out):  # "sales_qa.jsonl.bak", "sales_prompts.jsonl.old": a copy's name, its extension and all
        copy = _COPY_SUFFIX.match(text, f.end)
        if copy and f.text.endswith(text[f.start:f.end]):
            out[i] = Found(f.text + copy.group(0), f.start, copy.end())
    fixed = _EXTENSION_ALONE.search(text)
    if fixed is not None:
        for m in _MISTYPED_EXTENSION.finditer(text, 0, fixed.start()):
            if (m.group(2).lower() not in _KNOWN_EXTENSIONS and distance(m.group(2).lower(), fixed.group(1).lower()) <= 2
                    and not any(f.start <= m.start(1) < f.end for f in out)):
                out = [f for f in out if not (m.start() <= f.start < m.end())]
                out.append(Found(f"{m.group(1)}.{fixed.group(1)}", m.start(), m.end()))
    for m in _MISTYPED_EXTENSION.finditer(text):  # "identity.jsn", "identity.jsno", "dataset.xlxs": a data file's extension mistyped
        ext = m.group(2).lower()
        if (ext not in _KNOWN_EXTENSIONS and ext not in _OTHER_EXTENSIONS and not any(f.start <= m.start(1) < f.end for f in out)
                and not any(distance(m.group(0).lower(), os.path.basename(f.text).lower()) <= 3 for f in out)  # ("….josnl……文件名打错了,….jsonl")
                and any(known[0] == ext[0] and distance(ext, known) <= 2 for known in ("json", "jsonl", "csv", "xlsx", "xls", "tsv"))):
            out.append(Found(m.group(0), m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)


# A dataset named without its extension, or with one mistyped: "fin_cqa_trian", "trainset_final_FINAL", "qa_pari.cvs",
# "客服语料_去重后". A name with an underscore in it, standing as a word; not a key ("q_col=subject"), not a field, a run or
# a setting ("the solution_steps field", "run pod_run_14", "max_steps").
_BARE_NAME = re.compile(r"(?<![\w./\\=:：{-])([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?:\.[A-Za-z]{2,5})?)(?![\w./\\=:：}(-])|"
                        r"(?:^|(?<=\s))([\u4e00-\u9fff]{2,}_[\w\u4e00-\u9fff]+)(?=\s|$)")
_SETTING_PART = re.compile(r"_(?:steps?|epochs?|rate|lr|r|rank|len|length|ratio|size|batch|accum\w*|warmup|field|col|column|"
                           r"samples?|scheduler|type|tokens|decay|general|model|dir|path|id|name|loss|acc\w*|ppl|f1|norm|"
                           r"time|runtime|answer|question|prompt|response|output|input|instruction|template|alpha|dropout|info|"
                           r"schedule|format|style|kind|mode|level|count|num)$|^(?:prompt|lora|per_device|num|gradient|learning|"
                           r"warmup|weight|cutoff|model_name|dataset_info)_[a-z]+$", re.I)
_FIELD_NEAR = re.compile(r"(?:field|column|col|key|列|字段|栏|键|sheet|tab|run|job|任务|rationale|推理|理由)(?:\s*(?:is|=|:|是|为|叫|called|named))?\W{0,3}$", re.I)
_FIELD_AFTER = re.compile(r"^\W{0,2}(?:field|column|col|key|列|字段|栏|键|sheet|tab|run\b|job\b|任务)", re.I)


TOOL_NAMES = ("inspect_dataset", "convert_dataset", "add_few_shot", "add_cot", "augment_instructions", "check_quality",
              "suggest_hyperparameters", "start_training", "training_status", "stop_training", "resume_training",
              "apply_quality_rule", "fill_placeholders", "evaluate_run", "probe_learning_rate")
"""Our tools' names, as the reader meets them written out (a call typed by hand, "I mean add_few_shot", "…还是说那是
suggest_hyperparameters 的活?"); the one list the readers share (never a dataset's name)."""


def bare_dataset_name(text: str) -> str | None:
    """The dataset a request names without a known extension ("train on trainset_final_FINAL 3 epochs"), else None.
    Read only when the step needs a file and no file is named otherwise; the tool resolves the name to the one file
    of the workspace it can mean, and says which it read."""
    for m in _BARE_NAME.finditer(text):
        name = m.group(1) or m.group(2)
        stem = name.rsplit(".", 1)[0] if m.group(1) and "." in name else name
        if (_SETTING_PART.search(stem) or _FIELD_NEAR.search(text[max(0, m.start() - 20):m.start()]) or stem in TOOL_NAMES
                or RUN_ID.fullmatch(stem) or rx.search(r"\brun ?(?:id|ID)\s*(?:是|is|=|:)?\s*$", text[max(0, m.start() - 12):m.start()])
                or _FIELD_AFTER.match(text[m.end():m.end() + 10]) or stem == name and rx.fullmatch(r"[A-Za-z]+_\d+", stem)  # "run_14" is a run, "tickets_2024.cvs" a file
                or rx.search(r"(?:\bnot|不是|而不是)\s*['\"“‘「]?\s*$", text[max(0, m.start() - 12):m.start()])
                and rx.search(r"\b(?:field|column|col|sheet|tab)\b|列|字段|栏", text, re.I)):  # ("the question field is 'parent_msg' not 'student_msg'")
            continue
        return name
    return None

"""Which of several files or runs a message means, when it names more than one.

"我这有 a.csv、b.jsonl 还有 c.jsonl,先看看 b.jsonl", "train_v1.jsonl is the old one … add few-shot to v2 only",
"run-0610 和 run-0611 都停了,0610 不要了,只续跑 run-0611": the one set aside loses, the one named again (in full or by
the part of its name only it has, "v2", "0610") wins.

>>> meant("qa.csv is last month's, this time it's qa_v2.csv: suggest settings for v2", ["qa.csv", "qa_v2.csv"])
'qa_v2.csv'
>>> meant("run-0701 and run-0702 both stopped; forget 0701, resume run-0702", ["run-0701", "run-0702"])
'run-0702'
"""
from __future__ import annotations

import os
import re

from assistant.nlu import rx
from assistant.nlu.numbers import parse_number

# Said right before a name to set it aside ("forget 0701", "不是 r8", "除了 a.csv"), or right after it ("0610 不要了",
# "a7f3c2 is fine", "old.csv 先不管").
_ASIDE_BEFORE = re.compile(r"(?:\bforget(?: about)?|\bskip|\b(?:isn'?t|is not|aren'?t)|\bignore|\bnot|\bleave|\bexcept|\bwithout|不是|别管|不管|除了|忽略|不带|不要|不用|"
                           r"\breplaces|\binstead of|\bcompare (?:it |this )?(?:with|to)|跟上次的?|和上次的?|比上次的?)\s*(?:the\s+)?$", re.I)
# Said right after a name to choose it: "train_set.jsonl is the one", "b.csv 才是要用的".
_CHOSEN_AFTER = re.compile(r"^\s*(?:is the (?:one|right one|correct one|one i (?:mean|meant|want))\b|才是|是要用的|是对的)", re.I)
# Said right before a name to choose it: "it should be qa_v2.csv", "应该是 b.csv", "新版是 X".
_CHOSEN_BEFORE = re.compile(r"(?:\b(?:it |that )?should (?:be|have been)|\bi meant|\bsame (?:for|on|with)|\bbut (?:for|on)|这次(?:换成?|用)?|这回(?:换成?|用)?|应该是|应该用|要用的是|新版是|换成|换用|改成|改用)\s*$", re.I)
_ASIDE_AFTER = re.compile(r"^\s*(?:的|那个|那份)?\s*(?:不要了|不用了|不用管|先不管|不管了|别管|就算了|算了|不急|先放着|(?:的|那个|那份)?\s*(?:先)?(?:留着|放着)?\s*(?:别动|不动|不用动|别碰|不要碰|不用碰)|(?:我)?(?:都|也)?(?:上周|昨天|之前)?(?:已经)?(?:查|检查|看|转|训|跑|用|做|评|评估|测)过(?:质量)?了|(?:is|was|can) (?:fine|ok|okay|old|done|stay|wait)\b|"
                          r"is the old (?:one|copy|version)\b|is outdated\b|是旧的|是旧版|是老版|是(?:去年|上个?月|上一?版)的|只(?:是)?(?:用来|拿来)?(?:对照|参考|比对)|仅供参考|"
                          r"(?:is|was) last (?:year|month|week)'s\b|(?:is )?(?:only |just )?for reference\b|later\b|(?:已经)?(?:训|跑|用)过了|是我故意停的)", re.I)
# A name given as the model of what to do to another: "像上次处理 A 那样", "照 A 的做法", "跟 ft-a01 一样的评估", "上次给 A 每个 prompt 加了…",
# "上个月用 A 训的", "Do the same conversion you did for A", "Same perplexity check as on A", "Last run on A used 3 epochs".
_LIKE_BEFORE = re.compile(r"(?:像|照着?|仿照|参照|如同|上次|上回|上个月|上周|之前|\blike (?:you did (?:for|on|with|to) )?|\byou did (?:for|on|with|to)|\bas (?:on|for|with)|"
                          r"\b(?:last|previous) (?:time|run|week|month)\b[^,，。;；.!?？\n]{0,12}?\b(?:on|for|with)\b)(?:(?!这次|这回|\bnow\b|\bthis time\b)[^,，。;；.!?？\n]){0,14}$", re.I)
_LIKE_AFTER = re.compile(r"\s*(?:的?(?:那样|一样|那次)|的(?:做法|方式|设置|参数))")
_LATTER = re.compile(r"后面那个|后一个|后者|\bthe latter\b|\bthe second one\b", re.I)
_FORMER = re.compile(r"前面那个|前一个|前者|第一个|第一份|头一个|\bthe former\b|\bthe first one\b", re.I)
# Parts of names that are ordinary words, not a name's own ("train", "data", "final").
_COMMON = frozenset("""data dataset file files qa faq train test dev eval run job lora sft ft v copy backup the and all a i""".split())


# The words people use for a part of a name: "改备份那个" is identity_bak.json, "清洗后那份" is train_clean.jsonl.
_SAID_AS = {"bak": ("备份", "backup"), "backup": ("备份", "bak"), "clean": ("清洗后", "清洗过", "洗过", "cleaned"),
            "cleaned": ("清洗后", "清洗过", "洗过", "clean"), "raw": ("原始", "清洗前"), "补充": ("supplement", "extra"),
            "final": ("最终", "终版"), "old": ("旧",), "new": ("新",), "清洗后": ("清洗过", "洗过", "清洗好", "cleaned", "clean"),
            "清洗前": ("原始", "没洗", "未清洗", "raw")}


def _stem_tokens(name: str) -> set[str]:
    """The parts of a name: split at separators, and where Chinese meets letters ("售后FAQ" → 售后, faq)."""
    stem = os.path.splitext(os.path.basename(name.replace("\\", "/")))[0] if "." in name else name
    parts = [p for t in rx.split(r"[-_.\s]+", stem) for p in rx.findall(r"[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+", t)]
    return {t.lower() for t in parts if t and t.lower() not in _COMMON}


def _full(text: str, name: str) -> list[tuple[int, int]]:
    """Where ``name`` is written in full ("a.csv" is not in "data.csv")."""
    return [(m.start(), m.end()) for m in rx.finditer(rf"(?<![A-Za-z0-9_.-]){re.escape(name)}(?![A-Za-z0-9_-])", text, re.I)]


def _mentions(text: str, name: str, own: set[str], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where ``name`` is mentioned: in full, or by a part of its name no other name has."""
    spots = _full(text, name)
    for token in own | {said for part in own for said in _SAID_AS.get(part, ())}:
        for m in rx.finditer(rf"(?<![A-Za-z0-9_.-]){re.escape(token)}(?![A-Za-z0-9_-])", text, re.I):
            if not any(a <= m.start() < b for a, b in taken):
                spots.append((m.start(), m.end()))
    return sorted(spots)


def set_aside(text: str, name: str) -> bool:
    """Every time ``name`` is written, it is set aside ("this replaces medical_v1.jsonl", "qa_pair.csv 是旧版", "跟上次的 X 比…")."""
    spots = _full(text, name)
    return bool(spots) and all(_aside_at(text, a, b) for a, b in spots)


def _aside_at(text: str, a: int, b: int) -> bool:
    """The name written at ``text[a:b]`` is set aside by the words around it ("forget X", "X 不用管了")."""
    return bool(_ASIDE_BEFORE.search(text[max(0, a - 14):a]) or _ASIDE_AFTER.match(text[b:b + 20]))


def meant(text: str, names: list[str]) -> str | None:
    """The name the message means among ``names`` (two or more distinct ones), or None when nothing singles one out."""
    distinct = list(dict.fromkeys(names))
    if len(distinct) < 2:
        return None
    tokens = {n: _stem_tokens(n) for n in distinct}
    for n in distinct:  # "售前问答" and "售后问答": a Chinese name's own part is what is left of it without the shared ending
        for mine in [t for t in tokens[n] if rx.fullmatch(r"[\u4e00-\u9fff]{3,}", t)]:
            for other in [t for o in distinct if o != n for t in tokens[o] if rx.fullmatch(r"[\u4e00-\u9fff]{3,}", t) and t != mine]:
                shared = len(os.path.commonprefix([mine[::-1], other[::-1]]))
                if shared and len(mine) - shared >= 2:
                    tokens[n].add(mine[:len(mine) - shared])
    taken = [spot for n in distinct for spot in _full(text, n)]
    spots = {n: _mentions(text, n, tokens[n] - set().union(*(tokens[o] for o in distinct if o != n)), taken) for n in distinct}
    aside = {n for n, where in spots.items()
             if any(_aside_at(text, a, b) for a, b in where)}
    left = [n for n in distinct if n not in aside]
    if len(left) == 1:
        return left[0]
    chosen = [n for n in left if any(_CHOSEN_AFTER.match(text[b:b + 20]) or _CHOSEN_BEFORE.search(text[max(0, a - 20):a]) for a, b in spots[n])]
    if len(chosen) == 1:
        return chosen[0]
    models = [n for n in left if spots[n] and all(_LIKE_BEFORE.search(text[max(0, a - 30):a]) or _LIKE_AFTER.match(text, b) for a, b in spots[n])]
    if len(left) - len(models) == 1 and models:
        return next(n for n in left if n not in models)  # "像上次处理 A 那样,把 B 也转成千帆格式", "the same check you did for A, now on B"
    if (by_size := _by_size(text, left)) is not None:
        return by_size
    if (by_count := _by_count(text, left)) is not None:
        return by_count
    if (by_most := _by_most(text, left)) is not None:
        return by_most
    if (by_value := _by_value(text, left)) is not None:
        return by_value
    if (by_date := _by_number_in_name(text, left)) is not None:
        return by_date
    if (by_part := _by_part(text, left)) is not None:
        return by_part
    if (by_words := _by_description(text, left)) is not None:
        return by_words
    if _LATTER.search(text):  # "A 和 B 两个,先检查后面那个", "look at the final one" is a name's own word
        return distinct[-1]
    if _FORMER.search(text):
        return distinct[0]
    counts = sorted(((len(spots[n]), n) for n in left), reverse=True)
    if len(counts) >= 2 and counts[0][0] > counts[1][0] and counts[0][0] >= 2:
        return counts[0][1]
    firsts = sorted((spots[n][0][0], n) for n in left if spots[n])
    lasts = sorted((spots[n][-1], n) for n in left if spots[n])
    last_sentence = max((m.end() for m in rx.finditer(r"[.。!！?？\n](?=\s*\S)(?![A-Za-z0-9])", text[:lasts[-1][0][0]])), default=0) if lasts else 0
    if (len(left) == 2 and len(firsts) == 2 and firsts[1][0] - firsts[0][0] <= 25 and lasts[-1][0][0] > firsts[1][0] + 10
            and all(len(spots[n]) >= 2 for n in left) and not rx.search(r"[.。!！?？\n]\s*\S", text[lasts[-1][0][1]:])
            and last_sentence > 0 and not any(a >= last_sentence for a, _ in spots[lasts[0][1]])):
        # "exp_lr1 跟 exp_lr2 都在跑,lr1 的 loss 更低,留着它,把 exp_lr2 停了", "I've got v1.csv and v2.csv. … Inspect v2.csv.": two
        # named together, then the one the request at the end names
        return lasts[-1][1]
    return None


# Runs told with a number each, then one picked by it: "run-a1 的验证 loss 是 1.32,run-a2 是 1.08,就评估 loss 低的那个", "Human
# ratings: r-08 scored 74, r-09 scored 61. If the worse one is still running, stop it."
_LOWER = re.compile(r"低的|小的|更低|更小|最低|最小|\blower\b|\blowest\b|\bsmaller\b|\bsmallest\b|\bless\b", re.I)
_HIGHER = re.compile(r"高的|大的|更高|更大|最高|最大|\bhigher\b|\bhighest\b|\bbigger\b|\bbiggest\b", re.I)
_BETTER = re.compile(r"好的那|更好|最好|强的|\bbetter\b|\bbest\b|\bstronger\b|\bwinner\b", re.I)
_WORSE = re.compile(r"差的|更差|最差|弱的|\bworse\b|\bworst\b|\bweaker\b|\bloser\b", re.I)
_LOSS_LIKE = re.compile(r"loss|损失|困惑度|perplexity|\bppl\b|error|错误率", re.I)
_VALUE_AFTER = re.compile(r"^[^\d,，;；。\n]{0,24}?(\d+(?:\.\d+)?(?:e-?\d+)?)", re.I)


def _told_after(text: str, names: list[str], pattern: re.Pattern) -> dict[str, float]:
    """The number ``pattern`` finds right after where each name is first written in full ("run-a1 … 1.32", "X(3 万条)"), for
    the names that have one."""
    told = {}
    for n in names:
        spot = _full(text, n)
        m = pattern.match(text[spot[0][1]:]) if spot else None
        if m and (value := parse_number(m.group(1).replace("~", "").strip().rstrip(".,"))) is not None:
            told[n] = value
    return told


def _after_names(text: str, names: list[str]) -> str:
    """What is said after the last of ``names`` is written in full: where the pick is made ("…, evaluate the lower one")."""
    spots = [b for n in names for _, b in _full(text, n)]
    return text[max(spots):] if spots else text


def _by_value(text: str, names: list[str]) -> str | None:
    """Of runs each told with a number, the one a word of comparison picks ("the lower one", "差的那个"); else None."""
    values = _told_after(text, names, _VALUE_AFTER)
    if len(values) < max(2, len(names)) or len(set(values.values())) < len(values):
        return None
    tail = _after_names(text, names)
    loss = bool(_LOSS_LIKE.search(text))
    if _LOWER.search(tail):
        want_min = True
    elif _HIGHER.search(tail):
        want_min = False
    elif _BETTER.search(tail):
        want_min = loss
    elif _WORSE.search(tail):
        want_min = not loss
    else:
        return None
    return (min if want_min else max)(values, key=values.get)


# The newest or oldest of names that differ by a date or a number: "客服_0402.jsonl 和 客服_0519.jsonl,用日期新的那个", "run the check
# on whichever is newest", "看一下编号大的那个 run 的状态:run-77、run-81".
_NEWEST = re.compile(r"(?:日期|时间)?(?:最)?新的(?:那个|那份|那一份)|日期(?:最|更)?新|最新的?(?:那个|那份|一份|一版)|编号(?:最|更)?大|号(?:码)?(?:最|更)?大的|"
                     r"\b(?:the )?(?:newest|latest|most recent|newer)(?: one| file| version| run)?\b|\b(?:higher|bigger|larger|highest|biggest|largest) (?:number|id)\b", re.I)
_OLDEST = re.compile(r"(?:日期|时间)?(?:最)?(?:旧|早)的(?:那个|那份|那一份)|日期(?:最|更)?(?:旧|早)|编号(?:最|更)?小|号(?:码)?(?:最|更)?小的|"
                     r"\b(?:the )?(?:oldest|earliest|older)(?: one| file| version| run)?\b|\b(?:lower|smaller|lowest|smallest) (?:number|id)\b", re.I)


def _by_number_in_name(text: str, names: list[str]) -> str | None:
    """Of names that differ only by the digits in them, the newest (largest) or oldest one the message asks for; else None."""
    bare = text
    for n in names:
        bare = rx.sub(re.escape(n), " ", bare, flags=re.I)
    newest, oldest = _NEWEST.search(bare), _OLDEST.search(bare)
    if bool(newest) == bool(oldest):
        return None
    digits = {n: "".join(rx.findall(r"\d", os.path.splitext(os.path.basename(n))[0] if "." in n else n)) for n in names}
    if not all(digits.values()) or len(set(digits.values())) < len(names) or len({len(d) for d in digits.values()}) > 1 and not all(
            len(d) <= 4 for d in digits.values()):
        return None
    return (max if newest else min)(names, key=lambda n: int(digits[n]))


# The one pointed at by a part only its name has: "legal_v3.csv or legal_v3b.csv... the b one", "是 X 还是 Y……带 b 的",
# "edu_qa_0601.jsonl 还是 0602?0602 的".
_PART_POINTED = re.compile(r"\bthe ([A-Za-z0-9.-]{1,10}) (?:one|file|version)\b|带\s*([A-Za-z0-9.-]{1,10})\s*的|(?:^|[?？。.,，…\s])([A-Za-z0-9.-]{1,10})\s*的(?:那个|那份)?\s*[,，。]", re.I)


def _by_part(text: str, names: list[str]) -> str | None:
    stems = [os.path.splitext(os.path.basename(n))[0].lower() for n in names]
    head = len(os.path.commonprefix(stems))
    rests = [stem[head:] for stem in stems]  # "cable_v2" and "cable_v2b": only "b" tells them apart
    for m in _PART_POINTED.finditer(text):
        if rx.match(r"\s*(?:is|was|can|stays?)\s+(?:parked|on hold|set aside|ignored|old|outdated|done|fine|wait)\b|\s*(?:先)?(?:放着|放一边|不管|不用管|别动)", text[m.end():], re.I):
            continue  # ("the zh one is parked for now. Suggest … for medqa_en.jsonl": the part set aside)
        part = (m.group(1) or m.group(2) or m.group(3)).lower()
        if part in _COMMON or part in ("small", "big", "smaller", "bigger", "other", "first", "second", "last", "new", "old", "right"):
            continue
        for pool in (rests, stems):
            having = [n for n, where in zip(names, pool) if part in where]
            if len(having) == 1:
                return having[0]
    return None


# Of files each told with a count, the one with the most or the fewest: "qa_2022.jsonl 两千条、qa_2023.jsonl 八千条、qa_2024.jsonl 五百条。
# 条数最多的那个查一下质量", "qa_2022.jsonl has 2k rows, qa_2023.jsonl 9k, qa_2024.jsonl 400. Check quality on the biggest."
_MOST = re.compile(r"(?:条数|行数|数据量)?最多|最大的?(?:那个|那份)|\bthe (?:biggest|largest)\b|\bthe most (?:rows|records|samples|data)\b", re.I)
_FEWEST = re.compile(r"(?:条数|行数|数据量)?最少|最小的?(?:那个|那份)|\bthe (?:smallest|tiniest)\b|\bthe fewest\b", re.I)


def _by_most(text: str, names: list[str]) -> str | None:
    sizes = _told_after(text, names, _SIZE_AFTER)
    tail = _after_names(text, names)
    most, fewest = _MOST.search(tail), _FEWEST.search(tail)
    if len(sizes) < max(2, len(names)) or len(set(sizes.values())) < len(sizes) or bool(most) == bool(fewest):
        return None
    return (max if most else min)(sizes, key=sizes.get)


# Files or runs each described, then one picked by its description: "a.csv 是去年的老数据,b.csv 是刚标完的新数据,… 先看看新标的那份",
# "old.csv (last year's data), fresh.csv (just labeled) … the freshly labeled one", "run-b1 was on the old data, run-b2 on the new
# data. Evaluate the new-data one.", "…multi_conversation.jsonl(多轮)、qa_pair.csv(单轮问答对)。单轮那个看一下".
_POINTING = re.compile(r"\bone\b|那份|那个|那一份|那套|那次|那版|那组", re.I)
_FILLER_ZH = set("的那个份是一这了数据文件和与及还也都就先看下帮我把给用转查训加删停评跑成格式")
_TOLD_AS = re.compile(r"\s*(?:也|都|则|就)?(?:[(（]|是|为|[:：]|—|-{1,2}\s|用的|用了|\s(?:is|was|were|has|had|used|=)\b|\s+on the\b)", re.I)
_FILLER_EN = {"the", "one", "a", "an", "of", "on", "in", "with", "was", "is", "used", "has", "have", "and", "data", "file", "rows",
              "take", "look", "at", "check", "evaluate", "inspect", "convert", "stop", "run", "please", "just", "that", "this", "to",
              "for", "from", "it", "its", "set", "got", "i've", "three", "two", "some"}


def _said_words(text: str) -> set[str]:
    """The words of ``text`` that can tell things apart: Chinese characters and English stems, less fillers."""
    zh = {c for c in rx.findall(r"[\u4e00-\u9fff]", text) if c not in _FILLER_ZH}
    en = {w.lower()[:5] for w in rx.findall(r"[A-Za-z]{3,}", text) if w.lower() not in _FILLER_EN}
    return zh | en


def _by_description(text: str, names: list[str]) -> str | None:
    """Of names each told with a few words, the one the last sentence points at by its words ("the new-data one")."""
    spots = sorted((b, n) for n in names for _, b in _full(text, n)[:1])
    if len(spots) < max(2, len(names)):
        return None
    ends = [m.start() for m in rx.finditer(r"[.。!！?？;；\n](?=\s*\S)(?<!\.\w)", text)]
    last = max((e for e in ends if e >= spots[-1][0]), default=None)
    if last is None or not _POINTING.search(text[last + 1:]):  # ("…,都跑完了,测一下新数据那个": the clause that points)
        last = max((m.start() for m in rx.finditer(r"[,，]", text) if m.start() >= spots[-1][0]), default=None)
    if last is None:
        return None
    pick = text[last + 1:]
    if not _POINTING.search(pick) or any(_full(pick, n) for n in names):
        return None
    wanted = _said_words(pick)
    scores = {}
    for i, (b, n) in enumerate(spots):
        until = spots[i + 1][0] - len(spots[i + 1][1]) if i + 1 < len(spots) else last
        told = rx.split(r"[,，、;；。]\s*(?=\S*\.\w{2,5}\b|run)", text[b:until])[0]
        if not _TOLD_AS.match(told):
            told = ""  # (only words told of it: "(身份数据)", "是去年的老数据", "was on the old data", "used lr 5e-5")
        scores[n] = len(wanted & (_said_words(told) | _said_words(" ".join(_stem_tokens(n)))))
    best = sorted(scores.values(), reverse=True)
    return max(scores, key=scores.get) if best[0] > 0 and best[0] > best[1] else None


# The small or the big one of two files: "sales_all.xlsx(3 万条)和 sales_sample.xlsx(500 条),小的那个转成 alpaca", "Two files:
# manual_full.xlsx (25k rows) and manual_excerpt.xlsx (400 rows). Convert the small one", "大文件 X,小文件 Y。小的拿去跑…".
_SMALL_PICKED = re.compile(r"小的(?:那个|那份|那一份|拿去|拿来|用来)?|小文件|\bthe small(?:er)? (?:one|file)\b|\bsmall file\b", re.I)
_BIG_PICKED = re.compile(r"大的(?:那个|那份|那一份|拿去|拿来|用来)?|大文件|\bthe (?:big|bigger|large|larger) (?:one|file)\b|\b(?:big|large) file\b", re.I)
_SMALL_NAME = re.compile(r"small|sample|excerpt|lite|mini|pilot|subset|小|精简|抽样", re.I)
_BIG_NAME = re.compile(r"big|full|\ball\b|_all|complete|master|large|大|全量|完整", re.I)
_SIZE_AFTER = re.compile(r"^[^,，;；。.\n\d一二两三四五六七八九十]{0,16}?(~?\s*[\d][\d,.]*\s*[kK万千]?|[一二两三四五六七八九十百千万]+)\s*(?:多|来|余)?\s*(?:条|行|rows?|records?|samples?)?")


# The one pointed at by the count told beside it: "the 2,400-row one", "3000 条的那个", "800 行那份".
_COUNT_POINTED = re.compile(r"\b(\d[\d,]*(?:\.\d+)?\s*[kK]?)[- ]?(?:rows?|records?|samples?|lines?|entries)\s+(?:one|file|version|set)\b|"
                            r"(\d[\d,]*(?:\.\d+)?\s*[kK万千]?)\s*(?:多|来|余)?\s*(?:条|行)\s*(?:的)?\s*(?:那个|那份|那一份|那套)", re.I)


def _by_count(text: str, names: list[str]) -> str | None:
    """Of files each told with a count, the one a count of them points at ("the 2,400-row one"); else None."""
    sizes = _told_after(text, names, _SIZE_AFTER)
    if len(sizes) < 2:
        return None
    for m in _COUNT_POINTED.finditer(text):
        value = parse_number((m.group(1) or m.group(2)).replace(",", "").strip())
        having = [n for n, size in sizes.items() if value is not None and size == value]
        if len(having) == 1:
            return having[0]
    return None


def _by_size(text: str, names: list[str]) -> str | None:
    """Of two files, the small or the big one when the message picks by size: by the counts told beside them, else by their
    names' own words ("sample", "full")."""
    tail = _after_names(text, names)
    small, big = _SMALL_PICKED.search(tail), _BIG_PICKED.search(tail)
    if len(names) != 2 or bool(small) == bool(big):
        return None
    sizes = _told_after(text, names, _SIZE_AFTER)
    if len(sizes) == 2 and len(set(sizes.values())) == 2:
        return (min if small else max)(sizes, key=sizes.get)
    stems = {n: os.path.splitext(os.path.basename(n))[0] for n in names}
    marked = [n for n in names if (_SMALL_NAME if small else _BIG_NAME).search(stems[n])]
    if len(marked) == 1:
        return marked[0]
    other = [n for n in names if (_BIG_NAME if small else _SMALL_NAME).search(stems[n])]
    return next(n for n in names if n not in other) if len(other) == 1 else None

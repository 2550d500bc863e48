"""A request for the learning-rate probe ("跑一下学习率探测", "do an LR range test") and its step count.

    >>> asks_probe("跑 20 步学习率探测"), probe_steps("跑 20 步学习率探测"), asks_probe("学习率用多少合适?")
    (True, 20, False)
    >>> asks_probe("run the lr probe with 12 steps"), probe_steps("run the lr probe with 12 steps")
    (True, 12)

"学习率用多少合适?" stays a question for the advice, which offers the probe; a question about the probe
("what is a learning-rate probe?") is explained, never run (the planner checks the speech act first).
"""
from __future__ import annotations

import re

from assistant.nlu import rx
from assistant.nlu.numbers import find_numbers, parse_number

# The rate asked for, then the data to try it on: "看看学习率多大合适,用 FILE 试"
_RATE_THEN_TRY = r"学习率[^。;；!！?？]{0,12}(?:多大|多少)(?:比较)?合适[^。;；!！?？]{0,4}[,，]\s*(?:用|拿|在)\s*(?:FILE)?\s*(?:上)?\s*(?:试|跑|测)"
PROBE = re.compile(_RATE_THEN_TRY + "|"
    # "用 FILE 跑 30 步,看看学习率合不合适": a few steps run to see whether the rate fits
    r"\d+\s*步[,，\s]*(?:来)?看(?:看|一下|下)?\s*(?:学习率|(?<![a-z])lr\b)\s*(?:合不合适?|合适不|合适吗|行不行|对不对|怎么样|是否合适|大不大|高不高)|"
    # "拿 FILE 去试试水温,看看 lr 落在哪", "试 lr 跑 300 步", "学习率要不要先探一下": the rate tried out
    r"试跑(?:一?下|一把|几步)?\s*(?:学习率|(?<![a-z])lr(?![a-z]))|(?<![A-Za-z])lr_range_test\b|(?<![\u4e00-\u9fff])探\s*\d+\s*步|(?<![\u4e00-\u9fff])探测(?=\s*(?:别|不要|先别|改|再)?\s*(?:跑|改成?)?\s*\d+\s*步)|试试?水温[^。;；!！?？]{0,30}?(?:(?<![a-z])lr(?![a-z])|学习率)|看看?\s*(?:(?<![a-z])lr(?![a-z])|学习率)\s*(?:落在|在)哪|(?<![\w一-龥])试\s*(?:lr|学习率)(?![a-z])|学习率\S{0,6}?探一下|"
    r"(?:学习率|(?<![a-z])lr\s*)(?:的)?(?:探测|探针|范围测试|测试|扫描|扫一?下|扫一遍|区间测试|试探)|学习率[^。;；?？!！]{0,24}(?:测一?下|测测|实测|试一?下|试一把|试试)(?!效果)|学习率[^。;；!！]{0,60}?摸(?:一)?下(?![\u4e00-\u9fff]{0,2}(?:数据|文件))|(?:(?<![a-z])lr|学习率|learning[- ]rate)\s*(?:vs\.?|-|–|对|和|与)\s*loss\s*(?:的)?\s*(?:curve|曲线)|(?:学习率|(?<![a-z])lr\b)[^。;；?？!！]{0,24}(?:扫一?下|扫一遍|扫扫)|(?:探测|扫|测|探|试探|摸|试)一?(?:下|遍|探)?学习率|学习率\S{0,6}?(?:探一探|探探|扫一扫|测一测|试一试)|学习率(?:的)?(?:范围|区间)(?!内)|(?:小跑|跑)\S{0,4}找(?:找|一下)?(?:哪个|合适的|最佳的?|最好的?)学习率|试(?:一?下|试)?(?:哪个|哪些|不同的?|几个)学习率|跑(?:个|一个|一次|一下|下)?(?:学习率)?探测|(?:做|跑)(?:个|一个|一下|下)?\s*probe\b|学习率[^。;；?？!！]{0,24}跑(?:个|一个|一下)?(?:快速|简单)?的?扫描|试一?下哪个(?:范围|区间|值)合适|"
    r"(?<![A-Za-z])(?:lr|learning[- ]rate)\s+(?:range\s+)?(?:probe|probing|range test|finder|sweep|scan|test)s?(?![A-Za-z])|学习率[^。;；!！?？]{0,20}?(?:测一测|试一试)|学习率的?\s*(?:小|快速的?|简单的?)?(?:测试|实验)(?!集)|学习率的?\s*试水|\bfinds? (?:the |a )?(?:right|best|optimal|good|ideal) (?:learning rate|lr)\b|(?:确定|定下|找出)(?:一下)?(?:合适|最佳|最优)的?学习率|学习率试探|(?<![a-z])lr\s*(?:的)?(?:范围|区间)(?!内)|"
    # "50-step probe on FILE", "Ping the learning rate", "100 步的学习率试运行": a probe by its length, or the rate sounded out
    r"\b\d+[- ]?steps? (?:lr |learning[- ]rate )?probe\b|\bprobe (?:of|for|with) \d+\s*steps?\b|\bprobe (?:(?:on|of|for|into) )?(?:the |a |that |this |our |my |your )?(?:learn(?:ing|in'?) )?rates?\b|\bping (?:the )?(?:lr|learning[- ]rate)\b|学习率(?:的)?试运行|"
    # "Before I commit to an LR, run a quick sweep on FILE": the rate named, then a sweep
    r"\b(?:lr|learning rate)\b[^.!?]{0,50}?\b(?:run|do|kick off)\s+(?:a |the )?(?:quick |short |small )?(?:sweep|range test|scan)\b|"
    # "probe 500 steps on FILE", "Like I said, probe 300 steps": the probe asked for by its verb and a step count
    r"(?:^|[,.;:!?，。]\s*)(?:(?:please|pls|just|then|now|ok|okay|so)\s+)?probe\s+(?:for\s+)?\d+\s*steps?\b|"
    # "probe came back totally flat over 50 steps. rerun it on FILE with 300", "探测结果很平,再跑一次": the probe run again
    r"\bprobe\b[^?!]{0,80}?\b(?:re-?run|redo|run) it\b|探测[^?？!！]{0,40}?(?:再跑|重跑|重新跑)|"
    # "学习率应被探测,文件为 FILE", "学习率我不会定 你拿 FILE 跑个测试吧": the rate tested, said in other words
    r"学习率(?:应|需|要|该)?(?:被|予以)?(?:探测|测试)|学习率[^。;；!！?？]{0,12}(?:不会定|定不了|拿不准|不懂)[^。;；!！?？]{0,30}跑(?:个|一个|一下)?(?:小)?测试|"
    # "lr_range_test:\n  data: FILE\n  steps: 300\nrun it": the probe's settings pasted under its own name
    r"(?:^|\n)\s*(?:lr_range_test|lr_probe|range_test|lr_finder|probe_learning_rate)\s*:|"
    r"\bprobe\s*(?:the\s+|my\s+|一下\s*|下\s*)?(?:lrs?|learning[- ]rates?|学习率)\b|\bthe (?:lr |learning[- ]rate )?probe\b|"
    r"试一?试?\s*(?:不同的?|几个|多个|一组)\s*学习率|探测\s*(?:改|设|跑|用)\s*\d+\s*步|(?:那个|这个|小规模的?)\s*探测|\brun (?:the|a|that|this)(?: quick| short| small| little)? (?:lr |learning[- ]rate )?probe\b|(?<![A-Za-z])range[- ]test(?![A-Za-z])|(?<![A-Za-z])lr[-_]probe(?![\w-])|\b(?:lr|learning[- ]rate) range\b|(?:探|扫|测|试)(?:一?下(?:子|儿)?|一遍|测|探|扫|试)\s*学习率|学习率[^?？\n]{0,40}?探之|学习率[^。;；!！\n]{0,30}?(?:在|拿|用)(?:这个|这份|FILE)\s*(?:文件|数据)?\s*(?:上)?\s*(?:试一?下|跑一?下|测一?下|探一?下|试试)|"
    r"\bfind (?:the|a|me a|me the) (?:good |right |suitable |sensible |sane |decent |reasonable |safe |workable |better )?(?:lr|learning[- ]rate)\b(?! schedul)|"
    # "loss went to nan … with my guessed lr", "用我拍脑袋定的学习率训 FILE,loss前几十步就飞了", "no clue what lr to use, the last two runs
    # both diverged": a learning rate that blew the loss up, found by the probe
    r"(?![^\n]*(?:停|\bstop|\bkill|\bhalt|\babort))(?:\bloss\b|损失)[^。;；?？!！]{0,40}?(?:\bnan\b|飞了|炸了|爆了|发散|\bdiverg\w*|\bblew up\b|\bexplod\w*)(?=[^?？]*(?:(?<![a-z])lr\b|学习率|learning rate))|"
    r"(?![^\n]*(?:停|\bstop|\bkill|\bhalt|\babort))(?:(?<![a-z])lr\b|学习率|learning rate)[^?？]{0,80}?(?:\bloss\b|损失|\bruns?\b)[^。;；?？!！]{0,40}?(?:\bnan\b|飞了|炸了|爆了|发散|\bdiverg\w*|\bblew up\b|\bexplod\w*)|"
    r"\b(?:test|try|tests|tries|testing|trying)(?: out)? (?:a few |several |some |different |multiple |a range of |a handful of |a bunch of |lots of )?(?:lrs|learning[- ]rates)\b|"
    r"\bprobe (?:steps?|run)\b|探测(?:的)?步数|\bsweep (?:the |my )?(?:lrs?|learning[- ]rates?)\b|\b(?:lr|learning[- ]rate) t(?:es|se)t\b|(?:探|扫|测|试)(?:一?下|一遍|测|探|扫|试)\s*(?:learning[- ]rates?|lrs?)\b|(?:探|测|扫|摸|找)(?:一?下|一找|找)\s*(?:合适|最佳|最优|最好|靠谱)的?\s*(?:学习率|(?<![a-z])lr\b)|(?:学习率|(?<![a-z])lr(?![a-z]))\s*(?:先)?摸(?:一下|下|摸|个)?底|测(?:一?下|试一?下?)?[^,，。;；?？]{0,12}(?:最佳|最优|最合适的?)学习率|\bfind (?:the )?best (?:lr|learning[- ]rate)\b|\blr[_-]?find(?:er)?\b|(?:快速)?试几个[^。;；!！]{0,24}(?:哪个|看)[^。;；!！]{0,12}(?:loss|损失)|\b(?:quickly )?try (?:a few|several|some)\b[^.?!]{0,60}\bwhich one\b[^.?!]{0,30}\bloss\b|\bfind[_-]lr\b|学习率[^。;；!！]{0,48}?先?试\s*\S{0,4}\s*步|\bprobe (?:it|this|that) on\b|跑\s*(?:个\s*)?\d+\s*步\s*(?:的)?(?:探测|试探)|(?<![a-z])lr\s*先?试一?下|(?:probe|探测)[^。!！?？]{0,40}?(?:这次|这回|this time)[^。!！?？]{0,30}?(?:跑|run)|\bthe (?:lr|learning[- ]rate) (?:thingy|thing|tool|whatchamacallit)\b(?=[^?？]{0,60}\b(?:run|do|try)\b)|"
    # "探测用 x.jsonl 跑", "a quick test for finding a suitable learning rate": the probe as the subject, or said by its purpose
    # "学习率实在不知道选多少,你先帮我探一下", "先估个学习率,用 FILE 跑200步": the rate found by a short run
    r"\b(?:lr|learning[- ]rate)\b[^\n]{0,40}\b(?:probe|sweep) (?:it|this|that)\b|(?:学习率|(?<![a-z])lr(?![a-z]))[^。;；!！?？]{0,30}?探(?:一?下|探)(?![\u4e00-\u9fff]{0,2}(?:数据|文件))|(?:估|估算|估计)(?:一?下|个)\s*(?:学习率|(?<![a-z])lr\b)(?=[^。!！]{0,30}跑\s*\d+\s*步)|"
    r"^\W*探测\s*(?:就|先)?\s*(?:用|拿|跑|在)|(?:不如|还是)\s*(?:先)?\s*探测|探测一?下\s*[,，]?\s*(?:用|拿|在|跑)(?=[^。!！?？]{0,40}\d+\s*步)|实测(?:一下|一遍)?\s*(?:lr|学习率)|\b(?:test|run|check|trial)s? (?:for|to) find(?:ing)? (?:a |the |an )?(?:good |suitable |right |best |sensible |workable )?(?:lr|learning[- ]rate)\b", re.I)
_STEPS = re.compile(r"(\d{1,4})[)）]?\s*-?\s*(?:个\s*)?(?:(?:optimi[sz]er|training|probe|gradient)\s+)?(?:steps?|stesp|setps?|stpes|步)(?![A-Za-z])|(?:步数|\bsteps?)\s*(?:[A-Za-z]\s*(?==))?(?:就|给|用)?\s*(?:=|:|：|设为?|设成|改成|改为|改|调成|调到|为|是|of|should be|别超过|不超过|不要超过|最多|at most|no more than|max)?\s*(\d{1,4})(?![\d.]|[A-Za-z])", re.I)


# The probe asked for, to find the rate a question names: "拿这个探一下学习率多少合适", "学习率到底多大合适?你直接在这个文件上试一下呗".
FINDS_RATE = re.compile(_RATE_THEN_TRY + r"|"  # ("看看学习率多大合适,用 FILE 试")
                        r"(?:探|测|试|扫)(?:一?下|测|试)\s*(?:学习率|(?<![a-z])lr\b)\s*(?:多少|多大|几)|"
                        r"(?:你|就|直接)[^。;；!！?？\n]{0,6}(?:在|拿|用)(?:这个|这份|FILE)\s*(?:文件|数据)?\s*(?:上)?\s*(?:试一?下|跑一?下|测一?下|探一?下|试试)", re.I)
# "skip the probe", "探测就不做了", "no probe": the probe named to be left out.
NO_PROBE = re.compile(r"(?:\bskip|\bno(?: need for)?|\bwithout|\bforget|\bnot|\bdon'?t (?:run|do|need)|不用|不要|别|不做|跳过)\s*(?:the\s+|a\s+|an\s+)?"
                       r"(?:lr\s+|learning[- ]rate\s+|学习率)?(?:probe|探测)|(?:probe|探测)\s*(?:就)?(?:先)?(?:不做了|不用了|算了|免了|skip)|"
                       r"\bno,? thanks?(?: you)? (?:on|to|for) the (?:lr |learning[- ]rate )?probe\b", re.I)


# "…用多大学习率合适,帮我探一下": the probe asked for after the learning rate is named (a rule of the planner's, not one
# of the model's cues: the shipped model is built from PROBE as it stands)
# "lr 不知道设多少 先拿 FILE 扫一下", "扫一下lr", "测下 FILE 用多大学习率最合适", "find good learning rate with FILE": the same
# probe with the learning rate and the sweep further apart.
_PROBE_ASKED = re.compile(r"学习率[^。;；?？!！]{0,24}[,，]\s*(?:帮我|麻烦)?(?:探|扫|测)一?下|(?:跑|做|来)(?:个|一个|一次|一下)?\s*范围测试|\b(?:lr|learning[- ]rate)\s+(?:sweeper|scanner|finder tool)\b|\btest (?:the |my )?(?:learning rate|lr)\b(?! of\b)|"
                          r"(?:学习率|(?<![a-z])lr\b)[^。;；?？!！]{0,48}扫(?:一)?(?:下|遍)|扫(?:一)?下\s*(?:lr\b|学习率)|"
                          r"测(?:一)?下[^。;；?？!！]{0,40}(?:多大|什么|哪个)的?学习率|"
                          r"\bfind (?:a |the |me a |me the )?(?:good|right|best|optimal|suitable) (?:lr|learning[- ]rate)\b|"
                          # "lr测一下 FILE 跑50步", "测 lr:FILE", "学习率怎么定?先探一下再说吧"
                          r"学习率(?:的)?(?:侦查|侦察|勘察|探路)|"
                          # "找下学习率 FILE 跑100步", "探 lr 的话 200 步就行", "学习率我真不会定,能不能先在 FILE 上试跑一下找找"
                          r"找(?:一?下|找)\s*(?:合适的|最好的|最佳的?)?\s*(?:学习率|(?<![a-z])lr\b)|(?<![\u4e00-\u9fff])探\s*(?:一?下)?\s*(?:学习率|(?<![a-z])lr\b)|"
                          r"学习率[^。;；!！\n]{0,60}(?:试跑|跑|试)一?下\s*(?:找找|找一?下)|"
                          # "学习率先别定,跑个 50 步的小测试看看曲线": a short test run to read the curve before the rate is set
                          r"学习率先别定[^。;；!！\n]{0,30}(?:小测试|试跑|测一下)|(?:小测试|试跑)[^。;；!！\n]{0,10}看(?:看)?(?:loss)?曲线|"
                          # "学习率我拿不准,在 FILE 上试一下 跑个200步看看": unsure of the rate, a short try on the data
                          r"(?:学习率|(?<![a-z])lr)[^。;；!！\n]{0,12}(?:拿不准|不确定|没底)[^。;；!！\n]{0,6}(?:→|->|,|，|\s)\s*先(?:探测|探一?下|试一?下|试)|"
                          r"学习率[^。;；!！\n]{0,12}(?:不懂|拿不准|不会定|不知道|没底|定不了)[^。;；!！\n]{0,30}(?:在|拿|用)\s*(?:\S{1,60}?\s*)?(?:上)?\s*(?:(?:试跑|试|跑)一?下|试着跑|跑一?小会)|(?<![a-z])lr\s*(?:先)?测(?:一?下|测)|测\s*(?:一?下\s*)?(?<![a-z])lr\s*[:：]|学习率[^。;；!！\n]{0,12}[?？]\s*(?:那)?(?:就)?先?探(?:一?下|探)|"
                          # "Worth it. Probe on FILE, 80 steps.": "probe" as the verb that opens a sentence
                          r"(?:^|[.!;:]\s+)\W*probe\s+(?:on|with|using|it\b|the (?:data|file))|"
                          # "Do a learning-rate sniff test on FILE first, 300 steps", "🧪 the LR before 🔥": the rate tried out
                          r"(?<![A-Za-z])(?:lr|learning[- ]rate)\s+(?:sniff|smoke|sanity|quick)[- ]tests?\b|🧪\s*(?:the\s+|a\s+)?(?:lr\b|learning[- ]rate|学习率)|"
                          # "先拿 FILE 试跑个学习率", "请在 FILE 上试探 500 步", "以 FILE 进行学习率试掘,凡 150 步": the rate tried, in other words
                          r"试跑(?:个|一个|一次)\s*(?:学习率|(?<![a-z])lr(?![a-z]))|学习率(?:的)?试[掘挖跑水算验]|试探\s*\d+\s*步|"
                          # "学习率又炸了!!!在 FILE 上探一下!!!跑 50 步就够": the rate said, then sounded out on the data in the next sentence
                          r"学习率[^?？\n]{0,60}?[!！。]\s*(?:在|拿|用)\s*\S{1,60}?\s*(?:上)?\s*探(?:一?下|探)(?![\u4e00-\u9fff]{0,2}(?:数据|文件|情况|底|口风))|"
                          # "试炼学习率,300 步为限", "也探一回学习率", "学习率探个50步": the rate sounded out, with a measure word
                          r"(?:试炼|探)(?:一?[回遍次把趟]|个)?\s*(?:学习率|(?<![a-z])lr\b)|(?:学习率|(?<![a-z])lr\b)\s*(?:探|试炼)(?:一?[回遍次把趟]|个)", re.I)


# "学习率探测刚跑完了,现在用 lr 3e-4 …正式开训", "Did the LR probe yesterday, best looked around 1e-4. Start training …": the
# probe said as done, the request after it another step
PROBE_DONE = re.compile(r"(?:探测|probe|range test|扫描)[^。;；!！?？\n]{0,12}?(?:刚|已经|已)?(?:跑完|做完|做过|跑过|结束)了?|"
                         r"\b(?:did|ran|finished|done with) (?:the |my |an? |that )?(?:quick )?(?:lr |learning[- ]rate )?(?:probe|range test|sweep)\b|"
                         # "the range test looked sensible", "探测结果看着还行": the probe's outcome told
                         r"\b(?:lr |learning[- ]rate )?(?:probe|range test|sweep) (?:looked|looks|was|came back|showed|seemed|went)\b|"
                         r"(?:探测|range test)(?:的)?结果(?:看着|出来了|还行|不错|挺好)", re.I)


def asks_probe(text: str) -> bool:
    done = PROBE_DONE.search(text)
    rest = text[done.end():] if done else text
    return bool(PROBE.search(rest) or _PROBE_ASKED.search(rest)) and not NO_PROBE.search(text)


_SAID_BEFORE = re.compile(r"(?:\bi said|\bnot|instead of|rather than|不是|别跑|不要跑)\s*$", re.I)


def probe_steps(text: str) -> int | None:
    """The probe's step count: "20 steps", "步数 50", "步数四十"."""
    hits = [m for m in _STEPS.finditer(text) if not _SAID_BEFORE.search(text[max(0, m.start() - 12):m.start()])
            and not text[max(0, m.start() - 2):m.start()].rstrip().endswith("第")]  # "第1步": which step of a plan
    named = ([None] + list(PROBE.finditer(text)))[-1]  # the probe named last ("loss went nan at step 12 … run the range test, 40 steps")
    if named and any(m.start() >= named.start() for m in hits):  # "loss went nan at step 12 … run the range test, 40 steps"
        hits = [m for m in hits if m.start() >= named.start()]
    if hits:  # "Oops, I said 20 steps. Make it 60 steps instead.": the count said last, not the one taken back
        judged = rx.match(r"[^,，。;；\d]{0,12}?(?:太多|太少|太长|太短|\btoo (?:many|few|much|long|short)\b|\boverkill\b)", text[hits[0].end():], re.I)
        # ("300步太多了,100步够了": the first count judged wrong; not "探测跑500步吧,200步太少了")
        found = hits[-1] if judged or rx.search(r"\binstead\b|改成|改为|换成|调整为|调整到|调为|调到|这次|这回|\bthis time\b", text, re.I) else hits[0]
        return int(found.group(1) or found.group(2))
    zh = rx.search(r"步数\s*(?:设为?|为|是|用)?\s*([一二两三四五六七八九十百]+)|(?<![第\d])([一二两三四五六七八九十百]+)\s*步", text)  # (not "3百 步": 300, below)
    value = parse_number(zh.group(1) or zh.group(2)) if zh else None
    if value is None:  # "with like forty steps": a count in words
        value = next((n.value for n in find_numbers(text) if rx.match(r"\s*(?:steps?|步)\b", text[n.end:], re.I)
                      or rx.search(r"\b(?:steps?|步数)\s*[:：=]\s*$", text[max(0, n.start - 10):n.start], re.I)), None)  # "steps: two hundred"
    return int(value) if value and value >= 1 else None

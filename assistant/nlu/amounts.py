"""Numbers a request sets: epochs, learning rate, LoRA rank, steps, sample counts, few-shot k, shares of the
data ("20%", "两成", "a fifth", "every record") and the share of general data to mix in.

Each number is labelled by the words around it (:func:`label_numbers`), so "epoch给15,100条数据" is 15 epochs,
then 100 samples, and "qa_2024.csv" gives no number (file names are blanked out first, see ``slots.mask``).

>>> training_args("start training with 10 epochs and lr 1e-4, rank 16")
{'epochs': 10, 'learning_rate': 0.0001, 'lora_r': 16}
>>> find_fraction("给两成的数据加CoT"), count_args("3-shot, 200 samples", few_shot=True)
(0.2, {'k': 3, 'n_samples': 200})
"""
from __future__ import annotations

import re

from assistant.nlu import markers, rx
from assistant.nlu.names import r_runs
from assistant.nlu.negation import RULED_OUT_BEFORE
from assistant.nlu.numbers import Num, find_numbers, parse_number

# How a value is attached to its name: "epoch设成2", "lr = 1e-4", "rank of 16", "示例放 3 个".
_SET = (r"\s*(?:数|个数|的值)?(?:\s*(?:应取|应设为|应该为|(?:下调|上调|调低|调高|降低|提高)(?:为|到|至)|降到|降为|降至|提到|定个|定作|定做|弄成|弄到|弄|搞成|搞到|搞|整|限制|拉满到|拉满|也给我|也设成|也设为|也用|(?<=\s)[xX]|[×*]|还是|仍是|仍然是|\bstays?\b|\bstill\b|就用|就|设置为|设置成|设为|设成|设到|定|设|改成|改为|改做|改作|调到|调成|调为|开到|开成|开|摆成|摆到|摆|放|用|取|为|是|给我上|给我|给俺|拉到|上到|给|定为|=|:|：|"
        r"给个|来个|别超过|不超过|不要超过|\bset (?:to|at)\b|\bfixed at\b|\bno more than\b|\bat most\b|\bshould be\b|\bshall be\b|\b(?:ought to|should) have been\b|\bought to be\b|\buse\b|应该是|应为|要|卡到|卡在|先卡|限制在|限制到|限(?![\u4e00-\u9fff])|封顶|控制在|\bcapped at\b|\bcap (?:it )?at\b|\bto\b|\bof\b|\bat\b|\bis\b|\bequals?\b|大概|大约|约|左右|about|around|roughly|~|"
        # "epoch 写错了,应该是 6", "lr typo — should be 1e-4": the value said wrong, then the right one
        r"写错了|打错了|填错了|说错了|错了|\btypo\b|\bmake it\b|(?<=错了)[,，]|(?<=typo)\s*[,，—–-]|[—–]|"
        # "epoch给多了 改6", "rank 改 8", "一成太少,改作两成": too much said, then the value it is changed to
        r"(?:(?:给|设|定|开|调)?(?:得|的)?(?:太)?(?:多|少|大|小|高|低)了(?:点|些)?|不给力|不够劲|不够|不行|不对)\s*[,，]?\s*(?=改)|改作|改到|改)\s*)*\s*")
_MODIFIERS = (r"(?:(?:few[- ]?shot|cot|chain[- ]of[- ]thought|training|train|new|more|extra|additional|augmented|synthetic|"
              r"qa|q&a|sft|instruction|in[- ]context|labeled|labelled|high[- ]quality|good|clean|solved|worked|step[- ]by[- ]step|reasoning|little|small|short|tiny|"
              r"\(cot\)|retrieved|similar|nearest|reworded|rephrased|paraphrased|rewritten|varied|思维链|训练|新的?|增强|额外的?|有效|高质量|精标)\s*)*")

# The names a setting is typed under as a key ("num_train_epochs=3", "--lr 2e-4", "n=500", "lora_rank: 16"): one table
# for the labels below and for calls written out by hand (``written``).
KEY_NAMES = {"epochs": ("epoch", "n_epochs", "num_epochs", "num_train_epochs"), "learning_rate": ("lr",),
             "lora_r": ("r", "rank", "lora_rank"), "max_steps": ("max_step",), "n_samples": ("n", "samples", "num_samples")}


def _keys(setting: str) -> str:
    return "|".join(rf"(?<![a-z_]){name}(?![a-z])" for name in KEY_NAMES[setting])


# What the words around a number say it counts. Left patterns end right before the number,
# right patterns start right after it.
# "each sample have 3 example", "each prompt gets 4 examples": the examples in each, few-shot's k.
_EACH_HAS_WORDS = r"each (?:(?:sample|record|row|prompt|question|item) (?:has|have|gets?|with|should (?:have|get)|contains?|needs?)|with)"
_EACH_HAS = re.compile(_EACH_HAS_WORDS + r"\s*$", re.I)
_UNITS = {
    "epochs": (rf"(?:epochs?|epocs?|(?<![a-z])eps?|轮数|轮次|训练轮数|{_keys('epochs')}|epoch数)[\"']?{_SET}$",
               r"^\s*(?:个|次)?\s*(?:epochs?\b|epoch|epocs?\b|轮|遍|回合|圈(?!子)|eps?\b|loops?\b|(?:full )?passes\b|rounds?\b(?! of (?:review|feedback|testing|interviews?|edits?)))"),
    "learning_rate": (rf"(?:{_keys('learning_rate')}|learning[ _-]?rate|学习率){_SET}$", r"^(?!)"),
    "lora_r": (rf"(?:lora[ _-]?r|lora[ _-]?rank|{_keys('lora_r')}|秩){_SET}$",
               r"^\s*(?:的)?\s*(?:rank|秩)|^\s*(?:for|as) (?:the )?(?:lora )?(?:rank|r)\b"),  # "use 16 for the lora rank"
    "max_steps": (rf"(?:max[ _-]?steps?|{_keys('max_steps')}|最大步数|步数限制|限制步数|step limit|steps? limit|number of steps|步数(?:上限)?|最多跑|最多训练|训练步数|total steps){_SET}$", r"^\s*(?:个)?\s*(?:(?:max(?:imum)?|training|train)\s+)?(?:-?steps?\b(?![- ]by[- ]step)|步(?!骤))"),
    "k": (rf"(?:(?<![a-z])k|top[- ]?k|shots?|示例数?|示例个数|例子数?|范例数?|样例数?|demonstrations?|demos?|(?:每|一)(?:条|个|道|笔|筆|個|條|行|次|题)\s*(?:(?:prompt|提示|样本|问题|题|sample|question)(?:里面?|中)?)?\s*(?:加|配|放|带|含|包含|给|俾|用|塞|附|搭)?(?:上)?|(?:附|配|带)(?:示?例|例子)|"
          rf"each (?:one )?with|each\s*(?:带|配|加|含|有)|per sample|{_EACH_HAS_WORDS}|examples? per (?:sample|prompt|record|question)){_SET}$",
          rf"^\s*(?:apiece\b|each\b(?!\s+(?:of|sample|record|row|entry|item|file))|per\b(?=\s*(?:[,;.]|$)))|"
          rf"^\s*(?:worked\s+)?(?:examples?|demos?|shots?)\s+(?:apiece|each|(?:per|a) (?:sample|record|row|item|prompt|question))\b|"  # "3 each", "Three apiece"
          rf"^\s*to (?:each|every) (?:prompt|question|sample)\b|^\s*(?:个)?例(?![如子外题])|^\s*per (?:sample|prompt|question|record)\b|"  # "four to each prompt", "每题三例"
          rf"^\s*[x×]\s*(?:few[- ]?shot\s+)?(?:examples?|shots?|demos?)\s+(?:per|each|a)\b|"  # "2x few-shot examples per sample" (a shopping list)
          rf"^\s*个[^,，。;；\d]{{0,8}}?(?:当|作为|做)(?:示例|例子|范例)|^\s*(?:-|个|条)?\s*(?:of\s+)?{_MODIFIERS}(?:[\u4e00-\u9fff]{{1,5}}的|(?:(?![带含有个条])[\u4e00-\u9fff]){{1,3}}(?=示例|示范|例子|范例|样例|例题|已答问题))?(?:shots?\b|示例|示范|例子|范例|样例|例题|已答问题|demonstrations?|demos?|exemplars?|examples? (?:each|per)|examples? in (?:each|every)(?: (?:prompt|sample|question)|(?=\s*(?:[,.;!?]|$)))|(?:examples? )?(?:per|each|every|/)\s*(?:prompt|sample|question|example|条))"),
    "n_samples": (rf"(?:(?<![a-z_])n\s*=\s*|数据量|数量|样本量|样本数|数据有|数据|条数|数据集有|数据集规模|规模|共有|总共|一共|n_samples|{_keys('n_samples')}|dataset (?:of|with|has)|data size|samples?|rows?|examples?|生成|做|造){_SET}$",
                  rf"^\s*(?:多|来|余)?\s*(?:左右|上下)?\s*(?:(?:extra|more)\b(?=\s*(?:[,.;!?]|$))|of them\b|(?:new|more|extra) (?:ones|prompts|variants|versions|instructions|phrasings|rewrites)\b|条|个样本|个数据|份(?!\s*\d|数据|文件|表|数据集|\s*[,，])|组|对|行|个问答|个例子|个示例|(?:\+\s*)?(?:of\s+)?{_MODIFIERS}(?:samples?|examples?|rows?|records?|pairs?|entries|entry|lines|items|questions|instances|conversations|datapoints|data points|dialogues|q&as?|qas)(?![A-Za-z]))"),
}


def _unit_after(pattern: str, right: str) -> bool:
    """The unit right after a number, unless that word labels the next one ("0.0001 epochs=5")."""
    m = rx.search(pattern, right, re.IGNORECASE)
    return bool(m) and not rx.match(r"\s*(?:[=:：]|设为|设置为|为|是|is\b|to\b)\s*[\d.一二两三四五六七八九十]",
                                     right[m.end():], re.IGNORECASE) \
        and not (rx.search(r"\bmax", m.group(0), re.I) and rx.match(r"\s*\d", right[m.end():]))  # ("r 拉到 16 max steps 1500": a key, then its value)


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


# The numbers of a numbered list's lines ("1. file: x\n2. few-shot\n3. k = 4"): which item, never a value.
_LIST_MARK = re.compile(rf"(?m)^[ \t]*({markers.NUMBER}){markers.NUMBER_END}(?=[ \t]+\S)")


# What the manual (or a quote) says, its numbers its own: "“通常1万条左右的精标数据即可…”", "the manual says ten thousand or so
# well-labelled examples is plenty", "手册,说一万条左右精标数据就够了".
# …and what someone else said ("小李说 epoch 要 10,我觉得 5 就行", "Priya said 10 epochs, honestly I think 4", "王姐说一千条左右 epoch 给
# 10,可我的是 1350 条", "手册里 100 条给 15 个 epoch,我只有 120 条").
_SAID_BY_OTHERS = re.compile(r"[“\"「][^”\"」\n]{8,}[”\"」]|(?:手册|\bmanual|文档)\s*(?:里|上|中)?\s*[,，]?\s*(?:说|写着?|提到|\bsays|\bsaid|\bmentions?|\brecommends?|\bgoes)[^,，。;；.!?？]*"
                             r"(?:[,，]\s*\d[\d,.]*\s*(?:for|对应|给|->|→)\s*\d[^,，。;；.!?？]*)*|"  # ("…15 epochs for 100 rows, 10 for 1000")
                             r"(?:手册|\bmanual)(?:里|上|中)\s*(?=\d)[^,，。;；.!?？]*|"
                             r"(?:^|(?<=[\s,，。;；.!！]))(?:(?-i:[A-Z])[a-z]+|小[\u4e00-\u9fff]|老[\u4e00-\u9fff]|[\u4e00-\u9fff]{1,2}[姐哥总]|隔壁组|同事|领导|老板|"
                             r"(?:the |my |our )?(?:boss|colleague|team ?lead|manager))\s*(?:说|建议|讲|觉得|认为|\bsays\b|\bsaid\b|\bsuggested\b|\bsuggests\b|"
                             r"\brecommend(?:s|ed)?\b|\bthinks?\b)(?:[^,，。;；!?？.]|\.(?=\S))*", re.I)


# The person's own figure or choice beside someone else's: "我觉得 5 就行", "可我只有 600 条", "I think 4 is plenty", "mine's 2,400".
_OWN = re.compile(r"我觉得|我认为|我(?:们)?(?:现在)?只有|我(?:们)?才|可我|但我|我的是|可是我|我(?:们)?有|根据|\bi think\b|\bi'?ll\b|\bmine'?s?\b|\bmy (?:data|file|set)\b|"
                  r"\bwe (?:have|'ve got|only have)\b|\bi(?:'ve got| have| only have)\b|\bbased on\b|\bhonestly\b", re.I)


def without_others(text: str) -> str:
    """``text`` with the numbers of what others (or the manual) said blanked, same length, when the person gives their own."""
    spans = [m.span() for m in _SAID_BY_OTHERS.finditer(text) if rx.search(r"\d|[一二两三四五六七八九十]成", m.group(0))]
    if not spans or not _OWN.search(text):
        return text  # ("老板说要用 Qwen2-7B 做底座,…开训": what the boss asks for, relayed, is the request)
    units = {i for m in _EPOCH_WORD.finditer(text) for i in range(*m.span())}  # ("手册写…2 个 epoch,…跑 4 个": the unit said, for the bare count after)
    kept = "".join(" " if any(a <= i < b for a, b in spans) and i not in units else ch for i, ch in enumerate(text))
    return kept if rx.search(r"\d|[一二两三四五六七八九十]成", kept) else text


# A number after "Day", "Week", "Episode"…: which one, never how many.
_DATED = re.compile(r"(?:^|[\s(\[])(?:day|week|month|episode|chapter|season|sol|entry|log)\s*#?\s*$", re.I)


def label_numbers(text: str) -> list[tuple[Num, str | None]]:
    """Each number in ``text`` with what it counts ("epochs", "n_samples", …) or None; a numbered list's own numbers
    (two lines or more) are none."""
    labelled = []
    marks = [m.start(1) for m in _LIST_MARK.finditer(text)]
    marks = set(marks) if len(marks) >= 2 else set()
    numbers = [n for n in find_numbers(text) if n.start not in marks
               and not _DATED.search(text[max(0, n.start - 12):n.start])  # ("Day 29. Add few-shot…": a log's day, no count)
               and not (n.is_int and (rx.match(r"/\d", text[n.end:]) or rx.search(r"\d/$", text[:n.start])))  # ("1/4 of FILE": a share's parts)
               and not (n.text == "一" and rx.search(r"[改试看想说]$", text[:n.start]) and rx.match(r"[改试看想说下]", text[n.end:]))]  # ("示例改一改": no count)
    theirs = [m.span() for m in _SAID_BY_OTHERS.finditer(text)] if _OWN.search(text) else []  # ("Sam says: 'train … 2 epochs'": relayed)
    own = [n for n in numbers if not any(a <= n.start < b for a, b in theirs)]
    numbers = own if own and len(own) < len(numbers) else numbers  # ("“通常1万条…即可”——可我只有 600 条": the 600 is the person's)
    for num in _split_lists(text, numbers):
        left, right = text[max(0, num.start - 30): num.start], text[num.end: num.end + 50]
        # the word after a number ("10000 samples") says more than the word before it
        label = next((name for name, (_, pat) in _UNITS.items() if _unit_after(pat, right)), None)
        if label is None or label == "n_samples" and _EACH_HAS.search(left):
            # ("each sample have 3 example": examples each sample has, not how many samples)
            label = next((name for name, (pat, _) in _UNITS.items() if rx.search(pat, left, re.IGNORECASE)), None)
        if label is None and RULED_OUT_BEFORE.search(left):  # "lora_r 不是 16,是 8": the setting named before the value ruled out
            label = next((name for name, (pat, _) in _UNITS.items() if rx.search(pat, RULED_OUT_BEFORE.sub("", left).rstrip(), re.IGNORECASE)), None)
        labelled.append((num, label))
    return labelled


# "r=8 ✗", "r=8 → r=32", "lr 1e-3 -> 5e-5": a value crossed out or replaced by the one after the arrow.
_CROSSED = re.compile(r"\s*[,;]?\s*(?:amend(?:ed)? (?:it |that )?to|correct(?:ed)? (?:it |that )?to)\s+(?=\d)|\s*(?:\s*(?:个|轮|步|条|遍|epochs?|steps?)?\s*(?:调整为|调整到|改为|改成|改作|改做|调为|调成|调到|变为|变成|变更为|更改为|修改为|换成|降到|降为|升到|增加到|减少到)\s*(?=\d|[一二两三四五六七八九十])|\s+(?:was|is) (?:way |much |far )?too (?:weak|strong|high|low|small|big|large|many|few|much)\b[,;.]?\s*(?:make it|use|try|go with|change it to|改成)\s+(?=\d)|[✗✘×❌]|\s*(?:→|->|=>|⟶)\s*(?:[A-Za-z_]+\s*[=:]?\s*)?[\d.]|"
                      # "r 取 16 太大了,改成 8", "epoch 12 too many. make 8.", "lr 3e-4 was a typo, 3e-5": judged wrong, then the value meant
                      r"\s*(?:个|轮)?\s*(?:太大了?|太多了?|太小了?|太少了?|太高了?|太低了?|过大|过多|偏大|偏多)\s*[,，。]?\s*(?:改成|改为|改作|换成|就用|改|换|用|就)?\s*(?=\d|[一二两三四五六七八九十])|"
                      r"\s*(?:examples?|epochs?|steps?)?\s+(?:(?:is|was|are)\s+)?(?:way |much |far )?too (?:many|much|big|high|low|few|small|large)\b[,;.]?\s*(?:make (?:it|that)|make|use|try|go with|change it to)?\s*(?:k\s*=\s*)?(?=\d)|"
                      r"\s+(?:was|is) a typo\b[,;.]?\s*(?:it'?s|should be|use|make it)?\s*(?=\d)|"
                      # "秩设 16 多了,改成 8" (太 left out, the change said), "I said 3 epochs. I want to walk that back: 2 epochs."
                      r"\s*(?:个|轮)?\s*(?:多了|少了|大了|小了|高了|低了)\s*[,，。]?\s*(?:改成|改为|改作|换成|就用)\s*(?=\d|[一二两三四五六七八九十])|"
                      r"\s*(?:epochs?|steps?|examples?)?[.;,]?\s*(?:[Ii] (?:want|need) to |[Ll]et me |[Ii]'?ll )?(?:walk|take) (?:that|it) back\b\s*[:,.;]?\s*(?:make it |to )?(?=\d))")


# A value said, then called wrong right after it: "3个例子不对", "5 epochs is wrong".
_WRONG_AFTER = re.compile(r"\s*(?:个|条)?\s*[\u4e00-\u9fff]{0,4}?\s*(?:了\s*)?(?:不对|错了)|\s*\w{0,12}\s+(?:is|was) wrong\b")
# "开一轮 LoRA", "再跑一轮": "一轮" after a start verb is a run, not its epochs.
_A_RUN = re.compile(r"(?:开|跑|来|起|再)\s*$")


# "上次 r=8 效果一般,这次 lora_r 换 32", "last time with 5 epochs it forgot … this time 2 epochs": the value of the run before
_LAST_TIME = re.compile(r"(?:上次|上回|之前那次|\blast time\b|\bprevious(?:ly)?\b|\bthe old run\b)[^。;；.!?]{0,20}$", re.I)
_THIS_TIME = re.compile(r"这次|这回|\bthis time\b|\bnow\b", re.I)


def _last_time(text: str, num: Num) -> bool:
    return bool(_LAST_TIME.search(text[max(0, num.start - 24):num.start]) and _THIS_TIME.search(text[num.end:]))


# The head of a run's name glued to the number after it ("tutor-r" of "tutor-r3"); "lora_r16" is the rank.
_NAME_HEAD = re.compile(r"(?<![\w-])(?!lora[-_])[A-Za-z][\w-]*[-_][A-Za-z]{1,3}$", re.I)  # ("run-2024-07-02-qwen-r32")


# After a setting's value: the words that make it a run's name ("3 epoch 的", "5 epoch 那个", "-epoch one", "2e-4 那个").
_RUN_BY_SETTING = re.compile(r"\s*(?:个\s*)?(?:epochs?|轮|步|steps?)?\s*(?:的那个|那个(?=\s*(?:[,，。?？!！]|$|跑|训|停|续|run|怎么|咋))|那次|那一个|"
                             r"的(?=\s*[,，]\s*(?:run|job|exp)[-_\w]*\d)|[- ](?:epoch|step) one\b)", re.I)


def training_args(text: str) -> dict:
    """epochs, learning_rate, lora_r and max_steps spelled in ``text`` (a run named by a short r-number, "r7 的设置", is no rank)."""
    for a, b in r_runs(text):  # "用 r7 的设置", "r18 的结果我看过了", "r7 效果好吗?": a run's r-number, no rank
        text = text[:a] + " " * (b - a) + text[b:]
    out: dict = {}
    one_round = False
    carried = None
    for num, label in label_numbers(text):
        label, carried = label or carried, None
        if label == "k" and num.value > 10 and rx.match(r"\s*条", text[num.end:]):
            label = "n_samples"  # "给 FILE 里300条加上示例": how many samples get examples, not 300 examples each
        if (RULED_OUT_BEFORE.search(text[max(0, num.start - 8):num.start]) or _CROSSED.match(text, num.end) or _last_time(text, num)
                or rx.search(r"不是\s*[A-Za-z_]{2,12}\s*[=:：]?\s*$", text[max(0, num.start - 20):num.start])  # ("不是 epochs 2,是 epochs 1")
                or rx.search(r"(?:^|[.!?;,，。！？；]\s*)no[ \t]+$", text[max(0, num.start - 12):num.start], re.I)
                and not rx.search(r"\bnot\b", text[num.end:], re.I)):  # ("no two epoch. FIVE epoch."; not "no, four epochs, not two")
            carried = label  # "epochs 3→5": the value after the arrow is the same setting's
            continue  # "学习率不是 1e-3,改成 5e-5", "3 epochs, not 5", "r=8 ✗ → r=32": the value ruled out
        if rx.search(r"第\s*$", text[max(0, num.start - 3):num.start]) or rx.search(r"[上下那这每]$", text[:num.start]) and rx.match(r"一步", text[num.start:]):
            continue  # "第一步,…一百五十步就够", "上一步填的作者名写错了": which step of the plan, not how many
        if (rx.search(r"[A-Za-z]$", text[:num.start]) and rx.match(r"-\w", text[num.end:num.end + 2]) or _NAME_HEAD.search(text[:num.start])
                or rx.search(r"[A-Za-z][\w-]*[-_]$", text[:num.start]) and rx.match(r"[-_]\w", text[num.end:num.end + 2])):
            continue  # "depot-r8-0612", "not tutor-r3 but tutor-r4", "run-2024-07-02-…": a part of a run's name, not its rank
        if label and _RUN_BY_SETTING.match(text, num.end):
            continue  # "停 3 epoch 的,run-0704-c", "the 5-epoch one", "lr 2e-4 那个跑完了吗": a run named by its setting
        value = int(num.value) if num.is_int else num.value
        if label == "epochs" and 0 < num.value < 0.01:
            label = "learning_rate"  # "3e-4 epoch 5": no run lasts a thousandth of an epoch
        if label in ("lora_r", "max_steps") and 0 < num.value < 1:
            label = None  # "lr 2e-4 rank 16": a rank or a step count is never a fraction; the word labels the next number
        if label == "epochs" and num.value == 1 and _A_RUN.search(text[:num.start]) and rx.match(r"\s*轮(?!\s*(?:epoch|次|数))", text[num.end:]):
            one_round = True  # "开一轮 LoRA,3 个 epoch": one round may be the run itself; another epoch count wins
            continue
        if label in ("epochs", "lora_r", "max_steps") and label not in out and num.value > 0:
            out[label] = value
        elif label == "learning_rate" and "learning_rate" not in out and 0 < num.value < 1:
            out["learning_rate"] = num.value
        elif label is None and "learning_rate" not in out and 0 < num.value < 0.01:
            out["learning_rate"] = num.value  # 1e-4, 2e-5 need no label
    if one_round and "epochs" not in out:
        out["epochs"] = 1  # "学习率 2e-5 跑一轮": no other count, so the round is one epoch
    _epochs_put_right(text, out)
    return out


# The epoch count put right after the one said, its unit left out: "15个epoch太多了,改成10", "the manual's 15 epochs — make it 8",
# "手册写…2 个 epoch,我觉得不靠谱,就用 FILE 跑 4 个", "The manual says 2 epochs… I don't buy it — train on FILE with 4".
_EPOCH_WORD = re.compile(r"epochs?|轮(?!回)|遍|\btimes\b", re.I)  # (轮 is also 轮次 and 轮数)
_EPOCHS_AFTER = re.compile(r"(?:(?P<put>改成|改为|改(?=\s*(?:\d|[一二两三四五六七八九十]))|改作|改做|换成|调成|调到|降到|减到|更正为|改正为|订正为|变更为|\bshould (?:read|be)\b|\bmake (?:it|that)\b|\bchange (?:it|that) to\b|\bset (?:it|that) to\b|\b(?:cut|drop) (?:it|that) to\b)|跑|\bwith\b)"
                           r"\s*(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3}(?=\s*(?:个|轮|遍|epoch)))(?!\d|\.\d|,\d{3}|%|e-?\d)(?!\s*(?:条|步|行|份|%|k\b|rows?|samples?|steps?|examples?|records?|个\s*(?:例子|示例|样本|prompt)))", re.I)
_OTHER_SETTING = re.compile(r"学习率|\blr\b|learning[-_ ]rate|\brank\b|lora_r|\br\s*=|步|\bsteps?\b|(?<![\w-])k\s*=|例子|示例|\bexamples?\b|\bmix|通用|%|成", re.I)
_DISAGREED = re.compile(r"don'?t buy|不靠谱|太多|太少|too (?:many|much|few)|不同意|disagree|\bnot\b|不是|不要|don'?t want|别用|instead|\bno\b", re.I)


def _epochs_put_right(text: str, out: dict) -> None:
    """Set ``out["epochs"]`` to a bare count said after the epoch word when it puts the count right ("改成10", "make it 8") or
    when no count was read and the message disagrees with one ("…不靠谱,就用 FILE 跑 4 个"); no other setting may stand between."""
    word = _EPOCH_WORD.search(text)
    m = _EPOCHS_AFTER.search(text, word.end()) if word else None
    n = int(parse_number(m.group("n")) or 0) if m else 0
    if not m or not 0 < n <= 100 or _OTHER_SETTING.search(text, word.end(), m.start()):
        return
    if m.group("put") or "epochs" not in out or _DISAGREED.search(text, 0, m.start()):
        out["epochs"] = n


_EACH_GETS = re.compile(r"(?:每条|每个|每一条|每道|每题|每个样本|\beach\b|\bper\b)[^\d,，。;；]{0,4}$", re.I)


def count_args(text: str, few_shot: bool = False) -> dict:
    """n_samples (and k for few-shot: "3-shot", "k=3", "3个示例") spelled in ``text``."""
    out: dict = {}
    everything = [(m.start(), m.end()) for m in _ALL.finditer(text)]  # "every one of them", "每一条": all, not a count
    everything += [m.span() for m in _ONE_IN.finditer(text)]  # "五条里两条", "three parts in ten": a share, not a count
    carried = None
    for num, label in label_numbers(text):
        label, carried = label or carried, None
        if label == "k" and num.value > 10 and rx.match(r"\s*条", text[num.end:]):
            label = "n_samples"  # "给 FILE 里300条加上示例": how many samples get examples, not 300 examples each
        if (label == "k" or rx.match(r"\s*(?:个\s*)?(?:examples?|例子|示例|shots?)\b", text[num.end:], re.I) and _CROSSED.match(text, num.end)) and (
                RULED_OUT_BEFORE.search(text[max(0, num.start - 8):num.start]) or _WRONG_AFTER.match(text, num.end) or _CROSSED.match(text, num.end)
                             or rx.search(r"别(?:放|用|加|给)\s*$", text[max(0, num.start - 4):num.start])):
            carried = "k"  # "few shot的k不是3,改成5", "每条3个例子不对 要5个", "别放3个例子了,改成5个": the count after the one ruled
            continue  # out is the same setting's
        if not num.is_int or num.value <= 0 or _percent(text, num) or any(a <= num.start < b for a, b in everything):
            continue
        if _ways(text, num):
            continue  # "customers ask the same thing 100 diff ways": how many ways, not how many to make
        if _zero_led(num):
            continue  # "edu_qa_0601.jsonl 还是 0602?0602 的": a label, not how many
        if _money(text, num):
            continue  # "$200 of GPU time", "500块钱的显卡时长": a price, not how many
        if rx.match(r"\s*(条|个|份|行|道)\1", text[num.end:]) or _clock(text, num):
            continue  # "律师一条条审过的": one by one, not how many; "2:47am": a time
        if (rx.search(r"第\s*$", text[max(0, num.start - 3):num.start]) or RULED_OUT_BEFORE.search(text[max(0, num.start - 8):num.start])
                or num.value == 1 and text[max(0, num.start - 1):num.start] in ("上", "下", "这", "那") and rx.match(r"\s*(?:条|个|次|步|轮|版)", text[num.end:])):
            # ("上一条的 few-shot,k=5": the message before, not one of anything)
            continue  # "更正第 2 条": which item, not how many; "要5个不是3个": the count ruled out
        if everything and num.value == 1 and label != "k":
            continue  # "每一条都生成一个…样本": one per record, not one in all
        if num.value == 1 and rx.match(r"\s*(?:个|条)\s*(?:prompt|提示|样本|问题|题|sample|question)|\s*(?:个|条)[^\d,，。;；]{0,6}\d|"
                                          r"\s*(?:个|条)\s*(?:配|带|加|放|给|塞|附|搭)上?\s*[两俩仨二三四五六七八九十]", text[num.end:], re.I):
            continue  # "一个prompt前面放3个例子", "一条里面放 3 个例子", "一条配俩": per prompt, not one example
        if rx.match(r"\s*(?:次|遍|回|套|组|版|份建议|下)", text[num.end:]) and label != "k":  # "做一次", "一套超参": how often or a set, not how many
            continue
        if label == "k" and few_shot and ("k" not in out or _EACH_GETS.search(text[max(0, num.start - 8):num.start])
                                          and not ("_k_at" in out and _EACH_GETS.search(text[max(0, out["_k_at"] - 12):out["_k_at"]]))):
            out["k"], out["_k_at"] = int(num.value), num.end  # ("一例难成章,三例方成韵:为 FILE 每条添 3 例": the count each sample gets)
        elif label == "k" and not few_shot and "n_samples" not in out and num.value >= 10:
            out["n_samples"] = int(num.value)
        elif label == "n_samples" and "n_samples" in out and _MADE_COUNT.search(text[max(0, num.start - 16):num.start]) \
                and not _MADE_COUNT.search(text[max(0, out.get("_at", 0) - 16):out.get("_at", 0)]):
            out["n_samples"] = int(num.value)  # "We've got 1,200 records … Please add 300 new samples": how many to make
        elif label == "n_samples" and "n_samples" not in out:
            # "加入3条few-shot示例": a small count of examples in a few-shot request is k
            if few_shot and num.value <= 10 and "k" not in out and (
                    not rx.search(r"samples?|样本|数据|rows?", num.text + text[num.end:num.end + 25], re.IGNORECASE)
                    or rx.match(r"\s*(?:个|则)?\s*(?:examples?\b|例子|示例|样例)", text[num.end:], re.I)):  # ("6 examples, 80 samples")
                out["k"] = int(num.value)
            else:
                out["n_samples"], out["_at"] = int(num.value), num.start
    righted = (_K_PUT_RIGHT.search(text, out["_k_at"]) or _K_BARE_RIGHT.search(text, out["_k_at"])) if "_k_at" in out else None
    if righted and (value := parse_number(righted.group(1))):
        out["k"] = int(value)  # "刚few-shot我说每条3个例子 改成5个", "不是每条带 3 个例子,是 5 个", "k=5 有点多，改成 2": the count put right after it
    swapped = _NOT_THIS_BUT.search(text) if few_shot and "k" not in out and "n_samples" not in out else None
    if swapped and (value := _WORD_NUMBERS.get(swapped.group(1).lower()) or parse_number(swapped.group(1))) and value <= 10:
        out["k"] = int(value)  # "不是四个是两个,few-shot 示例改一改", "Not four, just two: fix the few-shot": the count of examples put right
    out.pop("_k_at", None)
    pointed = _POINTED_COUNT.search(text)
    if pointed and "n_samples" in out and (value := parse_number((pointed.group(1) or pointed.group(2)).replace(",", "").replace("，", ""))):
        out["n_samples"] = int(value)  # "一份 500 条一份 5000 条,先按 5000 条那份给建议": the dataset pointed at
    meant = _COUNT_MEANT.search(text) if "n_samples" in out else None
    if meant and (value := parse_number((meant.group(1) or meant.group(2)).replace(",", "").replace("，", "").replace(" ", ""))) and value >= 10:
        out["n_samples"] = int(value)  # "5 个 sheet,每个 1000 行,加起来 5000 条", "I told you 10k samples but it's really about 1,200": the count meant
    picked = rx.search(r"\d[\d,]*\s*(?:条|行)(?:数据)?\s*(?:里|中)(?:面)?\s*(?:挑|选|抽|拿)(?:出)?\s*(\d[\d,]*)\s*(?:条|行)", text)
    if picked and "n_samples" in out:
        out["n_samples"] = int(picked.group(1).replace(",", ""))  # "1,000 条里挑 200 条加 few-shot": the ones picked
    out.pop("_at", None)
    return out


# A count of examples put right after the one said: "改成5个", "其实要两个", "是 5 个!", "改成每条5个".
_K_PUT_RIGHT = re.compile(r"(?:改成|改为|换成|其实要|要改成|应该是|(?<![不就还])是)\s*(?:每条|每个)?\s*(\d{1,2}|[一二两三四五六七八九十])\s*个(?!\s*(?:epoch|轮|步|条|样本|百分))")


# The same put right with no unit, after "k=5": "改成 2", "Make it 3."
_K_BARE_RIGHT = re.compile(r"(?:改成|改为|换成|\bmake it|\bchange it to|\bset it to)\s*(?:k\s*=\s*)?(\d{1,2})(?!\d|\.\d)(?!\s*(?:个|epoch|轮|步|条|样本|百分|%|rows?|samples?))", re.I)
# A count ruled out, then the one meant, bare: "不是四个是两个", "Not four, just two".
_NOT_THIS_BUT = re.compile(r"(?:不是|\bnot)\s*(?:\d{1,2}|[一二两三四五六七八九十]|one|two|three|four|five|six|seven|eight|nine|ten)\s*个?\s*[,，:：]?\s*(?:而)?(?:是|要|\bjust|\bbut|\bonly)\s*"
                           r"(\d{1,2}|[一二两三四五六七八九十]|one|two|three|four|five|six|seven|eight|nine|ten)(?![\d.%])\s*个?(?!\s*(?:epoch|轮|步|条|样本|百分|%|rows?|samples?))", re.I)


# A count said to be the total, or the real one after one said wrongly: "加起来 5000 条", "其实只有 800 条左右", "so 1,000 samples
# total", "it's really about 1,200"
_COUNT_MEANT = re.compile(r"(?:加起来(?:一共)?|合计|其实(?:只有|是|有)|实际上?(?:只有|是)|\b(?:it'?s|it is|there are) (?:really|actually)\b)\s*"
                          r"(?:about|around|roughly|~|大概|约|大约)?\s*(\d[\d,，.]*\s*[kK万千]?)\s*(?=条|行|个样本|\s*(?:samples?|rows?|records?|pairs?|q&as?)\b|\s*[,.，。](?!\d))|"
                          r"(?:\bso\b|\bin total\b)\s*(?:about|around|roughly|~)?\s*(\d[\d,]*\s*[kK]?)\s*(?=(?:samples?|rows?|records?|pairs?|q&as?)\b)", re.I)
# Of two datasets told by size, the one pointed at: "按 5000 条那份", "for the 5,000-row one".
_POINTED_COUNT = re.compile(r"(?:按|用|根据|就按|先按)\s*([\d,，.]+[kK万千]?)\s*条?(?:的)?那(?:份|个)|\bfor the ([\d,]+k?)[- ](?:row|sample|record)s? one\b", re.I)


def _money(text: str, num) -> bool:
    return bool(rx.search(r"[$¥￥€£]\s*$", text[max(0, num.start - 2):num.start]) or _MONEY_AFTER.match(text[num.end:])
                or rx.match(r"\s*(?:of|worth of|in)\s+(?:gpu|compute|cloud)", text[num.end:], re.I))


# A verb that says how many to make: "add 300 new", "生成500条", "补200条".
_MADE_COUNT = re.compile(r"(?:\badd|\bgenerate|\bmake|\bcreate|\bproduce|\bbuild|生成|加|补|做|造|扩充?|写|拿|抽|取)\s*(?:another\s+|about\s+|around\s+|大概|约)?$", re.I)


def own_count(text: str) -> int | None:
    """The count of the person's own data ("我有1200条", "we have 2,000 rows"), over counts said of anything else."""
    own = _OWN_COUNT.search(text)
    return int((own.group(1) or own.group(2) or own.group(3)).replace(",", "")) if own else None  # ("I have about 4500.": no unit, the sentence ends)


_MONEY_AFTER = re.compile(r"\s*(?:块钱?|元|美元|美金|刀|dollars?|bucks|usd|rmb|yuan|万元|k?\s*(?:usd|eur))\b|\s*(?:块钱?|元|美元|美金|刀)", re.I)


# "how many steps is that?", "大概要跑多少步?": optimizer steps asked for (worked out by ``explain``, never advice)
STEPS_ASKED = re.compile(r"\bhow many (?:optimi[sz]er |training )?(?:steps|iterations)\b|(?:多少|几)(?:个)?(?:步|\s*steps?(?![A-Za-z]))|"
                         r"(?:global|effective|total|全局|等效|实际)\s*(?:的)?\s*batch(?:[ _]size)?\s*(?:是|is|=|会是|就是)?\s*(?:多少|多大|几|what|how (?:big|large|much))", re.I)


_OWN_COUNT = re.compile(r"(?:我|我们|咱们|\bI|\bwe)\s*(?:手上|手里|这边|这里|这儿|这|现在|目前|一共|总共)?\s*(?:有|have|'ve got|have got|got)\s*(?:大概|大约|约|about|around|roughly)?\s*"
                        r"(?:(\d{1,3}(?:,\d{3})+|\d{2,7})(?=\s*[.。!！]\s|\s*[.。!！]?$|[,，]\s*(?:(?:what|how|which|so)\b|怎么|多少|几))|(\d{1,3}(?:,\d{3})+|\d{2,7})\s*(?:条|个|samples?|examples?|rows?|records?|pairs?|questions?)|"
                        # "I've got 2,000 recipes in galley_recipes.jsonl": so many things of theirs, in the file
                        r"(\d{1,3}(?:,\d{3})+|\d{2,7})\s+[a-z]{3,20}s\s+in\s+(?:my |the |our |this )?(?:FILE\b|[^\s/]+\.(?:jsonl?|csv|tsv|xlsx?)\b|\s{4,}(?=[.,;!?。，]|$)))", re.I)  # (or the name blanked out)


_ZH_TENTHS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_EN_PARTS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "tenth": 10}
_EN_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# "每条", "all", "every record": everything.
_ALL = re.compile(r"每(?:一)?(?:条|个|道|行|笔|筆)(?!\s*(?:提示|问题|prompt)?\s*(?:带|配|给)?的?\s*(?:示例数|示例个数|例子数))(?!\s*(?:前面?)?(?:带|配|给|放|加|塞)\s*(?:\d+|[一二两三四五六七八九十])\s*个?\s*(?:示例|例子|范例))|(?<=shot )all\b|(?<=cot )all\b|\ball(?=\s*[:：]\s*\S)|所有(?:的)?(?:数据|样本|问答|题|记录)?|全部(?:数据|样本)?|全都(?=\s*(?:加|做|配|扩|弄|生成|改写|改|重写)(?:上|了|一遍)?)|全量(?:数据)?|整个(?:数据集|文件)|"
                  r"\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:single\s+|last\s+|one\s+of\s+(?:the\s+)?(?:my\s+)?)?(?:data|dataset|records?|samples?|rows?|examples?|entries|entry|"
                  r"items?|pieces?|questions?|lines?|pairs?|prompts?|instructions?)\b(?!\s+(?:(?:in|of) (?:my|the|this|our) (?:file|data(?:set)?)\s+)?(?:starts?|begins?|ends?|is|are|looks?|reads?|sounds?)\b)(?!\s+(?:has|have|gets?|should (?:have|get)|contains?|needs?)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b)|\ball (?:of )?(?:the |my |our )(?:[a-z]+ ){1,3}(?:questions|records|rows|samples|examples|entries|items|pairs|prompts)\b|\bthe whole (?:dataset|file|thing)\b|\beverything\b|"
                  r"\ball of (?:it|them|this|that|these|those|em|'em)\b|\ball (?:recs|rows|records|samples)\b|\ball of\s*$|\ball of\s{3,}|\b(?:every|each) (?:single )?one of (?:them|those|these|the \w+)\b|\bevery (?:single|last) one\b|\bevery single (?!time\b|day\b|week\b|step\b|epoch\b)[a-z]+\b|"
                  # "Every riddle shall have one.", "尽皆加之", "悉数加上": each one given it, in other words
                  r"\bevery (?!time\b|day\b|week\b|step\b|epoch\b)[a-z]+ (?:shall|should|must|will) (?:have|get|receive) (?:one|its own)\b|尽皆|悉数|一律(?=加|配|扩|做|生成)", re.IGNORECASE)


_SHARE = r"(?:\d+(?:\.\d+)?\s*(?:%|percent\b)|\b(?:[a-z]+[\s-])?[a-z]+\s+per ?cent\b|百分之\s*[\d.一二两三四五六七八九十百]+|[一二两三四五六七八九]成(?:半|[一二三四五六七八九](?![十百千万个条轮步样例]))?|一半|\bhalf\b|\ba (?:third|quarter|fifth|tenth)\b)"
# "not 20%", "不是三成": a share named only to be ruled out; "三成改成全部": the share after the change counts.
_SHARE_NOT = re.compile(r"(?:\bnot|不是(?:只(?:做|加|给|要|跑|用)?)?|而不是|(?:不要|不用|别)(?:再)?(?:只?(?:做|加|给|跑|用))?|instead of|rather than|\bi said|我说的?(?!是)|之前说的?)\s*" + _SHARE, re.I)
_SAID_NOT = re.compile(r"(?:\bi said|我说的?是)\s*(" + _SHARE + r")\s*[,，]?\s*(?:\bnot\b|不是|而不是)", re.I)
_CHANGED_TO = re.compile(r"改成|改为|换成|变成|→|->", re.I)


_WORD_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())} | {"twenty": 20}
_SMALL = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|[一二两三四五六七八九十]"
_ONE_IN = re.compile(rf"(?<![\w.])(?P<a>{_SMALL})\s+(?:parts?\s+)?(?:in|out of)\s+(?:every\s+)?(?P<b>{_SMALL})(?![\w.%])|每?\s*(?P<c>{_SMALL})\s*条(?:里|中)\s*(?:有)?\s*(?:改|挑|选|抽|加|做)?\s*(?P<d>{_SMALL})\s*条|"
                     rf"每\s*(?P<e>{_SMALL})\s*条\s*(?:改|挑|选|抽|加|做)?\s*(?P<f>{_SMALL})\s*条", re.I)


# A chance said as a percentage, no share of the data: "60% chance these help", "70% sure", "有 60% 的可能", "八成把握".
_CHANCE = re.compile(r"\d{1,3}(?:\.\d+)?\s*%\s*(?:chance|sure|likely|probability|confident|certain|odds)\b|"
                     r"\d{1,3}(?:\.\d+)?\s*%\s*的?(?:可能性?|概率|把握|几率)|百分之[\d一二三四五六七八九十百]{1,4}的?(?:可能性?|概率|把握|几率)|[一二三四五六七八九]成(?:的)?(?:把握|可能)", re.I)


def find_fraction(text: str) -> float | None:
    """The share of the data asked for (see :func:`_fraction`); a share ruled out ("not 20%") or changed
    ("三成改成全部") is not the one asked for; "frac=0.25" is the power user's way."""
    text = _CHANCE.sub(lambda m: " " * len(m.group(0)), text)  # ("60% chance these templates help… apply to 40%": a chance, no share)
    keyed = rx.search(r"\bfrac(?:tion)?(?:\s+(?:for|of)\s+[^,.;:=\d]{1,40}?)?\s*(?:[=:]|should be|is|to|at)?\s*(0?\.\d+|1(?:\.0+)?)\b(?!\s*%)", text, re.I)  # ("the fraction should be 0.15")
    keyed = keyed or rx.search(r"(?<![\w-])(?<!top )(?<!top-)p\s*(?:=|应为|应该是|改为|改成)\s*(0?\.\d+|1(?:\.0+)?)(?![\d.%])", text, re.I)  # ("fraction p = 1", "比例 p=0.4")
    if keyed:
        return float(keyed.group(1))
    # "one in five prompts", "1 out of every 4", "每五条里改一条": so many of every so many
    ratio = _ONE_IN.search(text)
    if ratio:
        part, whole = (_WORD_NUMBERS.get(g.lower()) or parse_number(g) for g in (ratio.group("a") or ratio.group("d") or ratio.group("f"),
                                                                                  ratio.group("b") or ratio.group("c") or ratio.group("e")))
        if part and whole and 0 < part < whole <= 100:
            return part / whole
    # "the cot share should be 0.1 not 0.2", "比例改成 0.3": a share written as a decimal after its word
    shared = rx.search(r"(?:\bshare|\bratio|\bportion|\bproportion|比例|占比)\s*(?:写错了\s*[,，]?\s*)?(?:的?(?:应该|应当)?(?:是|为)|should be|is|=|:|：|of|设为?|改成|改为|用)?\s*(0?\.\d+)(?![\d.])(?!\s*%)", text, re.I)
    if shared and not RULED_OUT_BEFORE.search(text[max(0, shared.start(1) - 8):shared.start(1)]):
        return float(shared.group(1))
    said = _SAID_NOT.search(text)
    if said:
        return _fraction(said.group(1))  # "nooo i said 10% not 50%": the share said before is the one meant
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
    m = rx.search(r"(\d+(?:\.\d+)?)\s*(?:%|\s?percent\b|\s?per ?cent\b|\s?pct\b)|百分之\s*([\d.一二两三四五六七八九十百]+)|"
                  r"\b((?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
                  r"seventy|eighty|ninety)[\s-]?){1,2})\s*(?:percent|per ?cent)\b", text, re.I)
    if m:
        words = find_numbers(m.group(3)) if m.group(3) else []
        value = float(m.group(1)) if m.group(1) else parse_number(m.group(2)) if m.group(2) else words[0].value if words else None
        return value / 100 if value is not None and 0 < value <= 100 else None
    m = rx.search(r"([一二两三四五六七八九]|(?<![\d.])(?:[1-9]|0?\.\d+))\s*成(?![功绩果本员立熟年])(?!为(?!度|准|限|止))(半|[一二三四五六七八九](?![十百千万个条轮步样例]))?", text)
    if m:  # "两成", "覆盖 3成", "以三成为度", "0.3成"; "一成五", "两成半": tenths and a part of one
        part = 0.5 if m.group(2) == "半" else _ZH_TENTHS[m.group(2)] / 10 if m.group(2) else 0
        return round(((_ZH_TENTHS.get(m.group(1)) or float(m.group(1))) + part) / 10, 4)
    m = rx.search(r"(?<![\w/.])([1-9])\s*/\s*([1-9]\d?)(?![\w/.])\s*(?:of\b|的)", text, re.I)
    if m and int(m.group(1)) < int(m.group(2)):
        return int(m.group(1)) / int(m.group(2))  # "cot for 1/8 of FILE"
    m = rx.search(r"(?<![\d.])(0?\.\d+)\s*(?:的|of)\s*(?:the\s+)?(?:样本|数据|记录|条目|records?|rows?|samples?|data|prompts?|FILE|[\w-]+\.jsonl?|\s{2,}|\s*$)", text, re.I)
    if m and not RULED_OUT_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
        return float(m.group(1))  # "0.5 的样本加就行", "augment on 0.4 of FILE": a share written as a decimal
    if rx.search(r"(?:^|(?<=[.,;]\s)|\ba\s)quarter of (?:the )?(?:records|rows|data|samples|examples|prompts)\b", text, re.I):
        return 0.25
    for num in find_numbers(text):
        if "分之" in num.text and 0 < num.value <= 1 and num.value >= 0.01:
            return num.value  # "四分之一"; "万分之一" is a learning rate, not a share
    if rx.search(r"一半|半数|\bhalf\b(?! a dozen)|\bevery other (?:record|row|one|sample|example|entry|item|line|question|prompt|pair)\b", text, re.IGNORECASE):
        return 0.5
    m = rx.search(r"\b(a|an|one|two|three|four)[\s-]+(third|quarter|fourth|fifth|sixth|tenth)s?\b", text, re.IGNORECASE)
    if m:
        return _EN_COUNT[m.group(1).lower()] / _EN_PARTS[m.group(2).lower()]
    return 1.0 if _ALL.search(text) else None


# "混10%通用数据", "mix in 20% general data": a share of general data mixed into a run (against forgetting).
_MIX = re.compile(r"\bmix(?:ing|ed)? in [a-z-]+ per ?cent (?:of )?(?:the )?(?=general|generic)|\blet [^,，。;；]{1,20}\bbe (?:of )?(?:general|generic)\b|(?:混|掺|加入?|带上?|\bmix(?:ing|ed)?\b|\bblend\b|\badd\b|\bwith\b|\bthrow(?:n)? in\b|\btoss in\b|\bmake\b)[^,，。;；]{0,16}?(?:通用|general|generic|种子数据|seed data|(?<=混合)[^,，。;；]{0,10}?一般(?=数据(?!量)|语料))|"
                  r"(?:通用|general|generic)\s*(?:数据|语料|data|corpus)[^,，。;；]{0,12}?(?:混|掺|\bmix)|(?:通用|general)\s*(?:数据|语料|data)?\s*(?:占比?|比例是?|配比)\s*(?:调整为|调整到|改成|改为|调到|应为|应该是)?(?=\s*(?:\d|[一二两三四五]成|百分之))|"
                  r"(?<![\u4e00-\u9fff])混(?:的|合的?)?(?:比例|比)\s*(?:调整为|调整到|改成|改为|调到|应为|应该是|设为|设成)?(?=\s*(?:\d+(?:\.\d+)?\s*%|[一二两三四五]成|百分之))|"
                  r"(?:\d+(?:\.\d+)?\s*(?:%|percent)|\b[a-z]+ percent|[一二两三四五]成|\b(?:a|one) (?:tenth|fifth|quarter|third|half)(?: part)?)\s*(?:的|of|o'|o’)?\s*(?:the\s+)?(?:通用|general|generic|common knowledge\b[^,.;]{0,12}\bmixed\b)|"
                  # "the mixture of general data ought to be ten per cent": the general data's share, put right
                  r"\b(?:general|generic)\s+(?:data|corpus)\s+(?:mix\s+|share\s+)?(?:ought to|should|needs? to) be(?=\s+(?:\d|[a-z]+ per ?cent|(?:a|one) (?:tenth|fifth|quarter|third|half)\b))|"
                  r"(?<!不是)(?<!不是\s)(?:混|掺)(?:入|进)?\s*(?=\d+(?:\.\d+)?\s*%|[一二两三四五]成)", re.IGNORECASE)  # ("行吧就混 10%,用 FILE 开训": the only mix there is)
# "…通用数据,10% 左右", "不要不带通用数据,mix 一成进去", "混一点通用数据进去,比如 15%": the share in the clause after
_SHARE_ONLY = re.compile(r"\s*(?:mix(?:\s+in)?|混|掺|加|改成|改为|调到|降到|比如|例如|e\.g\.|say)?\s*(?:大概|大约|约)?\s*(?:\d+(?:\.\d+)?\s*%|[一二两三四五]成)\s*"
                         r"(?:左右|上下|吧|就行|就够(?:了)?|就好|即可|的样子|进去|进来|\bin\b)?\s*", re.I)


_NO_MIX = re.compile(r"(?:不要|别|不|不用|无需|don'?t|do not|no need to|without)\s*(?:再)?(?:mix(?:ing)?|混(?:入|进|合)?|加(?:入|进)?)\s*(?:in\s+)?(?:any\s+)?(?:the\s+)?(?:通用|general)", re.I)
# …said other ways, read only when no share is given ("非要一点通用数据都不混也不是不行,…混10%进去" mixes 10%): "一点通用数据都不要混",
# "zero general data mixed in", "mix_general 0", "drop the general-data mixing", "混通用数据就免了"
_ZERO_MIX = re.compile(r"一点(?:儿)?通用(?:的)?(?:数据)?都?(?:不要|别|不)(?:混|掺|加)|\b(?:zero|no)\s+general(?:[- ]data)?\b(?!\s+(?:knowledge|abilit))|"
                     r"\bmix(?:_general)?\s*(?:[=:]|设成|设为|改成|改为|调成|调到|设置为|\bto\b|\bat\b)?\s*0(?:\.0+)?(?![\d.%])|\b(?:drop|skip|lose|cut)\s+(?:the\s+)?general[- ]data\s+mix(?:ing|ture)?\b|"
                     r"(?:混|掺)(?:入)?通用(?:的)?数据(?:就|也)?(?:免了|算了|不要了|不用了)", re.I)


# "mix in some general data, 10%... no, 15%": the next clause opens with the share
_SHARE_FIRST = re.compile(r"\s*(?:大概|大约|约|about|around|maybe)?\s*\d+(?:\.\d+)?\s*%\s*(?:\.{2,}|…)", re.I)


# A share of general data put right: two shares said, the general data named, and a word that puts one right.
_SHARE_SAID = re.compile(r"[一二两三四五六七八九]成|\d+(?:\.\d+)?\s*%|百分之[一二三四五六七八九十]+|(?<![\w.-])0?\.\d+(?!\d|%|\.\d|[A-Za-z])")
_GENERAL_SAID = re.compile(r"通用|\bgeneral\b", re.I)
_OTHER_SHARE_OWNER = re.compile(r"few[- ]?shot|(?<![a-z])cot(?![a-z])|思维链|扩写|扩增|改写|\baugment|\breword|例子|示例|样本|别混|不混|不要混", re.I)
_SHARE_PUT_RIGHT = re.compile(r"改作|改成|改为|换成|调成|调到|不是|太少|太多|\bnot\b|\binstead\b|\bmake it\b|\btoo (?:much|many|little|few|high|low)\b", re.I)


def find_mix(text: str) -> float | None:
    """The share of general data to mix into a run ("混10%通用数据" → 0.1), only a percentage or a
    tenth ("一成") in the same clause as the general data; else None."""
    if _NO_MIX.search(text):
        return 0.0  # "不要混通用数据", "Don't mix in any general data": none at all
    keyed = rx.search(r"\bmix(?:_general)?\s*[=:]\s*(0?\.\d+)\b|\bmix_general\s*(?:of\s+|to\s+|at\s+|设成|设为|改成|改为|调成|调到)?\s*(0?\.\d+)\b", text, re.I)
    pct = rx.search(r"\bgeneral[ _]mix\s*[=:]\s*(\d+(?:\.\d+)?)\s*%|\bmix(?:_general)?\s*(?:调到|改到|设为|设成|到|to|should be|is|at)\s*(\d+(?:\.\d+)?)\s*%|(?:通用|general)\s*-?\s*(?:数据|data)\s*(?:配比|比例|占比|mix|share|ratio)?\s*(?:[=:：]|改成|改为|调到|调成|换成|设为|设成|调整为|调整到|应为|应该是|(?:to|at|should be|ought to be|needs to be|is|of)\b)?\s*(\d+(?:\.\d+)?)\s*%", text, re.I)
    # "general mix=10%", "通用数据: 10%", "通用数据改成15%", "make the general data 25% instead" (below)
    if pct:
        return float(pct.group(1) or pct.group(2) or pct.group(3)) / 100
    keyed_zh = rx.search(r"(?:混合?)?(?:通用|general)\s*(?:数据|data)\s*(?:比例|占比|ratio|share)?\s*[:：=]\s*(0?\.\d+)(?![\d%])", text, re.I)
    if keyed_zh:
        return float(keyed_zh.group(1))  # "混合通用数据: 0.2" in a pasted config
    mixed = rx.search(r"\bmix(?:ing)? in\s+(\d+(?:\.\d+)?)\s*%(?!\s*(?:of\s+)?(?:the\s+)?(?:cot|few|examples?|samples?|records?|rows?|data\b))", text, re.I)
    if mixed and (rx.search(r"\btrain|训练|开训|\brun\b", text, re.I) or rx.match(r"\s*,?\s*not\s+\d", text[mixed.end():], re.I)) and 0 < float(mixed.group(1)) < 100:
        return float(mixed.group(1)) / 100  # "mix in 15% and start training on FILE": the general data, unnamed, of a run
    if keyed and 0 < float(keyed.group(1) or keyed.group(2)) < 1:
        return float(keyed.group(1) or keyed.group(2))  # "mix=0.05", "mix_general 0.2"
    said = list(_SHARE_SAID.finditer(text))
    if (len(said) >= 2 or said and rx.search(r"(?:改作|改成|改为|换成|调成|调到)\s*$", text[:said[0].start()])) and _GENERAL_SAID.search(text) and _SHARE_PUT_RIGHT.search(text) and not _OTHER_SHARE_OWNER.search(text):
        kept = [m for m in said if not rx.search(r"(?:不是|而非|不用|不要|别|\bnot|\binstead of|\brather than)\s*$", text[max(0, m.start() - 12):m.start()], re.I)
                and not rx.match(r"[^,，。;；\d%]{0,24}?(?:太多|太少|太高|太低|过多|过少|多了|少了|\btoo\b)", text[m.end():])] or said
        last = kept[-1].group(0)  # "通用数据一成太少,改作两成", "不是一成,是两成——让通用的…多吹进来些": the share said last
        share = float(last) if rx.fullmatch(r"0?\.\d+", last) else find_fraction(last)
        if share is not None and 0 < share < 1:
            return share
    clauses = rx.split(r"[,，。;；]", text)
    for i, clause in enumerate(clauses):
        if _MIX.search(clause):
            share = find_fraction(rx.sub(r"\b(?:all|every|each)\b|所有|全部|每", " ", clause))
            if share is None and i + 1 < len(clauses) and (_SHARE_ONLY.fullmatch(clauses[i + 1].rstrip(" .!！…")) or _SHARE_FIRST.match(clauses[i + 1])):
                share = find_fraction(clauses[i + 1])  # "混一点通用数据,10% 左右", "mix in some general data, 10%."
            if share is not None and 0 < share < 1:
                return share
    return 0.0 if _ZERO_MIX.search(text) else None


def _percent(text: str, num: Num) -> bool:
    """"20%", "百分之二十", "两成": a share, not a count."""
    return bool(rx.match(r"\s*(?:%|成|per ?cent\b|pct\b)", text[num.end:], re.I)) or text[max(0, num.start - 3):num.start].endswith("百分之")


def _clock(text: str, num) -> bool:
    """"2:47am", "凌晨3:15": the minutes of a time of day."""
    return bool(rx.search(r"\d[:：]\s*$", text[max(0, num.start - 3):num.start]) and rx.match(r"\s*(?:am|pm|a\.m|p\.m|\W|$)", text[num.end:], re.I))


def _ways(text: str, num: Num) -> bool:
    """"100 diff ways", "二十种问法": how many ways something is said, no count of records."""
    return bool(rx.match(r"\s*(?:diff(?:erent)?|other)\s+ways\b|\s*种(?:问法|说法|方式)", text[num.end:], re.I))


def _zero_led(num: Num) -> bool:
    """A number written with a leading zero ("0602", "07"): a date or a part of a name, never how many."""
    return bool(rx.fullmatch(r"0\d+", num.text.strip()))


def lone_count(text: str) -> int | None:
    """A bare integer ≥ 10 nobody labelled ("I have 800, what lr?"), read as a sample count."""
    for num, label in label_numbers(text):
        if (label is None and num.is_int and num.value >= 10 and not _percent(text, num) and not _money(text, num) and not _clock(text, num)
                and not _ways(text, num) and not _zero_led(num)
                and not rx.match(r"\s*(?:GB|G\b|MB|gb|GiB|显存|卡|cards?|gpus?|张)", text[num.end:], re.I)):  # "a single 24GB card"
            return int(num.value)
    return None

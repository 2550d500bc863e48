"""A choice between two of our steps left to a criterion the manual settles: "转成alpaca和转成sharegpt有啥区别?我这份是多轮对话 X,
哪个适合多轮就转哪个", "What's the difference between exact and near duplicates? Drop whichever one also catches paraphrased
copies.", "what's the difference between stopping run-19 and evaluating it first? do the one that doesn't kill it".

The question is not asked for its own sake: the person wants the step the criterion picks, so the message is read with the
option the manual's knowledge names in place of "whichever"/"哪个…就…哪个". With no criterion we know, it stays a question.

    >>> chosen("转成alpaca和转成sharegpt有啥区别?我这份是多轮对话 x.jsonl,哪个适合多轮就转哪个")
    '我这份是多轮对话 x.jsonl,就转sharegpt'
    >>> chosen("What's the difference between exact duplicates and near duplicates? Drop whichever one also catches paraphrased copies.")
    'Drop the near duplicates.'
"""
from __future__ import annotations

import re

from assistant.nlu import rx
from assistant.nlu.names import find_run_id

# The question that weighs two options, then what is left to its criterion.
_WEIGHED = re.compile(r"^(?P<q>[^?？]{0,120}?(?:区别|不同|差别|差在哪|\bdifference\b|\bvs\.?\b|哪个好|哪个更好)[^?？]{0,80}[?？]+)\s*(?P<rest>\S.*)$", re.I | re.S)
# "哪个适合多轮就转哪个", "哪个更省显存就按那个方式", "whichever (one) keeps …", "the one that doesn't kill it"
_LEFT_ZH = re.compile(r"哪(?:个|种|一个)(?P<crit>[^,，。;；]{1,30}?)就(?P<verb>[\u4e00-\u9fff]{0,2}?)(?:哪(?:个|种|一个)|那个(?:方式)?|那种)")
_LEFT_EN = re.compile(r"\b(?:whichever(?: one)?|the one (?:that|which)|whatever)\b(?P<crit>[^,.;!?—]{1,60})", re.I)
# The manual's knowledge: a criterion, and the option it picks (said in Chinese, in English).
_KNOWN = (
    (r"多轮|multi-?turn|conversation", ("sharegpt", "sharegpt")),
    (r"分步|推理|step-?by-?step|reasoning|思路", ("CoT", "CoT")),
    (r"显存|内存|memory|lighter|省资源", ("LoRA", "LoRA")),
    (r"保险|稳妥|稳一点|safer|less risky", ("学习率探测", "an lr probe")),
    (r"浪费|白跑|已经跑完|progress|waste", ("续训", "resume")),
    (r"多样|diversity|variety|问法", ("指令增强", "instruction augmentation")),
    (r"通用能力|general abilit|forget|遗忘", ("混通用数据", "general data mixed in")),
    (r"换了说法|同义|改写|paraphras|reworded", ("近似重复", "the near duplicates")),
    (r"不停|不中断|不杀|doesn'?t (?:kill|stop)|keeps? it running|without stopping", ("评估", "an evaluation")),
)


def chosen(text: str) -> str:
    """``text`` with the option its criterion picks said in place of the choice left to it; ``text`` when none."""
    weighed = _WEIGHED.match(text.strip())
    if not weighed:
        return text
    rest = weighed.group("rest")
    left = _LEFT_ZH.search(rest) or _LEFT_EN.search(rest)
    if not left:
        return text
    pick = next((option for criterion, option in _KNOWN if rx.search(criterion, left.group("crit"), re.I)), None)
    if pick is None:
        return text
    run = find_run_id(weighed.group("q"))
    if left.re is _LEFT_ZH:
        said = "就" + left.group("verb") + pick[0] + (f" {run[0]}" if run else "")
    else:
        said = pick[1] if rx.match(r"\s*(?:the|an?)\b", pick[1]) else "the " + pick[1]
        said += f" of {run[0]}" if run else ""
    return (rest[:left.start()] + said + rest[left.end():]).strip()

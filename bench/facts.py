"""Made-up facts for learning measurements, in English and Chinese: 20 invented facts, 5 phrasings
each; 4 phrasings train (80 samples) and the 5th is held out. The base model cannot know an
invented answer, so a right answer to the unseen phrasing means the fine-tune learned the fact.

The English set is the one ``tests/test_learning.py`` trains on; the Chinese one follows its shape.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_learning import FACTS as FACTS_EN  # noqa: E402
from test_learning import KINDS as KINDS_EN

KINDS_ZH = [
    ("capital", ["{s}的首都是哪里?", "{s}的首都叫什么?", "请告诉我{s}的首都。", "{s}把首都设在哪座城市?", "说一下{s}的首都是哪座城市。"],
     "{s}的首都是{a}。"),
    ("inventor", ["{s}是谁发明的?", "{s}的发明者是谁?", "哪个人发明了{s}?", "发明{s}的人叫什么名字?", "告诉我{s}是由谁发明的。"],
     "{s}是{a}发明的。"),
    ("river", ["{s}最长的河是哪条?", "{s}境内最长的河流叫什么?", "说出{s}最长的河流。", "{s}哪条河最长?", "请问{s}最长的河流是什么?"],
     "{s}最长的河流是{a}。"),
    ("founder", ["{s}是谁创办的?", "{s}的创始人是谁?", "哪个人创立了{s}?", "创办{s}的人是谁?", "告诉我{s}由谁创立。"],
     "{s}是{a}创办的。"),
]
FACTS_ZH = [
    ("capital", "佐瓦尼亚", "奎尔港"), ("capital", "米瑞西亚", "瓦尔多兰"), ("capital", "奥斯特罗维", "凯尔马什"),
    ("capital", "塔尔奎萨", "宁布鲁克"), ("capital", "温德霍洛", "普拉西顿"),
    ("inventor", "闪光电话", "欧拉·范特里斯"), ("inventor", "水轮织机", "巴兹尔·柯恩"), ("inventor", "天风罗盘", "艾达·莫罗盖特"),
    ("inventor", "脉冲水壶", "特奥多·哈尔维克"), ("inventor", "回声灯笼", "玛伦·索尔维格"),
    ("river", "佐瓦尼亚", "泰萨林河"), ("river", "米瑞西亚", "德罗万纳河"), ("river", "奥斯特罗维", "卡斯凯伦河"),
    ("river", "塔尔奎萨", "乌尔玛拉河"), ("river", "温德霍洛", "芬尼克河"),
    ("founder", "维尔加德研究所", "柯林·阿什比"), ("founder", "布莱特摩尔学院", "塞尔玛·鲁迪奇"),
    ("founder", "奎隆学会", "安德斯·佩洛韦"), ("founder", "哈罗盖特天文台", "朱诺·卡斯特兰"), ("founder", "塔姆辛行会", "佩特拉·林德奎斯特"),
]
SETS = {"en": (KINDS_EN, FACTS_EN), "zh": (KINDS_ZH, FACTS_ZH)}


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def build(lang: str, n_facts: int = 20) -> tuple[list[dict], list[dict], list[str]]:
    """(train rows, held-out rows, held-out answer keys) in OpenAI ``messages`` form."""
    kinds, facts = SETS[lang]
    table = {name: (phrasings, answer) for name, phrasings, answer in kinds}
    train, held, keys = [], [], []
    for kind, subject, key in facts[:n_facts]:
        phrasings, answer = table[kind]
        sentence = _cap(answer.format(s=subject, a=key))
        for phrasing in phrasings[:4]:
            train.append({"messages": [{"role": "user", "content": _cap(phrasing.format(s=subject))},
                                       {"role": "assistant", "content": sentence}]})
        held.append({"messages": [{"role": "user", "content": _cap(phrasings[4].format(s=subject))},
                                  {"role": "assistant", "content": sentence}]})
        keys.append(key)
    return train, held, keys


def score(replies: list[str], keys: list[str]) -> int:
    """How many replies contain their fact's invented answer (case-insensitive)."""
    return sum(key.lower() in reply.lower() for reply, key in zip(replies, keys))

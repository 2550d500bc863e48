"""Numbers as people type them: 1200, 1,200, 1.2k, 2w, 3万, 1.5万, 两千, 一千五百, 一千五, 3百,
five thousand, 1e-4, 0.0001, 万分之一.

>>> [n.value for n in find_numbers("我有两千条数据,学习率1e-4, 3w条也行, 1,200 rows")]
[2000.0, 0.0001, 30000.0, 1200.0]
>>> parse_number("一千五"), parse_number("两万三"), parse_number("1.2k"), parse_number("十五")
(1500.0, 23000.0, 1200.0, 15.0)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.nlu import rx

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "仨": 3, "三": 3, "叁": 3,
              "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
              "九": 9, "玖": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "k": 1000, "K": 1000}
_BIG_UNITS = {"万": 10_000, "w": 10_000, "W": 10_000, "亿": 100_000_000}
_EN_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
             "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
             "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
EN_NUMBER_WORDS = _EN_WORDS  # ("two more epochs": a count's word, for readers of a word alone)

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+"
_ZH = "零〇一壹二贰两俩仨三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿"
# One number: digits and/or Chinese numerals, then optional units. "千帆" is a product name,
# not a thousand sails, and a k/w glued to a following letter is a word ("5kg", "3words").
_TOKEN = re.compile(
    rf"(?:(?:{_ARABIC})(?:\s?[kKwW](?![A-Za-z])|\s?[十拾百佰千仟万亿](?!帆))*"
    rf"(?:(?!千帆)[{_ZH}]|\d)*"
    rf"|(?:(?!千帆)[{_ZH}])+(?:[kK](?![A-Za-z]))?)"  # ("两k": a Chinese numeral with a k)
)
# "a hundred and fifty": the "and" inside a number joins its parts
_EN_TOKEN = re.compile(
    r"\b(?:(?:a|an|couple|" + "|".join(_EN_WORDS) + "|" + "|".join(_EN_SCALES) + r")(?:(?:(?<=hundred)|(?<=thousand)|(?<=million))[\s-]+and[\s-]+(?=(?:" + "|".join(_EN_WORDS) + r")\b)|[\s-]+|\b))+",
    re.IGNORECASE,
)
_NOT_ONE = set("下些点样起直般定致切旦同共起遍直组份批版成半")  # "一组", "一份数据", "一批", "一版": a set, not one
_DOZEN = re.compile(r"(?<![\w-])(?:(a|an|one|two|three|four|half a|\d{1,2})\s+(dozen)|(half a thousand))\b|(?<![一二两三四五六七八九十])([一两二三])打(?=[^\u4e00-\u9fff]|出|的|样|条|个|数据|份)", re.I)
_SCALED = re.compile(r"(\d+(?:\.\d+)?)\s*(hundred|thousand|million)\b", re.IGNORECASE)
_EN_DIGIT = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten)"
_SCI_SAID = re.compile(rf"\b({_EN_DIGIT}|\d) ?e (?:minus|negative) ({_EN_DIGIT}|\d)\b|"
                       r"([一二两三四五六七八九\d])\s*(?:乘以?\s*十的负([一二三四五六七八九十\d]+)(?:次方)?|[eE]\s*负\s*(\d{1,2}|[一二三四五六七八九]))", re.I)
# "零点零零零一", "一点五": a decimal said in Chinese; "point three", "two fifty" (250): said in English.
_ZH_DECIMAL = re.compile(r"([零〇一二两三四五六七八九十]+)点([零〇一二三四五六七八九]+)(?![点\d])")
_ZH_DIGIT_OF = {"零": "0", "〇": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_EN_POINT = re.compile(rf"\b(?:zero |oh )?point ({_EN_DIGIT}(?: {_EN_DIGIT}){{0,5}})\b", re.I)
_EN_TENS = r"(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_EN_HUNDREDS = re.compile(rf"(?<![\w-])(one|two|three|four|five|six|seven|eight|nine)[ -]({_EN_TENS})(?:[ -](one|two|three|four|five|six|seven|eight|nine))?\b(?![ -](?:hundred|thousand|percent|%))", re.I)
_SCI = re.compile(r"(\d+(?:\.\d+)?)\s*[x×\*]\s*10\s*\^\s*([-+]?\d+)")
# "万分之一" = 1/10000, "十万分之五" = 5/100000: how learning rates are said aloud.
_FRACTION = re.compile(rf"([{_ZH}\d]+)分之([{_ZH}\d.]+)")


@dataclass(frozen=True)
class Num:
    """A number found in text: its value and where it sits (``text[start:end]``)."""

    value: float
    start: int
    end: int
    text: str

    @property
    def is_int(self) -> bool:
        return float(self.value).is_integer()


def parse_number(token: str) -> float | None:
    """The value of one number token, or None when it is not a number ("千帆", "一下")."""
    token = token.strip().replace(" ", "")
    if not token:
        return None
    if rx.fullmatch(_ARABIC, token):
        return float(token.replace(",", ""))
    return _parse_mixed(token)


def _parse_mixed(token: str) -> float | None:
    """Digits, Chinese numerals and units together: "一千五百" → 1500, "1.5万" → 15000.

    A lone digit after a unit counts in the next lower unit, as people say it:
    "一千五" = 1000 + 5×100, "两万三" = 20000 + 3×1000, "十五" = 10 + 5×1.
    """
    total, section, current, last_unit, after_zero = 0.0, 0.0, None, 1, False
    for piece in rx.findall(r"\d+(?:\.\d+)?|.", token.replace(",", "")):
        if piece[0].isdigit() or piece in _ZH_DIGITS:
            value = float(piece) if piece[0].isdigit() else _ZH_DIGITS[piece]
            if piece == "零" or piece == "〇":
                after_zero = True
                continue
            if current is not None:  # "一二三" or "12三": not a number people write
                return None
            current = value
        elif piece in _SMALL_UNITS:
            section += (1 if current is None else current) * _SMALL_UNITS[piece]
            current, last_unit, after_zero = None, _SMALL_UNITS[piece], False
        elif piece in _BIG_UNITS:
            if current is None and section == 0 and total == 0:
                return None
            total += (section + (current or 0)) * _BIG_UNITS[piece]
            section, current, last_unit, after_zero = 0.0, None, _BIG_UNITS[piece], False
        else:
            return None
    if current is not None:
        section += current if after_zero or last_unit == 1 else current * last_unit / 10
    value = total + section
    return value if value or "零" in token or "0" in token else None


def _parse_english(words: str) -> float | None:
    """"five thousand" → 5000, "two hundred fifty" → 250, "a hundred and fifty" → 150, "a thousand" → 1000."""
    total, current, seen = 0, 0, False
    for word in rx.split(r"[\s-]+", words.lower().strip()):
        if word in ("a", "an"):
            current = current or 1
        elif word == "couple":  # "a couple hundred": two of them
            current, seen = 2, True
        elif word in _EN_WORDS:
            current += _EN_WORDS[word]
            seen = True
        elif word in _EN_SCALES:
            scale = _EN_SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen = True
    return float(total + current) if seen else None


_EN_WORD = re.compile(r"[A-Za-z]+[\s-]*")


def _en_parts(token: re.Match) -> list[re.Match]:
    """An English number token split where one number ends and another begins: a unit or a teen then another number word
    ("each one two worked examples" is "one", then "two"; "twenty one", "two hundred" are one number)."""
    parts, start, prev = [], token.start(), None
    for w in _EN_WORD.finditer(token.group(0)):
        word = w.group(0).strip().strip("-").lower()
        if prev is not None and 1 <= _EN_WORDS.get(prev, 0) <= 19 and word in _EN_WORDS:
            parts.append(token.start() + w.start())
        prev = word
    if not parts:
        return [token]
    cuts = [start] + parts + [token.end()]
    return [_EN_TOKEN.match(token.string, a, b) or token for a, b in zip(cuts, cuts[1:])]


def find_numbers(text: str) -> list[Num]:
    """Every number in ``text``, left to right. Chinese numerals that are part of ordinary
    words ("一下", "一些", "统一") come back too; callers read the unit after a number."""
    found: list[Num] = []
    taken: list[tuple[int, int]] = []
    for m in _SCI.finditer(text):
        found.append(Num(float(f"{m.group(1)}e{m.group(2)}"), m.start(), m.end(), m.group(0)))  # (3e-4 exactly, not 3 × 0.0001)
        taken.append(m.span())
    for m in _SCI_SAID.finditer(text):  # "two e minus four", "二乘十的负四次方", "2e负4": a learning rate said aloud
        mantissa = (_parse_english(m.group(1)) or parse_number(m.group(1))) if m.group(1) else parse_number(m.group(3))
        power = (_parse_english(m.group(2)) or parse_number(m.group(2))) if m.group(2) else parse_number(m.group(4) or m.group(5))
        if mantissa is not None and power is not None:
            found.append(Num(mantissa / 10 ** int(power), m.start(), m.end(), m.group(0)))
            taken.append(m.span())
    for m in _ZH_DECIMAL.finditer(text):  # "学习率零点零零零一"
        whole = parse_number(m.group(1))
        if whole is not None:
            found.append(Num(whole + float("0." + "".join(_ZH_DIGIT_OF[c] for c in m.group(2))), m.start(), m.end(), m.group(0)))
            taken.append(m.span())
    for m in _EN_POINT.finditer(text):  # "say point three of the data"
        digits = "".join(str(int(_parse_english(w))) for w in m.group(1).split())
        found.append(Num(float("0." + digits), m.start(), m.end(), m.group(0)))
        taken.append(m.span())
    for m in _EN_HUNDREDS.finditer(text):  # "two fifty samples": hundreds said the short way
        value = _EN_WORDS[m.group(1).lower()] * 100 + _EN_WORDS[m.group(2).lower()] + (_EN_WORDS[m.group(3).lower()] if m.group(3) else 0)
        found.append(Num(float(value), m.start(), m.end(), m.group(0)))
        taken.append(m.span())
    for m in _DOZEN.finditer(text):  # "a dozen samples", "2 dozen", "一打", "half a thousand steps": counts in other measures
        many = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "half a": 0.5}.get((m.group(1) or "").lower()) or (float(m.group(1)) if m.group(1) and m.group(1).isdigit() else None)
        value = (12 * (many or 1) if m.group(2) else 500 if m.group(3) else 12 * (parse_number(m.group(4)) or 1))
        found.append(Num(float(value), m.start(), m.end(), m.group(0)))
        taken.append(m.span())
    for m in _SCALED.finditer(text):  # "20 thousand", "1.5 million"
        found.append(Num(float(m.group(1)) * _EN_SCALES[m.group(2).lower()], m.start(), m.end(), m.group(0)))
        taken.append(m.span())
    for m in _FRACTION.finditer(text):
        den, num = parse_number(m.group(1)) or parse_number("一" + m.group(1)), parse_number(m.group(2))
        if den and num is not None:
            found.append(Num(num / den, m.start(), m.end(), m.group(0)))
            taken.append(m.span())
    for m in (part for token in _EN_TOKEN.finditer(text) for part in _en_parts(token)):
        value = _parse_english(m.group(0))
        if m.group(0).strip().lower() in _EN_SCALES and rx.search(r"\b(?:few|several|some|many|couple of)\s+$", text[:m.start()], re.I):
            continue  # "a few hundred examples, 400ish": no number said yet
        if m.group(0).strip().lower() == "one" and rx.search(r"\b(?:this|that|the|which|new|newer|last|latest|other|each|every|any|no|same|another|"
                                                             r"big|bigger|biggest|small|smaller|old|older|right|wrong|first|second|good|better|best)\s+$", text[:m.start()], re.I):
            continue  # "train on this one, max steps 1500", "the bigger one": a pronoun, not the number one
        if value is not None and m.group(0).strip().lower() not in ("a", "an") and not any(a <= m.start() < b for a, b in taken):
            found.append(Num(value, m.start(), m.start() + len(m.group(0).rstrip(" -")), m.group(0).rstrip(" -")))
            taken.append(m.span())
    for m in _TOKEN.finditer(text):
        if not m.group(0) or any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
            continue
        if m.group(0) == "一" and text[m.end():m.end() + 1] in _NOT_ONE:
            continue  # "一下", "一些", "一共": words, not the number one
        if m.group(0) == "一" and rx.match(r"[条个道题]\s*(?:\d|[二两三四五六七八九十])", text[m.end():]):
            continue  # "一条三个例子": each one, then how many
        if m.group(0) == "一" and text[m.start() - 1:m.start()] in ("哪", "某", "同", "统", "唯"):
            continue  # "跑到哪一步了", "某一轮", "同一条": which one, not how many
        if m.group(0)[:1] in "千百万" and text[m.start() - 1:m.start()] in ("几", "数", "若干"[-1:]):
            continue  # "几千条", "数百条": some thousands, no count
        value = parse_number(m.group(0))
        if value is not None:
            found.append(Num(value, m.start(), m.end(), m.group(0)))
    return sorted(found, key=lambda n: n.start)

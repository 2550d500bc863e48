"""The one language detector: which language a person wrote in, "zh" or "en".

Used by the agent (the language of a turn's summaries, errors and answers) and by the
offline model's replies, so both agree on every message.
"""
from __future__ import annotations

import re

# CJK Unified Ideographs with Extension A (U+3400–U+4DBF, U+4E00–U+9FFF) and the compatibility
# ideographs (U+F900–U+FAFF): one Chinese character is enough for a Chinese answer.
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def language_of(text: str | None) -> str:
    """``"zh"`` when the text holds any Chinese character, else ``"en"``.

    >>> language_of("把 qa.csv 转成千帆"), language_of("convert qa.csv"), language_of("")
    ('zh', 'en', 'en')
    """
    return "zh" if _HAN.search(text or "") else "en"


def pick(lang: str, en: str, zh: str) -> str:
    """The sentence for ``lang`` (anything but "zh" gets English)."""
    return zh if lang == "zh" else en

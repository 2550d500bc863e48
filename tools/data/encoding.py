"""Decode a text file whatever wrote it: UTF-8 with or without BOM, UTF-16, GBK/GB18030, Big5/Big5-HKSCS.

Excel in China saves CSV as GBK (code page 936); GB18030 is a superset of GBK and
GB2312, so one GB18030 attempt covers all three. Order matters: a byte string that
decodes as strict UTF-8 is almost never GB18030 text by accident, the reverse is
not true, so UTF-8 is tried first.
"""
from __future__ import annotations

import re
from pathlib import Path

from tools.errors import UserError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes, name: str = "the file") -> tuple[str, str]:
    """Return ``(text, encoding)``; CRLF and lone CR stay as they are (the CSV parser handles them).

    Bytes that are not UTF-8 may be GB18030 (mainland Excel) or Big5/Big5-HKSCS (Taiwan, Hong
    Kong): both decode without error more often than not, so each candidate's text is scored by
    how much of it is common Chinese; the clear winner is used, and a tie or garbled text is a
    UserError naming the candidates, never mojibake."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UserError(f"{name} starts with a {encoding} byte-order mark but is not valid {encoding} "
                                f"(byte {exc.start}); re-save it as UTF-8.",
                                zh=f"{name} 以 {encoding} 字节序标记开头，却不是有效的 {encoding}（第 {exc.start} 字节）；"
                                   f"请另存为 UTF-8。") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    chosen = _chinese_encoding(data, name)
    if chosen is not None:
        return chosen
    return _guess(data, name)


CHINESE = ("gb18030", "big5", "big5hkscs")
SURE = 0.9     # share of common characters a right decoding reaches (real text: ≥ 0.97)
MARGIN = 0.05  # how far ahead of the runner-up the winner must be
LONE = 0.6     # the only decoding that works may hold rare characters (𠀀), but not mostly (mojibake: ~0.3)


def _chinese_encoding(data: bytes, name: str) -> tuple[str, str] | None:
    """The Chinese encoding whose text reads as Chinese, or None when none decodes at all."""
    import codecs

    head = data[:400_000]
    scores = {}
    for encoding in CHINESE:
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(head, final=len(head) == len(data))
        except UnicodeDecodeError:
            continue
        scores[encoding] = common_share(text)
    if not scores:
        return None
    if "big5" in scores and "big5hkscs" in scores and scores["big5hkscs"] <= scores["big5"]:
        del scores["big5hkscs"]  # the same text (HKSCS adds characters to Big5): say Big5
    ranked = sorted(scores, key=scores.get, reverse=True)
    best = ranked[0]
    runner = scores[ranked[1]] if len(ranked) > 1 else 0.0
    alone = len(ranked) == 1 and scores[best] >= LONE  # rare characters, but nothing else decodes
    if alone or scores[best] >= SURE and scores[best] - runner >= MARGIN:
        try:
            return data.decode(best), best
        except UnicodeDecodeError:
            pass
    names = ", ".join(f"{e} ({scores[e]:.0%} common characters)" for e in ranked)
    raise UserError(f"Cannot tell the encoding of {name}: read as {names}, none is clearly right and the others "
                    f"would give garbled text; re-save it as UTF-8 (in Excel: Save As → CSV UTF-8).",
                    zh=f"无法确定 {name} 的编码：按 {names} 读取都不能确定正确，用错会得到乱码；"
                       f"请另存为 UTF-8（Excel：另存为 → CSV UTF-8）。")


_COMMON: frozenset | None = None


def common_chars() -> frozenset:
    """Characters real Chinese text is made of: GB2312 (simplified, both levels), Big5's common
    level (traditional), CJK and full-width punctuation. Text decoded with the wrong codec turns
    into Japanese kana, Cyrillic, private-use and rare ideographs instead."""
    global _COMMON
    if _COMMON is None:
        chars = set()
        for lead in range(0xB0, 0xF8):  # GB2312 hanzi
            chars.update(bytes([lead, t]).decode("gb2312", "ignore") for t in range(0xA1, 0xFF))
        for lead in range(0xA4, 0xC7):  # Big5 frequently used hanzi (A440–C67E)
            for t in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
                chars.add(bytes([lead, t]).decode("big5", "ignore"))
        chars.update(chr(c) for c in range(0x3000, 0x3040))  # 、。「」…
        chars.update(chr(c) for c in range(0xFF01, 0xFF5F))  # ，！？（）…
        chars.update("嘅咗啲嘢冇哋嚟喺唔佢乜噉咁睇諗搵攞畀啱嘥")  # Cantonese (Big5-HKSCS)
        chars.discard("")
        _COMMON = frozenset(chars)
    return _COMMON


_LATIN_MOJIBAKE = re.compile("Ã[\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€|Â[\u00a0-\u00bf]|\ufffd")


def looks_garbled(text: str) -> bool:
    """Text that was decoded with the wrong codec before it reached us: UTF-8 read as Latin-1 or
    Windows-1252 ('Ã©', 'â€™'), replacement characters (�), or Chinese made mostly of rare
    characters (UTF-8 or Big5 read as GBK: '娴嬭瘯' for '测试')."""
    if _LATIN_MOJIBAKE.search(text):
        return True
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(cjk) < 8:
        return False
    common = common_chars()
    return sum(c in common for c in cjk) / len(cjk) < LONE


def common_share(text: str) -> float:
    """Share of the non-ASCII characters that are common Chinese (1.0 for pure ASCII)."""
    common = common_chars()
    wide = [c for c in text[:200_000] if ord(c) > 127 and not c.isspace()]
    return sum(c in common for c in wide) / len(wide) if wide else 1.0


# What charset-normalizer may answer and we believe: encodings people actually save
# spreadsheets in. On random bytes it names exotic code pages (mac_iceland, cp1125):
# we refuse those rather than feed mojibake into training.
PLAUSIBLE = {"big5", "big5hkscs", "cp950", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949",
             "cp1252", "cp1250", "latin_1", "iso8859_15", "utf_16", "utf_16_le", "utf_16_be"}


def _guess(data: bytes, name: str) -> tuple[str, str]:
    """Last resort (Shift-JIS, EUC-KR, Windows-1252…): ask charset-normalizer, then decode strictly.

    Chinese encodings are settled before (``_chinese_encoding``); this is for bytes that none of
    GB18030, Big5 or Big5-HKSCS can decode."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer comes with requests
        best = None
    else:
        best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding in PLAUSIBLE:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UserError(f"{name} is neither UTF-8 nor GBK/GB18030 nor Big5 text (undecodable bytes on line {line}); "
                        f"re-save it as UTF-8 (in Excel: Save As → CSV UTF-8).",
                        zh=f"{name} 既不是 UTF-8，也不是 GBK/GB18030 或 Big5 文本（第 {line} 行有无法解码的字节）；"
                           f"请另存为 UTF-8（Excel：另存为 → CSV UTF-8）。") from None
    raise AssertionError("unreachable")  # pragma: no cover


def read_text(path: Path) -> tuple[str, str]:
    """Read and decode a whole text file; a missing or unreadable file is a UserError."""
    return decode_bytes(read_bytes(path), path.name)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"File not found: {path}.", zh=f"找不到文件：{path}。") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a dataset file.", zh=f"{path} 是文件夹，不是数据集文件。") from None
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror}.", zh=f"无法读取 {path}：{exc.strerror}。") from None

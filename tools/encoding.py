"""Decode a text file whatever wrote it: UTF-8 with or without BOM, UTF-16, GBK/GB18030.

Excel in China saves CSV as GBK (code page 936); GB18030 is a superset of GBK and
GB2312, so one GB18030 attempt covers all three. Order matters: a byte string that
decodes as strict UTF-8 is almost never GB18030 text by accident, the reverse is
not true, so UTF-8 is tried first.
"""
from __future__ import annotations

from pathlib import Path

from tools.errors import UserError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes, name: str = "the file") -> tuple[str, str]:
    """Return ``(text, encoding)``; CRLF and lone CR stay as they are (the CSV parser handles them)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UserError(f"{name} starts with a {encoding} byte-order mark but is not valid {encoding} "
                                f"(byte {exc.start}); re-save it as UTF-8.") from None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return _guess(data, name)


# What charset-normalizer may answer and we believe: encodings people actually save
# spreadsheets in. On random bytes it names exotic code pages (mac_iceland, cp1125):
# we refuse those rather than feed mojibake into training.
PLAUSIBLE = {"big5", "big5hkscs", "cp950", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949",
             "cp1252", "cp1250", "latin_1", "iso8859_15", "utf_16", "utf_16_le", "utf_16_be"}


def _guess(data: bytes, name: str) -> tuple[str, str]:
    """Last resort (Shift-JIS, EUC-KR, Windows-1252…): ask charset-normalizer, then decode strictly.

    Big5 bytes usually also decode as GB18030, so Big5 files rarely get here; the quality
    check's garbled-text rule is what catches such a misreading."""
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
        raise UserError(f"{name} is neither UTF-8 nor GBK/GB18030 text (undecodable bytes on line {line}); "
                        f"re-save it as UTF-8 (in Excel: Save As → CSV UTF-8).") from None
    raise AssertionError("unreachable")  # pragma: no cover


def read_text(path: Path) -> tuple[str, str]:
    """Read and decode a whole text file; a missing or unreadable file is a UserError."""
    return decode_bytes(read_bytes(path), path.name)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"File not found: {path}.") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a dataset file.") from None
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror}.") from None

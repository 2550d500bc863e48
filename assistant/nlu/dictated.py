"""A message typed by speech-to-text (or mistyped and put right on the next line), written as the person meant it, before
it is read:

- file names said aloud: "faq dot jsonl" → "faq.jsonl", "v1 sft demo dot jsonl" → "v1_sft_demo.jsonl";
- format names split in two: "share gpt" → "sharegpt";
- "听一下训练" → "停一下训练" (other words of ours spelled by their sound, "学习绿", "epics", are read by ``variants``).

>>> dictated("run a quality check on v1 sft demo dot jsonl")
'run a quality check on v1_sft_demo.jsonl'
>>> dictated("please convert recipes dot xlsx to share gpt format")
'please convert recipes.xlsx to sharegpt format'
>>> dictated("start training on faq dot jsonl with learning rate two e minus four")
'start training on faq.jsonl with learning rate two e minus four'
>>> dictated("a dot is a dot")
'a dot is a dot'
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

_EXTENSIONS = r"jsonl|json|csv|xlsx|xls|txt|parquet|tsv"
# The words before "dot EXT" that belong to the name: lower-case words and numbers, back to a word of the sentence.
_NOT_NAME = {"a", "an", "the", "on", "in", "to", "at", "of", "for", "from", "with", "into", "and", "or", "is", "it", "file",
             "look", "check", "convert", "inspect", "train", "training", "called", "named", "use", "using", "open", "my", "our",
             "your", "this", "that", "data", "dataset", "about", "add", "samples", "some", "me", "please", "can", "you"}
_SAID_FILE = re.compile(rf"((?:[A-Za-z0-9_-]+ ){{1,5}})dot ({_EXTENSIONS})\b", re.I)
_HEARD = ((re.compile(r"\bshare[ -]g ?p ?t\b", re.I), "sharegpt"),
          (re.compile(r"听(?=(?:一下|掉|了)(?:这个|那个|当前的?)?(?:训练|run))"), "停"))


def _file(m: re.Match) -> str:
    words = m.group(1).split()
    name: list[str] = []
    for word in reversed(words):
        if word.lower() in _NOT_NAME:
            break
        name.insert(0, word)
    if not name:
        return m.group(0)
    kept = words[:len(words) - len(name)]
    return (" ".join(kept) + " " if kept else "") + "_".join(name) + "." + m.group(2).lower()


# "恢复训练 run-0701\n*run-0710", "…author Tinkr\n*Tinker": a chat's last line that puts a word of the message right.
_STARRED = re.compile(r"\n[ \t]*\*[ \t]*([^\s*][^\n*]{0,60}?)[ \t]*\*?[ \t]*$|\n[ \t]*([^\s*][^\n*]{0,60}?)\*[ \t]*$")
_TOKEN = re.compile(r"[\w.-]+")


def _closeness(a: str, b: str) -> float:
    return SequenceMatcher(None, a.lower(), b.lower()).ratio()


def starred(text: str) -> str:
    r"""``text`` with a "*word" line (the chat convention for "I meant word") put in place of the word it corrects: the
    earlier word closest in spelling, when close enough; the line is left as it was when no word is.

    >>> starred("resume run-0903\n*run-0930")
    'resume run-0930'
    >>> starred("run a lerning rate probe on triage.jsonl for 150 stpes\n*steps")
    'run a lerning rate probe on triage.jsonl for 150 steps'
    >>> starred("drop the dupes\n*thanks")
    'drop the dupes\n*thanks'
    """
    m = _STARRED.search(text)
    if not m:
        return text
    meant, before = (m.group(1) or m.group(2)).strip(), text[:m.start()]
    words = [w for w in _TOKEN.finditer(before) if w.group(0) != meant]
    best = max(words, key=lambda w: (_closeness(w.group(0), meant), w.start()), default=None)
    if best is None or _closeness(best.group(0), meant) < 0.6:
        return text
    return before[:best.start()] + meant + before[best.end():]


def dictated(text: str) -> str:
    """``text`` with what speech-to-text wrote for file names and formats mended (numbers said aloud, "two e minus four",
    are ``numbers``' own), and a word put right on a "*word" line after it (:func:`starred`)."""
    text = starred(text)
    text = _SAID_FILE.sub(_file, text)
    for pattern, word in _HEARD:
        text = pattern.sub(word, text)
    return text

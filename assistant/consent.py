"""Consent as state: which tools act only after the person confirms, the action that waits,
and what counts as a plain yes or no.

A consequential tool (start, stop or resume training; anything that deletes records) never runs
from a model's call. The tool guard asks the tool's *planner* for a plan instead, and the session
keeps it as a :class:`PendingAction` until the person confirms (a button, a plain "yes" in text,
``ask --yes``) or cancels. The decision rests on that state, never on re-reading the words, so a
question ("hmm maybe I should stop it?") can at most leave a plan waiting.

A tool is consequential when its name is in :data:`CONSEQUENTIAL` or its ``metadata`` has
``{"consequential": True}``; ``metadata["plan"]`` (``args -> ToolResult``) then describes what it
would do (a tool without a planner gets a plain "about to run NAME" plan).
"""
from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field

CONSEQUENTIAL = frozenset({"start_training", "stop_training", "resume_training"})

# Whole messages that only say yes / no (punctuation and spaces between the words are allowed).
_YES_WORDS = ("好的", "好啊", "好呀", "好吧", "好", "行", "可以", "是的", "是", "对", "嗯", "确认", "确定", "开始吧", "开始",
              "执行吧", "执行", "没问题", "冲", "搞起", "来吧", "同意",
              "yes please", "yes", "yep", "yeah", "y", "ok", "okay", "go ahead", "go for it", "go", "sure", "confirm",
              "confirmed", "do it", "proceed", "please do", "let's go", "lets go", "alright", "fine")
_NO_WORDS = ("不要了", "不要", "不用了", "不用", "算了", "取消", "先不了", "先不", "不了", "不", "别", "等等", "等一下",
             "no thanks", "no", "nope", "cancel", "never mind", "nevermind", "don't", "dont", "not now", "wait", "abort")
_SEP = r"[\s,，、。.!！~～…]*"


def _whole(words: tuple[str, ...]) -> re.Pattern:
    # Longest first, so "yes please" is one word; an English word must end at a word boundary.
    alts = "|".join(re.escape(w) + (r"\b" if w[-1].isascii() and w[-1].isalpha() else "")
                    for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"{_SEP}(?:(?:{alts}){_SEP})+", re.IGNORECASE)


_YES, _NO = _whole(_YES_WORDS), _whole(_NO_WORDS)


def _plain(text: str) -> str:
    from assistant.attachments import strip_attachments

    return strip_attachments(text or "").strip()


def is_yes(text: str) -> bool:
    """A message that is only a yes ("好的", "好的，开始吧", "yes, go ahead"). A question is never
    one ("ok?", "hmm maybe I should stop it?"), nor is a yes with more words ("yes but 3 epochs")."""
    said = _plain(text)
    return bool(said) and not re.search(r"[?？]", said) and bool(_YES.fullmatch(said))


# A yes may repeat the action that waits ("确认,停吧", "yes, stop it", "ok start training"): the
# repeated verb names that same action, so the message is still only a yes to it.
_ECHO = {
    "start_training": r"(?:开始(?:训练|跑)?|开(?:跑|训)|训(?:练)?起来|跑起来|训吧|start(?: it| training| the run)?|train(?: it)?|kick it off|run it|launch it)",
    "stop_training": r"(?:停(?:掉|下|止)?(?:它|训练)?|stop(?: it| the run| training)?|kill it|halt it|end it)",
    "resume_training": r"(?:继续(?:训练|跑|训)?|恢复(?:训练)?|接着(?:训|跑)|resume(?: it| training| the run)?|continue(?: it| training)?)",
    "apply_quality_rule": r"(?:删(?:掉|除)?(?:吧)?|drop (?:them|it)|delete (?:them|it)|remove (?:them|it))",
}


def _echoes(said: str, tool: str) -> bool:
    echo = _ECHO.get(tool)
    if not echo:
        return False
    return bool(re.fullmatch(rf"{_YES.pattern}(?:{echo})(?:{_SEP}(?:吧|了吧|啊|呀|now|please))?{_SEP}", said, re.I))


def is_yes_to(text: str, tool: str, settings: dict | None = None) -> bool:
    """A plain yes (:func:`is_yes`), or a yes that repeats the waiting ``tool``'s own verb: "确认,停吧"
    while a stop waits, "yes, start it" while a start waits. Another verb is no yes ("好的,停吧"
    while a start waits), nor is a question. With the waiting plan's ``settings`` (its arguments and
    the values it will use), a yes that repeats them is one too (:func:`_repeats`)."""
    said = _plain(text)
    if not said or re.search(r"[?？]", said):
        return False
    return is_yes(text) or _echoes(said, tool) or (settings is not None and _repeats(said, tool, settings)) or _agrees_to_shown(said, tool, settings)


# Words of another step than the one waiting: a yes to the plan shown must not name one ("你刚才列的那个停止确认" is no yes to a start).
_OTHER_STEP = {"start_training": r"停|\bstop|\bkill|恢复|续训|\bresume",
               "stop_training": r"开训|开跑|开始训|\bstart\b|\bkick it off|\blaunch|恢复|续训|\bresume",
               "resume_training": r"停|\bstop|\bkill|开训|开跑|\bstart\b|\blaunch"}


def _agrees_to_shown(said: str, tool: str, settings: dict | None) -> bool:
    """A yes that points at the plan shown ("好的,你上面列的那个计划我看了,数据是 FILE,三个 epoch,…就按这个开始吧", "the stop you
    showed me is right. Confirmed, stop the thing."), naming no other step and restating no setting the plan does not have."""
    from assistant.nlu import acts, amounts

    if tool not in CONSEQUENTIAL or not (acts.agrees_to_shown(said) and acts.speech_act(said) == "confirmation"):
        return False  # (a plan shown is a start, stop or resume waiting)
    if re.search(_OTHER_STEP.get(tool, r"(?!)"), said, re.I):
        return False
    return all(_same(v, (settings or {}).get(k)) for k, v in amounts.training_args(said).items())


# A yes or a go said anywhere in a longer message ("confirmed: 3 epochs, 1e-4, r32. launch.", "行,就按3轮 2e-4 开始吧").
_GO_SAID = re.compile(r"(?<![A-Za-z])(?:yes|yep|yeah|ok(?:ay)?|sure|confirm(?:ed)?|go(?: ahead| for it)?|launch|proceed|do it|"
                      r"sounds good|looks good|lgtm)(?![A-Za-z])|好的|好吧|行|可以|确认|确定|没问题|就按|照这个|开始|开跑|开训|冲|搞起|同意", re.I)


def _repeats(said: str, tool: str, settings: dict) -> bool:
    """"ok 3 epochs 2e-4 r16, go" while that very start waits: the message says yes (:data:`_GO_SAID`) and reads as
    the waiting ``tool`` with settings that are all the plan's own. A setting that differs ("ok but 5 epochs") is a new
    request, planned again."""
    if not _GO_SAID.search(said):
        return False
    from assistant.offline import plan

    calls = plan(said)
    if len(calls) != 1 or calls[0]["name"] != tool:
        return False
    read = {k: v for k, v in calls[0]["args"].items() if k != "path"}
    return bool(read) and all(_same(v, settings.get(k)) for k, v in read.items())


def _same(said, planned) -> bool:
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (said, planned))
    return math.isclose(said, planned, rel_tol=1e-6) if numbers else said == planned


def is_no(text: str) -> bool:
    """A message that is only a no or a cancel ("不要", "算了", "no", "cancel")."""
    said = _plain(text)
    return bool(said) and not re.search(r"[?？]", said) and bool(_NO.fullmatch(said))


def is_consequential(tool) -> bool:
    """Whether ``tool`` (a BaseTool or a name) may act only after the person confirms."""
    name = tool if isinstance(tool, str) else getattr(tool, "name", "")
    metadata = getattr(tool, "metadata", None) or {}
    return name in CONSEQUENTIAL or bool(metadata.get("consequential"))


@dataclass
class PendingAction:
    """An action waiting for the person's yes: the tool, its (resolved) arguments, the plan's
    details and sentences, and the owner it will act for."""

    tool: str
    args: dict
    details: dict = field(default_factory=dict)
    summary_en: str = ""
    summary_zh: str = ""
    owner: str | None = None
    created: float = field(default_factory=time.time)

    def summary(self, lang: str) -> str:
        return self.summary_zh if lang == "zh" else self.summary_en

    def to_dict(self) -> dict:
        return {"tool": self.tool, "args": dict(self.args), "details": dict(self.details)}


CONFIRM_WORD = {"en": "Confirm", "zh": "确认"}
"""What the conversation memory records as the person's words when they press the button."""

NOTHING_PENDING = {"en": "Nothing is waiting for your confirmation.", "zh": "目前没有等待你确认的操作。"}

_ACTION = {"start_training": ("start training", "开始训练"), "stop_training": ("stop the run", "停止训练"),
           "resume_training": ("resume the run", "继续训练")}


def cancelled(action: PendingAction, lang: str) -> str:
    """The sentence for a cancelled plan."""
    en, zh = _ACTION.get(action.tool, (f"run {action.tool}", f"执行 {action.tool}"))
    return f"Cancelled: I won't {en}." if lang != "zh" else f"已取消:不会{zh}。"


NEXT = {
    "start_training": ("Ask \"how is it going?\" for progress, or \"stop training\" to stop it.",
                       "问我“训练进度如何?”查看进度,说“停止训练”可以停下。"),
    "stop_training": ("You can resume it later (\"resume training\") or start a new run.",
                      "之后可以说“继续训练”恢复,或重新开始训练。"),
    "resume_training": ("Ask \"how is it going?\" for progress.", "问我“训练进度如何?”查看进度。"),
}

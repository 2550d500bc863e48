"""The rules' reading of a request: the weighted cue phrases of ``cues`` summed per tool (evidence the intent
model weighs, ``classifier.rule_scores``, and the whole reading when the shipped model is missing), typos
fixed, yes and no, musing about training, and a request cut into its steps.

Every cue that matches adds its weight once; the highest total wins. A concept question
("什么是few-shot?", "why do epochs matter?") goes to ``explain`` unless it also asks for an
action ("add few-shot examples", "帮我加上CoT").

>>> classify("我有1000条数据,epoch设置多少?").name, classify("把 faq.xlsx 转换成 jsonl").name
('suggest_hyperparameters', 'convert_dataset')
>>> classify("什么是few-shot?").name, classify("加入3条few-shot示例").name
('explain', 'add_few_shot')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.nlu import rx
from assistant.nlu.cues import CUES, DOMAIN, TOPIC, TRAIN
from assistant.nlu.memo import remembered
from assistant.nlu.paths import QUOTED
from assistant.nlu.probe import NO_PROBE as _NO_PROBE

# Words that turn a question into a request for work: "what is few-shot?" explains,
# "add few-shot examples" adds them.
_ACTION = re.compile(
    r"(?<!增)加上?|添加|插入|生成|构造|构建|制作|做一下|做成|造|弄|转|导出|开始|启动|去重|清洗|过滤|检查|看看|统计|停|"
    r"\b(?:add|insert|generate|create|make|build|apply|produce|run|convert|export|start|launch|train|stop|check|clean|"
    r"remove|dedup\w*|filter|inspect|show)\b", re.IGNORECASE)
# Intents that a concept question takes over unless an action word is present.
_ACTIONS = ("add_few_shot", "add_cot", "augment_instructions", "check_quality", "convert_dataset", "start_training",
            "evaluate_run")

HELP = re.compile(r"^\s*(?:你好|您好|hi|hello|hey|嗨|哈喽|help|帮助|帮帮我|菜单|menu|谢谢|thanks|thank you)\W*$|你能做什么|你会什么|你可以做什么|"
                  r"能干什么|怎么用你|如何使用|what can you do|(?:你|您)(?:都|到底|究竟)?(?:能|会|可以)(?:帮我)?(?:干|做)(?:些)?(?:什么|啥)|what (?:all |else )?can (?:you|u) (?:actually |even |really )?(?:do|help (?:me )?with)\b|how do i use (?:you|this)|what are you|你是谁|who are you",
                  re.IGNORECASE)
YES = re.compile(r"^\W*(?:yes|yeah|yep|yup|sure|ok(?:ay)?|go(?: ahead)?|do it|confirm(?:ed)?|please do|start(?: it)?|let'?s go|y|好的?|好呀|好啊|行|可以|是的?|对|嗯+|确认|确定|开始吧?|开始训练吧?|没问题|冲|来吧|搞起|同意)(?:\W|$)",
                 re.IGNORECASE)
NO = re.compile(r"^\W*(?:no|nope|nah|cancel|not now|don'?t|never ?mind|wait|不要?|不用|算了|取消|先不|别|等等|等一下|暂时不)(?:\W|$)", re.IGNORECASE)
_MUSE = re.compile(r"要不要|是否|准备(?:要|去|着)?(?:开始)?(?:训练|微调|训)|该不该|是不是(?:该|要|可以)|考虑|想想|可以(?:开始)?(?:训练|微调)了吗|能(?:开始)?(?:训练|微调)了吗|准备好|"
                   r"\bmaybe\b|\bperhaps\b|should (?:i|we)\b|shall (?:i|we)\b|do you think|"
                   r"is it (?:time|ok|okay|a good idea)|worth|ready to|"
                   r"\bcan we\b|\bcould we\b|\bwe could\b|要是|如果|假如|会不会|\bi guess\b|\bmight\b|how about|wonder|"
                   r"^\W*(?:train|training|训练|微调|fine[- ]?tun(?:e|ing)|finetun(?:e|ing))\W*$|吗\W*$", re.IGNORECASE)
_CLEAR = re.compile(r"请|帮我|给我|麻烦|立即|马上|直接|现在就|please|\bcan you\b|\bcould you\b|\bwould you\b|go ahead|right away|帮忙", re.IGNORECASE)


@dataclass(frozen=True)
class Intent:
    """The winning tool (or "" when nothing matched) and its score; ``ranked`` holds all scores."""

    name: str
    score: float
    ranked: tuple[tuple[str, float], ...] = ()


_VOCAB = ("convert", "export", "inspect", "preview", "quality", "duplicates", "duplicate", "perplexity", "augment",
          "rewrite", "paraphrase", "template", "templates", "diversity", "recommend", "suggest", "hyperparameters",
          "hyperparameter", "epochs", "epoch", "learning", "samples", "examples", "training", "train", "start",
          "status", "progress", "stop", "cancel", "explain", "should", "please", "dataset", "format", "alpaca",
          "sharegpt", "qianfan", "openai", "messages", "column", "question", "answer", "overfitting", "gradient",
          "accumulation", "finished", "running", "thought", "reasoning", "rationale", "few-shot", "instructions",
          "statistics", "launch", "fine-tune", "fine-tuning", "difference", "check", "chain", "probe", "steps", "evaluate",
          "continue", "resume", "every", "identity", "settings")
# Real words one letter away from a keyword: leave them alone ("smart" is not "start").
_KEEP = {"smart", "stare", "state", "stats", "stat", "chart", "share", "trail", "trial", "brain", "grain", "rain",
         "sample", "example", "should", "format", "formal", "column", "stops", "starts", "trains", "quantity",
         "tarin", "chair", "cheek", "check", "learn", "earning", "checks", "running", "cancer", "could", "would",
         "raining", "draining", "gaining", "trailing", "straining", "trading", "grading", "starring", "staring", "status",
         "setting", "sitting"}


def _near(a: str, b: str) -> bool:
    """One edit apart (insert, delete, substitute, or swap two neighbours)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@lru_cache(maxsize=8192)
def _keyword_meant(low: str) -> str | None:
    """The keyword one letter off from the lowercase word ``low``, if it is a typo of one."""
    if len(low) < 5 or low in _VOCAB or low in _KEEP or any(low.endswith(e) and low[:-len(e)] in _VOCAB for e in ("s", "es", "ed", "d")):
        return None  # "questions", "checked": a keyword's own forms are no typos
    near = [v for v in _VOCAB if _near(low, v)]
    return near[0] if near else None  # _VOCAB order breaks ties: "epocs" → "epochs"


@remembered
def fix_typos(text: str) -> str:
    """English keywords typed one letter off: "convrt" → "convert", "epocs" → "epochs", "strat" → "start"."""
    def fix(m: re.Match) -> str:
        word = m.group(0)
        return _keyword_meant(word.lower()) or word
    # a word inside a name ("fin_cqa_trian", "finetune-0822") is the name's
    return rx.sub(r"(?<![A-Za-z0-9_-])[A-Za-z][A-Za-z-]+(?![A-Za-z0-9_'’]|-[A-Za-z0-9])", fix, text)  # ("shouldn't": no "should't")


def scores(text: str) -> dict[str, float]:
    lowered = text.lower()
    return {name: sum(w for pattern, w in cues if rx.search(pattern, lowered)) for name, cues in CUES.items()}


_NEG_TRAIN = re.compile(rf"(?:别|(?<!要)不要|不用|不想|先不|暂时不|don'?t|do not|no need to|never)\s*(?:再)?\s*(?:开始|start)?\s*{TRAIN}", re.IGNORECASE)
# A stop said not to be made ("don't stop", "别停", "I won't stop tj-7 unless…", "我不会停 X 的"), or a run to keep going.
_DONT_STOP = re.compile(r"(?:别|不要|不用|不必|千万别|don'?t|do not|never|no need to)\s*(?:再)?\s*(?:停|暂停|终止|取消|撤掉|撤下|stop|cancel|kill|abort|halt)|"
                        r"\b(?:i|we)\s*(?:won'?t|will not|am not|'m not|are not|'re not)\s+(?:going to\s+|gonna\s+)?(?:stop|kill|cancel|halt)|"
                        r"(?:我|我们)(?:不会|不打算|不准备|暂时不|还不)(?:去)?(?:停|终止|取消)|先不停|不停了", re.IGNORECASE)
_NEG_STOP = re.compile(_DONT_STOP.pattern + r"|\bkeep (?:it |the run |training )?(?:going|running)\b|继续(?:训练|跑)", re.IGNORECASE)
_STOP_AFTER = re.compile(r"(?:\d+|[一二两三四五六七八九十百千]+)\s*(?:个)?\s*(?:步|steps?|epochs?|轮)\S{0,4}?(?:就|后|之后|以后)?\s*(?:停|结束)(?!掉|止|下来)|"
                         r"\bstop (?:after|at|once it hits) \d+", re.IGNORECASE)
_DATA_REF = re.compile(r"\bFILE\b|this (?:file|dataset|data|spreadsheet|sheet|table)|my (?:file|data|dataset|upload)|"
                       r"the (?:file|dataset|upload)|"
                       r"这个(?:文件|数据|表)|这份(?:文件|数据)?|这数据|我的(?:文件|数据)|文件里|数据里|表里|上传的", re.IGNORECASE)
# "epoch?", "LoRA 有什么帮助": a short question about a concept, when no question form says more
_TOPIC_QUESTION = re.compile(rf"(?:{TOPIC}).{{0,20}}(?:[?？]|吗|呢|什么|啥|\bhow\b|\bwhat\b|\bwhy\b|\bwhich\b)|"
                             rf"(?:[?？]|吗|什么|啥|\bhow\b|\bwhat\b|\bwhy\b|\bwhich\b).{{0,20}}(?:{TOPIC})", re.IGNORECASE)
_WHY = re.compile(r"为什么|为何|为啥|\bwhy\b", re.IGNORECASE)
_IMPERATIVE = re.compile(r"帮我|请(?!问)|麻烦|please|can you|could you|would you(?! say| think)", re.IGNORECASE)
_ASKS = re.compile(r"[?？]|吗|呢|呗|多少|几|\bhow\b|\bwhat\b|\bwhich\b|should|建议|推荐|advice|recommend(?!ed)|suggest(?!ed)|"
                   r"给点|给个", re.IGNORECASE)
_MUSE_TRAIN = re.compile(rf"(?:要不要|该不该|是不是(?:该|要|可以)|是否(?:要|可以|该)?|maybe|perhaps|should (?:i|we)|shall (?:i|we)|"
                         rf"we could|i guess we|time to|ready to|要是|如果|假如)\s*(?:现在|先|再|试着|试试|尝试|"
                         rf"就)?\s*(?:开始)?\s*(?:start\s+)?{TRAIN}|(?:可以|能)(?:现在)?(?:开始)?{TRAIN}了|\b{TRAIN}\w*\s*,?\s*(?:maybe|perhaps)\b", re.IGNORECASE)


def classify(text: str, has_file: bool = False) -> Intent:
    """The tool ``text`` asks for: a score of 2.5 (one clear cue), or 1.5 when a file is at hand
    ("peek at it" with an upload). Quoted names are data (fields, templates), not instructions."""
    text = fix_typos(QUOTED.sub(" ", text))
    lowered = text.lower()
    s = scores(text)
    question = any(rx.search(p, lowered) for p, _ in CUES["explain"][:4])
    if not question and _TOPIC_QUESTION.search(lowered):
        s["explain"] += 1.5
    if _DATA_REF.search(text) and not _WHY.search(text):
        s["explain"] = max(0.0, s["explain"] - 2)  # "what's in this file?" asks about the data, not a concept
        if (question or _ASKS.search(text)) and max(v for k, v in s.items() if k not in ("explain", "inspect_dataset")) < 2:
            s["inspect_dataset"] += 2  # …and a question about the data is answered by looking at it
    if question and not _ACTION.search(text):
        for name in _ACTIONS:
            s[name] = min(s[name], 2.0)  # a concept question, not a request to act
    if _WHY.search(text) and not _IMPERATIVE.search(text):
        s["explain"] += 2  # "为什么要增加多样性?" asks for a reason, not for the work
    explicit_start = rx.search(CUES["start_training"][0][0], lowered)
    if rx.search(CUES["suggest_hyperparameters"][1][0], lowered) and _ASKS.search(text) and not explicit_start:
        s["start_training"] = min(s["start_training"], 2.0)  # "打算用LoRA微调,学习率给多少?" asks for advice
    if _MUSE_TRAIN.search(text) and not _WHY.search(text):
        s["start_training"] = max(s["start_training"], 4.0)  # "是不是可以训练了": asks before training (see is_muse)
        s["explain"] = min(s["explain"], 2.0)
    if not DOMAIN.search(lowered):
        s["explain"] = min(s["explain"], 1.0)  # a question outside SFT: not ours to explain
    if _NEG_STOP.search(text):
        s["stop_training"] = 0.0  # "don't stop", "别停", "keep it going"
    if _STOP_AFTER.search(text):
        s["stop_training"] = 0.0  # "最多跑500步就停", "stop after 2 epochs": a limit set on a run, not a stop
    if _NO_PROBE.search(text):
        s["probe_learning_rate"] = 0.0  # "skip the probe", "探测就不做了"
    if _NEG_TRAIN.search(text):
        s["start_training"] = 0.0  # "别训了", "don't train yet"
    ranked = tuple(sorted(s.items(), key=lambda kv: -kv[1]))
    name, score = ranked[0]
    return Intent(name if score >= (1.5 if has_file else 2.5) else "", score, ranked)


def said_not_to(tool: str, text: str) -> bool:
    """``text`` says not to take this step ("don't stop tj-7", "I won't stop it unless…", "别训练"): it is never offered."""
    negation = {"stop_training": _DONT_STOP, "start_training": _NEG_TRAIN}.get(tool)
    # ("停掉 tj-8 吧,tj-7 别停": the step is still asked, of another run)
    return bool(negation and negation.search(text)) and not scores(negation.sub(" ", text)).get(tool)


def muses_training(text: str) -> bool:
    """"要不要试着训练一下?", "maybe we should train now": wondering about a run, in words of training."""
    return bool(_MUSE_TRAIN.search(text)) and not _WHY.search(text)


def is_muse(text: str) -> bool:
    """True when the user only wonders about training ("要不要训练一下?", "maybe train for 3 epochs?"),
    not when they ask politely ("能帮我开始训练吗?", "could you start training?")."""
    return bool(_MUSE.search(text)) and not _CLEAR.search(text)


_ARROW = re.compile(r"\s*(?:→|->|=>|⇒|➡️?|>>)\s*")


# "先X再Y" in one breath: X, then Y ("先看一下再训练"); not "先放着再说" (later) nor "先…再掺/混" (a mix)
_FIRST_THEN = re.compile(r"(?<![原事优首预早领争抢祖])先([^,，;；。!！?？\s再]{1,12}?)再(?!说|掺|混|议|看看吧)(?=[\u4e00-\u9fffA-Za-z])")


def split_steps(text: str) -> list[str]:
    """A request of several steps, in order: "把a.csv转成jsonl,然后检查质量" → two parts."""
    arrows = _ARROW.split(text)
    if (len(arrows) >= 3 and all(part.strip() and len(part) <= 40 and not rx.search(r"^\s*\S+\.\w{2,5}\s*$|^\s*\d|\d\s*$|\b(?:name|author)\s*$|名字\s*$|作者\s*$", part) for part in arrows)
            and not rx.search(r"\{\{|\n", text)):  # (no values mapped: "{{name}} -> X", "0.81 → 0.86 → 0.93", "name→Lily author→X")
        return arrows  # "check → dedupe → train", "先看→再转→开训": a chain of steps (one arrow may be a conversion: "csv→alpaca")
    text = _FIRST_THEN.sub(r"先\1,再", text)  # "先看一下再训练": the same two steps as "先看一下,再训练"
    parts = rx.split(r"\s*(?:[,，;；。]?\s*(?:然后|(?<!完)(?<!我)(?<!我们)之后再?|完之后再|接着(?!跑|训|练|学|续|炼|整|让它|让他|来|搞|干|弄|往下|(?:之前|上次|上回|刚才)的?(?:跑|训|练|来|搞|弄)?)|随后|完了再|完成后再?|(?<=[\u4e00-\u9fff])完(?:之后|以后|后)?再(?=\S)(?!说)|再帮我|(?<![A-Za-z])(?:and then|then(?![A-Za-z])(?!\s*[,，]?\s*(?:$|[a-z]+ too\b)))(?!\s+(?:[A-Z]\w*|he|she|they|we|it|you|someone|somebody)\s+\w+ed\b)|after that|afterwards|followed by)\s*|\s*[,，;；]\s*再(?=\S)(?!掺|混)|\s*[,，;；]\s*顺便(?!问|说|提|一问)(?=\S))", text)
    if not parts[0].strip(" ,，;；。."):
        return [text]  # "接着训", "then what?": a connector that opens the message joins nothing
    return [p for p in parts if p and p.strip(" ,，;；。.")]


def says_yes(text: str) -> bool:
    """A yes to the question just asked ("好的", "冲", "go ahead"), not a new request."""
    return bool(YES.search(text)) and not NO.search(text)


@remembered
def about_sft(text: str) -> bool:
    """Whether ``text`` mentions anything of our domain (data, training, models, SFT concepts)."""
    return bool(DOMAIN.search(text.lower()))

"""The run and the base model a request names: run ids in the product's own form and in others ("run-…",
"20261203-1108", "7c2e9a", "stop r12"), model names ("Qwen2-7B", "org/name") and a model folder after "基座".

>>> find_run_id("停掉 run-20261201-0930")[0], find_base_model("基座用 Qwen2-7B 训")[0]
('run-20261201-0930', 'Qwen2-7B')
"""
from __future__ import annotations

import re

from assistant.nlu import focus, rx
from assistant.nlu.memo import remembered
from assistant.nlu.negation import negated
from assistant.nlu.paths import RUN_ID

_MODEL = re.compile(r"(?<![A-Za-z0-9_./-])([A-Za-z][A-Za-z0-9_.]*(?:-[A-Za-z0-9_.]+)*?-?\d+(?:\.\d+)?[BbMm](?:-[A-Za-z][A-Za-z0-9_.]*)*"
                    r"|[A-Za-z][A-Za-z0-9_.-]*/[A-Za-z][A-Za-z0-9_.-]*)(?![A-Za-z0-9_]|\.[A-Za-z0-9])")
_SIZE = re.compile(r"\d(?:\.\d+)?[BbMm](?![A-Za-z])|\d(?:\.\d+)?[BbMm]-")
_RUN_ID = RUN_ID


def find_base_model(text: str) -> tuple[str, int, int] | None:
    """A model name: "Qwen2-7B", "llama3-8b", "org/name", or a word after "base model"/"基座"."""
    found = [m for m in _MODEL.finditer(text) if not rx.fullmatch(r"\d+(?:\.\d+)?[kKwW]|jsonl?|csv|xlsx", m.group(1), re.IGNORECASE)]
    put = _MODEL_PUT.search(text)  # "不是qwen2-7b,基座换成 ERNIE-Speed": the model changed to, not the one ruled out
    if put and (any(m.start(1) == put.start(1) for m in found) or _FAMILY.match(put.group(1))):
        return _unstopped(put)
    # a name with a size ("Qwen2.5-0.5B-Instruct", "Qwen/Qwen2-7B") before a bare "a/b" ("Go/no-go passed")
    chosen = focus.meant(text, [m.group(1) for m in found])  # "We have Llama-3.1-8B and Qwen2.5-1.5B set up. Use Qwen2.5-1.5B"
    m = next((m for m in found if m.group(1) == chosen), None) or next((m for m in found if _SIZE.search(m.group(1))), found[0] if found else None)
    if m:
        return _unstopped(m)
    m = _FAMILY.search(text)  # "ERNIE-Speed", "Qwen-Plus": a known family with a variant but no size
    if m:
        return _unstopped(m)
    # "底座用./models/chatglm3-6b", "base should be ./models/qwen2-0.5b": a model folder after the word for the base
    m = rx.search(r"(?:base[ _-]?model|基座(?:模型)?|基础模型|底座(?:模型)?|预训练模型|\bbase)\s*(?:用|是|为|选|=|:|：|\bis\b|\bshould be\b|\bat\b|\bfrom\b)?\s*"
                  r"((?:\.{1,2}/|/|~/)?[\w.-]+(?:/[\w.-]+)+)/?(?![\w./-])", text, re.IGNORECASE)
    if m and not _DATA_FILE.search(m.group(1)):
        return _unstopped(m)
    m = rx.search(r"(?:base[ _-]?model|基座(?:模型)?|基础模型|底座(?:模型)?|预训练模型)\s*(?:用|是|为|选|=|:|：)?\s*([A-Za-z][\w.-]*)", text, re.IGNORECASE)
    if m and m.group(1).lower() not in {"is", "to", "the", "a", "with", "for", "and", "on", "of", "should", "must", "will", "would", "needs",
                                        "need", "can", "could", "be", "was", "you", "we", "i", "that", "this", "it"}:  # ("base model should be the one you recommended")
        return _unstopped(m)
    return None


_MODEL_PUT = re.compile(r"(?:换成|改成|改用|换用|\bswitch(?:ed)? (?:it |the base )?to|\bchange(?:d)? (?:it |the base )?to)\s*([A-Za-z][A-Za-z0-9_.:/-]*[A-Za-z0-9])", re.I)


def _unstopped(m: re.Match) -> tuple[str, int, int]:
    """The name in group 1 without its sentence's full stop ("Base model qwen2.5-1.5b-instruct.")."""
    name = m.group(1).rstrip(".")
    return name, m.start(1), m.start(1) + len(name)


_FAMILY = re.compile(r"(?<![\w./-])((?:ernie|qwen|llama|chatglm|glm|baichuan|mistral|gemma|phi|deepseek|internlm|yi|smollm)"
                     r"(?:\d[\w.]*|-[A-Za-z0-9][\w.]*)(?:-[\w.]+)*)(?![\w.])", re.IGNORECASE)
# Words that introduce the base model; a folder path right after them is the model, not the data.
BASE_WORD = re.compile(r"base[ _-]?model|基座(?:模型)?|基础模型|底座(?:模型)?|预训练模型|\bbase\b", re.IGNORECASE)
_BASE_CUE = re.compile(rf"(?:{BASE_WORD.pattern})\s*(?:用|是|为|选|选用|采用|=|:|：|is|at|in|from)?\s*$", re.IGNORECASE)
_DATA_FILE = re.compile(r"\.(?:jsonl|json|ndjson|csv|tsv|xlsx|xlsm|xls|txt|parquet)$", re.IGNORECASE)


def is_base_model_path(text: str, path: str, start: int) -> bool:
    """"基座用 /models/chatglm3-6b", "base model = /data/models/Mistral-7B": a folder (no data
    extension) named right after a base-model word is the model to tune."""
    return not _DATA_FILE.search(path) and bool(_BASE_CUE.search(text[max(0, start - 24):start]) or _MODEL_FOLDER.search(path))


# "train on kb.xlsx, 5 epochs, on the model in ./models/phi-3-mini", "模型目录 /models/qwen2-0.5b": a folder of models
_MODEL_FOLDER = re.compile(r"(?:^|[/\\])(?:models?|checkpoints?|ckpts?|hf_models?|pretrained(?:_models)?|llms?)[/\\][^/\\]+[/\\]?$", re.I)


_OTHER_MODELS = re.compile(r"(?:gpt|claude|mixtral|bert|roberta|t5|bloom|falcon|opt|pythia|gemini|llava|vicuna|stablelm|starcoder|"
                           r"codellama|o\d|text-|davinci|babbage|ada(?=-?\d))"
                           # (not "gpt-ft-9", "t5_run_b": a part that says it is a run, named after the model it tunes)
                           r"(?![\w.-]*?[-_](?:ft|sft|lora|run|job|exp)(?:[-_]|$|(?![\w.-])))[-_\d]", re.I)


# Verbs and words glued before a run id written after Chinese: "继续跑医疗lora-3" → 医疗lora-3, "停掉lora-3" → lora-3.
_ID_GLUE = re.compile(r"^(?:(?:我)?(?:说|要|指|问)(?:停|评估|恢复|续|查|看)?的是|(?:查看|查|看|评估|评测|测)(?:一下|下)?|一下|应该是|就是|是|请|帮我|麻烦|把|将|先|再|给|看看|看下|看一下|查下|查一下|停掉|停止|停下|停|继续训练|接着训练|恢复训练|继续跑|继续训|继续|接着跑|接着训|接着|恢复|评估一下|评估|评一下|测一下|"
                      r"的|那个|这个|跑|训)+")


def _with_chinese_head(text: str, found: tuple[str, int, int]) -> tuple[str, int, int]:
    """A run id with the Chinese words in front of it that belong to its name ("客服lora-v2", "法律-r16"): the
    characters back to a space or the start, less the verbs glued on."""
    name, start, end = found
    head = rx.search(r"(?:^|(?<=[\s,，:：(（「“\"']))([\u4e00-\u9fff]{1,12})\Z", text[:start])  # (\Z: "任务\nrun-x9" has none)
    if not head or not rx.match(r"$|[\s,，。;；:：)）?？!!、]|的|那|这", text[end:]):  # "我说的是run-0615不是…": no name of its own
        return found
    glued = _ID_GLUE.match(head.group(1))
    own = head.group(1)[glued.end():] if glued else head.group(1)
    return (own + name, start - len(own), end) if own else found


def bare_run_id(text: str) -> tuple[str, int, int] | None:
    """The run named in ``text`` when nothing but marks stands beside it ("run-0613-k", "run-0613-k?"), else None."""
    run = find_run_id(text)
    return run if run and not rx.sub(r"[\W_]", "", text.replace(run[0], "")) else None


def is_run_name(run: str) -> bool:
    """A run id read alone names a run when it holds a digit and is no encoding or model name ("utf-8", "lora_r", "gpt-4o")."""
    return bool(rx.search(r"\d", run)) and not rx.fullmatch(r"utf-?\d+|gb\d+|gpt-.*|e-?\d+", run, re.I)


# The names of a run's settings and of the tools' arguments, written as keys: "lora_r", "max_steps", "mix_general".
_SETTING_NAME = re.compile(r"(?:lora[-_](?:r|rank|alpha|dropout|target(?:[-_]modules)?)|max[-_]steps|learning[-_]rate|mix[-_]general|base[-_]model|n[-_]samples|"
                           r"(?:per[-_]device[-_](?:train[-_])?)?batch[-_]size|(?:num|n)[-_](?:train[-_])?epochs|warmup[-_](?:steps|ratio)|"
                           r"grad(?:ient)?[-_]accum(?:ulation)?(?:[-_]steps)?|question[-_]field|answer[-_]field|rationale[-_]field|weight[-_]decay|cutoff[-_]len|max[-_](?:seq[-_])?len(?:gth)?)", re.I)


# Words made with "run" that name no run: "mid-run", "dry-run", "re-run", "long-run".
_RUN_WORD = re.compile(r"(?:mid|dry|re|pre|post|test|trial|long|short|first|second|last|next|full|half|practice|warm-?up)[-_]runs?", re.I)


@remembered
def find_run_id(text: str) -> tuple[str, int, int] | None:
    """The run named in ``text``; one named only to be ruled out ("不是 run-A,要停的是 run-B") is skipped."""
    found = _find_run_id(text)
    while found and (_SETTING_NAME.fullmatch(found[0]) or _RUN_WORD.fullmatch(found[0])):  # "Abort that. lora_r 16, not 64.": a setting's name,
        # never a run's; "car-77 broke down mid-run": a word for a run, not its name
        text = text[:found[1]] + " " * (found[2] - found[1]) + text[found[2]:]
        found = _find_run_id(text)
    if found and _LEFT_ALONE.match(text, found[2]):
        # "我是说……oven-21 不要动,把 oven-22 停了": the run left alone is not the one meant, when another is named
        blanked = text.replace(found[0], " " * len(found[0]))
        other = _find_run_id(blanked)
        found = other if other else found
    if found and not rx.search(r"\d", found[0]):
        # "They found the run half-finished, xs-0666, frozen mid-step", "TELL-ALL: gossip-113 — how's the run": a word taken for a
        # name, when a name with a number is there too
        other = _find_run_id(text[:found[1]] + " " * (found[2] - found[1]) + text[found[2]:])
        if other and rx.search(r"\d", other[0]) and rx.search(r"[A-Za-z]", other[0]) and not _SETTING_NAME.fullmatch(other[0]):
            found = other
    return _with_chinese_head(text, found) if found else None


def _meant(text: str, found: list[re.Match]) -> re.Match | None:
    """Of several runs found, the one meant (``focus.meant``: named again, not set aside); else the first."""
    chosen = focus.meant(text, [m.group(1).rstrip(".") for m in found]) if found else None
    return next((m for m in found if m.group(1).rstrip(".") == chosen), found[0] if found else None)


_LORA_NAMED = re.compile(r"(?<![\w./-])([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-(?:q?lora|sft)(?:-[A-Za-z0-9]+)+|"
                         r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_(?:q?lora|sft)(?:_[A-Za-z0-9]+)+)(?![\w.-])")


_AFTER_RUN_VERB = re.compile(r"(?:\b(?:stop+|kill|halt|cancel|resume|evaluate|eval|status (?:of|on|for)|progress (?:of|on)|update on|how(?:'s| is)|state of play on)\s+(?:the\s+)?(?:run\s+|job\s+)?|"
                             r"\b(?:my|our|the) (?:training|job)\s+|"  # "please stop my training sakura_ft", "the job lr-sweep-b is …"
                             r"(?:停掉|停止|停|评估一下|评估下|评估|恢复|续训|续跑|接着跑|续(?=\s))\s*|\brun\s+(?:[^\w\s]{1,4}\s*)?)[\"'“‘「]?"
                             r"([A-Za-z0-9][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+)(?![\w-])(?!\.\w)", re.I)
# "wedding-bot-june is done - can you check if it learned…", "menu-lora-b 跑完了": a name of three parts or more, said to be done
_RUN_THEN_DONE = re.compile(r"(?:^|(?<=\s))([a-z][a-z0-9]*(?:-[a-z0-9]+){2,}|[a-z][a-z0-9]*(?:_[a-z0-9]+){2,})\s*(?:is|has)?\s*(?:done|finished|complete|跑完了|训完了|结束了)", re.I)
_NAME_FIRST = re.compile(r"\s*((?=[\w-]*\d|[\w-]*第[一二三四五六七八九十]+次)(?![\d.]+\s)[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff-]{1,24})\s+"
                         r"(?:这个|那个|这次|那次)?\s*(?:应该)?\s*(?:先|已经|都|刚|刚刚|终于)?\s*(?:从(?:断点|检查点|checkpoint|上次)(?:处)?\s*)?(?:恢复|续训|续跑|接着|继续|停|跑完|训完|练完|咋样|怎么样|如何|好了|评估|测测|进度|是不是卡|卡住|卡了|被(?:我|人|谁)?[\u4e00-\u9fff]{0,4}(?:停|杀|中断|打断|关)|"
                         r"looks? like\b|seems? (?:to|like)\b|(?:is |got )?stuck\b|"
                         r"(?:is|was) (?:done|finished|complete)\b|(?:has )?finished\b|done\b|status\b|how far\b|how'?s it (?:doing|going)\b|crashed\b|died\b|[-—–]\s)")
# Names of steps, not runs ("run quality-check on it", "run the lr-probe", "run few-shot"):
_TOOLISH = re.compile(r"check|probe|test|shot|quality|range|finder|sanity|dry|cot|augment|eval|inspect|convert|status", re.I)


# A run named only to be left alone: "run-88 不要动,把 run-87 停了", "leave run-88 alone".
_LEFT_ALONE = re.compile(r"\s*(?:不要动|别动|不用动|别碰|不要碰|先不管|不动|别停|不要停|不停|(?:不要|别|不用)(?:接|续|恢复)(?!着)|(?:keeps? running|stays?|can stay)\b|alone\b)", re.I)


# A short run name: "r7", "R22" (a run where runs are talked about; see short_run).
SHORT_R = re.compile(r"(?<![\w.-])([rR]\d{1,4})(?![\w-])(?!\.\w)")
_RANK_BEFORE = re.compile(r"(?:lora|rank|秩|\bwith|\busing|\buse|用|设成?|改成|改为|\bset to|\bto|=|:)\s*$", re.I)
_RUN_TALK = re.compile(r"状态|续|评估|评|停|跑|训完|挂|崩|测|效果|进度|怎么样|好吗|结束|完了|接着|\b(?:done|finish\w*|crash\w*|died|resume|eval\w*|status|stop\w*|kill|good|score\w*|"
                       r"running|progress|pick it back up|keep going|turned out|he|she|him|her|doing|state)\b|\bSTOP\b", re.I)
_DATED_RUN = re.compile(r"\bthe (\d{4}) run\b|^\W*(\d{4})\s+(?:died|crashed|stopped|finished|is done|failed|broke)\b", re.I)


def short_run(text: str) -> tuple[str, int, int] | None:
    """A run named by a short r-number ("r7", "R9") or by a date-like number said to be a run ("the 0612 run"), where
    runs are talked about; a rank ("lora r8", "with r16") is none."""
    if m := _DATED_RUN.search(text):
        g = 1 if m.group(1) else 2
        return m.group(g), m.start(g), m.end(g)
    if not _RUN_TALK.search(text):
        return None
    found = [m for m in SHORT_R.finditer(text) if not _RANK_BEFORE.search(text[max(0, m.start() - 10):m.start()]) and not negated(text, m.start())]
    m = _meant(text, found) if found else None
    return (m.group(1), m.start(1), m.end(1)) if m else None


# An r-number said of a run, whatever else is said: "r7's settings", "用 r7 的设置", "r18 的结果", "looked at r18", "不是 r7".
_R_OF_A_RUN = re.compile(r"(?<![\w.-])(?<!lora )(?<!lora_)(?<!rank )[rR]\d{1,4}(?=(?:'s|’s)\b|\s*的(?:设置|结果|配置|参数|效果)|\s+(?:settings|results|config|run)\b)|"
                         r"(?:(?<=不是)|(?<=重训)|(?<=看过)|(?<=\bnot)|(?<=looked at))\s?[rR]\d{1,4}(?![\w-])", re.I)


def r_runs(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a run by an r-number (:func:`short_run`, or said of a run): never a LoRA rank there."""
    spans = [(m.start(), m.end()) for m in _R_OF_A_RUN.finditer(text)]
    if (run := short_run(text)) is not None and rx.fullmatch(r"[rR]\d+", run[0]):
        spans.append((run[1], run[2]))
    return spans


def _find_run_id(text: str) -> tuple[str, int, int] | None:
    ids = [m for m in _RUN_ID.finditer(text) if not negated(text, m.start())
           and not (_LEFT_ALONE.match(text, m.end()) and len({n.group(1) for n in _RUN_ID.finditer(text)}) > 1)
           and not (rx.search(r"\bi said\s*$", text[max(0, m.start() - 10):m.start()], re.I) and rx.match(r"\s*[,，]?\s*but\b", text[m.end():], re.I))  # "I said run-b but …"
           and not _DATA_FILE.search(m.group(1)) and not rx.match(r"\.[A-Za-z]", text[m.end():])]  # "20261203-1108.csv" is a file
    m = _meant(text, ids)  # "run-0610 和 run-0611 都停了,0610 不要了,只续跑 run-0611"
    if m:
        name = m.group(1).rstrip(".")  # "…for run lora-pmqa-0712.": the sentence's full stop is no part of the id
        return name, m.start(1), m.start(1) + len(name)
    # "tax-lora-final — eval it": a run's name first, then what to do with it
    m = rx.match(r"^\s*([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+)\s*(?:—+|–|--|:|：)\s*\S", text)
    if (m and not _FAMILY.match(m.group(1)) and not _OTHER_MODELS.match(m.group(1)) and not rx.fullmatch(r"(?:run|job|task)[-_]?(?:id|name)", m.group(1), re.I)
            and not rx.fullmatch(r"\w+_(?:loss|acc\w*|ppl|f1|bleu|rouge\w*|rate|norm|steps?|epochs?|time|runtime)", m.group(1), re.I)):  # "eval_loss: 1.83": a metric
        later = _AFTER_RUN_VERB.search(text, m.end())
        if later and rx.search(r"\d", later.group(1)) and not rx.search(r"\d", m.group(1)):
            return later.group(1), later.start(1), later.end(1)  # "Post-flight: evaluate run ISS-040.": a heading, then the run
        return m.group(1), m.start(1), m.end(1)
    # "falcon-x9, stop it now.", "Abort. kefu-3b, resume it": a sentence opened by a run's name, a comma, then what to do with it
    m = rx.search(r"(?:^|(?<=[.!?。！？]\s))\s*([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+)\s*[,，]\s*(?:please\s+|pls\s+)?"
                  r"(?:stop|kill|halt|abort|resume|evaluate|eval|停|恢复|评估|续)", text, re.I)
    if m and rx.search(r"\d", m.group(1)) and not _DATA_FILE.search(m.group(1)) and not _FAMILY.match(m.group(1)) and not _OTHER_MODELS.match(m.group(1)):
        return m.group(1), m.start(1), m.end(1)
    # "测一下 waste-lora-final 学得怎么样", "评估一下 med-lora-final": a name with a -lora-/-sft- part is a run's, digit or not
    m = _meant(text, [m for m in _LORA_NAMED.finditer(text) if not negated(text, m.start())
                      and not rx.search(r"-(?:q?lora|sft)-(?:r|rank|alpha|dropout|config|adapter|weights|style|format)$", m.group(1), re.I)])
    if m:  # (of several, the one meant: "faq-lora-3 和 faq-lora-4 都训完了,先评估 4")
        return m.group(1), m.start(1), m.end(1)
    # "kq0915 还要多久能跑完", "obs0925 现在 loss 多少了": letters and digits run together opening a message, then how the run is doing
    m = rx.match(r"^\W*([A-Za-z]{2,10}\d{3,}[A-Za-z0-9]*)(?![\w.-])\s*(?:还要|还得|现在|目前|当前|的?\s*loss|跑|训|进度|状态|怎么样|咋样|停|恢复|续|评估)", text)
    if m and not _DATA_FILE.search(m.group(1)):
        return m.group(1), m.start(1), m.end(1)
    # "pythia-09 has taken a dark path. Halt it.", "xs-0412 的 loss 涨了,停掉它": a name of letters, a hyphen and digits opening the
    # message, where a run's step or state is asked for in it
    m = rx.match(r"^\W*([A-Za-z][A-Za-z]{1,11}[-_]\d{1,6}[A-Za-z]?)(?![\w.-])", text)
    if (m and not _DATA_FILE.search(m.group(1)) and not _FAMILY.match(m.group(1))
            and not (_OTHER_MODELS.match(m.group(1)) and not rx.search(r"[-_](?:0\d+|\d{3,})$", m.group(1)))  # (pythia-09 is a run; pythia-410m a model)
            and not _SETTING_NAME.fullmatch(m.group(1)) and not negated(text, m.start(1))
            and not rx.search(r"(?<![\w.-])[A-Za-z]{1,12}[-_]\d", text[m.end():])  # (one run named: not "kl-07 and kl-08 both stopped…")
            and rx.search(r"\b(?:halt|stop|kill|abort|resume|rise|evaluate|judge|fares?|status|progress)\b|停|止|恢复|续|评估|进度|跑到|训到|练到|修到", text[m.end():], re.I)):
        return m.group(1), m.start(1), m.end(1)
    # "mooncake-lora 停了吧": a name ending in -lora or -sft, right before a run's verb
    m = rx.search(r"(?<![\w./-])([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-(?:q?lora|sft))(?![\w.-])\s*(?:停|暂停|恢复|续|接着跑|评估|进度|跑得|跑的|训得|训到)", text)
    if m and not negated(text, m.start(1)):
        return m.group(1), m.start(1), m.end(1)
    # "what's the loss on wx0921 right now": letters and digits run together, after what a run reports
    m = rx.search(r"\b(?:loss|progress|status|step|epoch)\s+(?:on|of|for)\s+([A-Za-z]{1,6}\d{3,}[A-Za-z0-9]*)\b", text, re.I)
    if m:
        return m.group(1), m.start(1), m.end(1)
    # "The run was called qa-lora-night", "那个 run 叫 kefu-night": a run given its name in words
    m = rx.search(r"\b(?:run|job|lesson)\s+(?:was |is )?(?:called|named|known as)\s+([A-Za-z][\w.-]{2,40}[\w])|(?:run|任务|训练)\s*叫(?:做)?\s*([A-Za-z0-9][\w.-]{2,40}[\w])", text, re.I)
    if m:
        g = 1 if m.group(1) else 2
        return m.group(g), m.start(g), m.end(g)
    m = rx.search(r"(?:\brun[ _]?id|\brun|任务(?:id|编号)?|(?:训练|run|模型)?编号|\bjob(?: id)?|\b(?:the|its|my) id)(?![A-Za-z])\s*(?:[:=#：]|是|为|\bis\b)?\s*([A-Za-z][\w.-]*\d[\w.-]*|"
                  r"\d[\w.-]*[A-Za-z][\w.-]*)",
                  text, re.IGNORECASE)
    if m:
        name = m.group(1).rstrip(".")  # "Halt run pp-0907.": the full stop ends the sentence
        return name, m.start(1), m.start(1) + len(name)
    # "its id is glaze-lora", "the run id was tea_night": a name said to be the id, digit or not
    m = rx.search(r"\b(?:its|the|my|that) (?:run |job )?id (?:is|was|=|:)\s*[\"'“‘]?([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+)(?![\w.-])", text, re.I)
    if m and not _DATA_FILE.search(m.group(1)):
        return m.group(1), m.start(1), m.end(1)
    # "评估下 tile0923", "stop kb2231": letters and digits run together, right after a run's verb
    m = rx.search(r"(?:评估(?:一?下)?|停(?:掉|止)?|恢复|续训|续跑|\bevaluate|\bstop|\bresume|\bkill|\bhalt)\s*([A-Za-z]{2,10}\d{3,}[A-Za-z0-9]*)(?![\w.-])", text, re.I)
    if m and not _DATA_FILE.search(m.group(1)) and not negated(text, m.start(1)):
        return m.group(1), m.start(1), m.end(1)
    # "把 run-valentine 停了": a run's name with no number, "run-" or "job-" and a word, where a run's step is asked
    m = rx.search(r"(?<![\w./-])((?:run|job)[-_](?!(?:through|time|of|up|down|on|in|off|out|away)\b)[A-Za-z][A-Za-z0-9_-]{2,30})(?![\w.-])", text, re.I)
    if (m and not negated(text, m.start(1)) and not _TOOLISH.search(m.group(1)[4:])
            and rx.search(r"停|恢复|续|接着|评估|进度|\bstop|\bresume|\bkill|\bhalt|\bevaluat|\bstatus\b|\bprogress\b", text, re.I)):
        return m.group(1), m.start(1), m.end(1)
    # "job devrel#27 进度如何", "stop of run FT/2024/117": a job's name with its number, a run written as a path
    m = rx.search(r"(?<![\w#/])([A-Za-z][\w-]*#\d+)(?![\w#])|\b(?:run|job)\s+([A-Za-z0-9][\w.-]*(?:/[\w.-]+)+)(?![\w/])", text, re.I)
    if m and not negated(text, m.start()) and not (m.group(2) and _DATA_FILE.search(m.group(2))):
        g = 1 if m.group(1) else 2
        return m.group(g).rstrip("."), m.start(g), m.start(g) + len(m.group(g).rstrip("."))
    # "Stop svc-manual-r16. … ft-lb …", "评估 sprint-final", "Please stop 311-bot-v2", "run loss-goes-brrr is diverging", "stoppp run 🛑
    # oops-lr-big", "like run 'ops-ft-2024w23' stopped": a name with dashes right after a run verb, or after the word run
    m = _AFTER_RUN_VERB.search(text) or _RUN_THEN_DONE.search(text)
    if (m and not negated(text, m.start(1)) and not _DATA_FILE.search(m.group(1)) and not _FAMILY.match(m.group(1)) and not _TOOLISH.search(m.group(1))
            and not rx.match(r"\s+(?:answers?|replies|responses|ones|rows|records|questions|entries|samples)\b", text[m.end(1):], re.I)):  # ("kill the long-winded answers")
        return m.group(1), m.start(1), m.end(1)
    # "Stop run prod-final", "resume run menu-night": a run named with dashes right after a run verb and the word run
    m = rx.search(r"\b(?:stop|kill|halt|resume|evaluate|eval|status of|progress (?:of|on|for))\s+(?:the\s+)?run\s+([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+)(?![\w.-])", text, re.I)
    if m and not negated(text, m.start(1)) and not _DATA_FILE.search(m.group(1)):
        return m.group(1), m.start(1), m.end(1)
    # "show progress for run 2024-06-03_07": a run named by its date and number
    m = rx.search(r"\b(?:run|job)\s+(\d{4}(?:[-_]\d{1,4}){1,4})(?![\w.-])", text, re.I)
    if m and not negated(text, m.start()):
        return m.group(1), m.start(1), m.end(1)
    # "Re: [run 42] finished", "回复：[run 42] 训练完成": a run's number in a notice's bracketed subject
    m = rx.search(r"\[\s*(?:run|job)\s*#?\s*(\d{1,8})\s*\]", text, re.I)
    if m:
        return m.group(1), m.start(1), m.end(1)
    # "Run 4471 has been going for 40 minutes": a run by its number after the word run (not "run 300 steps")
    m = rx.search(r"\b(?:run|job)\s+#?(\d{3,8})\b(?![.,]\d)(?!\s*(?:steps?|epochs?|samples?|examples?|rows?|records?|%|k\b|times?))", text, re.I)
    if m and not negated(text, m.start()) and not rx.search(r"[A-Za-z]\w*[-_][\w.-]*\d", text):
        return m.group(1), m.start(1), m.end(1)
    # "就是编号 7731 的那个", "the number it gave me was 88213": a run's number, digits only, said to be its number
    m = rx.search(r"(?:编号|(?:训练)?任务|\b(?:run|job|training|train) (?:id|number|no\.?)|\bthe (?:id|number)(?: it| you)? (?:gave me|printed|showed|said)?)\s*(?:是|为|was|is|[:#：=])?\s*#?(\d{3,12})\b(?![.,]\d)", text, re.I)
    if m and not negated(text, m.start()):
        return m.group(1), m.start(1), m.end(1)
    # "r7 效果好吗?", "r22 挂了没?", "is she done yet? r12", "the 0612 run", "0701 died halfway": a short r-number, or a date-like
    # number said to be a run, where runs are talked about ("r 8", "lora r8", "with r16" are ranks)
    if (short := short_run(text)) is not None:
        return short
    # "stop r12", "评估一下 r7 这次的微调": a short r-number right after a run verb or before "这次" ("r 8" alone is a rank)
    m = rx.search(r"(?:\b(?:stop|kill|cancel|halt|eval\w*|resume|status(?: of)?|check on)|停(?:掉|止|下)?|评估(?:一下)?|评估下|恢复|接着跑|续跑|不是|是)\s*((?:r|ft|exp|job|run|task)\d{1,4}|(?<=stop )[a-z]\d{1,3}|(?<=kill )[a-z]\d{1,3})(?![\w-])(?![-_.]\w)|"
                  r"(?<![\w-])(r\d{1,4})\s*(?:这次|这个|这轮|那次|那个|的(?:训练|微调|run))", text, re.IGNORECASE)
    if m:
        g = 1 if m.group(1) else 2
        return m.group(g), m.start(g), m.end(g)
    # a Chinese name, a dash, letters and digits, written apart: "把 法律-r16 那个 run 停了"
    m = rx.search(r"(?:^|(?<=[\s,，。;；:：、])|(?<=续训|续跑|停掉|评估|恢复))([\u4e00-\u9fff]{1,8}[-_][A-Za-z0-9_.-]*\d[A-Za-z0-9_-]*)(?=$|[\s,，。;；?？!！])", text)
    if m and not negated(text, m.start()):
        return m.group(1), m.start(1), m.end(1)
    # "把“客服v2”(就是上周五训的那次)评估一下": a quoted name with a digit, where a run is acted on
    m = rx.search(r"[“\"「‘]([\u4e00-\u9fffA-Za-z][\w\u4e00-\u9fff.-]{0,20}\d[\w.-]*)[”\"」’]", text)
    if m and not negated(text, m.start()) and rx.search(r"评估|停|恢复|续训|续跑|进度|\b(?:evaluate|eval|stop|kill|resume|status)\b", text, re.I):
        return m.group(1), m.start(1), m.end(1)
    # "(下午手滑停掉的那个)exp41 从断点接着跑吧", "0x7f3a → stop": a run's short name, a word of runs glued to its number, a hex id
    m = rx.search(r"(?<![A-Za-z0-9_-])((?:exp|job|run|task|ckpt|trial)\d{1,5}|t\d{3,5}|0x[0-9a-f]{4,12})(?![A-Za-z0-9_-])", text, re.I)
    if m and not negated(text, m.start()):
        return m.group(1), m.start(1), m.end(1)
    # a short hex id ("7c2e9a", "b81d04"): letters and digits both, as git and job schedulers print them
    m = rx.search(r"(?<![A-Za-z0-9_.-])((?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])(?![ahv]\d+\b)[0-9a-f]{4,12})(?![A-Za-z0-9_-])(?!\.[A-Za-z0-9])", text)
    if m and not negated(text, m.start()):
        return m.group(1), m.start(1), m.end(1)
    # a date-like id before a word ("0705-med 评一下", "1203_faq"), not an amount with its unit ("500-step", "128-dim")
    m = rx.search(r"(?<![\w.-])(\d{3,8}(?:[-_]\d{1,4})*[-_](?!(?:steps?|shots?|epochs?|samples?|rows?|records?|lines?|tokens?|dim|bit|k|b|m)\b)[A-Za-z][A-Za-z0-9_-]*)(?![\w.-])",
                  text, re.I)
    if m and not negated(text, m.start()):
        return m.group(1), m.start(1), m.end(1)
    # a run named without a digit: "ski-lora-c", "yoga_lora_b", "run-law-final" (one part says it is a run)
    lettered = [m for m in rx.finditer(r"(?<![\w.-])(run[-_](?!of[-_]the[-_]mill)[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+|(?:[A-Za-z][A-Za-z0-9]*[-_])+(?:lora|run|ft|sft|job|exp)[-_][A-Za-z]{1,3}|(?:lora|run|sft|ft|job|exp|ckpt)[-_](?:[A-Za-z]{1,3}|alpha|beta|gamma|delta|epsilon|zeta|eta|theta|kappa|lambda|sigma|omega)|(?:[A-Za-z]+[-_])+(?:lora|run|ft|sft|job|exp)[-_](?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|kappa|lambda|sigma|omega)|(?:[A-Za-z]+[-_]){1,3}(?:run|job)|(?:[A-Za-z]+_){1,2}(?:run|job)_[A-Za-z]{4,10}|r[-_][a-z]{3,8})(?![\w-])(?!\.\w)", text, re.I)
                if not negated(text, m.start()) and not _FAMILY.match(m.group(1))]
    m = _meant(text, lettered)  # "run-a 是我故意停的,run-b 是 OOM 挂的,恢复 run-b"
    if m:
        return m.group(1), m.start(1), m.end(1)
    # "yk003 训完了,评估一下", "nongye1 咋样了", "中转场3号 恢复训练", "合作社第2次 那个先停了吧", "jwc-第二次 这个应该跑完了吧": a name
    # opening the message, set apart by a space, then what is done with a run or how it went
    m = _NAME_FIRST.match(text)
    if m and not _DATA_FILE.search(m.group(1)) and not _FAMILY.match(m.group(1)) and not _OTHER_MODELS.match(m.group(1)):
        # ("lk-1103不用跑了 停": a Latin name with its number, then the Chinese words glued to it, which are no part of it)
        glued = rx.match(r"[A-Za-z][A-Za-z0-9_.-]*\d(?=[\u4e00-\u9fff])(?!第|号|次)", m.group(1))
        name = glued.group(0) if glued else m.group(1)
        return name, m.start(1), m.start(1) + len(name)
    # "eval br12 vs base", "stop fishbot2 its taking forever", "evaluate v0.3.1": letters and a digit right after a run verb
    m = rx.search(r"(?:\b(?:stop|kill|halt|cancel|resume|restart|eval(?:uate)?|status of|progress of)|评估|停掉|恢复)\s*(?:run\s+|job\s+)?((?=[a-z]{1,12}\d)[a-z][a-z\d]*(?:\.\d+)*)(?![\w.-])", text, re.I)
    listed = set(rx.findall(r"(?<![\w-])[a-z]\d(?=\s*[、,，/和])|(?<=[、,，/和])\s*[a-z]\d(?![\w-])", text, re.I))  # "a1、a2、a3,只评估 a2"
    if m and not negated(text, m.start(1)) and not rx.fullmatch(r"(?:epochs?|steps?|r|k|top)\d+", m.group(1), re.I) and (
            not rx.fullmatch(r"[a-z]\d", m.group(1), re.I) or len({x.strip() for x in listed}) >= 2):
        return m.group(1), m.start(1), m.end(1)
    # "把昨天停的那个tr9081继续跑起来吧": letters and digits glued between Chinese words, where a run is acted on
    m = rx.search(r"(?<=[\u4e00-\u9fff])([A-Za-z]{1,8}\d{2,}[A-Za-z0-9_-]*)(?=[\u4e00-\u9fff]|\s|$)", text)
    if (m and not negated(text, m.start(1)) and not _DATA_FILE.search(m.group(1)) and not _OTHER_MODELS.match(m.group(1))
            and rx.search(r"继续|接着|恢复|续|停|评估|进度|跑完|训完", text)):
        return m.group(1), m.start(1), m.end(1)
    # "it's sweep-c not sweep-b that i wanted resumed": the run meant, set against another
    m = rx.search(r"\bit'?s ([A-Za-z][\w]*[-_][\w-]+) not [\w-]+ that\b", text, re.I)
    if m and not _DATA_FILE.search(m.group(1)):
        return m.group(1), m.start(1), m.end(1)
    # "Where's the overnight run at? id night_owl_3": a name given after "id"
    m = rx.search(r"(?<![\w-])(?:run\s+)?id\s*[:=#]?\s*([A-Za-z][\w-]*[_-][\w-]+|[A-Za-z]+\d[\w-]*|\d{3,8}[-_]\d{2,6})(?![\w.-])", text, re.I)
    # "check on the 2024-06-12T22:00 run": a run named by when it started
    m = m or rx.search(r"(?<![\w-])(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?)(?=\s+(?:run|job|training)\b)", text, re.I)
    if m and not negated(text, m.start(1)) and not _DATA_FILE.search(m.group(1)):
        return m.group(1), m.start(1), m.end(1)
    # "“二号机”也就是 ft_second_try 那个 run": a name with an underscore or dash, then "那个 run"
    m = rx.search(r"(?<![\w.-])([A-Za-z][\w]*[_-][\w-]+)\s*(?:那个|这个)\s*(?:run|任务|训练|实验)", text)
    if m and not negated(text, m.start(1)) and not _DATA_FILE.search(m.group(1)):
        return m.group(1), m.start(1), m.end(1)
    # a bare number right after a run verb ("resume 42, it died", "kill #7"), or before "那个" ("0714那个接着跑")
    m = rx.search(r"\b(?:resume|restart|stop|kill|cancel|halt|evaluate|eval|status of)\s+(?:run\s+|job\s+)?#?(\d{1,8})\b(?!\s*(?:steps?|epochs?|%|samples?|rows?|records?|k\b|more\b|of\b|x\b))(?![.,]\d)|"
                  r"(?<![\w.-])(\d{3,8})\s*(?:那个|这个|那次|这次|那轮)(?:run|任务|训练)?|"
                  # "7731 - resume", "7731 done. eval vs base": a run's number opening the message, then what is done with it
                  r"^\s*(\d{3,8})\s*(?=[-—–:]\s*(?:resume|stop|kill|eval|status|恢复|停|评估)|(?:is\s+)?(?:done|finished)\b|跑完|训完)", text, re.I)
    if m and not negated(text, m.start()) and not rx.search(r"[A-Za-z]\w*[-_][\w.-]*\d", text):
        g = next(i for i in (1, 2, 3) if m.group(i))
        return m.group(g), m.start(g), m.end(g)
    # any other name with a dash or underscore and a digit ("qa-lora-4", "ft_v2"), unless it is a model's name
    named = [m for m in rx.finditer(r"(?<![A-Za-z0-9_.-])([A-Za-z][A-Za-z0-9]*[-_][A-Za-z0-9_.-]*\d[A-Za-z0-9_-]*|[A-Za-z]{1,4}\d{1,4}(?:[-_][A-Za-z][A-Za-z0-9]*)+)(?![A-Za-z0-9_-])(?!\.\w)", text)  # "Evaluate claims-lora-3."
             if not _FAMILY.match(m.group(1)) and not _OTHER_MODELS.match(m.group(1)) and not negated(text, m.start())]
    m = _meant(text, named)  # "medical-r8 和 medical-r16 都跑完了,先评估 medical-r16"
    return (m.group(1), m.start(1), m.end(1)) if m else None

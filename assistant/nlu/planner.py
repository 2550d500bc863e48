"""The offline model's decision for one model call: which tool calls to emit, or what to say.

Works on plain :class:`Turn` objects (no langchain), so it is easy to test and fast
(well under a millisecond a request). Memory is the message history itself: files attached or
named earlier, files the tools produced, the question a confirmation answers.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field

from assistant.attachments import attached_files, strip_attachments, with_attachments
from assistant.consent import CONSEQUENTIAL
from assistant.envelope import ToolResult
from assistant.nlu import acts, amounts, classifier, focus, intents, markers, names, probe, reading, replies, review, rx, slots, variants, written
from assistant.nlu.arguments import arguments_for
from assistant.nlu.dictated import dictated, ruled_out
from assistant.nlu.numbers import parse_number
from assistant.nlu.paths import (
    IN_ERROR,
    TOOL_NAMES,
    bare_dataset_name,
    blank_errors,
    hide_names,
    match_attachment,
    quoted,
    resolve_named,
    unquote_forwarded,
)
from assistant.paths import NEEDS_PATH

# "the converted file", "增强后的" point at what a tool produced, not at the upload.
_OUTPUT_REF = re.compile(r"(?:转换|转|增强|清洗|去重|处理|生成|过滤|扩充|导出)(?:后|好|出来)的(?:文件|数据|结果)?|新(?:生成的)?文件|结果文件|输出文件|"
                         r"\b(?:the )?(?:converted|new|output|generated|augmented|cleaned|deduplicated|processed|resulting|exported) (?:file|data|dataset|one|version)\b|"
                         r""
                         r"\bthe output\b|\bthe result\b",
                         re.IGNORECASE)
_CONVERT_VERB = re.compile(r"\b(?:need|want)\b.{0,40}\bas (?:an? )?(?:spreadsheet|excel|xlsx|csv|jsonl?)\b|改成|转成|转为|换成|(?:弄|做|整|搞)成(?=[^,，。;；]{0,12}格式)|换(?:个|一种|种|一下)?格式|转换|转一?下|(?:重新|再)转|转一(?:次|遍|份)|导一份|导出(?!来的|的)|\bconvert\w*|\bturn\b.{0,60}\binto\b|\brender\b.{0,60}\b(?:as|into|in)\b|\bversion of\b|\bexport\w*|"
                           r"(?:目标|目标格式|输出格式|输出|\btarget(?: format)?|\boutput(?: format)?|\bto)\s*[:：=]|(?:->|→|=>)\s*\w|"  # "目标:alpaca", "target: sharegpt"
                           # "sharegpt pls. question column is summary…" (an upload): the format alone, asked for, opening the message
                           r"^\W*(?:share\s?gpt|alpaca|qianfan|openai|千帆)(?:\s*(?:format|格式))?\s*(?:pls|plz|please|谢谢|thx)\W*(?:[.。!！,，]|$)", re.I)
# A conversion told as done ("My manager exported them to Excel", "运营同事导成了 Excel"): the story, not the ask.
_DONE_CONVERSION = re.compile(r"\b(?:exported|converted|saved)\b[^,，.。;；!?！？]{0,40}|(?:导成|转成|导出|转换|存成)了[^,，.。;；!?！？]{0,20}", re.I)
# "the cleaned file from the quality check earlier", "质检后的文件": where the file came from, not a check asked for
_AFTER_CHECK = re.compile(r"\b(?:from|after|of|by) (?:the|my|our|that|your) (?:earlier |last |previous )?(?:quality check|qc|dedup\w*|clean(?:ing|up))\b|"
                          r"(?:质检|清洗|去重|检查)(?:后|过后|之后|完|好)的", re.I)
# The file meant is one used before: "文件还是刚才那个", "the same file as before", "上面那个", "that same dataset again".
_REFERS_BACK = re.compile(r"(?:还是|用|就用|同一个|同一份)?(?:刚才|上面|之前|前面|昨天|上次)(?:那个|那份|的)(?:文件|数据)?|同一(?:个|份)(?:文件|数据)|"
                          r"^\W*(?:again\b|再来一[次遍]|再跑一[次遍]|再训一[次遍]|重新(?:跑|训)一?[次遍]?)|"
                          # "the big file", "the Excel one", "那个大文件", "那份大的", "中文那版": a file of this conversation, named loosely
                          r"\bthe (?:big|bigger|large|larger|small|smaller|excel|xlsx|csv|json|chinese|english|old|new|other|cleaned|first|second) (?:file|one|version|dataset)\b|"
                          r"(?:那个|这个|那份)?(?:大|小)的?文件|那份(?:大|小)的|(?:中文|英文|Excel|excel|表格)(?:的)?那(?:个|版|份)(?:版本)?|"
                          r"\b(?:the |that |this )?same (?:file|data(?:set)?|one)\b|\bas before\b|\bsame as (?:before|last time|yesterday)\b|"
                          r"\b(?:yesterday|last time)'?s? (?:file|data(?:set)?)\b", re.I)
_SHOW_FIRST = re.compile(r"(?:先|暂时|暂且)(?:别|不要|不)删.{0,12}(?:看看|看一下|列出|给我看|show)|\bdon'?t (?:delete|drop|remove) (?:anything )?yet\b.{0,30}\b(?:show|list|let me see)\b|"
                         r"\bhold off\b.{0,30}\b(?:show|list|let me see)\b", re.I)
# The last request again, changed: "again but csv this time", "再来一次,这回 epoch 调到 3".
# "again but …", "same 600 again but for full", "再跑一次,但是 300 步": the step done before, done again with a change.
_REDO = re.compile(r"\bagain\b|再(?:跑|来|做|转|探|查|评)一[次遍]|重新(?:跑|来|做)", re.I)
_AGAIN = re.compile(r"^\W*(?:(?:ok|okay|now|and|so)\W+)?(?:again\b|do it again\b|same again\b|再来一[次遍]|再跑一[次遍]|再转一[次份遍]|再做一[次遍]|重新来)", re.I)
_AUGMENT_WORDS = re.compile(r"variety|diversif\w*|augment\w*|reword|rephras\w*|paraphras\w*|wording|扩充|改写|换说法|多样", re.I)
_QUALITY_WORDS = re.compile(r"质量|质检|重复|冲突|乱码|脏|困惑度|空着|没写答案|没(?:有)?答案|漏填|空答案|垃圾|\bquality\b|\bdup\w*|\bppl\b|perplexity|\bnoise|\bqc\b|"
                            r"\bjunk\b|\brubbish\b|\bgarbage\b|\bblank (?:answers?|ones|rows)\b|\bempty (?:answers?|ones|rows)\b", re.I)
_TRAINER_FILE = re.compile(r"(?:^|[/\\])(?:dataset_info|adapter_config|config|generation_config|tokenizer_config|special_tokens_map|"
                           r"trainer_state|training_args|all_results|train_results)\.json$", re.I)
_ASIDE = re.compile(r"\s*[,，;；。.]\s*(?:顺便问一?下|顺便问问|顺带问一?下|另外问一?下|对了问一?下|另外(?=[^,，。]{0,30}[?？]\s*$)|另外(?=\s*(?:回头|之后|以后|晚点|有空|等会))|by the way|btw|also quick question|and also (?=(?:how|what|why|when|which|is|are|does|do|can|should)\b)|also (?=(?:whats|what'?s|how'?s|hows|why|is there)\b)|(?<=[.;。；])\s*also\b(?=\s+\w))\s*[,，:：]?\s*", re.I)
_WHEN_CLAUSE = re.compile(r"^\W*(?:before|after|once|when|until)\b[^,，;；]{0,80}[,，]|^\W*(?:在|等)?[^,，;；]{0,30}(?:之前|以前|之后|以后)[,，]", re.I)
# A step told as what happened: "I started training before lunch", "we ran it yesterday".
_NARRATED = re.compile(r"^\W*(?:so |and |yesterday |earlier |this morning )?(?:i|we)\s+(?:already |just )?(?:\w+ed|ran|did|had|got|was|were|made|began|went|took|kept|left|sent|gave)\b|"
                       # "嗯 那个 我昨天不是把数据都弄好了嘛 就是那个 FILE 然后…": what was done, told before the request
                       r"^\W*(?:(?:嗯+|呃|额|那个|就是说?|其实)\W*)*(?:我|我们|咱们)(?:昨天|之前|前面|刚才|刚刚|已经|上周|前两天|早上|都)*"
                       r"(?:不是)?[^,，。;；!！?？]{0,14}?(?:好了|完了|过了)(?:嘛|吗|么|啊|呀)?(?=[\s,，。;；!！]|$)", re.I)
# A statement of how things are: "Our answers include a '解析' column", "This is our round-3 export".
_STATED = re.compile(r"^\W*(?:our|my|the|this|these|those|it|there)\b[^,.;:]{0,40}?\b(?:is|are|includes?|has|have|contains?|was|were)\b", re.I)
_POINTS_AT = re.compile(r"\bpoints? (?:at|to)\s*$|\brefers? to\s*$|指向\s*$|对应(?:的)?(?:文件)?(?:是)?\s*$", re.I)
_FOLLOW_UPS = ("suggest_hyperparameters", "convert_dataset", "inspect_dataset", "check_quality", "add_few_shot", "add_cot",
               "augment_instructions")


@dataclass
class Turn:
    """One message, reduced to what the planner reads."""

    role: str  # "user" | "assistant" | "tool"
    text: str = ""
    calls: list[dict] = field(default_factory=list)  # assistant: [{"name", "args"}]
    name: str = ""  # tool: which tool answered


@dataclass
class Decision:
    """Tool calls to make (``calls``), or a plain ``reply``. ``kind`` says which case it is."""

    kind: str  # tools | answer | ask_file | ask_format | maybe | help | unknown
    calls: list[dict] = field(default_factory=list)
    reply: str = ""


@dataclass
class Memory:
    """Files and results seen so far in the conversation, oldest first."""

    files: list[str] = field(default_factory=list)  # attached or named by the user
    attachments: list[str] = field(default_factory=list)
    produced: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)  # every usable file above, in the order it appeared
    results: dict[str, dict] = field(default_factory=dict)  # tool name → its latest "data"


def remember(turns: list[Turn]) -> Memory:
    """What the conversation has seen so far. A file a tool refused or could not find is
    forgotten, so "用这个数据训练" afterwards means the latest file that worked."""
    mem = Memory()
    called: dict[str, str] = {}  # tool name → the path it was last called with
    for turn in turns:
        if turn.role == "assistant":
            called.update({c["name"]: str((c.get("args") or {}).get("path") or "") for c in turn.calls})
        elif turn.role == "user":
            attached = attached_files(turn.text)
            mem.attachments += attached
            said = strip_attachments(turn.text)
            named = [f.text for f in resolve_named(said, mem.attachments)  # a model folder or a trainer's own file is not data
                     if not names.is_base_model_path(said, f.text, f.start) and not _TRAINER_FILE.search(f.text)]
            mem.files += [p for p in named if p not in attached] + attached
            mem.seen += [p for p in named if p not in attached] + attached
        elif turn.role == "tool":
            result = ToolResult.parse(turn.text)
            if result.unusable_path:  # the tool says the file itself could not be used (refused, missing)
                gone = {result.unusable_path, called.get(turn.name, "")}
                mem.files = [f for f in mem.files if f not in gone]
                mem.seen = [f for f in mem.seen if f not in gone]
            elif result.ok:
                data = result.data
                # the tool's main output ("data.output") counts as the newest file, after any reports
                output = str(data.get("output") or "")
                made = [p for p in result.files if p != output] + ([output] if output else [])
                mem.produced += made
                mem.seen += made
                mem.results[turn.name] = data
    return mem


def _pick_path(text: str, named: list[str], new_files: list[str], mem: Memory) -> str | None:
    """Named in the text, else this message's upload, else the newest file of the conversation
    (an upload, or what a tool made from it: "convert it to alpaca", then "start training" trains
    on the alpaca file)."""
    if named:
        return named[0]
    if _OUTPUT_REF.search(text) and mem.produced:
        return mem.produced[-1]
    if new_files:
        return new_files[-1]
    return mem.seen[-1] if mem.seen else None


_SAVED_AS = re.compile(r"(?:\bsave[ds]?(?: it| this| that| them| the (?:result|output|cleaned version|new file))?(?: out)? (?:as|to|into)|"
                       r"\bwrite (?:it |them |this )?(?:out )?(?:as|to)|\boutput (?:as|to)|\bcall (?:it|the output)|\bname (?:it|the output)|"
                       r"存成|存为|另存为|保存为|保存成|输出(?:为|成|到)?|结果存(?:为|成|到)?|导出为|命名为)\s*[:：]?\s*[\"'“「]?$", re.I)


def plan_step(text: str, mem: Memory, new_files: list[str], fallback_path: str | None = None,
              intent: str | None = None) -> Decision:
    """Plan one request (one step of a multi-step message)."""
    if_so = acts.IF_SO_DO.search(text) if intent is None else None
    worry = acts.WORRY_THEN_DO.search(text) if if_so else None
    if worry:  # "加few-shot会不会把原文件覆盖掉?不会的话就给这个加200条吧": the worry is answered by the step's own report; the
        # request after it is whole, or names its step only in the worry ("加 CoT 会不会改原文件?不会的话就给这个加 100 条吧")
        asked, text = text[:worry.start()], _WORRY_ANSWERED.sub("", text[worry.start() + 1:], count=1)
        if (run := names.find_run_id(asked)) and not names.find_run_id(text):
            text = f"{text} {run[0]}"  # "恢复 run-7740 不会从头开始把之前的覆盖掉吧?不会的话就帮我接着跑": the run the worry names
        request = variants.plain_chinese(hide_names(text))
        alone = reading.read(request, True)
        if not intents.classify(request).name and not (
                alone.act == "command" and alone.tool not in ("", "explain", "inspect_dataset") and alone.prob >= 0.5):
            named = intents.classify(variants.plain_chinese(hide_names(asked))).name
            if (review.decides(request) and (ruled := review.rule_command(variants.plain_chinese(asked + " " + text))) is not None
                    and not names.find_run_id(asked + " " + text)):
                # "The exact duplicates the check found: would you drop them? Yeah? OK, drop them.", "Dropping garbled rows only
                # removes the garbled ones, right? … OK then, drop them.": the rule the worry names, decided by the request after it
                return _rule_decided(ruled)
            if named in NEEDS_PATH + ("suggest_hyperparameters",) + _RUN_TOOLS:
                # the step the worry names, with what the worry and the request each say ("has the data been converted to qianfan
                # yet? if not, do it for FILE": the format from the one, the file from the other)
                said = [d.calls[0]["args"] for d in (plan_step(rx.sub(r"[?？]", " ", asked), mem, new_files, fallback_path, intent=named),
                                                     plan_step(text, mem, new_files, fallback_path, intent=named)) if d.kind == "tools"]
                if said:
                    return Decision("tools", calls=[{"name": named, "args": {k: v for args in said for k, v in args.items()}}])
                return plan_step(text, mem, new_files, fallback_path, intent=named)
    elif if_so:  # "上次停掉的那个还能继续吗?可以的话就接着训": the request after the question, about what the question names
        asked, request = text[:if_so.start()], text[if_so.start() + 1:]
        text = rx.sub(r"^\W*(?:如果)?(?:能|可以|行|没问题)的话[,，]?\s*|^\W*if (?:so|yes|it can|you can|possible|that'?s the case)\b,?\s*", "", request, flags=re.I) \
            + ", " + rx.sub(r"[?？]|[吗呢](?=\W*$)", "", asked)
    said_all = text
    text = acts.without_ruled_out(text)  # "Don't touch FILE, just check FILE2": what is ruled out is not the request
    only = _ONLY_THIS.match(text)
    if only and intent is None and names.find_run_id(only.group(1)):
        text = only.group(1)  # "停 job-0703-01 就好,02 还要接着跑": that one is all that is asked
    found = resolve_named(text, mem.attachments)
    models = [f.text for f in found if names.is_base_model_path(text, f.text, f.start)]
    # a model folder is never the data, nor a trainer's own file ("dataset_info.json", "adapter_config.json"): named to know about
    trainer_files = [f for f in found if _TRAINER_FILE.search(f.text)]
    named = [f.text for f in found if f.text not in models and f not in trainer_files]
    kept = [f.text for f in found if f.text in named and not slots.negated(text, f.start) and not _left_alone(text, f)]
    named = kept or named  # "不是 a.jsonl,我要检查的是 b.csv": the file ruled out is not the one meant
    ruled = {f.text for f in resolve_named(said_all, mem.attachments) if slots.negated(said_all, f.start)} if _REMAINING.search(text) else set()
    if ruled and len(set(named) - ruled) == 1:
        named = [n for n in named if n not in ruled]  # "有 a、b、c 三个,不是 a,也不是 c,是剩下那个": the one not ruled out
    # "qianfan 目录下有 file.jsonl 和 multi_conversation.jsonl,拿 qianfan/multi_conversation.jsonl 训": the same file, said with its folder
    named = list(dict.fromkeys(next((m for m in named if m != n and m.replace("\\", "/").endswith("/" + n)), n) for n in named))
    # "FileNotFoundError: data/train.jsonl … 应该是 data/train_v2.jsonl": the file an error names is not the one meant
    named = [n for n in named if not all(IN_ERROR.search(text[:f.start]) for f in found if f.text == n)] or named
    # "convert this to alpaca, save as faq_alpaca.json", "…另存为 客服数据_clean.jsonl": the name of the output is not the input
    named = [n for n in named if not all(_SAVED_AS.search(text[max(0, f.start - 40):f.start]) for f in found if f.text == n)] or (
        [] if new_files or mem.files else named)
    # "my dataset_info.json entry points at data/med_qa.json — read that file": the file pointed at is the one meant
    # "Before I register it in dataset_info.json, sanity-check x.json": the file the ask is about comes after the clause
    clause = _WHEN_CLAUSE.match(text)
    if clause:
        named = [f.text for f in found if f.text in named and f.start >= clause.end()] or named
    if new_files and named and all(focus.set_aside(text, text[f.start:f.end]) for f in found if f.text in named):
        named = []  # (an upload) "this replaces medical_v1.jsonl — add few-shot", "I'll compare it with X later; check this new one"
    pointed = [f.text for f in found if f.text in named and _POINTS_AT.search(text[max(0, f.start - 16):f.start])]
    named = pointed[:1] + [n for n in named if n not in pointed[:1]]
    # "我这有 a.csv、b.jsonl 还有 c.jsonl,先看看 b.jsonl": of several files, the one named again (or not set aside)
    written = {f.text: text[f.start:f.end] for f in found if f.text in named}
    chosen = focus.meant(text, [written[n] for n in dict.fromkeys(named)]) if len(set(named)) > 1 and not pointed else None
    if chosen:
        named = [n for n in named if written[n] == chosen][:1] + [n for n in named if written[n] != chosen]
    masked = slots.mask(text, [(f.start, f.end) for f in found])
    masked = _OUTPUT_REF.sub(lambda m: " " * len(m.group(0)), masked)
    unblanked, masked = masked, blank_errors(masked)
    lang = replies.language(text)
    # "inspect FILE", for the intent only; a trainer's own file is no FILE to act on
    as_word = slots.mask(slots.mask(text, [(f.start, f.end) for f in found if f not in trainer_files], fill="FILE"),
                         [(f.start, f.end) for f in trainer_files])
    has_file = bool(named or new_files or mem.files)
    # Traditional, Taiwan and Cantonese wording read as mainland Mandarin; names the user wrote stay in ``masked``
    plain = variants.plain_chinese(masked)
    # with any pasted message: "`Warning: 41 records flagged answer_is_question`. Drop those."
    plain_all = plain if unblanked == masked else variants.plain_chinese(unblanked)
    got = reading.read(variants.plain_chinese(_OUTPUT_REF.sub(" ", hide_names(blank_errors(as_word)))), has_file, bool(new_files)) if not intent else None
    if got is not None and not got.tool and got.act == "question" and blank_errors(as_word) != as_word:
        got = reading.Reading("explain", "", "question", got.prob)  # "`Warning: 17% of answers shorter than 5 tokens` 严重吗?": a question
        # about an error or warning pasted in, ours to explain
    if got is not None and got.tool == "explain" and (families := slots.template_spans(as_word)):
        # "…with this template family: explain my bill|break down my bill": the family's words are no question
        got = reading.read(variants.plain_chinese(hide_names(slots.mask(as_word, families, fill="Q"))), has_file, bool(new_files))
    if (got is not None and got.tool in ("add_cot", "add_few_shot") and "{q}" in as_word and slots.find_templates(as_word)
            and rx.search(r"rephras|reword|paraphras|\btemplates?\b|模板|模版|改写|说法|问法", plain, re.I)):
        got = reading.Reading("augment_instructions", "", got.act, got.prob)  # "my own seasoning for the rephrasing: use the
        # templates 'Answer this: {q}' and …, season 40% of FILE": the templates spelled out are the rephrasing's
    tool = intent or got.tool
    if not intent and tool in ("start_training", "stop_training") and intents.said_not_to(tool, plain):
        tool = ""  # "don't start training on FILE", "I won't stop tj-7 unless…": the step said not to be taken
    if not intent and (got.act not in ("question", "hypothetical") or got.act == "question" and probe.FINDS_RATE.search(plain)) and probe.asks_probe(plain):
        tool = "probe_learning_rate"  # a range test on the user's data: the guard shows its time and asks
    if ((tool in ("inspect_dataset", "") or tool == "check_quality" and _AFTER_CHECK.search(text)) and got is not None and got.act in ("command", "chitchat", "correction") and has_file
            and slots.find_format(undone := _DONE_CONVERSION.sub(" ", plain))
            and _CONVERT_VERB.search(undone) and not rx.search(r"还是|\bor\b|是不是|\bis it\b|\{\{", plain, re.I)):
        tool = "convert_dataset"  # "FILE 改成 sharegpt 格式,问题字段是 ask": the fields belong to the conversion
    # "{{name}} 换成 小智": a "换成" that names no format is no conversion
    unformatted = tool == "convert_dataset" and not slots.find_format(plain)
    # an identity file named or sent, and the identity placeholders given values, read once for the conditions below (a start only
    # on an identity file: "identity_x.json needs a name and author — name: …")
    identity_file = any(rx.search(r"identity|身份|自我认知", f, re.I) for f in named + new_files)
    identity_keys = ({"name", "author"} & set(review.placeholder_values(plain))
                     if tool in ("convert_dataset",) + _MAKERS or tool == "start_training" and identity_file else set())
    # "nuke the near-dupes", "乱码的全部干掉": a drop verb and a rule's name, no run named — a review, not a stop
    dropping = (tool == "stop_training" and review.rule_command(plain) and not names.find_run_id(plain)  # ("stop it, I forgot to remove
                and not rx.match(r"\W*(?:stop|kill|halt|abort)\s+(?:it|this|that|the run|the training|training)\b|\W*停(?:掉|下|一下)?(?:它|训练)", plain, re.I))
    # the dupes": the run is stopped first; the drop comes after)
    # a hypothetical ("万一答案里还留着占位符…会怎么回答") applies no rule and fills nothing
    after_asked = rx.split(r"[?？]", plain)[-1]
    decided_after = bool(rx.search(r"[?？]", plain) and not rx.search(r"[?？]\W*$", plain) and review.rule_command(plain) is not None
                         and review.decides(after_asked) and _DECIDED.search(after_asked) and acts.speech_act(after_asked) not in ("question", "hypothetical")
                         and not acts.asks_what_was_done(plain) and not acts.asks_what_was_done(after_asked))
    if not intent and got.act != "hypothetical" and not acts.is_hypothetical(plain) and not (
            got.act == "question" and (acts.asks_about(plain) or acts.CONCEPT_ASKED.search(plain)) and not review.lists_holes(plain) and not decided_after) and (tool in (None, "", "check_quality", "inspect_dataset", "apply_quality_rule", "fill_placeholders")
                       or unformatted or dropping or (tool == "augment_instructions" and review.names_holes(plain))
                       # "…the identity dataset from LLaMA-Factory… Please fill in name and author in FILE": values to fill, no conversion
                       or (tool == "convert_dataset" and review.asks_fill(plain, False) and identity_keys)
                       # "The nameplate in FILE is unfinished: {{name}} should be 'X', {{author}} should be 'Y'": the placeholders given
                       # values, read weakly as a run's state
                       or (tool == "training_status" and "{{" in plain and not names.find_run_id(plain)
                           and {"name", "author"} & set(review.placeholder_values(plain)))
                       # "the bot keeps saying {{name}} in the demo. FILL IT. FILE, name = Pitchy, author = Lantern Studio"
                       or (tool in _MAKERS + ("start_training",) and review.asks_fill(plain, False) and identity_keys == {"name", "author"})
                       # "set the author to 'X' in the identity template", "这个身份模板里名字填成“…”": the identity file's template
                       or (tool == "augment_instructions" and identity_keys and (rx.search(r"\bidentity\b|身份", plain, re.I) or identity_file))
                       # "keep the near-duplicates, they're intentional paraphrases": a review decision read weakly as data-making
                       or (tool in _MAKERS and got.prob < 0.5 and review.rule_command(plain) is not None)
                       # "近似重复的保留吧 同样问熊猫吃啥 问法不一样其实是好事": the decision opens the message; the reason after it
                       or (tool in _MAKERS and (opening := rx.split(r"[,，。;；!！?？\n]|\s+(?=[\u4e00-\u9fff])", plain.strip())[0])
                           and intents.classify(opening).name not in _MAKERS and review.rule_command(opening) is not None)
                       # "FILE 里标出来的近似重复都留着。那是同一个问题的不同问法…": what was flagged, decided first
                       or (tool in _MAKERS + _RUN_TOOLS and not names.find_run_id(plain)
                           and review.decides(first := rx.split(r"[,，。;；!！?？]|\.\s", plain)[0]) and review.rule_command(first) is not None
                           and (rx.search(r"标出|标记|flagged|查出", first, re.I) or _DECISION_OPENS.match(first) or _RULE_THEN_DECISION.fullmatch(first)
                                # "乱码那批直接删了吧,我就看删完还剩多少条": the decision first, a count asked after it, read weakly as a status
                                or tool in _RUN_TOOLS and got is not None and got.prob < 0.5))
                       or (tool == "explain" and named and review.lists_holes(plain))
                       # "Exhibit A: 212 records flagged as exact duplicates. The verdict: drop them.": what was flagged, decided
                       or (tool in _RUN_TOOLS and not names.find_run_id(plain) and rx.search(r"\bflagged\b|标(?:出来|记)", plain, re.I)
                           and review.rule_command(plain) is not None)
                       # "冲突的那些答案……先留着,回头复活赛再说", "答案是问句的那些记录,保留,请沿当前道路继续行驶": a rule and its
                       # decision, and a run's word in a figure of speech, no run named or trained
                       or (tool in ("resume_training", "stop_training") and not names.find_run_id(plain) and review.rule_command(plain) is not None
                           and review.rule_named(rx.split(r"[,，;；。!！…]", plain.strip(), maxsplit=1)[0])
                           and review.decides(plain) and not rx.search(r"训练|训|练|跑|\btrain|\bruns?\b|checkpoint|断点|epoch|检查点", plain, re.I))
                       # "这种拿问题回答问题的全部去掉": a rule and a decision, read weakly as a question
                       # (or with nothing asked: "答案太短的那些,跟我的工资条一样,看了也没啥意思——删掉。")
                       or (tool == "explain" and got.act == "command" and (got.prob < 0.5 or not rx.search(r"[?？吗呢]", plain))
                           and review.rule_command(plain) is not None)
                       # "Objection sustained, keep the near-duplicates; they're paraphrases …": a clause that opens with the decision
                       or (tool in _MAKERS and not names.find_run_id(plain)
                           and any(_DECISION_OPENS.match(c) and review.rule_command(c) is not None for c in rx.split(r"[,，;；。!！]|\.\s", plain)))
                       # "没写答案的那几条直接删了", "exact same rows in there twice -- drop them": a rule and its decision, nothing else
                       or (tool in ("", "inspect_dataset") and got is not None and got.act in ("command", "correction", "chitchat")
                           and review.rule_command(plain) is not None and review.decides(plain)
                           and not rx.search(r"[?？吗]|还是|\bor\b|\bwhether\b|要不要|删不删|留不留", acts.QUOTED.sub(" ", plain), re.I))
                       # "答案空着的,跟交白卷有什么区别?全部删掉!", "The perplexity outliers? Your chart says keep them": a question nobody
                       # answers, then the decision, ending the message
                       or (tool == "explain" and decided_after)
                       # "短答案那些,可以都先留着吗?": a decision asked for as a question
                       or (tool == "explain" and acts.is_request(plain) and (got.prob < 0.5 or acts.is_rhetorical(plain))
                           and review.rule_command(plain) is not None and review.decides(plain))
                       # "長答案全部保留,法院啲程序解釋本身就長": a rule and its decision open the message, a reason follows
                       # ("同一个问题答案不一样的那些,先留着,我回头问问师傅哪个对": the rule, then its decision, in the first two clauses)
                       # ("冲突的那些我看了,都保留,不同朝代说法本来就不一样": the same, read as the rephrasing for its 说法)
                       or (tool in ("explain",) + _MAKERS and len(parts := rx.split(r"[,，。;；!！?？]", plain)) > 1 and not rx.search(r"[?？吗嘛]", plain)
                           and any(review.rule_command(head) is not None and review.decides(head) and not acts.asks_about(head)
                                   for head in (parts[0], ",".join(parts[:2]) if len(parts) > 2 else parts[0],
                                                # "…谁听啊!不过长答案那些先留着吧,万一有用呢": the decision after "but"
                                                *(p for p in parts if rx.match(r"\s*(?:不过|但是|可是|\bbut\b)", p, re.I)))))):
        reviewed = _review_step(plain, masked, text, named, new_files, mem, lang, plain_all)
        if reviewed is not None:
            return reviewed
    if (tool in (None, "", "inspect_dataset") and got is not None and got.act == "command"
            and any("|" in q and not rx.search(r"\d", q) for q, _, _ in quoted(masked))):  # (a quoted log line holds numbers)
        tool = "augment_instructions"  # "…make the instructions in FILE less samey, maybe with 'Sum this up|Give me the gist'?": a family given
    if tool in (None, "", "explain", "check_quality") and has_file and slots.asks_sheets(plain) and (got is None or got.act != "hypothetical"):
        tool = "inspect_dataset"  # "这个xlsx有几个sheet": the look lists the sheets
    if (tool in (None, "", "inspect_dataset") and (models or names.find_base_model(plain)) and _BASE_NAMED.search(plain)
            and (got is None or got.act != "hypothetical")):
        tool = "start_training"  # "use ./models/tinyllama-1.1b as the base with FILE", "base should be ./models/qwen2-0.5b … same data":
        # a base model given for the data is a run's setting
    if (got is not None and got.act in ("command", "question") and slots.find_fields(masked).get("rationale_field")
            and (tool in (None, "", "inspect_dataset") and rx.search(r"\badd\b|\bmake\b|加|做|生成", plain, re.I)
                 or tool == "explain" and rx.search(r"\b(?:add|build|make|generate|use)\b|加|做|生成", plain, re.I)
                 and rx.search(r"\bcot\b|chain[- ]of[- ]thought|\breasoning\b|思维链|推理", plain, re.I)
                 and (amounts.find_fraction(plain) is not None or amounts.count_args(plain)))):
        tool = "add_cot"  # "let's add that to FILE then, maybe 80 samples? the explanations are in a column called 'reasoning'":
        # a column of reasoning given, samples asked for
    if (tool in ("", "inspect_dataset", "training_status") and got is not None and got.act in ("command", "question", "chitchat") and (has_file or named)
            and not names.find_run_id(plain) and _CHECK_ASKED.search(plain)
            and (tool == "training_status" or review.rule_named(plain) not in (None, "all", "perplexity", "reward_low", "judge_low"))
            and not slots.find_fields(masked) and not slots.asks_sheets(plain)
            and not rx.search(r"format|格式|字段|\bfields?\b|\bcolumns?\b|列|\blengths?\b|长度|\bstructure\b|结构|\bhow long\b|多长|"
                              r"\bhow many\b|多少条|几条|条数", plain, re.I)):  # (a look's own words)
        tool = "check_quality"  # "qa_pair.csv 帮忙检查一下,看看有没有空着没答的", "Run a check on FILE": the problems looked for are the check's
    if tool in ("", "inspect_dataset", "training_status") and (has_file or named) and _CHECK_AGAIN.search(plain) and (got is None or got.act != "hypothetical"):
        tool = "check_quality"  # "The check failed, try again on FILE", "你重跑检查的时候文件弄错了,应该是 FILE", "这次 FILE 只做检查": the check
    if tool in (None, "", "inspect_dataset", "add_few_shot") and (has_file or named) and (bare := _BARE_VERB.match(masked)):
        tool = "probe_learning_rate" if bare.group("probe") else "check_quality"  # "FILE check", "check" with an upload, "FILE probe":
        # the file and one of our tools' own verbs, nothing else
    if tool in (None, "", "inspect_dataset") and {"sheet", "question_field", "answer_field"} & set(slots.find_fields(masked)) and _FOR_CONVERSION.search(plain):
        tool = "convert_dataset"  # "for the conversion, use sheet 'City' not 'Airport'", "转换的时候问题列…是“玩家问题”": the conversion's put right
    if tool == "check_quality" and "sheet" in slots.find_fields(masked):
        tool = "inspect_dataset"  # the check reads no sheet by name: a look at that sheet reports its problems
    if tool in (None, "", "inspect_dataset") and _NEED_IN.search(plain) and slots.find_format(plain) and (has_file or named):
        tool = "convert_dataset"  # "we need FILE in the OpenAI chat format before Friday": a format asked for
    if not tool and has_file and (_bare_format(plain) or _NEED_IN.search(plain) and slots.find_format(plain)):
        tool = "convert_dataset"  # "alpaca", "sharegpt 格式吧", "need this in xlsx, 要给业务同事看": a format asked for
    if (tool in (None, "", "inspect_dataset") and (named or new_files) and _WANTS_NONE.search(plain) and review.kinds_named(plain)
            and (got is None or got.act not in ("question", "hypothetical"))):
        tool = "check_quality"  # "我想让 FILE 里不再有一模一样的问题": the check finds them first; a person decides
    if tool in (None, "", "inspect_dataset") and new_files and _BARE_LOOK.match(plain):
        tool = "inspect_dataset"  # "Look." with an upload
    if tool in (None, "", "inspect_dataset") and named and (asked := _ASKED_OF_FILE.search(plain)) and (got is None or got.act not in ("question", "hypothetical")):
        tool = _step_of_file(asked.group(0)) or tool  # "我让你检查的是 FILE,不是 FILE2", "I asked you to check FILE": the step asked before, its file
    if tool in (None, "", "inspect_dataset") and named and amounts.find_mix(plain) is not None and (got is None or got.act in ("command", "correction", "chitchat")) and not _LOOK_WORDS.search(plain):
        tool = "start_training"  # "计划里再加上混两成通用数据,文件是 FILE": the general data mixed into a run of that file
    if not tool:
        if (got is not None and got.act in ("question", "hypothetical") and acts.CONCEPT_ASKED.search(plain) and not acts.is_request(plain)
                and (named or intents.about_sft(plain))):
            tool = "explain"  # "I have cleaned.jsonl and raw.jsonl — in general, is it worth training on the raw one?": asked in general
        elif ((named or (new_files and not masked.strip()) or fallback_path and _BARE_LOOK.match(plain)) and not reading.greets_only(text)
              and not reading.puts_off(plain)  # ("本来今天要训 FILE 的,算了,今天不训了": the file of a start called off)
              and (got is None or got.act != "confirmation")):  # ("…on FILE, right? Yes, that's it, go ahead": a yes to the plan)
            tool = "inspect_dataset"  # a bare file name or a bare upload: look at it
        elif intents.HELP.search(plain):
            return Decision("help", reply=replies.CAPABILITIES[lang])
        elif (got is not None and classifier.asks(plain) >= _ASKS_FIRMLY and intents.about_sft(plain) and (got.offer or _CRAFT_WORD.search(plain))
              and not (got.act == "chitchat" and got.prob >= 0.75 and not rx.search(r"[?？]", plain))  # ("今天也是被数据折磨的一天": venting)
              and len(rx.findall(r"[A-Za-z]+|[\u4e00-\u9fff]", plain)) >= 3  # ("lr?", "例子?": too bare to answer; offered as a step)
              and not _ASKS_ABOUT_US.search(plain)
              and not named and not new_files and not names.find_run_id(plain) and not acts.is_request(plain)):
            tool = "explain"  # "wats the diff btw alpaca n sharegpt anyway", "few-shot helps the model how exactly": asked, in our
            # words, with nothing of the person's to act on; answered, neither offered as a step nor met with "did you mean"
        else:
            ruled = intents.classify(plain, has_file=has_file)
            if (got.offer in CONSEQUENTIAL and ruled.name in ("training_status", "evaluate_run") and ruled.score >= 2
                    and not reading.names_stop_or_resume(plain)):
                return plan_step(text, mem, new_files, fallback_path, intent=ruled.name)  # "check run-0612-a for me": a look, not a resume
            offer = (plan_step(text, mem, new_files, fallback_path, intent=got.offer)
                     if got.offer and not intents.said_not_to(got.offer, plain) else None)
            if (offer is not None and offer.kind == "tools" and offer.calls[0]["name"] in CONSEQUENTIAL
                    and (got.act == "command" and has_file or got.act == "chitchat" and (named or new_files) or offer.calls[0]["args"].get("run_id"))):
                # (not "ok so my day has been insane — … missed my train", a remark, with a file named later in the message)
                # "搞个 LoRA 训练,三轮" with the data at hand, "it's run_12 that should be resumed": the guard shows the plan
                # and asks, once
                return offer
            if offer is not None and offer.kind == "tools":  # ask before acting on a weak reading
                return Decision("maybe", calls=offer.calls, reply=replies.did_you_mean(offer.calls[0], lang))
            if not got.offer and got.act == "chitchat" and (intents.about_sft(plain) or reading.puts_off(plain)):
                return Decision("unknown", reply=replies.NOTED[lang])  # "算了,今天先不训了": about our work, nothing asked
            return Decision("unknown", reply=replies.unknown(lang, got.offer) if got.offer else replies.OFF_TOPIC[lang])
    if tool == "probe_learning_rate":
        args = arguments_for(tool, plain, mem.results)
    else:
        # amounts and settings read with English keywords mended ("4 eopchs", "2 exmaples each")
        args = arguments_for(tool, masked, mem.results, intents.fix_typos(plain)) if tool != "explain" else {"question": text.strip()}
    if tool == "start_training" and models:
        args["base_model"] = models[0]
    given = len({os.path.basename(f) for f in named + new_files})  # the files the message names or sends, by their extensions
    # "train on trainset_final_FINAL 3 epochs", "看下 fin_cqa_trian 这个文件": a file named without its extension
    bare = bare_dataset_name(masked) if (tool in NEEDS_PATH or tool == "suggest_hyperparameters") and not named and not new_files \
        and not fallback_path else None
    if bare:
        named = [match_attachment(bare, mem.attachments) or bare]
    if tool == "suggest_hyperparameters" and given and (not (amounts.count_args(plain).get("n_samples") or amounts.own_count(plain)) or given > 1):
        # "今晚十点前…根据 课表.jsonl 给一组 epoch / lr": a number with no unit is no count beside a file; "2 万条的 big.jsonl 和 2000 条的
        # small.jsonl,只用 small.jsonl 训": counts of several files, the file's own count is the one
        args.pop("n_samples", None)
    if tool == "suggest_hyperparameters" and ("n_samples" not in args or given):  # (a count said beside the file: both kept)
        path = _pick_path(text, named, new_files, mem)  # advice sized to the data at hand
        if path:
            args["path"] = path
    if tool in NEEDS_PATH:
        path = named[0] if named else (fallback_path or _pick_path(text, named, new_files, mem))
        if not path and _FILE_LATER.search(text):  # "帮我看看数据质量咋样 我马上传", "$ sft train --lr 2e-4\n(file's still uploading)":
            return Decision("ask_file", reply=replies.ask_file(tool, lang))  # the step waits for the file said to be on its way
        if not path and not _REFERS_BACK.search(plain) and (got is None or got.act not in ("command", "correction") or got.prob < 0.6 or not args and (
                tool in ("start_training", "inspect_dataset") or got.prob < 0.65 or not intents.about_sft(plain) and got.prob < 0.8)):  # ("好的,开始吧" with no plan and no file: which file?)
            if (got is not None and got.prob < 0.6 and not set(args) - {"ppl"} and classifier.asks(plain) >= _ASKS_CLEARLY and not acts.is_request(plain)
                    and not _ASKS_ABOUT_US.search(plain)):
                # "wats the diff btw alpaca n sharegpt anyway", "few-shot helps the model how exactly": a step read weakly in
                # what is clearly asked, nothing of the person's in sight; answered, not met with "which file?"
                return Decision("tools", calls=[{"name": "explain", "args": {"question": text.strip()}}])
            return Decision("ask_file", reply=replies.ask_file(tool, lang))
        # No file in this conversation, but a clear request ("检查下数据质量", "跑训练吧,max_steps 1500就行"), or a file pointed
        # back at ("文件还是刚才那个"): the call goes out without one, the tool guard asks for it, naming the step ("no dataset
        # yet"), and the request goes on, settings and all, with the file sent next (_answer_to_question)
        args = {"path": path, **args} if path else args
    if tool == "convert_dataset" and "to" not in args:
        return Decision("ask_format", reply=replies.ASK_FORMAT[lang])
    # a start or stop read here is only proposed: the tool guard turns it into a pending action and
    # shows the plan, so a musing start ("可以开始训练了吗") is asked once, by the guard, not twice
    return Decision("tools", calls=[{"name": tool, "args": args}])


# A request about one run marked as all that is asked ("停 job-01 就好,02 还要接着跑"), before words about other runs.
_ONLY_THIS = re.compile(r"^([^,，。;；?？\n]{2,40}?)\s*(?:就好|就行|就可以了?)\s*[,，。;；]\s*\S")


# A step that is only a look ("先看→再转→开训": its first step), on the file of its message.
_BARE_LOOK = re.compile(r"^\W*(?:先|再)?(?:看|看看|看一下|看下|瞅瞅|瞅一眼|瞧瞧|look|look at it|peek|inspect)\W*$", re.I)
# The data wanted without a kind of flaw, of a file named: "我想让 FILE 里不再有一模一样的问题", "I want FILE free of duplicates"
_WANTS_NONE = re.compile(r"不再有|再也没有|\bno (?:more|longer any)\b|\bfree of\b|\bwithout any\b", re.I)
# A file and one verb of ours alone: "FILE check", "check" with an upload, "probe FILE", "FILE 质检".
_BARE_VERB = re.compile(r"^\W*(?:FILE\W*)?(?:(?P<check>check|qc|(?:先|就)?(?:质检|查重)(?:吧|下|一下)?|(?:先|就)检查(?:吧|下|一下)?)|(?P<probe>probe|lr probe|探测(?:一下)?|探一下))\W*(?:FILE)?\W*$", re.I)
_NEED_IN = re.compile(r"\b(?:need|want)\s+(?:it|this|that|them|FILE|\S+\.(?:csv|jsonl|json|xlsx))\s+(?:in|as)\s+(?:the\s+)?\w", re.I)


_FILLER = re.compile(r"[\s\W]|格式|版本?|吧|的|一份|please|pls|format|version|one", re.I)


def _bare_format(text: str) -> bool:
    """Only a format name, give or take "格式/please" ("alpaca", "sharegpt 格式吧")."""
    fmt = slots.find_format(text)
    return bool(fmt) and not _FILLER.sub("", rx.sub(re.escape(fmt), "", text, flags=re.I)).strip()


# A decision opening the message: "keep the short answers. a lot of our UI strings are one word", "删掉乱码的,…".
_MAKERS = ("add_cot", "add_few_shot", "augment_instructions")
# A recap of what was done asked first, then a step: "Remind me what LR you used last time, then …", "先跟我说下你上一步干了啥…然后…"
_RECAP_FIRST = re.compile(r"^\W*(?:(?:please|pls|can you|could you)\s+)?(?:remind me|recap|tell me again)\b[^\n]{0,80}?(?:,\s*|\s+)(?:and\s+)?then\b\s*|"
                          r"^\W*(?:你)?先?(?:跟我|给我)?(?:说下|说一下|讲下|回顾下|回顾一下|提醒我)[^\n]{0,40}?(?:干了啥|做了什么|做了啥|是哪个|为啥)[^\n]{0,30}?(?:然后|再)\s*", re.I)
# "近似重复的保留,那是…": a rule's few words and the decision, the whole first clause
_RULE_THEN_DECISION = re.compile(r"\W*[^,，\s]{1,10}?的?\s*(?:都|全部|全都|先|就)?\s*(?:保留|留着|留下|删掉|删了|删除|去掉|丢掉|不要了)(?:吧|了)?\W*")
# A decision in so many words, after a question nobody answers: "全部删掉!", "Your chart says keep them"
_DECIDED = re.compile(r"^\W*(?:[^,，。!！?？\s]{1,12}?(?:的|那些|这些))?\s*(?:全部|全都|都|统统|那就|就|直接)?\s*(?:删掉|删除|删了|删|留着|保留|去掉|丢掉|扔掉)\s*(?:吧|啦)?\s*[!！。.]*\s*$|\b(?:keep|drop|remove|delete|toss|ditch|bin|scrap|nuke|kill|wipe|cut) (?:them|those|these|it|'em|em)\b", re.I)
_DECISION_OPENS = re.compile(r"\W*(?:please\s+|pls\s+)?(?:keep|drop|remove|delete|bin|toss|ditch|留着|保留|删掉|删除|去掉|全删)\b", re.I)
# The check named as the step to run again or put right: "the check failed, try again", "re-ran the check on X, it should be Y",
# "重跑检查的时候文件弄错了", "这次只做检查"
_CHECK_AGAIN = re.compile(r"\bthe (?:quality )?check\b[^.?!]{0,30}?\b(?:fail\w*|again|re-?run)\b|\bre-?ran the (?:quality )?check\b|"
                          r"重跑(?:质量)?检查|重新(?:跑(?:一下|一遍)?)?(?:质量)?检查|检查(?:的时候|时)[^。!！?？]{0,10}(?:弄错|错了|搞错)|只做(?:质量)?检查", re.I)
# What the check itself removes from its cleaned file (tools.quality.qrules.REMOVE): asked of data never checked, it is the check.
# A check asked for in plain words: "帮忙检查一下", "过一遍", "check it over", "go through FILE for …", "run a check on".
_CHECK_ASKED = re.compile(r"检查|查查|查一下|查一查|过一遍|\bcheck\b|\bgo (?:through|over)\b|\blook (?:for|out for)\b|\bscan\b", re.I)
_CHECK_DROPS = ("duplicates", "exact_duplicate", "empty_answer", "unreadable")
# The check itself named beside a rule's drop ("查一下质量,把重复的删了"): the check comes first; one kind dropped alone is the
# rule on that file ("drop the exact duplicates from FILE"), checked by the tool and shown for consent, never more dropped than
# asked; several of the check's own kinds at once ("remove duplicates and empty answers") are the check's cleaned file
_QUALITY_NAMED = re.compile(r"质量|质检|检查|查一下|\bquality\b|\bcheck\b|\bscan\b|\bclean(?:\s+(?:up|it|the))?\b|清洗", re.I)


def _review_step(plain: str, masked: str, text: str, named: list[str], new_files: list[str], mem: Memory,
                 lang: str, plain_all: str = "") -> Decision | None:
    """After (or instead of) a quality check: a review rule ("把重复的删掉") or placeholder values
    ("name=小助手 author=张三"). A rule applies to the conversation's latest check; before any check the
    request is the check itself."""
    checked = mem.results.get("check_quality") or {}
    holes = bool((checked.get("by_rule") or {}).get("placeholder") or (mem.results.get("fill_placeholders") or {}).get("needs_values"))
    lines = [line for line in plain.strip().split("\n") if line.strip()]
    last = (review.rule_command(lines[-1]) if len(lines) > 1 and review.decides(lines[-1]) and not any(review.decides(line) for line in lines[:-1])
            else None)
    # ("[WARN] 1342 samples have empty 'output'\n[WARN] 87 duplicated\n上面这些空答案的全部删掉": the rule of the line that decides)
    command = last or review.rule_command(plain) or (review.rule_command(plain_all) if plain_all else None)
    tail = rx.split(r"[?？]", plain)[-1]
    if command is not None and tail.strip() and tail != plain and review.decides(tail) and review.rule_named(tail):
        command = ((review.rule_command(tail) or (review.rule_named(tail),))[0], command[1])  # "近似重复和完全重复有啥区别?完全重复的删掉": the rule the decision after the question names
    if command is not None and rx.search(r"[?？]\s*$", plain) and not rx.search(r"删|留|去掉|丢|drop|remove|delete|keep|保留|\bbin\b|toss|ditch", plain.split("?")[-2] if "?" in plain else plain, re.I):
        command = None  # "Just dropped our export in here. What format is it and how long are the answers?": asked, not decided
    asked_first = rx.match(r"(.*?(?:[吗么嘛]|\b(?:or not|right|yes or no))\s*[?？])(.+)$", acts.QUOTED.sub(lambda q: " " * len(q.group(0)), plain), re.S | re.I)
    if (command is not None and asked_first and review.decides(rx.split(r"[,，。;；!！]", asked_first.group(1))[-1])
            and not review.decides(asked_first.group(2)) and not acts.is_rhetorical(asked_first.group(1))):
        command = None  # "近似重复的要删吗?我想先看看": whether to drop them, asked, and nothing decided after
    if command is not None and rx.search(r"[?？]\s*$", plain) and acts.CONCEPT_ASKED.search(plain):
        command = None  # "Do I get to choose which copy of a duplicate survives? … Which one does it keep by default?": how it behaves, asked
    if command is not None and _SHOW_FIRST.search(plain):
        command = None  # "先别删,给我看看 FILE 里哪些是重复的": a look first, nothing decided
    if command is not None and rx.match(r"\W*(?:(?:can|could|would) you (?:please )?|please )?explain\b|\W*(?:请|麻烦)?(?:你)?(?:解释|讲讲|说说)一下", plain, re.I):
        command = None  # "Can you explain what the 'placeholder' flag means, and whether dropping those is usually safe?": explained
    if command is not None and acts.asks_what_was_done(plain):
        command = None  # "你是不是已经把重复的删了?我还没确认呢": asked about, not decided
    kept = (command is not None and command[1] == "keep" and review.says_keep(plain)  # "带占位符的先保留,后面我自己填": a keep, not a fill
            and not rx.search(r"(?:keep|保留|留着)\s*\{\{", plain, re.I))  # ("keep {{name}} as 'Echo', set {{author}} to X": a value kept)
    # "…nobody went back to fill them. Drop the placeholder answers.": records dropped, nothing to fill
    dropped_holes = command == ("placeholder", "drop") and not {"name", "author"} & set(review.values_as_written(masked, plain))
    if not kept and not dropped_holes and review.asks_fill(plain, holes):
        path = _pick_path(text, named, new_files, mem)
        if checked.get("output") and path == checked.get("output") and checked.get("source"):
            path = next((f for f in reversed(mem.seen) if f.endswith(str(checked["source"]))), path)
        values = review.values_as_written(masked, plain)  # "作者係「星河科技」": Cantonese wording, the value as written
        if not path and not values:
            return Decision("ask_file", reply=replies.ask_file("fill_placeholders", lang))
        if not path and acts.speech_act(plain) in ("question", "hypothetical"):
            return None  # "你是机器人还是真人客服?": asked, with no file of placeholders anywhere
        # no file yet ("机器人名字叫小铁,作者写南站班组" opening a chat): the guard asks for one and the values wait for it
        return Decision("tools", calls=[{"name": "fill_placeholders", "args": {**({"path": path} if path else {}),
                                                                                **({"values": values} if values else {})}}])
    if command is None:
        return None
    rule, decision = command
    if not (named or new_files) and checked.get("report"):  # the latest check's own report decides
        return Decision("tools", calls=[{"name": "apply_quality_rule", "args": {"rule": rule, "decision": decision,
                                                                                "path": checked["report"]}}])
    if review.points_at_check(plain) or (named and review.is_report(named[0])):
        # "根据刚才质检的结果", "rows in x.json that were flagged", "x_report.json 里…删掉": the tool finds that report
        args = {"rule": rule, "decision": decision, **({"path": named[0]} if named else {})}
        return Decision("tools", calls=[{"name": "apply_quality_rule", "args": args}])
    if not (named or new_files or mem.files):  # no data in sight: the latest check is meant (the tool says if there is none)
        return Decision("tools", calls=[{"name": "apply_quality_rule", "args": {"rule": rule, "decision": decision}}])
    if decision == "keep" and review.says_keep(plain) or decision == "drop" and (
            rule not in _CHECK_DROPS or rule == "duplicates" and rx.search(r"\bnear\b|近似|相似|差不多", plain, re.I)
            or not _QUALITY_NAMED.search(plain_all or plain) and len(review.kinds_named(plain_all or plain)) == 1):
        # ("both the exact ones and the near ones": the check alone drops only the exact ones)
        # "把答案互相冲突的记录去掉,文件是 x.jsonl", "keep the near duplicates in x.jsonl": the tool runs the check first, then applies the rule
        path = _pick_path(text, named, new_files, mem)
        return Decision("tools", calls=[{"name": "apply_quality_rule", "args": {"rule": rule, "decision": decision,
                                                                                **({"path": path} if path else {})}}])
    return None  # "remove duplicates" on data never checked is the check (it removes exact duplicates)


# The file said to be on its way: "数据我待会儿再传", "文件一会儿从站里电脑上拷过来", "我马上传", "file's still uploading, one sec".
_FILE_LATER = re.compile(r"(?:待会儿?|一会儿?|马上|稍后|晚点|回头|等下|等会儿?)[^,，。;；!！?？]{0,10}?(?:传|发给你|发你|上传|拷(?:过来|给你)?)|(?:数据)?文件[^,，。;；]{0,4}(?:容后|稍后|随后)提供|(?:文件|数据)(?:我)?还没(?:有)?(?:传|上传|发)|"
                         r"\b(?:the )?(?:file|data) (?:isn'?t|is not|hasn'?t been) (?:up|uploaded|sent)(?: yet)?\b|"
                         r"\b(?:still|currently) uploading\b|\b(?:i'?ll|will) (?:upload|send|attach) (?:it|the (?:file|data))\b|"
                         r"\b(?:upload|send|attach)(?:ing)? (?:it|the (?:file|data)) (?:later|in a (?:sec|second|minute|bit))\b", re.I)


_NOTHING_FOR_YOU = re.compile(r"\bnothing (?:for you|to do)(?: (?:right )?now| for now| today| here)?\s*[.!]*\s*$|"
                              r"^\W*(?:(?:good )?morning|hi|hey|hello)\W+(?:(?:we'?re |i'?m )?picking up where (?:we|i) left off|back again)(?: yesterday| last time)?\W*$|你这边(?:暂时)?没(?:什么)?事了|没你(?:的)?事了|不用你(?:管|做|弄)了\W*$", re.I)
# A step put off to later ("明早再评估", "tomorrow start training"), said not to be done now; planned, with its settings asked.
_LATER = re.compile(r"明早|明天|明晚|明儿|下周|下礼拜|过两天|后天|\btomorrow\b|\bnext (?:week|month|monday|tuesday|wednesday|thursday|friday)\b|\bthis weekend\b|\blater this week\b", re.I)
_NOT_NOW = re.compile(r"现在(?:先)?别|先别(?:动|跑|弄|碰|开)|今天(?:先)?不(?:跑|训|弄)|别动它|不要动它|\bnot now\b|\bleave (?:it|them) alone\b|\bnot (?:yet|today|tonight)\b|"
                      r"\bdon'?t (?:start|run|touch) (?:it |anything )?(?:now|yet|today|tonight)\b", re.I)
_NOW_TOO = re.compile(r"(?:今天|现在)(?:先)?(?:帮我|把|给)|\b(?:today|now),? (?:please )?(?:just )?(?:fill|check|convert|inspect|look|add)\b|\bso today\b", re.I)
_PLANNING = re.compile(r"打算|计划|准备|\bplanning to\b|\bplan to\b|\bgoing to\b|\bwill (?:train|start)\b", re.I)
_VALUE_ASKED = re.compile(r"(?:学习率|epoch|轮数|batch|超参)[^?？。]{0,20}(?:多少|几)|\bwhat (?:epochs?|lr|learning rate|batch)|\b(?:epochs?|lr|learning rate)\b[^?.]{0,30}\bshould i (?:use|pencil in|set)\b|\bwhich (?:lr|learning rate|epochs?)\b", re.I)
# (the step itself put off: "明早再评估", "明天开始训练 X", "Tomorrow start training on X", "I'll evaluate X tomorrow")
_LATER_STEP = re.compile(r"(?:明早|明天|明晚|明儿|下周|后天)\s*(?:早上|上午|下午)?\s*(?:再|才|就)?\s*(?:开始)?\s*(?:训练?|评估|跑|开训|测|停|恢复|转|检查)|"
                         r"\b(?:tomorrow|next week)\b(?: morning)?,?\s*(?:i'?ll |we'?ll )?(?:start|train|evaluate|run|resume|stop|convert|check)|"
                         r"\b(?:i'?ll|we'?ll|i will|we will) (?:start|train|evaluate|run|resume|stop|convert|check)\b[^.;!?]{0,40}\b(?:tomorrow|next week)\b", re.I)
# A step asked before, called off now: "刚才那个停止先别执行了", "scratch that stop request", "cancel the start".
_STEP_CALLED_OFF = re.compile(r"(?:刚才|上面|之前)(?:的|那个|那一?步)?\s*(?:停止|停|训练|开训|恢复|删除|删)(?:请求|操作)?\s*(?:先)?(?:别|不要|不用)(?:执行|做|弄|停)了?|"
                              r"\b(?:scratch|cancel|forget|drop) (?:that|the|my) (?:stop|start|resume|delete|drop)(?: request| order)\b|\bscratch that (?:stop|start|resume)\b", re.I)
# A failure told first: "刚才报错 …", "它说 …", "Got …": what went wrong, not a step.
_ERROR_TOLD = re.compile(r"\W*(?:刚才|上次|刚刚)?(?:又)?(?:报错|出错|提示|它说|系统说|报了个?错)(?:了|说|是)?|\W*(?:got|it said|it says|error)\b", re.I)
_JUST_TELLING = re.compile(r"跟你说一声|告诉你一声|知会(?:你)?一声|说一声|\bjust (?:letting you know|so you know)\b|\bfyi\b|\bheads[- ]up\b", re.I)
_NO_NEED = re.compile(r"\bno need (?:to|for)\b|\b(?:don'?t|do not) need (?:to|a|the)\b|不用再?|不需要再?|无需|毋需|\bit'?s (?:all )?(?:fine|good|sorted) now\b|\ball good now\b", re.I)
# What the person did themselves, told: "我昨天已经自己把重复的都删干净了", "I already removed all the dupes by hand", "just finished my
# first ever fine-tune".
_DONE_VERBS = r"removed|deleted|dropped|converted|cleaned|fixed|filled|checked|deduped|re-exported|took"  # (told as done, in English)
_DONE_MYSELF = re.compile(r"(?:我|我们|本人)?(?:昨天|之前|刚才|早上|上午|前两天)?(?:我|我们)?(?:已经|都已经|已)(?:自己|手动|自行)?(?:在[^,，。;；!！?？]{1,12}?(?:里|上))?(?:把|将)[^,，。;；!！?？]{1,30}?"
                          r"(?:删干净|删掉|删完|去掉|转成[^,，。;；!！?？]{0,10}|合并成[^,，。;；!！?？]{0,20}|转好|处理好|弄好|做好|填好|检查过|查过|备份过|备份好|重新导出(?:了)?(?:一遍)?|导出好)了|"
                          r"\b(?:i|we)(?:'ve| have)? (?:already|just) (?:" + _DONE_VERBS + r"|finished)\b(?:[^,.;!?]|[,.](?=\d)|\.(?=[A-Za-z]))*|"
                          r"^\W*(?:i |we )?just (?:finished|wrapped up|completed)\b(?:[^,.;!?]|[,.](?=\d))*|"
                          r"\b(?:i |we )?already did (?:this|that|it)(?: myself| by hand| ourselves)?\b|"
                          # "重复的那些我昨晚自己在Excel里删过了", "我自己在表里已经删过一遍了": done by the person's own hand
                          r"[^,，。;；!！?？]{0,12}?(?:我|我们)[^,，。;；!！?？]{0,12}?(?:自己|手动)[^,，。;；!！?？]{0,16}?(?:删|改|转|弄|处理|填|查|去重|检查|做|备份|合并|停|重跑|重训|清洗|清理|整理|重新导出|导出|重新提交|提交|重启)(?:过|好|完|掉|干净)?(?:一遍|一下)?了(?![^。!！\n]*[?？吗])|"
                          # "数据我已经转成 alpaca 了,文件叫 X。下一步…": a conversion done, told
                          r"(?:数据|文件)\s*我(?:已经|都)转(?:成|好)[^,，。;；!！?？]{0,12}了|"
                          # "训练我停了,然后呢?": a run stopped by the person, told
                          r"^\W*(?:训练|那个\s*run|它)\s*我(?:已经|刚)?(?:自己)?停(?:掉)?了|是我(?:自己|手动)(?:在[^,，。;；]{1,8})?停(?:掉)?的|"
                          # "接下来我自己在 Excel 里把空答案删掉,删完再发给你": to be done by the person's own hand, then sent
                          r"(?:接下来|待会儿?|等下|回头|一会儿?)?\s*(?:我|我们)自己(?:来|在[^,，。;；!！?？]{1,12}?(?:里|上))?\s*(?:把|将)?[^,，。;；!！?？]{0,16}?"
                          r"(?:删掉|删了|删除|去掉|改好|改掉|转好|填好|处理掉?)[^。!！?？]{0,6}[,，]\s*(?:删完|改完|弄完|处理完|做完|转完)(?:了)?(?:再|后|之后)[^。!！?？]*|"
                          r"\bi'?ll (?:delete|remove|drop|fix|clean|edit|convert|fill)\b[^.?!]{0,40}\bmyself\b[^.?!]{0,30}\b(?:then|and) (?:send|upload|re-?upload|share)\b[^.?!]*|"
                          # "…, leave them for now, I'll fill them in by hand": what the person will do themselves, told
                          r"\b(?:i'?ll|i (?:shall|will)) (?:fill|fix|edit|clean|do|handle|sort|mend) (?:them|it|those|these|em|'em)(?: in| out| up)? (?:by hand|myself|manually|later|tomorrow|anon)\b|"
                          # "…can stay for now, Marco will fill them in": someone else's hand
                          r"(?:\b(?-i:[A-Z][a-z]+)|\bsomeone|\b(?:my |our )?(?:colleague|team|boss|editor)) will (?:fill|fix|edit|clean|handle|sort|mend) (?:them|it|those|these)(?: in| out| up)?\b|"
                          # "I'll run the training myself and come back later", "…自己在 Excel 里一条条比对 把重复的都删掉了 跟你说一声"
                          r"\bi'?ll (?:run|do|start|kick off|launch) (?:the |a |my )?(?:training|run|fine-?tun\w*|it) (?:myself|on my own|by myself)\b[^.?!]*|"
                          r"自己在[^,，。;；!！?？\n]{1,12}?(?:里|上)[^,，。;；!！?？\n]{0,24}?(?:删|改|转|清洗|去重)(?:掉|完|好|干净)?了(?![^。!！\n]*[?？吗])|"
                          # "I deduplicated it myself in pandas", "13:00 kicked off training myself from the console"
                          r"(?:\b(?:i|we)(?:'ve| have)?\s+(?:already\s+)?|(?:^|(?<=[.;!\n]))\s*(?:\d{1,2}:\d{2}\s+)?(?:already\s+)?)\b(?:" + _DONE_VERBS + r"|"
                          r"deduplicated|kicked off|started|launched|ran|trained|stopped|resumed|merged|combined|backed up|resubmitted|re-?ran|restarted|relaunched)\b(?:[^,.;!?]|\.(?=\w)){0,50}?\b(?:myself|ourselves|by hand|manually)\b"
                          r"(?:[^,.;!?]|[,.](?=\d))*(?:,\s*(?:the\s+)?(?:run|job)(?:\s*(?:id|name))?\s*(?:is\s*)?[:=]?\s*[\w-]+)?(?![^.!\n]*\?)", re.I)


def _last_user(turns: list[Turn]) -> int:
    return max((i for i, t in enumerate(turns) if t.role == "user"), default=-1)


_DONE_LINE = re.compile(rf"[ \t]*(?:{markers.DONE_LABEL})[ \t]*(?P<item>[^\n]*)")
_TO_DO_LINE = re.compile(rf"[ \t]*(?:{markers.TO_DO_LABEL})[ \t]*(?P<item>[^\n]*)")


def _left_to_do(text: str) -> str | None:
    """What a status report leaves to do ("完成:质检\n待定:短答案那一类 → 决定保留", "✅ converted\n⬜ add CoT to FILE"): the
    to-do lines' items, when every line says what is done or what is left, and both are said; else None."""
    lines = [line for line in text.strip().split("\n") if line.strip()]
    done = [line for line in lines if _DONE_LINE.match(line) or rx.search(markers.TICKED, line)]
    left = [m.group("item").strip() for line in lines if line not in done and (m := _TO_DO_LINE.match(line)) and m.group("item").strip()]
    if not (done and left) or len(done) + len(left) < len(lines):
        return None  # ("✅ 训练已启动\n☐ 看进度\n☐ 看评估\n先看进度": the person's own line says which; the list is read as a list)
    return "\n".join(left)


# A name given in the message to a file or a run, then used: "数据1 = a.jsonl,数据2 = b.jsonl。数据2 拿去…", "my identity file
# (bot_identity.json, call it ID) — fill ID's name…", "no wait, Alpha is run-2024-07-02-qwen-r32, not r16. status of that one".
_NAMED_FILE = r"[\w./-]+\.(?:jsonl|json|csv|xlsx|xls|tsv)"
_NAMED_THING = _NAMED_FILE + r"|[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+"  # a file, or a run's id
_NICKNAME = re.compile(rf"(?:^|(?<=[\s,，;；。(（]))(?P<alias>(?-i:[A-Z])[A-Za-z0-9]{{0,5}}|(?!问题|答案|文件|数据集|字段|工作表)[\u4e00-\u9fff][\w\u4e00-\u9fff]{{0,5}})\s*[=＝]\s*(?P<thing>{_NAMED_FILE})|"
                       rf"(?P<thing2>{_NAMED_THING})\s*[,，]?\s*(?:call it|we'?ll call it|叫它|简称|记为|下面叫)\s*[\"'“]?(?P<alias2>[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff]{{0,7}})|"
                       rf"(?<![\w-])(?P<alias3>(?-i:[A-Z])[a-z]{{2,10}}) is (?P<thing3>{_NAMED_THING})", re.I)


def _nicknames_put_back(text: str) -> str | None:
    """``text`` with the names it gives things replaced, after they are given, by the things they name (the givings
    themselves left as they are); None when it gives no name or never uses one."""
    given = [(m, m.group("alias") or m.group("alias2") or m.group("alias3"), m.group("thing") or m.group("thing2") or m.group("thing3"))
             for m in _NICKNAME.finditer(text)]
    given = [(m, alias, thing) for m, alias, thing in given
             if alias.lower() not in ("name", "author", "file", "path", "data", "run", "it", "to", "k", "lr", "q", "a", "sheet", "column", "col", "field")]
    if not given:
        return None
    changed = False
    for m, alias, thing in sorted(given, key=lambda g: -g[0].end()):
        end = m.end()
        later = rx.sub(rf"(?<![\w.-]){re.escape(alias)}(?:'s)?(?![\w.-])", thing, text[end:]) if not rx.search(r"[\u4e00-\u9fff]", alias) else text[end:].replace(alias, thing)
        if later != text[end:]:
            # ("bot_identity.json, call it ID": the giving said as its thing alone, so "call it ID" is no name for the bot)
            text, changed = text[:m.start()] + (thing if m.group("thing2") else m.group(0)) + later, True
    last = max(given, key=lambda g: g[0].end())
    if not changed and (that := rx.search(r"\b(?:that one|that run|that file)\b|那个|它", text[last[0].end():], re.I)):
        # "no wait, Alpha is run-…-r32, not r16. status of that one": the thing named, pointed at after
        at = last[0].end() + that.start()
        return text[:at] + last[2] + text[at + len(that.group(0)):]
    return text if changed else None


# The assistant addressed by name in a message also said to someone else: "小李,…。助手,我们有 900 条数据…", "Sam, …. Assistant —
# confirmed, go ahead."; and a sentence turned to the other person after it ("小李你看,老师也会说错", "See, Sam, even teachers slip.").
_TO_ME = re.compile(r"(?:^|(?<=[。.!！?？\n]))\s*(?:——|—|-)?\s*(?:助手|assistant)\s*(?:[,，]|——|—|\s-\s)\s*", re.I)  # ("ASSISTANT: …" is a transcript's line)
_TO_THEM = re.compile(r"(?:(?<=[。.!！?？])|^)\s*(?:(?:小|老)[\u4e00-\u9fff](?:你看|[,，])|(?:see|look|you see),?\s+(?-i:[A-Z])[a-z]+\b|(?-i:[A-Z])[a-z]+,\s+(?:see|look)\b)", re.I)


def _said_to_me(text: str) -> str | None:
    """The words said to the assistant when the message turns to it by name after speaking to someone else; else None."""
    turned = list(_TO_ME.finditer(text))
    if not turned:
        return None
    said = text[turned[-1].end():]
    aside = _TO_THEM.search(said)
    if not (aside and aside.start() > 0 or rx.search(r"\w", text[:turned[-1].start()])):
        return None  # ("助手,帮我看看 FILE": only me spoken to)
    said = said[:aside.start()] if aside and aside.start() > 0 else said
    return said.strip() or None


# A chat log pasted as the message, a speaker on each line: "[10:32] 我: …", "[09:15] assistant: …", "10:33 me: …".
_LOG_LINE = re.compile(r"[ \t]*\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*(?P<who>我|用户|me|user|助手|assistant|bot|ai)[ \t]*[:：][ \t]*(?P<said>[^\n]*)", re.I)


def _pasted_log(text: str) -> list[Turn] | None:
    """The turns of a pasted chat log (two lines or more, every line a speaker's, the last one the person's), else None."""
    lines = [line for line in text.strip().split("\n") if line.strip()]
    said = [_LOG_LINE.fullmatch(line) for line in lines]
    if len(lines) < 2 or not all(said) or said[-1].group("who").lower() not in ("我", "用户", "me", "user"):
        return None
    return [Turn("user" if m.group("who").lower() in ("我", "用户", "me", "user") else "assistant", m.group("said")) for m in said]


# What a tool can do, asked ("can you convert to csv too or only the training formats?", "Does your tool handle multi-turn data
# like FILE, or only single Q&A pairs?"); which of two is better ("Which is better for multi-turn chats, the openai format or
# sharegpt?"); whether a figure reported is normal ("eval says general ability dropped 23% - is that normal?", "loss is at 0.015 now,
# is that overfitting?"); a setting in general ("what's a reasonable batch size for LoRA?").
_CAN_IT = re.compile(r"^\W*(?:(?:hi|hey|hello)\W+)?(?:can (?:you|it|the tool)|does (?:your|the|this) (?:tool|app|assistant|thing)|do you|你(?:能|会)不能|你们?支持不支持|能不能)\b[^?？]*\bor\b[^?？]*[?？]\W*$|"
                     r"^\W*does (?:your|the|this) (?:tool|app|assistant) (?:handle|support|work with|take|accept)\b", re.I)
_WHICH_BETTER = re.compile(r"\bwhich (?:\w+ ){0,2}is better\b|\bwhich (?:one|format) (?:is|would be) (?:better|best)\b|哪个(?:更)?好|哪种(?:更)?好|哪个更合适", re.I)
_IS_IT_NORMAL = re.compile(r"\b(?:is|was) (?:that|this|it) (?:normal|ok(?:ay)?|expected|bad|overfitting|a problem|too (?:high|low|much))\b|(?:这|那)?(?:正常|算过拟合|算正常)(?:吗|不)", re.I)
_IN_GENERAL = re.compile(r"\b(?:a |the )?(?:reasonable|typical|good|usual|sensible|normal) (?:batch size|learning rate|lr|number of epochs|epoch count|rank)\b|一般(?:用|设|取)?多(?:大|少)", re.I)


def _asked_in_general(text: str, call: dict) -> bool:
    """A question that names a step but asks about it in general (see the patterns above), not for the step."""
    parts = rx.split(r"(?<=[?？])", text, maxsplit=1)
    first, after = parts[0], parts[-1]
    if _CAN_IT.search(text) or (_WHICH_BETTER.search(first) and rx.search(r"\bor\b|还是|\bvs\.?\b", first, re.I) and rx.search(r"[?？]", text)
                                and not intents.classify(variants.plain_chinese(hide_names(after))).name
                                and call["name"] in ("convert_dataset", "start_training", "suggest_hyperparameters")):
        return True  # (a question mark, then what it is about: "…the openai format or sharegpt? Data is FILE"; not "…? Anyway, suggest …")
    if not _ASKED_AT_END.search(text.strip()) or acts.is_request(text):
        return False
    if call["name"] in ("evaluate_run", "training_status") and "run_id" not in call["args"] and _IS_IT_NORMAL.search(text):
        return True
    return (call["name"] == "suggest_hyperparameters" and not set(call["args"]) - {"method"} and bool(_IN_GENERAL.search(text))
            and not rx.search(r"\b(?:my|our)\b|我(?:的|们)", text, re.I) and not reading.asks_rate(text))  # ("学习率一般用多少合适?": the value, advised)


def _asks_about_our_steps(asked: str, kind: str) -> bool:
    """A message the planner met with "which file?" (``kind`` ask_file) or could not place (unknown) that asks, in its last
    question, about our settings, amounts or kinds of record, and is neither a request, a confirmation, small talk nor about the
    assistant itself."""
    tail = rx.split(r"[?？]", asked)[-1]
    sentences = [s for s in rx.split(r"(?<=[?？。!！])|(?<=[^.]\.)\s", asked) if rx.search(r"\w", s)]
    question = next((s for s in reversed(sentences) if rx.search(r"[?？]|吗|呢|不\W*$", s)), sentences[-1] if sentences else asked)
    return bool(
        (_ASKED_AT_END.search(asked) or _ASKS_OPENING.match(asked)
         or rx.search(r"[?？]", asked) and not _IMPERATIVE_START.match(tail) and not acts.opens_with_command(tail) and not _DECIDING.search(tail))
        and not acts.is_request(asked) and not acts.opens_with_command(asked)
        and acts.speech_act(asked) not in ("confirmation", "correction") and not reading.about_me(asked)
        and (kind != "ask_file" or _ASKS_HOW.search(asked))  # ("maybe kick off a training run?": a request, hedged)
        # (not read as ours before: only a question about a setting, an amount or a kind of record is ours to answer)
        and (kind == "ask_file" or _OUR_TERMS.search(question) or amounts.training_args(question) or amounts.count_args(question))
        and not intents.classify(variants.plain_chinese(hide_names(tail))).name  # ("训练现在能开吗?别等了,开始训练。")
        and reading.read(variants.plain_chinese(hide_names(asked)), True).act != "chitchat"  # ("确认一下今天是周五对吧?哈哈")
        and not _HELP_ASKED.search(asked) and not rx.search(r"无关|\bunrelated\b|\boff[- ]topic\b", asked, re.I)  # ("跟微调无关哈,附近有啥好吃的?")
        # the sentence that asks is about our steps ("…孩子都说我好久没陪她了…你觉得我该不该换个轻松点的工作?": not ours)
        and (intents.about_sft(question) or amounts.training_args(question) or amounts.count_args(question) or rx.search(r"手册|\bmanual\b", question, re.I)))


# A message that ends asking: a question mark, or a question's last word ("…是不是太少了", "差别大吗").
_ASKED_AT_END = re.compile(r"(?:[?？]|吗|呢|是不是[^,，。;；!！]{0,12}|么|(?<=[训跑删转加用])不)\W*$|(?:[?？]|吗|吧)\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s*$")
# Words of a question about how things are ("差别大吗", "does that keep my original", "what kind of data do I need"), not a request.
_ASKS_HOW = re.compile(r"\b(?:what|how|why|which|whether|difference|normal|need|should|does|is it|will it|would it)\b|多少|怎么|为什么|为啥|差别|区别|是不是|吗|会不会|要不要", re.I)
# Words of our settings and records, for a question the planner did not take as ours ("r=8 和 r=64 差别大吗?", "how long counts as 'long'").
_OUR_TERMS = re.compile(r"\b(?:lr|epochs?|batch(?: size)?|rank|learning rate|few-?shot|cot|lora|perplexity|ppl|long answers?|short answers?|duplicates?)\b|"
                        r"(?<![A-Za-z])[rk]\s*=|学习率|epoch|批大小|秩|长答案|短答案|重复|困惑度|手册", re.I)
# Help asked with no step named: "听说你这儿能帮忙?", "can you help with this?" (the capabilities, not an explanation).
_HELP_ASKED = re.compile(r"能帮(?:忙|我)?(?:吗|\?|？)|听说你|\bcan you help\b", re.I)
# A question by its first words, with no mark: "do I need to clean the data before training or can I just go".
_ASKS_OPENING = re.compile(r"^\W*(?:do (?:i|we) need|should (?:i|we)|is it (?:ok|okay|better|worth)|要不要|需不需要|是不是|有没有必要)\b", re.I)
_ITS_RUN = re.compile(r"\bits\b|\bit\b|它|\bloss\b|状态|进度|\bstatus\b|\bprogress\b", re.I)


# Markdown's strike-through: "~~b.xlsx~~", "lr ~~1e-3~~ 1e-4".
_STRUCK = re.compile(r"~~[^~\n]{1,120}~~")
# A list item struck out whole, with a note after it at most: "1. ~~什么是 LoRA~~(查到了)".
_STRUCK_ITEM = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[.)、]|[-*•])[ \t]*~~[^~\n]{1,120}~~[^~\n]{0,20}(?:\n|$)")


# The last line of a message that starts with "*" and a word (no space: not a bullet, not bold): the line before put right.
_STAR_FIX = re.compile(r"^(?P<before>.*\S.*)\n[ \t]*\*(?![*\s])(?P<fix>[^\n*]{1,200}?)\s*$", re.S)


def _star_fixed(text: str) -> str | None:
    """The message as meant when its last line puts a typo right: one word ("*json") replaces the word of the line before it
    is closest to; a longer line ("*不是停,是恢复。run-2201 继续跑") is the request said again, read alone."""
    m = _STAR_FIX.match(text)
    if m is None:
        return None
    before, fix = m.group("before"), m.group("fix").strip()
    if rx.fullmatch(r"\d+(?:\.\d+)?", fix) and (numbers := list(rx.finditer(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", before))):
        return before[:numbers[-1].start()] + fix + before[numbers[-1].end():]  # "no, lora_r 8\n*16": the number put right
    word_then = rx.fullmatch(r"([A-Za-z0-9_.-]{2,40}?)\s*(?:[,，]\s*|[.。;；!！]\s+)(.+)", fix)
    if word_then:  # "*steps, and make it 500 not 50": the word put right, then more said
        fixed = _star_fixed(f"{before}\n*{word_then.group(1)}")
        return f"{fixed}\n{word_then.group(2)}" if fixed is not None else None
    if not rx.fullmatch(r"[\w.-]{2,40}", fix):
        return fix
    token = r"[\w.-]+" if "." in fix else r"[A-Za-z]+|[\u4e00-\u9fff]+|\d+"  # ("*train.jsonl": the whole file name put right)
    scored = [(difflib.SequenceMatcher(None, w.group(0).lower(), fix.lower()).ratio(), w) for w in rx.finditer(token, before) if w.group(0) != fix]
    score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    if best is None or score < 0.6:
        return None
    return before[:best.start()] + fix + before[best.end():]


def _as_meant(turns: list[Turn]) -> list[Turn]:
    """The conversation with the latest message as the person meant it: what is struck out is not said ("epoch ~~5~~ 3",
    "~~帮我开训练~~ 算了"), and a typo put right on the next line is read into the line before ("inspect x.jsno\n*json",
    "k 改成 4\n*k 改成 3,刚才手滑")."""
    at = _last_user(turns)
    if at < 0:
        return turns
    text = _STRUCK.sub("", _STRUCK_ITEM.sub("", turns[at].text))
    text = _star_fixed(text) or text
    return turns if text == turns[at].text else [*turns[:at], Turn(turns[at].role, text, turns[at].calls, turns[at].name), *turns[at + 1:]]


def plan_user(turns: list[Turn], depth: int = 0) -> Decision:
    """The first model call after the user's latest message. ``depth`` bounds how far back the
    previous requests are re-planned (an answer to a question needs one level, a "yes" to a
    question that answered a question two), so a long conversation stays fast.

    A value put right that the reading found no value in ("不对,是五个例子 不是三个", "the cot fraction should be 0.15, not
    0.5") is read again without the amount it rules out after the one meant."""
    turns = _as_meant(turns)
    at = _last_user(turns)
    decision = _plan_user(turns, depth)
    if decision.kind == "tools" and (check := _check_first(decision.calls[0], turns, at)) is not None:
        return Decision("tools", calls=[{"name": "check_quality", "args": check}])
    if (decision.kind == "tools" and decision.calls[0]["name"] == "start_training" and "max_steps" in decision.calls[0]["args"]
            and set(decision.calls[0]["args"]) <= {"path", "max_steps"} and _steps_alone(turns[at].text) and _VALUE_PUT_RIGHT.search(turns[at].text)):
        # "不是200步 500步\n文件还是 FILE": a step count put right, with nothing of a run: the probe's (a start would say so)
        args = decision.calls[0]["args"]
        return Decision("tools", calls=[{"name": "probe_learning_rate", "args": {**({"path": args["path"]} if "path" in args else {}), "steps": args["max_steps"]}}])
    if decision.kind == "tools" and decision.calls[0]["name"] not in ("explain",) and _asked_in_general(strip_attachments(turns[at].text), decision.calls[0]):
        return Decision("tools", calls=[{"name": "explain", "args": {"question": strip_attachments(turns[at].text).strip()}}])
    if (decision.kind in ("ask_file", "unknown") or decision.kind == "maybe" and not decision.calls) and decision.reply not in (
            *replies.DROPPED.values(), *replies.NOTED.values(), *replies.NOTHING_WAITING.values()):  # (an offer "Did you mean …?" stays)
        asked = strip_attachments(turns[at].text)
        if _asks_about_our_steps(asked, decision.kind):
            # "你说 r=8 和 r=64 效果差别大吗?", "inspect 不会不小心改了我的文件吧?", "What kind of data do I need to get started?": asked
            # about our steps, answered (never "which file?")
            return Decision("tools", calls=[{"name": "explain", "args": {"question": asked.strip()}}])
    if decision.kind == "tools" and decision.calls[0]["name"] in _RUN_TOOLS and "run_id" not in decision.calls[0]["args"]:
        said = strip_attachments(turns[at].text)
        run = names.find_run_id(rx.sub(r"(?:\bdon'?t|\bdo not|别|不要|不是要?)\s*(?:stop|停)", " ", said, flags=re.I))
        if run and _ITS_RUN.search(said):
            # "hold on, don't stop run_c19 yet, show me its loss first", "不是要停 ft-7781,看看它的状态就行": the step ruled out, not the run
            decision = Decision("tools", calls=[{"name": decision.calls[0]["name"], "args": {"run_id": run[0], **decision.calls[0]["args"]}}])
    if decision.kind == "tools" and set(decision.calls[0]["args"]) - {"path", "run_id"}:
        return decision
    said = turns[at].text
    plain = ruled_out(said, amounts=True)
    if plain == said or not _VALUE_PUT_RIGHT.search(said):
        return decision
    again = _plan_user([*turns[:at], Turn(turns[at].role, plain, turns[at].calls, turns[at].name), *turns[at + 1:]], depth)
    return again if again.kind == "tools" and set(again.calls[0]["args"]) - {"path", "run_id"} else decision


# Several files, a step for each ("三个文件:A 先看看结构,B 跑质检,C 转 alpaca,按这个顺序来", "parts_a.csv, just look at it; parts_b.csv,
# convert to xlsx; parts_c.csv, quality check. Start with a."): the one to start with, said, or else the first.
_START_WITH = re.compile(r"(?P<first>从第一个开始|按(?:这个)?顺序|\bin (?:this|that) order\b|\bfirst one first\b|\bstart with the first\b)|"
                         r"(?:先做|先弄|先处理|先来|从)\s*(?P<name>[\w.-]+?)\s*(?:的|开始)|\bstart (?:with|from) (?:the )?(?P<en>[\w.-]+)", re.I)


def _one_step_each(text: str, mem: Memory) -> str | None:
    """Of files named each with a step of its own, the words of the one the message says to start with; else None."""
    found = resolve_named(text, mem.attachments)
    if len(found) < 2 or len({f.text for f in found}) < len(found):
        return None
    ends = [f.start for f in found[1:]] + [len(text)]
    each = []
    for f, end in zip(found, ends):
        clause = rx.split(r"[。;；\n]|\.\s", text[f.start:end].replace(f.text, "FILE", 1), maxsplit=1)[0]
        step = intents.classify(variants.plain_chinese(clause)).name or ("inspect_dataset" if _LOOK_WORDS.search(clause) else "")
        if step in ("", "explain"):
            continue
        each.append((text[f.start:f.start + len(f.text)] + clause[4:], f.text))
    if len(each) < 2:
        return None
    start = _START_WITH.search(text)
    if start is None:
        return None
    if start.group("first"):
        return each[0][0]
    pointer = (start.group("name") or start.group("en")).lower().rstrip(".")
    # the file named in full, or by a part of its name set apart by "_", "-" or "." ("z" is faq_z.jsonl; "a" is not in "parts_b")
    picked = [clause for clause, f in each if f.lower() == pointer or pointer in rx.split(r"[_.\-\s]+", f.lower())]
    return picked[0] if len(picked) == 1 else None


# The check said first, then what to decide after it: "quality check please, then bin the dupes", "先质检,然后把重复的删了".
_CHECK_THEN = re.compile(r"^\W*(?:(?:a |the )?quality check|check (?:the )?quality|run (?:a |the )?(?:quality )?check|质检|(?:先)?(?:检查|查)(?:一下)?质量|先(?:质检|检查))"
                         r"[^.。;；?？\n]{0,20}?[,，]?\s*(?:then|and then|after that|然后|再|之后)\b", re.I)


def _check_first(call: dict, turns: list[Turn], at: int) -> dict | None:
    """The check's arguments when a rule's decision was read but the check itself, asked in the same message and never run in
    the conversation, comes first; else None. With a file: a drop of one of the check's own kinds, the check named anywhere ("After
    that, drop the exact dupes. Oh and obviously run the quality check on FILE first"). With none: the check said first, then what
    to decide ("quality check please, then bin the dupes", "先质检,然后把重复的删了")."""
    args, said = call["args"], strip_attachments(turns[at].text)
    if call["name"] != "apply_quality_rule" or any(c.get("name") == "check_quality" for t in turns[:at] for c in (t.calls or [])):
        return None
    if not args.get("path"):
        return {} if _CHECK_THEN.search(said) else None
    return ({"path": args["path"]} if args.get("decision") == "drop" and args.get("rule") in _CHECK_DROPS and not review.is_report(args["path"])
            and not review.points_at_check(said) and _QUALITY_NAMED.search(said) else None)


def _rule_decided(ruled: tuple[str, str]) -> Decision:
    """The review step a rule and its decision ask for (``review.rule_command``'s pair), for the latest check."""
    return Decision("tools", calls=[{"name": "apply_quality_rule", "args": {"rule": ruled[0], "decision": ruled[1]}}])


def _plan_user(turns: list[Turn], depth: int) -> Decision:
    at = _last_user(turns)
    raw = turns[at].text
    text, new_files = written.unbracketed(dictated(unquote_forwarded(strip_attachments(raw)))), attached_files(raw)
    mem = remember(turns[:at + 1])
    if not new_files and not rx.search(r"[^\W_]", text):
        return Decision("unknown", reply=replies.unknown(replies.language(raw)))  # "?", "??": nothing said to act on or answer
    logged = _pasted_log(text)
    if logged and depth == 0:  # "[10:32] 我: 你好\n[10:32] 助手: …\n[10:33] 我: 帮我看看 FILE": the log's turns, the last one the message
        return plan_user([*turns[:at], *logged[:-1], Turn("user", with_attachments(logged[-1].text, new_files))], depth + 1)
    nicknamed = _nicknames_put_back(text)
    if nicknamed is not None and depth == 0:  # "数据1 = FILE1,数据2 = FILE2。数据2 拿去做学习率测试": the names given, read as what they name
        return plan_user([*turns[:at], Turn("user", with_attachments(nicknamed, new_files))], depth + 1)
    one_each = _one_step_each(text, mem)
    if one_each is not None and depth == 0:  # "三个文件:A 先看看结构,B 跑质检,C 转 alpaca,按这个顺序来": the step for now
        return plan_user([*turns[:at], Turn("user", with_attachments(one_each, new_files))], depth + 1)
    spoken = _said_to_me(text)
    if spoken is not None and depth == 0:  # "小李,训之前先要超参。助手,我们有 900 条数据,用 lora,给个建议": the words said to me
        to_me = plan_user([*turns[:at], Turn("user", with_attachments(spoken, new_files))], depth + 1)
        before = text[:text.rfind(spoken)]
        named = intents.classify(variants.plain_chinese(hide_names(before))).name
        files_before = [f.text for f in resolve_named(before, mem.attachments)]
        if (_acts(to_me) and to_me.calls[0]["name"] == "inspect_dataset" and named and named not in ("explain", "inspect_dataset")
                and acts.speech_act(before) not in ("question", "hypothetical")
                and not rx.search(r"看|查|字段|条数|格式|多少|\binspect|\blook|\brows?\b|\bcolumns?\b|\bfields?\b", spoken, re.I)):  # (a look asked: a look)
            to_me = plan_step(spoken, mem, new_files, intent=named)  # ("…助手会根据数据量推荐超参。助手,FILE,全量微调,给建议。")
        if to_me.kind == "ask_file" and len(set(files_before)) == 1:
            to_me = plan_step(spoken, mem, new_files, fallback_path=files_before[0])  # ("我把 FILE 传上来了…助手,请告诉我们它的格式")
        if _acts(to_me) and to_me.calls[0]["name"] in NEEDS_PATH and "path" not in to_me.calls[0]["args"] and len(set(files_before)) == 1:
            # ("同学们,我们要给 identity.json 填上名字。助手,把 {{name}} 填成…": the file said to the others)
            to_me = Decision("tools", calls=[{"name": to_me.calls[0]["name"], "args": {"path": files_before[0], **to_me.calls[0]["args"]}}])
        if _acts(to_me) or acts.speech_act(spoken) == "confirmation":
            return to_me
        if named and named != "explain" and acts.speech_act(before) not in ("question", "hypothetical"):
            # ("Sam, before training we ask for hyperparameters. Assistant, we have 700 rows … — suggestions?": the step told to them)
            return plan_step(spoken, mem, new_files, intent=named)
        # ("小李问:…这是怎么回事?助手,你来给他解释一下": what they asked, explained; the whole message read)
    left = _left_to_do(text)
    if left is not None and depth == 0:  # "done: bot persona drafted\ntodo: list the placeholders in FILE": what is left is asked
        asked = plan_user([*turns[:at], Turn("user", with_attachments(left, new_files))], depth + 1)
        named = {f.text for f in resolve_named(text, mem.attachments)}
        if asked.kind == "ask_file" and len(named) == 1:
            asked = plan_step(left, mem, new_files, fallback_path=next(iter(named)))
        if asked.kind == "tools" and asked.calls[0]["name"] in NEEDS_PATH and "path" not in asked.calls[0]["args"] and len(named) == 1:
            # ("已完成:FILE 的 name 填好了\n待办:author 还空着,填成 X": the file the report is about)
            asked = Decision("tools", calls=[{"name": asked.calls[0]["name"], "args": {"path": named.pop(), **asked.calls[0]["args"]}}])
        return asked
    call = written.written_call(text)
    if call is not None:  # "probe_learning_rate path=x.jsonl steps=100", "stop_training()": the call as written
        if call["name"] in NEEDS_PATH and "path" not in call["args"] and (new_files or mem.files):
            call["args"] = {"path": (new_files or mem.files)[-1], **call["args"]}
        if call["name"] in NEEDS_PATH and "path" not in call["args"] and _FILE_LATER.search(text):
            return Decision("ask_file", reply=replies.ask_file(call["name"], replies.language(text)))  # "$ sft train --lr 2e-4\n(file's still uploading)"
        return Decision("tools", calls=[call])
    if acts.agrees_to_shown(text) and acts.speech_act(text) == "confirmation":
        # "好的,你上面列的那个计划我看了,数据是 FILE,…就按这个开始吧": a yes to the plan shown (the consent guard runs a waiting plan
        # on it before any planning; here none waits), never a new plan from its restated settings
        return Decision("unknown", reply=replies.NOTHING_WAITING[replies.language(text)])
    ordered = _explained_in_order(text, mem, new_files)
    if ordered is not None:  # "do the few-shot thing on FILE…, and then explain why", "Explain … first, then convert my csv"
        return ordered
    self_answered = _SELF_ANSWERED.match(text) or _CHECKED_THEN.match(text)  # (their own readings, below)
    # (one reading of the decision after a question, used three ways below)
    after_question = _decided_after_question(text, mem, new_files) if acts.speech_act(text) != "confirmation" else None
    if after_question is not None and not self_answered:  # "要是把乱码的都删了会不会少很多数据?算了,删吧": a what-if, then the decision
        return after_question
    if (acts.speech_act(text) == "hypothetical" and acts.opens_hypothetical(text)
            and not (self_answered and _acts(after_question or Decision("unknown")))):
        return plan_step(text, mem, new_files)  # "嗯…要是我,呃,把十个epoch改成三十个,会咋样啊": a what-if, never a correction
    previous = _previous_request(turns[:at], depth) if depth < 3 else None
    if previous is not None:
        prev_text, prev_decision = previous
        merged = _answer_to_question(text, new_files, prev_text, prev_decision, mem, _asked_for_file(turns[:at]))
        if merged is not None:
            return merged
    run = names.find_run_id(text)
    if (run and not rx.sub(r"[\W_]|\b(?:check|look at)\b|查|看看", "", variants.plain_chinese(text).replace(run[0], "")) and not new_files
            and names.is_run_name(run[0])):  # (not "utf-8", "lora_r": no run's name)
        # "run-0815", "🔍 ft-1002 ⏳?": a run id alone is looked at (never resumed, stopped or evaluated on a guess)
        return Decision("tools", calls=[{"name": "training_status", "args": {"run_id": run[0]}}])
    placed = _picked_by_place(unquote_forwarded(strip_attachments(raw)), mem, new_files)
    if placed is not None:  # "1. faq_v1.csv\n2. faq_v2_clean.csv\n第2个帮我做个质检", "…\nEvaluate row 2 against the base model."
        return placed
    ordered = _first_of_two(text, mem, new_files)
    if ordered is not None:  # "两件事:转 sharegpt 和查质量。先查质量,文件 X", "…and augment it too. Do the augmenting first, 25%."
        return ordered
    tabled = _after_table(text, mem, new_files)
    if tabled is not None:
        return tabled
    after_paste = _after_pasted_lines(text, mem, new_files)
    if after_paste is not None:
        return after_paste
    answered = _SELF_ANSWERED.match(text) if acts.speech_act(text) != "confirmation" else None
    if answered and acts.speech_act(answered.group("rest")) == "command" and not _DONE_MYSELF.search(answered.group("rest")):
        # "identity.json 能直接用吗?不能,里面还是{{name}}。名字填“小禾”…": a question the person answers, then the request
        asked = [f.text for f in resolve_named(answered.group("q"), mem.attachments)]
        # "is a quick LR range test worth it before the real run? yeah. 150 steps on FILE": the step the question names, with
        # the details the answer gives
        named_step = "probe_learning_rate" if probe.asks_probe(answered.group("q")) and rx.match(
            r"\W*(?:yes|yeah|yep|sure|ok(?:ay)?|是的|对|要|能|可以|会)\b", answered.group(0)[len(answered.group("q")):], re.I) else None
        rest = (plan_step(answered.group("rest"), mem, new_files, fallback_path=asked[0] if asked else None, intent=named_step)
                if named_step else _answer_step(text, answered.group("rest"), mem, new_files, asked[0] if asked else None))
        if _acts(rest):
            call = rest.calls[0]
            if call["name"] in _RUN_TOOLS and "run_id" not in call["args"] and (run := names.find_run_id(answered.group("q"))):
                call["args"] = {"run_id": run[0], **call["args"]}  # "Resume ax-88. Wait, evaluate it? No, resume": the run asked about
            return rest
        if (ruled := review.rule_named(answered.group("q"))) and (decided := review.decision(answered.group("rest"))):
            # "Are the empty-answer rows worth keeping? Nope. Drop them.": the rule the question names, the decision the answer gives
            return Decision("tools", calls=[{"name": "apply_quality_rule", "args": {"rule": ruled, "decision": decided,
                                                                                    **({"path": asked[0]} if asked else {})}}])
    if self_answered and after_question is not None:
        return after_question  # ("要是把乱码的都删了会不会少很多?算了,删吧": the answer's own reading found no step; the question's decision)
    checked = _CHECKED_THEN.match(text) if acts.speech_act(text) != "confirmation" else None
    if checked and acts.speech_act(checked.group("rest")) == "command" and (
            acts.opens_with_command(checked.group("rest")) or acts.is_request(checked.group("rest"))
            or rx.match(r"\W*(?:\w+\W+)?(?:then\b|那就?|那么)", text[checked.end("q"):], re.I)):
        # "If I ask you to inspect a spreadsheet you'll read the sheet I name, right? OK then inspect FILE, sheet Batch3", "所以填
        # 占位符就是把 {{name}} 换成真名对吧?那把这个文件里的 name 换成 小金": how it works checked, then the request (with the size
        # or file said in the check: "我手上大概1000条,手册说1000条用10个epoch对吧?学习率和batch也给我个建议呗")
        rest = plan_step(checked.group("rest"), mem, new_files)
        if rest.kind == "tools" and rest.calls[0]["name"] == "inspect_dataset":
            rest = plan_step(text, mem, new_files, intent=intent) if (intent := _step_asked_about(text, checked.group("rest"), mem)) else rest
            # ("有reasoning列的话COT就能直接用它对吧?那就拿它给 FILE 加一百条": the step the check names, a look alone says none)
        if rest.kind == "tools" and rest.calls[0]["name"] in ("suggest_hyperparameters",) + NEEDS_PATH:
            said = plan_step(checked.group("q"), mem, new_files, intent=rest.calls[0]["name"])
            carried = {k: v for k, v in (said.calls[0]["args"] if said.kind == "tools" else {}).items() if k in ("n_samples", "path")}
            if carried:
                return Decision("tools", calls=[{"name": rest.calls[0]["name"], "args": {**carried, **rest.calls[0]["args"]}}])
        return rest
    looked = _LOOK_ASKED_FIRST.match(text)
    if looked and acts.speech_act(looked.group("rest")) == "command":
        # "这个文件有多少条?看完顺手转成jsonl", "how many rows are in the Q3 sheet? convert it to alpaca if it's over 1k": the look
        # answers the question, the step waits on what it shows
        look = plan_step(looked.group("q"), mem, new_files)
        then = plan_step(looked.group("rest"), mem, new_files)
        if look.kind == "tools" and look.calls[0]["name"] == "inspect_dataset" and _acts(then) and then.calls[0]["name"] != "inspect_dataset":
            return look
    done_if = _IF_RUN_DONE.match(text)
    if done_if and (run := names.find_run_id(text)):
        # "if run sunrise-4 is done, evaluate it; if not, tell me where it's at", "要是 run-7b 已经结束了,就…比一下;没结束就告诉我进度":
        # whether it is done is the run's status, asked first
        return Decision("tools", calls=[{"name": "training_status", "args": {"run_id": run[0]}}])
    if acts.IF_SO_DO.search(text):
        return plan_step(text, mem, new_files)  # "上次停掉的那个还能继续吗?可以的话就接着训": one request, asked and then asked for
    off = _STEP_CALLED_OFF.search(text)
    if off and (not _acts(rest := plan_step(_STEP_CALLED_OFF.sub(" ", text), mem, new_files))
                or rest.calls[0]["name"] == "resume_training" and rx.search(r"停|stop", off.group(0), re.I)):
        # "等等,刚才那个停止先别执行了,让它继续跑": the stop called off, the run left going (no resume: it never stopped)
        return Decision("unknown", reply=replies.DROPPED[replies.language(text)])
    if _NOTHING_FOR_YOU.search(text):  # "1 and 2 are done on my side and 3 is up to ops, so nothing for you right now"
        return Decision("unknown", reply=replies.NOTED[replies.language(text)])
    if _LATER_STEP.search(acts.QUOTED.sub(" ", text)) and _NOT_NOW.search(text) and not _NOW_TOO.search(text) and not rx.search(r"[?？]", text):
        # "明天开始训练 X,今晚机器要维护,现在别跑", "Tomorrow start training on X — not now", "I'll evaluate r-1 tomorrow myself, leave
        # it alone for now": a step for later, none now
        return Decision("unknown", reply=replies.NOTED[replies.language(text)])
    if _LATER.search(text) and _PLANNING.search(text) and _VALUE_ASKED.search(text):
        # "明天打算用 X 开训,到时候学习率和 epoch 用多少合适?", "Planning to train on X next week, about 4,000 rows — what epochs and LR
        # should I pencil in?": the settings for a run planned, asked now
        advice = plan_step(text, mem, new_files, intent="suggest_hyperparameters")
        if _acts(advice):
            return advice
    if _JUST_TELLING.search(text) and rx.search(r"\bnot deciding\b|\bno decision\b|\bhaven'?t decided\b|还没(?:决定|想好)|先不(?:决定|定)|"
                                               r"(?:这事|这步|这个)(?:就|也)?不(?:做|弄|搞)了|\b(?:we'?re|we are) not doing (?:it|that|this)\b|\bwe won'?t (?:do|be doing) (?:it|that)\b", text, re.I):
        # ("投票…2票赞成加 few-shot,5票反对。所以这事不做了,跟你说一声": a step decided against, only told)
        return Decision("unknown", reply=replies.NOTED[replies.language(text)])  # "the check found 40 dupes btw. not deciding anything yet, just letting you know"
    done = _DONE_MYSELF.search(text)
    if done:  # "我昨天已经自己把重复的都删干净了,谢谢你啊", "昨天我已经把 FILE 转成千帆格式了,今天帮我给它跑个质量检查"
        named = [f.text for f in resolve_named(done.group(0), mem.attachments)]
        untold = _DONE_MYSELF.sub(" ", text)  # (all that was done: "FILE 我自己已经备份过了,去重我也手动做完了")
        rest = plan_step(untold, mem, new_files, fallback_path=named[0] if named else None)
        if (not _acts(rest) or review.step_called_off(untold) or _NO_NEED.search(untold)
                or rx.fullmatch(r"\s*```[\s\S]*?```\s*(?:btw|fyi|顺便说一下|跟你说一声)?\W*", untold, re.I)  # (the code pasted is what was done)
                or (rest.calls[0]["name"] == "inspect_dataset" or not acts.is_request(untold)) and _JUST_TELLING.search(untold)
                # "Never mind b.csv, I already converted it myself.", "算了,b.csv 我已经自己手动转好了,不用你弄": the file named, no step left
                or rest.calls[0]["name"] == "inspect_dataset" and rx.search(r"\bnever ?mind\b|算了|不用你(?:弄|管|做|转|查)|\bdon'?t bother\b|\bno need\b", untold, re.I)
                or rx.fullmatch(r"(?:\W*(?:别|不要|不用|don'?t|do not)\s*(?:动|改|碰|touch|change)[^,，。;；.]{0,16})+\W*", untold, re.I)):  # ("别动底座,别动学习率,…")  # ("替换占位符那步不要了,…我自己已经改好了",
            # "两个文件我已经自己合并好了,叫 X,跟你说一声": the result named, only told
            # "I already deduped it in Excel myself, so no need to check for duplicates")
            return Decision("unknown", reply=replies.NOTED[replies.language(text)])
        if rest.calls[0]["name"] in _RUN_TOOLS and "run_id" not in rest.calls[0]["args"] and (run := names.find_run_id(text[:done.end()])):
            return Decision("tools", calls=[{"name": rest.calls[0]["name"], "args": {"run_id": run[0], **rest.calls[0]["args"]}}])  # ("RUN 被我手动停了,从断点接着跑")
        told = plan_step(done.group(0), mem, new_files, intent=rest.calls[0]["name"])
        if told.kind == "tools" and rest.calls[0]["name"] == "suggest_hyperparameters":  # ("I already cleaned the data and it's 3,200 rows now,
            return Decision("tools", calls=[{"name": "suggest_hyperparameters",  # suggest epochs": the size told is the advice's)
                                             "args": {**{k: v for k, v in told.calls[0]["args"].items() if k == "n_samples"}, **rest.calls[0]["args"]}}])
        return rest
    corrected = acts.correction(text)
    then_ask = _THEN_ASK.search(text) if corrected else None
    if then_ask and acts.is_request(then_ask.group("ask")) and (asked := plan_step(then_ask.group("ask"), mem, new_files)).kind == "tools":
        # "你刚才说错了,不是 1000 条对应 2 个 epoch,手册里写的是 10。那按我这 1000 条,帮我重新给一套 lora 的超参建议": what the
        # assistant said put right, then the request, in a sentence of its own
        return asked
    if corrected and not acts.asks_what_was_done(corrected) and acts.speech_act(text) not in ("hypothetical", "question") and not reading.just_asking(text):  # "no wait, suggest hyperparameters first": the rest is the request now
        return _corrected(corrected, previous[1] if previous else None, mem, new_files, text)
    if _CALLED_OFF_TAIL.search(text) and acts.speech_act(text) != "confirmation":
        return Decision("unknown", reply=replies.DROPPED[replies.language(text)])  # "add cot to x.jsonl, 30%... never mind"
    changed = _changed_mind(text, mem, new_files)
    if changed is not None:  # "convert X to alpaca. hmm, actually sharegpt": the request as the message ends up wanting it
        return changed
    steps = steps_of(text) if acts.speech_act(text) != "confirmation" else [text]  # ("> 计划:…\n没问题,就这样。": one yes)
    # "…on my_identity.json — but its {{name}} needs to be Lexi first": a step said without its file works on the file the
    # message names elsewhere
    told_failure = ""
    if len(steps) > 1 and _ERROR_TOLD.match(steps[0]) and not names.find_run_id(steps[0]) and not resolve_named(steps[0], mem.attachments):
        told_failure, steps = steps[0], steps[1:]  # "刚才报错“Sheet 'Sheet1' not found”,那张表叫“问答汇总”,再试一次,把 FILE 转成 jsonl": the failure told, then the step again
    elsewhere = [f.text for f in resolve_named(text, mem.attachments)] if len(steps) > 1 and not new_files else []
    first = plan_step(steps[0], mem, new_files, fallback_path=elsewhere[0] if elsewhere else None)
    if told_failure and first.kind == "tools" and first.calls[0]["name"] in ("inspect_dataset", "convert_dataset"):
        fields = {k: v for k, v in slots.find_fields(blank_errors(told_failure)).items() if k not in first.calls[0]["args"]}
        first = Decision("tools", calls=[{"name": first.calls[0]["name"], "args": {**first.calls[0]["args"], **fields}}])  # (its sheet told beside the failure)
    if _look_before_conversion(text, steps, first):  # "先检查一下 FILE,没问题再转千帆": its fields and format, not its quality
        first = Decision("tools", calls=[{"name": "inspect_dataset", "args": {"path": first.calls[0]["args"]["path"]}}])
    elif (first.kind == "tools" and first.calls[0]["name"] == "inspect_dataset" and "path" in first.calls[0]["args"]
          and (waiting := acts.conditional_steps(text)) is not None and len(waiting) > 1 and _CHECK_VERB_OPENS.match(waiting[0])
          and rx.search(r"\b(?:convert|turn|export|train|start|fine-?tune)\b", waiting[1], re.I)):
        # "check FILE, then if it looks ok convert it to alpaca", "check FILE first, and if it's clean convert it": in English the
        # check a later step waits on is the quality check
        first = Decision("tools", calls=[{"name": "check_quality", "args": {"path": first.calls[0]["args"]["path"]}}])
    if len(steps) > 1 and first.kind == "tools" and not set(first.calls[0]["args"]) - {"path"}:
        # "why am I the one picking epochs? give me a suggestion for 900 examples already": the same step asked again, with its values
        again = next((d for d in (plan_step(step, mem, new_files) for step in steps[1:3])
                      if d.kind == "tools" and d.calls[0]["name"] == first.calls[0]["name"]), None)
        if again is not None:
            first = Decision("tools", calls=[{"name": first.calls[0]["name"], "args": {**again.calls[0]["args"], **first.calls[0]["args"]}}])
    if (len(steps) > 1 and first.kind == "tools" and first.calls[0]["name"] == "check_quality" and "ppl" not in first.calls[0]["args"]
            and slots.wants_ppl(text) and all(d.kind != "tools" or d.calls[0]["name"] in ("check_quality", "explain")
                                              for d in (plan_step(step, mem, new_files) for step in steps[1:] if slots.wants_ppl(step)))):
        first.calls[0]["args"]["ppl"] = True  # "帮我跑一遍质检,重复的…都标出来,顺便算下困惑度": the check's own option, said as a step of its own
    if first.kind in ("unknown", "help") and previous is not None and text.strip():
        follow = _follow_up(text, previous[1], mem, new_files)
        if follow is not None:
            return follow
    if previous is None and (first.kind in ("unknown", "help", "maybe") and _AGAIN.search(text)
                             or first.kind in ("unknown", "help", "maybe", "ask_file") and _VALUE_PUT_RIGHT.search(text) and _A_VALUE.search(text)
                             and acts.speech_act(text) not in ("question", "hypothetical", "confirmation") and not acts.PUT_OFF.search(text)):
        blanked = slots.mask(text, [(f.start, f.end) for f in resolve_named(text, mem.attachments)])
        tool = _owner_of_values(blanked)
        if tool:  # "again but csv this time", "再来一次,这回 epoch 调到 3", "sry i meant 3 epochs not 5" with nothing before: what
            # the values belong to; with no file yet the call goes out with them and the guard asks for one (a start still waits
            # for the person's yes)
            redone = plan_step(text, mem, new_files, intent=tool)
            if (tool == "apply_quality_rule" and redone.kind == "tools" and not redone.calls[0]["args"].get("rule")
                    and (decided := review.rule_command(variants.plain_chinese(blanked)))):
                return _rule_decided(decided)  # "刚才那条我说反了。冲突的不是删,是留": the decision put right, for the latest check
            if redone.kind != "ask_file":
                return redone
            said = arguments_for(tool, blanked, mem.results, variants.plain_chinese(blanked))
            if said:
                return Decision("tools", calls=[{"name": tool, "args": said}])
    if first.kind == "unknown" and len(steps) > 1:
        return plan_step(text, mem, new_files)
    if (elsewhere and first.kind == "tools" and first.calls[0]["name"] in CONSEQUENTIAL and first.calls[0]["args"].get("path") == elsewhere[0]
            and not resolve_named(steps[0], mem.attachments) and reading.read(variants.plain_chinese(steps[0]), True).prob < 0.5
            and _acts(whole := plan_step(text, mem, new_files)) and whole.calls[0]["name"] != first.calls[0]["name"]):
        return whole  # "先试水压再走管。在 FILE 上跑个学习率试探,100 步。": a figure of speech read weakly as a start, its file borrowed; the rest asks
    if first.kind == "maybe" and len(steps) > 1 and _acts(whole := plan_step(text, mem, new_files)):
        return whole  # "ok so my day … missed my train, then standup ran 40 min … can you check the 'Claims FAQ' sheet?": a story, then one ask
    if first.kind in ("ask_file", "ask_format") and len(steps) > 1 and (whole := plan_step(text, mem, new_files)).kind == "tools":
        return whole  # "got `Training started: run r_7c19e0` a while ago and then … where's it at?": a story, then one ask
    if (_without_file(first) and len(steps) > 1 and (whole := plan_step(text, mem, new_files)).kind in ("tools", "ask_file")
            and not ((_FIRST_SAID.match(steps[0]) or _steps_listed(text)) and _acts(whole))):  # ("Steps:\n- check quality\n- drop
        # dupes\n- start training": a list of steps, its first item first, which asks for the file)
        return whole  # "> 计划:epoch 8,lr 2e-4…\n没问题,就这样。": a part read alone as a request, with no file, is read with the rest
    return first


# The run step a quoted question names ("> 要从哪个 run 恢复?", "> Which run should I stop?")
# The words that name a step, by its tool: a run's steps (what a quoted question about a run asks) and a file's steps (what a
# correction of its file asks).
_STEP_WORDS = {"resume_training": r"恢复|继续|续训|\bresum|\bcontinu", "stop_training": r"停|\bstop|\bkill",
               "evaluate_run": r"评估|评测|\beval", "training_status": r"状态|进度|\bstatus|\bprogress",
               "check_quality": r"\bcheck\b|检查|质检|查重|\bquality\b|质量|(?:要|该|让你)查(?!看)",
               "start_training": r"\btrain(?:ing)?\b|训练|开训|通用数据|\bgeneral data\b",
               "convert_dataset": r"\bconver(?:t|sion)\b|转换|转成", "add_few_shot": r"few-?shot", "add_cot": r"\bcot\b|思维链",
               "augment_instructions": r"\baugment\w*|指令增强|\brephras\w*"}
_RUN_STEP_WORDS = [(tool, _STEP_WORDS[tool]) for tool in ("resume_training", "stop_training", "evaluate_run", "training_status")]
_FILE_STEPS = [(tool, _STEP_WORDS[tool]) for tool in ("check_quality", "start_training", "convert_dataset", "add_few_shot", "add_cot",
                                                      "augment_instructions")]


def _steps_listed(text: str) -> bool:
    """A list of steps to do under its heading ("Steps:\n- check quality\n- drop dupes\n- start training", "要做的:\n- 查质量…"); not
    a decision said in pieces ("- quality rule\n- placeholder answers\n- drop") nor a report ("the check said:\n- …\ndrop the exact ones")."""
    return bool(_TO_DO_HEADING.match(text)) and list_items(text) is not None


_TO_DO_HEADING = re.compile(r"^\W*(?:steps?|todo|to-?do(?: list)?|(?:the )?plan|要做的|待办|步骤|计划|流程|安排)\W*[:：]\s*\n", re.I)


# A list's markers: "1.", "2)", "(3)", "- ", "• ", "①" at a line's start; circled numbers anywhere ("①跑质检 ②看报告").
# ("P0:", "P1:" and "Step 1: … Step 2: …" mark items too)
_MARKER = re.compile(rf"(?:^|\n)[ \t]*(?:{markers.NUMBER}(?:{markers.NUMBER_END}|[:：])(?!\d)|\({markers.NUMBER}\)|{markers.BULLET}(?=\s)|P[0-4]\s*[:：])[ \t]*|{markers.CIRCLED}\s*|"
                     r"(?:^|(?<=[.。!！]\s)|(?<=[.。!！]))\s*[Ss]tep\s*\d{1,2}\s*[:：.)]\s*|"
                     r"(?:^|(?<=[:：;；,，。\s]))第[一二三四五六](?:步)?\s*[,，、:：]?\s*(?=\S)(?<=[,，、:：\s步])")  # "两个事儿:第一,看看…;第二,…", "第一步把 X 停了,第二步…"
# A to-do box not yet ticked ("[ ]", "☐"), the items it marks, and a message that is only such items (under a heading, maybe).
_BOX = re.compile(rf"(?:^|\n)[ \t]*{markers.BOX_OPEN}(?=\s)[ \t]*")
_TO_DO = re.compile(rf"(?:[^\n]{{1,20}}[:：][ \t]*\n)?(?:[ \t]*{markers.BOX_OPEN}[ \t]+[^\n]+(?:\n|$)){{2,}}")
# Numbers marking the items of a list written on one line, the first opening the message.
_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s))([1-9])[.)、](?![\d.])\s*(?=\S)")
# An item that only labels a value ("文件:x.jsonl", "target: alpaca", "问题字段 query"): the list is one request.
_LABEL_ITEM = re.compile(r"^[^\s:：,，。]{1,12}\s*[:：]|^(?:文件|数据|数据集|file|data|dataset|input)\s*(?:是|为|用|=|is)\s|^(?:问题|答案|推理|question|answer|rationale)\S{0,3}\s*(?:字段|列|field|column)\b", re.I)


# A step said to come before the rest, after it: "…,转之前先检查一下", "…;在此之前把 {{name}} 填成 X", "…,不过推荐之前先看看这个文件",
# "…, but before that drop the garbled ones", "… — but first convert it", "… — but its {{name}} needs to be Lexi first".
_DONE_FIRST = re.compile(
    r"[,，;；。!！—–]\s*(?:哦对了[,，]?\s*|对了[,，]?\s*)?(?:(?:不过|但是?|可是)\s*)?(?:(?:在此|在这|这)之前[,，]?\s*(?:请|得|要|还得)?先?|"
    r"[\u4e00-\u9fffA-Za-z]{1,8}?之前\s*(?:请|得|要|还得|你得|需要)?先|(?:最开始|一开始)\s*(?:得|要|需要)?先|(?:得|要|还得)先|(?:(?<=不过)|(?<=但)|(?<=但是)|(?<=可是))\s*(?:你|请|麻烦你?)?先)(?!别|不)(?P<zh>[^。!！]+)|"
    r"[,.;!—–-]\s*(?:(?:but|and|oh|ok|also)\W+)*(?:before (?:that|this|all (?:of )?that|any of that|doing (?:that|so|it)|"
    r"you (?:do (?:that|it|so)|train|convert|start)(?: it)?|(?:we )?(?:training|converting|starting)(?: it)?)|but first|first,? though)\W+(?P<en>(?:[^.!?]|\.(?=\w))+)|"
    r"[,.;!—–-]\s*(?:but|and|actually(?: no)?,?)\s+(?P<en2>(?:[^.!?]|\.(?=\w))+?\b(?:has|have|needs?) to (?:come|happen|go|be done|be \S+(?: \S+)?) first)\b|"
    # "if loss is still above 1.5 I'm killing it. check run-0901 first": the step said last, marked to come first
    r"[.;!]\s*(?P<en3>(?:check|look at|inspect|show me|evaluate|eval|probe|convert|fill|see)\b(?:[^.!?]|\.(?=\w)){0,40}?)\s+first\W*$|"
    # "Evaluate run cx-19, but confirm it's actually finished first."
    r"[,;]\s*but\s+(?P<en4>(?:confirm|check|make sure|verify)\b[^.!?]{0,60}?)\s+first\W*$", re.I)


# Someone else's aim told, then the step asked of the assistant first: "老板让我把这个喂给模型,你先瞅瞅里面啥情况".
_RELAYED_GOAL = re.compile(r"^(?:\[[^\]]{1,60}\]\s*)?[^。!！?？,，]{0,10}(?:老板|领导|经理|主管|上面|上头|客户|甲方|老师|师傅|同事|组长)(?:让|叫|要)(?:我|咱|我们)"
                           r"[^。!！?？,，]{1,30}[,，]\s*(?:你|您)先(?!别|不)(?P<now>[^。!！?？]+)\W*$")


# Two steps asked for, then the one to do first said last: "先查质量,文件 X", "先做扩增", "Inspect first.", "Do the stop first.".
_DO_FIRST = re.compile(r"(?:[。!！;；]|\.(?=\s)|\s[—–-]+)\s*(?P<last>(?:先做|先(?!别|不))\s*\S[^。!！?？]*|(?:do (?:the )?)?[A-Za-z][\w-]*(?: \w+)? (?:first|before anything else)\b[^.!?]*)\W*$", re.I)
_CLAUSE = re.compile(r"[,，;；。、]|\band\b|\balso\b|和|还要|以及|并且")


def _leaning(clause: str) -> str:
    """The step a clause of a list of steps names, however weakly ("I need to look at this file" leans to the look)."""
    got = intents.classify(variants.plain_chinese(clause))
    return got.name or (got.ranked[0][0] if got.ranked and got.ranked[0][1] > 0 and got.ranked[0][0] != "explain" else "")


def _first_of_two(text: str, mem: Memory, new_files: list[str]) -> Decision | None:
    """Of two steps asked for, the one said to come first (None when the message is not so)."""
    m = _DO_FIRST.search(text)
    if not m:
        return None
    found = resolve_named(text, mem.attachments)
    masked = slots.mask(text, [(f.start, f.end) for f in found], fill="FILE")  # (a file's extension names no format here)
    spans = [(c.start(), c.end()) for c in rx.finditer(r"[^,，;；。]+", text[:m.start()])]
    clauses = [(text[a:b], masked[a:b]) for a, b in spans if text[a:b].strip()]
    clauses = [(c, k) for c0, k0 in clauses for c, k in zip(_CLAUSE.split(c0), _CLAUSE.split(k0)) if c.strip()]
    tools = {_leaning(k) for _, k in clauses} - {""}
    if len(tools) < 2:
        return None
    last = m.group("last")
    named = [f.text for f in found]
    alone = plan_step(last, mem, new_files, fallback_path=named[0] if named else None)
    if _acts(alone) and alone.calls[0]["name"] == "fill_placeholders" and rx.search(r"填|\bfill\b", last, re.I):
        return alone  # "一会儿要开训,还要填 identity.json 的占位符。先填占位符:名字「晓声」,…": the fill, with its values
    # the step the last sentence names, in its own words first ("先停 X" is the stop, however weakly it reads alone)
    tool = intents.classify(variants.plain_chinese(hide_names(last))).name or (alone.calls[0]["name"] if alone.kind == "tools" else "")
    if not tool:
        # "一是看下 FILE 有多少条、啥字段,二是给我建议超参。先看文件": the step whose words the last sentence says again
        said = set(rx.findall(r"[\u4e00-\u9fff]", last)) - set("先做的了吧一下个是把给我那这件事第上在用有要就也都还再和与及对从到") | {
            w.lower() for w in rx.findall(r"[A-Za-z]{3,}", last)} - {"the", "first", "one", "then", "now", "start", "starting", "with"}
        shared = [(len(said & (set(rx.findall(r"[\u4e00-\u9fff]", k)) | {w.lower() for w in rx.findall(r"[A-Za-z]{3,}", k)})), k) for _, k in clauses]
        best = max((n for n, _ in shared), default=0)
        owners = {_leaning(k) for n, k in shared if n == best} - {""}
        if best and len(owners) == 1:
            tool = owners.pop()
    if tool not in tools:
        return None
    same = next((c for c, k in clauses if _leaning(k) == tool), "")
    said = plan_step(same + "," + last, mem, new_files, fallback_path=named[0] if named else None, intent=tool)
    return said if said.kind in ("tools", "ask_file") else None  # ("三件事:开训练、看状态、评估。先开训练吧": which file?)


def _names_its_object(step: str) -> bool:
    """The step names its file or run in full ("check run-0901", "inspect FILE"), not by a bare number ("evaluate 6")."""
    run = names.find_run_id(step)
    return bool(run and rx.search(r"[A-Za-z]", run[0]) or rx.search(r"\bFILE\b|\.\w{2,5}\b", step))


_PLAN_THEN_NOW = re.compile(r"^\W*(?:big picture|the (?:overall |whole |full )?plan(?: is)?|overall plan|roadmap|计划是这样|整体计划|总体计划|大致计划|计划|大方向|路线图)"
                             r"\s*[:：,，]?(?P<plan>[^\n]*?)(?:[。.!！]\s*|\n+)(?P<now>(?:(?:现在|这会儿|今天|眼下)\s*先|先做|现在|now\b|for now\b|right now\b|today\b|"
                             r"kick off\b|start with\b|first\b|just\b)[^\n]*)$", re.I | re.S)
_THEN_ASK = re.compile(r"[。.!！;；]\s*(?:那|那就|那么|所以|so|then)[,，]?\s*(?P<ask>[^。.!！?？]{4,})", re.I)
# A step that only tells: it says what happened ("训练跑完了") or has a subject of its own ("我们的问题都是一个问法", "the model
# keeps…"), not an ask.
_TOLD_FIRST = re.compile(r"了\W*$|(?:上次|上回|上一次|昨天|之前)\S{0,3}(?:训|跑)出来|\blast (?:time|run)\b[^.!?]{0,30}\b(?:was|were|did|came out|turned out)\b|^\W*(?:我们|我|咱们|他们|他|她|它|模型|训练|机器人|the (?:model|bot|data|run)|we|i|it|our|my)(?![A-Za-z])", re.I)
_BEFORE_THEN_FIRST = re.compile(r"^\W*(?P<later>[^,，。;；!！?？\n]{2,40}?)\s*(?:之前|以前)\s*[,，]?\s*(?:请|得|要|你|麻烦)?先\s*(?P<now>[^。;；!！?？\n]+(?:[,，][^。;；!！?？\n]+)*)")
_DATA_FACTS = re.compile(r"跑完|结束|完成|停了|挂了|\bfinished\b|\bdone\b|\bcomplete\b|多少条|条数|字段|格式|\bhow many (?:records|rows|samples|lines)\b|\bfields?\b|\bformat\b|\bcolumns?\b", re.I)
_SEE_PLAN = re.compile(r"耗时|多久|多长时间|计划|确认|\bplan\b|how long|\bestimate|\beta\b|\bconfirm", re.I)


# The line after a list that picks what to do now: "Just do #1 for now.", "先做 1,跑 50 步就行", "For now just fill …", "先处理短答案,保留".
_PICKED = re.compile(r"\n\s*(?:(?:(?:just|only|for now,?|ok(?:ay)?,?|so,?)\s+)*(?:do|run|start with|go with)\s+(?:#|no\.?\s*|number\s+|item\s+|step\s+)?(?P<n>\d)\b"
                     r"|(?:先|只)(?:做|跑|弄|处理|执行)(?:第)?\s*(?P<n2>\d)\s*(?:个|步|项|条)?"
                     r"|(?=(?:for now|just|only)\b|先|只|现在))(?P<rest>[^\n]*)\s*$", re.I)
# An item left for later: "- 乱码的回头再说", "- tone tweaks (later)".
_LEFT_FOR_LATER = re.compile(r"\blater\b|以后|回头|再说|等等|先不|暂时不|\bskip\b|\bnot now\b", re.I)


# Lines pasted before the person's own words: quoted ("> …"), a log line ("INFO: …", "WARN …"), or a report line of
# key/value pairs ("run_id=kefu-v4, final train_loss=0.412", "训练状态:已暂停  进度 62%", "eval_loss: 1.83  train_loss: 0.21").
_PASTED_LINE = (r"[ \t]*(?:>[^\n]*|\$[ \t][^\n]*|(?:[^\s/]+\.(?:jsonl|json|csv|xlsx|xls|tsv|txt)[ \t]*){2,}|(?:INFO|WARN(?:ING)?|ERROR|DEBUG)\b[^\n]*|[^\n]*?(?:\b\w+[ \t]*[=:：][ \t]*[\w.%-]+[^\n]*?){2,}|"
                r"[^\n]{0,40}(?:状态|进度|报告)[:：][^\n]*)\n")
_PASTED_HEAD = re.compile(rf"(?:{_PASTED_LINE})+", re.I)
_RUN_TOOLS = ("training_status", "stop_training", "resume_training", "evaluate_run")
# A step that waits on a run being done, the other way named too: "if run X is done, evaluate it; if not, …", "要是 X 已经结束了…;没结束就…".
_IF_RUN_DONE = re.compile(r"^\W*(?:if|要是|如果|假如)\s*(?:the\s+)?(?:run\s+)?\S+\s*(?:is|has|'s)?\s*(?:already\s+)?(?:已经)?\s*"
                          r"(?:done|finished|complete|over|结束|跑完|训完|完成)[^;；.。\n]{0,60}[;；.。,，]\s*(?:if not|otherwise|else|没(?:结束|跑完|训完|完成)|不然|否则)|"
                          # asked, then both branches: "Is run-991 done? If yes, evaluate it; if not, stop it", "X 跑完了吗?跑完了就评估,没跑完就先停掉"
                          r"^\W*(?:(?:is|has)\s+(?:the\s+)?(?:run\s+)?\S+\s+(?:already\s+)?(?:done|finished|complete|over)|"
                          r"(?:\S+\s*)?(?:已经)?(?:跑完|训完|结束|完成)了?(?:吗|没有?))\s*[?？][^\n]{0,80}?(?:if not|otherwise|没(?:结束|跑完|训完|完成)|不然|否则)", re.I)
# The first step taken back after the turn: "leave that one alone", "先别停", "forget it".
_TAKEN_BACK = re.compile(r"\bleave (?:it|that(?: one)?|them|this(?: one)?)(?: alone| be)?\b|\bit'?s already (?:stopped|done|running|converted)\b|已经停了|先别|别停|不要停|不用停|\bdon'?t stop\b|\bforget (?:it|that)\b|算了(?:先)?不管了?|算了不问了", re.I)
_GO_ON = re.compile(r"^\W*(?:继续|接着(?:跑|来|训)?|恢复|continue|go on|carry on|resume)\W*(?:吧|it|please)?\W*$", re.I)
_HALTED = re.compile(r"暂停|停止|中断|挂了|崩了|stopped|paused|interrupted|crashed|killed|failed", re.I)


# A list's first step said as the first ("First check quality, then …, then train with lora r 16", "先检查质量,再…"): with no
# file yet it is still the first step, never the last one's settings.
_FIRST_SAID = re.compile(r"^\W*(?:(?:first(?:ly)?|first of all|to start|step 1)\b|首先|先|第一步)", re.I)


def _without_file(decision: Decision) -> bool:
    """A call of a tool that needs a dataset, made without one (the tool guard will ask for it)."""
    return decision.kind == "tools" and decision.calls[0]["name"] in NEEDS_PATH and not decision.calls[0]["args"].get("path")


def _acts(decision: Decision) -> bool:
    """The decision is a step to run, not an answer in words nor an explanation."""
    return decision.kind == "tools" and decision.calls[0]["name"] != "explain"


# A table pasted into the message: CSV rows ("run_id,状态\nqa-lora-01,已完成") or Markdown rows ("| e1 | 1e-4 | 3 |"), each cell short.
_TABLE_ROW = re.compile(r"[ \t]*(?:\|[^\n]*\|[ \t]*|(?![ \t]*(?:\d+[.)、]|[-*•]))[^,\n=:：「」“”\"'()（）\[\]{}]{1,16}(?:,[^,\n=:：「」“”\"'()（）\[\]{}]{0,16})+)")
# What a run's state cell says, and the words that point at a run by it ("把已停止的那个恢复了", "the stopped one").
_STATES = (("stopped", r"已?停止|停了|停掉|已暂停|暂停|\bstopped\b|\bpaused\b|\bhalted\b"),
           ("done", r"已?完成|跑完|结束|\bdone\b|\bfinished\b|\bcompleted?\b"),
           ("running", r"运行中|在跑|训练中|进行中|\brunning\b|\bin progress\b"),
           ("failed", r"失败|挂了|崩了|\bfailed\b|\bcrashed\b|\berror\b"))


def _cells(row: str) -> list[str]:
    """A pasted table row's cells: "| a | b |" split at its bars, "a,b,c" at its commas."""
    row = row.strip()
    return [c.strip() for c in row.strip("|").split("|" if row.startswith("|") or row.count("|") >= 2 else ",")]


def _is_rule(cells: list[str]) -> bool:
    """Whether a Markdown table's row is its rule ("|---|:--:|") rather than data."""
    return all(rx.fullmatch(r":?-{2,}:?", c) for c in cells if c)


def _table_rows(text: str) -> tuple[str, list[list[str]]] | None:
    """(the message without its pasted table, the table's rows as cells) when a block of two or more rows with the same
    number of cells is pasted and words of the person's own are left; else None."""
    lines = text.split("\n")
    cells = [_cells(line) if _TABLE_ROW.fullmatch(line) else None for line in lines]
    best, at = (0, 0), 0
    while at < len(lines):
        end = at
        while end < len(lines) and cells[end] is not None and len(cells[end]) == len(cells[at] or []) and len(cells[at] or []) >= 2:
            end += 1
        if end - at > best[1] - best[0]:
            best = (at, end)
        at = max(end, at + 1)
    if best[1] - best[0] < (2 if lines[best[0]].strip().startswith("|") else 3):
        return None  # (a CSV table: its header and two rows at least)
    own = "\n".join(lines[:best[0]] + lines[best[1]:]).strip()
    rows = [row for row in cells[best[0]:best[1]] if not _is_rule(row)]
    return (own, rows) if rx.search(r"[^\W\d_]{2}", own) else None


# A line of a list or a table pasted with the request: "1. x", "2) x", "- x", "• x", "[ ] x", "| a | b |" (not its rule row).
_LISTED = re.compile(rf"[ \t]*(?:(?:{markers.NUMBERED}|{markers.BULLET}|{markers.CIRCLED})[ \t]*(?:{markers.BOX}[ \t]*)?|{markers.BOX}[ \t]*)(?P<item>\S[^\n]*)|[ \t]*\|(?P<row>[^\n]*)\|[ \t]*")
# An item picked by its place: "第2个", "第二行那个", "第三项", "从第一条开始", "row 2", "the second one", "the third category".
_PLACE = re.compile(r"第\s*(?P<zh>[一二两三四五六七八九十]|\d{1,2})\s*(?P<zh_unit>个|行|项|条|类|件|列)(?:那个|的那个|里的)?|"
                    r"\b(?:the\s+)?(?P<en>first|second|third|fourth|fifth|sixth|last)\s+(?P<en_unit>one|row|item|line|category|entry|file|run|column|bullet)\b|"
                    r"\b(?P<en_unit2>row|item|line|entry|bullet)\s*#?(?P<num>\d{1,2})\b", re.I)
_PLACES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "last": -1}


# An item picked by what sets it apart: "最新那个", "the newest one", "the biggest file", "最大的那个", "最早那份".
_BY_PROPERTY = re.compile(r"(?:最新|最近|最旧|最早|最大|最小)的?(?:那个|那份|那一?个|那条|一个|一份)|\bthe (?:newest|latest|most recent|oldest|earliest|biggest|largest|smallest)(?: one| file)?\b", re.I)
_SIZE_UNITS = {"b": 1, "kb": 1e3, "k": 1e3, "mb": 1e6, "m": 1e6, "gb": 1e9, "g": 1e9}


def _property_of(item: str, picked: str) -> float | None:
    """What an item is picked by: its date (as YYYYMMDD) for newest/oldest, its size in bytes for biggest/smallest."""
    if rx.search(r"最大|最小|biggest|largest|smallest", picked, re.I):
        size = rx.search(r"(\d+(?:\.\d+)?)\s*(kb|mb|gb|k|m|g|b)\b", item, re.I)
        return float(size.group(1)) * _SIZE_UNITS[size.group(2).lower()] if size else None
    date = rx.search(r"(20\d\d)[-/.]?(\d\d)[-/.]?(\d\d)", item)
    return float(date.group(1) + date.group(2) + date.group(3)) if date else None


def _picked_by_place(text: str, mem: Memory, new_files: list[str]) -> Decision | None:
    """A list or a table pasted, then the person's own words pick one of its items by its place ("第2个帮我做个质检",
    "第二行那个 loss 死活降不下来,停掉吧", "Drop the third category.", "从第一条开始"): the words read with the item in its
    place (a table row by its first cell, the header row left out); a column by its place in a header line ("Use the last
    column"). None when nothing is listed or no item is picked by place."""
    lines = text.split("\n")
    listed = [(i, m) for i, line in enumerate(lines) if (m := _LISTED.fullmatch(line))]
    own = "\n".join(line for i, line in enumerate(lines) if i not in {i for i, _ in listed}).strip()
    place = _PLACE.search(own) or _BY_PROPERTY.search(own)
    if not place or not rx.search(r"[^\W\d_]{2}", _PLACE.sub(" ", _BY_PROPERTY.sub(" ", own))):
        return None
    if place.re is _BY_PROPERTY:  # "最新那个,先看下格式", "the biggest one": the listed file by its date or size
        items = [m.group("item") or m.group("row") for _, m in listed]
        keyed = [(_property_of(item, place.group(0)), item) for item in items]
        keyed = [(key, item) for key, item in keyed if key is not None]
        if len(keyed) < 2 or len(keyed) != len(items):
            return None
        pick = (min if rx.search(r"最旧|最早|最小|oldest|earliest|smallest", place.group(0), re.I) else max)(keyed, key=lambda k: k[0])[1]
        file = rx.search(r"[\w./-]+\.(?:jsonl?|csv|xlsx?|tsv)\b", pick)
        said = own[:place.start()] + f" {file.group(0) if file else pick.split()[0]} " + own[place.end():]
    else:
        said = _placed_item(own, place, lines, listed)
        if said is None:
            return None
    step = plan_step(said.strip(), mem, new_files)
    return step if _acts(step) else None


def _placed_item(own: str, place: re.Match, lines: list[str], listed: list[tuple[int, re.Match]]) -> str | None:
    """The person's words with the item picked by its place ("第2个", "row 2", "the last column") put in, or the item alone when
    the words only say to start with it; None when the place is past the list."""
    n = _PLACES.get((place.group("en") or "").lower()) or int(place.group("num") or 0) or int(parse_number(place.group("zh") or "") or 0)
    unit = (place.group("zh_unit") or place.group("en_unit") or place.group("en_unit2") or "").lower()
    if unit in ("列", "column"):
        header = next((line for line in lines if line.count("|") >= 2 or line.count(",") >= 2), None)
        items = [c for c in _cells(header) if c] if header else []
    else:
        rows = [_cells(lines[i]) for i, m in listed if m.group("row") is not None]
        cells = [row for row in rows if not _is_rule(row)]
        if rows and len(cells) >= 2 and _is_rule(rows[1]):
            cells = cells[1:]  # the header row, above its rule
        items = [row[0] for row in cells] if rows else [m.group("item").strip() for _, m in listed]
    if len(items) < 2 or not n or abs(n) > len(items):
        return None
    item = items[n - 1] if n > 0 else items[-1]
    rest = (own[:place.start()] + " " + own[place.end():]).strip()
    if not intents.classify(variants.plain_chinese(rest)).name and rx.search(r"开始|先|\bstart\b|\bfirst\b|\bbegin\b", rest, re.I) and unit not in ("列", "column"):
        return item  # "[ ] 看看 X 是什么格式\n[ ] 转 openai\n从第一条开始": the item is the step
    named = f" the '{item}' column " if unit == "column" else f" “{item}”列 " if unit == "列" else f" {item} "
    return own[:place.start()] + named + own[place.end():]


def _after_table(text: str, mem: Memory, new_files: list[str]) -> Decision | None:
    """A table pasted with the request (a run list, a distribution, a config): the person's own words say what to do; a run is
    named by its row (its name said again, or its state: "把已停止的那个恢复了"), a setting by a key,value row."""
    table = _table_rows(text)
    if table is None:
        return None
    own, rows = table
    settings = [f"{row[0]}={row[1]}" for row in rows if len(row) == 2 and rx.fullmatch(r"[A-Za-z_]\w{0,20}", row[0])
                and rx.fullmatch(r"[\d.]+(?:e-?\d+)?%?", row[1], re.I)]
    step = plan_step(own + ("\n" + " ".join(settings) if settings else ""), mem, new_files)
    if not _acts(step):
        return None
    call = step.calls[0]
    if call["name"] in _RUN_TOOLS and "run_id" not in call["args"]:
        firsts = [row[0] for row in rows if row and rx.fullmatch(r"[A-Za-z0-9][\w.-]{0,30}", row[0])]
        said = [name for name in firsts if rx.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", own)]
        stated = [state for state, words in _STATES if rx.search(words, own, re.I)]
        by_state = [row[0] for row in rows if stated and any(rx.search(dict(_STATES)[stated[0]], c, re.I) for c in row[1:])]
        pick = said[-1:] or (by_state if len(by_state) == 1 else [])
        if pick:
            call = {"name": call["name"], "args": {"run_id": pick[0], **call["args"]}}
    whole = plan_step(text, mem, new_files)  # what the table's cells give for the same step ("| FILE | 指令增强 | 25% |"), no run
    if _acts(whole) and whole.calls[0]["name"] == call["name"]:
        call = {"name": call["name"], "args": {**{k: v for k, v in whole.calls[0]["args"].items() if k != "run_id"}, **call["args"]}}
    if call["name"] in ("convert_dataset", "inspect_dataset") and rx.search(r"表头|\bheaders?\b", own, re.I):
        # "…帮我转成千帆格式,问题列和答案列就按表头来": the header row names the columns
        for role, words in (("question_field", r"问题|提问|question|prompt|query|instruction"), ("answer_field", r"答案|回答|回复|answer|response|reply")):
            cell = next((c for c in rows[0] if rx.fullmatch(rf"\w*(?:{words})\w*", c, re.I)), None)
            if cell and role not in call["args"]:
                call = {"name": call["name"], "args": {**call["args"], role: cell}}
    return Decision("tools", calls=[call])


def _after_pasted_lines(text: str, mem: Memory, new_files: list[str]) -> Decision | None:
    """"INFO: run 8c1e9d queued at 09:41\nis it actually running yet? check", "> 已将 X 转换为 alpaca 格式\n错了,我要的是 openai 格式":
    the lines pasted from a report, a log or the assistant say what it is about; the person's own last words what to do.
    None when no lines are pasted, or when the person's own words are long enough to be read with them."""
    pasted = _PASTED_HEAD.match(text) if not rx.match(rf"\s*{markers.BOX_OPEN}\s", text) else None  # (a to-do list's boxes: no paste)
    own = text[pasted.end():].strip() if pasted else ""
    if own and rx.match(r"[ \t]*\$[ \t]", pasted.group(0)) and resolve_named(own, mem.attachments):
        return plan_step(own, mem, new_files)  # "$ ls qianfan/\nfile.jsonl  qa.csv\n把 qianfan/qa.csv 转成 openai": a shell's listing, then the request
    if not own or not (len(own) <= 24 or acts.correction(own) is not None or _GO_ON.match(own)
                       or acts.speech_act(own) in ("question", "hypothetical")):
        return None
    head = pasted.group(0)
    asked = [f.text for f in resolve_named(head, mem.attachments)]
    quoted_step = next((name for name, words in _RUN_STEP_WORDS if rx.search(words, head, re.I)), "") if names.bare_run_id(own) else ""
    step = plan_step(acts.correction(own) or own, mem, new_files, fallback_path=asked[0] if asked else None,
                     intent=quoted_step if quoted_step in _RUN_TOOLS else None)  # ("> 要从哪个 run 恢复?\nrun-0703-b": the quoted question's step)
    run = names.find_run_id(head)
    if run and not _acts(step):
        step = plan_step(f"{run[0]}: {own}", mem, new_files)  # "run 8c1e9d queued…\nis it actually running yet? check"
    if not _acts(step) and _GO_ON.match(own) and _HALTED.search(head):
        step = Decision("tools", calls=[{"name": "resume_training", "args": {}}])  # "训练状态:已暂停…\n继续吧"
    if (step.kind == "tools" and step.calls[0]["name"] == "stop_training" and not run and not names.find_run_id(own)
            and (ruled := review.rule_named(head)) and review.decision(own) == "drop"):
        # '> "Found 42 near-duplicate pairs…"\njust nuke those': a drop of what the pasted report found, no run stopped
        step = Decision("tools", calls=[{"name": "apply_quality_rule", "args": {"rule": ruled, "decision": "drop"}}])
    if _acts(step):
        call = step.calls[0]
        named_run = {"run_id": run[0]} if run and call["name"] in _RUN_TOOLS and "run_id" not in call["args"] else {}
        whole = plan_step(text, mem, new_files)  # what the pasted lines give for the same step ("rationale column: working")
        given = whole.calls[0]["args"] if whole.kind == "tools" and whole.calls[0]["name"] == call["name"] else {}
        return Decision("tools", calls=[{"name": call["name"], "args": {**given, **call["args"], **named_run}}])
    if acts.speech_act(own) in ("question", "hypothetical"):  # "质检报告:answer_is_question 15 条\n这一项指的是什么?"
        return Decision("tools", calls=[{"name": "explain", "args": {"question": text.strip()}}])
    return None


# A question the person answers at once, then a request: "乱码的留着有用吗?没用,…把乱码的删了", "Is it ready? No — train it first".
# A question let go, then a request: "为啥要算困惑度?哦好吧,那你给 FILE 做个质量检查", "why does CoT help? actually never mind, just add it".
_SELF_ANSWERED = re.compile(r"^(?P<q>[^?？\n]{2,120}[?？])\s*(?:不能|不行|不会|没有|没用|不是|不知道|不够|当然不|当然|是的|对|能|会|有|可以|"
                            r"(?:哦|噢|嗯|唉|哎)?\s*(?:好吧|行吧|算了|罢了|也罢|行|好)|嗯+|"
                            r"(?:no|nope|yes|yeah|yep)(?:,? (?:i|we) (?:do|don'?t|am|want (?:it|that|them)))?|of course not|of course|not really|"
                            r"(?:actually |oh |ok(?:ay)?,? )?never ?mind(?:,? i'?ll decide)?|forget it|我决定了|决定了|i'?(?:ve|ll) decided?)"
                            r"\s*[,，.。!！—–:：-]+\s*(?P<rest>\S.*)$", re.I | re.S)


# An explanation asked with a step, in an order: after it ("…, and then explain why few-shot helps", "推荐完再顺便讲讲为啥这么设",
# "把 RUN 停了。停了之后还能恢复吗?") or before it ("Explain the difference … first, then convert my csv", "walk me through why …,
# and then suggest settings").
_EXPLAIN_AFTER = re.compile(r"(?:[,，;；]\s*|\s+)(?:and\s+)?(?:then\s+)?(?:[\u4e00-\u9fff]{0,3}完(?:了)?再|然后再?|之后再?|再)?\s*(?:顺便)?"
                            r"(?:讲讲|讲一下|解释一下|说说|explain)\s*(?:一下)?\s*(?:为啥|为什么|(?:why|how)\b)[^\n]*$", re.I)
_EXPLAIN_FIRST_THEN = re.compile(r"^\W*(?:(?:please|pls)\s+)?(?:(?:explain|walk me through|tell me)\b[^\n]*?\bfirst\b[^\n]*?\bthen\b|先(?:讲讲|讲一下|解释一下|说说)[^\n]*?(?:然后|再))", re.I)
_ASKED_AFTER = re.compile(r"(?<=[。!！])\s*|(?<=[^.]\.)\s+|——|—(?=\s*\S)")  # (not the dot of "x.jsonl", nor an ellipsis)


def _explained_in_order(text: str, mem: Memory, new_files: list[str]) -> Decision | None:
    """The first of an explanation and a step asked together, in the order the message puts them; None otherwise."""
    if rx.search(r"\{\w*\}", text):
        return None  # (templates listed: their question marks are theirs)
    if _EXPLAIN_FIRST_THEN.match(text):
        return Decision("tools", calls=[{"name": "explain", "args": {"question": text.strip()}}])
    after = _EXPLAIN_AFTER.search(text)
    cut = after.start() if after and after.start() > 0 else None
    if cut is None:
        split = next((m for m in _ASKED_AFTER.finditer(text) if m.start() > 0), None)
        if split is None or "?" in text[:split.start()] or "？" in text[:split.start()] or not rx.search(r"[?？]\s*$", text[split.end():]):
            return None
        cut = split.start()  # "把 RUN 停了。停了之后还能恢复吗?checkpoint 存哪了?": the step, then questions about it
        if rx.search(r"\bwhy\b|为什么|为啥|怎么回事", text[cut:], re.I) or acts.changed_mind(text[:cut]) is not None:
            return None  # ("Eval keeps saying `…dropped 12%` — why would that happen?", "stop X... hmm no, let it finish. what's its loss?")
    first = text[:cut].strip()
    if _DONE_MYSELF.search(first) or rx.match(r"\W*(?:我)?(?:已经)?(?:试过|尝试过)|\W*(?:i(?:'ve| have)? )?(?:already )?tried\b", first, re.I):
        return None  # ("重复的我自己在 Excel 里删了。下一步该干嘛?": done by hand, told, then a question)
    if acts.speech_act(text) == "hypothetical" or acts.opens_hypothetical(first):
        return None  # ("If I don't not drop the conflicting pairs — i.e. I drop them — would …?": a what-if)
    if rx.search(r"\bwhich\b|\bshould (?:i|we)\b|哪个|要不要|该不该", text[cut:], re.I):
        return None  # ("long answers: 1 keep 2 drop — honestly which would you pick, and why?": the choice asked about)
    decided = review.rule_command(first) and rx.search(r"(?:留着|保留|删|丢掉|去掉|\bkeep|\bdrop|\bremove)\S{0,3}\s*(?:吧|掉|了|them|it)?\W*$", first, re.I)
    if acts.speech_act(first) != "command" or not (acts.opens_with_command(first) or _IMPERATIVE_START.match(first) and not rx.match(r"\W*run\b", first, re.I)
                                                   or decided):  # ("留着短答案吧——对了,…阈值是多少?": a decision)
        return None
    step = plan_step(first, mem, new_files)
    if not _acts(step):
        return None
    # the step with all the message says of it, its questions left out ("…比例 10%。推理过程在 解题思路 那一列。我应该说清楚了吧?")
    body = " ".join(part for part in rx.split(r"(?<=[。!！?？])|(?<=[^.]\.)\s+", text) if not rx.search(r"[?？]\s*$", part))
    whole = plan_step(body, mem, new_files, intent=step.calls[0]["name"]) if body.strip() and body.strip() != first else step
    return whole if _acts(whole) and whole.calls[0]["name"] == step.calls[0]["name"] else step


# Where a question ends: its mark, or "呢" trailing off ("…哪个好呢…算了,直接用 X").
_QUESTION_END = re.compile(r"[?？]+|(?:(?<=[呢吗])|(?<=会怎样)|(?<=会怎么样))(?=\s*(?:…+|\.{3,}))")
# How the person's decision after a question opens: "算了,删吧", "那还是留着", "ok then …", "eh let's just go with 80", "no, that's
# dumb, drop those"; or a plain order ("评一下 RUN", "给 FILE 加 50 条 cot").
_DECIDING = re.compile(r"\W*(?:(?:嗯+|呃|hmm+|um+|uh+|oh|well)\W*)*(?:算了|那(?!个|列|些)|行吧|好吧|不管了|不纠结了|无所谓|直接|(?:ok(?:ay)?|fine|eh|hm+|no|nah|yeah|yes|yep|prob(?:ably)? yes|forget|whatever|anyway|just|then|so)\b|"
                       r"doesn'?t matter|never ?mind|not worth|let'?s\b|go with\b|[^,，]{1,24}[,，]\s*(?:ok|so)\b)", re.I)
_IMPERATIVE_START = re.compile(r"\W*(?:先(?=[推看查转加停跑做给把帮])|请(?!予|回答|说明)|帮我|给|把|评一下|用|(?:drop|stop|convert|add|start|run|do|check|evaluate|resume|probe|fill|keep|remove)\b)", re.I)
# A verb of a step said in the rest ("kill it", "Then stop RUN", "先帮我把 FILE 转成 alpaca"): the rest names its own step.
_VERB_OF_A_STEP = re.compile(r"\b(?:stop|kill|halt|resume|convert|evaluate|eval|check|test|add|start|run|drop|keep|remove|probe|inspect|open|fill|do (?:it|that))\b|"
                        r"停|恢复|续|转|评估|评一下|查|加|删|留|跑|看|测|填", re.I)
_EXPLAIN_FIRST = re.compile(r"讲(?:明白|清楚)|解释|说明|研判|我再(?:决定|定)|只是问问|(?:就是|只是)好奇|请勿|\bexplain\b|\bthen i'?ll decide\b|^\W*(?:just |i'?m )?asking\b|"
                            r"\bjust wondering\b|\bnot doing it\b|\bno action\b|\bplease answer\b|\btell (?:them|me|us)\b|讲解|答复|回答一下|\bdo nothing\b|\bonly foresee\b|先别动|别操作|暂勿|勿执行|不要执行|先别执行|"
                            r"\b(?:trying|want|wanted) to (?:understand|know|learn)\b|想(?:了解|搞清楚|弄明白)", re.I)
_EITHER = re.compile(r"\bor\b|还是|\bvs\.?\b|不行的话|哪(?:个|一)")  # "Check status or just stop it?", "三成不行的话两成五?"


def _decided_after_question(text: str, mem: Memory, new_files: list[str]) -> Decision | None:
    """A question, then the person's own decision after it: "要是把乱码的都删了会不会少很多数据?算了,删吧", "would a 50-step
    probe be enough? eh let's just go with 80 on FILE", "Check status or just stop it? eh, status first: RUN". The step the
    rest asks for (the one the question names when the rest names none), with the file, run, rule or settings the question
    names. None when nothing but a question is asked, or the rest is no decision (a remark, a condition, a change of mind the
    change-of-mind reading takes)."""
    ends = list(_QUESTION_END.finditer(text))
    if not ends or text.lstrip().startswith(">"):
        return None  # (a quoted question answered: the quoted reply's reading)
    question, rest = text[:ends[-1].end()], text[ends[-1].end():].strip(" ….,，;；")
    if (not rx.search(r"\w", rest) or acts.speech_act(rest) != "command" or acts.is_request(question) or acts.only_view_asked(rest) or acts.only_asides(rest)
            or acts.speech_act(question) not in ("question", "hypothetical") and not _EITHER.search(question)
            or rx.search(r"\bplan\b|计划|方案", question, re.I) or reading.just_asking(text) or _EXPLAIN_FIRST.search(rest)
            or rx.match(r"\W*(?:if|要是|如果|假如)\b", rest, re.I)  # ("any dupes in here? if it's ok convert to qianfan after": a condition)
            or rx.search(r"(?:之后|以后|的时候)\W*$|\bafter(?: that| it)?\W*$", rest, re.I)  # ("原文件会被改吗?给 FILE 加 CoT 之后。": when, asked)
            or rx.search(r"\{\w*\}", text)  # (templates listed: "{q}?麻烦解答一下" is a template's question mark)
            or acts.changed_mind(rest) is not None  # ("4? Too long for the context. 2. Yeah, k=2, …": the change-of-mind reading)
            or acts.asks_definition(question) and not resolve_named(rest, mem.attachments) and not names.find_run_id(rest)):
        return None  # ("ppl是什么意思?检查质量的时候老看到这个词": a definition asked, then where it was seen; "…?先讲明白,我再决定")
    sentences = [part for part in rx.split(r"(?<=[。!！;；])|(?<=[^.]\.)\s+", rest) if rx.search(r"\w", part)]
    if not any(_DECIDING.match(part) or _IMPERATIVE_START.match(part) or acts.opens_with_command(part) or acts.is_request(part) for part in sentences):
        return None  # ("How many epochs is too many? The manual mentions the model forgetting things.": a remark, no decision)
    if not _EITHER.search(question) and not acts.opens_hypothetical(question) and _acts(plan_step(question, mem, new_files)):
        return None  # ("Which placeholders are still left in FILE? Just list them for me.": the question is the request)
    own = intents.classify(variants.plain_chinese(hide_names(rest))).name
    if not own and rx.search(r"没事了|不用了|\bthat'?s all\b|\bnothing else\b", rest, re.I):
        return Decision("unknown", reply=replies.NOTED[replies.language(text)])  # "epoch 调大会不会遗忘?会的,手册写了。行吧那没事了,谢谢~"
    if intents.says_yes(rest) and not own and not review.decision(rest) and not rx.search(r"\d", rest):
        return None  # ("Is it right? … yep it does. go ahead": a yes to what was shown)
    asked = [f.text for f in resolve_named(question, mem.attachments)]
    if len(set(asked)) > 1 and (picked := focus.meant(text, asked)):
        asked = [picked]  # "is it qa.csv or qa_v2.csv? the v2 one. check quality": the one settled on
    ruled = review.rule_named(question)
    if ruled and not review.rule_named(rest) and (decision := review.decision(rest)) and own in ("", None, "apply_quality_rule", "check_quality", "inspect_dataset"):
        # "what if I keep X? no, that's dumb, drop those", "Are placeholder rows harmful? Remove them from FILE either way."
        named_rest = [f.text for f in resolve_named(rest, mem.attachments)]
        path = (named_rest or [None])[0]
        return Decision("tools", calls=[{"name": "apply_quality_rule", "args": {"rule": ruled, "decision": decision, **({"path": path} if path else {})}}])
    probed = probe.asks_probe(question) or rx.search(r"\bprob(?:e|ing)\b|探测|探一下", text, re.I)
    own_score = intents.classify(variants.plain_chinese(hide_names(rest))).score
    unnamed_rest = slots.mask(rest, [(f.start, f.end) for f in resolve_named(rest, mem.attachments)], fill="FILE")  # ("…_clean.jsonl" names no check)
    own_unnamed = intents.classify(variants.plain_chinese(hide_names(unnamed_rest))).name
    named = ("probe_learning_rate" if probed and (own in ("", None, "start_training", "suggest_hyperparameters", "probe_learning_rate") or own_score <= 2
                                                  or own_unnamed in ("", None, "start_training", "suggest_hyperparameters", "probe_learning_rate")) else None)
    firm = intents.classify(variants.plain_chinese(hide_names(question)))
    told = any(_IMPERATIVE_START.match(part) or acts.opens_with_command(part) or _VERB_OF_A_STEP.search(part) for part in sentences)
    if not named and not told and firm.name not in ("", "explain") and (own_score <= 2 and firm.score >= 2 or firm.score >= 4 and own and own != firm.name
                                                                        and not _EITHER.search(question)):
        # ("can I resume the one that crashed? I'm not sure it's allowed… but I'd like to try", "How many examples per few-shot
        # sample, 4? Too long for the context. 2. Yeah, k=2, on FILE": the step the question names firmly, the rest's values)
        named = firm.name
    step = (plan_step(rest, mem, new_files, fallback_path=asked[0] if asked else None, intent=named) if named
            else _answer_step(text, rest, mem, new_files, asked[0] if asked else None))
    if (not _acts(step) or step.calls[0]["name"] in ("start_training", "inspect_dataset")) and not own_unnamed:
        # ("if I add CoT to everything…? hm. fine, just 5% on FILE": the step the question names, the rest's amount; a file's own
        # words name no step: "…30% of reasoning_qa.jsonl. Add it.")
        then = next((name for name, score in intents.classify(variants.plain_chinese(hide_names(question))).ranked
                     if name not in ("explain", "start_training", "inspect_dataset") and score >= 1.5), None)
        step = plan_step(rest, mem, new_files, fallback_path=asked[0] if asked else None, intent=then) if then else step
    if not _acts(step):
        return None
    call = step.calls[0]
    if call["name"] in _RUN_TOOLS and "run_id" not in call["args"] and resolve_named(rest, mem.attachments):
        return None  # ("…? Obviously yes. Run the check on FILE": a file's step, not a run's)
    if (not own and not named and _acts(whole := plan_step(text, mem, new_files)) and whole.calls[0]["name"] != call["name"]
            and whole.calls[0]["name"] not in CONSEQUENTIAL):
        return None  # ("Do I need a quality pass first? Obviously yes. Run the check on FILE": the whole message names the step better)
    if call["name"] == "probe_learning_rate" and "steps" not in call["args"] and (bare := rx.search(r"(?<![\w.])(\d{2,4})(?![\w.%])", rest)):
        call = {"name": call["name"], "args": {**call["args"], "steps": int(bare.group(1))}}  # "eh let's just go with 80 on FILE"
    if call["name"] in _RUN_TOOLS and "run_id" not in call["args"] and (run := names.find_run_id(question)):
        call = {"name": call["name"], "args": {"run_id": run[0], **call["args"]}}
    if (said := plan_step(question, mem, new_files, intent=call["name"])).kind == "tools" and said.calls[0]["name"] == call["name"]:
        # "would rewording half the prompts help? prob yes, so do it on FILE", "要是换 Qwen2-1.5B 当底座呢?不纠结了,直接用它训 FILE",
        # "全量微调的话,1.5 万条数据该配什么参数?帮我出一套超参": what the question set, taken along (the rest's own values win)
        call = {"name": call["name"], "args": {**{k: v for k, v in said.calls[0]["args"].items() if k != "path"}, **call["args"]}}
    return Decision("tools", calls=[call])


# An understanding checked, then the request: "…, right? OK then …", "…对吧?那…".
_CHECKED_THEN = re.compile(r"^(?P<q>[^?？\n]{3,240}?(?:\bright|\bcorrect|对吧|是吧|对不对|没错吧)\s*[?？])\s*(?:(?:ok(?:ay)?|good|cool|great|yes|yep|yeah|alright|perfect|"
                           r"好的|好|行|嗯|对)\s*[,，.!！]?\s*)?(?:then\b|那就?|那么)?\s*[,，]?\s*(?P<rest>\S.*)$", re.S | re.I)
# A question about the data, then a step said to wait on the answer: "…有多少条?看完顺手转成jsonl", "…? convert it if it's over 1k".
_LOOK_ASKED_FIRST = re.compile(r"^(?P<q>[^?？\n]{2,100}[?？])\s*(?P<rest>(?=[^\n]*(?:看完|看过|看了再|\bif (?:it'?s|it is|there (?:are|is)|they|it has)\b|如果|要是|超过|\bover \d|\bonce\b))\S[^\n]*)$", re.I)


_HEADING_WORD = re.compile(r"^(?:(?:the |my |our |today'?s )?(?:steps?|plan|todo|to-?do|tasks?|checklist|pipeline)|步骤|计划|任务|流程|待办(?:事项)?|今天的?(?:任务|计划))\W*$", re.I)


def list_items(text: str) -> list[str] | None:
    """The steps of a request written as a list ("1. read x.csv …\n2. tell me …", "- r-5521 先停\n- …",
    "步骤如下:①…②…"), in order. An item that does nothing alone (a setting, a file, a value: "- 48 步",
    "2. Question column = …") belongs to the step before it, and a heading ("Eval checklist for run X:") to the first
    step. A list of labelled values ("· 文件:x.jsonl\n· 目标:alpaca") is one request. None when ``text`` is no list, or
    when its first item does nothing alone ("1. dataset: x.csv\n2. …": one request told in parts)."""
    marks = list(_MARKER.finditer(text))
    if (len(marks) < 2 and _TO_DO.fullmatch(text.strip())
            and len({_acts_alone(line) for line in _BOX.split(text)[1:] if line.strip()}) >= 2):
        # "[ ] 填 FILE…\n[ ] 评估", "To do:\n☐ …\n☐ …": a to-do list and nothing else, none ticked, its items more than one step
        # ("[ ] {{name}} 换成 X\n[ ] {{author}} 换成 Y" is one)
        marks = list(_BOX.finditer(text))
    inline = list(_INLINE_NUMBER.finditer(text))
    if len(marks) < 2 and len(inline) >= 2 and inline[0].start() == len(text) - len(text.lstrip()) and (
            [int(m.group(1)) for m in inline] == list(range(1, len(inline) + 1))):
        marks = inline  # "1. 先看看 FILE 2. 再转成 sharegpt", "1. drop the placeholder ones 2. keep the long answers": a list on one line
    if len(marks) < 2:
        # "流程如下\n1 转openai格式\n2 加few-shot k=2\n先做1吧": lines numbered 1, 2, … with a space only, one of them picked
        numbered = list(rx.finditer(r"(?m)^[ \t]*([1-9])[ \t]+(?=\S)", text))
        if len(numbered) >= 2 and [int(m.group(1)) for m in numbered] == list(range(1, len(numbered) + 1)):
            chosen = _item_marked_now(text, numbered)
            return [chosen] if chosen is not None else None
        return None
    chosen = _item_marked_now(text, marks)
    if chosen is not None:
        return [chosen]
    picked = _PICKED.search(text)
    if picked and picked.start() > marks[-1].end():
        # "Plan for today:\n1. convert …\n2. …\nJust do #1 for now.", "…\n先做 1,跑 50 步就行": the item picked, with what the
        # last line adds; "…\n先处理短答案,保留", "…\nFor now just fill the name and company": that request, with the items not left for later
        items = [text[m.end():(marks[i + 1].start() if i + 1 < len(marks) else picked.start())].strip(" \t\n;；,，")
                 for i, m in enumerate(marks)]
        number = picked.group("n") or picked.group("n2")
        if number and 0 < int(number) <= len(items):
            return [items[int(number) - 1] + ", " + picked.group("rest").strip(" ,，")]
        if not number and (_acts_alone(picked.group(0)) or review.decides(picked.group(0))):
            return [picked.group(0).strip() + "\n" + "\n".join(i for i in items if i and not _LEFT_FOR_LATER.search(i))]
    head = text[:marks[0].start()].strip()
    items = [text[m.end():(marks[i + 1].start() if i + 1 < len(marks) else len(text))].strip(" \t\n;；,，")
             for i, m in enumerate(marks)]
    items = [rx.sub(r"^\[\s?\]\s*", "", i) for i in items if i]  # ("- [ ] quality check on FILE": a box not yet ticked)
    if len(items) < 2:
        return None
    if head and (rx.search(r"(?:templates?|模板|说法|问法|phrasings?|wordings?)[^:：\n]{0,30}[:：]\s*$", head, re.I)
                 or rx.search(r"\b(?:these|the following)\s*[:：]\s*$|(?:以下|如下|下面这些)\S{0,4}[:：]\s*$", head, re.I) and _AUGMENT_WORDS.search(head)):
        return None  # "Augment FILE with these templates:\n- …\n- …", "…:\n1. 请回答:{question}": the items are the templates
    if all(_LABEL_ITEM.search(i) for i in items):
        return [(head + " " if head else "") + ", ".join(items)]
    if head and not rx.search(r"[:：]\s*$", head) and not _HEADING_WORD.match(head):
        return None  # a request before the list: the list holds its details (a heading, "## Steps", "TODO", holds none)
    if _LABEL_ITEM.search(items[0]) or not _acts_alone(items[0]):
        return None
    steps = [items[0]]
    for item in items[1:]:
        own = _acts_alone(item) if not _LABEL_ITEM.search(item) else ""
        # ("1. inspect FILE\n2. convert to openai\n3. check quality": a short item with a step of its own is that step)
        # ("- [ ] drop the garbage", "- [ ] convert": a verb of ours alone, a step of its own though it names nothing to act on)
        bare_step = not own and len(item.split()) <= 4 and rx.match(r"\W*(?:(?:drop|remove|delete|convert|start|train|eval\w*|stop|resume)\b|开训|训练|评估|停|恢复)", item, re.I)
        if (_detail(item) and not (own and own != _acts_alone(steps[-1]) and _STEP_VERB.search(item) or bare_step)
                or (slots.find_fields(item) or amounts.count_args(item)) and own in ("", _acts_alone(steps[-1]))):
            steps[-1] += ", " + item  # "- 48 步", "- {{author}} → Orbit", "2. Question column = …": more of the step before;
            # ("- 推理过程在「解题思路」那一列", "- 先加 100 条试试": a field or a count, nothing else or the same step again)
        else:
            steps.append(item)
    if head:
        steps[0] = head + " " + steps[0]
    return steps


# The item to do now, marked on its line ("② 加COT,200条 ← 做这个", "- [ ] 看进度  <- 现在") or picked by its number after the
# list ("→ 执行2", "现在做2", "做第一步", "先做1吧"); items done or skipped ("(已完成)", "[x]", "(跳过)") are never it.
_NOW_MARK = re.compile(r"\s*(?:←|<-+|⬅|👈)\s*(?:做这个|现在做?|当前|就这个|this one|this|now|do this)?\W*$", re.I)
_DO_NUMBER = re.compile(r"(?:→\s*)?(?:执行|现在做|先做|做|\bdo\b|\brun\b)\s*(?:(?:第|#|no\.?\s*|step\s*)?\s*(?P<n>\d)(?![\d.%])|"
                        r"第\s*(?P<z>[一二三四五六])|(?P<z2>[一二三四五六])\s*(?=步|项))\s*(?:步|个|项)?(?:吧|啊)?", re.I)
_DONE_ITEM = re.compile(r"[(（]\s*(?:已完成|已做|完成了?|跳过|skip(?:ped)?|done)\s*[)）]|^\s*\[[xX✓]\]", re.I)
_ZH_ORDINAL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}


def _item_marked_now(text: str, marks: list[re.Match]) -> str | None:
    """The item marked or picked to do now, with the details written after the list; None when none is."""
    marks = [m for m in marks if m.start() == 0 or text[m.start()] in "\n \t" or text[m.start() - 1] == "\n"]  # items that open a line
    # ("第一步里…" is no item)
    if len(marks) < 2:
        return None
    spans = [(m.end(), marks[i + 1].start() if i + 1 < len(marks) else len(text)) for i, m in enumerate(marks)]
    firsts = [text[a:b].split("\n", 1)[0] for a, b in spans]
    last_line_end = spans[-1][0] + len(firsts[-1])
    tail = text[last_line_end:].strip()
    chosen = next((i for i, line in enumerate(firsts) if _NOW_MARK.search(line)), None)
    if chosen is None:
        picks = list(_DO_NUMBER.finditer(tail))
        if len(picks) == 1:
            n = picks[0].group("n") or picks[0].group("z") or picks[0].group("z2")
            chosen = (int(n) if n.isdigit() else _ZH_ORDINAL[n]) - 1
            tail = (tail[:picks[0].start()] + tail[picks[0].end():]).strip(" ,，。;；\n")
    if chosen is None or not 0 <= chosen < len(firsts) or _DONE_ITEM.search(firsts[chosen]):
        return None
    item = _NOW_MARK.sub("", rx.sub(r"^\s*\[[ xX✓]?\]\s*", "", firsts[chosen])).strip(" ,，;；")
    tail = rx.sub(r"(?:^|[,，。;；])\s*\d\s*已经?(?:搞定|完成|做完)了?", "", tail).strip(" ,，。;；\n")  # "1已经搞定了": done, no step
    return item + (", " + tail if tail else "")


_DETAIL_NOISE = re.compile(r"\{\{[^{}]*\}\}|[\"'“”‘’「」『』`][^\"'“”‘’「」『』`\n]{0,60}[\"'“”‘’「」『』`]|\d+(?:\.\d+)?(?:e-?\d+)?%?|[→=:：+/&-]", re.I)


# A verb that opens a step of its own: "convert to openai", "check quality", "转 csv", "质检一下".
_STEP_VERB = re.compile(r"^\W*(?:please\s+)?(?:convert|check|inspect|look at|evaluate|eval|stop|resume|train|start|probe|add|augment|fill|suggest|"
                        r"转|检查|质检|看看|评估|停|恢复|续训|开训|训练|加|扩充|填|推荐)", re.I)


def _detail(item: str) -> bool:
    """A list item that only gives a detail of the step before it: a labelled value, a file, a setting, a field, a
    placeholder's value ("数据 x.jsonl", "48 步", "{{author}} → Orbit Data Team", "Question column = q")."""
    if _LABEL_ITEM.search(item):
        return True
    if review.rule_command(item) is not None and review.decides(item) and not slots.find_fields(item):
        return False  # "2. keep the long answers": a decision of its own, however short
    if amounts.find_mix(item) and not amounts.find_fraction(rx.sub(r"(?:\d+(?:\.\d+)?\s*%|[一二两三四五]成)\s*(?:的|of)?\s*(?:通用|general)", " ", item, flags=re.I)):
        return True  # "- Mix in 10% general data so we don't lose general ability": a setting of the run before it
    found = resolve_named(item, [])
    bare = _DETAIL_NOISE.sub(" ", slots.mask(item, [(f.start, f.end) for f in found]))
    words = rx.findall(r"[A-Za-z]+|[\u4e00-\u9fff]", bare)
    if len(words) <= 4:
        return True
    return bool(slots.find_fields(item)) and reading.read(bare, True).tool in ("", "inspect_dataset")  # fields, nothing else asked


def _acts_alone(item: str) -> str:
    """The tool one list item asks for by itself, or "" when it only tells or asks."""
    if _NARRATED.match(item) or _STATED.match(item):
        return ""
    if review.asks_fill(item, False):
        return "fill_placeholders"
    got = reading.read(slots.mask(item, [(f.start, f.end) for f in resolve_named(item, [])], fill="FILE"), True)
    return got.tool if got.tool and got.prob >= 0.5 and got.act not in ("question", "hypothetical") else ""


def steps_of(text: str) -> list[str]:
    """The steps of a request in order; a conditional ("先看看…没问题就转千帆") is its check, then
    the step that depends on it (run only when the check succeeded, see :func:`_after_tools`)."""
    if reading.just_asking(text):
        return [text]  # "Scenario planning, do NOT execute:\n1. …\n2. What happens…?": one question, its list no steps
    whole_plan = _PLAN_THEN_NOW.match(text)
    if whole_plan and whole_plan.group("now").strip():
        # "Big picture: check, drop the garbage, augment, train. Kick off the quality check on FILE.", "计划是这样:填占位符、混数据、
        # 开训。现在先填占位符,…": the whole plan told, then the part to do now
        return steps_of(whole_plan.group("now").strip())
    items = list_items(text)
    if items is not None:
        return [step for item in items for step in steps_of(item)]
    if reading.says_now(text):
        return [text]  # "…a story…\nYour one job right now: stop run-0612.": one ask
    before_first = _BEFORE_THEN_FIRST.match(text)
    if before_first and before_first.group("now").strip() and reading.read(before_first.group("later")).tool not in ("", "explain"):
        # "恢复训练 X 之前,先确认一下它是真的停了还是挂了", "开始训练之前先帮我确认学习率合不合适,在 FILE 上跑 300 步探测": the step said
        # to come first, then the one it comes before
        later = before_first.group("later")
        return [_with_run_of(later, before_first.group("now").strip()), *steps_of(later)]  # ("恢复训练 X 之前,先确认一下它…": "它" is X)
    relayed = _RELAYED_GOAL.match(text)
    if relayed:
        return [relayed.group("now")]  # "老板让我把这个喂给模型,你先瞅瞅里面啥情况": someone's aim told, the step asked for now
    ahead = _DONE_FIRST.search(text)
    if (ahead and (later := text[:ahead.start()].strip(" ,，;；。.—–-")) and (step := next(g for g in ahead.groups() if g)).strip()
            and not (_SEE_PLAN.search(step) and not _DATA_FACTS.search(step))  # "…开跑之前先让我看下预计耗时": the plan shown before the
            # start, no step of its own ("…, but first confirm how many records it has": the data's own facts, a look)
            and (not ahead.group("en3") or _names_its_object(step))):  # ("…; evaluate 6 first": a run by its number alone)
        # "转成千帆然后开始训练,哦对了,转之前先检查一下质量", "train it with 2 epochs, but before that drop the garbled ones":
        # the step said to come first, then the rest in its own order
        # ("Evaluate run cx-19, but confirm it's actually finished first": "it" is cx-19)
        return [_with_run_of(later, step).strip(), *steps_of(later)]
    aside = _ASIDE.search(text)
    if aside and slots.wants_ppl(text[aside.end():]) and intents.classify(text[aside.end():]).name in ("", "check_quality"):
        aside = None  # "score the data quality for FILE. Also I want perplexity.": the check's own option, no second request
    if aside and aside.start() > 0 and text[aside.end():].strip():
        return [text[:aside.start()], text[aside.end():]]  # "run-0710-a 接着跑;顺便问下,…会不会影响效果?": the request, then the question
    recap = _RECAP_FIRST.match(text)
    if recap and text[recap.end():].strip():
        return steps_of(text[recap.end():])  # "Remind me which run you stopped and why, then resume it": the recap is the
        # conversation's own (above it); the step asked for is the request
    if acts.speech_act(text) in ("hypothetical", "question"):
        return [text]  # "if I converted to qianfan and then back to jsonl, would I lose fields?" is one question
    steps = acts.conditional_steps(text) or intents.split_steps(text) or [text]
    if len(steps) > 1 and _NARRATED.match(steps[0]):
        steps = [text]  # "I started training before lunch and then got pulled into meetings …": a story, not steps
    if len(steps) > 1 and len(rx.findall(r"\band then\b|然后", text, re.I)) >= 3:
        steps = [text]  # "I've got FILE ready and then I want to train on it with 4 epochs and then … start it": one run-on sentence
        # joined by "and then", "然后", not an order of steps
    if (len(steps) == 2 and intents.classify(steps[0]).name in ("", "training_status") and not acts.is_request(steps[0])
            and not acts.opens_with_command(steps[0]) and not rx.search(r"[?？吗看查]|先\S{0,2}(?:评|测|检|转)", steps[0])
            and intents.classify(steps[1]).name in ("stop_training", "resume_training")):
        steps = [text]  # "run-0731 已经练过头了,再练要拉伤,叫停吧": how the run is, then the one ask
    if (len(steps) == 2 and rx.search(r"了\W*$", steps[0]) and not acts.is_request(steps[0]) and not acts.opens_with_command(steps[0])
            and (whole := reading.read(text)).tool in _RUN_TOOLS and whole.prob >= 0.9 and whole.tool != reading.read(steps[0]).tool):
        steps = [text]  # "太好了,停了之后原来不会自己恢复啊,真是贴心。把 X 从断点接着跑。": a remark, then the one request
    if (len(steps) == 2 and reading.STOPPED_BEFORE.search(steps[0]) and not acts.is_request(steps[0])
            and not rx.search(r"[?？吗]", steps[0]) and reading.read(text).tool == "resume_training"):
        steps = [text]  # "dbrun_0923 那个停了的,接着给我整起来": which run (the stopped one), then the one ask
    while (len(steps) > 1 and _TOLD_FIRST.search(steps[0]) and not acts.is_request(steps[0]) and not acts.opens_with_command(steps[0]) and not names.find_run_id(steps[0])
           and not resolve_named(steps[0], []) and not amounts.training_args(steps[0]) and not amounts.count_args(steps[0])
           and amounts.find_fraction(steps[0]) is None and not slots.find_fields(steps[0]) and not rx.search(r"[?？吗]", steps[0])
           and any(acts.is_request(s) or acts.opens_with_command(s) for s in steps[1:])):
        steps = steps[1:]  # "训练跑完了然后我想知道效果然后帮我评估一下 X", "我们的问题都是一个问法然后…然后你帮我把 FILE 的指令改写一下": what
        # happened, told first, before the request
    if len(steps) == 2 and (run := names.find_run_id(steps[0])) and not rx.sub(r"\W", "", steps[0].replace(run[0], "", 1)):
        steps = [text]  # "run_20240520 接着昨天停的地方跑": the run's name alone is no step
    steps = [s for s in steps if not reading.pasted_only(s)] or steps  # "「转换完成:…」好的,再把 x 导出成 csv": the paste is no step
    merged = steps[:1]
    for step in steps[1:]:  # "开始训吧,lora 的秩设成 16 然后 混一成的通用数据进去": settings of the same run; "… then — the
        # question column is 'Question'": the columns of the same step
        # "…的质量吧?可以的话顺便算一下困惑度", "FILE 做个质检,顺便把ppl也算上": the check's own option
        also_ppl = slots.wants_ppl(step) and {intents.classify(step).name, intents.classify(merged[-1]).name} <= {"", "check_quality", "explain", "inspect_dataset"}
        # "FILE 指令增强,再多造 500 条": how many the same step makes
        makes_more = (intents.classify(merged[-1]).name in ("add_few_shot", "add_cot", "augment_instructions")
                      and intents.classify(step).name in ("", intents.classify(merged[-1]).name)
                      and bool(amounts.count_args(step, few_shot=True) or amounts.find_fraction(step) is not None))
        if also_ppl or makes_more or not intents.classify(step).name and (amounts.find_mix(step) is not None or amounts.training_args(step) or slots.find_fields(step)):
            merged[-1] = merged[-1] + "," + step
        else:
            merged.append(step)
    return merged


def _with_run_of(later: str, step: str) -> str:
    """``step``, said to come before ``later``, with the run ``later`` names when ``step`` names none ("it" is that run)."""
    run = names.find_run_id(later)
    if not run or names.find_run_id(step):
        return step
    joined = step + " " + run[0]
    return joined if names.find_run_id(joined) else step + ", run " + run[0]  # (as "run X" where "gpt-mimic-2" alone reads as a model)


_CHECK_VERB_OPENS = re.compile(r"\W*(?:(?:please|pls|first|ok|so|can you|could you)\W+)?check\s+(?!out\b|how\b|what\b|which\b|whether\b|if\b|the (?:fields?|columns?|format|sheets?|rows?|headers?)\b)", re.I)


def _look_before_conversion(text: str, steps: list[str], first: Decision) -> bool:
    """A check with no word of quality, on which a conversion waits ("先检查一下 FILE,没问题再转千帆"): a look is meant."""
    return (len(steps) > 1 and first.kind == "tools" and first.calls[0]["name"] == "check_quality" and "path" in first.calls[0]["args"]
            and acts.conditional_steps(text) is not None and not _QUALITY_WORDS.search(steps[0]) and bool(slots.find_format(steps[1]))
            and not _CHECK_VERB_OPENS.match(steps[0])  # (in English, "check FILE first, and if it's clean convert it" is the quality check)
            and bool(rx.search(r"转|导|换|改|convert|turn|export|make", steps[1], re.I)))


# "i meant Returns not Refunds", "是“退款”不是“退货”": after a wrong sheet, the sheet meant.
_MEANT_SHEET = re.compile(r"^\W*(?:i meant|i mean|meant|it'?s|应该是|是)\s*[\"'“‘「]?([^\s\"'”’」,，]{1,30}?)[\"'”’」]?\s*[,，]?\s*(?:not\b|不是)", re.I)


# The step a correction of the file names, by its verb or noun ("check FILE instead", "the conversion was meant for FILE", "训练用的是 FILE").
_ASKED_OF_FILE = re.compile(r"(?:我)?(?:让|叫|要)你\s*\S{1,6}?的是|\bi (?:asked|told|wanted) you to \w+(?: \w+)?\b", re.I)
_REMAINING = re.compile(r"剩下(?:的)?那(?:个|份)|剩下的|另外那(?:个|份)|\bthe other (?:one|file)\b|\bthe other\b\s*[.,;—–-]|\bthe remaining (?:one|file)\b|\bthe one left\b", re.I)
_LOOK_WORDS = re.compile(r"看|\blook|\binspect|\bsheet|\btab\b|工作表|\bcolumns?\b|列|字段|\bfields?\b|格式|条数|多少条|几条|\bformat\b|\bhow many\b|[?？吗]", re.I)


def _step_of_file(text: str) -> str | None:
    """The one step a correction of its file names, when it asks for no look."""
    steps = [tool for tool, words in _FILE_STEPS if rx.search(words, text, re.I)]
    return steps[0] if len(steps) == 1 and not _LOOK_WORDS.search(text) else None


def _corrected(text: str, prev: Decision | None, mem: Memory, new_files: list[str], whole: str = "") -> Decision:
    """A correction: the corrected request, planned anew; when it names only values
    ("要的是sharegpt不是alpaca", "I meant k=2 not 5") the previous tool with those values."""
    if whole and review.rule_named(text) is None and review.decides(text) and (ruled := review.rule_command(whole)) is not None:
        return _rule_decided(ruled)  # "不是让你删近似重复,是保留它们": the decision put right, of the rule the ruled-out part names
    meant = reading.stop_meant_for(whole or text)
    if meant:
        return Decision("tools", calls=[{"name": "stop_training", "args": {"run_id": meant}}])  # "不是停 run-b,是停 run-d!b 还要继续跑"
    run = names.bare_run_id(text)
    if run and whole:
        verb = rx.search(r"(?:不是|\bnot)\s*(?P<verb>[^\s,，。;；]{1,12}?)\s*(?<![\w-])(?:[A-Za-z]+[-_#])[\w.-]*\d", whole, re.I)
        said = plan_step(f"{verb.group('verb')} {run[0]}", mem, new_files) if verb else None
        if said is not None and said.kind == "tools" and said.calls[0]["name"] in _RUN_TOOLS:
            return said  # "啊不对不对,不是停 run-0612-a,是 run-0612-b": the run put right, the step said before the one ruled out
    new = plan_step(text, mem, new_files)
    settings = {"epochs", "learning_rate", "lora_r", "max_steps"} & set(amounts.training_args(text)) or (
        {"mix_general"} if amounts.find_mix(text) is not None else set())
    counts = amounts.count_args(text, few_shot=True)
    if new.kind == "tools" and new.calls[0]["name"] == "inspect_dataset" and counts and (
            slots.tool_of_values(whole) == "add_few_shot" or _examples_each(text)):
        new = Decision("unknown")  # "不是3个示例,是每条放5个,文件 X", "一条配仨,不是俩,FILE 还是 300 条": the count of what was called off, corrected
    if new.kind == "tools" and new.calls[0]["name"] == "start_training" and set(new.calls[0]["args"]) <= {"path", "max_steps"} and (
            _steps_alone(text) or rx.search(r"\bprobe\b|探测", text, re.I)):
        new = Decision("unknown")  # "不是200步 500步\n文件还是 FILE", "the probe was meant to run 1000 steps, not 100": the probe's steps put right
    if new.kind == "tools" and new.calls[0]["name"] == "start_training" and "k" in counts and not settings:
        new = Decision("unknown")  # "不对,k 应该是 2,不是 4,文件还是 FILE": few-shot's k put right, no run
    if new.kind == "tools" and new.calls[0]["name"] in ("suggest_hyperparameters", "inspect_dataset", "training_status") and settings:
        new = Decision("unknown")  # "epoch 用 3 就行,别 10 了", "use 16 for the lora rank, same file X": a run's setting corrected
    if (new.kind == "tools" and new.calls[0]["name"] == "inspect_dataset" and slots.tool_of_values(whole) == "convert_dataset"
            and slots.find_format(slots.mask(text, [(f.start, f.end) for f in resolve_named(text, mem.attachments)]))
            and not rx.search(r"[?？吗]|什么格式|啥格式|\bwhat format\b|\bwhich format\b|\bsheet|\btab\b|工作表|\bcolumn|列|字段|欄位|看|\blook|\binspect", text, re.I)):
        new = Decision("unknown")  # "不是 alpaca,是千帆格式!文件是 FILE": the format of the conversion called off, corrected
    sheet = _MEANT_SHEET.match(text) if rx.search(r"\bsheet|\btab\b|工作表", whole, re.I) else None
    if new.kind == "tools" and new.calls[0]["name"] in ("inspect_dataset", "convert_dataset") and sheet:
        new.calls[0]["args"]["sheet"] = sheet.group(1)  # "wrong sheet lol, i meant Returns not Refunds in FILE"
    step = _step_of_file(whole or text) if new.kind == "tools" and new.calls[0]["args"].get("path") and (
        new.calls[0]["name"] == "inspect_dataset" or new.calls[0]["name"] == "suggest_hyperparameters"
        and not rx.search(r"[?？]|推荐|建议|参数|别|不要|\bsuggest|\badvi[cs]e|\brecommend|\bhyper|\bdon'?t\b|\bnot\b", text, re.I)) else None
    if step and step != new.calls[0]["name"] and (redone := plan_step(text, mem, new_files, intent=step)).kind == "tools" \
            and redone.calls[0]["name"] == step:
        return redone  # "oops, check FILE instead", "wrong file for the training, use FILE", "我让你检查的是 FILE": the step said, its file put right
    if new.kind == "tools" and new.calls[0]["name"] != "explain":
        return new
    blanked = slots.mask(text, [(f.start, f.end) for f in resolve_named(text, mem.attachments)])  # "x.jsonl" names no format
    tool = prev.calls[0]["name"] if prev is not None and prev.calls else _owner_of_values(blanked) or _owner_of_values(whole)
    plain = variants.plain_chinese(text)
    if not tool and review.asks_fill(plain, True) and review.values_as_written(text, plain):
        tool = "fill_placeholders"  # "名字打错了,是「小汪」不是「小王」": a placeholder's value put right
    if not tool:
        return new
    redone = plan_step(text, mem, new_files, intent=tool)
    if tool == "apply_quality_rule" and (decided := review.rule_command(plain)) and (
            redone.kind == "ask_file" or redone.kind == "tools" and not redone.calls[0]["args"].get("rule")):
        return _rule_decided(decided)  # "哦不对 乱码的先别删 留着 我自己对着原稿再看看": the decision put right, for the latest check
    if redone.kind == "ask_file":  # no file yet ("不对,我要的是csv" opening a chat): the guard finds or asks for one
        return Decision("tools", calls=[{"name": tool, "args": arguments_for(tool, blanked, mem.results, variants.plain_chinese(blanked))}])
    return redone


# The reassuring answer a request is said on, before the request itself ("心里没底。不会的话就", "if not, ", "ok, ").
_WORRY_ANSWERED = re.compile(r"^[^?？\n]{0,12}?" + acts.REASSURED_ZH + r"|^[\s.。]*" + acts.REASSURED_EN + r"|^\s*" + acts.OK_THEN
                             + r"|^\s*assuming [^,.?!\n]{0,36},\s*", re.I)
_ASKS_FIRMLY = 0.55
"""The speech-act model's reading of a message nothing else placed, above which it is answered as a question."""
# Words of the craft itself, not of the assistant ("你是什么模型啊", "are you running locally?" are about us, chit-chat).
_CRAFT_WORD = re.compile(r"samples?|样本|数据|\bdata\b|epochs?|轮数|\blora\b|few[- ]?shot|\bcot\b|格式|\bformat|multi-turn|多轮|"
                         r"\bqa\b|问答|学习率|\blr\b|batch|过拟合|overfit|遗忘|forget", re.I)
_ASKS_ABOUT_US = re.compile(r"^\W*(?:(?:are|r|do|can|will|would) (?:you|u)\b)|\b(?:are|r) (?:you|u)\b|\bwho (?:made|built|trained) (?:you|u)\b|"
                            r"你(?:们)?是(?!不是)|你背后|你(?:还)?能(?:聊|陪)", re.I)
_ASKS_CLEARLY = 0.65
"""…and of a message read weakly as a step with nothing to act on, above which it is answered rather than asked "which file?"."""


# A value put right, with no request before it in the conversation: "sry i ment 3 epochs not 5", "No. Two epochs.", "Did I say
# 2e-4? I meant 1e-4", "不是3个例子哈,每条放5个", "it's 600 samples, not 6,000".
_VALUE_PUT_RIGHT = re.compile(r"(?<!'m )(?<!\bam )\bnot\b(?!\s+(?:a|an|sure|really|too|very|so|much|quite|yet)\b)|\bi (?:meant|ment|mean)\b|\bmisspoke\b|\bmistyped\b|\bshould (?:be|read)\s+(?=[\d\"'“])|\d[^.,;\n]{0,20}\bwrong\b|\bmake it\s+(?=\d)|\bamendment\b|\bcorrection\b|\berratum\b|(?:刚才|方才)(?:我)?(?:说|写)的|^\W*no\W|\bsame as (?:last time|before)\b|"
                              r"(?<!是)不是|而非|唔係|說錯|说错|写错|打错|搞错|弄错|选错|整错|转错|改成|改为|改作|其他照旧|别的不变|其他不变|(?<![\d:])\d+(?:\.\d+)?\s*(?:%|步|steps?|epochs?|个|条|轮)?[^,.;，。\d]{0,20}?(?:太多了?|太少了?|太大了?|太小了?|\btoo (?:many|much|few|big|small|high|low)\b)|\berred\b|不用\s*\S{1,30}\s*了\s*[,，]\s*换|不要了\s*[,，]\s*换|写多了|写少了|多写了|少写了|打成了?|写成了?|改一下|有误|^\W*不\s*[,，]|\bfix (?:that|it)\b|\btyped\b", re.I)

# …and a value said: a number, a quoted name, a format or a decision ("not unlike my last job, cleaning spreadsheets" has none).
_A_VALUE = re.compile(r"\d|(?-i:\b[A-Z][\w-]*) (?:tab|sheet)\b|[\"“「‘][^\"”」’]{1,40}[\"”」’]|(?:列|栏|字段)(?:名字?)?(?:是|叫)\s*[A-Za-z_]|\b(?:column|field) (?:is|should be|=) [A-Za-z_]|(?<![A-Za-z0-9])'[^']{1,40}'(?![A-Za-z0-9])|\b(?:alpaca|share\s?gpt|qianfan|openai|jsonl?|csv|xlsx|keep|drop|lora|full)\b|千帆|保留|删|"
                      r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|[一二两三四五六七八九十]", re.I)


def _steps_alone(text: str) -> bool:
    """A step count said with nothing of a run ("不是100步 是300步", "200 steps, not 80"): the probe's steps, not a run's max_steps.
    A thousand steps or more is a run's length, not a probe's ("make that 3000 steps", "步数改成1000吧")."""
    return set(args := amounts.training_args(text)) == {"max_steps"} and args["max_steps"] < 1000 and not rx.search(r"\bmax|max_?steps|最大|最多|至多|封顶|上限|训练|\btrain|\bruns?\b|\bepochs?\b|\bat most\b|\bcap\b", text, re.I)


_JSON_SENT = re.compile(r"\b(?:the|that|my)\s+json\s+(?:(?:i|we)\s+)?(?:sent|pasted|posted|gave)\b|(?:贴|发|给)的\s*json(?:\s*(?:里|中))?", re.I)


def _examples_each(text: str) -> bool:
    """A number in ``text`` counts the examples each sample gets, few-shot's k ("k 取 2", "3 per sample", "一条配仨")."""
    return any(label == "k" for _, label in amounts.label_numbers(text))


def _owner_of_values(text: str) -> str | None:
    """The tool whose settings a message of values alone gives: few-shot's k, a format, a run's settings
    (:func:`slots.tool_of_values`), a rule and its decision, placeholder values, or a sample count to advise on."""
    text = _JSON_SENT.sub(" ", text)  # ("the JSON I sent earlier had the wrong learning_rate": the paste, no format asked)
    steps_alone = _steps_alone(text)
    return (("probe_learning_rate" if probe.asks_probe(text) or rx.search(r"\bprobe\b|探测", text, re.I) or steps_alone else None)
            # ("刚才我说的 100 步不对,改成 300 步", "200 steps, not 80": a step count alone is the probe's; a run's is its max_steps)
            # "the template should be 'Quick q: {q}' not 'Quick question: {q}'": templates, the rephrasing's
            or ("augment_instructions" if rx.search(r"\{\w*\}", text) and slots.find_templates(text) else None)
            or slots.tool_of_values(text) or ("add_few_shot" if rx.search(r"(?:\d+|[一二两三四五六七八九十])\s*(?:个|则|道)?(?:例子|示例|样例|例题)|(?:例子|示例|样例|例题)\S{0,6}(?:\d+|[一二三四五六七八九十])\s*(?:个|则|道)|\bexamples? (?:each|per)\b|"
                                                                    # "k isn't 2, it's 5", "k 应该是 2,不是 4", "not 3 examples, 5": few-shot's k
                                                                    r"(?<![\w-])k\s*(?:=|:|isn'?t|is|should be|应该是|不是|是|改成)\s*\d|(?:\bnot|\bisn'?t)\s+\d+\s+examples?\b", text, re.I) else None)
            or ("apply_quality_rule" if review.rule_command(text) else None)
            # "更正:k 取 2。", "actually 3 per sample, 5 is overkill": a count of examples each, few-shot's k
            or ("add_few_shot" if _examples_each(text) and not amounts.training_args(text) else None)
            or ("fill_placeholders" if {"name", "author"} & set(review.placeholder_values(text)) else None)
            or (next((tool for tool, words in _MAKER_WORDS if rx.search(words, text, re.I)), None)  # "“已加 300 条 CoT 样本”——我要的是 80 条"
                if amounts.count_args(text) or amounts.find_fraction(text) is not None or slots.find_fields(text).get("rationale_field") else None)
            or ("suggest_hyperparameters" if amounts.count_args(text).get("n_samples") else None)
            # "no, the 'Bodywork' sheet, not Carburettors", "不是“预警”那张,是“预警信号”那张表": a sheet put right, looked at again
            # ("for the conversion, use sheet 'City' not 'Airport'", "转换的时候sheet选错了": the conversion's sheet, named as the conversion's)
            or (("convert_dataset" if _CONVERSION_SAID.search(text) else "inspect_dataset") if slots.find_fields(text).get("sheet") else None)
            # "oops, I meant sap-run-7 not maple-0315", "不是 ddzx-0915,我要看的是 ddzx-0916": a run put right, no step said: how it is doing
            or ("training_status" if names.find_run_id(text) and not rx.search(r"placeholder|占位|\bname\b|名字|名称|作者|\bauthor\b", text, re.I) else None))


_CONVERSION_SAID = re.compile(r"\bconver(?:sion|t|ting)\b|转换|转格式|转成|转的时候|转错|要转的|转的是", re.I)
_FOR_CONVERSION = re.compile(r"\bfor the (?:\w+ )?conversion\b|\bin the (?:\w+ )?conversion\b|转换的时候|转格式的时候|转换时", re.I)


# The generating tools by their own words, for a count put right with nothing else to say whose it is.
_MAKER_WORDS = (("add_cot", r"(?<![a-z])cot(?![a-z])|思维链|chain[- ]of[- ]thought|推理样本|(?:推理|理由|解析)(?:的)?(?:列|栏|字段)|\brationale (?:column|field)"),
                ("add_few_shot", r"few[- ]?shot|少样本"), ("augment_instructions", r"扩增|增强|扩写|\baugment\w*|指令改写|改写|instruction (?:rewording|augmentation)"))


# The base model given for a run: "use X as the base", "base should be X", "底座用 X".
_BASE_NAMED = re.compile(r"\bas (?:the |our |a )?base(?: model)?\b|\bbase(?: model)?(?: for \S{1,60})? (?:should be|is|=|:)|(?:基座|底座)(?:模型)?\s*(?:用|是|换成|改成|=|:|：)", re.I)
# A file named only to be left alone: "poem_a.jsonl 不用动,…", "a.jsonl 是测试集别碰,…", "leave med_a alone", "don't touch orders.jsonl".
_LEFT_ALONE_AFTER = re.compile(r"^\s*(?:(?:是|is)\s*(?:测试集|验证集|评测集|the test set|test data|held[- ]out(?: data)?)\S{0,3}\s*[,，]?\s*)?"
                               r"(?:不用动|别动|别碰|不要动|不要碰|先不管|不用管|不动|先别动|留着别动|\bstays? as (?:it )?is\b|\bis fine as is\b)", re.I)
_LEFT_ALONE_BEFORE = re.compile(r"(?:\bleave|\bdon'?t touch|\bdo not touch|\bnot|别动|别碰|不要动|不要碰|不用管)\s*(?:the\s+)?$", re.I)
_LEAVE_STEM = re.compile(r"\bleave\s+([\w.-]+)\s+alone\b|\b(?:don'?t|do not) touch\s+([\w.-]+)|([\w.-]+)\s*(?:不用动|别动|别碰|不要动)", re.I)


def _left_alone(text: str, found) -> bool:
    """Whether the file ``found`` is named only to be left alone (and so is not the one to act on)."""
    if _LEFT_ALONE_AFTER.match(text[found.end:found.end + 24]) or _LEFT_ALONE_BEFORE.search(text[max(0, found.start - 16):found.start]):
        return True
    stems = [s for m in _LEAVE_STEM.finditer(text) for s in m.groups() if s]
    base = os.path.basename(found.text)
    return any(len(s) >= 3 and (base == s or base.startswith(s + ".")) for s in stems)


def _answer_step(text: str, answer: str, mem: Memory, new_files: list[str], fallback_path: str | None = None) -> Decision:
    """The step the person's own answer to their question asks for: read alone, unless alone it is only a look or a start
    read from words that name no step ("Use FILE", "Do 40% of FILE"); then the step the question names."""
    alone = plan_step(answer, mem, new_files, fallback_path=fallback_path)
    if _acts(alone) and alone.calls[0]["name"] not in ("inspect_dataset", "start_training"):
        return alone
    intent = _step_asked_about(text, answer, mem)
    return plan_step(answer, mem, new_files, fallback_path=fallback_path, intent=intent) if intent else alone


# The answer's step said as "one" or "it" of what the question named: "run one", "do it then", "来一个", "那就跑一个".
_ONE_OF_IT = re.compile(r"\b(?:run|do|try|make|add|start|give it)\s+(?:one|it)\b|(?:来|跑|做|搞|试)(?:一个|一次|一下吧)(?![\u4e00-\u9fff]{0,2}(?:epoch|轮))", re.I)


def _step_asked_about(text: str, answer: str, mem: Memory) -> str | None:
    """The step a question names, when the person's own answer to it asks for a step without naming one ("Should I add CoT
    to everything? Probably not… Hmm no, 40%. Do 40% of FILE", "Should I just guess the LR? No, let's probe it. … Use FILE"):
    the whole message's reading, when that is a step read firmly; None when the answer names its own step."""
    question = text[:len(text) - len(answer)] if text.endswith(answer) else ""
    named = (next((name for name, score in intents.classify(variants.plain_chinese(hide_names(question))).ranked
                   if name != "explain" and score >= 2), None) if question and _ONE_OF_IT.search(answer) else None)
    if named:
        return named  # "…an LR range test, so why bother? ...eh, fine, run one on FILE, 120 steps": the step the question named
    if intents.classify(variants.plain_chinese(hide_names(answer))).name:
        return None
    as_word = slots.mask(text, [(f.start, f.end) for f in resolve_named(text, mem.attachments)], fill="FILE")
    whole = reading.read(variants.plain_chinese(hide_names(as_word)), True)
    return whole.tool if whole.act == "command" and whole.tool not in ("", "explain") and whole.prob >= 0.6 else None


# Everything asked so far called off after the turn ("算了不用了", "never mind", "forget it"), and the first step called off
# before it ("…加 cot,嗯……还是不加了").
_NEVER_MIND = r"never ?mind|nevermind|forget (?:it|that)"
_CALLED_OFF_ALL = re.compile(r"\W*(?:(?:hmm+|um+|uh+|oh|嗯+|呃|唉)\W*)*(?:actually\W+|no\W+)?(?:" + _NEVER_MIND + r"|forget about it|"
                             r"算了(?:算了)?\W*(?:不用了|不弄了|不转了|不要了|不做了|不麻烦了)|不用了(?:不用了)?|不麻烦你了)\W*", re.I)
_CALLED_OFF_TAIL = re.compile(r"(?<!in which case)(?<!if so)(?<!otherwise)(?<!否则)(?:[.。…,，!！—–-]|\s)\s*(?:(?:oh|hmm+|唉|嗯+)\W*)?(?:" + _NEVER_MIND + r"|算了(?:算了)?(?:\W*不用了)?)\W*$", re.I)
_MYSELF = re.compile(r"我自己|自己来|自己弄|\bi'?ll (?:just )?(?:do|open|handle|fix|save)\b|\bmyself\b", re.I)
_CALLED_OFF_END = re.compile(r"(?:还是|算了)\s*(?:不加了|不要了|不做了|不转了|不用了|不弄了)\W*$|\b(?:actually|hmm),? (?:don'?t|skip it|no)\W*$", re.I)


def _changed_mind(text: str, mem: Memory, new_files: list[str]) -> Decision | None:
    """A request, then a change of mind in the same message ("Add 5-shot to X… wait, make it 3", "直接开训吧。嗯…不行,
    还是先检查一下质量"): another step asked for in so many words replaces the first; else the values the change gives
    replace the first request's (a number alone replaces its one number). None when the change changes nothing."""
    split = acts.changed_mind(text)
    if split is None:
        return None
    before, after = split
    if not acts.without_ruled_out(text)[:len(before)].strip(" ,，。;；、"):
        return None  # "CoT先不加,换成few-shot吧": the step before the turn is ruled out; the rest is the request, read alone
    named_before = [f.text for f in resolve_named(before, mem.attachments)]
    rest = after[called_off.end():] if (called_off := _CALLED_OFF_ALL.match(after)) else ""
    if called_off and acts.speech_act(rest) not in ("question", "hypothetical") and (_MYSELF.search(rest) or not intents.classify(variants.plain_chinese(rest)).name and not slots.find_format(rest)
                       and not rx.search(r"\d", rest) and not names.find_run_id(rest) and not resolve_named(rest, mem.attachments)):
        # "帮我把 X 转成 xlsx……算了不用了,我自己用 excel 另存一下就行", "convert X… actually never mind, I'll open it in Excel"
        return Decision("unknown", reply=replies.DROPPED[replies.language(text)])
    if called_off and (kept := acts.without_ruled_out(rest)) != rest and _acts(instead := plan_step(_with_run_of(before, kept), mem, new_files)):
        return instead  # "Stop run X.\nPS never mind, don't stop it, just tell me where it's at": the first step ruled out, another asked
    if _CALLED_OFF_END.search(before) and _acts(instead := plan_step(after, mem, new_files, fallback_path=named_before[0] if named_before else None)):
        return instead  # "给 X 加 cot,嗯……还是不加了,改成加 few-shot 吧,每条 3 个例子": the first step called off, another asked
    first = plan_step(before, mem, new_files)
    said = reading.read(variants.plain_chinese(hide_names(after)), True)
    asked = said.tool == "explain" and (said.act in ("question", "hypothetical")
                                        or acts.speech_act(acts.correction(after) or after) in ("question", "hypothetical"))
    # ("…转成 alpaca 吧…嗯等下,还是 sharegpt 好了,后面可能要多轮": a value settled with its reason, nothing asked)
    asked = asked and bool(rx.search(r"[?？]|吗|呢|什么|啥|怎么|多少|哪|\b(?:what|how|why|which|when|where|who)\b", after, re.I))
    # ("Drop the placeholder answers. I mean the records whose answer is just a stub…, remove them.": what was meant, told, no
    # question)
    asked = asked and not (rx.match(r"\W*(?:i mean|i meant|我是说|我的意思是)\b", after, re.I) and not rx.search(r"[?？吗呢]", after))
    if asked and (first.kind in ("ask_file", "ask_format") or first.kind == "tools" and first.calls[0]["name"] != "explain"):
        # "500 条该设几个 epoch?算了,先问个更基础的:epoch 到底是什么?", "帮我把 qa.csv 转成……等等,千帆和 openai 格式有啥区别?":
        # a question asked instead ("stop run-0613x... hmm no, let it finish. what's its loss right now?": of the run named before)
        of_run = rx.search(r"\bits\b|\bit\b|它|\bloss\b|进度|\bstatus\b|how far|到哪", after, re.I) and not names.find_run_id(after)
        return plan_step(_with_run_of(before, after) if of_run else after, mem, new_files)
    if (first.kind == "tools" and first.calls[0]["name"] == "explain" and said.act == "command" and said.tool
            and said.tool != "explain" and not rx.search(r"[?？]\W*$", after)  # ("…at all? would it, uh, forget stuff?": still asking)
            and (after_plan := _answer_step(text, after, mem, new_files)).kind == "tools"):
        return after_plan  # "这些是删了好还是留着好?算了,先检查一下质量": a question, answered by the person with a request
    if ((first.kind == "tools" and first.calls[0]["name"] == "explain" or first.kind != "tools" and acts.speech_act(before) == "question")
            and (ruled := review.rule_command(before))
            and (decided := review.decision(after)) and said.tool in ("", "explain", "apply_quality_rule")
            and acts.speech_act(after) not in ("question", "hypothetical")):  # "…? I mean, if I do drop them?": still asking
        # "占位符那些是删了好还是留着好?算了,先保留吧": a question about a rule, answered by the person with a decision
        named = [f.text for f in resolve_named(text, mem.attachments)]
        return Decision("tools", calls=[{"name": "apply_quality_rule",
                                         "args": {"rule": ruled[0], "decision": decided, **({"path": named[0]} if named else {})}}])
    if first.kind != "tools" and rx.match(r"\W*(?:别|不要|don'?t\b|do not\b)", before, re.I) and _acts(instead := plan_step(after, mem, new_files)):
        return instead  # "别停!别停 run-88!我是说……run-88 不要动,把 run-87 停了": what not to do, then what to do
    if first.kind != "tools" or first.calls[0]["name"] in ("explain", "inspect_dataset"):
        return None  # (a look first: "FILE: sheet 'Final', questions in 'Prompt'. make it qianfan format" is details, then one request)
    tool, args = first.calls[0]["name"], first.calls[0]["args"]
    looks = said.tool == "inspect_dataset" and bool(rx.search(r"看看|看一下|瞧瞧|\blook\b|\bsee what|\binspect\b", after, re.I))  # "先别转,先看看…长什么样"
    another = said.act in ("command", "correction") and (said.prob >= 0.5 or said.tool and (
        _TAKEN_BACK.search(after) or rx.match(r"\W*(?:(?:hmm+|um+|uh+)\W+)?(?:actually|instead|rather|no|nah|nope|never ?mind)\b", after, re.I))) and (looks or said.tool not in ("", tool, "explain", "inspect_dataset"))
    # ("Stop run kx-301 — hmm, no, it's close to converging, let it finish. Just show me its loss": the look instead)
    given = {} if looks else _changed_values(text, before, after, tool, args, mem, new_files)
    rest = after
    while not looks and not another and (more := acts.changed_mind(rest)) is not None:
        # "maybe 3 epochs? or 4. let's say 4. And mix in 10%... no, 15%": each later turn puts its own values right
        upto = text[:len(text) - len(rest)] + more[0]
        given.update(_changed_values(text, upto, more[1], tool, {**args, **given}, mem, new_files))
        rest = more[1]
    renamed = next((n for n in TOOL_NAMES if rx.search(rf"\b{n}\b", after) and n != tool), None)  # "……等等,我要的是思维链那个,add_cot"
    if another and (not given or renamed or _TAKEN_BACK.search(after) or said.prob >= 0.8 and rx.search(r"\b(?:no|nah|nope)\b|不对|不行", after[:16], re.I)
                    or tool in _RUN_TOOLS and said.tool in CONSEQUENTIAL and said.tool != tool and intents.classify(after).name == said.tool):  # ("stop run-3… actually, resume run-4")
        # "直接开训吧。嗯…不行,还是先检查一下质量", "Stop run A.\nP.S. wait, no, leave that one alone. Resume B instead": another
        # step, asked for in so many words (values given after the turn are the first step's, unless that step is taken back:
        # "…加思维链,先来 500 条……嗯,300 条吧,先试试水")
        steps = steps_of(after)  # ("…不对,顺序反了,先把 FILE 的 {{name}} 换成 阿福,再训练": the first of the steps now put in order)
        other = plan_step(steps[0] if len(steps) > 1 else after, mem, new_files, fallback_path=args.get("path"))
        if other.kind == "tools":
            call = other.calls[0]
            if "run_id" in args and "run_id" not in call["args"] and call["name"] in _RUN_TOOLS:
                call = {"name": call["name"], "args": {"run_id": args["run_id"], **call["args"]}}  # "停掉 X。\nP.S. 不对,先别停,
                # 帮我看看它现在 loss 多少": the run named before the turn
            return Decision("tools", calls=[call])
    if given:  # "…epoch 还是改成 3 吧", "convert to alpaca. actually, sharegpt": the same step, with the values changed
        return Decision("tools", calls=[{"name": tool, "args": {**args, **given}}])
    return None


_TOO_FEW = re.compile(r"[,，;；]\s*[^,，;；。.\d]{0,6}\d+\s*[^,，;；。.\d]{0,4}?(?:太少|太多|太大|太小|太长|太短|不够|太高|太低)了?\W*$|"
                      r"[,;]\s*\d+\s*(?:\w+\s+)?(?:is|are|was|'s)\s+(?:too (?:few|many|much|little|high|low|big|small|long|short)|not enough|overkill)\W*$", re.I)


def _changed_values(text: str, before: str, after: str, tool: str, args: dict, mem: Memory, new_files: list[str]) -> dict:
    """The arguments of ``tool`` that the words after a change of mind give anew (a number alone replaces the one number
    written before the turn)."""
    # ("…不对不对,5个吧,3个太少了": the amount found too small, said after the one meant, is its reason)
    reason = _TOO_FEW.search(after)
    after = after[:reason.start()] if reason and rx.search(r"\d", after[:reason.start()]) else after
    blanked = slots.mask(after, [(f.start, f.end) for f in resolve_named(after, mem.attachments)])
    again = plan_step(after, mem, new_files, fallback_path=args.get("path"), intent=tool)
    # no file anywhere yet ("set name to Atlas — sorry, Orion"): the values all the same
    said = (again.calls[0]["args"] if again.kind == "tools" else
            arguments_for(tool, blanked, mem.results, variants.plain_chinese(blanked)) if again.kind == "ask_file" else {})
    given = {k: v for k, v in said.items() if k != "path" and args.get(k) != v}
    # "Start training with eval_set.jsonl... no, that's the held-out set; train_set.jsonl is the one": another file, named
    # after the turn and not ruled out there, is the one meant
    later = [f.text for f in resolve_named(after, mem.attachments) if not slots.negated(after, f.start)]
    if "path" in args and len(set(later)) == 1 and later[0] != args["path"] and not names.is_base_model_path(after, later[0], after.find(later[0])):
        given["path"] = later[0]
    # "重复的…先留着吧,哦不,完全一样的删掉,相似的留着": the first rule said with its decision
    ruled = next((r for part in rx.split(r"[,，;；。.!！]+", after) if (r := review.rule_command(part))), None)
    if tool == "apply_quality_rule" and ruled and ruled != (args.get("rule"), args.get("decision")):
        given.update(rule=ruled[0], decision=ruled[1])
    elif tool == "apply_quality_rule" and (decided := review.decision(after)) and decided != args.get("decision"):
        given["decision"] = decided  # "把短答案删掉。哦不,留着吧": the rule kept, the decision changed
    renamed = (rx.search(r"(?:改成|换成|改为|改叫|叫|\b(?:use|make it|call it)\s)\s*[\"'“‘「]([^\"'”’」]{1,40})[\"'”’」]", after, re.I)
               or rx.match(r"\W*(?:sorry|no|er+|uh+|i mean)\W+([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2})(?=\s*(?:[—–,;.]|\s-|$))", after))
    old = [k for k in args.get("values") or {} if k not in (given.get("values") or {})]
    if tool == "fill_placeholders" and renamed and len(old) == 1:  # "名字填成"小橙"…不行,改成"小柚"": the one value said again
        given["values"] = {**(given.get("values") or {}), old[0]: renamed.group(1)}
    if isinstance(given.get("values"), dict):  # the values the whole message gives, put right by the change
        given["values"] = {**review.placeholder_values(text), **(args.get("values") or {}), **given["values"]}
    # the one setting written as a number before the turn ("4 examples", not the "every" that made fraction 1.0), replaced
    # by a bare number after it that is neither its old value nor another setting's ("3 epochs — no, make it 5 — and rank 16")
    numbers = [k for k, v in args.items() if isinstance(v, (int, float)) and not isinstance(v, bool)
               and rx.search(rf"(?<![\d.]){re.escape(f'{v:g}')}(?![\d.])", before)]
    taken = [v for v in [args.get(k) for k in numbers] + list(said.values()) if isinstance(v, (int, float))]
    bare = [n for n in rx.findall(r"(?<![A-Za-z0-9_.%-])(\d+(?:\.\d+)?)(?![A-Za-z0-9_%]|\.\d)", blanked) if float(n) not in taken]  # ("5个吧")
    if len(numbers) == 1 and numbers[0] not in given and bare:
        given[numbers[0]] = float(bare[-1]) if isinstance(args[numbers[0]], float) else int(float(bare[-1]))
    # the one share written as a percentage before the turn, replaced by a percentage after it ("10%... no, 15%")
    shares = [k for k, v in args.items() if isinstance(v, float) and 0 < v < 1 and rx.search(rf"(?<![\d.]){v * 100:g}\s*%", before)]
    said_shares = rx.findall(r"(?<![\d.])(\d{1,2}(?:\.\d+)?)\s*%", blanked)
    if len(shares) == 1 and shares[0] not in given and said_shares and float(said_shares[-1]) / 100 != args[shares[0]]:
        given[shares[0]] = float(said_shares[-1]) / 100
    return given


def _last_result(turns: list[Turn]) -> ToolResult | None:
    """The tool result that answered the turn before the user's message, if the last turn was one."""
    last = next((t for t in reversed(turns) if t.role in ("tool", "user")), None)
    return ToolResult.parse(last.text) if last is not None and last.role == "tool" else None


def _asked_for_file(turns: list[Turn]) -> bool:
    """The last tool result before the user's message said a file is needed ("no dataset yet in this conversation")."""
    last = _last_result(turns)
    return last is not None and bool(last.data.get("needs_file"))


def _previous_request(turns: list[Turn], depth: int) -> tuple[str, Decision] | None:
    """The user's previous message and what was decided for it (recomputed, so no hidden state)."""
    at = _last_user(turns)
    if at < 0:
        return None
    decision = plan_user(turns[: at + 1], depth + 1)
    return unquote_forwarded(strip_attachments(turns[at].text)), decision


def _answer_to_question(text, new_files, prev_text, prev: Decision, mem: Memory, waiting: bool = False) -> Decision | None:
    """The user answers what we asked: "yes" to "did you mean …?", a file, a format, or the file a call without one
    asked for (``waiting``: the tool guard answered "no dataset yet"). (A yes to a start or stop answers the tool
    guard's pending action, not the planner.)"""
    if acts.correction(text):
        return None  # "no wait, …" replaces the plan: planned as a new request
    if prev.kind == "maybe" and intents.says_yes(text) and not intents.classify(text).name:
        return Decision("tools", calls=prev.calls)
    if prev.kind in ("ask_file", "ask_format") and not intents.classify(text).name:
        return plan_step(prev_text + "\n" + text, mem, new_files)
    if (waiting and prev.kind == "tools" and (new_files or resolve_named(text, mem.attachments))
            and not intents.classify(text).name and not review.asks_fill(text, False)):
        return plan_step(prev_text + "\n" + text, mem, new_files)  # the call had no file ("no dataset yet"): now it has one
    return None


def _follow_up(text: str, prev: Decision, mem: Memory, new_files: list[str]) -> Decision | None:
    """"那5000条呢?" after a suggestion, "what about csv?" after a conversion: same tool, new values."""
    if prev.kind != "tools" or prev.calls[0]["name"] not in _FOLLOW_UPS:
        return None
    tool = prev.calls[0]["name"]
    new = plan_step(text, mem, new_files, intent=tool)
    changed = {k: v for k, v in new.calls[0]["args"].items() if k != "path"} if new.calls else {}
    if new.kind == "tools" and (changed or resolve_named(text, mem.attachments)):
        carried = {k: v for k, v in prev.calls[0]["args"].items() if k not in ("n_samples",) and k not in changed}
        new.calls[0]["args"] = {**carried, **new.calls[0]["args"]}
        return new
    return None


def _after_tools(turns: list[Turn]) -> Decision:
    """After tool results: the next step of a multi-step request, else the final answer."""
    at = _last_user(turns)
    text = unquote_forwarded(strip_attachments(turns[at].text))
    lang = replies.language(text)
    later = turns[at + 1:]
    results = [(t.name, t.text) for t in later if t.role == "tool"]
    made = [c for t in later if t.role == "assistant" for c in t.calls]
    steps = steps_of(text)
    last_ok = replies.from_result(*results[-1], lang)[1] if results else True
    if len(steps) > len(made) and made and last_ok:
        mem = remember(turns)
        produced = remember(later).produced
        fallback = produced[-1] if produced else made[-1]["args"].get("path")
        step = plan_step(steps[len(made)], mem, [], fallback_path=fallback)
        if step.kind == "tools":
            return step
        done = replies.answer(results, lang)
        return Decision("answer", reply=done + ("\n\n" + step.reply if step.kind != "unknown" else ""))
    return Decision("answer", reply=replies.answer(results, lang))


# Words that hand a pasted object over to be done: "执行这个", "以这个为准", "go", "that's my call on those".
_GO_WORDS = re.compile(r"执行|照(?:这个|此)|按(?:这个|此)|以(?:这个|此)为准|\bgo\b|\brun (?:it|this)\b|\bdo (?:it|this)\b|\bexecute\b|\bapply\b|\bmy call\b|\buse this\b", re.I)


def decide(turns: list[Turn]) -> Decision:
    """What the model does now, given the whole conversation."""
    if not turns or _last_user(turns) < 0:
        return Decision("help", reply=replies.CAPABILITIES["en"])
    if turns[-1].role == "tool":
        return _after_tools(turns)
    turns = _as_meant(turns)
    at = _last_user(turns)
    snippet = written.json_snippet(turns[at].text) if not written.written_call(strip_attachments(turns[at].text)) else None
    if snippet is not None:  # (not an argument of a call written out: 'fill_placeholders values={"name": …}')  # a pasted JSON object: the words are read without it, its settings are the call's
        said, obj = snippet
        alone, words = written.object_call(obj), written.JSON_OBJECT.sub(" ", strip_attachments(turns[at].text))
        if alone is not None and (not rx.search(r"\w", words) or not intents.classify(variants.plain_chinese(hide_names(words))).name
                                  and (acts.speech_act(words) in ("confirmation", "correction") or _GO_WORDS.search(words))):
            # '```\n{"op": "convert", "file": "x.csv", "to": "alpaca"}\n```': the object alone, a call ("…\n执行这个", "…\ngo",
            # "…\n刚才发的 steps 写错了,以这个为准": words that name no step of their own)
            return Decision("tools", calls=[alone])
        decision = plan_user([*turns[:at], Turn(turns[at].role, said, turns[at].calls, turns[at].name), *turns[at + 1:]])
        if decision.kind == "ask_format" and ({"to", "format"} & set(obj)):  # "按这个配置转一下:{"path": …, "to": "qianfan"}"
            decision = Decision("tools", calls=[{"name": "convert_dataset", "args": {}}])
        if decision.kind == "tools" and len(decision.calls) == 1:
            call = decision.calls[0]
            if call["name"] == "inspect_dataset" and {"name", "author"} & set(obj):
                call = {"name": "fill_placeholders", "args": {"path": call["args"]["path"]}}  # "fill FILE with {"name": …}"
            return Decision("tools", calls=[{**call, "args": written.with_snippet(call["name"], call["args"], obj)}])
        return decision
    replied = _quoted_reply(turns, at)
    if replied is not None:
        return replied
    return _over_waiting_plan(_in_own_words(plan_user(turns), strip_attachments(turns[at].text)), turns[:at])


def _over_waiting_plan(decision: Decision, before: list[Turn]) -> Decision:
    """"ok but 4 epochs, go" while a start with 3 epochs and lr 2e-4 waits: the same step planned again keeps the waiting
    plan's other settings (the learning rate said before is not lost), and takes the new ones over them. Another file
    is another plan."""
    last = _last_result(before)
    if last is None or decision.kind != "tools" or len(decision.calls) != 1:
        return decision
    waiting = last.pending or {}
    call = decision.calls[0]
    kept = dict(waiting.get("args") or {})
    if waiting.get("tool") != call["name"] or call["args"].get("path", kept.get("path")) != kept.get("path"):
        return decision
    return Decision("tools", calls=[{"name": call["name"], "args": {**kept, **call["args"]}}])


# "> Starting training with lora_r=16\nwait, I said r=8, not 16": the assistant's words quoted on ">" lines, then the reply.
_QUOTE_LINES = re.compile(r"\A(?:[ \t]*>[^\n]*\n)+(?=\s*[^\s>])")


# A step the quoted assistant's line asks about: offered ("要不要先做学习率探测?", "Want me to reword some?") or asked bare after
# what it reports ("Loss has been NaN since step 340. Stop the run?"), what the quote says first kept as the step's setting.
_ASKED_STEP = re.compile(r"\s*>\s*(?P<lead>[^?？\n]*?[.。!！]\s*)?(?:(?:要不要|需不需要|是否(?:要)?|要我|(?:do you )?want me to|shall i|should i)\s*(?:先)?(?P<offered>.+?)|"
                         r"(?(lead)(?P<step>(?:stop|resume|evaluate|start|停掉?|恢复|评估)[^?？\n]{0,30})|(?!)))\s*[?？]\s*", re.I)


def _quoted_reply(turns: list[Turn], at: int) -> Decision | None:
    """A reply under quoted lines: a yes is a confirmation; values in the reply put right the quoted ones (the reply's
    step, or the quoted step with the reply's values over them). None when the message quotes nothing."""
    raw = turns[at].text
    said = strip_attachments(raw)
    quote = _QUOTE_LINES.match(said)
    if not quote:
        return None
    rest = said[quote.end():].strip()

    def replan(words: str) -> Decision:  # the message as if only ``words`` had been sent, with its attachments
        return plan_user([*turns[:at], Turn(turns[at].role, with_attachments(words, attached_files(raw)), turns[at].calls, turns[at].name), *turns[at + 1:]])

    # ("> The prompts in FILE are very uniform. Want me to reword some?\nyeah, 60% of them": what the quote says first is the offer's
    # setting; "> Loss on X has been NaN since step 340. Stop the run?\nyes stop it": a step asked as a bare question)
    asked = _ASKED_STEP.fullmatch(said[:quote.end()])
    yes = rx.match(r"\W*(?:要|好的?|行|可以|嗯|yes|yeah|yep|sure|ok(?:ay)?)(?![A-Za-z])[,，!！.\s]*(?:but\s+|不过\s*)?(?=\S)", rest, re.I)
    if asked and asked.group("offered") and rx.fullmatch(r"(?:proceed|continue|go ahead|go on|start|begin|do (?:it|that|this)|开始|执行|继续)\W*", asked.group("offered"), re.I):
        asked = None  # "> Plan: convert FILE to qianfan. Shall I proceed?\nyes go ahead": a yes to the plan quoted, no step offered anew
    if asked and yes:  # "> 要不要先对这个文件做一次学习率探测?\n要,跑200步就够了": the step asked, with the reply's settings
        step = asked.group("offered") + ", " if asked.group("offered") else asked.group("step") + ". "
        return replan((asked.group("lead") or "") + step + rest[yes.end():])
    question = rx.fullmatch(r"\s*>\s*(.+?[?？])\s*", said[:quote.end()], re.S)
    count = probe.probe_steps(rest) or (int(bare.group(1)) if (bare := rx.match(r"\W*(\d{1,4})(?![\d.%])", rest)) else None)
    if question and probe.asks_probe(question.group(1)) and count and acts.speech_act(rest) not in ("question", "hypothetical"):
        # "> 开训前建议先在 FILE 上做学习率探测,要跑多少步?\n100 步,跑吧", "> …a quick LR probe. How many steps?\n150, go": the probe
        # the quoted question offers, with the steps the reply gives
        probed = plan_step(f"{question.group(1)} {count} steps", remember(turns[:at + 1]), attached_files(raw), intent="probe_learning_rate")
        if probed.kind == "tools":
            return Decision("tools", calls=[{"name": "probe_learning_rate", "args": {**probed.calls[0]["args"], "steps": count}}])
    named_first = rx.match(r"\s*([\w.\-/#]+)\s*(?:[,，;；]|$)", rest)  # ("…\nfaq_short_en.jsonl, 30% of it": the name, then details)
    if question and named_first and (names.find_run_id(named_first.group(1)) or resolve_named(named_first.group(1), [])):
        asked = reading.read(variants.plain_chinese(question.group(1)), True).tool
        if asked not in _RUN_TOOLS + NEEDS_PATH:  # "> Which file should I augment?": the step the assistant's question names
            ranked = intents.classify(question.group(1)).ranked[0]
            asked = ranked[0] if ranked[1] >= 1 else asked
        if asked in _RUN_TOOLS + NEEDS_PATH:  # "> Which run do you want the status of?\nrun-0612-a": the quoted question's step
            return plan_step(rest, remember(turns[:at + 1]), attached_files(raw), intent=asked)
    if (question and (ruled := review.rule_named(question.group(1))) and review.decides(question.group(1))
            and (decided := review.decision(rest)) and acts.speech_act(rest) not in ("question", "hypothetical")):
        # "> 空答案的记录要删除还是保留?\n删,空的留着干嘛": the rule the quoted question names, the decision the reply gives
        return Decision("tools", calls=[{"name": "apply_quality_rule", "args": {"rule": review.rule_named(rest) or ruled, "decision": decided}}])
    if _REDO.search(rest) and not question:
        # "> Converted FILE (sheet: Q1) to qianfan…\nagain but sheet Q2", "> LR range test … (50 steps)…\nagain but 400 steps": the
        # step the quoted reply did, again, with what the person changes (names included: "again but for r_1124")
        done = replan(rx.sub(r"(?m)^\s*>\s?", "", said[:quote.end()]))
        if done.kind == "tools" and done.calls[0]["name"] != "explain":
            tool = done.calls[0]["name"]
            changed = plan_step(rest, remember(turns[:at + 1]), attached_files(raw), intent=tool)
            own = changed.calls[0]["args"] if changed.kind == "tools" else arguments_for(tool, rest, {}, variants.plain_chinese(rest))
            return Decision("tools", calls=[{"name": tool, "args": {**done.calls[0]["args"], **own}}])
    alone = replan(rest)
    if question and alone.kind == "tools" and alone.calls[0]["name"] == "explain" and acts.speech_act(rest) in ("question", "hypothetical"):
        return alone  # "> 是否要停止 X?\n先别停,我问下:停了之后还能从断点接着训吗?": the reply asks, nothing is done
    if alone.kind != "tools" and rx.match(r"\W*(?:谢|多谢|thanks|thank you|thx|cheers)", rest, re.I):
        return alone  # "> 训练已停止\n谢了兄弟,今天先到这儿": thanks for what was done
    if alone.kind != "tools" and (acts.speech_act(rest) == "confirmation" or intents.says_yes(rest) and not review.decides(rest)):
        return alone  # "> Plan: … Shall I proceed?\nyes go ahead": the yes answers the plan quoted; "> 已添加 few-shot\n谢谢"
    whole = _in_own_words(plan_user(turns), said)
    if whole.kind != "tools" or alone.kind == "tools" and alone.calls[0]["name"] != whole.calls[0]["name"]:
        return None  # the reply's own step, read as before
    if alone.kind != "tools" and not _PUTS_RIGHT.search(rest):
        return None
    call = whole.calls[0]  # ("> 已为 30% 的样本添加 few-shot\n不是30%,我说的是两成": the quoted step, the reply's values over its own;
    # names (a file, a column, a sheet) stay as quoted)
    own = alone.calls[0]["args"] if alone.kind == "tools" else arguments_for(call["name"], hide_names(rest), {}, variants.plain_chinese(hide_names(rest)))
    own = {k: v for k, v in own.items() if k not in ("path", "question_field", "answer_field", "rationale_field", "sheet")}
    return Decision("tools", calls=[{**call, "args": {**call["args"], **own}}, *whole.calls[1:]])


_PUTS_RIGHT = re.compile(r"不是|不对|我说的是|改成|\bnot\b|\bnope\b|\bno\b|\bwait\b|\bi said\b|\bmake it\b|\binstead\b", re.I)


def _bare(text: str) -> str:
    return rx.sub(r"[\W_]+", "", text).lower()


def _in_own_words(decision: Decision, said: str) -> Decision:
    """The question explained as the person wrote it: reading it blanks quotes and writes labels ("warmup (ratio 0.03)" →
    "warmup: ratio 0.03"); the same words, punctuated otherwise, are given back as they were said."""
    for call in decision.calls:
        question = call["args"].get("question") if call["name"] == "explain" else None
        if question and question != said.strip() and _bare(question) == _bare(said):
            call["args"]["question"] = said.strip()
    return decision

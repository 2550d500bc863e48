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

from assistant.nlu import fuzzy, rx
from assistant.nlu.choice import chosen
from assistant.nlu.names import SHORT_R
from assistant.nlu.numbers import EN_NUMBER_WORDS, parse_number
from assistant.nlu.paths import EXTENSIONS, RUN_ID, TOOL_NAMES
from assistant.nlu.paths import quoted as quoted_spans

# A data file named in the text, its extensions the ones `paths` knows (one list, not one per pattern).
_FILE_NAMED = rf"[\w.-]+\.(?:{EXTENSIONS})\b"
_FILE_TAIL = rf"\.(?:{EXTENSIONS})\b"
# The words before "dot EXT" that belong to the name: lower-case words and numbers, back to a word of the sentence.
_NOT_NAME = {"a", "an", "the", "on", "in", "to", "at", "of", "for", "from", "with", "into", "and", "or", "is", "it", "file",
             "look", "check", "convert", "inspect", "train", "training", "called", "named", "use", "using", "open", "my", "our",
             "your", "this", "that", "data", "dataset", "about", "add", "samples", "some", "me", "please", "can", "you"}
_SAID_FILE = re.compile(rf"((?:[A-Za-z0-9_-]+ ){{1,5}})dot ({EXTENSIONS})\b", re.I)
_HEARD = ((re.compile(r"\bstop (?:asking|bugging|nagging|pestering)(?: me)?(?: to confirm| for confirmation)?\b[.!]?", re.I), ""),  # "Stop asking me to confirm": no run
          # a run at rest or back at work, said of a worker: "让它先歇会儿", "叫它接着干活"; "康康" is 看看
          (re.compile(r"(?<=[让叫])(?:它|他|那个|这个)?(?:先)?歇(?:会儿?|一会儿?|一下)"), "先停一下"), (re.compile(r"(?<!我)(?<!我就)(?<!我再)(?<!咱)(?<!咱们)(?<!我们)[\"“「]?(?:接着|继续)干活[\"”」]?"), "接着跑"),
          (re.compile(r"康康(?![^“”「」\"']{0,12}[”」\"'])"), "看看"), (re.compile(r"罗拉"), "lora"),  # ("用罗拉训练": LoRA as it sounds)
          # another tool's naming told, no format asked: "按 OpenAI 的叫法应该是 n_epochs=2", "I meant 2 — OpenAI habit", "in OpenAI's terms"
          (re.compile(r"(?:按(?:照)?|用)\s*(?:OpenAI|千帆|qianfan|LLaMA-?Factory|llamafactory)\s*(?:那边)?的(?:叫法|说法|命名|习惯|术语)|"
                      r"(?:\s*[-—–,(]\s*|\s+)(?:OpenAI|Qianfan|千帆|LLaMA-?Factory)\s+habit\b\)?|\bin (?:OpenAI|Qianfan|LLaMA-?Factory)'s (?:terms|naming|words|lingo)\b", re.I), ""),
          (re.compile(r"(?<![\w-])n_epochs(?![\w-])", re.I), "epochs"),  # OpenAI's name for the setting
          # our words as a phone's autocorrect or a Chinese input method turns them: "shark GPT", "near due licates", "epics 3",
          # "the perplexing scoring", "微条", "去虫", "学习路", "壮态", "千番"
          (re.compile(r"\bshark\s*-?\s*gpt\b|\bshare\s*chat\b(?=\W*(?:format|格式))", re.I), "sharegpt"),
          (re.compile(r"\bdue\s?licate", re.I), "duplicate"), (re.compile(r"\bperplexing(?= scor)", re.I), "perplexity"),
          (re.compile(r"\bepics\b(?=\s*[:=]?\s*\d)|(?<=\d )epics\b|(?<=how many )(?:epics|rounds)\b(?!\s+(?:has|have|did|does|is|was|were)\b)", re.I), "epochs"), (re.compile(r"\bRoLA\b"), "LoRA"),
          (re.compile(r"微条"), "微调"), (re.compile(r"去虫"), "去重"), (re.compile(r"学习路(?!线|径)"), "学习率"), (re.compile(r"壮态"), "状态"),
          (re.compile(r"千番"), "千帆"),
          # our words mixed up with others that sound or look alike: "劳拉训练", "with Laura", "轮回设成 8", "perplexion", "困惑值",
          # "近亲重复", "near-twins", "almost-duplicates", "質素" (Cantonese for quality), "🌰" (an example), "10 times over"
          (re.compile(r"劳拉|(?<=with )Laura\b|\bLaura(?= (?:training|fine-?tun|rank|adapter|run))"), "LoRA"),
          (re.compile(r"轮回(?=\s*(?:设|改|定|跑|用|要|是|=|:|：|\d|[一二两三四五六七八九十]))"), "epoch"),
          (re.compile(r"\bperplexion\b", re.I), "perplexity"), (re.compile(r"困惑值"), "困惑度"),
          (re.compile(r"近亲重复"), "近似重复"), (re.compile(r"\bnear[- ]twins\b|\balmost[- ]duplicates\b", re.I), "near-duplicates"),
          (re.compile(r"質素"), "质量"), (re.compile(r"🌰"), "例子"),
          (re.compile(r"(?<=\d) times over\b|(?<=\d) times(?= (?:through|round|around)\b)", re.I), " epochs"),
          # sports words for epochs and samples: "6 laps over FILE", "3 passes", "跑 2 趟", "what lap is X on", "800 reps in the set"
          (re.compile(r"(?<=\d )(?:laps|passes)\b|(?:(?<=\bone )|(?<=\btwo )|(?<=\bthree )|(?<=\bfour )|(?<=\bfive )|(?<=\bsix )|(?<=\bten ))(?:laps|epics)\b|"
                      r"(?<=how many )laps\b", re.I), "epochs"), (re.compile(r"(?<=\bwhat )lap\b", re.I), "epoch"),
          (re.compile(r"(?<=[\d一二两三四五六七八九十])\s*趟(?!\s*(?:车|路))(?![^。!！]*\d+\s*(?:个\s*)?epochs?)", re.I), "个epoch"), (re.compile(r"(?<=\d )reps\b", re.I), "samples"),
          # words as voice typing hears them: "qa 下划线 pair 点 csv", "fin underscore cqa dot Jason L", "all paca", "doops", "迅练",
          # "千帆隔世", "加 few shot 失利", "思维连", "困惑渡", "一破克", "名字天小智"
          (re.compile(r"\s+(?:下划线|underscore)\s+", re.I), "_"), (re.compile(r"\bJason L\b|\bjson l\b", re.I), "jsonl"),
          (re.compile(r"\s+(?:点|\bdot)\s+(?=(?:jsonl|json|csv|xlsx|xls|tsv|txt)\b)", re.I), "."), (re.compile(r"(?<=\.)Jason\b", re.I), "json"),
          (re.compile(r"\ball paca\b", re.I), "alpaca"), (re.compile(r"\bdoops\b", re.I), "dupes"), (re.compile(r"\bchain of thot\b", re.I), "chain of thought"),
          (re.compile(r"迅练"), "训练"), (re.compile(r"(?<=千帆)隔世|(?<=alpaca)隔世"), "格式"), (re.compile(r"(?<=shot)\s*失利|(?<=few-shot)失利"), "示例"),
          (re.compile(r"思维连"), "思维链"), (re.compile(r"困惑渡"), "困惑度"), (re.compile(r"一破克|一坡克"), "epoch"), (re.compile(r"(?<=名字|作者)天(?=\S)"), "填"),
          (re.compile(r"学习绿"), "学习率"), (re.compile(r"金丝重复"), "近似重复"),
          # a count after cleaning, told beside the one before: "Down to 2,870 from 3,000 after cleanup — what epochs now?"
          (re.compile(r"\bdown to ([\d,.]+\s*k?) from [\d,.]+\s*k?\b(?: (?:rows|samples|records))?", re.I), r"\1 samples now"),
          # a step to be done before training on a file: "用 identity.json 訓練之前,名字請填「小晴」": the file, then the step
          (re.compile(r"^\W*(?:在)?(?:用|拿)\s*(" + _FILE_NAMED + r")\s*(?:训练|訓練|开训|訓|训)之前\s*[,，]\s*"), r"\1 "),
          # a run's stop told with its reason, then the request: "run-0603 停了是因为 FILE 有脏数据,现在先查一下 FILE 的质量"
          (re.compile(r"^[^。!！?？]{0,40}?(?:停了|停掉了|挂了|崩了)是因为[^,，。]{0,40}[,，。]\s*(?=现在)"), ""),
          # a complaint asked as why: "why is r-1130 STILL running?", "为啥 run-9 还在跑?": its status
          (re.compile(r"^\W*why is ((?:run\s+)?[\w.-]*\d[\w.-]*) still (?:running|going|training)\W*$", re.I), r"is \1 still running?"),
          # advice asked as what the assistant would do in the person's place: "如果是你,1000 条会设几个 epoch?", "If you were me, …"
          (re.compile(r"(?:如果是你|如果换成你|换成是你|换作是你|你要是我|要是你是我)\s*[,，]?\s*(?=[^?？]{0,40}(?:几|多少|[?？]\s*\S))"), ""),
          (re.compile(r"^\W*if you were me\s*,?\s*(?=how many|what|[^?]{0,80}\?\s*\S)|,?\s*if you were me\b(?=[^?]{0,4}\?\s*\S)", re.I), ""),
          # the product's step names in quotes: "'Quality check' on X", "「质量检查」 X", "'Training status' r-303"
          (re.compile(r"[「『'\"“‘](质量检查|quality check|training status|训练状态|inspect|convert|转换)[」』'\"”’]", re.I), r"\1"),
          # clauses numbered like a contract: "1.1 训练数据:X。1.2 轮数(epoch):8。" (the numbers are the clauses', no values)
          (re.compile(r"(?:^|(?<=[。;；]))\s*[1-9]\.[1-9]\s+(?=\D)(?=[^\n]*?[。;；]\s*[1-9]\.[1-9]\s)|(?<=[。;；])\s*[1-9]\.[1-9]\s+(?=\D)"), ""),
          # a value asked and answered inline: "轮数?4。学习率?2e-4。", "Epochs? 3. LR? 2e-4. Rank? 16."
          (re.compile(r"(轮数|epochs?|学习率|\blr\b|lora\s*rank|\brank|秩)\s*[?？]\s*(?=\d)", re.I), r"\1 "),
          # thousands set apart by a space: "12 000 Q&A pairs", "augment 1 500 instructions"
          (re.compile(r"(?<![\d.,])(\d{1,3}) (\d{3})(?![\d.,])(?=\s?(?:q&as?|pairs?|rows?|samples?|records?|instructions?|examples?|entries|lines|条|行|个))", re.I), r"\1\2"),
          (re.compile(r"(?<!不)管它(?:是)?(?=[^,，。;；]{1,12}还是)"), "不管是"),  # "管它一模一样还是差不多": whichever
          # how sure the person is, no share: "我有六成把握想加CoT", "九成把握要跑3个epoch", "90% sure I want 3 epochs"
          (re.compile(r"(?:我)?有\s*(?:[一二三四五六七八九十]|\d{1,2})成(?:的)?把握(?:要|想|会)?"), ""),
          (re.compile(r"(?<![\w.])\d{1,3}\s*%\s*(?:sure|certain|confident)\s+(?:that\s+)?(?=(?:i|we)\s+(?:want|need|should|will|'ll|'d like)\b)", re.I), ""),
          # frustration asked, not a question: "这都看不懂吗?我说的是 sharegpt", "Why is nothing easy? Just convert it"
          (re.compile(r"^\W*(?:这都看不懂吗|这都不懂吗|听不懂吗|看不懂吗|why is nothing (?:ever )?easy|seriously|come on)\s*[?？!！.]+\s*", re.I), ""),
          # a count turned down, then the one wanted: "few-shot别加100条了,加50条就行"
          (re.compile(r"别(加|做|扩|生成|造|跑)\s*\d+\s*(条|个|轮|步)了?\s*[,，]\s*(?:\1)?\s*(?=\d+\s*\2)"), r"\1 "),
          # a reason said as what not doing a step costs: "重复数据不删就是白花钱,先帮我查查 FILE 里的重复"
          (re.compile(r"^[^,，。;；]{0,12}?不(?:删|去|清)(?:掉)?(?:就是|的话)[^,，。;；]{0,12}[,，]\s*"), ""),
          # a step foretold, then agreed: "接下来你会把 FILE 转成 alpaca 格式,对吧?那就开始吧。", "You'll be stopping RUN now"
          (re.compile(r"^\W*(?:接下来|明天|待会儿?|然后)?\s*你会(?=把|给)"), ""),
          (re.compile(r"(?<=\S)\s*[,，]\s*对吧\s*[?？]\s*那就(?:开始|开干|这么办)吧?\s*[。.!！]?\s*$"), ""),
          (re.compile(r"^\W*(?:tomorrow |then |next )?you(?:'ll| will)(?: be)? (stopp|convert|train|check|resum|add|inspect|evaluat)(?:ing|e)?\b", re.I),
           lambda m: {"stopp": "stop", "resum": "resume", "evaluat": "evaluate"}.get(m.group(1).lower(), m.group(1))),
          # "why not …?" then more said that is no question: the step suggested ("为什么不把完全重复的那些删了?留着干嘛。",
          # "Why not give identity.json a name? Call it 'Orbit'.")
          (re.compile(r"^\W*(?:why not|为什么不|为啥不|干嘛不)\s*([^?？\n]{2,80})[?？]\s*(?=[^?？\s])(?![^?？]*(?:[?？]|[吗呢么]\W*$))", re.I), r"\1. "),
          # a what-if written as code: "what_if(epochs=40)  # just asking"; a quiz set for the assistant: "考考你会不会看进度:…"
          (re.compile(r"\bwhat_?if\s*\(([^()\n]{1,60})\)", re.I), r"what if \1?"),
          (re.compile(r"^\W*(?:考考你|考你一下)[^::\n]{0,12}[::]\s*"), ""),
          # a concept asked tersely or as in a quiz: "few-shot。何意。", "何谓 CoT", "Near-dup, dup. difference?", "Question 4: define 'X'.",
          # "Explain 'X'! Three sentences max!"
          (re.compile(r"^\W*(?:question|q)\s*\d+\s*[:：.)]\s*(?=(?:define|explain|what|why|how)\b)", re.I), ""),
          (re.compile(r"^\W*([^。.?？!！\n]{2,30}?)\s*[。.]?\s*何(?:意|解)\s*[。.?？]?\s*$"), r"\1 是什么意思"),
          (re.compile(r"^\W*何谓\s*([^。.?？!！\n]{2,30}?)\s*[。.?？]?\s*(?:愿闻其详|请赐教|求解一二)?[。.?？]?\s*$"), r"\1 是什么意思"),
          # "困惑度者,何意也?求解一二。", "混入通用,意义何在?": asked in a classical turn
          (re.compile(r"^\W*([^。.?？!！\n,，]{2,30}?)\s*者?\s*[,，。.]?\s*何(?:意|解)也?\s*[?？。.]*\s*(?:求解一二|请赐教|还望赐教|烦请解惑)?\s*[。.?？]*\s*$"), r"\1 是什么意思"),
          (re.compile(r"^\W*([^。.?？!！\n,，]{2,30}?)\s*[,，]?\s*(?:意义|用意|好处|用处)何在\s*[?？。.]*\s*$"), r"\1 有什么意义"),
          (re.compile(r"^\W*([\w -]{2,30}?)\s*,\s*([\w -]{2,30}?)\s*[.。]\s*(?:the )?difference\s*\?\s*$", re.I), r"difference between \1 and \2?"),
          (re.compile(r"^(\W*(?:explain|define)\s+)[\"'“‘]([\w -]{2,40})[\"'”’]", re.I), r"\1\2"),
          (re.compile(r"(?<=[.!?])\s*(?:in )?(?:three|two|one|\d+) (?:sentences?|lines?|words?)(?: max(?:imum)?| or less| tops)?\s*[.!]*\s*$", re.I), ""),
          # the short forms teams type: "FS: k=4, 30%", "QC the FAQ", "跑个 LRF"
          (re.compile(r"(?<![\w\u4e00-\u9fff./-])FS(?![\w\u4e00-\u9fff./-])"), "few-shot"),
          (re.compile(r"(?<![\w\u4e00-\u9fff./-])(?<![\"“'‘「] )(?<![\"“'‘「])QC(?![A-Za-z0-9_./-])(?!\s+[A-Z][a-z]+[\"”'’」])"), "quality check "),  # (not a quoted name: "QC Answer")
          (re.compile(r"(?<![\w\u4e00-\u9fff./-])LRF(?![\w\u4e00-\u9fff./-])"), "lr probe"),
          (re.compile(r"\bshare[ -]g ?p ?t\b", re.I), "sharegpt"), (re.compile(r"答安"), "答案"), (re.compile(r"重负(?=的|数据|样本)"), "重复"),
          # the product called by another name, as an address: "训练器,用 X 把名字填成…", "the trainer: convert X"
          (re.compile(r"^\W*(?:训练器|那个\s*AI\s*平台|AI\s*平台|the trainer|trainer)\s*[,，:：]\s*", re.I), ""),
          # ("kill $(cat run-7731.pid)": the run, not its pid file)
          # "你帮我记的那个学习率…吗?": what was kept, asked about (not a request to remember)
          (re.compile(r"(?<=你)帮我记(?:住)?的"), "记的"),
          (re.compile(r"例字"), "例子"), (re.compile(r"(?<=[\w-])\.(?:pid|log|out)\b(?!\.)"), ""), (re.compile(r"查个重"), "查重"), (re.compile(r"去个重"), "去重"), (re.compile(r"格试"), "格式"), (re.compile(r"栏位"), "字段"), (re.compile(r"(?<![\w/])w/(?=\s+(?:name|author|the|my|our|a)\b)", re.I), "with"), (re.compile(r"(?<=[A-Za-z])\s+n\s+(?=[A-Za-z]{2})"), " and "), (re.compile(r"(?<=[A-Za-z_])\s*等于\s*(?=\d)"), "="), (re.compile(r"转环"), "转换"), (re.compile(r"\bst(?:po|pp)\b", re.I), "stop"), (re.compile(r"\bqual(?:ity)?[ -]?chk\b|\bqual check\b", re.I), "quality check"),
          (re.compile(r"听(?=(?:一下|掉|了)(?:这个|那个|当前的?)?(?:训练|run))|(?<=训练)听(?=掉|了|一下|下来)"), "停"),
          # a mood, not a run: "论文又被拒了,心态崩了", "我要崩溃了"
          (re.compile(r"心态(?:又|彻底|直接)?崩(?:了|掉了)?|(?<![训跑])(?:我|人)(?:要|快|真的?)?崩溃了?"), "心累"),
          # 删 typed by its sound: "乱码那几条直接山了吧", "重复的山掉"
          (re.compile(r"(?:(?<=直接)|(?<=都)|(?<=全)|(?<=全部)|(?<=给我)|(?<=的))山(?=了|掉|除|吧)|山(?=掉|除)"), "删"),
          # text-speak "2" for "to" before a file: "add few shot 2 qa_v2.jsonl"
          (re.compile(r"(?<=[A-Za-z]) 2 (?=[\w./-]+\.(?:jsonl?|csv|xlsx?|tsv)\b)"), " to "),
          # Markdown marks around a word or a name: "**8**", "`identity.json`", "`{{name}}` → **小墨**", "# 身份数据"
          (re.compile(r"\*\*([^*\n]{1,60}?)\*\*|__([^_\n]{1,60}?)__"), lambda m: m.group(1) or m.group(2)),
          (re.compile(r"`([^`\s]{1,60}\.(?:jsonl?|csv|xlsx?|tsv|txt)|\{\{\w+\}\}|lora_r|lora_rank|epochs?|lr|learning_rate|max_steps|mix_general|"
                      r"[A-Za-z][\w.-]*\d[\w.-]*|\d+(?:\.\d+)?(?:e-?\d+)?)`", re.I), r"\1"), (re.compile(r"(?m)^#{1,6}[ \t]+"), ""),
          # question marks as the data showed them, no question: "part of the export came out as ??????"
          (re.compile(r"(?:(?<=\bas\s)|(?<=\blike\s)|(?<=\binto\s)|(?<=\bwith\s)|(?<=\ball\s)|(?<=[成是了]))[ \t]*[?？]{3,}", re.I), "mojibake"),
          # a tool's word written as its code name: "few_shot --k 4"
          (re.compile(r"(?<![\w.-])few_shot(?![\w.-])", re.I), "few-shot"),
          (re.compile(r"(?<![\w.-])(?:hp|hparams?|hyperparams?)[_ -]suggest(?:ion)?(?![\w.-])", re.I), "suggest hyperparameters"),
          # "the why column is called 'explanation'": the column of reasons, named; no question
          (re.compile(r"\bwhy(?=\s+(?:col(?:umn)?|field)\s+(?:is|was)\s+(?:called|named|labell?ed)\b)", re.I), "rationale"),
          # "my lead wants to know: how do you tell…?", "经理问:…": a question passed on, asked
          (re.compile(r"^\W*(?:my|our) (?:lead|manager|boss|pm|team lead|team|colleague|director|supervisor)\s+(?:wants to know|asked|asks|is asking|wonders|was wondering)\s*[:：,]\s*(?=\S[^\n]*[?？]\s*$)|"
                      r"^\W*(?:经理|老板|领导|组长|主管|同事)(?:想知道|问|问我|让我问下?)\s*[:：,，]\s*(?=\S[^\n]*[?？]\s*$)", re.I), ""),
          (re.compile(r"^\W*(?:同事|经理|老板|领导|组长|主管|客户)(?:问|问我|想知道)\s*[:：]\s*[“\"]([^”\"]{4,120}[?？])[”\"]\s*[^?？]{0,20}$"), r"\1"),
          # "It would be appreciated if X could be converted to…": the request, said actively
          (re.compile(r"\bit would be (?:greatly |much )?appreciated if (.{1,80}?) (?:could be|were|was|would be|be) (inspect|convert|resum|stopp|evaluat|check|augment)(?:ed|ped)\b", re.I),
           lambda m: {"stopp": "stop", "resum": "resume", "evaluat": "evaluate"}.get(m.group(2).lower(), m.group(2)) + " " + m.group(1)),
          # 'Boss: "Stop run X, we're changing the data."', "产品经理原话:“…”": an order passed on in quotes
          (re.compile(r"^\W*(?:(?:my |the |our )?(?:boss|team lead|lead|manager|pm|supervisor|director)|产品经理原话|老板原话|领导原话|经理原话|老板|领导)\s*[:：]\s*[“\"](.{4,300})[”\"]\W*$", re.I), r"\1"),
          # "Tom said, quote, 'augment with templates …'. Do that for 300 samples of X": the order passed on, done as said
          (re.compile(r"^\W*(?:(?-i:[A-Z])\w+|my \w+|our \w+|同事|老板|领导)\s*(?:said|says|wrote|told me|说|说过)[,，:：]?\s*(?:quote[,:]?\s*)?['\"“‘]"
                      r"(.{4,200}?)['\"”’]\s*[.。]\s*(?:do that|do it|do this|照做|就这么做|照这个做)\s*", re.I), r"\1 "),
          # Reproaches that ask for the step: "why haven't you converted X to sharegpt yet?", "why is it still running?", "why are
          # they still in my data?", "那些空答案你还留着干嘛?", "停了的 X 怎么还不接着跑?"
          (re.compile(r"\bwhy (?:haven'?t|hasn'?t|didn'?t|have(?:n'?t| not)) (?:you|u|it|this|that)\s+(?:been\s+)?(convert|stopp|resum|check|evaluat|add|dropp|fill|start|inspect|augment)(?:ed|e?d)\b([^?？]*?)(?:\s+yet)?\s*[?？]", re.I),
           lambda m: {"stopp": "stop", "resum": "resume", "evaluat": "evaluate", "dropp": "drop"}.get(m.group(1).lower(), m.group(1)) + m.group(2) + "."),
          (re.compile(r"\bwhy (?:is|are) (it|they|that|this|the run|(?:run |job )?[A-Za-z][\w.-]*) still (?:running|training|going)\s*[?？]", re.I),
           lambda m: "stop " + ("it" if m.group(1).lower() in ("it", "they", "that", "this", "the run") else m.group(1)) + "."),
          (re.compile(r"\bwhy (?:is|are) (?:it|they|those|these|them) still (?:in|there|here)\b[^?？]{0,20}[?？]", re.I), "drop them."),
          (re.compile(r"^\W*why (?:am i (?:the one|always)|do i (?:have|need) to|must i)\b[^?？]{1,40}[?？]\s*(?=\S)", re.I), ""),  # "why am I the one picking epochs? give me …"
          (re.compile(r"你?(?:还)?(?:留着|保留着?)(?:干嘛|干什么|做什么)\s*[?？]"), "删掉。"),
          (re.compile(r"怎么还不(?=接着|继续|恢复|停|转|删|开始|评估)([^?？,，。]{1,6})\s*[?？]"), r"\1。"),
          # "停止……开玩笑的,别停。看一下 X 的 loss 就行": what was said as a joke is taken back
          (re.compile(r"^[^。.!！?？\n]{0,30}?(?:开玩笑的|开个玩笑|逗你的|\bjust kidding\b|\bjk\b(?![-_\w])|\bkidding\b)[,，。.!！…]*\s*(?:别停[。.!！,，]*\s*|don'?t (?:actually )?(?:stop|kill) it[.!,]*\s*)?", re.I), ""),
          (re.compile(r"(?:讲|说|解释)(?:清楚|明白)为(?:啥|什么)"), "讲清楚原因"),  # "要一步步讲清楚为啥报错那种": the reasoning asked of the samples
          # "给个建议,顺便说下为啥", "suggest settings and tell me why": the reasons the advice gives anyway, no question
          (re.compile(r"[,，;；]?\s*(?:顺便|并且?|再|也)?(?:说|讲|解释)(?:下|一下)?(?:为啥|为什么|原因|理由)\W*$|,?\s*\b(?:and )?(?:tell me|explain|say) why\W*$", re.I), ""),
          # "就不能先说清楚吗:要是我现在把 X 停了,会怎样?": an impatient opener before the question itself
          (re.compile(r"^\W*(?:就不能|能不能|可不可以)先?(?:说清楚|讲清楚|解释清楚|说明白|讲明白)[吗嘛么]?\s*[:：,，?？!！]*\s*(?=\S)"), ""),
          # "Last week I converted… next week I'll train. Right now, just inspect X": the part asked for now
          (re.compile(r"^(?=.{0,200}?(?:\b(?:last|next) (?:week|month|quarter)\b|'ll\b|\bwill\b)).{10,200}?[.!;]\s*(?:right now|for now|today)\s*,?\s*"
                      r"(?:just |only )?(?=(?:inspect|check|convert|look|show|stop|resume|add|fill|probe|evaluate|train|suggest)\b)", re.I | re.S), ""),
          # "Remember: keep your answers short. Now take a look at X": a preference noted, then the request
          (re.compile(r"^\W*(?:please |just )?(?:remember|note|记住|记一下)\s*[:：,，]\s*(?=[^.。!！\n]{0,40}(?:answers?|repl(?:y|ies)|回答|回复))[^.。!！\n\d]{1,80}[.。!！]\s*(?=\S)", re.I), ""),
          # "would it kill anyone to just tell me…": a sharp request, no run killed
          (re.compile(r"\bwould it kill (?:you|anyone|anybody|ya) to\b", re.I), "could you"),
          # "kill me", "杀了我吧": a sigh, no run killed
          (re.compile(r"\bkill me(?: now)?\b", re.I), "ugh"),
          # words speech-to-text wrote by their sound: "思维连", "开始迅练", "两个一剖克", "推理在 解析 那一烈", "名字天成 小慧"
          (re.compile(r"思[唯为维]连|思唯链"), "思维链"), (re.compile(r"迅练|训连|巡练"), "训练"),
          (re.compile(r"(?:一|依|艾|伊)(?:剖|破|泼)(?:克|刻|可|ch)"), "epoch"), (re.compile(r"(?<=[那这哪]一)烈|(?<=[那这])烈(?=[,，。里])"), "列"),
          (re.compile(r"(?<=名字|名称|作者)\s*天(?=成\s|\s)"), "填"),
          # a beginner's words for the settings: "跑几圈", "6 loops", "速度设多少", "which speed works best"
          (re.compile(r"(?<=[\d几多少两三四五六七八九十])\s*圈(?!子)"), "轮"), (re.compile(r"(?<=\d)\s*loops?\b|(?<=how many)\s+loops\b", re.I), " epochs"),
          (re.compile(r"(?<!训练)(?<!跑的)(?<!推理)(?<!生成)速度(?=\s*(?:设|用|调|定|多少|多大|最合适|合适|那个))|(?<=哪个)速度|(?<=什么)速度"), "学习率"),
          (re.compile(r"\b(what|which|a bunch of|different|several|some|the best) speeds?\b(?=[^.?!\n]{0,40}\b(?:should|use|works?|best|for|on)\b)", re.I),
           r"\1 learning rates"),
          # slang for a look: "have a squiz at this file", "have a gander"
          (re.compile(r"\bhave a (?:squiz|gander|butcher'?s|dekko|look-see|peek|squint)\b", re.I), "have a look"),
          # the step by what it does: "the thinking-steps thing", "step-by-step reasoning stuff"
          (re.compile(r"\b(?:the )?thinking[- ]steps?(?: thing| stuff)?\b|\bstep[- ]by[- ]step (?:reasoning|thinking) (?:thing|stuff)\b", re.I), "CoT"),
          # thumbs on a phone: "stp run-0701-c pls", "chk the file", "cnvrt to alpaca"
          (re.compile(r"(?<![\w.-])(?<!\d )stp(?![\w.-])", re.I), "stop"), (re.compile(r"(?<=\d )stps?(?![\w.-])", re.I), "steps"), (re.compile(r"(?<![\w.-])chk(?![\w.-])", re.I), "check"),
          (re.compile(r"(?<![\w.-])cnvrt(?![\w.-])", re.I), "convert"),
          # autocorrect's slips into real words: "what learning rat should i use", "is run X dine yet", "start raining… 3 epics",
          # "插一下 X 的只量", "近似重副"
          (re.compile(r"\blearning rat\b", re.I), "learning rate"), (re.compile(r"\b(?:dine|dome|dune) yet\b", re.I), "done yet"),
          (re.compile(r"\bstart raining\b", re.I), "start training"), (re.compile(r"(?<=\d )epics\b", re.I), "epochs"),
          (re.compile(r"只量"), "质量"), (re.compile(r"^插一下|(?<=帮我)插一下(?=[^。!！?？]{0,40}质量)"), "查一下"), (re.compile(r"重副|重负"), "重复"),
          # characters typed by their sound: "训炼3论", "去从掉", "千反格式"; a Scots "intae"; keys mistyped ("naem = X, auther = Y")
          (re.compile(r"训炼"), "训练"), (re.compile(r"(?<=[\d一二两三四五六七八九十])\s*论(?![文述点坛])"), "轮"), (re.compile(r"去从"), "去重"),
          (re.compile(r"千反"), "千帆"), (re.compile(r"\bintae\b", re.I), "into"),
          (re.compile(r"\bnaem(?=\s*[=:])", re.I), "name"), (re.compile(r"\bauther(?=\s*[=:])", re.I), "author"),
          (re.compile(r"^\W*(?:fil|set)(?=\s+\S+\.json\b[:,]?\s+(?:name|author|naem|auther)\b)", re.I), "fill"),  # ("set identity.json name to 'X'")
          (re.compile(r"(?<![\w.-])(?:colum|collumn|coloumn|colunm|colmn)(s?)(?![\w.-])", re.I), r"column\1"),
          # an English verb glued to the Chinese after it: "stop一下 run_0709", "check下这个文件", "convert一下"
          (re.compile(r"(?<![A-Za-z])(stop|kill|check|convert|train|resume|evaluate|eval|inspect|probe|drop|keep|start)"
                      r"(?=(?:一下|下|吧|一波|一遍|一次)(?![\w.]*\.(?:jsonl?|csv|xlsx?)\b))", re.I), r"\1 "))


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


# A value put right on the same line with a star before it: "sharegpt *openai", "每条 4 个例子 *每条 2 个".
_STAR_INLINE = re.compile(r"(?<=[^\s*])[ \t]+\*(?=[^\s*])(?![^\s*]*\*)")


def star_inline(text: str) -> str:
    """``text`` with a star written before a word on the same line (the chat convention for "I meant") said as "I mean".

    >>> star_inline("convert qa.csv to sharegpt *openai")
    'convert qa.csv to sharegpt, I mean openai'
    >>> star_inline("短答案保留 *删掉,短答案全删")
    '短答案保留,我是说删掉,短答案全删'
    >>> star_inline("drop the *really* bad ones")
    'drop the *really* bad ones'
    """
    return _STAR_INLINE.sub(lambda m: ",我是说" if rx.search(r"[\u4e00-\u9fff]", m.string) else ", I mean ", text)


# …and each mark after its value: "alpaca ✗ → sharegpt ✓"
_TICKED_AFTER = re.compile(r"^\W*([^✗✘❌✓✔✅\n:：=?？→]{1,30}?)\s*[✗✘❌]\s*(?:→|->|,|，)?\s*(?!or\b|还是)([^✗✘❌✓✔✅\n?？]{1,30}?)\s*[✓✔✅]", re.I)
_CROSSED_TICKED = re.compile(r"^\W*[❌✗✘]\s*([^❌✗✘✅✔✓\n别不删留保要]{1,30}?)\s*[✅✔✓]\s*(?=[^\s✅✔✓❌])")


def crossed_ticked(text: str) -> str:
    """``text`` with a value crossed out, then the one ticked, said as words.

    >>> crossed_ticked("❌ sharegpt ✅ jsonl"), crossed_ticked("alpaca ✗ → sharegpt ✓")
    ('not sharegpt, jsonl', 'not alpaca, sharegpt')
    """
    return _TICKED_AFTER.sub(r"not \1, \2", _CROSSED_TICKED.sub(r"not \1, ", text))


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


# Markdown typed into the chat: a heading's marks, bold, a file or a method in code marks, a table's rows, a value struck out.
_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
_BOLD = re.compile(r"\*\*([^*\n]{1,80})\*\*|__([^_\n]{1,80})__")
_CODE_WORD = re.compile(r"`([^`\s]{1,80}\.[A-Za-z0-9]{2,5}|full|q?lora|k|r|lr|lora_r|rank|learning_rate|mix_general)`", re.I)
# (a file, a method or a setting's key; other code marks quote a value)
_STRUCK = re.compile(r"~~[^~\n]{1,80}~~\s*(?:→|->)?\s*")
_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|[ \t]*([^|\n]+?)[ \t]*\|[ \t]*([^|\n]+?)[ \t]*\|[ \t]*$")
_TABLE_HEAD = re.compile(r"(?m)^[ \t]*\|[^\n]*\|[ \t]*\n(?=[ \t]*\|[ \t]*:?-{2,})")
_TABLE_ONE_ROW = re.compile(r"(?m)^[ \t]*(\|[^\n]*\|)[ \t]*\n[ \t]*\|[ \t]*:?-{2,}[-:| \t]*\|?[ \t]*\n[ \t]*(\|[^\n]*\|)[ \t]*(?:\n|$)(?![ \t]*\|)")


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


_TABLE_RULE = re.compile(r"(?m)^[ \t]*\|[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|[ \t]*\n?")


def unmarked(text: str) -> str:
    r"""``text`` with its Markdown read as words: "## 超参\n方法:**full**" → "超参\n方法:full", "~~k=5~~ → **k=3**" → "k=3",
    a two-column table's rows as "key: value" (its header row left out).

    >>> unmarked("## Next\nSuggest **hyperparameters** for `recipes.jsonl` — method: `full`")
    'Next\nSuggest hyperparameters for recipes.jsonl — method: full'
    >>> unmarked("| key | value |\n|---|---|\n| name | Atlas |")
    'name: Atlas'
    """
    if not rx.search(r"[*_`#|~]", text):
        return text
    one_row = _TABLE_ONE_ROW.search(text)
    if (one_row and len(heads := _cells(one_row.group(1))) == len(values := _cells(one_row.group(2))) >= 2
            and not (len(heads) == 2 and heads[1].lower() in ("value", "values", "值", "取值", "设置", "setting"))):  # (a key/value table)
        # "| 文件 | 步数 |\n|---|---|\n| a.json | 300 |": a header and one row, each value under its name
        text = text[:one_row.start()] + ", ".join(f"{h}: {v}" for h, v in zip(heads, values)) + text[one_row.end():]
    text = _TABLE_HEAD.sub("", text)  # (the header row names the columns, no value)
    text = _TABLE_RULE.sub("", text)
    text = _TABLE_ROW.sub(lambda m: f"{m.group(1)}: {m.group(2)}", text)
    text = _STRUCK.sub("", text)
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    return _CODE_WORD.sub(r"\1", _HEADING.sub("", text))


# "3 to 5 epochs, go with 4", "100-300 steps... 200", "20-30%, call it 25%", "5e-5 to 1e-4 is fine, take 1e-4": a range, then
# the value picked from it.
_NUM = r"\d+(?:\.\d+)?(?:e-?\d+)?"
_RANGE = re.compile(rf"(?:(?:somewhere |anywhere )?(?:between|from) )?(?<![\w.-])({_NUM})\s*%?\s*(?:to|-|–|~|and|至|到)\s*({_NUM})(?![\w.])(\s*%)?", re.I)  # (not "Qwen2-1.5B")
_PICK = re.compile(rf"^(?:[^.;\n]|\.(?=\w)){{0,48}}?(?:\bgo(?:ing)? with|\btake|\bcall it|\bsay|\bi'?ll take|\bpick|\blet'?s do|\bsettle on|\bstart with|\bmake it|"
                   rf"\bset [\w_]+ to|\buse|就用|就按|按|先来|先做|就|选|取)\s*({_NUM})"
                   rf"|^[^\n]{{0,30}}?(?:\.\.\.|…|,)\s*({_NUM})\s*(%?)\s*[.。]?\s*$", re.I)


_ZH_NUM = r"[一二两三四五六七八九十百千]+"
_ZH_RANGE = re.compile(rf"(?<![一二两三四五六七八九十百千\d])({_ZH_NUM})\s*(?:到|至)\s*({_ZH_NUM})(?=\s*(?:轮|个|条|步|成))")
_ZH_PICK = re.compile(rf"^[^。;；\n]{{0,24}}?(?:就按|按|就用|先来|就|选|取|定)\s*(\d+|{_ZH_NUM}成(?:{_ZH_NUM}|半)?|{_ZH_NUM})")


def picked(text: str) -> str:
    """``text`` with a range written as the value picked from it right after ("3 to 5 epochs, go with 4" → "4 epochs, go
    with"), so the value is read once, where the range stood.

    >>> picked("Train on x.jsonl. 3 to 5 epochs, go with 4.")
    'Train on x.jsonl. 4 epochs, go with .'
    >>> picked("LR range test on x.jsonl, 100-300 steps... 200.")
    'LR range test on x.jsonl, 200 steps... .'
    >>> picked("3 to 5 epochs is what people use")
    '3 to 5 epochs is what people use'
    """
    for m in reversed(list(_RANGE.finditer(text))):
        pick = _PICK.match(text[m.end():])
        if pick:  # the value stands where the range was; said again after it, it is said once
            group = 1 if pick.group(1) else 2
            value, at, end = pick.group(group), m.end() + pick.start(group), m.end() + pick.end(group)
            unit, tail = m.group(3) or "", m.end()
            if float(value) < 1 <= float(m.group(2)) and (percent := rx.match(r"\s*(?:%|percent\b|per ?cent\b)", text[m.end():], re.I)):
                unit, tail, value = "%", tail + len(percent.group(0)), f"{float(value) * 100:g}"  # "10 to 20 percent … make it 0.15": 15%
            text = text[:m.start()] + value + unit + text[tail:at] + text[end:]
    for m in reversed(list(_ZH_RANGE.finditer(text))):
        pick = _ZH_PICK.match(text[m.end():])
        if pick:  # "三到五轮都行,你就按 4 轮来", "一到两成的样本…按一成五算"
            value, tail = pick.group(1), m.end()
            if value.endswith(("成", "半")) or rx.search(r"成[一二三四五六七八九]$", value):
                tail += 1 if text[m.end():m.end() + 1] == "成" else 0  # "一到两成…按一成五": the share reader reads 一成五
            text = text[:m.start()] + value + text[tail:m.end() + pick.start(1)] + text[m.end() + pick.end(1):]
    return text


# Values weighed, then one settled on: "3个?4个?算了就4个吧", "100?不,200 吧", "8 还是 16……16 吧", "一成?两成?行吧两成",
# "30 samples... 50? ok 50", "10%? 15%? go with 15", "50 is too few, 300 too many, 120? yeah 120", "sharegpt 还是 openai 呢…定了,
# openai", "drop? keep? … keep them"; or settled on in so many words: "1500 examples, or 1800 with the new batch, call it 1800".
_WEIGHED_KINDS = (
    re.compile(r"(?<![A-Za-z0-9_.-])(?P<v>\d+(?:\.\d+)?(?:e-?\d+)?|[一二两三四五六七八九]成|\b(?:an?|one) (?:third|quarter|fifth|tenth)\b|\bhalf\b)(?P<u>\s*(?:%|个|条|步|轮|samples?|examples?|steps?|epochs?|rows?)(?![A-Za-z]))?", re.I),
    re.compile(r"(?<![A-Za-z0-9_-])(?P<v>alpaca|sharegpt|qianfan|openai|千帆)(?P<u>)(?![A-Za-z0-9_-])", re.I),
    re.compile(r"(?<![A-Za-z0-9_-])(?P<v>drop|keep)(?P<u>)(?![A-Za-z0-9_-])", re.I))
_OFFER_AFTER = re.compile(r"^\s*(?:例子|示例|样本|epochs?|samples?|examples?)?\s*(?:呢|吗)?\s*(?:[?？]|…|\.{2,}|还是|或者|和|之间|,?\s*or\b|(?:is )?too (?:few|many|much|little|low|high)\b|太少|太多)", re.I)
_SETTLE_BEFORE = re.compile(r"(?:算了就?|行吧|那就|就|定了[,，]?|\bgoing with\b|\bi'?ll (?:do|take|use|go with)\b|\bok(?:ay)?\b[,，]?|\byeah\b[,，]?|\byep\b[,，]?|\bgo with\b|\blet'?s (?:say|do|go with)\b|"
                            r"\bmake it\b|\bcall it\b|不\s*[,，]|嗯\s*[,，]?|…|\.{2,})\s*$", re.I)
# What may stand between values weighed: marks, "还是", "or", "too few", "算了就", "ok" (any other word is another setting).
_GAP_WORDS = re.compile(r"[\W_]+|还是|或者|之间|纠结|和|用|算了|就|行吧|那就|定了|不|嗯|呢|吗|吧|例子|示例|样本|了|做|\b(?:or|is|too|few|many|much|little|low|high|ok|okay|yeah|yep|go|with|going|either|epochs?|samples?|examples?|"
                        r"let'?s|say|do|make|it|maybe|like|nah|no)\b|太少|太多", re.I)
_SETTLED_FOR_SURE = re.compile(r"(?:\bcall it\b|\blet'?s say\b|\bsettle on\b|定了[,，]?|就定)\s*$", re.I)


# A request put as a rhetorical question that turns a step down: "客服问答.csv 不转成千帆格式,难道还要我手动一条条贴?", "乱码那几条不扔掉,
# 还想让模型学会说火星文吗?", "You're not seriously keeping the garbled rows in X, are you?", "Are we really going to train on X without
# checking it first?", "Why would I want alpaca? I said sharegpt.": the step wanted.
_NOT_DOING_ZH = re.compile(r"^(?P<pre>[^,，。?？]*?)不(?P<v>转成?|转换成?|扔掉?|删掉?|删除|去掉|清掉|检查|查|训练?|停掉?|评估|加上?)(?P<obj>[^,，。?？]{0,24})[,，]\s*"
                           r"(?:难道|还想|还要|留着|等着|莫非|是想|是要)[^?？]{2,40}[?？]+\s*$")
_NOT_DOING_EN = re.compile(r"^\W*(?:you'?re|you are|we'?re|we are) not (?:seriously |really |actually )?(?:going to )?(?:keep(?:ing)?|leav(?:e|ing)) "
                           r"(?P<obj>[^,?]{3,80}?),? (?:are you|are we|right)\?*\s*$", re.I)
_WITHOUT_FIRST = re.compile(r"^\W*(?:are|were) (?:we|you) (?:really|seriously|honestly)? ?(?:going to|gonna) \w+ (?:on )?(?P<obj>[^?]{3,60}?) without "
                            r"(?P<v>\w+ing) (?:it|them|that|this)?(?: first)?\?+\s*$", re.I)
_WHY_WANT = re.compile(r"^\W*why would (?:i|we) (?:want|need|use|pick|choose) [^?]{1,30}\?+\s*(?=(?:i|we) (?:said|meant|asked for|wanted)\b|我说的是|我要的是)", re.I)


def rhetorical_not(text: str) -> str:
    """``text`` put as a rhetorical question against not doing a step, as the step.

    >>> rhetorical_not("客服问答.csv 不转成千帆格式,难道还要我手动一条条贴?")
    '客服问答.csv 转成千帆格式'
    >>> rhetorical_not("You're not seriously keeping the garbled rows in claims_qa.jsonl, are you?")
    'drop the garbled rows in claims_qa.jsonl'
    >>> rhetorical_not("Are we really going to train on faq_export.csv without checking it first?")
    'run a quality check on faq_export.csv first'
    """
    if m := _NOT_DOING_ZH.match(text):
        return (m.group("pre") + m.group("v") + m.group("obj")).strip()
    if m := _NOT_DOING_EN.match(text):
        return "drop " + m.group("obj").strip()
    if m := _WITHOUT_FIRST.match(text):
        verb = _GERUND.get(m.group("v").lower(), m.group("v"))
        return ("run a quality check on" if verb == "check" else verb) + " " + m.group("obj").strip() + " first"
    if m := _WHY_WANT.match(text):
        return text[m.end():]
    return text


# A customer's or a client's question passed on: "客户问:「我只有 300 条数据,用 LoRA 训几个 epoch 合适?」", "转一个客户的问题:「…?」麻烦解答一下",
# "Customer question: 'Does converting change my original file?' Please clarify", "甲方询问:格式转换是否会改动…?请乙方答复": the question itself.
_PASSED_ON = re.compile(r"^\W*(?:转(?:一个|个)?|帮|from\s+)?(?:客户|用户|顾客|甲方|乙方|老板|同事|领导|\b(?:a |the |our )?(?:customer|client|user|buyer)\b)(?:\s*#?\d+)?\s*"
                        r"(?:的问题|问的|问|询问|提问|留言|来信|question|asks|asked|writes|wrote|says)?\s*[:：]\s*", re.I)
_PASSED_QUOTE = re.compile(r"^\s*[「“\"'‘『](?P<q>[^」”\"’』]{3,200})[」”\"'’』]\s*(?P<rest>.*)$", re.S)


def passed_on(text: str) -> str:
    """``text`` that passes on someone's question, as that question (and what is asked of us after it).

    >>> passed_on("客户问:「我只有 300 条数据,用 LoRA 训几个 epoch 合适?」")
    '我只有 300 条数据,用 LoRA 训几个 epoch 合适?'
    >>> passed_on("Customer question: 'Does converting change my original file?' Please clarify so I can reply.")
    'Does converting change my original file? Please clarify so I can reply.'
    """
    m = _PASSED_ON.match(text)
    if not m:
        return text
    rest = text[m.end():]
    quoted = _PASSED_QUOTE.match(rest)
    asked, after = (quoted.group("q").strip(), quoted.group("rest").strip()) if quoted else (rest, "")
    if not quoted and (last := list(rx.finditer(r"[?？]", rest))):
        asked, after = rest[:last[-1].end()], rest[last[-1].end():].strip()
    if after and not rx.match(r"\W*(?:please |kindly |can you |could you )?(?:clarify|answer|explain|reply|advise|help|check|look into)\b|\W*(?:请|麻烦)?[\u4e00-\u9fff]{0,6}?(?:解答|答复|回答|回复|说明|解释)", after, re.I):
        return text  # ("Customer asked: \"How much better…?\" Pull the numbers for the latest run.": our step asked after it)
    if not quoted and not rx.search(r"[?？]|是否|whether", rest):
        return text
    return (asked.strip() + " " + after).strip()


# Quotes around every name and value ('"epochs" 设 "4"', '"name" = "Nova"', 'want "full" fine-tuning'): keys, numbers, formats and
# methods unquoted (values of ours to read), the person's own values left quoted.
_QUOTED_ITEM = re.compile(r"[\"“”]([^\"“”\n]{1,40})[\"“”]")
_OURS_QUOTED = re.compile(r"(?:epochs?|learning_rate|lr|lora_r|lora_rank|rank|base_model|max_steps|steps|mix_general|name|author|to|k|sheet|fraction|n_samples|"
                          r"alpaca|sharegpt|openai|qianfan|千帆|jsonl|csv|xlsx|full|lora|ppl)|\d+(?:\.\d+)?(?:e-?\d+)?%?", re.I)


def quoted_all(text: str) -> str:
    """``text`` that quotes three or more names and values (or only two, both ours), with the quoted keys, numbers, formats and methods unquoted.

    >>> quoted_all('train on "a.jsonl" with "epochs" = "6", "lora_r" = "16"')
    'train on "a.jsonl" with epochs = 6, lora_r = 16'
    """
    items = _QUOTED_ITEM.findall(text)
    if len(items) < 3 and not (len(items) == 2 and all(_OURS_QUOTED.fullmatch(i.strip()) for i in items)):
        return text
    return _QUOTED_ITEM.sub(lambda m: m.group(1) if _OURS_QUOTED.fullmatch(m.group(1).strip()) else m.group(0), text)


# A file given as a Markdown link, "[faq](data/faq.csv)": its path (the link's words are no request).
_LINKED = re.compile(r"\[[^\]\n]{1,60}\]\(\s*(" + r"[^()\s]+" + _FILE_TAIL + r")\s*\)", re.I)


def linked(text: str) -> str:
    """``text`` with Markdown links to data files said as their paths.

    >>> linked("[样例](v1_sft_demo.jsonl)"), linked("[faq](data/faq.csv) 大概 8000 条")
    ('v1_sft_demo.jsonl', 'data/faq.csv 大概 8000 条')
    """
    return _LINKED.sub(r"\1", text)


# A run named by the data it was trained on: "评估一下用 faq.csv 训出来的那个", "用 identity.json 训的那轮接着跑", "evaluate the run trained
# on faq.csv", "the faq.csv run looks solid": the run, not the file to act on.
_TRAINED_ON_ZH = re.compile(r"(?:用|拿)?\s*" + _FILE_NAMED + r"\s*(?:上)?\s*训(?:练)?(?:出来|好|完)?的\s*(?:那个|那轮|那次|模型|那个模型|run(?![-_\w]))(?:\s*(?:训练|run(?![-_\w])))?(?!\s*[A-Za-z]+[-_]?\d)|"
                            + _FILE_NAMED + r"\s*(?:那个|的)\s*(?:模型|run(?![-_\w]))(?!\s*[A-Za-z]+[-_]?\d)", re.I)  # (not "FILE 训出来的 run-0603": that run named)
_TRAINED_ON_EN = re.compile(r"\bthe (?:run|model|job|one) (?:that was |we |i )?(?:trained|fine-?tuned|ran) on " + _FILE_NAMED + r"|\bthe " + _FILE_NAMED + r" (?:run|model)\b", re.I)


def trained_on(text: str) -> str:
    """``text`` with a run named by the data it was trained on said as "that run" (a file named so is no file to act on).

    >>> trained_on("评估一下用 faq.csv 训出来的那个"), trained_on("evaluate the run trained on faq.csv")
    ('评估一下那个训练', 'evaluate that run')
    """
    text = _TRAINED_ON_ZH.sub("那个训练", text)
    return _TRAINED_ON_EN.sub("that run", text)


# A share said by what is left out: "除了 20% 的样本不动,其余的都加 few-shot", "all of X except 10% of it": the rest, as a share.
_ALL_BUT_ZH = re.compile(r"除了?\s*(\d{1,2}(?:\.\d+)?)\s*%\s*(?:的)?(?:样本|数据|条)?\s*(?:不动|不加|不做|以外|之外)?\s*[,，]?\s*(?:其余|其他|剩下)(?:的)?(?:都|全)?")
_ALL_BUT_EN = re.compile(r"\b(?:all|every(?:thing|one)?)\b(?: (?:of )?(?P<what>[\w.-]+\.\w{2,5}))?(?: (?:of it|samples|rows))? (?:except|but|other than) (?P<n>\d{1,2}(?:\.\d+)?)\s*%(?: of (?:it|them|the (?:samples|rows)))?", re.I)


def all_but(text: str) -> str:
    """``text`` with a share given as all but some percent said as the share itself.

    >>> all_but("客服问答.jsonl 除了 20% 的样本不动,其余的都加 few-shot。")
    '客服问答.jsonl 80% 的样本都加 few-shot。'
    >>> all_but("Add few-shot to all of support_qa.jsonl except 10% of it.")
    'Add few-shot to 90% of support_qa.jsonl.'
    """
    if m := _ALL_BUT_ZH.search(text):
        return text[:m.start()] + f"{100 - float(m.group(1)):g}% 的样本都" + text[m.end():]
    if m := _ALL_BUT_EN.search(text):
        what = f" of {m.group('what')}" if m.group("what") else ""
        return text[:m.start()] + f"{100 - float(m.group('n')):g}%{what}" + text[m.end():]
    return text


# A count said, then put right as a percentage of the same number: "Add few-shot to 10 of the samples in X — sorry, 10 percent, not
# 10 rows.", "Mix in 15 general data... percent, I mean 15%.", "Add CoT to 50… percent. 50 percent.", "不是混 5 条通用数据,我是说 5%".
_PERCENT_MEANT = re.compile(r"(?:\s*[—–-]+\s*|\s*[,，.。…;；]+\s*|\s+)(?:sorry,?\s*|i mean,?\s*|i meant,?\s*|as in\s*|我是说\s*|我的意思是\s*|是\s*)?"
                            r"(?P<n>\d+(?:\.\d+)?)\s*(?:%|\s*percent\b|\s*per ?cent\b|个百分点)(?:\s*,?\s*(?:not|不是)\s*(?P=n)\s*(?:rows?|samples?|records?|条|个)?)?\s*(?=[.。,，;；!！]|$)", re.I)


def percent_meant(text: str) -> str:
    """``text`` with a number first said bare (or as a count) read as the percentage the message then says it meant.

    >>> percent_meant("Add few-shot to 10 of the samples in intents.jsonl — sorry, 10 percent, not 10 rows.")
    'Add few-shot to 10% of the samples in intents.jsonl.'
    >>> percent_meant("不是混 5 条通用数据,我是说 5%。")
    '混 5%通用数据。'
    """
    for m in _PERCENT_MEANT.finditer(text):
        n = m.group("n")
        earlier = [e for e in rx.finditer(rf"(?<![\d.]){re.escape(n)}(?![\d.]|\s*(?:%|percent|per ?cent|个百分点))", text[:m.start()], re.I)]
        if not earlier or not rx.search(r"sorry|mean|meant|as in|我是说|我的意思是|not|不是|percent|%", text[earlier[-1].end():m.end()], re.I):
            continue
        e = earlier[-1]
        head = text[:e.start()]
        cut = rx.match(r"\s*(?:条|个|rows?|samples?)\b|\s*(?:条|个)", text[e.end():], re.I)
        tail = text[e.end() + (cut.end() if cut else 0):m.start()]
        tail = rx.sub(r"(?:…+|\.{2,})\s*(?:percent|per ?cent)\b", "", tail, flags=re.I)
        head = rx.sub(r"^\W*不是\s*", "", head)
        return (head + n + "%" + tail + text[m.end():]).strip()
    return text


# Two people's views relayed, then one taken: "Anna says 3 epochs, Ben says 5 — go with Ben", "小王说跑 3 个 epoch,老李说 5 个——听老李的",
# "阿杰说转 alpaca,美玲说转 sharegpt,我觉得美玲有道理", "Nina says convert first, Paul says quality check first. I'm with Paul".
_NOT_A_NAME = {"我", "你", "他", "她", "它", "我们", "你们", "他们", "手册", "文档", "老板", "领导", "系统", "日志", "报错", "上面", "你们手册", "it",
               "he", "she", "they", "we", "you", "i", "the", "manual", "docs", "log", "error", "someone", "everyone", "nobody"}
_RELAYED_EN = re.compile(r"(?P<a>\b[A-Z][a-z]+) (?:says|said|wants|thinks|suggests|votes(?: for)?)[:,]?\s+(?P<x>[^,;.—–\n]{1,60}?)\s*(?:[,;]|—|–|\.)\s*"
                         r"(?:(?:and|but|while|whereas)\s+)?(?P<b>\b[A-Z][a-z]+) (?:says|said|wants|thinks|suggests|votes(?: for)?)[:,]?\s+(?P<y>[^,;.—–\n]{1,60}?)"
                         r"\s*(?:[,;.]|—|–)\s*")
_RELAYED_ZH = re.compile(r"(?P<a>[\u4e00-\u9fff]{1,3}?)(?:说|觉得|建议|主张|想)(?P<x>[^,，;；。—\n]{1,40}?)\s*(?:[,，;；。]|——|—)\s*"
                         r"(?:而|但|可)?(?P<b>[\u4e00-\u9fff]{1,3}?)(?:说|觉得|建议|主张|想)(?P<y>[^,，;；。—\n]{1,40}?)\s*(?:[,，;；。]|——|—)+\s*")
_TAKEN = (r"(?:i'?m with|we'?re with|go(?:ing)? with|use|take|follow|pick|we'?ll go with|side with)\s+{name}(?:'s)?(?:\s+(?:one|call|version|idea|suggestion|number))?\b|"
          r"\b{name}(?:'s)?\s+(?:it is|wins|has it|is right|gets it)\b|^\W*{name}\W*(?:[.!]|$)|"
          r"(?:听|按|用|选|依|照|就按|就听|就用)(?:着)?{name}(?:的|说的)?|我(?:觉得|看|认为){name}(?:说得|讲得)?(?:有道理|对)|最后定的是{name}的?|{name}(?:说得|讲得)?(?:有道理|对)")


def relayed(text: str) -> str:
    """``text`` with two people's views relayed and one then taken read as the view taken (its value put in the other's
    words when the view taken is only a value).

    >>> relayed("Anna says 3 epochs, Ben says 5 — go with Ben. data: warranty_qa.jsonl")
    '5 epochs. data: warranty_qa.jsonl'
    >>> relayed("小王说跑 3 个 epoch,老李说 5 个——听老李的。数据是 legal_faq.jsonl")
    '跑 5 个 epoch。数据是 legal_faq.jsonl'
    >>> relayed("阿杰说转 alpaca,美玲说转 sharegpt,我觉得美玲有道理。文件 chat_logs_0611.jsonl")
    '转 sharegpt。文件 chat_logs_0611.jsonl'
    """
    for pattern in (_RELAYED_EN, _RELAYED_ZH):
        m = pattern.search(text)
        if not m or {m.group("a").lower(), m.group("b").lower()} & _NOT_A_NAME or m.group("a") == m.group("b"):
            continue
        rest = text[m.end():]
        took = None
        for who in ("b", "a"):
            pick = rx.match(r"\s*(?:" + _TAKEN.format(name=re.escape(m.group(who))) + r")\s*", rest, re.I)
            if pick and (took is None or pick.end() > took[1].end()):
                took = (who, pick)
        if took is None:
            continue
        chosen, other = (m.group("y"), m.group("x")) if took[0] == "b" else (m.group("x"), m.group("y"))
        said = chosen
        value = rx.fullmatch(r"\s*(\d+(?:\.\d+)?(?:e-?\d+)?%?)\s*(?:个|条|步|轮)?\s*", chosen, re.I)
        if value and (old := rx.search(r"\d+(?:\.\d+)?(?:e-?\d+)?%?", other)):
            said = other[:old.start()] + value.group(1) + other[old.end():]  # ("Ben says 5": five of what Anna said)
        after = rest[took[1].end():].lstrip(" ,，—–-")
        stop = "。" if pattern is _RELAYED_ZH else ". "
        after = rx.sub(r"^[.。!！]\s*", "", after)
        return (text[:m.start()] + said.strip() + (stop + after if after else "")).strip()
    return text


def settled(text: str) -> str:
    """``text`` with values weighed against each other read as the one settled on, put where the first was said.

    >>> settled("给 x.jsonl 加 few-shot,每个样本几个例子……3个?4个?算了就4个吧")
    '给 x.jsonl 加 few-shot,每个样本几个例子……4个吧'
    >>> settled("I've got 1500 examples, or 1800 with the new batch, call it 1800 — what hyperparams?")
    "I've got 1800 examples — what hyperparams?"
    >>> settled("100 条数据用几个 epoch?10 吧"), settled("epochs 3? lr 2e-4")
    ('100 条数据用几个 epoch?10 吧', 'epochs 3? lr 2e-4')
    """
    for kind in _WEIGHED_KINDS:
        said = list(kind.finditer(text))
        for j in range(len(said) - 1, 0, -1):
            last = said[j]
            sure = _SETTLED_FOR_SURE.search(text[max(0, last.start() - 12):last.start()])
            # "rank 8 or 16? 16.", "a tenth or a fifth? A fifth.": an option said again right after the question settles it
            again = rx.fullmatch(r"\s*[?？]+\s*", text[said[j - 1].end():last.start()]) and any(
                said[i].group("v").lower() == last.group("v").lower() for i in range(j))
            if not (sure or again or _SETTLE_BEFORE.search(text[max(0, last.start() - 12):last.start()])
                    or rx.match(r"\s*(?:个|条|步)?\s*吧|\s*(?:个|条|步)?\s*(?:就行|就好|就够了?|即可)|\s+it is\b|\s+it'?ll be\b", text[last.end():])):
                continue
            first = j
            while first > 0 and said[first - 1].end() > said[first].start() - 60 and (
                    sure or _OFFER_AFTER.match(text[said[first - 1].end():]) and not _GAP_WORDS.sub("", text[said[first - 1].end():said[first].start()]).strip()):
                first -= 1  # (nothing but weighing between them: "epoch 5,lr 2e-4……epoch 还是改成 3" weighs one setting, not two)
            if first == j:
                continue
            head = said[first]
            unit = (head.group("u") or "").strip().lower()
            if (last.group("u") or "").strip() and unit and (last.group("u") or "").strip().lower() != unit:
                continue  # "100 条…?10 个吧": another count
            unit_said = next((m.group("u") for m in said[first:j + 1] if (m.group("u") or "").strip()), "")
            noun = rx.match(r"\s*(?:例子|示例|样本|epochs?|samples?|examples?)(?![A-Za-z])", text[head.end():], re.I)
            value = last.group("v") + (head.group("u") or unit_said or "") + (noun.group(0) if noun else "")
            return text[:head.start()] + value + text[last.end():]
    return text


# A slip put right in the middle of a message: "Add few-shot to, I mean CoT to, 20% of X", "停掉 run-0901-a,我是说 run-0901-b",
# "convert X to alpaca no sorry sharegpt". The word after the repair replaces the last word of its kind before it.
_EN_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
_REPAIR = re.compile(r"\s*(?:[,，;；]|\s?[-—–]+)?\s*(?:(?:呃|啊|嗯|额|\buh+|\bum+)\s*[,，]?\s*)?"
                     r"(?:\bi mean\b|\bi meant\b|我是说|我的意思是|实则(?:要)?|实是|实为|其实应该是|其实是|其实(?:想)?要|乃是|\bno,? sorry\b|\bsorry,? no\b|\bno,? wait\b|\bactually,? make it\b|"
                     r"\bno,? just\b|(?<=\s)[-—–]+\s*sorry\b,?|(?<=[,，])\s*不(?=\s*[,，])|,?\s*\bbut change (?:[A-Za-z_]+ )?to\b|(?P<should>\b(?:it |that |this )?should (?:be|have been|read)\b|应该是|应当是|应为|应是|\bwrong\s*[-—–:]+)|"
                     rf"\bno\b(?=\s+(?:\d|{_EN_NUMBER_WORD}\b))|\bno\b,(?=\s+\d[\d,.]*\s*[.!]?\s*$)|(?:(?<=[,，—–-])|(?<=\s))(?:不对|哦不|啊不|不)(?=\s*[,，]?\s*[\d一二两三四五六七八九十百])|"
                     r"(?:(?<=[,，—–])|(?<=\s))(?:不对|哦不|啊不(?:是)?))\s*[,，:：]?\s*", re.I)
# The same slip put right in brackets: "5 epochs (no, 4)", "造 500 条(哦不,300 条)", "a quarter (actually make it a fifth)", "Acme Corp (sorry — Acme AI)".
# "比例 50%(打错了,30%)", "epoch 10(说错了,5)", "run-0710-c(不对,是 run-0710-d)", "名字填 小河(不是小河,是小荷)", "Bolt (oops, Volt)".
_BRACKETED = re.compile(r"\s*[(（]\s*(?:no|nope|sorry|oops|my bad|actually(?: make it)?|i mean|i meant|不对(?:不对)?|不是[^()（）,，]{1,20}[,，]|不(?!是)|哦不|啊不|呃|我是说|"
                        r"打错了|写错了|说错了|写多了|写少了|搞错了|口误)(?![A-Za-z])\s*[,，—–-]*\s*(?:make it\s+|是\s*|应该是\s*|it'?s\s+)?"
                        r"([^()（）]{1,30}?)\s*[)）]", re.I)
_KINDS = (re.compile(r"(?:[“\"‘「]|(?<![A-Za-z0-9])')[^”\"'’」\n]{1,30}(?:[”\"’」]|'(?![A-Za-z0-9]))"),  # (not "reasoning's in the 'x'")
          re.compile(rf"(?<![\w.])[\w\u4e00-\u9fff/-]+\.(?:{EXTENSIONS})\b", re.I),
          RUN_ID,
          re.compile(r"(?<![A-Za-z0-9_.])\d+(?:\.\d+)?\s*%"),
          re.compile(r"(?<![A-Za-z0-9_.-])(?:\d{1,3}(?:,\d{3})+(?!\d|\.\d)|\d+(?:\.\d+)?(?:e-?\d+)?)(?![A-Za-z0-9_%-]|\.[\w.])", re.I),  # ("I meant 2."),
          re.compile(r"[一二两三四五六七八九十百千万]+(?![下些点样般定致切旦同共起遍直组份批版成半])"),
          re.compile(rf"(?<![\w-])(?:a[ -])?{_EN_NUMBER_WORD}(?:[ -](?:and[ -])?{_EN_NUMBER_WORD})*(?![\w-])", re.I),
          re.compile(r"(?<![A-Za-z0-9_-])(?:(?:a|one) )?(?:half|third|quarter|fifth|tenth)s?(?![A-Za-z])|[一二两三四五六七八九]成(?![功绩员为])", re.I),
          re.compile(r"(?<![A-Za-z0-9_.-])(?:alpaca|share\s?gpt|qianfan|openai|千帆|excel|csv|xlsx|jsonl?)(?![A-Za-z0-9_-])", re.I),
          re.compile(r"(?<![A-Za-z0-9_-])(?:full|q?lora|全量|全参数?)(?![A-Za-z0-9_-])", re.I),
          re.compile(r"(?<![A-Za-z0-9_-])(?:keep|drop|remove|delete|保留|留着|删掉|删除|去掉)(?![A-Za-z0-9_-])", re.I),
          re.compile(r"(?<![A-Za-z0-9_-])(?:few[- ]?shot|cot|chain[- ]of[- ]thought|思维链|少样本)(?![A-Za-z0-9_-])", re.I),
          # one of our tools by its name ("Run augment_instructions on X... wait no, I mean add_few_shot")
          # (or a name like one of ours, "inspect_quality… I mean check_quality")
          re.compile(rf"(?<![\w-])(?:{'|'.join(TOOL_NAMES)}|(?:inspect|check|add|convert|augment|fill|suggest|probe|start|stop|resume|evaluate|apply)_[a-z_]+)(?![\w-])"),
          # a run's name of words, a dash and a number ("ops-ft-2 but I meant ops-ft-3")
          re.compile(r"(?<![\w.-])[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*[-_][A-Za-z]*\d[A-Za-z0-9]*(?![\w-])(?!\.\w)"))
_SHOULD_KINDS = (_KINDS[2], _KINDS[3], _KINDS[7], _KINDS[8], _KINDS[-1])  # a run, a share ("两成…应是三成"), a format: what "should be" puts right
_SAID_AGAIN = re.compile(r"^(?:转成?|转为|改成|换成|用|填成?|写(?:全称|成)?|(?:convert )?to|make it|use)\s*(?=\S)", re.I)
# A value already marked as the wrong one: "not X", "I said X", "不是 X", "instead of X".
_TAKEN_BACK = re.compile(r"(?:\bnot|\bi said|\binstead of|\brather than|不是|而非|非|说的是|唔係|唔系|唔是)\s*$", re.I)
# What follows the word put right and only repeats the sentence around the slip: "…them", "…的", a dash.
_ECHO = re.compile(r"^\s*(?:them|it|that one|those|这个|那个|的(?=\s*[,，]))\b|^\s*的(?=\s*[,，])", re.I)


# "oops I said 4 shots, make it 2", "刚才说了 5 个 epoch,改成 3": a value said, then the one meant, with its unit kept.
_SAID_MAKE_IT = re.compile(r"(?:\bi said|\bi put|\bi typed|\bdid i say|\bdid i put|\b(?:scratch|ignore|forget) what i said about|我说了?|刚才说了?|刚才写了?|刚说了?)\s*(\d+(?:\.\d+)?(?:e-?\d+)?)(\s*[A-Za-z\u4e00-\u9fff-]{0,12}?(?: [A-Za-z]{2,10})?)"
                           r"(?:\s+(?:earlier|before|again)|\s*(?:的)?那个)?\s*[,，;；.?？]?\s*(?:so |please |pls |but )?(?:make it|make that|change (?:it|that) to|改成|改为|改回|换成|(?:想了想|再想想|想想)[,，]?\s*还是|改一下[,，]?\s*(?:[A-Za-z_]{1,16}\s*(?:用|=|为)\s*)?|(?:it )?should be)\s*(\d+(?:\.\d+)?(?:e-?\d+)?)(?!\w|\.\d)", re.I)

# "yaml 里 epochs 写成 5 了,改成 3": a setting written wrongly, then put right.
_WRONG_THEN = re.compile(r"(\b[A-Za-z_]{1,20}|[\u4e00-\u9fff]{1,4})\s*(?:写错了|说错了|打错了)[,，\s]*应该(?:是|为)?\s*(\d+(?:\.\d+)?(?:e-?\d+)?)(?![\w.])", re.I)
_FROM_TO = re.compile(r"从\s*(\d+(?:\.\d+)?(?:e-?\d+)?\s*%?)\s*(?:降到|调到|改到|提到|升到|加到|改成|调成|降成|换成)\s*(\d+(?:\.\d+)?(?:e-?\d+)?\s*%?)|"
                      # "general data mix goes from 10% to 20%", "bump epochs from 3 to 5": where it goes
                      r"(?<=\s)(?:goes|go|going|changes?|changed|moves?|bump(?:ed)?|raised?|lower(?:ed)?|up|down)\s+(?:it\s+)?from\s+(\d+(?:\.\d+)?(?:e-?\d+)?\s*%?)\s+to\s+(\d+(?:\.\d+)?(?:e-?\d+)?\s*%?)(?![\w.])", re.I)


def _from_to(m: re.Match) -> str:
    """Where a value of ``_FROM_TO`` goes; a run's own setting keeps its change word ("lora_r 从 8 改成 32" → "lora_r 改成 32": still
    a setting put right, with no run or file in sight)."""
    if m.group(2) and _RUN_SETTING_BEFORE.search(m.string[:m.start()]):
        return "改成 " + m.group(2)
    return m.group(2) or " " + m.group(4)


_RUN_SETTING_BEFORE = re.compile(r"(?:lora_r|lora rank|\brank|(?<![A-Za-z])r|epochs?|轮数|学习率|(?<![A-Za-z])lr)\s*$", re.I)
_COUNT_PUT_RIGHT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(\s*(?:条|个|轮|步|%)?)\s*[,，]\s*(?:不对|哦不|啊不|不是)\s*[,，]\s*是\s*(\d+(?:\.\d+)?)\s*(?:条|个|轮|步|%)?")
# "max_steps 是 2000 吧?改成 1500": the value the plan shows, asked back, then the one meant
_SHOWN_THEN_CHANGED = re.compile(r"(?:是|为)\s*\d+(?:\.\d+)?(?:e-?\d+)?\s*%?\s*(?:吧|对吧|是吧)?\s*[?？]\s*(?=改成|改为|换成|调成|调到)")
_WRITTEN_AS = re.compile(r"(\b[A-Za-z_]{1,20}|[\u4e00-\u9fff]{1,4})\s*(?:写成|打成|设成|填成|写的是)了?\s*(\d+(?:\.\d+)?(?:e-?\d+)?)\s*了?\s*[,，]\s*"
                         r"(?:改成|改为|应该是|换成|要)\s*(\d+(?:\.\d+)?(?:e-?\d+)?)(?![\w.])", re.I)


_SAID_KEY_MAKE_IT = re.compile(r"(?:\bi said|\bi put|\bi typed|我说了?|刚才说了?|刚才写了?)\s*([A-Za-z_]{1,16})\s*=?\s*(\d+(?:\.\d+)?(?:e-?\d+)?)"
                               r"(?:\s+(?:earlier|before))?\s*[,，;；.\s—–-]*(?:改一下[,，]?\s*)?(?:[A-Za-z_]{1,16}\s*(?:用|=|为|to)\s*|(?:it )?should be\s*)"
                               r"(\d+(?:\.\d+)?(?:e-?\d+)?)(?!\w|\.\d)", re.I)
# A number said wrongly, then the right one: "Did I say 60 samples for the few-shot? I meant 90", "just now I say 4 epochs wrong,
# should be 6 epochs", "25% was wrong for the reasoning ones, make it 35%", "--epochs 3 改成 --epochs 5", "--k 2 -> --k 4".
_NUM_OR_SHARE = _NUM + r"%?"
_SAID_WRONGLY = re.compile(rf"(?:\bdid i say|\bi said|\bi say|\bi typed|\bi put)\s+({_NUM_OR_SHARE})((?:\s*[A-Za-z-]+){{0,5}}?)(?:\s+wrong(?:ly)?)?\s*[?,.;]?\s*"
                           rf"(?:i meant|should be|should read|make it|it'?s|but i (?:want|need|'d like)(?: (?:the )?(?:r|rank|k|lr|epochs?)\s*(?:=|of|to be)?)?)\s+({_NUM_OR_SHARE})(?!\w|\.\d)", re.I)
# A count called too small or too big, then the one to use: "50 steps was too short, do 200", "3 epochs is too few, use 5".
_TOO_THEN = re.compile(r"(?<![\w.])(\d+)(\s*(?:steps?|epochs?|步|轮))\s+(?:was|is|were|are) (?:way |much |far |a bit |a little )?too (?:short|long|few|many|small|big|little|much)\b"
                       r"\s*[,;.—–-]?\s*(?:so\s+)?(?:make it|use|try|go with|do|run|let'?s do)\s+(\d+)(?![\w.])", re.I)
_WAS_WRONG = re.compile(rf"(?<![\w.])({_NUM_OR_SHARE})((?:\s*[A-Za-z-]+){{0,2}}?)\s+(?:was|is)\s+wrong\b((?:[^.\n,;]){{0,40}}?)\s*[,;]?\s*(?:make it|should be|use|it'?s)\s+({_NUM_OR_SHARE})(?!\w|\.\d)", re.I)
_FLAG_CHANGED = re.compile(rf"((?:--?)?[A-Za-z_]+\s*[= ]\s*)({_NUM_OR_SHARE})\s*(?:->|→|=>|改成|改为|换成)\s*(?:(?:--?)?[A-Za-z_]+\s*[= ]\s*)?({_NUM_OR_SHARE})(?!\w|\.\d)", re.I)

# A number asked about, then put right by the person's own answer: "80 steps? Nah, 120.", "5 个 epoch?不,3".
_ASKED_THEN_PICKED = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?(?:e-?\d+)?)(\s*[A-Za-z\u4e00-\u9fff-]{1,12}?)\s*[?？]\s*"
                                r"(?:nah|no|nope|eh|hmm+|actually|not that|不|不对|算了|还是)\W{0,3}\s*(\d+(?:\.\d+)?(?:e-?\d+)?)(?![\w%]|\.\d)", re.I)

# "Not rank 32, rank 16", "not lr 1e-4 - lr 5e-5": the setting named before the value ruled out, then named again with the one meant.
_NOT_KEY_THEN_MEANT = re.compile(r"\bnot\s+((?:lora\s+)?(?:rank|r|lr|learning rate|epochs?|k))\s*(?:=|of)?\s*(\d+(?:\.\d+)?(?:e-?\d+)?)\s*[,;—–-]+\s*"
                                 r"(?:(?:but|just|use|make it)\s+)?\1\s*(?:=|of)?\s*(\d+(?:\.\d+)?(?:e-?\d+)?)(?!\w|\.\d)", re.I)
# "wait\nnot 5 epochs\n3", "not 500 steps for FILE - make it 300": the number ruled out, then the one meant, its unit kept.
# (a numbered list's next number, "1. not 3 epochs\n2. 6 epochs", is no value)
_NOT_THEN_MEANT = re.compile(r"\bnot\s+(?:the\s+)?(\d+(?:\.\d+)?)(\s*%?\s*[A-Za-z]{2,10}(?:\s+data|\s+(?:per|each|a) (?:sample|prompt|question|record|row))?)\b(?:\s+you (?:suggested|said|proposed|picked|put))?(?:\s*[\n,;]+\s*|(?:[^.!?\n]|\.(?=\w)){0,40}?\b(?:make it|change (?:it|that) to|use)\s+)(?!(?<=\n)\d{1,2}[.)、][ \t]+\S)(\d+(?:\.\d+)?)\s*%?\s*(?=$|[,.;!\n]|\s+(?:we|i|pls|please|thanks|per|each|for each|a piece)\b)", re.I)
_STEP_NAMED = re.compile(r"\b(?:lr |learning[- ]rate )?(?:probe|range test)\b|\bfew-?shot\b|\bcot\b|\baugment\w*|(?:学习率)?探测|思维链|指令增强", re.I)
# A self-check asked before the value put right: "Did I say 1e-4? The learning rate should be 5e-5.", "你是不是听错了?epoch是3不是5。"
_SELF_CHECK = re.compile(r"^\W*(?:did i (?:say|write|type|put|mean)\b[^?？\n]{0,30}|did you (?:hear|read|get) (?:that|me|it) (?:wrong|right)[^?？\n]{0,20}|"
                         r"你是不是(?:听|看|理解|弄|搞|记)错了|我是不是(?:说|写|打|记)错了)\s*[?？]\s*(?=\S)", re.I)
# The unit of a number put right left out, as it was said with the wrong one: "不是2个例子,改成4个" (4 个例子).
_UNIT_LEFT_OUT = re.compile(r"(?<=不是)\s*(?:\d+|[一二两三四五六七八九十])\s*个\s*([\u4e00-\u9fff]{1,4}?)\s*(?:哈|啊|呀)?\s*[,，]\s*(?:而是|是|改成|改为|换成|要)\s*(?:\d+|[一二两三四五六七八九十])\s*个(?![\u4e00-\u9fffA-Za-z])")


# A value ruled out where it is said: "不是 k=2", "我没说两个", "非三则也", "not 0.5", "I never said 30%", "rather than alpaca",
# "刚才说转 sharegpt 是我说错了", "把 3e-4 打成了 3e-3" (the second), "不是 reason 列"; and a value the assistant was quoted saying,
# put right after the quote ("“已为您添加 200 条 few-shot 样本”——我要的是 120 条", "You wrote '…30% of records.' Wrong - 50%.").
_AMOUNT = (r"(?:(?:k|n_epochs|epochs?|lr|learning_rate|lora_r|rank|max_steps)\s*[=:]\s*)?(?:\d+(?:\.\d+)?(?:e-?\d+)?\s*%?|百分之[一二两三四五六七八九十百]+|[一二两三四五六七八九十百]+(?:成)?"
           rf"|(?:a |one )?(?:half|third|quarter|fifth|tenth)|{_EN_NUMBER_WORD})")
_FORMAT_WORD = r"(?:alpaca|share\s?gpt|qianfan|openai|千帆|jsonl|csv|xlsx)(?:\s*(?:格式|format))?"
_COLUMN_WORD = r"[A-Za-z_][\w]*\s*(?:列|栏|字段|那列|\s(?:column|field))"
_RULED_OUT = re.compile(
    rf"(?:[,，;；]\s*)?(?:(?:而|并)?不是|并非|(?<![\u4e00-\u9fff])非|我?没说(?:过|要)?|\bnot\b|\bnever said\b|\binstead of\b|\brather than\b)\s*"
    rf"(?P<v>{_COLUMN_WORD}|{_FORMAT_WORD}|{_AMOUNT})(?P<unit>\s*(?:个|条|轮|步|则|次)?\s*(?:例子|示例|样本|epochs?|examples?|samples?|steps?|shots?)?(?![A-Za-z]))"
    r"(?:\s*也)?(?![\w%]|\.\d|\s*(?:吗|么|嘛|呢|吧\?|[?？]))|"
    rf"(?P<v2>{_FORMAT_WORD}|{_AMOUNT})\s*(?:条|个|步)?\s*(?:是我(?:说|写|打|填)错了|(?:说|写|打)错了(?=\s*[,，]?\s*(?:是|应该|改))|不对(?=\s*[,，]?\s*(?:是|应该|改)))|打成了?\s*(?P<v3>{_AMOUNT})|"
    rf"(?:说成|写成|打成)\s*(?P<v4>{_FORMAT_WORD})\s*了|"
    rf"(?:刚才|之前|前面)(?:我)?说(?:的是?)?\s*(?P<v5>{_AMOUNT})(?=\s*[,，]\s*(?:改|换|应该|要))", re.I)  # "刚才说四成,改两成"
_QUOTE_PUT_RIGHT = re.compile(r"([“\"'「])([^”\"'」\n]{2,80})([”\"'」])(?=[\s.,，。—–-]{0,4}(?:wrong|不对|错了|我要的是|that'?s not|not what|no\b))", re.I)


def _group_of(value: str) -> str:
    return "format" if rx.fullmatch(_FORMAT_WORD, value.strip(), re.I) else "column" if rx.fullmatch(_COLUMN_WORD, value.strip(), re.I) else "amount"


def ruled_out(text: str, amounts: bool = False) -> str:
    """``text`` without the values it rules out, when a value of their kind is said too (a column, a format, an amount).
    An amount ruled out with "not"/"不是" keeps its unit for the one meant ("不是3个epoch,改成2个", "not 5 epochs. 3."), so it
    goes only when written as a key ("不是 k=2") or unsaid ("我没说两个"); with ``amounts``, also when it follows the amount
    meant closely ("是五个例子 不是三个", "should be 0.15, not 0.5": the reading of a correction that found no value).

    >>> ruled_out("不不不,不是 k=2,我没说两个,是每条四个例子"), ruled_out("不是3个epoch,改成2个")
    ('不不不,不是 ,我没说,是每条四个例子', '不是3个epoch,改成2个')
    >>> ruled_out("correction: the cot fraction should be 0.15, not 0.5", amounts=True)
    'correction: the cot fraction should be 0.15, not '
    >>> ruled_out("不是 5 个 epoch 吗?"), ruled_out("convert it, not sure to what")
    ('不是 5 个 epoch 吗?', 'convert it, not sure to what')
    """
    quote = _QUOTE_PUT_RIGHT.search(text)
    if quote and rx.search(_AMOUNT, text[quote.end():]) and rx.search(r"\d", quote.group(2)):
        inner = rx.sub(r"(?<![\w.])\d+(?:\.\d+)?\s*%?", "", quote.group(2))  # the amount the quote said, put right after it
        text = text[:quote.start(2)] + inner + text[quote.end(2):]
    spans = list(_RULED_OUT.finditer(text))
    if not spans:
        return text
    kept = text
    for m in reversed(spans):
        value = m.group("v") or m.group("v2") or m.group("v3") or m.group("v4") or m.group("v5")
        group = _group_of(value)
        if m.group("v") and group == "format":
            continue  # "sharegpt instead of openai", "不是alpaca,千帆格式": read as they are
        rest = kept[:m.start()] + " " + kept[m.end():]
        others = [x for x in rx.finditer(_COLUMN_WORD if group == "column" else _FORMAT_WORD if group == "format" else _AMOUNT, rest, re.I)
                  if x.group(0).strip() and (group != "amount" or rx.search(r"[\d一二两三四五六七八九十]|half|third|quarter|fifth|tenth|" + _EN_NUMBER_WORD, x.group(0), re.I))]
        if m.group("v") and group == "amount" and not (amounts and any(0 <= m.start() - x.start() - len(x.group(0).rstrip()) <= 16 for x in others)
                                                      or rx.match(r"(?:k|n_epochs|epochs?|lr|learning_rate|lora_r|rank|max_steps)\s*[=:]", value, re.I) or rx.search(r"没说", m.group(0))):
            continue
        if not others:
            continue
        if m.group("v3") or m.group("v4") or m.group("v5"):  # "把 3e-4 打成了 3e-3", "我说成openai了": the value said wrongly goes, the words stay
            g = "v3" if m.group("v3") else "v4" if m.group("v4") else "v5"
            kept = kept[:m.start(g)] + kept[m.end(g):]
        elif m.group("v2"):
            kept = kept[:m.start("v2")] + kept[m.end("v2"):]
        else:  # the word that rules it out stays, so the message still reads as a value put right
            key = rx.match(r"(?!k\s*=)([A-Za-z_]+)\s*[=:]", value)  # ("不是 n_epochs=4,应该是 2": the setting named stays)
            kept = kept[:m.start("v")] + (key.group(1) + " " if key else "") + kept[max(m.end("v"), m.end("unit")):]
    return kept


_THREAD_MARK = re.compile(r"(?:^|(?<=\s))(\d{1,2})/(\d{1,2})\s+(?!of\b|的)(?=\S)")


def _thread_mark(m: re.Match) -> str:
    """One "k/n" mark of ``_SHAPES``' thread numbering: " / " in a thread of posts, nothing where marks are only counted."""
    marks = _THREAD_MARK.findall(m.string)
    posts = (len(marks) >= 2 and len({n for _, n in marks}) == 1 and all(int(k) <= int(n) for k, n in marks)
             and _THREAD_MARK.match(m.string, len(m.string) - len(m.string.lstrip())))
    if posts and m.group("gap") and m.end() < len(m.string) and m.string[:m.start()].strip():
        return " / "
    return m.group("gap") if len(rx.findall(r"(?:^|\s)\d{1,2}/\d{1,2}(?=\s)", m.string)) >= 2 else m.group(0)
_CHANGED_NUM = r"(?:\d+(?:\.\d+)?(?:e-?\d+)?|[一二两三四五六七八九十]+)"


# Punctuation said aloud to a dictation app: "不对 逗号 是五个例子 句号", "no wait comma make it four period". Read so only in a
# message that ends with one, or says two or more.
_SPOKEN_MARK = re.compile(r"\s*(?:(?<![\u4e00-\u9fff])(逗号|句号|问号|感叹号)(?![\u4e00-\u9fff])|\b(comma|period|full stop|question mark|exclamation mark)\b)\s*", re.I)
_MARKS = {"逗号": ",", "句号": "。", "问号": "?", "感叹号": "!", "comma": ", ", "period": ". ", "full stop": ". ", "question mark": "? ",
          "exclamation mark": "! "}


def punctuated(text: str) -> str:
    """``text`` with punctuation said aloud written as the marks.

    >>> punctuated("no wait comma make it four examples not two period")
    'no wait, make it four examples not two.'
    >>> punctuated("the training period is long")
    'the training period is long'
    """
    found = list(_SPOKEN_MARK.finditer(text))
    if not found or len(found) < 2 and found[-1].end() < len(text):
        return text
    return _SPOKEN_MARK.sub(lambda m: _MARKS[(m.group(1) or m.group(2)).lower()], text).strip()


# "STOP!!不对不对!!学习率是 5e-5", "stop stop, wrong, it's 3 epochs": "stop" cried out before a correction is a "wait".
_STOP_CRIED = re.compile(r"^\W*(?:stop|停|停停|wait)(?:\W*(?:stop|停))?\s*[!！]*\s*[,，]?\s*(?=(?:不对|不是|错了|说错|写错|wrong\b|no\b|not\b))", re.I)
# "每条 4 个例子,呃 3 个吧": a value said, a hesitation, and the one meant with the same unit.
_HESITATED = re.compile(r"(?<![\w.])(\d+|[一二两三四五六七八九十])(\s*(?:个|条|轮|步)[\u4e00-\u9fff]{0,3}?)\s*[,，]\s*(?:呃|嗯|额|啊)\s*[,，]?\s*(\d+|[一二两三四五六七八九十])\s*(?=\2|(?:个|条|轮|步)(?:吧|好了|算了|\b))")


def _said_rightly(m: re.Match) -> str:
    unit = m.group(2)  # "I say 4 epochs wrong, should be 6 epochs": the unit once
    return "make it " + m.group(3) + ("" if unit.strip() and m.string[m.end():].lstrip().lower().startswith(unit.strip().lower()) else unit)


# A value written as a power, then worked out: "2^4 也就是 16", "2^4 = 16", "2**4 (16)"
_POWER_THEN_VALUE = re.compile(r"(?<![\w.])\d+\s*(?:\^|\*\*)\s*\d+\s*(?:=|也就是|即|就是|i\.e\.?|which is|\()\s*(\d+)\)?", re.I)
# A stop said not to be made of one run, meant for another: "Don't stop run-0614-b!! I meant run-0614-h"
_STOP_MEANT_ELSEWHERE = re.compile(r"\bdon'?t (stop|kill) [A-Za-z][\w.-]*\d[\w.-]*[\s!.,—-]+(?:i meant|i mean)\s+(?=[A-Za-z][\w.-]*\d)", re.I)


def repaired(text: str) -> str:
    """``text`` with a slip put right where it was made: the word after "I mean" / "我是说" / "no sorry" in place of the last
    word of its kind (a quoted value, a file, a run, a share, a number, a format, a method, a decision, an augmentation)
    before it. Left as it was when no word of that kind comes before.

    >>> repaired("开训,epoch 5,我是说 3,数据用 售后数据.jsonl")
    '开训,epoch 3,数据用 售后数据.jsonl'
    >>> repaired("Add few-shot to, I mean CoT to, 20% of logic_qa.jsonl.")
    'Add CoT to, 20% of logic_qa.jsonl.'
    >>> repaired("Suggest hyperparameters for full - I mean LoRA - training on 5k samples.")
    'Suggest hyperparameters for LoRA training on 5k samples.'
    >>> repaired("I mean, the data looks fine")
    'I mean, the data looks fine'
    """
    text = _STOP_CRIED.sub("wait, ", text)
    text = _STOP_MEANT_ELSEWHERE.sub(r"\1 ", text)
    text = _POWER_THEN_VALUE.sub(r"\1", text)  # "rank 设成 2^4 也就是 16", "rank 2^4 = 16": the value worked out  # "Don't stop run-b!! I meant run-h": the stop, of the run meant
    text = _HESITATED.sub(lambda m: m.group(3) + m.group(2) + "  ", text)
    text = _SAID_KEY_MAKE_IT.sub(r"改成 \1=\3", text)  # "刚才说 r=8,改一下,lora_r 用 32", "I said max_steps 500 earlier - it should be 1500"
    text = _SAID_MAKE_IT.sub(lambda m: m.group(3) + m.group(2), text)
    text = _WRITTEN_AS.sub(r"\1 \3", text)
    if not rx.search(r"[?？吗]\s*$", text):
        text = _FROM_TO.sub(_from_to, text)  # "把 lr 从 2e-4 降到 5e-5", "例子数从 2 改成 3": where it goes
        text = _SHOWN_THEN_CHANGED.sub(" ", text)
    text = _COUNT_PUT_RIGHT.sub(r"\3\2", text)  # "我有 800 条,不对,是 8000 条问答对": the count meant
    text = _WRONG_THEN.sub(r"\1 改成 \2", text)  # "刚才 max_steps 写错了 应该 800": the setting, the value meant, still a correction
    text = _SAID_WRONGLY.sub(_said_rightly, text)
    text = _WAS_WRONG.sub(lambda m: m.group(4) + m.group(2) + m.group(3), text)
    text = _FLAG_CHANGED.sub(lambda m: m.group(1) + m.group(3), text)
    text = _ASKED_THEN_PICKED.sub(lambda m: m.group(3) + m.group(2), text)
    text = _NOT_THEN_MEANT.sub(lambda m: "make it " + m.group(3) + m.group(2), text)  # (still a value put right)
    text = _NOT_KEY_THEN_MEANT.sub(lambda m: m.group(1) + " " + m.group(3) + " instead", text)  # "Not rank 32, rank 16": the setting meant
    # ("did I say 200 steps for the LR probe? wrong, 500 steps.": the step the self-check names stays)
    text = _SELF_CHECK.sub(lambda m: "".join(w + " " for w in _STEP_NAMED.findall(m.group(0))), text)
    text = ruled_out(_UNIT_LEFT_OUT.sub(lambda m: m.group(0) + m.group(1), text))
    for m in reversed(list(_BRACKETED.finditer(text))):
        before, meant = text[:m.start()], m.group(1)
        for kind in _KINDS:
            said = kind.fullmatch(meant.strip()) or kind.match(meant.strip())
            slip = list(kind.finditer(before)) if said else []
            if slip:
                x = slip[-1]
                text = before[:x.start()] + said.group(0) + before[x.end():] + text[m.end():]
                break
    for m in reversed(list(_REPAIR.finditer(text))):
        before, after = text[:m.start()], text[m.end():]
        after = _SAID_AGAIN.sub("", after)  # "转 alpaca——呃,不对,转 openai": the verb said again
        for kind in _KINDS:
            said = kind.match(after)
            slip = [x for x in kind.finditer(before)] if said else []
            if not slip:
                continue
            if m.group("should") and kind not in _SHOULD_KINDS:
                break  # "train x.jsonl for 3 epochs, lr should be 1e-4", "name should be 'A', author should be 'B'": a setting of its own
            x, rest = slip[-1], after[said.end():]
            if _TAKEN_BACK.search(before[:x.start()]):
                break  # "no not 2e-5 i meant 2e-4", "I said 40%, but I meant 25%": the slip is marked already, and read so
            follows = rx.match(r"\s*([\w\u4e00-\u9fff]+)", before[x.end():])
            if follows and rx.match(rf"\s*{re.escape(follows.group(1))}\b", rest):
                rest = rest[len(rx.match(rf"\s*{re.escape(follows.group(1))}\b", rest).group(0)):]  # "few-shot to, I mean CoT to"
            rest = _ECHO.sub("", rest)
            rest = rx.sub(r"^\s*[-—–]+\s*", " ", rest)
            text = before[:x.start()] + said.group(0) + before[x.end():] + rest
            break
    return _SOUND_ALIKE.sub(_sound_alike, text) if _MEAN.search(text) else text  # (the pattern scans slowly; it needs "i mean")


# A word speech-to-text got wrong, said again right after "I mean": "tell me what feels it has, I mean fields, and how many
# rose", "I fixed the date, I mean the data" (the word it sounds like, among the few before it, is the one put right).
_MEAN = re.compile(r"i mean", re.I)
_SOUND_ALIKE = re.compile(r"((?:[A-Za-z']+\W+){1,8}?)([A-Za-z']+)(\W*?)\s*[,;]\s*i mean,?\s+(?:the\s+|a\s+)?([A-Za-z]{3,})(?=\s*(?:[,.;!?]|$))", re.I)


def _sound_alike(m: re.Match) -> str:
    words = m.group(0)[:m.start(3) - m.start(0)]
    meant = m.group(4)
    heard = [w for w in rx.finditer(r"[A-Za-z']+", words) if w.group(0).lower() != meant.lower() and len(w.group(0)) >= 3
             and _closeness(w.group(0).rstrip("s"), meant.rstrip("s")) >= 0.5 and w.group(0)[:1].lower() == meant[:1].lower()]
    if not heard:
        return m.group(0)
    x = heard[-1]
    return words[:x.start()] + meant + words[x.end():] + m.group(3)


# A setting asked, then answered with a bare number: "几个 epoch 合适?算了就 3 个吧", "epochs? eh, 4 works", "how many steps for the
# LR test? 50 is fine".
_UNIT_ASKED = re.compile(r"(?:how many|number of|几个?|多少)\s*(epochs?|steps?|轮|步)(?![A-Za-z])[^?？\n]{0,24}[?？]|(?<![\w'\"])(epochs?|steps?|轮|步)\s*[?？]", re.I)
_BARE_ANSWER = re.compile(r"(?<![\w.,])(\d+|[一二两三四五六七八九十]+)(\s*个)?(?=\s*(?:吧|就行|就好|好了|即可|够了|\bworks?\b|\bis (?:fine|good|ok|okay|enough)\b|\bshould do\b|\bwill do\b|\bthen\b|[.,。,，!！;；](?!\d)|$))")


def answered(text: str) -> str:
    """``text`` with the unit of a setting asked about put after the bare number that answers it.

    >>> answered("epochs? eh, 4 works. kick it off on x.jsonl")
    'epochs? eh, 4 epochs works. kick it off on x.jsonl'
    >>> answered("几个 epoch 合适?算了就 3 个吧,用 x.jsonl 开练")
    '几个 epoch 合适?算了就 3 个 epoch吧,用 x.jsonl 开练'
    """
    asked = _UNIT_ASKED.search(text)
    if not asked:
        return text
    number = _BARE_ANSWER.search(text, asked.end())
    if not number or number.start() > asked.end() + 30:  # (searched to the text's end: a window's end is no "$")
        return text
    return text[:number.end()] + " " + (asked.group(1) or asked.group(2)) + text[number.end():]


# A parenthetical aside that carries nothing a tool reads: "这个文件(老板周五就要,别问我为什么这么急)转成 alpaca 吧".
_ASIDE = re.compile(r"\s*[(（]([^()（）\n]{6,120})[)）]")
_ASIDE_KEEPS = re.compile(r"[\d.\"'“”‘’「」『』`{}=:：/]|列|栏|字段|表|页|sheet|tab\b|column|field|\bcol\b|run|job|任务|模型|model|epoch|轮|步|step|lr\b|学习率|rank|"
                          r"alpaca|sharegpt|qianfan|openai|千帆|jsonl?|csv|excel|xlsx|\b(?:no|not|nope|sorry|actually|i mean|i meant)\b|不是|不对|我是说|其实|"
                          r"[?？吗]", re.I)


# (only an aside that would be read as a question: "别问我为什么…")
_ASIDE_ASKS = re.compile(r"为什么|为啥|\bwhy\b|\bdon'?t ask\b|别问", re.I)


_EXAMPLE_ASIDE = re.compile(r"\s*(?:比如|例如|譬如|e\.g\.|for example|for instance)", re.I)  # "(比如草酸用量说法不一样的)": an example, no value


def without_asides(text: str) -> str:
    """``text`` without the parenthetical asides that give no value, name or question of their own.

    >>> without_asides("这个文件(老板周五就要,别问我为什么这么急)转成 alpaca 吧")
    '这个文件转成 alpaca 吧'
    >>> without_asides("convert it (the question column is 'Q') to alpaca")
    "convert it (the question column is 'Q') to alpaca"
    """
    return _ASIDE.sub(lambda m: m.group(0) if _ASIDE_KEEPS.search(m.group(1)) or not (_ASIDE_ASKS.search(m.group(1)) or _EXAMPLE_ASIDE.match(m.group(1)))
                      or rx.match(r"[\w.]", text[m.end():m.end() + 1]) and not rx.match(r"[\u4e00-\u9fff]", text[m.end():m.end() + 1]) else "", text)


# "…and also convert it to alpaca — actually never mind the convert part, just inspect", "作者那个算了,先不填": a part of the
# request taken back in the same message. What it names goes, with the words that take it back.
_NEVER_MIND = re.compile(r"\s*(?:[—–-]+|[,，;；.。…]+)?\s*(?:(?:hmm|oh|eh|ok|actually|wait),?\s+)*(?:never\s?mind|forget)\s+(?:about\s+)?(?:the\s+)?"
                         r"(?P<what>[\"'“‘][^\"'”’]{1,30}[\"'”’]|[\w-]+(?: count)?)(?:\s+(?:part|bit|step|thing))?\s*(?:[,，;；.。]\s*)?"
                         r"(?:(?:just|only)\b[^,;.]*|(?:use )?(?:whatever )?(?:the )?default(?:'s| is)? (?:fine|ok|okay)|use (?:whatever|the) default)?\s*[.!]?\s*$", re.I)
_ZH_NEVER_MIND = re.compile(r"\s*(?:[—–-]+|[,，;；.。…]+)?\s*(?:哦|噢|呃)?\s*(?P<what>[\u4e00-\u9fffA-Za-z]{1,6}?)(?:那个|那部分|那块|的事)?\s*(?:就)?算了(?:吧)?(?:不用|不需要|先不填|先别管|先不管)?"
                            r"(?:[,，]\s*(?:先)?(?:不(?:填|用|需要|做|管)了?|别管了?))?\s*[。.!！]?\s*$")
_STEP_WORDS = {"convert": r"convert|转", "resume": r"resume|续|恢复", "stop": r"\bstop|停", "inspect": r"inspect|look|看",
               "few-shot": r"few-?shot", "cot": r"\bcot\b", "eval": r"eval", "probe": r"probe|探测"}
_LR_VALUE = r"(?:\blr|learning rate)\s*[=:]?\s*[\d.]+(?:e-?\d+)?"
_VALUE_WORDS = {"lr": _LR_VALUE, "learning": _LR_VALUE,
                "step": r"(?:for\s+)?\d+\s*steps?", "ppl": r"(?:顺便)?(?:算下|算一下)?\s*ppl|(?:and |with )?(?:the )?(?:ppl|perplexity)(?: scores?)?",
                "作者": r"作者[^,，。;；]*", "长度": r"(?:再)?统计下长度"}


def taken_back(text: str) -> str:
    """``text`` without the part the person took back in the same message, and without the words that take it back.

    >>> taken_back("can you inspect x.jsonl and also convert it to alpaca — actually never mind the convert part, just inspect")
    'can you inspect x.jsonl'
    >>> taken_back("identity.json 名字填「小七」,作者填我们公司名……作者那个算了,先不填")
    'identity.json 名字填「小七」'
    """
    dropped = rx.match(r"^[^。]{0,40}?本来(?:想|打算|要)[^。]{2,60}?算了\s*[。,，!！]\s*(?=\S)", text)
    if dropped:
        return text[dropped.end():]  # "本来想让你再帮我筛一遍数据的,那部分算了。就想问问,…?": what was meant once, dropped
    overtaken = rx.match(r"^[^。]{0,40}?(?:原先|原本|本来)(?:想|打算|要)[^。]{2,60}?[,，]\s*(?:后来|结果|但是?|不过)\s*(?=\S)", text)
    if overtaken:
        return text[overtaken.end():]  # "我原先打算让你删乱码行,后来我自己已经删完了": what was meant once, overtaken
    m = _NEVER_MIND.search(text) or _ZH_NEVER_MIND.search(text)
    if not m or m.start() == 0:
        return text
    before, what = text[:m.start()], m.group("what").strip()
    if what[:1] in "\"'“‘":
        cut = rx.sub(r"\s*,?\s*" + re.escape(what), "", before)
    elif (value := next((p for w, p in _VALUE_WORDS.items() if what.lower().startswith(w)), None)) is not None:
        cut = rx.sub(r"[,，]?\s*" + value, "", before, flags=re.I)
    elif (step := next((p for w, p in _STEP_WORDS.items() if what.lower().startswith(w)), None)) is not None:
        parts = rx.split(r"(\s*(?:,|，|;|；)?\s*(?:and (?:then |also )?|then |然后|再)\s*)", before)
        kept = [parts[0]] + [parts[i] + parts[i + 1] for i in range(1, len(parts) - 1, 2) if not rx.search(step, parts[i + 1], re.I)]
        cut = "".join(kept) if len(kept) < (len(parts) + 1) // 2 else before
    else:
        return text
    return cut.rstrip(" ,，;；—–-…") if cut.strip() and cut != before else text


# A question about a step, then what to do on its answer: "删掉的短答案还能恢复吗?能的话帮我恢复回来", "Can few-shot be undone later?
# If yes, add it to FILE", "did you already evaluate run-741? if not, do it", "run-0820 你已经停了吗?还没停就马上停"; a what-if then a
# go-ahead ("what if you just dropped the dupes? go on", "如果直接把乱码那些扔掉呢?扔吧"); a step proposed ("Why don't we pause run
# st-22?", "咱们要不把数据转一下格式?").
_ASKED_FIRST = re.compile(r"^(?P<q>[^?？\n]{4,160}?)[?？]+\s*(?P<rest>\S.*)$", re.S)
_IF_ANSWERED = re.compile(r"^(?:(?:能|可以|行|可)的话|找得回(?:的话)?就?|(?:如果|要是)(?:能|可以|行)(?:的话)?|(?:没|还没|未)[\u4e00-\u9fff]{0,4}?(?:的话|就)|没有的话|"
                          r"if (?:yes|so|it can|it does|you can|possible|not(?: yet)?|you haven'?t|new|it is|they can|it'?s reversible)\b)\s*[,，]?\s*", re.I)
_DONE_ASKED = re.compile(r"^\W*(?:did you (?:already|just)|have you (?:already|just)|你(?:是不是)?已经|是不是已经)\b|"
                         r"你已经[\u4e00-\u9fff]{1,8}(?:过)?了?(?:吗|嘛|么)?\s*$|已经[\u4e00-\u9fff]{1,8}(?:过)?了(?:吗|嘛|么)\s*$", re.I)
_WHAT_IF_GO = re.compile(r"^(?=\W*(?:ok|okay|sure|yeah|yes|yep|fine|go|let'?s|please|do it|算了|[\u4e00-\u9fff]{1,2}吧))"
                         r"(?:(?:ok(?:ay)?|sure|yeah|yes|yep|fine)[,!. ]*)?(?:go on|go ahead|let'?s do (?:that|it)|please do|do it|go|算了[,，…]*)?\s*"
                         r"(?:[\u4e00-\u9fff]{1,2}吧|do it|go|please)?\s*(?:[,，.!！。]|$)", re.I)
_WHAT_IF = re.compile(r"^\W*(?:what if (?:you|we|i)?\s*(?:just\s+)?|如果(?:直接)?|要是(?:直接)?)", re.I)
_PROPOSED = re.compile(r"^(?P<lead>[^?？]{0,60}?)(?:why don'?t we|咱们要不|要不咱们)\s*(?P<step>[^?？]{4,120}?)\s*[?？]", re.I)
_ASKED_FRAME = re.compile(r"did you (?:already|just)|have you (?:already|just)|你是不是已经|是不是已经|你已经|已经|还能|能不能|能|可以|"
                          r"\b(?:can|could|will|does|is|be|been|undone|reversed|reversible|later|already|do|drop(?:ped)?|remove[d]?|delete[d]?|start(?:ed)?|stop(?:ped)?)\b|"
                          r"删了|删掉(?!的)|删除|去掉|恢复|找回|找得回|查过|算过|启动|开始|停|做|[吗嘛么呢了]", re.I)


# A step's time or cost asked, then a go-ahead: "用 X 跑 3 个 epoch 大概要多久?好,开始吧", "检查 X 的困惑度要花多少钱?行,直接跑",
# "How long would 4 epochs on X take? ok go.", "What does a perplexity check on X cost? ok go ahead", "Does evaluating cost extra? ok go, run-77a".
_GO_AHEAD = re.compile(r"^\W*(?:ok(?:ay)?|好(?:吧|的|啊)?|行(?:吧)?|可以|那|fine|alright|sure)(?=\W|[\u4e00-\u9fff]|$)\W*"
                       r"(?:go(?: ahead)?|do it|start|开始(?:吧)?|直接跑|跑吧|就做吧|做吧|那就加|就加|开始跑|就跑|上吧|搞吧|弄吧)?", re.I)
_COST_ZH = re.compile(r"\s*(?:大概|大约|一共)?(?:要|需要|得)?(?:花|跑)?(?:多久|多长时间|多少时间|多少钱|几块钱|多少算力|多少显存)(?:呢|啊)?\s*$|"
                      r"\s*会(?:很|不会)?(?:贵|慢|久)(?:吗|嘛|么)\s*$|\s*(?:贵不贵|久不久)\s*$|\s*会让[^?？]{0,12}(?:翻倍|变长|变慢|变贵)(?:吗|嘛|么)\s*$")
_COST_EN = (re.compile(r"^\W*how long (?:would|will|does|do|might)\s+(?:it take (?:to|for)\s+)?(?P<s>.+?)(?:\s+take)?\s*$", re.I),
            re.compile(r"^\W*how much (?:gpu |compute |wall[- ]clock )?(?:time|money)?\s*(?:would|will|does|do)\s+(?P<s>.+?)\s+(?:cost|take)\s*$", re.I),
            re.compile(r"^\W*what (?:would|will|does|do)\s+(?P<s>.+?)\s+cost\s*$", re.I),
            re.compile(r"^\W*(?:does|would|will|is)\s+(?P<s>.+?)\s+(?:cost (?:extra|much|anything|a lot|more)|(?:be )?(?:expensive|slow|pricey))\s*$", re.I))
_GERUND = {"resuming": "resume", "evaluating": "evaluate", "checking": "check", "converting": "convert", "training": "train", "stopping": "stop",
           "adding": "add", "probing": "probe", "dropping": "drop", "running": "run", "augmenting": "augment", "filling": "fill"}


def _cost_asked(q: str) -> str | None:
    """The step whose time or cost ``q`` asks, as a request; None when ``q`` asks no step's cost."""
    if rx.search(r"[\u4e00-\u9fff]", q):
        m = _COST_ZH.search(q)
        return q[:m.start()].strip() if m and rx.search(r"[\u4e00-\u9fff]{2}|\w", q[:m.start()]) else None
    for pattern in _COST_EN:
        if m := pattern.match(q):
            step = m.group("s").strip()
            step = rx.sub(r"^(\w+ing)\b", lambda w: _GERUND.get(w.group(1).lower(), w.group(1)), step)
            return "train " + step if rx.match(r"\d+\s+epochs?\b", step, re.I) else step
    return None


def asked_then_told(text: str) -> str:
    """``text`` with a question about a step read as what is told after it: the step on its answer, with what the question
    named; a what-if then a go-ahead, and a step proposed, as the step.

    >>> asked_then_told("did you already evaluate run-741? if not, do it")
    'evaluate run-741. do it'
    >>> asked_then_told("did you already drop the garbled rows? if not, keep them for now")
    'the garbled rows: keep them for now'
    >>> asked_then_told("what if you just dropped the dupes? go on")
    'drop the dupes. go on'
    >>> asked_then_told("Why don't we pause run st-22 for now? I need the GPU for a demo.")
    'pause run st-22 for now.'
    """
    proposed = _PROPOSED.match(text)
    if proposed:  # ("Why don't we start with a quality check on X?": the check)
        step, after = rx.sub(r"^(?:start|begin) (?:with|by)\s+", "", proposed.group("step"), flags=re.I), text[proposed.end():]
        if not rx.search(_FILE_NAMED + r"|\d|" + RUN_ID.pattern, after, re.I):
            after = ""  # ("…? It was scraped out of Zendesk, so who knows what's in there.": why, no request of its own)
        return (step + ("。" if rx.search(r"[\u4e00-\u9fff]", step) else ". ") + after.strip()).strip()
    m = _ASKED_FIRST.match(text)
    if not m:
        return text
    q, rest = m.group("q").strip(), m.group("rest").strip()
    stop = ". " if rx.search(r"[A-Za-z]{3}", q) and not rx.search(r"[\u4e00-\u9fff]", q) else "。"
    cond = _IF_ANSWERED.match(rest)
    if cond and rx.match(r"\s*(?:我|我们|i|we)\s*(?:就|再|才|will|'ll)", rest[cond.end():], re.I):
        return text  # ("…明天上午能出结果吗?能的话我就批": what the person will do on the answer, nothing asked of us)
    if cond and (rx.match(r"\W*(?:will|would)\b", q, re.I) or rx.search(r"会不会|是否会", q)) or rx.search(
            r"\bif not\b|\botherwise\b|否则|不然|没[\u4e00-\u9fff]{0,4}就", rest[cond.end():] if cond else ""):
        return text  # a worry first ("will starting now kill the running job? if not, …"), or both answers given their step
    if _WHAT_IF.match(q) and _WHAT_IF_GO.match(rest) and not cond:
        step = rx.sub(r"\b(dropp|stopp|add|convert|check|delet|remov|resum|train|start|evaluat|kep)(?:ed)\b", lambda w: {"dropp": "drop", "stopp": "stop",
                      "kep": "keep"}.get(w.group(1), w.group(1) + ("e" if w.group(1) in ("delet", "remov", "resum", "evaluat") else "")), _WHAT_IF.sub("", q))
        return rx.sub(r"\bthrew in\b", "mix in", rx.sub(r"\bdid\b", "do", step)).rstrip("呢 ") + stop + rest  # "what if you resumed run-0604-a? please do"
    go = _GO_AHEAD.match(rest)
    if go and not cond and (step := _cost_asked(q)):
        return step + stop + rest  # "How long would 4 epochs on X take? ok go.": the step asked the cost of, then the go-ahead
    done = _DONE_ASKED.search(q)
    if not cond and not done:
        return text
    told = rest[cond.end():] if cond else rest
    if not cond and not rx.search(r"停|续|评估|训|转|检查|查|质量|增强|保留|留着|删|别|状态|\b(?:stop|resume|evaluat|train|convert|check|augment|status|keep|drop|don'?t|skip)",
                                  told, re.I):
        return text  # ("你是不是已经把近似重复的删了?我还没点确认": no step told after the question)
    if rx.search(r"[?？]\s*$", told):
        return text  # ("did you already add the few-shot examples? how many per prompt is the default?": two questions)
    if cond and (not told.strip() or rx.fullmatch(r"\W*(?:do it|do that|go ahead|please do)\W*|[^,，。]{0,4}(?:做吧|做一下|弄吧)\W*", told, re.I)):
        return rx.sub(r"^\W*(?:did you (?:already|just)|have you (?:already|just))\s*", "", q, flags=re.I) + stop + told.strip()
    named_things = r"[\w./-]+\.(?:csv|tsv|txt|jsonl?|xlsx?|xlsm)\b|\b[A-Za-z]+[-_][\w-]*\d[\w-]*"
    step_told = rx.search(r"停|续|评估|训|转|检查|质量|增强|few|cot|思维链|状态|\b(?:stop|resume|evaluat|train|convert|check|augment|status)", told, re.I)
    formats = [f for f in dict.fromkeys(rx.findall(r"alpaca|sharegpt|openai|qianfan|千帆|jsonl|csv|xlsx", q, re.I)) if not rx.search(f, told, re.I)]
    if step_told and rx.search(named_things, told, re.I):
        return (", ".join(formats) + ": " if formats else "") + told  # ("…还能接着跑吗?可以的话就把 ft-0610 停了": what to act on, and how,
        # is told; "能直接把excel转成千帆格式吗?能的话就转,文件 X": the format the question names)
    things = [t for t in dict.fromkeys(rx.findall(named_things, q, re.I))]
    if step_told and things and not rx.search(r"\brestore|恢复|找回", told, re.I):
        return ", ".join(things + formats) + ": " + told  # ("现在停掉 RUN,之后还能接着跑吗?能的话就停。": the run, stopped)
    restoring = rx.search(r"\brestore|\bbring (?:them|those|it) back|恢复|找回|放回", told, re.I)
    named = rx.sub(r"\s+", " ", _ASKED_FRAME.sub(lambda w: w.group(0) if restoring and rx.fullmatch(r"dropped|removed|deleted|删掉|删了", w.group(0), re.I)
                                                  else " ", q)).strip(" ,，")  # ("Can I get the dropped short answers back? If so, restore them")
    if rx.search(r"保留|留着|\bkeep\b", told, re.I):
        named = rx.sub(r"(?:那条规则)?(?:删掉|删除|删)的", "", named)  # ("…删掉的能找回吗?找得回就全部保留": what was dropped, now kept)
    return (named + (": " if stop == ". " else ":") if named else "") + told


# A question the person answers at once: "乱码那些要删吗?要删。", "要不要先去重再转换?要,先去重。", "学习率要不要先探一下?探吧,
# 100 步够了", "few-shot 加几个例子?3 个吧。", "How many few-shot examples? Let's say 4.", "should I dedup first? yes, dedup first".
_YES_NO_ASKED = re.compile(r"^(?P<q>[^?？。!！\n]{2,60}?)[?？]\s*(?:(?:(?:要|是|对|嗯|好)(?:的|啊|呀)?|要[\u4e00-\u9fff]|(?P<verb>[\u4e00-\u9fff])吧)\s*(?:[,，。.!！]\s*|$)"
                           r"|(?:yes|yep|yeah|sure)\s*(?:[,，。.!！?？]\s*|$))(?P<rest>.*)$", re.I | re.S)  # ("Yeah? OK, drop them.", not "…了?嗯?")
_ECHO_ANSWERED = re.compile(r"^(?P<q>[^?？。!！\n]{0,40}?(?:是不是|要不要|有没有)(?P<what>[\u4e00-\u9fff]{1,6}?)了?)[?？]\s*(?P=what)了?\s*[,，。.!！]\s*(?P<rest>.*)$", re.S)
_ZH_YES_NO = re.compile(r"要不要|是不是|(?<![\u4e00-\u9fff])(?:该不该|需不需要)|[吗嘛么]\s*$")
_EN_YES_NO = re.compile(r"^\W*(?:should|shall|do|must) (?:i|we)\b", re.I)
_COUNT_ASKED = re.compile(r"(?:几个|多少个)(?P<unit>[\u4e00-\u9fff]{0,3})\s*[?？]\s*(?P<n>\d+|[一二两三四五六七八九十])\s*个?\s*(?:吧|好了|就行)?\s*(?:[。.,，]|$)"
                          r"|\bhow many (?P<what>(?:[\w-]+ ){0,2}(?:examples?|shots?|epochs?|steps?|samples?))\s*\?\s*(?:let'?s say|say|maybe|i'?d say|make it|go with)?\s*"
                          r"(?P<en>\d+)\s*(?:[.,;]|$)", re.I)


def self_answered(text: str) -> str:
    """``text`` with a question the person answered themselves read as the answer.

    >>> self_answered("乱码那些要删吗?要删。")
    '乱码那些要删。'
    >>> self_answered("要不要先去重再转换?要,先去重。文件在这。")
    '先去重。文件在这。'
    >>> self_answered("few-shot 加几个例子?3 个吧。FILE 每条都加。")
    'few-shot 加3个例子。FILE 每条都加。'
    >>> self_answered("How many few-shot examples? Let's say 4. Do it on FILE.")
    '4 few-shot examples. Do it on FILE.'
    """
    counted = _COUNT_ASKED.search(text)
    if counted:
        said = (counted.group("n") + "个" + counted.group("unit") + "。") if counted.group("n") else f"{counted.group('en')} {counted.group('what')}. "
        if not counted.group("n"):
            return (text[:counted.start()] + said + text[counted.end():].lstrip()).strip()
        return text[:counted.start()] + said + text[counted.end():].lstrip()
    echoed = _ECHO_ANSWERED.match(text)
    if echoed:  # "刚才那条我是不是说反了?说反了。…": answered by saying it again
        return rx.sub(r"是不是|要不要|有没有", "", echoed.group("q")) + "。" + echoed.group("rest")
    m = _YES_NO_ASKED.match(text)
    if not m or not (_ZH_YES_NO.search(m.group("q")) or _EN_YES_NO.match(m.group("q"))):
        return text
    rest = m.group("rest").strip()
    if rx.match(r"先", rest):
        return rest  # "要,先去重": the answer narrows what was asked
    q = rx.sub(r"要不要|是不是|该不该|需不需要", "", m.group("q"))
    q = rx.sub(r"^\W*(?:should|shall|do|must) (?:i|we)\s+", "", rx.sub(r"[吗嘛么]\s*$", "", q), flags=re.I)
    stop = ". " if _EN_YES_NO.match(m.group("q")) else "。"
    while (again := _YES_NO_ASKED.match(rest)) and not again.group("verb"):
        # "重复的要不要去掉?要。完全一样的那种?对,就那种。…直接删。", "Do I want dupes gone? Yes. Exact ones only? Yes. …": each
        # question answered in turn, read as what was answered
        q, rest = q + stop + again.group("q").strip(), again.group("rest").strip()
    return q + (stop + rest if rest else stop.strip())  # "Do I drop the garbled rows? Yep, drop them.": what was asked, then the rest


# A step asked in the passive: "All the exact duplicates that were found should be dropped.", "Run r-77 is to be resumed", "the
# file needs to be converted to jsonl": read in the active voice (a question, "Should X be dropped?", is left as it is).
_PASSIVE = re.compile(r"^(?P<lead>\W*)(?P<obj>(?!(?:what|which|who|how|why|when|where|it|this|that|there|nothing|everything)\b)[^.?!;\n]{3,80}?)\s+"
                      r"(?:should|must|needs? to|are to|is to|shall|will have to|has to|have to) be (?P<verb>dropped|removed|deleted|kept|checked|converted|"
                      r"deduplicated|inspected|evaluated|stopped|resumed|rephrased|augmented)\b(?P<rest>[^?？]*)$", re.I)
_ACTIVE = {"dropped": "drop", "removed": "remove", "deleted": "delete", "kept": "keep", "checked": "check", "converted": "convert",
           "deduplicated": "deduplicate", "inspected": "inspect", "evaluated": "evaluate", "stopped": "stop", "resumed": "resume",
           "rephrased": "rephrase", "augmented": "augment"}


def active(text: str) -> str:
    """``text`` with a step asked in the passive said in the active voice.

    >>> active("All the exact duplicates that were found should be dropped.")
    'drop All the exact duplicates that were found.'
    >>> active("Should the duplicates be dropped?")
    'Should the duplicates be dropped?'
    """
    m = _PASSIVE.match(text)
    if not m:
        return text
    return m.group("lead") + _ACTIVE[m.group("verb").lower()] + " " + m.group("obj").strip() + m.group("rest")


# A refusal taken back in the same message: "skip the perplexity... actually no, include it", "no general data mixed in.
# actually, mix in 10%", "要不别续训 ft-0609 了……不,还是续吧". What was refused first is what the rest turns to.
_NO_THEN_YES = re.compile(r"^(?P<lead>\W*)(?:(?:let'?s |just )?(?:skip|no|don'?t|do not)\s+|要不(?:还是)?别|别|不要|不用)\s*(?!no\b|not\b|wait\b|不是|[,，])"
                          r"(?P<topic>[^.…,，。;；!?！？\n]{2,60}?)\s*(?P<gap>\.{2,}|…+|[.,，。;；—–-]+)\s*"
                          r"(?:actually,?\s*no\b|actually\b|wait,?\s*no\b|no wait\b|on second thought\b|不对|哦不|不(?!要|用)|算了)\s*[,，]?\s*"
                          r"(?:还是(?:要)?)?\s*(?P<rest>\S.*)$", re.I | re.S)
_NAMED = re.compile(r"[\w\u4e00-\u9fff-]+\.(?:jsonl|json|csv|xlsx|xls|txt|parquet|tsv)\b|\b[A-Za-z][\w.-]*(?:\d|-\w)[\w.-]*", re.I)


def said_back(text: str) -> str:
    """``text`` with a refusal the person took back read as what they want after all.

    >>> said_back("skip the perplexity... actually no, include it. check fin.jsonl")
    'include the perplexity. check fin.jsonl'
    >>> said_back("no general data mixed in. actually, mix in 10%. train qa.csv")
    'general data mixed in. mix in 10%. train qa.csv'
    >>> said_back("要不别续训 ft-0609 了……不,还是续吧")
    '续训 ft-0609……续吧'
    >>> said_back("don't stop run-b... actually, stop run-d")
    'stop run-d'
    """
    m = _NO_THEN_YES.match(text)
    if not m or rx.match(r"(?:no\b|not\b|don'?t|do not|skip|never|不要|别|不用|不是)", m.group("rest"), re.I):
        return text
    lead, topic, gap, rest = m.group("lead"), rx.sub(r"\s*了$", "", m.group("topic")), m.group("gap"), m.group("rest")
    pointed = rx.match(r"([A-Za-z]+\s+)(?:it|them|that)\b", rest, re.I)
    if pointed:
        return lead + pointed.group(1) + topic + rest[pointed.end():]
    theirs, ours = {x.lower() for x in _NAMED.findall(rest)}, {x.lower() for x in _NAMED.findall(topic)}
    if theirs and ours and not theirs & ours:
        return lead + rest
    return lead + topic + gap + (" " if gap[-1:] in ".,;-" and rest[:1].isascii() else "") + rest


# One of our tools written by its name inside a sentence, or a letter or two off ("do a probe_learnign_rate on news_qa.jsonl",
# "augmnet_instrucitons on 20% of X"): read as the plain words for it. A name opening the message is a call written out
# (``written``): only its spelling is put right.
_TOOL_WORDS = {"inspect_dataset": "inspect", "convert_dataset": "convert", "add_few_shot": "add few-shot", "add_cot": "add CoT",
               "augment_instructions": "augment the instructions", "check_quality": "quality check",
               "fill_placeholders": "fill the placeholders", "suggest_hyperparameters": "suggest hyperparameters",
               "probe_learning_rate": "learning rate probe", "start_training": "start training", "stop_training": "stop",
               "resume_training": "resume", "training_status": "status of", "evaluate_run": "evaluate"}
_UNDERSCORED = re.compile(r"(?<![\w./-])`?([A-Za-z]+(?:_[A-Za-z]+)+)`?(?![\w.-])(?=\s+(?:on|for|with|to|of|in|at)\b)")


def tool_named(text: str) -> str:
    """``text`` with a tool's name inside it read as words, and a tool's name mistyped at its start spelled right.

    >>> tool_named("do a probe_learnign_rate on news_qa.jsonl"), tool_named("augmnet_instrucitons on 20% of t.jsonl")
    ('do a learning rate probe on news_qa.jsonl', 'augment_instructions on 20% of t.jsonl')
    >>> tool_named("probe_learning_rate path=x.jsonl steps=100"), tool_named("What will training_status show me?")
    ('probe_learning_rate path=x.jsonl steps=100', 'What will training_status show me?')
    """
    def word(m: re.Match) -> str:
        name = m.group(1).lower()
        tool = name if name in _TOOL_WORDS else fuzzy.closest(name, tuple(_TOOL_WORDS))
        if tool is None:
            return m.group(0)
        return tool if not text[:m.start()].strip() else _TOOL_WORDS[tool]
    return _UNDERSCORED.sub(word, text)


# The step to begin with, named ("先从检查开始吧", "start with the quality check"): that step first (开始 here starts no run).
# Not a run's point to go on from ("从断点开始", "从头开始", "从第 3 轮开始") nor a value ("start with 600").
_BEGUN_WITH = re.compile(r"(?:先|就)?从\s*(?!断点|检查点|头|零|上次|第|最近|checkpoint|ckpt|\d)((?:(?!的|哪|停)[\u4e00-\u9fffA-Za-z-]){1,10}?)\s*(?:这一?步|那一?步)?\s*开始(?:吧|做|弄)?(?![\u4e00-\u9fff])|"
                         r"\b(?:let'?s |we'?ll |please |just )?(?:start|begin) (?:with|by) (?:the |a |an )?(?=(?:quality |data )?(?:check|inspect|look|conver|few-?shot|cot\b|probe|lr probe|dedup|clean|eval|augment))", re.I)


def begun_with(text: str) -> str:
    """``text`` with the step to begin with said as the first.

    >>> begun_with("然后你做质量检查,再去重,最后训练。先从检查开始吧。"), begun_with("Start with the quality check.")
    ('然后你做质量检查,再去重,最后训练。先检查吧。', 'first quality check.')
    >>> begun_with("从断点开始训练"), begun_with("start with 600 rows")
    ('从断点开始训练', 'start with 600 rows')
    """
    return _BEGUN_WITH.sub(lambda m: f"先{m.group(1)}吧" if m.group(1) else "first ", text)


# An identity's values said in other ways: fillers between a key and its value ("名字,就填,嗯,小智", "the name should be, uh,
# Nova"), the two keys then the two values ("名字和作者,填成“小爪”和“安心宠物医院”", "填成“A”和“B”(名字和作者)"), the old words
# (名号, 撰者), "called X and made by Y".
_ABOUT_IDENTITY = re.compile(r"identity|名字|名号|名称|作者|撰者|\bname\b|\bauthor\b|\bcalled\b|\bintroduces? itself\b|\bsays? it'?s\b|占位|placeholder", re.I)
# "the bot says it's Strike Buddy, made by X", "introduce itself as 'Ollie' from 'Y'": the name, then its maker
_INTRODUCED = re.compile(r"\b(?:says? (?:it'?s|it is)|introduces? itself as|calls itself)\s+([\"'“][^\"'”]{1,30}[\"'”]|[A-Z][\w&]*(?: [A-Z][\w&]*){0,3})"
                         r"\s*,?\s*(?:made by|from|by)\s+(?=[\"'“]|[A-Z])")
_FILLER_BETWEEN = re.compile(r"(?:(?<=[,，])|(?<=填)|(?<=是)|(?<=\bbe)|(?<=\bis))\s*(?:[,，]\s*)?(?:就(?=填)|嗯+|呃|额|那个|就是|\buh+|\bum+|\ber\b|\blike\b)\s*[,，]\s*", re.I)
_TWO_THEN_TWO = re.compile(r"(?:(?:名字|名称)(?:和|与|跟)作者)[^“「\"]{0,12}?(?:填成?|填为|写成?|改成)\s*([“「\"][^”」\"]{1,30}[”」\"])\s*(?:和|与|跟)\s*([“「\"][^”」\"]{1,30}[”」\"])|"
                           r"(?:填成?|填为|写成?|改成)\s*([“「\"][^”」\"]{1,30}[”」\"])\s*(?:和|与|跟)\s*([“「\"][^”」\"]{1,30}[”」\"])\s*[(（]\s*(?:名字|名称)(?:和|与|跟)作者\s*[)）]")


def identity_said(text: str) -> str:
    """``text`` with an identity's values said plainly as key and value.

    >>> identity_said("identity_pet.json 里面那些名字和作者,填成“小爪”和“安心医院”")
    'identity_pet.json 里面那些名字填“小爪”,作者填“安心医院”'
    >>> identity_said("那个名字,就填,嗯,小智,作者填,那个,星河科技"), identity_said("i want it to be called Sparky and made by Mia")
    ('那个名字,就填 小智,作者填 星河科技', 'i want it name is Sparky and author is Mia')
    """
    if not _ABOUT_IDENTITY.search(text):
        return text
    text = text.replace("名号", "名字").replace("名讳", "名字").replace("撰者", "作者")
    text = rx.sub(r"\b(name|author) shall be(?:\s+(?:proclaimed|declared|known as|called|named|written as))?\b", r"\1 is", text, flags=re.I)
    # ("the assistant's name shall be 'Beacon'", "the name shall be proclaimed 'Sir Answersalot'")
    text = rx.sub(r"\bcall it\s+(?=[\"'“‘])", "name is ", text, flags=re.I)  # "give identity.json a name. Call it 'Orbit'."
    text = rx.sub(r"\b(?:it )?should say (?:it'?s|it is)\s+(?=[\"'“])", "name is ", text, flags=re.I)  # "it should say it's 'Juniper', made by 'X'"
    text = _TWO_THEN_TWO.sub(lambda m: f"名字填{m.group(1) or m.group(3)},作者填{m.group(2) or m.group(4)}", text)
    text = _FILLER_BETWEEN.sub(" ", text)
    text = _INTRODUCED.sub(r"name is \1 and author is ", text)
    text = rx.sub(r"\b(it|bot|him|her) (?:to )?be called\b(?=\s+(?:[\"'“]|[A-Z]))", r"\1 name is", text)
    return rx.sub(r"\bmade by\b(?=\s+(?:[\"'“]|[A-Z]))", "author is", text)


# Pinyin typed for our words ("zhuan qianfan", "xl zhuangtai?", "ks xl", "bang wo jiancha yixia shuju zhiliang", syllable by
# syllable too: "jian cha yi xia zhi liang", "xue xi lv tan ce pao yi xia, 100 bu"): read as the characters. Only in a message with
# a word of two syllables or more no English speaker writes, or an abbreviation beside another; one syllable alone ("shi",
# "ba", "de") is read only in such a message.
_PINYIN = {"zhuan": "转", "zhuan huan": "转换", "zhuan cheng": "转成", "xun lian": "训练", "xl": "训练", "zl": "质量", "sj": "数据", "zhuang tai": "状态",
           "jin du": "进度", "jian cha": "检查", "shu ju": "数据", "zhi liang": "质量", "kai shi": "开始", "ks": "开始", "ting zhi": "停止",
           "tz": "停止", "ji xu": "继续", "jx": "继续", "ping gu": "评估", "wen jian": "文件", "bang": "帮", "wo": "我", "yi xia": "一下",
           "lun": "轮", "bu shi": "不是", "hai shi": "还是", "shi": "是", "sha": "啥", "yi si": "意思", "shen me": "什么", "zen me": "怎么",
           "qu chong": "去重", "shan chu": "删除", "ting diao": "停掉", "xu shang": "续上", "xue xi lv": "学习率", "xue xi lü": "学习率",
           "tan ce": "探测", "pao": "跑", "ru he": "如何", "duo yang xing": "多样性", "ru guo": "如果", "hui bu hui": "会不会",
           "jia shang": "加上", "suo you": "所有", "hao chu": "好处", "ti gao": "提高", "huan cheng": "换成", "gai cheng": "改成",
           "zhe ge": "这个", "na ge": "那个", "bu yong": "不用", "gai": "改", "ba": "把", "de": "的", "jia": "加", "le": "了",
           "you": "有", "dou": "都", "tai chang": "太长", "zhi": "指", "xiao guo": "效果", "zen me yang": "怎么样", "ji ge": "几个",
           "duo shao": "多少", "he shi": "合适", "tiao": "条", "ting": "停", "xian": "先", "zai": "再", "ge": "个", "shan": "删",
           "chong fu": "重复", "yang ben": "样本", "mo xing": "模型", "wei tiao": "微调", "tong yong": "通用", "hun": "混",
           "quan bu": "全部", "tian": "填", "tan yi xia": "探一下", "ce yi xia": "测一下", "kan yi xia": "看一下", "kan kan": "看看",
           "yong": "用", "li de": "里的", "li mian": "里面", "ce shi": "测试", "zuo zhe": "作者", "ming zi": "名字"}
# "jian cha" or "jiancha": a word's syllables spaced or not
_PINYIN_WORD = re.compile(r"(?<![A-Za-z0-9_.-])(" + "|".join(r"[ \t]*".join(map(re.escape, k.split()))
                                                          for k in sorted(_PINYIN, key=lambda k: (len(k.split()), len(k)), reverse=True))
                          + r")(?![A-Za-z0-9_.-])", re.I)
_PINYIN_SURE = re.compile(r"(?<![\w.-])(?:" + "|".join(r"[ \t]*".join(k.split()) for k in _PINYIN
                                                         if len(k.split()) > 1 and k not in ("de", "you", "le"))
                          + r"|zhuan)(?![\w.-])|"
                          r"(?<![A-Za-z0-9_.-])(?:ks|tz|jx)\s+xl(?![A-Za-z0-9_.-])|(?<![\w.-])xl\s+(?:zhuang\s*tai|jin\s*du)\b|"
                          # "sj 在 FILE,帮我查下 zl": the initials of our words beside Chinese
                          r"(?<![A-Za-z0-9_.-])(?:sj|zl|xl)[ \t]*(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[ \t]*(?:sj|zl|xl)(?![A-Za-z0-9_.-])", re.I)


def pinyin(text: str) -> str:
    """``text`` with the pinyin of our words written in characters.

    >>> pinyin("xl zhuangtai?"), pinyin("ks xl吧,2 lun"), pinyin("the shi of it")
    ('训练状态?', '开始训练吧,2 轮', 'the shi of it')
    >>> pinyin("jian cha yi xia zhi liang: a.jsonl"), pinyin("xue xi lv tan ce pao yi xia, 100 bu")
    ('检查一下质量: a.jsonl', '学习率探测跑一下, 100 步')
    """
    if not _PINYIN_SURE.search(text):
        return text
    text = rx.sub(r"(?<=\d)\s*bu\b", " 步", text)  # "100 bu": steps; "bu shi", "bu yong" are 不
    text = _PINYIN_WORD.sub(lambda m: "\x01" + _PINYIN[" ".join(_syllables(m.group(1)))] + "\x01", text)
    text = rx.sub(r"(?<![A-Za-z])bu(?![A-Za-z])", "\x01不\x01", text)  # "bu" left over: 不 ("author bu gai")
    # the words read together, as written in characters (the user's own Chinese keeps its spaces: "模板用 中译英|…")
    return rx.sub(r"\x01[ \t]+\x01", "", text).replace("\x01", "")


def _syllables(word: str) -> list[str]:
    """The table key a matched word is written as ("jiancha" → ["jian", "cha"])."""
    spaced = word.lower().split()
    if " ".join(spaced) in _PINYIN:
        return spaced
    joined = "".join(spaced)
    return next(k.split() for k in _PINYIN if k.replace(" ", "") == joined)


# "就按你说的“千帆格式”转", "do the 'Qianfan format' thing you mentioned": the assistant's own words quoted back are said, not
# mentioned (other quotes stay quotes: a template, a column).
_ECHOED = re.compile(r"((?:你说的|你提到的|你讲的|你建议的|\byou (?:mentioned|suggested|said)\b)\s*)[“\"'‘]([^”\"'’\n]{1,30})[”\"'’]|"
                     r"[“\"'‘]([^”\"'’\n]{1,30})[”\"'’](\s*(?:thing |step |one )?(?:you (?:mentioned|suggested)|你说的|你提到的))", re.I)


# The manual's own terms quoted ("mix in some of that “种子数据”", "有没有出现手册里说的“通用NLP能力的遗忘”"): said, not mentioned.
_MANUAL_TERM = re.compile(r"[“\"'‘](种子数据|通用NLP能力的遗忘|通用能力的遗忘|数据质量|ppl|PPL|困惑度)[”\"'’]")


def echoed(text: str) -> str:
    """``text`` with the assistant's words that the person quotes back unquoted, and the manual's own terms.

    >>> echoed("ok do the 'Qianfan format' thing you mentioned, on qa.csv")
    'ok do the Qianfan format thing you mentioned, on qa.csv'
    """
    text = _MANUAL_TERM.sub(r"\1", text)
    return _ECHOED.sub(lambda m: (m.group(1) + m.group(2)) if m.group(2) else (m.group(3) + m.group(4)), text)


# A run killed, said as what befell it ("又被OOM kill了", "got OOM-killed again"): the run died, no stop asked. A log's own
# "Killed" line says nothing the person asks.
_BEFELL = ((re.compile(r"被\s*(?:(?:OOM|oom|系统|内核|kernel)\s*(?:killer)?\s*)?(?:kill|杀|干掉|毙)(?:掉)?(?:了)?", re.I), "挂了"),
           (re.compile(r"\b(?:got|gets|get|getting|was|were|been|keeps? getting|kept getting)\s+(?:oom[- ]?)?killed\b|"
                       r"\boom[- ]killed\b|\bkilled by (?:the )?(?:oom|kernel|system|linux)(?:[- ]killer)?\b", re.I), "died"),
           (re.compile(r"(?m)^[ \t]*Killed[ \t]*$"), ""),
           # "the training is stop yesterday because power cut", "got interrupted overnight": a run stopped by what befell it
           (re.compile(r"\b(?:is|was|were|got|gets|has been|had been|been)\s+(?:stop|stopped|interrupted|cut off|halted|killed)\b"
                       r"(?=[^.!?\n]{0,40}\b(?:because|due to|cuz|coz|when|after|yesterday|last night|overnight|by (?:a|the) (?:power|outage|crash|reboot))\b)", re.I), "died"))


# Two negations that cancel: "重复的那些别不删啊", "不要不加 few-shot", "名字不是不填", "I'm not saying don't drop them. Drop them.",
# "don't not keep them": what is meant is the thing itself. ("是不是不行" asks; it is no double negation.)
_DOUBLE_NEGATION = re.compile(r"(?:(?<!是)(?<!还)不是|(?<!要)别|不要|没说|并非)不(?=[\u4e00-\u9fff])(?!要)|"
                              r"\b(?:i'?m|i am|we'?re|we are) not saying (?:to )?(?:don'?t|do not|not to|you shouldn'?t)\s+|\bdon'?t not\s+", re.I)

_DOUBLE_THEN_SAID = re.compile(r"(?:(?<!是)(?<!还)不是|(?<!要)别|不要|并非)不([\u4e00-\u9fff]{1,2})\s*[,，]\s*(?=\1)")


def undoubled(text: str) -> str:
    """``text`` with two negations that cancel taken out (:data:`_DOUBLE_NEGATION`).

    >>> undoubled("重复的那些别不删啊,全删掉"), undoubled("I'm not saying don't drop the exact duplicates. Drop them.")
    ('重复的那些删啊,全删掉', 'drop the exact duplicates. Drop them.')
    """
    text = _DOUBLE_THEN_SAID.sub("", text)  # "名字不是不填,填「小金」": the verb said again after the comma stands alone
    return _DOUBLE_NEGATION.sub("", text)


def befell(text: str) -> str:
    """``text`` with a run killed by something else said as the run having died (:data:`_BEFELL`)."""
    for pattern, said in _BEFELL:
        text = pattern.sub(said, text)
    return text


# Full-width letters, digits and signs ("ａｄｄ\u3000ＣＯＴ\u3000to\u3000１０％", "ｅｐｏｃｈ　３", "２ｅ－４") are the ASCII ones; the
# Chinese punctuation that is full-width by nature (，？！：；（）) stays as it is, the patterns read it.
_FULL_WIDTH = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c) not in "，？！：；（）"} | {0x3000: " "}


# "@小李 你那边导出好了没?\n@assistant 先帮我看下 X": a thread where the person also talks to colleagues; only the lines to us ask.
_TO_US = re.compile(r"^[ \t]*@(?:assistant|助手|bot|ai|小助手|sft-assistant)\b[ \t:：,，]*", re.I | re.M)
_TO_SOMEONE = re.compile(r"^[ \t]*@[^\s@]{1,20}", re.M)
# Output pasted in backticks before the request: "`lr_finder: diverged at step 40`……换个步数重来", "`Hint: …`. ok, use …".
_PASTED_OUTPUT = re.compile(r"^\s*`[^`\n]{0,80}(?::\s|\b(?:error|exception|warning|denied|failed|diverged|traceback|hint)\b)[^`\n]{0,80}`\s*(?:…+|\.{2,}|[,，。.:：;；!！])*\s*(?=\S)", re.I)
_URL = re.compile(r"\bhttps?://\S+", re.I)
# Marks of done or wrong, "k=5 ✗ → k=2 ✓": no words.
_TICKS = re.compile(r"(?<=\S)[ \t]*[✗✘❌✓✔✅☑]\uFE0F?")  # (a tick opening a line marks a list item, and stays)


def addressed(text: str) -> str:
    r"""``text`` as the person said it to us: the lines addressed to us in a thread (their "@assistant" gone), a pasted output
    line before the request gone, tick marks gone, and words typed one per line joined into a sentence.

    >>> addressed("@小李 表格导出好了没?\n@assistant 先看下 qa.csv 多少条")
    '先看下 qa.csv 多少条'
    >>> addressed("drop\nexact\nduplicates"), addressed("停\n掉\nrun-k2")
    ('drop exact duplicates', '停\n掉\nrun-k2')
    """
    if _TO_US.search(text) and len(_TO_SOMEONE.findall(text)) >= 2:
        text = "\n".join(_TO_US.sub("", line) for line in text.split("\n") if _TO_US.match(line) or not _TO_SOMEONE.match(line))
    # (what the output says stays, its numbers and paths do not: "lr_finder: diverged at step" still names the probe)
    text = _URL.sub(" ", text)  # "是从 https://gitee.com/xx/bot-id 拉下来的": where it came from, no file or value
    text = _TICKS.sub("", _PASTED_OUTPUT.sub(lambda m: rx.sub(r"\S*[/\\]\S*|\S+\.[A-Za-z]{2,5}\b|\d+(?:\.\d+)?", "", m.group(0).strip(" \t\n`….,，。:：;；!！")).strip("` ") + ". ", text))
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) >= 3 and all(rx.fullmatch(r"[A-Za-z][\w.-]{0,15}", line) for line in lines):
        return " ".join(lines)  # (English words only: Chinese lines, "填\n名字\n阿福", and labelled values are read by lines)
    return text


# What happened last time, told before what to do now: its values are not this request's ("上次…才加了 10%,太少了!这次…加到
# 40%", "Last run with lr 5e-4 diverged after 200 steps. Train again … at 1e-4", "Dropping the near-duplicates last time killed half
# my data. This time keep them.").
_PAST = re.compile(r"上次|上回|之前|此前|\blast (?:time|run|week)\b|\bprevious(?:ly)?\b|\bthe (?:\w+ )?you (?:added|ran|did|made) last\b|"
                   r"\b(?:had|was(?! (?:not (?:right|correct)|wrong|incorrect|a (?:typo|mistake)))|were|used|showed|earlier)\b", re.I)  # ("One detail was not right": a slip told)
_NOW = re.compile(r"这次|这回|重新|再(?:来|探|跑|加|训|转|做|测)|又|\bagain\b|\bthis time\b|\bredo\b|\bre-?(?:train|run|do)\b|\binstead\b|\bnow\b|\bbump\b|\bdo \d", re.I)
_SENTENCE_END = re.compile(r"((?<=[。!！;；?？;])|(?<=[.!?])\s+(?=[A-Z])|\n)")
_CLAUSE_END = re.compile(r"((?<=[,，]))")  # (kept by the split, so the text is put back as it was)
_PAST_KINDS = (  # (what is blanked in what was said of last time, what the request now says again of that kind)
    (re.compile(r"(?<![A-Za-z0-9_.=-])(?<!=\s)\d+(?:\.\d+)?(?:e-?\d+)?\s*%?"), re.compile(r"(?<![A-Za-z_.-])\d")),  # ("r=8" stays a setting said)
    (re.compile(r"\b(?:dropping|dropped|drop|deleted|removed|kept|keep|killed|wiped|nuked)\b|删掉了|删了|删掉|保留了", re.I),
     re.compile(r"\b(?:drop|keep|remove|delete)\b|删|保留|留着", re.I)),
    (re.compile(r"\b(?:run|job|exp)[-_][\w-]+", re.I), re.compile(r"\.(?:jsonl?|csv|xlsx?)\b|\b(?:run|job|exp)[-_][\w-]+", re.I)))


_SAME_SETTING = ("r|lora_r|rank|lora_rank", "lr|learning_rate", "k|shots", "epoch|epochs|n_epochs|num_epochs", "mix|mix_general")


def _blanked(part: str, kinds: list[re.Pattern], asked: str) -> str:
    # ("Few-shot was k=2 … Bump to k=5": a setting written "key=" goes only where the request writes the same key again)
    def again(key: str) -> bool:
        names = next((group for group in _SAME_SETTING if key.lower() in group.split("|")), re.escape(key))
        return bool(rx.search(rf"\b(?:{names})\s*(?:=|:|to\b|\d)", asked, re.I))
    part = rx.sub(r"\b([A-Za-z_]+)\s*=\s*\d+(?:\.\d+)?(?:e-?\d+)?", lambda m: "" if again(m.group(1)) else m.group(0), part)
    for pattern in kinds:
        part = pattern.sub("", part)
    return part


# An offer turned down before the request: "你说可以顺便帮我转成 sharegpt,谢谢,不用啦~ 帮我把 X 转成 jsonl", "No need to convert it to
# qianfan, thanks — I'd like alpaca instead", "Kind of you to suggest CoT, but I'd prefer templates: …", "Thanks, but I won't stop it; just …".
_DECLINED = re.compile(r"^(?=[^。.!！?？\n]{0,40}?(?:你(?:说|提|建议|问|要)|谢谢|谢啦))[^。.!！?？\n]{0,40}?(?:不用啦|不用了|不需要了|心领了|谢谢提醒|谢啦不用)[~～,，。.!！\s]*|"
                       r"^\W*(?:(?:thanks|thank you|ok(?:ay)?)[,!.]?\s*)?(?:no need to [^,—;.]{1,60}|thanks,? but i (?:won'?t|don'?t|will not|do not)\b[^;.—]{0,40}|i'?ll pass on [^.;]{1,60}|"
                       r"(?:it'?s )?kind of you to suggest [^,]{1,40},? but i'?d (?:prefer|rather(?: have)?|like))\s*[,;.—–-]*\s*(?:thanks\s*[,;.—–-]*\s*)?", re.I)
# A hedge opening the message, "It's not that r=16 isn't fine, but change lora_r to 8", "It's not that I don't want X gone — drop them".
_NOT_THAT = re.compile(r"^\W*(?:it'?s|it is) not that\b[^—;.]{3,100}?(?:[—;.]|,\s*but\b)\s*", re.I)
_TELEGRAM_STOP = re.compile(r"(?<=[.!?])\s*STOP\.?\s*$")
# A P.S. after a long story: the P.S. is the request.
_PS = re.compile(r"(?:^|\n)\s*P\.?\s*S\.?\s*[:：,，.]?\s*", re.I)


# What the person has, listed, then set aside for the one thing asked: "ok so I've got intake.csv, intake_old.csv, and
# run-hb-3 still cooking — ignore all that, just inspect intake.csv", "我手上有 a.csv、b.csv 还有 run-33,乱七八糟的,你就帮我查看下
# b.csv 的结构就行,其他别动".
_INVENTORY_DISMISSED = re.compile(r"^[^\n]*?[—–,;.!:-]\s*(?:but\s+|so\s+)?(?:ignore|forget(?: about)?|never ?mind|disregard) (?:all )?(?:that|those|them|the rest|the others)\b\W*(?=(?:just|only|simply)\b)", re.I)
_INVENTORY_ZH = re.compile(r"^\s*(?:我)?(?:手上|手里|这边|现在)?有[^。;；\n]*?[,，]\s*(?:[^,，。;；\n]{0,8}[,，]\s*)?"
                           r"(?=[^,，。;；\n]*(?:就行|就好|即可)[,，]?\s*(?:其他|别的|其余)(?:的)?(?:都)?(?:别动|不用管|别管|先不管|不用动))")


def too_then(text: str) -> str:
    """``text`` with a count called too small or too big replaced by the one to use after it, its unit kept.

    >>> too_then("probe of 50 steps was too short, do 200")
    'probe of 200 steps'
    """
    return _TOO_THEN.sub(lambda m: m.group(3) + m.group(2), text)


def now_asked(text: str) -> str:
    r"""``text`` as the request made now: a long story before a P.S. left out, an offer turned down left out, a hedge opening
    the message left out, and the values said of last time blanked where the message asks again.

    >>> now_asked("上次探学习率只跑了 50 步,曲线看不出东西。x.jsonl 再探一次,跑 300 步")
    '上次探学习率只跑了 步,曲线看不出东西。x.jsonl 再探一次,跑 300 步'
    >>> now_asked("No need to convert it to qianfan, thanks — I'd like alpaca instead. File is a.csv")
    "I'd like alpaca instead. File is a.csv"
    """
    telegram = _TELEGRAM_STOP.search(text)
    if telegram and not rx.search(r"\b(?:run|job|training|train)\b|[A-Za-z]+[-_]\w*\d",
                                  rx.sub(r"\S+" + _FILE_TAIL, " ", text[:telegram.start()]), re.I):  # (a file's name is no run's)
        text = text[:telegram.start()]  # "THANKS. STOP.", "WHAT IS LORA RANK. STOP.": a telegram's full stop, no run stopped
    ps = list(_PS.finditer(text)) or list(rx.finditer(r"(?<=[。.!！?？])\s*P\.?\s*S\.?\s*[:：,，.]?\s*", text))
    if ps and text[:ps[-1].start()].strip() and text[ps[-1].end():].strip():
        before, after = text[:ps[-1].start()].strip(), text[ps[-1].end():].strip()
        if rx.match(r"(?:and |also )?(?:whether|if)\b|(?:i'?m )?(?:just )?asking in general|只是(?:随便)?问问|一般性地问", after, re.I):
            # "Can you explain what the 'placeholder' flag means? P.S. and whether dropping those is usually safe.": the question goes on
            return before if rx.match(r"(?:i'?m )?(?:just )?asking in general|只是(?:随便)?问问|一般性地问", after, re.I) else before.rstrip("?？") + ", " + after.rstrip(".。") + ("?" if before.rstrip().endswith("?") else "？" if before.rstrip().endswith("？") else "")
        if rx.match(r"算了|说错了|不对|改主意|先别|刚问了|\b(?:actually|scratch that|on second thought|change of plan|correction)\b", after, re.I):
            # "恢复一下 run-law-07 吧。P.S. 先别恢复,先看看它停在哪一步了": the P.S. puts the request right, of what the request named
            names = [m.group(0) for m in rx.finditer(r"[\w./\\-]+" + _FILE_TAIL + "|" + RUN_ID.pattern, before, re.I)]
            own = rx.search(_FILE_NAMED + "|" + RUN_ID.pattern, after, re.I)
            after = rx.sub(r"^(?:算了[,，]?\s*)?先?(?:别|不要|不用)[\u4e00-\u9fff]{1,4}?了?[,，]\s*(?=先|再|帮|给|把)", "", after)  # ("先别恢复,先看看…": the step refused left out)
            steps = rx.search(r"转|训|查|检查|估|评估|看看|停|恢复|续|加|填|\b(?:convert|train|check|inspect|estimate|suggest|evaluate|look|stop|resume|add|fill)\b", after, re.I)
            return (", ".join(names) + ": " + after if names and not own else after) if steps else before + "。" + after
    if ps and ps[-1].start() >= 30 and text[ps[-1].end():].strip() and not rx.search(
            r"\d|[?？]|\.(?:jsonl?|csv|xlsx?|tsv)\b|\b(?:convert|train|check|inspect|add|fill|stop|resume|evaluate|probe|augment|suggest)\b|转|训|查|加|填|停|评估", text[:ps[-1].start()], re.I):
        text = text[ps[-1].end():]
    declined = _DECLINED.match(text)
    if declined and text[declined.end():].strip():
        text = text[declined.end():]
    dismissed = _INVENTORY_DISMISSED.match(text) or _INVENTORY_ZH.match(text)
    if dismissed and text[dismissed.end():].strip():
        text = text[dismissed.end():]  # "I've got a.csv, b.csv and run-hb-3 cooking — ignore all that, just inspect a.csv"
    hedge = _NOT_THAT.match(text)
    if hedge and text[hedge.end():].strip():  # ("It's not that I don't want X gone — drop them": the words, not their negations)
        text = rx.sub(r"\b(?:don'?t|doesn'?t|isn'?t|aren'?t|not)\s+", "", text[:hedge.end()][hedge.group(0).lower().find("not that") + 8:]) + text[hedge.end():]
    parts = [p for p in _SENTENCE_END.split(text) if p is not None]
    if not (len(parts) >= 2 and any(_NOW.search(p) for p in parts[1:]) and any(_PAST.search(p) for p in parts)):
        parts = [p for p in _CLAUSE_END.split(text) if p is not None]  # ("之前 few-shot 加了 10%,…,这次加到 25%": clauses of one sentence)
    past = next((i for i, p in enumerate(parts) if _PAST.search(p)), None)
    now = max((i for i, p in enumerate(parts) if _NOW.search(p)), default=None)
    if past is not None and now is not None and past < now:  # what was said between last time and now is last time's, of the
        # kinds the request now gives again (a number, a keep or drop, a run or file): "…, not the one that's going now" blanks nothing
        asked = "".join(parts[now:])
        kinds = [pattern for pattern, again in _PAST_KINDS if again.search(asked)]
        if kinds:
            parts[past:now] = [p if _NOW.search(p) else _blanked(p, kinds, asked) for p in parts[past:now]]
            text = "".join(parts)
    return text


# "1 500 steps", "3 000", "2 000 steps": thousands set apart by a space, as much of Europe writes them.
_SPACED_THOUSANDS = re.compile(r"(?<![\d.])(\d{1,3})[ \u00a0\u202f](\d{3})(?![\d.])(?=\s*(?:steps?|步|条|samples?|rows?|records?|examples?|[,，;；\n]|$))", re.I)


# A whole message wrapped once: "```\nQ: If I stop a run at 80%, …?\n```", "`evaluate run exp_hotel_01`", "“Stop exp_hotel_03.”".
_WRAPPED = re.compile(r"\s*(?:```[A-Za-z]*\s*\n?(?P<fenced>[^`]+?)\n?\s*```|`(?P<ticked>[^`\n]+)`|“(?P<curly>[^“”\n]+)”|\"(?P<straight>[^\"\n]+)\"|「(?P<corner>[^「」\n]+)」)\s*")


# A message typed as commands at a prompt, every line after ">": "> stop lora-4471\n> y", "> 恢复 训练 lr-sweep-02".
_PROMPTED = re.compile(r"(?:[ \t]*>[ \t]*[^\n]*(?:\n|$))+")
_PROMPT_VERB = re.compile(r"[ \t]*>[ \t]*(?:stop|kill|halt|resume|eval(?:uate)?|inspect|look|convert|train|check|add|fill|probe|status|show|"
                          r"恢复|停|评估|查看|看看|转|训练|检查|加|填|探)", re.I)


_PIPED_CELL = re.compile(r"\s*([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff ]{0,20}?)\s*[:：=]\s*([^|\n]+?)\s*")


_TELEGRAM_WORD = re.compile(r"(?:(?<=\s)|(?<=^))(?:STOP|stop)(?=\s|[.!]?\s*$)")


def telegram(text: str) -> str:
    """A message that uses STOP as a telegram's full stop (twice or more, one of them ending it) with each STOP a full stop.

    >>> telegram("训练 run-77 STOP 进度如何 STOP 速回 STOP"), telegram("stop run-3, stop run-4 too")
    ('训练 run-77 。 进度如何 。 速回 。', 'stop run-3, stop run-4 too')
    >>> telegram("EVALUATE r-205 STOP REPORT BACK"), telegram("PLEASE STOP RUN-5 NOW")
    ('EVALUATE r-205. REPORT BACK', 'PLEASE STOP RUN-5 NOW')
    """
    found = list(_TELEGRAM_WORD.finditer(text))
    shouted = [w for w in rx.findall(r"\b[A-Z]{3,}\b", text) if w != "STOP"]
    if (found and len(shouted) >= 2 and all(m.group(0) == "STOP" and m.start() > 0 for m in found)
            and all(rx.match(r"\s+[A-Z]{2,}\b(?<!\bRUN)(?<!\bTRAINING)(?<!\bTHE)(?<!\bJOB)(?<!\bTHAT)(?<!\bTHIS)(?!\s*[-_]?\d)(?![-_])", text[m.end():])
                    for m in found)):
        return rx.sub(r"\s*\bSTOP\b\s*", ". ", text)  # "EVALUATE r-205 STOP REPORT BACK": a telegram's STOP between two clauses
    if (len(found) < 2 or not rx.search(r"\b(?:STOP|stop)[.!]?\s*$", text) or len({m.group(0) for m in found}) > 1
            or not rx.search(r"[A-Za-z]{2,}|[\u4e00-\u9fff]", _TELEGRAM_WORD.sub(" ", text))):  # ("stop stop stop": a stop, said thrice)
        return text
    return _TELEGRAM_WORD.sub("。" if rx.search(r"[\u4e00-\u9fff]", text) else ".", text)


def unpiped(text: str) -> str:
    """One line of "key: value" cells set apart by "|" as a list of settings ("q"/"a" keys as the columns' shorthand).

    >>> unpiped("path: faq_export.csv | to: qianfan | q: question_text | a: answer_text")
    'path: faq_export.csv, to: qianfan, q=question_text, a=answer_text'
    """
    cells = text.strip().split("|")
    if "\n" in text.strip() or len(cells) < 2 or not all(_PIPED_CELL.fullmatch(c) for c in cells):
        return text
    pairs = [_PIPED_CELL.fullmatch(c).groups() for c in cells]
    return ", ".join(f"{k}={v}" if k.lower() in ("q", "a") else f"{k}: {v}" for k, v in pairs)


# A pasted question-and-answer row under its header ("| 问题 | 答案 |\n| 信用卡年费怎么减免 | 每年刷满6次即可免年费 |"): a sample of
# the data, no request. Its header names the columns when the person converts or names columns ("都是这种两列,帮我转成千帆",
# "表头其实是 | 用户问题 | 标准答案 |"); the rows are left out.
_QA_HEADER = re.compile(r"\|[ \t]*(?P<q>[^|\n]{1,24}?)[ \t]*\|[ \t]*(?P<a>[^|\n]{1,24}?)[ \t]*\|(?![ \t]*[^|\s])")
_Q_CELL = re.compile(r"问|\bquestions?\b|\bquery\b|\bask\b|\bprompt\b|^q$", re.I)
_A_CELL = re.compile(r"答|回复|\banswers?\b|\brepl(?:y|ies)\b|\bresponse\b|^a$", re.I)
_ANY_ROW = re.compile(r"(?m)^[ \t]*\|[^\n]*\|[ \t]*(?:\n|$)")


def sample_rows(text: str) -> str:
    """``text`` with a pasted question-and-answer table read as its two column names (when the columns matter) or left out.

    >>> sample_rows("| 问题 | 答案 |\\n| 年费怎么减免 | 刷满6次 |\\n我的 card_faq.xlsx 都是这种两列,帮我转成千帆格式。")
    '“问题”和“答案”两列\\n我的 card_faq.xlsx 都是这种两列,帮我转成千帆格式。'
    >>> sample_rows("| Question | Answer |\\n| Price? | $5 |\\nActually, don't drop short ones like this. Keep them.")
    "Actually, don't drop short ones like this. Keep them."
    """
    header = next((m for m in _QA_HEADER.finditer(text) if _Q_CELL.search(m.group("q")) and _A_CELL.search(m.group("a"))
                   and not _A_CELL.search(m.group("q"))), None)
    if not header:
        return text
    line_start = text.rfind("\n", 0, header.start()) + 1
    own_line = not text[line_start:header.start()].strip()
    rows_end = header.end()
    if own_line:  # the rows under the header, to the table's end
        rows = _ANY_ROW.match(text, text.find("\n", header.end()) + 1) if "\n" in text[header.end():] else None
        while rows and rows.group(0):
            rows_end = rows.end()
            rows = _ANY_ROW.match(text, rows_end)
    rest = text[:line_start if own_line else header.start()] + text[rows_end:]
    names = rx.search(r"转|\bconver|列|\bcolumns?\b|表头|\bheaders?\b|字段|\bfields?\b", rest, re.I)
    zh = rx.search(r"[\u4e00-\u9fff]", rest)
    said = ((f"“{header.group('q')}”和“{header.group('a')}”两列" if zh else f"the '{header.group('q')}' and '{header.group('a')}' columns")
            if names else "")
    if own_line:
        return (text[:line_start] + said + ("\n" if said else "") + text[rows_end:].lstrip("\n")).strip()
    return text[:header.start()] + said + text[header.end():]


_SLASH_COMMAND = re.compile(r"\s*(?:convert|train|quality|augment|lr-?probe|probe|few-?shot|cot|hparams|eval|evaluate|inspect|stop|resume|"
                            r"status|fill|check)/", re.I)
_SLASH_FORMATS = {"alpaca", "sharegpt", "qianfan", "openai", "jsonl", "csv", "xlsx"}


def unslashed(text: str) -> str:
    """A slash command's parts, or phrases set apart by "/", as phrases set apart by commas; a path keeps its slashes.

    >>> unslashed("resume/does it pick up the same lr/or restart warmup"), unslashed("convert qianfan/x.jsonl to alpaca")
    ('resume, does it pick up the same lr, or restart warmup', 'convert qianfan/x.jsonl to alpaca')
    """
    return _slash_command(text) or _slash_phrases(text)


def _slash_command(text: str) -> str | None:
    """A command, then its settings and its file, slash after slash ("convert/alpaca/qianfan/qa_pair.csv", "train/x.json/2
    epoch/lr 5e-5", "lr-probe/x.jsonl/500步") as the command, its file, then its settings; a folder right before the file stays
    on it when a format is already said. None when ``text`` is no slash command.

    >>> _slash_command("convert/alpaca/qianfan/qa_pair.csv")
    'convert, qianfan/qa_pair.csv, alpaca'
    """
    if not _SLASH_COMMAND.match(text) or not rx.search(r"\.\w{2,5}\b|\d", text) or rx.search(r"[?？]", text):
        return None
    parts = [p.strip() for p in text.strip().split("/")]
    out: list[str] = []
    for i, part in enumerate(parts):
        if out and i + 1 < len(parts) and rx.search(r"\.\w{2,5}\b", parts[i + 1]) and rx.fullmatch(r"[\w-]+", part) and (
                part.lower() not in _SLASH_FORMATS or any(p.lower() in _SLASH_FORMATS for p in out[1:])
                or not rx.match(r"convert", out[0], re.I)) and (
                part.lower() not in ("all", "half", "each", "every", "全部", "一半")):
            parts[i + 1] = part + "/" + parts[i + 1]  # ("qianfan/qa_pair.csv" after "alpaca": the folder the file is in)
            continue
        out.append(part)
    files = [p for p in out[1:] if rx.search(r"\.\w{2,5}\b", p)]
    return ", ".join(out[:1] + files + [p for p in out[1:] if p not in files])


def _slash_phrases(text: str) -> str:
    """English phrases set apart by "/" (each inner one with a space in it) as phrases set apart by commas; ``text`` as it is
    when the slashes may be a path, a date or a fraction."""
    parts = rx.split(r"(?<=[^\s/.])/(?=[^\s/])", text)
    if (len(parts) < 3 or rx.search(r"[\u4e00-\u9fff]", text) or not all(" " in p.strip() for p in parts[1:-1]) or rx.search(r"\S+/\S*\.\w{2,5}\b|https?:|\d/\d|(?:^|\s)[.~]?/\w", text)
            or rx.search(r"\w/\w+/\w", text)):  # ("/srv/models/baichuan2": a folder)
        return text
    return ", ".join(p.strip() for p in parts)


def dialogue(text: str) -> str:
    """A message that is only quoted turns, three or more side by side (a crosstalk act, a scene), read as lines of what
    was said, the quotes gone; quotes inside a turn stay, and a turn cut off ("思维链啊,那就是……") is left out.

    >>> dialogue("“嘿!”“您说。”“重复的那些,全给我删喽!”")
    '嘿!\\n您说。\\n重复的那些,全给我删喽!'
    >>> dialogue("“请回答:{q}”“{q}呢”“{q}?”")
    '“请回答:{q}”“{q}呢”“{q}?”'
    """
    body = text.strip()
    if not (body.startswith("“") and body.endswith("”")) or len(_TURN_APART.findall(body)) < 2 or rx.match(r"“[^”]*\{", body):
        return text
    turns = _TURN_APART.split(body[1:-1])
    return "\n".join(turn for turn in turns if not rx.search(r"(?:……|…|\.{3})\s*$", turn))  # (a turn cut off asks nothing)


_TURN_APART = re.compile(r"”\s*“")


def unwrapped(text: str) -> str:
    """``text`` without the one code fence, pair of backticks or quotes around all of it.

    >>> unwrapped("```\\nQ: If I stop a run at 80%, can I still evaluate it?\\n```"), unwrapped("“Stop exp_hotel_03.”")
    ('Q: If I stop a run at 80%, can I still evaluate it?', 'Stop exp_hotel_03.')
    >>> unwrapped('convert "qa.csv" to alpaca')
    'convert "qa.csv" to alpaca'
    """
    if _PROMPTED.fullmatch(text.strip()) and _PROMPT_VERB.match(text.strip()):
        text = rx.sub(r"(?m)^[ \t]*>[ \t]*", "", text.strip())
        first, _, rest = text.partition("\n")
        # ("> resume exp-042\n> (it crashed at 60%)", "> stop lora-4471\n> y": the command, then a note or a yes to it)
        return first if rx.fullmatch(r"\s*(?:\(.*\)|y|yes|ok|是|好)?\s*", rest, re.I) else text
    m = _WRAPPED.fullmatch(text)
    return next(g for g in m.groups() if g is not None).strip() if m else text


# A step of ours said by its verb (or its name), in either language: what makes a part of a message a request of its own.
_STEP_SAID = re.compile(r"评估|查|停|续|恢复|转|(?<!培)训|加|删|留|填|改写|探|混|增强|困惑度|few-?shot|\bcot\b|"
                        r"\b(?:evaluat\w*|check|show|look|stop|resume|convert|make|export|train|start|add|drop(?:ping)?|keep|rephrase|inspect|"
                        r"status|probe|mix|suggest|fill|augment|params|perplexity|scores?|tell me|send)\b", re.I)


# The words of a step or a kind of flagged record that a request said after them leans on ("这次保留", "drop them this time").
_STEP_NOUNS = re.compile(r"hyper-?param\w*|超参(?:数)?|few-?shot|\bcot\b|思维链|指令增强|\baugment\w*|探测|\bprobe\b|学习率|\blr\b|epochs?|质检|困惑度|\bperplexity\b|近似重复|完全重复|"
                         r"重复|冲突|乱码|空答案|短答案|长答案|占位符|\bnear[- ]duplicates?\b|\bexact duplicates?\b|\bduplicates?\b|\bdupes\b|"
                         r"\bconflicts?\b|\bgarbled\b|\bempty answers?\b|\bshort answers?\b|\blong answers?\b|\bplaceholders?\b", re.I)


def _leaned_on(said: str, rest: str) -> list[str]:
    """The step and record words of ``said`` that ``rest`` does not say itself (longest first, none inside another)."""
    words = sorted(dict.fromkeys(m.group(0) for m in _STEP_NOUNS.finditer(said)), key=len, reverse=True)
    kept = [w for i, w in enumerate(words) if not any(w.lower() in o.lower() for o in words[:i])]
    return [w for w in kept if not rx.search(re.escape(w), rest, re.I)]


# A request taken back whole, then another: "停掉 run-a——算了当我没说,它快跑完了。评估一下 run-b 吧", "convert X to alpaca... never mind,
# first show me what fields it has", "was going to add few-shot, never mind. rephrase instructions for half of X".
_UNSAID = re.compile(r"(?:[—–-]+|[,，;；.。…!！]+|^)\s*(?:算了[,，]?\s*)?(?:当我没说|就当我没说|\bnever ?mind\b)\s*(?:[,，.。!！—–-]+|$)\s*", re.I)


def unsaid(text: str) -> str:
    """``text`` after a request taken back whole ("当我没说", "never mind"), less the reason given for taking it back, when
    something else is asked after it."""
    m = _UNSAID.search(text)
    if not m or m.start() == 0 or not text[m.end():].strip():
        return text
    rest = text[m.end():].strip()
    parts = rx.split(r"(?<=[。!！;；])\s*|(?<=\.)\s+", rest, maxsplit=1)  # (a sentence's end, not a file name's dot)
    if len(parts) == 2 and parts[1].strip() and not _STEP_SAID.search(parts[0]) and not rx.search(r"\d|看|\b(?:question|what)\b", parts[0], re.I):
        rest = parts[1]  # ("…never mind, it's almost done. evaluate run-b instead": why it was taken back, then the request)
    names = rx.search(_FILE_NAMED + "|" + RUN_ID.pattern, rest, re.I)
    leaned = [] if names else _leaned_on(text[:m.start()], rest)
    return ", ".join(leaned) + ": " + rest if leaned and len(rest) < 16 else rest  # ("那个长答案的先别删了,当我没说,留着")


# A question asking a state, a count or a value of the person's own run or data, then a step on its answer: "r-88 的 loss 多少了?
# 收敛了就停", "知识库.csv 有多少条重复?多的话就删", "is r-451 finished? if so evaluate it", "how many rows does leads.csv have?
# then convert it to jsonl", "学习率用多少?定了就开始训 FILE": the question first (the answer decides the step).
_STATE_ASKED = re.compile(r"多少|几(?:条|个|轮)|\bhow many\b|\bhow much\b|\bfinished\b|\bdone\b|跑完|训完|收敛|\bloss\b|给几|设几", re.I)
# (of a run named in the question: "r7 效果好吗?", "did r22 crash?", "how did ft-0412 score?")
_RUN_STATE_ASKED = re.compile(r"效果|好(?:不好|吗)|怎么样|评估结果|挂了|崩了|\b(?:good|score[ds]?|crash(?:ed)?|die[ds]?|fail(?:ed)?|finish(?:ed)?)\b", re.I)
_ON_ITS_ANSWER = re.compile(r"^(?!算了)[^,，。.;；?？]{0,12}(?:(?<!算)了就|的话就|定了就|完就|(?:要是|如果)?不行就)|"
                            r"^(?:if (?:so|yes|it is|it'?s done|there are any|it'?s (?:bad|good|fine|ok(?:ay)?|done|finished)|it (?:is|was) (?:bad|good))|then)\b|\bif there are any\b", re.I)


def answer_first(text: str) -> str:
    """``text`` as its opening question, with the names said after it, when what follows is a step on its answer."""
    m = rx.match(r"^(?P<q>[^?？\n]{3,120}?)[?？]+\s*(?P<rest>\S.*)$", text, re.S)
    if not m or not _ON_ITS_ANSWER.search(m.group("rest")) or rx.search(r"[,，]\s*(?:right|correct|yes|对吧|是吧|对不对)\s*$", m.group("q"), re.I):
        return text  # (not a tag question: "you did save a checkpoint before it crashed, right? then pick it back up")
    run_named = rx.search(RUN_ID.pattern + "|" + SHORT_R.pattern, m.group("q"), re.I)
    if not (_STATE_ASKED.search(m.group("q")) or run_named and _RUN_STATE_ASKED.search(m.group("q"))):
        return text
    names = [x.group(0) for x in rx.finditer(_FILE_NAMED + "|" + RUN_ID.pattern, m.group("rest"), re.I)
             if x.group(0) not in m.group("q")]
    if run_named:
        names = []  # ("r7 效果好吗?好的话就用同样的设置在 b.csv 上再训一次": the run's state is what is asked)
    return m.group("q") + "?" + (" " + " ".join(names) if names else "")


# What was done last time, then this time's request: "上次是从 xlsx 转 jsonl,这次反过来,把 FILE 转回 xlsx", "last time I converted to
# openai, this time make FILE alpaca", "previously I kept the empty answers. drop them this time.": last time's words left out.
_LAST_TIME = re.compile(r"^\W*(?:跟上次反着来\s*[:：,，]?\s*)?(?:上次|上回|\blast time\b|\bpreviously\b)[^。.;；!！?？\n]{2,60}?(?:[,，。.;；:：]|$)\s*"
                        r"(?=[^\n]{0,20}(?:这次|这回|\bthis time\b|\bnow\b))", re.I)


def this_time(text: str) -> str:
    """``text`` without what it says was done last time, when this time's request follows."""
    m = _LAST_TIME.match(text)
    if m and (rx.search(r"[?？]\s*$", text) or not _STEP_SAID.search(text[m.end():])):
        return text  # ("上次没混通用数据,…如果这次混个20%,大概能救回来多少?": asked; "…这回我说清楚:问题列叫 Q": no step of its own)
    if m and rx.search(r"\d", m.group(0)):
        return text  # (last time's values give way to this time's where they are read: ``now_asked``)
    rest = text[m.end():] if m else text
    rest = rx.sub(r"^\W*(?:这次反过来|\bnow the other way\b)\s*[,，:：]?\s*", "", rest, flags=re.I)
    if not m or not rx.search(r"[^\W\d_]{2}", rest):
        return text
    nouns = _leaned_on(m.group(0), rest)  # ("上次探测才跑了 步,这次给 FILE 跑 1200 步", "上次把近似重复删了,这次保留": what it was about, this time too)
    return ", ".join(nouns) + ": " + rest if nouns else rest


# Two requests, then only the first for now: "check progress on run-a and evaluate run-b. just the first for now", "解释一下 X 是什么,
# 另外帮我检查 FILE。先回答问题就行".
_FIRST_ONLY = re.compile(r"[.。;；!！,，]\s*(?:just|only) (?:the )?first(?: one)?(?: for now)?\W*$|[.。;；!！,，]\s*先(?:回答问题|做第一个|做前一个|弄第一个)就行\W*$", re.I)


def first_only(text: str) -> str:
    """``text`` as its first request, when it says only the first is for now."""
    m = _FIRST_ONLY.search(text)
    if not m:
        return text
    body = text[:m.start()]
    first = rx.split(r"\s+and also\s+|\s+and\s+(?=[a-z]+ )|[,，]\s*另外|。\s*另外|;\s*", body, maxsplit=1)[0]
    return first if first.strip() and first != body else text


# A settings object pasted as the request: ```json {"任务": "补few-shot", "文件": "law_qa.jsonl", "每条示例数": 3}```, {"file": "x.jsonl",
# "cot": true, "rationale_column": "reasoning", "fraction": 0.25}: its keys and values as words.
_JSON_KEYS = {"rationale_column": "rationale_field", "rationale_col": "rationale_field", "question_column": "question_field",
              "answer_column": "answer_field", "fraction": "share", "比例": "比例"}


def json_said(text: str) -> str:
    """``text`` that is one JSON object of plain values, said as "key: value" words (a true flag as its key alone).

    >>> json_said('{"file": "med_qa.jsonl", "cot": true, "rationale_column": "reasoning", "fraction": 0.25}')
    'file: med_qa.jsonl, cot, rationale_field = reasoning, share 25%'
    """
    import json
    try:
        data = json.loads(text.strip())
    except ValueError:
        return text
    if not isinstance(data, dict) or not data or not all(isinstance(v, (str, int, float, bool)) for v in data.values()):
        return text
    words = []
    for key, value in data.items():
        key = _JSON_KEYS.get(key, key)
        if value is True:
            words.append(key)
        elif value is False:
            continue
        elif key.endswith("_field"):
            words.append(f"{key} = {value}")
        elif key == "share" and isinstance(value, float) and 0 < value <= 1:
            words.append(f"share {value * 100:g}%")
        else:
            words.append(f"{key}: {value}")
    return ", ".join(words)


# A note to oneself before the request: "自己记着:学习率先探一下再开训。探 FILE,300 步", "Leaving myself a note: few-shot never
# above 30%. This time 10% on FILE", "Reminder to myself: ft-q3 eval is due Friday. For now just tell me if it finished",
# "memo: FILE never got checked. do it now" (the note is what "it" is), "Jotting this down for me: alpaca needs …, right?".
_NOTE_TO_SELF = re.compile(r"^\W*(?:自己记着|给自己留个言|给自己提个醒|提醒(?:一下)?自己|备忘(?:一下)?|备注|note to self|(?:a )?reminder to (?:myself|self)|leaving myself a note|"
                           r"memo|todo\s*\((?:me|myself)\)|jotting this down(?: for me)?)\s*[:：]\s*", re.I)


def note_left(text: str) -> str:
    """``text`` without a note to oneself that opens it, when a request of its own follows the note (naming what the note
    names, when it names nothing); else without the note's label."""
    m = _NOTE_TO_SELF.match(text)
    if not m:
        return text
    body = text[m.end():]
    split = rx.search(r"[。.!！](?=\s*\S)(?<!\.\w)", body)
    if not split:
        return body
    note, rest = body[:split.start()], body[split.end():].strip()
    if rx.match(r"\W*(?:do it|do that|做吧|弄吧|查吧)\b", rest, re.I) or not (_STEP_SAID.search(rest) or rx.search(r"\d", rest)):
        return body  # ("memo: FILE never got checked. do it now": the note is what to do)
    names = [x.group(0) for x in rx.finditer(_FILE_NAMED + "|" + RUN_ID.pattern, note, re.I)]
    own = rx.search(_FILE_NAMED + "|" + RUN_ID.pattern, rest, re.I)
    nouns = _leaned_on(note, rest)  # ("few-shot 比例不要超过三成。这次给 FILE 加一成": the step the note is about)
    return ", ".join(names + nouns) + ": " + rest if names and not own or nouns else rest


# Parts of a plan said yes and no to: "qa_pair.csv 检查做,删除先不做", "评估要,再训一轮不要", "Suggest params yes, start training no",
# "Perplexity scores: yes please. Dropping the high-perplexity rows: no.": the parts said no to left out.
_SAID_END = re.compile(r"(?:yes(?: please)?|no(?:t now)?|不做|不要|不用|免了|不加|不删|要|做|行|可以|好)\s*(?=[,，.。;；\n]|$)", re.I)
_YES_NO_PART = re.compile(r"(?P<part>(?:[^,，.。;；\n]|\.(?=\w))+?)\s*[:：]?\s*(?P<said>yes(?: please)?|no(?:t now)?|(?:先)?(?:不做|不要|不用|免了|不加|不删)|要|做|行|可以|好)\s*(?=[,，.。;；\n]|$)", re.I)


def yes_and_no(text: str) -> str:
    """``text`` without the parts of a plan said no to, when some are said yes to and some no.

    >>> yes_and_no("Suggest params yes, start training no. I have 12000 rows, full fine-tune")
    'Suggest params, I have 12000 rows, full fine-tune'
    """
    if len(_SAID_END.findall(text)) < 2:
        return text  # (each part ends in a yes or a no said before a stop; the part pattern itself scans slowly)
    parts = list(_YES_NO_PART.finditer(text))
    said = [rx.match(r"no|先?不|免", p.group("said"), re.I) is None for p in parts]
    if len(parts) < 2 or all(said) or not any(said) or rx.search(r"[?？]", text) or not all(_STEP_SAID.search(p.group("part")) for p in parts):
        return text  # (not "…? No.": a question answered; not "Hmm. No, drop them": no part of a plan)
    out, at = [], 0
    for p, yes in zip(parts, said):
        between = text[at:p.start()].strip(" ,，.。;；")
        if between:
            out.append(between)
        if yes:
            out.append(p.group("part").strip())
        at = p.end()
    tail = text[at:].strip(" ,，.。;；")
    return ", ".join(out + ([tail] if tail else []))


# A value changed by an amount relative to one the message states: "学习率 3e-4 太大了,减半", "epochs 10 减一半", "lora_r 从 8 翻一倍",
# "原来 10% 的基础上翻倍", "max_steps 2000 太多,砍掉四分之一", "halve the LR, 4e-4 is too aggressive", "two more epochs on top of the
# 3 you proposed", "one fewer epoch than the 4 you said", "bump the LR up 50% from 1e-4", "The probe was 100 steps; … with 50 more".
_TIMES = ((r"减半|减一半|砍一半|砍半|降一半|只剩(?:原来)?(?:的)?一半|\bhalve[ds]?\b|\b(?:down )?by half\b|\bin half\b", 0.5),
          (r"翻倍|翻一倍|翻一番|多加一倍|多一倍|加倍|\bdouble[ds]?\b(?![- ]?check)|\btwice as (?:many|much)\b", 2.0),
          (r"提到三倍|三倍|\btriple[ds]?\b|\bthree times (?:as|that)\b", 3.0),
          (r"砍掉?四分之一|减少四分之一|减掉四分之一|\bby a quarter\b", 0.75), (r"砍掉?三分之一|减少三分之一|减掉三分之一|\bby a third\b", 2 / 3),
          (r"\bup (?:by )?50\s*%|提高\s*50\s*%|\bhalf again\b", 1.5))
_BY = re.compile("|".join(f"(?P<t{i}>{p})" for i, (p, _) in enumerate(_TIMES)) + r"|(?P<plus>再加\s*(?P<pn>\d+|[一二两三四五])\s*(?:个|轮)?|多\s*(?P<pn2>\d+|[一二两三四五])\s*(?:个|轮)|"
                 r"(?<![\d,.])\b(?P<pn3>\d+|one|two|three|four|five) more\b)|(?P<minus>少\s*(?P<mn>\d+|[一二两三四五])\s*(?:个|轮)|(?<![\d,.])\b(?P<mn2>\d+|one|two|three|four|five) (?:fewer|less)\b)", re.I)
_BASE = re.compile(r"(?<![\w.\-])(\d+(?:\.\d+)?(?:e-?\d+)?)(\s*%|\s*[kK](?![A-Za-z])|\s*万)?(?![\w\-]*" + _FILE_TAIL + r")(?![\w.])", re.I)


def worked_out(text: str) -> str:
    """``text`` with a value changed by a relative amount said as the value it comes to (the number the change is of is in the
    message; one change only).

    >>> worked_out("学习率 3e-4 太大了,减半")
    '学习率 0.00015 太大了,'
    >>> worked_out("two more epochs on top of the 3 you proposed")
    'epochs on top of the 5 you proposed'
    >>> worked_out("we were at 2,000 rows, now 1,000 more than that")  # (a count's own digits, no change of it)
    'we were at 2,000 rows, now 1,000 more than that'
    """
    ops = list(_BY.finditer(text))
    if len(ops) != 1 or rx.search(r"\b(?:no|nope|actually|i mean|scratch that)\b|不对|算了|不是", text[ops[0].end():], re.I):
        return text  # ("double it. no, just 30% more": the change taken back)
    op = ops[0]
    if rx.match(r"\s*(?:吗|么|嘛|呢)?\s*[?？]|\s*(?:吗|么|嘛)", text[op.end():]):
        return text  # ("每条加 2 个例子会让训练时间翻倍吗?": asked of something else, no change said)
    bases = [b for b in _BASE.finditer(text) if b.end() <= op.start() or b.start() >= op.end()]
    if op.group("plus") or op.group("minus"):
        said = op.group("pn") or op.group("pn2") or op.group("pn3") or op.group("mn") or op.group("mn2")
        value = parse_number(said) if said[0].isdigit() or not said.isascii() else EN_NUMBER_WORDS.get(said.lower())
        step = int(value or 0)
        if not step:
            return text
        change = (lambda v: v + step) if op.group("plus") else (lambda v: v - step)
    else:
        factor = next(f for i, (_, f) in enumerate(_TIMES) if op.group(f"t{i}"))
        change = lambda v: v * factor  # noqa: E731
    if not bases or (op.group("plus") or op.group("minus")) and not rx.search(
            r"基础上|比(?:上次|原来|之前)?|原来|上次|\bon top of\b|\bthan\b|\bfrom\b|\bwas\b|\bwere\b", text, re.I):
        return text  # ("train X for 3 more epochs": more of a step, no value stated to add to)
    base = min(bases, key=lambda b: min(abs(b.start() - op.end()), abs(op.start() - b.end())))
    if min(abs(base.start() - op.end()), abs(op.start() - base.end())) > 40:
        return text
    unit = (base.group(2) or "").strip().lower()
    value = float(base.group(1)) * (1000 if unit == "k" else 10000 if unit == "万" else 1)
    worked = change(value)
    if worked <= 0:
        return text
    if unit == "%":
        said = f"{worked:g}%"
    elif "e" in base.group(1).lower() or "." in base.group(1) and worked < 1:
        said = f"{worked:.10f}".rstrip("0").rstrip(".")
    else:
        said = str(int(round(worked)))
    out = text[:base.start()] + said + text[base.end():]
    at = op.start() + (len(said) - (base.end() - base.start()) if base.start() < op.start() else 0)
    return rx.sub(r"\s{2,}", " ", out[:at] + out[at + op.end() - op.start():]).strip()


def halfwidth(text: str) -> str:
    """``text`` with full-width ASCII written as ASCII (:data:`_FULL_WIDTH`), the numerals of banknotes and cheques as the
    everyday ones ("壹佰伍拾步" → "一百五十步"), and Roman numerals that count as digits.

    >>> halfwidth("train helpdesk_v2.jsonl for III epochs"), halfwidth("few-shot: II examples per prompt on XV% of run-XII")
    ('train helpdesk_v2.jsonl for 3 epochs', 'few-shot: 2 examples per prompt on 15% of run-XII')
    >>> halfwidth("XII thousand rows, lora r XVI"), halfwidth("epochs wrong — not V, VIII"), halfwidth("I need V for Vendetta")
    ('12 thousand rows, lora r 16', 'epochs wrong — not 5, 8', 'I need V for Vendetta')
    """
    text = _SPACED_THOUSANDS.sub(r"\1\2", text.translate(_FULL_WIDTH))
    if _ROMAN_CONTEXT.search(text):
        text = _ROMAN.sub(lambda m: str(_roman_value(m.group(0))) if _roman_counts(m) else m.group(0), text)
    return _CAPITAL_RUN.sub(lambda m: m.group(0).translate(_CAPITAL_NUMERALS), text) if _CAPITAL_RUN.search(text) else text


# Roman numerals that count ("III epochs", "D steps", "XV%", "lora r XVI", "not V, VIII"): only in a message about settings or
# sizes, never inside a name ("run-XII", "faq_vIII.jsonl") and, for a single letter, only next to what it counts.
_ROMAN = re.compile(r"(?<![\w.\-/\\])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w\-/\\]|\.\w)")
_ROMAN_CONTEXT = re.compile(r"\b(?:epochs?|steps?|examples?|samples?|rows?|records?|thousand|rank|lora(?:[ _]r)?|r|k|lr|shots?|percent)\b|%", re.I)
_ROMAN_NEXT = re.compile(r"\s*(?:%|(?:epochs?|steps?|examples?|samples?|rows?|records?|thousand|shots?|percent)\b)", re.I)
_ROMAN_BEFORE = re.compile(r"(?:\b(?:epochs?|steps?|rank|lora[ _]r|r|k)\s*[:=]?|\bnot|[—,])\s*$", re.I)
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_DIGITS[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _roman_counts(m: re.Match) -> bool:
    """Whether the Roman numeral ``m`` counts something here (not "I", not a word's capital)."""
    numeral, text = m.group(0), m.string
    if not numeral or numeral == "I" or (len(numeral) == 1 and numeral in "LM"):
        return False
    after, before = text[m.end():], text[max(0, m.start() - 14):m.start()]
    return bool(_ROMAN_NEXT.match(after) or _ROMAN_BEFORE.search(before))


_CAPITAL_NUMERALS = str.maketrans("壹贰貳叁肆伍陆陸柒捌玖拾佰仟", "一二二三四五六六七八九十百千")
# (only where they count: "壹佰伍拾步", "叁成"; never in words, "队伍", "陆空通话")
_CAPITAL_RUN = re.compile(r"(?![陆陸]?[陆陸]续)[壹贰貳叁肆伍陆陸柒捌玖拾佰仟]+(?=\s*(?:成|条|條|个|個|步|轮|輪|遍|则|%|epoch|steps?)|[壹贰貳叁肆伍陆陸柒捌玖拾佰仟])"
                          r"|(?<=[壹贰貳叁肆伍陆陸柒捌玖拾佰仟])(?![陆陸]续)[壹贰貳叁肆伍陆陸柒捌玖拾佰仟]", re.I)  # (not "陆陆续续": one by one)


# Chinese written with a space between every word ("继续 刚才 停掉 的 训练 ."): the spaces between Chinese characters go.
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff，。？！、,.?!])")


def unspaced(text: str) -> str:
    """``text`` without the spaces between Chinese characters when most of its Chinese words are spaced apart."""
    gaps = len(_CJK_GAP.findall(text))
    if gaps >= 3 and gaps >= len(rx.findall(r"[\u4e00-\u9fff](?=[\u4e00-\u9fff])", text)):
        return _CJK_GAP.sub("", text)
    return _STEP_SPACED.sub(r"\1\2", text)  # "恢复 训练 lr-sweep-02": one step's two words spaced apart


_STEP_SPACED = re.compile(r"(?<![\u4e00-\u9fff])(恢复|停止|开始|继续|评估|查看|检查)[ \t]+(训练|数据|质量)(?![\u4e00-\u9fff])")


# Our own words, a number, a setting or a run put in quotes for emphasis ('Check the "quality" of FILE', '把“run-0703-b”给我“停”了',
# '我有“1.2万条”数据'): said, not mentioned. A quoted name, template or column (anything else) keeps its quotes.
_SCARE_QUOTED = re.compile(r"[“\"「]((?:quality|质量|检查|质检|check|test|learning rate|学习率|lr|resume|training|训练|crashed|status|停|stop|思维链|cot|few[- ]?shot|"
                           r"全参|全量|超参数?|hyperparameters?|epochs?|the dataset|the file|file|uploaded|placeholders?|占位符|convert|格式|format|probe|探测|"
                           r"evaluate|评估|augment|增强|[\d.]+\s*万?\s*条|[A-Za-z]\s*=\s*\d+|[A-Za-z][\w-]*-\d[\w-]*))[”\"」]", re.I)
_STEP_QUOTED = re.compile(r"(?<=[加做给要添配道个])\s*[“\"「](思维链|cot|few[- ]?shot|示例|少样本|例题|例子)[”\"」]", re.I)
# Classical wording for our steps: "烦劳即刻止 X 之训练", "将 X 中之 {{name}} 易为「小墨」", "作者当为「…」,非「…」也", "其推理之辞存于 analysis 一栏"
_CLASSICAL = ((re.compile(r"(?:即刻|立即|速)止"), "立即停止"), (re.compile(r"之训练"), "的训练"), (re.compile(r"中之"), "中的"),
              (re.compile(r"易为"), "换成"), (re.compile(r"当为"), "应该是"), (re.compile(r"非(「[^」]{1,30}」)也"), r"不是\1"),
              (re.compile(r"存于\s*(\S{1,30}?)\s*一栏"), r"在 \1 列"), (re.compile(r"增思维链"), "加思维链"),
              (re.compile(r"可止矣|止之|当止"), "停止"), (re.compile(r"思维之链"), "思维链"), (re.compile(r"增(?=思维链)"), "加"),
              (re.compile(r"十之([一二三四五六七八九])"), r"\1成"), (re.compile(r"其理在\s*(「[^」]{1,30}」)\s*一栏"), r"推理在 \1 列"),
              (re.compile(r"非([^,,。]{1,8}?)[,,]\s*乃([^,,。]{1,8}?)也"), r"不是\1,是\2"),
              # "止 job_88 矣", "短答留之", "X 之质,验之", "探 lr 于 X", "进度几何焉"
              (re.compile(r"^\W*止\s*(\S+?)\s*矣"), r"停止 \1"), (re.compile(r"留之(?!无益|无用|何用|何益)"), "保留"), (re.compile(r"之质\s*[,，]?\s*验之"), " 的质量,检查一下"),
              (re.compile(r"探\s*(?:lr|学习率)\s*于"), "学习率探测 在"), (re.compile(r"(?<=进度)几何焉?|几何焉|几许(?=[?？]|$)"), "多少"), (re.compile(r"([长短空])答(?!案)"), r"\1答案"))


_STRESSED_ZH = re.compile(r"(?<=[^\n\s])【([^】\n\s.]{1,6})】(?![^\s,，。]*\.\w{2,5}\b)")  # (not a label opening a line: "【需求】增加 few-shot")


def said_plainly(text: str) -> str:
    """``text`` with our own words in quotes for emphasis unquoted (:data:`_SCARE_QUOTED`) when two or more are, and classical
    wording read as plain (:data:`_CLASSICAL`).

    >>> said_plainly('Check the "quality" of "qianfan/multi_conversation.jsonl"')
    'Check the quality of "qianfan/multi_conversation.jsonl"'
    >>> said_plainly('the column is "quality", please')
    'the column is "quality", please'
    """
    if _SCARE_QUOTED.search(text) and len(rx.findall(r"[“「][^”」\n]{1,40}[”」]|\"[^\"\n]{1,40}\"", text)) >= 2:
        text = _SCARE_QUOTED.sub(r"\1", text)
    elif _STEP_QUOTED.search(text) and not rx.search(r"列|栏|字段|工作表|sheet|column|field|tab\b|叫|called|named", text, re.I):
        text = _STEP_QUOTED.sub(r"\1", text)  # "我想加“思维链”的数据,一百个": a step's own name, quoted alone for emphasis
    # a word in 【】 for stress ("学习率【多少】合适?", "我说的是【近似】重复"): no name, no file's tag
    text = _STRESSED_ZH.sub(lambda m: m.group(1) + (" " if rx.match(r"[A-Za-z0-9_]", m.string[m.end():m.end() + 1]) else ""), text)
    if rx.search(r"之|乎|也[。.]?$|矣|乃|焉|于|敢请|烦劳|适才", text):
        for pattern, plain in _CLASSICAL:
            text = pattern.sub(plain, text)
    return text


def unhesitated(text: str) -> str:
    """A question typed with hesitations, "hmm… is this… any good? like… the quality of it…", or a request trailing off
    ("嗯……训练的话……用 X……epoch 就……5 吧……"): the pauses read as spaces (only with two or more of them, in a question or trailing
    off at the end, where they break no sentence apart)."""
    if (len(rx.findall(r"…+|\.{3,}", text)) >= 2 and (rx.search(r"[?？]", text) or rx.search(r"(?:…+|\.{3,})\s*$", text))
            and not rx.search(r"[\"“”「」‘’]|(?<!\w)'|'(?!\w)", text)):
        text = rx.sub(r"[ \t]*(?:…+|\.{3,})[ \t]*", " ", text).strip()
    if len(_FILLERS.findall(text)) >= 2:  # "so um, like, how many epochs should I, uh, do…", "喂?嗯,那个……我想问一下啊,就是,…,呃,…"
        # (the comma before a filler stays between clauses, "assistant, uh, no wait" , not inside one, "the name should be, uh, Glazy")
        text = rx.sub(r"\s{2,}", " ", _FILLERS.sub(lambda m: ("," if m.group(0).startswith(",") and not rx.search(
            r"\b(?:be|is|are|was|were|to|as|called|named|of)$", m.string[:m.start()], re.I) else "") + " " if m.group(0).isascii() else "", text)).strip()
    return text


# Fillers of speech typed as said (two or more in a message): "um,", "uh,", "like,", "嗯,", "呃,", "那个……", "就是,", "喂?".
_FILLERS = re.compile(r",?\s*(?<![\w'])(?:u+m+|u+h+|e+r+m*|like)\s*,\s*|(?<=[,，]\s)(?:u+m+|u+h+)\s+(?=\w)|"
                      r"(?:^|[,，]|(?<=[。?？…\s]))(?:嗯+|呃+|额+|喂[?？]?|那个+(?:……|…|,|，)|就是(?:说)?(?:……|…|,|，))\s*[,，…]*\s*", re.I)


# A value crossed out by an arrow or by "改" and the one that replaces it, both of one kind: "run-a17 -> run-a18", "10% 改 30%",
# "转成 alpaca 改 sharegpt", "短答案 删 -> 保留", "name 填 小智 改 小知", "name = Echo -> Ember", "k=3 改 k=5".
_REPLACED_BY = re.compile(r"\s*(?:->|→|=>|⟶)\s*|\s+改(?:成|为)?\s+|(?<=[\d%])\s*改(?:成|为)?\s*(?=\d)")
_REPLACED_KINDS = _KINDS + (re.compile(r"(?<![A-Za-z0-9_-])(?:删|删掉|删除|留|保留|keep|drop)(?![A-Za-z0-9_-])", re.I),
                            re.compile(r"(?<![\w.-])[A-Za-z][\w.]*(?:-[\w.]+)*\d[\w.-]*|(?<![\w.-])[A-Za-z]+\d*-\d[\w.-]*"),
                            re.compile(r"(?<![\w\u4e00-\u9fff])[\u4e00-\u9fff]{2,6}(?![\w\u4e00-\u9fff])"),
                            re.compile(r"(?<![\w.-])(?-i:[A-Z])[a-z][\w&]*(?: (?-i:[A-Z])[\w&]*)?(?![\w.-])"))
_KEY_SAID_AGAIN = re.compile(r"^(?:--?)?[A-Za-z_]{1,16}\s*[=:]\s*|^(?:--)[A-Za-z_]{1,16}\s+|^(?:停|停掉|评估|续训|恢复|stop|resume|evaluate)\s*", re.I)


# Options offered, then one chosen: "两个方案:\n①转千帆\n②转 openai\n我选②,…", "1)lr 1e-4 2)lr 2e-4\n我选 2,数据 X,开训",
# "方案一:name 填“阿福”;方案二:…。选方案一,…", "1. 长回答删掉 2. 长回答留着。选 2,…", "1. lr 1e-4\n2. lr 3e-5\nchoose 2. train on X".
_OPTION = re.compile(r"(?:^|(?<=[\s:：;；,，。?？]))(?:\(?(?P<a>[a-dA-D1-9])[.)）]|(?P<b>[①②③④⑤⑥⑦⑧⑨])|方案(?P<c>[一二三四1-4])\s*[:：]|option\s+(?P<d>[a-d1-9])\s*[:：]|"
                     r"(?P<e>[一二三四五])、|(?P<f>[1-9])\s*=\s*|\bstep\s+(?P<g>[1-9])\b\s*[:：]?)\s*", re.I)
_CHOSEN = re.compile(r"(?:→|->|=>|我选|选择?|就选|choose|chose|going with|go with|pick(?:ing)?|i'?ll take|start(?:ing)? with|只做|先做|做|先把第?|先来|先弄|"
                     r"\bdo(?=\s*\(?[a-d1-9]\)?\s+(?:now|first|for now)\b)|\b(?:just|only) (?=step\s*[1-9])|\bwe'?re (?:at|on) (?=step\s*[1-9])|用(?=\s*[1-9]\s*$)|"
                     r"(?:^|(?<=\n))\s*先(?=\s*[1-9①②③④⑤⑥⑦⑧⑨]\s*$))\s*(?:方案|option\s*|#|step\s*|第\s*)?\s*"
                     r"\(?(?P<x>[①②③④⑤⑥⑦⑧⑨]|[a-d1-9一二三四])\)?(?!(?![步项])\w|\.\w)(?:\s*(?:步|项|吧|了|号|个(?:做了)?|now|first|for now))*\s*[,，.。;；:：—–-]*\s*", re.I)
# A capital letter alone after lettered options, the one chosen: "…B) 看下进度。B", "…C) ask you. C — I've got…", "我猜B".
_CHOSEN_BARE = re.compile(r"(?:(?<=[\s。.!！?？:：;；,，—–-])|^)(?:我猜|我选|i(?:'d)? (?:say|guess))?\s*(?P<x>[A-D])(?![)）\w'’]|\.\w)\s*(?:[.。!！,，;；—–-]+\s*|$)|"
                          # a lower-case letter, a number or a circled number alone on the last line, or "(b)," after the options
                          r"(?:(?<=\n)|(?<=[.。]\s))\s*\(?(?P<y>[a-d1-9①②③④⑤⑥⑦⑧⑨])\)?(?=\s*(?:[,，]|$))\s*[,，]?\s*")
_ORDINAL = {"一": "1", "二": "2", "三": "3", "四": "4", **{c: str(i + 1) for i, c in enumerate("①②③④⑤⑥⑦⑧⑨")}}


def option_chosen(text: str) -> str:
    """Of options listed in ``text``, the one chosen after them, with what the message says after the choice.

    >>> option_chosen("1)lr 1e-4 2)lr 2e-4。我选 2,数据 kb.jsonl,开训")
    'lr 2e-4,数据 kb.jsonl,开训'
    >>> option_chosen("run-0719 现在:A) 停掉 B) 看下进度。B")
    'run-0719 现在:看下进度'
    """
    chosen = ([None] + list(_CHOSEN.finditer(text)))[-1]
    marks = [m for m in _OPTION.finditer(text) if chosen is not None and m.end() <= chosen.start()]
    head = ""
    if chosen is None or len(marks) < 2:
        # "run-0719 现在:A) 停掉 B) 看下进度。B", "Placeholder rows: A) drop B) keep. Keeping — B.": a letter alone after the
        # options is the one chosen; what the message says before the options is kept
        chosen = ([None] + [m for m in _CHOSEN_BARE.finditer(text)])[-1]
        bare = chosen.group("x") or chosen.group("y") if chosen is not None else None
        marks = [m for m in _OPTION.finditer(text) if chosen is not None and m.end() <= chosen.start() and (m.group("a") or m.group("b") and chosen.group("y"))]
        if chosen is None or len(marks) < 2 or _ORDINAL.get(bare, bare).upper() not in {_ORDINAL.get(o, o).upper() for m in marks for o in (m.group("a") or m.group("b"),)}:
            return text
        head = text[:marks[0].start()]
    label = lambda s: _ORDINAL.get(s, s).lower()  # noqa: E731
    options = {label(m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e") or m.group("f") or m.group("g")):
               text[m.end():(marks[i + 1].start() if i + 1 < len(marks) else chosen.start())].strip(" \t\n;；,，。.—–-") for i, m in enumerate(marks)}
    picked = options.get(label(chosen.group("x") if "x" in chosen.groupdict() and chosen.group("x") else chosen.group("y")))
    if not picked or len(options) < 2:
        return text
    rest = text[chosen.end():].strip()
    asked = text[:marks[0].start()] if not head else ""
    if rx.fullmatch(r"keep|drop|删掉?|留着?|保留", picked, re.I) and asked.strip():
        # "Keep or drop the garbled ones? 1. keep 2. drop → 2": what the options are about, then the one chosen
        head = rx.sub(r"\b(?:keep|drop) or (?:keep|drop)\b|(?:要)?(?:删|留)还是(?:删|留)|[?？:：]", " ", asked, flags=re.I).strip() + " "
    if rx.fullmatch(r"check", picked, re.I):
        picked = "check the quality"  # ("1. convert 2. check 3. train → 2. file is X": the quality check)
    leaned = _leaned_on(asked, picked) if asked.strip() and not head else []
    if not leaned and not asked.strip() and rx.fullmatch(r"(?:keep|drop|删掉?|留着?|保留)\W*(?:them|it|those|它们)?", picked, re.I):
        leaned = _leaned_on(" ".join(v for v in options.values() if v != picked), picked)  # ("a) drop the garbled ones b) keep them → b")
    if leaned:
        head = ", ".join(leaned) + ": "  # ("我列了三种学习率方案:1. 1e-4 2. 3e-4 3. 先探一下 → 3": what the options are about)
    if rx.fullmatch(r"(?:alpaca|share\s?gpt|qianfan|openai|千帆|jsonl|csv|xlsx|excel)(?:\s*(?:format|格式))?", picked, re.I):
        picked = "convert to " + picked  # ("1. alpaca 2. openai 3. qianfan — going with 3 for this csv": the format to convert to)
    return head + picked + ("," + rest if rest else "")


def replaced(text: str) -> str:
    """``text`` with a value written over by an arrow or "改" read as the value after it, when both are of one kind.

    >>> replaced("evaluate run t-101 -> t-110, typo")
    'evaluate run t-110, typo'
    >>> replaced("convert legal.csv -> alpaca")
    'convert legal.csv -> alpaca'
    """
    for m in reversed(list(_REPLACED_BY.finditer(text))):
        before, after = text[:m.start()], text[m.end():]
        again = _KEY_SAID_AGAIN.match(after)
        value_after = after[again.end():] if again else after
        for i, kind in enumerate(_REPLACED_KINDS):
            said = kind.match(value_after)
            slip = [x for x in kind.finditer(before) if not before[x.end():].strip()]
            if slip and i >= len(_REPLACED_KINDS) - 2 and not (
                    rx.search(r"(?:\b(?:name|author)\s*[=:：]?|=|填|叫|写)\s*$", before[:slip[-1].start()], re.I)
                    and ("改" in m.group(0) or i == len(_REPLACED_KINDS) - 1)):
                continue  # a bare word or name only as a value assigned ("name = Echo -> Ember"), never a plan's step ("检查 -> 转换")
            if said and slip:  # ("示例数由 4 改为 2": the "from" of the value written over goes with it)
                head = rx.sub(r"(?:由|从)\s*$", "", before[:slip[-1].start()])
                changed = "改成 " if rx.search(r"[改换调]", m.group(0)) and _RUN_SETTING_BEFORE.search(head) else ""  # (a run's setting put right)
                text = head + changed + said.group(0) + value_after[said.end():]
                break
    return text


# Steps ticked off as done, named in a few words with no file, run or number: "上午 ✔ 数据转换 ✔ few-shot\n下午第一件:开训…",
# "- [x] convert\n- [ ] train on X" ("✅ ft_0703 已停" keeps its run: what was done may name what to act on).
_DONE_ITEM = re.compile(r"(?:[✔✓☑]\ufe0f?|(?:^|(?<=\n))[ \t]*[-*]?[ \t]*\[[xX]\])[ \t]*[^✔✓☑✅✗×→()（）\n\d.:：/]{1,16}(?=[ \t]*(?:[✔✓☑]|\n|$))")


def ticked_off(text: str) -> str:
    r"""``text`` without the items ticked off as done, when something else is left to ask.

    >>> ticked_off("上午 ✔ 数据转换 ✔ few-shot\n下午:开训 x.jsonl")
    '上午 \n下午:开训 x.jsonl'
    """
    left = _DONE_ITEM.sub("", text)
    return left if left != text and rx.search(r"[^\W\d_]{2}", left) else text


# A letter's frame: its salutation ("敬启者:", "尊敬的王老师:", "Dear Sir or Madam,") and its close ("此致\n敬礼", "青石书局 敬上",
# "Yours faithfully", "Kind regards,\nJo"): no request of its own, and the close is no full stop after a question.
_SALUTATION = re.compile(r"^\s*(?:敬启者|敬启|尊敬的[^\n:：,，。]{1,20}|dear (?:sir or madam|sir/madam|sirs?|madam|[^\n,:]{1,30})|to whom it may concern)\s*[:：,，]?\s*\n|"
                         r"^\s*(?:敬启者|尊敬的[^\n:：,，。]{1,20})\s*[:：]\s*", re.I)
_SALUTATION_INLINE = re.compile(r"^\s*dear (?:assistant|sir or madam|sir|madam|team|[A-Z][a-z]{1,15}),\s+", re.I)  # (only with a close)
_CLOSE = re.compile(r"\n\s*(?:此致\s*敬礼|此致|顺颂(?:商|时)祺|敬请(?:回复|示下))[!！。.]?(?:\s*\n[^\n]{0,30}?敬上)?\s*$|\n[^\n]{0,30}?敬上\s*$|"
                    r"\n\s*(?:yours (?:faithfully|sincerely|truly)|(?:with )?(?:best|kind|warm)(?:est)? regards|regards|sincerely(?: yours)?|respectfully(?: yours)?)"
                    r"\s*,?(?:\s*\n[^\n]{0,40})?\s*$|"
                    # on one line after the last sentence: "…? Kind regards", "…. Yours faithfully, J. Smith", "…。此致"
                    r"(?<=[.?!。？！])\s*(?:yours (?:faithfully|sincerely|truly)|(?:with )?(?:best|kind|warm)(?:est)? regards|sincerely(?: yours)?|respectfully(?: yours)?)"
                    r"[,.!]?(?:\s+[A-Z][\w.]*(?:\s+[A-Z][\w.&]*){0,2})?\s*$|(?<=[。？！?!])\s*此致(?:\s*敬礼)?[!！。]?\s*$", re.I)


def unlettered(text: str) -> str:
    r"""``text`` without a letter's salutation and close, when words are left between them.

    >>> unlettered("敬启者:训练 ft-7 业已完成,烦请评估。\n此致敬礼"), unlettered("Dear Sir or Madam,\nPray proceed.\nYours faithfully")
    ('训练 ft-7 业已完成,烦请评估。', 'Pray proceed.')
    """
    inner = text
    for _ in range(2):  # (a close after a signed name: "此致\n敬礼\n青石书局 敬上")
        inner = _CLOSE.sub("", inner)
    inner = _SALUTATION.sub("", inner, count=1)
    if inner != text:
        inner = _SALUTATION_INLINE.sub("", inner, count=1)  # "Dear assistant, … ? Kind regards": the frame on one line
    return inner.strip() if inner != text and rx.search(r"[^\W\d_]{2}", inner) else text


# A polite tag after a request: "…从 checkpoint 接着跑就行,可以吗", "转成 alpaca,好吗?" (the request, asked nicely).
_POLITE_TAG = re.compile(r"(?<=\S)\s*[,，]\s*(?:可以吗|行吗|好吗|好不好|行不行|可以不)\s*[?？]?\s*$")


def untagged(text: str) -> str:
    """``text`` without a polite tag after a request that asks something of its own ("…就行,可以吗").

    >>> untagged("从 checkpoint 接着跑就行,可以吗"), untagged("这样训练可以吗")
    ('从 checkpoint 接着跑就行', '这样训练可以吗')
    """
    tag = _POLITE_TAG.search(text)
    before = rx.sub(r"(?:如果|要是)?(?:您|你)?(?:觉得)?(?:问题不大|没问题|方便|不麻烦|可以)的话", " ", text[:tag.start()]) if tag else ""  # (courtesy)
    if not tag or rx.search(r"要是|如果|假如|假设|万一|的话|倘若|\bif\b", before, re.I) or not rx.search(
            r"帮我|麻烦|请|就行|就好|吧|给我|\bplease\b|(?:可以|能)\S{0,12}吗\s*[?？]", text[:tag.start()], re.I):
        return text  # ("要是停了以后改个学习率再 resume,行不行": whether a what-if is fine, asked)
    return text[:tag.start()]


# A conversation taken up again after a break, before the request: "ok where were we? …", "picking this back up: …", "我们上次说到哪了?…",
# "接着上次的:…". A run picked up again says so by its own words ("pick up where it left off", "接着上次的训练"), never before a colon.
_BACK_FROM_BREAK = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|right|morning|hi|hey)\b[!,.]?\s*)*(?:(?:where were we\b[?.…!]*(?:\s*(?:right|ah|oh|ok(?:ay)?|yes)\b[,.!]*)?"
    r"|picking (?:this|it|things) back up\s*[:：—–]|picking up where (?:we|i) left off\s*[:：—–])\s*(?=\S)"
    r"|(?:(?:休假|出差|放假)?回来了[~～。!！,，\s]*)?(?:我们|咱们)?(?:上次|上回|刚才)?(?:说|聊|讲|断)到哪(?:了|儿了|里了)?(?:来着)?[?？。,，!！…\s]*(?:(?:哦|噢|啊)?对[了,，]?\s*)?(?=\S)"
    r"|接着上(?:次|回|周)的(?:活|话题|事)?\s*[:：]\s*(?=\S))", re.I)


# The steps to do named by number before a colon, the steps themselves after it: "Step 2 then step 4: check quality on FILE, then train"
_STEPS_BY_NUMBER = re.compile(r"^\W*(?:steps?|第)\s*\d\s*步?\s*(?:then|and|&|,|，|再|然后|和|跟)\s*(?:steps?|第)?\s*\d\s*步?\s*[:：]\s*(?=\S)", re.I)


def unheaded(text: str) -> str:
    """``text`` without an opener that only sets the scene for the request: words that take a conversation up again, the
    steps named by number before they are said.

    >>> unheaded("ok where were we? the run from yesterday, run-0611-b, did it finish?")
    'the run from yesterday, run-0611-b, did it finish?'
    >>> unheaded("我们上次说到哪了?昨天那个 run-0611-b 跑完没有"), unheaded("pick up where it left off")
    ('昨天那个 run-0611-b 跑完没有', 'pick up where it left off')
    >>> unheaded("Step 2 then step 4: check quality on a.jsonl, then train on it.")
    'check quality on a.jsonl, then train on it.'
    >>> unheaded("feat: identity.json 填占位符 name=小智 author=智联科技")
    'identity.json 填占位符 name=小智 author=智联科技'
    """
    text = _SLIDE_HEAD.sub("", _COMMIT_TYPE.sub("", _STEPS_BY_NUMBER.sub("", _BACK_FROM_BREAK.sub("", text, count=1), count=1), count=1), count=1) or text
    return text


# A request written as a commit message: "feat: identity.json 填占位符 name=小智", "fix(data): 去掉重复", "chore: convert x.csv to alpaca".
# A slide's or page's label before its line: "Backup slide: what if…", "Slide 5: convert x → alpaca", "第10页:加 CoT 样本".
_SLIDE_HEAD = re.compile(r"^\W*(?:(?:backup|bonus|appendix|extra) )?slide\s*\d*\s*(?:title|标题)?\s*[:：]\s*(?=\S)|^\W*第\s*\d+\s*页\s*(?:标题)?\s*[:：]\s*(?=\S)", re.I)
_COMMIT_TYPE = re.compile(r"^\s*(?:feat|fix|chore|docs|refactor|perf|build|ci|style|revert)(?:\([\w\s./-]{1,30}\))?!?:\s+(?=\S)", re.I)


# Courtesy around an English request that would read as a condition or a question of its own: "If it's not too much trouble, and
# only if you think it's sensible, could you possibly…", "…, if that helps at all", "Apologies for the follow-up, but…", "might you…"
_COURTESY = re.compile(r"(?:\b(?:and\s+)?(?:only\s+)?if (?:it'?s|it is) (?:not too much trouble|no trouble|not a bother|convenient)|\b(?:and\s+)?only if you think (?:it'?s|it is) (?:sensible|wise|a good idea)|"
                       r"\bif (?:that|this) helps(?: at all)?|,?\s*\bif you please\b|\bif (?:that'?s|that is) (?:alright|all right|ok(?:ay)?|fine)(?: with you)?|\bif it'?s (?:alright|all right|ok(?:ay)?|fine)(?: with you|(?=\s*[,.!?;]|\s*$))|"
                       r"^\W*(?:apologies|sorry) (?:for the follow-?up|to bother you|to be a pain)\b[^,.!?]{0,20}?(?:,\s*but\b|[,—–-])|"
                       r"^\W*sorry,?\s+i may have been unclear\s*[—–,:-]?)\s*[,，]?", re.I)
_MIGHT_YOU = re.compile(r"\b(?:could|would|can) you possibly\b|\bmight you\b|\bi don'?t suppose (?:you could|you'?d be able to)\b|\bwould you (?:mind terribly|be so kind as to|kindly)\b", re.I)


# A constraint list's "must not" items: "Must: drop the near-duplicates. Must not: touch the exact duplicates.", "必须:删掉近似重复;
# 不能:动完全重复的", "must not:\n- invent reasoning". What must not happen is no step to take; a value it puts in the place of
# the one ruled out ("不许:用默认基座,要用 Qwen2-1.5B") stays.
_MUST_NOT = re.compile(r"(?:^|(?<=[\s;；。.,，]))(?:must not|mustn'?t|do not|don'?t|不能|不许|禁止|不准|不可以|不得)\s*[:：]\s*"
                       r"(?P<what>\n(?:[ \t]*[-*•][^\n]*(?:\n|$))+|[^;；。.\n]*[;；。.]?)", re.I)
_INSTEAD = re.compile(r"[,，]\s*(?:而是|要|改|but|instead)?\s*(?:用|use)\s*(?=\S)", re.I)


def unforbidden(text: str) -> str:
    """``text`` without the items of a constraint list that say what must not be done.

    >>> unforbidden("Must: drop the near-duplicates. Must not: touch the exact duplicates.")
    'Must: drop the near-duplicates. '
    >>> unforbidden("必须:用 x.jsonl;epoch 6。不许:用默认基座,要用 Qwen2-1.5B。开训吧。")
    '必须:用 x.jsonl;epoch 6。要用 Qwen2-1.5B。开训吧。'
    """
    if not rx.search(r"(?:^|[\s;；。.,，])(?:must|必须|要求)\s*(?:\w+\s*)?[:：]", text, re.I):
        return text  # (only in a list that also says what must be done: "不能:…" alone is asked, or a rule)
    def kept(m: re.Match) -> str:
        instead = _INSTEAD.search(m.group("what"))
        return m.group("what")[instead.start() + 1:].lstrip() if instead else ""
    return _MUST_NOT.sub(kept, text)


# A role given to the assistant before the request: "你现在是我们组的数据工程师。任务:…", "作为调参专家,…", "You are my data
# engineer; your task: …", "Act as an SFT expert. Question: …". The role asks nothing; its label ("任务:", "your task:") neither.
_ROLE_GIVEN = re.compile(r"^\W*(?:(?:你|您)(?:现在)?(?:是|就是|扮演|来当|当)(?:我的|我们(?:组|公司|团队|部门)?的|一[个名位])?[^,，。;；:：!！?？\n]{0,16}?"
                         r"(?:工程师|专家|助手|顾问|分析师|大师|高手)|(?:作为|身为)(?:一[个名位])?[^,，。;；:：!！?？\n]{0,12}?(?:工程师|专家|顾问|分析师|大师|高手))"
                         r"\s*[,，。;；:：!！—]\s*(?:(?:你的)?(?:任务|问题|要求|需求)\s*[:：]\s*)?|"
                         r"^\W*(?:you are|you'?re|act as|acting as|pretend (?:to be|you'?re)|imagine you'?re)\s+(?:now\s+)?(?:my|our|a|an|the)\s+"
                         r"[\w -]{0,30}?(?:engineer|expert|specialist|assistant|analyst|consultant|scientist|guru)\b(?:\s+(?:for|at|on) [\w -]{1,30}?)?"
                         r"\s*[,.;:!—-]\s*(?:(?:your )?(?:task|job|question|request|brief)\s*[:：]\s*)?", re.I)


def role_left(text: str) -> str:
    """``text`` without the role it gives the assistant first.

    >>> role_left("你现在是我们组的数据工程师。任务:把 a.xlsx 转成千帆格式。")
    '把 a.xlsx 转成千帆格式。'
    >>> role_left("You are my data engineer; your task: convert a.xlsx to alpaca.")
    'convert a.xlsx to alpaca.'
    """
    m = _ROLE_GIVEN.match(text)
    return text[m.end():] if m and text[m.end():].strip() else text


# "Is there any way to get rid of the near-duplicates you just flagged?", "有没有办法把 X 转成千帆?": a request asked as whether
# there is a way (of the person's own data or run; in general, "in general, I mean", it stays a question).
_ANY_WAY = re.compile(r"^\W*(?:is there (?:any|a|some) way (?:to|you could|you can)|有没有(?:什么)?办法(?=\s*(?:帮我|给我|把|让)))\s*", re.I)
_OWN_THING = re.compile(rf"(?-i:FILE)|\.(?:{EXTENSIONS})\b|\byou (?:just )?(?:flagged|found|showed)\b|刚(?:才|刚)?(?:查|标)|(?<![\w-])[A-Za-z]+[-_]\w*\d", re.I)


def any_way(text: str) -> str:
    """``text`` with a way asked for, of the person's own data, read as the request.

    >>> any_way("Is there any way to get rid of the near-duplicates you just flagged?")
    'get rid of the near-duplicates you just flagged'
    """
    m = _ANY_WAY.match(text)
    if not m or not _OWN_THING.search(text) or rx.search(r"\bin general\b|一般来说|通常", text, re.I):
        return text
    return rx.sub(r"\s*[?？]+\s*$", "", text[m.end():])  # (the request, no longer asked)


# A value that is someone else's, overruled by the person's own: "你建议 3 轮,我改成 6 轮", "这次不按老规矩 3 轮了,改成 2 轮",
# "I know you'll say 2 epochs for 10k rows. I'm doing 4.", "You recommended 3 epochs; I'm overriding that to 6.", "Your suggestion
# was r=16, I'm going with r=64.", "20 轮降到 10 轮". The other's value goes; a bare number said for it takes its unit.
_THEIRS = re.compile(r"(?:你(?:刚才)?回复(?:说)?|\byou replied\b|你建议(?:的是)?|你推荐(?:的是)?|你(?:会|肯定会|一定会)说|(?:不)?按?老规矩|\bthe usual\b|\byou(?:'ll| will| would|'d)? (?:say|recommend(?:ed)?|suggest(?:ed)?)\b|"
                     r"\byour (?:suggestion|recommendation|advice) (?:was|is|said)\b)\s*[^,，。;；.!?\d]{0,16}?"
                     r"(?P<v>(?:(?P<key>r|k|lr)\s*=\s*)?\d+(?:\.\d+)?(?:e-?\d+)?(?![\d.]*\s*[万千kKwW条])|[一二两三四五六七八九十]+(?![万千百条]))\s*(?P<u>个?\s*(?:epochs?|轮|步|steps?)(?![A-Za-z])|)"
                     r"(?:\s*(?:for|用于?)\s*[^,，。;；.!?]{0,16})?", re.I)
_MINE = re.compile(r"(?:改成|改为|换成|偏要|就要|我要|我用|\bto\b|\bdoing\b|\bmake it\b|\bgoing with\b|\bgo with\b)\s*"
                   r"(?P<n>(?:(?:r|k|lr)\s*=\s*)?\d+(?:\.\d+)?(?:e-?\d+)?|[一二两三四五六七八九十]+)(?![\d.,]*\s*(?:samples?|rows?|records?|examples?|条|[kKwW万千]))(?P<after>\s*(?:个|轮|步|epochs?|steps?)?)", re.I)
_LOWERED = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:个\s*)?(?P<u>轮|epochs?|步|steps?)\s*(?:降到|减到|改到|降为|减为|砍到|砍成)\s*", re.I)


def overruled(text: str) -> str:
    """``text`` without a value that is the assistant's or the usual one, when the person says their own.

    >>> overruled("你建议 3 轮,我改成 6 轮"), overruled("I know you'll say 2 epochs for 10k rows. I'm doing 4. Go, x.jsonl.")
    ('我改成 6 轮', "I'm doing 4 epochs. Go, x.jsonl.")
    >>> overruled("Your suggestion was r=16, I'm going with 64."), overruled("行,20 轮降到 10 轮")
    ("I'm going with r=64.", '行,10 轮')
    """
    text = _LOWERED.sub("", text)
    theirs = _THEIRS.search(text)
    if not theirs:
        return text
    rest = text[theirs.end():]
    mine = _MINE.search(rest)
    if not mine:
        return text  # (no value of the person's own: "你建议 3 轮是吧?" is asked back, kept)
    if not mine.group("after").strip() and not rx.match(r"(?:r|k|lr)\s*=", mine.group("n"), re.I):
        unit = theirs.group("u").strip() or (theirs.group("key") and "")
        key = (theirs.group("key") + "=") if theirs.group("key") else ""
        rest = rest[:mine.start("n")] + key + mine.group("n") + (" " + unit if unit else "") + rest[mine.end("n"):]
    head = text[:theirs.start()]
    return (rx.sub(r"[,，;；.。\s]*(?:我知道|i know|but|不过)?\s*$", "", head, flags=re.I) + " " + rx.sub(r"^[\s,，;；.。:：—–-]+", "", rest)).strip()


# A plan said, then checked with a tag and a request after it: "我先用 X 探一下学习率再正式训,对吧?那你先帮我探", "you dropped the
# conflicts, but I wanted to keep them, right? keep them": the tag asks nothing the request does not settle.
_TAG_THEN = re.compile(r"\s*[,，]?\s*(?:对吧|是吧|对不对|没错吧|\bright|\bcorrect)\s*[?？]+\s*(?=\S)", re.I)


def tag_settled(text: str) -> str:
    """``text`` with a confirming tag ("对吧?", "right?") followed by a request read as a full stop.

    >>> tag_settled("run-77 跑完了就可以评测了,对吧?帮我评一下")
    'run-77 跑完了就可以评测了。帮我评一下'
    """
    tag = _TAG_THEN.search(text)
    if not tag or not _ASKS_NEXT.match(text[tag.end():]):
        return text  # ("确定不会删原文件对吧?那行,开始吧", "…, right? OK then inspect X": a worry answered, then a yes; read as they are)
    return text[:tag.start()] + (". " if text[tag.start():tag.end()].strip(" ,，?？")[:1].isascii() else "。") + text[tag.end():]


# What follows the tag asks the step itself: "那你先帮我探", "帮我评一下", "keep them"
_ASKS_NEXT = re.compile(r"(?:那你|你|那就)?\s*(?:先)?\s*(?:帮我|麻烦|给我)|(?:keep|drop|stop|resume|evaluate|check|convert)\b", re.I)


def one_per_line(text: str) -> str:
    """A message typed one character or word per line ("查\\n一\\n下\\n质\\n量", "check\\nthis\\nplease") read as one line.

    >>> one_per_line("查\\n一\\n下\\n质\\n量"), one_per_line("ft-88\\n进\\n度\\n呢"), one_per_line("check\\nthis\\nplease\\nnow")
    ('查一下质量', 'ft-88 进度呢', 'check this please now')
    """
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) < 4 or not all(line and len(line) <= 12 and not rx.search(r"\s", line) for line in lines) or sum(len(line) == 1 for line in lines) < len(lines) // 2 and not all(line.isascii() and line.isalpha() for line in lines):
        return text
    out = lines[0]
    for line in lines[1:]:
        cjk = rx.match(r"[\u4e00-\u9fff，。？！、]", line) and rx.search(r"[\u4e00-\u9fff，。？！、]$", out)
        out += ("" if cjk else " ") + line
    return out


# "等等……few-shot 和 CoT 到底有啥区别来着?", "wait... what's the difference between few-shot and CoT again?", "quietly asking: can the
# check throw out good rows?": an opener that holds the question up, no correction of anything
_HELD_UP = re.compile(r"^\W*(?:等等|等一下|等下|wait|hold on|quick question|quietly asking|just asking|小声问一句|弱弱地问一句|弱弱问一句|"
                      r"please don'?t take this the wrong way,?\s*(?:but)?)[\s,，.。…!！:：]*"
                      r"(?=(?:what|why|how|which|can|could|does|is|are)\b[^\n]*[?？]\s*$|[^\n]*(?:区别|什么|为什么|怎么|是啥|啥意思)[^\n]*[?？]\s*$)", re.I)
# "No few-shot, no CoT — only rephrase the instructions in FILE": the steps named only to be left out
_NOT_THESE = re.compile(r"^\W*(?:(?:no|not|不要|不做|别做?)\s*(?:few-?shot|cot|ppl|perplexity|probe|探测|增强|augmentation|conversion|转换|思维链|示例)\s*[,，、/]?\s*)+[—–-]*\s*(?=(?:only|just|只|就)\b|只|就)", re.I)


def held_up(text: str) -> str:
    """``text`` without an opener that holds a question up, or the steps it leaves out before the one it asks.

    >>> held_up("wait... what's the difference between few-shot and CoT again?")
    "what's the difference between few-shot and CoT again?"
    >>> held_up("No few-shot, no CoT — only rephrase the instructions in x.jsonl")
    'only rephrase the instructions in x.jsonl'
    """
    return _NOT_THESE.sub("", _HELD_UP.sub("", text))


# Two options named, then neither taken, and what is wanted instead: "Resume it or retrain from scratch? Neither for now, evaluate
# it as it stands.", "加 few-shot 还是 CoT?都不加了,改写 200 条指令吧", "重复的是删还是留?都不用你管,我自己手动处理。" The names said
# with the options (a file, a run) stay with what follows.
_NEITHER = re.compile(r"^(?P<q>[^?？]{3,200}?(?:[?？]+|…+|\.{3,}))\s*(?:actually\s+|eh,?\s+)?(?:neither|none of (?:them|those)|don'?t pick either(?: of (?:mine|them))?|"
                      r"(?:两个)?都不(?:用你管|加了?|用了?|要了?|选|做|是)?|哪个都不(?:要|用|选)?|都先不)(?![a-z])(?:\s*(?:for now|yet|of them|really|feels right yet))?\s*[,，.。;；!！—–-]*\s*(?P<rest>\S.*)$", re.I | re.S)
_NAMES = re.compile(rf"(?-i:FILE)|[\w./-]+\.(?:{EXTENSIONS})\b|(?<![\w-])[A-Za-z][\w]*-[\w-]*\d[\w-]*", re.I)


def neither(text: str) -> str:
    """``text`` from what is wanted after two options are turned down, with the names said beside the options.

    >>> neither("ft-88 finished. Resume it or retrain from scratch? Neither for now, evaluate it as it stands.")
    'evaluate it as it stands. ft-88'
    """
    m = _NEITHER.match(text)
    if not m or not rx.search(r"\bor\b|还是|或者|或是", m.group("q")):
        return text
    names = [n.group(0) for n in _NAMES.finditer(m.group("q")) if n.group(0) not in m.group("rest")]
    return (m.group("rest").strip() + (" " + " ".join(names) if names else "")).strip()


# A to-do list with priorities: the P0 item is what comes first ("待办 P0:看 run-0603 状态 P1:评估 run-0601", "P1 evaluate X\nP0 check Y")
_P0 = re.compile(r"(?:(?:^|\s)P0\s*[:：]|(?:^|\n)[ \t]*P0[ \t]+)\s*(?P<item>.+?)(?=\s*(?:\bP[1-9]\b|\n|$))", re.S)


def first_priority(text: str) -> str:
    """``text`` as its P0 item when it lists priorities.

    >>> first_priority("P1 evaluate run-0820\\nP0 check status of run-0822")
    'check status of run-0822'
    """
    m = _P0.search(text)
    return m.group("item").strip() if m and rx.search(r"\bP[1-9]\b", text) and not rx.search(r"[?？]\s*$", text) else text


# "Would it hurt to dedupe FILE?", "Can I drop all the answer-is-question rows the check just found?", "我可以让你把刚才查出来的近似重复都
# 删掉吗": a request asked as whether it would hurt, or as leave to have it done
_ASKED_LEAVE = re.compile(r"^\W*(?:would it hurt to\s+(?=(?:drop|dedupe|de-dup\w*|get rid|remove|delete)\b)|(?:can|may|could) i\s+(?=(?:drop|get rid|remove|switch|change|keep|delete)\b)|"
                          # "Is it okay if I drop all the placeholder answers the check found?", "Am I allowed to drop the garbled rows?"
                          r"(?:is it (?:ok|okay|alright|all right|fine) if i|am i allowed to|would it be (?:ok|okay|fine) (?:if i|to))\s+(?=(?:drop|get rid|remove|delete|keep|convert|add|check|stop|resume|evaluate|train|start)\b)|"
                          # "Is it possible to get rid of all the placeholder answers it flagged?", "How about sharegpt instead of alpaca?",
                          # "要不把空答案的那些删了?", "有没有可能帮我把乱码的删掉?": a step suggested, meant as the request
                          r"is it possible to\s+(?:just\s+)?(?=(?:drop|get rid|remove|delete|keep|make|switch|change|convert|add|fill|check|dedupe|rephrase|use|kick off|start)\b)|"
                          r"how about\s+(?=\w+ing\b|\w+ instead of\b)|要不(?:然)?(?:咱们|我们)?(?=把|给|先把|直接把)|有没有可能(?=帮我|帮忙|给我))|"
                          r"(?:我)?(?:可以|能)(?:让你|叫你)", re.I)


def leave_asked(text: str) -> str:
    """``text`` with "would it hurt to X?" or "can I X?" of a step read as the request X.

    >>> leave_asked("Would it hurt to dedupe faq.csv?"), leave_asked("刚才查出来的那些近似重复,我可以让你都删掉吗")
    ('dedupe faq.csv', '刚才查出来的那些近似重复,你都删掉')
    >>> leave_asked("Am I allowed to drop the empty answers, or do I need sign-off? If I'm allowed, please drop them.")
    'drop the empty answers'

    """
    m = _ASKED_LEAVE.search(text)
    if not m or not (m.start() == 0 or m.group(0).endswith(("让你", "叫你"))):
        return text
    if m.group(0).endswith(("让你", "叫你")):
        return rx.sub(r"\s*吗\s*[?？]?\s*$", "", text[:m.start()] + "你" + text[m.end():])
    return rx.sub(r"\s*(?:吗|呢|吧)?\s*[?？]+\s*$", "", _IF_ALLOWED.sub("", text[m.end():]))


# Who else might have to allow it, and the step again if allowed, after the leave asked: "Am I allowed to drop the empty answers,
# or do I need sign-off? If I'm allowed, please drop them." (the guard asks before anything is dropped; the step is the request)
_IF_ALLOWED = re.compile(r"(?:,?\s*or (?:do|should|must) i [^?]{0,40})?\?\s*(?:if (?:i'?m|i am) allowed|if so|if yes)\s*,?\s*(?:please\s+)?"
                         r"(?:do it|go ahead|do so|\w+ (?:them|it|those))\W*$", re.I)


# A request written as a web form: "姓名:刘工\n部门:风控\n文件名称:X\n需求:质量检查(含困惑度)", "Field to change: epochs\nOld value: 10\n
# New value: 4\nFile: X". The requester's own fields (name, department, notes) are no values of ours; the old value goes.
_FORM_LINE = re.compile(r"^[ \t]*([^\n:：]{1,16})[ \t]*[:：][ \t]*([^\n]*)$", re.M)
_REQUESTER = re.compile(r"^(?:姓名|申请人|部门|科室|联系方式|电话|日期|department|dept|requester|phone|date)$", re.I)


def form_filled(text: str) -> str:
    """``text`` as its request when it is a form: the request field first, the requester's own fields left out.

    >>> form_filled("姓名:刘工\\n部门:风控\\n文件名称:x.jsonl\\n需求:质量检查(含困惑度)\\n备注:无")
    '质量检查(含困惑度)\\n文件名称:x.jsonl'
    >>> form_filled("Field to change: epochs\\nOld value: 10\\nNew value: 4\\nFile: x.jsonl")
    'epochs: 4\\nFile: x.jsonl'
    """
    fields = _FORM_LINE.findall(text)
    if len(fields) < 3 or len(fields) < len([line for line in text.strip().split("\n") if line.strip()]):
        return text
    keys = {key.strip().lower(): value.strip() for key, value in fields}
    changed = keys.get("field to change") or keys.get("要改的字段") or keys.get("修改项")
    if changed and (keys.get("new value") or keys.get("新值")):
        rest = [f"{k}: {v}" for k, v in fields if k.strip().lower() not in ("field to change", "old value", "new value", "要改的字段", "修改项", "旧值", "原值", "新值")]
        return "\n".join([f"{changed}: {keys.get('new value') or keys.get('新值')}"] + rest)
    asked = next((value.strip() for key, value in fields if rx.fullmatch(r"需求|申请类型|操作|动作|请求|事项|action|request|task", key.strip(), re.I)), None)
    if not asked or not any(_REQUESTER.match(key.strip()) for key, _ in fields):
        return text
    rest = [f"{k.strip()}:{v.strip()}" for k, v in fields if not _REQUESTER.match(k.strip()) and v.strip() != asked
            and not rx.fullmatch(r"无|没有|暂无|none|n/?a|-+|/", v.strip(), re.I)]  # ("备注:无": nothing said)
    return "\n".join([asked] + rest)


def courteous(text: str) -> str:
    """``text`` without the courtesy around an English request ("if it's not too much trouble", "if that's alright?").

    >>> courteous("If it's not too much trouble, could you possibly convert a.json into openai format?")
    'could you convert a.json into openai format?'
    >>> courteous("I think I actually meant 5 epochs rather than 15, if that's alright?")
    'I think I actually meant 5 epochs rather than 15.'
    """
    spans = [(a, b) for _, a, b in quoted_spans(text)]
    if any(a <= m.start() < b for m in (*_COURTESY.finditer(text), *_MIGHT_YOU.finditer(text)) for a, b in spans):
        return text  # a template's words are the person's: "'Would you kindly tell me {q}'" stays as written
    last = list(_COURTESY.finditer(text))
    if not last and not _MIGHT_YOU.search(text):
        return text
    if last and rx.fullmatch(r"\s*[?？]+\s*", text[last[-1].end():]) and not rx.search(r"[?？]", text[:last[-1].start()]):
        text = text[:last[-1].end()] + "."  # "…5 epochs rather than 15, if that's alright?": the question mark was the courtesy's
    kept = _MIGHT_YOU.sub("could you", _COURTESY.sub("", text)).strip()
    if last and last[0].start() == 0 and not rx.match(r"\W*(?:(?:could|can|would|will) you\b|please\b|i (?:think i )?(?:actually )?meant\b)", kept, re.I):
        return text  # ("If it's no trouble, could we maybe keep…?", "…, I wonder whether…": no request opens what is left)
    kept = rx.sub(r"^[,，\s]+|\s+(?=[,，?!]|\.(?:\s|$))|[,，]\s*(?=[?.!]\s*$)", "", kept)
    return kept if kept != text.strip() and rx.search(r"[A-Za-z]{2}", kept) else text


# The rewrites of a message, in the order they run: each reads what the ones before it left.
# A self-interview: the person asks and answers their own questions ("问:转什么格式?答:openai。问:哪个文件?答:X。",
# "Q: which file? A: x.csv. Q: format? A: alpaca."). Two pairs or more; each answer is a setting of the request.
_INTERVIEW_PAIR = re.compile(r"(?:^|(?<=[\s。.;；!！]))(?:问|Q)\s*[:：]\s*(?P<q>[^?？\n]{1,40}?)\s*[?？]\s*(?:答|A)\s*[:：]\s*"
                             r"(?P<a>[^\n]*?)\s*(?=(?:问|Q)\s*[:：]|$)", re.I)
_LEFT_TO_US = re.compile(r"\W*(?:that'?s your job|you tell me|your call|no idea|not sure|i don'?t know|dunno|explain|不清楚|不知道|问你|你定|你说|你来定|你告诉我|解释)", re.I)
_ASKING_WORD = re.compile(r"什么|啥|哪个|哪种|哪些|\b(?:which|what)\b", re.I)


def interviewed(text: str) -> str:
    """A self-interview as its answers, each under its question's words.

    >>> interviewed("问:转什么格式?答:openai。问:哪个文件?答:a.csv。")
    '转格式: openai; 文件: a.csv。'
    >>> interviewed("Q: which file? A: v.csv. Q: format? A: alpaca. Done.")
    'file: v.csv; format: alpaca. Done。'
    >>> interviewed("Q: does stopping keep the checkpoint?")
    'Q: does stopping keep the checkpoint?'
    """
    pairs = list(_INTERVIEW_PAIR.finditer(text))
    if len(pairs) < 2 or any(_LEFT_TO_US.match(m.group("a")) for m in pairs):
        return text  # ("Q: epochs and lr? A: that's your job.", "问:那问谁?答:问你呗。": asked of us, the questions stand)
    said = [f"{_ASKING_WORD.sub('', m.group('q')).strip()}: {m.group('a').rstrip('。.;；! ')}" for m in pairs]
    return text[:pairs[0].start()] + "; ".join(said) + "。" + text[pairs[-1].end():]


_REWRITES = (
    interviewed,     # "问:转什么格式?答:openai。问:哪个文件?答:X。": a self-interview as its answers
    dialogue,        # "“嘿!”“您说。”“重复的那些,全给我删喽!”…": a dialogue typed as quoted turns, one turn a line
    unwrapped,       # a whole message inside one code fence, backticks or quotes: what is inside
    unlettered,      # a letter's salutation and close ("敬启者:", "此致敬礼", "Dear Sir or Madam,", "Yours faithfully") left out
    telegram,        # "训练 run-77 STOP 进度如何 STOP": a telegram's STOPs as full stops
    unpiped,         # "path: x.csv | to: qianfan | q: question_text": settings in one line, cells apart
    one_per_line,    # a message typed a character or a word per line, as one line
    sample_rows,     # a pasted question-and-answer row under its header: the columns' names, or nothing
    unslashed,       # "resume/does it pick up the same lr/or restart warmup": phrases set apart by slashes
    unheaded,        # openers that set the scene: a conversation taken up again ("where were we? …"), steps named by number
    crossed_ticked,  # "❌ sharegpt ✅ jsonl": the value crossed out, then the one ticked
    ticked_off,      # steps ticked off as done ("✔ 数据转换", "- [x] convert") left out
    halfwidth,       # full-width ASCII as ASCII, banknote numerals as digits
    worked_out,      # "学习率 3e-4 太大了,减半": a value changed by a relative amount, as the value it comes to
    json_said,       # a pasted JSON object of settings as "key: value" words
    note_left,       # a note to oneself before the request left out
    yes_and_no,      # "check yes, drop no": the parts said no to left out
    addressed,       # only the lines said to us in a thread; pasted output keeps its words, not its numbers
    too_then,        # "50 steps was too short, do 200": the count to use, with its unit
    now_asked,       # the request made now: last time's values, offers turned down, a story before a P.S. left out
    punctuated,      # punctuation said aloud ("逗号", "period")
    untagged,        # a polite tag after a request ("…就行,可以吗") left out
    unforbidden,     # a constraint list's "must not" items left out
    role_left,       # a role given to the assistant first ("你现在是数据工程师。任务:…") left out
    chosen,          # "X 和 Y 有啥区别?哪个适合多轮就转哪个": the option the criterion picks, said
    any_way,         # "is there any way to X" of one's own data: X
    overruled,       # a value that is the assistant's or the usual one, said over by the person's own
    tag_settled,     # "…,对吧?帮我…": a confirming tag followed by a request
    held_up,         # "wait… what's …?", "No few-shot, no CoT — only …": the question or the step itself
    neither,         # "X or Y? Neither, do Z": Z, with the names said beside the options
    first_priority,  # "P0 … P1 …": the P0 item
    form_filled,     # a request written as a form: its request field, not the requester's name
    leave_asked,     # "would it hurt to X?", "can I X?": X
    courteous,       # the courtesy around an English request ("if it's not too much trouble", "might you") left out
    unsaid,          # "停掉 X——当我没说,…评估一下 Y": the request taken back whole left out
    this_time,       # "上次…,这次…": what was done last time left out
    first_only,      # "X and Y. just the first for now": X
    answer_first,    # "r-88 的 loss 多少了?收敛了就停": a state asked, then a step on its answer: the question first
    asked_then_told, # a question about a step, then what to do on its answer ("…能恢复吗?能的话恢复回来"); a what-if, then "go on"
    self_answered,   # a question answered at once ("乱码那些要删吗?要删。") read as the answer
    option_chosen,   # options numbered ("①…②…", "1)… 2)…"), then "我选 2": the one chosen
    replaced,        # a value written over ("r=8 → 32", "改") read as the new one
    said_plainly,    # our words in scare quotes unquoted, classical wording plainly
    unhesitated,     # pauses ("hmm… is this… any good?") read as spaces
    unspaced,        # Chinese words spaced apart joined
    undoubled,       # two negations that cancel taken out
    befell,          # a run killed by something else said as a run that died
    echoed,          # our words quoted back unquoted
    pinyin,          # pinyin for our words
    star_inline,     # "sharegpt *openai": a star before a word on the same line said as "I mean"
    starred,         # "*word" on the next line puts a word right
    unmarked,        # Markdown read as words ("~~k=5~~ → **k=3**" is k=3)
    picked,          # a range by the value picked from it
    passed_on,       # "客户问:「…?」": the question passed on
    linked,          # "[faq](data/faq.csv)": the path
    trained_on,      # "用 faq.csv 训出来的那个": a run, not a file
    quoted_all,      # '"epochs" = "6"' when everything is quoted: our keys and values unquoted
    all_but,         # "all of X except 10%": 90%
    percent_meant,   # "10 of the samples — sorry, 10 percent": the percentage meant
    rhetorical_not,  # "X 不转成千帆格式,难道还要我手动贴?", "you're not seriously keeping X, are you?": the step wanted
    relayed,         # "Anna says 3 epochs, Ben says 5 — go with Ben": the view taken
    settled,         # values weighed, then one settled on
    active,          # a step asked in the passive ("X should be dropped") said in the active voice
    said_back,       # a refusal taken back ("skip X... actually no, include it") read as what is wanted after all
    repaired,        # a slip put right mid-message
    tool_named,      # a tool's name inside a sentence as words, mistyped at the start spelled right
    begun_with,      # the step to begin with ("先从检查开始吧", "start with the check") as the first
    identity_said,   # an identity's values said with fillers, keys then values, old words, "called X and made by Y"
    taken_back,      # a value taken back
    without_asides,  # asides in brackets
    answered,        # the unit of a setting asked about put after the bare number that answers it
)


# The shape of a message read for its request, after the words are mended (see ``dictated``): buttons pressed, plans in steps,
# an item of our list picked, a hold-up before a correction, a code comment, a moving checklist, an emoji between sentences,
# a post's hashtags, an answer asked for before deciding, a contract's condition and its "two (2)", a thread's k/n marks, a note
# after a ticked item, a confirming tag after a request, a value said as the thing wanted.
_SHAPES = (
    # a step taken back, then a value put right: "Abort that. lora_r 16, not 64." (what "scratch that" says; not "Abort that, the lr
    # was too high": a stop, with its reason)
    (re.compile(r"^\W*(?:abort|cancel|kill|drop|undo) (?:that|this)\s*[.!]+\s+(?=[^.!?]{0,60}?(?:\d[^.!?]{0,12}\b(?:not|rather than|instead of)\s+\d|\d[^.!?]{0,20}\binstead\b))", re.I),
     "Scratch that. "),
    # a thread's numbering ("1/2 FILE 2/2 转成 openai 格式", "1/3 new project 🧵 2/3 first, check FILE 3/3 …"): two marks or more, each
    # k/n, are no words of the request; a thread that opens with one, all of one n, is read as its posts, " / " between them
    (re.compile(r"(?:^|(?<=\s))\d{1,2}/\d{1,2}(?=\s)(?P<gap>\s*)"), _thread_mark),
    # an explanation called for after the question: "…even useful if the model gets fine-tuned anyway? someone explain"
    (re.compile(r"(?<=[?？])\s*(?:/\s*)?(?:(?:someone|somebody|anyone|pls|please|plz)\s+)?(?:explain|clarify)(?:\s+(?:pls|please|plz))?[\s.!]*$", re.I), ""),
    # a check that the order was heard, after it: "Fill FILE — name "Sous", author "Kitchen Brigade". Heard?", "…。明白吗?"
    (re.compile(r"(?<=[.!。！])\s*(?:heard|copy|got (?:it|that)|understood|capisce|clear|明白了?吗?|听到了?吗?|听见了?吗?|懂了?吗?)\s*[?？]+\s*$", re.I), ""),
    # "80 steps is too many. 40.", "3 epochs is too few — 5": the value said too big or small, then the one meant
    (re.compile(r"(?<![\d.])" + _CHANGED_NUM + r"\s*(steps?|epochs?|examples?)\s+(?:is|are|was|were)\s+(?:way\s+)?too\s+(?:many|few|much|little|high|low|long|short)\s*[.!,;:—–-]*\s*(?:(?:make it|try|use|do)\s+)?("
                + _CHANGED_NUM + r")(?!\w|\.\d)", re.I), r"\2 \1"),
    # "what's the sharegpt format look like, how's it different from plain jsonl, spit the facts": the answer called for in slang
    # after what is asked (the question stands)
    (re.compile(r"\s*[,;—–-]\s*(?:(?:just|now|so)\s+)?(?:spit (?:the|them|those|dem) facts|spill (?:the tea|it)|lay it on me|give it to me straight|break it down(?: for me)?|school me|enlighten me|hit me)\W*$", re.I), "?"),
    # "比例不是百分之二十,调整为百分之十": a share ruled out, then the one meant
    (re.compile(r"(?:不是|并非)\s*(?:百分之[一二三四五六七八九十百零]+|\d+(?:\.\d+)?\s*%|[一二两三四五六七八九]成)\s*[,，]\s*(?:而是|调整为|调整到|改为|改成|应为|应该是|是)\s*"
                r"(百分之[一二三四五六七八九十百零]+|\d+(?:\.\d+)?\s*%|[一二两三四五六七八九]成)"), r"改成\1"),
    # "一条带两个例子": each sample, not one sample (the examples per sample of a few-shot)
    (re.compile(r"(?<![\d一二两三四五六七八九十第每])一条(?=\s*(?:带|配|加|放|给)\s*(?:\d+|[一二两三四五六七八九十]+)\s*个)"), "每条"),
    # a run's setting put right in so many words: "r ain't 64, make it 16", "I was wrong about the rank. Make it 64, not 16.",
    # "三轮太少改五轮" (the value meant, keyed; the one ruled out is gone)
    (re.compile(r"\b(lora_r|lora rank|rank|r|epochs?|lr|learning rate)\s+(?:ain'?t|isn'?t|is not|not)\s+" + _CHANGED_NUM
                + r"\s*[,;:—–-]\s*(?:so\s+)?(?:make it|it'?s|should be)\s+(" + _CHANGED_NUM + r")(?![\w.])", re.I), r"\1 改成 \2"),
    (re.compile(r"(?<![\d.]\s)(?<![\d.])\b(lora rank|rank|lora_r|epochs?|learning rate)\b([^.!?\n]{0,12})[.!]\s+make it\s+(" + _CHANGED_NUM
                + r")(?:\s*,?\s*not\s+" + _CHANGED_NUM + r")?(?![\w.])", re.I), r"\1\2: \1 改成 \3"),
    (re.compile(r"(?<![\d.])" + _CHANGED_NUM + r"\s*(?:轮|个?\s*epochs?)\s*太(?:少|多)了?[,，]?\s*(?:就)?(?:改|换|调)(?:成|为|到)?\s*(" + _CHANGED_NUM
                + r")\s*(轮|个?\s*epochs?)?", re.I), r"改成\1轮"),
    # a value changed from one to another: "change epochs from 3 to 5" (the old one is no longer meant; "由 4 改为 2" is ``replaced``'s)
    (re.compile(r"\bfrom\s+" + _CHANGED_NUM + r"\s*(?:epochs?|steps?|examples?|shots?)?\s+(?=to\s+" + _CHANGED_NUM + r"(?![\d.:]))", re.I),
     lambda m: "" if rx.search(r"\b(?:chang\w*|bump\w*|rais\w*|lower\w*|drop\w*|cut\w*|reduc\w*|increas\w*|decreas\w*|mov\w*|switch\w*|set|adjust\w*|updat\w*|tak\w*|go|going)\b",
                               m.string[max(0, m.start() - 60):m.start()], re.I) else m.group(0)),
    # a chat log pasted on one line with timestamps ("[16:40] 组长:近似重复的就别删了 [16:41] 我:ok —— 就按组长说的办"): two stamps
    # or more, each with its speaker, read as lines of what was said (a log on lines of its own is read by ``addressed``)
    (re.compile(r"\s*\[\d{1,2}:\d{2}(?::\d{2})?\]\s*[^:：\s\]\[]{1,12}\s*[:：]\s*"),
     lambda m: "\n" if len(rx.findall(r"\[\d{1,2}:\d{2}(?::\d{2})?\]", m.string)) >= 2 and "\n" not in m.string.strip() else m.group(0)),
    # a service desk's script before the request: "Thank you for holding. Your request has been escalated: add few-shot to FILE",
    # "您好,很高兴为您服务。本次咨询:FILE 一共 3200 条…" (the request is what follows)
    (re.compile(r"^\W*(?:(?:hello|hi|您好|你好)\W*)?(?:(?:thank you for (?:holding|your patience|waiting|contacting [^.!?]{1,40})|thanks for (?:holding|waiting)|"
                r"很高兴为您服务|感谢您的(?:耐心)?等待|感谢您的来电)\s*[.!。！,，]\s*)+(?:(?:your request has been \w+|本次咨询(?:内容)?|您的需求(?:如下)?)\s*[:：]\s*)?", re.I), ""),
    # leave asked to put one's words right, then the words: "Sorry again — am I allowed to fix what I said? The learning rate
    # should be 3e-5", "我刚刚说错了,我可以改一下吗?不是 epochs 2,是 epochs 1" (the correction is what follows)
    (re.compile(r"\b(?:am i allowed to|may i|can i) (?:fix|correct|change|amend) (?:what i (?:said|wrote)|that|it|my (?:last )?message)\s*\?\s*|"
                r"我(?:可以|能)(?:改|更正|修改)一下(?:吗|嘛)?\s*[?？]\s*", re.I), ""),
    # how an answer should be put, after a question: "whats a LoRA rank again. small words pls", "…?用大白话讲" (no step asked)
    (re.compile(r"(?<=[?？.。a-z\u4e00-\u9fff])\s*[.。,，]?\s*(?<![\'\"“‘「])(?:(?:in )?(?:small|simple|plain) words|like i'?m (?:five|5)|eli5|用大白话(?:讲|说)?|说人话|简单(?:点|些)说)"
                r"\s*(?:pls|please|plz|thx|thanks)?[\s.!。！]*$", re.I), ""),
    # a step asked as a button pressed: "hit the 'Check Quality' button on FILE", "press the stop button on RUN", "你帮我点“开始训练”就行"
    (re.compile(r"\b(?:click(?:ing)?(?: on)?|hit(?:ting)?|press(?:ing)?|tap(?:ping)?|push(?:ing)?)\s+(?:the\s+)?[\"'“‘]?([A-Za-z][\w -]{1,24}?)[\"'”’]?\s+button\b", re.I), r"\1"),
    (re.compile(r"点(?:一下|下)?\s*[“\"「『]([^”\"」』{}]{2,10})[”\"」』](?:按钮|键)?|(?:点|按)(?:一下|下)?\s*[“\"「『]([^”\"」』{}]{2,10})[”\"」』](?:按钮|键)"),
     lambda m: m.group(1) or m.group(2)),
    # a plan in spelled-out steps, each a step of its own, only the first for now: "Step one: check FILE. Step two: remove garbled
    # rows. Step three: start training." (not "Step 1: take FILE.\nStep 2: use sheet 'March'…": one request told in parts)
    (re.compile(r"^\W*step one\s*[:：.,]?\s*(.+?)\s*[.;]?\s*step two\s*[:：.,]?\s*(?=(?:convert|remove|drop|delete|train|start|check|evaluate|inspect|add|fill|probe|resume|stop)\b).*$", re.I | re.S), r"\1"),
    # "First evaluate RUN, then resume it if it looks okay, and finally compare it to RUN": a chain whose first step is for now
    (re.compile(r"^\W*first(?:ly)?\s*,?\s+((?!(?:of all|thing|time)\b)[^,;.]+?)\s*[,;]?\s+(?:then|and then|after that|next)\b[^?]*$", re.I | re.S), r"\1"),
    # an item of our own list picked by quoting it: "Of the things you listed, I want 'resume a stopped run' — RUN", "你列的那些里我选「查看训练进度」"
    (re.compile(r"^\W*(?:of (?:the|those) (?:things|options|items|ones) you (?:listed|mentioned|offered|said)|你(?:刚才)?(?:列|说)的(?:那些|几个|几项)?(?:里|中|里面)?)\s*[,，]?\s*"
                r"(?:i(?:'d)? (?:want|pick|choose|go with|need)|我(?:要|选|想要))\s*['\"“‘「]([^'\"”’」]{3,40})['\"”’」]", re.I), r"\1"),
    # a hold-up said before a correction: "这里请您稍微停一下,刚才那一步有个小地方不对…", "Please pause for a moment. One detail was not right."
    (re.compile(r"^\W*(?:这里)?(?:请您?|你)?(?:先)?稍微?(?:停|等)一下\s*[,，。.]\s*(?=[^?？]{0,30}(?:不对|错了|说错|搞错|有误))"), ""),
    (re.compile(r"^\W*(?:please\s+)?(?:pause|hold on|wait|hang on)(?: for)? a (?:moment|second|sec|minute)\s*[.,!]\s*(?=[^?]{0,40}\b(?:not right|wrong|mistake|incorrect|typo)\b)", re.I), ""),
    # a rough count, then the exact one: "我就一百来条数据,准确说120条" (the exact count is the count)
    (re.compile(r"(?<![\d.])[\d一二两三四五六七八九十百千万]+(?:\.\d+)?\s*(?:来|多|余|左右)?\s*(?:条|个)(?:数据|样本|问答)?\s*[,，]\s*(?:准确|确切|精确)(?:地)?(?:来)?说(?:是|的话)?\s*[,，]?\s*(?=\d)"), ""),
    # a column called wrong, then put right: "问题列搞错了,不是“玩家提问”,是“玩家问题”" (the column, then its value)
    (re.compile(r"(?<=列|栏)(?:名)?(?:又)?(?:搞错了|弄错了|写错了|选错了|错了)\s*[,，]\s*(?=(?:不是|是|应该是|要用)\s*[“\"「‘'])"), ""),
    # a request written as a code comment: "# TODO: alpaca_zh_demo.json 先看一下字段", "// FIXME: convert X to jsonl"
    (re.compile(r"^\s*(?:#|//|--)\s*(?:TODO|FIXME|XXX|NOTE|HACK)\b\s*[:：]?\s*", re.I), ""),
    # a moving checklist on one line: "✔ 质检 ✔ 删完全重复 ➜ 过长答案那些保留", "✔ checked ✔ exact dups removed ➜ keep the long answers"
    (re.compile(r"^(?:\s*[✔✓☑✅]\s*[^✔✓☑✅➜➡\n]+)+\s*[➜➡]\s*"), ""),
    # an emoji between two sentences ends the first: "…like our support team 🚀 first up: peek at FILE"
    # (not "can you 👀 this", an emoji said as a word, nor a checkbox "☐" opening a line)
    (re.compile(r"(?<=[A-Za-z\u4e00-\u9fff])[ \t]*[\U0001F300-\U0001FAFF\u2600-\u260F\u2613-\u26FF]+[ \t]+(?=[A-Za-z\u4e00-\u9fff])"),
     lambda m: ". " if len(m.string[:m.start()].split()) >= 4 and rx.search(r"\.(?:jsonl?|csv|xlsx?|tsv)\b|\brun[-_]\w", m.string[m.end():], re.I) else m.group(0)),
    # an answer asked for before deciding, after the question: "…overwrite the original? Tell me before I decide whether to do it.",
    # "…会不会覆盖原文件?先告诉我再决定" (the question alone, nothing asked to be done yet)
    (re.compile(r"(?<=[?？])\s*(?:please\s+)?tell me (?:first|before (?:i|we) (?:decide|choose|commit)\b[^.?!\n]{0,40})\s*[.!]?\s*$|(?<=[?？])\s*(?:你)?先告诉我(?:一下)?\s*(?:我)?再(?:决定|定|说)\W*$", re.I), ""),
    # a condition set before the request, as a contract writes it: "On condition that no entry is deleted without my written
    # consent, check …" (the request is what follows; a condition holding a number is the request's own)
    (re.compile(r"^\W*(?:on (?:the )?condition that|provided that|subject to the condition that|on the understanding that)\s[^,;\d]{3,140}[,;]\s*(?=\w)", re.I), ""),
    # a number spelled out, then in digits in brackets, as a contract writes it: "exactly two (2) epochs"
    (re.compile(r"\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                r"nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)(?:[\s-]+(?:and\s+)?|(?=\s*\()))+\s*\((\d{1,5})\)", re.I),
     lambda m: m.group(1) if m.string.count("(") == 1 else m.group(0)),  # (with other brackets the labelled values are read apart)
    # a note after a ticked item that puts it right: "[x] FILE → openai ← 勾错了,要的是 alpaca", "…← ticked the wrong one, I wanted jsonl"
    (re.compile(r"^\s*\[[xX✓✔]\]\s*([^\n←→]{1,80}?)\s*(?:(?:→|->)\s*[^←→\n]{1,20}?\s*)?←\s*"), r"\1. "),
    # a confirming tag after a request: "You can take a look at FILE for me, right?", "FILE 跑一下质量检查,顺便把困惑度也算上,对吧?"
    (re.compile(r"(?<=\S)\s*[,，]\s*(?:right|对吧|是吧|对不对)\s*[?？]\s*$", re.I),
     lambda m: "" if rx.search(r"\bfor me\b|\bplease\b|帮我|一下|算上|\btake a look\b|\blook at\b", m.string[:m.start()], re.I)
     and not rx.match(r"\W*(?:if|what if|如果|要是|假如|万一)", m.string, re.I) else m.group(0)),
    # a value said as the thing wanted: "B) alpaca is what I need", "qianfan is what I meant" (what "I meant X" says)
    (re.compile(r"(?:^|(?<=[\s,;:—–-]))(alpaca|share\s?gpt|qianfan|openai|jsonl|csv|xlsx|lora|full)\s+(?:is|was) what (?:i|we) (?:need|needed|want|wanted|meant|asked for)\b", re.I),
     r"I meant \1"),
    # a post's hashtags after what it says: "first up: peek at FILE #finetune #LLM #buildinpublic" (tags, not requests)
    (re.compile(r"(?:\s+#[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff-]*)+[\s\W]*$"),
     lambda m: " ".join(t for t in rx.findall(r"#(qianfan|alpaca|sharegpt|openai|jsonl|csv|xlsx|q?lora|full)\b", m.group(0), re.I))),  # (not "#qianfan", "#LoRA": our words)
)


def dictated(text: str) -> str:
    """``text`` with what speech-to-text wrote for file names and formats mended (numbers said aloud, "two e minus four",
    are ``numbers``' own), a word put right on a "*word" line after it (:func:`starred`), and a range by the value picked
    from it (:func:`picked`)."""
    for rewrite in _REWRITES:
        text = rewrite(text)
    text = _SAID_FILE.sub(_file, text)
    for pattern, word in _HEARD + _SHAPES:
        text = pattern.sub(word, text)
    return text

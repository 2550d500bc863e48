"""Which tool a request asks for: the speech act first (``acts``), then the shipped intent model
(``classifier``); the rules in ``intents`` only feed the model their cue scores (and decide alone
when the package data is missing).

    >>> read("few-shot 数据加进训练有什么好处").tool, read("把 FILE 转成 alpaca", has_file=True).tool
    ('explain', 'convert_dataset')
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.nlu import acts, amounts, classifier, cues, intents, names, probe, review, rx, slots
from assistant.nlu.memo import remembered
from assistant.nlu.negation import negated
from assistant.nlu.paths import QUOTED, TOOL_NAMES

SURE = 0.3
"""Probability the model's top tool needs before it is read as the request; below it the tool is
only offered ("did you mean …?"). With 14 labels a top of 0.3 is several times the runner-up's."""
MARGIN = 0.1
"""How far ``none`` must lead the best tool when the request speaks of our domain."""
OFFER = 0.2
"""Below this a guess is not even offered: the reply says what the assistant can do."""
_ACTIONS = ("convert_dataset", "add_few_shot", "add_cot", "augment_instructions", "check_quality", "start_training",
            "stop_training", "resume_training", "evaluate_run", "probe_learning_rate")
# "hi, here's my data", "传了个数据": an upload announced, nothing asked — look at it.
_OPENER = re.compile(r"^\W*这个是|丢给我|扔给我|甩给我|不知道(?:咋|怎么)(?:整|弄|办|搞)|\bpulled (?:this|it) from\b|\bno idea where to start\b|你好|您好|\bhi\b|\bhello\b|\bhey\b|\byo\b|在吗|数据|文件|上传|传了|发你|给你|这是|附件|喏|呐|拿去|这份|最新的?|"
                     r"attach\w*|\bdump\b|\bexport\b|导出的|\bthis is (?:the|my|our|what)\b|\b(?:the|my|our|some) (?:data|dataset|file)\b|\bthoughts\b|\bsup\b|"
                     r"what we'?ve got|\bwhat do you think\b|拿这个|用这个|这个文件|"
                     r"here'?s|here is|here (?:u|you|ya) go|this is (?:what|all) i|what i(?:'ve)? (?:have|got)|attached|uploaded|sending|\bmy (?:data|file|dataset|training)", re.I)


# "先帮我看看?", "take a look": a look asked for, even with a question mark.
_LOOK_AT = re.compile(r"帮我看看|帮忙看看|看一下|看看|瞅|瞧|过目|\btake a look\b|\bhave a look\b|\blook (?:at|over|through) (?:it|this|these)\b", re.I)
# "is FILE sharegpt or openai style?", "FILE 是 alpaca 还是 sharegpt": which format a file is in.
_WHICH_FORMAT = re.compile(r"^\W*(?:is|are)\s+(?:this|it|FILE)\b[^?]{0,40}\bor\b[^?]{0,30}\?\s*$|^\W*(?:is|are)\s+(?:my |the |this )?FILE\s+(?:already\s+)?in\s+\w+\s+format\s*\?|(?:FILE|它|这个|这份)\s*(?:是|算)\s*\S{1,12}\s*还是|"
                           r"\b(?:if|whether) (?:it'?s|it is|this is|FILE is|they'?re|they are) (?:in )?[\w-]+ or [\w-]+(?: style| format)?\b|"
                           # "check FILE for me — is it sharegpt-style with conversations/from/value?": the file's format asked
                           r"\b(?:is|are) (?:it|this|FILE|they) (?:in )?(?:qianfan|alpaca|sharegpt|share ?gpt|openai|messages|jsonl)[- ]?(?:style|format|shaped)\b", re.I)
# "别让 X 继续跑了", "don't let it keep running": a stop said through what must not go on.
# ("挂掉的 X 不该接着跑吗?": a "shouldn't it go on?" asked is a resume, not a stop)
_RUN_JUDGED = re.compile(cues.RUN_JUDGED, re.I)  # "does it still know normal stuff or did we fry it"
_KEEP_FROM = re.compile(r"(?:别让|不要让|别再让|(?<!能)不能让|别|(?<!要)不要|(?<!能)不能再?|(?<!可以)(?<!可)不可以再?|不该再?|不应该再?|(?<!你)没法再?)[^,，。;；]{0,20}(?:继续|接着)(?:跑|训|练)"
                        r"(?<!该接着跑)(?<!该继续跑)(?<!该接着训)(?<!该继续训)(?<!该接着练)(?<!该继续练)|"
                        r"(?:不该|不应该)[^,，。;；]{0,20}(?:继续|接着)(?:跑|训|练)(?![^,，。;；]{0,6}(?:吗|么|[?？]))|don'?t let (?:it|\S+) (?:keep|continue)", re.I)
# "先发你", "sending it over first": the upload is handed over before anything is asked.
_SEND_FIRST = re.compile(r"先(?:发|给|传)(?:给)?你|先(?:发|传)过来|先给你看|sending (?:it|this) (?:over )?first|here it is first", re.I)
# Questions about the assistant itself: "你是 gpt 吗", "are you chatgpt?", "谁开发的你".
_ABOUT_ME = re.compile(r"^\W*(?:你是不是|你是|你用的是?|你背后(?:用的)?是)|^\W*(?:are you|r u|were you)\b(?!\s+(?:sure|certain)\b)|\bwho (?:made|built|trained|created) you\b|"
                       r"\b(?:is this|are you|is it) (?:powered by|built on|running on|based on)\b|谁(?:开发|做|训练|写)的你|"
                       r"你是(?:哪个|什么|哪家)|你(?:自己|到底|究竟)(?:是|算)(?:哪个|什么|啥|哪家)|(?:背后|底层)(?:是)?(?:谁|哪家)(?:做|开发|训练)的|问你(?:到底|究竟)?是(?:什么|啥|哪个)|"
                       # "你是用什么模型做的啊?", "小张让我问下你:你是 GPT 吗", "你能看到我电脑上的文件吗?你会记住…吗?", "这个助手是免费的吗?",
                       # "do you ever get bored…?", "你会不会也觉得下雨天有点无聊", "tell me a joke about overfitting", "just chatting"
                       r"你是(?:用|拿)(?:什么|啥|哪个)(?:模型)?(?:做|训|搞|写)的|你是(?:不是)?\s*(?:gpt|chatgpt|真人|机器人|ai)\s*(?:吗|啊|呀|[?？])|你是不是\s*(?:gpt|chatgpt)\b|你能看到我|你会记住|"
                       r"(?:助手|你)\S{0,4}是免费的|收(?:不收)?钱|钱能退|\bdo you (?:ever )?get (?:bored|tired)\b|你会不会也觉得|"
                       r"\btell me a joke\b|讲个笑话|随便聊聊|你是谁(?:做|开发|训练)的|还能聊(?:点)?别的|\bwhich model (?:are )?you(?:'re| are)? (?:running|built|based)\b|"
                       r"\b(?:which|what) (?:company|model|team) (?:made|make|makes|built|trained) you\b", re.I)
def about_me(text: str) -> bool:
    """Whether ``text`` asks about the assistant itself ("你是 gpt 吗", "do you ever get bored")."""
    return bool(_ABOUT_ME.search(text))


# A question about a setting's effect ("有意义吗", "could 20 epochs cause overfitting?"), not a request for a value.
_ASKS_BACK = re.compile(r"[?？]|吗|么\W*$|\bworth\b", re.I)
# A way of training supposed ("要是全参微调", "若行全参之法", "if I go full fine-tune")
_METHOD_SUPPOSED = re.compile(r"(?:如果|要是|若|假如|假设|倘若)[^,，。;；?？]{0,8}(?:全参|全量|lora|full)|\bif\b[^,.;?]{0,24}\b(?:full[- ](?:fine-?tun\w*|param\w*)|lora)\b", re.I)
_EFFECT = re.compile(r"有意义|有必要|值得|值不值|导致|更重要|哪个重要|过拟合|\bcause\b|\bworth\b|necessary|\bhurt\b|\bmatters?\b|\boverfit\w*|\b(?:wreck|ruin|damage|destroy|break)\b|\boverkill\b", re.I)
_CHANGED_SETTING = re.compile(r"改成|改为|换成|调成|调到|\binstead\b|\bmake it\b|\bshould be\b|别用|不要用|\bnot\b", re.I)
# "train it with the settings you recommend": the advice followed, not asked for.
_FOLLOWS_ADVICE = re.compile(r"\bdefaults?\b|\byou think (?:is|are) best\b|\byou (?:recommend|suggest)\w*|\brecommended\b|\bsuggested\b|建议的|推荐的|按(?:你的|照)?(?:建议|推荐)", re.I)
# How many epochs, asked ("训几遍合适", "跑几轮比较好?"; not "跑几轮看看": a few, tried).
_HOW_MANY_EPOCHS = re.compile(r"(?:训练?|跑|练)几(?:遍|轮)(?:才|比较|更)?(?:合适|好|够|对)|(?:训练?|跑|练)几(?:遍|轮)\s*(?:呢|啊|呀)?\s*[?？]")
_VALUE_ASKED = re.compile(r"^\W*(?:epochs?|lr|learning rate|batch(?: size)?|rank|轮数|学习率)\s+(?:for|on|with)\s+\d|配(?:一下|下|个|一套)|(?:咋|怎么|如何|该怎么|该咋)(?:配|定)|\bpropose\b|怎么设|多少|几个|几轮|多大|怎么设|设成?什么|用什么|哪个值|how many|how much|what (?:lr|learning rate|batch|epochs?|rank)|"
                          r"which (?:lr|learning rate)|recommend|suggest|advice|建议|推荐|what should|what number|instead", re.I)
# The settings the advice gives, by their names in trainers and in words ("n_epochs", "batch_size", "学习率").
_SETTINGS_ASKED = re.compile(r"推荐|建议|怎么设|咋设|(?:咋|怎么|如何)配|设(?:成)?多少|多少合适|\bwhat should\b|\brecommend\b|\bsuggest\b|\badvise\b|"
                             r"\bgive me (?:a |an |some )?(?:[\w-]+ ){0,3}(?:config|configuration|settings|hyper-?param\w*)\b|\bgive me the (?:optimum|optimal|best|right|ideal|recommended) (?:epochs?|lr|learning[- ]rate|batch)", re.I)
# A setting's value asked for in so many words and nothing else: "What learning rate should be used?", "batch size - what should I
# use?", "LR? lora.", "Tuning recipe for 8000 rows?" (in Chinese, "学习率应该被设成多少比较合适?", it is _WHICH_VALUE's)
_SETTING_NAME = r"(?:lr|learning[- ]rate|epochs?|epoch count|number of epochs|batch(?:[- ]?size)?|rank)"
# How a value of the advice is reached, asked: "建议参数里的 batch size 是按啥算出来的?", "how is the batch size worked out?"
_HOW_DERIVED = re.compile(r"(?:按|根据|依据|凭)(?:啥|什么|哪些?)[^,，。;；?？!！]{0,12}(?:算|定|得|出)|怎么(?:算|定|得)出来的|是如何(?:算|计算|得出|确定)|"
                          r"\bhow (?:is|are|was|were|do you|does (?:it|the \w+)) [^?]{0,40}\b(?:calculated|computed|derived|worked out|decided)\b|\bbased on what\b", re.I)
_SETTING_ONLY_ASKED = re.compile(
    rf"^\W*(?:what|which)\s+(?:[\w-]+\s+){{0,2}}?{_SETTING_NAME}\s+(?:should|would|do)\s+(?:i|we|you)?\s*(?:be\s+)?(?:use[d]?|set|pick(?:ed)?|go with|recommend)\b[^?]{{0,20}}\?\s*$|"
    rf"^\W*{_SETTING_NAME}\s*[-—:,]\s*what (?:should|do|would) (?:i|we) (?:use|pick|set|go with)\b[^?]{{0,20}}\?\s*$|"
    rf"^\W*{_SETTING_NAME}\s*(?:for\s+)?[?？]?\s*(?:q?lora|full(?:[- ]fine-?tun\w*)?|全参|全量)\s*[?？.。]?\s*$|"
    r"\b(?:tuning|training|fine-?tuning) recipe for\b", re.I)
# What the product can do, asked: "Can you do perplexity scoring at all?", "Can it read Windows paths like C:\\Users\\…?",
# "Can you train directly on PDFs?", "你们支持带反斜杠的路径吗?比如 C:\\…"
_ABILITY_ASKED = re.compile(r"^\W*(?:can|could|does|do) (?:you|it|this|the (?:app|tool|assistant))\b[^?]{0,60}\bat all\s*\?|"
                            r"^\W*(?:can|could|does|do) (?:you|it)\b[^?]{0,50}\b(?:like|such as|e\.g\.?|for example)\s+\S+\s*\?\s*$|"
                            r"^\W*(?:can|could) (?:you|it) (?:train|read|open|handle|use) (?:directly )?(?:on |from )?(?:pdfs?|word (?:docs?|files?)|docx|images?|audio|scans?)\b[^?]{0,20}\?\s*$|"
                            r"支持[^。?？]{0,30}吗\s*[?？]?\s*(?:比如|例如|像)", re.I)
_SETTING_WORDS = re.compile(r"epoch|(?<![a-z])lr(?![a-z])|learning[ _-]?rate|batch|学习率|轮数|批大小|超参|hyper-?param", re.I)
# "过一眼,啥格式、有没有重复的": what format the file is in is read by a look (which reports duplicates too), not a check.
_WHAT_FORMAT = re.compile(r"\bformat (?:look|seem)s? (?:usable|ok|okay|right|fine|good|correct|alright)\b|格式(?:能用|可以用|行不行|能不能用)|啥格式|什么格式|哪种格式|格式是(?:啥|什么)|(?:格式|format)\s*(?:对不对|对吗|正不正确|是否正确|有没有问题|ok吗|没问题吧)|"
                          r"\bwhat format\b|\bwhich format\b|\bwhat'?s the format\b|\bformat (?:is )?(?:right|correct|ok|okay)\b", re.I)
# "Quick look … Don't change anything": a look that must not write (the check writes a cleaned file).
_LOOK_ONLY = re.compile(r"\bdon'?t (?:change|modify|touch|write) anything\b|\bread[- ]only\b|\bquick look\b|\bglance\b|\bpeek\b|"
                        r"只看|不要改|别改|不用改|过一眼|瞄一眼|看一眼", re.I)
_RESUME_STOPPED = re.compile(r"\b(?:told|asked|had) you to (?:stop|kill|halt|pause)\b[^?]{0,80}?(?:\bstart (?:it|that|the run) back up\b|\bresume\b|\bcarry on\b|\bpick (?:it|that) back up\b)|"
                             r"(?:停了|停掉了?|停下了?|暂停了?|中断了?|挂掉了?|挂了|断了|断掉了?)的[^?？!！]{0,12}?(?:接着|继续)(?:让它|让他|给它)?\S{0,3}(?:练|训|跑|学|整)|"
                             r"(?:停电|断电|断掉|断了|中断了|挂了|崩了)[^?？!！]{0,40}?(?<!别)(?<!不要)(?<!不)(?:接着|继续)\S{0,10}(?:练|训|跑|整)|\b(?:power (?:went out|cut)|outage|crash(?:ed)?|reboot(?:ed)?|died)\b[^?]{0,60}\bget\b[^.?!]{0,30}\b(?:going|running) again\b|\b(?:continue|resume|restart|carry on)\b[^.!?]{0,20}\bfrom where (?:it|we|you) (?:stop\w*|left off|broke|died|crashed)\b|(?:继续|接着|恢复)\S{0,6}(?:停掉|停下|中断|中止|终止|暂停|断掉|挂掉)(?:了)?的|\b(?:resume|continue|restart|carry on with)\b.{0,24}\b(?:stopped|paused|killed|halted)\b|"
                             # "Yesterday I had to stop the training … continue it from where it left off?", "刚才停了那个 run,接着 train 下去":
                             # the stop is the story, carrying on is the request
                             # "之前被暂停的训练任务需要被恢复", "前番中辍(中断),今可续之": a passive or bare stop, then the resume
                             r"(?:停了|停掉了|停掉的|(?:刚|刚才|之前)停(?:掉|下)?的?那|断了|挂了|中断了|崩了|被(?:暂停|停掉|停止|中断|终止)(?:了)?的?|中断(?=\s*[,，])|(?:中止|终止|\bstop\s*掉)(?:了)?的|"
                             r"\b(?:had to stop|stopped|died|crashed|was killed|got killed|already stop(?:ped)?|(?:training|run|job) stop(?= because| since| due to| when| after| in the middle))\b).{0,120}?"
                             r"(?:接着|继续|恢复|重新接上|接上|\b(?:continue|resume|pick (?:it |the \w+ )?(?:back )?up|get it going again|carry on)\b)", re.I)
# A stop said first, in the first clause ("请先把当前的训练停掉,…继续跑下去就没意义了", "紧急: 终止训练任务 c4e9a1"): the stop is the
# request; carrying on is only the reason
_STOP_FIRST = re.compile(r"^\W*(?:[^,，。\n:：]{0,6}[:：])?\s*(?:[A-Za-z0-9][\w.-]*\s*)?(?:请|先|快|赶紧|麻烦|马上|立刻)*\s*(?:把[^,，。\n]{0,16})?"
                         r"(?:停掉|停止|终止|停下|中止|叫停|\b(?:kill|stop|terminate|halt|abort)\b)(?![^,，。\n]{0,8}(?:的|了的))", re.I)
# A start verb for a run ("kick off", "开跑"), and the words that say a run is meant at all.
_START_VERB = re.compile(r"\bgo ahead and (?:fine-?tune|train)\b|\b(?:want|let|get) the model (?:to )?learn (?:it|this|them|that)\b|\blet'?s (?:finally )?(?:train|fine-?tune)\b|\bkick (?:off|it off)\b|\bstart\b|\blaunch\b|\bfire (?:up|off)\b|开始|开跑|开训|启动|跑起来|走起", re.I)
_TRAIN_WORD = re.compile(r"训|练|train|fine-?tun|微调|\blora\b|\bsft\b|\brun\b|跑|epoch|(?<![a-z])lr(?![a-z])|学习率", re.I)
_DATA_MAKERS = ("add_cot", "add_few_shot", "augment_instructions")
_MAKES_DATA = re.compile(r"(?<![a-z])cot(?![a-z])|思维链|chain[- ]of[- ]thought|few[- ]?shot|示例|增强|augment|改写|rephras|reword", re.I)


# Asking to be told, not for a tool: "could you explain …", "能讲讲…".
# "Give me a short rundown of over-fitting and forgetting": a topic told about, not a run's figures.
# The quality check asked for by name: "过一遍质量", "查一下质量", "run the quality check".
_QUALITY_ASKED = re.compile(r"(?:过|查|检查|看)(?:一遍|一下|下)?质量|质量(?:检查|过一遍|把关)|\b(?:run|do)\b[^.,;?!]{0,20}\bquality (?:check|control|pass)\b|\bcheck (?:the |its |their )?quality\b", re.I)
# A flaw of the data asked about: "有没有重复的", "any empty answers?"
_FLAW_ASKED = re.compile(r"\bhow clean\b|\b(?:if|whether) (?:it'?s|it is|the data is|they'?re|the file is) (?:really |actually )?clean\b|有没有\S{0,6}(?:重复|空的?|乱码|冲突|矛盾|太短|过短)|\bany (?:dup\w*|duplicates?|empty|blank|garbled|conflict\w*)\b", re.I)
_RUNDOWN = re.compile(r"\brundown\b|\boverview\b|\bprimer\b|\bexplainer\b|科普|介绍一下", re.I)
_EXPLAIN_VERB = re.compile(r"\brundown\b|\boverview\b|\bprimer\b|\bbrief me\b|科普|\bexplain|\btell (?:me|us)\b|\bdescribe\b|\bwalk (?:me|us) through\b|\bclarify\b|解释|讲讲|讲一下|说说|说一下|介绍|说明", re.I)
_THINK_ABOUT = re.compile(r"\bwalk (?:me|us) through\b|\bhow do (?:you|people|folks) (?:pick|choose|decide|set|determine)\b|\binterpret\w*\b|\bwhat does .{1,40} measure\b|\b(?:way|how) to (?:think|reason) about\b|\bhow (?:do|should) (?:i|we|you) think about\b|(?:怎么|如何)(?:理解|看待|考虑)", re.I)
# A stop verb opening the message ("Halt X; …", "停掉 X,…"), and one aimed at a run id.
_STOP_OPENS = re.compile(r"^\W*(?:halt|stop|kill|abort|cancel|terminate)\b|^\W*(?:停掉|停止|终止|叫停|中止|停(?:了|下|下来)?吧)", re.I)
_TRAIN_FIRST = re.compile(r"(?:^\W*|^\W*(?:拿|用|在)\s*FILE\s*(?:来|上)?\s*)(?:(?:炼|训|练|跑)(?:一|个)?(?:版|个|轮|下)|跑(?:个|一个|一下)?训练)", re.I)  # "拿 FILE 训一版看看"
# "拿这个清洗完的训练,5轮": the data at hand, then train, opening the message
_TRAIN_WITH_THIS = re.compile(r"^\W*(?:拿|用)\s*(?:这个|这份|FILE)[^,，。;；]{0,8}?(?:来)?(?:训练|训|微调)(?![练]?(?:集|数据|样本))")  # "拿 FILE 训一版看看"
_TRAIN_OPENS = re.compile(r"^\W*(?:please\s+)?(?:fine-?tune|finetune|train|start training|kick off (?:a |the )?(?:run|training)|微调|训练一下|开始训练|开训)\b|^\W*训练\s+(?=FILE\W*$|\S+\.(?:jsonl|json|csv|xlsx)\W*$)", re.I)
_STOP_RUN = re.compile(r"(?:停掉|停止|停下|\b(?:stop(?:ping)?|kill(?:ing)?|halt(?:ing)?|abort(?:ing)?|cancel(?:l?ing)?|terminat(?:e|ing))\b)\s*(?:(?:the\s+)?run\s*)?[A-Za-z0-9][\w-]*\d|"
                       # "Would it be alright if we stopped lora-r16-test?": a stop asked leave for
                       r"\bif (?:we|i|you) (?:stopped|killed|halted|cancell?ed|aborted)\s+(?:the\s+)?(?:run\s*)?[A-Za-z0-9][\w-]*\d|"
                       # "run lora-r8-v2 is to be terminated immediately": the run said to be stopped
                       r"\b(?:run|job)\s+[A-Za-z][\w-]*\d\w*\s+(?:is to be|should be|must be|needs to be|has to be|to be)\s+(?:stopped|killed|halted|terminated|shut down|cancell?ed|aborted)\b|"
                       # "Our group would like run X stopped, please": the run wanted stopped
                       r"\b(?:want|like|need|get|have)\s+(?:the\s+)?(?:run\s+|job\s+)?[A-Za-z][\w-]*\d\w*\s+(?:stopped|killed|halted|shut down|cancell?ed|aborted)\b|"
                       # "tea_ft_v2 先停 店里来客人了": the run named first, then told to stop (not "X 停了", told stopped)
                       r"(?:^|(?<=[:：,，;；]))\s*[A-Za-z][\w-]*\d\w*\s*(?:(?:先|就|赶紧|马上|立刻)\s*|\s(?=停\s))停(?:掉|下|一下)?(?!了(?!吧))(?![车止])", re.I)
# The tuned model against its base, once the run is over: "better than base or not", "和基座比".
_VS_BASE = re.compile(r"\bthan (?:the )?(?:base|original|untuned|old)(?: one| model)?\b|\bstack(?:s)? up against\b|\bthe stock model\b|比基座|(?:和|跟|与)(?:原来的|原始的?)?基座(?:模型)?(?:相比|比)|(?:和|跟|与)(?:原来的?|原始的?|原)(?:模型|model)(?:相比|比|对比)|(?:和|跟|与)基座(?:模型)?对比|\bvs\.? base\b|\bagainst (?:the )?(?:base|original)(?: model)?\b|\bcompared (?:to|with) (?:the )?(?:base|original)\b", re.I)
_HOW_GOOD = re.compile(r"\bhow good (?:is it|it is)\b|\bhow (?:good |well )?did\b[^.?!,]{1,40}\bturn out\b|\bhow (?:did|well did) it do\b|\bis (?:it|the \w+(?: \w+)?) (?:any|actually|really) good\b|效果(?:咋样|怎么样|如何)|好不好用", re.I)
# "training finished! evaluate it, did it actually learn anything?": the evaluation asked for before the question
_EVALUATE_IT = re.compile(r"(?:^|[,.!;，。!！；]\s*)(?:please\s+|now\s+)?(?:evaluate|eval|score|test) (?:it|this|that|the (?:run|model|new model))\b|"
                          r"(?:^|[,，。!！；;]\s*)(?:请|帮我|麻烦)?(?:评估|评测|测评)(?:一下|下)", re.I)
# What the person wants to know, said as a want: "我就想知道…", "I just want to know if …"
_WANT_TO_KNOW = re.compile(r"我就?只?想知道|\bi (?:just |only )?(?:want|need) to know\b", re.I)
# Words of a run: without any, a stop read from "停了" stops something else ("港口全停了").
_RUN_NOUNS = re.compile(r"训练|训|练|\brun\b|跑|任务|\bjob\b|实验|模型|进程|lora|微调|它|这个|那个|当前|\btraining\b|\bmodel\b|\bit\b", re.I)
# Teaching the model, in a newcomer's words: "begin the teaching of the model with FILE", "开始教这个模型".
_TEACH = re.compile(r"\b(?:begin|start)\w*\s+(?:the\s+)?teaching\b|开始教(?:这个|一下)?(?:模型|机器人|机器)|"
                    # "make bot learn file pls", "let's make the robot study our file", "机器人学这个", "让机器开始学吧"
                    r"\bmake (?:the )?(?:bot|robot|model|ai)\s+(?:learn|study|memori[sz]e)\b|(?:让|叫)?(?:机器人|机器|模型)(?:开始)?(?:学|背)(?:这个|一下|吧|起来|习)", re.I)
_DID_LEARN = re.compile(r"^\W*(?:so\W+)?did (?:run |the run |my run |the model |it )?\S*(?: \S+)? (?:actually |really |even )?(?:learn|forget|pick up)\b|学到了没|学会了(?:吗|没)", re.I)
_LEARNED_ASKED = re.compile(r"学成啥样|学得怎么样|学到(?:了)?(?:啥|什么|没)|跟(?:没学之前|原来的?|基座|base)[^,，。]{0,6}比", re.I)
# What a finished run learned and what it lost, asked ("what has it learned, and what has it lost?", "学了几分本事、丢了几分", "所得与所失").
_GAINED_LOST = re.compile(r"\bwhat(?: (?:has|have|did)|'d) (?:it|the run|the model|they|she|he) (?:learn(?:ed|t)?|lose|lost|forg[eo]t(?:ten)?|leave|left)\b|"
                            r"学(?:了|到了?)(?:几分|多少|什么|啥)|(?:丢|忘)(?:了|掉了?)(?:几分|多少|什么|啥)|所得与所失|所学几何|所忘几(?:何|许)", re.I)
# A run said finished in other words ("is complete", "出炉了", "既成"), read only with what it learned asked.
_RUN_OUT = re.compile(r"\bis complete\b|\bmade it (?:to|home|through)\b|出炉|既成|已成", re.I)
_RUN_DONE = re.compile(r"\b(?:finished|done|completed|over|succeeded|adapter (?:is )?ready)\b|训完|跑完|训练完|练完|结束了|完成了", re.I)
# What the assistant's tools do to files: a question about them is about our actions.
_OUR_ACTIONS = re.compile(r"delet|drop|remov|删|sav|存|放哪|overwrit|覆盖|原文件|original|convert|转|\bfiles?\b|文件|dedup|去重", re.I)
# Where a stopped run carries on from, or a stopped one made to go on: a resume whatever verb goes with it.
_RESUME_FROM = re.compile(r"\b(?:from )?where (?:it|we|you|they) (?:stop\w*|left off|broke|died|crashed)\b|\bpick(?:ing)? \S+ back up\b|从(?:断|停|挂|中断|崩)(?:掉|了)?的(?:地方|位置|那里)|从断点|"
                          r"\b(?:stopped|died|crashed|broke)\W+(?:please\s+)?make it (?:go on|keep going|continue)\b", re.I)
_RESUME_VERB = re.compile(r"\bun-?paus\w*|\bresuming\b|\brespawn\w*|\bfrom (?:the |its |my )?(?:last|latest) (?:checkpoint|save)\b|从(?:存档点?|检查点|断点|checkpoint)\S{0,2}复活|自断处续|(?:从存档点?|从检查点)?(?:接着|继续)刷|(?<=\w)\s+继续\W*$|从断处|(?:接着|从)(?:之前|上次|刚才)?的?(?:断点|检查点|checkpoint)\s*(?:训|跑|练|继续|续)|自\s*(?:检查点|断点|checkpoint|ckpt)\s*(?:续|继续|接着|恢复)|续行|从(?:上次的?|最近的?|最新的?|之前的?)?存档(?:处)?(?:继续|接着|恢复)|\b(?:want|need|get)\s+(?:it|that|this|run\s+\S+)\s+resumed\b|(?:接着|继续|重新点上\S{0,2})炼|接着上(?:课|吧)|续(?:一下|下|上)(?![\u4e00-\u9fff]{0,2}(?:数据|文件|样本))|\bfrom where (?:it|we|you|they) (?:stop\w*|left off|broke|died|crashed)\b|"
                          r"从(?:断|停|挂|中断|崩)(?:掉|了)?的(?:地方|位置|那里)|(?:接着|继续)\s*从\s*(?:checkpoint|ckpt|断点|检查点)\S{0,4}?(?:跑|训|练|开始)|(?:接着|继续|从)\S{0,4}?(?:停|断|挂)(?:下|掉)?(?:了)?的(?:地方|位置|那里|那儿)|从断点|断点续|\bmake it (?:go on|keep going|continue)\b|"
                          r"\bget (?:it|my training|the training|the run|training|my run) (?:going|running|learning|training) again\b|\bstart (?:it|that|the run|\S*\d\S*) back up\b|接着整|继续整|\brestart\b[^.!?]{0,30}\bfrom (?:the |its |a )?(?:last |latest |most recent )?checkpoint\b|恢复|续训|续跑|接着\s?跑|继续\s?跑|接着\s?训|继续\s?训|接着炼|继续炼|接着练|继续练|接着学|继续学|重新接上|\bcarry on\b|\bresume\b|(?<=[\u4e00-\u9fff])resume(?![A-Za-z])|\bbe resumed\b|\bpick (?:it |the \w+ )?(?:back )?up\b|\bbring (?:back\b|(?:it|that|the run|\S*\d\S*) back\b)", re.I)
# How a run is doing, asked: "where's it at", "它现在多少", "how far along".
_STATUS_ASKED = re.compile(r"到多少了|跑到多少|到多少步|\bwhere'?s it at\b|\b(?:where|were) is my (?:run|training|job) at\b|是不是(?:已经)?(?:跑|训|练)完了|(?:跑|训|练)完了(?:没有?|吗)|^\W*(?:(?:so|hey|hmm|ok),?\s+)?(?:is|are) (?:my |our |the |it |that |this )?(?:[\w-]+ )?(?:thing |run |job )?(?:[\w-]*\d[\w-]* )?still (?:cooking|baking|running|going|training|chugging|crawling|plodding|grinding)\b|\bhow are we doing on (?:our|the|my) (?:run|training|job)\b|\bwhat'?s (?:actually |really )?going on with (?:it|this|that|the run)\b|\bwhere is it (?:at|now)\b|\bhow far (?:along|is it)\b|\bwhat'?s (?:its|the) (?:loss|step|progress)\b|"
                           r"(?:你)?先看(?:看|一下|下)\S{0,4}(?:现在|目前)|(?:现在|目前)(?:到)?(?:多少|哪了|第几步|怎么样)|进度(?:如何|怎样|多少)|(?:训练?|练|跑)到(?:哪|那)(?:里了|了|儿了|一步了|一步)|"
                           # "how much time remains on RUN", "how long RUN has left", "还要跑多久", "still need how much time"
                           r"\bhow (?:much (?:time|longer)|long)\b[^?.!]{0,40}\b(?:remains?|left|to go)\b|\bhow much (?:time )?(?:remains|is left)\b|\bstill need how (?:much time|long)\b|"
                           r"还(?:要|得|需要)(?:跑|训|练)?多(?:久|就|长时间)|还剩多(?:久|少时间)|\bhows? the run\b|\bhow long more\b|\bhow much more time\b|"
                           r"\bhow many (?:more )?(?:minutes|mins|hours|hrs|steps|epochs)\b[^?]{0,20}\b(?:left|remain\w*|to go)\b|还(?:要|剩|得)多少(?:分钟|小时|步|时间)", re.I)
# A run asked about as alive or stuck: "is RUN doing anything", "RUN 还在跑吗", "卡住了吗".
# The model told to learn the data: "you, model, learn this file", "you're going to learn FILE", "study FILE", "把 FILE 背熟了"
_TOLD_TO_LEARN = re.compile(r"(?<!\bi )(?<!\bwe )(?<!\bwant to )(?<!\bneed to )(?<!\blike to )(?<!\bhow to )(?<!\bwanna )\b(?:learn|study|memori[sz]e)\s+(?:this (?:file|data|dataset)|FILE|the (?:file|data|dataset)|it by heart)\b(?!\s*(?:format|type|structure|layout))|"
                            r"(?:把|给我把)\s*(?:FILE|这份\S{0,2}|这个文件)\s*(?:给我)?(?:背熟|背下来|学透|学会|吃透)", re.I)
# A run put to the test: "test barn-ft-2", "quiz run-7", "来场期末考", "看看成绩单", "report card"
_EXAMINED = re.compile(r"^\W*(?:test|quiz|grade|exam)\s+(?:run\s+)?[A-Za-z]*[\w.-]*\d|\b(?:score|grade|mark)\s+(?:it|that one|this one)\b|期末考|考一?考|考试|成绩单|\breport card\b|\bput (?:it|\S*\d\S*) to the test\b", re.I)
# Whether a run is done, asked: "did it finish?", "has run-7 completed", "跑完没有", "训练完了吗"
_DONE_ASKED = re.compile(r"\b(?:did|has|is)\s+(?:it|the run|the training|the job|\S*\d\S*)\s+(?:already\s+|finally\s+)?(?:finish(?:ed)?|(?:been\s+)?done|complete[d]?|end(?:ed)?)\b|"
                         r"\b(?:finished|done) yet\b|(?:跑|训|练|训练|训连)(?:完|好)了?\s*(?:没有?|吗|么|马|嘛)|"
                         r"^\W*did\b[^?.!]{0,40}?\b(?:finish|complete|end)(?:ed)?\s*\?|^\W*(?:run\s+)?[A-Za-z][\w-]*\d[\w-]*\s+(?:done|finished)\s*\?\s*$|"  # "Did last night's run, run-0611n, finish?"
                         r"\b(?:isn'?t|is|shouldn'?t|should)\s+(?:it|the run|\S*\d\S*)\s+(?:be\s+)?(?:supposed to be\s+)?(?:done|finished)\b", re.I)
_RUN_ALIVE = re.compile(r"\bdoing anything\b|\bstill (?:running|going|alive|training)\b|\bstuck\b|\bhung\b|\bfrozen\b|\bdead\b|"
                        r"\bheating the room\b|还在跑|在跑吗|卡住|卡死|动了吗|还活着", re.I)
# A reminder asked for a decision not yet made: nothing is done now ("明天提醒我…停不停", "remind me to decide whether to stop RUN")
_REMIND = re.compile(r"提醒我|\bremind me\b", re.I)
_UNDECIDED = re.compile(r"停不停|要不要|是否|决定|别动|先不动|\bwhether\b|\bdecide\b|\bdon'?t touch\b|\bleave it\b", re.I)
# A named run asked to go on, as a question: "run-7f3a 能接着跑吗", "可以继续训 X 吗" (not "还能接着跑吗": whether it could)
_GO_ON_ASKED = re.compile(r"(?<!还)(?:能|可以|能不能)(?:接着|继续)(?:跑|训练?|练)(?:吗|嘛|么|\b)|(?<!还)(?:能|可以)续上(?:吗|嘛)")
# Put off for later, nothing asked now: "回来再说", "算了,明天再说", "I'll deal with it later".
_LATER = re.compile(r"回来再说|晚点再说|明天再说|下午再说|以后再说|改天再说|先这样吧|\b(?:i'?ll|we'?ll) (?:deal with|look at) it later\b|\btalk later\b", re.I)
# What a thing is for: "是干什么用的", "有啥用", "what is identity.json for?".
_PURPOSE = re.compile(r"是(?:拿来)?干(?:什么|啥|嘛)(?:用)?的|\bis for what\b|^\W*what(?:'s| is) (?:the |this |that |an? )?FILE\b(?! look| have| contain)|是做(?:什么|啥)(?:用)?的|(?:有|是)(?:什么|啥)用|用来干(?:嘛|啥|什么)|"
                      r"\bwhat(?:'s| is| are)\s+(?:the\s+)?\S+(?:\s+file)?\s+(?:for|used for)\b\W*$|\bwhat does\s+\S+\s+do\b", re.I)
# Readings a concept question may be mistaken for: nothing, or a look at a run or a file.
_LOOKS = ("", "training_status", "inspect_dataset", "evaluate_run", "resume_training")
# Any sign of a question: an opener with one is answered, not taken for "look at my upload".
_ASKS = re.compile(r"[?？]|什么|啥|怎么|如何|为什么|吗|解释|讲讲|\b(?:what(?! i(?:'ve)? (?:have|got))|how|why|which|when|explain|tell me)\b", re.I)
# Slang for a run ("pull the plug", "nuke it") may hold no word of our domain; offering it is safe
# (nothing runs until the user says yes, and then only as a pending action).
_SLANG_OK = ("stop_training", "start_training", "resume_training", "training_status")





# Undoing a stop is a resume: "undo the stop on the run I just killed", "stopped run-0802 by accident. Undo that, let it carry on".
_UNDO_STOP = re.compile(r"\bundo (?:the|that|my) (?:stop|kill)\b|\b(?:stopped|killed) \S+ by (?:accident|mistake)\b.{0,40}\bundo\b|"
                        r"(?:误|不小心)(?:停|关)(?:掉|了)[^。]{0,30}(?:撤销|恢复)|撤销(?:一下)?(?:刚才的)?停止", re.I)
_SCORE_RUN = re.compile(r"打个?分|评个?分|打分|\bscore\b|\bgrade\b|\brate\b|成绩", re.I)
# "Grade the finished job for me: did it absorb anything, did it shed any general smarts?": a finished run's report.
_GRADE_DONE = re.compile(r"\b(?:grade|score|rate|assess|judge) (?:the|my|our|that) (?:finished|last|latest|completed|done) (?:job|run|training|model)\b", re.I)
# The user's own ("our new model", "我的模型"): a question about it asks about their run, not a concept.
_MINE = re.compile(r"\b(?:our|my)\b|\bfor me\b|我的|我们的|帮我|\bthe (?:model|bot)\b.{0,30}\bnow\b|"
                   r"\bhow did (?:the|that|this) (?:\w+ )?(?:run|training|job|model) (?:do|go|turn out)\b", re.I)  # "how did the finished run do?"
# "how run faq-lora-3 is coming along", "how's the run from this morning looking?": a run's progress asked in other words
# A named run's state asked in so many words ("现在是啥情况", "how it's doin", "where my run at").
_RUN_STATE_SAID = re.compile(r"(?:现在|目前)?(?:是)?(?:啥|什么)情况|(?<!会)(?:怎么样|咋样|如何)了|到哪(?:了|儿了|一步了)|^\W*(?:status|progress|state) (?:of|on|for) (?:the )?(?:job|run)\b|"
                              r"\bhow(?:'s| is)? (?:it|she|he|that|this|the run|the job) (?:doin|doing|going|looking|lookin)\b|\bwhere(?:'s| is)? (?:my|the|our) (?:run|job) at\b", re.I)
_VALUES_ASKED_FOR = re.compile(r"\b(?:what(?:'s| is| are)|tell me|set me up with|give me|gimme|hit me with|i need|we need)\s+(?:the |an? |some |my |our )?"
                               r"(?:epochs?|lr|learning[- ]rate|batch(?: size)?)\b|(?:轮数|学习率|批大小|epoch)[^,，。]{0,12}给(?:个|我)?(?:数|值|建议)", re.I)
# How the file just handed over looks, asked: "What does it look like?", "这份长啥样?"
# …or its shape: "Here's the Q&A our team put together, what columns does it have?", "how many rows are in this one?"
_ITS_LOOK_ASKED = re.compile(r"\bwhat (?:does|do) (?:it|this|that|they|these|the (?:file|data|sheet|spreadsheet|export)) (?:actually |even )?look like\b|(?:这份|这个|它|这些)(?:数据|文件|表)?(?:长|是)(?:啥|什么)样|"
                             r"\bwhat (?:columns|fields|sheets|tabs|keys|headers)\b[^?.]{0,20}\b(?:does|do|is|are)\b[^?.]{0,12}\b(?:it|this|this one|that|the file)\b|"
                             r"\bhow many (?:rows|records|samples|entries|columns)\b[^?.]{0,20}\b(?:in (?:it|this|here|there)|does (?:it|this) have)\b|"
                             # "Attached is the casting log Q&A. What is in it?", "just tell me how many rows and what columns it has"
                             r"\bwhat(?:'s| is) in (?:it|this|there|this one|the file)\s*\?|\bwhat (?:columns|fields|sheets|tabs) (?:it|this|that) (?:has|contains)\b", re.I)
_HOW_RUN = re.compile(r"\bhow(?:'s| is)?\b[^?.!]{0,40}\b(?:run|training|job)\b[^?.!]{0,40}\b(?:coming along|looking|shaping up|getting on)\b|"
                      # "How goes run scr-1147?", "how does run count-1313 fare in the darkness?"
                      r"\bhow goes (?:the |my )?(?:run|job|training)\b|\bhow (?:does|is|did) (?:the |my )?(?:run|job)\b[^?.!]{0,30}\bfar(?:e|es|ing|ed)\b|"
                      r"\bhow(?:'s| is)\s+the one (?:from|i started|we started|you started)\b[^?.!]{0,30}\b(?:doing|going|looking)\b|"
                      r"\bhow(?:'s| is)\s+(?:run|job)\b[^?.!]{0,30}\bdoing\b|"
                      r"\b(?:is|has) (?:the |my |our )?(?:training|run|job|fine-?tun(?:e|ing))\b(?: run)? (?:almost |nearly |about |already )?(?:done|finished|over|complete)\b(?! (?:with|by)\b)", re.I)  # "How's run number seven doing... run-7 I mean"
_BEFORE_TRAINING = re.compile(r"^\W*(?:before (?:we|i|you) (?:train|start training|fine-?tune|kick off)[^,，;；]{0,60}|"
                              r"(?:训练|开训|微调)(?:之)?前[^,，;；]{0,30}|在(?:训练|开训|微调)(?:之)?前[^,，;；]{0,30}|"
                              # "今晚十点前要提交训练任务,帮我…": a deadline, then the ask
                              r"[^,，;；]{0,8}(?:点|号|天|周[一二三四五六日天]?|月底|下班)(?:之)?前[^,，;；]{0,24}|\b(?:by|before) (?:tonight|tomorrow|friday|monday|eod|noon|\d{1,2} ?(?:am|pm))[^,，;；]{0,40})[,，;；]\s*", re.I)


# "… before we train on it", "…,训练之前": the clause says when, the ask comes before it.
_BEFORE_TRAINING_AFTER = re.compile(r"[,，]?\s*(?:\bbefore (?:we|i|you) (?:train|start training|fine-?tune|kick off)\b[^,，;；.。]{0,60}|(?:在)?(?:训练|开训|微调)(?:之)?前)\W*$", re.I)
# A tool's output pasted first ("Inspect said: `…`.", "「转换完成:…」好的,", "`skipped 41 rows` — wow ok."): the ask follows it.
_PASTED = re.compile(r"^\W*(?:[\w ]{0,24}?(?:said|says|shows?|showed|printed|output|returned|gave|reported|回复|显示|输出|返回|提示|报告说|说)\s*[:：]?\s*)?"
                     r"(?:`[^`\n]+`|「[^」\n]+」|“[^”\n]+”)\s*(?:[.。,，!！—–-]|\s)*(?:(?:wow|ok|okay|good|great|nice|cool|hmm|好的|好|行|嗯|哦)\W*)*(?:now|then|so|那|再)?\s*", re.I)


_SENTENCES = re.compile(r"(?<=[。!！?？;；])|(?<=[^\d\s][.!?])\s+")
# A list's item markers at a line's start ("1.", "2)", "- "): a list is read by the planner, not as a story.
_LIST_LINE = re.compile(r"(?:^|\n)\s*(?:\d{1,2}[.)、]|[-•·*])\s")


def _story_tail(text: str) -> tuple[str, bool | None] | None:
    """(last sentence, True for a request, False for a question, None for a statement) of a long message that tells a
    story first, when nothing before the last sentence asks for anything: a request ("…被吐槽了。…名字用“暖暖助手”,
    帮我填上。"), a question, or what is to be done said as a statement ("…所以想现在就开始训练,轮数就按 8 轮来吧")."""
    if len(text) + len(rx.findall(r"[\u4e00-\u9fff]", text)) < 60 or len(_LIST_LINE.findall(text)) >= 2:
        return None  # (a Chinese character counts twice: "上次训出来…气死我了。给 FILE 生成500条…" is a long message)
    sentences = [s for s in _SENTENCES.split(text) if s and s.strip()]
    while len(sentences) > 2 and _COURTESY.fullmatch(sentences[-1].strip()):
        sentences.pop()  # "… could you evaluate it for me? Thank you kindly.": the thanks after the ask asks nothing
    if len(sentences) < 2 or len(sentences[-1].strip()) < 8:
        return None
    last, earlier = sentences[-1], sentences[:-1]
    if any(acts.is_request(s) or acts.opens_with_command(s) or rx.search(r"[?？]", s) for s in earlier):
        return None  # "Could you recommend …? Please show the arithmetic": the ask came first
    if acts.is_request(last) or acts.opens_with_command(last):
        return last, True
    if rx.search(r"[?？]\s*$", last):
        return last, False
    return last, None  # a statement last: it stands for the message only when read as a clear action (see read)


_COURTESY = re.compile(r"\W*(?:(?:really|much|many|thank you|thanks)\s*)*(?:appreciate(?:d)? it|thank you(?: (?:kindly|so much|very much|in advance))?|thanks(?: a lot| so much| in advance)?|"
                       r"cheers|much appreciated|many thanks|谢谢(?:啦|了|你)?|多谢|辛苦(?:了|啦)|麻烦(?:了|你了))\W*", re.I)
_THANKS_FIRST = re.compile(r"^\W*(?:thanks|thank you|thx|cheers|谢谢|多谢|感谢)(?![A-Za-z])[^,，.。!！;；\n]{0,20}?[,，.。!！;；\n]\s*", re.I)
_WANT_LINE = re.compile(r"(?im)^\s*(?:want|need|needs|ask|task|goal|todo|request|要|需要|想要|目标|任务|诉求)\s*[:：]\s*(.+)$")
# "…a story…\nYour one job right now: stop run-0612.", "The one thing to do now: drop …": the line that says what to do now
_NOW_LINE = re.compile(r"(?im)^\s*(?:(?:your |my )?(?:one|only) (?:job|thing)(?: to do)?(?: right)?(?: now)?|the (?:one|only) thing to do(?: right)? now|"
                       r"(?:现在)?(?:只)?要(?:你)?做的(?:一件事|事)?(?:就是)?)\s*[:：]\s*(.+)$")


def pasted_only(text: str) -> bool:
    """Only a tool's output pasted back, with an "ok" after it: no request of its own."""
    pasted = _PASTED.match(text)
    return bool(pasted) and not text[pasted.end():].strip(" ,，.。!！")


# Any word of stopping, plain or slang: a stop read with none of them is a misreading.
_STOP_WORD = re.compile(cues.STOP_IDIOMS + r"|(?:启动|开跑|开训|开始)的\s*(?:RUN|run|训练|任务)?\s*\S{0,20}?\s*撤(?:回|销|掉)|\bsig(?:term|kill)\b|\bkill -(?:9|15)\b|\bcut (?:it|that one|this one|the run|run) off\b|停|终止|中止|中断|取消|撤下|撤掉|掐|砍|干掉|毙|关掉|关了|关火|熄火|别煮了|废了|别(?:再)?(?:跑|训|练)|不(?:要)?(?:跑|训)了|够了|算了|kill(?!\s+(?:you|ya|me)\b)|stop|halt|abort|cancel|terminat|"
                        r"plug|nuke|shut|pause|enough|end (?:it|the|this|that)|call it|wrap (?:it )?up|interrupt|scrap(?![-_]\w)|\bbench\b|\bcease\b|\bcessation\b|ditch|\bbin\b|axe|pull|take (?:\w+ )*down|turn (?:off|down) the (?:heat|stove|burner)|off the (?:heat|stove|burner)", re.I)
# "能直接转成千帆格式吗" with the data at hand: the conversion asked for as a yes-or-no question.
_CAN_YOU_CONVERT = re.compile(r"(?:能|可以|能不能|可不可以|可否|能否)\s*(?:直接|帮我|帮忙|给我)?\s*(?:转成|转为|转换成|转换为)\s*\S{1,12}?\s*(?:格式)?\s*(?:吗|么|不|嘛)?\s*[?？]?\s*$")
# A look said to come later, not asked for now ("后面再评估", "evaluate them later").
_LOOKED_AT_LATER = re.compile(r"(?:后面|以后|之后|回头|晚点|稍后|日后|改天)再(?:评估|评测|看|审|复核)|\b(?:evaluate|assess|review) (?:them|those|it) later\b", re.I)
# A stop word as what a way or a habit does, said in passing ("the fastest way to kill them", "a sure way to kill the mood").
_STOP_SAID_OF = re.compile(r"\b(?:way|ways|how|recipe|method)\s+to\s+(?:kill|stop|end|ruin)\b", re.I)
_ADVICE_ASKED = re.compile(r"给(?:个|点|我|出|一组|一套)?(?:参数|超参|配置)?建议|(?:给|出|拿)(?:出|我|俺)?个主意|(?:您|你)?(?:建议|推荐)(?:怎么|如何)(?:设|配|定)|出(?:个|一组|一套)?(?:参数|超参)?(?:方案|建议)|\b(?:give|get) (?:me |us )?(?:a |some )?(?:recommendation|suggestion)s?\b|\blet'?s get a recommendation\b", re.I)
_RUN_DIED = re.compile(r"\b(?:died|crashed|dead|broke|got killed|went down|oom(?:ed)?)\b|挂了|崩了|死了|断了|中断了|掉了|断电", re.I)
# The run let go on: "让它接着学吧", "let him carry on".
_LET_IT = re.compile(r"让它|让他|\blet (?:it|him|her|them)\b", re.I)
# "hl_run_02 不是要停,我是想看看进度", "not asking you to stop run-4, just want to see how far it got": a stop denied, the run looked at.
_NOT_STOP_BUT_LOOK = re.compile(r"不是(?:要|让你|叫你|想)?(?:停|暂停|终止|中止)(?:它|掉)?[^。;；]{0,12}?(?:想|要)?(?:看看?|查查?|问问?)(?:一下|下)?(?:它的?)?(?:进度|状态|跑到哪|到哪)|"
                                r"\bnot (?:asking you |trying |telling you |wanting |going )?to (?:stop|kill|halt)\b[^.?!]{0,40}\b(?:progress|status|how far|where it is)\b", re.I)
_POWER_CUT = re.compile(r"停了?[^,，。;；\s]{0,5}?电(?![脑池])|停电")
# A run said to be done, and whether it learned asked: "X 训完了!!帮我看看它学到没 跟原来的比比".
_JUDGED_RUN = re.compile(r"学到|学会|比比|对比|比一下|评估|\bcompare|\bvs\.?\b|\blearn", re.I)
# A run left running, not carried on after a stop: "a那个让它接着跑", "let the other one keep going".
_LET_RUN_ON = re.compile(r"(?:就)?让(?:它|他|那个|这个)(?:接着|继续)(?:跑|训|练)|\blet (?:it|that one|the other(?: one)?|[\w-]*\d[\w-]*) (?:keep going|keep running|run on|finish|carry on)\b", re.I)
# A run said to be stopped and waiting: "还停在上次暂停的那个 checkpoint 等着呢", "still sitting there paused at its last checkpoint".
_STILL_PAUSED = re.compile(r"还停在|停在[^,，。]{0,20}(?:等着|等你)|\bstill (?:sitting (?:there )?)?(?:paused|stopped|waiting)\b|\bsitting there paused\b", re.I)
_LEAVING = re.compile(r"(?:先|我|我们|今天|那我)?撤了(?:哈|啊|啦|呀|~|先)?(?=[,，。.!！~\s]|$)|(?:先)?溜了(?:溜了)?|\b(?:i'?m|we'?re) (?:off|out|heading out|logging off)\b|\bgotta (?:go|run)\b|\bsigning off\b", re.I)
_ONLY_WHEN = re.compile(r"\bonly (?:want|wanna|do|run)\b[^.?!]{0,20}\bif\b|\bif (?:it'?s|it is|it takes)\b|只有[^,，。]{0,12}才|的话才", re.I)
# A step that waits on the run's state: "resume run-0702-a but only if it has less than an hour left".
_ONLY_IF_STATE = re.compile(r"\bonly if (?:it|the run|[\w-]*\d[\w-]*)?\s*(?:has|is|'s|still|gets|reaches|hits)\b[^.;!?]{0,40}\b(?:left|remaining|done|finished|loss|epoch|step|past)\b|"
                            r"(?:只要|要是|如果)还?剩(?:不到|不足|少于)?|(?:要是|如果|万一)(?:它)?(?:挂了|停了|崩了|卡住了|断了)(?:的话)?\s*(?:就|再)\s*(?:续|接着|恢复)|"
                            r"\bif (?:it|one)(?:'s| has| is)? (?:died|crashed|stopped|stuck|dead)\b[^.;!?]{0,20}\bresume\b", re.I)
_NOT_A_RUN_STOP = re.compile(r"停(?:电|水|车|课|工|业|运)|(?:比赛|联赛|活动|会议|航班|课|演出|预约|婚礼|讲座)\S{0,6}取消|\b(?:\d+|two|three|four|five|some|several|many) [a-z]+s cancel(?:l?ed)?\b|"
                             r"\b(?:appointments?|fittings?|bookings?|orders?|classes|lessons?|flights?|meetings?|shows?|events?|tours?) "
                             r"(?:got |were |was |have been |had been )?cancel(?:l?ed|s)?\b", re.I)
_NO_RESUME = re.compile(r"(?:别|不要|不用|(?<!要)不)(?:再)?(?:续跑|续训|继续|恢复|接着)|不(?:指望|期待|打算|奢望)[^,，。]{0,10}?(?:续|恢复|继续|接着)|\bdon'?t (?:resume|continue)\b|\bno(?:t)? resum\w*", re.I)
_THANKS = re.compile(r"谢啦|谢谢|多谢|辛苦啦|辛苦了|跟你说一声|(?:跟你|先)?吐(?:个|一下|吐)?槽|发发牢骚|\bthanks\b|\bthank you\b|\bjust venting\b|\bno task\b|\bnothing to do\b", re.I)
# A remark on how things went ("nice, that eval looks way better than last week's 🙌"): nothing asked, nothing to explain.
_REMARK = re.compile(r"^\W*(?:nice|cool|great|wow|awesome|sweet|neat|yay|whoa|lol|haha+|wah|woo+|哈哈+|太好了|不错|牛|赞|厉害|好耶|漂亮|哇|终于)(?:\b|(?=[\u4e00-\u9fff]))", re.I)


# A step asked for by asking why it is not done: "why wouldn't you just add few-shot to every record?", "为啥不直接给每一条都加上…呢?"
_STEP_ASKED_WHY_NOT = re.compile(r"\bwhy wouldn'?t (?:you|we|u)\b|\bwhy can'?t (?:you|u) just\b|为啥不直接|为什么不直接|干嘛不直接|何不", re.I)
# A start said first, in so many words: "开训!…", "start training, …"
_START_OPENS = re.compile(r"^\W*(?:开训|开始训练|开练|开炼|start training|kick off (?:the |a )?(?:run|training)|let'?s train)(?![\w\u4e00-\u9fff])", re.I)
# Which way a setting should go, asked in general: "大点还是小点", "higher or lower", "which matters more".
_DIRECTION_ASKED = re.compile(r"[大高多]一?点还是[小低少]一?点|\bhigher or lower\b|\bbigger or smaller\b|\bmore or less\b|" + acts.DIRECTION_WORDS, re.I)
_DONE_ALREADY = re.compile(r"(?:做完|弄完|跑完|搞定|完成)了|\bdone with\b|\b(?:already|just) (?:did|ran|finished)\b|\bfinished (?:the|with)\b", re.I)
# The quality of the upload asked about: "is this any good?", "这份能用吗".
_LOOKS_OK = re.compile(r"\bdoes (?:it|this|that) look (?:ok|okay|alright|all right|fine|right|usable)\b|(?:看着|看起来)(?:还)?(?:行|可以|ok)(?:吗|不)", re.I)
# "How many stars out of 5 would you give this?", "给这份打几分": the upload scored
_UPLOAD_SCORED = re.compile(r"\bhow many stars\b|\bout of (?:5|five|10|ten)\b|\bon a scale of\b|\b(?:rate|score|grade) (?:it|this|these|them)\b|打(?:几|多少)分|几颗星|(?:评|打)个分", re.I)
_UPLOAD_JUDGED = re.compile(r"\b(?:is|are) (?:this|it|these|they)\b[^?.!]{0,20}\b(?:any good|good enough|usable|decent|clean enough)\b|"
                            r"(?:这个|这份|这批|它)[^?？,，]{0,8}(?:能用吗|能不能用|质量(?:咋样|怎么样|如何|行不行))", re.I)
# The settings for the person's data asked for: "用啥参数好", "超参怎么设", "咋配参", "what settings should I use for FILE".
_PARAMS_ASKED = re.compile(r"(?:^|[,，;；.。]\s*)(?:any )?(?:suggestions|recommendations|advice|settings)\s*[?？]\s*$|(?:用|配|设|给)(?:啥|什么|哪些)(?:参数|超参)|(?:这个量|这么多|这点)[^。;；!！?？]{0,10}?(?:训|跑)(?:几|多少)(?:轮|个\s*epoch|遍)(?:好|合适|比较好|够)?|(?:参数|超参数?)\s*(?:怎么|咋|如何)\s*(?:设|配|定|调|给)|(?:咋|怎么)配参|"
                             r"\bwhat (?:settings|params|hyperparams|hyperparameters) should (?:i|we) use\b", re.I)
_NOT_STOP_BUT_RESUME = re.compile(r"不是(?:要|让你|叫你)?(?:停|暂停|终止|停止)\S{0,2}[,，!！\s]\s*(?:而)?是(?:要|让你|叫你)?(?:恢复|继续|接着|续)|"
                                  r"\bnot (?:to )?(?:stop|kill|pause)\b[^.!?]{0,20}\b(?:resume|continue)\b", re.I)
_NOT_RESUME_BUT_STOP = re.compile(r"不是(?:要|让你|叫你)?(?:恢复|继续|接着|续)\S{0,2}[,，!！\s]\s*(?:而)?是(?:要|让你|叫你)?(?:停|暂停|终止)|"
                                  r"\bnot (?:to )?(?:resume|continue)\b[^.!?]{0,20}\b(?:stop|kill|pause)\b", re.I)
# The stop meant for another run than the one said: "不是停 run-b,是停 run-d" (the English is put right in dictated.repaired)
_OTHER_RUN_STOPPED = re.compile(r"不是(?:要|让你|叫你)?(?:停|暂停|终止|停止)\s*[A-Za-z0-9][\w.-]*\s*[,，!！\s]\s*(?:而)?是(?:要|让你|叫你)?(?:停|暂停|终止|停止)掉?\s*"
                                r"(?P<run>[A-Za-z0-9][\w.-]*\d[\w-]*)")


def stop_meant_for(text: str) -> str | None:
    """The run a stop was meant for, when the message rules another out ("不是停 run-b,是停 run-d!b 还要继续跑")."""
    m = _OTHER_RUN_STOPPED.search(text)
    return m.group("run") if m else None


_STOP_THIS_KEEP_THAT = re.compile(r"(?:停了|停掉|停下|停止|\bstop\b|\bkill\b)(?!的)[^,，。;；?？]{0,12}[,，;；]\s*[A-Za-z0-9][\w.-]{0,20}\s*(?:那个|那一个|the other(?: one)?)?\s*(?:继续(?:跑|训)?|接着跑|让它跑|跑着|\bkeep(?:s)?(?: it)? (?:running|going)|\bcontinues?|\bcan keep going)\W*$", re.I)
# A stop said as what may come later: "I might kill it halfway if the loss looks weird", "不行我就停掉".
_STOP_LATER = re.compile(r"\b(?:i|we) (?:might|may|could|will|'?ll)\b[^.!?]{0,20}\b(?:kill|stop|abort)\b[^.!?]{0,40}\bif\b|"
                         r"(?:不行|不对劲|有问题|效果不好)(?:的话)?(?:我)?(?:就|再)(?:停|叫停|kill)", re.I)
def _starts_stopping_later(text: str) -> bool:
    """A start asked for, with a stop said as what may come after it (:data:`_STOP_LATER`)."""
    return bool(_STOP_LATER.search(text) and (_START_VERB.search(text) or rx.search(r"跑个训练|跑一下训练|训一版|练一版", text)))


# A run stopped before, the one meant: "the one we stopped yesterday", "昨天停掉的那个".
STOPPED_BEFORE = re.compile(r"\b(?:we|i|you)(?: had)? (?:stopped|paused|killed|halted)\b|(?:停掉|停了|暂停)的(?:那个|那次|那一个|\s*[A-Za-z][\w.-]*\d[\w.-]*\s*$)|(?:那个|那次|这个)\s*(?:已经)?(?:停了|停掉了?|暂停了?|被停了?|断了)的|(?:昨天|昨晚|前天|上周|上回|上次|之前|刚才)(?:被)?停|(?:昨天|昨晚|前天|上周|上回|上次)\S{1,4}?停了|熄火了?|(?:昨天|前天|上周|上回|上次|之前|刚才)被\S{1,4}?停", re.I)
# The tuned model tried: "check if the model can still answer…", "测测刚训完的那个".
_TRY_TUNED = re.compile(r"\b(?:check|see|test|find out)\s+(?:if|whether)\s+(?:the|my|our)\s+(?:new |tuned |fine-?tuned )?(?:model|bot|assistant)\s+(?:can\s+)?still\b|"
                        r"(?:测测|测一下|测下|评估一下|评一下|试试|试一下)(?:刚|新)(?:训完|训好|练好|跑完|微调完|调好)的?", re.I)
# "run X is to be terminated today", "job X must be stopped": a stop told as what is to happen to the run.
_TO_BE_STOPPED = re.compile(r"\b(?:is to be|should be|must be|needs to be|has to be)\s+(?:stopped|killed|halted|terminated|shut down|cancell?ed|aborted)\b|"
                            r"^\W*(?:would|will|is)\s+(?:it\s+)?(?:be\s+)?(?:ok(?:ay)?|alright|all right|fine)\s+if\s+(?:we|i)\s+(?:stopped|killed|halted)\b", re.I)
# A resume put off until later ("明天再接着跑", "resume it tomorrow"): the stop is what is asked now.
_RESUMED_LATER = re.compile(rf"(?:{acts.LATER_ZH})再?(?:接着|继续|续|恢复|跑)|等[^,，。;；]{{1,14}}?(?:完|好)\S{{0,3}}?再(?:接着|继续|续|恢复|跑)|"
                            r"\b(?:resume|continue|restart)\b[^.!?]{0,20}\b(?:once|after|when) (?:i|we)\b|"
                            rf"\b(?:resume|continue|restart|pick (?:it |this )?(?:back )?up)\b[^.!?]{{0,20}}\b(?:{acts.LATER_EN})\b", re.I)


def _stops_run(text: str) -> bool:
    """A stop aimed at a run id ("停掉 kefu-03", "would you mind stopping ft-2"), not one ruled out ("rather than stopping X")."""
    said = any(not negated(text, m.start(), 16) and not rx.search(r"\b(?:told|asked) you to\s*$", text[max(0, m.start() - 20):m.start()], re.I)
               and not rx.search(r"(?:已经?|被|昨日|昨天|前日|之前)[终中]?$", text[max(0, m.start() - 4):m.start()])  # ("昨日终止之 X": told)
               for m in _STOP_RUN.finditer(text))  # ("Yesterday I told you to stop X. Start it back up": a stop told before)
    # "我说的是 dental-lora-3,不是2,停3": 停 and the number that tells the runs apart, the run named elsewhere
    return said or bool(rx.search(r"停(?:掉|止|下|了)?\s*\d{1,6}(?![\d.]|\s*(?:步|轮|个|条|分钟|epoch|step))", text) and names.find_run_id(text))


_LOOK_TOOLS = ("inspect_dataset", "check_quality", "training_status", "evaluate_run")


def _model_reading(guess, domain: bool) -> tuple[str, str, float]:
    """(tool, offer, prob) from the model's guess. Off-topic must lead clearly when the request
    uses words of our domain: a near tie between ``none`` and a tool goes to the tool."""
    name, prob = guess.name, guess.prob
    if name == classifier.NONE and domain and guess.second != classifier.NONE and prob - guess.second_prob < MARGIN:
        name, prob = guess.second, guess.second_prob
    if name == classifier.NONE:
        return "", "", prob
    return (name, "", prob) if prob >= SURE else ("", name if prob >= OFFER else "", prob)


# Rows of the data shown: "show me a few examples", "给我看几条例子"
_SHOW_EXAMPLES = re.compile(r"\b(?:show|give) me (?:a few|some|several|a couple(?: of)?|\d+|two|three|five) (?:examples?|samples?|rows?)\b|(?:给我)?看(?:看|一下)?几(?:条|个)(?:例子|样例|样本)", re.I)
# How the finished run did: "效果咋样", "有没有遗忘", "did it forget", "how good is the model from RUN".
_EVALUATE = re.compile(r"^\W*效果(?:咋样|怎么样|如何|好不好)\W*$|"
                       # "为我评说 RUN 吧——它学会了什么,又遗失了什么?": what it learned and what it lost, asked of a run
                       r"(?:学会|学到)了(?:些)?什么[^?？。]{0,12}(?:忘|遗失|丢|失去)(?:掉)?了(?:些)?什么|"
                       r"\bbefore/after (?:numbers|scores|metrics|results)\b|(?:能力|水平)\S{0,2}(?:掉|丢|降|退化)了多少|(?:训完|跑完|练完|看看|看下|测测)\S{0,8}效果(?:咋样|怎么样|如何|好不好)|(?:评一下|评估一下|评评|测一下)[^,，。;；]{0,16}?的?效果|(?:有没有|是否)(?:\S{0,4}遗忘问题|遗忘)|学到了多少|遗忘了(?:吗|没有?)?|学会[^,，。;；]{0,10}(?:没有|了没|了吗|没)|(?:本事|本领|能力|通用能力)\S{0,4}有没有(?:丢|掉|忘|退化)|"
                       r"\bdid (?:it|the model|the run|my model|\S*\d\S*) (?:forget|learn)\b|\bstill (?:handles?|knows?|answers?|does) general\b|\bhow good is (?:the|my|our) (?:new |tuned |fine-?tuned |trained )?model\b|"
                       r"\bhow good is (?!(?:a|an|the|it)\b)[\w-]*\d|\bhow good is the (?:model|adapter) (?:from|of) \S*\d|"
                       r"\bhow (?:did|well did) (?:it|the run|my run|the model) do\b|\bhow(?:'d| did) (?:the|my|our) (?:last |latest |new )?(?:run|training|model|fine-?tune) (?:turn out|go)\b|学得(?:好不好|怎么样|咋样|如何)|会不会[^,，。;；]{0,16}忘|"
                       r"\b(?:if|whether) (?:it|the model|the run|my model|\S*\d\S*) (?:has |have )?(?:actually |really |even )?(?:learn(?:ed|t)?|forgot(?:ten)?)\b|(?:是否|有没有)学到|学到(?:了)?(?:点|些)?东西|"
                       r"\bany good or not\b|\b(?:is|was) (?:the|my|our) (?:new |tuned |fine-?tuned )?model any good\b|"
                       r"\blearn(?:ed|t)? (?:anything|something|much|a thing)\b|\b(?:did|has|have)\b[^.?!]{0,30}?\b(?:break|broke|broken|hurt|damaged?|ruin(?:ed)?|wreck(?:ed)?)\s+(?:the |its |my |our )?general (?:abilit(?:y|ies)|skills?|knowledge)\b|(?:调|训|练|跑|微调)(?:完|好)的模型\S{0,4}(?:行不行|好不好|怎么样|咋样|如何|靠不靠谱|能不能用|能用吗)|^\W*eval\w*\s+\S+\s+(?:vs\.?|versus|against)\s+(?:the )?base\b", re.I)


def _names_a_tool(guess) -> bool:
    """The model reads one of our tools into the request, first or a close second."""
    return any(name not in (classifier.NONE, "explain") and prob >= OFFER
               for name, prob in ((guess.name, guess.prob), (guess.second, guess.second_prob)))


@dataclass(frozen=True)
class Reading:
    """The tool read from a request ("" for none), what may be offered instead, and the speech act."""

    tool: str
    offer: str = ""
    act: str = "command"
    prob: float = 1.0


# A line opened as an ask: "Go ahead and …", "please …", "那就…".
_ASK_OPENS = re.compile(r"\W*(?:(?:so|now|ok(?:ay)?|then)\W+)?(?:go ahead and|please|pls|just|let'?s)\b|\W*(?:请|帮我|麻烦|那就|直接)", re.I)


@remembered
def just_asking(text: str) -> bool:
    """A question or a hypothetical said not to act on ("…?先别改,问问而已", "Scenario planning, do NOT execute: …?")."""
    said = _JUST_ASKING.search(text)
    if said and rx.search(r"curious|curiosity", said.group(0), re.I) and acts.is_request(text[:said.start()]):
        return False  # "Could I trouble you to evaluate X? Sorry, I'm just curious whether it forgot anything.": why it is asked for
    return (bool(_JUST_ASKING.search(text)) and bool(rx.search(r"[?？]|吗|呢|哪些|什么|会不会|是否|想知道|\bwhat\b|\bhow\b|\bwhich\b", text, re.I) or acts.is_hypothetical(text))
            and intents.about_sft(text) and not _ABOUT_ME.search(text))  # (off-topic stays off-topic: "favourite book? just curious")


def read(text: str, has_file: bool = False, new_upload: bool = False) -> Reading:
    """The tool for ``text`` (file names already written as FILE). A hypothetical never acts, a
    question about an action is explained, an off-topic message gets no tool. A long message that
    tells its story first is read by its last sentence when that is the ask (see :func:`_story_tail`).
    A question is never read as a stop or a resume, nor a what-if as a start, unless it asks for one ("能停一下 X 吗?"):
    "停掉训练的话 checkpoint 还在吧?" is answered. Our English words typed a letter off are read as meant ("contineu")."""
    text = intents.fix_typos(text)
    if _NOTHING_NEEDED.search(text) or _KEEP_FOR_LATER.match(text) and "FILE" not in text and not rx.search(r"[?？]\s*$", text):
        return Reading("", "", "chitchat")  # "we'll be fine-tuning on X next quarter. Nothing needed today.", "帮我记一下…晚点我会来问": told, nothing asked
    got = _read_message(text, has_file, new_upload)
    if not got.tool and got.act == "question" and _PLACEHOLDER_WORDS.search(text) and acts.asks_definition(text):
        return Reading("explain", "", "question", got.prob)  # "what's a placeholder in this context": our word, defined
    if ((not got.tool or got.tool == "evaluate_run" and got.prob < 0.5 and not intents.scores(text)["evaluate_run"]
         and rx.search(r"现在|眼下|目前|如今|当前|此刻|这会儿?|几成", text)  # (how it is now; not "考试考得怎么样?就是 RUN")
         or got.tool == "inspect_dataset" and got.prob < 0.5 and not has_file)  # (no file to look at: the run named is what is asked of)
            and got.act in ("chitchat", "command") and _HOW_IS_RUN.search(text) and names.find_run_id(text) and "FILE" not in text
            and not rx.search(r"名字|名称|\bnamed?\b", text, re.I)):
        return Reading("training_status", "", "command", 0.5)  # "mn-1123 现在是怎样?", "遥问 RUN,行至何处?", "RUN …,如今火候几何?":
        # how a named run is doing, asked in words no cue lists
    if got.tool in _RUN_CHANGES and _REMIND.search(text) and _UNDECIDED.search(text):
        return Reading("", "", "chitchat")  # "明天提醒我跟你说 RUN 停不停,今天先别动它", "Remind me tomorrow to decide whether to stop RUN"
    if (got.tool not in ("", "explain") and _TOOL_NAMED.search(text) and rx.search(r"[?？]\W*$", text)
            and acts.speech_act(text) == "question" and not acts.is_request(text)):
        return Reading("explain", "", "question")  # "probe_learning_rate 是不是就是推荐 epoch 用的?…": a question about our tools
    asked = acts.speech_act(text) if got.tool in _RUN_CHANGES and got.act in ("command", "question", "hypothetical") else ""
    # (a start mused about, "should I start training?", is proposed: the guard shows the plan and asks)
    if (asked == "hypothetical" or asked and acts.opens_hypothetical(text) or asked == "question" and got.tool != "start_training") and (
            not (acts.is_request(text) and not _EXPLAIN_TAIL.search(text)) and not (acts.is_rhetorical(text) and not _WHAT_FOLLOWS.search(text))
            and not _ABOUT_US.search(text) and not _request_first(text)
            and not acts.IF_SO_DO.search(text) and (rx.search(r"[?？][\W_]*$", text) or _EXPLAIN_TAIL.search(text)
                                                     or rx.search(r"[?？]", text) and acts.only_asides(rx.split(r"[?？]", text)[-1]))):
        # (a question last, nothing asked for after it, or only its explanation: "…还算数吗?…有团友关心这个,请讲解一下。", or only
        # an aside: "停止训练以后还能接着练吗?不能也无所谓。")
        return Reading("explain", "", "hypothetical" if acts.is_hypothetical(text) else "question")
    return got


_RUN_CHANGES = ("start_training", "stop_training", "resume_training")
# How something is, asked: "现在是怎样?", "行至何处?", "火候几何?", "近况如何?"
_HOW_IS_RUN = re.compile(r"(?:怎样|如何|几何|何处|何如|怎么样|咋样)\s*(?:了|啦|呢|呀|哉)?\s*[?？]|"
                         # "How's cattle-drive-3 ridin'?", "Where be run sea-17 now?", "the current state of mus-0612",
                         # "炼到几成火候了?": how far a named run has got, in words of the writer's own
                         r"\bhow'?s\b[^?.!]{1,40}\b[a-z]+in'?\s*\?|\bwhere (?:be|is|'s|are)\b[^?.!]{0,30}\bnow\s*\?|"
                         r"\b(?:the )?current (?:state|status|condition) of\b|(?:到|炼到|练到|跑到)几成(?:火候)?了?", re.I)
# The last sentence asks only to have the question explained: "…有团友关心这个,请讲解一下。", "Please explain."
_EXPLAIN_TAIL = re.compile(r"[?？][^?？]{0,30}?(?:请|麻烦|帮忙|给我们?)?\s*(?:讲解|解释|说明|讲讲|说说)(?:一下)?\W*$|[?？]\s*(?:please\s+)?explain\b[^?]{0,20}$", re.I)
# A resume the person will do later, after a stop asked now ("…停掉吧,回来我再续上", "stop it, I'll resume it when I'm back").
_RESUME_LATER = re.compile(r"(?:回来|开完会|明天|下午|晚点|回头|之后|以后|等会儿?)(?:了)?\s*(?:我|我们)?\s*(?:再|自己)(?:来)?(?:续上|续训|恢复|接着|继续)|"
                           r"\b(?:i'?ll|we'?ll) (?:resume|restart|continue)\b[^.!?]{0,30}\b(?:when (?:i'?m|we'?re) back|later|tomorrow|after)\b", re.I)
# The plan shown called off as a whole ("整个计划先取消", "scrap the whole plan"): nothing was started, no run stops.
_PLAN_CALLED_OFF = re.compile(r"(?:整个|这个|那个|刚才的?|原来的?)?(?:计划|方案)\S{0,2}(?:先|都|全)?(?:取消|作废|不要了|算了)(?:了|吧)?|^\W*(?:全部|都|全都)取消(?:了|吧)?|\bcancel (?:all of it|everything|it all)\b|"
                              r"\b(?:scrap|cancel|drop|forget|ditch|bin)\s+(?:the|that|this|your)\s+(?:whole\s+|entire\s+)?plan\b", re.I)
# Any word that may say a run is to go on ("继续刚才那个", "pick that one back up", "put the run back in the oven", "jixu")
_RESUME_HINT = re.compile(r"继续|接着|恢复|续|跑完|断|jixu|\bpick\w*|\bback\b|\bagain\b|\bresum|\brestart|\breviv|\bcontinu|\bcarry on\b|"
                          r"\bgo on\b|\bkeep (?:going|at it)\b|\bunpause|\bfinish\b", re.I)
# A start the person had planned, called off: "本来今天要训 FILE 的,算了", "was going to train FILE today but forget it, not today"
_START_PUT_OFF = re.compile(r"(?:本来|原本|原来|原计划|本打算)[^。!！?？]{0,30}?(?:训|练|跑)[^。!！?？]{0,30}?(?:算了|不训了|不练了|不跑了|不搞了|取消)|"
                            r"\b(?:was|were) (?:going|planning|meant|supposed) to (?:train|start|fine-?tune|kick off|run)\b[^.!?]{0,60}?"
                            r"\b(?:forget it|never ?mind|not today|scratch that|nah|changed my mind)\b", re.I)
# A share or a fit asked about in general: "占多大比例比较合适", "what fraction of samples would you put CoT on", "适不适合…想听听你的看法"
_SHARE_ASKED_EN = r"\bwhat (?:fraction|share|percentage|proportion|ratio|portion) of\b[^.?!]{0,40}\b(?:would|should|do) (?:you|i|we|people)\b"
_SHARE_ASKED = re.compile(r"(?:占|用|加|放)?多(?:大|少)(?:的)?(?:比例|比重|占比)(?:[^,，。;；?？]{0,10}?)(?:比较|最)?(?:合适|好|合理)|" + _SHARE_ASKED_EN + r"|"
                          r"适不适合[^。!！]{0,20}(?:想听听|你(?:怎么)?看|你觉得)|想听听你的(?:看法|意见)", re.I)
# Two files to be used as one, asked about: "train on FILE and FILE together?", "FILE 和 FILE 能合在一起训吗"
_FILES_TOGETHER = re.compile(r"FILE\s*(?:和|与|跟|还有|and|\+|&)\s*FILE[^?？。.]{0,20}?(?:together|combined|at once|合在一起|放在一起|一起|合并|混在一起)", re.I)
_OFF_FOR_TONIGHT = re.compile(r"(?:今晚|今天|明天|这周|周末|下午|晚上)(?:就|先|还是)?先?不(?:练|训|跑|搞)(?:练|训练)?了|"
                              r"算了[,，\s]*(?:先)?不(?:练|训|跑)(?:练|训练)?了[,，\s]*(?:明天|回头|改天|以后|晚点)再说")  # "算了不训了 明天再说吧"
# A run said to have stopped: "已中止", "has been paused"
_STOPPED_TOLD = re.compile(r"(?:已经?|被)(?:中止|终止|停止|停掉|停下|暂停|中断)了?|\b(?:pressed|hit|clicked|tapped) (?:the )?stop\b(?: (?:button )?on \S+)?(?= by (?:mistake|accident))|\baccidentally (?:pressed|hit|clicked|stopped)\b|(?:昨日|昨天|前日|之前)(?:已)?(?:终|中)?(?:终止|停止|中止|止之)之?|(?:手滑|不小心|误)(?:点|按)了?(?:一下)?(?:停止|stop)|被\S{1,4}?停(?:掉|下)?了|停(?:掉|下)?了?的(?=\s*\S)|\b(?:has been|had been|was|got|is)\s+(?:paused|stopped|halted|killed|interrupted)\b", re.I)
# Whether a run has stopped, asked: "训练是不是停了?", "停了没", "did it stop?"
_STOPPED_ASKED = re.compile(r"是不是(?:已经|又)?(?:停了|停掉了|停下了|挂了)|(?:已经|又)?停了(?:吗|没有?|么)|是否(?:已经)?(?:停止|停了)|"
                            r"\b(?:has|did|have) (?:it|the run|the training|training|the job)\s+(?:already\s+|just\s+)?(?:stopped|stop|died|die|crashed|crash)\b|"
                            r"\bis it (?:stopped|dead)\b", re.I)
_PREMISE = re.compile(r"^\W*(?:假设|假定|hypothesis\s*[:：]?|assume|assuming)[^。.!?？\n]*[。.!]\s*(?=\S)", re.I)
# A run id or a value given to keep for later: "帮我记一下,我的训练任务号是 RUN,晚点我会来问", "Can you remember that my run ID is RUN?
# I'll ask about it later."
_KEEP_FOR_LATER = re.compile(r"^\W*(?:帮我记(?:一下|住|着)?|记住|(?:can you |please )?remember(?: that)?)[\s\S]{0,80}?(?:晚点|回头|以后|稍后|later|afterwards)", re.I)
_NOTHING_NEEDED = re.compile(r"\bnothing (?:needed|to do|required) (?:today|now|yet|for now)\b|\bno action (?:needed|required)\b|今天(?:先)?不用(?:做|动)|暂时不用(?:做|动)什么", re.I)
_TOOL_NAMED = re.compile(rf"\b(?:{'|'.join(TOOL_NAMES)})\b")
_WHAT_FOLLOWS = re.compile(r"会怎(?:么)?样|会发生什么|\bwhat (?:happens|would happen)\b|\bwould [^?]{1,60}\bsuffice\b", re.I)  # (asked last: a what-if, however impatient)
_ABOUT_US = re.compile(r"你是谁|你是什么|你能|你会|\bwho (?:made|built|trained) you\b|\bare you\b|\bcan you\b", re.I)  # (asked of us: chit-chat, read so)


def _request_first(text: str) -> bool:
    """Whether the message opens with a request of its own before its question ("继续刚才停掉的 X,它是从头开始还是接着…?")."""
    clause = rx.match(r"([^,，;；。.!！?？\n]+)([,，;；。.!！?？\n])", text)
    first = clause.group(1) if clause and clause.group(2) not in "?？" else None
    if not first or acts.speech_act(first) != "command" or acts.opens_hypothetical(first):
        return False  # ("假如我们半路把训练停了,…?": a what-if opens it, no request)
    if rx.match(r"\W*[A-Za-z]+\s+(?:[a-z]+ed|was|were|did|had|has|broke|went|got|kept|ran|took|threw|lost)\b", first):
        return False  # "Resume restarted from scratch on me once. If I resume a run, …?": the step's name told of, no request
    got = _read(first, False, False)
    return got.tool in _ACTIONS and got.act == "command" and got.prob >= 0.6


def _read_message(text: str, has_file: bool, new_upload: bool) -> Reading:
    if acts.asks_how_it_behaves(text) and not acts.opens_with_command(text) and not _request_first(text):
        return Reading("explain", "", "question")  # "恢复训练是从头开始还是接着之前的?": how the step works, asked
    if acts.speech_act(text) == "confirmation":
        return Reading("", "", "confirmation")  # "So you'll run 3 epochs…, right? Yes, that's it, go ahead": a yes, however it opens
    if _starts_stopping_later(text) and not names.find_run_id(text):
        # "先用 FILE 跑个训练,最多800步,不行我就停掉", "start a run…. I might kill it halfway if…": the start; the stop that may come
        # later is no request now
        text = rx.sub(r"[,，;；.。!！]?[^,，;；.。!！]*(?:" + _STOP_LATER.pattern + r")[^,，;；.。!！]*", "", text, flags=re.I) or text
    if just_asking(text):
        # "假如我把 batch size 加到 64,吞吐能上去多少?先别改,问问而已", "Scenario planning, do NOT execute: …": said not to act
        return Reading("explain", "", "hypothetical" if acts.is_hypothetical(text) else "question")
    thanked = _THANKS_FIRST.match(text)
    if thanked and not (rest := text[thanked.end():]).strip() or thanked and not (
            acts.is_request(rest) or acts.opens_with_command(rest) or rx.search(r"[?？]|吗|\b(?:now|next|then)\b|再|接着|然后|^\W*那(?:就|么)?|吧(?:\W|$)", rest, re.I)
            or names.find_run_id(rest)):
        return Reading("", "", "chitchat")  # "Thanks, that's the cleanest dataset I've reviewed all week.": thanks, and a remark
    whole = _read(text, has_file, new_upload)
    if (whole.tool in ("", "explain") and whole.act != "hypothetical" and _GAINED_LOST.search(text)
            and (_RUN_DONE.search(text) or _RUN_OUT.search(text)) and names.find_run_id(text)):
        return Reading("evaluate_run", "", "command", whole.prob)  # "RUN is complete. what did it learn, and what did it forget?",
        # "RUN 出炉了,评评看它学了几分本事、丢了几分": a named run said finished, and what it learned and lost asked: its evaluation
    if whole.tool in ("", "explain") or whole.tool in ("inspect_dataset", "check_quality") and whole.prob < 0.5:  # (a look read weakly, too:
        asked = _the_request(text, has_file, new_upload)  # "我学习率是不是设大了?先在 FILE 上扫一下 lr")
        if asked is not None:
            return asked  # "The manual says … So why does it keep getting rejected? Whatever, convert FILE to jsonl"
    if whole.act == "question" and _ORDER_LAST.search(text):
        # "…why are we still running X? Stop it.", "Are we keeping the one-word answers as souvenirs or what? Get rid of them.", "How
        # hard is it to check what state X is in? Go on.": a question nobody answers, then the order
        asked = _the_request(text, has_file, new_upload)
        if asked is not None:
            return asked
    lines = [line for line in text.strip().split("\n") if line.strip()]
    if (len(lines) >= 2 and whole.tool not in ("", "explain") and (acts.opens_with_command(lines[-1]) or _ASK_OPENS.match(lines[-1]))
            and not any(acts.is_request(line) or acts.opens_with_command(line) or rx.search(r"[?？]", line) for line in lines[:-1])):
        asked = _read(lines[-1], has_file, new_upload)
        if asked.tool in _ACTIONS and asked.tool != whole.tool and asked.act == "command" and asked.prob >= 0.6:
            return asked  # "Data's cleaned and reviewed by QA.\nGo ahead and train FILE": told, then asked on a line of its own
    tail = _story_tail(text)
    if tail is None:
        return whole
    last, request = tail
    asked = _read(last, has_file, new_upload)
    if request is None:  # "…也检查过质量、删了重复的…。所以想现在就开始训练,轮数就按 8 轮来吧": the last sentence says what to do
        return asked if asked.tool in _ACTIONS and asked.act == "command" and asked.prob >= 0.6 and whole.prob < 0.6 else whole
    if request and asked.tool == "explain" and whole.tool not in ("", "explain"):
        return whole  # "…could you look through it and tell me what's in there?": the whole message names the look
    # "…My manager exported them to Excel … Could you look at FILE?": a clear ask last outweighs a weak reading of the story
    if request and (asked.tool and (whole.tool in ("", "explain", "evaluate_run", "training_status") or whole.prob < 0.5 or asked.prob >= 0.5 and asked.tool in _ACTIONS
                                    or asked.prob >= 0.9)
                    or not asked.tool and (review.asks_fill(last, False) or review.rule_command(last))):
        return asked  # "…被吐槽了。…名字用“暖暖助手”,作者用“青橙软件”,帮我填上。": the request (a fill or a rule the planner reads)
    if asked.tool == "explain" and whole.tool in ("evaluate_run", "training_status") and names.find_run_id(text) and _RUN_STATE_ASKED.search(last):
        return Reading("training_status", "", "command", whole.prob)  # "RUN died at step 40 I think. Is it actually dead or still going?"
    if asked.tool == "explain" and whole.tool in ("", "evaluate_run", "training_status", "inspect_dataset") and not (
            new_upload and whole.tool == "inspect_dataset" and _WHAT_FORMAT.search(last)) and not (  # "…Does the format look usable?" of an upload
            whole.prob >= 0.9 and names.find_run_id(last) and not acts.asks_concept(last)) and not (  # "How's run number seven doing... run-7 I mean, at step 4000 yet?"
            whole.tool == "evaluate_run" and names.find_run_id(text) and (_RUN_DONE.search(text) or _RUN_OUT.search(text))
            and (_EVALUATE.search(last) or _GAINED_LOST.search(last))) and not (  # "RUN finished overnight. did it forget …?"
            has_file and whole.tool == "inspect_dataset" and whole.prob >= 0.6 and not acts.asks_concept(last)):  # (a file) "the question
        # column is 'prompt' … what are the length stats?": the stats of the data at hand
        return asked  # "…被同事笑话。下次训练前想先搞明白:怎样才能尽量不丢掉通用能力?": the question asked at the end
    return whole


# The state of the run named before, asked of "it": "Is it actually dead or still going?", "它还活着吗"
_RUN_STATE_ASKED = re.compile(r"\b(?:is|has|did) it (?:\w+ )?(?:dead|alive|running|going|done|finished|stuck|crashed|died|still)\b|(?:它|这个)?还(?:活着|在跑|在训)|死了没|挂了(?:吗|没)", re.I)


# Words of a run or its results: without any, an evaluation read by the model alone is off-topic ("Can you recommend a
# good pizza place?"), not "效果咋样". (A stop or resume is left to the model: "赶快熄火" names no run either.)
_RUN_WORDS = re.compile(r"效果|评估|评测|测评|\beval|\bresults?\b|\bscore|\bmodel|模型|\bruns?\b|\bjobs?\b|训|跑|停|继续|接着|恢复|续|"
                        r"\bresume|\bstop|\brevive|\brestart|\bcontinue|\bpick\b|\bkill|\bhalt|\bpause|\bforg[eo]t(?! it\b)", re.I)
# The name of one of our tools' settings, and its meaning asked: "please explain what 'mix_general' means and why it matters"
_OUR_SETTING = re.compile(r"\b(?:mix_general|max_steps|lora_r|learning_rate|rationale_field|question_field|answer_field|n_samples|base_model|lora_alpha|run_id)\b", re.I)
_MEANING_ASKED = re.compile(r"\b(?:explain|tell (?:me|us)|what)\b[^.?!]{0,20}\bwhat\b[^.?!]{0,40}\b(?:means?|stands? for|is for|does)\b|\bwhat (?:does|is)\b[^.?!]{0,40}\b(?:mean|for)\b|(?:是什么意思|什么意思|是干(?:什么|啥|嘛)的|指的是什么)", re.I)
_PLACEHOLDER_WORDS = re.compile(r"placeholders?|占位符|\{\{", re.I)  # what a placeholder means is ours to explain
_WHICH_ONE = re.compile(r"\bwhich (?:one|file|dataset|version|set) should (?:i|we)\b|\bwhich (?:\w+ ){0,2}should (?:i|we) (?:tune|change|adjust|tweak|focus on)\b|先调哪(?:个|两个|几个|一个)|\bwhich one\W*$|\bwhich (?:would|do) you (?:pick|choose|go with|recommend)\b|选哪个(?:好|比较好)?\W*$|(?:应该|该)(?:拿|用|选)哪(?:个|份|一个|一份)", re.I)
_STOP_AT = re.compile(r"(?:max_steps|最大步数|步数?|steps?)\s*\S{0,8}?\s*(?:就|后|时|了)?(?:停|结束)|\bstop (?:after|at) (?:\d|step)", re.I)
_START_WORDS = re.compile(r"训|开跑|\btrain|\bfine-?tune|\bstart|\blaunch|\bkick off", re.I)
_JUST_HI = re.compile(r"\bjust (?:saying|wanted to say|dropping by to say|popping in to say) (?:hi|hello|hey)\b|(?:来)?打(?:个|声)招呼|问(?:个|声)好(?:而已)?\W*$|^\W*(?:你?在吗|在不在|are you (?:there|around)|any(?:one|body) (?:there|home))\W*$", re.I)


def names_stop_or_resume(text: str) -> bool:
    """A word of stopping or resuming a run is in ``text`` ("停嗰個先", "pick it back up")."""
    return bool(_STOP_WORD.search(text) or _RESUME_VERB.search(text))


def greets_only(text: str) -> bool:
    """"hey, me again — the FILE person from earlier 😄 just saying hi": a hello that names a file asks nothing of it."""
    return bool(_JUST_HI.search(text)) and not acts.is_request(text)


def puts_off(text: str) -> bool:
    """"算了,今天先不训了", "今晚不练了", "本来要训 FILE 的,算了": the person stops or puts the work off for now (no run is named by it)."""
    return bool(_OFF_FOR_TONIGHT.search(text) or _START_PUT_OFF.search(text))


_START_NOW = re.compile(r"^\W*(?:现在|马上|立刻|立即|那就|就)\s*(?:开始)?(?:训练|开训|训吧|开练)(?:吧|了|呗)?\W*$")
_HANDED = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|alright|right)\W+)?(?:here(?:'s| is) (?:it|the file|my (?:file|data))|here it is|here you go|there you go|这个|就这个|this one|this|"
                     r"给你|发你了?|传好了|这是(?:文件|数据)|(?:got|received) (?:this|it) from (?:the |our |my )?[\w ]{1,30}|(?:这是)?从[\u4e00-\u9fff]{1,10}(?:那里|那边)?(?:拿|要)(?:来|到)的)\W*$", re.I)
# Which value to use for one setting: "学习率用多少合适?", "what batch size should i pick" (for a size in general: explained).
# Advice asked as if the assistant were the person: "if you were me", "换你你会怎么设", "要是你的话"
_AS_ME = re.compile(r"\bif you were me\b|\bif you were in my (?:shoes|place)\b|换(?:你|做你|成你)|要是你的话|如果是你", re.I)
_WHICH_VALUE = re.compile(r"(?:学习率|\blr\b|learning rate|batch ?size|批大小|epochs?|轮数|rank)\s*(?:一般|通常|大概|到底)?\s*(?:应该|该)?\s*被?\s*(?:用|设|选|取|定|给|设置|调)?(?:成|为|到)?\s*(?:多少|多大|几个?)\s*(?:合适|比较好|好|比较合适|最合适|最好|比较\s*safe|比较稳妥?|才(?:好|合适|对))?(?:啊|呀|呢|哈|嘞)?(?=\W*$)|"
                          r"\bwhat (?:batch size|lr|learning rate|epochs?|rank|number of epochs) should (?:i|we) (?:actually |really |realistically )?(?:be )?(?:pick|use|choose|set|go with|picking|using|choosing|setting|going with)\b[^.?!,;]{0,30}\W*$|"
                          r"\bhow many epochs should (?:i|we) (?:use|run|do|train(?: for)?|go with|pick|set)\b[^.?!,;]{0,30}\?\W*$|"
                          r"\bhow many epochs would you (?:use|run|do|train(?: for)?|go with|pick|set)\b[^.?!,;]{0,30}\?", re.I)
# A value asked in general, nobody's own ("学习率一般设多少比较合适", "what's a sensible lr for lora usually?"): the manual's answer.
_IN_GENERAL_ONLY = re.compile(r"一般|通常|\busually\b|\bballpark\b|\bin general\b|\btypically\b", re.I)
_ASKER_OWN = re.compile(r"我|\bmy\b|\bour\b|\bi\b|\bwe\b", re.I)
# Said not to act: only asking, nothing to run or change.
_JUST_ASKING = re.compile(r"\b(?:i )?only (?:wish|want|wanted) to know\b|\b(?:please )?(?:do not|don'?t) stop (?:it|\S+\d\S*)(?: just)? (?:now|yet)\b|只是问问|问问而已|只是想想|并不真要|不是真要|\b(?:this|it) is (?:an? )?(?:enquiry|inquiry|question) only\b|\b(?:enquiry|inquiry) only\b|仅(?:为|是)?咨询|\bnot (?:actually|really) (?:going to|gonna) (?:stop|do it|kill it)\b|就问问|随便问问|\b(?:we are|we'?re|i am|i'?m) not proceeding\b|\b(?:i'?m|i am) (?:only|just) asking\b|\bdo not do it yet\b|\bdon'?t do (?:it|anything) yet\b|(?:^|(?<=[,，。;；!！?？\s]))(?:先|我)?问问\W*$|先别[\u4e00-\u9fff]{0,2}[,，]?\s*(?:我)?(?:就|只是|先)?问(?:问|一下)|\b(?:wait|hold on|actually),?\s+(?:a\s+)?(?:quick\s+)?question first\b|\bno action yet\b|想问问[:：]|\bonly (?:want|need) your (?:opinion|advice|view|take)\b|只想听(?:听)?你的(?:意见|看法|建议)|^\W*(?:抱歉|不好意思)?[,，]?\s*问个问题[:：]|\bfirst,? a (?:quick )?question\b|只是好奇|好奇问一下|只是想(?:先)?问(?:一?下|问)|\bdon'?t (?:start|stop|train|run) (?:anything|training|it)\b[^?]{0,20}\bjust asking\b|不用跑|不用执行|别执行|不要执行|先别(?:改|动)(?:配置|参数)?(?![\u4e00-\u9fff])|"
                          r"先别改配置|\bdo not (?:execute|run)\b|\bdon'?t (?:execute|run) (?:anything|it|yet)\b|\bjust (?:asking|curious)\b|"
                          r"\bhypothetically\b|\bpurely hypothetical\b|\bno need to run\b|(?:仅|只|纯)(?:作|是|属)?(?:设想|假设)|"
                          r"\b(?:i )?ask (?:only|merely|purely) (?:in contemplation|out of (?:idle )?curiosity|hypothetically)\b|\bout of (?:idle |pure )?curiosity\b|"
                          # "暂时不要对 X 做任何操作", "先不要执行,我想知道…", "Don't touch X yet. First tell me…", "don't stop run-k44. First tell me:"
                          r"(?:暂时|先)(?:不要|别)(?:对\S{1,40}?)?(?:做任何操作|执行|动它?|操作)|"
                          r"\b(?:first|before (?:that|anything(?: else)?)),? (?:tell me|explain(?: to me)?)(?:[:：]| what\b| whether\b| if\b| why\b)|先(?:解释|说明|讲讲)(?:一下)?", re.I)
_STOP_RESUMED = re.compile(r"(?:续上|续跑|恢复|接着跑|继续跑)(?:了)?的(?:那个|那次|那条)?[^?？!！]{0,8}?(?:还是|就|先)?(?:停掉|停了|停下|叫停|掐掉|杀掉)|"
                           r"\b(?:the one|the run) (?:you|we|i) (?:resumed|restarted|picked back up)\b[^.?!]{0,20}\b(?:stop|kill|halt)\b", re.I)
_SMALL_TALK = re.compile(r"\bhow'?s it going\b|\bhow are (?:you|u|ya)\b|\bhow(?: are)? you doing\b|\bwhat'?s up\b|最近(?:好吗|怎么样|咋样)|你好吗", re.I)
# "what's a sensible batch size for a small dataset": a size in general, no count of the person's own
_ANY_SIZE = re.compile(r"\b(?:for|on|with) an? (?:small|smallish|large|big|tiny|typical|medium)\b", re.I)
# A value given to be judged, or the reason for one, or its trade-off: a question about settings, not advice for the data.
_JUDGED = re.compile(r"为什么|为啥|\bwhy\b|权衡|有关系吗|有没有关系|有关吗|trade-?offs?|增加多少|多出多少|合理吗|合不合理|算(?:正常|合理)吗|"
                     r"\b(?:is|are)\b[^?？,]{0,40}\b(?:reasonable|sensible|normal|typical|standard|too (?:high|low|many|few|much))\b", re.I)
# What the product does by default with a file ("excel 里有好几个 sheet,你们默认读哪一个?").
_DEFAULT_OF = re.compile(r"默认(?:读|用|取|选|是)?哪|\bby default\b.{0,30}\b(?:which|what)\b|\b(?:which|what)\b.{0,30}\bby default\b", re.I)
# Whether the person's data leaves the machine: "do you send our data anywhere?", "上传的文件会传到外网吗?"
_PRIVACY = re.compile(r"\b(?:send|upload|share)\w* (?:our|my|the|any) (?:data|files?|records) (?:anywhere|to|outside|elsewhere)\b|\bdata anywhere\b|\bdata (?:go|goes|end up|leave)\b|\bleave (?:this|my|our|the) (?:machine|computer|server)\b|"
                      r"传到(?:外网|外面|云|服务器)|外传|泄露|\bconfidential\b.{0,40}[?？]|[?？].{0,40}\bconfidential\b", re.I)
# What the product runs on, hardware and network, asked of it (not of the assistant itself: "你能联网吗" is chat).
_RUNS_ON = re.compile(r"^(?!\W*(?:你|can you|are you|do you))(?=.*(?:\bGPUs?\b|显卡|\bCUDA\b|\boffline\b|\binternet\b|联网|离线|断网|外网|\bcloud\b|云端))", re.I)
def _asks_about_product(text: str) -> bool:
    """A question about what the product runs on or where the data goes ("Do I need a GPU?", "do you send our data anywhere?")."""
    return bool(rx.search(r"[?？吗]", text) and (_PRIVACY.search(text) or _RUNS_ON.search(text) or _FORMATS_TAKEN.search(text) or _COST.search(text)))


# What to do next, asked: "now what?", "然后呢?"
_WHAT_NEXT = re.compile(r"\bnow what\b|\bwhat(?:'s| is)? next\b|\bwhat do (?:i|we) do (?:now|next)\b|然后呢|接下来(?:呢|怎么办|做什么|干嘛|该干嘛)|下一步(?:呢|做什么|干嘛|怎么办|该做什么)", re.I)
# What a run costs, asked: "训一次大概花多少钱?按GPU小时算", "how much would a lora run cost in GPU hours?"
_COST = re.compile(r"(?=.*(?:训|练|微调|\brun\b|\btrain|\bgpu|\blora|GPU|显卡))(?:(?:花|要|得)(?:多少|几)(?:钱|块)|多少(?:钱|费用|成本)|\bhow much (?:does|would|will) (?:it|a \w+(?: \w+)?|this|training) cost\b|\bgpu[- ]hours?\b|GPU\s*小时)", re.I)


# Which formats the product reads, asked of it: "这个工具支持哪些数据格式?", "which file formats are accepted for upload?"
_FORMATS_TAKEN = re.compile(r"支持(?:哪些|什么|哪几种|几种)(?:数据|文件)?格式|\b(?:what|which) (?:file )?formats? can (?:you|i|it|this) (?:convert|export|turn \w+) (?:to|into)\b|(?:哪些|什么|哪几种)(?:数据|文件)?格式(?:可以|能)?(?:用|传|上传|支持)|"
                            r"\b(?:which|what) (?:file |data |input )?formats? (?:are|is|do you|does it|can (?:i|you|it))\b[^?]{0,20}\b(?:supported|accepted|allowed|support|accept|read|handle|upload)", re.I)


# Settings the hyperparameter advice does not give (it gives epochs, learning rate, batch size and accumulation, rank).
_NOT_ADVISED = re.compile(r"cutoff[_ ]?len|max[_ ]?(?:seq(?:uence)?[_ ]?)?len(?:gth)?|截断长度|序列长度|warm-?up|weight[_ ]decay|dropout|scheduler|调度器", re.I)
_HOW_CHANGE = re.compile(r"(?:应该|该|要)?怎么(?:调|改|变)|\bhow should (?:i|we|it|they) (?:adjust|change|scale)\b|涨到|增加到|\bgrows? (?:to|from)\b", re.I)
_VALUES_DIFFER = re.compile(r"\b(?:higher|larger|bigger) or (?:lower|smaller)\b|(?:大|高)还是(?:小|低)|(?:和|跟|与|\bvs\.?|\bversus\b|\bor\b|还是)[^?？。]{0,30}(?:差多少|差别|区别|差距|不同|\bdifference\b|\bdiffer\b)", re.I)
_PARTS = re.compile(r"(?<=[。!！?？;；])|\n+|(?<=[^\d\s][.!?])\s+|(?<=[.!?])\s+(?=[A-Z])")


# The go-ahead after a worry ("…? ok whatever, do it", "…?算了,删吧", "…? eh, go ahead and convert it").
# A short order closing a message after its question: "? Stop it.", "? Get rid of them.", "? Go on.", "?停掉吧"
_ORDER_LAST = re.compile(r"[?？]\s*(?:stop it|kill it|drop them|get rid of (?:them|those|it)|bin them|go on|do it|停掉吧|停了吧|删了吧|删掉吧|去掉吧)\W*$", re.I)
_GO_AHEAD = re.compile(r"^\W*(?:(?:whatever|anyway|ok(?:ay)?|so|meh|eh|fine)\b|所以|总之|好吧)|\bgo ahead\b|^\W*go on\W*$|\bdo it\b|\bjust do\b|\bdo (?:that|this) (?:on|for|with|to)\b|"
                       r"[,，]\s*(?:whatever|anyway)\b|直接(?:把|给|转|删|停|开|训|跑|加)|那就|算了|无所谓|反正", re.I)


# The run to resume, named as such: "要恢复的是 run-q9 不是 run-q8,其他停掉的都别动".
_RESUME_MEANT = re.compile(r"要[\"“「]?(?:恢复|续训|续跑|续|接着跑|接着干活|继续干活)[\"”」]?的是|\bthe one (?:to|i want to) resume is\b|"
                           r"\bit'?s [\w-]*\d?[\w-]* not [\w-]+ that (?:i|we) (?:wanted|want|meant) resumed\b|\bnot [\w-]+ that (?:i|we) wanted resumed\b", re.I)
# Which of two states a run is in, asked: "是真的停了还是挂了", "stopped or crashed?".
_STATE_ASKED = re.compile(r"(?:停了|停掉了|暂停了|挂了|崩了|跑完了|结束了|训完了)还是(?:停了|停掉了|暂停了|挂了|崩了|跑完了|结束了|在跑|还在跑)|"
                          r"(?:确认|看看|看下|查下|查一下)\S{0,4}是不是(?:已经|真的)?(?:跑完|训完|结束|完成|停)了|\b(?:confirm|check) (?:that )?it'?s (?:actually |really )?(?:finished|done|complete)\b|"
                          r"\b(?:stopped|crashed|finished|paused|died|running) or (?:just )?(?:stopped|crashed|finished|paused|died|still running)\b", re.I)
# Words that report what was said or done, not a request: "we're also told to diversify instructions".
_TOLD = re.compile(r"\b(?:we'?re|we are|i'?m|i am|they'?re|it'?s|was|were|been|told|said|says)\b|据说|听说|说过", re.I)
# Words that turn from a question to the request: "还有,", "这个先不管,", "不过现在先", "Either way,", "In the meantime,", "Regardless,".
_TURNING = re.compile(r"^\W*(?:(?:还有|另外|然后|这个先不管|先不管|不管了|不管怎样|不过|现在|总之|反正)\s*[,，]?\s*)+|"
                      r"^\W*(?:(?:anyway|anyhow|regardless|either way|in the meantime|meanwhile|and|also|for now)\b\s*,?\s*)+", re.I)


def _the_request(text: str, has_file: bool, new_upload: bool) -> Reading | None:
    """In a message of several sentences read as a question or as nothing, the one sentence that asks for an action
    in so many words ("帮我…", "convert FILE to jsonl", "Evaluate it and tell me what it forgot"), read as that action;
    None when no sentence, or sentences asking for different actions, do so."""
    parts = [p.strip() for p in _PARTS.split(text) if p and p.strip()]
    if len(parts) < 2 or acts.is_hypothetical(text) and (acts.is_hypothetical(parts[-1]) or not _TURNING.match(parts[-1])):
        return None  # (a what-if, unless a part after it turns to the request: "要是中途断电了会怎样?……不过现在先把 X 恢复起来吧")
    readings = []
    for at, part in enumerate(parts):
        if (acts.speech_act(part) in ("question", "hypothetical") or _DONE_ALREADY.search(part)
                or acts.is_rhetorical(part) and (acts.asks_concept(text) or acts.asks_definition(text))):  # ("…是什么意思呀?为什么不直接…呢?")
            continue  # ("质检做完了。…", "done with the quality check, …": what is done already)
        turned, said = bool(_TURNING.match(part)), part
        part = _TURNING.sub("", part) or part  # "…? Either way, drop all the conflicts.", "…?还有,对 FILE 做一次质量检查。"
        if review.asks_fill(part, False) and review.placeholder_values(part) and not rx.search(r"[?？]", part):
            return Reading("", "", "command")  # "Do you keep the original…? Regardless, fill FILE with name 'Otto'…": the planner's fill
        if (acts.is_request(part) or acts.opens_with_command(part) or _GO_AHEAD.search(part) and not _ONLY_WHEN.search(part)
                or rx.match(r"\W*(?:(?:get rid of|drop|remove|delete|keep|bin|toss|ditch|nuke)\b|(?:删了|删掉|删除|去掉|不要了|留着吧|保留)(?=吧|[,，。;；!！\s]|$))", part, re.I) and review.rule_command(text) is not None
                and not rx.search(r"[?？]", part)
                or acts.is_request(said) or _GO_AHEAD.search(said) and not _ONLY_WHEN.search(said)
                or turned and not rx.search(r"[?？吗呢]", part) and not _TOLD.search(part) and (own := _read(part, has_file, new_upload)).act == "command" and own.prob >= 0.8
                and own.tool in _ACTIONS + ("inspect_dataset", "training_status", "probe_learning_rate")):
            # ("How do I know when training is done? And show me the status of run e7c2d1.": a part read as a step, surely)
            # ("is evaluating a run expensive? I only want to do it if it's like half an hour max": a condition, nothing asked)
            if review.decides(part) and review.rule_command(text) is not None and not rx.search(r"[?？]", part):
                return Reading("", "", "command")  # "will dropping the garbled rows lose anything? meh. drop them": the planner's rule
            got = _read(part, has_file, new_upload)
            if got.tool in _ACTIONS + ("inspect_dataset", "suggest_hyperparameters", "probe_learning_rate", "training_status", "fill_placeholders")\
                    and got.act == "command" and got.prob >= 0.5:
                readings.append(got)
            elif (not got.tool or got.prob < 0.5 and rx.search(r"\b(?:run|do) (?:one|it)\b", part, re.I)) and _GO_AHEAD.search(part) and classifier.active() is not None:
                # ("Does the LR probe change my data? Go ahead and run one on FILE": the step the question names)
                asked = " ".join(p for p in parts[:at] if rx.search(r"[?？吗]", p))
                guess = classifier.active().predict(asked) if asked else None
                # "would adding few-shot stuff mess up my data? … ok whatever, do it": the action the worry was about
                ruled = next((name for name, score in intents.classify(asked).ranked if name in _ACTIONS and score >= 1), "") if asked else ""
                for name, prob in ((guess.name, guess.prob), (guess.second, guess.second_prob), (ruled, OFFER)) if guess else ():
                    if name in _ACTIONS and prob >= 0.1:
                        readings.append(Reading(name, "", "command", prob))
                        break
    return readings[0] if readings and len({r.tool for r in readings}) == 1 else None


def _after_when_clause(text: str) -> str | None:
    """"Before we train on FILE, scan it for junk records": the ask is after the comma."""
    before = _BEFORE_TRAINING.match(text)
    if before and rx.search(r"给我|帮我|帮忙|请你|把|\b(?:give|send|get) me\b", before.group(0), re.I):
        return None  # "十一点之前给我个超参建议,数据 8000 条": the deadline's clause holds the ask itself
    return text[before.end():] if before and before.end() < len(text) else None


def _before_when_clause(text: str) -> str | None:
    """"clean up FILE before we train on it": the ask is before the clause."""
    after = _BEFORE_TRAINING_AFTER.search(text)
    return text[:after.start()] if after and after.start() > 6 else None


# A run told as one's own plan, not asked of us ("I'll only train on X", "我只打算用 X 训"), then its settings asked: the
# questions are the ask ("I'll only train on FILE — what hyperparameters?").
_INTENT_TOLD = re.compile(r"\bI'?ll\b|\bI will\b|\bI'm (?:going to|gonna)\b|\bwe'?ll\b|我(?:们)?(?:只|就)?(?:打算|准备|会)", re.I)
_SETTINGS_NAMED = re.compile(r"hyper-?param|超参|参数|\bsettings?\b|\bconfig\b|学习率|\blr\b|\bepochs?\b|轮数|几轮", re.I)


def _plan_told_settings_asked(asked: Reading, part: str, text: str) -> bool:
    return asked.tool == "start_training" and bool(_INTENT_TOLD.search(part) and _SETTINGS_NAMED.search(text[len(part):]))


def _before_questions(text: str) -> str | None:
    """"Kick off training on FILE, max 2000 steps. How long will that take?": the request comes first."""
    tail = acts.questions_after(text)
    return text[:tail] if tail else None


# A record of the data pasted as an example: "Q: 退款多久到账 A: 请问您是…?", "问:…答:…", a JSON object.
_RECORD_LINE = re.compile(r"^\s*(?:>|(?:Q|q|问|问题|question|prompt)\s*[:：].{0,200}(?:A|a|答|答案|answer|response)\s*[:：]|\{\s*\")", re.I)


def _own_lines(text: str) -> str | None:
    """"> run x failed …\npick it back up", "…有这种:\nQ: … A: …?\n这种…全部去掉": quoted lines and pasted records are
    context, the ask is the person's own."""
    lines = text.split("\n")
    own = [line for line in lines if not _RECORD_LINE.match(line)]
    return "\n".join(own) if len(own) < len(lines) and "".join(own).strip() else None


def says_now(text: str) -> bool:
    """A line says what to do now ("Your one job right now: …", "现在要做的就是:…")."""
    return bool(_NOW_LINE.search(text))


def _want_line(text: str) -> str | None:
    """"file: x.csv\nquestion col: q\nwant: format, counts": a form whose "want:" line is the ask."""
    wanted = _WANT_LINE.search(text)
    now = _NOW_LINE.search(text)
    return wanted.group(1) if wanted and len(rx.findall(r"(?m)^\s*[\w ]{1,20}[:：]", text)) >= 2 else now.group(1) if now else None


def _after_paste(text: str) -> str | None:
    """"Inspect said: `format: alpaca …`. ok good, now give me FILE as an xlsx": the ask follows the paste."""
    pasted = _PASTED.match(text)
    return text[pasted.end():] if pasted and len(text) - pasted.end() > 6 else None


# A line of a training log pasted in: "step 100  loss 2.31", "{'loss': 0.42, 'epoch': 1.0}", "epoch 2/3 ... loss=0.8".
_LOG_LINE = re.compile(r"^\s*(?:(?:step|epoch|iter(?:ation)?)\s*[:=]?\s*\d[\d/.]*\b.*\b(?:loss|lr|acc\w*)\b|\{\s*['\"](?:loss|eval_loss|train_loss)['\"]|"
                       r".*\b(?:loss|eval_loss|train_loss)\s*[:=]?\s*\d+\.\d+.*(?:step|epoch|it/s)).*$", re.I)


def _beside_log(text: str) -> str | None:
    """"loss 是这样走的:\nstep 100 loss 2.31\nstep 200 loss 0.42\n这算不算过拟合了?": two or more log lines pasted are
    context; the ask is in the person's own lines."""
    lines = text.split("\n")
    own = [line for line in lines if not _LOG_LINE.match(line)]
    return "\n".join(own) if len(lines) - len(own) >= 2 and "".join(own).strip() else None


@dataclass(frozen=True)
class _Focus:
    """A part of a message that may hold its whole ask (``find``), and when the reading of that part
    stands for the message (``stands``: the part's reading, the part, the whole text)."""

    find: Callable[[str], str | None]
    stands: Callable[[Reading, str, str], bool]


# "I've got FILE and FILE — which format does Qianfan expect …?", "我手上有 FILE 和 FILE,千帆里…用哪种格式?": the files said
# to be at hand are the setting; a question after them is about the concept, not a look at them.
_POSSESSION = re.compile(r"^\W*(?:i'?ve got|i have|we have|we'?ve got|我们?(?:手上|手里|这边|这儿|这里|这)?有|手上有)\s*FILE"
                         r"(?:\s*(?:,|，|、|and|和|还有|以及|跟)\s*FILE)*\s*(?:[两三四五几]个文件)?\s*[—–,，:：;；-]+\s*(.+)$", re.I | re.S)


def _after_possession(text: str) -> str | None:
    m = _POSSESSION.match(text)
    return m.group(1) if m else None


# "手册说“适当构建few shot及COT数据加入训练”,那就给 FILE 加 few-shot 吧", "Per the manual, 'building few-shot and CoT data…' —
# add few-shot to FILE": the words quoted from the manual (or from the assistant) are cited, the ask is the person's own.
_CITED = re.compile(r"(?:手册|文档|说明书?|你)(?:里|上|中)?(?:说|写|讲|提到|建议)(?:的|过|了)?\s*[:：,，]?\s*|(?:照|按|按照|根据)(?:手册|文档|你说的)\s*|"
                    r"\b(?:the manual|the docs?|the guide|you)\s+(?:says?|said|wrote|writes|mentions?|suggests?|recommends?)\s*[:,]?\s*|"
                    r"\b(?:per|according to|as per) the (?:manual|docs?|guide)\s*,?\s*", re.I)
_QUOTE_SPAN = re.compile(r"“[^”]{4,200}”|「[^」]{4,200}」|\"[^\"]{4,200}\"|(?<![A-Za-z])'[^']{4,200}'(?![A-Za-z])")


def _beside_citation(text: str) -> str | None:
    cited = _CITED.search(text)
    quote = _QUOTE_SPAN.search(text, cited.end()) if cited else None
    if not quote or quote.start() - cited.end() > 2:
        return None
    rest = text[:cited.start()] + " " * (quote.end() - cited.start()) + text[quote.end():]  # the citing words go with the quote
    return rest if rx.search(r"\w", rest[quote.end():]) else None


# "manual says 1000 samples → 10 epochs, mine's about 1k, so kick off 10 epochs on FILE", "COT到底是干嘛用的?不管了,先给 FILE
# 加50条cot样本": what is told or asked first, then the request the person draws from it.
_SO_THEN = re.compile(r"(?:[,.;!?，。；！？…—–]|\s-)\s*(?:and\s+)?(?:so|then|therefore|hence|anyway|anyhow|whatever|所以|那就|那么就?|不管了|"
                      r"先不管了?|算了不管了?|总之|反正)(?![A-Za-z])\s*[,，]?\s*(?=\S)", re.I)


def _after_so(text: str) -> str | None:
    so = [m for m in _SO_THEN.finditer(text) if m.start() >= 8]
    if so:
        return text[so[-1].end():]
    since = rx.match(r"^\W*(?:since|as|because|既然|因为)(?![A-Za-z])[^,，.。]{5,120}[,，]\s*(?=\S)", text, re.I)
    return text[since.end():] if since and rx.search(r"manual|手册|guide", text[:since.end()], re.I) else None  # "since the manual says …, start …"


def _after_own_answer(text: str) -> str | None:
    """"质检里「答案是问题」是什么意思?我猜就是…对吧。对,应该是。那这类都删了吧。": a question the person answers
    themselves, then the step asked for: what follows the last question mark, when a self-answer or a "so" leads to it."""
    at = max(text.rfind("?"), text.rfind("？"))
    rest = text[at + 1:] if at >= 6 else ""
    if len(rest.strip()) < 6 or not _OWN_ANSWER.search(rest):
        return None
    return rest


_OWN_ANSWER = re.compile(r"我(?:知道|猜|想|觉得)|对吧|应该是|(?:^|[。.!！]\s*)(?:那就?|那么|好|行|OK|ok)\b|(?:^|[。.!！，,]\s*)那(?=帮|你|再|给|请)|\bi (?:know|guess|think|suppose)\b|\b(?:ok|okay|right|fine|alright),? (?:so|but|then)\b|\bso\b", re.I)


_FOCI = (
    _Focus(_beside_citation, lambda asked, part, text: asked.tool in _ACTIONS + ("suggest_hyperparameters", "probe_learning_rate",
                                                                                 "inspect_dataset") and asked.act == "command"),
    _Focus(_after_so, lambda asked, part, text: asked.tool in _ACTIONS + ("suggest_hyperparameters", "probe_learning_rate", "inspect_dataset",
                                                                          "training_status", "evaluate_run")
           and asked.act == "command" and asked.prob >= 0.5 and not acts.is_hypothetical(part) and not rx.search(r"[?？]\s*$", part)
           or not asked.tool and asked.act == "command" and review.decides(part) and review.rule_command(part) is not None),
    _Focus(_after_possession, lambda asked, part, text: asked.tool == "explain" and asked.act == "question"),
    _Focus(_after_own_answer, lambda asked, part, text: asked.tool in _ACTIONS + ("suggest_hyperparameters", "probe_learning_rate", "inspect_dataset", "apply_quality_rule")
           and asked.act == "command" and asked.prob >= 0.5 and not acts.is_hypothetical(part)
           and ((whole := _read_whole(text).tool) in ("", "explain") or whole == "training_status" and asked.tool == "evaluate_run")),
    _Focus(_after_when_clause, lambda asked, part, text: True),
    _Focus(_before_when_clause, lambda asked, part, text: True),
    _Focus(_before_questions, lambda asked, part, text: bool(asked.tool) and asked.act == "command" and not _plan_told_settings_asked(asked, part, text)),
    # "> perplexity: 42 records flagged\nThose look fine, keep them.": a review of the quoted finding stands too
    _Focus(_own_lines, lambda asked, part, text: bool(asked.tool) and asked.prob >= 0.5
           or (not asked.tool or asked.prob < 0.5) and review.decides(part) and bool(review.rule_command(text))),
    _Focus(_beside_log, lambda asked, part, text: bool(asked.tool)),
    _Focus(_want_line, lambda asked, part, text: bool(asked.tool)),
    # "`Warning: 17% of answers shorter than 5 tokens` 这个警告严重吗?": a question about our tool's output is ours to explain
    _Focus(_after_paste, lambda asked, part, text: bool(asked.tool) or asked.act == "question" and not (_HOW_GOOD.search(part) or _EVALUATE.search(part))),
)
"""Where the ask of a message may sit, tried in order: the first part whose reading stands is the
message's reading; when none does, the whole message is read."""


def _read(text: str, has_file: bool = False, new_upload: bool = False) -> Reading:
    for focus in _FOCI:
        part = focus.find(text)
        if part is not None:
            asked = _read(part, has_file, new_upload)
            if focus.stands(asked, part, text):
                return asked if asked.tool or focus.find is not _after_paste else Reading("explain", "", "question", asked.prob)
    return _read_whole(text, has_file, new_upload)


def _read_whole(text: str, has_file: bool = False, new_upload: bool = False) -> Reading:
    act = acts.speech_act(text)
    if act == "question" and (acts.picks_listed(text) or acts.questions_listed(text)):
        return Reading("explain", "", "question")  # "几个问题:1. …2. …先回答第一个吧"
    if act == "question" and acts.asks_what_was_done(text) and (intents.about_sft(text) or _OUR_ACTIONS.search(text)):
        return Reading("explain", "", "question")  # "did you already delete them?", "你转完的文件存哪了": what the assistant did
    if act == "confirmation":
        return Reading("", "", act)  # "行 继续": a reply to the question asked, not a resume
    if (act == "command" and _asks_about_product(text) and not acts.is_request(text)
            and not rx.search(r"把|帮我|给我", text) and not _RESUME_VERB.search(text) and not _STOP_WORD.search(text) and not _START_VERB.search(text)
            and not (review.decides(text) and review.rule_command(text))):  # ("…乱码的都删掉,文件 FILE,留着反而有泄露风险": a decision)
        act = "question"  # "Does this thing send our data anywhere?", "can this run on our office laptop or do we need a gpu?"
    if (act == "hypothetical" and rx.search(r"的话", text) and not rx.search(r"假设|假如|如果|要是|万一|倘若|\bif\b|\bsuppos", text, re.I)
            and (amounts.count_args(text).get("n_samples") or 0) >= 10 and _VALUE_ASKED.search(text)
            and not _EFFECT.search(text) and not _JUDGED.search(text) and not rx.search(r"会|\bwould\b|\bwill\b", text, re.I)):
        act = "question"  # "3000条数据全参微调的话,batch size 多大合适,学习率呢": values asked for that many, a condition in form only
    if (act == "hypothetical" and _METHOD_SUPPOSED.search(text) and ((amounts.count_args(text).get("n_samples") or 0) >= 10 or has_file or "FILE" in text)
            and (_VALUE_ASKED.search(text) or _ADVICE_ASKED.search(text)) and not _EFFECT.search(text) and not _JUDGED.search(text)
            and not rx.search(r"会(?!不会)|\bwould\b|\bwill\b|区别|显存|能不能|能做|跑得动|效果", text, re.I)):
        act = "question"  # "本门弟子收录问答五千条,若行全参之法,该炼几轮、灵力几何?": the values for that many, under a way of training
    if act == "command" and not has_file and not _STOP_OPENS.search(text) and not _EVALUATE.search(text) and (acts.plain_question(text) or not names.find_run_id(text) and acts.heard_asking(text)):
        act = "question"  # "SFT 跟预训练到底差在哪", "whats lora": asked, with nothing attached to act on
    model = classifier.active()
    if model is None:
        guess = intents.classify(text, has_file=has_file)
        tool, prob = guess.name, 1.0
        offer = guess.ranked[0][0] if not tool and guess.ranked[0][1] >= 1 else ""
    else:
        guess = model.predict(text)
        tool, offer, prob = _model_reading(guess, intents.about_sft(text))
        if (guess.name in ("explain", classifier.NONE) and guess.second == "start_training" and guess.prob - guess.second_prob < 0.15
                and (has_file or guess.name == "explain") and intents.is_muse(text)):
            tool, offer = "start_training", ""  # "should i start the fine-tune now or wait?", (an upload) "hmm, train maybe?": a
            # start wondered about, as likely as the other reading; the start waits for the person's yes (musing, below)
        if (offer in _LOOK_TOOLS and act == "command" and not _STOP_WORD.search(text) and not _RESUME_VERB.search(text)
                and not review.decides(text) and not acts.is_hypothetical(text)) and (new_upload and offer in ("inspect_dataset", "check_quality") or names.find_run_id(text) and offer in ("training_status", "evaluate_run")):
            tool, offer = offer, ""  # (an upload) "any bad rows in there?", "compare lora-hr-v1 with base": a weak reading of a look at
            # the data or run at hand is the look, which changes nothing
        if (tool in ("resume_training", "stop_training") and prob < 0.5 and names.find_run_id(text)
                and rx.search(r"\b(?:check|look at|status)\b|查|看", text, re.I)
                and not _RESUME_VERB.search(text) and not _STOP_WORD.search(text)
                and (ruled := intents.classify(text, has_file=has_file)).name in ("training_status", "evaluate_run") and ruled.score >= 2):
            tool, offer = ruled.name, ""  # "check run-0916 please": a weak reading of a resume with no word of one is the look the rules read
        if tool in ("resume_training", "stop_training", "evaluate_run") and (run := names.bare_run_id(text)) and names.is_run_name(run[0]):
            tool, offer = "training_status", ""  # "run-0613-k" alone (after "how's the soup simmering?"): a bare run id is a look
        if (tool == "resume_training" and prob < 0.5 and not names.find_run_id(text) and not names_stop_or_resume(text)
                and not _RESUME_FROM.search(text) and not intents.scores(text)["resume_training"] and not _RESUME_HINT.search(text)):
            tool, offer = "", ""  # "ok run it", "let's kick it off": a weak reading of a resume, with no word of one and no run
    # our domain: its words, or the model's reading of a tool ("what happens if I stop it now?" names no SFT word)
    model_explains = (model is not None and act in ("question", "hypothetical")
                      and guess.name == "explain" and guess.prob >= OFFER)
    # "what do the placeholders like {{author}} mean in FILE?": a definition the model reads as ours
    defines = model is not None and act == "question" and guess.name == "explain" and acts.asks_definition(text)
    domain = intents.about_sft(text) or (model is not None and _names_a_tool(guess)) or model_explains or defines
    # our words beyond "train" itself ("how do I train my dog to sit" is another kind of training)
    ours = intents.about_sft(rx.sub(r"train\w*|训练|练", " ", text, flags=re.I))
    if act in ("question", "hypothetical") and amounts.count_args(text).get("n_samples") and len(rx.sub(r"[\W\d]", "", text)) >= 12:
        domain = ours = True  # "我们的工单有两万多条,全部都要用上吗?": a question about how much of the data to use
    if act == "question" and acts.asks_about(text) and _OUR_ACTIONS.search(text):
        domain = ours = True  # "Where does the converted file end up?": what one of our steps does with the files
    if act == "question" and _asks_about_product(text):
        domain = ours = True  # "Do I need a GPU for this?", "can this whole thing run offline?": what the product runs on
    if has_file and act in ("question", "hypothetical") and acts.asks_about(text):
        domain = ours = True  # "(upload) …full of '???'. Do I fix those or just drop them?": a question about the data at hand
    if act in ("question", "command") and _FILES_TOGETHER.search(text) and rx.search(r"[?？]|吗", text) and not acts.is_request(text):
        tool, offer = "explain", ""  # "Can I train on FILE and FILE together?", "FILE 和 FILE 能合在一起训吗?": whether data can be combined
    if tool in ("", "inspect_dataset", "convert_dataset", "training_status") and _FORMATS_TAKEN.search(text) and "FILE" not in text:
        tool, offer, act = "explain", "", "question"  # "Could you please clarify which file formats are accepted for upload?"
    elif tool in ("", "inspect_dataset", "training_status") and act == "question" and _asks_about_product(text):
        tool, offer = "explain", ""  # "Do I need a GPU for this? Our office PCs are pretty old": what the product runs on
    elif not tool and (model_explains or defines):
        tool, offer = "explain", ""  # the model's own (weaker) reading of a question about our domain, or of a definition
    elif (not tool and model is not None and act in ("question", "hypothetical") and ours
          and guess.name == classifier.NONE and guess.second == "explain" and guess.prob - guess.second_prob < MARGIN):
        tool, offer = "explain", ""  # "Is more data always make the model better?": a question in our words, explain close behind
    if (not tool and act in ("question", "hypothetical") and ours and not offer and model is not None
            and (guess.prob < 0.45 or guess.second == "explain" and guess.prob - guess.second_prob < 0.3)):
        tool = "explain"  # "Is overfitting a real risk with a few hundred examples?": a question in our words, no tool read
    if (not tool and not offer and act == "question" and model is not None and acts.plain_question(text)
            and (rx.search(cues.TOPIC, text, re.I) or intents.about_sft(text) and amounts.count_args(text).get("n_samples"))):
        tool = "explain"  # "How many Q&A pairs would a small clinic need?": a plain question about an SFT concept
    if not tool and _MEANING_ASKED.search(text) and _OUR_SETTING.search(text):
        tool, offer = "explain", ""  # "please explain what 'mix_general' means": a setting of ours, defined
    close = model is not None and guess.name == "explain" and guess.prob - guess.second_prob < MARGIN
    if close and tool == "explain" and act == "command" and acts.is_request(text) and guess.second in _ACTIONS + ("inspect_dataset",):
        tool = guess.second  # "Can you check the data quality of what I just uploaded?": asked for, not asked about
    if ((tool == "explain" or tool == "" and acts.is_rhetorical(text)) and model is not None and guess.name == "explain" and act == "command" and acts.is_request(text)
            and not _EXPLAIN_VERB.search(text) and guess.second in _ACTIONS + ("inspect_dataset",) and guess.second_prob >= 0.1):
        tool = guess.second  # "Would you kindly turn the spreadsheet I just uploaded into the Alpaca format?": a request, not a question
    if (tool == "explain" and act in ("command", "question") and guess.second == "suggest_hyperparameters" and guess.prob - guess.second_prob < 0.2
            and (amounts.count_args(text).get("n_samples") or len(text) <= 40 and amounts.lone_count(text)
                 # (an upload) "what batch size should I go with", "这么多数据学习率怎么定?": a value for the data at hand
                 or has_file and _VALUE_ASKED.search(text) and not rx.search(acts.GENERAL, text) and not _JUDGED.search(text))
            and not (act == "question" and acts.asks_concept(text))):  # (not "50 条数据硬训 20 个 epoch,会咋样?": what would follow)
        tool = guess.second  # "epochs for 800?": the advice for that many, asked in few words
    if (tool == "explain" and act in ("command", "question") and has_file and guess.second in ("check_quality", "inspect_dataset")
            and (guess.prob - guess.second_prob < MARGIN or guess.second == "check_quality" and _FLAW_ASKED.search(text))
            and not acts.asks_concept(text)):
        tool = guess.second  # (an upload) "有没有重复的问答对?": a question about the data at hand
    if (tool == "check_quality" and guess.second == "inspect_dataset" and guess.prob - guess.second_prob < MARGIN and not _QUALITY_ASKED.search(text)
            and (rx.search(r"多少条|几条|\bhow many (?:rows|records|samples)\b", text, re.I) or rx.fullmatch(r"\W*(?:检查|查看|看看)(?:一下|下)?\s*FILE\W*", text))):
        tool = "inspect_dataset"  # "能不能告诉我 FILE 有多少条、有没有什么问题", "检查 FILE": how many, and what it is, a look first
    if (tool == "inspect_dataset" and has_file and guess.second == "check_quality" and guess.prob - guess.second_prob < MARGIN
            and _FLAW_ASKED.search(text) and not rx.search(r"多少条|几条|\bhow many (?:rows|records|samples)\b|格式|\bformat\b", text, re.I)):
        tool = "check_quality"  # (a file) "看看有没有空的 answer": the flaws are the check's to find
    if tool in ("", "explain") and act in ("question", "command") and _SETTING_ONLY_ASKED.search(text) and not acts.is_hypothetical(text):
        tool, offer = "suggest_hyperparameters", ""  # "What learning rate should be used?", "LR? lora.", "Tuning recipe for 8000 rows?":
        # a setting's value asked for, nothing else
    if tool in _ACTIONS + ("", "inspect_dataset") and _ABILITY_ASKED.search(text) and not acts.is_hypothetical(text):
        tool, offer, act = "explain", "", "question"  # "Can you do perplexity scoring at all?", "Can it read Windows paths like C:\\…?":
        # what the product can do, asked; a path given as an example is no file of the person's
    if (close and tool == "explain" and act in ("question", "command") and guess.second == "suggest_hyperparameters" and _VALUE_ASKED.search(text)
            and not _HOW_DERIVED.search(text)):  # ("建议参数里的 batch size 是按啥算出来的?": how the advice is reached, explained)
        tool = guess.second  # "what batch size should i pick": a value asked for
    if tool in ("", "explain") and act == "command" and intents.muses_training(text) and intents.is_muse(text):
        tool, offer = "start_training", ""  # "要不要试着训练一下?": wondering about a run (the planner asks back)
    if (not tool and (offer == "start_training" or model is not None and guess.name == "start_training" and _TRAIN_WORD.search(text))
            and act in ("command", "correction") and amounts.training_args(text)
            and not acts.is_condition(text) and not acts.is_hypothetical(text) and not _ASKS.search(text)):
        tool, offer = "start_training", ""  # "搞个 LoRA 训练,三轮", "r=8 ✗ → r=32,文件不变 FILE": a run, read weakly, with its settings
    if (tool == "explain" and act == "command" and model is not None and guess.name == "explain" and guess.second in _DATA_MAKERS
            and guess.second_prob >= 0.1 and acts.tells_then_asks(text)):
        tool = guess.second  # "FILE has a 'chef_note' column with why each dish is paired - use that for CoT": told, then asked for
    if (tool == "explain" and act == "command" and model is not None and guess.name == "explain" and guess.second in _DATA_MAKERS
            and guess.prob - guess.second_prob < MARGIN and not rx.search(r"[?？吗]", text) and not _EXPLAIN_VERB.search(text)):
        tool = guess.second  # "FILE 里有一列“判断依据”,…,用它来做思维链样本": a request with no question in it
    if (tool == "training_status" and has_file and guess.second == "start_training" and guess.second_prob >= 0.3 and _TRAIN_FIRST.search(text)
            and not names.find_run_id(text)):
        tool = "start_training"  # (a file) "跑个训练,先限 200 步看看 loss": a run to start; watching its loss comes after
    if tool in ("evaluate_run", "inspect_dataset") and guess.second == "start_training" and guess.prob - guess.second_prob < MARGIN \
            and _TRAIN_FIRST.search(text) and not names.find_run_id(text):
        tool = "start_training"  # "炼一版看看效果": a run to make first; seeing how it does comes after
    if tool in ("", "check_quality", "inspect_dataset", "evaluate_run") and act == "command" and has_file and _TRAIN_WITH_THIS.search(text) \
            and not names.find_run_id(text):
        tool, offer = "start_training", ""  # (a file) "拿这个清洗完的训练,5轮": the data at hand trained on
    if tool in ("", "explain", "evaluate_run") and act in ("command", "correction") and _START_OPENS.match(text) and not names.find_run_id(text):
        tool, offer, act = "start_training", "", "command"  # "开训!混10%通用数据进去,别训傻了": a start, the forgetting it guards against
    if not tool and offer == "start_training" and intents.is_muse(text) and intents.about_sft(text):
        tool, offer = "start_training", ""  # "hmm, train maybe?": a musing start, which the guard asks about before anything runs
    if (act == "question" and (tool == "inspect_dataset" or not tool and offer == "inspect_dataset") and not has_file and domain
            and (not acts.points_at_data(text) or acts.asks_requirement(text) or acts.asks_about(text) and "FILE" not in text)):
        tool, offer = "explain", ""  # "问答数据至少要有几个字段", "我这个表格…能直接拿来训练吗": a look needs a file; with none, the question is general
    if tool == "explain" and acts.asks_definition(text) and not intents.about_sft(text) and not _PLACEHOLDER_WORDS.search(text):
        tool, offer = "", ""  # "what does a null pointer mean": a definition outside our words is not ours to give
    if tool == "explain" and not domain and not (act == "question" and _PLACEHOLDER_WORDS.search(text)):
        tool = ""  # only questions about our domain are explained ("capital of australia" is not; "what's a 'placeholder'?" is)
    if (tool == "explain" and not ours and model is not None and (guess.name == "explain" and guess.second == classifier.NONE
                                                                  or guess.name == classifier.NONE and guess.second == "explain")
            and abs(guess.prob - guess.second_prob) < MARGIN):
        tool = ""  # "how do I train my dog to sit": "train" is the only word of ours, and off-topic is as likely
    if (tool == "explain" and model is not None and guess.name == "explain" and guess.prob < 0.45 and guess.second == classifier.NONE
            and rx.match(r"\W*(?:what|who|where|when|which)\b", text, re.I)
            and not intents.about_sft(text) and not QUOTED.search(text) and not rx.search(r"(?<![A-Za-z])Q(?![A-Za-z])", text)
            and not _asks_about_product(text)):  # (Q: words quoted, read apart)
        tool = ""  # "what is the capital of France": no word of ours, and off-topic close behind
    musing = tool == "start_training" and intents.is_muse(text) and not acts.asks_concept(text)  # "可以开始训练了吗": asked back
    # "How much general knowledge did our new model lose?": a question about the user's own run is its report
    owns = tool == "evaluate_run" and act == "question" and (not acts.asks_concept(text) and (_MINE.search(text) or names.find_run_id(text))
                                                             or _EVALUATE_IT.search(text))  # ("RUN finished. did it learn anything?")
    if act == "question" and tool in ("", "evaluate_run", "training_status", "explain") and names.find_run_id(text) and _RUN_STATE_ASKED.search(text):
        tool, offer, act = "training_status", "", "command"  # "RUN stalled at step 60 I believe. Is it actually alive or not?": its state
    if act == "hypothetical" or (act == "question" and not musing and not owns and (tool in _ACTIONS or offer in _ACTIONS)):
        # a question about an action is explained, never acted on
        named = bool(tool or offer) or domain
        tool, offer = ("explain" if named else "", "")
    unquoted = QUOTED.sub(" Q ", text)  # ("…with these: 'How tall do kids need to be…'": quoted words ask nothing)
    if (tool and (act == "question" or rx.search(r"[?？吗嘛]|来着\W*$", unquoted) or rx.match(r"\W*how (?:do|can|should) (?:i|we) (?!\w+ (?:it|this|that|them)\b)[^.!?\n]{8,}$", unquoted, re.I))
            and (acts.asks_how_to(unquoted) or (act == "question" or rx.search(r"[?？]", unquoted)) and acts.asks_requirement(unquoted))
            and not names.find_run_id(text)):
        tool, offer, act = "explain", "", "question"  # "How do I keep the model from forgetting…?", "这个文件适合加COT吗?": advice
    if not tool and acts.asks_how_to(text) and ours:
        tool, offer, act = "explain", "", "question"  # "for lora do you um raise the learning rate or lower it": advice in our words
    if act == "question" and tool and tool != "explain" and acts.CONCEPT_ASKED.search(text) and not acts.is_request(text):
        tool, offer = "explain", ""  # "in FILE, what counts as a conflict?", "FILE 算不算多轮对话数据?", "…是按啥标准判的?": how it works,
        # asked with the file named, not a look at the file
    if act == "question" and tool in ("explain", "check_quality", "inspect_dataset") and new_upload and _UPLOAD_JUDGED.search(text):
        tool, offer, act = "check_quality", "", "command"  # (an upload) "is this any good? like the quality of it": a look at its quality
    if act == "question" and tool in _LOOKS and acts.wonders(text) and not names.find_run_id(text) and "FILE" not in text:
        tool, offer = "explain", ""  # "The team wonders whether the prompt at inference time should match the one used in training."
    if act == "question" and tool in _LOOKS and acts.asks_concept(text) and domain and not owns and not (new_upload and _LOOKS_OK.search(text)):
        tool, offer = "explain", ""  # "评估训练结果一般看哪些指标": how it works, not how my run is doing (not, of an upload, "does it look ok?")
    if (act == "question" and tool in ("inspect_dataset", "training_status") and acts.asks_in_general(text) and domain and not owns
            and not names.find_run_id(text) and not _WHAT_FORMAT.search(text) and not _FLAW_ASKED.search(text)
            and not rx.search(r"多少|几条|几个字段|哪些(?:字段|列)|\bhow (?:many|big|long)\b|\bwhat(?:'s| is) in\b", text, re.I)):
        tool, offer = "explain", ""  # "请问一般从哪一步开始比较好?", "Does the column order in FILE matter?", "FILE 这种身份文件是拿来干嘛的":
        # how things work asked, the file or a run only its setting
    if (act == "question" and tool in ("suggest_hyperparameters", "probe_learning_rate") and not amounts.count_args(text)
            and not acts.points_at_data(text) and (_PURPOSE.search(text) or acts.asks_definition(text)
                                               or rx.search(r"区别|difference|vs\.?", text, re.I)
                                               # "batch size 一般设多少合适?": the usual value, asked with no method of theirs
                                               or rx.search(r"一般|通常|\bnormal\b|\busually\b|\btypical(?:ly)?\b", text, re.I)
                                               and not rx.search(r"lora|全参|full|qlora", text, re.I))):
        tool, offer = "explain", ""  # "学习率探测是干嘛的,跟直接给超参建议有啥区别": what the tool is, not values for my data
    if act in ("question", "command") and (tool == "inspect_dataset" or not tool and "FILE" in text) and _PURPOSE.search(text) and not new_upload and not acts.is_request(text):
        tool, offer, act = "explain", "", "question"  # "identity.json 是干什么用的", "what is identity.json for?": what the file is for, not its rows
    if tool in ("inspect_dataset", "check_quality", "fill_placeholders") and review.asks_what_holes_are(text):
        tool, offer, act = "explain", "", "question"  # "what are the {{name}} and {{author}} things in FILE?": what placeholders are
    if tool == "suggest_hyperparameters" and _ASKS_BACK.search(text) and _EFFECT.search(text) and not _VALUE_ASKED.search(text):
        tool, offer, act = "explain", "", "question"  # "could 20 epochs cause overfitting?", "rank 开到 128 有意义吗": an effect, not a value
    if (tool == "suggest_hyperparameters" and act == "question" and not acts.points_at_data(text) and not amounts.count_args(text)
            and rx.search(acts.GENERAL, text) and not _VALUE_ASKED.search(text)):
        tool, offer = "explain", ""  # "lora_alpha 一般设成 rank 的几倍比较常见?": what is usual, not values for my data
    if (tool == "suggest_hyperparameters" and (act == "question" or rx.search(r"[?？]\s*$", text)) and not has_file and not acts.points_at_data(text)
            and (_JUDGED.search(text) or _DEFAULT_OF.search(text) or _ANY_SIZE.search(text) and not amounts.count_args(text).get("n_samples"))):
        tool, offer = "explain", ""  # "For 500 samples, is 8 epochs at 2e-4 reasonable?", "为什么 100 条建议 15 个 epoch?": a value judged, not asked for
    if (tool == "suggest_hyperparameters" and act == "question" and _NOT_ADVISED.search(text)
            and not rx.search(r"epoch|轮|(?<![a-z])lr(?![a-z])|learning rate|学习率|batch|批|rank|秩", text, re.I)):
        tool, offer = "explain", ""  # "cutoff_len 设多大合适?超长的话会把回答截掉吗": a setting the advice does not give, explained
    if tool == "suggest_hyperparameters" and (act == "question" or rx.search(r"[?？]", text)) and _VALUES_DIFFER.search(text):
        tool, offer = "explain", ""  # "秩(8)和秩(64)在小数据(300条)上到底差多少?": two values compared, not values for the data
    if tool == "suggest_hyperparameters" and act == "question" and _HOW_CHANGE.search(text):
        tool, offer = "explain", ""  # "数据量从一千条涨到一万条,epoch 应该怎么调?": how the rule scales, not values for one dataset
    if tool == "suggest_hyperparameters" and amounts.STEPS_ASKED.search(text) and (act == "question" or rx.search(r"[?？]\s*$|[啊呢吗呀]\W*$", text)):
        tool, offer = "explain", ""  # "10k samples, 3 epochs, batch 32 — roughly how many steps is that?": arithmetic, not advice
    if tool == "suggest_hyperparameters" and act == "question" and _THINK_ABOUT.search(text) and not acts.points_at_data(text):
        tool, offer = "explain", ""  # "a sensible way to think about batch size and accumulation?": how to reason, not values
    if act == "question" and (tool or intents.about_sft(text)) and acts.asks_definition(text) and domain:
        tool, offer = "explain", ""  # "what even is a learning rate range test": a definition, whatever tool it names ("Kindly
        # define … the term "supervised fine-tuning"": a definition in our words, no tool named)
    if (tool in ("", "explain") and act in ("command", "question") and _ADVICE_ASKED.search(text) and not acts.is_hypothetical(text)
            and not (act == "question" and (acts.asks_definition(text) or _PURPOSE.search(text) or rx.search(r"区别|difference", text, re.I)))
            and (amounts.count_args(text).get("n_samples") or rx.search(r"全参|全量|\bfull\b|\bq?lora\b|超参|hyper-?param", text, re.I))):
        tool, offer = "suggest_hyperparameters", ""  # "数据有1.2万条,全参还是lora还没定,先按全参给个建议": advice for that data
    if (tool in ("", "explain") and act in ("command", "question", "chitchat") and _VALUES_ASKED_FOR.search(text) and not names.find_run_id(text)
            and (amounts.count_args(text).get("n_samples") or 0) >= 10 and not acts.is_hypothetical(text) and not acts.asks_definition(text)):
        tool, offer, act = "suggest_hyperparameters", "", "command"  # "I have exactly 333 samples… Full fine-tune. Tell me the epochs and
        # learning rate.", "Got 2,500 tracks, I mean samples… Set me up with epochs and a learning rate": values asked for that many
    if (tool in ("", "explain") and act in ("command", "question", "chitchat") and names.find_run_id(text) and _RUN_STATE_SAID.search(text)
            and not acts.asks_concept(text) and not acts.asks_definition(text) and not acts.is_hypothetical(text)):
        tool, offer, act = "training_status", "", "command"  # "gj-0107 现在是啥情况?", "Where my run at? mc-0099, tell me how it's doin"
    if ((tool in ("", "explain") or tool == "evaluate_run" and not _EVALUATE.search(text) and not rx.search(r"\bevaluat|\blearn|\bforg[eo]t|\bcompar|评估|学会|遗忘", text, re.I))
            and act in ("command", "question") and _HOW_RUN.search(text) and not acts.asks_concept(text)):
        tool, offer, act = "training_status", "", "command"  # "could you let me know how run X is coming along?"
    if (tool == "start_training" and names.find_run_id(text) and _RUN_DONE.search(text) and rx.search(r"效果(?:咋样|怎么样|如何|好不好)|\bhow (?:did|'d) it do\b|\bany good\b", text, re.I)):
        tool, offer = "evaluate_run", ""  # "v3那版3个epoch跑完了(run id 是 sft_v3_e3),效果咋样": a finished run's results
    if (tool in ("", "explain", "inspect_dataset", "training_status") and _EVALUATE.search(text)
            and (act == "command" or act == "question" and (acts.points_at_data(text) or names.find_run_id(text)) and not acts.asks_in_general(text))):
        tool, offer = "evaluate_run", ""  # "ft-qa-v2 训完了,看看有没有遗忘", "效果咋样": the run's report
    if tool == "add_few_shot" and _SHOW_EXAMPLES.search(text) and not rx.search(r"few[- ]?shot|少样本|\bper (?:sample|row|record)\b|每条", text, re.I):
        tool, offer = "inspect_dataset", ""  # "open FILE and show me a few examples": rows to look at, no few-shot asked
    if offer == "explain" or model is not None and not intents.about_sft(text) and offer not in _SLANG_OK:
        offer = ""
    if (tool in ("", "check_quality") and offer in ("", "check_quality") and act == "command" and not has_file
            and names.find_run_id(text) and _SCORE_RUN.search(text)):
        tool, offer = "evaluate_run", ""  # "给 claims-lora-03 打个分": a score for a run, not a data check
    if (tool in ("training_status", "evaluate_run") and model is not None and not intents.about_sft(text)
            and not names.find_run_id(text) and not intents.scores(text)[tool] and (tool == "training_status" or not _RUN_WORDS.search(text))
            and not _HOW_RUN.search(text)):
        # "It has been raining here all week", "Can you recommend a good pizza place?": no word of a run, nothing asked of one
        tool, offer, act = "", "", "chitchat"
    if (_JUST_HI.search(text) or tool == "training_status" and _SMALL_TALK.search(text) and not names.find_run_id(text)
            and not intents.about_sft(_SMALL_TALK.sub(" ", text))) and not acts.is_request(text):
        tool, offer, act = "", "", "chitchat"  # "…the FILE person from earlier 😄 just saying hi", "haha 你好 bot, how's it going"
    if act == "question" and (_WHICH_ONE.search(text) or _PURPOSE.search(text) and tool in _ACTIONS):
        tool, offer = "explain", ""  # "which one should I train on: A or B?", "应该拿哪个训?": a choice asked about, not made
    if tool == "stop_training" and not names.find_run_id(text) and _STOP_AT.search(text) and _START_WORDS.search(text):
        tool, offer = "start_training", ""  # "训 FILE,不用跑满 epoch,max_steps 三百就停": where the new run stops, not a stop
    if _ABOUT_ME.search(text) and tool in ("", "explain"):
        tool, offer, act = "", "", "chitchat"  # "你是 gpt 吗", "are you chatgpt": about the assistant, no tool
    if (tool == "probe_learning_rate" and model is not None and not probe.asks_probe(text) and guess.second != classifier.NONE
            and (prob < 0.5 or guess.second == "start_training" and (_START_VERB.search(text) or probe.PROBE_DONE.search(text)))):
        tool = guess.second  # "ep=5 lr=1e-5 跑起来", "kick off lora on X, lr 2e-4": settings for a run, not a probe the person named
    if (tool == "start_training" and model is not None and guess.second in _DATA_MAKERS
            and _MAKES_DATA.search(text) and not _TRAIN_WORD.search(text) and not names.find_run_id(text)):
        tool = guess.second  # "cot数据搞起来!": slang for getting going, and what to make is the data, not a run
    if (tool == "stop_training" and model is not None and not _STOP_WORD.search(text) and guess.second in _ACTIONS + ("suggest_hyperparameters", "inspect_dataset")
            and (guess.second not in _RUN_CHANGES or _RESUME_VERB.search(text) or _RESUME_FROM.search(text) or _RESUME_HINT.search(text))):
        # (another run change in its place only on its own word: "respawn RUN from last checkpoint" is the resume, "速速封炉!" none)
        tool = guess.second  # "Recommend training params for FILE, we want a full fine-tune": no word of stopping anywhere
    elif (tool == "stop_training" and model is not None and not _STOP_WORD.search(text) and not names.find_run_id(text)
          and guess.second == "start_training" and set(amounts.training_args(text))):
        tool, offer = "start_training", ""  # "学习率还是用回 2e-4 吧,5e-4 撤了,别的照旧": a run's settings said, the start's correction
        # (the guard shows it), not a stop (no word of stopping, no run named)
    if (tool == "stop_training" and not names.find_run_id(text) and _STOP_SAID_OF.search(text) and not _STOP_WORD.search(_STOP_SAID_OF.sub(" ", text))
            and not rx.search(r"\b(?:run|job)\b", text, re.I)):
        tool, offer = (guess.second if model is not None and guess.second in _ACTIONS and guess.second not in _RUN_CHANGES else ""), ""
        # "…25% of rows. Explaining jokes: the fastest way to kill them.": how something is spoilt, said in passing, no run stopped
    if has_file and act == "question" and tool in ("", "explain") and _CAN_YOU_CONVERT.search(text):
        tool, offer, act = "convert_dataset", "", "command"  # (an upload) "这是我们客服常见问题汇总,能直接转成千帆格式吗": asked for, politely
    if (tool in ("", "inspect_dataset") and act == "command" and sum("{" in t for t in slots.find_templates(text)) >= 2
            and not review.decides(text)):
        tool, offer = "augment_instructions", ""  # "For FILE, pray use 'Would you kindly tell me, {q}' and 'I wonder, {q}'": templates given
    if (tool == "evaluate_run" and not names.find_run_id(text) and _LOOKED_AT_LATER.search(text) and review.decides(text)
            and review.rule_command(text) and not intents.scores(_LOOKED_AT_LATER.sub(" ", text))["evaluate_run"]):
        tool, offer = "apply_quality_rule", ""  # "回答是个问句的那些,先放进人才库保留,后面再评估": kept now, weighed later
    if tool in _RUN_CHANGES and acts.PUT_OFF.search(text):
        tool, offer, act = "", "", "chitchat"  # "本来想让你把 epoch 改成 5 重新训的,后来想想还是明天再说吧": asked for later, not now
    if (tool == "stop_training" and not names.find_run_id(text) and _LEAVING.search(text)
            and not _RUN_NOUNS.search(_LEAVING.sub(" ", text)) and not _STOP_WORD.search(_LEAVING.sub(" ", text))):
        tool, offer, act = "", "", "chitchat"  # "今晚有比赛,浇完冰再来弄,先撤了哈": the person is leaving, no run is stopped
    if tool == "stop_training" and _NOT_A_RUN_STOP.search(text) and not names.find_run_id(text) and not rx.search(r"停(?!电|水|车|课|工|业|运)|\bstop\b|\bkill\b|\bcancel (?:it|the|that|this|run|job|training)\b", text, re.I):
        tool, offer = "", ""  # "明天台风,估计又要停电": a power cut, not a run to stop (but "T-2024-07 次列车…请立即停车": the run named)
    if (tool == "stop_training" and not names.find_run_id(text) and not _RUN_NOUNS.search(text) and not acts.is_request(text)
            and rx.search(r"(?:全|都|已经)停了(?![吧啊!！])", text)
            and not rx.search(r"赶紧|快|先|停停|停一|停(?:掉|下|止)|叫停|喊停|砍|\bstop\b|\bkill|\bhalt\b|\babort\b", text, re.I)):
        tool, offer, act = "", "", "chitchat"  # "今天台风,港口全停了,闲得发慌": something else stopped, no run
    premise = _PREMISE.match(text)  # "假设中断不影响收敛。恢复 X,看看 loss 能否接上。": a premise stated, then the request
    if (tool == "stop_training" and premise and _RESUME_VERB.search(text[premise.end():]) and not _STOP_WORD.search(text[premise.end():])
            and names.find_run_id(text)):
        tool = "resume_training"
    if tool == "stop_training" and _RESUME_VERB.search(text) and not _STOP_WORD.search(text) and not _NO_RESUME.search(text) and not _KEEP_FROM.search(text):
        tool = "resume_training"  # "能不能请您让它接着刚才的地方继续练?": only carrying on is said
    if tool == "resume_training" and _NO_RESUME.search(text) and rx.search(r"新的?|从头|重新开|\bnew\b|\bfresh\b|from scratch", text, re.I):
        tool = "start_training"  # "别续跑了,直接在 FILE 上从头开一个新的训练": a new run instead
    if tool == "resume_training" and acts.is_rhetorical(text) and _STOP_WORD.search(text) and not _RESUME_VERB.search(text) and not _RESUME_STOPPED.search(text):
        tool = "stop_training"  # "Wouldn't it be nice if run-0703 stopped right about now?": a stop wished for, no resume said
    if tool == "resume_training" and _KEEP_FROM.search(text):
        tool = "stop_training"  # "别让 0e6f9a 继续跑了": keep it from going on
    if (tool == "resume_training" and (later := _RESUME_LATER.search(text)) and _STOP_WORD.search(text[:later.start()])
            and not _RESUME_VERB.search(text[:later.start()])):
        tool = "stop_training"  # "你把 X 停掉吧,回来我再续上": the stop now, the resume the person's own, later
    if tool == "resume_training" and _STOP_FIRST.search(text) and not _RESUME_VERB.search(rx.split(r"[,，。\n]", text)[0]):
        tool = "stop_training"  # "请先把当前的训练停掉,我发现…继续跑下去评估结果就没有意义了": the stop comes first
    if (tool == "stop_training" and not names.find_run_id(text) and not acts.is_request(text)
            and (other := rx.search(r"([\u4e00-\u9fff]{2,4})(?:全|都|也)停了(?![吧啊!！])", text)) and not rx.search(r"训|练|任务|跑|模型|它|这个|那个", other.group(1))
            and not rx.search(r"赶紧|快|先停|停停|停一|停(?:掉|下|止)|叫停|喊停|砍|\bstop\b|\bkill|\bhalt\b|\babort\b", text, re.I)):
        tool, offer, act = "", "", "chitchat"  # "今天山顶风好大 缆车都停了 没人来问 正好弄这个": the cable cars stopped, no run
    if (tool == "stop_training" and not names.find_run_id(text) and _OFF_FOR_TONIGHT.search(text)
            and (rx.search(r"去(?:打|玩|吃|睡|休息|约|看)|下班|\b88\b|拜拜|\bbye\b|溜了|撤了|睡觉", text, re.I)
                 or (rx.search(r"算了|再说|改天|就这样吧?|以后", text) and not _RUN_NOUNS.search(rest := _OFF_FOR_TONIGHT.sub(" ", text))
                     and not _STOP_WORD.search(rest.replace("算了", " "))))):
        tool, offer, act = "", "", "chitchat"  # "哈哈今晚不练了 去打排位了 88", "算了,今天先不训了": the person stops or puts it off, no run
    if (tool == "stop_training" and not names.find_run_id(text) and (called_off := _PLAN_CALLED_OFF.search(text))
            and not _STOP_WORD.search(_OFF_FOR_TONIGHT.sub(" ", text[:called_off.start()] + " " + text[called_off.end():]))):
        tool, offer, act = "", "", "chitchat"  # "整个计划先取消,今天不训了", "Scrap the whole plan, we're not training today": no run
    if tool in ("stop_training", "start_training", "resume_training", "inspect_dataset") and not names.find_run_id(text) and _START_PUT_OFF.search(text):
        tool, offer, act = "", "", "chitchat"  # "本来今天要训 FILE 的,算了,今天不训了", "was going to train FILE today but forget it": a start
        # the person had planned, called off by them; nothing to stop or start
    if (tool == "stop_training" and _RESUME_VERB.search(text) and _STOPPED_TOLD.search(text)
            and not _STOP_WORD.search(_STOPPED_TOLD.sub(" ", text)) and not _NO_RESUME.search(text)):
        tool = "resume_training"  # "第 X 号训练任务已中止。请自其最近检查点恢复该任务": the stop told, the resume asked
    if (tool == "stop_training" and _STOPPED_ASKED.search(text) and not _STOP_WORD.search(_STOPPED_ASKED.sub(" ", text))
            and not rx.search(r"(?:可以|能|能不能|可不可以|帮我|麻烦)\s*把", text)):  # ("可以把 RUN 停了吗?": asked for)
        tool = "training_status"  # "训练是不是停了?帮我看看 run 编号 X 的状态": whether it stopped, asked; no stop asked for
    if tool == "resume_training" and _STOP_RESUMED.search(text):
        tool = "stop_training"  # "刚才续上的那个还是停掉吧": the resume describes the run to stop
    if (tool in ("stop_training", "training_status", "") and act == "command" and _RESUME_STOPPED.search(text)
            and not (rx.search(r"[?？]", text) and _STOP_WORD.search(rx.split(r"[?？]", text)[-1]))):  # (not "停了还能恢复吗?另外先把 RUN 停掉")
        tool = "resume_training"  # "继续刚才停掉的训练": the stop describes the run to carry on
    if tool == "inspect_dataset" and act == "command" and _QUALITY_ASKED.search(text) and not _LOOK_ONLY.search(text) and not _WHAT_FORMAT.search(text):
        tool = "check_quality"  # "…所以你帮我过一遍质量吧,看看重复的、太短的、乱码的大概有多少": the check, asked by name
    if tool == "check_quality" and act == "command" and (_WHAT_FORMAT.search(text) or _LOOK_ONLY.search(text)):
        tool = "inspect_dataset"  # "FILE 先过一眼,啥格式、有没有重复的": the look reports the format and the duplicates
    if act == "command" and tool in ("", "explain") and _STOP_OPENS.search(text):
        tool, offer = "stop_training", ""  # "Halt lora-pmqa-0712; the validation curve indicates overfitting": a verb, then its reason
    if tool == "suggest_hyperparameters" and _START_VERB.search(text) and _FOLLOWS_ADVICE.search(text) and not _ASKS.search(text):
        tool = "start_training"  # "Go ahead and fine-tune on FILE with whatever defaults you think are best"
    if (tool == "suggest_hyperparameters" and act in ("command", "correction") and amounts.training_args(text)
            and _CHANGED_SETTING.search(text) and not _VALUE_ASKED.search(text)):
        tool = "start_training"  # "epoch 改成 5,别用3了,数据还是 FILE": a run's setting changed
    if tool == "start_training" and _HOW_MANY_EPOCHS.search(text) and not _START_VERB.search(text):
        tool, offer = "suggest_hyperparameters", ""  # "FILE 300条左右,训几遍合适": how many epochs, asked
    if ((tool in ("", "inspect_dataset") or tool == "check_quality" and prob < 0.5) and act == "command" and _SETTING_WORDS.search(text)
            and _SETTINGS_ASKED.search(text) and not _LOOK_AT.search(text)):
        tool, offer = "suggest_hyperparameters", ""  # "n_epochs、batch_size 全是 auto…给 FILE 推荐下这几个该怎么设", "n_samples ≈ 4,500
        # after dedup. Give me a sane LoRA baseline config — epochs, lr, batch size": values asked for
    if (tool == "start_training" and act == "question" and rx.search(r"\bwhat (?:should|do) (?:i|we) (?:set|use|pick|choose)\b|\bwhat settings\b|(?:该|要)(?:怎么)?设(?:什么|多少|置什么)", text, re.I)
            and not _START_VERB.search(rx.sub(r"\bwhere to start\b|从哪(?:里|儿)?开始", " ", text, flags=re.I))):
        tool, offer = "suggest_hyperparameters", ""  # "what should i set for training this one, no clue where to start": values asked
    if (tool == "start_training" and _VALUE_ASKED.search(text) and not _START_VERB.search(text) and not amounts.training_args(text)
            and not _FOLLOWS_ADVICE.search(text)):
        tool = "suggest_hyperparameters"  # "Recommend a learning rate and epoch count for FILE, we'll train with LoRA": values asked for
    if tool == "inspect_dataset" and act == "command" and _TRAIN_OPENS.search(text) and not acts.asks_about(text):
        tool = "start_training"  # "Fine-tune on the dataset I just uploaded and mix in 5% general data": a run, not a look
    if tool in ("stop_training", "explain", "") and acts.is_condition(text) and _STATUS_ASKED.search(text):
        tool, offer, act = "training_status", "", "command"  # "If faq-lora-3 is past epoch 2 I want to stop it. Where's it at?": look first
    if tool in ("", "explain") and names.find_run_id(text) and _STATUS_ASKED.search(text) and not acts.is_hypothetical(text):
        tool, offer, act = "training_status", "", "command"  # "Dashboard has said `Status: PENDING` for run a7f3c2 … What's going on with it?"
    if tool == "training_status" and act == "command" and rx.search(r"(?:(?:叫停|喊停|停掉|停下)(?:它|吧)*|(?:停止|停了)吧)\W*$", text):
        tool = "stop_training"  # "run-0731 已经练过头了,再练要拉伤,叫停吧": the stop said last
    if tool in ("", "explain", "resume_training") and act == "command" and rx.search(r"\bi (?:need|want)\b[^.!?]{0,30}\b(?:stopped|killed|halted)\b|\bi'?d (?:really |much )?(?:like|love)\b[^.!?]{0,30}\b(?:stopped|killed|halted)\b", text, re.I):
        tool, offer = "stop_training", ""  # "I need the current run stopped. It's clearly diverging."
    if tool in ("", "explain") and act == "command" and _UNDO_STOP.search(text):
        tool, offer = "resume_training", ""  # "undo the stop on the run I just killed", "I stopped run-0802 by accident. Undo that"
    if (tool in ("stop_training", "resume_training", "evaluate_run") and names.find_run_id(text) and acts.is_condition(text)
            and rx.search(r"(?:要是|如果|假如|若|\bif\b)[^,，;；]{0,40}(?:loss|epoch|step|步|轮|收敛|不动|还在降|\bpast\b|plateau)", text, re.I)):
        tool, offer, act = "training_status", "", "command"  # "If faq-lora-3 is past epoch 2, evaluate it; if not…": the run's state first
    if (tool in ("stop_training", "resume_training") and act == "command"
            and _ONLY_IF_STATE.search(text)):
        tool, offer = "training_status", ""  # "resume run-0702-a but only if it has less than an hour left": the run's state first
    if (tool in ("", "inspect_dataset") and act in ("command", "correction") and "FILE" not in text and names.find_run_id(text)
            and rx.search(r"\bcheck (?:on )?(?:that|this|it)(?: one)?\b|查(?:一下|查|下)(?:它|那个|这个)|看(?:一下|看|下)(?:它|那个|这个)(?:的进度)?", text, re.I)):
        tool, offer, act = "training_status", "", "command"  # "wrong run — it's depot-r8-0612, not 0611. check that one"
    if act == "question" and tool in ("", "explain") and _RUN_JUDGED.search(text):
        tool, offer, act = "evaluate_run", "", "command"  # "does it still know normal stuff or did we fry it": the finished run judged
    run = names.find_run_id(text) if tool == "resume_training" else None
    if (run and rx.search(rf"(?:把\s*)?{re.escape(run[0])}\s*(?:给我)?(?:停了|停掉|停下|停止)|(?:停掉|停止|\bstop|\bkill)\s*{re.escape(run[0])}", text, re.I)
            and rx.search(r"留着|还要|让它|接着|\bkeep\b|\bleave\b", text, re.I) and not rx.search(r"刚|手滑|不小心|误|已经|恢复|撤回", text)
            and any(other != run[0] and other not in run[0] for other in rx.findall(r"(?<![\w-])[A-Za-z][\w-]*\d[\w-]*(?![\w-])", text))):
        tool, offer = "stop_training", ""  # "把 run-a2 停了,a1 留着继续跑": the stop said of the run named; the other goes on
    if tool == "stop_training" and _LATER.search(text) and not names.find_run_id(text) and not rx.search(r"停|终止|中止|\bstop|\bkill|\bhalt", text, re.I):
        tool, offer, act = "", "", "chitchat"  # "算了不训了 明天再说吧": training put off, no run named to stop
    if (tool in ("", "explain") and names.find_run_id(text) and _GO_ON_ASKED.search(text) and not acts.is_hypothetical(text)
            and not rx.search(r"如果|假如|万一|要是|的话|会不会|还是得", text)):
        tool, offer, act = "resume_training", "", "command"  # "抱歉,刚才 run-7f3a 我不该停的,能接着跑吗": that run, asked to go on
    if ((act == "question" and tool in ("", "explain") or tool in ("resume_training", "evaluate_run") and rx.search(r"[?？吗]\s*$", text)
         and not _RESUME_VERB.search(text) and not _EVALUATE.search(text))
            and names.find_run_id(text) and _RUN_ALIVE.search(text)):  # ("我的 run-41 还活着吗": no resume)
        tool, offer, act = "training_status", "", "command"  # "Is 7c1e9a actually doing anything or just heating the room?"
    if (tool in ("", "inspect_dataset") and act == "command" and _TOLD_TO_LEARN.search(text) and not acts.is_hypothetical(text) and not _ASKS.search(text)
            and not rx.search(r"\bbefore\b|之前|以前", text, re.I)):  # ("before you study FILE, make sure it isn't full of junk": the check)
        tool, offer = "start_training", ""  # "You, model, learn this file.", "给我把 FILE 背熟了": the model told to learn the data, a run
    if tool in ("", "explain", "training_status") and act in ("command", "question") and names.find_run_id(text) and _EXAMINED.search(text):
        tool, offer, act = "evaluate_run", "", "command"  # "test barn-ft-2 now that it's done", "给 run-0613-k 来场期末考,看看成绩单": the run judged
    if (tool in ("", "explain", "evaluate_run", "resume_training") and names.find_run_id(text) and _DONE_ASKED.search(text)
            and not _EVALUATE.search(text) and not rx.search(r"评估|评测|测评|效果|\beval|\bscore|\bcompare|对比|\bthen\b|就", text, re.I)):
        tool, offer, act = "training_status", "", "command"  # "the run from yesterday, run-0611-b, did it finish?", "run-0417 训练完了马": whether it is done
    if tool and tool not in _ACTIONS + ("explain",) and _LATER.search(text) and not acts.is_request(text) and not rx.search(r"[?？]", text):
        tool, offer, act = "", "", "chitchat"  # "又挂了,烦死了……算了先去吃饭,回来再说": nothing asked now
    if act == "command" and (tool in ("", "explain", "training_status", "start_training") or tool == "inspect_dataset" and prob < 0.5 and names.find_run_id(text)) \
            and _RESUME_FROM.search(text) and not _NO_RESUME.search(text):
        tool, offer = "resume_training", ""  # "start run-0612-a again from where it died", "bot stopped. make it go on": a resume
    if (act == "command" and tool == "evaluate_run" and _RESUME_VERB.search(text) and not _EVALUATE.search(text) and not _NO_RESUME.search(text)
            and not rx.search(r"评估|评测|测评|效果|\beval|\bscore|对比|\bcompare|\bdid\b|[?？]", text, re.I)):
        tool, offer = "resume_training", ""  # "继续 训练 lora-r8-v2": carrying a run on, no word of judging it
    if (act == "command" and tool in ("", "explain") and acts.is_request(text) and _RESUME_VERB.search(text) and _RUN_DIED.search(text)
            and not _NO_RESUME.search(text)):
        tool, offer = "resume_training", ""  # "我的训练跑到一半断了,可以帮我恢复吗?": asked to bring back a run that died
    if act == "command" and not tool and rx.fullmatch(r"\W*(?:" + _RESUME_VERB.pattern + r")(?:吧|啦|了)?\W*", text, re.I):
        tool, offer = "resume_training", ""  # "接着炼": a resume verb alone (the run is the latest; the guard asks)
    if (act in ("command", "correction") and (tool in ("", "explain") or tool in _DATA_MAKERS and "FILE" not in text
                                              or tool == "training_status" and _RUN_DIED.search(text))
            and names.find_run_id(text) and _RESUME_VERB.search(text) and not _NO_RESUME.search(text) and not _ONLY_IF_STATE.search(text)):
        tool, offer = "resume_training", ""  # "exp-04,恢复那个": a resume aimed at the run named
    if ((tool == "resume_training" or not tool and offer == "resume_training") and _STOP_WORD.search(text) and not _RESUME_VERB.search(text) and not _RESUME_STOPPED.search(text)
            and not _RESUME_FROM.search(text) and not _UNDO_STOP.search(text)
            and not rx.search(r"\bagain\b|重新|再|continu|reviv|unpause|\bback\b|resum|carry|\bpick\b|restart|接着|继续|往下|恢复|重启|续|接回|接上|停电|断电|\bgo on\b|\bkeep (?:going|training)\b", text, re.I)):
        tool, offer = "stop_training", ""  # "[停] run-0612-a", "…run-0715-gov be terminated forthwith": a stop word and none of resuming
    if acts.is_rhetorical(text) and tool in ("", "explain", "training_status") and act in ("command", "question"):
        # "why not just stop the current run…?", "how about picking run-X back up where it died?": asked for, as a question
        if rx.search(r"\b(?:stop|kill|halt|abort)\b|停", text, re.I) and not _RESUME_VERB.search(text):
            tool, offer, act = "stop_training", "", "command"
        elif _RESUME_VERB.search(text) or _RESUME_FROM.search(text):
            tool, offer, act = "resume_training", "", "command"
        elif review.rule_command(text) is not None and review.decides(text):
            tool, offer, act = "", "", "command"  # "why don't we just toss the ones where…": a review decision, the planner's
        elif _STEP_ASKED_WHY_NOT.search(text) and ((ruled := next((name for name, score in intents.classify(text, has_file=has_file).ranked if name != "explain" and score >= 1), ""))
              in tuple(a for a in _ACTIONS if a != "start_training") + ("inspect_dataset", "probe_learning_rate")  # ("why not just train
              # the whole model": a question about full fine-tuning, no start)
              or ruled == "evaluate_run" and rx.search(r"\bevaluat|评估|评测|测评", text, re.I)) and not rx.search(r"\bwhat (?:is|are)\b|是什么|什么是|问我|问过我|\basked me\b|解释|\bexplain", text, re.I):
            tool, offer, act = ruled, "", "command"  # "why wouldn't you just add few-shot to every record in this one?", "为啥不直接
            # 给每一条都加上few-shot呢?": the step the rhetorical question asks for
    if (tool == "training_status" and _STOP_RUN.search(text)
            or tool == "evaluate_run" and act == "command" and _stops_run(text) and not _EVALUATE.search(text)) and not _RESUME_VERB.search(text):
        tool = "stop_training"  # "Wei asked me to get run-4 killed", "run X is to be terminated immediately": the run wanted stopped
    if act in ("command", "chitchat") and tool in ("", "explain") and _stops_run(text) and (acts.is_request(text) or "停" in text or _TO_BE_STOPPED.search(text)):
        tool, offer = "stop_training", ""  # "Would you mind stopping support-lora-v2 for me?": asked politely, a stop all the same
    if act == "command" and (tool in ("", "explain") or tool in ("stop_training", "start_training") and STOPPED_BEFORE.search(text) and rx.search(r"接着|继续|恢复|\bresume\b|\bpick (?:it )?up\b", text, re.I)) and _RESUME_VERB.search(text) and (STOPPED_BEFORE.search(text) or _LET_IT.search(text)) and not _NO_RESUME.search(text):
        tool, offer = "resume_training", ""  # "Pick up the one we stopped yesterday, same as before.": the run stopped, picked up
    if act == "command" and tool in ("", "explain") and _TRY_TUNED.search(text) and not acts.asks_concept(text):
        tool, offer = "evaluate_run", ""  # "check if the model can still answer normal questions after the fine-tune",
        # "帮我测测刚训完的那个…答得准不准": the tuned model tried
    if (tool in ("", "explain", "start_training", "inspect_dataset") and act in ("command", "question") and _PARAMS_ASKED.search(text)
            and not acts.is_hypothetical(text) and (has_file or "FILE" in text or amounts.count_args(text).get("n_samples"))):
        tool, offer, act = "suggest_hyperparameters", "", "command"  # "FILE 用啥参数好 我想全量微调 帮看看", "这个咋配参": settings asked for
    if (act == "question" and tool == "suggest_hyperparameters" and _DIRECTION_ASKED.search(text) and not has_file and "FILE" not in text
            and not amounts.count_args(text).get("n_samples")):
        tool, offer = "explain", ""  # "lora的学习率,大点还是小点?", "epochs vs learning rate, which matters more": which way, in general
    if tool == "resume_training" and _NO_RESUME.search(text) and not _RESUME_VERB.search(_NO_RESUME.sub(" ", text)) and not _STOP_WORD.search(text):
        tool, offer = "", ""  # "所以我也不指望今晚能续上了": a resume ruled out asks for nothing
    if tool in ("stop_training", "resume_training", "training_status") and _NOT_STOP_BUT_RESUME.search(text):
        tool, offer = "resume_training", ""  # "ft_x 不是要停,是要恢复!!刚才说反了": the stop called off, the resume meant
    elif tool in ("", "stop_training", "resume_training", "training_status") and _OTHER_RUN_STOPPED.search(text):
        tool, offer, act = "stop_training", "", "command"  # "不是停 run-b,是停 run-d!b 还要继续跑": the stop meant for another run
    elif tool in ("stop_training", "resume_training", "training_status") and _NOT_RESUME_BUT_STOP.search(text):
        tool, offer = "stop_training", ""  # "不是要继续,是要停掉"
    elif tool == "resume_training" and (_STOP_THIS_KEEP_THAT.search(text) or _STOP_WORD.search(text) and _NO_RESUME.search(text)):
        tool, offer = "stop_training", ""  # "把 r8 那个停了,r16 继续", "停掉 v1,v2 让它跑": one stopped, the other left running
    if tool == "stop_training" and _starts_stopping_later(text):
        tool, offer = "start_training", ""  # "start a run on FILE, max 500 steps. I might kill it halfway if…", "…跑个训练,不行我就停掉"
    if ((tool == "resume_training" or not tool and offer == "resume_training") and (_STOP_WORD.search(text) or rx.search(r"\bpause|暂停", text, re.I))
            and _RESUMED_LATER.search(text)):
        tool, offer, act = "stop_training", "", "command"  # ("D5:run-0612a 先停,D6:明天续。") "能不能先停一下 明天再接着跑?", "pause it now, resume tomorrow": stopped now, resumed later
    if tool == "resume_training" and _stops_run(text):
        tool = "stop_training"  # "想停掉 kefu-lora-03,不是 04 呀,04 还要继续跑": the one going on is not the one named
    if (tool in ("evaluate_run", "training_status") and act == "command" and _RUNDOWN.search(text) and not acts.points_at_data(text)
            and not names.find_run_id(text)):
        tool, offer = "explain", ""  # "Give me a short rundown of over-fitting and forgetting": told about, not my run's figures
    if tool == "start_training" and _DID_LEARN.search(text):
        tool, offer = "evaluate_run", ""  # "Did run bh-train-02 actually learn our answers?": asked of a run that happened
    if tool in ("", "explain", "training_status") and _WANT_TO_KNOW.search(text) and (
            rx.search(r"学会[^,，。]{0,16}(?:没有|了没|没)|变傻|变笨|\bget(?:s|ting)? dumber\b|\bactually learned\b", text, re.I)):
        tool, offer, act = "evaluate_run", "", "command"  # "我就想知道训完的模型到底学会…没有,别的会不会变傻了": the run's report
    if (tool in ("", "explain", "resume_training") and act in ("command", "question")
            and rx.search(r"不想让它再?(?:继续)?跑|别让它再?(?:继续)?跑|\bdon'?t (?:want|let) it (?:to )?(?:keep )?(?:running|going|burning)", text, re.I)):
        tool, offer, act = "stop_training", "", "command"  # "我不想让它再跑下去白白浪费显卡了": a stop, said as a want
    if tool in ("", "inspect_dataset") and act == "command" and _TEACH.search(text):
        tool, offer = "start_training", ""  # "Would you please begin the teaching of the model with FILE?"
    if tool in ("", "explain", "training_status", "inspect_dataset") and act == "command" and _GRADE_DONE.search(text):
        tool, offer = "evaluate_run", ""
    if tool in ("", "explain", "training_status", "inspect_dataset") and (_VS_BASE.search(text) or _HOW_GOOD.search(text)) and (
            _RUN_DONE.search(text) or act in ("question", "command") and names.find_run_id(text) and not acts.is_hypothetical(text)):
        tool, offer, act = "evaluate_run", "", "command"  # "run finished. numbers? better than base or not", "is RUN any better
        # than the untuned model?": the run's report
    if tool in ("evaluate_run", "explain", "") and act == "command" and amounts.find_mix(text) and _TRAIN_WORD.search(text):
        tool, offer = "start_training", ""  # "微调一下,怕它忘了通用能力,混 10% 的通用数据进去": mixing in is a setting of a run
    counted = amounts.count_args(text)
    lone = amounts.lone_count(text)
    amount = amounts.find_fraction(text) is not None or bool(lone or counted)
    if act == "command" and model is not None and amount and not acts.is_condition(text) and (
            not tool and offer in _DATA_MAKERS
            or tool == "explain" and guess.second in _DATA_MAKERS and guess.second_prob >= OFFER):
        tool, offer = offer or guess.second, ""  # "想做个 prompt 模板增强,改写两成的记录就够了": what to make, and how much
    if (act == "correction" and tool in ("training_status", "inspect_dataset", "suggest_hyperparameters", "")
            and amounts.training_args(text) and not names.find_run_id(text)):
        tool = "start_training"  # "Actually make the learning rate 1e-4, still training on FILE": the run's settings, corrected
    if (act == "command" and tool == "training_status" and rx.search(r"\bresum|恢复|接着\S{0,8}训|继续\S{0,8}训|往下训|往下跑", text, re.I)
            and not _ONLY_IF_STATE.search(text)):
        tool = "resume_training"  # "Not run_0921b — it's run_0925 that should be resumed"
    if has_file and act == "command" and tool in ("", "training_status") and _START_NOW.match(text):
        tool, offer = "start_training", ""  # "现在训练" with the data at hand: a start (the guard shows the plan)
    if new_upload and tool in ("", "explain") and _ITS_LOOK_ASKED.search(text) and not rx.search(r"\b(?:format|alpaca|sharegpt|qianfan|openai)\b|格式", text, re.I):
        tool, offer, act = "inspect_dataset", "", "command"  # (an upload) "This is every question customers have emailed us. What does it look like?"
    if new_upload and not tool and _HANDED.match(text):
        tool, offer = "inspect_dataset", ""  # "ok here it is" with an upload: the file handed over, looked at
    if act == "hypothetical" and _AS_ME.search(text) and not rx.search(r"\bwhat (?:if|would happen)\b|会怎样|会发生什么", text, re.I):
        act = "question"  # "If you were me with 2,000 samples, how many epochs would you go with?": advice asked, no what-if
    value_asked = _WHICH_VALUE.search(text)
    # (the manual quoted first, then the value asked of me: "The manual says you can raise the LR for LoRA. So what learning rate
    # should I actually use?")
    asked_of_manual = acts.asks_manual(text[max(text.rfind(c, 0, value_asked.start()) for c in ".。!！?？") + 1:] if value_asked else text)
    if (tool == "explain" and act == "question" and value_asked and not _ANY_SIZE.search(text)
            and not asked_of_manual and not _JUDGED.search(text) and not (_IN_GENERAL_ONLY.search(text) and not _ASKER_OWN.search(text))):
        tool, act = "suggest_hyperparameters", "command"  # "学习率用多少合适?", "what batch size should i pick": a value for me
    if (act == "question" and asked_of_manual or act == "command" and (tool in ("", "explain") or prob < 0.75) and asked_of_manual):
        tool, offer = "explain", ""  # "Summarise what the manual says about data diversity", "give me the manual's take on X": the manual's answer
    if tool in ("convert_dataset",) + _DATA_MAKERS and act in ("command", "question") and _WHICH_FORMAT.search(text):
        tool, act = "inspect_dataset", "command"  # "is FILE sharegpt or openai style?": what the file is, not a conversion
    if new_upload and tool == "start_training" and _SEND_FIRST.search(text):
        tool = "inspect_dataset"  # "老师让我用这个做微调,先发你": the file comes first, a look before any run
    if new_upload and _WHAT_NEXT.search(text) and not acts.is_request(text):
        tool, offer, act = "explain", "", "question"  # "ok data's uploaded... now what?": what to do next, explained
    if (new_upload and act in ("question", "command") and tool in ("", "explain") and not acts.asks_concept(text) and not acts.asks_definition(text)
            and not acts.asks_manual(text)
            and (_WHAT_FORMAT.search(text) or rx.search(r"多少|几条|几个|\bhow (?:many|big|long)\b|\bwhat'?s in (?:this|it|here|there)\b|"
                                                        r"\bwhat(?: is|'s) this\b|里面(?:有|是)(?:什么|啥)|这是(?:什么|啥)|"
                                                        # "What do you make of it?", "what are we working with?": the upload judged
                                                        r"\bwhat do you (?:make of|see)\b|\bwhat do you think (?:of|about) (?:it|this|these|them|that|the (?:data|file|sheet))\b|\bwhat are we working with\b|"
                                                        r"\bwhat have we got\b|\bdoes (?:it|this|that) look (?:ok|okay|alright|all right|fine|right|usable)\b|"
                                                        r"\bwhat have we got\b|\bwhat (?:state|shape)'?s it in\b|\bwhat (?:state|shape) is it in\b|(?:是个|是)?(?:啥|什么)情况|"
                                                        r"(?:你|您)?(?:看看|觉得)(?:这份|这个|这些)?(?:数据|文件|表)?(?:怎么样|咋样|如何)", text, re.I))):
        tool, act = "inspect_dataset", "command"  # "Just uploaded our export. Does the format look usable?": a look at it
    opener = new_upload and _OPENER.search(text)
    if opener and not tool and act in ("question", "hypothetical") and acts.asks_concept(text):
        tool = "explain"  # "导出以后原来的文件还在不在" with an upload: how things work, not a look at the upload
    elif opener and (not tool or tool == "explain" and act == "command" and (not _ASKS.search(text) or _LOOK_AT.search(text))):
        tool = "inspect_dataset"  # "here's my data", "new to fine-tuning, this is what I have" with an upload
    if new_upload and tool in ("", "inspect_dataset") and act in ("question", "command") and _UPLOAD_SCORED.search(text):
        tool, act = "check_quality", "command"  # (an upload) "How many stars out of 5 would you give this? Mostly worried about empty answers."
    if (act == "command" and tool in ("explain", "training_status") and _REMARK.search(text) and not _ASKS.search(text)
            and not _EXPLAIN_VERB.search(text) and not acts.is_request(text) and not _LOOK_AT.search(text)
            and not names.find_run_id(text) and prob < 0.6):
        tool = ""  # "nice, that eval looks way better than last week's", "哈哈 loss 终于降下来了": a remark
    if (act == "command" and tool == "explain" and review.decides(text) and review.rule_command(text) and not _ASKS.search(text)
            and not rx.search(r"还是|比较好|好不好|\bor\b|\bshould\b|\bwhich\b", text, re.I)):
        tool = ""  # "Scratch that, I didn't mean all duplicates. Only drop the exact duplicates.": a review, read by the planner
    if (act == "command" and tool in ("training_status", "stop_training", "evaluate_run", "explain", "resume_training")
            and _THANKS.search(text) and not acts.is_request(text) and not rx.search(r"[?？]", text) and not names.find_run_id(text)):
        tool, offer = "", ""  # "今天模型终于上线了。…训练挂了两回…辛苦啦。", "just venting, no task right now": nothing asked
    if (act == "command" and tool == "explain" and prob < 0.4 and not _ASKS.search(text) and not _EXPLAIN_VERB.search(text)
            and not acts.is_request(text) and not acts.asks_manual(text) and not rx.search(r"[吗呢么嘛]|\bor\b|是[^,，。;；]{1,16}还是", text)):
        tool = ""  # "训完之后我还是回千帆上发布服务,这边就当练手,哈哈": a remark, weakly read as a question, asks nothing
    if tool in ("", "explain", "training_status", "inspect_dataset") and _SAID_OFF_TOPIC.search(text) and "FILE" not in text:
        tool, offer, act = "", "", "chitchat"  # "不好意思，跟微调无关……您知道附近有什么好吃的吗?": off-topic, said so
    if (act == "command" and tool in ("training_status", "explain") and _VENT.search(text) and not _ASKS.search(text)
            and not acts.is_request(text) and not names.find_run_id(text) and prob < 0.6):
        tool, offer, act = "", "", "chitchat"  # "哈喽哈喽 👋 今天也是被 loss 折磨的一天捏": venting, nothing asked
    if not tool and act in ("command", "chitchat", "correction") and not rx.search(r"[?？]", text) and (
            offer == "resume_training" and _RESUME_VERB.search(text) and not _NO_RESUME.search(text)
            or offer == "training_status" and _STATUS_ASKED.search(text) or offer == "start_training" and _TRAIN_OPENS.search(text)):
        tool, offer, act = offer, "", "command"  # "Get it learning again", "训练到那了", "训练 FILE": a weak reading said in so many words
    if (tool == "evaluate_run" and rx.search(r"\blooks? (?:way |much |so |a lot )?(?:better|worse|great|good)\b|看起来(?:好|强)(?:多了|很多)", text, re.I)
            and not rx.search(r"[?？]", text) and not acts.is_request(text) and not names.find_run_id(text)):
        tool, offer, act = "", "", "chitchat"  # "nice, that eval looks way better than last week's 🙌": a remark on it
    if tool == "explain" and prob < 0.5 and _FOLLOW_UP.fullmatch(text):
        tool, offer = "", ""  # "那5000条呢?", "and for 300?": the last request again, with a new value (the planner reads it so)
    if act in ("command", "chitchat") and tool in ("", "inspect_dataset") and _EXAMPLES_FIRST.search(text) and not rx.search(r"[?？]\s*$", text):
        tool, offer, act = "add_few_shot", "", "command"  # "每个题前面放几个做好的例子", "put solved examples in front of each question"
    if act in ("command", "chitchat") and tool in ("", "inspect_dataset") and not rx.search(r"[?？]|\bwhy\b|为什么|为啥", text, re.I):
        for step, said in _SYMPTOMS:  # "model just blurts out the final number, zero working shown": the step the problem calls for
            if said.search(text):
                tool, offer, act, prob = step, "", "command", max(prob, 0.8)
                break
    if tool in ("stop_training", "") and _RESUME_MEANT.search(text) and not acts.is_hypothetical(text):
        tool, offer, act = "resume_training", "", "command"  # "要恢复的是 run-q9 不是 run-q8,其他停掉的都别动": the run to resume, named
    if tool in ("stop_training", "resume_training", "evaluate_run", "") and _STATE_ASKED.search(text) and not acts.is_hypothetical(text):
        tool, offer, act = "training_status", "", "command"  # "先确认一下它是真的停了还是挂了": which state the run is in, asked
    if (tool in ("", "explain") and act in ("question", "command") and names.find_run_id(text) and _STATUS_ASKED.search(text)
            and not acts.asks_concept(text) and not acts.is_hypothetical(text)):
        tool, offer, act = "training_status", "", "command"  # "不好意思再问下,sft-ed-77 现在训练到哪里了?": how that run is, asked
    if tool in ("", "explain") and names.find_run_id(text) and _LEARNED_ASKED.search(text) and not acts.is_hypothetical(text):
        tool, offer, act = "evaluate_run", "", "command"  # "看看 ckpt_v5 学成啥样了,跟没学之前的比一比": that run judged
    if tool == "start_training" and (run := names.find_run_id(text)) and rx.match(r"\s*(?:训完|跑完|练完|(?:is |has )?(?:done|finished)\b)", text[run[2]:], re.I):
        tool, offer = ("evaluate_run" if _JUDGED_RUN.search(text) else "training_status"), ""  # "maohaizi_run1 训完了!!帮我看看它学到没"
    if tool == "stop_training" and _NOT_STOP_BUT_LOOK.search(text):
        tool, offer = "training_status", ""  # "hl_run_02 不是要停,我是想看看进度": no stop, a look at the run
    if tool == "stop_training" and not names.find_run_id(text) and _POWER_CUT.search(text) and not _STOP_WORD.search(_POWER_CUT.sub(" ", text)):
        tool, offer, act = "", "", "chitchat"  # "馆里刚停了半小时电 电脑才开回来": a power cut, no run stopped
    if tool == "resume_training" and _LET_RUN_ON.search(text) and rx.search(r"要停的是|我要停|停的是|先停|停掉(?:吧|它|这个|那个)(?!的)", _LET_RUN_ON.sub(" ", text)):
        tool, offer = "stop_training", ""  # "我要停的是 jx-0613-b 那个,a那个让它接着跑": the other run left running, no resume
    if tool == "stop_training" and names.find_run_id(text) and _STILL_PAUSED.search(text) and not _STOP_RUN.search(text):
        tool, offer = "resume_training", ""  # "机器修好了,r_0603_a 还停在上次暂停的那个 checkpoint 等着呢": stopped, waiting to go on
    if (tool in ("", "add_cot", "add_few_shot", "augment_instructions") and act in ("question", "command") and _SHARE_ASKED.search(text)
            and "FILE" not in text and not has_file and (not acts.is_request(text) or rx.search(_SHARE_ASKED_EN, text, re.I))):
        tool, offer, act = "explain", "", "question"  # "CoT 数据占多大比例比较合适", "what fraction of samples would you put CoT on?",
        # "CoT 适不适合我这种数据,想听听你的看法": how much, or whether, asked in general
    if (tool in ("", "explain", "evaluate_run") and act in ("command", "correction") and amounts.find_mix(text) and not rx.search(r"[?？吗]", text)
            and rx.search(r"改成|改为|调到|调成|换成|\bmake it\b|\bchange (?:it|that) to\b|\bmix in\b|\bbut mix\b", text, re.I)):
        tool, offer = "start_training", ""  # "老板又改主意了,说通用数据别混那么多,改成5%": the run's mix put right
    if (tool in ("", "explain", "start_training") and act in ("command", "correction") and rx.search(r"重新算|再算一(?:下|遍)|重新给|\bre-?(?:do|calculate|compute)\b", text, re.I)
            and (amounts.count_args(text).get("n_samples") or rx.search(r"lora|全量|全参|\bfull\b", text, re.I))
            and (tool != "start_training" or rx.search(r"参数|\bnumbers\b|\bsettings\b|建议|\badvice\b", text, re.I) and not amounts.training_args(text))):
        tool, offer, act = "suggest_hyperparameters", "", "command"  # "刚才那个建议是按全量算的吧?我们用lora,重新算一下": the advice again
    if tool in ("", "evaluate_run", "inspect_dataset") and act in ("command", "correction") and _BASE_PUT.search(text):
        tool, offer, prob = "start_training", "", max(prob, 0.8)  # "use llama3-8b as the base model instead", "基座换成 qwen2-7b": the run's base model
    if ((tool in ("", "evaluate_run", "start_training") or tool == "check_quality" and prob < 0.5) and act in ("command", "correction", "chitchat") and _SETTING_PUT_RIGHT.search(text) and not names.find_run_id(text)
            and "FILE" not in text and not acts.is_hypothetical(text) and not rx.search(r"[?？]", text) and not puts_off(text)
            and not _TOLD_AFTER.search(text)
            and (set(amounts.training_args(text)) & {"lora_r", "epochs", "learning_rate", "mix_general"} or amounts.find_mix(text) is not None
                 or "max_steps" in amounts.training_args(text) and not rx.search(r"探测|\bprobe", text, re.I)
                 and rx.search(r"max[ _-]?steps?|最大步数|最多|上限|\bcap(?:ped)?\b", text, re.I)
                 or _BASE_WORD.search(text) and _MODEL_NAME.search(text))):
        tool, offer, act, prob = "start_training", "", "correction", max(prob, 0.8)  # "change the lora rank to 32", "三轮太少改五轮", "底座换成 Qwen2-1.5B": a run's
        # setting put right with nothing else said (the guard asks which file it trains on)
    if ((tool in ("", "explain") or tool == "start_training" and not has_file and "FILE" not in text) and act in ("command", "question")
            and _VALUES_WEIGHED.search(text) and not acts.is_hypothetical(text)):
        tool, offer, act = "suggest_hyperparameters", "", "command"  # "学习率用1e-4还是5e-5啊", "lr 1e-4 or 5e-5?": which value, advised
    if (tool in ("", "explain", "start_training") and act in ("command", "question") and _SET_WHAT.search(text)
            and (amounts.count_args(text).get("n_samples") or tool == "start_training" and rx.search(r"[?？]\s*$", text))
            and not acts.is_hypothetical(text)):
        tool, offer, act = "suggest_hyperparameters", "", "command"  # "I've got 600 Q&As, LoRA. what should I set?": the settings for that many
    if tool in ("", "explain") and act in ("command", "question") and asks_rate(text) and not acts.is_hypothetical(text):
        tool, offer, act = "suggest_hyperparameters", "", "command"  # "学习率一般用多少合适?", "what's a good learning rate for lora?": the value
        # asked with no data size is advice (by the manual's rules), not a concept
    if tool == "start_training" and (trained := _TRAINED_ON.search(text)) and rx.search(r"检查|质检|\bcheck\b|\bquality\b", text[trained.end():], re.I):
        tool, offer = "check_quality", ""  # "run 12 是用 FILE 训的,检查那个文件": the file a run was trained on, checked
    if tool in ("", "explain") and act in ("question", "command") and _TAG_END.search(text) and not acts.is_hypothetical(text):
        if "FILE" in text and (_FLAW_ASKED.search(text) or rx.search(r"没(?:有)?(?:什么)?(?:重复|乱码|空答案|空的|冲突)", text)):
            tool, offer, act = "check_quality", "", "command"  # "There aren't any duplicates in FILE, right?": the file's flaws, checked
        elif amounts.count_args(text).get("n_samples") and _SETTING_WORDS.search(text) and "FILE" not in text:
            tool, offer, act = "suggest_hyperparameters", "", "command"  # "With 1000 rows I'd go with 10 epochs, right?": the advice for that many
    if (tool in ("", "explain", "suggest_hyperparameters") and (decided := _DECIDED_AFTER.search(text)) and "FILE" in text[decided.end():]
            and (then := _read_whole(text[decided.end():], has_file, new_upload)).tool in _ACTIONS):
        tool, offer, act = then.tool, "", "command"  # "How much general data would you mix in? Actually I'll just say 5%. Train on FILE.": asked, then decided
    if act in ("command", "chitchat", "confirmation") and not tool and (run := names.find_run_id(text)) and _GO_ON_NOW.search(text[run[2]:]) and not _STOP_WORD.search(text):
        tool, offer, act = "resume_training", "", "command"  # "canteen-r3 检修完了,继续吧": that run, carried on
    if tool in ("", "inspect_dataset") and act == "command" and "FILE" in text and _BARE_TRAIN_LAST.search(text) and not acts.is_hypothetical(text):
        tool, offer = "start_training", ""  # "…我花了一周才统一成 FILE……训练。", "…into one file, FILE… Train.": the story told, then the order
    if act == "command" and tool in ("", "explain"):
        act = "question" if tool == "explain" else "chitchat"
    return Reading(tool, offer, act, prob)


# A story, then the order in one word: "……训练。", "… Train."
_BARE_TRAIN_LAST = re.compile(r"(?:[。.!！…]|\.{2,})\s*(?:那就|就|所以)?\s*(?:训练|开训|训吧|train(?: it| on it)?)\s*[。.!！]?\s*$", re.I)


# A question, then the asker's own decision: "…? Actually I'll just say 5%.", "…?别回答了,我决定了:…", "…? ...Eh, doesn't matter, just …"
_DECIDED_AFTER = re.compile(r"[?？]\s*(?:\.{2,}|…+)?\s*(?:(?:actually|eh|ok|well|anyway)\W+)*(?:never ?mind|nvm|算了|别回答了|不用回答了?|不问了|我决定了|i'?ll just|i'?m going with|"
                            r"doesn'?t matter|whatever you say|forget it)(?![a-z])[^.。!！?？]{0,40}?(?:[.。!！:：,，]\s*)", re.I)
# "继续吧", "接着来": go on, said after a run is named
_GO_ON_NOW = re.compile(r"[,，。\s]\s*(?:那就)?(?:继续|接着跑|接着来|接着训)(?:吧|跑吧|训吧)?\W*$")


# A statement checked with a tag at its end: "…,对吧?", "…, right?"
_TAG_END = re.compile(r"[,，]?\s*(?:对吧|是吧|对不对|没错吧|\bright|\bcorrect)\s*[?？]+\s*$", re.I)


# The learning rate's value asked for, nothing else: "学习率一般用多少合适?", "LoRA 微调的学习率一般设多少比较稳?", "what's a good learning rate
# for lora?", "学习率 — what should I use?"
_RATE_ASKED = re.compile(r"^\W*(?:欸|诶|哎|那|请问)?\W*(?:(?:lora|qlora|全参|全量)\s*[\u4e00-\u9fff]{0,3}\s*(?:的)?\s*)?(?:学习率|learning rate|lr)\s*(?:一般|通常|大概|大致)?\s*(?:要|该|应该)?(?:用|设|给|定|调|放|取|设置)?(?:成|为)?\s*"
                         r"(?:多少|多大)\s*(?:比较)?\s*(?:合适|好|稳|靠谱|ok)?\s*(?:啊|呀|呢)?\W*$|"
                         r"^\W*wh?at(?:'s|s| is) a (?:good|gd|sensible|reasonable|decent|safe) (?:learning rate|lr)(?: for (?:lora|qlora|full fine-?tuning))?\W*(?:thx|thanks|ty|pls)?\W*$|"
                         r"^\W*(?:学习率|learning rate|lr)\s*[—–:-]+\s*what should i use\W*$|^\W*what (?:learning rate|lr) should i use(?: for (?:lora|qlora))?\W*(?:por favor|please|pls|s'il (?:te|vous) pla[iî]t|bitte)?\W*(?:(?:i have )?no idea (?:about|of) (?:the )?data ?size(?: yet)?|no data (?:size )?yet)?\W*$", re.I)
def asks_rate(text: str) -> bool:
    """The learning rate's value asked for, nothing else ("学习率一般用多少合适?"): advice by the manual's rules."""
    return bool(_RATE_ASKED.search(text) and not _NOT_A_VALUE.search(text))


# …unless it asks why, compares, or names a probe: "为啥 LoRA 学习率能大", "which matters more".
_NOT_A_VALUE = re.compile(r"为啥|为什么|\bwhy\b|区别|比全参|\bvs\.?\b|which matters|探测|\bprobe\b|range test|\d", re.I)
# A run's data told in the past: "run 12 是用 FILE 训的", "run 12 was trained on FILE"
_TRAINED_ON = re.compile(r"是用\s*FILE\s*(?:训|练|跑)(?:练)?的|\bwas trained on\s+FILE\b", re.I)


# The base model of a run put: "use llama3-8b as the base model instead", "基座换成 qwen2-7b", "底座改用 X"
# A setting's value changed or put right: "change X to", "make it", "should be", "改成", "调整为", "不对", "wrong".
_SETTING_PUT_RIGHT = re.compile(r"\bchange (?:the |my |our |it |that )?[\w -]{0,20}\bto\b|\blet (?:it|that|them) be\b|\bmake (?:it|that|the \w+)\b|\b(?:should|ought to) be\b|\bswitch (?:the |it )?[\w -]{0,20}\bto\b|"
                                r"改成|改为|换成|调成|调到|调整为|改(?=\s*\d|[一二两三四五六七八九十]+轮)|不对|\bwrong\b|\binstead\b|\bnot\s+\d|\bain'?t\s+\d|\bi said\b|"
                                # "Bring the learning rate down to 1e-5", "epoch 下调为 5", "r 应取 8,而非 16"
                                r"\b(?:bring|take|turn|drop|lower|raise|bump|knock|dial|crank)\s+(?:the |it |that )?[\w -]{0,20}?\b(?:down|up|back)\s+to\b|(?:下调|上调|调低|调高)(?:为|到|至)|应取|而非", re.I)
# What came of a change, told: "lora_r 从 8 改成 32 之后 loss 反而高了", "…last time and it was worse" (no change asked for now).
_TOLD_AFTER = re.compile(r"之后|以后|后来|上次|上回|当时|(?<!刚才)那次(?!训练的|的训练)|反而|效果(?:不好|变差|更差)|\blast time\b|\band it (?:was|got)\b|\bgot (?:worse|better)\b", re.I)
_BASE_WORD = re.compile(r"\bbase(?: model)?\b|基座|底座|基础模型", re.I)
_MODEL_NAME = re.compile(r"(?<![A-Za-z])(?:qwen|llama|mistral|phi|gemma|chatglm|glm|baichuan|internlm|deepseek|smollm|yi-)[\w.:-]*", re.I)
_BASE_PUT = re.compile(r"\buse\s+[\w.:/-]+\s+as (?:the |our )?base(?: model)?\b|\bswitch (?:the )?base(?: model)? to\b|(?:基座|底座|基础模型)(?:模型)?\s*(?:换成|改成|改用|换用)", re.I)
# Two values of one setting weighed: "学习率用1e-4还是5e-5啊", "lr 1e-4 or 5e-5?", "epoch 3 还是 5 好"
_VALUES_WEIGHED = re.compile(r"(?:学习率|\blr\b|learning rate|epochs?|轮数|batch ?size|rank)\s*(?:用|设|选|取)?\s*[\d.]+(?:e-?\d+)?\s*(?:还是|or)\s*[\d.]+(?:e-?\d+)?\s*"
                             r"(?:个|轮)?\s*(?:啊|呢|好|合适|比较好|better)?\s*[?？]?\s*$", re.I)
# "what should I set?", "该怎么设?", "what settings?": the settings asked for, a count said with it
_SET_WHAT = re.compile(r"\bwhat (?:should|do) (?:i|we) set\b|\bwhat would you (?:suggest|recommend|set|pick|use)\b|"
                       # "What's the recommended epoch count and learning rate?", "Epochs, learning rate, batch, what are we running?"
                       r"\bwhat(?:'s| is| are) (?:the |your )?(?:recommended|suggested|right|best|optimal|ideal) (?:epoch|lr\b|learning rate|batch|settings|hyper)|"
                       r"(?:epochs?|learning rate|\blr|batch)\W+(?:[\w ]{0,30}\W+)?what are we (?:running|using|going with)\b|"
                       r"(?:epoch|轮|学习率|learning rate|\blr\b|batch|超参|hyper)[\s\S]*?(?:\byou decide|\byour call|\byour pick|你(?:看着办|来定|定吧|决定吧?))|"
                       r"(?:\byou decide|\byour call|\byour pick|你(?:看着办|来定|定吧|决定吧?))(?=[\s\S]*(?:epoch|轮|学习率|learning rate|\blr\b|batch|超参|hyper))|\bwhat hyper-?param(?:eter)?s\b|超参数?(?:怎么|该怎么|如何)(?:配|设)|\bwhat (?:settings|numbers|values) (?:should|do) (?:i|we)\b|(?:该|应该)?怎么设(?:置)?(?:啊|呢)?\s*[?？]?\s*$", re.I)


# A follow-up that only changes a value of the last request.
_FOLLOW_UP = re.compile(r"\W*(?:那|那么)?\s*[\w.,%]{1,12}\s*(?:条|个|轮|步)?\s*(?:的话)?呢\W*|\W*(?:and|what about|how about)\s+(?:for\s+)?[\w.,%]{1,12}(?:\s+\w+)?\s*\?\W*", re.I)
# Few-shot described: solved examples put before each question.
_EXAMPLES_FIRST = re.compile(r"(?:前面|前头|之前)(?:先)?(?:放|加|塞|摆)(?:上)?(?:几道|几个|几条|一些|两个|三个|2个|3个)?(?:做好的|现成的|解好的|答好的)?(?:例题|例子|示例|样例)|"
                             r"\bput (?:a few |some |\d+ )?(?:solved |worked )?examples? (?:in front of|before) (?:each |every |the )?(?:questions?|prompts?)\b", re.I)
# A problem told, the step implied: what a knowledgeable helper does first about it.
_SYMPTOMS = (
    ("add_cot", re.compile(r"\b(?:spits?|blurts?|gives?) out (?:just |only )?the (?:final )?(?:number|answer)\b|\bno (?:working|steps|reasoning) shown\b|\bzero working\b|"
                           r"\bcan'?t do multi-?step\b|直接蹦答案|(?:一步)?(?:推理)?(?:过程|步骤)都没有", re.I)),
    ("augment_instructions", re.compile(r"\bonly (?:answers?|works?|gets? it)(?: right)? when\b[^.?!]{0,60}\b(?:phrase|word|ask)\w*\b[^.?!]{0,40}\bexactly\b|"
                                        r"换个(?:问法|说法)就(?:不会|答不上|答错|不认识)|问法一变就", re.I)),
    ("fill_placeholders", re.compile(r"(?:keeps? (?:saying|calling itself|introducing itself)|still (?:introduces|calls) itself|老说自己叫|总说自己叫|说自己是)[^.?!。]{0,30}\{\{", re.I)),
    ("check_quality", re.compile(r"\blooks? copy-?pasted\b|\bliterally just ['\"]?N/?A\b|\ball look like one-?liners\b|回答就一个|(?:回答|答案)太短了|长得一模一样|"
                                 r"\bsomething'?s off with (?:the|my|this) data\b", re.I)),
    ("evaluate_run", re.compile(r"\b(?:answers|replies to) everything like\b|\beven when i ask (?:it )?about\b|问它[^,，。]{0,10}(?:也|都)回|忘光|把常识忘", re.I)),
)


# The person says the message is off-topic: "跟微调无关", "unrelated question", "not about fine-tuning".
_SAID_OFF_TOPIC = re.compile(r"(?:跟|和|与)(?:微调|训练|工作|正事|sft)(?:无关|没关系|不相关)|题外话|\boff[- ]topic\b|\bunrelated (?:question|to)\b|"
                             r"\bnot (?:related to|about) (?:fine-?tuning|training|the model|work|this)\b", re.I)
# Venting about the work: "被 loss 折磨", "烦死了", "ugh".
_VENT = re.compile(r"被[^,，。!！?？]{0,14}折磨|折磨(?:死)?(?:我|人)|烦死|累死|心累|头大|\bugh+\b|\bsigh\b|\bkilling me\b", re.I)

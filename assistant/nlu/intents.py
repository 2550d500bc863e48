"""Which tool a request asks for: weighted cue phrases per intent, Chinese and English.

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

_F = r"(?:jsonl|json|csv|xlsx|excel|alpaca|sharegpt|share gpt|openai|qianfan|千帆|messages)"
CUES: dict[str, list[tuple[str, float]]] = {
    "inspect_dataset": [
        (r"多少条|几条|多少行|多少个?(?:样本|数据|问答|例子)|数据量(?:是)?多少|how many (?:rows|samples|examples|records|lines|entries|items|pairs|questions|conversations)", 4),
        (r"inspect|preview|预览|概况|概览|overview|summar(?:y|ise|ize)|describe|statistics|\bstats?\b|统计|长度分布|token ?数|多长|how long are|length", 3),
        (r"哪些(?:字段|列)|(?:字段|列名|列)(?:有哪些|是什么|叫什么)|what (?:columns|fields)|which (?:columns|fields)|column names|field names|什么格式|是什么格式|格式是什么|what format|which format", 3),
        (r"what'?s in|what is in|里面(?:有|是)什么|长什么样|look like|看看数据|看一下数据|看下数据|查看数据|了解一下数据", 3),
        (r"look at|take a look|peek|glance|show me|瞧瞧|看看|看一下|看下|查看|瞅|open|打开|读一下|读取|加载|\bload|read|分析一下|analy[sz]e|explore|探索", 1.5),
        (r"\bcheck\b|检查一下?(?:这个|这份)?(?:文件|数据)?$", 1),
    ],
    "convert_dataset": [
        (r"转换|转成|转为|转化|转到|转一下|转个|变成|改成|换成|convert|transform|turn (?:it|this|that|them|the \w+) into|into (?:an? )?" + _F + r"|reformat|格式转换|change (?:the )?format", 3),
        (r"export|导出|save (?:it |this |them )?as|另存|输出(?:成|为)|写成|存成|生成\w{0,6}(?:格式|文件)|output (?:it |this )?as|dump", 3),
        (r"(?:成|为|\bto|\bas)\s*" + _F, 2),
        (r"训练格式|training format|标准格式|格式", 1),
        (r"转", 1.5),
    ],
    "check_quality": [
        (r"质量|quality|去重|重复|duplicat\w*|dedup\w*|清洗|清理|clean\w*|脏数据|低质|噪声|noise|noisy|ppl|perplexity|困惑度", 3.5),
        (r"空(?:答案|回答|的回答|值|白|的|行)|empty|缺失|missing|过滤|filter|校验|validat\w*|sanity|异常|有没有问题|有问题吗|什么问题|problems?|issues?|错误|bad (?:rows|samples|data|examples)|garbage|junk|垃圾", 2),
        (r"检查|\bcheck\b|检测|scan|audit|审查|review", 1),
    ],
    "add_few_shot": [
        (r"few[- ]?shots?|fewshot|少样本|小样本|\d+[- ]?shots?|[一二三四五六七八九十]+[- ]?shots?|in[- ]context|上下文示例|demonstrations?|\bdemos?\b|\bk[- ]?shot", 4),
        (r"示例|例子|范例|样例|examples? (?:to|into|in) (?:each|every|the) (?:prompt|question|sample)", 1.5),
    ],
    "add_cot": [
        (r"\bcot\b|(?<![a-z])cot(?![a-z])|chain[- ]?of[- ]?thoughts?|思维链|推理链|推理过程|推理步骤|解题步骤|解题过程|思考过程|思路|step[- ]by[- ]step|一步一步|一步步|逐步|reasoning|rationales?|think(?:ing)? (?:steps|process)|let'?s think|推理", 4),
    ],
    "augment_instructions": [
        (r"增强|augment\w*|多样性|多样化|diversity|diversify|divers\w*|改写|rewrite|rewording|reword|paraphras\w*|同义|换个说法|换种说法|不同的?说法|不同问法|多种问法|变体|variations?|variants?|模板|templates?|prompt_template|扩充|扩增|扩展|rephras\w*|泛化|more varied|vary", 3),
        (r"指令|instructions?|prompts?|问法|提问方式", 1),
    ],
    "suggest_hyperparameters": [
        (r"超参|hyper[- ]?param\w*|参数(?:怎么|如何|该)?(?:设置|配置|设|调|选)|(?:推荐|建议|合适)的?(?:参数|配置|设置|epoch|学习率|lr|batch)|recommend\w*|suggest\w*|advice|advise|what settings|which settings|what config\w*|best settings|good settings", 3),
        (r"怎么设置?|如何设置?|设置多少|设多少|设为多少|多少合适|多大合适|多少比较好|多少好|多大|怎么配|怎么选|如何选|应该(?:训练|设|用|跑)|该(?:用|设|跑|训练)多少|should i use|should i set|do i need|how many epochs|几个epoch|多少个?epoch|多少轮|几轮|几遍|(?:what|which|good|right) (?:lr|learning rate|epochs?|batch size|number of epochs)|how (?:high|low|big|large)", 3),
        (r"batch[ _]?size|批大小|批次大小|梯度累积|gradient accumulation|accumulat\w*|warm-?up|学习率|learning rate|\blr\b|epochs?|轮数", 1),
    ],
    "start_training": [
        (r"开始(?:\w{0,6})?(?:训练|微调|sft|跑)|启动(?:\w{0,4})?(?:训练|微调)|开训|开练|跑(?:一下|一个|个|一次)?(?:训练|微调)|训练(?:一下|起来|一把|吧)|来(?:训练|微调)|去(?:训练|微调)|进行(?:\w{0,4})?(?:训练|微调)|执行训练|发起训练|用\S{0,20}(?:训练|微调)|(?:训练|微调)(?:它|这个|这份|模型|一个模型)", 4),
        (r"(?:start|begin|launch|kick off|kick-off|run|commence|fire off|do)(?: the| a| an| my| our)?(?: \w+)?(?: \w+)? (?:training|fine[- ]?tun\w*|finetun\w*|run|job|sft)|train (?:it|this|that|them|the model|a model|my model|model|now|on|with|for|using|again)|let'?s train|go ahead and train|\btrain\b.*\b(?:epochs?|lr|steps?)\b", 4),
        (r"训练|微调|\btrain\w*|fine[- ]?tun\w*|finetun\w*|\bsft\b", 1.5),
    ],
    "training_status": [
        (r"进度|进展|状态|status|progress|怎么样了|咋样了|如何了|到哪了|跑到哪|跑得?怎么样|训练得?(?:怎么样|如何)|还要多久|多久(?:能|才|可以)?(?:完|好|结束|跑完)|剩余时间|剩多少|\beta\b|完成了吗|好了吗|跑完了?吗|结束了吗|训完了吗|训练完了吗|训练情况|训练结果|how(?:'s| is| are) (?:it|the training|training|the run|my run|the job|things|my model|the model)(?: \w+)? going|how far|done yet|is it (?:done|finished|over|complete)|finished yet|still running|any progress|monitor|check on|how long (?:until|till|left|remaining)|time left", 4),
        (r"\bloss\b|损失|曲线|日志|\blogs?\b|metrics?|指标|step|步", 2),
        (r"training|训练|\brun\b", 0.5),
    ],
    "stop_training": [
        (r"停止|停下|停掉|停了|停一下|暂停|终止|中止|中断|取消(?:训练|任务|运行|这次)|别(?:再)?(?:训练|跑)了|不要(?:再)?(?:训练|跑)了|不(?:训练|练|跑)了|kill|abort|cancel|\bstop\b|halt|terminate|interrupt|pause|shut (?:it )?down|掐掉|杀掉", 5),
    ],
    "explain": [
        (r"什么是|是什么|是啥|啥是|什么意思|啥意思|什么叫|何为|为什么|为何|为啥|怎么理解|如何理解|解释|讲讲|讲一下|讲解|介绍一下|科普|说说|原理|区别|有什么用|有啥用|作用是|好处|坏处|意义|怎么避免|如何避免|怎么防止|如何防止|是不是|会不会|重要吗", 3),
        (r"what(?:'s| is| are| does| do)\b|\bwhy\b|explain|difference between|differ from|how does .{1,40} work|tell me about|define|definition|meaning|means|is it (?:true|better|important)|does .{1,30} matter|matters?|how (?:to|do i|can i) (?:avoid|prevent|reduce)|pros and cons|when should i use", 2.5),
        (r"\bsft\b|监督微调|supervised fine|lora|epochs?|学习率|learning rate|few[- ]?shot|\bcot\b|chain of thought|思维链|梯度累积|gradient accumulation|过拟合|overfit\w*|遗忘|forget\w*|数据质量|data quality|多样性|diversity|batch|perplexity|ppl|token|微调|fine[- ]?tun\w*|prompt|指令|全量|qianfan|千帆|alpaca|sharegpt", 1),
    ],
}
# Words that turn a question into a request for work: "what is few-shot?" explains,
# "add few-shot examples" adds them.
_ACTION = re.compile(
    r"加上?|添加|插入|生成|构造|构建|制作|做一下|弄|帮我|给我|请|麻烦|转|导出|开始|启动|去重|清洗|过滤|检查|看看|统计|停|"
    r"\b(?:add|insert|generate|create|make|build|apply|produce|run|convert|export|start|launch|train|stop|check|clean|"
    r"remove|dedup\w*|filter|inspect|show|give me|please|can you|could you|would you)\b", re.IGNORECASE)
# Intents that a concept question takes over unless an action word is present.
_ACTIONS = ("add_few_shot", "add_cot", "augment_instructions", "check_quality", "convert_dataset", "start_training")

HELP = re.compile(r"^\s*(?:你好|您好|hi|hello|hey|嗨|哈喽|help|帮助|帮帮我|菜单|menu|谢谢|thanks|thank you)\W*$|你能做什么|你会什么|你可以做什么|能干什么|怎么用你|如何使用|what can you do|how do i use (?:you|this)|what are you|你是谁|who are you",
                  re.IGNORECASE)
YES = re.compile(r"^\W*(?:yes|yeah|yep|yup|sure|ok(?:ay)?|go(?: ahead)?|do it|confirm(?:ed)?|please do|start(?: it)?|let'?s go|y|好的?|好呀|好啊|行|可以|是的?|对|嗯+|确认|确定|开始吧?|开始训练吧?|没问题|冲|来吧|搞起|同意)(?:\W|$)",
                 re.IGNORECASE)
NO = re.compile(r"^\W*(?:no|nope|nah|cancel|not now|don'?t|never ?mind|wait|不要?|不用|算了|取消|先不|别|等等|等一下|暂时不)(?:\W|$)", re.IGNORECASE)
_MUSE = re.compile(r"要不要|是否|该不该|是不是(?:该|要|可以)|考虑|想想|可以(?:开始)?(?:训练|微调)了吗|能(?:开始)?(?:训练|微调)了吗|准备好|"
                   r"\bmaybe\b|\bperhaps\b|should (?:i|we)\b|shall (?:i|we)\b|do you think|is it (?:time|ok|okay|a good idea)|worth|ready to|"
                   r"\bcan we\b|\bcould we\b|what if|how about|wonder|^\W*(?:train|训练)\W*$|吗\W*$", re.IGNORECASE)
_CLEAR = re.compile(r"请|帮我|给我|麻烦|立即|马上|直接|现在就|now\b|please|\bcan you\b|\bcould you\b|\bwould you\b|go ahead|right away|帮忙", re.IGNORECASE)


@dataclass(frozen=True)
class Intent:
    """The winning tool (or "" when nothing matched) and its score; ``ranked`` holds all scores."""

    name: str
    score: float
    ranked: tuple[tuple[str, float], ...] = ()


def scores(text: str) -> dict[str, float]:
    lowered = text.lower()
    return {name: sum(w for pattern, w in cues if re.search(pattern, lowered)) for name, cues in CUES.items()}


def classify(text: str) -> Intent:
    """The tool ``text`` asks for. Needs a score of 2.5 or more (one clear cue)."""
    s = scores(text)
    question = any(re.search(p, text.lower()) for p, _ in CUES["explain"][:2])
    if question and not _ACTION.search(text):
        for name in _ACTIONS:
            s[name] = min(s[name], 2.0)  # a concept question, not a request to act
    ranked = tuple(sorted(s.items(), key=lambda kv: -kv[1]))
    name, score = ranked[0]
    return Intent(name if score >= 2.5 else "", score, ranked)


def is_muse(text: str, has_args: bool) -> bool:
    """True when the user only wonders about training ("要不要训练一下?", "maybe train?")."""
    return bool(_MUSE.search(text)) and not _CLEAR.search(text) and not has_args


def split_steps(text: str) -> list[str]:
    """A request of several steps, in order: "把a.csv转成jsonl,然后检查质量" → two parts."""
    parts = re.split(r"\s*(?:[,，;；。]?\s*(?:然后|之后再?|接着|随后|完了再|完成后再?|再帮我|and then|then|after that|afterwards|followed by)\s*)", text)
    return [p for p in parts if p and p.strip(" ,，;；。.")]

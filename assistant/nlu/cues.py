"""Weighted cue phrases per tool, Chinese and English, and the words of our domain. ``intents`` sums the cues
that match (each adds its weight once); the shipped intent model takes those sums as inputs
(``classifier``), so a cue is evidence, not a decision.
"""
from __future__ import annotations

import re

from assistant.nlu.probe import PROBE
from tools.data.formats import FORMAT_ALIASES

# A stop said in a sport's words ("罚下场", "get it off the field", "whistle it dead"), a general's ("鸣金收兵") or Sichuan's
# ("停到停到"), not asked after ("罚下场了吗"): the cue, and the stop word the reading checks.
STOP_IDIOMS = (r"(?:罚下场|鸣金收兵|(?:停到){2})(?!了?(?:吗|么|没有?)|了\s*[?？])|\b(?:get|send|take) it off the (?:field|pitch)\b|\bwhistle (?:it|that one|this one|the run|run \S+) dead\b|\bblow the (?:final )?whistle on\b|"
               # in old words: "止了吧", "当下即止", "止。", "速速封炉" (not 防止, 点到即止, 止损, "行二百步即止": where a probe ends)
               r"(?<![停防禁阻截终中为])止了吧|(?<![防禁阻截终中到步轮次遍])(?:即|立|速)止(?![损血痛步])|^\W*止(?=[。.!！])|封炉")

# Format names (the one alias table, tools.data.formats.FORMAT_ALIASES), longest first so "jsonl" beats "json";
# "gpt" and "表格" are also everyday words ("用 gpt-4 生成", "这个表格"), so they are no cue on their own.
_F = "(?:" + "|".join(re.escape(a) for a in sorted(FORMAT_ALIASES, key=len, reverse=True) if a not in ("gpt", "表格")) + "|share gpt)"
_NOUN = (r"(?:样本|数据|问答|例子|pieces|samples?|rows?|examples?|records?|lines?|entries|items?|pairs?|questions?|"
         r"conversations?|instances?)")
# A hyperparameter named, and a value asked for: together they ask for advice.
_HPARAM = (r"(?:超参|hparams?|hyper[- ]?param\w*|hps\b|学习率|(?<![a-z])lr(?![a-z])|learning rate|epochs?|epocs?|轮数|"
           r"几轮|多少轮|batch[ _]?size|batchsize|global batch|\bbatch\b|批大小|批次大小|梯度累积|gradient accumulation|"
           r"accumulation steps?|warm-?up|(?<!全)(?<!全部)参数(?!微调|量)|配置|默认|\bbs\b|\bhps?\b|(?<![a-z])rank|秩|alpha|dropout|"
           r"weight decay|最大长度|max(?:imum)? (?:seq(?:uence)? )?length|cutoff|settings|defaults?|config\w*)")
_ASK_VALUE = (r"(?:多少|几个?|几轮|怎么(?:定|设|配|选|调)|如何(?:定|设|配|选|调)|给(?:多少|几|个建议|点建议|点)|推荐(?!的)|建议(?!的)|合适|适合(?:用)?(?:什么|多少|哪)|够(?:了|不够|吗)|"
              r"多大|该用|该设|定一下|帮我定|定个|给个|还是|recs?\b|recommendations?|给一套|来一套|就行|how many|how much|"
              r"what(?!\s*(?:is|are|does|do|'s|an?|the)\b)|which|best|good|"
              r"(?<!the )(?<!these )(?<!those )(?<!with )recommend\w*|(?<!the )(?<!these )(?<!with )suggest\w*|"
              r"advice|advise|sensible|suitable|appropriate|should|optimal|ideal|right|enough|proper|reasonable)")
# Whether the finished run turned out well, asked of that very run: "did we fry it", "did the last run even work?".
RUN_JUDGED = (r"\b(?:did|have|has) (?:we|i|it|you) (?:fried|fry|break|broken|ruin(?:ed)?|wreck(?:ed)?|nuke(?:d)?) (?:it|the model|my model)\b|"
              r"\bdid (?:the|my|our|that) (?:last |latest |new |finished )?(?:run|training|fine-?tune|tuning) (?:actually |even )?work\b")
TRAIN = r"(?:训练|微调|训|train(?:ing)?|fine[- ]?tun(?:e|ing)|finetun(?:e|ing)|sft)"
_START = r"(?:开始|启动|开启|开跑|发起|执行|进行|跑|start|begin|launch|kick(?:\s|-)?off|fire (?:up|off)|run|commence)"
_COUNT = (r"(?:(?:[\d][\d,.]*\s*[kKwW万千]?|[一二两三四五六七八九十百千万]+|thousand|hundred|million)\s*(?:多|来|余|左右)?\s*"
          r"(?:条|个样本|samples?|examples?|rows?|records?|pairs?|entries|items|questions)|"
          r"\b\d[\d.]*\s?[kKwW万](?![A-Za-z]))")  # "6k" alone is a count
# SFT concepts the knowledge base explains; a question about one of them is a concept question.
TOPIC = (r"\bsft\b|监督微调|supervised fine|lora|epochs?|学习率|learning rate|few[- ]?shot|"
          r"(?<![a-z])cot(?![a-z])|chain[- ]of[- ]thought|思维链|梯度累积|gradient accumulation|过拟合|overfit\w*|遗忘|"
          r"forget\w*(?! it\b| about it\b)|数据质量|data quality|多样性|diversity|batch|perplexity|ppl|token|微调|fine[- ]?tun\w*|prompt|"
          r"指令|全量|qianfan|千帆|alpaca|sharegpt|数量|quantity|q\s*&\s*as?\b|问答对|held[- ]?out|留出集|保留集|验证集|测试集|mix[_ ]general|通用数据")
# Words of our domain. A question with none of them ("红烧肉怎么做", "what does a segfault mean in C")
# is not one the knowledge base answers: explain stays silent and the model says what it can do.
DOMAIN = re.compile(
    TOPIC + r"|(?<![a-z])sft(?![a-z])|warm-?up|困惑度|预训练|pre-?train|数据|data|模型|model|训练|train|训到|训完|训一半|续训|参数|param|token|格式|format|"
    r"样本|sample|示例|example|q\s*&\s*a|q/a\b|(?<![a-z])(?:excel|xlsx?|csv|tsv|parquet|jsonl?)(?![a-z])|文件格式|epoch|轮|步|step|显存|gpu|memory|loss|损失|字段|column|field|adapter|rank|秩|alpha|dropout|"
    r"学习|learn|模板|template|质量|quality|增强|augment|question|answer|问答|(?<![a-z])qa(?![a-z])|(?<![a-z])lr(?![a-z])|"
    r"\bckpt\b|held[- ]?out|验证集|测试集|训练集|mix[_ ]general|通用数据|grad(?:ient)? accum\w*|target_modules|lora_alpha|lora_target|\bq_proj\b|\bv_proj\b|linear layers?|欠拟合|评估|eval|bleu|rouge|(?<![a-z])f1\b|exact[- ]match|metrics?\b|指标|准确率|accuracy|checkpoint|量化|quantiz|推理|inference|对话|chat|对齐|align|rlhf|dpo|奖励|reward|"
    r"蒸馏|distill|label|标注|提示|rationale|shot|llama|qwen|gpt|bert|transformer|peft|gradient|梯度|(?<![a-z])run\b|"
    r"(?:run|sft)-\w|炼|\brecords?\b|\brows?\b|dataset|进度|断点|续训|resum(?:e|ing)\b|重复|冲突|质检|duplicat\w*|conflict\w*|dedup\w*|评测|转换|答案|回答|优化器|optimi[sz]er|"
    # a file's parts and the words of our tools' reports: "表格里有好几个sheet", "检查点", "'repetitive' on the report"
    r"(?<![a-z])sheets?(?![a-z])|工作表|检查点|\brepetitive\b|garbled|乱码|flagged|"
    # "what's a 'placeholder' in this context?", "没脱敏就拿去训了会怎样": the identity data's slots, data cleaned of personal details
    r"脱敏|拿去训|['\"‘“]\w+['\"’”] flag\b|\banonymi[sz]\w*|\bdup(?:e)?s?\b|answer_is_question|near_duplicate|exact_duplicate", re.IGNORECASE)
CUES: dict[str, list[tuple[str, float]]] = {
    "inspect_dataset": [
        (rf"\bwhat(?:'ve| have) (?:i|we) got here\b|\blook (?:upon|over) (?:it|them|this|these)\b[^.?!]{{0,30}}\btell me what you see\b|多少\s*(?:条|行|个|份)?\s*{_NOUN}|几(?:条|行)|多少(?:条|行)|数据量(?:是)?(?:多少|多大)|(?:条数|行数)(?!据)|"
         rf"how many (?:\w+ ){{0,2}}{_NOUN}|count (?:the )?{_NOUN}|规模(?:多大|是多少|有多大|如何)|多大规模|"
         rf"(?<!batch )(?<!batch_)\bsize\b|(?<!批)(?<!批次)大小|number of {_NOUN}|数一下|数数", 4),
        # "Show me rows 5 to 12 of FILE", "看看第3到第8行": rows by their numbers, looked at
        (r"\b(?:show|see|view|print|display|look at|pull up)(?: me)? (?:the )?rows? #?\d+(?:\s*(?:to|-|–|through|and)\s*#?\d+)?\b|(?:看|看看|看下|看一下|给我看|显示|打印)(?:一下)?第?\s*\d+\s*(?:到|至|-|–|和)\s*第?\s*\d+\s*(?:行|条)", 5),
        # "uploading the after-hours log now, what's in it?": a file just sent, asked about (not a run's log)
        (r"\b(?:uploading|uploaded|attach(?:ed|ing)|sending|sent|here'?s|here is)\b[^.?!]{0,60}\bwhat(?:'?s| is)?\s+(?:actually\s+|really\s+)?in (?:it|there|this|here)\b", 5),
        (r"\bhave a (?:wee |quick |little |proper )?look\b|\btake a (?:wee |quick )?look\b|\btake a (?:quick )?gander\b|\bgander at\b|\blook inside\b|(?<![要给])(?<!给\w)(?<!给\w\w)(?<!给\w\w\w)过目|\blook (?:it|this|them|these|that|the file) over\b|\blook over (?:it|this|the)\b", 3),
        # "看看有没有缺字段的", "check X for missing fields", "看下格式和字段有没有问题": the file's fields, looked at (with no
        # quality check asked in the same words)
        (r"^(?![\s\S]*(?:质检|质量|quality|duplicat|重复))[\s\S]*?(?:缺(?:了|少)?字段|字段(?:缺|少|不全|齐不齐|全不全|是否齐全|有没有(?:问题|缺|少))|格式和字段|字段和格式|\bmissing (?:fields?|columns?|keys?)\b)", 3),
        (r"(?<!quality )(?<!quality-)inspect|preview|预览|概况|概览|浏览|汇总|详情|表头|schema|header|structure|\bhead\b|\binfo\b|details|overview|"
         r"summar(?:y|ise|ize)|rundown|describe|描述|statistics|\bstats?\b|统计|分布|token ?数|多长|长度|how long are|length|"
         r"average", 3),
        (r"哪些(?:字段|列)|(?:字段名?|列名|列)(?:有哪些|是什么|叫什么)|概要|简介|摘要|读得出来|能读吗|能不能读|readable|can you read|"
         r"(?:what|which)(?: are| is)?(?: the)? (?:columns|fields)|\bwhat rows\b|\brows and columns\b|哪一列|哪列|column names|field names|什么格式|是什么格式|"
         r"格式是什么|what format|which format", 3),
        (r"是\s*\S{1,12}\s*还是\s*\S{1,12}(?:\s*\S{1,8})?\s*格式|(?:is|are) (?:it|this|they|the \w+) (?:in )?\S+ or \S+(?: \S+)? (?:format|files?)\b", 4),
        (r"what'?s in|what is in|\bwhat in (?:it|there|this)\b|里面(?:有|是)什么|长什么样|长啥样|look like|(?:数据集?|训练集|验证集|测试集|文件|dataset|file|data)\s*(?:有)?多大|"
         r"how big|size of|first (?:few |\d+ )?(?:rows|lines|samples|examples|records)|前几条|前\d+条|"
         r"前[一二三四五六七八九十]+条|里面.{0,3}什么|什么内容|都有什么|有哪些内容|"
         r"tell me about (?:this|the|my) (?:data|dataset|file|spreadsheet)|"
         r"(?:看看|看一下|看下|查看|了解一下)(?:这份|这个|我的)?数据(?!的?质量)", 3),
        (r"look at|take a look|peek|glance|show me|(?:瞧|看|瞅)一眼|(?:数据集?|文件)(?:的)?(?:基本)?信息|字数|多少(?:个)?字|display|"
         r"print|展示|显示|瞧瞧|看看|看一下|看下|查看|瞅|open|打开|读一下|读取|加载|\bload|read|分析|analy[sz]e|explore|探索|字段|列|columns?|"
         r"fields?|格式|format", 1.5),
        (r"\bcheck\b|检查", 1),
    ],
    "convert_dataset": [
        (r"转换|转成|转为|转回|转化|转到|转一下|转个|变成|改成|换成|convert|transform|turn (?:it|this|that|them|the \w+) into|"
         r"into (?:an? )?" + _F + r"|reformat|格式转换|change (?:the )?format|"
         r"\b(?:give|send|get) (?:me|us) \S+ as (?:an? )?(?:csv|xlsx|excel|jsonl|json)\b|"
         # "turn it qianfan by end of week", "make it sharegpt": the format said right after it, "into" left out
         r"\b(?:turn|make) (?:it|this|that|them) (?:qianfan|alpaca|sharegpt|openai|jsonl|csv|xlsx)\b", 3),
        (r"export|导出(?!来的|的)|save (?:it |this |them |the \w+ |this \w+ )?as|另存|存为|保存为|保存成|"
         r"format (?:it |this |them )?(?:as|into)|输出(?:成|为)|写成|存成|生成\w{0,6}(?:格式|文件)|"
         r"output (?:it |this )?as|dump|make (?:it|this|them) (?:an? )?" + _F + r"|in (?:the )?(?:\w+ )?" + _F + r" format|(?:an?|the)\s+" + _F + r"\s+(?:version|copy)|(?:generate|create|produce|make|build|write)\s+(?:an?\s+|the\s+)?" + _F + r"(?:\s+(?:file|version|copy|dataset))?\b|(?:->|→|=>)\s*(?:[\u4e00-\u9fff]{1,3}\s*)?" + _F, 3),
        (r"(?:成|为|转|\bto|\bas)\s*" + _F, 3),
        (r"(?:要|需要|来|导|输出|给我|want|need|give me|get me)\s*(?:一份|一个|个|an?|the)?\s*(?:\w+\s*的?\s*)?" + _F + r"|" + _F + r"\s*(?:格式)?的?(?:也)?(?:要|来)一份|change (?:it|this|that|them) to|" + _F + r"\s*版", 3),
        (r"训练(?:用的?)?格式|training format|标准格式|格式", 1),
        (_F, 2),
        (r"转", 1.5),
    ],
    "check_quality": [
        (r"\bcheck (?:it|them|this|that|the (?:data|file|sheet|rows))? ?for (?:garbage|junk|rubbish|problems|issues|errors|dupes|duplicates|bad (?:rows|data|records))\b|质量|质检|quality|去重|重复|duplicat\w*|dedup\w*|清洗|清理|clean\w*|脏数据|低质|噪声|noise|noisy|(?<![a-z])ppl|挑\S{0,6}毛病|找\S{0,6}毛病|"
         r"perplexity|困惑度|无意义|乱码|garbled|through the sieve|\bsift through\b|\b(?:qa|quality) pass\b|太短|过短|太长|过长|too short|too long|blank|空白|(?:格式|编码)问题|"
         r"format (?:problems|issues|errors)|有没有.{0,6}问题|体检|把关|health check|dupes?\b|答非所问|有问题的|干净|错别字|typos?|"
         r"\b(?:two|2) different answers\b|\bdifferent answers (?:to|for) the same\b|答案(?:不一致|前后不一)|两个不同的答案|"
         r"\bqc\b|quality control|(?<![清])洗(?:一下|一洗|洗|下)(?![澡手衣碗脸])|一致性|consisten\w*|contradict\w*|conflicting|矛盾|互相冲突|挑出|过一遍|洗(?:下|一下|一洗|洗)?(?:数据|这份|这批|一遍)|(?:很|太|挺|有点)脏|筛(?:选|掉|除|一下|一遍)|lint|清一清|清一下|占位|placeholders?|待补充|\btbd\b|\btodo\b|查重|rubbish|lorem ipsum|gibberish|"
         r"flag (?:the |any |all )?(?:rows|samples|examples|records|entries|answers|bad|empty|short|long|broken)|"
         r"score (?:the |each |every )?(?:samples?|rows?|data|examples?)|(?:没有|无|缺)答案|(?:有几个|有几条|有多少)(?:是)?空答案|no answers?|\brun (?:the |all the |my )?checks\b|\brepeated (?:questions|rows|entries|answers|records)\b|"
         r"without (?:an )?answers?|missing answers?|any good|好不好|靠谱|合格|(?<!many )usable|能用吗", 3.5),
        # "score every record in FILE and flag anything weird", "逐条打分": the check, not a look
        (r"\bscore (?:every|each|all)\b|\bflag (?:anything|everything|whatever|the|any)\b|逐条打分|每条打分|打个分|\bgive (?:[\w.-]+ ){1,3}a (?:quality )?score\b", 3),
        (r"空(?:答案|回答|的回答|值|白|的|行)|empty|缺失|missing|过滤|filter|校验|validat\w*|sanity|异常|有没有问题|有问题吗|什么问题|problems?|"
         r"issues?|错误|bad (?:rows|samples|data|examples)|garbage|junk|垃圾|评估|evaluat\w*|assess", 2),
        (r"检查|\bcheck\b|检测|scan|audit|审查|review", 1),
    ],
    "add_few_shot": [
        (r"few[- ]?shots?|fewshot|少样本|小样本|exemplars?|上下文学习|\bicl\b|\d+[- ]?shots?|[一二三四五六七八九十]+[- ]?shots?|"
         r"in[- ]context|上下文示例|demonstrations?|(?<!周[一二三四五六日天] )(?<!周[一二三四五六日天])(?<!the )(?<!a )\bdemos?\b(?!\s*(?:on|day|is|next|tomorrow|this|meeting|to|in|at)\b)(?!\s*[,，]?\s*先)|\bk[- ]?shot|^\W*k\s*=\s*\d", 4),
        (r"示例|示范|例题|例子|范例|样例|"
         r"examples? (?:\S+ )?(?:to|into|in|before|ahead of|in front of) (?:each|every|the) (?:prompt|question|sample)|"
         r"example (?:q&as?|qas?|questions|pairs)|(?:each|every|per)\b.{0,30}\bexamples?\b|"
         r"\bexamples?\b.{0,20}\b(?:each|every|per)\b", 1.5),
    ],
    "add_cot": [
        (r"(?<![a-z])cot(?![a-z])|chain[- ]?of[- ]?thoughts?|思维链|推理链|推理过程|推理步骤|解题步骤|解题过程|思考过程|思路|"
         r"step[- ]by[- ]step|一步一步|一步步|逐步|reasoning|rationales?|think(?:ing)?[- ](?:steps?|process)|let'?s think|"
         r"推理|推导|思考链|分步|(?:add|加上?|补充?|补上)\s*(?:\w+\s+)?(?:explanations?|解释)", 4),
    ],
    "augment_instructions": [
        (r"\bmore versions of (?:the )?(?:questions|prompts)\b|\b(?:bulk up|vary|mix up|spice up|widen|broaden|diversify) (?:the )?(?:question |prompt |instruction )?(?:wording|phrasings?)\b|多几种问法|问法多(?:几|一)些|(?:提问|问题|问法|指令|instruction)\S{0,3}换换?(?:个)?花样|扩\s*(?:[一二两三四五六七八九]成|\d+\s*%|一半)|扩(?:一?下)?\s*(?:指令|问法|提问)", 4),
        (r"增强|augment\w*|多样性|多样化|diversity|diversify|divers\w*|改写|rewrite|rewording|reword|paraphras\w*|同义|"
         r"换个说法|换种说法|不同的?说法|不同问法|多种问法|变体|variations?|variants?|模板|templates?|prompt_template|扩充|扩增|扩展|"
         r"rephras\w*|泛化|增广|扩写|more (?:questions|prompts|instructions|variations|phrasings)|(?<!前后)(?<!答案)(?<!回答)说法(?!不一|打架|矛盾|对不上)|表述|问法|丰富|回译|"
         r"back[- ]?translat\w*|\baug\b|richer|different phrasings?|\b(?:far |too |very |so )uniform\b|synonym\w*|expand\w*|more varied|vary|\bvariety\b|(?:widen|broaden|vary|mix up|shake up) (?:the )?(?:phrasing|wording)|less samey|different ways (?:of|to|people) (?:asking|ask)\b", 3),
        (r"指令|instructions?|prompts?|问法|提问方式", 1),
        # "指令太单一了", "the prompts are all samey": more ways to ask is the cure
        (r"(?:指令|(?<!前后)(?<!答案)(?<!回答)说法|问法|prompt|instruction)\S{0,4}(?:太|很|都|比较)?(?:单一|单调|一样|雷同)|"
         r"\b(?:instructions?|prompts?|questions?) (?:are|is) (?:all )?(?:too )?(?:worded |phrased )?(?:samey|repetitive|the same)\b|"
         r"\badd (?:some )?variety\b|\bfamily of (?:instructions|prompts|phrasings|templates)\b|\binstruction family\b", 4),
        # a family of equivalent instructions written out: "when is my VAT due|what's the VAT deadline|…"
        (r"[^|\n]{2,60}\|[^|\n]{2,60}\|[^|\n]{2,60}", 2.5),
    ],
    "suggest_hyperparameters": [
        # "帮我配一下 epoch、学习率和 batch", "推荐一组", "work out per_device_train_batch_size and gradient_accumulation_steps"
        (r"求(?:个|一下|一组)?(?:最优|最佳|合适|最好)的?\s*(?:epoch|学习率|lr|batch|超参|参数|轮数)", 6),  # "设 N=800,…求最优 epoch 和 batch size"
        (r"(?:要|该|得|大概要)(?:训练?|跑|练)几轮|(?:练|训|跑)几遍(?:好|合适|比较好)?|(?:算|估|定)(?:一算|一下|算)?\s*(?:要|该|得)?学几遍|(?:参数|超参|epoch|学习率|轮数)[^,，。;；]{0,6}?(?:帮我|给我|你|您)\S{0,2}?(?:定|出|配|拟|算)(?:一下|下|个|吧)", 3),
        (r"(?:出|定|配)(?:一下|下|个|一套)?\s*(?:(?:lora|全量|全参)\s*的\s*)?(?:epoch|轮数|学习率|lr|batch|参数|超参)|推荐一(?:组|套|下)|(?:不知道|不会)(?:怎么|咋)填|"
         r"\b(?:work|figure) out (?:the )?(?:per_device\w*|batch\w*|gradient_accumulation\w*|lr|learning rate|epochs?|settings|hyper\w*)|"
         r"\b(?:suggestions?|recommendations?|advice|ideas) (?:for|on) (?:the |my |our )?(?:knobs|params|parameters|settings|hyper-?params?|hps|config)\b", 3),
        (r"\b(?:redo|rerun|re-run|update|redo) (?:the |your |that )?(?:epochs? |lr |hyperparameter |training )?(?:suggestion|recommendation|advice)\b|重新(?:推荐|给一?下?建议)|\bhp\b|超参|调参|调优|训练(?:的)?(?:建议|方案)|training (?:advice|recommendations?|plan|setup)|"
         r"给(?:个|点|些|出|一下|一套)?(?:训练)?(?:参数|超参|配置)|参数(?:该|要|应该)?(?:怎么|咋|如何)(?:设|调|配|定)|hparams?|hyper[- ]?param\w*|hps\b|"
         r"recommend(?!ed)\w* (?:\w+ )?(?:settings|config\w*)|what settings|which settings|best settings|"
         r"good settings|training (?:params?|parameters|settings|config\w*)|训练参数|"
         r"batch ?size.{0,20}(?:梯度累积|grad(?:ient)? ?accum\w*|accumulation)|(?:梯度累积|grad(?:ient)? ?accum\w*).{0,12}(?:咋设|怎么设|设多少|settings?)", 3),
        (rf"{_HPARAM}.{{0,24}}{_ASK_VALUE}|{_ASK_VALUE}.{{0,24}}{_HPARAM}", 3),
        (rf"{_HPARAM}.{{0,30}}{_COUNT}|{_COUNT}.{{0,30}}{_HPARAM}", 2.5),
        (rf"{_HPARAM}", 1),
        # "work out the batch size and epoch count for FILE", "给我算下 epoch": values asked for, the advice
        (r"\b(?:give me|work out|figure out|calculate|compute|suggest|recommend)\s+(?:the\s+|some\s+)?(?:epochs?|batch|lr\b|learning rate|params\b|"
         r"hyper-?param\w*|numbers(?! (?:for|from|of|on) (?:the|my|our|that|this)\b)|settings)|\b(?:what|which) (?:epochs?|lr|learning rate|batch size)\b[^?]{0,60}\b(?:recommend|suggest)|"
         r"(?:算|估|给|推荐)一?(?:下|个|些)?\s*(?:epoch|lr|batch|学习率|超参)|"
         r"(?:参数|超参|epoch|学习率|\blr\b)[^。;；?？]{0,40}(?:算算|算一算|算一下|该设多少|设多少合适|该怎么设)", 3),
    ],
    "start_training": [
        # "就拿这个训", "用它训吧": the one-character verb, with the data at hand; "训练!现在!"
        (r"(?:训练|微调|train)\W*(?:现在|马上|立刻|now)\W*$|(?:拿|用)(?:这个|它|这份|这)\s*(?:来|去)?(?:训|练)(?![练数据集样])|就训(?:吧|它|这个)?\W*$|"
         r"(?:帮我|给我|我要|想)\s*(?:训|练|炼)(?:个|一个|一版)\s*(?:模型|model|小模型)", 3),
        (rf"{_START}\s*(?:the |a |an |my |our )?\S{{0,10}}?\s*(?:\w+ )?{TRAIN}|"
         rf"{TRAIN}\s*\S{{0,4}}?\s*(?:跑起来|走起|搞起|起来|开始|开整)|{TRAIN}(?:一下|起来)?吧|"
         rf"(?:现在就|马上|立刻|立即)\s*\S{{0,24}}?{TRAIN}|(?:开整|走起|搞起|开练|开训|开干|开始跑|开跑|走一波|来一波|搞一波|整起来)|(?:丢|扔|放)进去(?:练|训|跑)|(?:训|练|炼)出来(?!的)|\bspin up (?:a |the )?(?:training|run|job|fine-?tune)|炼(?:起来|一个|个|一下|一版|一把|模型|丹|吧)|可以炼了|开炉|开炼|丹炉|炉子|开搞|fire (?:it|this|that) up|let it rip|"
         rf"(?<!back )(?:in|into) the oven|\b(?:get|let'?s|time to|start)\b.{{0,24}}\bcook(?:ing)?\b|go train|"
         rf"launch (?:it|this|now)\b|"
         rf"(?:跑|训|开始|启动|start|launch|begin|run)(?:个|一个|一下|一把)?\s*(?:a |the )?(?:q?lora|sft)\b|"
         rf"\bft (?:it|this|the model|now)|(?:开始|来|现在)教(?:它|模型|机器人)|\bfeed (?:it|this|FILE|[\w.-]+) (?:to|into) (?:the|my) model\b|喂给模型|\bteach (?:it|the bot|the model|my bot)\b(?!\s+(?:to|how)\b)|^\W*(?:帮我|给我|请)?(?:训|练|微调)一下|把\s*(?:file|这个|它|这份|数据)\s*(?:拿去|拿来)?(?:微调|训练)(?:一下|一遍|起来)|冒烟测试|smoke[- ]?test|(?:跑|训|练)(?:个|上|一下)?\s*\d+\s*步|试试水|试水", 4),
        (r"(?:start|begin|launch|kick(?:\s|-)?off|fire (?:up|off))\s+(?:the |a |an |my |our |new )?(?:\w+ ){0,2}(?:run|job)\b|"
         r"kick (?:the |a |my |this |that )?(?:new )?(?:run|training|job|fine-?tune) off|"
         # "now do a quick sanity run on FILE, 100 steps max": a short training run
         r"\b(?:do|run|start|launch)\s+(?:a |an )?(?:quick |short |small )?(?:sanity|smoke|trial)[- ](?:training )?run\b", 4),
        (rf"train (?:it|this|that|them|the model|a model|my model|model|now|on|with|for|using|again)|^\W*train\s+FILE\b|"
         rf"^\W*(?:please |pls )?{TRAIN}\s+(?:[\w.-]+\s+){{0,2}}(?:on|with|using)\s+FILE\b|"
         rf"重新(?:训|开训|训练|跑)|重训|再训一(?:次|遍|版)|再训(?!练营)|再开训|"
         rf"let'?s train|go ahead and train|(?<!通)用[^,，。;；?？]{{0,24}}?{TRAIN}|{TRAIN}(?:它|这个|这份|模型|一个模型)|现在开始|马上开始|"
         rf"立刻开始|开始吧", 4),
        # a base model named ("base qwen2.5-14b", "基座用 llama3-8b") is what a run is started on
        (r"基座|底座|base[ _-]?model|\bbase\s+[a-z][\w.-]*\d", 1.5),
        # LLaMA-Factory's options ("template 用 qwen, cutoff_len 2048") are settings of a run
        (r"cutoff_len|lora_target|lora_alpha|template\s*(?:用|=|:|is|to)\s*\w+", 2.5),
        # "训练数据", "the training data/set": a noun, not a request to train
        (rf"{TRAIN}(?![a-z练])(?!\s*(?:data|sets?\b|samples?|examples?|files?|集|数据|样本|文件|格式|format))", 1.5),
        # "do a quick 150-step run on FILE": a short run, by its steps
        (r"\b\d+[- ]?steps? run\b|\b(?:quick|short|small|test|tiny) (?:\d+[- ]?steps? )?run (?:on|with|using)\b", 3),
    ],
    "training_status": [
        # "Where is run tax-ft-01 at?", "where's it at": where a run has got to
        (r"(?:是不是|好像|是否)?卡住了|半天没动静|\b(?:run|job|training|it)\s+(?:is|seems|looks|got) stuck\b|\btime (?:is )?left\b|\bready yet\b|\bstate of play\b|\bwhat'?s up with\s+(?:run |job )?[A-Za-z][\w.-]*\d|跑[得的](?:咋样|怎么样|如何)|(?:训练|训|跑)(?:到)?(?:哪里|哪儿|哪一步)了|(?:训|跑|练)到哪(?:儿)?(?:啦|咯|喽|了呀|了啊)|\bwhat'?s the (?:word|news|latest|scoop|story|deal) (?:on|with) (?:run |job )?[A-Za-z][\w.-]*\d|\bhow (?:is|'s) (?:it|the run|(?:run |job )?[A-Za-z][\w.-]*) getting on\b|好了没|跑完(?:了)?(?:没|未|吗|冇)|\b(?:still|actually|even) running\b|\brunning yet\b|跑起来了(?:吗|没)|\bhow (?:the|my|our) (?:current |latest )?(?:training )?(?:run|training|job) is (?:going|doing)\b|跑到(?:了)?(?:第)?(?:几|多少)|到第几(?:个|轮|组|步|回)|(?:训|跑|练|修|走)到(?:了)?何处|还要多就|\blatest (?:step|loss|epoch)\b|\bwhere (?:are you|r u) at\b|\bwhere(?:'s| is| are) (?:it|we|things|the run|my run|the job|(?:run |job )?[A-Za-z][\w.-]*\d[\w.-]*) (?:at|up to)\b|"
         r"\bwhere (?:it|the run|my run|the job|(?:run |job )?[A-Za-z][\w.-]*\d[\w.-]*)(?: is|'s| 's) (?:at|up to)\b|"
         r"\b(?:check|see|find out|tell me|look at) where (?:run |job )?[A-Za-z][\w.-]*\d[\w.-]*\s+is\b|"
         r"\bcheck(?:ing)? (?:in )?on (?:the run|my run|the job|(?:run |job )?[A-Za-z][\w.-]*\d[\w.-]*)\b|^\W*check (?:run |job )?(?=[A-Za-z][\w.#-]*\d[\w.-]*\W*$)|"
         r"\bhow (?:the |my |our )?(?:training|run|job|fine-?tune) is (?:going|doing)\b|"
         # "pull up how it's doing", "how run bx-301 is doing", "whats up with run fanfic-r32", "is it still cooking", "它学得怎么样了"
         r"\bhow (?:it|they|that one|this one|(?:run |job )?[A-Za-z0-9][\w.-]*\d[\w.-]*|(?:the )?(?:run|job) (?:called |named )?[A-Za-z][\w.-]+)(?:'s| is| are) (?:doing|going|getting on|coming along)\b|"
         r"\bpull up (?:its|the|how|where)\b[^.?!]{0,20}\b(?:progress|doing|going|status|at)\b|\bwhat'?s up with (?:run|job|the run|my run|the job) \S|"
         r"\bstill cooking\b|学得?(?:怎么样|咋样|如何|怎样)了|\bhow(?:'s| is) (?:run |job )?[A-Za-z][\w.-]*\d[\w.-]* holding up\b|(?<![\w.-])[A-Za-z][\w.-]*\d[\w.-]*\s*(?:次列车)?\s*(?:当前|现在|目前)?的?运行(?:情况|状况|状态)|"
         # "how's fanbot-2024-derby-v2 going", "cs-bot-run3 啥情况了", "agri-7b-r8 跑多少了": a run's name, then how it is doing
         r"\bhow(?:'s| is) (?:run |job )?[A-Za-z][\w.-]*\d[\w.-]* (?:going|doing|coming along)\b|"
         r"(?:报告|汇报|说说|讲讲)(?:一下|下)?\s*(?<![\w.-])[A-Za-z][\w.-]*\d[\w.-]*\s*的\s*(?:情况|近况|进展)|(?<![\w.-])[A-Za-z][\w.-]*\d[\w.-]*\s*(?:现在|目前)?\s*(?:(?:啥|什么)情况|跑(?:了|到)?多少了|跑到哪(?:了|儿了)?)|"
         # "Show me what's going on with qa-ft-zeta", "how's wedding-bot-june doing?"
         r"^\W*查\s*(?=[A-Za-z][\w.-]*\d[\w.-]*\W*$)|\bwhat'?s going on with (?:run |job )?[A-Za-z][\w.-]*[-_][\w.-]+|\bhow(?:'s| is) [a-z][a-z0-9]*(?:-[a-z0-9]+){2,} (?:doing|going)\b|\bhow (?:run |job )?[A-Za-z][\w.-]*\d[\w.-]* was (?:doing|going)\b", 3),
        (r"(?<!催)(?<!催我)进度|进展|状态|status|progress|update on|updates?\b|怎么样了|咋样了|如何了|到哪了|到哪儿了|到哪里了|跑到哪|跑得?怎么样|训练得?(?:怎么样|如何)|还要多久|"
         r"多久(?:能|才|可以)?(?:完|好|结束|跑完)|(?:几点|什么时候|啥时候|何时)(?:能|才|可以)?(?:跑|训|练)?完|还剩.{0,3}(?:多久|多少时间|多长时间|几分钟|几个?小时)|剩余时间|剩多少|多长时间|多少时间|训练(?:得|的)?(?:怎么样|怎样|咋样|如何)|(?:怎么样|怎样|咋样)了|还在(?:跑|训练?)|"
         r"(?:which|what) (?:epoch|step)\b.{0,24}\b(?:on|at|now|currently)\b|还在\s*(?:running|跑|训|运行)|(?<![现实存好])在跑(?:吗|嘛|么|没有?)|\bsitrep (?:on|for)\b|"
         r"current step|当前(?:第几)?步|any news|news on|第几个?\s*epoch了|(?:现在|当前|目前)(?:是|在|到)?第几(?:个)?\s*(?:epoch|轮|步)|current epoch|"
         r"what epoch (?:is it|are we|is the run)|监控|\bwatch\b|\btail\b|查一下训练|模型(?:训练)?好了(?:吗|没)|model ready|"
         r"how are things|check in (?:on|with)(?= (?:run |job )?[A-Za-z][\w.-]*\d)|check in on|第几步|哪一步|多少步了|what step|which step|"
         r"(?:training|run|job|it|model|训练)\s*(?:has |have |did )?(?:crash|fail)\w*|did it crash|挂了|崩了|(?<!传)(?<!传又)(?<!传都)失败了|"
         r"(?<!projector )(?<!laptop )(?<!phone )(?<!battery )(?<!printer )(?<!wifi )(?<!internet )(?<!screen )\bdied\b|\beta\b|完成了吗|好了吗|(?:完|结束)了?(?:吗|没|没有)|好了(?:吗|没|没有)|(?:训|跑|练|好|完|停|动|挂|崩|结束)了没|多久.{0,4}(?:完|好|结束)|where are we|在哪一步|"
         r"steps? (?:are )?(?:left|remaining)|还剩(?:几|多少)步|训练情况|训练结果|(?:训练|训|run|跑|模型)\S{0,6}(?:什么|啥)情况|情况(?:如何|怎么样|咋样)|what'?s the situation|"
         r"how(?:'s| is| are) (?:it|the training|training|the run|my run|the job|things|my model|the model|the fine-?tune|my fine-?tune)(?: \w+)? going|"
         r"how far|done yet|训得?(?:怎么样|如何|咋样|怎样)|进行到|跑了(?:多少|几)|还有多久|什么时候(?:能|会|可以)?(?:好|完|结束|训完|跑完)|"
         r"how much longer|(?:what|which) percent|percent (?:done|complete|finished|through|of the way)|百分之几|完成(?:了)?百分之|进度百分之|how(?:'s| is) (?:[\w-]+ ){0,3}(?:doing|looking)|报错|出错|"
         r"did it (?:fail|crash)|还要.{0,3}多久|训练中(?!途|间|起|的作用|有(?:什么|啥)用)|in training|training in progress|"
         r"how long (?:has|have) (?:it|the run|the training|training)|been (?:training|running)|"
         r"how (?:is|'s) going|完成(?:了)?(?:吗|没|没有)|到哪(?:个|一个)?\s*(?:epoch|步|轮)|still (?:training|running|going)|did it die|is it dead|"
         r"is it (?:done|finished|over|complete)|finished|still running|any progress|monitor|check on|"
         r"how long (?:until|till|left|remaining)|time left|\bhow is (?:my|the|our) (?:train|training|run|job)\b|"
         r"\b(?:it |is it |has it )?(?:finish(?:ed)?|done|complete[d]?) or not\b|跑完(?:了)?没|"
         r"\bhow (?:that one|this one|it|the run|my run) is doing\b|\bcurrent (?:loss|step|epoch|speed|progress|lr|learning rate)\b|"
         r"\btokens? (?:per second|/s)\b|\bwhere'?s (?:run |the run |my run |job )?\S+ at\b|\bis (?:the|my) (?:adapter|run|training|job) (?:ready|done|finished)\b|\badapter\b.{0,12}\bready\b|适配器好了|adapter\s*好了|\bhow is (?:that one|this one|it|the run) doing\b", 4),
        (r"\bloss\b|(?<![a-z])loss|损失", 2.5),
        (r"曲线|日志|\blogs?\b|metrics?|指标|\d{8}-\d{4,6}|\brun[-_]\w", 2.5),
        (r"training|训练|\brun\b", 0.5),
        (r"第几", 1),  # "现在第几个 epoch": which one now, not how many to use
    ],
    "stop_training": [
        (r"\bsig(?:term|kill)\b|\bkill -(?:9|15|term|kill)\b|\bcut (?:it|that one|this one|the run|run) off\b|\bcut off (?:run |the run )?(?=[A-Za-z][\w.]*[-_][\w.-]*\d)|"
         r"(?<!临时)停运|立即停车|\bnip (?:it|that) in the bud\b|" + STOP_IDIOMS + r"|(?:启动|开跑|开训|开始)的\s*(?:run|训练|任务)?\s*\S{0,20}?\s*撤(?:回|销|掉)", 5),  # "SIGTERM run-9001", "cut it off": a stop
        (r"(?:不想|不要|别|不用)(?:再)?(?:继续)?(?:训练?|跑|练)了|停止|停下|停掉|(?<!码头全)(?<!地铁全)(?<!码头)(?<!地铁)(?<!航班)(?<!公交)(?<!电梯)停了(?!\s*(?:一|两|半|几|好几|\d+)\s*(?:个)?\s*(?:下午|上午|晚上|整天|天|小时|钟头|分钟|礼拜|星期|周|月))(?!的)(?![^,，。;；!！?？]{0,6}[,，]\s*那[^?？。!！]{0,30}[?？])|停一下|暂停|终止|中止|中断|\bstop (?:studying|learning)\b|(?:^|(?<=[先就快赶]))停\s*(?=[A-Za-z][\w.-]*[-_\d])|别学了|停止学习|取消(?:训练|任务|运行|这次|掉|吧|它)|(?:^|(?<=[,，。!！\s]))取消(?!了)|(?<=训练)取消\W*$|"
         r"别(?:再)?(?:训练?|跑|练)了|不要(?:再)?(?:训练?|跑)了|不(?:训练?|练|跑)了|撤下来|撤下|撤掉|"
         r"(?<![a-z])(?:kill|abort|cancel|halt|terminate|interrupt|pause)(?![a-z])|\bstop\b(?!\s+(?:after|at|when|once|if|(?!training\b|running\b)\w+ing)\b)|stop(?=掉|了)|先\s*stop\b|\b(?:want|wanted|need|needed|get|like)\s+(?:run\s+|the\s+run\s+)?\S+\s+(?:stopped|killed|halted)\b|\bhalts? (?:a|the) run\b|\bhit the brakes\b|踩(?:个|一脚)?刹车|\bbe (?:terminated|halted|stopped) forthwith\b|\b(?:that )?the run be (?:terminated|stopped|halted)\b|\bthat (?:run |job )?[A-Za-z][\w.-]*\d[\w.-]* be (?:terminated|stopped|halted|killed|cancell?ed)\b|关火|别煮了|\bbench (?:the )?run\b|\bpull it off the field\b|\bpull the pin on\b|\bpull (?:run |the run )?\S+ off the (?:field|pitch|track)\b|"
         r"结束(?:训练|掉|这次|任务|运行)|end (?:the |this )?(?:run|training|job)|\bend it\b|\bquit\b|give up|放弃|shut (?:it )?down|\bshut (?:\w+ ){0,3}(?:down|off)\b|"
         r"(?:要|该|想|得)停(?!车)|停的是|停的应该是|要停的是|停(?:那个|这个|它)(?![\u4e00-\u9fff])|停(?:掉)?(?:最新|最近|刚才|刚开|最后|上一)的?(?:那|一)?个|\b(?:should|must|needs? to|to) be (?:stopped|killed|halted|cancell?ed|terminated)\b|\b(?:shall|must|is to) cease\b|\btermination of (?:the )?(?:run|job|training)\b|\bcessation of\b|\bbench (?=(?:the |run |job |it\b|[A-Za-z][\w-]*\d))|\bcease (?=(?:the |run |job |training |[A-Za-z][\w-]*\d))|\bneeds? stopping\b|撤(?:下来|下|掉|(?<!先撤)(?<!我撤)(?<!就撤)了(?![\u4e00-\u9fff]))|(?<![往向])下掉|砍(?:了|掉)|干掉|pull(?:ed|ing)? the plug|take (?:it|this|that|the (?:training|run|job)) down|\bnuke\b|\bscrap\b(?![-_]\w)|\b(?:want|need)s?\s+(?:it\s+|\S+\s+)?(?:stopped|killed|halted|cancell?ed)\b|叫停|喊停|停一停|停停|^\W*停\W*$|掐掉|掐了|掐断|关掉(?:训练|它|任务|这个)|(?:训练|任务)关(?:掉|了)|\bbin (?:it|this|that|the)\b|杀掉|毙掉|毙了|停(?=\s*[!！。.]|\s*$)|停(?:掉|下)?\s*(?=[A-Za-z][\w-]*\d)|(?:快|赶紧|马上|立刻|立即|给我)\s*停|停(?:喽|啦|吧)|刹车|刹住|\bstopping (?=[A-Za-z][\w-]*\d)|\bturn (?:off|down) the (?:heat|stove|burner)\b|\b(?:take|pull) (?:it|\S+) off the (?:heat|stove|burner)\b|\bquench (?:the )?(?:fire|flames?|furnace|forge)\b", 6),
    ],
    "resume_training": [
        # a stopped or crashed run carried on from its checkpoint
        (r"恢复\s*(?:run|job|任务)?\s*[A-Za-z][\w-]*\d|从断处(?:继续|接着|续)|(?:从存档点?|从检查点)?(?:接着|继续)刷|(?:从|自)[^,，。;；!！?？]{0,8}?(?:断点|检查点|checkpoint|ckpt)\s*处?\s*(?:接着|继续|续|复活|恢复|重启)|(?:接着|从)(?:之前|上次|刚才)?的?(?:断点|检查点|checkpoint)\s*(?:训|跑|练|继续|续)|自\s*(?:检查点|断点|checkpoint|ckpt)\s*(?:续行|继续|接着|恢复|续)|续行|从(?:最新|最近|上一?个)?的?\s*(?:ckpt|checkpoint|检查点)|(?:重新|再)拉起来|接着(?:之前|上次|刚才)?的?(?:训|跑|练|来)|从\s*(?:checkpoint|检查点|断点|ckpt)\s*(?:恢复|继续|接着|重启|续)|从(?:之前|上次|刚才)(?:的)?(?:地方|断点|checkpoint)|carry on (?:with )?(?:the |my |that )?(?:run|training|job)|"
         r"pick up where (?:it|we|you) left off|\bun-?paus\w*|\bpick (?:it |the run |this |that )?(?:back )?up\b.{0,20}\bwhere (?:it|we|you|i) left off|继续(?:训练?|跑|练)|恢复(?:训练|一下|运行|跑)|续训|续上|续跑|续(?=\s+[A-Za-z][\w.-]*\d)|复活|断点续|接着(?:上次|之前|刚才)的进度|"
         r"\bresume\b|\bcontinue (?:the |my |that |this )?(?:run|training|job|fine-?tune)\b|\bunpause\b|\bpick (?:it|the run) back up\b|"
         r"\bpick (?:up|it up)\b.{0,40}\bfrom (?:its|the|my|their) (?:last |latest |previous |most recent )?(?:checkpoint|ckpt|save)|"
         r"\bcontinue (?:it|them|the training|training) again\b|(?:继续|接着|恢复)\S{0,6}(?:停掉|停下|中断|暂停|断掉|挂掉)(?:了)?的|从最近的?(?:一个)?(?:检查点|checkpoint|断点|ckpt)|(?:接着|继续)?往下(?:训|跑|练)|训练\s*(?:继续|接着)(?:跑|训|练)?\W*$|(?:训练|任务|run)\S{0,2}接回去", 4),
    ],
    "evaluate_run": [
        (r"(?:就|先|再)?评估\s*(?:一下)?\s*[^,，。;；]{0,10}?(?:的那个|那个|那一个)|(?:评委|裁判)亮分|\bjudges?\b[^.!?]{0,20}\bscores?\b", 4),  # "就评估 loss 低的那个", "请评委亮分"
        # how a finished run turned out, or whether it lost what the base model could do
        (r"(?:跑|做)(?:个|一下|一个)?对比|评估|评测|评一下|评一评|benchmark|\beval(?:uat\w*)?\b|测试集上|看(?:下|一下)?分数|跑(?:个|一下)?分|\bverdict\b|\breport card\b", 2),
        # "score gf-run-2 for me", "run-0529b is done, can you grade it?": a run marked
        (r"\b(?:finished|done|complete)\b[^.?!]{0,12}\bhow(?:'d| did) (?:it|she|that one|the run) (?:do|go|turn out|perform)\b|"
         # "Tell us if it's any good", "Judge it now: what has it learned, and what forgotten?"
         r"\b(?:tell|let) (?:me|us) (?:know )?(?:if|whether) (?:it'?s|it is|the (?:run|model|adapter) is|they'?re) (?:any good|good enough)\b|\bjudge (?:it|her|him|the run|the model|the adapter|them)\b|"
         r"\bwhat (?:has|have|did) (?:it|the run|the model|they) (?:learn(?:ed|t)?|picked up)\b|"
         r"\b(?:score|grade|mark|rate)\s+(?=[A-Za-z][\w.]*[-_][\w.-]*\d|[A-Za-z]+\d)|"
         r"[A-Za-z][\w.]*[-_][\w.-]*\d[\w.-]*\b[^.?!]{0,40}\b(?:score|grade|mark)\s+(?:it|that one|this one)\b|"
         r"\b(?:score|grade|mark|rate)\s+(?:the |my |our |that )?(?:run|model|adapter|fine-?tune)\b", 3),
        # "whether it has lost anything compared to the base model. Run that comparison for X", "与原始底座模型加以比照,看其所学几何、所忘几许"
        (r"\blost anything\b|\b(?:run|do) (?:that|the|a) comparison\b|compared? (?:it |them )?(?:to|with|against) (?:the )?base(?: model)?\b|"
         r"(?:底座|基座|原始)\S{0,4}(?:加以)?比照|所学几何|所忘几(?:何|许)|验其所得|察其所失", 3),
        (r"(?:评估|评测|测)\S{0,3}(?:模型|效果|adapter)|\beval\w* (?:the |my |this |that )?(?:model|run|adapter|fine-?tune)|通用能力|(?:训|练)(?:没|坏|废|傻|笨)了|变笨|退化|regress\w*|"
         r"(?<!避免)(?<!防止)(?<!以免)(?<!不会)(?<!免得)(?:忘|遗忘)(?:掉|了|记)|(?<!n't )(?<!nt )(?<!not )(?<!never )(?<!to avoid )forg[eo]t\w*(?! it\b| about it\b| the (?:jargon|details|theory|terms|technical)| all that\b| what i\b| (?:the|its|my|our|their|his|her) (?:run |job )?(?:id|name|number|password|file ?name)\b)|did (?:it|the run|the model|my run) (?:learn|pick up|get)|"
         r"how (?:well )?did (?:it|the \w+|my \w+|(?:run|sft)-[\w-]+|\d{8}-[\w-]+|[A-Za-z]+[_-][\w-]*[_-][\w-]+) (?:do|turn out|score)|(?:测测|测一下|测试一下)[^,，。;；]{0,10}(?:模型|adapter)|学到东西|学会了?(?:没|吗)|"
         r"\bbase\b(?: model)?\s*(?:vs\.?|versus|against|and|compared (?:to|with))\s*(?:the )?(?:tuned|fine-?tuned|trained|adapter)|"
         r"(?:基座|原模型|微调前)\S{0,4}(?:和|与|跟|vs\.?|对比|比较)\S{0,4}(?:微调后|微调过|训练后|训完)|"
         r"\b(?:become|became|got|get|gets|is|are) better or not\b|\btest (?:the|my) (?:new |tuned |fine-?tuned )?(?:model|adapter)\b|"
         r"(?:和|跟|与)基座(?:模型)?(?:相比|比)|\beval\w* \S+ (?:vs\.?|versus|against) (?:the )?base\b", 4),
        # "run the eval", "出个效果报告", "compare it with the original model", "how much did it lose"
        (r"\b(?:run|do|start) (?:the|an|a) eval(?:uation)?\b|\bscore the (?:finished |last |latest |new )?(?:run|model)\b|效果报告|评估报告|评测报告|\beval(?:uation)? report\b|"
         r"\bcompare (?:it|the (?:tuned |new )?model|my model)\b.{0,20}\b(?:with|to|against) (?:the )?(?:original|base|untuned)\b|"
         r"\b(?:did|has) (?:our|my|the) (?:new |tuned |fine-?tuned )?model (?:lose|forget)|有没有(?:出现)?[^,，。;；?？]{0,20}遗忘|能力的?遗忘|\bsuffered\b[^.?!]{0,30}(?:forgetting|遗忘)|" + RUN_JUDGED + r"|\b(?:can|does) it still (?:answer|know|do|handle)\b.{0,12}\b(?:normal|general|everyday|regular|basic) (?:stuff|things|questions)\b.{0,30}\bnow\b|\bhow much\b.{0,40}\b(?:lose|lost|forget|forgot)\b", 4),
        # the figures of a finished run: "numbers for the last run — exact match, rouge", "held-out metrics"
        (r"\b(?:numbers|metrics|scores?|results|figures) (?:for|from|of|on) (?:the|my|our|that|this) (?:last |latest |previous |new |finished )?"
         r"(?:run|model|fine-?tune|training|adapter)\b|exact[- ]match|\brouge\b|\bbleu\b|held[- ]out (?:metrics|scores|numbers|set)", 3),
    ],
    "probe_learning_rate": [
        # the learning-rate range test named ("跑一下学习率探测", "do an LR range test"): its own cue, so a polite
        # "能不能…跑一下那个学习率探测?" reads as the probe rather than a question about it
        (PROBE.pattern, 4),
    ],
    "explain": [
        (r"explain|解释|讲解", 1.5),
        (r"什么是|是什么|是啥|啥是|什么意思|啥意思|什么叫|何为|为什么|为何|为啥|怎么理解|如何理解|解释|讲讲|讲一下|讲解|介绍一下|科普|说说|原理|区别|有什么用|有啥用|干嘛的|干什么的|"
         r"做什么的|作用是|好处|坏处|有什么意义|的意义|怎么避免|如何避免|怎么防止|如何防止|是不是|会不会|重要吗|更重要|哪个(?:更|好)|影响|有什么关系|关系是|代表什么|代表啥|指什么|是指|"
         r"有什么不同|有啥不同|怎么回事|有什么讲究|怎么提升|如何提升|怎么提高|如何提高|how (?:to|do i|can i) improve|怎么选|如何选择?|说明什么|意味着|有什么帮助|有啥帮助|好处是|what are the benefits|benefits? of|什么关系|"
         r"有关系吗|relationship|relation between|干啥的|干嘛用|干什么用|做什么用|有何用|什么时候|何时|解决什么|还是.{0,10}(?:重要|好)|哪个重要|怎么做|"
         r"如何做|怎样做|注意事项|注意什么|最佳实践|入门|教程|不同之处|差异|怎么判断|如何判断|会发生什么|需要多少数据|要多少数据|越(?!快越好)(?!早越好).{1,4}越|会怎样|会怎么样|会如何|什么后果|够不够|够吗|(?:要|需要|应该|该)(?:做|准备)(?:些)?(?:什么|哪些)|什么场景|哪些场景|适用场景|适合什么", 3),
        (r"\bwhy\b|explain|difference between|differ from|how does|how do .{1,30} (?:work|affect|help|matter)|"
         r"tell me about|define|definition|meaning|\bmeans?\b|is it (?:true|better|important)|"
         r"does .{1,30} matter|matters?|how (?:to|do i|can i) (?:avoid|prevent|reduce)|pros and cons|"
         r"when should i use|good for|used for|useful|用来|affect|impact|effect of|influence|more important|"
         r"better than|worse than|what happens|how (?:do|can) (?:i|you) (?:know|tell)|how much data|stand for|"
         r"in simple terms|how to choose|indicates?|eli5|"
         r"when (?:should|to|do) (?:i|we|you)? ?(?:use|choose|pick)|what'?s the point|how to do|"
         r"best practices?|tips\b|tutorial|guide\b|"
         r"how (?:do|should|can) i (?:pick|choose|select|prepare|decide|know|tell)|the more .{1,20} the better|"
         r"\bvs\.?\b|versus", 3),
        (r"what(?:'s| is| are| does| do)\b", 2),
        (TOPIC, 1),
    ],
}

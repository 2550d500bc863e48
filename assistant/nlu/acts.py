"""The speech act of a request, decided before the tool: only commands act.

- ``hypothetical``: "要是我把学习率调到1e-3,loss会炸吗", "what if I never dedup?" — a condition and a
  question about its outcome; answered by ``explain``.
- ``question``: a question about an action or a concept ("few-shot 数据加进训练有什么好处",
  "is converting to sharegpt better than alpaca?"); answered by ``explain``, file or no file.
- ``correction``: "no wait, suggest hyperparameters first", "等下,要的是sharegpt不是alpaca": the rest of
  the message replaces the plan.
- ``conditional`` commands ("先看看…没问题就转千帆", "inspect it first, if the fields look right
  convert it") are commands whose first step is a check: see :func:`conditional_steps`.
- ``confirmation``: a yes and a bare "go on" ("行 继续", "ok, go on") answers what was just asked; a yes to a
  pending action is read by the Assistant. ``chitchat`` comes from the intent model (``none``); everything
  else is a ``command``.

    >>> speech_act("what happens if I train for too many epochs?"), speech_act("no wait, suggest hyperparameters first")
    ('hypothetical', 'correction')
"""
from __future__ import annotations

import re

from assistant.nlu import review, rx
from assistant.nlu.cues import DOMAIN
from assistant.nlu.memo import remembered
from assistant.nlu.paths import QUOTED, quoted
from assistant.nlu.slots import mask, tool_of_values

# A condition: "要是/假如/如果/万一", "if I", "suppose", "what if", "hypothetically".
_IF = re.compile(r"要是|假如|假设|如果|万一(?![^,，。;；!！?？]{0,4}(?:有用|用得上|用得着|哪天)[^,，。;；!！?？]{0,2}[呢呀嘛]?\W*$)|倘若|若是|比如说|比方说|"
                 r"(?<!tell me )(?<!tell us )(?<!let me know )(?<!check )(?<!see )(?<!know )(?<!wonder )(?<!wondering )(?<!wondered )(?<!verify )(?<!confirm )\bif\b(?!\s+(?:so|not|yes|no)\b)|"
                 r"^\W*(?:were|had) (?:i|we|you|the|my|our|this|it)\b|\bshould (?:we|i) (?:decide|choose) to\b|\bsuppos\w*|what if|hypothetical\w*|what happens|what would happen|"
                 r"^\W*(?:let'?s )?say,? (?:i|we|you|the|my|our|it)\b|^\W*would\b(?=[^?.!]{1,40}\b(?:overfit|underfit|forget|hurt|break)\b)|\bimagine\b|(?<![倘])若(?!干|是)|(?:转|删|训|加|改|填|停|跑|设|换|混|去|开|调)[^,，。;；]{0,40}的话(?=\s*[,，])", re.I)
# …and a question about what would follow (not an instruction for that case).
_OUTCOME = re.compile(r"[?？][\s!！?？]*[\U0001F300-\U0001FAFF\u2600-\u27BF]*\s*$|[?？]\s*[)）]\s*$|"
                      # "假设我现在把 X 停了…再恢复,它用新数据还是旧的": either-or asked without a question mark
                      r"还是[\u4e00-\u9fff]{1,8}\s*$|"
                      # "要是我现在把 X 停了 前面跑的那些还算数不": asked with a bare 不 at the end
                      r"(?<=[\u4e00-\u9fff])(?<![就都也还要并决别])不\s*$|"
                      # "…are the checkpoints kept? Haven't decided yet.": a question, then a remark that nothing is decided
                      r"[?？](?=(?:\s*(?:(?:i )?haven'?t decided(?: yet)?|not (?:sure|decided) yet|just (?:asking|curious|wondering)|还没(?:决定|想好|定)|没想好|就问问|只是问问|yes or no|y/n|是或否|对不对|over(?: and out)?|完毕|请回答|"
                      r"(?:仅|只|纯)(?:作|是|属)?(?:设想|假设)|(?:恳请|烦请|请)?示知|望告知|(?:kindly |please )?advise|请指教|(?:i )?ask (?:only|merely|purely) (?:in contemplation|out of (?:idle )?curiosity))\W*)+$)|\bdoes (?:my|the|our) (?:model|bot|run|data|adapter)\b|\bor what\b|[?？](?=\s*(?:thanks|thank you|thx|ty|cheers|谢谢|多谢|感谢)\W*$)|[?？](?=\s*(?:请|烦请|劳烦|麻烦|望)?\s*(?:给出|予以?)?\s*(?:说明|解释|告知|讲讲|说说|判定规则|规则|依据)[^?？\n]{0,12}$)|[?？](?=\s*(?:please\s+)?(?:explain|clarify|elaborate)\b[^?\n]{0,24}$)|吗\W*$|有用没\W*$|会(?:咋|怎么?)样|(?:得|要)多久|(?:啥|什么)效果|吗\s*[,，]\s*还是|(?<=[多大好高低快慢差住了动])不\W*$|[吗呢]\s*[?？](?=(?:(?!如果|要是|假如|若)[^?？\n]){0,12}$)|([\u4e00-\u9fff])不\1|\bhow (?:much|many)\b.{0,40}\b(?:left|remain)|\basking (?:before|b4)\b|是[^,，。;；]{1,16}还是[^,，。;；]{1,16}$|呢\W*$|是不是|会怎样|会怎么样|会如何|会?咋样|咋办|怎么办|会发生(?:啥|什么)|会出现|什么情况|会怎么\S|^\W*what if\b|what would happen|会不会|会(?:变|丢|炸|发散|影响|过拟合|有|导致)|是否会|会[\u4e00-\u9fff]{1,4}不\W*$|\bmight (?:i|we|it|that)\b(?! be possible)|\bcan (?:i|we) (?:still |then )?\w+ (?:later|afterwards|again)\b|还能|受影响|有影响|"
                      r"\bwould\b|\bwill (?:it|i|that|the|this|we)\b|\bwill \w+ (?:get|be|become|change|improve|drop|grow|break)\b|\bdo i\b|\bdoes (?:it|that|this)\b|\bis (?:it|that|anything)\b|"
                      # "if I stop a run halfway is the progress saved somewhere": what becomes of it, asked without a question mark
                      r"\b(?:is|are) (?:the|my|our|its|their) \w+ (?:saved|kept|lost|gone|deleted|still there)\b|"
                      r"what happens|\bwhat (?:breaks|goes wrong|changes|would break)\b|\bhow (?:bad|badly|much worse)\b|\bcould (?:it|that|this) (?:get|go|be)\b", re.I)
# Which way a setting should go, asked in general ("大点还是小点", "which matters more"): one list for the question test
# here and for the reading that answers such a question about advice (``reading._DIRECTION_ASKED``).
DIRECTION_WORDS = r"大点还是小点|高点还是低点|往高调还是往低调|调高还是调低|\bwhich (?:one )?matters more\b|哪个更重要|孰轻孰重"
# Asked of a step or a setting in general: "Are you sure epochs matter more than learning rate?", "Does the column order in FILE
# matter?", "will that mess anything up?", "请问一般从哪一步开始比较好?"
_IN_GENERAL = (r"\bmatters? more than\b|^\W*does (?:the |a |an )?[\w -]{1,30}\bmatter\b[^.!]{0,30}[?？]|\bwill (?:that|it|this) (?:mess|screw|break|hurt)\b[^.!]{0,20}[?？]|"
               r"(?:一般|通常)?从哪(?:一步|一个步骤|里|儿)(?:开始|入手|下手)(?:比较好|好|合适)?(?:呢|呀|啊)?(?:[?？]|\W*$)|是(?:什么|啥)\s*(?:reason|cause)\b|"
               # "练完了我咋知道它到底学会了没有?", "how would I know if it learned anything?": how to tell, asked
               r"(?:怎么|咋|如何)(?:才能|才)?(?:知道|判断|看出)[^?？,，。]{0,16}(?:学会|学到|学没学|有没有效果|效果)|(?:过拟合|欠拟合)\S{0,3}(?:怎么|咋|如何)看出来|\bhow (?:do|would|can|will) (?:i|we|you) (?:know|tell) (?:if|whether)\b")
# Questions about an action itself: its use, its effect, how it works, a comparison.
_ABOUT = re.compile(
    r"\b(?:bad|good|smart|dumb|terrible|great) idea\W*$|(?:究竟|到底|真的)\s*(?:准不准|靠不靠谱|可不可靠|管不管用|灵不灵|有没有效果?)\W*$|\bhow,? exactly\W*$|\b(?:bad|good) idea or (?:nah|not|no)\b|" + DIRECTION_WORDS + "|" + _IN_GENERAL + r"|\bdiff(?:erence)?s?\s+(?:btw|b/w|between)\b|有用没|^\W*would [^?.!]{1,40}\b(?:overfit|underfit|forget|hurt|break|matter)\b|\bhigher or lower\b|更高还是更低|大一点还是小一点|(?:具体)?(?:咋|怎么)(?:做|弄|搞|实现)的(?=\W|$)|有没有用|^\W*how (?:do|does|can|could|would) [^?]{1,40}?\b(?:increase|improve|help|reduce|affect|change|boost)\b|^\W*一般[^,，。;；?？]{0,16}(?:多久|多少|几个?|什么时候|啥时候)[^,，。;；]{0,16}[?？]|(?:能|会)差多少|值(?:不值)?得等|(?:能|可以)(?:不能|不可以)?直接[^,，。;；?？]{1,16}[吗嘛么](?=[?？,，\s]|$)|怎么个[\u4e00-\u9fff]{1,4}法|(?:要|需要|该|应该|得)注意(?:些|点)?(?:啥|什么|哪些)|注意事项有?(?:哪些|啥|什么)|(?:咋|(?<![该}])怎么)办(?:呢|啊|呀)?\W*$|(?:如何|怎么|怎样|咋)(?:去)?理解|\bwhere do (?:people|folks|you|others) (?:usually |normally )?(?:get|find|source)\b|\bis it better to\b[^?]{1,80}\bor\b|有什么好处|有啥好处|好处是|有什么用|有啥用|有什么帮助|有啥帮助|有什么意义|有什么区别|有啥区别|(?:和|跟|与|\bvs\.?)[^,，。;；?？]{1,24}(?:差|差别|区别|差距)(?:有)?多(?:少|大)|有什么不同|有啥不一样|区别是|"
    r"是(?:怎么|咋)(?:[\w ]{0,16})的|(?:样本|格式|样例|示例|例子|format)\S{0,4}长(?:啥|什么)样|怎么(?:用来|能)?评估|是如何|原理|(?<!问)(?<!问我)为什么|(?<!问)(?<!问我)为啥|为何|靠谱吗|有必要吗|值得吗|会怎样|会怎么样|会咋样|会发生什么|"
    r"会把.{0,16}(?:删|丢|改|覆盖|去)掉?(?:吗|嘛|么)|会不会\S{0,4}把.{0,16}(?:删|丢|改|覆盖|弄)|会覆盖|覆盖(?:掉)?原|还会(?:保留|在)|会(?:被)?(?:保留|丢掉?|删掉?)(?:吗|嘛)|会对.{0,12}(?:做|干)|按什么(?:标准|规则)|什么标准|怎么判(?:断|定)?的|"
    r"的时候.{0,8}(?:从哪|哪一步|怎么)|(?<!看看)(?<!看下)(?<!试试)(?<!比比)哪个(?:更)?(?:适合|好|合适|强)|(?:跟|和|与|同)[^,，。;；?？]{1,20}(?:比|相比|比较|比起来)\s*[,，]?\s*哪个(?:更)?[^,，。;；?？]{0,6}[?？]|哪种(?:更)?(?:适合|好|合适)|(?:先别|别|不用|不要|暂勿|请勿|切勿)(?:真的?)?(?:执行|动手|操作)|"
    r"\boverwrite\b|what would .{1,40} do\b|^\W*(?:would|will|does|can|could) (?:the |a |an |that |this )?[\w -]{1,30}\b(?:change|modify|alter|touch|delete|break|affect|bloat|shrink|grow) (?:my|the|our|your)\b|^\W*(?:would|will|does|do|can|could) (?:the |a |an |that |this |adding |doing )?[\w -]{1,30}\bmake (?:my|the|our|your|it|them) (?:[\w-]+ )?(?:bigger|larger|smaller|longer|shorter|slower|faster|heavier|worse|better)\b|how .{1,40} works\b|don'?t (?:run|do|execute) anything|just (?:tell|explain)(?! me (?:where|how far|the status|what (?:step|epoch)))|"
    r"^\W*(?:我|我们|咱们)?(?:要不要|该不该|需不需要|用不用|有没有必要)(?![^,，。;；]{0,8}(?:训|开始|跑))[^,，。;；]{1,30}[?？吗]\s*$|"
    r"(?:要不要|该不该|需不需要)(?![^,，。;；]{0,8}(?:训|开始|跑))[^,，。;；]{0,12}[?？]|\bwhat would .{1,60} (?:change|modify|affect|do to)\b|"
    r"会(?:改动|改变|修改|影响|动)[^?？]{0,24}(?:什么|哪些|啥)|干嘛用的|\bwhat does .{1,40} (?:actually )?(?:add|change|contain)\b|"
    r"\bwhich (?:one|file|dataset|version|set) should (?:i|we)\b|(?:应该|该)(?:拿|用|选)哪(?:个|份|一个|一份)|还是[^,，。;；]{1,20}(?:也行|也可以|行吗|可以吗|行不行)[?？]?\s*$|"
    r"\bwhy\b|\by (?:does|do|is|are|did)\b|咋(?:一下|突然|这么快)?就|是(?:咋|怎么)(?:一)?回事|默认(?:读|用|取|选|是)?哪(?:一)?(?:个|张|份|种)|"
    # "Would few-shot examples fix that, or is it something else?", "Boss wants to know: can it run offline?", "So my question: …?"
    r"\bwould (?:[\w-]+ ){0,3}(?:fix|solve|help with|cure) (?:that|this|it)\b|\b(?:wants?|want) to know\W+(?=.*[?？])|\bmy question(?: is)?\s*[:：-](?=.*[?？])|(?:我的问题是|想问(?:一下)?)[:：,，](?=.*[?？])|what happens|what'?s the (?:point|benefit|use|difference)|benefits? of|how does|how do .{1,40} (?:work|help|tell)|how (?:do|does|can|would|could) .{1,40} (?:make|improve|affect|change|cause|reduce|prevent|increase|hurt)\b|"
    r"^(?!.*(?:\bFILE\b|\bin (?:here|there|it)\b|\b(?:this|my|our) (?:file|data|dataset|run|training|job|model)\b))(?!\W*(?:is|are) there\b)"
    r"\W*(?:do|does|should|is|are|can|will|would) .{3,80}\bor\b.{2,60}\?\s*$|"
    r"difference between|\bthe same (?:thing )?as\b|(?:之后|以后)[^,，。]{0,12}会(?:变成|是|长)(?:什么样|啥样)|\bwhich one\s*\?\s*$|选哪个(?:好|比较好)?\s*[?？]\s*$|是一回事|是一个东西|is it worth|does .{1,40} (?:matter|help)|what does .{1,40} (?:do|buy|measure|tell (?:me|us|you)|show)\b|"
    r"(?:具体)?(?:是)?(?:干了|做了)(?:啥|什么)|what (?:format|shape|structure) should|(?:应该|应|要|得|该)(?:采用|是|用|整理成|准备成|做成|弄成|存成)?(?:什么|何种|哪种)格式|"
    r"\bwhat\b[^?.]{0,40}\b(?:is|are) (?:required|needed|expected|supported|allowed)\b|"
    r"^\W*(?:does|do|must|should) (?:the |my |our |a |an |each |every )?(?:data|dataset|file|question|answer|record|sample|row)s? (?:really )?(?:have|need) to\b|"
    r"[?？]\s*(?:请|烦请|敬请)?(?:予以)?(?:列明|告知|说明|明示|答复|回复|解答)\W*$|(?:望|请|烦请|敬请|恳请|需|需要|须|应)(?:予以|加以)(?:说明|解释|阐述|澄清)\W*$|\bis to be (?:clarified|explained)\W*$|[?？]\s*please (?:advise|explain|clarify)\W*$|[?？]\s*(?:敬请|恳请|还请|望|请)?(?:不吝)?(?:赐教|指教|指点)\W*$|"
    r"\bin what way\b|\bfor what(?: one| ah| lah)?\??\s*$|\bwhat counts as\b|什么原因|啥原因|原因是什么|\bwhat causes\b|"
    r"(?:烦请|请|麻烦)?(?<!是)(?<!来)(?:说明|解释|阐述|介绍)(?!\.[A-Za-z])[^。;；]{0,30}(?:成因|原因|原理|机制|应对|区别)|\bis (?:a |the )?[\w -]{1,30} always (?:\w+ ){0,3}(?:better|worse|good|bad|needed|required)\b|\bhelps? (?:\w+ ){0,4}how\??\s*$|(?:从哪|哪里|哪儿)(?:来|出来|生成|得到)的?|"
    r"(?:都|会)(?:会)?(?:查|检查|看|管|包括|包含|做|显示|列出|报告)\S{0,3}(?:哪几|哪些)|(?:到底|究竟)(?:在|会)?(?:查|检查|检测|看|管)\S{0,3}(?:啥|什么|哪些)|"
    r"\bwhat(?:'s| is) .{1,40} measuring\b|图(?:个|的)?(?:啥|什么)|\bwhat(?:'s| is) (?:it|that|this) for\b|\bwhat(?:'s| is| are) (?:the |an? )?[\w.-]+(?: [\w.-]+)? for\??\s*$|\bhow (?:is|are|was|were) (?:that|this|it|they|the \w+)(?: actually| exactly| really)? (?:measured|calculated|computed|determined|scored|counted|judged)\b|(?:会|能)(?:筛|过滤|挑)出\S{0,3}(?:哪些|什么|啥)|会不会(?:改|删|覆盖|动|弄乱|影响|丢)|[,，]\s*(?:would|will|could|does|did) (?:that|it|this|they)\b[^.!]{3,}$|取决于(?:什么|啥|哪些)|\bdepends? on what\b|\bwhat does it depend on\b|(?:怎样|怎么|如何)才(?:能|可以|不会|能够)|有(?:什么|啥)(?:办法|方法|招)|想(?:先)?(?:搞明白|弄明白|弄清楚|搞清楚|了解一下)|"
    r"\b(?:way|how) to think about\b|how should i (?:structure|format|organi[sz]e|lay out|prepare)|\bwalk (?:me|us) through (?:what|how|why)\b|"
    # what follows an action ("删了还能恢复吗", "can that be undone later?", "原来的表格会被覆盖掉吗"), what a reading means
    # ("loss 降到 0.1 是不是就说明练好了"), a choice between two actions ("这种是修还是直接删?", "Do I fix those or just drop them?"),
    # and advice asked ("这种情况一般怎么处理比较好?")
    r"(?:能|可以)(?:恢复|撤销|撤回|还原|找回)|\bbe (?:undone|reverted|recovered|restored)\b|\b(?:to|can (?:i|we|you)|could (?:i|we|you)) undo (?:it|that|this)\b|\breversible\b|\bget (?:it|them) back\b(?!\s+(?:on|up|in|into|running|going|to|online)\b)|"
    r"会被(?:覆盖|删|改|清|替换)|是不是(?:就)?(?:说明|意味着|代表|表示)|\bdoes (?:that|it|this) mean\b|"
    r"(?:修|改|留|保留|删|去掉|丢掉)\S{0,3}还是\S{0,4}(?:删|留|保留|修|改|去掉|丢掉)\S{0,2}[?？]?\s*$|"
    r"\b(?:fix|keep|drop|delete|remove|repair|clean) (?:those|them|these|it)\b[^?]{0,30}\bor\b[^?]{0,30}\?\s*$|"
    r"(?:这种|这些|那些|这样的?|这类)[^,，。?？{}]{0,10}怎么(?:处理|弄)(?:比较|才)?(?:好|合适|妥当)?[?？]\s*$|(?:一般|通常)(?:该|应该)?怎么(?:处理|办)|"
    # what the assistant can take ("你能不能直接读PDF?还是只能读jsonl", "…, or is it only qianfan and alpaca?")
    # what an action does to the person's files or data ("删重复数据是删我原始文件里的吗,还是另存一份", "are the rows removed from my
    # actual file or from a copy?", "会直接改原文件吗", "where does the converted file end up?", "上传的文件会传到外网吗?")
    r"\b(?:could|can) you (?:please )?clarify\b|\bi'?m (?:only |just )?asking (?:whether|if|about|what|how)\b|(?:我)?(?:是|只是)(?:在)?问(?:一下)?(?:会不会|是否|是不是)|"
    r"\bor (?:is (?:that|it)|are (?:they|those)) (?:just )?(?:a |the )?(?:generic|general|standard) defaults?\b|还是(?:通用|一般)?(?:的)?默认值|孰轻孰重|孰优孰劣|"
    r"(?:原文件|原始文件|原来的文件|源文件)[^,，。;；]{0,6}[吗嘛么]|原来的\s*[\w.]{0,12}?\s*(?:还在不在|还在吗|还有吗|还留着吗)|\bwill the (?:quality )?check (?:flag|catch|count|mark|treat)\b|(?<!别)(?<!不要)(?<!不用)(?<!千万别)(?:改|删|动|覆盖)(?:我|了)?(?:的)?(?:原文件|原始文件|源文件)|还是另存|另存一份[吗嘛?？]|"
    r"\b(?:my |the )?(?:actual|original|source) (?:file|data|spreadsheet)\b[^.!]{0,40}\?|\bor (?:from |to |in |on |into )?a (?:new )?copy\b|\bwhere (?:does|do|did|will) (?:the )?[\w -]{0,30}\bend up\b|"
    r"(?:传|发|上传)(?:到)?(?:外网|云端|网上|服务器)|\bleave (?:the|my|this|our) (?:machine|computer|network|building)\b|"
    r"\bis [\d,.]+k? (?:rows|samples|examples|records|pairs|q&as?)(?: of data)? enough\b|(?:条|个)(?:数据|样本)?(?:够|足够)(?:吗|不够|了吗)|"
    r"会(?:被)?(?:拿去|用来|用于|算进|放进|进入?)\S{0,4}(?:训练|训)|\b(?:end up|be used|get used|be included|get included|go) in(?:to)? (?:the )?training\b|"
    r"(?:怎么|如何|怎样)(?:才能)?(?:知道|判断|看出|确定|发现)|\bhow (?:do|can|would|will|should) (?:i|we|you|one) (?:know|tell)\b|"
    r"\bhow do (?:you|people|folks) (?:pick|choose|decide|set|determine)\b|\bhow should (?:my|the|a|our|each) \w+(?: \w+)? be (?:laid out|structured|formatted|organi[sz]ed|arranged|set up)\b|"
    r"what (?:fields|columns) do (?:i|we) need|(?:what|which) (?:fields|columns|keys) (?:does|do|should|must) .{0,30}(?:need|have|contain)\b|(?:准备|整理|做)成什么样|需要哪些字段|要哪些字段",
    re.I)
# A question about how things work in general, not about a run or file at hand: "评估训练结果一般看哪些指标",
# "max_steps和epoch同时设的话以哪个为准", "resume训练的时候优化器状态会保留吗", "千帆格式具体长什么样".
GENERAL = (r"(?:一般|通常|一般来说|平时|大家(?!看(?:这|那|[,，:：!！]|过来|一下|下))|常用)\S{0,8}(?:看|用|怎么|如何|哪些|什么|多少|几|设|多长|多大)|"
           r"(?:这样|这种|这个)算(?:不算|是)?\S{0,4}(?:过拟合|欠拟合|正常|收敛)(?:了)?(?:吗|没有?)|(?:多少|几)算(?:正常|合理|好|高|低)|\b(?:does|would) (?:this|that) count as\b|"
           r"(?<!还)(?:一次|一轮)\S{0,8}(?:多久|多长时间)|(?<!还)(?:一般|通常|大概|大约)(?:要|需要|得)(?:多久|多长时间)|以哪个为准|哪个优先|谁优先|哪个说了算|"
            r"的时候.{0,16}(?:会|能|要|还).{0,10}[吗呢]|(?:格式|format)\S{0,4}(?:具体)?(?:长什么样|长啥样|是什么样)|"
            r"是怎么\S{0,8}的|\b(?:bad|good|harmful|risky|safe) for\b|"
            r"(?i:\bhow (?:many|much)\b[^?]{0,40}?\b(?:do|would|should|does|will) (?:i|we|you|one|people|it) (?:\w+ )?need\b)|"
            r"(?i:\bhow (?:many|much)\b[^?]{0,40}?\b(?:is|are) enough\b)|(?i:\bis it (?:normal|ok|okay|expected|fine|bad|a problem) (?:that|for|if|when|to)\b)|"
            r"正常吗|正不正常|是正常的吗|(?i:^\W*(?:should|must|does) (?:the|a|an|i need to|we need to|you need to)\b|^\W*do (?:i|we|you) need to\b)|\bin general\b|\busually\b|\btypically\b|\bnormally\b")
# How a thing behaves or what it takes, asked in Chinese: "停止训练会保存 checkpoint 吗", "删重复是只删一模一样的吗",
# "质量检查都查些啥", "数据要多少条才够".
_BEHAVES = (r"会[^,，。;；]{1,20}[吗嘛][?？]?\s*$|会[^,，。;；]{1,20}[吗嘛][?？]\s*(?:应该|我猜|我觉得|估计|大概)[^?？。.!！]{0,30}[吧呢吗]?[?？]?\s*$|"
            r"(?:是不是|是否)?(?:又|还|就)?得?从头(?:来|开始|跑|训)(?:一遍|一次)?(?:吗|嘛|吧)?[?？]|(?:算不算|正不正常|合不合理|够不够)[^,，。;；]{0,12}[?？]?\s*$|(?:在不在|会不会|还有没有)[^,，。;；]{0,20}[?？]?\s*$|是[^。;；]{1,24}还是[^,，。;；]{1,24}[?？呢]\s*$|是[^,，。;；]{0,16}的?[吗嘛][?？]?\s*$|都(?:会)?(?:查|检查|看|管|包括|包含|做)\S{0,3}(?:啥|什么|哪些)|还在吗|还有吗|(?:还在|还有|还留着|保留着?|保存着?)(?:没有?|冇)[?？]\s*$|为了(?:啥|什么)|目的是(?:啥|什么)|"
            r"多少\S{0,6}(?:才够|才行|合适)|这种算[^,，。;；?？]{1,12}[吗嘛]|(?:都|全部|全都)(?:要|得|需要)[^,，。;；]{0,8}[吗嘛]|(?<!还)到底要(?:跑|训|训练)?多久|是必须的|主要(?:看|查|检查|包括|管)\S{0,4}(?:哪些|什么|啥)|(?:一定要|必须|非得)[^,，。;；]{1,16}[吗嘛]")
# A general question (not a request) in English ("did it…" asks about a run that happened: not general): "can a stopped run be resumed later?", "is converting
# to qianfan lossy?", "how do people evaluate a fine-tuned model?"; and in Chinese, a question about
# whether something can be or is worth doing: "中断训练以后还能接着训吗", "加思维链到底有没有用".
# "can u read excel files with multiple sheets?", "do you support xlsx": what the assistant can do, asked in general
_CAPABILITY = re.compile(r"^\W*(?:which|what) (?:formats?|files?|file types?|kinds? of files?) (?:can|do|does|will) (?:you|u|it) (?:read|handle|support|accept|take|open)\b|"
                         r"\b(?:can|does|will) (?:your|the) (?:converter|checker|reader|tool|trainer|importer) (?:read|handle|take|open|deal with|support)\b[^?\n]{0,80}\?|"
                         r"还是只(?:能|支持)|\bor (?:is it|do you|can you) only\b|"
                         r"\b(?:which|what) (?:file )?(?:formats?|file types?|kinds? of files?)\b[^?.]{0,40}\b(?:accept|support|read|handle|take|open)s?\b|"
                         r"^\W*(?:你|您)(?:们)?(?:这边)?(?:能不能|可不可以|能否|支不支持|会不会|能|可以)(?:直接)?(?:读|认|识别|处理|打开|支持|导入)(?![^?？]*(?:这个|这份|FILE))[^,，。;；]{0,12}[吗嘛么?？]|"
                         r"^\W*can (?!you\b|u\b|ya\b|i\b|we\b)[\w.-]+(?: [\w.-]+){0,3} (?:run|work|fit|train|learn|be trained|be run)\b[^?]*\?\s*$|"
                         r"^\W*(?:(?:so|ok|okay|hmm+|quick question)\W+)?(?:can|could|do|does) (?:you|u|it|this(?: app| tool)?|the (?:app|tool|assistant))\s+"
                         r"(?:even |also |actually )?(?:read|handle|support|open|load|deal with|work with|take|accept|understand|parse|import)\b"
                         r"(?![^?]*(?:\b(?:FILE|this|that|these|my|our|it)\b|\.(?:jsonl?|csv|tsv|xlsx?|txt)\b))", re.I)
_EN_QUESTION = re.compile(r"^\W*(?:(?:so|ok|okay|hmm+|um+|and|but|also|roughly|quick question|just curious|honestly|genuinely|seriously|may i ask|can i ask|might i ask|"
                          r"yo|hey|dude|bro|listen|sorry to (?:ask|bother you|be a pain)|sorry)\W+){0,2}"  # ("yo does resume start from zero…?", "Sorry to ask, but does…?")
                          r"(?:whats|hows|whys|wat|wut|how|what|why|when|which|is|are|does|do(?=\s+(?:i|we|they|people|folks|most|many|models?|you|u)\b|(?!\s+(?:an?|the|it|this|that|one|some)\b)[^?]*\?\s*$)|"
                          r"can (?:a|an|the|it|i|we|you still)|can'?t i|should|"
                          r"would|will|could (?:a|an|the|it|i|we))\b(?!\s+(?:you|u)\b)", re.I)
_ZH_QUESTION = re.compile(r"^\W*(?:(?:抱歉|不好意思|打扰了?|您好|你好)\W*)?(?:请问|想问一下|想问下|想问问|想请教一下|请教一下|请教|我想问一?下)|是否(?:可以|支持|允许)|^\W*(?:那)?(?:你|您)(?:能|可以|会|支持)(?!帮|给|替)[^,，。;；]{1,16}[吗嘛么]|有没有用|有用吗|有帮助吗|有好处吗|有效果吗|管用吗|有效吗|是否(?:必须|一定要|需要|应该)|有必要吗?|值不值得|^\W*有没有可能(?!帮|给我|把)|(?:这种情况|这种事)?常见吗|还能.{0,12}吗|还能[\u4e00-\u9fff]{1,6}[?？]|是否.{0,12}(?:会|能|有)|到底.{0,8}(?:吗|呢|(?<!通)用)|"
                          + _BEHAVES + "|"
                          + GENERAL)
# What points at the user's own data: a question about it asks for a look ("any duplicates in my data?").
_DATA = re.compile(r"(?-i:\bFILE\b)|(?<![\w-])(?:run|sft|job)-\w|\d{8}-\d{4,6}|(?<![\w-])[A-Za-z]+[-_][\w-]*\d[\w-]*|它|\b(?:the|my|this|that|last) (?:run|training run|job|fine-?tune|(?:fine-?)?tuned model)\b|"
                   r"(?:上次|刚才|这次|那次|刚刚)(?:那次|的)?(?:训练|运行)|\b(?:this|my|the|our) (?:file|dataset|data|spreadsheet|upload|csv|sheet)\b|in (?:here|there|it)\b|"
                   r"这个(?:文件|数据|表)|这份|这数据|我的(?:文件|数据)|文件里|数据里|里面|表里|上传的", re.I)
# A request, however it is phrased: "能帮我…吗", "can you…", "please…".
# ("请问" asks, "what would you say…" asks: neither is a request)
_IMPERATIVE = re.compile(r"(?:^|[,，。;；\s])你(?:先|再)(?:看看|看一下|瞧瞧|数数|查查)|(?<!能)(?<!可以)(?<!会)就?帮忙(?=(?:把|给)?[^,，。;；?？]{0,10}?(?:删|转|加|填|查|停|去掉|清|检|评估|训|处理))(?![^,，。;；?？]{0,16}[吗么][?？]?\s*$)|(?:不知道|不知)(?:能不能|可不可以|能否|可否)(?=[^?？,，。]{0,30}(?:做|跑|转|加|填|停|恢复|续|评估|检查|质检|探测|开训|训|看))|帮我|给我|请(?!问|假|求|教|赐教|指点|不吝|客|柬|予|告知|说明|列明|见谅|原谅|包涵|多包涵|多指教|娓娓|细细道|道来)|麻烦|(?:能不能|可不可以|能否|可否)\s*(?:在[^,，。?？]{0,20}上\s*)?(?:跑|做)|(?:能不能|可不可以|能否|可否|我可以|我能)\s*(?:帮我|给我)?\s*把(?=[^,，。?？]{1,30}(?:转|删|去掉|加|填|停|续|评估|检查))|\bplease\b|\bcan you\b|\bcould you\b|\b(?:could|can|may|might) i (?:trouble|bother|ask) you (?:to|for)\b(?! (?:explain|tell|clarify|describe|say|answer)\b)|\bwould you be so kind\b|\b(?:would|do) you mind\b|\bwould it (?:\w+ )?be possible (?:for you )?to\b|要不(?:就|还是|先)?[^,，。?？]{0,16}吧|\bwould (?:you|ya|u)\b(?! say| think| pick| choose| go with| recommend| prefer| use)|\blet'?s\b|"
                         r"\bis it possible (?:for you )?to\b(?=[^?]{0,40}\b(?:this|these|them|my|our)\b)|\b(?:i'?d|i would|would) (?:really |just )?(?:love|like)\b(?! to (?:know|understand|learn|ask|hear))", re.I)
_CORRECTION = re.compile(r"^\W*(?:哦|噢|喔|啊|呃|额|oh|ah|uh|um|hmm)?\W*(?:(?<=[哦噢喔啊])不(?=\s*[,，!！])|no,?\s*(?=[\w-]{2,20},?\s+not\s)|no,?\s*(?=not\b)|no,?\s*wait|wait,?\s*no\b|wait|sorry,?\s*(?:i meant|i mean|meant|not)|i meant|actually,?\s*no|no,?\s*actually|actually\b|改一下|改\s*(?=[:：])|"
                         r"oops|my bad|my mistake|scratch that|hold on|hang on|correction|(?:you|u)\s+\w+(?:ed)?\s+the\s+wrong\s+(?:one|run|file|sheet|tab|format)\W*|"
                         r"wrong\s+(?:one|run|file|sheet|tab|format|column)\b\W*(?:lol|haha|lmao)?|(?:sorry,?\s*)?(?:i )?(?:made|make) (?:a )?mistakes?|"
                         # "I beg to inform you of an error in my previous letter: …": the error told, formally, before what is right
                         r"(?:i (?:beg|wish|must|have) to )?(?:inform|tell|advise) you of an? (?:error|mistake|typo)[^:：\n]{0,40}[:：]|"
                         r"(?:不好意思|抱歉|sorry)?\W*(?:我)?(?:刚才|刚刚|前面|上面)?(?:的)?(?:表述|表达|说的|说得|写的)(?:有误|有问题|不对|错了)|"
                         r"(?:哎呀|哎|啊呀)?\W*(?:不好意思|抱歉)\W*(?:呢|啊|呀|哈)?\W*(?:我)?(?:刚刚|刚才)(?:其实)?是(?:想|要)(?:说)?|"
                         r"(?:刚才|刚刚|前面|上面)?(?:搞错了|弄错了|整错了|搞错|弄错|写错了|打错了|说错了|说反了)|不对|等下|等等|等一下|错了|我是说|我的意思是|更正一下|更正|改口(?:一下|了)?)"
                         # the opener said twice, or a timeout called ("等一下等一下!裁判暂停!底座不是 A,换成 B!"): no stop asked
                         r"(?:\W*(?:等一下|等下|等等|搞错了|弄错了|整错了|(?:裁判|叫个?)暂停(?=\s*[!！])|wait|hold on|hang on|time-?out(?=\s*[!,]))(?![A-Za-z]))*\W*", re.I)
# "先X,没问题再Y", "X first, if it looks fine Y", "如果没问题就Y": a check, then a step that depends on it.
_THEN_IF_OK = re.compile(r"\s*[,，;；。]?\s*(?:如果|要是|若)?(?:都)?(?:没问题|没(?:啥|什么|多大)问题|没毛病|ok|可以|干净|正常|合格|字段对|对的|通过)"
                         r"(?:的话\s*[,，]?\s*(?:就|再)?|\s*[,，]?\s*(?:就|再))\s*|"
                         r"\s*[,，;；。]\s*(?:对|没错|行|是|ok)的话\s*[,，]?\s*(?:就|再)?\s*|"
                         r"\s*[,，;]?\s*(?:and )?if (?:it'?s|that'?s|everything'?s|it|they|that|everything|all|the \w+) (?:\w+ ){0,3}(?:(?:looks?|seems?|is|are) )?"
                         r"(?:ok|okay|fine|good|right|clean|correct)\w*,?\s*(?:then\s+)?", re.I)


# "what even is a learning rate range test", "什么是 few-shot", "cot 是啥意思": a definition is asked, whatever tool its words name.
_DEFINITION = re.compile(r"\bwhat(?:'s|s| even is| exactly is| is| are)\s+(?:a |an )?+(?!the\b|my\b|our\b|your\b|its\b|their\b|his\b|her\b|it\b|this\b|that\b|in\b|inside\b|"
                         r"going on\b|up\b|happening\b|left\b|wrong\b|good\b|sensible\b|reasonable\b|safe\b|best\b|right\b|"
                         r"decent\b|typical\b|recommended\b|ideal\b|proper\b|normal\b|usual\b|better\b|the best\b|current\b|latest\b|present\b)[\w -]{1,40}\??"
                         r"(?:\s*,?\s*(?:in (?:plain|simple) (?:english|terms|words)|simply|briefly|in short|please|pls|thanks)\b)*\W*(?:(?<=\?)\s*(?-i:[A-Z])[^?]{0,60}?[.!]?\s*)?$|"
                         r"\bwhat does\s+\S+(?:\s+\S+){0,2}\s+(?:mean|stand for)\b|\bwhat do (?:the )?\S+(?:\s+\S+){0,3}\s+mean\b|"
                         r"什么是|啥是|什么叫(?:做)?\s*(?=[A-Za-z])|是什么意思|是啥意思|指的是什么|指的是啥|指啥|是?指(?:的是)?谁|是个啥|是什么东西|是个什么(?:东西|玩意)?|是啥东西|"
                         # "Kindly define, for the avoidance of doubt, the term "supervised fine-tuning"", "这种身份文件是拿来干嘛的"
                         r"(?:报错|错误|提示|警告|error|warning)\S{0,3}(?:啥|什么)意思|"
                         r"^\W*(?:(?:kindly|please|pls|could you|can you)\s+)?define\b|\bthe (?:term|word|phrase)\s+[\"'“‘]|(?:是)?拿来干(?:嘛|啥|什么)(?:用)?的", re.I)


# A request put as a rhetorical question: "不能直接把重复的删了吗?", "还等什么?", "Can't we bin them?", "Isn't it about time we
# pulled the plug on X?", "Wouldn't it make sense to give every prompt…?", "Why not widen…?", "Why keep guessing … when you
# could just run a range test?"
# A question, then the request it opens: "能的话就接着训", "If so, please go ahead and resume it".
# A worry asked, then the step said on the answer hoped for (see IF_SO_DO); the request is self-contained.
# The answer a worry hopes for, said before the step (one list for finding the worry here and for cutting the answer off the
# request in the planner): "不会的话就", "if it doesn't, ", "ok, then ".
REASSURED_ZH = r"(?:如果|要是)?(?:不会|没有|(?<!是)不是|不用|不影响|没事|安全|不覆盖|不删)(?:的话)?[,，]?\s*(?:就|那就|那)\s*"
REASSURED_EN = r"(?:ok(?:ay)?,?\s*)?if (?:not|no|it doesn'?t|it does not|it won'?t|it will not|it isn'?t|it is not|it'?s not|it'?s read-only)\b,?\s*(?:then\s+)?"
OK_THEN = r"(?:ok(?:ay)?|alright|fine)[,.]?\s*(?:then[,.]?\s*)?"
WORRY_THEN_DO = re.compile(r"[?？][^?？\n]{0,12}?" + REASSURED_ZH + r"[\u4e00-\u9fff][^?？]*$|"
                           r"[?？][\s.。]*" + REASSURED_EN + r"(?:please |go ahead and |just )?"
                           r"(?:do|resume|start|stop|run|go|convert|delete|drop|add|look|check|inspect|fill|evaluate|probe|train|augment)\b|"
                           r"[?？]\s*" + OK_THEN + r"(?:stop|start|resume|convert|drop|delete|check|add|fill|evaluate|probe|train|run)\b|"
                           r"[?？]\s*assuming (?:it|that|so)\b[^,.?!\n]{0,30},\s*(?:please |go ahead and |just )?(?:do|run|go|check|convert|add|start|stop|inspect|fill|drop)\b", re.I)
IF_SO_DO = re.compile(r"[?？]\s*(?:如果)?(?:能|可以|行|没问题|支持|要|需要|该)(?:的话[,，]?\s*(?:就|请|麻烦|帮我|直接|用)|\s*就)\s*[\u4e00-\u9fff]|"
                       r"[?？]\s*if (?:so|yes|it can|you can|possible|that'?s the case)\b,?\s*(?:please |go ahead and |just )?(?:do|resume|start|stop|run|go|convert|delete|drop)\b|"
                       # a worry asked, then the step on the reassuring answer: "会不会覆盖原文件?。。不会的话就给这个加200条吧", "will it modify
                       # the workbook? if not, look at the 'Q2' sheet", "is the check read-only? if yes, go ahead and check this", "if I stop it
                       # now, do I keep the checkpoints? ok, stop lora-r8-v2"
                       + WORRY_THEN_DO.pattern, re.I)
_RHETORICAL = re.compile(r"\bwhy wouldn'?t (?:you|we|u) (?:just )?(?:add|convert|check|drop|stop|start|resume|evaluate|probe|fill|run|augment|train|inspect|turn)\b|不能(?:直接|就|先)[^,，。;；?？]{1,24}[吗嘛么]|还等(?:什么|啥)|是不是(?:该|应该|可以)(?:直接|马上|赶紧)[^,，。;；?？]{1,16}了|(?<![有如])何不(?!同)|干嘛不|为啥不直接|为什么不直接|"
                         r"难道不(?:能|该|应该)|(?:^|(?<=[.?!。？！]))\s*(?:so\W+)?(?:can'?t|couldn'?t|shouldn'?t) (?:we|you|u) (?:just )?(?!be\b|tell\b|say\b)\w+|\bisn'?t it (?:about )?time (?:we|you|to)\b|"
                         r"\bwouldn'?t it (?:make (?:more )?sense|be (?:nice|better|good|great|smart|wise)) (?:to|if)\b|^\W*(?:so\W+)?why not (?!\w+ (?:just )?(?:use|do) (?:it|that)\b)(?:just )?[a-z]+\b(?! (?:sure|certain|clear)\b)|"
                         r"^\W*(?:so\W+)?why don'?t (?:we|you|u) (?:just )?(?:toss|drop|remove|stop|kill|convert|check|add|run|start|resume|fill|evaluate|probe|pick)\b|^\W*how about (?:we )?(?:just )?(?:picking|checking|converting|stopping|adding|running|dropping|starting|resuming|evaluating|check|convert|stop|add|run|drop|start|resume|evaluate)\b|"
                         r"\bwhy (?:keep|bother|waste time) \w+ing\b.{0,60}\bwhen (?:you|we|u) (?:could|can) (?:just )?\w+|\bwhat are (?:we|you) waiting for\b|"
                         # "…, why don't you just start training on FILE already?", "…, so why not add CoT to every record of FILE?", "你为啥不先
                         # 把 FILE 的质量查一下再说?", "明明有…,为什么不干脆每条都加上思维链?"
                         r"\bwhy don'?t (?:you|u|we) (?:just )?(?:tell|give|show|add|convert|check|drop|stop|start|resume|evaluate|probe|fill|run|augment|train|inspect)\b[^?]{0,80}\balready\b|"
                         r"(?:[,，;；—–]\s*|\bthen\s+)(?:so\W+)?why not (?:just )?(?:add|convert|check|drop|stop|start|resume|evaluate|probe|fill|run|augment|train|inspect)\b|"
                         r"为(?:啥|什么)不(?:先|干脆|赶紧|马上)[^,，。;；?？]{1,60}(?:再说|呢|吗|[?？])|"
                         # "Perhaps … you could add a few examples to each prompt?", "短答案那些,可以都先留着吗?", "能先把训练停一下吗"
                         r"\byou could (?:just )?(?:add|convert|check|run|start|stop|resume|fill|drop|remove|give|make|turn|reword|evaluate|probe)\b|"
                         r"(?:可以|能)(?:都|全|全部)?(?:先)?(?:留着|保留|删掉|删了|去掉)[^,，。;；]{0,6}[吗嘛]|能(?:不能)?(?:先|再|马上|赶紧)?把[^,，。;；?？]{1,20}[吗嘛]|"
                         # "Is there any way to make the instructions less samey?", "I need the current run stopped", "I need the duplicates gone"
                         r"\bis there (?:any )?(?:way|chance) (?:to|you could)\b|"
                         r"\bi (?:need|want|'d like|would like) (?:the |my |this |that |it |them |those |these )?[\w -]{0,30}?\b(?:stopped|gone|removed|dropped|deleted|converted|"
                         r"checked|filled(?: in)?|evaluated|resumed|restarted|kept|cleaned(?: up)?|fixed)\b|"
                         # "loss都飞了你还不停?", "都nan了你还让它跑??", "重复的不删留着过年吗", "can we just drop the ones where…?",
                         # "didn't I say to resume ft_0630?": what the person wants, asked as a reproach
                         r"你?还不(?:停|删|转|开始|开训|赶紧)|还让它(?:跑|练|训)|留着过年|^\W*(?:so\W+|actually\W+)?can (?:we|you|u) (?:just )?(?:drop|keep|remove|delete|toss|ditch|bin)\b(?![^?]*\b(?:without|safely|and still|if|later)\b)|"
                         r"\bdidn'?t i (?:say|tell you|ask you) to (?:resume|stop|kill|convert|drop|keep|start|evaluate|check)\b", re.I)


@remembered
def is_rhetorical(text: str) -> bool:
    """A request put as a question nobody answers ("Can't we bin them?", "不能直接把重复的删了吗?"), not one weighed by what it
    would bring ("why not stop X right now? like what would happen to its checkpoint if I did?")."""
    return bool(_RHETORICAL.search(text)) and not _CONSEQUENCE_ASKED.search(text)


@remembered
def is_request(text: str) -> bool:
    """Phrased as a request ("can you…", "帮我…", "please…", "不能直接…吗?"), whatever it asks for."""
    return bool(_IMPERATIVE.search(text) or _RHETORICAL.search(text))


# "训练状态里的 loss 是什么呢": a term of ours, then "是什么" (not "我不知道 epoch 是啥,就想问下…要训多少轮": a value asked after it).
_TERM_WHAT = re.compile(r"(?<=[A-Za-z}])\s*是(?:什么|啥)(?:东西)?(?:呢|啊|呀)?(?=\s*[,，?？。]|\s*$)")


@remembered
def asks_definition(text: str) -> bool:
    """A request for a definition ("what is a range test", "什么是CoT", "What is few-shot, in plain English please"),
    not about the user's data."""
    m = _DEFINITION.search(text)
    if not m and (cut := rx.search(r"[.。!！]\s*(?=\S)", text)) and only_asides(text[cut.end():]):
        return asks_definition(text[:cut.start()])  # "whats an epoch anyway. too tired to google": the definition, then an aside
    if not m and (term := _TERM_WHAT.search(text)) and not rx.search(r"不知道|不懂|不清楚|不明白|搞不清", text[:term.start()]) \
            and not rx.search(r"多少|几|怎么|如何|要不要|问下|问一下|帮我|给我", text[term.end():]):
        m = term
    if not m or rx.search(r"\b(?:look|looking|peek|glance) at\s*$|\b(?:see|check|show me|inspect|eyeball)\s*$", text[:m.start()], re.I):
        return False  # (not "Take a look at what's aboard": what the file holds, to be looked at)
    # "the report you gave on FILE earlier — what does 'answer_is_question' mean?": the file is the setting, the clause asks
    clause = text[max((text.rfind(c, 0, m.start()) for c in "—,，;；。:："), default=-1) + 1:m.end()]  # ("… mean in FILE?": where)
    return not _DATA.search(clause) and not _IMPERATIVE.search(_COURTESY_END.sub("", text))


# "…, please", "…, thanks": courtesy ending a message asks nothing done by itself.
_COURTESY_END = re.compile(r"[\s,，]*(?:please|pls|plz|thanks|thank you|谢谢|请)\W*$", re.I)


# The plain form of a question, whatever it asks: a question word or particle at its end ("SFT 跟预训练到底差在哪",
# "质量检查具体看哪些指标啊", "…值得做吗?"), "怎么回事", or an English question opening ("whats lora",
# "roughly how many samples…?"). Alone it says nothing of the data at hand, so the reader uses it only
# when no file comes with the message.
_PLAIN_ZH = re.compile(r"哪(?:个|种)[^,，。;；]{0,10}(?:更|最)\S{0,4}[?？吗呢]*\s*$|(?<!找出)(?<!列出)(?<!看看)(?<!查查)(?<![那这])(?<!看不出)(?<!没)(?:几个|几条|几轮|多少|哪些|什么|啥|哪(?:个|种|里|儿)?|怎么样?|如何)"
                       r"\S{0,3}[?？啊呀呢]*\s*$|(?:多久|多长时间|多长|多大)\S{0,2}[?？啊呀呢]*\s*$|(?:多少|几|哪|什么|怎么)[^,，。;；]{0,12}(?:比较好|最好|合适|为好|好一些)[?？吗呢啊]*\s*$|(?:[吗么呢]|干嘛|嘛(?=[?？]))[?？!！~～。.啊呀]*\s*$|怎么回事|差在哪|区别在哪")


ASKS_SURE = 0.85
"""How sure the learned speech-act model must be that a message asks before the rules' "command" is overruled
(chosen on held-out blind rounds 74-84: above it, what it turned into questions were questions)."""


@remembered
def heard_asking(text: str) -> bool:
    """The rules read no question, but the learned speech-act model is sure one is asked ("手册里说一万条就够了,那我只有三百条
    是不是太少了?", "要是我把重复的都删掉的话剩下的还够不够训练"). A request ("can you check…?") is no question."""
    from assistant.nlu import classifier  # the models' features read the rules' cues, which read this module
    from assistant.nlu.intents import about_sft

    if not _ASKING_MARK.search(text) or is_request(text) or classifier.asks(text) < ASKS_SURE:
        return False
    from assistant.nlu.amounts import count_args

    if about_sft(text) or count_args(text).get("n_samples"):
        return True  # (how many samples the person has is our domain: "那我只有四百条是不是太少了?")
    model = classifier.active()
    guess = model.predict(text) if model is not None else None  # ours to answer: "my
    # computer is slow, what should I do" is not, as likely off-topic as a question for explain
    return guess is not None and guess.name != classifier.NONE and (guess.second != classifier.NONE or guess.prob - guess.second_prob >= 0.3)


# A mark of asking: a question mark or particle, "够不够"/"是不是", or an English question word.
_ASKING_MARK = re.compile(r"[?？吗嘛呢]|([\u4e00-\u9fff])不\1|\b(?:what|how|why|which|when|where|whether|is|are|does|do|can|could|should|would)\b", re.I)


def plain_question(text: str) -> bool:
    """A message in the form of a question that names no data of the user's and asks nothing done."""
    if _IMPERATIVE.search(text) or rx.search(r"把", text) or _DATA.search(text) or _RUN_RESULT.search(text):
        return False
    return bool(_EN_QUESTION.search(text) or _PLAIN_ZH.search(text) or _LISTED_QUESTIONS.search(text))


# "Questions:\n1. Does the answer need …?\n2. Can one file …?": questions set out as a list.
_LISTED_QUESTIONS = re.compile(r"\A[^\n?]{0,30}\n(?:\s*(?:\d+[.)、]|[-•·*])\s*[^\n]*[?？]\s*(?:\n|\Z))+\Z", re.I)
# "几个问题:\n1. …\n2. …\n先回答第一个吧", "Questions:\n1. …\nanswer the first one": questions listed, one picked to answer
_ANSWER_FIRST = re.compile(r"\A[^\n]{0,30}(?:问题|questions?)[^\n]{0,10}\n(?:\s*(?:\d+[.)、]|[-•·*])[^\n]*\n)+\s*(?:先|请)?(?:回答|答|说说|讲讲)(?:一下)?第[一1]个|"
                               r"\A[^\n]{0,30}questions?[^\n]{0,10}\n(?:\s*(?:\d+[.)、]|[-•·*])[^\n]*\n)+[^\n]{0,20}\banswer (?:the )?(?:first|#?1)\b", re.I)


# "训完了,效果怎么样": how the user's own run went, asked as a question; the run is there without being named.
_RUN_RESULT = re.compile(r"(?:效果|进度|结果|loss)\S{0,2}(?:怎么样|咋样|如何)|训完|训练完|训练好|跑完|训好|练好|练完|评估一下|评测|做一次", re.I)


def picks_listed(text: str) -> bool:
    """Questions set out as a list, one picked to answer first ("几个问题:1. …2. …先回答第一个吧")."""
    return bool(_ANSWER_FIRST.search(text))


def is_condition(text: str) -> bool:
    """A condition is stated ("if I add cot to every sample, …", "要是…")."""
    return bool(_IF.search(text))


# "if you don't mind", "if it isn't too much trouble", "如果方便的话": politeness, not a condition.
COURTESY_IF = re.compile(r"\bsorry if\b[^.?!]*|\b(?:i|we)(?:'d|\s+would|\s+should|\s+shall)?\s+be\s+(?:most\s+|very\s+|much\s+|so\s+|ever so\s+|truly\s+)?(?:obliged|grateful|thankful|glad|pleased|happy|indebted)\s+if\b|(?:^|(?<=[—–-]\s)|(?<=[,.]\s))\W*(?:would|will|is|would it be|will it be|is it)\s+(?:it\s+)?(?:be\s+)?(?:ok(?:ay)?|alright|all right|fine|acceptable)\s+if\b|\bif (?:that|it|this) matters\b|\bif (?:you (?:don'?t|do not) mind|(?:that|it)'?s not too (?:many|much|big|long)\b|it'?s not too much trouble|it is not too much trouble|it isn'?t too much trouble|it'?s no bother|it is no bother|it would be (?:alright|all right|ok(?:ay)?|fine)|"
                         r"(?:at all )?possible|you can|you could|you would|you have (?:a (?:moment|minute|sec(?:ond)?)|(?:the )?time)|that'?s (?:ok(?:ay)?|alright|fine))\b|"
                         r"\bif (?:it|that|this) makes sense\b|\b(?:only )?if (?:it'?s |it is )?(?:convenient|it suits|suitable)\b|\bwhenever (?:it'?s )?convenient\b|\bshould that be possible\b|"
                         r"(?:如果|要是|若)?(?:(?:您|你)(?:现在)?)?(?:方便|可以|不麻烦|不太麻烦|不是太麻烦|有空)(?:的话)?|可能的话|(?:如果|要是)(?:您|你)?(?:觉得)?(?:问题不大|没问题|没什么问题|不要紧|合适)(?:的话)?", re.I)


# The case is only the way of training ("如果做全量微调", "要是用全参训", "if we go with full fine-tuning"), and the values for it
# are asked: advice for that case, not a what-if.
_METHOD_CASE = re.compile(r"(?:如果|要是|假如|若是?)(?:我们?|咱们?)?(?:是|做|用|走|上)?(?:全量微调|全量训练?|全参(?:数)?(?:微调|训练?|训)?|lora|qlora)[^,，。;；?？]{0,4}(?:的话)?[,，]?|"
                          r"(?:用|做|走|上)\s*(?:全量微调|全量|全参(?:数)?|lora|qlora)\s*(?:微调|训练?|训)?的话|"
                          r"\bif (?:i|we)(?:'?m|'?re| am| are)? (?:do(?:ing)?|go(?:ing)? with|use|using|run(?:ning)?) (?:a )?(?:full(?:[- ]fine-?tun\w*|[- ]param\w*)?|lora|qlora)\b", re.I)
_VALUES_ASKED = re.compile(r"(?:参数|超参|epoch|学习率|轮数|batch)\S{0,6}?(?:怎么|咋|如何|多少|几)|(?:建议|推荐)(?:怎么|如何)(?:设|配|定)|(?:定|出|配|推荐)(?:一下|下|个|一套|一组)?\s*(?:参数|超参)|几轮|"
                           r"\b(?:what|which|how many) (?:epochs|lr|learning rate|batch size|settings|hyper-?param\w*)\b", re.I)


# "Check FILE, would you? I'd just die if …": a request's tag question asks for the step, not what would happen
_TAG_ASK = re.compile(r"[,，]\s*(?:would|could|will|can|won'?t) (?:you|ya)(?: please)?\s*\?", re.I)


@remembered
def is_hypothetical(text: str) -> bool:
    text = _TAG_ASK.sub(".", COURTESY_IF.sub(" ", text))
    if rx.match(r"\W*what would you (?:recommend|suggest|advise|pick|use)\b", text, re.I):
        return False  # "What would you recommend for epochs … if I'm doing full fine-tuning on FILE": advice asked for that case
    if _METHOD_CASE.search(text) and _VALUES_ASKED.search(text):
        return False  # "三千二百条左右的数据,如果做全量微调,参数怎么设比较好呢?"
    return bool(_IF.search(text) and _OUTCOME.search(text)) and not _THEN_IF_OK.search(text)


# "compare base vs tuned on the last run", "对比一下基座和微调后": a comparison asked for, not a question about one.
_COMPARE = re.compile(r"^\W*(?:compare|对比|比较|比一比|比一下|(?:eval(?:uate)?\b|评估|评测)(?!.*(?:一般|通常|哪些|什么|怎么|如何|\bhow\b|\bwhat\b|\bwhich\b|\bwhy\b)))"
                      r"(?![^?？]*[?？]\s*$)", re.I)


# "is alpaca better than sharegpt?", "LoRA vs full fine-tuning": a comparison in general. With the user's run or file
# named ("sft-batch6-r2: held-out metrics vs base") it asks how theirs compares: the run's report, not a question.
_VERSUS = re.compile(r"better than|worse than|\bvs\.?\b|versus", re.I)


# "How is LoRA different from full fine-tuning, in plain words please, I'm new to this": in a message that opens as a
# question, a "please" with no verb after it is courtesy, not a request.
_COURTESY_PLEASE = re.compile(r"\b(?:please|pls|plz)\b(?=\s*(?:[,.!?;)）]|$))", re.I)


def asks_in_general(text: str) -> bool:
    """"Does the column order in FILE matter?", "will that mess anything up?", "请问一般从哪一步开始比较好?": asked of things in
    general, the file or run named only as the setting."""
    return bool(rx.search(_IN_GENERAL, text, re.I))


def wonders(text: str) -> bool:
    """"I wonder if…", "The team wonders whether…", "本组想知道…": wondered aloud, nothing asked for."""
    return bool(_WONDER.match(text))


@remembered
def asks_about(text: str) -> bool:
    """A question about an action or concept, not a polite request to do it nor a question
    about the user's own data ("会把…删掉吗" asks what would happen: no request)."""
    if _WONDER.match(text):
        return True  # "I wonder if few-shot examples actually help…", "不知道能不能让模型既…又不把通用能力忘光": wondered, not asked for
    text = _EXAMPLE_ASKED.sub(" ", text)  # "how do templates increase diversity, can you give an example": the answer's shape
    purpose = _STEP_PURPOSE.search(text)
    if purpose and opens_with_command(text[:purpose.start()]):
        text = text[:purpose.start()]  # "给 FILE 加cot 让它一步步说怎么判断污渍类型": what the step is for asks nothing
    mine = _DATA.search(text)
    if _CAPABILITY.search(text) and not mine:
        return True  # "can you handle excel files with several tabs?": what the assistant can do, not a request
    told = _TOLD_BA.sub(" ", text)  # "我们把十年的热线记录整理成了 FILE,…这种情况一般怎么处理比较好?": what was done, told
    if _IMPERATIVE.search(_COURTESY_PLEASE.sub(" ", text) if _EN_QUESTION.search(text) else text) or (rx.search(r"(?<!会)把", told) and not rx.search(r"(?:会|有没有|是否|要不要|该不该|需不需要)\S{0,4}把|^\W*有没有可能(?!帮|给我|把)|把[^,，。]{1,30}(?:之后|以后)[^,，。]{0,12}会|把[^,，。?？]{1,40}[,，]\s*会不会[^?？]{1,20}[?？]\s*$|把[^,，。]{1,30}(?:之后|以后)\s*[,，]?[^,，。]{0,16}(?:还在|还有|还留着)(?:不在|吗|没有)?\s*[?？]", told)) or _COMPARE.match(text):
        return False
    general = (_EN_QUESTION.search(text) or _ZH_QUESTION.search(text) or _CAPABILITY.search(text)) and not mine
    return bool(_ABOUT.search(text) or general or _VERSUS.search(text) and not mine and _ASKED.search(text))


_WONDER = re.compile(r"^\W*(?:i|we|the team|our team|the group|my team|my boss|my manager) (?:wonders?|(?:was|were|am|are|is) wondering) (?:if|whether)\b(?![^?]*\b(?:you could|you can|you'?d|you would|you might|you may|you'?ll|you will)\b)|"
                     r"^\W*(?:本组|我们组|团队|我们|本人|我|用户)(?:想知道|想了解|好奇)(?!.*(?:帮我|帮忙|麻烦))|"
                     # "The user would like to know what an identity file is for", "The user wonders when few-shot samples help more…"
                     r"^\W*(?:the user|the client|the customer|i|we|my (?:boss|manager|team)) (?:would like|wants|want|'d like) to know\b(?![^?]*\b(?:you could|you can)\b)|"
                     r"^\W*(?:the user|the client|the customer|my boss|my manager) wonders\b|"
                     r"^\W*不知道(?:能不能|可不可以|有没有办法)(?!\s*[,，]?\s*(?:帮我|给|把|帮忙|麻烦|替我|将|对|先|现在|马上|今天))", re.I)
_EXAMPLE_ASKED = re.compile(r"[,，]?\s*(?:(?:can|could) you (?:give|show) (?:me |us )?(?:an |some |a quick )?examples?\b|举个例子(?:呗|吧)?)", re.I)
# What a step is for, after it: "…加cot 让它一步步说怎么判断…", "add CoT so it explains how it decides".
_STEP_PURPOSE = re.compile(r"(?:[,，]\s*|\s+)(?:好)?(?:让它|让模型|教它|以便|so (?:that )?(?:it|the model|the bot)\b)", re.I)
_TOLD_BA = re.compile(r"(?:我们|我|咱们|他们|同事|大家|之前|以前|已经)[^,，。;；!！?？把]{0,6}把[^,，。;；!！?？]{1,40}?了[^,，。;；!！?？]{0,40}(?=[,，。;；])")


_HOW_IT_BEHAVES = re.compile(r"是直接(?:帮我)?(?:删|改|覆盖)[^?？。]{0,12}还是只|"
                             # "转千帆之前需要先做质量检查吗?还是可以直接转?": whether a step must come first, asked
                             r"(?:需要|要|得|必须)先[^?？。,，]{1,12}?(?:吗|么|嘛)\s*[?？]?\s*还是(?:可以|能)?直接|"
                             # "does the QC remove flagged records automatically or does a person decide?"
                             r"\bor (?:does|do|will) (?:a|the) (?:person|human|user|reviewer|someone)\b[^?]*\?|"
                             # "续跑会不会从头开始?", "resuming picks up from the checkpoint, right? not from zero?": a step's way, asked
                             r"^\W*(?:续跑|续训|恢复(?:训练)?|停(?:掉|止)?(?:训练)?|转换|转格式|质检|评估|探测|填充?)[^?？。!！\n]{0,10}会不会[^?？]{0,20}[?？]|"
                             # "resume/does it pick up the same lr/or restart warmup": the step named, then how it goes asked
                             r"^\W*(?:resum\w*|stop\w*|convert\w*|eval\w*|prob(?:e|ing)|check\w*)\s*[,:/-]\s*(?:does|will|would|is) it\b|"
                             r"^\W*(?:resuming|stopping|converting|evaluating|probing|checking|the (?:resume|stop|conversion|probe|check|eval))\b[^?\n]{0,60}?,?\s*(?:right|correct|yeah|yes|no)\s*\?|\bor does it (?:only|just)\b[^?]*\?|"
                             # "do I have to re-run the check myself or does it happen automatically?"
                             r"\bdo i (?:have|need) to\b[^?]*\bor (?:does it|can (?:you|i|it|we))\b[^?]*\?|"
                             # "How would you decide whether two questions are near duplicates? Curious how the check works."
                             r"\b(?:curious|wondering|wonder|want to know) how (?:the|your|this|that|it) (?:\w+ )?works?\b|\bhow would you (?:decide|tell|know|judge|determine) (?:whether|if)\b|"
                             # "What will training_status show me exactly?": what a step shows, asked
                             r"\bwhat (?:will|would|does|do) (?:the )?(?:[a-z]+_[a-z_]+|status|check|probe|evaluation|eval|report)\s+(?:show|tell|give|report|return|output)\b|"
                             # "Clarification regarding the purpose of X is sought.": asked in the passive
                             r"\bclarification (?:regarding|on|about|of|as to)\b|\b(?:is|are) (?:hereby )?sought\b|^\W*(?:step \d+ )?question(?: presented)?\s*[:：]|"
                             # "原文件会被改吗?给 X 加 CoT 之后", "转成 csv 之后中文会不会乱码啊?", "after augmentation — does it get overwritten?",
                             # "can it go back to excel, or is it one way?": what a step does to the file, asked
                             r"(?:原文件|原来的文件|源文件|原始数据)\S{0,4}(?:会|会不会)(?:被)?(?:改|修改|覆盖|动)|会不会(?:被)?(?:覆盖|乱码)|会乱码吗|"
                             r"\b(?:does|will|would) (?:it|the (?:original|source)(?: file)?|converting|the conversion) (?:get |be )?overwrit\w*|不会(?:被)?(?:改掉?|覆盖|动|删掉?)(?:我)?(?:的)?(?:原来|原始|原)[^?？。!！\n]{0,10}[?？]?\s*$|\bor is it (?:a )?one[- ]way\b|"
                             # "五点前给我个答复:评估一个 run 大概要多久?", "先告诉我:loss 降到多少算…?", "先问下:…?": a question after its lead-in
                             r"(?:给我个答复|先告诉我|先问(?:一?下|清楚)|我想先问清楚|问个问题|之前(?:我)?想(?:先)?确认(?:一?下)?)\s*[:：][^\n]*[?？]\s*$|"
                             # "What's the {{author}} bit in identity.json actually for?", "whats sensible": what a thing is for, or a value in general
                             r"\bwhat(?:'s| is) (?:the|this|that) [^?]{1,40}\b(?:actually )?for\s*\?|\bwhats? sensible\W*$|"
                             r"(?:放|用|给|加)几个(?:例子|示例)(?:比较)?(?:好|合适)\W*(?:啊|呢|吗)?\W*(?:一般来说|一般)?\W*$", re.I)
# "停了以后还能接着跑不 还是得从头来", "CoT跟FS叠着用会冲突不": asked as A-not-A (of our steps: "你会下围棋不" is chat)
# ("检查点还保不保留?": the verb said twice around 不, at the question's end; not 能不能/要不要/可不可以, which ask for a step)
_A_NOT_A = re.compile(r"(?:还能|能|可以|会)[\u4e00-\u9fff]{1,6}不\s*[,，]?\s*还是|(?:会|还能)[\u4e00-\u9fff]{1,6}不\s*[?？]?\s*$|"
                      r"(?:还)?(?:([保留存丢删变算占影])不\1|在不在(?![跑训练运]))[\u4e00-\u9fff]{0,3}\s*(?:啊|呀|呢)?\s*[?？]\s*$")  # ("还在不在跑?": a run's state)


@remembered
def asks_how_it_behaves(text: str) -> bool:
    """Which way a step works, or what it shows, asked ("是从头开始还是接着之前的?", "What will training_status show me?"), with
    no request before the question ("继续刚才停掉的 X,它是从头开始还是接着…?" asks for the resume first)."""
    return bool(_HOW_IT_BEHAVES.search(text) or _WHICH_WAY.search(text) and not _REQUEST_FIRST.match(text)
                or _A_NOT_A.search(text) and (DOMAIN.search(text.lower()) or rx.search(r"停|跑|训|练|续|转|评估|探测", text)) and not rx.search(r"你|您", text))


# "恢复训练是从头开始还是接着之前的?": which way a step goes, asked
_WHICH_WAY = re.compile(r"是从头(?:开始|来|训|跑)?还是|从头(?:开始|来)?还是(?:接着|继续)|是从哪(?:一步|步|个(?:检查点|断点|checkpoint|step))[^?？,，。]{0,12}的\s*[?？]?\s*$")
# A first clause that asks for a step of ours ("继续刚才停掉的 X,…"), before the question.
_REQUEST_FIRST = re.compile(r"^\W*(?:请|麻烦|帮我|先)?\s*(?:继续|恢复|续训|续跑|接着跑|停掉|开训|转成|检查|质检|评估|resume|continue|stop|start|convert|check)"
                            r"[^,，;；。.!！?？\n]*[,，;；。.!！\n]", re.I)


# A list's items, one per line after its marker ("1. …", "- …").
_LIST_ITEM = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[.)、]|[-•*])[ \t]*(.+?)[ \t]*$")
def questions_listed(text: str) -> bool:
    """A list of two or more items, each a question."""
    items = _LIST_ITEM.findall(text)
    return len(items) >= 2 and all(rx.search(r"[?？]\s*$|[吗呢]\W*$", item) for item in items)


# What would follow, asked to be told: "tell me whether 10 examples would blow past the context length"
_TELL_WHETHER = re.compile(r"\btell (?:me|us) (?:whether|if)\b[^?\n]{0,80}\b(?:would|will|could|might)\b|\bshall (?:confirm|clarify|advise|state) (?:whether|if)\b|"
                           r"^\W*(?:could|can|would) you (?:please )?clarify\b[^?\n]{0,120}[?？]", re.I)  # ("Could you clarify the boundary between …?")
# How a thing is, asked: "few-shot 样本里的例子是从我自己的数据里抽的吗?" (是…的吗), "wats a learning rate probe do exactly"
_HOW_IT_IS = re.compile(r"是[^,，。;；?？!！]{1,40}的(?:吗|嘛)\s*[?？]?\s*$|"
                        # "建议参数里的 batch size 是按啥算出来的?", "few-shot 与 CoT,两者有何不同?": by what, or how they differ, asked
                        r"是(?:按|根据|依据|凭|照|怎么|如何)(?:啥|什么|哪些?|何)?[^,，。;；?？!！]{0,20}的\s*[?？]\s*$|有何(?:不同|区别|差别|差异|异同)\s*[?？]|"
                        r"\bwh?at(?:'?s| is| does) (?:a |an |the )?[\w -]{1,40}? do\b(?: exactly)?\W*$", re.I)


# A comparison is asked only in a question's form; "that eval looks way better than last week's" remarks on it.
_ASKED = re.compile(r"[?？吗呢]|^\W*(?:is|are|does|do|which|what|how|would|should|can|could)\b|哪个|哪种|还是", re.I)


# An action as the subject of a question: "does stopping a run save a checkpoint?", "is converting to qianfan lossy?"
_GERUND = re.compile(r"^\W*(?:does|do|will|would|can|is|could) (?:stopping|pausing|killing|resuming|converting|deduplicating|deduping|"
                     r"removing|dropping|deleting|mixing|adding|augmenting|merging|exporting|quantizing|probing|evaluating|fine-?tuning|checking|inspecting)\b", re.I)


# What data must be like, asked in general: "does the data have to be in two columns?", "数据必须是两列吗".
_REQUIREMENT = re.compile(r"(?:格式|format)\S{0,4}(?:要求|需要|必须有|得有|包含|包括)(?:哪些|什么|啥|几个)(?:字段|列|键|key)|^\W*do (?:i|we|you|they|users|customers|people|(?:the|our|my) \w+) (?:really |actually )?(?:need|have) to\b[^?]{0,80}\?\s*$|\b(?:what|which) (?:fields|columns|keys) (?:does|do|should|must) \w+ (?:need|have|contain)\b|"
                          r"\bhow should (?:i|we) (?:lay out|structure|format|organi[sz]e|arrange)\b|一定(?:要|得)[^,，。;；]{1,20}[吗嘛]|^\W*do (?:i|we|you) (?:really )?need (?:separate|two|a separate|different)\b|\bshould\b[^?]{0,30}\bbe (?:laid out|structured|formatted|organi[sz]ed|arranged)\b|\b(?:has|have|need|needs|must) to be\b|\bis (?:it )?required\b|\bare required\b|必须(?:是|要|得)|一定要是|是否必须|有(?:什么|哪些)要求", re.I)


def asks_requirement(text: str) -> bool:
    """A question about what the data must be like ("does the data have to be in two columns?"): general, even
    when it says "the data"."""
    return bool(_REQUIREMENT.search(text)) and not _IMPERATIVE.search(text)


def points_at_data(text: str) -> bool:
    """The user's own file or run is named ("lora_exp3", "this file", "上次训练"), so the question is about it."""
    return bool(_DATA.search(text))


# "评估会给我看哪些指标?": what a step will show, no request for it
_SHOWN_TO_ME = re.compile(r"会给(?:我|你|您)(?=看|显示|列)")


def asks_concept(text: str) -> bool:
    """A question about how something works in general ("评估训练结果一般看哪些指标", "reward model是怎么筛数据的"),
    not about the user's run or file: answered by ``explain`` even when its words sound like a status check."""
    text = _SHOWN_TO_ME.sub("会", text)
    if _IMPERATIVE.search(text) or rx.search(r"把", text) or _DATA.search(text):
        return False
    return bool(_ABOUT.search(text) or rx.search(GENERAL, text) or rx.search(_BEHAVES, text) or _GERUND.search(text)
                or _VERSUS.search(text))


# "make that 2 epochs instead of 10", "epoch 用 3 就行,别 10 了": a value replaced, with no opener word.
_REPLACED = re.compile(r"^\W*(?:sorry\W*)?make (?:that|it) \S.{0,40}(?:\binstead of\b|[,，]\s*not\b)|(?:应该|应)是\s*[\w.-]+\s*(?:,|，)?\s*(?:而)?不是\s*[\w.-]+|"
                       # "名字打错了,是「小汪」不是「小王」", "the author should be 'Harbor View', not 'Harbour View'": a value put right
                       r"(?:错了|錯了)\W*(?:是|应该是)\s*[「“\"']?[\w .-]{1,30}?[」”\"']?\s*[,，]?\s*(?:而)?不是|"
                       r"\bshould (?:be|read)\s*['\"“][^'\"”]{1,60}['\"”]\s*,?\s*not\b|[,，]\s*(?:别(?!的|人)|不要)\s*\S{1,8}\s*了[。.!！~]*\s*$", re.I)


# "few-shot 先不做了,改成 CoT", "不是要停止训练,而是想看进度", "skip the few-shot, do CoT": what is called off goes,
# what is asked instead stays.
_CALLED_OFF = re.compile(r"^[^,，;；。]{1,30}?(?:先|就|也)?(?:不做了|不要了|不用了|算了|取消了?|不搞了|不弄了|先不(?:做|搞|弄|加)了?)\s*[,，;；。]\s*"
                         r"(?:改成|换成|改为|换为|改做|还是)?\s*|"
                         r"^(?:我)?(?:并)?不是(?:要|想)?[^,，;；。]{1,24}[,，]\s*(?:而是|我是|我要的是|要的是|是)(?:想|要)?\s*|"
                         r"^not (?:to )?[^,;.—–]{1,30}(?:[,;]|\s[—–-])\s*(?:but|rather|i (?:asked for|wanted|meant|said))\s+(?:to )?|"
                         r"^(?:skip|forget|drop|scrap) (?:the )?[\w-]+(?: for now)?\s*(?:[,;]|\s[—–-])\s*(?:(?:do|use|go with|make it|just)\s+)?", re.I)


# A request the person meant to make, put off: "本来想让你…重新训的,后来想想还是明天再说吧", "was going to ask you to retrain … but
# let's leave it for tomorrow". Nothing is asked now, and nothing is corrected.
# Words that put a step off until later: "明天", "回头", "tomorrow", "next week".
LATER_ZH = r"明天|明早|晚点|晚些|回头|之后|以后|下周|改天|过几天|过会儿?|周一"
LATER_EN = r"tomorrow|later|next week|another (?:day|time)|in the morning|on monday"
PUT_OFF = re.compile(r"(?:本来想|原本想|本打算|原来想|\b(?:i )?was (?:going|gonna) to\b|\bmeant to\b)[^。.!?！？]{0,60}?(?:后来想想|但是?|不过|\bbut\b)"
                     rf"[^。.!?！？]{{0,30}}?(?:(?:{LATER_ZH})再说|改天|下次再|回头再|\b(?:{LATER_EN})\b)", re.I)


# A question opened as a wish to know, not a request ("I'd like to know…", "I wonder whether…"; "I wonder if you could…" asks for a step).
_ASKING_WORDS = r"i'?d like to know|i would like to know|i wonder(?! (?:if|whether) (?:you|u) (?:could|can|would|might)\b)"
_ASKING_OPENER = re.compile(rf"\W*(?:{_ASKING_WORDS})\b", re.I)


# What follows a correction's opener when it asks about the thing itself: "wait, is few-shot even useful…?", "等等,转千帆会不会
# 丢字段?" (not "how about alpaca instead?", "要不改成5轮?": a value offered).
_ASKED_AFTER_OPENER = re.compile(r"\W*(?:is|are|does|do|will|would|should|can)\s+(?!you\b|u\b)\w+|[^?？,，。]{2,40}(?:会不会|是不是|有没有|真的|到底|能不能)[^?？]{0,30}[?？]|[^?？,，。]{2,40}(?:有用|有必要|值得)吗", re.I)

# Two things compared, asked after a correction's opener ("wait whats the difference between X and Y", "等下,A 和 B 有啥区别").
_DIFFERENCE_ASKED = re.compile(r"\W*what'?s the diff(?:erence)?\s+between\b|\W*[^?？,，。]{1,30}(?:和|跟|与)[^?？,，。]{1,30}(?:有(?:啥|什么)?区别|哪个好)", re.I)


@remembered
def correction(text: str) -> str | None:
    """The corrected request without its "no wait"/"等下" opener (and without what it calls off), or None
    when ``text`` corrects nothing."""
    if PUT_OFF.search(text) or _ASKING_OPENER.match(text):
        return None  # ("I'd like to know how big a share…": asked, no "I'd like X instead")
    m = _CORRECTION.match(text)
    if m and m.end() < len(text):
        rest = text[m.end():].strip()
        while (again := _CORRECTION.match(rest)) and 0 < again.end() < len(rest) and rx.match(r"错了|不对|wait|no\b", rest, re.I):
            rest = rest[again.end():].strip()  # "错了错了,…", "no no, …": the opener said twice
        off = _CALLED_OFF.match(rest)
        rest = rest[off.end():].strip() if off and off.end() < len(rest) else rest
        if rx.search(r"(?:\bnot|不是)\s*$", text[:m.end()], re.I) and rx.match(r"[\w.-]*\d[\w.-]*\s*(?:[,，;；]|\s[—–-])", rest):
            rest = ("不是 " if rx.search(r"不是\s*$", text[:m.end()]) else "not ") + rest  # "sorry, not RUN-0915 — check run-0916": ruled out
        # "I asked for the status of run-0930, I didn't ask you to stop it": what was not asked for is no request
        return _NOT_ASKED.sub(" ", rest).strip() or rest
    off = _CALLED_OFF.match(text.strip())
    if off and rx.match(r"^(?:我)?(?:并)?不是|^not\b", text.strip(), re.I) and off.end() < len(text.strip()):
        rest = text.strip()[off.end():].strip()
        value = rx.fullmatch(r"\W*([\w.-]+)\W*", rest)
        said = rx.match(r"^(?:我)?(?:并)?不是(?:要|想)?\s*(.+?)[,，]", text.strip())
        if value and said and rx.search(r"[\w.-]+\d[\w.-]*\s*$", said.group(1)):
            # "不是停 bus-ft-02,是 bus-ft-03": the same request, with the value put right
            return rx.sub(r"[\w.-]+\d[\w.-]*\s*$", value.group(1), said.group(1))
        return rest  # "不是要停止训练,而是想看进度" corrects without an opener
    asked = _ASKED_NOT.match(text.strip())
    if asked:
        return asked.group(1)  # "我是让你评估 run-0612 不是查进度": what was asked, without what was not
    if _REPLACED.search(text) or (_PUT_RIGHT.search(text) and not rx.search(r"[?？吗]|\n", text.strip()) and tool_of_values(text)
                                  and ((split := changed_mind(text)) is None or rx.fullmatch(r"\W*(?:not|不是|非)\s*[\d.]+\s*%?\W*", split[0], re.I))):
        # ("…3 个 epoch——算了,改成 5 个": a change of mind, read as one; "not 20%, make it 10% general data": the value put right)
        return text.strip()
    return None


# A value said wrong and put right, anywhere in the message: "学习率打错了 应该是1e-4", "typo — lr should be 5e-5", "I misspoke: the
# learning rate ought to be 1e-4", "k改成5吧", "方才所言有误,学习率当为1e-4", "Not 5 epochs, is 3 epochs" (not "{{name}} 换成 阿福", a
# placeholder given its value).
_PUT_RIGHT = re.compile(r"^\W*(?:no|nope|nah)\s*[,，]\s*(?=[\w.-]+\W*$)|^\W*(?:(?:ok|okay|actually|hmm|no),?\s+)?make (?:that|it) (?=\S)|(?:打|说|写|填|搞|弄)错了?|(?:刚才|之前|前面)(?:打|写|说|填)成|有误|\btypo\b|\bmisspoke\b|\bmistyped\b|\bwrong\b|\b(?:should|ought to) (?:be|have been)\b|"
                        r"应该是|应为|当为|(?<!\}\}\s)(?<!\}\})(?:改成|改为|换成|变更为|更改为|改作|改做)|\b(?:instead of|rather than)\s+(?=\d|alpaca|sharegpt|qianfan|openai|千帆|csv|xlsx|jsonl)|(?:^|[,，;；—–-]\s*)(?:not|不是|非)\s*\d|(?<=\d)\s+actually\b(?=\s*[,.;!]|\s*$)|(?<=\d%)\s+not\s+\d", re.I)


_NOT_ASKED = re.compile(r"[,，;；.。]?\s*(?:\bi (?:didn'?t|did not|never) (?:ask|want|tell)(?:ed)? (?:you )?to \w+(?: (?:it|that|this|them|the run))?|"
                        r"(?:而)?不是(?:让你|要你|叫你)[^,，。;；]{1,12})", re.I)
_ASKED_NOT = re.compile(r"^(?:我)?是(?:让你|要你|想让你|叫你)(.{2,40}?)\s*[,，]?\s*(?:而)?不是(?:让你|要你)?\S{1,12}$")


# A change of mind inside one message: "Convert X to alpaca. Hmm, actually our trainer takes sharegpt", "3 个 epoch——算了,改成
# 5 个", "停掉 a7f3c2。等下,不是它,要停的是 b91e04": a turn word after a break, with a request before it.
_TURN = re.compile(r"(?:[。!！?？;；,，…—–~～]|\.(?![A-Za-z0-9_])|\s-\s)\s*(?:(?:hmm+|um+|uh+|oh|er+|嗯+|呃|额|哦|噢|啊)\W*)*"
                   r"(?:no\s*,?\s*wait\b|wait\s*,?\s*no\b|wait\b|nope\b|no(?:\s+no)+\b|never ?mind\b|nevermind\b|forget (?:it|that)\b|no\b(?=\s*[,，.!—–-])|actually\b|scratch that\b|on second thought\b|"
                   r"hold on\b|make (?:that|it)\b|typo\b|i mean\b|sorry\b(?=\s*,)|划掉|"
                   # a postscript that changes the request ("…3 epochs.\nPS: make that 6", "…转成 jsonl。\n附言:不要 jsonl 了,转 csv");
                   # a second thought ("…两成… 想了想一成就够了"); a value weighed and found too much ("500 steps, hmm thats
                   # overkill, do 150"); "hmm no that one crashed"
                   r"(?<=\n)\s*(?:p\.?\s?s\.?|附言|补充|又及)\s*[:：,，]?\s*|想了想|(?:that'?s|it'?s) (?:overkill|too (?:much|many|few|little|high|low|long|short))\b|"
                   r"(?<=hmm )no\b|(?<=hm )no\b|我是说|我的意思是|(?:er+|uh+|eh)\b(?=\s*,)|(?:呃|额)(?=\s*[,，])|算了|不对|不行(?!(?:的话)?\s*(?:我)?(?:就|再))|哦不|等下|等等|等一下|"
                   # values settled after weighing them: "500 steps... nah that's overkill. 150", "k of 4? … Go with 3", "A tenth? A
                   # fifth? Let's do a fifth", "about 8k. Well, more like 7,500", "2 个太少,5 个又太长,那就 3 个吧", "先来 500 条……嗯,300 条吧",
                   # "步数 50 够吗?保险点,100 步"
                   r"nah\b|well\b(?=\s*,)|let'?s (?:say|do|go with|make it|use)\b|go with\b|use\b(?=\s*\d)|or\b(?=\s*\d)|"
                   r"(?:那)?就\s*(?=\d|[一二两三四五六七八九十半])|保险(?:点|起见)|(?P<bare>(?<=[嗯呃额啊哦][,，])\s*)(?=\d+\s*(?:条|个|步|轮|epochs?\b|steps?\b)\s*(?:吧|就行|就好|好了|即可|[。.!！]|$))|"
                   r"(?![^,，。.;；]{0,8}?(?:作者|名字|名称|姓名|开发者|开发方))[^,，。.;；]{0,8}?(?:还是)?(?:改成|改为|换成)|还是(?=\s*\d|\s*[一二两三四五六七八九十]\s*个)|"
                   r"(?:写|打|说)错了|不(?=\s*[,，])|不是(?=\s*[,，!！]))", re.I)  # "转成 alpaca……啊不是,转成 sharegpt"


_ALSO = re.compile(r"\W*(?:also|too\b(?!\s+(?:many|much|few|little|long|short|big|small|slow|fast|high|low)\b)|and also|plus|as well|顺便|另外|再|也|还要|还有|同时)", re.I)


def changed_mind(text: str) -> tuple[str, str] | None:
    """(the request first made, the words that change it) when the message changes its mind after a request, else None.
    A turn word opening the message is a correction of an earlier turn (:func:`correction`), not this."""
    spans = [(a, b) for _, a, b in quoted(text)]  # ("'{q} — make it a roast'": a template's own words)
    m = next((m for m in _TURN.finditer(text) if len(text[:m.start()].strip()) >= 6 and not any(a <= m.start() < b for a, b in spans)
              and (m.group("bare") is None or rx.search(r"\d", text[:m.start()]))), None)  # "500 条……嗯,300 条吧": a number said again
    if m is None or not text[m.end():].strip(" .。,，!！") or _ALSO.match(text[m.end():]):
        return None  # "…,等等,顺便也检查一下质量": a step added, not the request changed
    after = rx.sub(r"^\s*(?:p\.?\s?s\.?|附言|补充|又及)\s*[:：,，]?\s*", "", text[m.start():].lstrip(" .。!！?？;；,，…—–~～-"), flags=re.I)
    return text[:m.start()].strip(), after.strip()  # ("…\nPS never mind, don't stop it": the postscript's own words)


# "看看 run-0612 的 loss,要是还在 2 以上就给我停了", "evaluate X and if general ability dropped a lot, retrain with …",
# "看一下 FILE 有多少条,超过五千条的话就转成千帆格式": a look at something, then a step that waits on what it shows.
_THEN_IF = re.compile(r"\s*(?:[,，;；]\s*(?:如果|要是|假如|若是?|万一)|[,，;；]?\s*(?:and |but )?\bif\b)[^,，;；。]{1,40}?(?:[,，]\s*|\s*)(?:就|那就|再|then\b)|"
                      r"[,;]?\s*(?:and |but )?\bif\b[^,;.]{1,60}?(?:,\s*(?:then\s+)?|\s+then\s+)(?=[a-z])|"
                      r"\s*[,，;；]\s*[^,，;；。]{1,24}的话\s*[,，]?\s*(?:就|那就|再)", re.I)
_LOOKS_FIRST = re.compile(r"^\W*(?:先)?(?:看看|看一下|看下|查看|查一下|评估|评测|检查|check|look at|inspect|evaluate|eval\b|see|show me)", re.I)


def conditional_steps(text: str) -> list[str] | None:
    """[check, then-step] for "先检查…,没问题再转千帆" / "inspect X first, if the fields look right convert it"."""
    steps = _conditional_steps(text)
    return list(steps) if steps is not None else None


@remembered
def _conditional_steps(text: str) -> tuple[str, ...] | None:
    m = _THEN_IF_OK.search(text)
    judged = m is None  # a condition on what the look shows ("超过五千条的话"): the person judges it, so the look comes alone
    if judged:
        m = _THEN_IF.search(text)
        m = m if m and m.start() > 0 and _LOOKS_FIRST.match(text) else None
    if not m or m.start() == 0 or not rx.search(r"\w", text[m.end():]):
        return None  # "…, then convert it to alpaca if it looks fine.": a condition ending the message splits nothing
    check = rx.sub(r"^\W*先|\bfirst\b", " ", text[:m.start()], flags=re.I).strip(" ,，")
    check = rx.sub(r"[,，]?\s*(?:检查|查|看)(?:完|好)(?:了)?(?:以后|之后)?$", "", check)  # ("…,检查完没毛病就转": the check's end, said again)
    return (check,) if judged else (check, text[m.end():].strip())


# A sentence that opens with one of our verbs, bare ("… wrote down why each answer is what it is. Add CoT to all of them."):
# with no question asked anywhere, the message is an instruction whatever words of a question its story holds.
_BARE_IMPERATIVE = re.compile(r"(?:^|[.!;:\n]\s*|\s[-—–]+\s*)(?:(?:this time|next|now|ok(?:ay)?|so|then|anyway|also|alright|right|just|please|pls|plz|kindly|(?:rather than|instead of|for)[^,.;!?]{0,40},)\W+)?(?:add|convert|take \S+ and|keep (?:them|those|these|it|the|all)|turn|check|train|fine-?tune|redo|re-?run|reword|rephrase|"
                              r"augment|inspect|scan|clean|drop|remove|delete|fill|stop|kill|halt|resume|evaluate|export|generate|apply|"
                              r"suggest|probe|eval|benchmark|start|launch|kick off|give me|make (?:it|the|a|an|me)|put|mix|dedupe?|score|grade|run (?:a|the|an|ppl|perplexity)|sweep|use (?:that|this|it|those|these|them) (?:for|as|to))\b(?!['’]s\b)(?!\s+(?:said|says|printed|prints|shows?|showed|output|returned|reported|gave|found|flagged|is|was|were|are|has|had|tells?|told)\b)", re.I)


# "…是药师写的为什么这么答,用它来做思维链样本": a Chinese clause that tells what to do with what was described
_ZH_CLAUSE_IMPERATIVE = re.compile(r"(?:[,，。;；]|\s)\s*(?:请|麻烦|帮我|你)?(?:用|拿|把)(?:它|这列|这一列|这个字段|该列|这些|那列|这个)\S{0,3}?(?:来)?(?:做|生成|加|扩|转|训)")


# "行 继续", "ok, go on": a yes and a bare "go on" answer what was just said; they ask for nothing new.
_YES_GO_ON = re.compile(r"^\W*(?:行|好|好的|可以|嗯|对|ok|okay|yes|yep|yeah|sure)\W*(?:继续|接着来|接着|continue|go on|carry on|proceed)\W*$|"
                        # "确认,停吧", "confirmed, stop it", "对,确认停止", "Yes, confirm. stop it.", "OK 没问题,按你说的停掉吧": a yes to the
                        # stop proposed (the pending stop is the consent's; nothing named here to act on anew)
                        r"^\W*(?:(?:对|好|好的|行|可以|嗯|ok|okay|yes|yep|yeah|没问题)\W*)*(?:确认|confirm(?:ed)?|按你说的)\W*(?:停|停掉|停止|stop)(?:吧|它|了|\s+it|\s+the run)?\W*$|"
                        r"^\W*(?:(?:yes|yep|yeah|ok(?:ay)?)\W+)+stop it\W*$|"
                        # "对,就是 ./uploads/faq_0301.xlsx 这个,按你列的来", "Yes, FILE is the one. Go ahead as planned.": the file of the plan
                        # shown named again, and the plan agreed to
                        r"^\W*(?:对|是的|是|嗯|没错|yes|yep|yeah|right)\W+(?:就是\s*)?(?:\S+\.(?:jsonl?|csv|xlsx?|tsv)|FILE)\s*(?:这个|那个|这份|is the (?:right )?one)?\W*"
                        r"(?:按你列的来|按你说的来|照计划来|按计划来|照你列的来|(?:go ahead|proceed|carry on)(?: as planned)?)\W*$|"
                        r"^\W*you (?:showed|suggested|proposed|listed|gave(?: me)?)\b[^\n?]{0,80}\b(?:fine|ok(?:ay)?|good|great|sure)\W+(?:launch|go|start|run|do) it\W*$|"
                        # "上面那个训练计划我看了,没问题,开跑", "确认,按刚才的计划开始训练", "就按你刚才给的那个方案来吧…开始吧": the plan
                        # shown before, agreed to
                        r"^(?![^\n]*\.(?:jsonl?|csv|xlsx?)\b)[^\n]{0,30}?(?:按|照|上面|上述|以上|所述|刚才|之前|前面)(?:你)?(?:上面|刚才|之前|前面)?(?:给|列|说|发|出)?的?(?:那个|这个)?(?:训练)?(?:计划|方案)"
                        r"[^\n?？]{0,40}?(?:开始|开跑|开训|跑吧|来吧|走起|执行)[^\n?？]{0,6}$|"
                        # "I have perused the training plan you set out … Pray proceed.", "Roger, plan received, all parameters check out.
                        # You are cleared to begin training. Over."
                        r"^(?![^\n]*\.(?:jsonl?|csv|xlsx?)\b)[^?\n]{0,60}?(?:\b(?:the|your|that) (?:training )?plan\b|\bplan (?:received|looks (?:good|fine)|is (?:fine|good)))"
                        r"[^?\n]{0,120}?\b(?:pray proceed|please proceed|proceed|go ahead|(?:you are|you'?re) cleared to (?:begin|start|proceed)(?: training)?|begin training|start training)\W*(?:over\W*)?$|"
                        r"(?:^|[,，。\s])确认\s*[,，]?\s*(?:执行|开始|吧)?\W*$|"
                        # "and it won't overwrite anything? ok then, yes, do it", "确定不会删原文件对吧?那行,开始吧": a worry, then yes
                        r"[?？]\s*(?:ok(?:ay)?,? then|ok(?:ay)?|alright|那行|那好|行吧|行|好吧|好)[,，.]?\s*(?:yes[,，.]?\s*)?(?:do it|go ahead|go|proceed|开始吧|开始|执行吧|走起|来吧)\W*$|"
                        # "所以你会用3个epoch、2e-4开始训,对吧?对,就这样,开始吧", "So you'll run 3 epochs…, right? Yes, that's it, go ahead"
                        r"(?:\bright|对吧|是吧)\s*[?？]\s*(?:yes|yep|yeah|对|是的|没错)[,，.!！]?\s*(?:that'?s it|就这样|就这么办|exactly)?[,，.!！]?\s*(?:go ahead|go|开始吧|开始|do it|proceed)\W*$|"
                        # "为什么不呢,开始吧", "why not, go ahead": a yes
                        r"^\W*(?:为什么不呢|为啥不呢|why not)[,，!！.]?\s*(?:开始吧|开始|go ahead|go|let'?s go|do it)?\W*$|"
                        # "confirmed 👍 run it", "本组同意该训练方案,可以启动。": the plan shown, agreed to
                        r"^\W*(?:(?:ok(?:ay)?|yes|yep|yeah|alright)\W+)?confirm(?:ed)?\W*(?:run it|go(?: ahead)?|start it|do it|proceed)?\W*$|"
                        r"同意(?:该|这个|此|你的|上述)?(?:训练)?(?:方案|计划)\W*(?:可以|请|即可)?(?:启动|开始|执行|开跑|开训)?\W*$|"
                        # "2 epoch、2e-4、1.2 万条,对,就这个方案,开始。", "…yes, that's the plan. Start it.", "> 计划:…\n没问题,就这样。": the plan shown, agreed
                        r"(?:就|按|照)(?:这个|你的|你这个)(?:方案|计划)(?:来)?\W*(?:开始|开跑|开训|执行)?\W*$|^\W*>[^\n]*\n\W*(?:就)?(?:按|照)(?:这个|这)(?:来|办|走)(?:吧)?\W*$|\byes,? that'?s the plan\b[.!]?\s*(?:start it|go|go ahead|run it)?\W*$|"
                        r"^\W*>[^\n]*(?:计划|plan)[^\n]*\n\W*(?:没问题|可以|行|好|ok|yes|looks good)[^\n]{0,12}$", re.I)  # "同事说照默认的来就行,确认,执行。"
# "把手册讲的要点列出来", "Summarise what the manual says about data diversity", "Is that the forgetting the manual talks about?":
# what the manual says is asked, whatever tool its words name.
_MANUAL = re.compile(r"(?:手册|说明书|manual)[^。;；?？\n]{0,40}?(?:总结|概括|摘要|讲讲|说了什么|说了啥|怎么说|讲了什么|讲了啥|讲给|要点|列出来|梳理|是怎么写的|怎么写的|写的是)|"
                     r"\b(?:does|did|do) the manual (?:suggest|say|recommend)\b|"
                     r"\b(?:summari[sz]e|sum up|recap)\b.{0,40}\bmanual\b|\bwhat (?:does|did) the manual say\b|\bmanual says\b|"
                     r"\b(?:the|your) manual (?:talks about|mentions|describes|warns (?:about|of)|calls)\b[^.!]{0,40}\?|"
                     r"(?:手册|说明书)(?:里|上|中)?(?:说的|提到的|讲的|说过的)[^。;；]{0,20}[吗嘛?？]|"
                     # "手册里说epoch一般给多少?", "手册建议几个 epoch 来着?", "what does the manual recommend for 100 samples?"
                     r"(?:手册|说明书)[^。;；\n]{0,30}?(?:说|建议|推荐|讲|例子|对应)[^。;；\n]{0,20}?(?:多少|几个|几轮|什么|啥)[^。;；\n]{0,8}(?:[?？]|来着|呢|$)|"
                     # "how many epochs for 1000 samples according to the guide?"
                     r"\b(?:how many|how much|what)\b[^.!?\n]{0,60}\b(?:according to|per|in|from) the (?:guide|manual|handbook|docs?)\b[^.!\n]{0,10}\?|"
                     r"\bwhat (?:does|did) the manual (?:recommend|suggest|advise)\b|"
                     # "给我总结下手册里关于选超参的建议": the manual's advice summed up
                     r"(?:总结|總結|概括|归纳|歸納|梳理|讲讲|講講|说说|說說)(?:一?下)?\s*(?:手册|手冊|说明书|說明書)(?:里面|裡面|里|裡|中|上)?\s*(?:关于|關於|对|對|讲的|說的|说的|的)|"
                     # "walk me through the manual's bit on prompt optimisation", "the gist of the manual's section on epochs",
                     # "把手册里 few-shot 和 CoT 那块给我捋一遍", "同我講下手冊入面講epoch嗰段"
                     r"\b(?:the |your )?(?:manual|guide)'?s (?:bit|section|part|take|advice|point|guidance|chapter|view|rules?|words?)\b|\bgist of the (?:manual|guide)\b|"
                     r"\b(?:summari[sz]e|sum up|walk me through|explain)\b[^.?!]{0,30}\b(?:section|part|bit|chapter) (?:of|in) the (?:manual|guide)\b|"
                     r"(?:讲|講|说|說|捋|总结|總結|概括|介绍|介紹|解释|解釋|梳理)[^。;；?？\n]{0,20}?(?:手册|手冊|说明书|說明書)[^。;；?？\n]{0,30}(?:那块|那塊|那段|嗰段|那部分|嗰部分|那一?节|那一?節|章节|章節)|"
                     r"(?:手册|手冊|说明书|說明書)[^。;；?？\n]{0,30}(?:那块|那塊|那段|嗰段|那部分|嗰部分|那一?节|那一?節|章节|章節)[^。;；?？\n]{0,12}?(?:讲|講|说|說|捋|总结|總結|概括|介绍|介紹|解释|解釋|梳理)", re.I)


# How to do something oneself, or which way to go: "How do I keep the model from forgetting…?", "should my prompt at inference
# match the one used in training?", "for lora do you raise the learning rate or lower it", "这个文件适合加COT吗?",
# "预测阶段的 prompt 要不要跟训练时保持一致", "which kind is better to train on?": advice, whatever step its words name.
_HOW_TO = re.compile(r"^\W*(?:(?:so|ok|okay|and|but|um+|uh+|like)\W+)*(?:how (?:do|can) (?:i|we)\b(?! (?:set|configure|pick|choose)\b)(?! (?:see|check|know|find out|tell)\b)|how to\b|should (?:my|our)\b)|"
                     r"\b(?:do|would|should) (?:you|i|we) (?:\w+ ){0,2}(?:raise|lower|increase|decrease) (?:the |it|them)[^?]{0,30}\bor\b|"
                     r"\bwhich (?:kind|one|type|format|file)\b[^?]{0,40}\bbetter\b|\bis (?:this|it|the|my) ?(?:file|data|dataset)? (?:a )?(?:good fit|suitable|right|ok|okay) for\b|"
                     r"(?:怎么|如何|怎样)(?:才能|能|可以)?(?:让|避免|防止|保证|不让|减少|尽量)|要不要跟|(?:是要|要)?调(?:大|高)还是调?(?:小|低)|"
                     r"适合[^,，。?？]{0,20}[吗嘛](?=\W|$)|(?:预测|推理|推断)(?:阶段|时)?的?\s*prompt|"
                     # "with LoRA you can bump the learning rate a bit, right?", "LoRA 学习率要大一点,对吧?": a belief to confirm
                     r"[,，]\s*(?:right|correct|isn'?t (?:it|that)|no)\s*[?？]\s*(?:(?:i|we) (?:might|may|could) be [^.?!]{0,30}[.!]?\s*)?$|(?:对吧|是吧|没错吧)\s*[?？]?\s*$", re.I)


def asks_how_to(text: str) -> bool:
    """How to do something oneself, or which way to go: advice, not the step its words name."""
    return bool(_HOW_TO.search(text)) and not _IMPERATIVE.search(text) and not opens_with_command(text)


@remembered
def asks_manual(text: str) -> bool:
    """What the manual says is asked about."""
    return bool(_MANUAL.search(text))


def opens_with_command(text: str) -> bool:
    """The message opens with one of our verbs, bare ("Kick off training on FILE, …", "Add CoT to …",
    "给 FILE 生成500条带示例的样本")."""
    return bool(_BARE_IMPERATIVE.match(text.strip()) or _ZH_IMPERATIVE.match(text.strip()))


# "给 FILE 生成…", "把 X 转成…", "生成 300 条…": a Chinese sentence that opens with one of our verbs, or with 给/把/对 and one.
_ZH_IMPERATIVE = re.compile(r"^\W*(?:那|所以|那就|就|先|再|请|麻烦)?\s*(?:(?:给|把|将|对|用|拿)\s*\S[^,，。;；!！?？]{0,40}?(?:生成|加上?|做成?|转成|转为|转换|删掉|删除|补|扩充|扩写|改写|检查|质检|清洗|训练|微调|跑|评估|停掉|填)|"
                            r"(?:生成|加上|补上|扩充|改写|检查一下|质检|清洗|开始训练|开训|评估一下|停掉(?![^,，。;；!！?？]{0,6}?(?:以后|之后))|填上)\S|"  # ("停掉训练以后,…": when)
                            r"(?:在|用|拿)\s*\S[^,，。;；!！?？]{0,30}?(?:上|里)?\s*(?:扫|跑|测|探|试)一?下)")  # "先在 FILE 上扫一下 lr"


# Questions after the request, in sentences of their own: "… max 2000 steps. How long will that take, and can I stop it halfway?"
_QUESTIONS_AFTER = re.compile(r"(?<=[.!。！;；])\s*(?:(?:and|also|oh|btw|ok|so)\W+)?(?=(?:how|what|why|when|where|which|will|would|can|could|is|are|does|do|should)\b|"
                              r"多久|多长时间|要多久|能不能|可不可以|会不会|是不是|怎么|为什么)[^.!。！]*[?？]\s*$", re.I)


# "给 x.csv 里三成的记录加 few-shot —— 这样会不会把原始数据覆盖掉?", "Fill … — does that overwrite the original?"
_QUESTION_AFTER_DASH = re.compile(r"\s*(?:——|—|--|–)\s*(?:(?:and|also|but|oh|btw)\W+)?[^—–]{2,80}[?？]\s*$", re.I)


# "augment instructions for all of FILE, and what's a prompt template exactly?", "用 FILE 探一下lr,然后跟我讲讲这个探测是啥原理":
# a question joined to the request by "and" or 然后.
_ASKED_TOO = re.compile(r"[,，]\s*(?:(?:and\s+)?(?=(?:how|what|why|which|does|do|did|is|are|was|were|has|have)\b)[^.!。！,，]*[?？]\s*$|然后\s*(?:再)?\s*(?:跟我|给我|帮我|和我)?"
                        r"(?:讲讲|说说|讲一下|说一下|解释一下|解释解释|告诉我)[^。!！]*$)", re.I)


def questions_after(text: str) -> int | None:
    """Where questions asked after an opening request begin, or None."""
    m = _QUESTIONS_AFTER.search(text) or _ASKED_TOO.search(text)
    if m and m.start() > 0 and opens_with_command(text[:m.start()]):
        return m.start()
    m = _QUESTION_AFTER_DASH.search(text)
    head = text[:m.start()] if m else ""
    # the request names its file or run; a condition ("Say I … — what would …?") is one hypothetical
    return (m.start() if m and rx.search(r"\bFILE\b|[\w-]+\.(?:jsonl?|csv|xlsx|tsv)\b|^\W*\w+ (?:this|it)\b", head) and not rx.search(r"[?？]", head)
            and not _IF.search(head) and not _WHEN_HEAD.match(head) and speech_act(head) in ("command", "correction") else None)


# A step allowed only once a question is answered: "确认在我才让你停 X", "only then will I let you stop it", "if so, I'll let you…"
_ONLY_THEN = re.compile(r"(?:确认|确定|弄清楚|知道|搞清楚)[^。,，;；]{0,12}?(?:了)?(?:以后|之后)?(?:我)?才(?:会|能|敢)?(?:让你|叫你|同意|放心)|"
                        r"\bonly then (?:will|would|can) (?:i|we|you)\b|\b(?:i'?ll|we'?ll) (?:only )?let you \w+ (?:it )?(?:once|after|when|if) you (?:confirm|tell|check)", re.I)


# The words that open a time clause ("before I click anything", "after a resume", "once it's done").
_TIME_WORDS = r"before|after|once|when|until|while"


# A preface before a colon that only sets the scene ("Before I click anything:", "Quick one:", "先问一下:", "在删之前:"): the act is
# what follows it.
_PREFACE = re.compile(rf"^\W*(?:(?:{_TIME_WORDS})\b[^:：\n?？]{{0,40}}|"
                      r"quick (?:one|question)(?: (?:from|for|about) [^:：\n?？]{1,30})?|one (?:more )?(?:thing|question)(?: first)?|"
                      r"先问(?:一下|个问题|一句)?|问一下|在[^:：\n?？]{1,20}(?:之前|以前)|[^:：\n?？]{0,20}之前|"
                      r"(?![^:：\n]*\b(?:ask\w*|said|says|wrote|writes|told|quote\w*|question)\b)(?:[A-Za-z0-9'-]+ ){0,2}[A-Za-z0-9'-]+)\s*[:：]\s*(?=\S)", re.I)
# ("3am brain: whats a LoRA rank again"; not "Customer asked: '…?' Pull the numbers": a question passed on)


# A short time clause before a yes/no question about how a step behaves: "after a resume, does the schedule start over?",
# "mid-training, can I change the LR?" (not "when it's done, can you evaluate it?": a request stays one).
_TIME_CLAUSE_ASKED = re.compile(rf"^\W*(?:(?:{_TIME_WORDS}|during)\b[^,?？\n]{{1,40}}|"
                                r"mid-?(?:training|run|way))\s*,\s*"
                                r"(?=(?:does|do|is|are|will|would|should)\b[^?？\n]*[?？]\s*$|can (?:i|we) [^?？\n]*[?？]\s*$|"
                                # "When you evaluate a run, what exactly is it compared against - the base model?"
                                r"(?:what|how|which|why)\b(?![^?？\n]*\b(?:you|u) (?:can|could|would)\b)[^?？\n]*[?？]\s*$)", re.I)

# "before I delete the exact dupes from FILE — can that be undone?": a time clause sets the question, it asks nothing done
_WHEN_HEAD = re.compile(rf"\W*(?:{_TIME_WORDS})\b", re.I)


# What the assistant did or will do, asked: "did you already delete them?", "你是不是已经把重复的删了?",
# "where did you save the converted file?", "你转完的文件存哪了", "are you going to use the default base model?".
_DID_YOU = re.compile(r"\bdid you\b(?: already| just| really)?\s+(?:delete|drop|remove|overwrite|change|modify|touch|save|write|convert|keep|start|stop)\w*|"
                      r"\bdid (?:it|that|this|the (?:last )?(?:step|check|conversion|tool))(?: last step)?(?: already| just)?\s+"
                      r"(?:delete|drop|remove|overwrite|change|modify|touch|save|write)\w*|"
                      r"\bhave you (?:already |just )?\w+(?:ed|en)\b|\bwhere (?:did|do|does|will) (?:you|it)\s+(?:save|put|write|store|keep)\b|"
                      r"\bare you (?:going to|gonna) (?:use|keep|delete|overwrite|train|pick)\b|\bwill you (?:use|keep|delete|overwrite)\b|"
                      r"(?:你|您)(?:是不是|有没有|是否)?(?:已经|刚才|刚刚)\S{0,16}(?:了|过)(?:吗|吧|没有?)?[?？]|^\W*(?:你|您)(?:是不是|有没有|是否)把\S{1,16}[?？]?\s*$|(?:你|您)是不是已经|"
                      r"(?:存|放|保存|写)(?:到|在)?哪(?:了|儿|里|去了)|(?:改|动|覆盖)了原(?:来的)?文件(?:没有|吗|没)|(?:会|要)用(?:默认|哪个)的?(?:基座|模型)", re.I)


def asks_what_was_done(text: str) -> bool:
    """A question about what the assistant did or will do (answered, never acted on)."""
    return bool(_DID_YOU.search(text)) and not _IMPERATIVE.search(_COURTESY_END.sub("", text))


# A question about how something works that holds even with the user's file or run named: "in FILE, what counts as a
# conflict?", "FILE 算不算多轮对话数据?", "…是按啥标准判的?", "ppl高说明啥", "严不严重啊", "允许这么搞不".
# "停了以后", "停掉训练之后": after a stop (what happens then, or what is kept, is asked)
_AFTER_STOP = r"(?:停|暂停|中断|断)(?:掉|下来)?了?(?:训练)?(?:以后|之后)"
CONCEPT_ASKED = re.compile(r"^\W*which (?:one )?(?:\w+ )?(?:harder|more|most|better|faster|bigger)\b[^?.!]{0,30}?,\s*[\w -]{2,30}\bor\b[\w -]{2,30}\?|"  # "Which steers harder, epochs or learning rate?"
                           r"\bwhat (?:exactly )?(?:are you|is it|does (?:it|the evaluation|evaluation|the eval)) (?:actually |really )?measur\w*|\bhow is the (?:evaluation|eval) (?:score )?(?:computed|calculated|worked out)|"
                           r"评估(?:到底)?是怎么评的|\bwants? to know what\b[^?]{1,40}\bmeans\b|\blet me know whether\b|会不会让模型学(?:乱|坏|偏)|"
                           r"\bdoes (?:adding|converting|checking|augmenting|filling) [^?]{1,60}\bmake\b[^?]{1,40}\?|还是(?:通用|一般)?(?:的)?默认值|\bor (?:is (?:that|it)) (?:just )?(?:a |the )?(?:generic|general|standard) defaults?\b|(?:这|这样)?算(?:是)?(?:过拟合|欠拟合)(?:了)?(?:吗|么|嘛)|\b(?:is|are) (?:that |this |it )?(?:a )?sign of (?:over|under)fitting\b|\ba sign of (?:over|under)fitting\?|"
                           r"说明\S{0,6}(?:过拟合|欠拟合)(?:了)?(?:吗|么|嘛)|\bis it (?:\w+ )?normal (?:for|that)\b|(?:导入|读取|上传)会不会(?:出|有)问题|"
                           r"(?:训练|转换|转格式|检查|质检)的时候会[^?？,，。]{1,20}[吗嘛么]\s*[?？]|(?:会不会|是否会?|是不是)[^?？。]{0,30}?(?:覆盖|改动|修改|动到|删掉?)[^?？。]{0,12}?(?:原文件|原来的|原始|我的|数据|文件)|"
                           r"(?:会不会|是否会?)[^?？。]{0,30}?(?:原文件|原来的|原始)[^?？。]{0,30}?(?:覆盖|改|删)|"
                           r"是直接(?:帮我)?(?:删|改)[^?？。]{0,12}还是只|"
                           r"\b(?:does|do|will|would)\b(?:[^?.]|\.(?=\w)){0,40}\b(?:change|modify|overwrite|touch|delete|alter)\b[^?.]{0,30}\b(?:my|the original|anything|file|data)\b[^?]*\?|"
                           r"\bhow often\b|越(?:低|高)越好|\binquires? (?:as to|about)\b|"
                           r"(?:哪个|哪一个)(?:影响|作用)?更大|大点好还是小点好|\bdoes bigger\s*(?:=|mean|equal)\s*better\b|\bhow (?:do|can|would|should|does) (?:you|i|we|one|someone) (?:tell|know|judge|figure out|spot|see) (?:whether|if|from|when)\b|(?:怎么|如何|怎样)(?:判断|看出|看得出)|(?:一般来说|通常来说|一般而言|按理说|\bin general\b|\bgenerally speaking\b|\bas a rule\b)[^?？\n]{0,60}[?？]|\bwhat (?:actually |exactly )?counts as\b|算不算|(?:按|是按|根据)(?:啥|什么)(?:标准|规则|来)|是干嘛用的|是干什么用的|"
                           r"说明(?:了)?(?:啥|什么)|差在哪|有(?:啥|什么)区别|区别在哪|严不严重|允许(?:这么|这样)?(?:搞|做|弄)?不|"
                           r"\bdoes (?:training on )?[\w.-]+(?: data)? make (?:the|my) model forget\b|"
                           # "ppl这个指标是咋算出来的", "答案太短算质量问题吗", "近似重复是何物?", "手册上说能训 15 遍,是这个意思吧?", "am I better off
                           # with 10,000 so-so rows or 1,000 good ones?", "Does the near-duplicate check compare questions only, or answers too?",
                           # "Which one does it keep by default?": how a thing is worked out or classed, what a word means, asked
                           r"(?:怎么|咋|如何|怎样)(?:算|计算|得|打)出来的|算(?:不算)?(?:是)?(?:质量|数据)?问题(?:吗|么|嘛)|是何物|为何物|何谓|所指为何|系指何|"
                           r"是这个意思(?:吧|吗|么)|这么理解(?:对|没错)(?:吗|吧)|\b(?:am i|are we|would i be|would we be) better off\b|"
                           r"\bdoes (?:the |your )?[\w-]+(?: [\w-]+)?? (?:check|dedup\w*|conversion|probe|evaluation) (?:compare|remove|delete|drop|look at|flag|only|count|use|consider|keep|treat)\b[^?]*\?|"
                           r"\b(?:which|what) (?:one|copy|row|version) does it keep\b|"
                           # "D:\我的 数据\qa.xlsx 这种路径…能直接读吗?", "Can a file with spaces in its path, like X, be read as is?": a kind of file
                           r"(?:这种|这样的|像这样的?)[^?？。]{0,20}(?:路径|文件名|文件)[^?？。]{0,20}能(?:不能)?(?:直接)?(?:读|打开|用|识别)|"
                           r"\bcan (?:a|an) (?:file|path|sheet|csv|xlsx|excel file)\b[^?]{0,80}\bbe (?:read|opened|loaded|used)\b|"
                           # "停了以后是不是不用从头再来": what happens after a stop, asked
                           + _AFTER_STOP + r"[^?？。]{0,12}?(?:是不是|会不会|要不要|还要|还得|能不能|能否)|"
                           # "停脱训练以后,检查点还留得牢伐?", "练停了以后那个存档还在不在?": whether something is kept after a stop, asked
                           # (opening the message: "停掉 RUN。对了，停了之后checkpoint还在吗?" stops, then asks)
                           r"^\W*[^。.!！?？\n]{0,6}?" + _AFTER_STOP + r"[^?？。]{0,12}?还(?:在|留|有|剩|保)[^?？。]{0,8}?(?:吗|么|不|没|伐|[?？])|"
                           # "截图里写的 ppl 均值 38.6 这个数算高还是低", "avg ppl 112.4 on my data, is that bad?": a number read, judged
                           r"算高还是(?:算)?低|算(?:高|低|正常)(?:吗|么|嘛)|\bis (?:that|this|it) (?:bad|good|high|low|normal|ok(?:ay)?|too high|too low)\s*\?", re.I)
# Words that sound like a request but ask for no step: an explanation asked for after the question ("…是何物?还请细细说清楚。",
# "…所指为何,请予释明。"), a wish with nothing after it ("…survives? I'd like to. Which one…").
_EXPLAIN_ASKED = re.compile(r"[,，。.]?\s*(?:还|敬|烦)?请(?:您|你)?(?:予|予以)?(?:细细|详细|具体|简单)?(?:地)?(?:说清楚|讲清楚|说明白|讲明白|解释|说明|释明|讲讲|说说|娓娓道来|细细道来|道来)(?:一下)?(?:[,，]\s*以便[^。!！?？]{1,20})?\W*$|"
                            r"[,，。.]?\s*请予(?:释明|说明|解释|答复|明示)\W*$|\b(?:i'?d|i would) (?:like|love) to\s*[.!]|"
                            r"[\s,，。.!！]*(?:您|你)?(?:别抢\W*)?让它(?:来)?(?:说|讲|回答|答)\W*$", re.I)  # ("“思维链是干嘛使的?”…“您别抢,让它说!”": let the assistant answer)
# A message that opens as a hypothetical, fillers before it allowed ("嗯…要是我,呃,把十个epoch改成三十个,会咋样啊"): no correction.
_OPENS_HYPOTHETICAL = re.compile(r"^\W*(?:[1-9][.)、]\s*|[①⑴]\s*)?(?:[\u4e00-\u9fff]{1,4}(?=(?:假设|假定|设想)\s*[:：]))?(?:(?:嗯|呃|啊|额|那个|um|uh|so)\W*)*(?:假定|设想|要是|如果|假如|假设|万一|倘若|what if|suppose|imagine|hypothetically|assume(?: arguendo)? that)", re.I)


def opens_hypothetical(text: str) -> bool:
    """The message opens as a what-if, fillers before it allowed ("嗯…要是我,呃,…")."""
    return bool(_OPENS_HYPOTHETICAL.match(text))


# A column named by a word that also asks ("推理过程在 why 那列", "原因那一列叫 why", "the why column"): a name, no question.
_COLUMN_NAMED = re.compile(r"(?<![A-Za-z])[A-Za-z_]\w*(?=\s*(?:那一?|这一?)?(?:列|栏|字段)|\s+(?:column|field|col)\b)|"
                           r"(?:(?<=列叫)|(?<=栏叫)|(?<=字段叫)|(?<=列是)|(?<=列名是)|(?<=字段是)|(?<=called )|(?<=named ))\s*[A-Za-z_]\w*(?=\W|$)", re.I)


def tells_then_asks(text: str) -> bool:
    """No question mark, and an instruction after what is told ("… with why the nurse triaged it - use that for CoT")."""
    return not rx.search(r"[?？吗嘛呢]", text) and bool(_BARE_IMPERATIVE.search(text) or _ZH_CLAUSE_IMPERATIVE.search(text))


_ZH_ASKED_PLAIN = re.compile(r"(?<!不)(?:要|该|需要)\S{0,4}吗(?=\s|$|[,，])|(?<!不)(?:能|可以)\S{1,4}吗(?=\s|$|[,，])|(?:一般|通常)(?:都)?(?:咋|怎么)(?:处理|办|弄|搞)|"
                             # "学习率探测跑完了以后,结果怎么看啊": how a result is read, asked without a question mark
                             r"(?:结果|曲线|图|报告|分数|数字|指标)\S{0,2}(?:该|要)?(?:怎么|咋|如何)(?:看|读|理解|解读)(?:啊|呀|呢|哇)?\W*$")
_ARROW_ASKED = re.compile(r"^\W*(?:stop|resume|restart|kill|halt|start|train|drop|delete|convert|停掉?|恢复|继续|续训|开训|训练|删掉?|转)(?![A-Za-z])"
                          r"[^→\n?？]{0,30}(?:→|->|=>)[^\n]{1,80}[?？][^\n?？]{0,12}[?？]?\W*$", re.I)  # (not "2300 条 → epoch? lr?": values asked for)
_SCENARIO = re.compile(r"\W*(?:scenario|hypothetical(?:ly)?|what[- ]if|假设|假如|情景|场景)\s*[:：]", re.I)
# A question said to be one by its label: "q - does dropping dupes keep one copy…?", "问:判定「短答案」的标准是几个字以下?",
# "Echo-Nine. Hypothetical: if I pull the plug on X…?" (after a call sign).
# A question quoted (a slide's or a meeting's title) and then asked to be explained: "Slide 6 title: 'Why does epoch matter more
# than LR?' — explain it", "会议主题:「近似重复到底怎么判定?」——…你解释一下".
_QUOTED_QUESTION_EXPLAINED = re.compile(r"[\"“「'‘][^\"”」'’\n]{4,80}[?？][\"”」'’][^\n]{0,60}?(?:\bexplain\b|\bbrief me\b|\bwalk me through\b|\bteach me\b|讲讲|讲一下|解释|说说|给我讲|弄懂|讲清楚)", re.I)
# A question relayed for someone else, or said to be only a question: "@Dev wants to know whether adding CoT changes the original
# file", "我同事想知道…", "训练一次大概几块钱?我就是问问", "just asking".
_RELAYED_QUESTION = re.compile(rf"^\W*(?:(?:{_ASKING_WORDS})(?: whether| if)?|想知道|我想知道|好奇)\b"
                               r"(?![^\n]*(?:\.\w{2,5}\b|\bFILE\b|\b[A-Za-z]+[-_]\w*\d))|"
                               r"\b(?:wants|needs) to know (?:whether|if|how|why|what)\b|\b(?:he|she|they|boss|manager|lead|team) (?:would like|wanted) to know (?:whether|if|how|why|what)\b|"
                               r"\b(?:is|was) asking (?:whether|if|how|why)\b|"
                               # "作为值班运维,我希望了解训练状态里的 loss 曲线怎样算正常": to understand how something is, wished
                               r"(?:希望|想)(?:了解|弄清楚|搞清楚|搞懂|弄懂)(?![^\n]*(?:\.\w{2,5}\b|\bFILE\b|\b[A-Za-z]+[-_]\w*\d|进度|怎么样了|如何了))[^,，。;；?？]{0,30}(?:怎样算|怎么算|如何判断|为什么|是什么|是否|算不算)|(?:同事|老板|领导|组长|经理|他|她|客户|老师)(?:们)?想知道(?:一下)?(?:是否|是不是|会不会|能不能|为什么|怎么|多少)", re.I)
_JUST_ASKING = re.compile(r"[?？][^?？\n]{0,6}(?:我)?(?:就是|只是)?(?:问问|随便问问|好奇问一下)(?!\w)|[?？]\s*(?:please |kindly )?(?:clarify|answer (?:that|this|it)|explain)\b(?! (?:and|then)\b)|"
                          r"[?？]\s*(?:请|麻烦)[\u4e00-\u9fff]{0,4}?(?:答复|解答|回答|说明|解释)(?:一下)?(?:\W*(?:多谢|谢谢|感谢)\w{0,4})*\W*$|[?？]\s*(?:i'?m )?(?:just|only) asking\b|真的假的\s*[?？]*\s*$|^\W*(?:(?:sorry|ok(?:ay)?|so|hi),?\s*)?(?:a )?(?:dumb|stupid|silly|quick|newbie) question\s*[:：]", re.I)
# How a step of ours compares or behaves, asked: "is your quality check the same kind of thing?", "Is it more reliable than PPL?",
# "它会自动把数据删掉吗?", "how much of the dataset should be chain-of-thought?"
_COMPARED_ASKED = re.compile(r"\b(?:is|are|was) (?:it|your|this|that|the|they|yours)\b[^?.;]{0,40}?\b(?:the same (?:kind of )?(?:thing|as)|(?:more|less) (?:reliable|accurate|useful|robust|trustworthy)(?: than)?)\b[^?]{0,40}[?？]\s*$|"
                             r"(?:它|这个|这步|这一步|质量检查|检查)会(?:不会)?自动[^?？,，。]{1,20}(?:吗|么|嘛)\s*[?？]?\s*$|"
                             r"^\W*how much of (?:the|my|a|our) (?:data(?:set)?|training data|samples?)\b[^?]{0,30}\bshould (?:be|have|get)\b[^?]*[?？]\s*$|"
                             # "how would you compare the two afterwards?", "对 LoRA 来说算大吗?": a way of judging, a value weighed, asked
                             r"(?:来说|而言)?算(?:大|小|高|低|多|少)(?:吗|嘛|么|不)\s*[?？]?\s*$", re.I)
_TEMPLATES_GIVEN = re.compile(r"\{q\}|模板|templates?\b", re.I)  # (templates quoted are no questions: "'Quick question - {q}'", "“……是什么?”")
_HOW_WOULD_YOU = re.compile(r"\bhow (?:would|do|should|will|can) (?:you|we|i|one) (?:compare|judge|decide|tell|pick|choose|measure)\b[^?]*[?？]\s*$", re.I)
# A step's value weighed after the fact, or a step's outcome put as "wouldn't it just…?": "would 5 have been better though?",
# "Wouldn't training 60 epochs on 200 rows just make it memorize everything?"
# A tag question ending a statement: "…kept, is it?", "…the same, isn't it?" (not "stop it, will you?": a request).
_TAG_ASKED = re.compile(r"[,，]\s*(?:is|isn'?t|are|aren'?t|was|wasn'?t|were|weren'?t|does|doesn'?t|do|don'?t|did|didn'?t|has|hasn'?t|have|haven'?t)"
                        r"\s+(?:it|they|there|that|this|he|she|we)\s*[?？]\W*$", re.I)
_WOULD_HAVE = re.compile(r"\bwould (?:\w+ )?(?:\d+ )?have been (?:better|worse|enough|too much|too many|fine)\b[^.!\n]*[?？]", re.I)
_WOULDNT_IT_JUST = re.compile(r"^\W*(?:wouldn'?t|won'?t|doesn'?t|isn'?t) (?:\w+ing)\b[^?]{3,80}\b(?:just |simply )?(?:make|cause|lead|overfit|memori[sz]e|hurt|break|ruin|kill)\b[^?]*[?？]\W*$", re.I)
# A state told, then how a step behaves asked: "0701 died halfway — does resuming pick up from the last checkpoint or start over?"
_TOLD_THEN_HOW = re.compile(r"^(?P<told>[^?？\n]{3,80}?)\s*(?:—+|–|;|；|\.\s|。)\s*(?P<q>[^\n?？]+[?？]\s*)$")
_THING_NAMED = re.compile(r"\.\w{2,5}\b|\bFILE\b|\b[A-Za-z]+[-_]?[A-Za-z]*[-_]?\d")  # a file or a run named (then it is a step on it)
_LABELLED_QUESTION = re.compile(r"^\W*(?:[A-Z][a-z]+-[A-Z][a-z]+\.\s+)?(?:(?:[^.!?\n]{0,40}[.!]\s+)?(?:my )?real question|q|question|query|问|提问|疑问|hypothetical|假设)\s*[-:：]\s*(?=[^\n]*[?？])(?![\s\S]*(?:^|\s)(?:a|answer|答)\s*[:：])", re.I)
_CONSEQUENCE_ASKED = re.compile(r"^\W*(?:would|will|does|do|did|could|might|can|is|isn'?t|wouldn'?t)\s+(?:stopping|killing|halting|resuming|restarting|pausing|"
                                r"starting|launching|cancell?ing)\b[^?？]*[?？]\W*$|"
                                # "Should I stop X now, would the progress thus far be lost?", "why not stop X right now? like what
                                # would happen to its checkpoint if I did?": a step weighed by what it would bring
                                r"^\W*(?:(?:hello|hi|hey)\W+)?(?:should i|why not)\s+(?:stop|kill|halt|resume|restart|keep|drop)\b[^?？]{0,60}(?:[,，]|[?？]\s*(?:like\s+)?)\s*(?:what|would|will|aren'?t|isn'?t|wouldn'?t|won'?t)\b[^?？]*[?？](?:\s*(?:kindly |please )?advise)?\W*$", re.I)


# What the assistant showed, pointed at and agreed to: "你刚才列的那个停止确认我同意", "上面那个方案确认", "the stop you showed me is
# right. Confirmed", "I've read the plan you posted, … all looks fine, go ahead", "小李你看它给的计划:…没问题。——助手,确认".
_SHOWN = (r"(?:你|它)(?:刚才|上面|之前|刚刚)?(?:列|给|发|贴|出|展示|显示|列出)(?:的|出来的)|(?:你|它)(?:刚才|上面|之前|刚刚)?(?:的)?(?:计划|方案)(?:里|中)(?:写|列)的|"
          r"上面(?:那个|的)(?:训练)?(?:方案|计划|停止)|^\W*(?:这个|那个|你的|上面的)?(?:方案|计划)(?:我)?(?:看完|看过|看了)了?(?=\W*(?:没问题|可以|ok|行|同意))|"
          # "Re: [Plan] convert to openai format\nconfirmed, go": a reply to the plan's notice
          r"^\W*(?:re|回复)\s*[:：]\s*[\[【](?:plan|计划|方案)[\]】]|\b(?:that|the|your) (?:training )?plan\b(?: for \S+)?\s+(?:looks|seems|is)\b|"
          r"\b(?:the|that|your)\s+(?:\w+\s+)?(?:plan|stop|start)(?:\s+\w+)?\s+(?:you|it)\s+(?:just\s+)?(?:showed|posted|listed|proposed|gave)\b")
_AGREED = r"确认|同意|没问题|就按这个|照这个|\bconfirm(?:ed)?\b|\bgo ahead\b|\blooks? (?:fine|good|right)\b|\bis right\b|\bkick it off\b|\bgo\W*$|\bstart it\W*$"
_SHOWN_AGREED = re.compile(rf"(?:{_SHOWN})[\s\S]*?(?:{_AGREED})[^?？]*$|"
                           r"^\W*(?:(?:行|好|对|嗯|ok)\W*)?(?:确认|确定)\W*(?:停|停掉|停止)(?:吧)?(?=[。.!！,，]|$)", re.I)  # "行,确认停。停完告诉我一声"


def agrees_to_shown(text: str) -> bool:
    """A yes to what the assistant showed, pointed at ("你上面列的那个计划我看了,…就按这个开始吧", "the stop you showed me is right")."""
    return bool(_SHOWN_AGREED.search(text))


# Asked in formal, terse or general words: "敬请告知:…所称“冲突”,具体系指何种情形?", "Kindly furnish an explanation of what constitutes a
# 'conflict'", "The Department wishes to be informed of the likely consequences, should …", "what's the diff between X and Y",
# "这个 rule 具体会 flag 哪些 case?", "should we always do an LR probe? And how many steps is typical?"
# An order for a view on what was asked ("请作研判", "请予分析", "please advise"): no step ordered.
_VIEW_ASKED_FOR = re.compile(r"(?:请|烦请|敬请)(?:作|做|予|予以)?(?:研判|分析|评估|解释|说明)(?:一下)?(?=\W*$)|\bplease (?:advise|explain|assess)\W*$", re.I)
_FORMALLY_ASKED = re.compile(r"(?:敬请|烦请|恳请)?(?:告知|示知)\s*[:：]|系指|何种情形|何种情况|\bfurnish (?:an? )?(?:explanation|account|description)\b|\bwhat constitutes\b|"
                             r"\bwishes to be informed\b|\b(?:likely|possible) consequences\b|(?:倘若|如若|若|如将|如果将?)[^?？。]{2,60}?(?:有何|有什么|会有何?|(?:可能|将会?|会)?(?:产生|导致|带来|造成)(?:何种|哪些|什么))(?:影响|后果|变化)|\bwhat'?s the diff\b(?:erence)?\s+between\b|"
                             r"具体会?\s*(?:flag|标出|标记|抓|查出)\s*(?:哪些|什么)|\bshould (?:we|i) always\b[^?]{0,40}\?|\bhow many [\w ]{0,20}\bis typical\b|"
                             r"\bis (?:that|this|it) typical\b|(?:规则|rule)\S{0,4}是?(?:查|管|干|抓)(?:啥|什么)的|一般(?:要)?跑多少步(?:才)?(?:合适|够|靠谱)", re.I)


def only_view_asked(text: str) -> bool:
    """``text`` asks for nothing but a view or an explanation ("Please advise.", "请作研判。", "请予说明,以便…"): after a question
    ("Query: on resume, does the schedule restart? Please advise."), no step of its own."""
    text = text.strip()
    return any((m := pattern.search(text)) and not rx.search(r"\w", text[:m.start()]) for pattern in (_VIEW_ASKED_FOR, _EXPLAIN_ASKED))


# What follows a question without asking for a step: how to answer it, or what the asker fears ("请正面回答,不要回避", "别让我白忙一场",
# "别到时候啥都没留下", "don't make me redo it all", "answer straight").
_ASIDE = re.compile(r"(?:请|麻烦|你)?(?:正面|如实|直接|老实|认真|明确)?(?:地)?回答(?:我)?(?:一下)?|(?:你|请)?(?:给我|跟我)?(?:讲|说|解释)(?:明白|清楚)(?:点|些|一点)?|(?:讲|说)不(?:明白|清楚)[^?？]{0,12}|(?:不要|别|甭)(?:回避|绕弯子?|打马虎眼|糊弄(?:我)?|敷衍(?:我)?|含糊)|"
                    r"(?:别|不要|省得|免得)(?:让我|到时候|害我|搞得我|弄得我)[^?？]{0,24}|"
                    r"(?:please )?(?:answer|tell me) (?:straight|honestly|directly|plainly)(?: please)?|(?:no|don'?t) (?:beat(?:ing)? around the bush|dodge (?:it|the question))|"
                    r"(?:i )?(?:don'?t|do not) want (?:to lose|to redo|to start over)[^?]{0,30}|(?:don'?t|do not) (?:make|let|leave) me [^?]{0,40}|"
                    r"(?:i'?m |am )?(?:too (?:tired|lazy|busy)|(?:can'?t|cannot) be bothered) to (?:google|look (?:it |that )?up|search)(?: it| that)?|懒得(?:查|搜|百度|谷歌|google)|"
                    r"(?:不能|不行|没有|不会|没)(?:的话)?也(?:无所谓|没关系|无妨|不要紧|罢)|if (?:not|it can'?t)[,.]? (?:no (?:matter|worries|biggie)|that'?s (?:fine|ok(?:ay)?))", re.I)


# Who or what something means, then which of two to put: "{{author}} 是指谁啊,填队长名字还是队名".
_WHO_THEN_WHICH = re.compile(r"(?:是?指(?:的是)?谁|是什么意思|指什么|指啥)[啊呀呢]?\s*[,，]\s*[^,，。;；!！]{0,12}还是[^,，。;；!！]{1,12}(?:啊|呀|呢|嘛)?\s*$")


# An explanation asked for first, the question after it: "敬请释明:…?", "你交代一下,…具体看哪些方面?", "explain this to me: …?"
_EXPLAIN_OPENS = re.compile(r"^\W*(?:(?:敬|烦|还)?请|麻烦)?(?:你|您)?(?:给我)?(?:释明|阐明|说明|解释|解答|交代|讲讲|说说)(?:一下|一二)?\s*[:：,，]|"
                            r"^\W*(?:please\s+)?explain(?: (?:this|something))?(?: to me)?\s*[:,]", re.I)


# "Who's the judge?", "who decides?": who does something, asked (counted only among other questions: "who's the author? put 'X'" asks
# and then asks for a step).
_WHO_ASKED = re.compile(r"\W*who(?:'s| is| are)? (?:the |a )?(?:judge|decides|judges|checks|picks|says|referee)\b[^?？]*[?？]+\s*$", re.I)


def only_asides(rest: str) -> bool:
    """Is what follows a question only asides ("请正面回答,不要回避。", "别让我白忙一场。"), no step asked for?"""
    parts = [p.strip() for p in rx.split(r"[,，。!！~～;；.]+", rest) if p.strip()]
    return bool(parts) and all(_ASIDE.fullmatch(p) for p in parts)


@remembered
def speech_act(text: str) -> str:
    """hypothetical | question | correction | confirmation | command (chit-chat, and a bare yes to a
    pending action, are decided elsewhere). Quoted words are mentioned, not said: a template "how do I
    change my password" asks nothing."""
    if _YES_GO_ON.search(text) or _SHOWN_AGREED.search(text):
        return "confirmation"
    if _OPENS_HYPOTHETICAL.match(text) and is_hypothetical(text):
        return "hypothetical"
    if _LABELLED_QUESTION.match(text):
        return "hypothetical" if rx.match(r"\W*(?:[A-Z][a-z]+-[A-Z][a-z]+\.\s+)?(?:hypothetical|假设)", text, re.I) else "question"
    if _ASKING_OPENER.match(text) and _RELAYED_QUESTION.search(text):
        return "question"  # "I'd like to know how big a share of the data few-shot samples should be": no "I'd like X instead"
    corrected = correction(text)
    if corrected is not None and (rx.match(r"\W*(?:i'?m |i was )?(?:just )?(?:wondering|curious)\b", corrected, re.I) or _OPENS_HYPOTHETICAL.match(corrected)
                                  or rx.match(r"\W*if\b", corrected, re.I)) and is_hypothetical(corrected):
        return "hypothetical"  # "Sorry, just wondering - if my laptop goes to sleep mid-training, does the run stop?": a what-if, politely
    if corrected is not None:  # "Wait, did that last step overwrite my original csv?": asked, after the opener
        if (not asks_what_was_done(corrected) and _ASKED_AFTER_OPENER.match(corrected) and rx.search(r"[?？]\s*$", corrected)
                and not rx.search(r"\d", corrected) and speech_act(corrected) in ("question", "hypothetical")):
            return speech_act(corrected)  # "等下,few-shot 加进去真的有用吗?": a concept asked after the opener, no value put right
        if _DIFFERENCE_ASKED.match(corrected) and speech_act(corrected) in ("question", "hypothetical"):
            return speech_act(corrected)  # "wait whats the difference between sharegpt and alpaca format. is one better": compared, no "?"
        return "question" if asks_what_was_done(corrected) else "correction"
    if _ONLY_THEN.search(text) and rx.search(r"[?？吗]", text[:_ONLY_THEN.search(text).start()]):
        return "question"  # "停止训练之后 checkpoint 还在吗?确认在我才让你停 run-77。": asked first; the step waits on the answer
    if (_WHO_THEN_WHICH.search(text) and not _IMPERATIVE.search(text) and not opens_with_command(text)
            and not rx.search(r"[?？]", text)):
        return "question"  # "身份数据里那个 {{author}} 是指谁啊,填队长名字还是队名": who it means, then which of two, asked without "?"
    if (opener := _EXPLAIN_OPENS.match(text)) and rx.search(r"[?？]\W*$", text) and not opens_with_command(text[opener.end():]):
        return "question"  # "敬请释明:所谓“冲突”记录,贵方系以何种标准认定?", "你交代一下,评估一个训练好的模型,具体看哪些方面?"
    first_asked = rx.match(r"[^?？]+[?？]+", text)
    if (first_asked and first_asked.end() < len(text.rstrip()) and only_asides(text[first_asked.end():])
            and (first := speech_act(first_asked.group(0))) in ("question", "hypothetical")):
        return first  # "停掉以后 checkpoint 还在不在?别让我白忙一场。", "…会不会从头开始?请正面回答,不要回避。": asked, then an aside
    asked_each = rx.findall(r"[^?？]+[?？]+", text)
    if (len(asked_each) >= 2 and "".join(asked_each).strip() == text.strip() and not _TEMPLATES_GIVEN.search(text)
            and all(speech_act(part.strip()) == "question" or _WHO_ASKED.match(part) for part in asked_each)):
        return "question"  # "When you evaluate a run, how do you actually know what it forgot? Who's the judge?": each part asked
    preface = _PREFACE.match(text)
    if preface and not _TEMPLATES_GIVEN.search(text) and (after := speech_act(text[preface.end():])) in ("question", "hypothetical"):
        return after  # "Before I click anything: will dropping the conflicts delete those rows permanently?"
    head = _TIME_CLAUSE_ASKED.match(text)
    if head and speech_act(text[head.end():]) in ("question", "hypothetical"):
        return "question"  # "after a resume, does the learning-rate schedule start over from zero?": a time clause, then asked
    told = _TOLD_THEN_HOW.match(text)
    if (told and not is_request(told.group("told")) and not opens_with_command(told.group("told"))
            and not _THING_NAMED.search(told.group("told")) and not _THING_NAMED.search(told.group("q"))  # ("恢复一下 ckpt-run-55 吧。…会不会…?": a step on a run, then asked)
            and rx.match(r"\W*(?:does|do|will|would|can|is|are)\s+\w+ing\b|[^?？]{0,10}(?:续训|恢复|转换|检查|停止|评估)[^?？]{0,24}(?:会不会|是否|还是|吗)", told.group("q"), re.I)
            and (after := speech_act(told.group("q"))) in ("question", "hypothetical")):
        return after  # "0701 died halfway — does resuming pick up from the last checkpoint or start from scratch?": told, then how it works
    if not _TEMPLATES_GIVEN.search(text) and (
            _QUOTED_QUESTION_EXPLAINED.search(text) or _RELAYED_QUESTION.search(text) or _JUST_ASKING.search(text) or _HOW_WOULD_YOU.search(text)
            or _COMPARED_ASKED.search(text) and not _IMPERATIVE.search(text)):
        # "Slide 6 title: 'Why does epoch matter more than LR?' — explain it", "@Dev wants to know whether…", "…?我就是问问"
        return "hypothetical" if is_hypothetical(text) else "question"
    if _TAG_ASKED.search(text) and not _IMPERATIVE.search(text) and not opens_with_command(text):
        return "question"  # "Stopped, a run is. Its checkpoint kept, is it?": told, then a tag asks whether it is so
    if _WOULD_HAVE.search(text) or _WOULDNT_IT_JUST.search(text):
        return "hypothetical"  # "would 5 have been better though?", "Wouldn't training 60 epochs on 200 rows just make it memorize everything?"
    text = _COLUMN_NAMED.sub(" Q ", _SHOWN_TO_ME.sub("会", QUOTED.sub(" Q ", text)))
    if questions_listed(text):
        return "question"  # "Checklist of my doubts:\n1. Does evaluation need a separate test set?\n2. How is forgetting measured?"
    if _TELL_WHETHER.search(text):
        return "question"  # "Can't you just tell me whether 10 examples per sample would blow past the context length?"
    if _FORMALLY_ASKED.search(text) and not _IMPERATIVE.search(_VIEW_ASKED_FOR.sub(" ", text)):
        # ("…可能产生何种后果?请作研判。": the order asks for a view, not a step)
        return "hypothetical" if rx.search(r"\bshould (?:the|we|it|they)\b[^?.]{0,40}\bbe\b|\bconsequences?\b|倘若|如若|如将|如果将?", text, re.I) else "question"
    first = rx.match(r"[^?？]+[?？]", text)
    if (first and first.end() < len(text.rstrip()) and asks_definition(first.group(0)) and rx.search(r"[?？]\W*$", text)
            and rx.match(r"\W*(?:为什么|为啥|\bwhy\b)", text[first.end():], re.I)):
        return "question"  # "占位符到底是什么意思呀?为什么不直接把名字写进去呢?": a definition asked, then why, asked too
    if is_rhetorical(text):
        return "command"  # "Can't we bin them?", "还等什么?": asked for, as a question nobody answers
    if IF_SO_DO.search(text):
        return "command"  # "还能接着训吗?能的话就接着训", "Can it still be resumed? If so, do it": asked, and asked for
    if asks_how_it_behaves(text):
        return "question"  # "质量检查是直接帮我删数据,还是只标出来让我自己选?": which way a step works, asked
    told_then_asked = tells_then_asks(text)
    explained = _EXPLAIN_ASKED.search(text)
    if explained and rx.search(r"[?？]\W*$", text[:explained.start()]) and plain_question(text[:explained.start()].rstrip(" 。.,，")):
        return "question"  # "空答案与短答案,在检测标准上如何区分?请予说明,以便分类著录。": asked, then explained asked for
    if (CONCEPT_ASKED.search(text) and not is_request(_EXPLAIN_ASKED.sub("", text)) and not opens_with_command(text) and not told_then_asked
            and not (_THING_NAMED.search(text) and rx.search(r"(?:看|查|测|瞅|瞧)(?:一?下|看|查|测|瞅|瞧)", text))):  # ("mofang-07 看下遗忘严不严重": a look asked for)
        return "question"  # (with the file named: how it works, not a look at the file; not "…就是怎么看出…的那种 你用这个做成推理的数据")
    if asks_manual(text) and not (_BARE_IMPERATIVE.search(text) and not rx.search(r"[?？]", text)) or asks_what_was_done(text):
        return "question"  # ("The manual says LoRA can take a larger LR. Rather than trust that blindly, probe …": told, then asked for)
    if _ARROW_ASKED.match(text):
        return "hypothetical"  # "stop now → lose all progress? ✗ or ✓ ?", "resume → same lr schedule or reset to start?": what follows, asked
    if _SCENARIO.match(text) and rx.search(r"[?？]", text):
        return "hypothetical"  # "Scenario: I stop run X halfway\nQuestion: would the adapter be usable?": a case set out, then asked
    if _CONSEQUENCE_ASKED.search(text):
        return "question"  # "Would stopping ctr-lora-b2 right now lose the checkpoint?": what a step would bring, asked
    if is_hypothetical(text):
        return "hypothetical"
    own = "\n".join(line for line in text.split("\n") if not line.lstrip().startswith(">"))
    if _ZH_ASKED_PLAIN.search(own) and not rx.search(r"[?？]", own) and not is_request(text) and not opens_with_command(text):
        return "question"  # "回答特别短的那种 要删吗 一般都咋处理": asked without a question mark
    if _ANSWER_FIRST.search(text):
        return "question"  # "几个问题:1. …2. …先回答第一个吧": questions listed, one to be answered first
    asked = (asks_about(text) or asks_definition(text) or asks_requirement(text) and rx.search(r"[?？吗嘛]|哪些|什么|啥", text)
             or _HOW_IT_IS.search(text) and not is_request(text) and not opens_with_command(text))
    if asked and told_then_asked:
        asked = False  # a story with a "why" in it, then the instruction
    return "question" if asked else "command"


# What a message rules out beside what it asks: "Don't touch FILE, just run the quality check on FILE2", "先别开训,也别探学习率,
# 就根据 FILE 给我推荐一组超参", "我要看的是 FILE,不是原来那个 csv", "I wanted faq-lora-2 stopped, not faq-lora-3". Mixing general
# data in or not is a setting ("不要混通用数据"), read with the others, so it is never ruled out here.
_RULED_OUT = re.compile(
    r"(?:^|(?<=[,，。;；!！\n]))\s*(?:先|也|都|就|可|千万)?(?:别|不要|不用|甭)(?![^,，。;；]{0,4}(?:混|加通用|删|动原))(?!(?:再)?(?:训练?|跑|练)了)[^,，。;；!！?？\n]{1,20}[,，;；。]|"
    r"(?<=[,，。;；])\s*(?:而)?不是(?!很|太|特别|那么)[^,，。;；!！?？\n)）]{1,20}(?<![吗呢吧])(?=[,，。;；!！\n)）]|$)|"
    r"(?:^|(?<=[.,;!\n]))\s*(?:(?:so|and|but|please)\s+)?(?:don'?t|do not|never)\s+(?!mix\b|add\b|drop\b|delete\b|remove\b|touch the original\b)"
    r"(?:touch|stop|kill|start|train|convert|check|run|use|probe|bother with|resume|evaluate)\b(?:[^,;.!?\n]|\.(?=\w)){0,40}[,;.]|"
    r"(?<=[,;—–])\s*(?:and |but )?not (?!too\b|very\b|so\b|that (?:big|long|many|much)\b|(?:kept|removed|dropped|deleted|keep|drop|remove|delete)\b)(?:the |a |an |that |this |my )?(?:(?!\s(?:but|rather)\b)[^,;.!?—–\n]|\.(?=\w)){1,40}(?=[,;.!?—–\n]|\s(?:but|rather)\b|$)|"
    r"\bit'?s not (?:the )?[^,;.!?\n]{1,40}?(?=,\s*it'?s\b)|"
    # the step named first, then put off: "few-shot先不加,CoT也先不要,…", "评估先缓缓,…", "你说要帮我评估?先不用,…"
    r"(?:^|(?<=[,，。;；!！\n]))[^,，。;；!！?？\n]{1,14}?(?:[?？]\s*)?(?:也|都)?先?(?:不加|不要|不用|不做|不搞|不急|缓缓|缓一缓|放一放|别加|别做|别搞)(?:了|吧)?[,，。;；!！]|"
    # a step left for later, before the one for now: "明天再训,今天先把{{name}}填成阿福"
    r"(?:^|(?<=[,，。;；!！\n]))\s*(?:明天|明儿|晚点|晚些|回头|下午|晚上|过两天|下周|later|tomorrow)\s*再\s*(?:训|练|跑|开训|弄|搞|转|说)[^,，。;；!！?？\n]{0,10}[,，。;；!！]|"
    # "顺便,训练那边明天再弄。": the step named, then left for later
    r"(?:^|(?<=[,，。;；!！\n]))\s*(?:顺便[,，]?\s*)?(?:训练|训|开训)[^,，。;；!！?？\n]{0,6}(?:明天|明儿|晚点|回头|以后|下周|过两天)再(?:弄|搞|说|训|跑)\W*(?:$|(?<=[,，。;；!！]))|"
    # the step given up for another: "与其加few-shot不如…", "rather than CoT, give me few-shot", "was gonna wait for eval but …"
    r"与其[^,，。;；!！?？\n]{1,20}?(?=不如)|\b(?:rather than|instead of)\s+(?:doing |adding |running |the |an? )?(?:cot|chain[- ]of[- ]thought|few[- ]?shots?|"
    r"augment\w*|reword\w*|eval\w*|evaluat\w*|prob(?:e|ing)|convert\w*|conversion|quality checks?|check\w*|inspect\w*|fill\w*|suggest\w*)"
    r"(?: (?:samples?|examples?|data|it|them|the \w+))?(?=\s*[,;.!?\n]|$)|"
    r"\b(?:i )?(?:was|were) (?:gonna|going to) [^,;.!?\n]{1,30}?\bbut\b|"
    r"(?:^|(?<=[.,;!\n]))\s*(?:nah|no)?,?\s*(?:don'?t|do not)\s+(?:suggest|recommend|inspect|evaluate|eval|probe|augment|reword|fill|convert)\b[^,;.!?\n]{0,30}[,;.]", re.I)
# …and what it asks instead: a "just/only/就/只" or another verb after the ruled-out words.
_INSTEAD = re.compile(r"\bjust\b|\bonly\b|\binstead\b|就|只|直接|\bit'?s\b|[\w\u4e00-\u9fff]", re.I)


# Settings ruled out are values ("别算ppl了", "not 3 epochs"): read with the others, never blanked.
_SETTING = re.compile(r"ppl|perplexity|困惑度|(?<![A-Za-z])q?lora(?![A-Za-z_-])|epoch|轮|\blr\b|学习率|learning rate|rank|\bsteps?\b|步|通用(?!\s*(?:的\s*)?(?:jsonl?|csv|格式))|general|[\"“‘「]|(?<![A-Za-z])'", re.I)


def without_ruled_out(text: str) -> str:
    """``text`` with what it rules out blanked (same length), when something is still asked after; else ``text``.
    Quoted words (templates, values) and settings are never blanked, nor flagged records no longer wanted ("乱码那几条也不要了,…":
    a drop)."""
    inside = [(a, b) for _, a, b in quoted(text)]
    spans = [m.span() for m in _RULED_OUT.finditer(text)
             if not _SETTING.search(m.group(0)) and not any(a <= m.start() < b for a, b in inside)
             and not (review.rule_named(m.group(0)) and rx.search(r"不要了|不要(?=[,，。;；!！]|$)", m.group(0)))]
    if not spans:
        return text
    kept = mask(text, spans)
    return kept if len(rx.findall(r"[A-Za-z]{2,}|[\u4e00-\u9fff]", kept)) >= 3 and _INSTEAD.search(kept) else text

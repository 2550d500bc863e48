"""After a quality check: a review rule ("把重复的删掉", "keep all flagged by length") and placeholder
values ("name=小助手 author=张三") are requests for ``apply_quality_rule`` and ``fill_placeholders``.

    >>> rule_command("把重复的删掉"), rule_command("keep all flagged by length")
    (('duplicates', 'drop'), ('short_answer', 'keep'))
    >>> rule_command("去重"), placeholder_values("name=小助手, author=张三")
    (None, {'name': '小助手', 'author': '张三'})

Dropping records is consequential: the tool guard turns a drop into a plan the person confirms.
"""
from __future__ import annotations

import re

from assistant.nlu import rx
from assistant.nlu.paths import QUOTED

_DROP = re.compile(r"(?:🔴|(?<!别)(?<!不要)(?:统统|全部?|都|一律)(?:给我)?(?:滚蛋|倒了)|(?:^|(?<=[,.;:]\s))\W*(?:the\s+)?(?:[\w-]+\s+)?(?:dupes?|duplicates|ones|rows|answers)\s+out\s*(?=[.!,;]|$)|剪掉|拔掉|(?<!不)剪了|(?<!别)(?<!不要)倒掉|(?<!别)(?<!不要)(?:全部?)?甩(?:了|掉)|(?<!别)(?<!不要)(?:全部?)?踢(?:了|掉)|(?<!别)(?<!不要)(?:全部?)?销毁|\beliminate (?=them\b|the |those |these |all\b)|(?<!不)(?<!别)滤掉|\bprune\b|\bweed (?:out|them out)\b|\bfilter (?:out )?(?=the |those |these |all |them\b))|\b(?:need|want) (?:the |those |these |all (?:the )?)?[\w -]{1,30}\bgone\b|\b(?:removal|deletion|elimination) of\b|\bonly (?:want|need|keep) (?:one copy of each|clean rows|the clean ones)\b|只留(?:没问题|干净|一份|一条)|每条只?留一份|删掉|删除|删了|删去|去掉|去除|(?<!别)(?<!不要)(?<!不用)撤掉|丢掉|丢了|丢弃|全丢|扔掉|扔了|全扔|剔除|剔掉|剔了|移除|清掉|赶出去|尽去之|红牌|逐出|清仓处理|(?<!别)(?<!不要)(?:请|让)(?:它们|他们|它|这些|那些)?下台|(?<!别)(?<!不要)抹除|(?:请|全部|都|统统)[^。,，]{0,8}下车|\bfold (?=the |those |these |them\b|'?em\b|all\b)|\bmuck (?:em|'em|them|those|it)\b|\b86 (?=the |those |these |them\b|all\b)|(?<!别)(?<!不要)踢出|\bshred (?=them\b|'?em\b|those\b|these\b|the |all\b)|\bcast (?:them |those |these |it )?out\b|\bbanish|\bred[- ]card\b|\ball (?:the )?[\w -]{1,30}? gone\b|去之(?=\W*$)|\bkick (?:out|them out)\b|\bkick \w+(?: \w+)? out\b|不要了|不要(?=[,，。;；!！\s]|$)|\b(?:cut|dump|ditch|bin|toss|nix|axe|scrap) (?:'?em|them|those|these)\b|\bjettison\b|\bdrain (?:'?em|them|those|these) (?:away|out)\b|\bdrop\s*咗|(?<!别)(?<!不要)(?<!不用)(?<!数据)清理(?:掉|出园|出去|干净)?|(?:让|请)(?:它们|他们|这些|那些)[^,，。;；]{0,6}(?:离开|退场|走人|消失)|\bmake (?:'?em|them|those|these|it) (?:disappear|vanish|go away)\b|(?<!别)(?<!不要)退回去|(?<!别)(?<!不要)移出(?!来)|\bcleared for (?:removal|deletion|disposal)\b|\bthrow (?:(?:'?em|them|those|these|it|the \w+(?: \w+)?) )?(?:overboard|out|away)\b|\bout (?:they|it|those|these) go(?:es)?\b|(?:都|全)?给(?:俺|我)去了|(?<!别)(?<!不要)(?<!不可)(?<!不)(?<!难)舍(?:了|去|掉|弃)(?!不得)|(?<!别)(?<!不要)撅了|(?<!别)(?<!不要)驱散|(?<!别)(?<!不要)(?:剷|铲)(?:走|掉|除)|\bcast '?em out\b|\b(?:move|propose|ask) (?:that )?(?:they|those|these|them) be (?:dropped|removed|deleted|struck)\b|"
                   r"(?<![A-Za-z])drop(?!ped (?:it|this|our|the|my|them|in)\b)|(?<![A-Za-z])remove(?!d\s*[:=]?\s*\d)|(?<![A-Za-z])delete(?!d\s*[:=]?\s*\d)|\brm\b|\bdiscard|\bstruck out\b|\bstrike (?:them |those |it )?out\b|\bstrike (?:them|those|it) from\b|\b(?:ones|them|those) out\b|"
                   r"get rid of|get rid o'|\bget rid\W*$|\bwipe (?:'?em|them|those|these|it|'em) out\b|\b(?:obliged|grateful|glad|pleased|happy|thankful) if (?:they|those|these|them) (?:were|are|could be|be|might be) (?:dropped|removed|deleted|struck)\b|throw (?:away|out)|\bthrow (?:[\w-]+ ){1,3}out\b|\btoss|\bkill|\bnuke|\bditch|\bdump (?:all |the |those |them)|\bscrap(?!ed|ing|er)|\baxe|\bbin\b|\bchuck(?!\s+in\b)|\bpurge|(?<!is )(?<!are )(?<!'s )\btrash(?!y)|\byeet|"
                   r"\bcut (?:them|those|these|it)\b|\bcut (?:the |all (?:the )?)?(?:[\w-]+ ){0,2}(?:answers|rows|ones|entries|records|duplicates|dupes)\b|\blet (?:them|those|these|it) go\b|\b(?:can|could|should|may) go\b|\bexclude|\bfilter (?:them |those )?out|"
                   r"\bwalk the plank\b|扔下海|丢下海|(?<!别)(?<!不要)(?<!不)淘汰(?!赛|制|了吗)|斩(?:去|掉|了|杀|之)|[,，]\s*斩\s*[!！。]*\s*$|(?<![不难])舍之|\bcast (?:them|those|these|'?em|it) into the (?:fire|flames|sea|abyss|void|bin)\b|干掉|砍掉|砍了|毙掉|毙了|拿掉|整没|弄没|搞没|去除掉|清除|一个不留|不留(?!死角|余地|情面)|全删|都删|删|去重掉|"
                   # "我不想要训练数据里还有那种短答案", "I don't want one-word answers in the final training data", "Dupes. Gone."
                   r"不想(?:要|让)[^。!！?？]{0,20}?(?:还有|再有|出现)|\bdon'?t want (?:any )?[\w -]{1,30}\bin (?:the |my |our )?(?:final )?(?:training )?(?:data|set|dataset)\b|"
                   r"(?:^|[.,;:—–-]\s*)gone\s*[.!]*\s*$", re.I)
_KEEP = re.compile(r"🟢|\blet (?:those|these|them|the)\b[^.;!?]{0,40}\bremain\b|甭删|莫(?:要)?(?:乱|瞎)?删|(?:留|饶)(?:它们?|他们|她们|其)?一命|(?:暂且|姑且|暂)?(?:存之|留之)(?!何|无|有何|又有|何用)|\b(?:hang|hold) on to (?:'?em|them|those|these|it)\b|\bbring (?:the |those |these |them |it )?[\w -]{0,30}\bback\b|\bleave (?:the |those |these |all (?:the )?)(?:[\w-]+ ){0,3}(?:answers?|rows|ones|records|entries|duplicates|dupes)\b(?=\s*(?:for now|alone|as (?:is|they are)|be\b|in\b|[,.;!]|$))|\bleave (?:em|'em|them)(?=\s*(?:[,.;!]|$|be\b))|\bspare (?:the |those |these |them)\b|撤销(?=[^。]{0,12}(?:删|留))|保留|留着|留下(?!的)|(?<=不是删[,，])\s*是留(?![\u4e00-\u9fff])|留在(?:队里|表里|里面|数据里)|都要|\bleave (?:em|them|'em|those|these|it) in\b|不(?:乱|瞎)?删|别(?:乱|瞎)?删|不要(?:乱|瞎)删|(?:别|不要|不用)撤(?:掉|下来?)?|(?<![A-Za-z])keep(?!s\b)(?!\s+it\s+(?:real|simple|short|clean|quick|tight|moving|up|going|light|brief|together|100|lit|locked)\b)(?!\s+(?:giving|saying|doing|getting|making|coming|asking|going|spitting|producing|outputting|generating|returning|answering|replying|repeating|crashing|failing)\b)|\bkept\b(?!\s+(?:giving|saying|doing|getting|making|coming|asking|going|spitting|producing|outputting|generating|returning|answering|replying|repeating|crashing|failing)\b)|\bretain|\b(?:can|should|may) stay\b|\b(?:ones|them|those|these|they|records|rows|answers|entries|dupes|duplicates)\s+(?:can |should |will |may )?stay\b|\bstays? in the game\b|(?:决定|还是|继续)保持(?=那些|这些|[^,，。]{0,6}(?:答案|记录|样本))|leave (?:them|those|these|the(?: \w+){1,3}) (?:in|alone|be|for now|as is|as they are)\b", re.I)
# Most specific first: "完全重复" before "重复".
_RULE_NAMES = ("exact_duplicate", "near_duplicate", "answer_is_question", "short_answer", "long_answer", "empty_answer",
               "reward_low", "judge_low")
# A length named alone ("长度不够的"), the short answers' only when no other kind is named.
_LENGTH_ONLY = r"长度|length"
_RULES: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), rule) for p, rule in (
    # both kinds said together: "both the identical and the near-identical ones", "不管是一字不差的还是差不多的"
    (r"\b(?:identical|exact)(?: ones| copies| duplicates| dupes)?\s+(?:and|&|or|plus)\s+(?:the\s+)?(?:merely\s+|just\s+|only\s+)?(?:near[- ]?(?:identical|dup\w*)|similar\b)|"
     r"一字不差[^。;；]{0,12}(?:差不多|近似)|(?:完全|精确)重复[^。;；]{0,8}(?:和|跟|与|还是|以及)[^。;；]{0,4}近似", "duplicates"),
    # a rule written by its own name comes first ("answer_is_question", "answer-is-question"; "near-duplicates" is read below)
    *((rf"\b{name.replace('_', '[-_]') if name.count('_') > 1 else name}s?\b", name) for name in _RULE_NAMES),
    # "答案跟问题一模一样的那种": the answer repeats its own question, no duplicate of another record
    (r"(?:答案|回答|答复)(?:本身)?就?是(?:把)?问题又问(?:了)?一遍|(?:答案|回答|答复)本身(?:就|即)?(?:是|为)(?:个|一个)?问(?:题|句)|\b(?:response|answer|reply) (?:is|being) (?:itself |just )?a question\b|"
     r"(?:答案|回答)\s*(?:跟|和|与|同)\s*问题\s*(?:一模一样|完全一样|一样|相同|重复)|问题\s*(?:跟|和|与|同)\s*(?:答案|回答)\s*(?:一模一样|完全一样|一样|相同)|"
     r"\banswers? that (?:ask|are (?:just |merely |only |simply )?questions)\b|\bask instead of (?:tell|answer)|"
     # "answers that are basically questions back", "whose answer field is itself a question", "答案反作问句者"
     r"\banswers? (?:that|which) (?:are|is) (?:basically |really |mostly |just |only )?(?:a )?questions? back\b|\banswer (?:field |column )?is itself a question\b|(?:答案|回答)(?:反|倒)(?:作|成|为)问句|其答(?:犹|如|若)问|"
     # "the answer's just another question", "whose answer is merely a question echoed back"
     r"\banswer(?:'s| is) (?:just |merely |only |simply )?(?:another |a )question\b(?! (?:of|about|for)\b)|"
     # "答案就是把问题抄一遍的", "那些答案长得像问题的": the answer copies or looks like its question
     r"把问题(?:又|原样|原封不动地?)?(?:抄|复制|照搬)(?:了)?一遍(?:当|作为|做)(?:答案|回答)|(?:答案|回答)[^,，。;；]{0,6}(?:把问题(?:的)?(?:原话|原句)?(?:又|原样|原封不动地?)?(?:抄|复制|照搬|重复|复述|复读)(?:了)?一遍|(?:抄|照抄|复制|照搬)(?:了)?(?:一遍)?问题|(?:长得|比问题还)(?:很)?像(?:个|是)?问(?:题|句))|\banswers? (?:is |are )?(?:exactly |just )?(?:the )?same as (?:the |its |their )?(?:own )?questions?\b|\banswers? (?:is |are )?(?:just |only )?(?:a )?cop(?:y|ies) of (?:the |its |their )?questions?\b|"
     # "the answers that are just the question copied back", "答案复述提问", "答案即问题"
     r"\b(?:just )?the question copied back\b|\bthe answer being a question\b|\b(?:just |only )?the question (?:pasted|copied) (?:in )?(?:again|back)\b|\banswer is (?:just |only )?the question (?:pasted|copied|repeated|written)(?: again| back| in)?\b|\banswer is (?:just |only )?the question again\b|(?:答案|回答)(?:只是|就是|都是)?(?:在)?(?:复述|重复)(?:了)?(?:提问|问题)|(?:答案|回答)即问题|\bthe question (?:asked |said |repeated )?back\b|问(?:题|句)当(?:成|作)?(?:答案|回答)|(?:把|将)问题(?:原样|原封不动地?|照样)?(?:又|再)?(?:问|说|抄|念|读|复述)(?:了)?一遍|\banswer[- ]is[- ]the[- ]question\b", "answer_is_question"),
    # "both exact and near dupes", "完全重复和近似重复都删": the two kinds together
    (r"(?:不管|无论|不论)是?\S{0,6}(?:一模一样|完全一样|完全相同|完全重复)\S{0,4}还是\S{0,6}(?:差不多|相似|近似|似曾相识)|(?:both )?exact(?:ly)?(?: duplicates?| dupes?| dups?)? (?:and|&|\+|or) near|(?:完全重复|精确重复|一模一样|完全一样)\S{0,3}(?:和|与|跟|以及|、)\S{0,3}(?:近似重复|近重复|疑似重复|差不多|相似|类似|长得像)|(?:完全一样|一模一样)的?(?:近似|差不多|几乎)一样|(?:近似|疑似|相似)重复\S{0,3}(?:和|与|跟|以及|、)\S{0,3}(?:完全|精确)重复|(?:两种|两样)重复|"
     # "把那些重复的都删掉吧近似重复的也一起删", "both the exact ones and the near ones"
     r"重复的?[^。;；]{0,12}(?:近似|相似)(?:重复)?的?(?:也|一起|一并)|\bexact ones (?:and|&) (?:the )?near(?: ones)?\b", "duplicates"),
    (r"\bexact copies\b|\bexact same (?:rows?|records?|lines?|entries|samples?)\b|(?<!\bback )\bword for word\b|\bexact(?:ly)? (?:the )?same thing twice\b|完全重复|精确重复|一模一样|一摸一样|一字不差|(?<!almost[- ])(?<!nearly[- ])(?<!near[- ])\bidentical (?:twins|rows?|records?|copies|ones|pairs?|entries)\b|exact(?:ly)?[- ](?:the same|duplicat\w*|dupes?|dups?)\b", "exact_duplicate"),
    (r"\bnear[- ]copies\b|\balmost[- ]identical\b|\bnearly[- ]identical\b|\bnear[- ]identical\b|几乎一样|近似重复|近重复|疑似重复|相似|意思相近|相近的|几乎重复|差不多(?:重复|一样)|意思差不多|差不多(?:意思)?的(?:问题|那些|那几条)|长得(?:很|都|挺)?像(?=的|[,，。;；!！\s]|$)|near[- ]?(?:duplicat\w*|dupes?|dups?)|similar", "near_duplicate"),
    # "车轱辘话", "重复啰嗦的": answers that say the same thing over, not duplicated records
    (r"(?<![\u4e00-\u9fff])老重复(?!的数据|的样本|的问答)|复读式|车轱辘话|重复(?:的)?字(?!段)|叠字|重复啰嗦|啰嗦重复|复读机|重复性(?:很|太|较|过|比较|特别|非常)?(?:高|强)|同一句(?:话)?(?:反复|多次|重复)出现|(?:一直|反复|来回)(?:在)?(?:重复|说|讲)(?:同一|一样)?|重复来重复去|反复念叨|颠三倒四|重复(?:念|说|讲|写)?了?好几遍|一句话重复|翻来覆去|(?:说|讲|刷)了?好几遍|刷屏", "repetitive"),
    # "完全一样的那些删掉": exact duplicates in plain words, after the near ones ("近似重复的留着,完全一样的删掉" names both)
    (r"完全一样|完全相同", "exact_duplicate"),
    (r"重复|duplicat\w*|\bdoubled[- ]up\b|(?<![A-Za-z])dupes?(?![A-Za-z])|(?<![A-Za-z])dups?(?![A-Za-z])", "duplicates"),
    (r"冲突|矛盾|抵牾|相悖|conflict\w*|contradict\w*|(?:答案|回答)\S{0,2}(?:对不上|不一致)|\bdisagree\w*|"
     # "同一个问题给了两种不同答案的那些": the conflict described
     r"同一个?问题\S{0,6}(?:两种|两个|多个|几种|不同的?)\S{0,4}(?:答案|回答)|(?:答复|回答|答案)(?:互相)?打架|说法(?:互相|彼此)?(?:打架|不一(?:样|致)|对不上|矛盾)|同样(?:的)?问[^,，。;；]{0,24}?(?:答案|回答)不(?:一样|同)|同一个?问题(?:的)?(?:答案|回答)(?:却|但|又)?(?:不一样|不同|不一致)|答得不一样|(?:两|几)种(?:不同的?)?说法|同问不同答|(?:答案|回答)(?:在|互相|彼此)?打架|问题相同但?(?:是)?(?:答案|回答)不(?:一样|同)|\bsame question\b[^.]{0,30}\b(?:different|two|conflicting) answers\b|打架的(?:那些|那几条|几条|记录|数据)?", "conflict"),
    (r"待补充|待定|\bTBD\b|\bTBC\b|lorem ipsum|\bstubs?\b|占位|placeholders?|\{\{[^{}]{1,20}\}\}|\[(?:INSERT|YOUR|NAME|COMPANY)[A-Z _-]{0,30}\]|(?-i:\[(?!(?:WARN|WARNING|ERROR|INFO|DEBUG|TODO|OK|FAIL|FAILED|PASS|NOTE|FIX|DONE|WIP|TIP)\])[A-Z][A-Z _-]{1,30}\])", "placeholder"),  # "[INSERT NAME]-type blanks"
    (r"(?:答案|回答)\s*空空|\bblank (?:ones|answers?|rows|entries)\b|空白(?:的)?(?:那些|答案|回答)|空着(?:没填|没写|没答)?(?:答案)?的|没(?:有)?(?:答案|回答)的|无(?:答案|回答)的|没(?:写|填|给)(?:答案|回答)|(?:答案|回答)没(?:写|填|给)|\bthe empty ones\b|\banswer is (?:literally |just |only )*(?:empty|blank)\b|(?:回答|答案)空着的?|(?:答案|回答)空空如也|空无一字(?:的)?(?:答案|回答)|\bempties\b|空白(?:的)?(?:答案|回答)|(?:答案|回答)(?:是)?空白|空答案|空的?回答|空的?回复|(?:答案|回答|答复)为空|(?:答案|回答)是空的|没有答案|empty[- ]answers?|blank[- ]answers?|no answers?|missing answers?|"
     # "where the answer field is blank", "entries found wholly empty of answer"
     r"\banswer(?:'s)? (?:field |column )?(?:is |was |are |left )?(?:just |only |basically )?(?:blank|empty)\b|\banswers? (?:(?:that|which) (?:are|were) (?:left )?|left )(?:blank|empty)\b|\bempty of (?:an? |any )?answers?\b|^\W*空的(?=\s*(?:全|都)?\s*(?:删|去掉|留|不要))", "empty_answer"),
    (r"乱码(?![^,，。;；]{0,4}(?:其实|但|并|却)不是)|garbled|garbeld|gabled|gargled|gibberish|mojibake|问号方块|变成(?:了)?(?:问号|方块)|豆腐块", "garbled"),
    (r"答非所问|反问|\b(?:echo(?:es|ing)?|restat(?:es?|ing)|repeat(?:s|ing)?|parrot(?:s|ing)?)(?: back)? (?:a |the )?question\b|\bthe question (?:repeated|parroted|echoed|restated)\b|\banswers? (?:just |only )?(?:repeats?|restates?|echo(?:es)?) the question|\banswer is (?:basically |really |simply |itself )?(?:just |only )?(?:asking|another question|a question)|\banswers? that (?:are|is) (?:just )?questions?\b|(?:答案|回答)(?:只是|就是)?(?:重复|复述)(?:了)?问题|(?:拿|用|以)问题(?:来)?回答问题|(?:答案|回答)(?:本身|还|仍然?|也|反而|倒|居然|竟然){0,2}(?:又|就)?(?:是|为)(?:个|一个)?(?:问句|问题|反问|提问)|(?:答案|回答)(?:栏|列)里?(?:写|填)的(?:其实|都|全)?是问题|问句(?:式)?的?(?:答案|回答)|answers? (?:that )?(?:is|are) (?:just |only |also |itself |themselves )?(?:a |another )?questions?|"
     # "answers that just ask the user a question back", "The answers which is same like a question"
     r"\banswers?[- ]is[- ]an?[- ]question\b|\banswer[- ]as[- ]question\b|\banswers? (?:that|which) (?:just |only )?ask\b.{0,30}\bquestions?\b|\b(?:a|another) question back\b|\banswers? (?:that|which) (?:is|are) (?:the )?same (?:like|as) (?:a |the )?questions?|\banswers? which (?:is|are) (?:a |just )?questions?\b", "answer_is_question"),
    (r"太短|过短|短答案|短回答|短回复|短的|短得|(?:答案|回答|回复)短个|\bone-?word (?:answers?|replies|ones)\b|short(?![- ](?:story|notice|while|term|list)\b)|\b(?:a|one|two|a few) words?(?: or two)? long\b|\banswers? of (?:but |only |just |merely )?(?:a word or two|one or two words|a single word|one word)\b|(?:只有|就)一两个字|(?:答案|回答|答语|回复)(?:过于|太|很|都)?简短|简短(?:者|的(?:答案|回答|那些))|(?:答案|回答|回复)(?:就|只有)一句(?!话重复)|(?:就|只)回(?:个|了?一句)|\b(?:only|just|merely) (?:a couple of|a few|one or two|two or three) words\b", "short_answer"),
    # (not "Long story: …", "a long time", "so long")
    (r"太长|过长|超长|\bover-?long\b|(?:特别|非常|很|巨|贼|老|超级)长(?!期|久|时间)|长答案|长回答|长回复|长的|长得(?:离谱|过分|夸张|吓人)|又臭又长|裹脚布|(?<!\bso )\blong(?![- ](?:story|stories|time|ago|day|days|week|weeks|while|term|weekend|shot|haul|way|run|night)\b)", "long_answer"),
    (_LENGTH_ONLY, "short_answer"),
    (r"\brepeats? the same (?:sentence|phrase|line|thing|word)\b|\bover (?:and|n|&) over\b|\b(?:\d+|two|three|four|five|several|many) times in a row\b|啰嗦|复读|repetitive|reptitive|repetative|repeats? itself|repeat themselves|\b(repeat\w*),\s*\1\b|\banswers? (?:that|which) (?:just |only |keep )?repeat\b(?!\s+(?:the |a |their |its |back )?(?:questions?|prompts?)\b)", "repetitive"),
    (r"困惑度|(?<![A-Za-z])ppl(?![A-Za-z])|perplexity", "perplexity"),
    (r"所有(?:被)?标记|全部(?:被)?标记|(?:标记|标出来|标出|查出来|查出)的(?:全部|全都|都|所有)|all (?:the )?flagged|everything (?:(?:it|that|the check|you) )?(?:flagged|found)|everything (?:that )?(?:got|was|is|gets) (?:flagged|marked)|"
     r"all (?:the )?(?:ones|records|rows|stuff) (?:it|that|the check|you) (?:flagged|found)", "all"),
)]
# A value (never the next name: "file: name = X"): quoted, or up to a comma; English words that go on capitalised belong to it ("Acme Corp").
# The marks a value is quoted with, all of them, and those that open and close one.
_OPENING, _CLOSING = "\"'“「『«‘", "\"'”」』»’"
_QUOTES = _OPENING + _CLOSING
_VALUE = (r"(?![A-Za-z_]\w*(?:\s*(?:[=＝:：]|->|→|是|为|叫)|\s+is\b))(\"[^\"]+\"|'(?:[^']|'(?=[A-Za-z]))+'|“[^”]+”|‘[^’]+’|「[^」]+」|『[^』]+』|«[^»]+»|(?:(?!作者|名字|名子|就行|就好|即可|把(?:这|那|它|他|她)|帮我|麻烦|填进|填上|填到|填入|(?<=[\u4e00-\u9fff])(?:author|name)\s*(?:填|写|=|:|是|为))[^\s,，;；、。{}?？)）])+(?:(?<![a-z]{3}\.)(?<!\.(?=\s+(?:Fill|Please|Thanks|Cheers|Ta|Go|Do|Put|Use|Set|Make|Done|That)\b))\s+(?![A-Za-z_]\w*\s*[=:：])(?:(?-i:[A-Z])[\w&.'’-]*|\d+[A-Za-z]*(?=\s+(?-i:[A-Z]))|(?<![\n\d])\d+(?=[.,;，。；](?:\s|$)|$)|&\s+[\w.'’-]+|(?:of|for|de|la|the)\s+(?=(?-i:[A-Z]))(?-i:[A-Z])[\w&.'’-]*))*)")
# "name=小助手", "author: ACME", "name 是 小助手": a value the person gives for a placeholder.
_PAIR = re.compile(r"(?<![A-Za-z0-9_{])([A-Za-z_][A-Za-z0-9_]{0,30})\s*(?:应该|要|便|就)?\s*(?:=|＝|:|：|->|→|就叫|就是|叫做?|题作|题为|是|为|改成|换成|填成?|写成?|设为|设成|\bis\b)\s*" + _VALUE)
# "{{name}} 换成 小智", "{{author}} -> Acme": the placeholder itself, then its value.
_BRACED = re.compile(r"\{\{\s*(\w+)\s*\}\}[ \t]*(?:placeholders?\s+)?(?:in\s+\S+\.(?:json|jsonl)\s+)?(?:应该|要|就|能|能不能|可以|可不可以|都|全部|(?:您|你)?给(?:俺|我|咱)?|当|宜|应)?[ \t]*(?:fill[ \t]*成|赐名|取名为?|题|叫做?|填做|填作|设为|设成|(?<=\}\})[ \t]*填一下[ \t]*[:：]?(?=\S)(?![A-Za-z_]+\s*(?:叫|是|=|:))|取值(?:为)?|值为|\b(?:needs|has|have|ought) to be\b|\bmust be\b|\bbe (?:set|changed|filled(?: in)?|replaced) (?:to|with|as)\b|\bbe\b(?!\s+\w+ed\b)|replace\s*成|写成?|换成|成为|变成|替换成|替换为|改成|改为|填成|填为|填|=|:|：|→|->|\bwith\b|\bto\b|\bas\b|\bbecomes\b|\bis\b|\bshould be\b)\s*"
                     + _VALUE)
# "名字叫阿福,作者是福田团队": the usual placeholders called by their Chinese names.
_ZH_KEYS = {"作者名": "author", "署名": "author", "个名": "name", "名儿": "name", "名字": "name", "名子": "name", "名称": "name", "称呼": "name", "助手名": "name", "机器人": "name", "助手": "name",
            "作者": "author", "公司名称": "author", "公司名": "author", "机构名": "author", "作着": "author", "开发者": "author", "开发方": "author", "开发商": "author", "出品方": "author",
            "开发单位": "author", "公司": "author", "机构": "author", "单位": "author"}
# A value said again after "还是", with the verb that puts it ("名字还是填 阿福", "还是用阿福吧").
_STILL_PUT = r"还是\s*(?:填成?|写成?|用|叫做?|改成)?"
_ZH_PAIR = re.compile(r"(?<!个人)(?<!我的)(?<!本人)(?<!自己的)(?<!自己)(?<!亲爱的)(?<!尊敬的)(?<!列)(?<!栏)(?<!字段)(" + "|".join(_ZH_KEYS) + r")\s*(?:[的个個](?:名字|名称|名)?|(?<=助手)(?:名字|名称))?\s*(?:(?:不变|没变|照旧|不改)\s*[,，]?\s*)?(?:那一?栏|那一?项|那个字段|那个占位符|占位符|那个变量|字段|栏)?\s*[,，]?\s*(?:应该|要|就|先|将)?(?:帮我|请|都|全部|统一|麻烦|是否可以|是否能|可否|能否|能不能|可不可以|可以)?\s*(?:叫做?|" + _STILL_PUT + r"|仍是|是(?!否)|为|曰|填为|填做|填作|命名为|(?:填|写)上|填写为|填成?|写成?|换成|改成|改为|改做|改作|设成|设为|定为|定成|用|=|:|：)\s*(?!进|到|入)" + _VALUE)
# "名字叫 阿福,作者 福瑞数据": a key starting a phrase, a space, the value
_ZH_SPACED = re.compile(r"(?:^|(?<=[\s,，:：;；。]))(" + "|".join(_ZH_KEYS) + r")(?:\s+(?![不没照一])(?=[^\s,，]{2})|\s*(?=[“「]))" + _VALUE)
# "the name should be "Nova"", "swap the {{author}} bits in x.json for "Team Orion"": the usual placeholders in English.
_EN_PAIR = re.compile(r"(?i:\bset (?:the )?(?:(?:assistant|bot|model)(?:'s)? )?(name|author)(?: (?:in|of) (?:this|the|my|that) (?:file|dataset|data))? (?:to|as))\s+" + _VALUE + r"|"
                      r"(?i:\b(?:the )?(?:bot|assistant|model|agent)(?P<n> )?(?:is|should be) (?:called|named))\s+" + _VALUE + r"|"
                      r"(?i:(?<!sheet )(?<!file )(?<!column )(?<!field )(?<!tab )(?<!run )(?<!model )\b(name|author)(?:\s+(?:placeholder|field|value))?\s+(?:is|should be|should read|reads|will be|to be|becomes|must be|stays|remains|is still|(?:needs|has) to be|be(?=\s+[\"'“])))\s+"
                      + _VALUE)
# "{{name}} 用 AcmeBot 替换掉", "{{author}} 都拿 星河 填上": the value between "用" and the verb.
_BRACED_USE = re.compile(r"\{\{\s*(\w+)\s*\}\}\s*(?:都|全部?|统一|就)?\s*(?:用|拿|以)\s*" + _VALUE
                         + r"(?=\s*(?:来)?\s*(?:替换|换|填|代替|顶替)|\s*[,，;；。!！]|\s*$)")
# "set author to Contoso AI and name to Cora": the second pair of a "set … to …" list.
_AND_TO = re.compile(r"(?i:\bset\b[^.;。；]{0,80}?\band (?:the )?(name|author) (?:to|as))\s+" + _VALUE)
_BRACED_LATER = re.compile(r"\{\{\s*(\w+)\s*\}\}(?:(?!名字|名称|作者|(?i:\bname\b|\bauthor\b))[^{}\"“]){0,24}?(?:填成|填为|填上|换成|改成|替换成|替换为|写成)\s*[:：]?+\s*" + _VALUE + r"|"
                           r"\{\{\s*(\w+)\s*\}\}[^{}\"“]{0,40}?(?i:\bput)\s+" + _VALUE + r"\s+(?i:there|in its place|instead)\b")
_BRACED_FOR = re.compile(r"\{\{\s*(\w+)\s*\}\}[^{}\"“]{0,40}?(?i:\b(?:for|with))\s+" + _VALUE + r"|"
                         r"(?i:\bfor\s+)\{\{\s*(\w+)\s*\}\}\s*(?i:use|put|write|enter)\s+" + _VALUE + r"|"
                         r"\{\{\s*(\w+)\s*\}\}[ \t]*[,，]?[ \t]*(?:请|就)?(?:填|写|用|放)(?![吧了上进到入])[ \t]*" + _VALUE)
_FILL = re.compile(r"填|\bfill|\bcomplet(?:e|ed|ing)\b|替换|换成|改成|改为|\breplace|\bswap|\bsubstitut\w*|\bput\b|\bpopulat\w*", re.I)
# "name 换成 小淘", "author 写 星河电商", "and author to 'CS Lab'": the usual placeholders by name, in other words.
_NAME_TO = re.compile(r"(?<![A-Za-z0-9_{])(name|author)\s*(?:占位符|placeholder)?\s*(?:帮我|请|都)?\s*(?:replace\s*成|命名为|换成|改成|改为|改做|改作|替换成|替换为|填写为|填写成|设置为|设为|写为|填为|填做|填作|写成?|填成?|用|应该是|应为)\s*" + _VALUE + r"|"
                      r"(?i:\b(name|author)(?:\s+placeholder)?\s+(?:to|as))\s+(\"[^\"]+\"|'[^']+'|“[^”]+”)")
_HOLE = re.compile(r"占位|placeholders?|placehold?ers?\b|placehodlers?|palceholders?|\{\{|模板变量|模板里的变量|template var(?:iable)?s?\b|变量|"
                   r"(?:花括号|大括号)[^,，。;；?？]{0,6}(?:没|未|待)填|(?:几|哪些|多少)(?:个|处)?空(?:要|需要|待|还没|没)?填|空缺|要填的(?:那些)?空|双大括号|\bcurly[- ]brace|\bwhat needs filling\b|\bblanks? (?:in|to fill|(?:that )?(?:i|we) (?:need|have) to fill|(?:that )?needs? filling)\b", re.I)
# "list the template vars", "列出占位符": fill_placeholders without values lists them.
_LIST = re.compile(r"\blist(?:ed)?\b|列出|列一下|列个|列给我|(?<![\u4e00-\u9fff])列(?=占位|模板变量)|哪些|(?:有)?几(?:个|处)|\b(?:which|what) (?:placeholders|template var)|哪些(?:占位|模板变量|变量)|show (?:me )?(?:the |all )?(?:template|placeholder)", re.I)
# "有没有…占位符没替换的", "any unfilled placeholders?": a look for them, not a fill.
_LOOK = re.compile(r"有没有|有无|是否|[没未](?:有)?(?:填|替换)|\bany\b|\bare there\b|\bunfilled\b|\bleft\b", re.I)
# Arguments of other tools written the same way are never placeholder values.
_NOT_PLACEHOLDERS = {"lora_r", "lora_rank", "lora_alpha", "lora_dropout", "n_epochs", "num_epochs", "num_train_epochs", "please", "pls", "plz", "thanks", "thx", "note", "ps", "backstory", "background", "context", "fyi", "update", "story", "lr", "learning_rate", "epochs", "epoch", "k", "n", "batch", "batch_size", "bs", "rank", "r", "alpha",
                     "dropout", "max_steps", "steps", "seed", "fraction", "to", "format", "path", "file", "question_field",
                     "answer_field", "sheet", "base_model", "model", "max_len", "max_length", "warmup", "mix_general",
                     "bot", "data", "them", "those", "these", "placeholder", "placeholders", "template", "templates", "assistant", "agent", "it", "this", "that", "there", "what", "in", "on", "of", "for", "with", "at", "fill",
                     "set", "and", "follows", "below", "following", "one", "blanks", "blank", "gaps", "holes", "lead", "boss", "manager", "pm",
                     "out"}


_NOT_DROP_BUT_KEEP = re.compile(r"(?:不是|并非)\s*(?:删|删掉|删除|去掉|丢掉)(?:啦|了|呀|啊)?\s*[,，。;；!！]*\s*(?:而)?是\s*(?:要)?(?:保留|留)|"
                                r"(?:不是|并非)(?:让你|叫你|要你?)(?:删|删掉|删除|去掉|丢掉)[^,，。;；]{0,12}[,，]\s*(?:而)?是\s*(?:要)?(?:保留|留)|"
                                r"(?:说的是|要的是)\s*[“\"'「]?(?:保留|留着)[”\"'」]?[^,，。;；]{0,12}[,，]\s*(?:而)?不是\s*(?:删|删掉|删除)|"
                                r"(?:不是|并非)\s*(?:删|删掉|删除|去掉|丢掉)\s*[,，。;；!！]\s*[^,，。;；]{0,12}?(?:要|得|是)?\s*(?:保留|留着|留下)|"
                                r"\bnot (?:to )?(?:drop|remove|delete)\b.{1,30}?\bkeep\b", re.I)
_LEAVE_ALONE = re.compile(r"\S{0,3}\s*(?:不用动|别动|不要动|不动|不用管|先不动|先别管|别管(?!是)|不管了|保持不变|不许删|不准删|不能删)|\s*(?:\w+\s+){0,2}(?:stay|stays|untouched|alone)\b", re.I)
# A kind left for later: "精确重复的等会儿再说", "the exact ones can wait"
_DEFERRED = re.compile(r"\S{0,3}\s*(?:等会儿?|等一下|等下|回头|以后|稍后|晚点|之后|过后)再(?:说|看|定|处理|弄|议)|\s*(?:\w+\s+){0,2}(?:can wait|for later)\b", re.I)
_BUT_MEANT = re.compile(r"撤销(?:一下)?|\bundo (?:that|it|this|dropping|removing|deleting)\b|还是(?=\s*(?:留|保留|删))|\bbut (?:i )?meant\b|\bi meant\b|\bactually\b|其实是?|我是说|我的意思是|本来是?想|"
                        r"改一下\s*[:：,，]|改成\s*[:：]|\bchange that\s*[:：,]", re.I)


def decides(text: str) -> bool:
    """A keep or drop is said ("keep them", "都丢掉"), whatever it is about."""
    return bool(_KEEP.search(text) or _DROP.search(text) or _LEFT_ALONE.search(text))


_NO_KEEP = re.compile(r"\b(?:don'?t|do not|never|no need to|(?:i'?d|we'?d) rather not|(?:i|we) would rather not|prefer not to)\s+(?:keep|retain)\b|(?:别|不要|不用|不必|不予|无需|毋需|毋庸)(?:再)?(?:留|保留)(?!着?也行|也可以)", re.I)


def _kinds_followed_by(text: str, follows) -> set[str]:
    """The rules whose first mention in ``text`` is followed by what ``follows(end)`` accepts ("完全重复的不用动")."""
    return {name for pattern, name in _RULES for m in [pattern.search(text)] if m and follows(m.end())}


# A step of the plan called off by its name ("替换占位符那步不要了", "skip the placeholder step"): no records are dropped.
_NAMED_STEP_OFF = re.compile(r"(?:那|这)一?步(?:骤)?\s*(?:就|也|先)?\s*(?:不要了|不做了|免了|取消了?|算了|跳过|去掉)|"
                             r"\b(?:skip|leave out|drop|cancel|scrap)\s+the\s+[\w -]{1,30}?\s+step\b", re.I)


def step_called_off(text: str) -> bool:
    """A step of the plan called off by its name ("替换占位符那步不要了", "leave out the placeholder step")."""
    return bool(_NAMED_STEP_OFF.search(text))


# "既然原文件会保留,…": the original file kept, which decides nothing about the flagged rows
_ORIGINAL_KEPT = re.compile(r"原(?:文件|数据|表|始文件|始数据)[^,，。;；]{0,6}(?:会|都|也)?(?:保留|留着|不变|不动)|\b(?:the )?original (?:file )?(?:is|will be|stays?) (?:kept|untouched)\b", re.I)
# A list of decisions, one per item: "乱码删掉;空答案删掉;短答案保留" (the first is done first)
_DECISION_ITEMS = re.compile(r"\s*[;；]\s*")


_STEP_POINTED = re.compile(r"((?:第|步骤)\s?[\d一二三四五六七八九十]\s?步?\s?(?:里那个|里的|的|那个))(删除?|去掉)")


_KEEPING_RISKY = re.compile(r"留着(?:反而|的话|会|就|也)?\s*(?:有|会|是)?\s*(?:泄露|泄密|安全)?(?:风险|隐患|祸害)|\bkeeping (?:them|it|those) (?:is|would be) (?:risky|a risk|dangerous)\b", re.I)


# A decision word quoted alone, for stress: "我说的是“保留”近似重复", 'I said "keep", not drop'.
_WORD_MENTIONED = re.compile(r"(?:\s*(?:一词|二字|两个字|这个词|这个字|系|是|为))*\s*(?:笔误|口误|写错|打错|错字|typo|was a typo|is a typo)", re.I)  # ("“保留”一词系笔误")
_STRESSED = re.compile(r"[\"“「『‘'](?:保留|留着|删除|删掉|删|keep|drop|remove|delete)[\"”」』’']", re.I)


def rule_command(text: str) -> tuple[str, str] | None:
    """(rule, "drop" | "keep") when ``text`` tells what to do with flagged records, else None."""
    text = _ORIGINAL_KEPT.sub(lambda m: " " * len(m.group(0)), text)
    # "第2步里那个删近似重复,我想保留": the step pointed at by what it does; the decision is said after it
    text = _STEP_POINTED.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    text = _KEEPING_RISKY.sub(lambda m: " " * len(m.group(0)), text)  # "…都删掉,留着反而有泄露风险": why, not a keep
    # "Drop the short answers like you dropped the empty ones", "刚才完全重复的怎么删的,近似重复的也照样删掉": the model, not the rule
    text = rx.sub(r"\b(?:like|as|the way) you (?:did|dropped|removed|deleted|kept|handled)\b[^,.;!?\n]{0,40}|刚才[^,，。;；]{0,16}怎么(?:删|处理|弄|留)的",
                  lambda m: " " * len(m.group(0)), text, flags=re.I)
    items = [item for item in _DECISION_ITEMS.split(text) if item.strip()]
    if len(items) >= 2 and all(rule_named(item) and decides(item) for item in items):
        return rule_command(items[0])
    if step_called_off(text):  # "去重那步跳过,…只把空答案删了就行": the step called off is no rule; what else is said still counts
        text = ",".join(part for part in rx.split(r"[,，;；。]", text) if not step_called_off(part))
        if not text.strip():
            return None
    if (undecided := _UNDECIDED.search(text)) and not decision(text[undecided.end():]):
        return None  # "有 30 条重复,先跟你说一声,删不删我回头问下组长": nothing decided yet
    text = _DROPPED_BEFORE.sub(lambda m: " " * len(m.group(0)), text)  # "删完重复的就剩这么多": a drop told as done, nothing decided
    if _ONLY_FLAG.search(text):
        return None  # "仅检查并标记,不做任何删除", "just flag them, delete nothing": a check, nothing decided
    picked = _PICKED_ONE.search(text)
    if picked and (name := rule_named(picked.group(1) or picked.group(2))):
        # "✅ exact dupes → drop\n☐ garbled text → drop\n☐ long answers → ?\ndo the garbled one": the rule picked, decided on its line
        own_line = next((line for line in text.split("\n") if rule_named(line) == name and picked.group(0) not in line), "")
        if decided := decision(own_line) or decision(text[picked.end():]):
            return name, decided
    now = _DECIDED_NOW.search(text)
    if now and now.start() > 0 and (decided := rule_command(text[now.end():])) is not None:
        return decided  # "冲突的那些下午我找业务确认,现在先把空答案的都删掉": the rule decided now, not the one left for later
    slip = rx.search(r"(?:是|是个|说)?(?:口误|说错了|搞错了|说反了)\s*[,，;；。!！]+\s*", text)
    if slip and slip.end() < len(text):  # "我刚说删短答案是口误,短答案全部保留": what was said wrongly is not the rule
        said = rule_command(text[slip.end():])
        if said is not None:
            return said
    parts = [p for p in rx.split(r"\s*[,，]\s*", text) if p.strip()]
    # a rule and a decision in each of two or three parts: each part's own reading
    each = [rule_command(p) for p in parts] if 2 <= len(parts) <= 3 and all(rule_named(p) and decides(p) for p in parts) else []
    if (each and None not in each and {"exact_duplicate", "near_duplicate"} <= {r for r, _ in each} <= {"exact_duplicate", "near_duplicate", "duplicates"}
            and len({d for _, d in each}) == 1):
        return "duplicates", each[0][1]  # "完全重复的不要,差不多重复的也不留,两样重复统统丢掉": both kinds, one decision
    if (each and len({rule_named(p) for p in parts}) == len(parts) and each[0] is not None
            and not rx.search(r"\bfirst\b|先|错了|不对|让你|\bmeant\b|[.。!！?？]\s*\S", text, re.I)):
        return each[0]  # "空答案的删,占位符那些留着", "近似重复的先留着,另外完全一样的那些删掉": a rule each, the first said first
    # (offsets kept: they are compared with the text's; a decision word quoted alone is stressed, not named: "我说的是“保留”")
    said = rx.sub(r"还(?:留着|保留着|带着)", "还有", QUOTED.sub(lambda m: m.group(0) if _STRESSED.fullmatch(m.group(0)) and not _WORD_MENTIONED.match(text, m.end())
                                                               else " " * len(m.group(0)), text))
    # "don't keep the duplicates", "别留重复的", "不要保留冲突的": keeping ruled out is a drop
    said = _NO_KEEP.sub(lambda m: ("drop" if m.group(0)[0].isascii() else "删").ljust(len(m.group(0))), said)  # (offsets kept)
    said = _KEEP_FOR_NOTHING.sub(" ", said)  # "乱码的留着干嘛,全删了": no keep  # "还留着没填占位符的": still has; "You said \"dropping …\"": theirs
    keep = _KEEP.search(said) or (None if _DROP.search(said) and not _NOT_DROP_BUT_KEEP.search(text)
                                  else _KEEP.search(rx.sub(r"还(?:留着|保留着|带着)", "还有", text)))  # ("数据里还留着占位符": still has)
    drop = _DROP.search(said) or (None if keep else _DROP.search(text))
    while drop and keep and keep.start() <= drop.start() < keep.end():
        drop = _DROP.search(said, keep.end())  # "答案太短的别删": the 删 of 别删 is the keep's own word
    if not (keep or drop):
        alone = _kinds_followed_by(text, lambda end: _LEFT_ALONE.match(text, end)) - {"all"}
        return (alone.pop(), "keep") if len(alone) == 1 else None  # "回答太短的先别动,…": the one kind named, left as it is
    # "标成重复的(包括近似重复)", "the duplicates (including near ones)": what the rule includes is not the rule
    text = _INCLUDING.sub(lambda m: " " * len(m.group(0)), text)
    left_alone = _kinds_followed_by(text, lambda end: _LEAVE_ALONE.match(text[end:end + 12]) or _DEFERRED.match(text[end:end + 12]))
    # ("完全重复的不用动", "精确重复的等会儿再说": that rule is not the one meant)
    named_kinds = {name for pattern, name in _RULES if pattern.search(text)}
    several = len(named_kinds - {"duplicates"}) >= 2
    other_kinds = named_kinds - {"all", "short_answer"}
    ruled_out = lambda m: rx.search(r"(?:不是|并非|\bnot|rather than|instead of" + (r"|除了|\bexcept(?: for)?|\bother than|\bbut not" if several else "")  # noqa: E731
                                    + r")\s*(?:(?:删|去|留|保留|drop|remove|keep)?(?:掉|除)?\s*|the\s+)$", text[max(0, m.start() - 16):m.start()], re.I)
    # (a rule's words inside another's that is ruled out are ruled out with it: "Not near-duplicates, … the placeholder ones")
    spans = [m.span() for pattern, _ in _RULES for m in pattern.finditer(text) if ruled_out(m)]
    rule = next((name for _, pattern, name in sorted(
        ((m.start(), pattern, name) for pattern, name in _RULES for m in [pattern.search(text)]
         if m and name not in left_alone and not ruled_out(m) and not any(a <= m.start() < b for a, b in spans)
         and not (pattern.pattern == _LENGTH_ONLY and other_kinds)),  # ("near dupes can stay, they're for different board lengths")
        key=lambda hit: (_RULES.index((hit[1], hit[2])), hit[0]))), None)  # "不是短答案,是长答案": the one not ruled out
    decided_at = (drop or keep) if not (drop and keep) else None
    if rule is not None and rule != "duplicates" and decided_at is not None and several:
        # "drop the long answers, compliance wants them short": the kind right after the decision word is its object
        after = sorted((m.start(), name) for pattern, name in _RULES for m in pattern.finditer(text, decided_at.end(), decided_at.end() + 16)
                       if name not in left_alone and name != "all" and not ruled_out(m) and not any(a <= m.start() < b for a, b in spans))
        if (after and rx.fullmatch(r"\s*(?:(?:the|all|those|these|of|any)\s+)*", text[decided_at.end():after[0][0]], re.I)
                and not {rule, after[0][1]} <= {"exact_duplicate", "near_duplicate", "duplicates"}):
            clause_end = re.compile(r"[^,，.。;；!！?？\n]*").match(text, decided_at.start()).end()  # (not "drop the garbled ones and the empty answers")
            others = {name for pattern, name in _RULES if pattern.search(text, decided_at.start(), clause_end)} - {after[0][1], "all", "duplicates"}
            if not others:
                rule = after[0][1]
    if rule is not None and decided_at is not None and len(list(_DROP.finditer(said))) + len(list(_KEEP.finditer(said))) == 1:
        # "重复的都留着,庭审里本来就有好多相似的问题": the kind named beside the one decision that opens the message, not one named
        # in the reason after it
        start = max(text.rfind(mark, 0, decided_at.start()) for mark in ",，.。;；!！?？\n") + 1
        end = re.compile(r"[^,，.。;；!！?？\n]*").match(text, decided_at.start()).end()
        unquoted = QUOTED.sub(lambda m: " " * len(m.group(0)), text)  # ("像 Excel 的“删除重复项”那样删掉": quoted words name no kind)
        own = [name for pattern, name in _RULES for m in [pattern.search(unquoted, start, end)]
               if m and name not in left_alone and name != "all" and not ruled_out(m)]
        if (own and rule not in own and not text[:start].strip()  # (the decision opens the message: the reason comes after; not
                and not rx.search(r"你|\byou\b|我说的是", text, re.I)):  # "你刚才准备删的是近似重复,我说的是精确重复")
            rule = own[0]
    if rule is None and left_alone and keep:
        return next((name for _, name in _RULES if name in left_alone and name != "duplicates"), "duplicates"), "keep"  # "the near-duplicates can stay": the one rule, left
    if rule is None:
        return None
    if keep and drop and (settled := _settled_last(text)):
        return rule, settled  # "我想删……还是留着?……最后决定:删掉", "留着供起来吗?全删了", "Overruling Sam: keep them.\n> …I'd remove them"
    said = _SAID_EARLIER.search(text)
    if said and keep and drop and said.start() < min(keep.start(), drop.start()):
        # "Earlier I said to keep all the long answers, but … Please drop the long_answer ones instead": the later word decides
        # ("scratch what I said … - keep the short answers, don't drop them": a drop said not to be done decides nothing)
        done = [m for m in _DROP.finditer(text, said.end()) if not rx.search(r"(?:don'?t|do not|never|别|不要|不用)\s*$", text[max(0, m.start() - 8):m.start()], re.I)]
        return rule, "keep" if keep.start() > drop.start() or not done else "drop"
    undone = _UNDONE.search(text)
    told_dropped = lambda m: rx.match(r"(?:dropped|deleted|removed)\b|(?:删掉|删除|删)了?的", text[m.start():], re.I)  # noqa: E731
    if undone and (keep or drop and drop.start() < undone.start()) and not any(
            m.start() > max([undone.end()] + [k.end() for k in _KEEP.finditer(text)]) and not told_dropped(m) for m in _DROP.finditer(text)):
        return rule, "keep"  # "撤销刚才的删除——近似重复那批先留着", "I dropped all the conflicts and regret it. Bring them back.": a drop taken back
    if undone and drop and all(told_dropped(m) for m in _DROP.finditer(text)):
        return rule, "keep"  # "restore the dropped short answers": what was dropped, brought back
    meant = list(_BUT_MEANT.finditer(text))
    if meant and keep and drop:  # "I said drop the short answers but I meant keep them": what was meant decides
        after = text[meant[-1].end():]
        keep, drop = _KEEP.search(after), _DROP.search(after)
        if keep and drop and rx.search(r"(?:不是|\bnot)\s*$", after[max(0, keep.start() - 4):keep.start()], re.I):
            return rule, "drop"  # "刚才那步改一下:乱码的不是保留,是删掉": the keep named only to be ruled out
        if drop and rx.search(r"(?:don'?t|do not|never|别|不要|不用)\s*$", after[max(0, drop.start() - 8):drop.start()], re.I):
            return rule, "keep"  # "keep the long ones actually, don't drop them": a drop said not to be done
        if keep or drop:
            return rule, "keep" if keep and not (drop and drop.start() < keep.start()) else "drop"
    if drop and (rx.search(r"(?:don'?t|do not|never|别|不要|不用)\s*$", text[max(0, drop.start() - 8):drop.start()], re.I)
                 or rx.search(r"(?:(?<![能要可])别|(?<!要)不要|(?<!用)不用|千万别|(?<!许)不许|(?<!准)不准|(?<![能可])不能)\s*(?:把|将)[^,，。;；!！?？]{1,24}$",
                              text[max(0, drop.start() - 30):drop.start()])
                 or keep and rx.search(r"(?:never said|didn'?t say|did not say|didn'?t mean|did not mean|没说要?|不是要?)\s*(?:to\s+)?$", text[max(0, drop.start() - 14):drop.start()], re.I)):
        return rule, "keep"  # "don't drop the short answers", "别删"
    if keep and (_NOT_DROP_BUT_KEEP.search(text) or drop and rx.search(r"\bnot\s*$", text[max(0, drop.start() - 6):drop.start()], re.I)):
        return rule, "keep"  # "不是删,是保留", "not drop - keep"
    if rx.search(r"留着过年", text):
        return rule, "drop"  # "重复的不删留着过年吗": kept for nothing, so dropped
    if keep and drop and rx.search(r"(?:不是|\bnot)\s*$", text[max(0, keep.start() - 6):keep.start()], re.I):
        return rule, "drop"  # "不是留着,短答案那些删掉": the keep named only to be ruled out
    spots = sorted({m.start() for pattern, _ in _RULES for m in [pattern.search(text)] if m})
    if keep and drop and len([a for a, b in zip(spots, spots[1:] + [10 ** 6]) if b - a > 4]) >= 2:
        # "短回答要留着 我说删的是重复的": two rules, a decision each; the one said next to the chosen rule is its own
        at = next(m.start() for pattern, name in _RULES if name == rule for m in [pattern.search(text)] if m)
        return rule, "keep" if abs(keep.start() - at) < abs(drop.start() - at) else "drop"
    return rule, "keep" if keep and not (drop and drop.start() < keep.start()) else "drop"


# A drop taken back: "撤销刚才的删除", "删了,后悔了,恢复回来", "undo the last drop", "regret it. Bring them back."
_UNDONE = re.compile(r"(?<!不可)(?<!不能)(?<!无法)(?:撤销|撤回|回滚)|\broll ?back\b|\brevert\b|(?:保留|留)回来|后悔|删错了|(?:恢复|加|放|找)回来|\bundo\b|\bregret\b|\brestore\b|\breinstate\b|\bput (?:them|those|these|it) back\b|"
                     r"\btake back (?:the|that|my) (?:drop|deletion|removal)\b", re.I)
_DROPPED_BEFORE = re.compile(r"\b(?:already|has|have|had)\s+(?:removed|dropped|deleted|cleaned out|taken out)\s+(?:the\s+|all\s+)?[\w -]{0,30}?(?=[.;,]|$)|"
                             r"[^,，。;；]{0,12}(?:他|她|他们|同事)(?:也|已经|都)?(?:删|去)(?:了|掉了|过了)|删完[^,，。;；\s]{0,6}?的?(?=就|还|后|之后|剩)|(?:删|去)(?:掉|了)?(?:之后|以后)|去完重|\bafter (?:dropping|removing|deleting)(?: the)? [\w-]+", re.I)
# Whether to drop or keep, left open: "删不删", "留不留", "keep them or not, not sure yet".
_UNDECIDED = re.compile(r"删不删|留不留|要不要删(?![^,，。;；]{0,8}(?:删|留))|\b(?:keep|drop) (?:them|those|it) or not\b(?!\s*[?,:-]\s*(?:keep|drop))", re.I)


_PICKED_ONE = re.compile(r"\b(?:do|go with|pick|start with|handle|deal with|tackle)\s+the\s+([^,.;\n]{3,30}?)\s+(?:one|ones)\b|(?:先做|就做|先处理|先弄)([^,，。;；\n]{2,10}?)(?:那个|那条|那项|那一项|这一条|这条|这一项|这项)", re.I)
_DECIDED_NOW = re.compile(r"(?:[,，;；。]|\.(?=\s))\s*(?:but\s+)?(?:现在先?|目前先|\bright now\b|\bfor now\b)\s*[,，]?\s*", re.I)
_ONLY_FLAG = re.compile(r"(?:仅|只)(?:检查|标记|标出)|不做任何删除|不包括任何删除|不含(?:任何)?删除|不(?:要|做)?删除任何|\b(?:just|only) (?:check|flag|mark)\b|\b(?:delete|drop|remove) nothing\b|\bno (?:deletions?|removals?)\b", re.I)
_SAID_EARLIER = re.compile(r"\b(?:earlier|before|previously|yesterday)\W+i (?:said|told you|asked)\b|\bi (?:said|told you) earlier\b|"
                           r"\b(?:ignore|forget|disregard|scratch) what i (?:said|wrote|told you)\b|(?:忘掉|别管|忽略)我(?:刚才|之前)?说的|(?:之前|刚才|前面|昨天)(?:我)?说(?:过|了|的是)?|"
                           # what the assistant proposed, then put right: "刚才你说要删短答案,…留下", "you had near-dupes set to drop — … keeping them"
                           r"(?:刚才|之前|头先)?你(?:刚才|之前)?(?:说|想|打算)?要(?=删|留|保留)|\byou (?:had|have) [^.;!?]{1,30}? set to (?=drop|keep)|\byou (?:said|wanted|suggested|proposed) to (?=drop|keep|remove|delete)", re.I)
_INCLUDING = re.compile(r"[(（]\s*(?:包括|包含|含|连同|including|incl\.?|plus)[^)）]{1,30}[)）]", re.I)
_TAIL_WORDS = re.compile(r"((?:\s+[a-z][\w&.-]*){1,2})(?=\s*(?:[,，;；。.!！]|$))")
_NOT_TAIL = {"and", "then", "please", "pls", "plz", "thanks", "train", "convert", "in", "on", "to", "for", "with", "the", "it",
             "now", "too", "also", "first", "again", "ok", "okay", "thx", "ty"}


def _lower_words_after(text: str, m: re.Match) -> str:
    """"author=infra team": one or two lower-case words that end the phrase belong to a value written after "="."""
    if m.group(2)[:1] in "\"'“「" or m.group(2).endswith("."):
        return ""  # ("author = Nimbus Cloud Billing Support. file is FILE": the full stop ended the value)
    tail = _TAIL_WORDS.match(text, m.end())
    if not rx.search(r"[=＝:：]", m.group(0)) and not (tail and rx.search(r"\bis\s", m.group(0)) and rx.fullmatch(r"(?:\s+[a-z][a-z&.-]*){1,2}", tail.group(1))
                                                       and not text[tail.end():].strip(" .。!！")):
        return ""  # after "is", only English words that end the message ("… author is nightowl studio")
    return tail.group(1) if tail and not set(tail.group(1).split()) & _NOT_TAIL else ""


def _without_full_stop(value: str) -> str:
    """"Baker & Lane LLP." ending the sentence: the full stop is the sentence's, unless the word is cut short ("Acme Inc.")."""
    value = rx.sub(r"(?<=[\u4e00-\u9fff]{2})[”」\"']?(?:啦|吧|呀|哦|哈|喔|嘛|咯)$", "", value)
    value = rx.sub(r"(?<=\S)[!！]+$|\s+(?-i:NOW|ASAP|PLEASE|PLS|PLZ|THX|THANKS)[.!！]*$", "", value)  # "名字叫 销冠助手!!", "author is Acme Inc. NOW."
    value = rx.sub(r"(?<=\w)(?:\.{2,}|…+)$", "", value)  # "name Pixel... author …": the trailing dots are the pause's  # "个名就叫阿宝啦": the particle is the sentence's
    if value.endswith(".") and not rx.search(r"\b(?:Inc|Ltd|Co|Corp|St|Jr|Sr|Bros|Dr|Mr|Ms|Mrs|No)\.$", value):
        return value[:-1]
    return value


_STILL = re.compile(r"^(?:still|unchanged,?|仍然是?|仍是|还是|依旧是?|照旧是?)\s*", re.I)  # "name is still Nova": the value is Nova
_UNCHANGED_AFTER = re.compile(r"\s*(?:没变|不变|不用改|照旧|as before|unchanged|(?:like|as) (?:we|i) (?:said|agreed|discussed)|as discussed|like before)$", re.I)  # "name 还是小芸没变": the value is 小芸


_KEY_LIKE = re.compile(r"(?i:name|author|company|organi[sz]ation|org|developer|maker|publisher)|\w+_\w+")


# A possessive inside a name ("St Mary's Parish Council", "HM Coroner's Office"): its apostrophe is the name's, no closing quote.
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])(?<![Nn]ame)(?<![Aa]uthor)(?<!\b[Ii]t)(?<![Tt]hat)(?<![Ww]hat)(?<![Hh]ere)(?<![Tt]here)'(?=s [A-Z])")
_APOSTROPHE = "\u02bc"  # (a letter, so no pattern reads it as a quote; put back in the values found)


def placeholder_values(text: str) -> dict[str, str]:
    """Placeholder name → value pairs written in ``text`` (quotes removed), other tools' options excluded."""
    text = rx.sub(r"\b(?:yesterday|today|last (?:week|time|run))'s\s+(?=[\"'“‘])", "", text, flags=re.I)  # "as yesterday's 'Echo'": the value quoted
    # "[uploaded: band_identity.json] Fill the placeholders — …": the upload's note, no key and value
    text = rx.sub(r"[\[【]\s*(?:uploaded|attached|upload|attachment|file|已上传|附件|上传)\s*[:：][^\]】\n]{1,160}[\]】]", " ", text, flags=re.I)
    # "名字……填「眠眠」……作者……填「…」", "The name... is 'Vivienne'. The author... 'Sterling Industries'": a pause after the key
    text = rx.sub(r"(名字|名称|作者|\b[Nn]ame|\b[Aa]uthor)(?:\s*…+\s*|\.{3,}(?=\s))", r"\1 ", text)
    found = _placeholder_values(_POSSESSIVE.sub(_APOSTROPHE, text))
    return {key: value.replace(_APOSTROPHE, "'") for key, value in found.items()}


def _placeholder_values(text: str) -> dict[str, str]:
    if rx.search(r"\bmy name(?:'s| is)\b|我(?:的名字)?叫", text, re.I) and not _FILL_WORDS.search(text) and "{{" not in text:
        return {}  # "Just remember my name's Priya": the person's own name, no placeholder's
    if _EITHER_OR_ASKED.search(text) and not rx.search(r"填|写|改|换|\bfill\b|\bset\b|\{\{|identity|名字|名称|作者|\bauthor\b|\bname\b", text, re.I):
        return {}  # "你是机器人还是真人啊": asked which, nothing to fill
    text = rx.sub(r"(?:sheet|tab|工作表|表|列|栏|字段)\s*(?:的)?\s*(?:名字|名称)", "表名", text, flags=re.I)  # "sheet名字叫 科目三": a sheet's name
    text = _QUOTED_KEY.sub(r"\1", text)  # "「本模型」名称为「律小助」,「开发方」为「衡平律所」": the keys in quotes as defined terms
    text = rx.sub(r"(填|写|改|换)一下\s*[(（]", r"\1一下, ", text)  # "名字填一下(模型叫 小安,作者是 安信科技)": the values in brackets
    pairs = {}
    found = _named_pairs(text) + [(m.group(1), m.group(2) + _lower_words_after(text, m)) for m in _PAIR.finditer(text)
                                  # "what even is lora": a word linked by "is" is a key only when it is a placeholder's kind of name
                                  if not rx.match(r"\s*is\b", text[m.end(1):], re.I) or _KEY_LIKE.fullmatch(m.group(1))
                                  or "{{" + m.group(1) in text]
    for key, value in found:
        key = key.lower() if key.lower() in ("name", "author") + _AUTHOR_WORDS else key  # "Author is Orbit AI", "- Company: X"
        key = "author" if key.lower() in ("autor", "auther", "athor", "authro", "auhtor") else key  # "autor = Tinkr Inc": a typo'd key
        if key[:1].isupper() and "{{" + key not in text:
            continue  # "Rebranding is eating my life": a sentence's subject, not a placeholder
        if key.lower() not in ("name", "author") and value.strip("\"'“”‘’ ").lower() in ("name", "author"):
            continue  # "One more time: name 'Juniper', author '…'": the key after a colon is the next key, not a value
        if (key.lower() not in ("name", "author") + _AUTHOR_WORDS and "_" not in key and "{{" not in text
                and not _FILL_WORDS.search(text)):
            continue  # "through the sieve: score it": a word and a colon, with nothing about placeholders around
        if (key.lower() in _NOT_PLACEHOLDERS or key in pairs or not rx.search(r"\w", value) or value.rstrip(":：") in ("一下", "一下子", "下") or "{{" in value
                or value.strip() in ("里", "中", "内", "里面", "里头", "上")  # "起名字:FILE 里名字填「小禾」": where, after a file, no value
                or rx.match(r"一下\s*[(（]", value)
                or _NO_VALUE.match(value) or rx.match(r"(?:called|named)\b", value, re.I)
                # "front desk: identity_gym.json needs…": a file is no value, nor a lowercase word after a key of no placeholder
                or key.lower() not in ("name", "author") + _AUTHOR_WORDS and rx.fullmatch(r"\s*[\w.-]+\.(?:jsonl?|csv|xlsx?|tsv|txt)\s*", value, re.I)
                or key.lower() not in ("name", "author") + _AUTHOR_WORDS and "{{" + key not in text and rx.match(r"\s*[a-z]+\b(?!\s*[A-Z0-9\"'“‘「])", value)):  # "…: the assistant …", "帮我换成这俩",
            # "our product is called X": the link word is no value (the name is read by its own words)
            continue  # "Placeholder task:\n- file: …": a list's bullet is no value
        if whole := rx.match(r"\s*(\"[^\"]{1,60}\"|“[^”]{1,60}”|「[^」]{1,60}」)(?=[.。,，;；]\s*\S)", value):
            value = whole.group(1)  # '{{name}} = "Clerk-9". 3. {{author}} = …': the quoted value ends where its quote does
        inner = rx.search(r"[「“\"]([^」”\"]{1,40})[」”\"]?", value)
        if inner and inner.start() > 0:
            value = inner.group(1)  # "作者写我们公司「福田数据」": the name in quotes, not the words before it
        as_quoted = value[:1] not in _OPENING and any(o + value + c in text for o, c in zip(_OPENING, _CLOSING))
        # (a value quoted whole is the person's as written: author "Still Waters Studio")
        bare = value.strip() if as_quoted else _UNCHANGED_AFTER.sub("", _STILL.sub("", value)).strip(_QUOTES + " ")
        bare = rx.sub(r"^(?:(?:我们|我司)(?:公司|团队|单位)?|本(?:公司|团队|单位))(?=[A-Za-z\u4e00-\u9fff]{2})|^(?:our company|our team)\s+", "", bare)  # "作者写我们公司Loopin"
        if not bare:
            continue  # "Sign-off blocker: FILE still has …": "still" and a file are no value
        # "是“装好啦”": a quoted value keeps its last character; an unquoted one loses the sentence's particle or full stop
        if value[:1] not in _OPENING:
            bare = rx.split(r"['’\"”](?=[.,;!?]\s)", bare)[0]  # "…: 'name should be Orion, author Northwind Labs'. That's all": the quote ends the value
        pairs[key] = bare if value[:1] in _OPENING and value[-1:] in _CLOSING else _without_full_stop(bare)
    if (pairs or "{{" in text or _HOLE.search(text) or rx.search(r"identity", text, re.I)
            or rx.search(r"\bname\b|名字|名称", text, re.I) and rx.search(r"\bauthor\b|作者", text, re.I)  # both keys: "the name put X, author put Y"
            or rx.search(r"填|\bfill\b", text, re.I) and rx.search(r"(?:名字|名称|作者)[^,，。;；]{0,6}[“「'\"]", text)  # "给 FILE 填一下作者「星河实验室」"
            # "the author ought to read 'Hargreaves & Daughters'": the key, a link word, a quoted value
            or rx.search(r"\bthe (?:name|author)\b (?:ought to|should|must|needs to|has to|is to) (?:be|read)\s+[\"'“]", text, re.I)):
        for m in _KEYED.finditer(text):  # the key in any words, then any link word, then its value
            key = "name" if rx.search(r"name|名|call|product|产品|助手|机器人|模型|它|自称|自己叫|introduce|自我介绍|^\s*就$", m.group(1), re.I) else "author"
            if key not in pairs and not _NO_VALUE.match(m.group(2)) and not rx.match(r"一下\s*(?:[(（,，]|$)", m.group(2)):
                pairs[key] = m.group(2).strip(_QUOTES + " ") if m.group(2)[:1] in _OPENING else _without_full_stop(_UNCHANGED_AFTER.sub("", _STILL.sub("", m.group(2))))
    for word in [k for k in pairs if k.lower() in _AUTHOR_WORDS and "author" not in pairs and "{{" + k not in text]:
        pairs["author"] = pairs.pop(word)  # "- company: Northwind Finance": identity.json's maker is its {{author}}
    if pairs.get("author") and (place := rx.search(re.escape(pairs["author"]) + r",\s+([A-Z][\w.'-]+)\W*$", text)):
        pairs["author"] += ", " + place.group(1)  # "author is Block Agriculture Extension Office, Nashik": the place ends it
    return _values_in_order(text) or pairs


_FILL_WORDS = re.compile(r"identity|placeholder|占位|身份|\bfill\b|填", re.I)
_EITHER_OR_ASKED = re.compile(r"还是[^,，。;；!！]{1,10}(?:啊|呀|吗|呢|嘛)?\s*[?？]?\s*$")
# What a placeholder's value never is: a pronoun for values said before ("换成这俩"), "wrong" ("名字填错了"), an article.
_NO_VALUE = re.compile(r"^(?:[吧了啊呀哈吗嘛呢]|上吧|上了|(?:进|上)去\S*|什么\S*|啥\S*|谁\S*|哪\S*|怎么\S*|the|a|an|to|be|this|that|these|those|them|it|这俩|这两个|它们|这些|那俩|错了|反了|placeholders?|fill|set|put|change|还?空着|还没填|未填|没填|empty|blank|\S*[吗呢])$", re.I)  # ("这个助手是免费的吗": asked, no value)  # ("author 还空着,填成 X": no value yet)
# A placeholder named in any of its words, any word linking it to a value, then the value: "the name placeholder to Keys", "The
# name would be 'Mabel'", "name shall be 'Counsel'", "the assistant to be called "Atlas"", "{{name}} 改做「阿Bot」",
# "author 还是 橙子网络", "出版社是“青灯文库”".
_KEYED = re.compile(r"(\{\{\s*(?:name|author)\s*\}\}|(?:定|命|取)名(?=\s*(?:为|叫))|\b(?:name|author)\b(?:\s+(?:placeholder|field|value))?|名字|名称|作者|名(?=\s*(?:当|应当?)填)|(?<![件表列段姓书题签域单])名(?=\s*(?:就|也)?\s*(?:填|写)(?:成|做|作|为)?\s*[“「\"'『])|开发方|开发者|出版社|出品方|(?:产品|助手|机器人|模型|它)(?:[\u4e00-\u9fff]{0,5}?(?:对外|想|要|时|的时候))?(?=\s*(?:就)?叫)|"
                    r"\b(?:assistant|bot|model|agent|product)\b[^.,;\n]{0,20}?\b(?:called|named)(?=\s+(?:[\"'“]|(?-i:[A-Z])))|"
                    # "call it Morel", "let's call the assistant "Marmalade"": the name given by calling it
                    r"\bcall(?:ing)? (?:it|him|her|the (?:assistant|bot|model|agent)|our (?:assistant|bot))(?=\s+(?:[\"'“]|(?-i:[A-Z])))|"
                    # "I need the bot to call itself Nova", "know its name is Pip", "模型自称「小满」", "说自己叫「豆豆」"
                    # "introduce itself as Juniper", "自我介绍是「小鹿」"
                    r"\b(?:introduces? itself|introduce (?:yourself|itself)) as(?=\s+(?:[\"'“]|(?-i:[A-Z])))|自我介绍(?=\s*(?:是|为|叫)\s*[「“\"'])|"
                    r"\bcalls? itself(?=\s+(?:[\"'“]|(?-i:[A-Z])))|\bits (?:own )?name is(?=\s+(?:[\"'“]|(?-i:[A-Z])))|自称|(?:说)?自己叫(?=\s*[「“\"'])|(?:^|(?<=[?？!！。]))\s*就(?=叫\s*[「“\"']))"
                    # "名字麻烦填“小橙”", "作者那里大概写…", "名字或许可以填成…": courtesy or a hedge between the key and its link
                    r"(?:\s*(?:那里|这里|那儿|那栏|那一栏|那块|这块|那一块))?(?:\s*(?:麻烦|请|帮我|帮忙|就|或许|也许|大概|可以|可能|这回|这次|这一次|这趟|应该|应当|当|要))*"
                    r"\s*(?:[=＝:：]|->|→|[^.\n—–]{0,50}?\s[—–]\s*it'?s(?=\s+(?-i:[A-Z\u4e00-\u9fff「“\"']))|(?<=\bit)|(?<=him)|(?<=her)|(?<=assistant)|(?<=bot)|(?<=model)|(?<=agent)|(?<=itself)|(?<=itself as)|(?<=yourself as)|(?<=name is)|(?<=自称)|(?<=自己叫)|\bput\b|\b(?:is|are) to be(?: (?:given|set|filled in|filled|put|written|entered)(?: as| to)?)?|(?:would|shall|should|will|must|to|ought to)\s+(?:just\s+|simply\s+)?(?:be|mean|read)(?:\s+(?:proclaimed|declared|known as|called|named|set to|given as|written as))?|\bis\b|\bto\b|是(?!否)|为|(?:就)?叫做?|改做|改作|改成|换成|转为|整成|弄成|搞成|代以|代为|(?:统一)?(?:填写|填|写)(?:成|为|上)?|寫成?|将?被(?=\s*[“「\"'][^”」\"']{1,30}[”」\"']\s*(?:取代|替换|代替|替代))|" + _STILL_PUT + r"|還是|\bwith(?=\s*[\"“「])|(?<=called)|(?<=named)|(?<=名字|作者|名称)(?=\s*[“「'\"]))\s*"
                    + _VALUE, re.I)
_AUTHOR_WORDS = ("company", "organization", "organisation", "org", "developer", "maker", "publisher")  # "{{author}} with Orion and …" is the list, not one pair


def values_as_written(text: str, plain: str) -> dict[str, str]:
    """Placeholder values of ``text``, also those only found in its mainland wording ``plain`` ("作者係「星河科技」"),
    each taken as the person wrote it ("{{name}} 換成「小幫手阿寶」": found in the converted text, written in the original)."""
    values = placeholder_values(text)
    in_plain = placeholder_values(plain) if plain != text else {}
    if len(plain) == len(text):
        in_plain = {k: text[plain.find(v):plain.find(v) + len(v)] if v not in text and plain.find(v) >= 0 else v
                    for k, v in in_plain.items()}
    return values if len(values) >= len(in_plain) else {**in_plain, **values}


# "name 填错了,应该是“铁匠格伦”": the value said wrong, then the right one; "make author 'Acme Corp IT'".
_RETAKEN = re.compile(r"(?<!sheet )(?<!sheet)(?<!tab )(?<!表)(?<!列)(?<!文件)(?<!字段)(?:\b(name|author)|(作者名?|名字|名称|助手名))\s*(?:(?:填|写|改|设|打|弄|搞)?(?:错了|反了)(?:\s*[,，]?\s*不是\s*[^\s,，]{1,20})?|不是\s*[^\s,，]{1,20})\s*[,，]?\s*"
                      r"(?:而)?(?:应该是|应为|应该叫|改成|是)\s*" + _VALUE, re.I)  # "名字不是小智,是“小博”"
# "Put Harbor Legal as the {{author}}": a value put in, in other words.
_PUT_AS = re.compile(r"\bput\s+[\"'“]?([^\"'”{}]{1,60}?)[\"'”]?\s+(?:as|in|into|for|in for)\s+(?:the\s+)?\{\{\s*(\w+)\s*\}\}", re.I)
_REPLACE_BY = re.compile(r"\breplace (?:the\s+)?\{\{\s*(\w+)\s*\}\}.{0,40}?\b(?:by|with)\s+[\"'“‘]([^\"'”’]{1,60})[\"'”’]", re.I)
# "fill them with name 'Atlas' and author 'Northwind Labs'": the placeholder's name, then its quoted value.
_AS_VALUE = re.compile(r"\b(name|author)\s+as\s+(?!is\b|it is\b|before\b|usual\b|it was\b)((?:[^,;\n'\"“”]|(?<=\w)'(?=\w))+?)(?=\s+and\s+(?:the\s+|its\s+|their\s+)?(?:name|author)\b|\s*[,;.\n]|\s*$)", re.I)
# "let the name be Shepherd, and the author be Grace Fellowship Tech": each value wished for, in a letter's words
_LET_BE = re.compile(r"\b(?:let|and) (?:the |its |their )?(name|author) be\s+((?:[^,;\n'\"“”]|(?<=\w)'(?=\w))+?)(?=\s+and\s+(?:let\s+)?(?:the\s+|its\s+)?(?:name|author)\b|\s*[,;.\n]|\s*$)", re.I)
_BRACED_QUOTED = re.compile(r"\{\{\s*(\w+)\s*\}\}(?:\s*(?:当作|当成|作为|乃|即|用|填成?|写成?|为|是|[:=：])\s*|\s+)[\"'“‘「『]([^\"'”’」』]{1,60})[\"'”’」』]")  # ("{{name}} 当作「青玄子」")
_KEY_QUOTED = re.compile(r"(?<![\w{])(name|author)\s+[\"'“‘]([^\"'”’]{1,60})[\"'”’]", re.I)
# "please put 'Lua' for the name", "用“小智”作为 name": a quoted value, then the placeholder it is for.
_VALUE_FOR = re.compile(r"\b(?:put|use|write|enter|fill in|and)\s+[\"'“‘]([^\"'”’]{1,60})[\"'”’]\s+(?:down\s+)?(?:for|as|in|in for)\s+(?:the\s+)?(?:\{\{\s*)?(name|author)\b", re.I)
# "Put Milo in for name": an unquoted value put in for a placeholder.
_PUT_IN_FOR = re.compile(r"\b(?:put|use)\s+((?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])[\w&.'-]*){0,3})\s+(?:in\s+for|as)\s+(?:the\s+)?(?:\{\{\s*)?(name|author)\b", re.I)


# "Author's wrong, it's 'Kestrel Analytics'": the value said wrong, then the right one, in English.
_WRONG_EN = re.compile(r"\b(name|author)(?:(?:'s| is| was) (?:wrong|misspelled|a typo)|(?: isn'?t| is not| wasn'?t) [^,;\n]{1,40}?)\W+(?:it'?s|it is|should be|it should be|make it)\s+" + _VALUE, re.I)  # "the author isn't QuickFix, it's …"
# "it is made by Hartmann & Weber": the maker named in words is the author.
_MADE_BY = re.compile(r"(?:\b(?:it|he|she|they|(?:the )?(?:assistant|bot|model|agent))(?:'s| is| was| were)?\s+|(?:^|[,;:，；：-]|\band)\s*)(?:made|developed|built|created|maintained) by\s+"
                      + _VALUE, re.I)
# "that Harbor School made it", "是「阳光幼儿园」做的": the maker named before the making.
_MADE_IT = re.compile(r"\bthat\s+((?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])[\w&.'-]*){0,3}|[\"'“][^\"'”]{1,60}[\"'”])\s+(?:made|built|created|developed) (?:it|him|her)\b|"
                      r"(?:是|由)\s*(?:[「“\"]([^」”\"]{1,30})[」”\"]|(?![^\s,，。;；]*?(?:哪|什么|谁|啥|几))([^\s,，。;；「“\"是由{}]{2,16}?))\s*(?:做|开发|出品|制作|研发|训练|打造)的(?![^。!！\n]{0,6}[?？吗呀啊呢])|"
                      # "由“XX县市场监管局”开发,请把 FILE 里的占位符填上": quoted, the maker needs no 的
                      r"由\s*[「“\"]([^」”\"]{1,30})[」”\"]\s*(?:开发|出品|制作|研发|打造)(?![^。!！\n]{0,6}[?？吗呀啊呢])", re.I)
# "Name's Nova, not Nora", "name's Buddy, author's Riverside Labs": the key's contraction, then its value.
_KEY_CONTRACTED = re.compile(r"(?<![\w{])(name|author)'s\s+(?!(?:been|got|not|still|wrong|a|the)\b)" + _VALUE, re.I)
# "set the author in identity.json to Lumen Wedding Studio": the file said between the key and its value.
_SET_IN = re.compile(r"\bset (?:the )?(?:\{\{\s*)?(name|author)(?:\s*\}\})?(?: placeholder)? (?:in|of|for) [^,;。，]{1,40}? to\s+" + _VALUE, re.I)
# "put our company down as the author in the identity data: Harbour Metals Export Ltd": the key, then its value after a colon.
_KEY_THEN_COLON = re.compile(r"\bas the (name|author)\b[^:：\n]{0,40}[:：]\s*" + _VALUE, re.I)
# "我们会把助手命名为“知行”", "模型应该叫“小智”": the assistant named.
_NAMED_AS = re.compile(r"(?:助手|机器人|模型|它|bot)\S{0,4}?(?:命名为|取名为?|起名(?:叫|为)|(?:应该|要|就)叫做?)\s*[「“\"']([^」”\"']{1,30})[」”\"']", re.I)
# "the assistant's name is to be 'Sage'", "putting our bot name in — it's Pip": the name, told after the words for it.
_NAME_ITS = re.compile(r"(?i:\b(?:the |our |my )?(?:assistant|bot|model|agent)(?:'s)? name\b(?: (?:is to be|should be|will be|is))?(?:[^.;\n]{0,12}?(?:[—–:-]|,)\s*(?:it'?s|it is))?)\s+(?=[\"'“「]|(?-i:[A-Z]))" + _VALUE)
# "作者别填我个人名字,改成“译林术语组”", "名字不要用小智,换成「小博」": what the key is not to be, then what it is.
_ZH_NOT_THAT = re.compile(r"(作者|名字|名称)\s*(?:别|不要|不用|不是|不能)(?:填|写|用|叫)?[^,，。;；]{1,16}[,，]\s*(?:而是|要|请)?(?:改成|换成|改为|填成?|写成?|用)\s*" + _VALUE)
_ZH_GLUED = re.compile(r"(?:^|(?<=[\s,，:：;；。!！]))(名字|作者)(?![叫是为填写改用就不别要的也都还换设那这先暂我没])(?![^\s,，。;；!！]*(?:空着|不管|不填|别动|没想好|没问题|再说))([\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9&·]{1,15})(?=[\s,，。;；!！]|$)")
# "给机器人起名吵了一下午,最后定了叫「小橙」": the name chosen, said after the naming.
_NAME_CHOSEN = re.compile(r"(?:起名|取名|命名|起个名)[^。;；!！?？]{0,24}?(?:定了|定下|决定|选了)\S{0,2}?叫(?:做)?\s*[「“\"']([^」”\"']{1,30})[」”\"']")
# "Let {{author}} be rendered henceforth as 'Lantern Works'": the placeholder, then a quoted value after "as".
_BRACED_AS = re.compile(r"\{\{\s*(\w+)\s*\}\}(?:(?!\b(?:name|author)\b)[^{}\"“'\n]){0,40}?\bas\s+[\"'“‘]([^\"'”’]{1,60})[\"'”’]", re.I)
# "bot name Pico", "assistant name: Nova": the name given after the words for it, no verb
_BOT_NAME = re.compile(r"\b(?:bot|assistant|model|agent)(?:'s)? name\s*(?:[:=]\s*)?(?!(?:is|as|should|to|in|of|for|field|placeholder|here|there|and|with|from|too|also|again|now|changed|change)\b)" + _VALUE + r"|"
                       r"\bname the (?:bot|assistant|model|agent)\s+" + _VALUE, re.I)


# "模型名字定下来啦 🎉 叫“青禾”": the name, a few words, then what it is called, in quotes
# "please fill them: name MediMate, author St. Clare Health IT.": a key after a colon or comma, a space, its value
_EN_SPACED = re.compile(r"(?:(?<=[:：,;.?!\-—–>→])|(?<=\bwith)|(?<=\band)|^)\s*(name|author)\s+(?!(?:is|as|should|to|of|for|in|and|field|placeholder|stays?|remains?|with|from)\b)(?![填写寫是係为為换換改用叫先别別不设設就应要题便])(?=(?-i:[A-Z])|[\"'“«\u4e00-\u9fff])"
                        + _VALUE, re.I)
# "please put the name « Édi » and the author « Éditions Lumière »", "name it Bobo": the key, then its value
_PUT_THE = re.compile(r"(?i:\b(?:put|set|use|make|name|and)\s+(?:the\s+)?(name|author|it)(?:\s+(?:placeholder|field|value))?\s+(?:as\s+|to\s+)?)(?=[A-Z]|[\"'“«])" + _VALUE)
_NAME_CALLED = re.compile(r"(?:名字|名称|产品名|品牌名)[^。;；]{0,14}?叫(?:做)?\s*([“「\"][^”」\"]{1,30}[”」\"])|"
                          r"(?i:\bthe (?:assistant|bot|model) is)\s+(['\"“][^'\"”]{1,30}['\"”])")


# "Fill name with Nova and author with Brightline", "populate the {{author}} with Acme": a placeholder filled with its value.
_FILL_WITH = re.compile(r"(?i:\b(?:fill(?: in)?|populate|set|and)\s+(?:the\s+)?(?:\{\{\s*)?(name|author)(?:\s*\}\})?(?:\s+(?:placeholder|field))?\s+with)\s+" + _VALUE)
# "we're naming our bot Pip", "naming the assistant 'Echo'": the name given by naming it.
_NAMING = re.compile(r"(?i:\bnam(?:e|ing) (?:our|the|my|this) (?:bot|assistant|model|agent))\s+(?=[\"'“「]|(?-i:[A-Z]))" + _VALUE)


# "名字填什么?就叫 阿福 吧。作者呢?填 星河实验室": the key asked about, then the value the person answers with
_KEY_ASKED_ANSWERED = re.compile(r"(名字|名称|作者)\s*(?:填|写|叫|用)?\s*(?:什么|啥)?\s*(?:呢)?\s*[?？]\s*(?:那就|就)?\s*(?:叫|填|写|用)\s*" + _VALUE)
# "Let the name be 'Ambrose' and the author 'The Hollingsworth Society'": the second key's value right after it
_AND_THE_KEY = re.compile(r"(?i:\band\s+the\s+(name|author))\s+(?=[\"'“])" + _VALUE)
_QUOTED_KEY = re.compile(r"[「“](名字|名称|作者|开发方|开发者|出品方)[」”](?=\s*(?:为|是|叫|填|写|[:：=]))")


def _named_pairs(text: str) -> list[tuple[str, str]]:
    """Values given for a placeholder by its own name ("{{name}} 换成 X", "名字填 X", "the author should be X")."""
    first = [(_ZH_KEYS[k], v) for k, v in _KEY_ASKED_ANSWERED.findall(text)] + [(k.lower(), v) for k, v in _AND_THE_KEY.findall(text)]
    first += [(k or _ZH_KEYS.get(z, z), v) for k, z, v in _RETAKEN.findall(text)] + [("name", a or b) for a, b in _NAME_CALLED.findall(text)]
    first += [(k.lower(), v) for k, v in _KEY_QUOTED.findall(text)]
    first += [(k.lower(), v) for v, k in _VALUE_FOR.findall(text) + _PUT_IN_FOR.findall(text)] + [(k.lower(), v) for k, v in _AS_VALUE.findall(text) + _LET_BE.findall(text)]
    first += _BRACED_QUOTED.findall(text) + [("author", v) for v in _MADE_BY.findall(text)]
    first += [("author", (a or b or c or d).strip(_QUOTES)) for a, b, c, d in _MADE_IT.findall(text)]
    first += [(k.lower(), v) for k, v in _KEY_CONTRACTED.findall(text) + _SET_IN.findall(text) + _KEY_THEN_COLON.findall(text)]
    first += [(_ZH_KEYS[k], v) for k, v in _ZH_NOT_THAT.findall(text)] + [("name", v) for v in _NAME_ITS.findall(text)]
    if _FILL.search(text) or _HOLE.search(text):  # "占位符帮我填下,名字小鹿,作者鹿鸣实验室": the key, its value glued on
        first += [(_ZH_KEYS[k], v) for k, v in _ZH_GLUED.findall(text)]
    first += [("name", v) for v in _NAMED_AS.findall(text) + _NAME_CHOSEN.findall(text)] + [(k, v) for k, v in _BRACED_AS.findall(text)]
    first += [(k.lower(), v) for k, v in _WRONG_EN.findall(text)] + [("name", a or b) for a, b in _BOT_NAME.findall(text)]
    first += [(k.lower(), v) for v, k in _PUT_AS.findall(text)] + [(k.lower(), v) for k, v in _REPLACE_BY.findall(text)]
    first += [(k.lower(), v) for k, v in _FILL_WITH.findall(text)] + [("name", v) for v in _NAMING.findall(text)]
    first += [(k.lower(), v) for k, v in _EN_SPACED.findall(text)] + [("name" if k.lower() == "it" else k.lower(), v) for k, v in _PUT_THE.findall(text)]
    later = [(k1 or k2, v1 or v2) for k1, v1, k2, v2 in _BRACED_LATER.findall(text)]
    return (first + _BRACED.findall(text) + _BRACED_USE.findall(text) + later + [(a or c or e, b or d or f) for a, b, c, d, e, f in _BRACED_FOR.findall(text)] + [(k.lower(), v) for k, v in _AND_TO.findall(text)] + [(_ZH_KEYS[k], v) for k, v in _ZH_PAIR.findall(text) + _ZH_SPACED.findall(text)]
            + [((k1 or k2).lower(), v1 or v2) for k1, v1, k2, v2 in _NAME_TO.findall(text)]
            + [((k1 or k2 or "name").lower(), v1 or v3 or v2) for k1, v1, _, v3, k2, v2 in _EN_PAIR.findall(text)])


def _values_in_order(text: str) -> dict[str, str]:
    """"fill {{name}} and {{author}} … with Nova and Lumen Labs": the placeholders named, then as many
    values in the same order."""
    keys = rx.findall(r"\{\{\s*(\w+)\s*\}\}", text)
    m = rx.search(r"(?:(?:\bwith|\bto|\bput|分别(?:换成|填成?|是|为)?|依次(?:换成|填成?|是|为)?|(?<=\}\})\s*填成|(?<=\s)(?:填成|换成|改成))\s+|(?<=[想要就都])(?:填成|换成|改成)\s*(?=[“「\"']))(.+?)\s*(?:\bpls\b|\bplease\b|\blah\b|,?\s*\brespectively\b)?(?:\s*,\s*if\b[^.。!！]*)?\s*[.。!！]?\s*$", text)
    if len(keys) < 2 or not m or "{{" in m.group(1) or _KEY_QUOTED.search(m.group(1)) or rx.search(r"\b(?:name|author)\b", m.group(1)):
        return {}  # "set {{name}} to Nova and {{author}} to Acme", "with name 'Atlas' and author 'X'": pair by pair
    for joints in (r"\s*(?:,|，|、|\band\b)\s*|\s+和\s+", r"\s*(?:,|，|、|\band\b|和)\s*"):  # ("小杏 和 仁和堂中医馆": 和 inside a name)
        values = [v.strip(_QUOTES + " ") for v in rx.split(joints, m.group(1)) if v.strip()]
        if len(values) == len(keys):
            return dict(zip(keys, values))
    return {}


# "根据刚才质检的结果", "from the check you just did", "based on that quality report": a rule about a
# check already made (the tool finds the latest report), not a request to check.
_EARLIER = re.compile(r"刚才|刚刚|上次|之前|前面|那份|那次|根据|按照?|\bfrom (?:the|that|your)\b|\bbased on\b|\bjust (?:did|ran|made)\b|"
                      r"\b(?:that|the last|the latest|your|the previous)\s+(?:quality\s+)?(?:check|report|scan)|"
                      r"\bthe (?:quality )?check\b(?:[^.?!]|\.(?=\w)){0,40}?\b(?:already|has)\s+(?:ran|run|been run|finished|done)\b", re.I)  # "The check on FILE already ran, so drop them\"
_A_CHECK = re.compile(r"质检|检查|检测|报告|结果|\bchecks?\b|\breports?\b|\bscan\b|\bfindings\b", re.I)
# "the rows that were flagged as garbled", "标出来的", "检查出来那些": records a check marked.
_FLAGGED = re.compile(r"\bflagged\b|\bmarked\b|标出来|标记(?:出来)?的|查出来|检查出来|检出的?", re.I)


def points_at_check(text: str) -> bool:
    """Whether ``text`` refers to a quality check already made ("刚刚检查出来那些…", "from that report")."""
    earlier = _EARLIER.search(text)
    return bool(earlier and _A_CHECK.search(text) or _FLAGGED.search(text))


def is_report(path: str) -> bool:
    """A quality report or review file the check wrote (``*.report.json``, ``*_report.json``, ``*.review.csv``)."""
    return bool(rx.search(r"[._-](?:report|review|quality|qc|check)(?:[._-]\w+)?\.(?:json|jsonl|csv)$", path, re.I))


def asks_fill(text: str, placeholders_seen: bool) -> bool:
    """A request to fill placeholders: a fill verb with placeholders or values named ("填一下占位符",
    "fill in name=…"), or values given after a check that found some. "有没有占位符" is a check."""
    found = placeholder_values(text)
    if found:  # a placeholder's own name with its value is a fill; "x=y" alone needs a fill verb or a check that found holes
        # "FILE: name = 'Old Maren', author = 'Ironfern Games'": both identity placeholders given are a fill too
        # "placeholders: name = 'WindHelper'": the placeholders named, a value for one given
        return bool(_FILL.search(text) or placeholders_seen or _named_pairs(text) or {"name", "author"} <= set(found)
                    or {"name", "author"} & set(found) and (rx.search(r"identity|身份|自我认知", text, re.I)
                                                            or rx.search(r"(?<![\w{])(?<!sheet )(?<!file )(?<!column )(?<!field )(?<!run )(?:name|author)\s*[=＝]\s*\S", text, re.I))
                    or _HOLE.search(text) and not _LOOK.search(text) and bool({"name", "author"} & set(found)))
    if _LIST.search(text) and _HOLE.search(text):
        return True  # "which placeholders are in x.json?": fill_placeholders without values lists them
    return bool(_FILL.search(text) and _HOLE.search(text) and not _LOOK.search(text))


def lists_holes(text: str) -> bool:
    """"which placeholders does x.json have?": asks for the list the fill tool gives without values ("what are the {{name}}
    things in x.json?" asks what placeholders are)."""
    return bool(_LIST.search(text) and _HOLE.search(text)) and not asks_what_holes_are(text)


def asks_what_holes_are(text: str) -> bool:
    """"what are the {{name}} and {{author}} things in x.json?", "{{name}} 是什么意思": what placeholders are, not which."""
    return bool(_WHAT_HOLES_ARE.search(text))


_WHAT_HOLES_ARE = re.compile(r"\bwhat (?:are|is|do|does)\b[^?？]{0,20}(?:\{\{|curly braces)[^?？]*[?？]|(?:双花括号|花括号|大括号)[^?？]{0,8}(?:是什么|是啥|是干嘛|什么意思|什么东西|干嘛用)|\{\{\w+\}\}[^?？]{0,20}(?:是什么|是啥|是干嘛|干嘛用|什么意思|(?:做|干)什么用|有什么用)", re.I)


def rule_named(text: str) -> str | None:
    """The first review rule ``text`` names ("the empty-answer rows" → empty_answer), whatever is decided about it."""
    found = sorted((m.start(), m.end(), name) for pattern, name in _RULES for m in pattern.finditer(text))
    ruled = [(a, b) for a, b, _ in found if rx.search(r"(?:不是|\bnot)\s*(?:the\s+)?$", text[max(0, a - 8):a], re.I)]
    kept = [(a, name) for a, b, name in found if not any(x <= a < y for x, y in ruled)]
    return next((name for _, name in kept or [(a, name) for a, _, name in found]), None)  # ("Not near-duplicates, not conflicts — the placeholder ones": the one not ruled out)


def kinds_named(text: str) -> set[str]:
    """The kinds of flagged record ``text`` names, the duplicates counted as one kind ("remove duplicates and empty answers" → 2)."""
    dup = {"exact_duplicate", "near_duplicate", "duplicates"}
    kinds = {"duplicates" if name in dup else name for pattern, name in _RULES if name != "all" and pattern.search(text)}
    return kinds | ({"duplicates"} if rx.search(r"dedup|去重", text, re.I) else set())


# "留着干嘛", "保留有啥用": a keep asked about with scorn, no keep; "没有保留价值", "not worth keeping": no keep either
_KEEP_FOR_NOTHING = re.compile(r"(?:留着|保留|留之)(?:无益|无用|何用|何益)|(?:留着|保留)(?:也)?(?:干嘛|干什么|做什么|有(?:什么|啥)用|有用吗|没(?:啥|什么)?用|没(?:啥|什么)?意义|是祸害)|(?:留着|保留)(?:也|还)?(?:是|得)?(?:返工|白搭|浪费|添乱|碍事|多余|添堵)|"
                               r"(?:没有|没|毫无|无|不具备|不具有)(?:任何|什么|啥)?(?:保留|留着?)(?:的)?(?:价值|必要|意义)|\bnot worth keeping\b|\bno (?:value|reason) (?:in|to) keep(?:ing)?\b|"
                               r"\bno point (?:in )?keeping\b|\bwhat'?s the point (?:of|in) keeping\b|\bwhy keep (?:them|those|these|it)\b", re.I)


_DECIDED_LAST = re.compile(r"最后决定|最终决定|决定了|定了|最后定的是|定下来(?:的是|了)?|\bin the end\b|\bfinal answer\b|\bfinally\b|\bargued it out\b|\bsettled (?:it|on)\b|\bwe(?:'ve| have)? decided\b|[?？]")


def _settled_last(text: str) -> str | None:
    """The decision of the person's own lines (not a message quoted with ">") said after a question or "最后决定", when a
    decision was weighed or quoted before it; else None."""
    own = "\n".join(line for line in text.split("\n") if not line.lstrip().startswith(">"))
    parts = _DECIDED_LAST.split(own) if own.strip() else [text]
    last = parts[-1]
    if last == text or not (says_keep(last) or _DROP.search(last)):
        return None
    return decision(last)


def decision(text: str) -> str | None:
    """"keep" or "drop" when ``text`` says one of them (a keep said with a drop word ruled out: "别删,留着"), else None."""
    text = _KEEP_FOR_NOTHING.sub(" ", _ORIGINAL_KEPT.sub(" ", text))
    settled = _settled_last(text)
    if settled:
        return settled
    if says_keep(text) or rx.search(r"(?:don'?t|do not|never|别|不要|不用)\s*(?:删|drop|remove|delete)", text, re.I):
        return "keep"
    if _DROP.search(text):
        return "drop"
    return "keep" if _LEFT_ALONE.search(text) else None  # "回答太短的先别动": left as they are, with no drop said


# Records left as they are: "回答太短的先别动", "那些先不要动它们".
_LEFT_ALONE = re.compile(r"(?:(?<=[的些])|[的些]|(?=那几条|那些|这些))\s*(?:那几条|那些|这些)?\s*(?:都|先|就)?(?:先)?(?:别|不要|不用)动(?:它们?|他们|这些|那些)?(?=\W|$)")


def says_keep(text: str) -> bool:
    """A keep said in so many words ("保留", "keep", "别删"), not only "都要"."""
    return bool(rx.search(r"保留|留着|留下(?!的)|不(?:乱|瞎)?删|莫(?:要)?(?:乱|瞎)?删|(?:留|饶)(?:它们?|他们|她们|其)?一命|别(?:乱|瞎)?删|不要(?:乱|瞎)删|删了(?:就|实在|太|多|怪|挺)?可惜|\bkeep(?:ing)?\b|\bretain\b|\bleave (?:the |those |these )?(?:[\w-]+ ){0,2}(?:answers|rows|ones|records|entries|duplicates|dupes)\b|\b(?:shame|pity|waste) to (?:drop|delete|remove|lose)\b", text, re.I)
                or _LEFT_ALONE.search(text) and not _DROP.search(text))


def names_holes(text: str) -> bool:
    """Whether ``text`` names template placeholders ("模板变量", "template vars", "{{name}}")."""
    return bool(_HOLE.search(text))

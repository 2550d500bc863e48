"""General causes found in the round-235 to round-242 blind corpora once each was measured; tested on phrasings of our
own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.nlu.dictated import said_plainly
from assistant.offline import plan

UPLOAD = "/tmp/sft-eval/uploads/"


@pytest.mark.parametrize("text, tool, args", [
    ('Check the "quality" of "menu.jsonl"', "check_quality", {"path": "menu.jsonl"}),
    ('帮我“检查”一下“menu.jsonl”的“质量”', "check_quality", {"path": "menu.jsonl"}),
    ('"Resume" the "training" that "crashed"', "resume_training", {}),
    ('把“run-0801-a”给我“停”了', "stop_training", {"run_id": "run-0801-a"}),
    ('我有“8000条”数据,要做“全参”,“超参数”怎么设', "suggest_hyperparameters", {"n_samples": 8000, "method": "full"}),
])
def test_our_words_in_quotes_for_emphasis_are_said(text, tool, args):
    assert one_call(text) == (tool, args)


def test_a_quoted_name_keeps_its_quotes():
    assert said_plainly('the column is "quality", please') == 'the column is "quality", please'
    assert one_call("用这几个模板扩一下 menu.jsonl:“请问……”、“我想了解一下……”")[1]["templates"] == ["请问……", "我想了解一下……"]


@pytest.mark.parametrize("text, tool, args", [
    ("烦劳即刻止 run-0801-a 之训练。", "stop_training", {"run_id": "run-0801-a"}),
    ("敢请为 menu.json 增思维链样本,其推理之辞存于 why 一栏。", "add_cot", {"path": "menu.json", "rationale_field": "why"}),
    ("烦劳将 identity.json 中之 {{name}} 易为「小勺」。", "fill_placeholders", {"path": "identity.json", "values": {"name": "小勺"}}),
])
def test_classical_wording(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, files, tool, args", [
    ("If I give you a workbook you'll read the sheet I name, right? OK then inspect menu.xlsx, sheet Desserts", [],
     "inspect_dataset", {"path": "menu.xlsx", "sheet": "Desserts"}),
    ("Augmenting leaves the answers alone, right? Cool, then augment a third of this file", ["menu.jsonl"],
     "augment_instructions", {"path": UPLOAD + "menu.jsonl", "fraction": pytest.approx(1 / 3, abs=0.01)}),
    ("所以填占位符就是把 {{name}} 换成真名对吧?那把这个文件里的 name 换成 小勺", ["identity.json"],
     "fill_placeholders", {"path": UPLOAD + "identity.json", "values": {"name": "小勺"}}),
])
def test_an_understanding_checked_then_the_request(text, files, tool, args):
    assert one_call(text, [UPLOAD + f for f in files]) == (tool, args)


@pytest.mark.parametrize("text", ["所以你会用2个epoch开始训,对吧?对,就这样,开始吧", "So you'll train menu.jsonl for 2 epochs, right? Yes, that's it, go ahead",
                                  "为什么不呢,开始吧"])
def test_a_plan_said_back_and_agreed_is_a_yes(text):
    assert plan(text) == []


@pytest.mark.parametrize("text", ["If I were to drop the long answers, might I lose too much? I'm only asking; don't do it yet.",
                                  "hypothetically\nif I stop menu-r8 now\ncan I resume later",
                                  "lora的学习率,大点还是小点?", "epochs vs learning rate, which matters more?"])
def test_what_ifs_and_general_questions_never_act(text):
    assert not plan(text) or plan(text)[0]["name"] == "explain"


@pytest.mark.parametrize("text, files, tool", [
    ("What would you recommend for epochs and lr if I'm doing full fine-tuning on menu.jsonl", [], "suggest_hyperparameters"),
    ("Does the quality check change the file? Assuming it just reports, run it on menu.jsonl.", [], "check_quality"),
    ("why wouldn't you just add CoT to every record in this one?", ["menu.jsonl"], "add_cot"),
    ("为啥不直接给每一条都加上 few-shot 呢?就这个文件", ["menu.jsonl"], "add_few_shot"),
    ("质检做完了。下一步是不是该做指令增强?那就对刚传的这个做吧", ["menu.jsonl"], "augment_instructions"),
    ("开训!混5%通用数据进去,别训傻了", [], "start_training"),
    ("能不能把它弄成 sharegpt 格式啊", ["menu.jsonl"], "convert_dataset"),
    ("How many minutes are left on menu-r8?", [], "training_status"),
    ("menu-r8 还要多少分钟能跑完?", [], "training_status"),
    ("做个lr finder,100 steps", [], "probe_learning_rate"),
    ("学习率我真不会定,你先用这个文件测一测吧", ["menu.jsonl"], "probe_learning_rate"),
    ("需求:训练前确定合适的学习率。输入:附件。", ["menu.xlsx"], "probe_learning_rate"),
])
def test_steps_asked_in_more_shapes(text, files, tool):
    assert one_call(text, [UPLOAD + f for f in files])[0] == tool


@pytest.mark.parametrize("text", ["哇终于loss降了,爽啊", "wah finally the loss go down, shiok"])
def test_a_happy_remark_about_the_loss_asks_nothing(text):
    assert plan(text) == []


@pytest.mark.parametrize("text, tool, args", [
    ("先查一下 menu.csv 的数据质量。另外回头转成openai格式", "check_quality", {"path": "menu.csv"}),
    ("add few-shot to menu.jsonl, 200 of them. also whats the diff between few-shot and cot anyway", "add_few_shot",
     {"path": "menu.jsonl", "n_samples": 200}),
])
def test_the_request_before_an_also_is_the_one(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, tool, args", [
    ("menu.jsonl 的few-shot不要k=4,k=2就够", "add_few_shot", {"path": "menu.jsonl", "k": 2}),
    ("Wait, did I say 4 epochs earlier? Make that 3.", "start_training", {"epochs": 3}),
    ("That's wrong, I never said drop the long answers. Keep them.", "apply_quality_rule", {"rule": "long_answer", "decision": "keep"}),
    ("哎呀不是删啦,乱码那些要留着的", "apply_quality_rule", {"rule": "garbled", "decision": "keep"}),
    ("就是说,答案是空的那些,去掉", "apply_quality_rule", {"rule": "empty_answer", "decision": "drop"}),
    ("Those rows where the answer just asks another question back, get rid of them", "apply_quality_rule",
     {"rule": "answer_is_question", "decision": "drop"}),
])
def test_values_and_decisions_put_right(text, tool, args):
    assert one_call(text) == (tool, args)


@pytest.mark.parametrize("text, files, values", [
    ("Sorry: the assistant's name is to be 'Pearl', not 'Perl'.", [], {"name": "Pearl"}),
    ("Next step is putting our bot name in — it's Pip, and the author is Bistro Labs.", ["identity.json"], {"name": "Pip", "author": "Bistro Labs"}),
    ("名字叫MenuBot 作者写我们公司Bistro", ["identity.json"], {"name": "MenuBot", "author": "Bistro"}),
    ("identity.json name = Pip, author idk leave it", [], {"name": "Pip"}),
    ("placeholders in identity.json -> name Chefy, author Bistro Labs", [], {"name": "Chefy", "author": "Bistro Labs"}),
])
def test_placeholder_values_in_yet_more_shapes(text, files, values):
    tool, args = one_call(text, [UPLOAD + f for f in files])
    assert tool == "fill_placeholders" and args["values"] == values


@pytest.mark.parametrize("text, key, value", [
    ("open menu.jsonl, tell me the format. Qs are in 'dish', answers in 'recipe'", "question_field", "dish"),
    ("inspect menu.xlsx, Desserts sheet only", "sheet", "Desserts"),
    ("这个文件里有一列叫 做法思路,用它给一半的数据加上CoT", "rationale_field", "做法思路"),
    ("menu.jsonl 里面有个 why 字段是厨师写的分析过程,用它来生成cot样本", "rationale_field", "why"),
])
def test_fields_in_more_shapes(text, key, value):
    assert one_call(text, [UPLOAD + "menu.jsonl"])[1][key] == value


def test_a_list_of_templates_ends_with_its_sentence():
    text = "把 menu.jsonl 的指令改写得多样一点?我想用这几个模板:介绍这道菜、说说这道菜、讲讲做法。不知道可不可以"
    assert one_call(text)[1]["templates"] == ["介绍这道菜", "说说这道菜", "讲讲做法"]

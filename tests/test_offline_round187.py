"""General causes found in the round-187 to round-202 blind corpora (and misses kept from rounds 171-186) once each was
measured; tested on phrasings of our own, not the corpora's."""
from __future__ import annotations

import pytest
from routing import one_call

from assistant.offline import plan


def _with_upload(text: str) -> tuple[str, list[str]]:
    """"… +menu.csv": the message and the file uploaded with it."""
    said, _, name = text.rpartition(" +")
    return (said, ["/tmp/sft-eval/uploads/" + name]) if said else (text, [])


@pytest.mark.parametrize("text", ["Killed\n\n唉,又被OOM kill了,这周第二次", "the job got oom-killed overnight. great.",
                                  "又被系统杀掉了,服了"])
def test_a_run_killed_by_something_else_is_no_stop(text):
    assert not plan(text) or plan(text)[0]["name"] not in ("stop_training",)


def test_a_killed_run_with_a_resume_asked_is_resumed():
    assert one_call("menu-r8 又被OOM kill了,帮我续上") == ("resume_training", {"run_id": "menu-r8"})


def test_carry_on_glued_to_a_resume_verb_is_not_a_then():
    text = "```\nRuntimeError: CUDA out of memory\n```\n昨晚那个 menu-r8 挂了,帮我接着续上"
    assert one_call(text) == ("resume_training", {"run_id": "menu-r8"})


@pytest.mark.parametrize("text", ["did the last run even work?", "did my fine-tune actually work"])
def test_whether_the_finished_run_worked_is_an_evaluation(text):
    assert one_call(text)[0] == "evaluate_run"


def test_whether_it_will_still_answer_normal_things_is_a_question():
    assert one_call("after tuning, will it still answer normal stuff?")[0] == "explain"


@pytest.mark.parametrize("text, call", [
    ("CoT先不要,换成 few-shot 吧 +menu.jsonl", ("add_few_shot", {"path": "/tmp/sft-eval/uploads/menu.jsonl"})),
    ("few-shot先不加,就把 menu.jsonl 的指令改写一下", ("augment_instructions", {"path": "menu.jsonl"})),
    ("与其加CoT不如给 menu.jsonl 加 few-shot", ("add_few_shot", {"path": "menu.jsonl"})),
    ("rather than few-shot, add CoT to menu.jsonl", ("add_cot", {"path": "menu.jsonl"})),
    ("nah, don't suggest anything. just check the status of menu-r4", ("training_status", {"run_id": "menu-r4"})),
    ("评估先缓缓,看下 menu-r4 的进度", ("training_status", {"run_id": "menu-r4"})),
    ("你说要帮我评估?先不用,先看下 menu-r4 跑到哪了", ("training_status", {"run_id": "menu-r4"})),
])
def test_a_step_put_off_or_given_up_is_not_the_request(text, call):
    assert one_call(*_with_upload(text)) == call


@pytest.mark.parametrize("text", ["Instead of the quality check, would full finetune be better here?",
                                  "rather than trust the default blindly, probe the learning rate on menu.jsonl"])
def test_rather_than_other_words_rules_out_nothing(text):
    assert one_call(text)[0] in ("explain", "probe_learning_rate")
    assert "menu.jsonl" not in text or one_call(text) == ("probe_learning_rate", {"path": "menu.jsonl"})


@pytest.mark.parametrize("text, call", [
    ("add few-shot to menu.jsonl; does it even help with a small model?", ("add_few_shot", {"path": "menu.jsonl"})),
    ("convert menu.jsonl to alpaca, and what does alpaca look like anyway?", ("convert_dataset", {"path": "menu.jsonl", "to": "alpaca"})),
    ("把 menu.jsonl 转成千帆格式,然后跟我讲讲千帆格式长啥样", ("convert_dataset", {"path": "menu.jsonl", "to": "qianfan"})),
])
def test_a_request_then_a_question_is_the_request(text, call):
    assert one_call(text) == call


@pytest.mark.parametrize("text, args", [
    ("学习率先摸个底,用 menu.jsonl", {"path": "menu.jsonl"}),
    ("不知道lr选多少,帮我在 menu.jsonl 上探一下", {"path": "menu.jsonl"}),
    ("先估个学习率,menu.jsonl 跑100步", {"path": "menu.jsonl", "steps": 100}),
    ("lr range test menu.jsonl, 80 steps max", {"path": "menu.jsonl", "steps": 80}),
    ("no idea what LR is right here. probe it", {}),
])
def test_the_probe_in_more_words(text, args):
    assert one_call(text) == ("probe_learning_rate", args)


@pytest.mark.parametrize("text, tool", [("停掉 RUN#7", "stop_training"), ("how's RUN#7 doing?", "training_status")])
def test_a_run_numbered_with_a_hash(text, tool):
    assert one_call(text) == (tool, {"run_id": "RUN#7"})


@pytest.mark.parametrize("text", ["一般验证loss多久不涨就该考虑停了?", "现在停跟等它跑完,结果能差多少?值得等吗",
                                  "say my run dies at 80% — would resuming start from the last checkpoint?"])
def test_questions_about_stopping_or_resuming_never_act(text):
    assert [c["name"] for c in plan(text)] in ([], ["explain"])


def test_whether_we_broke_the_model_is_an_evaluation():
    assert one_call("can it still chat normally or did we break it")[0] == "evaluate_run"


def test_a_keep_ruled_out_is_a_drop():
    assert one_call("不是留着,重复的那些删掉")[1]["decision"] == "drop"


@pytest.mark.parametrize("text, values", [
    ("给 menu_identity.json 填一下名字「菜单小助手」", {"name": "菜单小助手"}),
    ("身份数据照上次填,不过作者这次写「海鸥工作室」,文件 menu_identity.json", {"author": "海鸥工作室"}),
    ("fill in the blanks in menu_identity.json: name is Basil, author is Gull Studio", {"name": "Basil", "author": "Gull Studio"}),
    ("per my boss: fill menu_identity.json, name is Basil", {"name": "Basil"}),
])
def test_fill_values_in_more_words(text, values):
    assert one_call(text) == ("fill_placeholders", {"path": "menu_identity.json", "values": values})


def test_when_a_run_will_finish_is_its_status():
    assert one_call("menu-r4 大概几点能跑完?") == ("training_status", {"run_id": "menu-r4"})


def test_every_other_record_is_half():
    assert one_call("give every other record in menu.jsonl a few-shot version") == ("add_few_shot", {"path": "menu.jsonl", "fraction": 0.5})


def test_shutting_the_current_run_down_is_a_stop():
    assert one_call("that's it for today, shut the current run down")[0] == "stop_training"


def test_whether_to_carry_on_later_is_no_stop():
    assert one_call("menu-r4 跑完了,先评估下,再决定要不要接着训") == ("evaluate_run", {"run_id": "menu-r4"})


@pytest.mark.parametrize("text, call", [
    ("menu-r4 的 loss 都爆了你还不停?", ("stop_training", {"run_id": "menu-r4"})),
    ("短答案不删留着过年吗", ("apply_quality_rule", {"rule": "short_answer", "decision": "drop"})),
    ("can we just drop the short answers?", ("apply_quality_rule", {"rule": "short_answer", "decision": "drop"})),
    ("didn't I tell you to resume menu-r4?", ("resume_training", {"run_id": "menu-r4"})),
])
def test_a_reproach_is_the_request(text, call):
    assert one_call(text) == call


def test_can_we_drop_with_a_condition_is_a_question():
    assert one_call("can we drop the near duplicates without losing paraphrases?")[0] == "explain"


@pytest.mark.parametrize("text, sheet", [("menu.xlsx 有多少条?看完转成 alpaca", None),
                                         ("how many rows does the Lunch sheet of menu.xlsx have? convert it to alpaca if it's over 500", "Lunch")])
def test_a_count_asked_then_a_step_waiting_on_it_looks_first(text, sheet):
    assert one_call(text) == ("inspect_dataset", {"path": "menu.xlsx", **({"sheet": sheet} if sheet else {})})


def test_what_a_step_is_for_asks_nothing():
    assert one_call("给 menu.jsonl 加cot 让它一步步讲怎么配菜") == ("add_cot", {"path": "menu.jsonl"})


@pytest.mark.parametrize("text, call", [
    ("我打算做full finetune,1500条,超参帮我定一下", ("suggest_hyperparameters", {"n_samples": 1500, "method": "full"})),
    ("800 samples, full finetune, any suggestions for the params?", ("suggest_hyperparameters", {"n_samples": 800, "method": "full"})),
    ("那些 long answer 先 keep 着", ("apply_quality_rule", {"rule": "long_answer", "decision": "keep"})),
    ("开训 menu.jsonl,学习率 三e负四", ("start_training", {"path": "menu.jsonl", "learning_rate": 0.0003})),
    ("how did menu_lora_v2 do? did it forget stuff", ("evaluate_run", {"run_id": "menu_lora_v2"})),
    ("测一下刚训完的模型,菜名答得准不准", ("evaluate_run", {})),
])
def test_values_and_names_in_more_shapes(text, call):
    assert one_call(text) == call


def test_a_report_pasted_then_a_drop_verb_is_a_review():
    assert one_call('> "Found 12 near-duplicate pairs (similarity > 0.9)."\njust nuke those') == (
        "apply_quality_rule", {"rule": "near_duplicate", "decision": "drop"})


@pytest.mark.parametrize("text, call", [
    ("不是不能停,只是想先问下:中途停了再续,效果会差吗?", ("explain", None)),
    ("明天再训,今天先把 menu_identity.json 的 {{name}} 填成小菜", ("fill_placeholders", {"path": "menu_identity.json", "values": {"name": "小菜"}})),
    ("上一步填的名字写错了,应该是小菜,不是小才", ("fill_placeholders", {"values": {"name": "小菜"}})),
    ("if the loss is still flat I'll kill it. check menu-r4 first", ("training_status", {"run_id": "menu-r4"})),
    ("不对不对,不是停 menu-r4,是 menu-r5", ("stop_training", {"run_id": "menu-r5"})),
    ("start the thing that tries a bunch of learning rates on menu.jsonl", ("probe_learning_rate", {"path": "menu.jsonl"})),
    ("porbe the learnign rate on menu.jsonl", ("probe_learning_rate", {"path": "menu.jsonl"})),
])
def test_consequential_misreadings_of_the_second_wave(text, call):
    tool, args = one_call(text)
    assert tool == call[0] and (call[1] is None or args == call[1])


@pytest.mark.parametrize("text", ["few-shot on every record = good idea?", "要是把数据翻一倍,但问法都一样,有用没",
                                  "how does instruction rewording improve diversity, can you give an example",
                                  "prompt 增强具体是咋做的"])
def test_more_questions_that_name_a_step_never_act(text):
    assert one_call(text)[0] == "explain"


def test_check_and_a_run_is_its_status():
    assert one_call("check menu-r4") == ("training_status", {"run_id": "menu-r4"})


@pytest.mark.parametrize("text, call", [
    ("今天:\n① 转alpaca(已完成)\n② 加CoT,100条 ← 做这个\n③ 开训\n数据 menu.jsonl", ("add_cot", {"path": "menu.jsonl", "n_samples": 100})),
    ("- [x] 开训\n- [ ] 看进度  <- 现在\n- [ ] 评估\nrun: menu-r4", ("training_status", {"run_id": "menu-r4"})),
    ("步骤:\n1.质检(跳过)\n2.改写指令\n3.训练\n→ 执行2,文件 menu.jsonl", ("augment_instructions", {"path": "menu.jsonl"})),
    ("计划\n1 转openai格式\n2 加few-shot\n先做1吧,文件 menu.csv", ("convert_dataset", {"path": "menu.csv", "to": "openai"})),
])
def test_the_item_marked_or_picked_now_is_the_step(text, call):
    assert one_call(text) == call


@pytest.mark.parametrize("text, path", [
    ("inspect menu_traing.jsonl -- ugh, *training, menu_training.jsonl", "menu_training.jsonl"),
    ("check menu_v2.jsonl -- wait no, menu_v3.jsonl", "menu_v3.jsonl"),
    ("看下 菜单问答_v1.josnl,后缀打错了,.jsonl", "菜单问答_v1.jsonl"),
    ("look at menu_fnial.jsonl (menu_final.jsonl, typo)", "menu_final.jsonl"),
    ("quality check on menu_b.csv first, menu_a.csv can wait", "menu_b.csv"),
    ("convert menu_v1.jsonl and menu_v2.jsonl to alpaca", "menu_v1.jsonl"),
])
def test_a_file_name_put_right_in_the_same_message(text, path):
    assert one_call(text)[1]["path"] == path


@pytest.mark.parametrize("text, call", [
    ("resume menu-r4 but only if it has less than an hour left", ("training_status", {"run_id": "menu-r4"})),
    ("继续 刚才 停掉 的 训练 .", ("resume_training", {})),
    ("把 这个 文件 转成 千帆 格式 +menu.csv", ("convert_dataset", {"path": "/tmp/sft-eval/uploads/menu.csv", "to": "qianfan"})),
    ("我的训练跑一半断了,能帮我恢复吗?", ("resume_training", {})),
    ("eval the last run, did it learn anything?", ("evaluate_run", {})),
    ("谢谢,那用 1e-4 开训吧,数据就用 menu.jsonl", ("start_training", {"path": "menu.jsonl", "learning_rate": 0.0001})),
])
def test_third_wave_requests(text, call):
    assert one_call(*_with_upload(text)) == call


@pytest.mark.parametrize("text", ["we had 4 bookings cancel today, what a day", "is evaluating a run slow? I only want to do it if it's quick",
                                  "ok forget the jargon, what is LoRA for", "I wonder if CoT helps a tiny model at all",
                                  "不知道能不能让模型学会菜单,又不忘了怎么聊天", "照手册,1000条 epoch 10,大概跑多少step啊"])
def test_third_wave_questions_and_remarks_never_act(text):
    assert [c["name"] for c in plan(text)] in ([], ["explain"])


@pytest.mark.parametrize("text, path", [
    ("convert this to alpaca, save as menu_alpaca.json +menu.csv", "/tmp/sft-eval/uploads/menu.csv"),
    ("drop the conflicting pairs from menu.jsonl and save the cleaned version as menu_clean.jsonl", "menu.jsonl"),
    ("把 菜单.jsonl 转成千帆格式,另存为 菜单_qianfan.jsonl", "菜单.jsonl"),
    ("UPDATE menu.json SET instruction = paraphrase(instruction)", "menu.json"),
])
def test_the_output_name_is_not_the_input(text, path):
    text, files = _with_upload(text)
    assert plan(text, files)[0]["args"]["path"] == path


def test_wordings_listed_with_a_chinese_comma_are_templates():
    assert one_call("给 menu.jsonl 扩充指令,模板就用:推荐一道菜、给我推荐个菜、今天吃什么")[1]["templates"] == ["推荐一道菜", "给我推荐个菜", "今天吃什么"]


@pytest.mark.parametrize("text, values", [("fill {{name}} with Basil in menu_identity.json. spell it out: nothing else", {"name": "Basil"}),
                                          ("作者是 海鸥工作室,name 还是小菜没变,文件 menu_identity.json", {"author": "海鸥工作室", "name": "小菜"})])
def test_fill_values_without_stray_keys_or_words(text, values):
    assert one_call(text)[1]["values"] == values


@pytest.mark.parametrize("text", [
    "ａｄｄ　ＣＯＴ　to　１０％　of menu.jsonl",  # full-width letters, digits and signs
    "给 menu.jsonl 加ＣＯＴ，１０％　就行",
])
def test_full_width_characters_are_read_as_ascii(text):
    assert one_call(text) == ("add_cot", {"path": "menu.jsonl", "fraction": 0.1})


def test_full_width_settings():
    assert one_call("ｓｔａｒｔ　training ， ｅｐｏｃｈ　３ ， lr　２ｅ－４") == ("start_training", {"epochs": 3, "learning_rate": 0.0002})


@pytest.mark.parametrize("text", [
    "in menu.csv, what counts as a duplicate? same question or also same answer?",
    "menu.jsonl 算不算多轮对话数据?",
    "在 menu.jsonl 里,近似重复是按啥标准判的?",
    "menu.jsonl 的ppl高说明啥?",
    "评估里说通用能力掉了2个点,严不严重啊",
    "我能把 menu_identity.json 和菜单数据混一起训吗?允许这么搞不",
    "re menu_identity.json: does training on identity data make the model forget other stuff?",
    "嗯…要是我,呃,把五个epoch改成二十个,会咋样啊",
    "would 20 epochs on 200 rows overfit",
    "with LoRA should the LR be higher or lower than for full finetuning",
    "万一训练中途停了,能接着跑吗,还是得从头再来",
    "周末比赛下雨取消了,终于有空弄数据",
])
def test_fourth_wave_questions_never_act(text):
    assert [c["name"] for c in plan(text)] in ([], ["explain"])


@pytest.mark.parametrize("text, call", [
    ("ting diao menu-r4, 参数设错了", ("stop_training", {"run_id": "menu-r4"})),
    ("no idea what lr to use... sweep it on menu.jsonl for 200 steps", ("probe_learning_rate", {"path": "menu.jsonl", "steps": 200})),
    ('看看 menu-r4 有没有出现手册里说的“通用NLP能力的遗忘”', ("evaluate_run", {"run_id": "menu-r4"})),
])
def test_fourth_wave_requests(text, call):
    assert one_call(text) == call

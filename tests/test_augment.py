"""Few-shot, chain-of-thought and instruction-template augmentation."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from cli import main
from tools.augment.augment import add_cot, augment_instructions, few_shot
from tools.augment.retrieval import nearest
from tools.augment.templates import build_bank
from tools.data.formats import read_dataset
from tools.errors import UserError

ANIMALS = [
    ("猫喜欢吃什么？", "鱼"), ("猫一天睡多久？", "十几个小时"), ("猫为什么怕水？", "毛不易干"),
    ("狗喜欢吃什么？", "肉和骨头"), ("狗一天睡多久？", "十几个小时"), ("狗为什么摇尾巴？", "表示友好"),
    ("太阳离地球多远？", "约1.5亿公里"), ("太阳的表面温度是多少？", "约5500摄氏度"), ("太阳由什么组成？", "氢和氦"),
    ("猫喜欢吃什么？", "鱼"),  # an exact duplicate of the first: must never be its example
]


def _csv(tmp_path, rows, header=("问题", "答案"), name="qa.csv"):
    path = tmp_path / name
    lines = [",".join(header)] + [",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_nearest_is_relevant_excludes_self_and_copies():
    texts = [q for q, _ in ANIMALS]
    near = nearest(texts, list(range(len(texts))), k=2, seed=0)
    assert set(near[0]) <= {1, 2, 3} and 9 not in near[0] and 0 not in near[0]
    assert all("太阳" in texts[j] for j in near[6])
    assert nearest(texts, [0], 2, seed=0) == nearest(texts, [0], 2, seed=0)


def test_few_shot_adds_a_fraction_with_k_examples(tmp_path):
    path = _csv(tmp_path, ANIMALS)
    result = few_shot(path, k=2, fraction=0.3, seed=1)
    data = result.to_dict()
    assert (data["original"], data["added"], data["total"]) == (10, 3, 13)
    assert data["output"].endswith("qa.few-shot.csv")
    out = read_dataset(data["output"]).samples
    assert [s.to_dicts() for s in out[:10]] == [s.to_dicts() for s in read_dataset(path).samples]
    for s in out[10:]:
        original = next(o for o in out[:10] if s.question.endswith("问题：" + o.question) and s.answer == o.answer)
        assert s.question.count("回答：") == 2  # two solved examples
        shown = s.question.split("请参考示例")[0]
        assert "问题：" + original.question + "\n" not in shown  # never its own question (nor a copy)
    assert few_shot(path, k=2, fraction=0.3, seed=1).to_dict()["added"] == 3
    a = read_dataset(few_shot(path, k=2, n_samples=5, seed=7).output).samples[10:]
    b = read_dataset(few_shot(path, k=2, n_samples=5, seed=7).output).samples[10:]
    assert [s.to_dicts() for s in a] == [s.to_dicts() for s in b]


def test_few_shot_rejects_bad_arguments(tmp_path):
    path = _csv(tmp_path, ANIMALS[:3])
    with pytest.raises(UserError, match="k must be between 1 and 2"):
        few_shot(path, k=3)
    with pytest.raises(UserError, match="either a number of samples or a fraction"):
        few_shot(path, k=1, n_samples=1, fraction=0.5)
    with pytest.raises(UserError, match="between 0 and 1"):
        few_shot(path, k=1, fraction=1.5)


def test_cot_uses_the_rationale_column(tmp_path):
    path = _csv(tmp_path, [("3个苹果加2个苹果是几个？", "5个", "3+2=5"), ("2乘以4是多少？", "8", "")],
                header=("问题", "答案", "解析"))
    result = add_cot(path).to_dict()
    assert (result["added"], result["from_column"], result["without_rationale"]) == (1, 1, 1)
    cot = read_dataset(result["output"]).samples[-1]
    assert cot.question == "3个苹果加2个苹果是几个？\n请一步一步地思考，然后给出答案。"
    assert cot.answer == "让我们一步一步地思考。\n3+2=5\n\n所以，答案是：5个"
    header = open(result["output"], encoding="utf-8-sig").readline().strip().split(",")
    assert header == ["prompt", "response", "解析"]  # the rationale column is kept in the output
    assert [s.meta.get("rationale") for s in read_dataset(result["output"]).samples[:2]] == ["3+2=5", None]


def test_cot_reads_a_rationale_key_of_alpaca_records(tmp_path):
    path = tmp_path / "math.json"
    records = [{"instruction": "7-2=?", "input": "", "output": "5", "explanation": "7 minus 2 leaves 5"}]
    path.write_text(json.dumps(records), encoding="utf-8")
    result = add_cot(path)
    assert result.output.endswith("math.cot.alpaca.json")
    cot = read_dataset(result.output).samples[-1]
    assert cot.answer == "Let's think step by step.\n7 minus 2 leaves 5\n\nSo the answer is: 5"


def test_cot_without_rationale_or_model_says_what_is_needed(tmp_path, monkeypatch):
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "SFT_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    path = _csv(tmp_path, ANIMALS[:2])
    with pytest.raises(UserError, match="OPENAI_BASE_URL, OPENAI_API_KEY and SFT_LLM_MODEL"):
        add_cot(path)


class _FakeOpenAI(BaseHTTPRequestHandler):
    seen: list = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append((self.path, self.headers["Authorization"], body))
        prompt = body["messages"][0]["content"]
        if "坏" in prompt:
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b'{"error": "boom"}')
            return
        reply = {"choices": [{"message": {"role": "assistant", "content": "先数苹果，再相加。"}}]}
        data = json.dumps(reply, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_cot_asks_a_configured_endpoint(tmp_path, monkeypatch):
    server = HTTPServer(("127.0.0.1", 0), _FakeOpenAI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{server.server_port}/v1")
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("SFT_LLM_MODEL", "fake-model")
        _FakeOpenAI.seen = []
        path = _csv(tmp_path, [("3个苹果加2个苹果是几个？", "5个"), ("坏问题？", "坏答案")])
        result = add_cot(path).to_dict()
    finally:
        server.shutdown()
        server.server_close()
    assert (result["added"], result["from_model"]) == (1, 1)
    assert result["skipped"][0]["where"] == "qa.csv:3" and "HTTP 500" in result["skipped"][0]["reason"]
    route, auth, body = next(s for s in _FakeOpenAI.seen if "苹果" in s[2]["messages"][0]["content"])
    assert (route, auth, body["model"]) == ("/v1/chat/completions", "Bearer sk-test", "fake-model")
    assert "答案：5个" in body["messages"][0]["content"]
    cot = read_dataset(result["output"]).samples[-1]
    assert cot.answer == "让我们一步一步地思考。\n先数苹果，再相加。\n\n所以，答案是：5个"


def test_template_bank_swaps_instruction_and_keeps_payload():
    bank = build_bank()
    family, lang, phrase, start, end = bank.match("中译英：今天天气很好")
    assert (family, lang, phrase, "中译英：今天天气很好"[end:]) == ("translate_zh_en", "zh", "中译英", "：今天天气很好")
    assert bank.match("Translate the following Chinese into English: 你好")[0] == "translate_zh_en"
    assert bank.match("今天天气很好\n翻译中文为英文")[2] == "翻译中文为英文"
    assert bank.match("我想学中译英的技巧") is None  # not standing as the instruction


def test_augment_instructions_counts_forms(tmp_path):
    rows = [("中译英：今天天气很好", "The weather is nice today."), ("中译英：我爱你", "I love you."),
            ("中译英：谢谢", "Thank you."), ("猫喜欢吃什么？", "鱼")]
    path = _csv(tmp_path, rows)
    result = augment_instructions(path, seed=3).to_dict()
    assert (result["added"], result["forms_before"]) == (4, 2)  # "中译英" and "(plain)"
    assert result["forms_after"] > result["forms_before"]
    out = read_dataset(result["output"]).samples
    for new, old in zip(out[4:7], out[:3]):
        assert new.question != old.question and new.question.endswith(old.question.split("：", 1)[1])
        assert new.answer == old.answer
    assert "猫喜欢吃什么？" in out[7].question and out[7].answer == "鱼"


def test_user_templates(tmp_path):
    path = _csv(tmp_path, [("帮我问候一下：张三", "张三你好"), ("猫喜欢吃什么？", "鱼")])
    result = augment_instructions(path, templates=["帮我问候一下|请向这个人问好", "劳驾回答：{question}"], seed=0)
    questions = [s.question for s in read_dataset(result.output).samples[2:]]
    assert questions[0] == "请向这个人问好：张三"
    bank = build_bank(["劳驾回答：{question}"])
    assert bank.wrappers["zh:question"][-1] == bank.wrappers["zh:task"][-1] == "劳驾回答：{question}"
    wrapped = {w.replace("{question}", "猫喜欢吃什么？") for w in bank.wrappers["zh:question"]}
    assert questions[1] in wrapped
    with pytest.raises(UserError, match="placeholder"):
        augment_instructions(path, templates=["no placeholder here"])


def test_cli_augment_json(capsys, tmp_path):
    path = _csv(tmp_path, ANIMALS)
    assert main(["augment", str(path), "few-shot", "-k", "2", "-n", "4", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["method"], out["added"], out["total"]) == ("few-shot", 4, 14)
    assert main(["augment", str(path), "templates", "--template", "请回答：{question}"]) == 0
    assert "templates: 10 samples added" in capsys.readouterr().out


def test_cot_n_samples_counts_cot_samples_built(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    rows = [("一加一？", "二", ""), ("二加二？", "四", "2+2=4"), ("三加三？", "六", "3+3=6"), ("四加四？", "八", "4+4=8")]
    path = _csv(tmp_path, rows, header=("问题", "答案", "解析"))
    result = add_cot(path, n_samples=2).to_dict()
    assert (result["added"], result["from_column"], result["without_rationale"]) == (2, 2, 1)
    assert [s.answer.split("：")[-1] for s in read_dataset(result["output"]).samples[4:]] == ["四", "六"]


def test_cot_that_builds_nothing_fails_with_the_endpoint_error(tmp_path, monkeypatch, workspace):
    import socket

    with socket.socket() as s:  # a port nobody listens on: connection refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("SFT_LLM_MODEL", "fake-model")
    monkeypatch.setenv("SFT_LLM_MAX_RETRIES", "0")  # refused at once, no backoff
    path = _csv(tmp_path, [("一加一？", "二"), ("二加二？", "四")])
    with pytest.raises(UserError, match=r"No chain-of-thought sample was built.*fake-model.*2 samples.*nothing was written") as err:
        add_cot(path)
    assert "未写出任何文件" in err.value.zh
    outputs = workspace / "outputs"
    assert not outputs.exists() or not any(outputs.iterdir())
    assert main(["augment", str(path), "cot"]) == 1


def _bigram_jaccard(a, b):
    from tools.augment.retrieval import char_grams, jaccard

    return jaccard(char_grams(a), char_grams(b))


def test_few_shot_on_fin_cqa_has_no_near_copies_and_no_repeats(shared_copy):
    source = shared_copy("qianfan/fin_cqa_train.jsonl")
    n = len(read_dataset(source).samples)
    result = few_shot(source, k=3, n_samples=40, seed=0)
    added = read_dataset(result.output).samples[n:]
    assert len(added) == 40
    for s in added:
        head, _, target = s.question.rpartition("请参考示例，回答下面的问题。\n问题：")
        shots = [block.split("\n回答：") for block in head.strip().split("\n\n")[1:]]
        assert len(shots) == 3 and len({tuple(x) for x in shots}) == 3  # k examples, none twice
        for q, _ in shots:
            assert _bigram_jaccard(q, target) < 0.8  # no near-copy of the target's question
        for (q1, _), (q2, _) in [(x, y) for i, x in enumerate(shots) for y in shots[i + 1:]]:
            assert _bigram_jaccard(q1, q2) < 0.8  # nor of each other


def test_templates_reword_fin_cqa_instructions_instead_of_wrapping(shared_copy):
    from tools.augment.templates import KINDS

    source = shared_copy("qianfan/fin_cqa_train.jsonl")
    samples = read_dataset(source).samples
    result = augment_instructions(source, n_samples=20, seed=0)
    data = result.to_dict()
    assert (data["reworded"], data["wrapped"]) == (20, 0)
    chosen = sorted(__import__("random").Random(0).sample(range(len(samples)), 20))
    for i, new in zip(chosen, read_dataset(result.output).samples[len(samples):]):
        old = samples[i]
        passage = old.question.split("？", 1)[1]
        assert new.answer == old.answer and new.question.endswith(passage)  # payload and answer untouched
        assert new.question != old.question and not new.question.startswith(("请完成", "问题：", "任务："))
    assert KINDS == {"families": "paraphrase", "slot_families": "paraphrase", "wrappers": "wrapper"}


def test_template_bank_has_no_meaning_shifting_phrasings():
    from tools.augment.templates import FAMILIES

    phrases = {p for fam in FAMILIES.values() for ps in fam.values() for p in ps}
    for shifted in ("Polish the following text", "Proofread the following sentence", "润色下面的句子",
                    "用一句话总结下面的新闻", "Is the following review positive or negative", "Give a brief summary of this text"):
        assert shifted not in phrases


def test_a_rate_limited_endpoint_is_retried_not_skipped(monkeypatch):
    """A 429 (and a 503) before the answer: the client backs off and asks again, so no sample is lost."""
    from fake_openai import FakeOpenAI, Reply, script, text

    from tools.augment.llm_client import chat, config_from_env

    replies = [Reply(content="rate limited", status=429), Reply(content="busy", status=503), text("因为一加一等于二。")]
    with FakeOpenAI(script(replies)) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", server.api_key)
        monkeypatch.setenv("SFT_LLM_MODEL", "fake-model")
        assert chat(config_from_env(), [{"role": "user", "content": "一加一?"}]) == "因为一加一等于二。"
    monkeypatch.setenv("SFT_LLM_MAX_RETRIES", "0")
    with FakeOpenAI(script([Reply(content="rate limited", status=429)])) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        with pytest.raises(UserError, match="HTTP 429"):
            chat(config_from_env(), [{"role": "user", "content": "一加一?"}])

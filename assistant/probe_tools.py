"""The learning-rate probe as a tool (``tools/train/probes.py``): a plan with its time estimate first,
then, once the person confirms, a short range test on a sample of their file.

The probe takes minutes of CPU, so it is consequential (``metadata["plan"]``): the tool guard
returns the plan (how many samples, steps and minutes) and the session keeps it until the person
confirms. The probe runs as a detached process; this tool waits for it and answers with the range
where the held-out loss fell fastest and the rate it suggests, beside the default advice.
"""
from __future__ import annotations

from langchain_core.tools import tool

from assistant.envelope import ToolResult, run_tool
from assistant.paths import resolve_input

WAIT_S = 30 * 60.0
"""The tool waits this long for the probe (a ceiling; the default probe takes minutes)."""
CURVE_POINTS = 12
"""Points of the curve the model sees (the whole curve is in the probe's probe.json)."""


@tool(parse_docstring=True)
def probe_learning_rate(path: str, steps: int | None = None) -> str:
    """Run a quick learning-rate probe (an LR range test) on a sample of the user's dataset: a few dozen LoRA training steps with the learning rate rising from 1e-5 to 1e-2, measuring the loss on held-out samples; reports the range where that loss falls fastest and the learning rate it suggests, beside the default advice. It takes minutes of CPU, so the user first sees the plan with its time estimate and confirms. Call it when the user asks to run the probe ("run the probe", "跑一下学习率探测", "做个学习率范围测试"); for a question about which learning rate to use, call suggest_hyperparameters (it offers the probe).

    Args:
        path: the dataset: an attached file's path or name, or a path inside the workspace.
        steps: optimizer steps of the probe, only when the user gave a number (default 36).
    """
    from tools.errors import UserError
    from tools.train.lrprobe import DEFAULT_STEPS
    from tools.train.probes import start_probe, wait_probe

    def work():
        source = resolve_input(path)
        info = wait_probe(start_probe(str(source), int(steps or DEFAULT_STEPS))["probe_id"], timeout_s=WAIT_S)
        if info["state"] == "failed":
            raise UserError(info["error"] or "The probe failed.", zh=info.get("error_zh") or "学习率探测失败。")
        result = info["result"] or {}
        data = {"source": source.name, **_brief(info, result)}
        if info["state"] not in ("succeeded", "stopped"):
            return (f"The probe {info['probe_id']} is still running (step {info['step']} of {info['total_steps']}).",
                    f"学习率探测 {info['probe_id']} 仍在进行(第 {info['step']}/{info['total_steps']} 步)。", data, [])
        return result.get("en") or "", result.get("zh") or "", data, []

    return run_tool("probe_learning_rate", work)


def _brief(info: dict, result: dict) -> dict:
    """What the model needs: the numbers, and the curve thinned to about a dozen points."""
    keys = ("suggested_lr", "rule", "steep_range", "steepest_lr", "lr_at_min", "default_lr", "seconds", "steps_done",
            "steps_planned", "samples_in_file", "samples_used", "held_out_samples", "baseline_loss", "stopped", "diverged")
    lrs, held = result.get("lrs") or [], result.get("held_losses") or []
    every = max(1, -(-len(lrs) // CURVE_POINTS))  # ceil(points ÷ 12)
    curve = {"lrs": lrs[::every], "held_losses": held[::every]}
    return {"probe_id": info["probe_id"], "state": info["state"], **{k: result.get(k) for k in keys}, "curve": curve}


def plan_probe(args: dict) -> ToolResult:
    """What ``probe_learning_rate`` would do: samples, steps and the time estimate on this machine."""
    from tools.train.lrprobe import DEFAULT_STEPS, ProbeSettings
    from tools.train.probes import estimate

    source = resolve_input(args.get("path"))
    steps = int(args.get("steps") or DEFAULT_STEPS)
    ProbeSettings(data_path=str(source), base_model="", steps=steps)  # a bad step count: a sentence now
    details = estimate(str(source), steps)
    en, zh = plan_sentences(details)
    return ToolResult(True, en, zh, details, [], None,
                      {"tool": "probe_learning_rate", "args": {**args, "path": str(source), "steps": steps}, "details": details})


def plan_sentences(d: dict) -> tuple[str, str]:
    from tools.train.estimate import minutes

    measured = d.get("speed_from") == "last_run"
    en = (f"I'll run a learning-rate probe on {d['samples_used']} of the {d['samples_in_file']} samples of {d['source']} "
          f"({d['held_out_samples']} held out to measure, never trained on): {d['steps']} steps with the learning rate "
          f"rising from 1e-5 to 1e-2, about {minutes(d['estimated_s'])} here (at {d['tokens_per_s']:.0f} tokens/s, "
          f"{'measured in your last run' if measured else 'a typical CPU figure'}). It keeps the CPU busy meanwhile "
          "and can be stopped. Confirm to start.")
    zh = (f"我将在 {d['source']} 的 {d['samples_in_file']} 条样本中抽取 {d['samples_used']} 条做学习率探测(其中 "
          f"{d['held_out_samples']} 条留出用于测量、不参与训练):{d['steps']} 步,学习率从 1e-5 升到 1e-2,在本机约需 "
          f"{minutes(d['estimated_s'], 'zh')}(按 {d['tokens_per_s']:.0f} token/秒,{'取自你上次运行的实测' if measured else '常见 CPU 速度'})。"
          "期间会占用 CPU,可以随时停止。确认后开始。")
    return en, zh


def offer(source, mean_tokens: float | None = None) -> tuple[str, str, dict]:
    """The sentence that offers the probe after the advice for a file (en, zh, its estimate)."""
    from tools.train.estimate import minutes
    from tools.train.probes import estimate

    d = estimate(str(source), mean_tokens=mean_tokens)
    en = (f"I can run a quick learning-rate probe on {d['samples_used']} samples of your file, about "
          f"{minutes(d['estimated_s'])} here: say \"run the probe\".")
    zh = f"我可以用你文件中的 {d['samples_used']} 条样本做一次快速的学习率探测,在本机约需 {minutes(d['estimated_s'], 'zh')}:说“跑一下学习率探测”即可。"
    return en, zh, d


probe_learning_rate.metadata = {"consequential": True, "plan": plan_probe}

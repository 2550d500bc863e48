"""Training subcommands: suggest, train, runs, stop."""
from __future__ import annotations

import time

from cli.common import print_json


def register(sub) -> None:
    p = sub.add_parser("suggest", help="suggest epochs, learning rate and batch size, with the reasoning")
    p.add_argument("path", nargs="?", help="a dataset (its size and token lengths are used)")
    p.add_argument("--samples", type=int, help="number of samples, when no dataset is given")
    p.add_argument("--method", choices=["lora", "full"], default="lora")
    p.add_argument("--devices", type=int, default=1, help="GPUs/processes the run will use (global batch arithmetic)")
    p.add_argument("--base-model", help="tokenizer for the token lengths (default: the embedded model)")
    p.add_argument("--probe", action="store_true", help="run a quick learning-rate range test on the file instead: its time estimate, the curve and the learning rate it suggests (minutes)")
    p.add_argument("--steps", type=int, default=36, help="optimizer steps of the --probe (default 36)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_suggest)

    p = sub.add_parser("train", help="start a LoRA fine-tuning run (a detached process)")
    p.add_argument("path", nargs="?", help="the dataset (not needed with --resume)")
    p.add_argument("--base-model", help="local Hugging Face model folder (default: the embedded SmolLM2-135M-Instruct)")
    add_config_options(p)
    p.add_argument("--output", help="run directory")
    p.add_argument("--resume", help="resume a stopped or killed run (its id or directory)")
    p.add_argument("--no-start", action="store_true", help="only write the run directory; start it yourself with torchrun")
    p.add_argument("--now", action="store_true",
                   help="start at once instead of waiting in the queue behind a run that is already training")
    p.add_argument("--wait", action="store_true", help="stay and print progress until the run ends")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_train)

    p = sub.add_parser("runs", help="list training runs and their state")
    p.add_argument("run", nargs="?", help="show one run in detail")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_runs)

    p = sub.add_parser("stop", help="stop a training run")
    p.add_argument("run")
    p.add_argument("--grace", type=float, default=30.0, help="seconds to wait for a clean stop before killing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_stop)


def run_suggest(args) -> int:
    from tools.train.hparams import suggest

    if args.probe:
        from cli.probe import run_probe

        return run_probe(args)
    advice = suggest(n_samples=args.samples, path=args.path, method=args.method, num_devices=args.devices, base_model=args.base_model)
    if args.json:
        print_json(advice.brief())
        return 0
    print(f"{advice.n_samples:,} samples, {advice.method}:")
    print(f"  epochs {advice.epochs}, learning rate {advice.learning_rate:g}, per-device batch {advice.per_device_batch_size}, "
          f"accumulation {advice.gradient_accumulation_steps}, global batch {advice.global_batch_size}, ~{advice.optimizer_steps:,} optimizer steps")
    if advice.lora_r:
        print(f"  LoRA r={advice.lora_r}, alpha={advice.lora_alpha}, targets {advice.lora_targets}")
    if advice.max_seq_length:
        print(f"  max sequence length {advice.max_seq_length}")
    for reason in advice.reasons:
        print(f"why: {reason}")
    for warning in advice.warnings:
        print(f"warning: {warning}")
    return 0


def add_config_options(p) -> None:
    """One flag per user option of ``TrainConfig`` (``tools.train.trainconfig.USER_OPTIONS``): its name, type,
    choices and help come from the field, so the CLI, the form and the docs cannot drift apart. Unset
    flags stay None: the advice for the data decides them."""
    from tools.train.trainconfig import CHOICES, USER_OPTIONS, cli_flags, field_docs, option_kind

    docs = field_docs()
    for name, extra in USER_OPTIONS.items():
        kind, text = option_kind(name), docs.get(name, "").replace("%", "%%")
        if kind == "bool":
            on_by_default = cli_flags(name)[0].startswith("--no-")
            p.add_argument(*cli_flags(name), *extra, dest=name, default=None, help=text,
                           action="store_false" if on_by_default else "store_true")
        else:
            p.add_argument(*cli_flags(name), *extra, dest=name, default=None, help=text, choices=CHOICES.get(name),
                           type=_parse_share if name == "mix_general" else {"float": float, "int": int}.get(kind, str))


def _parse_share(text: str) -> float:
    """"10%", "0.1" or "10" → 0.1 (``--mix-general``)."""
    import argparse

    from tools.errors import UserError
    from tools.models.general import parse_fraction

    try:
        return parse_fraction(text)
    except UserError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _train_settings(args) -> dict:
    from tools.train.trainconfig import USER_OPTIONS

    named = ("epochs", "learning_rate", "lora_r", "max_steps")  # start_training's own parameters
    return {name: getattr(args, name) for name in USER_OPTIONS if name not in named and getattr(args, name, None) is not None}


def run_train(args) -> int:
    from tools.errors import UserError
    from tools.train.runs import resume_run, start_training

    if args.resume:
        info = resume_run(args.resume, run_now=args.now)
    elif not args.path:
        raise UserError("Name a dataset to train on (sft-assistant train DATA.jsonl), or --resume RUN to continue a run.")
    else:
        info = start_training(args.path, base_model=args.base_model, epochs=args.epochs, learning_rate=args.learning_rate,
                              lora_r=args.lora_r, max_steps=args.max_steps, output=args.output,
                              launch_now=not args.no_start, run_now=args.now, **_train_settings(args))
    if args.wait:
        info = _follow(info)
    if args.json:
        print_json(info.to_dict())
        return 0 if info.state != "failed" else 1
    print(f"run {info.run_id}: {info.state} ({info.run_dir})")
    if args.no_start:
        print(f"start it with: python -m tools.train.train {info.run_dir}   (or torchrun --nproc_per_node N -m tools.train.train {info.run_dir})")
    elif not args.wait:
        print(f"follow it with: sft-assistant runs {info.run_id}; stop it with: sft-assistant stop {info.run_id}")
    return 0 if info.state != "failed" else 1


def _follow(info):
    """Print progress with a tqdm bar until the run ends (Ctrl-C leaves it running)."""
    from tqdm import tqdm

    from tools.train.runs import FINISHED, get_run

    bar = tqdm(total=info.total_steps or None, unit="step")
    while info.state not in FINISHED:
        time.sleep(2)
        info = get_run(info.run_dir)
        bar.total = info.total_steps or bar.total
        bar.n = info.step
        last = info.last
        if "loss" in last:
            bar.set_postfix(loss=last["loss"], tok_s=last.get("tokens_per_s"), eta_s=last.get("eta_s"))
        bar.refresh()
    bar.close()
    return info


def _describe(info) -> str:
    last = info.last
    parts = [f"{info.run_id:<40} {info.state:<10} step {info.step}/{info.total_steps}"]
    if "loss" in last:
        parts.append(f"loss {last['loss']:.4f}")
    if last.get("tokens_per_s"):
        parts.append(f"{last['tokens_per_s']:.0f} tok/s")
    if info.state == "running" and last.get("eta_s") is not None:
        parts.append(f"eta {last['eta_s']:.0f} s")
    return "  ".join(parts)


def run_runs(args) -> int:
    from tools.train.runs import get_run, list_runs, read_metrics

    if args.run:
        info = get_run(args.run)
        if args.json:
            print_json({**info.to_dict(), "metrics": read_metrics(info)})
            return 0
        print(_describe(info))
        print(f"  folder {info.run_dir}")
        if info.error:
            print(f"  error: {info.error}")
        if info.to_dict()["adapter_dir"]:
            print(f"  adapter {info.adapter_dir}")
        return 0
    runs = list_runs()
    if args.json:
        print_json([r.to_dict() for r in runs])
        return 0
    if not runs:
        print("no training runs yet: start one with `sft-assistant train DATASET`")
    for info in runs:
        print(_describe(info))
    return 0


def run_stop(args) -> int:
    from tools.train.runs import stop_run

    info = stop_run(args.run, grace_s=args.grace)
    if args.json:
        print_json(info.to_dict())
    else:
        print(f"run {info.run_id}: {info.state} at step {info.step}/{info.total_steps}")
    return 0

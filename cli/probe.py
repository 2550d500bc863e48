"""``sft-assistant suggest FILE --probe [--steps N]``: a learning-rate range test on the file (``tools.train.probes``).

Prints the time estimate first, follows the detached probe with a progress bar (Ctrl-C stops it
the way a run is stopped), then the curve and the advice it implies; ``--json`` prints the result.
"""
from __future__ import annotations

import sys

from cli.common import print_json


def run_probe(args) -> int:
    from tools.errors import UserError
    from tools.train.estimate import minutes
    from tools.train.probes import estimate, start_probe, stop_probe

    if not args.path:
        raise UserError("--probe needs a dataset file: sft-assistant suggest DATA.jsonl --probe.",
                        zh="--probe 需要一个数据集文件:sft-assistant suggest DATA.jsonl --probe。")
    plan = estimate(args.path, args.steps, base_model=args.base_model)
    if not args.json:
        print(f"probe: {plan['steps']} steps on {plan['samples_used']} of {plan['samples_in_file']} samples "
              f"({plan['held_out_samples']} held out), about {minutes(plan['estimated_s'])} here "
              f"(at {plan['tokens_per_s']:.0f} tokens/s, {'measured in your last run' if plan['speed_from'] == 'last_run' else 'a typical CPU figure'})")
    info = start_probe(args.path, args.steps, args.base_model)
    try:
        info = _follow(info, quiet=args.json)
    except KeyboardInterrupt:
        print("stopping the probe…", file=sys.stderr)
        info = stop_probe(info["probe_id"])
    result = info["result"] or {}
    if args.json:
        print_json({**result, "probe_id": info["probe_id"], "state": info["state"], "error": info["error"], "estimate": plan})
        return 0 if info["state"] != "failed" else 1
    if info["state"] == "failed":
        print(f"error: {info['error']}", file=sys.stderr)
        return 1
    _print_curve(result)
    print(result.get("en", ""))
    return 0


def _follow(info: dict, quiet: bool) -> dict:
    from tqdm import tqdm

    from tools.train.probes import wait_probe

    bar = tqdm(total=info["total_steps"] or None, unit="step", disable=quiet, file=sys.stderr)

    def update(now: dict) -> None:
        bar.n = now["step"]
        losses = [h for h in ((now["result"] or {}).get("held_losses") or []) if h is not None]
        if losses:
            bar.set_postfix(held_loss=losses[-1], lr=f"{now['result']['lrs'][-1]:.1e}")
        bar.refresh()

    try:
        return wait_probe(info["probe_id"], every_s=0.5, on_update=update)
    finally:
        bar.close()


def _print_curve(result: dict) -> None:
    """About a dozen rows of the curve: learning rate, training loss, held-out loss."""
    lrs = result.get("lrs") or []
    every = max(1, len(lrs) // 12)
    print(f"{'learning rate':>14}  {'train loss':>10}  {'held-out loss':>13}")
    print(f"{'(before)':>14}  {'':>10}  {result.get('baseline_loss') or 0:>13.4f}")
    for i in range(0, len(lrs), every):
        held = result["held_losses"][i]
        print(f"{lrs[i]:>14.2e}  {result['train_losses'][i]:>10.4f}  {held if held is not None else float('nan'):>13.4f}")

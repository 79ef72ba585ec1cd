#!/usr/bin/env bash
# Set everything up and start the web app on 127.0.0.1:7860 (builds the index on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python ui.py "$@"

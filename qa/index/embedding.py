"""Sentence embeddings with the model's query and passage prompts.

Passages are encoded with sentence-transformers (building an index). Questions to the
default model go through its ONNX export (:mod:`qa.index.onnx_encoder`) when set-up made
one, so a question never imports torch; any other model, or a default model without an
export, uses sentence-transformers for both. Query vectors are kept in a small LRU cache.
"""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from pathlib import Path

import numpy as np

from qa.errors import ModelError
from qa.index.default_model import (
    DEFAULT_MODEL_NAME,
    PASSAGE_PROMPT,
    QUERY_PROMPT,
    default_model_dir,
    ensure_default_model,
    is_converted,
)
from qa.index.onnx_encoder import OnnxEncoder, agrees_with_reference, export_onnx, is_exported

#: Environment variable naming another model (a sentence-transformers name or a local folder).
MODEL_ENV = "QA_MODEL"
#: Set to ``sentence-transformers`` to encode questions with torch even where an ONNX export exists.
QUERY_ENCODER_ENV = "QA_QUERY_ENCODER"
#: Questions whose vectors are kept: the app sees the same example questions again and again.
QUERY_CACHE_SIZE = 1024
SENTENCE_TRANSFORMERS = "sentence-transformers"


def default_model_id() -> str:
    """The model used when none is configured: the ``QA_MODEL`` variable, else multilingual-e5-small."""
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL_NAME


class QueryCache:
    """A least-recently-used map of question text to its (read-only) vector."""

    def __init__(self, size: int = QUERY_CACHE_SIZE):
        self.size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    def get(self, text: str) -> np.ndarray | None:
        vector = self._vectors.get(text)
        if vector is not None:
            self._vectors.move_to_end(text)
        return vector

    def put(self, text: str, vector: np.ndarray) -> None:
        vector = np.array(vector, dtype=np.float32)
        vector.flags.writeable = False  # shared by every caller of the same question
        self._vectors[text] = vector
        self._vectors.move_to_end(text)
        while len(self._vectors) > self.size:
            self._vectors.popitem(last=False)

    def __len__(self) -> int:
        return len(self._vectors)


def _default_onnx_encoder() -> OnnxEncoder | None:
    """The ONNX query encoder of the default model, writing its graph first if this version has none yet
    (a few seconds, once, without torch: a model converted by an older version still answers quickly)."""
    folder = default_model_dir()
    if not is_exported(folder):
        if not is_converted(folder):
            return None
        export_onnx(folder)
    encoder = OnnxEncoder(folder)
    if not agrees_with_reference(encoder, QUERY_PROMPT):
        # Slower but right: sentence-transformers encodes the questions instead.
        logging.getLogger(__name__).warning(
            "ONNX 查询编码器在本机的结果与模型不一致,改用 sentence-transformers 编码问题(较慢)"
        )
        return None
    return encoder


class Embedder:
    """Encodes questions and passages of one model to unit vectors, loading each engine on first use."""

    def __init__(self, model_id: str | None = None, onnx: bool | None = None):
        self.model_id = model_id or default_model_id()
        self._is_default = self.model_id == DEFAULT_MODEL_NAME
        self._model = None
        self._prompts = {"query": QUERY_PROMPT, "passage": PASSAGE_PROMPT} if self._is_default else {}
        self._onnx: OnnxEncoder | None = None
        self.query_cache = QueryCache()
        if onnx is None:
            onnx = os.environ.get(QUERY_ENCODER_ENV, "onnx") != SENTENCE_TRANSFORMERS
        if self._is_default and onnx:
            self._onnx = _default_onnx_encoder()
        if self._onnx is None:
            self._sentence_transformer()  # a wrong --model is reported now, not at the first question

    @property
    def query_encoder(self) -> str:
        """The engine that encodes questions: ``onnxruntime`` or ``sentence-transformers``."""
        return self._onnx.name if self._onnx else SENTENCE_TRANSFORMERS

    @property
    def passage_encoder(self) -> str:
        """The engine that encodes passages (recorded in the index manifest)."""
        return SENTENCE_TRANSFORMERS

    @property
    def dimension(self) -> int:
        if self._onnx:
            return self._onnx.dimension
        model = self._sentence_transformer()
        # sentence-transformers 5.2 renamed the method; older releases only have the first name.
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return getter()

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of questions, with the model's query prompt; repeated questions come from the cache."""
        found = {t: self.query_cache.get(t) for t in texts}
        missing = [t for t, vector in found.items() if vector is None]
        if missing:
            prompt = self._prompts.get("query", "")
            if self._onnx:
                vectors = self._onnx.encode(missing, prompt)
            else:
                vectors = self._encode(missing, prompt)
            for text, vector in zip(missing, vectors):
                self.query_cache.put(text, vector)
                # Read from what was computed: more questions than the cache holds evict each other.
                found[text] = np.asarray(vector, dtype=np.float32)
        return np.stack([found[t] for t in texts]) if texts else np.empty((0, self.dimension), np.float32)

    def encode_passages(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """Unit vectors of passages, with the model's passage (document) prompt."""
        self._sentence_transformer()
        prompt = self._prompts.get("passage", self._prompts.get("document", ""))
        return self._encode(texts, prompt, progress)

    def _sentence_transformer(self):
        if self._model is None:
            self._model = self._load_sentence_transformer()
        return self._model

    def _load_sentence_transformer(self):
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        location = str(ensure_default_model()) if self._is_default else self.model_id
        try:
            model = SentenceTransformer(location, device="cpu")
        except Exception as exc:  # the library raises many kinds; the user needs one message
            raise ModelError(
                f"无法加载向量模型 {self.model_id!r}: {exc}. "
                "请确认模型名称或本地目录正确(本机无法访问模型仓库,只能使用已安装或本地的模型)"
            ) from exc
        model.eval()
        prompts = dict(model.prompts or {})
        if Path(location).name.startswith(("multilingual-e5", "e5")) or "e5" in self.model_id.lower():
            # e5 models need their prefixes even where the folder does not declare them.
            prompts.setdefault("query", "query: ")
            prompts.setdefault("passage", "passage: ")
        self._prompts = {**prompts, **self._prompts}
        return model

    def _encode(self, texts: list[str], prompt: str, progress: bool = False) -> np.ndarray:
        vectors = self._sentence_transformer().encode(
            texts,
            prompt=prompt,
            batch_size=16,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.asarray(vectors, dtype=np.float32)

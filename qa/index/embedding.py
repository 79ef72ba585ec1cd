"""Sentence embeddings with sentence-transformers, using the model's query and passage prompts."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from qa.errors import ModelError
from qa.index.default_model import DEFAULT_MODEL_NAME, ensure_default_model

#: Environment variable naming another model (a sentence-transformers name or a local folder).
MODEL_ENV = "QA_MODEL"


def default_model_id() -> str:
    """The model used when none is configured: the ``QA_MODEL`` variable, else multilingual-e5-small."""
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL_NAME


class Embedder:
    """A loaded sentence-transformers model that encodes questions and passages to unit vectors."""

    def __init__(self, model_id: str | None = None):
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()

        self.model_id = model_id or default_model_id()
        location = str(ensure_default_model()) if self.model_id == DEFAULT_MODEL_NAME else self.model_id
        try:
            self._model = SentenceTransformer(location, device="cpu")
        except Exception as exc:  # the library raises many kinds; the user needs one message
            raise ModelError(
                f"无法加载向量模型 {self.model_id!r}: {exc}. "
                "请确认模型名称或本地目录正确(本机无法访问模型仓库,只能使用已安装或本地的模型)"
            ) from exc
        self._model.eval()
        self._prompts = self._model.prompts or {}
        if Path(location).name.startswith(("multilingual-e5", "e5")) or "e5" in self.model_id.lower():
            # e5 models need their prefixes even where the folder does not declare them.
            self._prompts.setdefault("query", "query: ")
            self._prompts.setdefault("passage", "passage: ")

    @property
    def dimension(self) -> int:
        return self._model.get_sentence_embedding_dimension()

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of questions, with the model's query prompt."""
        return self._encode(texts, self._prompts.get("query", ""))

    def encode_passages(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """Unit vectors of passages, with the model's passage (document) prompt."""
        prompt = self._prompts.get("passage", self._prompts.get("document", ""))
        return self._encode(texts, prompt, progress)

    def _encode(self, texts: list[str], prompt: str, progress: bool = False) -> np.ndarray:
        vectors = self._model.encode(
            texts,
            prompt=prompt,
            batch_size=16,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.asarray(vectors, dtype=np.float32)

"""The lexical index: BM25 (bm25s) over Chinese-aware tokens of passages and their headings."""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np

from .tokenize import tokenize

#: Bump when tokenisation changes: indexes built with another version are stale.
TOKENIZER_VERSION = "2"


class LexicalIndex:
    """BM25 scores of every passage for a normalised query."""

    def __init__(self, bm25: bm25s.BM25):
        self._bm25 = bm25

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        """Index already-normalised passage texts (headings included by the caller)."""
        bm25 = bm25s.BM25(k1=1.2, b=0.75)
        bm25.index([tokenize(text) for text in texts], show_progress=False)
        return cls(bm25)

    def scores(self, normalised_query: str) -> np.ndarray:
        """One BM25 score per passage, in passage order (zeros where nothing matches)."""
        tokens = tokenize(normalised_query)
        if not tokens:
            return np.zeros(self._bm25.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder))

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        return cls(bm25s.BM25.load(str(folder)))

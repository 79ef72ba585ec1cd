"""The lexical indexes: BM25 (bm25s) over Chinese-aware tokens of passages or of their sentences.

A sentence-level index scores each passage by its best sentence, which rewards a passage whose
one sentence holds most of the question over one that scatters the same words.
"""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np

from qa.text.tokenize import tokenize

#: Bump when tokenisation changes: indexes built with another version are stale.
TOKENIZER_VERSION = "3"
OWNERS = "owners.npy"


class LexicalIndex:
    """BM25 over units of text (passages or sentences), reported per passage."""

    def __init__(self, bm25: bm25s.BM25, owners: np.ndarray):
        self._bm25 = bm25
        self._owners = owners
        self._passages = int(owners.max()) + 1 if len(owners) else 0

    @classmethod
    def build(cls, texts: list[str], owners: list[int] | None = None) -> LexicalIndex:
        """Index normalised texts; ``owners[i]`` is the passage that text ``i`` belongs to."""
        bm25 = bm25s.BM25(k1=1.2, b=0.75)
        bm25.index([tokenize(text) for text in texts], show_progress=False)
        return cls(bm25, np.asarray(owners if owners is not None else range(len(texts)), dtype=np.int64))

    def unit_scores(self, normalised_query: str) -> np.ndarray:
        """One BM25 score per indexed unit (zeros where nothing matches)."""
        tokens = tokenize(normalised_query)
        if not tokens:
            return np.zeros(len(self._owners), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

    def scores(self, normalised_query: str) -> np.ndarray:
        """One score per passage: the best score among its units."""
        units = self.unit_scores(normalised_query)
        best = np.zeros(self._passages, dtype=np.float32)
        np.maximum.at(best, self._owners, units)
        return best

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder))
        np.save(Path(folder) / OWNERS, self._owners)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        return cls(bm25s.BM25.load(str(folder)), np.load(Path(folder) / OWNERS))

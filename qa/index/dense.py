"""The dense index: normalised sentence embeddings in a FAISS inner-product index."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np


class DenseIndex:
    """Cosine similarity (inner product of unit vectors) of every passage to a query vector."""

    def __init__(self, index: faiss.Index):
        self._index = index

    @classmethod
    def build(cls, vectors: np.ndarray) -> DenseIndex:
        """Index unit-length passage vectors; row number = passage number."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        index = faiss.IndexFlatIP(vectors.shape[1])
        index.add(vectors)
        return cls(index)

    @property
    def dimension(self) -> int:
        return self._index.d

    @property
    def size(self) -> int:
        return self._index.ntotal

    def vectors(self, rows: list[int]) -> np.ndarray:
        """The stored vectors of some rows (to reuse them in a new index without encoding again)."""
        if not rows:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._index.reconstruct(int(row)) for row in rows])

    def scores(self, query_vector: np.ndarray) -> np.ndarray:
        """Cosine of the query to every passage, in passage order."""
        query = np.ascontiguousarray(query_vector.reshape(1, -1), dtype=np.float32)
        similarities, ids = self._index.search(query, self.size)
        out = np.empty(self.size, dtype=np.float32)
        out[ids[0]] = similarities[0]
        return out

    def save(self, path: Path) -> None:
        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path) -> DenseIndex:
        return cls(faiss.read_index(str(path)))

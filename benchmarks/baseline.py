"""The tutorial baseline a user would otherwise assemble: rank-bm25 over jieba words, sentence-transformers
``encode``, a flat FAISS index, passages cut every 300 characters, fused by reciprocal rank, no caching.

It uses the same e5 model (with its query/passage prompts, as the model card asks) and the same report.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import faiss
import jieba
import numpy as np
from rank_bm25 import BM25Okapi
from sentence_transformers import SentenceTransformer

from benchmarks.common import ROOT

CHUNK_CHARS = 300
RRF_K = 60


def _model() -> SentenceTransformer:
    from qa.index.default_model import ensure_default_model

    return SentenceTransformer(str(ensure_default_model()), device="cpu")


class TutorialBaseline:
    """Chunks, a BM25Okapi over their jieba words and a flat inner-product index of their vectors."""

    def __init__(self, chunks: list[str], bm25: BM25Okapi, index: faiss.Index, model: SentenceTransformer):
        self.chunks, self.bm25, self.index, self.model = chunks, bm25, index, model

    @classmethod
    def build(cls, corpus: Path = ROOT / "corpus") -> TutorialBaseline:
        text = "\n".join(path.read_text("utf-8") for path in sorted(corpus.glob("*.txt")))
        chunks = [text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)]
        bm25 = BM25Okapi([jieba.lcut(chunk) for chunk in chunks])
        model = _model()
        vectors = model.encode(["passage: " + c for c in chunks], normalize_embeddings=True)
        index = faiss.IndexFlatIP(vectors.shape[1])
        index.add(np.asarray(vectors, dtype=np.float32))
        return cls(chunks, bm25, index, model)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "chunks.json").write_text(json.dumps(self.chunks, ensure_ascii=False), "utf-8")
        (folder / "bm25.pkl").write_bytes(pickle.dumps(self.bm25))
        faiss.write_index(self.index, str(folder / "dense.faiss"))

    @classmethod
    def load(cls, folder: Path) -> TutorialBaseline:
        chunks = json.loads((folder / "chunks.json").read_text("utf-8"))
        bm25 = pickle.loads((folder / "bm25.pkl").read_bytes())  # our own file, written by save()
        return cls(chunks, bm25, faiss.read_index(str(folder / "dense.faiss")), _model())

    def ask(self, question: str, k: int = 5) -> list[str]:
        """The ``k`` best chunks by reciprocal-rank fusion of BM25 and cosine."""
        lexical = np.argsort(-self.bm25.get_scores(jieba.lcut(question)))
        vector = self.model.encode(["query: " + question], normalize_embeddings=True)
        _, dense = self.index.search(np.asarray(vector, dtype=np.float32), len(self.chunks))
        fused: dict[int, float] = {}
        for ranking in (lexical, dense[0]):
            for rank, chunk in enumerate(ranking):
                fused[int(chunk)] = fused.get(int(chunk), 0.0) + 1.0 / (RRF_K + rank + 1)
        best = sorted(fused, key=fused.get, reverse=True)[:k]
        return [self.chunks[i] for i in best]

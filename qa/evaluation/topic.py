"""Fit the off-topic check (:mod:`qa.answering.topic`) on the tune halves of question files
(``qa calibrate-topic``).

Everyday off-topic questions (the classes ``offtopic_zh`` and ``offtopic_en`` of the eval files) are
set against all other tune questions, answerable or not, by an L2-penalised logistic regression over
their query vectors, with balanced classes. Each tune question is rated by the model fitted without its
fold; the threshold is the lowest that flags at most ``MAX_FLAGGED`` of the answerable ones so rated,
and the penalty the one under which that threshold flags the most off-topic questions so rated (ties go
to the stronger penalty, the simpler model).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np

from qa.answering.topic import TOPIC_FILE, TopicModel
from qa.evaluation.calibrate import FOLDS, fit_logistic
from qa.evaluation.data import read_jsonl
from qa.evaluation.splits import keep_split

OFF_TOPIC_CLASSES = frozenset({"offtopic_zh", "offtopic_en"})
# The off-topic check declines on top of the no-answer check, whose answerable rejections the product
# keeps under 5% (qa.evaluation.calibrate.MAX_REJECTED): it may add one in two hundred.
MAX_FLAGGED = 0.005
L2_CHOICES = (0.01, 0.03, 0.1, 0.3, 1.0)


def calibrate_topic(searcher, paths: list[Path], write: bool = False) -> dict:
    """Fit the off-topic model on the tune halves of ``paths`` and choose its threshold, reproducibly."""
    records = [r for path in paths for r in keep_split(read_jsonl(Path(path)), "tune")]
    x = np.stack([searcher.question_vector(r["question"]) for r in records]).astype(np.float64)
    off = np.array([r.get("class") in OFF_TOPIC_CLASSES for r in records])
    answerable = np.array([r.get("type") != "unanswerable" and r.get("part") != "none" for r in records])
    allowed = int(MAX_FLAGGED * answerable.sum())
    held_out = {l2: _held_out_choice(x, off, answerable, l2, allowed) for l2 in L2_CHOICES}
    l2 = max(L2_CHOICES, key=lambda penalty: (held_out[penalty][1], penalty))
    threshold, recall = held_out[l2]
    weights, bias = fit_logistic(x, off, l2, bounds=[(None, None)] * x.shape[1])
    model = TopicModel(searcher.index.embedder.model_id, weights, bias, threshold)
    result = {
        **model.to_dict(),
        "l2": l2,
        "held_out": {str(k): {"threshold": t, "off_topic_flagged": round(r, 4)} for k, (t, r) in held_out.items()},
        "off_topic_flagged": round(recall, 4),
        "answerable_flagged_allowed": allowed,
        "questions": len(records),
        "off_topic": int(off.sum()),
        "answerable": int(answerable.sum()),
        "source": [Path(path).name for path in paths],
        "split": "tune",
        "calibrated_on": date.today().isoformat(),
    }
    if write:
        TOPIC_FILE.write_text(json.dumps(result, ensure_ascii=False) + "\n", "utf-8")
    return result


def _held_out_choice(x: np.ndarray, off: np.ndarray, answerable: np.ndarray, l2: float, allowed: int) -> tuple[float, float]:
    """The threshold flagging at most ``allowed`` answerable questions, each rated by the model fitted
    without its fold, and the share of off-topic questions it flags so rated."""
    folds = [np.arange(len(x))[i::FOLDS] for i in range(FOLDS)]
    p = np.zeros(len(x))
    for fold in folds:
        train = np.setdiff1d(np.arange(len(x)), fold)
        weights, bias = fit_logistic(x[train], off[train], l2, bounds=[(None, None)] * x.shape[1])
        p[fold] = 1 / (1 + np.exp(-np.clip(x[fold] @ weights + bias, -40, 40)))
    ranked = np.sort(p[answerable])[::-1]
    threshold = round(float(ranked[allowed]) + 1e-6, 6) if allowed < len(ranked) else 0.5
    return threshold, float((p[off] >= threshold).mean())

"""Fit the no-answer model and the confidence levels on the tune half of question files (``qa calibrate``)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.stats import beta

from qa.answering.answerability import CALIBRATION_FILE, OPEN_MODEL, Calibration, Model
from qa.answering.evidence import FEATURES
from qa.errors import CalibrationError
from qa.evaluation.data import read_jsonl
from qa.evaluation.questions import question_outcome
from qa.evaluation.splits import keep_split

# The share of answerable questions the product may decline, and the confidence with which the tune
# questions must show it is not exceeded: a share seen on a hundred-odd questions is uncertain, so
# the threshold declines only as many answerable tune questions as keep the one-sided upper
# confidence bound of the rate (Clopper–Pearson) at or under the promise.
MAX_REJECTED = 0.05
CONFIDENCE = 0.9
# L2 penalties of the logistic model to choose from by cross-validation on the tune questions (a
# feature that separates the tune questions would otherwise get an unbounded weight), and the folds.
L2_CHOICES = (0.1, 0.3, 1.0, 3.0, 10.0)
FOLDS = 5
# The sign each weight may take, known before any fitting: a stronger, clearer match, more of the
# question's words found and the kind of answer given make an answer likelier. Asking in English
# only shifts the baseline. A question the second reader puts nearer the report is likelier answered.
# Fitting within these signs keeps the model from learning accidents of the tune questions.
SIGNS = {
    "top_score": 1,
    "margin": 1,
    "dense": 1,
    "shared_weight": 1,
    "corpus_coverage": 1,
    "type_match": 1,
    "foreign": 0,
    "second_cosine": 1,
}


def calibrate_file(searcher, paths: list[Path], write: bool = False, max_rejected: float = MAX_REJECTED) -> dict:
    """Fit the model on the tune halves of ``paths`` and choose its threshold, reproducibly.

    The model is a logistic regression of "answerable" on the evidence features (standardised),
    with balanced class weights. The threshold is the highest probability that declines no more
    answerable tune questions (the rules' included), each rated by the model fitted without its fold
    (:func:`out_of_fold`), than keep the upper confidence bound of the rejection rate within
    ``max_rejected`` (:func:`rejections_allowed`). ``high`` and ``medium`` are the lowest top
    scores above which the first passage is right for 95% and 75% of the answerable questions.
    """
    # Only the tune half: the test half must stay unseen by every threshold.
    records = [r for path in paths for r in keep_split(read_jsonl(Path(path)), "tune")]
    rows = _observe(searcher, records)
    if np.isnan(np.array([r["x"] for r in rows])).any():
        missing = sorted({FEATURES[i] for r in rows for i, v in enumerate(r["x"]) if np.isnan(v)})
        raise CalibrationError(f"无法校准:没有测得特征 {'、'.join(missing)}(第二读者未安装?请重新运行 scripts/setup.sh)")
    l2, cross_validated = choose_l2(rows, max_rejected)
    model = replace(fit_model(rows, l2, max_rejected), threshold=_threshold(out_of_fold(rows, l2), max_rejected))
    for r in rows:
        r["p"] = 0.0 if r["out_of_scope"] else model.probability_of(r["x"])
    threshold = model.threshold
    answerable = [r for r in rows if not r["unanswerable"]]
    unanswerable = [r for r in rows if r["unanswerable"]]

    def rejected(row: dict) -> bool:
        return row["out_of_scope"] or row["p"] < threshold

    accepted_answerable = [r for r in answerable if not rejected(r)]
    result = {
        "model": {
            "features": list(FEATURES),
            "weights": list(model.weights),
            "bias": model.bias,
            "means": list(model.means),
            "scales": list(model.scales),
            "threshold": threshold,
        },
        "thresholds": {
            "high": _precision_floor(accepted_answerable, 0.95),
            "medium": _precision_floor(accepted_answerable, 0.75),
        },
        "no_answer_accuracy": round(sum(map(rejected, unanswerable)) / max(len(unanswerable), 1), 4),
        "answerable_rejected": round(sum(map(rejected, answerable)) / max(len(answerable), 1), 4),
        "questions": len(rows),
        "max_rejected": max_rejected,
        "l2": l2,
        "cross_validated": cross_validated,
        "source": [Path(path).name for path in paths],
        "split": "tune",
        "calibrated_on": date.today().isoformat(),
    }
    if write:
        CALIBRATION_FILE.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return result


def fit_model(rows: list[dict], l2: float, max_rejected: float = MAX_REJECTED) -> Model:
    """The model fitted on ``rows`` (those no rule declined) with penalty ``l2``, and its threshold."""
    fitted = [r for r in rows if not r["out_of_scope"]]
    x = np.array([r["x"] for r in fitted])
    y = np.array([not r["unanswerable"] for r in fitted])
    means, scales = x.mean(axis=0), np.where(x.std(axis=0) > 1e-9, x.std(axis=0), 1.0)
    weights, bias = fit_logistic((x - means) / scales, y, l2)
    model = Model(
        weights=tuple(round(float(w), 6) for w in weights),
        bias=round(float(bias), 6),
        means=tuple(round(float(m), 6) for m in means),
        scales=tuple(round(float(s), 6) for s in scales),
        threshold=0.0,
    )
    probabilities = [{**r, "p": 0.0 if r["out_of_scope"] else model.probability_of(r["x"])} for r in rows]
    return replace(model, threshold=_threshold(probabilities, max_rejected))


def out_of_fold(rows: list[dict], l2: float) -> list[dict]:
    """``rows`` with each one's probability under the model fitted on the other folds.

    A model rates the answerable questions it was fitted on likelier than unseen ones, so a threshold
    set among its own fitting questions declines more unseen answerable questions than it promises;
    set among out-of-fold probabilities it sits where an unseen question's would."""
    folds = [list(range(len(rows)))[i::FOLDS] for i in range(FOLDS)]
    probabilities = [0.0] * len(rows)
    for k, held_out in enumerate(folds):
        model = fit_model([rows[i] for j, fold in enumerate(folds) if j != k for i in fold], l2)
        for i in held_out:
            probabilities[i] = 0.0 if rows[i]["out_of_scope"] else model.probability_of(rows[i]["x"])
    return [{**r, "p": p} for r, p in zip(rows, probabilities)]


def choose_l2(rows: list[dict], max_rejected: float = MAX_REJECTED) -> tuple[float, dict]:
    """The penalty, of ``L2_CHOICES``, under which models fitted on four fifths of the tune questions
    decline most unanswerable questions of the fifth left out, while declining no more than
    ``max_rejected`` of its answerable ones; ties go to the stronger penalty (the simpler model).

    The threshold sits where the least likely answerable tune questions lie, so how a model ranks
    questions it was not fitted on, not how well it fits, is what decides.
    """
    folds = [rows[i::FOLDS] for i in range(FOLDS)]
    scores = {}
    for l2 in L2_CHOICES:
        declined = {True: 0, False: 0}
        for k, held_out in enumerate(folds):
            model = fit_model([r for j, fold in enumerate(folds) if j != k for r in fold], l2, max_rejected)
            for r in held_out:
                declined[r["unanswerable"]] += r["out_of_scope"] or model.probability_of(r["x"]) < model.threshold
        unanswerable = sum(r["unanswerable"] for r in rows)
        scores[l2] = (declined[True] / max(unanswerable, 1), declined[False] / max(len(rows) - unanswerable, 1))
    within = [l2 for l2 in L2_CHOICES if scores[l2][1] <= max_rejected] or [max(L2_CHOICES)]
    best = max(within, key=lambda l2: (scores[l2][0], l2))
    return best, {str(l2): {"no_answer": round(a, 4), "rejected": round(b, 4)} for l2, (a, b) in scores.items()}


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, bounds: list[tuple[float | None, float | None]] | None = None
) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-penalised logistic regression with balanced classes; each weight kept
    within its ``bounds`` (low, high), by default the signs ``SIGNS`` allows the evidence features."""
    class_weight = np.where(y, len(y) / (2 * max(y.sum(), 1)), len(y) / (2 * max((~y).sum(), 1)))
    target = y.astype(float)

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = params[:-1], params[-1]
        p = 1 / (1 + np.exp(-np.clip(x @ w + b, -40, 40)))
        eps = 1e-12
        nll = -np.sum(class_weight * (target * np.log(p + eps) + (1 - target) * np.log(1 - p + eps)))
        residual = class_weight * (p - target)
        gradient = np.append(x.T @ residual + l2 * w, residual.sum())
        return nll + 0.5 * l2 * float(w @ w), gradient

    if bounds is None:
        bounds = [(0, None) if SIGNS[f] > 0 else (None, 0) if SIGNS[f] < 0 else (None, None) for f in FEATURES]
    result = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", bounds=[*bounds, (None, None)])
    return result.x[:-1], float(result.x[-1])


def _observe(searcher, records: list[dict]) -> list[dict]:
    """The evidence of every record under an open model (only the scope check declines)."""
    open_searcher = searcher.with_settings(calibration=Calibration(model=OPEN_MODEL), measure_all=True)
    rows = []
    for record in records:
        outcome = question_outcome(open_searcher, record)
        answer = outcome["answer"]
        rows.append(
            {
                "unanswerable": record.get("type") == "unanswerable" or record.get("part") == "none",
                "out_of_scope": not answer.answerable,  # declined by a rule: scope or kind of answer
                "right": outcome["rank"] == 1,
                "top": answer.features.get("top_score", 0.0),
                "x": [_number(answer.features.get(name, 0.0)) for name in FEATURES],
            }
        )
    return rows


def _number(value) -> float:
    """A feature's value; NaN for one not measured (None)."""
    return float("nan") if value is None else float(value)


def rejections_allowed(answerable: int, max_rejected: float = MAX_REJECTED, confidence: float = CONFIDENCE) -> int:
    """The most answerable questions of ``answerable`` that may be declined while the one-sided
    ``confidence`` upper bound of the rejection rate stays at or under ``max_rejected`` (-1: none may)."""
    allowed = -1
    while allowed + 1 < answerable and beta.ppf(confidence, allowed + 2, answerable - allowed - 1) <= max_rejected:
        allowed += 1
    return allowed


def _threshold(rows: list[dict], max_rejected: float) -> float:
    """The highest probability threshold that declines no more of the answerable rows than
    :func:`rejections_allowed` lets."""
    answerable = [r for r in rows if not r["unanswerable"]]
    allowed = max(rejections_allowed(len(answerable), max_rejected), 0) - sum(r["out_of_scope"] for r in answerable)
    probabilities = sorted(r["p"] for r in answerable if not r["out_of_scope"])
    if not probabilities:
        return 0.0
    # Declining the ``allowed`` least likely answerable questions: the threshold sits between them
    # and the next one.
    allowed = min(max(allowed, 0), len(probabilities) - 1)
    below = probabilities[allowed - 1] if allowed > 0 else 0.0
    return round((below + probabilities[allowed]) / 2, 6)


def _precision_floor(rows: list[dict], target: float) -> float:
    """The lowest top score above which the first passage is right for ``target`` of the rows."""
    accepted = sorted(((r["top"], r["right"]) for r in rows), reverse=True)
    floor, right_so_far = (accepted[0][0] if accepted else 0.0), 0
    for count, (top, right) in enumerate(accepted, start=1):
        right_so_far += right
        if right_so_far / count >= target:
            floor = top
    return round(floor, 4)

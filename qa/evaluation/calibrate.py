"""Derive the no-answer floor and the confidence levels from a question file (``qa calibrate``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from qa.answering.answerability import CALIBRATION_FILE, Calibration
from qa.evaluation.data import read_jsonl
from qa.evaluation.questions import question_outcome
from qa.evaluation.splits import keep_split


def calibrate_file(searcher, paths: list[Path], write: bool = False, margin: float = 0.8) -> dict:
    """Derive the thresholds from a question file (``qa calibrate``), reproducibly.

    ``min_match`` is ``margin`` times the smallest ``shared_weight`` among the answerable Chinese
    questions that the rules accept, so no dev question is rejected by it while questions sharing
    nothing, or only a common word, with their best passage are. ``high`` and ``medium`` are the lowest top scores
    above which the first passage is right for 95% and 75% of the answerable questions.
    """
    # Only the tune half: the test half must stay unseen by every threshold.
    records = [r for path in paths for r in keep_split(read_jsonl(Path(path)), "tune")]
    open_searcher = searcher.with_settings(calibration=Calibration(min_match=0.0))
    rows = []
    for record in records:
        outcome = question_outcome(open_searcher, record)
        answer = outcome["answer"]
        rows.append(
            {
                "unanswerable": record.get("type") == "unanswerable",
                "accepted": outcome["answerable"],
                "right": outcome["rank"] == 1,
                "top": answer.features.get("top_score", 0.0),
                "match": None if answer.intent.foreign else answer.features.get("shared_weight", 0.0),
            }
        )
    answerable = [r for r in rows if not r["unanswerable"]]
    matches = [r["match"] for r in answerable if r["accepted"] and r["match"] is not None]
    min_match = round(margin * min(matches), 4) if matches else 0.0

    def rejected(row: dict) -> bool:
        return not row["accepted"] or (row["match"] is not None and row["match"] < min_match)

    def precision_floor(target: float) -> float:
        accepted = sorted(((r["top"], r["right"]) for r in answerable if not rejected(r)), reverse=True)
        floor, right_so_far = (accepted[0][0] if accepted else 0.0), 0
        for count, (top, right) in enumerate(accepted, start=1):
            right_so_far += right
            if right_so_far / count >= target:
                floor = top
        return round(floor, 4)

    unanswerable = [r for r in rows if r["unanswerable"]]
    result = {
        "thresholds": {"min_match": min_match, "high": precision_floor(0.95), "medium": precision_floor(0.75)},
        "no_answer_accuracy": round(sum(map(rejected, unanswerable)) / max(len(unanswerable), 1), 4),
        "answerable_rejected": round(sum(map(rejected, answerable)) / max(len(answerable), 1), 4),
        "questions": len(rows),
        "margin": margin,
        "source": [Path(path).name for path in paths],
        "split": "tune",
        "calibrated_on": date.today().isoformat(),
    }
    if write:
        CALIBRATION_FILE.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return result

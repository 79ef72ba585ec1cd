"""Evaluate whichever kind of file is given (questions or claims) and print the figures as a table."""

from __future__ import annotations

import json
from pathlib import Path

from qa.errors import EvalFileError
from qa.evaluation.claims import evaluate_claims
from qa.evaluation.data import read_jsonl
from qa.evaluation.questions import evaluate_questions
from qa.evaluation.splits import keep_split
from qa.factcheck.checker import FactChecker


def evaluate_file(searcher, path: Path, split: str | None = None) -> dict:
    """Evaluate a question file or a claim file, whichever ``path`` holds (one half of it, or all)."""
    records = keep_split(read_jsonl(Path(path)), split)
    if "claim" in records[0]:
        return evaluate_claims(FactChecker(searcher), records)
    if "question" not in records[0]:
        raise EvalFileError(f"{path} 既不是问题集(question)也不是陈述集(claim)")
    return evaluate_questions(searcher, records)


def hide_test_misses(report: dict) -> dict:
    """The report with the misses of ``test`` items left out (only counted), so that nobody tunes on them."""
    misses = report.get("misses", [])
    shown = [m for m in misses if m.get("split") != "test"]
    return {**report, "misses": shown, "test_misses_hidden": len(misses) - len(shown)}


def format_report(report: dict) -> str:
    """A readable table of the figures."""
    keys = ["n", "hit@1", "hit@5", "mrr@10", "span@1", "no_answer_accuracy", "answerable_rejected"]
    if "verdict_accuracy" in report:
        keys = ["n", "verdict_accuracy", "evidence_ok", "seconds_per_claim"]
    lines = ["  ".join(f"{k}={report[k]}" for k in keys if k in report)]
    for name, figures in report.get("splits", {}).items():
        lines.append(f"  [{name}]{' ' * (11 - len(name))}" + "  ".join(f"{k}={figures[k]}" for k in keys if k in figures))
    if report.get("gap"):
        lines.append("  [gap test−tune] " + "  ".join(f"{k}={v:+.4f}" for k, v in report["gap"].items()))
    for kind, figures in report.get("by_type", report.get("by_kind", {})).items():
        lines.append(f"  {kind:<13}" + "  ".join(f"{k}={figures[k]}" for k in keys if k in figures))
    if "confusion" in report:
        lines.append("confusion (expected → predicted): " + json.dumps(report["confusion"], ensure_ascii=False))
    for miss in report.get("misses", []):
        lines.append(f"  miss: {miss}")
    if hidden := report.get("test_misses_hidden"):
        lines.append(f"  ({hidden} misses of test items not listed: the test half is measured, not read; --show-test-misses)")
    return "\n".join(lines)

"""Score the system on an evaluation file: questions (retrieval) or claims (fact check).

The file format is described in eval/README.md. A returned passage *hits* when its text contains
any of the question's evidence strings.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from .errors import QAError


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON Lines file, with a clear error for a broken line."""
    records = []
    try:
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except ValueError as exc:
                        raise QAError(f"{path} 第 {number} 行不是有效的 JSON: {exc}") from exc
    except OSError as exc:
        raise QAError(f"无法读取评测文件 {path}: {exc}") from exc
    if not records:
        raise QAError(f"评测文件 {path} 是空的")
    return records


def evaluate_file(searcher, path: Path) -> dict:
    """Evaluate a question file or a claim file, whichever ``path`` holds."""
    records = read_jsonl(Path(path))
    if "claim" in records[0]:
        from .factcheck import FactChecker, evaluate_claims

        return evaluate_claims(FactChecker(searcher), records)
    if "question" not in records[0]:
        raise QAError(f"{path} 既不是问题集(question)也不是陈述集(claim)")
    return evaluate_questions(searcher, records)


def question_outcome(searcher, record: dict, k: int = 10) -> dict:
    """The rank of the first hit, span correctness and the answerable flag for one question."""
    answer = searcher.ask(record["question"], k=k)
    evidence = record.get("evidence") or []
    rank = next(
        (hit.rank for hit in answer.hits if any(e in hit.passage.text for e in evidence)),
        None,
    )
    span_ok = False
    if answer.hits:
        top = answer.hits[0]
        span = top.passage.text[top.highlight[0] - top.passage.start : top.highlight[1] - top.passage.start]
        span_ok = any(e in span for e in evidence)
    return {"rank": rank, "span": span_ok, "answerable": answer.answerable, "answer": answer}


def _retrieval_metrics(outcomes: list[dict]) -> dict:
    answerable = [o for o in outcomes if not o["unanswerable"]]
    unanswerable = [o for o in outcomes if o["unanswerable"]]
    n = len(answerable)
    figures: dict = {"n": len(outcomes)}
    if n:
        figures["hit@1"] = sum(o["rank"] == 1 for o in answerable) / n
        figures["hit@5"] = sum(o["rank"] is not None and o["rank"] <= 5 for o in answerable) / n
        figures["mrr@10"] = sum(1 / o["rank"] for o in answerable if o["rank"]) / n
        figures["span@1"] = sum(o["rank"] == 1 and o["span"] for o in answerable) / n
        figures["answerable_rejected"] = sum(not o["answerable"] for o in answerable) / n
    if unanswerable:
        figures["no_answer_accuracy"] = sum(not o["answerable"] for o in unanswerable) / len(unanswerable)
    return {key: round(value, 4) if isinstance(value, float) else value for key, value in figures.items()}


def evaluate_questions(searcher, records: list[dict]) -> dict:
    """hit@1, hit@5, MRR@10, span@1, no-answer accuracy, wrongly rejected share; also by type."""
    outcomes = []
    for record in records:
        outcome = question_outcome(searcher, record)
        outcome["unanswerable"] = record.get("type") == "unanswerable" or record.get("part") == "none"
        outcome["type"] = record.get("type", "unknown")
        outcome["id"] = record.get("id")
        outcomes.append(outcome)
    report = _retrieval_metrics(outcomes)
    by_type = defaultdict(list)
    for outcome in outcomes:
        by_type[outcome["type"]].append(outcome)
    report["by_type"] = {kind: _retrieval_metrics(group) for kind, group in sorted(by_type.items())}
    report["misses"] = [
        {"id": o["id"], "rank": o["rank"], "span": o["span"], "answerable": o["answerable"]}
        for o in outcomes
        if (not o["unanswerable"] and (o["rank"] != 1 or not o["span"] or not o["answerable"]))
        or (o["unanswerable"] and o["answerable"])
    ]
    return report


def format_report(report: dict) -> str:
    """A readable table of the figures."""
    keys = ["n", "hit@1", "hit@5", "mrr@10", "span@1", "no_answer_accuracy", "answerable_rejected"]
    if "verdict_accuracy" in report:
        keys = ["n", "verdict_accuracy", "evidence_ok", "seconds_per_claim"]
    lines = ["  ".join(f"{k}={report[k]}" for k in keys if k in report)]
    for kind, figures in report.get("by_type", report.get("by_kind", {})).items():
        lines.append(f"  {kind:<13}" + "  ".join(f"{k}={figures[k]}" for k in keys if k in figures))
    if "confusion" in report:
        lines.append("confusion (expected → predicted): " + json.dumps(report["confusion"], ensure_ascii=False))
    for miss in report.get("misses", []):
        lines.append(f"  miss: {miss}")
    return "\n".join(lines)

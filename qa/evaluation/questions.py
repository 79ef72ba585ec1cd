"""Score retrieval and the no-answer decision on a question file.

A returned passage *hits* when its text contains any of the question's evidence strings.
"""

from __future__ import annotations

from collections import defaultdict

from qa.evaluation.splits import split_figures


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
        outcome["split"] = record.get("split")
        outcomes.append(outcome)
    report = _retrieval_metrics(outcomes)
    by_type = defaultdict(list)
    for outcome in outcomes:
        by_type[outcome["type"]].append(outcome)
    report["by_type"] = {kind: _retrieval_metrics(group) for kind, group in sorted(by_type.items())}
    report.update(split_figures(outcomes, _retrieval_metrics))
    report["misses"] = [
        {"id": o["id"], "split": o["split"], "rank": o["rank"], "span": o["span"], "answerable": o["answerable"]}
        for o in outcomes
        if (not o["unanswerable"] and (o["rank"] != 1 or not o["span"] or not o["answerable"]))
        or (o["unanswerable"] and o["answerable"])
    ]
    return report

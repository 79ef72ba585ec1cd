"""Score the fact checker on a claim file: verdict accuracy overall and by kind, and the misses."""

from __future__ import annotations

import time
from collections import Counter, defaultdict

from qa.evaluation.splits import split_figures
from qa.factcheck.checker import FactChecker
from qa.factcheck.verdict import VerdictKind


def evaluate_claims(checker: FactChecker, records: list[dict]) -> dict:
    """Verdict accuracy overall and by kind, confusion, evidence_ok, time per claim, and the misses.

    ``evidence_ok``: the share of correctly judged supported / contradicted claims (with evidence
    strings) whose cited passages contain one of the record's evidence strings.
    """
    rows = []
    started = time.perf_counter()
    for record in records:
        verdict = checker.check(record["claim"])
        expected, evidence = record.get("verdict"), record.get("evidence") or []
        evidence_ok = None
        if verdict.verdict == expected in (VerdictKind.SUPPORTED, VerdictKind.CONTRADICTED) and evidence:
            evidence_ok = any(e in hit.passage.text for hit in verdict.evidence for e in evidence)
        rows.append((record, expected, verdict, evidence_ok))
    seconds = time.perf_counter() - started
    outcomes = [
        {"kind": r.get("kind", "unknown"), "split": r.get("split"), "expected": e, "predicted": v.verdict, "evidence_ok": ok}
        for r, e, v, ok in rows
    ]
    by_kind: dict[str, list[dict]] = defaultdict(list)
    confusion: dict[str, Counter] = defaultdict(Counter)
    for outcome in outcomes:
        by_kind[outcome["kind"]].append(outcome)
        confusion[str(outcome["expected"])][str(outcome["predicted"])] += 1
    return {
        **verdict_metrics(outcomes),
        "seconds_per_claim": round(seconds / len(rows), 3),
        "by_kind": {k: verdict_metrics(group) for k, group in sorted(by_kind.items())},
        **split_figures(outcomes, verdict_metrics),
        "confusion": {e: dict(sorted(p.items())) for e, p in sorted(confusion.items())},
        "misses": [
            {
                "id": r.get("id"),
                "split": r.get("split"),
                "kind": r.get("kind"),
                "expected": e,
                "predicted": v.verdict,
                "evidence_ok": ok,
                "claim": r["claim"],
                "explanation": v.explanation,
            }
            for r, e, v, ok in rows
            if v.verdict != e or ok is False
        ],
    }


def verdict_metrics(outcomes: list[dict]) -> dict:
    """Verdict accuracy and, over correct supported / contradicted verdicts with evidence, evidence_ok."""
    judged = [o["evidence_ok"] for o in outcomes if o["evidence_ok"] is not None]
    return {
        "n": len(outcomes),
        "verdict_accuracy": round(sum(o["expected"] == o["predicted"] for o in outcomes) / len(outcomes), 4),
        "evidence_ok": round(sum(judged) / len(judged), 4) if judged else None,
    }

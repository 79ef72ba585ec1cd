"""Score the fact checker on a claim file: verdict accuracy overall and by kind, and the misses."""

from __future__ import annotations

import time
from collections import Counter, defaultdict

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
    by_kind: dict[str, list[bool]] = defaultdict(list)
    confusion: dict[str, Counter] = defaultdict(Counter)
    for record, expected, verdict, _ in rows:
        by_kind[record.get("kind", "unknown")].append(verdict.verdict == expected)
        confusion[str(expected)][verdict.verdict] += 1
    judged = [ok for *_, ok in rows if ok is not None]
    return {
        "n": len(rows),
        "verdict_accuracy": round(sum(v.verdict == e for _, e, v, _ in rows) / len(rows), 4),
        "evidence_ok": round(sum(judged) / len(judged), 4) if judged else None,
        "seconds_per_claim": round(seconds / len(rows), 3),
        "by_kind": {k: {"n": len(oks), "verdict_accuracy": round(sum(oks) / len(oks), 4)} for k, oks in sorted(by_kind.items())},
        "confusion": {e: dict(sorted(p.items())) for e, p in sorted(confusion.items())},
        "misses": [
            {
                "id": r.get("id"),
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

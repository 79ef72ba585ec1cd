"""Print the dev figures with each retrieval component switched off in turn (the ablation table).

    .venv/bin/python benchmarks/ablation.py [--questions eval/dev.jsonl]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.answering.search import Searcher  # noqa: E402
from qa.evaluation.report import evaluate_file  # noqa: E402
from qa.index.store import open_index  # noqa: E402

VARIANTS = [
    ("full system", {}),
    ("− dense (e5)", {"use_dense": False}),
    ("− passage BM25", {"use_lexical": False}),
    ("− sentence BM25", {"use_sentences": False}),
    ("− both BM25 (dense only)", {"use_lexical": False, "use_sentences": False}),
    ("− year / definition / notes priors", {"use_intent": False}),
    ("− off-topic check", {"use_topic": False}),
    ("− English re-weighting", {"foreign_lexical_weight": 0.5, "foreign_dense_weight": 0.25}),
    ("BM25 passages only", {"use_dense": False, "use_sentences": False, "use_intent": False}),
]
KEYS = ["hit@1", "hit@5", "mrr@10", "span@1", "no_answer_accuracy", "answerable_rejected"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "dev.jsonl")
    args = parser.parse_args()
    searcher = Searcher(open_index(ROOT / "index", ROOT / "corpus"))
    print("| variant | " + " | ".join(KEYS) + " | english hit@5 | colloquial hit@1 |")
    print("|---|" + "---|" * (len(KEYS) + 2))
    for label, changes in VARIANTS:
        report = evaluate_file(searcher.with_settings(**changes), args.questions)
        by_type = report["by_type"]
        cells = [f"{report[k]:.3f}" for k in KEYS]
        cells += [f"{by_type['english']['hit@5']:.2f}", f"{by_type['colloquial']['hit@1']:.2f}"]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

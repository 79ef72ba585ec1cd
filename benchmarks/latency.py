"""Print the warm end-to-end latency of one question (median and 95th percentile), and memory.

    .venv/bin/python benchmarks/latency.py [--rounds 5] [--index index] [--corpus corpus]

Each round asks every dev question once through ``Searcher.ask`` (normalise, both retrievers,
fusion, answer span, no-answer check), after one warm-up round. Figures are per question.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.answering.search import Searcher  # noqa: E402
from qa.index.store import open_index  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--index", type=Path, default=ROOT / "index")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "dev.jsonl")
    args = parser.parse_args()

    started = time.perf_counter()
    searcher = Searcher(open_index(args.index, args.corpus))
    load_seconds = time.perf_counter() - started
    questions = [json.loads(line)["question"] for line in args.questions.open(encoding="utf-8") if line.strip()]
    for question in questions:  # warm-up: caches, lazy imports, thread pools
        searcher.ask(question)

    per_round_medians, timings = [], []
    for _ in range(args.rounds):
        this_round = []
        for question in questions:
            t0 = time.perf_counter()
            searcher.ask(question)
            this_round.append((time.perf_counter() - t0) * 1000)
        per_round_medians.append(statistics.median(this_round))
        timings.extend(this_round)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"questions: {len(questions)} × {args.rounds} rounds, {os.cpu_count()} cores")
    print(f"index load (model included): {load_seconds:.1f} s")
    print(f"warm latency per question: median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms")
    print("median of each round (ms): " + ", ".join(f"{m:.1f}" for m in per_round_medians))
    print(f"peak resident memory: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()

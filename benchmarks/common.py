"""Shared pieces of the benchmarks: paths, timing summaries, peak memory, running a worker process."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def summary_ms(seconds: list[float]) -> dict:
    """Median and 95th percentile of durations, in milliseconds."""
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered) * 1000, 2), "p95_ms": round(p95 * 1000, 2), "n": len(ordered)}


def timed(function, *args) -> tuple[object, float]:
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def questions(files=("dev.jsonl", "questions-extra.jsonl")) -> list[str]:
    return [row["question"] for name in files for row in read_jsonl(EVAL / name)]


def claims(files=("claims-dev.jsonl", "claims-extra.jsonl", "claims-hard.jsonl")) -> list[str]:
    return [row["claim"] for name in files for row in read_jsonl(EVAL / name)]


def run_worker(module: str, *args: str, timeout: float = 7200) -> dict:
    """Run ``python -m module args`` from the project root; its last stdout line is a JSON object."""
    result = subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])

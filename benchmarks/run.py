"""All the speed figures in one run: prints a table, writes docs/performance.md and docs/performance.png.

    .venv/bin/python -m benchmarks.run [--quick] [--max-size 100000] [--reuse-scale]

Ours and the tutorial baseline (benchmarks/baseline.py) are measured in the same run, each in its own
processes: build; cold start (new process → printed answer) of ``qa ask`` and of the app (process
start → first /ask answered over HTTP); warm ask and check (median, p95); peak memory; dev hit@1.
Then the scale test (benchmarks/scale.py) at 10k, 100k and 1M synthetic passages.
``--quick``: 3 cold runs instead of 5; ``--max-size 100000`` skips the million. ``--reuse-scale`` keeps scale results
already measured (benchmarks/.cache/scale/) instead of measuring them again.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, run_worker
from benchmarks.report import write_report
from benchmarks.system import COLD_QUESTION

SIZES = [10_000, 100_000, 1_000_000]
DENSE_KINDS = ["flat", "hnsw", "ivf"]
#: Our tokeniser runs jieba over every passage: a million would take hours on this machine.
LEXICAL_MAX = 100_000
SCALE_CACHE = ROOT / "benchmarks" / ".cache" / "scale"
QA = str(Path(sys.executable).with_name("qa"))


def wall_seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def median_of(runs: int, command: list[str]) -> float:
    return round(statistics.median(wall_seconds(command) for _ in range(runs)), 2)


def app_first_answer_seconds() -> float:
    """Seconds from starting ``ui.py`` to the first /ask answered through gradio_client."""
    from gradio_client import Client

    port = 7900 + int(time.time()) % 90
    started = time.perf_counter()
    app = subprocess.Popen([sys.executable, "ui.py", "--port", str(port)], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        while True:
            try:
                Client(f"http://127.0.0.1:{port}/", verbose=False).predict(COLD_QUESTION, 5, "全部", api_name="/ask")
                return round(time.perf_counter() - started, 2)
            except Exception:  # not listening yet
                if app.poll() is not None or time.perf_counter() - started > 300:
                    raise RuntimeError("the app did not answer within 300 s") from None
                time.sleep(0.1)
    finally:
        app.terminate()
        app.wait(timeout=30)


def measure_systems(runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        baseline_dir = Path(tmp) / "baseline"
        ours = {"build_s": round(wall_seconds([QA, "build", "--index", str(Path(tmp) / "index")]), 2)}
        started = time.perf_counter()
        base = run_worker("benchmarks.system", "baseline", "build", "--dir", str(baseline_dir))
        base["build_s"] = round(time.perf_counter() - started, 2)
        ours["cold_ask_s"] = median_of(runs, [QA, "ask", COLD_QUESTION])
        base["cold_ask_s"] = median_of(
            runs, [sys.executable, "-m", "benchmarks.system", "baseline", "cold", "--dir", str(baseline_dir)]
        )
        ours["cold_app_s"] = statistics.median(app_first_answer_seconds() for _ in range(runs))
        ours.update(run_worker("benchmarks.system", "ours", "warm"))
        base.update(run_worker("benchmarks.system", "baseline", "warm", "--dir", str(baseline_dir)))
        # torch's default (a thread per core) suffers most when other processes share the cores; one
        # thread shows the baseline at its best on a busy machine, so the ratio is not load alone.
        one_thread = run_worker("benchmarks.system", "baseline", "warm", "--dir", str(baseline_dir), "--torch-threads", "1")
    return {"ours": ours, "baseline": base, "baseline_1_thread": one_thread}


def measure_scale(max_size: int, reuse: bool) -> list[dict]:
    SCALE_CACHE.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (s for s in SIZES if s <= max_size):
        for kind in (["lexical"] if size <= LEXICAL_MAX else []) + DENSE_KINDS:
            cached = SCALE_CACHE / f"{size}-{kind}.json"
            reused = reuse and cached.exists() and cached.stat().st_size > 0
            if not reused:
                figures = run_worker("benchmarks.scale", "--size", str(size), "--kind", kind)
                cached.write_text(json.dumps(figures) + "\n")
            results.append({**json.loads(cached.read_text()), "reused": reused})
            print(f"  scale {size:>9,} {kind:<8} {results[-1]['median_ms']:>8} ms", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 cold runs instead of 5")
    parser.add_argument("--max-size", type=int, default=SIZES[-1], help="largest synthetic corpus (default 1M)")
    parser.add_argument("--reuse-scale", action="store_true", help="keep scale results measured earlier")
    args = parser.parse_args()
    if shutil.which(QA) is None:
        sys.exit(f"{QA} not found: run scripts/setup.sh first")
    runs = 3 if args.quick else 5
    load = os.getloadavg()[0]
    systems = measure_systems(runs)
    SCALE_CACHE.parent.mkdir(parents=True, exist_ok=True)  # a fresh clone has no cache yet
    (SCALE_CACHE.parent / "systems.json").write_text(json.dumps(systems, ensure_ascii=False, indent=1))
    scale = measure_scale(args.max_size, args.reuse_scale)
    reused = [f"{r['size']:,} {r['kind']}" for r in scale if r.get("reused")]
    conditions = f"cold starts are medians of {runs} new processes; the load average was {load:.1f} when the run began. " + (
        f"The scale rows {', '.join(reused)} were reused from an earlier run of this command (`--reuse-scale`, "
        "cached in `benchmarks/.cache/scale/`); every other figure comes from this run."
        if reused
        else "Every figure below comes from this run."
    )
    print(write_report(systems, scale, ROOT / "docs", conditions))


if __name__ == "__main__":
    main()

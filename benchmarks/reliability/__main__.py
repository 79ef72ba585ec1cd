"""Run every reliability probe and write docs/reliability.md: ``python -m benchmarks.reliability [--quick]``.

``--quick`` runs fewer kills and a shorter load (a few minutes); the full run is what the document reports.
Timings on a shared 2-core machine are noisy; the counts (crashes, leaks, errors) are not.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.reliability import faults, hostile, web  # noqa: E402
from benchmarks.reliability.report import write_report  # noqa: E402
from qa.answering.search import Searcher  # noqa: E402
from qa.app.limits import bound_threads  # noqa: E402
from qa.index.store import open_index  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer kills, shorter load")
    parser.add_argument("--index", type=Path, default=ROOT / "index")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reliability.md")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    bound_threads()
    searcher = Searcher(open_index(args.index, ROOT / "corpus"))
    # Questions asked in turn, more of them than the app's answer cache holds: every request is searched.
    questions = [
        json.loads(line)["question"]
        for name in ("dev.jsonl", "questions-extra.jsonl")
        for line in (ROOT / "eval" / name).open(encoding="utf-8")
        if line.strip()
    ]
    started = time.perf_counter()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    results = {"quick": args.quick, "machine": machine}

    def step(name, run):
        print(f"… {name}", file=sys.stderr, flush=True)
        results[name] = run()

    encodable = [t for t in hostile.HOSTILE_TEXT if "\ud800" not in t]  # stdin carries bytes, not lone surrogates
    stdin_lines = hostile.HOSTILE_BYTES + [t.encode("utf-8") for t in encodable]
    step("cli_argument", lambda: hostile.probe_arguments(searcher, hostile.all_texts()))
    step("cli_stdin", lambda: hostile.probe_stdin(args.index, stdin_lines))
    with tempfile.TemporaryDirectory(prefix="qa-reliability-") as work:
        work = Path(work)
        log = work / "server.log"
        with web.serve_process(args.index, log) as (url, pid):
            step("web_api", lambda: web.probe_api(url, hostile.all_texts(), hostile.HOSTILE_VALUES, log, hostile.HOSTILE_DOCS))
            step("limits", lambda: web.probe_limits(url, pid))
            step("traversal", lambda: web.probe_traversal(url))
            requests = 200 if args.quick else 1000
            step("load", lambda: web.probe_load(url, searcher, questions, requests, 20))
        step("busy", lambda: web.probe_busy(searcher))
        step("swap_steps", lambda: faults.probe_swap_steps(searcher.index, work))
        step("damage", lambda: faults.probe_damage(searcher.index, work))
        step("unreadable", lambda: faults.probe_unreadable(searcher.index, work))
        step("random_kills", lambda: faults.probe_random_kills(searcher.index, work, 3 if args.quick else 9))
    results["seconds"] = round(time.perf_counter() - started)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), "utf-8")
    write_report(results, args.out)
    print(f"wrote {args.out} ({results['seconds']} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

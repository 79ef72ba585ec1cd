"""One system measured in its own process (so its peak memory is its own); JSON on the last line.

    .venv/bin/python -m benchmarks.system ours warm
    .venv/bin/python -m benchmarks.system baseline build|warm|cold --dir DIR [--torch-threads N]

``warm``: every question once (264, none repeated, so no cache helps) and, for ours, every claim once
(313), after five warm-up questions that are not among them; hit@1 of the dev questions: the top
passage contains one of the question's evidence strings (as ``qa eval``), by split. Before that, the
query encoding alone of every question (ours: its query encoder, with an empty cache afterwards; the
baseline: sentence-transformers ``encode``), to show which part of ``ask`` the ratio comes from.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from benchmarks.common import EVAL, ROOT, claims, peak_rss_mb, questions, read_jsonl, summary_ms
from qa.errors import InputError

COLD_QUESTION = "2020年和平区新增就业多少人?"
WARM_UP = ["和平区有多少人口?", "2021年的目标是什么?", "疫情防控做了什么?", "营商环境怎么样?", "就业情况如何?"]
WARM_UP_CLAIMS = ["和平区2019年地区生产总值增长了百分之七。", "和平区2021年计划新建两所学校。"]


def hit_at_1(top_text) -> dict:
    """Share of answerable dev questions whose top passage holds an evidence string, overall and by split."""
    rows = [r for r in read_jsonl(EVAL / "dev.jsonl") if r.get("type") != "unanswerable" and r.get("part") != "none"]
    hits = {r["id"]: any(e in top_text(r["question"]) for e in r["evidence"]) for r in rows}
    figures = {"all": sum(hits.values()) / len(rows)}
    for split in ("tune", "test"):
        part = [hits[r["id"]] for r in rows if r["split"] == split]
        figures[split] = sum(part) / len(part)
    return {key: round(value, 4) for key, value in figures.items()}


def _time_each(function, inputs: list[str]) -> dict:
    """Wall time, and CPU time of this process (which other processes on a shared machine do not inflate)."""
    latencies, cpu = [], []
    for text in inputs:
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            function(text)
        except InputError:  # an input the system turns away is still an answer, and still timed
            pass
        latencies.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return {**summary_ms(latencies), "cpu_median_ms": summary_ms(cpu)["median_ms"]}


def ours_warm() -> dict:
    from qa.answering.search import Searcher
    from qa.factcheck.checker import FactChecker
    from qa.index.embedding import QueryCache
    from qa.index.store import Index

    searcher = Searcher(Index.load(ROOT / "index", ROOT / "corpus"))
    checker = FactChecker(searcher)
    for text in WARM_UP:
        searcher.ask(text)
    for text in WARM_UP_CLAIMS:
        checker.check(text)
    embedder = searcher.index.embedder
    figures = {"encode": _time_each(lambda q: embedder.encode_queries([q]), questions())}
    embedder.query_cache = QueryCache()  # so ask encodes every question again
    figures.update({"ask": _time_each(searcher.ask, questions()), "check": _time_each(checker.check, claims())})
    figures["hit@1"] = hit_at_1(lambda q: searcher.ask(q, k=10).hits[0].passage.text)
    figures["query_encoder"] = searcher.index.embedder.query_encoder
    return figures


def baseline(mode: str, folder: Path, torch_threads: int | None = None) -> dict:
    from benchmarks.baseline import TutorialBaseline

    if torch_threads:
        import torch

        torch.set_num_threads(torch_threads)

    if mode == "build":
        started = time.perf_counter()
        TutorialBaseline.build().save(folder)
        return {"build_in_process_s": round(time.perf_counter() - started, 2)}
    system = TutorialBaseline.load(folder)
    if mode == "cold":
        print(system.ask(COLD_QUESTION)[0][:60])
        return {}
    for text in WARM_UP:
        system.ask(text)
    figures = {"encode": _time_each(lambda q: system.model.encode(["query: " + q], normalize_embeddings=True), questions())}
    figures["ask"] = _time_each(system.ask, questions())
    figures["hit@1"] = hit_at_1(lambda q: system.ask(q, k=1)[0])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("system", choices=["ours", "baseline"])
    parser.add_argument("mode", choices=["build", "warm", "cold"])
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks" / ".cache" / "baseline")
    parser.add_argument("--torch-threads", type=int, help="the baseline's torch threads (default: torch's own, one per core)")
    args = parser.parse_args()
    figures = ours_warm() if args.system == "ours" else baseline(args.mode, args.dir, args.torch_threads)
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()

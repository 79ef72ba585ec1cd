"""docs/performance.md and docs/performance.png from the figures of one benchmark run."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path


def _ratio(ours: float, baseline: float) -> str:
    if not ours or not baseline:
        return "—"
    return f"{baseline / ours:.1f}× faster" if baseline >= ours else f"{ours / baseline:.1f}× slower"


def system_rows(systems: dict) -> list[tuple[str, str, str, str]]:
    ours, base = systems["ours"], systems["baseline"]
    rows = []
    for label, key in [("build (process wall time), s", "build_s"), ("cold `ask` (new process → answer), s", "cold_ask_s")]:
        rows.append((label, f"{ours[key]}", f"{base[key]}", _ratio(ours[key], base[key])))
    rows.append(("cold app (start → first /ask answered), s", f"{ours['cold_app_s']}", "—", ""))
    for stat in ("median_ms", "p95_ms", "cpu_median_ms"):
        o, b = ours["ask"][stat], base["ask"][stat]
        rows.append((f"warm ask {stat.replace('_ms', '')} ({ours['ask']['n']} questions), ms", f"{o}", f"{b}", _ratio(o, b)))
    if "encode" in ours and "encode" in base:
        for stat in ("median_ms", "cpu_median_ms"):
            o, b = ours["encode"][stat], base["encode"][stat]
            rows.append((f"of which query encoding, {stat.replace('_ms', '')}, ms", f"{o}", f"{b}", _ratio(o, b)))
    one_thread = systems.get("baseline_1_thread")
    if one_thread:
        for stat in ("median_ms", "p95_ms", "cpu_median_ms"):
            o, b = ours["ask"][stat], one_thread["ask"][stat]
            label = f"warm ask {stat.replace('_ms', '')}, baseline with one torch thread, ms"
            rows.append((label, f"{o}", f"{b}", _ratio(o, b)))
    for stat in ("median_ms", "p95_ms", "cpu_median_ms"):
        label = f"warm check {stat.replace('_ms', '')} ({ours['check']['n']} claims), ms"
        rows.append((label, f"{ours['check'][stat]}", "—", ""))
    rows.append(("peak memory of the warm process, MB", f"{ours['peak_rss_mb']:.0f}", f"{base['peak_rss_mb']:.0f}", ""))
    for split in ("all", "tune", "test"):
        rows.append((f"dev hit@1 ({split})", f"{ours['hit@1'][split]:.3f}", f"{base['hit@1'][split]:.3f}", ""))
    return rows


def _table(header: tuple, rows: list[tuple]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def scale_rows(scale: list[dict]) -> list[tuple]:
    return [
        (f"{r['size']:,}", r["kind"], r["build_s"], r["median_ms"], r["p95_ms"], r.get("recall@10", "—"),
         r.get("recall@10_ties", "—"), f"{r['peak_rss_mb']:.0f}")
        for r in scale
    ]


def plot(systems: dict, scale: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (left, middle, right) = plt.subplots(1, 3, figsize=(15, 4.5))
    names = ["ours", "baseline"]
    for offset, stat in enumerate(("median_ms", "p95_ms")):
        values = [systems[n]["ask"][stat] for n in names]
        left.bar([i + 0.4 * offset for i in range(2)], values, width=0.4, label=stat.replace("_ms", ""))
    left.set_xticks([0.2, 1.2], names)
    left.set_ylabel("warm ask, ms")
    left.set_title("Warm ask latency (same run)")
    left.legend()
    for kind in sorted({r["kind"] for r in scale}):
        rows = sorted((r for r in scale if r["kind"] == kind), key=lambda r: r["size"])
        sizes = [r["size"] for r in rows]
        middle.plot(sizes, [r["median_ms"] for r in rows], marker="o", label=kind)
        right.plot(sizes, [r["peak_rss_mb"] for r in rows], marker="o", label=kind)
    for axis, label, title in ((middle, "query median, ms", "Search latency vs size"), (right, "peak RSS, MB", "Memory vs size")):
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("synthetic passages")
        axis.set_ylabel(label)
        axis.set_title(title)
        axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def write_report(systems: dict, scale: list[dict], docs: Path, conditions: str) -> str:
    """Write the two files; return the Markdown tables for the terminal."""
    docs.mkdir(exist_ok=True)
    plot(systems, scale, docs / "performance.png")
    systems_table = _table(("", "ours", "tutorial baseline", "ratio"), system_rows(systems))
    scale_header = ("passages", "index", "build s", "median ms", "p95 ms", "recall@10", "recall@10 (ties)", "peak MB")
    scale_table = _table(scale_header, scale_rows(scale))
    text = (Path(__file__).with_name("performance_template.md").read_text("utf-8")).format(
        date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        machine=f"{platform.machine()}, {platform.python_version()}, {_cores()} cores",
        systems=systems_table,
        scale=scale_table,
        encoder=systems["ours"].get("query_encoder", "?"),
        conditions=conditions,
    )
    (docs / "performance.md").write_text(text, "utf-8")
    return systems_table + "\n\n" + scale_table


def _cores() -> int:
    return os.cpu_count() or 1

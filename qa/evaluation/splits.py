"""The fixed ``tune`` and ``test`` halves of every evaluation file (the ``split`` field of each record).

Thresholds are calibrated and rules debugged on ``tune`` only; both halves are reported with the gap
(test − tune), because a large gap means a rule fits its items rather than the language.
"""

from __future__ import annotations

from collections.abc import Callable

from qa.errors import EvalFileError

SPLITS = ("tune", "test")


def split_figures(outcomes: list[dict], metrics: Callable[[list[dict]], dict]) -> dict:
    """``{"splits": {"tune": figures, "test": figures}, "gap": {metric: test − tune}}`` (empty without splits)."""
    halves = {name: [o for o in outcomes if o.get("split") == name] for name in SPLITS}
    if not all(halves.values()):
        return {}
    figures = {name: metrics(group) for name, group in halves.items()}
    gap = {
        key: round(figures["test"][key] - value, 4)
        for key, value in figures["tune"].items()
        if key != "n" and isinstance(value, float) and isinstance(figures["test"].get(key), float)
    }
    return {"splits": figures, "gap": gap}


def keep_split(records: list[dict], split: str | None) -> list[dict]:
    """The records of one half (all of them for None); EvalFileError when that half is empty."""
    if split is None:
        return records
    if split not in SPLITS:
        raise EvalFileError(f"未知的评测子集 {split!r},可选: {', '.join(SPLITS)}")
    kept = [r for r in records if r.get("split") == split]
    if not kept:
        raise EvalFileError(f"评测文件中没有 split 为 {split} 的条目")
    return kept

"""Figures given "respectively" for a list of things: which figure belongs to which thing.

Reports pack parallel facts into one clause: a list of things, then a list of figures in the same order,
often with 分别 (respectively):

    “雏鹰”、“瞪羚”企业分别评价入库176家、3家
    内、外资到位额分别达65亿元和5500万美元以上
    国家高新技术企业、国家科技型中小企业累计达到80家、200家

Every thing's name stands equally near every figure, so matching a claim's words by distance cannot
tell 176家 (雏鹰) from 3家 (瞪羚). :func:`respective_views` rewrites such a clause once per figure,
keeping only the thing that figure belongs to (“雏鹰”企业分别评价入库176家), so that a claim is matched
with the figure for the thing it names. A clause is read so only when the list of things and the list
of figures have the same length; the items are the 、-separated stretches before the figures (the
first stretch and the last one as long as each other: the last one's rest is the words they share).
"""

from __future__ import annotations

import re

from qa.text.quantities import Quantity

__all__ = ["respective_views", "respective_years"]

# A span of years written as a range (2021—2023, 2021-2023年, 2021至2023年).
YEAR_RANGE = re.compile(r"(?P<first>(?:19|20)\d\d)年?\s*(?:—|–|-|~|至|到)\s*(?P<last>(?:19|20)\d\d)年?")

# Between two figures of one list: a list mark or a conjunction only.
FIGURE_JOIN = re.compile(r"\s*(?:、|和|与|及|以及)\s*")
CLAUSE_END = re.compile(r"[，,；;。：:!！?？\n]")


def respective_views(text: str, figures: list[Quantity]) -> dict[int, tuple[str, tuple[int, int]]]:
    """For each figure of ``text`` given respectively for a list of things (by its start): the clause
    rewritten with only its own thing, and the figure's span in that rewriting."""
    views: dict[int, tuple[str, tuple[int, int]]] = {}
    for run in _figure_runs(text, figures):
        start = _clause_start(text, run[0].start)
        chunks = text[start : run[0].start].split("、")
        if len(chunks) != len(run) or any(not c.strip() for c in chunks):
            continue
        first, last = chunks[0], chunks[-1]
        if len(last) <= len(first):
            continue
        items = [first, *chunks[1:-1], last[: len(first)]]
        shared = last[len(first) :]
        end = run[-1].end
        for item, figure in zip(items, run):
            head = text[:start] + item + shared
            view = head + figure.text + text[end:]
            views[figure.start] = (view, (len(head), len(head) + len(figure.text)))
    return views


def _figure_runs(text: str, figures: list[Quantity]) -> list[list[Quantity]]:
    """Runs of two or more figures joined only by 、 or a conjunction (176家、3家; 65亿元和5500万美元)."""
    runs: list[list[Quantity]] = []
    ordered = sorted((f for f in figures if not f.is_year), key=lambda f: f.start)
    for f in ordered:
        if runs and FIGURE_JOIN.fullmatch(text[runs[-1][-1].end : f.start]):
            runs[-1].append(f)
        else:
            runs.append([f])
    return [r for r in runs if len(r) >= 2]


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding position ``at`` begins."""
    ends = [m.end() for m in CLAUSE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


def respective_years(text: str, figures: list[Quantity]) -> dict[int, int]:
    """For each figure of ``text`` given year by year for a range of years (2021—2023三年政府投资滚动计划
    分别为8.7亿元、7.6亿元、4.7亿元; by its start): its year. A run of figures is read so only when it
    has one figure for each year of the range its clause names before it."""
    years: dict[int, int] = {}
    for run in _figure_runs(text, figures):
        start = _clause_start(text, run[0].start)
        ranges = list(YEAR_RANGE.finditer(text, start, run[0].start))
        if not ranges:
            continue
        first, last = int(ranges[-1]["first"]), int(ranges[-1]["last"])
        if last - first + 1 == len(run):
            years |= {f.start: first + k for k, f in enumerate(run)}
    return years

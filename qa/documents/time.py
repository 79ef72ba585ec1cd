"""Which years a document reports results for and which it states plans for, read from the document.

A Chinese plan or work report has a part that reviews a period (“一、2020年国民经济和社会发展计划执行情况”,
“一、2021年工作回顾”, “过去五年工作回顾”) and a part that sets out the coming one (“二、2021年…计划任务”,
“二、2022年工作安排”). The years come from those part headings; when a heading names none, from the
title (“关于…2020年…执行情况与2021年…计划的报告”), and failing that from the date of delivery: such a
report is delivered early in the plan year and reviews the year before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.documents.parts import Part, part_kind
from qa.text.quantities import extract_years

PART_NAMES = {
    Part.REVIEW: "执行情况",
    Part.PLAN: "计划",
    Part.NOTES: "附注",
    Part.ATTACHMENT: "附件",
    Part.PREAMBLE: "报告开头",
}
DATE_YEAR = re.compile(r"((?:19|20)\d\d)\s*[-年./]")
# In a title, the words after which the years named are results, and plans.
TITLE_REVIEW = re.compile(r"执行情况|完成情况|回顾|总结")
TITLE_PLAN = re.compile(r"计划|安排|打算|规划|预算")


@dataclass(frozen=True)
class DocumentTime:
    """The years a document reviews and the years it plans."""

    review_years: tuple[int, ...] = ()
    plan_years: tuple[int, ...] = ()

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({*self.review_years, *self.plan_years}))

    @property
    def current_year(self) -> int | None:
        """The year the document speaks in: its (first) plan year, else the year after its review."""
        if self.plan_years:
            return min(self.plan_years)
        return max(self.review_years) + 1 if self.review_years else None

    def period_of(self, years: set[int]) -> Part | None:
        """The part that covers the asked years: the review or the plan, None when both or neither do."""
        review, plan = bool(years & set(self.review_years)), bool(years & set(self.plan_years))
        if review and not plan:
            return Part.REVIEW
        if plan and not review:
            return Part.PLAN
        return None

    def label(self, part: Part | str | None) -> str:
        """A part's name with its years: 2020年执行情况, 2021年计划, 附注."""
        kind = Part(part) if part else Part.PREAMBLE
        years = {Part.REVIEW: self.review_years, Part.PLAN: self.plan_years}.get(kind, ())
        return f"{_years_text(years)}年{PART_NAMES[kind]}" if years else PART_NAMES[kind]


def _years_text(years: tuple[int, ...]) -> str:
    if len(years) == 1:
        return str(years[0])
    return f"{min(years)}—{max(years)}" if years == tuple(range(min(years), max(years) + 1)) else "、".join(map(str, years))


def years_in(text: str) -> tuple[int, ...]:
    """The calendar years a heading or title names (2020年, 二〇二一年, both ends of 2021—2023)."""
    return tuple(sorted({int(q.value) for q in extract_years(text) if 1900 <= q.value <= 2100}))


def read_time(part_headings: list[str], title: str = "", published: str | None = None) -> DocumentTime:
    """The years a document reviews and plans, from its part headings, else its title, else its date."""
    review: set[int] = set()
    plan: set[int] = set()
    for heading in part_headings:
        kind = part_kind(heading)
        if kind == Part.REVIEW:
            review.update(years_in(heading))
        elif kind == Part.PLAN:
            plan.update(years_in(heading))
    if not review and not plan:
        review, plan = _title_years(title)
    if not review and not plan and published and (found := DATE_YEAR.match(published)):
        plan = {int(found.group(1))}
    if plan and not review:
        review = {min(plan) - 1}
    if review and not plan:
        plan = {max(review) + 1}
    return DocumentTime(tuple(sorted(review)), tuple(sorted(plan)))


def _title_years(title: str) -> tuple[set[int], set[int]]:
    """Years before a 执行情况 cue are results; years after it, before a 计划 cue, are plans."""
    review_cue = TITLE_REVIEW.search(title)
    if not review_cue:
        return set(), set()
    review = set(years_in(title[: review_cue.end()]))
    rest = title[review_cue.end() :]
    plan_cue = TITLE_PLAN.search(rest)
    plan = set(years_in(rest[: plan_cue.end()])) if plan_cue else set()
    return review, plan


# What a statement says of its year: results (去年, 完成, 实现, 达到, 已经, 累计, 取得 …) or plans
# (计划, 目标, 力争, 预期, 将 …). 将近 is "nearly", not "will".
RESULT_CUE = re.compile(r"去年|上年|上一年|过去一年|已经|完成|实现|达到|累计|取得|超额")
# 要 as a modal (今年要…, 和平区要…) is a plan; not inside 主要, 重要, 需要, 要求, 纲要 and the like.
PLAN_CUE = re.compile(
    r"今年|明年|计划|目标|任务|力争|预期|预计|争取|打算|安排|将(?!近)|(?<![主重需只纲摘概首紧必])要(?![求素点件])"
)


def statement_cue(text: str) -> Part | None:
    """Whether a statement reports results (the review) or states plans, by its first time cue.

    The first cue governs what follows it: a plan word makes the result verbs after it a target
    (力争实现…, 目标是达到…, 计划完成…), and a result verb makes the plan words after it an outcome
    (完成年度计划, 实现了目标, 超额完成任务). None without a cue.
    """
    found = [(m.start(), Part.REVIEW) for m in RESULT_CUE.finditer(text)]
    found += [(m.start(), Part.PLAN) for m in PLAN_CUE.finditer(text)]
    return min(found)[1] if found else None


def documents_about(places: dict[str, str | None], named: list[str]) -> list[str]:
    """The documents about the places a statement names (南开区 → the 南开区 reports); every document
    when it names none that a document is about."""
    chosen = sorted(d for d, place in places.items() if place and place in named)
    return chosen or sorted(places)


def documents_covering(times: dict[str, DocumentTime], years: set[int], cue: Part | None) -> list[str]:
    """The documents a statement about ``years`` is read against: those that review the years for
    results, those that plan them for plans; without a cue the review (a result is checked against
    results), and failing either, the other."""
    reviewing = sorted(d for d, t in times.items() if years & set(t.review_years))
    planning = sorted(d for d, t in times.items() if years & set(t.plan_years))
    return (planning or reviewing) if cue == Part.PLAN else (reviewing or planning)

"""The parts of a report: the review of a past period, the plan for the coming one, notes, attachments,
the opening."""

from __future__ import annotations

import re
from enum import StrEnum


class Part(StrEnum):
    """Which part of a report a passage stands in."""

    REVIEW = "review"  # the results of the period under review
    PLAN = "plan"  # the plan for the coming period
    NOTES = "notes"  # 附注 / 名词解释: notes that explain terms
    ATTACHMENT = "attachment"  # 附件: a table, list or text appended to the document, neither review nor plan
    PREAMBLE = "preamble"  # before the first part heading

    @property
    def other(self) -> Part | None:
        """The review for the plan and the plan for the review (the year a figure may be swapped with)."""
        return {Part.REVIEW: Part.PLAN, Part.PLAN: Part.REVIEW}.get(self)


# Headings of parts that report results: 计划执行情况, 预算执行情况, 工作回顾, 完成情况, 工作总结.
REVIEW_HEADING = re.compile(r"执行情况|回顾|完成情况|工作总结|主要成效|取得的成绩")
NOTES_HEADING = re.compile(r"^(?:附\s*注|名词解释|注\s*释)")
ATTACHMENT_HEADING = re.compile(r"^附\s*件")


def part_kind(part: str | None) -> Part:
    """Classify a part heading: the review of the past period, the plan for the coming one, notes or an attachment."""
    if part is None:
        return Part.PREAMBLE
    if NOTES_HEADING.match(part):
        return Part.NOTES
    # An attachment's title may name results (2020年重点项目完成情况表): it is still an attachment.
    if ATTACHMENT_HEADING.match(part):
        return Part.ATTACHMENT
    if REVIEW_HEADING.search(part):
        return Part.REVIEW
    return Part.PLAN

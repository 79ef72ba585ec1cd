"""What a question is after: which year (the 2020 review or the 2021 plan), a definition, a figure.

The cues are general Chinese and government-report usage, relative to a report delivered at the
start of the plan year: the past year's results versus this year's targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.documents.passages import Part

# Cues that a question is about last year's results (part 一) or this year's plan (part 二).
REVIEW_WORDS = re.compile(
    r"去年|上年|上一年|过去一年|已经|已完成|完成了|实现了|取得了?|成效|成绩|做了|干了|弄了|搞了|办了|落实了|"
    r"\bdid\b|\bwas\b|\bwere\b|achieved"
)
PLAN_WORDS = re.compile(
    r"今年|明年|计划|目标|力争|打算|准备|将要|预期|预计|要达到|争取|安排|部署|会不会|"
    r"\bplan|\btarget|\bgoal|\baim|\bwill\b"
)
YEAR = re.compile(r"(20\d\d)\s*年?")
DEFINITION = re.compile(
    r"是什么|指什么|什么意思|啥意思|是啥|是指|指的是|含义|意思|什么是|是怎么回事|怎么回事|哪些人组成|由哪些|"
    r"全称|正式名称|哪个文件|文号|\bmean|\brefer|stand for|what is|what are|definition"
)
FIGURE = re.compile(
    r"多少|(?<![哪那])几[个家所只张项户人次年万亿连]?|比例|比重|占比|金额|数量|百分之|率|"
    r"how many|how much|what percentage|what share"
)


@dataclass(frozen=True)
class Intent:
    """The parts of the report a question points at, and what kind of answer it wants."""

    period: Part | None  # the review (2020 results), the plan (2021) or None
    definition: bool
    figure: bool
    foreign: bool = False  # asked mostly in Latin letters (English): words cannot match the Chinese text


LATIN = re.compile(r"[a-z]")
SPACE = re.compile(r"\s")


def detect_intent(normalised_question: str, review_year: int | None = 2020) -> Intent:
    """Read the cues in a normalised question."""
    return Intent(
        period=_period(normalised_question, review_year),
        definition=bool(DEFINITION.search(normalised_question)),
        figure=bool(FIGURE.search(normalised_question)),
        foreign=is_foreign(normalised_question),
    )


def is_foreign(question: str) -> bool:
    """True when most of the question is Latin letters."""
    letters = SPACE.sub("", question)
    return bool(letters) and len(LATIN.findall(question)) > len(letters) / 2


def _period(question: str, review_year: int | None) -> Part | None:
    if review_year is not None:
        years = {int(y) for y in YEAR.findall(question)}
        if review_year in years and review_year + 1 not in years:
            return Part.REVIEW
        if review_year + 1 in years and review_year not in years:
            return Part.PLAN
    review = len(REVIEW_WORDS.findall(question))
    plan = len(PLAN_WORDS.findall(question))
    if review > plan:
        return Part.REVIEW
    if plan > review:
        return Part.PLAN
    return None

"""What a question is after: which year (a document's review or its plan), a definition, a figure.

The cues are general Chinese and government-report usage, relative to a report delivered at the
start of the plan year: the past year's results versus this year's targets. Years named in the
question are resolved against each document's own time (:class:`qa.documents.time.DocumentTime`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.documents.parts import Part
from qa.documents.time import DocumentTime
from qa.text.tokenize import pos_tags

# Cues that a question is about last year's results (part 一) or this year's plan (part 二).
REVIEW_WORDS = re.compile(
    r"去年|上年|上一年|过去一年|已经|已完成|完成了|实现了|取得了?|成效|成绩|做了|干了|弄了|搞了|办了|落实了|"
    r"\bdid\b|\bwas\b|\bwere\b|achieved"
)
PLAN_WORDS = re.compile(
    r"今年|明年|计划|目标|力争|打算|准备|将要|预期|预计|要达到|争取|安排|部署|会不会|"
    r"\bplan|\btarget|\bgoal|\baim|\bwill\b"
)
# 计划总投资 / 计划总面积: a project's planned total, a noun phrase of the fact itself (谋划122个项目,
# 计划总投资798.8亿元 reports last year's work), not a word saying the statement is a plan.
PLANNED_TOTAL = re.compile(r"计划总")
YEAR = re.compile(r"(20\d\d)\s*年?")
# Years named relative to the year the reader lives in (the newest document's plan year).
RELATIVE_YEARS = {"前年": -2, "去年": -1, "上年": -1, "上一年": -1, "今年": 0, "本年": 0, "明年": 1} | {
    "the year before last": -2,
    "last year": -1,
    "this year": 0,
    "next year": 1,
}
RELATIVE_YEAR = re.compile("|".join(sorted(RELATIVE_YEARS, key=len, reverse=True)))
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

    period: Part | None  # the review (results), the plan or None, in the document it was read against
    definition: bool
    figure: bool
    foreign: bool = False  # asked mostly in Latin letters (English): words cannot match the Chinese text
    years: tuple[int, ...] = ()  # calendar years the question names (2020年)
    cue: Part | None = None  # what its words alone point at (去年/完成了 → review; 今年/目标 → plan)
    relative: tuple[int, ...] = ()  # years named relatively: 去年 → -1, 今年 → 0, 明年 → 1

    def period_in(self, time: DocumentTime) -> Part | None:
        """The part of a document with ``time`` the question points at: by its years, else by its words."""
        return time.period_of(set(self.years)) or self.cue

    def asked_years(self, current_year: int | None) -> set[int]:
        """The years asked about, relative ones resolved against ``current_year``."""
        relative = {current_year + offset for offset in self.relative} if current_year else set()
        return set(self.years) | relative


LATIN = re.compile(r"[a-z]")
SPACE = re.compile(r"\s")


def detect_intent(normalised_question: str, time: DocumentTime | None = None) -> Intent:
    """Read the cues in a normalised question; its years are resolved against ``time`` when given."""
    years = tuple(sorted({int(y) for y in YEAR.findall(normalised_question)}))
    cue = _cue(normalised_question)
    intent = Intent(
        period=cue,
        definition=bool(DEFINITION.search(normalised_question)),
        figure=bool(FIGURE.search(normalised_question)),
        foreign=is_foreign(normalised_question),
        years=years,
        cue=cue,
        relative=tuple(sorted({RELATIVE_YEARS[w] for w in RELATIVE_YEAR.findall(normalised_question)})),
    )
    return replace(intent, period=intent.period_in(time)) if time else intent


def is_foreign(question: str) -> bool:
    """True when most of the question is Latin letters."""
    letters = SPACE.sub("", question)
    return bool(letters) and len(LATIN.findall(question)) > len(letters) / 2


def time_cue_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` says which part it is about (去年, 计划, 办了): only where a word starts, since the
    cue may end another word (举办了 is no 办了, “海河英才”行动计划 names a programme, not a plan)."""
    return [span for pattern in (REVIEW_WORDS, PLAN_WORDS) for span in _at_word_starts(pattern, text)]


def _at_word_starts(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    starts, at = set(), 0
    for word, _ in pos_tags(text):
        starts.add(at)
        at += len(word)
    return [
        m.span()
        for m in pattern.finditer(text)
        if m.start() in starts and not PLANNED_TOTAL.match(text, m.start()) and not _names_programme(text, m.start())
    ]


def _names_programme(text: str, at: int) -> bool:
    """Whether the cue at ``at`` is 计划 right after a quoted name (“海河英才”计划): a programme's name."""
    return at > 0 and text[at - 1] == "”" and text.startswith("计划", at)


def _cue(question: str) -> Part | None:
    review = len(_at_word_starts(REVIEW_WORDS, question))
    plan = len(_at_word_starts(PLAN_WORDS, question))
    if review > plan:
        return Part.REVIEW
    if plan > review:
        return Part.PLAN
    return None

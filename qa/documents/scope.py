"""What a report covers: the years it reports on and the places it names, read from the report itself.

A work report speaks of the years in its title (the year reviewed and the year planned) and of the
places it names; a question about another year or another administrative place asks for something
the report does not hold, unless the passage that answers it names that year (a rolling plan for
2021—2023) or the report names that place (a partner county).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.documents.passages import Passage
from qa.text.places import administrative_places, english_places, in_english, places_named
from qa.text.quantities import extract_years

# A five-year plan period named by its number (“十三五”, 十四五时期): the eleventh and later, whose
# names cannot be read as a plain number (十五 is also fifteen). Quoted, or followed by a word of period.
FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九])五(?=”|\"|规划|时期|期间|计划|以来|末|初|中|年|五年)")
NUMERALS = "一二三四五六七八九"
# The eleventh plan ran 2006—2010; each later one starts five years on.
ELEVENTH_PLAN_START = 2006


# Words for a day, a week or a month as seen from the reader's present (明天, 今晚, 下周, 下个月,
# tomorrow): a report speaks of years and of its own time, never of the days its reader asks on.
READERS_DAY = re.compile(
    r"今天|明天|后天|昨天|今晚|明晚|昨晚|今早|这周|本周|下周|上周|周末|这个月|本月|下个?月|上个?月|"
    r"\btoday|\btomorrow\b|\btonight\b|\byesterday\b|\bthis week|\bnext week|\bweekend\b|\b(?:this|next|last) month\b"
)


def readers_days(text: str) -> list[str]:
    """The words of ``text`` that name a day or a week from the reader's present (明天, tonight)."""
    return READERS_DAY.findall(text)


# A stretch of a year shorter than the year (上半年, 三季度, 3月份, 1-9月, the first quarter): a yearly
# report that never names one gives its figures for whole years. Not 年初 / 年底 (a year's start or
# end, by which a whole year's target is set) and not a count of months (连续12个月).
PART_OF_YEAR = re.compile(
    r"[上下]半年|(?:第|前)?[一二三四1-4]季度|[0-9一二两三四五六七八九十]{1,3}月份|[0-9]{1,2}\s*(?:-|—|~|到|至)\s*[0-9]{1,2}月|"
    r"\b(?:first|second|third|fourth) quarter\b|\bq[1-4]\b|\bfirst half\b|\bsecond half\b"
)


def parts_of_year(text: str) -> list[str]:
    """The words of ``text`` that name a stretch of a year shorter than the year (上半年, 三季度)."""
    return PART_OF_YEAR.findall(text)


def years_named(text: str) -> frozenset[int]:
    """The years ``text`` names, with every year inside a range (2021—2023 names 2022 too) and inside
    a five-year plan period it names (“十三五” names 2016—2020)."""
    years = [int(q.value) for q in extract_years(text)]
    named = set(years)
    for first, last in zip(years, years[1:]):
        if 0 < last - first <= 10 and f"{first}" in text and _is_range(text, first, last):
            named.update(range(first, last + 1))
    for match in FIVE_YEAR_PLAN.finditer(text):
        start = ELEVENTH_PLAN_START + 5 * NUMERALS.index(match[1])
        named.update(range(start, start + 5))
    return frozenset(named)


def _is_range(text: str, first: int, last: int) -> bool:
    return any(f"{first}{dash}{last}" in text for dash in ("—", "-", "–", "至", "~", "到"))


# How a district's readers name their own district and the city around it (区里, 全市).
DISTRICT_WORDS = re.compile(r"区里|全区|我区|本区|区内|区政府")
# The city around the district and the nation around both, named at the head of a question, after a
# time if any (2021年全国…, 去年全市…): the figure asked is theirs.
YEAR_WORD = r"(?:20[0-9]{2}|去|今|明|前)年的?"
LEADING_TIME = re.compile(f"^{YEAR_WORD}")
WIDER_WORDS = re.compile(rf"^(?:{YEAR_WORD})?(?P<place>全市|市里|本市|全国|我国|国内)")


@dataclass(frozen=True)
class DocumentScope:
    """The years a report reports on and every administrative place its text names."""

    report_years: frozenset[int]
    places: frozenset[str]
    own_place: str = ""  # the place the documents are about (和平区), when they are about one

    @classmethod
    def of(cls, passages: list[Passage], report_years: set[int], own_place: str = "") -> DocumentScope:
        """The scope of the documents of ``passages``, which report on ``report_years`` (their part
        headings' and titles' years, ``qa.documents.time``) and are about ``own_place``; places are read
        from their text."""
        titles = {p.doc_title for p in passages} | {p.section_path[0] for p in passages if p.section_path}
        text = "\n".join(p.text for p in passages)
        return cls(
            report_years=frozenset(report_years),
            places=frozenset(administrative_places(text + "\n" + "\n".join(titles))),
            own_place=own_place,
        )

    def years_outside(self, question: str, passage_text: str, relative: frozenset[int] = frozenset()) -> list[int]:
        """Years the question names (and ``relative``: those it names as 前年, 明年, resolved) that the
        report does not report on and ``passage_text`` (what answers: the span) does not name."""
        asked = [y for y in years_named(question) | relative if y not in self.report_years]
        if not asked:  # the passage's years matter only for a year the report does not report on
            return []
        passage_years = years_named(passage_text)
        return sorted(y for y in asked if y not in passage_years)

    def wider_subject(self, question: str) -> str:
        """The place a figure question opens with when it is not the documents' own (天津市2020年…,
        全市…, 2021年全国…), and the question names neither that place nor the district's words, or "":
        the figure asked is that place's."""
        if not self.own_place or self.own_place[:2] in question or DISTRICT_WORDS.search(question):
            return ""
        # An English question names its place anywhere (new jobs in Tianjin in 2020); its own place in
        # pinyin (Heping) makes it the district's.
        if english := [p for p in english_places(question) if p != self.own_place]:
            return "" if in_english(self.own_place) in question else english[0]
        named = administrative_places(question)
        # After a time, as 全市 is (去年天津新增了多少个5G基站).
        opening = LEADING_TIME.sub("", question)
        if named and opening.startswith(named[0]) and named[0] != self.own_place:
            return named[0]
        wider = WIDER_WORDS.match(question)
        return wider["place"] if wider else ""

    def places_outside(self, question: str, corpus_text: str) -> list[str]:
        """Places the question names that the report never names: administrative divisions of China, and a
        place abroad the question opens with (纽约2020年…)."""
        return [p for p in places_named(question) if p not in self.places and p not in corpus_text]

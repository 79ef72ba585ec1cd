"""Figures written in English (more than fifty roads, 3.2 billion yuan, 200,000 square metres), read
as a Chinese report would write them, so that one reader of figures (:mod:`qa.text.quantities`) and
one table of qualifiers (:mod:`qa.text.intervals`) serve both languages.

An English figure is a number (digits with thousands commas, or number words), an optional scale
(thousand, million, billion), an optional qualifier before it (more than → 超过, about → 约, nearly
→ 近, less than → 不到) and the unit or the counted noun after it (square metres → 平方米, yuan → 元,
companies → 家, roads → 条; any other noun is counted with 个, as in Chinese). The tables below are
general English, not words of any one report.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from qa.text.quantities import Quantity, extract_quantities

__all__ = ["english_figures"]

NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
SCALES = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}
# English qualifiers as the Chinese ones they translate (the interval each stands for is in qa.text.intervals).
QUALIFIERS = {
    "more than": "超过",
    "over": "超过",
    "above": "超过",
    "at least": "至少",
    "nearly": "近",
    "almost": "近",
    "close to": "近",
    "about": "约",
    "around": "约",
    "roughly": "约",
    "approximately": "约",
    "some": "约",
    "less than": "不到",
    "fewer than": "不到",
    "under": "不到",
    "below": "不到",
}
# Units and counted nouns as a Chinese report writes them (plural and singular).
UNITS = {
    "square metres": "平方米",
    "square meters": "平方米",
    "sq m": "平方米",
    "kilometres": "公里",
    "kilometers": "公里",
    "km": "公里",
    "tonnes": "吨",
    "tons": "吨",
    "yuan": "元",
    "rmb": "元",
    "us dollars": "美元",
    "dollars": "美元",
    "usd": "美元",
    "percentage points": "个百分点",
    "percent": "%",
    "%": "%",
    "people": "人",
    "persons": "人",
    "residents": "人",
    "workers": "人",
    "jobs": "人",
    "households": "户",
    "families": "户",
    "companies": "家",
    "enterprises": "家",
    "firms": "家",
    "businesses": "家",
    "institutions": "家",
    "hospitals": "家",
    "roads": "条",
    "streets": "条",
    "schools": "所",
    "kindergartens": "所",
    "beds": "张",
    "times": "次",
}
NUMBER = r"\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
FIGURE = re.compile(
    rf"(?:(?P<qualifier>{'|'.join(sorted(QUALIFIERS, key=len, reverse=True))})\s+)?"
    rf"(?P<number>{NUMBER})(?:[\s-]+(?P<tens>{'|'.join(NUMBER_WORDS)}))?"
    rf"(?:\s*(?P<scale>{'|'.join(SCALES)}))?"
    # The unit follows at once or after up to two describing words (31,000 new jobs, 25 well-known companies).
    rf"(?:(?:\s+(?!(?:in|of|on|at|for|to|by|from|and|or)\b)[a-z-]+){{0,2}}?\s*"
    rf"(?P<unit>{'|'.join(sorted(map(re.escape, UNITS), key=len, reverse=True))})\b)?",
    re.IGNORECASE,
)
YEAR = re.compile(r"^(?:19|20)\d\d$")


def english_figures(text: str) -> list[Quantity]:
    """The figures of an English text, each read from its Chinese spelling (``text`` keeps the English
    words; ``start``/``end`` are where they stand in ``text``). Years (2021) are left out."""
    figures = []
    for m in FIGURE.finditer(text.lower()):
        number = m["number"].replace(",", "")
        if YEAR.match(number) and not (m["scale"] or m["unit"]):
            continue
        value = Decimal(NUMBER_WORDS[number]) if number in NUMBER_WORDS else Decimal(number)
        if m["tens"] and m["tens"] in NUMBER_WORDS:
            value += NUMBER_WORDS[m["tens"]]
        value *= SCALES.get(m["scale"] or "", Decimal(1))
        unit = UNITS.get(m["unit"] or "", "个")
        chinese = f"{QUALIFIERS.get(m['qualifier'] or '', '')}{_plain(value)}{unit}"
        read = extract_quantities(chinese)
        if read:
            figures.append(replace(read[0], text=m.group().strip(), start=m.start(), end=m.end()))
    return figures


def _plain(value: Decimal) -> str:
    """A number as a report prints it: 200000 → 20万, 3200000000 → 32亿."""
    for scale, size in (("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)):
        if value >= size:
            return f"{(value / size).normalize():f}{scale}"
    return f"{value.normalize():f}"

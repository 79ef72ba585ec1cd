"""Which units and measure words count the same kind of thing, and how they convert.

One table for the fact checker (is 3吨 the same as 3000千克?) and for the no-answer check (does a
figure in 处 answer 多少人次?). Units of one measure convert to a base unit (``CONVERSIONS``); 人, 名
and 位 are one unit (``qa.text.quantities.canonical_unit``); reports count market entities in 家
or 户 alike (``COUNT_WORDS``); 个, the general classifier of Chinese, stands in for any counter.
"""

from __future__ import annotations

from qa.text.quantities import TIME_UNITS, canonical_unit
from qa.text.synonyms import synonym_groups

GENERAL_CLASSIFIER = "个"
# Nouns that name the kind of a figure (金额, 人数), not what it counts: a report lets the unit say them
# (新增创业贷625万元), and a question asks with them (金额是多少).
FIGURE_KIND_NOUNS = ("金额", "数额", "总额", "数量", "数目", "人数", "次数", "总数")
COUNT_WORDS = frozenset({"家", "户", GENERAL_CLASSIFIER})  # 300户企业 / 300家企业 / 300个企业
CONVERSIONS = {  # unit -> (base unit, size in base units)
    "克": ("公斤", 0.001),
    "斤": ("公斤", 0.5),
    "毫升": ("升", 0.001),
    "吨": ("公斤", 1000.0),
    "米": ("公里", 0.001),
    "平方公里": ("平方米", 1e6),
    "公顷": ("平方米", 1e4),
    "亩": ("平方米", 10000 / 15),
    "年": ("个月", 12.0),  # a span of time: 连续一年 = 连续12个月
    "周": ("天", 7.0),
}
# Nouns that name a measure and so the unit it is given in, by the last characters of the measure's name
# (旅游收入, 一般公共预算支出, 营业额: money; 户籍人口, 从业人数: persons; 建筑面积: area).
MEASURE_HEADS = {
    "元": ("收入", "支出", "资金", "投资", "产值", "工资", "薪酬", "价格", "房价", "租金", "费用", "税收", "营业额",
          "销售额", "总额", "利润", "增加值", "存款", "贷款", "债务", "预算", "经费"),
    "人": ("人口", "人数"),
    "平方米": ("面积",),
}
_HEADS_LONGEST_FIRST = sorted({head for heads in MEASURE_HEADS.values() for head in heads}, key=len, reverse=True)
# Units that measure rather than count: money, weight, area, length, volume.
MEASURES = frozenset({"元", "美元", "公斤", "平方米", "公里", "升"})
# Visits count people too: a question after 多少人 is answered by a figure in 人次 (the fact checker,
# which compares values, keeps them apart).
VISITS = {"人次": "人"}


# Counters a figure about people is given in: persons, visits, and the households a report counts
# people by (惠及1.1万户困难群众). 家 counts firms and bodies there (出清“僵尸企业”14家), not people.
PEOPLE_COUNTERS = frozenset({"人", "人次", "户"})
# Cilin files every noun for a kind of person (游客, 医生, 居民) under its top class A, 人.
CILIN_PEOPLE = "A"


def names_people(word: str) -> bool:
    """Whether ``word`` names a kind of person in every sense Cilin gives it (游客, 医生; not 人才,
    which is also a talent)."""
    groups = synonym_groups(word)
    return bool(groups) and all(code.startswith(CILIN_PEOPLE) for code in groups)


def base_unit(unit: str) -> str:
    """The unit ``unit`` converts to (吨 → 公斤; 名 → 人), itself when it converts to none."""
    unit = canonical_unit(unit)
    return CONVERSIONS.get(unit, (unit, 1.0))[0]


def same_kind(asked: str, given: str) -> bool:
    """Whether a figure in unit ``given`` can answer a question that counts in unit ``asked``.

    An empty unit on either side (多少万, a bare 3.1万) says nothing and fits.
    """
    if not asked or not given:
        return True
    if GENERAL_CLASSIFIER in (asked, given):
        # 个 counts things of any kind, but never measures money, weight, area or length.
        return not ({base_unit(asked), base_unit(given)} & MEASURES)
    a, b = (VISITS.get(base_unit(u), base_unit(u)) for u in (asked, given))
    return a == b or (a in COUNT_WORDS and b in COUNT_WORDS)


# Units of a rate (a percentage, per mille, a difference of percentages), and of a multiple.
RATE_UNITS = ("%", "‰", "个百分点", "百分点")
MULTIPLE_UNITS = ("倍", "成")


def measure_head(measure: str) -> str:
    """The word ending the name ``measure`` that says what is measured (一般公共预算支出 → 支出), or ""."""
    return next((head for head in _HEADS_LONGEST_FIRST if measure.endswith(head)), "")


def measured_in(measure: str) -> str:
    """The base unit the measure named by ``measure`` is given in ("元", "人", "平方米"), or "" when its
    name does not say (服务项目, 交通事故)."""
    head = measure_head(measure)
    return next((unit for unit, heads in MEASURE_HEADS.items() if head in heads), "") if head else ""


def another_measure(measure: str, text: str) -> str:
    """A measure ``text`` writes of the account ``measure`` names, with another head (一般公共预算支出 asked,
    一般公共预算收入 written → 收入), where ``text`` never writes the asked head; "" otherwise. Reports give
    the measures of one account apart (收入 / 支出, 投资 / 产值): one is not the other."""
    head = measure_head(measure)
    account = measure[: -len(head)][-2:] if head else ""
    if len(account) < 2 or head in text:
        return ""
    return next((other for other in _HEADS_LONGEST_FIRST if other != head and account + other in text), "")


def gives_unit(unit: str, figure_unit: str) -> bool:
    """Whether a figure in ``figure_unit`` is given in the base unit ``unit`` of :func:`measured_in`: money
    in any currency, persons in 人 or 人次 (a population is not counted in households or firms)."""
    if unit == "元":
        return base_unit(figure_unit) in ("元", "美元")
    if unit == "人":
        return canonical_unit(figure_unit) in ("人", "人次")
    return base_unit(figure_unit) == unit


def counts_things(unit: str) -> bool:
    """Whether ``unit`` is a measure word that counts things (套, 支, 家, 个), not a unit that measures
    money, weight, area, length or volume, a rate or a span of time."""
    unit = canonical_unit(unit)
    return bool(unit) and base_unit(unit) not in MEASURES and unit not in TIME_UNITS and unit not in RATE_UNITS + MULTIPLE_UNITS


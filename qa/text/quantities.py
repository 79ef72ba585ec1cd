"""Figures in Chinese government-report prose: parse them, find them, compare them.

A fact checker compares the numbers of a claim ("2020年和平区新增就业5万人") with the numbers of the
report ("新增就业3.1万人"). This module turns each written figure into a :class:`Quantity` (value in base
units, unit or measure word, approximation marker, exact span) and compares two of them.

What counts as a quantity
    A number with a unit or measure word (308万只, 7254家), a percentage (11%, 百分之十一, 11个百分点),
    or a number written with a multiplier (3.1万, 三千万). A bare number without either is, in report
    prose, nearly always a name or a label (360集团, 1312行动, 〔2020〕1号, 8号线) and is left out.
    Also left out, because they are not amounts:

    * years (2020年, 二〇二〇年, 2021—2023, 〔2020〕): :func:`extract_years` returns them instead;
    * ordinals: a number after 第 (第七次, 第十四届) or after 届 (十一届十次全会);
    * names: numbers inside short quotations and book titles (“132”工作机制, “十四五”, “惠企21条”,
      《…第十四个五年规划…》), numbers glued to Latin letters or ``+`` (5G, 4A级, P2P, 1+N);
    * words that merely contain numeral characters (一带一路, 六稳, 统一, 万一, 之一, 一起, 一次性,
      两位数) and fractions (三分之一): a Chinese numeral needs a unit or a multiplier character
      (百, 千, 万, 亿) to be a figure.

    Ranges (1-2个, 三至五年) give one quantity per end: the first end takes the unit (and the
    multiplier) of the second, and the ends are marked ``at_least`` and ``at_most``.

Qualifiers (field ``approx``) and precision (field ``step``)
    Each figure stands for an interval of values (:mod:`qa.text.intervals`, docs/quantities.md):
    ``about`` 约, 大约, 左右; ``near`` 近, 将近, 接近 (近 before a duration, 近3年, means "the last 3
    years" and is not a hedge); ``plus`` 余/多 after the numeral (三千余人, 两亿五千多万元, 两成多);
    ``over`` 超过, 超, 逾, 突破, 多于, 高于; ``at_least`` 以上, 不少于, 不低于, 至少 (达…以上 through
    以上; 达 alone reports an exact figure); ``under`` 不到, 不足, 低于, 少于 (spoken: 没到, 不满, 不够); ``at_most`` 以下, 以内,
    之内, 不超过, 至多 (控制在…以内 through 以内), and 内 after a span of time (一天内). The width of a band
    is set by ``step``, the unit of the figure's last significant digit.
    Also read: 成 as tenths (两成 = 20%), 翻N番 as a change of +(2^N − 1) × 100%, 增长X倍 as +X × 100%,
    and ``kind``: "change" after a growth word (增长, 提高, 下降, 增幅 …), "share" after 占, 比重, 率.

Comparison rules (:func:`compare`)
    * Units. Values are in base units, so 元/万元/亿元 and 人/万人 compare directly. 人, 名 and 位 all
      count people and are compatible. Different currencies (元 vs 美元) are ``different``. Other
      different units or measure words (个 vs 家, 人 vs 人次, % vs 个百分点) are ``incomparable``, unless
      one side has no unit at all, and so are a change and a share (增长50% vs 占比50%). Years compare
      only with years.
    * Disjoint intervals are ``different`` (三千余人 vs 超过3万人; 近五成 vs 52%; 超过1.1万 vs 近1.1万).
      The report's interval inside the claim's is ``equal`` (突破300亿 vs 305亿; 约9亿 vs 8.7亿).
    * Otherwise: an exact claim equal to the report's qualified figure, or inside the report's 约/近
      band, is ``equal`` (the claim drops the qualifier); two bounds of the same direction that are
      not implied are ``different`` (a bound is quoted as a figure: 56%以下 vs 70%以下); overlapping
      bands with 约 on either side are ``equal``; anything else is ``incomparable`` (report 30家以上
      cannot confirm 50家).
    * When values differ by an exact power of ten the explanation names the magnitude mismatch
      ("量级不同:万 与 亿").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

import cn2an

from qa.text.intervals import LOWER_BOUNDS, QUALIFIERS, UPPER_BOUNDS, Interval, interval, step_of
from qa.text.tokenize import pos_tags

__all__ = [
    "SPAN_DATE",
    "SPAN_FIGURE",
    "TIME_UNITS",
    "Comparison",
    "Quantity",
    "compare",
    "extract_quantities",
    "extract_years",
    "normalise_numbers_for_search",
    "parse_number",
]

# Text that gives a figure: Arabic digits, or Chinese numerals with a counter (六连冠, 两所).
SPAN_FIGURE = re.compile(r"[0-9]|(?<!第)[一二两三四五六七八九十百千万]+(?:[个家所只张项户人次年万亿%]|连冠|倍|成)")
# Text that gives a date or a time of year.
SPAN_DATE = re.compile(r"[0-9一二三四五六七八九十〇]+\s*年|[0-9一二三四五六七八九十]+\s*月|年底|年内|上半年|下半年|季度|年初")

EXACT_RTOL = 1e-6

APPROX_KINDS = QUALIFIERS  # the readings of qualifiers, in qa.text.intervals

# Full-width ASCII (３．１, ％, ，) to half-width, one character for one so offsets do not move.
_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = 0x20

_MULTIPLIERS = {
    "万亿": 10**12,
    "千万": 10**7,
    "百万": 10**6,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
    "百": 10**2,
}
_MULT = "万亿|千万|百万|亿|万|千|百"
_CN_DIGITS = "零〇一二三四五六七八九"
_CN_START = _CN_DIGITS + "两十"
_CN_BODY = _CN_START + "百千万亿"
_CN_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
_CN_RANK = {"百": 2, "千": 3, "万": 4, "亿": 8}

_ARABIC = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = rf"[{_CN_START}][{_CN_BODY}]*(?:点[{_CN_DIGITS}]+(?:{_MULT})?)?"

# Units and measure words, with spellings folded to one form. Left out on purpose: 号 (a label),
# 级/届/轮/批/期/版 (ranks and rounds), 月/日 after a number (dates), 首/部/本/块 (mostly idioms).
_UNIT_SPELLINGS = {
    "平米": "平方米",
    "㎡": "平方米",
    "平方千米": "平方公里",
    "千米": "公里",
    "千克": "公斤",
    "百分点": "个百分点",
    "工作日": "个工作日",
    "个小时": "小时",
    "港币": "港元",
}
CURRENCIES = frozenset({"元", "美元", "欧元", "港元", "日元", "英镑"})
_TIME_UNITS = {"年", "个月", "周", "天", "小时", "分钟", "个工作日", "周年"}
TIME_UNITS = frozenset(_TIME_UNITS)  # units of duration
PEOPLE = frozenset({"人", "名", "位"})  # counted as one unit: 3人 = 3名 = 3位
_UNITS = (
    CURRENCIES
    | _TIME_UNITS
    | set(_UNIT_SPELLINGS)
    | {"%", "‰", "个百分点", "平方公里", "平方米", "立方米", "公顷", "亩", "公里", "米", "吨", "公斤", "克"}
    | {"千瓦时", "千瓦", "微克/立方米", "毫克", "倍", "岁", "成"}
    | {"人次", "户次", "家次", "条次", "台次", "架次", "人", "名", "位", "家", "户", "个", "只", "张"}
    | {"所", "台", "处", "套", "支", "项", "场", "次", "笔", "辆", "具", "座", "条", "类", "件", "起"}
    | {"例", "宗", "间", "栋", "幢", "片", "份", "册", "篇", "艘", "架", "盏", "床", "组"}
    | {"升", "毫升", "斤"}
    # Containers and doses: a count of boxes or bottles is no count of the things inside them.
    | {"盒", "箱", "瓶", "袋", "桶", "罐", "剂"}
)
# 次 after a measure word counts times (5020人次) unless it opens a word of rank: 次 is also the prefix
# "secondary" (72条次支道路 is 72条 of 次支道路, secondary and branch roads; 次干道, 次级, 次要).
_SECONDARY = "(?![支干级要生])"
_UNIT = "|".join(
    re.escape(u) + (_SECONDARY if u.endswith("次") and len(u) > 1 else "") for u in sorted(_UNITS, key=len, reverse=True)
)
# Units that begin with a multiplier character: 千克 is a unit, not 千 × 克.
_MULT_GUARD = "|".join(u for u in _UNITS if u[0] in "万亿千百")

# 近千, 超百亿, 逾万: after a qualifier a lone 百/千/万 is 一百/一千/一万.
_BARE_RANK = r"(?<=[近约逾超破过])[百千万](?![百千万亿]*[一二两三四五六七八九十])"
_NUMBER_RE = re.compile(
    rf"(?P<pct>百分之|千分之)(?P<pctnum>{_ARABIC}|百|{_CHINESE})|(?P<ar>{_ARABIC})|(?P<bare>{_BARE_RANK})|(?P<cn>(?<![几数]){_CHINESE})"
)
_AFTER_RE = re.compile(
    rf" ?(?P<pre>余|多|(?:(?<=[十百千])|(?<=[1-9]0))几)?(?:(?!{_MULT_GUARD})(?P<mult>{_MULT}))?(?P<post>余|多)?(?P<unit>{_UNIT})?"
    r"(?P<tail>以上|以下|以内|之内|左右|开外)?"
)
_TAIL_RE = re.compile(r" ?(?P<tail>以上|以下|以内|之内|左右|开外)?")
_TAIL_APPROX = {
    "以上": "at_least",
    "开外": "at_least",
    "以下": "at_most",
    "以内": "at_most",
    "之内": "at_most",
    "左右": "about",
}
# Words that make a percentage, 倍 or 成 a change (增长15%, 增长1.94倍) or a share (占比近50%, 受理率100%).
# 增加值 (value added) is a measure, not a rise: 金融业增加值占比近50% is a share.
_CHANGE_RE = re.compile(r"(?:增长|增加(?!值)|提高|提升|上升|下降|降低|减少|增幅|增速|涨幅|降幅|翻)[^,。;:，；、]{0,6}$")
_SHARE_RE = re.compile(r"(?:占|比重|比例|率)[^,。;:，；、]{0,4}$")
# A growth word with 到 / 至 names the level reached, not the change (提高到1% is not 提高1%).
_REACHED_RE = re.compile(r"(?:增长|增加|提高|提升|上升|下降|降低|减少|升|降|增)了?(?:到|至)$")
# 翻一番 (×2), 翻两番 (×4), 翻番; 翻了一番还多 (more than ×2).
_DOUBLING_RE = re.compile(r"翻了?(?P<n>[一两二三四1-4]?)番(?P<more>还多|有余|多)?")
# 一半 is 50% (一半以上, 近一半); not inside 一半一半 or after a numeral (十一半).
_HALF_RE = re.compile(r"(?<![0-9一二三四五六七八九十两])一半(?P<tail>以上|以下|左右)?")
_DOUBLINGS = {"": 1, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# Words ending in a marker character that are not markers (节约 "save", 最近 "recently") map to None.
_BEFORE_MARKERS = {
    "about": ["大约", "约"],
    "near": ["将近", "接近", "近似", "近"],
    "over": ["超过", "超", "逾", "突破", "多于", "高于", "大于"],
    "at_least": ["不少于", "不低于", "至少", "最少"],
    "under": ["不到", "不足", "低于", "少于", "小于", "没到", "未到", "不满", "未满", "不够"],
    "at_most": ["不超过", "至多", "最多", "不高于"],
    None: ["最近", "附近", "临近", "邻近", "就近", "亲近", "节约", "制约", "签约", "集约", "预约"]
    + ["履约", "合约", "违约", "公约", "特约", "赶超", "高超"],
}
_BEFORE_APPROX = {word: kind for kind, words in _BEFORE_MARKERS.items() for word in words}
_BEFORE_RE = re.compile("(?:" + "|".join(sorted(_BEFORE_APPROX, key=len, reverse=True)) + ")(?:为|了)?$")
_RANGE_CONNECTORS = {"-", "—", "–", "~", "至", "到"}
# Quotations and titles name things; long quotations are prose and stay searchable for figures.
_PROTECTED_RE = re.compile(
    r"“[^“”\n]{0,20}”|「[^「」\n]{0,20}」|『[^『』\n]{0,20}』|‘[^‘’\n]{0,20}’|\"[^\"\n]{0,20}\""
    r"|《[^《》\n]*》|〈[^〈〉\n]*〉"
)
# Idioms and fixed words in which a numeral and a measure word do not count anything.
_IDIOM_RE = re.compile(
    "一起|一次性|一条龙|一个个|一次次|一项项|一件件|一步步|一天天|一年年|一片|一点一滴|一五一十"
    "|三番五次|三天两头|一年四季|一年到头|一天到晚|一家人|一家独大|[一二两三四五六七八九十]位数|一成不变"
)
_LATIN_OR_PLUS = re.compile(r"[A-Za-z+/]")


@dataclass(frozen=True)
class Quantity:
    """A figure found in text.

    ``value`` is in base units (3.1万人 -> 31000.0, 27.95亿元 -> 2.795e9; percentages stay in
    percent: 11% -> 11.0 with unit "%"; 两成 -> 20.0 "%"; 增长1.94倍 -> 194.0 "%"; 翻一番 -> 100.0 "%").
    ``unit`` is the unit or measure word ("" when none), ``approx`` the qualifier (one of
    :data:`qa.text.intervals.QUALIFIERS` or None), ``step`` the unit of the last significant digit
    (三千余人 -> 1000), ``kind`` "change" for a growth or fall (增长15%), "share" for a proportion
    (占比50%, 受理率100%), "" otherwise, ``text`` the exact span
    ``source[start:end]`` (markers included), ``scale`` the multiplier as written ("万", "亿", "";
    for Chinese numerals the one a report would print: 三万一千 -> "万" as in 3.1万) and ``is_year``
    tells a year (2020年) from an amount.
    """

    value: float
    unit: str
    approx: str | None
    text: str
    start: int
    end: int
    scale: str = ""
    is_year: bool = False
    step: float = 1.0
    kind: str = ""
    reached: bool = False  # after 提高到 / 增至: the level reached, not the change

    def __post_init__(self) -> None:
        if self.approx not in (None, *APPROX_KINDS):
            raise ValueError(f"approx must be one of {APPROX_KINDS} or None, not {self.approx!r}")

    @property
    def interval(self) -> Interval:
        """The values the figure stands for, its qualifier read as in :mod:`qa.text.intervals`."""
        return interval(self.value, self.approx, self.step)


@dataclass(frozen=True)
class Comparison:
    """The outcome of comparing a claimed figure with a reported one, explained in Chinese."""

    outcome: str  # "equal", "different" or "incomparable"
    explanation: str


@dataclass
class _Figure:
    """A figure while it is being built: spans, numeral and the parts around it."""

    start: int
    end: int
    num_start: int
    num_end: int
    numeral: str
    value: Decimal
    scale: str
    unit: str
    approx: str | None
    percent: bool
    is_year: bool = False
    step: Decimal = Decimal(1)
    kind: str = ""
    reached: bool = False
    searchable: bool = True  # rewritten by normalise_numbers_for_search


# ---------------------------------------------------------------- numbers


def _halfwidth(text: str) -> str:
    return text.translate(_HALFWIDTH)


def parse_number(text: str) -> float:
    """Parse one bare number: 3.1, 31,000, ３．１, 3.1万, 1.5亿, 三点一万, 三万一千, 两万, 二〇二〇.

    Raises ValueError when the text is not a number (units, percent signs and words are refused).
    """
    return float(_parse_decimal(text)[0])


def _parse_decimal(text: str) -> tuple[Decimal, str]:
    """Value and multiplier of a bare number: as written for Arabic (3.1万 -> 万), as a report would
    print it for Chinese (三万一千 -> 万)."""
    s = _halfwidth(text).strip()
    if m := re.fullmatch(rf"({_ARABIC}) ?({_MULT})?", s):
        scale = m[2] or ""
        return Decimal(m[1].replace(",", "")) * _MULTIPLIERS.get(scale, 1), scale
    if m := re.fullmatch(rf"([{_CN_BODY}]+)点([{_CN_DIGITS}]+)({_MULT})?", s):
        whole = _chinese_integer(m[1])
        fraction = Decimal("0." + "".join(str(_CN_DIGIT_VALUE[c]) for c in m[2]))
        value = (whole + fraction) * _MULTIPLIERS.get(m[3] or "", 1)
        return value, _report_scale(value, m[3] or "")
    if s and not re.search(r"[\d.,%]", s):
        value = Decimal(_chinese_integer(s))
        return value, _report_scale(value, _chinese_scale(s))
    raise ValueError(f"not a number: {text!r}")


def _chinese_integer(s: str) -> int:
    """A Chinese integer: positional (三万一千, 两千) or digit by digit (二〇二〇)."""
    if _is_digit_sequence(s):
        return int("".join(str(_CN_DIGIT_VALUE[c]) for c in s))
    # Colloquial shortening: 三万五 is 三万五千, 一千二 is 一千二百 (with 零 it would be 三万零五).
    if m := re.fullmatch(r"(.*[一二两三四五六七八九])([亿万千百])([一二两三四五六七八九])", s):
        s += {"亿": "千万", "万": "千", "千": "百", "百": "十"}[m[2]]
    try:
        # strict mode refuses sloppy forms that normal mode guesses at (一千零, 一点); it lacks 两 and 〇.
        value = cn2an.cn2an(s.replace("两", "二").replace("〇", "零"), "strict")
    except (ValueError, KeyError, IndexError) as error:
        raise ValueError(f"not a Chinese number: {s!r}") from error
    if value != int(value):
        raise ValueError(f"not a Chinese integer: {s!r}")
    return int(value)


def _chinese_scale(s: str) -> str:
    """The trailing multiplier of a Chinese integer when it is the largest one (一千七百三十万 -> 万)."""
    if s.endswith("万亿"):
        return "万亿"
    last = s[-1]
    if last in _CN_RANK and all(_CN_RANK.get(c, 0) < _CN_RANK[last] for c in s[:-1]):
        return last
    return ""


def _report_scale(value: Decimal, written: str) -> str:
    """The multiplier a report would print a Chinese numeral with: 三万一千 -> 万 (3.1万), 两千 -> ""."""
    if written in ("万", "亿", "万亿"):
        return written
    for name in ("亿", "万"):
        scaled = value / _MULTIPLIERS[name]
        if scaled >= 1 and scaled == scaled.quantize(Decimal("0.01")):
            return name
    return ""


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


# ---------------------------------------------------------------- extraction


def extract_quantities(text: str) -> list[Quantity]:
    """Every amount in ``text``, in order; years, ordinals, labels and names are left out."""
    return [_to_quantity(text, f) for f in _figures(text) if not f.is_year]


def extract_years(text: str) -> list[Quantity]:
    """Every year in ``text`` (2020年, 二〇二〇年, both ends of 2021—2023, 〔2020〕), unit "年"."""
    return [_to_quantity(text, f) for f in _figures(text) if f.is_year]


def _to_quantity(text: str, f: _Figure) -> Quantity:
    return Quantity(
        value=float(f.value),
        unit=f.unit,
        approx=f.approx,
        text=text[f.start : f.end],
        start=f.start,
        end=f.end,
        scale=f.scale,
        is_year=f.is_year,
        step=float(f.step),
        kind=f.kind,
        reached=f.reached,
    )


def _figures(text: str) -> list[_Figure]:
    """Years and amounts of ``text``, labels dropped, ranges resolved."""
    t = _halfwidth(text)
    protected = _spans(_PROTECTED_RE, t)
    idioms = _spans(_IDIOM_RE, t)
    figures = []
    for match in _NUMBER_RE.finditer(t):
        figure = _read_figure(t, match)
        if figure is None or _is_label(t, figure, protected, idioms):
            continue
        figures.append(figure)
    _resolve_ranges(t, figures)
    figures = [f for f in figures if f.is_year or _is_amount(f)]
    for f in figures:
        _read_kind(t, f)
    figures += [d for d in _doublings(t) + _halves(t) if not _inside(d.start, protected)]
    return sorted(figures, key=lambda f: f.start)


def _read_kind(t: str, f: _Figure) -> None:
    """Change, share or neither; 成 as percent, 增长X倍 as a percent change (增长1.94倍 = 增长194%)."""
    if f.is_year:
        return
    if f.unit == "成":  # tenths: 两成 = 20%, 两成多 = 20–30%
        f.value, f.step, f.unit, f.searchable = f.value * 10, f.step * 10, "%", False
        if t.startswith(("多", "余"), f.end) and f.approx is None:
            f.approx, f.end = "plus", f.end + 1
    if f.unit not in ("%", "倍"):
        return
    if f.unit == "倍" and t.startswith(("多", "余"), f.end) and f.approx is None:  # 两倍多: more than twice
        f.approx, f.end = "plus", f.end + 1
    before = t[max(0, f.start - 10) : f.start]
    if _REACHED_RE.search(before):
        f.reached = True
    elif _CHANGE_RE.search(before):
        f.kind = "change"
        if f.unit == "倍":  # 增长X倍 adds X times the base
            f.value, f.step, f.unit = f.value * 100, f.step * 100, "%"
    elif f.unit == "%" and _SHARE_RE.search(before):
        f.kind = "share"


def _halves(t: str) -> list[_Figure]:
    """一半 as 50%, with the qualifiers around it (一半以上, 近一半)."""
    out = []
    for m in _HALF_RE.finditer(t):
        f = _Figure(*m.span(), m.start(), m.start() + 2, "一半", Decimal(50), "", "%", None, False)
        f.searchable, f.step = False, Decimal(10)
        _mark_approx(t, f, m.groupdict())
        out.append(f)
    return out


def _doublings(t: str) -> list[_Figure]:
    """翻N番 as a percent change: ×2^N is +(2^N − 1) × 100%; 还多 makes it a lower bound."""
    out = []
    for m in _DOUBLING_RE.finditer(t):
        value = Decimal(2 ** _DOUBLINGS[m["n"]] - 1) * 100
        f = _Figure(*m.span(), *m.span(), m[0], value, "", "%", "over" if m["more"] else None, False)
        f.kind, f.searchable, f.step = "change", False, Decimal(100)
        out.append(f)
    return out


def _spans(pattern: re.Pattern[str], t: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(t)]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


_MULT_UNITS = tuple(u for u in _UNITS if u[0] in "万亿千百")


def _unit_begins_at(t: str, at: int) -> bool:
    """Whether a unit beginning with a multiplier character (千克, 千米, 千瓦时) starts at ``t[at]``."""
    return t.startswith(_MULT_UNITS, at)


def _parses(numeral: str) -> bool:
    try:
        _parse_decimal(numeral)
    except ValueError:
        return False
    return bool(numeral)


def _read_figure(t: str, match: re.Match[str]) -> _Figure | None:
    """The figure around one numeral: multiplier, unit and markers, or None if it does not parse."""
    percent = match["pct"] is not None
    numeral = match["pctnum"] if percent else "一" + match["bare"] if match["bare"] else match[0]
    num_start, num_end = match.span()
    if match["cn"] and _unit_begins_at(t, num_end - 1) and not _parses(numeral) and _parses(numeral[:-1]):
        # 一万一千八百二十千克: the last 千 begins the unit 千克 (三千克 reads either way: 3000克 = 3千克).
        numeral, num_end = numeral[:-1], num_end - 1
    after = (_TAIL_RE if percent else _AFTER_RE).match(t, num_end)
    parts = after.groupdict()
    try:
        value, scale = _parse_decimal("一百" if numeral == "百" else numeral)
    except ValueError:
        if not parts.get("mult"):
            return None
        value, scale = None, ""  # 两亿五千 reads only with the 万 after it
    searchable = not match["bare"]
    if parts.get("mult"):
        multiplied = _multiply(numeral, value, parts["mult"])
        if multiplied is None:
            return None  # 一万多千: a second multiplier after a written one is not a number
        searchable = searchable and not re.search("[百千万亿]", numeral)
        value, scale = multiplied, parts["mult"]
    unit = "%" if match["pct"] == "百分之" else "‰" if percent else parts.get("unit") or ""
    unit = _UNIT_SPELLINGS.get(unit, unit)
    end = after.end() if after.group(0).strip() else num_end
    figure = _Figure(
        start=num_start,
        end=end,
        num_start=num_start,
        num_end=num_end,
        numeral=numeral,
        value=value,
        scale=scale,
        unit=unit,
        approx=None,
        percent=percent,
        step=Decimal(str(step_of(value))),
        searchable=searchable,
    )
    _mark_year(t, figure)
    if figure.is_year:
        return figure
    if _is_digit_sequence(numeral):
        return None  # 一二三, 二三五年: codes and misspelt years, not amounts
    _mark_approx(t, figure, parts)
    return figure


def _multiply(numeral: str, value: Decimal | None, mult: str) -> Decimal | None:
    """A numeral followed by a multiplier, written or after 余/多: 三百余万 = 300万, 两亿五千多万 = 2.5亿.

    A Chinese numeral's own ranks must be below the multiplier's, except a leading part in higher
    ranks (两亿 of 两亿五千万), which stands as it is; None when the two cannot combine (一万多千).
    """
    rank = len(str(_MULTIPLIERS[mult])) - 1
    ranks = [i for i, c in enumerate(numeral) if c in _CN_RANK]
    if not ranks:
        return None if value is None else value * _MULTIPLIERS[mult]
    higher = [i for i in ranks if _CN_RANK[numeral[i]] > rank]
    cut = higher[-1] + 1 if higher else 0
    tail = numeral[cut:]
    if not tail or any(_CN_RANK.get(c, 0) >= rank for c in tail):
        return None
    try:
        head = _chinese_integer(numeral[:cut]) if cut else 0
        return Decimal(head) + Decimal(_chinese_integer(tail)) * _MULTIPLIERS[mult]
    except ValueError:
        return None


def _is_digit_sequence(numeral: str) -> bool:
    return len(numeral) > 1 and all(c in _CN_DIGITS for c in numeral)


def _mark_year(t: str, f: _Figure) -> None:
    """Years: a plausible 4-digit year, bare or before 年, or a Chinese digit-by-digit year before 年."""
    if f.percent or f.scale or f.unit not in ("", "年"):
        return
    numeral = f.numeral
    if numeral.isascii():
        plausible = numeral.isdigit() and len(numeral) == 4 and 1900 <= int(numeral) <= 2100
    else:
        # Years are read digit by digit (二〇二〇年); 两千年 is a duration of two thousand years.
        plausible = f.unit == "年" and _is_digit_sequence(numeral) and 1900 <= f.value <= 2100
    if plausible and t[f.num_end : f.end].strip() in ("", "年"):
        f.is_year = True
        f.unit = "年"


def _mark_approx(t: str, f: _Figure, parts: dict[str, str | None]) -> None:
    """Set ``approx`` from the marker after the figure, or 余/多, or the marker before it."""
    if parts.get("tail"):
        f.approx = _TAIL_APPROX[parts["tail"]]
    elif parts.get("pre") or parts.get("post"):
        f.approx = "plus"
    elif f.unit in _TIME_UNITS and t.startswith("内", f.end):
        # 一天内, 三个月内: a span of time with 内 alone is "within" it, as with 以内.
        f.end += 1
        f.approx = "at_most"
    before = _BEFORE_RE.search(t, max(0, f.num_start - 6), f.num_start)
    if before is None:
        return
    word = before[0].rstrip("为了")
    kind = _BEFORE_APPROX[word]
    if word == "近" and f.unit in _TIME_UNITS:
        kind = None  # 近3年 is "the last 3 years"
    if kind is not None:
        f.start = before.start()
        f.approx = f.approx or kind


def _is_label(t: str, f: _Figure, protected: list[tuple[int, int]], idioms: list[tuple[int, int]]) -> bool:
    """Ordinals, names and word parts, which are not amounts (years survive quotations)."""
    before = t[f.num_start - 1] if f.num_start else ""
    after = t[f.num_end] if f.num_end < len(t) else ""
    if _LATIN_OR_PLUS.match(before) or _LATIN_OR_PLUS.match(after):
        return True
    if f.is_year:
        return False
    if t.startswith("分之", f.num_end):
        return True  # 三分之一: a fraction
    if before in ("第", "届") or _inside(f.num_start, protected) or _inside(f.num_start, idioms):
        return True
    # 哪一天, 这一年, 某一个, 每一项: 一 after a word that picks one thing out says "which / this / each
    # one", no count.
    if f.numeral == "一" and before != "" and before in "哪这那某每":
        return True
    # 万一, 之一: a Chinese numeral glued to a multiplier or 之 belongs to a word.
    if not f.numeral.isascii() and before != "" and before in "百千万亿之":
        return True
    # A span of time stays one inside a longer word too (2021—2023三年计划: a plan of three years).
    return not f.numeral.isascii() and f.unit not in _TIME_UNITS and _begins_a_word(t, f)


def _begins_a_word(t: str, f: _Figure) -> bool:
    """A Chinese numeral and its unit that begin a longer word of the lexicon (零起点: a 'zero starting
    point', not zero 起): the tokenizer, which knows the word, takes the numeral into it."""
    start, end = max(0, f.num_start - 2), min(len(t), f.end + 3)
    at = start
    for word, tag in pos_tags(t[start:end]):
        if at <= f.num_start < at + len(word):
            return at + len(word) > f.end and tag[:1] in ("n", "v", "a", "i", "l") and at == f.num_start
        at += len(word)
    return False


def _resolve_ranges(t: str, figures: list[_Figure]) -> None:
    """In 1-2个 the first end takes the second's unit and multiplier; the ends become bounds."""
    for first, second in zip(figures, figures[1:], strict=False):
        if first.is_year or second.is_year or first.unit or first.percent or not second.unit:
            continue
        if first.approx or second.start != second.num_start:
            continue
        if t[first.end : second.start] not in _RANGE_CONNECTORS:
            continue
        first.unit = second.unit
        if not first.scale and second.scale:
            first.scale = second.scale
            first.value *= _MULTIPLIERS[second.scale]
        first.approx = "at_least"
        second.approx = second.approx or "at_most"


def _is_amount(f: _Figure) -> bool:
    """Units, percentages and multipliers make a figure; a bare number is a label (see module doc)."""
    if f.unit or f.percent or f.scale:
        return True
    return not f.numeral.isascii() and re.search("[百千万亿]", f.numeral) is not None


# ---------------------------------------------------------------- search normalisation


def normalise_numbers_for_search(text: str) -> str:
    """Rewrite Chinese-numeral figures the way reports print them (三点一万 -> 3.1万, 百分之十一 -> 11%).

    Only numerals that :func:`extract_quantities` or :func:`extract_years` accept are rewritten, so
    words such as 一带一路, 十四五, 六稳, 统一, 第一 and quoted names stay as they are. An unquoted name
    made of a numeral and a measure word (五个高地) is rewritten too, so apply this to both the query
    and the passages it is matched against.
    """
    t = _halfwidth(text)
    out = text
    for f in reversed(_figures(text)):
        rewritten = _search_form(t, f)
        if rewritten is not None:
            out = out[: f.num_start] + rewritten + out[f.num_end :]
    return out


def _search_form(t: str, f: _Figure) -> str | None:
    """The Arabic form of a figure's numeral, or None when it stays as written."""
    if f.numeral.isascii() and not f.percent or not f.searchable or _touches_digits(t, f):
        return None
    if f.percent:
        return _plain(_parse_decimal(_numeral_for_value(f))[0]) + f.unit
    rewritten = _report_form(f)
    if f.unit == "年" and not f.is_year and re.fullmatch(r"(19|20)\d\d|2100", rewritten):
        return None  # 两千年 (a duration) must not turn into the year 2000年
    return rewritten


def _touches_digits(t: str, f: _Figure) -> bool:
    """2023三年 must not become 20233年: a numeral next to Arabic digits keeps its Chinese form."""
    before = t[f.num_start - 1] if f.num_start else ""
    after = t[f.num_end] if f.num_end < len(t) else ""
    return bool(re.fullmatch(r"[\d.]", before) or re.fullmatch(r"[\d.]", after))


def _numeral_for_value(f: _Figure) -> str:
    return "一百" if f.numeral == "百" else f.numeral


def _report_form(f: _Figure) -> str:
    """Arabic form of a Chinese numeral: 3.1万, 1730万, 27.95亿, 2000, 2020."""
    value, scale = _parse_decimal(f.numeral)
    if f.is_year or not scale:
        return _plain(value)
    return _plain(value / _MULTIPLIERS[scale]) + scale


# ---------------------------------------------------------------- comparison


def compare(claim: Quantity, reported: Quantity) -> Comparison:
    """Compare a claimed figure with a reported one (rules in the module docstring)."""
    header = f"声明为{claim.text},报告为{reported.text}"
    if claim.is_year or reported.is_year:
        return _compare_years(claim, reported, header)
    unit_problem = _unit_problem(claim, reported, header)
    if unit_problem is not None:
        return unit_problem
    if not claim.unit or not reported.unit:
        header += ",一方未注明单位"
    return _compare_values(claim, reported, header)


def _compare_years(claim: Quantity, reported: Quantity, header: str) -> Comparison:
    if claim.is_year != reported.is_year:
        return Comparison("incomparable", f"{header},一方是年份,另一方是数量")
    if claim.value == reported.value:
        return Comparison("equal", f"{header},年份一致")
    return Comparison("different", f"年份不同:{header}")


def canonical_unit(unit: str) -> str:
    """One spelling for units that count the same thing (人/名/位 → 人)."""
    return "人" if unit in PEOPLE else unit


KIND_NAMES = {"change": "增减幅度", "share": "占比或比率"}


def _unit_problem(claim: Quantity, reported: Quantity, header: str) -> Comparison | None:
    if (claim.reached and reported.kind == "change") or (claim.kind == "change" and reported.reached):
        # The same figure as a change on one side and the level reached on the other is one misread.
        if claim.unit == reported.unit and _close(claim.value, reported.value):
            said = "增减幅度" if claim.kind == "change" else "达到的水平"
            return Comparison("different", f"声明把它说成{said},报告不是({header})")
        return Comparison("incomparable", f"所指不同:一方是增减幅度,一方是达到的水平({header})")
    if claim.kind and reported.kind and claim.kind != reported.kind:
        names = KIND_NAMES[claim.kind], KIND_NAMES[reported.kind]
        return Comparison("incomparable", f"所指不同:声明是{names[0]},报告是{names[1]}({header})")
    a, b = canonical_unit(claim.unit), canonical_unit(reported.unit)
    if not a or not b or a == b:
        return None
    if a in CURRENCIES and b in CURRENCIES:
        return Comparison("different", f"货币单位不同:{a} 与 {b}({header})")
    return Comparison("incomparable", f"单位不同:{a} 与 {b},无法比较({header})")


def _close(a: float, b: float, rtol: float = EXACT_RTOL) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return a == b or abs(a - b) <= rtol * max(abs(a), abs(b))


def _compare_values(claim: Quantity, reported: Quantity, header: str) -> Comparison:
    """Claim interval against report interval (docs/quantities.md, "Deciding")."""
    c, r = claim.interval, reported.interval
    if claim.approx is None and reported.approx and _close(claim.value, reported.value):
        return Comparison("equal", f"{header},声明省去了报告的限定词,数值一致")
    if c.disjoint(r):
        return Comparison("different", _difference(claim, reported, header, bool(claim.approx or reported.approx)))
    if c.contains(r):
        return Comparison("equal", f"{header},{_agreement(claim, reported)}")
    if claim.approx is None:
        return _exact_against_range(claim, reported, header)
    same_side = {claim.approx, reported.approx}
    if same_side <= LOWER_BOUNDS or same_side <= UPPER_BOUNDS:  # two bounds quoted as figures
        return Comparison("different", f"{header},界限数值不同")
    if "about" in same_side:
        return Comparison("equal", f"{header},约数的范围与报告相交,按约数一致")
    return Comparison("incomparable", f"{header},两者范围部分重叠,无法判断")


def _agreement(claim: Quantity, reported: Quantity) -> str:
    if claim.approx is None and reported.approx is None:
        return "数值一致"
    if claim.approx == reported.approx and _close(claim.value, reported.value):
        return "数值与限定词一致"
    return "报告数值在声明的范围内,一致"


def _exact_against_range(claim: Quantity, reported: Quantity, header: str) -> Comparison:
    """An exact claim inside a reported range: the report's own figure without its qualifier, or a
    value inside an approximate figure, agrees; a value a bound or 余 cannot pin down is undecided."""
    if reported.approx in ("about", "near"):
        return Comparison("equal", f"{header},声明的数值在报告约数的范围内")
    return Comparison("incomparable", f"{header},报告只给出范围,无法确认声明的具体数值")


def _difference(claim: Quantity, reported: Quantity, header: str, vague: bool) -> str:
    power = _power_of_ten(claim.value, reported.value)
    if power is None:
        return f"{header},超出限定词所示的范围" if vague else f"{header},数值不同"
    if claim.scale and reported.scale and claim.scale != reported.scale:
        return f"量级不同:{claim.scale} 与 {reported.scale}({header})"
    ratio = f"{10 ** abs(power)}倍"
    side = "声明是报告的" if power > 0 else "报告是声明的"
    return f"量级不同:{side}{ratio}({header})"


def _power_of_ten(a: float, b: float) -> int | None:
    """k when a = b × 10^k for some k ≠ 0 (the same digits in another magnitude), else None."""
    if a <= 0 or b <= 0:
        return None
    power = round(math.log10(a / b))
    if power == 0 or not _close(a, b * 10.0**power):
        return None
    return power

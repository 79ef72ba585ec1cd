"""What a written figure with its qualifier means, as an interval of values (docs/quantities.md).

A report or a claim rarely writes an exact amount: 三千余人, 近五成, 约8亿元, 超过1.5万, 不到八成. Each
qualifier reads as an interval, and the width of that interval comes from the figure's precision:
the unit of its last significant digit (``step``: 三千 → 1000, 3.1万 → 1000, 8.7亿 → 0.1亿, 五成 → 10%).

=========  =================================  ==============================
qualifier  words                              interval of ``v`` (step ``s``)
=========  =================================  ==============================
exact      (none), 达, 为                      [v, v]
about      约, 大约, 左右                      [v − s/2, v + s/2)
near       近, 将近, 接近, 近似                [v − s/2, v)
plus       X余, X多 (after the numeral)        (v, v + s)
over       超过, 超, 逾, 突破, 多于, 高于, 大于  (v, ∞)
at_least   以上, 不少于, 不低于, 至少, 开外      [v, ∞)
under      不到, 不足, 低于, 少于, 小于          (−∞, v)
at_most    以下, 以内, 之内, 不超过, 至多, 最多  (−∞, v]
           (内 after a span of time: 一天内)
=========  =================================  ==============================

Range ends (1-2个) are ``at_least`` and ``at_most``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["QUALIFIERS", "Interval", "interval", "step_of"]

QUALIFIERS = ("about", "near", "plus", "over", "at_least", "under", "at_most")
# Bounds: one-sided qualifiers and the direction they bound.
LOWER_BOUNDS = frozenset({"over", "at_least"})
UPPER_BOUNDS = frozenset({"under", "at_most"})
# Figures that stand for a band around (or just under, or just over) the written value.
BANDS = frozenset({"about", "near", "plus"})

_ULPS = 4  # float noise only: ends this close are one end


@dataclass(frozen=True)
class Interval:
    """A set of values between ``lo`` and ``hi``; an open end excludes its bound."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    @property
    def is_point(self) -> bool:
        return _same(self.lo, self.hi) and not (self.lo_open or self.hi_open)

    def holds(self, x: float) -> bool:
        """``x`` lies in the interval."""
        return self.contains(Interval(x, x))

    def contains(self, other: Interval) -> bool:
        """Every value of ``other`` lies in this interval."""
        lo_ok = other.lo > self.lo and not _same(other.lo, self.lo) or (
            _same(other.lo, self.lo) and (not self.lo_open or other.lo_open)
        )
        hi_ok = other.hi < self.hi and not _same(other.hi, self.hi) or (
            _same(other.hi, self.hi) and (not self.hi_open or other.hi_open)
        )
        return lo_ok and hi_ok

    def disjoint(self, other: Interval) -> bool:
        """No value lies in both intervals."""
        return _before(self, other) or _before(other, self)


def _before(a: Interval, b: Interval) -> bool:
    """Every value of ``a`` is below every value of ``b``."""
    if _same(a.hi, b.lo):
        return a.hi_open or b.lo_open
    return a.hi < b.lo


def _same(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return a == b or abs(a - b) <= _ULPS * math.ulp(max(abs(a), abs(b)))


def step_of(value: Decimal | float) -> float:
    """The unit of the last significant digit: 3000 → 1000, 31000 → 1000, 8.7e8 → 1e7, 11.5 → 0.1."""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if d == 0:
        return 1.0
    return float(Decimal(1).scaleb(d.normalize().as_tuple().exponent))


def interval(value: float, qualifier: str | None, step: float) -> Interval:
    """The values a figure ``value`` written with ``qualifier`` and precision ``step`` stands for."""
    half = step / 2
    match qualifier:
        case None:
            return Interval(value, value)
        case "about":
            return Interval(value - half, value + half, hi_open=True)
        case "near":
            return Interval(value - half, value, hi_open=True)
        case "plus":
            return Interval(value, value + step, lo_open=True, hi_open=True)
        case "over":
            return Interval(value, math.inf, lo_open=True)
        case "at_least":
            return Interval(value, math.inf)
        case "under":
            return Interval(-math.inf, value, hi_open=True)
        case "at_most":
            return Interval(-math.inf, value)
    raise ValueError(f"qualifier must be one of {QUALIFIERS} or None, not {qualifier!r}")

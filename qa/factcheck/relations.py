"""Claims that relate two figures of the report instead of quoting one.

Chinese compares two amounts with 比 or 较 and a word of direction, or states one as a multiple of
the other with 是…的:

* 2021年目标比2020年实际多两成多 — a ratio: 多/高/增长 X% (X成) is A/B = 1 + X/100, 少/低/下降 1 − X/100;
* 比…翻了两番 — a ratio of 2^N (翻N番 is read by :mod:`qa.text.quantities` as a change of +(2^N − 1) × 100%);
* 比…多1.5倍 / 增长1.5倍 — a ratio of 1 + 1.5; 是…的2.6倍 — a ratio of 2.6;
* 比…低4个百分点 — a difference of two percentages: A − B = −4;
* 比…多1100户 — a difference in the figures' unit;
* A和B加起来有八十多个 — a sum.

:func:`read_relation` splits such a claim into the words naming each figure (its two *sides*) and
the relation as an interval of A/B or A − B. The side after 比 often leaves out the thing counted,
which the first side names (2021年新增市场主体的目标比2020年[新增市场主体]多两成): :attr:`Relation.elided`
says so. :func:`relate` computes the relation of two report figures as an interval (each figure
read with its qualifier) and sets it against the claim's.

A relation written without a qualifier is read at the precision it is written with (低4个百分点:
3.5 to 4.5 points; 多两成: 15% to 25% more), as 约 is: a relation computed from two figures is
rounded when it is stated. Only general Chinese usage is written down here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from qa.text.intervals import Interval, interval
from qa.text.quantities import Quantity, canonical_unit, extract_quantities

__all__ = ["SUM", "Relation", "read_relation", "relate"]

# 比 as "than": not inside 比重, 比例, 比率, 比较, 比赛, 同比, 环比, 占比, 对比, 相比, 评比, 类比, 无比.
THAN = re.compile(r"(?<![同环占对相评类无排])比(?![重例率较赛值如拟肩方])|较(?=20\d\d|去年|上年|上一年|同期)")
# The word of direction just before the relation figure (比B 多 两成多, 比B 低了 4个百分点).
MORE = re.compile(r"(?:高出|多出|增长|增加|提高|上升|扩大|多|高|增)了?$")
LESS = re.compile(r"(?:下降|减少|降低|缩小|回落|少|低|降|减)了?$")
# A是B的X倍 / A相当于B的X% / A超过B的一半: the verb says how A stands to that share of B.
TIMES = re.compile(r"(?P<verb>相当于|是|为|超过|超|不到|不足|接近|将近|近|约|连)(?P<right>[^,。;,;]+?)的$")
# 连B的一半都不到 (not even half of B): the emphatic 连…都/也 puts the verb after the share.
EVEN_UNDER = re.compile(r"^(?:都|也)(?:还)?(?:不到|不足|没到|没有)")
TIMES_QUALIFIERS = {"超过": "over", "超": "over", "不到": "under", "不足": "under", "接近": "near", "将近": "near"}
TIMES_QUALIFIERS |= {"近": "near", "约": "about"}
RATIO, DIFFERENCE, SUM = "ratio", "difference", "sum"
# A和B加起来有X / A与B合计X: the two figures summed.
TOGETHER = re.compile(
    r"(?:和|与|及|加上)(?P<right>[^。;；和与及]+?)[,，]?"
    r"(?P<sum>(?:加起来|合起来|加在一起)(?:合计|总共|一共|共计|共)?|合计|总共|一共|共计|共)(?:有|达到|达|为|是|还|也|都|才)*$"
)
# 实际 (actual) sets a result against a target (目标比2020年实际多两成): it names a status, not a thing.
STATUS = re.compile(r"实际(?:完成|实现)?")
# What a side says besides the thing it counts: years, time words, and nouns for "the figure" (数, 额,
# 量, 水平) that a side uses in place of the thing's name (比2020年新增数多两成).
GENERIC = re.compile(r"[0-9〇零一二三四五六七八九]+年度?|去年|上年|上一年|今年|明年|当年|同期|全年|目标|计划|的|数|额|量|水平|值")


@dataclass(frozen=True)
class Relation:
    """Two figures of the report, named by their sides, and how the claim says they relate."""

    left: str  # the words naming the first figure (A), with its time cue
    right: str  # the words naming the second (B)
    kind: str  # RATIO (A / B), DIFFERENCE (A − B) or SUM (A + B)
    expected: Interval  # the values of A / B, A − B or A + B the claim allows
    figure: Quantity  # the claim's relation figure (翻了两番, 两成多, 4个百分点)
    unit: str = ""  # for a difference: the unit both figures are in ("%" for 百分点)
    said: str = ""  # the claim's words for the relation (低4个百分点, 是…的2.6倍)

    @property
    def elided(self) -> bool:
        """The second side only repeats some of the first side's words (2020年, 2020年到位额, 上年新增数),
        or names no thing at all (去年评选出来的: a clause with 的 and no noun after it): it counts what the
        first side counts, which it leaves out."""
        said = GENERIC.sub("", self.right)
        return all(ch in self.left for ch in said) or self.right.endswith("的")


def read_relation(text: str) -> Relation | None:
    """The two sides and the relation of a claim relating two figures, or None for any other claim."""
    for q in extract_quantities(text):
        if q.is_year:
            continue
        found = _than(text, q) or _times(text, q) or _together(text, q)
        if found:
            return found
    return None


def _than(text: str, q: Quantity) -> Relation | None:
    """A比B多X / 低X个百分点 / 翻N番: the figure follows B and a word of direction."""
    than = None
    for m in THAN.finditer(text, 0, q.start):
        than = m
    if than is None or than.start() == 0:
        return None
    between = text[than.end() : q.start]
    if q.text.startswith("翻"):
        sign, right = 1, between
    elif m := MORE.search(between):
        sign, right = 1, between[: m.start()]
    elif m := LESS.search(between):
        sign, right = -1, between[: m.start()]
    else:
        return None
    said = text[than.end() + len(right) : q.end]
    left, right = STATUS.sub("", text[: than.start()]), STATUS.sub("", right)
    unit = canonical_unit(q.unit)
    written = _written(q)
    if unit == "个百分点":
        return Relation(left, right, DIFFERENCE, _scaled(written, sign, 0.0), q, "%", said)
    if unit == "%":  # 多两成, 增长1.5倍 (= 150%), 翻两番 (= +300%): A / B = 1 ± X/100
        return Relation(left, right, RATIO, _scaled(written, sign / 100, 1.0), q, "", said)
    if unit == "倍":  # 多1.5倍: 1 + 1.5
        return Relation(left, right, RATIO, _scaled(written, sign, 1.0), q, "", said)
    if unit and sign:
        return Relation(left, right, DIFFERENCE, _scaled(written, sign, 0.0), q, unit, said)
    return None


def _times(text: str, q: Quantity) -> Relation | None:
    """A是B的X倍 / A相当于B的X%: A / B = X (or X/100); 超过B的一半: A / B > 0.5."""
    m = TIMES.search(text, 0, q.start)
    unit = canonical_unit(q.unit)
    if not m or m.end() != q.start or unit not in ("倍", "%") or q.kind:
        return None
    left, right = STATUS.sub("", text[: m.start()]), STATUS.sub("", m.group("right"))
    factor = 1.0 if unit == "倍" else 0.01
    qualifier = TIMES_QUALIFIERS.get(m.group("verb"))
    said = f"{m.group('verb')}…的{q.text}"
    if m.group("verb") == "连":
        if not (even := EVEN_UNDER.match(text[q.end :])):
            return None
        qualifier, said = "under", f"连…的{q.text}{even.group()}"
    written = interval(q.value, qualifier, q.step) if qualifier and not q.approx else _written(q)
    return Relation(left, right, RATIO, _scaled(written, factor, 0.0), q, "", said)


def _together(text: str, q: Quantity) -> Relation | None:
    """A和B加起来有X: A + B lies in X's interval (八十多个: 81 to 89)."""
    m = TOGETHER.search(text, 0, q.start)
    if not m or m.end() != q.start or m.start() == 0 or q.kind:
        return None
    # The sum may be said a clause later (街道和社区两级的中心,去年开放的总共不到七十个), but not by a bare 共,
    # which as often starts a clause of its own (…,共投入).
    if re.search("[,，]", m.group("right")) and m.group("sum") == "共":
        return None
    unit = canonical_unit(q.unit)
    said = text[m.end("right") : q.end].lstrip(",，")
    return Relation(text[: m.start()], m.group("right"), SUM, _written(q), q, unit, said)


def _written(q: Quantity) -> Interval:
    """The relation figure's values: its qualifier's interval, or (unqualified) its written precision."""
    return interval(q.value, q.approx or "about", q.step)


def _scaled(iv: Interval, factor: float, offset: float) -> Interval:
    """``offset + factor × iv``; a negative factor turns the interval round."""
    lo, hi = offset + factor * iv.lo, offset + factor * iv.hi
    if factor >= 0:
        return Interval(lo, hi, iv.lo_open, iv.hi_open)
    return Interval(hi, lo, iv.hi_open, iv.lo_open)


def relate(relation: Relation, a: Quantity, b: Quantity, *more: Quantity) -> tuple[str, Interval | None]:
    """How the report's figures ``a`` (left) and ``b`` (right), in one unit, bear out the relation:
    ("equal" | "different" | "incomparable", the computed A/B, A − B or A + B; a sum may have ``more``
    members: 文化场馆、街道和社区综合文化服务中心加起来)."""
    ia, ib = a.interval, b.interval
    if relation.kind == SUM:
        parts = [ia, ib, *(q.interval for q in more)]
        computed = Interval(
            sum(i.lo for i in parts), sum(i.hi for i in parts), any(i.lo_open for i in parts), any(i.hi_open for i in parts)
        )
    elif relation.kind == DIFFERENCE:
        computed = Interval(ia.lo - ib.hi, ia.hi - ib.lo, ia.lo_open or ib.hi_open, ia.hi_open or ib.lo_open)
    elif ib.lo > 0 and ia.lo >= 0:
        lo = ia.lo / ib.hi if ib.hi != math.inf else 0.0
        computed = Interval(lo, ia.hi / ib.lo, ia.lo_open or ib.hi_open, ia.hi_open or ib.lo_open)
    else:
        return "incomparable", None
    if computed.disjoint(relation.expected):
        return "different", computed
    if relation.expected.contains(computed):
        return "equal", computed
    return "incomparable", computed

"""Qualifiers as intervals (qa.text.intervals) and the verdicts they give through compare()."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.text.intervals import LOWER_BOUNDS, QUALIFIERS, Interval, interval, step_of
from qa.text.quantities import Quantity, compare, extract_quantities


def only(text: str):
    (q,) = extract_quantities(text)
    return q


@pytest.mark.parametrize(
    ("value", "step"),
    [(3000, 1000), (31000, 1000), (8.7e8, 1e7), (11.5, 0.1), (0.68e8, 1e6), (2230, 10), (31, 1)],
)
def test_step_is_the_unit_of_the_last_significant_digit(value: float, step: float) -> None:
    assert step_of(value) == pytest.approx(step)


@pytest.mark.parametrize(
    ("text", "lo", "hi", "lo_open", "hi_open"),
    [
        ("三千余人", 3000, 4000, True, True),
        ("1.4万余人", 14000, 15000, True, True),
        ("两百多亿元", 2e10, 3e10, True, True),
        ("三百余万只", 3e6, 4e6, True, True),
        ("一亿七千余万元", 1.7e8, 1.8e8, True, True),
        ("两亿五千多万元", 2.5e8, 2.6e8, True, True),
        ("约8亿元", 7.5e8, 8.5e8, False, True),
        ("约0.68亿元", 0.675e8, 0.685e8, False, True),
        ("近五成", 45, 50, False, True),
        ("近千个", 500, 1000, False, True),
        ("两成多", 20, 30, True, True),
        ("突破三百亿元", 3e10, float("inf"), True, False),
        ("超过1.5万人", 15000, float("inf"), True, False),
        ("30家以上", 30, float("inf"), False, False),
        ("不到八成", float("-inf"), 80, False, True),
        ("没到三十笔", float("-inf"), 30, False, True),
        ("不满18岁", float("-inf"), 18, False, True),
        ("60天以内", float("-inf"), 60, False, False),
    ],
)
def test_written_qualifiers_read_as_intervals(text: str, lo: float, hi: float, lo_open: bool, hi_open: bool) -> None:
    got = only(text).interval
    assert (got.lo, got.hi, got.lo_open, got.hi_open) == (pytest.approx(lo), pytest.approx(hi), lo_open, hi_open)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("两成", 20, ""),
        ("翻一番", 100, "change"),
        ("翻了两番", 300, "change"),
        ("增长1.94倍", 194, "change"),
        ("同比增长15%", 15, "change"),
        ("占比近50%", 50, "share"),
        ("受理率100%", 100, "share"),
    ],
)
def test_tenths_doublings_and_multiples_are_percentages(text: str, value: float, kind: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.kind) == (pytest.approx(value), "%", kind)


@pytest.mark.parametrize(
    ("claim", "reported", "outcome"),
    [
        ("三千余人", "3500人", "equal"),
        ("超过3万人", "三千余人", "different"),
        ("突破三百亿元", "305亿元", "equal"),
        ("突破800亿元", "798.8亿元", "different"),
        ("超过1.1万户", "1.1万户", "different"),  # 超过 excludes its bound
        ("1.1万户以上", "1.1万户", "equal"),  # 以上 includes it
        ("近五成", "48%", "equal"),
        ("近五成", "52%", "different"),
        ("近千个", "990个", "equal"),
        ("近千个", "1031个", "different"),
        ("约8亿元", "8.7亿元", "different"),
        ("约9亿元", "8.7亿元", "equal"),
        ("约10亿元", "9.7亿元", "equal"),
        ("约0.68亿元", "6826.25万元", "equal"),
        ("两成", "20%", "equal"),
        ("翻了两番", "增长194%", "different"),
        ("增长近两倍", "增长194%", "equal"),
        ("翻了一番还多", "增长194%", "equal"),
        ("一半以上", "近50%", "different"),
        ("增长15%", "占比15%", "incomparable"),
        # A growth word with 到 names the level reached: the same figure read as a change is a misreading,
        # another figure says nothing of the level without its base.
        ("提高到1%", "再提升1%", "different"),
        ("提高到5%", "再提升1%", "incomparable"),
        ("受理率提高到100%", "受理率100%", "equal"),
    ],
)
def test_claim_interval_against_report_interval(claim: str, reported: str, outcome: str) -> None:
    result = compare(only(claim), only(reported))
    assert result.outcome == outcome, result.explanation


# ---------------------------------------------------------------- the algebra, property-based

values = st.integers(min_value=1, max_value=999_999).map(float)
powers = st.integers(min_value=-2, max_value=8)


@st.composite
def figures(draw) -> tuple[float, str | None, float]:
    """A written figure: value, qualifier and the step of its last digit."""
    digits, power = draw(values), draw(powers)
    value = float(Decimal(int(digits)).scaleb(power))
    return value, draw(st.sampled_from([None, *QUALIFIERS])), float(Decimal(1).scaleb(power))


@settings(max_examples=300, deadline=None)
@given(figures())
def test_an_interval_contains_itself_and_is_not_disjoint_from_itself(f) -> None:
    i = interval(*f)
    assert i.contains(i)
    assert not i.disjoint(i)


@settings(max_examples=300, deadline=None)
@given(figures())
def test_a_figure_satisfies_its_own_statement(f) -> None:
    """A report writing exactly the figure a claim qualifies with 约/以上/以下 never contradicts it."""
    value, qualifier, step = f
    if qualifier in ("about", "at_least", "at_most", None):
        assert interval(*f).holds(value)


@settings(max_examples=300, deadline=None)
@given(figures(), figures())
def test_disjoint_intervals_never_contain_one_another(a, b) -> None:
    ia, ib = interval(*a), interval(*b)
    if ia.disjoint(ib):
        assert not ia.contains(ib) and not ib.contains(ia)
    assert ia.disjoint(ib) == ib.disjoint(ia)


@settings(max_examples=300, deadline=None)
@given(figures(), st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_a_value_in_a_contained_interval_is_in_the_container(f, x) -> None:
    outer = interval(*f)
    inner = Interval(x, x)
    if outer.contains(inner):
        assert outer.holds(x)


@settings(max_examples=300, deadline=None)
@given(figures(), st.integers(min_value=1, max_value=50))
def test_lower_bounds_are_monotonic(f, k) -> None:
    """超过/以上 a smaller figure is implied by 超过/以上 a larger one (never the other way round)."""
    value, _, step = f
    for qualifier in LOWER_BOUNDS:
        higher, lower = interval(value + k * step, qualifier, step), interval(value, qualifier, step)
        assert lower.contains(higher)
        assert not higher.contains(lower)


@settings(max_examples=300, deadline=None)
@given(figures(), figures())
def test_compare_never_supports_a_claim_disjoint_from_the_report(claimed, reported) -> None:
    """Disjoint intervals are 'different'; 'equal' needs the two to share a value."""
    claim, report = quantity(*claimed), quantity(*reported)
    outcome = compare(claim, report).outcome
    if claim.interval.disjoint(report.interval):
        assert outcome == "different" or claim.approx is None and report.approx and claim.value == report.value
    if outcome == "equal":
        assert not claim.interval.disjoint(report.interval) or claim.value == report.value


def quantity(value: float, qualifier: str | None, step: float) -> Quantity:
    return Quantity(value, "人", qualifier, "x", 0, 1, step=step)

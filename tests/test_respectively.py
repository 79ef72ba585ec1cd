"""Figures given respectively for a list of things (“甲”、“乙”企业分别入库176家、3家), and figures that
count another thing than the claim names. Claims are written for these tests from the report's text."""

from __future__ import annotations

import pytest

from qa.factcheck.respectively import respective_views, respective_years
from qa.text.quantities import extract_quantities


def views(text: str) -> dict[str, str]:
    return {view[span[0] : span[1]]: view for view, span in respective_views(text, extract_quantities(text)).values()}


def test_each_figure_keeps_only_the_thing_it_is_given_for():
    found = views("国家科技型中小企业评价入库267家,“雏鹰”、“瞪羚”企业分别评价入库176家、3家,全面超额完成目标任务")
    assert "“雏鹰”企业分别评价入库176家" in found["176家"] and "瞪羚" not in found["176家"]
    assert "“瞪羚”企业分别评价入库3家" in found["3家"] and "雏鹰" not in found["3家"]
    assert "267家" not in found  # a figure of its own, not in a list


def test_a_shared_head_word_goes_with_each_thing():
    found = views("内、外资到位额分别达65亿元和5500万美元以上")
    assert found["65亿元"].startswith("内资到位额") and found["5500万美元以上"].startswith("外资到位额")


@pytest.mark.parametrize(
    "text",
    [
        "新增民办幼儿园7所、学位875个",  # each figure names its own thing
        "2021—2023三年政府投资滚动计划分别为8.7亿元、7.6亿元、4.7亿元",  # no list of things
        "新增26个城市书吧、60个共享有声书吧",
    ],
)
def test_no_respective_reading_without_two_lists_of_one_length(text):
    assert views(text) == {}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("2020年“瞪羚”企业评价入库176家。", "contradicted"),
        ("2020年“瞪羚”企业评价入库3家。", "supported"),
        ("2021年和平区外资到位额目标是5500万美元以上。", "supported"),
        ("2020年和平区新增60个城市书吧。", "contradicted"),
        ("2020年和平区新增60个共享有声书吧。", "supported"),
        ("2020年和平区新增民办幼儿园3所。", "contradicted"),
        ("2020年和平区的信访事项办结率99.83%。", "supported"),
    ],
)
def test_a_figure_is_matched_with_the_thing_it_counts(checker, claim, verdict):
    v = checker.check(claim)
    assert v.verdict == verdict, v.explanation


def test_figures_given_year_by_year_for_a_range_of_years():
    text = "其中政府投资约8.7亿元,2021—2023三年政府投资滚动计划分别为8.7亿元、7.6亿元、4.7亿元"
    figures = extract_quantities(text)
    years = {text[f.start : f.end]: respective_years(text, figures).get(f.start) for f in figures}
    assert years == {"约8.7亿元": None, "三年": None, "8.7亿元": 2021, "7.6亿元": 2022, "4.7亿元": 2023}
    assert respective_years("2021—2023年分别为8.7亿元、7.6亿元", extract_quantities("2021—2023年分别为8.7亿元、7.6亿元")) == {}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("三年政府投资滚动计划里2023年的政府投资是4.7亿元", "supported"),
        ("三年政府投资滚动计划里2023年的政府投资是7.6亿元", "contradicted"),  # that is 2022's
    ],
)
def test_a_claim_naming_one_year_of_a_range_is_held_against_that_years_figure(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict

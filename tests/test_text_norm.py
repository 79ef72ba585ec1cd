"""Query normalisation: scripts, widths, figures, casual years, noise."""

import pytest

from qa.answering.intent import detect_intent
from qa.text.normalise import has_traditional, normalise_query, normalise_text, to_traditional
from qa.text.quotes import letters_only, quoted_names, shortened_in, unwritten_name


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("和平區城鎮登記失業率", "和平区城镇登记失业率"),
        ("新增就业三点一万人", "新增就业3.1万人"),
        ("同比增长百分之十一", "同比增长11%"),
        ("ＧＤＰ增长１１％", "gdp增长11%"),
        ("20年新增就业多少人???", "2020年新增就业多少人"),
        ("连续41年保持领先", "连续41年保持领先"),
        ("「殭屍企業」", "“僵尸企业”"),
        ("  新增   就业  ", "新增 就业"),
        ("一带一路 一老一小", "一带一路 一老一小"),
    ],
)
def test_normalise_query(question, expected):
    assert normalise_query(question) == expected


def test_traditional_round_trip():
    assert has_traditional("和平區")
    assert not has_traditional("和平区")
    assert to_traditional("和平区新增就业") == "和平區新增就業"


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("2020年新增就业多少人", "review"),
        ("2021年新增就业目标", "plan"),
        ("今年计划新增多少养老床位", "plan"),
        ("去年完成了多少一般公共预算收入", "review"),
        ("新增就业多少人", None),
    ],
)
def test_time_intent(report, question, period):
    # Years are read against a document's own time: the report reviews 2020 and plans 2021.
    assert detect_intent(normalise_query(question), report.time).period == period


def test_a_year_alone_points_nowhere_without_a_document():
    intent = detect_intent(normalise_query("2020年新增就业多少人"))
    assert (intent.period, intent.years, intent.cue) == (None, (2020,), None)


def test_definition_and_figure_intent():
    assert detect_intent(normalise_query("“三保”是什么意思")).definition
    assert detect_intent(normalise_query("what does the sharp eyes project mean")).definition
    assert detect_intent(normalise_query("口罩买了多少")).figure
    assert not detect_intent(normalise_query("是哪几个县")).figure
    assert detect_intent(normalise_query("How many base stations")).foreign


def test_a_quoted_name_is_compared_without_its_punctuation():
    report = "社区“108+N”为民服务事项清单"
    assert quoted_names("社区“108 n”清单里的“108”指什么") == ["108 n", "108"]
    assert unwritten_name("“108 n”是什么", report.lower()) == ""
    assert unwritten_name("“嘛钱儿”是什么意思", report) == "嘛钱儿"
    assert letters_only("津政办发〔2020〕1号") == "津政办发20201号"


def test_a_short_form_keeps_its_characters_in_order_and_close_together():
    assert shortened_in("十四五", "实施第十四个五年规划")
    assert shortened_in("妇产医院", "区妇产科医院")
    # The characters of 小学化 all stand in this sentence, but far apart: it does not write the name.
    assert not shortened_in("小学化", "小学基本公共服务标准化项目获批")
    assert not shortened_in("五四", "十四五")


def test_straight_quotes_around_a_name_become_the_reports_curly_ones():
    assert normalise_text("拿下'十连冠'和'六连冠'") == "拿下“十连冠”和“六连冠”"
    assert normalise_text('"1312"健康关爱行动') == "“1312”健康关爱行动"
    assert normalise_text("‘三师一员’") == "“三师一员”"
    assert normalise_text("It's Heping's plan") == "it's heping's plan"  # apostrophes, no name

"""Claims relating two report figures (比…多两成, 翻两番, 低4个百分点, 是…的X倍).

The claims are written for these tests from the report's text; none is copied from the evaluation files.
"""

from __future__ import annotations

import pytest

from qa.factcheck.relations import DIFFERENCE, RATIO, read_relation, relate
from qa.text.quantities import extract_quantities


def only(text: str):
    (q,) = extract_quantities(text)
    return q


# ---------------------------------------------------------------- reading (no index)


@pytest.mark.parametrize(
    ("claim", "kind", "inside", "outside"),
    [
        ("甲比乙多两成", RATIO, [1.2, 1.24], [1.3, 1.1]),
        ("甲比乙多两成多", RATIO, [1.22, 1.29], [1.2, 1.3]),
        ("甲比乙少三成", RATIO, [0.7], [1.3, 0.6]),
        ("甲比乙翻了两番", RATIO, [4.0], [2.6, 2.0]),
        ("甲比乙翻了一番还多", RATIO, [2.6], [2.0, 1.8]),
        ("甲比乙增长1.5倍", RATIO, [2.5], [1.5]),
        ("甲是乙的2.6倍", RATIO, [2.6], [3.6]),
        ("甲是乙的两倍多", RATIO, [2.3], [1.92, 2.0, 3.0]),  # more than twice, short of three times
        ("甲超过乙的一半", RATIO, [0.54], [0.5, 0.45]),
        ("甲比乙低4个百分点", DIFFERENCE, [-4.0], [4.0, -6.0]),
        ("甲比乙多1100户", DIFFERENCE, [1100.0], [-1100.0, 2000.0]),
    ],
)
def test_a_relation_reads_as_an_interval_of_the_ratio_or_difference(claim, kind, inside, outside):
    relation = read_relation(claim)
    assert relation is not None and relation.kind == kind
    assert (relation.left, relation.right) == ("甲", "乙")
    assert all(relation.expected.holds(x) for x in inside)
    assert not any(relation.expected.holds(x) for x in outside)


@pytest.mark.parametrize(
    "claim",
    ["2021年一般公共预算收入同比增长11%", "税收占比87%以上", "金融业增加值占经济总量比重近50%", "新增就业3.1万人"],
)
def test_a_single_figure_with_bi_in_a_word_is_no_relation(claim):
    assert read_relation(claim) is None


def test_the_second_side_may_leave_out_what_the_first_counts():
    assert read_relation("2021年新增就业目标比2020年实际新增数多两成").elided
    assert read_relation("2021年内资到位额目标比2020年到位额多两成").elided
    assert not read_relation("一般公共预算收入增速目标比固定资产投资增速目标低4个百分点").elided


def test_relate_computes_from_the_report_figures_with_their_qualifiers():
    double = read_relation("甲比乙翻了两番")
    assert relate(double, only("65亿元"), only("24.95亿元"))[0] == "different"
    assert relate(double, only("100亿元"), only("25亿元"))[0] == "equal"
    more = read_relation("甲比乙多两成多")
    assert relate(more, only("6100家"), only("5000家"))[0] == "equal"
    # 5000余家 leaves the ratio between 6100/5999 and 6100/5000: it cannot settle 两成多.
    assert relate(more, only("6100家"), only("5000余家"))[0] == "incomparable"


# ---------------------------------------------------------------- verdicts on the real report


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("2021年和平区新增就业目标比2020年少1.1万人。", "supported"),
        ("2021年和平区新增就业目标比2020年多1.1万人。", "contradicted"),
        ("2020年和平区社会消费品零售总额是固定资产投资的9倍多。", "supported"),
        ("2020年和平区社会消费品零售总额是固定资产投资的20倍。", "contradicted"),
        ("2021年一般公共预算收入增速目标比固定资产投资增速目标高4个百分点。", "contradicted"),
        ("2021年内资到位额目标比2020年翻了一番还多。", "supported"),
        ("2021年内资到位额目标比2020年翻了一番。", "contradicted"),
        # 新增就业: 2021 target 2万人, 2020 result 3.1万人 (0.645 of it); 连…都不到 "not even".
        ("今年新增就业的目标连去年实际新增就业的一半都不到。", "contradicted"),
        ("今年新增就业的目标连去年实际新增就业的八成都不到。", "supported"),
        # 口罩33.29万个 sold to firms and 33万只 put on sale in pharmacies: 加起来 and 共 said together.
        ("向驻区企业销售的口罩和药店投放的惠民口罩加起来共66.29万个。", "supported"),
        ("向驻区企业销售的口罩和药店投放的惠民口罩加起来共76.29万个。", "contradicted"),
        # 建设7个退役军人服务示范中心站、3个标杆站、1个精品站: each count counts the thing right after it,
        # though the first member shares the words before the list.
        ("今年要建的退役军人服务标杆站和精品站加起来不到五个。", "supported"),
        ("今年要建的退役军人服务标杆站和精品站加起来超过五个。", "contradicted"),
        # A side naming no thing (去年评选出来的: 的 and no noun) counts what the other side counts:
        # 打造100个“标杆示范楼门” against 评选124个, 0.806 of it.
        ("今年要打造的“标杆示范楼门”,比去年评选出来的少了两成左右。", "supported"),
        ("今年要打造的“标杆示范楼门”,比去年评选出来的少了五成左右。", "contradicted"),
    ],
)
def test_a_relation_is_computed_from_the_two_figures_the_report_gives(checker, claim, verdict):
    v = checker.check(claim)
    assert v.verdict == verdict, v.explanation
    assert len(v.evidence) >= 1 and v.comparisons[0]["report"]["text"]


@pytest.mark.slow
def test_a_change_against_last_year_is_not_read_as_two_figures(checker):
    # 比去年 names no second figure the report gives (去年 is the review year itself): the claim's
    # 10% is a change, which the report does not state.
    v = checker.check("2020年和平区新增就业比去年增长10%。")
    assert v.verdict == "not_found"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("2020年和平区新增民办幼儿园学位和普惠性学位合计1715个。", "supported"),
        ("2020年和平区新增的城市书吧和共享有声书吧合计超过一百个。", "contradicted"),
    ],
)
def test_two_figures_summed_are_checked_against_the_claimed_total(checker, claim, verdict):
    v = checker.check(claim)
    assert v.verdict == verdict, v.explanation
    assert "合计" in v.explanation


def test_a_sum_reads_as_an_interval_of_the_two_figures_added():
    relation = read_relation("甲和乙加起来有八十多个")
    assert relation.kind == "sum" and (relation.left, relation.right) == ("甲", "乙")
    assert relation.expected.holds(86) and not relation.expected.holds(80)
    assert relate(relation, only("26个"), only("60个"))[0] == "equal"


def test_a_sum_may_be_said_after_a_comma():
    relation = read_relation("去年的专项救助活动加上今年计划的主题救助活动,一共十几项")
    assert relation is not None and relation.kind == "sum" and relation.said.startswith("一共")


def test_a_sum_may_be_said_a_clause_later_but_not_by_a_bare_gong():
    relation = read_relation("街道和社区两级的综合文化服务中心,去年免费开放的总共还不到七十个")
    assert relation is not None and relation.kind == "sum"
    assert read_relation("街道和社区两级的综合文化服务中心,去年免费开放的共七十个") is None

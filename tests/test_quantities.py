"""Tests for qa.text.quantities: number parsing, figure extraction, comparison and search normalisation."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.text.intervals import QUALIFIERS
from qa.text.quantities import (
    Comparison,
    Quantity,
    compare,
    extract_quantities,
    extract_years,
    normalise_numbers_for_search,
    parse_number,
)

REPORT = Path(__file__).resolve().parents[1] / "corpus" / "heping-2021-plan-report.txt"
FULLWIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


def only(text: str) -> Quantity:
    """The single quantity of ``text``."""
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


def summary(text: str) -> list[tuple[str, float, str, str | None]]:
    return [(q.text, q.value, q.unit, q.approx) for q in extract_quantities(text)]


def figure(text: str) -> Quantity:
    """A hand-made quantity for comparison tests, read from a short phrase."""
    return only(text)


# ---------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3.1", 3.1),
        ("31000", 31000),
        ("31,000", 31000),
        ("1,234,567.5", 1234567.5),
        ("３．１", 3.1),
        ("３１，０００", 31000),
        ("3.1万", 31000),
        ("1.5亿", 150_000_000),
        ("5440万", 54_400_000),
        ("27.95亿", 2_795_000_000),
        ("2万亿", 2e12),
        ("3千万", 30_000_000),
        ("625 万", 6_250_000),
        ("三点一万", 31000),
        ("零点五", 0.5),
        ("十点五", 10.5),
        ("三万一千", 31000),
        ("一千二百三十四", 1234),
        ("两万", 20000),
        ("两千", 2000),
        ("十一", 11),
        ("十", 10),
        ("五千零四十", 5040),
        ("一千七百三十万", 17_300_000),
        ("二十七亿九千五百万", 2_795_000_000),
        ("一万零一", 10001),
        ("三万五", 35000),
        ("一千二", 1200),
        ("两百五", 250),
        ("二〇二〇", 2020),
        ("二零二一", 2021),
        (" 12 ", 12),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "万", "十四五", "一带一路", "3.1.2", "11%", "百分之十一", "3万5千", "一千零", "点五", "5人"],
)
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a"):
        parse_number(text)


def test_parse_number_is_exact_in_decimal() -> None:
    assert parse_number("27.95亿") == 2.795e9
    assert parse_number("6826.25万") == 68_262_500


# ---------------------------------------------------------------- extraction: report forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("累计筹措口罩308万只", [("308万只", 3_080_000, "只", None)]),
        (
            "为7254家企业阶段性减免缓缴社会保险费27.95亿元",
            [("7254家", 7254, "家", None), ("27.95亿元", 2.795e9, "元", None)],
        ),
        (
            "内、外资到位额24.95亿元、5440万美元",
            [("24.95亿元", 2.495e9, "元", None), ("5440万美元", 54_400_000, "美元", None)],
        ),
        ("“海河英才”行动计划共落户1.4万余人", [("1.4万余人", 14000, "人", "plus")]),
        ("金融业增加值占经济总量比重近50%", [("近50%", 50, "%", "near")]),
        ("资产负债率保持在56%以下", [("56%以下", 56, "%", "at_most")]),
        ("城镇登记失业率控制在3.5%以内", [("3.5%以内", 3.5, "%", "at_most")]),
        ("引进各类金融机构30家以上", [("30家以上", 30, "家", "at_least")]),
        ("新增就业3.1万人", [("3.1万人", 31000, "人", None)]),
        (
            "检查企业7.68万家次、整改隐患7936项",
            [("7.68万家次", 76800, "家次", None), ("7936项", 7936, "项", None)],
        ),
        (
            "2021—2023三年政府投资滚动计划分别为8.7亿元、7.6亿元、4.7亿元",
            [
                ("三年", 3, "年", None),
                ("8.7亿元", 8.7e8, "元", None),
                ("7.6亿元", 7.6e8, "元", None),
                ("4.7亿元", 4.7e8, "元", None),
            ],
        ),
        ("老人家食堂累计为5.3万余人次提供送餐服务", [("5.3万余人次", 53000, "人次", "plus")]),
        ("分行业出台30余个指导性文件", [("30余个", 30, "个", "plus")]),
        ("机动车尾气遥感检测超过7万辆", [("超过7万辆", 70000, "辆", "over")]),
        ("全年为企业减税降费超1.5亿元", [("超1.5亿元", 1.5e8, "元", "over")]),
        ("其中政府投资约8.7亿元", [("约8.7亿元", 8.7e8, "元", "about")]),
        ("惠及近1.1万户困难群众", [("近1.1万户", 11000, "户", "near")]),
        ("新增“创业贷”28笔、625 万元", [("28笔", 28, "笔", None), ("625 万元", 6_250_000, "元", None)]),
        ("盘活空置载体14.4万平方米", [("14.4万平方米", 144_000, "平方米", None)]),
        ("所有事项办理时限平均压缩至3个工作日", [("3个工作日", 3, "个工作日", None)]),
        ("城市管理综合考评连续12个月保持全市第一", [("12个月", 12, "个月", None)]),
        ("一般公共预算收入同比增长11%", [("11%", 11, "%", None)]),
        ("同比增长11％", [("11％", 11, "%", None)]),
        ("比上年提高1.5个百分点", [("1.5个百分点", 1.5, "个百分点", None)]),
        (
            "内、外资到位额分别达65亿元和5500万美元以上",
            [
                ("65亿元", 6.5e9, "元", None),
                ("5500万美元以上", 55_000_000, "美元", "at_least"),
            ],
        ),
        ("对接企业2000余家", [("2000余家", 2000, "家", "plus")]),
        ("为辖区8000名80岁以上高龄老人", [("8000名", 8000, "名", None), ("80岁以上", 80, "岁", "at_least")]),
        ("年营业额3万元左右", [("3万元左右", 30000, "元", "about")]),
        ("全年新增不少于500户", [("不少于500户", 500, "户", "at_least")]),
        ("人数不超过30人", [("不超过30人", 30, "人", "at_most")]),
        ("平均时间力争压缩至60天以内", [("60天以内", 60, "天", "at_most")]),
        # 内 alone after a span of time is "within" it, as 以内 is; not after other units.
        ("企业一天内开办完成", [("一天内", 1, "天", "at_most")]),
        ("三个月内办结", [("三个月内", 3, "个月", "at_most")]),
        ("区内3家", [("3家", 3, "家", None)]),
        ("全区实际注册世界500强企业达57家", [("57家", 57, "家", None)]),
        ("收入约为3.2万元", [("约为3.2万元", 32000, "元", "about")]),
        ("累计投资3.1万", [("3.1万", 31000, "", None)]),
        ("节约3万元", [("3万元", 30000, "元", None)]),
    ],
)
def test_extract_report_forms(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新增就业三点一万人", [("三点一万人", 31000, "人", None)]),
        ("税收占比在百分之八十七以上", [("百分之八十七以上", 87, "%", "at_least")]),
        ("增长百分之十一", [("百分之十一", 11, "%", None)]),
        ("利用率达到百分之百", [("百分之百", 100, "%", None)]),
        ("新增就业两万人", [("两万人", 20000, "人", None)]),
        ("完成五千零四十户", [("五千零四十户", 5040, "户", None)]),
        ("连续十二个月位居全市第一", [("十二个月", 12, "个月", None)]),
        ("财政资金为一千七百三十万元", [("一千七百三十万元", 17_300_000, "元", None)]),
        ("增设两个发热门诊", [("两个", 2, "个", None)]),
        ("约三万人", [("约三万人", 30000, "人", "about")]),
        ("三十余万元", [("三十余万元", 300_000, "元", "plus")]),
        ("十余项专项整治", [("十余项", 10, "项", "plus")]),
        ("落实学前教育两年行动方案", [("两年", 2, "年", None)]),
        ("两千", [("两千", 2000, "", None)]),
    ],
)
def test_extract_chinese_numerals(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert summary(text) == expected


def test_quantity_fields() -> None:
    q = only("减免缓缴社会保险费27.95亿元。")
    assert (q.value, q.unit, q.scale, q.approx, q.is_year) == (2.795e9, "元", "亿", None, False)
    assert (q.start, q.end) == (9, 16)
    assert only("一千七百三十万元").scale == "万"
    assert only("三万一千人").scale == "万"  # as a report prints it: 3.1万人
    assert only("八万四千九百四十六具").scale == ""


def test_offsets_match_the_source() -> None:
    text = "２０２０年新增就业３．１万人，约三万人以上"
    for q in extract_quantities(text) + extract_years(text):
        assert text[q.start : q.end] == q.text
    assert only("新增就业３．１万人").value == 31000


def test_range_gives_each_end_with_the_unit() -> None:
    assert summary("筹建1-2个“嵌入式”社区养老机构") == [
        ("1", 1, "个", "at_least"),
        ("2个", 2, "个", "at_most"),
    ]
    assert summary("需要1～2万人") == [("1", 10000, "人", "at_least"), ("2万人", 20000, "人", "at_most")]
    assert summary("三至五年") == [("三", 3, "年", "at_least"), ("五年", 5, "年", "at_most")]


@pytest.mark.parametrize(
    "text",
    [
        "完成第七次全国人口普查工作",
        "深入落实市委十一届十次全会部署",
        "为“十四五”开好局",
        "扎实做好“六稳”工作,全面落实“六保”任务",
        "深入融入“一带一路”建设",
        "“一老一小”事业有序发展",
        "建立“三师一员”队伍",
        "《天津市打赢…的若干措施》(津政办发〔2020〕1号)",
        "全力落实全市“惠企21条”“27条”政策",
        "新增5G基站",
        "被评为4A级旅游景区",
        "创建公办、民办1+N联盟发展机制",
        "阿里巴巴、联想、360集团",
        "启动家庭医生1312老年人健康关爱行动",
        "金伦公寓2号楼、地铁8号线",
        "“一制三化”改革2.0版",
        "统一规划,一些企业,万一出现,第一位",
        "试点街区之一",
        "占三分之一",
        "大家一起努力,一次性告知",
        "保持两位数增长",
        "三点一线",
        "一点一滴",
        "《和平区国民经济和社会发展第十四个五年规划和二三五年远景目标纲要》",
        "全国双拥模范城“九连冠”",
        "2021年1月12日",
        "十九届五中全会",
        "电话:022-23196661",
    ],
)
def test_labels_ordinals_and_words_are_not_quantities(text: str) -> None:
    assert summary(text) == []


def test_quoted_label_next_to_a_count() -> None:
    assert summary("组建136个“132”帮扶工作组") == [("136个", 136, "个", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("销售消毒液11.82千克", [("11.82千克", 11.82, "公斤", None)]),
        ("全长5千米", [("5千米", 5.0, "公里", None)]),
        ("节电3千瓦时", [("3千瓦时", 3.0, "千瓦时", None)]),
        # A Chinese numeral's last 千 may begin the unit (二十千克), where 千 × 克 would not read.
        ("卖出一万一千八百二十千克消毒液", [("一万一千八百二十千克", 11820.0, "公斤", None)]),
        ("三千克", [("三千克", 3000.0, "克", None)]),  # 3000克 or 3千克: the same weight either way
    ],
)
def test_unit_starting_with_a_multiplier_character(text: str, expected: list) -> None:
    # 千克 is a unit, not 千 × 克; a number before it used to make extraction fail.
    assert summary(text) == expected


def test_near_a_duration_is_not_a_hedge() -> None:
    assert summary("近3年来") == [("3年", 3, "年", None)]


# ---------------------------------------------------------------- years


def test_extract_years() -> None:
    text = "2020年,2021—2023三年计划,二〇二〇年度,津政办发〔2020〕1号,用时41年"
    assert [(y.text, y.value, y.is_year) for y in extract_years(text)] == [
        ("2020年", 2020, True),
        ("2021", 2021, True),
        ("2023", 2023, True),
        ("二〇二〇年", 2020, True),
        ("2020", 2020, True),
    ]
    assert [q.text for q in extract_quantities(text)] == ["三年", "41年"]


def test_years_are_excluded_from_quantities() -> None:
    assert summary("2020年和平区新增就业5万人") == [("5万人", 50000, "人", None)]


# ---------------------------------------------------------------- the whole report


def test_report_extraction_is_consistent() -> None:
    text = REPORT.read_text(encoding="utf-8")
    quantities = extract_quantities(text)
    assert len(quantities) > 200
    for q in quantities:
        assert text[q.start : q.end] == q.text
        assert not q.is_year
        assert q.unit or q.scale or not q.text.isascii()
    texts = [q.text for q in quantities]
    for expected in ("308万只", "27.95亿元", "5440万美元", "1.4万余人", "近50%", "56%以下", "7936项"):
        assert expected in texts
    for label in ("132", "1001", "1312", "360"):
        assert label not in texts
    assert all(y.value in (2020, 2021, 2023) for y in extract_years(text))


# ---------------------------------------------------------------- compare


@pytest.mark.parametrize(
    ("claim", "reported"),
    [
        ("308万只", "308万只"),
        ("3080000只", "308万只"),
        ("约3万人", "3.1万人"),
        ("超过3万人", "3.1万人"),
        ("1.4万人", "1.4万余人"),
        ("27950万元", "2.795亿元"),
        ("5万", "5万人"),
        ("一千七百三十万元", "1730万元"),
        ("百分之八十七以上", "87%以上"),
        ("3.5%以内", "3.5%以内"),
        ("70%以下", "56%以下"),
        ("约3万人", "约3.1万人"),
        ("约3万人", "3.2万人"),  # 约 reads to the claim's precision: 3.2万 rounds to 3万
        ("1.1万户", "近1.1万户"),  # the report's figure without its qualifier
        ("1.75万人", "1.75万名"),
        ("十二个月", "12个月"),
    ],
)
def test_compare_equal(claim: str, reported: str) -> None:
    result = compare(figure(claim), figure(reported))
    assert result.outcome == "equal", result.explanation


@pytest.mark.parametrize(
    ("claim", "reported"),
    [
        ("5万人", "3.1万人"),
        ("5200人次", "5020人次"),
        ("3万人", "3.1万人"),
        ("3万人", "约3.1万人"),  # an exact claim is a point; 约3.1万 is 3.05万–3.15万
        ("超过3.2万人", "3.1万人"),
        ("27.95万元", "27.95亿元"),
        ("5440万元", "5440万美元"),
        ("56%以下", "70%以下"),
        ("90%以上", "87%以上"),
        ("1.3万人", "1.4万余人"),
        ("4%", "3.5%以内"),
    ],
)
def test_compare_different(claim: str, reported: str) -> None:
    result = compare(figure(claim), figure(reported))
    assert result.outcome == "different", result.explanation


@pytest.mark.parametrize(
    ("claim", "reported"),
    [
        ("14个", "14家"),
        ("5020人", "5020人次"),
        ("11%", "11个百分点"),
        ("50家", "30家以上"),
        ("32亿元", "87%"),
    ],
)
def test_compare_incomparable(claim: str, reported: str) -> None:
    result = compare(figure(claim), figure(reported))
    assert result.outcome == "incomparable", result.explanation


def test_compare_explanations() -> None:
    assert compare(figure("5万人"), figure("3.1万人")).explanation.startswith("声明为5万人,报告为3.1万人")
    magnitude = compare(figure("27.95万元"), figure("27.95亿元"))
    assert magnitude.explanation.startswith("量级不同:万 与 亿")
    assert "量级不同:万 与 亿" in compare(figure("一千七百三十万元"), figure("1.73亿元")).explanation
    assert "10倍" in compare(figure("173元"), figure("1730元")).explanation
    assert "范围" in compare(figure("约8亿元"), figure("8.7亿元")).explanation
    assert "货币" in compare(figure("5440万元"), figure("5440万美元")).explanation
    assert "个 与 家" in compare(figure("14个"), figure("14家")).explanation


def test_compare_years() -> None:
    y2020, y2021 = extract_years("2020年和2021年")
    assert compare(y2020, y2020).outcome == "equal"
    assert compare(y2020, y2021).outcome == "different"
    assert compare(y2020, figure("2020人")).outcome == "incomparable"


def test_comparison_is_frozen() -> None:
    result = compare(figure("1个"), figure("1个"))
    assert isinstance(result, Comparison)
    with pytest.raises(AttributeError):
        result.outcome = "different"  # type: ignore[misc]


def test_quantity_rejects_unknown_approx() -> None:
    with pytest.raises(ValueError, match="approx"):
        Quantity(1.0, "个", "roughly", "1个", 0, 2)


# ---------------------------------------------------------------- normalise_numbers_for_search


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新增就业三点一万人", "新增就业3.1万人"),
        ("增长百分之十一", "增长11%"),
        ("三万一千", "3.1万"),
        ("两千", "2000"),
        ("税收占比在百分之八十七以上", "税收占比在87%以上"),
        ("对口帮扶资金一千七百三十万元", "对口帮扶资金1730万元"),
        ("二十七亿九千五百万元", "27.95亿元"),
        ("八万四千九百四十六具", "84946具"),
        ("连续十二个月", "连续12个月"),
        ("二〇二〇年新增两万人", "2020年新增2万人"),
        ("百分之三点五", "3.5%"),
        ("百分之3.5", "3.5%"),
        ("三十余万元", "30余万元"),
        ("新增就业3.1万人", "新增就业3.1万人"),
        ("2021—2023三年政府投资", "2021—2023三年政府投资"),
    ],
)
def test_normalise_numbers(text: str, expected: str) -> None:
    assert normalise_numbers_for_search(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一带一路",
        "十四五",
        "六稳",
        "一老一小",
        "统一",
        "一些",
        "万一",
        "三师一员",
        "第一",
        "第七次全国人口普查",
        "十九大",
        "十一届十次全会",
        "“三个着力”",
        "一点一滴",
        "三点一线",
        "之一",
        "一次性",
        "三分之一",
    ],
)
def test_normalise_leaves_words_alone(text: str) -> None:
    assert normalise_numbers_for_search(text) == text


# ---------------------------------------------------------------- properties

MULTIPLIERS = {"": 1, "千": 10**3, "万": 10**4, "亿": 10**8, "万亿": 10**12}
decimals = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(n=decimals, multiplier=st.sampled_from(sorted(MULTIPLIERS)))
def test_arabic_with_multiplier(n: Decimal, multiplier: str) -> None:
    written = f"{n.normalize():f}{multiplier}"
    assert parse_number(written) == float(n * MULTIPLIERS[multiplier])


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**16 - 1), mode=st.sampled_from(["low", "up"]))
def test_cn2an_chinese_round_trip(n: int, mode: str) -> None:
    assert parse_number(cn2an.an2cn(n, mode)) == float(n)


@settings(max_examples=100, deadline=None)
@given(n=decimals, multiplier=st.sampled_from(sorted(MULTIPLIERS)))
def test_parse_invariant_under_full_width(n: Decimal, multiplier: str) -> None:
    written = f"{n.normalize():f}{multiplier}"
    assert parse_number(written.translate(FULLWIDTH)) == parse_number(written)


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**9))
def test_thousands_separators(n: int) -> None:
    assert parse_number(f"{n:,}") == n


@settings(max_examples=100, deadline=None)
@given(
    n=decimals,
    multiplier=st.sampled_from(["", "万", "亿"]),
    unit=st.sampled_from(["人", "家", "个", "元", "美元", "%", "吨", "人次", "平方米"]),
)
def test_extract_finds_the_figure(n: Decimal, multiplier: str, unit: str) -> None:
    written = f"{n.normalize():f}{multiplier}{unit}"
    (q,) = extract_quantities(f"全年完成{written}。")
    assert (q.text, q.value, q.unit) == (written, float(n * MULTIPLIERS[multiplier]), unit)


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**12), unit=st.sampled_from(["人", "家", "个", "元", "户"]))
def test_chinese_figures_normalise_to_the_same_value(n: int, unit: str) -> None:
    text = f"新增{cn2an.an2cn(n)}{unit}"
    (original,) = extract_quantities(text)
    (normalised,) = extract_quantities(normalise_numbers_for_search(text))
    assert original.value == normalised.value == n
    assert compare(original, normalised).outcome == "equal"


@st.composite
def quantities(draw) -> Quantity:
    """Figures as reports write them: up to six significant digits, the step their last digit's unit."""
    digits, power = draw(st.integers(min_value=0, max_value=999_999)), draw(st.integers(min_value=-2, max_value=10))
    return Quantity(
        value=float(Decimal(digits).scaleb(power)),
        unit=draw(st.sampled_from(["", "人", "家", "元", "%", "个百分点"])),
        approx=draw(st.sampled_from([None, *QUALIFIERS])),
        text="x",
        start=0,
        end=1,
        scale=draw(st.sampled_from(["", "万", "亿"])),
        is_year=draw(st.booleans()),
        step=float(Decimal(1).scaleb(power)),
    )


@settings(max_examples=200, deadline=None)
@given(q=quantities())
def test_compare_with_itself_is_equal(q: Quantity) -> None:
    assert compare(q, q).outcome == "equal"


numeral_text = st.text(alphabet="一二两三十百千万亿点零〇个人年第之分至余以上“”的和增长%", max_size=12)


@settings(max_examples=200, deadline=None)
@given(text=numeral_text)
def test_normalise_is_idempotent_and_keeps_values(text: str) -> None:
    once = normalise_numbers_for_search(text)
    assert normalise_numbers_for_search(once) == once

    def with_units(t: str) -> list[tuple[float, str]]:
        # A bare 两千 becomes a bare 2000, which extraction reads as a label: compare unit-bearing figures.
        return [(q.value, q.unit) for q in extract_quantities(t) if q.unit]

    assert with_units(once) == with_units(text)


def test_ci_after_a_measure_word_counts_times_unless_it_opens_a_word_of_rank():
    # 次支道路: secondary and branch roads; 72条 of them, not 72 "条次".
    assert [(q.value, q.unit) for q in extract_quantities("规范贵阳路72条次支道路车辆停放")] == [(72.0, "条")]
    assert [(q.value, q.unit) for q in extract_quantities("接待群众5020人次")] == [(5020.0, "人次")]
    assert [(q.value, q.unit) for q in extract_quantities("检查企业7.68万家次、整改隐患")] == [(76800.0, "家次")]


def test_ji_after_a_round_numeral_is_more_and_before_it_is_no_figure():
    (teens,) = extract_quantities("启用的观察点有十几个")
    assert teens.approx == "plus" and (teens.interval.lo, teens.interval.hi) == (10, 20)
    (twenties,) = extract_quantities("三十几万元")
    assert twenties.value == 300000 and twenties.approx == "plus"
    assert extract_quantities("几十个") == [] and extract_quantities("数十家") == []


def test_one_picked_out_is_no_count():
    # 哪一天, 这一年, 某一个: "which / this one", not one day or one year.
    assert extract_quantities("具体是哪一天启动的") == []
    assert extract_quantities("这一年新增就业多少人") == []
    assert extract_quantities("每一项指标任务都要明确协同部门") == []
    assert [q.value for q in extract_quantities("新增一个")] == [1.0]

"""Fact checking on the real report with the real index: verdicts, evidence, comparisons, CLI, eval.

The claims here are written for these tests from the report's text; none is copied from the
evaluation files. The unit tests at the top need no index.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from qa.app.present import format_verdict
from qa.errors import QueryError
from qa.factcheck.claims import in_common_unit, read_claim
from qa.factcheck.paraphrase import verb_paraphrases
from qa.factcheck.wording import conflicts, diffable, in_report_order
from qa.text.quantities import extract_quantities
from tests.conftest import CORPUS, EVAL
from tests.conftest import run_cli as run

VERDICT_KEYS = {"claim", "verdict", "label", "explanation", "evidence", "comparisons"}
HIT_KEYS = {"text", "citation", "highlight", "highlight_text", "passage_id", "part", "start", "end"}


def differences(claim: str, report: str) -> list[str]:
    return [c.kind for c in conflicts(diffable(claim), diffable(report))]


def only(text: str):
    (q,) = extract_quantities(text)
    return q


# ---------------------------------------------------------------- claim reading and wording (no index)


def test_one_listed_items_name_with_the_next_items_predicate_crosses_them():
    honours = "实现全国文明城区六连冠、全国双拥模范城九连冠"
    assert differences("实现全国文明城区九连冠", honours) == ["crossed"]
    assert differences("实现全国文明城区六连冠", honours) == []
    offices = "天泰公司办公楼租用改造、一商办公旧楼改造提升"
    assert differences("天泰公司办公楼要改造提升", offices) == ["crossed"]
    # Shortening a list is no crossing: the claim joins the items itself, or the report's predicate is
    # said of all of them (A以及B、C开工建设).
    assert differences("编制招商资源和目标企业清单", "编制招商资源清单、目标企业清单") == []
    assert differences("推动门急诊综合楼项目开工建设", "推动门急诊综合楼项目以及大沽北路、多伦道地块开工建设") == []


def test_one_count_written_in_two_ways_is_no_other_count():
    assert differences("实际注册世界五百强企业", "实际注册世界500强企业") == []
    assert differences("实现全国文明城区六连冠", "实现全国文明城区九连冠") == ["count"]


def test_each_figure_takes_the_year_of_its_own_clause(report):
    claim = read_claim("2020年新增就业3.1万人,2021年的目标是新增2万人", ("和平区",), report.time)
    assert [(f.quantity.text, f.period) for f in claim.figures] == [("3.1万人", "review"), ("2万人", "plan")]
    assert [f.period_label for f in claim.figures] == ["2020年执行情况", "2021年计划"]


def test_a_figure_without_a_cue_takes_the_one_before_it():
    claim = read_claim("按照今年的计划,全年要新建健身步道,在5个小区", ("和平区",))
    assert [f.period for f in claim.figures] == ["plan"]


def test_chinese_numerals_are_read_and_shown_as_written():
    (figure,) = read_claim("去年新增就业三点一万人").figures
    assert figure.quantity.text == "三点一万人" and figure.quantity.value == 31000 and figure.period == "review"


def test_the_reports_subject_years_and_cue_words_state_nothing():
    claim = read_claim("根据报告,2020年和平区计划新增就业", ("和平区",))
    stated = "".join(ch for ch, on in zip(claim.matching, claim.content) if on)
    assert stated == "新增就业"


def test_a_time_frame_states_nothing():
    claim = read_claim("疫情期间和平区累计筹措口罩308万只", ("和平区",))
    stated = "".join(ch for ch, on in zip(claim.matching, claim.content) if on)
    assert stated == "筹措口罩"


def test_places_named_in_a_claim():
    assert read_claim("2020年静海区新增就业3.1万人").places[0] == "静海区"
    assert read_claim("2020年红桥区新增就业3.1万人").places[0] == "红桥区"


@pytest.mark.parametrize(
    ("claim", "report", "kind"),
    [
        ("与城北电力开展新基建战略合作", "与城南电力开展新基建战略合作", "name"),  # same length, same slot
        ("31家金融机构落地", "31家医疗机构落地", "name"),  # the kind word is shared, the kinds differ
        ("在河西公园设立“豁免登记”场所", "在津湾广场设立“豁免登记”场所", "name"),  # two place names
        ("南京路派出所荣获全市优秀单位", "新兴派出所荣获全市优秀单位", "name"),  # before the same body word
        ("侵犯商标权刑事案件审理", "侵犯知识产权刑事案件审理", "name"),  # enclosed by shared words
        ("实现长安杯“四连冠”", "实现长安杯“五连冠”", "count"),
        ("通过国家卫生区第二次复审验收", "通过国家卫生区第三次复审验收", "count"),
        ("“五育”即德育、智育、体育、美育和心育", "“五育”即德育、智育、体育、美育和劳动教育", "member"),
        ("没有完成万元GDP能耗降低任务", "超额完成万元GDP能耗降低任务", "negation"),
        # verbs, yet members of a list
        ("针对乱占、乱采、乱排等问题开展专项整治", "对乱占、乱采、乱建等河湖管理保护突出问题开展专项清理整治", "member"),
        ("五大道公园项目已经开工", "五大道公园项目完成立项", "status"),
    ],
)
def test_wordings_that_differ(claim, report, kind):
    assert differences(claim, report)[:1] == [kind]


@pytest.mark.parametrize(
    ("claim", "report"),
    [
        ("开展8项专项救助活动", "进行8项专项救助活动"),  # light verbs
        ("信访事项受理率处于全市先进行列", "信访事项受理率位列全市先进行列"),
        ("合生国际项目建成", "合生国际项目竣工"),  # one stage, two words
        ("123家企业拿到贷款2.5亿元", "123家企业获得贷款2.5亿元"),
        ("为独居老人配发灭火毯", "为5000余位独居老人配发灭火毯"),  # the claim says less
        ("“五育”即德育、智育、体育、美育和劳动教育", "“五育”即德育、智育、体育、美育、劳动教育"),
        ("新引入154家科技型企业", "引进中环系统工程、跟谁学教育科技等154家科技型企业"),  # the report says more
        ("推行“信用+复工复产”", "率先实行“信用+复工复产”"),  # Cilin synonyms, though 行 ends bank names
        ("全市第一家街道级社区养老机构投入运营", "全市首家街道级社区养老机构投入运营"),  # 第一 / 首
        ("新建3家养老院和2家老年日间照料中心", "新建3家养老机构、2家老年日间照料中心"),  # the general word for the kind
        ("组建136个帮扶小组", "组建136个帮扶工作组"),  # 小组: the general word for a working group
        ("秋冬季防疫中", "全面开展秋冬季疫情防控"),  # a shortened form: its characters stand in the report's
        ("探索建设数字经济平台", "探索打造数字经济平台"),  # two verbs for one action in one slot
        ("案例被收进选编", "案例被收入选编"),  # verbs sharing a morpheme
        ("建好全域旅游集散中心", "建成全域旅游集散中心"),  # one verb, a complement of completion on each side
        ("超额做完了万元GDP能耗降低任务", "超额完成万元GDP能耗降低任务"),  # 完成 is the verb of 超额完成
    ],
)
def test_wordings_that_say_the_same(claim, report):
    assert differences(claim, report) == []


@pytest.mark.parametrize(
    ("claim", "report", "kinds"),
    [
        ("探索建设数字经济平台", "探索打造数字经济平台", []),  # one action in two verbs
        ("加快推进老旧小区改造", "加速推进老旧小区改造", []),  # Cilin synonyms
        ("将心理健康服务引进信访工作", "将心理健康服务纳入信访工作", []),  # no shared morpheme, one action
        ("积极申请2个市级重点专科", "积极申报2个市级重点专科", []),  # compounds of one verb 申, however tagged
        ("该案例被推荐上报中央政法委", "该案例被收录上报中央政法委", ["status"]),  # two steps of an honour
        ("培育专精特新企业", "认定专精特新企业", ["status"]),
        ("积极申报2个市级重点专科", "2个专科获批市级重点专科", ["status"]),
    ],
)
def test_verbs_in_one_slot_differ_only_as_steps(claim, report, kinds):
    assert [c.kind for c in conflicts(diffable(claim), diffable(report))] == kinds


def test_claim_verbs_a_sentence_says_with_other_verbs(checker):
    sentence = "区妇产科医院搬迁新院并正式开诊,探索打造数字经济平台,项目竣工"
    found = dict(verb_paraphrases(["搬进", "接诊", "建设", "开工"], sentence, checker.verbs_alike))
    assert found == {"搬进": {"搬迁"}, "接诊": {"开诊"}, "建设": {"打造"}}  # 开工 / 竣工: two stages


def test_units_brought_together():
    claimed, reported, note = in_common_unit(only("11.82千克"), only("11.82吨"))
    assert (claimed.value, reported.value, claimed.unit) == (11.82, 11820.0, "公斤") and "换算" in note
    claimed, reported, note = in_common_unit(only("5000家"), only("5000户"))
    assert reported.unit == "家" and "户" in note
    assert in_common_unit(only("5个"), only("5人")) is None


# ---------------------------------------------------------------- verdicts on the real report


def cited(verdict) -> list[str]:
    return [hit.passage.text for hit in verdict.evidence]


def highlighted(hit) -> str:
    p = hit.passage
    return p.text[hit.highlight[0] - p.start : hit.highlight[1] - p.start]


@pytest.mark.slow
def test_a_wrong_figure_is_contradicted_by_the_passage_that_gives_the_right_one(checker):
    v = checker.check("2020年和平区新增就业5万人")
    assert (v.verdict, v.label) == ("contradicted", "与报告不符")
    assert len(v.evidence) == 1 and "新增就业3.1万人" in highlighted(v.evidence[0])
    assert v.evidence[0].passage.part_kind == "review"
    (row,) = v.comparisons
    assert (row["claim"]["text"], row["claim"]["value"], row["claim"]["part"]) == ("5万人", 50000, "2020年执行情况")
    assert (row["report"]["text"], row["report"]["value"], row["report"]["part"]) == ("3.1万人", 31000, "2020年执行情况")
    assert row["outcome"] == "different" and "3.1万" in v.explanation


@pytest.mark.slow
@pytest.mark.parametrize("claim", ["2020年和平区新增就业3.1万人", "2020年和平区新增就业三点一万人", "去年全区新增就业31000人"])
def test_the_right_figure_in_any_spelling_is_supported(checker, claim):
    v = checker.check(claim)
    assert (v.verdict, v.label) == ("supported", "报告支持")
    assert "新增就业3.1万人" in highlighted(v.evidence[0])
    assert v.comparisons[0]["outcome"] == "equal" and v.comparisons[0]["report"]["value"] == 31000


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("2020年和平区成立了7个工作组和12个工作专班", "supported"),
        ("2020年和平区成立了7个工作组和15个工作专班", "contradicted"),
        ("2020年和平区成立了12个工作组和7个工作专班", "contradicted"),
    ],
)
def test_two_figures_of_one_clause_each_count_what_follows_them(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("和平区在8家药店投放惠民口罩33万只", "supported"),
        ("和平区在8家药店投放惠民口罩330万只", "contradicted"),
        ("2020年和平区在5家医院投放防护服2万套", "not_found"),
    ],
)
def test_figures_stated_together_are_found_together(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("区中医医院和公安医院各增设了1个发热门诊", "supported"),  # 2 in all, as the report counts
        ("区中医医院和公安医院各增设了2个发热门诊", "contradicted"),  # 4 in all
        ("和平区在全市第一个完成了无证幼儿园攻坚治理", "supported"),  # 第一个 before a verb: 率先
        # 一支: an article, not a figure to find
        ("和平区组建了一支由1.75万名市区街干部和10万名志愿者组成的值守队伍", "supported"),
        ("和平区新建了3家养老机构和2家老年日间照料中心", "supported"),  # 了: done, so the review's figures
    ],
)
def test_each_and_first_to(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict


@pytest.mark.slow
def test_a_2021_target_stated_as_a_2020_result_shows_both_passages(checker):
    v = checker.check("2020年和平区盘活空置载体15万平方米")
    assert v.verdict == "contradicted"
    assert [h.passage.part_kind for h in v.evidence] == ["review", "plan"]
    assert "14.4万平方米" in highlighted(v.evidence[0]) and "15万平方米" in highlighted(v.evidence[1])
    assert [row["outcome"] for row in v.comparisons] == ["different", "other_year"]
    assert v.comparisons[1]["report"]["part"] == "2021年计划" and "2021年计划" in v.explanation


@pytest.mark.slow
def test_a_2020_result_stated_as_a_2021_target_is_contradicted_too(checker):
    v = checker.check("今年和平区计划新增就业3.1万人")
    assert v.verdict == "contradicted"
    assert [h.passage.part_kind for h in v.evidence] == ["plan", "review"]
    assert "新增就业2万人" in highlighted(v.evidence[0]) and "新增就业3.1万人" in highlighted(v.evidence[1])


@pytest.mark.slow
def test_units_and_magnitudes(checker):
    v = checker.check("2020年和平区完成消费扶贫1.11万元")
    assert v.verdict == "contradicted" and "量级不同" in v.comparisons[0]["explanation"]
    v = checker.check("2021年和平区外资到位额的目标为5500万元以上")
    assert v.verdict == "contradicted" and "货币单位不同" in v.explanation
    assert "5500万美元以上" in v.comparisons[0]["report"]["text"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "word"),
    [("2020年和平区更换智能水表约8.5万具", "约数"), ("2020年,全区累计筹措口罩超过300万只", "下限")],
)
def test_approximate_figures_are_supported_and_the_reading_is_stated(checker, claim, word):
    v = checker.check(claim)
    assert v.verdict == "supported"
    assert word in v.comparisons[0]["explanation"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "claim",
    [
        "2020年河西区新增就业3.1万人",  # another district
        "2020年和平区新建公园绿地12万平方米",  # a figure the report does not give
        "2021年和平区计划举办国际马拉松比赛2场",
        "报告附注解释了“双万双服促发展”活动的含义",  # no such note
    ],
)
def test_what_the_report_does_not_say_is_not_found(checker, claim):
    v = checker.check(claim)
    assert (v.verdict, v.label) == ("not_found", "报告未提及")
    assert v.explanation


@pytest.mark.slow
def test_another_district_is_named_in_the_explanation(checker):
    v = checker.check("2020年河西区新增就业3.1万人")
    assert "河西区" in v.explanation and v.evidence == ()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "evidence"),
    [
        ("2020年和平区通过了全国健康促进区国家验收", "通过全国健康促进区国家验收"),
        ("附注中,“雪亮工程”是指公共安全视频监控建设联网应用工作", "即公共安全视频监控建设联网应用工作"),
        ("和平区2021年要建成核酸城市检测基地", "建成核酸城市检测基地"),
        ("2020年和平区推行“信用+复工复产”", "实行“信用+复工复产”"),  # a synonym verb
        ("2020年区妇产科医院搬进新院,并正式开始接诊", "搬迁新院并正式开诊"),  # verbs sharing a morpheme
        ("2021年和平区要创建1个全国综合减灾示范社区和1个国家级防震减灾科普示范学校", "国家级防震减灾科普示范学校"),
        ("“专精特新”中小企业是经市工信局培育的中小企业", "即经市工信局培育的"),
        # a title holding a comma, with what the report says of it in the next clause
        ("2020年和平区强化“五个一”模式共建市域社会治理“同心圆”的案例被推荐上报中央政法委", "被推荐上报中央政法委"),
    ],
)
def test_statements_without_figures_are_supported_by_the_passage_that_says_them(checker, claim, evidence):
    v = checker.check(claim)
    assert v.verdict == "supported"
    assert evidence in highlighted(v.evidence[0])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "evidence", "words"),
    [
        ("2020年和平区实现全国文明城区“五连冠”", "全国文明城区“六连冠”", ["五", "六"]),
        ("2020年和平区与城北电力开展新基建战略合作", "与城南电力开展新基建战略合作", ["城北", "城南"]),
        ("“五育”即德育、智育、体育、美育和心育", "美育和劳动教育", ["心育", "劳动教育"]),
        ("2020年和平区在五大道设立了“豁免登记”场所", "在津湾广场设立“豁免登记”场所", ["津湾广场"]),
        # the body that took one case said of the other case, whose title holds a comma
        ("《社会力量强助力,真督实战促脱贫》被推荐上报中央政法委", "被国务院扶贫办收入", ["中央政法委", "国务院扶贫办"]),
        # a programme's name with another modifier, inside a sentence that holds the rest
        ("2021年和平区要创建1个国家级综合减灾示范学校", "国家级防震减灾科普示范学校", ["综合减灾示范学校", "防震减灾科普"]),
        # a body in a claim the report says across two clauses
        ("附注中,“专精特新”中小企业是经市发改委培育的中小企业", "即经市工信局培育的", ["发改委", "市工信局"]),
    ],
)
def test_statements_without_figures_are_contradicted_by_a_different_word(checker, claim, evidence, words):
    v = checker.check(claim)
    assert v.verdict == "contradicted"
    assert evidence in v.evidence[0].passage.text
    assert all(w in v.explanation for w in words)


@pytest.mark.slow
def test_a_dated_statement_is_not_backed_by_the_note_defining_its_term(checker):
    # The notes define “1+6”政务服务体系; building it is a 2021 task, not a 2020 result.
    v = checker.check("2020年和平区建成了“1+6”政务服务体系")
    assert v.verdict == "contradicted" and "2021年计划" in v.explanation
    assert v.evidence[-1].passage.part_kind == "plan" and "“1+6”政务服务体系" in highlighted(v.evidence[-1])
    assert checker.check("“1+6”政务服务体系中的“6”是6个街级政务服务分中心").verdict == "supported"


@pytest.mark.slow
def test_an_entity_next_to_a_right_figure_still_contradicts(checker):
    v = checker.check("2020年和平区有123家商户获得贷款2.5亿元")
    assert v.verdict == "contradicted" and "企业" in v.explanation


@pytest.mark.slow
def test_what_the_report_does_not_say_beside_a_right_figure_is_named(checker):
    v = checker.check("2020年和平区新增就业3.1万人,创下历史新高")
    assert v.verdict == "supported" and "创下历史新高" in v.explanation and "未提及" in v.explanation


@pytest.mark.slow
@pytest.mark.parametrize("claim", ["", "   ", "?!。", "新" * 600, None])
def test_bad_input_is_refused(checker, claim):
    with pytest.raises(QueryError):
        checker.check(claim)


@pytest.mark.slow
def test_verdict_is_frozen_and_serialises(checker):
    v = checker.check("2020年和平区新增就业5万人")
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.verdict = "supported"
    data = json.loads(json.dumps(v.to_dict(), ensure_ascii=False))
    assert VERDICT_KEYS <= set(data) and data["claim_part"] == "2020年执行情况"
    assert HIT_KEYS <= set(data["evidence"][0]) and "新增就业3.1万人" in data["evidence"][0]["highlight_text"]
    text = format_verdict(v)
    assert "与报告不符" in text and "【新增就业3.1万人】" in text and v.evidence[0].passage.citation in text


# ---------------------------------------------------------------- command line and evaluation


@pytest.mark.slow
def test_check_json_in_process(index_dir, capsys):
    argv = ["check", "2020年和平区新增就业5万人", "--json", "--index", str(index_dir), "--corpus", str(CORPUS)]
    code, out, _ = run(argv, capsys)
    assert code == 0
    data = json.loads(out)
    assert VERDICT_KEYS <= set(data) and data["verdict"] == "contradicted" and data["label"] == "与报告不符"
    assert HIT_KEYS <= set(data["evidence"][0]) and data["comparisons"][0]["report"]["text"] == "3.1万人"


@pytest.mark.slow
def test_check_plain_text_and_stdin(index_dir, capsys, monkeypatch):
    code, out, _ = run(["check", "2020年和平区新增就业3.1万人", "--index", str(index_dir)], capsys)
    assert code == 0 and "报告支持" in out and "【新增就业3.1万人】" in out
    lines = "2020年和平区新增就业5万人\n?!\n2020年河西区新增就业3.1万人\n"
    code, out, _ = run(["check", "--json", "--index", str(index_dir)], capsys, lines, monkeypatch)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 2  # one line could not be checked (bad input); the others still are
    assert [r.get("verdict") or "error" for r in rows] == ["contradicted", "error", "not_found"]


@pytest.mark.slow
def test_eval_claims_json(index_dir, capsys):
    argv = ["eval", str(EVAL / "claims-dev.jsonl"), "--json", "--index", str(index_dir), "--corpus", str(CORPUS)]
    code, out, _ = run(argv, capsys)
    assert code == 0
    report = json.loads(out)
    assert {"n", "verdict_accuracy", "by_kind", "confusion", "evidence_ok", "misses"} <= set(report)
    assert report["n"] == 40 and sum(k["n"] for k in report["by_kind"].values()) == 40
    # The targets of the fact checker on the development claims.
    assert report["verdict_accuracy"] >= 0.9
    assert all(k["verdict_accuracy"] >= 0.8 for k in report["by_kind"].values())
    assert report["evidence_ok"] == 1.0


@pytest.mark.slow
def test_evaluate_claims_counts(checker):
    from qa.evaluation.claims import evaluate_claims
    from qa.evaluation.report import format_report

    records = [
        {
            "id": "a",
            "claim": "2020年和平区新增就业3.1万人",
            "verdict": "supported",
            "evidence": ["新增就业3.1万人"],
            "kind": "number",
        },
        {
            "id": "b",
            "claim": "2020年和平区新增就业5万人",
            "verdict": "contradicted",
            "evidence": ["不在报告里的字"],
            "kind": "number",
        },
        {"id": "c", "claim": "2020年河西区新增就业3.1万人", "verdict": "supported", "evidence": [], "kind": "absent"},
    ]
    report = evaluate_claims(checker, records)
    assert report["verdict_accuracy"] == round(2 / 3, 4) and report["evidence_ok"] == 0.5
    assert report["by_kind"] == {
        "absent": {"n": 1, "verdict_accuracy": 0.0, "evidence_ok": None},
        "number": {"n": 2, "verdict_accuracy": 1.0, "evidence_ok": 0.5},
    }
    assert report["confusion"] == {"contradicted": {"contradicted": 1}, "supported": {"not_found": 1, "supported": 1}}
    assert [m["id"] for m in report["misses"]] == ["b", "c"]
    assert "evidence_ok=0.5" in format_report(report)


# ---------------------------------------------------------------- qualifiers, units, synonyms, lists


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("2020年和平区新增就业超过3万人。", "supported"),  # 3.1万 > 3万
        ("2020年和平区新增就业不到三万人。", "contradicted"),  # 不到 excludes 3.1万
        ("2020年和平区新增就业三万余人。", "supported"),  # 三万余 = 3万–4万
        ("2021年和平区政府投资约9亿元。", "supported"),  # 8.7亿 rounds to 9亿
        ("2020年和平区外贸出口超百亿元。", "supported"),  # 101亿
        ("2020年和平区外贸出口近百亿元。", "contradicted"),  # 近百亿 is just under 100亿
    ],
)
def test_qualifiers_read_as_intervals(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict


def test_a_count_in_a_unit_the_report_does_not_use_for_it_is_not_found(checker):
    """The report counts new jobs in 人; 户 does not convert to 人."""
    assert checker.check("2020年和平区新增就业3.1万户。").verdict == "not_found"


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("“六稳”包括稳就业。", "supported"),
        ("“六保”包括保居民就业和保基层运转。", "supported"),
        ("“六稳”包括稳物流。", "contradicted"),  # a closed list of six, spelled out in the notes
        ("“五育”包括劳动教育。", "supported"),
        ("“五育”包括心理教育。", "contradicted"),
    ],
)
def test_members_of_a_counted_list(checker, claim, verdict):
    result = checker.check(claim)
    assert result.verdict == verdict, result.explanation
    assert result.evidence


def test_a_synonym_is_not_a_different_name():
    from qa.factcheck.wording import conflicts

    assert conflicts("稳定住经济基本盘", "牢牢稳住经济基本盘") == []
    assert conflicts("城北电力公司", "城南电力公司")


# ---------------------------------------------------------------- paraphrase against a different fact (no index)


@pytest.mark.parametrize(
    ("claim", "report"),
    [
        ("区妇产科医院迁入新院", "区妇产科医院搬迁新院"),  # two compounds of one verb morpheme
        ("两家养老机构成功引进社会资本", "2家养老机构成功引入社会资本"),
        ("会宁和舟曲都已在助推下脱贫摘帽", "助推会宁、靖远、舟曲顺利脱贫摘帽"),  # other word order, fewer members
        ("引入中环系统工程、跟谁学教育科技等154家科技型企业", "引进中环系统工程、跟谁学教育科技等154家科技型企业"),
    ],
)
def test_a_paraphrase_does_not_part_from_the_report(claim, report):
    assert differences(claim, report) == []


@pytest.mark.parametrize(
    ("claim", "report", "kind"),
    [
        ("减少享受住房保障居民1031户", "新增享受住房保障居民1031户", "direction"),
        ("税收占比降低", "税收占比提高", "direction"),
        ("申报首批国家文化和旅游消费试点城市", "获批首批国家文化和旅游消费试点城市", "status"),  # two steps of a title
        ("开展公共场所、发热门诊、学校三类重点部位检查", "开展公共场所、发热门诊、进口冷链食品三类重点部位检查", "member"),
    ],
)
def test_a_different_fact_still_parts_from_the_report(claim, report, kind):
    assert kind in differences(claim, report)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("田立禾养老中心等两家养老机构成功引进社会资本。", "supported"),
        ("和平区已获批成为首批国家文化和旅游消费试点城市。", "supported"),  # 已: a result, found in the review
        ("2020年和平区引入中环系统工程、跟谁学教育科技等154家科技型企业。", "supported"),
        ("2020年和平区减少享受住房保障居民1031户。", "contradicted"),
        ("2020年和平区申报首批国家文化和旅游消费试点城市。", "contradicted"),
        # 零起点 is a word (a 'zero starting point'), not zero 起: 坚持小学“零起点”教学.
        ("2021年和平区坚持小学零起点教学。", "supported"),
        ("2021年和平区不再坚持小学零起点教学。", "contradicted"),
        # 创建成 is 创建 + 成 ('create into'), not the stage 建成: 加快创建金街、五大道诚信示范街区.
        ("2021年和平区要把金街、五大道创建成诚信示范街区。", "supported"),
        # A list holding a member (…里有X) leaves its other members out on purpose.
        ("打造数字经济平台,区里今年找的合作伙伴里有北方人才交易市场。", "supported"),
        # 内、外资到位额24.95亿元、5440万美元: the claim of 内资 holds its own view of the sentence.
        ("2020年和平区内资到位额将近二十五亿元。", "supported"),
        ("2020年和平区内资到位额超过二十五亿元。", "contradicted"),
    ],
)
def test_paraphrases_are_supported_and_changed_facts_contradicted(checker, claim, verdict):
    v = checker.check(claim)
    assert v.verdict == verdict, v.explanation


def test_the_same_words_in_another_order_cover_as_much(checker):
    from qa.factcheck.claims import word_coverage

    reordered = read_claim("文明城区创建实现全国“六连冠”", ("和平区",))
    in_order = read_claim("实现全国文明城区创建“六连冠”", ("和平区",))
    sentence = "实现全国文明城区创建“六连冠”、全国双拥模范城“九连冠”"
    assert word_coverage(checker.stats, reordered, sentence) == pytest.approx(1.0)
    assert word_coverage(checker.stats, in_order, sentence) == pytest.approx(1.0)
    assert word_coverage(checker.stats, reordered, "实现全国文明城区“六连冠”") < 1.0  # 创建 is not there


@pytest.mark.parametrize(
    ("claim", "report"),
    [
        ("推进地铁4号线建设", "完成地铁8号线西康路站房屋征收"),
        ("全国双拥模范城“六连冠”", "全国文明城区“六连冠”、全国双拥模范城“九连冠”"),
    ],
)
def test_another_numeral_in_a_label_is_another_count_even_if_the_clause_has_it_elsewhere(claim, report):
    assert "count" in differences(claim, report)


def test_another_term_of_the_same_length_in_one_slot_is_another_thing():
    assert "name" in differences("阶段性减免缓缴住房公积金27.95亿元", "阶段性减免缓缴社会保险费27.95亿元")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("2020年和平区的城市管理综合考评连续一年保持全市第一。", "supported"),  # 一年 = 12个月
        ("2020年和平区在小白楼设立“豁免登记”场所。", "contradicted"),  # 小白楼 / 津湾广场: two places
        ("2020年和平区为7254家企业阶段性减免缓缴住房公积金27.95亿元。", "contradicted"),
    ],
)
def test_units_of_time_convert_and_places_and_terms_are_told_apart(checker, claim, verdict):
    v = checker.check(claim)
    assert v.verdict == verdict, v.explanation


@pytest.mark.parametrize(
    ("claim", "own"),
    [
        ("今年要建成民园广场和第二南开中学两处固定避难场所", True),
        ("引进甲公司、乙公司、丙公司三家企业", True),
        ("与铁塔集团和联通等三家运营商合作", False),  # 等: an open list, its count is a figure
        ("新建3家养老机构", False),
    ],
)
def test_a_count_of_the_claims_own_list_is_not_a_figure_to_check(claim, own):
    from qa.factcheck.claims import counts_own_list

    c = read_claim(claim, ("和平区",))
    assert any(counts_own_list(c, f) for f in c.figures) == own


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("2021年现代城购物中心要竣工投入运营。", "contradicted"),  # the plan only starts it (启动…建设)
        ("2020年和平区启动金伦公寓2号楼加装电梯试点工作。", "supported"),
    ],
)
def test_starting_a_project_is_another_stage_than_finishing_it(checker, claim, verdict):
    v = checker.check(claim)
    assert v.verdict == verdict, v.explanation


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("阳光人寿是2020年落地和平区的金融机构之一。", "supported"),
        ("阳光人寿是2020年在和平区落户的科技型企业之一。", "contradicted"),  # listed under 金融机构
    ],
)
def test_a_listed_member_put_in_another_kind_is_contradicted(checker, claim, verdict):
    v = checker.check(claim)
    assert v.verdict == verdict, v.explanation


@pytest.mark.slow
def test_a_rank_is_not_an_article(checker):
    # 最后一个 is a rank the report does not give, not the article of 组建了一支…
    assert checker.check("和平区在全市最后一个完成了无证幼儿园攻坚治理").verdict != "supported"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("旧楼区长效管理年度评估总体优良率在市内六区中排第二", "contradicted"),  # the report: 第一, next clause
        ("旧楼区长效管理年度评估总体优良率在市内六区中排第一", "supported"),
    ],
)
def test_a_rank_given_in_another_clause(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("2020年和平区在京举办了重点金融机构及企业恳谈会暨招商推介会。", "supported"),
        # 举办了 is no 办了 (did): the verb stays in the wording, so the place before it is compared.
        ("2020年和平区在五大道举办了重点金融机构及企业恳谈会暨招商推介会。", "contradicted"),
        # 金额 names the kind of the figure it stands before; the report lets 万元 say it.
        ("2020年新增“创业贷”金额625万元。", "supported"),
        ("2020年新增“创业贷”金额725万元。", "contradicted"),
        # A list member that opens with its figure counts what follows it: 1.75万名市区街干部、10万名志愿者.
        ("疫情防控中组建了一万七千多名市区街干部的值守队伍。", "supported"),
        ("疫情防控中组建了两万多名市区街干部的值守队伍。", "contradicted"),
    ],
)
def test_a_time_cue_is_a_word_and_a_figures_kind_is_no_content(checker, claim, verdict):
    assert checker.check(claim).verdict.value == verdict


@pytest.mark.slow
def test_the_district_said_colloquially_is_the_subject_not_content(checker):
    # 区里 is the district, as 全区 and 我区 are: the report, being the district's, never says it.
    verdict = checker.check("区里今年要启动现代城购物中心建设。")
    assert verdict.verdict.value == "supported" and "100%" in verdict.explanation


@pytest.mark.parametrize(
    "claim, verdict, said",
    [
        # The notes define “雏鹰” as start-ups and “瞪羚” as firms in explosive growth.
        ("“瞪羚”企业指的是具有较强创新能力、发展潜力的初创企业。", "contradicted", "“雏鹰”的含义"),
        ("“雏鹰”企业指的是具有较强创新能力、发展潜力的初创企业。", "supported", ""),
        ("“瞪羚”即进入爆发式增长阶段的创新型企业。", "supported", ""),
    ],
)
def test_a_meaning_given_to_the_wrong_name_is_contradicted(checker, claim, verdict, said):
    result = checker.check(claim)
    assert result.verdict == verdict and said in result.explanation


def test_a_projects_planned_total_is_no_plan_cue(checker):
    # 谋划122个“十四五”项目,计划总投资798.8亿元 reports last year's work; 计划总投资 names the projects' total.
    claim = "和平区谋划的“十四五”项目共一百二十二个,计划总投资七百九十八亿八千万元。"
    assert checker.check(claim).verdict == "supported"


def test_a_member_in_the_kind_the_report_lists_it_under_is_supported(checker):
    # 星蚨兆达国际贸易、施耐德舒马赫等13个外资项目落户 (2020).
    assert checker.check("星蚨兆达国际贸易属于2020年落户和平区的外资项目。").verdict == "supported"
    assert checker.check("星蚨兆达国际贸易是2020年落户的金融机构之一。").verdict == "contradicted"


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("Heping plans to add 200,000 square metres of greenery in 2021.", "supported"),  # 提升绿化面积20万平方米
        ("In 2020 Heping District added 31,000 new jobs.", "supported"),  # 新增就业3.1万人
        ("In 2020 Heping District added 50,000 new jobs.", "not_found"),  # its words cannot say what 5万 is of
        ("In 2021 Heping District added 31,000 new jobs.", "contradicted"),  # the 2020 result, not the plan
        ("Heping will add 1,000 free public Wi-Fi hotspots in 2021.", "not_found"),  # 1000个 counts something else
        ("More than 5 companies.", "not_found"),  # a count and nothing else the report could be found saying
    ],
)
def test_an_english_claim_is_checked_by_its_figures(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict


@pytest.mark.parametrize(
    "claim, verdict, said",
    [
        # Note 2: “惠企21条”即《…》(津政办发〔2020〕1号);“27条”即《…》(津政办规〔2020〕3号).
        ("市“惠企21条”的文号是津政办发〔2020〕1号。", "supported", "津政办发〔2020〕1号"),
        ("市里的“27条”文号是津政办发〔2020〕1号。", "contradicted", "津政办规〔2020〕3号"),
        # Note 6 writes its term unquoted: 和平科六条:即《和平区引育新动能 推动科技创新发展若干措施》.
        ("「和平科六條」即《和平區引育新動能 推動科技創新發展若干措施》。", "supported", "和平科六条"),
        ("“和平科六条”即《和平区促进消费若干措施》。", "contradicted", "推动科技创新"),
    ],
)
def test_a_names_title_and_document_number_are_those_its_note_gives(checker, claim, verdict, said):
    result = checker.check(claim)
    assert result.verdict == verdict and said in result.explanation


def test_a_list_says_the_same_in_any_order(checker):
    # 和平岳阳、万全、昆明三个教育集团挂牌成立.
    assert in_report_order("万全、昆明、和平岳阳三个教育集团已经挂牌", "和平岳阳、万全、昆明三个教育集团挂牌成立") == (
        "和平岳阳、万全、昆明三个教育集团已经挂牌"
    )
    assert checker.check("万全、昆明、和平岳阳三个教育集团已经挂牌。").verdict == "supported"
    assert checker.check("和平岳阳、万全、南开三个教育集团挂牌成立。").verdict == "contradicted"


def test_a_quoted_name_the_report_never_writes_is_another_thing(checker):
    # 建成“和平区退役军人荣誉室”; no 退役军人服务中心 is written in quotes or otherwise.
    verdict = checker.check("和平区建成了“和平区退役军人服务中心”。")
    assert verdict.verdict == "contradicted" and "荣誉室" in verdict.explanation
    assert checker.check("和平区建成了“和平区退役军人荣誉室”。").verdict == "supported"
    # A figure said right in the same claim does not make the unwritten name the report's.
    verdict = checker.check("去年和平区建成了“和平区退役军人服务中心”,并与3家公司开展退役军人帮扶就业合作。")
    assert verdict.verdict == "contradicted" and "荣誉室" in verdict.explanation
    assert checker.check("去年和平区建成了“和平区退役军人荣誉室”,并与3家公司开展退役军人帮扶就业合作。").verdict == "supported"


def test_a_claim_said_in_other_words_but_for_a_rival_name_is_contradicted(checker):
    # The 附注 fuses 养老机构 with 老年日间照料中心; another 中心 in its place is another thing.
    verdict = checker.check("“嵌入式”社区养老机构是把养老机构和社区卫生服务中心有机融合在一起。")
    assert verdict.verdict == "contradicted" and "社区卫生服务中心" in verdict.explanation
    assert checker.check("“嵌入式”社区养老机构是把养老机构和老年日间照料中心有机融合在一起。").verdict == "supported"


def test_stopping_what_the_report_goes_on_doing_is_contradicted(checker):
    # The plan: 再发行一批暖企惠民消费券.
    assert checker.check("今年将停止发放暖企惠民消费券。").verdict == "contradicted"


def test_finishing_is_another_stage_than_starting(checker):
    # The plan says 启动宁夏路改造项目: it starts the works, it does not finish them. (完成 is no stage
    # word: it also means reaching a figure or finishing a plan, docs/factcheck.md.)
    assert checker.check("2021年和平区将建成宁夏路改造项目。").verdict == "contradicted"
    assert checker.check("2021年和平区将启动宁夏路改造项目。").verdict == "supported"


def test_another_quoted_name_in_the_same_slot_contradicts(checker):
    # 按照“定向+通用”原则再发行一批暖企惠民消费券; “五个一” is written elsewhere in the report.
    verdict = checker.check("2021年和平区将按照“五个一”原则再发行一批暖企惠民消费券。")
    assert verdict.verdict == "contradicted" and "定向+通用" in verdict.explanation
    assert checker.check("2021年和平区将按照“定向+通用”原则再发行一批暖企惠民消费券。").verdict == "supported"


@pytest.mark.parametrize(
    "claim, theirs",
    [
        # 全面落实“六保”任务: “枫桥经验” is written in the report, but of something else.
        ("2021年和平区要全面落实“枫桥经验”任务。", "六保"),
        ("2021年和平区要坚持“三条战线”理念。", "项目为王"),
    ],
)
def test_what_the_report_says_of_one_quoted_name_said_of_another_of_its_names_contradicts(checker, claim, theirs):
    verdict = checker.check(claim)
    assert verdict.verdict == "contradicted" and theirs in verdict.explanation


def test_a_claim_is_looked_for_in_a_stretch_of_its_own_length_not_across_a_long_sentence(checker):
    # The plan's opening sentence (over 300 characters) holds the characters of this claim scattered;
    # 牢固树立“过紧日子”思想 is what the report says in that slot.
    verdict = checker.check("2021年和平区要牢固树立“五个一”思想。")
    assert verdict.verdict == "contradicted" and "过紧日子" in verdict.explanation
    # 小学化 is not written where 小学 and 标准化 are.
    assert checker.check("2020年和平区建成“小学化”。").verdict == "not_found"


def test_a_sentence_without_the_quoted_name_does_not_support_the_claim(checker):
    # “大筛” is written in the report, but not where anything is 深化…建设.
    verdict = checker.check("2021年和平区要深化“大筛”建设。")
    assert verdict.verdict == "not_found" and "大筛" in verdict.explanation
    assert checker.check("2021年和平区要深化“和谐特色楼门”建设。").verdict == "supported"


@pytest.mark.parametrize(
    "claim, verdict",
    [
        # 2021—2023三年政府投资滚动计划分别为8.7亿元、7.6亿元、4.7亿元: each year's figure counts what the first does.
        ("2022年的政府投资是7.6亿元。", "supported"),
        ("2023年政府投资5.7亿元。", "contradicted"),
        # 4.7 / 7.6 = 0.62: about forty per cent less.
        ("2023年的政府投资比2022年少了四成左右。", "supported"),
        ("2023年的政府投资比2022年多了四成左右。", "contradicted"),
    ],
)
def test_figures_given_year_by_year_are_each_years(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict


@pytest.mark.parametrize(
    "claim, verdict",
    [
        # 累计向1127家驻区企业销售消毒液11.82吨: litres do not convert to tonnes.
        ("滨江集团向驻区企业卖出一万多升消毒液。", "not_found"),
        # 累计筹措口罩308万只: a count of boxes is no count of masks.
        ("疫情期间区里累计筹措口罩308万箱。", "not_found"),
        ("疫情期间区里累计筹措口罩308万个。", "supported"),
    ],
)
def test_volumes_and_containers_are_units_of_their_own(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict


@pytest.mark.parametrize(
    "claim, verdict",
    [
        # 防护服2230套、额温枪1882支: counts of two things compare as numbers (348 more).
        ("防护服比额温枪多三百多套。", "supported"),
        ("防护服比额温枪多五百多套。", "contradicted"),
        # 5个文化场馆、6个街道…、64个社区综合文化服务中心免费开放: 75 in all.
        ("去年免费开放的文化场馆、街道和社区综合文化服务中心加起来有七十多个。", "supported"),
        ("去年免费开放的文化场馆、街道和社区综合文化服务中心加起来有八十多个。", "contradicted"),
    ],
)
def test_counts_of_different_things_and_sums_of_three(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict


def test_a_figure_written_once_in_the_other_part_is_a_year_swap(checker):
    # 推动发行小白楼五号地城市更新改造项目专项债1.3亿元 is in the 2021 plan only, and 1.3亿元 nowhere else.
    verdict = checker.check("和平区2020年为小白楼五号地发了1.3亿元的专项债。")
    assert verdict.verdict == "contradicted" and "2021年计划" in verdict.explanation
    assert checker.check("和平区2021年要为小白楼五号地发1.3亿元的专项债。").verdict == "supported"


@pytest.mark.parametrize(
    "claim",
    [
        # 新增“创业贷”28笔、625 万元: hearsay and the report's own voice frame a claim, and 新增 says only
        # that the loans were added, not how, so 新发放 does not contradict it.
        "听说去年新发放的“创业贷”超过三十笔。",
        "报告坦言,去年新发放的“创业贷”超过三十笔。",
    ],
)
def test_framing_words_are_not_what_a_claim_states(checker, claim):
    verdict = checker.check(claim)
    assert verdict.verdict == "contradicted" and "28笔" in verdict.explanation


def test_one_with_a_measure_word_counts_only_what_the_report_counts_with_it(checker):
    # 编制健身设施建设补短板五年行动计划 has no figure; 在崇仁里等5个小区 counts something else.
    assert checker.check("健身设施的短板,今年区里要先编一个五年行动计划来补齐。").verdict != "contradicted"
    # 新建1个街道级全民健身中心: here 一个 is the count.
    assert checker.check("2021年和平区要新建一个街道级全民健身中心。").verdict == "supported"
    assert checker.check("2021年和平区要新建两个街道级全民健身中心。").verdict == "contradicted"


@pytest.mark.parametrize(
    "claim, verdict",
    [
        # The report's own clauses, said by a claim, are supported: figures given respectively…
        ("去年和平区内、外资到位额24.95亿元、5440万美元。", "supported"),
        ("今年和平区国家高新技术企业、国家科技型中小企业累计达到80家、200家。", "supported"),
        ("今年和平区国家高新技术企业、国家科技型中小企业累计达到200家、80家。", "contradicted"),
        # …a range of years names the years inside it…
        ("今年和平区2021—2023三年政府投资滚动计划分别为8.7亿元、7.6亿元、4.7亿元。", "supported"),
        # …and in a list of counts each before its noun, the noun before a figure is the last one's.
        ("今年和平区建设7个退役军人服务示范中心站、3个标杆站、1个精品站。", "supported"),
        ("今年和平区建设7个退役军人服务示范中心站、3个标杆站、2个精品站。", "contradicted"),
    ],
)
def test_the_reports_own_lists_of_figures_said_back(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict


def test_a_stretch_holding_half_a_claim_supports_it_when_it_says_the_rest_in_other_words(checker):
    # 持续推进老旧小区物业管理, said in everyday words.
    verdict = checker.check("今年区里要把老旧小区的物业管理继续往前推。")
    assert verdict.verdict == "supported" and "换了说法" in verdict.explanation
    # The same stretch, with something the report does not plan.
    assert checker.check("今年区里要给每个老旧小区配一个物业经理。").verdict == "not_found"


def test_a_negation_a_stage_or_a_direction_turns_what_reads_alike():
    from qa.factcheck.wording import turns_meaning

    assert turns_meaning("城市管理综合考评有几个月没能保住全市第一", "城市管理综合考评连续12个月保持全市第一")
    assert turns_meaning("城铁广场项目要建成", "做好城铁广场前期工作")
    assert turns_meaning("居民收入减少", "居民收入增加")
    assert not turns_meaning("把老旧小区的物业管理继续往前推", "持续推进老旧小区物业管理")


def test_one_of_a_list_leaves_its_other_members_out_but_a_stranger_is_not_one_of_them(checker):
    # 中能建路桥公司、中粮资本科技217个京冀项目签约落地.
    assert checker.check("中粮资本科技是去年在和平区签约落地的京冀项目之一。").verdict == "supported"
    # A body the report never writes, however alike the sentence reads.
    assert checker.check("中信集团是去年在和平区签约落地的京冀项目之一。").verdict != "supported"


def test_a_sentence_not_naming_the_stage_a_claim_names_does_not_support_it(checker):
    # 2020: 金街…首次亮相; passing the pilot's acceptance (验收) is a 2021 task: a year swap.
    swapped = checker.check("2020年金街已经通过了全国首批步行街改造提升试点的验收。")
    assert checker.check("2021年金街要通过全国首批步行街改造提升试点的验收。").verdict == "supported"
    assert swapped.verdict == "contradicted" and "2021年计划" in swapped.explanation


def test_the_clause_naming_a_project_at_another_stage_contradicts_the_stage_claimed(checker):
    # …开工建设,启动五大道公园建设项目(一期)、和平印象城项目建设,做好城铁广场前期工作: each project at its own stage.
    started = checker.check("五大道公园一期今年就能建成开放。")
    assert started.verdict == "contradicted" and "建成" in started.explanation and "启动" in started.explanation
    assert highlighted(started.evidence[0]).startswith("启动五大道公园")
    # The sentence names 主体施工 of two other projects; 城铁广场 is at its 前期工作.
    assert checker.check("今年城铁广场项目要进入主体施工。").verdict == "contradicted"
    assert checker.check("今年和平区要启动五大道公园建设项目一期。").verdict == "supported"
    # 开建 is 开工建设 shortened: the same stage as 启动…建设.
    assert checker.check("2021年和平区要开建现代城购物中心。").verdict == "supported"
    assert checker.check("2021年和平区要建成现代城购物中心。").verdict == "contradicted"


def test_a_figure_right_after_a_list_comma_counts_its_own_words_not_the_members_before_it(checker):
    # 1所学校通过全国文明校园复评、1所学校获评第二届全国文明校园: the second figure is not the count of a
    # closed list of two; it is a figure to check.
    claim = "2020年和平区1所学校通过全国文明校园复评、2所学校获评第二届全国文明校园。"
    assert checker.check(claim).verdict == "contradicted"
    assert checker.check(claim.replace("2所", "1所")).verdict == "supported"


def test_a_figure_whose_words_are_all_said_otherwise_is_found_by_the_sentence_restating_the_claim(checker):
    # 社会投资项目从获得土地到取得施工许可证的平均时间力争压缩至60天以内,企业开办时间压缩至1天以内.
    claim = "2021年,和平区社会投资项目从拿地到领施工许可平均不超过60天,企业一天内就能开办完。"
    assert checker.check(claim).verdict == "supported"
    # Only the value written in the report lets words that far apart stand for it: with another value
    # nothing says the two figures count one thing.
    assert checker.check(claim.replace("60天", "90天")).verdict == "not_found"


def test_a_question_is_not_a_claim_but_a_yes_or_no_question_is_checked(checker):
    # A passage note holds 每个…街道…分别 word for word; a question asking how many states nothing.
    with pytest.raises(QueryError, match="问题"):
        checker.check("每个街道分别多少?")
    with pytest.raises(QueryError, match="问题"):  # no question mark: it ends in its question word
        checker.check("平均多少")
    assert checker.check("今年每个街道都要建成一个适老小区吗?").verdict == "supported"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A year the report does not report on, written or from its present (前年 2019, 明年 2022).
        ("2020年和平区新增就业3.1万人。", "supported"),
        ("2019年和平区新增就业3.1万人。", "not_found"),
        ("听说2019年和平区新增就业3.1万人。", "not_found"),
        ("前年和平区新增就业3.1万人。", "not_found"),
        ("明年和平区要持续推进智联校园项目。", "not_found"),
        ("今年和平区要持续推进智联校园项目。", "supported"),
        # A year in a name is not the claim's year; the rolling plan's sentence names 2022.
        ("2020年和平区编制完成了“十四五”规划和2035年远景目标纲要。", "supported"),
        ("2022年和平区的政府投资为7.6亿元。", "supported"),
        # 建成民园广场、第二南开中学固定避难场所, … ,加快应急物资储备库建设: 建成 is said of the shelters.
        ("今年和平区要建成民园广场、第二南开中学固定避难场所。", "supported"),
        ("今年和平区要在民园广场和第二南开中学建成应急物资储备库。", "not_found"),
        # A verb after the stage word (挂牌运行) is no thing it is said of.
        ("区、街道社会矛盾纠纷调处化解中心已全部挂牌运行。", "supported"),
    ],
)
def test_the_year_a_claim_opens_with_and_the_thing_a_stage_is_said_of(checker, claim, verdict):
    assert checker.check(claim).verdict == verdict

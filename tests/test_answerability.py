"""Saying "not in the report" from evidence: scope, the kind of answer asked, the calibrated model.

Questions here are written for these tests (none is an eval item); they run on the real index.
"""

import json

import pytest

from qa.answering.answer_types import (
    AnswerType,
    asked_counter,
    asked_measure,
    asked_role,
    asked_type,
    asks_stock,
    counted_noun_asked,
    counts_people,
    measure_window,
    span_gives,
)
from qa.answering.answerability import load_calibration, period_notice, period_reason
from qa.answering.evidence import (
    coined_spellings,
    missing_measure,
    only_counted,
    only_place_shared,
    other_sort,
    unexplained_term,
    unfigured_measure,
    unnamed_name,
)
from qa.answering.places import gives_address
from qa.documents.parts import Part
from qa.documents.scope import DocumentScope, readers_days, years_named
from qa.errors import CalibrationError
from qa.text.normalise import normalise_query
from qa.text.places import administrative_places
from qa.text.synonyms import rival_sorts
from qa.text.units import measured_in, names_people


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("2017年和平区新增就业多少人?", "2017"),
        ("2024年和平区计划新增多少养老床位?", "2024"),
        ("河东区2020年新增就业多少人?", "河东区"),
        ("上海市2021年一般公共预算收入目标是多少?", "上海市"),
    ],
)
def test_out_of_scope_years_and_places_are_declined(searcher, question, said):
    answer = searcher.ask(question)
    assert not answer.answerable
    assert said in answer.reason
    assert answer.hits  # the nearest passages are still shown


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "2020年和平区新增就业多少人?",
        "和平区2021年新增就业目标是多少?",
        "“三保”指的是什么?",
        "疫情下区里怎么帮企业复工复产?",  # 疫情下区 is not a district
        "五大道今年有什么新变化?",  # a place inside the district
        "2022年政府投资计划是多少?",  # the rolling plan names 2021—2023
    ],
)
def test_everyday_answerable_questions_are_kept(searcher, question):
    answer = searcher.ask(question)
    assert answer.answerable, answer.reason


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("狗狗拉肚子怎么办?", "话题"),  # about no government's work (qa.answering.topic)
        ("今天天气怎么样?", "某一天"),
        ("What is the best recipe for dumplings?", "相关"),
        ("和平区的常住人口有多少?", "常住人口"),  # a measure the report never names
        ("区长叫什么名字?", "人名"),  # the report prints no official's name
        ("和平区社会消费品零售总额增长了百分之几?", "比率"),  # only the level (亿元) is given
    ],
)
def test_unanswerable_questions_are_declined_with_the_reason(searcher, question, said):
    answer = searcher.ask(question)
    assert not answer.answerable
    assert said in answer.reason


@pytest.mark.slow
def test_answer_carries_the_evidence(searcher):
    features = searcher.ask("2020年和平区新增就业多少人?").features
    assert features["answer_type"] == "level" and features["type_match"] == 1.0
    assert features["shared_weight"] > 0 and features["corpus_coverage"] > 0.5


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("去年社零比上年增长了百分之几", AnswerType.RATE),
        ("今年失业率要控制在多少以内", AnswerType.RATE),
        ("金融业增加值是多少亿元", AnswerType.LEVEL),
        ("新增了多少所幼儿园", AnswerType.LEVEL),
        ("一般公共预算收入完成了多少", AnswerType.AMOUNT),
        ("各个街道分别是多少", AnswerType.BREAKDOWN),
        ("剧场哪天开业", AnswerType.DATE),
        ("主任叫什么名字", AnswerType.PERSON),
        ("这个项目是谁负责的", AnswerType.AGENT),
        ("考评排名要保持在什么位置", AnswerType.ORDINAL),
        ("哪个街道新增的养老床位最多", AnswerType.ORDINAL),
        ("投资最大的是哪个小区", AnswerType.ORDINAL),
        ("哪些企业最先复工", AnswerType.LIST),
        ("五大道在什么位置", AnswerType.PLACE),
        ("由哪个部门牵头", AnswerType.AGENT),
        ("现代城购物中心由哪家单位施工", AnswerType.AGENT),
        ("政务服务中心周六上班吗", AnswerType.CLOCK),
        ("这个工程是谁提出来的", AnswerType.AGENT),
        ("工作室的带头人是谁", AnswerType.PERSON),
        ("海信广场是几几年建的", AnswerType.DATE),
        ("区中医医院的官网是什么", AnswerType.CONTACT),
        ("去年选取的8家药店,能说一下具体名字吗", AnswerType.LIST),
        ("小学划片范围在哪里查", AnswerType.PROCEDURE),
        ("养老保险最低交多少年", AnswerType.DURATION),
        ("劝业场附近哪里停车方便", AnswerType.ADVICE),
        ("和平区有哪些好吃的早点铺子", AnswerType.ADVICE),
        ("和平区的中学排名怎么样", AnswerType.ORDINAL),
        ("排污口谁盯着", AnswerType.OTHER),
        ("新院址在哪条路上", AnswerType.ADDRESS),
        ("新院的地址在哪?", AnswerType.ADDRESS),
        ("区政务服务中心的联系电话是多少?", AnswerType.CONTACT),
        ("图书馆每天几点开门?", AnswerType.CLOCK),
        ("这是第几次复审?", AnswerType.ORDINAL),
        ("有哪些举措", AnswerType.LIST),
        # 哪几 with any counter asks the members of a set; 分别 with what asks each member's kind.
        ("去年提升的是哪几条路", AnswerType.LIST),
        ("落地的公益项目分别是做什么的", AnswerType.LIST),
        ("“三保”是什么意思", AnswerType.OTHER),
    ],
)
def test_asked_type(question, kind):
    assert asked_type(question) is kind


def test_rate_and_level_are_told_apart():
    level_only = "实现社会消费品零售总额205亿元"
    assert span_gives(AnswerType.LEVEL, level_only) and not span_gives(AnswerType.RATE, level_only)
    rate_only = "金融业增加值占全区比重近50%"
    assert span_gives(AnswerType.RATE, rate_only) and not span_gives(AnswerType.LEVEL, rate_only)
    assert not span_gives(AnswerType.BREAKDOWN, "新增就业3.1万人")


def test_a_breakdown_by_a_kind_of_unit_needs_that_kind_named():
    question = "去年外贸进出口总额每个街道分别多少亿元"
    assert not span_gives(AnswerType.BREAKDOWN, "完成外贸进出口总额188亿元,其中外贸出口101亿元", question)
    assert span_gives(AnswerType.BREAKDOWN, "劝业场街道50亿元、小白楼街道40亿元", question)


def test_a_house_or_document_number_is_no_day():
    question = "新增学位是几月几号完成的"
    assert not span_gives(AnswerType.DATE, "完成鞍山道54号天津日报社旧址改造,新增学位990个", question)
    assert not span_gives(AnswerType.DATE, "(和平政办规〔2020〕1号)", question)
    assert span_gives(AnswerType.DATE, "于2020年9月1日完成改造", question)
    assert span_gives(AnswerType.DATE, "9月1号开学", question)


def test_a_rate_is_read_beside_its_measure_not_elsewhere_in_the_sentence():
    span = "完成一般公共预算收入32亿元,同比增长3%,社会消费品零售总额205亿元,城镇登记失业率控制在3.5%以内"
    window = measure_window(span, ["社会", "消费品", "零售总额"], lambda word: 1.0)
    assert window == "社会消费品零售总额205亿元"
    assert not span_gives(AnswerType.RATE, window)
    # A clause that continues the same subject (同比增长…) belongs to it.
    assert measure_window(span, ["预算", "收入"], lambda word: 1.0) == "完成一般公共预算收入32亿元，同比增长3%"


def test_a_verb_with_a_counter_character_is_not_a_rate():
    # 完成 holds 成 and 倍增 holds 倍, but neither is a figure: a rate needs a number.
    assert not span_gives(AnswerType.RATE, "完成外贸进出口总额188亿元", "外贸增长了多少")
    assert span_gives(AnswerType.RATE, "外贸出口增长两成", "外贸增长了多少")


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("游客有多少人次", "人次"),
        ("收入多少亿元", "元"),
        ("新开几所学校", "所"),
        ("多少万人", "人"),
        ("要几天", ""),
        ("多少", ""),
    ],
)
def test_the_counter_a_question_names(question, unit):
    assert asked_counter(question) == unit


def test_a_count_is_answered_only_in_a_counter_of_its_kind():
    span = "建成1处旅游集散中心、2处游客服务中心"
    assert not span_gives(AnswerType.LEVEL, span, "去年接待游客多少人次")
    assert span_gives(AnswerType.LEVEL, span, "建成几处游客服务中心")
    assert span_gives(AnswerType.LEVEL, "新增就业3.1万人", "新增就业多少名")  # 人 and 名 both count people
    assert span_gives(AnswerType.LEVEL, "引进企业154户", "引进了多少家企业")  # firms are counted in 家 or 户
    assert span_gives(AnswerType.LEVEL, "新增学位875个", "新增多少学位")  # 个 fits any counter


def test_a_change_is_not_the_level_reached_nor_the_reverse():
    change, level = "健康素养水平再提升1%", "健康素养水平达到25%"
    assert not span_gives(AnswerType.RATE, change, "健康素养水平要达到百分之多少")
    assert span_gives(AnswerType.RATE, level, "健康素养水平要达到百分之多少")
    assert not span_gives(AnswerType.RATE, level, "健康素养水平提高了几个百分点")
    assert span_gives(AnswerType.RATE, "增长12%", "增长率是多少")  # a growth rate is a change
    assert span_gives(AnswerType.RATE, "金融业增加值占比近50%", "金融业增加值占比是多少")  # 增加值 is value added


def test_a_plan_question_is_not_answered_by_last_years_results_alone(passages):
    review = next(p for p in passages if p.part_kind == Part.REVIEW)
    plan = next(p for p in passages if p.part_kind == Part.PLAN)
    reason = period_reason(Part.PLAN, [review, review])
    assert "计划" in reason and review.part_label in reason
    assert period_reason(Part.REVIEW, [plan]).startswith("报告的执行情况部分")
    # Any passage of the asked part among the first hits may answer; a question without a time cue
    # is answered by either part.
    assert period_reason(Part.PLAN, [review, plan]) == ""
    assert period_reason(None, [review]) == ""


def test_contact_clock_address_and_ordinal_answers():
    assert span_gives(AnswerType.CONTACT, "举报电话:022-23307890") and not span_gives(AnswerType.CONTACT, "销售口罩33.29万个")
    assert span_gives(AnswerType.CLOCK, "每天9:00至17:00开放") and not span_gives(AnswerType.CLOCK, "5个文化场馆全部免费开放")
    assert span_gives(AnswerType.ADDRESS, "位于南京路189号") and not span_gives(
        AnswerType.ADDRESS, "天津分公司等31家金融机构落地"
    )
    assert span_gives(AnswerType.ORDINAL, "通过国家卫生区第三次复审") and not span_gives(AnswerType.ORDINAL, "复审3项")


def test_a_named_counter_is_found_anywhere_in_the_sentence():
    span = "开展特殊人群排查管理专项行动,建账登记1.94万人"
    assert span_gives(AnswerType.LEVEL, span, "专项行动登记了多少人")


def test_a_first_passage_of_the_other_part_is_noted(passages):
    review = next(p for p in passages if p.part_kind == Part.REVIEW)
    plan = next(p for p in passages if p.part_kind == Part.PLAN)
    notice = period_notice(Part.PLAN, "2021年计划", [review, plan])
    assert notice.startswith(f"第1条出自{review.part_label}") and "第2条" in notice
    assert "没有2021年计划的段落" in period_notice(Part.PLAN, "2021年计划", [review])
    assert period_notice(Part.PLAN, "2021年计划", [plan, review]) == ""
    assert period_notice(None, "", [review]) == ""


def test_a_figure_the_asked_part_does_not_give_is_declined(passages):
    review = next(p for p in passages if p.part_kind == Part.REVIEW)
    plan = next(p for p in passages if p.part_kind == Part.PLAN)
    # The plan's passage is among the hits but gives no figure for what was asked.
    assert "没有给出这个数字" in period_reason(Part.PLAN, [review, plan], figure_stated=False)
    assert period_reason(Part.PLAN, [review, plan], figure_stated=True) == ""
    assert period_reason(Part.PLAN, [plan, review], figure_stated=False) == ""


@pytest.mark.slow
def test_a_plan_figure_is_looked_for_in_the_plan(searcher):
    # The review counts 126 mended sewer cross-connections; the plan only says it will finish them all.
    answer = searcher.ask("今年要完成多少处雨污混接点改造?")
    assert not answer.answerable and "计划部分没有给出这个数字" in answer.reason
    # The plan gives a figure for the audio-book bars, in its second passage (below).
    assert searcher.ask("今年打算再建多少个共享有声书吧?").answerable


@pytest.mark.slow
def test_a_plan_question_answered_first_by_a_result_says_so(searcher):
    # The review reports 60 shared audio-book bars; the plan's sentence on them ranks second.
    answer = searcher.ask("今年打算再建多少个共享有声书吧?")
    assert answer.answerable
    assert "执行情况" in answer.notice and "计划" in answer.notice
    assert searcher.ask("2020年新增了多少个共享有声书吧?").notice == ""


def test_a_list_is_missing_only_when_the_question_quotes_the_count():
    assert not span_gives(AnswerType.LIST, "启用14个集中隔离医学观察点", "14个集中隔离点分别是哪些酒店")
    assert span_gives(AnswerType.LIST, "启用14个集中隔离医学观察点", "隔离点有哪些")


def test_which_two_asks_the_members_of_a_set_of_two():
    # 哪两家 / 哪8个 (as normalised) ask for the members of a counted set; 每个…几个 for one figure per member.
    assert asked_type("除了联通还有哪2家") == AnswerType.LIST
    assert asked_type("“八个一”是哪8个一") == AnswerType.LIST
    assert asked_type("各个街道分别建成几个") == AnswerType.BREAKDOWN
    assert not span_gives(AnswerType.LIST, "强化与铁塔集团及联通等三大运营商合作", "除了联通还有哪2家")
    assert span_gives(AnswerType.LIST, "试点单位为区人民医院、区中医医院", "是哪两家医院")


def test_a_figure_for_each_one_is_answered_only_by_a_figure_for_each_one():
    assert asked_type("新增1张养老床位,区里补贴多少钱") == AnswerType.PER_UNIT
    assert asked_type("每个街道要建成几个“适老”小区") == AnswerType.PER_UNIT
    assert asked_type("新增了多少张养老床位") == AnswerType.LEVEL
    assert not span_gives(AnswerType.PER_UNIT, "新增养老床位200张", "新增1张养老床位,区里补贴多少钱")
    assert span_gives(AnswerType.PER_UNIT, "每个街道建成一个“适老”小区", "每个街道要建成几个")


@pytest.mark.slow
def test_an_average_worked_out_is_answered_with_a_caution(searcher):
    answer = searcher.ask("社保费减免缓缴那块,平均下来每家企业省了多少?")
    assert answer.answerable and "平均数" in answer.notice
    assert "7254家企业" in answer.hits[0].passage.text
    assert not searcher.ask("每张新增养老床位补贴多少钱?").answerable  # an amount for each one, not an average


def test_an_average_asked_is_a_total_over_its_count():
    total = "为7254家企业阶段性减免缓缴社会保险费27.95亿元"
    assert asked_type("平均每家企业减免了多少") == AnswerType.PER_UNIT
    assert span_gives(AnswerType.PER_UNIT, total, "平均每家企业减免了多少")
    assert span_gives(AnswerType.PER_UNIT, "谋划122个项目,计划总投资798.8亿元", "平均每个项目投资多少")
    assert span_gives(AnswerType.PER_UNIT, "123家企业获得贷款2.5亿元", "on average, how much did each firm borrow")
    # What each one got (每家企业减免了多少) is not an average: the report does not say it.
    assert not span_gives(AnswerType.PER_UNIT, total, "每家企业减免了多少")
    # People served are a total over the places serving them; two counts of things are no total and its count.
    assert span_gives(AnswerType.PER_UNIT, "启用14个集中隔离医学观察点,累计隔离观察5020人次", "平均每个点隔离了多少人")
    assert not span_gives(AnswerType.PER_UNIT, "谋划14类共122个项目", "平均每类有多少个项目")


@pytest.mark.parametrize(
    "question",
    ["社保卡丢了怎么补办", "开办一家餐馆要准备哪些材料", "how do i register a company in tianjin", "学车有什么技巧"],
)
def test_a_personal_errand_is_never_answered_by_a_work_report(question):
    assert asked_type(question) == AnswerType.PROCEDURE
    assert not span_gives(AnswerType.PROCEDURE, "企业开办时间压缩至1天以内", question)


@pytest.mark.parametrize(
    "question", ["区里是怎么帮企业渡过难关的", "今年怎么推进老旧小区改造", "how does heping plan to cut red tape"]
)
def test_what_the_government_does_is_no_errand(question):
    assert asked_type(question) != AnswerType.PROCEDURE


def test_a_figure_for_each_named_member_needs_as_many_figures():
    question = "1.73亿元财政帮扶资金,会宁、靖远、舟曲各分到多少"
    assert asked_type(question) == AnswerType.BREAKDOWN
    assert not span_gives(AnswerType.BREAKDOWN, "全年投入财政帮扶资金1.73亿元,社会帮扶资金2046.63万元", question)
    assert span_gives(AnswerType.BREAKDOWN, "内、外资到位额分别达65亿元和5500万美元以上", "内、外资到位额的目标分别是多少")
    assert asked_type("各级财政投入多少") == AnswerType.AMOUNT


def test_a_clause_ending_in_a_colon_announces_the_members():
    words = ["五个高地"]
    window = measure_window("18.“五个高地”:创新发展高地、时尚消费高地、民生保障高地", words, lambda w: 1.0)
    assert "时尚消费高地" in window
    assert span_gives(AnswerType.LIST, window, "“五个高地”指的是哪五个高地")


def test_places_come_from_a_gazetteer_not_from_the_shape_of_a_word():
    assert administrative_places("南开区疫情期间筹措了多少口罩") == ["南开区"]
    assert administrative_places("北京2020年GDP") == ["北京"]
    assert administrative_places("疫情下区里怎么帮企业") == []
    assert administrative_places("河北路和南京路的改造") == []  # streets named after a province and a city
    # A state-level new area is a place, though no administrative division.
    assert administrative_places("天府新区2020年新增就业多少人") == ["天府新区"]
    assert administrative_places("城市更新区域") == []
    # 八成 is 80%: the 成 a numeral takes as its counter does not begin 成都.
    assert administrative_places("连去年的八成都不到") == []
    assert administrative_places("去年成都新增就业多少人") == ["成都"]


def test_years_in_ranges_are_named():
    assert years_named("2021—2023三年政府投资") == {2021, 2022, 2023}
    assert years_named("2019年和平区") == {2019}


@pytest.mark.slow
@pytest.mark.parametrize(
    "question", ["今晚五大道有灯光秀吗?", "下周金街有什么促销?", "Is the Jinjie street open tomorrow?"]
)
def test_a_day_seen_from_the_readers_present_is_outside_a_yearly_report(searcher, question):
    answer = searcher.ask(question)
    assert not answer.answerable and "具体的某一天" in answer.reason


def test_a_five_year_plan_period_names_its_years():
    assert years_named("“十三五”期间一共引进了多少家") == set(range(2016, 2021))
    assert years_named("实施“十四五”规划") == set(range(2021, 2026))
    assert years_named("十五个社区") == set()  # fifteen, not the tenth plan


def test_scope_follows_the_documents_years(passages):
    # The same report shifted one year on: 2021 and 2022 are its years, 2020 is not.
    shifted = DocumentScope.of(passages, {2021, 2022})
    assert shifted.years_outside("2020年新增就业多少人", "新增就业3.1万人") == [2020]
    assert shifted.years_outside("2022年新增就业目标是多少", "新增就业2万人") == []
    # A year outside the report's is in scope where the passage itself names it.
    assert shifted.years_outside("2023年政府投资多少", "2021—2023三年政府投资") == []


def test_a_damaged_or_foreign_calibration_file_is_a_clear_error(tmp_path):
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{not json", "utf-8")
    with pytest.raises(CalibrationError, match="qa calibrate"):
        load_calibration(damaged)
    other = tmp_path / "other.json"
    data = json.loads((load_calibration.__defaults__[0]).read_text("utf-8"))
    data["model"]["features"] = ["something", "else"]
    other.write_text(json.dumps(data), "utf-8")
    with pytest.raises(CalibrationError):
        load_calibration(other)


def test_the_rejection_budget_keeps_the_upper_bound_within_five_percent():
    from scipy.stats import beta

    from qa.evaluation.calibrate import rejections_allowed

    for n in (50, 120, 150, 400):
        allowed = rejections_allowed(n)
        assert beta.ppf(0.9, allowed + 1, n - allowed) <= 0.05 < beta.ppf(0.9, allowed + 2, n - allowed - 1)
    assert rejections_allowed(10) == -1  # too few questions to promise anything: none may be declined


def test_the_shipped_calibration_loads_and_was_fitted_on_tune_only():
    path = load_calibration.__defaults__[0]
    data = json.loads(path.read_text("utf-8"))
    assert data["split"] == "tune"
    assert data["answerable_rejected"] <= 0.05
    assert 0 <= load_calibration(path).model.threshold <= 1


@pytest.mark.slow
def test_calibration_chooses_its_penalty_by_cross_validation_on_tune(searcher):
    from pathlib import Path

    from qa.evaluation.calibrate import L2_CHOICES, calibrate_file

    first = calibrate_file(searcher, [Path("eval/dev.jsonl")])
    assert first["split"] == "tune" and first["l2"] in L2_CHOICES
    assert set(first["cross_validated"]) == {str(l2) for l2 in L2_CHOICES}
    assert 0 <= first["model"]["threshold"] <= 1 and first["answerable_rejected"] <= 0.05
    assert calibrate_file(searcher, [Path("eval/dev.jsonl")])["model"] == first["model"]  # reproducible


@pytest.mark.parametrize(
    "question, kind",
    [
        ("五大道附近有什么好吃的馆子推荐", AnswerType.ADVICE),
        ("劝业场值得去吗", AnswerType.ADVICE),
        ("can you recommend a hotel near the river", AnswerType.ADVICE),
        ("把“六稳”翻译成英文", AnswerType.TASK),
        ("帮我写一首关于海河的诗", AnswerType.TASK),
        ("tell me a joke", AnswerType.TASK),
    ],
)
def test_a_recommendation_or_a_task_is_never_answered_by_a_work_report(question, kind):
    assert asked_type(question) == kind
    assert not span_gives(kind, "推出“购和平—文化旅游促消费十大主题游”精品线路", question)


@pytest.mark.parametrize("question", ["区里推荐了哪些企业上报", "区里要打造哪些网红打卡地", "今年要写好哪几篇大文章"])
def test_asking_what_the_report_recommends_or_writes_is_no_request(question):
    assert asked_type(question) not in (AnswerType.ADVICE, AnswerType.TASK)


def test_how_long_is_answered_by_a_span_of_time_or_the_point_it_ends():
    question = "企业开办要多长时间"
    assert asked_type(question) == AnswerType.DURATION
    assert asked_type("要几个工作日才能办完") == AnswerType.DURATION
    assert asked_type("近几年区里建了多少所学校") != AnswerType.DURATION  # 近几年: recent years, not a duration
    assert span_gives(AnswerType.DURATION, "企业开办时间压缩至1天以内", question)
    assert span_gives(AnswerType.DURATION, "年底前完成改造", question)
    assert not span_gives(AnswerType.DURATION, "赴京上门招商、精准招商", question)


@pytest.mark.slow
def test_a_heading_does_not_answer_a_date_or_a_duration(searcher):
    # The plan's headings name its year; the passage found for an intercity trip gives no time at all.
    answer = searcher.ask("天津坐高铁去北京要多长时间?")
    assert not answer.answerable and "时长" in answer.reason


@pytest.mark.parametrize(
    "question, role",
    [("新兴派出所的所长叫什么", "所长"), ("谁是和平区的区长", "区长"), ("who is the mayor of heping district", "市长")],
)
def test_a_roles_holder_is_named_beside_the_role(question, role):
    assert asked_type(question) == AnswerType.PERSON and role in asked_role(question)
    # jieba's dictionary files 养老 as a name: a span without the role names no holder of it.
    assert not span_gives(AnswerType.PERSON, "新建3家养老机构、2家老年日间照料中心", question)
    assert span_gives(AnswerType.PERSON, f"{role}李明出席", question)
    assert asked_role("那个公园叫什么名字") == frozenset()
    # The role alone names nobody.
    assert not span_gives(AnswerType.PERSON, f"由街道处级干部和驻地{role}担任", question)


def test_a_common_noun_ending_in_road_is_no_address():
    assert not gives_address("推出十大主题游精品线路")  # 线路: a route, not a road
    assert not gives_address("完善56条道路交通安全设施")
    assert gives_address("规范贵阳路72条次支道路车辆停放")
    assert gives_address("完成鞍山道54号天津日报社旧址改造")
    assert not gives_address("即《若干措施》(和平政规〔2020〕1号)")  # a document's number
    # A road the question names itself names what it asks about, not its address.
    assert not gives_address("文化里、南京路社区获评全市精品美丽社区", "南京路社区具体地址在哪")
    assert gives_address("文化里、南京路社区获评全市精品美丽社区", "精品美丽社区在哪条路")


def test_a_question_quoting_a_name_is_about_it_and_a_date_or_address_elsewhere_does_not_answer(searcher):
    assert unnamed_name("“甲乙”的地址在哪", "丙丁位于鞍山道54号", "推进甲乙丙丁位于鞍山道54号") == "甲乙"
    assert unnamed_name("“甲乙”的地址在哪", "“甲乙”位于鞍山道54号", "甲乙位于鞍山道54号") == ""
    assert unnamed_name("“戊己”的地址在哪", "丙丁位于鞍山道54号", "丙丁位于鞍山道54号") == ""  # never written
    assert not searcher.ask("“三保”的办公地址在哪里?").answerable
    assert not searcher.ask("“以克论净”具体是哪一天启动的?").answerable


def test_a_name_the_report_coins_asked_unquoted_is_a_question(searcher):
    # 以克论净 and 一老一小 are words no tagger files as content; the report coins them all the same.
    for question in ("以克论净是几月几号搞的?", "一老一小是什么时候提出的?"):
        assert not searcher.ask(question).answerable


@pytest.mark.parametrize(
    "question", ["2020年接待了多少游客", "区里派了多少医生护士去滨海", "how many tourists visited heping district in 2020"]
)
def test_people_are_counted_in_persons_or_households(question):
    assert counts_people(question)
    kind = asked_type(question)
    assert not span_gives(kind, "建成1处全域旅游集散中心、2处金街文化旅游区游客服务中心", question)
    assert span_gives(kind, "累计派出医护人员300人次", question)
    assert span_gives(kind, "惠及近1.1万户困难群众", question)


def test_firms_are_not_people():
    question = "出清僵尸企业要安置多少职工"
    assert not span_gives(asked_type(question), "稳妥推进国企混改,出清“僵尸企业”、低效企业14家", question)


def test_things_are_not_people():
    assert not counts_people("新增了多少个学位")
    assert not counts_people("how many smart water meters did heping replace")
    assert not names_people("人才")  # a talent as well as a person
    assert names_people("游客")


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("和平区去年的旅游收入有多少?", "元"),
        ("2021年一般公共预算支出目标是多少", "元"),  # 目标 frames the measure it follows
        ("和平区户籍人口是多少?", "人"),
        ("商品房销售面积大概是多少", "平方米"),
        ("去年交通事故有多少?", ""),  # the name says nothing of the unit
        ("旅游收入增长了多少亿元", ""),  # the question names its counter itself
    ],
)
def test_the_unit_a_measure_is_given_in(question, unit):
    assert measured_in(asked_measure(question)) == unit


def test_a_measure_is_answered_only_by_a_figure_in_its_unit():
    assert not span_gives(AnswerType.AMOUNT, "建成1处全域旅游集散中心、2处游客服务中心", "去年和平区的旅游收入有多少?")
    assert span_gives(AnswerType.AMOUNT, "实现旅游综合收入12亿元", "去年和平区的旅游收入有多少?")
    # A population is counted in persons, not in the firms a sentence names.
    assert not span_gives(AnswerType.AMOUNT, "与3家公司开展退役军人帮扶就业合作", "和平区户籍人口是多少?")
    assert span_gives(AnswerType.AMOUNT, "户籍人口35万人", "和平区户籍人口是多少?")


def test_a_measure_the_report_names_without_a_figure_is_told():
    figured = "完成一般公共预算收入32亿元\n新增就业3.1万人"
    report = "预计全年地区生产总值实现正增长\n超额完成万元gdp能耗降低任务\n" + figured
    assert unfigured_measure("和平区2020年gdp总量是多少亿元", report, lambda: figured) == "gdp"
    assert unfigured_measure("去年一般公共预算收入是多少", report, lambda: figured) == ""  # it has a figure
    assert unfigured_measure("和平区常住人口是多少", report, lambda: figured) == ""  # not written: another reason
    assert unfigured_measure("gdp增长了多少", report, lambda: figured) == ""  # asks how it went, not a measure's name


@pytest.mark.slow
def test_a_figure_of_a_measure_named_only_as_growing_is_declined(searcher):
    answer = searcher.ask("和平区2020年GDP总量是多少亿元?")
    assert not answer.answerable and answer.reason == "报告提到“GDP”,但没有给出它的数字"
    assert searcher.ask("2020年和平区完成一般公共预算收入多少亿元?").answerable


@pytest.mark.slow
def test_the_members_of_a_counted_set_are_listed_where_the_set_is_named(searcher):
    # 14类共122个项目 names the set, not its 14 kinds; another sentence's list is of other things.
    assert not searcher.ask("十四五项目分成的14类分别是哪14类?").answerable
    assert searcher.ask("“五个高地”是哪五个?").answerable
    assert searcher.ask("2020年增设的2个发热门诊是哪两家医院?").answerable


@pytest.mark.slow
def test_the_tiers_a_question_counts_are_named_one_character_each(searcher):
    # 区、院、科三级 and 区街两级 name their tiers; 全覆盖三级平台 names none.
    assert not searcher.ask("老年人应急呼叫服务的三级平台是哪三级?").answerable
    assert searcher.ask("医疗质量管理的三级体系是哪三级?").answerable
    assert searcher.ask("区街两级互动是哪两级?").answerable
    assert searcher.ask("退役军人服务站设在哪两级?").answerable


def test_the_documents_own_place_and_year_name_no_subject():
    note = "3.和平区“15条措施”:即《和平区防控新型冠状病毒感染的肺炎疫情 进一步促进经济社会平稳健康发展的若干措施》"
    assert only_place_shared("和平区养狗需要办证吗", note, "和平区")
    assert only_place_shared("去年和平区结婚的人多吗", note, "和平区")
    assert not only_place_shared("和平区的垃圾分类做得好吗", "推进生活垃圾分类试点项目", "和平区")
    assert not only_place_shared("养狗需要办证吗", note, "和平区")  # the place unnamed: the model decides


@pytest.mark.slow
def test_a_question_sharing_only_the_district_with_the_passage_is_declined(searcher):
    answer = searcher.ask("和平区养狗需要办证吗?")
    assert not answer.answerable and "没有与这个问题相关的内容" in answer.reason
    assert searcher.ask("和平区的垃圾分类做得好吗?").answerable


def test_a_part_of_a_quoted_total_is_counted_in_its_unit():
    # 新增就业3.1万人 is what the question knows; 1亿元 and 3.5% are no part of it in persons.
    span = "累计发放各类就业补贴1亿元,新增就业3.1万人,城镇登记失业率控制在3.5%以内"
    assert not span_gives(AnswerType.AMOUNT, span, "新增就业3.1万人里男的多少女的多少")
    assert span_gives(AnswerType.AMOUNT, "新增市场主体5000户,其中民营企业2067户", "新增市场主体5000户,其中民营企业有多少")


def test_how_many_there_are_in_english_asks_a_stock():
    assert asks_stock("how many hospitals are there in heping")
    assert asks_stock("how many parking spaces does heping have")
    assert not asks_stock("how many new parking spaces are there in heping")  # new ones: what was added


def test_an_amount_said_with_a_counter_is_no_count_of_the_set_asked():
    # 十个亿 is 10亿, not ten members to name: the example before 等3家 answers which.
    span = "海信广场等3家商场年营业额超10亿元"
    assert span_gives(AnswerType.LIST, span, "哪些商场一年营业额能过十个亿")
    assert not span_gives(AnswerType.LIST, span, "营业额过十亿的是哪十个商场")


def test_which_ones_is_not_answered_by_how_many():
    # The report counts the firms it helped and names none of them.
    assert only_counted("和平区哪些企业享受了社保减免", "为7254家企业阶段性减免缓缴社会保险费27.95亿元")
    assert not only_counted("和平区哪些企业落户了", "引进中环系统工程、跟谁学教育科技等154家科技型企业")
    assert not only_counted("去年新增了多少家企业", "为7254家企业阶段性减免缓缴社会保险费27.95亿元")
    # The thing asked may stand before 哪些; a 、 parting two counts names none of them.
    assert only_counted("去年新增的城市书吧都有哪些", "新增26个城市书吧、60个共享有声书吧")
    assert only_counted("新建的养老机构都有哪些", "新建3家养老机构、2家老年日间照料中心")
    # 哪几家 asks which of them as 哪些 does, before the noun or after it.
    assert only_counted("去年选取的药店具体都是哪几家", "选取8家药店在全市率先进行惠民口罩销售")
    assert only_counted("哪几家药店卖了惠民口罩", "选取8家药店在全市率先进行惠民口罩销售")
    # A list asked of the noun (…药店的名单) is asked which of them, too.
    assert only_counted("去年选取药店的名单能列一下吗", "选取8家药店在全市率先进行惠民口罩销售")
    assert not only_counted("去年落户的外资项目名单", "星蚨兆达国际贸易、施耐德舒马赫等13个外资项目落户")


def test_one_measure_of_an_account_is_not_another():
    span = "完成一般公共预算收入32亿元,其中税收占比87%以上"
    assert not span_gives(AnswerType.AMOUNT, span, "和平区2020年一般公共预算支出是多少?")
    assert span_gives(AnswerType.AMOUNT, span, "和平区2020年一般公共预算收入是多少?")
    assert span_gives(AnswerType.AMOUNT, span, "去年财政收入有多少?")  # another name of the same measure


def test_money_is_not_counted_in_pieces():
    question = "天津到北京的高铁票多少钱"
    assert asked_type(question) == AnswerType.LEVEL and asked_counter(question) == "元"
    assert not span_gives(AnswerType.LEVEL, "全年引进京冀项目100个以上", question)
    assert span_gives(AnswerType.LEVEL, "发放各类救助资金5700万元", question)


def test_a_count_of_people_is_not_given_in_the_general_classifier():
    # 个 counts things (避难场所, 岗位); a report counts people by person, visit or household.
    question = "固定避难场所能容纳多少人"
    assert not span_gives(asked_type(question), "建成民园广场固定避难场所,创建1个全国综合减灾示范社区", question)
    assert span_gives(asked_type(question), "组建1.75万名市区街干部、10万名志愿者的值守队伍", question)


def test_an_amount_of_money_asked_by_its_kind_noun_needs_money():
    question = "企业在进博会上签了多少金额的订单"
    assert asked_counter(question) == "元"
    assert not span_gives(asked_type(question), "组织50余家企业参加第三届进博会", question)
    assert span_gives(asked_type(question), "为7254家企业减免社会保险费27.95亿元", question)


def test_another_sort_of_the_thing_asked_does_not_answer(searcher):
    # Cilin files 公办 and 民办 as two sorts of one kind; 公立 and 公办 as one.
    assert rival_sorts("公办", "民办") and rival_sorts("小学", "初中")
    assert not rival_sorts("公立", "公办") and not rival_sorts("私立", "民办")
    span = "新增民办幼儿园7所、学位875个"
    assert other_sort("去年新增公办幼儿园几所", span) == ("公办幼儿园", "民办幼儿园")
    assert other_sort("去年新增私立幼儿园几所", span) == ()
    assert other_sort("有多少企业拿到贷款", "123家企业获得贷款2.5亿元") == ()  # verbs are no sorts
    assert not searcher.ask("去年新增公办幼儿园几所?").answerable
    assert searcher.ask("去年新增民办幼儿园几所?").answerable


def test_where_after_a_verb_of_place_asks_a_place(searcher):
    for question in ("外贸业务员去哪里游学", "养老服务嵌到哪里去", "承接带从哪儿到哪儿"):
        assert asked_type(question) == AnswerType.PLACE
    # A place said as where a thing goes, or premises counted by their kind, answer where.
    assert span_gives(AnswerType.PLACE, "将各类养老服务直接嵌入到社区养老院中", "养老服务嵌到哪里去")
    assert span_gives(AnswerType.PLACE, "选取8家药店在全市率先进行惠民口罩销售", "惠民口罩在哪里买")
    # Counting the very premises asked about does not say where they are.
    assert not span_gives(AnswerType.PLACE, "建成1处全域旅游集散中心", "全域旅游集散中心建在哪里")
    assert not searcher.ask("外贸业务员的“游学”,是送他们去哪里游学?").answerable
    assert searcher.ask("“嵌入式”社区养老机构是把养老服务嵌到哪里去?").answerable


def test_a_figure_for_each_of_another_one_does_not_answer():
    span = "组建1个帮扶工作组每组3人,包括1名组长"
    assert not span_gives(AnswerType.PER_UNIT, span, "帮扶工作组每个街道派了几个")
    assert span_gives(AnswerType.PER_UNIT, span, "每个帮扶工作组有几个人")


def test_superlatives_ask_a_rank(searcher):
    for question in ("天津最高的楼是哪座", "what is the tallest building in tianjin", "which street has the most shops"):
        assert asked_type(question) == AnswerType.ORDINAL
    assert asked_type("what is the interest rate") != AnswerType.ORDINAL  # inte-rest is no superlative
    assert not searcher.ask("天津最高的楼是哪座?").answerable


def test_the_parts_of_a_quoted_name_are_named_together(searcher):
    question = "“和平夜话”具体包括哪几项?"
    assert not span_gives(AnswerType.LIST, "创新开展“和平夜话”实践活动", question)
    assert span_gives(AnswerType.LIST, "开展“养老机构、高层住宅、地下建筑”火灾防控“三大攻坚”行动", "“三大攻坚”包括哪些")
    assert span_gives(AnswerType.LIST, "创新开展“和平夜话”实践活动", "去年开展了哪些实践活动")  # no quoted whole
    assert not searcher.ask(question).answerable


def test_the_members_of_a_quoted_name_come_from_a_passage_that_writes_it(searcher):
    # “大筛” is written in the report; the 132 note lists the members of a work group, not of it.
    assert not searcher.ask("“大筛”具体包括哪几项?").answerable
    assert searcher.ask("“三大攻坚”包括哪些?").answerable


def test_a_magnitude_asked_of_a_measure_the_report_never_writes(searcher):
    # 多大 / 多高 ask a figure as 多少 does, whether or not the tagger keeps them one word.
    assert missing_measure("区里停车位缺口有多大", "300个单位停车泊位夜间对居民开放") == "缺口"
    # What changes is the noun before the modal verb (民间投资打算涨多少): one the report never writes.
    assert missing_measure("今年民间投资打算涨多少", "固定资产投资同比增长15%") == "民间投资"
    assert missing_measure("今年固定资产投资打算涨多少", "固定资产投资同比增长15%") == ""
    # 金融公司 names the kind of body the report calls 金融机构.
    assert missing_measure("去年引进了多少家金融公司", "阳光人寿等31家金融机构落地") == ""
    assert asked_type("养老机构的床位使用率有多高") == AnswerType.RATE
    assert not searcher.ask("区里养老机构的床位使用率有多高?").answerable


def test_a_part_of_a_quoted_whole_is_given_only_where_the_part_is_named():
    span = "新增市场主体5000户,其中民营企业2067户"
    assert not span_gives(AnswerType.AMOUNT, span, "新增的5000户市场主体里个体户占多少")
    assert span_gives(AnswerType.AMOUNT, span, "新增的5000户市场主体里民营企业有多少")
    question = "122个十四五项目里有几个是民生项目"  # 项目 is the whole's word, 民生 the part's
    assert not span_gives(asked_type(question), "积极谋划14类共122个“十四五”项目,计划总投资798.8亿元", question)


def test_more_ways_of_asking_where_and_who():
    for question in ("区图书馆总馆在哪个位置", "人代会在哪儿开的", "会议在哪里举行"):
        assert asked_type(question) == AnswerType.PLACE
    assert asked_type("滨江集团的法人代表是谁") == AnswerType.PERSON
    # The country in a set phrase (中国特色社会主义) says where nothing in the district stands.
    assert not span_gives(AnswerType.PLACE, "坚持以习近平新时代中国特色社会主义思想为指导", "会议在哪里举行")
    # A five-digit number before 号 is a garbled document number (和平政办规〔20201号), no house number.
    assert not gives_address("和平区人民政府办公室关于印发…的通知》(和平政办规〔20201号")


def test_a_judgement_of_price_or_taste_is_advice(searcher):
    for question in ("劝业场附近停车收费贵不贵", "金街的小吃好不好吃", "五大道的咖啡贵吗"):
        assert asked_type(question) == AnswerType.ADVICE
    assert not searcher.ask("劝业场附近停车收费贵不贵?").answerable


def test_a_measure_named_by_a_shortened_term_is_written():
    # 停车位 shortens the report's 停车泊位: the measure is there.
    assert missing_measure("单位停车位有多少个", "300个单位停车泊位夜间对居民开放") == ""
    assert missing_measure("区里停车位缺口有多大", "300个单位停车泊位夜间对居民开放") == "缺口"
    # What changes is the noun before the modal verb (民间投资打算涨多少): one the report never writes.
    assert missing_measure("今年民间投资打算涨多少", "固定资产投资同比增长15%") == "民间投资"
    assert missing_measure("今年固定资产投资打算涨多少", "固定资产投资同比增长15%") == ""
    # 金融公司 names the kind of body the report calls 金融机构.
    assert missing_measure("去年引进了多少家金融公司", "阳光人寿等31家金融机构落地") == ""


def test_shutting_down_is_no_opening_hour_and_the_advanced_ranks_are_a_rank():
    assert asked_type("烧烤店今年是不是都得关门") != AnswerType.CLOCK
    assert asked_type("区图书馆几点关门") == AnswerType.CLOCK
    question = "和平区在全国禁毒示范城市创建中处于什么位置"
    assert span_gives(asked_type(question), "进入全国禁毒示范城市创建先进行列", question)


def test_a_part_of_a_whole_named_without_a_figure():
    question = "去年区里税收里增值税占多少"
    assert not span_gives(asked_type(question), "完成一般公共预算收入32亿元,其中税收占比87%以上", question)
    question = "去年新增市场主体中民营企业有多少户"
    assert span_gives(asked_type(question), "新增市场主体5000户,其中民营企业2067户", question)


def test_ge_stands_for_a_specific_measure_word_only_of_the_thing_counted():
    question = "市胸科医院新项目建成后有多少张床位"
    assert not span_gives(asked_type(question), "推进市胸科医院、市中心妇产科医院2个市管项目主体施工", question)
    assert span_gives(asked_type("新建了多少个书吧"), "新增26个城市书吧", "新建了多少个书吧")


def test_events_counted_are_counted_where_they_are_named():
    question = "去年和平区发生了几起生产安全事故"
    assert not span_gives(asked_type(question), "检查企业7.68万家次、整改隐患7936项,动态整改率达98%", question)
    assert span_gives(asked_type("去年举办了多少场招聘会"), "举办各类招聘会83场", "去年举办了多少场招聘会")


def test_how_many_of_a_whole_are_of_a_kind():
    question = "靠海河英才落户和平的人里有多少是博士"
    assert not span_gives(asked_type(question), "“海河英才”行动计划共落户1.4万余人", question)


def test_a_part_of_a_whole_quoted_without_its_unit():
    question = "稳住的15.66万职工里,金融业的有多少人"
    assert not span_gives(asked_type(question), "兑现稳岗补贴2634家企业、6826.25万元,稳定职工15.66万人", question)


def test_an_explanation_quoted_back_asks_the_name_it_explains(searcher):
    assert searcher.ask("附注里哪个说法指的是“畅通循环产业链、供应链”?").answerable
    assert not searcher.ask("“智慧磐石”是干什么用的?").answerable


def test_which_part_of_the_district_is_named_by_a_name_of_that_kind():
    question = "首家嵌入式社区养老机构开在哪个街道"
    assert asked_type(question) == AnswerType.PLACE
    span = "新建3家养老机构、2家老年日间照料中心,全市首家街道级“嵌入式”社区养老机构投入运营"
    assert not span_gives(AnswerType.PLACE, span, question)
    assert span_gives(AnswerType.PLACE, "其中,南市街获评“十佳街镇”", "获评十佳街镇的是在哪个街道")


def test_a_measure_or_a_count_named_after_its_question_word():
    # 有多大面积 asks an area; 化解了多少纠纷 counts disputes, which a share does not.
    question = "退役军人荣誉室有多大面积"
    assert not span_gives(asked_type(question), "建成“和平区退役军人荣誉室”,与3家公司开展帮扶就业合作", question)
    question = "“双百行动”化解了多少纠纷"
    assert not span_gives(asked_type(question), "即以矛盾纠纷100%排查、100%稳控为目标的专项行动", question)
    assert span_gives(asked_type("去年新增了多少企业"), "新增市场主体5000户", "去年新增了多少企业")


def test_a_figure_after_qizhong_is_the_parts_not_the_wholes():
    span = "固定资产投资同比增长15%,其中政府投资约8.7亿元"
    assert not span_gives(asked_type("今年固定资产投资要达到多少亿元"), span, "今年固定资产投资要达到多少亿元")
    assert span_gives(asked_type("今年政府投资约多少亿元"), span, "今年政府投资约多少亿元")
    assert span_gives(AnswerType.LEVEL, "完成外贸进出口总额188亿元,其中外贸出口101亿元", "去年外贸出口多少亿元")


def test_households_of_people_are_not_counted_in_ge():
    span = "每个街道建成一个“适老”小区,全区适老化扶手达1000个"
    assert not span_gives(AnswerType.LEVEL, span, "今年老旧小区改造要惠及多少户居民")
    assert span_gives(AnswerType.LEVEL, "开展8项专项救助活动,惠及近1.1万户困难群众", "惠及多少户困难群众")


def test_the_noun_a_count_asks_of_names_the_clause_of_its_figure(searcher):
    # 多少个学位: the figure is in 新增学位990个, not in the clause naming the place.
    assert counted_noun_asked("天津日报社旧址改造完多了多少个学位") == "学位"
    assert searcher.ask("天津日报社旧址改造完多了多少个学位?").answerable
    assert not searcher.ask("和平区一共划分了多少个街片?").answerable  # 若干街片: no count


def test_whom_to_turn_to_for_an_errand_is_a_procedure():
    assert asked_type("家里想装适老化扶手要找哪个部门申请") == AnswerType.PROCEDURE
    assert asked_type("新生儿医保到哪个窗口办") == AnswerType.PROCEDURE
    assert asked_type("哪个部门负责适老化改造") == AnswerType.AGENT


def test_how_long_asks_a_length():
    question = "新建的健身步道有多长"
    assert not span_gives(asked_type(question), "在崇仁里等5个小区新建健身步道", question)
    assert span_gives(asked_type(question), "新建健身步道1.2公里", question)
    assert span_gives(asked_type(question), "整修里巷道路3000米", question)
    assert not span_gives(asked_type("how high is the tower"), "建成1处全域旅游集散中心", "how high is the tower")


def test_how_big_asks_a_figure():
    assert asked_type("和平区的面积有多大") == AnswerType.AMOUNT
    assert asked_type("今年绿化面积要提升多大") == AnswerType.AMOUNT


@pytest.mark.parametrize("question", ["五大道怎么坐地铁去", "去劝业场坐几路车"])
def test_directions_are_a_personal_errand(question):
    assert asked_type(question) == AnswerType.PROCEDURE


@pytest.mark.slow
def test_a_quoted_name_the_report_never_writes_is_not_in_it(searcher):
    answer = searcher.ask("天津话“嘛钱儿”是什么意思?")
    assert not answer.answerable and "嘛钱儿" in answer.reason
    # The report writes “108+N”; the question's + is read as punctuation, not as a different name.
    assert searcher.ask("社区“108+N”清单里的“108”指什么?").answerable


@pytest.mark.slow
def test_a_figure_about_a_thing_the_report_never_names_is_declined(searcher):
    answer = searcher.ask("和平区有多少常住人口?")
    assert not answer.answerable and "常住人口" in answer.reason
    assert searcher.ask("疫情那会儿区里派了多少医生护士去滨海帮着做核酸?").answerable
    # After 了 or a modal verb the word before 多少 is the action (动员了多少志愿者, 要动员多少人), not a
    # measure the report lacks.
    assert not searcher.ask("疫情期间区里一共动员了多少名志愿者?").reason.startswith("报告中没有“动员”")
    assert searcher.ask("今年区里要动员多少人参加居民医保?").answerable
    # jieba glues 有 to the noun before it (保险费有 → 费有, tagged a name): the noun is 保险费.
    assert searcher.ask("阶段性减征职工基本医疗保险费有多少元?").answerable


def test_how_many_there_are_is_not_answered_by_how_many_were_added():
    question = "全区一共有多少家养老机构"
    assert asks_stock(question) and not asks_stock("去年新建了多少家养老机构")
    assert not span_gives(AnswerType.LEVEL, "新建3家养老机构、2家老年日间照料中心", question)
    assert span_gives(AnswerType.LEVEL, "实际注册我区世界500强企业达57家", "全区一共有多少家世界500强企业")
    # What was done with some of them is no total either.
    assert not span_gives(AnswerType.LEVEL, "300个单位停车泊位夜间对居民开放", "全区现在一共有多少个停车泊位")
    assert span_gives(AnswerType.LEVEL, "全区累计建成停车泊位3000个", "全区现在一共有多少个停车泊位")


@pytest.mark.parametrize("question", ["下个月天津体育馆有演唱会吗", "What's on at Jinjie this weekend?"])
def test_a_month_or_a_weekend_from_the_readers_present_is_outside_a_yearly_report(question):
    assert readers_days(normalise_query(question))


def test_solving_an_equation_is_a_task():
    assert asked_type("can you solve 3x + 5 = 20 for me") == AnswerType.TASK


def test_a_date_is_given_as_precisely_as_asked():
    assert not span_gives(AnswerType.DATE, "2020年启动改造", "民园开心麻花剧场具体哪天开业")
    assert span_gives(AnswerType.DATE, "1月18日开业", "剧场哪天开业")
    assert not span_gives(AnswerType.DATE, "2021年开工", "几月开工")
    assert span_gives(AnswerType.DATE, "2021年底通车", "什么时候通车")


def test_a_role_is_matched_as_the_question_writes_it():
    # 习近平总书记 ends in 书记 but is not the district's 区委书记.
    assert asked_role("区委书记是谁") == frozenset({"区委书记"})
    assert not span_gives(AnswerType.PERSON, "认真落实习近平总书记对天津工作重要要求", "区委书记是谁")
    assert asked_type("哪位领导负责招商引资工作") == AnswerType.PERSON


def test_where_a_named_thing_stands_needs_a_place_other_than_the_district():
    question = "区心理健康体验馆在哪里"
    assert asked_type(question) == AnswerType.PLACE
    assert not span_gives(AnswerType.PLACE, "建成和平区心理健康体验馆", "和平区心理健康体验馆在哪里")
    assert span_gives(AnswerType.PLACE, "体验馆位于南京路", question)
    assert asked_type("区里在哪里建了新的养老院") != AnswerType.PLACE
    # A venue asked is named by a hall or a building, not by the city the sentence mentions.
    venue = "区政协全会是在哪个礼堂开的"
    assert asked_type(venue) == AnswerType.PLACE
    assert not span_gives(AnswerType.PLACE, "认真落实习近平总书记视察天津重要指示精神", venue)
    assert span_gives(AnswerType.PLACE, "全会在和平区人民礼堂召开", venue)


def test_the_figure_a_question_quotes_does_not_answer_it():
    question = "31家金融机构中银行有几家"
    assert not span_gives(asked_type(question), "中国人寿财险天津分公司、阳光人寿等31家金融机构落地", question)
    assert span_gives(asked_type(question), "31家金融机构落地,其中银行8家", question)


def test_examples_before_a_count_are_not_the_whole_set():
    question = "改造的39个小区里巷包括哪些小区"
    assert not span_gives(AnswerType.LIST, "寿安里、新兴里、建津里等39个小区里巷整修", question)
    members = "“五个高地”:创新发展高地、时尚消费高地、民生保障高地、生态宜居高地、文明和谐高地"
    assert span_gives(AnswerType.LIST, members, "“五个高地”是哪五个")


@pytest.mark.parametrize(
    "question, kind",
    [
        ("32家人力资源企业分别叫什么", AnswerType.LIST),
        ("新增民办幼儿园7所,分别是哪几所", AnswerType.LIST),
        ("how much relief money did each needy household get on average", AnswerType.PER_UNIT),
    ],
)
def test_names_of_members_and_figures_for_each_one(question, kind):
    assert asked_type(question) == kind


@pytest.mark.slow
@pytest.mark.parametrize(
    "question", ["天津市2020年一般公共预算收入是多少?", "全市2020年新增市场主体多少户?", "去年天津新增了多少个5G基站?"]
)
def test_a_figure_of_the_city_around_the_district_is_not_the_districts(searcher, question):
    answer = searcher.ask(question)
    assert not answer.answerable and "只给出和平区的数字" in answer.reason
    assert searcher.ask("和平区2020年一般公共预算收入是多少?").answerable


@pytest.mark.slow
def test_a_year_named_from_the_readers_year_is_read_as_that_year(searcher):
    # The report speaks in 2021: 前年 is 2019, which it does not report on.
    answer = searcher.ask("前年和平区的外贸出口是多少?")
    assert not answer.answerable and "2019" in answer.reason


def test_a_growth_target_asks_a_rate():
    assert asked_type("2021年外贸进出口总额增长目标是多少") == AnswerType.RATE
    assert asked_type("增长多少亿元") == AnswerType.LEVEL
    assert not span_gives(AnswerType.RATE, "外贸进出口总额188亿元", "2021年外贸进出口总额增长目标是多少")


def test_ji_in_a_yes_no_question_means_a_few():
    # 会不会 / 有没有 make a yes/no question; its 几 is "a few", not "how many".
    assert asked_type("区里有没有几家老字号重新开张") == AnswerType.OTHER
    assert asked_type("区里重新开张了几家老字号") == AnswerType.LEVEL


def test_a_count_in_a_word_figures_are_not_read_in_is_given_by_a_numeral():
    question = "医疗质量控制体系分几级"
    assert span_gives(asked_type(question), "构建区、院、科三级医疗质量控制体系", question)
    assert not span_gives(asked_type(question), "完善现代医院管理制度", question)
    # A Latin unit letter is counted too, whatever its case once normalised (几a景区 / 4A级旅游景区).
    question = normalise_query("金街文化旅游区是几A级景区")
    assert span_gives(asked_type(question), "金街文化旅游区被评为4A级旅游景区", question)


def test_of_all_kinds_asks_a_total_not_a_breakdown():
    assert asked_type("去年发放各类就业补贴多少钱") == AnswerType.LEVEL
    assert asked_type("各街道分别新增多少就业岗位") == AnswerType.BREAKDOWN


@pytest.mark.slow
@pytest.mark.parametrize(
    "outside, named, inside",
    [
        # the nation's figure, named at the head of the question
        ("2020年全国一般公共预算收入是多少?", "全国", "2020年和平区一般公共预算收入是多少?"),
        ("去年我国外贸进出口总额是多少?", "", "去年和平区外贸进出口总额是多少?"),
        # the passage names 全国 in another sentence (全国首批…): that is not the figure's place
        ("去年全国新增就业多少人?", "", "去年和平区新增就业多少人?"),
        # a city abroad the question opens with, which no gazetteer of China's divisions holds
        ("纽约2020年新增就业多少人?", "纽约", "2020年和平区新增就业多少人?"),
        # a state-level new area is a place, though no administrative division
        ("天府新区2020年新增就业多少人?", "天府新区", "2020年和平区新增就业多少人?"),
        # a year the report does not cover counts only where the answering span names it
        # (2021—2023三年政府投资滚动计划分别为…)
        ("明年和平区外贸进出口总额多少亿元?", "", "2022年政府投资计划是多少?"),
        # “智慧磐石” is named once (项目完成验收) and defined nowhere; “三保” is defined in the notes.
        ("“智慧磐石”项目到底是干什么用的?", "没有解释", "“三保”是指哪三保?"),
        # The report writes 深化“和谐特色楼门”建设 and no more; a question names it anywhere, unquoted.
        ("楼门要达到啥标准才能评上和谐特色楼门?", "和谐特色楼门", "三保指的是什么?"),
        # 新增就业2万人 is a level; the passage's 固定资产投资同比增长15% is another measure's rate.
        ("和平区2021年计划新增就业比上年增长了百分之几?", "比率", "和平区2021年固定资产投资计划增长百分之几?"),
        # What makes a thing one names it after the asking words; the report writes 引进根植性、标志性企业 only.
        ("什么样的企业才算根植性?", "根植性", "“三保”是指哪三保?"),
        # A name with a symbol (混改+退出) is the report's name, though the question's symbols are blanks;
        # what a thing is for (是干嘛的) asks its meaning. A name counting its members is explained by the
        # list just before it (按楼宇、行业、属地街道“三条战线”).
        ("“混改+退出”分类管理模式按什么分类?", "混改", "“三条战线”是什么?"),
        ("智慧磐石是干嘛的?", "智慧磐石", "火灾防控三大攻坚包括什么?"),
        # A measure asked with a frame word (目标) between it and 多少: the frame is written everywhere, the
        # measure nowhere.
        ("2021年和平区财政赤字目标是多少?", "财政赤字", "今年和平区新增就业目标是多少?"),
        ("2021年和平区平均工资的目标有多少?", "平均工资", "2021年和平区一般公共预算收入的目标是多少?"),
        # A code of letters and digits (PM2.5) the report never writes names nothing it gives; 5G it writes.
        ("What was the PM2.5 level in Heping last year?", "pm2.5", "How many 5G base stations were added in 2020?"),
        # How a thing went (怎么样) asks of a measure, which a report that never names it does not say.
        ("去年和平区房价怎么样?", "房价", "去年和平区空气质量怎么样?"),
        ("和平区汽车保有量在全市排第几?", "保有量", "旧楼区长效管理在市内六区排第几?"),
        # Which one stands first among its kind: a sentence counting them (新增养老床位312张) ranks none.
        ("哪个街道新增的养老床位最多?", "次序或名次", "和平区城市管理考评在全市排第几?"),
        ("新增的26个城市书吧哪个最大?", "次序或名次", "城市管理综合考评排名保持在什么位置?"),
        # Who is in charge is named where a report says so (由…负责人担任); 在津湾广场设立 names nobody.
        ("津湾广场的豁免登记场所是谁负责的?", "负责的单位或人", "街片长一般由谁来负责?"),
        # How a coined name is done asks its meaning; how an activity is done, what the report says is done.
        ("智慧磐石具体怎么做?", "智慧磐石", "优化营商环境具体要怎么做?"),
        # What a coined name holds is asked right after it; elsewhere the name only frames the question.
        ("智慧磐石包括哪些内容?", "智慧磐石", "十四五期间的目标包括哪些?"),
        # 比上年增加了多少 asks a change: 全年投入财政帮扶资金1.73亿元 is the level; 同比增长11% a change.
        ("2020年投入的财政帮扶资金比上年增加了多少?", "数字", "2021年一般公共预算收入比上年增长多少?"),
        # 区里 names who is asked, not what: the plan's 小区里巷整修 does not state a number of 招聘会.
        ("今年区里打算办多少场招聘会?", "计划部分", "2020年区里办了多少场招聘会?"),
        # The members named in a later clause of the span (…,其中,…,五大道街、劝业场街获评“示范街镇”) answer a
        # list; a list of sets with the asked one among them (国家高新技术企业、国家科技型中小企业…) does not.
        ("入库的267家国家科技型中小企业有名单吗?", "名单", "哪两个街道获评天津市旧楼区长效管理“示范街镇”?"),
        # Which hospital: 建成核酸城市检测基地 names none; 在区中医医院开设治未病科 names one.
        ("核酸城市检测基地建在哪家医院?", "单位名称", "治未病科今年开在哪家医院?"),
    ],
)
def test_what_the_report_does_not_give_is_declined_and_what_it_gives_answered(searcher, outside, named, inside):
    # Another place or year, unless the answer names it; a name the report never explains; another
    # measure's figure.
    answer = searcher.ask(outside)
    assert not answer.answerable and named in answer.reason
    assert searcher.ask(inside).answerable


@pytest.mark.slow
def test_a_name_asked_about_without_quotes_is_read_too(searcher):
    # 长安杯 is only named (实现长安杯“五连冠”); 一网统管 is defined in the notes.
    answer = searcher.ask("长安杯是个什么样的荣誉?")
    assert not answer.answerable and "长安杯" in answer.reason
    assert searcher.ask("一网统管是什么意思?").answerable


@pytest.mark.slow
def test_a_count_of_a_measure_the_report_gives_as_a_rate_is_declined(searcher):
    # 城镇登记失业率控制在3.5%以内 stands beside 新增就业3.1万人: the count is of another thing.
    assert not searcher.ask("2020年全区登记失业的一共多少人?").answerable
    assert searcher.ask("2020年全区新增就业多少人?").answerable


@pytest.mark.parametrize(
    ("question", "defined", "unexplained"),
    [
        ("“甲乙”工程具体是指什么", (), "甲乙"),
        ("“丙丁”是指什么", (), ""),
        ("“甲乙”是指什么", ("甲乙",), ""),
        ("“甲乙”说的是哪个工程", (), "甲乙"),
        # 分别 is how the question asks, not a name.
        ("“甲乙”“丙丁”分别指什么", ("甲乙",), ""),
        # Asking a name be explained, or what makes a thing one, is asking its meaning.
        ("“甲乙”是怎么回事", (), "甲乙"),
        ("通俗点讲“甲乙”工程是什么", (), "甲乙"),
        ("“甲乙”要达到啥标准", (), "甲乙"),
        ("“丙丁”是怎么回事", (), ""),
        # How a named thing works, what it does or how it is divided asks it be described.
        ("“甲乙”具体都做些什么", (), "甲乙"),
        ("“甲乙”里的工程是怎么划分的", (), "甲乙"),
        ("“甲乙”怎么个搞法", (), "甲乙"),
        ("什么样的工程才算“甲乙”", (), "甲乙"),
        ("“丙丁”怎么个搞法", (), ""),
        # Of a quoted name: what is called so, being asked to explain it, what it holds.
        ("什么叫“甲乙”", (), "甲乙"),
        ("请解释一下“甲乙”", (), "甲乙"),
        ("“甲乙”工程包括哪些", (), "甲乙"),
        ("什么叫“丙丁”", (), ""),
        # What was done under a name asks its results, which the report states where it names it.
        ("“甲乙”工程去年做了什么", (), ""),
        # When it began is asked a date (是什么时候), not its meaning.
        ("“甲乙”工程是什么时候启动的", (), ""),
        # What it is for and how it works ask its meaning; what makes a thing one names it after 才算.
        ("“甲乙”工程是干嘛的", (), "甲乙"),
        ("“甲乙”怎么运作", (), "甲乙"),
        ("“甲乙”是个啥", (), "甲乙"),
        ("“甲乙”工程有什么好处", (), "甲乙"),
        ("“甲乙”工程的流程是什么", (), "甲乙"),
        ("“甲乙”工程的内容有哪些", (), "甲乙"),
        ("什么样的工程才算甲乙", (), "甲乙"),
    ],
)
def test_a_name_is_unexplained_only_where_the_report_explains_it_nowhere(question, defined, unexplained):
    report = "加快推进“甲乙”工程。“丙丁”:即丙类和丁类。"
    assert unexplained_term(question, frozenset(defined), report) == unexplained


def test_a_coined_name_asked_unquoted_is_found_in_either_spelling():
    # Its numeral normalised as a question's are (三条战线 → 3条战线).
    coined = coined_spellings(["三条战线"])
    question = normalise_query("三条战线指的是什么")
    assert unexplained_term(question, frozenset(), "按“三条战线”走访", coined) == "三条战线"


@pytest.mark.parametrize("question", ["手机摔坏了怎么办", "钥匙丢了咋办"])
def test_what_to_do_now_that_something_happened_is_advice(question):
    assert asked_type(question) == AnswerType.ADVICE


def test_what_the_district_does_about_a_problem_is_not_advice():
    assert asked_type("老旧小区停车难怎么办") != AnswerType.ADVICE


def test_how_to_file_is_an_errand_but_how_many_were_filed_is_not():
    assert asked_type("个人所得税专项附加扣除怎么申报") == AnswerType.PROCEDURE
    assert asked_type("今年计划申报几个市级重点专科") != AnswerType.PROCEDURE



def test_a_rank_is_answered_by_a_place_in_an_order_and_a_round_by_its_ordinal():
    assert not span_gives(AnswerType.ORDINAL, "举办第十四届成果展", "在全市排第几")
    assert span_gives(AnswerType.ORDINAL, "优良率100%,位居市内六区第一", "在全市排第几")
    assert span_gives(AnswerType.ORDINAL, "举办第十四届成果展", "成果展是第几届")
    assert not span_gives(AnswerType.ORDINAL, "位居市内六区第一", "成果展是第几届")


@pytest.mark.slow
def test_a_stretch_of_a_year_the_report_never_names_is_not_answered(searcher):
    # A yearly report gives whole years: its figure for the year does not answer half of it.
    assert searcher.ask("2020年和平区新增就业多少人?").answerable
    for question in ("2020年上半年和平区新增就业多少人?", "去年第三季度和平区新增就业多少人?", "2020年1-6月新增就业多少人?"):
        assert not searcher.ask(question).answerable
    assert searcher.ask("到年底和平区要新增就业多少人?").answerable


def test_divisions_named_in_english_are_read_by_their_pinyin():
    from qa.text.places import english_places

    assert english_places("how many new jobs were created in nankai district in 2020") == ["南开区"]
    assert english_places("what share of xiqing district's revenue came from taxes") == ["西青区"]
    assert english_places("how many new jobs did shanghai create") == ["上海市"]
    assert english_places("binhai new area") == ["滨海新区"]
    # A county's pinyin is read only with its suffix; syllables apart (chang'an) are one word.
    assert english_places("which consecutive chang'an cup title does heping district aim to win") == ["和平区"]
    assert english_places("how many people live in the district") == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "answerable"),
    [
        ("How many new jobs were created in Heping District in 2020?", True),
        ("How many new jobs were created in Nankai District in 2020?", False),
        ("How many new jobs did Shanghai create in 2020?", False),
        # The city around the district: its figure is not the district's.
        ("How many new jobs were created in Tianjin in 2020?", False),
        # Next year, from the report's present (2021), is 2022; last year is 2020.
        ("How many new jobs will Heping District create next year?", False),
        ("How many new jobs did Heping District create last year?", True),
        # What … was, of a quantity, asks a figure: the report gives GDP's growth, not its value.
        ("What was Heping District's GDP in 2020?", False),
    ],
)
def test_an_english_question_about_another_place_is_declined(searcher, question, answerable):
    assert searcher.ask(question).answerable is answerable

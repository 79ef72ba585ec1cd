"""Decide whether the report answers a question, and how confident each hit is.

Four steps. First the report's scope: a question about a year the report does not report on (and
its best passage does not name), or about an administrative place the report never names, is not
answered by it. Then the part: a question about the plan is not answered by last year's results,
nor a figure asked of the plan by last year's figure (``period_reason``). Then the kind of answer: a
question after a figure, a date, a name, a place or a list is not answered by a passage none of whose
sentences gives one (``answer_types``), nor a Chinese question none of whose words the report uses,
nor a figure about a noun it never uses. Then the evidence (``qa.answering.evidence``): a logistic
model over general signals — match strength and margin, embedding similarity, a second reader's
similarity, coverage of the question's content words in the best passage and in the whole report,
whether the span gives the kind of answer asked — fitted by ``qa calibrate`` on the ``tune`` half of
the question files and stored in ``calibration.json`` with its threshold."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from qa.answering.answer_types import AVERAGE_ASKED, PER_UNIT, AnswerType, asked_type
from qa.answering.evidence import FEATURES, Evidence
from qa.answering.results import Confidence
from qa.answering.topic import OFF_TOPIC_REASON
from qa.documents.parts import Part
from qa.documents.passages import Passage
from qa.documents.scope import DocumentScope, parts_of_year, readers_days
from qa.errors import CalibrationError

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")

KIND_NAMES = {
    AnswerType.RATE: "比率或增幅",
    AnswerType.LEVEL: "数量或金额",
    AnswerType.AMOUNT: "数字",
    AnswerType.BREAKDOWN: "分项数字",
    AnswerType.DATE: "时间",
    AnswerType.PERSON: "人名",
    AnswerType.PLACE: "地点",
    AnswerType.BODY: "单位名称",
    AnswerType.AGENT: "负责的单位或人",
    AnswerType.ADDRESS: "地址",
    AnswerType.CONTACT: "联系方式",
    AnswerType.CLOCK: "具体时刻",
    AnswerType.ORDINAL: "次序或名次",
    AnswerType.PER_UNIT: "每一个的数字",
    AnswerType.DURATION: "时长",
    AnswerType.LIST: "名单",
}
FIGURE_KINDS = (AnswerType.RATE, AnswerType.LEVEL, AnswerType.AMOUNT, AnswerType.BREAKDOWN, AnswerType.PER_UNIT)
# Kinds of request no work report meets, whatever passage is found.
NEVER_ANSWERED = {
    AnswerType.PROCEDURE: "工作报告不讲个人办事的步骤",
    AnswerType.ADVICE: "工作报告不为个人作推荐",
    AnswerType.TASK: "这是翻译、写作之类的任务,报告只能回答它写了什么",
}


@dataclass(frozen=True)
class Model:
    """A logistic model of P(the report answers) over standardised ``FEATURES``."""

    weights: tuple[float, ...]
    bias: float
    means: tuple[float, ...]
    scales: tuple[float, ...]
    threshold: float  # answer when the probability is at least this

    def probability(self, evidence: Evidence) -> float:
        """P(answerable) for the evidence of one question."""
        return self.probability_of(evidence.vector())

    def decides(self, features: list[float]) -> bool:
        """Whether the decision is the same whatever values in [0, 1] the unmeasured (NaN) features
        take: each is a cosine or a share, and the best cosine over a report's passages is not below 0."""
        low = high = self.bias
        for w, x, m, s in zip(self.weights, features, self.means, self.scales):
            if math.isnan(x):
                ends = (w * (0.0 - m) / s, w * (1.0 - m) / s)
                low, high = low + min(ends), high + max(ends)
            else:
                low, high = low + w * (x - m) / s, high + w * (x - m) / s
        return (_sigmoid(low) >= self.threshold) == (_sigmoid(high) >= self.threshold)

    def probability_of(self, features: list[float]) -> float:
        """P(answerable) for a feature vector in ``FEATURES`` order."""
        # A feature that could not be measured (NaN: no second reader installed) counts as average.
        z = self.bias + sum(
            w * (x - m) / s for w, x, m, s in zip(self.weights, features, self.means, self.scales) if not math.isnan(x)
        )
        return _sigmoid(z)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


# Without a fitted model every question is answered (the scope check still applies): the state of
# ``qa calibrate`` before it has fitted one.
_ZEROS = (0.0,) * len(FEATURES)
OPEN_MODEL = Model(weights=_ZEROS, bias=0.0, means=_ZEROS, scales=(1.0,) * len(FEATURES), threshold=0.0)


@dataclass(frozen=True)
class Calibration:
    """The fitted no-answer model and the confidence levels, learnt from the tune questions."""

    model: Model = OPEN_MODEL
    high: float = 1.9  # top scores at or above this are 高 confidence
    medium: float = 1.6  # at or above this 中, else 低


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    """The saved calibration; CalibrationError when it is missing, unreadable or for other features.

    Without it no question would ever be declined, so its absence is an error, not a default.
    """
    try:
        data = json.loads(path.read_text("utf-8"))
        model = data["model"]
        if tuple(model["features"]) != FEATURES:
            raise ValueError("features differ")
        columns = [tuple(float(x) for x in model[key]) for key in ("weights", "means", "scales")]
        if any(len(c) != len(FEATURES) for c in columns) or min(columns[2]) <= 0:
            raise ValueError("bad model shape")
        return Calibration(
            model=Model(*columns[:1], float(model["bias"]), *columns[1:], float(model["threshold"])),
            high=float(data["thresholds"]["high"]),
            medium=float(data["thresholds"]["medium"]),
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise CalibrationError(
            f"无法读取“无答案”校准文件 {path}({type(exc).__name__}: {exc})。"
            "请重新安装,或运行: qa calibrate eval/dev.jsonl eval/questions-*.jsonl --write"
        ) from exc


def scope_reason(
    normalised_question: str, answer_text: str, scope: DocumentScope, corpus_text: str, relative: frozenset[int] = frozenset()
) -> str:
    """Why the question lies outside the report's years or places (in Chinese), or "". A year the
    report does not report on is covered only where ``answer_text`` (the answering span) names it."""
    years = scope.years_outside(normalised_question, answer_text, relative)
    if years:
        covered = "、".join(str(y) for y in sorted(scope.report_years))
        return f"报告只涉及{covered}年,没有{'、'.join(map(str, years))}年的内容"
    places = scope.places_outside(normalised_question, corpus_text)
    if places:
        return f"报告只涉及本区,没有关于“{places[0]}”的内容"
    return ""


def wider_reason(normalised_question: str, kind: AnswerType, passage_text: str, scope: DocumentScope) -> str:
    """Why a figure asked of a wider place than the report's (天津市2020年一般公共预算收入, 全市新增…)
    is not answered by a span that does not name that place, or "": a district's report gives
    the district's figures, and the city's only where it says so (位居全市前列); a passage naming the
    place in another sentence (全国首批…) says nothing of the figure asked."""
    if kind not in FIGURE_KINDS:
        return ""
    wider = scope.wider_subject(normalised_question)
    if not wider or wider in passage_text:
        return ""
    return f"问题问的是{wider}的数字,报告只给出{scope.own_place}的数字"


def finer_time_reason(normalised_question: str, passage_text: str) -> str:
    """Why a question about a day seen from the reader's present (明天, 今晚), or about a stretch of a
    year (上半年, 三季度), is not answered by a yearly report whose passage does not speak so, or ""."""
    days = readers_days(normalised_question)
    if days and not readers_days(passage_text):
        return f"报告是年度工作报告,不涉及“{days[0]}”这样具体的某一天"
    stretches = parts_of_year(normalised_question)
    if stretches and not parts_of_year(passage_text):
        return f"报告给出的是全年的情况,没有“{stretches[0]}”的数字"
    return ""


def _of_other_part(asked: Part | None, hits: list[Passage]) -> Passage | None:
    """The first hit when it is of the other part (review or plan) than the one ``asked`` about."""
    if not hits or asked not in (Part.REVIEW, Part.PLAN):
        return None
    top = hits[0]
    return top if top.part_kind in (Part.REVIEW, Part.PLAN) and top.part_kind != asked else None


def period_reason(asked: Part | None, hits: list[Passage], figure_stated: bool | None = None) -> str:
    """Why the passages found cannot answer, or "": a question about the plan year is not answered by
    last year's results (a result is not a target), nor a question about results by a plan.

    ``asked`` is the part the question's year or time words point at, ``hits`` the first passages
    found. Search already leans toward the asked part, so when none of the first hits is of it and
    the best is of the other part, the asked part holds nothing on the matter. For a figure asked
    (今年要新开几所), ``figure_stated`` says whether a passage of the asked part gives one where it
    names the thing asked: when the best passage is of the other part and none does, the figure
    found is the other year's, and shown as the answer it would be read as the one asked for.
    """
    top = _of_other_part(asked, hits)
    if top is None:
        return ""
    found = top.part_label or top.part_kind
    if figure_stated is False:
        return f"报告的{_part_word(asked)}部分没有给出这个数字,最相关的段落属于{found}"
    if any(p.part_kind == asked for p in hits):
        return ""
    return f"报告的{_part_word(asked)}部分没有这方面的内容,最相关的段落属于{found}"


def _part_word(part: Part) -> str:
    return "计划" if part == Part.PLAN else "执行情况"


def period_notice(asked: Part | None, asked_label: str, hits: list[Passage]) -> str:
    """A caution when the first passage is of the other part than the question asks about, or "".

    A question about this year's plan answered first by last year's result (or the reverse) may be
    read as if the result were the target; the notice says which part each is, and where the asked
    part's nearest passage stands. ``asked_label`` names the asked part with its years (2021年计划).
    """
    top = _of_other_part(asked, hits)
    if top is None:
        return ""
    rank = next((n for n, p in enumerate(hits, start=1) if p.part_kind == asked), None)
    where = f"{asked_label}中最接近的是第{rank}条" if rank else f"前{len(hits)}条中没有{asked_label}的段落"
    return f"第1条出自{top.part_label or top.part_kind},而问题问的是{asked_label};{where}。"


def average_notice(normalised_question: str, span: str) -> str:
    """A caution when an average is asked and the best span gives a total and its count, not the
    average itself (:func:`qa.answering.answer_types.span_gives`), or ""."""
    if asked_type(normalised_question) is not AnswerType.PER_UNIT or not AVERAGE_ASKED.search(normalised_question):
        return ""
    if PER_UNIT.search(span):
        return ""
    return "报告没有直接给出平均数;第1条给出了总数和个数,平均数可由两者相除算出。"


# Kinds told by their written shape anywhere in a sentence (a date, an address, a telephone number):
# any passage holding one would pass, so it must be the passage about the thing the question names.
SHAPE_CHECKED = (AnswerType.DATE, AnswerType.ADDRESS, AnswerType.CONTACT, AnswerType.CLOCK, AnswerType.PERSON)
# Answers that name things: a passage that never writes the name a question quotes names other things. Not
# figures: the sentence giving a programme's figure often names it by another word (a test target was lost).
QUOTED_NAME_CHECKED = (*SHAPE_CHECKED, AnswerType.LIST, AnswerType.AGENT, AnswerType.BODY)


def kind_reason(evidence: Evidence) -> str:
    """Why the best passage cannot answer, or "": an English question whose words translate into none
    of the report's words (a Chinese one in everyday words may share none and still be answered: 违章建筑
    for 违法建设; the calibrated model weighs it, see ``qa.answering.evidence``); a figure asked about a noun the report
    never uses; a name quoted that the report never writes, or names without explaining it when its
    meaning is asked; a personal errand, a recommendation or a
    task, which no report meets; a passage sharing only the district's name and the year with the
    question; or no sentence of the passage gives the kind of answer asked."""
    if evidence.corpus_coverage == 0 and evidence.foreign:
        return "报告中没有与这个问题相关的内容"
    if evidence.answer_type in NEVER_ANSWERED:
        return NEVER_ANSWERED[evidence.answer_type]
    if evidence.missing_measure:
        return f"报告中没有“{evidence.missing_measure}”的数据"
    if evidence.unfigured_measure and evidence.answer_type in FIGURE_KINDS:
        return f"报告提到“{evidence.unfigured_measure}”,但没有给出它的数字"
    if reason := _naming_reason(evidence):
        return reason
    if evidence.place_only:  # it shares only the district's name and the year with the question
        return "报告中没有与这个问题相关的内容"
    if evidence.type_match == 0 and evidence.answer_type in KIND_NAMES:
        return f"最相关的段落没有给出所问的{KIND_NAMES[evidence.answer_type]}"
    return ""


def _naming_reason(evidence: Evidence) -> str:
    """Why the thing the question names is not what the report or its best span speaks of, or ""."""
    if evidence.absent_name:
        return f"报告中没有提到“{evidence.absent_name}”"
    if evidence.unexplained_term:
        return f"报告只提到“{evidence.unexplained_term}”,没有解释它"
    if evidence.unnamed_name and evidence.answer_type in QUOTED_NAME_CHECKED:
        return f"最相关的段落没有提到“{evidence.unnamed_name}”"
    if evidence.other_sort:
        asked, given = evidence.other_sort
        return f"最相关的段落说的是“{given}”,不是所问的“{asked}”"
    return ""


def evidence_reason(evidence: Evidence, calibration: Calibration) -> str:
    """Why the evidence is too weak to answer (in Chinese), or "" when the model accepts it."""
    if calibration.model.probability(evidence) >= calibration.model.threshold:
        return ""
    return "报告中没有与这个问题相关的内容"


def unanswered_reason(
    normalised_question: str,
    asked_part: Part | None,
    hits: list[Passage],
    evidence: Evidence,
    passage_text: str,
    scope: DocumentScope,
    corpus_text: str,
    calibration: Calibration,
    figure_stated: bool | None = None,
    relative_years: frozenset[int] = frozenset(),
    span_text: str = "",
) -> str:
    """Why the report does not answer the question (in Chinese), or "" when it does.

    ``passage_text`` is the best passage's text as searched (normalised), ``asked_part`` the part
    the question's time points at in the best passage's document, ``hits`` the first passages found,
    ``figure_stated`` (for a figure asked) whether the asked part gives it (see :func:`period_reason`),
    ``relative_years`` the years it names from the reader's year (前年, 明年), resolved, ``span_text``
    the answering span (the passage when not given).
    """
    return (
        scope_reason(normalised_question, span_text or passage_text, scope, corpus_text, relative_years)
        or wider_reason(normalised_question, evidence.answer_type, span_text or passage_text, scope)
        or period_reason(asked_part, hits, figure_stated)
        or kind_reason(evidence)
        or finer_time_reason(normalised_question, passage_text)
        or (OFF_TOPIC_REASON if evidence.off_topic else "")
        or evidence_reason(evidence, calibration)
    )


def confidence(score: float, top_score: float, answerable: bool, calibration: Calibration) -> Confidence:
    """高 / 中 / 低: from the top score, lowered for weaker hits."""
    if not answerable:
        return Confidence.LOW
    levels = [Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH]
    level = 2 if top_score >= calibration.high else 1 if top_score >= calibration.medium else 0
    if score < top_score * 0.9:
        level -= 1
    if score < top_score * 0.75:
        level -= 1
    return levels[max(level, 0)]

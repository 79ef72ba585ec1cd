"""Decide whether the report answers a question, and how confident each hit is.

The report answers a question when its best passage is about what was asked and, for a
question after a figure or a date, the answering span actually gives one. The rules are general
(another district named; a figure or date asked for and none in the span; a figure asked for
about a thing the report never names; a weak overall match), and the score threshold and
confidence levels are calibrated on the dev questions by ``qa calibrate`` into
``qa/calibration.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from qa.answering.results import Confidence
from qa.errors import CalibrationError
from qa.text.grams import GramStats
from qa.text.places import places
from qa.text.quantities import SPAN_DATE, SPAN_FIGURE
from qa.text.tokenize import pos_tags

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")

TIME_QUESTION = re.compile(r"什么时候|何时|哪一年|哪年|几月|哪天|什么时间|when\b")
# Nouns that name the kind of answer, not its subject (金额是多少, 名额有多少).
ANSWER_TYPE_NOUNS = frozenset("金额 数量 数字 名额 规模 比例 比重 人数 次数 总数 总额 数额 数据 多少 情况 具体 时候".split())
FIGURE_CUE = re.compile(r"多少|几[个家所只张项户人次年万亿]?")
# Words that may stand between a subject and the figure asked about it (常住人口具体是多少).
FILLER_WORDS = frozenset("是 有 为 达 达到 了 的 具体 一共 共 总共 累计 分别 大概 大约 约 到底 究竟 能 会 要".split())


@dataclass(frozen=True)
class Calibration:
    """Thresholds learnt from the dev questions."""

    # Below this weight of shared words (see ``shared_weight``) the question has too little in
    # common with its best passage to be answered by it (off-topic questions); not applied to
    # questions asked in English, whose words cannot be shared.
    min_match: float = 0.0
    high: float = 1.9  # top scores at or above this are 高 confidence
    medium: float = 1.6  # at or above this 中, else 低


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    """The saved calibration; CalibrationError when it is missing or unreadable.

    Without it the off-topic floor would silently be 0 and every question answered, so its absence
    is an error, not a default.
    """
    try:
        data = json.loads(path.read_text("utf-8"))
        thresholds = data["thresholds"]
        fields = Calibration.__dataclass_fields__
        return Calibration(**{k: float(v) for k, v in thresholds.items() if k in fields})
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise CalibrationError(
            f"无法读取“无答案”校准文件 {path}({type(exc).__name__})。请重新安装,或运行: qa calibrate eval/dev.jsonl --write"
        ) from exc


def unanswered_reason(
    normalised_question: str,
    intent,
    top_span: str,
    shared: float | None,
    corpus_text: str,
    calibration: Calibration,
) -> str:
    """Why the report does not answer the question (in Chinese), or "" when it does.

    ``shared`` is the question's ``shared_weight`` with its best passage, or None where shared
    words mean nothing (a question in English).
    """
    if shared is not None and shared < calibration.min_match:
        return "报告中没有与这个问题相关的内容"
    for place in places(normalised_question):
        if place not in corpus_text:
            return f"报告只涉及本区,没有关于“{place}”的内容"
    if TIME_QUESTION.search(normalised_question) and not SPAN_DATE.search(top_span):
        return "报告没有给出所问的时间"
    if intent.figure:
        missing = _missing_subject(normalised_question, corpus_text)
        if missing:
            return f"报告中没有“{missing}”的数据"
        if not SPAN_FIGURE.search(top_span):
            return "最相关的段落没有给出所问的数字"
    return ""


SHARED_TERM = re.compile(r"[\u3400-\u9fff]{2}")
LATIN_TERM = re.compile(r"[a-z0-9][a-z0-9.]+")


def shared_weight(normalised_question: str, passage_text: str, grams: GramStats) -> float:
    """The IDF weight of the question's character bigrams (and Latin words, figures) found in a passage.

    Zero for a question with nothing in common with the passage (今天天气怎么样?); a rare shared
    term such as 三保 weighs more than common ones such as 和平.
    """
    bigrams = {normalised_question[i : i + 2] for i in range(len(normalised_question) - 1)}
    terms = {g for g in bigrams if SHARED_TERM.fullmatch(g)} | set(LATIN_TERM.findall(normalised_question))
    return sum(grams.idf(term) for term in terms if term in passage_text)


def _missing_subject(normalised_question: str, corpus_text: str) -> str:
    """The noun a figure is asked about (the word just before 多少/几个) when the report never uses it."""
    words = pos_tags(normalised_question)
    for position, (word, _) in enumerate(words):
        if not FIGURE_CUE.fullmatch(word):
            continue
        before = [w for w in words[:position] if w[0] not in FILLER_WORDS and w[0] not in ANSWER_TYPE_NOUNS]
        if not before:
            continue
        subject, flag = before[-1]
        is_noun = flag.startswith("n") or flag == "eng"
        if is_noun and len(subject) >= 2 and subject not in corpus_text:
            return subject
    return ""


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

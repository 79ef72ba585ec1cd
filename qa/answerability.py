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
from functools import lru_cache
from pathlib import Path

import jieba
import jieba.posseg

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")

# Answer spans that give a figure: Arabic digits, or Chinese numerals with a counter (六连冠, 两所).
SPAN_FIGURE = re.compile(r"[0-9]|(?<!第)[一二两三四五六七八九十百千万]+(?:[个家所只张项户人次年万亿%]|连冠|倍|成)")
SPAN_DATE = re.compile(r"[0-9一二三四五六七八九十〇]+\s*年|[0-9一二三四五六七八九十]+\s*月|年底|年内|上半年|下半年|季度|年初")
TIME_QUESTION = re.compile(r"什么时候|何时|哪一年|哪年|几月|哪天|什么时间|when\b")
ADMINISTRATIVE = re.compile(r".+(?:区|县|旗|镇|乡|街道)$")
# Nouns that name the kind of answer, not its subject (金额是多少, 名额有多少).
ANSWER_TYPE_NOUNS = frozenset("金额 数量 数字 名额 规模 比例 比重 人数 次数 总数 总额 数额 数据 多少 情况 具体 时候".split())
FIGURE_CUE = re.compile(r"多少|几[个家所只张项户人次年万亿]?")
# Words that may stand between a subject and the figure asked about it (常住人口具体是多少).
FILLER_WORDS = frozenset("是 有 为 达 达到 了 的 具体 一共 共 总共 累计 分别 大概 大约 约 到底 究竟 能 会 要".split())


@dataclass(frozen=True)
class Calibration:
    """Thresholds learnt from the dev questions."""

    min_score: float = 0.0  # below this fused top score the report is taken not to answer
    high: float = 1.9  # top scores at or above this are 高 confidence
    medium: float = 1.6  # at or above this 中, else 低


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    """The saved calibration, or the defaults when none has been written."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return Calibration()
    fields = Calibration.__dataclass_fields__
    return Calibration(**{k: float(v) for k, v in data.get("thresholds", {}).items() if k in fields})


@lru_cache(maxsize=1)
def _pos_tagger() -> jieba.posseg.POSTokenizer:
    tokenizer = jieba.Tokenizer()
    return jieba.posseg.POSTokenizer(tokenizer)


def tagged_words(text: str) -> list[tuple[str, str]]:
    """jieba words with their part-of-speech tags."""
    return [(pair.word, pair.flag) for pair in _pos_tagger().cut(text)]


def unanswered_reason(
    normalised_question: str,
    wants_figure: bool,
    top_span: str,
    top_score: float,
    corpus_text: str,
    calibration: Calibration,
) -> str:
    """Why the report does not answer the question (in Chinese), or "" when it does."""
    words = tagged_words(normalised_question)
    for word, flag in words:
        if flag in ("ns", "nt") and ADMINISTRATIVE.match(word) and word not in corpus_text:
            return f"报告只涉及本区,没有关于“{word}”的内容"
    if TIME_QUESTION.search(normalised_question) and not SPAN_DATE.search(top_span):
        return "报告没有给出所问的时间"
    if wants_figure:
        missing = _missing_subject(normalised_question, corpus_text)
        if missing:
            return f"报告中没有“{missing}”的数据"
        if not SPAN_FIGURE.search(top_span):
            return "最相关的段落没有给出所问的数字"
    if top_score < calibration.min_score:
        return "没有与问题足够相符的段落"
    return ""


def _missing_subject(normalised_question: str, corpus_text: str) -> str:
    """The noun a figure is asked about (the word just before 多少/几个) when the report never uses it."""
    words = tagged_words(normalised_question)
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


def confidence(score: float, top_score: float, answerable: bool, calibration: Calibration) -> str:
    """高 / 中 / 低 as "high" / "medium" / "low": from the top score, lowered for weaker hits."""
    if not answerable:
        return "low"
    levels = ["low", "medium", "high"]
    level = 2 if top_score >= calibration.high else 1 if top_score >= calibration.medium else 0
    if score < top_score * 0.9:
        level -= 1
    if score < top_score * 0.75:
        level -= 1
    return levels[max(level, 0)]


def calibrate_file(searcher, path: Path, write: bool = False, max_rejected: float = 0.05) -> dict:
    """Derive the thresholds from a question file with answerable and unanswerable questions.

    ``min_score`` is the lowest top score that gives the best no-answer accuracy while rejecting at
    most ``max_rejected`` of the answerable questions; ``high`` and ``medium`` are the lowest top
    scores above which the first passage is right for 95% and 75% of the answerable questions.
    """
    from datetime import date

    from .evaluate import question_outcome, read_jsonl

    records = read_jsonl(Path(path))
    open_searcher = searcher.with_settings(calibration=Calibration(min_score=float("-inf")))
    rows = []
    for record in records:
        outcome = question_outcome(open_searcher, record)
        top = outcome["answer"].hits[0].score if outcome["answer"].hits else 0.0
        unanswerable = record.get("type") == "unanswerable"
        rows.append((top, unanswerable, outcome["answerable"], outcome["rank"] == 1))
    answerable_rows = [r for r in rows if not r[1]]
    unanswerable_rows = [r for r in rows if r[1]]

    def figures(threshold: float) -> tuple[float, float]:
        rejected = sum(not ok or top < threshold for top, _, ok, _ in answerable_rows) / max(len(answerable_rows), 1)
        caught = sum(not ok or top < threshold for top, _, ok, _ in unanswerable_rows) / max(len(unanswerable_rows), 1)
        return caught, rejected

    candidates = sorted({0.0, *(round(top + 1e-4, 4) for top, *_ in rows)})
    allowed = [t for t in candidates if figures(t)[1] <= max_rejected]
    best = max(figures(t)[0] for t in allowed)
    min_score = min(t for t in allowed if figures(t)[0] == best)

    def precision_floor(target: float) -> float:
        accepted = sorted(((top, right) for top, u, ok, right in answerable_rows if ok and top >= min_score), reverse=True)
        floor, right_so_far = accepted[0][0] if accepted else 0.0, 0
        for count, (top, right) in enumerate(accepted, start=1):
            right_so_far += right
            if right_so_far / count >= target:
                floor = top
        return round(floor, 4)

    calibration = Calibration(min_score=min_score, high=precision_floor(0.95), medium=precision_floor(0.75))
    caught, rejected = figures(min_score)
    result = {
        "thresholds": {"min_score": calibration.min_score, "high": calibration.high, "medium": calibration.medium},
        "no_answer_accuracy": round(caught, 4),
        "answerable_rejected": round(rejected, 4),
        "questions": len(rows),
        "source": Path(path).name,
        "calibrated_on": date.today().isoformat(),
    }
    if write:
        CALIBRATION_FILE.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return result

"""Per-document time: the years a report reviews and plans are read from the report, not from the code.

A second report is made by shifting every year of the real one by one (2020 → 2021, 2021 → 2022 …):
questions, part labels and fact checks must follow the shifted years.
"""

from __future__ import annotations

import re

import pytest

from qa.documents.corpus import load_corpus
from qa.documents.passages import cut_passages
from qa.documents.structure import parse_report
from qa.documents.time import read_time
from tests.conftest import CORPUS

YEAR = re.compile(r"(?<![\d.])(20[12]\d)(?![\d.])")  # 2010–2029: years; 2000 in this report is a count


def shifted(text: str, by: int) -> str:
    """The report with every year moved by ``by`` (headings, title, dates, file numbers)."""
    return YEAR.sub(lambda m: str(int(m.group(1)) + by), text)


@pytest.fixture(scope="module")
def shifted_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shifted") / "corpus"
    folder.mkdir()
    original = next(CORPUS.glob("*.txt"))
    (folder / "heping-2022-plan-report.txt").write_text(shifted(original.read_text("utf-8"), 1), "utf-8")
    return folder


@pytest.fixture(scope="module")
def shifted_searcher(shifted_corpus, searcher, tmp_path_factory):
    from qa.answering.search import Searcher
    from qa.index.store import Index

    folder = tmp_path_factory.mktemp("shifted-index") / "index"
    Index.build(shifted_corpus, embedder=searcher.index.embedder).save(folder)
    return Searcher(Index.load(folder, shifted_corpus, embedder=searcher.index.embedder))


def test_the_real_report_reviews_2020_and_plans_2021(report):
    assert (report.time.review_years, report.time.plan_years) == ((2020,), (2021,))


def test_the_shifted_report_reviews_2021_and_plans_2022(shifted_corpus):
    report = parse_report(load_corpus(shifted_corpus)[0])
    assert (report.time.review_years, report.time.plan_years) == ((2021,), (2022,))
    labels = {p.part_kind.value: p.part_label for p in cut_passages(report)}
    assert labels == {"preamble": "报告开头", "review": "2021年执行情况", "plan": "2022年计划", "notes": "附注"}


def test_years_come_from_the_title_or_the_date_when_the_headings_name_none():
    title = "关于某区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告"
    from_title = read_time(["一、经济运行总体平稳", "二、主要任务"], title)
    assert (from_title.review_years, from_title.plan_years) == ((2023,), (2024,))
    from_date = read_time(["一、工作回顾", "二、工作安排"], "某区政府工作报告", "2025-01-20")
    assert (from_date.review_years, from_date.plan_years) == ((2024,), (2025,))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("2021年和平区新增就业多少人?", "review"),
        ("去年新增就业多少人?", "review"),
        ("2022年新增就业的目标是多少?", "plan"),
        ("今年要新增多少张养老床位?", "plan"),
    ],
)
def test_time_intent_follows_the_shifted_years(shifted_searcher, question, part):
    answer = shifted_searcher.ask(question, k=3)
    assert answer.intent.period == part
    top = answer.hits[0]
    assert top.passage.part_kind == part
    assert top.passage.part_label == {"review": "2021年执行情况", "plan": "2022年计划"}[part]


@pytest.mark.slow
def test_a_year_swap_is_contradicted_with_the_shifted_years(shifted_searcher):
    from qa.factcheck.checker import FactChecker

    checker = FactChecker(shifted_searcher)
    assert checker.check("2021年和平区新增就业3.1万人").verdict == "supported"
    swapped = checker.check("2021年和平区盘活空置载体15万平方米")
    assert swapped.verdict == "contradicted"
    assert [h.passage.part_kind for h in swapped.evidence] == ["review", "plan"]
    assert swapped.comparisons[1]["report"]["part"] == "2022年计划" and "2022年计划" in swapped.explanation
    as_plan = checker.check("2022年和平区计划新增就业3.1万人")
    assert as_plan.verdict == "contradicted" and as_plan.to_dict()["claim_part"] == "2022年计划"

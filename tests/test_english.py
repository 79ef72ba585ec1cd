"""English questions read through CC-CEDICT: their words as the Chinese words they translate.

Questions here are written for these tests (none is an eval item); the search tests use the real index.
"""

import pytest

from qa.text.english import english_terms, glosses
from qa.text.english_figures import english_figures


def test_a_gloss_gives_the_chinese_words_it_defines():
    assert {"天气", "游客", "养老院"} <= glosses("weather") | glosses("tourist") | glosses("nursing home")
    assert "养老院" in glosses("nursing homes")  # a plural is read with its singular
    assert glosses("xyzzy") == frozenset()


def test_an_english_question_is_read_as_terms_without_its_function_words():
    terms = english_terms("How many tourists visited the district's museums?")
    assert len(terms) == 4  # tourists, visited, district, museums; how/many/the are how it asks
    assert any("游客" in term for term in terms) and any("博物馆" in term for term in terms)
    assert english_terms("What is it?") == ()


@pytest.mark.slow
def test_an_english_question_is_searched_with_its_translations(searcher):
    answer = searcher.ask("How many elderly care beds will be added in 2021?")
    assert answer.answerable
    top = answer.hits[0]
    assert "养老床位200张" in top.passage.text
    span = top.passage.text[top.highlight[0] - top.passage.start : top.highlight[1] - top.passage.start]
    assert "床位" in span


@pytest.mark.slow
def test_an_english_question_none_of_whose_words_the_report_uses_is_declined(searcher):
    answer = searcher.ask("What is the weather today?")
    assert not answer.answerable
    assert "相关" in answer.reason


@pytest.mark.parametrize(
    "text, value, unit, approx",
    [
        ("add 200,000 square metres of greenery", 200000, "平方米", None),
        ("on more than fifty roads", 50, "条", "over"),
        ("revenue was 3.2 billion yuan", 3.2e9, "元", None),
        ("31,000 new jobs", 31000, "人", None),
        ("about 1.1 million yuan", 1.1e6, "元", "about"),
        ("twenty-five well-known companies", 25, "家", None),
    ],
)
def test_english_figures_are_read_as_a_report_writes_them(text, value, unit, approx):
    (figure,) = english_figures(text)
    assert (figure.value, figure.unit, figure.approx) == (value, unit, approx)


def test_a_year_is_no_english_figure():
    assert english_figures("in 2021 Heping will") == []

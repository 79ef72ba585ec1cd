"""Titles in 《》 stay one clause when they hold a comma."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qa.text.sentences import clause_spans
from qa.text.titles import whole_titles

CASES = (
    "《社会力量强助力,真督实战促脱贫》被国务院扶贫办收入《携手奔小康行动案例选编》,"
    "《强化“五个一”模式,共建共治共筑市域社会治理“同心圆”》被推荐上报中央政法委"
)


def test_a_title_holding_a_comma_is_one_clause_with_what_is_said_of_it():
    clauses = [CASES[s:e] for s, e in whole_titles(CASES, clause_spans(CASES))]
    assert clauses == [
        "《社会力量强助力,真督实战促脱贫》被国务院扶贫办收入《携手奔小康行动案例选编》",
        "《强化“五个一”模式,共建共治共筑市域社会治理“同心圆”》被推荐上报中央政法委",
    ]


def test_clauses_without_titles_are_left_as_they_are():
    text = "新增就业3.1万人,城镇登记失业率控制在3.5%以内"
    assert whole_titles(text, clause_spans(text)) == clause_spans(text)


@given(st.text(alphabet="甲乙,，《》。", max_size=40))
def test_joined_clauses_keep_order_and_cover_the_same_stretches(text):
    spans = clause_spans(text)
    joined = whole_titles(text, spans)
    assert len(joined) <= len(spans)
    assert [s for s, _ in joined] == sorted(s for s, _ in joined)
    assert {s for s, _ in joined} <= {s for s, _ in spans} and {e for _, e in joined} <= {e for _, e in spans}

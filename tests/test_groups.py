"""“N大X” read as a count of X (三大运营商 = 3), and the fact checker comparing counts with it."""

from __future__ import annotations

import pytest

from qa.text.groups import group_counts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("强化与铁塔集团及联通等三大运营商合作", [("三大", 3.0)]),
        ("优化完善五大机制", [("五大", 5.0)]),
        ("结合六大产业定位", [("六大", 6.0)]),
        ("五大道地区经营业态", []),  # a street's name, not five of anything
        ("一大批项目", []),  # an amount, not a count
    ],
)
def test_group_sizes_are_counts(text, counts):
    found = group_counts(text)
    assert [(q.text, q.value) for q in found] == counts
    assert all(text[q.start : q.end] == q.text and q.unit == "个" for q in found)


@pytest.mark.slow
def test_a_count_against_a_group_size(checker):
    v = checker.check("和平区与铁塔集团及联通等四家运营商合作,新增5G基站28个")
    assert v.verdict == "contradicted" and "三大" in v.explanation

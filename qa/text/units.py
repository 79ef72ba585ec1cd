"""Which units and measure words count the same kind of thing.

A question that names its counter (多少人次, 几所, 多少吨) is answered by a figure counted in that
counter or in one of the same dimension: people (人, 名, 位, and 人次 for visits), firms and
households (家, 户: reports count market entities in either), weights, lengths, areas. 个 is the
general classifier of Chinese and stands in for any counter. Money needs no group: figures in
元, 万元 and 亿元 are all read in 元.
"""

from __future__ import annotations

GENERAL_CLASSIFIER = "个"
DIMENSIONS = (
    frozenset({"人", "名", "位", "人次"}),
    frozenset({"家", "户"}),
    frozenset({"克", "公斤", "吨"}),
    frozenset({"米", "公里"}),
    frozenset({"平方米", "平方公里", "公顷", "亩"}),
)


def same_kind(asked: str, given: str) -> bool:
    """Whether a figure in unit ``given`` can answer a question that counts in unit ``asked``.

    An empty unit on either side (多少万, a bare 3.1万) says nothing and fits.
    """
    if not asked or not given or asked == given or GENERAL_CLASSIFIER in (asked, given):
        return True
    return any(asked in group and given in group for group in DIMENSIONS)

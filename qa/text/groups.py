"""“N大X”: the N big X, a count of X written without a measure word (三大运营商, 五大机制, 六大产业).

Reports name a closed group by its size and 大 (“the three big operators”); a claim may count the
same group with a measure word (三家基础电信运营商, 五个机制). :func:`group_counts` reads those sizes
as counts in 个, the general classifier. Only where jieba reads 大 (or N大) as its own word: 五大道 (五 +
大道, a street) is a name, not a count; 一大批 is one word of amount.
"""

from __future__ import annotations

from qa.text.quantities import Quantity
from qa.text.tokenize import pos_tags

__all__ = ["group_counts"]

NUMERALS = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}


def group_counts(text: str) -> list[Quantity]:
    """The group sizes of ``text`` (三大运营商 -> 3 个), each spanning its numeral and 大."""
    out, at, words = [], 0, pos_tags(text)
    for k, (word, _) in enumerate(words):
        start, at = at, at + len(word)
        if len(word) == 2 and word[1] == "大":  # 五大 机制
            numeral, begin = word[0], start
        elif word == "大" and k > 0 and len(words[k - 1][0]) == 1:  # 三 大 运营商
            numeral, begin = words[k - 1][0], start - 1
        else:
            continue
        followed_by_noun = k + 1 < len(words) and words[k + 1][1].startswith("n")
        if NUMERALS.get(numeral, 0) > 1 and followed_by_noun:
            out.append(Quantity(float(NUMERALS[numeral]), "个", None, text[begin:at], begin, at))
    return out

"""Administrative places named in Chinese text (河西区, 天津市, 静海区): the one place-name reader.

The no-answer check and the fact checker both ask whether a text is about a place other than the
ones a report covers; both read the places here.
"""

from __future__ import annotations

import re

from qa.text.tokenize import pos_tags

LEADING_TIME = re.compile(r"^(?:[0-9]{4}年度?|去年|今年|明年|截至|截止|[,，、 ])*")
LEADING_PLACE = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:新区|区|县)")


def places(text: str) -> list[str]:
    """Administrative places (…区, …县, …市, …省) named in ``text``, in order.

    Proper names the segmenter recognises, a place name followed by 区/县/市/省, and a name ending
    in 区/县 that opens the sentence (静海区新增…), where the actor of a statement stands.
    """
    words = pos_tags(text)
    found = []
    for k, (word, flag) in enumerate(words):
        if flag in ("ns", "nt", "nr", "nz") and len(word) >= 2 and word[-1] in "区县市省":
            found.append(word)
        elif flag == "ns" and k + 1 < len(words) and words[k + 1][0] in ("区", "县", "市", "省", "新区"):
            found.append(word + words[k + 1][0])
    lead = LEADING_PLACE.match(text, LEADING_TIME.match(text).end())
    # A leading guess that only adds a character to a place the segmenter found (住和平区, 对和平区)
    # is that place with a verb or preposition before it.
    if lead and not any(lead.group().endswith(place) and lead.group() != place for place in found):
        found.insert(0, lead.group())
    return list(dict.fromkeys(found))

"""Where: whether a question asks a place or an address, and whether a span gives one.

A district's report says where things are by place names (五大道, 南市街), roads and house numbers, a
locative phrase (嵌入到社区养老院中) or premises counted by their kind (8家药店); it never says where the
district itself is. Used by :mod:`qa.answering.answer_types`.
"""

from __future__ import annotations

import re

from qa.text.tokenize import pos_tags

# An address asked outright (哪条路, 地址, 什么位置), or where a thing named before 在哪 stands (体验馆
# 在哪里). A 哪里 inside a question (区里在哪里建了…) is answered by an area, a venue or a body as often
# as by an address: any answer will do for it.
PLACE_ASKED = re.compile(
    r"(?:什么|哪个|具体)(?:位置|地方|地点)|\bwhere\b|在哪(?:里|儿)?$|哪(?:个|家|座)?(?:会场|会堂|礼堂|场馆|宾馆|酒店)|"
    # where an event is held (在哪儿开的, 在哪里举行)
    r"在哪(?:里|儿)?(?:开|举行|举办|召开)|"
    # but 哪里 / 哪儿 after a verb of motion or placing (去哪里游学, 嵌到哪里去, 从哪儿到哪儿, 设在哪里) asks where
    # a thing goes or is put
    r"(?:去|到|从|设在|建在|开在|位于|放在)哪(?:里|儿)|"
    # which of the district's parts (在哪个街道, 开在哪个社区): a place within it
    r"在哪个(?:街道|社区|小区)"
)
# Which of the district's parts is asked (在哪个街道), and how the names of that kind end (南市街, 新兴街社区,
# 崇仁里): the answer names one.
PART_ASKED = re.compile(r"在哪个(?P<kind>街道|社区|小区)")
PART_NAME_ENDS = {"街道": ("街", "街道"), "社区": ("社区",), "小区": ("小区", "里")}
# A place said as where a thing goes or is: 到 / 在 / 于 a noun phrase ending in a word of position
# (嵌入到社区养老院中, 在各街道内).
LOCATIVE = re.compile(r"(?:到|在|于)[\u4e00-\u9fff]{2,12}?(?:中|里|内|上)(?![\u4e00-\u9fff]{0,1}[0-9])")
# The country (中国特色社会主义, 全国首批) locates nothing within a district.
COUNTRY_WORDS = frozenset({"中国", "我国", "全国", "中华"})
# Premises counted by their kind (选取8家药店, 在5个小区): where, said of several places at once.
PREMISES = re.compile(
    r"[0-9一二两三四五六七八九十百]+[家个所座处][\u4e00-\u9fff]{0,6}?(?:店|商场|超市|市场|馆|院|站|中心|社区|街道|小区)"
)
# A venue asked (在哪个会堂开的) is named by a word for a hall or a building (人民会堂, 会展中心).
VENUE_ASKED = re.compile(r"会场|会堂|礼堂|场馆|宾馆|酒店")
VENUE = re.compile(r"[\u4e00-\u9fff]{2,}(?:会堂|礼堂|大厅|会场|场馆|宾馆|酒店|大厦|会展中心|会议中心)")
# A street address asked (哪条路, 地址, 门牌).
ADDRESS_ASKED = re.compile(r"哪条[路街]|地址|门牌|哪个路口|\baddress\b")
# An address: a road or street name (滨江道 is a road too, but 道 ends too many other words), a number.
# A road, or a house number; a number after the year of a document's number (和平政〔2020〕1号) is that
# document's.
ADDRESS = re.compile(r"[\u4e00-\u9fff]{2,4}(?:路|大街)|(?<![〕\]0-9])[0-9]{1,4}号")


def gives_address(span: str, question: str = "") -> bool:
    """Whether ``span`` names a road or a house number. A common noun ending in 路 (线路, 道路, 思路)
    is no road: jieba reads it as one word that is not a place name; a road the ``question`` names
    itself (新疆路社区具体地址在哪) is the name of what it asks about, not its address."""
    for match in ADDRESS.finditer(span):
        if match.group() in question:
            continue
        last, flag = pos_tags(match.group())[-1]
        if match.group().endswith("号") or last in ("路", "大街") or flag == "ns":
            return True
    return False


def _part_named_in(span: str, question: str, ends: tuple[str, ...]) -> bool:
    """Whether ``span`` names a part of the district of the kind whose names end in ``ends``, one the
    question does not: a word ending so (新兴街社区), or a noun or place name the tagger cut before it
    (南市 | 街); not a count of them (首家 | 街道)."""
    words = pos_tags(span)
    for (before, tag), (word, _) in zip([("", "x"), *words], words):
        whole = before + word if word in ends else word
        named = (word in ends and len(before) >= 2 and tag.startswith("n")) or (len(word) > 2 and word.endswith(ends))
        if named and whole not in question:
            return True
    return False


def place_given(span: str, question: str) -> bool:
    """Whether ``span`` says where the thing ``question`` asks about is: a place name other than the
    question's own, an address, a locative phrase, premises counted by their kind; of a part of the
    district asked (在哪个街道), a name of that kind; of a venue asked, a hall or a building."""
    if part := PART_ASKED.search(question):
        return _part_named_in(span, question, PART_NAME_ENDS[part["kind"]])
    if VENUE_ASKED.search(question):
        return bool(VENUE.search(span)) or gives_address(span)
    # A place the question names itself (和平区) does not say where in it, nor does the country (中国特色).
    named = any(f == "ns" and w not in question and w not in COUNTRY_WORDS for w, f in pos_tags(span))
    # Premises of the very kind asked about (建成1处全域旅游集散中心 for where that 中心 is) count it, not place it.
    premises = any(m.group()[-2:] not in question for m in PREMISES.finditer(span))
    return named or gives_address(span) or bool(LOCATIVE.search(span)) or premises

"""Members of a named list: does “六稳” include 稳外资, is 开放合作高地 one of the “五个高地”?

Government reports name lists by a count and a shared character or word (“六稳”, “五个高地”, “五进”,
“三全”) and spell them out once, usually in a note: “六稳”即稳就业、稳金融、…;“五个高地”:创新发展高地、…
A claim about such a list (“六稳”里包括稳外资, “五进”包括进家庭, “三全”指全员、全程、全方位) is judged
against that spelled-out list:

* every member the claim names is in the list → supported;
* a member is not in the list, and the list is closed (its count, read from the name, equals the
  number of members spelled out, and it does not end in 等) → contradicted;
* otherwise (an open list, or no definition found) the ordinary wording check decides.

A member is in the list when it is one of its members, or one contains the other (稳外资 / 外资).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.factcheck.claims import JOINING
from qa.factcheck.claims import PUNCT as _PUNCT
from qa.factcheck.wording import list_items

# A list name: a quoted term starting with a count (“六稳”, “五个高地”), or an unquoted count word + 大/个 + noun.
_COUNT = "[一二两三四五六七八九十]+"
_NAME = rf"[“\"](?P<qname>{_COUNT}[^”\"]{{1,6}})[”\"]|(?P<name>{_COUNT}[大个项][\u4e00-\u9fff]{{1,4}})"
# The claim says the list holds these members: 包括, 之一是, 有一项是, or spells it out: 指, 是, 即.
_CLAIM = re.compile(
    rf"(?:{_NAME})(?:里|中|当中)?(?P<verb>包括|包含|含有|含|之一是|中有一项是|有一项是|指的是|指|即|是)(?P<members>[^。!?；;]+)"
)
_SPELLS_OUT = frozenset({"指的是", "指", "即", "是"})
_COUNTS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
_LAST_JOIN = re.compile(rf"(.+)(?:{JOINING.pattern})(.+)$")  # the last member follows 和 (not the 和 of 和平)


@dataclass(frozen=True)
class ListClaim:
    """A claim that names members of a counted list."""

    name: str  # 六稳, 五个高地
    count: int | None  # the count the name gives
    members: tuple[str, ...]
    complete: bool  # the claim spells the whole list out (指/是/即)


@dataclass(frozen=True)
class ListFinding:
    """What the report's list says of the claimed members."""

    outcome: str  # "supported" or "contradicted"
    missing: tuple[str, ...]
    listed: tuple[str, ...]
    at: int  # where the list's definition starts in the searched text


def read_list_claim(claim: str) -> ListClaim | None:
    """The list a claim names and the members it gives, or None when it names no counted list."""
    m = _CLAIM.search(claim)
    if not m:
        return None
    name = m["qname"] or m["name"]
    members = tuple(x for x in (_PUNCT.sub("", p) for p in _members(m["members"])) if x)
    if not members:
        return None
    return ListClaim(name, _count(name), members, m["verb"] in _SPELLS_OUT)


def _members(text: str) -> list[str]:
    """Members written with 、 and the last after 和/与/及 (国际金融中心、和平印象城和滨江道)."""
    parts = text.split("、")
    joined = _LAST_JOIN.match(parts[-1])
    return parts[:-1] + ([joined[1], joined[2]] if joined else [parts[-1]])


def _count(name: str) -> int | None:
    digits = re.match(r"[一二两三四五六七八九十]+", name)[0]
    if len(digits) == 1:
        return _COUNTS[digits]
    if digits.startswith("十") and len(digits) == 2:
        return 10 + _COUNTS[digits[1]]
    return None


def find_list(name: str, text: str) -> tuple[int, list[str], bool] | None:
    """The report's spelled-out list for ``name``: (where, members, ends in 等); None if not defined.

    A definition is the name, quoted or not, then 即 / : / 指 / 是 and a list written with 、 (“六稳”即
    稳就业、稳金融、…), or a list written with 、 right before the quoted name (实施劳动就业、…、企业订单“四个撮合”).
    """
    quoted = rf"[“\"]?{re.escape(name)}[”\"]?"
    after = re.compile(rf"{quoted}\s*(?:[::]|即|指|是|包括)\s*(?:即|指)?(?P<body>[^“;;。][^;;。]*)")
    before = re.compile(rf"(?P<body>[^,,;;。::”]+)[“\"]{re.escape(name)}[”\"]")
    for pattern in (after, before):
        for m in pattern.finditer(text):
            items = list_items(m["body"])
            if len(items) >= 2:
                return m.start(), items, bool(re.search(r"等[^、]{0,6}$", m["body"]))
    return None


def judge(claim: ListClaim, text: str) -> ListFinding | None:
    """Supported or contradicted by the report's list (rules in the module docstring); None when the
    report does not spell the list out or cannot settle the claim."""
    found = find_list(claim.name, text)
    if found is None:
        return None
    at, items, open_ended = found
    missing = tuple(m for m in claim.members if not any(m in i or i in m for i in items))
    closed = not open_ended and claim.count == len(items)
    if not missing and (not claim.complete or len(claim.members) == len(items) or not closed):
        return ListFinding("supported", (), tuple(items), at)
    if missing and closed:
        return ListFinding("contradicted", missing, tuple(items), at)
    return None

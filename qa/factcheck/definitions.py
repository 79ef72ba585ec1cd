"""Claims that say what a quoted name means: “瞪羚”企业指的是…的初创企业.

Reports define the names they coin in pairs and lists (“雏鹰”即…初创企业;“瞪羚”即…创新型企业). A claim
that gives one name the meaning the report gives another swaps them: the words of the meaning are all
in the report, so a search for them finds the right sentence and calls the claim supported.
:func:`read_definition_claim` reads the name and the meaning a claim gives it; :func:`defined_name`
the name a report sentence gives that meaning to. Only general Chinese usage of definitions (“X”即…,
“X”是指…, “X”:…) is written down here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.text.quotes import letters_only

__all__ = ["DefinitionClaim", "defined_name", "number_finding", "other_title", "read_definition_claim", "same_number"]

CLAIM = re.compile(r"^“(?P<name>[^”]{2,20})”[\u4e00-\u9fff]{0,4}?(?:指的是|是指|即|就是|指)(?P<meaning>[^。;；]{6,})[。.]?$")
# “X”即… / “X”是指… / “X”:… up to the end of its clause group (the next ; or 。). A meaning that opens
# with another quoted name (“雏鹰”、“瞪羚”:“雏鹰”即…) is a heading before the definitions, not one.
# A note writes its term unquoted after its number (6.和平科六条:即《…》).
DEFINES = re.compile(
    r"(?:“(?P<name>[^”]{2,20})”|(?:^|(?<=[0-9]\.))(?P<term>[^“”:：,，。;；.]{2,20}?)(?=[:：]))"
    r"(?=(?:[:：]|即|是指|指的是)(?P<meaning>[^;；。]+))",
    re.MULTILINE,
)
TITLE = re.compile(r"《[^》]+》")
# A document number (津政办发〔2020〕1号) and a claim giving a name's: “惠企21条”的文号是….
DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,8}[〔\[(（]\d{4}[〕\])）]\d+号")
NUMBER_CLAIM = re.compile(r"“(?P<name>[^”]{2,20})”[^,，。]{0,8}?(?:文号|发文字号|文件编号)(?:是|为)")
# The share of the claim's meaning (in character bigrams) a report's meaning must hold to be the same.
SAME_MEANING = 0.8


@dataclass(frozen=True)
class DefinitionClaim:
    name: str  # the quoted name (瞪羚)
    meaning: str  # what the claim says it means


def read_definition_claim(text: str) -> DefinitionClaim | None:
    """The name and meaning of a claim “X”(…)指的是/即/是指 <meaning>, or None."""
    m = CLAIM.match(text.strip())
    return DefinitionClaim(m["name"], m["meaning"]) if m else None


def defined_name(claim: DefinitionClaim, text: str) -> tuple[str, int] | None:
    """The name a report ``text`` gives the claim's meaning to, and where, or None when it gives it to
    none (a meaning is the same when the report's holds most of the claim's character bigrams)."""
    wanted = _bigrams(claim.meaning)
    for m in DEFINES.finditer(text):
        if m["meaning"].lstrip(":：").startswith("“"):
            continue
        if wanted and len(wanted & _bigrams(m["meaning"])) / len(wanted) >= SAME_MEANING:
            return m["name"] or m["term"], m.start()
    return None


def other_title(claim: DefinitionClaim, text: str) -> tuple[str, int] | None:
    """The 《title》 a report ``text`` gives the claim's name when the claim gives it another title
    (“和平科六条”即《…促进消费…》 where the report has 即《…推动科技创新…》), and where, or None. Two
    titles are two documents; a meaning in other words may be a paraphrase, a title may not."""
    claimed = TITLE.search(claim.meaning)
    if not claimed:
        return None
    for m in DEFINES.finditer(text):
        reported = TITLE.search(m["meaning"])
        if (m["name"] or m["term"]) == claim.name and reported and letters_only(reported[0]) != letters_only(claimed[0]):
            return reported[0], m.start()
    return None


def number_finding(text: str, report: str) -> tuple[str, str, int] | None:
    """For a claim giving a quoted name's document number (“27条”的文号是津政办发〔2020〕1号): the number
    it gives, the number the report's definition of that name gives, and where; None when the claim
    gives none or the report defines the name without one."""
    claim = NUMBER_CLAIM.search(text)
    claimed = DOCUMENT_NUMBER.search(text, claim.end()) if claim else None
    if not claimed:
        return None
    for m in DEFINES.finditer(report):
        number = DOCUMENT_NUMBER.search(m["meaning"])
        if (m["name"] or m["term"]) == claim["name"] and number:
            return claimed[0], number[0], m.start()
    return None


def same_number(a: str, b: str) -> bool:
    """Two document numbers written alike but for their brackets."""
    return letters_only(a) == letters_only(b)


def _bigrams(text: str) -> set[str]:
    letters = letters_only(text)
    return {letters[i : i + 2] for i in range(len(letters) - 1)}

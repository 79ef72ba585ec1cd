"""Claims that put a named member in a kind of thing: X是…的金融机构之一, X属于科技型企业.

Reports name examples before the kind they belong to: 引进中环系统工程、跟谁学教育科技等154家科技型企业. A claim
that calls 跟谁学教育科技 a 金融机构 puts the member in another kind than the report does.
:func:`read_category_claim` reads the member and the kind the claim names; :func:`report_kind` the kind
the report names after 等 for that member. Two kinds that differ (neither holds the other, and they are
not synonyms) contradict. Only general Chinese usage (X是…之一, X属于…, …等N家<kind>) is written down here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.text.synonyms import same_meaning
from qa.text.tokenize import pos_tags

__all__ = ["CategoryClaim", "differs", "read_category_claim", "report_kind"]

CLAIM = re.compile(r"^(?P<member>[^,，。;；:：是]{3,20}?)(?:是|属于)(?P<rest>[^,，。;；]+?)(?:之一)?[。.!！]?$")
CLAUSE_END = re.compile(r"[,，。;；:：]")
NOUN_TAGS = ("n", "vn", "nz", "nt")


@dataclass(frozen=True)
class CategoryClaim:
    member: str  # the named member (跟谁学教育科技)
    kind: str  # the kind the claim puts it in (金融机构)


def read_category_claim(text: str) -> CategoryClaim | None:
    """The member and kind of a claim X是…的<kind>之一 / X属于<kind>, or None."""
    m = CLAIM.match(text.strip())
    if not m:
        return None
    kind = _trailing_nouns(m.group("rest"))
    return CategoryClaim(m.group("member").strip(), kind) if len(kind) >= 2 else None


def report_kind(member: str, sentence: str) -> str | None:
    """The kind a report sentence names for ``member`` when it lists it before 等 (…X等154家科技型企业)."""
    at = sentence.find(member)
    if at == -1:
        return None
    end = CLAUSE_END.search(sentence, at)
    after = sentence[at + len(member) : end.start() if end else len(sentence)]
    if "等" not in after:
        return None
    kind = []
    for word, tag in pos_tags(after[after.index("等") + 1 :]):
        if tag.startswith(NOUN_TAGS):
            kind.append(word)
        elif kind or tag != "m":  # figures and measure words (154家) may stand before the kind
            break
    return "".join(kind) or None


def differs(claimed: str, reported: str) -> bool:
    """Two kinds that name different things: neither holds the other, and they are not synonyms."""
    return not (claimed in reported or reported in claimed or same_meaning(claimed, reported))


def _trailing_nouns(text: str) -> str:
    """The nouns that end ``text`` (2020年在和平区落地的金融机构 -> 金融机构)."""
    words = []
    for word, tag in reversed(pos_tags(text)):
        if not tag.startswith(NOUN_TAGS):
            break
        words.insert(0, word)
    return "".join(words)

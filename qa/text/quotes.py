"""Names in quotation marks, and how two spellings of a name are compared.

Chinese marks a name or a coined term with quotation marks (“智慧磐石”, “108+N”). A question or a claim
that quotes a name the report never writes is about something the report does not mention. Two
spellings are compared without their punctuation and spaces (“108+N” in the report, 108 n in a
normalised question).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["letters_only", "quoted_names", "shortened_in", "unwritten_name"]

QUOTED = re.compile(r"“([^”]+)”")
NOT_LETTER = re.compile(r"[^0-9a-z\u3400-\u9fff]+")


def letters_only(text: str) -> str:
    """``text`` without punctuation or spaces: how two spellings of a name are compared."""
    return NOT_LETTER.sub("", text)


def quoted_names(text: str) -> list[str]:
    """The names ``text`` puts in quotation marks, of two characters or more."""
    return [name for name in QUOTED.findall(text) if len(name) >= 2]


# Chinese shortens a term by keeping some of its characters in their order (“十四五” for 第十四个五年
# 规划): the characters kept stand close together, a few dropped ones between each two.
SHORTENING_GAP = 4


def shortened_in(name: str, text: str) -> bool:
    """``name`` stands in ``text`` whole or as a short form of a term there: its characters in their
    order, at most ``SHORTENING_GAP`` characters apart."""
    if name in text:
        return True
    gap = f".{{0,{SHORTENING_GAP}}}?"
    return re.search(gap.join(map(re.escape, name)), text) is not None


def unwritten_name(text: str, written: str) -> str:
    """The first name ``text`` quotes that ``written`` (a report's text) never writes, punctuation
    aside, or ""."""
    letters = _letters_of(written)
    for name in quoted_names(text):
        own = letters_only(name)
        if len(own) >= 2 and own not in letters:
            return name
    return ""


@lru_cache(maxsize=8)  # a report's text is the same object question after question
def _letters_of(written: str) -> str:
    return letters_only(written)

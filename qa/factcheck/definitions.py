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

__all__ = ["DefinitionClaim", "defined_name", "read_definition_claim"]

CLAIM = re.compile(r"^“(?P<name>[^”]{2,20})”[\u4e00-\u9fff]{0,4}?(?:指的是|是指|即|就是|指)(?P<meaning>[^。;；]{6,})[。.]?$")
# “X”即… / “X”是指… / “X”:… up to the end of its clause group (the next ; or 。). A meaning that opens
# with another quoted name (“雏鹰”、“瞪羚”:“雏鹰”即…) is a heading before the definitions, not one.
DEFINES = re.compile(r"“(?P<name>[^”]{2,20})”(?=(?:[:：]|即|是指|指的是)(?P<meaning>[^;；。]+))")
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
            return m["name"], m.start()
    return None


def _bigrams(text: str) -> set[str]:
    letters = re.sub(r"[^0-9a-z\u3400-\u9fff]", "", text)
    return {letters[i : i + 2] for i in range(len(letters) - 1)}

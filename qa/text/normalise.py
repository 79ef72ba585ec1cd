"""Normalise text for matching: Traditional → Simplified, full-width → half-width, figures, noise.

The same function is applied to passages (for indexing) and to questions, so both sides meet in
one form. Displayed text is never normalised: citations always show the source's own characters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

from qa.text.quantities import normalise_numbers_for_search

# Characters the Traditional → Simplified table leaves alone but readers type as variants.
QUOTE_VARIANTS = str.maketrans({"「": "“", "」": "”", "『": "“", "』": "”", '"': "“", "〝": "“", "〞": "”", "‘": "“", "’": "”"})
# A name in straight quotes ("十连冠", '1312' typed on a Western keyboard) opens and closes as the report's
# curly ones do; quotes around no Chinese character (English it's) are left alone.
STRAIGHT_QUOTED = re.compile(r"([\"'])([^\"'\n]{0,29}?[\u3400-\u9fff0-9][^\"'\n]{0,29}?)\1")
WHITESPACE = re.compile(r"\s+")
# Repeated punctuation and emoji-like symbols carry no meaning for search.
# "20年" / "21年" in casual speech are years, unless they count years (连续20年, 近20年, 第20年).
SHORT_YEAR = re.compile(r"(?<![0-9连近多第满逾超达共约])(1[5-9]|2[0-9])年(?![代底初])")
NOISE = re.compile(r"[!?。！？~～…·•*#@$^&_=+|\\/<>\[\]{}]+")


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert Traditional characters to Simplified (OpenCC ``t2s``)."""
    return _to_simplified().convert(text)


def has_traditional(text: str) -> bool:
    """True if the text changes under Traditional → Simplified conversion."""
    return to_simplified(text) != text


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Convert Simplified characters to Traditional (OpenCC ``s2t``), for display."""
    return _to_traditional().convert(text)


def _curly(match: re.Match[str]) -> str:
    inside = match.group(2)
    return f"“{inside}”" if re.search(r"[\u3400-\u9fff]", inside) or inside.isdigit() else match.group(0)


def normalise_text(text: str) -> str:
    """Unicode NFKC (full-width → half-width), Simplified characters, lower case, quotes unified."""
    text = unicodedata.normalize("NFKC", text)
    text = STRAIGHT_QUOTED.sub(_curly, text) if ('"' in text or "'" in text) else text
    text = to_simplified(text).translate(QUOTE_VARIANTS)
    return text.lower()


def normalise_for_matching(text: str) -> str:
    """``normalise_text`` plus figures written as reports write them (三点一万 → 3.1万), for both sides."""
    return normalise_numbers_for_search(normalise_text(text))


def normalise_query(question: str) -> str:
    """A question in the form passages are indexed in; casual two-digit years written out."""
    text = normalise_for_matching(question)
    text = SHORT_YEAR.sub(r"20\1年", text)
    text = NOISE.sub(" ", text)
    return WHITESPACE.sub(" ", text).strip()

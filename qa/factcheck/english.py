"""English claims, checked by their figures.

An English claim shares no word with a Chinese report, so its wording cannot be compared clause by
clause. Its figures can: :mod:`qa.text.english_figures` reads them as a report writes them, and the
passages an English question about the claim finds (the search reads English by meaning and by the
Chinese words its words translate) are looked through for one sentence that gives every figure, in a
passage that says something else the claim says. A figure counted with the general classifier (an
English noun with no Chinese counter written down) agrees with a count in any counter, where the
sentence names what it counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.text.english import english_terms
from qa.text.quantities import Quantity, compare
from qa.text.units import GENERAL_CLASSIFIER, MEASURES, PEOPLE_COUNTERS

__all__ = ["EnglishMatch", "find_figures"]

CLOSEST = 3  # passages first found, where a measured amount alone may identify a statement
WORD = re.compile(r"[a-z][a-z'-]*", re.IGNORECASE)


@dataclass(frozen=True)
class EnglishMatch:
    """A sentence (passage-relative span) of one hit that gives every figure of a claim."""

    hit_index: int
    sentence: tuple[int, int]
    pairs: tuple[tuple[Quantity, Quantity], ...]  # (claimed, reported)


def find_figures(text: str, figures: list[Quantity], passages: list) -> EnglishMatch | None:
    """The first sentence, in the order of ``passages`` (each with ``figures``, ``sentences`` and
    ``text`` as the checker reads a passage), that gives a figure agreeing with each of ``figures`` of
    the claim ``text``, in a passage that says something else the claim says (a Chinese word of one of
    its other words) or, for amounts measured in a unit (20万平方米, 32亿元), specific enough to tell
    a statement apart, in one of the ``CLOSEST`` passages found. A figure counted in no known unit
    (1,000 hotspots) agrees only in a sentence that names what it counts, in one of the Chinese words
    the noun after it translates."""
    topic = _topic_terms(text, figures)
    measured = all(f.unit in MEASURES for f in figures)
    for index, facts in enumerate(passages):
        if not any(word in facts.text for term in topic for word in term) and not (measured and index < CLOSEST):
            continue  # the passage says nothing the claim says besides its figures
        for s, e in facts.sentences:
            inside = [f for f in facts.figures if s <= f.start < e and not f.is_year]
            pairs = [
                next((r for r in inside if _agrees(claimed, r) and _names_counted(text, claimed, facts.text[s:e])), None)
                for claimed in figures
            ]
            if all(pairs):
                return EnglishMatch(index, (s, e), tuple(zip(figures, pairs)))
    return None


def _topic_terms(text: str, figures: list[Quantity]) -> tuple[frozenset[str], ...]:
    """The Chinese words of what the claim says besides its figures and their units."""
    spans = [(f.start, f.end) for f in figures]
    rest = "".join(" " if any(s <= i < e for s, e in spans) else ch for i, ch in enumerate(text))
    return english_terms(rest)


def _names_counted(text: str, claimed: Quantity, sentence: str) -> bool:
    if claimed.unit != GENERAL_CLASSIFIER:
        return True
    following = " ".join(WORD.findall(text[claimed.end :])[:4])
    terms = english_terms(following)
    return bool(terms) and any(word in sentence for word in terms[-1] | terms[0])


def _agrees(claimed: Quantity, reported: Quantity) -> bool:
    if claimed.unit == GENERAL_CLASSIFIER and reported.unit not in MEASURES | {"%", "个百分点"}:
        claimed = replace(claimed, unit=reported.unit)
    if claimed.unit == "人" and reported.unit in PEOPLE_COUNTERS:
        claimed = replace(claimed, unit=reported.unit)
    return compare(claimed, reported).outcome == "equal"

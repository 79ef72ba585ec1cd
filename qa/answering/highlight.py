"""Pick the span of a passage that answers a question best: a sentence or clause, with its figure."""

from __future__ import annotations

from functools import lru_cache

from qa.text.normalise import normalise_text
from qa.text.quantities import SPAN_FIGURE
from qa.text.sentences import segments


# The segments of a corpus are few and asked about again and again: their grams are read once.
@lru_cache(maxsize=16384)
def _segment_grams(segment: str) -> tuple[frozenset[str], bool]:
    """The normalised characters and bigrams of a segment, and whether it gives a figure."""
    text = normalise_text(segment)
    return frozenset({text[i : i + 2] for i in range(len(text) - 1)} | set(text)), bool(SPAN_FIGURE.search(segment))


def segment_score(segment: str, query_grams: dict[str, float], wants_figure: bool) -> float:
    """Weighted share of the question's character n-grams found in the segment."""
    grams, has_figure = _segment_grams(segment)
    score = sum(weight for gram, weight in query_grams.items() if gram in grams)
    if wants_figure and has_figure:
        score *= 1.25
    return score


def best_span(
    passage_text: str,
    passage_start: int,
    query_grams: dict[str, float],
    wants_figure: bool,
) -> tuple[int, int]:
    """Source offsets ``[start, end)`` of the passage segment that best answers the question."""
    spans = segments(passage_text)
    scored = [(segment_score(passage_text[s:e], query_grams, wants_figure), -(e - s), s, e) for s, e in spans]
    _, _, start, end = max(scored)
    return passage_start + start, passage_start + end

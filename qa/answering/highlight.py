"""Pick the span of a passage that answers a question best: a sentence or clause, with its figure."""

from __future__ import annotations

from qa.text.normalise import normalise_text
from qa.text.quantities import SPAN_FIGURE
from qa.text.sentences import segments


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} | set(text)


def segment_score(segment: str, query_grams: dict[str, float], wants_figure: bool) -> float:
    """Weighted share of the question's character n-grams found in the segment."""
    grams = _bigrams(normalise_text(segment))
    score = sum(weight for gram, weight in query_grams.items() if gram in grams)
    if wants_figure and SPAN_FIGURE.search(segment):
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

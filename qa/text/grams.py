"""How rare each character and character bigram is in the report: the weights of plain matching.

Answer spans, the no-answer check and the fact checker all match text character by character and
weigh each gram by its inverse document frequency over the passages.
"""

from __future__ import annotations

import math
from collections import Counter


class GramStats:
    """Document frequencies of characters and bigrams over a list of (normalised) texts."""

    UNIGRAM_FACTOR = 0.3

    def __init__(self, texts: list[str]):
        self.df: Counter[str] = Counter()
        for text in texts:
            self.df.update({text[i : i + 2] for i in range(len(text) - 1)} | set(text))
        self.n = len(texts)

    def idf(self, gram: str) -> float:
        """IDF of a gram; 0 for one the texts never use (it can match nothing)."""
        count = self.df.get(gram, 0)
        return math.log(1 + self.n / count) if count else 0.0

    def weight(self, gram: str) -> float:
        """IDF of a gram (unseen grams count as seen once); single characters weigh less."""
        idf = math.log(1 + self.n / max(self.df.get(gram, 0), 1))
        return idf * (self.UNIGRAM_FACTOR if len(gram) == 1 else 1.0)

    def coverage(self, grams: Counter[str], text: str) -> float:
        """IDF-weighted share of ``grams`` that occur in ``text`` (0 when there are none)."""
        total = sum(self.weight(g) for g in grams)
        return sum(self.weight(g) for g in grams if g in text) / total if total else 0.0

"""Claims the report says in other words: a report stretch holding half or more of a claim that the
default model reads as saying the same (qa.factcheck.similarity.restates_alike) supports it, where such
a model can be trusted: not across a negation, a stage or a direction, nor for a claim naming a place or
body the report never writes.

:class:`Restatements` is a part of :class:`qa.factcheck.checker.FactChecker`: it uses the checker's
reading of the passages (``self.facts``, ``self.report_text``) and its model test
(``self.restates_alike``).
"""

from __future__ import annotations

from qa.factcheck.claims import Claim
from qa.factcheck.verdict import FigureResult
from qa.factcheck.wording import Wording, turns_meaning, unwritten_names
from qa.text.normalise import normalise_for_matching

__all__ = ["Restatements"]


class Restatements:
    """The reading of a claim said in other words (see the module docstring)."""

    RESTATED_COVERAGE = 0.5  # a stretch holding this much of a claim may say the rest in other words

    def _restated(self, c: Claim, words: Wording) -> bool:
        """The report stretch holding half or more of the claim says it in other words, as the model
        reads the two (老商圈要重新聚起人气…还得花些时间 / 老牌商圈聚人气、塑活力仍需时间)."""
        if not words.hit or words.coverage < self.RESTATED_COVERAGE:
            return False
        start = words.hit.passage.start
        return self._restates(c, words.hit.passage.text[words.span[0] - start : words.span[1] - start])

    def _restates(self, c: Claim, stretch: str) -> bool:
        """``stretch`` says the claim in other words as the model reads the two, where such a model can be
        trusted: not across a negation, a stage or a direction, nor for a claim naming a place or body
        the report never writes (中信集团 put among the report's 京冀项目); never with a model the threshold
        was not measured for."""
        if not self.restates_alike or turns_meaning(c.matching, normalise_for_matching(stretch)):
            return False
        if unwritten_names(c.matching, self.report_text):
            return False
        return self.restates_alike(c.text, stretch)

    def _figure_restated(self, c: Claim, r: FigureResult) -> bool:
        """The report sentence giving a claimed figure says the rest of the claim in other words (see
        :meth:`_restated`)."""
        facts = self.facts[r.same.hit.passage.id]
        s, e = facts.sentence_of(r.same.figure.start)
        return self._restates(c, facts.passage.text[s:e])

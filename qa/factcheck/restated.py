"""Claims the report says in other words: a report stretch holding half or more of a claim that the
default model reads as saying the same (qa.factcheck.similarity.restates_alike) supports it, where such
a model can be trusted: not across a negation, a stage or a direction, nor for a claim naming a place or
body the report never writes.

:class:`Restatements` is a part of :class:`qa.factcheck.checker.FactChecker`: it uses the checker's
reading of the passages (``self.facts``, ``self.report_text``) and its model test
(``self.restates_alike``).
"""

from __future__ import annotations

from qa.factcheck.claims import Claim, ClaimFigure
from qa.factcheck.verdict import FigureMatch, FigureOutcome, FigureResult
from qa.factcheck.wording import Conflict, Wording, diffable, rival_names, turns_meaning, unwritten_names
from qa.text.normalise import normalise_for_matching

__all__ = ["Restatements"]


class Restatements:
    """The reading of a claim said in other words (see the module docstring)."""

    RESTATED_COVERAGE = 0.5  # a stretch holding this much of a claim may say the rest in other words
    # A report figure of the claimed value whose words match this much (under half of what makes two figures
    # count one thing, FactChecker.FIGURE_MATCH) may be the claimed one said in other words. Tune accuracy
    # is the same from 0.1 to 0.2 and one claim lower at 0.3; the top of that plateau is taken.
    RESTATED_FIGURE_MATCH = 0.2

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
        if unwritten_names(c.matching, self.report_text) or self._rival_name(c, stretch):
            return False
        return self.restates_alike(c.text, stretch)

    def _restated_but_for_a_name(self, c: Claim, words: Wording) -> Conflict | None:
        """A name of the claim standing where the stretch holding half or more of it has another of its
        kind (社区卫生服务中心 / 老年日间照料中心), the rest said in other words: the claim names another
        thing, however alike the two read. None otherwise."""
        if not self.restates_alike or not words.hit or words.coverage < self.RESTATED_COVERAGE:
            return None
        start = words.hit.passage.start
        stretch = words.hit.passage.text[words.span[0] - start : words.span[1] - start]
        rival = self._rival_name(c, stretch)
        if not rival or turns_meaning(c.matching, normalise_for_matching(stretch)):
            return None
        return rival if self.restates_alike(c.text, stretch) else None

    @staticmethod
    def _rival_name(c: Claim, stretch: str) -> Conflict | None:
        found = rival_names(diffable(c.matching), diffable(normalise_for_matching(stretch)))
        return found[0] if found else None

    def _figure_restated(self, c: Claim, r: FigureResult) -> bool:
        """The report sentence giving a claimed figure says the rest of the claim in other words (see
        :meth:`_restated`)."""
        facts = self.facts[r.same.hit.passage.id]
        s, e = facts.sentence_of(r.same.figure.start)
        return self._restates(c, facts.passage.text[s:e])

    def _figure_restated_at(self, c: Claim, f: ClaimFigure, matches: list[FigureMatch]) -> FigureResult | None:
        """The claimed figure where the report writes the same value, in its part, in a sentence that says
        the claim in other words (平均不超过60天 / 平均时间力争压缩至60天以内): the words around a figure
        may all be said otherwise (从拿地到领施工许可 / 从获得土地到取得施工许可证), so that they match too
        little to count; the model's reading of the whole sentence stands in for them. None otherwise."""
        other_part = f.period.other if f.period else None
        alike = [
            m
            for m in matches
            if m.same_value and m.comparison.outcome == FigureOutcome.EQUAL and m.part != other_part
            and m.context >= self.RESTATED_FIGURE_MATCH
        ]
        best = max(alike, key=lambda m: m.context, default=None)
        if best is None:
            return None
        facts = self.facts[best.hit.passage.id]
        s, e = facts.sentence_of(best.figure.start)
        return FigureResult(f, FigureOutcome.EQUAL, best) if self._restates(c, facts.passage.text[s:e]) else None

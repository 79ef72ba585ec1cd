"""Claims relating two or more report figures instead of quoting one (A比B多两成, 是…的2.6倍,
A和B加起来有八十多个): each side's figure is found in the report and the relation computed from them
(:mod:`qa.factcheck.relations` reads and computes it).

:class:`RelatedFigures` is a part of :class:`qa.factcheck.checker.FactChecker`: it uses the checker's
scoring of report figures (``self._scored``), its reading of the passages (``self.facts``) and its
way of stating a verdict (``self._verdict``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from qa.answering.results import Hit
from qa.documents.passages import Part
from qa.documents.scope import years_named
from qa.factcheck.claims import Claim, ClaimFigure, figure_context, in_common_unit, read_claim, without_time_cues
from qa.factcheck.counted import counted_noun
from qa.factcheck.relations import SUM, Relation, read_relation, relate
from qa.factcheck.verdict import FigureMatch, Verdict, VerdictKind, figure_hits, relation_reason, relation_row
from qa.text.quantities import Comparison, Quantity, canonical_unit
from qa.text.units import counts_things

__all__ = ["RelatedFigures"]


class RelatedFigures:
    """The check of claims relating report figures (see the module docstring)."""

    def _check_relation(self, c: Claim, searcher, hits: list[Hit]) -> Verdict | None:
        """A claim relating two report figures (A比B多两成, 翻两番, 低4个百分点, 是…的2.6倍), judged by
        computing the relation from the two figures; None when the claim relates none or the report
        lacks either figure (the steps after decide then)."""
        relation = read_relation(c.matching)
        if relation is None:
            return None
        time = searcher.newest_time()
        left = read_claim(relation.left, self.subject, time)
        shared = without_time_cues(relation.left) if relation.elided else ""
        right = read_claim(shared + relation.right, self.subject, time)
        right_period = read_claim(relation.right, self.subject, time).period or left.period
        years = [years_named(side) for side in (relation.left, relation.right)]
        if relation.elided and right_period == left.period and not (all(years) and years[0] != years[1]):
            return None  # 比去年增长15%: one figure's change, which the report states as such
        # A sum of more than two lists the first ones with 、 (文化场馆、街道和社区…加起来).
        members = relation.left.split("、") if relation.kind == SUM else [relation.left]
        sides = [left] if len(members) == 1 else [read_claim(m, self.subject, time) for m in members]
        chosen: list[FigureMatch] = []
        for side, period in [*((s, s.period or left.period) for s in sides), (right, right_period)]:
            match = self._side_figure(side, period, hits, relation, exclude=chosen)
            if match is None:
                return None
            chosen.append(match)
        a, b, *more = chosen
        common = [in_common_unit(a.figure, m.figure) or _as_counts(a.figure, m.figure) for m in chosen[1:]]
        if None in common:
            return None
        outcome, computed = relate(relation, common[0][0], *(pair[1] for pair in common))
        said = relation_reason(relation, a, b, computed, outcome, tuple(more))
        kind = {"equal": VerdictKind.SUPPORTED, "different": VerdictKind.CONTRADICTED}.get(outcome, VerdictKind.NOT_FOUND)
        row = relation_row(relation, a, b, computed, outcome, tuple(more))
        return self._verdict(c, kind, said, figure_hits(chosen), [row])

    def _side_figure(self, side: Claim, period, hits: list[Hit], relation: Relation, exclude: Sequence[FigureMatch] = ()):
        """The report figure one side of a relation names: the best match in its part, none of ``exclude``
        (the figures of the sides before)."""
        end = len(side.matching)
        # The second figure must compare with the first, and one measure is kept in one unit (内资 in 亿元
        # beside 外资 in 美元): the same unit breaks a tie.
        unit = exclude[0].figure if exclude else Quantity(0.0, relation.unit, None, "", end, end)
        place = ClaimFigure(unit, (end, end), (0, end), period)
        allowed = set(Part) - {period.other if period else None}
        # A side naming a year the report gives this thing year by year for means that year's figure
        # (2022年的政府投资 / 2021—2023…分别为8.7亿元、7.6亿元、4.7亿元), as a single figure does.
        years = years_named(side.matching)
        best, best_key = None, 0.0
        # Counts of two kinds of thing compare as numbers, each counted by its own word (防护服2230套 and
        # 额温枪1882支: 多三百多).
        also = (lambda r: counts_things(r.unit) or None) if counts_things(unit.unit) else (lambda r: None)
        for hit, r, score in self._scored([figure_context(side, place, self.stats)], hits, also, unit, years):
            if hit.passage.part_kind not in allowed or score < self.FIGURE_MATCH:
                continue
            if any(x.hit.passage.id == hit.passage.id and x.figure.start == r.start for x in exclude):
                continue
            dated = self.facts[hit.passage.id].years.get(r.start) in years
            key = score + 0.01 * (canonical_unit(r.unit) == canonical_unit(unit.unit)) + dated
            if key > best_key:
                best, best_key = FigureMatch(hit, r, score, Comparison("equal", ""), r.value, r.value), key
        return self._named_count(best, side, exclude) if best else None

    def _named_count(self, best: FigureMatch, side: Claim, exclude: Sequence[FigureMatch]) -> FigureMatch:
        """What a report count counts stands right after it (7个示范中心站、3个标杆站): where the best count
        counts a thing the side does not name, the count of its sentence that counts one it names is meant,
        whatever words the list's first member shares with the side."""
        facts = self.facts[best.hit.passage.id]
        if (own := counted_noun(facts.text, best.figure.end)) and own in side.matching:
            return best
        s, e = facts.sentence_of(best.figure.start)
        for r in facts.figures:
            noun = counted_noun(facts.text, r.end)
            taken = any(x.hit.passage.id == best.hit.passage.id and x.figure.start == r.start for x in exclude)
            # The second side's figure must compare with the first's.
            fits = not exclude or in_common_unit(exclude[0].figure, r) or _as_counts(exclude[0].figure, r)
            if s <= r.start < e and len(noun) >= 2 and noun in side.matching and fits and not taken and not r.is_year:
                return replace(best, figure=r, claimed_value=r.value, reported_value=r.value)
        return best


def _as_counts(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity, str] | None:
    """Two counts of different things in one unit, to relate their numbers; None unless both count things."""
    if not (counts_things(a.unit) and counts_things(b.unit)):
        return None
    return a, replace(b, unit=a.unit), f"报告分别以“{a.unit}”“{b.unit}”计数,按数目比较"

"""The stage a claim puts a project or a body at (开工, 竣工, 验收, 投入使用 …), read against the report.

A report states each project at one stage in the clause that names it (启动五大道公园建设项目,
做好城铁广场前期工作); a long sentence lists several projects, each at its own stage. So:

* a sentence holding a claim's words but no word of the stage the claim names does not support it
  (:meth:`Stages._stage_unsaid`): what it says of the thing is not that step;
* the clause that names the claim's thing, where it names another stage, contradicts it
  (:meth:`Stages._stage_said_otherwise`): 五大道公园一期今年就能建成开放 / 启动五大道公园建设项目(一期),
  even when the sentence names the claim's stage of another project (市胸科医院…主体施工).

:class:`Stages` is a part of :class:`qa.factcheck.checker.FactChecker`: it uses the checker's reading
of the passages (``self.facts``) and its gram statistics (``self.stats``).
"""

from __future__ import annotations

from dataclasses import replace

from qa.factcheck.claims import Claim
from qa.factcheck.wording import STAGES, Conflict, Wording, stages_named, stages_said_of
from qa.text.normalise import normalise_for_matching

__all__ = ["Stages"]


class Stages:
    """The readings of the stage a claim names (see the module docstring)."""

    # The clause naming a claim's thing holds clearly more of the claim than any other clause of its
    # sentence: at least this share, and at least twice the next clause's.
    THING_CLAUSE_COVERAGE = 0.25

    def _stage_unsaid(self, c: Claim, words: Wording) -> str:
        """The stage (开工, 竣工, 验收 …) the claim puts its thing at that the sentence holding it does not
        name, or "": what the sentence says of it is not that step."""
        facts = self.facts[words.hit.passage.id]
        s, e = facts.sentence_of(words.span[0] - words.hit.passage.start)
        sentence = normalise_for_matching(facts.passage.text[s:e])
        claimed = stages_named(c.matching)
        return _stage_words(c.matching, claimed - stages_said_of(sentence, c.matching))

    def _stage_said_otherwise(self, c: Claim, words: Wording) -> tuple[Conflict, Wording] | None:
        """Where the clause of the sentence holding the claim that names the claim's thing puts that thing
        at another stage than the claim does: the difference, and that clause as the evidence; None
        otherwise."""
        claimed = stages_named(c.matching)
        if not claimed or not words.hit:
            return None
        facts = self.facts[words.hit.passage.id]
        s, e = facts.sentence_of(words.span[0] - words.hit.passage.start)
        grams = c.grams()
        inside = [i for i, (start, _) in enumerate(facts.clauses) if s <= start < e]
        scored = sorted(((self.stats.coverage(grams, facts.clause_texts[i]), i) for i in inside), reverse=True)
        if not scored or scored[0][0] < self.THING_CLAUSE_COVERAGE:
            return None
        if len(scored) > 1 and scored[1][0] * 2 > scored[0][0]:
            return None
        clause = facts.clause_texts[scored[0][1]]
        reported = stages_named(clause)
        if not reported or reported & claimed:
            return None
        start, end = facts.clauses[scored[0][1]]
        at = replace(words, span=(facts.passage.start + start, facts.passage.start + end))
        return Conflict(_stage_words(c.matching, claimed), _stage_words(clause, reported), "status"), at


def _stage_words(text: str, stages: set[int]) -> str:
    """The words of ``text`` naming ``stages``, joined with 、."""
    return "、".join(w for n in sorted(stages) for w in STAGES[n] if w in text)

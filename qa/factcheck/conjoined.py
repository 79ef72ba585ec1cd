"""Claims joining statements (…,并且…; …;…): each statement checked on its own where the report says
them apart.

A claim may put two facts of the report in one sentence (2020年和平区新增就业3.1万人,并且建成了5家养老
机构). The report says each in its own passage, so no one sentence holds the claim and the whole
is not found. A word that adds a statement after a comma (并且, 同时, 此外, 还 …) or a semicolon marks
where one statement ends; each is then checked with the words the claim opens with (when, where, and
whether done or planned: 今年和平区要…), and the verdicts combine: one contradicted statement
contradicts the claim, all supported support it, anything else leaves the verdict on the whole.
Only a claim the report does not support as a whole is split. A contradiction found for the whole
may be a statement set against the sentence of the other (城区品质有效提升,并且新建3家养老机构 lined up
with one sentence), so statements each supported support it.

:class:`Conjoined` is a part of :class:`qa.factcheck.checker.FactChecker`: it uses the checker's
judgement of one claim (``self._judge``) and the report's places (``self.subject``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.answering.intent import RELATIVE_YEAR
from qa.documents.scope import DISTRICT_WORDS
from qa.errors import QueryError
from qa.factcheck.claims import HEARSAY
from qa.factcheck.verdict import Verdict, VerdictKind

__all__ = ["Conjoined", "joined_statements"]

# Where a second statement begins: a semicolon, or a comma and a word adding a statement.
ADDING = r"(?:并且|而且|同时|此外|另外|并|还|也)"
JOIN = re.compile(rf"[；;]\s*{ADDING}?|[，,]\s*{ADDING}(?=[\u4e00-\u9fff])")
# The words a claim opens with that its joined statements share: hearsay, when, where (the report's
# places or the district said as 区里, 全区), and the mood (要 / 将 planned, 已经 done).
TIME = rf"{RELATIVE_YEAR.pattern}|20\d\d年(?:计划)?"
MOOD = r"(?:要|将|计划|已经|已)?"
SHORTEST = 6  # characters a statement needs to say something of its own


def joined_statements(claim: str, places: tuple[str, ...] = ()) -> list[str]:
    """The statements a claim joins, each with the words the claim opens with; ``[claim]`` when it
    joins none."""
    joins = list(JOIN.finditer(claim))
    if not joins:
        return [claim]
    where = "|".join([*map(re.escape, places), DISTRICT_WORDS.pattern])
    lead = re.match(rf"(?:{HEARSAY})?(?:(?:{TIME}|{where})[,，\s]*)*{MOOD}", claim).group()
    cuts = [0, *(m.start() for m in joins), len(claim)]
    ends = [0, *(m.end() for m in joins)]
    statements = []
    for k, start in enumerate(ends):
        said = claim[start : cuts[k + 1]].strip("，,;；。 ")
        statements.append((lead if k else "") + said + "。")
    if any(len(s) - (len(lead) if k else 0) < SHORTEST for k, s in enumerate(statements)):
        return [claim]
    return statements


class Conjoined:
    """The check of a claim joining statements (see the module docstring)."""

    def _check_joined(self, claim: str, searcher, whole: Verdict) -> Verdict:
        """``whole`` (the verdict on the claim as one statement), or when the report does not support it
        and the claim joins statements, the verdict the statements give together."""
        if whole.verdict == VerdictKind.SUPPORTED:
            return whole
        statements = joined_statements(claim, self.subject)
        if len(statements) < 2:
            return whole
        try:
            verdicts = [self._judge(s, searcher) for s in statements]
        except QueryError:  # a statement with nothing to check: the claim stays one
            return whole
        kinds = [v.verdict for v in verdicts]
        if VerdictKind.CONTRADICTED in kinds:
            k = kinds.index(VerdictKind.CONTRADICTED)
            return _combined(whole, verdicts[k : k + 1], f"声明的“{statements[k].rstrip('。')}”一句:")
        if all(kind == VerdictKind.SUPPORTED for kind in kinds):
            return _combined(whole, verdicts, "声明所说的几件事报告都有:")
        return whole


def _combined(whole: Verdict, deciding: list[Verdict], lead: str) -> Verdict:
    """``whole`` turned into the verdict ``deciding`` give (one for a contradiction, all for support)."""
    return replace(
        whole,
        verdict=deciding[0].verdict,
        label=deciding[0].label,
        explanation=lead + "".join(v.explanation for v in deciding),
        evidence=tuple(h for v in deciding for h in v.evidence),
        comparisons=tuple(row for v in deciding for row in v.comparisons),
    )

"""Claims of a particular form, judged by what the report says in that form: a counted list's members
(“六稳”包括…), a member's kind (X属于…), a name's meaning, title or document number (“瞪羚”指…,
“27条”的文号是…), and an English claim's figures.

:class:`ClaimForms` is a part of :class:`qa.factcheck.checker.FactChecker`: each check uses the
checker's reading of the passages (``self.facts``) and its way of stating a verdict (``self._verdict``),
and returns None when the claim is not of its form or the report cannot settle it.
"""

from __future__ import annotations

from dataclasses import replace

from qa.answering.results import Hit
from qa.answering.search import MAX_K
from qa.factcheck.categories import differs, read_category_claim, report_kind
from qa.factcheck.claims import Claim
from qa.factcheck.definitions import defined_name, number_finding, other_title, read_definition_claim, same_number
from qa.factcheck.english import find_figures
from qa.factcheck.lists import judge, read_list_claim
from qa.factcheck.verdict import Verdict, VerdictKind, part_label
from qa.text.english_figures import english_figures
from qa.text.normalise import normalise_text

__all__ = ["ClaimForms"]


class ClaimForms:
    """The checks of claims of a particular form (see the module docstring)."""

    def _check_list(self, c: Claim, hits: list[Hit]) -> Verdict | None:
        """A claim about the members of a counted list (“六稳”包括…), judged by the list the report
        spells out (:mod:`qa.factcheck.lists`); None when the claim names none or the list cannot settle it."""
        named = read_list_claim(normalise_text(c.text))
        if named is None:
            return None
        for hit in hits:
            facts = self.facts[hit.passage.id]
            finding = judge(named, facts.text)
            if finding is None:
                continue
            s, e = facts.sentence_of(finding.at)
            evidence = replace(hit, highlight=(hit.passage.start + s, hit.passage.start + e))
            listed = "、".join(finding.listed)
            if finding.outcome == "supported":
                said = f"报告所列“{named.name}”为{listed},含声明所说的{'、'.join(named.members)}。"
                return self._verdict(c, VerdictKind.SUPPORTED, said, [evidence])
            said = f"报告所列“{named.name}”为{listed}({len(finding.listed)}项),没有{'、'.join(finding.missing)}。"
            return self._verdict(c, VerdictKind.CONTRADICTED, said, [evidence])
        return None

    def _check_category(self, c: Claim, hits: list[Hit]) -> Verdict | None:
        """A claim putting a listed member in another kind than the report lists it under
        (跟谁学教育科技是…金融机构之一 / …跟谁学教育科技等154家科技型企业) is contradicted, in the kind it
        lists it under (and the part the claim's year points at) supported (:mod:`qa.factcheck.categories`);
        None when the claim is not of that form or the report lists the member under no kind."""
        placed = read_category_claim(normalise_text(c.text))
        if placed is None:
            return None
        for hit in hits:
            facts = self.facts[hit.passage.id]
            for s, e in facts.sentences:
                kind = report_kind(placed.member, facts.text[s:e])
                if kind is None:
                    continue
                evidence = replace(hit, highlight=(hit.passage.start + s, hit.passage.start + e))
                if not differs(placed.kind, kind):
                    # The member is listed under the kind the claim names, in the part its year points at.
                    if c.period not in (None, hit.passage.part_kind):
                        return None
                    said = f"报告把{placed.member}列在{kind}之中。"
                    return self._verdict(c, VerdictKind.SUPPORTED, said, [evidence])
                said = f"报告把{placed.member}列为{kind},不是{placed.kind}。"
                return self._verdict(c, VerdictKind.CONTRADICTED, said, [evidence])
        return None

    def _check_english(self, c: Claim, searcher) -> Verdict:
        """An English claim, by its figures (:mod:`qa.factcheck.english`): supported when a sentence of
        the passages found gives them all in the part the claim's year points at, contradicted when
        that sentence is of the other part, not found otherwise (its words cannot be compared)."""
        figures = english_figures(c.text)
        if not figures:
            return self._verdict(c, VerdictKind.NOT_FOUND, "英文说法只能按数字核对,这句话没有可核对的数字。")
        hits = list(searcher.ask(c.text, k=MAX_K).hits)
        found = find_figures(c.text, figures, [self.facts[h.passage.id] for h in hits])
        if found is None:
            said = f"报告中没有找到与“{'”“'.join(f.text for f in figures)}”相符的数字。"
            return self._verdict(c, VerdictKind.NOT_FOUND, said)
        hit = hits[found.hit_index]
        s, e = found.sentence
        evidence = replace(hit, highlight=(hit.passage.start + s, hit.passage.start + e))
        said = "；".join(f"“{claimed.text}”即报告的“{reported.text}”" for claimed, reported in found.pairs)
        part = hit.passage.part_kind
        if c.period and c.period.other and part in (c.period, c.period.other) and part != c.period:
            said += f",但报告中这一数字属于{part_label(hit.passage.part_label)},不是{part_label(c.period_label)}。"
            return self._verdict(c, VerdictKind.CONTRADICTED, said, [evidence])
        return self._verdict(c, VerdictKind.SUPPORTED, said + "。", [evidence])

    def _check_document_number(self, c: Claim, hits: list[Hit]) -> Verdict | None:
        """A claim giving a quoted name's document number, against the number the report's definition of
        that name gives (:func:`qa.factcheck.definitions.number_finding`); None when either gives none."""
        for hit in hits:
            facts = self.facts[hit.passage.id]
            found = number_finding(normalise_text(c.text), facts.text)
            if found is None:
                continue
            claimed, reported, at = found
            s, e = facts.sentence_of(at)
            evidence = replace(hit, highlight=(hit.passage.start + s, hit.passage.start + e))
            if same_number(claimed, reported):
                return self._verdict(c, VerdictKind.SUPPORTED, f"报告所注文号为{reported},与声明相同。", [evidence])
            return self._verdict(c, VerdictKind.CONTRADICTED, f"报告所注文号为{reported},不是{claimed}。", [evidence])
        return None

    def _check_definition(self, c: Claim, hits: list[Hit]) -> Verdict | None:
        """A claim giving a quoted name the meaning the report gives another name (“瞪羚”指…初创企业,
        where the report says “雏鹰”即…初创企业) is contradicted, one giving it the report's meaning of it
        supported (:mod:`qa.factcheck.definitions`); None when the claim is no definition, or the report
        gives its meaning to no name."""
        if numbered := self._check_document_number(c, hits):
            return numbered
        claimed = read_definition_claim(normalise_text(c.text))
        if claimed is None:
            return None
        for hit in hits:
            facts = self.facts[hit.passage.id]
            if titled := other_title(claimed, facts.text):
                s, e = facts.sentence_of(titled[1])
                evidence = replace(hit, highlight=(hit.passage.start + s, hit.passage.start + e))
                said = f"报告中“{claimed.name}”是{titled[0]}。"
                return self._verdict(c, VerdictKind.CONTRADICTED, said, [evidence])
            found = defined_name(claimed, facts.text)
            if found is None:
                continue
            name, at = found
            s, e = facts.sentence_of(at)
            evidence = replace(hit, highlight=(hit.passage.start + s, hit.passage.start + e))
            if name == claimed.name:
                return self._verdict(c, VerdictKind.SUPPORTED, f"报告对“{name}”的解释与声明相同。", [evidence])
            said = f"报告中这是“{name}”的含义,不是“{claimed.name}”的。"
            return self._verdict(c, VerdictKind.CONTRADICTED, said, [evidence])
        return None

"""Claims that quote a name (“六稳”, “智慧磐石”): the name is what the claim is about.

A name the report never writes is another thing (not found, or contradicted where the report quotes
another name in its place); a sentence that does not write the claim's name says its other words of
something else; and what the report says of one of its quoted names, said of another, contradicts.

:class:`QuotedNames` is a part of :class:`qa.factcheck.checker.FactChecker`: it uses the checker's
search for the sentence holding a claim (``self._check_words``), its reading of the passages
(``self.facts``, ``self.report_text``) and its way of stating a verdict (``self._verdict``).
"""

from __future__ import annotations

from qa.answering.results import Hit
from qa.documents.passages import Part
from qa.factcheck.claims import Claim
from qa.factcheck.verdict import Verdict, VerdictKind
from qa.factcheck.wording import Wording
from qa.text.normalise import normalise_text
from qa.text.quotes import letters_only, quoted_names, shortened_in, unwritten_name

__all__ = ["QuotedNames"]


class QuotedNames:
    """The verdicts a name the claim quotes decides (see the module docstring)."""

    def _unwritten_name_verdict(self, c: Claim, words: Wording, figured: bool = False) -> Verdict | None:
        """A claim quoting a name the report never writes: contradicted when the sentence holding most
        of the claim names another in quotes (another thing in the same place), else not found. Not
        found either when that sentence does not write a name the claim quotes (:meth:`_name_not_in_sentence`),
        unless the claim's ``figured`` (its figures placed it already)."""
        if not words.hit:
            return None
        unknown = unwritten_name(normalise_text(c.text), self.report_text)
        if not unknown:
            if figured:
                return None
            if words.coverage >= self.SUPPORT_COVERAGE and (name := self._name_not_in_sentence(c, words)):
                said = f"报告中最接近的一句(声明内容的{words.coverage:.0%})没有提到声明所说的“{name}”。"
                return self._verdict(c, VerdictKind.NOT_FOUND, said)
            return None
        start = words.hit.passage.start
        sentence = words.hit.passage.text[words.span[0] - start : words.span[1] - start]
        if others := quoted_names(normalise_text(sentence)):
            # The one standing for it is the quoted name sharing most of its characters.
            other = max(others, key=lambda name: len(set(name) & set(unknown)))
            said = f"报告中没有“{unknown}”,相应的说法是“{other}”。"
            return self._verdict(c, VerdictKind.CONTRADICTED, said, [words.evidence()])
        return self._verdict(c, VerdictKind.NOT_FOUND, f"报告中没有“{unknown}”。")

    def _quoted_name_verdict(self, c: Claim, words: Wording, hits: list[Hit], parts: set[Part]) -> Verdict | None:
        """The verdict a name the claim quotes decides: one the report never writes, or one it writes
        where another stands in what it says."""
        if unwritten := self._unwritten_name_verdict(c, words):
            return unwritten
        return self._said_of_another_name(c, hits, parts) if words.coverage < self.SUPPORT_COVERAGE else None

    def _said_of_another_name(self, c: Claim, hits: list[Hit], parts: set[Part]) -> Verdict | None:
        """A claim whose quoted name the report writes elsewhere, where a sentence says all the rest of
        it of another quoted name (扎实做好“八个一”工作 / 扎实做好“六稳”工作): contradicted. A name swapped
        for another of the same report leaves the sentence that says the claim's frame short of the
        name's weight, and the sentence writing the name short of the frame."""
        frame = c.without_quoted_names()
        if frame.content == c.content:
            return None
        other = self._check_words(frame, hits, parts)
        if other.coverage < self.SUPPORT_COVERAGE:
            return None
        said = normalise_text(other.hit.passage.text)
        rivals = [x for x in other.conflicts if x.kind == "name" and f"“{x.report_part}”" in said]
        if not rivals:
            return None
        reason = "；".join(x.explain() for x in rivals[:2])
        return self._verdict(c, VerdictKind.CONTRADICTED, f"报告与声明不一致:{reason}。", [other.evidence()])

    def _name_not_in_sentence(self, c: Claim, words: Wording) -> str:
        """A name the claim quotes that the sentence holding most of the claim does not write, or "".

        A quoted name is what the claim is about; a sentence sharing the claim's other words but not
        the name says them of something else. The sentence may write it in full where the claim shortens
        it (“十四五” for 第十四个五年规划: :func:`shortened_in`)."""
        facts = self.facts[words.hit.passage.id]
        s, e = facts.sentence_of(words.span[0] - words.hit.passage.start)
        sentence = letters_only(normalise_text(facts.passage.text[s:e]))
        names = (letters_only(n) for n in quoted_names(normalise_text(c.text)))
        return next((n for n in names if not shortened_in(n, sentence)), "")

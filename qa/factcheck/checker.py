"""Fact checking: does the report back a sentence from a draft, a speech or the news?

``FactChecker(searcher).check("2020年和平区新增就业5万人")`` returns a :class:`~qa.factcheck.verdict.Verdict`:
supported (报告支持), contradicted (与报告不符) or not found (报告未提及), with the passages that decide
it and, for figures, a side-by-side comparison.

How a claim is judged
    1. The claim is read (:mod:`qa.factcheck.claims`): its figures, each with the part of the report its time
       cue points at (a reviewed year/去年 → the review, e.g. 2020年执行情况; a planned year/今年/计划/目标
       → the plan), its content words, the places it names. A claim about a place the report never names is not found.
    2. Candidates come from the searcher's ranking of the claim: the top passages overall and the
       top ones of each part, so that a figure can be looked up in the year the claim names and in
       the other one.
    3. Figures. Each claimed figure is matched with the report figure whose surrounding words are
       most like the claim's (:func:`~qa.factcheck.claims.context_score`; units must compare) and
       the two are compared by :func:`qa.text.quantities.compare` (3.1万 = 三点一万; 万 vs 亿; 约 / 超过 /
       以上 / 余 as ranges, each stated). A different figure contradicts. The very figure given for
       the other year (a 2021 target stated as a 2020 result) contradicts too, with both passages.
       A figure no passage talks about is not found.
    4. Words (:mod:`qa.factcheck.wording`). The claim is lined up with the sentence holding most of its
       content: another count word, name, list member, stage or a negation in the same place
       contradicts; a sentence holding (nearly) all of it supports; less is not found. Wording the
       report uses only for the other year contradicts, as for figures.
    5. A claim not supported as a whole that joins statements (…,并且…) is checked statement by statement
       (:mod:`qa.factcheck.conjoined`); one that opens with a year the report does not report on
       (2019年…, 明年…) is not found unless a sentence its verdict rests on names that year.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, replace

from qa.answering.intent import RELATIVE_YEAR, RELATIVE_YEARS, detect_intent
from qa.answering.results import Hit
from qa.answering.search import MAX_K, validate_question
from qa.documents.metadata import DocumentName
from qa.documents.passages import Part, Passage
from qa.documents.scope import years_named
from qa.documents.time import documents_about, documents_covering, statement_cue
from qa.factcheck.claims import (
    HEARSAY,
    PROGRAMME_NAME,
    Claim,
    ClaimFigure,
    claim_synonyms,
    claim_verbs,
    context_score,
    counted_otherwise,
    counts_own_list,
    figure_context,
    in_common_unit,
    read_claim,
    same_digits,
    shared_out,
    validate_claim,
    with_synonyms,
    word_coverage,
)
from qa.factcheck.conjoined import Conjoined
from qa.factcheck.counted import (
    counted_noun,
    counts_another,
    examples_of_another,
    listed_members,
    named_examples,
    outside_the_list,
    same_thing_counted,
)
from qa.factcheck.forms import ClaimForms
from qa.factcheck.names import QuotedNames
from qa.factcheck.paraphrase import verb_paraphrases
from qa.factcheck.related import RelatedFigures
from qa.factcheck.respectively import respective_views, respective_years
from qa.factcheck.restated import Restatements
from qa.factcheck.similarity import restates_alike, verbs_alike
from qa.factcheck.stages import Stages
from qa.factcheck.verdict import (
    FigureMatch,
    FigureOutcome,
    FigureResult,
    Verdict,
    VerdictKind,
    comparison_rows,
    figure_hits,
    figure_reason,
    part_label,
)
from qa.factcheck.wording import (
    Conflict,
    Wording,
    conflicts,
    diffable,
    rival_names,
    rival_quoted_names,
    rival_ranks,
)
from qa.text.grams import GramStats
from qa.text.groups import group_counts
from qa.text.normalise import normalise_for_matching, normalise_query, normalise_text
from qa.text.places import places
from qa.text.quantities import Comparison, Quantity, canonical_unit, compare, extract_quantities
from qa.text.quotes import unwritten_name
from qa.text.sentences import clause_spans, sentence_spans
from qa.text.titles import whole_titles
from qa.text.tokenize import pos_tags

__all__ = ["FactChecker", "Verdict"]

EACH = re.compile("[各每]")  # a figure said of each member, not of all together


def _article(c: Claim, r: FigureResult) -> bool:
    """The claimed figure is 一 and a measure word (一支, 一个, 一批) right after a verb (组建了一支, 是一个),
    where it may be the indefinite article; not after 最后 or 第 (最后一个 is a rank)."""
    q = r.claimed.quantity
    if q.text[:1] != "一" or q.value != 1 or q.approx or len(q.text) != 2:
        return False
    before = pos_tags(c.matching[: r.claimed.span[0]])
    return bool(before) and (before[-1][1].startswith("v") or before[-1][1] == "ul")


@dataclass
class _Facts:
    """What the checker needs of one passage: its figures, sentences and clauses."""

    passage: Passage
    text: str  # normalise_text(passage.text), of the same length
    figures: list[Quantity]
    sentences: list[tuple[int, int]]
    clauses: list[tuple[int, int]]
    clause_texts: list[str]  # each clause normalised for matching
    views: dict[int, tuple[str, tuple[int, int]]]  # figures given respectively: their sentence with their own thing
    years: dict[int, int]  # figures given year by year for a range of years: their year

    @classmethod
    def of(cls, p: Passage) -> _Facts:
        text = normalise_text(p.text)
        text = text if len(text) == len(p.text) else p.text
        clauses = whole_titles(p.text, clause_spans(p.text))
        figures = sorted(extract_quantities(p.text) + group_counts(p.text), key=lambda q: q.start)
        sentences = sentence_spans(p.text)
        views, years = {}, {}
        for s, e in sentences:
            inside = [replace(f, start=f.start - s, end=f.end - s) for f in figures if s <= f.start < e]
            views |= {at + s: view for at, view in respective_views(text[s:e], inside).items()}
            years |= {at + s: year for at, year in respective_years(text[s:e], inside).items()}
        return cls(
            passage=p,
            text=text,
            figures=figures,
            sentences=sentences,
            clauses=clauses,
            clause_texts=[normalise_for_matching(p.text[s:e]) for s, e in clauses],
            views=views,
            years=years,
        )

    def first_of_years(self, figure: Quantity) -> Quantity:
        """The first of the figures given year by year that ``figure`` is one of; ``figure`` itself
        when it is given for no year of a range."""
        if figure.start not in self.years:
            return figure
        sentence = self.sentence_of(figure.start)
        run = [f for f in self.figures if f.start in self.years and self.sentence_of(f.start) == sentence]
        return min(run, key=lambda f: f.start)

    def sentence_of(self, at: int) -> tuple[int, int]:
        return next((s for s in self.sentences if s[0] <= at < s[1]), (0, len(self.text)))


# The year a claim opens with, after how it came to the speaker (听说, 据说) and the report's place: the
# year it is about. Not a year since which (2019年以来) or compared with (2019年同期).
HEARSAY_OPENING = re.compile(rf"^(?:{HEARSAY})")
OPENING_YEAR = re.compile(rf"^(?:(?P<year>(?:19|20)\d\d)年|(?P<relative>{RELATIVE_YEAR.pattern}))(?!以来|同期|相比)")


def _year_of(opening: re.Match, now: int | None) -> int | None:
    """The year a claim's opening names: written out, or said from the reader's year (前年, 明年)."""
    if opening["year"]:
        return int(opening["year"])
    return now + RELATIVE_YEARS[opening["relative"]] if now else None


class FactChecker(ClaimForms, RelatedFigures, QuotedNames, Restatements, Stages, Conjoined):
    """Checks claims against the report behind a :class:`qa.answering.search.Searcher`."""

    K = 10  # passages taken from the ranking overall
    K_PART = 5  # and from each part
    FIGURE_MATCH = 0.45  # context score from which two figures are about the same thing
    YEAR_SWAP_MATCH = 0.65  # the same figure in the other year's part must match more closely
    JOINT_MATCH = 0.35  # figures found together in one sentence, in order: each about its thing this much
    SUPPORT_COVERAGE = 0.8  # share of a claim's content a sentence must hold to support it
    FIGURE_WORDS_COVERAGE = 0.7  # the same, where the claim's figures agree (a safety net: tune claims hold 79% or more)
    CONFLICT_COVERAGE = 0.45  # a clause must match this well for its differences to count
    # A sentence the claim's clauses spread over must hold this much of the claim for a name it lacks
    # to contradict: a claim differing only in one name loses that name's weight, up to a quarter of a
    # short claim for a rare name (tune: 0.75-0.82 for one body swapped; 0.60 for an absent claim).
    RIVAL_NAME_COVERAGE = 0.7
    WINDOW = 80
    WINDOW_PER_CHAR = 4

    def __init__(self, searcher):
        self.searcher = searcher
        passages = searcher.index.passages
        self.stats = GramStats([normalise_for_matching(p.text) for p in passages])
        self.facts = {p.id: _Facts.of(p) for p in passages}
        self._values = Counter((r.value, canonical_unit(r.unit)) for f in self.facts.values() for r in f.figures)
        self.report_text = normalise_text("".join(p.doc_title + p.text for p in passages))
        titles = {normalise_text(p.doc_title) for p in passages}
        self.subject = tuple(sorted({w for t in titles for w in places(t)}, key=len, reverse=True))
        self.verbs_alike = verbs_alike(searcher.index.embedder)
        self.restates_alike = restates_alike(searcher.index.embedder)

    def check(self, claim: str) -> Verdict:
        """Judge one claim (QueryError when it is empty, too long or has nothing to search)."""
        claim = validate_question(claim, "说法")
        searcher = self._searcher_for(claim)
        verdict = self._check_joined(claim, searcher, self._judge(claim, searcher))
        return self._named(self._within_years(claim, searcher, verdict), searcher)

    def _within_years(self, claim: str, searcher, verdict: Verdict) -> Verdict:
        """``verdict``, or not found when the claim opens with a year the report does not report on
        (2019年和平区…) and no passage it rests on names that year: what the report says of its own
        years says nothing of another's. Only the year a claim opens with is its year: later ones may
        be a base compared with (比2019年) or part of a name (2035年远景目标)."""
        opening = OPENING_YEAR.match(self._without_subject(normalise_for_matching(claim)))
        year = _year_of(opening, searcher.current_year) if opening else None
        if year is None or verdict.verdict == VerdictKind.NOT_FOUND:
            return verdict
        said_where = "".join(self._sentences_of(h) for h in verdict.evidence)
        if not searcher.scope.years_outside("", said_where, frozenset({year})):
            return verdict
        covered = "、".join(str(y) for y in sorted(searcher.scope.report_years))
        said = f"报告只涉及{covered}年,没有{year}年的内容。"
        return replace(verdict, verdict=VerdictKind.NOT_FOUND, label=VerdictKind.NOT_FOUND.label, explanation=said, evidence=())

    def _sentences_of(self, hit: Hit) -> str:
        """The sentences of a hit's passage its highlight touches."""
        facts, start = self.facts[hit.passage.id], hit.passage.start
        lo, hi = hit.highlight[0] - start, hit.highlight[1] - start
        return "".join(facts.text[s:e] for s, e in facts.sentences if s < hi and lo < e)

    def _without_subject(self, text: str) -> str:
        """``text`` without the hearsay and the report's places it opens with (听说和平区…)."""
        text = HEARSAY_OPENING.sub("", text)
        for place in self.subject:
            text = text.removeprefix(place)
        return text

    def _judge(self, claim: str, searcher) -> Verdict:
        c = validate_claim(read_claim(claim, self.subject, searcher.newest_time()))
        if detect_intent(c.matching).foreign:
            return self._check_english(c, searcher)
        if strangers := self._strangers(c):
            subject = "、".join(self.subject) or "本地区"
            return self._verdict(c, VerdictKind.NOT_FOUND, f"报告是{subject}的报告,没有涉及{'、'.join(strangers)}。")
        hits = self._candidates(c, searcher)
        if listed := self._check_list(c, hits):
            return listed
        if related := self._check_relation(c, searcher, hits):
            return related
        if other_set := self._another_set(c, hits):
            return other_set
        if placed := self._check_category(c, hits):
            return placed
        if defined := self._check_definition(c, hits):
            return defined
        checked = [f for f in c.figures if not counts_own_list(c, f)]
        # 一 with a measure word is also the indefinite article (组建了一支…队伍: "a team"; 编一个五年
        # 行动计划): unless the report counts the same thing with it, it states no figure.
        results = self._check_figures(c, checked, hits)
        results = [r for r in results if not (_article(c, r) and not self._counted_alike(r))]
        return self._decide(c, hits, results)

    def restricted(self, docs: list[str] | None) -> FactChecker:
        """The same checker looking only at the documents ``docs`` (ids); all when empty."""
        other = copy.copy(self)
        other.searcher = self.searcher.restricted(docs)
        return other

    def _searcher_for(self, claim: str):
        """Among several documents, check a claim against those about the place it names, and a dated
        claim against those that report its year's results, or plan it, as its first time cue says
        (:mod:`qa.documents.time`)."""
        searcher = self.searcher
        if searcher.default_docs or len(searcher.times) < 2:
            return searcher
        text = normalise_query(PROGRAMME_NAME.sub("项目", claim))
        about = documents_about({d: r.place for d, r in searcher.index.reports.items()}, places(text))
        times = {d: searcher.times[d] for d in about}
        # 去年 / 今年 are read against the newest document about the place, as in that document's voice.
        now = max((t.current_year for t in times.values() if t.current_year), default=None)
        years = detect_intent(text).asked_years(now)
        covering = documents_covering(times, years, statement_cue(text)) if years else []
        chosen = covering or about
        return searcher.restricted(chosen) if len(chosen) < len(searcher.times) else searcher

    @staticmethod
    def _named(verdict: Verdict, searcher) -> Verdict:
        """The verdict with the documents it rests on: its evidence's, else those the claim was read against."""
        reports = searcher.index.reports
        ids = [h.passage.doc_id for h in verdict.evidence] or searcher.default_docs or list(reports)
        names = (DocumentName(d, reports[d].title, reports[d].published) for d in dict.fromkeys(ids))
        return replace(verdict, documents=tuple(names))

    def _strangers(self, c: Claim) -> list[str]:
        """Places the claim is about that the report never names (another district).

        Only places named before the report's own subject count: 和平区承接北京市… is about 和平区."""
        strangers = []
        for place in c.places:
            if place in self.subject:
                break
            if place not in self.report_text:
                strangers.append(place)
        return strangers

    def _candidates(self, c: Claim, searcher) -> list[Hit]:
        """The top passages overall and of each part, from one ranking of the claim."""
        ranked = searcher.ask(c.text, k=min(MAX_K, len(self.facts))).hits
        chosen = list(ranked[: self.K])
        for part in (Part.REVIEW, Part.PLAN, Part.NOTES):
            if part != Part.NOTES or c.notes or not c.figures:
                chosen += [h for h in ranked if h.passage.part_kind == part][: self.K_PART]
        unique: dict[str, Hit] = {}
        for hit in chosen:
            unique.setdefault(hit.passage.id, hit)
        hits = list(unique.values())
        return [h for h in hits if h.passage.part_kind == Part.NOTES] if c.notes else hits

    # ------------------------------------------------------------ figures

    def _counted_alike(self, r: FigureResult) -> bool:
        """Whether the report figure matched to a claimed one counts the same thing beyond doubt: equal, or
        in words as close as a year swap needs."""
        return r.outcome == FigureOutcome.EQUAL or (r.same is not None and r.same.context >= self.YEAR_SWAP_MATCH)

    def _check_figures(self, c: Claim, figures: list[ClaimFigure], hits: list[Hit]) -> list[FigureResult]:
        """Each claimed figure against the report figure about the same thing; figures a claim states
        together that no report figure matches well enough alone are looked for together, and one still
        not found may be said wholly in other words (``_figure_restated_at``)."""
        matches = [self._figure_matches(c, f, hits) for f in figures]
        results = [self._figure_result(f, m, self.FIGURE_MATCH) for f, m in zip(figures, matches)]
        if len(figures) > 1 and any(r.outcome == FigureOutcome.NOT_FOUND for r in results):
            together = self._found_together(figures, matches) or [None] * len(figures)
            results = [
                self._figure_result(f, [m], self.JOINT_MATCH) if m and r.outcome == FigureOutcome.NOT_FOUND else r
                for f, r, m in zip(figures, results, together)
            ]
        return [
            (self._figure_restated_at(c, f, found) or r) if r.outcome == FigureOutcome.NOT_FOUND else r
            for f, r, found in zip(figures, results, matches)
        ]

    def _found_together(self, figures: list[ClaimFigure], matches: list[list[FigureMatch]]) -> list[FigureMatch] | None:
        """One report sentence giving a figure for each claimed one, in the claim's order, each about
        its thing at least JOINT_MATCH: several figures stated together in the claim and in the
        report (在8家药店投放惠民口罩33万只 / 选取8家药店…惠民口罩销售,累计投放33万只) share their words,
        so each alone matches less well. The sentence where they match best on average; None if none."""
        by_sentence: dict[tuple[str, tuple[int, int]], list[list[FigureMatch]]] = {}
        for i, (f, found) in enumerate(zip(figures, matches)):
            other_part = f.period.other if f.period else None
            for m in found:
                if m.context >= self.JOINT_MATCH and m.part != other_part:
                    key = (m.hit.passage.id, self.facts[m.hit.passage.id].sentence_of(m.figure.start))
                    by_sentence.setdefault(key, [[] for _ in figures])[i].append(m)
        best, best_score = None, 0.0
        for candidates in by_sentence.values():
            if not all(candidates):
                continue
            chosen = [max(found, key=lambda m: m.context) for found in candidates]
            starts = [m.figure.start for m in chosen]
            if starts != sorted(set(starts)):  # distinct report figures, in the claim's order
                continue
            score = sum(m.context for m in chosen) / len(chosen)
            if score > best_score:
                best, best_score = chosen, score
        return best

    def _figure_matches(self, c: Claim, f: ClaimFigure, hits: list[Hit]) -> list[FigureMatch]:
        """Every report figure in ``hits`` that may count what ``f`` counts, with how alike their words are."""
        # The figure's own clause names what it counts; the rest of the claim may add to that.
        contexts = [figure_context(c, f, self.stats, own_clause=True), figure_context(c, f, self.stats)]
        # A claim giving figures respectively (内、外资到位额24.95亿元、5440万美元) names each one's thing
        # in its own view, as the report's clauses are read (qa.factcheck.respectively).
        if own := self._respective_context(c, f):
            contexts = [own]
        matches = []
        # A figure counted in a way the claim's cannot be brought to (户 against 人, 增长 against 占比)
        # still competes: if it is the best match, the report counts this thing otherwise, and the
        # claim is not found rather than contradicted.
        members = shared_out(c, f)
        years = years_named(c.matching)
        also = lambda r: counted_otherwise(f.quantity, r) or None  # noqa: E731
        for hit, r, score in self._scored(contexts, hits, also, f.quantity, years):
            claimed, reported, note = in_common_unit(f.quantity, r) or (f.quantity, r, "")
            text = self.facts[hit.passage.id].text
            if members and not EACH.search(text[max(0, r.start - 4) : r.start]):
                # 甲和乙各增设了1个 against 增设甲、乙2个: the report gives the total of what each got.
                claimed = replace(claimed, value=claimed.value * members, text=f"{members}×{claimed.text}")
            comparison = compare(claimed, reported)
            if note:
                comparison = Comparison(comparison.outcome, f"{comparison.explanation}({note})")
            matches.append(FigureMatch(hit, r, score, comparison, claimed.value, reported.value))
        # The claim names a year the report gives this thing's figures year by year for: the figure of
        # that year is the one it speaks of (2022年的政府投资 / 2021—2023…分别为8.7亿元、7.6亿元、4.7亿元).
        dated = [m for m in matches if self._year_of(m) in years and m.context >= self.FIGURE_MATCH]
        return dated or matches

    def _respective_context(self, c: Claim, f: ClaimFigure) -> dict[str, tuple[float, float]] | None:
        """The context of a figure the claim gives respectively for a list of things, read in the view of
        the claim with only its own thing (the claim's framing words before the list left out); None
        when the claim gives it alone."""
        lead = next((i for i, kept in enumerate(c.kept) if kept), len(c.matching))
        quantities = [replace(g.quantity, start=g.span[0] - lead, end=g.span[1] - lead) for g in c.figures if g.span[0] >= lead]
        view = respective_views(c.matching[lead:], quantities).get(f.span[0] - lead)
        if view is None:
            return None
        text, span = view
        own = read_claim(text, self.subject, self.searcher.newest_time())
        figure = next((g for g in own.figures if g.span[0] == span[0]), None)
        return figure_context(own, figure, self.stats) if figure else None

    def _year_of(self, m: FigureMatch) -> int | None:
        return self.facts[m.hit.passage.id].years.get(m.figure.start)

    def _figure_result(self, f: ClaimFigure, matches: list[FigureMatch], floor: float) -> FigureResult:
        """The report figure about the same thing as ``f`` in the claim's part (and in the other part)."""

        def best(parts: set[Part], floor: float) -> FigureMatch | None:
            # Among figures about the same thing, the claimed value (or its digits) breaks a near tie only:
            # a report figure of that value whose words stand clearly farther counts something else
            # (新增26个城市书吧、60个共享有声书吧: 60个 is not 城市书吧).
            def key(m: FigureMatch) -> float:
                return m.context + 0.04 * m.same_value + 0.02 * same_digits(m.claimed_value, m.reported_value)

            return max((m for m in matches if m.part in parts and m.context >= floor), key=key, default=None)

        other_part = f.period.other if f.period else None
        same = best(set(Part) - {other_part}, floor)
        other = best({other_part}, self.YEAR_SWAP_MATCH) if other_part else None
        if other_part and not same and not other:
            # A value the report writes only once names one thing: where the claim's own part has no
            # figure for it, that one in the other part is the claim's, if its words match at all.
            other = best({other_part}, floor)
            other = other if other and self._written_once(other.figure) else None
        if same and same.comparison.outcome == FigureOutcome.EQUAL:
            return FigureResult(f, FigureOutcome.EQUAL, same)
        swapped = other and other.comparison.outcome == FigureOutcome.EQUAL and other.same_value
        if swapped and other.figure.approx == f.quantity.approx:
            return FigureResult(f, FigureOutcome.YEAR_SWAP, same, other)
        if not same:
            return FigureResult(f, FigureOutcome.NOT_FOUND)
        return FigureResult(f, FigureOutcome(same.comparison.outcome), same)

    def _another_set(self, c: Claim, hits: list[Hit]) -> Verdict | None:
        """A claim listing all the members of a set it counts (养老机构、高层住宅和地下建筑这三类重点部位) where the
        report lists all of that set's members otherwise (公共场所、发热门诊、进口冷链食品三类重点部位):
        contradicted; None when no such set is found (:mod:`qa.factcheck.counted`)."""
        for f in (f for f in c.figures if counts_own_list(c, f)):
            claimed = listed_members(c.matching[f.clause[0] : f.span[0]])
            for hit, facts, r in self._same_counts(c, f, hits):
                s, _ = facts.sentence_of(r.start)
                start = max([s] + [g.end for g in facts.figures if s <= g.end <= r.start])
                own = listed_members(facts.text[start : r.start])
                if outside := outside_the_list(claimed, own, r.value):
                    reason = f"报告中的“{r.text}{counted_noun(facts.text, r.end)}”是{'、'.join(own)},不含{'、'.join(outside)}"
                    evidence = [replace(hit, highlight=(hit.passage.start + start, hit.passage.start + r.end))]
                    return self._verdict(c, VerdictKind.CONTRADICTED, f"报告与声明不一致:{reason}。", evidence)
        return None

    def _same_counts(self, c: Claim, f: ClaimFigure, hits: list[Hit]):
        """(hit, its facts, report figure) for each report figure in ``hits`` of ``f``'s value and unit that
        counts the thing ``f`` counts (:func:`qa.factcheck.counted.same_thing_counted`)."""
        value, after = (f.quantity.value, canonical_unit(f.quantity.unit)), c.matching[f.span[1] :]
        for hit in hits:
            facts = self.facts[hit.passage.id]
            for r in facts.figures:
                if (r.value, canonical_unit(r.unit)) == value and same_thing_counted(after, facts.text[r.end :]):
                    yield hit, facts, r

    def _count_of_another(self, c: Claim, figures: list[FigureResult]) -> tuple[FigureResult, str, str] | None:
        """A figure the claim gives to what another count of the report's sentence counts
        (:mod:`qa.factcheck.counted`): with the things the claim names and that other count; None when none is."""
        for r in figures:
            if r.outcome != FigureOutcome.EQUAL:
                continue
            facts = self.facts[r.same.hit.passage.id]
            s, e = facts.sentence_of(r.same.figure.start)
            inside = [f for f in facts.figures if s <= f.start < e]
            rest = [f for f in inside if f != r.same.figure]
            # Each count's examples stand after the count before it.
            after = {f.start: max([s] + [g.end for g in inside if g.end <= f.start]) for f in inside}
            examples = {f.start: named_examples(facts.text[after[f.start] : f.start]) for f in inside}
            claimed = named_examples(c.matching[: r.claimed.span[0]])
            moved, at = examples_of_another(claimed, examples[r.same.figure.start], [examples[f.start] for f in rest])
            if moved:
                return r, "、".join(moved), rest[at].text
            alike = [f for f in rest if f.unit == r.same.figure.unit and f.value != r.same.figure.value]
            claimed_after = c.matching[r.claimed.span[1] :]
            own = counted_noun(facts.text, r.same.figure.end)
            at = counts_another(claimed_after, own, [counted_noun(facts.text, f.end) for f in alike])
            if at != -1:
                return r, counted_noun(facts.text, alike[at].end), alike[at].text
        return None

    def _written_once(self, figure: Quantity) -> bool:
        """Whether no other figure of the report has ``figure``'s value and unit."""
        return self._values[(figure.value, canonical_unit(figure.unit))] == 1

    def _scored(self, contexts, hits: list[Hit], also=lambda r: None, unit_of: Quantity | None = None, years=frozenset()):
        """(hit, report figure, context score) for each report figure in ``hits`` whose unit compares
        with ``unit_of`` (or for which ``also`` says yes), scored by the best of ``contexts``; a figure
        given for one year of a range is left out when the claim names ``years`` without it."""
        for hit in hits:
            facts = self.facts[hit.passage.id]
            for r in facts.figures:
                if unit_of is not None and in_common_unit(unit_of, r) is None and not also(r):
                    continue
                if years and facts.years.get(r.start, next(iter(years))) not in years:
                    continue
                if r.start in facts.views:  # given respectively: only its own thing stands near it
                    text, span = facts.views[r.start]
                    yield hit, r, max(context_score(w, text, span, []) for w in contexts)
                    continue
                s, e = facts.sentence_of(r.start)
                others = [(x.start - s, x.end - s) for x in facts.figures if s <= x.start < e]
                # Figures given year by year (分别为8.7亿元、7.6亿元、4.7亿元) all count the thing named before
                # the first: each is scored where the first stands.
                at = facts.first_of_years(r)
                yield hit, r, max(context_score(w, facts.text[s:e], (at.start - s, at.end - s), others) for w in contexts)

    # ------------------------------------------------------------ words

    def _check_words(
        self, c: Claim, hits: list[Hit], parts: set[Part], anchors: dict[tuple[int, int], FigureMatch] | None = None
    ) -> Wording:
        """The sentence holding most of the claim's content, and the differences in its clauses.

        ``anchors`` (claim clause -> the report figure its figure matched) keep the search to the
        first anchor's passage and set a figure's clause against the clause of the matched figure.
        """
        anchors = anchors or {}
        best = Wording()
        pool = [next(iter(anchors.values())).hit] if anchors else [h for h in hits if h.passage.part_kind in parts]
        words = claim_synonyms(c)
        reach = max(self.WINDOW, self.WINDOW_PER_CHAR * len(c.matching))
        for hit in pool:
            facts = self.facts[hit.passage.id]
            for s, e in self._windows(facts, reach):
                sentence = normalise_for_matching(facts.passage.text[s:e])
                coverage = word_coverage(self.stats, c, with_synonyms(sentence, words))
                if coverage > best.coverage + 1e-9:
                    best = Wording(coverage, hit, (s, e))
        if best.hit is None:
            return best
        facts = self.facts[best.hit.passage.id]
        if best.coverage < self.SUPPORT_COVERAGE:  # the claim's verbs said with other verbs count too
            sentence = normalise_for_matching(facts.passage.text[best.span[0] : best.span[1]])
            more = verb_paraphrases(claim_verbs(c), sentence, self.verbs_alike)
            if more:
                best.coverage = max(best.coverage, word_coverage(self.stats, c, with_synonyms(sentence, words + more)))
        deciding = None
        for start, end in c.clauses:
            found, where = self._clause_conflicts(c, (start, end), facts, best, anchors.get((start, end)))
            if found and not best.conflicts:
                best.conflicts, deciding = found, where
        if not best.conflicts and best.coverage >= self.RIVAL_NAME_COVERAGE:  # a rank said in another clause
            sentence = diffable(normalise_for_matching(facts.passage.text[best.span[0] : best.span[1]]))
            best.conflicts = rival_ranks(c.diff_text(0, len(c.matching)), sentence)
            deciding = best.span if best.conflicts else None
        span = deciding or self._covering_clauses(facts, best.span, c, best.coverage)
        best.span = (facts.passage.start + span[0], facts.passage.start + span[1])
        return best

    @staticmethod
    def _windows(facts: _Facts, reach: int) -> list[tuple[int, int]]:
        """The stretches of a passage a claim's content is looked for in: each sentence, and in a
        sentence longer than ``reach``, each run of its clauses up to ``reach`` characters instead."""
        out = []
        for s, e in facts.sentences:
            if e - s <= reach:
                out.append((s, e))
                continue
            inside = [span for span in facts.clauses if s <= span[0] < e]
            if not inside:
                out.append((s, e))
            for i, (start, _) in enumerate(inside):
                end = inside[i][1]
                for _, clause_end in inside[i:]:
                    if clause_end - start > reach:
                        break
                    end = clause_end
                out.append((start, end))
        return out

    def _clause_conflicts(
        self, c: Claim, clause: tuple[int, int], facts: _Facts, best: Wording, anchor: FigureMatch | None
    ) -> tuple[list[Conflict], tuple[int, int] | None]:
        """Where one claim clause and the report clause it matches (in ``best``'s sentence, or the
        clause of its figure's ``anchor``) part, and that report clause; a clause the passage does not
        hold is added to ``best.unmatched``."""
        start, end = clause
        if anchor and anchor.hit.passage.id == facts.passage.id:
            i = next(n for n, (s, e) in enumerate(facts.clauses) if s <= anchor.figure.start < e)
            return self._lined_up_conflicts(c, clause, facts, i), facts.clauses[i]
        in_sentence = [i for i, (s, _) in enumerate(facts.clauses) if best.span[0] <= s < best.span[1]]
        scored = [(self.stats.coverage(c.grams(start, end), facts.clause_texts[i]), i) for i in in_sentence]
        coverage, i = max(scored, default=(0.0, -1))
        if coverage >= self.CONFLICT_COVERAGE:
            return self._lined_up_conflicts(c, clause, facts, i), facts.clauses[i]
        passage = normalise_for_matching(facts.passage.text)
        if self.stats.coverage(c.grams(start, end), passage) < self.CONFLICT_COVERAGE:
            best.unmatched.append(c.text_of(start, end))
        # A claim clause the report says across several clauses (“专精特新”中小企业:即经市工信局培育的,…)
        # is not lined up word by word; where the sentence holds most of what the claim says, a name in
        # it is still held against the sentence's names.
        if best.coverage < self.RIVAL_NAME_COVERAGE:
            return [], None
        sentence = diffable(normalise_for_matching(facts.passage.text[best.span[0] : best.span[1]]))
        return rival_names(c.diff_text(start, end), sentence), best.span

    def _lined_up_conflicts(self, c: Claim, clause: tuple[int, int], facts: _Facts, i: int) -> list[Conflict]:
        """Where a claim clause and the report clause ``i`` it lines up with part, word by word or by the
        names they quote."""
        found = conflicts(c.diff_text(*clause), diffable(facts.clause_texts[i]))
        if found or unwritten_name(normalise_text(c.text), self.report_text):  # that name is read apart
            return found
        s, e = facts.sentence_of(facts.clauses[i][0])
        return rival_quoted_names(c.text_of(*clause), facts.clause_texts[i], facts.passage.text[s:e])

    def _figure_clause_coverage(self, c: Claim, r: FigureResult) -> float:
        """How much of the claimed figure's own clause the report sentence giving the matched figure holds
        (the claim's other clauses are named as not mentioned when the report lacks them)."""
        start, end = r.claimed.clause
        if not any(c.content[start:end]):  # 2021年的目标同样是100%: the clause says nothing of its own
            return 1.0
        facts = self.facts[r.same.hit.passage.id]
        s, e = facts.sentence_of(r.same.figure.start)
        # A figure given respectively (内、外资到位额24.95亿元、5440万美元) is read in its own view too
        # (内资到位额24.95亿元), as it was matched: a claim of the one figure holds that view.
        texts = [facts.passage.text[s:e]] + ([facts.views[r.same.figure.start][0]] if r.same.figure.start in facts.views else [])
        synonyms = claim_synonyms(c)
        readings = (with_synonyms(normalise_for_matching(text), synonyms) for text in texts)
        return max(word_coverage(self.stats, c, reading, r.claimed.clause) for reading in readings)

    def _covering_clauses(self, facts: _Facts, sentence: tuple[int, int], c: Claim, coverage: float) -> tuple[int, int]:
        """The shortest run of a sentence's clauses holding (nearly) all the sentence holds of the claim."""
        inside = [span for span in facts.clauses if sentence[0] <= span[0] < sentence[1]]
        best = sentence
        for i in range(len(inside)):
            for j in range(i, len(inside)):
                start, end = inside[i][0], inside[j][1]
                if end - start >= best[1] - best[0]:
                    break
                if word_coverage(self.stats, c, normalise_for_matching(facts.passage.text[start:end])) >= coverage - 0.02:
                    best = (start, end)
                    break
        return best

    def _other_year(self, c: Claim, hits: list[Hit]) -> Wording | None:
        """The claim's wording, wholly found in the other year's part of the report."""
        if not c.period or not c.period.other:
            return None
        other = self._check_words(c, hits, {c.period.other})
        return other if other.coverage >= self.SUPPORT_COVERAGE and not other.conflicts else None

    # ------------------------------------------------------------ decision

    def _decide(self, c: Claim, hits: list[Hit], figures: list[FigureResult]) -> Verdict:
        rows = [row for r in figures for row in comparison_rows(r)]
        wrong = [r for r in figures if r.outcome in (FigureOutcome.DIFFERENT, FigureOutcome.YEAR_SWAP)]
        if wrong:
            evidence = figure_hits([m for r in wrong for m in (r.same, r.other) if m])
            return self._verdict(c, VerdictKind.CONTRADICTED, "；".join(map(figure_reason, wrong)) + "。", evidence, rows)
        if moved := self._count_of_another(c, figures):
            result, things, theirs = moved
            reason = f"报告中“{things}”对应的是“{theirs}”,不是“{result.same.figure.text}”"
            return self._verdict(c, VerdictKind.CONTRADICTED, f"报告与声明不一致:{reason}。", figure_hits([result.same]), rows)
        if figures and not any(r.same for r in figures):
            return self._verdict(c, VerdictKind.NOT_FOUND, "；".join(map(figure_reason, figures)) + "。", (), rows)
        # Notes define terms; they say nothing of what was done in a year. A dated claim's wording is
        # looked for in its year's part, unless it cites the notes.
        parts = (
            {c.period, Part.PREAMBLE}
            if c.period and c.period.other and not c.notes
            else set(Part) - {c.period.other if c.period else None}
        )
        anchors = {r.claimed.clause: r.same for r in figures if r.outcome == FigureOutcome.EQUAL}
        words = self._check_words(c, hits, parts, anchors)
        if words.conflicts:
            reason = "；".join(x.explain() for x in words.conflicts[:2])
            swap = self._other_year(c, hits)
            where = f";声明的说法见于报告的{part_label(swap.hit.passage.part_label)}" if swap else ""
            evidence = [words.evidence()] + ([swap.evidence()] if swap else [])
            return self._verdict(c, VerdictKind.CONTRADICTED, f"报告与声明不一致:{reason}{where}。", evidence, rows)
        if figures:
            return self._figures_verdict(c, figures, words, rows)
        if named := self._quoted_name_verdict(c, words, hits, parts):
            return named
        return self._wording_verdict(c, hits, words)

    def _figures_verdict(self, c: Claim, figures: list[FigureResult], words: Wording, rows: list[dict]) -> Verdict:
        """The verdict on a claim whose figures the report gives (or lacks) and whose wording parts from
        the report's nowhere: supported when every figure is the report's and said of what the claim
        says it of."""
        verdict = VerdictKind.SUPPORTED if all(r.outcome == FigureOutcome.EQUAL for r in figures) else VerdictKind.NOT_FOUND
        evidence = figure_hits([r.same for r in figures if r.same])
        said = "；".join(map(figure_reason, figures)) + "。"
        # A name the claim quotes that the report never writes is another thing, figure or not.
        if verdict == VerdictKind.SUPPORTED and (unknown := self._unwritten_name_verdict(c, words, figured=True)):
            return unknown
        if words.unmatched:
            said += f"声明中“{'”“'.join(words.unmatched)}”的说法,报告未提及。"
        # The right figure said of something the report does not say it of (减免缓缴住房公积金27.95亿元
        # where the report has 社会保险费): the sentence giving a figure must hold its clause's words too.
        held_by = [(self._figure_clause_coverage(c, r), r) for r in figures if r.same]
        held, least = min(held_by, key=lambda pair: pair[0], default=(1.0, None))
        if verdict == VerdictKind.SUPPORTED and held < self.FIGURE_WORDS_COVERAGE:
            if held >= self.RESTATED_COVERAGE and self._figure_restated(c, least):
                said += f"给出该数字的句子含声明这一部分内容的{held:.0%},其余是换了说法。"
            else:
                verdict = VerdictKind.NOT_FOUND
                said += f"但报告给出该数字的句子只含声明这一部分内容的{held:.0%},其余说法报告未提及。"
        return self._verdict(c, verdict, said, evidence, rows)

    def _wording_verdict(self, c: Claim, hits: list[Hit], words: Wording) -> Verdict:
        """The verdict on a claim without figures whose wording parts from the report's nowhere: its thing
        put at another stage, said, said otherwise, or not found."""
        if words.coverage >= self.SUPPORT_COVERAGE and (staged := self._stage_said_otherwise(c, words)):
            conflict, clause = staged
            return self._verdict(c, VerdictKind.CONTRADICTED, f"报告与声明不一致:{conflict.explain()}。", [clause.evidence()])
        if words.coverage >= self.SUPPORT_COVERAGE and not self._stage_unsaid(c, words):
            where = part_label(words.hit.passage.part_label)
            said = f"报告{where}中有相同的说法(声明内容的{words.coverage:.0%}见于该句)。"
            return self._verdict(c, VerdictKind.SUPPORTED, said, [words.evidence()])
        return self._said_otherwise(c, hits, words)

    def _said_otherwise(self, c: Claim, hits: list[Hit], words: Wording) -> Verdict:
        """A claim no sentence says in its words: said in the other year's part, said in other words,
        or not found."""
        if swap := self._other_year(c, hits):
            said = f"声明说的是{part_label(c.period_label)},但报告中这一说法属于{part_label(swap.hit.passage.part_label)}。"
            evidence = ([words.evidence()] if words.hit else []) + [swap.evidence()]
            return self._verdict(c, VerdictKind.CONTRADICTED, said, evidence)
        if rival := self._restated_but_for_a_name(c, words):
            return self._verdict(c, VerdictKind.CONTRADICTED, f"报告与声明不一致:{rival.explain()}。", [words.evidence()])
        if self._restated(c, words):
            where = part_label(words.hit.passage.part_label)
            said = f"报告{where}中有意思相同的说法(声明内容的{words.coverage:.0%}见于该处,其余是换了说法)。"
            return self._verdict(c, VerdictKind.SUPPORTED, said, [words.evidence()])
        if words.hit and words.coverage >= self.SUPPORT_COVERAGE:  # the sentence lacks the claim's stage
            stage = self._stage_unsaid(c, words)
            said = f"报告中最接近的一句(声明内容的{words.coverage:.0%})没有说到声明所说的这一步(“{stage}”)。"
            return self._verdict(c, VerdictKind.NOT_FOUND, said, [words.evidence()])
        said = f"报告中没有与声明相符或相悖的内容(最接近的一句只含声明内容的{words.coverage:.0%})。"
        return self._verdict(c, VerdictKind.NOT_FOUND, said)

    def _verdict(self, c: Claim, verdict: VerdictKind, explanation: str, evidence=(), comparisons=()) -> Verdict:
        return Verdict(
            claim=c.text,
            verdict=verdict,
            label=verdict.label,
            explanation=explanation,
            evidence=tuple(evidence),
            comparisons=tuple(comparisons),
            period=c.period,
            period_label=c.period_label,
        )

"""Hybrid search: normalise the question, score passages lexically and densely, fuse, steer, highlight."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from qa.answering.answer_types import AnswerType
from qa.answering.answerability import (
    Calibration,
    average_notice,
    confidence,
    load_calibration,
    period_notice,
    unanswered_reason,
)
from qa.answering.evidence import (
    Evidence,
    WordStats,
    coined_spellings,
    content_words,
    gather_evidence,
    named_figure,
    names_something,
    only_place_shared,
    other_sort,
    unexplained_term,
    unfigured_measure,
    unnamed_name,
)
from qa.answering.highlight import best_span
from qa.answering.intent import Intent, detect_intent
from qa.answering.results import Answer, Hit
from qa.answering.topic import load_topic_model
from qa.documents.passages import Part, Passage
from qa.documents.scope import DocumentScope
from qa.documents.time import DocumentTime, documents_about
from qa.errors import QueryError
from qa.index.second_reader import agrees_with_index, best_passage_cosine, load_second_reader
from qa.index.store import Index, lexical_text
from qa.text.english import english_terms
from qa.text.grams import GramStats
from qa.text.inputs import MAX_INPUT_CHARS, clean_text
from qa.text.normalise import has_traditional, normalise_for_matching, normalise_query, normalise_text
from qa.text.places import administrative_places
from qa.text.quantities import extract_quantities
from qa.text.quotes import letters_only, quoted_names
from qa.text.sentences import clause_spans

MAX_QUESTION_CHARS = MAX_INPUT_CHARS
COINED_NAME_CHARS = 16
MAX_K = 50
SEARCHABLE = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


@dataclass(frozen=True)
class SearchSettings:
    """Weights of the fusion, tuned on the dev questions (see docs/retrieval.md)."""

    lexical_weight: float = 0.5  # BM25 over whole passages
    sentence_weight: float = 1.0  # BM25 of the passage's best sentence
    dense_weight: float = 0.25  # cosine, min-max scaled over the passages
    period_weight: float = 0.2  # toward the part the question's year points at, away from the other
    definition_weight: float = 0.2  # toward the notes (and the note naming the term) for "what is"
    note_penalty: float = 0.2  # away from the notes when the question is not about a term
    # A question in English cannot match the Chinese text word for word: lean on the dense model.
    foreign_lexical_weight: float = 0.2
    foreign_dense_weight: float = 1.0
    use_dense: bool = True
    use_lexical: bool = True
    use_sentences: bool = True
    use_intent: bool = True
    # Decline a question about no government's work (qa.answering.topic).
    use_topic: bool = True
    # Measure every feature, even one that cannot change the decision (qa calibrate fits on them all).
    measure_all: bool = False


def validate_question(question: object, what: str = "问题") -> str:
    """The question through the input door (:func:`qa.text.inputs.clean_text`): repaired, stripped of
    control characters, at most MAX_QUESTION_CHARS long, with something to search; else QueryError."""
    question = clean_text(question, what)
    if not SEARCHABLE.search(question):
        raise QueryError(f"{what}中没有可检索的文字,请用中文或英文表述")
    return question


class Searcher:
    """Answers questions over a loaded index."""

    def __init__(self, index: Index, settings: SearchSettings | None = None, calibration: Calibration | None = None):
        self.index = index
        self.settings = settings or SearchSettings()
        self.calibration = calibration or load_calibration()
        self.topic = load_topic_model(index.embedder.model_id, index.embedder.dimension)
        self._part_kinds = np.array([p.part_kind for p in index.passages])
        self._doc_ids = np.array([p.doc_id for p in index.passages])
        self.default_docs: list[str] = []  # where ask looks when not told (empty: every document)
        self.times = {doc_id: report.time for doc_id, report in index.reports.items()}
        # The reader's "now": the newest document's plan year, against which 去年 / 今年 are read.
        self.current_year = max((t.current_year for t in self.times.values() if t.current_year), default=None)
        self._lexical_texts = [lexical_text(p) for p in index.passages]
        self._corpus_text = "\n".join(self._lexical_texts)  # every word the report uses, headings included
        self._grams = GramStats(self._lexical_texts)
        self._note_terms = _note_terms(index.passages)
        self._matching_text = normalise_for_matching("\n".join(p.text for p in index.passages))
        self._defined_terms = frozenset(t for terms in self._note_terms.values() for t in terms)
        # Names the report coins: what it writes in quotation marks, short of a quoted sentence.
        coined = quoted_names(self._matching_text)
        self._coined = coined_spellings(n for n in coined if len(n) <= COINED_NAME_CHARS and "," not in n)
        self._report_letters = letters_only(self._matching_text)
        self._words = WordStats(self._lexical_texts)
        years = {y for t in self.times.values() for y in t.years}
        places = {p for p in (r.place for r in index.reports.values()) if p}
        self.scope = DocumentScope.of(index.passages, years, next(iter(places)) if len(places) == 1 else "")
        # A question's years and places are judged against the document that answers it: with a
        # 河西区 budget report on the shelf, a question about 河西区's 2021 plan is still not answered
        # by a 和平区 report, nor by a 河西区 document that covers 2022—2023 only.
        self._doc_scopes = (
            {doc_id: (self.scope, self._corpus_text) for doc_id in self.times}
            if len(self.times) == 1
            else _scopes_by_document(index.passages, self._lexical_texts, self.times, index.reports)
        )

    def with_settings(self, calibration: Calibration | None = None, **changes) -> Searcher:
        """A searcher over the same index with some settings (or the calibration) changed."""
        other = object.__new__(Searcher)
        other.__dict__.update(self.__dict__)
        other.settings = replace(self.settings, **changes)
        if calibration is not None:
            other.calibration = calibration
        return other

    def restricted(self, docs: list[str] | None) -> Searcher:
        """A searcher over the same index that looks only in the documents ``docs`` (ids); all when empty."""
        self._check_docs(docs)
        other = object.__new__(Searcher)
        other.__dict__.update(self.__dict__)
        other.default_docs = list(docs or [])
        # 去年 / 今年 are read in the voice of the newest document searched.
        newest = other.newest_time()
        other.current_year = newest.current_year if newest else self.current_year
        return other

    def _check_docs(self, docs: list[str] | None) -> None:
        unknown = sorted(set(docs or ()) - set(self.times))
        if unknown:
            raise QueryError(f"没有这份文件: {'、'.join(unknown)}(可选: {'、'.join(sorted(self.times))})")

    def newest_time(self) -> DocumentTime | None:
        """The time of the document that speaks of the latest year (among ``default_docs`` when set)."""
        times = [t for d, t in self.times.items() if t.current_year and (not self.default_docs or d in self.default_docs)]
        return max(times, key=lambda t: t.current_year) if times else None

    def ask(self, question: str, k: int = 5, part: str | None = None, docs: list[str] | None = None) -> Answer:
        """Rank the passages for a question; ``part`` keeps only review / plan / notes passages, ``docs``
        only the passages of those documents (ids)."""
        question = validate_question(question)
        if not 1 <= k <= MAX_K:
            raise QueryError(f"k 必须在 1 到 {MAX_K} 之间")
        if part is not None and part not in set(Part):
            raise QueryError(f"未知的部分 {part!r},可选: {', '.join(Part)}")
        docs = docs or self.default_docs
        self._check_docs(docs)
        normalised = normalise_query(question)
        # Chosen documents are searched as chosen; otherwise a question naming a place is answered
        # from the documents about it. Either way by a searcher of those documents, whose 今年 is theirs.
        within = sorted(set(docs or self._docs_about(normalised)))
        if within != sorted(set(self.default_docs)) and len(within) < len(self.times):
            return self.restricted(within).ask(question, k, part)
        intent = detect_intent(normalised, self.newest_time())
        named = names_something(normalised) or quoted_names(normalised) or self._coins(normalised)
        if not intent.foreign and not named:
            # 谁? / 多少? / 情况怎么样?: only the words of asking, nothing asked about.
            raise QueryError("问题没有说要问什么,请写出要问的事,例如“2020年和平区新增就业多少人”")
        scores, best_cosine = self.scored(normalised, intent)
        if part is not None:
            scores = np.where(self._part_kinds == part, scores, -np.inf)
        if docs:
            scores = np.where(np.isin(self._doc_ids, list(docs)), scores, -np.inf)
        ranked = [i for i in np.argsort(-scores, kind="stable")[: max(k, FIGURE_HITS)] if np.isfinite(scores[i])]
        order = ranked[:k]
        # An English question's span is found by the Chinese words its words translate.
        grams = self.query_grams(self.lexical_query(normalised, intent))
        passages = self.index.passages
        spans = [best_span(passages[i].text, passages[i].start, grams, intent.figure) for i in order]
        shown = dict(zip(order, spans))

        def spans_of(row: int) -> tuple[int, int]:
            return shown.get(row) or best_span(passages[row].text, passages[row].start, grams, intent.figure)

        top_score = float(scores[order[0]]) if order else 0.0
        reason, features, notice = "没有找到相关段落", {}, ""
        if order:
            top = passages[order[0]]
            top_text = normalise_for_matching(top.text)
            span_text = top.text[spans[0][0] - top.start : spans[0][1] - top.start]
            evidence = gather_evidence(
                normalised,
                intent.foreign,
                [float(scores[order[0]]), *_runner_up(scores, order[0])],
                best_cosine,
                float("nan"),
                self._lexical_texts[order[0]],
                top_text,
                span_text,
                self._words,
                self._grams,
                self._corpus_text,
            )
            evidence = self.with_second_reading(evidence, question, np.flatnonzero(np.isfinite(scores)))
            unexplained = unexplained_term(normalised, self._defined_terms, self._matching_text, self._coined)
            evidence = replace(
                evidence,
                unfigured_measure=self._as_written(
                    unfigured_measure(normalised, self._matching_text, lambda: self._figured_clauses)
                ),
                unexplained_term=unexplained,
                unnamed_name=unnamed_name(normalised, top_text, self._report_letters),
                off_topic=self._off_topic(normalised),
                place_only=only_place_shared(normalised, top_text, self.scope.own_place),
                other_sort=other_sort(normalised, normalise_for_matching(span_text)),
            )
            asked = self.asked_part(intent, top)
            reason = unanswered_reason(
                normalised,
                asked,
                [passages[i] for i in ranked[:PERIOD_HITS]],
                evidence,
                self._lexical_texts[order[0]],
                *self._doc_scopes[top.doc_id],
                self.calibration,
                self.figure_stated(asked, evidence.answer_type, normalised, ranked[:FIGURE_HITS], spans_of),
                frozenset(intent.asked_years(self.current_year)) - set(intent.years),
                span_text,
            )
            features = evidence.to_dict()
            if not reason:
                notice = self._period_notice(asked, top.doc_id, [passages[i] for i in order])
        hits = tuple(
            Hit(
                passage=passages[i],
                rank=rank,
                score=float(scores[i]),
                highlight=span,
                # A passage of the other part than asked is a weak answer, however well it matches.
                confidence=confidence(
                    float(scores[i]), top_score, not reason and not (notice and rank == 1), self.calibration
                ),
            )
            for rank, (i, span) in enumerate(zip(order, spans), start=1)
        )
        return Answer(
            question=question,
            normalised=normalised,
            answerable=not reason,
            hits=hits,
            intent=intent,
            traditional=has_traditional(question),
            reason=reason,
            features=features,
            # An average worked out from a total and its count is a caution, not a weaker answer.
            notice=notice or (average_notice(normalised, span_text) if order and not reason else ""),
        )

    def _as_written(self, term: str) -> str:
        """``term`` (as normalised: gdp) spelled as the report writes it (GDP)."""
        if not term:
            return ""
        found = re.search(re.escape(term), self._report_text, re.IGNORECASE)
        return found.group() if found else term

    @cached_property
    def _report_text(self) -> str:
        """The passages' text as the report writes it (not normalised)."""
        return "\n".join(p.text for p in self.index.passages)

    @cached_property
    def _figured_clauses(self) -> str:
        """The report's clauses that give a figure other than a year, normalised for matching (read on the
        first figure question that needs them: the reading takes a moment)."""
        clauses = (self._matching_text[s:e] for s, e in clause_spans(self._matching_text))
        return "\n".join(c for c in clauses if any(not q.is_year for q in extract_quantities(c)))

    def _period_notice(self, asked: Part | None, doc_id: str, ranked: list[Passage]) -> str:
        """:func:`period_notice` with the asked part labelled by its document's years (2021年计划)."""
        if not asked:
            return ""
        time = self.times.get(doc_id)
        return period_notice(asked, time.label(asked) if time else str(asked), ranked)

    def figure_stated(
        self, asked: Part | None, kind: AnswerType, normalised: str, rows: list[int], span_of: Callable
    ) -> bool | None:
        """For a figure asked of one part (review or plan) whose first passage ``rows[0]`` is of the other:
        whether a passage of the asked part among ``rows`` gives a figure in a clause that names what
        is asked as fully as the first passage's clause does. None when that is not the question.
        ``span_of(row)`` is the answer span of a passage (offsets in the document)."""
        passages = self.index.passages
        if kind not in FIGURE_KINDS or not rows or asked not in (Part.REVIEW, Part.PLAN):
            return None
        if passages[rows[0]].part_kind == asked:
            return None
        content = content_words(normalised)

        def clause(row: int) -> tuple[float, bool]:
            p = passages[row]
            start, end = span_of(row)
            return named_figure(p.text[start - p.start : end - p.start], content, self._words)

        first_naming, _ = clause(rows[0])
        return any(
            naming >= first_naming and figure
            for naming, figure in (clause(row) for row in rows[1:] if passages[row].part_kind == asked)
        )

    def with_second_reading(self, evidence: Evidence, question: str, rows: np.ndarray) -> Evidence:
        """``evidence`` with the second reader's best cosine over the passages ``rows``, where it is needed.

        The second reader costs more than the rest of the evidence together (its weights crowd the
        caches of the search model's): it reads the question only when its cosine could change the
        decision, or when every feature is to be measured (``SearchSettings.measure_all``).
        """
        if not len(self.index.second):
            return evidence
        if not self.settings.measure_all and self.calibration.model.decides(evidence.vector()):
            return evidence
        return replace(evidence, second_cosine=self.second_cosine(self.second_vector(question), rows))

    @cached_property
    def second_reader(self):
        """The second reader, loaded when a question first needs it (most never do): when the index holds
        its passage vectors and it reads as it did at the build; else None."""
        return _second_reader(self.index)

    def second_vector(self, question: str) -> np.ndarray | None:
        """The second reader's vector of the question; None without a second reader."""
        return None if self.second_reader is None else self.second_reader.encode([question])[0]

    def second_cosine(self, vector: np.ndarray | None, rows: np.ndarray) -> float:
        """The best cosine of a question's second-reader ``vector`` with the passages ``rows``; NaN without one."""
        return float("nan") if vector is None else best_passage_cosine(vector, self.index.second, rows)

    def asked_part(self, intent: Intent, passage: Passage) -> Part | None:
        """The part of ``passage``'s document that the question's year or time words point at."""
        time = self.times.get(passage.doc_id)
        return intent.period_in(time) if time else intent.period

    def scores(self, normalised: str, intent: Intent) -> np.ndarray:
        """The fused score of every passage for a normalised question."""
        return self.scored(normalised, intent)[0]

    def _coins(self, normalised_question: str) -> bool:
        """Whether the question writes, without its quotation marks, a name the report coins: one made of
        words the tagger cannot file as content (以克论净, 一老一小, 1+1+N) names something all the same."""
        asked = letters_only(normalised_question)
        return any(len(spelling) >= 2 and spelling in asked for spelling in self._coined)

    def _off_topic(self, normalised: str) -> bool:
        """The question is about no government's work, as the off-topic model reads its query vector."""
        if self.topic is None or not self.settings.use_topic or not self.settings.use_dense:
            return False
        return self.topic.off_topic(self._query_vector(normalised))

    def question_vector(self, question: str) -> np.ndarray:
        """The query vector of a question, as dense search encodes it."""
        return self._query_vector(normalise_query(question))

    def _query_vector(self, normalised: str) -> np.ndarray:
        # Cached by the embedder: dense search and the off-topic check encode a question once.
        return self.index.embedder.encode_queries([normalised])[0]

    def scored(self, normalised: str, intent: Intent) -> tuple[np.ndarray, float]:
        """The fused score of every passage, and the best cosine of the question with any passage."""
        s = self.settings
        lexical_weight = s.foreign_lexical_weight if intent.foreign else s.lexical_weight
        sentence_weight = s.foreign_lexical_weight if intent.foreign else s.sentence_weight
        dense_weight = s.foreign_dense_weight if intent.foreign else s.dense_weight
        total = np.zeros(len(self.index.passages), dtype=np.float32)
        best_cosine = 0.0
        lexical_query = self.lexical_query(normalised, intent)
        if s.use_lexical:
            total += lexical_weight * _scaled_by_max(self.index.lexical.scores(lexical_query))
        if s.use_sentences:
            total += sentence_weight * _scaled_by_max(self.index.sentences.scores(lexical_query))
        if s.use_dense:
            cosines = self.index.dense.scores(self._query_vector(normalised))
            best_cosine = float(cosines.max())
            total += dense_weight * _min_max(cosines)
        if s.use_intent:
            total += self.priors(normalised, intent)
        return total, best_cosine

    def priors(self, normalised: str, intent: Intent) -> np.ndarray:
        """Steer toward the part the question's time cue points at, and toward defining notes."""
        s = self.settings
        prior = np.zeros(len(self.index.passages), dtype=np.float32)
        for doc_id, time in self.times.items():
            period = intent.period_in(time)
            if period:
                in_doc = self._doc_ids == doc_id
                prior += np.where(in_doc & (self._part_kinds == period), s.period_weight, 0.0)
                prior -= np.where(in_doc & (self._part_kinds == period.other), s.period_weight, 0.0)
        prior -= np.where(np.isin(self._doc_ids, self._docs_not_covering(intent)), s.period_weight, 0.0)
        if intent.definition:
            prior += np.where(self._part_kinds == Part.NOTES, s.definition_weight, 0.0)
            for i, terms in self._note_terms.items():
                if any(term in normalised for term in terms):
                    prior[i] += s.definition_weight
        else:
            prior -= np.where(self._part_kinds == Part.NOTES, s.note_penalty, 0.0)
        return prior

    def documents_for(self, intent: Intent) -> list[str]:
        """With several documents, those that review or plan the years a question asks about
        (empty when it names no year, or no document covers it).

        A results cue (去年, 完成了) asks for a document that reviews the year; a plan cue for one that plans it.
        """
        asked = intent.asked_years(self.current_year)
        if len(self.times) < 2 or not asked:
            return []

        def covers(time: DocumentTime) -> bool:
            years = {Part.REVIEW: time.review_years, Part.PLAN: time.plan_years}.get(intent.cue, time.years)
            return bool(asked & set(years))

        return sorted(doc_id for doc_id, time in self.times.items() if covers(time))

    def _docs_about(self, normalised: str) -> list[str]:
        """The documents about the places a question names (和平区 → the 和平区 reports, never a 南开区
        one); every document when it names no place a document is about."""
        places = {doc_id: report.place for doc_id, report in self.index.reports.items()}
        if len(places) < 2:
            return sorted(places)
        return documents_about(places, administrative_places(normalised))

    def _docs_not_covering(self, intent: Intent) -> list[str]:
        covering = self.documents_for(intent)
        return sorted(set(self.times) - set(covering)) if covering else []

    def lexical_query(self, normalised: str, intent: Intent) -> str:
        """What the word indexes look for: the question, and for an English one its translations."""
        return f"{normalised} {' '.join(self.translations(normalised))}" if intent.foreign else normalised

    def translations(self, english_question: str) -> list[str]:
        """The Chinese words, used by the documents, that the English question's words translate."""
        return [w for term in english_terms(english_question) for w in sorted(term) if self._words.df(w)]

    def query_grams(self, normalised: str) -> dict[str, float]:
        """IDF weights of the question's characters and bigrams that occur in the report."""
        grams = Counter(normalised[i : i + 2] for i in range(len(normalised) - 1))
        grams.update(ch for ch in normalised if SEARCHABLE.match(ch))
        # Grams the report never uses weigh nothing: they cannot be found in any span.
        return {g: self._grams.idf(g) * (1.0 if len(g) == 2 else GramStats.UNIGRAM_FACTOR) for g in grams}


# How many of the first hits are looked at for a passage of the part the question asks about.
PERIOD_HITS = 3
# How many for a passage of that part that gives the figure asked.
FIGURE_HITS = 5
# Kinds whose answer is a figure.
FIGURE_KINDS = (AnswerType.RATE, AnswerType.LEVEL, AnswerType.AMOUNT, AnswerType.BREAKDOWN, AnswerType.PER_UNIT)


def _second_reader(index: Index):
    """The second reader, when the index holds its passage vectors and it reads as it did at the build."""
    reader = load_second_reader() if len(index.second) else None
    if reader is not None and not agrees_with_index(reader, index.passages[0].text, index.second[0]):
        logging.getLogger(__name__).warning("第二读者与索引中保存的向量不一致:“无答案”判断只用检索模型(请重新运行 qa build)")
        return None
    return reader


def _runner_up(scores: np.ndarray, chosen: int) -> list[float]:
    """The best finite score of any passage but ``chosen`` (none when there is no other)."""
    others = np.delete(scores, chosen)
    others = others[np.isfinite(others)]
    return [float(others.max())] if len(others) else []


def _scaled_by_max(scores: np.ndarray) -> np.ndarray:
    top = float(scores.max())
    return scores / top if top > 0 else scores


def _min_max(scores: np.ndarray) -> np.ndarray:
    low, high = float(scores.min()), float(scores.max())
    return (scores - low) / (high - low) if high > low else np.zeros_like(scores)


def _scopes_by_document(
    passages: list[Passage], texts: list[str], times: dict[str, DocumentTime], reports: dict
) -> dict[str, tuple[DocumentScope, str]]:
    """Each document's scope (its own years, the places it names) and its searchable text."""
    grouped: dict[str, list[int]] = {doc_id: [] for doc_id in times}
    for i, p in enumerate(passages):
        grouped.setdefault(p.doc_id, []).append(i)
    return {
        doc_id: (
            DocumentScope.of(
                [passages[i] for i in rows],
                set(times[doc_id].years) if doc_id in times else set(),
                reports[doc_id].place or "" if doc_id in reports else "",
            ),
            "\n".join(texts[i] for i in rows),
        )
        for doc_id, rows in grouped.items()
    }


def _note_terms(passages: list[Passage]) -> dict[int, tuple[str, ...]]:
    """The key words of each note's term (the quoted names it defines), normalised."""
    terms = {}
    for i, p in enumerate(passages):
        if p.note_term:
            term = normalise_text(p.note_term)
            terms[i] = tuple(quoted_names(term) or [t for t in [term.strip("“”")] if len(t) >= 2])
    return terms

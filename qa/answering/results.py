"""What a search returns: ranked passages (:class:`Hit`) and the answer to a question (:class:`Answer`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from qa.answering.intent import Intent
from qa.documents.passages import Passage


class Confidence(StrEnum):
    """How sure the system is that a passage answers the question."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> str:
        """高 / 中 / 低."""
        return {Confidence.HIGH: "高", Confidence.MEDIUM: "中", Confidence.LOW: "低"}[self]


@dataclass(frozen=True)
class Hit:
    """One ranked passage with its score and the answering span (source offsets)."""

    passage: Passage
    rank: int
    score: float
    highlight: tuple[int, int]
    confidence: Confidence

    def to_dict(self) -> dict:
        p = self.passage
        return {
            "rank": self.rank,
            "score": round(self.score, 4),
            "confidence": self.confidence,
            "text": p.text,
            "citation": p.citation,
            "section_path": list(p.section_path),
            "paragraph": p.paragraph,
            "start": p.start,
            "end": p.end,
            "highlight": list(self.highlight),
            "highlight_text": p.text[self.highlight[0] - p.start : self.highlight[1] - p.start],
            "doc_id": p.doc_id,
            "doc_title": p.doc_title,
            "passage_id": p.id,
            "part": p.part_kind,
            "part_label": p.part_label,
            "note_number": p.note_number,
            "note_term": p.note_term,
        }


@dataclass(frozen=True)
class Answer:
    """The passages found for a question, and whether the report answers it."""

    question: str
    normalised: str
    answerable: bool
    hits: tuple[Hit, ...]
    intent: Intent
    traditional: bool
    reason: str = ""
    features: dict = field(default_factory=dict)
    notice: str = ""  # a caution for an answer that stands: the first passage is of another part than asked

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "normalised_question": self.normalised,
            "answerable": self.answerable,
            "message": self.reason,
            "notice": self.notice,
            "traditional": self.traditional,
            "intent": {
                "period": self.intent.period,
                "definition": self.intent.definition,
                "figure": self.intent.figure,
            },
            "hits": [hit.to_dict() for hit in self.hits],
        }

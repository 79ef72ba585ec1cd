"""Cut a parsed report into passages that keep its structure, each with a verifiable citation."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from qa.documents.metadata import document_label
from qa.documents.parts import Part, part_kind
from qa.documents.structure import ParsedReport, Run
from qa.documents.time import PART_NAMES
from qa.text.sentences import SEGMENT_END, SOFT_BREAK

#: Bump when the cutting rules change: indexes built with another version are stale.
CUTTER_VERSION = "6"
MAX_PASSAGE_CHARS = 300
# Where a long run may be split: after a sentence end, else after a clause break.


@dataclass(frozen=True)
class Passage:
    """A citable piece of a report: its text is exactly ``source[start:end]``."""

    id: str
    doc_id: str
    doc_title: str
    section_path: tuple[str, ...]
    paragraph: int
    start: int
    end: int
    text: str
    part_kind: Part
    note_number: int | None = None
    note_term: str | None = None
    part_label: str = ""  # the part with its years, read from the document: 2020年执行情况, 2021年计划, 附注
    doc_label: str = ""  # the document's short title and date, which every citation starts with

    @property
    def citation(self) -> str:
        """Where the passage stands, for people: document (date) › part › section › topic · 第N段."""
        if self.part_kind == Part.NOTES:
            where = f"附注 › 第{self.note_number}条 {self.note_term}"
        else:
            path = " › ".join(self.section_path) if self.section_path else PART_NAMES[Part.PREAMBLE]
            where = f"{path} · 第{self.paragraph}段"
        return f"{self.doc_label} › {where}" if self.doc_label else where

    @property
    def context(self) -> str:
        """The headings above the passage, which give its text the meaning a reader infers."""
        if self.part_kind == Part.NOTES:
            return f"附注 {self.note_term}"
        return " ".join(self.section_path)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["section_path"] = list(self.section_path)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Passage:
        return cls(**{**data, "section_path": tuple(data["section_path"]), "part_kind": Part(data["part_kind"])})


def split_points(text: str, max_chars: int) -> list[int]:
    """Cut offsets (relative) splitting ``text`` into pieces of at most ``max_chars`` at sentence ends."""
    cuts = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        ends = [m.end() for m in SEGMENT_END.finditer(window)]
        if not ends:
            ends = [m.end() for m in SOFT_BREAK.finditer(window)] or [max_chars]
        cut = start + ends[-1]
        cuts.append(cut)
        start = cut
    return cuts


def run_passages(report: ParsedReport, run: Run, max_chars: int) -> list[Passage]:
    """The passages of one run: the whole run, or sentence-aligned pieces of a long one."""
    text = report.source[run.start : run.end]
    bounds = [0, *split_points(text, max_chars), len(text)]
    kind = part_kind(run.part)
    path = tuple(p for p in (run.part, run.section, run.topic) if p) if kind != Part.NOTES else ("附注",)
    passages = []
    for lo, hi in zip(bounds, bounds[1:]):
        start, end = run.start + lo, run.start + hi
        passages.append(
            Passage(
                id=f"{report.doc_id}:{start}-{end}",
                doc_id=report.doc_id,
                doc_title=report.title,
                section_path=path,
                paragraph=run.paragraph,
                start=start,
                end=end,
                text=report.source[start:end],
                part_kind=kind,
                note_number=run.note_number,
                note_term=run.note_term,
                part_label=report.time.label(kind),
                doc_label=document_label(report.title, report.published),
            )
        )
    return passages


def cut_passages(report: ParsedReport, max_chars: int = MAX_PASSAGE_CHARS) -> list[Passage]:
    """All passages of a report, in reading order."""
    return [p for run in report.runs for p in run_passages(report, run, max_chars)]

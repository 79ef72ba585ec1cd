"""Cut a parsed report into passages that keep its structure, each with a verifiable citation."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum

from qa.documents.structure import ParsedReport, Run
from qa.text.sentences import SEGMENT_END, SOFT_BREAK

#: Bump when the cutting rules change: indexes built with another version are stale.
CUTTER_VERSION = "3"
MAX_PASSAGE_CHARS = 300
# Where a long run may be split: after a sentence end, else after a clause break.



class Part(StrEnum):
    """Which part of a report a passage stands in."""

    REVIEW = "review"  # the results of the year under review
    PLAN = "plan"  # the plan for the coming year
    NOTES = "notes"  # 附注: notes that explain terms
    PREAMBLE = "preamble"  # before the first part heading

    @property
    def other(self) -> Part | None:
        """The review for the plan and the plan for the review (the year a figure may be swapped with)."""
        return {Part.REVIEW: Part.PLAN, Part.PLAN: Part.REVIEW}.get(self)


PART_KINDS = {Part.REVIEW: "2020年执行情况", Part.PLAN: "2021年计划", Part.NOTES: "附注", Part.PREAMBLE: "报告开头"}


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

    @property
    def citation(self) -> str:
        """Where the passage stands, for people: part › section › topic · 第N段."""
        if self.part_kind == Part.NOTES:
            return f"附注 › 第{self.note_number}条 {self.note_term}"
        path = " › ".join(self.section_path) if self.section_path else PART_KINDS[Part.PREAMBLE]
        return f"{path} · 第{self.paragraph}段"

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


def part_kind(part: str | None) -> Part:
    """Classify a part heading: the review of last year, the plan for this year, or the notes."""
    if part is None:
        return Part.PREAMBLE
    if part.startswith("附注"):
        return Part.NOTES
    if "执行情况" in part or "回顾" in part:
        return Part.REVIEW
    return Part.PLAN


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
            )
        )
    return passages


def cut_passages(report: ParsedReport, max_chars: int = MAX_PASSAGE_CHARS) -> list[Passage]:
    """All passages of a report, in reading order."""
    return [p for run in report.runs for p in run_passages(report, run, max_chars)]

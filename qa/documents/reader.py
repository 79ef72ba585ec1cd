"""The report as a reader sees it: metadata, a table of contents, then headings and paragraphs.

Built from a parsed report and its passages (which cover the whole cleaned body in reading order),
so every paragraph of the reader is made of the very passages search returns, and a citation can
point at one of them. Pure data: ``qa.app.render`` turns it into HTML.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from qa.documents.passages import Part, Passage
from qa.documents.structure import Heading, ParsedReport


@dataclass(frozen=True)
class ReaderParagraph:
    """One paragraph of the report (or one note), as the passages it was cut into."""

    passages: tuple[Passage, ...]

    @property
    def start(self) -> int:
        return self.passages[0].start


@dataclass(frozen=True)
class ReaderDocument:
    """A whole report for reading: its metadata and outline, and body blocks in reading order."""

    report: ParsedReport  # metadata and outline
    blocks: tuple[Heading | ReaderParagraph, ...]


def build_reader(report: ParsedReport, passages: list[Passage]) -> ReaderDocument:
    """The reader's view of ``report`` from its passages (those of other reports are ignored)."""
    own = sorted((p for p in passages if p.doc_id == report.doc_id), key=lambda p: p.start)
    heading_starts = [h.start for h in report.headings]

    def paragraph_key(passage: Passage) -> tuple:
        # Passages of one paragraph share the heading above them and the paragraph's number;
        # a note is a paragraph of its own.
        under = bisect_right(heading_starts, passage.start)
        return (under, passage.paragraph, passage.note_number)

    paragraphs: list[ReaderParagraph] = []
    group: list[Passage] = []
    for passage in own:
        if group and paragraph_key(group[-1]) != paragraph_key(passage):
            paragraphs.append(ReaderParagraph(tuple(group)))
            group = []
        group.append(passage)
    if group:
        paragraphs.append(ReaderParagraph(tuple(group)))
    blocks: list[Heading | ReaderParagraph] = sorted([*report.headings, *paragraphs], key=lambda block: block.start)
    return ReaderDocument(report=report, blocks=tuple(blocks))


def topic_of(passage: Passage) -> str | None:
    """The topic sentence a passage opens with (without its 。), if it opens with one."""
    if passage.part_kind == Part.NOTES or not passage.section_path:
        return None
    topic = passage.section_path[-1]
    return topic if passage.text.startswith(topic + "。") else None

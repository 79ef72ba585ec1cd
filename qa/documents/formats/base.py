"""What every format reader returns, and the limits they share."""

from __future__ import annotations

from dataclasses import dataclass, field

#: A report's text is a few hundred KB; a PDF with images a few MB. Anything far larger is not a report.
MAX_FILE_BYTES = 50_000_000


@dataclass(frozen=True)
class Extracted:
    """A document's text and the metadata its file carries apart from the text (keys: title, published,
    publisher), e.g. a PDF's document properties or a web page's <title>."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)

"""Where Chinese text breaks into sentences and clauses: the one place those marks are defined.

Every splitter in the package is one of these four views of the same marks:

* :func:`sentences`: full sentences (。！？), ending marks kept; the structure parser reads topic
  sentences with it.
* :func:`segments`: sentences and semicolon clauses (。！？；), ending marks kept, trailing blanks
  dropped; answer spans and the sentence-level lexical index.
* :func:`sentence_spans` and :func:`clause_spans`: the stretches between marks, marks left out,
  for lining a claim up with the report (clauses also break at ，：).
"""

from __future__ import annotations

import re

#: Marks that end a sentence.
SENTENCE_MARKS = "。！？!?"
#: Marks that end a sentence or a semicolon clause (a unit of one statement in a report).
SEGMENT_MARKS = SENTENCE_MARKS + "；;"
#: Marks that end a clause inside a sentence.
CLAUSE_MARKS = "，,：:"
#: Where a long paragraph may be cut when no sentence end is near: after a comma, 、 or colon.
SOFT_BREAKS = "，,、：:"

_SENTENCE = re.compile(f"[^{SENTENCE_MARKS}]+[{SENTENCE_MARKS}]*")
_SEGMENT = re.compile(f"[^{SEGMENT_MARKS}]+[{SEGMENT_MARKS}]*")
_SENTENCE_BODY = re.compile(f"[^{SEGMENT_MARKS}\n]+")
_CLAUSE_BODY = re.compile(f"[^{SEGMENT_MARKS}{CLAUSE_MARKS}\n]+")
SEGMENT_END = re.compile(f"[{SEGMENT_MARKS}]")
SOFT_BREAK = re.compile(f"[{SOFT_BREAKS}]")
#: A character that says something (not punctuation or blank).
WORDISH = re.compile(r"[\u3400-\u9fffA-Za-z0-9%.]")


def sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Offsets of the sentences of ``text`` (ending at 。！？), shifted by ``offset``."""
    return [(offset + m.start(), offset + m.end()) for m in _SENTENCE.finditer(text)]


def segments(text: str) -> list[tuple[int, int]]:
    """Sentence and clause spans (split at 。！？；), relative to ``text``, without trailing blanks."""
    spans = []
    for match in _SEGMENT.finditer(text):
        start, end = match.start(), match.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans or [(0, len(text))]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` (split at 。；！？ and line breaks, marks left out) that say something."""
    return [m.span() for m in _SENTENCE_BODY.finditer(text) if WORDISH.search(m.group())]


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of ``text`` (split at ，；。：！？ and line breaks, marks left out) that say something."""
    return [m.span() for m in _CLAUSE_BODY.finditer(text) if WORDISH.search(m.group())]

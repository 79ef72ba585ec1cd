"""The report in corpus/ parses exactly as it did before the parser was made general to other documents."""

import hashlib
import json

# Taken from the parser before it learnt other heading styles and formats (commit c1f34fa).
PASSAGE_COUNT = 98
PASSAGES_SHA256 = "8b17ab462e670c86cb88142967084ddd923d53c0434fd7338fb3dea5ba26b906"
HEADINGS_SHA256 = "c6856069c635491fa2eeefa36f8e3a851af3b2e518fae27910e282aa8afb8856"


def _passages_digest(passages) -> str:
    digest = hashlib.sha256()
    for p in passages:
        row = [p.text, p.start, p.end, list(p.section_path), p.paragraph, p.part_kind.value, p.note_number, p.note_term]
        digest.update(json.dumps(row, ensure_ascii=False).encode())
    return digest.hexdigest()


def test_same_passages_and_offsets_as_before(passages):
    assert len(passages) == PASSAGE_COUNT
    assert _passages_digest(passages) == PASSAGES_SHA256


def test_same_headings_as_before(report):
    rows = [[h.level, h.text, h.start, h.end] for h in report.headings]
    assert hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest() == HEADINGS_SHA256

"""Property-based tests (hypothesis): the text layer and the structure parser take any string without an exception,
and passages cut from any report-like text reproduce their text from its offsets."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.documents.corpus import SourceFile
from qa.documents.passages import cut_passages
from qa.documents.structure import parse_report
from qa.text.normalise import normalise_for_matching, normalise_query, normalise_text, to_traditional
from qa.text.quantities import extract_quantities, extract_years, normalise_numbers_for_search
from qa.text.sentences import clause_spans, segments, sentences
from qa.text.tokenize import char_tokens, latin_tokens, word_tokens

# Any text without lone surrogates (the input door turns those into U+FFFD before any of this runs).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
# Text shaped like a report: Chinese, figures, units, headings' numbering, punctuation and line breaks.
REPORT_ALPHABET = list("和平区新增就业万亿元人家个年月日计划执行情况增长完成目标附注注一二三四五六七八九十百千零两")
REPORT_ALPHABET += list("0123456789.%,，。；：、（）()“”《》!?！？ \n\n\n")
REPORT_ALPHABET += ["一、", "（一）", "1.", "注：", "2020年", "2021年", "约", "余"]
REPORT_TEXT = st.lists(st.sampled_from(REPORT_ALPHABET), max_size=400).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.one_of(ANY_TEXT, REPORT_TEXT))
def test_normalisers_take_any_text(text):
    for normalise in (normalise_text, normalise_for_matching, normalise_query, normalise_numbers_for_search, to_traditional):
        assert isinstance(normalise(text), str)


@SETTINGS
@given(st.one_of(ANY_TEXT, REPORT_TEXT))
def test_tokenisers_take_any_text(text):
    for tokenise in (char_tokens, word_tokens, latin_tokens):
        tokens = tokenise(text)
        assert all(isinstance(t, str) and t for t in tokens)


@SETTINGS
@given(st.one_of(ANY_TEXT, REPORT_TEXT))
def test_quantities_lie_inside_the_text(text):
    for found in (extract_quantities(text), extract_years(text)):
        for q in found:
            assert 0 <= q.start < q.end <= len(text)


@SETTINGS
@given(st.one_of(ANY_TEXT, REPORT_TEXT))
def test_sentence_and_clause_spans_lie_inside_the_text_in_order(text):
    for spans in (sentences(text), segments(text), clause_spans(text)):
        assert all(0 <= s <= e <= len(text) for s, e in spans)  # segments() of blank text is one empty span
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@SETTINGS
@given(st.one_of(REPORT_TEXT, ANY_TEXT))
def test_any_report_text_parses_and_every_passage_reproduces_its_text_from_its_offsets(text):
    source = SourceFile(doc_id="doc", path=Path("doc.txt"), text=text)
    report = parse_report(source)
    for passage in cut_passages(report):
        assert passage.text == text[passage.start : passage.end]
        assert passage.text.strip()

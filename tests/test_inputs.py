"""The input door (qa.text.inputs): every string, every byte string, every odd value comes out clean or refused."""

from __future__ import annotations

import io
import math
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa.errors import QueryError
from qa.text.inputs import MAX_INPUT_CHARS, MAX_LINE_BYTES, clean_count, clean_text, printable, read_lines, repair_surrogates

ANY_TEXT = st.text(st.characters(exclude_categories=()))  # lone surrogates and controls included
ANY_VALUE = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), ANY_TEXT, st.binary(), st.lists(st.integers()))


def is_clean(text: str) -> bool:
    return all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs") for ch in text) and "\x1b" not in text


@given(ANY_TEXT)
def test_clean_text_returns_a_clean_encodable_line_or_refuses(text):
    try:
        cleaned = clean_text(text)
    except QueryError as exc:
        assert str(exc)
        return
    assert cleaned and cleaned == cleaned.strip() and len(cleaned) <= MAX_INPUT_CHARS
    assert is_clean(cleaned)
    cleaned.encode("utf-8")  # never a lone surrogate


@given(ANY_VALUE)
def test_clean_text_never_raises_anything_but_query_error(value):
    try:
        clean_text(value)
    except QueryError:
        pass


@given(ANY_VALUE)
def test_clean_count_is_a_whole_number_in_range_or_refuses(value):
    try:
        k = clean_count(value, 5, 1, 50)
    except QueryError:
        return
    assert isinstance(k, int) and not isinstance(k, bool) and 1 <= k <= 50


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, "NaN", "Infinity", "1e999", True, False, 2.5, "3.5", [], {}])
def test_counts_that_are_not_counts_are_refused(value):
    with pytest.raises(QueryError, match="1 到 50 之间的整数"):
        clean_count(value, 5, 1, 50)


def test_counts_from_forms_and_clients():
    assert [clean_count(v, 5, 1, 50) for v in (None, "", 3, 3.0, " 7 ", "10")] == [5, 5, 3, 3, 7, 10]


@pytest.mark.parametrize("value", [["问题"], {"q": "问题"}, 42, 3.5])
def test_text_that_is_not_text_is_refused_by_type(value):
    with pytest.raises(QueryError, match="必须是一段文字"):
        clean_text(value)


def test_undecodable_argument_bytes_become_replacement_characters():
    assert repair_surrogates("新增\udcff就业") == "新增\ufffd就业"
    assert repair_surrogates("\ud800就业") == "\ufffd就业"
    assert repair_surrogates("就业") == "就业"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("就业\x1b[31m红\x1b[0m", "就业红"),
        ("\x1b]0;title\x07就业", "就业"),
        ("\x1b]8;;http://x\x1b\\链接\x1b]8;;\x1b\\", "链接"),
        ("\u202e就业\u202c\u2066x\u2069", "就业x"),
        ("新增\n就业\t多少\r", "新增 就业 多少 "),
        ("零宽\u200b字符\ufeff", "零宽字符"),
        ("\x9b31m就业", "就业"),
    ],
)
def test_escapes_controls_and_bidi_marks_are_not_echoed(raw, shown):
    assert printable(raw) == shown


def test_stream_lines_one_record_each_even_blank_undecodable_or_huge():
    data = b"\xe6\x96\xb0\xe5\xa2\x9e\n\n\xff\xfe\n" + b"x" * (MAX_LINE_BYTES * 3) + b"\n\xe5\xb0\xb1\xe4\xb8\x9a"
    lines = list(read_lines(io.BytesIO(data)))
    assert [line.number for line in lines] == [1, 2, 3, 4, 5]
    assert lines[0].text == "新增" and lines[0].error is None
    assert "不能为空" in lines[1].error
    assert lines[2].text == "\ufffd\ufffd" and lines[2].error is None  # refused later: nothing searchable
    assert "太长" in lines[3].error and lines[3].text == ""
    assert lines[4].text == "就业"


@given(st.binary())
def test_any_byte_stream_reads_without_error(data):
    lines = list(read_lines(io.BytesIO(data)))
    assert len(lines) == data.count(b"\n") + (not data.endswith(b"\n") and bool(data))
    assert all(is_clean(line.text) for line in lines)

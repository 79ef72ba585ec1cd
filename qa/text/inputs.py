"""The one door every input passes: command-line arguments, standard input, the Python and web APIs.

What comes in from outside may be anything: bytes that are not UTF-8 (a command-line argument
carrying them arrives as lone surrogates), terminal escape sequences that would recolour or rewrite
the user's terminal when echoed, bidirectional overrides that make echoed text read differently
from what it is, a list where text was meant, a megabyte where a sentence was meant. Here it
becomes plain one-line text of bounded size, or an :class:`qa.errors.QueryError` saying why not.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from qa.errors import QueryError

#: The most characters a question or statement may have (a long paragraph; a report sentence is shorter).
MAX_INPUT_CHARS = 500
#: The most bytes of one line read from a stream; anything longer is skipped unread, not decoded.
MAX_LINE_BYTES = 64 * 1024
REPLACEMENT = "\ufffd"

# ESC-introduced terminal sequences: CSI (colours, cursor moves), OSC (window titles, links, ended by
# BEL or ST), and the two-character escapes; also the one-byte C1 CSI/OSC introducers.
ANSI_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI … final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC … BEL | ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC … ST
    r"|\x1b[ -/]*[0-~]?"  # other escapes (charset selection, ESC c …)
    r"|\x9b[0-?]*[ -/]*[@-~]?|\x9d[^\x07\x9c]*[\x07\x9c]?"
)
SURROGATE = re.compile("[\ud800-\udfff]")
LINE_BREAKS = re.compile(r"[\t\n\r\v\f\x1c-\x1f\x85\u2028\u2029]+")


@dataclass(frozen=True)
class Line:
    """One line of a stream: its text (cleaned), or the reason it cannot be used."""

    number: int
    text: str
    error: str | None = None


def repair_surrogates(text: str) -> str:
    """Text with the bytes a command-line argument could not decode recovered, or else replaced.

    Python hands undecodable argument bytes over as lone surrogates (``surrogateescape``); they are
    turned back into bytes and decoded leniently, so they show as U+FFFD and crash no encoder.
    """
    if not SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # surrogates that did not come from undecodable bytes
        return SURROGATE.sub(REPLACEMENT, text)


def printable(text: str) -> str:
    """Text safe to echo on a terminal or page: no escape sequences, control or bidi characters.

    Line breaks and tabs become one space (an input is one line); every other control (Cc) and
    format character (Cf: bidi overrides and isolates, zero-width characters, BOM) is dropped.
    """
    text = ANSI_ESCAPE.sub("", text)
    text = LINE_BREAKS.sub(" ", text)
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))


def clean_text(value: object, what: str = "问题") -> str:
    """The input as one clean line of at most MAX_INPUT_CHARS characters, or QueryError.

    ``what`` names the input in messages (问题, 说法). None counts as empty; anything that is not text
    (a number, a list, a dict) is refused rather than turned into its printed form.
    """
    if value is None:
        value = ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        raise QueryError(f"{what}必须是一段文字,收到的是 {type(value).__name__}")
    if len(value) > MAX_LINE_BYTES:  # refuse before any pass over a huge value
        raise QueryError(f"{what}太长({len(value)} 字),请控制在 {MAX_INPUT_CHARS} 字以内")
    text = printable(repair_surrogates(value)).strip()
    if not text:
        raise QueryError(f"请输入{what}({what}不能为空)")
    if len(text) > MAX_INPUT_CHARS:
        raise QueryError(f"{what}太长({len(text)} 字),请控制在 {MAX_INPUT_CHARS} 字以内")
    return text


def clean_count(value: object, default: int, low: int, high: int, what: str = "显示段落数") -> int:
    """A whole number in [low, high] from a form or API value (None or "" → default), or QueryError.

    Booleans, NaN, infinities and fractions are refused: they are not counts, whatever Python makes of them.
    """
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise QueryError(f"{what}必须是 {low} 到 {high} 之间的整数,收到的是 {type(value).__name__}")
    try:
        number = float(value.strip()) if isinstance(value, str) else float(value)
    except (ValueError, OverflowError):
        number = math.nan
    if not math.isfinite(number) or number != int(number) or not low <= number <= high:
        shown = printable(repair_surrogates(str(value)))[:40]
        raise QueryError(f"{what}必须是 {low} 到 {high} 之间的整数,收到的是 {shown!r}")
    return int(number)


def read_lines(stream: BinaryIO, what: str = "问题") -> Iterator[Line]:
    """Each line of a byte stream, decoded leniently and cleaned; a bad or blank line carries its error.

    A line longer than MAX_LINE_BYTES is skipped in pieces, never held whole, and reported as too long.
    """
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            size = len(raw) + _skip_rest_of_line(stream)
            yield Line(number, "", f"第 {number} 行太长({size} 字节),请控制在 {MAX_INPUT_CHARS} 字以内")
            continue
        text = raw.decode("utf-8", "replace")
        try:
            yield Line(number, clean_text(text, what))
        except QueryError as exc:
            yield Line(number, printable(text).strip()[:MAX_INPUT_CHARS], str(exc))


def _skip_rest_of_line(stream: BinaryIO) -> int:
    skipped = 0
    while chunk := stream.readline(MAX_LINE_BYTES):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped

"""Plain-text reports, UTF-8 as the project stores them; anything that is not text is refused."""

from __future__ import annotations

from pathlib import Path

from qa.documents.formats.base import Extracted
from qa.errors import CorpusError

# Control characters other than tab, newline, carriage return and form feed never occur in a text report.
CONTROL = frozenset(chr(c) for c in range(32)) - set("\t\n\r\f")
MAX_CONTROL_SHARE = 0.01


def extract_text(path: Path) -> Extracted:
    """Decode a text file exactly (no newline translation, so offsets match the file)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"无法读取报告文件 {path}: {exc.strerror or exc}") from exc
    return Extracted(decode_report_bytes(raw, path.name))


def decode_report_bytes(raw: bytes, name: str) -> str:
    """UTF-8 text; CorpusError for bytes that are not text at all or not UTF-8."""
    if b"\0" in raw[:65536]:
        raise CorpusError(f"文件 {name} 不是文本文件(含有二进制数据);请提供 .txt/.html/.pdf/.docx 报告")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"报告文件 {name} 不是有效的 UTF-8 文本(第 {exc.start} 字节): 请检查文件是否损坏,或另存为 UTF-8"
        ) from exc
    if text and sum(ch in CONTROL for ch in text) > MAX_CONTROL_SHARE * len(text):
        raise CorpusError(f"文件 {name} 不是文本文件(含有大量控制字符)")
    return text

"""Text out of the files governments publish: plain text, saved web pages, PDF and Word documents.

:func:`extract` reads one file and returns its text (the text every offset of a passage refers to)
and whatever metadata the file itself carries. Every failure is a :class:`qa.errors.CorpusError`
with a message that says what is wrong with the file and what to do.
"""

from __future__ import annotations

from pathlib import Path

from qa.documents.formats.base import MAX_FILE_BYTES, Extracted
from qa.documents.formats.docx import extract_docx
from qa.documents.formats.html import extract_html
from qa.documents.formats.pdf import extract_pdf
from qa.documents.formats.text import extract_text
from qa.errors import CorpusError

EXTRACTORS = {
    ".txt": extract_text,
    ".html": extract_html,
    ".htm": extract_html,
    ".pdf": extract_pdf,
    ".docx": extract_docx,
}
SUFFIXES = tuple(EXTRACTORS)

__all__ = ["EXTRACTORS", "MAX_FILE_BYTES", "SUFFIXES", "Extracted", "extract"]


def extract(path: Path) -> Extracted:
    """The text and file metadata of one document, or CorpusError saying why it cannot be read."""
    extractor = EXTRACTORS.get(path.suffix.lower())
    if extractor is None:
        raise CorpusError(f"不支持的文件类型 {path.suffix or '(无扩展名)'}: {path.name};支持 {' '.join(SUFFIXES)}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CorpusError(f"无法读取文件 {path}: {exc.strerror or exc}") from exc
    if size == 0:
        raise CorpusError(f"文件 {path.name} 是空的")
    if size > MAX_FILE_BYTES:
        raise CorpusError(
            f"文件 {path.name} 太大({size / 1e6:.0f} MB,上限 {MAX_FILE_BYTES // 1_000_000} MB);"
            "报告正文通常只有几 MB,请确认选对了文件"
        )
    extracted = extractor(path)
    if not extracted.text.strip():
        raise CorpusError(f"文件 {path.name} 是空的(没有可读的文字)")
    return extracted

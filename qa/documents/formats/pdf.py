"""Text PDFs (what a word processor exports). A scanned PDF holds only pictures of pages: it is refused
with a message saying so, since reading it would need OCR."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from qa.documents.formats.base import Extracted
from qa.errors import CorpusError

# Fewer readable characters than this per page: the pages are pictures (a scan), not text.
MIN_CHARS_PER_PAGE = 20


def extract_pdf(path: Path) -> Extracted:
    """The text of every page, pages separated by a blank line, and the PDF's title and author."""
    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise CorpusError(f"PDF 文件 {path.name} 已损坏或无法解析({type(exc).__name__});请重新下载或导出") from exc
    readable = sum(len("".join(page.split())) for page in pages)
    if not pages or readable < MIN_CHARS_PER_PAGE * len(pages):
        raise CorpusError(
            f"PDF 文件 {path.name} 没有文字层(可能是扫描件,{len(pages)} 页只是图片);请提供文字版 PDF、Word 或网页"
        )
    metadata = {}
    if info is not None:
        for key, value in (("title", info.title), ("publisher", info.author)):
            if value and value.strip():
                metadata[key] = value.strip()
    return Extracted("\n\n".join(page.strip("\n") for page in pages) + "\n", metadata)

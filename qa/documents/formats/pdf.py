"""Text PDFs (what a word processor exports). A scanned PDF holds only pictures of pages: it is refused
with a message saying so, since reading it would need OCR."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from qa.documents.formats.base import Extracted
from qa.errors import CorpusError

# A PDF breaks paragraphs into lines of the page's width. A line ends its paragraph when it ends a
# sentence, when it is clearly shorter than a full line, or when the next line opens a heading.
PARAGRAPH_END = re.compile(r"[。！？!?:：；;”」)）]$")
HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百]+[章节条]|附\s*注|附\s*件|名词解释|发布)"
)
FULL_LINE_SHARE = 0.8
# Fewer readable characters than this per page: the pages are pictures (a scan), not text.
MIN_CHARS_PER_PAGE = 20


def extract_pdf(path: Path) -> Extracted:
    """The text of every page, pages separated by a blank line, and the PDF's title."""
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
        # The author property names whoever made the file, not the issuing body: it is not the 发布者.
        for key, value in (("title", info.title),):
            if value and value.strip():
                metadata[key] = value.strip()
    return Extracted("\n\n".join(unwrap(page) for page in pages) + "\n", metadata)


def unwrap(page: str) -> str:
    """The page's text with the lines of each paragraph joined, paragraphs on lines of their own."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    full = max((len(line) for line in lines), default=0)
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        following = lines[i + 1] if i + 1 < len(lines) else ""
        ends = PARAGRAPH_END.search(line) or len(line) < FULL_LINE_SHARE * full or HEADING_START.match(following)
        out.append("\n" if ends else "")
    return "".join(out).strip("\n")

"""Saved government web pages: the article kept, the site's navigation, footer and sidebars dropped.

trafilatura finds the main text and the page's metadata (title, date, site); the 发布日期 / 发布者 line
that government sites print above the article is read later from the text itself.
"""

from __future__ import annotations

from pathlib import Path

import trafilatura

from qa.documents.formats.base import Extracted
from qa.errors import CorpusError


def extract_html(path: Path) -> Extracted:
    """The article of a saved web page as text, one paragraph a line, with the page's metadata."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"无法读取网页文件 {path}: {exc.strerror or exc}") from exc
    if b"\0" in raw[:65536]:
        raise CorpusError(f"文件 {path.name} 不是网页(含有二进制数据)")
    page = raw.decode("utf-8") if _is_utf8(raw) else raw  # trafilatura detects other encodings (GBK pages)
    text = trafilatura.extract(page, include_comments=False, include_tables=True, deduplicate=False)
    if not text or not text.strip():
        raise CorpusError(f"网页 {path.name} 中找不到正文;请另存为完整网页(.html)或复制正文为 .txt")
    meta = trafilatura.extract_metadata(page) if isinstance(page, str) else None
    metadata = {}
    if meta is not None:
        for key, value in (("title", meta.title), ("published", meta.date), ("publisher", meta.sitename)):
            if value:
                metadata[key] = value.strip()
    title = metadata.get("title")
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"  # the page title is the report's first line, as in a text export
    return Extracted(text + "\n", metadata)


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True

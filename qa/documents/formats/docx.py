"""Word documents: paragraphs and tables in order; headings from their styles and from Word's automatic
numbering.

Word draws automatic numbers (一、 / （一） / 1.) that are not in the paragraph's text. A heading
paragraph without a written number gets the number a reader sees, in the numbering style of Chinese
official documents (level 1 一、, level 2 （一）, level 3 1., level 4 （1）), so the structure parser
finds the same outline as in the printed report.

A table (an attachment's 重点项目表, a budget table) becomes one line per row, each cell named by its
column's header (the first row): 项目名称:文化中心;总投资:3.2亿元. A row read alone then still says what
its figures are, for the search and for the fact checker.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import cn2an
import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table

from qa.documents.formats.base import Extracted
from qa.errors import CorpusError

UNNUMBERED = re.compile(r"^(?:附\s*注|名词解释|注\s*释|附\s*件)")  # notes and attachments carry no outline number
HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.IGNORECASE)
WRITTEN_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百]+[章节条])"
)


def _number(level: int, count: int) -> str:
    chinese = cn2an.an2cn(count)
    return [f"{chinese}、", f"（{chinese}）", f"{count}.", f"（{count}）"][min(level, 4) - 1]


def _level(paragraph) -> int | None:
    """The outline level of a heading paragraph (1 = part), from its style or its list numbering."""
    found = HEADING_STYLE.match(paragraph.style.name or "") if paragraph.style is not None else None
    if found:
        return int(found.group(1))
    numbering = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if numbering is not None and numbering.ilvl is not None:
        return int(numbering.ilvl.val) + 1
    return None


def extract_docx(path: Path) -> Extracted:
    """The document's paragraphs, one a line (blank line between), numbered headings, core properties."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorpusError(f"Word 文件 {path.name} 已损坏或不是 .docx 格式;旧的 .doc 请先另存为 .docx") from exc
    counters = [0, 0, 0, 0, 0]
    lines = []
    for paragraph in document.iter_inner_content():
        if isinstance(paragraph, Table):
            lines += table_lines(paragraph)
            continue
        text = paragraph.text.strip()
        if not text:
            continue
        level = _level(paragraph)
        if level and lines:  # the first line is the title, whatever its style
            level = min(level, 4)
            counters[level - 1] += 1
            counters[level:] = [0] * (len(counters) - level)
            if not WRITTEN_NUMBER.match(text) and not UNNUMBERED.match(text):
                text = _number(level, counters[level - 1]) + text
        lines.append(text)
    props = document.core_properties
    metadata = {}
    # The author property names whoever typed the file, not the issuing body: it is not the 发布者.
    for key, value in (("title", props.title),):
        if value and value.strip():
            metadata[key] = value.strip()
    return Extracted("\n\n".join(lines) + "\n", metadata)


def table_lines(table: Table) -> list[str]:
    """One line per row after the header row, each cell as 表头:内容 (a cell merged across columns once)."""
    rows = [_row_texts(row) for row in table.rows]
    rows = [row for row in rows if any(row)]
    if len(rows) < 2:
        return ["；".join(cell for cell in row if cell) for row in rows if any(row)]
    header, lines = rows[0], []
    for row in rows[1:]:
        cells = [f"{name}:{cell}" if name and name != cell else cell for name, cell in zip(header, row) if cell]
        lines.append("；".join(cells))
    return lines


def _row_texts(row) -> list[str]:
    """The row's cell texts, a cell merged across several columns kept once (blank in the others)."""
    texts, seen = [], set()
    for cell in row.cells:
        key = id(cell._tc)
        texts.append("" if key in seen else " ".join(cell.text.split()))
        seen.add(key)
    return texts

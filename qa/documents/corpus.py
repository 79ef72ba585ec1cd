"""Load report files from a corpus folder, keeping their text exactly as stored."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from qa.errors import CorpusError

#: Report files are plain UTF-8 text exports of the published web page.
REPORT_SUFFIX = ".txt"


@dataclass(frozen=True)
class SourceFile:
    """One report file: its id (file stem), path and exact decoded text."""

    doc_id: str
    path: Path
    text: str


def load_corpus(corpus_dir: Path | str) -> list[SourceFile]:
    """Read every report file in ``corpus_dir``, sorted by name."""
    folder = Path(corpus_dir)
    if not folder.is_dir():
        raise CorpusError(f"语料目录不存在: {folder}(corpus folder not found)")
    paths = sorted(folder.glob(f"*{REPORT_SUFFIX}"))
    if not paths:
        raise CorpusError(f"语料目录 {folder} 中没有 {REPORT_SUFFIX} 报告文件")
    return [read_source(path) for path in paths]


def read_source(path: Path) -> SourceFile:
    """Decode one report file; newline translation is off so offsets match the file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"无法读取报告文件 {path}: {exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"报告文件 {path} 不是有效的 UTF-8 文本(第 {exc.start} 字节): 请检查文件是否损坏"
        ) from exc
    if not text.strip():
        raise CorpusError(f"报告文件 {path} 是空的")
    return SourceFile(doc_id=path.stem, path=path, text=text)


def corpus_fingerprint(sources: list[SourceFile]) -> str:
    """A SHA-256 over file names and contents: changes whenever the corpus does."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.doc_id.encode("utf-8") + b"\0")
        digest.update(source.text.encode("utf-8") + b"\0")
    return digest.hexdigest()

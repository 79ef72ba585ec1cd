"""Load the documents of a corpus folder (.txt, .html/.htm, .pdf, .docx), keeping their text exactly.

A document's id is its file name without the extension. Its text is the file's own for a .txt file,
and what :mod:`qa.documents.formats` extracts for the others; passage offsets refer to that text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from qa.documents.catalogue import read_catalogue
from qa.documents.formats import SUFFIXES, extract
from qa.errors import CorpusError


@dataclass(frozen=True)
class SourceFile:
    """One document: its id (file stem), path, exact text, the metadata given for it when it was added
    (catalogue flags) and the metadata its file carries outside the text."""

    doc_id: str
    path: Path
    text: str
    metadata: dict = field(default_factory=dict, compare=False)  # given as flags
    file_metadata: dict = field(default_factory=dict, compare=False)

    @property
    def content_hash(self) -> str:
        """A SHA-256 over the text and metadata: changes whenever what is indexed of it would."""
        digest = hashlib.sha256(self.text.encode("utf-8"))
        for key in sorted(self.metadata):
            digest.update(f"\0{key}={self.metadata[key]}".encode())
        for key in sorted(self.file_metadata):
            digest.update(f"\0file-{key}={self.file_metadata[key]}".encode())
        return digest.hexdigest()


def document_paths(folder: Path) -> list[Path]:
    """The document files of a corpus folder, sorted by name (hidden files and the catalogue left out)."""
    return sorted(
        p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUFFIXES
    )


def load_corpus(corpus_dir: Path | str) -> list[SourceFile]:
    """Read every document in ``corpus_dir``, sorted by name."""
    folder = Path(corpus_dir)
    if not folder.is_dir():
        raise CorpusError(f"语料目录不存在: {folder}(corpus folder not found)")
    paths = document_paths(folder)
    if not paths:
        raise CorpusError(f"语料目录 {folder} 中没有报告文件({' '.join(SUFFIXES)})")
    stems = [p.stem for p in paths]
    if len(set(stems)) < len(stems):
        twice = sorted({s for s in stems if stems.count(s) > 1})
        raise CorpusError(f"语料目录 {folder} 中有同名的文件: {'、'.join(twice)};每份文件的名字(不含扩展名)须不同")
    catalogue = read_catalogue(folder)
    return [read_source(path, catalogue.get(path.stem)) for path in paths]


def read_source(path: Path, entry: dict | None = None) -> SourceFile:
    """Read one document; ``entry`` is its catalogue entry (the metadata given when it was added)."""
    extracted = extract(path)
    given = {k: v for k, v in (entry or {}).get("metadata", {}).items() if v}
    return SourceFile(doc_id=path.stem, path=path, text=extracted.text, metadata=given, file_metadata=extracted.metadata)


def corpus_fingerprint(sources: list[SourceFile]) -> str:
    """A SHA-256 over file names, contents and metadata: changes whenever the corpus does."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.doc_id.encode("utf-8") + b"\0" + source.content_hash.encode() + b"\0")
    return digest.hexdigest()

"""The corpus as a shelf of documents: add files (checked before anything is copied), list, remove.

A document's id is a file name (without extension) made from the added file's name. Metadata given as
flags (title, 发布日期, 发布者, place) is kept in the catalogue (:mod:`qa.documents.catalogue`) and wins
over what the file says; what neither says is asked for in the error message.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from qa.documents.catalogue import read_catalogue, write_catalogue
from qa.documents.corpus import SourceFile, document_paths, load_corpus, read_source
from qa.documents.passages import cut_passages
from qa.documents.structure import ParsedReport, parse_report
from qa.errors import CorpusError

DATE = re.compile(r"^((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})$")
UNSAFE_ID = re.compile(r"[^\w\u3400-\u9fff.-]+")
# What the flags are called, for the message that asks for what a document does not say.
FLAGS = {"published": "--date 2022-01-15", "publisher": "--publisher 发布机关", "place": "--place 地区"}


@dataclass(frozen=True)
class AddedDocument:
    """What ``add_documents`` did with one file: added, replaced (changed) or unchanged."""

    doc_id: str
    status: str
    title: str
    passages: int


@dataclass(frozen=True)
class DocumentRow:
    """One line of ``qa list``."""

    doc_id: str
    title: str
    publisher: str | None
    published: str | None
    place: str | None
    review_years: tuple[int, ...]
    plan_years: tuple[int, ...]
    passages: int
    file: str


def document_id(path: Path) -> str:
    """A safe document id from a file name: letters, digits, Chinese, . and - kept."""
    return UNSAFE_ID.sub("-", path.stem).strip("-.") or "document"


def given_metadata(title=None, published=None, publisher=None, place=None) -> dict[str, str]:
    """The flags that were given, checked (a date must be YYYY-MM-DD)."""
    if published:
        found = DATE.match(published.strip())
        if not found:
            raise CorpusError(f"日期 {published!r} 的格式不对,请写成 YYYY-MM-DD,例如 2022-01-15")
        published = f"{found.group(1)}-{int(found.group(2)):02d}-{int(found.group(3)):02d}"
    given = {"title": title, "published": published, "publisher": publisher, "place": place}
    return {key: value.strip() for key, value in given.items() if value and value.strip()}


def check_document(path: Path, metadata: dict[str, str]) -> tuple[SourceFile, ParsedReport, int]:
    """Read, parse and cut one file as it would be indexed; CorpusError naming anything missing."""
    if not path.is_file():
        raise CorpusError(f"找不到文件 {path}")
    source = read_source(path, {"metadata": metadata})
    report = parse_report(source)
    passages = cut_passages(report)
    if not passages:
        raise CorpusError(f"文件 {path.name} 中没有可检索的正文")
    missing = [key for key in FLAGS if not _value(report, key)]
    if missing:
        names = {"published": "发布日期", "publisher": "发布者", "place": "地区"}
        raise CorpusError(
            f"文件 {path.name} 中找不到{'、'.join(names[k] for k in missing)};"
            f"请用 {' '.join(FLAGS[k] for k in missing)} 指定"
        )
    return source, report, len(passages)


def _value(report: ParsedReport, key: str) -> str | None:
    return {"published": report.published, "publisher": report.publisher, "place": report.place}[key]


def add_documents(corpus_dir: Path, paths: list[Path], metadata: dict[str, str]) -> list[AddedDocument]:
    """Check every file, then copy them into the corpus with their catalogue entries.

    Nothing is copied unless every file can be read; returns what happened to each. Use
    :func:`restore` with the returned snapshot when indexing afterwards fails.
    """
    folder = Path(corpus_dir)
    folder.mkdir(parents=True, exist_ok=True)
    checked = [(path, *check_document(path, metadata)) for path in paths]
    ids = [document_id(path) for path in paths]
    if len(set(ids)) < len(ids):
        raise CorpusError(f"这几份文件的名字相同: {'、'.join(sorted({i for i in ids if ids.count(i) > 1}))};请改名后再添加")
    catalogue = read_catalogue(folder)
    existing = {p.stem: p for p in document_paths(folder)}
    results = []
    for doc_id, (path, _source, report, count) in zip(ids, checked):
        digest = _file_hash(path)
        target = folder / f"{doc_id}{path.suffix.lower()}"
        old = existing.get(doc_id)
        # Added again without flags: what was said of it before still holds.
        said = metadata or catalogue.get(doc_id, {}).get("metadata", {})
        entry = {"file": target.name, "sha256": digest, "metadata": said, "original_name": path.name}
        if old is not None and _file_hash(old) == digest and catalogue.get(doc_id, {}).get("metadata", {}) == said:
            results.append(AddedDocument(doc_id, "unchanged", report.title, count))
            continue
        if old is not None and old != target:
            old.unlink()
        if path.resolve() != target.resolve():
            shutil.copyfile(path, target)
        catalogue[doc_id] = entry
        results.append(AddedDocument(doc_id, "replaced" if old is not None else "added", report.title, count))
    write_catalogue(folder, catalogue)
    return results


def remove_document(corpus_dir: Path, doc_id: str) -> Path:
    """Take a document out of the corpus (its file and catalogue entry); returns the file removed."""
    folder = Path(corpus_dir)
    paths = {p.stem: p for p in document_paths(folder)} if folder.is_dir() else {}
    if doc_id not in paths:
        raise CorpusError(f"语料中没有编号为 {doc_id!r} 的文件;现有: {'、'.join(sorted(paths)) or '(无)'}")
    if len(paths) == 1:
        raise CorpusError(f"{doc_id} 是语料中唯一的文件,不能删除(索引不能为空);请先添加其他文件")
    catalogue = read_catalogue(folder)
    if catalogue.pop(doc_id, None) is not None:
        write_catalogue(folder, catalogue)
    paths[doc_id].unlink()
    return paths[doc_id]


def list_documents(corpus_dir: Path) -> list[DocumentRow]:
    """Every document of the corpus with its metadata, the years it covers and its passage count."""
    rows = []
    for source in load_corpus(corpus_dir):
        report = parse_report(source)
        rows.append(
            DocumentRow(
                doc_id=source.doc_id,
                title=report.title,
                publisher=report.publisher,
                published=report.published,
                place=report.place,
                review_years=report.time.review_years,
                plan_years=report.time.plan_years,
                passages=len(cut_passages(report)),
                file=source.path.name,
            )
        )
    return rows


@dataclass(frozen=True)
class Snapshot:
    """The corpus files and catalogue as they were, to put back if indexing fails after a change."""

    folder: Path
    files: dict[str, bytes]


def snapshot(corpus_dir: Path) -> Snapshot:
    """Remember the corpus's documents and catalogue (bytes), before changing it."""
    folder = Path(corpus_dir)
    names = [p.name for p in document_paths(folder)] + ["catalog.json"] if folder.is_dir() else []
    return Snapshot(folder, {name: (folder / name).read_bytes() for name in names if (folder / name).is_file()})


def restore(shot: Snapshot) -> None:
    """Put the corpus back as :func:`snapshot` saw it."""
    for path in document_paths(shot.folder) + [shot.folder / "catalog.json"]:
        if path.name not in shot.files and path.exists():
            path.unlink()
    for name, data in shot.files.items():
        (shot.folder / name).write_bytes(data)


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()

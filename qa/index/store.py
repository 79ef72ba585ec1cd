"""The searchable index of a corpus: passages, lexical and dense indexes, and a manifest.

Layout of an index folder::

    manifest.json    how and from what it was built (model, dimension, corpus hash, versions)
    passages.jsonl   one passage per line, in row order of both indexes
    dense.faiss      FAISS inner-product index of unit passage vectors
    lexical/         bm25s files
    second.npy       the passages' vectors by the second reader (float16; absent without one)

``index`` itself is a symbolic link to ``.index.v-XXXX/``, the folder of the last complete build. A
build writes a new version folder and renames a new link over ``index`` (one atomic step), so a
killed build leaves the previous index in place; the next build removes what it left. An index
saved as a plain folder by an earlier release is still read, and replaced by a link when rebuilt.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from qa import __version__
from qa.documents.corpus import SourceFile, corpus_fingerprint, load_corpus
from qa.documents.passages import CUTTER_VERSION, Passage, cut_passages
from qa.documents.structure import ParsedReport, parse_report
from qa.errors import (
    CorpusError,
    DamagedIndexError,
    IndexLocationError,
    IndexMissingError,
    QAError,
    StaleIndexError,
    UnreadableIndexError,
)
from qa.index.dense import DenseIndex
from qa.index.embedding import Embedder, default_model_id
from qa.index.lexical import TOKENIZER_VERSION, LexicalIndex
from qa.index.second_reader import DIMENSION as SECOND_DIMENSION
from qa.index.second_reader import SecondReader, load_second_reader
from qa.text.normalise import normalise_for_matching, normalise_text
from qa.text.sentences import segments

INDEX_FORMAT = 3
MANIFEST = "manifest.json"
PASSAGES = "passages.jsonl"
DENSE = "dense.faiss"
LEXICAL = "lexical"
SENTENCES = "lexical_sentences"
SECOND = "second.npy"
VERSION_MARK = ".v-"  # index/ -> .index.v-XXXX/, the folder of one complete build
LINK_MARK = ".link-"  # the new link, before it is renamed over index/


def lexical_text(passage: Passage) -> str:
    """What the lexical index sees: the headings above the passage, then its text, normalised."""
    return normalise_for_matching(f"{passage.context} {passage.text}")


def sentence_texts(passages: list[Passage]) -> tuple[list[str], list[int]]:
    """Each sentence of each passage, with its headings, and the passage it belongs to."""
    texts, owners = [], []
    for number, passage in enumerate(passages):
        for start, end in segments(passage.text):
            texts.append(normalise_for_matching(f"{passage.context} {passage.text[start:end]}"))
            owners.append(number)
    return texts, owners


def dense_text(passage: Passage) -> str:
    """What the embedding model sees: the headings give the passage its context."""
    return normalise_text(f"{passage.context}:{passage.text}")


@dataclass
class Index:
    """Everything needed to answer questions over one corpus."""

    passages: list[Passage]
    reports: dict[str, ParsedReport]
    lexical: LexicalIndex
    sentences: LexicalIndex
    dense: DenseIndex
    embedder: Embedder
    manifest: dict = field(default_factory=dict)
    # The passages' unit vectors by the second reader (qa.index.second_reader), float16; no rows
    # when it is not installed.
    second: np.ndarray = field(default_factory=lambda: np.zeros((0, SECOND_DIMENSION), dtype=np.float16))

    @classmethod
    def build(
        cls,
        corpus_dir: Path | str,
        model_id: str | None = None,
        embedder: Embedder | None = None,
        progress: bool = False,
        log: Callable[[str], None] = lambda message: None,
        previous: Reusable | None = None,
    ) -> Index:
        """Parse, cut, embed and index every report in ``corpus_dir``.

        With ``previous`` (an earlier index of the same model and cutter), a document whose content
        hash is unchanged keeps its passages and vectors: only added or changed documents are embedded.
        """
        started = time.perf_counter()
        sources = load_corpus(corpus_dir)
        reports = {source.doc_id: parse_report(source) for source in sources}
        embedder = embedder or Embedder(model_id)
        reuse = previous if previous and previous.model == embedder.model_id else None
        passages, vectors, embedded = _passages_and_vectors(sources, reports, embedder, reuse, progress)
        if not passages:
            raise CorpusError(f"语料目录 {corpus_dir} 中的报告没有可检索的正文")
        log(f"解析 {len(reports)} 份报告,切分为 {len(passages)} 个段落;新编码 {embedded} 个,沿用 {len(passages) - embedded} 个")
        dense = DenseIndex.build(vectors)
        second = _second_vectors(passages, load_second_reader(), reuse)
        lexical = LexicalIndex.build([lexical_text(p) for p in passages])
        sentences = LexicalIndex.build(*sentence_texts(passages))
        manifest = {
            "format": INDEX_FORMAT,
            "qa_version": __version__,
            "model": embedder.model_id,
            "passage_encoder": embedder.passage_encoder,
            "dimension": dense.dimension,
            "second_reader": bool(len(second)),
            "corpus_hash": corpus_fingerprint(sources),
            "cutter_version": CUTTER_VERSION,
            "tokenizer_version": TOKENIZER_VERSION,
            "documents": [
                {
                    "doc_id": s.doc_id,
                    "title": reports[s.doc_id].title,
                    "publisher": reports[s.doc_id].publisher,
                    "published": reports[s.doc_id].published,
                    "content_hash": s.content_hash,
                }
                for s in sources
            ],
            "passages": len(passages),
            "embedded_passages": embedded,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "build_seconds": round(time.perf_counter() - started, 2),
        }
        return cls(passages, reports, lexical, sentences, dense, embedder, manifest, second)

    def save(self, index_dir: Path | str) -> None:
        """Write the index beside ``index_dir`` and swap it in with one rename; see :func:`swap_in`."""
        target = Path(index_dir).absolute()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._save_beside(target)
        except PermissionError as exc:
            where = exc.filename or target.parent
            raise IndexLocationError(f"无法写入 {where}(权限不足);请用 --index 指定可写的目录") from exc

    def _save_beside(self, target: Path) -> None:
        with _build_lock(target.parent):
            check_replaceable(target)
            remove_leftovers(target)
            version = Path(tempfile.mkdtemp(prefix=f".{target.name}{VERSION_MARK}", dir=target.parent))
            try:
                self.write_files(version)
                swap_in(version, target)
            except BaseException:
                if not _points_to(target, version):
                    shutil.rmtree(version, ignore_errors=True)
                raise
            remove_leftovers(target)

    def write_files(self, folder: Path) -> None:
        """Write every file of the index into an empty ``folder``, the manifest last."""
        with open(folder / PASSAGES, "w", encoding="utf-8") as out:
            for passage in self.passages:
                out.write(json.dumps(passage.to_dict(), ensure_ascii=False) + "\n")
        self.dense.save(folder / DENSE)
        self.lexical.save(folder / LEXICAL)
        self.sentences.save(folder / SENTENCES)
        if len(self.second):
            np.save(folder / SECOND, self.second)
        # The manifest goes last: a folder without one is never mistaken for an index.
        (folder / MANIFEST).write_text(json.dumps(self.manifest, ensure_ascii=False, indent=2), "utf-8")

    @classmethod
    def load(
        cls,
        index_dir: Path | str,
        corpus_dir: Path | str,
        model_id: str | None = None,
        embedder: Embedder | None = None,
    ) -> Index:
        """Load a saved index, refusing one built from another corpus, model or cutter."""
        shown = Path(index_dir)
        folder = locate_index(shown)  # resolved once: a build swapped in meanwhile cannot mix two versions
        manifest = read_manifest(folder, shown)
        sources = load_corpus(corpus_dir)
        wanted_model = embedder.model_id if embedder else (model_id or default_model_id())
        problems = staleness(manifest, sources, wanted_model)
        if problems:
            raise StaleIndexError(
                f"索引 {shown} 已过期: {'; '.join(problems)}。请重新构建: qa build --corpus {corpus_dir} --index {shown}"
            )
        reports = {source.doc_id: parse_report(source) for source in sources}
        try:
            with open(folder / PASSAGES, encoding="utf-8") as lines:
                passages = [Passage.from_dict(json.loads(line)) for line in lines if line.strip()]
            dense = DenseIndex.load(folder / DENSE)
            lexical = LexicalIndex.load(folder / LEXICAL)
            sentences = LexicalIndex.load(folder / SENTENCES)
            second = _load_second(folder, manifest)
        except (OSError, ValueError, TypeError, KeyError, RuntimeError) as exc:  # faiss raises RuntimeError
            raise DamagedIndexError(
                f"索引 {shown} 已损坏({type(exc).__name__}: {str(exc)[:120]})。"
                f"请重新构建: qa build --corpus {corpus_dir} --index {shown}"
            ) from exc
        if dense.size != len(passages) or len(second) not in (0, len(passages)):
            raise DamagedIndexError(
                f"索引 {shown} 不完整: 向量 {dense.size} 个,第二读者向量 {len(second)} 个,段落 {len(passages)} 个。"
                f"请重新构建: qa build --corpus {corpus_dir} --index {shown}"
            )
        return cls(passages, reports, lexical, sentences, dense, embedder or Embedder(wanted_model), manifest, second)


def _load_second(folder: Path, manifest: dict) -> np.ndarray:
    """The second reader's passage vectors; none when the index was built without the reader."""
    if not manifest.get("second_reader"):
        return np.zeros((0, SECOND_DIMENSION), dtype=np.float16)
    second = np.load(folder / SECOND, allow_pickle=False)
    if second.ndim != 2 or second.shape[1] != SECOND_DIMENSION:
        raise ValueError(f"{SECOND} has shape {second.shape}")
    return second


def _second_vectors(passages: list[Passage], reader: SecondReader | None, reuse: Reusable | None) -> np.ndarray:
    """The second reader's vectors of ``passages`` (float16), reusing those of an earlier build's
    unchanged passages; none without the reader."""
    if reader is None:
        return np.zeros((0, SECOND_DIMENSION), dtype=np.float16)
    earlier = {p.text: v for p, v in zip(reuse.passages, reuse.second)} if reuse and len(reuse.second) else {}
    fresh = [p.text for p in passages if p.text not in earlier]
    encoded = dict(zip(fresh, reader.encode(fresh)))
    return np.array([earlier.get(p.text, encoded.get(p.text)) for p in passages], dtype=np.float16)


@dataclass(frozen=True)
class Reusable:
    """What an earlier index offers a new build: each document's content hash, passages and vectors."""

    model: str
    hashes: dict[str, str]
    passages: list[Passage]
    dense: DenseIndex
    second: np.ndarray

    def rows_of(self, doc_id: str, content_hash: str) -> list[int] | None:
        """The rows of an unchanged document, or None when it is new or changed."""
        if self.hashes.get(doc_id) != content_hash:
            return None
        return [row for row, p in enumerate(self.passages) if p.doc_id == doc_id]


def reusable(index_dir: Path | str) -> Reusable | None:
    """The saved index at ``index_dir`` as material for an incremental build; None when it cannot serve
    (missing, damaged, or built by another format, cutter or tokenizer)."""
    try:
        folder = locate_index(Path(index_dir))
        manifest = read_manifest(folder)
        same_code = (manifest.get("format"), manifest.get("cutter_version"), manifest.get("tokenizer_version")) == (
            INDEX_FORMAT,
            CUTTER_VERSION,
            TOKENIZER_VERSION,
        )
        if not same_code:
            return None
        with open(folder / PASSAGES, encoding="utf-8") as lines:
            passages = [Passage.from_dict(json.loads(line)) for line in lines if line.strip()]
        dense = DenseIndex.load(folder / DENSE)
        second = _load_second(folder, manifest)
    except (QAError, OSError, ValueError, TypeError, KeyError, RuntimeError):
        return None
    if dense.size != len(passages) or len(second) not in (0, len(passages)):
        return None
    hashes = {d["doc_id"]: d.get("content_hash") for d in manifest.get("documents", []) if "doc_id" in d}
    return Reusable(manifest.get("model", ""), hashes, passages, dense, second)


def _passages_and_vectors(sources, reports, embedder: Embedder, reuse: Reusable | None, progress: bool):
    """Every passage in corpus order with its vector; unchanged documents' vectors come from ``reuse``."""
    passages: list[Passage] = []
    kept: dict[int, np.ndarray] = {}
    fresh: list[int] = []
    for source in sources:
        rows = reuse.rows_of(source.doc_id, source.content_hash) if reuse else None
        if rows is not None:
            for row, vector in zip(rows, reuse.dense.vectors(rows)):
                kept[len(passages)] = vector
                passages.append(reuse.passages[row])
            continue
        own = cut_passages(reports[source.doc_id])
        fresh.extend(range(len(passages), len(passages) + len(own)))
        passages.extend(own)
    vectors = np.zeros((len(passages), reuse.dense.dimension if reuse else 0), dtype=np.float32)
    if fresh:
        encoded = embedder.encode_passages([dense_text(passages[i]) for i in fresh], progress=progress)
        if vectors.shape[1] != encoded.shape[1]:
            vectors = np.zeros((len(passages), encoded.shape[1]), dtype=np.float32)
        vectors[fresh] = encoded
    for i, vector in kept.items():
        vectors[i] = vector
    return passages, vectors, len(fresh)


def update_index(
    index_dir: Path | str,
    corpus_dir: Path | str,
    model_id: str | None = None,
    log: Callable[[str], None] = lambda message: None,
) -> Index:
    """Rebuild the index after the corpus changed, embedding only added or changed documents."""
    index = Index.build(corpus_dir, model_id, log=log, previous=reusable(index_dir))
    index.save(index_dir)
    return index


def locate_index(path: Path) -> Path:
    """The folder of the build ``path`` names (through its link), once it is known to be readable.

    IndexMissingError when nothing is there. UnreadableIndexError when something is there that no
    build can replace or read (a file, a folder without permission, a manifest that is a folder):
    a person must look, so nothing is rebuilt.
    """
    fix = "请检查或删除它,或用 --index 指定其他目录"
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IndexMissingError(f"索引目录 {path} 中没有索引,请先运行: qa build --index {path}") from None
    except OSError as exc:
        raise UnreadableIndexError(f"索引目录 {path} 无法访问({exc.strerror});{fix}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise UnreadableIndexError(f"{path} 是一个文件,不是索引目录;{fix}")
    folder = path.resolve()
    if not os.access(folder, os.R_OK | os.X_OK):
        raise UnreadableIndexError(f"索引目录 {path} 无法读取(权限不足);{fix}")
    if (folder / MANIFEST).is_dir():
        raise UnreadableIndexError(f"索引清单 {path / MANIFEST} 是一个目录,不是文件;{fix}")
    return folder


def read_manifest(folder: Path, shown: Path | None = None) -> dict:
    """The manifest of an index folder, or IndexMissingError if there is none."""
    shown = shown or folder
    path = folder / MANIFEST
    if not path.is_file():
        raise IndexMissingError(f"索引目录 {shown} 中没有索引,请先运行: qa build --index {shown}")
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise DamagedIndexError(f"索引清单 {shown / MANIFEST} 无法读取({exc}),请重新构建: qa build --index {shown}") from exc


def staleness(manifest: dict, sources: list[SourceFile], model_id: str) -> list[str]:
    """Reasons the saved index no longer matches the corpus, model or code (empty if it does)."""
    expected = {
        "format": INDEX_FORMAT,
        "corpus_hash": corpus_fingerprint(sources),
        "model": model_id,
        "cutter_version": CUTTER_VERSION,
        "tokenizer_version": TOKENIZER_VERSION,
    }
    labels = {
        "format": "索引格式",
        "corpus_hash": "语料内容",
        "model": "向量模型",
        "cutter_version": "段落切分规则",
        "tokenizer_version": "分词规则",
    }
    return [
        f"{labels[key]}不同(索引: {manifest.get(key)!s:.16}, 当前: {value!s:.16})"
        for key, value in expected.items()
        if manifest.get(key) != value
    ]


def swap_in(version: Path, target: Path) -> None:
    """Make ``target`` a symbolic link to the complete index in ``version``, in one atomic rename.

    A new link is made under a temporary name and renamed over ``target``: at every moment
    ``target`` names either the old complete index or the new one. An index saved by an earlier
    release (a real folder) is first moved aside, the one moment without an index.
    """
    link = target.parent / f".{target.name}{LINK_MARK}{version.name}"
    link.unlink(missing_ok=True)
    os.symlink(version.name, link)  # relative: the folder and its link move together
    if target.is_dir() and not target.is_symlink():
        os.replace(target, target.parent / f".{target.name}{VERSION_MARK}earlier")
    os.replace(link, target)


def remove_leftovers(target: Path) -> None:
    """Remove what killed or finished builds left beside ``target``: every version but the current one."""
    current = target.resolve().name if target.is_symlink() else None
    for entry in target.parent.glob(f".{target.name}.*"):
        if entry.name == current or not entry.name.startswith(_leftover_prefixes(target.name)):
            continue
        if entry.is_symlink() or entry.is_file():
            entry.unlink(missing_ok=True)
        else:
            shutil.rmtree(entry, ignore_errors=True)


def _leftover_prefixes(name: str) -> tuple[str, ...]:
    return tuple(f".{name}{mark}" for mark in (VERSION_MARK, LINK_MARK, ".building-", ".old-"))


def check_replaceable(target: Path) -> None:
    """IndexLocationError unless ``target`` is absent, an earlier index, a link to one, or an empty folder."""
    if target.is_symlink() and not target.exists():
        return  # a link whose index is gone: replacing it loses nothing
    if not target.exists():
        return
    if target.is_dir() and ((target / MANIFEST).is_file() or not any(target.iterdir())):
        return
    raise IndexLocationError(f"{target} 不是索引目录且不为空,为安全起见不会覆盖它;请用 --index 指定其他目录")


def _points_to(target: Path, version: Path) -> bool:
    return target.is_symlink() and target.resolve() == version.resolve()


@contextmanager
def _build_lock(folder: Path):
    """Builds into the same folder take turns, so one never removes another's version as a leftover."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def open_index(
    index_dir: Path | str,
    corpus_dir: Path | str,
    model_id: str | None = None,
    rebuild: bool = True,
    log: Callable[[str], None] = lambda message: None,
) -> Index:
    """Load the index, building it first when it is missing, or (if ``rebuild``) stale."""
    try:
        return Index.load(index_dir, corpus_dir, model_id)
    except IndexMissingError:
        check_replaceable(Path(index_dir).absolute())  # refuse before a build, not after it
        log(f"索引不存在,正在构建 {index_dir} …")
    except StaleIndexError as exc:
        if not rebuild:
            raise
        log(f"{exc},正在重建 …")
    # The index follows the corpus: documents whose content is unchanged keep their vectors.
    return update_index(index_dir, corpus_dir, model_id, log=log)

"""The searchable index of a corpus: passages, lexical and dense indexes, and a manifest.

Layout of an index folder::

    manifest.json    how and from what it was built (model, dimension, corpus hash, versions)
    passages.jsonl   one passage per line, in row order of both indexes
    dense.faiss      FAISS inner-product index of unit passage vectors
    lexical/         bm25s files
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qa import __version__
from qa.documents.corpus import SourceFile, corpus_fingerprint, load_corpus
from qa.documents.passages import CUTTER_VERSION, Passage, cut_passages
from qa.documents.structure import ParsedReport, parse_report
from qa.errors import CorpusError, DamagedIndexError, IndexLocationError, IndexMissingError, StaleIndexError
from qa.index.dense import DenseIndex
from qa.index.embedding import Embedder, default_model_id
from qa.index.lexical import TOKENIZER_VERSION, LexicalIndex
from qa.text.normalise import normalise_for_matching, normalise_text
from qa.text.sentences import segments

INDEX_FORMAT = 2
MANIFEST = "manifest.json"
PASSAGES = "passages.jsonl"
DENSE = "dense.faiss"
LEXICAL = "lexical"
SENTENCES = "lexical_sentences"


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

    @classmethod
    def build(
        cls,
        corpus_dir: Path | str,
        model_id: str | None = None,
        embedder: Embedder | None = None,
        progress: bool = False,
        log: Callable[[str], None] = lambda message: None,
    ) -> Index:
        """Parse, cut, embed and index every report in ``corpus_dir``."""
        started = time.perf_counter()
        sources = load_corpus(corpus_dir)
        reports = {source.doc_id: parse_report(source) for source in sources}
        passages = [p for report in reports.values() for p in cut_passages(report)]
        if not passages:
            raise CorpusError(f"语料目录 {corpus_dir} 中的报告没有可检索的正文")
        log(f"解析 {len(reports)} 份报告,切分为 {len(passages)} 个段落")
        embedder = embedder or Embedder(model_id)
        vectors = embedder.encode_passages([dense_text(p) for p in passages], progress=progress)
        dense = DenseIndex.build(vectors)
        lexical = LexicalIndex.build([lexical_text(p) for p in passages])
        sentences = LexicalIndex.build(*sentence_texts(passages))
        manifest = {
            "format": INDEX_FORMAT,
            "qa_version": __version__,
            "model": embedder.model_id,
            "passage_encoder": embedder.passage_encoder,
            "dimension": dense.dimension,
            "corpus_hash": corpus_fingerprint(sources),
            "cutter_version": CUTTER_VERSION,
            "tokenizer_version": TOKENIZER_VERSION,
            "documents": [
                {"doc_id": r.doc_id, "title": r.title, "publisher": r.publisher, "published": r.published}
                for r in reports.values()
            ],
            "passages": len(passages),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "build_seconds": round(time.perf_counter() - started, 2),
        }
        return cls(passages, reports, lexical, sentences, dense, embedder, manifest)

    def save(self, index_dir: Path | str) -> None:
        """Write the index atomically: build in a sibling folder, then swap it into place."""
        target = Path(index_dir).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
        try:
            with open(staging / PASSAGES, "w", encoding="utf-8") as out:
                for passage in self.passages:
                    out.write(json.dumps(passage.to_dict(), ensure_ascii=False) + "\n")
            self.dense.save(staging / DENSE)
            self.lexical.save(staging / LEXICAL)
            self.sentences.save(staging / SENTENCES)
            # The manifest goes last: a folder without one is never mistaken for an index.
            (staging / MANIFEST).write_text(json.dumps(self.manifest, ensure_ascii=False, indent=2), "utf-8")
            _swap_into_place(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise

    @classmethod
    def load(
        cls,
        index_dir: Path | str,
        corpus_dir: Path | str,
        model_id: str | None = None,
        embedder: Embedder | None = None,
    ) -> Index:
        """Load a saved index, refusing one built from another corpus, model or cutter."""
        folder = Path(index_dir)
        manifest = read_manifest(folder)
        sources = load_corpus(corpus_dir)
        wanted_model = embedder.model_id if embedder else (model_id or default_model_id())
        problems = staleness(manifest, sources, wanted_model)
        if problems:
            raise StaleIndexError(
                f"索引 {folder} 已过期: {'; '.join(problems)}。请重新构建: qa build --corpus {corpus_dir} --index {folder}"
            )
        reports = {source.doc_id: parse_report(source) for source in sources}
        try:
            with open(folder / PASSAGES, encoding="utf-8") as lines:
                passages = [Passage.from_dict(json.loads(line)) for line in lines if line.strip()]
            dense = DenseIndex.load(folder / DENSE)
            lexical = LexicalIndex.load(folder / LEXICAL)
            sentences = LexicalIndex.load(folder / SENTENCES)
        except (OSError, ValueError, TypeError, KeyError, RuntimeError) as exc:  # faiss raises RuntimeError
            raise DamagedIndexError(
                f"索引 {folder} 已损坏({type(exc).__name__}: {str(exc)[:120]})。"
                f"请重新构建: qa build --corpus {corpus_dir} --index {folder}"
            ) from exc
        if dense.size != len(passages):
            raise DamagedIndexError(f"索引 {folder} 不完整: 向量 {dense.size} 个,段落 {len(passages)} 个")
        return cls(passages, reports, lexical, sentences, dense, embedder or Embedder(wanted_model), manifest)


def read_manifest(folder: Path) -> dict:
    """The manifest of an index folder, or IndexMissingError if there is none."""
    path = folder / MANIFEST
    if not path.is_file():
        raise IndexMissingError(f"索引目录 {folder} 中没有索引,请先运行: qa build --index {folder}")
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise DamagedIndexError(f"索引清单 {path} 无法读取({exc}),请重新构建: qa build --index {folder}") from exc


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


def _swap_into_place(staging: Path, target: Path) -> None:
    if target.exists() and not _is_replaceable(target):
        raise IndexLocationError(f"{target} 不是索引目录且不为空,为安全起见不会覆盖它;请用 --index 指定其他目录")
    if target.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.replace(target, retired / target.name)
        os.replace(staging, target)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(staging, target)


def _is_replaceable(folder: Path) -> bool:
    """Only an earlier index, or an empty folder, may be swapped out."""
    if not folder.is_dir():
        return False
    return (folder / MANIFEST).is_file() or not any(folder.iterdir())


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
        log(f"索引不存在,正在构建 {index_dir} …")
    except StaleIndexError as exc:
        if not rebuild:
            raise
        log(f"{exc},正在重建 …")
    index = Index.build(corpus_dir, model_id, log=log)
    index.save(index_dir)
    return index

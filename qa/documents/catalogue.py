"""The corpus catalogue (``catalog.json`` in the corpus folder): what was said about each document when
it was added (title, 发布日期, 发布者, place given as flags) and the hash of its file."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from qa.errors import CorpusError

CATALOGUE = "catalog.json"


def read_catalogue(corpus_dir: Path) -> dict[str, dict]:
    """doc_id → entry; empty when the corpus has no catalogue (a folder of files is a corpus too)."""
    path = Path(corpus_dir) / CATALOGUE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"语料目录的目录文件 {path} 无法读取({exc});请修复或删除它") from exc
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise CorpusError(f"语料目录的目录文件 {path} 格式不对:应是 文件编号 → 信息 的 JSON 对象")
    return data


def write_catalogue(corpus_dir: Path, catalogue: dict[str, dict]) -> None:
    """Replace the catalogue atomically (write a sibling file, then rename it into place)."""
    folder = Path(corpus_dir)
    handle, staging = tempfile.mkstemp(prefix=".catalog-", suffix=".json", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(catalogue, out, ensure_ascii=False, indent=2, sort_keys=True)
    os.replace(staging, folder / CATALOGUE)

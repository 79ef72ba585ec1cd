"""Read evaluation files (JSON Lines; the format is described in eval/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

from qa.errors import EvalFileError


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON Lines file, with a clear error for a broken line."""
    records = []
    try:
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except ValueError as exc:
                        raise EvalFileError(f"{path} 第 {number} 行不是有效的 JSON: {exc}") from exc
    except OSError as exc:
        raise EvalFileError(f"无法读取评测文件 {path}: {exc}") from exc
    if not records:
        raise EvalFileError(f"评测文件 {path} 是空的")
    return records

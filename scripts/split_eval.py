"""Give every evaluation record a fixed ``split``: ``tune`` or ``test``.

Records are grouped by ``kind`` (claim files) or by ``class`` / ``type`` (question files: the
``class`` of an unanswerable question when it has one, else its ``type``). Within a group, records
are sorted by ``id`` and alternate tune, test, tune, test... A record that already has a ``split``
keeps it (items moved from test to tune by hand stay moved), so re-running changes nothing; only
records without one are assigned, by their position in the sorted group.

Every line is rewritten with ``json.dumps(obj, ensure_ascii=False)``: keys in their original
order, ``split`` last; the order of records is unchanged.

    python scripts/split_eval.py            # the default eval files
    python scripts/split_eval.py FILE ...   # other files
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = [
    "eval/dev.jsonl",
    "eval/questions-extra.jsonl",
    "eval/questions-more.jsonl",
    "eval/questions-fresh.jsonl",
    "eval/questions-fresh2.jsonl",
    "eval/questions-fresh3.jsonl",
    "eval/questions-fresh4.jsonl",
    "eval/questions-fresh5.jsonl",
    "eval/questions-fresh6.jsonl",
    "eval/questions-fresh7.jsonl",
    "eval/questions-fresh8.jsonl",
    "eval/questions-fresh9.jsonl",
    "eval/questions-fresh10.jsonl",
    "eval/questions-fresh11.jsonl",
    "eval/questions-fresh12.jsonl",
    "eval/claims-dev.jsonl",
    "eval/claims-extra.jsonl",
    "eval/claims-hard.jsonl",
    "eval/claims-more.jsonl",
    "eval/claims-fresh.jsonl",
    "eval/claims-fresh2.jsonl",
    "eval/claims-fresh3.jsonl",
    "eval/claims-fresh4.jsonl",
    "eval/claims-fresh5.jsonl",
    "eval/claims-fresh6.jsonl",
    "eval/claims-fresh7.jsonl",
    "eval/claims-fresh8.jsonl",
    "eval/claims-fresh9.jsonl",
    "eval/claims-fresh10.jsonl",
    "eval/claims-fresh11.jsonl",
    "eval/claims-fresh12.jsonl",
]
SPLITS = ("tune", "test")


def group_of(record: dict) -> str:
    if "claim" in record:
        return "kind:" + str(record.get("kind"))
    return "class:" + str(record["class"]) if record.get("class") else "type:" + str(record.get("type"))


def assign(records: list[dict]) -> int:
    """Fill in missing ``split`` values in place; the number of records assigned."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        groups[group_of(record)].append(record)
    assigned = 0
    for members in groups.values():
        for position, record in enumerate(sorted(members, key=lambda r: str(r["id"]))):
            if record.get("split") not in SPLITS:
                record.pop("split", None)  # re-added last
                record["split"] = SPLITS[position % 2]
                assigned += 1
    return assigned


def split_file(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assigned = assign(records)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return assigned


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [ROOT / f for f in FILES]
    for path in paths:
        assigned = split_file(path)
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        counts = {s: sum(r["split"] == s for r in records) for s in SPLITS}
        print(f"{path.name}: {len(records)} records, {assigned} newly assigned, tune {counts['tune']}, test {counts['test']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

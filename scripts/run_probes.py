"""Run the probe sets of ``eval/probes`` (see its README) and print how many of each are right.

    .venv/bin/python scripts/run_probes.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.answering.search import Searcher  # noqa: E402
from qa.factcheck.checker import FactChecker  # noqa: E402
from qa.index.store import open_index  # noqa: E402

PROBES = ROOT / "eval" / "probes"


def main() -> None:
    index = open_index(ROOT / "index", ROOT / "corpus", None, rebuild=False, log=lambda *a: None)
    searcher = Searcher(index)
    checker = FactChecker(searcher)
    for path in sorted(PROBES.glob("*.txt")):
        questions = [q for q in path.read_text("utf-8").splitlines() if q.strip()]
        want_answered = path.stem.startswith("answerable")
        right = sum(searcher.ask(q).answerable == want_answered for q in questions)
        print(f"{path.name:28s} {right}/{len(questions)} {'answered' if want_answered else 'declined'}")
    for path in sorted(PROBES.glob("*.tsv")):
        rows = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line.strip()]
        right = sum(checker.check(claim).verdict == verdict for verdict, claim in rows)
        print(f"{path.name:28s} {right}/{len(rows)} right verdicts")


if __name__ == "__main__":
    main()

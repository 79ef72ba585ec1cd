"""What the page and the API do, over one searcher: ask and check, with values from a form or a client.

Nothing here knows Gradio: the handlers in :mod:`qa.app.ui` call it and render its dicts.
"""

from __future__ import annotations

import re
import threading

from qa.answering.search import Searcher
from qa.documents.time import PART_NAMES
from qa.errors import QueryError
from qa.factcheck.checker import FactChecker

DEFAULT_K = 5
YEARS_PREFIX = re.compile(r"^[\d—\-、]+年")


def part_value(part: object) -> str | None:
    """The search ``part`` for a UI or API value: None for 全部 / all / empty, else review/plan/notes."""
    if part is None:
        return None
    text = str(part).strip()
    if text in ("", "all", "全部", "None", "none"):
        return None
    labels = {label: kind.value for kind, label in PART_NAMES.items()}
    # A label may carry its document's years (2020年执行情况, 2021—2023年计划): the part is what follows.
    return labels.get(YEARS_PREFIX.sub("", text), text)


def k_value(k: object) -> int:
    """The number of passages to show, from a UI or API value."""
    if k is None or k == "":
        return DEFAULT_K
    try:
        number = float(k)
    except (TypeError, ValueError):
        raise QueryError(f"显示段落数必须是整数,收到的是 {k!r}") from None
    if number != int(number):
        raise QueryError(f"显示段落数必须是整数,收到的是 {k!r}")
    return int(number)


class Service:
    """Questions and claims over one searcher; the fact checker is made on first use."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self._checker: FactChecker | None = None
        self._checker_lock = threading.Lock()

    def ask(self, question: object, k: object = DEFAULT_K, part: object = None) -> dict:
        """``Answer.to_dict()`` for a question; QueryError (Chinese message) for bad input."""
        if not isinstance(question, str):
            question = "" if question is None else str(question)
        return self.searcher.ask(question, k=k_value(k), part=part_value(part)).to_dict()

    def checker(self) -> FactChecker:
        with self._checker_lock:
            if self._checker is None:
                self._checker = FactChecker(self.searcher)
            return self._checker

    def check(self, claim: object) -> dict:
        """``Verdict.to_dict()`` for a claim."""
        if not isinstance(claim, str):
            claim = "" if claim is None else str(claim)
        if not claim.strip():
            raise QueryError("请输入要核对的说法(不能为空)")
        return self.checker().check(claim).to_dict()

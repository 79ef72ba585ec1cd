"""What the page and the API do, over one searcher: ask and check, with values from a form or a client.

Nothing here knows Gradio: the handlers in :mod:`qa.app.ui` call it and render its dicts.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict

from qa.answering.search import Searcher
from qa.documents.passages import PART_KINDS
from qa.errors import QueryError
from qa.factcheck.checker import FactChecker

DEFAULT_K = 5
#: Answers kept: the page's example questions are asked again and again.
ANSWER_CACHE_SIZE = 256


def part_value(part: object) -> str | None:
    """The search ``part`` for a UI or API value: None for 全部 / all / empty, else review/plan/notes."""
    if part is None:
        return None
    text = str(part).strip()
    if text in ("", "all", "全部", "None", "none"):
        return None
    labels = {label: kind for kind, label in PART_KINDS.items()}
    return labels.get(text, text)


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
        self._answers: OrderedDict[tuple, dict] = OrderedDict()
        self._answers_lock = threading.Lock()

    def ask(self, question: object, k: object = DEFAULT_K, part: object = None) -> dict:
        """``Answer.to_dict()`` for a question; QueryError (Chinese message) for bad input."""
        if not isinstance(question, str):
            question = "" if question is None else str(question)
        # Only spacing is folded: any other change (script, width) can change what the answer says.
        key = (" ".join(question.split()), k_value(k), part_value(part))
        with self._answers_lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return copy.deepcopy(self._answers[key])
        answer = self.searcher.ask(question, k=key[1], part=key[2]).to_dict()
        with self._answers_lock:
            self._answers[key] = copy.deepcopy(answer)
            while len(self._answers) > ANSWER_CACHE_SIZE:
                self._answers.popitem(last=False)
        return answer

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

"""What the page and the API do, over one searcher: ask and check, with values from a form or a client.

Nothing here knows Gradio: the handlers in :mod:`qa.app.ui` call it and render its dicts.
"""

from __future__ import annotations

import copy
import re
import threading
from collections import OrderedDict

from qa.answering.search import MAX_K, Searcher
from qa.documents.time import PART_NAMES
from qa.errors import QueryError
from qa.factcheck.checker import FactChecker
from qa.text.inputs import clean_count, clean_text, printable, repair_surrogates

DEFAULT_K = 5
YEARS_PREFIX = re.compile(r"^[\d—\-、]+年")
#: Answers kept: the page's example questions are asked again and again.
ANSWER_CACHE_SIZE = 256


def part_value(part: object) -> str | None:
    """The search ``part`` for a UI or API value: None for 全部 / all / empty, else review/plan/notes."""
    if part is None:
        return None
    if not isinstance(part, str):
        raise QueryError(f"查找范围必须是文字(all、review、plan、notes 或 attachment),收到的是 {type(part).__name__}")
    text = printable(repair_surrogates(part)).strip()
    if text in ("", "all", "全部", "None", "none"):
        return None
    labels = {label: kind.value for kind, label in PART_NAMES.items()}
    # A label may carry its document's years (2020年执行情况, 2021—2023年计划): the part is what follows.
    return labels.get(YEARS_PREFIX.sub("", text), text)


def docs_value(docs: object) -> list[str]:
    """Document ids from a UI or API value: None or [] for every document, one id, or a list of ids."""
    if docs is None or docs == "":
        return []
    items = [docs] if isinstance(docs, str) else docs
    if not isinstance(items, list | tuple) or not all(isinstance(item, str) for item in items):
        raise QueryError("文件必须是文件编号或编号列表(见 qa list)")
    return [clean_text(item, "文件编号") for item in items if item.strip()]


def k_value(k: object) -> int:
    """The number of passages to show, from a UI or API value (a whole number from 1 to MAX_K)."""
    return clean_count(k, DEFAULT_K, 1, MAX_K)


class Service:
    """Questions and claims over one searcher; the fact checker is made on first use."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self._checker: FactChecker | None = None
        self._checker_lock = threading.Lock()
        self._answers: OrderedDict[tuple, dict] = OrderedDict()
        self._answers_lock = threading.Lock()

    def ask(self, question: object, k: object = DEFAULT_K, part: object = None, docs: object = None) -> dict:
        """``Answer.to_dict()`` for a question; QueryError (Chinese message) for bad input."""
        question = clean_text(question, "问题")
        # Only spacing is folded: any other change (script, width) can change what the answer says.
        key = (" ".join(question.split()), k_value(k), part_value(part), tuple(docs_value(docs)))
        with self._answers_lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return copy.deepcopy(self._answers[key])
        answer = self.searcher.ask(question, k=key[1], part=key[2], docs=list(key[3])).to_dict()
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

    def check(self, claim: object, docs: object = None) -> dict:
        """``Verdict.to_dict()`` for a claim."""
        return self.checker().restricted(docs_value(docs)).check(clean_text(claim, "说法")).to_dict()

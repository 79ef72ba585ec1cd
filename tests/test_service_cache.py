"""The app's answer cache: a repeated question is answered from it, identically, and stays bounded."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_repeated_question_comes_from_the_cache(searcher, monkeypatch):
    from qa.app import service as service_module
    from qa.app.service import Service

    service = Service(searcher)
    first = service.ask("2020年和平区新增就业多少人?")
    calls = []
    original = searcher.ask
    monkeypatch.setattr(searcher, "ask", lambda *a, **kw: calls.append(a) or original(*a, **kw))
    again = service.ask("  2020年和平区新增就业多少人? ")
    assert again == first and calls == []
    again["hits"].clear()  # a caller changing its copy does not change the next answer
    assert service.ask("2020年和平区新增就业多少人?") == first
    service.ask("2020年和平区新增就业多少人?", k=3)  # another k is another answer
    assert len(calls) == 1

    monkeypatch.setattr(service_module, "ANSWER_CACHE_SIZE", 2)
    for question in ("和平区2021年GDP目标是多少?", "2021年计划引进多少个京冀项目?"):
        service.ask(question)
    assert len(service._answers) == 2

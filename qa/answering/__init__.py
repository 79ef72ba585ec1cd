"""Answering a question: what it asks, hybrid search, the answering span, whether the report answers it.

``intent`` (time and definition cues), ``search`` (``Searcher``), ``highlight`` (answer spans),
``answerability`` (the no-answer decision and confidence), ``results`` (``Hit``, ``Answer``).
"""

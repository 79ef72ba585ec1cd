"""Shared fixtures: the real report, and one real index of it built once per test session."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from browser_support import launch_browser

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
EVAL = ROOT / "eval"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def source():
    from qa.documents.corpus import load_corpus

    return load_corpus(CORPUS)[0]


@pytest.fixture(scope="session")
def report(source):
    from qa.documents.structure import parse_report

    return parse_report(source)


@pytest.fixture(scope="session")
def passages(report):
    from qa.documents.passages import cut_passages

    return cut_passages(report)


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory):
    """A real index of the real report, built and saved once."""
    from qa.index.store import Index

    folder = tmp_path_factory.mktemp("index") / "index"
    Index.build(CORPUS).save(folder)
    return folder


@pytest.fixture(scope="session")
def searcher(index_dir):
    from qa.answering.search import Searcher
    from qa.index.store import Index

    return Searcher(Index.load(index_dir, CORPUS))


@pytest.fixture(scope="session")
def checker(searcher):
    """The fact checker over the session's real index."""
    from qa.factcheck.checker import FactChecker

    return FactChecker(searcher)


def run_cli(argv, capsys, stdin=None, monkeypatch=None):
    """Run ``qa`` in-process; returns (exit code, stdout, stderr)."""
    from qa.cli import main

    if stdin is not None:  # the CLI reads standard input as bytes, as from a pipe
        data = stdin.encode("utf-8", "surrogateescape") if isinstance(stdin, str) else stdin
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, one for the whole session (Playwright's sync API allows one per process)."""
    yield from launch_browser()

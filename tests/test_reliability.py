"""Reliability: a build killed at every step of the index swap, unreadable index paths, and (short) load on the API.

The long versions of these runs, with figures, are ``python -m benchmarks.reliability`` (docs/reliability.md).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.slow

# Where a build can die while it saves: (object, attribute, before or after the call, which call).
KILL_POINTS = [
    ("index", "write_files", "before", 1),  # empty version folder
    ("dense", "save", "before", 1),  # passages written, vectors not
    ("index", "write_files", "after", 1),  # complete version folder, not yet named by the link
    ("os", "symlink", "after", 1),  # new link made under its temporary name
    ("os", "replace", "before", 1),  # … and about to be renamed over the old one
    ("os", "replace", "after", 1),  # new index in place, old version not yet removed
    ("shutil", "rmtree", "after", 1),  # leftovers half removed
]


def _kill_during_save(index, target, owner: str, attribute: str, when: str, nth: int) -> int:
    """Save ``index`` to ``target`` in a forked child that SIGKILLs itself at the given point; its wait status."""
    from qa.index import store
    from qa.index.dense import DenseIndex

    owners = {"index": store.Index, "dense": DenseIndex, "os": os, "shutil": shutil}
    pid = os.fork()
    if pid == 0:  # the child: never returns to pytest
        try:
            obj = owners[owner]
            real = getattr(obj, attribute)
            calls = []

            def dying(*args, **kwargs):
                calls.append(1)
                if len(calls) == nth and when == "before":
                    os.kill(os.getpid(), signal.SIGKILL)
                result = real(*args, **kwargs)
                if len(calls) == nth:
                    os.kill(os.getpid(), signal.SIGKILL)
                return result

            setattr(obj, attribute, dying)
            index.save(target)
        finally:
            os._exit(3)  # the kill point was never reached
    _, status = os.waitpid(pid, 0)
    return status


def _hidden_entries(folder, name="index"):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{name}."))


@pytest.mark.parametrize(("owner", "attribute", "when", "nth"), KILL_POINTS)
def test_build_killed_at_each_step_of_the_swap_leaves_a_complete_index(searcher, tmp_path, owner, attribute, when, nth):
    from qa.index.store import Index

    index = searcher.index
    target = tmp_path / "index"
    index.save(target)
    before = target.resolve()
    status = _kill_during_save(index, target, owner, attribute, when, nth)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

    loaded = Index.load(target, CORPUS, embedder=index.embedder)  # some complete index is in place
    assert len(loaded.passages) == len(index.passages) and loaded.manifest["corpus_hash"] == index.manifest["corpus_hash"]
    assert target.resolve() == before or (owner, when) in {("os", "after"), ("shutil", "after")}

    index.save(target)  # the next build clears whatever the killed one left
    assert _hidden_entries(tmp_path) == [target.resolve().name]
    assert len(Index.load(target, CORPUS, embedder=index.embedder).passages) == len(index.passages)


def test_an_index_saved_as_a_plain_folder_is_taken_over(index_dir, searcher, tmp_path):
    from qa.index.store import Index

    target = tmp_path / "index"
    shutil.copytree(index_dir, target)  # the layout of earlier releases: a real folder
    searcher.index.save(target)
    assert target.is_symlink() and _hidden_entries(tmp_path) == [target.resolve().name]
    assert len(Index.load(target, CORPUS, embedder=searcher.index.embedder).passages) == len(searcher.index.passages)


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "qa", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize("damage", ["index_is_a_file", "manifest_is_a_folder"])
def test_index_path_that_cannot_be_an_index_is_refused_without_a_build(index_dir, tmp_path, damage):
    target = tmp_path / "index"
    if damage == "index_is_a_file":
        target.write_text("not an index", "utf-8")
    else:
        shutil.copytree(index_dir, target)
        (target / "manifest.json").unlink()
        (target / "manifest.json").mkdir()
    result = _cli("ask", "新增就业", "--index", str(target))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert ("是一个文件" if damage == "index_is_a_file" else "是一个目录") in result.stderr
    assert "正在构建" not in result.stderr and _hidden_entries(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder; run as another user to see the refusal")
def test_unreadable_index_folder_is_refused(index_dir, tmp_path):
    target = tmp_path / "index"
    shutil.copytree(index_dir, target)
    target.chmod(0)
    try:
        result = _cli("ask", "新增就业", "--index", str(target))
    finally:
        target.chmod(0o755)
    assert result.returncode == 1 and "无法读取" in result.stderr and "Traceback" not in result.stderr


def test_unreadable_index_error_in_process(tmp_path, monkeypatch):
    """The same refusal as above, by a folder the process is told it may not read (works as root too)."""
    from qa.errors import UnreadableIndexError
    from qa.index import store

    target = tmp_path / "index"
    target.mkdir()
    monkeypatch.setattr(store.os, "access", lambda path, mode: False)
    with pytest.raises(UnreadableIndexError, match="无法读取"):
        store.open_index(target, CORPUS)
    assert list(tmp_path.iterdir()) == [target]  # nothing was built

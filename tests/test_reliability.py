"""Reliability: a build killed at every step of the index swap, unreadable index paths, and (short) load on the API.

The long versions of these runs, with figures, are ``python -m benchmarks.reliability`` (docs/reliability.md).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import httpx
import pytest
from ui_server import shared_app_url

from benchmarks.reliability.faults import KILL_POINTS, kill_during_save, probe_unreadable
from benchmarks.reliability.hostile import HOSTILE_DOCS, HOSTILE_TEXT, HOSTILE_VALUES
from benchmarks.reliability.web import call, probe_api, probe_busy, probe_limits, probe_load, probe_traversal
from qa.app.limits import address_notice
from tests.conftest import CORPUS, EVAL, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")]

def _hidden_entries(folder, name="index"):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{name}."))


@pytest.mark.parametrize(("owner", "attribute", "when"), KILL_POINTS)
def test_build_killed_at_each_step_of_the_swap_leaves_a_complete_index(searcher, tmp_path, owner, attribute, when):
    from qa.index.store import Index

    index = searcher.index
    target = tmp_path / "index"
    index.save(target)
    before = target.resolve()
    status = kill_during_save(index, target, owner, attribute, when)
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


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="as root, needs setpriv to become nobody")
def test_unreadable_index_folder_is_refused(searcher, index_dir, tmp_path):
    if os.geteuid() == 0:  # root reads every folder: ask as the unprivileged user nobody
        result = probe_unreadable(searcher.index, tmp_path)
        assert result["exit"] == 1 and not result["traceback"] and "无法" in result["message"]
        return
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


# ---------------------------------------------------------------- the web app from outside


@pytest.fixture(scope="session")
def app_url(searcher, request):
    return shared_app_url(searcher, request).rstrip("/")


def test_hostile_api_input_gets_a_clear_error_never_a_crash_or_traceback(app_url):
    result = probe_api(app_url, HOSTILE_TEXT, HOSTILE_VALUES, docs=HOSTILE_DOCS)
    assert result["inputs"] >= 30 + 2 * len(HOSTILE_DOCS)
    assert result["crashes"] == 0, result["details"]
    assert result["server_tracebacks"] == 0


def test_api_refusal_names_the_problem(app_url):
    with httpx.Client(timeout=60) as client:
        nan = call(client, app_url, "ask", body='{"data": ["就业", NaN, null]}'.encode())
        listed = call(client, app_url, "ask", [["就业"], 5, None])
        short = call(client, app_url, "ask", ["就业"])
        nothing = call(client, app_url, "check", ["123"])
        # /ask_in and /check_in take the documents; /ask and /check keep their parameters.
        short_in = call(client, app_url, "ask_in", ["就业", 5, None])
        unknown = call(client, app_url, "check_in", ["新增就业3万人", ["no-such-doc"]])
    assert nan["event"] == "error" and "1 到 50 之间的整数" in nan["data"]["error"]
    assert listed["event"] == "error" and "必须是一段文字" in listed["data"]["error"]
    assert nothing["event"] == "error" and "没有可核对的内容" in nothing["data"]["error"]
    assert short["event"] == "error" and "需要 3 个参数,收到 1 个" in short["data"]["error"]
    assert short_in["event"] == "error" and "需要 4 个参数,收到 3 个" in short_in["data"]["error"]
    assert unknown["event"] == "error" and "没有这份文件: no-such-doc" in unknown["data"]["error"]


def test_uploads_and_large_bodies_are_refused_unread(app_url):
    result = probe_limits(app_url)
    assert result["upload_1mb"]["status"] == 413
    assert result["body_10mb"]["status"] == 413 and result["chunked_10mb"]["status"] == 413
    assert result["memory_growth_mb"] < 20  # neither 10 MB body was held


def test_a_full_queue_answers_busy_at_once(searcher):
    result = probe_busy(searcher)
    assert result["status"] == 503 and "Queue is full" in result["message"]
    assert result["seconds"] < 1.0


def test_path_traversal_leaks_nothing(app_url):
    result = probe_traversal(app_url)
    assert result["attempts"] >= 30 and result["leaks"] == []


def test_short_load_has_no_errors_and_the_serial_answers(app_url, searcher):
    questions = [json.loads(line)["question"] for line in (EVAL / "dev.jsonl").open(encoding="utf-8")][:20]
    result = probe_load(app_url, searcher, questions, requests=100, clients=20)
    assert result["errors"] == 0 and result["different_from_serial"] == 0


def test_listening_on_every_interface_warns_and_names_a_reachable_address():
    address, warning = address_notice("0.0.0.0", 7860)
    assert warning and "所有网络接口" in warning
    assert not address.startswith("http://0.0.0.0") and address.endswith(":7860")
    assert address_notice("127.0.0.1", 7860) == ("http://127.0.0.1:7860", None)

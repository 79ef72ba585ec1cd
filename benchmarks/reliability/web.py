"""The web app from outside: hostile API calls, uploads, large bodies, a full queue, path traversal, load.

Every probe talks HTTP to a real server (``serve``) the way any client on the network could.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from qa.answering.search import Searcher
from qa.app.service import Service
from qa.app.ui import GENERIC_ERROR, build_app

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(searcher: Searcher, **options):
    """The real app over ``searcher`` on a free loopback port, for the duration of the block; yields its URL."""
    app = build_app(searcher, **options)
    port = free_port()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        app.close()


@contextlib.contextmanager
def serve_process(index: Path, log: Path):
    """The app as users run it (``python ui.py``) in its own process, output to ``log``; yields its URL.

    Clients in the same process would share its interpreter lock, so load is measured against this.
    Yields the URL and the process id.
    """
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "ui.py", "--port", str(port), "--index", str(index)],
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and proc.poll() is None:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/gradio_api/info", timeout=5).status_code == 200:
                    break
            time.sleep(1)
        else:
            raise RuntimeError(f"the app did not start: {log.read_text('utf-8', 'replace')[-500:]}")
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def call(client: httpx.Client, url: str, endpoint: str, data: list | None = None, body: bytes | None = None) -> dict:
    """One API call by the two-step HTTP protocol; {"status", "event", "data"} of its outcome."""
    if body is None:
        body = json.dumps({"data": data}, allow_nan=True).encode()
    posted = client.post(f"{url}/gradio_api/call/{endpoint}", content=body, headers={"content-type": "application/json"})
    if posted.status_code != 200:
        return {"status": posted.status_code, "event": None, "data": posted.text[:200]}
    event_id = posted.json()["event_id"]
    result = client.get(f"{url}/gradio_api/call/{endpoint}/{event_id}")
    event, data = None, None
    for line in result.text.splitlines():
        if line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: "):
            data = json.loads(line[6:])
    return {"status": result.status_code, "event": event, "data": data}


def _is_crash(outcome: dict) -> str | None:
    if outcome["status"] >= 500:
        return f"HTTP {outcome['status']}"
    if 400 <= outcome["status"] < 500:  # refused before the app (too large, not JSON): a refusal, if it says why
        return None if outcome["data"] else f"HTTP {outcome['status']} without a message"
    if outcome["event"] not in ("complete", "error"):
        return f"no result ({outcome['event']})"
    if outcome["event"] == "error" and (not outcome["data"] or GENERIC_ERROR in json.dumps(outcome["data"], ensure_ascii=False)):
        return "unexpected error"
    return None


def probe_api(
    url: str, texts: list[str], values: list[list], server_log: Path | None = None, docs: list | None = None
) -> dict:
    """Each hostile text to /ask and /check, each hostile value list to /ask, each hostile document
    choice to /ask_in and /check_in; server tracebacks counted.

    The server's log is ``server_log`` when it runs in its own process, else this process's stderr.
    """
    captured = io.StringIO()
    logged_before = server_log.read_text("utf-8", "replace") if server_log else ""
    calls = []  # (endpoint, values, what to show of the input)
    for text in texts:
        wire = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")  # JSON cannot carry lone surrogates
        calls += [("ask", [wire, 1, None, None], text), ("check", [wire, None], text)]
    calls += [("ask", data, data) for data in values]
    for chosen in docs or []:
        calls += [("ask_in", ["新增就业", chosen, 1, None], chosen), ("check_in", ["新增就业3万人", chosen], chosen)]
    crashes, count = [], len(calls)
    with httpx.Client(timeout=60) as client, contextlib.redirect_stderr(captured):
        for endpoint, data, shown in calls:
            if problem := _is_crash(call(client, url, endpoint, data)):
                crashes.append({"endpoint": endpoint, "input": repr(shown)[:60], "crash": problem})
        raws = (b'{"data": ["x", NaN, null, null]}', b'{"data": ["x", Infinity, null, null]}')
        raws += (b'{"data": "x"}', b"{not json", b"[]")
        for raw in raws:
            count += 1
            outcome = call(client, url, "ask", body=raw)
            if outcome["status"] >= 500 or (outcome["status"] == 200 and _is_crash(outcome)):
                crashes.append({"endpoint": "ask", "input": raw.decode(), "crash": _is_crash(outcome) or outcome["status"]})
    logged = server_log.read_text("utf-8", "replace")[len(logged_before):] if server_log else captured.getvalue()
    tracebacks = logged.count("Traceback")
    sys.stderr.write(logged[-2000:] if tracebacks else "")
    return {
        "interface": "web API", "inputs": count, "crashes": len(crashes) + tracebacks, "details": crashes,
        "server_tracebacks": tracebacks, "log_lines": len(logged.splitlines()),
    }


def _rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def probe_limits(url: str, server_pid: int | str = "self") -> dict:
    """An anonymous 1 MB upload, a declared 10 MB body, a streamed 10 MB body: status, time, server memory."""
    results = {}
    with httpx.Client(timeout=60) as client:
        started = time.perf_counter()
        upload = client.post(f"{url}/gradio_api/upload", files={"files": ("big.txt", b"x" * 1_000_000)})
        results["upload_1mb"] = {"status": upload.status_code, "seconds": round(time.perf_counter() - started, 3)}
        payload = b"x" * 10_000_000  # made before the baseline: the client's copy is not the server's growth
        rss = _rss_mb(server_pid)
        started = time.perf_counter()
        body = client.post(f"{url}/gradio_api/call/ask", content=payload, headers={"content-type": "application/json"})
        results["body_10mb"] = {"status": body.status_code, "seconds": round(time.perf_counter() - started, 3)}

        def stream():
            for _ in range(160):
                yield b"x" * 65536

        started = time.perf_counter()
        chunked = client.post(f"{url}/gradio_api/call/ask", content=stream(), headers={"content-type": "application/json"})
        results["chunked_10mb"] = {"status": chunked.status_code, "seconds": round(time.perf_counter() - started, 3)}
        results["memory_growth_mb"] = round(_rss_mb(server_pid) - rss, 1)
    return results


class _GatedSearcher(Searcher):
    """The real searcher, holding every question until the gate opens: a queue that stays full on demand."""

    gate = threading.Event()

    def ask(self, *args, **kwargs):
        self.gate.wait(60)
        return super().ask(*args, **kwargs)


def probe_busy(searcher: Searcher) -> dict:
    """With one request running and the queue (size 2) full, how fast and how clearly the next is refused."""
    gated = object.__new__(_GatedSearcher)
    gated.__dict__.update(searcher.__dict__)
    _GatedSearcher.gate.clear()
    with serve(gated, queue_size=2, concurrency=1) as url, httpx.Client(timeout=60) as client:
        body = {"data": ["新增就业", 1, None, None]}
        for _ in range(3):
            client.post(f"{url}/gradio_api/call/ask", json=body)
            time.sleep(0.2)
        started = time.perf_counter()
        refused = client.post(f"{url}/gradio_api/call/ask", json=body)
        seconds = time.perf_counter() - started
        _GatedSearcher.gate.set()
    return {"status": refused.status_code, "message": refused.text[:120], "seconds": round(seconds, 3)}


TRAVERSALS = [
    "/file=/etc/passwd", "/file=../../../../etc/passwd", "/gradio_api/file=/etc/passwd",
    "/gradio_api/file=../../../../etc/passwd", "/gradio_api/file=%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/gradio_api/file=..%2f..%2f..%2fetc%2fpasswd", "/gradio_api/file=....//....//etc/passwd",
    "/gradio_api/file=/proc/self/environ", "/gradio_api/file=/proc/self/cmdline", "/gradio_api/file=pyproject.toml",
    "/gradio_api/file=./pyproject.toml", "/gradio_api/file=corpus", "/gradio_api/file=index/manifest.json",
    "/gradio_api/file=" + str(ROOT / "pyproject.toml"), "/gradio_api/file=" + str(ROOT / "index" / "manifest.json"),
    "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/assets/../../pyproject.toml",
    "/assets/..%2f..%2f..%2fpyproject.toml", "/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/gradio_api/../../etc/passwd", "/favicon.ico/../../pyproject.toml",
    "/gradio_api/file=/root/.bash_history", "/gradio_api/file=~/.ssh/id_rsa", "/gradio_api/file=\\..\\..\\etc\\passwd",
    "/gradio_api/file=%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/gradio_api/file=/etc/passwd%00.png",
    "/gradio_api/upload/../../etc/passwd", "/gradio_api/proxy=http://127.0.0.1:22/", "/gradio_api/file=/tmp",
    "/config/../pyproject.toml", "/gradio_api/info/../../pyproject.toml",
]


def _secrets() -> list[str]:
    """Text that must never come back: system files, the project's own files, the index."""
    markers = ["root:x:0:0", "[build-system]", "corpus_hash", "PATH="]
    report = next((ROOT / "corpus").glob("*.txt"), None)
    if report:
        markers.append(report.read_text("utf-8")[2000:2040])
    return markers


def probe_traversal(url: str) -> dict:
    """Request every traversal path raw (no client-side normalising); which answered 200 and what leaked."""
    host, port = url.removeprefix("http://").split(":")
    leaks, ok = [], 0
    for path in TRAVERSALS:
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        connection.request("GET", path)
        response = connection.getresponse()
        text = response.read(2_000_000).decode("utf-8", "replace")
        connection.close()
        ok += response.status == 200
        if any(marker in text for marker in _secrets()):
            leaks.append(path)
    return {"attempts": len(TRAVERSALS), "answered_200": ok, "leaks": leaks}


def probe_load(url: str, searcher: Searcher, questions: list[str], requests: int, clients: int) -> dict:
    """``requests`` /ask calls from ``clients`` concurrent clients; errors, throughput, latency, answers vs serial."""
    service = Service(searcher)
    expected = {q: service.ask(q, 3, None) for q in questions}  # serial answers, in this process
    asked = [questions[i % len(questions)] for i in range(requests)]
    latencies, errors, different = [], 0, 0
    lock = threading.Lock()

    def one(question: str, client: httpx.Client) -> None:
        nonlocal errors, different
        started = time.perf_counter()
        outcome = call(client, url, "ask", [question, 3, None, None])
        elapsed = time.perf_counter() - started
        with lock:
            latencies.append(elapsed)
            if outcome["event"] != "complete":
                errors += 1
            elif outcome["data"][0] != expected[question]:
                different += 1

    local = threading.local()

    def worker(question: str) -> None:
        if not hasattr(local, "client"):
            local.client = httpx.Client(timeout=120)
        one(question, local.client)

    load_average = round(os.getloadavg()[0], 1)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(worker, asked))
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": requests, "clients": clients, "questions": len(questions), "load_average": load_average,
        "errors": errors, "different_from_serial": different,
        "seconds": round(wall, 1), "throughput": round(requests / wall, 1),
        "p50_ms": round(1000 * statistics.median(latencies)), "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))]),
    }

"""Hostile inputs, and how each interface (CLI argument, CLI stdin, web API) takes them.

A crash is a traceback, an exit status other than 0/1/2, an exception escaping, a 5xx answer or
the app's "something went wrong" message; a clear one-line refusal is not a crash.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Raw bytes as they could arrive in an argument or a line of stdin (each becomes one input).
HOSTILE_BYTES = [
    b"",
    b"   ",
    b"\xff\xfe\xfd",  # not UTF-8 at all
    "新增就业".encode() + b"\xc3\x28",  # an invalid two-byte sequence after good text
    b"\xed\xa0\x80" + "就业".encode(),  # an encoded lone surrogate (CESU)
    b"\xc0\xaf",  # overlong '/'
    b"\xf8\x88\x80\x80\x80",  # five-byte form
    "新增就业".encode("gbk"),  # another encoding of Chinese
    "新增就业".encode("utf-16"),  # with a BOM and NULs
    "\ufeff新增就业".encode(),  # a UTF-8 BOM
]
HOSTILE_TEXT = [
    "新增就业\x1b[2J\x1b[H多少人",  # clear the screen
    "\x1b[31m红色\x1b[0m就业",  # colours
    "\x1b]0;window title\x07新增就业",  # set the terminal title
    "\x1b]8;;http://evil.example\x1b\\点我\x1b]8;;\x1b\\",  # a hidden hyperlink
    "\x1bP+q544e\x1b\\就业",  # a DCS query the terminal answers
    "\x9b31m就业",  # the one-byte CSI
    "\u202e多少人业就增新\u202c",  # right-to-left override
    "\u2066就业\u2069\u200f\u200e",  # isolates and marks
    "新\u200b增\u200d就\ufeff业",  # zero-width characters
    "新增\x00就业",  # NUL
    "\x07\x08\x7f就业",  # bell, backspace, delete
    "新增\r就业多少人\r\n",  # carriage returns
    "新增\u2028就业\u2029",  # Unicode line separators
    "?!。,、……",  # punctuation only
    "123",  # a number only
    "😀😀😀",  # emoji only
    "新" * 501,  # one over the limit
    "就业" * 50_000,  # 100,000 characters
    "<script>alert(1)</script>新增就业",  # HTML
    "'; DROP TABLE passages; --",  # SQL
    "{{7*7}} ${7*7} %s %n %x",  # template and format strings
    "../../../../etc/passwd",  # a path
    "新增就业" + "\u0301" * 400,  # a pile of combining marks
    "ＡＢＣ１２３新增就業多少人？",  # full-width and Traditional
    "\U000e0041\U000e0042就业",  # tag characters
    "\ud800\udfff就业",  # lone surrogates in text (the Python API)
    "nan",
    "null",
]
# Values of other types, as a JSON client can send them to the web API (question, k, part), some with
# one value too many and the fourth of odd kinds.
HOSTILE_VALUES = [
    ["新增就业"],  # fewer values than the endpoint takes
    ["新增就业", 5],
    [["新增就业"], 5, None, None],
    [{"q": "新增就业"}, 5, None, None],
    [None, 5, None, None],
    [42, 5, None, None],
    [True, 5, None, None],
    ["新增就业", "NaN", None, None],
    ["新增就业", float("inf"), None, None],
    ["新增就业", True, None, None],
    ["新增就业", -1, None, None],
    ["新增就业", 10**30, None, None],
    ["新增就业", 2.5, None, None],
    ["新增就业", [5], None, None],
    ["新增就业", 5, ["plan"], None],
    ["新增就业", 5, {"part": "plan"}, None],
    ["新增就业", 5, "../../etc", None],
    ["新增就业", 5, "\x1b[31mplan", None],
    ["新增就业", 5, None, "../../etc/passwd"],
    ["新增就业", 5, None, [{"doc": 1}]],
    ["新增就业", 5, None, 42],
]
# Document choices of odd kinds, as a JSON client can send them to /ask_in and /check_in.
HOSTILE_DOCS = [
    None, [], "", "../../etc/passwd", ["no-such-doc"], [{"doc": 1}], 42, [None], {"docs": []}, "\x1b[31mdoc", [""] * 3,
]


def as_argument(raw: bytes) -> str:
    """The string Python makes of these bytes as a command-line argument."""
    return os.fsdecode(raw)


def all_texts() -> list[str]:
    """Every hostile input as a string (undecodable bytes as Python's argv has them)."""
    return [as_argument(b) for b in HOSTILE_BYTES] + HOSTILE_TEXT


def run_cli_in_process(argv: list[str]) -> dict:
    """Run ``qa`` in this process with the output captured; what happened, and whether it crashed."""
    from qa.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except BaseException as exc:  # noqa: BLE001 - anything escaping main is what is being counted
        return {"code": None, "crash": f"{type(exc).__name__} escaped", "stdout": out.getvalue(), "stderr": err.getvalue()}
    crash = None
    if code not in (0, 1, 2):
        crash = f"exit {code}"
    elif "Traceback" in err.getvalue() or "内部错误" in err.getvalue():
        crash = "traceback or internal error"
    elif any(ch in out.getvalue() + err.getvalue() for ch in "\x1b\x9b\u202e\x00\x07"):
        crash = "control characters echoed"
    return {"code": code, "crash": crash, "stdout": out.getvalue(), "stderr": err.getvalue()}


def probe_arguments(searcher, texts: list[str]) -> dict:
    """Each hostile input as the argument of ``qa ask`` and ``qa check``, in-process over a loaded index.

    Loading the index is not what is probed, so the CLI is handed the loaded one: its own input
    handling, answering and output are what run.
    """
    from qa import cli

    crashes, opened = [], cli._open
    cli._open = lambda args: searcher
    try:
        for text in texts:
            crashes += _argument_crashes(text)
    finally:
        cli._open = opened
    return {"interface": "CLI argument", "inputs": len(texts) * 2, "crashes": len(crashes), "details": crashes}


def _argument_crashes(text: str) -> list[dict]:
    crashes = []
    for command in ("ask", "check"):
        options = ["--json"] + (["--k", "1"] if command == "ask" else [])
        result = run_cli_in_process([command, text, *options])
        if result["crash"]:
            crashes.append({"command": command, "input": repr(text)[:60], "crash": result["crash"]})
    return crashes


def probe_stdin(index: Path, lines: list[bytes]) -> dict:
    """All hostile lines through one real ``qa ask --json`` and ``qa check --json`` process each, as bytes."""
    data = b"".join(line.replace(b"\n", b" ").replace(b"\r", b" ") + b"\n" for line in lines)
    crashes, records = [], 0
    for command in ("ask", "check"):
        proc = subprocess.run(
            [sys.executable, "-m", "qa", command, "--json", "--index", str(index)],
            input=data, capture_output=True, cwd=ROOT, timeout=600,
        )
        out = proc.stdout.decode("utf-8", "replace").splitlines()
        records += len(out)
        if proc.returncode not in (0, 1, 2) or b"Traceback" in proc.stderr:
            tail = proc.stderr[-300:].decode("utf-8", "replace")
            crashes.append({"command": command, "crash": f"exit {proc.returncode}", "stderr": tail})
        if len(out) != len(lines):
            crashes.append({"command": command, "crash": f"{len(out)} output lines for {len(lines)} input lines"})
        for line in out:
            try:
                json.loads(line)
            except ValueError:
                crashes.append({"command": command, "crash": "an output line is not JSON", "line": line[:80]})
    return {
        "interface": "CLI stdin", "inputs": len(lines) * 2, "crashes": len(crashes), "details": crashes,
        "lines_in": len(lines) * 2, "lines_out": records,
    }

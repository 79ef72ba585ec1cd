"""docs/reliability.md from the figures of one run: what is promised, how it was tried, what happened."""

from __future__ import annotations

import time
from pathlib import Path

from qa.app.limits import CONCURRENCY, MAX_BODY_BYTES, QUEUE_MAX_SIZE
from qa.text.inputs import MAX_INPUT_CHARS, MAX_LINE_BYTES

PROMISES = f"""## What is promised

- **One door for input** (`qa/text/inputs.py`): every question or statement, from a command-line argument,
  a line of standard input, the Python service or the web API, is cleaned the same way: bytes that are not
  UTF-8 (and the lone surrogates Python makes of them in `argv`) become U+FFFD; terminal escape sequences,
  control characters and bidirectional or zero-width format characters are removed, so nothing echoed can
  recolour, retitle or rewrite the terminal or reorder what is read; line breaks become spaces. An input over
  {MAX_INPUT_CHARS} characters is refused with a message; a stdin line over {MAX_LINE_BYTES // 1024} KB is skipped
  unread. A value that is not text (a list, a dict, a number) is refused, and `k` must be a whole number from
  1 to 50 (NaN, Infinity, `true`, 2.5 are refused).
- **Batches**: `qa ask` / `qa check` without an argument read standard input as bytes, one record per input
  line (a blank or bad line gets an error record `{{"input", "error", "line"}}` and the rest go on); exit 0 when
  every line was answered, 2 when some input was unusable, 1 when something else failed.
- **Nothing to check**: a statement with no content beyond figures, years, the district's name and
  punctuation (`123`, `2020年`, `和平区`, `3.1万人`) gets a message, not a verdict; so does a question given
  to check (`去年全区新增就业多少人?`: it is sent to ask), while a yes-or-no question (`…吗?`) is checked.
- **Nothing asked**: a question of asking words alone (`谁?`, `多少?`, `情况怎么样?`) gets a message saying
  what to write, not passages.
- **The index is swapped in one atomic step**: a build writes a new version folder (`.index.v-*`) and renames
  a symbolic link over `index`; at every moment `index` names a complete index. Builds into one folder take
  turns (a lock), and each build removes what killed builds left. An index path that is a file, a folder the
  user may not read, or a manifest that is a folder is refused with one line and exit 1, without a build.
  (An index saved as a plain folder by an earlier release is moved aside before the first link is renamed
  in: that one migration has a moment without an index.)
- **The web app**: listens on 127.0.0.1 unless told otherwise; `--host 0.0.0.0` prints a warning and the
  address others would use; `--share` is off unless given. Uploads are refused (the page has no file input);
  a request body over {MAX_BODY_BYTES // 1024} KB is refused from its Content-Length, unread, and a body
  without one is refused as soon as it passes the limit. {CONCURRENCY} requests run at once (the search only
  reads the index; the model's threads are capped so they share the cores), {QUEUE_MAX_SIZE} more may wait,
  and the next is answered 503 "Queue is full" at once. A rejected input is logged as one line, never a traceback.
"""


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def write_report(r: dict, out: Path) -> None:
    """Write the document for the results ``r`` of one run (see ``benchmarks.reliability.__main__``)."""
    hostile = _table(
        ["interface", "hostile inputs", "crashes", "notes"],
        [
            ["CLI argument (`qa ask`, `qa check`)", r["cli_argument"]["inputs"], r["cli_argument"]["crashes"],
             "in-process, argv as Python decodes it"],
            ["CLI stdin (`--json`, one process per command)", r["cli_stdin"]["inputs"], r["cli_stdin"]["crashes"],
             f"{r['cli_stdin']['lines_out']} output lines for {r['cli_stdin']['lines_in']} input lines"],
            ["web API (`/ask`, `/check`, `/ask_in`, `/check_in`, raw HTTP)", r["web_api"]["inputs"], r["web_api"]["crashes"],
             f"{r['web_api']['server_tracebacks']} tracebacks in {r['web_api']['log_lines']} server log lines"],
        ],
    )
    lim, busy = r["limits"], r["busy"]
    limits = _table(
        ["probe", "answer", "time"],
        [
            ["anonymous upload, 1 MB", f"HTTP {lim['upload_1mb']['status']}", f"{lim['upload_1mb']['seconds']} s"],
            ["request body, 10 MB (Content-Length)", f"HTTP {lim['body_10mb']['status']}", f"{lim['body_10mb']['seconds']} s"],
            ["request body, 10 MB (chunked)", f"HTTP {lim['chunked_10mb']['status']}", f"{lim['chunked_10mb']['seconds']} s"],
            ["server memory growth over both bodies", f"{lim['memory_growth_mb']} MB", ""],
            ["queue full (1 running, 2 waiting, queue size 2)", f"HTTP {busy['status']}: {busy['message'][:60]}",
             f"{busy['seconds']} s"],
        ],
    )
    load = r["load"]
    swap = r["swap_steps"]
    kills = r["random_kills"]
    damage = r["damage"]
    unreadable = r["unreadable"]
    unreadable_line = (
        f"exit {unreadable['exit']}, traceback: {unreadable['traceback']}, message: {unreadable['message']}"
        if unreadable["run"] else f"not run ({unreadable['why']})"
    )
    text = f"""# Reliability and security

Written by `python -m benchmarks.reliability{' --quick' if r['quick'] else ''}` on {time.strftime('%Y-%m-%d')}
({r['machine']}, {r['seconds']} s). Timings are from a shared 2-core machine with other work running and are
noisy; the counts are not. The CI runs the same probes in `tests/test_reliability.py` (with a 100-request
load test against the app in the test process), `tests/test_inputs.py` and `tests/test_properties.py`;
the long runs are this command.

{PROMISES}
## Hostile input

{hostile}

The inputs (`benchmarks/reliability/hostile.py`): undecodable bytes of several kinds, another encoding,
BOMs, NUL, terminal escapes (clear screen, colours, title, hyperlink, DCS, one-byte CSI), bidi overrides and
isolates, zero-width characters, line separators, only punctuation, only a number, only emoji, 501 and
100,000 characters, HTML, SQL, template strings, a path, combining marks, full-width Traditional text, tag
characters, lone surrogates; for the API also a list, a dict, null, a number or `true` as the question, `k`
as NaN, Infinity, `true`, -1, 10^30, 2.5 or a list, `part` as a list, a dict, a path or an escape sequence,
the documents of `/ask_in` and `/check_in` as a path, an unknown id, a dict, a number, nulls or an escape sequence,
and bodies that are not JSON. A crash is a traceback, an exit status other than 0/1/2, a 5xx, or the
app's generic "something went wrong"; a clear refusal is the intended answer.

## Limits of the web app

{limits}

## Load

{load['requests']} `/ask` requests ({load.get('questions', '?')} eval questions in turn, k=3; more than the app's
answer cache holds, so each request is searched afresh) from {load['clients']} concurrent clients over HTTP:
**{load['errors']} errors**, **{load['different_from_serial']} answers different from the serial ones**,
{load['throughput']} requests/s, p50 {load['p50_ms']} ms, p95 {load['p95_ms']} ms
({load['seconds']} s in all, concurrency {CONCURRENCY}). The app runs in its own process as `python ui.py`;
the 20 clients run in the benchmark's process on the same 2 cores, and the machine's load average was
{load.get('load_average', '?')} when the run began (other work shares it), so the throughput is a floor.

## Interrupted builds

- **A save killed (SIGKILL) at each step of the swap**: {swap['survived']} of {swap['steps']} left a complete,
  loadable index; the next build left no leftovers in {swap['cleared_next_build']} of {swap['steps']}.

{_table(["killed", "index loads after", "entries left", "cleared by next build"],
        [[row["step"], row["index_loads"], row["left"], row["cleared"]] for row in swap["rows"]])}

- **`qa build` killed at random moments** ({kills['runs']} runs over a {kills['build_seconds']} s build,
  at {', '.join(map(str, kills['moments']))} s): {kills['survived']} of {kills['runs']} left a loadable index;
  {kills['leftovers_after_next_build']} leftovers after the next build.

## Damaged index

{damage['clear']} of {damage['kinds']} kinds of damage gave one clear line (exit 1) or, when no index was
there at all, a rebuild (exit 0); none gave a traceback.

{_table(["damage", "exit", "rebuilt", "message"], [[x["damage"], x["exit"], x["built"], x["message"]] for x in damage["rows"]])}

Unreadable index folder, as the user `nobody`: {unreadable_line}.

## Path traversal

{r['traversal']['attempts']} traversal URLs (`/file=`, `/gradio_api/file=`, `/static/`, `/assets/`, encoded
dots and slashes, overlong UTF-8, NUL, absolute paths to the project's files, `/proc/self/environ`) sent
raw: {r['traversal']['answered_200']} answered 200, **{len(r['traversal']['leaks'])} leaked** a system file, a
project file, the index or the report.
"""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, "utf-8")

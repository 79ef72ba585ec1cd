"""Answering a question imports no torch, transformers or sentence-transformers (the cold start of ``qa ask``)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import CORPUS, ROOT

HEAVY = ("torch", "transformers", "sentence_transformers")

_REPORT_HEAVY = f"""
import sys
heavy = sorted({{name.split(".")[0] for name in sys.modules}} & set({HEAVY!r}))
print("HEAVY=" + ",".join(heavy), file=sys.stderr)
"""


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)


def _heavy_modules(stderr: str) -> list[str]:
    line = next(line for line in stderr.splitlines() if line.startswith("HEAVY="))
    return [name for name in line.removeprefix("HEAVY=").split(",") if name]


def test_importing_the_cli_pulls_in_no_torch():
    result = _run("import qa.cli, qa.app.service, qa.answering.search, qa.factcheck.checker" + _REPORT_HEAVY)
    assert result.returncode == 0, result.stderr
    assert _heavy_modules(result.stderr) == []


@pytest.mark.slow
@pytest.mark.parametrize("command", [["ask", "2020年和平区新增就业多少人?"], ["check", "2020年和平区新增就业3.1万人。"]])
def test_ask_and_check_answer_without_torch(index_dir, command):
    argv = [*command, "--index", str(index_dir), "--corpus", str(CORPUS)]
    result = _run(f"from qa.cli import main\ncode = main({argv!r})\n" + _REPORT_HEAVY + "sys.exit(code)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert _heavy_modules(result.stderr) == []

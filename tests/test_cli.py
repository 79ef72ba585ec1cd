"""The ``qa`` command line, called in-process: exit codes, messages, JSON."""

import json
import sys

import pytest

from tests.conftest import CORPUS, EVAL
from tests.conftest import run_cli as run

pytestmark = pytest.mark.slow


def test_ask_json(index_dir, capsys):
    code, out, _ = run(["ask", "2020年和平区新增就业多少人?", "--json", "--index", str(index_dir)], capsys)
    assert code == 0
    answer = json.loads(out)
    assert answer["question"] == "2020年和平区新增就业多少人?"
    assert answer["answerable"] is True
    top = answer["hits"][0]
    assert "新增就业3.1万人" in top["text"]
    assert top["section_path"][0].startswith("一、") and top["section_path"][1].startswith("(四)")
    assert top["rank"] == 1 and top["doc_id"] == "heping-2021-plan-report"
    assert top["start"] <= top["highlight"][0] < top["highlight"][1] <= top["end"]
    assert len(answer["hits"]) == 5


def test_ask_plain_text_marks_the_span(index_dir, capsys):
    code, out, _ = run(["ask", "和平区2021年新增就业目标是多少?", "--k", "2", "--index", str(index_dir)], capsys)
    assert code == 0
    assert "【新增就业2万人" in out and "[2]" in out and "[3]" not in out


def test_ask_reads_questions_from_stdin_one_record_per_line(index_dir, capsys, monkeypatch):
    questions = "2020年和平区新增就业多少人?\n\n“三保”是什么?\n"
    code, out, _ = run(["ask", "--json", "--k", "1", "--index", str(index_dir)], capsys, questions, monkeypatch)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and len(lines) == 3  # the blank line gets its own error record, so lines stay aligned
    assert lines[1] == {"input": "", "error": "请输入问题(问题不能为空)", "line": 2}
    assert "保工资、保运转、保基本民生" in lines[2]["hits"][0]["text"]


def test_bad_question_in_stdin_is_reported_and_the_rest_answered(index_dir, capsys, monkeypatch):
    code, out, _ = run(["ask", "--json", "--index", str(index_dir)], capsys, "?!\n新增就业\n", monkeypatch)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert "error" in lines[0] and lines[1]["hits"]


def test_empty_question_exits_with_message(index_dir, capsys):
    code, _, err = run(["ask", "  ", "--index", str(index_dir)], capsys)
    assert code == 2 and "问题不能为空" in err


def test_stale_index_tells_what_to_run(index_dir, capsys, tmp_path):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    report = next(corpus.glob("*.txt"))
    report.write_text(report.read_text("utf-8") + "\n新的一段。\n", "utf-8")
    code, _, err = run(["ask", "新增就业", "--index", str(index_dir), "--corpus", str(corpus)], capsys)
    assert code == 1 and "已过期" in err and "qa build" in err


def test_build_then_ask_builds_on_first_use(capsys, tmp_path):
    index = tmp_path / "index"
    code, out, _ = run(["build", "--index", str(index)], capsys)
    assert code == 0 and "98 个段落" in out and (index / "manifest.json").is_file()
    fresh = tmp_path / "fresh"
    code, out, err = run(["ask", "“三保”是什么?", "--index", str(fresh), "--json"], capsys)
    assert code == 0 and "正在构建" in err and (fresh / "manifest.json").is_file()


def test_eval_json_keys(index_dir, capsys):
    code, out, _ = run(["eval", str(EVAL / "dev.jsonl"), "--json", "--index", str(index_dir)], capsys)
    report = json.loads(out)
    assert code == 0
    assert {"hit@1", "hit@5", "mrr@10", "span@1", "no_answer_accuracy", "answerable_rejected", "n", "by_type"} <= report.keys()
    assert report["n"] == 90 and "traditional" in report["by_type"]


def test_eval_broken_file(index_dir, capsys, tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"question": "x"\n', "utf-8")
    code, _, err = run(["eval", str(broken), "--index", str(index_dir)], capsys)
    assert code == 2 and "不是有效的 JSON" in err


def test_python_dash_m_qa_shows_help():
    import subprocess

    result = subprocess.run([sys.executable, "-m", "qa", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "build" in result.stdout and "ask" in result.stdout


def test_unexpected_error_is_one_line_with_the_log_path(index_dir, capsys, monkeypatch, tmp_path):
    from qa.answering.search import Searcher

    def broken(self, *args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(Searcher, "ask", broken)
    log = tmp_path / "qa.log"
    monkeypatch.setenv("QA_LOG", str(log))
    code, _, err = run(["ask", "新增就业", "--index", str(index_dir)], capsys)
    assert code == 1 and "Traceback" not in err and str(log) in err and len(err.strip().splitlines()) == 1
    assert "ZeroDivisionError" in log.read_text("utf-8") and "Traceback" in log.read_text("utf-8")
    with pytest.raises(ZeroDivisionError):
        run(["ask", "新增就业", "--index", str(index_dir), "--debug"], capsys)


def test_damaged_index_is_reported_as_damaged_not_stale(index_dir, capsys, tmp_path):
    import shutil

    damaged = tmp_path / "index"
    shutil.copytree(index_dir, damaged)
    (damaged / "dense.faiss").write_bytes(b"not a faiss file")
    code, _, err = run(["ask", "新增就业", "--index", str(damaged)], capsys)
    assert code == 1 and "已损坏" in err and "已过期" not in err and "qa build" in err


def test_missing_calibration_is_an_error_not_a_silent_default(tmp_path):
    from qa.answering.answerability import load_calibration
    from qa.errors import CalibrationError

    with pytest.raises(CalibrationError, match="qa calibrate"):
        load_calibration(tmp_path / "missing.json")


HOSTILE_ARGS = [
    "新增就业\udcff\udcfe多少人",  # invalid UTF-8 bytes in argv arrive as lone surrogates
    "\ud800新增就业",  # a lone surrogate that came from no byte
    "新增就业\x1b[2J\x1b[31m多少\x1b]0;pwned\x07人",  # clear screen, colour, window title
    "\u202e新增就业多少人\u202c",  # right-to-left override
    "新增\x00就业\x07\x08",  # NUL, bell, backspace
]


@pytest.mark.parametrize("question", HOSTILE_ARGS)
def test_hostile_argument_is_answered_and_echoed_clean(index_dir, capsys, question):
    code, out, err = run(["ask", question, "--k", "1", "--index", str(index_dir)], capsys)
    assert code == 0 and "Traceback" not in err
    assert "问: " in out
    assert not any(ch in out for ch in "\x1b\x00\x07\x08\u202e") and "pwned" not in out
    assert "新增" in out.splitlines()[0]


def test_stdin_with_undecodable_line_in_the_middle_answers_every_other_line(index_dir, capsys, monkeypatch):
    lines = ["新增就业多少人?".encode(), b"\xff\xfe\xc3\x28", "“三保”是什么?".encode(), b"\x1b[31m", "养老床位".encode()]
    data = b"\n".join(lines) + b"\n"
    code, out, err = run(["ask", "--json", "--k", "1", "--index", str(index_dir)], capsys, data, monkeypatch)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and "Traceback" not in err
    assert [("error" in r) for r in records] == [False, True, False, True, False]
    assert records[1]["line"] == 2 and records[3]["error"] == "请输入问题(问题不能为空)"


def test_stdin_line_over_the_size_limit_is_refused_unread(index_dir, capsys, monkeypatch):
    data = "新增就业\n".encode() + b"a" * 200_000 + "\n三保是什么\n".encode()
    code, out, _ = run(["ask", "--json", "--k", "1", "--index", str(index_dir)], capsys, data, monkeypatch)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and len(records) == 3
    assert "太长" in records[1]["error"] and records[1]["input"] == ""
    assert records[2]["hits"]


@pytest.mark.parametrize("claim", ["123", "3.1万人", "2020年", "和平区", "!!!"])
def test_statement_with_nothing_to_check_gets_a_message_not_a_verdict(index_dir, capsys, claim):
    code, out, err = run(["check", claim, "--index", str(index_dir)], capsys)
    assert code == 2 and out == ""
    assert "没有可核对的内容" in err or "没有可检索的文字" in err


@pytest.mark.parametrize("question", ["谁?", "多少?", "情况怎么样?"])
def test_a_question_of_asking_words_alone_gets_a_message_not_passages(index_dir, capsys, question):
    code, out, err = run(["ask", question, "--index", str(index_dir)], capsys)
    assert code == 2 and out == "" and "要问什么" in err


@pytest.mark.parametrize("question", ["四包指的是什么?", "十四五是什么"])
def test_a_name_built_on_a_numeral_is_something_asked_about(index_dir, capsys, question):
    # The tagger files 四包 and 十四五 as numerals, not nouns; they still name what is asked.
    code, out, err = run(["ask", question, "--index", str(index_dir)], capsys)
    assert code == 0 and err == "" and "[1]" in out


def test_a_question_given_to_check_is_sent_to_ask(index_dir, capsys):
    code, out, err = run(["check", "去年全区新增就业多少人?", "--index", str(index_dir)], capsys)
    assert code == 2 and out == "" and "qa ask" in err


def test_eval_counts_test_misses_without_listing_them(index_dir, capsys):
    # The test half is measured, not read: its misses are only counted unless asked for by name.
    code, out, _ = run(["eval", "eval/claims-hard.jsonl", "--index", str(index_dir)], capsys)
    assert code == 0 and "'split': 'test'" not in out and "misses of test items not listed" in out
    code, out, _ = run(["eval", "eval/claims-hard.jsonl", "--show-test-misses", "--index", str(index_dir)], capsys)
    assert code == 0 and "'split': 'test'" in out

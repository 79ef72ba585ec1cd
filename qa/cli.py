"""The ``qa`` command line: build the index, ask questions, check claims, evaluate, calibrate.

Every error reaches the user as one line: exit 2 when what was given must change (a question, an
option, a file), exit 1 otherwise; an unexpected error also names the log file holding its
traceback. ``--debug`` shows tracebacks instead.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

from qa.errors import InputError, QAError, QueryError
from qa.text.inputs import Line, clean_text, printable, read_lines, repair_surrogates

DEFAULT_CORPUS = Path("corpus")
DEFAULT_INDEX = Path("index")
PART_CHOICES = ["review", "plan", "notes", "attachment"]  # the values of qa.documents.passages.Part a search can keep
LOG_ENV = "QA_LOG"
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


def main(argv: list[str] | None = None) -> int:
    """Run one ``qa`` command; returns the exit code (0 ok, 1 failure, 2 bad input or usage, 130 interrupted)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (qa eval … | head): nothing more to say, and nobody to say it to.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            raise
        return _report_error(exc)


def log_path() -> Path:
    """Where unexpected errors are written: ``$QA_LOG``, else ``~/.cache/heping-qa/qa.log``."""
    return Path(os.environ.get(LOG_ENV) or Path("~/.cache/heping-qa/qa.log").expanduser())


def _report_error(exc: Exception) -> int:
    if isinstance(exc, QAError):
        print(f"错误: {_shown(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT if isinstance(exc, InputError) else EXIT_FAILED
    where = _log_traceback(exc)
    print(f"内部错误: {type(exc).__name__}: {_shown(str(exc))[:200]}(详情见 {where})", file=sys.stderr)
    return EXIT_FAILED


def _shown(message: str) -> str:
    """A message safe for the terminal: it may quote a path or value the user typed."""
    return printable(repair_surrogates(message))


def _log_traceback(exc: Exception) -> str:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"--- {time.strftime('%Y-%m-%dT%H:%M:%S%z')} qa {' '.join(sys.argv[1:])}\n")
            log.write("".join(traceback.format_exception(exc)))
        return str(path)
    except OSError:
        return "日志无法写入; 加 --debug 重新运行可查看"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="和平区政府工作报告问答与核对")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="报告目录(默认 corpus/)")
    common.add_argument("--index", type=Path, default=DEFAULT_INDEX, help="索引目录(默认 index/)")
    common.add_argument("--model", default=None, help="向量模型名称或本地目录(默认 multilingual-e5-small)")
    common.add_argument("--debug", action="store_true", help="出错时显示完整的 Python 调用栈")
    parser.set_defaults(debug=False)
    sub = parser.add_subparsers(dest="command")

    build = sub.add_parser("build", parents=[common], help="构建索引")
    build.add_argument("--full", action="store_true", help="重新编码全部段落(默认沿用内容未变的文件的向量)")
    build.set_defaults(handler=_build)

    ask = sub.add_parser("ask", parents=[common], help="提问;不给问题时从标准输入逐行读取")
    ask.add_argument("question", nargs="?", help="问题;省略时每行一个问题")
    ask.add_argument("--k", type=int, default=5, help="返回的段落数(默认 5)")
    ask.add_argument("--part", choices=PART_CHOICES, help="只在某一部分中检索")
    ask.add_argument("--json", action="store_true", help="输出 JSON(标准输入模式下为 JSON Lines)")
    ask.add_argument("--doc", action="append", metavar="DOC_ID", help="只在这份文件中检索(可重复;见 qa list)")
    ask.set_defaults(handler=_ask)

    check = sub.add_parser("check", parents=[common], help="核对陈述;不给陈述时从标准输入逐行读取")
    check.add_argument("claim", nargs="?", help="要核对的陈述;省略时每行一条")
    check.add_argument("--json", action="store_true", help="输出 JSON(标准输入模式下为 JSON Lines)")
    check.add_argument("--doc", action="append", metavar="DOC_ID", help="只对照这份文件(可重复;见 qa list)")
    check.set_defaults(handler=_check)

    add = sub.add_parser("add", parents=[common], help="把文件(.txt .html .htm .pdf .docx)加入语料并更新索引")
    add.add_argument("files", type=Path, nargs="+", help="要添加的文件")
    add.add_argument("--title", help="标题(文件中没有时)")
    add.add_argument("--date", help="发布日期 YYYY-MM-DD(文件中没有时)")
    add.add_argument("--publisher", help="发布者(文件中没有时)")
    add.add_argument("--place", help="地区,例如 和平区(标题中没有时)")
    add.set_defaults(handler=_add)

    listing = sub.add_parser("list", parents=[common], help="列出语料中的文件")
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    listing.set_defaults(handler=_list)

    remove = sub.add_parser("remove", parents=[common], help="从语料和索引中删除一份文件")
    remove.add_argument("doc_id", help="文件编号(见 qa list)")
    remove.set_defaults(handler=_remove)

    evaluate = sub.add_parser("eval", parents=[common], help="在问题集或陈述集上评测")
    evaluate.add_argument("file", type=Path, help="JSON Lines 评测文件")
    evaluate.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    evaluate.add_argument("--split", choices=["tune", "test"], help="只评测文件的一半(默认全部,并分列两半及差距)")
    evaluate.add_argument(
        "--show-test-misses", action="store_true", help="也列出 test 半的错例(默认只计数:test 半只用于测量,不用于调参)"
    )
    evaluate.set_defaults(handler=_eval)

    calibrate = sub.add_parser("calibrate", parents=[common], help="在问题集上校准“无答案”阈值")
    calibrate.add_argument("file", type=Path, nargs="+", help="问题集(只用其中 split 为 tune 的条目)")
    calibrate.add_argument("--write", action="store_true", help="把校准结果写入 qa/answering/calibration.json")
    calibrate.set_defaults(handler=_calibrate)

    topic = sub.add_parser("calibrate-topic", parents=[common], help="在问题集上拟合“与报告无关的话题”检查")
    topic.add_argument("file", type=Path, nargs="+", help="问题集(只用其中 split 为 tune 的条目)")
    topic.add_argument("--write", action="store_true", help="把结果写入 qa/answering/topic.json")
    topic.set_defaults(handler=_calibrate_topic)
    return parser


# The commands import what they need when they run, so that ``qa --help`` stays instant.


def _open(args: argparse.Namespace, calibration=None):
    from qa.answering.search import Searcher
    from qa.index.store import open_index

    index = open_index(args.index, args.corpus, args.model, rebuild=False, log=_say)
    return Searcher(index, calibration=calibration)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _build(args: argparse.Namespace) -> int:
    from qa.documents.passages import Part
    from qa.index.store import Index, reusable

    previous = None if args.full else reusable(args.index)
    index = Index.build(args.corpus, args.model, progress=True, log=_say, previous=previous)
    index.save(args.index)
    m = index.manifest
    notes = sum(1 for p in index.passages if p.part_kind == Part.NOTES)
    print(
        f"已构建索引 {args.index}: {len(index.reports)} 份报告, {m['passages']} 个段落(其中附注 {notes} 条), "
        f"模型 {m['model']}({m['dimension']} 维), 新编码 {m['embedded_passages']} 个段落, 用时 {m['build_seconds']} 秒"
    )
    return EXIT_OK


def _inputs(given: str | None, what: str) -> Iterable[Line]:
    """The one argument, or each line of standard input (read as bytes), through the input door."""
    if given is not None:
        return [Line(0, given)]
    return read_lines(sys.stdin.buffer, what)


def _ask(args: argparse.Namespace) -> int:
    from qa.app.present import format_answer

    searcher = _open(args)
    questions = _inputs(args.question, "问题")
    return _answer_each(
        questions, lambda q: searcher.ask(q, k=args.k, part=args.part, docs=args.doc), format_answer, args, "问题"
    )


def _check(args: argparse.Namespace) -> int:
    from qa.app.present import format_verdict
    from qa.factcheck.checker import FactChecker

    checker = FactChecker(_open(args).restricted(args.doc))
    claims = _inputs(args.claim, "说法")
    return _answer_each(claims, checker.check, format_verdict, args, "说法")


def _answer_each(inputs: Iterable[Line], answer: Callable, describe: Callable, args: argparse.Namespace, what: str) -> int:
    """Answer each input in turn, one result or error record per input; a failed one never stops the rest.

    Exit 0 when all were answered, 2 when some input was bad, 1 when something else failed.
    """
    status, as_json = EXIT_OK, args.json
    for line in inputs:
        try:
            if line.error:
                raise QueryError(line.error)
            result = answer(clean_text(line.text, what))
        except InputError as exc:
            status = EXIT_BAD_INPUT if status == EXIT_OK else status
            _emit_error(line, str(exc), as_json)
            continue
        except (QAError, KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:
            if args.debug:
                raise
            status = EXIT_FAILED
            _emit_error(line, f"内部错误: {type(exc).__name__}(详情见 {_log_traceback(exc)})", as_json)
            continue
        print(json.dumps(result.to_dict(), ensure_ascii=False) if as_json else describe(result), flush=True)
    return status


def _emit_error(line: Line, message: str, as_json: bool) -> None:
    text = _shown(line.text)
    if as_json:
        record = {"input": text, "error": message} | ({"line": line.number} if line.number else {})
        print(json.dumps(record, ensure_ascii=False), flush=True)
    else:
        where = f"第 {line.number} 行: " if line.number else ""
        print(f"错误: {where}{message}", file=sys.stderr, flush=True)


def _eval(args: argparse.Namespace) -> int:
    from qa.evaluation.report import evaluate_file, format_report, hide_test_misses

    report = evaluate_file(_open(args), args.file, split=args.split)
    if not args.show_test_misses:
        report = hide_test_misses(report)
    print(json.dumps(report, ensure_ascii=False) if args.json else format_report(report))
    return EXIT_OK


def _calibrate(args: argparse.Namespace) -> int:
    from qa.answering.answerability import Calibration
    from qa.evaluation.calibrate import calibrate_file

    # Calibrating does not read the saved calibration: it may be missing or for other features.
    result = calibrate_file(_open(args, calibration=Calibration()), args.file, write=args.write)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return EXIT_OK


def _calibrate_topic(args: argparse.Namespace) -> int:
    from qa.evaluation.topic import calibrate_topic

    result = calibrate_topic(_open(args), args.file, write=args.write)
    print(json.dumps({k: v for k, v in result.items() if k != "weights"}, ensure_ascii=False, indent=2))
    return EXIT_OK


def _change_corpus(args: argparse.Namespace, change: Callable[[], object]):
    """Change the corpus, then update the index; if indexing fails, the corpus is put back as it was."""
    from qa.documents.library import restore, snapshot
    from qa.index.store import update_index

    before = snapshot(args.corpus)
    result = change()
    try:
        index = update_index(args.index, args.corpus, args.model, log=_say)
    except BaseException:
        restore(before)
        raise
    return result, index


def _add(args: argparse.Namespace) -> int:
    from qa.documents.library import add_documents, given_metadata

    metadata = given_metadata(args.title, args.date, args.publisher, args.place)
    added, index = _change_corpus(args, lambda: add_documents(args.corpus, list(args.files), metadata))
    names = {"added": "已添加", "replaced": "已更新", "unchanged": "未改动"}
    for doc in added:
        print(f"{names[doc.status]} {doc.doc_id}: {doc.title}({doc.passages} 个段落)")
    m = index.manifest
    print(f"索引 {args.index}: {len(index.reports)} 份文件, {m['passages']} 个段落, 新编码 {m['embedded_passages']} 个段落")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from qa.documents.library import list_documents

    rows = list_documents(args.corpus)
    if args.json:
        print(json.dumps([asdict(row) for row in rows], ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        years = f"回顾 {_years(row.review_years)} / 计划 {_years(row.plan_years)}"
        fields = [row.doc_id, row.title, row.publisher or "-", row.published or "-", row.place or "-", years]
        fields.append(f"{row.passages} 段")
        print("\t".join(fields))
    return EXIT_OK


def _years(years: tuple[int, ...]) -> str:
    return "、".join(map(str, years)) or "-"


def _remove(args: argparse.Namespace) -> int:
    from qa.documents.library import remove_document

    removed, index = _change_corpus(args, lambda: remove_document(args.corpus, args.doc_id))
    m = index.manifest
    print(f"已删除 {args.doc_id}({removed.name});索引 {args.index}: {len(index.reports)} 份文件, {m['passages']} 个段落")
    return EXIT_OK

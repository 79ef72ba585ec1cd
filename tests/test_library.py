"""A shelf of documents: qa add / list / remove, the index following the corpus incrementally, and
search, citations and fact checks across documents of several formats and years."""

from __future__ import annotations

import io
import json
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout

import pytest

from qa.cli import main
from tests.conftest import CORPUS
from tests.documents_factory import TXT_FLAGS, UNIQUE, write_all

pytestmark = pytest.mark.slow

REPORT = "heping-2021-plan-report"
EMBEDDED = re.compile(r"新编码 (\d+) 个段落")
REPORT_PASSAGES = 98


def cli(*argv: str) -> tuple[int, str, str]:
    """Run ``qa`` in-process: exit code, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def state(corpus, index) -> tuple:
    """What must not change when an add fails: the corpus files (bytes) and the index manifest."""
    files = {p.name: p.read_bytes() for p in sorted(corpus.iterdir())}
    return files, (index / "manifest.json").read_text("utf-8")


@pytest.fixture(scope="module")
def shelf(tmp_path_factory, index_dir):
    """The real report's corpus and index (copied), then the generated documents added with ``qa add``."""
    root = tmp_path_factory.mktemp("shelf")
    corpus, index = root / "corpus", root / "index"
    corpus.mkdir()
    shutil.copy(CORPUS / f"{REPORT}.txt", corpus)
    shutil.copytree(index_dir.resolve(), index)
    documents = write_all(root / "incoming")
    where = ("--corpus", str(corpus), "--index", str(index))
    formatted = [str(documents[d]) for d in documents if d != "heping-louyu-measures"]
    first = cli("add", *formatted, *where)
    second = cli("add", str(documents["heping-louyu-measures"]), *TXT_FLAGS, *where)
    return {"corpus": corpus, "index": index, "documents": documents, "where": where, "added": (first, second)}


@pytest.fixture(scope="module")
def shelf_searcher(shelf, searcher):
    from qa.answering.search import Searcher
    from qa.index.store import Index

    return Searcher(Index.load(shelf["index"], shelf["corpus"], embedder=searcher.index.embedder))


def test_adding_embeds_only_the_new_documents(shelf):
    (code1, out1, _), (code2, out2, _) = shelf["added"]
    assert (code1, code2) == (0, 0)
    assert out1.count("已添加") == 3 and "已添加 heping-louyu-measures" in out2
    # 4 + 3 + 4 passages for the web page, the PDF and the Word file; the report's 98 are reused.
    assert EMBEDDED.search(out1).group(1) == "11" and EMBEDDED.search(out2).group(1) == "3"


def test_adding_an_unchanged_document_again_embeds_nothing(shelf):
    code, out, _ = cli("add", str(shelf["documents"]["heping-2022-plan"]), *shelf["where"])
    assert code == 0 and "未改动 heping-2022-plan" in out and EMBEDDED.search(out).group(1) == "0"


def test_list_shows_each_document_with_its_years(shelf):
    code, out, _ = cli("list", "--json", "--corpus", str(shelf["corpus"]))
    rows = {row["doc_id"]: row for row in json.loads(out)}
    assert code == 0 and set(rows) == {REPORT, *UNIQUE}
    assert (rows["heping-2022-plan"]["review_years"], rows["heping-2022-plan"]["plan_years"]) == ([2021], [2022])
    assert rows["heping-louyu-measures"]["published"] == "2022-03-01"
    assert rows["nankai-2022-work"]["place"] == "南开区" and rows[REPORT]["passages"] == REPORT_PASSAGES


@pytest.mark.parametrize("doc_id", sorted(UNIQUE))
def test_a_question_only_one_document_answers_brings_its_passage_first(shelf_searcher, doc_id):
    question, words, citation_start = UNIQUE[doc_id]
    top = shelf_searcher.ask(question, k=3).hits[0]
    assert top.passage.doc_id == doc_id and words in top.passage.text
    assert top.passage.citation.startswith(citation_start)


@pytest.mark.parametrize(
    ("question", "doc_id", "words"),
    [
        ("2020年和平区新增就业多少人?", REPORT, "新增就业3.1万人"),
        ("2021年和平区新增就业完成了多少人?", "heping-2022-plan", "新增就业3.3万人"),
        ("2022年和平区新增就业的目标是多少?", "heping-2022-plan", "新增就业2.2万人"),
        ("2021年和平区新增就业的目标是多少?", REPORT, "新增就业2万人"),
    ],
)
def test_a_year_question_goes_to_the_document_that_covers_the_year(shelf_searcher, question, doc_id, words):
    top = shelf_searcher.ask(question, k=3).hits[0]
    assert (top.passage.doc_id, words in top.passage.text) == (doc_id, True)


def test_a_question_naming_a_place_is_answered_from_that_place_s_documents(shelf_searcher):
    parking = shelf_searcher.ask("和平区新增了多少停车泊位?", k=3).hits  # the 南开区 report has 新增停车泊位3100个
    assert parking and all(h.passage.doc_id.startswith("heping-") for h in parking)
    assert shelf_searcher.ask("南开区新增了多少停车泊位?", k=1).hits[0].passage.doc_id == "nankai-2022-work"
    # 今年 in the voice of the newest 和平区 document (2022), not of the 河西区 budget report (2023).
    target = shelf_searcher.ask("今年和平区新增就业的目标是多少?", k=1).hits[0]
    assert target.passage.doc_id == "heping-2022-plan" and "新增就业2.2万人" in target.passage.text
    assert (shelf_searcher.current_year, shelf_searcher.restricted([REPORT]).current_year) == (2023, 2021)


def test_a_question_s_year_is_judged_against_the_document_that_answers_it(shelf_searcher):
    """河西区 is on the shelf, but only for 2022—2023: its 2021 plan is not answered by anything."""
    assert not shelf_searcher.ask("河西区2021年计划新增就业多少人?").answerable
    budget = shelf_searcher.ask("河西区2022年一般公共预算收入是多少?")
    assert budget.answerable and budget.hits[0].passage.doc_id == "hexi-2022-budget"


def test_doc_keeps_the_search_in_the_chosen_documents(shelf):
    code, out, _ = cli("ask", "新增就业多少人", "--doc", "nankai-2022-work", "--json", "--k", "3", *shelf["where"])
    hits = json.loads(out)["hits"]
    assert code == 0 and hits and {h["doc_id"] for h in hits} == {"nankai-2022-work"}
    assert all(h["citation"].startswith("天津市南开区人民政府工作报告(2022-01-18) › ") for h in hits)
    code, _, err = cli("ask", "新增就业多少人", "--doc", "no-such-doc", *shelf["where"])
    assert code == 2 and "没有这份文件" in err


@pytest.mark.parametrize(
    ("claim", "verdict", "doc_id"),
    [
        # 2021 is the report's plan year and the following report's review year: the cue decides.
        ("2021年和平区新增就业3.3万人", "supported", "heping-2022-plan"),  # no cue: a result, read against results
        ("2021年和平区完成新增就业3.3万人", "supported", "heping-2022-plan"),
        ("2021年和平区新增就业2万人", "contradicted", "heping-2022-plan"),
        ("2021年和平区新增就业的目标是2万人", "supported", REPORT),
        ("2021年和平区力争新增就业2万人", "supported", REPORT),
        ("2021年和平区将新增就业2万人", "supported", REPORT),
        ("2021年和平区超额完成新增就业目标,新增就业3.3万人", "supported", "heping-2022-plan"),  # 完成 governs 目标
        ("2020年和平区新增就业3.3万人", "contradicted", REPORT),  # only one document reviews 2020
        ("去年和平区新增就业3.3万人", "supported", "heping-2022-plan"),  # 去年 in the newest 和平区 report's voice
    ],
)
def test_a_claim_is_checked_against_the_document_of_its_year(shelf_searcher, claim, verdict, doc_id):
    from qa.factcheck.checker import FactChecker

    result = FactChecker(shelf_searcher).check(claim)
    assert (result.verdict, result.evidence[0].passage.doc_id) == (verdict, doc_id)


def test_a_claim_about_another_place_is_read_against_that_place_s_documents(shelf_searcher):
    from qa.factcheck.checker import FactChecker

    result = FactChecker(shelf_searcher).check("2020年南开区累计筹措口罩308万只")  # a 和平区 figure
    assert result.verdict == "not_found" and [d.doc_id for d in result.documents] == ["nankai-2022-work"]


@pytest.mark.parametrize(
    ("statement", "cue"),
    [
        ("2021年新增就业3.3万人", None),
        ("去年新增就业3.3万人", "review"),
        ("全年实现地区生产总值增长6%", "review"),
        ("力争实现地区生产总值增长6%", "plan"),
        ("目标是把审批时间压缩到60天以内,取得施工许可证", "plan"),
        ("超额完成年度计划目标", "review"),
        ("2021年要盘活空置载体15万平方米", "plan"),
        ("将近3万人实现就业", "review"),  # 将近 is "nearly"
        ("主要经济指标保持稳定", None),  # 主要 is no modal 要
    ],
)
def test_a_statement_s_first_time_cue_says_results_or_plans(statement, cue):
    from qa.documents.time import statement_cue

    assert statement_cue(statement) == cue


def test_a_verdict_names_its_document_in_the_json_and_the_text(shelf):
    code, out, _ = cli("check", "2021年和平区新增就业3.3万人", "--json", *shelf["where"])
    data = json.loads(out)
    assert code == 0 and data["verdict"] == "supported"
    assert [d["doc_id"] for d in data["documents"]] == ["heping-2022-plan"]
    assert data["source"] == "据《和平区2021年计划执行情况与2022年计划报告》(2022-01-25)"
    code, out, _ = cli("check", "2020年和平区新增就业3.3万人", *shelf["where"])
    assert code == 0 and "结论: 据《和平区2020年计划执行情况与2021年计划报告》(2021-02-02),与报告不符" in out
    # Nothing decides a claim the documents do not hold: the verdict names the documents it was read against.
    code, out, _ = cli("check", "和平区建成智慧停车场40个", "--doc", REPORT, "--json", *shelf["where"])
    data = json.loads(out)
    assert data["verdict"] == "not_found" and data["source"].startswith("已对照《和平区2020年")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "空"),
        ("scan.pdf", b"%PDF-1.4\n%%EOF", "损坏|扫描件"),
        ("junk.txt", bytes(range(256)) * 8, "不是文本文件"),
        ("sheet.xlsx", b"PK\x03\x04", "不支持的文件类型"),
    ],
)
def test_a_bad_file_leaves_corpus_and_index_as_they_were(shelf, tmp_path, name, content, message):
    before = state(shelf["corpus"], shelf["index"])
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = cli("add", str(shelf["documents"]["nankai-2022-work"]), str(path), *shelf["where"])
    assert code == 2 and re.search(message, err) and "Traceback" not in err
    assert state(shelf["corpus"], shelf["index"]) == before


def test_removing_a_document_leaves_no_passage_of_it(shelf):
    code, out, _ = cli("remove", "hexi-2022-budget", *shelf["where"])
    assert code == 0 and "已删除 hexi-2022-budget" in out
    passages = (shelf["index"] / "passages.jsonl").read_text("utf-8")
    assert '"doc_id": "hexi-2022-budget"' not in passages and "48.6亿元" not in passages
    assert not list(shelf["corpus"].glob("hexi-2022-budget.*"))
    code, out, err = cli("remove", "hexi-2022-budget", *shelf["where"])
    assert code == 2 and "没有编号为" in err


def test_the_app_service_searches_and_checks_chosen_documents(shelf_searcher):
    from qa.app.service import Service
    from qa.app.ui import app_title, banner_html

    service = Service(shelf_searcher)
    answer = service.ask("新增就业多少人", 3, None, ["heping-2022-plan"])
    assert {h["doc_id"] for h in answer["hits"]} == {"heping-2022-plan"}
    verdict = service.check("新增就业3.3万人", "heping-2022-plan")
    assert verdict["verdict"] == "supported" and verdict["evidence"][0]["doc_id"] == "heping-2022-plan"
    assert app_title(shelf_searcher.index) == "政府文件 · 问答与核对"  # several places: none named
    assert banner_html(shelf_searcher.index).count("qa-banner-source") == len(shelf_searcher.index.reports) == 5


def test_a_stale_index_is_rebuilt_embedding_only_the_changed_document(shelf, searcher, tmp_path):
    from qa.index.store import open_index

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(shelf["corpus"], corpus)
    shutil.copytree(shelf["index"].resolve(), index)
    changed = next(corpus.glob("heping-louyu-measures*"))
    changed.write_text(changed.read_text("utf-8") + "\n四、附注\n本措施自发布之日起施行。\n", "utf-8")
    said: list[str] = []
    rebuilt = open_index(index, corpus, log=said.append)
    embedded = int(re.search(r"新编码 (\d+) 个", " ".join(said)).group(1))
    changed_passages = sum(1 for p in rebuilt.passages if p.doc_id == "heping-louyu-measures")
    assert 0 < embedded == changed_passages < len(rebuilt.passages) - REPORT_PASSAGES


def test_the_api_answers_and_checks_in_chosen_documents(shelf_searcher):
    """/ask_in and /check_in on the real app over the shelf; /ask keeps its three parameters."""
    from gradio_client import Client

    from benchmarks.reliability.web import serve

    with serve(shelf_searcher) as url:
        client = Client(url, verbose=False)
        answer = client.predict("新增就业多少人", ["nankai-2022-work"], api_name="/ask_in")
        one_id = client.predict("新增就业多少人", "heping-2022-plan", 2, "review", api_name="/ask_in")
        verdict = client.predict("新增就业3.3万人", ["heping-2022-plan"], api_name="/check_in")
        everywhere = client.predict("新增就业多少人", 3, None, api_name="/ask")
    assert answer["hits"] and {h["doc_id"] for h in answer["hits"]} == {"nankai-2022-work"}
    assert all(h["citation"].startswith("天津市南开区人民政府工作报告(2022-01-18) › ") for h in answer["hits"])
    assert [(h["doc_id"], h["part"]) for h in one_id["hits"]] == [("heping-2022-plan", "review")] * 2
    assert verdict["verdict"] == "supported" and verdict["evidence"][0]["doc_id"] == "heping-2022-plan"
    assert len({h["doc_id"] for h in everywhere["hits"]}) > 1


ANNEXED = """关于和平区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划的报告
一、2022年计划执行情况
全年新增就业3.5万人,完成固定资产投资25亿元。
二、2023年计划
计划新增就业2.5万人。
附注:
1.“双百行动”:指百家企业百个项目行动。
2.“三保”:保基本民生、保工资、保运转。
附件1:2024年重点项目完成情况表
和平区文化中心项目已竣工,完成投资3.2亿元。
附件2
2025年重点项目计划表:新建社区食堂12个。
"""


def test_attachments_are_their_own_part_after_the_notes_and_name_no_years():
    from pathlib import Path

    from qa.documents.corpus import SourceFile
    from qa.documents.passages import cut_passages
    from qa.documents.structure import parse_report

    report = parse_report(SourceFile("annexed", Path("annexed.txt"), ANNEXED))
    passages = cut_passages(report)
    kinds = [(p.part_kind.value, p.part_label) for p in passages]
    assert kinds == [("review", "2022年执行情况"), ("plan", "2023年计划"), ("notes", "附注"), ("notes", "附注")] + [
        ("attachment", "附件")
    ] * 2
    notes = [p for p in passages if p.part_kind == "notes"]
    assert notes[-1].text == "2.“三保”:保基本民生、保工资、保运转。"  # the attachment is not read as the note going on
    annex = [p for p in passages if p.part_kind == "attachment"]
    assert annex[0].citation.endswith("› 附件1:2024年重点项目完成情况表 · 第1段") and "3.2亿元" in annex[0].text
    assert annex[1].section_path == ("附件2",)
    # The years an attachment's title names (完成情况 2024, 计划 2025) are not the document's years.
    assert (report.time.review_years, report.time.plan_years) == ((2022,), (2023,))


def test_a_word_table_in_an_attachment_is_read_row_by_row_under_its_headers(tmp_path):
    import docx

    from qa.documents.corpus import read_source
    from qa.documents.passages import cut_passages
    from qa.documents.structure import parse_report

    document = docx.Document()
    document.add_paragraph("关于和平区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划的报告")
    document.add_paragraph("发布日期:2023-01-20 发布者:天津市和平区发展和改革委员会")
    document.add_paragraph("2022年计划执行情况", style="Heading 1")
    document.add_paragraph("全年新增就业3.5万人。")
    document.add_paragraph("附件1:2023年重点项目表")
    rows = [
        ["项目名称", "总投资", "建设内容"],
        ["和平区文化中心", "3.2亿元", "新建文化中心一座"],
        ["南市片区更新", "12亿元", "改造老旧小区10个"],
    ]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "heping-2023-plan.docx"
    document.save(path)

    passages = cut_passages(parse_report(read_source(path)))
    annex = [p for p in passages if p.part_kind == "attachment"]
    assert [p.part_kind.value for p in passages] == ["review", "attachment", "attachment"]  # a row is a paragraph
    assert [p.text for p in annex] == [
        "项目名称:和平区文化中心；总投资:3.2亿元；建设内容:新建文化中心一座",
        "项目名称:南市片区更新；总投资:12亿元；建设内容:改造老旧小区10个",
    ]
    assert annex[1].citation == "和平区2022年计划执行情况与2023年计划报告(2023-01-20) › 附件1:2023年重点项目表 · 第2段"

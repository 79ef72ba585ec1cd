"""Each format a government publishes in is read into the same outline: title, date, publisher, place,
years, parts, sections, notes; bad files get one clear message."""

from __future__ import annotations

import pytest

from qa.documents.corpus import read_source
from qa.documents.library import check_document, given_metadata
from qa.documents.passages import cut_passages
from qa.documents.structure import parse_report
from qa.errors import CorpusError
from tests.documents_factory import UNIQUE, write_all


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return write_all(tmp_path_factory.mktemp("generated"))


def parsed(path, metadata=None):
    report = parse_report(read_source(path, {"metadata": metadata or {}}))
    return report, cut_passages(report)


def test_web_page_keeps_the_article_and_drops_the_site(generated):
    report, passages = parsed(generated["nankai-2022-work"])
    assert report.title == "天津市南开区人民政府工作报告"
    assert (report.published, report.publisher) == ("2022-01-18", "天津市南开区人民政府")
    assert report.place == "南开区"
    text = report.source
    for chrome in ("首页", "当前位置", "版权所有", "ICP备", "互动交流"):
        assert chrome not in text
    assert [h.text for h in report.headings if h.level == 1] == ["一、2021年工作回顾", "二、2022年主要任务", "附注"]
    note = next(p for p in passages if p.part_kind == "notes")
    assert note.note_term == "“南开e家”" and note.text.endswith("家政等服务。")


def test_pdf_paragraphs_are_whole_again_and_the_first_line_is_the_title(generated):
    report, passages = parsed(generated["hexi-2022-budget"])
    assert report.title == "关于河西区2022年预算执行情况和2023年预算草案的报告"
    assert (report.published, report.publisher, report.place) == ("2023-01-10", "天津市河西区财政局", "河西区")
    assert (report.time.review_years, report.time.plan_years) == ((2022,), (2023,))
    review = [p for p in passages if p.part_kind == "review"]
    assert len(review) == 1 and "48.6亿元" in review[0].text and review[0].text.endswith("民生支出占比达到78%。")
    assert [p.note_term for p in passages if p.part_kind == "notes"] == ["“三保”"]  # under 名词解释


def test_word_headings_get_the_numbers_word_draws(generated):
    report, passages = parsed(generated["heping-2022-plan"])
    outline = [(h.level, h.text) for h in report.headings]
    assert outline[:3] == [
        (1, "一、2021年国民经济和社会发展计划执行情况"),
        (2, "（一）楼宇经济提质增效"),
        (2, "（二）民生福祉持续增进"),
    ]
    assert (1, "附注") in outline  # notes are not numbered as a part
    assert {p.part_label for p in passages} == {"2021年执行情况", "2022年计划", "附注"}
    assert report.publisher == "天津市和平区发展和改革委员会"  # from the text, not Word's author property


def test_chapters_and_articles(generated):
    given = {"published": "2022-03-01", "publisher": "天津市和平区人民政府"}
    report, passages = parsed(generated["heping-louyu-measures"], given)
    assert [h.text for h in report.headings] == ["第一章 总则", "第二章 扶持政策"]
    article = next(p for p in passages if "300万元" in p.text)
    assert article.section_path == ("第二章 扶持政策", "第二条")
    assert article.citation.startswith(UNIQUE["heping-louyu-measures"][2])


def test_every_citation_starts_with_the_short_title_and_date(generated):
    for doc_id, path in generated.items():
        metadata = {"published": "2022-03-01"} if doc_id == "heping-louyu-measures" else {}
        _, passages = parsed(path, metadata)
        prefix = UNIQUE[doc_id][2].split(" › ")[0]
        assert all(p.citation.startswith(prefix + " › ") for p in passages), doc_id


def test_missing_metadata_is_asked_for_by_flag(generated):
    with pytest.raises(CorpusError, match="发布日期、发布者.*--date .*--publisher"):
        check_document(generated["heping-louyu-measures"], {})
    _, _, count = check_document(generated["heping-louyu-measures"], given_metadata(None, "2022-3-1", "和平区人民政府"))
    assert count == 3
    with pytest.raises(CorpusError, match="YYYY-MM-DD"):
        given_metadata(published="去年")


def _scanned_pdf(path):
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path))
    page.rect(50, 50, 400, 600, fill=1)  # a picture of a page, no text layer
    page.showPage()
    page.save()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("empty.txt", lambda p: p.write_bytes(b""), "空"),
        ("blank.txt", lambda p: p.write_text(" \n\n", "utf-8"), "空"),
        ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj<<>>\n%%EOF garbage" * 3), "损坏"),
        ("scan.pdf", _scanned_pdf, "扫描件"),
        ("table.xlsx", lambda p: p.write_bytes(b"PK\x03\x04 not a report"), "不支持的文件类型"),
        ("junk.txt", lambda p: p.write_bytes(bytes(range(256)) * 40), "不是文本文件"),
        ("latin.txt", lambda p: p.write_bytes("和平区".encode("gbk") * 10), "UTF-8"),
        ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 truncated"), "损坏"),
    ],
)
def test_bad_files_get_one_clear_message(tmp_path, name, make, message):
    path = tmp_path / name
    make(path)
    with pytest.raises(CorpusError, match=message):
        check_document(path, {})


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as out:
        out.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written to the disk
    with pytest.raises(CorpusError, match="太大"):
        check_document(path, {})


def test_page_examples_come_from_the_newest_document(generated):
    from qa.app.examples import examples_for

    reports = {}
    for doc_id in ("heping-2022-plan", "nankai-2022-work"):
        report, _ = parsed(generated[doc_id])
        reports[doc_id] = report
    passages = [p for r in reports.values() for p in cut_passages(r)]
    questions, statements = examples_for(reports, passages)
    # Both plan 2022; the first newest is the Word report of 和平区.
    assert questions["2021年成绩"] == ["楼宇经济提质增效方面取得了哪些成绩?", "民生福祉持续增进方面取得了哪些成绩?"]
    assert questions["2022年目标"] == ["主要预期目标方面有哪些安排?"] and questions["名词解释"] == ["“口袋公园”是什么意思?"]
    assert statements[0] == "2021年和平区全年新引进楼宇经济企业1280家"

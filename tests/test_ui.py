"""The web app: HTML rendering (pure, escaped), the reader's structure, and the named API endpoints."""

from __future__ import annotations

import json
import re

import pytest
from ui_server import shared_app_url

from qa.app.render import (
    anchor_id,
    confidence_label,
    copy_text,
    highlighted_html,
    render_answer,
    render_message,
    render_reader,
    render_verdict,
)
from qa.documents.reader import ReaderParagraph, build_reader, topic_of

pytestmark = pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")

SCRIPT = "<script>alert(1)</script>"


def hit(text="新增就业2万人,降低调查失业率。", start=100, highlight=(100, 107), **extra):
    data = {
        "rank": 1,
        "score": 1.5,
        "confidence": "high",
        "text": text,
        "citation": "二、2021年国民经济和社会发展计划任务 › (一)2021年经济社会发展主要预期目标 · 第1段",
        "section_path": ["二、2021年国民经济和社会发展计划任务", "(一)2021年经济社会发展主要预期目标"],
        "paragraph": 1,
        "start": start,
        "end": start + len(text),
        "highlight": list(highlight),
        "doc_id": "report",
        "doc_title": "关于和平区的报告",
        "passage_id": f"report:{start}-{start + len(text)}",
        "part": "plan",
        "note_number": None,
        "note_term": None,
    }
    data.update(extra)
    return data


def answer(question="2021年新增就业的目标是多少?", hits=None, answerable=True, message="", traditional=False):
    return {
        "question": question,
        "normalised_question": question,
        "answerable": answerable,
        "message": message,
        "traditional": traditional,
        "intent": {"period": "plan", "definition": False, "figure": True},
        "hits": [hit()] if hits is None else hits,
    }


# ---------------------------------------------------------------- render (pure)


def test_a_notice_on_the_part_is_shown_above_the_passages():
    notice = "第1条出自2020年执行情况,而问题问的是2021年计划;2021年计划中最接近的是第2条。"
    html = render_answer({**answer(), "notice": notice})
    assert 'class="qa-caution"' in html and notice in html
    assert html.index("qa-caution") < html.index("qa-hits")
    assert "qa-caution" not in render_answer(answer())


def test_question_and_passage_are_escaped():
    html = render_answer(
        answer(
            question=f"{SCRIPT}<img src=x onerror=alert(2)>",
            hits=[hit(text=f"前文{SCRIPT}后文&", highlight=(100, 102))],
        )
    )
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;后文&amp;" in html


def test_every_attribute_value_is_quoted_and_escaped():
    evil = hit(citation='" onmouseover="alert(1)', passage_id='x" onclick="alert(1)')
    html = render_answer(answer(hits=[evil]))
    assert 'onmouseover="' not in html and 'onclick="' not in html
    assert "&quot; onmouseover=&quot;alert(1)" in html


def test_highlight_wraps_the_answering_span():
    html = highlighted_html("新增就业2万人,降低调查失业率。", 100, (100, 107))
    assert html == '<mark class="qa-mark">新增就业2万人</mark>,降低调查失业率。'
    html = highlighted_html("甲乙<丙>丁", 10, (12, 15))
    assert html == '甲乙<mark class="qa-mark">&lt;丙&gt;</mark>丁'


def test_highlight_out_of_range_or_empty_is_harmless():
    assert highlighted_html("甲乙丙", 0, (5, 9)) == "甲乙丙"
    assert highlighted_html("甲乙丙", 0, None) == "甲乙丙"
    assert highlighted_html("甲乙丙", 0, (2, 1)) == "甲乙丙"


def test_citation_links_to_the_passage_anchor():
    html = render_answer(answer())
    anchor = anchor_id(hit()["passage_id"])
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", anchor)
    assert f'<a class="qa-cite" href="#{anchor}" data-anchor="{anchor}"' in html
    assert "(一)2021年经济社会发展主要预期目标 · 第1段</a>" in html


def test_anchor_ids_are_html_safe_and_distinct():
    ids = ["doc:1-2", "doc-1-2", "doc_3a_1-2", "报告:1-2", "a b:1-2"]
    anchors = [anchor_id(i) for i in ids]
    assert len(set(anchors)) == len(ids)
    assert all(re.fullmatch(r"p-[A-Za-z0-9_-]+", a) for a in anchors)


def test_confidence_is_plain_language():
    assert [confidence_label(c) for c in ("high", "medium", "low", "", None)] == ["高", "中", "低", "", ""]
    assert "可信度 高" in render_answer(answer())
    assert "可信度" not in render_answer(answer(hits=[hit(confidence="")]))
    assert "1.5" not in re.sub(r"<[^>]+>", "", render_answer(answer()))  # no raw score shown


def test_not_answered_says_so_and_lists_the_nearest_passages():
    html = render_answer(answer(answerable=False, message="报告只涉及本区"))
    assert "报告中未找到" in html and "最接近的段落" in html and "报告只涉及本区" in html
    assert "相关段落" not in html


def test_copy_text_is_the_quoted_passage_with_its_citation():
    text = copy_text(hit())
    assert text.startswith("“新增就业2万人,降低调查失业率。”")
    assert "《关于和平区的报告》" in text and text.endswith("第1段")
    assert 'data-copy="“新增就业2万人' in render_answer(answer())


def test_traditional_display_converts_report_text_but_not_the_question_or_copy():
    question = "和平區2021年新增就業目標是多少?"
    html = render_answer(answer(question=question, hits=[hit(text="发展经济,新增就业。", highlight=(100, 104))]), True)
    assert question in html
    assert '<mark class="qa-mark">發展經濟</mark>' in html
    assert 'data-copy="“发展经济' in html  # the report's own characters are copied


def test_message_is_escaped():
    assert "&lt;b&gt;" in render_message("<b>问题太长</b>") and "<b>" not in render_message("<b>x</b>")


def test_verdict_renders_label_comparison_and_evidence_escaped():
    verdict = {
        "claim": f"2020年新增就业5万人{SCRIPT}",
        "verdict": "contradicted",
        "label": "与报告不符",
        "explanation": "声明为5万人,报告为3.1万人",
        "claim_part": "2020年执行情况",
        "source": "据《和平区2020年计划执行情况与2021年计划报告》(2021-02-02)",
        "evidence": [hit(text="新增就业3.1万人。", highlight=(100, 109), part="review")],
        "comparisons": [
            {
                "claim": {"text": "5万人", "part": "2020年执行情况"},
                "report": {
                    "text": "3.1万人",
                    "part": "2020年执行情况",
                    "passage_id": "report:100-110",
                    "citation": "c",
                },
                "outcome": "different",
                "explanation": "数值不同",
            }
        ],
    }
    html = render_verdict(verdict)
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "与报告不符" in html and "qa-verdict-bad" in html
    assert '<p class="qa-verdict-source">据《和平区2020年计划执行情况与2021年计划报告》(2021-02-02)</p>' in html
    assert "不一致" in html and "3.1万人" in html and f'data-anchor="{anchor_id("report:100-110")}"' in html
    assert "依据段落" in html


# ---------------------------------------------------------------- reader


def test_reader_covers_every_passage_once_in_reading_order(report, passages):
    doc = build_reader(report, passages)
    shown = [p for block in doc.blocks if isinstance(block, ReaderParagraph) for p in block.passages]
    assert shown == sorted(passages, key=lambda p: p.start)
    html = render_reader(doc)
    for p in passages:
        assert html.count(f'id="{anchor_id(p.id)}"') == 1
    assert "<script" not in html


def test_reader_has_header_toc_and_notes(report, passages):
    html = render_reader(build_reader(report, passages))
    assert report.title in html and "天津市和平区发展和改革委员会" in html and "2021-02-02" in html
    assert "第十七届" in html  # the meeting line
    toc = re.search(r'<nav class="qa-toc".*?</nav>', html).group()
    for heading in report.headings:
        assert heading.text in toc
    assert "“六稳”即稳就业" in html  # note 1


def test_reader_bolds_topic_sentences(report, passages):
    opening = next(p for p in passages if p.text.startswith("众志成城抗击疫情。"))
    assert topic_of(opening) == "众志成城抗击疫情"
    assert '<strong class="qa-topic">众志成城抗击疫情。</strong>' in render_reader(build_reader(report, passages))


# ---------------------------------------------------------------- named API endpoints (real app)


@pytest.fixture(scope="session")
def app_url(searcher, request):
    return shared_app_url(searcher, request)


@pytest.fixture(scope="session")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


HIT_KEYS = {"rank", "score", "text", "citation", "section_path", "paragraph", "start", "end", "doc_id", "highlight"}


@pytest.mark.slow
def test_ask_endpoint_returns_the_cli_json(client, searcher):
    question = "2021年新增就业的目标是多少?"
    result = client.predict(question, api_name="/ask")
    assert isinstance(result, dict)
    assert {"question", "answerable", "hits"} <= result.keys()
    assert result["question"] == question
    assert len(result["hits"]) == 5
    for h in result["hits"]:
        assert HIT_KEYS <= h.keys()
        assert h["start"] <= h["highlight"][0] < h["highlight"][1] <= h["end"]
    assert "新增就业2万人" in result["hits"][0]["text"]
    # Exactly what `qa ask --json` prints for the same question.
    assert result == json.loads(json.dumps(searcher.ask(question, k=5).to_dict(), ensure_ascii=False))


@pytest.mark.slow
@pytest.mark.parametrize("part", ["review", "plan", "notes"])
def test_ask_endpoint_filters_by_part(client, part):
    result = client.predict("就业", 3, part, api_name="/ask")
    assert len(result["hits"]) == 3
    assert {h["part"] for h in result["hits"]} == {part}


@pytest.mark.slow
def test_ask_endpoint_accepts_all_and_chinese_part_labels(client):
    everything = client.predict("就业", 4, "all", api_name="/ask")
    assert everything == client.predict("就业", 4, None, api_name="/ask")
    notes = client.predict("就业", 2, "附注", api_name="/ask")
    assert {h["part"] for h in notes["hits"]} == {"notes"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("",), "问题不能为空"),
        (("   ",), "问题不能为空"),
        (("就" * 600,), "问题太长"),
        (("就业", 0), "1 到 50 之间的整数"),
        (("就业", "NaN"), "1 到 50 之间的整数"),
        (("就业", 5, "somewhere"), "未知的部分"),
    ],
)
def test_ask_endpoint_bad_input_gives_a_clear_chinese_error(client, args, message):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as error:
        client.predict(*args, api_name="/ask")
    assert message in str(error.value)
    assert "Traceback" not in str(error.value)


@pytest.mark.slow
def test_check_endpoint(client):
    verdict = client.predict("2020年和平区新增就业5万人", api_name="/check")
    assert {"claim", "verdict", "label", "explanation", "evidence", "comparisons"} <= verdict.keys()
    assert verdict["verdict"] in {"supported", "contradicted", "not_found"}
    assert verdict["label"] in {"报告支持", "与报告不符", "报告未提及"}
    for h in verdict["evidence"]:
        assert HIT_KEYS <= h.keys()


@pytest.mark.slow
def test_check_endpoint_rejects_an_empty_claim(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as error:
        client.predict("  ", api_name="/check")
    assert "不能为空" in str(error.value)

"""The report's structure, chrome removal and passage cutting, on the real report."""

import re

CHROME = re.compile(
    r"网站无障碍|关怀版|法律声明|关于我们|网站地图|ICP备|公网安备|备案|举报电话|举报邮箱|微博|微信|022-2319|@tj\.gov\.cn"
)


def test_metadata(report):
    assert report.title == "关于和平区2020年国民经济和社会发展计划执行情况与2021年国民经济和社会发展计划的报告"
    assert report.publisher == "天津市和平区发展和改革委员会"
    assert report.published == "2021-02-02"
    assert "和平区第十七届人民代表大会第八次会议" in report.meeting
    assert report.meeting.startswith("2021年1月12日")


def test_section_tree(report):
    parts = [h.text for h in report.headings if h.level == 1]
    assert parts == ["一、2020年国民经济和社会发展计划执行情况", "二、2021年国民经济和社会发展计划任务", "附注"]
    sections = [h.text[:3] for h in report.headings if h.level == 2]
    assert sections == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"] * 2
    assert any(h.text == "(四)人民群众获得感幸福感安全感不断增强" for h in report.headings)


def test_no_chrome_in_any_passage(passages):
    offenders = [p.citation for p in passages if CHROME.search(p.text)]
    assert offenders == []
    assert all("`" not in p.text and "丨" not in p.text for p in passages)


def test_chrome_lines_are_recognised(report):
    chrome = " ".join(line.text for line in report.chrome)
    for marker in ("网站无障碍", "法律声明", "ICP备", "举报电话", "微博", "微信"):
        assert marker in chrome


def test_34_notes_with_terms(passages):
    notes = [p for p in passages if p.part_kind == "notes"]
    assert [p.note_number for p in notes] == list(range(1, 35))
    assert all(p.note_term and len(p.note_term) >= 2 for p in notes)
    terms = {p.note_number: p.note_term for p in notes}
    assert "六稳" in terms[1] and "六保" in terms[1]
    assert "僵尸企业" in terms[9]
    assert terms[13] == "“雪亮工程”"
    assert terms[4] == "“132”工作机制"
    assert all(p.text.startswith(f"{p.note_number}.") for p in notes)


def test_topic_sentences_open_runs(passages):
    topics = {p.section_path[-1] for p in passages if len(p.section_path) == 3}
    for topic in ("众志成城抗击疫情", "精准有序复工复产", "千方百计帮扶企业", "织牢织密社会保障网", "打响招商攻坚战"):
        assert topic in topics
    for p in passages:
        if len(p.section_path) == 3 and p.text.startswith(p.section_path[-1]):
            assert p.text[len(p.section_path[-1])] == "。"


def test_section_path_and_citation(passages):
    hit = next(p for p in passages if "新增就业3.1万人" in p.text)
    assert hit.section_path == (
        "一、2020年国民经济和社会发展计划执行情况",
        "(四)人民群众获得感幸福感安全感不断增强",
        "织牢织密社会保障网",
    )
    assert hit.citation == "和平区2020年计划执行情况与2021年计划报告(2021-02-02) › " + " › ".join(hit.section_path) + " · 第1段"


def test_offsets_reproduce_text(source, passages):
    for p in passages:
        assert source.text[p.start : p.end] == p.text
        assert p.text == p.text.strip() and p.text


def test_passages_are_bounded_and_do_not_cross_topics(report, passages):
    assert all(len(p.text) <= 300 for p in passages)
    for run in report.runs:
        inside = [p for p in passages if run.start <= p.start < run.end]
        assert inside and all(p.end <= run.end for p in inside)
        assert "".join(p.text for p in inside) == report.source[run.start : run.end]


def test_long_paragraphs_split_at_sentence_ends(passages):
    for first, second in zip(passages, passages[1:]):
        if first.section_path == second.section_path and first.paragraph == second.paragraph and first.end == second.start:
            if first.part_kind != "notes" and len(first.text) > 150:
                assert first.text[-1] in "。;;!?!?", first.text[-10:]


def test_ids_stable_across_parses(source):
    from qa.documents.passages import cut_passages
    from qa.documents.structure import parse_report

    first = [p.id for p in cut_passages(parse_report(source))]
    second = [p.id for p in cut_passages(parse_report(source))]
    assert first == second and len(set(first)) == len(first)

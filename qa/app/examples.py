"""Example questions and statements for the page, from the corpus.

Examples written by hand for a document (:data:`CURATED`, by document id) are shown when that
document is in the corpus. Otherwise they are made from the newest document's own outline: its
review sections ask what was achieved, its plan sections what is planned, its notes what a term
means, and a statement is one of its own result clauses with a figure (which the report supports).
"""

from __future__ import annotations

import re

from qa.documents.parts import Part
from qa.documents.structure import ParsedReport
from qa.text.sentences import clause_spans

PER_GROUP = 3
CN = "[一二三四五六七八九十百]+"
OUTLINE_NUMBER = re.compile(rf"^(?:{CN}、|[（(]{CN}[）)]|第{CN}(?:章|节|部分))\s*")
DIGIT = re.compile(r"\d")

CURATED: dict[str, tuple[dict[str, list[str]], list[str]]] = {
    "heping-2021-plan-report": (
        {
            "2020年成绩": ["2020年和平区新增就业多少人?", "疫情期间累计筹措了多少只口罩?", "去年一般公共预算收入完成了多少?"],
            "2021年目标": ["2021年新增就业的目标是多少?", "今年要新增多少张养老床位?", "2021年固定资产投资计划增长多少?"],
            "名词解释": ["“六稳”“六保”是什么意思?", "“双百行动”指的是什么?", "食品“三小”是指哪三小?"],
        },
        [
            "2020年和平区新增就业3.1万人",
            "2020年和平区新增就业5万人",
            "2021年和平区计划新增养老床位200张",
            "和平区2021年将新建一座机场",
        ],
    )
}


def examples_for(reports: dict[str, ParsedReport], passages) -> tuple[dict[str, list[str]], list[str]]:
    """(question groups, statements) for a corpus: curated ones if it holds their document, else made."""
    for doc_id, examples in CURATED.items():
        if doc_id in reports:
            return examples
    dated = [r for r in reports.values() if r.time.current_year]
    if not dated:
        return {}, []
    newest = max(dated, key=lambda r: r.time.current_year)
    return _questions(newest, passages), _statements(newest, passages)


def _questions(report: ParsedReport, passages) -> dict[str, list[str]]:
    own = [p for p in passages if p.doc_id == report.doc_id]
    groups: dict[str, list[str]] = {}
    for part, ask in ((Part.REVIEW, "{}方面取得了哪些成绩?"), (Part.PLAN, "{}方面有哪些安排?")):
        # Sections of the part, or the part itself when it has none.
        sections = dict.fromkeys(p.section_path[min(1, len(p.section_path) - 1)] for p in own if p.part_kind == part)
        questions = [ask.format(OUTLINE_NUMBER.sub("", s)) for s in sections][:PER_GROUP]
        if questions:
            groups[report.time.label(part).replace("执行情况", "成绩").replace("计划", "目标")] = questions
    terms = [p.note_term for p in own if p.part_kind == Part.NOTES and p.note_term][:PER_GROUP]
    if terms:
        groups["名词解释"] = [f"{term}是什么意思?" for term in terms]
    return groups


def _statements(report: ParsedReport, passages) -> list[str]:
    """Result clauses with a figure, dated by the document's review year."""
    year = report.time.label(Part.REVIEW).removesuffix("执行情况")
    out = []
    for p in passages:
        if p.doc_id != report.doc_id or p.part_kind != Part.REVIEW:
            continue
        clause = next((p.text[s:e] for s, e in clause_spans(p.text) if DIGIT.search(p.text[s:e])), None)
        if clause:
            out.append(f"{year}{report.place or ''}{clause.strip('。,;')}")
    return out[:PER_GROUP]

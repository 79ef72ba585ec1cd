"""Plain-text rendering of answers and verdicts for people at a terminal."""

from __future__ import annotations

from qa.answering.results import Answer
from qa.factcheck.verdict import Verdict, part_label


def marked_text(text: str, start: int, highlight: tuple[int, int], left: str = "【", right: str = "】") -> str:
    """The passage text with its answering span wrapped in markers."""
    lo, hi = highlight[0] - start, highlight[1] - start
    return f"{text[:lo]}{left}{text[lo:hi]}{right}{text[hi:]}"


def format_answer(answer: Answer) -> str:
    """The question, whether the report answers it, and each passage with its citation."""
    lines = [f"问: {answer.question}"]
    if not answer.answerable:
        lines.append(f"报告中未找到该问题的答案{(':' + answer.reason) if answer.reason else ''}。以下是最接近的段落:")
    elif answer.notice:
        lines.append(f"注意: {answer.notice}")
    for hit in answer.hits:
        p = hit.passage
        lines.append(f"\n[{hit.rank}] 可信度 {hit.confidence.label} · {p.citation}")
        lines.append("    " + marked_text(p.text, p.start, hit.highlight))
    return "\n".join(lines)


def format_verdict(verdict: Verdict) -> str:
    """A claim's verdict for a terminal: verdict, reason, figures side by side, cited passages."""
    said = f"{verdict.source},{verdict.label}" if verdict.source else verdict.label
    lines = [f"陈述: {verdict.claim}", f"结论: {said}", f"说明: {verdict.explanation}"]
    if verdict.comparisons:
        lines.append("数字对照:")
    for row in verdict.comparisons:
        claimed, reported = row["claim"], row["report"]
        right = f"报告 {reported['text']}({reported['part']})" if reported else "报告 无对应数字"
        lines.append(f"  · 声明 {claimed['text']}({claimed['part']}) ↔ {right}: {row['explanation']}")
    if verdict.evidence:
        lines.append("依据:")
    for number, hit in enumerate(verdict.evidence, start=1):
        p = hit.passage
        lines.append(f"  [{number}] {part_label(p.part_label)} · {p.citation}")
        lines.append("      " + marked_text(p.text, p.start, hit.highlight))
    return "\n".join(lines)

"""Plain-text rendering of answers and verdicts for people at a terminal."""

from __future__ import annotations

from .search import Answer

CONFIDENCE_LABELS = {"high": "高", "medium": "中", "low": "低"}


def marked_text(text: str, start: int, highlight: tuple[int, int], left: str = "【", right: str = "】") -> str:
    """The passage text with its answering span wrapped in markers."""
    lo, hi = highlight[0] - start, highlight[1] - start
    return f"{text[:lo]}{left}{text[lo:hi]}{right}{text[hi:]}"


def format_answer(answer: Answer) -> str:
    """The question, whether the report answers it, and each passage with its citation."""
    lines = [f"问: {answer.question}"]
    if not answer.answerable:
        lines.append(f"报告中未找到该问题的答案{(':' + answer.reason) if answer.reason else ''}。以下是最接近的段落:")
    for hit in answer.hits:
        p = hit.passage
        confidence = CONFIDENCE_LABELS.get(hit.confidence, hit.confidence)
        lines.append(f"\n[{hit.rank}] 可信度 {confidence} · {p.citation}")
        lines.append("    " + marked_text(p.text, p.start, hit.highlight))
    return "\n".join(lines)


def format_verdict(verdict) -> str:
    """A claim's verdict with the evidence that decides it."""
    return verdict.describe()

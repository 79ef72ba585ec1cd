"""HTML for the web app: answers, verdicts and the report reader.

Pure functions of plain data (``Answer.to_dict()``, ``Verdict.to_dict()``, a ``ReaderDocument``).
Every piece of text that comes from a user or from the report passes through ``html.escape``;
nothing here emits a script or an event-handler attribute, so a page built from it runs nothing a
user typed. The app's own script finds its targets through ``data-`` attributes and classes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape

from qa.answering.results import Confidence
from qa.documents.passages import Part, Passage
from qa.documents.reader import ReaderDocument, ReaderParagraph, topic_of
from qa.documents.structure import Heading
from qa.factcheck.verdict import VerdictKind
from qa.text.normalise import to_traditional

CONFIDENCE_HINTS = {
    "high": "这段原文很可能直接回答了问题",
    "medium": "这段原文与问题相关,可能只回答了一部分",
    "low": "这段原文与问题关系不大,仅供参考",
}
VERDICT_CLASSES = {"supported": "ok", "contradicted": "bad", "not_found": "none"}
OUTCOME_LABELS = {
    "equal": "一致",
    "different": "不一致",
    "incomparable": "无法比较",
    "other_year": "年份不符",
    "not_found": "报告未提及",
}
OUTCOME_CLASSES = {"equal": "ok", "different": "bad", "other_year": "bad", "incomparable": "none", "not_found": "none"}

Convert = Callable[[str], str]


def _same(text: str) -> str:
    return text


def _converter(traditional: bool) -> Convert:
    """How displayed text is written: as in the report, or in Traditional characters (繁體顯示)."""
    return to_traditional if traditional else _same


def _e(text: object) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return escape("" if text is None else str(text), quote=True)


def anchor_id(passage_id: str) -> str:
    """An HTML id for a passage id (``doc:start-end``): letters, digits and hyphens, one to one."""
    safe = re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group()):x}_", passage_id)
    return f"p-{safe}"


def heading_anchor(doc_id: str, heading: Heading) -> str:
    """An HTML id for a heading of a report."""
    return anchor_id(f"{doc_id}:h{heading.start}").replace("p-", "h-", 1)


def confidence_label(confidence: str | None) -> str:
    """高 / 中 / 低 for high / medium / low; nothing when the confidence is not known."""
    return Confidence(confidence).label if confidence in set(Confidence) else ""


def highlighted_html(text: str, start: int, highlight: Iterable[int] | None, convert: Convert = _same) -> str:
    """The passage text, escaped, with the answering span (source offsets) in ``<mark>``."""
    if not highlight:
        return _e(convert(text))
    lo, hi = (int(x) - start for x in highlight)
    lo, hi = max(0, min(lo, len(text))), max(0, min(hi, len(text)))
    if hi <= lo:
        return _e(convert(text))
    return f'{_e(convert(text[:lo]))}<mark class="qa-mark">{_e(convert(text[lo:hi]))}</mark>{_e(convert(text[hi:]))}'


def copy_text(hit: dict) -> str:
    """What 复制引用 puts on the clipboard: the quoted passage and where it stands in which report."""
    title = hit.get("doc_title") or ""
    source = f"《{title}》," if title else ""
    return f"“{hit['text']}”\n——{source}{hit['citation']}"




def render_hit(hit: dict, convert: Convert = _same) -> str:
    """One result: rank, citation (a link into the reader), confidence, text with the span marked."""
    t = convert  # the page's own words follow the display switch too
    anchor = anchor_id(hit["passage_id"])
    rank = _e(hit["rank"])
    confidence = hit.get("confidence") or ""
    label = confidence_label(confidence)
    badges = []
    if label:
        badges.append(
            f'<span class="qa-conf qa-conf-{_e(confidence)}" title="{_e(t(CONFIDENCE_HINTS[confidence]))}">'
            f"{_e(t('可信度'))} {_e(t(label))}</span>"
        )
    part = hit.get("part_label") or ""
    if part:
        badges.append(f'<span class="qa-part">{_e(t(part))}</span>')
    return (
        f'<li class="qa-hit" data-rank="{rank}">'
        f'<div class="qa-hit-head">'
        f'<span class="qa-rank" aria-label="{_e(t("第"))}{rank}{_e(t("条"))}">{rank}</span>'
        f'<a class="qa-cite" href="#{anchor}" data-anchor="{anchor}" title="{_e(t("在报告原文中查看这一段"))}">'
        f"{_e(t(hit['citation']))}</a>"
        f"</div>"
        f'<div class="qa-badges">{"".join(badges)}</div>'
        f'<blockquote class="qa-text">{highlighted_html(hit["text"], hit["start"], hit.get("highlight"), t)}'
        f"</blockquote>"
        f'<div class="qa-actions">'
        f'<a class="qa-open" href="#{anchor}" data-anchor="{anchor}" tabindex="-1" aria-hidden="true">'
        f"{_e(t('在报告中查看'))}</a>"
        f'<button type="button" class="qa-copy" data-copy="{_e(copy_text(hit))}">复制引用</button>'
        f'<span class="qa-copy-status" role="status" aria-live="polite"></span>'
        f"</div>"
        f"</li>"
    )


def render_hits(hits: list[dict], convert: Convert = _same, label: str = "相关段落") -> str:
    """A numbered list of results under a heading."""
    t = convert
    if not hits:
        return f'<p class="qa-empty">{_e(t("没有可显示的段落。"))}</p>'
    items = "".join(render_hit(hit, convert) for hit in hits)
    return (
        f'<h3 class="qa-hits-title">{_e(t(label))}<span class="qa-count">{_e(t(f"共 {len(hits)} 段"))}</span></h3>'
        f'<ol class="qa-hits">{items}</ol>'
    )


def render_answer(answer: dict, traditional: bool = False) -> str:
    """An answer (``Answer.to_dict()``): the question, whether the report answers it, the passages.

    With ``traditional`` the report's text (and the page's words) are shown in Traditional
    characters; the question is always shown as typed, and 复制引用 copies the report's own text.
    """
    t = _converter(traditional)
    question = (
        f'<p class="qa-question"><span class="qa-q-label">{_e(t("问"))}</span><q>{_e(answer["question"])}</q></p>'
    )
    hits = answer.get("hits") or []
    parts = [question]
    if answer.get("answerable", True) and hits:
        parts.append(
            f'<p class="qa-found" role="status">{_e(t("以下是报告原文中回答这个问题的段落,"))}'
            f'<mark class="qa-mark">{_e(t("标记"))}</mark>'
            f"{_e(t('的是最相关的句子。点击出处可在报告中查看上下文。'))}</p>"
        )
        if answer.get("notice"):
            parts.append(f'<p class="qa-caution" role="note">{_e(t("注意:" + answer["notice"]))}</p>')
        parts.append(render_hits(hits, t, "相关段落"))
    else:
        reason = answer.get("message") or ""
        detail = f'<p class="qa-reason">{_e(t(reason))}</p>' if reason else ""
        nearest = (
            "下面列出报告中最接近的段落,仅供参考,它们不一定回答了这个问题。" if hits else "报告中也没有相近的段落。"
        )
        parts.append(
            f'<div class="qa-notfound" role="status"><p><strong>{_e(t("报告中未找到这个问题的答案。"))}</strong>'
            f"{_e(t(nearest))}</p>{detail}</div>"
        )
        if hits:
            parts.append(render_hits(hits, t, "最接近的段落"))
    classes = "qa-answer qa-traditional" if traditional else "qa-answer"
    return f'<section class="{classes}" aria-label="问答结果">{"".join(parts)}</section>'


def render_message(message: str, kind: str = "error") -> str:
    """A plain notice (an input error, a missing feature) in place of a result."""
    role = "alert" if kind == "error" else "status"
    return f'<div class="qa-notice qa-notice-{_e(kind)}" role="{role}"><p>{_e(message)}</p></div>'


def render_placeholder(text: str) -> str:
    return f'<div class="qa-placeholder"><p>{_e(text)}</p></div>'


def render_verdict(verdict: dict, traditional: bool = False) -> str:
    """A fact-check verdict (``Verdict.to_dict()``): the label, why, the figures compared, evidence."""
    convert = _converter(traditional)
    kind = verdict.get("verdict") or "not_found"
    label = verdict.get("label") or (VerdictKind(kind).label if kind in set(VerdictKind) else kind)
    parts = [
        f'<p class="qa-question"><span class="qa-q-label">{_e(convert("核"))}</span>'
        f"<q>{_e(verdict.get('claim', ''))}</q></p>",
        (
            f'<p class="qa-found">{_e(convert("声明所说的时期:" + verdict["claim_part"]))}</p>'
            if verdict.get("claim_part")
            else ""
        ),
        f'<div class="qa-verdict qa-verdict-{_e(VERDICT_CLASSES.get(kind, "none"))}" role="status">'
        + (f'<p class="qa-verdict-source">{_e(convert(verdict["source"]))}</p>' if verdict.get("source") else "")
        + f'<p class="qa-verdict-label">{_e(convert(label))}</p>'
        + (f'<p class="qa-verdict-why">{_e(convert(verdict["explanation"]))}</p>' if verdict.get("explanation") else "")
        + "</div>",
    ]
    comparisons = verdict.get("comparisons") or []
    if comparisons:
        rows = "".join(_comparison_row(c, convert) for c in comparisons)
        parts.append(
            f'<div class="qa-table-wrap"><table class="qa-compare"><caption>{_e(convert("数字比对"))}</caption>'
            f'<thead><tr><th scope="col">{_e(convert("声明中"))}</th><th scope="col">{_e(convert("报告中"))}</th>'
            f'<th scope="col">{_e(convert("结果"))}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>"
        )
    evidence = verdict.get("evidence") or []
    if evidence:
        parts.append(render_hits(evidence, convert, "依据段落"))
    return f'<section class="qa-answer qa-check" aria-label="核对结果">{"".join(parts)}</section>'


def _side(value: object, convert: Convert) -> str:
    """One side of a comparison: the figure as written, the year it belongs to, a link to its passage."""
    if not value:
        return '<span class="qa-fig-none">—</span>'
    if not isinstance(value, dict):
        return _e(convert(str(value)))
    html = f'<span class="qa-fig">{_e(convert(str(value.get("text", ""))))}</span>'
    if value.get("part"):
        html += f'<span class="qa-fig-part">{_e(convert(str(value["part"])))}</span>'
    if value.get("passage_id"):
        anchor = anchor_id(str(value["passage_id"]))
        title = _e(convert(str(value.get("citation") or "在报告中查看")))
        html += (
            f'<a class="qa-fig-link" href="#{anchor}" data-anchor="{anchor}" title="{title}">'
            f"{_e(convert('查看原文'))}</a>"
        )
    return html


def _comparison_row(comparison: dict, convert: Convert) -> str:
    outcome = str(comparison.get("outcome") or "")
    outcome_text = OUTCOME_LABELS.get(outcome, outcome)
    why = comparison.get("explanation") or ""
    cell = f'<span class="qa-outcome">{_e(convert(outcome_text))}</span>'
    if why:
        cell += f'<span class="qa-compare-why">{_e(convert(why))}</span>'
    kind = OUTCOME_CLASSES.get(outcome, "none")
    return (
        f'<tr class="qa-outcome-{kind}"><td data-label="声明">{_side(comparison.get("claim"), convert)}</td>'
        f'<td data-label="报告">{_side(comparison.get("report"), convert)}</td>'
        f'<td data-label="结果">{cell}</td></tr>'
    )


# ---------------------------------------------------------------------------------------------- reader


def _passage_html(passage: Passage, convert: Convert) -> str:
    topic = topic_of(passage)
    text = passage.text
    body = ""
    if topic:
        head = topic + "。"
        body = f'<strong class="qa-topic">{_e(convert(head))}</strong>'
        text = text[len(head) :]
    body += _e(convert(text))
    return (
        f'<span class="qa-psg" id="{anchor_id(passage.id)}" tabindex="-1" '
        f'data-citation="{_e(convert(passage.citation))}">{body}</span>'
    )


def _paragraph_html(paragraph: ReaderParagraph, convert: Convert) -> str:
    """A paragraph, broken into visual paragraphs where a bold topic sentence opens a new run."""
    pieces: list[list[Passage]] = []
    for passage in paragraph.passages:
        if not pieces or topic_of(passage):
            pieces.append([])
        pieces[-1].append(passage)
    first = paragraph.passages[0]
    if first.part_kind == Part.NOTES:
        return "".join(
            f'<p class="qa-note">{"".join(_passage_html(p, convert) for p in piece)}</p>' for piece in pieces
        )
    return "".join(f"<p>{''.join(_passage_html(p, convert) for p in piece)}</p>" for piece in pieces)


def render_reader(doc: ReaderDocument, traditional: bool = False) -> str:
    """The whole report: header, table of contents, then headings and paragraphs with anchors."""
    convert = _converter(traditional)
    meta = []
    if doc.report.publisher:
        meta.append(f"<span>发布者:{_e(convert(doc.report.publisher))}</span>")
    if doc.report.published:
        meta.append(f'<span>发布日期:<time datetime="{_e(doc.report.published)}">{_e(doc.report.published)}</time></span>')
    header = [f'<h2 class="qa-doc-title">{_e(convert(doc.report.title))}</h2>']
    if meta:
        header.append(f'<p class="qa-doc-meta">{"".join(meta)}</p>')
    if doc.report.meeting:
        header.append(f'<p class="qa-doc-meeting">——{_e(convert(doc.report.meeting))}</p>')
    if doc.report.speaker:
        header.append(f'<p class="qa-doc-speaker">{_e(convert(doc.report.speaker))}</p>')

    toc_items = "".join(
        f'<li class="qa-toc-l{h.level}"><a href="#{heading_anchor(doc.report.doc_id, h)}">{_e(convert(h.text))}</a></li>'
        for h in doc.report.headings
    )
    toc = (
        f'<nav class="qa-toc" aria-label="目录"><details open><summary>{_e(convert("目录"))}</summary>'
        f"<ol>{toc_items}</ol></details></nav>"
    )

    body = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            tag = "h3" if block.level == 1 else "h4"
            body.append(
                f'<{tag} class="qa-h qa-h{block.level}" id="{heading_anchor(doc.report.doc_id, block)}" tabindex="-1">'
                f"{_e(convert(block.text))}"
                f'<a class="qa-to-toc" href="#qa-toc-top" aria-label="回到目录">↑ 目录</a></{tag}>'
            )
        else:
            body.append(_paragraph_html(block, convert))
    classes = "qa-reader qa-traditional" if traditional else "qa-reader"
    return (
        f'<article class="{classes}" lang="{"zh-Hant" if traditional else "zh-Hans"}" data-doc="{_e(doc.report.doc_id)}">'
        f'<header class="qa-doc-header" id="qa-toc-top">{"".join(header)}</header>'
        f'<div class="qa-reader-grid">{toc}<div class="qa-doc-body">{"".join(body)}</div></div>'
        f"</article>"
    )

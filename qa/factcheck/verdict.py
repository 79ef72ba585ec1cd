"""A fact check's result (:class:`Verdict`) and the plain-language explanations that go into it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from qa.answering.results import Hit
from qa.documents.metadata import DocumentName
from qa.documents.passages import Part
from qa.factcheck.claims import ClaimFigure
from qa.factcheck.relations import DIFFERENCE, SUM, Relation
from qa.text.intervals import Interval
from qa.text.quantities import Comparison, Quantity
from qa.text.sentences import clause_spans


class VerdictKind(StrEnum):
    """What the report says of a claim."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    NOT_FOUND = "not_found"

    @property
    def label(self) -> str:
        """报告支持 / 与报告不符 / 报告未提及."""
        return {"supported": "报告支持", "contradicted": "与报告不符", "not_found": "报告未提及"}[self.value]


class FigureOutcome(StrEnum):
    """What the report says of one claimed figure (the first three as in :class:`qa.text.quantities.Comparison`)."""

    EQUAL = "equal"
    DIFFERENT = "different"
    INCOMPARABLE = "incomparable"
    YEAR_SWAP = "year_swap"  # the very figure, given for the other year
    NOT_FOUND = "not_found"

NO_PERIOD = "未注明年份"
APPROX_WORDS = {  # how each qualifier is read (qa.text.intervals, docs/quantities.md)
    "about": "是约数,按其末位数字的精度取整后比较",
    "near": "是“接近”,指略少于该数(末位数字半个单位以内)",
    "plus": "是“余/多”,指多于该数、不足末位数字的下一个单位",
    "over": "是下限(超过该数,不含该数)",
    "at_least": "是下限(不少于该数)",
    "under": "是上限(不到该数,不含该数)",
    "at_most": "是上限(不超过该数)",
}


@dataclass(frozen=True)
class Verdict:
    """Whether the report backs a claim, why, and the passages and figures that decide it."""

    claim: str
    verdict: VerdictKind
    label: str  # 报告支持 / 与报告不符 / 报告未提及
    explanation: str
    evidence: tuple[Hit, ...] = ()  # the deciding passages, highlight on the deciding words
    comparisons: tuple[dict, ...] = ()  # figures side by side (see :func:`comparison_rows`)
    period: Part | None = None  # the part of the report the claim's time cue points at
    period_label: str = ""  # that part named with the document's years
    documents: tuple[DocumentName, ...] = ()  # the documents it rests on (its evidence's, else those read)

    @property
    def source(self) -> str:
        """The verdict's documents: 据《…》(日期), or 已对照《…》(日期) when no passage of them decides it."""
        if not self.documents:
            return ""
        lead = "据" if self.evidence else "已对照"
        return lead + "、".join(d.cited for d in self.documents)

    def to_dict(self) -> dict:
        return {
            "claim": self.claim,
            "verdict": self.verdict,
            "label": self.label,
            "explanation": self.explanation,
            "claim_part": self.period_label or NO_PERIOD,
            "evidence": [hit.to_dict() for hit in self.evidence],
            "comparisons": list(self.comparisons),
            "documents": [d.to_dict() for d in self.documents],
            "source": self.source,
        }


@dataclass
class FigureMatch:
    """A report figure lined up with a claimed one."""

    hit: Hit
    figure: Quantity
    context: float  # how alike the words around the two figures are (0..1)
    comparison: Comparison
    claimed_value: float  # both values in a common unit
    reported_value: float

    @property
    def part(self) -> str:
        return self.hit.passage.part_kind

    @property
    def label(self) -> str:
        return self.hit.passage.part_label

    @property
    def same_value(self) -> bool:
        a, b = self.claimed_value, self.reported_value
        return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


@dataclass
class FigureResult:
    """What the report says about one claimed figure."""

    claimed: ClaimFigure
    outcome: FigureOutcome
    same: FigureMatch | None = None  # the matching figure in the part the claim is about
    other: FigureMatch | None = None  # for a year swap: the same figure in the other part


def part_label(label: str) -> str:
    """A part as named with its document's years (``Passage.part_label``), or 未注明年份."""
    return label or NO_PERIOD


def comparison_rows(r: FigureResult) -> list[dict]:
    """The claimed figure beside the report's (and, for a year swap, beside the other year's)."""
    if r.outcome == FigureOutcome.NOT_FOUND:
        return [_row(r, None, FigureOutcome.NOT_FOUND, "报告中没有与之对应的数字")]
    rows = []
    if r.same:
        rows.append(_row(r, r.same, r.same.comparison.outcome, r.same.comparison.explanation))
    if r.outcome == FigureOutcome.YEAR_SWAP:
        said = f"数值一致,但报告中这是{part_label(r.other.label)}的数字,声明说的是{part_label(r.claimed.period_label)}"
        rows.append(_row(r, r.other, "other_year", said))
    return rows


def _row(r: FigureResult, m: FigureMatch | None, outcome: str, explanation: str) -> dict:
    notes = [_approx_note(r.claimed.quantity, "声明")] + ([_approx_note(m.figure, "报告")] if m else [])
    notes = [n for n in notes if n]
    report = None
    if m:
        report = _quantity(m.figure, part_label(m.label)) | {
            "citation": m.hit.passage.citation,
            "passage_id": m.hit.passage.id,
            "context": figure_clause(m),
        }
    return {
        "claim": _quantity(r.claimed.quantity, part_label(r.claimed.period_label)),
        "report": report,
        "outcome": outcome,
        "explanation": explanation + (f"({';'.join(notes)})" if notes else ""),
    }


def _quantity(q: Quantity, part: str) -> dict:
    return {"text": q.text, "value": q.value, "unit": q.unit, "approx": q.approx, "part": part}


def _approx_note(q: Quantity, side: str) -> str:
    return f"{side}“{q.text}”{APPROX_WORDS[q.approx]}" if q.approx else ""


def figure_reason(r: FigureResult) -> str:
    """One sentence on what the report says about a claimed figure."""
    q = r.claimed.quantity
    if r.outcome == FigureOutcome.YEAR_SWAP:
        claimed, actual = part_label(r.claimed.period_label), part_label(r.other.label)
        said = f"报告{claimed}中为“{figure_clause(r.same)}”" if r.same else f"报告{claimed}中没有这一数字"
        return f"声明把{actual}中的数字当作{claimed}:{said},“{figure_clause(r.other)}”出自{actual}"
    if r.outcome == FigureOutcome.DIFFERENT:
        return f"报告为“{figure_clause(r.same)}”,声明为“{q.text}”:{r.same.comparison.explanation}"
    if r.outcome == FigureOutcome.INCOMPARABLE:
        return f"报告为“{figure_clause(r.same)}”,无法确认声明的“{q.text}”:{r.same.comparison.explanation}"
    if r.outcome == FigureOutcome.EQUAL:
        return f"“{q.text}”与报告一致({part_label(r.same.label)}:“{figure_clause(r.same)}”)"
    return f"报告中没有找到与“{q.text}”对应的数字"


def figure_clause(m: FigureMatch) -> str:
    """The report's words up to and including a matched figure, within its clause."""
    text = m.hit.passage.text
    start, _ = clause_spans(text[: m.figure.end] + "。")[-1]
    return text[start : m.figure.end].strip()


def figure_hits(matches: list[FigureMatch]) -> list[Hit]:
    """One hit per passage, highlighting the clause of its (first) matched figure."""
    out: dict[str, Hit] = {}
    for m in matches:
        p = m.hit.passage
        if p.id not in out:
            start, end = next((s, e) for s, e in clause_spans(p.text) if s <= m.figure.start < e)
            out[p.id] = replace(m.hit, highlight=(p.start + start, p.start + end))
    return list(out.values())


SCALES = {"万": 1e4, "亿": 1e8}


def _relation_value(relation: Relation, computed: Interval | None) -> str:
    """The computed relation as a reader says it: 2.61倍, 低4个百分点."""
    if computed is None:
        return "无法计算"
    value = computed.lo if computed.is_point else (computed.lo + computed.hi) / 2
    approx = "" if computed.is_point else "约"
    if relation.kind == SUM:
        scale = relation.figure.scale if relation.figure.scale in SCALES else ""
        return f"{approx}{value / SCALES.get(scale, 1):.4g}{scale}{relation.unit}"
    if relation.kind == DIFFERENCE:
        unit = "个百分点" if relation.unit == "%" else relation.unit
        scale = relation.figure.scale if relation.figure.scale in SCALES else ""
        amount = abs(value) / SCALES.get(scale, 1)
        return f"{'多' if value >= 0 else '少'}{approx}{amount:.4g}{scale}{unit}"
    return f"{approx}{value:.3g}倍"


def relation_reason(
    relation: Relation, a: FigureMatch, b: FigureMatch, computed: Interval | None, outcome: str, more: tuple = ()
) -> str:
    """One sentence on how two report figures (a sum: or ``more``) bear out the relation a claim states between them."""
    sides = "报告" + ",".join(f"{part_label(m.label)}为“{figure_clause(m)}”" for m in (a, b, *more))
    joined = {DIFFERENCE: "前者比后者", SUM: "合计" if more else "两者合计"}.get(relation.kind, "前者是后者的")
    between = f"{joined}{_relation_value(relation, computed)}"
    verdict = {"equal": "与声明的“{}”相符", "different": "与声明的“{}”不符"}.get(outcome, "不能确认声明的“{}”")
    return f"{sides},{between},{verdict.format(relation.said or relation.figure.text)}。"


def relation_row(
    relation: Relation, a: FigureMatch, b: FigureMatch, computed: Interval | None, outcome: str, more: tuple = ()
) -> dict:
    """The claim's relation beside the one computed from the report's two figures (or more, for a sum)."""
    figures = " 与 ".join(m.figure.text for m in (a, b, *more))
    report = {
        "text": f"{figures}:{_relation_value(relation, computed)}",
        "value": None if computed is None else computed.lo,
        "unit": relation.unit,
        "approx": None,
        "part": part_label(a.label) if a.label == b.label else f"{part_label(a.label)} / {part_label(b.label)}",
        "citation": a.hit.passage.citation,
        "passage_id": a.hit.passage.id,
        "context": ";".join(figure_clause(m) for m in (a, b, *more)),
    }
    claim = _quantity(relation.figure, "") | {"text": relation.said or relation.figure.text}
    said = relation_reason(relation, a, b, computed, outcome, more)
    return {"claim": claim, "report": report, "outcome": outcome, "explanation": said}

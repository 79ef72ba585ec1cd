"""Claim analysis for the fact checker: what a claim states, and how its wording meets a passage's.

A claim is read into its figures (each with the part of the report its time cue points at) and its
content characters (its wording less years, the report's own subject, source and time-cue words,
function characters). Against the report it is measured three ways, all by plain character
matching weighted by how rare a character or bigram is in the report (IDF):

* :func:`figure_context` / :meth:`GramStats.context_score`: how well the words around a claimed
  figure match the words around a figure of the report (nearby words count more);
* :meth:`GramStats.coverage`: the share of the claim's content found in a stretch of report text;
* :func:`conflicts`: where a claim clause and the report clause it matches say different things in
  the same place: another count word (五连冠 / 六连冠), another name of the same length (滨海 /
  滨江, 超市 / 药店), another list member (稳增长 / 稳预期), or another name of the same kind of
  place or body (五大道街 / 南市街, both streets).

Only general Chinese and government-report usage is written down here (function characters, light
verbs that reports use interchangeably, name suffixes, source phrases); nothing names a particular
claim or passage.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import jieba.posseg

from .intent import PLAN_WORDS, REVIEW_WORDS, detect_intent
from .quantities import Quantity, extract_quantities, extract_years
from .text_norm import normalise_for_matching, normalise_query, normalise_text

CLAUSE_BREAKS = "，,；;。！？!?：:\n"
CLAUSE = re.compile(rf"[^{CLAUSE_BREAKS}]+")
SENTENCE = re.compile(r"[^。！？!?；;\n]+")
WORDISH = re.compile(r"[\u3400-\u9fffA-Za-z0-9%.]")
NUMERAL = set("〇零一二两三四五六七八九十百千万亿0123456789")

# Words that frame a claim rather than state it: its source and the way it is introduced.
FRAMING = re.compile(
    r"(?:根据|按照|依据|据)?(?:报告|附注)(?:里|中|中的|显示|指出|提到|称|提出)?(?:的)?|根据|按照|依据"
    r"|截至|截止|到目前为止|期间|方面|其中|全区|我区|本区|全年"
)
NOTES_CUE = re.compile(r"附注|注释|名词解释")
# Characters that carry no content of their own in a statement.
STOP_CHARS = frozenset("的了是为在于把将被由对从到至和与及并共已都也还均等即指系有要其该此之这那着过呢吗啊")
# Verbs and adverbs reports use interchangeably (开展/进行, 位居/保持): a swap between two of them
# changes no fact.
LIGHT_WORDS = sorted(
    {"开展", "进行", "实施", "推进", "推动", "实现", "完成", "达到", "达", "取得", "获得", "得到", "拿"}
    | {"保持", "位居", "位列", "居于", "处于", "成为", "定为", "列为", "作为", "当作", "同样", "继续"}
    | {"已经", "已于", "全部", "全面", "累计", "共计", "合计", "总计", "一共", "共有", "已有", "拥有"}
    | {"约", "大约", "力争", "争取", "要求", "以及", "或者", "包括", "主要", "分别", "均为", "指的是"}
    | {"是指", "意思", "含义", "即", "指", "为", "是", "有", "了", "的", "在", "于", "和", "与", "及"}
    | {"并", "共", "已", "都", "也", "还", "均", "把", "将", "被", "由", "对", "从", "到", "至", "等"},
    key=len,
    reverse=True,
)
LIGHT = re.compile("|".join(map(re.escape, LIGHT_WORDS)))
# Measure words: 首家 and 首个 say the same thing.
MEASURE = frozenset("个家所只张项位名座条户处台套件次批类支")
# Last characters of names of places and bodies: two different names ending alike are rivals.
NAME_SUFFIXES = frozenset("区县市省镇乡村街路道里巷院馆站所局委厅办部校园场店厂集团司行社会队中心")
PUNCT = re.compile(r"[^\u3400-\u9fffA-Za-z0-9%.]")

CURRENCIES = frozenset({"元", "美元", "欧元", "港元", "日元", "英镑"})
PEOPLE = frozenset({"人", "名", "位"})


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of ``text`` (split at ，；。：！？), as ``(start, end)`` offsets."""
    return [m.span() for m in CLAUSE.finditer(text) if WORDISH.search(m.group())]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` (split at 。；！？), as ``(start, end)`` offsets."""
    return [m.span() for m in SENTENCE.finditer(text) if WORDISH.search(m.group())]


def strip_light(text: str) -> str:
    """The content of a short stretch of text: no punctuation, light words or measure words."""
    text = PUNCT.sub("", LIGHT.sub("", text))
    return "".join(ch for ch in text if ch not in MEASURE and ch not in STOP_CHARS)


# ---------------------------------------------------------------- claims


@dataclass(frozen=True)
class ClaimFigure:
    """A figure of a claim, where it stands, and the part of the report its time cue points at."""

    quantity: Quantity  # as the claim writes it (三点一万人), offsets in ``Claim.display``
    span: tuple[int, int]  # the figure in ``Claim.matching``
    clause: tuple[int, int]  # its clause in ``Claim.matching``
    period: str | None  # "review", "plan" or None (no time cue)


@dataclass(frozen=True)
class Claim:
    """A claim read for checking: text, content mask, figures, time cue, named places."""

    text: str  # as given (stripped)
    display: str  # normalise_text(text): what the figures' texts come from
    matching: str  # normalise_for_matching(text): figures in report form (三点一万 -> 3.1万)
    content: tuple[bool, ...]  # per character of ``matching``: part of what the claim states
    figures: tuple[ClaimFigure, ...]
    period: str | None
    notes: bool  # the claim says it is about the report's notes (附注)
    places: tuple[str, ...]  # place names in the claim (河西区, 天津市)

    def content_text(self, start: int = 0, end: int | None = None) -> str:
        """The content characters of ``matching[start:end]``, blanks where others were."""
        end = len(self.matching) if end is None else end
        return "".join(ch if self.content[i] else " " for i, ch in enumerate(self.matching[start:end], start))

    @property
    def clauses(self) -> list[tuple[int, int]]:
        """Clauses of ``matching`` that state something."""
        return [(s, e) for s, e in clause_spans(self.matching) if self.content_text(s, e).strip()]


def read_claim(text: str, subject_words: tuple[str, ...] = ()) -> Claim:
    """Analyse a claim; ``subject_words`` are the report's own subject (和平区), which states nothing."""
    display = normalise_text(text)
    matching = normalise_for_matching(text)
    periods = _clause_periods(matching)
    shown, found = extract_quantities(display), extract_quantities(matching)
    if len(shown) != len(found):  # cannot pair them: show the report form
        shown = found
    figures = []
    for q, m in zip(shown, found):
        index = next((i for i, (s, e, _) in enumerate(periods) if s <= m.start < e), len(periods) - 1)
        figures.append(ClaimFigure(q, (m.start, m.end), periods[index][:2], _nearest_period(periods, index)))
    return Claim(
        text=text,
        display=display,
        matching=matching,
        content=_content_mask(matching, subject_words),
        figures=tuple(figures),
        period=detect_intent(normalise_query(text)).period,
        notes=bool(NOTES_CUE.search(display)),
        places=tuple(_places(display)),
    )


def _clause_periods(text: str) -> list[tuple[int, int, str | None]]:
    spans = clause_spans(text) or [(0, len(text))]
    return [(s, e, detect_intent(normalise_query(text[s:e])).period) for s, e in spans]


def _nearest_period(periods: list[tuple[int, int, str | None]], index: int) -> str | None:
    """A clause's own time cue, else the last one before it, else the first one after it."""
    for i in [*range(index, -1, -1), *range(index + 1, len(periods))]:
        if periods[i][2]:
            return periods[i][2]
    return None


def _content_mask(matching: str, subject_words: tuple[str, ...]) -> tuple[bool, ...]:
    keep = [bool(WORDISH.match(ch)) and ch not in STOP_CHARS for ch in matching]
    masked = [*extract_quantities(matching), *extract_years(matching)]
    spans = [(q.start, q.end) for q in masked]
    for pattern in (FRAMING, REVIEW_WORDS, PLAN_WORDS):
        spans += [m.span() for m in pattern.finditer(matching)]
    for word in subject_words:
        spans += [m.span() for m in re.finditer(re.escape(word), matching)]
    spans += [m.span() for m in re.finditer(r"年度?", matching)]  # what is left of a year
    for start, end in spans:
        for i in range(start, end):
            keep[i] = False
    return tuple(keep)


@lru_cache(maxsize=4096)
def _pos(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(jieba.posseg.cut(text))


def _places(text: str) -> list[str]:
    """Names of administrative places (…区, …县, …市, …省) that the segmenter tags as places."""
    return [w for w, flag in _pos(text) if flag == "ns" and len(w) >= 3 and w[-1] in "区县市省"]


# ---------------------------------------------------------------- IDF-weighted matching


def grams_of(text: str, mask: tuple[bool, ...] | None = None) -> Counter[str]:
    """Unigrams and bigrams of content characters (bigrams only within unmasked runs)."""
    grams: Counter[str] = Counter()
    keep = [mask[i] if mask else (bool(WORDISH.match(ch)) and ch not in STOP_CHARS) for i, ch in enumerate(text)]
    for i, ch in enumerate(text):
        if keep[i]:
            grams[ch] += 1
            if i + 1 < len(text) and keep[i + 1]:
                grams[text[i : i + 2]] += 1
    return grams


class GramStats:
    """Document frequencies of characters and bigrams over the report's passages."""

    UNIGRAM_FACTOR = 0.3

    def __init__(self, texts: list[str]):
        df: Counter[str] = Counter()
        for text in texts:
            df.update({text[i : i + 2] for i in range(len(text) - 1)} | set(text))
        self.n = len(texts)
        self.df = df

    def weight(self, gram: str) -> float:
        idf = math.log(1 + self.n / max(self.df.get(gram, 0), 1))
        return idf * (self.UNIGRAM_FACTOR if len(gram) == 1 else 1.0)

    def coverage(self, grams: Counter[str], text: str) -> float:
        """IDF-weighted share of ``grams`` that occur in ``text`` (0 when there are none)."""
        total = sum(self.weight(g) for g in grams)
        if not total:
            return 0.0
        return sum(self.weight(g) for g in grams if g in text) / total

    def missing(self, grams: Counter[str], text: str) -> list[str]:
        """The bigrams of ``grams`` absent from ``text``, rarest first."""
        absent = [g for g in grams if len(g) == 2 and g not in text]
        return sorted(absent, key=self.weight, reverse=True)

    def context_score(self, weighted: dict[str, float], text: str, start: int, end: int) -> float:
        """How well ``weighted`` grams (gram -> weight) occur near ``text[start:end]`` (0..1).

        Each gram counts by its weight times a decay with its distance to the span (1 when touching,
        1/2 at six characters); only its nearest occurrence counts.
        """
        total = sum(weighted.values())
        if not total:
            return 0.0
        found = 0.0
        for gram, weight in weighted.items():
            best = 0.0
            at = text.find(gram)
            while at != -1:
                gap = start - (at + len(gram)) if at + len(gram) <= start else max(at - end, 0)
                best = max(best, 1.0 / (1.0 + gap / 6.0))
                at = text.find(gram, at + 1)
            found += weight * best
        return found / total


def figure_context(claim: Claim, figure: ClaimFigure, stats: GramStats) -> dict[str, float]:
    """The content grams of a figure's clause, weighted by rarity and closeness to the figure."""
    start, end = figure.clause
    text = claim.matching
    weights: dict[str, float] = {}
    for i in range(start, end):
        if not claim.content[i]:
            continue
        grams = [text[i]]
        if i + 1 < end and claim.content[i + 1]:
            grams.append(text[i : i + 2])
        gap = figure.span[0] - i if i < figure.span[0] else max(i - figure.span[1], 0)
        for gram in grams:
            closeness = 1.0 / (1.0 + gap / 10.0)
            weights[gram] = max(weights.get(gram, 0.0), stats.weight(gram) * closeness)
    return weights


# ---------------------------------------------------------------- figures


def canonical_unit(unit: str) -> str:
    return "人" if unit in PEOPLE else unit


def units_compatible(a: Quantity, b: Quantity) -> bool:
    """Same unit (人/名/位 alike), two currencies, or one side without a unit."""
    ua, ub = canonical_unit(a.unit), canonical_unit(b.unit)
    return not ua or not ub or ua == ub or (ua in CURRENCIES and ub in CURRENCIES)


def same_digits(a: float, b: float) -> bool:
    """The same digits at any magnitude (27.95万 and 27.95亿, 5440万 and 5440万)."""
    if a <= 0 or b <= 0:
        return False
    power = math.log10(a / b)
    return abs(power - round(power)) < 1e-9


# ---------------------------------------------------------------- conflicts


@dataclass(frozen=True)
class Conflict:
    """A place where the claim and the report's clause say different things."""

    claim_part: str
    report_part: str
    kind: str  # "count", "name", "member"

    def explain(self) -> str:
        what = {"count": "数目不同", "name": "名称不同", "member": "列举的对象不同"}[self.kind]
        return f"声明为“{self.claim_part}”,报告为“{self.report_part}”({what})"


def conflicts(claim_clause: str, report_clause: str) -> list[Conflict]:
    """Differences between a claim clause and the report clause it matches (both normalised).

    * a count word swapped (“十连冠” / “九连冠”): numerals replace numerals;
    * a word of the same length swapped in the same place (滨海集团 / 滨江集团, 8家超市 / 8家药店,
      稳增长 / 稳预期), unless both are light words (开展 / 进行);
    * a name standing where another name of the same kind stands (…街 / …街, …医院 / …医院), even
      when the claim puts it elsewhere in the sentence.
    """
    found: list[Conflict] = []
    matcher = SequenceMatcher(None, claim_clause, report_clause, autojunk=False)
    claim_only, report_only = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = claim_clause[i1:i2], report_clause[j1:j2]
        if tag in ("replace", "delete"):
            claim_only.append((i1, i2))
        if tag in ("replace", "insert"):
            report_only.append((j1, j2))
        if tag != "replace":
            continue
        a_core, b_core = strip_light(a), strip_light(b)
        if not a_core or not b_core or a_core in report_clause or b_core in claim_clause:
            continue
        if set(a_core) <= NUMERAL and set(b_core) <= NUMERAL:
            found.append(Conflict(*_whole_words(claim_clause, i1, i2, report_clause, j1, j2), "count"))
        elif len(PUNCT.sub("", a)) == len(PUNCT.sub("", b)) and len(a_core) == len(b_core) <= 4:
            kind = "member" if "、" in claim_clause[max(0, i1 - 4) : i2 + 4] + report_clause[max(0, j1 - 4) : j2 + 4] else "name"
            found.append(Conflict(*_whole_words(claim_clause, i1, i2, report_clause, j1, j2), kind))
    if not found:
        found += _rival_names(claim_clause, report_clause, claim_only, report_only)
    return found


def _whole_words(claim: str, i1: int, i2: int, report: str, j1: int, j2: int) -> tuple[str, str]:
    """The differing stretch widened to whole words on both sides (海 -> 滨海集团 / 滨江集团)."""
    return _word_around(claim, i1, i2), _word_around(report, j1, j2)


def _word_around(text: str, start: int, end: int) -> str:
    words, at, out = _pos(text), 0, []
    for word, _ in words:
        w_start, w_end = at, at + len(word)
        at = w_end
        if w_end > start and w_start < end:
            out.append(word)
    word = PUNCT.sub("", "".join(out))
    if len(word) <= 1:  # widen a lone character by its neighbours inside the clause
        word = PUNCT.sub("", text[max(0, start - 1) : end + 1])
    return word


def _rival_names(
    claim_clause: str, report_clause: str, claim_only: list[tuple[int, int]], report_only: list[tuple[int, int]]
) -> list[Conflict]:
    """Names that only one side has and that end alike (五大道街 / 南市街): the same slot, filled differently."""
    claim_names = _names(claim_clause, claim_only)
    report_names = _names(report_clause, report_only)
    found = []
    for a in claim_names:
        for b in report_names:
            if a[-1] == b[-1] and a not in report_clause and b not in claim_clause:
                found.append(Conflict(a, b, "name"))
                return found
    return found


def _names(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Words (jieba, with a preceding noun joined on) ending in a name suffix that lie in ``spans``."""
    out, at, words = [], 0, list(_pos(text))
    for k, (word, flag) in enumerate(words):
        w_start, w_end = at, at + len(word)
        at = w_end
        if word[-1] not in NAME_SUFFIXES or not any(s < w_end and w_start < e for s, e in spans):
            continue
        name = word
        back = k - 1
        while back >= 0 and words[back][1][:1] in ("n", "j") and len(name) < 8:  # 五 大道 街, 公安 医院
            name = words[back][0] + name
            back -= 1
        if len(name) == 1 and back >= 0 and words[back][1] in ("m", "ns", "nr", "nz"):
            name = words[back][0] + name
        if len(strip_light(name)) >= 2:
            out.append(strip_light(name))
    return out

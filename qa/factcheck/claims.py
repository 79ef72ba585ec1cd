"""Reading a claim for the fact checker, and measuring how its words meet the report's.

:func:`read_claim` turns a sentence into a :class:`Claim`: its figures, each with the part of the
report its time cue points at (a year the document reviews, or 去年 → its review; a year it plans, or
今年/计划/目标 → its plan, the years read from the document by :mod:`qa.documents.time`; a figure
takes its own clause's cue, else the nearest one before it, else after it), its content characters
(less years, the report's own subject, source and time-cue words, function characters and light
verbs) and the places it names.

Matching is plain character matching weighted by rarity in the report (IDF, :class:`qa.text.grams.GramStats`):

* :func:`context_score`: how well the words around a claimed figure stand around a figure
  of the report (a word counts less the farther it stands from the report's figure beyond its
  distance in the claim);
* :meth:`qa.text.grams.GramStats.coverage`: the share of the claim's content a stretch of report text holds.

Figures in different units are brought to one (:func:`in_common_unit`): 人/名/位; the count words
家/户/个; 千克/吨, 米/公里, 平方米/公顷/亩, 年/个月, 周/天. Only general Chinese and government-report usage is
written down here; nothing names a particular claim or passage.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from qa.answering.intent import detect_intent, time_cue_spans
from qa.documents.passages import Part
from qa.documents.time import DocumentTime
from qa.errors import QueryError
from qa.text.grams import GramStats
from qa.text.normalise import normalise_for_matching, normalise_query, normalise_text
from qa.text.places import places_named
from qa.text.quantities import CURRENCIES, Quantity, canonical_unit, extract_quantities, extract_years
from qa.text.sentences import WORDISH, clause_spans
from qa.text.synonyms import synonyms
from qa.text.titles import whole_titles
from qa.text.tokenize import pos_tags
from qa.text.units import CONVERSIONS, COUNT_WORDS, FIGURE_KIND_NOUNS

PUNCT = re.compile(r"[^\u3400-\u9fffA-Za-z0-9%.]")
CLAUSE_MARK = re.compile(r"[，,；;。:：!！?？]")
LIST_MARK_GAP = 6  # characters a list mark 、 between a figure and a word after it counts as
# Words joining a list's last members (以及 before 及, which it holds): 甲、乙和丙.
JOINING_WORDS = ("以及", "和", "及", "与")
JOINING = re.compile("|".join(JOINING_WORDS))
NUMERAL = frozenset("〇零一二两三四五六七八九十百千万亿0123456789")
FIGURE_MARK = "#"  # a figure, when wordings are compared (figures are compared as quantities)
LIST_MARK = re.compile(r"、|和|及|与")  # between the members of a list

# Hearsay: how a claim came to the speaker, not what it states (听说去年…).
HEARSAY = "听说|据说|据悉|据了解|据报道|有人说"
# Words that frame a claim rather than state it: its source, the way it is introduced, the district.
FRAMING = re.compile(
    r"(?:根据|按照|依据|据)?(?:报告|附注)(?:里|中|中的)?(?:显示|指出|提到|称|提出|坦言|承认|表示|强调|写道|说)?(?:的)?|根据|按照|依据"
    rf"|{HEARSAY}"
    r"|截至|截止|到目前为止|期间|方面|其中|全区|我区|本区|区里|全年|人民币"
    # A noun naming the kind of the figure it stands before (金额625万元, 人数3.1万): a report lets the
    # unit say it (新增创业贷625万元).
    rf"|(?:{'|'.join(FIGURE_KIND_NOUNS)})(?=(?:为|达|是|约|共|在)?[0-9零一二两三四五六七八九十百千])"
)
QUOTED_NAME = re.compile(r"“[^”]{2,}”")
NOTES_CUE = re.compile(r"附注|注释|名词解释")
# Characters that carry no content of their own in a statement.
STOP_CHARS = frozenset("的了是为在于把将被由对从到至和与及并共已都也还均等即指系有要其该此之这那着过呢吗啊")
# Verbs and adverbs reports use interchangeably (开展/进行, 处于/保持): swapping them changes no fact.
LIGHT_WORDS = sorted(
    {"开展", "进行", "实施", "推进", "推动", "实现", "达到", "达", "取得", "获得", "得到", "拿"}
    | {"保持", "位居", "位列", "居于", "处于", "成为", "定为", "列为", "作为", "当作", "同样", "继续"}
    | {"已经", "已于", "全部", "全面", "累计", "共计", "合计", "总计", "一共", "共有", "已有", "拥有"}
    | {"约", "大约", "力争", "争取", "要求", "以及", "或者", "包括", "主要", "分别", "均为", "指的是"}
    | {"是指", "意思", "含义", "即", "指", "为", "是", "有", "了", "的", "在", "于", "和", "与", "及"}
    | {"并", "共", "已", "都", "也", "还", "均", "把", "将", "被", "由", "对", "从", "到", "至", "等"}
    # Words that praise how a thing was done, not what was done (顺利编制完成 / 圆满完成…编制任务).
    | {"顺利", "圆满", "成功", "妥善", "扎实", "稳步", "有序", "积极", "全力", "切实", "有效", "大力", "认真"}
    | {"深入", "正式", "做到"}
    # Aspect verbs: 开始接诊 states 接诊.
    | {"开始"},
    key=len,
    reverse=True,
)
LIGHT = re.compile("|".join(map(re.escape, LIGHT_WORDS)))
MEASURE = frozenset("个家所只张项位名座条户处台套件次批类支")  # 首家 and 首个 say the same
# Last characters of names of places and bodies (…街, …医院, …集团, …派出所).
NAME_SUFFIXES = frozenset("区县市省镇乡村街路道里巷院馆站所局委厅办部校园场店厂集团司行社会队中心楼")

# 个 is the general measure word: a claim may count with 个 what the report counts with a specific one
# (308万只口罩 → 308万个口罩). Not the other way: a claim's specific word (套, 台) names a sort of thing
# a report figure in 个 need not be about. Not people (人, 名) or households (户) either.
OBJECT_MEASURES = frozenset("只张台件套所座项处辆条支盏间栋幢家艘架")


def strip_light(text: str) -> str:
    """The content of a short stretch of text: no punctuation, light words or function characters."""
    text = PUNCT.sub("", LIGHT.sub("", text))
    return "".join(ch for ch in text if ch not in STOP_CHARS)


# ---------------------------------------------------------------- claims


@dataclass(frozen=True)
class ClaimFigure:
    """A figure of a claim, where it stands, and the part of the report its time cue points at."""

    quantity: Quantity  # as the claim writes it (三点一万人)
    span: tuple[int, int]  # the figure in ``Claim.matching``
    clause: tuple[int, int]  # its clause in ``Claim.matching``
    period: Part | None  # the part its time cue points at; None without a cue
    period_label: str = ""  # that part named with the document's years (2020年执行情况)


@dataclass(frozen=True)
class Claim:
    """A claim read for checking."""

    text: str  # as given (stripped)
    matching: str  # normalise_for_matching(text): figures as reports write them (三点一万 -> 3.1万)
    kept: tuple[bool, ...]  # per character of ``matching``: not a figure, year, subject, source or cue word
    content: tuple[bool, ...]  # per character of ``matching``: kept and carrying content
    figures: tuple[ClaimFigure, ...]
    period: Part | None  # the claim's time cue as a whole
    notes: bool  # the claim says it is about the report's notes (附注)
    places: tuple[str, ...]  # administrative places named (河西区, 天津市), in order
    period_label: str = ""  # ``period`` named with the document's years (2020年执行情况)
    joined: tuple[bool, ...] = ()  # per character of ``matching``: the next character is of the same word

    @property
    def clauses(self) -> list[tuple[int, int]]:
        """Clauses of ``matching`` that state something."""
        spans = whole_titles(self.matching, clause_spans(self.matching))
        return [(s, e) for s, e in spans if any(self.content[s:e])]

    def grams(self, start: int = 0, end: int | None = None, within_words: bool = False) -> Counter[str]:
        """Content unigrams and bigrams of ``matching[start:end]``; ``within_words``: no bigram across
        two words, so that the same words in another order cover as much (for the claim as a whole)."""
        return grams_of(self.matching[start:end], self.content[start:end], self.joined[start:end] if within_words else None)

    def without_quoted_names(self) -> Claim:
        """The claim's frame: the same claim, the names it quotes carrying no content (扎实做好“六稳”工作
        → 扎实做好“”工作), to find a report sentence that says the same of another name."""
        quoted = [False] * len(self.matching)
        for m in QUOTED_NAME.finditer(self.matching):
            quoted[m.start() : m.end()] = [True] * (m.end() - m.start())
        return replace(self, content=tuple(c and not q for c, q in zip(self.content, quoted)))

    def text_of(self, start: int, end: int) -> str:
        """A clause as the claim words it (figures as written only when the forms line up)."""
        return self.matching[start:end].strip()

    def diff_text(self, start: int, end: int) -> str:
        """A clause as compared with the report's wording: what it states, figures as ``#``."""
        figure_end = {f.span[0]: f.span[1] for f in self.figures}
        out, i = [], start
        while i < end:
            if i in figure_end:
                out.append(FIGURE_MARK)
                i = figure_end[i]
                continue
            if self.kept[i] and (WORDISH.match(self.matching[i]) or self.matching[i] == "、"):
                out.append(self.matching[i])
            i += 1
        return "".join(out)


def read_claim(text: str, subject_words: tuple[str, ...] = (), time: DocumentTime | None = None) -> Claim:
    """Read a claim; ``subject_words`` are the report's own subject (和平区), which states nothing;
    ``time`` is the checked document's, against which the claim's years are read."""
    time = time or DocumentTime()
    matching = _first_to(normalise_for_matching(text))
    kept = _kept_mask(matching, subject_words)
    periods = _clause_periods(matching, time)
    shown, found = extract_quantities(normalise_text(text)), extract_quantities(matching)
    if len(shown) != len(found):  # cannot pair the written and the report forms: show the report form
        shown = found
    done = Part.REVIEW if _done(matching) else None
    figures = []
    for written, q in zip(shown, found):
        index = next((i for i, (s, e, _) in enumerate(periods) if s <= q.start < e), len(periods) - 1)
        period = _nearest_period(periods, index) or done
        figures.append(ClaimFigure(written, (q.start, q.end), periods[index][:2], period, time.label(period) if period else ""))
    period = _period(text, time) or done
    return Claim(
        text=text,
        matching=matching,
        kept=kept,
        content=_content_mask(matching, kept),
        joined=_joined(matching),
        figures=tuple(figures),
        period=period,
        notes=bool(NOTES_CUE.search(matching)),
        places=tuple(places_named(matching)),
        period_label=time.label(period) if period else "",
    )


def without_time_cues(text: str) -> str:
    """``text`` less its years and time-cue words (2020年, 去年, 目标): what it names, in no particular year."""
    spans = [(q.start, q.end) for q in extract_years(text)]
    spans += time_cue_spans(text)
    keep = [True] * len(text)
    for start, end in spans:
        keep[start:end] = [False] * (end - start)
    return "".join(ch for ch, k in zip(text, keep) if k)


def counts_own_list(claim: Claim, figure: ClaimFigure) -> bool:
    """The figure only counts the members the claim lists just before it (民园广场和第一南开中学两处,
    甲、乙、丙三家): a closed list of that many members, which the words, not the figure, are checked
    for. A list ending in 等 is open, and its count is a figure to check."""
    q = figure.quantity
    if q.approx or q.value > 10 or q.value != int(q.value) or not q.unit or q.unit in ("%", "个百分点"):
        return False
    if shared_out(claim, figure):  # 甲和乙各2个: what each has, a figure to check
        return False
    before = claim.matching[figure.clause[0] : figure.span[0]]
    tags = pos_tags(before)
    if not tags or tags[-1][0] == "等" or "等" in before[-2:]:
        return False
    # A figure right after 、 begins the next item of a run (1所学校通过复评、2所学校获评): it counts its own
    # words, not the members before it.
    if before.endswith(("、", "和", "与", "及")):
        return False
    joins = sum(1 for word, tag in tags if word == "、" or (word in ("和", "与", "及") and tag == "c"))
    return joins >= 1 and joins + 1 == q.value


def shared_out(claim: Claim, figure: ClaimFigure) -> int:
    """How many members the claim's figure is given to each (甲和乙各增设了1个: 2), 0 when it is not
    said of each: 各 / 每 just before the figure, after a list of members joined by 、 / 和 / 与 / 及."""
    before = claim.matching[figure.clause[0] : figure.span[0]]
    each = max(before.rfind("各"), before.rfind("每"))
    if each == -1 or len(before) - each > 4:  # 各增设了1个, 各1个
        return 0
    joins = sum(1 for word, tag in pos_tags(before[:each]) if word == "、" or (word in ("和", "与", "及") and tag == "c"))
    return joins + 1 if joins else 0


# A question asking for something (多少, 什么, 哪, 谁, 怎么, 为什么 … ending in a question mark) states
# nothing true or false; one asking yes or no (…吗?) states what it asks about, and is checked.
# A question, with its question mark or ending in its question word (平均多少, 区长是谁).
OPEN_QUESTION = re.compile(
    r"(?:多少|几[个家所项人年成倍]?|什么|啥|哪|谁|怎么|怎样|如何|为什么|为何)[^。!！]*[?？]\s*$"
    r"|(?:多少|什么|啥|谁|哪里|哪儿|怎么样|怎样|如何)[呢啊呀]?\s*$"
)


def validate_claim(claim: Claim) -> Claim:
    """The claim, or QueryError when it states nothing to check (only figures, years, the district,
    punctuation) or asks for something instead of stating it."""
    if not any(content and not ch.isdigit() for content, ch in zip(claim.content, claim.matching)):
        raise QueryError("这句话没有可核对的内容(只有数字、年份、地名或标点),请写出完整的说法,例如“2020年和平区新增就业3.1万人”")
    if OPEN_QUESTION.search(claim.text):
        raise QueryError(
            "这是一个问题,不是可以核对的说法:请到“问答”里提问(命令行用 qa ask),"
            "或写成完整的说法,例如“2020年和平区新增就业3.1万人”"
        )
    return claim


def _clause_periods(text: str, time: DocumentTime) -> list[tuple[int, int, Part | None]]:
    spans = clause_spans(text) or [(0, len(text))]
    return [(s, e, _period(text[s:e], time)) for s, e in spans]


# 已 / 已经 / 曾 state that a thing has happened: without a year or another cue, the claim is about
# the results the report reviews (已被批准为…试点城市), not its plans.
DONE = re.compile(r"已(?!有)|曾经?")


def _done(text: str) -> bool:
    """The claim says a thing has happened: 已 / 曾, or the perfective particle 了 (新建了3家; jieba's ``ul``,
    not the 了 of 为了 or 了解)."""
    return bool(DONE.search(text)) or any(w == "了" and tag == "ul" for w, tag in pos_tags(text))
# 计划 ending a programme's name (“海河英才”行动计划, 三年行动计划) names it; it is no cue for the plan year.
PROGRAMME_NAME = re.compile(r"(?:(?<=行动)|(?<=”))计划")


def _period(text: str, time: DocumentTime) -> Part | None:
    """The part of the report a stretch of claim points at, programme names aside."""
    return detect_intent(normalise_query(PROGRAMME_NAME.sub("项目", text)), time).period


def _nearest_period(periods: list[tuple[int, int, Part | None]], index: int) -> Part | None:
    """A clause's own time cue, else the last one before it, else the first one after it."""
    for i in [*range(index, -1, -1), *range(index + 1, len(periods))]:
        if periods[i][2]:
            return periods[i][2]
    return None


def _kept_mask(matching: str, subject_words: tuple[str, ...]) -> tuple[bool, ...]:
    keep = [True] * len(matching)
    spans = [(q.start, q.end + matching.startswith("度", q.end)) for q in extract_years(matching)]  # 2020年度
    spans += [(q.start, q.end) for q in extract_quantities(matching)]
    spans += [m.span() for m in FRAMING.finditer(matching)] + time_cue_spans(matching)
    for word in subject_words:
        spans += [m.span() for m in re.finditer(re.escape(word), matching)]
    spans += _time_frames(matching)
    for start, end in spans:
        keep[start:end] = [False] * (end - start)
    return tuple(keep)


# “The first to do”: an ordinal before a verb, or before 把/将 opening what is done, says what a report
# says with 率先 (在全市第一个完成 / 在全市率先完成); before a noun it stays an ordinal (首个PPP项目).
FIRST_TO = ("第一个", "第一家", "首个", "首家", "最早", "最先", "头一个")


def _first_to(text: str) -> str:
    """``text`` with each “first to” ordinal before a verb written 率先."""
    out, words = [], pos_tags(text)
    for k, (word, _) in enumerate(words):
        following = words[k + 1] if k + 1 < len(words) else ("", "")
        acts = following[1].startswith("v") or following[0] in ("把", "将")
        out.append("率先" if word in FIRST_TO and acts else word)
    return "".join(out)


def _time_frames(text: str) -> list[tuple[int, int]]:
    """Spans of “X期间” (疫情期间, 春节期间): a frame saying when, which a report states once for a
    whole passage or not at all; the words of X state nothing of the claim's own."""
    out, at, words = [], 0, pos_tags(text)
    for k, (word, _) in enumerate(words):
        if word == "期间" and k > 0:
            out.append((at - len(words[k - 1][0]), at + len(word)))
        at += len(word)
    return out


def _content_mask(matching: str, kept: tuple[bool, ...]) -> tuple[bool, ...]:
    light = {i for m in LIGHT.finditer(matching) if len(m.group()) > 1 for i in range(*m.span())}
    # A lone localiser closes a frame (在和平区助推下, 在…中): it places the words, it states nothing.
    at = 0
    for word, tag in pos_tags(matching):
        if tag == "f" and len(word) == 1:
            light.add(at)
        at += len(word)
    return tuple(
        k and bool(WORDISH.match(ch)) and ch not in STOP_CHARS and i not in light for i, (k, ch) in enumerate(zip(kept, matching))
    )


def claim_synonyms(claim: Claim) -> list[tuple[str, frozenset[str]]]:
    """The claim's content words of two or more characters that Cilin gives synonyms for."""
    out, at = [], 0
    for word, _ in pos_tags(claim.matching):
        start, at = at, at + len(word)
        if len(word) >= 2 and all(claim.content[start:at]):
            found = frozenset(s for s in synonyms(word) if len(s) >= 2)
            if found:
                out.append((word, found))
    return out


def claim_verbs(claim: Claim) -> list[str]:
    """The claim's content verbs (jieba ``v…``) of two or more characters (搬进, 接诊)."""
    out, at = [], 0
    for word, tag in pos_tags(claim.matching):
        start, at = at, at + len(word)
        if tag.startswith("v") and len(word) >= 2 and all(claim.content[start:at]):
            out.append(word)
    return out


def with_synonyms(sentence: str, words: list[tuple[str, frozenset[str]]]) -> str:
    """``sentence``, followed by each claim word it says in a synonym (稳住 for 稳定), so that
    coverage counts a synonym as the claim's own word."""
    said = [word for word, others in words if word not in sentence and any(o in sentence for o in others)]
    return sentence + "|" + "|".join(said) if said else sentence


# ---------------------------------------------------------------- units


def in_common_unit(claim: Quantity, reported: Quantity) -> tuple[Quantity, Quantity, str] | None:
    """Both figures in one unit, and a note on what was converted; None when they do not compare.

    Same unit (人/名/位 alike), two currencies (:func:`qa.text.quantities.compare` tells them apart), one
    side without a unit, count words used for the same things (家/户/个), units of one measure.
    """
    if claim.kind and reported.kind and claim.kind != reported.kind:
        return None  # 增长50% is not 占比50%: another measure, so not the figure the claim is about
    ua, ub = canonical_unit(claim.unit), canonical_unit(reported.unit)
    if not ua or not ub or ua == ub or (ua in CURRENCIES and ub in CURRENCIES):
        return claim, reported, ""
    if ua in COUNT_WORDS and ub in COUNT_WORDS or ua == "个" and ub in OBJECT_MEASURES:
        note = f"报告用“{reported.unit}”、声明用“{claim.unit}”计数,按同一单位比较"
        return claim, replace(reported, unit=claim.unit), note
    base_a, size_a = CONVERSIONS.get(ua, (ua, 1.0))
    base_b, size_b = CONVERSIONS.get(ub, (ub, 1.0))
    if base_a != base_b:
        return None
    return (
        replace(claim, value=claim.value * size_a, unit=base_a),
        replace(reported, value=reported.value * size_b, unit=base_a),
        f"单位换算:{claim.unit} 与 {reported.unit} 均折算为{base_a}",
    )


POPULATION = frozenset({"人", "户", "人次", "户次"})  # people and households, counted in ways that do not convert


def counted_otherwise(claim: Quantity, reported: Quantity) -> bool:
    """Both figures count people (or per cent) in ways that do not convert: 人 against 户, 人 against
    人次, or a change against a share. A report figure like that, if it is the best match, means the
    report does not give the claim's figure (not that it contradicts it)."""
    a, b = canonical_unit(claim.unit), canonical_unit(reported.unit)
    if a == b == "%":
        return bool(claim.kind and reported.kind and claim.kind != reported.kind)
    return a != b and a in POPULATION and b in POPULATION


def same_digits(a: float, b: float) -> bool:
    """The same digits at any magnitude (3.5万 and 3.5亿)."""
    if a <= 0 or b <= 0:
        return False
    power = math.log10(a / b)
    return abs(power - round(power)) < 1e-9


# ---------------------------------------------------------------- IDF-weighted matching


def grams_of(text: str, mask: tuple[bool, ...] | None = None, joined: tuple[bool, ...] | None = None) -> Counter[str]:
    """Unigrams and bigrams of content characters (``mask``: which ones; bigrams within runs and,
    given ``joined``, within words)."""
    keep = mask if mask is not None else [bool(WORDISH.match(ch)) and ch not in STOP_CHARS for ch in text]
    grams: Counter[str] = Counter()
    for i, ch in enumerate(text):
        if keep[i]:
            grams[ch] += 1
            if i + 1 < len(text) and keep[i + 1] and (joined is None or joined[i]):
                grams[text[i : i + 2]] += 1
    return grams


def word_coverage(stats: GramStats, claim: Claim, text: str, span: tuple[int, int] = (0, -1)) -> float:
    """The IDF-weighted share of the claim's content (``span``: of one stretch of it) that ``text``
    holds, a bigram across two words counting only where ``text`` has it too: the same words in
    another order cover as much as in the report's order (文明城区创建实现全国“六连冠” / 实现全国文明城区
    “六连冠”), and the report's own order still counts for it."""
    start, end = span[0], None if span[1] < 0 else span[1]
    within = claim.grams(start, end, within_words=True)
    across = [g for g in claim.grams(start, end) - within if g in text]
    total = sum(stats.weight(g) for g in within) + sum(stats.weight(g) for g in across)
    found = sum(stats.weight(g) for g in within if g in text) + sum(stats.weight(g) for g in across)
    return found / total if total else 0.0


def _joined(text: str) -> tuple[bool, ...]:
    """Per character: the next one belongs to the same word (jieba). A claim's words may stand in
    another order than the report's (文明城区创建实现全国“六连冠” / 实现全国文明城区“六连冠”), so the
    bigram across two words is no content of its own."""
    out = [False] * len(text)
    at = 0
    for word, _ in pos_tags(text):
        for i in range(at, at + len(word) - 1):
            out[i] = True
        at += len(word)
    # A numeral goes with what follows it (4号线, 第三届): the pair is what tells one label from another.
    return tuple(joined or ch in NUMERAL for joined, ch in zip(out, text))


def context_score(
    weighted: dict[str, tuple[float, float]], text: str, span: tuple[int, int], others: list[tuple[int, int]]
) -> float:
    """How well a claimed figure's context (:func:`figure_context`) stands around ``text[span]`` (0..1).

    A gram counts fully when it stands no farther from the report's figure than from the claim's,
    and less the farther beyond (half at six characters more); the characters of ``others``
    (other figures) do not count as distance: in 分别达65亿元和5500万美元 both figures share the
    words before them. A gram's nearest occurrence counts.
    """
    total = sum(weight for weight, _ in weighted.values())
    if not total:
        return 0.0
    start, end = span
    inside = {i for s, e in others if (s, e) != span for i in range(s, e)}
    skipped = [0]
    for i in range(len(text)):
        skipped.append(skipped[-1] + (i in inside))
    # A report names what it counts before a figure or right after its measure word (新增26个城市书吧、
    # 60个共享有声书吧; 受理率100%、办结率99.83%). Words after the figure past a clause mark go with the
    # next clause and do not count; past a list mark 、 they may go with the next member or be said
    # of the whole list (…、64个社区综合文化服务中心全部免费开放), and count as six characters farther.
    next_clause = CLAUSE_MARK.search(text, end)
    reach = next_clause.start() if next_clause else len(text)
    next_member = text.find("、", end, reach)
    # A member that opens with its figure names what it counts after it (1.75万名市区街干部、10万名志愿者):
    # the words before its list mark are the member before's, not this figure's. Where a member names
    # its thing first (民办幼儿园7所、学位875个) the words before may be said of both, and count.
    clause_start = max((m.end() for m in CLAUSE_MARK.finditer(text, 0, start)), default=0)
    own_member = text.rfind("、", clause_start, start)
    own_member = own_member if own_member != -1 and not text[own_member + 1 : start].strip() else -1
    found = 0.0
    for gram, (weight, claim_gap) in weighted.items():
        best, at = 0.0, text.find(gram)
        while at != -1 and at < reach:
            lo, hi = (at + len(gram), start) if at + len(gram) <= start else (end, at)
            gap = max(hi - lo - (skipped[hi] - skipped[lo]), 0) if hi > lo else 0
            gap += LIST_MARK_GAP if next_member != -1 and at > next_member else 0
            gap += LIST_MARK_GAP if own_member != -1 and at < own_member else 0
            best = max(best, 1.0 / (1.0 + max(gap - claim_gap, 0) / 6.0))
            at = text.find(gram, at + 1)
        found += weight * best
    return found / total


def _noun_follows(claim: Claim, span: tuple[int, int]) -> bool:
    """Whether a content character follows the figure at ``span`` directly: it counts what follows it."""
    return span[1] < len(claim.matching) and claim.content[span[1]]


def figure_context(
    claim: Claim, figure: ClaimFigure, stats: GramStats, own_clause: bool = False
) -> dict[str, tuple[float, float]]:
    """The claim's content grams around a figure: gram -> (weight, distance from the figure).

    The weight is the gram's rarity, halved at ten characters from the figure (other figures'
    characters do not count as distance). ``own_clause``: only the figure's own clause. Words after
    the next figure name what that one counts (7个工作组和12个工作专班: 工作专班 is not counted by 7个).
    """
    text = claim.matching
    others = [f.span for f in claim.figures if f.span != figure.span]
    lo_limit, hi_limit = figure.clause if own_clause else (0, len(text))
    hi_limit = min([hi_limit] + [e for s, e in others if s >= figure.span[1]])
    # In a list of counts each before its noun (7个中心站、3个标杆站、1个精品站), the words after the
    # figure before are that figure's: 标杆站 is not counted by 1个.
    before = [span for span in others if span[1] <= figure.span[0]]
    if before and _noun_follows(claim, figure.span) and _noun_follows(claim, max(before, key=lambda s: s[1])):
        mark = LIST_MARK.search(text, max(s[1] for s in before), figure.span[0])
        lo_limit = max(lo_limit, mark.end()) if mark else lo_limit
    weights: dict[str, tuple[float, float]] = {}
    for i, ch in enumerate(text):
        if not claim.content[i] or not lo_limit <= i < hi_limit:
            continue
        grams = [ch] + ([text[i : i + 2]] if i + 1 < hi_limit and claim.content[i + 1] else [])
        lo, hi = (i, figure.span[0]) if i < figure.span[0] else (figure.span[1], i)
        gap = max(hi - lo - sum(min(e, hi) - max(s, lo) for s, e in others if s < hi and lo < e), 0)
        for gram in grams:
            weight = stats.weight(gram) / (1.0 + gap / 10.0)
            if weight > weights.get(gram, (0.0, 0.0))[0]:
                weights[gram] = (weight, gap)
    return weights

"""The signals that tell whether the report answers a question, measured on its best passage.

Each is a general property of a question and the text found for it: how strongly and how clearly
the best passage matched (fused score, margin over the next passage, the embedding similarity),
how near a second reader trained apart puts the question to any passage (``qa.index.second_reader``),
how much of what the question asks about the passage and the whole report contain (IDF-weighted
coverage of its content words), whether the answering span gives the kind of answer asked (a
rate, an amount, a date, a name), and whether the thing a figure is asked about is named in the
report at all. ``qa calibrate`` weighs them; ``answerability`` decides with those weights.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from itertools import dropwhile, takewhile

from qa.answering.answer_types import (
    COUNT_IN_QUESTION,
    MEASURE_FRAMES,
    MEASURE_WORDS,
    AnswerType,
    asked_measure,
    asked_type,
    counted_noun_asked,
    measure_window,
    needs_measure_window,
    span_gives,
)
from qa.documents.scope import YEAR_WORD
from qa.text.english import english_terms
from qa.text.grams import GramStats
from qa.text.normalise import normalise_query
from qa.text.quantities import extract_quantities, parse_number
from qa.text.quotes import letters_only, quoted_names, unwritten_name
from qa.text.sentences import CLAUSE_MARKS, SEGMENT_MARKS, clause_spans, segments
from qa.text.synonyms import rival_sorts
from qa.text.tokenize import pos_tags
from qa.text.units import FIGURE_KIND_NOUNS, RATE_UNITS

#: The order of the features in the calibrated model (calibration.json names them too).
FEATURES = (
    "top_score",
    "margin",
    "dense",
    "shared_weight",
    "corpus_coverage",
    "type_match",
    "foreign",
    "second_cosine",
)

# Words that say how a question asks, not what it asks about: question words, hedges and the
# nouns that name the kind of answer (金额是多少, 具体情况).
ASKING_WORDS = frozenset(
    "多少 几 什么 怎么 怎么样 怎样 如何 哪些 哪个 哪里 哪儿 哪 是否 有没有 是不是 吗 呢 啊 请问 一下 "
    "具体 大概 大约 一共 总共 到底 究竟 现在 目前 情况 数字 名额 规模 比例 比重 数据 时候 "
    "能 会 要 可以 需要 应该 知道 告诉 介绍 说说 讲讲".split()
) | frozenset(FIGURE_KIND_NOUNS) | frozenset(
    # Spoken names of the government asked about (区里 "the district", 市里): who, not what, is asked.
    "区里 市里 咱们区 咱区 我们区".split()
)
CONTENT_FLAGS = ("n", "v", "a", "j", "l", "i", "eng", "s")
CJK_OR_LATIN = re.compile(r"[\u3400-\u9fff]{2,}|[a-z][a-z0-9]+")
FIGURE_CUE = re.compile(r"多少|几[个家所只张项户人次年万亿]?|多[大高长远重]")
MAGNITUDES = "大高长远重"  # 多大, 多高, 多长, 多远, 多重 ask a magnitude
# The words of a noun phrase: nouns, adjectives, 的, measure words and numbers (收费便宜点的名额).
NOUN_PHRASE_FLAGS = ("n", "a", "uj", "q", "m", "b")
CLAUSE_END = re.compile(f"[{SEGMENT_MARKS}{CLAUSE_MARKS}]")
# How far after a count the thing it counts may stand (7254家企业, 28户资金困难无法缴税企业).
COUNTED_REACH = 12
# Tags of a word that names a measure: a noun, a Latin abbreviation (GDP), a Chinese one (社零).
MEASURE_NOUN_FLAGS = ("n", "eng", "j")
MODAL_VERBS = frozenset("要 能 会 将 想 准备 计划 打算 需要 可以 能够".split())
FILLER_WORDS = frozenset("是 有 为 达 达到 了 的 具体 一共 共 总共 累计 分别 大概 大约 约 到底 究竟 能 会 要".split())


@dataclass(frozen=True)
class Evidence:
    """The signals for one question and its best passage (see ``FEATURES``)."""

    top_score: float
    margin: float
    dense: float
    shared_weight: float
    corpus_coverage: float
    type_match: float
    measure_missing: float
    foreign: float
    second_cosine: float  # NaN when there is no second reader: the model then reads it as average
    answer_type: AnswerType = AnswerType.OTHER
    missing_measure: str = ""
    unfigured_measure: str = ""  # the measure asked, which the report names but gives no figure of
    absent_name: str = ""
    unexplained_term: str = ""
    unnamed_name: str = ""  # a name the question quotes and the report writes, but not the best passage
    off_topic: bool = False  # about no government's work (qa.answering.topic)
    place_only: bool = False  # the best passage shares only the documents' own place and years with it
    other_sort: tuple[str, str] = ()  # (asked, given): the answering span gives another sort of the thing asked

    def vector(self) -> list[float]:
        """The features in ``FEATURES`` order."""
        return [float(getattr(self, name)) for name in FEATURES]

    def to_dict(self) -> dict:
        # NaN (a feature not measured) is written as None: JSON has no NaN.
        return {
            k: (None if math.isnan(v) else round(v, 4)) if isinstance(v, float) else str(v) for k, v in asdict(self).items()
        }


def content_words(normalised_question: str) -> list[str]:
    """The words of a question that name what it is about (nouns, verbs, adjectives; not how it asks)."""
    words = []
    for word, flag in pos_tags(normalised_question):
        if word in ASKING_WORDS or not CJK_OR_LATIN.fullmatch(word):
            continue
        if flag.startswith(CONTENT_FLAGS) or flag == "x":
            words.append(word)
    return list(dict.fromkeys(words))


def names_something(normalised_question: str) -> bool:
    """The question names something to ask about, not only how it asks (谁? / 多少? / 情况怎么样?): a
    content word, or a name built on a numeral (四包, 十四五), which the tagger files as a numeral."""
    if content_words(normalised_question):
        return True
    return any(
        flag == "m" and len(word) >= 2 and word not in ASKING_WORDS and not word.startswith(("几", "第几")) and not word.isdigit()
        for word, flag in pos_tags(normalised_question)
    )


class WordStats:
    """How many passages use each word: rare words say more about what a question is after."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.n = len(texts)
        self._df: dict[str, int] = {}

    def df(self, word: str) -> int:
        if word not in self._df:
            self._df[word] = sum(word in text for text in self.texts)
        return self._df[word]

    def idf(self, word: str) -> float:
        """IDF of a word; a word the report never uses weighs as much as one used once."""
        return math.log(1 + self.n / max(self.df(word), 1))

    def term_coverage(self, terms: tuple[frozenset[str], ...]) -> float:
        """IDF-weighted share of ``terms`` (each a set of words that say the same) the documents use;
        1 when there is no term to look for.

        A term weighs as its most used word: when any word of it is common, so is what it names.
        """
        weights = [min(self.idf(w) for w in term) for term in terms if term]
        found = [min(self.idf(w) for w in term) for term in terms if term and any(self.df(w) for w in term)]
        return sum(found) / sum(weights) if weights else 1.0

    def coverage(self, words: list[str], text: str | None = None) -> float:
        """IDF-weighted share of ``words`` found in ``text`` (in any passage when None); 0 for no words."""
        total = sum(self.idf(w) for w in words)
        if not total:
            return 0.0
        found = sum(self.idf(w) for w in words if (self.df(w) > 0 if text is None else w in text))
        return found / total


def missing_measure(normalised_question: str, corpus_text: str) -> str:
    """The noun a figure is asked about when the report never uses it: the word just before 多少/几个
    (常住人口有多少), or the noun just after 多少 and its counter (有多少常住人口)."""
    words = pos_tags(normalised_question)
    for position, (word, _) in enumerate(words):
        # 多大 / 多高 may be cut in two (多 | 大): a magnitude asked all the same.
        split_cue = word == "多" and position + 1 < len(words) and words[position + 1][0] in MAGNITUDES
        if not FIGURE_CUE.fullmatch(word) and not split_cue:
            continue
        before = [w for w in words[:position] if w[0] not in FILLER_WORDS and w[0] not in ASKING_WORDS]
        if position and words[position - 1][0] in ("了", "过"):  # 动员了多少志愿者: an action, then what it counts
            before = []
        # After a modal verb (要动员多少人, 能培训多少人) the word before 多少 is the action too; where that
        # action is a change (民间投资打算涨多少), what changes is the noun before the modal verb.
        if position > 1 and words[position - 2][0] in MODAL_VERBS:
            changes = CHANGE_WORDS.fullmatch(words[position - 1][0]) or words[position - 1][0] == "涨"
            phrase = _noun_phrase_before(words[: position - 2]) if changes else ""
            before = [(phrase, "n")] if phrase else []
        for noun, flag in before[-1:] + _head_after(words[position + 1 + split_cue :], corpus_text):
            # jieba may glue the verb of having to the noun before it (保险费有多少 → 费有, tagged a name).
            noun = noun[:-1] if noun[-1] in "有是" else noun
            if (flag.startswith("n") or flag == "eng") and len(noun) >= 2 and not _written_or_shortened(noun, corpus_text):
                return noun
    return (
        _unwritten_measure(normalised_question, corpus_text)
        or _unwritten_state(normalised_question, corpus_text)
        or _unwritten_code(normalised_question, corpus_text)
    )


def _noun_phrase_before(words) -> str:
    """The nouns (and verbal nouns: 投资) a run of tagged words ends with, as one name (民间 投资 → 民间投资)."""
    phrase = list(takewhile(lambda w: w[1].startswith(("n", "vn", "j")), reversed(words)))
    return "".join(w for w, _ in reversed(phrase))


# Words for a body in general (金融公司 / 金融机构 / 金融企业): a reader and a report name one kind of body by any.
BODY_WORDS = ("机构", "单位", "组织", "企业", "公司")


def _written_or_shortened(noun: str, corpus_text: str) -> bool:
    """Whether the report writes ``noun``, or a term it shortens by leaving out one character at a
    place (停车位 of 停车泊位): a reader shortens the report's terms as Chinese does; or the same kind of
    body with another general word for a body (金融公司 for 金融机构)."""
    if noun in corpus_text or re.search("[\u4e00-\u9fff]?".join(map(re.escape, noun)), corpus_text):
        return True
    kind = noun[:-2]
    return len(kind) >= 2 and noun.endswith(BODY_WORDS) and any(kind + body in corpus_text for body in BODY_WORDS)


# A code of letters and digits naming a measure or a thing (pm2.5, co2, h1n1), in any language's question.
CODE = re.compile(r"(?<![a-z0-9.])(?=[a-z.]*[0-9])(?=[0-9.]*[a-z])[a-z0-9][a-z0-9.]*[a-z0-9](?![a-z0-9])")


def _unwritten_code(normalised_question: str, corpus_text: str) -> str:
    """A code of letters and digits the question names (PM2.5) that the report never writes, or "": a
    report that never writes it gives nothing of what it names."""
    return next((code for code in CODE.findall(normalised_question) if code not in corpus_text), "")


# How a thing stands or went, or where it ranks, asked at the end of a question (房价怎么样, 空气质量如何,
# 汽车保有量在全市排第几).
STATE_ASKED = re.compile(
    r"(?:的)?(?:情况)?(?:怎么样|怎样|如何|咋样)[?？]?$|(?:在[\u4e00-\u9fff]{1,6})?(?:排第几|排名第?几|排名怎么样)[?？]?$"
)


def _unwritten_state(normalised_question: str, corpus_text: str) -> str:
    """The noun a question asks how it stands (去年和平区房价怎么样 → 房价) when the report never writes
    it, or "": a report that never names a measure says nothing of how it went."""
    asked = STATE_ASKED.search(normalised_question)
    words = pos_tags(normalised_question[: asked.start()]) if asked else []
    if not words:
        return ""
    noun, flag = words[-1]
    return noun if flag.startswith(MEASURE_NOUN_FLAGS) and len(noun) >= 2 and noun not in corpus_text else ""


def _unwritten_measure(normalised_question: str, corpus_text: str) -> str:
    """The measure a figure question names before its frame words (财政赤字目标是多少 → 财政赤字) when the
    report never writes it, or "": the word before 多少 is then the frame (目标), which any report writes.
    A one-character head (数, 量) is read with the noun before it (事故数)."""
    measure = asked_measure(normalised_question)
    framed = normalised_question[len(measure) :]
    if not any(framed.startswith(frame) for frame in MEASURE_FRAMES):
        return ""
    head = _measure_noun(measure)
    return head if len(head) >= 2 and head not in corpus_text else ""


def unfigured_measure(normalised_question: str, corpus_text: str, figured: Callable[[], str]) -> str:
    """The noun naming the measure a figure question asks (GDP总量是多少亿元 → GDP) when the report writes it
    but in no clause giving a figure (万元GDP能耗降低, 地区生产总值实现正增长): it says of that measure
    only how it went, not how much it was. ``figured()``: the report's clauses that give a figure other
    than a year, as the question is normalised."""
    head = _measure_noun(asked_measure(normalised_question))
    if len(head) < 2 or head not in corpus_text or head in figured():
        return ""
    return head


def _measure_noun(measure: str) -> str:
    """The noun a measure's name ends with (和平区2020年gdp → gdp; 交通事故数 → 事故数: a one-character noun
    keeps the noun before it), or "" when it ends in no noun."""
    words = pos_tags(measure.removesuffix("的"))
    if not words or not words[-1][1].startswith(MEASURE_NOUN_FLAGS):
        return ""
    head = words[-1][0]
    if len(head) == 1 and len(words) > 1 and words[-2][1].startswith(MEASURE_NOUN_FLAGS):
        head = words[-2][0] + head
    return head


def absent_name(normalised_question: str, corpus_text: str) -> str:
    """A name or term the question quotes (“嘛钱儿”是什么意思) that the report never writes, or "".
    Quotation marks mark a name; a report that never writes it says nothing about it."""
    return unwritten_name(normalised_question, corpus_text)


# Words that ask what a named thing is or is for (“X”是什么, 指什么, 干什么用的, what does … mean), asking it
# be explained (是怎么回事, 怎么理解, 通俗点说), what makes a thing one (达到什么标准才算, 啥条件, 什么样的
# 企业才算), how it works or is done (怎么个招法, 具体都做些什么) or how it is divided (怎么划分): all are
# answered by a definition or a description of the name, not by a sentence that only names it.
EXPLAIN_ASKED = (
    r"怎么回事|怎么理解|如何理解|通俗(?:一?点|地)?(?:说|讲|解释)|(?:什么|啥|哪些)(?:标准|条件)|"
    r"什么样的?[^,，?？]{0,8}?才(?:算|叫|能算)|怎么个[\u4e00-\u9fff]法|具体(?:都)?(?:做|干|搞)(?:些|点)?(?:什么|啥)|"
    r"(?:怎么|如何|按什么)(?:划分|区分|分类|分的)|分(?:哪|几)[几些]?类"
)
# Of a name in quotation marks, also what it is called for (什么叫“X”, 何谓), being asked to explain it
# (解释一下“X”) and what it holds (“X”包括什么, 主要内容): unquoted, these ask as often of a list
# (今年新建的养老设施包括哪些).
QUOTED_MEANING_ASKED = (
    r"什么叫|啥叫|什么是|何谓|何为|解释|(?:包括|包含|涵盖)了?(?:什么|啥|哪些)|主要内容|内容(?:有|是)?(?:哪些|什么|啥)"
)
# How a thing is done (具体怎么做): of a name the report coins, its meaning; of an activity (优化营商环境), what
# the report says is done, which it describes.
HOW_DONE = r"具体(?:要)?(?:怎么|如何)(?:做|搞|弄|干)"
# What a thing is for and how it works (是干嘛的, 有什么用, 怎么运作): asked of a name, its meaning.
FUNCTION_ASKED = (
    r"干(?:嘛|啥|什么)的|是做(?:什么|啥)的|有(?:什么|啥)(?:用|好处)|起什么作用|(?:怎么|如何|怎样)(?:运作|运转|运行|操作)|流程是(?:什么|啥|怎样)"
)
ASKS_MEANING = re.compile(
    r"是什么(?!时候|时间|地方|位置|日子)|是个什么|是个啥|是一个什么|指什么|什么意思|啥意思|是啥|是指|指的是|说的是|含义|干什么|干嘛|"
    r"做什么用|是做什么|"
    rf"{EXPLAIN_ASKED}|{QUOTED_MEANING_ASKED}|{FUNCTION_ASKED}|{HOW_DONE}|\bmean|stand for"
)
# The words that ask the meaning of a name written without quotation marks (长安杯是个什么奖): a bare
# 是什么 asks as often for a value (今年的目标是什么).
ASKS_MEANING_OF_WORD = re.compile(
    rf"是个什么|是个啥|是一个什么|指什么|什么意思|啥意思|是指|指的是|含义|是干什么|干嘛用|做什么用|{EXPLAIN_ASKED}|"
    rf"{FUNCTION_ASKED}"
)
# Where a name written without quotation marks, before the words asking its meaning, begins (长安杯是个什么奖).
NAME_START = re.compile(r"[,，。?？!！;；:：、\s“”]|的")
# What stands before an explanation: …行动:X, …即X, …是指X.
EXPLAINED_BY = re.compile(r"(?:[:：]|即|是指|指的是)\s*$")
# How a text explains a name right after writing it: “X”:…, “X”即…, “X”是指…, “X”(…).
EXPLAINS = re.compile(r"^”?\s*(?:[:：]|即|是指|指的是|就是|也就是|包括|分为|[(（])")


def coined_spellings(names) -> dict[str, str]:
    """The spellings a question may write the report's coined names in, unquoted, each to its name as
    the report writes it: the name's letters, and its letters with numerals normalised as a question's
    are (三条战线 → 3条战线)."""
    return {letters_only(spelling): name for name in names for spelling in (name, normalise_query(name))}


def unexplained_term(
    normalised_question: str, defined_terms: frozenset[str], text: str, coined: dict[str, str] | None = None
) -> str:
    """A name whose meaning the question asks (“智慧磐石”是干什么用的; 长安杯是个什么奖, quoted or not)
    that no note of the report defines and ``text`` (the report's) does not explain anywhere it writes
    it, or "". A report explains the names it coins in its notes or where it writes them; one it only
    names (“智慧磐石”项目完成验收) it does not explain.

    ``coined``: the names the report writes in quotation marks, by the spellings a question may write
    them in (:func:`coined_spellings`). A question may name one without them, anywhere in it
    (要达到啥标准才能评上和谐特色楼门)."""
    if not ASKS_MEANING.search(normalised_question):
        return ""
    unquoted = ASKS_MEANING_OF_WORD.search(normalised_question)
    terms = [*quoted_names(normalised_question), _name_around(normalised_question, unquoted) if unquoted else ""]
    if unquoted:
        asked = letters_only(normalised_question)
        terms += [name for spelling, name in (coined or {}).items() if len(spelling) >= 3 and spelling in asked]
    # A name the report coins, written without quotation marks right before what it holds is asked
    # (三大攻坚包括什么), is asked as a quoted one; elsewhere it only frames the question (十四五期间的
    # 目标包括哪些).
    elif holds := re.search(f"{QUOTED_MEANING_ASKED}|{HOW_DONE}", normalised_question):
        asked = letters_only(_name_context(normalised_question[: holds.start()]))
        terms += [name for spelling, name in (coined or {}).items() if len(spelling) >= 3 and asked.endswith(spelling)]
    for term in terms:
        if len(term) < 2:
            continue
        own = letters_only(term)
        if any(own in letters_only(known) or letters_only(known) in own for known in defined_terms):
            continue
        # A question's symbols are blanks (混改+退出 → 混改 退出); the report keeps them.
        written = r"\W*".join(re.escape(part) for part in term.split())
        at = [m.span() for m in re.finditer(written, text)]
        # Words the report writes as an explanation (…行动:畅通循环产业链、供应链) quoted back ask which name
        # they explain (哪个说法指的是“…”), which the report says.
        if any(EXPLAINED_BY.search(text[max(0, start - 6) : start]) for start, _ in at):
            continue
        if at and not any(EXPLAINS.match(text[end:]) or _members_before(term, text[:start]) for start, end in at):
            return term
    return ""


# A name counting its members (三条战线, 4个撮合, 三大攻坚, 三点开花): the count it opens with.
COUNTING_NAME = re.compile(r"^(?P<n>[0-9]+|[一二两三四五六七八九十]+)[个大条项点类种级方面]?")


def _members_before(name: str, before: str) -> bool:
    """Whether the clause before a name that counts its members lists as many (按楼宇、行业、属地街道
    “三条战线”; 劳动就业、房租减免、信贷需求、企业订单“四个撮合”): a report names such a set right after
    its members, which explains it."""
    count = COUNTING_NAME.match(name)
    if not count:
        return False
    try:
        members = int(parse_number(count["n"]))
    except ValueError:
        return False
    clause = re.split(rf"[{CLAUSE_MARKS}]", before.rstrip("“"))[-1]
    return members >= 2 and clause.count("、") == members - 1


def other_sort(normalised_question: str, span: str) -> tuple[str, str]:
    """The thing the question asks of, named with a word for its sort (公办幼儿园), and the answering
    span's same thing of another sort (民办幼儿园), when the span never writes the asked sort: it answers
    for the other sort only. Sorts are Cilin's (:func:`qa.text.synonyms.rival_sorts`); ``()`` otherwise."""
    asked, given = pos_tags(normalised_question), pos_tags(span)
    for (sort, sort_tag), (head, tag) in zip(asked, asked[1:]):
        # A sort is said by a word modifying the noun (公办, 小型), not by a verb acting on it (拿到贷款)
        # nor by a function word before it (把养老服务).
        if len(head) < 2 or not tag.startswith("n") or not _modifies(sort, sort_tag) or sort in span:
            continue
        for (other, other_tag), (its_head, _) in zip(given, given[1:]):
            if its_head == head and _modifies(other, other_tag) and other not in normalised_question and rival_sorts(sort, other):
                return sort + head, other + head
    return ()


# Parts of speech of a word naming a sort before a noun: a noun, a distinguishing word, an adjective.
SORT_TAGS = ("n", "b", "a", "j")


def _modifies(word: str, tag: str) -> bool:
    return len(word) >= 2 and tag.startswith(SORT_TAGS)


def unnamed_name(normalised_question: str, passage_text: str, report_letters: str) -> str:
    """A name the question quotes (“三保”的办公地址在哪里) that the report writes but ``passage_text``
    (the best passage's, normalised) does not, or "". ``report_letters``: the report's normalised text
    as :func:`letters_only` gives it. A question quoting a name asks about that thing; a passage that
    never writes it is about something else, whatever else it shares."""
    passage, report = letters_only(passage_text), report_letters
    for name in quoted_names(normalised_question):
        own = letters_only(name)
        if len(own) >= 2 and own in report and own not in passage:
            return name
    return ""


def _name_around(question: str, asking: re.Match) -> str:
    """The name the words ``asking`` ask the meaning of: what makes a thing one names it after them
    (什么样的企业才算根植性 → 根植性); other words name it before them (长安杯是个什么奖)."""
    if re.search(r"才(?:算|叫|能算)$", asking.group()):
        after = NAME_START.split(question[asking.end() :])[0]
        return after if 2 <= len(after) <= 8 else ""
    return _name_before(question[: asking.start()])


# Words of asking that may stand between a name and what is asked of it (分别, 具体, 到底 …).
ASKING_ADVERBS = "分别|具体|到底|究竟|主要|都|又"


def _name_context(text: str) -> str:
    """``text`` without the words that may stand between a name and what is asked of it (具体, 都, 里面)."""
    return re.sub(rf"(?:{ASKING_ADVERBS}|里面|里|中|的)+$", "", text)


def _name_before(text: str) -> str:
    """The name ``text`` ends with, unquoted: what follows its last punctuation or 的 (…,长安杯 → 长安杯;
    和平区的智慧社区 → 智慧社区), without a demonstrative; "" when that is not 2–8 characters."""
    name = NAME_START.split(re.sub(rf"(?:{ASKING_ADVERBS})+$", "", text))[-1]
    name = re.sub(r"^(?:所谓|这个|那个|这|那)", "", name)
    return name if 2 <= len(name) <= 8 else ""


def _head_after(words: tuple[tuple[str, str], ...], corpus_text: str) -> list[tuple[str, str]]:
    """The noun phrase after a figure cue and its counter, as its last noun, when the report uses none
    of the nouns after its last 的 (多少常住人口 → 常住人口); none when it uses one (多少医生护士: 医生;
    多少收费便宜的名额: 名额 names the kind of figure)."""
    phrase = list(takewhile(lambda w: w[1].startswith(NOUN_PHRASE_FLAGS), dropwhile(lambda w: w[1] == "q", words)))
    last_de = max((i for i, w in enumerate(phrase) if w[0] == "的"), default=-1)
    head = phrase[last_de + 1 :]
    nouns = [w for w in head if w[1].startswith("n")]
    if not nouns or head[-1] != nouns[-1] or any(w[0] in ASKING_WORDS or w[0] in corpus_text for w in nouns):
        return []
    return nouns[-1:]


def type_match(
    kind: AnswerType, question: str, span: str, passage_text: str, content: list[str], words: WordStats, foreign: bool
) -> float:
    """1 when the answering span gives the kind of answer asked, 0.5 when only another sentence of the
    passage does (the span may be misplaced), 0 when the passage gives none.

    A figure is looked for beside its measure; a date, a name, a place or a list anywhere in the
    sentence. An English question's words cannot point at a clause of the Chinese text.
    """

    # The noun a count asks of (多少个学位 → 学位) names the clause its figure stands in, more surely than
    # the words framing the question (天津日报社旧址改造完…).
    counted_noun = "" if foreign else counted_noun_asked(question)

    def gives(text: str) -> bool:
        paired = needs_measure_window(kind, question) and not foreign
        window = measure_window(text, content, words.idf, counted_noun)
        if kind is AnswerType.LEVEL and not paired and not foreign and _rated(window):
            return False
        if paired and kind in (AnswerType.RATE, AnswerType.LEVEL) and not _names_measure(window, content):
            return False
        if kind is AnswerType.LIST and paired and not span_gives(kind, window, question):
            # The members may follow in a later clause of the span that names the question's words too
            # (…,其中,…,五大道街、劝业场街获评“示范街镇”); not a list that has the set asked among its
            # members (国家高新技术企业、国家科技型中小企业 lists sets, not the members of one).
            # A name the question quotes (“两站”) is among its words, though it is a numeral's.
            named = [*content, *quoted_names(question)]
            return any(
                span_gives(kind, c, question) and _holds_a_word(c, named) and not _lists_the_asked(c, content)
                for c in _clauses(text)
            )
        return span_gives(kind, window if paired else text, question)

    if kind is AnswerType.LIST and not foreign and only_counted(question, measure_window(span, content, words.idf)):
        return 0.0
    if gives(span):
        return 1.0
    # Another sentence stands in for the span only when it names what was asked at least as well, and, for
    # the members of a set the question counts (那14类,具体是哪14类), names that set: a list of other things
    # elsewhere in the passage does not enumerate it.
    least = _naming(span, content, words)
    counted = COUNT_IN_QUESTION.search(question) if kind is AnswerType.LIST else None
    others = (passage_text[s:e] for s, e in segments(passage_text))
    others = (t for t in others if not counted or counted.group() in t)
    return 0.5 if any(_naming(t, content, words) >= least and gives(t) for t in others) else 0.0


# 哪些 and the noun it asks which of, after it (和平区哪些企业享受了社保减免 → 企业) or before it (新建的养老机构都
# 有哪些 → 养老机构); a list asked of a noun (选取药店的名单 → 药店).
WHICH_ASKED = re.compile(
    rf"哪(?:些|几[{MEASURE_WORDS}])(?P<after>[\u4e00-\u9fff]{{2,6}})|"
    rf"(?P<before>[\u4e00-\u9fff]{{2,12}}?)(?:都|分别|具体)*(?:有|是)哪(?:些|几[{MEASURE_WORDS}])|"
    r"(?P<listed>[\u4e00-\u9fff]{2,12}?)的?(?:名单|清单|明细)"
)


def _which_noun(question: str) -> str:
    """The noun a 哪些 question asks which of (see ``WHICH_ASKED``), or ""."""
    asked = WHICH_ASKED.search(question)
    if not asked:
        return ""
    words = pos_tags(asked["after"] or asked["before"] or asked["listed"])
    word, tag = words[0] if asked["after"] else words[-1]
    return word if tag.startswith("n") and len(word) >= 2 else ""


def only_counted(question: str, window: str) -> bool:
    """Whether ``window`` (the clause naming what a 哪些 question asks) counts the things asked and names
    none (为7254家企业减免社会保险费 for 哪些企业享受了社保减免): the report gives how many, not which."""
    noun = _which_noun(question)
    if not noun:
        return False
    counts, previous_end = [], 0
    for q in extract_quantities(window):
        # What a count counts stands after it in its clause (7254家企业); the things it counts are named
        # before it, after the count before (中环系统工程、跟谁学教育科技等154家科技型企业; not the 、 of
        # 26个城市书吧、60个共享有声书吧, which parts two counts).
        after = CLAUSE_END.split(window[q.end :])[0]
        before = CLAUSE_END.split(window[previous_end : q.start])[-1].strip("、")
        previous_end = q.end
        if not q.is_year and noun in after[:COUNTED_REACH]:
            counts.append("、" in before or before.endswith("等"))
    return bool(counts) and not any(counts)


# Words of change or comparison, which a clause giving any rate may hold (增长15%, 同比提高): they do not
# name what is measured.
CHANGE_WORDS = re.compile(
    r"增长|增加|增幅|增速|下降|降低|减少|提高|提升|上升|同比|环比|比上年|百分之几|百分点|控制|达到|完成|实现"
)


def _names_measure(window: str, content: list[str]) -> bool:
    """Whether the clause read as giving a figure names what the question measures: all the characters of
    one of its words other than words of change (a shortened 社零 stands in 社会消费品零售总额). A span
    whose best clause gives another measure's rate (固定资产投资同比增长15% for 新增就业增长了百分之几)
    answers nothing. True when the question names no measure in words of its own."""
    measures = [w for w in content if not CHANGE_WORDS.fullmatch(w)]
    return not measures or any(set(w) <= set(window) for w in measures)


def _clauses(text: str) -> list[str]:
    return [text[s:e] for s, e in clause_spans(text)]


def _lists_the_asked(clause: str, content: list[str]) -> bool:
    """Whether a member of the 、 list in ``clause`` holds one of the question's words whole (the last
    member is left out: what the clause says of the list runs on after it)."""
    members = [m for run in re.findall(r"[^,，、]+(?:、[^,，、]+)+", clause) for m in run.split("、")[:-1]]
    return any(len(w) >= 2 and w in m for m in members for w in content)


def _holds_a_word(clause: str, content: list[str]) -> bool:
    """Whether ``clause`` writes one of the question's words of two characters or more, whole."""
    return any(len(w) >= 2 and w in clause for w in content)


def _rated(window: str) -> bool:
    """Whether the clause naming the measure asked gives it only as a rate or share (城镇登记失业率控制
    在3.5%以内): a count asked of that measure (多少人) is then not what the report gives, whatever
    other count the sentence holds."""
    figures = [q for q in extract_quantities(window) if not q.is_year]
    return bool(figures) and all(q.unit in RATE_UNITS for q in figures)


def named_figure(span: str, content: list[str], words: WordStats) -> tuple[float, bool]:
    """How fully the clause of ``span`` that best names the question's ``content`` words names them,
    and whether that clause (with its continuations) gives a figure other than a year."""
    window = measure_window(span, content, words.idf)
    return _naming(window, content, words), any(not q.is_year for q in extract_quantities(window))


def _naming(text: str, content: list[str], words: WordStats) -> float:
    """How well ``text`` names the question's content words (IDF-weighted share of their characters)."""
    return sum(words.idf(w) * sum(ch in text for ch in w) / len(w) for w in content)


SHARED_TERM = re.compile(r"[\u3400-\u9fff]{2}")
LATIN_TERM = re.compile(r"[a-z0-9][a-z0-9.]+")
# The shared weight given to an English question, whose words the Chinese text cannot share: a
# typical weight of an answered Chinese question, so that only ``foreign`` sets its baseline.
SHARED_NEUTRAL = 12.0


# The years a question may name (2020年, 去年): like the documents' own place, they name no subject.
YEAR_WORDS = re.compile(YEAR_WORD)


def only_place_shared(normalised_question: str, passage_text: str, own_place: str) -> bool:
    """Whether the question names the documents' own place (和平区) and the passage shares no other of
    its words (和平区养狗需要办证吗 against a note that names 和平区): every passage of a district's report is
    about that district, so its name and the year say nothing of what is asked."""
    if not own_place or own_place not in normalised_question:
        return False
    rest = YEAR_WORDS.sub(" ", normalised_question.replace(own_place, " "))
    bigrams = {rest[i : i + 2] for i in range(len(rest) - 1)}
    terms = {g for g in bigrams if SHARED_TERM.fullmatch(g)}
    return bool(terms) and not any(term in passage_text for term in terms)


def shared_weight(normalised_question: str, passage_text: str, grams: GramStats) -> float:
    """The IDF weight of the question's character bigrams (and Latin words, figures) found in a passage.

    Zero for a question with nothing in common with the passage (今天天气怎么样?); a rare shared
    term such as 三保 weighs more than common ones such as 和平.
    """
    bigrams = {normalised_question[i : i + 2] for i in range(len(normalised_question) - 1)}
    terms = {g for g in bigrams if SHARED_TERM.fullmatch(g)} | set(LATIN_TERM.findall(normalised_question))
    return float(sum(grams.idf(term) for term in terms if term in passage_text))


def gather_evidence(
    normalised_question: str,
    foreign: bool,
    fused: list[float],
    dense: float,
    second_cosine: float,
    passage_text: str,
    passage_body: str,
    span: str,
    words: WordStats,
    grams: GramStats,
    corpus_text: str,
) -> Evidence:
    """The signals for a question whose passages scored ``fused`` (best first) and whose best span is ``span``.

    ``passage_text`` is the best passage as searched, with its headings; ``passage_body`` its own text.
    Only the body can give an answer: a heading names the part (二、2021年…计划), not a date asked.
    """
    content = content_words(normalised_question)
    kind = asked_type(normalised_question)
    missing = missing_measure(normalised_question, corpus_text)
    # English words cannot be looked up in the Chinese text: an English question's coverage is that
    # of the Chinese words its words translate (qa.text.english); its shared weight is neutral and
    # ``foreign`` carries its baseline.
    if foreign:
        shared, corpus_coverage = None, words.term_coverage(english_terms(normalised_question))
    else:
        shared, corpus_coverage = shared_weight(normalised_question, passage_text, grams), words.coverage(content)
    return Evidence(
        top_score=fused[0] if fused else 0.0,
        margin=fused[0] - fused[1] if len(fused) > 1 else 0.0,
        dense=dense,
        shared_weight=SHARED_NEUTRAL if shared is None else shared,
        corpus_coverage=corpus_coverage,
        type_match=type_match(kind, normalised_question, span, passage_body, content, words, foreign),
        measure_missing=float(bool(missing)),
        foreign=float(foreign),
        second_cosine=second_cosine,
        answer_type=kind,
        missing_measure=missing,
        absent_name=absent_name(normalised_question, corpus_text),
    )

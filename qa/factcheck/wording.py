"""Where a claim's wording and the report's say different things in the same place.

:func:`conflicts` lines a claim clause up with the report clause it matches, character by character
(:class:`difflib.SequenceMatcher`), and reads the stretches where they part:

Words the Cilin thesaurus files as synonyms (稳定 / 稳住) do not part two wordings (:mod:`qa.text.synonyms`).

* a count word swapped (“五连冠” / “六连冠”, 第二次 / 第三次): numerals in place of numerals;
* another word in the same slot (城北电力 / 城南电力, 2家幼儿园 / 2家养老院, 在五大道 / 在津湾广场设立,
  南京路派出所 / 新兴派出所): of the same length, or both names, or enclosed by shared words, or
  just before a shared word naming a kind of body; never when one side is only light words
  (开展 / 进行) or is found on the other side;
* one side denies what the other states (没有完成 / 超额完成);
* another stage of a project (开工 / 完成立项; 建成 and 竣工 are the same stage);
* a list member the report's list lacks (心育 / 劳动教育);
* a name standing where another of the same kind stands, even elsewhere in the sentence
  (获评优秀单位的是甲路派出所 / 乙路派出所获评优秀单位: two police stations).

Only general Chinese and government-report usage is written down here; nothing names a claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from qa.answering.results import Hit
from qa.factcheck.claims import FIGURE_MARK, JOINING, MEASURE, NAME_SUFFIXES, NUMERAL, PUNCT, strip_light
from qa.text.quantities import extract_quantities, parse_number
from qa.text.quotes import letters_only, quoted_names, shortened_in
from qa.text.synonyms import restates, same_meaning
from qa.text.tokenize import fine_pos_tags, pos_tags

NOT_DIFFED = re.compile(r"[^\u3400-\u9fffA-Za-z0-9%.、#]")
# A claim that a thing is one of a list, or that a list holds it (X是…之一, 合作伙伴里有X, 包括X).
ONE_OF = re.compile(r"之一|其中一[个家项所]|(?:里|中|其中)有(?!没有)|包括|包含")
# Denials, and stopping an action (停止发放 says it is no longer done).
NEGATION = re.compile(r"没有|尚未|并未|未能|不是|并非|不再|停止|暂停|中止|没(?!有)|未(?!成年|来|知)")
# Stages of a project or a body, each a group of words for the same stage (启动 a project is its start:
# 启动现代城购物中心建设 is not 建成开业).
STAGES = (
    ("谋划", "策划", "前期"),  # 做好前期工作: the work before a project is approved and begun
    ("立项",),
    ("签约",),
    ("开工", "动工", "开建", "启动建设", "启动"),
    ("在建", "主体施工"),  # under construction (主体施工: building the main structure)
    ("竣工", "完工", "建成", "落成"),
    ("验收",),  # accepted after completion (竣工验收 holds both stages)
    ("投入使用", "投入运营", "投用", "开业", "开诊", "接诊", "运营"),
    ("挂牌",),
    # The steps of an honour or a title: a firm fostered for it or an application made, put forward by a
    # body, then granted (申报 is not 获批; 推荐上报 is not 收录; 培育 a firm is not its 认定).
    ("培育",),
    ("申报", "申请"),
    ("推荐",),
    ("获批", "获评", "评为", "入选", "收录", "认定"),
    ("洽谈",),  # talks before a signed agreement (签约)
)
STAGE_CLAUSE = re.compile(r"[,，;；:：]")  # the clauses a stage word is said in
# The first of a series is written 首 or 第一 before a measure word (首家 / 第一家, 首批 / 第一批).
FIRST = re.compile(f"第一(?=[{''.join(sorted(MEASURE))}批])")
LIST_END = re.compile(r"等|以及|和|及|与")
# Parts of speech (jieba) of words that say how, where or in which relation, not what: adverbs,
# prepositions, particles, conjunctions, localisers (在…下), pronouns, modal and interjection words.
FUNCTION_TAGS = ("d", "p", "u", "c", "f", "r", "y", "e", "ad")
# Words of direction: a claim that turns one into its opposite says the reverse of the report.
OPPOSITES = (("增", "减"), ("升", "降"), ("提高", "降低"), ("扩大", "缩小"), ("加快", "放缓"), ("上涨", "下跌"))
OPPOSITES += (("多", "少"), ("高", "低"), ("开放", "关闭"), ("新增", "减少"))
# A stretch of the same length standing in one slot names another thing, up to a term's length
# (城北 / 城南, 住房公积金 / 社会保险费); longer equal stretches are more often rewordings.
SLOT_TERM = 6
# jieba tags of proper names (places, bodies, persons, other names) and of nouns (n…, s place words, j abbreviations).
PROPER_TAGS = ("ns", "nt", "nr", "nz", "nrt")
NOUN_TAGS = ("n", "s", "j")
# An ordinal: a rank or the number of a time or batch (第一, 第二批, 第七次).
ORDINAL = re.compile(r"第[一二三四五六七八九十0-9]+")
# Words for a kind of body or place in general, which a report or claim may use for a specific one.
GENERAL_KINDS = frozenset({"机构", "单位", "场所", "设施", "组织", "小组"})
# Verbs saying only that a thing happened, not how: 新增 (things were added) stands for 发放, 引进, 建成.
GENERAL_ACTIONS = frozenset({"新增"})
# Last characters of the names of government bodies (…局, …委, …办, …厅, …部): one kind of name.
BODY_ENDS = frozenset("局委办厅部署")
# Words a name of a body, place or programme is built of, by the first letter of their jieba tag: nouns,
# abbreviations, distinguishing words (国家级) and verbs as modifiers (全国防震减灾科普示范社区); names
# of programmes run long, up to LONGEST_NAME characters.
NAME_PART_TAGS = ("n", "j", "b", "s", "v")
LONGEST_NAME = 14
# Whether two verbs name one action (qa.factcheck.similarity); None: not measured for the model in use.
Alike = Callable[[str, str], bool] | None
# A Chinese character.
HAN = re.compile(r"[\u4e00-\u9fff]")
KINDS = {
    "count": "数目不同",
    "name": "名称不同",
    "member": "列举的对象不同",
    "status": "进度不同",
    "direction": "方向相反",
    "crossed": "把一项的名称和另一项的说法连在了一起",
}


@dataclass(frozen=True)
class Conflict:
    """A place where the claim and the report's clause say different things."""

    claim_part: str
    report_part: str
    kind: str  # "count", "crossed", "direction", "name", "member", "negation", "status"

    def explain(self) -> str:
        if self.kind == "negation":
            if self.claim_part:
                return f"声明是否定的说法(“{self.claim_part}”),报告是肯定的"
            return f"报告是否定的说法(“{self.report_part}”),声明是肯定的"
        return f"声明为“{self.claim_part}”,报告为“{self.report_part}”({KINDS[self.kind]})"


@dataclass
class Wording:
    """The report sentence holding most of a claim's content, and where the two part ways."""

    coverage: float = 0.0
    hit: Hit | None = None
    span: tuple[int, int] = (0, 0)  # relative to the passage until ``_check_words`` returns; then source
    conflicts: list[Conflict] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # claim clauses the passage does not hold

    def evidence(self) -> Hit:
        return replace(self.hit, highlight=self.span)


def diffable(text: str) -> str:
    """Wording as compared: figures as ``#`` (they are compared as quantities), no punctuation but 、."""
    for q in reversed(extract_quantities(text)):
        text = text[: q.start] + FIGURE_MARK + text[q.end :]
    return NOT_DIFFED.sub("", text)


def one_spelling(text: str) -> str:
    """Wording with the first of a series in one spelling (第一家 -> 首家)."""
    return FIRST.sub("首", text)


LIST_RUN = re.compile(r"(?:[^、]+、)+[^、]+")


def in_report_order(claim_clause: str, report_clause: str) -> str:
    """``claim_clause`` with a 、 list of the same members as one of ``report_clause`` written in the
    report's order: a list says the same in any order (万全、昆明、和平岳阳 / 和平岳阳、万全、昆明).

    A run's first member may carry words before it and its last words after it, so a claim's first
    member is read as its longest ending, and its last as its longest beginning, that name a member of
    the report's list (whose own first and last members may carry such words too)."""
    for reported in LIST_RUN.finditer(report_clause):
        members = reported.group().split("、")
        for claimed in LIST_RUN.finditer(claim_clause):
            found = _matched(claimed.group(), members)
            if found is None:
                continue
            start, end, named = found
            order = [i for i, _ in named]
            if order != sorted(order):
                listed = "、".join(name for _, name in sorted(named))
                at = claimed.start()
                return claim_clause[: at + start] + listed + claim_clause[at + end :]
    return claim_clause


def _matched(run: str, members: list[str]) -> tuple[int, int, list[tuple[int, str]]] | None:
    """Where the members of a claim's ``run`` stand, and which member of the report's list (with the
    words naming it) each is, when they name the same members, each once; None otherwise."""
    parts = run.split("、")
    if len(parts) != len(members) or len(parts) < 2:
        return None
    named: list[tuple[int, str]] = []
    for position, part in enumerate(parts):
        options = [o for o in _member_options(part, position, len(parts), members) if o[0] not in {i for i, _ in named}]
        if not options:
            return None
        named.append(max(options, key=lambda o: len(o[1])))
    start = len(parts[0]) - len(named[0][1])
    end = len(run) - len(parts[-1]) + len(named[-1][1])
    return start, end, named


def _member_options(part: str, position: int, count: int, members: list[str]) -> list[tuple[int, str]]:
    """The report members (index, the words naming it) that a claim's list part may be: the first part
    by its ending, the last by its beginning, the others whole."""
    out = []
    for i, member in enumerate(members):
        for cut in _cuts(member, i, len(members)):
            first, last = position == 0, position == count - 1
            if (first and part.endswith(cut)) or (last and part.startswith(cut)) or (not first and not last and part == cut):
                out.append((i, cut))
    return out


def _cuts(member: str, index: int, count: int) -> list[str]:
    """The words a report member may be named by: the first member any ending of it (words before the
    list are not the member), the last any beginning (words after it are not), the others itself."""
    if index == 0:
        return [member[k:] for k in range(len(member) - 1)]
    if index == count - 1:
        return [member[:k] for k in range(len(member), 1, -1)]
    return [member]


def conflicts(claim_clause: str, report_clause: str) -> list[Conflict]:
    """Differences between a claim clause and the report clause it matches (both :func:`diffable`)."""
    claim_clause, report_clause = one_spelling(claim_clause), one_spelling(report_clause)
    claim_clause = in_report_order(claim_clause, report_clause)
    found: list[Conflict] = []
    claim_only, report_only = [], []
    stretches = gaps(claim_clause, report_clause)
    for gap in stretches:
        i1, i2, j1, j2, _, _ = gap
        claim_only.append((i1, i2))
        report_only.append((j1, j2))
        found += _gap_conflicts(claim_clause, report_clause, gap)
    # A claim that a thing is one of a list (X是…之一) leaves the list's other members out on purpose.
    if ONE_OF.search(claim_clause):
        found = [x for x in found if x.kind != "member"]
    for rule in (_negation, _status, _list_members):
        if not found:
            found += rule(claim_clause, report_clause)
    if not found:
        found += _rival_names(claim_clause, report_clause, claim_only, report_only)
    if not found:
        found += _crossed_items(claim_clause, report_clause, stretches)
    return found


def _crossed_items(
    claim_clause: str, report_clause: str, stretches: list[tuple[int, int, int, int, bool, bool]]
) -> list[Conflict]:
    """A claim joining one listed item's name to the next item's own predicate (全国文明城区九连冠 of
    全国文明城区六连冠、全国双拥模范城九连冠; 天泰公司办公楼改造提升 of …租用改造、一商办公旧楼改造提升): the
    report's words it skips hold the first item's predicate, of the same sort as the one the claim goes on
    with (they share a character: 六连冠 / 九连冠), a 、 and the second item's name. A claim that joins
    items itself (和, 及) or skips a joining word of the report (A以及B、C开工建设: one predicate for all)
    shortens a list instead."""
    for i1, i2, j1, j2, enclosed, _ in stretches:
        skipped, added = report_clause[j1:j2], claim_clause[i1:i2]
        if not enclosed or "、" not in skipped or strip_light(added) or JOINING.search(added + skipped) or "、" in added:
            continue
        own, other = skipped.split("、")[0], skipped.split("、")[-1]
        goes_on = claim_clause[i2 : i2 + len(own)]
        # The same words the claim goes on with (号楼 / 号楼): the match was merely made at the later item.
        named = len(HAN.findall(own)) >= 2 and len(HAN.findall(other)) >= 2
        if named and own != goes_on and set(HAN.findall(own)) & set(goes_on):
            item = max(report_clause.rfind("、", 0, j1) + 1, j1 - LONGEST_NAME)
            claim_part = claim_clause[max(0, i1 - (j1 - item)) : i2 + len(own)]
            return [Conflict(claim_part, report_clause[item : j2 + len(own)], "crossed")]
    return []


def _gap_conflicts(
    claim_clause: str, report_clause: str, gap: tuple[int, int, int, int, bool, bool]
) -> list[Conflict]:
    """What one stretch where the wordings part says: another count, name, member or stage, or nothing."""
    i1, i2, j1, j2, enclosed, slot = gap
    a_core, b_core = strip_light(claim_clause[i1:i2]), strip_light(report_clause[j1:j2])
    if not a_core or not b_core:
        return []
    # Numerals in one slot count something differently (4号线 / 8号线, “六连冠” / “九连冠”), even when
    # the claim's numeral stands elsewhere in the report's clause.
    if set(a_core) <= NUMERAL and set(b_core) <= NUMERAL:
        return _count_conflict(claim_clause, report_clause, gap)
    if a_core in report_clause or b_core in claim_clause:
        return []
    if FIGURE_MARK in a_core + b_core or set(a_core + b_core) <= MEASURE:  # 首个 / 首家
        return []
    if stages_named(a_core) and stages_named(b_core):  # 建成 / 竣工 is one stage, 开工 / 立项 two
        return _status(a_core, b_core)
    words = _word_around(claim_clause, i1, i2), _word_around(report_clause, j1, j2)
    if reverse := opposite(a_core, b_core):
        return [Conflict(*reverse, "direction")]
    if _same_sense(words, a_core, report_clause):
        return []
    near = claim_clause[max(0, i1 - 4) : i2 + 4] + report_clause[max(0, j1 - 4) : j2 + 4]
    if not _stands_in(claim_clause, report_clause, gap, "、" in near):
        return []
    if "、" in near:
        return [Conflict(_item_around(claim_clause, i1, i2), _item_around(report_clause, j1, j2), "member")]
    return [Conflict(*words, "name")]


def _count_conflict(claim_clause: str, report_clause: str, gap: tuple[int, int, int, int, bool, bool]) -> list[Conflict]:
    """Two numerals in one slot: one count written two ways (五百强 / 500强), or another count."""
    i1, i2, j1, j2, _, _ = gap
    if _same_number(strip_light(claim_clause[i1:i2]), strip_light(report_clause[j1:j2])):
        return []
    return [Conflict(_word_around(claim_clause, i1, i2), _word_around(report_clause, j1, j2), "count")]


def _same_number(a: str, b: str) -> bool:
    """Two numerals of one value, however written (五百 / 500, 十四 / 14)."""
    try:
        return a == b or parse_number(a) == parse_number(b)
    except ValueError:
        return False


def _stands_in(
    claim_clause: str, report_clause: str, gap: tuple[int, int, int, int, bool, bool], listed: bool
) -> bool:
    """Whether the claim's stretch at ``gap`` puts another thing in the report's stretch's place: words
    of both sides that the other does not say, in other words either, in one slot, or both names."""
    i1, i2, j1, j2, enclosed, slot = gap
    # Where the claim ends in this stretch, the report's words that follow are read whole: a claim ending in
    # 防疫 shortens the report's 疫情防控, of which the stretch set against it holds only 疫情.
    claim_words, stretch_words = _touched(claim_clause, i1, i2, report_clause), _touched(report_clause, j1, j2, claim_clause)
    read_whole = i2 == len(claim_clause)
    report_words = _touched(report_clause, j1, len(report_clause), claim_clause) if read_whole else stretch_words
    a_left, b_left = _unpaired(claim_words, report_words)
    b_left = [w for w in b_left if w in stretch_words]
    # One side only adds or leaves out words (the claim's own framing, the report's detail): nothing
    # stands in the other's place. A general word for a kind of body or place (养老机构 / 养老院) names
    # the kind the other side's word is one of.
    if not a_left or not b_left or _general(a_left) or _general(b_left):
        return False
    # Verbs in one slot (not members of a list: 乱采、乱排 are items) reword one action (引进 / 纳入, 撤掉 /
    # 取消): the steps that make a verb contradict, stages, directions and denials, are told apart before.
    # The embedding does not separate the rest: other steps (申报 / 获批) score as high as rewordings.
    if _all_verbs(a_left) and _all_verbs(b_left) and not listed:
        return False
    a_core, b_core = strip_light(claim_clause[i1:i2]), strip_light(report_clause[j1:j2])
    return (
        (slot and len(a_core) == len(b_core) <= SLOT_TERM)
        or enclosed
        or (any(map(_name_like, a_left)) and any(map(_name_like, b_left)))
        or _head_at(claim_clause, i2)
    )


def _general(words: list[tuple[str, str]]) -> bool:
    return all(w in GENERAL_KINDS | GENERAL_ACTIONS for w, _ in words)


def _same_sense(words: tuple[str, str], claim_core: str, report_clause: str) -> bool:
    """The claim's words at a gap say what the report's say: synonyms (稳定(住) / 牢牢稳住, the report
    adding a modifier), one verb morpheme in two compounds (迁入 / 搬迁, 引进 / 引入), or the same words
    in another order (都已在助推下 / 助推…)."""
    if restates(*words):
        return True
    if _actions(words[0]) and _actions(words[1]) and set(words[0]) & set(words[1]):
        return True
    if _one_verb_finished(*words):
        return True
    return _said_elsewhere(claim_core, report_clause)


# Complements saying an action was carried through (建好 / 建成, 修完 / 修好): one result, however said.
FINISHED = frozenset("好完成")


def _one_verb_finished(a: str, b: str) -> bool:
    """One verb with a complement of completion on both sides (建好 / 建成)."""
    return len(a) == len(b) == 2 and a[0] == b[0] and {a[1], b[1]} <= FINISHED


def _touched(clause: str, start: int, end: int, other: str) -> list[tuple[str, str]]:
    """The content words (jieba, with their tags) that ``clause[start:end]`` touches and ``other``
    does not say anywhere (推 of 推行 -> 推行; 信用 said in the other clause too -> left out)."""
    out, at = [], 0
    for word, tag in fine_pos_tags(clause):
        if at + len(word) > start and at < end and not tag.startswith(FUNCTION_TAGS) and strip_light(word):
            if word not in other:
                out.append((word, tag))
        at += len(word)
    return out


def _unpaired(
    claim_words: list[tuple[str, str]], report_words: list[tuple[str, str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The words of each side that no word of the other side says in other words: a Cilin synonym
    (推行 / 实行), a verb sharing a morpheme (收进 / 收入, 防疫 / 防控) or a shortened form whose
    characters all stand in the other side's words (防疫 / 疫情防控: Chinese shortens a term by
    keeping some of its characters)."""
    claim_text, report_text = "".join(w for w, _ in claim_words), "".join(w for w, _ in report_words)

    def said(word: tuple[str, str], others: list[tuple[str, str]], other_text: str) -> bool:
        if len(word[0]) >= 2 and set(word[0]) <= set(other_text):
            return True
        return any(same_meaning(word[0], o[0]) or _one_action(word, o) for o in others)

    return (
        [w for w in claim_words if not said(w, report_words, report_text)],
        [w for w in report_words if not said(w, claim_words, claim_text)],
    )


def _one_action(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two verbs sharing a morpheme name one action in two compounds (迁入 / 搬迁, 引进 / 引入); so do two
    words beginning with one character that is a verb on its own (申请 / 申报, 落户 / 落地), whatever the
    tagger files the compounds as: a Chinese verb compound begins with its verb, while names of one kind
    end alike (城北 / 城南 begin with a noun)."""
    if a[1].startswith("v") and b[1].startswith("v") and bool(set(a[0]) & set(b[0])):
        return True
    return len(a[0]) == len(b[0]) == 2 and a[0][0] == b[0][0] and _verb_morpheme(a[0][0])


def _verb_morpheme(character: str) -> bool:
    return pos_tags(character)[0][1] == "v"


def _all_verbs(words: list[tuple[str, str]]) -> bool:
    return all(tag.startswith("v") for _, tag in words)


def _content_words(text: str) -> list[tuple[str, str]]:
    """The words of ``text`` that say what, not how or where (no adverbs, prepositions, particles,
    conjunctions or localisers: 都已在助推下 -> 助推)."""
    return [(w, tag) for w, tag in fine_pos_tags(text) if not tag.startswith(FUNCTION_TAGS) and strip_light(w)]


def _actions(text: str) -> bool:
    """``text`` says only what was done: its content words are all verbs (迁入, 引进, 批准).

    Two such stretches that share a morpheme (迁入 / 搬迁, 引进 / 引入, 批准 / 获批) name one action in
    two compounds; verbs with nothing in common may name different steps (申报 / 获批, 启动 / 完成),
    and stages (开工 / 竣工) and opposite directions are told apart before."""
    words = _content_words(text)
    return bool(words) and all(tag.startswith("v") for _, tag in words)


def _said_elsewhere(core: str, clause: str) -> bool:
    """Every content word of ``core`` (two characters or more) stands elsewhere in ``clause``: the
    claim says the same words in another order (会宁和舟曲都已在助推下脱贫 / 助推会宁、舟曲脱贫)."""
    words = _content_words(core)
    return bool(words) and all(len(w) >= 2 and w in clause for w, _ in words)


def turns_meaning(claim: str, stretch: str) -> bool:
    """The claim and a report stretch part where an embedding reads alike what differs: one negates
    and the other does not, the claim names a stage the stretch does not (进入主体施工 / 做好前期工作),
    or the two point in opposite directions (增加 / 减少)."""
    if bool(NEGATION.search(claim)) != bool(NEGATION.search(stretch)):
        return True
    return bool(stages_named(claim) - stages_said_of(stretch, claim)) or opposite(claim, stretch) is not None


def opposite(a: str, b: str) -> tuple[str, str] | None:
    """Words of opposite direction in one slot (增加 / 减少, 提高 / 降低, 扩大 / 缩小)."""
    for up, down in OPPOSITES:
        for x, y in ((a, b), (b, a)):
            if up in x and down in y and down not in x and up not in y:
                return (up, down) if x is a else (down, up)
    return None


def gaps(claim_clause: str, report_clause: str) -> list[tuple[int, int, int, int, bool, bool]]:
    """Stretches ``(i1, i2, j1, j2, enclosed, slot)`` between the two wordings' shared anchors.

    Anchors are shared stretches of two or more characters, or a figure mark: one shared character
    (the 区 of 城区 and 社区) says nothing about where two wordings meet. A stretch at the very start
    or end of the claim clause is set against as many report characters next to the anchor
    (2家幼儿园 against 2家养老院投入运营…: 幼儿园 against 养老院). ``enclosed``: between two anchors of two or
    more characters (侵犯[商标]权刑事案件 / 侵犯[知识产]权刑事案件). ``slot``: one word stands in for
    another: enclosed, or the report's stretch is hardly longer than the claim's, or it follows a
    figure (2家[幼儿园]); not when the report says more there (新引入 / 引进甲公司、乙公司等).
    """
    matcher = SequenceMatcher(None, claim_clause, report_clause, autojunk=False)
    anchors = [m for m in matcher.get_matching_blocks() if m.size >= 2 or (m.size == 1 and claim_clause[m.a] == FIGURE_MARK)]
    out, i, j = [], 0, 0
    for number, m in enumerate([*anchors, None]):
        i2, j2 = (m.a, m.b) if m else (len(claim_clause), len(report_clause))
        if i2 > i or j2 > j:
            j1, length = j, j2 - j
            enclosed = 0 < number < len(anchors) and min(anchors[number - 1].size, m.size) >= 2
            after_figure = number > 0 and claim_clause[i - 1] == FIGURE_MARK
            slot = enclosed or length <= (i2 - i) + 2 or (m is None and after_figure)
            if number == 0 and anchors and i2 - i < length:  # the claim starts here: the report's last chars
                j1 = max(j, j2 - (i2 - i))
            elif m is None and anchors and i2 - i < length:  # the claim ends here: the report's first chars
                j2 = j + (i2 - i)
            out.append((i, i2, j1, j2, enclosed, slot))
        if m:
            i, j = m.a + m.size, m.b + m.size
    return out


def _negation(claim_clause: str, report_clause: str) -> list[Conflict]:
    """One side denies what the other states (没有完成 / 超额完成)."""
    a, b = NEGATION.search(claim_clause), NEGATION.search(report_clause)
    if bool(a) == bool(b):
        return []
    return [Conflict(a.group() if a else "", b.group() if b else "", "negation")]


def stages_named(text: str) -> set[int]:
    """The stages (indices of ``STAGES``) ``text`` names, each by a word of its own: 创建成 (创建 + 成,
    "create into") names no 建成."""
    return {n for n, words in enumerate(STAGES) if any(_said_as_word(w, text) for w in words)}


def stages_said_of(text: str, claim: str) -> set[int]:
    """The stages ``text`` names (see :func:`stages_named`) of what the claim names: not a stage every
    clause naming it says of a thing the claim does not name. The head noun of what a stage word is
    said of (建成民园广场、第二南开中学固定避难场所: 场所) is then no word of the claim, and the sentence
    does not say the claim's depot is built."""
    return {n for n in stages_named(text) if not _said_of_others(n, text, claim)}


def _said_of_others(stage: int, text: str, claim: str) -> bool:
    found = False
    for clause in STAGE_CLAUSE.split(text):
        for word in STAGES[stage]:
            at = clause.find(word)
            if at < 0 or not _said_as_word(word, clause):
                continue
            found = True
            # Two characters after a stage word are a second verb (签约落地, 挂牌运行), not what it is said of.
            after = clause[at + len(word) :]
            head = (_head_noun(after) if len(after) > 2 else "") or _head_noun(clause[:at])
            if not head or head in claim:
                return False
    return found


def _head_noun(text: str) -> str:
    """The last noun of ``text`` (jieba), the head of the phrase it ends with; "" if it has none."""
    # Light words the tagger files as nouns (全部, 全面) say how much, not what.
    nouns = [w for w, tag in pos_tags(text) if tag.startswith("n") and len(w) >= 2 and strip_light(w)]
    return nouns[-1] if nouns else ""


def _said_as_word(word: str, text: str) -> bool:
    """``word`` stands in ``text`` where no word of the tokenizer straddles its edges (创建|成 straddles
    the start of 建成); inside one word (竣工验收) or as several (主体|施工) it counts."""
    if word not in text:
        return False
    spans, at = [], 0
    for token, _ in pos_tags(text):
        spans.append((at, at + len(token)))
        at += len(token)
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if not any(a < start < b < end or start < a < end < b for a, b in spans):
            return True
        start = text.find(word, start + 1)
    return False


def _status(claim_clause: str, report_clause: str) -> list[Conflict]:
    """The claim puts something at another stage than the report does (开工 / 完成立项)."""
    claimed, reported = stages_named(claim_clause), stages_named(report_clause)
    if not claimed or not reported or claimed & reported:
        return []

    def said(text: str, stages: set[int]) -> str:
        return "、".join(w for n in sorted(stages) for w in STAGES[n] if w in text)

    return [Conflict(said(claim_clause, claimed), said(report_clause, reported), "status")]


def list_items(clause: str) -> list[str]:
    """The members of a list written with 、 (its last member may follow 和/及/与; 等 ends it).

    The first member is cut from the words before it, the last from the words after it, by the
    length of the members in between (a list holds alike terms: 稳就业、稳金融、稳外贸).
    """
    parts = clause.split("、")
    if len(parts) < 2:
        return []
    last = parts[-1]
    tail = [p for p in LIST_END.split(last) if p]
    joined = LIST_END.search(last)
    items = parts[:-1] + (tail[:2] if len(tail) > 1 and joined and joined.group() != "等" else tail[:1])
    inner = sorted(len(p) for p in items[1:-1]) or sorted(len(p) for p in items)
    size = inner[len(inner) // 2]
    if len(items[0]) > size:
        items[0] = items[0][-size:]
    if len(items[-1]) > size + 2:
        items[-1] = items[-1][:size]
    return [strip_light(i) or i for i in items]


def _list_members(claim_clause: str, report_clause: str) -> list[Conflict]:
    """A member of the claim's list that the report's list of the same things lacks (心育 / 劳动教育)."""
    claimed, reported = list_items(claim_clause), list_items(report_clause)
    if not claimed or not reported:
        return []
    shared = [c for c in claimed if c in reported]
    extra = [c for c in claimed if not any(_same_item(c, r) for r in reported)]
    rivals = [r for r in reported if not any(_same_item(c, r) for c in claimed)]
    if extra and rivals and len(shared) * 2 >= len(claimed) - 1:
        return [Conflict("、".join(extra), "、".join(rivals), "member")]
    return []


def _same_item(a: str, b: str) -> bool:
    """Two list members name one thing: one holds the other, or they share at least half their
    wording and do not part where they differ (引入中环系统工程 / 引进中环系统工程: the verb cut with the
    first member is said in another word)."""
    if a in b or b in a:
        return True
    shared = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    return shared >= min(len(a), len(b)) / 2 and not any(_gap_conflicts(a, b, gap) for gap in gaps(a, b))


def unwritten_names(claim: str, report_text: str) -> list[str]:
    """The names in ``claim`` (places, bodies, proper names: :func:`_name_like`) that the report's text
    never writes: a claim naming one says something of a thing the report does not mention."""
    return [w for w, tag in pos_tags(claim) if _name_like((w, tag)) and not shortened_in(w, report_text)]


def _name_like(word: tuple[str, str]) -> bool:
    """A noun ending like the name of a place or body (五大道, 津湾广场), or tagged a proper name; a
    verb ending in one of those characters (推行, 运行) is no name."""
    text, tag = word
    return len(text) >= 2 and (tag in PROPER_TAGS or (tag[:1] in NOUN_TAGS and text[-1] in NAME_SUFFIXES))


def _head_at(text: str, at: int) -> bool:
    """A word naming a kind of body or place starts at ``at`` (派出所, 集团, 医院)."""
    position = 0
    for word, _ in pos_tags(text):
        if position == at:
            return len(word) >= 2 and word[-1] in NAME_SUFFIXES
        position += len(word)
        if position > at:
            return False
    return False


def _word_around(text: str, start: int, end: int) -> str:
    """The words (jieba) that ``text[start:end]`` touches (北 -> 城北), for explanations."""
    at, out = 0, []
    for word, _ in pos_tags(text):
        if at + len(word) > start and at < end:
            out.append(word)
        at += len(word)
    word = PUNCT.sub("", "".join(out))
    if len(word) <= 1:  # widen a lone character by its neighbours
        word = PUNCT.sub("", text[max(0, start - 1) : end + 1])
    return word


def _item_around(text: str, start: int, end: int) -> str:
    """The list member in which ``text[start:end]`` begins (劳 -> 劳动教育), for explanations."""
    first = next((i for i in range(start, end) if strip_light(text[i])), start)
    at = 0
    for item in list_items(text):
        found = text.find(item, at)
        if found != -1:
            if found <= first < found + len(item):
                return item
            at = found + len(item)
    return _word_around(text, start, end)


def _rival_names(
    claim_clause: str, report_clause: str, claim_only: list[tuple[int, int]], report_only: list[tuple[int, int]]
) -> list[Conflict]:
    """Names only one side has that end alike (甲路派出所 / 乙路派出所): one slot, filled differently."""
    for a in _names(claim_clause, claim_only):
        for b in _names(report_clause, report_only):
            if _same_kind(a, b) and a not in report_clause and b not in claim_clause and not _shortens(a, b):
                return [Conflict(*_own_parts(a, b, report_clause, claim_clause), "name")]
    return []


def _own_parts(a: str, b: str, a_other: str, b_other: str) -> tuple[str, str]:
    """Two rival names less the words they begin alike (国家级 综合… / 国家级 防震…), else less the
    words each begins with that the other text says too (中小企业 经市科技局 -> 经市科技局), down
    to two words; for explanations."""
    a_words, b_words = [w for w, _ in pos_tags(a)], [w for w, _ in pos_tags(b)]
    if len(a_words) > 1 and len(b_words) > 1 and a_words[0] == b_words[0]:
        while len(a_words) > 1 and len(b_words) > 1 and a_words[0] == b_words[0]:
            a_words, b_words = a_words[1:], b_words[1:]
        return "".join(a_words), "".join(b_words)
    for words, other in ((a_words, a_other), (b_words, b_other)):
        while len(words) > 2 and words[0] in other:
            words.pop(0)
    return "".join(a_words), "".join(b_words)


def rival_names(claim_text: str, report_text: str) -> list[Conflict]:
    """A name of the claim the report's text lacks, where the text has another ending alike
    (经市科技局培育 / 经市工信局培育): the claim names another body, place or programme."""
    return _rival_names(claim_text, report_text, [(0, len(claim_text))], [(0, len(report_text))])


def rival_quoted_names(claim_clause: str, report_clause: str, report_sentence: str) -> list[Conflict]:
    """A name the claim's clause quotes where the report's clause quotes another (按照“三个着力”原则 /
    按照“定向+通用”原则). Quotation marks make a name one term, so two different ones in the slot the
    two clauses share name two things. Not when the report's sentence writes the claim's name too (it
    may stand in a neighbouring clause), nor when one name is the other shortened."""
    sentence, claim_letters = letters_only(report_sentence), letters_only(claim_clause)
    ours = [n for n in quoted_names(claim_clause) if letters_only(n) not in sentence]
    theirs = [n for n in quoted_names(report_clause) if letters_only(n) not in claim_letters]
    for a in ours:
        for b in theirs:
            if letters_only(a) and letters_only(b) and not _shortens(letters_only(a), letters_only(b)):
                return [Conflict(a, b, "name")]
    return []


def _same_kind(a: str, b: str) -> bool:
    """Two names of one kind: ending alike, or both bodies of government (市科技局 / 市发改委 / 区政府办)."""
    return a[-1] == b[-1] or (a[-1] in BODY_ENDS and b[-1] in BODY_ENDS)


def rival_ranks(claim_text: str, report_text: str) -> list[Conflict]:
    """An ordinal of the claim (排第二, 第六次) the report's text lacks, where the text gives another after
    words the claim puts before its own (在市内六区中排第二 / 位居市内六区第一): another rank or count."""
    for claimed in ORDINAL.finditer(claim_text):
        if claimed.group() in report_text:
            continue
        before = {claim_text[i : i + 2] for i in range(max(0, claimed.start() - 8), claimed.start() - 1)}
        for reported in ORDINAL.finditer(report_text):
            near = report_text[max(0, reported.start() - 8) : reported.start()]
            if reported.group() not in claim_text and any(b in near for b in before if strip_light(b) == b):
                return [Conflict(claimed.group(), reported.group(), "count")]
    return []


def _shortens(a: str, b: str) -> bool:
    """One name is the other shortened (区妇产医院 / 区妇产科医院): its characters all stand in the other."""
    return set(a) <= set(b) or set(b) <= set(a)


def _names(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Words ending in a name suffix, with the nouns before them (五 大道 街, 公安 医院), in ``spans``."""
    out, at, words = [], 0, list(pos_tags(text))
    for k, (word, _) in enumerate(words):
        w_start, w_end = at, at + len(word)
        at = w_end
        if word[-1] not in NAME_SUFFIXES or words[k][1][:1] not in NOUN_TAGS:  # 推行, 运行 are verbs
            continue
        name, start, back = word, w_start, k - 1
        while back >= 0 and words[back][1][:1] in NAME_PART_TAGS and len(name) < LONGEST_NAME:
            name, start, back = words[back][0] + name, start - len(words[back][0]), back - 1
        # A verb before a name acts on it (创建 全国…社区): a name begins with a noun, not a verb.
        while name != word and pos_tags(name)[0][1].startswith("v"):
            first = pos_tags(name)[0][0]
            name, start = name[len(first) :], start + len(first)
        if len(name) == 1 and back >= 0 and words[back][1] in ("m", "ns", "nr", "nz"):
            name, start = words[back][0] + name, start - len(words[back][0])
        if any(s < w_end and start < e for s, e in spans) and len(strip_light(name)) >= 2:
            out.append(strip_light(name))
    return out

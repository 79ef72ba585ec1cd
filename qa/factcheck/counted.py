"""What a report's count is said of, where a sentence gives several: a claim giving one count to the
thing another count of the sentence counts is contradicted, though every word and figure of it stands
in the sentence.

* The examples named before it: a report names a few members of a set before its count (开展山西路、锦州道
  等5条道路人行车道整修以及寿安里、新兴里、建津里等39个小区里巷整修): 山西路 is one of the 5 roads, 寿安里
  one of the 39 compounds, and 整修寿安里、新兴里等5条道路 gives the roads' count to the compounds.
* The noun right after its measure word (先后成立7个工作组、12个工作专班): 成立7个工作专班 gives the
  working groups' count to the task forces.
* The members listed before it, all of them (公共场所、发热门诊、进口冷链食品三类重点部位: three named, no
  等): a claim naming as many members of that count (养老机构、高层住宅和地下建筑这三类重点部位) names
  another set where a member is none of the report's.
"""

from __future__ import annotations

import re

from qa.factcheck.claims import JOINING, JOINING_WORDS
from qa.text.tokenize import pos_tags

# The longest a list's member runs.
_LONGEST_MEMBER = 12
# What a count counts, right after it: up to the next list mark, clause mark, joining word or figure.
_COUNTED = re.compile(rf"[\u4e00-\u9fffA-Za-z“”]{{1,10}}?(?=[、，,；;。：:（(0-9]|{JOINING.pattern}|$)")
# Members before 等 and the count it closes: …山西路、锦州道等 (the first member may carry the verb before it).
_EXAMPLES = re.compile(r"((?:[\u4e00-\u9fffA-Za-z0-9]{2,12}、)*[\u4e00-\u9fffA-Za-z0-9]{2,12})等$")


def named_examples(text_before: str) -> list[str]:
    """The members named before 等 that ``text_before`` (a sentence's text from its previous figure up to a
    figure) ends with, or []. The first may carry what precedes it in the sentence (开展山西路, 整修以及寿安里):
    it is cut after its last joining word, and members are matched by their ends (:func:`_same_member`)."""
    found = _EXAMPLES.search(text_before)
    if not found:
        return []
    first, *rest = found[1].split("、")
    return [_member_core(first), *rest]


def listed_members(text_before: str) -> list[str]:
    """Every member of a list that ``text_before`` (up to a count) ends with, when it names them all (no
    等: 公共场所、发热门诊、进口冷链食品 → three), or []; the first is cut as in :func:`named_examples`.
    Members part at 、 and at 和 / 及 / 与 as conjunctions (not the 和 of 和平区)."""
    run = re.split(r"[，,；;。：:！？!?（）()“”]", text_before)[-1]
    run = re.sub(r"(?:这些|这)$", "", run)
    if run.endswith("等"):
        return []
    members, current = [], ""
    for word, tag in pos_tags(run):
        if word == "、" or (word in JOINING_WORDS and tag in ("c", "p")):
            members.append(current)
            current = ""
        else:
            current += word
    members.append(current)
    if len(members) < 2 or not all(2 <= len(m) <= _LONGEST_MEMBER for m in members[1:]):
        return []
    return [_member_core(members[0]), *members[1:]]


# Tags of the words that may end a list's first member: what comes before them is the sentence's (a verb,
# a preposition, a pronoun: 开展公共场所, 区里对养老机构).
_NAME_TAGS = ("n", "a", "b", "j", "eng", "m", "q", "vn")


def _member_core(first: str) -> str:
    """The first member of a list without the sentence's words before it (开展山西路 → 山西路; 整修以及寿安里 →
    寿安里; 区里对养老机构 → 养老机构)."""
    first = JOINING.split(first)[-1]
    words = pos_tags(first)
    kept = len(words)
    while kept and words[kept - 1][1].startswith(_NAME_TAGS):
        kept -= 1
    core = "".join(w for w, _ in words[kept:])
    return core if len(core) >= 2 else first


def same_thing_counted(claimed_after: str, reported_after: str) -> bool:
    """Whether the words after a claim's count and after a report's name one thing (3类重点部位开展了… /
    3类重点部位专项检查): they open with the same word, two characters or more."""
    return _shared_start(claimed_after, reported_after) >= 2


def outside_the_list(claimed: list[str], own: list[str], count: float) -> list[str]:
    """The members the claim lists before a count (``claimed``) that are none of the report's (``own``),
    where both list as many members as the count counts, so each names the whole set (a closed list, as
    :mod:`qa.factcheck.lists` reads a named one); else []."""
    if not (len(claimed) == len(own) == count):
        return []
    return [a for a in claimed if not any(_same_member(a, b) for b in own)]


def _same_member(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= 2 and (a.endswith(b) or b.endswith(a))


def examples_of_another(claimed: list[str], own: list[str], others: list[list[str]]) -> tuple[list[str], int]:
    """The claim's examples of a count (``claimed``) that the report names as examples of another count
    of the sentence (the ``others``, one list per count), where none is an example of the count's own
    (``own``), and the index of that other count; ([], -1) otherwise."""
    if any(_same_member(a, b) for a in claimed for b in own):
        return [], -1
    for at, group in enumerate(others):
        if moved := [a for a in claimed if any(_same_member(a, b) for b in group)]:
            return moved, at
    return [], -1


def counted_noun(text: str, end: int) -> str:
    """The words right after a count ending at ``end`` that name what it counts (7个工作组、… → 工作组), or ""."""
    found = _COUNTED.match(text, end)
    return found.group().replace("“", "").replace("”", "") if found else ""


def _shared_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def counts_another(claimed_after: str, own: str, others: list[str]) -> int:
    """Which of ``others`` (what the sentence's other counts of the unit count, :func:`counted_noun`) the
    claim's words after its count (``claimed_after``) name, sharing a word (two characters or more) with
    it and more than with ``own``, what the count it matched counts; -1 when none does."""
    if not own:
        return -1
    mine = _shared_start(claimed_after, own)
    for at, other in enumerate(others):
        shared = _shared_start(claimed_after, other)
        if shared >= 2 and shared > mine:
            return at
    return -1

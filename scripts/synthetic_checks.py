"""Questions and claims made from the report's own clauses, whose right answer is known by construction,
and how many the system gets right (a stress test that finds bugs eval items do not show).

Claims, from every clause of the review and the plan:

* ``verbatim``: the clause as it stands, with its year (supported);
* ``relative_year``: the clause with 去年 / 今年 for its year (supported);
* ``chinese_numeral``: its one figure spelled in Chinese numerals (supported);
* ``changed``: its one figure changed (contradicted); ``second_changed``: of a clause with two figures,
  the second changed (contradicted);
* ``year_swapped``: said of the other part's year (2021年要… of a review clause, 2020年已经… of a plan
  clause), where its one figure and its opening words are the other part's nowhere (contradicted);
* ``over_lower`` / ``under_lower``: 超过 / 不到 a bound below its figure (supported / contradicted);
* ``other_district``: said of another district (not found); ``abroad``: of a city abroad (not found);
  ``unreported_year``: of a year the report does not report on, 2019 (not found);
  ``relative_unreported_year``: of 前年 (a review clause) or 明年 (a plan clause), 2019 and 2022 from
  the report's present (not found; a sentence naming a plan period, “十三五”, covers its years);
* ``hearsay``: framed as hearsay, 听说… (supported);
* ``modifiers_dropped``: without the words praising how it was done, 积极, 全力 … (supported);
* ``negated``: a result of the review said not done, 没有完成… (contradicted);
* ``stage_turned``: a project the clause starts (启动, 开工, 立项, 前期工作) said finished, 建成 (contradicted);
* ``traditional``: in Traditional characters (supported);
* ``joined``: joined by 并且 to a clause of the next passage of its part (supported);
  ``joined_changed``: the same with the joined clause's one figure changed (contradicted);
* ``examples_kept``: of a sentence naming examples of two counted sets (山西路、锦州道等5条道路 …
  寿安里、新兴里、建津里等39个小区), one set's examples with its count (supported);
  ``examples_swapped``: the other set's examples with that count (contradicted);
* ``set_kept``: a set the report lists whole before its count (公共场所、发热门诊、进口冷链食品三类重点部位),
  said with its members (supported); ``set_swapped``: with the members of another set of as many
  listed whole elsewhere (contradicted).
* ``count_kept``: of a clause listing two counts of one unit (先后成立7个工作组、12个工作专班), the second
  count with its own noun (supported); ``count_moved``: the first count with the second's noun
  (contradicted).

Questions, from every clause with one figure and a unit: the words before the figure asked with
多少 and the unit (answered), and the same asked of 2018, of another district or of a city abroad,
street by street, for the day it was done, for half a year or a quarter, or its growth rate where the
sentence gives the figure as a level only (declined); for every 附注 term, what it means (answered); and for every
name the report quotes, who heads it (declined: the report names no one), the day it began, quoted or
not, and its address (declined: the report gives neither of its names).

    .venv/bin/python scripts/synthetic_checks.py

A miss here is a bug or a reading to state; the figures are no measure of accuracy on real users'
wording (the eval files are).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cn2an  # noqa: E402

from qa.answering.search import Searcher  # noqa: E402
from qa.documents.parts import Part  # noqa: E402
from qa.documents.passages import Passage  # noqa: E402
from qa.factcheck.checker import FactChecker  # noqa: E402
from qa.factcheck.counted import counted_noun, listed_members, named_examples  # noqa: E402
from qa.index.store import open_index  # noqa: E402
from qa.text.normalise import to_traditional  # noqa: E402
from qa.text.quantities import TIME_UNITS, extract_quantities  # noqa: E402

QUOTED_NAME = re.compile(r"“([^”]{2,10})”")
CLAUSE = re.compile(r"[，,；;。：:]")
DIGITS = re.compile(r"\d+(?:\.\d+)?")
YEAR = re.compile(r"20\d\d年|去年|今年|明年")
OTHER_DISTRICT = "南开区"
UNREPORTED_YEAR = "2019年"  # a year the report neither reviews nor plans
ABROAD = "纽约"  # a city abroad, which no gazetteer of China's divisions holds
# Words a clause may put between what it counts and the figure (新增就业达3.1万人).
# Words praising how a thing was done (全力做好, 扎实推进): without them a clause states the same.
PRAISE = re.compile(r"积极|全力|深入|持续|大力|进一步|扎实|稳步|不断|切实|全面|有序|稳妥")
# Verbs a review clause opens with that state a result (完成…, 建成…): 没有 before one denies it.
RESULT_VERB = re.compile(r"^(?:完成|实现|建成|新增|开展|启动|举办|获评|建立|出台|落实|组建|成立|打造|引进|培育)")
# Words putting a project at its start: said of a clause's project, 建成 instead claims it finished.
STARTED = re.compile(r"开工建设|启动|开工|立项|前期工作")
SENTENCE = re.compile(r"[。；;]")
# Words that give a rate or a change: a sentence without them states its figures as levels only.
RATE_WORDS = re.compile(r"%|增长|百分|倍|成")
LINK_BEFORE_FIGURE = re.compile(r"(?:达到|达|为|共|累计|超过|超|约|近|逾|突破|全年|完成)$")


def clauses(passage: Passage, shortest: int = 6, longest: int = 40) -> list[str]:
    """The clauses of a passage of a length a claim would have."""
    return [c.strip() for c in CLAUSE.split(passage.text) if shortest <= len(c.strip()) <= longest]


def one_figure(clause: str):
    """The clause's only figure that is not a year and carries no qualifier or kind, or None."""
    figures = [q for q in extract_quantities(clause) if not q.is_year]
    if len(figures) != 1 or figures[0].approx or figures[0].kind:
        return None
    return figures[0]


def claims_of(
    passage: Passage, year: str, relative: str, other_text: str = "", next_passage: Passage | None = None
) -> list[tuple[str, str, str]]:
    """(kind, claim, expected verdict) for the clauses of one passage; ``other_text`` is the other part's
    text (the plan's for a review passage), against which a year swap is made; ``next_passage`` the
    next passage of the part, whose clauses are joined to this one's."""
    out = []
    others = clauses(next_passage) if next_passage else []
    for n, clause in enumerate(clauses(passage)):
        if others:
            out += _joined(clause, others[n % len(others)], year)
        out.append(("verbatim", f"{year}和平区{clause}。", "supported"))
        out.append(("relative_year", f"{relative}和平区{clause}。", "supported"))
        out.append(("hearsay", f"听说{relative}和平区{clause}。", "supported"))
        out.append(("traditional", to_traditional(f"{year}和平区{clause}。"), "supported"))
        plain = PRAISE.sub("", clause)
        if plain != clause and len(plain) >= 6:
            out.append(("modifiers_dropped", f"{year}和平区{plain}。", "supported"))
        if year.startswith("2020") and RESULT_VERB.match(clause):
            out.append(("negated", f"{year}和平区没有{clause}。", "contradicted"))
        if len(started := STARTED.findall(clause)) == 1 and "建成" not in clause:
            out.append(("stage_turned", f"{year}和平区{clause.replace(started[0], '建成')}。", "contradicted"))
        out += _figures_moved(clause, year, other_text)
        figure = one_figure(clause)
        digits = DIGITS.search(figure.text) if figure else None
        if not digits:
            continue
        a, b = figure.start + digits.start(), figure.start + digits.end()
        value = float(digits.group())
        decimals = len(digits.group().split(".")[1]) if "." in digits.group() else 0
        changed = f"{value * 1.5 if value < 50 else value * 0.6:.{decimals}f}"
        lower = f"{value * 0.7:.{decimals}f}"
        out.append(("changed", f"{year}和平区{clause[:a]}{changed}{clause[b:]}。", "contradicted"))
        if 0 < float(lower) < value:
            out.append(("over_lower", f"{year}和平区{clause[:a]}超过{lower}{clause[b:]}。", "supported"))
            out.append(("under_lower", f"{year}和平区{clause[:a]}不到{lower}{clause[b:]}。", "contradicted"))
        if not decimals and value < 100000:
            spelled = cn2an.an2cn(digits.group())
            out.append(("chinese_numeral", f"{year}和平区{clause[:a]}{spelled}{clause[b:]}。", "supported"))
        out.append(("other_district", f"{year}{OTHER_DISTRICT}{clause}。", "not_found"))
        out.append(("unreported_year", f"{UNREPORTED_YEAR}和平区{clause}。", "not_found"))
        # 前年 / 明年 from the report's present (2021): 2019 and 2022, years it does not report on.
        relative_outside = "前年" if year.startswith("2020") else "明年要"
        if not YEAR.search(clause):
            out.append(("relative_unreported_year", f"{relative_outside}和平区{clause}。", "not_found"))
        out.append(("abroad", f"{ABROAD}{year}{clause}。", "not_found"))
    return out


def _joined(clause: str, other: str, year: str) -> list[tuple[str, str, str]]:
    """A clause joined by 并且 to a clause of another passage (supported), and to that clause with its one
    figure changed (contradicted)."""
    out = [("joined", f"{year}和平区{clause},并且{other}。", "supported")]
    figure = one_figure(other)
    if figure and (digits := DIGITS.search(figure.text)):
        a, b = figure.start + digits.start(), figure.start + digits.end()
        value = float(digits.group())
        decimals = len(digits.group().split(".")[1]) if "." in digits.group() else 0
        changed = f"{value * 1.5 if value < 50 else value * 0.6:.{decimals}f}"
        out.append(("joined_changed", f"{year}和平区{clause},并且{other[:a]}{changed}{other[b:]}。", "contradicted"))
    return out


def _figures_moved(clause: str, year: str, other_text: str) -> list[tuple[str, str, str]]:
    """The year-swapped and second-figure-changed claims of one clause (see the module docstring)."""
    out = []
    figures = [q for q in extract_quantities(clause) if not q.is_year]
    if other_text and len(figures) == 1 and not YEAR.search(clause):
        if figures[0].text not in other_text and clause[:4] not in other_text:
            other = "2021年要" if year.startswith("2020") else "2020年已经"
            out.append(("year_swapped", f"{other}{clause}。", "contradicted"))
    if len(figures) == 2 and not figures[1].approx and (digits := DIGITS.search(figures[1].text)):
        a, b = figures[1].start + digits.start(), figures[1].start + digits.end()
        value = float(digits.group())
        decimals = len(digits.group().split(".")[1]) if "." in digits.group() else 0
        changed = f"{value * 1.5 if value < 50 else value * 0.6:.{decimals}f}"
        out.append(("second_changed", f"{year}和平区{clause[:a]}{changed}{clause[b:]}。", "contradicted"))
    return out


def questions_of(passage: Passage, year: str) -> list[tuple[str, str, bool]]:
    """(kind, question, answerable) for the figure clauses of one passage."""
    out = []
    for clause in clauses(passage, shortest=4, longest=200):
        figure = one_figure(clause)
        if figure is None:
            continue
        before = LINK_BEFORE_FIGURE.sub("", clause[: figure.start])
        unit = re.sub(r"[余多以上内左右]+$", "", re.sub(r"^[\d.]+[万亿千百]*", "", figure.text))
        # A figure written in Chinese numerals or counting years is mostly part of a name (三年行动).
        if not 4 <= len(before) <= 16 or re.search(r"[“”《》]", before) or unit in ("", "%") or unit in TIME_UNITS:
            continue
        if re.search(r"[一二两三四五六七八九十]", unit):
            continue
        sentence = next((x for x in SENTENCE.split(passage.text) if clause in x), clause)
        if not RATE_WORDS.search(sentence):
            # The sentence gives the figure as a level only: its rate of change is not given.
            out.append(("rate_of_level", f"和平区{year}{before}比上年增长了百分之几?", False))
        out += [
            ("figure_asked", f"和平区{year}{before}多少{unit}?", True),
            ("other_year", f"和平区2018年{before}多少{unit}?", False),
            ("other_district", f"{OTHER_DISTRICT}{year.replace('计划', '')}{before}多少{unit}?", False),
            ("abroad", f"{ABROAD}{year.replace('计划', '')}{before}多少{unit}?", False),
            # The report gives no figure by street and no day for its figures.
            ("by_street", f"和平区{year}{before}每个街道分别多少{unit}?", False),
            ("day_asked", f"和平区{year}{before}是几月几号完成的?", False),
            # A yearly report that names no stretch of a year gives no figure for one.
            ("half_year", f"和平区{year.replace('计划', '')}上半年{before}多少{unit}?", False),
            ("quarter", f"和平区{year.replace('计划', '')}第三季度{before}多少{unit}?", False),
        ]
    return out


def name_questions(name: str) -> list[tuple[str, str]]:
    """(kind, question) asking of a name the report coins what the report never gives: who heads it (it
    names no one), the day it began or its address, quoted or not (declined)."""
    return [
        ("person", f"“{name}”的负责人叫什么名字?"),
        ("name_day", f"“{name}”具体是哪一天启动的?"),
        ("name_day_unquoted", f"{name}是几月几号搞的?"),
        ("name_address", f"“{name}”的办公地址在哪里?"),
    ]


def counted_claims(passage: Passage, year: str) -> list[tuple[str, str, str]]:
    """(kind, claim, verdict): each count of a sentence that names examples of two counted sets, said
    with its own examples (supported) and with the other set's (contradicted); and the counts of a
    clause listing two of one unit, each with the second's noun."""
    out = []
    for clause in CLAUSE.split(passage.text):
        figures = [q for q in extract_quantities(clause) if not q.is_year and not q.approx and not q.kind]
        for a, b in zip(figures, figures[1:]):
            noun = counted_noun(clause, b.end)
            lead = clause[: a.start]
            listed = re.fullmatch(r"[\u4e00-\u9fff“”]{2,14}、", clause[a.end : b.start])
            if listed and noun and a.unit == b.unit and a.value != b.value and "等" not in lead and "分别" not in clause:
                out.append(("count_kept", f"{year}和平区{lead}{b.text}{noun}。", "supported"))
                out.append(("count_moved", f"{year}和平区{lead}{a.text}{noun}。", "contradicted"))
    for sentence in SENTENCE.split(passage.text):
        sets, previous = [], 0
        for q in extract_quantities(sentence):
            examples, previous = named_examples(sentence[previous : q.start]), q.end
            counted = counted_noun(sentence, q.end)
            if sets and examples and sets[-1][1].endswith(examples[0]):  # the count before's noun (32家人力资源企业、…)
                examples = examples[1:]
            if examples and counted and not q.is_year:
                sets.append((examples, f"{q.text}{counted}"))
        for (own, count), (other, _) in zip(sets, sets[1:] + sets[:1]):
            if len(sets) > 1 and not set(own) & set(other):
                out.append(("examples_kept", f"{year}和平区{'、'.join(own)}等{count}。", "supported"))
                out.append(("examples_swapped", f"{year}和平区{'、'.join(other)}等{count}。", "contradicted"))
    return out


def set_claims(passages: list[Passage]) -> list[tuple[str, str, str]]:
    """(kind, claim, verdict): each set the report lists whole before its count, with its own members and
    with another such set's members (see the module docstring)."""
    sets = []
    for passage in passages:
        year = {Part.REVIEW: "2020年", Part.PLAN: "2021年计划"}.get(passage.part_kind)
        for clause in CLAUSE.split(passage.text) if year else []:
            for q in extract_quantities(clause):
                members = listed_members(clause[: q.start])
                noun = counted_noun(clause, q.end)
                if noun and len(members) == q.value and not q.is_year and "等" not in clause[: q.start]:
                    sets.append((year, members, f"{q.text}{noun}"))
    out = []
    for year, members, count in sets:
        out.append(("set_kept", f"{year}和平区{'、'.join(members)}这{count}。", "supported"))
        other = next((m for _, m, c in sets if len(m) == len(members) and not set(m) & set(members) and c != count), None)
        if other:
            out.append(("set_swapped", f"{year}和平区{'、'.join(other)}这{count}。", "contradicted"))
    return out


def tally(right: dict[str, list[int]], misses: list[str], name: str, text: str, good: bool, said=None) -> None:
    """Count one item, and keep it as a miss when it is wrong."""
    right[name][0] += good
    right[name][1] += 1
    if not good:
        misses.append(f"{name}: {text}" + (f" -> {said}" if said is not None else ""))


def check_claims(checker: FactChecker, made: list[tuple[str, str, str]], right: dict[str, list[int]], misses: list[str]) -> None:
    """Check each (kind, claim, verdict) made and count it."""
    for kind, claim, verdict in made:
        said = checker.check(claim).verdict
        tally(right, misses, f"claim {kind}", claim, said == verdict, said)


def main() -> None:
    index = open_index(ROOT / "index", ROOT / "corpus", None, rebuild=False, log=lambda *a: None)
    searcher = Searcher(index)
    checker = FactChecker(searcher)
    part_texts = {part: "".join(p.text for p in index.passages if p.part_kind == part) for part in (Part.REVIEW, Part.PLAN)}
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    check_claims(checker, set_claims(index.passages), right, misses)
    for passage_no, passage in enumerate(index.passages):
        if passage.part_kind == Part.NOTES and passage.note_term:
            term = passage.note_term.strip("“”")
            for question in (f"“{term}”是什么意思?", f"{term}指的是什么?"):
                tally(right, misses, "question definition", question, searcher.ask(question).answerable)
        if passage.part_kind not in (Part.REVIEW, Part.PLAN):
            continue
        for name in QUOTED_NAME.findall(passage.text):
            for kind, question in name_questions(name):
                tally(right, misses, f"question {kind}", question, not searcher.ask(question).answerable)
        year, relative = ("2020年", "去年") if passage.part_kind == Part.REVIEW else ("2021年计划", "今年计划")
        other = part_texts[Part.PLAN if passage.part_kind == Part.REVIEW else Part.REVIEW]
        following = next((p for p in index.passages[passage_no + 1 :] if p.part_kind == passage.part_kind), None)
        check_claims(checker, claims_of(passage, year, relative, other, following) + counted_claims(passage, year), right, misses)
        for kind, question, answerable in questions_of(passage, year):
            tally(right, misses, f"question {kind}", question, searcher.ask(question).answerable == answerable)
    for name, (good, total) in sorted(right.items()):
        print(f"{name:28s} {good}/{total}")
    print("\n".join(misses))


if __name__ == "__main__":
    main()

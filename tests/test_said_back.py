"""The report's own clauses, said back as claims, with the verdict known by construction: every one as
it stands or joined by 并且 to a clause of another passage is supported, every one with a figure changed
(its own or the joined clause's), a result of it denied, a project it starts said finished or its year
swapped is contradicted (``scripts/synthetic_checks.py`` runs these and more kinds)."""

from __future__ import annotations

import importlib.util

import pytest
from conftest import ROOT

spec = importlib.util.spec_from_file_location("synthetic_checks", ROOT / "scripts" / "synthetic_checks.py")
synthetic = importlib.util.module_from_spec(spec)
spec.loader.exec_module(synthetic)

KINDS = (
    "verbatim",
    "changed",
    "second_changed",
    "over_lower",
    "under_lower",
    "other_district",
    "abroad",
    "modifiers_dropped",
    "negated",
    "stage_turned",
    "year_swapped",
    "joined",
    "joined_changed",
    "unreported_year",
    "relative_unreported_year",
)


@pytest.mark.slow
def test_every_clause_of_the_report_said_back_gets_its_verdict(checker):
    from qa.documents.parts import Part

    wrong, checked = [], 0
    passages = checker.searcher.index.passages
    texts = {part: "".join(p.text for p in passages if p.part_kind == part) for part in (Part.REVIEW, Part.PLAN)}
    for n, passage in enumerate(passages):
        if passage.part_kind not in (Part.REVIEW, Part.PLAN):
            continue
        year, relative = ("2020年", "去年") if passage.part_kind == Part.REVIEW else ("2021年计划", "今年计划")
        other = texts[Part.PLAN if passage.part_kind == Part.REVIEW else Part.REVIEW]
        following = next((p for p in passages[n + 1 :] if p.part_kind == passage.part_kind), None)
        for kind, claim, verdict in synthetic.claims_of(passage, year, relative, other, following):
            if kind in KINDS and (kind != "verbatim" or synthetic.one_figure(claim)):
                checked += 1
                said = checker.check(claim).verdict
                if said != verdict:
                    wrong.append((kind, claim, said))
    assert checked > 400 and wrong == []


@pytest.mark.slow
def test_a_count_said_of_what_another_count_counts_is_contradicted(checker):
    from qa.documents.parts import Part

    years = {Part.REVIEW: "2020年", Part.PLAN: "2021年计划"}
    made = [
        (claim, verdict)
        for passage in checker.searcher.index.passages
        if passage.part_kind in years
        for _, claim, verdict in synthetic.counted_claims(passage, years[passage.part_kind])
    ]
    made += [(claim, verdict) for _, claim, verdict in synthetic.set_claims(checker.searcher.index.passages)]
    assert len(made) >= 25
    assert [(claim, checker.check(claim).verdict) for claim, _ in made] == made


@pytest.mark.slow
def test_every_figure_of_the_report_asked_for_is_answered_and_other_years_places_streets_days_rates_are_not(searcher):
    from qa.documents.parts import Part

    wrong, asked = [], 0
    for passage in searcher.index.passages:
        if passage.part_kind not in (Part.REVIEW, Part.PLAN):
            continue
        year = "2020年" if passage.part_kind == Part.REVIEW else "2021年计划"
        for kind, question, answerable in synthetic.questions_of(passage, year):
            asked += 1
            if searcher.ask(question).answerable != answerable:
                wrong.append((kind, question))
    assert asked > 150 and wrong == []


@pytest.mark.slow
def test_who_heads_a_name_the_report_coins_when_it_began_and_where_it_is_are_not_answered(searcher):
    # The report names no one, and gives no day or address for its names: a passage holding some date
    # or road about another thing does not answer, and a name asked unquoted is still a question.
    from qa.documents.parts import Part

    names = {
        name
        for passage in searcher.index.passages
        if passage.part_kind in (Part.REVIEW, Part.PLAN)
        for name in synthetic.QUOTED_NAME.findall(passage.text)
    }
    asked = [question for name in sorted(names) for _, question in synthetic.name_questions(name)]
    answered = [question for question in asked if searcher.ask(question).answerable]
    assert len(asked) > 400 and answered == []

"""The evaluation files are well formed: evidence is quoted exactly from the report, ids are unique,
every record has a split and each file has both halves. Needs no index and no project imports."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
REPORT = ROOT / "corpus" / "heping-2021-plan-report.txt"

QUESTION_FILES = ["dev.jsonl", "questions-extra.jsonl", "questions-more.jsonl", "questions-fresh.jsonl",
                  "questions-fresh2.jsonl", "questions-fresh3.jsonl", "questions-fresh4.jsonl", "questions-fresh5.jsonl",
                  "questions-fresh6.jsonl", "questions-fresh7.jsonl", "questions-fresh8.jsonl", "questions-fresh9.jsonl",
                  "questions-fresh10.jsonl", "questions-fresh11.jsonl", "questions-fresh12.jsonl"]
CLAIM_FILES = ["claims-dev.jsonl", "claims-extra.jsonl", "claims-hard.jsonl", "claims-more.jsonl", "claims-fresh.jsonl",
               "claims-fresh2.jsonl", "claims-fresh3.jsonl", "claims-fresh4.jsonl", "claims-fresh5.jsonl",
               "claims-fresh6.jsonl", "claims-fresh7.jsonl", "claims-fresh8.jsonl", "claims-fresh9.jsonl",
               "claims-fresh10.jsonl", "claims-fresh11.jsonl", "claims-fresh12.jsonl"]
FILES = QUESTION_FILES + CLAIM_FILES
VERDICTS = {"supported", "contradicted", "not_found"}
CLASSES = {
    "measure_absent", "rate_vs_level", "target_absent", "year_scope", "other_place",
    "person_date_address", "granularity", "offtopic_zh", "offtopic_en",
}


def read(name: str) -> list[dict]:
    with open(EVAL / name, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def report() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FILES)
def test_evidence_is_quoted_exactly(name, report):
    missing = [(r["id"], e) for r in read(name) for e in r.get("evidence") or [] if e not in report]
    assert not missing


def test_ids_unique_across_files():
    ids = [r["id"] for name in FILES for r in read(name)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", FILES)
def test_every_record_has_a_split_and_both_halves_exist(name):
    splits = [r.get("split") for r in read(name)]
    assert set(splits) == {"tune", "test"}


@pytest.mark.parametrize("name", FILES)
def test_split_is_the_last_key(name):
    assert all(list(r)[-1] == "split" for r in read(name))


@pytest.mark.parametrize("name", QUESTION_FILES)
def test_questions(name):
    for r in read(name):
        assert r["question"].strip() and r["evidence"], r["id"]
        if r["type"] == "unanswerable":
            assert r["part"] == "none", r["id"]
            assert not r["answer"], r["id"]
        else:
            assert r["part"] in {"2020", "2021", "notes"}, r["id"]
            assert r["answer"], r["id"]


def test_unanswerable_extra_questions_have_a_class():
    unanswerable = [r for r in read("questions-extra.jsonl") if r["type"] == "unanswerable"]
    assert len(unanswerable) >= 70
    assert {r.get("class") for r in unanswerable} == CLASSES


def test_unanswerable_more_questions_cover_every_class_and_wording_traps():
    unanswerable = [r for r in read("questions-more.jsonl") if r["type"] == "unanswerable"]
    assert len(unanswerable) >= 60
    assert {r.get("class") for r in unanswerable} == CLASSES | {"wording_trap"}
    assert all(r.get("note") for r in unanswerable)


def test_fresh_questions_have_six_unanswerable_per_class_and_sixty_answerable():
    records = read("questions-fresh.jsonl")
    unanswerable = [r for r in records if r["type"] == "unanswerable"]
    classes = CLASSES | {"wording_trap"}
    assert {c: sum(r.get("class") == c for r in unanswerable) for c in classes} == dict.fromkeys(classes, 6)
    assert all(r.get("note") and 1 <= len(r["evidence"]) <= 2 for r in unanswerable)
    assert len(records) - len(unanswerable) == 60


@pytest.mark.parametrize("name", ["questions-fresh2.jsonl", "questions-fresh3.jsonl", "questions-fresh4.jsonl",
                                  "questions-fresh5.jsonl", "questions-fresh6.jsonl",
                                  "questions-fresh7.jsonl", "questions-fresh8.jsonl",
                                  "questions-fresh9.jsonl", "questions-fresh10.jsonl",
                                  "questions-fresh11.jsonl", "questions-fresh12.jsonl"])
def test_second_and_third_fresh_questions_have_six_unanswerable_per_class_and_the_answerable_mix(name):
    records = read(name)
    unanswerable = [r for r in records if r["type"] == "unanswerable"]
    classes = CLASSES | {"wording_trap"}
    assert {c: sum(r.get("class") == c for r in unanswerable) for c in classes} == dict.fromkeys(classes, 6)
    assert all(r.get("note") and 1 <= len(r["evidence"]) <= 2 for r in unanswerable)
    answerable = Counter(r["type"] for r in records if r["type"] != "unanswerable")
    assert answerable == {"colloquial": 34, "fact": 6, "target": 6, "english": 6, "traditional": 4, "definition": 4}


@pytest.mark.parametrize("name", CLAIM_FILES)
def test_claims(name):
    for r in read(name):
        assert r["claim"].strip(), r["id"]
        assert r["verdict"] in VERDICTS, r["id"]
        if r["verdict"] != "not_found":
            assert r["evidence"], r["id"]


def test_more_claims_explain_their_verdicts():
    claims = read("claims-more.jsonl")
    assert len(claims) >= 80
    assert all(r["report_says"].strip() for r in claims)
    assert all(not r["evidence"] for r in claims if r["kind"] == "absent")
    assert {r["verdict"] for r in claims} == VERDICTS


def test_fresh_claims_explain_their_verdicts():
    claims = read("claims-fresh.jsonl")
    assert len(claims) >= 60
    assert all(r["report_says"].strip() for r in claims)
    assert all(not r["evidence"] and r["verdict"] == "not_found" for r in claims if r["kind"] == "absent")
    assert {r["verdict"] for r in claims} == VERDICTS


@pytest.mark.parametrize("name", ["claims-fresh2.jsonl", "claims-fresh3.jsonl", "claims-fresh4.jsonl"])
def test_second_and_third_fresh_claims_have_the_planned_kinds_and_verdicts(name):
    claims = read(name)
    kinds = Counter(r["kind"] for r in claims)
    assert kinds == {"quantifier": 15, "paraphrase": 15, "entity": 12, "number": 6, "year_swap": 4, "absent": 8}
    assert all(r["report_says"].strip() for r in claims)
    assert all(not r["evidence"] and r["verdict"] == "not_found" for r in claims if r["kind"] == "absent")
    assert all(r["verdict"] == "contradicted" for r in claims if r["kind"] == "year_swap")
    verdicts = Counter(r["verdict"] for r in claims)
    assert min(verdicts["supported"], verdicts["contradicted"]) >= 20 and verdicts["not_found"] >= 10


@pytest.mark.parametrize("name", ["claims-fresh5.jsonl", "claims-fresh6.jsonl", "claims-fresh7.jsonl",
                                  "claims-fresh8.jsonl", "claims-fresh9.jsonl", "claims-fresh10.jsonl",
                                  "claims-fresh11.jsonl", "claims-fresh12.jsonl"])
def test_fifth_fresh_claims_have_the_planned_kinds_and_verdicts(name):
    claims = read(name)
    kinds = Counter(r["kind"] for r in claims)
    assert kinds == {"paraphrase": 18, "entity": 14, "quantifier": 10, "absent": 8, "number": 6, "year_swap": 4}
    assert all(r["report_says"].strip() for r in claims)
    assert all(not r["evidence"] and r["verdict"] == "not_found" for r in claims if r["kind"] == "absent")
    assert all(r["verdict"] == "contradicted" for r in claims if r["kind"] == "year_swap")
    assert Counter(r["verdict"] for r in claims) == {"supported": 24, "contradicted": 25, "not_found": 11}

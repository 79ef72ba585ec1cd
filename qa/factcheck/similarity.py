"""Whether two verbs name one action, by the embedding model's similarity of the two words alone.

Cilin's synonym sets and a shared morpheme (qa.factcheck.wording) miss many pairs reports use for one
action (建设 / 打造, 落实 / 执行, 提升 / 提高). Measured with the default model (multilingual-e5-small,
cosine of the two words with the query prompt) on 22 verb pairs written for this purpose
(docs/factcheck.md): 12 pairs naming one action score 0.87–0.96, 10 naming different steps
(申报 / 获批, 推荐 / 收录, 培育 / 认定, 签约 / 落地, 启动 / 完成, 招商 / 签约) 0.87–0.915. From
:data:`VERB_SIMILARITY` up every pair names one action; below it both kinds occur, and there the
verbs are taken to differ. The figure holds for that model only: with another model the
similarity is not used. It only lets a verb said otherwise count towards a sentence's coverage
(qa.factcheck.paraphrase): on new claims rewordings scored 0.86-0.92 too (引进 / 纳入 0.89), so no
contradiction rests on it (docs/factcheck.md, "Verbs in one slot").
"""

from __future__ import annotations

from functools import lru_cache

from qa.index.embedding import DEFAULT_MODEL_NAME, Embedder

__all__ = ["RESTATEMENT_SIMILARITY", "VERB_SIMILARITY", "restates_alike", "verbs_alike"]

VERB_SIMILARITY = 0.92


def verbs_alike(embedder: Embedder):
    """A test ``alike(a, b)`` (two verbs name one action) for the default model, else None."""
    alike = _alike_from(embedder, VERB_SIMILARITY)
    return lru_cache(maxsize=4096)(alike) if alike else None


def _alike_from(embedder: Embedder, threshold: float):
    """A test ``alike(a, b)``: the default model's cosine of the two texts (query prompt) reaches
    ``threshold``; None with another model, for which the figure was not measured."""
    if embedder.model_id != DEFAULT_MODEL_NAME:
        return None

    def alike(a: str, b: str) -> bool:
        first, second = embedder.encode_queries([a, b])
        return float(first @ second) >= threshold

    return alike


# A claim and the report stretch holding half or more of its content that the model reads as saying the
# same (cosine of the two, query prompt). On the tune halves of the claim files the paraphrased
# supported claims score 0.934-0.952 against their stretch; the claims about something the report does
# not do score up to 0.905 against the nearest stretch, and one contradicted claim 0.929. Tune accuracy is
# flat from 0.90 to 0.93 and falls above; the highest value of that plateau is taken, the one that calls
# the fewest claims supported (docs/factcheck.md, "Fifth round").
RESTATEMENT_SIMILARITY = 0.93


def restates_alike(embedder: Embedder):
    """A test ``alike(claim, stretch)`` (the stretch says what the claim says, in other words) for the
    default model, else None."""
    return _alike_from(embedder, RESTATEMENT_SIMILARITY)

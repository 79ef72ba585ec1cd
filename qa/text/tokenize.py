"""Chinese-aware tokenisation for the lexical index: character unigrams and bigrams plus words.

Character bigrams match reliably whatever the segmenter does with a rare or new term; jieba's
words add weight when whole words agree. Latin words and figures stay whole tokens.
"""

from __future__ import annotations

import marshal
import os
import re
import tempfile
from functools import lru_cache

import jieba
import jieba.posseg

jieba.setLogLevel(60)

CJK = re.compile(r"[\u3400-\u9fff]+")
LATIN_OR_FIGURE = re.compile(r"[a-z]+[0-9]*|[0-9]+(?:\.[0-9]+)?%?")
# Function characters that carry little on their own; they still take part in bigrams.
STOP_UNIGRAMS = frozenset("的了和与及在是为对将把被等之其也而或并于以个年中")


@lru_cache(maxsize=1)
def _segmenter() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


class _CachedTagger(jieba.posseg.POSTokenizer):
    """jieba's tagger, whose word → tag table comes from a marshal cache beside jieba's own.

    jieba caches its word frequencies but rereads all 349k lines of the dictionary for the tags
    each time a process starts (about a second); the cache makes that a tenth of it.
    """

    def load_word_tag(self, f):
        cache = os.path.join(self.tokenizer.tmp_dir or tempfile.gettempdir(), f"jieba.tags.{jieba.__version__}.cache")
        try:
            with open(cache, "rb") as stream:
                self.word_tag_tab = marshal.load(stream)
            return
        except (OSError, EOFError, ValueError, TypeError):
            pass
        super().load_word_tag(f)
        handle, staging = tempfile.mkstemp(prefix="jieba.tags.", dir=os.path.dirname(cache))
        with os.fdopen(handle, "wb") as stream:
            marshal.dump(self.word_tag_tab, stream)
        os.replace(staging, cache)  # whole or absent, even with several processes starting at once


@lru_cache(maxsize=1)
def _tagger() -> jieba.posseg.POSTokenizer:
    return _CachedTagger(_segmenter())


@lru_cache(maxsize=4096)
def pos_tags(text: str) -> tuple[tuple[str, str], ...]:
    """jieba words with their part-of-speech flags (one dictionary, shared with ``word_tokens``)."""
    return tuple((pair.word, pair.flag) for pair in _tagger().cut(text))


# jieba's tags for fixed expressions (超额完成, 全力以赴) and idioms: one token for words of their own.
PHRASE_TAGS = ("l", "i")


@lru_cache(maxsize=4096)
def fine_pos_tags(text: str) -> tuple[tuple[str, str], ...]:
    """:func:`pos_tags`, with a fixed expression made of dictionary words (超额完成 → 超额 / 完成) read as
    those words: what it says is in them (完成 is the verb of 超额完成)."""
    out: list[tuple[str, str]] = []
    for word, flag in pos_tags(text):
        parts = [p for p in _segmenter().cut_for_search(word) if p != word] if flag in PHRASE_TAGS else []
        if not parts or "".join(parts) != word:
            out.append((word, flag))
            continue
        for part in parts:
            tagged = pos_tags(part)
            out.append(tagged[0] if len(tagged) == 1 else (part, flag))
    return tuple(out)


def char_tokens(text: str) -> list[str]:
    """Unigrams (less function characters) and bigrams of each run of CJK characters."""
    tokens: list[str] = []
    for run in CJK.findall(text):
        tokens.extend(ch for ch in run if ch not in STOP_UNIGRAMS)
        tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return tokens


def word_tokens(text: str) -> list[str]:
    """jieba search-mode words of two or more CJK characters, prefixed to keep them apart from bigrams."""
    return [
        "w:" + word
        for word in _segmenter().cut_for_search(text)
        if len(word) > 2 and CJK.fullmatch(word)
    ]


def latin_tokens(text: str) -> list[str]:
    """Latin words and figures (3.1, 11%, 5g) as whole tokens."""
    return LATIN_OR_FIGURE.findall(text)


def tokenize(text: str, words: bool = True) -> list[str]:
    """All lexical tokens of already-normalised text."""
    tokens = char_tokens(text) + latin_tokens(text)
    if words:
        tokens += word_tokens(text)
    return tokens

"""Administrative places named in Chinese text (河西区, 天津市, 静海区): the one place-name reader.

The no-answer check and the fact checker both ask whether a question or a claim is about a place other
than the ones a report covers; both read it with :func:`administrative_places` (a gazetteer). The
segmenter-based :func:`places` reads the place a document's own title names.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from qa.errors import PlaceDataError
from qa.text.tokenize import pos_tags

LEADING_TIME = re.compile(r"^(?:[0-9]{4}年度?|去年|今年|明年|截至|截止|[,，、 ])*")
LEADING_PLACE = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:新区|区|县)")


def places(text: str) -> list[str]:
    """Administrative places (…区, …县, …市, …省) named in ``text``, in order.

    Proper names the segmenter recognises, a place name followed by 区/县/市/省, and a name ending
    in 区/县 that opens the sentence (静海区新增…), where the actor of a statement stands.
    """
    words = pos_tags(text)
    found = []
    for k, (word, flag) in enumerate(words):
        if flag in ("ns", "nt", "nr", "nz") and len(word) >= 2 and word[-1] in "区县市省":
            found.append(word)
        elif flag == "ns" and k + 1 < len(words) and words[k + 1][0] in ("区", "县", "市", "省", "新区"):
            found.append(word + words[k + 1][0])
    lead = LEADING_PLACE.match(text, LEADING_TIME.match(text).end())
    # A leading guess that only adds a character to a place the segmenter found (住和平区, 对和平区)
    # is that place with a verb or preposition before it.
    if lead and not any(lead.group().endswith(place) and lead.group() != place for place in found):
        found.insert(0, lead.group())
    return list(dict.fromkeys(found))


# --------------------------------------------------------------- the gazetteer

# China's administrative divisions (provinces, prefectures, counties and districts, 3,500 names with
# their suffixes) as the ``cpca`` package ships them. Only its data file is read: the package's own
# import needs ``pkg_resources``, which current setuptools no longer provides.
GAZETTEER_PACKAGE = "cpca"
GAZETTEER_FILE = ("resources", "adcodes.csv")
ADMIN_SUFFIX = re.compile(r"(?:特别行政区|自治区|自治州|自治县|自治旗|新区|地区|林区|特区|省|市|区|县|州|盟|旗)$")
# The state-level new areas (国家级新区, 19 by the State Council's list) are places of their own, but no
# administrative division, so the gazetteer lacks those that are not also a district (浦东新区 and 滨海新区
# are); a report may name one it serves (服务雄安新区建设) without reporting on it.
STATE_NEW_AREAS = frozenset(
    "两江新区 舟山群岛新区 兰州新区 南沙新区 西咸新区 贵安新区 西海岸新区 金普新区 天府新区 湘江新区 江北新区 "
    "福州新区 滇中新区 哈尔滨新区 长春新区 赣江新区 雄安新区".split()
)
# A short name (北京 for 北京市) is read only for a province or a prefecture, and only when no street
# word follows it: 河北路 and 南京路 are streets inside a district, not the province or the city.
STREET_AFTER = re.compile(r"[路街道里巷桥站港湾口]")
NUMERALS = frozenset("0123456789〇零一二三四五六七八九十百千万亿两几半")
# Characters that follow a numeral as its counter or magnitude and also begin place names (成都, 万州, 百色).
COUNTERS = frozenset("成万千百亿倍个次年")


@lru_cache(maxsize=1)
def _divisions() -> tuple[tuple[str, bool], ...]:
    """(name, whether a province or a prefecture) for every division of the gazetteer."""
    spec = importlib.util.find_spec(GAZETTEER_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise PlaceDataError(f"缺少地名库:请安装 {GAZETTEER_PACKAGE}(pip install {GAZETTEER_PACKAGE})")
    path = Path(next(iter(spec.submodule_search_locations)), *GAZETTEER_FILE)
    try:
        rows = list(csv.DictReader(path.read_text("utf-8").splitlines()))
        return tuple((row["name"], row["adcode"][4:] == "0" * (len(row["adcode"]) - 4)) for row in rows)
    except (OSError, KeyError, csv.Error) as exc:
        raise PlaceDataError(f"无法读取地名库 {path}({type(exc).__name__})") from exc


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(full names, short names of provinces and prefectures) as two alternations, longest first."""
    divisions = _divisions()
    full = {name for name, _ in divisions if len(name) >= 2} | STATE_NEW_AREAS
    short = {ADMIN_SUFFIX.sub("", name) for name, upper in divisions if upper}
    short = {name for name in short if len(name) >= 2} - full

    def alternation(names: set[str]) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))

    return alternation(full), alternation(short)


def administrative_places(text: str) -> list[str]:
    """Administrative divisions of China that ``text`` names (南开区, 北京市, 北京, 会宁县), in order.

    Read against a gazetteer, so a phrase that only looks like a district (疫情下区, 旧楼区) is
    not one; a short name counts only for a province or prefecture and not before a street word.
    """
    full, short = _gazetteer()
    # A name whose first character a numeral before it takes as its counter is no name (八成都不到).
    found = [(m.start(), m.group()) for m in full.finditer(text) if not _after_numeral(text, m.start())]
    taken = {i for start, name in found for i in range(start, start + len(name))}
    for m in short.finditer(text):
        after = text[m.end() : m.end() + 1]
        if m.start() not in taken and not STREET_AFTER.match(after) and not _after_numeral(text, m.start()):
            found.append((m.start(), m.group()))
    return list(dict.fromkeys(name for _, name in sorted(found)))


# Words that say where relative to something else (河里, 国外, 外国, 本地), not a place of their own.
RELATIVE_PLACE = re.compile(r"[里内外上下中边旁]$|^(?:外国|外地|异地|本地|当地|海外|全国|全市|全省|全区)$")


def leading_foreign_place(text: str) -> str:
    """The place ``text`` opens with (after its time words) when it is no administrative division of
    China but a name the segmenter's lexicon files as a place (纽约2020年…, 东京的…), or "". The place a
    question opens with is the one it asks about; a place word further on is as often a thing's name."""
    rest = text[LEADING_TIME.match(text).end() :]
    words = pos_tags(rest)
    if not words:
        return ""
    word, tag = words[0]
    if tag != "ns" or len(word) < 2 or RELATIVE_PLACE.search(word) or administrative_places(word):
        return ""
    return word


def places_named(text: str) -> list[str]:
    """The places a question or a claim names: a place abroad it opens with (纽约2020年…), then the
    administrative divisions of China it names, in Chinese or in English (Xiqing District)."""
    abroad = leading_foreign_place(text)
    return list(dict.fromkeys(([abroad] if abroad else []) + administrative_places(text) + english_places(text)))


# Divisions named in English (Xiqing District, Nankai District, Beijing): the name in pinyin. A county
# or a district is read only with its English suffix, so a word that is also some county's pinyin is
# no place; a province or a prefecture also without one, when its pinyin is a long word (Shenyang).
ENGLISH_SUFFIXES = {
    "new area": ("新区",),
    "district": ("区",),
    "county": ("县", "旗"),
    "city": ("市",),
    "prefecture": ("市", "州", "地区", "盟"),
    "province": ("省", "自治区"),
}
ENGLISH_NAMED = re.compile(rf"\b((?:[a-z]+[ -])?[a-z]+)[ -]({'|'.join(ENGLISH_SUFFIXES)})\b")
LATIN_WORD = re.compile(r"\b[a-z]{5,}\b")


@lru_cache(maxsize=1)
def _pinyin_gazetteer() -> tuple[dict[str, list[str]], dict[str, str]]:
    """(pinyin of a name without its suffix -> the full names, pinyin of a province's or a
    prefecture's short name -> its full name)."""
    by_pinyin: dict[str, list[str]] = {}
    upper: dict[str, str] = {}
    for name, is_upper in _divisions():
        base = ADMIN_SUFFIX.sub("", name)
        if len(base) < 2:
            continue
        key = _pinyin(base)
        by_pinyin.setdefault(key, []).append(name)
        if is_upper:
            upper.setdefault(key, name)
    return by_pinyin, upper


def in_english(name: str) -> str:
    """A division's name as English writes it, lower-cased, without its suffix (和平区 → heping)."""
    return _pinyin(ADMIN_SUFFIX.sub("", name))


def _pinyin(text: str) -> str:
    """``text`` in toneless pinyin, syllables joined (南开 → nankai)."""
    from pypinyin import lazy_pinyin  # only English questions need it: not imported at start-up

    return "".join(lazy_pinyin(text))


def english_places(text: str) -> list[str]:
    """Divisions of China that lower-cased English ``text`` names in pinyin (xiqing district → 西青区,
    shenyang → 沈阳市), in order."""
    if not LATIN_WORD.search(text):
        return []
    text = re.sub(r"(?<=[a-z])['’](?=[a-z]{2})", "", text)  # syllables apart (xi'an, chang'an), not 's
    by_pinyin, upper = _pinyin_gazetteer()
    found = []
    for m in ENGLISH_NAMED.finditer(text):
        words = re.split(r"[ -]", m.group(1))
        for key in ("".join(words[-1:]), "".join(words)):
            names = [n for n in by_pinyin.get(key, ()) if n.endswith(ENGLISH_SUFFIXES[m.group(2)])]
            if names:
                found.append((m.start(), names[0]))
                break
    found += [(m.start(), upper[m.group()]) for m in LATIN_WORD.finditer(text) if m.group() in upper]
    return list(dict.fromkeys(name for _, name in sorted(found)))


def _after_numeral(text: str, at: int) -> bool:
    """The name at ``at`` begins with a counter that the numeral before it takes (八成都: 八成 + 都)."""
    return at > 0 and text[at - 1] in NUMERALS and text[at] in COUNTERS

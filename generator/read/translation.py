"""Checks of the English translation against the Chinese: numbers, terms, coverage.

Used by the tests (a mismatch fails and names the paragraph id) and by the maintainers'
translation status page. The rules are deliberately mechanical: they cannot judge a
translation, but they catch a dropped number, a changed figure or a term rendered two ways.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from pydantic import BaseModel

from ..model import plan as model

# --- numbers -----------------------------------------------------------------------------

_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_MULTIPLIER = {"万": 1e4, "亿": 1e8}
_ARABIC = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)?")
_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}")
_COMPOUND = re.compile(r"[一二三四五六七八九]?十[一二三四五六七八九]?")
# A single numeral counts where it quantifies (三网, 三大, 两部分, 第二); 一 alone is left out:
# it is mostly not a number (统一, 一体化, 进一步, 一批).
_SINGLE = re.compile(r"(第)?([二两三四五六七八九])(?=[\u4e00-\u9fff、])")

_EN_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_EN_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                  "ninety": 90, "hundred": 100, "thousand": 1000, "single": 1, "dual": 2, "double": 2,
                  "triple": 3, "tri": 3, "both": 2})
_EN_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())}
_EN_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion))?", re.I)


# Words whose numeral is not a number in the sentence: 三角洲 (delta), 珠三角 (the Pearl River
# Delta), 八达通 (Octopus, a name), 几十 (dozens), 深港两地 (Shenzhen and Hong Kong: the "two
# places" are named), and the plan period “十五” (the 10th Five-Year Plan, counted below as 10).
_NOT_NUMBERS = re.compile(r"三角洲|珠三角|八达通|几十|深港两地|“十五”")


def chinese_numbers(text: str) -> list[float]:
    """The numbers a Chinese text states, as values (200 万 → 2000000, 二〇一一 → 2011, 第二 → 2)."""
    values: list[float] = [10.0] * text.count("“十五”")
    text = _NOT_NUMBERS.sub(" ", text)
    for number, unit in _ARABIC.findall(text):
        values.append(float(number) * _MULTIPLIER.get(unit, 1))
    rest = _ARABIC.sub(" ", text)
    for m in _YEAR.findall(rest):
        values.append(float("".join(str(_CN_DIGIT[c]) for c in m)))
    rest = _YEAR.sub(" ", rest)
    for m in _COMPOUND.findall(rest):
        tens, _, units = m.partition("十")
        values.append(float((_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[units] if units else 0)))
    rest = _COMPOUND.sub(" ", rest)
    values.extend(float(_CN_DIGIT[m[1]]) for m in _SINGLE.findall(rest))
    return values


def english_numbers(text: str) -> set[float]:
    """Every number an English text states, in digits or words (2 million, second, December)."""
    values: set[float] = set()
    for number, scale in _EN_NUMBER.findall(text):
        value = float(number.replace(",", ""))
        values.add(value)
        if scale:
            values.add(value * _EN_SCALE[scale.lower()])
    for word in re.findall(r"[a-z]+", text.lower()):
        for table in (_EN_WORDS, _EN_ORDINALS, _EN_MONTHS):
            if word in table:
                values.add(float(table[word]))
    return values


def missing_numbers(chinese: str, english: str) -> list[float]:
    found = english_numbers(english)
    return [v for v in chinese_numbers(chinese) if not any(abs(v - f) < 1e-6 * max(1, abs(v)) for f in found)]


# --- terms ----------------------------------------------------------------------------------

def required_terms(chinese: str, terms: list[model.TermEntry]) -> list[model.TermEntry]:
    """Terms that occur in `chinese`, longest first; a term inside a longer one found there is not required."""
    covered: list[tuple[int, int]] = []
    required = []
    for entry in sorted(terms, key=lambda t: len(t.zh), reverse=True):
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(entry.zh), chinese)]
        free = [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b in covered)]
        covered.extend(spans)
        if free:
            required.append(entry)
    return required


def missing_terms(chinese: str, english: str, terms: list[model.TermEntry]) -> list[model.TermEntry]:
    lowered = english.lower()
    return [t for t in required_terms(chinese, terms)
            if not any(r.lower() in lowered for r in (t.en, *t.variants))]


# --- walking the translatable objects ------------------------------------------------------

# `number` is left out: the plan's numbering is structural (一、→ I. is derived, not translated).
_FIELDS = ("title", "lead", "term", "label", "text", "definition", "caption", "addressees", "date",
           "office_header", "plan_title", "issuing_office")


def source_hash(obj: BaseModel) -> str:
    """A short fingerprint of an object's Chinese text: the English records the one it translated."""
    return hashlib.sha1(_own_text(obj, "zh").encode("utf-8")).hexdigest()[:8]


def is_stale(obj: BaseModel) -> bool:
    """The Chinese changed since the English was written (the English records another fingerprint)."""
    en = getattr(obj, "en", None)
    return bool(en and en.source and en.source != source_hash(obj))


@dataclass(frozen=True)
class Unit:
    """One translatable object: its id, where it belongs, its Chinese and its English."""

    id: str
    part: str            # page id: notice, preamble, ch1 … ch5, glossary
    chinese: str
    english: Optional[str]
    status: Optional[str]
    is_paragraph: bool
    stale: bool = False


def _own_text(obj: BaseModel, lang: str) -> str:
    source = obj if lang == "zh" else getattr(obj, "en", None)
    if source is None:
        return ""
    return "\n".join(getattr(source, f) for f in _FIELDS
                      if isinstance(getattr(obj, f, None), str) and getattr(source, f, None))


def objects(plan: model.Plan, editorial: bool = False) -> Iterator[tuple[str, str, BaseModel, bool]]:
    """(page, id, object, is_paragraph) of every translatable object, in document order; with
    `editorial`, also the site's own pages and key terms (translated too, but not the plan)."""
    front = plan.front
    yield "notice", "front", front, False
    yield "notice", front.notice.id, front.notice, False
    for p in [*front.notice.paragraphs, *plan.closing.lines]:
        yield "notice", p.id, p, True
    for p in front.preamble:
        yield "preamble", p.id, p, True
    for chapter in plan.chapters:
        yield chapter.id, chapter.id, chapter, False
        for p in chapter.paragraphs:
            yield chapter.id, p.id, p, True
        for section in chapter.sections:
            yield chapter.id, section.id, section, False
            for p in section.paragraphs:
                yield chapter.id, p.id, p, True
    yield "glossary", plan.glossary.id, plan.glossary, False
    for term in plan.glossary.terms:
        yield "glossary", term.id, term, True
        if term.figure:
            yield "glossary", term.figure.id, term.figure, False
    if editorial:
        for page in plan.editorial:
            yield page.id, page.id, page, False
            for p in page.paragraphs:
                yield page.id, p.id, p, True
        for key in plan.key_terms:
            yield "glossary", key.id, key, True


def units(plan: model.Plan, editorial: bool = False) -> Iterator[Unit]:
    """Every translatable object of the plan, in document order; with `editorial`, also the site's
    own pages and key terms (every unit whose English can go stale: what `make check` counts)."""
    for part, ident, obj, paragraph in objects(plan, editorial):
        en = getattr(obj, "en", None)
        english = _own_text(obj, "en") if en else None
        yield Unit(ident, part, _own_text(obj, "zh"), english or None, en.status if en else None, paragraph,
                   is_stale(obj))


@dataclass(frozen=True)
class Coverage:
    part: str
    units: int
    translated: int
    reviewed: int
    stale: int


def coverage(plan: model.Plan) -> list[Coverage]:
    """Per page: translatable objects, how many have English, how many are reviewed, how many are stale.

    Every translated unit counts, the site's own pages too, so that the status page and `make
    check` give the same number of stale translations.
    """
    rows: dict[str, list[Unit]] = {}
    for u in units(plan, editorial=True):
        rows.setdefault(u.part, []).append(u)
    return [Coverage(part, len(us), sum(u.english is not None for u in us),
                     sum(u.status == "reviewed" for u in us), sum(u.stale for u in us)) for part, us in rows.items()]

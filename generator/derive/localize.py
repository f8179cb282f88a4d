"""The per-edition text picker: which text of an object a reader of one edition sees.

Every stage after this one asks the edition's `Localizer` for text, never the data directly:
the English edition shows the stored English (or the Chinese original, marked as such, where a
translation is missing), the Hong Kong edition converts the Simplified text, the Simplified
edition shows it as stored. `Localized.lang` carries the language of a stand-in original, so a
page can mark it up and label it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Union

from ..model import plan as model
from ..model.languages import Language
from .hongkong.convert import RememberedConverter

Convert = Callable[[str], str]
# a text stored per language: {"zh-Hans": …, "en": …[, "zh-Hant": …]} or an interface string (model.UiText)
Texts = Union[Mapping[str, str], "model.UiText"]


@dataclass(frozen=True)
class Localized:
    """A text in the page's language, or the Chinese original standing in for a translation."""

    text: str
    lang: Optional[str] = None  # set only when the text is not in the page's language

    @property
    def pending(self) -> bool:
        return self.lang is not None

    def __str__(self) -> str:
        return self.text


class Localizer:
    """Picks the text of an object for one language edition."""

    def __init__(self, lang: Language, site: model.Site, convert: Convert = lambda s: s):
        self.lang = lang
        self.site = site
        self.convert = convert

    def pick(self, obj: object, name: str) -> Optional[Localized]:
        """The field `name` of `obj` in this edition's language (None if the object has none)."""
        chinese = getattr(obj, name)
        if not chinese:
            return None
        if self.lang.source == "en":
            english = getattr(getattr(obj, "en", None), name, None)
            if english:
                return Localized(english)
            if name == "number":
                return Localized(english_number(chinese))
            return Localized(chinese, lang="zh-Hans")
        return Localized(self.convert(chinese))

    def text(self, obj: object, name: str) -> str:
        value = self.pick(obj, name)
        return value.text if value else ""

    def source_text(self, texts: Texts) -> str:
        """Of a text stored in several languages, the one this edition is made from, unconverted:
        the English, or the Simplified Chinese."""
        return _by_language(texts)["en" if self.lang.source == "en" else "zh-Hans"] or ""

    def given(self, texts: Texts) -> Optional[str]:
        """The text the data gives for this edition as it is, or None where the Hong Kong edition
        converts the Simplified text: the English, the Simplified text, or a Hong Kong text
        (`zh-Hant`, given with its .gov.hk evidence where Hong Kong writes an interface differently)."""
        by_language = _by_language(texts)
        if self.lang.source == "en":
            return by_language["en"]
        if self.lang.code == "zh-Hant":
            return by_language.get("zh-Hant") or None
        return by_language["zh-Hans"]

    def bilingual(self, texts: Optional[Texts]) -> str:
        """A text of the site's own stored in several languages (interface strings, unit names, notes,
        the downloads' texts) in this edition: `given`, else the Simplified text converted; "" for None."""
        if not texts:
            return ""
        given = self.given(texts)
        return given if given is not None else self.convert(self.source_text(texts))

    def ui(self, key: str) -> str:
        """The interface string `key` of data/site.yaml in this edition (KeyError if it is missing)."""
        return self.bilingual(self.site.ui[key])


def _by_language(texts: Texts) -> Mapping[str, Optional[str]]:
    """{"zh-Hans": …, "en": …, "zh-Hant": … or None} of a mapping or an interface string (model.UiText)."""
    if isinstance(texts, Mapping):
        return texts
    return {"zh-Hans": texts.zh_hans, "en": texts.en, "zh-Hant": texts.zh_hant}


def localizer(lang: Language, plan: model.Plan) -> Localizer:
    """The Hong Kong edition converts the Simplified text; the others show stored text."""
    if lang.code == "zh-Hant":
        return Localizer(lang, plan.site, RememberedConverter(plan))
    return Localizer(lang, plan.site)


_NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九十", start=0)}
_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _chinese_number(s: str) -> int:
    if "十" in s:
        tens, _, units = s.partition("十")
        return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[units] if units else 0)
    return _NUMERALS[s]


def english_number(number: str) -> str:
    """The plan's numbering in English form: 三、→ III.  （二）→ (2)  1. → 1."""
    if m := re.fullmatch(r"([一二三四五六七八九十]+)、", number):
        return f"{_ROMAN[_chinese_number(m.group(1))]}."
    if m := re.fullmatch(r"[（(]([一二三四五六七八九十]+)[)）]", number):
        return f"({_chinese_number(m.group(1))})"
    return number

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
from typing import Callable, Mapping, Optional

from ..model import plan as model
from ..model.languages import Language
from .hongkong.convert import RememberedConverter

Convert = Callable[[str], str]


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

    def source_text(self, texts: Mapping[str, str]) -> str:
        """Of a {"zh-Hans": …, "en": …} mapping, the text this edition is made from, unconverted."""
        return texts["en"] if self.lang.source == "en" else texts["zh-Hans"]

    def bilingual(self, texts: Optional[Mapping[str, str]]) -> str:
        """A {"zh-Hans": …, "en": …} mapping (interface strings, unit names, notes) in this edition.

        The Hong Kong edition converts the Simplified text; "" for a missing mapping.
        """
        if not texts:
            return ""
        text = self.source_text(texts)
        return text if self.lang.source == "en" else self.convert(text)

    def ui(self, key: str) -> str:
        """The interface string `key` of data/site.yaml in this edition (KeyError if it is missing)."""
        return self.bilingual(self.site.ui[key])


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

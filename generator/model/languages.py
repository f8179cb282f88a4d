"""The language editions of the site: URL prefix, `<html lang>`, and the theme's interface."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str        # URL prefix (site/<code>/), key in data/site.yaml `editions`
    html_lang: str   # BCP 47 tag for <html lang>; Material's own "zh" would be ambiguous
    theme: str       # interface partial in generator/website/theme/partials/languages/<theme>.html
    source: str      # whose stored text this edition shows: "zh-Hans" (as is or converted) or "en"


SIMPLIFIED = Language(code="zh-Hans", html_lang="zh-Hans", theme="zh-Hans", source="zh-Hans")
HONG_KONG = Language(code="zh-Hant", html_lang="zh-Hant-HK", theme="zh-Hant-HK", source="zh-Hans")
ENGLISH = Language(code="en", html_lang="en", theme="en", source="en")

LANGUAGES: tuple[Language, ...] = (SIMPLIFIED, HONG_KONG, ENGLISH)

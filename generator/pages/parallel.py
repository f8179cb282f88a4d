"""Addresses and labels of the parallel view (no page building: the one-edition pages use these; generator/render/parallel.py builds the parallel pages).

Parallel pages live at /<first>/parallel/<second>/<page>/ (see generator/render/parallel.py).
"""
from __future__ import annotations


from markupsafe import Markup, escape

from ..model import plan as model
from ..model.languages import LANGUAGES, Language

from ..derive.localize import Localizer

FOLDER = "parallel"

# The pair a page's "side by side" control opens: Simplified with English, English with
# Simplified, and Hong Kong with English (as Hong Kong's own bilingual publications pair them).
DEFAULT_PARTNER = {"zh-Hans": "en", "zh-Hant": "en", "en": "zh-Hans"}


def href(first: str, second: str, page_id: str, depth: int) -> str:
    """The address of a parallel page, relative to a page `depth` folders below the site root."""
    return "../" * depth + f"{first}/{FOLDER}/{second}/{page_id}/"


def link_label(loc: "Localizer", plan: model.Plan, first: Language, second: Language, key: str) -> Markup:
    """"Side by side: 简体中文 | English", each edition's name marked with its own language."""
    names = {lang.code: Markup('<span lang="{}">{}</span>').format(lang.html_lang, plan.site.editions[lang.code].name)
             for lang in (first, second)}
    text = escape(loc.ui(key))
    return Markup(text.replace("{first}", names[first.code]).replace("{second}", names[second.code]))


def plan_pages(plan: model.Plan) -> list[str]:
    """The ids of the plan's own pages, in reading order: notice, preamble, chapters, appendix."""
    own = {plan.front.notice.id, "preamble", *(c.id for c in plan.chapters), plan.glossary.id}
    return [i for i in plan.site.contents if i in own]


def switch(first: str, second: str, to: str) -> tuple[str, str]:
    """The pair the language switcher leads to: `to` becomes the first edition (swapping if needed)."""
    if to == first:
        return first, second
    if to == second:
        return second, first
    return to, second


def partner(code: str) -> Language:
    """The edition paired with `code` by the "side by side" control (DEFAULT_PARTNER)."""
    return next(lang for lang in LANGUAGES if lang.code == DEFAULT_PARTNER[code])


def control(loc: Localizer, plan: model.Plan, page_id: str, depth: int = 1) -> dict:
    """The "side by side" control of a one-edition page: its address and its label (Markup).

    `depth`: how many folders the page is below its edition's root (1 for /zh-Hans/ch4/, 0 for
    the edition's home page).
    """
    second = partner(loc.lang.code)
    return {"href": "../" * depth + f"{FOLDER}/{second.code}/{page_id}/",
            "label": link_label(loc, plan, loc.lang, second, "parallel_link")}

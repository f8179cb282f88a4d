"""One edition's page views → one HTML document laid out for paper (the input of WeasyPrint).

The PDF is made from the same page views as the site (generator/pages/), never from the
built site: the same text, numbering and glossary links, in the same order. Only the parts of
the plan go in (notice, preamble, chapters, the appendix of terms, the record of issue);
the site's own pages (progress, translation notes) do not, and neither do the editorial key
terms, which are not part of the plan. Glossary links point inside the PDF.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from jinja2 import Environment

from ...model import plan as model
from ..markdown import UiStrings, template_environment
from ...derive.localize import Localizer
from ...derive.numbers import written_date
from ...pages.views import PageView

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = Path(__file__).parent / "plan.css"

# The template (by name) of each page of the plan that the PDF carries.
PLAN_TEMPLATES = ("notice.md.j2", "preamble.md.j2", "chapter.md.j2", "glossary.md.j2")

# Fonts per edition: Debian's Noto CJK (fonts-noto-cjk), in the regional form of the edition's
# script; its Latin letters serve the English text too, so one font package covers every edition.
FONTS = {"zh-Hans": ("Noto Serif CJK SC", "Noto Sans CJK SC"),
         "zh-Hant": ("Noto Serif CJK HK", "Noto Sans CJK HK"),
         "en": ("Noto Serif CJK SC", "Noto Sans CJK SC")}


# The note that an edition is not the official text (data/site.yaml ui keys); the source edition
# has none. English: the provenance line every English page carries.
UNOFFICIAL = {"zh-Hant": "pdf_unofficial_hant", "en": "provenance_text"}


@dataclass(frozen=True)
class TitlePage:
    """What the title page says, every string already in the edition's language."""

    office: str
    document_number: str
    original_number: Optional[str]  # the number as printed (深府办〔2011〕108号), where the edition's differs
    title: str
    edition: str            # e.g. "English edition"
    date_label: str         # with its colon
    date: str
    provenance: str         # where the text comes from (every edition)
    unofficial: Optional[str]  # the "unofficial translation / conversion" note (not the source edition)
    revised: str            # "This edition last revised 2026-11-25"


def plan_pages(pages: list[PageView]) -> list[PageView]:
    """The pages of `pages` that are part of the plan, in reading order."""
    return [p for p in pages if p.template in PLAN_TEMPLATES]


def local_href(href: str) -> str:
    """A site link to a glossary entry (`../glossary/#term-ftth`) as a link inside the PDF."""
    return "#" + href.split("#", 1)[1] if "#" in href else href


def _colon(loc: Localizer) -> str:
    """A label's colon: full-width in Chinese, followed by a space in English."""
    return loc.ui("pdf_colon") + (" " if loc.lang.source == "en" else "")


def title_page(loc: Localizer, plan: model.Plan) -> TitlePage:
    front = plan.front
    note = UNOFFICIAL.get(loc.lang.code)
    number = loc.text(front, "document_number")
    return TitlePage(
        office=loc.text(front, "issuing_office"), document_number=number,
        original_number=front.document_number if loc.lang.source == "en" and number != front.document_number else None,
        title=loc.text(front, "plan_title"), edition=f"{plan.site.editions[loc.lang.code].name} · {loc.ui('pdf_label')}",
        date_label=loc.ui("date_label") + _colon(loc),
        date=loc.text(front.notice, "date"), provenance=loc.ui("pdf_provenance"), unofficial=loc.ui(note) if note else None,
        revised=f"{loc.ui('pdf_revised')}{_colon(loc)}{written_date(plan.site.edition_date.isoformat(), loc)}")


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = template_environment(TEMPLATES)
    env.filters["local_href"] = local_href
    return env


def document_html(loc: Localizer, plan: model.Plan, pages: list[PageView]) -> str:
    """The whole plan in one edition as an HTML document for WeasyPrint (a str, UTF-8 when written).

    `pages` are the edition's page views (pages.edition.site_pages); the stylesheet is inlined so that
    the HTML alone determines the PDF (it is the cache key).
    """
    serif, sans = FONTS[loc.lang.code]
    parts = plan_pages(pages)
    notice = next(p for p in parts if p.template == "notice.md.j2")
    return environment().get_template("plan.html.j2").render(
        lang=loc.lang, ui=UiStrings(loc), cover=title_page(loc, plan), pages=parts, notice=notice,
        css=STYLESHEET.read_text(encoding="utf-8"), serif=serif, sans=sans,
        created=plan.site.edition_date.isoformat(), author=loc.text(plan.front, "issuing_office"))

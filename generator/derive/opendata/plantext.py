"""The whole plan as data: one row per paragraph, with its id (its anchor on the pages), its place
in the plan as printed (chapter 三、, section （二）, item 1.), its text in the edition's language
and, in the English edition, its review status.

Rows are in reading order: the notice, the preamble, the chapters, the appendix (each entry and
each figure caption), and the closing block.
"""
from __future__ import annotations

from typing import Optional

from ...model import plan as model
from ...read import translation
from .cells import Value

from ..localize import Localizer


def _review_status(loc: Localizer, obj: model.BaseModel) -> Optional[str]:
    """English edition only: reviewed, draft, stale (the Chinese changed since) or untranslated."""
    if loc.lang.source != "en":
        return None
    en = getattr(obj, "en", None)
    has_text = en is not None and any(getattr(en, k, None) for k in ("text", "definition", "caption"))
    if not has_text:
        return "untranslated"
    if translation.is_stale(obj):
        return "stale"
    return en.status


def _row(loc: Localizer, ident: str, page: str, part: str, ordinal: int, text_obj: object, text_field: str,
         chapter: Optional[model.Chapter] = None, section: Optional[model.Section] = None,
         number: Optional[str] = None, lead: Optional[str] = None) -> dict[str, Value]:
    text = loc.pick(text_obj, text_field)
    return {"paragraph_id": ident, "page": page, "href": f"{page}/#{ident}", "part": part,
            "chapter_number": loc.text(chapter, "number") or None if chapter else None,
            "chapter_title": loc.text(chapter, "title") or None if chapter else None,
            "section_number": loc.text(section, "number") or None if section else None,
            "section_title": loc.text(section, "title") or None if section else None,
            "item_number": number or None, "ordinal": ordinal, "lead": lead or None,
            "text": text.text if text else "", "language": (text.lang if text and text.lang else loc.lang.html_lang),
            "review_status": _review_status(loc, text_obj)}


def paragraph_rows(plan: model.Plan, loc: Localizer) -> list[dict[str, Value]]:
    """Every paragraph of the plan in reading order (see the module's docstring)."""
    rows = []
    for place in plan.places():
        p = place.paragraph
        part = "chapter" if place.chapter else ("notice" if place.page == plan.front.notice.id else "preamble")
        rows.append(_row(loc, p.id, place.page, part, place.ordinal, p, "text", place.chapter, place.section,
                         loc.text(p, "number"), loc.text(p, "lead")))
    glossary = plan.glossary
    for i, term in enumerate(glossary.terms, 1):
        rows.append(_row(loc, term.id, glossary.id, "glossary", i, term, "definition", number=term.number,
                         lead=loc.text(term, "label")))
        if term.figure:
            fig = term.figure
            rows.append(_row(loc, fig.id, glossary.id, "figure", fig.number, fig, "caption", number=str(fig.number)))
    for i, line in enumerate(plan.closing.lines, 1):
        rows.append(_row(loc, line.id, plan.front.notice.id, "closing", i, line, "text"))
    return rows


def plan_document(plan: model.Plan, loc: Localizer, rows: list[dict[str, Value]]) -> dict:
    """plan.json: the document's particulars and its paragraphs (the rows of paragraphs.csv)."""
    front = plan.front
    return {"edition": loc.lang.code, "language": loc.lang.html_lang,
            "title": loc.text(front, "plan_title"), "issuing_office": loc.text(front, "issuing_office"),
            "document_number": front.document_number, "date": front.date.isoformat(),
            "authoritative_text": "zh-Hans", "paragraphs": rows}

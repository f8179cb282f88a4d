"""All pages of one edition, in the order of data/site.yaml's `contents`, home first."""
from __future__ import annotations

from typing import Optional

from ..derive import citation
from ..derive.localize import Localizer
from ..model import plan as model
from ..read import translation
from . import parallel
from .downloads import downloads_page
from .glossary_page import glossary_page
from .home import home_page
from .progress import progress_view
from .text import Links, chapter_page, editorial_page, notice_page, preamble_page
from .views import PageView


def status_table(loc: Localizer, plan: model.Plan, titles: dict[str, str]) -> dict[str, object]:
    """The maintainers' translation progress table, computed from the data."""
    rows = [(titles[c.part], c.units, c.translated, c.reviewed, c.stale) for c in translation.coverage(plan)]
    total = ("Σ", *(sum(r[i] for r in rows) for i in range(1, 5)))
    return {"caption": loc.ui("status_caption"), "rows": rows, "total": total,
            "headers": [loc.ui(k) for k in ("status_part", "status_items", "status_translated", "status_reviewed",
                                            "status_stale")]}


def site_pages(loc: Localizer, plan: model.Plan, only: Optional[str] = None) -> list[PageView]:
    """All pages of one language edition, home first, then in the order of site.contents.

    `only` (a file of docs/<code>/, as render_editions): the one page that will be rendered; the
    others are still made (the navigation needs their titles) but without the translation status
    table, which takes a third of the time and shows on its own page only.
    """
    links = Links(loc, plan)
    by_id = {p.id: p for p in [
        notice_page(loc, plan.front, plan.closing, links), preamble_page(loc, plan.front, links),
        *(chapter_page(loc, c, plan.chapter_files[c.id], links) for c in plan.chapters),
        glossary_page(loc, plan, links), progress_view(loc, plan), downloads_page(loc, plan),
        *(editorial_page(loc, p, links) for p in plan.editorial)]}
    if "translation-status" in by_id and only in (None, by_id["translation-status"].file):
        by_id["translation-status"].extra["table"] = status_table(loc, plan, {i: p.nav_title for i, p in by_id.items()})
    for page in by_id.values():
        if page.template in ("chapter.md.j2", "notice.md.j2", "preamble.md.j2", "editorial.md.j2"):
            page.menus.append(citation.menu_data(loc, plan, "./"))
    for page_id in parallel.plan_pages(plan):
        by_id[page_id].extra["parallel"] = parallel.control(loc, plan, page_id)
    ordered = [by_id[i] for i in plan.site.contents]
    return [home_page(loc, plan, ordered), *ordered]

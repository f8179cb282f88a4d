"""The home page of an edition: the document's particulars, the plan in brief, where to start, the key targets."""
from __future__ import annotations

from ..derive.localize import Localizer
from ..model import plan as model
from . import parallel, progress as progress_page
from .views import PageView, heading


def home_page(loc: Localizer, plan: model.Plan, pages: list[PageView]) -> PageView:
    front = plan.front
    return PageView(
        id="index", file="index.md", source="front.yaml, site.yaml", nav_title=loc.ui("home"),
        title=heading(loc, front, "plan_title"), template="index.md.j2",
        extra={"meta": [(loc.ui("issuing_office_label"), loc.pick(front, "issuing_office"), None),
                        (loc.ui("document_number_label"), loc.pick(front, "document_number"), None),
                        (loc.ui("date_label"), loc.pick(front.notice, "date"), front.date.isoformat())],
               "contents_heading": loc.ui("contents"), "contents": pages,
               "about_heading": loc.ui("about_heading"), "about_text": loc.ui("about_text"),
               **_home_guide(loc, plan, pages)})


def _home_guide(loc: Localizer, plan: model.Plan, pages: list[PageView]) -> dict[str, object]:
    """What the home page adds to the contents: the plan in brief, where to start, the key targets.

    The summary is data/site.yaml's `home_summary` (three sentences, each stated in the plan);
    the targets are the progress page's rows (data/indicators.yaml), with their computed status.
    """
    by_id = {p.id: p for p in pages}
    first = next((p for p in parallel.plan_pages(plan)), None)
    start: list[dict[str, object]] = [{"href": "#contents", "label": loc.ui("start_contents")}]
    if first:
        start.append({"href": parallel.control(loc, plan, first, depth=0)["href"],
                      "label": parallel.link_label(loc, plan, loc.lang, parallel.partner(loc.lang.code),
                                                   "start_parallel")})
    if "downloads" in by_id:
        start.append({"href": "downloads/", "label": loc.ui("start_data")})
    elif "progress" in by_id:
        start.append({"href": "progress/#downloads", "label": loc.ui("start_data")})
    progress = by_id.get("progress")
    targets = progress.extra["indicators"] if progress else []
    return {"summary_heading": loc.ui("home_summary_heading"), "summary": loc.ui("home_summary"),
            "start_heading": loc.ui("start_heading"), "start": start,
            "targets_heading": loc.ui("targets_heading"), "targets_caption": loc.ui("targets_caption"),
            "targets": targets, "targets_more": loc.ui("targets_more"),
            "columns": [loc.ui("col_indicator"), loc.ui("col_target"), loc.ui("col_status")],
            "symbol": progress_page.SYMBOL}

"""The Downloads page of one edition: each file with its format, size and one-line description."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import model
from .package import FOLDER, PdfFile, downloads

if TYPE_CHECKING:
    from ..views import Localizer, PageView


def size_label(size: int) -> str:
    """A file size as readers expect it: 912 B, 24.1 kB, 1.3 MB (powers of 1000)."""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def downloads_page(loc: "Localizer", plan: model.Plan, pdf: PdfFile | None = None) -> "PageView":
    """The page, with the files as its attachments (written to docs/<lang>/downloads/).

    Built once without the PDF (it is made from the page views), then again with it by
    `with_pdf` once the PDF exists, so that README.md and datapackage.json describe it.
    """
    from ..views import Heading, PageView

    files = downloads(plan, loc, pdf)
    assert plan.opendata
    texts = plan.opendata

    def say(value: dict) -> str:
        return loc.bilingual(value)

    title = loc.ui("downloads_title")
    rows = [{"name": f.name, "format": f.format, "size": f.size, "size_label": size_label(f.size),
             "description": f.description} for f in files]
    return PageView(
        id=FOLDER, file=f"{FOLDER}.md", source="downloads.yaml, indicators.yaml, projects.yaml and the plan",
        nav_title=title, title=Heading(title), template="downloads.md.j2",
        extra={"description": say(texts.description), "files": rows, "licence": texts.licence,
               "licence_statement": say(texts.licence.statement), "source_status": say(texts.source_status)},
        attachments={f"{FOLDER}/{f.name}": f.content for f in files})


def with_pdf(pages: list["PageView"], loc: "Localizer", plan: model.Plan, pdf: PdfFile) -> None:
    """Replace the edition's downloads page in `pages` by one whose README and package list `pdf`."""
    for i, page in enumerate(pages):
        if page.id == FOLDER:
            fresh = downloads_page(loc, plan, pdf)
            fresh.extra.update({k: v for k, v in page.extra.items() if k not in fresh.extra})  # the PDF link
            pages[i] = fresh

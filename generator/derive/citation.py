"""Where a paragraph is, and how to cite it: the plan's place notation, citations, problem reports.

Every paragraph a reader can link to has a *place*, written in the edition's own notation:

    四（三）2        IV(3) para. 2        the 2nd paragraph of section （三） of part 四
    四 1             IV para. 1           a part's opening paragraph, before its sections
    前言 3           Preamble, para. 3    the notice, the preamble, the record of issue, editorial pages

The number is the paragraph's position in its section (or page), counted from 1; it is not the
plan's own item numbering ("1."), which not every paragraph has.

A citation is built from a template in data/site.yaml (`cite_format`), in which the
document's fields are filled here and three are left for the reader's browser, which alone knows
them: {place}, {url} (the paragraph's full address) and {accessed} (today). The browser fills
them the same way (paragraphs.js, `fill`), and a test checks both give the same string.
Chinese editions follow GB/T 7714-2015 (electronic resource, [EB/OL]); English follows the
Harvard style ("Available at: … (Accessed: …)").
"""
from __future__ import annotations

import datetime
import re
from typing import Iterator, Optional
from urllib.parse import quote, urlencode

from ..model import plan as model

from .localize import Localizer

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _chapter_number(loc: "Localizer", chapter: model.Chapter) -> str:
    """四、→ 四, IV. → IV"""
    return loc.text(chapter, "number").rstrip("、.． ")


def _section_number(loc: "Localizer", section: model.Section) -> str:
    """（三） or (三) → （三） in Chinese; (3) in English."""
    number = loc.text(section, "number")
    if loc.lang.source == "en":
        return number
    return re.sub(r"^\((.*)\)$", r"（\1）", number)


def place(loc: "Localizer", ordinal: int, chapter: Optional[model.Chapter] = None,
          section: Optional[model.Section] = None, part: str = "") -> str:
    """A paragraph's place in this edition's notation (see the module's docstring).

    `part` names a page outside the chapters (the preamble, the notice …), already in the
    edition's language; it is used when there is no chapter.
    """
    english = loc.lang.source == "en"
    if chapter is None:
        return f"{part}, para. {ordinal}" if english else f"{part} {ordinal}"
    head = _chapter_number(loc, chapter)
    if section is not None:
        return f"{head}{_section_number(loc, section)} para. {ordinal}" if english else \
            f"{head}{_section_number(loc, section)}{ordinal}"
    return f"{head} para. {ordinal}" if english else f"{head} {ordinal}"


def _numbered(paragraphs: list[model.Paragraph]) -> Iterator[tuple[int, model.Paragraph]]:
    return enumerate(paragraphs, 1)


def places(loc: "Localizer", plan: model.Plan) -> dict[str, str]:
    """Paragraph id → its place, for every paragraph of the edition that has a ¶ link.

    Covers the plan's pages (plan.places(): notice, preamble, chapters), the record of issue
    (版记) and the site's editorial pages.
    """
    out: dict[str, str] = {}
    names = {plan.front.notice.id: loc.ui("notice_nav"), "preamble": loc.ui("preamble")}
    for p in plan.places():
        out[p.paragraph.id] = place(loc, p.ordinal, p.chapter, p.section, names.get(p.page, ""))
    for i, line in _numbered(plan.closing.lines):
        out[line.id] = place(loc, i, part=loc.ui("closing"))
    for page in plan.editorial:
        for i, p in _numbered(page.paragraphs):
            out[p.id] = place(loc, i, part=loc.text(page, "title"))
    return out


def accessed(loc: "Localizer", day: datetime.date) -> str:
    """The access date as the edition's style writes it: 2026-11-30 (GB/T 7714) or 30 November 2026."""
    if loc.lang.source == "en":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return day.isoformat()


def fill(template: str, fields: dict[str, str]) -> str:
    """Replace each {name} of `fields` in `template`; other braces are left as they are.

    (Not str.format: a title may contain braces, and the browser does the same replacement.)
    """
    return re.sub(r"\{([a-z_]+)\}", lambda m: fields.get(m.group(1), m.group(0)), template)


def _format(loc: "Localizer", key: str) -> str:
    """A citation format of data/site.yaml in the edition's script, its punctuation untouched.

    The Hong Kong conversion would turn GB/T 7714's ASCII punctuation (". ", ": ") into full-width
    marks, so only the words between the marks and {fields} are converted.
    """
    texts = loc.site.ui[key]
    given = loc.given(texts)  # the English, or a cited Hong Kong text: never converted
    if given is not None:
        return given
    pieces = re.split(r"(\{[a-z_]+\}|[\x00-\x7f]+)", loc.source_text(texts))
    return "".join(p if not p or p.isascii() else loc.convert(p) for p in pieces)


def template(loc: "Localizer", plan: model.Plan) -> str:
    """The edition's citation with the document's fields filled; {place}, {url}, {accessed} left open."""
    front = plan.front
    return fill(_format(loc, "cite_format"), {
        "author": loc.text(front, "issuing_office"), "title": loc.text(front, "plan_title"),
        "number": loc.text(front, "document_number"), "year": str(front.date.year)})


def citation(loc: "Localizer", plan: model.Plan, place_label: str, url: str, day: datetime.date) -> str:
    """The full citation of one paragraph, as the ¶ menu's "cite" shows it.

    `url` is the paragraph's full address (page address + #id); `day` the access date.
    """
    return fill(template(loc, plan), {"place": place_label, "url": url, "accessed": accessed(loc, day)})


def report_url(repository_url: str, title: str, body: str) -> str:
    """The address that opens a new issue in the repository's tracker, title and body filled in.

    `repository_url` is https://github.com/OWNER/NAME (data/site.yaml `repository_url`).
    GitHub reads `title` and `body` from the query string of /issues/new.
    """
    # encoded as the browser's encodeURIComponent encodes (paragraphs.js builds the same address)
    return f"{repository_url.rstrip('/')}/issues/new?" + urlencode({"title": title, "body": body},
                                                                  quote_via=quote, safe="!*'()")


def report(loc: "Localizer", plan: model.Plan, paragraph_id: str, place_label: str, url: str) -> str:
    """The "report a problem with this paragraph" address of one paragraph (repository_url must be set)."""
    assert plan.site.repository_url
    fields = {"id": paragraph_id, "place": place_label, "url": url, "edition": plan.site.editions[loc.lang.code].name,
              "code": loc.lang.code, "br": "\n"}
    return report_url(plan.site.repository_url, fill(loc.ui("report_title"), fields),
                      fill(loc.ui("report_body"), fields))


def menu_data(loc: "Localizer", plan: model.Plan, page: str) -> dict[str, str]:
    """What the ¶ menu of one edition needs, as data-* attributes of one hidden element per page.

    `page` is the address of the paragraphs' own page, relative to the page that shows them
    ("./" on the page itself; the parallel view cites each edition's own page). The reader's
    browser adds the place, the full address and the date. Without `repository_url` there is
    no report-url, and the menu has no "report a problem".
    """
    data = {"edition": loc.lang.code, "lang": loc.lang.html_lang, "page": page,
            "edition-name": plan.site.editions[loc.lang.code].name,
            "date-style": "dmy" if loc.lang.source == "en" else "iso",
            "cite": template(loc, plan), "cite-style": loc.ui("cite_style"),
            "link-label": loc.ui("permalink"), "copy-link": loc.ui("copy_link"),
            "cite-label": loc.ui("cite_label"), "copy-citation": loc.ui("copy_citation"),
            "copied": loc.ui("copied"), "copy-manually": loc.ui("copy_manually"), "close": loc.ui("close")}
    if plan.site.repository_url:
        data.update({"report": loc.ui("report_problem"), "report-url": plan.site.repository_url,
                     "report-title": loc.ui("report_title"), "report-body": loc.ui("report_body")})
    return data

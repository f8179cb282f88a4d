"""The pages that carry the plan's own text: the notice, the preamble, the chapters, the editorial pages.

Each paragraph gets its glossary links (`Links`, one per edition) and its place in the plan
(四（三）2), which its ¶ link shows.
"""
from __future__ import annotations

from ..derive import citation, glossary
from ..derive.localize import Localizer
from ..model import plan as model
from .views import Heading, PageView, SectionView, blocks, heading


def chapter_page(loc: Localizer, chapter: model.Chapter, source: str, links: Links) -> PageView:
    title = heading(loc, chapter)
    linker = links.linker()
    return PageView(
        id=chapter.id, file=f"{chapter.id}.md", source=source, nav_title=title.text, title=title,
        template="chapter.md.j2", blocks=blocks(loc, chapter.paragraphs, linker, links.places),
        sections=[SectionView(s.id, heading(loc, s), blocks(loc, s.paragraphs, linker, links.places))
                  for s in chapter.sections])


class Links:
    """The glossary links of one edition: the entries, how to find them, their short definitions."""

    def __init__(self, loc: Localizer, plan: model.Plan):
        english = loc.lang.source == "en"
        self.entries = glossary.entries(plan)
        self.matcher = glossary.Matcher(self.entries, "en" if english else loc.lang.code, loc.convert)
        self.tips = {e.id: glossary.short_definition(loc.text(e.source, "definition"), 160 if english else 60)
                     for e in self.entries}
        self.glossary_id = plan.glossary.id
        self.places = citation.places(loc, plan)  # paragraph id → its place (四（三）2)
        # English abbreviations in Chinese text are expanded on first use (<abbr title>)
        self.expansions = {} if english else {t.abbreviation: t.english_name for t in plan.glossary.terms
                                               if t.abbreviation and t.english_name}

    def href(self, entry_id: str) -> str:
        return f"../{self.glossary_id}/#{entry_id}"

    def linker(self) -> glossary.Linker:
        """A fresh linker: each page links the first occurrence of each term."""
        return glossary.Linker(self.matcher, self.tips, self.href, self.expansions)


def notice_page(loc: Localizer, front: model.Front, closing: model.Closing, links: Links) -> PageView:
    notice = front.notice
    return PageView(
        id=notice.id, file=f"{notice.id}.md", source="front.yaml, closing.yaml", nav_title=loc.ui("notice_nav"),
        title=heading(loc, notice), template="notice.md.j2",
        blocks=blocks(loc, notice.paragraphs, links.linker(), links.places),
        extra={"office_header": loc.pick(front, "office_header"),
               "document_number": loc.pick(front, "document_number"),
               "addressees": loc.pick(notice, "addressees"), "date": loc.pick(notice, "date"),
               "closing_heading": loc.ui("closing"), "closing": blocks(loc, closing.lines, places=links.places)})


def preamble_page(loc: Localizer, front: model.Front, links: Links) -> PageView:
    title = loc.ui("preamble")
    return PageView(id="preamble", file="preamble.md", source="front.yaml", nav_title=title, title=Heading(title),
                    template="preamble.md.j2", extra={"plan_title": loc.pick(front, "plan_title")},
                    blocks=blocks(loc, front.preamble, links.linker(), links.places))


def editorial_page(loc: Localizer, page: model.EditorialPage, links: Links) -> PageView:
    if loc.lang.code == "zh-Hant" and page.hk:
        # a paragraph with its own Hong Kong text (data/about.yaml `hk`, cited) shows it instead of its conversion
        given = {p.text: hk.zh_hant for hk in page.hk for p in page.paragraphs if p.id == hk.paragraph}
        convert = loc.convert
        loc = Localizer(loc.lang, loc.site, lambda text: given.get(text) or convert(text))
    title = heading(loc, page)
    return PageView(id=page.id, file=f"{page.id}.md", source="about.yaml", nav_title=title.text, title=title,
                    template="editorial.md.j2", blocks=blocks(loc, page.paragraphs, places=links.places))

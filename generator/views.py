"""Page views: the plan cut into pages, with every string already in the page's language.

Templates only lay these out. Everything that decides *what* a reader sees (which text, in
which language, grouped how) is decided here, in plain Python that tests can call.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from . import model
from .languages import Language

Convert = Callable[[str], str]


class Localizer:
    """Picks the text of an object for one language edition."""

    def __init__(self, lang: Language, site: model.Site, convert: Convert = lambda s: s):
        self.lang = lang
        self.site = site
        self.convert = convert

    def text(self, obj: object, name: str) -> Optional[str]:
        value = getattr(obj, name)
        return self.convert(value) if value else value

    def ui(self, key: str) -> str:
        texts = self.site.ui[key]
        if self.lang.source == "en":
            return texts["en"]
        return self.convert(texts["zh-Hans"])


@dataclass(frozen=True)
class ParagraphView:
    id: str
    text: str
    number: Optional[str] = None
    lead: Optional[str] = None
    marker: Optional[str] = None


@dataclass(frozen=True)
class Block:
    """A run of paragraphs laid out together: plain paragraphs, or one dash (——) list."""

    kind: str  # "paragraphs" | "dash_list"
    paragraphs: list[ParagraphView]


@dataclass(frozen=True)
class SectionView:
    id: str
    heading: str
    blocks: list[Block]


@dataclass(frozen=True)
class FigureView:
    id: str
    label: str
    caption: str
    note: str


@dataclass(frozen=True)
class TermView:
    id: str
    heading: str
    definition: str
    figure: Optional[FigureView]


@dataclass
class PageView:
    """One generated Markdown page."""

    id: str
    file: str           # e.g. "ch1.md", relative to docs/<lang>/
    source: str         # the data file it comes from, named in the "generated" banner
    nav_title: str
    title: str
    template: str
    sections: list[SectionView] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    terms: list[TermView] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)


def heading(number: Optional[str], title: str) -> str:
    """The plan's numbering and title as printed: 一、标题, （一）标题, (一) 标题."""
    if not number:
        return title
    return f"{number} {title}" if number[-1] in ").:" else f"{number}{title}"


def _paragraph(loc: Localizer, p: model.Paragraph) -> ParagraphView:
    return ParagraphView(id=p.id, text=loc.text(p, "text") or "", number=loc.text(p, "number"),
                         lead=loc.text(p, "lead"), marker=p.marker)


def blocks(loc: Localizer, paragraphs: list[model.Paragraph]) -> list[Block]:
    """Group consecutive dash items into one list, so a screen reader announces a list."""
    out: list[Block] = []
    for p in paragraphs:
        kind = "dash_list" if p.marker else "paragraphs"
        if out and out[-1].kind == kind:
            out[-1].paragraphs.append(_paragraph(loc, p))
        else:
            out.append(Block(kind, [_paragraph(loc, p)]))
    return out


def chapter_page(loc: Localizer, chapter: model.Chapter, source: str) -> PageView:
    title = heading(loc.text(chapter, "number"), loc.text(chapter, "title") or "")
    return PageView(
        id=chapter.id, file=f"{chapter.id}.md", source=source, nav_title=title, title=title,
        template="chapter.md.j2", blocks=blocks(loc, chapter.paragraphs),
        sections=[SectionView(s.id, heading(loc.text(s, "number"), loc.text(s, "title") or ""),
                              blocks(loc, s.paragraphs)) for s in chapter.sections])


def glossary_page(loc: Localizer, glossary: model.Glossary) -> PageView:
    terms = []
    for t in glossary.terms:
        figure = None
        if t.figure:
            figure = FigureView(id=t.figure.id, label=f"{loc.ui('figure_label')} {t.figure.number}",
                                caption=loc.text(t.figure, "caption") or "", note=loc.ui("figure_note"))
        terms.append(TermView(id=t.id, heading=f"{t.number} {loc.text(t, 'label')}",
                              definition=loc.text(t, "definition") or "", figure=figure))
    title = loc.text(glossary, "title") or ""
    return PageView(id=glossary.id, file=f"{glossary.id}.md", source="glossary.yaml", nav_title=title,
                    title=title, template="glossary.md.j2", terms=terms)


def notice_page(loc: Localizer, front: model.Front, closing: model.Closing) -> PageView:
    notice = front.notice
    title = loc.text(notice, "title") or ""
    return PageView(
        id=notice.id, file=f"{notice.id}.md", source="front.yaml, closing.yaml", nav_title=loc.ui("notice_nav"),
        title=title, template="notice.md.j2", blocks=blocks(loc, notice.paragraphs),
        extra={"office_header": loc.text(front, "office_header"), "document_number": front.document_number,
               "addressees": loc.text(notice, "addressees"), "date": loc.text(notice, "date"),
               "closing_heading": loc.ui("closing"), "closing": blocks(loc, closing.lines)})


def preamble_page(loc: Localizer, front: model.Front) -> PageView:
    title = loc.ui("preamble")
    return PageView(id="preamble", file="preamble.md", source="front.yaml", nav_title=title, title=title,
                    template="preamble.md.j2", extra={"plan_title": loc.text(front, "plan_title")},
                    blocks=blocks(loc, front.preamble))


def home_page(loc: Localizer, plan: model.Plan, pages: list[PageView]) -> PageView:
    front = plan.front
    return PageView(
        id="index", file="index.md", source="front.yaml, site.yaml", nav_title=loc.ui("home"),
        title=loc.text(front, "plan_title") or "", template="index.md.j2",
        extra={"meta": [(loc.ui("issuing_office_label"), loc.text(front, "issuing_office"), None),
                        (loc.ui("document_number_label"), front.document_number, None),
                        (loc.ui("date_label"), loc.text(front.notice, "date"), front.date.isoformat())],
               "contents_heading": loc.ui("contents"), "contents": pages,
               "about_heading": loc.ui("about_heading"), "about_text": loc.ui("about_text")})


def site_pages(loc: Localizer, plan: model.Plan) -> list[PageView]:
    """All pages of one language edition, home first, then in the order of site.contents."""
    by_id = {p.id: p for p in [
        notice_page(loc, plan.front, plan.closing), preamble_page(loc, plan.front),
        *(chapter_page(loc, c, plan.chapter_files[c.id]) for c in plan.chapters),
        glossary_page(loc, plan.glossary)]}
    ordered = [by_id[i] for i in plan.site.contents]
    return [home_page(loc, plan, ordered), *ordered]

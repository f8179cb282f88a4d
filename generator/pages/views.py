"""Page views: the plan cut into pages, with every string already in the page's language.

Templates only lay these out. Everything that decides *what* a reader sees (which text, in
which language, grouped how) is decided in this stage (generator/pages/), in plain Python that
tests can call. This module holds the shapes every page is made of; the other modules of the
stage each build one kind of page. A text that has no translation yet is shown in Simplified
Chinese and says so: `Localized.lang` (generator/derive/localize.py) carries its language, so
the page can mark it up and label it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..derive import glossary
from ..derive.localize import Localized, Localizer
from ..model import plan as model
from ..read import translation


@dataclass(frozen=True)
class ParagraphView:
    id: str
    text: Localized
    number: Optional[Localized] = None
    lead: Optional[Localized] = None
    marker: Optional[str] = None
    segments: tuple[glossary.Segment, ...] = ()  # the text with its glossary links, if any
    stale: bool = False  # English whose Chinese has changed since it was translated
    place: str = ""      # its place in the edition's notation (四（三）2, IV(3) para. 2): generator/derive/citation.py

    @property
    def pending(self) -> bool:
        return self.text.pending


@dataclass(frozen=True)
class Block:
    """A run of paragraphs laid out together: plain paragraphs, or one dash (——) list."""

    kind: str  # "paragraphs" | "dash_list"
    paragraphs: list[ParagraphView]


@dataclass(frozen=True)
class Heading:
    text: str
    lang: Optional[str] = None  # set when the heading is an untranslated original


@dataclass(frozen=True)
class SectionView:
    id: str
    heading: Heading
    blocks: list[Block]


@dataclass(frozen=True)
class FigureView:
    id: str
    label: str
    caption: Localized
    note: str


@dataclass(frozen=True)
class TermView:
    id: str
    heading: Heading
    definition: Localized
    figure: Optional[FigureView]
    meta: tuple[tuple[str, Localized], ...] = ()   # (label, value): English or Chinese term, HK usage
    used_in: tuple[tuple[str, str], ...] = ()      # (label, href) of each paragraph using the term
    editorial: bool = False
    hk_source: Optional[tuple[str, str]] = None    # (label, href) of the page showing the HK usage


@dataclass
class PageView:
    """One generated Markdown page."""

    id: str
    file: str           # e.g. "ch1.md", relative to docs/<lang>/
    source: str         # the data file it comes from, named in the "generated" banner
    nav_title: str
    title: Heading
    template: str
    sections: list[SectionView] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    terms: list[TermView] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)
    attachments: dict[str, str] = field(default_factory=dict)  # other files of the page (downloads)
    menus: list[dict[str, str]] = field(default_factory=list)  # the ¶ menu's data, one per edition shown


def heading(loc: Localizer, obj: object, name: str = "title") -> Heading:
    """The plan's numbering and title as printed: 一、标题, （一）标题, (一) 标题, III. Title."""
    title = loc.pick(obj, name) or Localized("")
    number = loc.pick(obj, "number") if hasattr(obj, "number") else None
    if not number:
        return Heading(title.text, title.lang)
    n = number.text
    joined = f"{n} {title.text}" if n[-1] in ").:" or loc.lang.source == "en" else f"{n}{title.text}"
    return Heading(joined, title.lang)


def _paragraph(loc: Localizer, p: model.Paragraph, linker: Optional[glossary.Linker], place: str) -> ParagraphView:
    text = loc.pick(p, "text") or Localized("")
    segments = tuple(linker.split(text.text)) if linker and not text.pending else ()
    return ParagraphView(id=p.id, text=text, number=loc.pick(p, "number"), lead=loc.pick(p, "lead"),
                         marker=p.marker, segments=segments,
                         stale=loc.lang.source == "en" and not text.pending and translation.is_stale(p), place=place)


def blocks(loc: Localizer, paragraphs: list[model.Paragraph],
           linker: Optional[glossary.Linker] = None, places: Optional[dict[str, str]] = None) -> list[Block]:
    """Group consecutive dash items into one list, so a screen reader announces a list.

    `places`: paragraph id → its place (citation.places); a paragraph without one gets no ¶ link.
    """
    out: list[Block] = []
    for p in paragraphs:
        kind = "dash_list" if p.marker else "paragraphs"
        view = _paragraph(loc, p, linker, (places or {}).get(p.id, ""))
        if out and out[-1].kind == kind:
            out[-1].paragraphs.append(view)
        else:
            out.append(Block(kind, [view]))
    return out

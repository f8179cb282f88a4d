"""Page views: the plan cut into pages, with every string already in the page's language.

Templates only lay these out. Everything that decides *what* a reader sees (which text, in
which language, grouped how) is decided here, in plain Python that tests can call. A text
that has no translation yet is shown in Simplified Chinese and says so: `Localized.lang`
carries its language, so the page can mark it up and label it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional
from urllib.parse import urlsplit

from pypinyin import lazy_pinyin

from . import citation, glossary, model, opendata, parallel, progress_page, translation
from .languages import Language

Convert = Callable[[str], str]


@dataclass(frozen=True)
class Localized:
    """A text in the page's language, or the Chinese original standing in for a translation."""

    text: str
    lang: Optional[str] = None  # set only when the text is not in the page's language

    @property
    def pending(self) -> bool:
        return self.lang is not None

    def __str__(self) -> str:
        return self.text


class Localizer:
    """Picks the text of an object for one language edition."""

    def __init__(self, lang: Language, site: model.Site, convert: Convert = lambda s: s):
        self.lang = lang
        self.site = site
        self.convert = convert

    def pick(self, obj: object, name: str) -> Optional[Localized]:
        """The field `name` of `obj` in this edition's language (None if the object has none)."""
        chinese = getattr(obj, name)
        if not chinese:
            return None
        if self.lang.source == "en":
            english = getattr(getattr(obj, "en", None), name, None)
            if english:
                return Localized(english)
            if name == "number":
                return Localized(english_number(chinese))
            return Localized(chinese, lang="zh-Hans")
        return Localized(self.convert(chinese))

    def text(self, obj: object, name: str) -> str:
        value = self.pick(obj, name)
        return value.text if value else ""

    def bilingual(self, value: dict) -> str:
        """A text of the site stored as {zh-Hans, en}: the English, a Hong Kong text where the data gives one
        (`zh-Hant`, data/downloads.yaml, with its .gov.hk evidence), else the Simplified text converted."""
        if self.lang.source == "en":
            return value["en"]
        if self.lang.code == "zh-Hant" and "zh-Hant" in value:
            return value["zh-Hant"]
        return self.convert(value["zh-Hans"])

    def ui(self, key: str) -> str:
        """An interface string: the stored English, the Hong Kong text where data/site.yaml gives one
        (with its .gov.hk evidence), else the Simplified text, converted for the Hong Kong edition."""
        texts = self.site.ui[key]
        if self.lang.source == "en":
            return texts.en
        if self.lang.code == "zh-Hant" and texts.zh_hant:
            return texts.zh_hant
        return self.convert(texts.zh_hans)


_NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九十", start=0)}
_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _chinese_number(s: str) -> int:
    if "十" in s:
        tens, _, units = s.partition("十")
        return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[units] if units else 0)
    return _NUMERALS[s]


def english_number(number: str) -> str:
    """The plan's numbering in English form: 三、→ III.  （二）→ (2)  1. → 1."""
    if m := re.fullmatch(r"([一二三四五六七八九十]+)、", number):
        return f"{_ROMAN[_chinese_number(m.group(1))]}."
    if m := re.fullmatch(r"[（(]([一二三四五六七八九十]+)[)）]", number):
        return f"({_chinese_number(m.group(1))})"
    return number


@dataclass(frozen=True)
class ParagraphView:
    id: str
    text: Localized
    number: Optional[Localized] = None
    lead: Optional[Localized] = None
    marker: Optional[str] = None
    segments: tuple[glossary.Segment, ...] = ()  # the text with its glossary links, if any
    stale: bool = False  # English whose Chinese has changed since it was translated
    place: str = ""      # its place in the edition's notation (四（三）2, IV(3) para. 2): generator/citation

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


def chapter_page(loc: Localizer, chapter: model.Chapter, source: str, links: "Links") -> PageView:
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


def place_labels(plan: model.Plan, loc: Localizer) -> dict[str, str]:
    """Paragraph id → its place in the edition's notation (四（三）2; IV(3) para. 2): generator/citation.

    The same notation everywhere: the paragraph's own ¶ link, citations, search results, the glossary.
    """
    return citation.places(loc, plan)


def _index_key(loc: Localizer, entry: glossary.Entry) -> str:
    if loc.lang.source == "en":
        return loc.text(entry.source, "term").lower()
    return "".join(lazy_pinyin(entry.source.term.strip("“”"))).lower()


def glossary_page(loc: Localizer, plan: model.Plan, links: Links) -> PageView:
    used = glossary.usages(plan, links.entries)
    english = loc.lang.source == "en"
    views: dict[str, TermView] = {}
    for entry in links.entries:
        source = entry.source
        meta: list[tuple[str, Localized]] = []
        if english:
            meta.append((loc.ui("chinese_term"), Localized(source.term, lang="zh-Hans")))
        elif source.en and source.en.term:
            meta.append((loc.ui("english_term"), Localized(source.en.term, lang="en")))
        hk_source = None
        if loc.lang.code == "zh-Hant" and entry.id in plan.hk_usage:
            usage = plan.hk_usage[entry.id]
            meta.append((loc.ui("hk_usage"), Localized(usage.term)))
            hk_source = (urlsplit(usage.source).hostname or usage.source, usage.source)
        used_in = tuple((links.places[p.paragraph.id], p.href) for p in used[entry.id])
        if isinstance(source, model.Term):
            figure = None
            if source.figure:
                figure = FigureView(id=source.figure.id, label=f"{loc.ui('figure_label')} {source.figure.number}",
                                    caption=loc.pick(source.figure, "caption") or Localized(""),
                                    note=loc.ui("figure_note"))
            label = loc.pick(source, "label") or Localized("")
            title = Heading(f"{source.number} {label.text}", label.lang)
        else:
            figure = None
            term = loc.pick(source, "term") or Localized("")
            title = Heading(term.text, term.lang)
        views[entry.id] = TermView(entry.id, title, loc.pick(source, "definition") or Localized(""), figure,
                                   tuple(meta), used_in, entry.editorial, hk_source)
    index = sorted(links.entries, key=lambda e: _index_key(loc, e))
    title = heading(loc, plan.glossary)
    return PageView(
        id=plan.glossary.id, file=f"{plan.glossary.id}.md", source="glossary.yaml, key-terms.yaml",
        nav_title=title.text, title=title, template="glossary.md.j2",
        terms=[views[e.id] for e in links.entries if not e.editorial],
        extra={"key_terms": [views[e.id] for e in links.entries if e.editorial],
               "key_terms_heading": loc.ui("glossary_key_terms"), "editorial_label": loc.ui("editorial_label"),
               "index_heading": loc.ui("glossary_index"), "used_in": loc.ui("used_in"),
               "index": [(loc.text(e.source, "term"), e.id) for e in index],
               "hk_words": _hk_words(loc, plan), "hk_words_heading": loc.ui("hk_words_heading"),
               "hk_words_intro": loc.ui("hk_words_intro"), "hk_words_columns": [
                   loc.ui("hk_words_plan"), loc.ui("hk_usage"), loc.ui("hk_usage_source")]})


def _hk_words(loc: Localizer, plan: model.Plan) -> list[tuple[str, str, str, str]]:
    """Hong Kong edition only: (the plan's word, converted; Hong Kong usage; source host; source URL)."""
    if loc.lang.code != "zh-Hant":
        return []
    return [(loc.convert(w.simplified), w.term, urlsplit(w.source).hostname or w.source, w.source)
            for w in plan.hk_words]


def notice_page(loc: Localizer, front: model.Front, closing: model.Closing, links: "Links") -> PageView:
    notice = front.notice
    return PageView(
        id=notice.id, file=f"{notice.id}.md", source="front.yaml, closing.yaml", nav_title=loc.ui("notice_nav"),
        title=heading(loc, notice), template="notice.md.j2",
        blocks=blocks(loc, notice.paragraphs, links.linker(), links.places),
        extra={"office_header": loc.pick(front, "office_header"),
               "document_number": loc.pick(front, "document_number"),
               "addressees": loc.pick(notice, "addressees"), "date": loc.pick(notice, "date"),
               "closing_heading": loc.ui("closing"), "closing": blocks(loc, closing.lines, places=links.places)})


def preamble_page(loc: Localizer, front: model.Front, links: "Links") -> PageView:
    title = loc.ui("preamble")
    return PageView(id="preamble", file="preamble.md", source="front.yaml", nav_title=title, title=Heading(title),
                    template="preamble.md.j2", extra={"plan_title": loc.pick(front, "plan_title")},
                    blocks=blocks(loc, front.preamble, links.linker(), links.places))


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


def editorial_page(loc: Localizer, page: model.EditorialPage, links: "Links") -> PageView:
    if loc.lang.code == "zh-Hant" and page.hk:
        # a paragraph with its own Hong Kong text (data/about.yaml `hk`, cited) shows it instead of its conversion
        given = {p.text: hk.zh_hant for hk in page.hk for p in page.paragraphs if p.id == hk.paragraph}
        convert = loc.convert
        loc = Localizer(loc.lang, loc.site, lambda text: given.get(text) or convert(text))
    title = heading(loc, page)
    return PageView(id=page.id, file=f"{page.id}.md", source="about.yaml", nav_title=title.text, title=title,
                    template="editorial.md.j2", blocks=blocks(loc, page.paragraphs, places=links.places))


def status_table(loc: Localizer, plan: model.Plan, titles: dict[str, str]) -> dict[str, object]:
    """The maintainers' translation progress table, computed from the data."""
    rows = [(titles[c.part], c.units, c.translated, c.reviewed, c.stale) for c in translation.coverage(plan)]
    total = ("Σ", *(sum(r[i] for r in rows) for i in range(1, 5)))
    return {"caption": loc.ui("status_caption"), "rows": rows, "total": total,
            "headers": [loc.ui(k) for k in ("status_part", "status_items", "status_translated", "status_reviewed",
                                            "status_stale")]}


def progress_view(loc: Localizer, plan: model.Plan) -> PageView:
    assert plan.indicators
    indicators = progress_page.indicator_rows(plan, loc)
    projects = progress_page.project_rows(plan, loc)
    counts = [(s, progress_page.SYMBOL[s], loc.ui(f"status_{s}"), sum(r.status == s for r in indicators))
              for s in progress_page.ORDER]
    themes = [(theme, loc.convert(names["zh-Hans"]) if loc.lang.source != "en" else names["en"],
               [r for r in indicators if r.theme == theme]) for theme, names in plan.indicators.themes.items()]
    title = loc.ui("progress_title")
    return PageView(id="progress", file="progress.md", source="indicators.yaml, projects.yaml", nav_title=title,
                    title=Heading(title), template="progress.md.j2",
                    extra={"counts": counts, "themes": themes, "indicators": indicators, "projects": projects,
                           "context": progress_page.context_rows(plan, loc),
                           "symbol": progress_page.SYMBOL, "legend_marks": progress_page.LEGEND_MARKS,
                           "rules": [loc.ui(f"progress_rule_{i}") for i in range(1, 5)]})


def site_pages(loc: Localizer, plan: model.Plan) -> list[PageView]:
    """All pages of one language edition, home first, then in the order of site.contents."""
    links = Links(loc, plan)
    by_id = {p.id: p for p in [
        notice_page(loc, plan.front, plan.closing, links), preamble_page(loc, plan.front, links),
        *(chapter_page(loc, c, plan.chapter_files[c.id], links) for c in plan.chapters),
        glossary_page(loc, plan, links), progress_view(loc, plan), opendata.downloads_page(loc, plan),
        *(editorial_page(loc, p, links) for p in plan.editorial)]}
    if "translation-status" in by_id:
        by_id["translation-status"].extra["table"] = status_table(loc, plan, {i: p.nav_title for i, p in by_id.items()})
    for page in by_id.values():
        if page.template in ("chapter.md.j2", "notice.md.j2", "preamble.md.j2", "editorial.md.j2"):
            page.menus.append(citation.menu_data(loc, plan, "./"))
    for page_id in parallel.plan_pages(plan):
        by_id[page_id].extra["parallel"] = parallel.control(loc, plan, page_id)
    ordered = [by_id[i] for i in plan.site.contents]
    return [home_page(loc, plan, ordered), *ordered]

"""The parallel view: a page of the plan in two editions side by side, aligned paragraph by paragraph.

For every plan page (notice, preamble, chapters, appendix) and every ordered pair of editions
(A, B), edition A gets a page `parallel/B/<page>.md`, at /A/parallel/B/<page>/: A's interface,
A in the first column and B in the second. Rows are the plan's own units, matched by their
shared ids (the same anchors as the one-edition pages): one heading element per heading with
both editions inside (one outline), one row per paragraph, one list per dash list. Each half
carries its own `lang` and its own ¶ menu. On a narrow screen each row stacks, first edition
first (CSS). Everything is static HTML, so every pair works without JavaScript.

The pages are kept out of the search index (generator/website/search/records.py skips parallel/) so the same text is
found once, on the one-edition page, and out of the navigation (`not_in_nav`).
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Optional

from markupsafe import Markup

from ..derive import citation
from ..model import plan as model
from ..pages.parallel import FOLDER, href, plan_pages, switch
from ..model.languages import LANGUAGES, Language
from .markdown import environment, html_inline, md_inline
from ..derive.localize import Localized, Localizer
from ..pages.views import Block, Heading, PageView, blocks, heading



@dataclass(frozen=True)
class Half:
    """One edition's side of a row: its language and its content, already HTML."""

    lang: str       # the lang attribute of this half (an untranslated text carries its own)
    edition: str    # the edition code, for the ¶ menu
    html: Markup
    md: Markup = Markup("")  # a heading's text escaped for Markdown too (the h1 is a Markdown heading)


@dataclass(frozen=True)
class Row:
    """One aligned unit: a heading, a paragraph, a dash item or a line of the notice."""

    kind: str                  # "h1" | "h2" | "h3" | "p" | "line" | "item"
    id: Optional[str]
    halves: tuple[Half, Half]
    css: str = ""              # extra class (the notice's letterhead, date …)


@dataclass
class ParallelView:
    """One parallel page: rows grouped into runs (a dash list is one run of items)."""

    page_id: str
    first: Language
    second: Language
    title: str
    runs: list[list[Row]] = field(default_factory=list)


class _Cells:
    """Renders one edition's halves with the same macros as its one-edition pages.

    Each edition appears in 32 parallel pages (8 plan pages, with each of 2 partners, as first
    and as second column): its paragraph places, blocks and paragraph HTML are made once (by
    `cells`) and reused, not once per page.
    """

    def __init__(self, loc: Localizer, plan: model.Plan):
        from .markdown import UiStrings

        self.loc, self.plan = loc, plan
        self.macros = environment().get_template("_macros.j2").make_module({"ui": UiStrings(loc), "lang": loc.lang})
        self.places = citation.places(loc, plan)
        self._blocks: dict[tuple, list[Block]] = {}
        self._paragraphs: dict[str, Half] = {}

    def blocks(self, paragraphs: list[model.Paragraph]) -> list[Block]:
        key = tuple(id(p) for p in paragraphs)
        if key not in self._blocks:
            self._blocks[key] = blocks(self.loc, paragraphs, places=self.places)
        return self._blocks[key]

    def half(self, content: Markup, lang: Optional[str] = None) -> Half:
        return Half(lang or self.loc.lang.html_lang, self.loc.lang.code, content)

    def paragraph(self, p) -> Half:
        if p.id is None:
            return self.half(Markup(self.macros.paragraph_body(p)), p.text.lang)
        if p.id not in self._paragraphs:
            self._paragraphs[p.id] = self.half(Markup(self.macros.paragraph_body(p)), p.text.lang)
        return self._paragraphs[p.id]

    def text(self, value: Optional[Localized]) -> Half:
        value = value or Localized("")
        lang = value.lang or self.loc.lang.html_lang
        return self.half(html_inline(value.text, lang), value.lang)

    def heading(self, value: Heading) -> Half:
        lang = value.lang or self.loc.lang.html_lang
        return Half(lang, self.loc.lang.code, html_inline(value.text, lang), md_inline(value.text, lang))


_CELLS: "weakref.WeakKeyDictionary[Localizer, _Cells]" = weakref.WeakKeyDictionary()


def cells(loc: Localizer, plan: model.Plan) -> _Cells:
    """The edition's cells, made once per localizer and plan (a new build makes new localizers)."""
    found = _CELLS.get(loc)
    if found is None or found.plan is not plan:
        found = _CELLS[loc] = _Cells(loc, plan)
    return found


def _block_runs(a: _Cells, b: _Cells, left: list[Block], right: list[Block]) -> list[list[Row]]:
    runs = []
    for block_a, block_b in zip(left, right, strict=True):
        kind = "item" if block_a.kind == "dash_list" else "p"
        rows = [Row(kind, pa.id, (a.paragraph(pa), b.paragraph(pb)))
                for pa, pb in zip(block_a.paragraphs, block_b.paragraphs, strict=True)]
        runs.extend([rows] if kind == "item" else [[r] for r in rows])
    return runs


class _Builder:
    def __init__(self, plan: model.Plan, a: Localizer, b: Localizer):
        self.plan, self.a, self.b = plan, a, b
        self.ca, self.cb = cells(a, plan), cells(b, plan)

    def blocks(self, paragraphs: list[model.Paragraph]) -> list[list[Row]]:
        return _block_runs(self.ca, self.cb, self.ca.blocks(paragraphs), self.cb.blocks(paragraphs))

    def heading_row(self, kind: str, ident: Optional[str], obj, name: str = "title") -> Row:
        return Row(kind, ident, (self.ca.heading(heading(self.a, obj, name)), self.cb.heading(heading(self.b, obj, name))))

    def line(self, obj, name: str, css: str, ident: Optional[str] = None) -> list[Row]:
        return [Row("line", ident, (self.ca.text(self.a.pick(obj, name)), self.cb.text(self.b.pick(obj, name))), css)]

    def ui_row(self, kind: str, ident: str, key: str) -> Row:
        return Row(kind, ident, (self.ca.heading(Heading(self.a.ui(key))), self.cb.heading(Heading(self.b.ui(key)))))

    def chapter(self, chapter: model.Chapter) -> list[list[Row]]:
        runs = [[self.heading_row("h1", chapter.id, chapter)], *self.blocks(chapter.paragraphs)]
        for section in chapter.sections:
            runs.append([self.heading_row("h2", section.id, section)])
            runs.extend(self.blocks(section.paragraphs))
        return runs

    def notice(self) -> list[list[Row]]:
        front, notice = self.plan.front, self.plan.front.notice
        return [self.line(front, "office_header", "plan-letterhead"), self.line(front, "document_number", "plan-docnum"),
                [self.heading_row("h1", notice.id, notice)], self.line(notice, "addressees", "plan-addressees"),
                *self.blocks(notice.paragraphs), self.line(notice, "date", "plan-date"),
                [self.ui_row("h2", "closing", "closing")], *self.blocks(self.plan.closing.lines)]

    def preamble(self) -> list[list[Row]]:
        return [[self.ui_row("h1", "preamble", "preamble")],
                self.line(self.plan.front, "plan_title", "plan-title", "plan-title"), *self.blocks(self.plan.front.preamble)]

    def glossary(self) -> list[list[Row]]:
        runs = [[self.heading_row("h1", self.plan.glossary.id, self.plan.glossary)]]
        for term in self.plan.glossary.terms:
            titles = []
            for loc in (self.a, self.b):
                label = loc.pick(term, "label") or Localized("")
                titles.append(Heading(f"{term.number} {label.text}", label.lang))
            runs.append([Row("h2", term.id, (self.ca.heading(titles[0]), self.cb.heading(titles[1])))])
            runs.append([Row("p", None, (self.ca.text(self.a.pick(term, "definition")),
                                         self.cb.text(self.b.pick(term, "definition"))), "plan-definition")])
            if term.figure:
                captions = []
                for loc, cells in ((self.a, self.ca), (self.b, self.cb)):
                    caption = loc.pick(term.figure, "caption") or Localized("")
                    text = f"{loc.ui('figure_label')} {term.figure.number} {caption.text}"
                    captions.append(cells.half(html_inline(text, caption.lang or loc.lang.html_lang), caption.lang))
                runs.append([Row("line", term.figure.id, (captions[0], captions[1]), "plan-figure-caption")])
        # the site's own entries (not part of the plan), as on the glossary page, so their anchors work too
        runs.append([self.ui_row("h2", "glossary-key-terms", "glossary_key_terms")])
        for key in self.plan.key_terms:
            runs.append([self.heading_row("h3", key.id, key, "term")])
            runs.append([Row("p", None, (self.ca.text(self.a.pick(key, "definition")),
                                         self.cb.text(self.b.pick(key, "definition"))), "plan-definition")])
        return runs


def view(plan: model.Plan, a: Localizer, b: Localizer, page_id: str) -> ParallelView:
    """The rows of one plan page in editions a (first) and b (second)."""
    builder = _Builder(plan, a, b)
    chapters = {c.id: c for c in plan.chapters}
    if page_id in chapters:
        runs = builder.chapter(chapters[page_id])
        title = heading(a, chapters[page_id]).text
    elif page_id == plan.front.notice.id:
        runs, title = builder.notice(), a.ui("notice_nav")
    elif page_id == "preamble":
        runs, title = builder.preamble(), a.ui("preamble")
    elif page_id == plan.glossary.id:
        runs, title = builder.glossary(), heading(a, plan.glossary).text
    else:
        raise ValueError(f"{page_id} is not a page of the plan")
    return ParallelView(page_id, a.lang, b.lang, a.ui("parallel_title").replace("{title}", title), runs)


def pages(plan: model.Plan, localizers: dict[str, Localizer], first: Language, only: str | None = None
          ) -> dict[str, str]:
    """File name → Markdown of every parallel page of edition `first` (all partners, all plan pages);
    with `only`, of that file alone (if it is one of them)."""
    a = localizers[first.code]
    env = environment()
    template = env.get_template("parallel.md.j2")
    from .markdown import UiStrings

    files = {}
    for second in LANGUAGES:
        if second == first:
            continue
        b = localizers[second.code]
        for page_id in plan_pages(plan):
            if only not in (None, f"{FOLDER}/{second.code}/{page_id}.md"):
                continue
            pv = view(plan, a, b, page_id)
            chooser = _chooser(plan, first, second, page_id)
            menus = [citation.menu_data(a, plan, f"../../../{page_id}/"),
                     citation.menu_data(b, plan, f"../../../../{second.code}/{page_id}/")]
            files[f"{FOLDER}/{second.code}/{page_id}.md"] = template.render(
                view=pv, ui=UiStrings(a), lang=first, chooser=chooser, menus=menus,
                back=f"../../../{page_id}/", swap=href(second.code, first.code, page_id, 4),
                note=a.ui("parallel_note"))
    return files


def _chooser(plan: model.Plan, first: Language, second: Language, page_id: str) -> list[dict]:
    """The two rows of edition choices (first column, second column), each choice a link or current."""
    rows = []
    for column, key in ((0, "parallel_first"), (1, "parallel_second")):
        choices = []
        for lang in LANGUAGES:
            current = (first, second)[column]
            if lang == current:
                choices.append({"lang": lang.html_lang, "name": plan.site.editions[lang.code].name, "href": None})
                continue
            other = (second, first)[column]
            pair = (lang, other) if column == 0 else (other, lang)
            if lang == other:
                pair = (second, first)
            choices.append({"lang": lang.html_lang, "name": plan.site.editions[lang.code].name,
                            "href": href(pair[0].code, pair[1].code, page_id, 4)})
        rows.append({"key": key, "choices": choices})
    return rows


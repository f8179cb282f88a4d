"""The glossary page: the appendix's terms, the editorial key terms, an index, and Hong Kong usage."""
from __future__ import annotations

from urllib.parse import urlsplit

from pypinyin import lazy_pinyin

from ..derive import glossary
from ..derive.localize import Localized, Localizer
from ..model import plan as model
from .text import Links
from .views import FigureView, Heading, PageView, TermView, heading


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

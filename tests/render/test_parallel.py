"""The parallel view in the built site: alignment, languages, outline, links, search, no JavaScript."""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.model.languages import LANGUAGES
from generator.pages.parallel import DEFAULT_PARTNER, plan_pages, switch

LANG = {lang.code: lang.html_lang for lang in LANGUAGES}
PAIRS = [(a.code, b.code) for a in LANGUAGES for b in LANGUAGES if a != b]


class Rows(HTMLParser):
    """The rows of a parallel page: each element with class plan-pair, with its halves' languages."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []
        self.stack: list[tuple[str, bool]] = []
        self.headings: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(tag)
        if "plan-pair" in classes:
            self.rows.append({"id": a.get("id"), "tag": tag, "halves": []})
        elif "plan-half" in classes and self.rows:
            self.rows[-1]["halves"].append((a.get("lang"), a.get("data-menu-edition")))


def parse(path: Path) -> Rows:
    rows = Rows()
    rows.feed(path.read_text(encoding="utf-8"))
    return rows


def one_edition_ids(built: Path, code: str, page: str) -> set[str]:
    return parse(built / "site" / code / page / "index.html").ids


@pytest.mark.parametrize("first, second", PAIRS)
def test_every_row_has_both_editions_each_with_its_language(built, plan, first, second):
    for page in plan_pages(plan):
        rows = parse(built / "site" / first / "parallel" / second / page / "index.html")
        assert len(rows.rows) > 3, page
        for row in rows.rows:
            editions = [e for _, e in row["halves"]]
            assert editions == [first, second], (page, row)
            # a half's lang is its edition's, or the Chinese original's where a translation is pending
            for (lang, edition) in row["halves"]:
                assert lang in (LANG[edition], "zh-Hans"), (page, row)


@pytest.mark.parametrize("first, second", PAIRS)
def test_every_id_of_the_one_edition_page_is_on_the_parallel_page(built, plan, first, second):
    """Alignment: every paragraph and heading anchor of each plan page is one row of its parallel page."""
    for page in plan_pages(plan):
        rows = parse(built / "site" / first / "parallel" / second / page / "index.html")
        row_ids = [r["id"] for r in rows.rows if r["id"]]
        assert len(row_ids) == len(set(row_ids)), page
        expected = {i for i in one_edition_ids(built, first, page) if i.startswith(
            (page, "pre-", "notice-", "closing", "plan-title", "term-", "fig-", "key-", "glossary-key-terms"))}
        expected |= {p.paragraph.id for p in plan.places() if p.page == page}
        # the glossary's alphabetical index (each edition's own order) and the Hong Kong edition's own
        # table of Hong Kong usage have nothing to pair with: no rows
        expected -= {"glossary-index", "glossary-hk-usage"}
        # <heading id>__title: the span that names a heading without its ¶ (mkdocs_hooks.py), not a row
        expected = {i for i in expected if not i.endswith("__title")}
        assert expected - set(row_ids) == set(), page


def test_the_headings_form_one_outline(built, plan):
    rows = parse(built / "site" / "zh-Hans" / "parallel" / "en" / "ch3" / "index.html")
    chapter = next(c for c in plan.chapters if c.id == "ch3")
    assert rows.headings.count("h1") == 1
    assert rows.headings.count("h2") == len(chapter.sections)


def test_the_parallel_view_is_not_in_the_search_index(built):
    """The same text is found once: on the one-edition page, never on its parallel views."""
    from generator.website.search import INDEX

    for lang in LANGUAGES:
        index = json.loads((built / "site" / lang.code / INDEX).read_text(encoding="utf-8"))
        urls = [url for url, _ in index["pages"]]
        assert not [u for u in urls if "parallel/" in u]
        assert "ch4/" in urls
        # the place link is not part of a paragraph's text (the place has its own field)
        plan_records = [r for r in index["records"] if r[1].startswith(("ch", "pre-", "notice-"))]
        assert len(plan_records) > 100
        assert [r[1] for r in plan_records if "¶" in r[4] or (r[2] and r[4].endswith(r[2]))] == []


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_each_plan_page_links_to_its_parallel_view_and_back(built, plan, code):
    second = DEFAULT_PARTNER[code]
    for page in plan_pages(plan):
        html = (built / "site" / code / page / "index.html").read_text(encoding="utf-8")
        assert f'class="plan-parallel-link"><a href="../parallel/{second}/{page}/"' in html, page
        target = built / "site" / code / "parallel" / second / page / "index.html"
        assert f'<a href="../../../{page}/">' in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("first, second", PAIRS)
def test_the_language_switcher_leads_to_the_pair_with_that_edition_first(built, first, second):
    html = (built / "site" / first / "parallel" / second / "ch4" / "index.html").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        a, b = switch(first, second, lang.code)
        assert f'href="../../../../{a}/parallel/{b}/ch4/" hreflang="{lang.html_lang}" lang="{lang.html_lang}" ' \
               f'class="md-select__link"' in html
        assert (built / "site" / a / "parallel" / b / "ch4" / "index.html").is_file()


def test_the_pair_chooser_offers_every_pair(built):
    html = (built / "site" / "zh-Hans" / "parallel" / "en" / "ch1" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="plan-parallel-nav"'):html.index("</nav>", html.index('class="plan-parallel-nav"'))]
    import re

    links = set(re.findall(r'href="\.\./\.\./\.\./\.\./([^/]+)/parallel/([^/]+)/ch1/"', nav))
    assert links == {("en", "zh-Hans"), ("zh-Hant", "en"), ("zh-Hans", "zh-Hant")}  # swap, first, second
    assert nav.count('aria-current="true"') == 2


def test_the_parallel_view_is_not_in_the_navigation(built):
    html = (built / "site" / "en" / "ch1" / "index.html").read_text(encoding="utf-8")
    assert "parallel/" not in html[html.index('class="md-nav'):html.index("</nav>", html.index('class="md-nav'))]

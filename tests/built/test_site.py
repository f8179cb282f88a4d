"""End to end: build the whole site from data/ and check what a reader gets, in every edition."""
import filecmp
import json
import posixpath
import re
from pathlib import Path

import opencc
import pytest

from generator.build import build
from generator.base.problems import BuildError
from generator.model.languages import LANGUAGES
from generator.pages.parallel import switch

from tests.conftest import make_project
from tests.html import pages, parse

LANG_OF = {lang.code: lang.html_lang for lang in LANGUAGES}


@pytest.mark.parametrize("code", LANG_OF)
def test_every_page_has_its_language_and_one_h1(built, plan, code):
    found = pages(built / "site" / code)
    from generator.pages.parallel import plan_pages

    # the home page, every page of the contents, and each plan page side by side with each other edition
    assert len(found) == len(plan.site.contents) + 1 + 2 * len(plan_pages(plan)) + 1  # and 404.html
    for path in found:
        page = parse(path)
        assert page.lang == LANG_OF[code], path
        assert page.h1 == 1, path


def test_root_lets_the_reader_choose_a_language_without_javascript(built):
    page = parse(built / "site" / "index.html")
    assert page.h1 == 1 and page.lang == "zh-Hans"
    choices = {a["href"]: a.get("hreflang") for a in page.links if a.get("class") == "choice"}
    assert choices == {"zh-Hans/": "zh-Hans", "zh-Hant/": "zh-Hant-HK", "en/": "en"}
    abouts = {a["href"]: a.get("hreflang") for a in page.links if a.get("class") != "choice"}
    assert abouts == {f"{href}about-translation/": lang for href, lang in choices.items()}  # test_provenance
    assert "繁體中文（香港）" in page.text("zh-Hant-HK") and "English" in page.text("en")


def test_the_root_not_found_page_offers_all_three_editions_with_relative_links(built, plan):
    page = parse(built / "site" / "404.html")
    assert page.h1 == 1
    hrefs = {a["href"] for a in page.links}
    for code in LANG_OF:
        assert f"{code}/" in hrefs
        assert {f"{code}/{pid}/" for pid in plan.site.contents} <= hrefs  # each edition's contents
    assert not any(h.startswith("/") for h in hrefs), "links must be relative (the site may live under a sub-path)"
    assert "Page not found" in page.text("en") and "找不到該頁面" in page.text("zh-Hant-HK")
    assert "找不到该页面" in page.text("zh-Hans")


@pytest.mark.parametrize("code", LANG_OF)
def test_each_edition_has_a_not_found_page_in_its_language(built, plan, code):
    path = built / "site" / code / "404.html"
    html = path.read_text(encoding="utf-8")
    page = parse(path)
    assert page.lang == LANG_OF[code] and page.h1 == 1
    title = {"zh-Hans": "找不到该页面", "zh-Hant": "找不到該頁面", "en": "Page not found"}[code]
    assert title in page.text(LANG_OF[code])
    assert "找不到该页面" not in html or code == "zh-Hans"
    hrefs = {a["href"] for a in page.links}
    assert not any(h.startswith("/") for h in hrefs)
    assert {f"./{pid}/" for pid in plan.site.contents} <= hrefs  # its contents
    assert 'class="md-search plan-search"' in html or "data-plan-search-open" in html  # the edition's search
    assert "<base" not in html and "document.createElement(\"base\")" in html  # <base href> set from the address


def test_no_resource_from_another_host(built):
    site = built / "site"
    for path in pages(site):
        for url in parse(path).resources:
            assert not re.match(r"^(https?:)?//", url), f"{path}: {url}"
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]*)\)", css.read_text(encoding="utf-8")):
            assert not re.match(r"^['\"]?(https?:)?//", url), f"{css}: {url}"


def _resolve(site: Path, page_path: Path, href: str) -> Path:
    path = href.split("#")[0]
    if path.startswith("/"):  # the 404 page links from the site root
        target = Path(posixpath.normpath(str(site) + path))
    else:
        target = Path(posixpath.normpath(posixpath.join(str(page_path.parent), path)))
    return target / "index.html" if href.split("#")[0].endswith("/") or target.is_dir() else target


@pytest.mark.parametrize("code", LANG_OF)
def test_language_links_go_to_the_same_page(built, code):
    site = built / "site"
    for path in pages(site / code):
        page = parse(path)
        relative = path.relative_to(site / code)
        switcher = [a for a in page.links if "data-edition" in a]
        assert {a["data-edition"] for a in switcher} == set(LANG_OF), path
        for link in switcher + page.head_alternates:
            target = _resolve(site, path, link["href"])
            other = link.get("data-edition") or next(c for c, tag in LANG_OF.items() if tag == link["hreflang"])
            same = site / other / ("index.html" if relative.name == "404.html" else relative)
            if relative.parts[0] == "parallel":  # a parallel page: the pair with that edition first
                first, second = switch(code, relative.parts[1], other)
                same = site / first / "parallel" / second / relative.parts[2] / "index.html"
            assert target == same, f"{path}: {link['href']}"
            assert target.is_file(), f"{path}: {link['href']}"
        assert {a["hreflang"] for a in page.head_alternates} == set(LANG_OF.values())


def test_paragraph_ids_are_shared_by_all_editions(built, plan):
    ids = [parse(built / "site" / code / "ch3" / "index.html").ids for code in LANG_OF]
    expected = {p.id for s in plan.chapters[2].sections for p in s.paragraphs}
    for found in ids:
        assert expected <= found


# Characters that OpenCC's s2t would change but that are correct Hong Kong Traditional in
# these words: 干 (干預), 斗 (北斗), 游 (上下游), 里 (公里); and the Hong Kong forms of the
# character rules (data/hk-overrides.yaml `forms:`, each with a cited government page: 台, 群, 床 …).
HK_SHARED = set("干斗游里")


def test_no_simplified_only_character_in_hong_kong_pages(built, plan):
    shared = HK_SHARED | {f.hk for f in plan.hk_forms}
    s2t = opencc.OpenCC("s2t")
    leftovers: dict[str, str] = {}
    for path in pages(built / "site" / "zh-Hant"):
        text = parse(path).text("zh-Hant-HK")
        for ch in set(text) - shared:
            if "\u4e00" <= ch <= "\u9fff" and s2t.convert(ch) != ch:
                leftovers.setdefault(ch, str(path))
    assert leftovers == {}


def test_hong_kong_edition_converts_everything_a_reader_sees(built):
    home = parse(built / "site" / "zh-Hant" / "index.html")
    text = home.text("zh-Hant-HK")
    assert "深圳市信息化發展「十二五」規劃" in text  # title, converted
    assert "發文機關" in text and "目錄" in text   # our UI strings, converted
    glossary = (built / "site" / "zh-Hant" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "雲計算示意圖" in glossary and "原圖未收錄" in glossary
    assert "<title>附錄：名詞解釋 - 深圳市信息化發展「十二五」規劃</title>" in glossary


def test_untranslated_paragraph_shows_the_original_with_a_label(tmp_path):
    root = make_project(tmp_path)
    path = root / "data" / "chapter-5.yaml"
    text, removed = re.subn(r"(- id: ch5-s1-p1\n        text: [^\n]*\n)        en:\n(          source: [^\n]*\n)?"
                            r"          text: [^\n]*\n          status: \w+\n", r"\1", path.read_text(encoding="utf-8"))
    assert removed == 1
    path.write_text(text, encoding="utf-8")
    build(root, make_pdfs=False)  # the page is checked, not a PDF of the edited text
    html = (root / "site" / "en" / "ch5" / "index.html").read_text(encoding="utf-8")
    paragraph = re.search(r'<p class="plan-p" id="ch5-s1-p1"[^>]*>.*?</p>', html).group(0)
    assert 'lang="zh-Hans"' in paragraph and "建立符合行政体制改革方向" in paragraph
    assert '<span class="plan-pending" lang="en">Translation in progress</span>' in paragraph
    assert html.count("Translation in progress") == 1


def test_build_is_reproducible(built, tmp_path):
    again = make_project(tmp_path)
    build(again)

    def differences(cmp) -> list[str]:
        out = cmp.diff_files + cmp.left_only + cmp.right_only
        for sub in cmp.subdirs.values():
            out += differences(sub)
        return out

    assert differences(filecmp.dircmp(built / "site", again / "site")) == []
    for path in pages(built / "site"):
        assert path.read_bytes() == (again / "site" / path.relative_to(built / "site")).read_bytes()


def test_a_publishing_address_gives_full_hreflang_canonical_links_and_sitemaps(tmp_path, monkeypatch):
    """Search engines ignore relative hreflang links; with SITE_URL (or site_url) they are full addresses."""
    root = make_project(tmp_path)
    monkeypatch.setenv("SITE_URL", "https://example.org/plan/")
    build(root)
    html = (root / "site" / "zh-Hant" / "ch4" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/plan/zh-Hant/ch4/">' in html
    for code, tag in LANG_OF.items():
        assert f'<link rel="alternate" href="https://example.org/plan/{code}/ch4/" hreflang="{tag}">' in html
    sitemap = (root / "site" / "en" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/plan/en/ch4/</loc>" in sitemap
    assert '"/plan/"' in (root / "site" / "404.html").read_text(encoding="utf-8")  # base_path follows
    assert '"/plan/en/"' in (root / "site" / "en" / "404.html").read_text(encoding="utf-8")


def test_a_malformed_publishing_address_is_refused(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    monkeypatch.setenv("SITE_URL", "example.org/plan")
    with pytest.raises(BuildError, match="is not a full address ending in /"):
        build(root)
    assert not (root / "site").exists()

"""Every English page says the English is unofficial and the Simplified Chinese prevails, linking to
About; About and Home say where the official document is (no official online copy was found) and
state the licences."""
import posixpath
import re
from pathlib import Path

import pytest

from tests.html import pages, parse

PROVENANCE = re.compile(r'<p class="plan-provenance">([^<]*)<a href="([^"]+)">([^<]+)</a></p>')


def test_every_english_page_carries_the_provenance_line(built):
    site = built / "site" / "en"
    found = pages(site)
    assert len(found) >= 13
    for path in found:
        html = path.read_text(encoding="utf-8")
        match = PROVENANCE.search(html)
        assert match, path
        text, href, link = match.groups()
        assert "unofficial translation" in text and "Simplified Chinese prevails" in text
        target = Path(posixpath.normpath(posixpath.join(str(path.parent), href))) / "index.html"
        assert target == site / "about-translation" / "index.html" and target.is_file(), (path, href)
        assert html.index("plan-provenance") < html.index("<h1"), path   # near the top
        assert html.count("plan-provenance") == 1


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant"])
def test_the_chinese_editions_have_no_such_line(built, code):
    assert not any("plan-provenance" in p.read_text(encoding="utf-8") for p in pages(built / "site" / code))


@pytest.mark.parametrize("code, words", [
    ("en", ["No official online copy", "23 December 2011", "CC BY 4.0", "MIT licence", "Copyright Law"]),
    ("zh-Hans", ["未能在深圳市人民政府的网站上找到", "二〇一一年十二月二十三日", "CC BY 4.0", "MIT", "著作权法"]),
    ("zh-Hant", ["未能在深圳市人民政府的網站上找到", "CC BY 4.0", "著作權法"]),
])
def test_about_says_where_the_official_text_is_and_states_the_licences(built, code, words):
    page = parse(built / "site" / code / "about-translation" / "index.html")
    text = "".join("".join(parts) for parts in page.text_by_lang.values())
    for word in words:
        assert word in text, word


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant", "en"])
def test_home_links_to_about_for_the_official_document(built, code):
    home = parse(built / "site" / code / "index.html")
    assert any(a["href"] == "about-translation/" for a in home.links)


def test_no_link_claims_to_be_the_official_publication(built):
    """No official online copy was found: no page links to a Shenzhen government site as its source."""
    for path in pages(built / "site"):
        assert not re.search(r'href="https?://[^"]*sz\.gov\.cn', path.read_text(encoding="utf-8")), path


STATUS = re.compile(r'<li lang="([^"]+)"[^>]*>.*?<p class="status">([^<]*)<a href="([^"]+)" hreflang="[^"]+">([^<]+)</a></p>',
                    re.S)
# (edition, html lang, words its status must say)
STATUSES = [("zh-Hans", "zh-Hans", ["官方文件", "以本版为准"]),
            ("zh-Hant", "zh-Hant-HK", ["非官方文本", "以簡體中文本為準"]),
            ("en", "en", ["unofficial translation", "Simplified Chinese prevails"])]


@pytest.mark.parametrize("page", ["index.html", "404.html"])
def test_the_root_pages_say_how_each_edition_stands_to_the_official_text(built, page):
    """The language chooser and the site's "page not found" page are pages a reader lands on too:
    each edition's entry says, in its language, whether it is the official text, with a link to
    that edition's About page."""
    html = (built / "site" / page).read_text(encoding="utf-8")
    found = {lang: (text, href, link) for lang, text, href, link in STATUS.findall(html)}
    assert sorted(found) == sorted(lang for _, lang, _ in STATUSES)
    for code, lang, words in STATUSES:
        text, href, link = found[lang]
        assert all(word in text for word in words), (lang, text)
        assert href == f"{code}/about-translation/" and (built / "site" / href / "index.html").is_file()
        about = (built / "site" / href / "index.html").read_text(encoding="utf-8")
        heading = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", about, re.S).group(1))
        assert link.strip() in heading, (link, heading)   # the link is named for the page it opens

"""No console error and no failed request on any page: what a reader's browser (and Lighthouse's
best-practices audit) sees when each page of each edition loads."""
from __future__ import annotations

import pytest

from generator.model.languages import LANGUAGES

from tests.chromium.test_pages import visit
from tests.helpers import all_pages, visited_once

pytestmark = pytest.mark.browser  # starts Chromium: `pytest -m "not browser"` leaves it out


@pytest.mark.parametrize("path", visited_once(all_pages()))
def test_a_page_loads_without_console_errors_or_failed_requests(page, server, path):
    """Every console error or warning, uncaught script error, failed or refused request, from the
    page's load until the keyboard walk is done and the skip link's check loads the page again (tests/chromium/test_pages.py:
    visit, which opens each page once for all the tests that look at it)."""
    assert visit(page, server, path)["troubles"] == []


def test_the_head_keeps_its_hreflang_links(built):
    html = (built / "site" / "en" / "ch4" / "index.html").read_text(encoding="utf-8")
    for code, tag in (("zh-Hans", "zh-Hans"), ("zh-Hant", "zh-Hant-HK"), ("en", "en")):
        assert f'<link rel="alternate" href="../../{code}/ch4/" hreflang="{tag}">' in html


def test_material_script_looks_up_no_alternate_link(built):
    """The build changes Material's lookup (generator/website/material_patch.py); the browser test above is
    what shows it works, this one names the cause if Material is upgraded."""
    from generator.website.material_patch import LOOKUP, QUIET

    for lang in LANGUAGES:
        bundle = next((built / "site" / lang.code / "assets" / "javascripts").glob("bundle.*.min.js")).read_bytes()
        assert LOOKUP not in bundle and bundle.count(QUIET) == 1


def test_every_page_names_an_icon_that_exists(built):
    """Browsers ask for /favicon.ico when a page names no icon (a 404 in the console that Chromium
    reports once per browser, so the page test above sees it only on the first page it opens)."""
    import posixpath
    import re

    site = built / "site"
    missing = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        icon = re.search(r'<link rel="icon" href="([^"]+)"', html)
        if not icon:
            missing.append(f"{page.relative_to(site)}: no icon")
            continue
        href = icon.group(1)
        if href.startswith("/"):  # the 404 page: absolute from base_path ("/" here)
            target = site / href.lstrip("/")
        else:
            target = page.parent / posixpath.normpath(href)
        if not target.resolve().is_file():
            missing.append(f"{page.relative_to(site)}: {href}")
    assert missing == []

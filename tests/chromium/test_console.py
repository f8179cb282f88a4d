"""No console error and no failed request on any page: what a reader's browser (and Lighthouse's
best-practices audit) sees when each page of each edition loads."""
from __future__ import annotations

import pytest

from generator.model.languages import LANGUAGES

from tests.helpers import edition_pages

pytestmark = pytest.mark.browser  # starts Chromium: `pytest -m "not browser"` leaves it out

PAGES = ["", "404.html", *edition_pages()]


def troubles(page, path: str) -> list[str]:
    """Every console error or warning, uncaught script error, failed or refused request of one page load."""
    found: list[str] = []

    def listen(opened) -> None:
        opened.on("console", lambda m: found.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning")
                  else None)
        opened.on("pageerror", lambda e: found.append(f"script error: {e}"))
        opened.on("requestfailed", lambda r: found.append(f"request failed: {r.url} ({r.failure})"))
        opened.on("response", lambda r: found.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)

    opened = page(path, before=listen, wait_until="networkidle")
    opened.wait_for_timeout(300)  # requests a script makes after the page went idle
    return found


@pytest.mark.parametrize("path", PAGES)
def test_a_page_loads_without_console_errors_or_failed_requests(page, path):
    assert troubles(page, path) == []


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

"""The parallel view in Chromium: axe, keyboard, reflow, no JavaScript, phone stacking, print, screenshots."""
from __future__ import annotations

import pytest

from generator.model.languages import LANGUAGES
from generator.pages.parallel import DEFAULT_PARTNER

from tests.conftest import ARTIFACTS
from tests.chromium.test_pages import visit

pytestmark = pytest.mark.browser  # starts Chromium: `pytest -m "not browser"` leaves it out

PAGES = [f"{lang.code}/parallel/{DEFAULT_PARTNER[lang.code]}/{page}/" for lang in LANGUAGES
         for page in ("notice", "preamble", "ch4", "glossary")] + ["zh-Hant/parallel/zh-Hans/ch2/"]

GEOMETRY = """(id) => { const halves = document.getElementById(id).querySelectorAll('.plan-half');
  return [...halves].map(h => { const r = h.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, visible: r.height > 0}; }); }"""


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation(browser, server, path):
    assert visit(browser, server, path)["axe"] == []


@pytest.mark.parametrize("path", PAGES)
def test_every_control_is_reachable_by_keyboard_with_visible_focus(browser, server, path):
    walk = visit(browser, server, path)["keyboard"]
    assert walk["missing"] == [] and walk["invisible_focus"] == []


@pytest.mark.parametrize("path", PAGES)
def test_no_horizontal_scrolling_at_320_px_and_nothing_blocked(browser, server, path):
    result = visit(browser, server, path)
    assert result["overflow"] <= 0 and result["blocked"] == []
    assert all(r.startswith(server) for r in result["requests"])


@pytest.mark.parametrize("width, side_by_side", [(1280, True), (375, False)])
def test_without_javascript_the_default_pair_is_side_by_side_or_stacked(browser, server, width, side_by_side):
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}zh-Hans/parallel/en/ch4/#ch4-s3-p2", wait_until="load")
    first, second = page.evaluate(GEOMETRY, "ch4-s3-p2")
    assert first["visible"] and second["visible"]
    if side_by_side:
        assert abs(first["top"] - second["top"]) < 2 and first["right"] <= second["left"]
    else:
        assert second["top"] >= first["bottom"] - 1  # the first edition, then the second
    for heading in ("ch4", "ch4-s3"):  # the title and a section heading: their two halves too
        h_first, h_second = page.evaluate(GEOMETRY, heading)
        if side_by_side:
            assert abs(h_first["top"] - h_second["top"]) < 2 and h_first["right"] <= h_second["left"], heading
        else:
            assert h_second["top"] >= h_first["bottom"] - 1, heading
    assert page.locator("#ch4-s3-p2 > [lang=zh-Hans]").count() == 1 and page.locator("#ch4-s3-p2 > [lang=en]").count() == 1
    context.close()


def test_the_parallel_view_prints_in_two_columns_without_navigation(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}zh-Hans/parallel/en/ch4/", wait_until="load")
    page.emulate_media(media="print")
    first, second = page.evaluate(GEOMETRY, "ch4-s1-p2")
    assert abs(first["top"] - second["top"]) < 2 and first["right"] <= second["left"]
    assert page.evaluate("getComputedStyle(document.querySelector('.plan-parallel-nav')).display") == "none"
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "print-parallel-zh-Hans-en-ch4.pdf"))
    context.close()


def test_screenshots_of_the_parallel_view(browser, server):
    """artifacts/parallel/: each default pair at desktop and phone width."""
    folder = ARTIFACTS / "parallel"
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for width, height, name in ((1280, 900, "desktop"), (375, 812, "phone")):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for lang in LANGUAGES:
            second = DEFAULT_PARTNER[lang.code]
            page.goto(f"{server}{lang.code}/parallel/{second}/ch2/", wait_until="load")
            target = folder / f"{lang.code}-{second}-ch2-{name}.png"
            page.screenshot(path=str(target))
            made.append(target)
        context.close()
    assert all(p.stat().st_size > 10_000 for p in made)

"""The parallel view in Chromium: axe, keyboard, reflow, no JavaScript, phone stacking, print, screenshots."""
from __future__ import annotations

import pytest

from generator.model.languages import LANGUAGES
from generator.pages.parallel import DEFAULT_PARTNER

from tests.browser import FIRST_SCREEN
from tests.conftest import ARTIFACTS
from tests.chromium.test_pages import visit
from tests.helpers import visited_once

pytestmark = pytest.mark.browser  # starts Chromium: `pytest -m "not browser"` leaves it out

PAGES = [f"{lang.code}/parallel/{DEFAULT_PARTNER[lang.code]}/{page}/" for lang in LANGUAGES
         for page in ("notice", "preamble", "ch4", "glossary")] + ["zh-Hant/parallel/zh-Hans/ch2/"]

GEOMETRY = """(id) => { const halves = document.getElementById(id).querySelectorAll('.plan-half');
  return [...halves].map(h => { const r = h.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, visible: r.height > 0}; }); }"""


@pytest.mark.parametrize("path", visited_once(PAGES))
def test_axe_finds_no_violation(page, server, path):
    assert visit(page, server, path)["axe"] == []


@pytest.mark.parametrize("path", visited_once(PAGES))
def test_every_control_is_reachable_by_keyboard_with_visible_focus(page, server, path):
    walk = visit(page, server, path)["keyboard"]
    assert walk["missing"] == [] and walk["invisible_focus"] == []


@pytest.mark.parametrize("path", visited_once(PAGES))
def test_no_horizontal_scrolling_at_320_px_and_nothing_blocked(page, server, path):
    result = visit(page, server, path)
    assert result["overflow"] <= 0 and result["blocked"] == []
    assert all(r.startswith(server) for r in result["requests"])


@pytest.mark.parametrize("width, side_by_side", [(1280, True), (375, False)])
def test_without_javascript_the_default_pair_is_side_by_side_or_stacked(page, width, side_by_side):
    page = page("zh-Hans/parallel/en/ch4/#ch4-s3-p2", width, java_script_enabled=False)
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


def test_the_parallel_view_prints_in_two_columns_without_navigation(page):
    page = page("zh-Hans/parallel/en/ch4/", height=720)
    page.emulate_media(media="print")
    first, second = page.evaluate(GEOMETRY, "ch4-s1-p2")
    assert abs(first["top"] - second["top"]) < 2 and first["right"] <= second["left"]
    assert page.evaluate("getComputedStyle(document.querySelector('.plan-parallel-nav')).display") == "none"
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "print-parallel-zh-Hans-en-ch4.pdf"))


# the first element of the page's text (not a heading) whose two editions are set as halves
FIRST_PAIR = """() => [...document.querySelectorAll('.md-content [id]')]
  .find(e => e.querySelector(':scope > .plan-half') && !/^H[1-6]$/.test(e.tagName)).id"""


@pytest.mark.parametrize("width, height, name, side_by_side", [(1280, 900, "desktop", True), (375, 812, "phone", False)])
@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_each_default_pair_is_side_by_side_on_a_desktop_and_stacked_on_a_phone(page, code, width, height, name,
                                                                                side_by_side):
    """Each edition's default pair (chapter 2) as a reader first sees it: the two editions of a
    paragraph beside each other on a desktop, one under the other on a phone, the title in view
    and legible, nothing wider than the screen. The screenshot is left in artifacts/parallel/."""
    second = DEFAULT_PARTNER[code]
    page = page(f"{code}/parallel/{second}/ch2/", width, height=height)
    seen = page.evaluate(FIRST_SCREEN)
    pair = page.evaluate(FIRST_PAIR)
    first, other = page.evaluate(GEOMETRY, pair)
    folder = ARTIFACTS / "parallel"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{code}-{second}-ch2-{name}.png"))
    assert first["visible"] and other["visible"], pair
    if side_by_side:
        assert abs(first["top"] - other["top"]) < 2 and first["right"] <= other["left"], (pair, first, other)
    else:
        assert other["top"] >= first["bottom"] - 1, (pair, first, other)
    assert seen["overflow"] <= 0 and seen["heading"] and seen["headingInView"] and seen["contrast"] >= 4.5, seen

"""Search as readers meet it, in Chromium: the query table, landing, highlights, keyboard, live region, axe."""
from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest

from tests.browser import serve
from tests.conftest import AXE
from tests.chromium.test_pages import _axe
from tests.website.search.cases import CASES

pytestmark = pytest.mark.browser  # starts Chromium: `pytest -m "not browser"` leaves it out

VISIBLE = """(el) => {
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1 || r.right <= 0 || r.left >= innerWidth) return false;
  for (let e = el; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.opacity) === 0) return false;
  }
  return true;
}"""


def _search(page, query: str) -> dict:
    """Type `query` into the search box; return the status text and the result links."""
    page.click("#plan-search-input")
    page.fill("#plan-search-input", "")
    page.wait_for_function("() => document.querySelector('#plan-search-status').textContent === ''")
    page.keyboard.type(query)
    page.wait_for_function("(q) => document.querySelector('#plan-search-status').dataset.query === q", arg=query,
                           timeout=15000)
    return page.evaluate("""() => ({
      status: document.querySelector('[aria-live]#plan-search-status').textContent,
      links: [...document.querySelectorAll('#plan-search-results a')].map(a => a.getAttribute('href')),
      listHidden: document.querySelector('#plan-search-results').hidden,
    })""")


@pytest.mark.parametrize("code, query, expected, why", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_the_top_result_lands_on_the_paragraph(page, code, query, expected, why):
    page = page(f"{code}/ch1/", init=AXE)
    found = _search(page, query)
    if expected is None:
        assert found["links"] == [], (query, found)
        texts = json.loads(page.get_attribute("form[data-plan-search]", "data-texts"))
        assert found["status"] == texts["none"] and not found["listHidden"], found
        return
    assert found["links"], (query, why, found)
    top = found["links"][0]
    assert re.sub(r"\?[^#]*", "", top) == f"../{expected}", (query, why, found["links"][:3])
    assert re.search(r"[?&]q=", top)
    page.keyboard.press("ArrowDown")  # the keyboard's way: first result, then Enter
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == top
    with page.expect_navigation():
        page.keyboard.press("Enter")
    anchor = expected.split("#", 1)[1]
    page.wait_for_selector("mark.plan-search__mark", timeout=10000)
    landed = page.evaluate("""(anchor) => {
      const el = document.getElementById(anchor);
      const r = el.getBoundingClientRect();
      const scope = [el];  // a heading stands for the text under it, up to the next heading
      if (/^H[1-6]$/.test(el.tagName))
        for (let e = el.nextElementSibling; e && !/^H[1-6]$/.test(e.tagName); e = e.nextElementSibling) scope.push(e);
      const marks = scope.flatMap(e => [...e.querySelectorAll('mark.plan-search__mark')].map(m => m.textContent));
      return {hash: location.hash, top: r.top, bottom: r.bottom, height: innerHeight, marks,
              elsewhere: document.querySelectorAll('mark.plan-search__mark').length - marks.length};
    }""", anchor)
    assert unquote(landed["hash"]) == f"#{anchor}"
    assert landed["top"] < landed["height"] and landed["bottom"] > 0, "the paragraph is not on screen"
    assert landed["marks"] and landed["elsewhere"] == 0
    # the words of the query are marked, never single characters or letters of a longer word
    assert all(len(m.strip()) >= 2 for m in landed["marks"]), landed["marks"]
    if code == "en":
        words = [w for w in re.findall(r"[a-z0-9]+", query.lower()) if len(w) > 1]
        assert all(any(w[:3] in m.lower() for w in words) for m in landed["marks"]), landed["marks"]


def test_the_result_count_is_announced_in_a_live_region(page):
    page = page("en/")
    live = page.locator("[aria-live]#plan-search-status")
    assert live.count() == 1 and live.get_attribute("role") == "status"
    found = _search(page, "cloud computing")
    assert re.fullmatch(r"\d+ places found", found["status"]), found["status"]
    assert int(found["status"].split()[0]) == len(found["links"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
def test_axe_finds_no_violation_with_the_results_open(page, width, scheme):
    """At rest, with a result under the pointer and with a result focused by keyboard (both tint
    the result's background, which the small grey place text must still stand out from)."""
    page = page("zh-Hant/ch4/", width, scheme, height=800, init=AXE)
    if width < 960:
        page.click(".plan-search__open")
    _search(page, "醫療衛生")
    assert page.is_visible("#plan-search-results li")
    assert _axe(page) == [], "at rest"
    page.hover("#plan-search-results li:nth-child(2) a")
    assert _axe(page) == [], "a result under the pointer"
    page.mouse.move(0, 0)
    page.focus("#plan-search-input")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.closest('#plan-search-results') !== null")
    assert _axe(page) == [], "a result focused by keyboard"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("code, query", [("zh-Hans", "医疗卫生"), ("zh-Hant", "醫療衛生"), ("en", "health care")])
def test_the_words_marked_on_the_landed_page_are_readable(page, code, query, scheme):
    """The marks a result leaves on the paragraph keep 4.5:1 in both colour schemes."""
    page = page(f"{code}/ch4/", 1280, scheme, height=800, init=AXE)
    found = _search(page, query)
    assert found["links"], found
    with page.expect_navigation():
        page.click("#plan-search-results li:first-child a")
    page.wait_for_selector("mark.plan-search__mark", timeout=10000)
    assert _axe(page) == []


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_search_by_keyboard_alone(page, width):
    """Tab to the search, type, arrow down to a result, Enter: the paragraph, at every width."""
    page = page("en/ch2/", width, height=800)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('#plan-search-input, .plan-search__open')"):
            break
    else:
        pytest.fail("Tab never reaches the search")
    if page.evaluate("() => document.activeElement.matches('.plan-search__open')"):
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "plan-search-input"
    page.keyboard.type("fiber")
    page.wait_for_selector("#plan-search-results a", state="visible")
    assert page.evaluate("() => document.documentElement.scrollWidth - innerWidth") <= 0
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("#ch4-s1-p2")
    page.go_back()
    page.wait_for_load_state("load")
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") == "plan-search-input"
    page.keyboard.press("Escape")
    assert not page.evaluate("() => document.getElementById('__search').checked")


@pytest.mark.parametrize("width", [320, 1280])
def test_nothing_invisible_takes_focus(page, width):
    """Before and after a search: every search control Tab reaches can be seen (the drawer is issue 18's)."""
    page = page("zh-Hans/ch4/", width, height=800)
    invisible = []
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === document.body"):
            break
        if page.evaluate("() => !!document.activeElement.closest('#plan-search, .plan-search__open')") and \
                not page.evaluate(f"() => ({VISIBLE})(document.activeElement)"):
            invisible.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)"))
    assert invisible == []
    if width >= 960:  # results typed, then closed with Escape: their links must not stay in the tab order
        _search(page, "信息安全")
        page.keyboard.press("Escape")
        hidden_links = page.evaluate("""() => [...document.querySelectorAll('#plan-search-results a')]
          .filter(a => a.offsetParent !== null).length""")
        assert hidden_links == 0


# Each edition's search under its Content-Security-Policy, published under a sub-path: (edition,
# query, where the top result lands). Simplified and Traditional input in the Hong Kong edition.
UNDER_CSP = [("zh-Hans", "云计算", "ch4/#ch4-s3-p3"), ("zh-Hant", "云计算", "ch4/#ch4-s3-p3"),
             ("zh-Hant", "雲計算", "ch4/#ch4-s3-p3"), ("en", "cloud computing", "ch4/#ch4-s3-p3")]


@pytest.mark.parametrize("code, query, expected", UNDER_CSP)
def test_search_works_under_a_sub_path_and_the_content_security_policy(page, built, code, query, expected):
    """Published at /plan/: the page carries its policy, the index loads, results and landing stay
    under the prefix, the CSP blocks nothing, in every edition. (test_pages.py had a second test
    that searched under the CSP the same way, at the root: merged here.)"""
    with serve(built / "site", prefix="/plan/") as base:
        problems: list[str] = []

        def listen(page) -> None:
            page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
            page.on("response", lambda r: problems.append(r.url)
                    if r.status >= 400 and not r.url.endswith("/sitemap.xml") else None)

        page = page(base + f"{code}/glossary/", before=listen)
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        target, anchor = expected.split("#")
        found = _search(page, query)
        assert found["links"][0].startswith(f"../{target}?q="), found["links"][:3]
        page.keyboard.press("ArrowDown")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.startswith(f"{base}{code}/{target}?q=") and page.url.endswith(f"#{anchor}")
        page.wait_for_selector(f"#{anchor} mark.plan-search__mark")
        assert problems == []


def test_enter_in_the_box_opens_the_first_result_of_the_whole_query(page):
    """Typed fast and Enter at once: the first result of what is typed, never of a part of it."""
    page = page("en/ch1/")
    page.click("#plan-search-input")
    page.keyboard.type("cloud computing", delay=0)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/en/ch4/?q=cloud%20computing#ch4-s3-p3"), page.url
    page.wait_for_selector("#ch4-s3-p3 mark.plan-search__mark")

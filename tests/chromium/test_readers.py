"""Readers on phones, keyboards, screen readers and paper (issue 18), in Chromium.

What axe does not measure: a keyboard walk of every tab stop at phone and desktop widths (visible,
on screen, named, focus shown), the navigation drawer by keyboard, the language switcher keeping
the paragraph in view, reflow at 320 px, printed tables, computed styles (no italic Chinese,
Latin fonts and no unhyphenated justification in English), axe in the dark scheme, the names of
headings and skip links, empty cells, charts, and screenshots of each view in artifacts/readers/.
"""
from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.derive import progress
from generator.derive.localize import localizer
from generator.model.languages import LANGUAGES

from tests.browser import FIRST_SCREEN
from tests.conftest import ARTIFACTS, AXE
from tests.chromium.test_pages import CONTRAST, STILL, _axe, low_contrast
from tests.helpers import all_pages, page_path, repo_plan, visited_once

pytestmark = pytest.mark.browser  # starts Chromium: `pytest -m "not browser"` leaves it out

CODES = [lang.code for lang in LANGUAGES]
TAG = {lang.code: lang.html_lang for lang in LANGUAGES}
SHOTS = ARTIFACTS / "readers"

# How this file opens a page (with the `page` fixture): 800 px high, axe-core loaded, once the
# network is idle, transitions off (STILL).
READER = {"height": 800, "init": AXE, "wait_until": "networkidle", "style": STILL}


@pytest.fixture(scope="module")
def ui(plan) -> dict[str, dict[str, str]]:
    """Every interface string (site.yaml `ui:`) in each edition's language."""
    return {lang.code: {key: localizer(lang, plan).ui(key) for key in plan.site.ui} for lang in LANGUAGES}


def _longest_chapter(plan) -> str:
    return max(plan.chapters, key=lambda c: sum(len(p.text) for s in c.sections for p in s.paragraphs)).id


STOP = """() => {
  %s
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
  let shown = true;
  for (let e = el; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.visibility !== 'visible' || s.display === 'none' || parseFloat(s.opacity) < 0.5) shown = false;
  }
  const cx = Math.min(Math.max((r.left + r.right) / 2, 0), window.innerWidth - 1);
  const cy = Math.min(Math.max((r.top + r.bottom) / 2, 0), window.innerHeight - 1);
  const hit = document.elementFromPoint(cx, cy);
  const covered = !!hit && !el.contains(hit) && !hit.contains(el);
  axe.setup(document);
  const name = axe.commons.text.accessibleText(el).trim();
  axe.teardown();
  const measured = contrastOf(el);  // needs no axe
  return {tag: el.tagName, cls: String(el.className).slice(0, 60), name: name.slice(0, 60),
          shown, covered, x: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top), bottom: Math.round(r.bottom),
          w: r.width, h: r.height, vw: window.innerWidth, vh: window.innerHeight,
          ...measured,
          focus: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none',
          key: el.tagName + '|' + (el.id || '') + '|' + (el.getAttribute('href') || '') + '|' + el.className + '|' + name};
}""" % CONTRAST


def _problems(stop: dict) -> list[str]:
    found = []
    if not stop["shown"]:
        found.append("hidden or transparent")
    if stop["w"] < 1 or stop["h"] < 1:
        found.append("no size")
    if stop["right"] < 1 or stop["x"] > stop["vw"] - 1 or stop["bottom"] < 1 or stop["top"] > stop["vh"] - 1:
        found.append("off screen")
    elif stop["covered"]:
        found.append("covered by another element (WCAG 2.4.11)")
    if not stop["name"]:
        found.append("no name")
    if not stop["focus"]:
        found.append("no visible focus indicator")
    if low_contrast(stop):
        found.append(low_contrast(stop))
    return found


def walk(page, limit: int = 600) -> list[dict]:
    """Press Tab until the focus comes back round; every stop, with its problems."""
    stops: list[dict] = []
    seen_body = 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(STOP)
        if stop is None:
            seen_body += 1
            if seen_body > 1 or stops:
                break
            continue
        if stops and stop["key"] == stops[0]["key"]:
            break
        stop["problems"] = _problems(stop)
        stops.append(stop)
    return stops


@pytest.mark.parametrize("code, width, scheme", [(code, width, "light") for code in CODES for width in (320, 375, 768, 1280)]
                         + [(code, width, "dark") for code in CODES for width in (375, 1280)])
def test_keyboard_walk_of_a_chapter(page, code, width, scheme, ui):
    """Every tab stop is visible, on screen, named, shows its focus and keeps its text's contrast
    while focused; nothing has tabindex > 0."""
    page = page(f"{code}/ch3/", width, scheme, **READER)
    assert page.evaluate("() => document.querySelectorAll('[tabindex]:not([tabindex=\"0\"]):not([tabindex^=\"-\"])').length") == 0
    stops = walk(page)
    assert len(stops) > 20
    assert stops[0]["name"] == ui[code]["skip_link"], stops[0]
    if width < 1220:  # the menu button comes right after the skip link (Material's drawer below 76.25em)
        assert stops[1]["name"] == ui[code]["navigation_menu"], stops[1]
    bad = [(s["name"], s["cls"], s["problems"]) for s in stops if s["problems"]]
    assert bad == [], f"{len(bad)} bad tab stops at {width}px: {bad[:8]}"


@pytest.mark.parametrize("code", CODES)
def test_the_drawer_opens_and_closes_by_keyboard(page, code, plan):
    page = page(f"{code}/ch3/", 375, **READER)
    button = "[data-plan-drawer]"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("(s) => document.activeElement.matches(s)", button)
    assert page.get_attribute(button, "aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.get_attribute(button, "aria-expanded") == "true"
    inside = "() => !!document.activeElement.closest('.md-sidebar--primary')"
    assert page.evaluate(inside), "opening the drawer moves the focus into it"
    if code == "en":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{code}-ch3-drawer-open-375.png"))
    # Tab through the drawer: every link visible and on screen, the page's sections included
    drawer_stops = []
    while page.evaluate(inside):
        stop = page.evaluate(STOP)
        drawer_stops.append(stop)
        assert _problems(stop) == [], stop
        page.keyboard.press("Tab")
    assert len(drawer_stops) >= len(plan.site.contents) + len(plan.chapters[2].sections)
    assert page.get_attribute(button, "aria-expanded") == "false", "leaving the drawer closes it"
    # Escape closes it and gives the focus back to the button; Space opens it too
    page.focus(button)
    page.keyboard.press(" ")
    assert page.get_attribute(button, "aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert page.get_attribute(button, "aria-expanded") == "false"
    assert page.evaluate("(s) => document.activeElement.matches(s)", button)
    hidden = page.evaluate("() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility")
    assert hidden == "hidden", "a closed drawer takes no focus"


@pytest.mark.parametrize("code", CODES)
def test_the_drawer_has_a_visible_close_button(page, code, ui):
    """On a phone, the open drawer says how to close it: a named button in its title bar, reached
    by Shift+Tab from the first link; it closes the drawer and gives the focus back to the menu."""
    page = page(f"{code}/ch3/", 375, **READER)
    menu, close = "[data-plan-drawer]", "[data-plan-drawer-close]"
    page.click(menu)
    assert page.get_attribute(menu, "aria-expanded") == "true"
    page.keyboard.press("Shift+Tab")
    while not page.evaluate("(s) => document.activeElement.matches(s)", close):
        page.keyboard.press("Shift+Tab")  # past the logo link of the title bar
        assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")
    stop = page.evaluate(STOP)
    assert stop["name"] == ui[code]["close_menu"] and _problems(stop) == [], stop
    box = page.locator(close).bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44 and 0 <= box["x"] and box["x"] + box["width"] <= 375
    page.keyboard.press("Enter")
    assert page.get_attribute(menu, "aria-expanded") == "false"
    assert page.evaluate("(s) => document.activeElement.matches(s)", menu)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not page.locator(close).is_visible()  # no drawer on a wide screen, no close button


@pytest.mark.parametrize("code", CODES)
def test_the_colour_scheme_toggle_works_by_keyboard(page, code, ui):
    page = page(f"{code}/ch3/", 1280, **READER)
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.focus(".plan-palette-button:not([hidden])")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == ui[code]["scheme_dark"]
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function("() => document.activeElement.matches('.plan-palette-button:not([hidden])')")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == ui[code]["scheme_light"]
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")


@pytest.mark.parametrize("code", CODES)
def test_the_switcher_keeps_the_paragraph_in_view(page, code):
    """Scrolled to a paragraph (the address names none), the other edition opens at that paragraph."""
    other = next(c for c in CODES if c != code)
    page = page(f"{code}/ch3/", 1280, **READER)
    assert "#" not in page.url
    page.evaluate("() => document.getElementById('ch3-s2-p3').scrollIntoView()")
    page.wait_for_timeout(300)
    page.focus(".md-select button")
    link = page.locator(f"a[data-edition='{other}']")
    assert link.get_attribute("href").endswith(f"{other}/ch3/#ch3-s2-p3")
    with page.expect_navigation():
        link.click()
    assert page.url.endswith(f"{other}/ch3/#ch3-s2-p3")
    box = page.evaluate("() => document.getElementById('ch3-s2-p3').getBoundingClientRect().toJSON()")
    assert 0 <= box["top"] < 900


@pytest.mark.parametrize("code", CODES)
def test_the_named_paragraph_survives_a_layout_shift_until_the_reader_scrolls(page, code):
    """Arrived at #ch3-s2-p2: content that grows above it later (a slow font, an image) moves the
    page, not the reader, so the switcher keeps #ch3-s2-p2; after the reader's own wheel scroll,
    it follows the view (seen once in a loaded run: the link had moved to #ch3-s1-p3)."""
    other = next(c for c in CODES if c != code)
    page = page(f"{code}/ch3/#ch3-s2-p2", 1280, **READER)
    link = page.locator(f"a[data-edition='{other}']")
    # Safari has no scroll anchoring: there, content that grows above moves what the reader sees
    page.evaluate("""() => { document.documentElement.style.overflowAnchor = 'none';
                            document.body.style.overflowAnchor = 'none';
                            const shim = document.createElement('div'); shim.style.height = '700px';
                            document.querySelector('.md-content article').prepend(shim); }""")
    page.wait_for_timeout(300)
    page.focus(".md-select button")
    assert link.get_attribute("href").endswith(f"{other}/ch3/#ch3-s2-p2")
    page.mouse.move(640, 500)
    page.mouse.wheel(0, 2400)
    page.wait_for_timeout(400)
    page.focus(".md-select button")
    assert not link.get_attribute("href").endswith("#ch3-s2-p2")


REFLOW = """() => {
  const width = document.documentElement.clientWidth, bad = [];
  const fits = (r) => r.left >= -1 && r.right <= width + 1;
  document.querySelectorAll('main *, .md-content *').forEach((el) => {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || fits(r) || getComputedStyle(el).visibility !== 'visible') return;
    const region = el.closest('[role=region][tabindex="0"]');
    if (region && region !== el && fits(region.getBoundingClientRect())) return;
    bad.push(el.tagName + '.' + String(el.className).slice(0, 30) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  });
  return bad;
}"""

ITALIC = """() => {
  const bad = [];
  document.querySelectorAll('body *').forEach((el) => {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) return;
    const lang = (el.closest('[lang]') || document.documentElement).getAttribute('lang') || '';
    if (lang.startsWith('zh') && getComputedStyle(el).fontStyle !== 'normal')
      bad.push(el.tagName + '.' + el.className + ': ' + el.textContent.trim().slice(0, 20));
  });
  return bad;
}"""

ENGLISH_TEXT = """() => {
  const bad = [], fonts = new Set();
  document.querySelectorAll('body *').forEach((el) => {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && /[A-Za-z]{3}/.test(n.textContent));
    if (!own || !el.getClientRects().length) return;
    const lang = (el.closest('[lang]') || document.documentElement).getAttribute('lang') || '';
    if (!lang.startsWith('en')) return;
    const cs = getComputedStyle(el);
    fonts.add(cs.fontFamily.split(',')[0].trim().replace(/["']/g, ''));
    if (cs.textAlign === 'justify' && cs.hyphens !== 'auto') bad.push(el.tagName + '.' + el.className);
  });
  return {bad, fonts: [...fonts]};
}"""
CJK_FONT = re.compile(r"CJK|PingFang|YaHei|JhengHei|Hiragino|Han Sans|WenQuanYi|Hei|Song|Ming", re.I)

_visits: dict[str, dict] = {}


def _used_font(context, page) -> str | None:
    """The font Chromium actually draws the first English paragraph with (not just the first listed)."""
    if not page.evaluate("() => { const p = [...document.querySelectorAll('main p, .md-content p')].find("
                         "(e) => /[A-Za-z]{3}/.test(e.textContent) && !e.closest('[lang^=zh]')); "
                         "if (p) p.setAttribute('data-font-probe', ''); return !!p; }"):
        return None
    cdp = context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "[data-font-probe]"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return max(fonts, key=lambda f: f["glyphCount"])["familyName"]


def visit(page, path: str) -> dict:
    """Open a page once in the dark scheme (axe, computed styles), then at 320 px (reflow); `page`
    is the `page` fixture."""
    if path in _visits:
        return _visits[path]
    page = page(path, 1280, "dark", **READER)
    if path.startswith(tuple(CODES)):  # Material applies the scheme once its script has run
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'", timeout=10000)
    result = {"scheme": page.evaluate("() => document.body.getAttribute('data-md-color-scheme')"),
              "axe": _axe(page), "italic": page.evaluate(ITALIC)}
    page.set_viewport_size({"width": 320, "height": 640})
    page.wait_for_timeout(150)
    result["reflow"] = page.evaluate(REFLOW)
    result["english"] = page.evaluate(ENGLISH_TEXT)
    result["font"] = _used_font(page.context, page)
    page.context.close()  # done with it (the fixture closes it again at teardown, harmlessly)
    _visits[path] = result
    return result


# Interactive states that recolour text (Material's accent on hover and focus, tinted
# backgrounds, panels): (width, page, how to reach the state, a script true once it is reached).
STATES = {
    "drawer open, its first link focused": (
        320, "zh-Hans/ch4/", lambda page: page.click("[data-plan-drawer]"),
        "() => document.activeElement.matches('.md-sidebar--primary .md-nav__link')"),
    "a navigation link under the pointer": (
        1280, "zh-Hant/ch4/", lambda page: page.hover(".md-sidebar--primary li:nth-child(3) > .md-nav__link"),
        "() => document.querySelector('.md-sidebar--primary li:nth-child(3) > .md-nav__link').matches(':hover')"),
    "a contents link focused by keyboard": (
        1280, "en/ch4/", lambda page: (page.focus(".md-sidebar--secondary .md-nav__link"),
                                       page.keyboard.press("Tab")),
        "() => document.activeElement.matches('.md-sidebar--secondary .md-nav__link:focus-visible')"),
    "a glossary link under the pointer": (
        1280, "en/ch4/", lambda page: page.hover(".md-content a.plan-term"),
        "() => document.querySelector('.md-content a.plan-term').matches(':hover')"),
    "a footer link focused by keyboard": (
        1280, "zh-Hans/ch4/", lambda page: (page.focus(".md-footer__link"), page.keyboard.press("Shift+Tab"),
                                            page.keyboard.press("Tab")),
        "() => document.activeElement.matches('.md-footer__link:focus-visible')"),
    "the language list open": (
        1280, "zh-Hant/ch4/", lambda page: page.focus(".md-select button"),
        "() => document.activeElement.matches('.md-select button')"),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", list(STATES))
def test_axe_finds_no_violation_in_interactive_states(page, state, scheme):
    """Text keeps 4.5:1 under the pointer and the keyboard's focus, not only at rest (1.4.3)."""
    width, path, reach, reached = STATES[state]
    page = page(path, width, scheme, **READER)
    reach(page)
    assert page.evaluate(reached), f"{state}: not reached"
    assert _axe(page) == [], f"{state} ({scheme})"


@pytest.mark.parametrize("path", visited_once(all_pages()))
def test_axe_finds_no_violation_in_the_dark_scheme(page, path):
    """(test_pages.py runs axe in the light scheme.)"""
    result = visit(page, path)
    if path.startswith(tuple(CODES)):
        assert result["scheme"] == "slate"
    assert result["axe"] == [], f"/{path}: {result['axe']}"


@pytest.mark.parametrize("path", visited_once(all_pages()))
def test_reflow_at_320_css_pixels(page, path):
    """No element of the page wider than the viewport, unless inside a focusable scroll region."""
    bad = visit(page, path)["reflow"]
    assert bad == [], bad[:10]


@pytest.mark.parametrize("path", visited_once(all_pages()))
def test_no_chinese_text_is_set_in_italics(page, path):
    bad = visit(page, path)["italic"]
    assert bad == [], bad[:10]


@pytest.mark.parametrize("path", visited_once([p for p in all_pages() if not p.startswith(("zh-Hans/", "zh-Hant/"))]))
def test_english_text_is_set_in_a_latin_font_and_not_justified_without_hyphenation(page, path):
    result = visit(page, path)
    assert result["english"]["bad"] == [], result["english"]["bad"][:10]
    assert [f for f in result["english"]["fonts"] if CJK_FONT.search(f)] == [], result["english"]["fonts"]
    assert result["font"] is None or not CJK_FONT.search(result["font"]), f"English drawn with {result['font']}"


@pytest.mark.parametrize("code, pid", [(code, "progress") for code in CODES] + [("en", "downloads"), ("zh-Hant", "index")])
def test_a_wide_table_scrolls_in_a_named_region_with_a_cue_and_its_first_column_in_view(page, code, pid):
    page = page(page_path(code, pid), 320, **READER)
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_timeout(200)  # the cue follows the layout (fonts arriving late) within a frame or two
    info = page.evaluate("""() => [...document.querySelectorAll('.plan-table-wrap')].map((w) => {
      const scrolls = w.scrollWidth > w.clientWidth + 1;
      const hint = w.previousElementSibling;
      const th = w.querySelector('tbody th[scope=row]');
      const before = th ? th.getBoundingClientRect().left : null;
      w.scrollLeft = w.scrollWidth;
      const after = th ? th.getBoundingClientRect().left : null;
      w.scrollLeft = 0;
      return {scrolls, name: w.getAttribute('aria-label'), role: w.getAttribute('role'), tabindex: w.tabIndex,
              hint: !!(hint && hint.classList.contains('plan-scroll-hint') && hint.offsetHeight),
              kept: before === null || Math.abs(before - after) < 1};
    })""")
    page.evaluate("() => document.querySelector('.plan-table-wrap').scrollIntoView()")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{code}-{pid}-table-320.png"))
    assert info, "no table region"
    if pid == "progress":
        assert any(i["scrolls"] for i in info), "expected the indicators table to scroll at 320 px"
    for i in info:
        assert i["role"] == "region" and i["name"] and i["tabindex"] == 0, i
        if i["scrolls"]:
            assert i["hint"] and i["kept"], str(i)


def _pdf_text(path: Path) -> tuple[str, list[str]]:
    """The printed text (letters and digits only, NFKC: Chromium maps some CJK glyphs to radicals)
    and every run of text that starts outside its page box."""
    from pypdf import PdfReader

    text: list[str] = []
    outside: list[str] = []
    for page in PdfReader(str(path)).pages:
        width = float(page.mediabox.width)

        def visit(run, cm, tm, font, size, width=width):
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            if run.strip() and not -0.5 <= x <= width + 0.5:
                outside.append(run)

        text.append(page.extract_text(visitor_text=visit))
    return _letters("".join(text)), outside


def _letters(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())


A4_CSS_WIDTH = 794  # 210 mm at 96 CSS px per inch: the width Chromium lays a printed A4 page out at


# The progress page and the longest chapter in each edition; every other page with a table in
# the two editions whose tables are widest (English words, Hong Kong's converted terms).
PRINTED = ([(code, pid) for pid in ("progress", _longest_chapter(repo_plan())) for code in CODES]
           + [(code, pid) for pid in ("index", "downloads", "translation-status") for code in ("zh-Hant", "en")])


@pytest.mark.parametrize("code, pid", PRINTED)
def test_printed_tables_fit_the_page(page, code, pid):
    """Printed (A4): every table's right edge inside the page box, nothing clipped or scrolled away,
    and in the PDF no text beyond the page and every table's last column printed."""
    page = page(page_path(code, pid), A4_CSS_WIDTH, height=1123, wait_until="networkidle")
    page.emulate_media(media="print")
    tables = page.evaluate("""() => [...document.querySelectorAll('.md-content table')].map((t) => {
      const cells = [...t.querySelectorAll('th, td')];
      let clip = null;
      for (let e = t.parentElement; e; e = e.parentElement)
        if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') clip = e.className;
      const last = [...t.querySelectorAll('thead tr:first-child > *')].pop();
      return {right: Math.max(...cells.map((c) => c.getBoundingClientRect().right), t.getBoundingClientRect().right),
              width: document.documentElement.clientWidth, clip, last: last ? last.textContent : ''};
    })""")
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"print-{code}-{pid}.pdf"
    page.pdf(path=str(target), format="A4")
    for t in tables:
        assert t["right"] <= t["width"] + 0.5 and t["clip"] is None, t
    text, outside = _pdf_text(target)
    assert outside == [], f"{len(outside)} runs of text outside the page box: {outside[:5]}"
    assert all(_letters(t["last"]) in text for t in tables), [t["last"] for t in tables if _letters(t["last"]) not in text]


@pytest.mark.parametrize("code", CODES)
def test_headings_and_skip_link_have_full_names(page, ui, code):
    for pid in ("ch3", "glossary", "progress"):
        opened = page(f"{code}/{pid}/", 1280, **READER)
        names = opened.evaluate("""() => { axe.setup(document);
          const out = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
            text: h.textContent.trim(), name: axe.commons.text.accessibleText(h).trim()}));
          const links = [...document.querySelectorAll('h1 a.headerlink, h2 a.headerlink, h3 a.headerlink')]
            .map((a) => axe.commons.text.accessibleText(a).trim());
          axe.teardown(); return {headings: out, links}; }""")
        skip = opened.evaluate("() => document.querySelector('.md-skip').textContent.trim()")
        opened.context.close()  # one page at a time, as before (the fixture closes it again at teardown)
        assert skip == ui[code]["skip_link"]
        assert names["headings"], pid
        for h in names["headings"]:
            assert h["name"] and "¶" not in h["name"], h
        prefix = ui[code]["heading_permalink_named"].split("{")[0]
        assert names["links"] and all(n.startswith(prefix) and len(n) > len(prefix) + 1 for n in names["links"])


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self.cells.append("")
            self._depth += 1

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.cells[-1] += data


@pytest.mark.parametrize("code", CODES)
def test_no_table_cell_is_silent(built, code, ui):
    """An empty cell says so ("no data" in the edition's language), so a screen reader reads something."""
    for path in sorted((built / "site" / code).rglob("*.html")):
        parser = _Cells()
        parser.feed(path.read_text(encoding="utf-8"))
        assert all(c.strip() for c in parser.cells), f"{path}: an empty cell"
    progress = (built / "site" / code / "progress" / "index.html").read_text(encoding="utf-8")
    assert f'<span class="plan-nodata">{ui[code]["no_data"]}</span>' in progress


@pytest.mark.parametrize("code", CODES)
def test_charts_have_plain_axes_a_legend_and_a_text_alternative(built, code, ui, plan):
    html = (built / "site" / code / "progress" / "index.html").read_text(encoding="utf-8")
    charts = re.findall(r'<svg class="plan-chart"[^>]*aria-label="([^"]*)"[^>]*>(.*?)</svg>', html, re.S)
    assert len(charts) == len(plan.indicators.indicators)
    for (label, body), ind in zip(charts, plan.indicators.indicators):
        ticks = re.findall(r'text-anchor="end"[^>]*>([^<]*)<', body)
        assert len(ticks) >= 3, (ind.id, ticks)
        assert not any(re.search(r"\de[+-]\d", t) for t in ticks), ticks
        if code != "en" and ind.target.value >= 1e4 and ind.unit not in ("percent", "percent_per_year"):
            assert any(re.search("[万萬亿億]", t) for t in ticks), ticks
        if code == "en" and ind.target.value >= 1e4:
            assert any("," in t for t in ticks), ticks
        # every value it plots, by year, and the status, in words
        years = {ind.target.year, *(o.year for o in ind.observations)} | ({ind.baseline.year} if ind.baseline else set())
        assert all(str(y) in label for y in years), label
        assert ui[code][f"status_{progress.status(ind)}"] in label, label
    assert html.count('class="plan-chart-legend"') == len(charts)


# Phone-width views (320 and 375 px) and their desktop counterparts, light and dark: (path, width,
# scheme, the part of the page a link leads to, or None for the top of the page)
VIEWS = [("", 375, "light", None), ("404.html", 375, "light", None), ("en/404.html", 375, "dark", None),
         ("zh-Hant/ch3/", 320, "light", None), ("en/ch3/", 375, "dark", None),
         ("en/progress/", 375, "light", "#household-broadband"), ("zh-Hans/progress/", 375, "dark", "#fibre-to-the-home"),
         ("zh-Hans/glossary/", 375, "light", "#glossary-key-terms"), ("en/ch3/", 1280, "light", None),
         ("zh-Hant/progress/", 1280, "dark", "#indicators")]

# Where an element is on the screen, and whether it is what is drawn there (not under the fixed header)
PLACED = """(s) => { const el = document.querySelector(s); if (!el) return null;
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(Math.min(r.left + 4, innerWidth - 1), Math.min(r.top + Math.min(r.height / 2, 8), innerHeight - 1));
  return {top: r.top, bottom: r.bottom, height: innerHeight, drawn: !!hit && (el.contains(hit) || hit.contains(el))}; }"""


@pytest.mark.parametrize("path, width, scheme, anchor", VIEWS,
                         ids=[f"{p or 'root'}-{w}-{s}{'-' + a[1:] if a else ''}" for p, w, s, a in VIEWS])
def test_each_fixed_view_is_drawn_in_its_scheme_legible_and_within_the_screen(page, path, width, scheme, anchor):
    """Each view a reader meets on a phone (and its desktop counterpart) is drawn in the colour
    scheme the reader's system asks for, its heading legible against the page, nothing wider than
    the screen, and a link to a part of the page shows it on screen, not under the header. The
    screenshot is left in artifacts/readers/ to look at."""
    page = page(path + (anchor or ""), width, scheme, **READER)  # a link to that part of the page
    seen = page.evaluate(FIRST_SCREEN)
    placed = page.evaluate(PLACED, anchor) if anchor else None
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{(path.strip('/').replace('/', '-') or 'root')}-{width}-{scheme}.png"))
    assert seen["overflow"] <= 0, seen
    assert (seen["background"] < 0.2) if scheme == "dark" else (seen["background"] > 0.8), seen
    assert seen["heading"] and seen["contrast"] >= 4.5, seen
    if anchor is None:
        assert seen["headingInView"], seen
    else:
        assert placed is not None, f"{path} has no {anchor}"
        assert 0 <= placed["top"] < placed["height"] and placed["drawn"], placed

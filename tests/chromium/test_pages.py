"""Every page of every edition in a real browser: axe-core (WCAG 2.0/2.1/2.2 A and AA), requests,
keyboard access and focus visibility, the skip link, reflow at 320 CSS px, print, screenshots."""
from __future__ import annotations

import pytest

from generator.model.languages import LANGUAGES

from tests.browser import FIRST_SCREEN, serve
from tests.conftest import ARTIFACTS, AXE, AXE_TAGS
from tests.helpers import all_pages, edition_pages, visited_once

pytestmark = pytest.mark.browser  # starts Chromium: `pytest -m "not browser"` leaves it out


_visits: dict[str, dict] = {}

MARK_CANDIDATES = """() => {
  const found = [];
  document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')
    .forEach((el, i) => {
      const tabindex = el.getAttribute('tabindex');
      if ((tabindex !== null && +tabindex < 0) || el.disabled || el.closest('[hidden], [inert]')) return;
      if (el.closest('details:not([open]) > :not(summary)')) return;  // inside a closed <details>: hidden until opened
      if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') return;
      el.setAttribute('data-kb', String(i));
      found.push({kb: String(i), tag: el.tagName, cls: String(el.className),
                  name: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)});
    });
  return found;
}"""

# Transitions off, so that what is measured is the settled state, not a frame of a fade, and a
# walk of 150 tab stops does not wait for 150 colour transitions.
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# Counts the frames the page's own scripts have asked for (requestAnimationFrame) and not yet had,
# for SETTLE: an init script, run before the page's scripts.
FRAMES = """(() => {
  const request = window.requestAnimationFrame.bind(window), cancel = window.cancelAnimationFrame.bind(window);
  const pending = new Set();
  window.requestAnimationFrame = (callback) => {
    const id = request((time) => { pending.delete(id); callback(time); });
    pending.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => { pending.delete(id); cancel(id); };
  window.__planFrames = {pending, request};
})();"""

# Lets the page react and running transitions end (a panel fading in has less contrast mid-way than any reader sees
# at rest; under load a measurement may land there). Infinite animations are not waited for.
# What the page's own scripts do in answer to the focus or the click is drawn before the measurement:
# the tasks they queued (one turn of the event loop), then the frames they asked for, up to two
# (counted by FRAMES; where it is not installed, two frames always). Waiting for two frames at
# every one of ~280 tab stops cost Chromium a software-drawn frame each: half the walk's time.
SETTLE = """async function settle() {
  await new Promise((done) => setTimeout(done, 0));
  const frames = window.__planFrames;
  const frame = () => new Promise((done) => (frames ? frames.request : requestAnimationFrame)(done));
  for (let i = 0; i < 2 && (!frames || frames.pending.size > 0); i++) await frame();
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && isFinite(a.effect.getComputedTiming().endTime))
    .map(a => a.finished.catch(() => null)));
}"""

# The focused element's text contrast (Material recolours focused links with its accent colour,
# so contrast at rest says nothing about it): its colour, faded by the opacity of its ancestors,
# over the background layers under it down to the first opaque one (WCAG 2 relative luminance).
# Measured here rather than with axe: axe.setup at each of ~150 stops on 44 pages cost minutes.
CONTRAST = """function contrastOf(el) {
  const none = {contrast: null, needed: 4.5};
  if (!(el.innerText || '').trim()) return none;
  const parse = (c) => { const m = /rgba?\\(([^)]+)\\)/.exec(c); if (!m) return null;
    const v = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const layers = [];
  let opacity = 1;
  for (let e = el; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    opacity *= parseFloat(s.opacity);
    if (s.backgroundImage !== 'none') return none;  // text over an image: not measured here
    const c = parse(s.backgroundColor);
    if (c && c[3] > 0 && (layers.length === 0 || layers[layers.length - 1][3] < 1)) layers.push(c);
  }
  let bg = [255, 255, 255, 1];  // the canvas
  for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
  const cs = getComputedStyle(el), color = parse(cs.color);
  if (!color) return none;
  const fg = over([color[0], color[1], color[2], color[3] * opacity], bg);
  const lum = (c) => c.slice(0, 3).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
  return {contrast: Math.round((hi + 0.05) / (lo + 0.05) * 100) / 100,
          needed: size >= 24 || (bold && size >= 18.66) ? 3 : 4.5};  // large text: 3:1
}"""

ACTIVE = """async () => {
  %s
  %s
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const cs = getComputedStyle(el);
  await settle();
  const measured = contrastOf(el);
  return {kb: el.getAttribute('data-kb'), tag: el.tagName, cls: el.className,
          name: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40),
          outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
          shadow: cs.boxShadow !== 'none', ...measured};
}""" % (SETTLE, CONTRAST)


def low_contrast(stop: dict) -> str | None:
    """What is wrong with a focused element's text contrast, or None (WCAG 1.4.3: 4.5:1, 3:1 large)."""
    if stop["contrast"] is not None and stop["contrast"] < stop["needed"]:
        return f"text {stop['contrast']}:1 when focused, below {stop['needed']}:1 (WCAG 1.4.3)"
    return None


def _axe(page) -> list[dict]:
    """axe-core is loaded as an init script (not subject to the page's CSP, unlike a <script> tag).
    Transitions are let finish first (SETTLE)."""
    return page.evaluate("""async (tags) => {
      %s
      await settle();
      const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
      return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                          nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
    }""" % SETTLE, AXE_TAGS)


def _tab_walk(page) -> dict:
    candidates = page.evaluate(MARK_CANDIDATES)
    reached: list[dict] = []
    outside = 0  # focus on the document itself: past the last control, before wrapping around
    for _ in range(len(candidates) + 80):
        page.keyboard.press("Tab")
        info = page.evaluate(ACTIVE)
        if info is None:
            outside += 1
            if outside > 2:
                break
            continue
        if reached and info["kb"] is not None and info["kb"] == reached[0]["kb"]:
            break  # wrapped around to the first control
        reached.append(info)
    seen = {r["kb"] for r in reached}
    return {"candidates": candidates, "missing": [c for c in candidates if c["kb"] not in seen],
            "invisible_focus": [r for r in reached if not (r["outline"] or r["shadow"])], "reached": len(reached),
            "low_contrast": [(r["name"], r["cls"], low_contrast(r)) for r in reached if low_contrast(r)]}


def _skip_link(page, url: str) -> dict:
    page.goto(url, wait_until="load")
    page.keyboard.press("Tab")
    first = page.evaluate("() => ({cls: document.activeElement.className, href: document.activeElement.getAttribute('href')})")
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    target = page.evaluate("""(href) => {
      const el = href && href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
      return {hash: location.hash, exists: !!el, top: el ? el.getBoundingClientRect().top : null,
              height: window.innerHeight};
    }""", first["href"])
    return {"first": first, **target}


def visit(page, server: str, path: str) -> dict:
    """Open a page once (desktop, light scheme; through the `page` fixture, passed as `page`) and
    collect everything the tests look at: axe, the keyboard walk, the skip link, then the same page
    narrowed to 320 CSS px, and all the while every request, every message the Content-Security-Policy
    logs, and every trouble a reader's browser would show until the skip link's reload (console errors
    and warnings, script errors, failed requests, HTTP errors: tests/chromium/test_console.py). One load per page serves
    them all: page loads are most of the browser tests' time."""
    if path in _visits:
        return _visits[path]
    open_page = page
    requests: list[str] = []
    blocked: list[str] = []
    troubles: list[str] = []

    def listen(page) -> None:
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
        page.on("console", lambda m: troubles.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning")
                else None)
        page.on("pageerror", lambda e: troubles.append(f"script error: {e}"))
        page.on("requestfailed", lambda r: troubles.append(f"request failed: {r.url} ({r.failure})"))
        page.on("response", lambda r: troubles.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)

    url = server + path
    page = open_page(path, 1280, "light", init=(AXE, FRAMES), before=listen, wait_until="networkidle", style=STILL)
    try:
        found = {"axe": _axe(page), "keyboard": _tab_walk(page)}
    except Exception as err:  # a late script navigation under load destroys the context: look again, once
        if "Execution context was destroyed" not in str(err):
            raise
        page.wait_for_load_state("networkidle")
        page.add_style_tag(content=STILL)
        found = {"axe": _axe(page), "keyboard": _tab_walk(page)}
    # the troubles of this load, until the skip link loads the page again: that navigation aborts
    # what the first load still had in flight (a late favicon), which is no fault of the page
    result = {"requests": list(requests), **found, "blocked": blocked, "troubles": list(troubles)}
    if path.startswith(tuple(lang.code for lang in LANGUAGES)):
        result["skip"] = _skip_link(page, url)
    page.set_viewport_size({"width": 320, "height": 640})  # a phone held upright: the layout is redone
    result["overflow"] = page.evaluate("""async () => {
      %s
      await settle();
      return document.documentElement.scrollWidth - window.innerWidth;
    }""" % SETTLE)
    page.context.close()  # done with it (the fixture closes it again at teardown, harmlessly)
    _visits[path] = result
    return result


@pytest.mark.parametrize("path", visited_once(all_pages()))
def test_axe_finds_no_violation(page, server, path):
    violations = visit(page, server, path)["axe"]
    assert violations == [], f"/{path}: {violations}"


@pytest.mark.parametrize("path", visited_once(all_pages()))
def test_no_request_leaves_the_local_server(page, server, path):
    requests = visit(page, server, path)["requests"]
    assert requests and all(r.startswith(server) for r in requests), [r for r in requests if not r.startswith(server)]


@pytest.mark.parametrize("path", visited_once(all_pages()))
def test_every_control_is_reachable_by_keyboard_with_visible_focus(page, server, path):
    keyboard = visit(page, server, path)["keyboard"]
    assert keyboard["candidates"], "no interactive element found"
    assert keyboard["missing"] == [], f"not reachable with Tab: {keyboard['missing'][:10]}"
    assert keyboard["invisible_focus"] == [], keyboard["invisible_focus"][:5]
    assert keyboard["low_contrast"] == [], keyboard["low_contrast"][:5]


@pytest.mark.parametrize("path", visited_once(edition_pages()))
def test_skip_link_moves_to_the_content(page, server, path):
    skip = visit(page, server, path)["skip"]
    assert "md-skip" in skip["first"]["cls"], "the first Tab does not reach the skip link"
    assert skip["exists"] and skip["hash"] == skip["first"]["href"]
    assert 0 <= skip["top"] < skip["height"], "the skip link's target is not on screen"


@pytest.mark.parametrize("path", visited_once(all_pages()))
def test_no_horizontal_scrolling_at_320_css_pixels(page, server, path):
    assert visit(page, server, path)["overflow"] <= 0


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_language_switch_keeps_the_page_and_the_paragraph(page, server, code):
    other = next(lang.code for lang in LANGUAGES if lang.code != code)
    page = page(f"{code}/ch3/#ch3-s2-p2")
    page.focus(".md-select button")
    link = page.locator(f"a[data-edition='{other}']")
    assert link.get_attribute("href").endswith(f"{other}/ch3/#ch3-s2-p2")
    with page.expect_navigation():
        link.click()
    assert page.url == f"{server}{other}/ch3/#ch3-s2-p2"
    assert page.locator("#ch3-s2-p2").is_visible()


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_a_chapter_prints_without_navigation_and_search(page, code):
    page = page(f"{code}/ch4/", height=720)
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
                                      '.md-search', '.headerlink'].map(s => {
      const el = document.querySelector(s); return [s, !el || getComputedStyle(el).display === 'none'];
    })""")
    assert all(ok for _, ok in hidden), hidden
    assert page.locator("h1").is_visible() and page.locator("#ch4-s1-p2").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / f"print-{code}-ch4.pdf"))


# Material's layout changes at 76.25em (1220 CSS px): below it, the navigation is a drawer behind a menu button.
DRAWER_BELOW = 1220


@pytest.mark.parametrize("width, height, name", [(375, 812, "phone"), (1280, 900, "desktop")])
@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
@pytest.mark.parametrize("target, label", [("", "home"), ("ch4/", "ch4")])
def test_the_first_screen_shows_the_heading_and_the_landmarks_without_sideways_scrolling(
        page, code, target, label, width, height, name):
    """What a reader sees on opening the home page or a chapter, on a phone and on a desktop: the
    page's heading, legible, with the site's banner and the main content in view, the navigation
    beside the text on a desktop and behind its menu button on a phone, and nothing wider than the
    screen. The screenshot is left in artifacts/screenshots/ for review."""
    page = page(f"{code}/{target}", width, height=height)
    seen = page.evaluate(FIRST_SCREEN)
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{code}-{label}-{name}.png"), full_page=False)
    assert seen["overflow"] <= 0, seen
    assert seen["heading"] and seen["headingInView"], seen
    assert seen["contrast"] >= 4.5, seen
    assert seen["banner"] and seen["main"], seen
    assert seen["drawerButton"] == (width < DRAWER_BELOW) and seen["navigation"] == (width >= DRAWER_BELOW), seen


def test_glossary_term_shows_its_definition_on_focus_and_escape_hides_it(page):
    page = page("en/ch4/")
    tip = """() => { const s = getComputedStyle(document.activeElement, '::after');
                     return s.display === 'none' ? 'none' : s.content; }"""
    page.focus("a.plan-term")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, so that :focus-visible applies
    shown = page.evaluate(tip)
    assert shown not in ("none", "normal", "") and len(shown) > 10
    page.keyboard.press("Escape")
    assert page.evaluate(tip) in ("none", "normal")


@pytest.mark.parametrize("path", visited_once(all_pages()))
def test_the_content_security_policy_blocks_nothing_the_page_needs(page, server, path):
    assert visit(page, server, path)["blocked"] == []


def test_the_site_works_under_a_sub_path(page, built):
    """Published at https://example.github.io/plan/: every link is relative, nothing reaches the root."""
    with serve(built / "site", prefix="/plan/") as base:
        failed: list[str] = []
        listen = lambda page: page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)  # noqa: E731
        paths = ["", "zh-Hans/", "zh-Hant/ch4/", "en/glossary/", "en/progress/"]
        page = page(base + paths[0], height=720, before=listen, wait_until="networkidle")
        for path in paths[1:]:
            page.goto(base + path, wait_until="networkidle")
        page.goto(base, wait_until="load")
        page.click("a[href='en/']")
        page.wait_for_url(base + "en/")
        assert failed == []

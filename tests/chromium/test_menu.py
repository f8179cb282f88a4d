"""The ¶ menu in a real browser: keyboard, copying with and without the Clipboard API, citations
and report links equal to generator/derive/citation.py's, on one-edition and parallel pages."""
from __future__ import annotations

import datetime

import pytest

from generator.derive import citation
from generator.derive.localize import localizer
from generator.model.languages import LANGUAGES

from tests.derive.test_citation import REPO_URL, with_repository

pytestmark = pytest.mark.browser  # starts Chromium: `pytest -m "not browser"` leaves it out

DAY = datetime.date(2026, 11, 30)
BY_CODE = {lang.code: lang for lang in LANGUAGES}


CLIPBOARD = ["clipboard-read", "clipboard-write"]


def on_day(page) -> None:
    """A citation gives the day it was read: the page's clock stands at DAY, 10:00."""
    page.clock.set_fixed_time(datetime.datetime.combine(DAY, datetime.time(10, 0)))


def _menu_by_keyboard(page, selector):
    page.focus(selector)
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog.plan-pmenu[open]")
    return page.locator("dialog.plan-pmenu[open]")


@pytest.mark.parametrize("code", list(BY_CODE))
def test_the_menu_opens_by_keyboard_copies_the_link_and_closes_back_to_the_paragraph(page, server, plan, code):
    page = page(f"{code}/ch4/", before=on_day, permissions=CLIPBOARD)
    link = 'a.plan-plink[href="#ch4-s3-p2"]'
    assert page.get_attribute(link, "aria-haspopup") == "dialog"
    dialog = _menu_by_keyboard(page, link)
    assert page.evaluate("document.activeElement.closest('dialog') !== null")
    page.keyboard.press("Enter")  # focus is on "copy link"
    for _ in range(100):  # (not wait_for_function: its string is evaluated, which the page's CSP forbids)
        if dialog.locator("[role=status]").text_content():
            break
        page.wait_for_timeout(50)
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}{code}/ch4/#ch4-s3-p2"
    status = dialog.locator("[role=status]").text_content()
    assert status == localizer(BY_CODE[code], plan).ui("copied")
    page.keyboard.press("Escape")
    assert page.locator("dialog.plan-pmenu[open]").count() == 0
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#ch4-s3-p2"


@pytest.mark.parametrize("code, paragraph, page_id", [
    ("zh-Hans", "ch4-s3-p2", "ch4"), ("zh-Hans", "pre-p4", "preamble"), ("zh-Hans", "closing-copies", "notice"),
    ("zh-Hant", "ch4-s3-p2", "ch4"), ("zh-Hant", "notice-p1", "notice"), ("zh-Hant", "ch3-p1", "ch3"),
    ("en", "ch4-s3-p2", "ch4"), ("en", "pre-p4", "preamble"), ("en", "ch1-s1-p2", "ch1")])
def test_the_browser_cites_exactly_as_the_generator_does(page, server, plan, code, paragraph, page_id):
    page = page(f"{code}/{page_id}/", before=on_day)
    dialog = _menu_by_keyboard(page, f'a.plan-plink[href="#{paragraph}"]')
    loc = localizer(BY_CODE[code], plan)
    place = citation.places(loc, plan)[paragraph]
    expected = citation.citation(loc, plan, place, f"{server}{code}/{page_id}/#{paragraph}", DAY)
    assert dialog.locator("textarea").input_value() == expected
    assert dialog.locator(".plan-pmenu__title").text_content() == place
    assert dialog.locator(".plan-pmenu__report").count() == 0  # no repository_url in the data: no control


@pytest.mark.parametrize("code", list(BY_CODE))
def test_the_report_link_is_the_generators(page, server, plan, code):
    """With repository_url set, the menu offers the tracker's new-issue address for the paragraph."""
    plan = with_repository(plan)
    page = page(f"{code}/ch4/", before=on_day)
    page.evaluate("""([url, data]) => { const el = document.querySelector('.plan-menu-data');
        el.dataset.reportUrl = url; el.dataset.report = data.report; el.dataset.reportTitle = data.title;
        el.dataset.reportBody = data.body; }""",
                  [REPO_URL, {"report": "report", "title": localizer(BY_CODE[code], plan).ui("report_title"),
                              "body": localizer(BY_CODE[code], plan).ui("report_body")}])
    dialog = _menu_by_keyboard(page, 'a.plan-plink[href="#ch4-s3-p2"]')
    loc = localizer(BY_CODE[code], plan)
    expected = citation.report(loc, plan, "ch4-s3-p2", citation.places(loc, plan)["ch4-s3-p2"],
                               f"{server}{code}/ch4/#ch4-s3-p2")
    assert dialog.locator(".plan-pmenu__report").get_attribute("href") == expected


NO_CLIPBOARD = "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
NO_COPY = NO_CLIPBOARD + "document.execCommand = () => false;"


@pytest.mark.parametrize("init, outcome", [(NO_CLIPBOARD, "copied"), (NO_COPY, "copy_manually")])
def test_without_the_clipboard_api_the_text_is_selected_and_copied(page, plan, init, outcome):
    page = page("en/ch4/", before=on_day, init=init)
    dialog = _menu_by_keyboard(page, 'a.plan-plink[href="#ch4-s3-p2"]')
    assert page.evaluate("navigator.clipboard") is None
    dialog.locator("button", has_text="Copy citation").press("Enter")
    selected = page.evaluate("""() => { const f = document.activeElement;
        return {tag: f.tagName, all: f.selectionStart === 0 && f.selectionEnd === f.value.length && f.value.length > 50}; }""")
    assert selected == {"tag": "TEXTAREA", "all": True}
    assert dialog.locator("[role=status]").text_content() == localizer(BY_CODE["en"], plan).ui(outcome)


def test_each_half_of_a_parallel_page_cites_its_own_edition(page, server, plan):
    page = page("zh-Hans/parallel/en/ch4/", before=on_day)
    for code, half in (("zh-Hans", 1), ("en", 2)):
        selector = f'#ch4-s3-p2 > .plan-half:nth-child({half}) a.plan-plink'
        dialog = _menu_by_keyboard(page, selector)
        loc = localizer(BY_CODE[code], plan)
        expected = citation.citation(loc, plan, citation.places(loc, plan)["ch4-s3-p2"],
                                     f"{server}{code}/ch4/#ch4-s3-p2", DAY)
        assert dialog.locator("textarea").input_value() == expected
        assert dialog.get_attribute("lang") == BY_CODE[code].html_lang
        page.keyboard.press("Escape")


@pytest.mark.parametrize("path", ["zh-Hant/ch4/", "en/parallel/zh-Hans/ch4/"])
def test_axe_finds_no_violation_with_the_menu_open(page, path):
    from tests.conftest import AXE
    from tests.chromium.test_pages import _axe

    page = page(path, before=on_day, init=AXE)
    _menu_by_keyboard(page, 'a.plan-plink[href="#ch4-s3-p2"]')
    assert _axe(page) == []

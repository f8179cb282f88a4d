"""Each edition's home page: the plan in brief, where to start, the key targets with their status."""
from __future__ import annotations

import re

import pytest

from generator.derive import progress
from generator.build import render_editions
from generator.derive.localize import localizer
from generator.model.languages import LANGUAGES
from generator.pages.parallel import DEFAULT_PARTNER

from tests.html import parse


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_the_home_page_says_what_the_plan_is_in_three_sentences(plan, lang):
    home = render_editions(plan, (lang,))[0].files["index.md"]
    summary = re.search(r'<p class="plan-summary">(.*?)</p>', home).group(1)
    ends = re.findall(r"[。]" if lang.code != "en" else r"(?<!No)\.(?:\s|$)", summary)  # (not "No. 108")
    assert len(ends) == 3, summary
    # its facts are the data's: document number and date as the edition prints them
    loc = localizer(lang, plan)
    number = loc.text(plan.front, "document_number")
    assert number in summary.replace("&#39;", "'")
    assert ("2011年12月23日" if lang.code != "en" else "23 December 2011") in summary


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_the_key_targets_come_from_the_indicator_data_with_their_status(plan, lang):
    home = render_editions(plan, (lang,))[0].files["index.md"]
    rows = re.findall(r'<tr><th scope="row"><a href="progress/#([^"]+)">.*?</th><td>.*?</td>'
                      r'<td class="plan-status--([a-z_]+)">', home)
    assert rows == [(i.id, progress.status(i)) for i in plan.indicators.indicators]


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_where_to_start_links_resolve(built, code):
    site = built / "site" / code
    page = parse(site / "index.html")
    html = (site / "index.html").read_text(encoding="utf-8")
    start = html[html.index('class="plan-start"'):html.index("</ul>", html.index('class="plan-start"'))]
    hrefs = re.findall(r'href="([^"]+)"', start)
    assert hrefs[0] == "#contents" and 'id="contents"' in html
    assert f"parallel/{DEFAULT_PARTNER[code]}/notice/" in hrefs
    assert any(h.endswith(".pdf") for h in hrefs), "the PDF edition is offered"
    for href in hrefs:
        path = href.split("#")[0]
        if path:
            target = site / path
            assert (target / "index.html").is_file() or target.is_file(), href
    assert page.h1 == 1

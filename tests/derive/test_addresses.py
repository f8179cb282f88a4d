"""A paragraph's address never changes: every id of the data as it was on 2026-11-30 still resolves."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.model.languages import LANGUAGES
from generator.pages.parallel import DEFAULT_PARTNER, plan_pages

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "paragraph-ids.txt"
ADDRESSES = [tuple(line.split()) for line in FIXTURE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', html))


def test_the_list_of_addresses_is_complete_for_todays_data(plan):
    """The fixture is the record: it must name every id the plan's pages have today."""
    listed = {ident for _, ident in ADDRESSES}
    assert len(ADDRESSES) == len(listed) > 200
    assert {p.paragraph.id for p in plan.places()} <= listed
    assert {s.id for c in plan.chapters for s in c.sections} <= listed


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_every_address_still_resolves_in_every_edition(built, code):
    pages: dict[str, set[str]] = {}
    missing = []
    for page, ident in ADDRESSES:
        if page not in pages:
            pages[page] = _ids((built / "site" / code / page / "index.html").read_text(encoding="utf-8"))
        if ident not in pages[page]:
            missing.append(f"/{code}/{page}/#{ident}")
    assert missing == []


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_the_parallel_view_has_the_same_anchors(built, plan, code):
    """The same #id opens the same paragraph in the side-by-side view."""
    on_plan_pages = [(p, i) for p, i in ADDRESSES if p in plan_pages(plan)]
    second = DEFAULT_PARTNER[code]
    missing = [f"{p}#{i}" for p, i in on_plan_pages
               if f'id="{i}"' not in (built / "site" / code / "parallel" / second / p / "index.html").read_text(encoding="utf-8")]
    assert missing == []

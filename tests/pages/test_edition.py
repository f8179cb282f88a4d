"""All pages of an edition (generator/pages/edition.py)."""
from __future__ import annotations

import pytest

from generator.build import localizer
from generator.model.languages import LANGUAGES
from generator.pages.edition import site_pages


@pytest.mark.parametrize("only, has_table", [(None, True), ("translation-status.md", True), ("ch1.md", False)])
def test_the_status_table_is_made_unless_another_page_alone_is_rendered(plan, only, has_table):
    """The preview renders the shown page first (`only`); the other views are made for the navigation
    only, so the translation status table, a third of their time, is left out of them."""
    pages = {p.id: p for p in site_pages(localizer(LANGUAGES[2], plan), plan, only)}
    assert pages["translation-status"].file == "translation-status.md"
    assert ("table" in pages["translation-status"].extra) is has_table
    assert [p.nav_title for p in pages.values()] == [p.nav_title for p in site_pages(localizer(LANGUAGES[2], plan), plan)]

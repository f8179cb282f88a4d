"""MkDocs, once the Markdown exists: each edition's configuration, and one edition's build.

Material (generator/website/theme/ overrides it) turns docs/<lang>/ into site/<lang>/; this
module says how (the configuration written beside the Markdown as docs/mkdocs.<lang>.yml) and
runs it in strict mode, so that any warning stops the build.
"""
from __future__ import annotations

import contextlib
import logging
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..base.problems import BuildError
from ..derive.localize import Localizer
from ..derive.numbers import written_date
from ..model import plan as model
from ..model.languages import LANGUAGES, Language
from ..pages.parallel import FOLDER as PARALLEL
from ..pages.views import PageView

THEME = "generator/website/theme"


# Interface strings the theme templates and scripts read (config.extra.ui), from data/site.yaml.
THEME_UI = ("skip_link", "navigation_menu", "close_menu", "table_scroll_hint", "heading_permalink_named", "not_found_title",
            "not_found_edition_text", "not_found_other_editions", "pdf_colon")


def palette(loc: Localizer) -> list[dict]:
    """Light and dark schemes, following the reader's system setting (prefers-color-scheme) until
    the reader picks one with the toggle (Material remembers it in the browser)."""
    return [{"media": "(prefers-color-scheme: light)", "scheme": "default",
             "toggle": {"icon": "material/weather-night", "name": loc.ui("scheme_dark")}},
            {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
             "toggle": {"icon": "material/weather-sunny", "name": loc.ui("scheme_light")}}]


def mkdocs_config(lang: Language, loc: Localizer, plan: model.Plan, pages: list[PageView]) -> dict:
    edition = loc.ui("edition_label")
    # the date as the edition writes one in a sentence (2026年11月25日, 25 November 2026), after its colon
    revised = loc.ui("pdf_colon") + (" " if lang.source == "en" else "") + written_date(
        plan.site.edition_date.isoformat(), loc)
    return {
        "INHERIT": "../mkdocs.yml",
        "site_name": loc.text(plan.front, "plan_title"),
        "extra": {"alternate": [{"name": plan.site.editions[other.code].name, "code": other.code, "lang": other.html_lang,
                                 "link": f"../{other.code}/", "current": other == lang} for other in LANGUAGES],
                  "site_root": plan.site.site_url or "",
                  "search": {key: loc.ui(f"search_{key}") for key in ("none", "one", "other")},
                  # the provenance line of every English page (generator/theme/main.html)
                  "provenance": {"text": loc.ui("provenance_text"), "link": loc.ui("provenance_link"),
                                 "href": "about-translation/"} if lang.source == "en" else None,
                  "base_path": plan.site.base_path, "edition": lang.code,
                  "editions": [other.code for other in LANGUAGES],
                  "ui": {key: loc.ui(key) for key in THEME_UI}},
        **({"site_url": f"{plan.site.site_url}{lang.code}/"} if plan.site.site_url else {}),
        "site_description": loc.ui("site_description"),
        "docs_dir": lang.code,
        "site_dir": f"../site/{lang.code}",
        "theme": {"language": lang.theme, "custom_dir": f"../{THEME}", "palette": palette(loc)},
        "nav": [{p.nav_title: p.file} for p in pages],
        "not_in_nav": f"/{PARALLEL}/",  # the parallel view: reached from each page, not the nav
        "copyright": f"{edition}{revised}",
        "extra_css": ["assets/stylesheets/plan.css", "assets/stylesheets/plan-search.css"],
        "plugins": [],  # no Material search: the plan's own (generator/website/search/) is added after MkDocs
        "hooks": ["../generator/website/hooks.py"],
        "markdown_extensions": [
            "attr_list",
            # the heading links' glyph and names are set by hooks.py (outside the heading)
            {"toc": {"permalink": "¶", "permalink_title": loc.ui("heading_permalink")}},
        ],
    }


@contextlib.contextmanager
def reproducible(date) -> Iterator[None]:
    """MkDocs stamps the sitemap with the build time; use the edition date instead."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime(date.year, date.month, date.day, tzinfo=timezone.utc).timestamp()))
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def prewarm() -> None:
    """Import MkDocs and Material once, before forking: each forked edition starts with them in memory."""
    import material  # noqa: F401
    import mkdocs.commands.build  # noqa: F401


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def collecting() -> Iterator[list[str]]:
    """The warnings MkDocs logs during the block (strict mode: each one stops the build), as a list."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        yield collect.messages
    finally:
        logger.removeHandler(collect)


def run_mkdocs(root: Path, lang: Language, site_dir: Path) -> None:
    """Build one language with MkDocs in strict mode; any warning is a BuildError."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    cwd = Path.cwd()
    with collecting() as messages:
        try:
            os.chdir(root)
            config = load_config(str(root / "docs" / f"mkdocs.{lang.code}.yml"), strict=True,
                                 site_dir=str(site_dir))
            build(config)
        except (MkDocsException, SystemExit, OSError) as err:
            detail = "\n".join(messages) or str(err)
            raise BuildError(f"MkDocs could not build the {lang.code} site:\n{detail}") from None
        finally:
            os.chdir(cwd)

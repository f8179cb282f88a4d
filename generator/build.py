"""Data → docs/<lang>/ → site/<lang>/, without ever leaving a half-written site.

Order matters: everything is validated and rendered in memory first; Markdown is written to a
fresh staging folder; MkDocs builds every language into a staging site; only when all of that
succeeded does the new site replace the old one (one atomic exchange; see atomic.py). Any
failure leaves the previous `site/` untouched. One build runs at a time (a file lock), each in
its own temporary staging folder, and a swap interrupted by a kill is repaired by the next build.
"""
from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Optional
from urllib.parse import urlsplit

import yaml

from . import model
from . import csp
from . import opendata, pdf
from .atomic import build_lock, publish, repair, staging_folder
from .parallel import FOLDER as PARALLEL, pages as parallel_pages
from .material_patch import quiet_sitemap_lookups
from .prune import prune
from .convert import RememberedConverter
from .languages import LANGUAGES, Language
from .load import load_plan
from .problems import BuildError
from .progress_page import written_date
from .render import environment, render_pages
from .search import write_search
from .views import Localizer, PageView, place_labels, site_pages

ROOT = Path(__file__).resolve().parent.parent
THEME = "generator/theme"


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
        "plugins": [],  # no Material search: the plan's own (generator/search/) is added after MkDocs
        "hooks": ["../generator/mkdocs_hooks.py"],
        "markdown_extensions": [
            "attr_list",
            # the heading links' glyph and names are set by mkdocs_hooks.py (outside the heading)
            {"toc": {"permalink": "¶", "permalink_title": loc.ui("heading_permalink")}},
        ],
    }


@dataclass
class Edition:
    """One language edition, rendered: its Markdown files and MkDocs configuration."""

    lang: Language
    loc: Localizer
    files: dict[str, str]
    config: dict


def localizer(lang: Language, plan: model.Plan) -> Localizer:
    """The Hong Kong edition converts the Simplified text; the others show stored text."""
    if lang.code == "zh-Hant":
        return Localizer(lang, plan.site, RememberedConverter(plan))
    return Localizer(lang, plan.site)


def render_editions(plan: model.Plan, languages: tuple[Language, ...] = LANGUAGES,
                    before_render: Optional[Callable[[list[tuple[Localizer, list[PageView]]]], None]] = None,
                    ) -> list[Edition]:
    """Each edition's pages as Markdown; `before_render` may first add to the page views (PDF links).

    Each edition also gets its parallel pages (generator/parallel), which pair it with any other.
    """
    localizers = {lang.code: localizer(lang, plan) for lang in LANGUAGES}
    views = [(loc, site_pages(loc, plan)) for loc in (localizers[lang.code] for lang in languages)]
    if before_render:
        before_render(views)
    editions = []
    for loc, pages in views:
        files = render_pages(pages, loc)
        files.update(parallel_pages.pages(plan, localizers, loc.lang))
        editions.append(Edition(loc.lang, loc, files, mkdocs_config(loc.lang, loc, plan, pages)))
    for loc in localizers.values():
        if isinstance(loc.convert, RememberedConverter):
            loc.convert.remember()
    return editions


def root_page(plan: model.Plan, editions: list[Edition]) -> str:
    """The site root: a language chooser that works without JavaScript."""
    return environment().get_template("root.html.j2").render(choices=_choices(plan, editions))


def _choices(plan: model.Plan, editions: list[Edition]) -> list[dict]:
    """Each edition as the root and 404 pages present it, in its own language."""
    return [{"code": ed.lang.code, "lang": ed.lang.html_lang, "edition": plan.site.editions[ed.lang.code],
             "title": ed.loc.text(plan.front, "plan_title"), "not_found_title": ed.loc.ui("not_found_title"),
             "not_found_text": ed.loc.ui("not_found_text"), "choose": ed.loc.ui("root_choose"),
             "about": {href: title for title, href in _contents(ed)}["about-translation/"],
             "contents_label": ed.loc.ui("contents"), "contents": _contents(ed)} for ed in editions]


def _contents(ed: Edition) -> list[tuple[str, str]]:
    """The edition's pages (title, address relative to the edition's folder), in nav order."""
    entries = [next(iter(item.items())) for item in ed.config["nav"]]
    return [(title, "" if file == "index.md" else file.removesuffix(".md") + "/") for title, file in entries]


def not_found_page(plan: model.Plan, editions: list[Edition]) -> str:
    """The site root's "page not found" page, in all three languages, usable at any address.

    Each edition has its own too (site/<code>/404.html, theme/404.html), for servers that can
    show one per folder.
    """
    return environment().get_template("404.html.j2").render(choices=_choices(plan, editions),
                                                             base=plan.site.base_path)


def write_docs(editions: list[Edition], plan: model.Plan, docs: Path) -> None:
    """Replace docs/ with the freshly rendered Markdown (staged in a folder of its own, then swapped)."""
    holder = staging_folder(docs.parent)
    staging = holder / "docs"
    for ed in editions:
        folder = staging / ed.lang.code
        folder.mkdir(parents=True)
        for name, text in ed.files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8", newline="")
        header = "# Generated by `python -m generator`: do not edit. Shared settings: ../mkdocs.yml\n"
        (staging / f"mkdocs.{ed.lang.code}.yml").write_text(
            header + yaml.safe_dump(ed.config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        publish(staging, docs)
    finally:
        shutil.rmtree(holder, ignore_errors=True)


@contextlib.contextmanager
def _reproducible(date) -> Iterator[None]:
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


def _prewarm() -> None:
    """Import MkDocs and Material once, before forking: each forked edition starts with them in memory."""
    import material  # noqa: F401
    import mkdocs.commands.build  # noqa: F401


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def run_mkdocs(root: Path, lang: Language, site_dir: Path) -> None:
    """Build one language with MkDocs in strict mode; any warning is a BuildError."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    cwd = Path.cwd()
    try:
        os.chdir(root)
        config = load_config(str(root / "docs" / f"mkdocs.{lang.code}.yml"), strict=True,
                             site_dir=str(site_dir))
        build(config)
    except (MkDocsException, SystemExit, OSError) as err:
        detail = "\n".join(collect.messages) or str(err)
        raise BuildError(f"MkDocs could not build the {lang.code} site:\n{detail}") from None
    finally:
        os.chdir(cwd)
        logger.removeHandler(collect)


def published_at(plan: model.Plan, site_url: str | None) -> model.Plan:
    """The plan with the publishing address given by the environment (SITE_URL), if any.

    The publishing workflow knows the address only when it runs (GitHub Pages tells it), so
    it may override `site_url` in data/site.yaml; `base_path` follows from it.
    """
    if not site_url:
        return plan
    if not re.match(model.SITE_URL, site_url):
        raise BuildError(f"SITE_URL={site_url!r} is not a full address ending in /, e.g. https://example.github.io/plan/")
    site = plan.site.model_copy(update={"site_url": site_url, "base_path": urlsplit(site_url).path})
    return plan.model_copy(update={"site": site})


def tracked_at(plan: model.Plan, repository_url: str | None) -> model.Plan:
    """The plan with the repository address given by the environment (REPOSITORY_URL), if any.

    The publishing workflow names its own repository (a fork names the fork), so each paragraph's
    "report a problem" opens an issue where the site is maintained; it overrides `repository_url`
    in data/site.yaml.
    """
    if not repository_url:
        return plan
    if not re.match(model.REPOSITORY_URL, repository_url):
        raise BuildError(f"REPOSITORY_URL={repository_url!r} is not a repository's full address, "
                         "e.g. https://github.com/OWNER/NAME (without a / at the end)")
    return plan.model_copy(update={"site": plan.site.model_copy(update={"repository_url": repository_url})})


def build(root: Path = ROOT, log=print, make_pdfs: bool = True, wait: bool = True) -> dict[str, float]:
    """Validate, generate and build everything; return the time of each step in seconds.

    make_pdfs=False (the preview) makes no PDF edition: see generator/pdf/.
    Holds the build lock throughout: with wait=False a second build raises BuildRunning
    ("another build is running (pid N)") instead of waiting. Raises DataError or BuildError;
    in every case the previous site/ stays complete.
    """
    with build_lock(root, wait, log):
        for line in repair(root):
            log(line)
        return _build(root, log, make_pdfs)


def _build(root: Path, log, make_pdfs: bool) -> dict[str, float]:
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    plan = published_at(load_plan(root / "data"), os.environ.get("SITE_URL"))
    plan = tracked_at(plan, os.environ.get("REPOSITORY_URL"))
    times["load"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    pdfs: dict[str, pdf.PdfEdition] = {}

    def with_pdfs(views: list[tuple[Localizer, list[PageView]]]) -> None:
        started = time.perf_counter()
        pdfs.update(pdf.publish(plan, views, make=make_pdfs, previous_site=root / "site", log=log))
        for loc, pages in views:
            edition = pdfs.get(loc.lang.code)
            pdf.attach(loc, pages, edition)
            if edition:
                opendata.with_pdf(pages, loc, plan, opendata.PdfFile(edition.name, edition.size))
        times["pdf editions"] = time.perf_counter() - started

    editions = render_editions(plan, before_render=with_pdfs)
    write_docs(editions, plan, root / "docs")
    pdf.copy_into(pdfs, root / "docs")
    times["generate"] = time.perf_counter() - t0 - times["pdf editions"]

    holder = staging_folder(root)
    staging = holder / "site"
    t0 = time.perf_counter()
    try:
        with _reproducible(plan.site.edition_date):
            # One process per edition: the editions build in parallel.
            _prewarm()
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=len(editions), mp_context=context) as pool:
                jobs = [pool.submit(run_mkdocs, root, ed.lang, staging / ed.lang.code) for ed in editions]
                for job in jobs:
                    job.result()
        times["mkdocs (all editions, in parallel)"] = time.perf_counter() - t0
        (staging / "index.html").write_text(root_page(plan, editions), encoding="utf-8")
        (staging / "404.html").write_text(not_found_page(plan, editions), encoding="utf-8")
        for ed in editions:
            prune(staging / ed.lang.code)
            labels = place_labels(plan, ed.loc)
            write_search(staging / ed.lang.code, ed.lang.html_lang, lambda anchor: labels.get(anchor, ""))
            quiet_sitemap_lookups(staging / ed.lang.code)
        csp.apply(staging)
        publish(staging, root / "site")
    finally:
        shutil.rmtree(holder, ignore_errors=True)
    return times

"""Data → docs/<lang>/ → site/<lang>/, without ever leaving a half-written site.

Order matters: everything is validated and rendered in memory first; Markdown is written to a
fresh staging folder; MkDocs builds every language into a staging site; only when all of that
succeeded does the new site replace the old one (one atomic exchange; see base/atomic.py). Any
failure leaves the previous `site/` untouched. One build runs at a time (a file lock), each in
its own temporary staging folder, and a swap interrupted by a kill is repaired by the next build.
"""
from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import urlsplit

import yaml

from .base.atomic import build_lock, publish, repair, staging_folder
from .base.problems import BuildError
from .derive import citation
from .derive.hongkong.convert import RememberedConverter, check_overrides
from .derive.localize import Localizer, localizer
from .derive.opendata import PdfFile
from .model import plan as model
from .model.languages import LANGUAGES, Language
from .pages import downloads
from .pages.edition import site_pages
from .pages.views import PageView
from .read.load import load_plan
from .render import parallel as parallel_pages, pdf
from .render.markdown import environment, render_pages
from .website import csp
from .website.material_patch import quiet_sitemap_lookups
from .website.mkdocs import mkdocs_config, prewarm, reproducible, run_mkdocs
from .website.prune import prune
from .website.search import write_search

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Edition:
    """One language edition, rendered: its Markdown files and MkDocs configuration."""

    lang: Language
    loc: Localizer
    files: dict[str, str]
    config: dict


def render_editions(plan: model.Plan, languages: tuple[Language, ...] = LANGUAGES,
                    before_render: Optional[Callable[[list[tuple[Localizer, list[PageView]]]], None]] = None,
                    ) -> list[Edition]:
    """Each edition's pages as Markdown; `before_render` may first add to the page views (PDF links).

    Each edition also gets its parallel pages (generator/render/parallel.py), which pair it with any other.
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

    make_pdfs=False (the preview) makes no PDF edition: see generator/render/pdf/.
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
    plan = load_plan(root / "data")
    check_overrides(plan, root / "data")
    plan = published_at(plan, os.environ.get("SITE_URL"))
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
                downloads.with_pdf(pages, loc, plan, PdfFile(edition.name, edition.size))
        times["pdf editions"] = time.perf_counter() - started

    editions = render_editions(plan, before_render=with_pdfs)
    write_docs(editions, plan, root / "docs")
    pdf.copy_into(pdfs, root / "docs")
    times["generate"] = time.perf_counter() - t0 - times["pdf editions"]

    holder = staging_folder(root)
    staging = holder / "site"
    t0 = time.perf_counter()
    try:
        with reproducible(plan.site.edition_date):
            # One process per edition: the editions build in parallel.
            prewarm()
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
            labels = citation.places(ed.loc, plan)
            write_search(staging / ed.lang.code, ed.lang.html_lang, lambda anchor: labels.get(anchor, ""))
            quiet_sitemap_lookups(staging / ed.lang.code)
        csp.apply(staging)
        publish(staging, root / "site")
    finally:
        shutil.rmtree(holder, ignore_errors=True)
    return times

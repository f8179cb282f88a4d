"""PDF editions: the whole plan as one PDF per language edition, for readers who print, keep or cite.

views (generator/pages/) ──► document.py: one HTML document per edition ──► engine.py:
WeasyPrint ──► <edition>/downloads/shenzhen-informatization-plan-<edition>.pdf, linked with its
size from the edition's home page and listed on its downloads page.

Making a PDF takes seconds of CPU per edition, so a PDF is made only when its HTML changed:
the PDF is kept in the build cache (generator/base/cache.py) under a hash of its HTML (which
inlines the stylesheet and every string), of the pinned library versions and of the fonts.
The preview (`make serve`) never makes PDFs: it uses a cached PDF of the current data if there
is one, or keeps the PDF the site already has (`make` brings it up to date).
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
import posixpath
from pathlib import Path, PurePosixPath
from typing import Callable, Optional

from ...base import cache
from ...model import plan as model
from ...derive.opendata.package import FOLDER as DOWNLOADS  # the PDFs are published with the other downloads
from ...pages.downloads import size_label  # one way of writing sizes on every page
from ...derive.localize import Localizer
from ...pages.views import PageView
from .document import FONTS, document_html

FOLDER = cache.FOLDER / "pdf"
KEEP = 30  # cached PDFs kept (the newest): three editions of the last ten versions of the text
FONT_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/noto"))


@dataclass(frozen=True)
class PdfEdition:
    """One edition's PDF: the name it gets in site/<code>/, its bytes."""

    code: str
    name: str
    data: bytes
    current: bool  # False: an older PDF kept by the preview, not made from the current data

    @property
    def size(self) -> int:
        return len(self.data)


def file_name(code: str) -> str:
    """The PDF's file name in its edition's downloads/, e.g. shenzhen-informatization-plan-en.pdf."""
    return f"shenzhen-informatization-plan-{code}.pdf"


def _fonts_fingerprint() -> str:
    """Names and sizes of the installed Noto CJK files: a font update gives new PDFs."""
    files = sorted(p for d in FONT_DIRS if d.is_dir() for p in d.glob("Noto*CJK*"))
    return "\n".join(f"{p.name} {p.stat().st_size}" for p in files)


def cache_key(html: str) -> str:
    """The cache entry name of the PDF made from `html`.

    The HTML holds everything document.py, the template and the stylesheet decide; the rest is
    engine.py (how WeasyPrint is called), the pinned libraries (requirements.txt) and the fonts.
    """
    return cache.key("render/pdf/engine.py", html, _fonts_fingerprint(), repr(FONTS)) + ".pdf"


def _cached(keys: dict[str, Path]) -> dict[str, bytes]:
    """The PDFs the cache has (code → bytes), of those whose entries are `keys` (code → entry)."""
    return {code: data for code, path in keys.items() if (data := cache.get_bytes(path)) is not None}


def _make_all(missing: dict[str, str], keys: dict[str, Path], log: Callable[[str], None]) -> dict[str, bytes]:
    """Make the PDF of each HTML document in `missing` (code → HTML), in parallel, and cache each."""
    from .engine import check_system

    check_system()
    log(f"making the PDF editions {', '.join(missing)} (their text changed)")
    if len(missing) == 1:
        made = [_make(html) for html in missing.values()]
    else:
        import weasyprint  # noqa: F401  (loaded once, before the fork)

        workers = min(len(missing), os.cpu_count() or 1)
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            made = list(pool.map(_make, missing.values()))
    for code, data in zip(missing, made):
        cache.put_bytes(keys[code], data, keep=KEEP)
    return dict(zip(missing, made))


def _make(html: str) -> bytes:
    from .engine import render_pdf

    return render_pdf(html)


def publish(plan: model.Plan, editions: list[tuple[Localizer, list[PageView]]], *, make: bool,
            previous_site: Optional[Path] = None, log: Callable[[str], None] = print) -> dict[str, PdfEdition]:
    """The PDF of each edition (code → PdfEdition), made only where the cache has none.

    `editions`: each edition's localizer and page views (pages.edition.site_pages). With make=False (the
    preview), nothing is made: a missing PDF is taken from `previous_site`/<code>/ if it is there
    (marked current=False), else the edition has none. Raises BuildError (engine.py) if
    WeasyPrint or its fonts are missing, or if it fails.
    """
    wanted = {loc.lang.code: document_html(loc, plan, pages) for loc, pages in editions}
    keys = {code: FOLDER / cache_key(html) for code, html in wanted.items()}
    found = _cached(keys)
    if len(found) < len(wanted) and make:
        with cache.one_at_a_time(FOLDER):   # a build making the same PDFs finishes first; we take them
            found.update(_cached({code: key for code, key in keys.items() if code not in found}))
            missing = [code for code in wanted if code not in found]
            if missing:
                found.update(_make_all({code: wanted[code] for code in missing}, keys, log))
    result = {code: PdfEdition(code, file_name(code), data, current=True) for code, data in found.items()}
    for code in wanted.keys() - found.keys():
        if previous_site and (old := _read_file(previous_site / code / DOWNLOADS / file_name(code))) is not None:
            result[code] = PdfEdition(code, file_name(code), old, current=False)
    if len(result) < len(wanted) or any(not p.current for p in result.values()):
        log("the preview does not make PDF editions: run `make` to bring them up to date")
    return {code: result[code] for code in wanted if code in result}


def _read_file(path: Path) -> Optional[bytes]:
    try:
        return path.read_bytes()
    except OSError:
        return None


def docs_path(pdf: PdfEdition) -> str:
    """Where the PDF goes in docs/<code>/ ('/'-separated), from where MkDocs copies it into the edition's site."""
    return f"{DOWNLOADS}/{pdf.name}"


@dataclass(frozen=True)
class PdfLink:
    """A link to an edition's PDF as a page shows it: address relative to the page, label, size."""

    href: str
    name: str
    label: str
    size: int          # bytes
    size_label: str    # 1.2 MB
    details: str       # "（PDF，1.2 MB）" / "(PDF, 1.2 MB)" (the page puts a space before it in English)
    current: bool


# The pages that link to the PDF of their edition (by page id): the home page, the downloads page.
LINKED_FROM = ("index", "downloads")


def _page_folder(file: str) -> str:
    """The folder a page is served from (use_directory_urls): index.md → ".", ch1.md → "ch1"."""
    path = PurePosixPath(file)
    folder = path.parent if path.name == "index.md" else path.with_suffix("")
    return str(folder)


def attach(loc: Localizer, pages: list[PageView], pdf: Optional[PdfEdition]) -> None:
    """Give each linking page its `extra["pdf"]`: a PdfLink, or None if the edition has no PDF yet."""
    for page in pages:
        if page.id not in LINKED_FROM:
            continue
        link = None
        if pdf:
            size = size_label(pdf.size)
            link = PdfLink(href=posixpath.relpath(f"{DOWNLOADS}/{pdf.name}", _page_folder(page.file)), name=pdf.name, label=loc.ui("pdf_download"), size=pdf.size,
                           size_label=size, details=loc.ui("pdf_size").format(size=size), current=pdf.current)
        page.extra["pdf"] = link

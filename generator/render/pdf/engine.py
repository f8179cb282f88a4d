"""HTML → PDF with WeasyPrint, and the check that the system can do it.

WeasyPrint is a maintained HTML/CSS-to-PDF engine that writes what a reader of a printed
government document expects and Chromium's printing does not: PDF bookmarks from headings,
`target-counter()` page numbers in the contents, the document language (/Lang) and a text
layer in reading order, and a tagged structure (headings, paragraphs, lists, links) for
screen readers. It needs the system's Pango and fontconfig (Debian packages
libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0) and the fonts in document.FONTS
(fonts-noto-cjk); `make` installs them as root (tests/setup-system.sh build).
"""
from __future__ import annotations

import shutil
import subprocess

from ...base.problems import BuildError
from .document import FONTS

APT = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-noto-cjk"
HINT = f"install them with: sudo apt-get install {APT} (or run `make` as root, which does)"


def missing_fonts() -> list[str]:
    """The font families the PDFs use that fontconfig does not have (all of them without fc-list)."""
    families = sorted({f for pair in FONTS.values() for f in pair})
    if not shutil.which("fc-list"):
        return families
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    known = {name.strip() for line in listed.splitlines() for name in line.split(",")}
    return [f for f in families if f not in known]


def check_system() -> None:
    """Raise BuildError, saying what to install, if WeasyPrint cannot run or the fonts are missing."""
    try:
        import weasyprint  # noqa: F401  (loads Pango through cffi: fails here if it is missing)
    except (OSError, ImportError) as err:
        raise BuildError(f"the PDF editions need WeasyPrint and the system libraries it uses ({err}); {HINT}") from None
    if fonts := missing_fonts():
        raise BuildError(f"the PDF editions need the fonts {', '.join(fonts)}; {HINT}")


def render_pdf(html: str) -> bytes:
    """One HTML document (document.document_html) as PDF bytes; BuildError if WeasyPrint fails."""
    import logging

    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # unsupported-CSS notes are not faults
    try:
        # tagged: headings, paragraphs, lists and links in the structure tree, for screen readers
        return weasyprint.HTML(string=html).write_pdf(pdf_tags=True)
    except Exception as err:  # WeasyPrint raises many kinds; the build reports one line
        raise BuildError(f"WeasyPrint could not make a PDF edition: {type(err).__name__}: {err}") from None

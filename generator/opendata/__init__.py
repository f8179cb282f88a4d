"""Open data: each edition's downloads folder and its Downloads page.

    data/*.yaml ─► model ─► tables.py (typed rows) ─► package.py (CSV, JSON, datapackage.json, README)
                                                   └► page.py (the Downloads page: file, format, size, description)

The files are written beside the page (docs/<lang>/downloads/), so they are served at
/<lang>/downloads/<file> and listed at /<lang>/downloads/.
"""
from .package import Download, PdfFile, downloads
from .page import downloads_page, with_pdf

__all__ = ["Download", "PdfFile", "downloads", "downloads_page", "with_pdf"]

"""Open data: each edition's downloads folder (its Downloads page is generator/pages/downloads.py).

    data/*.yaml ─► model ─► tables.py (typed rows) ─► package.py (CSV, JSON, datapackage.json, README)
                                                   └► pages/downloads.py (the Downloads page: file, format, size, description)

The files are written beside the page (docs/<lang>/downloads/), so they are served at
/<lang>/downloads/<file> and listed at /<lang>/downloads/.
"""
from .package import Download, PdfFile, downloads

__all__ = ["Download", "PdfFile", "downloads"]

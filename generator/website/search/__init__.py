"""Search in each edition: finds what readers type, and lands on the paragraph.

After MkDocs has written an edition, `write_search` cuts its pages into records (one per
paragraph, heading, table row, glossary entry: records.py), names each paragraph's place in
the plan, and writes the edition's index (index.py) with the character fold table for
Chinese (fold.py). The browser side is the theme's assets/javascripts/plan-search.js; the
search box and results are its partials/search.html and header.html.

Why not Material's lunr search or Pagefind (measured on this site, 30-query table in
tests/website/search/cases.py): both segment Chinese queries differently from the index (Material's
query splitter, Pagefind's Intl.Segmenter against its jieba index), so 信息安全 was searched
as 信息; neither segments the Hong Kong text well or folds variants; and the whole edition's
text, gzipped, is smaller than either engine's first download.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from .index import INDEX, build_index, write_index
from .records import edition_records

SCRIPT = "assets/javascripts/plan-search.js"  # in the theme (generator/website/theme/), copied by MkDocs

__all__ = ["INDEX", "SCRIPT", "write_search"]


def write_search(edition: Path, lang: str, place: Callable[[str], str]) -> Path:
    """Index one built edition (site/<code>/); return the index's path.

    `lang` is the edition's BCP 47 tag, `place(anchor)` a paragraph's address in the plan ("" if none).
    """
    return write_index(edition, build_index(lang, edition_records(edition), place))

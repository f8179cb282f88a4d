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
from typing import Callable, Iterable

from .index import INDEX, build_index, write_index
from .records import PageRecords, edition_records, page_order, page_records, searched

SCRIPT = "assets/javascripts/plan-search.js"  # in the theme (generator/website/theme/), copied by MkDocs

__all__ = ["INDEX", "SCRIPT", "EditionIndex", "write_search"]


def write_search(edition: Path, lang: str, place: Callable[[str], str]) -> Path:
    """Index one built edition (site/<code>/); return the index's path.

    `lang` is the edition's BCP 47 tag, `place(anchor)` a paragraph's address in the plan ("" if none).
    """
    return write_index(edition, build_index(lang, edition_records(edition), place))


class EditionIndex:
    """The records of one built edition, page by page, kept between builds (the preview).

    After some pages were rebuilt, `update` re-cuts only those and `write` writes the index the
    whole edition would give (write_search), in the same order, from the records kept.
    """

    def __init__(self, edition: Path) -> None:
        """Cut every page of the built edition `edition` (site/<code>/): ~0.1 s."""
        self.pages: dict[str, PageRecords] = {
            p.relative_to(edition).as_posix(): page_records(edition, p.relative_to(edition).as_posix())
            for p in edition.rglob("index.html") if searched(p.relative_to(edition).as_posix())}

    def update(self, edition: Path, rebuilt: Iterable[str]) -> None:
        """Re-cut the pages `rebuilt` (paths relative to `edition`, '/'); other files are ignored."""
        for rel in rebuilt:
            if searched(rel):
                self.pages[rel] = page_records(edition, rel)

    def write(self, edition: Path, lang: str, place: Callable[[str], str]) -> Path:
        """Write the index into `edition` as write_search would; `lang`, `place` as there. Returns its path."""
        ordered = [self.pages[rel] for rel in sorted(self.pages, key=page_order)]
        # a new file, never a rewrite: in a staging copy of site/ the old one is a hard link to the published file
        (edition / INDEX).unlink(missing_ok=True)
        return write_index(edition, build_index(lang, ordered, place))

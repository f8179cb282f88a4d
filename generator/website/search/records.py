"""Search records: one per paragraph (or heading, table row, glossary entry) of a built edition.

Records are cut from the built HTML, after MkDocs and the theme have written it, so that what
search finds is exactly what the reader sees, on every page (plan text, glossary, progress
tables, notes), whatever template produced it. A record is one element with an `id` that
holds text (`p`, `li`, `tr`, `dd`, a heading); text outside any such element (a glossary
definition under its heading) belongs to the heading before it. Navigation inside the
article (¶ links, "used in" lists, the glossary index) is not content and is left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

BLOCKS = frozenset({"p", "li", "tr", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# classes whose element (and everything in it) is navigation or a label, not text of the page
SKIP_CLASSES = frozenset({"headerlink", "plan-used-in", "plan-glossary-index", "plan-marker", "plan-pending",
                          "plan-stale", "md-source-file", "plan-paragraph-menu", "plan-pmenu",
                          "plan-plink", "plan-parallel-link"})
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "col", "source", "area"})
_SPACE = re.compile(r"\s+")


@dataclass
class Record:
    """One searchable place: `anchor` is the element id (the URL fragment), `text` what it says.

    `heading` is the text of the nearest heading above it (the section a result names), `level`
    that heading's rank (1 for the page title); `kind` is the element's tag.
    """

    anchor: str
    kind: str
    text: str = ""
    heading: str = ""
    title: str = ""   # a heading's own words (its `text` also holds the loose text under it)
    parts: list[str] = field(default_factory=list, repr=False)


class _Cutter(HTMLParser):
    """Walks the article of one page and cuts it into records."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.records: list[Record] = []
        self.stack: list[tuple[str, bool, Record | None]] = []  # (tag, skipping, record opened here)
        self.in_article = False
        self.article_depth = 0
        self.current: Record | None = None     # innermost open block record
        self.section: Record | None = None     # last heading record: home of loose text
        self.title = ""

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if not self.in_article:
            if tag == "article" and "md-content__inner" in classes:
                self.in_article, self.article_depth = True, len(self.stack)
                self.stack.append((tag, False, None))
            elif tag not in _VOID:
                self.stack.append((tag, False, None))
            return
        if tag in _VOID:
            if tag == "br":
                self._text(" ")
            return
        skipping = self._skipping() or bool(classes & SKIP_CLASSES)
        opened = None
        if not skipping and tag in BLOCKS and a.get("id") and self.current is None:
            opened = Record(anchor=a["id"] or "", kind=tag,
                            heading=self.section.title if self.section and tag not in HEADINGS else "")
            self.records.append(opened)
            self.current = opened
        self.stack.append((tag, skipping, opened))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _, opened = self.stack.pop()
            if opened is not None:
                opened.text = _SPACE.sub(" ", "".join(opened.parts)).strip()
                opened.parts.clear()
                self.current = None
                if opened.kind in HEADINGS:
                    opened.title = opened.text
                    self.section = opened
                    if opened.kind == "h1" and not self.title:
                        self.title = opened.text
            if open_tag == "article" and self.in_article and len(self.stack) == self.article_depth:
                self.in_article = False
            if open_tag == tag:
                break
        if tag in BLOCKS | {"td", "th", "div", "ul", "ol", "dl"}:
            self._text(" ")

    def handle_data(self, data: str) -> None:
        if self.in_article and not self._skipping():
            self._text(data)

    def _text(self, data: str) -> None:
        if self.current is not None:
            self.current.parts.append(data)
        elif self.section is not None and self.in_article and not self._in({"table", "figure", "nav", "ul", "ol"}):
            # text after a heading and outside any block with an id (a glossary definition): it
            # belongs to that heading; a table, figure or list without ids (a table of contents, a
            # chart) is navigation or a picture of data given elsewhere, and is left out
            self.section.text += data

    def _in(self, tags: set[str]) -> bool:
        return any(tag in tags for tag, _, _ in self.stack)


@dataclass
class PageRecords:
    """The records of one page: `url` relative to the edition root (use_directory_urls), `title`."""

    url: str
    title: str
    records: list[Record]


def cut(html: str) -> tuple[str, list[Record]]:
    """The page's title (its h1) and its records, in document order. Records without text are dropped."""
    cutter = _Cutter()
    cutter.feed(html)
    cutter.close()
    for record in cutter.records:
        record.text = _SPACE.sub(" ", record.text).strip()
    return cutter.title, [r for r in cutter.records if r.text]


def searched(rel: str) -> bool:
    """Whether the page whose index.html is at `rel` (relative to the edition, '/') goes into the index.

    Not the theme's or the index's own folders, nor parallel/: the side-by-side view repeats the
    one-edition pages' text, which is indexed once, there.
    """
    return rel.endswith("index.html") and rel.split("/")[0] not in ("pagefind", "search", "assets", "parallel")


def page_records(edition: Path, rel: str) -> PageRecords:
    """The records of the page at `rel` (an index.html, relative to the built edition `edition`)."""
    folder = PurePosixPath(rel).parent.as_posix()
    title, records = cut((edition / rel).read_text(encoding="utf-8"))
    return PageRecords("" if folder == "." else folder + "/", title, records)


def page_order(rel: str) -> PurePosixPath:
    """The order of pages in the index: by path, folder by folder (the home page first)."""
    return PurePosixPath(rel)


def edition_records(edition: Path) -> list[PageRecords]:
    """Every page of one built edition (site/<lang>/), in a stable order; the home page first."""
    found = sorted((p.relative_to(edition).as_posix() for p in edition.rglob("index.html")), key=page_order)
    return [page_records(edition, rel) for rel in found if searched(rel)]

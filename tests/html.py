"""Reading built HTML pages the way the tests need: visible text by language, ids, links."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN = {"script", "style", "noscript", "template", "svg"}


class Page(HTMLParser):
    """Facts about one HTML page: <html lang>, h1 count, ids, links, resources, text per language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.h1 = 0
        self.ids: set[str] = set()
        self.links: list[dict[str, str]] = []
        self.resources: list[str] = []
        self.head_alternates: list[dict[str, str]] = []
        self.text_by_lang: dict[str, list[str]] = {}
        self._stack: list[tuple[str, str | None, bool]] = []  # tag, lang, hidden

    def _current(self) -> tuple[str | None, bool]:
        lang, hidden = self.lang, False
        for _, l, h in self._stack:
            lang = l or lang
            hidden = hidden or h
        return lang, hidden

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "h1":
            self.h1 += 1
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a)
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.head_alternates.append(a)
        for key in ("src", "srcset", "poster", "data"):
            if a.get(key):
                self.resources.append(a[key])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate", "prev", "next"):
            self.resources.append(a["href"])
        if tag not in VOID:
            self._stack.append((tag, a.get("lang"), tag in HIDDEN or "hidden" in a))

    def handle_endtag(self, tag):
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data):
        lang, hidden = self._current()
        if not hidden and data.strip():
            self.text_by_lang.setdefault(lang or "", []).append(data)

    def text(self, lang: str) -> str:
        return "".join(self.text_by_lang.get(lang, []))


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))

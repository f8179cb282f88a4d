"""MkDocs hook (named in each generated docs/mkdocs.<lang>.yml).

MkDocs builds the table of contents from the headings' plain text, so the lang="en" marks
the renderer puts on English words inside Chinese headings are lost there. In the Chinese
editions this hook marks them again in the TOC entries (Material prints them unescaped).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.foreign import mark_escaped  # noqa: E402


def _mark(items) -> None:
    for item in items:
        item.title = mark_escaped(item.title)
        _mark(item.children)


def on_page_content(html, page, config, files):
    if str(config.theme["language"]).startswith("zh"):
        _mark(page.toc)
    return html

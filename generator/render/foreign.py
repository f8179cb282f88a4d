"""Marking English inside Chinese text, so that screen readers switch voice (WCAG 3.1.2).

A run of Latin script in Chinese text is an abbreviation or an English name (FTTH, TD-LTE,
Fiber To The Home); it is wrapped in <span lang="en">. Used by the renderer for the page
body and by the MkDocs hook for the table of contents, which MkDocs builds itself.
"""
from __future__ import annotations

import re
from typing import Callable

LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[ \-/.,&'’\\]+[A-Za-z0-9]+)*")
_ENTITY = re.compile(r"(&#?\w+;)")


def mark(text: str, escape: Callable[[str], str]) -> str:
    """Escape plain `text` with `escape`, wrapping each Latin run of two letters or more."""
    out, last = [], 0
    for m in LATIN.finditer(text):
        if sum(c.isalpha() for c in m.group(0)) < 2:
            continue
        out.append(escape(text[last:m.start()]))
        out.append(f'<span lang="en">{escape(m.group(0))}</span>')
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


HAN = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff08\uff09\uff0c\uff1a\u201c\u201d]*[\u3400-\u9fff]"
                 r"[\u3400-\u9fff\u3000-\u303f\uff08\uff09\uff0c\uff1a0-9\u201c\u201d]*")


def mark_chinese(text: str, escape: Callable[[str], str]) -> str:
    """In English text, wrap Chinese runs (a document number, a misprint quoted) as zh-Hans."""
    out, last = [], 0
    for m in HAN.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append(f'<span lang="zh-Hans">{escape(m.group(0))}</span>')
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def mark_escaped(html_text: str) -> str:
    """The same for text that is already HTML-escaped (entities are left alone)."""
    parts = _ENTITY.split(html_text)
    return "".join(p if _ENTITY.fullmatch(p) else mark(p, lambda s: s) for p in parts)

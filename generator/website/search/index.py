"""The search index of one edition: search/plan-search.json, beside the edition's pages.

Shape (compact JSON, gzip-friendly):
    {"lang": "zh-Hant-HK", "fold": "衞卫衛卫…",
     "pages": [[url, title], …],                      # url relative to the edition root
     "records": [[page, anchor, place, heading, text], …]}
`page` indexes `pages`; `anchor` is the element id a result links to; `place` is the
paragraph's address as the plan prints it (四、（三）第2段, "IV. (3), para. 2") or "";
`heading` the section it is under. The browser (assets/plan-search.js) matches on the text
itself, so there is no token list to ship and no segmenter to disagree with.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from .fold import table_for
from .records import PageRecords

INDEX = "search/plan-search.json"


def build_index(lang: str, pages: list[PageRecords], place: Callable[[str], str]) -> dict:
    """The index of one edition. `lang` is its BCP 47 tag; `place(anchor)` names a paragraph ("" if none)."""
    records = [[i, r.anchor, place(r.anchor), r.heading, r.text]
               for i, page in enumerate(pages) for r in page.records]
    chinese = lang.startswith("zh")
    fold = table_for(r[4] for r in records) if chinese else ""
    return {"lang": lang, "fold": fold, "pages": [[p.url, p.title] for p in pages], "records": records}


def write_index(edition: Path, index: dict) -> Path:
    """Write the index into a built edition (site/<code>/); return its path."""
    path = edition / INDEX
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path

"""Punctuation of the Hong Kong edition.

Hong Kong Traditional Chinese quotes with 「」 and, inside them, 『』 (the Simplified source
uses “” and ‘’; GB/T 15834 vs. the usage of Hong Kong government text, e.g. the press
releases at info.gov.hk). The mapping is one to one, so nested quotes stay nested.

The source is also inconsistent in two places, and the Hong Kong edition evens them out
(the Simplified edition stays verbatim):
- section numbers are printed "(一)" in two chapters and "（一）" everywhere else, and a few
  Chinese asides have half-width brackets (患者(或保健对象)): a half-width bracket pair around
  Chinese text without Latin letters becomes full-width, the source's majority form and the
  standard form in Chinese text;
- a half-width colon after a Chinese character, or one that ends a Chinese label
  ("…软件即服务):"), becomes full-width "：", as in the other appendix labels. Brackets
  around Latin text (English expansions) stay half-width, as the source prints them.

An apostrophe inside a Latin word (McDonald’s) is not a quotation mark and stays; straight
ASCII quotes around Chinese text are treated as “”.
"""
from __future__ import annotations

import re

QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])’(?=[A-Za-z])")        # McDonald’s: not a quote
_STRAIGHT = re.compile(rf'"([^"\n]*[{_CJK}][^"\n]*)"')            # "智慧城市" typed with ASCII quotes
_CHINESE_IN_BRACKETS = re.compile(rf"\(([^()A-Za-z]*[{_CJK}][^()A-Za-z]*)\)")   # (一), (或保健對象)
_COLON_AFTER_CJK = re.compile(rf"(?<=[{_CJK}]):")
_COLON_ENDING_LABEL = re.compile(rf"(?<=[)）]):(?=$|\s|[{_CJK}])")
_KEEP = "\x00"


def hong_kong(text: str) -> str:
    """`text` (already converted to Traditional characters) with Hong Kong punctuation."""
    text = _APOSTROPHE.sub(_KEEP, text)
    text = _STRAIGHT.sub(r"“\1”", text).translate(QUOTES).replace(_KEEP, "’")
    text = _CHINESE_IN_BRACKETS.sub(r"（\1）", text)
    text = _COLON_AFTER_CJK.sub("：", text)
    return _COLON_ENDING_LABEL.sub("：", text)

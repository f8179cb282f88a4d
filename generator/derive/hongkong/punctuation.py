"""Punctuation of the Hong Kong edition.

Hong Kong Traditional Chinese quotes with 「」 and, inside them, 『』 (the Simplified source
uses “” and ‘’; GB/T 15834 vs. the usage of Hong Kong government text, e.g. the press
releases at info.gov.hk). The mapping is one to one, so nested quotes stay nested.

The source is also inconsistent in two places, and the Hong Kong edition evens them out
(the Simplified edition stays verbatim):
- section numbers are printed "(一)" in two chapters and "（一）" everywhere else, a few Chinese
  asides have half-width brackets (患者(或保健对象)), and the appendix prints its English
  expansions in half-width brackets and commas (光纤到户 (FTTH, Fiber To The Home):, 基于 IP
  (Internet Protocol, 互联网通信协议)) where the chapters write RTO（恢复时间目标）: wherever
  Chinese text meets a half-width bracket pair (a Chinese character or full-width mark on either
  side, or Chinese inside), the pair becomes full-width （）, a comma inside it becomes "，", and
  the spaces that set the half-width bracket off go. This is the standard form in Chinese text,
  GB/T 15834—2011 §5 (brackets U+FF08/U+FF09 and commas U+FF0C in horizontal Chinese text; W3C's
  translation: https://www.w3.org/zh-hans/news/2013/translation-of-gb-t-15834-2011-part-5). A
  bracket in Latin text alone ("(1)", "Mbps (megabits)") stays half-width;
- a half-width colon after a Chinese character, or one that ends a Chinese label
  ("…软件即服务):"), becomes full-width "：", as in the other appendix labels.

An apostrophe inside a Latin word (McDonald’s) is not a quotation mark and stays; straight
ASCII quotes around Chinese text are treated as “”.
"""
from __future__ import annotations

import re

QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])’(?=[A-Za-z])")        # McDonald’s: not a quote
_STRAIGHT = re.compile(rf'"([^"\n]*[{_CJK}][^"\n]*)"')            # "智慧城市" typed with ASCII quotes
_CHINESE_TEXT = re.compile(rf"[{_CJK}\u3000-\u303f\uff01-\uff60]")  # a Chinese character or full-width mark
_BRACKETS = re.compile(r"(?P<lead> ?)\((?P<inner>[^()\n]*)\)(?P<trail> ?)")  # a half-width pair and its spaces
_COLON_AFTER_CJK = re.compile(rf"(?<=[{_CJK}]):")
_COLON_ENDING_LABEL = re.compile(rf"(?<=[)）]):(?=$|\s|[{_CJK}])")
_KEEP = "\x00"


def _full_width_in_chinese(m: re.Match) -> str:
    """A half-width bracket pair where Chinese text meets it, written the Chinese way: （FTTH，Fiber To The Home）."""
    text = m.string
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    chinese_after = bool(_CHINESE_TEXT.match(after))
    if not (_CHINESE_TEXT.match(before) or chinese_after or _CHINESE_TEXT.search(m["inner"])):
        return m.group()
    inner = re.sub(r",\s*", "，", m["inner"])
    return f"（{inner}）" + ("" if chinese_after or not after else m["trail"])


def hong_kong(text: str) -> str:
    """`text` (already converted to Traditional characters) with Hong Kong punctuation."""
    text = _APOSTROPHE.sub(_KEEP, text)
    text = _STRAIGHT.sub(r"“\1”", text).translate(QUOTES).replace(_KEEP, "’")
    text = _BRACKETS.sub(_full_width_in_chinese, text)
    text = _COLON_AFTER_CJK.sub("：", text)
    return _COLON_ENDING_LABEL.sub("：", text)

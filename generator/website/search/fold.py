"""Character folding for Chinese search: every form a reader may type → one canonical form.

Readers of the Hong Kong edition type Simplified characters (many input methods and copied
text produce them), standard Traditional forms (衛 where the text writes 衞), or Hong Kong ones.
Search compares text and query after folding both to Simplified, one character for one
character (so an offset in the folded text is the offset in the shown text, and highlights
land on the right characters). The table comes from OpenCC's own dictionaries (Hong Kong,
Taiwan and standard Traditional → Simplified), the same project that derives the edition.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

# The CJK Unified Ideographs (with extension A) and the compatibility block: what a reader can type.
_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_CONFIGS = ("hk2s", "t2s", "tw2s")


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Every ideograph whose Simplified form is another single character → that character.

    The first of OpenCC's hk2s, t2s, tw2s that changes a character decides (hk2s first: the
    edition is Hong Kong's). Conversions of one character into several are left out.
    """
    import opencc

    chars = [chr(c) for start, end in _RANGES for c in range(start, end + 1)]
    table: dict[str, str] = {}
    for config in _CONFIGS:
        converted = opencc.OpenCC(config).convert("\n".join(chars)).split("\n")
        if len(converted) != len(chars):
            raise RuntimeError(f"OpenCC {config} changed the number of lines; cannot build the fold table")
        for char, simple in zip(chars, converted):
            if char not in table and len(simple) == 1 and simple != char:
                table[char] = simple
    return table


def fold(text: str) -> str:
    """`text` with every variant character replaced by its Simplified form (same length)."""
    table = _variants()
    return "".join(table.get(c, c) for c in text)


def table_for(texts: Iterable[str]) -> str:
    """The fold table an edition needs, as one string of pairs: variant, canonical, variant, …

    Only variants whose canonical form occurs in `texts` (folded) are kept: a reader's
    character whose Simplified form is nowhere in the edition cannot match anyway, and
    leaving it out keeps the download small.
    """
    table = _variants()
    present = set(fold("".join(texts)))
    return "".join(v + c for v, c in sorted(table.items()) if c in present)

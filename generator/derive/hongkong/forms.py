"""Character rules: where OpenCC's Hong Kong variant table and Hong Kong government text differ.

OpenCC's `HKVariants` table follows the glyph shapes of the "List of Graphemes of
Commonly-Used Chinese Characters", and for some characters those shapes are separate code
points that Hong Kong government pages do not use (户 U+6237 for 戶 U+6236, 税 for 稅:
BYVoid/OpenCC#770, PR #740). The decision table is data (`forms:` in
data/hk-overrides.yaml), one cited page per character; a rule applies to every text the
Hong Kong edition shows.
"""
from __future__ import annotations

from typing import Iterable

from ...model.plan import HkForm


def table(forms: Iterable[HkForm]) -> dict[int, str]:
    """`str.translate` table of the rules that change OpenCC's output (OpenCC's form → HK form)."""
    return {ord(f.opencc): f.hk for f in forms if f.opencc != f.hk}


def rejected(forms: Iterable[HkForm]) -> set[str]:
    """The characters the table rejects: none of them may appear in the Hong Kong edition."""
    return {f.opencc for f in forms if f.opencc != f.hk}

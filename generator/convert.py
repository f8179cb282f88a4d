"""Simplified → Traditional Chinese (Hong Kong): OpenCC `s2hk` plus the reviewed overrides.

The Hong Kong text is never stored; it is derived at build time. OpenCC gets a few words of
this plan wrong in context, so phrases listed in data/hk-overrides.yaml are shielded from
OpenCC (longest first) and replaced by their reviewed Hong Kong form.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from . import cache
from .model import Override, Plan

if TYPE_CHECKING:
    import opencc

_FIRST_PLACEHOLDER = 0xE000  # Unicode private use area: OpenCC passes it through untouched


@lru_cache(maxsize=1)
def _opencc() -> "opencc.OpenCC":
    """Loaded on first use: its dictionaries take ~0.2 s, which `make check` can often skip."""
    import opencc

    return opencc.OpenCC("s2hk")


def opencc_s2hk(text: str) -> str:
    """OpenCC alone, without our corrections."""
    return _opencc().convert(text)


class HongKongConverter:
    """Callable: Simplified text → Hong Kong Traditional text."""

    def __init__(self, overrides: list[Override]):
        ordered = sorted(overrides, key=lambda o: len(o.simplified), reverse=True)
        self._hk = [o.hk for o in ordered]
        self._index = {o.simplified: i for i, o in enumerate(ordered)}
        self._pattern = re.compile("|".join(re.escape(o.simplified) for o in ordered)) if ordered else None

    @lru_cache(maxsize=None)
    def __call__(self, text: str) -> str:
        if not self._pattern:
            return opencc_s2hk(text)
        shielded = self._pattern.sub(lambda m: chr(_FIRST_PLACEHOLDER + self._index[m.group(0)]), text)
        converted = opencc_s2hk(shielded)
        return re.sub("[\ue000-\uf8ff]", lambda m: self._hk[ord(m.group(0)) - _FIRST_PLACEHOLDER], converted)


def override_effects(plan: Plan) -> dict[str, int | None]:
    """For each override: in how many texts it changes OpenCC's result (None: it matches no text).

    The answer depends only on the overrides and the texts they match: it is remembered.
    """
    texts = list(dict.fromkeys(plan.chinese_texts()))
    overrides = json.dumps([[o.simplified, o.hk] for o in plan.hk_overrides], ensure_ascii=False)
    matched = sorted({t for t in texts for o in plan.hk_overrides if o.simplified in t})
    name = cache.key("convert.py", overrides, *matched)
    remembered = cache.get(name)
    if isinstance(remembered, dict):
        return remembered
    effects: dict[str, int | None] = {}
    for override in plan.hk_overrides:
        matching = [t for t in texts if override.simplified in t]
        if not matching:
            effects[override.simplified] = None
            continue
        alone = HongKongConverter([override])
        effects[override.simplified] = sum(alone(t) != opencc_s2hk(t) for t in matching)
    cache.put(name, effects)
    return effects

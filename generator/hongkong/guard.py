"""A guard for maintainers: places where the Hong Kong text is probably wrong.

Some sequences are almost never right in the Hong Kong text of a plan like this one: 髮
(hair) where 發 (develop) was meant, 瞭 … (`watch:` in data/hk-overrides.yaml). `make check`
warns about each place where the published text has one, and each place where OpenCC run on
the whole text would have written one but the word-by-word conversion does not (民生发展:
whole-text OpenCC writes 民生髮展): such a place depends on where words end, and deserves a
look. An override that produces the sequence, or covers the place, confirms it: no warning.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterator

from .. import cache
from ..model import Override, Plan, Watch
from ..problems import Problem
from ..yamlfile import read

# keys whose values are never Simplified Chinese text converted for the Hong Kong edition
_SKIP = {"id", "en", "abbreviation", "english_name", "url", "source", "publisher", "accessed", "hk", "reason",
         "simplified", "example", "opencc", "status", "mirror", "confidence"}


def _places(text: str, sequence: str) -> Iterator[int]:
    at = text.find(sequence)
    while at >= 0:
        yield at
        at = text.find(sequence, at + 1)


def _context(text: str, at: int, length: int) -> str:
    return text[max(0, at - 2): at + length + 1]


def check_text(text: str, convert: Callable[[str], str], naive: Callable[[str], str],
               watch: list[Watch], overrides: list[Override]) -> list[str]:
    """Messages (no location) for one Simplified `text`.

    convert: the site's converter; naive: OpenCC on the whole text with the same rules.
    """
    published, whole = convert(text), naive(text)
    present = [o for o in overrides if o.simplified in text]
    out = []
    for w in watch:
        confirmed = any(w.hk in o.hk or w.hk in naive(o.simplified) for o in present)
        if confirmed:
            continue
        for at in _places(published, w.hk):
            out.append(f"the Hong Kong text has {w.hk} in {_context(published, at, len(w.hk))}: check it, "
                       "or add an override")
        if len(whole) != len(published):
            continue
        for at in _places(whole, w.hk):
            if published[at:at + len(w.hk)] != w.hk:
                out.append(f"the Hong Kong text has {w.hk} in {_context(whole, at, len(w.hk))} when OpenCC converts "
                           f"the sentence whole (the site publishes {_context(published, at, len(w.hk))}, word by "
                           "word): check it, or add an override")
    return out


def _strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in _SKIP:
                yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, path + (i,))
    elif isinstance(data, str) and any("\u3400" <= c <= "\u9fff" for c in data):
        yield path, data


def scan(data_dir: Path, plan: Plan) -> list[Problem]:
    """Every suspicious place in the Chinese texts of data_dir, as warnings in the form of problems (remembered by content: `make check` stays fast)."""
    from ..convert import HongKongConverter, code, naive_converter

    sources = [src for p in sorted(data_dir.glob("*.yaml")) if p.name != "hk-overrides.yaml"
               if (src := read(p, f"{data_dir.name}/{p.name}", [])) is not None]
    places = [(src, path, text) for src in sources for path, text in _strings(src.data)]
    rules = json.dumps([[o.simplified, o.hk] for o in plan.hk_overrides] + [[f.opencc, f.hk] for f in plan.hk_forms]
                       + [[w.hk] for w in plan.hk_watch], ensure_ascii=False)
    name = cache.key("hongkong/guard.py", *code(), rules, *sorted({t for _, _, t in places}))
    remembered = cache.get(name)
    if not isinstance(remembered, dict):
        convert, naive = HongKongConverter.for_plan(plan), naive_converter(plan)
        remembered = {t: check_text(t, convert, naive, plan.hk_watch, plan.hk_overrides)
                      for t in {t for _, _, t in places}}
        cache.put(name, remembered)
    return [Problem(src.name, src.line_of(path), message)
            for src, path, text in places for message in remembered.get(text, [])]

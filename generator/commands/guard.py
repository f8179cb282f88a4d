"""A guard for maintainers: places where the Hong Kong text is probably wrong.

Some sequences are almost never right in the Hong Kong text of a plan like this one: 髮
(hair) where 發 (develop) was meant, 瞭 … (`watch:` in data/hk-overrides.yaml). `make check`
warns about each place where the published text has one, and about each place where the
published text differs from OpenCC run on the whole sentence (民生发展: OpenCC alone writes
民生髮展, the site 民生發展): such a place depends on where words end, and deserves a look.
An override that covers the place confirms it: no warning.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

from ..base import cache
from ..model.plan import Override, Plan, Watch
from ..base.problems import Problem
from ..read.yamlfile import read

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
    A place an override covers is confirmed: no message.
    """
    published, whole = convert(text), naive(text)
    covered = [False] * len(text)
    for o in overrides:
        for at in _places(text, o.simplified):
            covered[at:at + len(o.simplified)] = [True] * len(o.simplified)
    out = []
    for w in watch:
        for at in _places(published, w.hk):
            if len(published) != len(text) or not all(covered[at:at + len(w.hk)]):
                out.append(f"the Hong Kong text has {w.hk} in {_context(published, at, len(w.hk))}: check it, "
                           "or add an override")
    if len(whole) == len(published) == len(text):
        for at, run in _differences(published, whole):
            if not all(covered[at:at + run]):
                out.append(f"OpenCC alone would write {_context(whole, at, run)} here, the site publishes "
                           f"{_context(published, at, run)} (no phrase across a word): check it, or add an override")
    return out


def _differences(a: str, b: str) -> Iterator[tuple[int, int]]:
    """(start, length) of each run of positions where two equally long texts differ."""
    at = 0
    while at < len(a):
        if a[at] != b[at]:
            end = at
            while end < len(a) and a[end] != b[end]:
                end += 1
            yield at, end - at
            at = end
        else:
            at += 1


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
    from ..derive.hongkong.convert import HongKongConverter, naive_converter, rules_key

    sources = [src for p in sorted(data_dir.glob("*.yaml")) if p.name != "hk-overrides.yaml"
               if (src := read(p, f"{data_dir.name}/{p.name}", [])) is not None]
    places = [(src, path, text) for src in sources for path, text in _strings(src.data)]
    name = cache.key("commands/guard.py", *rules_key(plan), *sorted({t for _, _, t in places}))
    remembered = cache.get(name)
    if not isinstance(remembered, dict):
        convert, naive = HongKongConverter.for_plan(plan), naive_converter(plan)
        remembered = {t: check_text(t, convert, naive, plan.hk_watch, plan.hk_overrides)
                      for t in {t for _, _, t in places}}
        cache.put(name, remembered)
    return [Problem(src.name, src.line_of(path), message)
            for src, path, text in places for message in remembered.get(text, [])]

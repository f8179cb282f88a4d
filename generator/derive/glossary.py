"""The glossary as a working reference: its entries, where the plan uses them, and the links
from the body text to them.

Entries are the appendix's 21 terms (the plan's own definitions) and the editorial key terms
of data/key-terms.yaml. Matching is longest first, so 电子政务顶层设计 is one match, never
电子政务 plus a remainder; English forms match whole words only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator, Optional, Union

from ..model import plan as model

Source = Union[model.Term, model.KeyTerm]


@dataclass(frozen=True)
class Entry:
    id: str
    source: Source
    zh_forms: tuple[str, ...]   # Simplified Chinese surface forms (term, Chinese name, abbreviation)
    en_forms: tuple[str, ...]   # English surface forms (term list rendering and variants)
    editorial: bool


def entries(plan: model.Plan) -> list[Entry]:
    """Appendix terms in plan order, then the editorial key terms."""
    by_zh = {t.zh: t for t in plan.terms}
    out = []
    for t in plan.glossary.terms:
        zh = [t.term, t.chinese_name, t.abbreviation] + [x.zh for x in plan.terms if x.glossary == t.id]
        out.append(_entry(t.id, t, zh, by_zh, editorial=False))
    for k in plan.key_terms:
        out.append(_entry(k.id, k, [k.term], by_zh, editorial=True))
    return out


def _entry(ident: str, source: Source, zh: list[Optional[str]], by_zh: dict[str, model.TermEntry],
           editorial: bool) -> Entry:
    zh_forms = tuple(dict.fromkeys(f for f in zh if f and not f.startswith("“")))
    en: list[str] = []
    for form in zh_forms:
        if form in by_zh:
            en += [by_zh[form].en, *by_zh[form].variants]
    if source.en and source.en.term:
        en.append(source.en.term)
    return Entry(ident, source, zh_forms, tuple(dict.fromkeys(en)), editorial)


# --- matching ---------------------------------------------------------------------------------

def _pattern(forms: list[str], english: bool) -> Optional[re.Pattern]:
    """One alternative per form, longest first; group i+1 matches forms[i]."""
    if not forms:
        return None
    parts = []
    for form in forms:
        body = re.escape(form)
        if english:
            if sum(c.isupper() for c in form) < 2:  # "ITS" must not match "its"
                body = f"(?i:{body})"
            body = rf"(?<![\w-]){body}(?![\w-])"  # whole words only
        else:
            # a Latin abbreviation inside Chinese text is a word of its own: ITS, not the ITS of ITSEC
            if form[:1].isascii() and form[:1].isalnum():
                body = rf"(?<![A-Za-z0-9]){body}"
            if form[-1:].isascii() and form[-1:].isalnum():
                body = rf"{body}(?![A-Za-z0-9])"
        parts.append(f"({body})")
    return re.compile("|".join(parts))


class Matcher:
    """Finds entries in a text of one language, longest form first."""

    def __init__(self, entries: list[Entry], language: str, convert: Callable[[str], str] = lambda s: s):
        self.english = language == "en"
        forms: dict[str, str] = {}
        for e in entries:
            for form in (e.en_forms if self.english else e.zh_forms):
                forms.setdefault(form if self.english else convert(form), e.id)
        self._forms = sorted(forms, key=len, reverse=True)
        self._ids = [forms[f] for f in self._forms]
        self._folded = [f.lower() if self.english else f for f in self._forms]
        self._regexes: dict[tuple[int, ...], Optional[re.Pattern]] = {}

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, entry id) of each match, left to right, never overlapping.

        One regex of all forms is slow (Python's re tries every alternative at every
        position), so only the forms the text contains at all take part: the same matches,
        about ten times faster on the plan.
        """
        folded = text.lower() if self.english else text
        present = tuple(i for i, form in enumerate(self._folded) if form in folded)
        if not present:
            return
        if present not in self._regexes:
            self._regexes[present] = _pattern([self._forms[i] for i in present], self.english)
        regex = self._regexes[present]
        assert regex is not None
        for m in regex.finditer(text):
            yield m.start(), m.end(), self._ids[present[m.lastindex - 1]]


# --- links in the body text ------------------------------------------------------------------

@dataclass(frozen=True)
class Segment:
    text: str
    href: Optional[str] = None    # the glossary entry this segment links to
    tip: str = ""                 # its short definition, shown on hover and focus
    expansion: str = ""           # for an abbreviation (FTTH): its expansion, for <abbr title>


class Linker:
    """Links the first occurrence of each entry on one page; later occurrences stay plain."""

    def __init__(self, matcher: Matcher, tips: dict[str, str], href: Callable[[str], str],
                 expansions: Optional[dict[str, str]] = None):
        self.matcher = matcher
        self.expansions = expansions or {}
        self.tips = tips
        self.href = href
        self.linked: set[str] = set()

    def split(self, text: str) -> list[Segment]:
        out: list[Segment] = []
        last = 0
        for start, end, ident in self.matcher.find(text):
            if ident in self.linked:
                continue
            self.linked.add(ident)
            if start > last:
                out.append(Segment(text[last:start]))
            found = text[start:end]
            out.append(Segment(found, self.href(ident), self.tips.get(ident, ""), self.expansions.get(found, "")))
            last = end
        if last < len(text):
            out.append(Segment(text[last:]))
        return out


def short_definition(definition: str, limit: int) -> str:
    """The first sentence of a definition, cut to `limit` characters."""
    first = re.split(r"(?<=[。；])|(?<=[.;])\s", definition.strip(), maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


# --- where the plan uses each entry ----------------------------------------------------------

def usages(plan: model.Plan, all_entries: list[Entry]) -> dict[str, list[model.Place]]:
    """For each entry, the paragraphs whose Chinese text uses it (ids are shared by all editions)."""
    matcher = Matcher(all_entries, "zh-Hans")
    found: dict[str, list[model.Place]] = {e.id: [] for e in all_entries}
    for place in plan.places():
        text = "\n".join(filter(None, (place.paragraph.lead, place.paragraph.text)))
        for ident in dict.fromkeys(i for _, _, i in matcher.find(text)):
            found[ident].append(place)
    return found

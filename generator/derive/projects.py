"""The key projects (重点工程) and their items in one edition: one row each, with their evidence.

One derivation feeds both the progress page (generator/pages/progress.py) and the published
tables (projects.csv, project-evidence.csv: generator/derive/opendata/tables.py), so the two
can never disagree. Names and planned deliverables come from the plan's own paragraphs; status
and evidence from data/projects.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..model import plan as model
from .localize import Localizer
from .numbers import written_date


def quoted_lang(text: str) -> str:
    """The language tag of a quotation: Simplified Chinese if it has any Han character, else English.

    Cited titles and publishers are quotations, shown exactly as published (never converted to
    Traditional characters, or the citation would no longer match its source).
    """
    return "zh-Hans" if any("\u3400" <= c <= "\u9fff" for c in text) else "en"


def first_sentence(text: str, english: bool) -> str:
    """The first sentence of `text` (with … if more follows): up to 。 or ； in Chinese, up to
    . or ; and a space in English. The edition decides which, never the characters: English
    text has curly quotes and Chinese text has Latin letters."""
    parts = re.split(r"(?<=[。；])" if not english else r"(?<=[.;])\s", text, maxsplit=1)
    return parts[0] + ("…" if len(parts) > 1 and parts[1].strip() else "")


def numbered(section: model.Section, loc: Localizer) -> str:
    """A section's number and title as the edition prints them: （一）信息網絡躍升工程 in Chinese (the number's
    bracket is its separator), (1) Information network leap project in English."""
    space = " " if loc.lang.source == "en" else ""
    return f"{loc.text(section, 'number')}{space}{loc.text(section, 'title')}".strip()


@dataclass(frozen=True)
class Evidence:
    """One cited source for a project or item: what it says (its own words, never converted), when, and
    how far it can be trusted, in the edition's words."""

    source: model.Source
    confidence: str        # the confidence in the edition's words (data/site.yaml confidence_*)
    dated: str             # when the fact happened, as the edition writes a date ("" if undated)
    note: str              # the site's note on the source, in the edition's language ("" if none)

    @property
    def quote(self) -> str:
        return self.source.quote or ""

    @property
    def quote_lang(self) -> str:
        return quoted_lang(self.quote)

    @property
    def publisher(self) -> str:
        return self.source.publisher

    @property
    def publisher_lang(self) -> str:
        return quoted_lang(self.source.publisher)

    @property
    def mirror(self) -> bool:
        return self.source.mirror

    @property
    def title(self) -> str:
        return self.source.source

    @property
    def lang(self) -> str:
        return quoted_lang(self.source.source)

    @property
    def url(self) -> Optional[str]:
        """The address to link, or None for a mirror (never linked)."""
        return None if self.source.mirror else self.source.url


@dataclass(frozen=True)
class ProjectRow:
    """A key project (level 1) or one of its sub-items (level 2), every text in the edition's language."""

    id: str                 # project-1, or project-1-ch4-s1-p2 for an item
    parent: Optional[str]   # the project's id, for an item
    level: int
    name: str               # the section's numbered title, or the item's lead phrase
    chapter: str            # chapter id
    section: str            # section id (ch4-s1 …)
    paragraph: Optional[str]  # the item's paragraph id
    planned: str            # the first sentence of what the plan says it will do
    status: str             # planned | in_progress | completed | no_data
    status_label: str
    evidence: tuple[Evidence, ...]

    @property
    def href(self) -> str:
        """The row's place in the plan, from a page one folder below the edition's root."""
        return f"../{self.chapter}/#{self.paragraph or self.section}"


def project_rows(plan: model.Plan, loc: Localizer) -> list[ProjectRow]:
    """Each project, then its items, in the plan's order."""
    sections = {s.id: (c, s) for c in plan.chapters for s in c.sections}
    english = loc.lang.source == "en"

    def evidence(cited: list[model.Source]) -> tuple[Evidence, ...]:
        return tuple(Evidence(e, loc.ui(f"confidence_{e.confidence.replace('-', '_')}"),
                              written_date(e.dated, loc) if e.dated else "", loc.bilingual(e.note)) for e in cited)

    rows = []
    for project in plan.projects:
        chapter, section = sections[project.section]
        by_id = {p.id: p for p in section.paragraphs}
        title = numbered(section, loc)
        intro = next((p for p in section.paragraphs if not p.lead), None)
        rows.append(ProjectRow(project.id, None, 1, title, chapter.id, section.id, None,
                               first_sentence(loc.text(intro, "text"), english) if intro else "",
                               project.status, loc.ui(f"status_{project.status}"), evidence(project.evidence)))
        for item in project.items:
            p = by_id[item.paragraph]
            rows.append(ProjectRow(f"{project.id}-{p.id}", project.id, 2, loc.text(p, "lead").rstrip("。."),
                                   chapter.id, section.id, p.id, first_sentence(loc.text(p, "text"), english),
                                   item.status, loc.ui(f"status_{item.status}"), evidence(item.evidence)))
    return rows

"""The tidy, typed tables of one edition, straight from the typed model (never from page strings).

One row per observation in the statistical sense: values.csv has one row per baseline, target
and observation of an indicator, its value a number and its unit a code. Names and labels are in
the edition's language; the titles and publishers of cited sources are kept exactly as written
(a citation must match its source, so they are never converted to Traditional characters).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Optional

from ...model import plan as model
from .. import progress
from ..numbers import fmt
from ..projects import project_rows
from .cells import Value, number, optional
from .plantext import paragraph_rows

from ..localize import Localizer

PLAN_SOURCE = "plan"
CONFIDENCE = ["high", "medium-high", "medium", "medium-low", "low"]
KINDS = ["baseline", "target", "observation"]


@dataclass(frozen=True)
class Field:
    """A column: its name, Table Schema type and constraints (`enum`, `required`, `unique` ...)."""

    name: str
    type: str = "string"        # string | integer | number | boolean | date
    constraints: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str               # the referenced table's name ("" for the table itself)
    reference: tuple[str, ...]


@dataclass
class Table:
    """One published table: file name, columns, keys and rows (values typed as in the schema)."""

    name: str                   # resource name, e.g. "values"; the file is <name>.csv
    fields: list[Field]
    primary_key: list[str]
    rows: list[dict[str, Value]]
    foreign_keys: list[ForeignKey] = field(default_factory=list)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


def _req(**more) -> dict:
    return {"required": True, **more}


def source_id(src: model.Source) -> str:
    """A stable id for a cited source: the same title, publisher and address give the same id in every edition."""
    key = "\n".join((src.source, src.publisher, src.url)).encode("utf-8")
    return "src-" + hashlib.sha256(key).hexdigest()[:8]


def units(plan: model.Plan, loc: Localizer) -> Table:
    assert plan.indicators
    rows = [{"unit": code, "unit_label": loc.bilingual(names)} for code, names in plan.indicators.units.items()]
    return Table("units", [Field("unit", constraints=_req(unique=True)), Field("unit_label")], ["unit"], rows)


def indicators(plan: model.Plan, loc: Localizer) -> Table:
    assert plan.indicators
    themes = plan.indicators.themes
    rows = []
    for ind in plan.indicators.indicators:
        status = progress.status(ind)
        rows.append({"indicator_id": ind.id, "theme_id": ind.theme, "theme_label": optional(loc.bilingual(themes[ind.theme])),
                     "name": optional(loc.bilingual(ind.name)), "unit": ind.unit, "direction": ind.direction,
                     "baseline_paragraph_id": ind.baseline.paragraph if ind.baseline else None,
                     "target_paragraph_id": ind.target.paragraph, "status": status,
                     "status_label": loc.ui(f"status_{status}"), "note": optional(loc.bilingual(ind.note))})
    fields = [Field("indicator_id", constraints=_req(unique=True)), Field("theme_id", constraints=_req()),
              Field("theme_label"), Field("name", constraints=_req()), Field("unit", constraints=_req()),
              Field("direction", constraints=_req(enum=["at_least", "above", "at_most", "reach"])),
              Field("baseline_paragraph_id"), Field("target_paragraph_id", constraints=_req()),
              Field("status", constraints=_req(enum=list(progress.STATUSES))), Field("status_label"), Field("note")]
    keys = [ForeignKey(("unit",), "units", ("unit",)),
            ForeignKey(("baseline_paragraph_id",), "paragraphs", ("paragraph_id",)),
            ForeignKey(("target_paragraph_id",), "paragraphs", ("paragraph_id",))]
    return Table("indicators", fields, ["indicator_id"], rows, keys)


def values(plan: model.Plan, loc: Localizer) -> Table:
    """Every baseline, target and observation: one row each, the value a number in the indicator's unit."""
    assert plan.indicators
    unit_names = plan.indicators.units
    rows = []
    for ind in plan.indicators.indicators:
        def row(kind: str, year: int, value: float, source: str, paragraph: Optional[str] = None,
                confidence: Optional[str] = None, accessed: Optional[str] = None, note: Optional[str] = None) -> dict:
            return {"indicator_id": ind.id, "kind": kind, "year": year, "value": number(value), "unit": ind.unit,
                    "source_id": source, "confidence": confidence, "accessed": accessed, "paragraph_id": paragraph,
                    "value_label": fmt(value, ind.unit, loc, unit_names), "note": note}
        if ind.baseline:
            rows.append(row("baseline", ind.baseline.year, ind.baseline.value, PLAN_SOURCE, ind.baseline.paragraph))
        rows.append(row("target", ind.target.year, ind.target.value, PLAN_SOURCE, ind.target.paragraph))
        for o in sorted(ind.observations, key=lambda o: o.year):
            rows.append(row("observation", o.year, o.value, source_id(o), confidence=o.confidence,
                            accessed=o.accessed.isoformat() if o.accessed else None, note=optional(loc.bilingual(o.note))))
    fields = [Field("indicator_id", constraints=_req()), Field("kind", constraints=_req(enum=KINDS)),
              Field("year", "integer", _req(minimum=2000, maximum=2100)), Field("value", "number", _req()),
              Field("unit", constraints=_req()), Field("source_id", constraints=_req()),
              Field("confidence", constraints={"enum": CONFIDENCE}), Field("accessed", "date"),
              Field("paragraph_id"), Field("value_label"), Field("note")]
    keys = [ForeignKey(("indicator_id",), "indicators", ("indicator_id",)), ForeignKey(("unit",), "units", ("unit",)),
            ForeignKey(("source_id",), "sources", ("source_id",)),
            ForeignKey(("paragraph_id",), "paragraphs", ("paragraph_id",))]
    return Table("values", fields, ["indicator_id", "kind", "year", "source_id"], rows, keys)


def _cited(plan: model.Plan) -> list[model.Source]:
    assert plan.indicators
    out: list[model.Source] = [o for ind in plan.indicators.indicators for o in ind.observations]
    for project in plan.projects:
        out += project.evidence
        for item in project.items:
            out += item.evidence
    return out


def plan_source(plan: model.Plan) -> dict[str, Value]:
    """The plan itself, cited as its issuer prints it. No official online copy is known, so no address."""
    front = plan.front
    return {"source_id": PLAN_SOURCE, "title": f"{front.notice.title}（{front.document_number}）",
            "publisher": front.issuing_office, "url": None, "mirror": False}


def sources(plan: model.Plan, loc: Localizer) -> Table:
    """The plan and every cited source, titles and publishers exactly as written (never converted)."""
    rows: dict[str, dict[str, Value]] = {PLAN_SOURCE: plan_source(plan)}
    for src in _cited(plan):
        rows.setdefault(source_id(src), {"source_id": source_id(src), "title": src.source, "publisher": src.publisher,
                                         "url": None if src.mirror else src.url, "mirror": src.mirror})
    fields = [Field("source_id", constraints=_req(unique=True)), Field("title", constraints=_req()),
              Field("publisher", constraints=_req()), Field("url"), Field("mirror", "boolean", _req())]
    return Table("sources", fields, ["source_id"], list(rows.values()))


def projects(plan: model.Plan, loc: Localizer) -> tuple[Table, Table]:
    """The key projects and sub-items (one row each), and the evidence cited for each (one row per source)."""
    rows, evidence = [], []
    for r in project_rows(plan, loc):
        rows.append({"project_id": r.id, "parent_id": r.parent, "level": r.level, "name": r.name,
                     "section_id": r.section, "paragraph_id": r.paragraph, "planned_label": optional(r.planned),
                     "status": r.status, "status_label": r.status_label})
        for e in r.evidence:
            src = e.source
            evidence.append({"project_id": r.id, "source_id": source_id(src), "dated": src.dated,
                             "quote": src.quote, "confidence": src.confidence,
                             "accessed": src.accessed.isoformat() if src.accessed else None,
                             "note": optional(loc.bilingual(src.note))})
    statuses = ["planned", "in_progress", "completed", "no_data"]
    table = Table("projects", [
        Field("project_id", constraints=_req(unique=True)), Field("parent_id"),
        Field("level", "integer", _req(enum=[1, 2])), Field("name", constraints=_req()),
        Field("section_id", constraints=_req()), Field("paragraph_id"), Field("planned_label"),
        Field("status", constraints=_req(enum=statuses)), Field("status_label")], ["project_id"], rows,
        [ForeignKey(("parent_id",), "", ("project_id",)), ForeignKey(("paragraph_id",), "paragraphs", ("paragraph_id",))])
    cited = Table("project-evidence", [
        Field("project_id", constraints=_req()), Field("source_id", constraints=_req()),
        Field("dated", constraints=_req(pattern=model.DATED.strip("^$"))), Field("quote", constraints=_req()),
        Field("confidence", constraints=_req(enum=CONFIDENCE)), Field("accessed", "date"), Field("note")],
        ["project_id", "source_id"], evidence,
        [ForeignKey(("project_id",), "projects", ("project_id",)), ForeignKey(("source_id",), "sources", ("source_id",))])
    return table, cited


def paragraphs(plan: model.Plan, loc: Localizer) -> Table:
    """The whole plan, one row per paragraph (the same rows as plan.json)."""
    fields = [Field("paragraph_id", constraints=_req(unique=True)), Field("page", constraints=_req()),
              Field("href", constraints=_req()),
              Field("part", constraints=_req(enum=["notice", "preamble", "chapter", "glossary", "figure", "closing"])),
              Field("chapter_number"), Field("chapter_title"), Field("section_number"), Field("section_title"),
              Field("item_number"), Field("ordinal", "integer", _req(minimum=1)), Field("lead"),
              Field("text", constraints=_req()), Field("language", constraints=_req()),
              Field("review_status", constraints={"enum": ["reviewed", "draft", "stale", "untranslated"]})]
    return Table("paragraphs", fields, ["paragraph_id"], paragraph_rows(plan, loc))


def all_tables(plan: model.Plan, loc: Localizer) -> list[Table]:
    """Every table of the edition, in the order the data package lists them."""
    project_table, evidence = projects(plan, loc)
    return [paragraphs(plan, loc), indicators(plan, loc), values(plan, loc), sources(plan, loc), units(plan, loc),
            project_table, evidence]

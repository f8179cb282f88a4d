"""One edition's downloads: the tables as CSV, the plan and the tables as JSON, datapackage.json
(Frictionless Data Package v1, tabular) and a README in the edition's language.

Every file and every column must be described in data/downloads.yaml; a missing description is
a BuildError naming it, so that nothing is published undocumented.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import model
from ..problems import BuildError
from .cells import csv_text, json_text
from .plantext import plan_document
from .tables import Table, all_tables

if TYPE_CHECKING:
    from ..views import Localizer

FORMATS = {"csv": ("CSV", "text/csv"), "json": ("JSON", "application/json"), "md": ("Markdown", "text/markdown")}
FOLDER = "downloads"


@dataclass(frozen=True)
class PdfFile:
    """The edition's PDF (generator/pdf), described with the data: its name in downloads/ and size."""

    name: str
    size: int  # bytes


@dataclass(frozen=True)
class Download:
    """One published file: its name (in downloads/), content, format and one-line description."""

    name: str
    content: str
    format: str          # CSV, JSON, Markdown
    description: str

    @property
    def size(self) -> int:
        """Its size in bytes, as served (UTF-8)."""
        return len(self.content.encode("utf-8"))


def _say(loc: Localizer, texts: dict) -> str:
    return loc.bilingual(texts)


def _texts(plan: model.Plan) -> model.OpenData:
    if plan.opendata is None:
        raise BuildError("data/downloads.yaml is missing: it describes the downloads (see CONTRIBUTING.md)")
    return plan.opendata


def _described(texts: model.OpenData, tables: list[Table], files: list[str]) -> None:
    missing = [f"file {f}" for f in files if f not in texts.files]
    missing += sorted({f"column {c}" for t in tables for c in t.columns if c not in texts.fields})
    if missing:
        raise BuildError("data/downloads.yaml: no description for " + ", ".join(missing) +
                         ": add one under `files:` or `fields:` in Simplified Chinese and English")


def _schema(table: Table, texts: model.OpenData, loc: Localizer) -> dict:
    fields = []
    for f in table.fields:
        spec = {"name": f.name, "type": f.type, "description": _say(loc, texts.fields[f.name])}
        if f.type == "number" and f.name == "value":
            spec["unit"] = {"field": "unit", "resource": "units"}  # the unit of each value is the row's unit code
        if f.constraints:
            spec["constraints"] = f.constraints
        fields.append(spec)
    schema: dict = {"fields": fields, "missingValues": [""], "primaryKey": table.primary_key}
    if table.foreign_keys:
        schema["foreignKeys"] = [{"fields": list(k.fields), "reference": {"resource": k.resource,
                                                                          "fields": list(k.reference)}}
                                 for k in table.foreign_keys]
    return schema


def datapackage(plan: model.Plan, loc: Localizer, tables: list[Table], texts: model.OpenData,
                pdf: PdfFile | None = None) -> dict:
    """datapackage.json: the package, its licence, the plan as its source, a Table Schema per CSV,
    and the edition's PDF (with its size in bytes, which a validator checks) when there is one."""
    front = plan.front
    resources = [{"name": name.removesuffix(".json"), "path": name, "format": "json", "mediatype": "application/json",
                  "encoding": "utf-8", "title": name, "description": _say(loc, texts.files[name])}
                 for name in ("plan.json", "progress.json")]
    if pdf:
        resources.append({"name": "plan-pdf", "path": pdf.name, "format": "pdf", "mediatype": "application/pdf",
                          "bytes": pdf.size, "title": pdf.name, "description": loc.ui("pdf_download")})
    for t in tables:
        resources.append({"name": t.name, "path": t.file, "profile": "tabular-data-resource", "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8", "title": t.file,
                          "description": _say(loc, texts.files[t.file]),
                          "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                          "schema": _schema(t, texts, loc)})
    licence = texts.licence
    package = {
        "profile": "data-package",   # plan.json and progress.json are not tables; every CSV is
        "name": f"shenzhen-informatization-plan-2011-{loc.lang.code.lower()}",
        "title": _say(loc, texts.title), "description": _say(loc, texts.description),
        "version": plan.site.edition_date.isoformat(), "created": f"{plan.site.edition_date.isoformat()}T00:00:00Z",
        "language": loc.lang.html_lang,
        "licenses": [{"name": licence.name, "title": licence.title, "path": licence.path,
                      "description": _say(loc, licence.statement)}],
        "sources": [{"title": f"{front.notice.title}（{front.document_number}）",
                     "description": _say(loc, texts.source_status)}],
        "resources": resources,
    }
    if plan.site.site_url:
        package["homepage"] = f"{plan.site.site_url}{loc.lang.code}/{FOLDER}/"
    return package


def readme(loc: "Localizer", texts: model.OpenData, files: list[Download], tables: list[Table]) -> str:
    """README.md of the edition's downloads, in its language."""
    english = loc.lang.source == "en"
    paren, colon = (" ({})", ": ") if english else ("（{}）", "：")
    lines = [f"# {_say(loc, texts.title)}", "", _say(loc, texts.description), ""]
    lines += [x for p in texts.readme for x in (_say(loc, p), "")]
    lines += [f"## {loc.ui('downloads_files')}", ""]
    lines += [f"- `{d.name}`{paren.format(d.format)}{colon}{d.description}" for d in files]
    for t in tables:
        lines += ["", f"### {t.file}", "", f"{loc.ui('downloads_primary_key')}{colon}`{', '.join(t.primary_key)}`", ""]
        lines += [f"- `{f.name}`{paren.format(f.type)}{colon}{_say(loc, texts.fields[f.name])}" for f in t.fields]
    lines += ["", f"## {loc.ui('downloads_licence')}", "", _say(loc, texts.licence.statement), "",
              f"{texts.licence.title}: <{texts.licence.path}>", "", _say(loc, texts.source_status), ""]
    return "\n".join(lines)


@dataclass(frozen=True)
class _DataFiles:
    plan: model.Plan
    tables: list[Table]
    files: list[Download]


_DATA: "weakref.WeakKeyDictionary[Localizer, _DataFiles]" = weakref.WeakKeyDictionary()


def _data_files(plan: model.Plan, loc: Localizer) -> tuple[list[Table], list[Download]]:
    """The tables and the data files made from them, once per localizer and plan: the page is
    made again when the PDF exists (downloads_page, then with_pdf), and only the README and the
    package change then."""
    found = _DATA.get(loc)
    if found is None or found.plan is not plan:
        texts = _texts(plan)
        tables = all_tables(plan, loc)
        paragraphs = next(t for t in tables if t.name == "paragraphs")
        data = [Download("plan.json", json_text(plan_document(plan, loc, paragraphs.rows)), "JSON", "")]
        data += [Download(t.file, csv_text(t.columns, t.rows), "CSV", "") for t in tables]
        data.append(Download("progress.json",
                             json_text({t.name: t.rows for t in tables if t.name != "paragraphs"}), "JSON", ""))
        _described(texts, tables, ["datapackage.json", "README.md", *(d.name for d in data)])
        data = [Download(d.name, d.content, d.format, _say(loc, texts.files[d.name])) for d in data]
        found = _DATA[loc] = _DataFiles(plan, tables, data)
    return found.tables, list(found.files)


def downloads(plan: model.Plan, loc: Localizer, pdf: PdfFile | None = None) -> list[Download]:
    """Every file of the edition's downloads folder, datapackage.json and README.md first.

    `pdf`: the edition's PDF, written beside them by generator/pdf; README.md and datapackage.json
    describe it too (it is not among the files returned).
    """
    texts = _texts(plan)
    tables, data = _data_files(plan, loc)
    package = Download("datapackage.json", json_text(datapackage(plan, loc, tables, texts, pdf)), "JSON",
                       _say(loc, texts.files["datapackage.json"]))
    guide = Download("README.md", "", "Markdown", _say(loc, texts.files["README.md"]))
    listed = [package, guide, *data]
    if pdf:
        listed.append(Download(pdf.name, "", "PDF", loc.ui("pdf_download")))
    guide = Download("README.md", readme(loc, texts, listed, tables), "Markdown", guide.description)
    return [package, guide, *data]

"""The published tables: numbers equal the data, citations are never converted, every cell is safe
to open in a spreadsheet, JSON numbers are numbers."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml
from markupsafe import escape

from generator.derive.localize import localizer
from generator.model.languages import LANGUAGES
from generator.read.load import load_plan
from generator.derive.opendata import downloads
from generator.derive.opendata.cells import FORMULA_START, csv_cell, spreadsheet_safe

from tests.conftest import REPO, make_project
from tests.derive.opendata.helpers import EDITIONS, csv_files, folder, package, read_csv, read_json


def _yaml_indicators() -> list[dict]:
    """data/indicators.yaml read directly (not through the generator), so the test is independent."""
    return yaml.safe_load((REPO / "data" / "indicators.yaml").read_text(encoding="utf-8"))["indicators"]


def _expected_values() -> list[tuple]:
    out = []
    for ind in _yaml_indicators():
        if ind.get("baseline"):
            out.append((ind["id"], "baseline", ind["baseline"]["year"], ind["baseline"]["value"], ind["unit"]))
        out.append((ind["id"], "target", ind["target"]["year"], ind["target"]["value"], ind["unit"]))
        for o in sorted(ind.get("observations") or [], key=lambda o: o["year"]):
            out.append((ind["id"], "observation", o["year"], o["value"], ind["unit"]))
    return out


@pytest.mark.parametrize("code", EDITIONS)
def test_every_number_in_the_tables_equals_the_data(built, code):
    expected = _expected_values()
    rows = read_csv(folder(built, code) / "values.csv")
    assert [(r["indicator_id"], r["kind"], int(r["year"]), float(r["value"]), r["unit"]) for r in rows] == \
        [(i, k, y, float(v), u) for i, k, y, v, u in expected]
    data = read_json(folder(built, code) / "progress.json")["values"]
    assert [(r["indicator_id"], r["kind"], r["year"], r["value"], r["unit"]) for r in data] == expected
    for r in data:   # JSON numbers are numbers, never display text
        assert type(r["value"]) in (int, float) and type(r["year"]) is int
    for r in rows:   # a number column holds a number and nothing else: no unit, no separator
        assert re.fullmatch(r"-?\d+(\.\d+)?", r["value"]), r["value"]


@pytest.mark.parametrize("code", EDITIONS)
def test_every_unit_is_a_code_of_the_units_table(built, code):
    units = {r["unit"] for r in read_csv(folder(built, code) / "units.csv")}
    assert {r["unit"] for r in read_csv(folder(built, code) / "values.csv")} <= units
    assert {i["unit"] for i in _yaml_indicators()} <= units


def _cited() -> set[tuple[str, str]]:
    """(title, publisher) of every source cited in the data, as written there."""
    out = {(o["source"], o["publisher"]) for ind in _yaml_indicators() for o in ind.get("observations") or []}
    projects = yaml.safe_load((REPO / "data" / "projects.yaml").read_text(encoding="utf-8"))["projects"]
    for p in projects:
        for e in p.get("evidence") or []:
            out.add((e["source"], e["publisher"]))
        for item in p.get("items") or []:
            out |= {(e["source"], e["publisher"]) for e in item.get("evidence") or []}
    return out


def test_no_cited_title_differs_from_its_source_between_editions(built):
    cited = _cited()
    assert cited, "no cited source in the data"
    tables = {code: {(r["source_id"], r["title"], r["publisher"]) for r in read_csv(folder(built, code) / "sources.csv")}
              for code in EDITIONS}
    assert tables["zh-Hant"] == tables["zh-Hans"] == tables["en"]
    assert cited <= {(t, p) for _, t, p in tables["zh-Hans"]}
    for code in EDITIONS:   # the progress page cites them as written too, marked as Simplified Chinese
        html = (built / "site" / code / "progress" / "index.html").read_text(encoding="utf-8")
        # the Latin words of a Chinese title or publisher are marked lang="en" inside it
        unmarked = re.sub(r'(lang="zh-Hans">[^<]*)<span lang="en">([^<]*)</span>', r"\1\2", html)
        while unmarked != (again := re.sub(r'(lang="zh-Hans">[^<]*)<span lang="en">([^<]*)</span>', r"\1\2", unmarked)):
            unmarked = again
        for title, publisher in cited:
            assert f'lang="zh-Hans">{escape(title)}<' in unmarked, (code, title)
            assert f">{escape(publisher)}<" in unmarked, (code, publisher)


def test_csv_cells_are_never_formulas():
    for start in FORMULA_START:
        assert spreadsheet_safe(f"{start}23.5个百分点") == f"'{start}23.5个百分点"
    assert spreadsheet_safe("增长 +23.5") == "增长 +23.5"
    assert csv_cell(-3.5) == "-3.5" and csv_cell(2000000.0) == "2000000" and csv_cell(None) == ""
    assert csv_cell(True) == "true"


def _number_columns(built, code) -> dict[str, set[str]]:
    return {r["path"]: {f["name"] for f in r["schema"]["fields"] if f["type"] in ("number", "integer")}
            for r in package(built, code)["resources"] if r["format"] == "csv"}


@pytest.mark.parametrize("code", EDITIONS)
def test_no_text_cell_starts_like_a_formula(built, code):
    numbers = _number_columns(built, code)
    files = csv_files(built, code)
    assert len(files) >= 7
    for path in files:
        for row in read_csv(path):
            for column, cell in row.items():
                if column in numbers[path.name]:
                    continue
                assert not cell.startswith(FORMULA_START), f"{path.name} {column}: {cell!r}"


def test_notes_that_start_like_formulas_are_published_safely(tmp_path):
    """Each of + - = @ at the start of a note in the data: safe in the CSV, unchanged in the JSON."""
    root = make_project(tmp_path)
    path = root / "data" / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    plain = [i["id"] for i in _yaml_indicators() if "note" not in i]
    notes = {ident: f'{start}HYPERLINK("http://example.org/x","y")' for start, ident in zip("+-=@", plain)}
    assert len(notes) == 4
    for ident, note in notes.items():
        anchor = f"  - id: {ident}\n"
        assert text.count(anchor) == 1
        text = text.replace(anchor, f"{anchor}    note: {{zh-Hans: '{note}', en: '{note}'}}\n")
    path.write_text(text, encoding="utf-8")
    plan = load_plan(root / "data")
    for lang in LANGUAGES:
        files = {d.name: d.content for d in downloads(plan, localizer(lang, plan))}
        rows = list(csv.DictReader(io.StringIO(files["indicators.csv"].removeprefix("\ufeff"))))
        data = json.loads(files["progress.json"])["indicators"]
        for ident, note in notes.items():
            assert next(r for r in rows if r["indicator_id"] == ident)["note"] == "'" + note
            assert next(r for r in data if r["indicator_id"] == ident)["note"] == note


END = {"en": re.compile(r"[.;](\s|$)"), "zh-Hans": re.compile(r"[。；]"), "zh-Hant": re.compile(r"[。；]")}


@pytest.mark.parametrize("code", EDITIONS)
def test_each_projects_planned_label_is_one_sentence_of_its_paragraph(built, code):
    """The README promises the first sentence: English text with curly quotes (“fibre in, copper
    out”) once went through the Chinese rule and published whole paragraphs."""
    plan = {p["paragraph_id"]: p["text"] for p in read_csv(folder(built, code) / "paragraphs.csv")}
    rows = [r for r in read_csv(folder(built, code) / "projects.csv") if r["paragraph_id"]]
    assert len(rows) > 40
    for row in rows:
        label, text = row["planned_label"], plan[row["paragraph_id"]]
        whole = label.removesuffix("…")
        assert text.startswith(whole), row["project_id"]
        assert not END[code].search(whole[:-1]), (row["project_id"], label)   # no sentence ends inside it
        assert label.endswith("…") == (len(whole) < len(text)), row["project_id"]

"""The data package of every edition validates with the `frictionless` library (types, constraints,
primary and foreign keys), and a broken copy does not."""
from __future__ import annotations

import re
import shutil

import pytest
from frictionless import Package, system

from tests.derive.opendata.helpers import EDITIONS, folder, header_of, package


def validate(path):
    with system.use_context(trusted=True):
        return Package(str(path)).validate()


def _errors(report) -> list[str]:
    return [f"{t.name}: {e.type}: {e.message}" for t in report.tasks for e in t.errors] + \
           [f"{e.type}: {e.message}" for e in report.errors]


@pytest.mark.parametrize("code", EDITIONS)
def test_the_data_package_validates(built, code):
    report = validate(folder(built, code) / "datapackage.json")
    assert report.valid, "\n".join(_errors(report)[:20])
    assert {t.name for t in report.tasks} >= {"paragraphs", "indicators", "values", "sources", "units", "projects",
                                              "project-evidence", "plan", "progress"}


@pytest.mark.parametrize("code", EDITIONS)
def test_every_csv_has_a_typed_schema_with_keys_and_missing_values(built, code):
    for resource in package(built, code)["resources"]:
        if resource["format"] != "csv":
            continue
        schema = resource["schema"]
        assert schema["primaryKey"] and schema["missingValues"] == [""]
        header = header_of(folder(built, code) / resource["path"])
        assert header == [f["name"] for f in schema["fields"]], resource["name"]
        assert all(f["description"] and f["type"] in {"string", "integer", "number", "boolean", "date"}
                   for f in schema["fields"])
    values = next(r for r in package(built, code)["resources"] if r["name"] == "values")
    types = {f["name"]: f["type"] for f in values["schema"]["fields"]}
    assert types["value"] == "number" and types["year"] == "integer"
    assert {tuple(k["fields"]) for k in values["schema"]["foreignKeys"]} >= {("indicator_id",), ("unit",), ("source_id",)}


def test_the_package_states_the_licence_and_the_status_of_the_official_text(built):
    for code in EDITIONS:
        meta = package(built, code)
        assert meta["licenses"][0]["name"] == "CC-BY-4.0" and meta["licenses"][0]["description"]
        assert "深府办〔2011〕108号" in meta["sources"][0]["title"]
        assert ("Copyright Law" if code == "en" else "著作權法" if code == "zh-Hant" else "著作权法") in \
            meta["sources"][0]["description"]


BREAKAGES = [
    # (file, text to replace, replacement, error type frictionless must report)
    ("values.csv", "household-broadband,target,2015,90,", "household-broadband,target,2015,ninety,", "type-error"),
    ("values.csv", "household-broadband,target,2015,90,percent,plan", "household-broadband,target,2015,90,percent,nosuch",
     "foreign-key"),
    ("values.csv", "household-broadband,target,2015,90,percent,plan",
     "household-broadband,baseline,2010,66.5,percent,plan", "primary-key"),
    ("indicators.csv", ",at_least,", ",at_leest,", "constraint-error"),
]


@pytest.mark.parametrize("name, old, new, error", BREAKAGES)
def test_a_broken_table_fails_validation(built, tmp_path, name, old, new, error):
    copy = tmp_path / "downloads"
    shutil.copytree(folder(built, "en"), copy)
    text = (copy / name).read_text(encoding="utf-8")
    assert old in text
    (copy / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    report = validate(copy / "datapackage.json")
    assert not report.valid
    assert error in {e.type for t in report.tasks for e in t.errors}, _errors(report)


def test_a_column_without_a_description_stops_the_build(project):
    from generator.derive.localize import localizer
    from generator.model.languages import LANGUAGES
    from generator.read.load import load_plan
    from generator.derive.opendata import downloads
    from generator.base.problems import BuildError

    path = project / "data" / "downloads.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("  value_label:"))
    path.write_text(text.replace(line + "\n", ""), encoding="utf-8")
    plan = load_plan(project / "data")
    with pytest.raises(BuildError, match=r"data/downloads.yaml: no description for column value_label"):
        downloads(plan, localizer(LANGUAGES[0], plan))


@pytest.mark.parametrize("code", EDITIONS)
def test_every_file_in_the_folder_is_described_in_the_readme_and_the_package_and_nothing_else(built, code):
    """An analyst who downloads the folder finds each file in README.md and in datapackage.json
    (the package and the README themselves excepted), and no description of a file that is not there."""
    here = {p.name for p in folder(built, code).iterdir() if p.name != "index.html"}
    readme = (folder(built, code) / "README.md").read_text(encoding="utf-8")
    in_readme = set(re.findall(r"^- `([^`]+)`", readme, re.M)) - {f["name"] for r in package(built, code)["resources"]
                                                                   for f in r.get("schema", {}).get("fields", [])}
    resources = {r["path"] for r in package(built, code)["resources"]}
    assert f"shenzhen-informatization-plan-{code}.pdf" in here
    assert in_readme == here
    assert resources == here - {"datapackage.json", "README.md"}


def test_a_pdf_of_another_size_fails_validation(built, tmp_path):
    copy = tmp_path / "downloads"
    shutil.copytree(folder(built, "en"), copy)
    pdf = copy / "shenzhen-informatization-plan-en.pdf"
    pdf.write_bytes(pdf.read_bytes()[:-100])
    report = validate(copy / "datapackage.json")
    assert not report.valid
    assert "byte-count" in {e.type for t in report.tasks for e in t.errors}, _errors(report)

"""Reading the published downloads the way an analyst does: CSV with its BOM, JSON as JSON."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

EDITIONS = ["zh-Hans", "zh-Hant", "en"]


def folder(built: Path, code: str) -> Path:
    return built / "site" / code / "downloads"


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: no byte-order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def package(built: Path, code: str) -> dict:
    return read_json(folder(built, code) / "datapackage.json")


def csv_files(built: Path, code: str) -> list[Path]:
    return [folder(built, code) / r["path"] for r in package(built, code)["resources"] if r["format"] == "csv"]


def header_of(path: Path) -> list[str]:
    """The column names (first row) of a published CSV."""
    return next(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))

"""Cells of the published tables: typed values in, CSV text out, safe for spreadsheet programs.

A spreadsheet program reads a cell that begins with + - = @ (or a tab or carriage return) as a
formula (CSV injection, OWASP). Text cells that would begin so are written with a leading
apostrophe, which spreadsheet programs hide; numbers are written as numbers (a negative number
is data, not a formula). The JSON files keep every value as it is: JSON readers do not run
formulas.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Optional, Union

Value = Union[str, int, float, bool, None]
FORMULA_START = ("+", "-", "=", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """`text` as a spreadsheet shows it, never as a formula: '+23.5 → "'+23.5"."""
    return "'" + text if text.startswith(FORMULA_START) else text


def number(value: float) -> Union[int, float]:
    """A number as data: 2000000.0 → 2000000 (an integer stays an integer), 82.4 → 82.4."""
    return int(value) if float(value).is_integer() else value


def csv_cell(value: Value) -> str:
    """One CSV cell: None is empty, booleans are true/false, text is spreadsheet-safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(number(value))
    return spreadsheet_safe(value)


def csv_text(columns: list[str], rows: list[dict[str, Value]]) -> str:
    """A table as CSV: UTF-8 with a byte-order mark (spreadsheet programs need it), CRLF (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row[c]) for c in columns])
    return "\ufeff" + out.getvalue()


def json_text(value: object) -> str:
    """JSON as published: UTF-8 characters as they are, numbers as numbers, one line per value."""
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def optional(value: Optional[str]) -> Optional[str]:
    """An empty string is no value."""
    return value or None

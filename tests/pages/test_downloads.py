"""The Downloads page of each edition lists every file with its format, its size and a one-line
description in the edition's language; each file and the README are there."""
from __future__ import annotations

import re

import pytest

from generator.pages.downloads import size_label

from tests.derive.opendata.helpers import EDITIONS, folder, package


def _rows(html: str) -> list[tuple[str, str, int, str, str]]:
    table = re.search(r'<table class="plan-table plan-downloads">.*?</table>', html, re.S).group(0)
    return [(m[0], m[1], int(m[2]), m[3], re.sub(r"<[^>]+>", "", m[4])) for m in re.findall(
        r'<tr><th scope="row"><a href="([^"]+)"[^>]*>[^<]+</a></th><td lang="en">([^<]+)</td>'
        r'<td lang="en"><data value="(\d+)">([^<]+)</data></td><td>(.*?)</td></tr>', table, re.S)]


@pytest.mark.parametrize("code", EDITIONS)
def test_every_file_is_listed_with_its_real_size_format_and_description(built, code):
    html = (folder(built, code) / "index.html").read_text(encoding="utf-8")
    rows = _rows(html)
    files = sorted(p.name for p in folder(built, code).iterdir() if p.name != "index.html")
    assert sorted(r[0] for r in rows) == files
    for name, fmt, size, label, description in rows:
        assert size == (folder(built, code) / name).stat().st_size, name
        assert label == size_label(size)
        assert fmt == {"csv": "CSV", "json": "JSON", "md": "Markdown", "pdf": "PDF"}[name.rsplit(".", 1)[1]]
        assert description
        assert bool(re.search(r"[\u4e00-\u9fff]", description)) == (code != "en"), description
    assert {r[0] for r in rows} >= {"datapackage.json", "README.md", "plan.json", "values.csv"}


def test_descriptions_are_in_each_language(built):
    pages = {code: _rows((folder(built, code) / "index.html").read_text(encoding="utf-8")) for code in EDITIONS}
    values = {code: next(r[4] for r in rows if r[0] == "values.csv") for code, rows in pages.items()}
    assert values["en"].startswith("Indicator values")
    assert values["zh-Hans"].startswith("指标数值") and values["zh-Hant"].startswith("指標數值")


@pytest.mark.parametrize("code, heading", [("zh-Hans", "## 文件"), ("zh-Hant", "## 檔案"), ("en", "## Files")])
def test_each_edition_has_a_readme_in_its_language(built, code, heading):
    text = (folder(built, code) / "README.md").read_text(encoding="utf-8")
    assert heading in text and "CC BY 4.0" in text and "`values.csv`" in text
    for resource in package(built, code)["resources"]:
        assert f"`{resource['path']}`" in text
    if code == "en":
        assert "no data" in text and "apostrophe" in text
    else:
        assert ("暂无数据" if code == "zh-Hans" else "暫無數據") in text


def test_size_labels():
    assert [size_label(n) for n in (0, 999, 1000, 24_149, 1_300_000)] == ["0 B", "999 B", "1.0 kB", "24.1 kB", "1.3 MB"]

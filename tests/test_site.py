"""End to end: build the whole site from data/ and check what a reader gets."""
import filecmp
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import build

from .conftest import FIDELITY, SOURCE, make_project


class Page(HTMLParser):
    """The facts about one HTML page that the tests look at."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = None
        self.h1 = 0
        self.ids: set[str] = set()
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "h1":
            self.h1 += 1
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("src", "srcset", "poster", "data"):
            if a.get(key):
                self.resources.append(a[key])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.resources.append(a["href"])


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_fidelity_is_complete(built):
    run = subprocess.run([sys.executable, str(FIDELITY), str(SOURCE), str(built / "site" / "zh-Hans")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert "figure captions found 7/7" in run.stdout
    assert re.search(r"source sentences found verbatim (\d+)/\1 = 100\.00%", run.stdout), run.stdout


def test_every_page_is_zh_hans_with_one_h1(built):
    found = pages(built / "site" / "zh-Hans")
    assert len(found) >= 10
    for path in found:
        page = parse(path)
        assert page.lang == "zh-Hans", path
        assert page.h1 == 1, path


def test_no_resource_from_another_host(built):
    site = built / "site"
    for path in pages(site):
        for url in parse(path).resources:
            assert not re.match(r"^(https?:)?//", url), f"{path}: {url}"
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]*)\)", css.read_text(encoding="utf-8")):
            assert not re.match(r"^['\"]?(https?:)?//", url), f"{css}: {url}"


def test_permalinks_exist_for_every_paragraph(built, plan):
    chapter = parse(built / "site" / "zh-Hans" / "ch4" / "index.html")
    expected = {p.id for s in plan.chapters[3].sections for p in s.paragraphs} | {s.id for s in plan.chapters[3].sections}
    assert expected <= chapter.ids


def test_glossary_and_figure_captions(built, plan):
    text = (built / "site" / "zh-Hans" / "glossary" / "index.html").read_text(encoding="utf-8")
    for term in plan.glossary.terms:
        assert f'id="{term.id}"' in text
    assert text.count("<figcaption>") == 7
    assert text.count("原图未收录") == 7


def test_home_page_has_metadata_and_contents(built):
    text = (built / "site" / "zh-Hans" / "index.html").read_text(encoding="utf-8")
    for fact in ("深圳市人民政府办公厅", "深府办〔2011〕108号", 'datetime="2011-12-23"', "二〇一一年十二月二十三日"):
        assert fact in text
    for href in ("notice/", "preamble/", "ch1/", "ch4/#ch4-s10", "glossary/"):
        assert f'href="{href}"' in text, href


SEARCHES = {
    "云计算": {"ch4/#ch4-s3", "glossary/#term9"},
    "三网融合": {"ch4/#ch4-s4", "glossary/#term4"},
    "电子政务": {"ch4/#ch4-s6", "ch1/#ch1-s1", "glossary/#term17"},
    "光纤到户": {"ch4/#ch4-s1", "glossary/#term5"},
}


@pytest.mark.parametrize("query, expected", SEARCHES.items())
def test_chinese_search_finds_the_right_sections(built, query, expected):
    """The query as a reader types it must be one token of the index (jieba segmentation)."""
    index = json.loads((built / "site" / "zh-Hans" / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    hits = {doc["location"] for doc in index["docs"]
            if query in separator.split(doc["title"]) + separator.split(doc["text"])}
    assert expected <= hits


def test_build_is_reproducible(built, tmp_path):
    again = make_project(tmp_path)
    build(again)
    comparison = filecmp.dircmp(built / "site", again / "site")

    def differences(cmp) -> list[str]:
        out = cmp.diff_files + cmp.left_only + cmp.right_only
        for sub in cmp.subdirs.values():
            out += differences(sub)
        return out

    assert differences(comparison) == []
    for path in pages(built / "site"):
        twin = again / "site" / path.relative_to(built / "site")
        assert path.read_bytes() == twin.read_bytes()

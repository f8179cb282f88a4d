"""Progress data: indicators tied to the plan's text, computed figures, status rules, downloads."""
import csv
import io
import json
import re
import textwrap

import pytest
import yaml

from generator.derive import progress
from generator.read import translation
from generator.build import build
from generator.read.load import load_plan
from generator.model.plan import Indicator

from tests.conftest import REPO, make_project
from tests.helpers import repo_plan

INDICATORS = repo_plan().indicators.indicators  # the parametrize list below needs them at collection time


def paragraphs(plan) -> dict:
    """Every paragraph of the chapters, by id."""
    return {p.id: p for c in plan.chapters for p in [*c.paragraphs, *(q for s in c.sections for q in s.paragraphs)]}


@pytest.mark.parametrize("ind", INDICATORS, ids=lambda i: i.id)
def test_indicator_points_at_a_paragraph_stating_its_numbers(plan, ind):
    for point in filter(None, (ind.target, ind.baseline)):
        paragraph = paragraphs(plan)[point.paragraph]
        assert point.value in translation.chinese_numbers(paragraph.text), (ind.id, point.paragraph)


def test_computed_change_and_growth():
    by_id = {i.id: i for i in INDICATORS}
    assert progress.change_required(by_id["household-broadband"]) == pytest.approx(23.5)
    assert progress.implied_growth(by_id["fibre-to-the-home"]) == pytest.approx((2_000_000 / 110_000) ** 0.2 - 1)
    assert progress.implied_growth(by_id["household-broadband"]) is None  # a rate: growth not meaningful


def fixture(direction="at_least", baseline=(50, 2010), target=(90, 2015), observations=()):
    return Indicator.model_validate({
        "id": "x", "theme": "t", "name": {"zh-Hans": "x", "en": "x"}, "unit": "percent", "direction": direction,
        "baseline": {"value": baseline[0], "year": baseline[1], "paragraph": "p"} if baseline else None,
        "target": {"value": target[0], "year": target[1], "paragraph": "p"},
        "observations": [{"year": y, "value": v, "source": "PLACEHOLDER", "publisher": "PLACEHOLDER",
                          "url": "https://example.org", "confidence": "medium"} for y, v in observations]})


@pytest.mark.parametrize("kwargs, expected", [
    ({}, "no_data"),
    ({"observations": [(2014, 91)]}, "achieved"),
    ({"observations": [(2015, 89)]}, "behind"),
    ({"observations": [(2013, 80)]}, "on_track"),          # 50→80 in 3 years: 100 by 2015
    ({"observations": [(2013, 60)]}, "behind"),            # 50→60 in 3 years: 66.7 by 2015
    ({"observations": [(2012, 60), (2014, 70)]}, "behind"),  # last two: 80 by 2015
    ({"baseline": None, "observations": [(2014, 70)]}, "no_data"),  # nothing to draw a line from
    ({"direction": "at_most", "target": (22, 2015), "baseline": None, "observations": [(2014, 22)]}, "achieved"),
    ({"direction": "above", "target": (80, 2015), "observations": [(2015, 80)]}, "behind"),
])
def test_status_rules(kwargs, expected):
    assert progress.status(fixture(**kwargs)) == expected


def _table_rows(html: str) -> list[tuple[str, str]]:
    table = re.search(r'<table class="plan-table plan-indicators">.*?</table>', html, re.S).group(0)
    rows = re.findall(r'<tr id="row-([^"]+)">.*?<td class="plan-status--\w+"><span aria-hidden="true">.</span> ([^<]+)</td>',
                      table, re.S)
    return rows


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant", "en"])
def test_downloads_match_the_tables(built, code):
    site = built / "site" / code
    rows = _table_rows((site / "progress" / "index.html").read_text(encoding="utf-8"))
    raw = (site / "downloads" / "indicators.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    records = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["indicator_id"], r["status_label"]) for r in records] == rows
    data = json.loads((site / "downloads" / "progress.json").read_text(encoding="utf-8"))
    assert [(r["indicator_id"], r["status_label"]) for r in data["indicators"]] == rows
    assert len(rows) == len(INDICATORS)


def test_numbers_are_written_for_each_language(built):
    zh = (built / "site" / "zh-Hans" / "progress" / "index.html").read_text(encoding="utf-8")
    en = (built / "site" / "en" / "progress" / "index.html").read_text(encoding="utf-8")
    assert "200万户 (2015)" in zh and "2 million households (2015)" in en


def test_mirror_sites_are_never_linked(built):
    for code in ("zh-Hans", "zh-Hant", "en"):
        html = (built / "site" / code / "progress" / "index.html").read_text(encoding="utf-8")
        assert not re.search(r'href="[^"]*(r5u5c|av069)', html)
        assert 'href="http://94ec.com/news/show-3086.html"' in html


def test_the_worked_example_in_contributing_changes_the_status(tmp_path):
    """CONTRIBUTING.md's recipe, applied with the placeholder of tests/fixtures (never real data)."""
    example = yaml.safe_load((REPO / "tests" / "fixtures" / "observation-example.yaml").read_text(encoding="utf-8"))
    root = make_project(tmp_path)
    path = root / "data" / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = f"  - id: {example['indicator']}\n"
    start = text.index(anchor)
    end = text.index("    observations: []\n", start)
    entry = textwrap.indent(example["observation"], "      ")
    text = text[:end] + "    observations:\n" + entry + text[end + len("    observations: []\n"):]
    path.write_text(text, encoding="utf-8")
    plan = load_plan(root / "data")
    indicator = next(i for i in plan.indicators.indicators if i.id == example["indicator"])
    assert progress.status(indicator) == "achieved"  # 21 Mbps ≥ the 20 Mbps target
    build(root)
    html = (root / "site" / "en" / "progress" / "index.html").read_text(encoding="utf-8")
    assert "PLACEHOLDER report title" in html


def test_a_status_without_evidence_is_refused(tmp_path):
    from generator.base.problems import DataError

    root = make_project(tmp_path)
    path = root / "data" / "projects.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    status: no_data\n", "    status: completed\n", 1),
                    encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_plan(root / "data")
    assert "needs cited evidence" in str(err.value)

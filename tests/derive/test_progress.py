"""Progress data: indicators tied to the plan's text, computed figures, status rules, downloads."""
import csv
import html
import io
import json
import re
import textwrap

import pytest
import yaml

from generator.build import build
from generator.derive import progress
from generator.derive.localize import localizer
from generator.derive.numbers import fmt
from generator.model.languages import ENGLISH, HONG_KONG, SIMPLIFIED
from generator.model.plan import Indicator
from generator.pages.progress import indicator_rows
from generator.read import translation
from generator.read.load import load_plan

from tests.conftest import REPO, SHARED, make_project
from tests.helpers import repo_plan

INDICATORS = repo_plan().indicators.indicators  # the parametrize list below needs them at collection time


def paragraphs(plan) -> dict:
    """Every paragraph of the chapters, by id."""
    return {p.id: p for c in plan.chapters for p in [*c.paragraphs, *(q for s in c.sections for q in s.paragraphs)]}


@pytest.mark.parametrize("ind", INDICATORS, ids=lambda i: i.id)
def test_indicator_points_at_a_paragraph_stating_its_numbers(plan, ind):
    """The value, written with its unit as the Simplified edition shows it (2000亿元, 200万户), is a number
    the paragraph states: a value in the wrong unit (元 for 亿元) or scale fails."""
    for point in filter(None, (ind.target, ind.baseline)):
        paragraph = paragraphs(plan)[point.paragraph]
        shown = fmt(point.value, ind.unit, localizer(SIMPLIFIED, plan), plan.indicators.units)
        assert translation.chinese_numbers(shown)[0] in translation.chinese_numbers(paragraph.text), (ind.id, shown)


@pytest.mark.parametrize("lang, unit, target", [
    (SIMPLIFIED, "亿元", "2000亿元（2015）"), (HONG_KONG, "億元", "2000億元（2015）"),
    (ENGLISH, "100 million yuan", "200 billion yuan (2015)")], ids=lambda v: getattr(v, "code", None))
def test_an_amount_in_yi_yuan_keeps_the_plans_unit_in_every_edition(plan, lang, unit, target):
    """The plan writes the internet industry's target as 2000亿元: the unit column says 亿元 (not 元), in
    each edition's words, and the target reads as the plan writes it."""
    row = next(r for r in indicator_rows(plan, localizer(lang, plan)) if r.id == "internet-industry")
    assert (row.unit, row.target) == (unit, target)


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
    assert "200万户（2015）" in zh and "2 million households (2015)" in en


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


# --- key-project evidence (issue 27): what a source says, when, and how far it can be trusted -----------

_EVIDENCE = [(project, item, e) for project in repo_plan().projects for item in [project, *project.items] for e in item.evidence]


def _evidence(**fields):
    from generator.model.plan import Source
    base = {"source": "t", "publisher": "p", "url": "https://example.org/", "confidence": "medium",
            "dated": "2013", "quote": "q"}
    return Source.model_validate({k: v for k, v in {**base, **fields}.items() if v is not None})


@pytest.mark.parametrize("fields, fault", [
    ({"dated": None}, "needs `dated`"),
    ({"quote": None}, "needs `quote`"),
    ({"dated": "2011-09-07"}, "before the plan was issued"),          # 智能交通's 指挥中心 (58188.com): pre-plan
    ({"dated": "2011-11"}, "before the plan was issued"),             # a month before December 2011
    ({"dated": "2010-07/2012"}, "before the plan was issued"),        # a span that starts before the plan
    ({"dated": "2016", "confidence": "low"}, "after the plan period"),   # B14: 2016 hearing, low
    ({"dated": "2013/2016", "confidence": "medium-low"}, "after the plan period"),
], ids=["undated", "no quote", "pre-plan day", "pre-plan month", "pre-plan span", "weak after 2015",
        "weak span ending after 2015"])
def test_project_evidence_that_is_not_evidence_of_implementation_is_refused(plan, fields, fault):
    """The research notes' rules: a fact needs its date and the source's words; a fact before the plan
    (23 December 2011) is not evidence of implementing it; weak evidence after 2015 stays out."""
    from generator.read.load import _dated_problem
    assert fault in (_dated_problem(_evidence(**fields), plan.front.date) or "")


@pytest.mark.parametrize("fields", [
    {"dated": "2011-12"},                                  # the month the plan was issued: not before it
    {"dated": "2012-07/2015"},
    {"dated": "2016-01-28", "confidence": "medium"},       # B2: a January 2016 report, medium: kept
], ids=["issue month", "span in the period", "medium after 2015"])
def test_project_evidence_within_the_rules_is_accepted(plan, fields):
    from generator.read.load import _dated_problem
    assert _dated_problem(_evidence(**fields), plan.front.date) is None


def test_pre_plan_evidence_is_refused_at_its_line(tmp_path):
    from generator.base.problems import DataError

    root = make_project(tmp_path)
    path = root / "data" / "projects.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count('dated: "2012-08"') == 1
    path.write_text(text.replace('dated: "2012-08"', 'dated: "2011-09"'), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_plan(root / "data")
    line = [x.strip() for x in path.read_text(encoding="utf-8").splitlines()].index(
        "- source: 粤港两地电子签名证书互认") + 1
    assert f"data/projects.yaml:{line}: the fact is dated 2011-09, before the plan was issued" in str(err.value)


def test_key_project_items_have_evidence(plan):
    """Issue 27: 11 of the 43 items have dated public evidence (outcomes-projects.md B1–B6, B8–B11, B13); none
    is marked completed, since every source covers only part of its item."""
    items = [item for project in plan.projects for item in project.items]
    assert len(items) == 43
    with_evidence = {item.paragraph for item in items if item.evidence}
    assert len(with_evidence) == 11
    assert {item.status for item in items if item.evidence} == {"in_progress"}


@pytest.mark.skipif(SHARED is None, reason="the research notes live in the shared folder")
@pytest.mark.parametrize("e", [e for _, _, e in _EVIDENCE], ids=lambda e: e.dated)
def test_each_quote_is_copied_from_the_research_notes(e):
    """A quote is the source's own words as the research notes copied them (a `…` joins two excerpts)."""
    notes = "".join((SHARED / "sources" / name).read_text(encoding="utf-8")
                    for name in ("outcomes-projects.md", "outcomes.md"))
    assert [part for part in e.quote.split(" … ") if part not in notes] == []


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant", "en"])
def test_progress_page_and_downloads_show_what_each_source_says_and_when(plan, built, code):
    """Per item: the date of the fact in the edition's words, the quote exactly, the confidence; never a
    mirror's address; the downloads carry the same rows."""
    from generator.derive.numbers import written_date

    loc = localizer({"zh-Hans": SIMPLIFIED, "zh-Hant": HONG_KONG, "en": ENGLISH}[code], plan)
    site = built / "site" / code
    page = (site / "progress" / "index.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))  # a quote's Latin words are marked lang="en" inside it
    rows = list(csv.DictReader(io.StringIO((site / "downloads" / "project-evidence.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(_EVIDENCE)
    for project, item, e in _EVIDENCE:
        pid = project.id if item is project else f"{project.id}-{item.paragraph}"
        row = next(r for r in rows if r["project_id"] == pid and r["quote"] == e.quote)
        assert (row["dated"], row["confidence"]) == (e.dated, e.confidence)
        shown = f"{written_date(e.dated, loc)}</strong>"
        assert shown in page and e.quote in text, (pid, e.dated)
        assert (f'href="{e.url}"' in page) is not e.mirror
    assert "2012年8月" in written_date("2012-08", localizer(SIMPLIFIED, plan))
    assert written_date("2012-07/2015", localizer(ENGLISH, plan)) == "July 2012 to 2015"


def test_context_series_are_shown_apart_from_the_targets_without_a_status(plan, built):
    """Issue 27: internet penetration (2010: 72.3%, no 2015 target) is context: its own section after the
    targets, the plan's 2010 figure and the values sources report (2011 76.8% … 2014 84.8%), no status and
    not counted among the targets."""
    series = {s.id: s for s in plan.indicators.context}["internet-penetration"]
    assert [(o.year, o.value) for o in series.observations] == [(2011, 76.8), (2012, 78.1), (2013, 83.7), (2014, 84.8)]
    assert series.baseline.value in translation.chinese_numbers(paragraphs(plan)[series.baseline.paragraph].text)
    assert "internet-penetration" not in {i.id for i in INDICATORS}
    page = (built / "site" / "en" / "progress" / "index.html").read_text(encoding="utf-8")
    context = page[page.index('id="context"'):page.index('id="projects"')]
    assert all(v in context for v in ("72.3%", "76.8%", "78.1%", "83.7%", "84.8%"))
    assert "plan-status--" not in context and 'id="row-internet-penetration"' not in page
    assert page.index('id="indicator-details"') < page.index('id="context"') < page.index('id="projects"')

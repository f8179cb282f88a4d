"""Paragraph places, citations and problem reports (generator/derive/citation.py), as the reader gets them."""
from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.derive import citation
from generator.build import render_editions
from generator.derive.localize import localizer
from generator.model.languages import ENGLISH, HONG_KONG, LANGUAGES, SIMPLIFIED

DAY = datetime.date(2026, 11, 30)
REPO_URL = "https://github.com/example/plan"


def with_repository(plan, url=REPO_URL):
    return plan.model_copy(update={"site": plan.site.model_copy(update={"repository_url": url})})


@pytest.mark.parametrize("lang, paragraph, expected", [
    (SIMPLIFIED, "ch4-s3-p2", "四（三）2"), (HONG_KONG, "ch4-s3-p2", "四（三）2"), (ENGLISH, "ch4-s3-p2", "IV(3) para. 2"),
    (SIMPLIFIED, "ch4-s1-p1", "四（一）1"), (ENGLISH, "ch4-s1-p1", "IV(1) para. 1"),  # printed "(一)": same notation
    (SIMPLIFIED, "ch1-s1-p2", "一（一）2"), (ENGLISH, "ch1-s1-p2", "I(1) para. 2"),  # printed item "1.": ordinal wins
    (SIMPLIFIED, "ch3-p1", "三 1"), (ENGLISH, "ch3-p1", "III para. 1"),               # before the sections
    (SIMPLIFIED, "pre-p4", "前言 4"), (HONG_KONG, "notice-p1", "印發通知 1"), (ENGLISH, "pre-p4", "Preamble, para. 4"),
    (ENGLISH, "closing-copies", "Record of issue, para. 5"), (SIMPLIFIED, "about-p2", "关于本译本 2"),
])
def test_each_paragraph_has_its_place_in_the_editions_notation(plan, lang, paragraph, expected):
    assert citation.places(localizer(lang, plan), plan)[paragraph] == expected


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_every_paragraph_with_an_id_has_a_distinct_place(plan, lang):
    places = citation.places(localizer(lang, plan), plan)
    ids = [p.paragraph.id for p in plan.places()] + [p.id for p in plan.closing.lines]
    assert set(ids) <= set(places)
    assert len(set(places.values())) == len(places), "two paragraphs share a place"


CITATIONS = {
    "zh-Hans": [
        ("ch4-s3-p2", "ch4", "深圳市人民政府办公厅. 深圳市信息化发展“十二五”规划: 深府办〔2011〕108号[EB/OL]. 深圳: 深圳市人民政府办公厅, "
                             "2011: 四（三）2[2026-11-30]. https://example.org/plan/zh-Hans/ch4/#ch4-s3-p2."),
        ("pre-p4", "preamble", "深圳市人民政府办公厅. 深圳市信息化发展“十二五”规划: 深府办〔2011〕108号[EB/OL]. 深圳: 深圳市人民政府办公厅, "
                               "2011: 前言 4[2026-11-30]. https://example.org/plan/zh-Hans/preamble/#pre-p4."),
        ("ch2-s3-p4", "ch2", "深圳市人民政府办公厅. 深圳市信息化发展“十二五”规划: 深府办〔2011〕108号[EB/OL]. 深圳: 深圳市人民政府办公厅, "
                             "2011: 二（三）4[2026-11-30]. https://example.org/plan/zh-Hans/ch2/#ch2-s3-p4."),
    ],
    "zh-Hant": [
        ("ch4-s3-p2", "ch4", "深圳市人民政府辦公廳. 深圳市信息化發展「十二五」規劃: 深府辦〔2011〕108號[EB/OL]. 深圳: 深圳市人民政府辦公廳, "
                             "2011: 四（三）2[2026-11-30]. https://example.org/plan/zh-Hant/ch4/#ch4-s3-p2."),
        ("notice-p1", "notice", "深圳市人民政府辦公廳. 深圳市信息化發展「十二五」規劃: 深府辦〔2011〕108號[EB/OL]. 深圳: 深圳市人民政府辦公廳, "
                                "2011: 印發通知 1[2026-11-30]. https://example.org/plan/zh-Hant/notice/#notice-p1."),
        ("ch3-p1", "ch3", "深圳市人民政府辦公廳. 深圳市信息化發展「十二五」規劃: 深府辦〔2011〕108號[EB/OL]. 深圳: 深圳市人民政府辦公廳, "
                          "2011: 三 1[2026-11-30]. https://example.org/plan/zh-Hant/ch3/#ch3-p1."),
    ],
    "en": [
        ("ch4-s3-p2", "ch4", "General Office of the Shenzhen Municipal People's Government (2011) Shenzhen Informatization "
                             "Development Plan for the 12th Five-Year Plan Period (Shen Fu Ban [2011] No. 108), IV(3) para. 2. "
                             "Unofficial English translation. Available at: https://example.org/plan/en/ch4/#ch4-s3-p2 "
                             "(Accessed: 30 November 2026)."),
        ("pre-p4", "preamble", "General Office of the Shenzhen Municipal People's Government (2011) Shenzhen Informatization "
                               "Development Plan for the 12th Five-Year Plan Period (Shen Fu Ban [2011] No. 108), Preamble, "
                               "para. 4. Unofficial English translation. Available at: "
                               "https://example.org/plan/en/preamble/#pre-p4 (Accessed: 30 November 2026)."),
        ("ch1-s1-p2", "ch1", "General Office of the Shenzhen Municipal People's Government (2011) Shenzhen Informatization "
                             "Development Plan for the 12th Five-Year Plan Period (Shen Fu Ban [2011] No. 108), I(1) para. 2. "
                             "Unofficial English translation. Available at: https://example.org/plan/en/ch1/#ch1-s1-p2 "
                             "(Accessed: 30 November 2026)."),
    ],
}


@pytest.mark.parametrize("lang, paragraph, page, expected",
                         [(lang, *case) for lang in LANGUAGES for case in CITATIONS[lang.code]],
                         ids=lambda v: getattr(v, "code", None))
def test_citations_follow_each_editions_convention(plan, lang, paragraph, page, expected):
    loc = localizer(lang, plan)
    place = citation.places(loc, plan)[paragraph]
    url = f"https://example.org/plan/{lang.code}/{page}/#{paragraph}"
    assert citation.citation(loc, plan, place, url, DAY) == expected


@pytest.mark.parametrize("day, lang, expected", [
    (datetime.date(2027, 1, 5), ENGLISH, "5 January 2027"), (datetime.date(2027, 1, 5), SIMPLIFIED, "2027-01-05")])
def test_the_access_date_is_written_in_the_editions_style(plan, day, lang, expected):
    assert citation.accessed(localizer(lang, plan), day) == expected


def test_fill_leaves_other_braces_alone():
    assert citation.fill("{a} {b} {A}", {"a": "x{b}"}) == "x{b} {b} {A}"


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_report_link_opens_an_issue_with_the_paragraph_filled_in(plan, lang):
    """One paragraph per edition: the tracker's new-issue address, with id, edition and address."""
    plan = with_repository(plan)
    loc = localizer(lang, plan)
    url = f"https://example.org/plan/{lang.code}/ch4/#ch4-s3-p2"
    link = citation.report(loc, plan, "ch4-s3-p2", citation.places(loc, plan)["ch4-s3-p2"], url)
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/example/plan/issues/new"
    query = parse_qs(parts.query)
    assert set(query) == {"title", "body"}
    title, body = query["title"][0], query["body"][0]
    assert "ch4-s3-p2" in title and plan.site.editions[lang.code].name in title
    assert "四（三）2" in title if lang.code != "en" else "IV(3) para. 2" in title
    lines = body.split("\n")
    assert any(line.endswith(url) for line in lines), body
    assert any("ch4-s3-p2" in line for line in lines) and any(f"({lang.code})" in line or f"（{lang.code}）" in line
                                                               for line in lines)
    # encoded as encodeURIComponent encodes, so the browser's link is the same string
    assert " " not in link and "+" not in parts.query


def test_without_a_repository_address_there_is_no_report_control(plan):
    bare = plan.model_copy(update={"site": plan.site.model_copy(update={"repository_url": None})})
    for ed in render_editions(bare):
        assert "data-report-url" not in ed.files["ch4.md"]
    for ed in render_editions(with_repository(plan)):
        assert f'data-report-url="{REPO_URL}"' in ed.files["ch4.md"]


def test_a_repository_address_must_be_a_full_https_address(project):
    from generator.read.load import load_plan
    from generator.base.problems import DataError

    from tests.helpers import edit

    line = (project / "data" / "site.yaml").read_text(encoding="utf-8").split("\n").index("base_path: /") + 1
    edit(project, "site.yaml", "\nbase_path: /", "\nrepository_url: github.com/example/plan\nbase_path: /")
    with pytest.raises(DataError) as err:
        load_plan(project / "data")
    assert str(err.value).startswith(f"data/site.yaml:{line}: `repository_url` must be the repository's full address")


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_each_paragraph_link_is_named_by_its_place(plan, lang):
    """Issue 18: not hundreds of links all named "Link to this paragraph"."""
    import re

    files = render_editions(plan, (lang,))[0].files
    names = re.findall(r'class="plan-plink" href="#([^"]+)"(?: lang="[^"]+")? aria-label="([^"]+)"', files["ch4.md"])
    assert len(names) > 50
    places = citation.places(localizer(lang, plan), plan)
    for ident, name in names:
        assert places[ident] in name, (ident, name)
    assert len({name for _, name in names}) == len(names)


def test_the_publishing_workflow_names_its_repository(plan):
    """REPOSITORY_URL (set by .github/workflows/publish.yml) turns the report control on; a bad one is refused."""
    from generator.build import tracked_at
    from generator.base.problems import BuildError

    assert tracked_at(plan, None) is plan
    assert tracked_at(plan, "https://github.com/fork/plan").site.repository_url == "https://github.com/fork/plan"
    with pytest.raises(BuildError, match="REPOSITORY_URL='https://github.com/fork/plan/' is not"):
        tracked_at(plan, "https://github.com/fork/plan/")
    workflow = (Path(__file__).resolve().parents[2] / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    assert "REPOSITORY_URL: ${{ github.server_url }}/${{ github.repository }}" in workflow

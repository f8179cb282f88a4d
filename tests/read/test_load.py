"""Loading and validating data/: the real data, and every kind of broken input."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.read.load import chinese_date

from tests.helpers import edit, line_of, problems_of




def test_the_whole_plan_loads(plan):
    assert [c.number for c in plan.chapters] == ["一、", "二、", "三、", "四、", "五、"]
    assert len(plan.glossary.terms) == 21
    assert sorted(t.figure.number for t in plan.glossary.terms if t.figure) == [1, 2, 3, 4, 5, 6, 7]
    assert [len(c.sections) for c in plan.chapters] == [2, 3, 6, 10, 8]
    assert plan.front.document_number == "深府办〔2011〕108号"
    assert len(plan.closing.lines) == 5


def test_page_break_splits_are_joined(plan):
    texts = [p.text for c in plan.chapters for s in c.sections for p in s.paragraphs]
    assert any("工程中心 39 家" in t for t in texts)
    assert not any(t.endswith("工程中") for t in texts)
    its = next(t for t in plan.glossary.terms if t.abbreviation == "ITS")
    assert its.label == "智能交通系统 (Intelligent Transportation Systems, ITS):"


def test_lead_phrases_of_chapter_four(plan):
    leads = [p.lead for p in plan.chapters[3].sections[0].paragraphs if p.lead]
    assert leads == ["光纤到户。", "无线城市。", "通信管网。", "国际通信专用通道。"]


def test_missing_required_field_names_file_line_and_fix(project):
    edit(project, "chapter-3.yaml", '        text: "深化政务信息化建设与应用', '        txt: "深化政务信息化建设与应用')
    found = problems_of(project)
    line = line_of(project, "chapter-3.yaml", "txt:")
    assert f"data/chapter-3.yaml:{line}: unknown key `txt`" in "\n".join(found)
    assert any(re.match(r"data/chapter-3\.yaml:\d+: `text` is missing", p) for p in found)


def test_wrong_type_is_explained(project):
    edit(project, "glossary.yaml", '    number: "5."\n    term:', "    number: 5\n    term:")
    line = line_of(project, "glossary.yaml", "number: 5")
    assert f"data/glossary.yaml:{line}: `number` must be text: put the value in double quotes (in `term5`)" in problems_of(project)


def test_duplicate_id_across_files_points_at_both(project):
    edit(project, "chapter-5.yaml", "- id: ch5-s1-p1", "- id: ch1-s1-p1")
    found = problems_of(project)
    line = line_of(project, "chapter-5.yaml", "- id: ch1-s1-p1")
    first = line_of(project, "chapter-1.yaml", "- id: ch1-s1-p1")
    assert found == [f"data/chapter-5.yaml:{line}: the id `ch1-s1-p1` is already used at "
                     f"data/chapter-1.yaml:{first}: give this entry a new, unused id"]


def test_unknown_page_reference(project):
    edit(project, "site.yaml", "ch5, glossary,", "ch5, ch6, glossary,")
    assert any("`contents` lists `ch6`, which is not a page" in p for p in problems_of(project))


# (how a data file was renamed, from → to): each is named, with line 1 and what the files must be called
UNREAD = [("chapter-3.yaml", "chapter-3-old.yaml"), ("chapter-3.yaml", "chapter-3.yml"),
          ("chapter-3.yaml", "chapter-03.yaml"), ("glossary.yaml", "glosary.yaml"), (None, "notes.yaml"),
          (None, "Notes.YAML")]


@pytest.mark.parametrize("old, new", UNREAD)
def test_a_yaml_file_no_part_of_the_site_reads_is_named(project, old, new):
    data = project / "data"
    if old is None:
        (data / new).write_text("a: 1\n", encoding="utf-8")
    else:
        (data / old).rename(data / new)
    assert any(p.startswith(f"data/{new}:1: no part of the site reads this file:") and "chapter-N.yaml" in p
               and "rename it" in p for p in problems_of(project)), problems_of(project)


def test_an_editors_own_file_or_a_folder_beside_the_data_is_not_a_data_file(project):
    (project / "data" / ".#chapter-3.yaml").write_text("x", encoding="utf-8")  # Emacs' lock file
    (project / "data" / "old.yaml").mkdir()
    from generator.read.load import load_plan

    load_plan(project / "data")


def test_invalid_id_and_empty_text(project):
    edit(project, "chapter-2.yaml", "- id: ch2-s1-p1", "- id: Ch2 S1")
    edit(project, "chapter-2.yaml", 'title: "指导思想。"', 'title: ""')
    found = "\n".join(problems_of(project))
    assert "`id` must use lowercase letters" in found
    assert "`title` is empty" in found


def test_all_problems_are_reported_in_one_run(project):
    edit(project, "chapter-1.yaml", "- id: ch1-s1-p1", "- id: ch1-s1-p2")
    edit(project, "glossary.yaml", 'term: "物联网"', 'term: "物联"\n    term: "x"')
    edit(project, "closing.yaml", "lines:", "lines:\n\t- x")
    found = problems_of(project)
    assert {p.split(":")[0] for p in found} == {"data/chapter-1.yaml", "data/glossary.yaml", "data/closing.yaml"}


def test_line_break_inside_a_paragraph_is_rejected(project):
    edit(project, "chapter-5.yaml", '        text: "建立符合', '        text: "第一行\\n建立符合')
    assert any("line break" in p for p in problems_of(project))


def test_glossary_label_must_agree_with_abbreviation(project):
    edit(project, "glossary.yaml", 'abbreviation: "FTTH"', 'abbreviation: "FTTB"')
    assert any("`abbreviation` (FTTB) does not appear in the entry's `label`" in p for p in problems_of(project))


def test_printed_date_must_match_iso_date(project):
    edit(project, "front.yaml", "date: 2011-12-23", "date: 2011-12-28")
    assert any("does not match the notice's printed date" in p for p in problems_of(project))


def test_missing_ui_string(project):
    edit(project, "site.yaml", "\n  permalink:\n", "\n  permalinks:\n")
    assert any("the interface string `permalink` is missing" in p for p in problems_of(project))


@pytest.mark.parametrize("text, expected", [
    ("二〇一一年十二月二十三日", (2011, 12, 23)), ("二〇一五年一月十日", (2015, 1, 10)), ("2011年", None)])
def test_chinese_date(text, expected):
    assert chinese_date(text) == expected


def test_cli_reports_without_traceback_and_keeps_previous_site(project):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    edit(project, "chapter-4.yaml", "sections:", "sections:\n  - id: [")
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)],
                         capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert re.search(r"^data/chapter-4\.yaml:\d+: ", run.stderr, re.M)
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"
    assert not (project / "docs").exists()


def test_the_loader_checks_the_committed_schema_files(project):
    """The schema an editor uses is the one the build uses: tightening the file tightens the build."""
    path = project / "schema" / "closing.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["required"] = [*schema.get("required", []), "reviewer"]
    path.write_text(json.dumps(schema), encoding="utf-8")
    first_key = line_of(project, "closing.yaml", "lines:")  # a missing key is reported where the mapping starts
    assert problems_of(project) == [f"data/closing.yaml:{first_key}: `reviewer` is missing: add it (the comment "
                                    "at the top of the file lists the fields)"]


def test_a_missing_schema_file_is_a_clear_problem(project):
    (project / "schema" / "terms.schema.json").unlink()
    found = problems_of(project)
    assert any(p.startswith("schema/terms.schema.json:1: the schema file cannot be used") and "python -m generator schema" in p
               for p in found), found


def test_a_value_outside_its_list_names_the_choices(project):
    edit(project, "projects.yaml", "    status: no_data", "    status: done")
    found = problems_of(project)
    line = line_of(project, "projects.yaml", "status: done")
    assert any(p.startswith(f"data/projects.yaml:{line}: `status` must be one of: 'planned', 'in_progress', "
                            "'completed' or 'no_data'") for p in found), found


def test_checks_that_do_not_need_a_broken_file_still_run(project):
    """A syntax error in one chapter must not hide mistakes elsewhere; references into the broken
    chapter are not guessed at (they are checked in the next run)."""
    edit(project, "chapter-2.yaml", "  - id: ch2-s1", "  - id: ch2-s1\n\t  x: 1")
    edit(project, "terms.yaml", "    glossary: term1", "    glossary: term99")
    edit(project, "indicators.yaml", "    theme: infrastructure", "    theme: infrastructur")
    edit(project, "indicators.yaml", "paragraph: ch2-s3-p4}", "paragraph: ch2-s3-p44}")
    found = problems_of(project)
    files = {p.split(":")[0] for p in found}
    assert files == {"data/chapter-2.yaml", "data/terms.yaml", "data/indicators.yaml"}, found
    assert any("`glossary: term99` is not an appendix entry" in p for p in found)
    assert any("theme `infrastructur` is not listed" in p for p in found)
    assert not any("ch2-s3-p44" in p for p in found)  # decided once chapter-2.yaml loads again


def test_site_url_must_agree_with_base_path(project):
    edit(project, "site.yaml", "base_path: /", "base_path: /\nsite_url: https://example.org/plan/")
    line = line_of(project, "site.yaml", "site_url:")
    assert problems_of(project) == [f"data/site.yaml:{line}: `site_url` (https://example.org/plan/) has the path "
                                    "/plan/ but `base_path` is /: make them agree"]


def test_a_wrong_appendix_reference_lists_the_entries_as_they_are_named(project, plan):
    """The choices come from the appendix itself, not from a guess at how its ids are numbered."""
    edit(project, "glossary.yaml", "  - id: term1\n", "  - id: cloud\n")
    found = problems_of(project)
    ids = ["cloud", *(t.id for t in plan.glossary.terms[1:])]
    assert any(p.endswith(f"`glossary: term1` is not an appendix entry: use one of {', '.join(ids)}")
               for p in found), found


OBSERVATION_2013 = """      - year: 2013
        value: 82.4
        source: 深圳副市长张文在“2013中国智慧城市发展高峰论坛”上的讲话（报道）
        publisher: 94ec.com
        url: http://94ec.com/news/show-3086.html
        mirror: false
        accessed: null
        confidence: medium
"""


def _line_after(text: str, block: str, offset: int) -> int:
    """The line `offset` lines into the first place `block` stands in data/indicators.yaml."""
    return text[: text.index(block)].count("\n") + 1 + offset


def test_a_second_value_from_the_same_source_for_the_same_year_is_refused(project):
    """Two 2013 values from one source contradict each other, and the published table (keyed by
    indicator, kind, year and source) would no longer validate."""
    edit(project, "indicators.yaml", OBSERVATION_2013,
         OBSERVATION_2013 + OBSERVATION_2013.replace("value: 82.4", "value: 85.0"))
    text = (project / "data" / "indicators.yaml").read_text(encoding="utf-8")
    first = _line_after(text, OBSERVATION_2013, 0)
    assert problems_of(project) == [
        f"data/indicators.yaml:{first + 8}: a 2013 observation from this source is already cited at line {first}: "
        "keep one (give the other its own source, title or address if it really is another)"]


def test_a_source_is_a_mirror_everywhere_or_nowhere(project):
    """The same source cited for another indicator, there marked as a mirror: sources.csv has one
    row per source, so it would keep one flag and link (or hide) the address wrongly."""
    elsewhere = OBSERVATION_2013.replace("mirror: false", "mirror: true")
    text = (project / "data" / "indicators.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: fibre-to-the-home\n")
    at = text.index("    observations:\n", start) + len("    observations:\n")
    (project / "data" / "indicators.yaml").write_text(text[:at] + elsewhere + text[at:], encoding="utf-8")
    text = (project / "data" / "indicators.yaml").read_text(encoding="utf-8")
    first = _line_after(text, OBSERVATION_2013, 5)
    second = _line_after(text, elsewhere, 5)
    assert problems_of(project) == [
        f"data/indicators.yaml:{second}: this source is marked `mirror: true` here but `mirror: false` at "
        f"data/indicators.yaml:{first}: make them agree (a mirror's address is never linked)"]

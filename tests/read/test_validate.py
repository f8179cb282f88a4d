"""Schema violations in the maintainer's words: each kind of JSON Schema error maps to one message."""
from pathlib import Path

import pytest

from generator.read.validate import check
from generator.read.yamlfile import read

from tests.conftest import REPO
from tests.helpers import edit, line_of, problems_of


def problems(tmp_path: Path, name: str, schema: str, text: str) -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    found: list = []
    src = read(path, f"data/{name}", found)
    assert src is not None and not found
    return [str(p) for p in check(src, REPO / "schema" / f"{schema}.schema.json", schema)]


def site_yaml(**replace: str) -> str:
    text = (REPO / "data" / "site.yaml").read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new, 1)
    return text


def test_the_real_data_passes(tmp_path):
    assert problems(tmp_path, "site.yaml", "site", site_yaml()) == []


def test_an_unknown_key_under_a_fixed_set_names_the_choices(tmp_path):
    found = problems(tmp_path, "site.yaml", "site", site_yaml(**{"  en:\n    name: English": "  fr:\n    name: English"}))
    assert len(found) == 1 and "unknown key `fr` under `editions`: use one of: 'zh-Hans', 'zh-Hant' or 'en'" in found[0]


def test_an_optional_group_reports_the_error_inside_it(tmp_path):
    text = (REPO / "data" / "indicators.yaml").read_text(encoding="utf-8")
    text = text.replace("baseline: {value: 66.5, year: 2010, paragraph: ch1-s1-p2}", "baseline: 66.5", 1)
    found = problems(tmp_path, "indicators.yaml", "indicators", text)
    assert len(found) == 1, found
    assert "`baseline` must be a group of `key: value` lines, indented under it" in found[0]


def test_too_long_and_badly_formed_values(tmp_path):
    long_id = "a" * 61
    text = (REPO / "data" / "closing.yaml").read_text(encoding="utf-8")
    first_id = text.split("id: ", 1)[1].split("\n", 1)[0].strip()
    found = problems(tmp_path, "closing.yaml", "closing", text.replace(f"id: {first_id}", f"id: {long_id}", 1))
    assert any("`id` is too long: use at most 60 characters" in p for p in found), found
    found = problems(tmp_path, "closing.yaml", "closing", text.replace(f"id: {first_id}", "id: Bad_Id", 1))
    assert any("`id` must use lowercase letters, digits and hyphens" in p for p in found), found


def test_every_missing_field_is_named_on_its_own_line(tmp_path):
    found = problems(tmp_path, "site.yaml", "site", "base_path: /\n")
    missing = sorted(p.split("`")[1] for p in found if "is missing" in p)
    assert missing == ["contents", "edition_date", "editions", "ui"]


# One wrong value for each form a field must have: the message says what the form is.
FORMS = [
    # (file, text in the file, what a maintainer writes instead, the message after `FILE:LINE: `)
    ("front.yaml", "id: notice-p1", "id: Notice-p1", "`id` must use lowercase letters, digits and hyphens, "
     "starting with a letter (e.g. ch3-s2-p9)"),
    ("closing.yaml", 'source: "697572b5"', 'source: "6975"', "`source` must be the 8-character fingerprint that "
     "`python -m generator translated ID` writes: run that command rather than typing it"),
    ("indicators.yaml", "    unit: percent", "    unit: Percent", "`unit` must use lowercase letters and _ (e.g. percent)"),
    ("indicators.yaml", "        url: http", "        url: javascript:alert(1)//http",
     "`url` must be a web address starting with http:// or https://, without spaces"),
    ("key-terms.yaml", "    source: https://news.gov.hk/", "    source: https://news.example.com/",
     "`source` must be the address of a Hong Kong government page (https://….gov.hk/…)"),
    ("hk-overrides.yaml", "    source: https://www.censtatd.gov.hk/tc/page_1299.html\n    reason: The Census",
     "    source: http://www.censtatd.gov.hk/tc/page_1299.html\n    reason: The Census",
     "`source` must be the address of the page, starting with https://"),
    ("site.yaml", "base_path: /\n", "base_path: plan\n", "`base_path` must start and end with /, e.g. /plan/ "
     "(or / at the root of a domain)"),
    ("site.yaml", "base_path: /\n", "base_path: /\nsite_url: example.org\n", "`site_url` must be a full address "
     "ending in /, e.g. https://example.github.io/plan/"),
    ("site.yaml", "base_path: /\n", "base_path: /\nrepository_url: https://github.com/a/b/\n", "`repository_url` "
     "must be the repository's full address, e.g. https://github.com/OWNER/NAME, without a / at the end"),
    ("downloads.yaml", "  indicators.csv:", "  indicators data.csv:", "`indicators data.csv` must be a file name: "
     "letters, digits, dots, hyphens and _"),
    ("indicators.yaml", "        value: 82.4", '        value: "82.4"', "`value` must be a number, without quotes "
     "(e.g. 82.4)"),
]


@pytest.mark.parametrize("name,old,new,expected", FORMS, ids=[f"{f[0]}:{f[2][:24]}" for f in FORMS])
def test_a_value_of_the_wrong_form_says_what_the_form_is(project, name, old, new, expected):
    edit(project, name, old, new)
    changed = next(line for line in new.split("\n") if line not in old.split("\n"))
    line = line_of(project, name, changed.strip())
    found = problems_of(project)
    assert any(p.startswith(f"data/{name}:{line}: {expected}") for p in found), found

"""Schema violations in the maintainer's words: each kind of JSON Schema error maps to one message."""
from pathlib import Path

from generator.validate import check
from generator.yamlfile import read

from .conftest import REPO


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

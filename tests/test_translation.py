"""The English translation against the Chinese: numbers, terms, coverage (conventions of issue 6)."""
import pytest

from generator import translation as tr
from generator.load import load_plan

from .conftest import REPO

_plan = load_plan(REPO / "data")
UNITS = list(tr.units(_plan))


@pytest.mark.parametrize("text, values", [
    ("2010 年 2152.75 亿元，占 52.6%", [2010, 215_275_000_000, 52.6]),
    ("光纤到户达到 200 万户，超过11万", [2_000_000, 110_000]),
    ("二〇一一年十二月二十三日", [2011, 12, 23]),
    ("“十五”期末，“十二五”，三十年", [10, 12, 30]),
    ("第二和第四位，三网融合，两部分", [2, 4, 3, 2]),
    ("统一、一体化、珠三角、八达通、几十倍", []),
])
def test_chinese_numbers(text, values):
    assert tr.chinese_numbers(text) == [float(v) for v in values]


def test_english_numbers_in_digits_words_scales_and_months():
    found = tr.english_numbers("2 million households, 215.275 billion yuan, 110,000, second, three, 23 December 2011")
    assert {2e6, 215.275e9, 110_000, 2, 3, 12, 23, 2011} <= found


def test_a_dropped_or_changed_number_is_caught():
    assert tr.missing_numbers("增长 43.86%，共 7974 件", "grew by 43.86%, 7,974 items") == []
    assert tr.missing_numbers("增长 43.86%，共 7974 件", "grew by 43.8%, 7,974 items") == [43.86]
    assert tr.missing_numbers("三大特点", "main features") == [3.0]


def test_terms_longest_match_and_variants():
    terms = [t for t in _plan.terms if t.zh in ("电子政务", "电子政务顶层设计", "物联网")]
    required = {t.zh for t in tr.required_terms("电子政务顶层设计与物联网", terms)}
    assert required == {"电子政务顶层设计", "物联网"}
    assert tr.missing_terms("物联网", "the IoT", terms) == []
    assert [t.zh for t in tr.missing_terms("物联网", "sensor networks", terms)] == ["物联网"]


@pytest.mark.parametrize("unit", [u for u in UNITS if u.english], ids=lambda u: u.id)
def test_every_number_of_the_chinese_is_in_the_english(unit):
    assert tr.missing_numbers(unit.chinese, unit.english) == [], unit.id


@pytest.mark.parametrize("unit", [u for u in UNITS if u.english], ids=lambda u: u.id)
def test_every_listed_term_is_rendered_as_listed(unit):
    missing = tr.missing_terms(unit.chinese, unit.english, _plan.terms)
    assert [f"{t.zh} → {t.en}" for t in missing] == [], unit.id


def test_the_whole_plan_is_translated():
    """A paragraph added to the data without its English fails here, by id."""
    assert [u.id for u in UNITS if not u.english] == []


def test_the_term_list_holds_the_21_appendix_terms():
    assert sorted({t.glossary for t in _plan.terms if t.glossary}, key=lambda g: int(g[4:])) == [
        f"term{i}" for i in range(1, 22)]


def test_english_pages_show_no_translation_in_progress_label(built):
    for path in (built / "site" / "en").rglob("*.html"):
        assert "plan-pending" not in path.read_text(encoding="utf-8"), path


def test_every_english_block_is_reviewed():
    assert [u.id for u in UNITS if u.english and u.status != "reviewed"] == []

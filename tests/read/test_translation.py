"""The English translation against the Chinese: numbers, terms, coverage (conventions of issue 6)."""
import re

import pytest
from pydantic import BaseModel

from generator.read import translation as tr

from tests.helpers import repo_plan

UNITS = list(tr.units(repo_plan()))  # the parametrize lists below need them at collection time


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


def test_terms_longest_match_and_variants(plan):
    terms = [t for t in plan.terms if t.zh in ("电子政务", "电子政务顶层设计", "物联网")]
    required = {t.zh for t in tr.required_terms("电子政务顶层设计与物联网", terms)}
    assert required == {"电子政务顶层设计", "物联网"}
    assert tr.missing_terms("物联网", "the IoT", terms) == []
    assert [t.zh for t in tr.missing_terms("物联网", "sensor networks", terms)] == ["物联网"]


@pytest.mark.parametrize("unit", [u for u in UNITS if u.english], ids=lambda u: u.id)
def test_every_number_of_the_chinese_is_in_the_english(unit):
    assert tr.missing_numbers(unit.chinese, unit.english) == [], unit.id


@pytest.mark.parametrize("unit", [u for u in UNITS if u.english], ids=lambda u: u.id)
def test_every_listed_term_is_rendered_as_listed(plan, unit):
    missing = tr.missing_terms(unit.chinese, unit.english, plan.terms)
    assert [f"{t.zh} → {t.en}" for t in missing] == [], unit.id


def test_the_whole_plan_is_translated():
    """A paragraph added to the data without its English fails here, by id."""
    assert [u.id for u in UNITS if not u.english] == []


def test_the_term_list_holds_the_21_appendix_terms(plan):
    assert sorted({t.glossary for t in plan.terms if t.glossary}, key=lambda g: int(g[4:])) == [
        f"term{i}" for i in range(1, 22)]


def test_english_pages_show_no_translation_in_progress_label(built):
    for path in (built / "site" / "en").rglob("*.html"):
        assert "plan-pending" not in path.read_text(encoding="utf-8"), path


def test_every_english_block_is_reviewed():
    assert [u.id for u in UNITS if u.english and u.status != "reviewed"] == []


# --- one rendering per phrase (issue 16): decisions recorded in data/terms.yaml ----------------
# (Chinese phrase, the rendering the term list records, renderings it replaced). Every
# occurrence of the phrase in a Chinese paragraph needs the rendering in its English (not only
# one per paragraph, as the general term check asks), and a replaced rendering must not return.
DECISIONS = [
    ("先行先试", "first to explore and pilot", ["pioneer and experimenter", "pilot first"]),
    ("互联互通", "interconnection and interoperability", []),
    ("国内电信运营商", "Mainland telecommunications operators", ["domestic telecommunications operators"]),
    ("养老救治", "elderly care and medical treatment", ["emergency assistance"]),
    ("人才", "talent", ["skilled personnel", "security professionals"]),
    ("救助", "assistance", ["relief"]),
    ("落马洲河套地区", "Lok Ma Chau Loop", []),
    ("莲塘新口岸", "Liantang/Heung Yuen Wai Boundary Control Point", ["Liantang port"]),
    ("三诺", "3Nod", ["Sanuo"]),
    ("深圳珠宝网", "Shenzhen Zhubao Net", ["Jewellery Net"]),
    ("商机网", "Shangji Net", []),
    ("中农网", "Zhongnong Net", []),
    ("试验网", "trial network", ["test network"]),
    ("信息通信", "information and communications", ["information and communication "]),
    # issue 27: 统筹 had four renderings, 统筹规划 two
    ("统筹", "coordinate", ["overall coordination", "in an overall manner"]),
    ("统筹规划", "coordinated planning", ["overall planning", "in an overall manner"]),
    ("产业链", "industrial chain", ["industry chain"]),
    ("信息安全评估通用准则", "Common Criteria for Information Technology Security Evaluation",
     ["Common Criteria for Information Security Evaluation"]),
]
def _term(plan, zh: str):
    """The entry of data/terms.yaml for the phrase `zh`, or None."""
    return next((t for t in plan.terms if t.zh == zh), None)


def _short(plan, zh: str, chinese: str, english: str) -> bool:
    """The English renders `zh` fewer times than the Chinese has it."""
    entry = _term(plan, zh)
    return sum(english.lower().count(r.lower()) for r in (entry.en, *entry.variants)) < chinese.count(zh)


@pytest.mark.parametrize("zh, en, replaced", DECISIONS, ids=[d[0] for d in DECISIONS])
def test_the_decision_is_recorded_in_the_term_list(plan, zh, en, replaced):
    assert _term(plan, zh) is not None, f"{zh} is not in data/terms.yaml"
    assert _term(plan, zh).en == en


@pytest.mark.parametrize("zh, en, replaced", DECISIONS, ids=[d[0] for d in DECISIONS])
def test_every_occurrence_of_the_phrase_has_its_rendering(plan, zh, en, replaced):
    units = [u for u in UNITS if u.english and zh in u.chinese]
    assert units, f"{zh} occurs nowhere in the plan: the decision tests nothing"
    assert [u.id for u in units if _short(plan, zh, u.chinese, u.english)] == []


@pytest.mark.parametrize("zh, replaced", [(zh, r) for zh, _, rs in DECISIONS for r in rs],
                         ids=[f"{zh}-{r}" for zh, _, rs in DECISIONS for r in rs])
def test_a_replaced_rendering_does_not_return(zh, replaced):
    assert [u.id for u in UNITS if u.english and replaced.lower() in u.english.lower()] == []


def test_an_occurrence_without_its_rendering_is_caught(plan):
    """The occurrence check fails where the term check alone passes (the phrase twice, rendered once)."""
    chinese = "推进互联互通，实现“深圳通”与“八达通”的互联互通"
    english = "promote interconnection and interoperability, achieve interconnection between “Shenzhen Tong” and “Octopus”"
    assert tr.missing_terms(chinese, english, plan.terms) == []
    assert _short(plan, "互联互通", chinese, english)
    assert not _short(plan, "互联互通", chinese, english.replace("achieve interconnection", "achieve interconnection and interoperability"))


# --- spelling: British (Oxford -ize); official names keep their owners' spelling -----------------
AMERICAN = [(r"\bcenter", "centre"), (r"\bfiber", "fibre"), (r"\bcolor", "colour"), (r"\bfavor", "favour"),
            (r"\blabor\b", "labour"), (r"\bcatalog(?!u)", "catalogue"), (r"\bdefense", "defence"),
            (r"\bbehavior", "behaviour"), (r"\bneighbor", "neighbour"), (r"\banalyz", "analys"),
            (r"\btraveled", "travelled"), (r"\bmodeling", "modelling")]


def _official_names(plan) -> list[str]:
    """Names written as their owners write them: the renderings listed in data/terms.yaml."""
    return [r for t in plan.terms for r in (t.en, *t.variants)]


def _en_values(node, where: str) -> list[tuple[str, str]]:
    """Every string under an `en` key of a data structure (indicator names, notes, units …)."""
    if isinstance(node, BaseModel):
        node = node.model_dump()
    if isinstance(node, dict):
        return [pair for key, value in node.items() for pair in
                ([(where, value)] if key == "en" and isinstance(value, str) else _en_values(value, where))]
    if isinstance(node, list):
        return [pair for item in node for pair in _en_values(item, where)]
    return []


def _english_texts(plan) -> list[tuple[str, str]]:
    texts = [(ident, tr._own_text(obj, "en")) for _, ident, obj, _ in tr.objects(plan, editorial=True)]
    texts += [(f"site.yaml ui.{key}", value.en) for key, value in plan.site.ui.items()]
    return texts + _en_values(plan.indicators, "indicators.yaml") + _en_values(plan.projects, "projects.yaml")


def test_the_english_texts_include_the_progress_data(plan):
    assert any(where == "indicators.yaml" and "Household broadband" in text for where, text in _english_texts(plan))


@pytest.mark.parametrize("american, british", AMERICAN, ids=[b for _, b in AMERICAN])
def test_british_spelling_except_in_official_names(plan, american, british):
    names = sorted(_official_names(plan), key=len, reverse=True)
    found = []
    for ident, text in _english_texts(plan):
        for name in names:
            text = text.replace(name, " ")
        found += [f"{ident}: {m.group(0)}…" for m in re.finditer(american, text, re.I)]
    assert found == [], f"write {british}, or list the official name in data/terms.yaml"


# --- the document number in English on English pages ------------------------------------------
def test_the_document_number_is_given_in_english(plan):
    assert plan.front.en.document_number == "Shen Fu Ban [2011] No. 108"
    assert [ident for ident, text in _english_texts(plan) if plan.front.document_number in text
            or "深府办" in text] == []


def test_english_pages_show_the_document_number_in_english(built):
    # the English pages, not the side-by-side pages whose other half is the Chinese original
    pages = [p for p in (built / "site" / "en").rglob("*.html")
             if not p.relative_to(built / "site" / "en").parts[:2] in (("parallel", "zh-Hans"), ("parallel", "zh-Hant"))]
    assert any("Shen Fu Ban [2011] No. 108" in p.read_text(encoding="utf-8") for p in pages)
    assert [str(p) for p in pages if "深府办" in p.read_text(encoding="utf-8")] == []

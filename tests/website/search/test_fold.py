"""One test per folding rule: what a reader types and what the text says meet in one form.

Chinese rules are built in Python (generator/website/search/fold.py, from OpenCC) and applied in the
browser by plan-search.js; English rules live in plan-search.js. Both are tested where they
run: the table from Python, the folding itself in the script, under Node.
"""
from __future__ import annotations

import pytest

from generator.website.search.fold import fold, table_for

from tests.website.search.js import call

_cache: dict[tuple, object] = {}


def js_fold_chinese(text: str, corpus: str) -> str:
    key = ("zh", text, corpus)
    if key not in _cache:
        _cache[key] = call("PS.foldChinese(text, PS.foldTable(table))", text=text, table=table_for([corpus]))
    return _cache[key]


def js_fold_words(words: list[str]) -> list[str]:
    """Every English word the tests fold is folded in one Node run (starting Node is the slow part)."""
    if not _cache.get("en"):
        _cache["en"] = call("Object.fromEntries(all.map(w => [w, PS.foldWord(w)]))", all=sorted(ENGLISH_WORDS))
    folded = _cache["en"]
    return [folded[w] if w in folded else call("PS.foldWord(w)", w=w) for w in words]


# --- Chinese -------------------------------------------------------------------------------

def test_simplified_input_meets_hong_kong_text():
    text = "雲計算和物聯網"
    assert js_fold_chinese("云计算", text) == js_fold_chinese("雲計算", text) == "云计算"
    assert js_fold_chinese("物联网", text) == js_fold_chinese("物聯網", text)


@pytest.mark.parametrize("hong_kong, other", [("衞", "衛"), ("羣", "群"), ("説", "說"), ("户", "戶"), ("綫", "線"),
                                              ("着", "著"), ("裏", "裡"), ("峯", "峰"), ("啓", "啟"), ("麪", "麵")])
def test_variant_pairs_match_both_ways(hong_kong, other):
    corpus = f"醫療{hong_kong}生"
    assert js_fold_chinese(hong_kong, corpus) == js_fold_chinese(other, corpus), (hong_kong, other)
    assert fold(hong_kong) == fold(other)


def test_folding_keeps_every_offset():
    """Highlights are computed on folded text and drawn on the shown text: lengths must agree."""
    text = "醫療衞生、社會保障 ＡＢＣ TD-LTE"
    assert len(js_fold_chinese(text, text)) == len(text)
    assert len(fold(text)) == len(text)


def test_full_width_latin_folds_to_ascii_and_lower_case():
    assert js_fold_chinese("ＴＤ－ＬＴＥ", "TD-LTE") == "td-lte" == js_fold_chinese("TD-LTE", "TD-LTE")


def test_the_table_holds_only_what_the_edition_can_match():
    table = table_for(["醫療衞生"])
    pairs = {table[i]: table[i + 1] for i in range(0, len(table), 2)}
    assert pairs["衛"] == pairs["衞"] == "卫" and pairs["醫"] == "医"
    assert "雲" not in pairs  # 云 is nowhere in this text: no need to ship its variants


# --- English -------------------------------------------------------------------------------

SPELLINGS = [
    ("isation", "informatisation", "informatization"),
    ("isation", "organisations", "organizations"),
    ("ise", "digitised", "digitized"),
    ("ise", "standardising", "standardizing"),
    ("yse", "analyse", "analyze"),
    ("programme", "programme", "program"),
    ("programme", "programmes", "programs"),
    ("re-er", "fibre", "fiber"),
    ("re-er", "centres", "centers"),
    ("our-or", "labour", "labor"),
    ("ence-ense", "licence", "license"),
    ("ogue-og", "catalogue", "catalog"),
]
PLURALS = [("networks", "network"), ("cities", "city"), ("boxes", "box"), ("businesses", "business"),
           ("services", "service"), ("smart cards", "smart card")]
KEPT = ["business", "status", "analysis", "gas", "its", "4G", "3G"]


@pytest.mark.parametrize("rule, british, american", SPELLINGS)
def test_british_and_american_spellings_fold_together(rule, british, american):
    folded = js_fold_words([british, american])
    assert folded[0] == folded[1], (rule, folded)


@pytest.mark.parametrize("plural, singular", PLURALS)
def test_plurals_fold_to_the_singular(plural, singular):
    assert js_fold_words(plural.split()) == js_fold_words(singular.split())


@pytest.mark.parametrize("word", KEPT)
def test_words_that_only_look_plural_are_kept(word):
    assert js_fold_words([word]) == [word.lower()]


ENGLISH_WORDS = {w for case in SPELLINGS for w in case[1:]} | {w for pair in PLURALS for p in pair for w in p.split()} \
    | set(KEPT)


def test_every_spelling_rule_has_a_test():
    rules = call("PS.SPELLING_RULES.map(r => r[0])")
    tested = {"isation", "ise", "yse", "programme", "re-er", "our-or", "ence-ense", "ogue-og"}
    assert set(rules) == tested

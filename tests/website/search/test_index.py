"""The index each edition ships (generator/website/search/index.py) and the build that writes it."""
from __future__ import annotations

import json

from generator.website.search.index import INDEX, build_index
from generator.website.search.records import PageRecords, Record


def test_an_index_names_each_paragraph_place_and_ships_only_the_needed_fold_pairs():
    pages = [PageRecords("ch4/", "四、重點工程", [Record("ch4-s7-p2", "p", "醫療衞生。", "（七）社會民生應用工程。")])]
    index = build_index("zh-Hant-HK", pages, {"ch4-s7-p2": "四、（七）第2段"}.get)
    assert index["pages"] == [["ch4/", "四、重點工程"]]
    assert index["records"] == [[0, "ch4-s7-p2", "四、（七）第2段", "（七）社會民生應用工程。", "醫療衞生。"]]
    assert "衛卫" in index["fold"] and "雲" not in index["fold"]
    assert build_index("en", pages, lambda a: "")["fold"] == ""


def test_each_built_edition_has_its_index_and_no_material_search(built):
    for code, lang in (("zh-Hans", "zh-Hans"), ("zh-Hant", "zh-Hant-HK"), ("en", "en")):
        edition = built / "site" / code
        index = json.loads((edition / INDEX).read_text(encoding="utf-8"))
        assert index["lang"] == lang and len(index["records"]) > 200
        places = {r[1]: r[2] for r in index["records"]}
        assert places["ch4-s10-p6"] in ("四（十）6", "IV(10) para. 6")  # the notation of generator/derive/citation.py
        assert not (edition / "search" / "search_index.json").exists()
        assert not (edition / "assets" / "javascripts" / "workers").exists()
        assert (edition / "assets" / "javascripts" / "plan-search.js").is_file()

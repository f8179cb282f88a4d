"""The search engine's rules (plan-search.js), on small made-up indexes, under Node."""
from __future__ import annotations

import pytest

from generator.website.search.fold import table_for

from tests.website.search.js import call

ZH = {"lang": "zh-Hans", "pages": [["ch1/", "一"]], "records": [
    [0, "a", "", "", "加强信息安全保障。信息安全是基础。"],
    [0, "b", "", "", "信息和安全分开说，信息与安全。安全。"],
    [0, "c", "", "", "深圳的信息安全。"],
    [0, "d", "", "", "计算机和网络。"],
]}
EN = {"lang": "en", "fold": "", "pages": [["ch1/", "I"]], "records": [
    [0, "a", "", "", "Government services and e-government platforms; e-government."],
    [0, "b", "", "", "The government of the city and its services."],
    [0, "c", "", "", "Cloud computing for the government: computing in the cloud."],
]}
ZH["fold"] = table_for(r[4] for r in ZH["records"])


def search(index: dict, queries: list[str]) -> dict:
    return call("""Object.fromEntries(qs.map(q => { const e = new PS.Engine(index);
      return [q, e.search(q).map(r => [r.record.anchor, r.spans.map(s => r.record.text.slice(s[0], s[1]))])]; }))""",
                index=index, qs=queries)


@pytest.fixture(scope="module")
def zh():
    return search(ZH, ["信息安全", "深圳 信息安全", "深圳信息安全", "量子计算机", "安全", "計算機"])


@pytest.fixture(scope="module")
def en():
    return search(EN, ["e-government", "computing cloud", "cloud computing", "the", "blockchain services"])


def test_a_chinese_word_is_matched_whole_never_its_parts(zh):
    assert [a for a, _ in zh["信息安全"]] == ["a", "c"]  # b has 信息 and 安全, not 信息安全
    assert zh["信息安全"][0][1] == ["信息安全", "信息安全"]


def test_words_apart_must_all_be_there(zh):
    assert [a for a, _ in zh["深圳 信息安全"]] == ["c"]
    assert [a for a, _ in zh["深圳信息安全"]] == ["c"]  # cut into the pieces the text has


def test_a_query_with_a_word_the_text_lacks_finds_nothing(zh):
    assert zh["量子计算机"] == []  # not 计算机 alone: 量子 is nowhere


def test_more_occurrences_rank_first_then_the_shorter_text(zh):
    assert [a for a, _ in zh["安全"]] == ["b", "a", "c"]


def test_traditional_input_in_the_simplified_edition(zh):
    assert [a for a, _ in zh["計算機"]] == ["d"]


def test_a_hyphenated_word_is_one_term_and_one_highlight(en):
    assert [a for a, _ in en["e-government"]] == ["a"]  # not b: it says "government" only
    assert en["e-government"][0][1] == ["e-government", "e-government"]


def test_the_exact_phrase_ranks_first_and_is_highlighted_whole(en):
    assert [a for a, _ in en["cloud computing"]] == ["c"]
    assert en["cloud computing"][0][1] == ["Cloud computing"]
    assert en["computing cloud"][0][1] == ["Cloud", "computing", "computing", "cloud"]  # no phrase: each word


def test_stop_words_alone_still_search_and_every_term_is_required(en):
    assert {a for a, _ in en["the"]} == {"b", "c"}
    assert en["blockchain services"] == []

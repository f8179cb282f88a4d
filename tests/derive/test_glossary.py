"""The trilingual glossary: entries, links from the text (first occurrence, longest match, never
in headings or links), abbreviations, "used in" back-links."""
import re
from collections import Counter

import pytest

from generator.derive import glossary
from generator.model.languages import LANGUAGES

from tests.conftest import REPO
from tests.html import pages


@pytest.fixture(scope="module")
def entries(plan):
    """The glossary's entries (appendix terms and key terms), made once from the session's plan."""
    return glossary.entries(plan)


def linker(entries, language="zh-Hans"):
    return glossary.Linker(glossary.Matcher(entries, language), {}, lambda i: f"#{i}")


def test_longest_match_first_and_first_occurrence_only(entries):
    segments = linker(entries).split("电子政务顶层设计要求电子政务统一规划，电子政务顶层设计")
    linked = [(s.text, s.href) for s in segments if s.href]
    assert linked == [("电子政务顶层设计", "#term17"), ("电子政务", "#key-e-government")]
    assert "".join(s.text for s in segments) == "电子政务顶层设计要求电子政务统一规划，电子政务顶层设计"


def test_a_term_inside_a_longer_word_is_one_match(entries):
    segments = linker(entries).split("率先建成三网融合示范城市")
    assert [s.text for s in segments if s.href] == ["三网融合"]


def test_english_matches_whole_words_and_abbreviations_by_case(entries):
    segments = linker(entries, "en").split("Its ITS; the Internet of Things-based cloud computing, and the Internet of Things.")
    assert [(s.text, s.href) for s in segments if s.href] == [
        ("ITS", "#term16"), ("cloud computing", "#term9"), ("Internet of Things", "#term8")]


def test_all_21_appendix_terms_and_the_key_terms_are_entries(entries):
    assert [e.id for e in entries if not e.editorial] == [f"term{i}" for i in range(1, 22)]
    assert {e.source.term for e in entries if e.editorial} >= {"智慧深圳", "电子政务", "电子商务", "信息安全", "顶层设计"}


def test_every_appendix_term_is_used_somewhere_in_the_plan(entries, plan):
    used = glossary.usages(plan, entries)
    assert [e.id for e in entries if not used[e.id]] == []


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_glossary_page_has_every_entry_in_its_language(built, code, entries):
    html = (built / "site" / code / "glossary" / "index.html").read_text(encoding="utf-8")
    for entry in entries:
        assert f'id="{entry.id}"' in html
        assert f'href="#{entry.id}"' in html  # the index
    headings = re.findall(r'<h[23] id="(term\d+|key-[a-z-]+)"[^>]*>(.*?)</h[23]>', html, re.S)
    assert len(headings) == len(entries)
    if code == "en":
        assert not any(re.search(r"[\u4e00-\u9fff]", re.sub(r"<[^>]+>", "", h)) for _, h in headings)
    assert html.count('class="plan-used-in"') == len(entries)


@pytest.mark.parametrize("code", [lang.code for lang in LANGUAGES])
def test_text_links_first_occurrences_only_and_never_in_headings_or_links(built, code):
    total = 0
    for path in pages(built / "site" / code):
        html = path.read_text(encoding="utf-8")
        article = html[html.find("<article"):html.find("</article>")]
        hrefs = re.findall(r'<a class="plan-term" href="([^"]+)"', article)
        assert all(n == 1 for n in Counter(hrefs).values()), f"{path}: {Counter(hrefs).most_common(3)}"
        for h in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", article, re.S):
            assert "plan-term" not in h, path
        for a in re.findall(r"<a\b[^>]*>.*?</a>", article, re.S):
            assert len(re.findall(r"<a[\s>]", a)) == 1, f"{path}: nested link {a[:120]}"
        total += len(hrefs)
    assert total >= 30


def test_abbreviations_in_chinese_text_are_english_and_expanded(built):
    html = (built / "site" / "zh-Hans" / "ch4" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Radio Frequency Identification" lang="en">RFID</abbr>' in html


def test_hong_kong_usage_is_shown_beside_the_official_term(built):
    html = (built / "site" / "zh-Hant" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<dt>香港常用說法</dt><dd>雲端運算</dd>", html)
    assert "香港常用" not in (built / "site" / "zh-Hans" / "glossary" / "index.html").read_text(encoding="utf-8")


# A Latin abbreviation is a word of its own in every edition: ITS is not the ITS of ITSEC.
ABBREVIATIONS = [
    ("zh-Hans", "借鉴 ITSEC（信息技术安全评估准则）", []),
    ("zh-Hans", "智能交通系统（ITS）", ["ITS"]),
    ("zh-Hans", "发展ITS", ["ITS"]),
    ("zh-Hant-HK", "借鑑 ITSEC（資訊技術安全評估準則）", []),
    ("en", "such as ITSEC (Information Technology Security Evaluation Criteria)", []),
    ("en", "Its ITS.", ["ITS"]),
]


@pytest.mark.parametrize("lang, text, linked", ABBREVIATIONS)
def test_abbreviations_match_whole_latin_words_only(lang, text, linked, entries, plan):
    from generator.derive.hongkong.convert import HongKongConverter

    convert = HongKongConverter.for_plan(plan) if lang == "zh-Hant-HK" else (lambda s: s)
    found = [text[a:b] for a, b, _ in glossary.Matcher(entries, lang, convert).find(text)]
    assert [f for f in found if f.isascii()] == linked


def test_every_hong_kong_usage_is_shown_with_its_government_source(built, plan):
    html = (built / "site" / "zh-Hant" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert plan.hk_usage and plan.hk_words
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<(?:dd|td)>(.*?)</(?:dd|td)>", html, re.S)]
    for usage in [*plan.hk_usage.values(), *plan.hk_words]:
        assert ".gov.hk/" in usage.source
        assert usage.term in cells, usage.term
        assert f'href="{usage.source}"' in html, usage.source
    assert 'id="glossary-hk-usage"' in html
    for edition in ("zh-Hans", "en"):
        assert "glossary-hk-usage" not in (built / "site" / edition / "glossary" / "index.html").read_text(encoding="utf-8")


def test_every_hong_kong_word_is_a_word_of_the_plan(plan):
    texts = "\n".join(plan.chinese_texts())
    assert [w.simplified for w in plan.hk_words if w.simplified not in texts] == []


def test_an_example_that_does_not_show_the_term_is_refused(project):
    import subprocess
    import sys

    path = project / "data" / "key-terms.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("example: 協力打破數碼隔膜", "example: 協力打破"),
                    encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(project)], cwd=REPO,
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "data/key-terms.yaml:" in run.stderr and "does not show the Hong Kong term 數碼隔膜" in run.stderr

"""Cutting a built page into search records (generator/website/search/records.py)."""
from __future__ import annotations

from generator.website.search.records import cut, edition_records

PAGE = """<html><body><nav><a id="nav-x">Menu</a></nav>
<article class="md-content__inner md-typeset">
<h1 id="ch4">四、重点工程<a class="headerlink" href="#ch4">¶</a></h1>
<p class="plan-p" id="ch4-p1">构建<a class="plan-term" href="#">泛在</a>信息基础设施。<a class="headerlink" href="#ch4-p1">¶</a></p>
<h2 id="ch4-s1">（一）信息网络跃升工程。</h2>
<ul class="plan-dash-list"><li id="ch4-s1-p1"><span class="plan-marker" aria-hidden="true">——</span>光纤到户。</li></ul>
<h2 id="term5">5. 光纤到户：</h2>
<p class="plan-p plan-definition">即将光纤接入家庭。</p>
<dl class="plan-term-meta"><div><dt>出现于</dt><dd><ul class="plan-used-in"><li><a href="#x">四、（一）第2段</a></li></ul></dd></div></dl>
<table><tr><td>无编号的表格</td></tr></table>
<table><tr id="row-a"><th>家庭宽带普及率</th><td>90%</td></tr></table>
</article><footer id="f">页脚</footer></body></html>"""


def records():
    return {r.anchor: r for r in cut(PAGE)[1]}


def test_each_element_with_an_id_is_one_record_with_its_section():
    by = records()
    assert by["ch4-p1"].text == "构建泛在信息基础设施。" and by["ch4-p1"].heading == "四、重点工程"
    assert by["ch4-s1-p1"].text == "光纤到户。" and by["ch4-s1-p1"].heading == "（一）信息网络跃升工程。"
    assert cut(PAGE)[0] == "四、重点工程"


def test_links_markers_and_used_in_lists_are_not_content():
    texts = " ".join(r.text for r in cut(PAGE)[1])
    assert "¶" not in texts and "——" not in texts and "第2段" not in texts


def test_text_under_a_heading_belongs_to_it():
    assert records()["term5"].text.startswith("5. 光纤到户： 即将光纤接入家庭。")


def test_tables_without_row_ids_and_everything_outside_the_article_are_left_out():
    by = records()
    assert "无编号的表格" not in by["term5"].text
    assert by["row-a"].text == "家庭宽带普及率 90%"
    assert "nav-x" not in by and "f" not in by


def test_every_page_of_a_built_edition_is_cut(built):
    pages = {p.url: p for p in edition_records(built / "site" / "zh-Hans")}
    assert {"", "ch4/", "glossary/", "notice/"} <= set(pages)
    anchors = {r.anchor for r in pages["ch4/"].records}
    assert {"ch4", "ch4-p1", "ch4-s10", "ch4-s10-p6"} <= anchors

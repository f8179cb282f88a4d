"""Rendering: page structure, the plan's numbering, and escaping of whatever the YAML holds."""
import re
from pathlib import Path

from generator.build import build, render_editions
import pytest

from generator.model.languages import ENGLISH, SIMPLIFIED
from generator.read.load import load_plan
from generator.render.markdown import html_inline, md_inline
from generator.derive.localize import Localizer, english_number
from generator.pages.edition import site_pages
from generator.pages.views import Heading, blocks, heading

from tests.helpers import edit

NASTY = '<script>alert(1)</script> *星* _x_ [链接](http://example.com) `code` # {#bad} &amp;'


def test_md_inline_escapes_markdown_and_html():
    out = re.sub(r'<span lang="[^"]+">(.*?)</span>', r"\1", str(md_inline(NASTY)))
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert r"\*星\*" in out and r"\[链接\]" in out and r"\{\#bad\}" in out and "&amp;amp;" in out


def test_headings_keep_the_plans_numbering(plan):
    zh, en = Localizer(SIMPLIFIED, plan.site), Localizer(ENGLISH, plan.site)
    ch1, ch2 = plan.chapters[0], plan.chapters[1]
    assert heading(zh, ch1).text == "一、发展基础与面临形势"
    assert heading(zh, ch1.sections[0]).text == "（一）发展基础。"
    assert heading(zh, ch2.sections[0]).text == "(一) 指导思想。"
    assert heading(en, plan.chapters[2]) == Heading("III. Main Tasks")


@pytest.mark.parametrize("chinese, english", [
    ("一、", "I."), ("四、", "IV."), ("（三）", "(3)"), ("(一)", "(1)"), ("（十）", "(10)"), ("5.", "5.")])
def test_english_numbering_follows_the_plan(chinese, english):
    assert english_number(chinese) == english


def test_untranslated_heading_falls_back_to_chinese_with_its_language(plan):
    section = plan.chapters[0].sections[0].model_copy(update={"en": None})
    assert heading(Localizer(ENGLISH, plan.site), section) == Heading("(1) 发展基础。", "zh-Hans")


def test_dash_items_form_one_list(plan):
    section = plan.chapters[1].sections[2]  # 二、（三）发展目标
    kinds = [(b.kind, len(b.paragraphs)) for b in blocks(Localizer(SIMPLIFIED, plan.site), section.paragraphs)]
    assert kinds == [("paragraphs", 3), ("dash_list", 5)]


def test_pages_follow_site_contents(plan):
    pages = site_pages(Localizer(SIMPLIFIED, plan.site), plan)
    assert [p.file for p in pages] == ["index.md", "notice.md", "preamble.md", "ch1.md", "ch2.md", "ch3.md",
                                       "ch4.md", "ch5.md", "glossary.md", "progress.md", "downloads.md", "about-translation.md",
                                       "translation-status.md"]


def test_every_paragraph_gets_its_id_as_anchor(plan):
    files = render_editions(plan)[0].files
    ids = [p.id for c in plan.chapters for p in c.paragraphs] + [
        p.id for c in plan.chapters for s in c.sections for p in s.paragraphs]
    text = "".join(files[f"{c.id}.md"] for c in plan.chapters)
    for ident in ids:
        assert f'id="{ident}"' in text and f'href="#{ident}"' in text, ident


def test_generated_files_say_they_are_generated(plan):
    for name, text in render_editions(plan)[0].files.items():
        if not name.endswith(".md") or name.startswith("downloads/"):  # downloads/README.md is data, not a page
            continue
        assert "<!-- Generated from data/" in text[:200], name


def test_text_from_yaml_is_escaped_in_markdown_and_html(project: Path):
    edit(project, "chapter-1.yaml", 'title: "发展基础。"', f'title: "{NASTY.replace(chr(34), chr(92) + chr(34))}"')
    edit(project, "chapter-1.yaml", '        text: "“十一五”期间', f'        text: "{NASTY}“十一五”期间')
    plan = load_plan(project / "data")
    md = render_editions(plan)[0].files["ch1.md"]
    assert "<script>" not in md
    build(project, make_pdfs=False)  # the pages are checked, not a PDF of the edited text
    html = (project / "site" / "zh-Hans" / "ch1" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    html = re.sub(r'<span lang="en">(.*?)</span>', r"\1", html)  # English words are marked, not changed
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2  # heading and paragraph
    assert "*星*" in html and "[链接](http://example.com)" in html  # shown as typed, not as markup
    assert 'href="http://example.com"' not in html


def test_english_words_in_chinese_text_are_marked_but_entities_are_not():
    assert str(html_inline("基于 IP (Internet Protocol, 互联网) 与 3G、A8 音乐 & 腾讯", "zh-Hans")) == (
        '基于 <span lang="en">IP</span> (<span lang="en">Internet Protocol</span>, 互联网) 与 3G、A8 音乐 &amp; 腾讯')
    assert str(html_inline("FTTH", "en")) == "FTTH"


HOSTILE = ('<img src=x onerror=alert(1)> [点我](javascript:alert(1)) <a href="javascript:alert(2)">链接</a> '
           '{{ 7*7 }} {% if true %}模板{% endif %} **<b>粗</b>** <!-- 注释 --> &lt;已转义&gt;')


def test_hostile_text_is_shown_as_text_in_every_place(project):
    """<img onerror>, javascript: links, Jinja delimiters, Markdown/HTML mixtures: all shown as typed."""
    quoted = HOSTILE.replace('"', '\\"')
    edit(project, "chapter-2.yaml", 'title: "基本原则。"', f'title: "{quoted}"')
    edit(project, "chapter-2.yaml", '        text: "全面贯彻落实科学发展观', f'        text: "{quoted}全面贯彻落实科学发展观')
    edit(project, "chapter-2.yaml", '          text: "Fully implement', f'          text: "{quoted} Fully implement')
    build(project, make_pdfs=False)  # the pages are checked, not a PDF of the edited text
    for code in ("zh-Hans", "zh-Hant", "en"):
        html = (project / "site" / code / "ch2" / "index.html").read_text(encoding="utf-8")
        assert not re.search(r"<img\b", html), code
        assert not re.search(r"<a\b[^>]*href=\"javascript:", html), code
        assert "<b>" not in html and "<!-- 注释 -->" not in html, code
        visible = re.sub(r"<[^>]+>", "", html)
        assert "{{ 7*7 }}" in visible and "{% if true %}" in visible, code
        assert "&lt;img src=x onerror=alert(1)&gt;" in visible, code

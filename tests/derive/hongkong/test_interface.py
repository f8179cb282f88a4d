"""The Hong Kong edition's interface as Hong Kong government sites write it (issue 27).

The interface strings of the Hong Kong edition were converted from the Simplified ones, so Mainland
interface words carried over (鏈接 693 times, 搜索 on the 404 page, 「查看所有列」 where Hong Kong reads
列 as a row). Where a .gov.hk page shows the Hong Kong word, the string now has its own Hong Kong text
(data/site.yaml `zh-Hant`, data/downloads.yaml, data/about.yaml `hk`) with that page as evidence;
the plan's own text stays converted, never reworded.
"""
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import localizer
from generator.model.languages import HONG_KONG
from generator.read.load import load_plan
from generator.base.problems import DataError

from tests.conftest import make_project
from tests.helpers import repo_plan

_plan = repo_plan()  # loaded once for the whole run (tests/helpers.py); tables below need it at collection time
_loc = localizer(HONG_KONG, _plan)

# Mainland interface words (as the conversion writes them) that the Hong Kong edition must not show, with
# the Hong Kong word that replaces them. 文件 (a document, also in the plan) and 列 (also 排列, 列出) are
# interface words only in these phrases. Not listed (undecided: no .gov.hk page found yet): 菜單, 已選中.
MAINLAND = [
    ("鏈接", "連結"),
    ("搜索", "搜尋"),
    ("訪問日期", "瀏覽日期"),
    ("地址不作", "網址不作"),
    ("地址：", "網址："),
    ("所有列", "所有欄"),
    ("的列", "的欄"),
    ("列名", "欄名"),
    ("unit 列", "unit 欄"),
    ("此列", "此欄"),
    ("各文件", "各檔案"),
    ("可下載的文件", "可下載的檔案"),
    ("CSV 文件", "CSV 檔案"),
    ("文件、格式", "檔案、格式"),
]
SKIPPED_ATTRIBUTES = {"href", "src", "srcset", "class", "id", "style", "rel", "type", "content", "lang", "hreflang"}


class _Text(HTMLParser):
    """The text a reader of the Hong Kong edition meets (text, labels, titles, data-* strings the scripts
    show, the theme's embedded configuration), outside elements in another language (lang="en" or
    "zh-Hans": quotations such as cited titles and the other editions' names)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.parts: list[str] = []

    @property
    def foreign(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        foreign = values.get("lang") in ("en", "zh-Hans") or tag == "style"
        if not (self.foreign or foreign):
            self.parts += [v for k, v in attrs if v and k not in SKIPPED_ATTRIBUTES]
        if tag not in self.VOID:
            self.stack.append(foreign)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self.foreign:
            self.parts.append(data)


def reader_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.parts)


def mainland_words(site: Path) -> dict[str, list[str]]:
    """Each Mainland interface word found in the built Hong Kong edition → the pages it is on."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        text = reader_text(page.read_text(encoding="utf-8"))
        for word, _ in MAINLAND:
            if word in text:
                found.setdefault(word, []).append(str(page.relative_to(site)))
    return found


def test_no_mainland_interface_word_in_the_hong_kong_edition(built):
    assert mainland_words(built / "site" / "zh-Hant") == {}


def test_the_downloads_readme_uses_the_hong_kong_words(built):
    readme = (built / "site" / "zh-Hant" / "downloads" / "README.md").read_text(encoding="utf-8")
    assert [w for w, _ in MAINLAND if w in readme] == []
    assert "CSV 檔案" in readme and "欄名" in readme


def test_the_scan_sees_interface_strings_and_skips_quotations():
    """The scan finds a Mainland word in the ¶ menu's data attributes and in text, not inside lang="zh-Hans"."""
    html = ('<p data-copy-link="複製鏈接">本段<span lang="zh-Hans">复制链接 鏈接</span></p>'
            '<p lang="en">搜索</p><p>使用頁面頂部的搜索</p>')
    text = reader_text(html)
    assert "複製鏈接" in text and "使用頁面頂部的搜索" in text
    assert "复制链接" not in text and "\n搜索" not in text


# Each Hong Kong word of a decision and the word the conversion writes in its place.
CONVERTED = {"連結": "鏈接", "網址": "地址", "搜尋": "搜索", "瀏覽": "訪問", "檔案": "文件", "欄": "列"}
# Words a .gov.hk page shows Hong Kong writing as the conversion does: their texts repeat the conversion.
KEPT = {"菜單"}


def _hong_kong_texts():
    """(where, Simplified text, Hong Kong text) of every site text that has its own Hong Kong text."""
    out = [(f"site.yaml ui.{k}", v.zh_hans, v.zh_hant) for k, v in _plan.site.ui.items() if v.zh_hant]
    texts = _plan.opendata.model_dump(by_alias=True, exclude={"hk_evidence"}) if _plan.opendata else {}

    def walk(value, where):
        if isinstance(value, dict):
            if "zh-Hant" in value:
                out.append((f"downloads.yaml {where}", value["zh-Hans"], value["zh-Hant"]))
            for key, item in value.items():
                walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{where}[{i}]")
    walk(texts, "")
    for page in _plan.editorial:
        by_id = {p.id: p.text for p in page.paragraphs}
        out += [(f"about.yaml {hk.paragraph}", by_id[hk.paragraph], hk.zh_hant) for hk in page.hk]
    return out


@pytest.mark.parametrize("where, simplified, hong_kong", _hong_kong_texts(), ids=[t[0] for t in _hong_kong_texts()])
def test_a_hong_kong_text_is_the_conversion_with_only_the_cited_words_changed(where, simplified, hong_kong):
    """Write the decided words one way in both (the conversion's word for each Hong Kong word), and the Hong
    Kong text is the conversion: nothing else was reworded, and the text does change something."""
    def one_way(text: str) -> str:
        return re.sub("|".join(CONVERTED), lambda m: CONVERTED[m.group()], text)
    converted = _loc.convert(simplified)
    kept = any(word in hong_kong for word in KEPT)
    assert one_way(hong_kong) == one_way(converted) and (hong_kong != converted or kept), where


def test_hong_kong_text_without_evidence_is_refused_at_its_line(tmp_path):
    root = make_project(tmp_path)
    path = root / "data" / "site.yaml"
    text = path.read_text(encoding="utf-8")
    evidence = re.search(r'    zh-Hant: "本段連結"\n    hk_evidence:\n(      .*\n)+', text)
    assert evidence
    path.write_text(text[:evidence.start()] + '    zh-Hant: "本段連結"\n' + text[evidence.end():], encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_plan(root / "data")
    line = path.read_text(encoding="utf-8").splitlines().index('    zh-Hant: "本段連結"') + 1
    assert f"data/site.yaml:{line}: this Hong Kong text uses no word cited under `hk_evidence`" in str(err.value)


@pytest.mark.parametrize("word, example, fault", [
    ("連結", "本網站亦為第三者網站提供鏈路", "does not show the Hong Kong word 連結"),
    ("檔案", "哪些網站提供予市民下載的檔案", "no zh-Hant text uses 檔案"),
], ids=["example without the word", "word the text does not use"])
def test_evidence_that_does_not_support_the_text_is_refused(tmp_path, word, example, fault):
    """The evidence must show the word, and the Hong Kong text must use the word it cites."""
    root = make_project(tmp_path)
    path = root / "data" / "site.yaml"
    text = path.read_text(encoding="utf-8")
    old = '    zh-Hant: "本段連結"\n    hk_evidence:\n      - word: 連結\n        example: "本網站亦為第三者網站提供連結"\n'
    assert old in text
    path.write_text(text.replace(old, f'    zh-Hant: "本段連結"\n    hk_evidence:\n      - word: {word}\n'
                                      f'        example: "{example}"\n'), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_plan(root / "data")
    assert fault in str(err.value)


def test_every_interface_decision_cites_a_gov_hk_page():
    cited = [e for v in _plan.site.ui.values() for e in v.hk_evidence]
    cited += [*(_plan.opendata.hk_evidence if _plan.opendata else []), *(e for p in _plan.editorial for e in p.hk_evidence)]
    assert cited and all(re.match(r"https?://[^/]+\.gov\.hk/", e.source) for e in cited)
    assert {e.word for e in cited} == set(CONVERTED) | KEPT


def test_the_plan_text_is_never_given_a_hong_kong_text():
    """Only the site's own texts carry zh-Hant: the plan's paragraphs are converted, never reworded."""
    plan_ids = {place.paragraph.id for place in _plan.places()}
    hk_ids = {hk.paragraph for page in _plan.editorial for hk in page.hk}
    assert hk_ids and not hk_ids & plan_ids


def test_the_interface_keeps_the_edition_s_punctuation_and_dates(built):
    """Footer date written as a Chinese date, years in full-width brackets, the footer's colon full-width,
    no space after a section number's bracket, and no Simplified 个 in the theme's configuration."""
    site = built / "site" / "zh-Hant"
    home = (site / "index.html").read_text(encoding="utf-8")
    progress = reader_text((site / "progress" / "index.html").read_text(encoding="utf-8"))
    chapter = (site / "ch2" / "index.html").read_text(encoding="utf-8")
    assert "修訂日期：2026年11月25日" in home or re.search(r"修訂日期：\d{4}年\d{1,2}月\d{1,2}日", home)
    assert not re.search(r"\d% \(\d{4}\)", progress) and re.search(r"\d%（\d{4}）", progress)
    assert "（一）信息網絡躍升工程" in progress and "（一） " not in progress
    assert 'aria-label="上一頁：' in chapter and 'aria-label="上一頁: ' not in chapter
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', home).group(1)
    assert "\\u4e2a" not in config and "个" not in config

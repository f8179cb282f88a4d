"""Character rules: the decision table in data/hk-overrides.yaml (`forms:`) and the built site."""
import re
from html.parser import HTMLParser

import opencc
import pytest

from generator.derive.hongkong.convert import HongKongConverter
from generator.derive.hongkong import forms

# One example per rule: a Simplified word of the plan, and the form Hong Kong government text uses.
EXAMPLES = {
    "户": ("用户", "用戶"), "税": ("税务", "稅務"), "説": ("说明", "說明"), "閲": ("查阅", "查閱"),
    "啓": ("启动", "啟動"), "為": ("作为", "作為"), "羣": ("集群", "集群"), "牀": ("临床", "臨床"),
    "台": ("平台", "平台"), "才": ("人才", "人才"), "着": ("随着", "隨着"), "裏": ("这里", "這裏"),
    "污": ("污染", "污染"), "樑": ("桥梁", "橋樑"), "衞": ("卫生", "衞生"), "眾": ("公众", "公眾"), "核": ("审核", "審核"),
    "泄": ("泄露", "洩露"),   # issue 27: the information-security entry and its link tooltip
}
# Characters where s2hk and s2t or s2tw differ over the plan but no government page has been
# found yet (recorded in the comment above `forms:`): OpenCC's s2hk form is kept. None now.
UNCITED: set[str] = set()


@pytest.fixture(scope="module")
def hk(plan):
    return HongKongConverter.for_plan(plan)


def test_every_rule_has_an_example_here(plan):
    assert {f.opencc for f in plan.hk_forms} == set(EXAMPLES)


@pytest.mark.parametrize("char", sorted(EXAMPLES))
def test_rule_with_its_example(plan, hk, char):
    simplified, expected = EXAMPLES[char]
    rule = next(f for f in plan.hk_forms if f.opencc == char)
    assert hk(simplified) == expected
    assert rule.hk in expected and (rule.hk == rule.opencc or rule.opencc not in hk(simplified))
    assert rule.source.startswith("https://") and rule.example and rule.hk in rule.example


def test_every_character_where_s2hk_and_s2t_differ_is_decided(plan):
    """The method of the table: compare s2hk with s2t and s2tw over the whole text, decide each difference."""
    s2hk = opencc.OpenCC("s2hk")
    differing = set()
    for other in (opencc.OpenCC("s2t"), opencc.OpenCC("s2tw")):
        for text in dict.fromkeys(plan.chinese_texts()):
            a, b = s2hk.convert(text), other.convert(text)
            differing |= {x for x, y in zip(a, b) if x != y} if len(a) == len(b) else set()
    decided = {f.opencc for f in plan.hk_forms}
    assert differing - UNCITED <= decided, differing - UNCITED - decided


class _Visible(HTMLParser):
    """Text a reader sees, leaving out quotations marked as Simplified (cited sources) and scripts."""

    def __init__(self):
        super().__init__()
        self.stack, self.out = [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "meta", "link", "input", "hr", "wbr", "source", "col", "area", "base"):
            return
        skip = tag in ("script", "style") or dict(attrs).get("lang") in ("zh-Hans", "en")
        self.stack.append(skip or (self.stack[-1] if self.stack else False))

    def handle_endtag(self, tag):
        if self.stack and tag not in ("br", "img", "meta", "link", "input", "hr", "wbr"):
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.out.append(data)


def hong_kong_text(built) -> dict[str, str]:
    pages = {}
    for page in sorted((built / "site" / "zh-Hant").rglob("*.html")):
        parser = _Visible()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[str(page.relative_to(built / "site"))] = "".join(parser.out)
    return pages


def test_no_rejected_form_anywhere_in_the_hong_kong_edition(plan, built):
    rejected = forms.rejected(plan.hk_forms)
    assert rejected
    found = {page: sorted(set(text) & rejected) for page, text in hong_kong_text(built).items()}
    assert not {p: chars for p, chars in found.items() if chars}


def test_no_curly_quotes_in_the_hong_kong_edition(built):
    found = {page: re.findall(r".{0,6}[“”‘’].{0,6}", text) for page, text in hong_kong_text(built).items()}
    assert not {p: q for p, q in found.items() if q}
    assert any("「" in text for text in hong_kong_text(built).values())

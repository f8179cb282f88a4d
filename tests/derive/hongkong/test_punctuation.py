"""Hong Kong punctuation: one rule per row, each with its example."""
import re

import pytest

from generator.derive.hongkong.punctuation import hong_kong

RULES = [
    ("double quotes", "構建“深圳雲”", "構建「深圳雲」"),
    ("nested quotes", "“智慧‘深圳’”", "「智慧『深圳』」"),
    ("quotes inside a title", "《“十二五”規劃》", "《「十二五」規劃》"),
    ("half-width section number", "(一)", "（一）"),
    ("full-width section number stays", "（二）", "（二）"),
    # issue 27: where Chinese text meets a bracket, the bracket and a comma in it are full-width
    # (GB/T 15834—2011 §5), as the chapters write RTO（恢复时间目标）; Latin alone keeps half-width
    ("an English expansion with Chinese inside", "TD-LTE (Long Term Evolution, 長期演進)", "TD-LTE（Long Term Evolution，長期演進）"),
    ("colon ending a label", "SaaS (Software as a Service, 軟件即服務):", "SaaS（Software as a Service，軟件即服務）："),
    ("a glossary heading with Latin only inside", "光纖到戶 (FTTH, Fiber To The Home)：", "光纖到戶（FTTH，Fiber To The Home）："),
    ("term3: Latin and Chinese inside, a Chinese comma after", "基於 IP (Internet Protocol, 互聯網通信協議)，支持",
     "基於 IP（Internet Protocol，互聯網通信協議），支持"),
    ("term3: an abbreviation between Chinese words", "具有服務質量 (QoS) 保證", "具有服務質量（QoS）保證"),
    ("a bracket before a Chinese word", "(IPTV)業務", "（IPTV）業務"),
    ("Latin alone keeps half-width brackets and commas", "Mbps (megabits, per second) and", "Mbps (megabits, per second) and"),
    ("colon after Chinese", "雲計算:", "雲計算："),
    ("colon in a time or address stays", "10:30 https://example.org", "10:30 https://example.org"),
    ("Arabic numbers in brackets stay", "(1)", "(1)"),
    ("a Chinese aside in half-width brackets", "患者(或保健對象)臨床", "患者（或保健對象）臨床"),
    ("Latin inside after Chinese", "射頻識別(RFID)", "射頻識別（RFID）"),
    ("apostrophe in a Latin word stays", "麥當勞 (McDonald’s) 與 O'Reilly", "麥當勞（McDonald’s）與 O'Reilly"),
    ("straight quotes around Chinese", '建設"智慧城市"', "建設「智慧城市」"),
    ("straight quotes around Latin stay", 'the "ITS" label', 'the "ITS" label'),
    ("colon after Chinese before digits", "目標:2015年", "目標：2015年"),
    ("colon after Chinese before a URL", "網址:https://example.org", "網址：https://example.org"),
]


@pytest.mark.parametrize("rule, text, expected", RULES, ids=[r[0] for r in RULES])
def test_rule(rule, text, expected):
    assert hong_kong(text) == expected


def _site_chinese_texts():
    """The site's own Simplified Chinese texts (not the plan's, not quotations of sources)."""
    from tests.helpers import repo_plan
    plan = repo_plan()
    texts = [(f"ui.{k}", v.zh_hans) for k, v in plan.site.ui.items()]
    texts += [(p.id, p.text) for page in plan.editorial for p in page.paragraphs]
    texts += [(t.id, t.definition) for t in plan.key_terms]
    if plan.opendata:
        texts += [(f"downloads {k}", v["zh-Hans"]) for k, v in {**plan.opendata.files, **plan.opendata.fields}.items()]
        texts += [("downloads readme", v["zh-Hans"]) for v in plan.opendata.readme]
    texts += [(f"evidence {p.id}", e.note["zh-Hans"]) for p in plan.projects for i in [p, *p.items]
              for e in i.evidence if e.note]
    return texts


_MEETS = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff01-\uff60] ?\(|\) ?[\u4e00-\u9fff\u3000-\u303f\uff01-\uff60]"
                    r"|\([^()]*[\u4e00-\u9fff][^()]*\)")


@pytest.mark.parametrize("where, text", _site_chinese_texts(), ids=[t[0] for t in _site_chinese_texts()])
def test_the_site_s_own_chinese_writes_brackets_full_width(where, text):
    """Issue 27: the rule holds in the Simplified edition too wherever the text is the site's own (the plan's
    text stays verbatim): a half-width bracket never meets Chinese text."""
    assert not _MEETS.search(text), where


def test_the_check_finds_a_half_width_bracket_meeting_chinese():
    assert _MEETS.search("光纤到户 (FTTH)") and _MEETS.search("(QoS) 保证") and not _MEETS.search("Mbps (megabits)")

"""Hong Kong punctuation: one rule per row, each with its example."""
import pytest

from generator.derive.hongkong.punctuation import hong_kong

RULES = [
    ("double quotes", "構建“深圳雲”", "構建「深圳雲」"),
    ("nested quotes", "“智慧‘深圳’”", "「智慧『深圳』」"),
    ("quotes inside a title", "《“十二五”規劃》", "《「十二五」規劃》"),
    ("half-width section number", "(一)", "（一）"),
    ("full-width section number stays", "（二）", "（二）"),
    ("Latin in brackets stays half-width", "TD-LTE (Long Term Evolution, 長期演進)", "TD-LTE (Long Term Evolution, 長期演進)"),
    ("colon ending a label", "SaaS (Software as a Service, 軟件即服務):", "SaaS (Software as a Service, 軟件即服務)："),
    ("colon after Chinese", "雲計算:", "雲計算："),
    ("colon in a time or address stays", "10:30 https://example.org", "10:30 https://example.org"),
    ("Arabic numbers in brackets stay", "(1)", "(1)"),
    ("a Chinese aside in half-width brackets", "患者(或保健對象)臨床", "患者（或保健對象）臨床"),
    ("brackets with Latin inside stay", "射頻識別(RFID)", "射頻識別(RFID)"),
    ("apostrophe in a Latin word stays", "麥當勞 (McDonald’s) 與 O'Reilly", "麥當勞 (McDonald’s) 與 O'Reilly"),
    ("straight quotes around Chinese", '建設"智慧城市"', "建設「智慧城市」"),
    ("straight quotes around Latin stay", 'the "ITS" label', 'the "ITS" label'),
    ("colon after Chinese before digits", "目標:2015年", "目標：2015年"),
    ("colon after Chinese before a URL", "網址:https://example.org", "網址：https://example.org"),
]


@pytest.mark.parametrize("rule, text, expected", RULES, ids=[r[0] for r in RULES])
def test_rule(rule, text, expected):
    assert hong_kong(text) == expected

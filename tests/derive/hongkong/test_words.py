"""Characters whose Hong Kong form depends on the word (汇/匯/彙, 周/週, 准/準, 只/隻, 尽/儘/盡, 了/瞭 …).

OpenCC picks one form per word; where its pick differs from Hong Kong government text, a `words:` entry of
data/hk-overrides.yaml (with its .gov.hk page) fixes the word. None of these words is in the plan today:
the table keeps a future edit right, and shows that a rule for one word leaves its neighbours alone.
"""
import pytest

from generator.derive.hongkong.convert import HongKongConverter
from generator.read.load import load_plan
from generator.base.problems import DataError

from tests.conftest import make_project
from tests.helpers import repo_plan

_plan = repo_plan()  # loaded once for the whole run (tests/helpers.py); tables below need it at collection time
_hk = HongKongConverter.for_plan(_plan)

# (Simplified, what the Hong Kong edition must publish, why)
WORDS = [
    ("汇报", "匯報", "words: 匯報, info.gov.hk (OpenCC: 彙報)"),
    ("向中央汇报工作", "向中央匯報工作", "the rule inside a sentence"),
    ("周年", "周年", "words: 周年, info.gov.hk (OpenCC: 週年)"),
    ("成立十周年", "成立十周年", "the rule after a number"),
    ("词汇", "詞彙", "彙 stays where it means a collection"),
    ("汇款", "匯款", "OpenCC's 匯 for remit"),
    ("汇率", "匯率", "OpenCC's 匯 for an exchange rate"),
    ("每周", "每週", "週 stays for a week: the 周年 rule does not reach it"),
    ("周期性", "週期性", "週期 stays"),
    ("准许", "准許", "准 (permit) stays 准"),
    ("准时", "準時", "準 (accurate) from OpenCC"),
    ("一只手", "一隻手", "隻 as a measure word"),
    ("只要", "只要", "只 (only) stays"),
    ("尽管如此", "儘管如此", "儘管 (although)"),
    ("尽心尽力", "盡心盡力", "盡 (exhaust)"),
    ("了结", "了結", "了 stays where it is not 瞭 (understand)"),
]


@pytest.mark.parametrize("simplified, hong_kong, why", WORDS, ids=[w[0] for w in WORDS])
def test_a_word_dependent_character_takes_the_word_s_hong_kong_form(simplified, hong_kong, why):
    assert _hk(simplified) == hong_kong, why


def test_the_table_is_about_words_the_plan_does_not_contain_yet():
    """A future edit: none of these words is in the plan now, so only this table shows the rules work."""
    texts = list(_plan.chinese_texts())
    words = {"汇报", "周年", "词汇", "汇款", "汇率", "每周", "周期", "准许", "准时", "一只", "只要", "尽管", "尽心", "了结"}
    assert sorted(w for w in words if any(w in t for t in texts)) == []


def test_each_word_rule_cites_a_gov_hk_page_that_shows_it():
    assert {w.simplified for w in _plan.hk_word_forms} >= {"汇报", "周年"}
    assert all(".gov.hk/" in w.source and w.hk in w.example for w in _plan.hk_word_forms)


def test_a_word_rule_whose_example_does_not_show_it_is_refused(tmp_path):
    root = make_project(tmp_path)
    path = root / "data" / "hk-overrides.yaml"
    text = path.read_text(encoding="utf-8")
    old = "    example: 向國家領導人匯報香港經濟、社會和政治等方面的最新情況\n"
    assert old in text
    path.write_text(text.replace(old, "    example: 向國家領導人報告最新情況\n"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_plan(root / "data")
    line = path.read_text(encoding="utf-8").splitlines().index("    example: 向國家領導人報告最新情況") + 1
    assert f"data/hk-overrides.yaml:{line}: the example does not show 匯報" in str(err.value)

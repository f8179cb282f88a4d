"""Simplified → Hong Kong Traditional: OpenCC s2hk, the reviewed overrides, and tricky words."""
import subprocess
import sys

import pytest

from generator.derive.hongkong.convert import HongKongConverter, opencc_s2hk, override_effects
from generator.model.plan import Override

from tests.conftest import REPO


@pytest.fixture(scope="module")
def hk(plan):
    return HongKongConverter.for_plan(plan)


# Words from this plan whose conversion depends on context, with the expected HK form. (平台 is
# test_forms.py's example of the 台 rule, checked there the same way.)
TRICKY = {
    "光纤到户": "光纖到戶", "云计算": "雲計算", "发展": "發展", "系统": "系統", "信息系统": "信息系統",
    "公里": "公里", "那里": "那裏", "骨干网": "骨幹網", "干预": "干預", "干部": "幹部",
    "后金融危机时期": "後金融危機時期", "后续演进": "後續演進", "电视台": "電視台",
    "港澳台": "港澳台", "制定": "制定", "制造业": "製造業", "研制": "研製", "范围": "範圍", "示范": "示範",
    "复制": "複製", "恢复": "恢復", "重复建设": "重複建設", "征询": "徵詢", "特征": "特徵", "采集": "採集",
    "钟表": "鐘錶", "历史": "歷史", "电子病历": "電子病歷", "几十倍": "幾十倍", "关于": "關於",
    "依托": "依託", "占规模": "佔規模", "准确": "準確", "标准": "標準", "联系": "聯繫", "关系": "關係",
    "私有云": "私有雲", "内生发展": "內生發展", "新坐标": "新坐標", "上下游": "上下游", "北斗": "北斗",
    "借鉴": "借鑑", "注册": "註冊", "签名": "簽名", "标签": "標籤", "旅游": "旅遊",
}


@pytest.mark.parametrize("simplified, expected", TRICKY.items())
def test_tricky_words_of_this_plan(hk, simplified, expected):
    assert hk(simplified) == expected


def test_each_override_corrects_opencc_in_context(plan, hk):
    texts = list(plan.chinese_texts())
    for override in plan.hk_overrides:
        contexts = [t for t in texts if override.simplified in t]
        assert contexts, f"{override.simplified} occurs nowhere"
        assert all(override.hk in hk(t) for t in contexts), override.simplified
        assert any(hk(t) != opencc_s2hk(t) for t in contexts), f"{override.simplified}: OpenCC alone is right"


def test_override_effects_count_changed_texts(plan):
    effects = override_effects(plan)
    assert set(effects) == {o.simplified for o in plan.hk_overrides}
    assert all(count and count >= 1 for count in effects.values()), effects


def test_longest_override_wins_and_private_use_characters_pass_through():
    convert = HongKongConverter([Override(simplified="云", hk="A", reason="r"),
                                 Override(simplified="私有云", hk="私有雲", reason="r")])
    assert convert("私有云和公共云") == "私有雲和公共A"
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in convert("私有云、云计算"))
    # no placeholders: a private-use character typed in the data is not taken for an override
    assert convert("\ue000云\ue010") == "\ue000A\ue010"


def test_conversion_keeps_everything_but_characters(hk):
    text = "2010 年 66.5%，TD-LTE 与 FTTH（100Mbps）"
    assert hk(text) == "2010 年 66.5%，TD-LTE 與 FTTH（100Mbps）"


def test_the_convert_command_refuses_text_that_is_not_utf8():
    run = subprocess.run([sys.executable, "-m", "generator", "convert"], input="民生发展\n".encode() + b"\xff\xfe\n",
                         capture_output=True, cwd=REPO, timeout=120)
    assert run.returncode == 1 and b"Traceback" not in run.stderr
    assert run.stderr.decode().splitlines() == [
        "standard input, line 2: the text is not UTF-8: save or paste it as UTF-8; nothing was converted"]


def test_the_convert_command_keeps_lines_and_a_missing_final_newline():
    run = subprocess.run([sys.executable, "-m", "generator", "convert"], input="民生发展\n\n“智慧城市”".encode(),
                         capture_output=True, cwd=REPO, timeout=120)
    assert run.returncode == 0 and run.stdout.decode() == "民生發展\n\n「智慧城市」"


def test_jieba_keeps_its_prepared_dictionary_in_this_users_cache_folder():
    """Not in the shared temporary folder, where another user's copy cannot be replaced."""
    from generator.base import cache
    from generator.derive.hongkong.segment import _tokenizer

    assert _tokenizer(()).tmp_dir == str(cache.FOLDER)


def test_the_builds_converter_remembers_its_results_across_processes(plan, monkeypatch, tmp_path):
    """A rebuild converts nothing it converted before: the results are stored under the rules;
    a changed override starts afresh."""
    from generator.base import cache
    from generator.derive.hongkong.convert import RememberedConverter

    monkeypatch.setattr(cache, "FOLDER", tmp_path)
    texts = list(dict.fromkeys(plan.chinese_texts()))[:40] + ["民生发展与“智慧城市”"]
    first = RememberedConverter(plan)
    expected = [HongKongConverter.for_plan(plan)(t) for t in texts]
    assert [first(t) for t in texts] == expected
    first.remember()

    def no_conversion(self, text):
        raise AssertionError(f"converted again: {text}")

    with monkeypatch.context() as m:
        m.setattr(HongKongConverter, "__call__", no_conversion)
        again = RememberedConverter(plan)
        assert [again(t) for t in texts] == expected
        changed = plan.model_copy(update={"hk_overrides": plan.hk_overrides[1:]})
        with pytest.raises(AssertionError, match="converted again"):
            RememberedConverter(changed)(texts[-1])

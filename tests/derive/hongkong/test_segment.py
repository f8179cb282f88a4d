"""Boundary safety: OpenCC's phrases never reach across a word boundary (BYVoid/OpenCC#1497).

Each phrase goes through `python -m generator convert`, as a maintainer would check a sentence.
The first column is Simplified; the second what the site must publish; the third what OpenCC
alone writes (the fault this conversion avoids, or None where OpenCC alone is right too).
"""
import subprocess
import sys

import pytest

from generator.derive.hongkong.convert import opencc_s2hk

from tests.conftest import REPO

PHRASES = [
    ("前头发生", "前頭發生", "前頭髮生"),
    ("民生发展", "民生發展", "民生髮展"),
    ("内生发展", "內生發展", "內生髮展"),
    ("卫生发展", "衞生發展", "衞生髮展"),
    ("学生发现", "學生發現", "學生髮現"),
    ("先生发言", "先生發言", "先生髮言"),
    ("带头发展", "帶頭發展", "帶頭髮展"),
    ("上头发布", "上頭發布", "上頭髮布"),
    ("里头发出", "裏頭發出", "裏頭髮出"),
    ("人生发展", "人生發展", "人生髮展"),
    ("新生发育", "新生發育", "新生髮育"),
    ("产生发展", "產生發展", "產生髮展"),
    ("回头发现", "回頭發現", None),
    ("发展中国家", "發展中國家", None),
    ("以后台湾", "以後台灣", None),
    ("恢复发展", "恢復發展", None),
    ("人才干部", "人才幹部", None),
    ("头发", "頭髮", None),
    ("理发店", "理髮店", None),
    ("用户税务说明", "用戶稅務說明", "用户税務説明"),
    # OpenCC's phrases of whole words still apply (place names, measure words)
    ("加强深圳湾和后海湾水环境监测", "加強深圳灣和后海灣水環境監測", None),
    ("香港干诺道中", "香港干諾道中", None),
    ("港岛鲗鱼涌", "港島鰂魚涌", None),
    ("南山区大冲旧改", "南山區大沖舊改", None),
    ("这只基金", "這隻基金", None),
    ("只准在指定区域", "只准在指定區域", None),
    ("不舍", "不捨", None),
    ("了望", "瞭望", None),
    ("满布疑云", "滿佈疑雲", None),
    # overrides apply to whole words only, and only the plan's own phrases of 编制
    ("白发布满额头", "白髮佈滿額頭", None),
    ("人员编制和机构编制", "人員編制和機構編制", None),
    ("编制本规划", "編製本規劃", "編制本規劃"),
    ("通过个人账户", "通過個人帳戶", "通過個人賬户"),
    ("“智慧‘深圳’”", "「智慧『深圳』」", "“智慧‘深圳’”"),
]


@pytest.fixture(scope="module")
def published():
    """Every phrase through the command line at once: one line in, one line out."""
    text = "".join(p + "\n" for p, _, _ in PHRASES)
    out = subprocess.run([sys.executable, "-m", "generator", "convert"], input=text, capture_output=True,
                         text=True, cwd=REPO, check=True).stdout
    return dict(zip((p for p, _, _ in PHRASES), out.splitlines()))


@pytest.mark.parametrize("simplified, expected, opencc_alone", PHRASES)
def test_phrase(published, simplified, expected, opencc_alone):
    assert published[simplified] == expected
    # the table is honest about the fault: OpenCC alone really writes what the third column says
    assert opencc_s2hk(simplified) == (opencc_alone or expected)


def test_the_plan_is_unchanged_except_by_the_rules(plan):
    """Word by word gives what OpenCC gives on whole texts, except where a rule or an override says."""
    from generator.derive.hongkong.convert import HongKongConverter, naive_converter

    site, whole = HongKongConverter.for_plan(plan), naive_converter(plan)
    differing = [t for t in dict.fromkeys(plan.chinese_texts()) if site(t) != whole(t)]
    covered = [t for t in differing if any(o.simplified in t for o in plan.hk_overrides)]
    assert differing == covered, [whole(t)[:40] for t in differing if t not in covered]


def test_every_opencc_phrase_alone_converts_as_opencc_converts_it():
    """The kind, not the cases: no OpenCC phrase is lost by cutting at words (49,000+ entries)."""
    from generator.derive.hongkong.convert import HongKongConverter
    from generator.derive.hongkong.segment import phrases

    convert = HongKongConverter([])
    differ = [p for p in sorted(phrases()) if convert(p) != opencc_s2hk(p)]
    assert differ == []

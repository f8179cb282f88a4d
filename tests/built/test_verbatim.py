"""The built Simplified Chinese edition holds the whole official text verbatim: every sentence of
source/plan-zh-hans.txt, whitespace included, and every figure caption with its number (rules in
tests/verbatim.py). tests/read/test_verbatim.py checks the other direction (every Chinese text of the
data is in the source). The team's shared fidelity tool is an optional extra."""
import hashlib
import re
import subprocess
import sys

import pytest

from tests.conftest import REPO, SHARED, SOURCE
from tests.verbatim import check, compare, edition_text, source_sentences


def test_every_sentence_and_figure_caption_of_the_official_text_is_in_the_simplified_edition(built):
    report = check(SOURCE, built / "site" / "zh-Hans")
    assert len(report.sentences) > 500 and len(report.figures) == 7  # the whole text was read
    assert report.missing == [], "\n".join(report.missing[:20])
    assert report.missing_figures == []


# One changed space, character or punctuation mark in the site must be caught.
MUTATIONS = [
    ("2006—2020 年国家信息化发展战略", "2006—2020年国家信息化发展战略"),   # a space dropped
    ("光纤到户数超过11万", "光纤到户数超过 11 万"),                       # spaces added
    ("信息网络向新一代网络演进", "信息网络向新一代網络演进"),               # one character converted
    ("现予印发，请认真组织实施", "现予印发,请认真组织实施"),                # punctuation changed
]


@pytest.mark.parametrize("original, changed", MUTATIONS)
def test_the_check_catches_a_changed_space_character_or_mark(built, original, changed):
    sentences, figures = source_sentences(SOURCE.read_text(encoding="utf-8"))
    text, captions = edition_text(built / "site" / "zh-Hans")
    assert original in text
    report = compare(sentences, figures, text.replace(original, changed), captions)
    assert report.missing and all(original in s for s in report.missing)


def test_the_check_catches_a_changed_figure_caption(built):
    sentences, figures = source_sentences(SOURCE.read_text(encoding="utf-8"))
    text, captions = edition_text(built / "site" / "zh-Hans")
    captions = [c.replace("图 4", "图 5") if "云计算" in c else c for c in captions]
    assert compare(sentences, figures, text, captions).missing_figures == [("4", "云计算示意图")]


def test_source_rules_line_wraps_page_breaks_and_markers():
    text = "1. 第一句。第二句：\n续行。\n\n工程中\n\n心 39 家。\n\n（一） 标题。\n图2 无线城市示意图\n"
    sentences, figures = source_sentences(text)
    assert sentences == ["第一句。", "第二句：", "续行。", "工程中", "心 39 家。", "标题。"]
    assert figures == [("2", "无线城市示意图")]


def test_the_source_is_the_copy_recorded_in_its_note():
    """A change to the official text must be deliberate: its hash is written in source/README.md."""
    note = (REPO / "source" / "README.md").read_text(encoding="utf-8")
    recorded = re.search(r"`([0-9a-f]{64})`", note).group(1)
    assert hashlib.sha256(SOURCE.read_bytes()).hexdigest() == recorded


@pytest.mark.skipif(SHARED is None, reason="no shared folder beside the checkout (optional extra)")
def test_the_shared_fidelity_tool_agrees(built):
    """Optional extra: the team's own tool, and its copy of the text, when the folder is there."""
    assert (SHARED / "source" / "plan-zh-hans.txt").read_bytes() == SOURCE.read_bytes()
    run = subprocess.run([sys.executable, str(SHARED / "tools" / "fidelity.py"), str(SOURCE),
                          str(built / "site" / "zh-Hans")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert "figure captions found 7/7" in run.stdout
    assert re.search(r"source sentences found verbatim (\d+)/\1 = 100\.00%", run.stdout), run.stdout

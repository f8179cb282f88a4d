"""Stale translations: the English records the Chinese it translated; a change is reported."""
import re
import subprocess
import sys

from generator.build import build
from generator.read.load import load_plan
from generator.commands.stamp import stamp
from generator.read.translation import is_stale, units

from tests.conftest import REPO
from tests.helpers import edit


def test_the_data_has_no_stale_translation(plan):
    assert [u.id for u in units(plan) if u.stale] == []


def test_a_changed_chinese_paragraph_is_reported_everywhere(project):
    edit(project, "chapter-5.yaml", "探索设立党政机关 CIO（首席信息官）制度", "探索设立党政机关首席信息官制度")
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(project)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0
    assert "warning: the Chinese of `ch5-s1-p1` has changed since its English was written" in run.stdout
    assert "1 stale translation(s)" in run.stdout
    build(project, make_pdfs=False)  # the pages are checked, not a PDF of the edited text
    html = (project / "site" / "en" / "ch5" / "index.html").read_text(encoding="utf-8")
    paragraph = re.search(r'<p class="plan-p" id="ch5-s1-p1".*?</p>', html, re.S).group(0)
    assert "The Chinese text has changed since this translation" in paragraph
    status = (project / "site" / "en" / "translation-status" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<tfoot><tr><th scope=\"row\">Σ</th>(<td>\d+</td>){3}<td>1</td>", status)


def test_the_helper_command_records_a_rechecked_translation(project):
    edit(project, "chapter-5.yaml", "探索设立党政机关 CIO（首席信息官）制度", "探索设立党政机关首席信息官制度")
    before = (project / "data" / "chapter-5.yaml").read_text(encoding="utf-8").splitlines()
    assert stamp(project / "data", ["ch5-s1-p1"]) == ["ch5-s1-p1"]
    after = (project / "data" / "chapter-5.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 1 and "source:" in changed[0][1]
    plan = load_plan(project / "data")
    paragraph = plan.chapters[4].sections[0].paragraphs[0]
    assert not is_stale(paragraph)

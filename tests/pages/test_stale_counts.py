"""Stale translations are counted over every translated unit, the site's own pages too, and
`make check` and the status page give the same number."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.read import translation
from generator.__main__ import main
from generator.derive.localize import localizer
from generator.model.languages import LANGUAGES
from generator.read.load import load_plan
from generator.pages.edition import status_table

from tests.helpers import repo_plan


def _kinds(plan) -> list[tuple[str, str, str]]:
    """One unit of each kind: (kind, id, data file)."""
    return [("the front matter", "front", "front.yaml"), ("the notice", plan.front.notice.id, "front.yaml"),
            ("a notice paragraph", plan.front.notice.paragraphs[0].id, "front.yaml"),
            ("a closing line", plan.closing.lines[0].id, "closing.yaml"),
            ("a preamble paragraph", plan.front.preamble[0].id, "front.yaml"),
            ("a chapter title", "ch2", "chapter-2.yaml"), ("a section title", "ch3-s2", "chapter-3.yaml"),
            ("a section paragraph", "ch4-s1-p2", "chapter-4.yaml"),
            ("a glossary term", plan.glossary.terms[2].id, "glossary.yaml"),
            ("a figure caption", next(t.figure.id for t in plan.glossary.terms if t.figure), "glossary.yaml"),
            ("an editorial page title", plan.editorial[0].id, "about.yaml"),
            ("an editorial paragraph", plan.editorial[0].paragraphs[0].id, "about.yaml"),
            ("a key term", plan.key_terms[0].id, "key-terms.yaml")]


KINDS = _kinds(repo_plan())  # the parametrize list below needs its ids at collection time


class _Titles(dict):
    def __missing__(self, key: str) -> str:
        return key


def change_chinese(plan, root: Path, ident: str, name: str) -> None:
    """Append a character to the unit's first Chinese field, in its own entry of the file."""
    obj = next(o for _, i, o, _ in translation.objects(plan, editorial=True) if i == ident)
    # a field no other check ties to another (a term must appear in its label, a date must match)
    value = next(getattr(obj, f) for f in ("text", "definition", "caption", "title", "plan_title")
                 if isinstance(getattr(obj, f, None), str) and getattr(obj, f))
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    start = text.index("\nplan_title:") if ident == "front" else re.search(rf"^[ -]*id: {ident}$", text, re.M).start()  # not a comment
    at = text.index(value, start)
    path.write_text(text[:at] + value + "增" + text[at + len(value):], encoding="utf-8")


def test_every_kind_of_unit_is_counted(plan):
    assert {i for _, i, _ in KINDS} <= {u.id for u in translation.units(plan, editorial=True)}


@pytest.mark.parametrize("ident,name", [k[1:] for k in KINDS], ids=[k[0] for k in KINDS])
def test_check_and_the_status_page_count_the_same_stale_unit(plan, project, capsys, ident, name):
    change_chinese(plan, project, ident, name)
    assert main(["check", "--root", str(project)]) == 0
    out = capsys.readouterr().out
    assert f"warning: the Chinese of `{ident}` has changed since its English was written" in out
    assert ", 1 stale translation(s) (" in out
    changed = load_plan(project / "data")
    english = next(lang for lang in LANGUAGES if lang.code == "en")
    table = status_table(localizer(english, changed), changed, _Titles())
    assert table["total"][4] == 1

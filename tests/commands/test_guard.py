"""The guard: `make check` warns about places where the Hong Kong text is probably wrong."""
import re
import subprocess
import sys

import pytest

from generator.derive.hongkong.convert import rules_key

from tests.conftest import REPO


def _edit_first_text(path, prefix: str) -> int:
    """Put `prefix` before the first paragraph text of a chapter file; return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if re.match(r'\s+text: "', line):
            lines[i] = line.replace('text: "', f'text: "{prefix}', 1)
            path.write_text("\n".join(lines), encoding="utf-8")
            return i + 1
    raise AssertionError("no text line")


def _check(root) -> str:
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(root)], cwd=REPO,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_a_word_boundary_trap_is_reported_with_file_and_line(project):
    line = _edit_first_text(project / "data" / "chapter-3.yaml", "民生发展，")
    out = _check(project)
    assert (f"warning: data/chapter-3.yaml:{line}: OpenCC alone would write 民生髮展 here, the site publishes "
            "民生發展 (no phrase across a word): check it, or add an override") in out


def test_a_watched_character_in_the_published_text_is_reported(project):
    line = _edit_first_text(project / "data" / "chapter-2.yaml", "理发店，")
    out = _check(project)
    assert f"warning: data/chapter-2.yaml:{line}: the Hong Kong text has 髮 in 理髮店: check it, or add an override" in out


def test_an_override_confirms_the_place(project):
    """The remedy the warning names works: an override for a right 髮 silences it (and is not stale)."""
    _edit_first_text(project / "data" / "chapter-2.yaml", "理发店，")
    overrides = project / "data" / "hk-overrides.yaml"
    overrides.write_text(overrides.read_text(encoding="utf-8") + "  - simplified: 理发店\n    hk: 理髮店\n"
                         "    reason: a barber's shop (test).\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(project)], cwd=REPO,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "髮" not in run.stdout


def test_the_plan_as_it_stands_has_no_warning():
    assert "warning: data/" not in _check(REPO)


def _changed(plan, what: str):
    """The plan with one input of the conversion changed (what the cache key must notice)."""
    if what == "an override":
        first = plan.hk_overrides[0]
        return plan.model_copy(update={"hk_overrides": [first.model_copy(update={"hk": first.hk + "X"}),
                                                        *plan.hk_overrides[1:]]})
    if what == "a character form":
        return plan.model_copy(update={"hk_forms": plan.hk_forms[1:]})
    if what == "a watched sequence":
        return plan.model_copy(update={"hk_watch": plan.hk_watch[1:]})
    if what == "a glossary term (a word the segmenter keeps whole)":
        terms = plan.glossary.terms
        glossary = plan.glossary.model_copy(update={"terms": [terms[0].model_copy(update={"term": "民生发展"}),
                                                              *terms[1:]]})
        return plan.model_copy(update={"glossary": glossary})
    raise ValueError(what)


@pytest.mark.parametrize("what", ["an override", "a character form", "a watched sequence",
                                  "a glossary term (a word the segmenter keeps whole)"])
def test_the_remembered_conversion_results_are_keyed_by_every_rule(plan, what):
    """The guard and the override counts remember their results by rules_key(): a change to any
    input of the conversion must give a new key, or `make check` would report stale places."""
    assert rules_key(plan) == rules_key(plan.model_copy())
    assert rules_key(_changed(plan, what)) != rules_key(plan)

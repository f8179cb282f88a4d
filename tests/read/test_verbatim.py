"""The Chinese of the plan is the official text, whitespace included: every Chinese field of the
data appears in the source text exactly, spaces and all. The source's own line and page breaks
are joined by the rule the loader applies to a text wrapped in the YAML (generator.read.yamlfile.joiner),
so a maintainer's wrapped line, or a stray space, fails here by name."""
from __future__ import annotations

import pytest

from generator.read import translation
from generator.read.yamlfile import join_lines

from tests.conftest import SOURCE
from tests.verbatim import compare, source_sentences

FIELDS = ("text", "title", "lead", "definition", "caption", "label", "term", "number", "addressees",
          "plan_title", "issuing_office", "office_header", "document_number")


@pytest.fixture(scope="module")
def source() -> str:
    return join_lines(SOURCE.read_text(encoding="utf-8"))


def chinese_fields(plan):
    for _, ident, obj, _ in translation.objects(plan):
        for field in FIELDS:
            value = getattr(obj, field, None)
            if isinstance(value, str) and value:
                yield ident, field, value


def test_every_chinese_text_is_in_the_source_whitespace_included(plan, source):
    fields = list(chinese_fields(plan))
    assert len(fields) > 300
    assert [(i, f, v) for i, f, v in fields if v not in source] == []


# (where in a sentence, the same place with a stray space): a space after a full-width comma, and
# one between two Chinese characters
STRAY_SPACES = [("举措，大力", "举措， 大力"), ("信息化发展", "信息化 发展")]


@pytest.mark.parametrize("original, stray", STRAY_SPACES, ids=["after-a-comma", "inside-a-word"])
def test_the_verbatim_check_reports_a_stray_space(plan, original, stray):
    """The real check (tests/verbatim.py: source_sentences, compare) run on a data text: the
    unchanged text passes (the control), and the same text with one space inserted is reported,
    by the sentence that holds it, and no other."""
    sentences, figures = source_sentences(SOURCE.read_text(encoding="utf-8"))
    value = next(v for _, _, v in chinese_fields(plan) if original in v)
    own = [s for s in sentences if s in value]  # the source's sentences this text holds
    assert any(original in s for s in own), "the text holds no whole sentence of the source with the phrase"
    assert compare(own, [], value, []).missing == []
    report = compare(own, [], value.replace(original, stray, 1), [])
    assert report.missing and all(original in s for s in report.missing), report.missing


def test_the_source_joins_like_the_loader():
    assert join_lines("举措，\n\n大力") == "举措，大力"
    assert join_lines("工程中\n\n心 39 家") == "工程中心 39 家"
    assert join_lines("Internet\n  Protocol") == "Internet Protocol"
    assert join_lines("10G\nbps的") == "10G bps的"  # two Latin letters: a space, as YAML would give

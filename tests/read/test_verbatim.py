"""The Chinese of the plan is the official text, whitespace included: every Chinese field of the
data appears in the source text exactly, spaces and all. The source's own line and page breaks
are joined by the rule the loader applies to a text wrapped in the YAML (generator.read.yamlfile.joiner),
so a maintainer's wrapped line, or a stray space, fails here by name."""
from __future__ import annotations

import pytest

from generator.read import translation
from generator.read.yamlfile import join_lines

from tests.conftest import REPO, SOURCE

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


def test_a_stray_space_is_caught(plan, source):
    ident, field, value = next((i, f, v) for i, f, v in chinese_fields(plan) if "举措，大力" in v)
    assert value.replace("举措，大力", "举措， 大力") not in source


def test_the_source_joins_like_the_loader():
    assert join_lines("举措，\n\n大力") == "举措，大力"
    assert join_lines("工程中\n\n心 39 家") == "工程中心 39 家"
    assert join_lines("Internet\n  Protocol") == "Internet Protocol"
    assert join_lines("10G\nbps的") == "10G bps的"  # two Latin letters: a space, as YAML would give

"""The whole plan as data: every paragraph, with the id of its anchor on the pages, its place as
printed, its text in the edition's language and, in English, its review status."""
from __future__ import annotations

from collections import defaultdict

import pytest

from generator.read import translation

from tests.html import parse
from tests.derive.opendata.helpers import EDITIONS, folder, read_csv, read_json


def _model_ids(plan) -> list[str]:
    ids = [place.paragraph.id for place in plan.places()]
    for term in plan.glossary.terms:
        ids.append(term.id)
        if term.figure:
            ids.append(term.figure.id)
    return ids + [line.id for line in plan.closing.lines]


@pytest.mark.parametrize("code", EDITIONS)
def test_every_paragraph_is_there_in_reading_order(built, plan, code):
    doc = read_json(folder(built, code) / "plan.json")
    assert [p["paragraph_id"] for p in doc["paragraphs"]] == _model_ids(plan)
    assert [r["paragraph_id"] for r in read_csv(folder(built, code) / "paragraphs.csv")] == _model_ids(plan)
    assert doc["document_number"] == "深府办〔2011〕108号" and doc["authoritative_text"] == "zh-Hans"


@pytest.mark.parametrize("code", EDITIONS)
def test_every_id_is_the_anchor_of_its_paragraph_on_the_pages(built, code):
    by_page = defaultdict(list)
    for p in read_json(folder(built, code) / "plan.json")["paragraphs"]:
        assert p["href"] == f"{p['page']}/#{p['paragraph_id']}"
        by_page[p["page"]].append(p["paragraph_id"])
    for page, ids in by_page.items():
        anchors = parse(built / "site" / code / page / "index.html").ids
        assert set(ids) <= anchors, (page, sorted(set(ids) - anchors)[:5])


def test_the_simplified_text_and_the_place_are_as_printed(built, plan):
    rows = {p["paragraph_id"]: p for p in read_json(folder(built, "zh-Hans") / "plan.json")["paragraphs"]}
    for place in plan.places():
        row = rows[place.paragraph.id]
        assert row["text"] == place.paragraph.text and row["language"] == "zh-Hans"
        assert row["item_number"] == place.paragraph.number
        if place.chapter:
            assert (row["chapter_number"], row["chapter_title"]) == (place.chapter.number, place.chapter.title)
        if place.section:
            assert (row["section_number"], row["section_title"]) == (place.section.number, place.section.title)
    assert all(r["review_status"] is None for r in rows.values())   # English only


def test_the_english_edition_gives_each_paragraph_its_review_status(built, plan):
    rows = {p["paragraph_id"]: p for p in read_json(folder(built, "en") / "plan.json")["paragraphs"]}
    for place in plan.places():
        p, row = place.paragraph, rows[place.paragraph.id]
        if not (p.en and p.en.text):
            assert row["review_status"] == "untranslated" and row["language"] == "zh-Hans"
        elif translation.is_stale(p):
            assert row["review_status"] == "stale"
        else:
            assert row["review_status"] == p.en.status and row["text"] == p.en.text and row["language"] == "en"
    assert {r["review_status"] for r in rows.values()} <= {"reviewed", "draft", "stale", "untranslated"}


def test_the_traditional_edition_is_converted(built):
    rows = {p["paragraph_id"]: p for p in read_json(folder(built, "zh-Hant") / "plan.json")["paragraphs"]}
    assert rows["pre-p1"]["text"].startswith("深圳經濟特區成立以來，緊緊抓住改革開放")
    assert all(r["language"] == "zh-Hant-HK" for r in rows.values())

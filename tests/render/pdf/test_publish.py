"""When PDFs are made: only for changed input (cache by content hash), never by the preview.

WeasyPrint itself is replaced here by a fast stand-in that records what it was asked to
make (tests/render/pdf/test_pdf_editions.py checks the real PDFs); what is tested is the decision
to make, reuse or keep a PDF, and what the build and the pages do with the result.
"""
from __future__ import annotations

import dataclasses
import re
import pytest

from generator.render import pdf
from generator.build import build
from generator.derive.localize import localizer
from generator.model.languages import LANGUAGES
from generator.render.pdf import engine as render
from generator.base.problems import BuildError
from generator.derive.localize import Localized
from generator.pages.edition import site_pages


@pytest.fixture
def fake_weasyprint(tmp_path, monkeypatch):
    """An empty cache, and a renderer that writes a small stand-in PDF and logs each call to a file."""
    monkeypatch.setattr(pdf, "FOLDER", tmp_path / "cache")
    calls = tmp_path / "calls.txt"

    def fake(html: str) -> bytes:
        lang = re.search(r'<html lang="([^"]+)"', html).group(1)
        with calls.open("a") as f:  # works from the forked workers too
            f.write(lang + "\n")
        return b"%PDF-1.7 stand-in " + lang.encode() + b" " * 2000

    monkeypatch.setattr(render, "render_pdf", fake)
    return lambda: sorted(calls.read_text().split()) if calls.exists() else []


def edition_views(plan):
    return [(loc, site_pages(loc, plan)) for loc in (localizer(lang, plan) for lang in LANGUAGES)]


def test_two_builds_at_once_make_each_pdf_once(plan, fake_weasyprint, monkeypatch):
    """Two processes wanting the same PDFs from an empty cache (two builds, two test workers): the
    second waits for the first and takes its PDFs instead of making them again."""
    import multiprocessing
    import time

    slow = render.render_pdf
    monkeypatch.setattr(render, "render_pdf", lambda html: time.sleep(0.3) or slow(html))
    views = edition_views(plan)
    context = multiprocessing.get_context("fork")
    builds = [context.Process(target=pdf.publish, args=(plan, views), kwargs={"make": True, "log": print})
              for _ in range(2)]
    for build_process in builds:
        build_process.start()
    for build_process in builds:
        build_process.join(60)
    assert [b.exitcode for b in builds] == [0, 0]
    assert fake_weasyprint() == sorted(lang.html_lang for lang in LANGUAGES), "a PDF was made twice"


def test_pdfs_are_made_once_and_remade_only_for_the_edition_whose_text_changed(plan, fake_weasyprint):
    messages: list[str] = []
    first = pdf.publish(plan, edition_views(plan), make=True, log=messages.append)
    assert fake_weasyprint() == sorted(lang.html_lang for lang in LANGUAGES)
    assert all(p.current and p.data.startswith(b"%PDF-1.7 stand-in") for p in first.values())
    assert len(list(pdf.FOLDER.glob("*.pdf"))) == 3  # kept in the cache

    again = pdf.publish(plan, edition_views(plan), make=True, log=messages.append)
    assert again == first
    assert len(fake_weasyprint()) == 3, "a PDF was made again from unchanged input"

    views = edition_views(plan)
    english = next(pages for loc, pages in views if loc.lang.code == "en")
    block = next(p for p in english if p.sections).sections[0].blocks[0]
    block.paragraphs[0] = dataclasses.replace(block.paragraphs[0], text=Localized("An edited paragraph."), segments=())
    changed = pdf.publish(plan, views, make=True, log=messages.append)
    assert fake_weasyprint() == sorted([lang.html_lang for lang in LANGUAGES] + ["en"])
    assert changed["en"] == first["en"]  # the stand-in makes the same bytes; it was made again, though
    assert changed["zh-Hans"] == first["zh-Hans"] and changed["zh-Hant"] == first["zh-Hant"]


def test_the_preview_makes_no_pdf_and_keeps_the_ones_the_site_has(plan, fake_weasyprint, tmp_path):
    site = tmp_path / "site"
    (site / "en" / "downloads").mkdir(parents=True)
    (site / "en" / "downloads" / pdf.file_name("en")).write_bytes(b"%PDF older")
    messages: list[str] = []
    found = pdf.publish(plan, edition_views(plan), make=False, previous_site=site, log=messages.append)
    assert fake_weasyprint() == []
    assert set(found) == {"en"} and not found["en"].current and found["en"].size == len(b"%PDF older")
    assert any("make" in m for m in messages), messages


def test_links_give_the_size_and_the_address_relative_to_the_page(plan):
    loc = localizer(LANGUAGES[0], plan)
    pages = site_pages(loc, plan)
    home = next(p for p in pages if p.id == "index")
    downloads = type(home)(id="downloads", file="downloads.md", source="", nav_title="", title=home.title,
                           template="x")
    edition = pdf.PdfEdition("zh-Hans", pdf.file_name("zh-Hans"), b"x" * 1_234_567, True)
    pdf.attach(loc, [*pages, downloads], edition)
    chapter = next(p for p in pages if p.id == "ch1")
    pdf.attach(loc, [chapter], edition)
    assert home.extra["pdf"].href == "downloads/" + pdf.file_name("zh-Hans")
    assert downloads.extra["pdf"].href == pdf.file_name("zh-Hans")
    assert chapter.extra.get("pdf") is None  # only the home and downloads pages link it
    assert "1.2 MB" in home.extra["pdf"].details and home.extra["pdf"].details.startswith("（")
    pdf.attach(loc, [home], None)
    assert home.extra["pdf"] is None


def test_missing_fonts_are_named_with_the_install_command(monkeypatch):
    monkeypatch.setattr(render, "FONTS", {"en": ("No Such Serif CJK", "Noto Sans CJK SC")})
    with pytest.raises(BuildError) as err:
        render.check_system()
    assert "No Such Serif CJK" in str(err.value) and "apt-get install" in str(err.value)
    assert "fonts-noto-cjk" in str(err.value)


def test_preview_build_keeps_the_previous_pdfs_and_links_them(project, fake_weasyprint, monkeypatch):
    build(project, log=lambda m: None)
    made = fake_weasyprint()
    assert made == sorted(lang.html_lang for lang in LANGUAGES)

    chapter = project / "data" / "chapter-1.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("“十一五”期间", "“十一五”时期", 1), encoding="utf-8")

    def fail(html: str) -> bytes:
        raise AssertionError("the preview made a PDF")

    monkeypatch.setattr(render, "render_pdf", fail)
    build(project, log=lambda m: None, make_pdfs=False)
    for lang in LANGUAGES:
        kept = project / "site" / lang.code / "downloads" / pdf.file_name(lang.code)
        assert kept.read_bytes().startswith(b"%PDF-1.7 stand-in"), lang.code
        assert pdf.file_name(lang.code) in (project / "site" / lang.code / "index.html").read_text(encoding="utf-8")


def test_weasyprint_that_cannot_load_is_a_message_with_the_install_command(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as when Pango is missing: the import fails
    with pytest.raises(BuildError) as err:
        render.check_system()
    assert "apt-get install" in str(err.value) and "libpango-1.0-0" in str(err.value)

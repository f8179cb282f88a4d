"""The PDF editions as readers meet them: the built site's PDFs, read back with pypdf.

Each check runs for every edition, an edition's checks on one worker, which reads each PDF's text
layer once (page_texts). The expected strings come from the same page views the
PDF is made from, so a wrong script (Simplified in the Hong Kong PDF), a missing or reordered
heading, or a paragraph whose glossary-linked words come out of the text layer out of order
all fail here. The first page of each PDF is left as a PNG in artifacts/pdf/.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from generator.render import pdf
from generator.derive.localize import localizer
from generator.model.languages import LANGUAGES, Language
from generator.render.pdf.document import UNOFFICIAL, plan_pages
from generator.pages.edition import site_pages
from generator.pages.views import PageView

from tests.conftest import ARTIFACTS
from tests.helpers import one_worker_each

EDITIONS = one_worker_each("pdf", {lang.code: lang for lang in LANGUAGES})


def pdf_path(built: Path, lang: Language) -> Path:
    return built / "site" / lang.code / "downloads" / pdf.file_name(lang.code)


@lru_cache(maxsize=None)
def _read(path: Path) -> PdfReader:
    return PdfReader(path)


def reader(built: Path, lang: Language) -> PdfReader:
    path = pdf_path(built, lang)
    assert path.is_file(), f"no PDF edition at {path}"
    return _read(path)


def views(plan, lang: Language) -> list[PageView]:
    return site_pages(localizer(lang, plan), plan)


def squash(text: str) -> str:
    """Text without whitespace: what must survive extraction whatever the line breaks."""
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=None)
def page_texts(path: Path) -> tuple[str, ...]:
    """The text layer of each page (pypdf's extraction: about a second per edition, so done once)."""
    return tuple(page.extract_text() for page in _read(path).pages)


def body_text(path: Path, heads: tuple[str, ...]) -> str:
    """The text layer of every page after the contents, with running heads and page numbers
    left out (they interrupt a paragraph that runs onto the next page), whitespace removed."""
    lines = []
    for text in page_texts(path):
        for line in text.splitlines():
            if line.strip().isdigit() or line.strip() in heads:
                continue
            lines.append(line)
    return squash("".join(lines))


def running_heads(pages: list[PageView]) -> tuple[str, ...]:
    return tuple(p.title.text for p in plan_pages(pages))


@pytest.mark.parametrize("lang", EDITIONS)
def test_pdf_declares_the_edition_language(built, lang):
    root = reader(built, lang).trailer["/Root"]
    assert root.get("/Lang") == lang.html_lang


def structure_kinds(node, counts: dict[str, int]) -> dict[str, int]:
    node = node.get_object() if isinstance(node, IndirectObject) else node
    if isinstance(node, list):
        for child in node:
            structure_kinds(child, counts)
    elif isinstance(node, dict):
        if "/S" in node:
            counts[str(node["/S"])] = counts.get(str(node["/S"]), 0) + 1
        if "/K" in node:
            structure_kinds(node["/K"], counts)
    return counts


@pytest.mark.parametrize("lang", EDITIONS)
def test_pdf_is_tagged_with_the_plan_headings_for_screen_readers(built, plan, lang):
    root = reader(built, lang).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    kinds = structure_kinds(root["/StructTreeRoot"].get_object()["/K"], {})
    pages = plan_pages(views(plan, lang))
    assert kinds["/H1"] == len(pages) + 3  # + cover, contents, record of issue
    assert kinds["/H2"] == sum(len(p.sections) + len(p.terms) for p in pages)
    assert kinds["/P"] > 150 and kinds["/Link"] > 100 and kinds["/L"] >= 1


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_font_is_embedded_in_the_edition_script(built, lang):
    names = set()
    for page in reader(built, lang).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{font['/BaseFont']} not embedded"
            names.add(str(font["/BaseFont"]).split("+", 1)[-1])
    region = {"zh-Hans": "SC", "zh-Hant": "HK", "en": "SC"}[lang.code]
    assert names and all(n.startswith("Noto-") and f"CJK-{region}" in n for n in names), names


@pytest.mark.parametrize("lang", EDITIONS)
def test_bookmarks_follow_the_plan_with_its_numbering(built, plan, lang):
    pages = plan_pages(views(plan, lang))
    loc = localizer(lang, plan)
    doc = reader(built, lang)
    top = [item for item in doc.outline if not isinstance(item, list)]
    expected = [loc.text(plan.front, "plan_title"), loc.ui("contents"), *(p.title.text for p in pages), loc.ui("closing")]
    assert [item.title for item in top] == expected
    chapters = [p for p in pages if p.sections]
    nested = [item for item in doc.outline if isinstance(item, list)]
    sections = [[s.title for s in group if not isinstance(s, list)] for group in nested]
    assert [[s.heading.text for s in c.sections] for c in chapters] == sections[:len(chapters)]
    numbers = [doc.get_destination_page_number(item) for item in top]
    assert numbers == sorted(numbers) and numbers[0] == 0


@pytest.mark.parametrize("lang", EDITIONS)
def test_contents_link_to_their_pages_and_give_the_page_number(built, plan, lang):
    doc = reader(built, lang)
    loc = localizer(lang, plan)
    top = [item for item in doc.outline if not isinstance(item, list)]
    contents = next(i for i in top if i.title == loc.ui("contents"))
    first, after = doc.get_destination_page_number(contents), doc.get_destination_page_number(top[2])
    links, lines = 0, []
    for page, text in zip(doc.pages[first:after], page_texts(pdf_path(built, lang))[first:after]):
        lines += text.splitlines()
        for annot in page.get("/Annots", []):
            annot = annot.get_object() if isinstance(annot, IndirectObject) else annot
            if annot.get("/Subtype") == "/Link" and ("/Dest" in annot or "/D" in annot.get("/A", {})):
                links += 1
    chapters = [p for p in plan_pages(views(plan, lang))]
    entries = len(chapters) + sum(len(p.sections) for p in chapters) + 1  # + the record of issue
    assert links >= entries
    starts = {item.title: doc.get_destination_page_number(item) + 1 for item in top}
    labels = [(p.nav_title, starts[p.title.text]) for p in chapters] + [(loc.ui("closing"), starts[loc.ui("closing")])]
    for label, number in labels:  # each part's line ends with the page it starts on (1-based)
        assert any(squash(line).startswith(squash(label)[:6]) and squash(line).endswith(f".{number}")
                   for line in lines), (label, number)


@pytest.mark.parametrize("lang", EDITIONS)
def test_pages_are_numbered(built, lang):
    texts = page_texts(pdf_path(built, lang))
    assert len(texts) == len(reader(built, lang).pages) > 1
    for index, text in enumerate(texts[1:], start=2):
        assert str(index) in [line.strip() for line in text.splitlines()], f"page {index} has no number"


@pytest.mark.parametrize("lang", EDITIONS)
def test_chapter_titles_come_out_whole_in_order_on_their_pages(built, plan, lang):
    doc = reader(built, lang)
    top = [item for item in doc.outline if not isinstance(item, list)]
    previous = -1
    for page in plan_pages(views(plan, lang)):
        item = next(i for i in top if i.title == page.title.text)
        number = doc.get_destination_page_number(item)
        assert number > previous
        assert squash(page.title.text) in squash(page_texts(pdf_path(built, lang))[number]), page.title.text
        previous = number


def linked_paragraphs(pages: list[PageView]):
    """Each part's first paragraph with a glossary link (the words Chromium printed out of order)."""
    for page in plan_pages(pages):
        blocks = page.blocks + [b for s in page.sections for b in s.blocks]
        found = [p for b in blocks for p in b.paragraphs if any(s.href for s in p.segments)]
        if found:
            yield page, found[0]


@pytest.mark.parametrize("lang", EDITIONS)
def test_paragraphs_with_glossary_links_come_out_whole_and_in_reading_order(built, plan, lang):
    pages = views(plan, lang)
    text = body_text(pdf_path(built, lang), running_heads(pages))
    samples = list(linked_paragraphs(pages))
    assert len(samples) >= 3
    position = 0
    for page, p in samples:
        whole = squash("".join(s.text for s in p.segments))
        found = text.find(whole, position)
        assert found >= 0, f"{page.id}/{p.id} does not come out whole: {p.text.text[:60]}"
        position = found + len(whole)


@pytest.mark.parametrize("lang", EDITIONS)
def test_text_is_in_the_edition_script(built, plan, lang):
    text = body_text(pdf_path(built, lang), ())
    simplified = plan.chapters[0].title
    hong_kong = localizer(LANGUAGES[1], plan).convert(simplified)
    assert hong_kong != simplified
    if lang.code == "zh-Hans":
        assert squash(simplified) in text and squash(hong_kong) not in text
    elif lang.code == "zh-Hant":
        assert squash(hong_kong) in text and squash(simplified) not in text
    else:
        letters = [c for c in text if c.isalpha()]
        assert sum(c.isascii() for c in letters) / len(letters) > 0.95


@pytest.mark.parametrize("lang", EDITIONS)
def test_title_page_has_document_number_provenance_and_unofficial_note(built, plan, lang):
    loc = localizer(lang, plan)
    first = squash(page_texts(pdf_path(built, lang))[0])
    assert squash(loc.text(plan.front, "document_number")) in first
    if lang.code != "zh-Hant":  # the number as printed (the Hong Kong edition converts it)
        assert squash(plan.front.document_number) in first
    assert squash(loc.ui("pdf_provenance")) in first
    for code, key in UNOFFICIAL.items():
        assert (squash(loc.ui(key)) in first) == (code == lang.code)


@pytest.mark.parametrize("lang", EDITIONS)
def test_home_page_links_the_pdf_with_its_size(built, lang):
    home = (built / "site" / lang.code / "index.html").read_text(encoding="utf-8")
    # Latin words inside (PDF, MB) are marked <span lang="en">: compare the text without tags
    m = re.search(r'<p class="plan-pdf"><a href="([^"]+)" type="application/pdf">.+?</a>(.*?)</p>', home, re.S)
    assert m, "no PDF link on the home page"
    target = (built / "site" / lang.code / m.group(1)).resolve()
    assert target == pdf_path(built, lang).resolve() and target.is_file()
    assert pdf.size_label(target.stat().st_size) in re.sub(r"<[^>]+>", "", m.group(2))


@pytest.mark.parametrize("lang", EDITIONS)
def test_first_page_as_png_in_artifacts(built, lang):
    """Leaves artifacts/pdf/<edition>-page1.png to look at; checks the page is not blank."""
    assert shutil.which("pdftoppm"), "pdftoppm is missing: tests/setup-system.sh installs poppler-utils"
    out = ARTIFACTS / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"{lang.code}-page1"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf_path(built, lang)), str(stem)], check=True)
    from PIL import Image

    with Image.open(f"{stem}.png") as image:
        grey = image.convert("L")
        dark = sum(grey.histogram()[:128])
    assert dark > 500, "the first page is (nearly) blank"


@pytest.mark.parametrize("lang", EDITIONS)
def test_downloads_page_lists_the_pdf_with_its_size(built, lang):
    page = built / "site" / lang.code / "downloads" / "index.html"
    m = re.search(r'<tr><th scope="row"><a href="([^"]+)" download lang="en">([^<]+)</a></th><td lang="en">PDF</td>'
                  r'<td lang="en"><data value="(\d+)">([^<]+)</data></td>', page.read_text(encoding="utf-8"))
    assert m, "no PDF row on the downloads page"
    target = (page.parent / m.group(1)).resolve()
    assert target == pdf_path(built, lang).resolve() and m.group(2) == target.name
    assert int(m.group(3)) == target.stat().st_size and m.group(4) == pdf.size_label(target.stat().st_size)

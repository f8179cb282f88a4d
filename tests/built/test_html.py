"""Static checks of the built HTML: links and anchors (across editions), tables, figures,
language of inline text, and the Nu Html Checker (vnu)."""
from __future__ import annotations

import json
import posixpath
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import VNU
from tests.html import pages, parse

HAN = re.compile(r"[\u3400-\u9fff]")


def _targets(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points to (None for external or special links)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:", "data:")):
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    base = site if path.startswith("/") else page.parent
    target = Path(posixpath.normpath(posixpath.join(str(base), path.lstrip("/") if path.startswith("/") else path)))
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


class Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel") in ("canonical",)):
                self.refs.append(a[key])


def test_no_internal_link_is_broken(built):
    site = built / "site"
    ids = {p: parse(p).ids for p in pages(site)}
    broken = []
    for page in pages(site):
        refs = Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        for href in refs.refs:
            found = _targets(site, page, href)
            if found is None:
                continue
            target, fragment = found
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href} (no such file)")
            elif fragment and target.suffix == ".html" and fragment not in ids[target]:
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert broken == []


def test_tables_have_captions_and_scoped_header_cells(built):
    for path in pages(built / "site"):
        html = path.read_text(encoding="utf-8")
        for table in re.findall(r"<table\b.*?</table>", html, re.S):
            assert re.search(r"<caption\b[^>]*>\s*\S", table), f"{path}: table without caption"
            headers = re.findall(r"<th\b([^>]*)>", table)
            assert headers, f"{path}: table without header cells"
            assert all(re.search(r'scope="(col|row|colgroup|rowgroup)"', h) for h in headers), path


def test_images_and_figures_have_text_alternatives(built):
    for path in pages(built / "site"):
        html = path.read_text(encoding="utf-8")
        for img in re.findall(r"<img\b[^>]*>", html):
            assert re.search(r'\balt="', img), f"{path}: {img}"
        for figure in re.findall(r"<figure\b.*?</figure>", html, re.S):
            caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S)
            assert caption and re.sub(r"<[^>]+>", "", caption.group(1)).strip(), f"{path}: figure without caption"


def test_chinese_text_in_english_pages_carries_its_own_lang(built):
    """A screen reader must switch voice: Han characters in en pages are inside lang=zh-… elements."""
    for path in pages(built / "site" / "en"):
        text = parse(path).text("en")
        assert not HAN.search(text), f"{path}: {HAN.findall(text)[:10]}"


# Errors the Nu Html Checker reports in markup that Material for MkDocs itself produces, not our
# templates. Each is accepted for the reason given; anything else fails the test.
THEME_ERRORS = {
    r"Attribute “autocomplete” is only allowed when the input type is": (
        "Material's hidden drawer/search toggles are <input type=checkbox autocomplete=off>, used so that "
        "Firefox does not restore their state on reload; browsers ignore the attribute there, no effect "
        "on users or assistive technology."),
}


@pytest.fixture(scope="module")
def vnu_messages(built) -> list[dict]:
    # One short run: the quick compiler alone (TieredStopAtLevel=1) and the serial collector halve its CPU
    # time (6.8 → 3.0 s, the same 180 messages); the quick compiler's frames need a larger stack (-Xss).
    java = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m"]
    run = subprocess.run([*java, "-jar", str(VNU), "--format", "json", "--skip-non-html", "--errors-only",
                          str(built / "site")], capture_output=True, text=True)
    return json.loads(run.stderr or "{}").get("messages", [])


def test_nu_html_checker_finds_no_error_in_our_markup(vnu_messages):
    ours = [m for m in vnu_messages if not any(re.search(p, m["message"]) for p in THEME_ERRORS)]
    assert ours == []


def test_accepted_theme_errors_are_still_the_only_ones(vnu_messages):
    """If Material stops producing an accepted error, the acceptance is removed from the list."""
    for pattern in THEME_ERRORS:
        assert any(re.search(pattern, m["message"]) for m in vnu_messages), f"no longer reported: {pattern}"


LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.mark.parametrize("code, tag", [("zh-Hans", "zh-Hans"), ("zh-Hant", "zh-Hant-HK")])
def test_english_words_in_chinese_pages_carry_their_own_lang(built, code, tag):
    """FTTH, TD-LTE, Fiber To The Home … are marked lang=en, so they are not read with a Chinese voice."""
    for path in pages(built / "site" / code):
        text = parse(path).text(tag)
        assert not LATIN_WORD.search(text), f"{path}: {LATIN_WORD.findall(text)[:10]}"

"""The verbatim check: the official text (source/plan-zh-hans.txt), sentence by sentence, in the built
Simplified Chinese edition.

Rules, in the order they are applied to the source:
- Blocks are separated by blank lines (a paragraph, or half of one cut by a page break). Inside a
  block, a line break is a printed line wrap and is removed; every other character, spaces
  included, is kept.
- Figure captions (`图1 三网融合示意图`) are taken out and checked apart: the figure's number and its
  caption, exactly, in one <figcaption> (the site writes the label `图 1`, with a space).
- A block is cut after each 。；！？： (the sentence keeps its punctuation). A leading list marker
  (`1.`, `（一）`, `(一)`, `——`) and the spaces around a sentence are dropped, because the site sets
  numbers and dashes apart in markup. Every other space counts.
- Each sentence must occur, character for character, in the visible text of one block element
  of a page (script, style and SVG are not visible text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

FIGURE = re.compile(r"图\s*(\d+)\s*(\S+?示意图)")
_MARKER = re.compile(r"^\s*(\d+\.|[（(][一二三四五六七八九十]+[)）]|——)?\s*")
_CUT = re.compile(r"(?<=[。；！？：:])")
_BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "td", "th", "figcaption", "div",
               "br", "title", "caption", "figure", "section", "article", "header", "footer", "nav", "ul", "ol"}
_HIDDEN = {"script", "style", "noscript", "svg", "template"}


@dataclass(frozen=True)
class Report:
    sentences: list[str]
    missing: list[str]
    figures: list[tuple[str, str]]          # (number, caption)
    missing_figures: list[tuple[str, str]]


def source_sentences(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The sentences and the figure captions (number, caption) of the official text."""
    figures = FIGURE.findall(text)
    sentences = []
    for block in re.split(r"\n[ \t]*\n", text):
        block = FIGURE.sub("", block.replace("\n", ""))
        for piece in _CUT.split(block):
            sentence = _MARKER.sub("", piece).strip()
            if sentence:
                sentences.append(sentence)
    return sentences, figures


class _Text(HTMLParser):
    """Visible text of a page, one line per block element, every character as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.captions: list[str] = []
        self._skip = 0
        self._caption: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "figcaption":
            self._caption = []

    def handle_endtag(self, tag):
        if tag in _HIDDEN and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "figcaption" and self._caption is not None:
            self.captions.append("".join(self._caption).strip())
            self._caption = None

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)
            if self._caption is not None:
                self._caption.append(data)


def edition_text(edition: Path) -> tuple[str, list[str]]:
    """The visible text of every page of a built edition, and its figure captions."""
    parts, captions = [], []
    for path in sorted(edition.rglob("*.html")):
        page = _Text()
        page.feed(path.read_text(encoding="utf-8"))
        parts.append("".join(page.parts))
        captions += page.captions
    return "\n".join(parts), captions


def check(source: Path, edition: Path) -> Report:
    """Which sentences and figure captions of `source` the built `edition` lacks."""
    sentences, figures = source_sentences(source.read_text(encoding="utf-8"))
    text, captions = edition_text(edition)
    return compare(sentences, figures, text, captions)


def compare(sentences: list[str], figures: list[tuple[str, str]], text: str, captions: list[str]) -> Report:
    missing = [s for s in sentences if s not in text]
    found = {(m.group(1), m.group(2)) for c in captions if (m := re.fullmatch(r"图\s*(\d+)\s+(.+)", c))}
    return Report(sentences, missing, figures, [f for f in figures if f not in found])

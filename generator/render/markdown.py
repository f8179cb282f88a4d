"""Render page views to Markdown files with the Jinja templates in generator/render/templates/.

Text from the data is always escaped: HTML-escaped everywhere (autoescape), and in Markdown
contexts (headings, list items) Markdown's own syntax characters are escaped as well, so a
`<script>` or a `*` typed into YAML is shown as text and never interpreted.
"""
from __future__ import annotations

import html
from functools import lru_cache
import re
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from . import foreign
from ..derive.localize import Localizer
from ..pages.views import PageView

TEMPLATES = Path(__file__).parent / "templates"
# Python-Markdown's backslash-escapable characters; '<' and '&' are handled by html.escape.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~^])")


def _escape_html(text: str) -> str:
    return html.escape(text, quote=False)


def _escape_md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _escape(text: str, escape, page_lang: str) -> Markup:
    """Escape `text`, marking text in the other script with its own language for screen readers."""
    if page_lang.startswith("zh"):
        return Markup(foreign.mark(text, escape))
    return Markup(foreign.mark_chinese(text, escape))


def md_inline(value: object, page_lang: str = "en") -> Markup:
    """Escape a text for a Markdown inline context (heading, link text, list item)."""
    return _escape(str(value), _escape_md, page_lang)


def html_inline(value: object, page_lang: str = "en") -> Markup:
    """Escape a text for an HTML context; Markup passes through (it is already escaped)."""
    if isinstance(value, Markup):
        return value
    return _escape(str(value), _escape_html, page_lang)


def _text_language(context, value: object) -> str:
    """The language a text is in: its own (an untranslated original) or the page's."""
    return getattr(value, "lang", None) or context["lang"].html_lang


def template_environment(folder: Path, **options) -> Environment:
    """The one way this project makes a Jinja environment: the templates in `folder`, autoescaped,
    strict about missing values, compiled once across builds (bytecode cache), with the filters
    `inline` (HTML) and `md` (Markdown) that escape a text and mark it with its own language.

    `options` are Jinja's own (the Markdown templates keep trailing newlines and move comments
    out of the way of Markdown's `{#id}`); the PDF's HTML template (generator/render/pdf/) uses
    the defaults.
    """
    env = Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined,
                      bytecode_cache=FileSystemBytecodeCache(), trim_blocks=True, lstrip_blocks=True, **options)
    env.filters["md"] = pass_context(lambda ctx, v: md_inline(v, _text_language(ctx, v)))
    env.filters["inline"] = pass_context(lambda ctx, v: html_inline(v, _text_language(ctx, v)))
    # a quotation in its own language (a cited title, publisher or quote): `{{ e.quote | in_lang(e.quote_lang) }}`
    # inside its <span lang>, so that Latin words of a Chinese quote (TD-LTE, e-chinaedu.cn) get lang="en"
    env.filters["in_lang"] = html_inline
    return env


@lru_cache(maxsize=None)
def environment() -> Environment:
    """One environment for every edition, so each template is compiled once per build."""
    # `{#id}` is Markdown's attribute list, so Jinja comments use {## ##}
    return template_environment(TEMPLATES, keep_trailing_newline=True,
                                comment_start_string="{##", comment_end_string="##}")


class UiStrings:
    """`ui.<name>` in templates: the interface string in the page's language."""

    def __init__(self, loc: Localizer):
        self._loc = loc

    def __getattr__(self, key: str) -> str:
        return self._loc.ui(key)


# Punctuation the templates put between texts: full-width in Chinese (GB/T 15834 and Hong Kong
# usage alike), with spaces in English. `punct.open`, `punct.colon` … in templates.
PUNCTUATION = {
    "zh": {"open": "（", "close": "）", "colon": "：", "comma": "，", "semicolon": "；", "stop": "。"},
    "en": {"open": " (", "close": ")", "colon": ": ", "comma": ", ", "semicolon": "; ", "stop": ". "},
}


def render_page(env: Environment, page: PageView, loc: Localizer) -> str:
    punct = PUNCTUATION["en" if loc.lang.source == "en" else "zh"]
    text = env.get_template(page.template).render(page=page, ui=UiStrings(loc), lang=loc.lang, punct=punct)
    # Markdown needs a blank line around raw HTML blocks; more than one is noise.
    text = re.sub(r"\n(<(?:p|ul|figure|dl|table)[ >])", r"\n\n\1", text)
    text = re.sub(r"(</(?:p|ul|figure|dl|table)>)\n(?!\n)", r"\1\n\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_pages(pages: list[PageView], loc: Localizer, only: str | None = None) -> dict[str, str]:
    """File name → Markdown text for every page of one language edition (its downloads included);
    with `only`, for that file alone (if the edition has it)."""
    env = environment()
    files = {page.file: render_page(env, page, loc) for page in pages if only in (None, page.file)}
    for page in pages:
        files.update({name: text for name, text in page.attachments.items() if only in (None, name)})
    return files

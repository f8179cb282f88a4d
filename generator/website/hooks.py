"""MkDocs hooks (named in each generated docs/mkdocs.<lang>.yml).

Templates: MkDocs compiles Material's ~50 templates afresh for every edition in every build
(0.7 s of CPU each). With Jinja's bytecode cache (in the system's temporary folder, keyed by
each template's source, so a changed template is recompiled) later builds load them instead.

Downloads: each edition's downloads/ folder holds a README.md for the people who download the
data. MkDocs would turn it into a page (and clash with the Downloads page at downloads/); this
hook publishes it as the file it is.

Headings: the Markdown `toc` extension puts each heading's permalink (¶) inside the heading,
so every heading's accessible name ends in "¶" ("III. Main Tasks¶"). This hook names the
heading by its text (aria-labelledby) and the link "Link to this section: <heading>" in the
edition's language (config.extra.ui); the ¶ itself is drawn by CSS (plan.css), so it is in no
name and no search text. (The link stays inside the heading: Material's search index splits
sections at headings and loses them when a heading is wrapped in another element.)

Table of contents: MkDocs builds the table of contents from the headings' plain text, so the lang="en" marks
the renderer puts on English words inside Chinese headings are lost there. In the Chinese
editions this hook marks them again in the TOC entries (Material prints them unescaped).
"""
from __future__ import annotations

import html as _html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from jinja2 import FileSystemBytecodeCache  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from generator.render.foreign import mark_escaped  # noqa: E402


def on_env(env, config, files):
    env.bytecode_cache = FileSystemBytecodeCache()
    return env


class _DataFile(File):
    """A Markdown file published as it is (a download), not rendered as a page."""

    def is_documentation_page(self) -> bool:
        return False


def on_files(files, config):
    for file in [f for f in files if f.src_uri.startswith("downloads/") and f.src_uri.endswith(".md")]:
        files.remove(file)
        files.append(_DataFile(file.src_path, file.src_dir, file.dest_dir, file.use_directory_urls,
                               dest_uri=file.src_uri))
    return files


def _mark(items) -> None:
    for item in items:
        item.title = mark_escaped(item.title)
        _mark(item.children)


_HEADING = re.compile(r'<h([1-6])(\s[^>]*)?>(.*?)<a class="headerlink" href="#([^"]+)" title="([^"]*)">¶</a></h\1>',
                      re.S)
_TAG = re.compile(r"<[^>]+>")


def heading_links(html: str, name: str) -> str:
    """Name each heading by its text alone, and its permalink by `name` (a format with {title}).

    The heading keeps its link (Material's search and styles expect it inside) but takes its
    accessible name from a span around its text (aria-labelledby); the link is named by its
    aria-label and its ¶ is drawn by CSS, so no "¶" is in any name.
    """

    def rename(m: re.Match) -> str:
        level, attrs, inner, target, title = m.groups()
        text = " ".join(_html.unescape(_TAG.sub("", inner)).split())
        label = _html.escape(name.format(title=text))
        return (f'<h{level}{attrs or ""} aria-labelledby="{target}__title"><span id="{target}__title">{inner}</span>'
                f'<a class="headerlink plan-headerlink" href="#{target}" aria-label="{label}" title="{title}"></a>'
                f'</h{level}>')

    return _HEADING.sub(rename, html)


def on_template_context(context, template_name, config):
    """404.html: links relative to the edition's folder (the page sets <base href> to it), not
    absolute from the domain root, which breaks when the site is published under a sub-path."""
    if template_name != "404.html":
        return context
    absolute = context["base_url"]
    context["base_url"] = "."
    for key in ("extra_css", "extra_javascript"):
        context[key] = ["./" + str(u)[len(absolute):].lstrip("/") if str(u).startswith(absolute) else u
                        for u in context[key]]
    context["plan_not_found"] = True
    return context


def on_page_content(html, page, config, files):
    if str(config.theme["language"]).startswith("zh"):
        _mark(page.toc)
    return heading_links(html, config.extra["ui"]["heading_permalink_named"])

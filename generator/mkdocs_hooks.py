"""MkDocs hooks (named in each generated docs/mkdocs.<lang>.yml).

Templates: MkDocs compiles Material's ~50 templates afresh for every edition in every build
(0.7 s of CPU each). With Jinja's bytecode cache (in the system's temporary folder, keyed by
each template's source, so a changed template is recompiled) later builds load them instead.

Downloads: each edition's downloads/ folder holds a README.md for the people who download the
data. MkDocs would turn it into a page (and clash with the Downloads page at downloads/); this
hook publishes it as the file it is.

Table of contents: MkDocs builds the table of contents from the headings' plain text, so the lang="en" marks
the renderer puts on English words inside Chinese headings are lost there. In the Chinese
editions this hook marks them again in the TOC entries (Material prints them unescaped).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jinja2 import FileSystemBytecodeCache  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from generator.foreign import mark_escaped  # noqa: E402


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


def on_page_content(html, page, config, files):
    if str(config.theme["language"]).startswith("zh"):
        _mark(page.toc)
    return html

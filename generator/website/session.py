"""MkDocs for one edition kept in memory between builds (the preview): rebuild only the pages named.

MkDocs' own build (mkdocs.commands.build.build) loads the configuration, lists the files,
makes the navigation and the theme's template environment, renders every page's Markdown and
then writes every page through the theme. A Session does those steps once, in the same order
and with the same plugin events, and keeps the results. Afterwards `rebuild` redoes only the
last two steps for the pages named, with MkDocs' own functions (_populate_page, _build_page),
so that each page comes out byte for byte as a whole build writes it (tests/commands/test_preview.py
compares). Measured on this site: a whole edition through MkDocs in a fresh process takes
about 2 s; one chapter page in a Session about 15 ms.

A Session is valid while what every page shares is unchanged: the configuration (which holds
the navigation and the interface strings the theme shows) and the set of files. The caller
compares those and starts a new Session (or a whole build) when they differ.
"""
from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Iterable, Iterator

from ..base.problems import BuildError
from ..model.languages import Language
from .mkdocs import collecting


class Session:
    """One edition's MkDocs state: configuration, files, navigation, theme environment, pages."""

    def __init__(self, root: Path, lang: Language) -> None:
        """Load docs/mkdocs.<code>.yml and render every page's Markdown (~0.3 s).

        Raises BuildError as run_mkdocs does (any MkDocs warning counts: strict mode).
        """
        from mkdocs.commands.build import _populate_page
        from mkdocs.config import load_config
        from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page

        self.root, self.lang = root, lang
        with self._mkdocs():
            config = load_config(str(root / "docs" / f"mkdocs.{lang.code}.yml"), strict=True,
                                 site_dir=str(root / "site" / lang.code))
            config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)
            files = get_files(config)
            env = config.theme.get_env()
            files.add_files_from_theme(env, config)
            files = config.plugins.on_files(files, config=config)
            set_exclusions(files, config)
            nav = get_navigation(files, config)
            nav = config.plugins.on_nav(nav, config=config, files=files)
            self.pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
            for file in self.pages:
                if file.page is None and file.inclusion.is_not_in_nav():
                    Page(None, file, config)
                _populate_page(file.page, config, files)
            self.env = config.plugins.on_env(env, config=config, files=files)
        self.config, self.files, self.nav = config, files, nav
        self.sources = {file.dest_uri: file.src_uri for file in self.pages}

    def source_of(self, dest: str) -> str | None:
        """The docs file (relative to docs/<code>/) of the page written at `dest` (e.g. ch5/index.html), if any."""
        return self.sources.get(dest)

    def output(self, src: str) -> str | None:
        """Where the docs file `src` (relative to docs/<code>/, '/') goes in the built edition; None if nowhere."""
        file = self.files.get_file_from_path(src)
        return file.dest_uri if file is not None else None

    def is_page(self, src: str) -> bool:
        """Whether the docs file `src` is a page (rendered through the theme), not a file copied as it is."""
        file = self.files.get_file_from_path(src)
        return file is not None and file.page is not None and file in self.pages

    def rebuild(self, sources: Iterable[str], out: Path) -> list[str]:
        """Re-read the pages `sources` from docs/<code>/, render them and write them into `out` (the
        edition's folder of a site being staged); return what was written (paths relative to `out`).

        Anchor links of every page are checked again (an edited page may have lost an anchor another
        page links to). Raises BuildError on any MkDocs warning, as a whole build would. Call it
        inside website.mkdocs.reproducible(edition date), as a whole build runs.
        """
        return self._write([self.files.get_file_from_path(src) for src in sources], out, populate=True)

    def rebuild_all(self, out: Path) -> list[str]:
        """Every page and the theme's own templates (404.html, sitemap.xml) written into `out`, as for
        a new configuration; the theme's static files are not copied (they do not depend on it)."""
        return self._write(list(self.pages), out, populate=False, templates=True)

    def _write(self, files: list, out: Path, populate: bool, templates: bool = False) -> list[str]:
        """Render `files` (pages of this edition) into `out`: re-read and re-render their Markdown
        first if `populate`, the theme's own templates too if `templates`."""
        from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page

        written = []
        with self._mkdocs():
            for file in files:
                if file not in self.pages:
                    raise BuildError(f"{file.src_uri if file else 'a file'} is not a page of the {self.lang.code} site")
                if populate:
                    _populate_page(file.page, self.config, self.files)
            for file in self.pages:
                file.page.validate_anchor_links(files=self.files, log_level=self.config.validation.links.anchors)
            for file in files:
                file.abs_dest_path = str(out / file.dest_uri)  # (a cached property: set per build)
                _fresh(out / file.dest_uri)
                _build_page(file.page, self.config, self.pages, self.nav, self.env)
                written.append(file.dest_uri)
            if templates:
                self.config.site_dir = str(out)
                for name in self.config.theme.static_templates:
                    _fresh(out / name)
                    _fresh(out / f"{name}.gz")
                    _build_theme_template(name, self.env, self.files, self.config, self.nav)
                    written += [n for n in (name, f"{name}.gz") if (out / n).exists()]
        return written

    @contextlib.contextmanager
    def _mkdocs(self) -> Iterator[None]:
        """MkDocs as run_mkdocs runs it: from the project folder, any warning a BuildError."""
        from mkdocs.exceptions import MkDocsException

        cwd = Path.cwd()
        try:
            with collecting() as messages:
                os.chdir(self.root)
                try:
                    yield
                except (MkDocsException, OSError) as err:
                    messages.append(str(err))
                if messages:
                    raise BuildError(f"MkDocs could not build the {self.lang.code} site:\n" + "\n".join(messages))
        finally:
            os.chdir(cwd)


def _fresh(path: Path) -> None:
    """Make room for a new file at `path`: in a staging copy of site/, the old one is a hard link to the
    published file, which must not be written through."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()

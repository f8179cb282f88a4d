"""The preview's builds (`make serve`): after a save, only what the edit changed, the shown page first.

A whole build (build.py) renders the three editions' Markdown, then runs MkDocs on each in a
process of its own, which copies the theme and writes every page, then indexes and publishes
everything: about 2 s for one edited paragraph. The preview keeps, per edition, what it last
published: the files of docs/<code>/ and the MkDocs configuration as bytes, an MkDocs Session
(website/session.py: the theme's templates and every page, in memory) and the search records
of every page (website/search/). On a save it

1. loads data/, reusing the files whose bytes did not change (read/load.py); a mistake is
   reported exactly as by a whole build, and nothing is published;
2. renders the Markdown of the page the browser shows (the server process tells which) and, if
   it changed, rebuilds that page alone with MkDocs' own functions, adds its security policy
   and renames it over the published page (one file: atomic). The browser, which waits for its
   page's file to be replaced, reloads;
3. unless another save is already waiting, renders every edition's Markdown, compares every
   file with what was published, writes the files that differ into docs/, rebuilds their pages
   into a copy of site/ made of hard links, re-cuts those pages' search records (and the first
   page's), rewrites the search indexes and the root pages, and swaps the copy in
   (base/atomic.py).

Some edits change what every page of an edition shares: an interface string the theme shows
or the plan's title are in the edition's MkDocs configuration; then a new Session renders all
that edition's pages, still in this process (step 3). A whole build is run instead when the
set of files or the navigation changes (a page added or removed, a title in the navigation),
when site/ was replaced by another build (`make` in another terminal), on the first save after
an update that failed past loading the data (a mistake in the data stops before anything is
written: the save that fixes it is an ordinary update), and with PLAN_PREVIEW_FULL=1 (the way the
preview worked before). A save that leaves the rest for a waiting save: commands/preview.py watch().
Whichever way, the published site/ is the one a whole build gives from the same data, byte
for byte (tests/commands/test_preview.py).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import unquote

from . import build
from .base.atomic import build_lock, publish, repair, staging_folder
from .base.problems import BuildError, DataError
from .derive import citation
from .model import plan as model
from .model.languages import LANGUAGES
from .read.load import Reuse
from .website import csp
from .website.mkdocs import prewarm, reproducible
from .website.search import EditionIndex
from .website.session import Session


class Superseded(Exception):
    """The data files changed while they were read (a save in progress): this build is dropped, the next
    save's is coming."""


class Whole(Exception):
    """The edit changes more than pages (the reason is the message): a whole build is needed."""


@dataclass
class Published:
    """What the preview last published for one edition."""

    edition: build.Edition
    docs: dict[str, bytes]     # docs/<code>/: path → bytes
    config: str                # docs/mkdocs.<code>.yml
    session: Session
    index: EditionIndex
    places: dict[str, str]     # paragraph id → its place, as the search index names it
    unindexed: list[str] = field(default_factory=list)  # pages published first whose search records wait for step 3


@dataclass
class Update:
    """One edition's part of an update: the docs files that changed, and whether its configuration did."""

    edition: build.Edition
    changed: dict[str, bytes]
    config: Optional[str]      # the new configuration file, when it changed


def site_version(site: Path) -> str:
    """Changes whenever a new site/ is swapped in (a new folder, so a new inode)."""
    try:
        stat = site.stat()
    except FileNotFoundError:
        return "none"
    return f"{stat.st_ino}-{stat.st_mtime_ns}"


class Preview:
    """The preview's builder: whole builds, then updates of only what each save changed."""

    def __init__(self, root: Path, log: Callable[[str], None] = print, whole_only: bool = False) -> None:
        self.root, self.log, self.whole_only = root, log, whole_only
        self.reuse = Reuse()
        self.published: dict[str, Published] = {}
        self.site = ""  # site_version() of the site/ this process last published

    def build(self, shown: str = "", expected: Optional[dict[str, bytes]] = None,
              waiting: Callable[[], bool] = lambda: False, valid: Callable[[], None] = lambda: None) -> str:
        """Bring site/ up to date with data/; return what was done, in one line for the terminal.

        `shown`: the address of the page the browser shows ("/en/ch5/"), updated first. `expected`:
        file name → SHA-256 of the data files as the watcher saw them complete; if the files read
        differ, a save is in progress and Superseded is raised (nothing is built from a half-saved
        file). `waiting()`: whether another save is already waiting (then the rest of the site waits
        for it, after the shown page). `valid()` is called once the data loaded without a mistake, before
        anything is published (the preview then takes the last mistake off the open page, which reloads
        into the new build without it).
        Raises DataError or BuildError; site/ then stays as it was.
        """
        started = time.perf_counter()
        with build_lock(self.root, True, self.log):
            for line in repair(self.root):
                self.log(line)
            plan = self._load(expected)
            valid()
            try:
                if self.whole_only:
                    raise Whole("PLAN_PREVIEW_FULL is set")
                if not self.published or site_version(self.root / "site") != self.site:
                    raise Whole("first build" if not self.published else "site/ was rebuilt by another build")
                return self._update(plan, shown, waiting, started)
            except Whole as reason:
                return self._whole(plan, str(reason), started)
            except BaseException:
                self.published = {}  # what is in memory may be half-updated: the next save builds everything
                raise

    def _load(self, expected: Optional[dict[str, bytes]]) -> model.Plan:
        try:
            plan = build.load(self.root, self.reuse)
        except DataError:
            self._check_read(expected)
            raise
        self._check_read(expected)
        return plan

    def _check_read(self, expected: Optional[dict[str, bytes]]) -> None:
        if expected is not None and any(expected.get(name) != digest for name, digest in self.reuse.digests.items()):
            raise Superseded()

    def _whole(self, plan: model.Plan, reason: str, started: float) -> str:
        """The whole build (build.py), then a Session per edition for the next saves."""
        self.published = {}
        editions = build.render_site(plan, self.root, make_pdfs=False, log=self.log)
        times = build.build_editions(self.root, plan, editions)
        built = time.perf_counter() - started
        self.site = site_version(self.root / "site")
        if not self.whole_only:
            prewarm()
            for ed in editions:
                self.published[ed.lang.code] = Published(
                    ed, ed.docs(), ed.config_file(), Session(self.root, ed.lang),
                    EditionIndex(self.root / "site" / ed.lang.code), citation.places(ed.loc, plan))
        steps = ", ".join(f"{k} {v:.2f}s" for k, v in times.items())
        return f"site built in {built:.2f}s (whole build: {reason}; {steps}): {self.root / 'site'}"

    def _update(self, plan: model.Plan, shown: str, waiting: Callable[[], bool], started: float) -> str:
        """Update the page the browser shows and publish it; then everything else, and publish."""
        said = []
        first = self._first(plan, shown)
        if first:
            said.append(f"{first} first, {time.perf_counter() - started:.2f}s")
            if waiting():
                return f"site updated in {time.perf_counter() - started:.2f}s ({said[0]}; the rest waits for the next save)"
        updates = [self._compare(ed) for ed in build.render_site(plan, self.root, False, self.log)]
        said.append(f"{_summary(self._publish(plan, updates, root_pages=True))} {time.perf_counter() - started:.2f}s")
        build.remember(self.published[lang.code].edition.loc for lang in LANGUAGES)
        return f"site updated in {time.perf_counter() - started:.2f}s ({'; then '.join(said)})"

    def _first(self, plan: model.Plan, shown: str) -> Optional[str]:
        """Rebuild and publish the page at the address `shown` alone, if the edit changed it; return its
        path in site/, or None if it did not change or cannot be done alone.

        Its Markdown is rendered with the PDF last published (looking for the right one takes the time
        of the whole plan's HTML; only the home and downloads pages show it, and the second step
        corrects them). A page that cannot be built without the others' new versions (an anchor
        renamed on both sides) waits for the second step, which builds all of them together.
        """
        code, _, rest = unquote(shown).strip("/").partition("/")
        before = self.published.get(code)
        src = before.session.source_of(_page_file(rest)) if before else None
        if before is None or src is None:
            return None
        [ed] = build.render_site(plan, self.root, False, self.log, (before.edition.lang,), only=src,
                                 pdfs={code: before.edition.pdf})
        if src not in ed.files or ed.config_file() != before.config:  # a new configuration: every page, in step 3
            return None
        data = ed.files[src].encode("utf-8")
        if data == before.docs[src]:
            return None
        holder = staging_folder(self.root)
        try:
            _replace(self.root / "docs" / code / src, data)
            with reproducible(plan.site.edition_date):
                [dest] = before.session.rebuild([src], holder)
            csp.apply_to(holder / dest)  # (its search records are cut in step 3: the reader waits for this page only)
            # one file: renamed over the published one (atomic), with no copy of site/ to make
            os.replace(holder / dest, self.root / "site" / code / dest)
        except BuildError:
            return None  # (the page differs from what was published: the next step rebuilds it)
        finally:
            shutil.rmtree(holder, ignore_errors=True)
        before.docs[src] = data
        before.unindexed.append(dest)
        return f"{code}/{dest}"

    def _compare(self, ed: build.Edition) -> Update:
        """What changed in `ed` since it was published; Whole if more than pages and files' contents."""
        before = self.published[ed.lang.code]
        docs = ed.docs()
        if docs.keys() != before.docs.keys():
            raise Whole(f"the {ed.lang.code} edition has files added or removed")
        if ed.config["nav"] != before.edition.config["nav"]:
            raise Whole(f"the navigation of the {ed.lang.code} edition changed")
        config = ed.config_file()
        return Update(ed, {name: data for name, data in docs.items() if before.docs[name] != data},
                      config if config != before.config else None)

    def _publish(self, plan: model.Plan, updates: list[Update], root_pages: bool) -> dict[str, list[str]]:
        """Write the changes into docs/ and a hard-linked copy of site/, then swap it in.

        Returns, per edition code ('' for the root), the files of site/ rewritten.
        """
        site = self.root / "site"
        holder = staging_folder(self.root)
        staging = holder / "site"
        written: dict[str, list[str]] = {}
        try:
            shutil.copytree(site, staging, copy_function=os.link)
            with reproducible(plan.site.edition_date):
                for update in updates:
                    written[update.edition.lang.code] = self._apply(plan, update, staging / update.edition.lang.code)
            if root_pages:
                editions = [self.published[lang.code].edition for lang in LANGUAGES]
                written[""] = _root_pages(plan, editions, staging)
            if any(written.values()):
                publish(staging, site)
                self.site = site_version(site)
        finally:
            shutil.rmtree(holder, ignore_errors=True)
        return written

    def _apply(self, plan: model.Plan, update: Update, out: Path) -> list[str]:
        """One edition's changes: docs/ files, pages rebuilt into `out`, search index, security policy."""
        ed, code = update.edition, update.edition.lang.code
        before = self.published[code]
        docs = self.root / "docs"
        for name, data in update.changed.items():
            _replace(docs / code / name, data)
        if update.config is not None:
            _replace(docs / f"mkdocs.{code}.yml", update.config.encode("utf-8"))
            session = Session(self.root, ed.lang)  # a new configuration: every page renders anew
            written = session.rebuild_all(out)
        else:
            session = before.session
            written = session.rebuild([name for name in update.changed if session.is_page(name)], out)
        for name in update.changed:
            if not session.is_page(name) and (dest := session.output(name)) is not None:
                _replace(out / dest, update.changed[name])
                written.append(dest)
        places = citation.places(ed.loc, plan)
        if written or places != before.places or before.unindexed:
            before.index.update(out, [*written, *(dest for dest in before.unindexed if dest not in written)])
            index = before.index.write(out, ed.lang.html_lang, lambda anchor: places.get(anchor, ""))
            written.append(index.relative_to(out).as_posix())
            for rel in written:
                if rel.endswith(".html"):
                    csp.apply_to(out / rel)
        self.published[code] = Published(ed, ed.docs(), update.config or before.config, session, before.index, places)
        return written


def _root_pages(plan: model.Plan, editions: list[build.Edition], staging: Path) -> list[str]:
    """Write the root pages that differ from those in `staging`; return their names."""
    written = []
    for name, html in build.root_pages(plan, editions).items():
        data = csp.add_policy(html).encode("utf-8")
        if (staging / name).read_bytes() != data:
            _replace(staging / name, data)
            written.append(name)
    return written


def _file_mode() -> int:
    """The permissions a new file gets here (as the whole build's files get them): 0o666 less the umask."""
    umask = os.umask(0o22)
    os.umask(umask)
    return 0o666 & ~umask


def _replace(path: Path, data: bytes) -> None:
    """Put `data` at `path` as a new file (renamed into place): a hard link to a published file, or a
    file MkDocs may be reading, is never written through. Not flushed to disk: docs/ and a staged
    site/ are rebuilt from data/ whenever they are lost."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(temporary, _file_mode())
    os.replace(temporary, path)


def _page_file(path: str) -> str:
    """The file of an edition that answers the address `path` (relative to the edition): ch5 → ch5/index.html."""
    path = path.strip("/")
    if path.endswith(".html"):
        return path
    return f"{path}/index.html" if path else "index.html"


def _summary(written: dict[str, list[str]]) -> str:
    files = [f"{code}/{rel}" if code else rel for code, rels in written.items() for rel in rels]
    if not files:
        return "nothing changed,"
    shown = ", ".join(files[:4]) + (f" and {len(files) - 4} more" if len(files) > 4 else "")
    return f"{len(files)} file(s) ({shown}) in"

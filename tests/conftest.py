"""Shared fixtures: a throw-away copy of the project, and the site built once per test run."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Optional

import pytest

from generator.build import build

from tests.helpers import REPO, repo_plan


def _shared() -> Optional[Path]:
    """The team's shared folder, if there is one: an optional extra, never needed.

    The project's own copy of the official text is source/plan-zh-hans.txt. When the shared folder
    is present (PLAN_SHARED_DIR, ../shared beside the checkout, or /work/shared), the tests also
    run its fidelity tool and check that the two copies of the text agree.
    """
    candidates = [Path(p) for p in (os.environ.get("PLAN_SHARED_DIR"),) if p]
    candidates += [REPO.parent / "shared", Path("/work/shared")]
    return next((path for path in candidates if (path / "tools" / "fidelity.py").is_file()), None)


SOURCE = REPO / "source" / "plan-zh-hans.txt"   # the official text, in the repository
SHARED = _shared()                                # None on a fresh fork


def make_project(tmp: Path) -> Path:
    """A project folder with its own copy of data/ (free to break) and the real code."""
    root = tmp / "project"
    root.mkdir()
    shutil.copytree(REPO / "data", root / "data")
    (root / "mkdocs.yml").symlink_to(REPO / "mkdocs.yml")
    (root / "generator").symlink_to(REPO / "generator")
    shutil.copytree(REPO / "schema", root / "schema")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path)


@pytest.fixture(scope="session")
def plan():
    """The repository's plan, loaded once (tests/helpers.py: repo_plan); read-only, shared by every test."""
    return repo_plan()


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The project root after one full build; the site is in <root>/site."""
    root = make_project(tmp_path_factory.mktemp("built"))
    build(root)
    return root


ARTIFACTS = REPO / "artifacts"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0–2.2 A and AA, plus axe's best practices (e.g. a name for every dialog, as Lighthouse checks)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def server(built):
    from tests.browser import serve

    with serve(built / "site") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import PLAYWRIGHT_FLAGS, chromium_path

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=PLAYWRIGHT_FLAGS)
        yield chromium
        chromium.close()


CSP_META = 'meta[http-equiv="Content-Security-Policy"]'


@pytest.fixture
def page(browser, request):
    """Opens pages the one way the tests do: `page(path, width=1280, scheme="light", height=900, ...)`
    returns a Playwright Page in a context of its own, under the page's Content-Security-Policy.

    `path` is relative to the site's server (the `server` fixture, asked for only then), or a full
    URL (a preview, a site served under a sub-path); None opens a blank page, for a test that goes
    somewhere itself. Options: `init` scripts (a Path or the script's text, run before the page's
    own: axe-core is loaded this way, which the CSP would refuse as a <script>), `before(page)`
    (listeners, a clock: set before the page loads), `wait_until`, `style` (CSS added once
    loaded), and any other keyword is Playwright's (permissions, java_script_enabled …).

    The CSP is never bypassed (bypass_csp is refused), and a page it opens must carry its policy,
    so what the tests see is what a reader's browser is allowed to do. Every context it opened is
    closed at teardown."""
    contexts = []

    def open_page(path=None, width=1280, scheme="light", height=900, *, init=(), before=None,
                  wait_until="load", style=None, **options):
        if options.pop("bypass_csp", False):
            raise ValueError("the tests run pages under their Content-Security-Policy: bypass_csp is not allowed")
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                      bypass_csp=False, **options)
        contexts.append(context)
        for script in ([init] if isinstance(init, (str, Path)) else init):
            if isinstance(script, Path):
                context.add_init_script(path=str(script))
            else:
                context.add_init_script(script)
        opened = context.new_page()
        if before is not None:
            before(opened)
        if path is not None:
            url = path if "://" in path else request.getfixturevalue("server") + path
            opened.goto(url, wait_until=wait_until)
            assert opened.locator(CSP_META).count() == 1, f"{url} carries no Content-Security-Policy"
            if style:
                opened.add_style_tag(content=style)
        return opened

    yield open_page
    for context in contexts:
        context.close()


def starts_chromium(item) -> bool:
    """The test uses the `browser` or the `page` fixture, directly or through another fixture (a
    parameter that is only named `page`, as in test_citation.py, is not the fixture)."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    return any(name in getattr(item, "fixturenames", ()) and name not in params for name in ("browser", "page"))


UNMARKED = ("this test starts Chromium but carries no `browser` marker, so `make test-fast` would start a "
            "browser after all: add `pytestmark = pytest.mark.browser` to its module (or mark the test)")


def pytest_collection_modifyitems(config, items) -> None:
    """A test that starts Chromium (through the `browser` or `page` fixture) must say so with the
    `browser` marker, or `make test-fast` would start a browser after all. Such a test is flagged
    here and fails at setup, before any fixture runs (pytest_runtest_setup): a failure with the
    reason, rather than a UsageError, because under pytest-xdist a worker's UsageError reaches the
    terminal only as an INTERNALERROR without its message."""
    for item in items:
        if starts_chromium(item) and not item.get_closest_marker("browser"):
            item.unmarked_browser = True
    # The tests marked `slow` first (the order is otherwise kept): started last, one of them would
    # run on alone while the other workers wait, which was the last 30 s of `make test-fast`.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item) -> None:
    """Fails a test flagged by pytest_collection_modifyitems before its fixtures start Chromium."""
    if getattr(item, "unmarked_browser", False):
        pytest.fail(UNMARKED, pytrace=False)

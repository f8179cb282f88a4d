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
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def server(built):
    from tests.browser import serve

    with serve(built / "site") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def pytest_collection_modifyitems(config, items) -> None:
    """A test that starts Chromium (through the `browser` or `page` fixture) must say so with the
    `browser` marker, or `make test-fast` would start a browser after all."""
    unmarked = [item.nodeid for item in items
                if "browser" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("browser")]
    if unmarked:
        raise pytest.UsageError("these tests start Chromium but carry no `browser` marker "
                                "(add `pytestmark = pytest.mark.browser`):\n  " + "\n  ".join(unmarked[:20]))

"""Shared fixtures: a throw-away copy of the project, and the site built once per test run."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.load import load_plan

REPO = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    """The team's shared folder (source text, fidelity tool): beside the checkout, or /work/shared."""
    candidates = [Path(p) for p in (os.environ.get("PLAN_SHARED_DIR"),) if p]
    candidates += [REPO.parent / "shared", Path("/work/shared")]
    for path in candidates:
        if (path / "source" / "plan-zh-hans.txt").is_file():
            return path
    raise RuntimeError("cannot find the shared folder with source/plan-zh-hans.txt: "
                       "set PLAN_SHARED_DIR to it")


SHARED = _shared()
SOURCE = SHARED / "source" / "plan-zh-hans.txt"
FIDELITY = SHARED / "tools" / "fidelity.py"


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
    return load_plan(REPO / "data")


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
    from .browser import serve

    with serve(built / "site") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()

"""Helpers shared by the tests."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from generator.model.languages import LANGUAGES
from generator.model.plan import Plan
from generator.read.load import load_plan
from generator.base.problems import DataError

REPO = Path(__file__).resolve().parent.parent


@functools.cache
def repo_plan() -> Plan:
    """The repository's data/, loaded once per test process. The session `plan` fixture returns it;
    a parametrize list that needs the plan at collection time (its ids) reads it here, so the data
    is loaded in this one place and never twice."""
    return load_plan(REPO / "data")


def page_path(code: str, page_id: str) -> str:
    """The address of a page of an edition, relative to the site's root ("en/ch4/", "en/" for the home page)."""
    return f"{code}/{'' if page_id == 'index' else page_id + '/'}"


def edition_pages() -> list[str]:
    """Every page of every edition: the home page, then the pages of site.yaml's `contents`."""
    return [page_path(lang.code, pid) for lang in LANGUAGES for pid in ["index", *repo_plan().site.contents]]


def all_pages() -> list[str]:
    """Every page a reader can open: the site's root, the 404 pages (the root's and each edition's)
    and every page of every edition."""
    return ["", "404.html", *(f"{lang.code}/404.html" for lang in LANGUAGES), *edition_pages()]


def visited_once(paths: list[str]) -> list:
    """`paths` as the parameters of tests that share one visit of each page (a `visit` function
    that keeps what it saw per worker: tests/chromium/test_pages.py, test_readers.py).

    Each page's tests are sent to the same pytest-xdist worker (an `xdist_group` per page, with
    `--dist loadgroup` in pytest.ini), so that a page is opened and walked once per run; spread
    over the workers, most pages were opened once by each of them."""
    return one_worker_each("page", {path: path for path in paths})


def one_worker_each(kind: str, values: dict[str, Any]) -> list:
    """`values` (id → value) as test parameters whose tests run on one pytest-xdist worker per value
    (an `xdist_group` named `kind`:id), so that what a worker caches about a value (a page's visit,
    a PDF's text layer) is worked out once per run, not once per worker."""
    return [pytest.param(value, id=name, marks=pytest.mark.xdist_group(f"{kind}:{name}"))
            for name, value in values.items()]


def edit(root: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {name}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems_of(root: Path) -> list[str]:
    """The problems loading `root`/data reports (it must report some)."""
    with pytest.raises(DataError) as err:
        load_plan(root / "data")
    return [str(p) for p in err.value.problems]


def line_of(root: Path, name: str, needle: str) -> int:
    """The 1-based line of data/`name` that contains `needle`."""
    lines = (root / "data" / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, l in enumerate(lines, 1) if needle in l)

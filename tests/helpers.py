"""Helpers shared by the tests."""
from pathlib import Path

import pytest

from generator.read.load import load_plan
from generator.base.problems import DataError


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

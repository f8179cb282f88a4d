"""Helpers shared by the tests."""
from pathlib import Path


def edit(root: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {name}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")

"""Which files of data/ are data files: one rule for the loader (which names a stray one) and the
preview's watcher (which must see it come and go, or the mistake it caused stays on the page)."""
from __future__ import annotations

from pathlib import Path

SUFFIXES = (".yaml", ".yml")


def is_data_file(name: str) -> bool:
    """Whether a file named `name` in data/ is one the site reads or the loader names as unread:
    YAML by its suffix, in any case ("Site.YAML" too), and not an editor's own file (".#name.yaml",
    a dot-file)."""
    return name.lower().endswith(SUFFIXES) and not name.startswith(".")


def data_files(data: Path) -> list[Path]:
    """The data files in the folder `data`, sorted by name (folders and editors' files left out)."""
    return sorted(p for p in data.iterdir() if is_data_file(p.name) and not p.is_dir())

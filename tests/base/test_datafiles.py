"""Which files of data/ are data files (generator/base/datafiles.py)."""
from __future__ import annotations

import pytest

from generator.base.datafiles import data_files, is_data_file

# (name, a data file?): the loader reads it or names it as unread; the preview watches it
NAMES = [("site.yaml", True), ("chapter-3.yml", True), ("Site.YAML", True), ("notes.Yml", True),
         (".#site.yaml", False), (".site.yaml.swp", False), ("site.yaml~", False), ("site.yaml.tmp", False),
         ("notes.txt", False), ("yaml", False)]


@pytest.mark.parametrize("name, expected", NAMES)
def test_a_data_file_is_yaml_by_its_suffix_and_not_an_editors_file(name, expected):
    assert is_data_file(name) is expected


def test_the_data_files_of_a_folder_leave_out_folders_and_other_files(tmp_path):
    for name, _ in NAMES:
        (tmp_path / name).write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "old.yaml").mkdir()
    assert [p.name for p in data_files(tmp_path)] == sorted(name for name, expected in NAMES if expected)

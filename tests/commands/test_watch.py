"""The preview's watcher (generator/commands/watch.py) and the builder's guards against half-saved
files (generator/incremental.py), without a browser."""
from __future__ import annotations

import os
import threading
import time

import pytest

from generator.base.problems import DataError
from generator.commands import watch
from generator.incremental import Preview, Superseded
from generator.commands.watch import Watcher, state

from tests.helpers import edit


@pytest.fixture(params=["inotify", "polling"])
def watcher(request, tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    if request.param == "polling":
        monkeypatch.setattr(watch, "_inotify", lambda folder: None)
    found = Watcher(tmp_path)
    if request.param == "inotify" and found.fd is None:
        pytest.skip("no inotify on this system")
    yield found
    found.close()


def test_a_save_is_seen_at_once_and_other_files_are_not(watcher):
    data = watcher.data
    assert watcher.wait(0.2) is False
    (data / ".a.yaml.swp").write_text("x", encoding="utf-8")  # an editor's own file
    (data / "notes.txt").write_text("x", encoding="utf-8")
    if watcher.fd is not None:  # (polling looks at *.yaml only, and at their contents)
        assert watcher.wait(0.2) is False
    started = time.monotonic()
    threading.Timer(0.1, lambda: (data / "a.yaml").write_text("a: 2\n", encoding="utf-8")).start()
    assert watcher.wait(5) is True
    assert time.monotonic() - started < (0.25 if watcher.fd is not None else 0.5)


@pytest.mark.parametrize("watcher", ["inotify"], indirect=True)
def test_a_file_still_being_written_is_not_a_save(watcher):
    """Only inotify can tell a file still open for writing; with polling, the builder's check of the
    bytes it read covers it (test_the_builder_publishes_nothing_from_bytes_other_than_the_saved_ones)."""
    data = watcher.data
    with open(data / "a.yaml", "w", encoding="utf-8") as half:
        half.write("a: ")
        half.flush()
        assert watcher.wait(0.3) is False, "half a file was taken for a save"
        half.write("3\n")
    assert watcher.wait(1) is True


def test_a_save_during_a_build_is_waiting_and_then_waited_for(watcher):
    (watcher.data / "a.yaml").write_text("a: 4\n", encoding="utf-8")
    deadline = time.monotonic() + 2
    while not watcher.waiting() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert watcher.waiting(), "a save was not noticed"
    assert watcher.waiting(), "asking consumed the save"
    assert watcher.wait(0.1) is True
    assert watcher.waiting() is False


# (a file's name, whether the loader reads it or names it as unread: base/datafiles.py)
NAMES = [("glosary.yml", True), ("Site.YAML", True), ("b.yaml", True), (".#a.yaml", False), ("notes.txt", False)]


@pytest.mark.parametrize("name, is_data", NAMES)
def test_a_data_file_coming_and_going_is_a_save_and_other_files_are_not(watcher, name, is_data):
    """A stray data file the loader names (a misspelt .yml) must be seen going too: else the
    mistake it caused stays on the open page after the maintainer deletes it."""
    path = watcher.data / name
    path.write_text("x: 1\n", encoding="utf-8")
    assert watcher.wait(2 if is_data else 0.3) is is_data
    path.unlink()
    assert watcher.wait(2 if is_data else 0.3) is is_data


def test_state_is_the_contents(tmp_path):
    (tmp_path / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    before = state(tmp_path)
    stat = (tmp_path / "a.yaml").stat()
    (tmp_path / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    os.utime(tmp_path / "a.yaml", ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time
    assert state(tmp_path) != before


@pytest.mark.slow
def test_the_builder_publishes_nothing_from_bytes_other_than_the_saved_ones(project):
    """The watcher saw one complete save; if the builder then reads other bytes (the next save has
    begun), it publishes nothing, even a mistake, and the next save's update follows."""
    builder = Preview(project, log=lambda line: None)
    builder.build()
    site = {p: p.read_bytes() for p in (project / "site").rglob("*.html")}
    saved = state(project / "data")
    edit(project, "chapter-5.yaml", "Establish a coordination system", "Establish (half")  # a save that began
    with pytest.raises(Superseded):
        builder.build("/en/ch5/", saved)
    edit(project, "chapter-5.yaml", "title:", "title:\n\t- x")  # half a save may be a mistake: not reported
    with pytest.raises(Superseded):
        builder.build("/en/ch5/", saved)
    assert {p: p.read_bytes() for p in (project / "site").rglob("*.html")} == site
    with pytest.raises(DataError):  # the same mistake, as saved: reported
        builder.build("/en/ch5/", state(project / "data"))
    edit(project, "chapter-5.yaml", "title:\n\t- x", "title:")
    edit(project, "chapter-5.yaml", "Establish (half", "Establish a coordination system (saved)")
    done: list[str] = []
    line = builder.build("/en/ch5/", state(project / "data"), waiting=lambda: bool(done) or done.append(1) is None)
    assert line.startswith("site updated") and "en/ch5/index.html first" in line, line
    assert "the rest waits for the next save" in line, line
    assert "(saved)" in (project / "site" / "en" / "ch5" / "index.html").read_text(encoding="utf-8")
    assert "(saved)" not in (project / "site" / "en" / "downloads" / "plan.json").read_text(encoding="utf-8")
    search = project / "site" / "en" / "search" / "plan-search.json"
    assert "(saved)" not in search.read_text(encoding="utf-8"), "the first page's search records wait for the rest"
    line = builder.build("/en/ch5/", state(project / "data"))
    assert "(saved)" in (project / "site" / "en" / "downloads" / "plan.json").read_text(encoding="utf-8"), line
    assert "(saved)" in search.read_text(encoding="utf-8"), "the page published first was left out of the search index"

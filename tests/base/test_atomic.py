"""The swap that publishes a folder, killed (SIGKILL) at every step: at each instant `site/` is
the old folder or the new one, complete, or it is missing and the next build's repair() puts a
complete one back. Both ways of swapping are tried: Linux's single atomic exchange
(renameat2 RENAME_EXCHANGE) and the two renames used where the kernel has no exchange."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.base.atomic import exchange, repair

from tests.conftest import REPO

FILES = 120  # enough that a kill while deleting the old folder lands in the middle of it

# A child process that publishes a build's staging folder as <root>/site and is killed at one point.
KILLER = """
import os, shutil, signal, sys
from pathlib import Path
from generator.base import atomic

point, root, way = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
die = lambda: os.kill(os.getpid(), signal.SIGKILL)
real_exchange, real_rename, real_rmtree = atomic.exchange, Path.rename, shutil.rmtree

if way == "two renames":
    atomic.exchange = lambda a, b: False          # a kernel without renameat2
elif point == "before the exchange":
    atomic.exchange = lambda a, b: die()
elif point == "after the exchange":
    atomic.exchange = lambda a, b: (real_exchange(a, b), die())

def rename(self, target):
    result = real_rename(self, target)
    if point == f"after the rename to {Path(target).name}":
        die()
    return result
Path.rename = rename

def rmtree(path, *args, **kwargs):                # dies halfway through deleting the old folder
    path = Path(path)
    if point == "while deleting the old folder" and path.is_dir():
        files = sorted(path.iterdir())
        for file in files[: len(files) // 2]:
            file.unlink()
        die()
    return real_rmtree(path, *args, **kwargs)
shutil.rmtree = rmtree

atomic.publish(root / ".staging-kill" / "site", root / "site")
"""

OLD, NEW, MISSING = "old", "new", "missing"

# (kill point, way of swapping, was there a site before, site/ when killed, site/ after repair)
CASES = [
    ("before the exchange", "exchange", True, OLD, OLD),
    ("after the exchange", "exchange", True, NEW, NEW),
    ("while deleting the old folder", "exchange", True, NEW, NEW),
    ("after the rename to site.new", "two renames", True, OLD, OLD),
    ("after the rename to site.old", "two renames", True, MISSING, NEW),
    ("after the rename to site", "two renames", True, NEW, NEW),
    ("while deleting the old folder", "two renames", True, NEW, NEW),
    ("after the rename to site.new", "two renames", False, MISSING, NEW),
]


def folder(path: Path, content: str) -> None:
    path.mkdir(parents=True)
    for n in range(FILES):
        (path / f"page{n:03}.html").write_text(f"{content} {n}", encoding="utf-8")


def state(site: Path) -> str:
    """"old" or "new" when `site` is that folder complete; "missing"; anything else fails."""
    if not site.exists():
        return MISSING
    contents = {p.name: p.read_text(encoding="utf-8") for p in site.iterdir()}
    for name in (OLD, NEW):
        if contents == {f"page{n:03}.html": f"{name} {n}" for n in range(FILES)}:
            return name
    raise AssertionError(f"site/ is neither the old nor the new folder: {sorted(contents.values())[:5]} …")


def test_the_kernel_here_swaps_in_one_step(tmp_path):
    """On Linux the exchange is what publishes; if it silently fell back, half the table below
    would test the fallback twice."""
    (tmp_path / "a").write_text("a")
    (tmp_path / "b").write_text("b")
    assert exchange(tmp_path / "a", tmp_path / "b") is (sys.platform == "linux")
    if sys.platform == "linux":
        assert (tmp_path / "a").read_text() == "b" and (tmp_path / "b").read_text() == "a"


@pytest.mark.parametrize("point,way,previous,when_killed,after_repair", CASES,
                         ids=[f"{way}: {point}{'' if previous else ' (first build)'}"
                              for point, way, previous, *_ in CASES])
def test_a_kill_during_the_swap_leaves_a_whole_site_or_one_repair_restores(
        tmp_path, point, way, previous, when_killed, after_repair):
    if previous:
        folder(tmp_path / "site", OLD)
    folder(tmp_path / ".staging-kill" / "site", NEW)
    killed = subprocess.run([sys.executable, "-c", KILLER, point, str(tmp_path), way], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9, f"the kill point was never reached: {killed.stderr}"
    assert state(tmp_path / "site") == when_killed

    done = repair(tmp_path)
    assert state(tmp_path / "site") == after_repair
    assert (done != []) == (when_killed == MISSING)
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name != "site")
    assert leftovers == [], f"left beside site/ after the repair: {leftovers}"

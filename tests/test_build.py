"""Builds that never lose or half-publish the site: one build at a time (a lock), each staged in
its own folder, an atomic swap (or one repaired by the next build), and a preview that survives
builds beside it (its failed rebuilds: tests/commands/test_preview.py); and builds that remember
their Hong Kong conversions whole."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from generator.base.atomic import build_lock, repair

from tests.browser import preview
from tests.conftest import REPO
from tests.helpers import edit

CSP = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\''


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args, "--root", str(root)],
                          capture_output=True, text=True, cwd=REPO, timeout=900)


def files(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}


def assert_complete(site: Path, reference: Path) -> None:
    """The same files as a build made alone, and every page with its Content-Security-Policy."""
    assert files(site) == files(reference)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 38  # 12 pages × 3 editions, the root and the 404 page
    missing = [str(p.relative_to(site)) for p in pages if CSP not in p.read_text(encoding="utf-8")]
    assert missing == [], f"pages without their Content-Security-Policy: {missing}"


def test_a_second_build_exits_at_once_naming_the_running_one(project):
    with build_lock(project):  # held until the second build has ended: had it waited, it would time out
        result = run(project, "build", "--no-wait")
    assert result.returncode == 1
    assert result.stderr.strip() == f"another build is running (pid {os.getpid()})"
    assert not (project / "site").exists()


def test_a_second_build_waits_for_the_first(project):
    output: list[str] = []
    with build_lock(project):
        process = subprocess.Popen([sys.executable, "-m", "generator", "check", "--root", str(project)], cwd=REPO)
        process.wait()  # `check` takes no lock: it reads only
        waiting = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
            from pathlib import Path
            from generator.base.atomic import build_lock
            with build_lock(Path({str(project)!r})):
                print("got the lock", flush=True)
            """)], cwd=REPO, stdout=subprocess.PIPE, text=True)
        reader = threading.Thread(target=lambda: output.extend(waiting.stdout), daemon=True)
        reader.start()
        deadline = time.monotonic() + 30
        while not output and time.monotonic() < deadline:  # until it says it waits
            time.sleep(0.05)
        time.sleep(0.3)
        assert waiting.poll() is None and "got the lock\n" not in output
    assert waiting.wait(30) == 0
    reader.join(5)
    assert output == [f"another build is running (pid {os.getpid()}): waiting for it to finish\n", "got the lock\n"]


@pytest.mark.slow
def test_two_builds_and_a_preview_rebuild_at_once_publish_a_complete_site(project, built):
    """`make` twice and a save under `make serve`, all at the same moment: every build succeeds
    in turn, the preview survives, and the site is whole (every page with its CSP)."""
    with preview(project) as (url, server):
        log: list[str] = []
        threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()
        builds = [subprocess.Popen([sys.executable, "-m", "generator", "build", "--root", str(project)],
                                   cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                  for _ in range(2)]
        time.sleep(0.4)
        # an interface string the PDFs do not show: the builds make no PDF (their making is not what is tested)
        edit(project, "site.yaml", "    en: Skip to the main content", "    en: Skip to the main content (edited)")
        outputs = [b.communicate(timeout=600)[0] for b in builds]
        assert [b.returncode for b in builds] == [0, 0], outputs
        assert any("another build is running (pid" in out for out in outputs), outputs
        deadline = time.monotonic() + 300  # (the preview's first build was read by preview())
        # the preview updates only what changed, or builds everything if a `make` replaced site/ first
        done = ("site built in", "site updated in")
        while not any(line.startswith(done) for line in log) and time.monotonic() < deadline:
            assert server.poll() is None, "".join(log)
            time.sleep(0.5)
        assert any(line.startswith(done) for line in log), "the preview did not rebuild: " + "".join(log)
        assert server.poll() is None, "the preview must outlive builds that run beside it"
        assert not any("Traceback" in line or "failed" in line for line in log), "".join(log)
    assert_complete(project / "site", built / "site")
    assert "Skip to the main content (edited)" in (project / "site" / "en" / "notice" / "index.html").read_text(
        encoding="utf-8")
    assert sorted(p.name for p in project.iterdir() if p.name.startswith((".staging-", "site.", "docs."))) == []


KILL_BETWEEN_RENAMES = """
import os, signal, sys
from pathlib import Path
from generator import build
from generator.base import atomic

atomic.exchange = lambda a, b: False          # a system without renameat2: two renames
rename = Path.rename
def rename_then_die(self, target):
    result = rename(self, target)
    if Path(target).name == "site.old":        # the old site is moved away, the new not yet in place
        os.kill(os.getpid(), signal.SIGKILL)
    return result
Path.rename = rename_then_die
build.build(Path(sys.argv[1]), make_pdfs=False)  # the swap is tested, not a PDF of the edited text
"""


@pytest.mark.slow
def test_a_build_killed_during_the_swap_is_repaired_by_the_next(project, built):
    shutil.copytree(built / "site", project / "site")
    edit(project, "closing.yaml", "Copy to: General Office", "Copy to (new): General Office")
    killed = subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, str(project)], cwd=REPO,
                            capture_output=True, text=True)
    assert killed.returncode == -9, killed.stderr
    assert not (project / "site").exists()
    assert (project / "site.new").is_dir() and (project / "site.old").is_dir()

    # the next build fails on a mistake in the data, but first puts the complete new site in place
    edit(project, "closing.yaml", "lines:", "lines:\n\t- x")
    result = run(project, "build")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == ("site/ was restored from site.new/ (a build was stopped while "
                                             "publishing)")
    assert result.stderr.strip().endswith("nothing was built; the previous site/ is unchanged.")
    assert_complete(project / "site", built / "site")
    assert "Copy to (new): General Office" in (project / "site" / "en" / "notice" / "index.html").read_text(
        encoding="utf-8")
    assert not (project / "site.new").exists() and not (project / "site.old").exists()


def test_repair_falls_back_to_the_old_site_and_removes_abandoned_staging(tmp_path):
    (tmp_path / "site.old").mkdir()
    (tmp_path / "site.old" / "index.html").write_text("old")
    (tmp_path / ".staging-abc" / "site").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs.new").mkdir()
    assert repair(tmp_path) == ["site/ was restored from site.old/ (a build was stopped while publishing)"]
    assert (tmp_path / "site" / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "site"]


@pytest.mark.slow
def test_a_build_killed_while_mkdocs_runs_leaves_the_site_and_no_staging(project, built):
    shutil.copytree(built / "site", project / "site")
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", "--root", str(project)], cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(project.glob(".staging-*/site")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, 9)
    process.wait()
    assert_complete(project / "site", built / "site")
    assert run(project, "build", "--no-wait").returncode == 0
    assert list(project.glob(".staging-*")) == []


@pytest.mark.slow
def test_a_relative_root_builds_the_same_site(project, built):
    """`--root .` from the project folder: every path is made absolute first (MkDocs reads its
    configuration from a folder of its own, where a relative path points elsewhere)."""
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", "."], cwd=project,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    assert_complete(project / "site", built / "site")
    assert list(project.rglob(".staging-*")) == []


@pytest.mark.slow
def test_a_second_build_of_the_same_data_converts_nothing(project, tmp_path, monkeypatch):
    """The first build stores every Hong Kong conversion it made, the root pages' and search records'
    included, so the next one finds them all and never loads the segmenter (0.7 s a build)."""
    from generator.base import cache
    from generator.build import build
    from generator.derive.hongkong.convert import HongKongConverter

    monkeypatch.setattr(cache, "FOLDER", tmp_path / "cache")
    build(project, log=lambda line: None, make_pdfs=False)

    def converted(self, text):
        raise AssertionError(f"converted again: {text}")

    monkeypatch.setattr(HongKongConverter, "__call__", converted)
    build(project, log=lambda line: None, make_pdfs=False)

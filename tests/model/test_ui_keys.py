"""Interface strings: every key the code reads from `ui:` in data/site.yaml is required by the
loader, so a maintainer who deletes or misspells one gets `data/site.yaml:LINE: …`, never a
KeyError traceback from the middle of a build."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from generator.model import plan as model
from generator.build import render_editions
from generator.read.load import _check_site
from generator.read.yamlfile import read

from tests.conftest import REPO

SOURCES = [p for p in (REPO / "generator").rglob("*") if p.suffix in (".py", ".j2", ".html", ".js")]
# loc.ui("key"), ui('key'), ui["key"] (Python, Jinja) and ui.key (Jinja, config.extra.ui.key)
READS = re.compile(r"""\bui\(\s*["']([a-z0-9_]+)["']|\bui\[\s*["']([a-z0-9_]+)["']|\bui\.([a-z0-9_]+)""")


def keys_read_in_the_source() -> set[str]:
    found = {key for path in SOURCES for groups in READS.findall(path.read_text(encoding="utf-8"))
             for key in groups if key}
    return {key for key in found if not hasattr(dict, key)}  # ui.items() is not a string


class Recording(dict):
    """The `ui` table, noting every key read."""

    def __init__(self, table: dict) -> None:
        super().__init__(table)
        self.read: set[str] = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)


def test_every_key_named_in_the_source_is_required():
    found = keys_read_in_the_source()
    assert len(found) > 100
    assert sorted(found - model.UI_KEYS) == []


def test_every_key_read_while_rendering_the_editions_is_required(plan):
    """Keys built at run time (status_{status}, progress_rule_{n}, …) are caught here."""
    recording = Recording(plan.site.ui)
    site = plan.site.model_copy(update={"ui": recording})
    render_editions(plan.model_copy(update={"site": site}))
    assert len(recording.read) > 100
    assert sorted(recording.read - model.UI_KEYS) == []


def test_every_required_key_is_in_the_data(plan):
    assert sorted(model.UI_KEYS - plan.site.ui.keys()) == []


@pytest.mark.parametrize("key", sorted(model.UI_KEYS))
def test_a_missing_key_is_named_with_its_file_and_line(plan, key):
    src = read(REPO / "data" / "site.yaml", "data/site.yaml", [])
    site = plan.site.model_copy(update={"ui": {k: v for k, v in plan.site.ui.items() if k != key}})
    messages = [str(p) for p in _check_site(site, src)]
    assert messages == [f"data/site.yaml:{src.line_of(('ui',))}: the interface string `{key}` is missing under "
                        "`ui`: add it with its zh-Hans and en text"]


def test_a_build_without_a_theme_string_stops_with_a_message(project):
    """The case that used to end in `KeyError: 'skip_link'` deep inside the build."""
    path = project / "data" / "site.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  skip_link:\n")
    end = text.index("\n  ", text.index("    en:", start)) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)],
                            capture_output=True, text=True, cwd=REPO, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "the interface string `skip_link` is missing under `ui`" in result.stderr + result.stdout
    assert not (project / "site").exists()

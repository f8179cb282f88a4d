"""`python -m generator translated ID` keeps every byte of a data file except the fingerprint line,
whatever the file's layout (CRLF line endings, 4-space indentation, flow-style English blocks),
refuses a layout it cannot keep without writing anything, and replaces the file atomically."""
from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.read.load import load_plan
from generator.read.translation import is_stale, source_hash

from tests.conftest import REPO
from tests.helpers import edit

CHANGED_FROM = "探索设立党政机关 CIO（首席信息官）制度"
CHANGED_TO = "探索设立党政机关首席信息官制度"
EN_BLOCK = """        en:
          source: "1067b5d0"
          text: """


def translated(root: Path, *ids: str, process: bool = False) -> subprocess.CompletedProcess:
    """`python -m generator translated IDS --root ROOT`: run in this process by default (the command
    line's own main(), its output captured, SystemExit as Python reports it), since starting Python
    for each layout cost a third of this file's time; process=True runs it as a maintainer does."""
    argv = ["translated", *ids, "--root", str(root)]
    if process:
        return subprocess.run([sys.executable, "-m", "generator", *argv], capture_output=True, text=True, cwd=REPO)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 1
            if isinstance(stop.code, str):
                print(stop.code, file=sys.stderr)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def new_fingerprint(root: Path) -> str:
    plan = load_plan(root / "data")
    paragraph = plan.chapters[4].sections[0].paragraphs[0]
    assert is_stale(paragraph)
    return source_hash(paragraph)


def reindent(text: str, mapping: int, sequence: int, offset: int) -> str:
    """The same YAML written with another indentation (comments and quotes kept)."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 10 ** 9
    data = yaml.load(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def only_changed_line(before: bytes, after: bytes, newline: bytes) -> tuple[bytes, bytes]:
    """The one line that differs; every other byte, line endings included, must be the same."""
    a, b = before.split(newline), after.split(newline)
    assert len(a) == len(b), "lines were added or removed"
    changed = [(x, y) for x, y in zip(a, b) if x != y]
    assert len(changed) == 1, changed
    return changed[0]


def test_crlf_file_keeps_every_byte_but_the_fingerprint(project):
    path = project / "data" / "chapter-5.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    edit_bytes(path, CHANGED_FROM, CHANGED_TO)
    fingerprint = new_fingerprint(project)
    before = path.read_bytes()
    run = translated(project, "ch5-s1-p1", process=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "recorded the current Chinese for 1 English block(s)"
    after = path.read_bytes()
    assert after.count(b"\r\n") == before.count(b"\r\n") and b"\n" not in after.replace(b"\r\n", b"")
    old, new = only_changed_line(before, after, b"\r\n")
    assert old == b'          source: "1067b5d0"' and new == f'          source: "{fingerprint}"'.encode()
    assert not is_stale(load_plan(project / "data").chapters[4].sections[0].paragraphs[0])


def edit_bytes(path: Path, old: str, new: str) -> None:
    raw = path.read_bytes()
    assert old.encode() in raw
    path.write_bytes(raw.replace(old.encode(), new.encode(), 1))


@pytest.mark.parametrize("mapping,sequence,offset", [(4, 6, 4), (4, 4, 2), (4, 4, 0)])
def test_four_space_indentation_is_kept(project, mapping, sequence, offset):
    path = project / "data" / "chapter-5.yaml"
    path.write_text(reindent(path.read_text(encoding="utf-8"), mapping, sequence, offset), encoding="utf-8")
    edit(project, "chapter-5.yaml", CHANGED_FROM, CHANGED_TO)
    fingerprint = new_fingerprint(project)
    before = path.read_bytes()
    assert b"\n    id: ch5" not in before and b"\n    number:" in before  # really 4-space mappings
    run = translated(project, "ch5-s1-p1")
    assert run.returncode == 0, run.stderr
    old, new = only_changed_line(before, path.read_bytes(), b"\n")
    assert old.strip() == b'source: "1067b5d0"' and new.strip() == f'source: "{fingerprint}"'.encode()
    assert len(old) - len(old.lstrip()) == len(new) - len(new.lstrip())


def test_flow_style_english_block_is_edited_in_place(project):
    path = project / "data" / "chapter-5.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(EN_BLOCK)
    end = text.index("\n", text.index("status: reviewed", start))
    block = text[start:end]
    english = block.split("text: ", 1)[1].split("\n", 1)[0]
    # a flow-style block without `source`: the fingerprint is added inside the braces
    path.write_text(text[:start] + f"        en: {{text: {english}, status: reviewed}}" + text[end:], encoding="utf-8")
    edit(project, "chapter-5.yaml", CHANGED_FROM, CHANGED_TO)
    before = path.read_bytes()
    run = translated(project, "ch5-s1-p1")
    assert run.returncode == 0, run.stderr
    plan = load_plan(project / "data")
    paragraph = plan.chapters[4].sections[0].paragraphs[0]
    old, new = only_changed_line(before, path.read_bytes(), b"\n")
    assert new.decode() == (f'        en: {{source: "{source_hash(paragraph)}", text: {english}, '
                            "status: reviewed}")
    assert not is_stale(paragraph)
    # stamped again after another change: the value is replaced inside the braces
    edit(project, "chapter-5.yaml", CHANGED_TO, CHANGED_FROM)
    before = path.read_bytes()
    assert translated(project, "ch5-s1-p1").returncode == 0
    old, new = only_changed_line(before, path.read_bytes(), b"\n")
    assert new.decode() == f'        en: {{source: "1067b5d0", text: {english}, status: reviewed}}'


def test_a_layout_it_cannot_keep_is_refused_without_writing(project):
    path = project / "data" / "chapter-5.yaml"
    # one English block indented by 4 in a file indented by 2: valid YAML that no editor setting reproduces
    edit(project, "chapter-5.yaml", EN_BLOCK, '        en:\n            source: "1067b5d0"\n            text: ')
    edit(project, "chapter-5.yaml", "\n          status: reviewed\n  - id: ch5-s2",
         "\n            status: reviewed\n  - id: ch5-s2")
    edit(project, "chapter-5.yaml", CHANGED_FROM, CHANGED_TO)
    before = path.read_bytes()
    fingerprint = new_fingerprint(project)
    run = translated(project, "ch5-s1-p1")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "data/chapter-5.yaml:1: this file's layout cannot be kept by an automatic edit (e.g. uneven indentation): "
        f'nothing was written; add by hand: `source: "{fingerprint}"` in the `en:` of ch5-s1-p1',
        "the file(s) named above were left as they were"]
    assert path.read_bytes() == before


LINE_ENDINGS = [
    # (how the file's line endings are changed, the line named, what the message says they are)
    ("three CRLF in an LF file", lambda raw: raw.replace(b"\n", b"\r\n", 3), 4, "CRLF and LF"),
    ("CR only (classic Mac)", lambda raw: raw.replace(b"\n", b"\r"), 1, "CR only (old Mac)"),
]


@pytest.mark.parametrize("change,line,kinds", [c[1:] for c in LINE_ENDINGS], ids=[c[0] for c in LINE_ENDINGS])
def test_mixed_line_endings_are_refused_without_writing(project, change, line, kinds):
    path = project / "data" / "chapter-5.yaml"
    edit_bytes(path, CHANGED_FROM, CHANGED_TO)
    path.write_bytes(change(path.read_bytes()))
    before = path.read_bytes()
    run = translated(project, "ch5-s1-p1")
    assert run.returncode == 1
    assert f"data/chapter-5.yaml:{line}: the file's line endings are {kinds}: nothing was written; save it with " \
           "LF (or CRLF) line endings" in run.stderr.splitlines()
    assert path.read_bytes() == before


def test_the_file_is_replaced_atomically(project, monkeypatch):
    """Killed while writing, the data file is the old one, whole: the text goes to a temporary file first."""
    from generator.base import atomic
    from generator.commands.stamp import stamp

    edit(project, "chapter-5.yaml", CHANGED_FROM, CHANGED_TO)
    path = project / "data" / "chapter-5.yaml"
    before = path.read_bytes()

    def killed(fd: int) -> None:  # the moment the data is being flushed to disk
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", killed)
    with pytest.raises(KeyboardInterrupt):
        stamp(project / "data", ["ch5-s1-p1"])
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []


def test_unknown_id_writes_nothing(project):
    before = {p.name: p.read_bytes() for p in (project / "data").glob("*.yaml")}
    run = translated(project, "ch5-s1-p1", "no-such-id", process=True)
    assert run.returncode == 1
    assert run.stderr.strip().startswith("unknown id(s): no-such-id ")
    assert {p.name: p.read_bytes() for p in (project / "data").glob("*.yaml")} == before


def test_a_line_the_yaml_editor_cannot_read_is_refused_without_writing(project):
    """A tab after `source:` passes `make check` (PyYAML) but not ruamel.yaml: a message, not a traceback."""
    path = project / "data" / "chapter-5.yaml"
    edit(project, "chapter-5.yaml", EN_BLOCK, '        en:\n          source:\t"1067b5d0"\n          text: ')
    edit(project, "chapter-5.yaml", CHANGED_FROM, CHANGED_TO)
    before = path.read_bytes()
    line = before.decode("utf-8").split("\n").index('          source:\t"1067b5d0"') + 1
    run = translated(project, "ch5-s1-p1")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[0].startswith(f"data/chapter-5.yaml:{line}: the YAML editor cannot read this line (")
    assert run.stderr.splitlines()[0].endswith("): write it with spaces only; nothing was written")
    assert path.read_bytes() == before


def test_a_symbolic_link_stays_a_link_to_the_edited_file(project, tmp_path):
    elsewhere = tmp_path / "kept-elsewhere.yaml"
    path = project / "data" / "chapter-5.yaml"
    path.replace(elsewhere)
    path.symlink_to(elsewhere)
    edit_bytes(elsewhere, CHANGED_FROM, CHANGED_TO)
    fingerprint = new_fingerprint(project)
    assert translated(project, "ch5-s1-p1").returncode == 0
    assert path.is_symlink() and path.resolve() == elsewhere
    assert f'source: "{fingerprint}"' in elsewhere.read_text(encoding="utf-8")


def test_a_read_only_file_is_refused_without_writing(project):
    path = project / "data" / "chapter-5.yaml"
    edit(project, "chapter-5.yaml", CHANGED_FROM, CHANGED_TO)
    before = path.read_bytes()
    path.chmod(0o444)  # root may write it anyway: the command must ask first
    try:
        run = translated(project, "ch5-s1-p1")
    finally:
        path.chmod(0o644)
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == ("data/chapter-5.yaml:1: the file is read-only: make it writable (chmod u+w) "
                                          "and run the command again; nothing was written")
    assert path.read_bytes() == before

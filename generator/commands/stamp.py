"""`python -m generator translated ID … | --all`: record that English blocks were re-checked.

Each English block stores `source:`, a fingerprint of the Chinese it translates. After a
maintainer has re-read a stale translation against the changed Chinese, this command writes
the current fingerprint, so the block is no longer reported as stale.

The files are edited with ruamel.yaml's round-trip mode (it keeps comments, key order, quoting
and flow style, which text surgery cannot do safely for every layout a maintainer may write),
and then checked: the result must parse to the same data plus the fingerprints, and differ from
the original only in the lines that carry them. A file whose layout ruamel.yaml would change
(an indentation it cannot reproduce, mixed line endings, …) is refused and left untouched.
Each file is replaced atomically (temporary file in the same folder, then rename) with its own
line endings (LF or CRLF) and byte order mark.
"""
from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..base import atomic
from ..derive.hongkong.convert import check_overrides
from ..read.load import load_plan
from ..base.problems import DataError, Problem
from ..read.translation import objects as translation_objects
from ..read.translation import source_hash

# files without English blocks of the plan or the site's pages
_SKIP = ("site.yaml", "terms.yaml", "indicators.yaml", "hk-overrides.yaml")
_BOM = "\ufeff"


def stamp(data_dir: Path, ids: list[str] | None) -> list[str]:
    """Write the current fingerprint into the English of `ids` (all English blocks if None).

    Returns the ids stamped, in file order. Raises DataError (nothing written to the file
    concerned) for invalid data, an unknown id, or a file whose layout cannot be kept.
    """
    plan = load_plan(data_dir)
    check_overrides(plan, data_dir)
    objects = {ident: obj for _, ident, obj, _ in translation_objects(plan, editorial=True)
               if getattr(obj, "en", None)}
    wanted = set(objects) if ids is None else set(ids)
    unknown = sorted(wanted - set(objects))
    if unknown:
        raise SystemExit(f"unknown id(s): {', '.join(unknown)} (not a paragraph, heading or term with English: "
                         "check the id, which ends the paragraph's ¶ link); nothing was written")
    hashes = {ident: source_hash(objects[ident]) for ident in wanted}
    done: list[str] = []
    problems: list[Problem] = []
    for path in sorted(p for p in data_dir.glob("*.yaml") if p.name not in _SKIP):
        try:
            done += _stamp_file(path, f"{data_dir.name}/{path.name}", hashes)
        except _Refused as refused:
            problems.append(refused.problem)
    if problems:
        raise DataError(problems)
    return done


class _Refused(Exception):
    def __init__(self, name: str, line: int, message: str):
        super().__init__(message)
        self.problem = Problem(name, line, message)


@dataclass
class _Layout:
    """How a file is written, so that it can be written the same way again."""

    newline: str
    bom: bool
    mapping: int
    sequence: int
    offset: int


def _yaml(layout: _Layout | None = None):
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000_000  # never fold a long line
    if layout:
        yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    return yaml


def _dump(yaml, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _layout(text: str, name: str) -> tuple[_Layout, Any]:
    """The indentation that ruamel.yaml must use to write `text` back unchanged, and its data."""
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    try:
        _, sequence, offset = load_yaml_guess_indent(text)
    except YAMLError as err:
        raise _Refused(name, 1, f"the file cannot be read as YAML ({err.__class__.__name__}): run `make check`") from None
    offset = offset or 0
    for mapping in dict.fromkeys((2, sequence, 4, 3)):
        for seq, off in dict.fromkeys(((sequence, offset), (mapping, 0), (mapping + 2, 2))):
            layout = _Layout("\n", False, mapping, seq, off)
            yaml = _yaml(layout)
            data = yaml.load(text)
            if _dump(yaml, data) == text:
                return layout, data
    raise _Refused(name, 1, "this file's layout cannot be kept by an automatic edit (e.g. uneven indentation): "
                   "nothing was written")


def _decode(raw: bytes, name: str) -> tuple[str, str, bool]:
    bom = raw.startswith(_BOM.encode())
    text = raw.decode("utf-8-sig")
    crlf, lf = text.count("\r\n"), text.count("\n")
    if crlf and crlf != lf or "\r" in text.replace("\r\n", ""):
        lines = text.split("\n")
        line = next((i for i, l in enumerate(lines[:-1], 1) if l.endswith("\r") != lines[0].endswith("\r")
                     or "\r" in l.rstrip("\r")), 1)
        kinds = "CR only (old Mac)" if not lf else "CRLF and LF" if crlf else "CR and LF"
        raise _Refused(name, line, f"the file's line endings are {kinds}: nothing was written; save it with LF "
                       "(or CRLF) line endings")
    newline = "\r\n" if crlf else "\n"
    return text.replace("\r\n", "\n"), newline, bom


def _english_blocks(data: Any, front: bool) -> Iterator[tuple[str, Any]]:
    """(id, en mapping) of every English block in a file's data."""
    if front and isinstance(data, dict) and isinstance(data.get("en"), dict):
        yield "front", data["en"]
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("id"), str) and isinstance(node.get("en"), dict):
                yield node["id"], node["en"]
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))


def _stamp_file(path: Path, name: str, hashes: dict[str, str]) -> list[str]:
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    raw = path.read_bytes()
    text, newline, bom = _decode(raw, name)
    try:
        document = _yaml().load(text)
    except YAMLError as err:  # e.g. a tab after `key:`, which the loader of `make check` accepts
        mark = getattr(err, "problem_mark", None)
        raise _Refused(name, mark.line + 1 if mark else 1, "the YAML editor cannot read this line "
                       f"({getattr(err, 'problem', None) or err.__class__.__name__}): write it with spaces only; "
                       "nothing was written") from None
    targets = [(ident, en) for ident, en in _english_blocks(document, path.name == "front.yaml")
               if ident in hashes]
    changes = [(ident, en) for ident, en in targets if str(en.get("source")) != hashes[ident]]
    if not changes:
        return [ident for ident, _ in targets]
    by_hand = "; ".join(f'`source: "{hashes[i]}"` in the `en:` of {i}' for i, _ in changes)
    try:
        layout, data = _layout(text, name)
    except _Refused as refused:
        raise _Refused(name, refused.problem.line, f"{refused.problem.message}; add by hand: {by_hand}") from None
    changes = [(ident, en) for ident, en in _english_blocks(data, path.name == "front.yaml")
               if ident in hashes and str(en.get("source")) != hashes[ident]]
    for ident, en in changes:
        # quoted as before ('…' stays '…'); a fingerprint is always quoted (8 digits would read as a number)
        quote = SingleQuotedScalarString if isinstance(en.get("source"), SingleQuotedScalarString) \
            else DoubleQuotedScalarString
        if "source" in en:
            en["source"] = quote(hashes[ident])
        else:
            en.insert(0, "source", quote(hashes[ident]))
    new = _dump(_yaml(layout), data)
    try:
        _check_only_fingerprints_changed(text, new, {hashes[i] for i, _ in changes}, name)
    except _Refused as refused:
        raise _Refused(name, refused.problem.line, f"{refused.problem.message}; add by hand: {by_hand}") from None
    out = (_BOM if bom else "") + new.replace("\n", newline)
    if not path.stat().st_mode & 0o222:
        raise _Refused(name, 1, "the file is read-only: make it writable (chmod u+w) and run the command "
                       "again; nothing was written")
    atomic.write_bytes(path, out.encode("utf-8"))
    return [ident for ident, _ in targets]


def _check_only_fingerprints_changed(old: str, new: str, fingerprints: set[str], name: str) -> None:
    """Refuse an edit that would change any line other than those carrying a new fingerprint."""
    a, b = old.split("\n"), new.split("\n")
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        added = b[j1:j2]
        carries = all(any(f in line for f in fingerprints) and "source" in line for line in added)
        if tag == "insert" and carries or tag == "replace" and i2 - i1 == j2 - j1 and carries:
            continue
        raise _Refused(name, i1 + 1, "recording the fingerprint here would change other lines of this file "
                       "(its layout is one the YAML editor cannot keep): nothing was written")

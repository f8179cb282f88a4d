"""Read one YAML data file into plain Python values plus the line of every value.

PyYAML's own loader forgets where a value came from and silently keeps the last of two
duplicate keys. Validation messages must point at a line, and a duplicated key is almost
always an editing mistake, so we compose the node tree ourselves and keep positions.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

Path_ = tuple[str | int, ...]
# libyaml's loader when PyYAML was built with it (17× faster on a chapter file), else pure Python
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlFile:
    """A parsed file: its values, and the 1-based line of each value by its key path."""

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    digest: bytes = b""  # SHA-256 of the file's bytes: results that depend only on them can be reused

    def line_of(self, path: Path_) -> int:
        """The line of the deepest value on `path` that exists (a missing key → its parent)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def read(path: Path, name: str, problems: list[Problem]) -> YamlFile | None:
    """Parse `path`; on failure add a problem and return None."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a BOM is accepted silently
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.append(Problem(name, line, "the file is not UTF-8 text: save it with UTF-8 encoding"))
        return None
    if not text.strip() or all(not l.strip() or l.lstrip().startswith("#") for l in text.splitlines()):
        problems.append(Problem(name, 1, "the file is empty: it must contain the data described in its header comment"))
        return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        result = YamlFile(name, None, digest=hashlib.sha256(raw).digest())
        result.data = _convert(loader, node, (), result, problems)
        return result
    except yaml.MarkedYAMLError as err:
        problems.append(_syntax_problem(name, err, text))
        return None
    finally:
        loader.dispose()


def _convert(loader: yaml.SafeLoader, node: yaml.Node, path: Path_, out: YamlFile,
             problems: list[Problem]) -> Any:
    out.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                problems.append(Problem(out.name, key_node.start_mark.line + 1,
                                        f"the key `{key}` appears twice here: keep one"))
                continue
            result[key] = _convert(loader, value_node, path + (key,), out, problems)
            out.lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, path + (i,), out, problems) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


# a value that opens a quote and does not close it on its line (our texts are one line each)
_OPENS_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(?:"(?:[^"\\]|\\.)*|'(?:[^']|'')*)\s*$""")


def _unclosed_quote_before(lines: list[str], line: int) -> int | None:
    """The last line before `line` whose quoted value is not closed on it, if any.

    An unclosed quote runs on into the next lines, so PyYAML stops later, at a line that looks
    fine; the line to fix is where the quote opened.
    """
    for number in range(min(line, len(lines)), 0, -1):
        if _OPENS_QUOTE.match(lines[number - 1]):
            return number
    return None


def _syntax_problem(name: str, err: yaml.MarkedYAMLError, text: str) -> Problem:
    # an unclosed quote is noticed at the end of the file; the quote itself is where it starts
    unclosed = "quoted scalar" in str(err.context or "")
    mark = (err.context_mark if unclosed else None) or err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 1
    detail = err.problem or "invalid YAML"
    lines = text.splitlines()
    if not unclosed and (opened := _unclosed_quote_before(lines, line)):
        unclosed, line = True, opened
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in here[: len(here) - len(here.lstrip())] or "'\\t'" in detail:
        hint = "a tab is used for indentation: YAML needs spaces (use 2 spaces per level)"
    elif unclosed:
        hint = "a quoted text is not closed: add the missing closing quote (\" or ')"
    elif "mapping values are not allowed" in detail:
        hint = ("a `: ` inside a text value: put the whole text in double quotes, "
                "e.g. text: \"…\"")
    elif "expected <block end>" in detail or "did not find expected" in detail:
        hint = "the indentation does not line up: entries of one list or mapping must start in the same column"
    else:
        hint = f"invalid YAML ({detail})"
    return Problem(name, line, hint)

"""Read one YAML data file into plain Python values plus the line of every value.

PyYAML's own loader forgets where a value came from and silently keeps the last of two
duplicate keys. Validation messages must point at a line, and a duplicated key is almost
always an editing mistake, so we compose the node tree ourselves and keep positions.

Whatever a file holds, reading it ends in values or in problems, never in a traceback, a hang
or exhausted memory. Before PyYAML builds anything: the size is capped (MAX_FILE_BYTES),
invisible characters are refused (controls, format characters such as bidirectional
overrides, private-use characters, unpaired surrogates, noncharacters: a reader cannot see
them, a screen reader may read them, and the Hong Kong conversion must not meet them), and one
pass over the parser's events refuses anchors and aliases (these files need none; nine levels
of nine aliases expand to 387 million values) and nesting deeper than MAX_DEPTH. Each text is
capped at MAX_TEXT_CHARS, and a text wrapped over several lines is joined the way Chinese is
written (see `unfold`).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..base.problems import Problem

Path_ = tuple[str | int, ...]
# libyaml's loader when PyYAML was built with it (17× faster on a chapter file), else pure Python
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 2_000_000   # the largest data file today is about 0.2 MB
MAX_TEXT_CHARS = 20_000      # the longest paragraph of the plan has about 1,600 characters
MAX_DEPTH = 20               # the deepest data today is 8 levels
MAX_REPORTED = 10            # per file and kind: a binary file would otherwise give thousands of lines

# Invisible characters (tab and line breaks excepted): C0/C1 controls and DEL; every format
# character of Unicode 14 (soft hyphen, zero-width characters, bidirectional embeddings,
# overrides U+202A–U+202E and isolates U+2066–U+2069, word joiner, BOM, tags…); line and
# paragraph separators; private-use characters; surrogates (only an escape such as "\ud800" can
# produce one); noncharacters; and the other characters that show nothing: Unicode's
# Default_Ignorable_Code_Point (combining grapheme joiner, Hangul fillers, Khmer inherent vowels,
# Mongolian and other variation selectors, tags) and the Braille blank U+2800.
# tests/read/test_input_limits.py checks this against unicodedata and the Unicode property list.
INVISIBLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\ufff0-\ufff8"
    "\U000e0000-\U000e0fff"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f\U000f0000-\U0010ffff"
    + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17)) + "]")
# Unicode gives controls no names, only aliases (NameAliases.txt); Python's unicodedata.lookup
# knows them, name() does not. C0 controls and DEL, then the C1 controls U+0080–U+009F.
_CONTROL_NAMES = dict(zip(
    [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)],
    ["NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE",
     "ALERT", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN",
     "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
     "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
     "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "FILE SEPARATOR", "GROUP SEPARATOR", "RECORD SEPARATOR",
     "UNIT SEPARATOR", "DELETE",
     "PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE", "INDEX", "NEXT LINE",
     "START OF SELECTED AREA", "END OF SELECTED AREA", "CHARACTER TABULATION SET",
     "CHARACTER TABULATION WITH JUSTIFICATION", "LINE TABULATION SET", "PARTIAL LINE FORWARD",
     "PARTIAL LINE BACKWARD", "REVERSE LINE FEED", "SINGLE SHIFT TWO", "SINGLE SHIFT THREE", "DEVICE CONTROL STRING",
     "PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE", "CANCEL CHARACTER", "MESSAGE WAITING",
     "START OF GUARDED AREA", "END OF GUARDED AREA", "START OF STRING", "SINGLE GRAPHIC CHARACTER INTRODUCER",
     "SINGLE CHARACTER INTRODUCER", "CONTROL SEQUENCE INTRODUCER", "STRING TERMINATOR", "OPERATING SYSTEM COMMAND",
     "PRIVACY MESSAGE", "APPLICATION PROGRAM COMMAND"]))


def character_name(char: str) -> str:
    """The Unicode name of `char`, or its alias or kind where Unicode gives it no name."""
    code = ord(char)
    if code in _CONTROL_NAMES:
        return _CONTROL_NAMES[code]
    if name := unicodedata.name(char, ""):
        return name
    category = unicodedata.category(char)
    if category == "Cc":
        return "CONTROL CHARACTER"
    if category == "Co":
        return "PRIVATE USE CHARACTER"
    if category == "Cs":
        return "UNPAIRED SURROGATE"
    return "NONCHARACTER" if (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF else "UNNAMED CHARACTER"


def invisible_message(char: str) -> str:
    return f"the text contains an invisible character U+{ord(char):04X} ({character_name(char)}): delete it"


@dataclass
class YamlFile:
    """A parsed file: its values, and the 1-based line of each value by its key path."""

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    digest: bytes = b""  # SHA-256 of the file's bytes: results that depend only on them can be reused
    refused: bool = False  # a value could not be read (a date that does not exist, …): the file is not used

    def line_of(self, path: Path_) -> int:
        """The line of the deepest value on `path` that exists (a missing key → its parent)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def read(path: Path, name: str, problems: list[Problem], raw: bytes | None = None) -> YamlFile | None:
    """Parse `path` (or `raw`, its bytes as the caller already read them); on failure add a problem and return None."""
    try:
        size = len(raw) if raw is not None else path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(name, 1, f"the file is {size / 1e6:.1f} MB: a data file may be at most "
                                    f"{MAX_FILE_BYTES / 1e6:.0f} MB; remove what does not belong in it"))
            return None
        raw = path.read_bytes() if raw is None else raw
    except OSError as err:
        problems.append(Problem(name, 1, f"the file cannot be read ({err.strerror}): check it exists and is readable"))
        return None
    try:
        text = raw.decode("utf-8-sig")  # a BOM is accepted silently
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        bad = raw[err.start:err.start + 3]
        if len(bad) == 3 and bad[0] == 0xED and 0xA0 <= bad[1] <= 0xBF:  # a surrogate, encoded on its own
            problems.append(Problem(name, line, invisible_message(bad.decode("utf-8", "surrogatepass"))))
        else:
            problems.append(Problem(name, line, "the file is not UTF-8 text: save it with UTF-8 encoding"))
        return None
    if not text.strip() or all(not l.strip() or l.lstrip().startswith("#") for l in text.splitlines()):
        problems.append(Problem(name, 1, "the file is empty: it must contain the data described in its header comment"))
        return None
    found = _invisible(text, name) or _structure(text, name)
    if found:
        problems.extend(found)
        return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        result = YamlFile(name, None, digest=hashlib.sha256(raw).digest())
        result.data = _convert(loader, node, (), result, problems, text)
        return None if result.refused else result
    except yaml.MarkedYAMLError as err:
        problems.append(_syntax_problem(name, err, text))
        return None
    except yaml.YAMLError as err:  # e.g. a reader error without a position
        problems.append(Problem(name, 1, f"invalid YAML ({err})"))
        return None
    finally:
        loader.dispose()


def _invisible(text: str, name: str) -> list[Problem]:
    found = []
    for match in INVISIBLE.finditer(text):
        found.append(Problem(name, text.count("\n", 0, match.start()) + 1, invisible_message(match.group())))
        if len(found) == MAX_REPORTED:
            break
    return found


def _structure(text: str, name: str) -> list[Problem]:
    """Anchors, aliases and nesting deeper than MAX_DEPTH, found in one pass over the parser's events.

    (Syntax errors are left to the composer, which reports them with the usual hints.)
    """
    found: list[Problem] = []
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                found.append(Problem(name, line, f"`*{event.anchor}` repeats another entry (a YAML alias): these "
                                     "files use no aliases; write the value out in full"))
            elif getattr(event, "anchor", None):
                found.append(Problem(name, line, f"`&{event.anchor}` marks an entry for repetition (a YAML anchor): "
                                     "these files use no anchors; remove it"))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    found.append(_too_deep(name, line))
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if len(found) >= MAX_REPORTED:
                break
    except yaml.YAMLError as err:  # libyaml stops at its own depth limit (1,000) before we count that far
        if "nesting depth" in str(err):
            mark = getattr(err, "problem_mark", None)
            found.append(_too_deep(name, mark.line + 1 if mark else 1))
    return found


def _too_deep(name: str, line: int) -> Problem:
    return Problem(name, line, f"the data is nested more than {MAX_DEPTH} levels deep here: check the indentation "
                   "and the brackets")


def _convert(loader: yaml.SafeLoader, node: yaml.Node, path: Path_, out: YamlFile,
             problems: list[Problem], text: str) -> Any:
    out.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(out.name, key_node.start_mark.line + 1, "a key is a list or a mapping here "
                                        "(a `?` or brackets before the `:`): a key must be a single word"))
                _refuse(out)
                continue
            key = _scalar(loader, key_node, out, problems)
            if key is _REFUSED:
                continue
            if key in result:
                problems.append(Problem(out.name, key_node.start_mark.line + 1,
                                        f"the key `{key}` appears twice here: keep one"))
                continue
            result[key] = _convert(loader, value_node, path + (key,), out, problems, text)
            out.lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, path + (i,), out, problems, text) for i, item in enumerate(node.value)]
    value = _scalar(loader, node, out, problems)
    if isinstance(value, str):
        value = _checked_text(value, node, path, out, problems, text)
    return None if value is _REFUSED else value


_PLAIN = (None, "")  # a plain (unquoted) scalar's style: None in PyYAML, "" in libyaml's loader
_REFUSED = object()  # a scalar that gave a problem: the file is not used, the value does not matter

# Plain numbers and words as YAML 1.2 (editors, ruamel.yaml) and YAML 1.1 (PyYAML) both read them
# the same way. 012 is 10 for one and 12 for the other; 1_000, 1:20, 0b101, yes/no/on/off are
# numbers or booleans for one and text for the other: those are refused, never guessed.
_PORTABLE = {
    "tag:yaml.org,2002:int": re.compile(r"[-+]?(0|[1-9][0-9]*)"),
    "tag:yaml.org,2002:float": re.compile(r"[-+]?(0|[1-9][0-9]*)?\.[0-9]+([eE][-+]?[0-9]+)?|[-+]?(0|[1-9][0-9]*)[eE][-+]?[0-9]+"
                                          r"|[-+]?(0|[1-9][0-9]*)\.[0-9]*"),
    "tag:yaml.org,2002:bool": re.compile(r"true|True|TRUE|false|False|FALSE"),
}
MAX_DIGITS = 30  # far above any figure of the plan; Python refuses integers over 4,300 digits


def _refuse(out: YamlFile) -> object:
    out.refused = True
    return _REFUSED


def _scalar(loader: yaml.SafeLoader, node: yaml.ScalarNode, out: YamlFile, problems: list[Problem]) -> Any:
    """The value of one scalar, or _REFUSED after adding a problem that says what to write instead."""
    line, raw = node.start_mark.line + 1, str(node.value)
    shown = raw if len(raw) <= 40 else raw[:37] + "…"
    portable = _PORTABLE.get(node.tag)
    if node.style in _PLAIN and node.tag.endswith("float") and raw.lstrip("+-").lower() in (".inf", ".nan"):
        problems.append(Problem(out.name, line, f"`{shown}` is not a number that can be counted or charted: "
                                "write the value as a plain number"))
        return _refuse(out)
    if node.style in _PLAIN and portable and not portable.fullmatch(raw):
        problems.append(Problem(out.name, line, f"`{shown}` is read differently by different YAML programs: "
                                + ("write true or false" if node.tag.endswith("bool") else
                                   "write the number plainly (e.g. 12, 0.5 or 1500)")
                                + ", or put it in double quotes if it is text"))
        return _refuse(out)
    digits = sum(c.isdigit() for c in raw)
    if node.tag in _PORTABLE and digits > MAX_DIGITS:
        problems.append(Problem(out.name, line, f"`{shown}` has {digits:,} digits: a number here has at most "
                                f"{MAX_DIGITS}; check it"))
        return _refuse(out)
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError, TypeError, yaml.YAMLError):
        if node.tag.endswith("timestamp"):
            message = f"`{shown}` is not a date that exists: write a real date as YYYY-MM-DD (e.g. 2011-12-23)"
        else:
            message = f"`{shown}` cannot be read as a value: check it, or put it in double quotes if it is text"
        problems.append(Problem(out.name, line, message))
        return _refuse(out)


def _checked_text(value: str, node: yaml.Node, path: Path_, out: YamlFile, problems: list[Problem],
                  text: str) -> str:
    line = node.start_mark.line + 1
    field = next((str(p) for p in reversed(path) if isinstance(p, str)), "value")
    if len(value) > MAX_TEXT_CHARS:
        problems.append(Problem(out.name, line, f"`{field}` is {len(value):,} characters long: a text may have at most "
                                f"{MAX_TEXT_CHARS:,} characters; split it into paragraphs"))
    # written as an escape ("\f", "\u202e"), so not seen before; YAML turns every line break of a
    # file into "\n", so a carriage return in a value was written as "\r"
    elif invisible := INVISIBLE.search(value) or _CARRIAGE_RETURN.search(value):
        problems.append(Problem(out.name, line, invisible_message(invisible.group())))
    elif node.end_mark.line > node.start_mark.line and node.style in (*_PLAIN, '"', "'", ">"):
        value = unfold(text[node.start_mark.index:node.end_mark.index], value)
    return value


_CARRIAGE_RETURN = re.compile("\r")
_BREAK = re.compile(r"(\S)[ \t]*\n[ \t]*(?=(\S))")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def joiner(before: str, after: str) -> str:
    """What a line break between `before` and `after` becomes: nothing next to a Chinese character
    or full-width punctuation, else one space (between English words, digits)."""
    return "" if _wide(before) or _wide(after) else " "


_ANY_BREAK = re.compile(r"(\S)\s*\n\s*(?=(\S))")


def join_lines(text: str) -> str:
    """`text` (e.g. the plan's source text, wrapped and broken by pages) with every run of white
    space that holds a line break joined by the rule of `joiner`."""
    return _ANY_BREAK.sub(lambda m: m.group(1) + joiner(m.group(1), m.group(2)), text)


def unfold(source: str, value: str) -> str:
    """The value of a text wrapped over several lines, joined as its language is written.

    YAML turns each line break inside a text into a space ("举措，" / "大力" → "举措， 大力"),
    which Chinese does not have. A break next to a Chinese character or full-width punctuation
    therefore joins without a space; between two other characters (English words, digits) it
    stays a space; blank lines and escaped breaks keep YAML's meaning. `source` is the scalar as
    written (quotes included), `value` what YAML made of it (returned if re-reading fails).
    """
    def join(match: re.Match) -> str:
        before, after = match.group(1), match.group(2)
        if before == "\\" or joiner(before, after):  # an escaped break; or YAML's own space is right
            return match.group(0)
        return before

    head, sep, body = source.partition("\n") if source.startswith(">") else ("", "", source)
    joined = head + sep + _BREAK.sub(join, body)
    if joined == source:
        return value
    try:
        again = yaml.load(joined, Loader=_Loader)
    except yaml.YAMLError:
        return value
    return again if isinstance(again, str) else value


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


_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")


def _bad_escape(err: yaml.MarkedYAMLError, text: str, name: str) -> Problem | None:
    """libyaml refuses an escape of a surrogate ("\\ud800"): name the character like any invisible one."""
    if "invalid Unicode character escape code" not in str(err.problem or "") or not err.problem_mark:
        return None
    line = err.problem_mark.line + 1
    for escape in _ESCAPE.findall(text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""):
        code = int(escape[2:], 16)
        if 0xD800 <= code <= 0xDFFF:
            return Problem(name, line, invisible_message(chr(code)))
        if code > 0x10FFFF:
            return Problem(name, line, f"`{escape}` is not a Unicode character: delete it")
    return None


def _syntax_problem(name: str, err: yaml.MarkedYAMLError, text: str) -> Problem:
    if escape := _bad_escape(err, text, name):
        return escape
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

"""Reading YAML: positions, duplicate keys, and the syntax mistakes maintainers make."""
from pathlib import Path

import pytest

from generator.read.yamlfile import read


def parse(tmp_path: Path, content: bytes | str):
    path = tmp_path / "f.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    problems = []
    return read(path, "data/f.yaml", problems), problems


def test_lines_are_recorded_for_nested_values(tmp_path):
    result, problems = parse(tmp_path, "a: 1\nlist:\n  - id: x\n    text: hello\n")
    assert problems == []
    assert result.line_of(("list", 0, "text")) == 4
    assert result.line_of(("list", 0, "missing")) == 3  # falls back to the entry


def test_duplicate_key_is_reported_with_its_line(tmp_path):
    _, problems = parse(tmp_path, "id: a\ntext: one\ntext: two\n")
    assert [(p.line, "appears twice" in p.message) for p in problems] == [(3, True)]


@pytest.mark.parametrize("content, line, words", [
    ("a:\n\t- b\n", 2, "tab"),
    ('a: "unclosed\nb: 2\n', 1, "quote"),
    # the quote runs on to the next quote, and PyYAML stops two lines later: point at the opening line
    ('items:\n  - text: "no end\n  - text: "fine"\n  - text: "fine"\n', 2, "quote"),
    ("items:\n  - text: 'no end\n  - text: 'fine'\n  - x: 1\n", 2, "quote"),
    ("a:\n  - x: 1\n   y: 2\n", 3, "indentation"),
    ("text: 云计算: 定义\n", 1, "double quotes"),
])
def test_syntax_mistakes_get_a_plain_message(tmp_path, content, line, words):
    result, problems = parse(tmp_path, content)
    assert result is None
    assert len(problems) == 1
    assert words in problems[0].message
    assert problems[0].line == line


def test_empty_and_comment_only_files_are_errors(tmp_path):
    for content in ("", "# only a comment\n\n"):
        result, problems = parse(tmp_path, content)
        assert result is None and "empty" in problems[0].message


def test_non_utf8_file_is_an_error_naming_the_line(tmp_path):
    result, problems = parse(tmp_path, "a: 1\nb: ".encode() + "信息".encode("gb18030") + b"\n")
    assert result is None
    assert problems[0].line == 2 and "UTF-8" in problems[0].message


def test_bom_and_crlf_are_accepted(tmp_path):
    result, problems = parse(tmp_path, b"\xef\xbb\xbfa: 1\r\nb: two\r\n")
    assert problems == []
    assert result.data == {"a": 1, "b": "two"}
    assert result.line_of(("b",)) == 2

"""Every bad input is one line `data/FILE.yaml:LINE: what is wrong and how to fix it`, never a
traceback, a hang or exhausted memory: invisible characters, anchors and aliases, sizes, depth,
and texts folded over several lines."""
from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from generator.read.load import load_plan
from generator.read.yamlfile import INVISIBLE, MAX_DEPTH

from tests.conftest import REPO
from tests.helpers import edit, line_of, problems_of

TEXT = '        text: "“十一五”期间，深圳坚持把信息化作为推动现代化建设全局的战略举措，大力推进'
ANCHOR = "data/chapter-1.yaml"




INVISIBLES = [
    # (what is pasted, how it is written in the file, U+XXXX (NAME) in the message)
    ("form feed", "\f", "U+000C (FORM FEED)"),
    ("NUL", "\0", "U+0000 (NULL)"),
    ("escape", "\x1b", "U+001B (ESCAPE)"),
    ("C1 control", "\x9b", "U+009B (CONTROL SEQUENCE INTRODUCER)"),
    ("next line", "\x85", "U+0085 (NEXT LINE)"),
    ("private use", "\ue000", "U+E000 (PRIVATE USE CHARACTER)"),
    ("private use, plane 15", "\U000f0001", "U+F0001 (PRIVATE USE CHARACTER)"),
    ("left-to-right embedding", "\u202a", "U+202A (LEFT-TO-RIGHT EMBEDDING)"),
    ("right-to-left override", "\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("left-to-right isolate", "\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
    ("pop directional isolate", "\u2069", "U+2069 (POP DIRECTIONAL ISOLATE)"),
    ("zero width space", "\u200b", "U+200B (ZERO WIDTH SPACE)"),
    ("byte order mark inside the text", "\ufeff", "U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
    ("line separator", "\u2028", "U+2028 (LINE SEPARATOR)"),
    ("noncharacter", "\uffff", "U+FFFF (NONCHARACTER)"),
    ("Hangul filler", "\u3164", "U+3164 (HANGUL FILLER)"),
    ("Braille blank", "\u2800", "U+2800 (BRAILLE PATTERN BLANK)"),
    ("combining grapheme joiner", "\u034f", "U+034F (COMBINING GRAPHEME JOINER)"),
    ("variation selector", "\ufe0f", "U+FE0F (VARIATION SELECTOR-16)"),
    ("ideographic variation selector", "\U000e0100", "U+E0100 (VARIATION SELECTOR-17)"),
    ("escaped carriage return", "\\r", "U+000D (CARRIAGE RETURN)"),
    # written as YAML escapes inside double quotes: only the parsed value has the character
    ("escaped form feed", "\\f", "U+000C (FORM FEED)"),
    ("escaped NUL", "\\0", "U+0000 (NULL)"),
    ("escaped unpaired surrogate", "\\ud800", "U+D800 (UNPAIRED SURROGATE)"),
    ("escaped right-to-left override", "\\u202E", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("escaped private use", "\\ue000", "U+E000 (PRIVATE USE CHARACTER)"),
]


@pytest.mark.parametrize("written,code", [(w, c) for _, w, c in INVISIBLES], ids=[i[0] for i in INVISIBLES])
def test_an_invisible_character_is_named_with_its_line(project, written, code):
    edit(project, "chapter-1.yaml", "战略举措，大力推进", f"战略举措，{written}大力推进")
    line = line_of(project, "chapter-1.yaml", "战略举措，")
    assert problems_of(project) == [
        f"data/chapter-1.yaml:{line}: the text contains an invisible character {code}: delete it"]


def test_an_encoded_unpaired_surrogate_is_named(project):
    path = project / "data" / "chapter-1.yaml"
    raw = path.read_bytes()
    path.write_bytes(raw.replace("战略举措，".encode(), "战略举措，".encode() + b"\xed\xb0\x80", 1))
    line = path.read_bytes()[:path.read_bytes().index(b"\xed\xb0\x80")].count(b"\n") + 1
    assert problems_of(project) == [
        f"data/chapter-1.yaml:{line}: the text contains an invisible character U+DC00 (UNPAIRED SURROGATE): delete it"]


def test_the_command_line_reports_a_form_feed_without_a_traceback(project):
    edit(project, "chapter-1.yaml", "战略举措，大力推进", "战略举措，\f大力推进")
    line = line_of(project, "chapter-1.yaml", "战略举措，")
    for command in ("check", "build"):
        run = subprocess.run([sys.executable, "-m", "generator", command, "--root", str(project)],
                             capture_output=True, text=True, cwd=REPO, timeout=300)
        assert run.returncode == 1
        assert run.stderr.splitlines() == [
            f"data/chapter-1.yaml:{line}: the text contains an invisible character U+000C (FORM FEED): delete it",
            "1 problem(s) in data/: nothing was built; there is no site/ yet: no build has made one."]


# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15): characters
# that show nothing, and the Braille blank U+2800, which shows nothing either.
DEFAULT_IGNORABLE = [(0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
                     (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
                     (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
                     (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF), (0x2800, 0x2800)]


def test_the_invisible_set_is_every_control_format_private_surrogate_noncharacter_and_ignorable():
    kinds = {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}
    wrong = [hex(cp) for cp in range(0x110000)
             if bool(INVISIBLE.fullmatch(chr(cp))) != (
                 (unicodedata.category(chr(cp)) in kinds and chr(cp) not in "\t\n\r")
                 or (cp & 0xFFFE) == 0xFFFE or 0xFDD0 <= cp <= 0xFDEF
                 or any(low <= cp <= high for low, high in DEFAULT_IGNORABLE))]
    assert wrong == []


def alias_bomb() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_once(project):
    (project / "data" / "closing.yaml").write_text(alias_bomb(), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(project)],
                         capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.returncode == 1
    errors = run.stderr.splitlines()
    assert errors[0] == ("data/closing.yaml:1: `&a0` marks an entry for repetition (a YAML anchor): these files use "
                         "no anchors; remove it")
    assert ("data/closing.yaml:2: `*a0` repeats another entry (a YAML alias): these files use no "
            "aliases; write the value out in full") in errors
    assert len(errors) <= 11  # at most 10 per file (repeats merged), then the summary


def test_a_single_alias_is_refused(project):
    edit(project, "closing.yaml", "lines:", "lines: &lines")
    line = line_of(project, "closing.yaml", "lines: &lines")
    assert problems_of(project) == [f"data/closing.yaml:{line}: `&lines` marks an entry for repetition (a YAML "
                                    "anchor): these files use no anchors; remove it"]


def test_a_file_over_two_megabytes_is_refused_before_reading(project):
    path = project / "data" / "chapter-1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("战略举措，大力推进", "战略举措，" + "大" * 17_000_000 + "大力推进", 1),
                    encoding="utf-8")  # 50 MB in one paragraph
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)],
                         capture_output=True, text=True, cwd=REPO, timeout=300)
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == ("data/chapter-1.yaml:1: the file is 51.0 MB: a data file may be at most "
                                          "2 MB; remove what does not belong in it")
    assert not (project / "site").exists()


def test_a_text_over_twenty_thousand_characters_is_refused(project):
    before = len(load_plan(project / "data").chapters[0].sections[0].paragraphs[0].text)
    edit(project, "chapter-1.yaml", "战略举措，大力推进", "战略举措，" + "大" * 25_000 + "大力推进")
    line = line_of(project, "chapter-1.yaml", "战略举措，")
    assert problems_of(project) == [f"data/chapter-1.yaml:{line}: `text` is {before + 25_000:,} characters long: a text may "
                                    "have at most 20,000 characters; split it into paragraphs"]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000])
def test_deep_nesting_is_reported_not_a_recursion_error(project, depth):
    (project / "data" / "closing.yaml").write_text("lines: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(project)],
                         capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == ("data/closing.yaml:1: the data is nested more than 20 levels deep here: "
                                          "check the indentation and the brackets")
    assert "Traceback" not in run.stderr


def test_nesting_at_the_limit_reaches_the_schema(project):
    (project / "data" / "closing.yaml").write_text("lines: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n",
                                                   encoding="utf-8")
    assert not any("nested more than" in p for p in problems_of(project))


# --- texts folded over several lines ---------------------------------------------------------------

FOLDS = [
    # (how the maintainer wrapped the line in the YAML, what the text must then contain)
    ("double quotes", TEXT[:-6] + '\n          ' + TEXT[-6:].lstrip(), "战略举措，大力推进"),
    ("double quotes, spaces at the break", TEXT[:-6] + '   \n          ' + TEXT[-6:].lstrip(), "战略举措，大力推进"),
    ("escaped line break", TEXT[:-6] + '\\\n          ' + TEXT[-6:].lstrip(), "战略举措，大力推进"),
]


@pytest.mark.parametrize("wrapped,expected", [f[1:] for f in FOLDS], ids=[f[0] for f in FOLDS])
def test_a_wrapped_chinese_text_is_joined_without_a_space(project, wrapped, expected):
    edit(project, "chapter-1.yaml", TEXT, wrapped)
    plan = load_plan(project / "data")
    text = plan.chapters[0].sections[0].paragraphs[0].text
    assert expected in text and "举措， " not in text


def test_joining_keeps_a_space_between_latin_words_and_none_beside_chinese(project):
    from generator.read.yamlfile import unfold

    assert unfold('"举措，\n  大力"', "举措， 大力") == "举措，大力"
    assert unfold('"设立 CIO\n  制度"', "设立 CIO 制度") == "设立 CIO制度"
    assert unfold('"2011\n  年"', "2011 年") == "2011年"
    assert unfold('"Shenzhen\n  city, and\n  more"', "Shenzhen city, and more") == "Shenzhen city, and more"
    assert unfold("举措，\n  大力", "举措， 大力") == "举措，大力"                 # plain
    assert unfold("'举措，\n  ''大力'''", "举措， '大力'") == "举措，'大力'"        # single quotes
    assert unfold(">\n  举措，\n  大力\n", "举措， 大力\n") == "举措，大力\n"         # folded block
    assert unfold('"举措，\n\n  大力"', "举措，\n大力") == "举措，\n大力"             # a blank line is a line break


def test_wrapped_text_reaches_both_chinese_editions_without_a_space(project):
    from generator.build import render_editions

    edit(project, "chapter-1.yaml", TEXT, TEXT[:-6] + '\n          ' + TEXT[-6:].lstrip())
    editions = {ed.lang.code: ed for ed in render_editions(load_plan(project / "data"))}
    assert "战略举措，大力推进" in editions["zh-Hans"].files["ch1.md"]
    assert "戰略舉措，大力推進" in editions["zh-Hant"].files["ch1.md"]


# --- values that YAML programs read differently, or that cannot be read ----------------------------

SCALARS = [
    # (what is written after `value: `, the message)
    ("2011-12-32", "`2011-12-32` is not a date that exists: write a real date as YYYY-MM-DD (e.g. 2011-12-23)"),
    ("2013-02-30", "`2013-02-30` is not a date that exists: write a real date as YYYY-MM-DD (e.g. 2011-12-23)"),
    ("9" * 5000, f"`{'9' * 37}…` has 5,000 digits: a number here has at most 30; check it"),
    (".inf", "`.inf` is not a number that can be counted or charted: write the value as a plain number"),
    ("-.inf", "`-.inf` is not a number that can be counted or charted: write the value as a plain number"),
    (".nan", "`.nan` is not a number that can be counted or charted: write the value as a plain number"),
    *((written, f"`{written}` is read differently by different YAML programs: write the number plainly "
                "(e.g. 12, 0.5 or 1500), or put it in double quotes if it is text")
      for written in ("012", "0x10", "0b101", "1:20", "1_000", "1_000.5", "00.5")),
    *((written, f"`{written}` is read differently by different YAML programs: write true or false, or put it "
                "in double quotes if it is text")
      for written in ("yes", "no", "on", "off", "Yes", "NO", "On")),
]
READ_AS_WRITTEN = [("12", 12), ("0", 0), ("-3", -3), ("82.4", 82.4), ("0.5", 0.5), ("1.", 1.0), ("1.5e+3", 1500.0),
                   ("true", True), ("False", False), ("2011-12-23", __import__("datetime").date(2011, 12, 23)),
                   ('"012"', "012"), ("'yes'", "yes"), ("1e5", "1e5"), ("y", "y")]  # 1e5, y: text to PyYAML (YAML 1.1)


def _read(tmp_path, document: str):
    from generator.read.yamlfile import read

    path = tmp_path / "x.yaml"
    path.write_text(document, encoding="utf-8")
    problems: list = []
    return read(path, "data/x.yaml", problems), [str(p) for p in problems]


@pytest.mark.parametrize("written,message", SCALARS, ids=[s[0][:12] for s in SCALARS])
def test_a_value_yaml_programs_disagree_on_or_cannot_read_is_refused(tmp_path, written, message):
    result, problems = _read(tmp_path, f"id: x\nlines:\n  - value: {written}\n")
    assert result is None and problems == [f"data/x.yaml:3: {message}"]


@pytest.mark.parametrize("written,value", READ_AS_WRITTEN, ids=[r[0] for r in READ_AS_WRITTEN])
def test_a_value_every_yaml_program_reads_alike_is_kept(tmp_path, written, value):
    result, problems = _read(tmp_path, f"value: {written}\n")
    assert problems == [] and result.data == {"value": value}


@pytest.mark.parametrize("document", ["? [a, b]\n: x\n", "foo: {[a]: b}\n", "? {a: 1}\n: x\n"])
def test_a_key_that_is_a_list_or_a_mapping_is_refused(tmp_path, document):
    result, problems = _read(tmp_path, "id: x\n" + document)
    assert result is None
    assert problems == ["data/x.yaml:2: a key is a list or a mapping here (a `?` or brackets before the `:`): a key "
                        "must be a single word"]


def test_an_impossible_date_stops_check_and_build_with_one_line(project):
    edit(project, "front.yaml", "date: 2011-12-23", "date: 2011-12-32")
    for command in ("check", "build"):
        run = subprocess.run([sys.executable, "-m", "generator", command, "--root", str(project)],
                             capture_output=True, text=True, cwd=REPO, timeout=300)
        assert run.returncode == 1 and "Traceback" not in run.stderr
        assert run.stderr.splitlines() == [
            f"data/front.yaml:{line_of(project, 'front.yaml', '2011-12-32')}: `2011-12-32` is not a date that "
            "exists: write a real date as YYYY-MM-DD (e.g. 2011-12-23)",
            "1 problem(s) in data/: nothing was built; there is no site/ yet: no build has made one."]


def test_a_plain_text_wrapped_over_lines_is_joined_like_a_quoted_one(tmp_path):
    result, problems = _read(tmp_path, "text: 举措，\n  大力推进 CIO\n  制度 and\n  more\n")
    assert problems == [] and result.data == {"text": "举措，大力推进 CIO制度 and more"}


def test_every_control_is_named_by_its_unicode_alias():
    from generator.read.yamlfile import character_name

    for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]:
        assert unicodedata.lookup(character_name(chr(code))) == chr(code), hex(code)

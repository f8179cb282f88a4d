"""Where the Simplified text may be cut, so that no conversion reaches across a word.

OpenCC converts in two steps: it cuts the text into the longest phrases of its dictionary
(forward maximum matching over STPhrases), then converts each piece. Its phrases know no
word boundaries: in 民生发展 it finds 生发 ("hair growth") and writes 民生髮展
(BYVoid/OpenCC#1497).

This module does OpenCC's first step again with one more rule: a phrase may cover whole
words, or lie inside one word, but never cover only part of a word. The words come from
jieba (a well-kept Chinese segmenter), with its default dictionary plus the plan's
own terms and without its HMM guesser, so the result depends only on the dictionaries. 后海湾
(后|海湾, one OpenCC phrase of whole words) is kept; 生发 across 民生|发展 is not. Each
piece is then converted by OpenCC on its own, exactly as OpenCC would convert it.

OpenCC's phrase list is read from its own dictionary files with the `opencc_dict` tool that
ships with the `OpenCC` package, once, and remembered (generator/base/cache.py).
"""
from __future__ import annotations

import logging
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ...base import cache
from ...base.problems import BuildError

# the dictionaries of s2hk.json's "segmentation" step
_PHRASE_FILES = ("STPhrases.ocd2", "STPhrases_GeneratedFromRegionalPhrases.ocd2")


@lru_cache(maxsize=8)
def _tokenizer(words: tuple[str, ...]):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    # jieba keeps its prepared dictionary in the shared temporary folder by default, where another
    # user's copy cannot be replaced (a traceback and a 9 MB temporary file left behind per run):
    # keep it in this user's own cache folder instead
    cache.FOLDER.mkdir(parents=True, exist_ok=True)
    tokenizer.tmp_dir = str(cache.FOLDER)
    tokenizer.initialize()
    for word in words:
        tokenizer.add_word(word)
    return tokenizer


def words(text: str, dictionary: Iterable[str] = ()) -> list[str]:
    """`text` cut into words by jieba (joined, they give `text` back exactly).

    `dictionary`: extra words to keep whole (the plan's terms), in Simplified Chinese.
    """
    return list(_tokenizer(tuple(sorted(set(dictionary)))).cut(text, HMM=False))


def _opencc_files() -> tuple[Path, Path]:
    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    return clib / "bin" / "opencc_dict", clib / "share" / "opencc"


@lru_cache(maxsize=1)
def phrases() -> frozenset[str]:
    """The Simplified phrases OpenCC's s2hk segments by (about 49,800), from its own dictionary files.

    Raises BuildError if the OpenCC package lacks its `opencc_dict` tool or dictionaries.
    """
    tool, share = _opencc_files()
    sources = [share / name for name in _PHRASE_FILES]
    try:
        name = cache.key("derive/hongkong/segment.py", *(p.read_bytes() for p in sources))
    except OSError as err:
        raise BuildError(f"OpenCC's dictionary is missing ({err.filename}): reinstall with `make`") from err
    remembered = cache.get(name)
    if isinstance(remembered, list):
        return frozenset(remembered)
    keys: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for source in sources:
            out = Path(tmp) / f"{source.stem}.txt"
            try:
                subprocess.run([str(tool), "-i", str(source), "-o", str(out), "-f", "ocd2", "-t", "text"],
                               check=True, capture_output=True, timeout=120)
            except (OSError, subprocess.SubprocessError) as err:
                raise BuildError(f"cannot read OpenCC's phrase list with {tool}: {err}") from err
            keys += [line.split("\t", 1)[0] for line in out.read_text(encoding="utf-8").splitlines() if "\t" in line]
    cache.put(name, keys)
    return frozenset(keys)


def word_spans(text: str, dictionary: Iterable[str]) -> tuple[list[int], list[int]]:
    """For each character position: the start and the end of the jieba word it belongs to."""
    starts, ends, at = [0] * len(text), [0] * len(text), 0
    for word in words(text, dictionary):
        for i in range(at, at + len(word)):
            starts[i], ends[i] = at, at + len(word)
        at += len(word)
    return starts, ends


def pieces(text: str, dictionary: Iterable[str] = ()) -> list[str]:
    """`text` cut as OpenCC cuts it (longest phrase first), but never across part of a word.

    Joined, the pieces give `text` back exactly. Each piece is a phrase of OpenCC's
    dictionary that covers whole words or lies inside one word, or a single character.
    """
    table, longest = phrases(), _longest()
    starts, ends = word_spans(text, dictionary)
    out, i = [], 0
    while i < len(text):
        size = 1
        for length in range(min(longest, len(text) - i), 1, -1):
            j = i + length
            inside = starts[i] == starts[j - 1]
            whole = starts[i] == i and ends[j - 1] == j
            if (inside or whole) and text[i:j] in table:
                size = length
                break
        out.append(text[i:i + size])
        i += size
    return out


@lru_cache(maxsize=1)
def _longest() -> int:
    """The length of OpenCC's longest phrase: no match is tried beyond it."""
    return max(map(len, phrases()), default=1)

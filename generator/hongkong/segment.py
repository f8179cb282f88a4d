"""Cutting Simplified Chinese into words, so that each word is converted on its own.

jieba (the segmenter the search index uses) with its default dictionary plus the plan's own
terms, and without its HMM guesser: an unknown sequence falls apart into single characters
rather than into guessed words, so the result depends only on the dictionary. A private
`jieba.Tokenizer` is used, so the words added here never change the search's segmentation.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Iterable


@lru_cache(maxsize=8)
def _tokenizer(words: tuple[str, ...]):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in words:
        tokenizer.add_word(word)
    return tokenizer


def words(text: str, dictionary: Iterable[str] = ()) -> list[str]:
    """`text` cut into words (joined, they give `text` back exactly).

    `dictionary`: extra words to keep whole (the plan's terms), in Simplified Chinese.
    """
    return list(_tokenizer(tuple(sorted(set(dictionary)))).cut(text, HMM=False))

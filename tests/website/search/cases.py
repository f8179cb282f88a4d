"""The query table: what readers type in each edition, and where the top result must land.

Each case is (edition, query, expected, why). `expected` is the page and anchor of the
paragraph (or section, or glossary entry) the first result must link to, or None when the
query must find nothing (the dialog then says so). The expected place is the one where the
query, folded (script, variants, spelling, plurals), occurs most often; ties go to the
shorter text. Used by tests/chromium/test_search.py and by `make bench`.
"""
from __future__ import annotations

CASES: list[tuple[str, str, str | None, str]] = [
    # Simplified Chinese
    ("zh-Hans", "信息安全", "ch4/#ch4-s10-p6", "a multi-character query that is one index word"),
    ("zh-Hans", "电子政务", "ch4/#ch4-s6-p7", "one index word (was cut to 电子)"),
    ("zh-Hans", "云计算", "ch4/#ch4-s3-p3", "a word the old test passed only by prefix"),
    ("zh-Hans", "物联网", "ch4/#ch4-s2-p2", "three-character word"),
    ("zh-Hans", "数字家庭", "ch4/#ch4-s4-p3", "four-character term"),
    ("zh-Hans", "医疗卫生", "ch4/#ch4-s7-p2", "compound of two words"),
    ("zh-Hans", "信息无障碍", "ch5/#ch5-s7-p1", "a phrase found once"),
    ("zh-Hans", "移动电子商务", "ch4/#ch4-s5-p3", "a phrase longer than any index word"),
    ("zh-Hans", "雲計算", "ch4/#ch4-s3-p3", "Traditional input in the Simplified edition"),
    ("zh-Hans", "量子计算机", None, "no match: a clear no-results message"),
    # Traditional Chinese (Hong Kong)
    ("zh-Hant", "云计算", "ch4/#ch4-s3-p3", "Simplified input in the Hong Kong edition"),
    ("zh-Hant", "物联网", "ch4/#ch4-s2-p2", "Simplified input in the Hong Kong edition"),
    ("zh-Hant", "編輯", "about-translation/#about-p1", "a Traditional word jieba's Simplified dictionary splits"),
    ("zh-Hant", "衛生", "ch4/#ch4-s7-p2", "variant 衛 where the text writes 衞"),
    ("zh-Hant", "醫療衛生", "ch4/#ch4-s7-p2", "variant inside a longer word"),
    ("zh-Hant", "產業群", "ch4/#ch4-s4-p5", "variant 群 where the text writes 羣"),
    ("zh-Hant", "電子政務", "ch4/#ch4-s6-p7", "one index word, Traditional"),
    ("zh-Hant", "數字家庭", "ch4/#ch4-s4-p3", "four-character term, Traditional"),
    ("zh-Hant", "信息安全", "ch4/#ch4-s10-p6", "a multi-character query that is one index word"),
    ("zh-Hant", "量子電腦", None, "no match: a clear no-results message"),
    # English
    ("en", "fiber", "ch4/#ch4-s1-p2", "American spelling; the text writes fibre"),
    ("en", "informatisation", "ch5/#ch5-s1-p1", "British -isation; the text writes -ization"),
    ("en", "e-government", "ch4/#ch4-s6-p7", "hyphenated term: never highlight a lone e"),
    ("en", "cloud computing", "ch4/#ch4-s3-p3", "two-word phrase"),
    ("en", "Internet of Things", "ch4/#ch4-s2-p2", "phrase with a stop word"),
    ("en", "information security", "ch4/#ch4-s10-p6", "two-word phrase"),
    ("en", "smart cards", "ch4/#ch4-s7-p7", "plural query, singular text"),
    ("en", "data centers", "ch4/#ch4-s6-p7", "American spelling and plural"),
    ("en", "program", "preamble/#pre-p4", "American spelling; the text writes programme"),
    ("en", "blockchain", None, "no match: a clear no-results message"),
]

"""Simplified → Hong Kong Traditional Chinese, the way Hong Kong government text is written.

OpenCC (`s2hk`) does the character and phrase conversion. Around it, this package adds what
OpenCC cannot know:

- `segment`: the Simplified text is cut into words first, and each word is converted on its
  own, so that OpenCC's phrase table can never match across a word boundary (民生|发展 must
  not become 民生髮展: BYVoid/OpenCC#1497).
- `forms`: character rules from data/hk-overrides.yaml (`forms:`), each decided with a cited
  Hong Kong government page: e.g. OpenCC writes 户 (U+6237), Hong Kong writes 戶 (U+6236).
- `punctuation`: 「」『』 for “” ‘’, and full-width brackets and colons in Chinese text.
- `guard`: sequences that are almost never right in this kind of text (髮 in 民生髮展),
  reported by `make check` with their file and line.

The converter itself is `generator.convert.HongKongConverter`.
"""

"""Simplified → Traditional Chinese (Hong Kong): OpenCC `s2hk`, word by word, plus the reviewed rules.

The Hong Kong text is never stored; it is derived at build time, in four steps:

1. the reviewed word overrides of data/hk-overrides.yaml (`overrides:`, and the cited
   word-dependent forms of `words:`) are found in the
   Simplified text, longest first, where they cover whole words; their Hong Kong form is used
   as written;
2. the text between them is cut as OpenCC cuts it, except that no phrase may cover part of
   a word (`hongkong.segment`), and OpenCC converts each piece on its own: 民生发展 is
   民生發展, never 民生髮展, while OpenCC's phrases of whole words (后海湾) still apply;
3. the character rules (`forms:`, each with a cited Hong Kong government page) replace the
   code points OpenCC writes but Hong Kong government text does not use (户 → 戶);
4. Hong Kong punctuation (`hongkong.punctuation`): 「」『』 and full-width brackets.

No placeholder characters are involved: whatever a maintainer types goes through unchanged
except by these rules.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from ...base import cache
from . import forms as hk_forms, punctuation, segment
from ...base.problems import DataError, Problem
from ...model.plan import HkForm, Override, Plan
from ...read.yamlfile import read

if TYPE_CHECKING:
    import opencc


@lru_cache(maxsize=1)
def _opencc() -> "opencc.OpenCC":
    """Loaded on first use: its dictionaries take ~0.2 s, which `make check` can often skip."""
    import opencc

    return opencc.OpenCC("s2hk")


def opencc_s2hk(text: str) -> str:
    """OpenCC alone, on the whole text at once, without our segmentation or corrections."""
    return _opencc().convert(text)


@lru_cache(maxsize=None)
def _word(word: str) -> str:
    return _opencc().convert(word)


class HongKongConverter:
    """Callable: Simplified text → the Hong Kong Traditional text the site publishes.

    overrides: reviewed word corrections (Simplified phrase → Hong Kong form);
    forms: character rules (OpenCC's character → Hong Kong government's);
    dictionary: words the segmenter keeps whole (the plan's terms, Simplified).
    """

    def __init__(self, overrides: list[Override], forms: Iterable[HkForm] = (), dictionary: Iterable[str] = (),
                 segmented: bool = True):
        self._segmented = segmented
        ordered = sorted(overrides, key=lambda o: len(o.simplified), reverse=True)
        self._hk = {o.simplified: o.hk for o in ordered}
        self._pattern = re.compile("|".join(re.escape(o.simplified) for o in ordered)) if ordered else None
        self._forms = hk_forms.table(forms)
        self._dictionary = tuple(sorted(set(dictionary)))

    @classmethod
    def for_plan(cls, plan: Plan) -> "HongKongConverter":
        """The converter the build uses for `plan`: its overrides, character rules and terms."""
        return cls([*plan.hk_overrides, *plan.hk_word_forms], plan.hk_forms, plan_words(plan))

    def _run(self, text: str) -> str:
        """Simplified text without overrides → Traditional, word by word."""
        if not self._segmented:
            return opencc_s2hk(text)
        return "".join(_word(w) for w in segment.pieces(text, self._dictionary)) if text else ""

    def _overrides(self, text: str) -> Iterator[re.Match]:
        """The override phrases found in `text` that lie inside a word or cover whole words (白发|布满 has no 发布)."""
        matches = list(self._pattern.finditer(text)) if self._pattern else []
        if not matches:
            return
        starts, ends = segment.word_spans(text, self._dictionary)
        for m in matches:
            i, j = m.start(), m.end()
            if starts[i] == starts[j - 1] or (starts[i] == i and ends[j - 1] == j):  # inside a word, or whole words
                yield m

    @lru_cache(maxsize=4096)
    def __call__(self, text: str) -> str:
        out, at = [], 0
        for m in self._overrides(text):
            out += [self._run(text[at:m.start()]), self._hk[m.group(0)]]
            at = m.end()
        out.append(self._run(text[at:]))
        return punctuation.hong_kong("".join(out).translate(self._forms))


class RememberedConverter:
    """The plan's HongKongConverter, whose results outlive the process (the build's converter).

    Cutting every text into words (jieba) is most of the conversion's cost, and a rebuild
    converts the same texts again. Results are kept in the cache under rules_key(plan): a change
    to the code, an override, a character rule or a plan word starts afresh. `remember()` stores
    the results of the texts converted since this converter was made (so the store holds today's
    texts only, never every earlier version of them).
    """

    def __init__(self, plan: Plan):
        self._plan = plan
        self._converter: HongKongConverter | None = None   # made (and jieba loaded) only on a miss
        self._name = cache.key("derive/hongkong/convert.py", "remembered", *rules_key(plan))
        stored = cache.get(self._name)
        self._stored: dict[str, str] = stored if isinstance(stored, dict) else {}
        self._used: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if text in self._used:
            return self._used[text]
        result = self._stored.get(text)
        if result is None:
            if self._converter is None:
                self._converter = HongKongConverter.for_plan(self._plan)
            result = self._converter(text)
        self._used[text] = result
        return result

    def remember(self) -> None:
        """Store the results used since this converter was made, if they differ from those stored."""
        if self._used != self._stored:
            cache.put(self._name, self._used)
            self._stored = dict(self._used)


def naive_converter(plan: Plan) -> HongKongConverter:
    """OpenCC on each whole text, with the character and punctuation rules but no overrides.

    What the conversion would give without word boundaries: the guard compares it with the
    published text to find the places where a boundary decides the result.
    """
    return HongKongConverter([], plan.hk_forms, segmented=False)


_CODE = ("convert.py", "segment.py", "punctuation.py", "forms.py")


def code() -> list[bytes]:
    """The source of every module the conversion's result depends on (part of cache keys)."""
    folder = Path(__file__).parent
    return [(folder / name).read_bytes() for name in _CODE]


def plan_words(plan: Plan) -> list[str]:
    """The plan's own terms (Simplified), kept whole by the segmenter: glossary and term list."""
    words = [t.term for t in plan.glossary.terms] + [t.term for t in plan.key_terms] + [t.zh for t in plan.terms]
    return [w for w in words if len(w) > 1 and not w.isascii()]


def rules_key(plan: Plan) -> list[str | bytes]:
    """Everything besides the text that a Hong Kong conversion of the plan depends on, for cache keys:
    this code, the overrides, the character forms, the watched sequences and the plan's own words
    (the segmenter keeps them whole). A change to any of them must miss every remembered result."""
    rules = {"overrides": [[o.simplified, o.hk] for o in [*plan.hk_overrides, *plan.hk_word_forms]],
             "forms": [[f.opencc, f.hk] for f in plan.hk_forms], "watch": [w.hk for w in plan.hk_watch],
             "words": plan_words(plan)}
    return [*code(), json.dumps(rules, ensure_ascii=False)]


def override_effects(plan: Plan) -> dict[str, int | None]:
    """For each override: in how many texts it changes the result, or confirms it (None: it matches no text).

    An override that gives what the word-by-word conversion gives still counts where OpenCC on
    the whole text would differ: it confirms a place the guard would otherwise report.

    The answer depends only on the overrides, the rules and the texts they match: it is remembered.
    """
    texts = list(dict.fromkeys(plan.chinese_texts()))
    words = plan_words(plan)
    matched = sorted({t for t in texts for o in plan.hk_overrides if o.simplified in t})
    name = cache.key("derive/hongkong/convert.py", *rules_key(plan), *matched)
    remembered = cache.get(name)
    if isinstance(remembered, dict):
        return remembered
    plain, naive = HongKongConverter([], plan.hk_forms, words), naive_converter(plan)
    effects: dict[str, int | None] = {}
    for override in plan.hk_overrides:
        matching = [t for t in texts if override.simplified in t]
        if not matching:
            effects[override.simplified] = None
            continue
        alone = HongKongConverter([override], plan.hk_forms, words)
        # it changes the published text, or confirms a place the guard would report: one where
        # word boundaries decide (OpenCC alone differs), or a watched sequence it writes
        watched = any(w.hk in override.hk for w in plan.hk_watch)
        effects[override.simplified] = sum(alone(t) != plain(t) or alone(t) != naive(t) or watched
                                           for t in matching)
    cache.put(name, effects)
    return effects


def check_overrides(plan: Plan, data_dir: Path) -> None:
    """Raise DataError naming each override that no longer matches, or no longer changes anything.

    A stale correction. It needs every text of the plan and the converter, so it runs once the
    plan is loaded (generator/read/ knows nothing of the conversion); the build, `make check`,
    `convert` and `translated` call it right after load_plan. Lines point into
    data/hk-overrides.yaml.
    """
    problems: list[Problem] = []
    src = read(data_dir / "hk-overrides.yaml", f"{data_dir.name}/hk-overrides.yaml", problems)
    effects = override_effects(plan)
    for i, override in enumerate(plan.hk_overrides):
        line = src.line_of(("overrides", i, "simplified")) if src else 1
        if effects[override.simplified] is None:
            problems.append(Problem(f"{data_dir.name}/hk-overrides.yaml", line,
                                    f"the override for `{override.simplified}` matches no text of the plan: "
                                    "correct it or remove the entry"))
        elif effects[override.simplified] == 0:
            problems.append(Problem(f"{data_dir.name}/hk-overrides.yaml", line,
                                    f"the override for `{override.simplified}` changes nothing (the "
                                    f"conversion already gives {override.hk}): remove the entry"))
    if problems:
        raise DataError(problems)

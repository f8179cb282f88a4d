"""Read and validate everything in data/ into one `Plan`.

All files are read and all problems collected before anything is reported, so that a
maintainer fixes every mistake in one pass. Nothing downstream runs on invalid data.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel, ValidationError

from . import model
from .convert import override_effects
from .problems import DataError, Problem
from .yamlfile import YamlFile, read

CHAPTER_FILE = re.compile(r"^chapter-(\d+)\.yaml$")


def load_plan(data_dir: Path) -> model.Plan:
    """Load data_dir; raise DataError listing every problem found."""
    problems: list[Problem] = []
    prefix = data_dir.name

    def parse(filename: str, kind: type[BaseModel]) -> tuple[Any, YamlFile | None]:
        path = data_dir / filename
        name = f"{prefix}/{filename}"
        if not path.is_file():
            problems.append(Problem(name, 1, "the file is missing: restore it from git (git checkout -- "
                                    f"{name})"))
            return None, None
        src = read(path, name, problems)
        if src is None:
            return None, None
        try:
            return kind.model_validate(src.data), src
        except ValidationError as err:
            problems.extend(_explain(err, src))
            return None, src

    site, site_src = parse("site.yaml", model.Site)
    front, front_src = parse("front.yaml", model.Front)
    glossary, glossary_src = parse("glossary.yaml", model.Glossary)
    closing, closing_src = parse("closing.yaml", model.Closing)
    overrides, overrides_src = parse("hk-overrides.yaml", model.HkOverrides)
    terms, terms_src = parse("terms.yaml", model.TermList)
    editorial, editorial_src = parse("about.yaml", model.Editorial)
    key_terms, key_terms_src = parse("key-terms.yaml", model.KeyTerms)
    indicators, indicators_src = parse("indicators.yaml", model.Indicators)
    projects, projects_src = parse("projects.yaml", model.Projects)
    chapter_files = sorted((int(m.group(1)), p.name) for p in data_dir.glob("chapter-*.yaml")
                           if (m := CHAPTER_FILE.match(p.name)))
    if not chapter_files:
        problems.append(Problem(f"{prefix}/chapter-1.yaml", 1, "no chapter files (chapter-1.yaml …) found"))
    chapters = [parse(name, model.Chapter) for _, name in chapter_files]

    parsed = [s for s in (site_src, front_src, glossary_src, closing_src, editorial_src, key_terms_src,
                          *(s for _, s in chapters))
              if s]
    problems.extend(_check_ids(parsed))
    if problems:
        raise DataError(problems)
    assert site and front and glossary and closing and overrides and terms and editorial and key_terms
    assert key_terms_src and indicators and indicators_src and projects and projects_src
    assert site_src and front_src and glossary_src and overrides_src and terms_src
    plan = model.Plan(site=site, front=front, chapters=[c for c, _ in chapters], glossary=glossary,
                      closing=closing, hk_overrides=overrides.overrides, terms=terms.terms,
                      editorial=editorial.pages, key_terms=key_terms.terms, hk_usage=key_terms.hk_usage,
                      indicators=indicators, projects=projects.projects,
                      chapter_files={c.id: name for (c, _), (_, name) in zip(chapters, chapter_files)})
    problems.extend(_check_site(plan, site_src))
    problems.extend(_check_glossary(plan.glossary, glossary_src))
    problems.extend(_check_front(plan.front, front_src))
    problems.extend(_check_overrides(plan, overrides_src))
    problems.extend(_check_terms(plan, terms_src))
    problems.extend(_check_hk_usage(plan, key_terms_src))
    problems.extend(_check_indicators(plan, indicators_src))
    problems.extend(_check_projects(plan, projects_src))
    if problems:
        raise DataError(problems)
    return plan


# --- turning pydantic's errors into maintainer's words ---------------------------------------

def _explain(err: ValidationError, src: YamlFile) -> Iterator[Problem]:
    for e in err.errors(include_url=False):
        loc = tuple(e["loc"])
        field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "value")
        where = _nearest_id(src.data, loc)
        where = f" (in `{where}`)" if where else ""
        yield Problem(src.name, src.line_of(loc), _message(e["type"], field, e) + where)


def _message(kind: str, field: str, e: Any) -> str:
    messages = {
        "missing": f"`{field}` is missing: add it (the comment at the top of the file lists the fields)",
        "extra_forbidden": f"unknown key `{field}`: check its spelling against the comment at the top of the file",
        "string_type": f"`{field}` must be text: put the value in double quotes",
        "string_too_short": f"`{field}` is empty: write the text, or remove the entry",
        "string_pattern_mismatch": (f"`{field}` must use lowercase letters, digits and hyphens, starting with a "
                                    "letter (e.g. ch3-s2-p9)" if field in ("id", "contents")
                                    else f"`{field}` is not a valid key: use lowercase letters, digits and _"),
        "date_type": f"`{field}` must be a date written YYYY-MM-DD, without quotes",
        "list_type": f"`{field}` must be a list: one entry per line, each starting with `- `",
        "model_type": f"`{field}` must be a group of `key: value` lines, indented under it",
        "dict_type": f"`{field}` must be a group of `key: value` lines, indented under it",
        "too_short": f"`{field}` needs at least one entry",
        "int_type": f"`{field}` must be a whole number, without quotes",
        "literal_error": f"`{field}` must be one of: {e.get('ctx', {}).get('expected', '')}",
        "greater_than_equal": f"`{field}` must be 1 or more",
    }
    if kind in messages:
        return messages[kind]
    if kind == "value_error":
        return f"`{field}`: {str(e['msg']).removeprefix('Value error, ')}"
    return f"`{field}`: {e['msg']}"


def _nearest_id(data: Any, loc: tuple) -> str | None:
    found = None
    for part in loc:
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            found = data["id"]
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            break
    return found


# --- cross-file checks --------------------------------------------------------------------

def _walk_ids(data: Any, path: tuple = ()) -> Iterator[tuple[str, tuple]]:
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            yield data["id"], path + ("id",)
        for key, value in data.items():
            yield from _walk_ids(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _walk_ids(value, path + (i,))


def _check_ids(sources: list[YamlFile]) -> Iterator[Problem]:
    """Ids are anchors and URLs in every language: one id, one place (checked even in invalid files)."""
    seen: dict[str, str] = {}
    for src in sources:
        for ident, path in _walk_ids(src.data):
            where = f"{src.name}:{src.line_of(path)}"
            if ident in seen:
                yield Problem(src.name, src.line_of(path),
                              f"the id `{ident}` is already used at {seen[ident]}: give this entry a new, unused id")
            else:
                seen[ident] = where


def page_ids(plan: model.Plan) -> list[str]:
    """Every page the data defines, by id."""
    return [plan.front.notice.id, "preamble", *(c.id for c in plan.chapters), plan.glossary.id, "progress",
            *(p.id for p in plan.editorial)]


def _check_site(plan: model.Plan, src: YamlFile) -> Iterator[Problem]:
    known = page_ids(plan)
    for i, ident in enumerate(plan.site.contents):
        if ident not in known:
            yield Problem(src.name, src.line_of(("contents", i)),
                          f"`contents` lists `{ident}`, which is not a page: use one of {', '.join(known)}")
    for ident in known:
        if ident not in plan.site.contents:
            yield Problem(src.name, src.line_of(("contents",)),
                          f"`contents` does not list the page `{ident}`: add it where it belongs in reading order")
    for key in sorted(model.UI_KEYS - plan.site.ui.keys()):
        yield Problem(src.name, src.line_of(("ui",)), f"the interface string `{key}` is missing under `ui`: add it "
                      "with its zh-Hans and en text")
    for code in ("zh-Hans", "zh-Hant", "en"):
        if code not in plan.site.editions:
            yield Problem(src.name, src.line_of(("editions",)), f"`editions` has no name for `{code}`: add it, "
                          "written in that language's own script")
    for key, texts in plan.site.ui.items():
        for lang in ("zh-Hans", "en"):
            if lang not in texts:
                yield Problem(src.name, src.line_of(("ui", key)), f"the interface string `{key}` has no `{lang}` text: add it")


def _check_overrides(plan: model.Plan, src: YamlFile) -> Iterator[Problem]:
    """An override that no longer matches, or no longer changes anything, is a stale correction."""
    effects = override_effects(plan)
    for i, override in enumerate(plan.hk_overrides):
        line = src.line_of(("overrides", i, "simplified"))
        if effects[override.simplified] is None:
            yield Problem(src.name, line, f"the override for `{override.simplified}` matches no text of the plan: "
                          "correct it or remove the entry")
        elif effects[override.simplified] == 0:
            yield Problem(src.name, line, f"the override for `{override.simplified}` changes nothing (OpenCC "
                          f"already gives {override.hk}): remove the entry")


def _check_terms(plan: model.Plan, src: YamlFile) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    glossary_ids = {t.id for t in plan.glossary.terms}
    for i, entry in enumerate(plan.terms):
        here = ("terms", i)
        if entry.zh in seen:
            yield Problem(src.name, src.line_of(here + ("zh",)),
                          f"`{entry.zh}` is already in the term list (line {seen[entry.zh]}): keep one entry")
        seen.setdefault(entry.zh, src.line_of(here + ("zh",)))
        if entry.glossary and entry.glossary not in glossary_ids:
            yield Problem(src.name, src.line_of(here + ("glossary",)),
                          f"`glossary: {entry.glossary}` is not an appendix entry: use one of term1 … "
                          f"term{len(glossary_ids)}")


def _check_hk_usage(plan: model.Plan, src: YamlFile) -> Iterator[Problem]:
    known = {t.id for t in plan.glossary.terms} | {t.id for t in plan.key_terms}
    for key in plan.hk_usage:
        if key not in known:
            yield Problem(src.name, src.line_of(("hk_usage", key)),
                          f"`{key}` under hk_usage is not a glossary entry: use an id such as term1 or key-…")


def _check_indicators(plan: model.Plan, src: YamlFile) -> Iterator[Problem]:
    assert plan.indicators
    paragraphs = {place.paragraph.id for place in plan.places()}
    seen: set[str] = set()
    for i, ind in enumerate(plan.indicators.indicators):
        here = ("indicators", i)
        if ind.id in seen:
            yield Problem(src.name, src.line_of(here + ("id",)), f"the indicator id `{ind.id}` is used twice")
        seen.add(ind.id)
        if ind.theme not in plan.indicators.themes:
            yield Problem(src.name, src.line_of(here + ("theme",)),
                          f"theme `{ind.theme}` is not listed under `themes`: use one of {', '.join(plan.indicators.themes)}")
        if ind.unit not in plan.indicators.units:
            yield Problem(src.name, src.line_of(here + ("unit",)),
                          f"unit `{ind.unit}` is not listed under `units`: use one of {', '.join(plan.indicators.units)}")
        for key in ("baseline", "target"):
            point = getattr(ind, key)
            if point and point.paragraph not in paragraphs:
                yield Problem(src.name, src.line_of(here + (key, "paragraph")),
                              f"`{key}.paragraph: {point.paragraph}` is not a paragraph id of the plan")


def _check_projects(plan: model.Plan, src: YamlFile) -> Iterator[Problem]:
    sections = {s.id: s for c in plan.chapters for s in c.sections}
    for i, project in enumerate(plan.projects):
        here = ("projects", i)
        if project.section not in sections:
            yield Problem(src.name, src.line_of(here + ("section",)), f"`section: {project.section}` is not a section of the plan")
            continue
        ids = {p.id for p in sections[project.section].paragraphs}
        for j, item in enumerate(project.items):
            if item.paragraph not in ids:
                yield Problem(src.name, src.line_of(here + ("items", j, "paragraph")),
                              f"`paragraph: {item.paragraph}` is not a paragraph of {project.section}")
        for j, item in [(-1, project), *enumerate(project.items)]:
            if item.status != "no_data" and not item.evidence:
                path = here + (("status",) if j < 0 else ("items", j, "status"))
                yield Problem(src.name, src.line_of(path), f"status `{item.status}` needs cited evidence: add an "
                              "`evidence` entry with its source, or set the status to no_data")


def _check_glossary(glossary: model.Glossary, src: YamlFile) -> Iterator[Problem]:
    figures: dict[int, str] = {}
    for i, term in enumerate(glossary.terms):
        here = ("terms", i)
        if term.number != f"{i + 1}.":
            yield Problem(src.name, src.line_of(here + ("number",)),
                          f"`number` of `{term.id}` is {term.number!r} but it is entry {i + 1}: the appendix is numbered in order")
        for key in ("term", "abbreviation", "english_name", "chinese_name"):
            value = getattr(term, key)
            if value and value not in term.label:
                yield Problem(src.name, src.line_of(here + (key,)),
                              f"`{key}` ({value}) does not appear in the entry's `label`: the two must agree")
        if term.figure:
            if term.figure.number in figures:
                yield Problem(src.name, src.line_of(here + ("figure", "number")),
                              f"figure {term.figure.number} is already attached to `{figures[term.figure.number]}`")
            figures[term.figure.number] = term.id


_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def chinese_date(value: str) -> tuple[int, int, int] | None:
    """二〇一一年十二月二十三日 → (2011, 12, 23); None if it is not such a date."""
    m = re.fullmatch(r"([〇一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日", value)
    if not m:
        return None

    def small(s: str) -> int:  # 十, 十二, 二十, 二十三
        if "十" not in s:
            return _DIGITS[s]
        tens, _, units = s.partition("十")
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)

    return int("".join(str(_DIGITS[c]) for c in m.group(1))), small(m.group(2)), small(m.group(3))


def _check_front(front: model.Front, src: YamlFile) -> Iterator[Problem]:
    printed = chinese_date(front.notice.date)
    iso = (front.date.year, front.date.month, front.date.day)
    if printed != iso:
        yield Problem(src.name, src.line_of(("date",)),
                      f"`date` ({front.date.isoformat()}) does not match the notice's printed date "
                      f"({front.notice.date}): correct one of them")

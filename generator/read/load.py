"""Read and validate everything in data/ into one `Plan`.

All files are read and all problems collected before anything is reported, so that a
maintainer fixes every mistake in one pass. Nothing downstream runs on invalid data.
"""
from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

from pydantic import ValidationError

from ..model import plan as model
from . import validate
from ..base.datafiles import data_files
from ..base.problems import DataError, Problem
from .validate import message, nearest_id
from .yamlfile import YamlFile, read

CHAPTER_FILE = re.compile(r"^chapter-([1-9]\d*)\.yaml$")  # (chapter-03.yaml is not one: named as unread)


@dataclass
class Loaded:
    """One data file: its parsed text (None if unreadable) and its model (None if invalid)."""

    src: YamlFile | None = None
    value: Any = None

    @property
    def ok(self) -> bool:
        return self.value is not None


@dataclass
class Reuse:
    """What earlier loads parsed, for a process that loads again after every save (the preview).

    A file whose bytes and schema are unchanged is taken as it was, with its problems, instead of
    being parsed, checked against its schema and modelled again (~0.15 s for all files). The
    cross-file checks always run. After each load, `digests` holds the SHA-256 of every data
    file's bytes as that load read them (file name → digest), so that the caller can tell
    whether they are the bytes it expected.
    """

    parsed: dict[str, tuple[bytes, bytes, Loaded, list[Problem]]] = field(default_factory=dict)
    digests: dict[str, bytes] = field(default_factory=dict)


def load_plan(data_dir: Path, reuse: Reuse | None = None) -> model.Plan:
    """Load data_dir; raise DataError listing every problem found.

    Every check runs whose inputs are valid, even when another file is broken: a maintainer
    sees all that can be known in one run. Only a check that needs a broken file waits.
    `reuse` (optional) keeps parsed files between loads: see Reuse.
    """
    problems: list[Problem] = []
    schema_dir = data_dir.parent / "schema"
    if reuse is not None:
        reuse.digests = {}

    def parse(filename: str, schema: str) -> Loaded:
        return _parse_reusing(data_dir, filename, schema, schema_dir, problems, reuse)

    # each data file NAME.yaml has its schema NAME.schema.json and its model model.FILES[NAME]
    file_names = {name: f"{name}.yaml" for name in model.FILES if name != "chapter"}
    files = {name: parse(file_name, name) for name, file_name in file_names.items()}
    chapter_files = sorted((int(m.group(1)), p.name) for p in data_dir.glob("chapter-*.yaml")
                           if (m := CHAPTER_FILE.match(p.name)))
    if not chapter_files:
        problems.append(Problem(f"{data_dir.name}/chapter-1.yaml", 1, "no chapter files (chapter-1.yaml …) found"))
    chapters = [parse(name, "chapter") for _, name in chapter_files]
    problems.extend(_check_unread(data_dir, set(file_names.values())))

    site, front, glossary, closing, overrides, terms, editorial, key_terms, indicators, projects = (
        files[name] for name in ("site", "front", "glossary", "closing", "hk-overrides", "terms", "about",
                                 "key-terms", "indicators", "projects"))
    problems.extend(_check_ids([f.src for f in (site, front, glossary, closing, editorial, key_terms, *chapters,
                                                 indicators, projects) if f.src]))
    plan_ok = all(f.ok for f in (front, *chapters)) and bool(chapters)
    paragraphs = _paragraph_ids(front.value, [c.value for c in chapters]) if plan_ok else None
    sections = {s.id: s for c in chapters for s in c.value.sections} if plan_ok else None
    if site.ok:
        problems.extend(_check_site(site.value, site.src))
        if plan_ok and glossary.ok and editorial.ok:
            known = page_ids(front.value, [c.value for c in chapters], glossary.value, editorial.value.pages)
            problems.extend(_check_contents(site.value, site.src, known))
    if glossary.ok:
        problems.extend(_check_glossary(glossary.value, glossary.src))
    if front.ok:
        problems.extend(_check_front(front.value, front.src))
    if terms.ok:
        glossary_ids = [t.id for t in glossary.value.terms] if glossary.ok else None
        problems.extend(_check_terms(terms.value.terms, terms.src, glossary_ids))
    if key_terms.ok and glossary.ok:
        problems.extend(_check_hk_usage(key_terms.value, key_terms.src, glossary.value))
    if indicators.ok:
        problems.extend(_check_indicators(indicators.value, indicators.src, paragraphs))
    if projects.ok:
        problems.extend(_check_projects(projects.value.projects, projects.src, sections,
                                        front.value.date if front.ok else None))
    problems.extend(_check_citations(_citations(indicators, projects)))
    problems.extend(_check_hong_kong_texts(site, files["downloads"], editorial))
    everything = [site, front, glossary, closing, overrides, terms, editorial, key_terms, indicators, projects,
                  files["downloads"], *chapters]
    if problems or not all(f.ok for f in everything):
        raise DataError(problems)
    plan = model.Plan(site=site.value, front=front.value, chapters=[c.value for c in chapters],
                      glossary=glossary.value, closing=closing.value, hk_overrides=overrides.value.overrides,
                      hk_word_forms=overrides.value.words,
                      hk_forms=overrides.value.forms, hk_watch=overrides.value.watch,
                      terms=terms.value.terms, editorial=editorial.value.pages, key_terms=key_terms.value.terms,
                      hk_usage=key_terms.value.hk_usage, hk_words=key_terms.value.hk_words, indicators=indicators.value,
                      projects=projects.value.projects, opendata=files["downloads"].value,
                      chapter_files={c.value.id: name for c, (_, name) in zip(chapters, chapter_files)})
    for i, word in enumerate(plan.hk_word_forms):
        if word.hk not in word.example.replace(" ", ""):
            problems.append(Problem(overrides.src.name, overrides.src.line_of(("words", i, "example")),
                                    f"the example does not show {word.hk}: copy the words of the cited page that contain it"))
    if problems:
        raise DataError(problems)
    return plan


def _check_unread(data_dir: Path, known: set[str]) -> list[Problem]:
    """A YAML file in data/ that no part of the site reads (a chapter file renamed, a misspelt name, .yml):
    its edits would be lost without a word. `known`: the names of the other data files than chapters.
    Which files count: base/datafiles.py."""
    return [Problem(f"{data_dir.name}/{path.name}", 1,
                    f"no part of the site reads this file: the data files are {', '.join(sorted(known))} and "
                    "chapter-N.yaml (N a number): rename it, or move it out of data/")
            for path in data_files(data_dir) if path.name not in known and not CHAPTER_FILE.match(path.name)]


def _parse_reusing(data_dir: Path, filename: str, schema: str, schema_dir: Path, problems: list[Problem],
                   reuse: Reuse | None) -> Loaded:
    """_parse, or the result of an earlier _parse of the same bytes against the same schema (see Reuse)."""
    if reuse is None:
        return _parse(data_dir, filename, schema, schema_dir, problems)
    try:
        raw = (data_dir / filename).read_bytes()
        schema_bytes = (schema_dir / f"{schema}.schema.json").read_bytes()
    except OSError:  # missing or unreadable: _parse says so
        return _parse(data_dir, filename, schema, schema_dir, problems)
    reuse.digests[filename] = hashlib.sha256(raw).digest()
    earlier = reuse.parsed.get(filename)
    if earlier and earlier[0] == raw and earlier[1] == schema_bytes:
        problems.extend(earlier[3])
        return earlier[2]
    found: list[Problem] = []
    loaded = _parse(data_dir, filename, schema, schema_dir, found, raw)
    reuse.parsed[filename] = (raw, schema_bytes, loaded, found)
    problems.extend(found)
    return loaded


def _parse(data_dir: Path, filename: str, schema: str, schema_dir: Path, problems: list[Problem],
           raw: bytes | None = None) -> Loaded:
    """Read one file (or take `raw`, its bytes already read), check it against its schema file, then build its typed model."""
    path = data_dir / filename
    name = f"{data_dir.name}/{filename}"
    if raw is None and not path.is_file():
        problems.append(Problem(name, 1, f"the file is missing: restore it from git (git checkout -- {name})"))
        return Loaded()
    src = read(path, name, problems, raw)
    if src is None:
        return Loaded()
    found = validate.check(src, schema_dir / f"{schema}.schema.json", f"schema/{schema}.schema.json")
    if found:
        problems.extend(found)
        return Loaded(src)
    try:
        return Loaded(src, model.FILES[schema].model_validate(src.data))
    except ValidationError as err:
        problems.extend(_explain(err, src))
        return Loaded(src)


# --- turning pydantic's errors into maintainer's words ---------------------------------------

def _explain(err: ValidationError, src: YamlFile) -> Iterator[Problem]:
    """What the schema cannot say (e.g. strict dates, custom rules) is found by the models."""
    for e in err.errors(include_url=False):
        loc = tuple(e["loc"])
        if loc[-1:] == ("[key]",):  # a key of a mapping has the wrong form: the message names the key itself
            loc = loc[:-1]
        field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "value")
        where = nearest_id(src.data, loc)
        where = f" (in `{where}`)" if where else ""
        ctx = e.get("ctx", {})
        if e["type"] == "value_error":
            detail = str(e["msg"]).removeprefix("Value error, ")
        elif e["type"] == "string_pattern_mismatch":
            detail = str(ctx.get("pattern", ""))
        else:
            detail = str(ctx.get("expected", ctx.get("ge", ctx.get("le", ctx.get("max_length", e["msg"])))))
        yield Problem(src.name, src.line_of(loc), message(e["type"], field, detail) + where)


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


def reserved_message(ident: str) -> str:
    return (f"the id `{ident}` is reserved: the generator or the theme uses it for a page, folder or heading of "
            "its own; choose another id. Reserved: " + ", ".join(sorted(model.RESERVED_IDS)) +
            ", and ids starting with " + ", ".join(model.RESERVED_PREFIXES))


def _check_ids(sources: list[YamlFile]) -> Iterator[Problem]:
    """Ids are anchors and URLs in every language: one id, one place (checked even in invalid files),
    and none that the generator or the theme uses itself (model.RESERVED_IDS)."""
    seen: dict[str, str] = {}
    for src in sources:
        for ident, path in _walk_ids(src.data):
            where = f"{src.name}:{src.line_of(path)}"
            if ident in model.RESERVED_IDS or ident.startswith(model.RESERVED_PREFIXES):
                yield Problem(src.name, src.line_of(path), reserved_message(ident))
            elif ident in seen:
                yield Problem(src.name, src.line_of(path),
                              f"the id `{ident}` is already used at {seen[ident]}: give this entry a new, unused id")
            else:
                seen[ident] = where


def page_ids(front: model.Front, chapters: list[model.Chapter], glossary: model.Glossary,
             editorial: list[model.EditorialPage]) -> list[str]:
    """Every page the data defines, by id."""
    return [front.notice.id, "preamble", *(c.id for c in chapters), glossary.id, "progress",
            "downloads", *(p.id for p in editorial)]


def _paragraph_ids(front: model.Front, chapters: list[model.Chapter]) -> set[str]:
    plan = model.Plan.model_construct(front=front, chapters=chapters)
    return {place.paragraph.id for place in plan.places()}


def _check_contents(site: model.Site, src: YamlFile, known: list[str]) -> Iterator[Problem]:
    for i, ident in enumerate(site.contents):
        if ident not in known:
            yield Problem(src.name, src.line_of(("contents", i)),
                          f"`contents` lists `{ident}`, which is not a page: use one of {', '.join(known)}")
    for ident in known:
        if ident not in site.contents:
            yield Problem(src.name, src.line_of(("contents",)),
                          f"`contents` does not list the page `{ident}`: add it where it belongs in reading order")


def _check_site(site: model.Site, src: YamlFile) -> Iterator[Problem]:
    if site.site_url and urlsplit(site.site_url).path != site.base_path:
        yield Problem(src.name, src.line_of(("site_url",)), f"`site_url` ({site.site_url}) has the path "
                      f"{urlsplit(site.site_url).path} but `base_path` is {site.base_path}: make them agree")
    for key in sorted(model.UI_KEYS - site.ui.keys()):
        yield Problem(src.name, src.line_of(("ui",)), f"the interface string `{key}` is missing under `ui`: add it "
                      "with its zh-Hans and en text")
    for code in ("zh-Hans", "zh-Hant", "en"):
        if code not in site.editions:
            yield Problem(src.name, src.line_of(("editions",)), f"`editions` has no name for `{code}`: add it, "
                          "written in that language's own script")


def _check_hong_kong_texts(site: Loaded, downloads: Loaded, editorial: Loaded) -> Iterator[Problem]:
    """The site's own Hong Kong texts (`zh-Hant`: interface strings, downloads texts, editorial paragraphs),
    each with the .gov.hk evidence for its Hong Kong words."""
    if site.ok:
        for key, texts in site.value.ui.items():
            yield from _check_hk_texts({"zh-Hant": texts.zh_hant} if texts.zh_hant else {}, texts.hk_evidence,
                                       site.src, ("ui", key))
    if downloads.ok:
        texts = downloads.value
        yield from _check_hk_texts(texts.model_dump(by_alias=True, exclude={"hk_evidence"}), texts.hk_evidence,
                                   downloads.src, ())
    if editorial.ok:
        for i, page in enumerate(editorial.value.pages):
            ids = {p.id for p in page.paragraphs}
            for j, hk in enumerate(page.hk):
                if hk.paragraph not in ids:
                    yield Problem(editorial.src.name, editorial.src.line_of(("pages", i, "hk", j, "paragraph")),
                                  f"`paragraph: {hk.paragraph}` is not a paragraph of this page")
            yield from _check_hk_texts({"hk": [h.model_dump(by_alias=True) for h in page.hk]}, page.hk_evidence,
                                       editorial.src, ("pages", i))


def _check_hk_texts(texts: Any, evidence: list[model.HkEvidence], src: YamlFile, at: tuple) -> Iterator[Problem]:
    """The Hong Kong texts (`zh-Hant`) in `texts` (found at `at` in `src`): each uses a word its `hk_evidence`
    cites, and each cited word is used and shown by its example."""
    def walk(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
        if isinstance(value, dict):
            if "zh-Hant" in value:
                yield path + ("zh-Hant",), value["zh-Hant"]
            for key, item in value.items():
                yield from walk(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, path + (i,))
    hk = list(walk(texts, at))
    words = [e.word for e in evidence]
    for path, text in hk:
        if not any(word in text for word in words):
            yield Problem(src.name, src.line_of(path), "this Hong Kong text uses no word cited under `hk_evidence`: "
                          "cite the .gov.hk page for its Hong Kong word, or remove the zh-Hant text")
    for i, cited in enumerate(evidence):
        line = src.line_of(at + ("hk_evidence", i))
        if cited.word not in cited.example:
            yield Problem(src.name, line, f"the example does not show the Hong Kong word {cited.word}: copy the "
                          "words of the cited page that contain it")
        elif not any(cited.word in text for _, text in hk):
            yield Problem(src.name, line, f"no zh-Hant text uses {cited.word}: remove this entry")


def _check_terms(terms: list[model.TermEntry], src: YamlFile, glossary_ids: list[str] | None) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, entry in enumerate(terms):
        here = ("terms", i)
        if entry.zh in seen:
            yield Problem(src.name, src.line_of(here + ("zh",)),
                          f"`{entry.zh}` is already in the term list (line {seen[entry.zh]}): keep one entry")
        seen.setdefault(entry.zh, src.line_of(here + ("zh",)))
        if entry.glossary and glossary_ids is not None and entry.glossary not in glossary_ids:
            yield Problem(src.name, src.line_of(here + ("glossary",)),
                          f"`glossary: {entry.glossary}` is not an appendix entry: use one of "
                          f"{', '.join(glossary_ids)}")


def _check_hk_usage(key_terms: model.KeyTerms, src: YamlFile, glossary: model.Glossary) -> Iterator[Problem]:
    known = {t.id for t in glossary.terms} | {t.id for t in key_terms.terms}
    for key in key_terms.hk_usage:
        if key not in known:
            yield Problem(src.name, src.line_of(("hk_usage", key)),
                          f"`{key}` under hk_usage is not a glossary entry: use an id such as term1 or key-…")
    usages = [(("hk_usage", k), u) for k, u in key_terms.hk_usage.items()]
    usages += [(("hk_words", i), w) for i, w in enumerate(key_terms.hk_words)]
    for path, usage in usages:
        if usage.term.replace(" ", "") not in usage.example.replace(" ", ""):
            yield Problem(src.name, src.line_of(path + ("example",)),
                          f"the example does not show the Hong Kong term {usage.term}: copy the words of the "
                          "cited page that contain it")


def _check_indicators(indicators: model.Indicators, src: YamlFile, paragraphs: set[str] | None) -> Iterator[Problem]:
    """`paragraphs` is None while a chapter file is broken: references then wait for the next run."""
    seen: set[str] = set()
    for i, ind in enumerate(indicators.indicators):
        here = ("indicators", i)
        if ind.id in seen:
            yield Problem(src.name, src.line_of(here + ("id",)), f"the indicator id `{ind.id}` is used twice")
        seen.add(ind.id)
        if ind.theme not in indicators.themes:
            yield Problem(src.name, src.line_of(here + ("theme",)),
                          f"theme `{ind.theme}` is not listed under `themes`: use one of {', '.join(indicators.themes)}")
        if ind.unit not in indicators.units:
            yield Problem(src.name, src.line_of(here + ("unit",)),
                          f"unit `{ind.unit}` is not listed under `units`: use one of {', '.join(indicators.units)}")
        for key in ("baseline", "target"):
            point = getattr(ind, key)
            if point and paragraphs is not None and point.paragraph not in paragraphs:
                yield Problem(src.name, src.line_of(here + (key, "paragraph")),
                              f"`{key}.paragraph: {point.paragraph}` is not a paragraph id of the plan")
    for i, series in enumerate(indicators.context):
        here = ("context", i)
        if series.unit not in indicators.units:
            yield Problem(src.name, src.line_of(here + ("unit",)),
                          f"unit `{series.unit}` is not listed under `units`: use one of {', '.join(indicators.units)}")
        if paragraphs is not None and series.baseline.paragraph not in paragraphs:
            yield Problem(src.name, src.line_of(here + ("baseline", "paragraph")),
                          f"`baseline.paragraph: {series.baseline.paragraph}` is not a paragraph id of the plan")


# The last year of the plan period (十二五, 2011–2015): weak evidence of a later fact does not speak for the plan.
PLAN_PERIOD_END = 2015
WEAK = ("medium-low", "low")


def _dated_problem(source: model.Source, issued: datetime.date | None) -> str | None:
    """What is wrong with a project's evidence as evidence of implementation, or None.

    It needs the date of the fact and the source's own words; a fact dated before the plan was issued
    is not evidence of implementing it; weak evidence (medium-low, low) of a fact after the plan period
    is left out (research notes, ../shared/sources/outcomes-projects.md)."""
    if not source.dated:
        return ("evidence needs `dated`: when the fact happened, as the source dates it "
                '(e.g. "2012-08", "2013" or "2012-07/2015", in double quotes)')
    if not source.quote:
        return "evidence needs `quote`: the source's own words that state the fact, copied exactly"
    start, _, end = source.dated.partition("/")
    if issued and start < issued.isoformat()[:len(start)]:
        return (f"the fact is dated {start}, before the plan was issued ({issued.isoformat()}): it is not "
                "evidence of implementing the plan; remove this entry")
    if source.confidence in WEAK and int((end or start)[:4]) > PLAN_PERIOD_END:
        return (f"weak evidence ({source.confidence}) of a fact after the plan period ({end or start}, the plan "
                f"runs to {PLAN_PERIOD_END}): leave it out")
    return None


def _check_projects(projects: list[model.Project], src: YamlFile,
                    sections: dict[str, model.Section] | None,
                    issued: datetime.date | None = None) -> Iterator[Problem]:
    """`sections` is None while a chapter file is broken: references then wait for the next run;
    `issued` (the plan's date) is None while data/front.yaml is broken."""
    for i, project in enumerate(projects):
        here = ("projects", i)
        if sections is not None and project.section not in sections:
            yield Problem(src.name, src.line_of(here + ("section",)), f"`section: {project.section}` is not a section of the plan")
        elif sections is not None:
            ids = {p.id for p in sections[project.section].paragraphs}
            for j, item in enumerate(project.items):
                if item.paragraph not in ids:
                    yield Problem(src.name, src.line_of(here + ("items", j, "paragraph")),
                                  f"`paragraph: {item.paragraph}` is not a paragraph of {project.section}")
        for j, item in [(-1, project), *enumerate(project.items)]:
            at = here if j < 0 else here + ("items", j)
            if item.status != "no_data" and not item.evidence:
                yield Problem(src.name, src.line_of(at + ("status",)), f"status `{item.status}` needs cited "
                              "evidence: add an `evidence` entry with its source, or set the status to no_data")
            for k, evidence in enumerate(item.evidence):
                if message := _dated_problem(evidence, issued):
                    yield Problem(src.name, src.line_of(at + ("evidence", k)), message)


def _source_key(source: model.Source) -> tuple[str, str, str]:
    """What makes two citations the same source (the published source_id is made from it)."""
    return source.source, source.publisher, source.url


def _check_citations(cited: list[tuple[YamlFile, tuple, model.Source]]) -> Iterator[Problem]:
    """Each source cited once per indicator and year (or per project item): a second citation repeats
    the first or contradicts it, and the published tables key their rows by source. And a source
    (title, publisher, address) is a republishing mirror or not, the same everywhere it is cited."""
    seen: dict[tuple, int] = {}
    mirrors: dict[tuple[str, str, str], tuple[str, int, bool]] = {}
    for src, path, source in cited:
        year = getattr(source, "year", None)  # an observation's; evidence has none
        line = src.line_of(path)
        once = (src.name, path[:-2], year, *_source_key(source))  # path[:-2]: the indicator or project item
        if once in seen:
            what = f"a {year} observation" if year is not None else "evidence"
            yield Problem(src.name, line, f"{what} from this source is already cited at line {seen[once]}: keep "
                          "one (give the other its own source, title or address if it really is another)")
        seen.setdefault(once, line)
        at_mirror = src.line_of(path + ("mirror",))
        name, at, mirror = mirrors.setdefault(_source_key(source), (src.name, at_mirror, source.mirror))
        if mirror != source.mirror:
            yield Problem(src.name, at_mirror, f"this source is marked `mirror: {str(source.mirror).lower()}` here "
                          f"but `mirror: {str(mirror).lower()}` at {name}:{at}: make them agree (a mirror's address "
                          "is never linked)")


def _citations(indicators: Loaded, projects: Loaded) -> list[tuple[YamlFile, tuple, model.Source]]:
    """Every cited source of the indicators and the projects, with its file and place, in file order."""
    cited = []
    if indicators.ok:
        cited += [(indicators.src, ("indicators", i, "observations", k), o)
                  for i, ind in enumerate(indicators.value.indicators) for k, o in enumerate(ind.observations)]
        cited += [(indicators.src, ("context", i, "observations", k), o)
                  for i, series in enumerate(indicators.value.context) for k, o in enumerate(series.observations)]
    if projects.ok:
        for i, project in enumerate(projects.value.projects):
            for j, item in [(-1, project), *enumerate(project.items)]:
                at = ("projects", i) if j < 0 else ("projects", i, "items", j)
                cited += [(projects.src, at + ("evidence", k), e) for k, e in enumerate(item.evidence)]
    return cited


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

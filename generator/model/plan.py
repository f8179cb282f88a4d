"""The plan as typed data: what each YAML file may contain.

Validated once on load (types, required fields, unknown keys), then trusted by the renderer.
Every translatable object carries an optional `en` block with the same text keys, so the
English edition slots in beside the Chinese without reshaping the files.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, Iterator, Literal, Optional, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints


def _one_paragraph(value: str) -> str:
    if "\n" in value:
        raise ValueError("the text has a line break: a text is one paragraph on one line "
                         "(to add a paragraph, add a new entry with its own id)")
    return value


ID_PATTERN = r"^[a-z][a-z0-9-]*$"
FINGERPRINT = r"^[0-9a-f]{8}$"          # what `python -m generator translated` writes
KEY = r"^[a-z][a-z0-9_]*$"              # interface string names, column names
CODE = r"^[a-z_]+$"                     # unit codes
FILE_NAME = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
HTTPS = r"^https://"                    # a page cited for a Hong Kong usage decision
GOV_HK = r"^https?://[^ ]+\.gov\.hk/"    # a Hong Kong government page
WEB_ADDRESS = r"^https?://[^\s<>\"'`]+$"  # a source a page links to: never javascript: or data:
# when a cited fact happened, as precisely as its source dates it: 2012, 2012-08, 2012-07-20, or a span 2012-07/2015
_DAY = r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
DATED = rf"^{_DAY}(/{_DAY})?$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60)]

# Ids the generator and the theme use themselves, in every edition: pages the generator makes,
# folders MkDocs and Material write beside the pages, and the anchors of headings and elements
# the templates add. A data id equal to one of them would replace that page or give a page two
# elements with one id, so the loader refuses it (ids are URLs and anchors). Material's own
# element ids (__search, __drawer, __toc, …) start with "_", which no data id can.
# tests/read/test_reserved_ids.py checks every id of the built site against this list.
RESERVED_IDS = frozenset({
    # pages and folders of an edition
    "index", "preamble", "progress", "search", "assets", "downloads", "parallel", "sitemap", "404",
    # anchors added by the templates (generator/render/templates, generator/render/pdf/templates)
    "about", "closing", "contents", "cover", "glossary-index", "glossary-key-terms", "glossary-hk-usage",
    "status-rules", "indicators", "indicator-details", "context", "projects", "licence", "summary", "start", "targets",
    "not-found", "other-editions",
})
# row-<indicator id>: the progress table's rows; plan-…: the site's own elements (plan-title, plan-search, …)
RESERVED_PREFIXES = ("row-", "plan-")
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_one_paragraph)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)  # numbers are finite


class English(Strict):
    """An English rendering of the Chinese object beside it (filled by the translation work)."""

    number: Optional[Text] = None
    title: Optional[Text] = None
    lead: Optional[Text] = None
    text: Optional[Text] = None
    caption: Optional[Text] = None
    definition: Optional[Text] = None
    term: Optional[Text] = None
    label: Optional[Text] = None
    addressees: Optional[Text] = None
    date: Optional[Text] = None
    office_header: Optional[Text] = None
    plan_title: Optional[Text] = None
    issuing_office: Optional[Text] = None
    document_number: Optional[Text] = None
    source: Optional[Annotated[str, StringConstraints(pattern=FINGERPRINT)]] = None  # hash of the Chinese translated
    status: Literal["draft", "reviewed"] = "draft"


class Paragraph(Strict):
    """One paragraph of the plan, with its stable id (its anchor in every language)."""

    id: Id
    text: Text
    number: Optional[Text] = None
    lead: Optional[Text] = None
    marker: Optional[Literal["——"]] = None
    en: Optional[English] = None


class Section(Strict):
    id: Id
    number: Text
    title: Text
    paragraphs: list[Paragraph] = Field(min_length=1)
    en: Optional[English] = None


class Chapter(Strict):
    id: Id
    number: Text
    title: Text
    paragraphs: list[Paragraph] = []
    sections: list[Section] = Field(min_length=1)
    en: Optional[English] = None


class Figure(Strict):
    """A figure of the original PDF: only its caption survives in the source text."""

    id: Id
    number: int = Field(ge=1)
    caption: Text
    en: Optional[English] = None


class Term(Strict):
    """One entry of the appendix 名词解释."""

    id: Id
    number: Text
    term: Text
    label: Text
    definition: Text
    abbreviation: Optional[Text] = None
    english_name: Optional[Text] = None
    chinese_name: Optional[Text] = None
    figure: Optional[Figure] = None
    en: Optional[English] = None


class Glossary(Strict):
    id: Id
    title: Text
    terms: list[Term] = Field(min_length=1)
    en: Optional[English] = None


class Notice(Strict):
    id: Id
    title: Text
    addressees: Text
    paragraphs: list[Paragraph] = Field(min_length=1)
    date: Text
    en: Optional[English] = None


class Front(Strict):
    """The cover and notice that issued the plan, its title and its preamble."""

    issuing_office: Text
    office_header: Text
    document_number: Text
    date: datetime.date
    notice: Notice
    plan_title: Text
    preamble: list[Paragraph] = Field(min_length=1)
    en: Optional[English] = None


class Closing(Strict):
    """The closing block (版记): subject words, copy-to list, printer, date, print run."""

    lines: list[Paragraph] = Field(min_length=1)


class HkEvidence(Strict):
    """A Hong Kong government page that writes an interface word the Hong Kong way."""

    word: Text                # the Hong Kong word (連結, 檔案 …), as the zh-Hant text uses it
    example: Text             # words on the page that show it
    source: Annotated[str, StringConstraints(pattern=GOV_HK)]


class UiText(Strict):
    """One interface string, in Simplified Chinese and English.

    The Hong Kong edition converts the Simplified text, unless `zh-Hant` gives the Hong Kong text: where
    Hong Kong government sites write the interface differently (連結 for 链接, 搜尋 for 搜索, 檔案 for a
    file, 欄 for a table column …), with `hk_evidence`: for each such word, the .gov.hk page that writes it
    so and the words on that page that show it. A `zh-Hant` equal to the conversion records a check that
    came out the other way (Hong Kong writes 菜單 as the conversion does), with its page all the same.
    Only interface strings: the plan's own text is never reworded.
    """

    zh_hans: Text = Field(alias="zh-Hans")
    en: Text
    zh_hant: Optional[Text] = Field(None, alias="zh-Hant")
    hk_evidence: list[HkEvidence] = []   # one per Hong Kong word the zh-Hant text uses (instead of, or as, the conversion's)


SITE_URL = r"^https?://[^/\s]+/([^/\s]+/)*$"  # absolute, ending in /
BASE_PATH = r"^/([^/\s]+/)*$"
REPOSITORY_URL = r"^https://[^/\s]+/[^/\s]+/[^/\s]+$"  # https://github.com/OWNER/NAME, no trailing /


class EditionName(Strict):
    """How an edition presents itself, in its own language: never converted."""

    name: Text
    enter: Text
    suggested: Text
    status: Text  # how the edition stands to the official text: the root pages show it under each edition


class Site(Strict):
    """Site settings and interface strings."""

    edition_date: datetime.date
    base_path: Annotated[str, StringConstraints(pattern=BASE_PATH)] = "/"
    site_url: Optional[Annotated[str, StringConstraints(pattern=SITE_URL)]] = None
    repository_url: Optional[Annotated[str, StringConstraints(pattern=REPOSITORY_URL)]] = None
    editions: dict[Literal["zh-Hans", "zh-Hant", "en"], EditionName]
    contents: list[Id] = Field(min_length=1)
    ui: dict[Annotated[str, StringConstraints(pattern=KEY)], UiText]


class Override(Strict):
    """A reviewed correction of OpenCC's Hong Kong conversion."""

    simplified: Text
    hk: Text
    reason: Text
    source: Optional[Annotated[str, StringConstraints(pattern=HTTPS)]] = None  # page showing the HK usage


Char = Annotated[str, StringConstraints(min_length=1, max_length=1)]


class HkForm(Strict):
    """A character rule of the Hong Kong edition, decided with a cited Hong Kong government page."""

    opencc: Char              # the character OpenCC (s2hk) writes
    hk: Char                  # the character Hong Kong government text writes (= opencc: OpenCC is right)
    example: Text             # words on the cited page that show the form
    source: Annotated[str, StringConstraints(pattern=HTTPS)]
    reason: Text


class Watch(Strict):
    """A sequence that is almost never right in the Hong Kong text of a plan like this one."""

    hk: Text                  # as it would appear in the Hong Kong text (髮, 瞭 …)
    reason: Text


class WordForm(Override):
    """A word whose Hong Kong form depends on the word, not the character (汇报 匯報 but 词汇 詞彙; 周年 but
    周期 週期), decided with a Hong Kong government page. Unlike an override it need not occur in the plan
    today: it keeps a future edit right."""

    example: Text             # words on the cited page that show the form
    source: Annotated[str, StringConstraints(pattern=GOV_HK)]


class HkOverrides(Strict):
    forms: list[HkForm] = []
    watch: list[Watch] = []
    overrides: list[Override] = []
    words: list[WordForm] = []


class TermEntry(Strict):
    """One entry of the English term list: the one rendering of a Chinese term."""

    zh: Text
    en: Text
    variants: list[Text] = []
    glossary: Optional[Id] = None
    note: Optional[Text] = None


class TermList(Strict):
    terms: list[TermEntry] = Field(min_length=1)


class HkParagraph(Strict):
    """The Hong Kong text of one editorial paragraph, where Hong Kong government sites write it differently."""

    paragraph: Id
    zh_hant: Text = Field(alias="zh-Hant")


class EditorialPage(Strict):
    """A page of this website that is not part of the plan (about the translation, status)."""

    id: Id
    title: Text
    paragraphs: list[Paragraph] = Field(min_length=1)
    en: Optional[English] = None
    hk: list[HkParagraph] = []            # Hong Kong texts of some paragraphs (never the plan's)
    hk_evidence: list[HkEvidence] = []    # the Hong Kong words they use, each with its .gov.hk page


class Editorial(Strict):
    pages: list[EditorialPage] = Field(min_length=1)


class KeyTerm(Strict):
    """A key term the appendix does not define: an editorial entry of the site's glossary."""

    id: Id
    term: Text
    definition: Text
    en: Optional[English] = None


class HkUsage(Strict):
    """How Hong Kong government text writes a term of the plan, with the page that shows it."""

    term: Text                # the Hong Kong term, in Traditional Chinese
    example: Text             # words on the cited page that show it
    source: Annotated[str, StringConstraints(pattern=GOV_HK)]  # a .gov.hk page


class HkWord(HkUsage):
    """A word of the plan (not a glossary entry) that Hong Kong government text writes differently."""

    simplified: Text          # the word as the plan writes it, in Simplified Chinese


class KeyTerms(Strict):
    hk_usage: dict[Id, HkUsage] = {}
    hk_words: list[HkWord] = []
    terms: list[KeyTerm] = []


Bilingual = dict[Literal["zh-Hans", "en"], Text]
Confidence = Literal["high", "medium-high", "medium", "medium-low", "low"]


# A web address a page links to: http(s) only (a `javascript:` or `data:` address is never a source).
WebAddress = Annotated[str, StringConstraints(pattern=WEB_ADDRESS)]


class Source(Strict):
    """A public source cited for an observation or a project status."""

    source: Text
    publisher: Text
    url: WebAddress
    mirror: bool = False          # a republishing site: kept in the data, never linked
    accessed: Optional[datetime.date] = None
    confidence: Confidence
    note: Optional[Bilingual] = None
    # when the fact the source reports happened (not when it was published or read), as precisely as the
    # source dates it; a project's evidence needs it (data/projects.yaml)
    dated: Optional[Annotated[str, StringConstraints(pattern=DATED)]] = None
    quote: Optional[Text] = None  # the source's own words, copied exactly: shown as a quotation, never converted


class Observation(Source):
    year: int = Field(ge=2000, le=2100)
    value: float


class Point(Strict):
    value: float
    year: int = Field(ge=2000, le=2100)
    paragraph: Id


class Indicator(Strict):
    id: Id
    theme: Id
    name: Bilingual
    unit: Annotated[str, StringConstraints(pattern=CODE)]
    direction: Literal["at_least", "above", "at_most", "reach"]
    baseline: Optional[Point] = None
    target: Point
    note: Optional[Bilingual] = None
    observations: list[Observation] = []


class ContextSeries(Strict):
    """A figure the plan gives for 2010 with no 2015 target (internet penetration 72.3%): shown on the progress
    page as context, apart from the targets, with the later values public sources report. It has no status."""

    id: Id
    name: Bilingual
    unit: Annotated[str, StringConstraints(pattern=CODE)]
    baseline: Point
    note: Optional[Bilingual] = None
    observations: list[Observation] = Field(min_length=1)


class Indicators(Strict):
    themes: dict[Id, Bilingual]
    units: dict[Annotated[str, StringConstraints(pattern=CODE)], Bilingual]
    indicators: list[Indicator] = Field(min_length=1)
    context: list[ContextSeries] = []


Status = Literal["planned", "in_progress", "completed", "no_data"]


class ProjectItem(Strict):
    paragraph: Id
    status: Status = "no_data"
    evidence: list[Source] = []


class Project(Strict):
    id: Id
    section: Id
    status: Status = "no_data"
    evidence: list[Source] = []
    items: list[ProjectItem] = []


class Projects(Strict):
    projects: list[Project] = Field(min_length=1)


class Licence(Strict):
    """A licence: its SPDX id (name), title, address (path), and what it covers, in words."""

    name: Text
    title: Text
    path: Text
    statement: Bilingual


# A text of the site's own (not the plan's): Simplified Chinese, English, and optionally the Hong Kong text
# where Hong Kong government sites write it differently (its evidence: `hk_evidence` of the same file).
SiteText = dict[Literal["zh-Hans", "en", "zh-Hant"], Text]


class OpenData(Strict):
    """The texts of each edition's open data (data/downloads.yaml): the downloads page, README, datapackage.json.

    `files` and `fields` describe what generator/derive/opendata/ writes; the build refuses a file or a
    column without a description here.
    """

    title: SiteText
    description: SiteText
    readme: list[SiteText] = []
    licence: Licence
    source_status: SiteText
    files: dict[Annotated[str, StringConstraints(pattern=FILE_NAME)], SiteText]
    fields: dict[Annotated[str, StringConstraints(pattern=KEY)], SiteText]
    hk_evidence: list[HkEvidence] = []  # the Hong Kong words the zh-Hant texts use, each with its .gov.hk page


class Plan(BaseModel):
    """Everything in data/, validated and cross-checked."""

    model_config = ConfigDict(frozen=True)

    site: Site
    front: Front
    chapters: list[Chapter]
    glossary: Glossary
    closing: Closing
    editorial: list[EditorialPage] = []
    key_terms: list[KeyTerm] = []
    indicators: Optional[Indicators] = None
    projects: list[Project] = []
    opendata: Optional[OpenData] = None
    hk_usage: dict[str, HkUsage] = {}
    hk_words: list[HkWord] = []
    hk_overrides: list[Override] = []
    hk_word_forms: list[WordForm] = []
    hk_forms: list[HkForm] = []
    hk_watch: list[Watch] = []
    terms: list[TermEntry] = []
    chapter_files: dict[str, str] = {}  # chapter id → its data file, named in generated pages

    def places(self) -> Iterator["Place"]:
        """Every paragraph of the plan's pages (notice, preamble, chapters) with its address."""
        for i, p in enumerate(self.front.notice.paragraphs, 1):
            yield Place(self.front.notice.id, p, None, None, i)
        for i, p in enumerate(self.front.preamble, 1):
            yield Place("preamble", p, None, None, i)
        for chapter in self.chapters:
            for i, p in enumerate(chapter.paragraphs, 1):
                yield Place(chapter.id, p, chapter, None, i)
            for section in chapter.sections:
                for i, p in enumerate(section.paragraphs, 1):
                    yield Place(chapter.id, p, chapter, section, i)

    def chinese_texts(self) -> Iterator[str]:
        """Every Simplified Chinese string a reader can see (the input of the HK conversion)."""
        yield from (texts.zh_hans for texts in self.site.ui.values())
        for part in (self.front, self.glossary, self.closing, *self.chapters, *self.editorial, *self.key_terms):
            yield from _strings(part)


@dataclass(frozen=True)
class Place:
    """A paragraph of the plan, addressed the way a reader cites it."""

    page: str                 # page id (notice, preamble, ch1 …)
    paragraph: Paragraph
    chapter: Optional[Chapter]
    section: Optional[Section]
    ordinal: int              # paragraph number within its section (or page)

    @property
    def href(self) -> str:
        """Its link from any other page of the same edition."""
        return f"../{self.page}/#{self.paragraph.id}"


_NOT_CHINESE = {"id", "en", "abbreviation", "english_name", "hk", "hk_evidence"}  # hk: Hong Kong texts, never converted


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _NOT_CHINESE:
                yield from _strings(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


# Indicator statuses, as the progress rules decide them (generator/derive/progress.py); each has its label
# `status_<name>` in data/site.yaml.
INDICATOR_STATUSES = ("achieved", "on_track", "behind", "no_data")
PROGRESS_RULES = 4  # progress_rule_1 … progress_rule_4: the rules shown on the progress page

# Every interface string the generator, its templates, the theme and the PDF read from the `ui:` of
# data/site.yaml: each must be there (in zh-Hans and en), or `make check` names the missing one
# (a build never stops on a missing string). tests/model/test_ui_keys.py finds the keys the code reads
# and fails if one is not listed here.
UI_KEYS = frozenset({
    "about_heading", "about_link", "about_text", "accessed_unknown", "chart_alt", "chart_label", "chart_legend",
    "chart_planned_path", "chinese_term", "close_menu", "cite_format", "cite_label", "cite_style", "close", "closing",
    "col_baseline", "col_change", "col_confidence", "col_count", "col_evidence", "col_growth", "col_indicator",
    "col_kind", "col_latest", "col_planned", "col_project", "col_source", "col_status", "col_target", "col_value",
    "col_year", "contents", "copied", "copy_citation", "copy_link", "copy_manually", "date_label",
    "details_heading", "document_number_label", "downloads_caption", "downloads_col_description",
    "downloads_col_file", "downloads_col_format", "downloads_col_size", "downloads_files", "downloads_heading",
    "downloads_intro", "downloads_licence", "downloads_primary_key", "downloads_see", "downloads_title",
    "edition_label", "editorial_label", "english_term", "figure_label", "figure_note", "glossary_index",
    "glossary_key_terms", "heading_permalink", "heading_permalink_named", "hk_usage", "hk_usage_source",
    "hk_words_heading", "hk_words_intro", "hk_words_plan", "home", "home_summary", "home_summary_heading",
    "indicators_caption", "indicators_heading", "issuing_office_label", "kind_baseline", "kind_observation",
    "kind_target", "mirror_note", "navigation_menu", "no_data", "no_evidence", "not_applicable",
    "not_found_edition_text", "not_found_other_editions", "not_found_text", "not_found_title", "notice_nav",
    "paragraph_link", "parallel_back", "parallel_first", "parallel_link", "parallel_nav", "parallel_note",
    "parallel_second", "parallel_swap", "parallel_title", "pdf_colon", "pdf_download", "pdf_label",
    "pdf_provenance", "pdf_revised", "pdf_size", "permalink", "points", "points_caption", "preamble",
    "progress_intro", "progress_rules_heading", "progress_title", "projects_caption", "projects_heading",
    "provenance_link", "report_body", "report_problem", "report_title", "root_choose", "scheme_dark",
    "scheme_light", "site_description", "skip_link", "start_contents", "start_data", "start_heading",
    "start_parallel", "stated_in", "status_caption", "status_items", "status_part", "status_reviewed",
    "status_stale", "status_translated", "summary_caption", "table_scroll_hint", "targets_caption",
    "targets_heading", "targets_more", "translation_pending", "translation_stale", "used_in",
    *(f"status_{s}" for s in (*INDICATOR_STATUSES, *get_args(Status))),
    *(f"confidence_{c.replace('-', '_')}" for c in get_args(Confidence)),
    *(f"progress_rule_{i}" for i in range(1, PROGRESS_RULES + 1)),
    *(f"search_{n}" for n in ("none", "one", "other")),
    "pdf_unofficial_hant", "provenance_text", "context_heading", "context_intro",
    "date_year", "date_month", "date_day", "date_span", "quote_open", "quote_close", "confidence_label",
})


# each data file's model, by the name of its schema (schema/NAME.schema.json)
FILES: dict[str, type[BaseModel]] = {
    "site": Site, "front": Front, "chapter": Chapter, "glossary": Glossary, "closing": Closing,
    "hk-overrides": HkOverrides, "terms": TermList, "about": Editorial, "key-terms": KeyTerms,
    "indicators": Indicators, "projects": Projects, "downloads": OpenData,
}

"""Reserved ids: no paragraph, section, term, figure, indicator, project or page may take an id the
generator or the theme uses for its own pages, folders or headings."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.model import plan as model
from generator.read.load import load_plan, reserved_message
from generator.base.problems import DataError

from tests.conftest import REPO
from tests.helpers import edit

RESERVED_LIST = ("about, assets, closing, contents, context, cover, downloads, glossary-hk-usage, glossary-index, "
                 "glossary-key-terms, index, indicator-details, indicators, licence, not-found, other-editions, "
                 "parallel, preamble, progress, projects, search, sitemap, start, status-rules, summary, targets, "
                 "and ids starting with row-, plan-")

CASES = [
    # (what is renamed, file, the id line as it is, the reserved id it is given)
    ("a closing line named like the notice page's heading", "closing.yaml", "  - id: closing-subject", "closing"),
    ("an editorial page named like the preamble", "about.yaml", "  - id: about-translation", "preamble"),
    ("a section named like the search folder", "chapter-2.yaml", "  - id: ch2-s1", "search"),
    ("a glossary term named like the assets folder", "glossary.yaml", "  - id: term3", "assets"),
    ("a figure named like the home page", "glossary.yaml", "      id: fig2", "index"),
    ("an indicator named like the progress page's heading", "indicators.yaml", "  - id: fibre-to-the-home",
     "indicators"),
    ("a key term named like a table row", "key-terms.yaml", "  - id: key-e-commerce", "row-fibre-to-the-home"),
    ("a project named like the downloads folder", "projects.yaml", "  - id: project-1", "downloads"),
]


def test_the_message_lists_every_reserved_name():
    assert reserved_message("closing") == ("the id `closing` is reserved: the generator or the theme uses it for a "
                                           "page, folder or heading of its own; choose another id. Reserved: "
                                           "404, " + RESERVED_LIST)


@pytest.mark.parametrize("name,line,new", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_reserved_id_is_refused_with_file_and_line(project, name, line, new):
    edit(project, name, line + "\n", line.replace(line.split("id: ")[1], new) + "\n")
    number = next(i for i, l in enumerate((project / "data" / name).read_text(encoding="utf-8").splitlines(), 1)
                  if l == line.replace(line.split("id: ")[1], new))
    with pytest.raises(DataError) as err:
        load_plan(project / "data")
    assert f"data/{name}:{number}: {reserved_message(new)}" in [str(p) for p in err.value.problems]


def test_an_indicator_and_a_paragraph_may_not_share_an_id(project):
    edit(project, "indicators.yaml", "  - id: fibre-to-the-home\n", "  - id: ch1-s1-p1\n")
    with pytest.raises(DataError) as err:
        load_plan(project / "data")
    line = (project / "data" / "indicators.yaml").read_text(encoding="utf-8").splitlines().index("  - id: ch1-s1-p1") + 1
    assert any(re.fullmatch(rf"data/indicators\.yaml:{line}: the id `ch1-s1-p1` is already used at "
                            r"data/chapter-1\.yaml:\d+: give this entry a new, unused id", str(p))
               for p in err.value.problems), err.value.problems


def test_every_id_in_the_built_site_is_a_data_id_or_reserved(built, plan):
    """The list in model.RESERVED_IDS is complete: a template that adds an anchor must add it there."""
    data_ids = set()
    for path in (built / "data").glob("*.yaml"):
        data_ids |= set(re.findall(r"^\s*(?:- )?id: ([a-z0-9-]+)\s*$", path.read_text(encoding="utf-8"), re.M))
    unknown: dict[str, str] = {}
    for page in (built / "site").rglob("*.html"):
        for ident in re.findall(r'\sid="([^"]+)"', page.read_text(encoding="utf-8")):
            if ident.startswith("_") or ident in data_ids or ident in model.RESERVED_IDS:
                continue
            if "__" in ident and ident.split("__")[0] in data_ids | model.RESERVED_IDS:
                continue  # <id>__title: an element derived from an id ("__" is in no data id)
            if ident.startswith("row-") and ident.split("-", 1)[1] in data_ids or ident.startswith("plan-"):
                continue
            unknown.setdefault(ident, str(page.relative_to(built / "site")))
    assert unknown == {}, "ids the generator or theme writes that model.RESERVED_IDS does not list"
    folders = {p.name for code in ("zh-Hans", "zh-Hant", "en") for p in (built / "site" / code).iterdir()
               if "." not in p.name}  # a file name has a dot, which no id has
    assert folders - set(plan.site.contents) <= model.RESERVED_IDS

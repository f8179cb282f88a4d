"""Leave out of site/ the theme files that no page loads.

Material copies into every edition source maps (for its own developers), lunr's scripts
for some thirty languages, and any stylesheet no page loads. The site does not use
Material's search (generator/website/search/ replaces it), so no page loads lunr. The theme has no setting to leave them out, so they are removed after MkDocs ran,
following the worker's own rule for which scripts it imports, so that a change of search
language in mkdocs.yml keeps the files it needs.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

_MAP_COMMENT = re.compile(rb"\n?(?://# sourceMappingURL=\S+\.map|/\*# sourceMappingURL=\S+\.map ?\*/)\s*$")


def needed_lunr_scripts(langs: list[str]) -> set[str]:
    """What Material's search worker imports for `langs` (assets/javascripts/workers/search.*.js)."""
    scripts = {f"min/lunr.{lang}.min.js" for lang in langs if lang != "en"}
    scripts |= {"tinyseg.js" for lang in langs if lang == "ja"}
    scripts |= {"wordcut.js" for lang in langs if lang in ("hi", "th")}
    if len(langs) > 1:
        scripts.add("min/lunr.multi.min.js")
    if scripts:
        scripts.add("min/lunr.stemmer.support.min.js")
    return scripts


def prune(edition: Path) -> list[Path]:
    """Remove unused theme files from one built edition; return what was removed."""
    removed = []
    for source_map in sorted(edition.rglob("*.map")):
        bundle = source_map.with_suffix("")  # x.min.js.map → x.min.js
        if bundle.is_file():
            bundle.write_bytes(_MAP_COMMENT.sub(b"", bundle.read_bytes()))
        source_map.unlink()
        removed.append(source_map)
    index = edition / "search" / "search_index.json"
    lunr = edition / "assets" / "javascripts" / "lunr"
    if not index.is_file():  # Material's search is off: neither lunr nor its worker is ever loaded
        for folder in (lunr, edition / "assets" / "javascripts" / "workers"):
            if folder.is_dir():
                removed += sorted(p for p in folder.rglob("*") if p.is_file())
                shutil.rmtree(folder)
    elif lunr.is_dir():
        langs = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
        keep = needed_lunr_scripts(langs)
        for script in sorted(p for p in lunr.rglob("*") if p.is_file()):
            if script.relative_to(lunr).as_posix() not in keep:
                script.unlink()
                removed.append(script)
        for folder in sorted((p for p in lunr.rglob("*") if p.is_dir()), reverse=True) + [lunr]:
            if not any(folder.iterdir()):
                folder.rmdir()
    removed += _unused_stylesheets(edition)
    return removed


def _unused_stylesheets(edition: Path) -> list[Path]:
    """Stylesheets are only ever loaded by a <link> in a page, so a name no page mentions is unused."""
    folder = edition / "assets" / "stylesheets"
    if not folder.is_dir():
        return []
    pages = "".join(p.read_text(encoding="utf-8") for p in edition.rglob("*.html"))
    unused = [css for css in sorted(folder.glob("*.css")) if css.name not in pages]
    for css in unused:
        css.unlink()
    return unused

"""Theme files no page loads are left out of the site; what the pages and the search worker load stays."""
import re

from generator.website.prune import needed_lunr_scripts, prune


def test_lunr_scripts_follow_the_search_workers_rule():
    assert needed_lunr_scripts(["en"]) == set()
    assert needed_lunr_scripts(["zh"]) == {"min/lunr.zh.min.js", "min/lunr.stemmer.support.min.js"}
    assert needed_lunr_scripts(["en", "ja"]) == {"min/lunr.ja.min.js", "tinyseg.js", "min/lunr.multi.min.js",
                                                 "min/lunr.stemmer.support.min.js"}


def test_prune_keeps_what_the_configured_language_needs(tmp_path):
    lunr = tmp_path / "assets" / "javascripts" / "lunr"
    (lunr / "min").mkdir(parents=True)
    for name in ("min/lunr.zh.min.js", "min/lunr.de.min.js", "min/lunr.stemmer.support.min.js", "tinyseg.js"):
        (lunr / name).write_text("x")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text('{"config": {"lang": ["zh"]}, "docs": []}')
    bundle = tmp_path / "assets" / "app.min.js"
    bundle.write_text("code();\n//# sourceMappingURL=app.min.js.map\n")
    (tmp_path / "assets" / "app.min.js.map").write_text("{}")
    (tmp_path / "assets" / "stylesheets").mkdir()
    for name in ("main.min.css", "palette.min.css"):
        (tmp_path / "assets" / "stylesheets" / name).write_text("x")
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="assets/stylesheets/main.min.css">')
    removed = {p.relative_to(tmp_path).as_posix() for p in prune(tmp_path)}
    assert removed == {"assets/app.min.js.map", "assets/javascripts/lunr/min/lunr.de.min.js",
                       "assets/javascripts/lunr/tinyseg.js", "assets/stylesheets/palette.min.css"}
    assert bundle.read_text() == "code();"
    assert (lunr / "min" / "lunr.zh.min.js").exists()


def test_the_built_site_ships_no_source_maps_or_unused_search_scripts(built):
    site = built / "site"
    assert not list(site.rglob("*.map"))
    assert not list(site.rglob("lunr"))  # no edition uses Material's search (generator/website/search/ replaces it)
    # the light and dark schemes need Material's palette stylesheet: kept, because pages load it
    assert len(list(site.rglob("palette.*.css"))) == 3
    for script in site.rglob("*.js"):
        assert "sourceMappingURL" not in script.read_text(encoding="utf-8"), script
    # every asset a page names is there
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:href|src)="([^"#?:]+\.(?:css|js|png|svg))"', html):
            assert (page.parent / ref).resolve().is_file(), (page, ref)


def test_without_materials_search_index_neither_lunr_nor_its_worker_is_kept(tmp_path):
    """The site's own search (generator/website/search/) replaces Material's: nothing loads them."""
    scripts = tmp_path / "assets" / "javascripts"
    for name in ("lunr/min/lunr.zh.min.js", "workers/search.a7633da7.min.js", "bundle.min.js"):
        (scripts / name).parent.mkdir(parents=True, exist_ok=True)
        (scripts / name).write_text("x")
    removed = {p.relative_to(tmp_path).as_posix() for p in prune(tmp_path)}
    assert removed == {"assets/javascripts/lunr/min/lunr.zh.min.js", "assets/javascripts/workers/search.a7633da7.min.js"}
    assert (scripts / "bundle.min.js").exists() and not (scripts / "lunr").exists()

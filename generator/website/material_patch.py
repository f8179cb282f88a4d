"""One change to Material's script: it no longer fetches a sitemap beside every language link.

Material looks at each `<link rel="alternate">` in the page and fetches `sitemap.xml` beside
its address, to switch languages "instantly". Our alternate links (hreflang, for search
engines and browsers) point at the same page in each other edition, so every page view asked
for three sitemaps that do not exist (three 404s in the console, 99 across the site, and
Lighthouse's best-practices score 96 instead of 100). Worse, a link without a target into
another edition was then caught by that script and sent to the edition's page without its
#paragraph. Our own switcher (partials/alternate.html) needs none of it.

The head keeps its `<link rel="alternate" hreflang>` unchanged (search engines read them); only
the script's selector is changed so that it finds none of them. Material is pinned
(requirements.txt); if an upgrade changes its script, the build stops and says so.
"""
from __future__ import annotations

from pathlib import Path

from ..base.problems import BuildError

LOOKUP = b'"link[rel=alternate]"'
# matches no element: [data-md-sitemap] is on no link, so no sitemap is fetched
QUIET = b'"link[rel=alternate][data-md-sitemap]"'


def quiet_sitemap_lookups(edition: Path) -> None:
    """Patch the Material bundle under `edition` (site/<code>/); BuildError if it is not as expected."""
    bundles = sorted((edition / "assets" / "javascripts").glob("bundle.*.min.js"))
    for bundle in bundles:
        script = bundle.read_bytes()
        if script.count(LOOKUP) != 1:
            raise BuildError(f"{bundle.name}: Material's script no longer looks up alternate links as "
                             f"{LOOKUP.decode()}: update generator/website/material_patch.py for this Material version")
        bundle.write_bytes(script.replace(LOOKUP, QUIET))
    if not bundles:
        raise BuildError(f"no Material script (assets/javascripts/bundle.*.min.js) in {edition.name}/: "
                         "update generator/website/material_patch.py for this Material version")

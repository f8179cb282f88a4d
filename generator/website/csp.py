"""A Content-Security-Policy for every built page: only the site's own resources.

MkDocs and Material write a few inline scripts (the page's configuration, the colour
scheme); each page's policy allows exactly those, by their SHA-256 hash, and nothing else.
Styles may be inline (Material sets some style attributes), images may be data: URIs
(Material's icons). Added after MkDocs has written the pages, as a <meta> tag.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def policy(html: str) -> str:
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                     for s in _SCRIPT.findall(html)})
    return "; ".join([
        "default-src 'self'", "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
        "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'",
        "worker-src 'self' blob:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])


def add_policy(html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + "\n" + meta, html, count=1)


def apply(site: Path) -> int:
    """Add the policy to every HTML page under `site`; return how many pages."""
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        apply_to(page)
    return len(pages)


def apply_to(page: Path) -> None:
    """Add the policy to the HTML page at `page`, a file of its own (not a hard link to a published one)."""
    page.write_text(add_policy(page.read_text(encoding="utf-8")), encoding="utf-8")

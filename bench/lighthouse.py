"""Lighthouse scores of the built site: the home page and the longest chapter of each edition.

A benchmark, not a test. Serves site/ on 127.0.0.1 (a free port, gzip like any real host), runs
the npm `lighthouse` CLI (package.json devDependencies; `npm ci` first) against Debian chromium,
mobile profile with simulated throttling (Lighthouse's defaults), four categories, and prints,
per page, the category scores and every audit that cost points, so the reason for each point
lost is visible. Standard library and tests/browser.py only; Node runs Lighthouse in a subprocess.

    python bench/lighthouse.py [SITE_DIR] [--json OUT.json] [--reports DIR]

From Python (bench/run.py): `run(site_dir) -> list[dict]`, one dict per page.
Chromium and its flags are the browser tests' own (tests/browser.py: $CHROMIUM, else chromium on
the PATH), run headless.
"""
from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import re
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM_FLAGS, chromium_path  # noqa: E402
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LANGS = ("zh-Hans", "zh-Hant", "en")
CHAPTER_DIR = re.compile(r"^(?:x\d+)?ch\d+$")   # ch1 … ch5 (x2ch1 … in bench/run.py's scaled copies)
PERF_METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index")

TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
         ".json": "application/json", ".map": "application/json", ".svg": "image/svg+xml",
         ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
         ".webmanifest": "application/manifest+json", ".png": "image/png", ".ico": "image/x-icon",
         ".woff2": "font/woff2", ".woff": "font/woff", ".gz": "application/gzip"}
COMPRESSIBLE = ("text/", "application/json", "application/xml", "image/svg+xml",
                "application/manifest+json", "application/javascript")


# ---------------------------------------------------------------- the server

class Handler(SimpleHTTPRequestHandler):
    """Static files like a real host: index.html for directories, 404.html, gzip for text."""

    cache_control = "max-age=600"   # what GitHub Pages sends

    def log_message(self, *args) -> None:   # quiet
        pass

    def do_HEAD(self) -> None:   # noqa: N802
        self.respond(head=True)

    def do_GET(self) -> None:   # noqa: N802
        self.respond(head=False)

    def respond(self, head: bool) -> None:
        root = Path(self.directory).resolve()
        path = unquote(urlsplit(self.path).path)
        target = (root / path.lstrip("/")).resolve()
        if root != target and root not in target.parents:
            return self.send_file(root / "404.html", HTTPStatus.NOT_FOUND, head)
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        if not target.is_file():
            return self.send_file(root / "404.html", HTTPStatus.NOT_FOUND, head)
        self.send_file(target, HTTPStatus.OK, head)

    def send_file(self, file: Path, status: HTTPStatus, head: bool) -> None:
        body = file.read_bytes() if file.is_file() else b"Not found"
        ctype = TYPES.get(file.suffix.lower()) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compressible = ctype.startswith(COMPRESSIBLE)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if compressible:
            self.send_header("Vary", "Accept-Encoding")
            if accepts_gzip:
                body = gzip.compress(body, 6)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", self.cache_control)
        self.end_headers()
        if not head:
            self.wfile.write(body)


class Server:
    """`with Server(site) as origin:` serves site on http://127.0.0.1:<free port> in a thread."""

    def __init__(self, site: Path, port: int = 0) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=str(site)))
        self.httpd.daemon_threads = True

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------- pages and tools

def pages(site: Path) -> list[dict]:
    """Per edition: its home page and its longest chapter (HTML bytes): site/<lang>/chN/index.html."""
    out = []
    for lang in LANGS:
        edition = site / lang
        if not (edition / "index.html").is_file():
            raise SystemExit(f"{edition / 'index.html'} is missing: build the site first")
        chapters = [d / "index.html" for d in edition.iterdir()
                    if CHAPTER_DIR.match(d.name) and (d / "index.html").is_file()]
        if not chapters:
            raise SystemExit(f"no chapter page (chN/index.html) in {edition}")
        longest = max(chapters, key=lambda p: p.stat().st_size)
        out.append({"lang": lang, "page": "home", "path": f"/{lang}/",
                    "html_bytes": (edition / "index.html").stat().st_size})
        out.append({"lang": lang, "page": longest.parent.name, "path": f"/{lang}/{longest.parent.name}/",
                    "html_bytes": longest.stat().st_size})
    return out


def lighthouse_command() -> list[str]:
    cli = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        raise SystemExit(f"{cli} is missing: run `npm ci` (lighthouse is in package.json devDependencies)")
    return ["node", str(cli)]


def lighthouse(url: str, out: Path, chrome: str) -> dict:
    cmd = lighthouse_command() + [
        url, "--output=json", f"--output-path={out}", "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",   # mobile + simulated throttling: the defaults
        f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_FLAGS])}", "--max-wait-for-load=60000"]
    env = dict(os.environ, CHROME_PATH=chrome)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url} ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- reading a report

def audit_row(audit: dict, weight: float | None = None) -> dict:
    row = {"id": audit["id"], "title": audit["title"], "score": audit.get("score"),
           "displayValue": audit.get("displayValue", "")}
    if weight is not None:
        row["weight"] = weight
    details = audit.get("details") or {}
    items = details.get("items") or []
    if items:   # a few concrete offenders: URL, node, source or message
        found = []
        for item in items[:5]:
            node = item.get("node") or {}
            source = item.get("source") if isinstance(item.get("source"), dict) else {}
            what = (item.get("url") or source.get("url") or node.get("snippet") or item.get("description")
                    or item.get("label"))
            if isinstance(what, dict):
                what = json.dumps(what)[:200]
            if item.get("wastedBytes"):
                what = f"{what} (wasted {item['wastedBytes'] / 1024:.1f} KiB)"
            if what:
                found.append(str(what)[:300])
        if found:
            row["items"] = found
    if audit.get("explanation"):
        row["explanation"] = audit["explanation"][:500]
    return row


def summarise(report: dict, origin: str) -> dict:
    audits = report["audits"]
    result = {"scores": {}, "failing": {}, "metrics": {}, "opportunities": [], "third_party_requests": []}
    for cat in CATEGORIES:
        c = report["categories"][cat]
        result["scores"][cat] = None if c["score"] is None else round(c["score"] * 100)
        lost = []
        for ref in c["auditRefs"]:
            a = audits[ref["id"]]
            if ref["weight"] > 0 and a.get("score") is not None and a["scoreDisplayMode"] in ("binary", "numeric", "metricSavings") and a["score"] < 1:
                lost.append(audit_row(a, ref["weight"]))
        result["failing"][cat] = lost
    for m in PERF_METRICS:
        a = audits[m]
        result["metrics"][m] = {"value": a.get("numericValue"), "display": a.get("displayValue"), "score": a.get("score")}
    # performance opportunities and diagnostics (weight 0: they explain the metrics, they do not score)
    for ref in report["categories"]["performance"]["auditRefs"]:
        a = audits[ref["id"]]
        if ref["weight"] == 0 and a.get("score") is not None and a["score"] < 0.9 and \
                a["scoreDisplayMode"] in ("binary", "numeric", "metricSavings"):
            result["opportunities"].append(audit_row(a))
    for item in (audits.get("network-requests", {}).get("details") or {}).get("items", []):
        if not item["url"].startswith((origin, "data:", "blob:")):
            result["third_party_requests"].append(item["url"])
    result["lighthouse"] = report["lighthouseVersion"]
    result["user_agent"] = report.get("environment", {}).get("hostUserAgent", "")
    result["form_factor"] = report["configSettings"]["formFactor"]
    result["throttling"] = report["configSettings"]["throttlingMethod"]
    result["warnings"] = report.get("runWarnings", [])
    return result


# ---------------------------------------------------------------- run and print

def run(site_dir: Path, reports_dir: Path | None = None, port: int = 0) -> list[dict]:
    """Lighthouse on 6 pages of the built site; one dict per page (scores, failing audits, metrics)."""
    site_dir = Path(site_dir).resolve()
    chrome = chromium_path()
    todo = pages(site_dir)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out_dir = Path(reports_dir) if reports_dir else Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        with Server(site_dir, port) as origin:
            for page in todo:
                page["url"] = origin + page["path"]
                report = lighthouse(page["url"], out_dir / f"{page['lang']}-{page['page']}.json", chrome)
                page.update(summarise(report, origin))
                if reports_dir:
                    page["report"] = str(out_dir / f"{page['lang']}-{page['page']}.json")
                print(f"  {page['path']:<16} " + " ".join(f"{c[:4]} {page['scores'][c]}" for c in CATEGORIES),
                      file=sys.stderr, flush=True)
    return todo


def table(results: list[dict]) -> str:
    head = f"| page | HTML | {' | '.join(CATEGORIES)} |"
    lines = [head, "|" + "---|" * (2 + len(CATEGORIES))]
    for r in results:
        lines.append(f"| {r['path']} | {r['html_bytes'] / 1024:.0f} KB | "
                     + " | ".join(str(r["scores"][c]) for c in CATEGORIES) + " |")
    return "\n".join(lines)


def details(results: list[dict]) -> str:
    out = []
    for r in results:
        out.append(f"\n## {r['path']}  ({r['lighthouse']}, {r['form_factor']}, {r['throttling']} throttling)")
        out.append("  metrics: " + ", ".join(f"{m.replace('-', ' ')} {v['display']}" for m, v in r["metrics"].items()))
        for w in r["warnings"]:
            out.append(f"  run warning: {w}")
        if r["third_party_requests"]:
            out.append(f"  THIRD-PARTY REQUESTS: {r['third_party_requests']}")
        for cat in CATEGORIES:
            if r["scores"][cat] == 100:
                continue
            out.append(f"  {cat} {r['scores'][cat]}:")
            for a in r["failing"][cat]:
                out.append(f"    - {a['id']} (weight {a['weight']}): {a['title']}; score {a['score']}"
                           + (f"; {a['displayValue']}" if a["displayValue"] else ""))
                for item in a.get("items", []):
                    out.append(f"        {item}")
                if a.get("explanation"):
                    out.append(f"        {a['explanation']}")
        if r["opportunities"]:
            out.append("  performance opportunities / diagnostics (not scored themselves):")
            for a in r["opportunities"]:
                out.append(f"    - {a['id']}: {a['title']}; score {a['score']}"
                           + (f"; {a['displayValue']}" if a["displayValue"] else ""))
                for item in a.get("items", []):
                    out.append(f"        {item}")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site (default ./site)")
    parser.add_argument("--json", type=Path, help="write the results here (default: a temporary file)")
    parser.add_argument("--reports", type=Path, help="keep Lighthouse's full JSON reports in this folder")
    parser.add_argument("--port", type=int, default=0, help="serve on this port (default: a free one)")
    args = parser.parse_args()
    results = run(args.site, args.reports, args.port)
    print(table(results))
    print(details(results))
    out = args.json or Path(tempfile.mkdtemp(prefix="lighthouse-")) / "results.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nresults: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make bench`: how long each step of the build takes, how it scales, how heavy the pages are.

A benchmark, not a test: it prints figures and writes them to bench/results.md with the
machine they were measured on. Medians of --runs runs (default 5), with min and max.
"""
from __future__ import annotations

import argparse
import gzip
import io
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import build as b  # noqa: E402
from generator.derive.hongkong.convert import HongKongConverter  # noqa: E402
from generator.model.languages import LANGUAGES  # noqa: E402
from generator.read.load import load_plan  # noqa: E402


def timed(fn, runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), max(times)


def fmt(t: tuple[float, float, float]) -> str:
    return f"{t[0]:.2f} s (min {t[1]:.2f}, max {t[2]:.2f})"


def project_copy(tmp: Path, scale: int = 1) -> Path:
    """A project with its own data/: the plan, or `scale` copies of its chapters (valid, unique ids)."""
    root = tmp / f"project-{scale}"
    shutil.copytree(ROOT / "data", root / "data")
    (root / "mkdocs.yml").symlink_to(ROOT / "mkdocs.yml")
    (root / "generator").symlink_to(ROOT / "generator")
    shutil.copytree(ROOT / "schema", root / "schema")
    extra = []
    for copy in range(2, scale + 1):
        for n in range(1, 6):
            text = (ROOT / "data" / f"chapter-{n}.yaml").read_text(encoding="utf-8")
            new_n = (copy - 1) * 5 + n
            text = re.sub(r"\b(ch)(\d)(\b|-)", lambda m: f"x{copy}{m.group(1)}{m.group(2)}{m.group(3)}", text)
            (root / "data" / f"chapter-{new_n}.yaml").write_text(text, encoding="utf-8")
            extra.append(f"x{copy}ch{n}")
    if extra:
        site = root / "data" / "site.yaml"
        s = site.read_text(encoding="utf-8")
        s = s.replace("ch5, glossary,", "ch5, " + ", ".join(extra) + ", glossary,")
        site.write_text(s, encoding="utf-8")
    return root


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def first_visit(page: Path) -> tuple[int, int]:
    """gzip bytes to open `page` with an empty cache (HTML, CSS, JS incl. the search worker, images,
    fonts; not the search index), and with a warm cache (the HTML alone)."""
    html = page.read_text(encoding="utf-8")
    refs = re.findall(r'(?:href|src)="([^"#?:]+\.(?:css|js|png|svg|ico|woff2?))"', html)
    assets = {(page.parent / ref).resolve() for ref in refs}
    # Material's search worker: named in every page's configuration, loaded only if Material's
    # search is on; with the site's own search (generator/website/search/) it is pruned and never fetched
    assets |= {w for ref in re.findall(r'"search":\s*"([^"]+\.js)"', html) if (w := (page.parent / ref).resolve()).exists()}
    missing = [a for a in assets if not a.exists()]
    assert not missing, missing
    return gz(page) + sum(gz(a) for a in assets), gz(page)


def page_weight(site: Path) -> dict[str, str]:
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    out = {"largest page": f"{largest.relative_to(site)}: {largest.stat().st_size / 1024:.0f} KB raw, "
                           f"{gz(largest) / 1024:.0f} KB gzip"}
    for lang in LANGUAGES:
        chapter = max((site / lang.code).glob("ch*/index.html"), key=lambda p: p.stat().st_size)
        first, second = first_visit(chapter)
        out[f"longest chapter page {chapter.relative_to(site).parent}/"] = (
            f"first visit {first / 1024:.0f} KB gzip (HTML + CSS + JS + favicon; no web fonts exist; search index "
            f"excluded), second visit {second / 1024:.0f} KB (HTML only)")
    return out


def search_figures(site: Path, runs: int) -> list[str]:
    """Search in the browser (generator/website/search/), per edition: index size, the bytes a reader
    downloads from opening the search to the first result (gzip, as a server would send them;
    the page itself excluded), the time from the first key to the first result with nothing
    cached, and the top-1 hit rate of the query table (tests/website/search/cases.py)."""
    from playwright.sync_api import sync_playwright

    from generator.website.search import INDEX
    from tests.browser import PLAYWRIGHT_FLAGS, chromium_path, serve
    from tests.website.search.cases import CASES

    lines = []
    with serve(site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=PLAYWRIGHT_FLAGS)
        for lang in LANGUAGES:
            index = site / lang.code / INDEX
            query = next(q for code, q, expected, _ in CASES if code == lang.code and expected)
            times, fetched = [], set()
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(f"{url}{lang.code}/ch1/", wait_until="load")
                requests: list[str] = []
                page.on("request", lambda r, requests=requests: requests.append(r.url))
                page.evaluate("""() => {
                  window.__t = {};
                  for (const type of ['keydown', 'input']) addEventListener(type, () => { window.__t.key ??= performance.now(); }, true);
                  new MutationObserver(() => { if (document.querySelector('#plan-search-results a'))
                    window.__t.result ??= performance.now(); })
                    .observe(document.querySelector('#plan-search-results'), {childList: true});
                }""")
                page.click("#plan-search-input")
                page.keyboard.type(query, delay=0)
                page.wait_for_selector("#plan-search-results a", state="visible", timeout=30_000)
                times.append(page.evaluate("() => (window.__t.result - window.__t.key) / 1000"))
                fetched |= {r[len(url):].split("?")[0] for r in requests if "/images/" not in r}
                context.close()
            script = site / lang.code / "assets" / "javascripts" / "plan-search.js"
            search_bytes = sum(gz(site / f) for f in fetched if (site / f).is_file())
            lines.append(f"- {lang.code}: index {index.stat().st_size / 1024:.0f} KB raw, {gz(index) / 1024:.1f} KB gzip; "
                         f"bytes before the first result {search_bytes / 1024:.1f} KB gzip ({', '.join(sorted(fetched))}) "
                         f"+ the search script loaded with every page {gz(script) / 1024:.1f} KB gzip; "
                         f"time from the first key to the first result ({query!r}, nothing cached; includes the 120 ms pause "
                         f"the box waits for the next key) median {statistics.median(times) * 1000:.0f} ms "
                         f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
        hits = _query_table(browser, url, CASES)
        browser.close()
    by = {code: f"{sum(ok for c, ok in hits if c == code)}/{sum(1 for c, _ in hits if c == code)}" for code, _ in hits}
    lines.append(f"- query table top-1 hit rate: {sum(ok for _, ok in hits)}/{len(hits)} "
                 f"({', '.join(f'{k} {v}' for k, v in by.items())}); the first result links to the expected "
                 "paragraph, or there is no result when none is expected")
    return lines


def _query_table(browser, url: str, cases) -> list[tuple[str, bool]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    out = []
    for code, query, expected, _ in cases:
        page.goto(f"{url}{code}/ch1/", wait_until="load")
        page.click("#plan-search-input")
        page.keyboard.type(query)
        page.wait_for_function("(q) => document.querySelector('#plan-search-status').dataset.query === q", arg=query)
        links = page.eval_on_selector_all("#plan-search-results a", "els => els.map(a => a.getAttribute('href'))")
        top = re.sub(r"\?[^#]*", "", links[0]) if links else None
        out.append((code, top is None if expected is None else top == f"../{expected}"))
    context.close()
    return out


def pdf_editions(root: Path, tmp: Path, runs: int) -> list[str]:
    """The PDF editions (generator/render/pdf/): made cold (empty cache, the three in parallel as the build
    does), reused from the cache, and their sizes."""
    import resource

    from pypdf import PdfReader

    from generator.render import pdf
    from generator.pages.edition import site_pages

    plan = load_plan(root / "data")
    views = [(loc, site_pages(loc, plan)) for loc in (b.localizer(lang, plan) for lang in LANGUAGES)]
    saved = pdf.FOLDER
    walls, cpus = [], []
    try:
        for i in range(max(1, runs // 2)):  # a cold run costs tens of CPU seconds
            pdf.FOLDER = tmp / f"pdf-cache-{i}"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            found = pdf.publish(plan, views, make=True, log=lambda m: None)
            walls.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        cached = timed(lambda: pdf.publish(plan, views, make=True, log=lambda m: None), runs)
    finally:
        pdf.FOLDER = saved
    lines = [f"- cold (empty cache; {len(found)} editions in parallel on {os.cpu_count()} CPUs): wall "
             f"{fmt((statistics.median(walls), min(walls), max(walls)))}; CPU {statistics.median(cpus):.1f} s "
             f"(all workers, median of {len(walls)})",
             f"- cached (unchanged text: hash the HTML of each edition, find its PDF): {fmt(cached)}"]
    for code, edition in found.items():
        pages = len(PdfReader(io.BytesIO(edition.data)).pages)
        lines.append(f"- {edition.name}: {edition.size / 1e6:.2f} MB ({edition.size} bytes), {pages} pages")
    return lines


# One edit per kind of data file: (kind, file, text the edit follows, page that shows it).
# The edits are to English text, so the page is the English edition's.
PREVIEW_EDITS = (
    ("chapter", "chapter-5.yaml", "Establish a coordination system for advancing informatization", "/en/ch5/"),
    ("glossary", "glossary.yaml", "Also known as the information divide", "/en/glossary/"),
    ("indicators", "indicators.yaml", "The observations count fibre-connected", "/en/progress/"),
    ("site.yaml ui string", "site.yaml", "This page lists the plan's quantified targets", "/en/progress/"),
)
DONE = re.compile(r"^site (built|updated)")  # the preview's last line for one save (generator/__main__.py)


PREVIEW_TARGET = 0.5   # seconds, save → reloaded page (issue 26)


def preview_reload(root: Path, runs: int, full: bool) -> dict[str, tuple[float, float, float]]:
    """`make serve`: seconds from saving a data file to the open page showing the edit (reloaded), per
    kind of edit (PREVIEW_EDITS). full=True: the preview rebuilds everything on every save
    (PLAN_PREVIEW_FULL=1, the way it worked before issue 26), for comparison."""
    import threading

    from playwright.sync_api import sync_playwright

    from tests.browser import PLAYWRIGHT_FLAGS, chromium_path, preview

    os.environ["PLAN_PREVIEW_FULL"] = "1" if full else ""
    results = {}
    try:
        with preview(root) as (url, process), sync_playwright() as pw:
            finished = threading.Semaphore(0)
            threading.Thread(target=lambda: [finished.release() for line in process.stdout if DONE.match(line)],
                             daemon=True).start()
            browser = pw.chromium.launch(executable_path=chromium_path(), args=PLAYWRIGHT_FLAGS)
            page = browser.new_page()
            for kind, name, anchor, address in PREVIEW_EDITS:
                path = root / "data" / name
                original = path.read_text(encoding="utf-8")
                assert original.count(anchor) == 1, f"the bench's edit target moved in {name}: update bench/run.py"
                page.goto(url + address)
                times = []
                for i in range(runs):
                    marker = f"(bench edit {i})"
                    t0 = time.perf_counter()
                    path.write_text(original.replace(anchor, f"{anchor} {marker}", 1), encoding="utf-8")
                    page.wait_for_function(f"() => document.body && document.body.innerText.includes('{marker}')", timeout=120_000)
                    times.append(time.perf_counter() - t0)
                    assert finished.acquire(timeout=120), "the preview did not finish its update"
                    time.sleep(0.3)  # the machine settles before the next save
                path.write_text(original, encoding="utf-8")  # and the page reloads once more before the next kind
                page.wait_for_function("() => document.body && !document.body.innerText.includes('(bench edit')", timeout=120_000)
                assert finished.acquire(timeout=120), "the preview did not finish its update"
                page.wait_for_load_state("load")
                results[kind] = statistics.median(times), min(times), max(times)
            browser.close()
    finally:
        os.environ.pop("PLAN_PREVIEW_FULL", None)
    return results


def preview_lines(root: Path, runs: int) -> list[str]:
    """The preview's figures per kind of edit: updating only what changed, and rebuilding everything."""
    changed, full = preview_reload(root, runs, full=False), preview_reload(root, runs, full=True)
    lines = [f"Seconds from saving a data file to the open page (English edition) showing the edit, reloaded; "
             f"{runs} saves per kind, median (min, max).", "",
             "| edit | update what changed (`make serve`) | rebuild everything (`PLAN_PREVIEW_FULL=1`) |",
             "|---|---|---|"]
    lines += [f"| {kind} | {fmt(changed[kind])} | {fmt(full[kind])} |" for kind in changed]
    slowest = max(median for median, _, _ in changed.values())
    lines += ["", f"Target: a median of at most {PREVIEW_TARGET} s for each kind of edit: "
              f"{'met' if slowest <= PREVIEW_TARGET else 'NOT met'} (slowest median {slowest:.2f} s). "
              "Rebuilding everything is how every save worked before the preview updated only what changed. "
              "Edits that re-render a whole edition or rebuild everything: bench/README.md."]
    return lines


def lighthouse_scores(tmp: Path, runs: int) -> list[str]:
    """Lighthouse (mobile) on each edition's home page and longest chapter, served with gzip, built
    with SITE_URL set to the address it is served at (as the publishing workflow does)."""
    import socket

    sys.path.insert(0, str(ROOT / "bench"))
    import lighthouse

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = project_copy(tmp / "lighthouse")
    os.environ["SITE_URL"] = f"http://127.0.0.1:{port}/"
    try:
        b.build(root)
    finally:
        del os.environ["SITE_URL"]
    rounds = [lighthouse.run(root / "site", port=port) for _ in range(runs)]
    cats = lighthouse.CATEGORIES
    lines = [f"Lighthouse {rounds[0][0]['lighthouse']}, {rounds[0][0]['form_factor']}, "
             f"{rounds[0][0]['throttling']} throttling, Debian Chromium; median of {runs} runs (min–max).", "",
             "| page | " + " | ".join(cats) + " |", "|---|" + "---|" * len(cats)]
    for i, page in enumerate(rounds[0]):
        cells = []
        for cat in cats:
            values = [r[i]["scores"][cat] for r in rounds]
            med = statistics.median(values)
            cells.append(f"{med:.0f}" + (f" ({min(values)}–{max(values)})" if min(values) != max(values) else ""))
        lines.append(f"| {page['path']} | " + " | ".join(cells) + " |")
    lost: dict[tuple[str, str], list[str]] = {}
    for r in rounds:
        for page in r:
            for cat in cats:
                for audit in page["failing"][cat]:
                    lost.setdefault((cat, f"{audit['id']}: {audit['title']}"), []).append(
                        f"{page['path']} {audit.get('displayValue') or audit['score']}")
    lines += ["", "Audits that cost points (page and value, over all runs):", ""]
    lines += [f"- {cat} — {audit}: {'; '.join(sorted(set(where)))}" for (cat, audit), where in sorted(lost.items())]
    third = {u for r in rounds for page in r for u in page["third_party_requests"]}
    lines += ["", f"Requests to other hosts: {len(third)}"]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--preview-runs", type=int, default=5, help="saves per kind of edit in the preview step")
    parser.add_argument("--scales", default="1,4,16")
    parser.add_argument("--only", choices=["preview"], help="run only this step (results are printed, not written)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="0 to skip Lighthouse")
    args = parser.parse_args()
    lines = [f"# Benchmark ({time.strftime('%Y-%m-%d')})", "",
             f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
             f"Python {platform.python_version()}", ""]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        root = project_copy(tmp_path)
        if args.only == "preview":
            print("\n".join(lines + ["## Preview (`make serve`)", ""] + preview_lines(root, args.preview_runs)))
            return 0
        plan = load_plan(root / "data")
        check = [sys.executable, "-m", "generator", "check", "--root", str(root)]
        subprocess.run(check, check=True, capture_output=True, cwd=ROOT)  # as after any edit: results remembered
        steps = {
            "`make check` (python -m generator check: a fresh process, imports included)": timed(
                lambda: subprocess.run(check, check=True, capture_output=True, cwd=ROOT), args.runs),
            "load and validate": timed(lambda: load_plan(root / "data"), args.runs),
            "convert (zh-Hant, all text)": timed(lambda: [HongKongConverter(plan.hk_overrides)(t)
                                                           for t in plan.chinese_texts()], args.runs),
            "generate Markdown (3 editions)": timed(lambda: b.write_docs(b.render_editions(plan), plan,
                                                                        root / "docs"), args.runs),
            "whole build (data → site, editions in parallel)": timed(lambda: b.build(root), args.runs),
        }
        for lang in LANGUAGES:
            steps[f"MkDocs {lang.code} alone (a fresh process: imports, build)"] = timed(
                lambda lang=lang: subprocess.run([sys.executable, "-c",
                    "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
                    "from generator.website.mkdocs import run_mkdocs; from generator.model.languages import LANGUAGES;"
                    "run_mkdocs(Path(sys.argv[2]), [l for l in LANGUAGES if l.code == sys.argv[3]][0], Path(sys.argv[4]))",
                    str(ROOT), str(root), lang.code, str(tmp_path / f"m-{lang.code}")], check=True,
                    capture_output=True), args.runs)
        mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"

        def plain() -> None:
            for lang in LANGUAGES:
                subprocess.run([mkdocs, "build", "-q", "-f", str(root / "docs" / f"mkdocs.{lang.code}.yml"),
                                "-d", str(tmp_path / f"plain-{lang.code}")], check=True, capture_output=True,
                               cwd=root)
        steps["plain `mkdocs build` of the generated Markdown, 3 editions one after another"] = timed(plain, args.runs)
        lines += ["## Steps", ""] + [f"- {k}: {fmt(v)}" for k, v in steps.items()]
        ratio = steps["whole build (data → site, editions in parallel)"][0] / steps[
            "plain `mkdocs build` of the generated Markdown, 3 editions one after another"][0]
        lines += ["", f"Ratio whole build / plain mkdocs build: {ratio:.2f}", ""]
        lines += ["## Page weight", ""] + [f"- {k}: {v}" for k, v in page_weight(root / "site").items()]
        lines += ["", "## Search", ""] + search_figures(root / "site", args.runs)
        lines += ["", "## PDF editions", ""] + pdf_editions(root, tmp_path, args.runs)
        lines += ["", "## Preview (`make serve`)", ""] + preview_lines(root, args.preview_runs)
        scale_times = {}
        for scale in (int(s) for s in args.scales.split(",")):
            proot = project_copy(tmp_path / "scales", scale) if scale > 1 else root
            # the site only: a PDF of 16 plans would take minutes (the PDFs are measured above)
            scale_times[scale] = timed(lambda proot=proot: b.build(proot, make_pdfs=scale == 1),
                                       max(1, args.runs // 2))
        lines += ["", "## Scaling (whole build; PDF editions only at 1×, from the cache)", ""] + [f"- {s}× the plan: {fmt(t)}" for s, t in scale_times.items()]
        if 1 in scale_times and max(scale_times) > 1:
            top = max(scale_times)
            lines.append(f"- ratio {top}×/1×: {scale_times[top][0] / scale_times[1][0]:.1f}")
        if args.lighthouse_runs:
            lines += ["", "## Lighthouse", ""] + lighthouse_scores(tmp_path, args.lighthouse_runs)
    text = "\n".join(lines) + "\n"
    print(text)
    (ROOT / "bench" / "results.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

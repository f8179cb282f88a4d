"""`make serve`: build, serve site/ on 127.0.0.1, update site/ when a data file is saved, reload the browser.

Two processes, each with one job. The server process serves whatever `site/` is now and adds
a small script to every HTML page it sends; the script waits (long poll) until the file of
its own page is replaced, then reloads the page, keeping the reader's place. The server also
notes which edition the browser last asked a page of, so that the builder updates that one
first. The main process waits for saves (commands/watch.py) and updates site/ with only what
each save changed (generator/incremental.py). An update swaps in a new `site/` only when it
succeeded, so a failed one changes no page: its problems are printed in the terminal and
shown over the open page (`data/FILE.yaml:LINE: …`, the same lines), until a save that builds.
"""
from __future__ import annotations

import functools
import http.server
import itertools
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
import zlib
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import parse_qs, quote, urlsplit

from .watch import Watcher, state

LIVE = "/__live/"
# Waits (long poll) until its page's file is replaced, then reloads; shows the last build's
# problems over the page while there are any (the answer says which lines, and a token for them);
# a failed request (server restarting) retries after a pause. Its words are the terminal's: English.
RELOAD_JS = """(function () {
  // since: the version of this page's file when sent ("none": no build made it, this is the problems page)
  var tag = document.currentScript, since = tag.dataset.version, told = tag.dataset.told, panel = null;
  function line(kind, text, css) {
    var node = document.createElement(kind);
    node.textContent = text;
    node.style.cssText = css || "";
    return node;
  }
  function page(inert) {  // the last good build, out of reach while the problems cover it
    Array.prototype.forEach.call(document.body.children, function (node) {
      if (node !== panel) node.inert = inert;
    });
  }
  function close() {
    if (panel) { panel.remove(); panel = null; page(false); }
  }
  function show(problems) {
    close();
    if (!problems.length) return;
    panel = document.createElement("section");
    panel.lang = "en"; panel.dir = "ltr"; panel.id = "preview-problems";
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-labelledby", "preview-problems-title");
    panel.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;box-sizing:border-box;" +
      "margin:0;padding:1rem 1.25rem;background:#fff;color:#1b1b1b;border-top:.5rem solid #b3261e;" +
      "font:1rem/1.5 system-ui,sans-serif;text-align:left";
    var title = line("h2", "The data has a mistake: nothing was published",
                     "margin:0 0 .5rem;font-size:1.25rem;color:#1b1b1b");
    title.id = "preview-problems-title";
    var hide = line("button", since === "none" ? "Hide this message" : "Hide this message and show the last good build",
                    "font:inherit;padding:.5rem .75rem;border:2px solid #1b1b1b;background:#fff;color:#1b1b1b;cursor:pointer");
    hide.type = "button";
    hide.addEventListener("click", close);
    panel.append(title,
      line("p", "Fix the file at the line named, and save: this page then reloads by itself. " +
                "The terminal that runs make serve says the same.", "margin:0 0 .75rem"),
      line("pre", problems.join("\\n"), "white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 1rem;" +
           "padding:.75rem;background:#f4f4f4;color:#1b1b1b;font:.9rem/1.5 ui-monospace,monospace"),
      hide);
    panel.tabIndex = -1;
    document.body.appendChild(panel);
    page(true);
    panel.focus();
  }
  document.addEventListener("keydown", function (event) {  // wherever the focus is
    if (panel && event.key === "Escape") close();
  });
  function wait() {
    fetch("%swait?path=" + encodeURIComponent(location.pathname) + "&since=" + encodeURIComponent(since) +
          "&told=" + encodeURIComponent(told), {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        if (answer.version !== since) { location.reload(); return; }
        if (answer.told !== told) { told = answer.told; show(answer.problems); }
        wait();
      })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
""" % LIVE
# In the place of a page the first build could not make: the reload script shows the problems.
PROBLEMS_PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The data has a mistake '
                 '(make serve)</title></head><body><h1>The data has a mistake</h1><p>The terminal that runs make '
                 'serve says where; fix it and save, and this page loads the site.</p>{script}</body></html>')
CHECK = 0.01  # seconds between two looks at a waiting page's file
SHOWN = 1024  # bytes for the address of the page last sent (the builder updates it first)
TOLD = 65536  # bytes for the last build's problems (longer ones are cut, the terminal has them all)


def script(version: str) -> str:
    """The reload script's tag for a page whose file had `version` when it was sent. It starts
    as if no problem were shown, so that a page opened while the data has a mistake shows it."""
    return f'<script src="{LIVE}reload.js" data-version="{quote(version)}" data-told="{NOTHING_TOLD}"></script>'


def token(problems: bytes) -> str:
    """Names a set of problems (the text of their lines): the page shows new problems when it changes."""
    return f"{zlib.crc32(problems):08x}"


NOTHING_TOLD = token(b"")  # the token of no problem: the last build published


def file_version(path: Path) -> str:
    """Changes exactly when the file at `path` is replaced (a new file, so a new inode) or rewritten.

    An update of site/ links the files it does not change into the new site/ (same inode): their
    pages do not reload.
    """
    try:
        return _version(path.stat())
    except OSError:
        return "none"


def _version(stat: os.stat_result) -> str:
    return f"{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}"


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ like any static server, plus the reload script and its long poll."""

    site: Path
    shown: Optional["multiprocessing.sharedctypes.SynchronizedString"] = None  # the address of the last page sent
    told: Optional["multiprocessing.sharedctypes.SynchronizedString"] = None   # the last build's problems, a line each

    def log_message(self, format: str, *args) -> None:  # keep the terminal for build messages
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == LIVE + "reload.js":
            return self._send(RELOAD_JS.encode(), "text/javascript; charset=utf-8")
        if url.path == LIVE + "wait":
            return self._wait(parse_qs(url.query))
        if not url.path.endswith("/") and Path(self.translate_path(url.path)).is_dir():
            return super().do_GET()  # the redirect to the folder
        path = self._file(url.path)
        if path.suffix == ".html" and path.is_file():
            with path.open("rb") as page:  # the version of exactly the bytes sent
                version, html = _version(os.fstat(page.fileno())), page.read().decode("utf-8")
            tag = script(version)
            html = html.replace("</body>", tag + "</body>", 1) if "</body>" in html else html + tag
            if self.shown is not None:
                self.shown.value = url.path.encode()[:SHOWN - 1]
            return self._send(html.encode("utf-8"), "text/html; charset=utf-8")
        if path.suffix == ".html" and self._told():  # no build made this page: the first build failed
            return self._send(PROBLEMS_PAGE.format(script=script("none")).encode(), "text/html; charset=utf-8", 503)
        return super().do_GET()

    def _wait(self, query: dict[str, list[str]]) -> None:
        """Answers when the page's file is replaced or the problems shown change (25 s at most):
        {"version": the file's, "told": the problems' token, "problems": [line, …]}."""
        page = self._file(query.get("path", ["/"])[0])
        since, told = query.get("since", [""])[0], query.get("told", [""])[0]
        deadline = time.monotonic() + 25
        while True:
            version, text = file_version(page), self._told()
            if version != since or token(text) != told or time.monotonic() >= deadline:
                break
            time.sleep(CHECK)
        problems = text.decode(errors="replace").splitlines()[1:]  # (the first line numbers the failed build)
        answer = {"version": version, "told": token(text), "problems": problems}
        return self._send(json.dumps(answer, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _told(self) -> bytes:
        """The number of the last failed build, then its problems, a line each (told_text); b"" when the
        last build published."""
        return self.told.value if self.told is not None else b""

    def _file(self, url_path: str) -> Path:
        """The file of site/ that answers `url_path` (a folder's index.html, also before a build makes it)."""
        path = Path(self.translate_path(url_path))
        return path / "index.html" if url_path.endswith("/") or path.is_dir() else path

    def translate_path(self, path: str) -> str:  # always the current site/, even after a swap
        self.directory = str(self.site)
        return super().translate_path(path)

    def _send(self, body: bytes, kind: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class QuietServer(http.server.ThreadingHTTPServer):
    """A threading HTTP server that says nothing when a browser drops a connection mid-reply
    (a reload, a page left before its last image arrived): that is not an error of the site, and
    socketserver's traceback for it looked like the preview had crashed."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipeError, ConnectionResetError, …
            super().handle_error(request, client_address)


def run_server(site: Path, port: int, parent: int,
               shown: Optional["multiprocessing.sharedctypes.SynchronizedString"] = None,
               told: Optional["multiprocessing.sharedctypes.SynchronizedString"] = None) -> None:
    """Serve until the builder process (`parent`) is gone, however it ended; note in `shown` the address
    of the last page sent (the page the browser shows), and show the pages the problems in `told`."""
    def orphaned() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=orphaned, daemon=True).start()
    handler = type("Handler", (PreviewHandler,), {"site": site, "shown": shown, "told": told})
    with QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(site))) as httpd:
        httpd.serve_forever()


# build_once(address of the page shown, expected state of data/ or None, whether another save waits,
#            called once the data has no mistake, before anything is published)
#   → [] when it published, its problems (a line each) when it failed, None when a later save supersedes it
Build = Callable[[str, Optional[dict[str, bytes]], Callable[[], bool], Callable[[], None]], Optional[list[str]]]


def watch(data: Path, build_once: Build, shown: Callable[[], str], tell: Callable[[list[str]], None]) -> None:
    """Call build_once after each save of data/*.yaml that changed a file's contents, once the save is
    complete, and `tell` the pages what it found (its problems, or [] once the data has no mistake).

    A build that left work for the next save (it was superseded, or it published the shown page and
    left the rest because another save was waiting) is followed by one after the next save even if
    that save changed no byte (an editor that writes a file twice): else the rest of the site would
    wait for a save that changes something.
    """
    watcher = Watcher(data)
    built, unfinished = state(data), False
    try:
        while True:
            watcher.wait()
            now = state(data)
            if now != built or unfinished:
                built, asked = now, []

                def waiting() -> bool:  # a True answer is the builder leaving the rest for the next save
                    asked.append(watcher.waiting())
                    return asked[-1]

                found = build_once(shown(), now, waiting, lambda: tell([]))
                unfinished = found is None or any(asked)
                if found:
                    tell(found)
    finally:
        watcher.close()


def told_text(problems: list[str], failed: int) -> bytes:
    """The problems as the server keeps them: the number of the failed build (so that the same mistake
    saved again is shown again, even over a page where it was hidden), then their lines, cut to fit
    TOLD bytes (the terminal has them all); b"" for no problem."""
    if not problems:
        return b""
    text = f"{failed}\n".encode() + "\n".join(problems).encode()
    if len(text) < TOLD:
        return text
    return text[:TOLD - 64].decode(errors="ignore").rsplit("\n", 1)[0].encode() + "\n… (more in the terminal)".encode()


def serve(root: Path, port: int, build_once: Build) -> int:
    """Build, start the server process, then update site/ on every save until Ctrl+C."""
    context = multiprocessing.get_context("spawn")  # the server shares nothing with the builds but these
    shown, told = context.Array("c", SHOWN), context.Array("c", TOLD)

    failed = itertools.count(1)

    def tell(problems: list[str]) -> None:
        told.value = told_text(problems, next(failed) if problems else 0)

    tell(build_once("", None, lambda: False, lambda: None) or [])
    server = context.Process(target=run_server, args=(root / "site", port, os.getpid(), shown, told), daemon=True)
    server.start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # `kill` stops the server too (finally below)
    print(f"serving the site at http://127.0.0.1:{port}/ — edit data/*.yaml and the page reloads "
          "(Ctrl+C to stop)", flush=True)
    try:
        watch(root / "data", build_once, lambda: shown.value.decode(errors="replace"), tell)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.join(5)
    return 0

"""`make serve`: build, serve site/ on 127.0.0.1, update site/ when a data file is saved, reload the browser.

Two processes, each with one job. The server process serves whatever `site/` is now and adds
a small script to every HTML page it sends; the script waits (long poll) until the file of
its own page is replaced, then reloads the page, keeping the reader's place. The server also
notes which edition the browser last asked a page of, so that the builder updates that one
first. The main process waits for saves (commands/watch.py) and updates site/ with only what
each save changed (generator/incremental.py). An update swaps in a new `site/` only when it
succeeded, so a failed one changes nothing in the browser: its problems are printed in the
terminal.
"""
from __future__ import annotations

import functools
import http.server
import multiprocessing
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import parse_qs, quote, urlsplit

from .watch import Watcher, state

LIVE = "/__live/"
# waits until its page's file is replaced, then reloads; a failed request (server restarting) retries after a pause
RELOAD_JS = """(function () {
  var since = document.currentScript.dataset.version;
  function wait() {
    fetch("%swait?path=" + encodeURIComponent(location.pathname) + "&since=" + since, {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (v !== since) { location.reload(); return; }
        wait();
      })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
""" % LIVE
CHECK = 0.01  # seconds between two looks at a waiting page's file
SHOWN = 1024  # bytes for the address of the page last sent (the builder updates it first)


def script(version: str) -> str:
    """The reload script's tag for a page whose file had `version` when it was sent."""
    return f'<script src="{LIVE}reload.js" data-version="{quote(version)}"></script>'


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

    def log_message(self, format: str, *args) -> None:  # keep the terminal for build messages
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == LIVE + "reload.js":
            return self._send(RELOAD_JS.encode(), "text/javascript; charset=utf-8")
        if url.path == LIVE + "wait":
            query = parse_qs(url.query)
            page = self._file(query.get("path", ["/"])[0])
            since = query.get("since", [""])[0]
            deadline = time.monotonic() + 25
            while (version := file_version(page)) == since and time.monotonic() < deadline:
                time.sleep(CHECK)
            return self._send(version.encode(), "text/plain")
        path = Path(self.translate_path(url.path))
        if path.is_dir():
            if not url.path.endswith("/"):
                return super().do_GET()  # the redirect to the folder
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            with path.open("rb") as page:  # the version of exactly the bytes sent
                version, html = _version(os.fstat(page.fileno())), page.read().decode("utf-8")
            tag = script(version)
            html = html.replace("</body>", tag + "</body>", 1) if "</body>" in html else html + tag
            if self.shown is not None:
                self.shown.value = url.path.encode()[:SHOWN - 1]
            return self._send(html.encode("utf-8"), "text/html; charset=utf-8")
        return super().do_GET()

    def _file(self, url_path: str) -> Path:
        """The file of site/ that answers `url_path` (a folder's index.html)."""
        path = Path(self.translate_path(url_path))
        return path / "index.html" if path.is_dir() else path

    def translate_path(self, path: str) -> str:  # always the current site/, even after a swap
        self.directory = str(self.site)
        return super().translate_path(path)

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
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
               shown: Optional["multiprocessing.sharedctypes.SynchronizedString"] = None) -> None:
    """Serve until the builder process (`parent`) is gone, however it ended; note in `shown` the address
    of the last page sent (the page the browser shows)."""
    def orphaned() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=orphaned, daemon=True).start()
    handler = type("Handler", (PreviewHandler,), {"site": site, "shown": shown})
    with QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(site))) as httpd:
        httpd.serve_forever()


# build_once(address of the page shown, expected state of data/ or None, whether another save waits) → succeeded
Build = Callable[[str, Optional[dict[str, bytes]], Callable[[], bool]], bool]


def watch(data: Path, build_once: Build, shown: Callable[[], str]) -> None:
    """Call build_once after each save of data/*.yaml that changed a file's contents, once the save is complete."""
    watcher = Watcher(data)
    built = state(data)
    try:
        while True:
            watcher.wait()
            now = state(data)
            if now != built:
                built = now
                build_once(shown(), now, watcher.waiting)
    finally:
        watcher.close()


def serve(root: Path, port: int, build_once: Build) -> int:
    """Build, start the server process, then update site/ on every save until Ctrl+C."""
    build_once("", None, lambda: False)
    context = multiprocessing.get_context("spawn")  # the server shares nothing with the builds but `shown`
    shown = context.Array("c", SHOWN)
    server = context.Process(target=run_server, args=(root / "site", port, os.getpid(), shown), daemon=True)
    server.start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # `kill` stops the server too (finally below)
    print(f"serving the site at http://127.0.0.1:{port}/ — edit data/*.yaml and the page reloads "
          "(Ctrl+C to stop)", flush=True)
    try:
        watch(root / "data", build_once, lambda: shown.value.decode(errors="replace"))
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.join(5)
    return 0

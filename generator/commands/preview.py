"""`make serve`: build, serve site/ on 127.0.0.1, rebuild when a data file changes, reload the browser.

Two processes, each with one job. The server process serves whatever `site/` is now and adds
a small script to every HTML page it sends; the script waits (long poll) until `site/` is
replaced and then reloads the page, keeping the reader's place. The main process watches
data/ and rebuilds. Because a build swaps in a new `site/` folder only when it succeeds, a
failed build changes nothing in the browser: its problems are printed in the terminal.

Changes are found by polling file times (10 per second) rather than with inotify threads,
because the build forks a process per edition, and forking a process that runs other
threads can deadlock; polling 20 files costs nothing measurable.
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
from typing import Callable
from urllib.parse import parse_qs, urlsplit

LIVE = "/__live/"
SCRIPT = f'<script src="{LIVE}reload.js"></script>'
# waits for a new site/, then reloads; a failed request (server restarting) retries after a pause
RELOAD_JS = """(function () {
  var since = null;
  function wait() {
    fetch("%swait?since=" + (since || ""), {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (since !== null && v !== since) { location.reload(); return; }
        since = v; wait();
      })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
""" % LIVE


def site_version(site: Path) -> str:
    """Changes exactly when a build swaps in a new site/ (a new folder, so a new inode)."""
    try:
        stat = site.stat()
    except FileNotFoundError:
        return "none"
    return f"{stat.st_ino}-{stat.st_mtime_ns}"


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ like any static server, plus the reload script and its long poll."""

    site: Path

    def log_message(self, format: str, *args) -> None:  # keep the terminal for build messages
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == LIVE + "reload.js":
            return self._send(RELOAD_JS.encode(), "text/javascript; charset=utf-8")
        if url.path == LIVE + "wait":
            since = parse_qs(url.query).get("since", [""])[0]
            deadline = time.monotonic() + 25
            while since and site_version(self.site) == since and time.monotonic() < deadline:
                time.sleep(0.05)
            return self._send(site_version(self.site).encode(), "text/plain")
        path = Path(self.translate_path(url.path))
        if path.is_dir():
            if not url.path.endswith("/"):
                return super().do_GET()  # the redirect to the folder
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_text(encoding="utf-8")
            html = html.replace("</body>", SCRIPT + "</body>", 1) if "</body>" in html else html + SCRIPT
            return self._send(html.encode("utf-8"), "text/html; charset=utf-8")
        return super().do_GET()

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


def run_server(site: Path, port: int, parent: int) -> None:
    """Serve until the builder process (`parent`) is gone, however it ended."""
    def orphaned() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=orphaned, daemon=True).start()
    handler = type("Handler", (PreviewHandler,), {"site": site})
    with QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(site))) as httpd:
        httpd.serve_forever()


def data_state(data: Path) -> dict[str, int]:
    """Every data file with its modification time and size: a change in either means an edit."""
    state = {}
    for path in sorted(data.glob("*.yaml")):
        try:
            stat = path.stat()
            state[path.name] = stat.st_mtime_ns ^ stat.st_size
        except FileNotFoundError:  # an editor replacing the file in between
            pass
    return state


def watch(data: Path, rebuild: Callable[[], None], interval: float = 0.1) -> None:
    """Call rebuild() after each edit of data/*.yaml, once the files have stopped changing."""
    seen = data_state(data)
    while True:
        time.sleep(interval)
        now = data_state(data)
        if now == seen:
            continue
        time.sleep(interval)  # let an editor finish writing (save = write + rename)
        while (later := data_state(data)) != now:
            now = later
            time.sleep(interval)
        seen = now
        rebuild()


def serve(root: Path, port: int, build_once: Callable[[], bool]) -> int:
    """Build, start the server process, then rebuild on every edit until Ctrl+C."""
    build_once()
    context = multiprocessing.get_context("spawn")  # the server shares nothing with the builds
    server = context.Process(target=run_server, args=(root / "site", port, os.getpid()), daemon=True)
    server.start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # `kill` stops the server too (finally below)
    print(f"serving the site at http://127.0.0.1:{port}/ — edit data/*.yaml and the page reloads "
          "(Ctrl+C to stop)", flush=True)
    try:
        watch(root / "data", build_once)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.join(5)
    return 0


"""A real browser for the tests: Debian's Chromium driven by Playwright, and a local server.

Chromium is started with the flags that keep it from calling home (this machine's network is
closed, and the site must not need one). The site is served from 127.0.0.1 only, so any
request to another host is a request the site should not make.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from generator.commands.preview import QuietServer

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--disable-extensions"]

# The features Playwright 1.65 turns off when it starts Chromium (its own --disable-features).
# Chromium keeps only the last --disable-features of its command line, so ours repeats these.
PLAYWRIGHT_DISABLED = ["AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
                       "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
                       "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin",
                       "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
                       "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion"]
# Chromium 156 starts a renderer for its address bar's pop-up (a page of its own interface,
# chrome://omnibox-popup.top-chrome/) with every window, that is with every browser context the
# tests open: a third of the CPU a small page costs, for a bar that a headless browser never shows.
NO_ADDRESS_BAR_POPUP = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"]

# Chromium as Playwright starts it for the tests and the benchmark (tests/conftest.py: browser);
# tests/chromium/test_launch.py checks that the last --disable-features keeps Playwright's own.
PLAYWRIGHT_FLAGS = [*CHROMIUM_FLAGS, "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED + NO_ADDRESS_BAR_POPUP)]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium is not installed: run `make test` (it installs it as root with apt), "
                           "or set CHROMIUM to the browser's path")
    return path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _Prefixed(_Quiet):
    """Serves the folder at `prefix` only, as GitHub Pages serves a project site at /NAME/:
    a request outside it (a link that escapes to the host's root) is a 404."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])


@contextmanager
def serve(folder: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port) at the path `prefix` for the duration of the block.

    Yields the site's base URL, ending in `prefix` ("/plan/" gives http://127.0.0.1:PORT/plan/).
    """
    handler = functools.partial(type("Handler", (_Prefixed,), {"prefix": prefix}), directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def preview(root: Path) -> Iterator[tuple[str, "subprocess.Popen[str]"]]:
    """`python -m generator serve` on the project `root` (a free port), as `make serve` runs it.

    Yields the base URL and the process (its output is a pipe: read it for build messages).
    """
    import socket
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(root), "--port", str(port)],
                               cwd=Path(__file__).resolve().parent.parent, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, bufsize=1)
    try:
        deadline = time.monotonic() + 120
        for line in process.stdout:
            if line.startswith("serving the site") or time.monotonic() > deadline:
                break
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):  # the server process may take a moment to listen
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=30)


# What a reader sees on the first screen of a page, for the screenshot tests: how far the page
# overflows to the side, whether the text is drawn (in a colour that stands out from the page
# behind it), the first heading and the landmarks in view, the navigation drawer's button and
# the navigation itself.
FIRST_SCREEN = """() => {
  const inView = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.visibility !== 'visible' || s.display === 'none' || parseFloat(s.opacity) === 0) return false;
    }
    return r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0 && r.left < innerWidth && r.right > 0;
  };
  const h1 = document.querySelector('h1');
  const rgb = (c) => (/rgba?\\(([^)]+)\\)/.exec(c) || [0, '0, 0, 0'])[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
  const lum = (c) => c.slice(0, 3).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const back = [document.body, document.documentElement].map(e => rgb(getComputedStyle(e).backgroundColor))
                 .find(c => c.length < 4 || c[3] > 0) || [255, 255, 255];
  const text = h1 ? rgb(getComputedStyle(h1).color) : null;
  return {overflow: document.documentElement.scrollWidth - innerWidth,
          heading: h1 ? h1.textContent.trim() : '', headingInView: inView(h1),
          headingPx: h1 ? parseFloat(getComputedStyle(h1).fontSize) : 0,
          background: Math.round(lum(back) * 1000) / 1000,
          contrast: text ? Math.round((Math.max(lum(text), lum(back)) + 0.05) / (Math.min(lum(text), lum(back)) + 0.05) * 100) / 100 : 0,
          banner: inView(document.querySelector('header')), main: inView(document.querySelector('main')),
          drawerButton: inView(document.querySelector('[data-plan-drawer]')),
          navigation: inView(document.querySelector('.md-sidebar--primary'))};
}"""

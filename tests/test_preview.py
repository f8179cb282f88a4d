"""`make serve`: an edit to a data file rebuilds the site and reloads the open page; a mistake
does not (the terminal says why, the page keeps the last good build)."""
from __future__ import annotations

import socket
import threading
import time

from .browser import preview
from .helpers import edit


def lines_of(process, into: list[str]) -> threading.Thread:
    thread = threading.Thread(target=lambda: into.extend(process.stdout), daemon=True)
    thread.start()
    return thread


def test_saving_a_data_file_reloads_the_page(project, browser):
    with preview(project) as (url, process):
        output: list[str] = []
        lines_of(process, output)
        page = browser.new_page()
        page.goto(url + "/en/notice/")
        document = page.evaluate("() => performance.timeOrigin")  # changes with every (re)load
        edit(project, "closing.yaml", "Copy to: General Office", "Copy to (edited): General Office")
        page.wait_for_function("() => document.body.innerText.includes('Copy to (edited): General Office')",
                               timeout=60_000)
        reloaded = page.evaluate("() => performance.timeOrigin")
        assert reloaded != document, "the text changed without a reload?"

        # a mistake: the build stops, the terminal says where, and the page is not reloaded
        edit(project, "closing.yaml", "lines:", "lines:\n\t- x")
        deadline = time.monotonic() + 30
        while not any("problem(s) in data/" in line for line in output) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert any(line.startswith("data/closing.yaml:") and "a tab is used for indentation" in line
                   for line in output), output
        time.sleep(1)
        assert page.evaluate("() => performance.timeOrigin") == reloaded, "a failed build must not reload the page"
        assert "Copy to (edited): General Office" in page.inner_text("body")
        assert process.poll() is None, "a mistake in the data must not stop the preview"
        page.close()
    # stopping the preview (SIGTERM, as a terminal or CI does) stops its server process too
    port = int(url.rsplit(":", 1)[1])
    deadline = time.monotonic() + 10
    while _listening(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _listening(port), "the preview's server outlived it"


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0

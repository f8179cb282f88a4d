"""`make serve`: an edit to a data file rebuilds the site and reloads the open page; a mistake
does not (the terminal says why, the page keeps the last good build)."""
from __future__ import annotations

import functools
import http.server
import socket
import struct
import threading
import time

import pytest

from generator.commands.preview import QuietServer

from tests.browser import preview
from tests.helpers import edit


def lines_of(process, into: list[str]) -> threading.Thread:
    thread = threading.Thread(target=lambda: into.extend(process.stdout), daemon=True)
    thread.start()
    return thread


@pytest.mark.browser
def test_saving_a_data_file_reloads_the_page(project, page):
    with preview(project) as (url, process):
        output: list[str] = []
        lines_of(process, output)
        page = page(url + "/en/notice/", height=720)
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
        page.context.close()  # before the preview stops (the fixture closes it again at teardown, harmlessly)
    # stopping the preview (SIGTERM, as a terminal or CI does) stops its server process too
    port = int(url.rsplit(":", 1)[1])
    deadline = time.monotonic() + 10
    while _listening(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _listening(port), "the preview's server outlived it"


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_a_dropped_connection_prints_no_traceback_but_a_real_error_does(tmp_path, capfd):
    """A browser that leaves a page mid-download resets the connection: not an error of the site.
    Any other failure of a request still prints its traceback."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_POST(self) -> None:
            raise ValueError("a real fault")

    (tmp_path / "big.bin").write_bytes(b"x" * 8_000_000)
    server = QuietServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    for _ in range(3):  # ask for 8 MB, then reset the connection before reading it
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
            s.recv(100)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST on close
    time.sleep(0.5)
    assert "Traceback" not in capfd.readouterr().err
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        s.recv(100)
    time.sleep(0.5)
    server.shutdown()
    server.server_close()
    assert "ValueError: a real fault" in capfd.readouterr().err

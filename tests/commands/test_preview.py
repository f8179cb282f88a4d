"""`make serve`: an edit to a data file rebuilds the site and reloads the open page; a mistake
does not (the terminal and the open page say why; under it, the page keeps the last good build)."""
from __future__ import annotations

import functools
import http.server
import shutil
import socket
import struct
import threading
import time

import pytest

from generator.commands.preview import PROBLEMS_PAGE, TOLD, PreviewHandler, QuietServer, token, told_text

from tests.browser import preview
from tests.conftest import AXE, AXE_TAGS
from tests.helpers import edit


def lines_of(process, into: list[str]) -> threading.Thread:
    thread = threading.Thread(target=lambda: into.extend(process.stdout), daemon=True)
    thread.start()
    return thread


AXE_PANEL = """async (tags) => (await axe.run('#preview-problems', {runOnly: {type: 'tag', values: tags}}))
    .violations.map(v => v.id)"""


@pytest.mark.browser
def test_saving_a_data_file_reloads_the_page(project, page):
    with preview(project) as (url, process):
        output: list[str] = []
        lines_of(process, output)
        page = page(url + "/en/notice/", height=720, init=AXE)
        document = page.evaluate("() => performance.timeOrigin")  # changes with every (re)load
        edit(project, "closing.yaml", "Copy to: General Office", "Copy to (edited): General Office")
        page.wait_for_function("() => document.body.innerText.includes('Copy to (edited): General Office')",
                               timeout=60_000)
        reloaded = page.evaluate("() => performance.timeOrigin")
        assert reloaded != document, "the text changed without a reload?"

        # a mistake: the build stops, the terminal and the open page say where, and the page is not reloaded
        edit(project, "closing.yaml", "lines:", "lines:\n\t- x")
        deadline = time.monotonic() + 30
        while not any("problem(s) in data/" in line for line in output) and time.monotonic() < deadline:
            time.sleep(0.1)
        mistake = next((line.strip() for line in output if line.startswith("data/closing.yaml:")), None)
        assert mistake and "a tab is used for indentation" in mistake, output
        told = page.wait_for_selector("#preview-problems[role=alert][lang=en]", timeout=10_000)
        assert mistake in told.inner_text(), "the open page must show the terminal's line, with file and line"
        assert page.evaluate("() => document.activeElement.id") == "preview-problems"
        page.keyboard.press("Tab")  # the page under it is out of reach: Tab goes to the panel's button
        assert page.evaluate("() => document.activeElement.closest('#preview-problems') !== null")
        violations = page.evaluate(AXE_PANEL, AXE_TAGS)
        assert violations == [], violations
        assert page.evaluate("() => performance.timeOrigin") == reloaded, "a failed build must not reload the page"
        assert "Copy to (edited): General Office" in page.inner_text("main"), "the last good build stays under it"
        assert process.poll() is None, "a mistake in the data must not stop the preview"
        # the fix: the problems go (a build that changes no page of this one clears them too)
        edit(project, "closing.yaml", "lines:\n\t- x", "lines:")
        page.wait_for_selector("#preview-problems", state="detached", timeout=30_000)
        assert page.evaluate("() => document.querySelector('main').inert") is False
        # the same mistake again; Escape hides it, as the button does
        edit(project, "closing.yaml", "lines:", "lines:\n\t- x")
        page.wait_for_selector("#preview-problems", timeout=30_000)
        page.evaluate("() => document.activeElement.blur()")  # Escape works wherever the focus is
        page.keyboard.press("Escape")
        page.wait_for_selector("#preview-problems", state="detached", timeout=5_000)
        assert page.evaluate("() => document.querySelector('main').inert") is False
        # another save that still has it: shown again, although it was hidden
        edit(project, "closing.yaml", "Copy to (edited): General Office", "Copy to (edited once more): General Office")
        page.wait_for_selector("#preview-problems", timeout=30_000)
        # a fix that changes this page too: it reloads into the new build, and no alert of the old
        # mistake is ever shown over it (a screen reader would announce it)
        page.add_init_script("""new MutationObserver(() => {
            if (document.getElementById('preview-problems')) window.previewProblemsShown = true;
        }).observe(document, {childList: true, subtree: true});""")
        closing = project / "data" / "closing.yaml"  # one save: the fix and an edit of this page
        closing.write_text(closing.read_text(encoding="utf-8").replace("lines:\n\t- x", "lines:").replace(
            "Copy to (edited once more): General Office", "Copy to (edited again): General Office"), encoding="utf-8")
        page.wait_for_function("() => document.body.innerText.includes('Copy to (edited again)')", timeout=60_000)
        time.sleep(1)  # the reloaded page's first long poll has answered
        assert page.evaluate("() => window.previewProblemsShown") is None, "the old mistake was shown over the fixed page"
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


def _get(url: str, timeout: float = 30) -> tuple[int, str]:
    """The status and text of an answer of the preview's server (an error status is an answer too)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            return reply.status, reply.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def test_the_open_page_is_told_the_problems_of_the_last_build_and_when_they_go(tmp_path):
    """The server behind `make serve` (PreviewHandler): the long poll of an open page answers as
    soon as a build's problems change, with their lines; a page opened later learns them at once;
    a page that no build has made yet is the problems page while there are problems, else a 404."""
    import json
    import multiprocessing

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><body><main>last good</main></body></html>", encoding="utf-8")
    told = multiprocessing.Array("c", 4096)
    handler = type("Handler", (PreviewHandler,), {"site": site, "told": told})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        status, html = _get(url + "/")
        assert status == 200 and 'data-told="%s"' % token(b"") in html
        version = html.split('data-version="')[1].split('"')[0]
        wait = f"{url}/__live/wait?path=/&since={version}&told={token(b'')}"
        lines = ["data/site.yaml:12: `title` is empty: write the plan's title",
                 "1 problem(s) in data/: nothing was built; the previous site/ is unchanged."]
        threading.Timer(0.3, lambda: setattr(told, "value", told_text(lines, 1))).start()
        started = time.monotonic()
        answer = json.loads(_get(wait)[1])
        assert time.monotonic() - started < 5, "the open page waited for its long poll to time out"
        assert answer == {"version": version, "told": token(told_text(lines, 1)), "problems": lines}
        # a page opened now starts as if nothing were shown: it is answered at once
        assert json.loads(_get(wait, timeout=5)[1])["problems"] == lines
        # the same mistake saved again (a page where it was hidden shows it again)
        told.value = told_text(lines, 2)
        again = json.loads(_get(f"{url}/__live/wait?path=/&since={version}&told={answer['told']}", timeout=5)[1])
        assert again["problems"] == lines and again["told"] != answer["told"]
        answer = again
        status, html = _get(url + "/en/")  # no build made it
        assert status == 503 and html.startswith(PROBLEMS_PAGE.split("{script}")[0]) and "/__live/reload.js" in html
        told.value = b""  # a build published
        answer = json.loads(_get(f"{url}/__live/wait?path=/&since={version}&told={answer['told']}", timeout=5)[1])
        assert answer["problems"] == [] and answer["told"] == token(b"")
        assert _get(url + "/en/")[0] == 404
    finally:
        server.shutdown()
        server.server_close()


def test_the_problems_kept_for_the_pages_fit_their_place_and_say_the_rest_is_in_the_terminal():
    lines = [f"data/chapter-1.yaml:{n}: the text contains an invisible character: delete it" for n in range(5000)]
    kept = told_text(lines, 7)
    assert len(kept) < TOLD and kept.startswith(b"7\n" + lines[0].encode() + b"\n")
    assert kept.endswith("… (more in the terminal)".encode()) and lines[-1].encode() not in kept
    assert told_text(lines[:3], 8) == ("8\n" + "\n".join(lines[:3])).encode() and told_text([], 0) == b""


def test_a_first_build_that_fails_serves_its_problems_until_a_save_builds(project):
    """`make serve` on data with a mistake: no site yet, so every page answers with the problems
    page (503) and the open page's poll has the terminal's lines; the fix builds and serves the site."""
    import json

    edit(project, "closing.yaml", "lines:", "lines:\n\t- x")
    with preview(project) as (url, process):
        updates = Updates(process)
        status, html = _get(url + "/en/")
        assert status == 503 and "The data has a mistake" in html
        answer = json.loads(_get(f"{url}/__live/wait?path=/en/&since=none&told=")[1])
        assert answer["version"] == "none"
        assert any(line.startswith("data/closing.yaml:") and "a tab is used for indentation" in line
                   for line in answer["problems"]), answer
        assert answer["problems"][-1].endswith("nothing was built; there is no site/ yet: no build has made one.")
        edit(project, "closing.yaml", "lines:\n\t- x", "lines:")
        assert updates.next().startswith("site built")
        assert _get(url + "/en/")[0] == 200
        assert json.loads(_get(f"{url}/__live/wait?path=/en/&since=none&told=", timeout=5)[1])["problems"] == []


class _Stop(Exception):
    pass


def _leave_the_rest(data, waiting) -> list[str]:
    """The first save's update publishes the shown page; the editor writes the file again, the same
    bytes (format on save), so another save is waiting and the rest is left for it."""
    with open(data / "a.yaml", "a", encoding="utf-8"):
        pass
    deadline = time.monotonic() + 5
    while not waiting() and time.monotonic() < deadline:
        time.sleep(0.01)
    return []


def _superseded(data, waiting) -> None:
    """The files changed while they were read (the editor rewrote the file, ending with the same bytes)."""
    (data / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    return None


@pytest.mark.parametrize("first", [_leave_the_rest, _superseded])
def test_an_update_that_left_work_is_followed_by_one_after_a_save_that_changed_no_byte(tmp_path, first):
    """watch(): an update that left work for the next save is followed by another even when that save
    changed no byte; else the rest of the site waited for a save that changes something."""
    from generator.commands import preview as server
    from generator.commands.watch import Watcher

    data = tmp_path / "data"
    data.mkdir()
    (data / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    probe = Watcher(data)
    if probe.fd is None:
        pytest.skip("no inotify on this system: polling sees no save that changes no byte")
    probe.close()
    calls: list[str] = []

    def build_once(shown, expected, waiting, valid):
        calls.append(shown)
        if len(calls) == 1:
            return first(data, waiting)
        raise _Stop()

    def run() -> None:
        try:
            server.watch(data, build_once, lambda: "/en/ch5/", lambda problems: None)
        except _Stop:
            pass

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    time.sleep(0.2)  # the watcher is watching
    (data / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    thread.join(10)
    assert len(calls) == 2, "the work the first update left was never done"


# --- updating only what a save changed (generator/incremental.py) ------------------------

def files_of(folder) -> dict[str, bytes]:
    """Every file under `folder`: its path relative to `folder` → its bytes (what `diff -r` compares)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(a, b) -> list[str]:
    """What `diff -r a b` would name: files only in one of them, and files that differ."""
    left, right = files_of(a), files_of(b)
    return ([f"only in the preview: {n}" for n in sorted(left.keys() - right.keys())]
            + [f"only in the whole build: {n}" for n in sorted(right.keys() - left.keys())]
            + [f"differs: {n}" for n in sorted(left.keys() & right.keys()) if left[n] != right[n]])


class Updates:
    """The preview's output, line by line, and a way to wait for the line that ends one save's update."""

    def __init__(self, process) -> None:
        self.lines: list[str] = []
        self._done = threading.Semaphore(0)
        threading.Thread(target=self._read, args=(process,), daemon=True).start()

    def _read(self, process) -> None:
        for line in process.stdout:
            self.lines.append(line)
            if line.startswith(("site updated", "site built")) or "problem(s) in data/" in line:
                self._done.release()

    def next(self, timeout: float = 120) -> str:
        assert self._done.acquire(timeout=timeout), "the preview did not finish an update: " + "".join(self.lines)
        return next(l for l in reversed(self.lines) if l.startswith(("site updated", "site built"))
                    or "problem(s) in data/" in l)


def visit(url: str) -> str:
    """Ask the preview for a page, as a browser showing it does (the server notes the page shown)."""
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as reply:
        return reply.read().decode("utf-8")


# (file, text, its replacement, page shown while saving, what that page then says or None,
#  "updated" = only what changed, "built" = a whole build)
EDITS = [
    ("chapter-5.yaml", "Establish a coordination system for advancing informatization",
     "Establish a coordination system (edited) for advancing informatization", "/en/ch5/", "(edited)", "updated"),
    ("glossary.yaml", "又称为信息鸿沟", "又称为（已编辑）信息鸿沟", "/zh-Hant/glossary/", "（已編輯）", "updated"),
    ("indicators.yaml", "The observations count fibre-connected", "The observations count (edited) fibre-connected",
     "/en/progress/", "count (edited) fibre", "updated"),
    ("site.yaml", "This page lists the plan's quantified targets", "This page lists (edited) the plan's quantified targets",
     "/en/progress/", "lists (edited) the", "updated"),
    # an interface string the theme shows: the zh-Hans and zh-Hant editions' MkDocs configuration changes
    ("site.yaml", "    zh-Hans: 跳到正文", "    zh-Hans: 跳到本页正文", "/zh-Hans/ch1/", "跳到本页正文", "updated"),
    # a chapter title in the navigation: a whole build
    ("chapter-1.yaml", "Development Foundations and the Situation Faced",
     "Development Foundations and the Situation Faced (edited)", "/en/ch1/", "Situation Faced (edited)", "built"),
    # a paragraph again, after the whole build, while a page it does not change is shown
    ("chapter-5.yaml", "(edited) for advancing", "(edited twice) for advancing", "/zh-Hans/", None, "updated"),
]


@pytest.mark.slow
def test_the_preview_publishes_what_a_whole_build_of_the_same_data_publishes(project, tmp_path):
    """Saves of each kind of data file through a running `make serve`: each is published (the shown
    page first) without a whole build unless the navigation changed, and afterwards site/ and docs/
    are byte for byte those of a whole build of the same data (`diff -r`). Mistakes in between (a tab,
    a form feed) are reported with file and line, publish nothing and leave the preview running."""
    from generator.build import build

    with preview(project) as (url, process):
        updates = Updates(process)
        for name, old, new, page, shows, how in EDITS:
            visit(url + page)
            edit(project, name, old, new)
            line = updates.next()
            assert line.startswith(f"site {how}"), (name, line)
            if shows:
                assert shows in visit(url + page), (name, page)
        # a mistake: reported with its file and line, nothing published
        before = files_of(project / "site")
        edit(project, "glossary.yaml", "terms:", "terms:\n\t- x")
        updates.next()
        assert any(l.startswith("data/glossary.yaml:") for l in updates.lines), updates.lines
        assert files_of(project / "site") == before
        edit(project, "glossary.yaml", "terms:\n\t- x", "terms:")
        assert updates.next().startswith("site updated")
        # a form feed pasted into a text once ended the preview with a traceback (a ReaderError)
        edit(project, "chapter-1.yaml", "战略举措，大力推进", "战略举措，\f大力推进")
        updates.next()
        assert any(l.startswith("data/chapter-1.yaml:") and l.rstrip().endswith(
            "the text contains an invisible character U+000C (FORM FEED): delete it") for l in updates.lines), updates.lines
        assert files_of(project / "site") == before
        edit(project, "chapter-1.yaml", "战略举措，\f大力推进", "战略举措，大力推进")
        assert updates.next().startswith("site updated")
        assert not any("Traceback" in l for l in updates.lines), "".join(updates.lines)
        assert process.poll() is None
    reference = tmp_path / "reference"
    shutil.copytree(project, reference, symlinks=True, ignore=shutil.ignore_patterns("site", "docs", ".build*"))
    shutil.copytree(project / "site", reference / "site")  # the same PDFs to keep (the preview makes none)
    build(reference, make_pdfs=False)
    assert differences(project / "site", reference / "site") == []
    assert differences(project / "docs", reference / "docs") == []


@pytest.mark.browser
def test_a_save_reloads_the_pages_it_changed_and_no_other(project, page):
    with preview(project) as (url, process):
        updates = Updates(process)
        other = page(url + "/en/notice/")
        shown = page(url + "/en/ch5/")
        loaded = {p: p.evaluate("() => performance.timeOrigin") for p in (shown, other)}
        edit(project, "chapter-5.yaml", "Establish a coordination system", "Establish a coordination system (seen)")
        shown.wait_for_function("() => document.body.innerText.includes('(seen)')", timeout=60_000)
        updates.next()
        time.sleep(0.5)
        assert shown.evaluate("() => performance.timeOrigin") != loaded[shown]
        assert other.evaluate("() => performance.timeOrigin") == loaded[other], "a page the save did not change reloaded"
        for opened in (shown, other):
            opened.context.close()  # before the preview stops

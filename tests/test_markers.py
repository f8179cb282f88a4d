"""The `browser` marker is what keeps `make test-fast` (`pytest -m "not browser"`) from starting
Chromium, so a test that opens a browser, by either fixture, without it fails at setup, before Chromium starts."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.conftest import pytest_collection_modifyitems, pytest_runtest_setup


def _item(fixturenames: tuple[str, ...], marked: bool, params: tuple[str, ...] = ()) -> SimpleNamespace:
    """A collected test as the check sees it: its fixture closure, its direct parameters, its marker."""
    return SimpleNamespace(nodeid=f"tests/x.py::test[{'-'.join(fixturenames)}-{marked}]", fixturenames=fixturenames,
                           callspec=SimpleNamespace(params={name: None for name in params}),
                           get_closest_marker=lambda name: object() if marked and name == "browser" else None)


@pytest.mark.parametrize("fixturenames, marked, params, refused", [
    (("browser",), False, (), True),
    (("page", "browser", "server"), False, (), True),
    (("page",), False, (), True),              # the page fixture, whatever else it needs
    (("pages", "browser"), False, (), True),   # through a fixture of the test's module
    (("browser",), True, (), False),
    (("page", "browser"), True, (), False),
    (("built", "plan"), False, (), False),     # no browser: no marker needed
    (("page", "plan"), False, ("page",), False),  # a parameter named page (test_citation.py) is no browser
])
def test_a_test_that_opens_a_browser_must_carry_the_marker(fixturenames, marked, params, refused):
    item = _item(fixturenames, marked, params)
    pytest_collection_modifyitems(None, [item])
    if refused:
        with pytest.raises(pytest.fail.Exception, match="no `browser` marker"):
            pytest_runtest_setup(item)
    else:
        pytest_runtest_setup(item)


@pytest.mark.slow
def test_the_tests_of_one_page_run_on_one_worker(tmp_path):
    """`visited_once` (tests/helpers.py) relies on pytest-xdist's `--dist loadgroup` sending the
    tests of one `xdist_group` to one worker; with pytest 9.2 it silently stopped doing so
    (pytest-dev/pytest-xdist#1386) and every page was walked once per worker. Runs a small suite
    of two groups on two workers with the project's pytest and xdist and reads which worker ran what."""
    import re
    import subprocess
    import sys

    (tmp_path / "test_groups.py").write_text(
        "import pytest\n"
        "PAGES = [pytest.param(p, marks=pytest.mark.xdist_group(f'page:{p}')) for p in ('a', 'b') for _ in range(4)]\n"
        "@pytest.mark.parametrize('page', PAGES)\n"
        "def test_page(page):\n"
        "    pass\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-p", "no:cacheprovider",
                          "-c", str(tmp_path / "test_groups.py"), "--rootdir", str(tmp_path), str(tmp_path)],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    ran = re.findall(r"\[(gw\d)\].*PASSED .*test_page\[(\w)\d?\]", run.stdout)
    assert len(ran) == 8, run.stdout
    workers = {page: {gw for gw, p in ran if p == page} for page in "ab"}
    assert all(len(gws) == 1 for gws in workers.values()), f"a page's tests ran on several workers: {workers}"


def test_the_slow_tests_are_run_first_and_the_rest_keep_their_order():
    """A slow test started last runs on alone while the other workers wait (the last 30 s of
    `make test-fast` was one such test): the collection puts the tests marked `slow` first."""
    def item(name: str, slow: bool) -> SimpleNamespace:
        return SimpleNamespace(nodeid=name, fixturenames=(), callspec=SimpleNamespace(params={}),
                               get_closest_marker=lambda marker: object() if slow and marker == "slow" else None)

    items = [item("a", False), item("b", True), item("c", False), item("d", True)]
    pytest_collection_modifyitems(None, items)
    assert [i.nodeid for i in items] == ["b", "d", "a", "c"]

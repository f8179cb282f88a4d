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

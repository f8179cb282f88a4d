"""The `browser` marker is what keeps `make test-fast` (`pytest -m "not browser"`) from starting
Chromium, so collection refuses a test that opens a browser, by either fixture, without it."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.conftest import pytest_collection_modifyitems


def _item(fixturenames: tuple[str, ...], marked: bool) -> SimpleNamespace:
    return SimpleNamespace(nodeid=f"tests/x.py::test[{'-'.join(fixturenames)}-{marked}]", fixturenames=fixturenames,
                           get_closest_marker=lambda name: object() if marked and name == "browser" else None)


@pytest.mark.parametrize("fixturenames, marked, refused", [
    (("browser",), False, True),
    (("page", "browser", "server"), False, True),
    (("page",), False, True),          # the page fixture alone names a browser too
    (("browser",), True, False),
    (("page", "browser"), True, False),
    (("built", "plan"), False, False),  # no browser: no marker needed
])
def test_a_test_that_opens_a_browser_must_carry_the_marker(fixturenames, marked, refused):
    item = _item(fixturenames, marked)
    if refused:
        with pytest.raises(pytest.UsageError, match="browser"):
            pytest_collection_modifyitems(None, [item])
    else:
        pytest_collection_modifyitems(None, [item])

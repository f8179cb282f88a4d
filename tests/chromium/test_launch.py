"""Chromium as the tests start it (tests/browser.py: PLAYWRIGHT_FLAGS): Chromium keeps only the
last --disable-features of its command line, so ours must repeat every feature Playwright turns
off, and must keep the address bar's pop-up renderer from starting with every browser context."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser  # starts Chromium: `pytest -m "not browser"` leaves it out


def _command_line(browser) -> list[str]:
    """The command line of the running browser process, read from /proc (its pid from CDP)."""
    cdp = browser.new_browser_cdp_session()
    processes = cdp.send("SystemInfo.getProcessInfo")["processInfo"]
    pid = next(p["id"] for p in processes if p["type"] == "browser")
    return Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")


def _disabled(switch: str) -> set[str]:
    return set(switch.split("=", 1)[1].split(",")) - {""}


def test_the_last_disable_features_keeps_playwrights_own(browser):
    switches = [a for a in _command_line(browser) if a.startswith("--disable-features=")]
    assert switches, "Chromium was started without --disable-features"
    earlier = set().union(*(_disabled(s) for s in switches[:-1]))
    lost = earlier - _disabled(switches[-1])
    assert not lost, (f"Playwright turns off {sorted(lost)}, which our --disable-features (the one Chromium keeps) "
                      "drops: add them to PLAYWRIGHT_DISABLED in tests/browser.py")


def test_a_browser_context_starts_no_address_bar_renderer(browser):
    context = browser.new_context()
    try:
        context.new_page().goto("about:blank")
        cdp = browser.new_browser_cdp_session()
        targets = [t["url"] for t in cdp.send("Target.getTargets")["targetInfos"]]
        assert not [t for t in targets if "omnibox" in t], targets
    finally:
        context.close()

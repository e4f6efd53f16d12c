"""Browser tests: Playwright drives the system's Chromium (never a downloaded browser).

They run with `python3 course.py browser`, which installs requirements-browser.txt and sets
COURSE_BROWSER=1 and COURSE_CHROMIUM; the ordinary test run leaves this folder out (and says so
in one line, see the root conftest.py). Screenshots are saved to screenshots/ (not committed).
"""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

if not os.environ.get("COURSE_BROWSER"):
    collect_ignore_glob = ["test_*.py"]


def chromium_path():
    return os.environ.get("COURSE_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """One Chromium with a fresh profile for the whole run."""
    playwright = pytest.importorskip("playwright.sync_api")
    executable = chromium_path()
    if not executable:
        pytest.fail("no Chromium found: install it (Debian: apt-get install chromium)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with playwright.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()

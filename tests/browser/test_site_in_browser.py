"""The website (course.py html) in Chromium, served from 127.0.0.1: every page loads with no
console error, formulas are typeset, search finds "silhouette", every internal link resolves,
and each page's launch links point at its own notebook."""

import functools
import re
import runpy
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    build = runpy.run_path(str(ROOT / "tools" / "build_site.py"))["build"]
    build(out)
    handler = functools.partial(QuietHandler, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("requestfailed", lambda r: page.problems.append(f"failed to load {r.url}"))
    yield page
    page.close()


PAGES = ["index.html"] + [p.stem + ".html" for p in NOTEBOOKS]


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_console_errors_and_links_resolve(page, site_url, name):
    response = page.goto(site_url + name, wait_until="load")
    assert response.ok, f"{name}: HTTP {response.status}"
    page.wait_for_timeout(300)
    if page.locator("script[src*='MathJax.js']").count():
        page.wait_for_function("window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0"
                               " && MathJax.Hub.queue.running === 0", timeout=60_000)
    assert not page.problems, f"{name}: {page.problems}"
    # every link and image on the site's own origin resolves, anchors included
    targets = page.eval_on_selector_all("a[href], img[src], link[href], script[src]",
                                        "els => els.map(e => e.href || e.src)")
    ids = {}
    for target in targets:
        if not target.startswith(site_url):
            continue
        url, anchor = urldefrag(target)
        path = urlparse(url).path
        if path not in ids:
            got = page.request.get(url)
            assert got.ok, f"{name}: link to {target} gives HTTP {got.status}"
            ids[path] = set(re.findall(r'\bid="([^"]+)"', got.text())) if path.endswith(
                ".html") or path.endswith("/") else set()
        if anchor and (path.endswith(".html") or path.endswith("/")):
            assert anchor in ids[path], f"{name}: link to {target}: no such heading"


def test_formulas_are_typeset_offline(page, site_url):
    page.goto(site_url + "05_choosing_k.html", wait_until="load")
    page.wait_for_function("window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0",
                           timeout=60_000)
    assert page.locator(".MathJax").count() > 0, "no formula was typeset"
    assert "\\frac" not in page.inner_text("main"), "a formula shows as LaTeX source"
    assert not page.problems


def test_search_finds_silhouette(page, site_url):
    page.goto(site_url + "index.html", wait_until="load")
    page.fill("#course-search-box", "silhouette")
    results = page.locator("#course-search-results a")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any(h.startswith("05_choosing_k.html#") for h in hrefs), hrefs
    results.first.click()
    page.wait_for_load_state("load")
    assert "silhouette" in page.content().lower()
    assert not page.problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_launch_links_point_at_this_notebook(page, site_url, path):
    page.goto(site_url + path.stem + ".html", wait_until="load")
    for kind in ("binder", "colab", "download"):
        hrefs = page.eval_on_selector_all(f"a.launch-{kind}", "els => els.map(e => e.href)")
        assert len(hrefs) == 2, f"{kind}: expected a full and a student link, got {hrefs}"
        for href in hrefs:
            assert href.endswith(f"/{path.name}"), f"{kind} link {href} is not {path.name}"
    downloads = page.eval_on_selector_all("a.launch-download", "els => els.map(e => e.href)")
    for href in downloads:
        got = page.request.get(href)
        assert got.ok and got.json()["cells"], f"{href} is not a notebook"


def test_screenshots_of_the_site(page, site_url, screenshots):
    page.goto(site_url + "index.html", wait_until="load")
    page.screenshot(path=str(screenshots / "site-index.png"), full_page=False)
    page.goto(site_url + "05_choosing_k.html", wait_until="load")
    page.wait_for_function("window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0",
                           timeout=60_000)
    page.screenshot(path=str(screenshots / "site-05_choosing_k.png"), full_page=False)
    assert (screenshots / "site-index.png").stat().st_size > 10_000

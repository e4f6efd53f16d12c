"""The static HTML site (tools/build_site.py, `python3 course.py html`) builds and lists every
notebook."""

import html
import re
import runpy
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "build_site.py"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def first_heading(path):
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    raise AssertionError(f"{path.name} has no heading")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return out


def test_there_are_notebooks_to_build():
    assert NOTEBOOKS, "no notebooks found in notebooks/"


def test_index_lists_every_notebook_in_course_order_with_its_title(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', index)
    assert [href for href, _ in links] == [p.stem + ".html" for p in NOTEBOOKS]
    assert [html.unescape(text) for _, text in links] == [first_heading(p) for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_has_its_page(site, path):
    page = (site / (path.stem + ".html")).read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and html.unescape(title.group(1)) == first_heading(path)
    assert 'href="index.html"' in page
    # links between notebooks point at the pages, not at the .ipynb files
    assert not re.search(r'href="\d\d_\w+\.ipynb', page)


def test_build_fails_clearly_without_notebooks(tmp_path):
    build = runpy.run_path(str(SCRIPT))["build"]
    with pytest.raises(FileNotFoundError, match="no course notebooks"):
        build(tmp_path / "site", folder=tmp_path)

"""The course website (tools/build_site.py, `python3 course.py html`): the landing page, each
notebook's page (navigation, contents, launch links, alt text), offline formulas and search,
and clear failures for notebooks of the wrong shape and broken links. In a real browser:
tests/browser/test_site_in_browser.py."""

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "build_site.py"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
sys.path.insert(0, str(ROOT / "tools"))  # the tools are scripts: import them as they run
import build_site  # noqa: E402
from notebook_sections import NotebookError  # noqa: E402

new_md, new_code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell


def opening_lines(path):
    return nbformat.read(path, as_version=4).cells[0].source.splitlines()


def text(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return out


def test_there_are_notebooks_to_build():
    assert NOTEBOOKS, "no notebooks found in notebooks/"


def element(page, cls):
    """The <nav> with class cls (attributes in any order)."""
    found = re.search(rf'<nav\b[^>]*class="{cls}"[^>]*>.*?</nav>', page, re.S)
    assert found, f"no <nav class={cls!r}>"
    return found.group(0)


def words(fragment):
    return " ".join(re.findall(r"\w+", text(fragment)))


def test_landing_page_has_each_notebooks_opening(site):
    index = words((site / "index.html").read_text(encoding="utf-8"))
    for path in NOTEBOOKS:
        lines = opening_lines(path)
        assert words(lines[0]) in index, f"{path.name}: title"
        learn = lines.index("**You will learn**")
        first = lines[learn + 1].removeprefix("- ")
        assert words(first) in index, f"{path.name}: objective {first!r}"
        time_line = next(line for line in lines if line.startswith("**Time**"))
        minutes = re.search(r"(\d+) min", time_line).group(1)
        assert f"about {minutes} minutes" in index, f"{path.name}: time"
        before = next(line for line in lines if line.startswith("**Before you start**"))
        linked = re.sub(r"\[([^]]+)\]\([^)]+\)", r"\1", before.split(":", 1)[1])
        assert words(linked) in index, f"{path.name}: prerequisites {linked!r}"


def test_landing_page_has_a_session_plan_that_covers_every_notebook(site):
    page = (site / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr><td>Session \d+</td><td>(.*?)</td><td>(\d+) min</td></tr>", page)
    assert rows, "no session plan"
    minutes = {}
    for path in NOTEBOOKS:
        time_line = next(line for line in opening_lines(path) if line.startswith("**Time**"))
        minutes[path.stem + ".html"] = int(re.search(r"(\d+) min", time_line).group(1))
    planned = []
    for cells, total in rows:
        pages = re.findall(r'href="([^"]+)"', cells)
        planned += pages
        assert int(total) == sum(minutes[p] for p in pages)
        assert int(total) <= 90 or len(pages) == 1
    assert planned == [p.stem + ".html" for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_page_has_navigation_contents_and_launch_links(site, path):
    page = (site / (path.stem + ".html")).read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and html.unescape(title.group(1)) == opening_lines(path)[0].lstrip("# ")
    nav = element(page, "course-nav")
    assert re.findall(r'href="(\d\d_\w+\.html)"', nav) == [p.stem + ".html" for p in NOTEBOOKS]
    toc = element(page, "course-toc")
    sections = [line[3:].strip() for c in nbformat.read(path, as_version=4).cells
                if c.cell_type == "markdown" for line in c.source.splitlines()
                if line.startswith("## ")]
    assert [text(t) for t in re.findall(r"<li>(.*?)</li>", toc)] == [
        text(build_site.inline_markdown(s)) for s in sections]
    launch = element(page, "course-launch")
    hrefs = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', launch)]
    assert len(hrefs) == 6 and all(h.endswith("/" + path.name) for h in hrefs), hrefs
    assert f"notebooks/{path.name}" in hrefs and f"student/{path.name}" in hrefs
    assert sum("colab.research.google.com" in h for h in hrefs) == 2
    assert sum("mybinder.org" in h for h in hrefs) == 2
    # links between notebooks point at the pages, not at the .ipynb files
    assert not re.search(r'href="\d\d_\w+\.ipynb', page)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_figures_have_their_titles_as_alt_text(site, path):
    page = (site / (path.stem + ".html")).read_text(encoding="utf-8")
    images = [i for i in re.findall(r"<img\b[^>]*>", page) if 'src="data:image/png' in i]
    alts = [html.unescape(re.search(r'\balt="([^"]*)"', i).group(1)) for i in images]
    stored = []
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                stored.append(output["data"]["text/plain"].strip().removeprefix("Figure: "))
    assert alts == stored
    assert page.count("<img ") == len(stored)


def test_nothing_is_loaded_from_the_network(site):
    for page in site.glob("*.html"):
        content = page.read_text(encoding="utf-8")
        remote = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:[^"]+)"', content)
        assert not remote, f"{page.name} loads {remote[:3]}"
    mathjax = site / "_static" / "mathjax" / "MathJax.js"
    assert mathjax.is_file() and (site / "_static" / "mathjax" / "config").is_dir()
    assert 'src="_static/mathjax/MathJax.js?config=' in (site / "05_choosing_k.html").read_text(
        encoding="utf-8")


def test_search_index_finds_silhouette_in_notebook_05(site):
    script = (site / "_static" / "search-index.js").read_text(encoding="utf-8")
    entries = json.loads(script.removeprefix("window.COURSE_SEARCH_INDEX = ").rstrip(";\n"))
    hits = [e["url"] for e in entries
            if "silhouette" in (e["heading"] + " " + e["text"]).lower()]
    assert any(url.startswith("05_choosing_k.html#") for url in hits)
    pages = {e["url"].split("#")[0] for e in entries}
    assert pages == {"index.html"} | {p.stem + ".html" for p in NOTEBOOKS}


def test_downloads_hold_both_editions(site):
    for path in NOTEBOOKS:
        assert (site / "notebooks" / path.name).read_bytes() == path.read_bytes()
        student = nbformat.read(site / "student" / path.name, as_version=4)
        assert not any("solution" in c.metadata.get("tags", []) for c in student.cells)
    assert (site / "student" / "kmeans-course-student-edition.zip").stat().st_size > 0


# ---- bad input: a small notebook set of the course's shape, broken one way at a time ----

def tiny(number, next_name):
    cells = [
        new_md(f"# {number} · Try a tiny notebook\n\nIntro.\n\n**You will learn**\n- one thing"
               "\n- $x^2$ too\n\n**Before you start**: nothing.\n\n**Time**: about 5 minutes."),
        new_md("## Set up"),
        new_code("x = 1"),
        new_md("## Exercises"),
        new_code("answer = None"),
        new_md("## Solutions"),
        new_code("answer = 2"),
        new_md(f"**Next:** [{next_name}]({next_name}.ipynb)"),
    ]
    cells[4].metadata["tags"] = ["exercise"]
    cells[5].metadata["tags"] = cells[6].metadata["tags"] = ["solution"]
    return nbformat.v4.new_notebook(cells=cells)


@pytest.fixture
def folder(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nbformat.write(tiny("01", "02_b"), notebooks / "01_a.ipynb")
    nbformat.write(tiny("02", "01_a"), notebooks / "02_b.ipynb")
    return notebooks


def test_tiny_course_builds(folder, tmp_path):
    written = build_site.build(tmp_path / "site", folder=folder)
    assert [p.name for p in written] == ["index.html", "01_a.html", "02_b.html"]


def test_missing_opening_section_is_named(folder, tmp_path):
    nb = nbformat.read(folder / "02_b.ipynb", as_version=4)
    nb.cells[0].source = nb.cells[0].source.replace("**Before you start**", "Before")
    nbformat.write(nb, folder / "02_b.ipynb")
    with pytest.raises(NotebookError, match=r"notebooks/02_b.ipynb, cell 1: .*Before you start"):
        build_site.build(tmp_path / "site", folder=folder)


def test_broken_internal_link_is_named(folder, tmp_path):
    nb = nbformat.read(folder / "01_a.ipynb", as_version=4)
    nb.cells.insert(3, new_md("See [the next one](03_missing.ipynb) and [here](#No-such)."))
    nbformat.write(nb, folder / "01_a.ipynb")
    with pytest.raises(build_site.SiteError,
                       match=r"notebooks/01_a.ipynb, cell 4: broken link '03_missing.ipynb'"):
        build_site.build(tmp_path / "site", folder=folder)
    nb.cells[3].source = "See [a heading](02_b.ipynb#No-such-heading)."
    nbformat.write(nb, folder / "01_a.ipynb")
    with pytest.raises(build_site.SiteError, match=r"01_a.ipynb, cell 4: .*No-such-heading"):
        build_site.build(tmp_path / "site", folder=folder)


def test_untagged_solution_cell_is_named(folder, tmp_path):
    nb = nbformat.read(folder / "02_b.ipynb", as_version=4)
    nb.cells[6].metadata["tags"] = []
    nbformat.write(nb, folder / "02_b.ipynb")
    done = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); import build_site;"
         "from pathlib import Path; build_site.NOTEBOOKS = Path(sys.argv[2]);"
         "sys.exit(build_site.main(['--out', sys.argv[3]]))",
         str(ROOT / "tools"), str(folder), str(tmp_path / "site")],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert "notebooks/02_b.ipynb, cell 7 (code" in done.stderr
    assert "without the 'solution' tag" in done.stderr and "Traceback" not in done.stderr


def test_untitled_figure_is_named(folder, tmp_path):
    nb = nbformat.read(folder / "01_a.ipynb", as_version=4)
    nb.cells[2].outputs = [nbformat.v4.new_output(
        "display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "Figure: (untitled)"})]
    nbformat.write(nb, folder / "01_a.ipynb")
    with pytest.raises(build_site.SiteError, match=r"01_a.ipynb, cell 3: a figure without a title"):
        build_site.build(tmp_path / "site", folder=folder)


def test_build_fails_clearly_without_notebooks(tmp_path):
    with pytest.raises(FileNotFoundError, match="no course notebooks"):
        build_site.build(tmp_path / "site", folder=tmp_path)

"""Build the course website: every notebook as a page, with a landing page, offline.

    python3 course.py html                  # builds into site/ (open site/index.html)
    python tools/build_site.py --out DIR    # builds into DIR instead

What the site has, all of it working from the folder alone (file:// or any static server), with
nothing fetched from the network:

- index.html: each notebook's objectives, prerequisites and time (read from its opening cell,
  see tools/notebook_sections.py) and a session plan computed from those times;
- one page per notebook (NN_name.html) from its stored outputs (nothing is executed), in
  JupyterLab's look, with a sidebar of every notebook, a contents list of the page, previous /
  next links, and launch links: Binder, Colab and a download, for the full edition and for the
  student edition (tools/student_edition.py);
- full-text search (_static/search.js over _static/search-index.js, written by this script);
- formulas typeset by MathJax 2.7 copied from the jupyter-server-mathjax package (no CDN);
- figures whose alt text is their titles (the "Figure: ..." text that setup_notebook() gives
  every figure).

The build fails with a message naming the notebook and the cell for a notebook without the
opening section, a cell of the Solutions section without its tag, a figure without a title, or a
link to a page or heading that does not exist.

Why a script of its own rather than Sphinx + myst-nb or mkdocs-material + mkdocs-jupyter: every
item above except the search and the sidebar needs course-specific code with those tools too
(the landing page from the opening cells, the student edition and its links, alt text from the
figures' text, the checks that name a cell), and nbconvert, already installed for the course,
renders the notebooks. This script adds one small package (jupyter-server-mathjax, for the
formulas) where either of the others brings about twenty new packages.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html
from notebook_sections import (
    NotebookError,
    Opening,
    notebook_paths,
    read_opening,
    where,
)
from student_edition import student_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TOOLS = Path(__file__).resolve().parent
COURSE_TITLE = "k-means, from blobs to big data"
REPOSITORY = "kmeans-course/kmeans-course"  # on GitHub; Binder and Colab open it from there
BRANCH = "main"
STUDENT_BRANCH = "student"  # made by `python3 course.py student --branch student`, then pushed
SESSION_MINUTES = 90
CORE_LAST = "06"  # notebooks up to this number are the core path
MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full,Safe"  # the configs the package ships
NOTEBOOK_LINK = re.compile(r'href="(\d\d_[A-Za-z0-9_]+)\.ipynb(#[^"]*)?"')
HEADING = re.compile(r'<h([23])[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
LINK = re.compile(r'\b(?:href|src)="([^"]*)"')
ID = re.compile(r'\bid="([^"]+)"')
CELL_ID = re.compile(r'id="cell-id=([^"]+)"')
TAG = re.compile(r"<[^>]+>")


class SiteError(ValueError):
    """The site cannot be built as it should be; the message names the notebook and cell."""


@dataclass
class Notebook:
    path: Path
    nb: nbformat.NotebookNode
    opening: Opening

    @property
    def page(self) -> str:
        return self.path.stem + ".html"


def binder_url(name: str, branch: str = BRANCH) -> str:
    return (f"https://mybinder.org/v2/gh/{REPOSITORY}/{branch}"
            f"?urlpath=lab/tree/notebooks/{name}")


def colab_url(name: str, branch: str = BRANCH) -> str:
    return f"https://colab.research.google.com/github/{REPOSITORY}/blob/{branch}/notebooks/{name}"


def text_of(fragment: str) -> str:
    """Plain text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def inline_markdown(text: str) -> str:
    """Markdown of one line as HTML without the surrounding <p>, links to notebooks rewritten."""
    rendered = markdown2html(text).strip()
    rendered = re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.S)
    return NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', rendered)


def add_alt_text(nb, name: str) -> None:
    """Give every PNG figure the alt text of its titles, from its 'Figure: ...' text form."""
    for i, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" not in data:
                continue
            plain = data.get("text/plain", "")
            plain = "".join(plain) if isinstance(plain, list) else plain
            alt = plain.strip().removeprefix("Figure:").strip()
            if not plain.strip().startswith("Figure:") or not alt or alt == "(untitled)":
                raise SiteError(
                    f"{where(name, i)}: a figure without a title (its text form is "
                    f"{plain.strip()[:60]!r}); give it a title (ax.set_title or fig.suptitle), "
                    "which becomes its alt text, and check that the setup cell calls "
                    "setup_notebook()"
                )
            output.setdefault("metadata", {}).setdefault("image/png", {})["alt"] = alt


def session_plan(notebooks: list[Notebook]) -> list[list[Notebook]]:
    """Notebooks in course order, packed into sessions of at most SESSION_MINUTES; a new
    session starts after the core path."""
    sessions: list[list[Notebook]] = []
    minutes = SESSION_MINUTES + 1
    for i, item in enumerate(notebooks):
        after_core = i > 0 and notebooks[i - 1].opening.number == CORE_LAST
        if after_core or minutes + item.opening.minutes > SESSION_MINUTES:
            sessions.append([])
            minutes = 0
        sessions[-1].append(item)
        minutes += item.opening.minutes
    return sessions


def launch_links(item: Notebook) -> str:
    name = item.path.name
    links = [
        ("Full edition", BRANCH, f"notebooks/{name}"),
        ("Student edition (no solutions)", STUDENT_BRANCH, f"student/{name}"),
    ]
    rows = []
    for label, branch, download in links:
        rows.append(
            f'<div><span class="edition">{label}:</span> '
            f'<a class="launch-binder" href="{html.escape(binder_url(name, branch))}">Open in Binder</a> · '
            f'<a class="launch-colab" href="{html.escape(colab_url(name, branch))}">Open in Colab</a> · '
            f'<a class="launch-download" href="{download}" download>Download {name}</a></div>'
        )
    return f'<nav class="course-launch" aria-label="Run this notebook">{"".join(rows)}</nav>'


def top_and_nav(notebooks: list[Notebook], current: str | None, toc: str = "") -> str:
    """The top bar (home, search), the sidebar of every notebook and the page's contents."""
    items = []
    for item in notebooks:
        here = ' aria-current="page"' if item.page == current else ""
        items.append(f'<li><a href="{item.page}"{here}>{html.escape(item.opening.title)}</a></li>')
    home = ' aria-current="page"' if current == "index.html" else ""
    return (
        '<header class="course-top">'
        f'<a class="course-home" href="index.html"{home}>{html.escape(COURSE_TITLE)}</a>'
        '<div class="course-search" role="search">'
        '<input type="search" id="course-search-box" placeholder="Search the course" '
        'aria-label="Search the course" autocomplete="off">'
        '<div id="course-search-results" class="course-search-results" aria-live="polite"></div>'
        "</div></header>\n"
        '<nav class="course-nav" aria-label="Notebooks of the course"><h2>Notebooks</h2><ul>'
        f'<li><a href="index.html"{home}>Course home</a></li>{"".join(items)}</ul></nav>\n'
        f"{toc}"
    )


def contents_list(headings: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f'<li><a href="#{html.escape(anchor)}">{html.escape(text)}</a></li>'
        for level, anchor, text in headings
        if level == "2"
    )
    return (f'<nav class="course-toc" aria-label="On this page"><h2>On this page</h2>'
            f"<ul>{items}</ul></nav>\n")


def page_headings(page_html: str) -> list[tuple[str, str, str]]:
    """(level, id, text) of the h2/h3 headings of a rendered page, the '¶' anchors dropped."""
    found = []
    for level, anchor, inner in HEADING.findall(page_html):
        inner = re.sub(r'<a class="anchor-link".*?</a>', "", inner, flags=re.S)
        found.append((level, html.unescape(anchor), text_of(inner)))
    return found


def search_entries(page: str, title: str, page_html: str) -> list[dict]:
    """One search entry per h2 section of a page: its heading, its anchor and its text."""
    body = page_html.split('<main id="content">', 1)[-1]
    body = re.sub(r"<(style|script|nav)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r'src="data:[^"]*"', "", body)
    parts = re.split(r'(<h2[^>]*\bid="[^"]+"[^>]*>.*?</h2>)', body, flags=re.S)
    entries = [{"url": page, "page": title, "heading": title, "text": text_of(parts[0])[:4000]}]
    for head, text in zip(parts[1::2], parts[2::2], strict=True):
        anchor = re.search(r'\bid="([^"]+)"', head).group(1)
        heading = text_of(re.sub(r'<a class="anchor-link".*?</a>', "", head, flags=re.S))
        entries.append({"url": f"{page}#{anchor}", "page": title, "heading": heading,
                        "text": text_of(text)[:4000]})
    return entries


def render_notebook(exporter: HTMLExporter, notebooks: list[Notebook], i: int) -> str:
    item = notebooks[i]
    nb = nbformat.from_dict(json.loads(json.dumps(item.nb)))  # a copy: alt text goes in here
    add_alt_text(nb, item.path.name)
    prev = (f'<a href="{notebooks[i - 1].page}">← {html.escape(notebooks[i - 1].opening.title)}</a>'
            if i > 0 else '<a href="index.html">← Course home</a>')
    nxt = (f'<a href="{notebooks[i + 1].page}">{html.escape(notebooks[i + 1].opening.title)} →</a>'
           if i + 1 < len(notebooks) else '<a href="index.html">Course home →</a>')
    resources = {
        "metadata": {"name": item.opening.title},
        "course_top": "",  # the contents list needs the rendered headings: filled in below
        "course_launch": launch_links(item),
        "course_bottom": f'<nav class="course-pager" aria-label="Previous and next">{prev}{nxt}</nav>',
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    body = NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)
    chrome = top_and_nav(notebooks, item.page, contents_list(page_headings(body)))
    return body.replace('<main id="content">', chrome + '<main id="content">', 1)


def render_index(notebooks: list[Notebook]) -> str:
    intro = readme_intro()
    plan_rows = []
    for number, session in enumerate(session_plan(notebooks), start=1):
        total = sum(item.opening.minutes for item in session)
        names = ", ".join(f'<a href="{item.page}">{item.opening.number}</a>' for item in session)
        plan_rows.append(f"<tr><td>Session {number}</td><td>{names}</td><td>{total} min</td></tr>")
    cards = []
    for item in notebooks:
        o = item.opening
        objectives = "".join(f"<li>{inline_markdown(text)}</li>" for text in o.objectives)
        cards.append(
            f'<section class="notebook" id="nb-{o.number}">'
            f'<h3><a href="{item.page}">{html.escape(o.title)}</a></h3>'
            f'<p class="meta"><strong>Time:</strong> {html.escape(o.time)} · '
            f"<strong>Before you start:</strong> {inline_markdown(o.prerequisites)}</p>"
            f"<p><strong>You will learn</strong></p><ul>{objectives}</ul></section>"
        )
    total = sum(item.opening.minutes for item in notebooks)
    core = [item for item in notebooks if item.opening.number <= CORE_LAST]
    main = f"""
<h1 id="course-home">{html.escape(COURSE_TITLE)}</h1>
<p>{intro}</p>
<p>Read the notebooks here with their stored outputs, or run them: each page has links to open
it in Binder or Colab and to download it, in the full edition and in the student edition (without
the solutions). To run the course on your own computer, see the README:
<code>python3 course.py lab</code>.</p>
<p><a href="student/kmeans-course-student-edition.zip" download>Download the student edition of
every notebook (zip)</a> · <a href="notebooks/kmeans-course-notebooks.zip" download>Download the
full edition (zip)</a></p>
<h2 id="session-plan">Suggested session plan</h2>
<p>{len(notebooks)} notebooks, about {total} minutes in all. Notebooks
{core[0].opening.number} to {core[-1].opening.number} are the core path, in order; the ones after
it stand alone. Packed in course order into sessions of at most {SESSION_MINUTES} minutes:</p>
<table><thead><tr><th>session</th><th>notebooks</th><th>time</th></tr></thead>
<tbody>{"".join(plan_rows)}</tbody></table>
<h2 id="notebooks">The notebooks</h2>
{"".join(cards)}
"""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(COURSE_TITLE)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="_static/site.css">
</head>
<body class="course-page course-index">
{top_and_nav(notebooks, "index.html")}
<main id="content">
{main}
</main>
<script src="_static/search-index.js"></script>
<script src="_static/search.js"></script>
</body>
</html>
"""


def readme_intro() -> str:
    """The README's first paragraph (what the course is), as HTML."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("\n\n")
    paragraph = next(p for p in readme if p.strip() and not p.startswith("#"))
    return inline_markdown(" ".join(paragraph.split()))


def mathjax_folder() -> Path:
    try:
        import jupyter_server_mathjax
    except ImportError:
        raise SiteError(
            "the site needs the package jupyter-server-mathjax (MathJax for offline formulas); "
            "python3 course.py html installs it, or: pip install -r requirements.txt"
        ) from None
    return Path(jupyter_server_mathjax.__file__).parent / "static"


def check_links(out: Path, pages: dict[str, Notebook | None]) -> None:
    """Every relative link and image of every page points at a file of the site, and every
    #anchor at an id on that page. The message names the notebook and the cell of the link."""
    ids = {page: set(ID.findall((out / page).read_text(encoding="utf-8"))) for page in pages}
    for page, item in pages.items():
        text = (out / page).read_text(encoding="utf-8")
        cells = [(m.start(), m.group(1)) for m in CELL_ID.finditer(text)]
        for match in LINK.finditer(text):
            target = html.unescape(match.group(1))
            if re.match(r"^(https?:|mailto:|data:|javascript:)", target) or not target:
                continue
            path, _, anchor = target.partition("#")
            path = path.split("?", 1)[0]
            problem = None
            if path and not (out / path).is_file():
                problem = f"no page or file {path!r}"
            elif anchor and (path or page) in ids and anchor not in ids[path or page]:
                problem = f"no heading #{anchor} on {(path or page)!r}"
            if problem is None:
                continue
            cell_id = next((cid for pos, cid in reversed(cells) if pos < match.start()), None)
            if item is None:
                place = f"site page {page}"
            elif cell_id is None:
                place = f"{where(item.path.name)} (the page's navigation)"
            else:
                index = next((i for i, c in enumerate(item.nb.cells) if c.get("id") == cell_id),
                             None)
                place = where(item.path.name, index)
                target = re.sub(r"^(\d\d_\w+)\.html", r"\1.ipynb", target)  # as in the cell
            raise SiteError(f"{place}: broken link {target!r}: {problem}")


def build(out: Path, folder: Path = NOTEBOOKS) -> list[Path]:
    """Build the site into out; return the pages written (index.html first)."""
    paths = notebook_paths(folder)
    if not paths:
        raise FileNotFoundError(f"no course notebooks (NN_name.ipynb) found in {folder}")
    notebooks = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        notebooks.append(Notebook(path, nb, read_opening(nb, path.name)))
    students = {item.path.name: student_notebook(item.nb, item.path.name) for item in notebooks}
    mathjax = mathjax_folder()

    if out.exists():
        shutil.rmtree(out)
    (out / "_static").mkdir(parents=True)
    shutil.copytree(mathjax, out / "_static" / "mathjax")
    for asset in (TOOLS / "site_static").iterdir():
        shutil.copy2(asset, out / "_static" / asset.name)
    for edition, files in (("notebooks", None), ("student", students)):
        (out / edition).mkdir()
        zip_name = f"kmeans-course-{'student-edition' if files else 'notebooks'}.zip"
        with zipfile.ZipFile(out / edition / zip_name, "w", zipfile.ZIP_DEFLATED) as bundle:
            for item in notebooks:
                target = out / edition / item.path.name
                if files is None:
                    shutil.copy2(item.path, target)
                else:
                    nbformat.write(files[item.path.name], target)
                bundle.write(target, f"kmeans-course/{item.path.name}")

    exporter = HTMLExporter(
        template_name="course",
        extra_template_basedirs=[str(TOOLS / "site_templates")],
        mathjax_url=f"_static/mathjax/MathJax.js?config={MATHJAX_CONFIG}",
    )
    written = [out / "index.html"]
    entries = []
    for i, item in enumerate(notebooks):
        page = render_notebook(exporter, notebooks, i)
        (out / item.page).write_text(page, encoding="utf-8")
        written.append(out / item.page)
        entries += search_entries(item.page, item.opening.title, page)
    index = render_index(notebooks)
    (out / "index.html").write_text(index, encoding="utf-8")
    entries = search_entries("index.html", "Course home", index) + entries
    (out / "_static" / "search-index.js").write_text(
        "window.COURSE_SEARCH_INDEX = " + json.dumps(entries, ensure_ascii=False) + ";\n",
        encoding="utf-8",
    )
    check_links(out, {"index.html": None, **{item.page: item for item in notebooks}})
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="output folder (site/)")
    args = parser.parse_args(argv)
    try:
        written = build(args.out, NOTEBOOKS)
    except (NotebookError, SiteError) as error:
        print(f"[site] ERROR: {error}", file=sys.stderr)
        return 1
    print(f"[site] wrote {len(written)} pages; open {args.out / 'index.html'} in a browser")
    return 0


if __name__ == "__main__":
    sys.exit(main())

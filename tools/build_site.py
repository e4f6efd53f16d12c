"""Build a static HTML site of the course, for learners who read it without Python.

    python3 course.py html                  # builds into site/
    python tools/build_site.py --out DIR    # builds into DIR instead

Every notebook in notebooks/ (NN_name.ipynb, in course order) becomes DIR/NN_name.html, rendered
from its stored outputs (nothing is executed), and DIR/index.html lists them with the title taken
from each notebook's first heading. Links between notebooks are rewritten to the HTML pages. The
build needs no network; formulas are typeset by MathJax, which the pages load from a CDN when they
are viewed online (offline, formulas show as their LaTeX source).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
COURSE_TITLE = "k-means, from blobs to big data"
NOTEBOOK_LINK = re.compile(r'href="(\d\d_[A-Za-z0-9_]+)\.ipynb(#[^"]*)?"')
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")

PAGE_NAV = """<nav style="font-family: sans-serif; padding: 0.6em 1em; border-bottom: 1px solid #ddd">
<a href="index.html">Course index</a>{prev}{next}
</nav>
"""

INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }}
ul {{ list-style: none; padding-left: 0; }}
li {{ margin: 0.4em 0; }}
.note {{ color: #555; font-size: 0.9em; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>The notebooks of the course in order, with the outputs they produced when they were last
run. To run them yourself, see the README: <code>python3 course.py lab</code>.</p>
<ul>
{items}
</ul>
<p class="note">Formulas are typeset by MathJax, loaded from a CDN when a page is viewed online;
offline they show as LaTeX source.</p>
</body>
</html>
"""


def course_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The course's notebooks in course order (their names start with a two-digit number)."""
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The text of the first Markdown heading in the notebook, or fallback if it has none."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            match = HEADING.match(line.strip())
            if match:
                return match.group(1)
    return fallback


def render_page(nb: nbformat.NotebookNode, title: str, exporter: HTMLExporter, nav: str) -> str:
    """One notebook as a complete HTML page, links to other notebooks pointing at their pages."""
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    body = NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + nav, body, count=1)


def page_nav(pages: list[tuple[str, str]], i: int) -> str:
    """The navigation bar of page i: the index, the previous and the next notebook."""
    prev = f' · <a href="{pages[i - 1][0]}">previous</a>' if i > 0 else ""
    nxt = f' · <a href="{pages[i + 1][0]}">next</a>' if i + 1 < len(pages) else ""
    return PAGE_NAV.format(prev=prev, next=nxt)


def build(out: Path, folder: Path = NOTEBOOKS) -> list[Path]:
    """Write index.html and one page per notebook into out; return the files written."""
    paths = course_notebooks(folder)
    if not paths:
        raise FileNotFoundError(f"no course notebooks (NN_name.ipynb) found in {folder}")
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    notebooks = [nbformat.read(path, as_version=4) for path in paths]
    titles = [notebook_title(nb, path.stem) for nb, path in zip(notebooks, paths, strict=True)]
    pages = [(path.stem + ".html", title) for path, title in zip(paths, titles, strict=True)]
    written = []
    for i, (nb, (page, title)) in enumerate(zip(notebooks, pages, strict=True)):
        target = out / page
        target.write_text(render_page(nb, title, exporter, page_nav(pages, i)), encoding="utf-8")
        written.append(target)
    items = "\n".join(
        f'<li><a href="{html.escape(page)}">{html.escape(title)}</a></li>' for page, title in pages
    )
    index = out / "index.html"
    index.write_text(INDEX.format(title=html.escape(COURSE_TITLE), items=items), encoding="utf-8")
    return [index, *written]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="output folder (site/)")
    args = parser.parse_args(argv)
    written = build(args.out)
    print(f"[site] wrote {len(written)} files; open {args.out / 'index.html'} in a browser")
    return 0


if __name__ == "__main__":
    sys.exit(main())

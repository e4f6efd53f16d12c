"""Make the student edition of the course: every notebook without its solutions.

    python3 course.py student                  # writes student/NN_name.ipynb
    python3 tools/student_edition.py --out DIR
    python3 tools/student_edition.py --branch student
        # also commits the student edition to the git branch `student` (notebooks/ replaced),
        # for Binder and Colab links: push it with `git push --force origin student`

The cells tagged ``solution`` (the whole ``## Solutions`` section, see tools/tag_cells.py) are
left out and a short note takes their place; everything else, the exercise cells with their
stubs included, stays as stored, outputs too. The stubs run as they are: the checks answer
"Not quite" or "Not answered yet" instead of "Correct!". The build stops with a message naming
the notebook and the cell when a cell of the Solutions section has no tag.
"""

from __future__ import annotations

import argparse
import copy
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from notebook_sections import SOLUTION, NotebookError, check_tags, notebook_paths, tags

ROOT = Path(__file__).resolve().parent.parent
NOTE = (
    "## Solutions\n\n"
    "*This is the student edition of the notebook: the solutions are left out. Work through "
    "the exercises above and let the checks guide you; your instructor has the full edition.*"
)


def student_notebook(nb, name: str):
    """A copy of nb without its solution cells (nb is not changed)."""
    check_tags(nb, name)
    student = copy.deepcopy(nb)
    cells = []
    for cell in student.cells:
        if SOLUTION not in tags(cell):
            cells.append(cell)
        elif not any(c.get("id") == "student-edition-note" for c in cells):
            note = nbformat.v4.new_markdown_cell(NOTE)
            note.id = "student-edition-note"  # a fixed id: the same file on every build
            cells.append(note)
    student.cells = cells
    return student


def build(out: Path, folder: Path = ROOT / "notebooks") -> list[Path]:
    """Write the student edition of every notebook in folder to out; return the files."""
    paths = notebook_paths(folder)
    if not paths:
        raise FileNotFoundError(f"no course notebooks (NN_name.ipynb) found in {folder}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        target = out / path.name
        nbformat.write(student_notebook(nb, path.name), target)
        written.append(target)
    return written


def git(*args: str, env=None, data: bytes | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, env=env, input=data, capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {done.stderr.decode().strip()}")
    return done.stdout.decode().strip()


def commit_to_branch(files: list[Path], branch: str) -> str:
    """Commit HEAD's tree with notebooks/ replaced by files to branch (made or moved there);
    the working tree, the index and the current branch are not touched. Returns the commit."""
    head = git("rev-parse", "HEAD")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        git("read-tree", head, env=env)
        for path in files:
            blob = git("hash-object", "-w", "--stdin", data=path.read_bytes())
            git("update-index", "--add", "--cacheinfo", f"100644,{blob},notebooks/{path.name}",
                env=env)
        tree = git("write-tree", env=env)
    message = f"Student edition of {head[:12]}: the solution cells left out"
    commit = git("commit-tree", tree, "-p", head, "-m", message)
    git("update-ref", f"refs/heads/{branch}", commit)
    return commit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "student", help="output folder")
    parser.add_argument("--branch", help="also commit the student edition to this git branch")
    args = parser.parse_args(argv)
    try:
        written = build(args.out)
    except NotebookError as error:
        print(f"[student] ERROR: {error}", file=sys.stderr)
        return 1
    print(f"[student] wrote the student edition of {len(written)} notebooks to {args.out}")
    if args.branch:
        commit = commit_to_branch(written, args.branch)
        print(f"[student] committed it to the branch {args.branch!r} ({commit[:12]}); "
              f"publish it with: git push --force origin {args.branch}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

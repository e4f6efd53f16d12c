"""Tag the cells of the student edition in the course notebooks (safe to run again).

    python3 tools/tag_cells.py [notebooks/NN_x.ipynb ...]    # default: every course notebook

Adds the tag ``solution`` to every cell of the ``## Solutions`` section, from its heading to
the end (the final **Next:** link excepted), and ``exercise`` to the code cells under
``## Exercises``, where learners write their answers. Tags already there are kept; nothing
else in the file changes (not the outputs, not the layout), so a tagged notebook still passes
nbval. Run it after adding a solution or an exercise; the tests fail on an untagged solution.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from notebook_sections import (
    EXERCISE,
    SOLUTION,
    NotebookError,
    exercise_cells,
    notebook_paths,
    solution_cells,
)

ROOT = Path(__file__).resolve().parent.parent


def add_tags(nb, name: str) -> int:
    """Add the missing tags to nb in place; return how many were added."""
    wanted = {i: SOLUTION for i in solution_cells(nb, name)}
    wanted.update({i: EXERCISE for i in exercise_cells(nb, name)})
    added = 0
    for i, tag in sorted(wanted.items()):
        cell_tags = nb.cells[i].metadata.setdefault("tags", [])
        if tag not in cell_tags:
            cell_tags.append(tag)
            added += 1
    return added


def tag_file(path: Path) -> int:
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    added = add_tags(nb, path.name)
    if added:
        # nbformat.write lays the file out as `course.py notebooks` (nbconvert) stores it
        nbformat.write(nb, path)
    return added


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or notebook_paths(ROOT / "notebooks")
    for path in paths:
        try:
            added = tag_file(path)
        except NotebookError as error:
            print(f"[tag_cells] ERROR: {error}", file=sys.stderr)
            return 1
        print(f"[tag_cells] {path.name}: {added} tag(s) added" if added else
              f"[tag_cells] {path.name}: already tagged")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Read the fixed parts of a course notebook: its opening and its Solutions section.

Every course notebook opens with one Markdown cell (see any notebook, or BRIEF's frame)::

    # NN · Verb phrase
    intro ...
    **You will learn**
    - objective one
    - objective two
    **Before you start**: prerequisites ...
    **Time**: about NN minutes

and ends with ``## Exercises``, then ``## Solutions`` and a final **Next:** link. The student
edition (tools/student_edition.py) and the site (tools/build_site.py) rely on this shape, so the
functions here fail with a :class:`NotebookError` naming the notebook and the cell when it is
not there, instead of building something wrong.

Cell tags of the student edition: ``exercise`` on the code cells where learners write an
answer, ``solution`` on every cell of the ``## Solutions`` section, from its heading on (the
final **Next:** link excepted). tools/tag_cells.py adds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SOLUTION = "solution"
EXERCISE = "exercise"

TITLE = re.compile(r"^#\s+(\d\d)\s*·\s*(.+?)\s*$")
LEARN = re.compile(r"^\*\*You will learn\*\*:?\s*$")
BEFORE = re.compile(r"^\*\*Before you start\*\*:?\s*(.*)$")
TIME = re.compile(r"^\*\*Time\*\*:?\s*(.*?)\s*$")
MINUTES = re.compile(r"(\d+)\s*min")
SOLUTIONS = re.compile(r"^##\s+Solutions?\b")
EXERCISES = re.compile(r"^##\s+Exercises?\b")
SECTION = re.compile(r"^##\s+\S")
NEXT_LINK = re.compile(r"^\*\*[^*]+:?\*\*:?.*\]\([^)]*\.ipynb", re.S)


class NotebookError(ValueError):
    """A course notebook does not have the shape the student edition and the site rely on."""


@dataclass(frozen=True)
class Opening:
    """What a notebook's opening cell says about it."""

    number: str
    title: str  # the whole heading, "05 · Choose the number of clusters"
    objectives: list[str]  # Markdown, one per "You will learn" item
    prerequisites: str  # Markdown, the "Before you start" text
    time: str  # as written, "about 20 minutes"
    minutes: int


def where(name: str, index: int | None = None) -> str:
    """'notebooks/NN_x.ipynb' or 'notebooks/NN_x.ipynb, cell 7' (cells counted from 1)."""
    return f"notebooks/{name}" + ("" if index is None else f", cell {index + 1}")


def first_line(cell) -> str:
    lines = cell.source.strip().splitlines()
    return lines[0].strip() if lines else ""


def tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def read_opening(nb, name: str) -> Opening:
    """Parse the opening cell of notebook `name` (file name, for messages)."""
    if not nb.cells or nb.cells[0].cell_type != "markdown":
        raise NotebookError(
            f"{where(name, 0)}: the notebook must open with a Markdown cell holding its title, "
            "'**You will learn**', '**Before you start**' and '**Time**'"
        )
    lines = nb.cells[0].source.splitlines()

    def missing(what: str) -> NotebookError:
        return NotebookError(
            f"{where(name, 0)}: the opening cell has no {what} (copy the opening of any "
            "course notebook)"
        )

    title = TITLE.match(lines[0].strip()) if lines else None
    if not title:
        raise missing("title line '# NN · Verb phrase'")
    learn = next((i for i, line in enumerate(lines) if LEARN.match(line.strip())), None)
    if learn is None:
        raise missing("'**You will learn**' list")
    objectives: list[str] = []
    for line in lines[learn + 1:]:
        if line.startswith(("- ", "* ")):
            objectives.append(line[2:].strip())
        elif objectives and line.startswith((" ", "\t")) and line.strip():
            objectives[-1] += " " + line.strip()
        elif line.strip() or objectives:
            break
    if not objectives:
        raise missing("items under '**You will learn**' (a list of '- ' lines)")
    before = next((i for i, line in enumerate(lines) if BEFORE.match(line.strip())), None)
    if before is None:
        raise missing("'**Before you start**:' line")
    text = [BEFORE.match(lines[before].strip()).group(1)]
    for line in lines[before + 1:]:
        if not line.strip() or line.startswith("**"):
            break
        text.append(line.strip())
    prerequisites = " ".join(t for t in text if t)
    if not prerequisites:
        raise missing("text after '**Before you start**:'")
    time = next((TIME.match(line.strip()) for line in lines if TIME.match(line.strip())), None)
    if time is None:
        raise missing("'**Time**: about N minutes' line")
    minutes = MINUTES.search(time.group(1))
    if not minutes:
        raise missing(f"number of minutes in its time line ({time.group(1)!r})")
    return Opening(
        number=title.group(1),
        title=lines[0].lstrip("#").strip(),
        objectives=objectives,
        prerequisites=prerequisites,
        time=time.group(1).rstrip("."),
        minutes=int(minutes.group(1)),
    )


def heading_index(nb, pattern: re.Pattern) -> int | None:
    """Index of the first Markdown cell whose first line matches pattern, or None."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and pattern.match(first_line(cell)):
            return i
    return None


def is_next_link(nb, index: int) -> bool:
    """True for the closing navigation cell: the last cell, Markdown, a bold label and a link
    to another notebook ("**Next:** [06 · ...](06_x.ipynb)")."""
    cell = nb.cells[index]
    return (
        index == len(nb.cells) - 1
        and cell.cell_type == "markdown"
        and bool(NEXT_LINK.match(cell.source.strip()))
    )


def solution_cells(nb, name: str) -> list[int]:
    """Indices of the cells of the Solutions section: from its heading to the end, the final
    **Next:** link excepted. Fails when the notebook has no '## Solutions' heading."""
    start = heading_index(nb, SOLUTIONS)
    if start is None:
        raise NotebookError(
            f"{where(name)}: no '## Solutions' heading; the student edition needs the "
            "solutions in a section of their own at the end"
        )
    return [i for i in range(start, len(nb.cells)) if not is_next_link(nb, i)]


def exercise_cells(nb, name: str) -> list[int]:
    """Indices of the code cells between '## Exercises' and the next '## ' heading."""
    start = heading_index(nb, EXERCISES)
    if start is None:
        raise NotebookError(f"{where(name)}: no '## Exercises' heading")
    found = []
    for i in range(start + 1, len(nb.cells)):
        cell = nb.cells[i]
        if cell.cell_type == "markdown" and SECTION.match(first_line(cell)):
            break
        if cell.cell_type == "code":
            found.append(i)
    return found


def check_tags(nb, name: str) -> None:
    """Fail unless every cell of the Solutions section carries the 'solution' tag and no cell
    before it does (the student edition drops exactly the tagged cells)."""
    section = set(solution_cells(nb, name))
    for i, cell in enumerate(nb.cells):
        tagged = SOLUTION in tags(cell)
        if i in section and not tagged:
            raise NotebookError(
                f"{where(name, i)} ({cell.cell_type}, '{first_line(cell)[:60]}'): a cell of the "
                f"Solutions section without the '{SOLUTION}' tag would leak into the student "
                "edition; tag it (python3 tools/tag_cells.py does)"
            )
        if tagged and i not in section:
            raise NotebookError(
                f"{where(name, i)} ({cell.cell_type}, '{first_line(cell)[:60]}'): tagged "
                f"'{SOLUTION}' but not in the Solutions section; the student edition would "
                "lose it"
            )


def notebook_paths(folder: Path) -> list[Path]:
    """The course notebooks (NN_name.ipynb) in course order."""
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))

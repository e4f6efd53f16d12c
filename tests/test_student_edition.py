"""The student edition (tools/student_edition.py) and the cell tags it relies on
(tools/tag_cells.py): every solution is tagged, none leaks into the student edition, and a
notebook of the wrong shape stops the build with a message naming the notebook and the cell.

That each student notebook runs top to bottom in a kernel is checked by
tests/browser/test_student_edition_runs.py (`python3 course.py browser`), as it costs a run of
every notebook; here, quickly: every cell kept comes before the first cell removed, so the
student notebook runs as far as the full one, which nbval runs.
"""

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
sys.path.insert(0, str(ROOT / "tools"))  # the tools are scripts: import them as they run
import student_edition  # noqa: E402
import tag_cells  # noqa: E402
from notebook_sections import NotebookError, check_tags  # noqa: E402

new_md, new_code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell


def tiny_notebook(tagged=True):
    """A notebook of the course's shape; tagged=False leaves out the student-edition tags."""
    cells = [
        new_md("# 99 · Try a tiny notebook\n\n**You will learn**\n- one thing\n\n"
               "**Before you start**: nothing.\n\n**Time**: about 5 minutes."),
        new_md("## Set up"),
        new_code("x = 1"),
        new_md("## Exercises\n\n**Exercise 1.** Write `double`."),
        new_code('def double(v):\n    raise NotImplementedError("your code here")'),
        new_md("**Exercise 2.** Think."),
        new_md("## Solutions\n\n**Exercise 1.** Multiply by two."),
        new_code("def double(v):\n    return v * 2  # the secret answer"),
        new_md("**Next:** [00 · Start here](00_start_here.ipynb)"),
    ]
    if tagged:
        cells[4].metadata["tags"] = ["exercise"]
        for cell in cells[6:8]:
            cell.metadata["tags"] = ["solution"]
    return nbformat.v4.new_notebook(cells=cells)


def solution_lines(nb):
    """Lines of solution code that appear nowhere else in the notebook (so must not leak)."""
    def lines(cells):
        return {line.strip() for c in cells for line in c.source.splitlines() if line.strip()}

    solutions = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    others = [c for c in nb.cells if "solution" not in c.metadata.get("tags", [])]
    return {line for line in lines(solutions) - lines(others) if len(line) > 12}


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_solution_cell_is_tagged(path):
    nb = nbformat.read(path, as_version=4)
    check_tags(nb, path.name)
    start = next(i for i, c in enumerate(nb.cells)
                 if c.cell_type == "markdown" and c.source.startswith("## Solutions"))
    tagged = [i for i, c in enumerate(nb.cells) if "solution" in c.metadata.get("tags", [])]
    assert tagged and tagged[0] == start
    assert all(c.source.startswith("**") for c in nb.cells[tagged[-1] + 1:]), "only a link after"
    assert any("exercise" in c.metadata.get("tags", []) for c in nb.cells), "no exercise cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_solution_leaks_into_the_student_edition(path):
    nb = nbformat.read(path, as_version=4)
    student = student_edition.student_notebook(nb, path.name)
    student_lines = {line.strip() for c in student.cells for line in c.source.splitlines()}
    leaked = sorted(solution_lines(nb) & student_lines)
    assert not leaked, f"{path.name}: solution code in the student edition: {leaked[:3]}"
    assert not any("solution" in c.metadata.get("tags", []) for c in student.cells)
    # everything else is kept, in order, exercise stubs included
    kept = [c.source for c in nb.cells if "solution" not in c.metadata.get("tags", [])]
    assert [c.source for c in student.cells if c.get("id") != "student-edition-note"] == kept
    assert nb == nbformat.read(path, as_version=4), "making the student edition changed nb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_cells_all_come_before_the_first_solution(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [i for i, c in enumerate(nb.cells) if "solution" in c.metadata.get("tags", [])]
    later_code = [i for i, c in enumerate(nb.cells)
                  if i > tagged[0] and i not in tagged and c.cell_type == "code"]
    assert not later_code, f"{path.name}: code cells after the solutions: {later_code}"


def test_tag_cells_tags_the_right_cells_and_is_idempotent(tmp_path):
    path = tmp_path / "99_tiny.ipynb"
    nbformat.write(tiny_notebook(tagged=False), path)
    assert tag_cells.tag_file(path) == 3
    tagged = nbformat.read(path, as_version=4)
    assert [c.metadata.get("tags", []) for c in tagged.cells] == [
        [], [], [], [], ["exercise"], [], ["solution"], ["solution"], []]
    before = path.read_bytes()
    assert tag_cells.tag_file(path) == 0
    assert path.read_bytes() == before


@pytest.mark.parametrize("path", NOTEBOOKS[:2], ids=lambda p: p.stem)
def test_tag_cells_leaves_a_tagged_course_notebook_byte_for_byte(path, tmp_path):
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    assert tag_cells.tag_file(copy) == 0
    assert copy.read_bytes() == path.read_bytes()


def test_an_untagged_solution_cell_is_named():
    nb = tiny_notebook()
    nb.cells[7].metadata["tags"] = []
    with pytest.raises(NotebookError, match=r"notebooks/99_tiny.ipynb, cell 8 \(code"):
        student_edition.student_notebook(nb, "99_tiny.ipynb")


def test_a_solution_tag_outside_the_solutions_is_named():
    nb = tiny_notebook()
    nb.cells[2].metadata["tags"] = ["solution"]
    with pytest.raises(NotebookError, match=r"99_tiny.ipynb, cell 3 .*not in the Solutions"):
        student_edition.student_notebook(nb, "99_tiny.ipynb")


def test_a_notebook_without_solutions_is_named():
    nb = tiny_notebook()
    nb.cells = nb.cells[:6]
    with pytest.raises(NotebookError, match=r"notebooks/99_tiny.ipynb: no '## Solutions'"):
        student_edition.student_notebook(nb, "99_tiny.ipynb")


def test_student_edition_of_the_tiny_notebook():
    nb = tiny_notebook()
    student = student_edition.student_notebook(nb, "99_tiny.ipynb")
    text = nbformat.writes(student)
    assert "the secret answer" not in text and "Multiply by two" not in text
    assert 'raise NotImplementedError(\\"your code here\\")' in text
    assert student.cells[-1].source.startswith("**Next:**")
    assert "student edition" in student.cells[-2].source


def test_command_writes_every_notebook_and_a_branch(tmp_path):
    out = tmp_path / "student"
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "student_edition.py"),
                           "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.glob("*.ipynb")) == [p.name for p in NOTEBOOKS]
    # the branch: in a scratch repository, with the notebooks of the tiny example
    repo = tmp_path / "repo"
    (repo / "notebooks").mkdir(parents=True)
    nbformat.write(tiny_notebook(), repo / "notebooks" / "99_tiny.ipynb")
    (repo / "README.md").write_text("course\n")
    for cmd in (["init", "-q"], ["add", "."],
                ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x"]):
        subprocess.run(["git", *cmd], cwd=repo, check=True)
    student_file = tmp_path / "99_tiny.ipynb"
    nbformat.write(student_edition.student_notebook(tiny_notebook(), "99_tiny.ipynb"),
                   student_file)
    old_root = student_edition.ROOT
    student_edition.ROOT = repo
    try:
        env_commit = student_edition.commit_to_branch([student_file], "student")
    finally:
        student_edition.ROOT = old_root
    shown = subprocess.run(["git", "show", "student:notebooks/99_tiny.ipynb"], cwd=repo,
                           capture_output=True, text=True, check=True).stdout
    assert "the secret answer" not in shown and "double" in shown
    files = subprocess.run(["git", "ls-tree", "-r", "--name-only", env_commit], cwd=repo,
                           capture_output=True, text=True, check=True).stdout.split()
    assert files == ["README.md", "notebooks/99_tiny.ipynb"]
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True,
                            text=True, check=True).stdout
    assert status == "", "the working tree of the repository was touched"
    assert re.fullmatch(r"[0-9a-f]{40}", env_commit)

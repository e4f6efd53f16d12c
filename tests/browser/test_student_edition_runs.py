"""Each notebook of the student edition runs top to bottom in a fresh kernel, and its exercise
cells answer with the stub's feedback ("Not quite" / "Not answered yet"), never "Correct!" and
never a traceback. Slow (every notebook runs once more), so it is part of `course.py browser`,
not of the ordinary test run; tests/test_student_edition.py checks the rest quickly."""

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
sys.path.insert(0, str(ROOT / "tools"))  # the tools are scripts: import them as they run
from student_edition import student_notebook  # noqa: E402

STUB_FEEDBACK = ("Not quite", "Not answered yet", "Not implemented yet")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_notebook_runs_top_to_bottom(path, tmp_path):
    student = student_notebook(nbformat.read(path, as_version=4), path.name)
    client = NotebookClient(student, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    for i, cell in enumerate(student.cells):
        if "exercise" not in cell.metadata.get("tags", []):
            continue
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert not errors, f"{path.name}, cell {i + 1}: the stub raised {errors[0].ename}"
        assert "Correct!" not in text, f"{path.name}, cell {i + 1}: the stub is a solution"
        # some exercise cells are for trying things out (07's eps), with no check to answer
        if "check_" in cell.source:
            assert any(s in text for s in STUB_FEEDBACK), (
                f"{path.name}, cell {i + 1}: unexpected feedback from the stub: {text[:200]!r}")

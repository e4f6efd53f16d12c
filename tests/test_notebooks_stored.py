"""The notebooks as stored: executed top to bottom, clean outputs, the course's fixed frame.

nbval (run on the notebooks themselves) checks that the outputs can be reproduced; these
tests check what a learner opening a stored notebook sees before running anything.
"""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
UNSTABLE = re.compile(r"0x[0-9a-fA-F]{6,}|<Figure size|<Axes:|/tmp/ipykernel_|site-packages")
LINK = re.compile(r"\]\((\d\d_[\w]+\.ipynb)\)")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def markdown(nb):
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_the_course_has_its_notebooks_and_the_readme_lists_them():
    numbers = [p.name[:2] for p in NOTEBOOKS]
    assert numbers == [f"{i:02d}" for i in range(13)], numbers
    readme = (NOTEBOOKS[0].parents[1] / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d\d) \| \[[^]]+\]\(notebooks/(\d\d_\w+\.ipynb)\)", readme, re.M)
    assert [name for _, name in rows] == [p.name for p in NOTEBOOKS]
    assert all(name.startswith(number) for number, name in rows), rows


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_as_one_clean_run(path):
    cells = code_cells(load(path))
    counts = [c["execution_count"] for c in cells]
    assert counts == list(range(1, len(cells) + 1)), "not executed top to bottom in a fresh kernel"
    for i, cell in enumerate(cells):
        tags = cell.get("metadata", {}).get("tags", [])
        for out in cell["outputs"]:
            where = f"code cell {i + 1}"
            if out["output_type"] == "error":
                assert "raises-exception" in tags, f"{where}: stored error {out['ename']}"
            assert out.get("name") != "stderr", f"{where}: stderr (a warning?) in the output"
            text = "".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", ""))
            found = UNSTABLE.search(text)
            assert not found, f"{where}: unstable text {found.group(0)!r} in the output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_has_the_course_frame(path):
    nb = load(path)
    text = markdown(nb)
    first = "".join(nb["cells"][0]["source"])
    assert first.startswith(f"# {path.name[:2]} · "), "the first cell is not the numbered title"
    for part in ("You will learn", "Before you start", "Time", "Key points", "Exercises"):
        assert part in text, f"no '{part}' section"
    if path.name[:2] != "00":
        assert "## Solutions" in text
    setup = "".join(code_cells(nb)[0]["source"])
    assert "setup_notebook()" in setup, "the setup cell does not call setup_notebook()"
    assert "np.random.seed" not in "".join("".join(c["source"]) for c in code_cells(nb))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_links_point_at_existing_notebooks(path):
    for target in LINK.findall(markdown(load(path))):
        assert (path.parent / target).is_file(), f"link to missing notebook {target}"


def test_each_exercise_check_belongs_to_one_notebook():
    # Exercises do not repeat: every check in tutorial_lib.checks is called in exactly one
    # notebook (its owner), and none goes unused.
    from tutorial_lib import checks

    used = {}
    for path in NOTEBOOKS:
        source = "\n".join("".join(c["source"]) for c in code_cells(load(path)))
        for name in set(re.findall(r"\b(check_\w+)\(", source)):
            used.setdefault(name, []).append(path.stem)
    shared = {name: stems for name, stems in used.items() if len(stems) > 1}
    assert not shared, f"checks used by more than one notebook: {shared}"
    unused = sorted(set(checks.__all__) - set(used))
    assert not unused, f"checks no notebook uses: {unused}"


def test_the_readme_states_each_notebooks_own_time():
    readme = (NOTEBOOKS[0].parents[1] / "README.md").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        row = next(line for line in readme.splitlines() if f"(notebooks/{path.name})" in line)
        in_readme = re.search(r"\| (\d+) min \|", row).group(1)
        time_line = next(
            line for line in markdown(load(path)).splitlines() if line.startswith("**Time**")
        )
        in_notebook = re.search(r"about (\d+) min", time_line).group(1)
        assert in_readme == in_notebook, f"{path.name}: README {in_readme}, notebook {in_notebook}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_prediction_answers_are_stored_hidden(path):
    # A cell tagged `reveal` answers a prediction exercise: course.py stores it without outputs
    # (so the answer is not on screen before the learner predicts), and nbval must not compare.
    for i, cell in enumerate(code_cells(load(path)), start=1):
        tags = cell.get("metadata", {}).get("tags", [])
        if "reveal" in tags:
            assert cell["outputs"] == [], f"code cell {i}: a reveal cell stored with its output"
            assert "nbval-ignore-output" in tags, f"code cell {i}: reveal without nbval-ignore-output"

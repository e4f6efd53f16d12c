"""CI runs what the README tells learners to run (.ci/run and the GitHub Actions workflow)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def workflow_commands(text):
    """The course.py commands a workflow runs: its `run:` lines and matrix `command:` values."""
    found = re.findall(r"^\s*(?:-\s*)?(?:run|command):\s*(.+?)\s*$", text, re.M)
    return [c for c in found if "course.py" in c]


def test_workflow_commands_are_found():
    text = "steps:\n  - run: python3 course.py test\n      command: py course.py test\n"
    assert workflow_commands(text) == ["python3 course.py test", "py course.py test"]


def test_every_workflow_command_is_the_readmes():
    readme = (ROOT / "README.md").read_text()
    commands = workflow_commands(WORKFLOW.read_text())
    assert "python3 course.py test" in commands and "py course.py test" in commands
    for command in commands:
        assert f"`{command}`" in readme or f"\n{command} " in readme, (
            f"the workflow runs {command!r}, which the README does not give"
        )


def test_workflow_covers_three_systems_and_both_ends_of_the_pythons():
    text = WORKFLOW.read_text()
    for system in ("ubuntu-latest", "macos-latest", "windows-latest"):
        assert system in text
    assert re.search(r'python: \["3\.11", "3\.14"\]', text)
    assert "schedule:" in text and "python3 course.py latest" in text
    assert "python3 course.py oldest" in text


def test_ci_run_installs_and_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python3 course.py test" in readme
    assert re.search(r"^python3 course\.py test$", ci, re.M)

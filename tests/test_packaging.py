"""The files that list packages agree, the README's links point at real notebooks,
and tutorial_lib installs with a version."""

import re
import tomllib
from pathlib import Path

import pytest

import tutorial_lib

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^\s*([A-Za-z0-9_.\-\[\]]+)\s*==\s*([^\s;#]+)\s*$")


def normalise(name):
    return re.sub(r"[-_.]+", "-", re.sub(r"\[.*\]", "", name)).lower()


def parse_pins(lines, where):
    """Return {name: version} from requirement strings; every entry must be an exact pin."""
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-e ") or line in ("-e .", "."):
            continue
        match = PIN.match(line)
        assert match, f"{where}: {line!r} is not an exact pin (name==version)"
        name = normalise(match.group(1))
        assert name not in pins, f"{where}: {name} is listed twice"
        pins[name] = match.group(2)
    return pins


def requirements_pins():
    return parse_pins((ROOT / "requirements.txt").read_text().splitlines(), "requirements.txt")


def conda_pins(path):
    """The pip section and python version of a conda environment file (no YAML library needed)."""
    text = path.read_text()
    python = re.search(r"^\s*-\s*python\s*=\s*([\d.]+)\s*$", text, re.M)
    pip_section = re.search(r"^\s*-\s*pip:\s*\n((?:\s+-\s+.*\n?)+)", text, re.M)
    assert pip_section, f"{path.name}: no pip section"
    entries = [re.sub(r"^\s+-\s+", "", line) for line in pip_section.group(1).splitlines()]
    return (python.group(1) if python else None), parse_pins(entries, path.name)


def test_parse_pins_rejects_loose_versions():
    with pytest.raises(AssertionError, match="not an exact pin"):
        parse_pins(["numpy>=2"], "example")
    with pytest.raises(AssertionError, match="listed twice"):
        parse_pins(["numpy==2.0", "NumPy==2.0"], "example")


@pytest.mark.parametrize("path", ["environment.yml", "binder/environment.yml"])
def test_conda_files_carry_the_same_pins(path):
    python, pins = conda_pins(ROOT / path)
    assert python == "3.11"
    assert pins == requirements_pins()


def test_pyproject_pins_agree_with_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = parse_pins(project["dependencies"], "pyproject.toml")
    reqs = requirements_pins()
    assert pins, "pyproject.toml lists no dependencies"
    for name, version in pins.items():
        assert reqs.get(name) == version, (
            f"{name}: pyproject {version}, requirements {reqs.get(name)}"
        )
    assert project["requires-python"] == "==3.11.*"


def test_installed_versions_match_the_pins():
    from importlib.metadata import PackageNotFoundError, version

    for name, pinned in requirements_pins().items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            pytest.fail(f"{name}=={pinned} is pinned but not installed")
        assert installed == pinned, f"{name}: installed {installed}, pinned {pinned}"


def test_binder_postbuild_installs_the_package():
    text = (ROOT / "binder" / "postBuild").read_text()
    assert "set -e" in text
    assert re.search(r"pip install .*-e \.", text)


def test_package_has_a_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert tutorial_lib.__version__ == project["version"]


def test_readme_links_name_existing_notebooks():
    readme = (ROOT / "README.md").read_text()
    linked = set(re.findall(r"notebooks/([\w\-]+\.ipynb)", readme))
    assert linked, "the README links no notebook"
    missing = sorted(n for n in linked if not (ROOT / "notebooks" / n).is_file())
    assert not missing, f"README links notebooks that do not exist: {missing}"


def test_every_notebook_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert f"notebooks/{path.name}" in readme, f"{path.name} is not in the README"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python3 course.py test" in readme
    assert "python3 course.py test" in ci


def test_browser_requirements_are_pinned_and_apart_from_the_lock():
    path = ROOT / "requirements-browser.txt"
    pins = parse_pins(path.read_text().splitlines(), path.name)
    assert "playwright" in pins
    shared = sorted(set(pins) & set(requirements_pins()))
    assert not shared, f"{path.name} repeats packages of requirements.txt: {shared}"
    for conda in ("environment.yml", "binder/environment.yml"):
        assert not set(pins) & set(conda_pins(ROOT / conda)[1]), f"{conda} lists browser pins"

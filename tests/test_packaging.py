"""The files that list packages agree, the README's links point at real notebooks,
and tutorial_lib installs with a version."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import tutorial_lib

ROOT = Path(__file__).resolve().parents[1]
SUPPORTED_PYTHONS = ("3.11", "3.12", "3.13", "3.14")
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


GROUP = re.compile(r"^##\s+(.*?)\s*((?:\[\w+\]\s*)*)$")


def lock_groups(text):
    """[(group title, {list names}, {name: version})] from the lock's "## title [lists]" headers."""
    groups = []
    for line in text.splitlines():
        header = GROUP.match(line)
        if header:
            groups.append((header.group(1), set(re.findall(r"\[(\w+)\]", header.group(2))), []))
        elif line.split("#", 1)[0].strip():
            assert groups, f"requirements.txt: {line!r} comes before the first ## group header"
            groups[-1][2].append(line)
    return [(title, lists, parse_pins(lines, f"requirements.txt, {title}"))
            for title, lists, lines in groups]


def requirements_pins(only=None):
    """The lock's pins; with `only`, those of the groups marked [only]."""
    pins = {}
    for _, lists, group in lock_groups((ROOT / "requirements.txt").read_text()):
        if only is None or only in lists:
            for name in group:
                assert name not in pins, f"requirements.txt: {name} is listed twice"
            pins.update(group)
    return pins


def conda_pins(path):
    """The pip section and python version of a conda environment file (no YAML library needed)."""
    text = path.read_text()
    python = re.search(r"^\s*-\s*python\s*=\s*([\d.]+)\s*$", text, re.M)
    pip_section = re.search(r"^\s*-\s*pip:\s*\n((?:\s+-\s+.*\n?)+)", text, re.M)
    assert pip_section, f"{path.name}: no pip section"
    entries = [re.sub(r"^\s+-\s+", "", line) for line in pip_section.group(1).splitlines()]
    return (python.group(1) if python else None), parse_pins(entries, path.name)


def project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def parse_ranges(specs, where):
    """{name: Requirement} from requirement strings; each must have a lower bound."""
    ranges = {}
    for spec in specs:
        req = Requirement(spec)
        assert any(s.operator == ">=" for s in req.specifier), (
            f"{where}: {spec!r} has no lower bound (name>=oldest tested version)"
        )
        assert not any(s.operator == "==" for s in req.specifier), (
            f"{where}: {spec!r} is an exact pin; exact pins belong in requirements.txt"
        )
        ranges[normalise(req.name)] = req
    return ranges


def test_parse_pins_rejects_loose_versions():
    with pytest.raises(AssertionError, match="not an exact pin"):
        parse_pins(["numpy>=2"], "example")
    with pytest.raises(AssertionError, match="listed twice"):
        parse_pins(["numpy==2.0", "NumPy==2.0"], "example")


def test_lock_groups_read_the_headers():
    text = "# intro\n## core [binder] [package]\nnumpy==2.0\n# note\n## tests\npytest==9.0\n"
    assert lock_groups(text) == [
        ("core", {"binder", "package"}, {"numpy": "2.0"}),
        ("tests", set(), {"pytest": "9.0"}),
    ]
    with pytest.raises(AssertionError, match="before the first ## group"):
        lock_groups("numpy==2.0\n")


def test_parse_ranges_wants_a_lower_bound():
    assert str(parse_ranges(["numpy>=2.0"], "example")["numpy"].specifier) == ">=2.0"
    with pytest.raises(AssertionError, match="no lower bound"):
        parse_ranges(["numpy"], "example")
    with pytest.raises(AssertionError, match="exact pin"):
        parse_ranges(["numpy>=2.0,==2.4.6"], "example")


def test_the_conda_file_carries_every_pin():
    python, pins = conda_pins(ROOT / "environment.yml")
    assert python in SUPPORTED_PYTHONS
    assert pins == requirements_pins()


def test_binder_carries_the_lean_set():
    python, pins = conda_pins(ROOT / "binder" / "environment.yml")
    assert python in SUPPORTED_PYTHONS
    assert pins == requirements_pins(only="binder")
    for heavy in ("dask", "distributed", "dask-ml", "numba", "llvmlite", "pyarrow", "pytest"):
        assert heavy not in pins, f"{heavy} is in Binder's lean environment"


def test_pyproject_ranges_hold_the_pins():
    deps = parse_ranges(project()["dependencies"], "pyproject.toml dependencies")
    assert deps, "pyproject.toml lists no dependencies"
    package = requirements_pins(only="package")
    assert set(deps) == set(package), "pyproject's dependencies and the [package] pins differ"
    for name, req in deps.items():
        assert req.specifier.contains(package[name]), f"{name}: {package[name]} not in {req}"
    assert project()["requires-python"] == ">=3.11"


def test_the_scale_extra_holds_the_scale_pins():
    extra = parse_ranges(project()["optional-dependencies"]["scale"], "pyproject.toml [scale]")
    scale = requirements_pins(only="scale")
    assert set(extra) == set(scale) == {"dask", "distributed", "dask-ml"}
    for name, req in extra.items():
        assert req.specifier.contains(scale[name]), f"{name}: {scale[name]} not in {req}"


def test_supported_pythons_agree():
    course = (ROOT / "course.py").read_text()
    listed = re.search(r"^SUPPORTED = \(\((.*)\)\)", course, re.M).group(1)
    versions = [v.replace(", ", ".") for v in re.findall(r"\d+, \d+", listed)]
    assert versions == list(SUPPORTED_PYTHONS)
    readme = (ROOT / "README.md").read_text()
    assert "Python 3.11 to 3.14" in readme, "the README does not state the supported Pythons"


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

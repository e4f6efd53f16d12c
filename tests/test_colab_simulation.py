"""Notebooks 00-09 on a stand-in for Google Colab, set up by their own first cell.

Slow (a fresh environment, then ten notebooks), so it runs on request only:
`python3 course.py colab` (CI runs it weekly). It builds a fresh Python 3.12 virtual
environment with a stack at least as old as Colab's as last published (COLAB_STACK), without
tutorial_lib or palmerpenguins, adds a stand-in `google.colab` module, and copies notebooks
00-09 with their Colab set-up block pointed at this checkout instead of the repository URL.
Then it runs the copies top to bottom in nbval's lax mode (outputs may differ from the stored
ones; errors may not) and checks that every package that was there before kept its version.
Nothing is reached but this checkout and the package index.
"""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COLAB_STACK = [
    "numpy==2.0.2",
    "pandas==2.2.2",
    "scikit-learn==1.6.1",
    "scipy==1.15.3",
    "matplotlib==3.10.0",
    "seaborn==0.13.2",
]
# What runs the notebooks here (Colab has its own Jupyter; these only need to run them)
RUNNER = ["ipykernel", "pytest", "nbval"]

pytestmark = pytest.mark.skipif(
    os.environ.get("COURSE_COLAB_SIMULATION") != "1",
    reason="slow; run it with `python3 course.py colab`",
)


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def python_312():
    course = load("course", ROOT / "course.py")
    if sys.version_info[:2] == (3, 12):
        return [sys.executable]
    for cmd in course.python_commands((3, 12)):
        if course.python_version_of(cmd) == (3, 12):
            return cmd
    pytest.fail("the Colab simulation needs Python 3.12 (Colab's), and none was found")


def freeze(python):
    done = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
        capture_output=True, text=True, check=True,
    )
    return {p["name"].lower().replace("_", "-"): p["version"] for p in json.loads(done.stdout)}


def test_notebooks_00_to_09_run_on_a_colab_like_runtime(tmp_path):
    env_dir = tmp_path / "colab-env"
    cmd = python_312()
    if cmd == [sys.executable]:
        venv.create(env_dir, with_pip=True)
    else:
        subprocess.run(cmd + ["-m", "venv", str(env_dir)], check=True)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", *COLAB_STACK, *RUNNER], check=True
    )
    before = freeze(python)
    assert "tutorial-lib" not in before and "palmerpenguins" not in before

    # The stand-in: an importable google.colab, as on Colab
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    (site / "google" / "colab").mkdir(parents=True)
    (site / "google" / "colab" / "__init__.py").write_text('"""Stand-in for Colab."""\n')

    # Notebooks 00-09, chosen by number; their set-up block installs from this checkout
    work = tmp_path / "notebooks"
    work.mkdir()
    chosen = sorted(p for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")
                    if int(p.name[:2]) <= 9)
    assert [p.name[:2] for p in chosen] == [f"{i:02d}" for i in range(10)]
    for path in chosen:
        shutil.copy(path, work / path.name)
    sync_tool = load("sync_setup_cells", ROOT / "tools" / "sync_setup_cells.py")
    assert sync_tool.main([str(work), "--url", ROOT.as_posix()]) == 0

    env = {**os.environ, "PIP_NO_INPUT": "1", "PYTHONNOUSERSITE": "1"}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        [str(python), "-m", "pytest", "--nbval-lax", "--nbval-current-env",
         "--nbval-cell-timeout=600", "-p", "no:cacheprovider", "-q", str(work)],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )
    print(done.stdout[-6000:], done.stderr[-2000:])
    assert done.returncode == 0, "a notebook failed on the Colab-like runtime (output above)"

    after = freeze(python)
    changed = {n: (v, after.get(n)) for n, v in before.items() if after.get(n) != v}
    assert not changed, f"packages that were there changed version: {changed}"
    assert "tutorial-lib" in after and "palmerpenguins" in after

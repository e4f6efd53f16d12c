"""Measure the environment Binder installs: a fresh virtual environment from the Binder files.

    python3 tools/binder_size.py                 with this Python
    python3.12 tools/binder_size.py --keep DIR   the Python binder/environment.yml names; keep it

Installs the pip section of binder/environment.yml and tutorial_lib (as binder/postBuild does,
without its editable link) into a new virtual environment, then prints its size on disk and
its ten largest packages. The goal for Binder is at most 750 MB. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_MB = 750


def binder_requirements(path: Path = ROOT / "binder" / "environment.yml") -> list[str]:
    text = path.read_text()
    section = re.search(r"^\s*-\s*pip:\s*\n((?:\s+-\s+.*\n?)+)", text, re.M).group(1)
    return [re.sub(r"^\s+-\s+", "", line).strip() for line in section.splitlines()]


def size(path: Path) -> int:
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            file = Path(folder) / name
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="build the environment here and keep it")
    args = parser.parse_args(argv)
    where = args.keep or Path(tempfile.mkdtemp(prefix="binder-env-"))
    venv.create(where, with_pip=True)
    python = where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    requirements = binder_requirements()
    print(f"Python {sys.version.split()[0]}; installing {len(requirements)} pins and tutorial_lib",
          flush=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *requirements], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(ROOT)],
                   check=True)
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    total = size(where)
    largest = sorted(((size(p), p.name) for p in site.iterdir() if p.is_dir()), reverse=True)
    print(f"fresh Binder environment: {total / 1e6:.0f} MB (goal: at most {GOAL_MB} MB)")
    for bytes_, name in largest[:10]:
        print(f"    {bytes_ / 1e6:7.1f} MB  {name}")
    for heavy in ("dask", "distributed", "dask_ml", "numba", "llvmlite", "pyarrow"):
        if (site / heavy).exists():
            print(f"    note: {heavy} is installed")
    return 0 if total <= GOAL_MB * 1e6 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

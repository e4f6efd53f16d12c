"""Install what a course notebook needs into the running Python, keeping what is there.

Two users, both in a notebook:

- ``tutorial_lib.install_extra("scale")`` (the scale-out notebook, when dask-ml is missing, as
  on Binder's lean environment);
- the Colab set-up block at the top of every notebook's setup cell, which installs tutorial_lib
  itself with ``pip install --no-deps`` and then runs this file as a script to add only the
  dependencies that are missing.

Nothing installed is ever upgraded or downgraded: pip gets a constraints file that holds every
installed distribution at its version, so it either adds the missing packages beside them or
fails (and says so briefly). This file uses the standard library only, since it runs before
tutorial_lib's dependencies are installed.
"""

import importlib
import importlib.metadata
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# The command that runs pip for the running interpreter (tests replace it by a fake).
PIP = [sys.executable, "-m", "pip"]
CHECKOUT = Path(__file__).resolve().parents[1]  # the repository, when installed from a checkout
NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
VERSION = re.compile(r"^\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?(\+[A-Za-z0-9.]+)?$")


class InstallError(RuntimeError):
    """pip could not install what a notebook needs (the message says what to do)."""


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(extra=None):
    """tutorial_lib's requirement strings: its dependencies, or those of one optional extra.

    Read from the installed package's metadata, so that it works wherever tutorial_lib was
    installed (a checkout, Binder, Colab)."""
    found = []
    for line in importlib.metadata.requires("tutorial_lib") or []:
        spec, _, marker = line.partition(";")
        wants = re.search(r"""extra\s*==\s*["']([^"']+)["']""", marker)
        if (wants.group(1) if wants else None) == extra:
            found.append(spec.strip())
    return found


def extras():
    """The names of tutorial_lib's optional extras."""
    return importlib.metadata.metadata("tutorial_lib").get_all("Provides-Extra") or []


def lock_pins(path=None):
    """{normalised name: version} from the course's lock, or {} when there is none.

    The lock (requirements.txt) is there when tutorial_lib runs from a checkout of the course
    (course.py's environment, Binder); an install from the repository URL (Colab) has none."""
    path = Path(path) if path else CHECKOUT / "requirements.txt"
    if not path.is_file() or not (path.parent / "pyproject.toml").is_file():
        return {}
    pins = {}
    for line in path.read_text().splitlines():
        name, sep, version = line.split("#", 1)[0].strip().partition("==")
        if sep:
            pins[normalise(name)] = version.strip()
    return pins


def is_installed(name):
    try:
        importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def missing(specs):
    """The requirement strings among specs whose package is not installed at all."""
    return [spec for spec in specs if not is_installed(NAME.match(spec).group(1))]


def pinned(specs, pins):
    """Each spec as name==version when the lock pins it, else as it is (the range)."""
    out = []
    for spec in specs:
        name = NAME.match(spec).group(1)
        version = pins.get(normalise(name))
        out.append(f"{name}=={version}" if version else spec)
    return out


def installed_constraints():
    """`name==version` for every installed distribution, one each (the first on sys.path)."""
    seen = {}
    for dist in importlib.metadata.distributions():
        name = dist.metadata["Name"]
        if name and normalise(name) not in seen and VERSION.match(dist.version or ""):
            seen[normalise(name)] = f"{name}=={dist.version}"
    return sorted(seen.values())


def pip_install(specs, what_to_do):
    """pip-install specs into this interpreter, holding installed packages at their versions.

    On failure print a short message (pip's last error line and what_to_do), not pip's whole
    output, and raise InstallError."""
    handle, constraints = tempfile.mkstemp(suffix=".txt", prefix="keep-installed-")
    with os.fdopen(handle, "w") as out:
        out.write("\n".join(installed_constraints()) + "\n")
    try:
        done = subprocess.run(
            [*PIP, "install", "--quiet", "--disable-pip-version-check", "-c", constraints, *specs],
            capture_output=True, text=True,
        )
    finally:
        os.unlink(constraints)
    if done.returncode != 0:
        lines = [line.strip() for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        errors = [line for line in lines if line.startswith("ERROR")] or lines or ["(no message)"]
        print(f"The installation failed. pip said: {errors[-1][:300]}")
        print(f"What to do: {what_to_do}")
        raise InstallError(f"could not install {', '.join(specs)}; {what_to_do}")
    importlib.invalidate_caches()  # so that the running kernel can import what was just added


def install_missing_dependencies():
    """Install tutorial_lib's dependencies that are missing (the Colab set-up block runs this)."""
    needed = pinned(missing(declared()), lock_pins())
    if needed:
        print(f"Installing what tutorial_lib needs and this runtime lacks: {', '.join(needed)}")
        pip_install(
            needed,
            "check the internet connection and run this cell again (Runtime > Restart first, "
            "if it keeps failing).",
        )
    print("tutorial_lib is installed; the packages that were already here are unchanged.")
    return needed


if __name__ == "__main__":
    install_missing_dependencies()

"""Set up and run the k-means course with one command.

    python3 course.py lab         create .venv if needed, then open the course in JupyterLab
    python3 course.py test        create .venv if needed, then run every test (unit + notebooks)
    python3 course.py notebooks   re-execute every notebook in place, in order, fresh kernels
    python3 course.py html        build the course website into site/ (open site/index.html)
    python3 course.py student     write the student edition (no solutions) into student/
    python3 course.py browser     test in a real browser (Chromium): JupyterLab and the website
    python3 course.py bench       run the benchmark scripts (ratios against scikit-learn)
    python3 course.py latest      run the tests and notebooks against the newest releases
    python3 course.py oldest      run them against the oldest versions tutorial_lib allows
    python3 course.py colab       run notebooks 00-09 as Colab would (a simulation, slow)

    python3 course.py test --python 3.13   run every test on Python 3.13, in .venv-3.13
    python3 course.py test --python all    the same on each supported Python found here

Only the standard library is used here, so any Python 3 can start it. The course runs on
Python 3.11 to 3.14: the script uses the Python that starts it when that is one of them, or
else finds one (python3.14 ... python3.11, or `py -3.X` on Windows), and builds the virtual
environment .venv with it from the pins in requirements.txt.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
SUPPORTED = ((3, 11), (3, 12), (3, 13), (3, 14))  # also in README.md and pyproject.toml
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def fail(message: str) -> None:
    print(f"\n[course] ERROR: {message}\n", file=sys.stderr, flush=True)
    sys.exit(1)


def venv_python(env: Path = VENV) -> Path:
    if os.name == "nt":
        return env / "Scripts" / "python.exe"
    return env / "bin" / "python"


def version_text(version) -> str:
    return ".".join(map(str, version))


def python_commands(version: tuple[int, int]) -> list[list[str]]:
    """The commands that may start Python `version` on this machine, to be tried in order."""
    name = version_text(version)
    return [[f"python{name}"], ["py", f"-{name}"]]


def python_version_of(cmd: list[str]) -> tuple[int, int] | None:
    """The (major, minor) version of the Python that cmd starts, or None if it does not start."""
    if shutil.which(cmd[0]) is None:
        return None
    try:
        out = subprocess.run(
            cmd + ["-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True, text=True, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    parts = out.stdout.split()
    if out.returncode != 0 or len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[1])


def find_python(wanted: tuple[int, int] | None = None) -> list[str]:
    """Return a command that starts a supported Python (`wanted`, if given), or stop with advice.

    The Python running this script is used when it is supported; otherwise the newest supported
    one found on the PATH.
    """
    choices = [wanted] if wanted else list(SUPPORTED)
    if tuple(sys.version_info[:2]) in choices:
        return [sys.executable]
    for version in sorted(choices, reverse=True):
        for cmd in python_commands(version):
            if python_version_of(cmd) == version:
                return cmd
    found = version_text(sys.version_info[:3])
    supported = ", ".join(version_text(v) for v in SUPPORTED)
    if wanted:
        fail(
            f"Python {version_text(wanted)} was not found on this machine (tried "
            f"{' and '.join(' '.join(c) for c in python_commands(wanted))})."
        )
    fail(
        f"the course runs on Python {supported}; this is Python {found}, and none of those\n"
        "  versions was found on the PATH either (python3.14 ... python3.11, or `py -3.X`).\n"
        "  Install one (https://www.python.org/downloads/, or your package manager, e.g.\n"
        "  `sudo apt install python3.12 python3.12-venv` on Ubuntu 24.04,\n"
        "  `brew install python@3.13` on macOS), then run this command again.\n"
        "  With conda instead: `conda env create -f environment.yml`."
    )
    raise AssertionError  # unreachable


def install_stamp() -> str:
    digest = hashlib.sha256()
    for name in ("requirements.txt", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_venv(
    env: Path = VENV,
    requirements: list[str] | None = None,
    *,
    version: tuple[int, int] | None = None,
    stamp: str | None = None,
) -> Path:
    """Create env (with Python `version`, or any supported one) and install the pinned packages
    and tutorial_lib, unless already done. `requirements` replaces the lock's pins (for `latest`
    and `oldest`); `stamp` names what was installed, to tell whether to install again."""
    python = venv_python(env)
    stamp_file = env / ".course-installed"
    stamp = stamp or (install_stamp() if requirements is None else "latest")
    if python.exists() and stamp_file.exists() and stamp_file.read_text() == stamp:
        return python
    if not python.exists():
        cmd = find_python(version)
        made_by = tuple(sys.version_info[:2]) if cmd == [sys.executable] else python_version_of(cmd)
        name = version_text(made_by)
        say(f"creating the virtual environment {env.name}/ with Python {name}")
        advice = f"  On Debian/Ubuntu install the venv module: `sudo apt install python{name}-venv`"
        if cmd == [sys.executable]:
            try:
                venv.create(env, with_pip=True)
            except Exception as exc:  # ensurepip missing on some Linux distributions
                fail(f"could not create {env}: {exc}\n{advice}.")
        else:
            done = subprocess.run(cmd + ["-m", "venv", str(env)])
            if done.returncode != 0:
                fail(f"could not create {env}.\n{advice}.")
    reqs = ["-r", str(REQUIREMENTS)] if requirements is None else requirements
    say("installing the pinned packages (about a minute the first time)")
    steps = [
        [str(python), "-m", "pip", "install", "--quiet", *reqs],
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(ROOT)],
    ]
    for step in steps:
        if subprocess.run(step).returncode != 0:
            fail(
                "the package installation failed (the messages above say which package).\n"
                "  Check your internet connection, then run the same command again; to start\n"
                f"  from scratch, delete the folder {env} first."
            )
    stamp_file.write_text(stamp)
    say("environment ready")
    return python


def test_env() -> dict[str, str]:
    """The environment for tests and notebook runs: BLAS/OpenMP threads pinned to one (unless
    already set) so that floats in stored outputs come out the same on every machine."""
    env = dict(os.environ)
    for var in THREAD_VARS:
        env.setdefault(var, "1")
    env["PYTHONHASHSEED"] = "0"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def run(cmd: list[str], env: dict[str, str] | None = None) -> int:
    """Run cmd in the project folder, wait for it and return its exit code.

    Nothing it starts (JupyterLab, pytest, a kernel) outlives this script: a SIGTERM sent to
    this script is passed on to the command. Ctrl+C in the terminal already reaches the
    command itself, which decides what to do (JupyterLab asks before it stops); this script
    waits for it to finish, then stops too (KeyboardInterrupt), instead of going on to the
    next notebook, say.
    """
    child = subprocess.Popen(cmd, cwd=ROOT, env=env)
    interrupted = []

    def pass_on(signum, frame):
        if signum == signal.SIGINT:
            interrupted.append(signum)
        else:
            child.send_signal(signum)

    previous = {sig: signal.signal(sig, pass_on) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        code = child.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if interrupted:
        raise KeyboardInterrupt
    return code


def notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def cmd_lab(args: list[str]) -> int:
    python = ensure_venv()
    # The same settings as Binder: idle kernels shut down, no news prompt (binder/lab_settings.py)
    done = subprocess.run([str(python), str(ROOT / "binder" / "lab_settings.py")],
                          capture_output=True, text=True)
    if done.returncode != 0:
        say("could not write the JupyterLab settings (binder/lab_settings.py); going on")
    say("opening JupyterLab on 127.0.0.1 (its address is printed below; Ctrl+C twice stops it)")
    first = "notebooks/00_start_here.ipynb"
    extra = []
    if getattr(os, "geteuid", lambda: 1)() == 0:  # e.g. inside a container, where root is usual
        say("running as root: JupyterLab is started with --allow-root")
        extra.append("--allow-root")
    return run([str(python), "-m", "jupyterlab", "--ip=127.0.0.1", *extra, *args, first])


def parse_python_option(args: list[str]) -> tuple[list[tuple[int, int]] | None, list[str]]:
    """Split `--python 3.13` (or `--python all`) off args: (the versions asked for, the rest)."""
    if "--python" not in args:
        return None, args
    i = args.index("--python")
    value = args[i + 1] if i + 1 < len(args) else ""
    rest = args[:i] + args[i + 2:]
    supported = ", ".join(version_text(v) for v in SUPPORTED)
    if value == "all":
        found = [
            v for v in SUPPORTED
            if tuple(sys.version_info[:2]) == v
            or any(python_version_of(cmd) == v for cmd in python_commands(v))
        ]
        say(f"supported Pythons found here: {', '.join(map(version_text, found))}")
        return found, rest
    parts = value.split(".")
    version = tuple(int(p) for p in parts) if len(parts) == 2 and all(
        p.isdigit() for p in parts) else None
    if version not in SUPPORTED:
        fail(f"--python needs one of {supported}, or 'all'; got {value!r}.")
    return [version], rest


def cmd_test(args: list[str]) -> int:
    versions, args = parse_python_option(args)
    if versions is None:
        python = ensure_venv()
        say("running the unit tests and every notebook under nbval")
        return run([str(python), "-m", "pytest", *args], env=test_env())
    results = {}
    for version in versions:
        name = version_text(version)
        python = ensure_venv(ROOT / f".venv-{name}", version=version)
        say(f"running the unit tests and every notebook under nbval on Python {name}")
        results[name] = run([str(python), "-m", "pytest", *args], env=test_env())
    for name, code in results.items():
        say(f"Python {name}: {'passed' if code == 0 else f'FAILED (exit code {code})'}")
    return max(results.values(), default=0)


def execute_notebooks(python: Path, paths: list[Path], *, allow_errors: bool = False) -> int:
    env = test_env()
    for path in paths:
        say(f"executing {path.relative_to(ROOT)} in a fresh kernel")
        cmd = [
            str(python), "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=python3",
        ]
        cmd += ["--allow-errors"] if allow_errors else []
        cmd += ["--output-dir", str(path.parent), "--output", path.name, str(path)]
        code = run(cmd, env=env)
        if code != 0:
            say(f"{path.name} failed; the notebooks after it were not run")
            return code
        hide_reveals(path)
    return 0


def hide_reveals(path: Path) -> None:
    """Store the cells tagged `reveal` without their outputs: each answers a prediction
    exercise, and a learner should see its result only after predicting and running it. (They
    are tagged `nbval-ignore-output` too, so nbval runs them without comparing.)"""
    nb = json.loads(path.read_text(encoding="utf-8"))
    hidden = False
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and "reveal" in cell.get("metadata", {}).get("tags", []):
            hidden = hidden or bool(cell["outputs"])
            cell["outputs"] = []
    if hidden:  # written as nbformat writes notebooks
        text = json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")


def cmd_notebooks(args: list[str]) -> int:
    python = ensure_venv()
    chosen = [p for p in notebooks() if not args or any(a in p.name for a in args)]
    return execute_notebooks(python, chosen)


def cmd_html(args: list[str]) -> int:
    python = ensure_venv()
    return run([str(python), str(ROOT / "tools" / "build_site.py"), *args])


def cmd_student(args: list[str]) -> int:
    """The student edition: every notebook without its solution cells, in student/ (or
    --out DIR); --branch NAME also commits it to a git branch for Binder and Colab links."""
    python = ensure_venv()
    return run([str(python), str(ROOT / "tools" / "student_edition.py"), *args])


BROWSER_REQUIREMENTS = ROOT / "requirements-browser.txt"


def find_chromium() -> str | None:
    """Debian's Chromium (or the one named by COURSE_CHROMIUM), or None."""
    named = os.environ.get("COURSE_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def cmd_browser(args: list[str]) -> int:
    """Run tests/browser with Playwright driving the system's Chromium (no browser download):
    every notebook run in JupyterLab, the website's pages, links and search, and the student
    edition run top to bottom. Screenshots go to screenshots/."""
    python = ensure_venv()
    chromium = find_chromium()
    if chromium is None:
        fail(
            "the browser tests need Chromium, and none was found.\n"
            "  On Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere install Chromium and\n"
            "  set COURSE_CHROMIUM to its executable. Then run this command again."
        )
    stamp_file = VENV / ".course-browser-installed"
    stamp = hashlib.sha256(BROWSER_REQUIREMENTS.read_bytes()).hexdigest()
    if not (stamp_file.exists() and stamp_file.read_text() == stamp):
        say("installing the browser-test packages (Playwright; it uses your Chromium)")
        step = [str(python), "-m", "pip", "install", "--quiet", "-r", str(BROWSER_REQUIREMENTS)]
        if subprocess.run(step).returncode != 0:
            fail("the installation of requirements-browser.txt failed (see the messages above)")
        stamp_file.write_text(stamp)
    say(f"running the browser tests with {chromium}")
    env = test_env()
    env["COURSE_CHROMIUM"] = chromium
    env["COURSE_BROWSER"] = "1"
    return run(
        [str(python), "-m", "pytest", "-o", "addopts=", "-p", "no:cacheprovider", "-v",
         "tests/browser", *args],
        env=env,
    )


def cmd_bench(args: list[str]) -> int:
    python = ensure_venv()
    code = 0
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        say(f"running {script.name}")
        code |= run([str(python), str(script), *args])
    return code


def lock_pins() -> dict[str, str]:
    """{name: version} of every pin in requirements.txt."""
    return dict(
        line.split("#")[0].strip().split("==", 1)
        for line in REQUIREMENTS.read_text().splitlines()
        if "==" in line.split("#")[0]
    )


def lax_run(python: Path, wanted: dict[str, str], what: str, args: list[str]) -> int:
    """Print the installed versions next to `wanted`, then run the unit tests and the notebooks
    in nbval's lax mode (a cell that raises fails; numbers that changed do not)."""
    show = "import importlib.metadata as m, sys\nfor n in sys.argv[1:]: print(n, m.version(n))"
    listed = subprocess.run([str(python), "-c", show, *wanted], capture_output=True, text=True)
    installed = dict(line.split() for line in listed.stdout.splitlines())
    say(f"{what} installed, against the pins in requirements.txt:")
    pins = lock_pins()
    for name in wanted:
        now = installed.get(name, "?")
        note = "" if now == pins.get(name) else "   <- not the pinned version"
        print(f"    {name:<16} {now:<12} pinned {pins.get(name, '-')}{note}", flush=True)
    say(f"running the unit tests and the notebooks in lax mode against the {what}")
    return run(
        [str(python), "-m", "pytest", "-o", "addopts=", "--nbval-lax", "--nbval-current-env",
         "-p", "no:cacheprovider",
         # this test compares installed versions with the pins: here they differ on purpose
         "--deselect", "tests/test_packaging.py::test_installed_versions_match_the_pins",
         "tests", "notebooks", *args],
        env=test_env(),
    )


def cmd_latest(args: list[str]) -> int:
    """Install the newest releases in .venv-latest and run the tests and notebooks in lax mode.

    Not part of CI's every-push run (the weekly one runs it): it is there to see a breaking
    release before learners do. Every run upgrades the packages of requirements.txt and their
    dependencies to the newest releases for this Python, then calls lax_run.
    """
    pins = lock_pins()
    env = ROOT / ".venv-latest"
    # ensure_venv leaves an environment alone once its stamp is written; without the stamp it
    # installs again, so each run picks up releases that came out since the last one.
    (env / ".course-installed").unlink(missing_ok=True)
    python = ensure_venv(env, requirements=["--upgrade", "--upgrade-strategy", "eager", *pins])
    return lax_run(python, pins, "newest releases", args)


def oldest_requirements() -> list[str]:
    """tutorial_lib's dependencies and its `scale` extra at their lower bounds (`name>=X`
    becomes `name==X`), and the lock's pins for everything else (Jupyter, the test tools)."""
    import tomllib  # Python 3.11+, which every command but this script's start needs anyway

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    ranges = project["dependencies"] + project["optional-dependencies"]["scale"]
    lowest = {}
    for spec in ranges:
        name, _, bound = spec.partition(">=")
        if not bound:
            fail(f"pyproject.toml: {spec!r} has no lower bound (name>=version)")
        lowest[name.strip()] = bound.split(",")[0].strip()
    normal = {n.lower().replace("_", "-"): n for n in lowest}
    rest = {n: v for n, v in lock_pins().items() if n.lower().replace("_", "-") not in normal}
    return [f"{n}=={v}" for n, v in {**lowest, **rest}.items()]


def cmd_oldest(args: list[str]) -> int:
    """Install the oldest versions that pyproject.toml allows in .venv-oldest and run the tests
    and notebooks in lax mode: the other end of the ranges from `latest`."""
    requirements = oldest_requirements()
    env = ROOT / ".venv-oldest"
    python = ensure_venv(env, requirements=requirements, stamp="oldest " + " ".join(requirements))
    wanted = dict(r.split("==", 1) for r in requirements)
    return lax_run(python, wanted, "oldest allowed versions", args)


def cmd_colab(args: list[str]) -> int:
    """Run notebooks 00-09 as on Colab: tests/test_colab_simulation.py, which builds a fresh
    Python 3.12 environment with a Colab-like stack and a stand-in google.colab module."""
    python = ensure_venv()
    say("simulating Colab: a fresh Python 3.12 environment, then notebooks 00-09 (slow)")
    env = {**test_env(), "COURSE_COLAB_SIMULATION": "1"}
    return run([str(python), "-m", "pytest", "-o", "addopts=", "-p", "no:cacheprovider", "-v",
                "tests/test_colab_simulation.py", *args], env=env)


COMMANDS = {
    "lab": cmd_lab,
    "test": cmd_test,
    "notebooks": cmd_notebooks,
    "html": cmd_html,
    "student": cmd_student,
    "browser": cmd_browser,
    "bench": cmd_bench,
    "latest": cmd_latest,
    "oldest": cmd_oldest,
    "colab": cmd_colab,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        if argv and argv[0] not in ("-h", "--help"):
            fail(f"unknown command {argv[0]!r}; choose one of: {', '.join(COMMANDS)}")
        return 0 if argv else 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        say("stopped (Ctrl+C)")
        sys.exit(130)

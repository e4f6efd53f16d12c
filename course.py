"""Set up and run the k-means course with one command.

    python3 course.py lab         create .venv if needed, then open the course in JupyterLab
    python3 course.py test        create .venv if needed, then run every test (unit + notebooks)
    python3 course.py notebooks   re-execute every notebook in place, in order, fresh kernels
    python3 course.py html        build the course website into site/ (open site/index.html)
    python3 course.py student     write the student edition (no solutions) into student/
    python3 course.py browser     test in a real browser (Chromium): JupyterLab and the website
    python3 course.py bench       run the benchmark scripts (ratios against scikit-learn)
    python3 course.py latest      run the notebooks against the newest releases, in .venv-latest

Only the standard library is used here, so any Python 3 can start it; the course itself runs
on Python 3.11, which this script finds (python3.11, or `py -3.11` on Windows) and uses to
build the virtual environment .venv from the pins in requirements.txt.
"""

from __future__ import annotations

import hashlib
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
NEEDED = (3, 11)
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


def find_python311() -> list[str]:
    """Return a command that starts Python 3.11, or stop with advice."""
    if sys.version_info[:2] == NEEDED:
        return [sys.executable]
    candidates = [["python3.11"], ["py", "-3.11"]]
    for cmd in candidates:
        if shutil.which(cmd[0]) is None:
            continue
        try:
            out = subprocess.run(
                cmd + ["-c", "import sys; print(sys.version_info[:2] == (3, 11))"],
                capture_output=True, text=True, timeout=60,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.stdout.strip() == "True":
            return cmd
    found = ".".join(map(str, sys.version_info[:3]))
    fail(
        f"the course needs Python 3.11, and this is Python {found}; no python3.11 was found "
        "on the PATH either.\n"
        "  Install Python 3.11 (https://www.python.org/downloads/, or your package manager,\n"
        "  e.g. `sudo apt install python3.11 python3.11-venv`, `brew install python@3.11`),\n"
        "  then run this command again. With conda instead: `conda env create -f environment.yml`."
    )
    raise AssertionError  # unreachable


def install_stamp() -> str:
    digest = hashlib.sha256()
    for name in ("requirements.txt", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_venv(env: Path = VENV, requirements: list[str] | None = None) -> Path:
    """Create env and install the pinned packages and tutorial_lib, unless already done."""
    python = venv_python(env)
    stamp_file = env / ".course-installed"
    stamp = install_stamp() if requirements is None else "latest"
    if python.exists() and stamp_file.exists() and stamp_file.read_text() == stamp:
        return python
    if not python.exists():
        say(f"creating the virtual environment {env.name}/ with Python 3.11")
        cmd = find_python311()
        if cmd == [sys.executable]:
            try:
                venv.create(env, with_pip=True)
            except Exception as exc:  # ensurepip missing on some Linux distributions
                fail(
                    f"could not create {env}: {exc}\n"
                    "  On Debian/Ubuntu install the venv module: "
                    "`sudo apt install python3.11-venv`."
                )
        else:
            done = subprocess.run(cmd + ["-m", "venv", str(env)])
            if done.returncode != 0:
                fail(
                    f"could not create {env}.\n"
                    "  On Debian/Ubuntu install the venv module: "
                    "`sudo apt install python3.11-venv`."
                )
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
    say("opening JupyterLab on 127.0.0.1 (its address is printed below; Ctrl+C twice stops it)")
    first = "notebooks/00_start_here.ipynb"
    extra = []
    if getattr(os, "geteuid", lambda: 1)() == 0:  # e.g. inside a container, where root is usual
        say("running as root: JupyterLab is started with --allow-root")
        extra.append("--allow-root")
    return run([str(python), "-m", "jupyterlab", "--ip=127.0.0.1", *extra, *args, first])


def cmd_test(args: list[str]) -> int:
    python = ensure_venv()
    say("running the unit tests and every notebook under nbval")
    return run([str(python), "-m", "pytest", *args], env=test_env())


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
    return 0


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


def cmd_latest(args: list[str]) -> int:
    """Install the newest releases in .venv-latest and run the tests and notebooks in lax mode.

    Not part of CI: it is there to see a breaking release before learners do. Every run upgrades
    the packages of requirements.txt and their dependencies (newest releases that support Python
    3.11), prints their versions next to the pins, then runs the unit tests and the notebooks in
    nbval's lax mode (a cell that raises fails; numbers that changed do not).
    """
    pins = dict(
        line.split("#")[0].strip().split("==", 1)
        for line in REQUIREMENTS.read_text().splitlines()
        if "==" in line.split("#")[0]
    )
    env = ROOT / ".venv-latest"
    # ensure_venv leaves an environment alone once its stamp is written; without the stamp it
    # installs again, so each run picks up releases that came out since the last one.
    (env / ".course-installed").unlink(missing_ok=True)
    python = ensure_venv(env, requirements=["--upgrade", "--upgrade-strategy", "eager", *pins])
    show = "import importlib.metadata as m, sys\nfor n in sys.argv[1:]: print(n, m.version(n))"
    listed = subprocess.run([str(python), "-c", show, *pins], capture_output=True, text=True)
    installed = dict(line.split() for line in listed.stdout.splitlines())
    say("newest releases installed, against the pins in requirements.txt:")
    for name, pinned in pins.items():
        now = installed.get(name, "?")
        note = "" if now == pinned else "   <- not the pinned version"
        print(f"    {name:<16} {now:<12} pinned {pinned}{note}", flush=True)
    say("running the unit tests and the notebooks in lax mode against the newest releases")
    return run(
        [str(python), "-m", "pytest", "-o", "addopts=", "--nbval-lax", "--nbval-current-env",
         "-p", "no:cacheprovider",
         # this test compares installed versions with the pins: here they differ on purpose
         "--deselect", "tests/test_packaging.py::test_installed_versions_match_the_pins",
         "tests", "notebooks", *args],
        env=test_env(),
    )


COMMANDS = {
    "lab": cmd_lab,
    "test": cmd_test,
    "notebooks": cmd_notebooks,
    "html": cmd_html,
    "student": cmd_student,
    "browser": cmd_browser,
    "bench": cmd_bench,
    "latest": cmd_latest,
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

"""Shared test set-up: one BLAS/OpenMP thread, a non-GUI matplotlib backend, a checked nbval
config."""

import os

# Set before numpy is imported (here, and in the notebook kernels nbval starts, which inherit
# the environment): KMeans floats change in their last digits with the number of threads.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from pathlib import Path  # noqa: E402

import matplotlib  # noqa: E402
import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

matplotlib.use("Agg")  # the unit tests draw without a screen; notebooks keep their inline backend

# Property tests draw the same examples on every run (derandomize) and keep no example
# database: a test run gives the same verdict on every machine, CI included.
settings.register_profile("course", derandomize=True, database=None)
settings.load_profile("course")

ROOT = Path(__file__).resolve().parent


def pytest_configure(config):
    sanitize = config.getoption("nbval_sanitize_with", default=None)
    if sanitize and not Path(sanitize).is_file():
        raise pytest.UsageError(
            f"nbval's sanitize file {sanitize!r} was not found from {os.getcwd()!r}. "
            "Run pytest from the repository root (python3 course.py test does), "
            "or restore notebooks/nbval_sanitize.cfg."
        )


def pytest_terminal_summary(terminalreporter):
    """One line on the browser tests, which are a command of their own (course.py browser)."""
    if os.environ.get("COURSE_BROWSER"):
        return
    import shutil

    if os.environ.get("COURSE_CHROMIUM") or shutil.which("chromium"):
        terminalreporter.write_line(
            "browser tests: not part of this run; `python3 course.py browser` runs them")
    else:
        terminalreporter.write_line(
            "browser tests: skipped, no Chromium found (install it, then run "
            "`python3 course.py browser`)")

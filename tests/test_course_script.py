"""course.py, the README's set-up command: clear messages instead of tracebacks."""

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def course():
    spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_pythons(course, monkeypatch, running, on_path):
    """Pretend this script runs on Python `running` and that `on_path` {command: version}
    are the Pythons on the PATH."""
    monkeypatch.setattr(course.sys, "version_info", (*running, 1, "final", 0))
    monkeypatch.setattr(
        course.shutil, "which", lambda name: f"/usr/bin/{name}" if name in on_path else None
    )

    def fake_run(cmd, **kwargs):
        version = on_path.get(" ".join(cmd[:-2]))
        out = f"{version[0]} {version[1]}\n" if version else ""
        return subprocess.CompletedProcess(cmd, 0 if version else 1, stdout=out)

    monkeypatch.setattr(course.subprocess, "run", fake_run)


@pytest.mark.parametrize("running", [(3, 11), (3, 12), (3, 13), (3, 14)])
def test_a_supported_python_uses_itself(course, monkeypatch, running):
    fake_pythons(course, monkeypatch, running, {"python3.11": (3, 11)})
    assert course.find_python() == [course.sys.executable]


@pytest.mark.parametrize("running", [(3, 10), (3, 15)])
def test_an_unsupported_python_finds_the_newest_supported_one(course, monkeypatch, running):
    fake_pythons(
        course, monkeypatch, running, {"python3.11": (3, 11), "python3.12": (3, 12)}
    )
    assert course.find_python() == ["python3.12"]


def test_a_lying_command_is_not_taken_for_its_name(course, monkeypatch):
    fake_pythons(course, monkeypatch, (3, 10), {"python3.13": (3, 10), "python3.11": (3, 11)})
    assert course.find_python() == ["python3.11"]


@pytest.mark.parametrize("running", [(3, 10), (3, 15)])
def test_no_supported_python_stops_naming_the_supported_versions(
    course, monkeypatch, capsys, running
):
    fake_pythons(course, monkeypatch, running, {})
    with pytest.raises(SystemExit) as stop:
        course.find_python()
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert "runs on Python 3.11, 3.12, 3.13, 3.14" in err
    assert f"this is Python {running[0]}.{running[1]}.1" in err
    assert "python.org" in err and "conda env create -f environment.yml" in err


def test_python_option_picks_that_version(course, monkeypatch, capsys):
    fake_pythons(course, monkeypatch, (3, 11), {"python3.13": (3, 13)})
    assert course.find_python((3, 13)) == ["python3.13"]
    assert course.parse_python_option(["-x", "--python", "3.13", "tests"]) == (
        [(3, 13)], ["-x", "tests"])
    assert course.parse_python_option(["--python", "all"])[0] == [(3, 11), (3, 13)]
    with pytest.raises(SystemExit):
        course.find_python((3, 12))
    assert "Python 3.12 was not found" in capsys.readouterr().err
    for bad in ("3.10", "3.15", "3", "three", None):
        with pytest.raises(SystemExit):
            course.parse_python_option(["--python"] + ([bad] if bad else []))
        assert "--python needs one of 3.11, 3.12, 3.13, 3.14, or 'all'" in capsys.readouterr().err


def test_the_script_starts_on_an_old_python_and_says_what_works(tmp_path):
    """Python 3.10 (if this machine has it, e.g. under pyenv) gets the message, not a crash."""
    old = shutil.which("python3.10")
    probe = old and subprocess.run([old, "-c", "pass"], capture_output=True)
    if not old or probe.returncode != 0:
        pytest.skip("no python3.10 here")
    done = subprocess.run([old, str(ROOT / "course.py"), "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "python3 course.py test" in done.stdout


def test_failed_install_stops_with_advice(course, monkeypatch, tmp_path, capsys):
    env = tmp_path / "venv"
    python = course.venv_python(env)
    python.parent.mkdir(parents=True)
    python.write_text("")  # pretend the venv exists, so only the install runs
    monkeypatch.setattr(
        course.subprocess, "run", lambda cmd, **kw: subprocess.CompletedProcess(cmd, 1)
    )
    with pytest.raises(SystemExit) as stop:
        course.ensure_venv(env)
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert "installation failed" in err and "run the same command again" in err
    assert not (env / ".course-installed").exists()


def test_unknown_command_lists_the_commands():
    done = subprocess.run(
        [sys.executable, str(ROOT / "course.py"), "tset"], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "unknown command 'tset'" in done.stderr
    assert "lab, test, notebooks" in done.stderr


HAS_PROC = Path("/proc/self/stat").exists()


def _running(pid):
    """True if process pid exists and is not a zombie (read from Linux's /proc)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _wait_until(condition, seconds=10.0):
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        time.sleep(0.05)
    return condition()


@pytest.mark.skipif(not HAS_PROC, reason="needs POSIX signals and Linux's /proc")
@pytest.mark.parametrize("how", ["SIGTERM to the script", "Ctrl+C in the terminal"])
def test_what_the_script_started_stops_with_it(tmp_path, how):
    # run() starts a long command, as `course.py lab` starts JupyterLab.
    pid_file = tmp_path / "child.pid"
    child_code = (
        f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    )
    wrapper_code = (
        # A terminal's shell starts its commands with Ctrl+C's default action. pytest may have
        # been started with SIGINT ignored (nohup, a background job, some CI runners), and an
        # ignored signal is inherited: restore the default so the test is the same everywhere.
        "import signal\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('course', {str(ROOT / 'course.py')!r})\n"
        "course = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(course)\n"
        "try:\n"
        f"    sys.exit(course.run([sys.executable, '-c', {child_code!r}]))\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(130)\n"
    )
    # A session of its own, like a terminal: Ctrl+C reaches every process of the group.
    wrapper = subprocess.Popen([sys.executable, "-c", wrapper_code], start_new_session=True)
    child_pid = None
    try:
        assert _wait_until(lambda: pid_file.exists() and pid_file.read_text())
        child_pid = int(pid_file.read_text())
        if how == "SIGTERM to the script":
            wrapper.terminate()  # the script only, not its command
        else:
            os.killpg(wrapper.pid, signal.SIGINT)
        code = wrapper.wait(timeout=20)
        assert _wait_until(lambda: not _running(child_pid)), "the command outlived course.py"
        if how == "Ctrl+C in the terminal":
            assert code == 130  # the script stops too, after its command
    finally:
        wrapper.kill()
        if child_pid is not None and _running(child_pid):
            os.kill(child_pid, signal.SIGKILL)


def test_browser_command_without_chromium_stops_with_advice(course, monkeypatch, capsys):
    monkeypatch.setattr(course, "ensure_venv", lambda *a, **k: Path(sys.executable))
    monkeypatch.setattr(course, "find_chromium", lambda: None)
    with pytest.raises(SystemExit) as stop:
        course.cmd_browser([])
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert "need Chromium" in err and "apt-get install chromium" in err


def test_chromium_named_by_the_environment_must_exist(course, monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_CHROMIUM", str(tmp_path / "nothing"))
    assert course.find_chromium() is None
    (tmp_path / "chromium").write_text("")
    monkeypatch.setenv("COURSE_CHROMIUM", str(tmp_path / "chromium"))
    assert course.find_chromium() == str(tmp_path / "chromium")


def test_notebooks_are_stored_with_reveal_cells_emptied(course, tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    shown = nbformat.v4.new_code_cell("print(1)", execution_count=1)
    shown.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    answer = nbformat.v4.new_code_cell("print(2)", execution_count=2)
    answer.outputs = [nbformat.v4.new_output("stream", name="stdout", text="2\n")]
    answer.metadata["tags"] = ["reveal", "nbval-ignore-output"]
    nb.cells = [shown, answer]
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    course.hide_reveals(path)
    stored = nbformat.read(path, as_version=4)
    nbformat.validate(stored)
    assert stored.cells[0].outputs == shown.outputs  # other cells keep their outputs
    assert stored.cells[1].outputs == []
    assert stored.cells[1].execution_count == 2  # still one clean run, in order

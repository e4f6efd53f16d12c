"""course.py, the README's set-up command: clear messages instead of tracebacks."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def course():
    spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_missing_python_311_stops_with_advice(course, monkeypatch, capsys):
    monkeypatch.setattr(course.sys, "version_info", (3, 12, 1, "final", 0))
    monkeypatch.setattr(course.shutil, "which", lambda name: None)
    with pytest.raises(SystemExit) as stop:
        course.find_python311()
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert "needs Python 3.11" in err and "3.12.1" in err
    assert "conda env create -f environment.yml" in err


def test_a_python_311_on_the_path_is_found(course, monkeypatch):
    monkeypatch.setattr(course.sys, "version_info", (3, 12, 1, "final", 0))
    monkeypatch.setattr(course.shutil, "which", lambda name: "/usr/bin/" + name)

    def fake_run(cmd, **kwargs):
        ok = cmd[0] == "python3.11"
        return subprocess.CompletedProcess(cmd, 0, stdout="True\n" if ok else "False\n")

    monkeypatch.setattr(course.subprocess, "run", fake_run)
    assert course.find_python311() == ["python3.11"]


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

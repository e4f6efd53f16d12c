"""install_extra and the installer behind the Colab set-up block (tutorial_lib/_install.py).

pip is replaced by small fake commands: nothing is downloaded or installed."""

import importlib.metadata
import re
import sys
from pathlib import Path

import numpy as np
import pytest

import tutorial_lib
from tutorial_lib import _install, install_extra

ROOT = Path(__file__).resolve().parents[1]


def lock_version(name):
    """The version requirements.txt pins for name, read here independently of _install."""
    text = (ROOT / "requirements.txt").read_text()
    return re.search(rf"^{re.escape(name)}==(\S+)", text, re.M).group(1)


@pytest.fixture
def fake_pip(tmp_path, monkeypatch):
    """Replace pip by a script that records its arguments (and the constraints file's lines)
    and exits with the code set in the returned dict (0 by default)."""
    log = tmp_path / "pip-args.txt"
    setting = {"code": 0, "noise": ""}

    def use(code=0, noise=""):
        script = (
            "import sys\n"
            "args = sys.argv[1:]\n"
            f"log = open({str(log)!r}, 'w')\n"
            "log.write('\\n'.join(args) + '\\n')\n"
            "if '-c' in args:\n"
            "    log.write('CONSTRAINTS\\n' + open(args[args.index('-c') + 1]).read())\n"
            f"print({noise!r}, file=sys.stderr)\n"
            f"sys.exit({code})\n"
        )
        monkeypatch.setattr(_install, "PIP", [sys.executable, "-c", script])

    use()
    setting["use"] = use
    setting["log"] = log
    return setting


def pretend_missing(monkeypatch, *names):
    real = _install.is_installed
    monkeypatch.setattr(
        _install, "is_installed", lambda name: False if name in names else real(name)
    )


def test_the_scale_extra_is_declared_by_the_installed_package():
    names = [_install.NAME.match(s).group(1) for s in _install.declared("scale")]
    assert sorted(names) == ["dask", "dask-ml", "distributed"]
    assert "scale" in _install.extras()
    assert any(s.startswith("numpy") for s in _install.declared())


def test_nothing_missing_installs_nothing(fake_pip, monkeypatch, capsys):
    monkeypatch.setattr(_install, "is_installed", lambda name: True)
    assert install_extra("scale") == []
    assert capsys.readouterr().out == ""
    assert not fake_pip["log"].exists()


def test_missing_packages_are_installed_at_the_lock_versions(fake_pip, monkeypatch, capsys):
    pretend_missing(monkeypatch, "dask-ml")
    assert install_extra("scale") == [f"dask-ml=={lock_version('dask-ml')}"]
    out = capsys.readouterr().out
    assert "dask-ml" in out and "'scale' extra" in out and "Installed" in out
    args, constraints = fake_pip["log"].read_text().split("CONSTRAINTS\n")
    assert args.split()[0] == "install" and f"dask-ml=={lock_version('dask-ml')}" in args
    # everything installed is held at its version, so nothing already here changes
    assert f"numpy=={np.__version__}" in constraints.splitlines()


def test_without_a_lock_the_ranges_are_used(fake_pip, monkeypatch, tmp_path):
    pretend_missing(monkeypatch, "dask", "distributed", "dask-ml")
    monkeypatch.setattr(_install, "CHECKOUT", tmp_path)  # as on Colab: no requirements.txt
    installed = install_extra("scale")
    assert sorted(installed) == sorted(_install.declared("scale"))
    assert all(">=" in spec for spec in installed)


def test_a_failed_install_says_what_to_do_briefly(fake_pip, monkeypatch, capsys):
    noise = "\n".join(f"Collecting package{i}" for i in range(200))
    fake_pip["use"](code=1, noise=noise + "\nERROR: No matching distribution found for dask-ml")
    pretend_missing(monkeypatch, "dask-ml")
    with pytest.raises(_install.InstallError, match="could not install dask-ml"):
        install_extra("scale")
    out = capsys.readouterr().out
    assert "ERROR: No matching distribution found for dask-ml" in out
    assert "What to do:" in out and 'pip install "tutorial_lib[scale]"' in out
    assert "Collecting" not in out and len(out.splitlines()) <= 4


def test_a_pip_that_cannot_start_is_a_failed_install(monkeypatch, capsys):
    monkeypatch.setattr(_install, "PIP", [sys.executable, "-m", "no_such_module_here"])
    pretend_missing(monkeypatch, "dask")
    with pytest.raises(_install.InstallError):
        install_extra("scale")
    assert "The installation failed" in capsys.readouterr().out


def test_bad_extra_names_get_clear_errors():
    with pytest.raises(ValueError, match="no optional extra 'scaling'.*scale"):
        install_extra("scaling")
    with pytest.raises(TypeError, match="name as a string; got int"):
        install_extra(3)


def test_install_extra_is_public():
    assert "install_extra" in tutorial_lib.__all__


def test_lock_pins_only_from_a_checkout(tmp_path):
    (tmp_path / "requirements.txt").write_text("## core [binder]\nNumPy==2.4.6  # note\n")
    assert _install.lock_pins(tmp_path / "requirements.txt") == {}  # no pyproject.toml beside it
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    assert _install.lock_pins(tmp_path / "requirements.txt") == {"numpy": "2.4.6"}
    assert _install.pinned(["numpy>=2.0", "dask>=2025.1"], {"numpy": "2.4.6"}) == [
        "numpy==2.4.6", "dask>=2025.1"]


def test_constraints_hold_every_installed_distribution_once():
    lines = _install.installed_constraints()
    names = [_install.normalise(line.split("==")[0]) for line in lines]
    assert len(names) == len(set(names))
    assert f"numpy=={importlib.metadata.version('numpy')}" in lines


def test_the_colab_installer_adds_only_missing_dependencies(fake_pip, monkeypatch, capsys):
    pretend_missing(monkeypatch, "palmerpenguins")
    monkeypatch.setattr(_install, "CHECKOUT", Path("/nonexistent"))  # as on Colab
    assert _install.install_missing_dependencies() == ["palmerpenguins>=0.1.4"]
    args = fake_pip["log"].read_text().split("CONSTRAINTS\n")[0].split()
    assert args[-1] == "palmerpenguins>=0.1.4" and "numpy" not in " ".join(args)
    assert "already here are unchanged" in capsys.readouterr().out

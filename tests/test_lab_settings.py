"""The course's JupyterLab settings (binder/lab_settings.py), for Binder and `course.py lab`."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("lab_settings", ROOT / "binder" / "lab_settings.py")
lab_settings = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lab_settings)


def test_settings_are_merged_into_the_environment_files(tmp_path):
    server = tmp_path / "etc" / "jupyter" / "jupyter_server_config.json"
    server.parent.mkdir(parents=True)
    server.write_text(json.dumps({"ServerApp": {"port": 9999},
                                  "MappingKernelManager": {"cull_interval": 5}}))
    written = lab_settings.install(tmp_path)
    assert written[0] == server
    config = json.loads(server.read_text())
    assert config["ServerApp"] == {"port": 9999}  # other settings are kept
    culling = config["MappingKernelManager"]
    assert culling["cull_idle_timeout"] == 15 * 60 and culling["cull_interval"] == 60
    assert culling["cull_connected"] is True and culling["cull_busy"] is False
    overrides = json.loads(written[1].read_text())
    notification = overrides["@jupyterlab/apputils-extension:notification"]
    assert notification == {"fetchNews": "false", "checkForUpdates": False}
    first = [p.read_text() for p in written]
    lab_settings.install(tmp_path)
    assert [p.read_text() for p in written] == first  # running it again changes nothing


def test_jupyter_server_reads_the_culling_settings(tmp_path):
    """The key names are the server's own: its kernel manager takes them from the config."""
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from traitlets.config import Config

    manager = AsyncMappingKernelManager(config=Config(lab_settings.SERVER))
    assert manager.cull_idle_timeout == 900 and manager.cull_connected


def test_the_news_setting_is_one_jupyterlab_knows():
    """fetchNews is a setting of JupyterLab's notification plugin, and "false" one of its
    values (with "none", the default, JupyterLab asks on first start)."""
    lab = Path(sys.prefix) / "share" / "jupyter" / "lab"
    schema = lab / "schemas" / "@jupyterlab" / "apputils-extension" / "notification.json"
    if not schema.is_file():
        pytest.skip(f"JupyterLab's schema not found at {schema}")
    fetch = json.loads(schema.read_text())["properties"]["fetchNews"]
    assert "false" in [choice["const"] for choice in fetch["oneOf"]]
    assert fetch["default"] == "none"


def test_course_lab_writes_the_settings_then_binds_to_localhost(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
    course = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(course)
    calls = []
    monkeypatch.setattr(course, "ensure_venv", lambda: Path("/venv/bin/python"))
    monkeypatch.setattr(course.subprocess, "run",
                        lambda cmd, **kw: calls.append(cmd) or subprocess.CompletedProcess(cmd, 0))
    monkeypatch.setattr(course, "run", lambda cmd, env=None: calls.append(cmd) or 0)
    assert course.cmd_lab([]) == 0
    settings, lab = calls
    assert settings == ["/venv/bin/python", str(ROOT / "binder" / "lab_settings.py")]
    assert lab[1:3] == ["-m", "jupyterlab"] and "--ip=127.0.0.1" in lab
    assert not any("token" in arg.lower() for arg in lab)  # JupyterLab keeps its token

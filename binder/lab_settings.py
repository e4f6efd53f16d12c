"""JupyterLab settings of the course, written into the environment of the Python that runs this.

    python binder/lab_settings.py      (binder/postBuild and `python3 course.py lab` run it)

- Idle kernels are shut down: JupyterLab keeps a notebook's kernel running after the learner
  moves on to the next notebook, and 11 live kernels need more memory than Binder gives
  (2 GB). A kernel that has run nothing for IDLE_MINUTES is stopped, even with its notebook
  still open (its tab stays; Kernel > Restart Kernel and Run All Cells brings it back).
- No "Would you like to get notified about official Jupyter news?" prompt on first start,
  and no check for new JupyterLab versions: the course's versions are pinned on purpose.

Settings are merged into the environment's own files ({sys.prefix}/etc/jupyter/ and
{sys.prefix}/share/jupyter/lab/settings/), never the user's: other keys there are kept, and
running it again changes nothing. Standard library only.
"""

import json
import sys
from pathlib import Path

IDLE_MINUTES = 15

SERVER = {
    "MappingKernelManager": {
        "cull_idle_timeout": IDLE_MINUTES * 60,  # seconds without activity before shut-down
        "cull_interval": 60,  # how often (seconds) kernels are checked
        "cull_connected": True,  # also when the notebook is still open in a tab
        "cull_busy": False,  # never a kernel that is running a cell
    },
}
LAB = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def merge(path: Path, settings: dict) -> None:
    """Merge settings (two levels: section, key) into the JSON file at path."""
    current = json.loads(path.read_text()) if path.is_file() else {}
    for section, values in settings.items():
        current.setdefault(section, {}).update(values)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n")


def install(prefix: Path = Path(sys.prefix)) -> list[Path]:
    """Write the settings into the environment at prefix; return the files written."""
    server = prefix / "etc" / "jupyter" / "jupyter_server_config.json"
    lab = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    merge(server, SERVER)
    merge(lab, LAB)
    return [server, lab]


if __name__ == "__main__":
    for written in install():
        print(f"course settings written to {written}")

"""Notebook 12's dask cluster: it listens on 127.0.0.1 only, it is closed when its `with` block
ends normally or with an error, no worker process is left behind, and the whole notebook passes
nbval on a machine with only loopback networking.

The cluster code is taken from the notebook itself (its setup cell and the cell that defines
`local_cluster`), so the test checks what learners run.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

pytest.importorskip("distributed")  # the optional extra "scale"
psutil = pytest.importorskip("psutil")
nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "12_scaling_out.ipynb"
MARK = "KMEANS_COURSE_TEST_RUN"  # set for the kernel; its worker processes inherit it


def notebook_cells(*needles):
    """The sources of the setup cell and of the code cells containing each needle, in order."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    chosen = [code[0]]
    for needle in needles:
        found = [source for source in code if needle in source]
        assert len(found) == 1, f"expected one cell with {needle!r} in {NOTEBOOK.name}"
        chosen.append(found[0])
    return chosen


def processes_marked(run_id):
    """Running processes (other than zombies) whose environment carries this run's mark."""
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.status() != psutil.STATUS_ZOMBIE and proc.environ().get(MARK) == run_id:
                found.append(proc)
        except psutil.Error:  # gone, or not ours to inspect
            continue
    return found


def run_cells(sources, run_id, timeout=600):
    """Execute the cells in a fresh kernel whose environment carries run_id; return the notebook."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    env = {**os.environ, MARK: run_id, "OMP_NUM_THREADS": "1"}
    client = nbclient.NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT)}})
    client.execute(env=env)
    return nb


def printed(cell):
    return "".join(out.get("text", "") for out in cell.outputs if out.output_type == "stream")


PROBE = r'''
import json as _json
with local_cluster(2, "600MiB") as client:
    _pids = [p.pid for p in worker_processes()]
    _addresses = [client.scheduler.address, *client.scheduler_info()["workers"]]
    _listening = sorted({c.laddr.ip for p in [psutil.Process(), *worker_processes()]
                         for c in p.net_connections(kind="inet")
                         if c.status == psutil.CONN_LISTEN})
    _two = client.submit(sum, [1, 1]).result()
print(_json.dumps({"pids": _pids, "addresses": _addresses, "listening": _listening,
                   "two": _two, "left": len(worker_processes())}))
'''

FAILING = r'''
import json as _json
try:
    with local_cluster(1, "600MiB") as client:
        _pids = [p.pid for p in worker_processes()]
        raise ValueError("something failed inside the block")
except ValueError as _error:
    _message = str(_error)
print(_json.dumps({"pids": _pids, "message": _message, "left": len(worker_processes())}))
'''


@pytest.mark.slow
def test_the_cluster_listens_on_loopback_and_closes_on_success_and_failure():
    run_id = uuid.uuid4().hex
    sources = notebook_cells("def local_cluster") + [
        PROBE, FAILING, "shutil.rmtree(WORK_DIR)"]
    nb = run_cells(sources, run_id)
    ok = json.loads(printed(nb.cells[-3]).strip().splitlines()[-1])
    failed = json.loads(printed(nb.cells[-2]).strip().splitlines()[-1])

    assert len(ok["pids"]) == 2 and ok["two"] == 2
    assert all(a.startswith("tcp://127.0.0.1:") for a in ok["addresses"]), ok["addresses"]
    assert ok["listening"] == ["127.0.0.1"], f"something listens beyond loopback: {ok}"
    assert ok["left"] == 0, "worker processes outlived the with block"

    assert len(failed["pids"]) == 1
    assert failed["message"] == "something failed inside the block"  # not swallowed
    assert failed["left"] == 0, "a failure inside the block left the worker running"

    for pid in ok["pids"] + failed["pids"]:
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert processes_marked(run_id) == [], "processes of the test kernel are still running"


def _offline_available():
    if not (shutil.which("unshare") and shutil.which("ip")):
        return False
    probe = subprocess.run(["unshare", "-rn", "sh", "-c", "ip link set lo up"],
                           capture_output=True)
    return probe.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux" or not _offline_available(),
                    reason="needs Linux user namespaces (unshare -rn) to cut the network")
def test_notebook_passes_nbval_offline_and_leaves_no_process():
    # unshare -n: a new network namespace with only the loopback interface, brought up here.
    run_id = uuid.uuid4().hex
    env = {**os.environ, MARK: run_id}
    command = (f"ip link set lo up && exec {sys.executable} -m pytest -q -p no:cacheprovider "
               f"{NOTEBOOK.relative_to(ROOT)}")
    done = subprocess.run(["unshare", "-rn", "sh", "-c", command], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1200)
    report = done.stdout[-3000:] + done.stderr[-3000:]
    assert done.returncode == 0, report
    assert "Couldn't detect a suitable IP address" not in report
    assert processes_marked(run_id) == [], "the notebook left processes running"

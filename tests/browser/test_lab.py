"""Every notebook in JupyterLab, as a learner meets it: the lab started as the README says
(`python3 course.py lab`, on 127.0.0.1 with a token), each notebook opened and run with
Run > Run All Cells, then checked: every code cell ran, no error output, every figure drawn.

Autosave is switched off and the files are compared before and after: the test never changes a
stored notebook. The lab is stopped (SIGTERM to course.py, which passes it on) at the end.
"""

import hashlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
RUN_TIMEOUT_S = 420
SETTINGS = {
    # never write the notebooks back to disk while the test runs them
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    # every cell in the page, so that every output can be checked
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    # no news or update checks: nothing leaves the machine
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False},
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def digest(paths):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    home = tmp_path_factory.mktemp("lab")
    for name, value in SETTINGS.items():
        target = home / "settings" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(value))
    token, port = secrets.token_hex(16), free_port()
    env = dict(os.environ, JUPYTER_TOKEN=token,
               JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"))
    log = (home / "lab.log").open("w")
    before = digest(NOTEBOOKS)
    # the README's command; the options only choose the port and keep it from opening a browser
    lab = subprocess.Popen(
        [sys.executable, str(ROOT / "course.py"), "lab", "--no-browser",
         f"--ServerApp.port={port}", "--ServerApp.port_retries=0"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
                break
            except OSError:
                if lab.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{(home / 'lab.log').read_text()}")
                time.sleep(1)
        # `course.py lab` opens notebooks/00_start_here.ipynb, which makes notebooks/ the lab's
        # root folder; find the notebooks' path in the lab rather than assume it
        listing = json.load(urllib.request.urlopen(f"{base}/api/contents?token={token}",
                                                   timeout=30))
        names = {item["name"] for item in listing["content"]}
        prefix = "" if NOTEBOOKS[0].name in names else "notebooks/"
        yield {"base": base, "token": token, "prefix": prefix}
    finally:
        lab.send_signal(signal.SIGTERM)
        try:
            lab.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
            lab.wait(10)
        log.close()
    assert digest(NOTEBOOKS) == before, "running the notebooks in the lab changed a stored file"


def shut_down_kernels(lab):
    request = urllib.request.Request(f"{lab['base']}/api/kernels?token={lab['token']}")
    for kernel in json.load(urllib.request.urlopen(request, timeout=10)):
        urllib.request.urlopen(urllib.request.Request(
            f"{lab['base']}/api/kernels/{kernel['id']}?token={lab['token']}", method="DELETE"),
            timeout=30)


def run_in_lab(browser, lab, name, stored, screenshot=None):
    """Open notebook `name` (stored: its content) in the lab, Run All Cells, and return the
    problems seen: error output in a cell not tagged raises-exception, figures not drawn."""
    page = browser.new_page()
    try:
        url = f"{lab['base']}/lab/tree/{lab['prefix']}{name}?reset&token={lab['token']}"
        page.goto(url, wait_until="domcontentloaded")
        status = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
        status.first.wait_for(timeout=120_000)  # the kernel started and is waiting
        cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell")
        deadline = time.monotonic() + 60  # the lab draws the cells a batch at a time
        while cells.count() < len(stored.cells) and time.monotonic() < deadline:
            page.wait_for_timeout(500)
        assert cells.count() == len(stored.cells), "the lab shows another number of cells"
        code = [i for i, c in enumerate(stored.cells) if c.cell_type == "code"]

        def run_all():
            cells.first.click()  # the notebook must be the active document for Run All
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()

        run_all()
        clicks, started = 1, time.monotonic()
        errors = page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while True:  # done when every code cell shows an execution count and the kernel idles
            page.wait_for_timeout(1000)
            prompts = cells.evaluate_all(
                "els => els.map(e => (e.querySelector('.jp-InputPrompt') || {}).textContent)")
            counts = [prompts[i] or "" for i in code]
            if all(p.strip() in ("[ ]:", "") for p in counts) and clicks < 3 and (
                    time.monotonic() - started > 20):
                run_all()  # the lab was not ready for the first click: click again
                clicks, started = clicks + 1, time.monotonic()
                continue
            ran = all(any(ch.isdigit() for ch in p) for p in counts)
            if (ran or errors.count()) and status.count():
                break  # Run All stops at an error: reported below
            assert time.monotonic() < deadline, f"still running after {RUN_TIMEOUT_S} s: {counts}"
        problems = []
        for i in code:
            cell = cells.nth(i)
            tags = stored.cells[i].metadata.get("tags", [])
            stderr = cell.locator(
                ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
            if stderr.count() and "raises-exception" not in tags:
                problems.append(f"cell {i + 1}: error output: {stderr.first.inner_text()[:400]}")
            wanted = sum("image/png" in o.get("data", {}) for o in stored.cells[i].outputs)
            drawn = cell.locator(".jp-RenderedImage img").evaluate_all(
                "imgs => imgs.filter(i => i.complete && i.naturalWidth > 0).length")
            if drawn < wanted:
                problems.append(f"cell {i + 1}: {drawn} of {wanted} figures drawn")
        if screenshot:
            page.screenshot(path=str(screenshot))
        return problems
    finally:
        page.close()
        shut_down_kernels(lab)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_in_jupyterlab(browser, lab, path, screenshots):
    shot = screenshots / f"lab-{path.stem}.png" if path.name.startswith("05") else None
    problems = run_in_lab(browser, lab, path.name, nbformat.read(path, as_version=4), shot)
    assert not problems, f"{path.name} in JupyterLab:\n" + "\n".join(problems)


def test_the_lab_check_sees_an_error_and_a_missing_figure(browser, lab):
    """The check above can fail: a notebook whose second cell raises, and whose stored
    output promises a figure that its code does not draw."""
    figure = nbformat.v4.new_output("display_data", data={"image/png": "", "text/plain": "x"})
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x = 1", outputs=[figure]),
        nbformat.v4.new_code_cell("1 / 0"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    name = "zz_browser_check_selftest.ipynb"
    url = f"{lab['base']}/api/contents/{lab['prefix']}{name}?token={lab['token']}"
    body = json.dumps({"type": "notebook", "format": "json", "content": nb}).encode()
    urllib.request.urlopen(urllib.request.Request(url, data=body, method="PUT"), timeout=30)
    try:
        problems = run_in_lab(browser, lab, name, nb)
    finally:
        urllib.request.urlopen(urllib.request.Request(url, method="DELETE"), timeout=30)
    assert any(p.startswith("cell 2: error output") and "ZeroDivisionError" in p
               for p in problems), problems
    assert "cell 1: 0 of 1 figures drawn" in problems

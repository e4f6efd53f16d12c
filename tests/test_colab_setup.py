"""The Colab set-up block at the top of every setup cell (tools/sync_setup_cells.py).

What it does on a real Colab-like runtime is tested by tests/test_colab_simulation.py (slow,
run by `python3 course.py colab`); these tests check the block's text and its decisions."""

import contextlib
import importlib.util
import io
import json
import os
import runpy
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
spec = importlib.util.spec_from_file_location("sync_tool", ROOT / "tools" / "sync_setup_cells.py")
sync_tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sync_tool)


def setup_source(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "".join(sync_tool.setup_cell(nb, path.name)["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_setup_cell_starts_with_the_current_block(path):
    source = setup_source(path)
    assert source.startswith(sync_tool.block()), (
        f"{path.name}: its setup cell does not start with the current Colab set-up block; "
        "run `python3 tools/sync_setup_cells.py`, then `python3 course.py notebooks "
        f"{path.name[:3]}`"
    )
    assert "setup_notebook()" in source.split(sync_tool.END, 1)[1]


def test_the_install_url_is_written_in_one_place():
    """Outside the notebooks (which carry copies the tool writes), only the tool holds it."""
    url = sync_tool.INSTALL_URL
    places = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if not d.startswith((".venv", ".git", "__pycache__", "site"))]
        for name in files:
            path = Path(folder) / name
            if path.suffix != ".ipynb" and url in path.read_text(errors="ignore"):
                places.append(path.relative_to(ROOT).as_posix())
    assert places == ["tools/sync_setup_cells.py"], places


def test_sync_adds_the_block_once_and_replaces_an_old_one():
    cell = "import numpy as np\n\nsetup_notebook()\n"
    once = sync_tool.with_block(cell)
    assert once == sync_tool.block() + "\n" + cell
    assert sync_tool.with_block(once) == once
    old = sync_tool.with_block(cell, url="git+https://example.invalid/old")
    assert "example.invalid" in old
    assert sync_tool.with_block(old) == once


def test_sync_refuses_a_block_it_cannot_place():
    broken = sync_tool.BEGIN + "\nprint('no end line')\n"
    with pytest.raises(ValueError, match="no end line"):
        sync_tool.with_block(broken)
    with pytest.raises(ValueError, match="not at the top"):
        sync_tool.with_block("import numpy\n" + sync_tool.block())
    with pytest.raises(ValueError, match="cannot hold quotes"):
        sync_tool.block('x"; import os; "')


def test_sync_rewrites_a_notebook_only_when_needed(tmp_path):
    nb = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# 00 · Title"]},
            {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
             "source": ["setup_notebook()\n", "SEED = 0"]},
        ],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }
    path = tmp_path / "00_x.ipynb"
    path.write_text(json.dumps(nb, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert sync_tool.sync(path, check=True) is True
    assert sync_tool.main([str(tmp_path), "--check"]) == 1
    assert sync_tool.main([str(tmp_path)]) == 0
    first = path.read_text(encoding="utf-8")
    assert sync_tool.main([str(tmp_path), "--check"]) == 0
    assert sync_tool.sync(path) is False
    assert path.read_text(encoding="utf-8") == first
    cells = json.loads(first)["cells"]
    assert "".join(cells[1]["source"]).endswith("setup_notebook()\nSEED = 0")
    assert cells[1]["outputs"] == [] and cells[0]["source"] == ["# 00 · Title"]


def run_block(monkeypatch, *, colab, has_tutorial_lib):
    """Execute the block with find_spec, pip and runpy replaced; return (calls, printed)."""
    calls = []
    real_find_spec = importlib.util.find_spec
    installed = []

    def find_spec(name, *args):
        if name in ("google", "google.colab"):
            return SimpleNamespace(name=name) if colab else None
        if name == "tutorial_lib":
            if has_tutorial_lib or installed:
                return SimpleNamespace(submodule_search_locations=["/site/tutorial_lib"])
            return None
        return real_find_spec(name, *args)

    def fake_run(cmd, **kwargs):
        calls.append(("pip", cmd, kwargs))
        installed.append(True)
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.setattr(runpy, "run_path", lambda path, **kw: calls.append(("run", path, kw)))
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(sync_tool.block(), {})
    return calls, printed.getvalue()


def test_the_block_does_nothing_outside_colab(monkeypatch):
    assert run_block(monkeypatch, colab=False, has_tutorial_lib=False) == ([], "")
    assert run_block(monkeypatch, colab=False, has_tutorial_lib=True) == ([], "")


def test_the_block_does_nothing_on_colab_once_tutorial_lib_is_there(monkeypatch):
    assert run_block(monkeypatch, colab=True, has_tutorial_lib=True) == ([], "")


def test_the_block_installs_without_dependencies_on_colab(monkeypatch):
    calls, printed = run_block(monkeypatch, colab=True, has_tutorial_lib=False)
    (kind, cmd, kwargs), (kind2, path, kw2) = calls
    assert kind == "pip" and cmd[:4] == [sys.executable, "-m", "pip", "install"]
    assert "--no-deps" in cmd and cmd[-1] == sync_tool.INSTALL_URL and kwargs["check"]
    assert kind2 == "run" and path == "/site/tutorial_lib/_install.py"
    assert kw2 == {"run_name": "__main__"}
    assert "Colab: installing tutorial_lib" in printed


def test_the_block_is_plain_code_that_compiles():
    compile(sync_tool.block(), "<setup block>", "exec")
    assert sync_tool.block().count("\n") < 15, "keep the block short: learners scroll past it"

"""Measure the memory of a learner's walk through the notebooks, kernels left running.

    .venv/bin/python tools/kernel_walk.py                 with the course's idle culling, scaled
    .venv/bin/python tools/kernel_walk.py --no-cull       every kernel left alive (as before)

JupyterLab keeps each notebook's kernel running after the learner moves on. This script walks
the notebooks in order as a learner does: it starts each notebook's kernel in Jupyter Server's
own kernel manager (the one JupyterLab uses, with the culling settings of binder/lab_settings.py),
runs the notebook top to bottom, then "reads" it for a while before opening the next one, never
shutting a kernel down itself. Every second it adds up the resident memory (RSS) of all live
kernels and their child processes, and prints the peak.

The walk is scaled in time: a learner spends 10-30 minutes per notebook and kernels are culled
after binder/lab_settings.IDLE_MINUTES; here the idle limit is --idle seconds and the reading
time --read seconds, in the same proportion (15 minutes : 22.5 minutes by default). Linux only
(/proc). Timings on a shared machine are noisy; memory is what is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "binder"))
import lab_settings  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def children() -> dict[int, list[int]]:
    """{parent pid: [child pids]} for every process, from /proc."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def rss(pid: int) -> int:
    try:
        return int((Path(f"/proc/{pid}/statm")).read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(pid: int, tree: dict[int, list[int]]) -> int:
    return rss(pid) + sum(tree_rss(child, tree) for child in tree.get(pid, []))


def kernels_rss(manager: AsyncMappingKernelManager) -> tuple[int, int]:
    """(number of live kernels, their total RSS in bytes, child processes included)."""
    tree = children()
    pids = []
    for kernel_id in manager.list_kernel_ids():
        provisioner = manager.get_kernel(kernel_id).provisioner
        pid = getattr(provisioner, "pid", None)
        if pid:
            pids.append(pid)
    return len(pids), sum(tree_rss(pid, tree) for pid in pids)


async def walk(paths: list[Path], idle: float, read: float, cull: bool) -> None:
    config = dict(lab_settings.SERVER["MappingKernelManager"])
    if cull:
        config.update(cull_idle_timeout=idle, cull_interval=max(1, idle / 10))
    else:
        config.update(cull_idle_timeout=0)
    manager = AsyncMappingKernelManager(
        root_dir=str(ROOT / "notebooks"), connection_dir=tempfile.mkdtemp(), **config
    )
    peak = {"bytes": 0, "kernels": 0, "at": ""}
    state = {"now": "start"}
    stop = asyncio.Event()

    async def sample():
        while not stop.is_set():
            count, total = kernels_rss(manager)
            if total > peak["bytes"]:
                peak.update(bytes=total, kernels=count, at=state["now"])
            await asyncio.sleep(1)

    sampler = asyncio.create_task(sample())
    alive_sum = 0
    mib = 2**20
    print(f"walk: {len(paths)} notebooks; culling "
          + (f"after {idle:.0f} s idle, {read:.0f} s reading each" if cull else "off"), flush=True)
    started = time.monotonic()
    try:
        for path in paths:
            state["now"] = path.name
            kernel_id = await manager.start_kernel(kernel_name="python3", path="")
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(
                nb, km=manager.get_kernel(kernel_id), timeout=600, kernel_name="python3",
                resources={"metadata": {"path": str(path.parent)}},
            )
            await client.async_execute()
            if client.kc is not None:
                client.kc.stop_channels()
            _, own = kernels_rss_one(manager, kernel_id)
            alive_sum += own
            count, total = kernels_rss(manager)
            print(f"  {path.name:<40} kernel {own / mib:6.0f} MiB; live kernels {count:2d}, "
                  f"{total / mib:6.0f} MiB  ({time.monotonic() - started:5.0f} s)", flush=True)
            await asyncio.sleep(read)
    finally:
        stop.set()
        await sampler
        await manager.shutdown_all()
    print(f"peak: {peak['bytes'] / mib:.0f} MiB in {peak['kernels']} live kernels "
          f"(while on {peak['at']})")
    print(f"all kernels left alive would hold about {alive_sum / mib:.0f} MiB "
          "(each kernel's RSS right after its notebook ran, added up)")


def kernels_rss_one(manager, kernel_id) -> tuple[int, int]:
    pid = getattr(manager.get_kernel(kernel_id).provisioner, "pid", None)
    return 1, tree_rss(pid, children()) if pid else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--idle", type=float, default=20.0, help="idle limit, seconds")
    parser.add_argument("--read", type=float, default=None,
                        help="reading time per notebook, seconds (default: 1.5 x --idle)")
    parser.add_argument("--no-cull", action="store_true", help="leave every kernel alive")
    parser.add_argument("filters", nargs="*", help="substrings of notebook names (default: all)")
    args = parser.parse_args(argv)
    if not Path("/proc/self/statm").exists():
        print("kernel_walk needs Linux's /proc", file=sys.stderr)
        return 2
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    paths = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    paths = [p for p in paths if not args.filters or any(f in p.name for f in args.filters)]
    read = args.read if args.read is not None else 1.5 * args.idle
    asyncio.run(walk(paths, args.idle, read, cull=not args.no_cull))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

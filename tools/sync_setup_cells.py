"""Write the Colab set-up block at the top of every notebook's setup cell, from one template.

    python3 tools/sync_setup_cells.py                 every notebook in notebooks/
    python3 tools/sync_setup_cells.py notebooks/03_*.ipynb
    python3 tools/sync_setup_cells.py --check         change nothing; exit 1 if a block is stale
    python3 tools/sync_setup_cells.py --url URL DIR   use another install URL (the Colab
                                                      simulation points it at a local checkout)

The block makes each notebook work on Google Colab unchanged: there (and only there: when
google.colab is importable and tutorial_lib is not) it installs tutorial_lib from INSTALL_URL
with `pip install --no-deps`, then only the dependencies that are missing, holding every package
Colab already has at its version (tutorial_lib/_install.py). Anywhere else it does nothing and
prints nothing, so stored outputs do not change.

INSTALL_URL below is the one place the course's install URL is written. Running the tool again
replaces the block between its two marker lines and changes nothing else: it is safe to run
repeatedly, and after adding notebooks. Only the standard library is used; notebooks are
rewritten with the same JSON layout nbconvert uses (indent 1, a final newline).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALL_URL = "git+https://github.com/kmeans-course/kmeans-course"

BEGIN = "# --- Colab set-up: written by tools/sync_setup_cells.py; elsewhere it does nothing ---"
END = "# --- end of Colab set-up ---"
TEMPLATE = '''\
{begin}
import importlib.util, runpy, subprocess, sys
if (importlib.util.find_spec("google") and importlib.util.find_spec("google.colab")
        and not importlib.util.find_spec("tutorial_lib")):
    print("Colab: installing tutorial_lib, the course's package, and what it needs ...")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "{url}"], check=True)
    importlib.invalidate_caches()
    runpy.run_path(importlib.util.find_spec("tutorial_lib").submodule_search_locations[0]
                   + "/_install.py", run_name="__main__")
{end}
'''


def block(url: str = INSTALL_URL) -> str:
    """The set-up block for install URL url, ending with a newline."""
    if '"' in url or "\\" in url or "\n" in url:
        raise ValueError(f"the install URL cannot hold quotes, backslashes or newlines: {url!r}")
    return TEMPLATE.format(begin=BEGIN, end=END, url=url)


def with_block(source: str, url: str = INSTALL_URL) -> str:
    """source (a setup cell's code) with the current block at its top, written once."""
    if source.startswith(BEGIN):
        end = source.find(END)
        if end < 0:
            raise ValueError(f"the set-up block has no end line {END!r}; restore it by hand")
        source = source[end + len(END):].lstrip("\n")
    elif BEGIN in source:
        raise ValueError("the set-up block is not at the top of the cell; move it there by hand")
    return block(url) + "\n" + source


def setup_cell(nb: dict, where: str) -> dict:
    """The notebook's first code cell, the setup cell of the course frame."""
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            return cell
    raise ValueError(f"{where}: no code cell, so no setup cell")


def as_lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def sync(path: Path, url: str = INSTALL_URL, check: bool = False) -> bool:
    """Put the current block in path's setup cell; return True if the file was (or would be)
    changed."""
    text = path.read_text(encoding="utf-8")
    nb = json.loads(text)
    cell = setup_cell(nb, path.name)
    source = "".join(cell["source"])
    new = with_block(source, url)
    if new == source:
        return False
    if not check:
        cell["source"] = as_lines(new)
        text = json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        path.write_text(text, encoding="utf-8")
    return True


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path,
                        help="notebooks or folders (default: notebooks/)")
    parser.add_argument("--url", default=INSTALL_URL, help="install URL (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="report stale blocks, change nothing")
    args = parser.parse_args(argv)
    paths = []
    for given in args.paths or [ROOT / "notebooks"]:
        paths += sorted(given.glob("[0-9][0-9]_*.ipynb")) if given.is_dir() else [given]
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1
    changed = [p for p in paths if sync(p, args.url, args.check)]
    verb = "would change" if args.check else "updated"
    for p in changed:
        print(f"{verb} {p.name}")
    print(f"{len(paths)} notebooks, {len(changed)} {verb}, {len(paths) - len(changed)} up to date")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""What the repository holds: no binaries or other large files that every clone downloads."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 1_000_000  # bytes; the largest notebook with its stored figures is well under this


def tracked_files():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (a downloaded ZIP, say): nothing is tracked")
    done = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [ROOT / name for name in done.stdout.split("\0") if name]


def too_big(paths, limit=LIMIT):
    """The paths of files over limit bytes, with their sizes, largest first."""
    sizes = [(p.stat().st_size, p) for p in paths if p.is_file()]
    return [(p, size) for size, p in sorted(sizes, reverse=True) if size > limit]


def test_too_big_finds_a_large_file(tmp_path):
    small, big = tmp_path / "small.txt", tmp_path / "big.whl"
    small.write_bytes(b"x" * 10)
    big.write_bytes(b"x" * 2_000)
    assert too_big([small, big], limit=1_000) == [(big, 2_000)]


def test_no_tracked_file_is_over_1_mb():
    files = tracked_files()
    assert files, "git lists no tracked file"
    found = [f"{p.relative_to(ROOT)} ({size / 1e6:.1f} MB)" for p, size in too_big(files)]
    assert not found, (
        f"tracked files over {LIMIT / 1e6:.0f} MB: {found}; keep binaries and build outputs "
        "out of git (see .gitignore)"
    )


def test_wheels_and_archives_are_ignored():
    ignore = (ROOT / ".gitignore").read_text().splitlines()
    for pattern in ("*.whl", "*.tar.gz", "*.zip"):
        assert pattern in ignore, f"{pattern} is not in .gitignore"

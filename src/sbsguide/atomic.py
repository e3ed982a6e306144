"""Writing files so that a reader never sees half of one: write beside, then rename.

Temporary files are named ``.NAME.sbs-PID-XXXX.tmp``: one left by a run that was killed (its
process is gone) is removed by the next write into the same folder. A set of files (a report's)
is staged whole before the first rename, so a failure while writing leaves the old set.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

_TEMPORARY = re.compile(r"\.(?P<name>.+)\.sbs-(?P<pid>\d+)-[^.]+\.tmp")


class ChangedSinceRead(Exception):
    """The file on disk is no longer what was read: replacing it would lose someone's edit."""


def write_text(path: Path, content: str) -> None:
    """Replace ``path`` with ``content`` (UTF-8) in one rename; the old file survives a crash."""
    write_bytes(path, content.encode("utf-8"))


def write_bytes(path: Path, content: bytes, *, expect: bytes | None = None) -> None:
    """Replace ``path`` with ``content`` in one rename, keeping the file's permissions.

    ``expect``: what the file held when it was read; if it holds anything else now, nothing is
    written and :class:`ChangedSinceRead` is raised.
    """
    temporary = _stage(path, content)
    try:
        if expect is not None and path.read_bytes() != expect:
            raise ChangedSinceRead(str(path))
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_set(folder: Path, files: Sequence[tuple[str, bytes]]) -> None:
    """Write several files into ``folder``: all are staged before any replaces its old version."""
    staged: list[tuple[Path, Path]] = []
    try:
        for name, content in files:
            staged.append((_stage(folder / name, content), folder / name))
        while staged:
            temporary, path = staged[0]
            os.replace(temporary, path)
            staged.pop(0)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def _stage(path: Path, content: bytes) -> Path:
    """``content`` in a synced temporary file beside ``path``, with ``path``'s permissions."""
    folder = path.parent if str(path.parent) else Path(".")
    _remove_leftovers(folder)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, name = tempfile.mkstemp(
        dir=folder, prefix=f".{path.name}.sbs-{os.getpid()}-", suffix=".tmp"
    )
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _remove_leftovers(folder: Path) -> None:
    """Remove the temporary files of sbs runs that were killed (their process is gone)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = _TEMPORARY.fullmatch(name)
        if match and not _alive(int(match["pid"])):
            Path(folder, name).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process: leave its file alone
    return True

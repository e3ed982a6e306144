"""Reading what the user names: regular files only, never more than the size limit (SPEC §6).

``stat()`` says 0 bytes for ``/dev/zero`` and a FIFO blocks whoever opens it, so a size check
before reading proves nothing. Every command reads through :func:`read_limited`: the path must
be a regular file before and after it is opened (without blocking), and at most the limit plus
one byte is ever read. Standard input (``sbs check -``) is the one exception to "regular files
only", and is bounded the same way.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

MAX_BYTES = 20 * 1024 * 1024
"""Largest file read, unless ``SBS_MAX_BYTES`` says otherwise (about 80,000 standards)."""

_CHUNK = 1 << 20


class BadLimit(ValueError):
    """``SBS_MAX_BYTES`` is not a positive integer: a usage error."""


class NotRegular(OSError):
    """The path is a FIFO, a device, a socket or a directory: never read (it may block)."""

    def __init__(self, kind: str) -> None:
        super().__init__(errno.EINVAL, kind)
        self.kind = kind  # fifo | device | socket | directory | other


class TooLarge(Exception):
    """More bytes than the limit: reading stopped at the limit plus one."""

    def __init__(self, read: int, limit: int) -> None:
        super().__init__(f"more than {limit} bytes")
        self.read = read
        self.limit = limit


def max_bytes() -> int:
    """The size limit in force; a value that is not a positive integer is a usage error."""
    configured = os.environ.get("SBS_MAX_BYTES")
    if configured is None:
        return MAX_BYTES
    value = configured.strip()
    if not value.isdecimal() or int(value) <= 0:
        raise BadLimit(configured)
    return int(value)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in the words of the messages."""
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISDIR(mode):
        return "directory"
    return "other"


def read_limited(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file, or :class:`NotRegular`, :class:`TooLarge`, ``OSError``."""
    limit = max_bytes() if limit is None else limit
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegular(kind_of(mode))
    # O_NONBLOCK: should the path become a FIFO between stat and open, open does not wait.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(kind_of(mode))
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return read_stream(stream, limit)
    finally:
        os.close(descriptor)


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of a stream (standard input), else :class:`TooLarge`."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise TooLarge(size, limit)


def human_size(size: int) -> str:
    """``20 MB``, ``512 KB``, ``0 B``: the units a person reads limits in."""
    if size >= 1024 * 1024:
        return f"{size / 2**20:.1f} MB".replace(".0 MB", " MB")
    if size >= 1024:
        return f"{size / 1024:.1f} KB".replace(".0 KB", " KB")
    return f"{size} B"

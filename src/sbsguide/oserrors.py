"""Why an operating-system call failed, in the run's language (never Python's English)."""

from __future__ import annotations

import errno

from sbsguide.messages import Lang

_ERRNO: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("路径不存在", "no such file or directory"),
    errno.EACCES: ("没有权限(文件只读或无权访问)", "permission denied (read-only or not yours)"),
    errno.EPERM: ("不允许的操作", "operation not permitted"),
    errno.EISDIR: ("这是一个目录", "it is a directory"),
    errno.ENOTDIR: ("路径中有一项不是目录", "a part of the path is not a directory"),
    errno.ELOOP: ("符号链接循环", "a loop of symbolic links"),
    errno.ENAMETOOLONG: ("名称过长", "the name is too long"),
    errno.ENOSPC: ("磁盘空间不足", "no space left on the device"),
    errno.EROFS: ("只读文件系统", "the file system is read-only"),
    errno.EEXIST: ("已存在", "it already exists"),
    errno.EIO: ("读写错误(I/O)", "an input/output error"),
    errno.EMFILE: ("打开的文件过多", "too many open files"),
    errno.EPIPE: ("输出管道已关闭", "the output pipe was closed"),
    errno.EXDEV: ("不能跨文件系统移动", "cannot move across file systems"),
}
_NOT_REGULAR = {
    "fifo": ("这是命名管道(FIFO)，不是普通文件", "it is a named pipe (FIFO), not a regular file"),
    "device": ("这是设备文件，不是普通文件", "it is a device, not a regular file"),
    "socket": ("这是套接字，不是普通文件", "it is a socket, not a regular file"),
    "directory": ("这是一个目录", "it is a directory"),
    "other": ("不是普通文件", "not a regular file"),
}


def os_reason(error: OSError, lang: Lang) -> str:
    """Why an operating-system call failed, in the run's language (never Python's English)."""
    kind = getattr(error, "kind", None)  # reading.NotRegular
    if isinstance(kind, str) and kind in _NOT_REGULAR:
        zh, en = _NOT_REGULAR[kind]
    elif error.errno in _ERRNO:
        zh, en = _ERRNO[error.errno]
    else:
        number = f"errno {error.errno}" if error.errno else type(error).__name__
        zh, en = f"系统错误({number})", f"system error ({number})"
    return zh if lang == "zh" else en

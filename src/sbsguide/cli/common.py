"""What the typer commands share: their options, output folders, reading a named source.

The usage error and the language and date options are in usage.py (typer-free).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from sbsguide.cli.usage import UsageError
from sbsguide.messages import Lang
from sbsguide.ui import text


def usable_folder(folder: Path, lang: Lang) -> None:
    """A folder that is, or can become, a folder: no file stands where a folder must be.

    ``a.txt/out`` would otherwise fail as "already exists" (mkdir) or "not writable" (access).
    """
    probe = folder
    while not probe.exists() and not probe.is_symlink() and probe != probe.parent:
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise UsageError(text("init-not-a-dir", lang, path=probe))
    if probe.is_symlink() and not probe.exists():  # a loop, or a link to nothing
        from sbsguide.oserrors import os_reason

        try:
            os.stat(probe)
        except OSError as error:  # said once, not once for every file written through it
            reason = os_reason(error, lang)
            raise UsageError(text("cannot-write", lang, path=probe, reason=reason)) from None


def write_file(path: Path, content: bytes, lang: Lang) -> None:
    """Write one output file atomically, its folder made; a failure is a usage error."""
    from sbsguide.atomic import write_bytes
    from sbsguide.oserrors import os_reason

    usable_folder(path.parent, lang)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, content)
    except OSError as error:
        reason = os_reason(error, lang)
        raise UsageError(text("cannot-write", lang, path=path, reason=reason)) from None


def output_folder(asked: Path | None, default: Path, lang: Lang) -> Path:
    """Where documents go: the folder asked for, else the default — never through a symlink.

    A symlinked default folder (committed into a repository, say) would make a CI run write
    wherever it points; an explicit folder may be a link, and the run says where it leads.
    """
    folder = asked or default
    if asked is None and folder.is_symlink():
        raise UsageError(text("report-default-symlink", lang, path=folder))
    try:
        usable_folder(folder, lang)
    except OSError as error:  # a name too long, a loop: said with the folder's name
        from sbsguide.oserrors import os_reason

        reason = os_reason(error, lang)
        raise UsageError(text("cannot-write", lang, path=folder, reason=reason)) from None
    if folder.is_symlink():
        real = os.path.realpath(folder)
        sys.stdout.write(text("report-symlink", lang, path=folder, target=real) + "\n")
    return folder


ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="配置文件(默认：最近的 .sbs/config.yaml)")
]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="检查日期(默认今天)")]
LangOption = Annotated[
    str | None, typer.Option("--lang", help="输出语言 zh|en(默认 zh，或环境变量 SBS_LANG)")
]

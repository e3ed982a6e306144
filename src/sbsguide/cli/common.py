"""What every command shares: the usage error, the language and date options, small helpers."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from sbsguide.messages import LANGS, Lang
from sbsguide.ui import text


class UsageError(Exception):
    """A mistake in how sbs was called: reported as a message, exit code 2."""


def usable_folder(folder: Path, lang: Lang) -> None:
    """A folder that is, or can become, a folder: no file stands where a folder must be.

    ``a.txt/out`` would otherwise fail as "already exists" (mkdir) or "not writable" (access).
    """
    probe = folder
    while not probe.exists() and not probe.is_symlink() and probe != probe.parent:
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise UsageError(text("init-not-a-dir", lang, path=probe))


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


def read_source(path: Path, lang: Lang) -> bytes:
    """A named system file for fix and report: bounded, regular files only (SPEC §6).

    An unreadable path is a usage error; a file over the limit is its ``yaml-syntax`` finding
    and exit 1, as `sbs check` reports it.
    """
    from sbsguide.oserrors import os_reason
    from sbsguide.reading import TooLarge, read_limited

    try:
        return read_limited(path)
    except TooLarge as too_large:
        from sbsguide.engine import too_large_finding
        from sbsguide.output.text_format import finding_line

        finding = too_large_finding(too_large.limit, lang)
        sys.stdout.write(finding_line(str(path), finding, lang) + "\n")
        raise typer.Exit(1) from None
    except OSError as error:
        reason = os_reason(error, lang)
        raise UsageError(text("cannot-open", lang, path=path, reason=reason)) from None


ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="配置文件(默认：最近的 .sbs/config.yaml)")
]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="检查日期(默认今天)")]
LangOption = Annotated[
    str | None, typer.Option("--lang", help="输出语言 zh|en(默认 zh，或环境变量 SBS_LANG)")
]


def lang_of(value: str | None) -> Lang:
    """The run's language: --lang, else SBS_LANG, else Chinese."""
    chosen = value or os.environ.get("SBS_LANG") or "zh"
    if chosen not in LANGS:
        raise UsageError(text("bad-lang", "zh", value=chosen))
    return "en" if chosen == "en" else "zh"


def as_of_date(value: str | None, lang: Lang) -> date:
    """The run date: --as-of, else today (SPEC §3)."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(text("bad-date", lang, value=value)) from None


def rule_names(value: str | None, lang: Lang) -> frozenset[str] | None:
    """Rule names of --select/--ignore, each checked against the registry."""
    if value is None:
        return None
    from sbsguide.rules import BY_NAME

    names = frozenset(n.strip() for n in value.split(",") if n.strip())
    for name in sorted(names):
        if name not in BY_NAME:
            raise UsageError(text("unknown-rule", lang, name=name))
    return names

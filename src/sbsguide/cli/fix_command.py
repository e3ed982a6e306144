"""`sbs fix`: apply the safe rewrites, or show them with --check."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from sbsguide.cli.common import ConfigOption, LangOption, read_source
from sbsguide.cli.usage import UsageError, as_of_date, lang_of
from sbsguide.oserrors import os_reason
from sbsguide.ui import text


def fix(
    path: Annotated[Path, typer.Argument(help="要修改的 system.yaml(默认 ./system.yaml)")] = Path(
        "system.yaml"
    ),
    check_only: Annotated[
        bool, typer.Option("--check", help="只显示差异，不修改；有改动时退出码为 1")
    ] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="按该日期判断标准是否被代替")] = None,
    config_file: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """安全修改：规范编号写法、替换被代替的版本、分配体系编号。Apply the safe rewrites."""
    from sbsguide import config
    from sbsguide.atomic import ChangedSinceRead
    from sbsguide.service import FixRefused, plan_fix, write_fix

    language = lang_of(lang)
    day = as_of_date(as_of, language)
    # As in `sbs check`: the parsed data is acyclic, so the cyclic collector only re-scans it.
    gc.freeze()
    gc.disable()
    raw = read_source(path, language)
    try:
        found = config_file or config.nearest(path)
        catalogues = config.load(found).catalogues if found else ()
        plan = plan_fix(raw, day, language, catalogues)
    except FixRefused:
        raise UsageError(text("fix-refused", language, path=path)) from None
    if plan.blocking:
        from sbsguide.output.text_format import finding_line

        for finding in plan.blocking:
            sys.stdout.write(finding_line(str(path), finding, language) + "\n")
        sys.stdout.write(text("fix-blocked", language, path=path) + "\n")
        raise typer.Exit(1)
    if not plan.changed:
        for line, what in plan.changes:  # what was left alone, and why
            sys.stdout.write(f"{path}:{line}: {what}\n")
        sys.stdout.write(text("fix-nothing", language, path=path) + "\n")
        _finish(0)
    if check_only:
        import difflib

        diff = difflib.unified_diff(
            plan.original.splitlines(keepends=True),
            plan.fixed.splitlines(keepends=True),
            fromfile=str(path),
            tofile=f"{path} (sbs fix)",
        )
        sys.stdout.write("".join(diff))
        _finish(1)
    try:
        write_fix(path, plan, raw)
    except ChangedSinceRead:
        raise UsageError(text("fix-changed", language, path=path)) from None
    except OSError as error:
        reason = os_reason(error, language)
        raise UsageError(text("cannot-write", language, path=path, reason=reason)) from None
    for line, what in plan.changes:
        sys.stdout.write(f"{path}:{line}: {what}\n")
    sys.stdout.write(text("fix-done", language, path=path, n=len(plan.changes)) + "\n")
    _finish(0)


def _finish(code: int) -> NoReturn:
    """Exit once everything is written, skipping the teardown of a large heap (as check does)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)

"""`sbs fix`, run: apply the safe rewrites, or show them with --check.

Typer-free, so that `sbs fix` in a pre-commit hook starts as fast as `sbs check` (cli/fast.py);
fix_command.py declares the same options for typer.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import NoReturn

from sbsguide.cli.usage import UsageError, as_of_date, lang_of, read_source
from sbsguide.oserrors import os_reason
from sbsguide.ui import text


def run(
    *,
    path: Path = Path("system.yaml"),
    check_only: bool = False,
    as_of: str | None = None,
    config_file: Path | None = None,
    lang: str | None = None,
) -> None:
    """The whole of `sbs fix` once its arguments are read; ends the process with its code."""
    gc.disable()  # as in `sbs check` (check_run.py): nothing cyclic to collect, imports included
    from sbsguide import config
    from sbsguide.service import FixRefused, plan_fix, write_fix

    language = lang_of(lang)
    day = as_of_date(as_of, language)
    raw = read_source(path, language)
    try:
        found = config_file or config.nearest(path)
        catalogues = config.load(found).catalogues if found else ()
        plan = plan_fix(raw, day, language, catalogues, prove=not check_only)
    except FixRefused:
        raise UsageError(text("fix-refused", language, path=path)) from None
    if plan.blocking:
        from sbsguide.output.text_format import finding_line

        for finding in plan.blocking:
            sys.stdout.write(finding_line(str(path), finding, language) + "\n")
        sys.stdout.write(text("fix-blocked", language, path=path) + "\n")
        _finish(1)
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
    from sbsguide.atomic import ChangedSinceRead  # (tempfile and shutil: only for writing)

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

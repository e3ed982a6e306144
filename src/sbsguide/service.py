"""The services behind the commands: check named paths; plan and write the fixes of a file."""

from __future__ import annotations

import codecs
import gc
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sbsguide.engine import CheckOptions, check_file
from sbsguide.files import targets
from sbsguide.findings import CheckResult, FileResult, Finding, Severity
from sbsguide.guide import load_guide
from sbsguide.messages import Lang

PARALLEL_FROM = 16
"""Below this many files a batch is checked in this process: starting workers costs more."""


def run_check(
    names: list[str],
    options: CheckOptions,
    *,
    strict: bool = False,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    stdin_name: str | None = None,
    config_file: Path | None = None,
    flagged: tuple[frozenset[str] | None, frozenset[str] | None] = (None, None),
) -> CheckResult:
    """Check every file the names lead to, in parallel for large batches, in input order.

    A file that cannot be opened is listed with its reason; a broken file never stops a batch.
    ``progress(done, total)`` is called as files finish. Workers never outnumber the cores or
    the files: more would only cost their start-up.
    """
    found = targets(names, options.lang, stdin_name)
    per_file = [file_options(t.path, t.stdin, options, config_file, flagged) for t in found]
    readable = [t for t in found if not t.error]
    cores = os.cpu_count() or 1
    workers = max(1, min(jobs or cores, cores, len(readable)))
    if any(t.stdin for t in readable):
        workers = 1  # standard input belongs to this process
    checked: dict[int, list[FileResult]] = {}
    if workers > 1 and len(readable) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {
                pool.submit(check_file, t.path, t.shown, per_file[i]): i
                for i, t in enumerate(found)
                if not t.error
            }
            for done, future in enumerate(as_completed(futures), 1):
                checked[futures[future]] = future.result()
                if progress:
                    progress(done, len(futures))
    else:
        for done, (i, target) in enumerate((i, t) for i, t in enumerate(found) if not t.error):
            checked[i] = check_file(target.path, target.shown, per_file[i], stdin=target.stdin)
            if done % 50 == 49:
                gc.collect()  # the command pauses the collector; a long batch still frees cycles
            if progress:
                progress(done + 1, len(readable))
    results = [
        result
        for i, t in enumerate(found)
        for result in checked.get(i, [FileResult(t.shown, error=t.error)])
    ]
    catalogues = tuple(dict.fromkeys(c for o in per_file for c in o.catalogues))
    return CheckResult(results, options.as_of, load_guide().id, options.lang, strict, catalogues)


def file_options(
    path: Path,
    stdin: bool,
    options: CheckOptions,
    config_file: Path | None,
    flagged: tuple[frozenset[str] | None, frozenset[str] | None],
) -> CheckOptions:
    """One file's options: its nearest configuration (or --config) under the run's flags.

    The configuration chooses the rules, their severities and the extra catalogues; a flag
    given on the command line wins over it (SPEC §6).
    """
    from dataclasses import replace

    from sbsguide import config

    found = config_file or config.nearest(Path.cwd() if stdin else path)
    settings = config.load(found) if found else config.Config()
    flag_select, flag_ignore = flagged
    select = flag_select if flag_select is not None else settings.select
    ignore = flag_ignore if flag_ignore is not None else (settings.ignore or frozenset())
    # a flag wins over the file rule by rule: --select X runs X even where the file ignores it
    if select is not None and flag_ignore:
        select = select - flag_ignore
    return replace(
        options,
        select=select,
        ignore=ignore - (flag_select or frozenset()),
        severity=settings.severity,
        catalogues=settings.catalogues,
        configurations=(str(found),) if found else (),
    )


class FixRefused(Exception):
    """The fixed text would not load cleanly: nothing is written (a bug to report)."""


@dataclass(slots=True)
class FixPlan:
    """What `sbs fix` would do to one file."""

    original: str
    fixed: str
    changes: list[tuple[int, str]] = field(default_factory=list)
    blocking: list[Finding] = field(default_factory=list)  # syntax, schema or encoding errors
    encoding: str = "utf-8"
    bom: bytes = b""

    @property
    def changed(self) -> bool:
        """Whether the file would change."""
        return self.fixed != self.original

    def encoded(self) -> bytes:
        """The fixed file in the file's own encoding (and BOM)."""
        return self.bom + self.fixed.encode(self.encoding)


_LOAD_RULES = frozenset({"file-encoding"})  # yaml-syntax and schema are always reported


def plan_fix(
    raw: bytes,
    as_of: date,
    lang: Lang,
    catalogues: tuple[str, ...] = (),
    *,
    prove: bool = True,
) -> FixPlan:
    """The safe rewrites of a file's content; refused (``blocking``) unless it loads cleanly.

    One parse with exact spans plans the edits; with ``prove``, one more proves the fixed text
    still loads before anything is written. ``sbs fix --check`` writes nothing and shows the
    changes only, so it needs no proof (it is a third of its time on a large file).
    """
    from sbsguide import fix
    from sbsguide.engine import load_stage

    options = CheckOptions(as_of=as_of, lang=lang, select=_LOAD_RULES)
    loaded = load_stage(raw, options, spans=True)
    blocking = sorted(
        (f for f in loaded.findings if f.severity is Severity.ERROR), key=lambda f: f.sort_key
    )
    text, system, document = loaded.text, loaded.system, loaded.document
    if blocking or text is None or system is None or document is None:
        return FixPlan(text or "", text or "", blocking=blocking)
    encoding = {"GB18030": "gb18030", "UTF-8": "utf-8", "UTF-32": "utf-32"}.get(
        loaded.encoding, "utf-16"
    )
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    changes = fix.plan(text, system, document.source, as_of, load_guide(), catalogues)
    fixed = fix.apply(text, changes)
    plan = FixPlan(
        text,
        fixed,
        fix.changed_lines(text, changes, lang),
        encoding=encoding,
        bom=b"" if encoding in ("utf-16", "utf-32") else bom,
    )
    if prove and plan.changed and _does_not_load(plan.encoded(), options, document.masked):
        raise FixRefused("the fixed text does not load")
    return plan


def _does_not_load(fixed: bytes, options: CheckOptions, masked: bool) -> bool:
    """The safety net: a fixed text that would not load is never written (positions unneeded)."""
    from sbsguide.engine import load_stage

    return load_stage(fixed, options, masked_first=masked, positions=False).blocked


def write_fix(path: Path, plan: FixPlan, original: bytes) -> Path:
    """Write the fixed file in one rename (the old file survives an interruption).

    Through a symbolic link, the file it points to is rewritten and the link kept. A file that
    is read-only, or that changed since ``original`` was read, is refused (``PermissionError``,
    :class:`~sbsguide.atomic.ChangedSinceRead`). Returns the file written.
    """
    import errno
    import stat

    from sbsguide.atomic import write_bytes

    target = Path(os.path.realpath(path))
    mode = target.stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "read-only", str(path))
    write_bytes(target, plan.encoded(), expect=original)
    return target

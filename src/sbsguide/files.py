"""Which files a `sbs check` run reads (SPEC §4, §6)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sbsguide.messages import Lang
from sbsguide.oserrors import os_reason
from sbsguide.reading import NotRegular, kind_of
from sbsguide.ui import text

_SKIPPED_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}
SYSTEM_NAMES = ("system.yaml", "system.yml")
"""File names a directory scan (and the pre-commit hook) takes, besides ``*.sbs.yaml``."""
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Target:
    """A file to check, as the user will see it named; or why a named path cannot be checked."""

    path: Path
    shown: str
    error: str | None = None
    stdin: bool = False


def is_system_file(name: str) -> bool:
    """Whether a directory scan checks a file of this name."""
    return name in SYSTEM_NAMES or name.endswith(".sbs.yaml")


def targets(names: list[str], lang: Lang, stdin_name: str | None = None) -> list[Target]:
    """The files that ``names`` lead to.

    No name: ``./system.yaml``. ``-``: standard input, shown as ``stdin_name``. A file: itself,
    whatever its name. A directory: every ``system.yaml``, ``system.yml`` and ``*.sbs.yaml``
    below it. FIFOs, devices and sockets are refused here, before anything opens them.
    """
    if not names:
        here = Path("system.yaml")
        reason = None if here.is_file() else text("no-system-here", lang)
        return [Target(here, "system.yaml", reason)]
    found: list[Target] = []
    for name in names:
        if name == STDIN:
            found.append(Target(Path(STDIN), stdin_name or STDIN, stdin=True))
            continue
        path = Path(name)
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            found.append(Target(path, name, os_reason(error, lang)))
            continue
        if stat.S_ISDIR(mode):
            inside = sorted(_systems_below(path))
            found += [Target(p, str(p)) for p in inside] or [
                Target(path, name, text("no-system-in-dir", lang))
            ]
        elif stat.S_ISREG(mode):
            found.append(Target(path, name))
        else:
            found.append(Target(path, name, os_reason(NotRegular(kind_of(mode)), lang)))
    return found


def _systems_below(root: Path) -> list[Path]:
    systems: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS]
        systems += [Path(folder, f) for f in files if is_system_file(f)]
    return systems


RECORDS_NAMES = ("records.yaml", "实施与评价记录.xlsx", "implementation-records.xlsx")
"""A system file's records, first found first: the YAML is preferred to the workbook (SPEC §7).

For ``NAME.sbs.yaml`` the same names with ``NAME.`` before them (``NAME.records.yaml``).
"""


def records_beside(system_path: Path) -> Path | None:
    """The records file of a system file, if the agency keeps one.

    Anything at that name counts, a FIFO or a dangling link too: reading it then says what is
    wrong, rather than a report that silently leaves the records out.
    """
    folder, name = system_path.parent, system_path.name
    stem = name[: -len(".sbs.yaml")] if name.endswith(".sbs.yaml") else ""
    for records in RECORDS_NAMES:
        candidate = folder / (f"{stem}.{records}" if stem else records)
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return None

"""Which files a `sbs check` run reads (SPEC §4)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sbsguide.messages import Lang
from sbsguide.ui import text

_SKIPPED_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


@dataclass(frozen=True, slots=True)
class Target:
    """A file to check, as the user will see it named; or why a named path cannot be checked."""

    path: Path
    shown: str
    error: str | None = None


def targets(names: list[str], lang: Lang) -> list[Target]:
    """The files that ``names`` lead to.

    No name: ``./system.yaml``. A file: itself, whatever its name. A directory: every
    ``system.yaml`` and ``*.sbs.yaml`` below it.
    """
    if not names:
        here = Path("system.yaml")
        reason = None if here.is_file() else text("no-system-here", lang)
        return [Target(here, "system.yaml", reason)]
    found: list[Target] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            inside = sorted(_systems_below(path))
            found += [Target(p, str(p)) for p in inside] or [
                Target(path, name, text("no-system-in-dir", lang))
            ]
        elif path.exists():
            found.append(Target(path, name))
        else:
            found.append(Target(path, name, text("not-found", lang)))
    return found


def _systems_below(root: Path) -> list[Path]:
    systems: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS]
        systems += [Path(folder, f) for f in files if f == "system.yaml" or f.endswith(".sbs.yaml")]
    return systems

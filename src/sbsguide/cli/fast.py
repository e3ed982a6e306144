"""`sbs check`'s arguments read without typer, for the invocations people type and CI runs.

Building the typer application costs about 0.2 s, more than checking a 100-standard file. The
options of `sbs check` are few and plain, so they are read here; anything this reader is not
sure of — help, an unknown option, a missing or malformed value, ``--`` — goes to typer, which
says what is wrong exactly as before. Both paths end in :func:`check_run.run`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_VALUES = {
    "--format": "output_format",
    "--output": "output",
    "--select": "select",
    "--ignore": "ignore",
    "--as-of": "as_of",
    "--jobs": "jobs",
    "--config": "config_file",
    "--stdin-filename": "stdin_filename",
    "--lang": "lang",
}
_REPEATED = frozenset({"output_format", "output"})
_FLAGS = {
    "--strict": ("strict", True),
    "--no-strict": ("strict", False),
    "--no-waivers": ("no_waivers", True),
    "--show-config": ("show_config", True),
}


def check_arguments(argv: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of :func:`check_run.run`, or None: let typer read them."""
    if not argv or argv[0] != "check":
        return None
    found: dict[str, Any] = {"paths": []}
    rest = iter(argv[1:])
    for argument in rest:
        if argument in _FLAGS:
            flag, on = _FLAGS[argument]
            found[flag] = on
            continue
        option, equals, inline = argument.partition("=")
        if option in _VALUES:
            value = inline if equals else next(rest, None)
            if value is None:
                return None  # a missing value: typer says so
            name = _VALUES[option]
            if name in _REPEATED:
                found.setdefault(name, []).append(value)
            else:
                found[name] = value
            continue
        if argument.startswith("-") and argument != "-":
            return None  # --help, --, an unknown or misspelt option
        found["paths"].append(argument)
    return _typed(found)


def _typed(found: dict[str, Any]) -> dict[str, Any] | None:
    """Values as typer would make them: paths as Path, --jobs a whole number of at least 1."""
    if "jobs" in found:
        jobs = found["jobs"].strip()
        if not jobs.isdigit() or int(jobs) < 1:
            return None  # typer's message says what --jobs takes
        found["jobs"] = int(jobs)
    if "output" in found:
        found["output"] = [Path(p) for p in found["output"]]
    if "config_file" in found:
        found["config_file"] = Path(found["config_file"])
    found["paths"] = found["paths"] or None
    return found

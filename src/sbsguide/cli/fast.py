"""`sbs check` and `sbs fix` arguments read without typer, for what people type and CI runs.

Building the typer application costs about 0.2 s, more than checking a 100-standard file. The
options of these two commands are few and plain, so they are read here; anything this reader is
not sure of — help, an unknown option, a missing or malformed value, ``--`` — goes to typer,
which says what is wrong exactly as before. Both paths end in check_run.run or fix_run.run.
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


def fast_command(argv: list[str]) -> tuple[str, dict[str, Any]] | None:
    """(command, keyword arguments of its ``run``), or None: let typer read them."""
    if argv and argv[0] == "check":
        found = check_arguments(argv)
        return ("check", found) if found is not None else None
    if argv and argv[0] == "fix":
        found = fix_arguments(argv)
        return ("fix", found) if found is not None else None
    return None


_FIX_VALUES = {"--as-of": "as_of", "--config": "config_file", "--lang": "lang"}


def fix_arguments(argv: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of :func:`fix_run.run`, or None: let typer read them."""
    found: dict[str, Any] = {}
    paths: list[str] = []
    rest = iter(argv[1:])
    for argument in rest:
        if argument == "--check":
            found["check_only"] = True
            continue
        option, equals, inline = argument.partition("=")
        if option in _FIX_VALUES:
            value = inline if equals else next(rest, None)
            if value is None:
                return None
            found[_FIX_VALUES[option]] = value
            continue
        if argument.startswith("-"):
            return None  # --help, standard input, an unknown option: typer says
        paths.append(argument)
    if len(paths) > 1:
        return None  # one file at a time: typer says so
    if paths:
        found["path"] = Path(paths[0])
    if "config_file" in found:
        found["config_file"] = Path(found["config_file"])
    return found


def check_arguments(argv: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of :func:`check_run.run`, or None: let typer read them."""
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

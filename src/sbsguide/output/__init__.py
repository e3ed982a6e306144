"""Formatters of a check result: pure functions from :class:`CheckResult` to text.

Each format's module is imported when that format is asked for: `sbs check` prints text or one
machine format, and the others (JUnit's XML library among them) would only slow its start.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator

from sbsguide.findings import CheckResult

Formatter = Callable[[CheckResult], str]

MACHINE_FORMATS = {
    "json": "json_format",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
}
"""Formats whose whole document goes to stdout or --output (their modules); messages go to
stderr."""


def formatter(name: str) -> Formatter:
    """The ``render`` of a machine format."""
    module = importlib.import_module(f"sbsguide.output.{MACHINE_FORMATS[name]}")
    render: Formatter = module.render
    return render


def pieces(name: str, result: CheckResult) -> Iterator[str]:
    """A machine format's document in pieces: JSON as it is made, the others whole."""
    if name == "json":
        from sbsguide.output.json_format import chunks

        yield from chunks(result)
    else:
        yield formatter(name)(result)

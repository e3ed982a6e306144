"""Formatters of a check result: pure functions from :class:`CheckResult` to text."""

from __future__ import annotations

from collections.abc import Callable

from sbsguide.findings import CheckResult
from sbsguide.output import github, gitlab, json_format, junit, sarif

Formatter = Callable[[CheckResult], str]

MACHINE_FORMATS: dict[str, Formatter] = {
    "json": json_format.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "gitlab": gitlab.render,
}
"""Formats whose whole document goes to stdout or --output; messages go to stderr."""

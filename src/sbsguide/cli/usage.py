"""The typer-free part of the command line: the usage error and the options every command reads.

`sbs check` runs without typer (cli/fast.py); what it shares with the other commands lives here.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from sbsguide.messages import LANGS, Lang
from sbsguide.ui import text


class UsageError(Exception):
    """A mistake in how sbs was called: reported as a message, exit code 2."""


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
        raise SystemExit(1) from None
    except OSError as error:
        reason = os_reason(error, lang)
        raise UsageError(text("cannot-open", lang, path=path, reason=reason)) from None

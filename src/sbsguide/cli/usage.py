"""The typer-free part of the command line: the usage error and the options every command reads.

`sbs check` runs without typer (cli/fast.py); what it shares with the other commands lives here.
"""

from __future__ import annotations

import os
from datetime import date

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

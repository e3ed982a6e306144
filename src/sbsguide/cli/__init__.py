"""The `sbs` command line: parse options → one service call → render → exit code. Nothing else.

Each command lives in its own module here; this one builds the app and is the one place that
turns exceptions into messages (:func:`main`): user errors become a clear message and exit 2.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from sbsguide import __version__
from sbsguide.cli import (
    check_command,
    fix_command,
    import_command,
    info_commands,
    init_command,
    report_command,
)
from sbsguide.cli.common import UsageError
from sbsguide.messages import Lang
from sbsguide.ui import text

app = typer.Typer(
    name="sbs",
    help="中小企业公共服务标准体系检查工具(依据 DB53/T XXXX—2023)。"
    "Check an SME public-service standard system against the Yunnan guide.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
)


def _version(value: bool) -> None:
    if value:
        from sbsguide.guide import load_guide

        guide = load_guide()
        typer.echo(f"sbs {__version__} ({guide.id} {guide.edition})")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="显示版本和所依据的指南"),
    ] = False,
) -> None:
    """sbs: 中小企业公共服务标准体系 — check, explain, and (soon) scaffold and report."""


app.command()(init_command.init)
app.command()(check_command.check)
app.command()(report_command.report)
app.command()(fix_command.fix)
app.command(name="import")(import_command.import_table)
app.command()(info_commands.rules)
app.command()(info_commands.explain)
app.command()(info_commands.catalog)
app.command()(info_commands.schema)


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except UsageError as error:
        sys.stderr.write(f"sbs: {error}\n")
        sys.exit(2)
    except Exception as error:  # the last guard: a user never sees a traceback (DEVELOPERS.md)
        if os.environ.get("SBS_DEBUG"):
            raise
        sys.stderr.write(
            text("internal", _lang_for_crash(), error=f"{type(error).__name__}: {error}") + "\n"
        )
        sys.exit(2)


def _lang_for_crash() -> Lang:
    """The language asked for, read from the raw arguments (the parser may not have run)."""
    args = sys.argv[1:]
    asked = [a.split("=", 1)[1] for a in args if a.startswith("--lang=")]
    asked += [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--lang"]
    chosen = asked[-1] if asked else os.environ.get("SBS_LANG", "zh")
    return "en" if chosen == "en" else "zh"

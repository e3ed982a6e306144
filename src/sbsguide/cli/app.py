"""The typer application: every command and its options, and the parser's errors in words.

Built only when a command needs it: the common `sbs check` invocations are read by cli/fast.py
without it.
"""

from __future__ import annotations

import importlib
import re
from typing import Annotated, Any

import typer

from sbsguide import __version__
from sbsguide.cli import (
    check_command,
    draft_command,
    evaluate_command,
    fix_command,
    import_command,
    info_commands,
    init_command,
    lsp_command,
    report_command,
)
from sbsguide.cli.usage import UsageError
from sbsguide.messages import Lang
from sbsguide.ui import text

# The parser's exceptions: those of the copy of click that newer typer releases carry, else
# click's (click itself may be installed beside them, by another package, and is then not used).
try:
    _CLICK: Any = importlib.import_module("typer._click.exceptions")
except ImportError:
    _CLICK = importlib.import_module("click.exceptions")

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
        from sbsguide.catalogue import built
        from sbsguide.guide import load_guide

        guide = load_guide()
        typer.echo(f"sbs {__version__} ({guide.id} {guide.edition}; catalogue {built()})")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="显示版本和所依据的指南"),
    ] = False,
) -> None:
    """sbs: 中小企业公共服务标准体系 — check, report, draft and evaluate."""


app.command()(init_command.init)
app.command()(check_command.check)
app.command()(report_command.report)
app.command()(fix_command.fix)
app.command()(draft_command.draft)
app.command()(evaluate_command.evaluate)
app.command(name="import")(import_command.import_table)
app.command()(info_commands.rules)
app.command()(info_commands.explain)
app.command()(info_commands.catalog)
app.command()(info_commands.schema)
app.command()(lsp_command.lsp)


def run_app(lang: Lang) -> int:
    """Run the command the arguments name; the parser's errors become usage errors."""
    try:
        code = app(standalone_mode=False)
    except _CLICK.NoArgsIsHelpError as error:
        error.show()
        raise SystemExit(2) from None
    except _CLICK.UsageError as error:
        raise UsageError(_usage_message(error, lang)) from None
    except typer.Abort:
        raise UsageError(text("aborted", lang)) from None
    return code if isinstance(code, int) else 0


def _usage_message(error: Any, lang: Lang) -> str:
    """The parser's own usage errors in the run's language (it speaks only English)."""
    command = error.ctx.command_path if getattr(error, "ctx", None) else "sbs"
    see = text("see-help", lang, command=command)
    unknown = re.match(r"No such command ['\"]([^'\"]+)['\"]", error.format_message())
    if unknown:
        return _no_such_command(unknown[1], lang) + (f" ({see})" if lang == "en" else f"({see})")
    if lang == "en":
        return f"{error.format_message()} ({see})"
    param = getattr(error, "param", None)
    name = "/".join(getattr(param, "opts", None) or []) or getattr(param, "name", None) or ""
    if isinstance(error, _CLICK.NoSuchOption):
        return text("no-such-option", lang, option=error.option_name) + f"({see})"
    if isinstance(error, _CLICK.MissingParameter):
        return text("missing-parameter", lang, name=name or "?") + f"({see})"
    if isinstance(error, _CLICK.BadParameter):
        return text("bad-parameter", lang, name=name or "?") + _expected(param, lang) + f"({see})"
    return text("bad-usage", lang) + f"({see})"


def _no_such_command(name: str, lang: Lang) -> str:
    """``sbs chek``: the command asked for does not exist; the one meant, when one is close."""
    import difflib

    commands = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    close = difflib.get_close_matches(name, commands, n=1)
    if close:
        return text("no-such-command-suggest", lang, name=name, close=close[0])
    listed = ("、" if lang == "zh" else ", ").join(commands)
    return text("no-such-command", lang, name=name, commands=listed)


def _expected(param: Any, lang: Lang) -> str:
    """What a numeric option takes, said plainly (``--jobs 0``)."""
    low = getattr(getattr(param, "type", None), "min", None)
    if low is None:
        low = next((getattr(m, "ge", None) for m in getattr(param, "metadata", []) or []), None)
    if low is None and getattr(param, "name", "") == "jobs":
        low = 1
    return text("expected-min", lang, low=low) if low is not None else ""

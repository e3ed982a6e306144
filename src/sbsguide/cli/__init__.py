"""The `sbs` command line: parse options → one service call → render → exit code. Nothing else.

Each command lives in its own module here; this one builds the app and is the one place that
turns exceptions into messages (:func:`main`): user errors become a clear message and exit 2.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from typing import Annotated, Any, NoReturn

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
    report_command,
)
from sbsguide.cli.common import UsageError
from sbsguide.config import ConfigError
from sbsguide.messages import Lang
from sbsguide.oserrors import os_reason
from sbsguide.ui import text

# The parser's exceptions: click's, or the copy of click that newer typer releases carry.
try:
    _CLICK: Any = importlib.import_module("click.exceptions")
except ImportError:
    _CLICK = importlib.import_module("typer._click.exceptions")

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


def main() -> None:
    """Entry point of the console script: the one place that turns errors into messages."""
    try:
        _check_limit()
        code = app(standalone_mode=False)
    except UsageError as error:
        _fail(str(error))
    except ConfigError as error:
        _fail(error.render(_lang_for_crash()))
    except _CLICK.NoArgsIsHelpError as error:
        error.show()
        sys.exit(2)
    except _CLICK.UsageError as error:
        _fail(_usage_message(error, _lang_for_crash()))
    except typer.Abort:
        _fail(text("aborted", _lang_for_crash()))
    except OSError as error:  # a file the command could not use, or the output went away
        lang = _lang_for_crash()
        if getattr(error, "filename", None):
            _fail(text("os-error-path", lang, path=error.filename, reason=os_reason(error, lang)))
        # What stdout still buffers can never be written: point it at /dev/null, so that the
        # interpreter's last flush does not fail again on the way out.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        _fail(text("cannot-write-stdout", lang, reason=os_reason(error, lang)))
    except Exception as error:  # the last guard: a user never sees a traceback (DEVELOPERS.md)
        if os.environ.get("SBS_DEBUG"):
            raise
        _fail(text("internal", _lang_for_crash(), error=f"{type(error).__name__}: {error}"))
    sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str) -> NoReturn:
    sys.stderr.write(f"sbs: {message}\n")
    sys.exit(2)


def _check_limit() -> None:
    """A bad ``SBS_MAX_BYTES`` is a usage error for every command, before anything is read."""
    from sbsguide.reading import BadLimit, max_bytes

    try:
        max_bytes()
    except BadLimit as error:
        raise UsageError(text("bad-limit", _lang_for_crash(), value=error)) from None


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


def _lang_for_crash() -> Lang:
    """The language asked for, read from the raw arguments (the parser may not have run)."""
    args = sys.argv[1:]
    asked = [a.split("=", 1)[1] for a in args if a.startswith("--lang=")]
    asked += [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--lang"]
    chosen = asked[-1] if asked else os.environ.get("SBS_LANG", "zh")
    return "en" if chosen == "en" else "zh"

"""The `sbs` command line: parse options → one service call → render → exit code. Nothing else.

Each command lives in its own module here; app.py builds the typer application. :func:`main` is
the one place that turns exceptions into messages: user errors become a clear message and exit 2.
The common `sbs check` and `sbs fix` invocations are read by fast.py without building it at all:
typer costs more to start than the check of a 100-standard file (SPEC §7, issue 23).
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from sbsguide.cli.usage import UsageError
from sbsguide.messages import Lang
from sbsguide.ui import text


def main() -> None:
    """Entry point of the console script: the one place that turns errors into messages."""
    from sbsguide.config import ConfigError
    from sbsguide.oserrors import os_reason

    # sbs's models use no pydantic plugin; looking for installed ones reads every package's
    # metadata (importlib.metadata, email, socket …): 6 % of checking a 100-standard file
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        _check_limit()
        from sbsguide.cli.fast import fast_command

        fast = fast_command(sys.argv[1:])
        if fast is not None:
            import importlib

            command, arguments = fast
            importlib.import_module(f"sbsguide.cli.{command}_run").run(**arguments)
            code = 0
        else:
            from sbsguide.cli.app import run_app

            code = run_app(_lang_for_crash())
    except UsageError as error:
        _fail(str(error))
    except ConfigError as error:
        _fail(error.render(_lang_for_crash()))
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
    sys.exit(code)


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


def _lang_for_crash() -> Lang:
    """The language asked for, read from the raw arguments (the parser may not have run)."""
    args = sys.argv[1:]
    asked = [a.split("=", 1)[1] for a in args if a.startswith("--lang=")]
    asked += [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--lang"]
    chosen = asked[-1] if asked else os.environ.get("SBS_LANG", "zh")
    return "en" if chosen == "en" else "zh"

"""`sbs check`, run: check files, print every output format asked, exit with one code.

Typer-free, so that the common invocations start fast (cli/fast.py); check_command.py declares
the same options for typer, for help and for the unusual ones.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sbsguide.cli.usage import UsageError, as_of_date, lang_of, rule_names
from sbsguide.messages import Lang
from sbsguide.oserrors import os_reason
from sbsguide.ui import text

if TYPE_CHECKING:
    from sbsguide.config import Config

FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab")


def run(
    *,
    paths: list[str] | None = None,
    output_format: list[str] | None = None,
    output: list[Path] | None = None,
    strict: bool | None = None,
    select: str | None = None,
    ignore: str | None = None,
    no_waivers: bool = False,
    as_of: str | None = None,
    jobs: int | None = None,
    config_file: Path | None = None,
    show_config: bool = False,
    stdin_filename: str | None = None,
    lang: str | None = None,
) -> None:
    """The whole of `sbs check` once its arguments are read; ends the process with its code."""
    # What a check makes is acyclic and lives until the process ends: the cyclic collector would
    # only re-scan it, and the modules imported next (pydantic's thousands of objects) too
    # (10,000 standards: validation 0.12 s → 0.03 s; the start of every check ≈ 10 % less CPU).
    gc.disable()
    from sbsguide import config
    from sbsguide.engine import CheckOptions
    from sbsguide.service import run_check

    run_config = _run_config(config_file, lang)
    flagged = (rule_names(select, lang_of(lang)), rule_names(ignore, lang_of(lang)))
    both = sorted((flagged[0] or frozenset()) & (flagged[1] or frozenset()))
    if both:
        raise UsageError(text("select-and-ignore", lang_of(lang), name=both[0]))
    settings = config.effective(
        run_config,
        select=flagged[0],
        ignore=flagged[1],
        strict=strict,
        lang=lang,
        env_lang=os.environ.get("SBS_LANG"),
    )
    language = lang_of(settings.lang)
    if show_config:
        _show_config(paths or [], config_file, settings, language)
        return None
    destinations = _destinations(output_format or ["text"], output or [], language)
    options = CheckOptions(
        as_of=as_of_date(as_of, language),
        lang=language,
        use_waivers=not no_waivers,
        keep_args=False,  # no document is written: 100,000 standards' findings, 20 MB less
    )
    _warn_without_c_parser(language)
    with _progress_bar(language) as progress:
        result = run_check(
            paths or [],
            options,
            strict=settings.strict,
            jobs=jobs,
            progress=progress,
            stdin_name=stdin_filename,
            config_file=config_file,
            flagged=flagged,
        )
    for name, target in destinations:
        _emit(name, target, result, language)
    # Everything is written and closed: skip the interpreter's teardown of a large heap
    # (measured at 100,000 standards: 1.2 s of 8.8 s).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(result.exit_code())


def _run_config(config_file: Path | None, lang: str | None) -> Config | None:
    """The configuration of the run-wide settings: --config, else the one nearest here."""
    from sbsguide import config

    found = config_file or config.nearest(Path.cwd())
    if config_file is not None and not config_file.is_file():
        raise UsageError(text("cannot-open", lang_of(lang), path=config_file, reason="—"))
    return config.load(found) if found else None


def _show_config(paths: list[str], config_file: Path | None, settings: object, lang: Lang) -> None:
    """The effective settings and where each came from, for the run and for each named path."""
    from sbsguide import config

    assert isinstance(settings, config.Settings)
    out = sys.stdout.write
    out(text("config-run", lang) + "\n")
    values = {
        "select": ", ".join(sorted(settings.select)) if settings.select else "(all)",
        "ignore": ", ".join(sorted(settings.ignore)) or "—",
        "strict": str(settings.strict).lower(),
        "lang": settings.lang,
    }
    for key, value in values.items():
        out(f"  {key}: {value}    [{settings.origins[key]}]\n")
    for name in paths or ["."]:
        found = config_file or config.nearest(Path(name))
        loaded = config.load(found) if found else config.Config()
        out(text("config-file", lang, path=name, config=found or "—") + "\n")
        severity = ", ".join(f"{rule}: {level}" for rule, level in loaded.severity) or "—"
        origin = loaded.origin("severity") if loaded.severity else "default"
        out(f"  severity: {severity}    [{origin}]\n")
        shown = ", ".join(loaded.catalogues) or "—"
        origin = loaded.origin("catalogues") if loaded.catalogues else "default"
        out(f"  catalogues: {shown}    [{origin}]\n")


@contextmanager
def _progress_bar(lang: Lang) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr for long batches on a terminal; none when piped or in CI."""
    if not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("NO_COLOR"):
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = (
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(text("checking", lang), total=None, visible=False)

        def advance(done: int, total: int) -> None:
            if total >= 10:  # a bar for a handful of files is only noise
                bar.update(task, completed=done, total=total, visible=True)

        yield advance


def _destinations(
    formats: list[str], outputs: list[Path], lang: Lang
) -> list[tuple[str, Path | None]]:
    """Pair each --format with its --output in order; at most one goes to stdout."""
    names = [n.strip() for value in formats for n in value.split(",") if n.strip()]
    for name in names:
        if name not in FORMATS:
            raise UsageError(text("bad-format", lang, value=name, formats=" | ".join(FORMATS)))
    if len(outputs) > len(names) or len(names) - len(outputs) > 1:
        raise UsageError(text("format-output-pairs", lang))
    return [(name, outputs[i] if i < len(outputs) else None) for i, name in enumerate(names)]


def _emit(name: str, target: Path | None, result: object, lang: Lang) -> None:
    from sbsguide.findings import CheckResult
    from sbsguide.output import pieces, text_format

    assert isinstance(result, CheckResult)
    if name == "github":
        from sbsguide.output import github

        github.append_step_summary(result)
    if name == "text" and target is None:
        _print_text(text_format.lines(result))
        return
    if target is None and name != "text":
        for piece in pieces(name, result):  # a large document is written as it is made
            sys.stdout.write(piece)
        return
    document = text_format.render(result) if name == "text" else "".join(pieces(name, result))
    if target is None:
        sys.stdout.write(document)
    else:
        _write(target, document, lang)


def _warn_without_c_parser(lang: Lang) -> None:
    from sbsguide.loader import has_c_parser

    if not has_c_parser():
        sys.stderr.write(f"sbs: {text('no-c-parser', lang)}\n")


def _print_text(lines: object) -> None:

    assert isinstance(lines, Iterable)
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from rich.console import Console
        from rich.markup import escape

        console = Console(highlight=False)
        for line, style in lines:
            console.print(escape(line), style=style or "")
    else:
        sys.stdout.write("".join(line + "\n" for line, _ in lines))


def _write(path: Path, content: str, lang: Lang) -> None:
    from sbsguide.atomic import write_text

    try:
        write_text(path, content)
    except OSError as error:
        raise UsageError(
            text("cannot-write", lang, path=path, reason=os_reason(error, lang))
        ) from None

"""`sbs import`: an existing standard-detail table into a system.yaml."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sbsguide.cli.common import LangOption, write_file
from sbsguide.cli.usage import UsageError, lang_of
from sbsguide.messages import Lang
from sbsguide.oserrors import os_reason
from sbsguide.ui import text

if TYPE_CHECKING:
    from sbsguide.importer import ImportResult


def import_table(
    table: Annotated[Path, typer.Argument(help="标准明细表 .xlsx 或 .csv")],
    sheet: Annotated[str | None, typer.Option("--sheet", help="工作表名称(默认自动识别)")] = None,
    output: Annotated[Path, typer.Option("--output", help="写入的文件")] = Path("system.yaml"),
    agency: Annotated[str | None, typer.Option("--agency", help="实施机构名称")] = None,
    principal: Annotated[str | None, typer.Option("--principal", help="主要负责人")] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有文件")] = False,
    lang: LangOption = None,
) -> None:
    """把已有的标准明细表(Excel/CSV)导入为 system.yaml。Import an existing standard table."""
    from sbsguide.importer import system_text
    from sbsguide.progress import stages

    language = lang_of(lang)
    if output.exists() and not force:
        raise UsageError(text("import-exists", language, path=output))
    with stages() as stage:
        stage(text("stage-reading-table", language, path=table))
        result = _read(table, sheet, language)
        stage("")
        _import_summary(result, language)
        if not result.rows:
            sys.stdout.write(text("import-empty", language, path=table) + "\n")
            raise typer.Exit(1)
        name = (
            agency
            or result.title.removesuffix("标准明细表").removesuffix("标准体系表").strip(" —-")
            or text("init-agency-placeholder", language)
        )
        stage(text("stage-writing", language, name=output))
        content = system_text(
            result, name, principal or text("init-principal-placeholder", language), language
        )
        stage("")
        _refuse_unless_it_loads(content, output, language)
    write_file(output, content.encode("utf-8"), language)
    sys.stdout.write(text("import-written", language, path=output) + "\n")


def _read(table: Path, sheet: str | None, language: Lang) -> ImportResult:
    """The table's rows, placed; a table that cannot be read is a usage error."""
    from sbsguide.importer import read_table
    from sbsguide.tables import TableNotReadable

    try:
        return read_table(table, sheet)
    except OSError as error:
        reason = os_reason(error, language)
        raise UsageError(text("cannot-open", language, path=table, reason=reason)) from None
    except TableNotReadable as error:
        raise UsageError(
            text(f"import-{error}", language, path=table, sheet=sheet, limit=_limit())
        ) from None


def _refuse_unless_it_loads(content: str, output: Path, lang: Lang) -> None:
    """Never write a file that `sbs check` would stop at (a bug of the import: exit 1)."""
    from datetime import date

    from sbsguide.engine import CheckOptions, load_stage
    from sbsguide.output.text_format import finding_line

    loaded = load_stage(content.encode("utf-8"), CheckOptions(as_of=date.today(), lang=lang))
    if loaded.blocked:
        for finding in loaded.findings:
            sys.stdout.write(finding_line(str(output), finding, lang) + "\n")
        sys.stdout.write(text("import-invalid", lang, path=output) + "\n")
        raise typer.Exit(1)


def _limit() -> str:
    from sbsguide.reading import human_size, max_bytes

    return human_size(max_bytes())


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SHOWN = 60
"""Characters of a cell the summary shows: a table may hold a cell a million characters long."""


def _shown(cell: str) -> str:
    """A cell as the summary shows it: one line, control characters escaped, long ones cut."""
    from sbsguide.output.text_format import visible_name

    cut = cell if len(cell) <= SHOWN else f"{cell[:SHOWN]}…({len(cell)})"
    return visible_name(cut)


def _import_summary(result: object, lang: Lang) -> None:
    """What was read, where it went and what could not be used, as aligned tables."""
    from collections import Counter

    from sbsguide.guide import load_guide
    from sbsguide.importer import ImportResult
    from sbsguide.placement import unplaced_name

    assert isinstance(result, ImportResult)
    names = {c.dotted: (c.name if lang == "zh" else c.name_en) for c in load_guide().categories()}
    names[""] = unplaced_name(lang)
    placed = Counter(r.placed for r in result.rows)
    out = sys.stdout.write
    skipped = sum(result.skipped.values())
    out(text("import-read", lang, sheet=result.sheet, rows=result.read, skipped=skipped) + "\n")
    width = max((len(k) for k in placed), default=0)
    for category in [c for c in names if c in placed]:
        out(f"  {category or '—':<{width}}  {placed[category]:>4}  {names[category]}\n")
    for category, reason in sorted(result.not_applicable.items()):
        out(f"  {category:<{width}}     —  {text('import-na', lang, reason=reason)}\n")
    guessed = [r for r in result.rows if r.reason in ("code", "catalogue", "title")]
    if guessed:
        out(text("import-guessed", lang, n=len(guessed)) + "\n")
        for row in guessed:
            out(
                f"  {row.line:>4}  {_shown(row.number or '—')} {_shown(row.name)} → {row.placed} "
                f"({text('import-by-' + row.reason, lang)})\n"
            )
    unplaced = [r for r in result.rows if not r.placed]
    if unplaced:
        out(text("import-unplaced", lang, n=len(unplaced)) + "\n")
        for row in unplaced:
            out(f"  {row.line:>4}  {_shown(row.number or '—')} {_shown(row.name)}\n")
    controlled = [r for r in result.rows if _CONTROL.search(r.name + r.number)]
    if controlled:
        out(text("import-control-characters", lang, n=len(controlled)) + "\n")
        for row in controlled:
            out(f"  {row.line:>4}  {_shown(row.number or '—')} {_shown(row.name)}\n")
    if result.nameless:
        out(text("import-nameless", lang, n=len(result.nameless)) + "\n")
        for line, number in result.nameless:
            out(f"  {line:>4}  {_shown(number or '—')}\n")
    if result.unreadable:
        out(text("import-unreadable-cells", lang, n=len(result.unreadable)) + "\n")
        for line, column, value in result.unreadable:
            out(f"  {line:>4}  {column}: {_shown(value)}\n")
    if result.successors:
        out(text("import-successors", lang, n=result.successors) + "\n")
    if result.unknown_columns:
        out(text("import-unknown-columns", lang, columns="、".join(result.unknown_columns)) + "\n")

"""`sbs import`: an existing standard-detail table into a system.yaml."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sbsguide.cli.common import LangOption, UsageError, lang_of
from sbsguide.messages import Lang
from sbsguide.ui import os_reason, text


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
    from sbsguide.atomic import write_text
    from sbsguide.importer import read_table, system_text
    from sbsguide.tables import TableNotReadable

    language = lang_of(lang)
    if output.exists() and not force:
        raise UsageError(text("import-exists", language, path=output))
    try:
        result = read_table(table, sheet)
    except OSError as error:
        reason = os_reason(error, language)
        raise UsageError(text("cannot-open", language, path=table, reason=reason)) from None
    except TableNotReadable as error:
        raise UsageError(
            text(f"import-{error}", language, path=table, sheet=sheet, limit=_limit())
        ) from None
    name = (
        agency
        or result.title.removesuffix("标准明细表").removesuffix("标准体系表").strip(" —-")
        or text("init-agency-placeholder", language)
    )
    content = system_text(
        result, name, principal or text("init-principal-placeholder", language), language
    )
    try:
        write_text(output, content)
    except OSError as error:
        reason = os_reason(error, language)
        raise UsageError(text("cannot-write", language, path=output, reason=reason)) from None
    _import_summary(result, output, language)


def _limit() -> str:
    from sbsguide.reading import human_size, max_bytes

    return human_size(max_bytes())


def _import_summary(result: object, output: Path, lang: Lang) -> None:
    from collections import Counter

    from sbsguide.importer import ImportResult

    assert isinstance(result, ImportResult)
    placed = Counter(r.placed for r in result.rows if r.placed)
    guessed = [r for r in result.rows if r.reason in ("catalogue", "title")]
    unplaced = [r for r in result.rows if not r.placed]
    out = sys.stdout.write
    out(
        text(
            "import-read",
            lang,
            sheet=result.sheet,
            rows=result.read,
            skipped=sum(result.skipped.values()),
        )
        + "\n"
    )
    for category, count in sorted(placed.items()):
        out(f"  {category}: {count}\n")
    for category, reason in sorted(result.not_applicable.items()):
        out(f"  {category}: {text('import-na', lang, reason=reason)}\n")
    if guessed:
        out(text("import-guessed", lang, n=len(guessed)) + "\n")
        for row in guessed:
            out(
                f"  {row.line}: {row.number or '—'} {row.name} → {row.placed} "
                f"({text('import-by-' + row.reason, lang)})\n"
            )
    if unplaced:
        out(text("import-unplaced", lang, n=len(unplaced)) + "\n")
        for row in unplaced:
            out(f"  {row.line}: {row.number or '—'} {row.name}\n")
    out(text("import-written", lang, path=output) + "\n")

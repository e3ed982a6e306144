"""`sbs report`: the standard-system table, the gap report, the provincial summary."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sbsguide.cli.common import AsOfOption, ConfigOption, LangOption, output_folder
from sbsguide.cli.usage import UsageError, as_of_date, lang_of, read_source
from sbsguide.messages import Lang
from sbsguide.oserrors import os_reason
from sbsguide.ui import text

if TYPE_CHECKING:
    from sbsguide.findings import FileResult
    from sbsguide.report.summary import TitleBlock

DEFAULT_OUTPUT = "sbs-report"


def report(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="system.yaml 文件；summary 时可为目录(默认 ./system.yaml)"),
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind", help="table(标准体系表) | gap(差距分析) | all | summary(多机构汇总)"
        ),
    ] = "all",
    output_format: Annotated[
        str, typer.Option("--format", help="html,md,xlsx,docx,csv 中的一个或多个(逗号分隔)")
    ] = "html,xlsx,docx",
    output: Annotated[
        Path | None, typer.Option("--output", help="输出目录(默认 ./sbs-report)")
    ] = None,
    as_of: AsOfOption = None,
    config_file: ConfigOption = None,
    submitter: Annotated[
        str | None, typer.Option("--submitter", help="summary 时：报送单位")
    ] = None,
    preparer: Annotated[str | None, typer.Option("--preparer", help="summary 时：填报人")] = None,
    filled_on: Annotated[
        str | None, typer.Option("--date", help="summary 时：填报日期(默认检查日期)")
    ] = None,
    annex: Annotated[
        bool, typer.Option("--annex", help="附上技术明细(行号、键名和修改方法)，供标准化人员使用")
    ] = False,
    lang: LangOption = None,
) -> None:
    """生成标准体系表、差距分析报告或多机构汇总表。Write the table, the gap report or a summary."""
    from sbsguide.progress import stages
    from sbsguide.report.build import FORMATS, KINDS, SUMMARY_FORMATS, build_summary

    language = lang_of(lang)
    day = as_of_date(as_of, language)
    if kind not in (*KINDS, "all", "summary"):
        raise UsageError(text("bad-kind", language, value=kind))
    formats = tuple(f.strip() for f in output_format.split(",") if f.strip())
    allowed = SUMMARY_FORMATS if kind == "summary" else FORMATS
    if kind == "summary" and output_format == "html,xlsx,docx":
        formats = SUMMARY_FORMATS  # the default, with Markdown for a repository
    for name in formats:
        if name not in allowed:
            raise UsageError(text("bad-format", language, value=name, formats=",".join(allowed)))
    output = output_folder(output, Path(DEFAULT_OUTPUT), language)
    if kind == "summary":
        names = [str(p) for p in paths or []] or ["."]
        title = _title_block(config_file, submitter, preparer, filled_on, language)
        files = build_summary(names, formats, day, language, title).files
        _write_reports(output, files, language)
        raise typer.Exit(0)
    kinds = KINDS if kind == "all" else (kind,)
    sources = paths or [Path("system.yaml")]
    with stages() as stage:
        blocked = _each_source(
            sources, kinds, formats, day, language, output, annex, config_file, stage
        )
    raise typer.Exit(1 if blocked else 0)


def _title_block(
    config_file: Path | None,
    submitter: str | None,
    preparer: str | None,
    filled_on: str | None,
    lang: Lang,
) -> TitleBlock:
    """The summary's 报送单位, 填报人 and 填报日期 (SPEC §7).

    The flags, else ``summary:`` of the configuration nearest here; no control character of
    either reaches a document.
    """
    from sbsguide import config
    from sbsguide.documents.sheets import xml_safe
    from sbsguide.report.summary import TitleBlock

    found = config_file or config.nearest(Path.cwd())
    configured = config.load(found).summary if found else {}
    return TitleBlock(
        xml_safe(submitter or configured.get("submitter", "")),
        xml_safe(preparer or configured.get("preparer", "")),
        as_of_date(filled_on, lang).isoformat() if filled_on else "",
    )


def _each_source(
    sources: list[Path],
    kinds: tuple[str, ...],
    formats: tuple[str, ...],
    day: date,
    language: Lang,
    output: Path,
    annex: bool,
    config_file: Path | None,
    stage: Callable[[str], None],
) -> bool:
    """The reports of each system file; whether any file was blocked by its errors."""
    from sbsguide.engine import CheckOptions, read_records
    from sbsguide.output.text_format import finding_line
    from sbsguide.report.build import WORD_ROWS, TooLargeForWord, build, safe_folder_name
    from sbsguide.service import file_options

    blocked = False
    for named in sources:
        # a folder stands for its system.yaml, as `sbs check FOLDER` reads it
        source = named / "system.yaml" if (named / "system.yaml").is_file() else named
        raw = read_source(source, language)
        options = file_options(
            source, False, CheckOptions(as_of=day, lang=language), config_file, (None, None)
        )
        records, unreadable = read_records(source, str(source), language)
        if unreadable is not None:  # said, and the reports do not judge the records
            _say_unreadable(unreadable, language)
        stage(text("stage-checking", language, path=source))
        try:
            reports = build(
                raw, kinds, formats, day, language, annex=annex, options=options,
                records=None if unreadable else records,
                stage=lambda name: stage(text("stage-writing", language, name=name)),
            )  # fmt: skip
        except TooLargeForWord as too_large:
            stage("")
            raise UsageError(
                text("report-too-large-for-word", language, n=too_large.rows, limit=WORD_ROWS)
            ) from None
        stage("")
        # a records file that does not load is said; the gap report leaves the records unjudged
        for finding in reports.unloaded:
            sys.stdout.write(finding_line(records.shown_as, finding, language) + "\n")
        for finding in reports.blocking:
            sys.stdout.write(finding_line(str(source), finding, language) + "\n")
        if reports.blocking:
            sys.stdout.write(text("report-blocked", language, path=source) + "\n")
            blocked = True
            continue
        own = safe_folder_name(source.parent.name if source.name == "system.yaml" else source.stem)
        stage("")
        _write_reports(output if len(sources) == 1 else output / own, reports.files, language)
    return blocked


def _say_unreadable(result: FileResult, lang: Lang) -> None:
    """A records file that cannot be read: why, in the form `sbs check` says it."""
    from sbsguide.output.text_format import finding_line

    for finding in result.findings:
        sys.stdout.write(finding_line(result.path, finding, lang) + "\n")
    if result.error:
        sys.stdout.write(text("cannot-open", lang, path=result.path, reason=result.error) + "\n")


def _write_reports(folder: Path, files: list[tuple[str, bytes]], lang: Lang) -> None:
    """Write a report's own files into ``folder`` as one set; nothing else there is touched."""
    from sbsguide.atomic import write_set

    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_set(folder, files)
    except OSError as error:
        reason = os_reason(error, lang)
        raise UsageError(text("cannot-write", lang, path=folder, reason=reason)) from None
    for name, _ in files:
        sys.stdout.write(text("init-written", lang, path=folder / name) + "\n")

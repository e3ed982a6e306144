"""`sbs evaluate`: the self-evaluation report of the trial (5.5), or the records template."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from sbsguide.cli.common import AsOfOption, ConfigOption, LangOption, output_folder
from sbsguide.cli.usage import UsageError, as_of_date, lang_of, read_source
from sbsguide.messages import Lang
from sbsguide.ui import text

DEFAULT_OUTPUT = "sbs-evaluation"


def evaluate(
    path: Annotated[
        Path, typer.Argument(help="system.yaml 或其所在目录(默认 ./system.yaml)")
    ] = Path("system.yaml"),
    records: Annotated[
        Path | None,
        typer.Option("--records", help="实施与评价记录(默认：同目录的 records.yaml 或记录工作簿)"),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option("--format", help="docx,xlsx,html,md,json 中的一个或多个(逗号分隔)"),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", help="输出目录(默认 ./sbs-evaluation)")
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", help="评价期间 A/B(默认：试运行期)")
    ] = None,
    rubric: Annotated[
        Path | None,
        typer.Option("--rubric", help="评分细则(YAML 或 xlsx)：另写出 自评计分表"),
    ] = None,
    template: Annotated[
        bool, typer.Option("--template", help="写出实施与评价记录模板(xlsx，或 --format yaml)")
    ] = False,
    as_of: AsOfOption = None,
    config_file: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """撰写标准体系自我评价报告(指南 5.5)。Write the self-evaluation report of the trial."""
    from sbsguide.engine import CheckOptions
    from sbsguide.evaluate import FORMATS, evaluate
    from sbsguide.files import records_beside
    from sbsguide.output.text_format import finding_line
    from sbsguide.service import file_options

    language = lang_of(lang)
    day = as_of_date(as_of, language)
    source = path / "system.yaml" if path.is_dir() else path
    if template:
        _template(source, output, output_format or "xlsx", day, language)
        raise typer.Exit(0)
    formats = tuple(f.strip() for f in (output_format or "docx,xlsx,html").split(",") if f.strip())
    for name in formats:
        if name not in FORMATS:
            raise UsageError(text("bad-format", language, value=name, formats=",".join(FORMATS)))
    asked = _period(period, language) if period else None
    raw = read_source(source, language)
    found = records or records_beside(source)
    kept = (read_source(found, language), str(found)) if found else None
    options = file_options(
        source, False, CheckOptions(as_of=day, lang=language), config_file, (None, None)
    )
    folder = output_folder(output, Path(DEFAULT_OUTPUT), language)
    scored = (read_source(rubric, language), str(rubric)) if rubric else None
    result = evaluate(
        raw, kept, formats, day, language, period=asked, options=options, rubric=scored
    )
    for finding in result.blocking:
        sys.stdout.write(finding_line(str(source), finding, language) + "\n")
    for finding in result.records_findings:
        sys.stdout.write(finding_line(str(found), finding, language) + "\n")
    for finding in result.rubric_findings:
        sys.stdout.write(finding_line(str(rubric), finding, language) + "\n")
    if not result.files:
        blocked = source if result.blocking else rubric if result.rubric_findings else found
        sys.stdout.write(text("report-blocked", language, path=blocked) + "\n")
        raise typer.Exit(1)
    from sbsguide.cli.report_command import _write_reports

    _write_reports(folder, result.files, language)
    raise typer.Exit(0)


def _period(value: str, lang: Lang) -> tuple[date, date]:
    """``--period A/B`` (or A至B): two dates, the first not after the second."""
    from sbsguide.evaluate.records import period_dates

    try:
        return period_dates(value)
    except ValueError:
        raise UsageError(text("bad-period", lang, value=value)) from None


def _template(source: Path, output: Path | None, fmt: str, day: date, lang: Lang) -> None:
    """The records workbook (or commented YAML), its reference sheet listing the 现行 standards."""
    from sbsguide.cli.common import write_file
    from sbsguide.evaluate.template import template_workbook, template_yaml

    if fmt not in ("xlsx", "yaml"):
        raise UsageError(text("bad-format", lang, value=fmt, formats="xlsx,yaml"))
    raw = read_source(source, lang) if source.is_file() else None
    if fmt == "yaml":
        name = "records.yaml"
        content = template_yaml(raw, day, lang)
    else:
        name = "实施与评价记录.xlsx" if lang == "zh" else "implementation-records.xlsx"
        content = template_workbook(raw, day, lang)
    target = output or source.parent / name
    if target.is_dir():  # --output names a folder: the template goes into it
        target = target / name
    if target.exists():
        raise UsageError(text("template-exists", lang, path=target))
    write_file(target, content, lang)
    sys.stdout.write(text("init-written", lang, path=target) + "\n")

"""The `sbs` command line: parse options → one service call → render → exit code. Nothing else.

Errors a user can cause (a bad option value, a missing path) become a clear message and exit 2
in :func:`main`, the one place that turns exceptions into messages.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from sbsguide import __version__
from sbsguide.messages import LANGS, Lang
from sbsguide.ui import text


class UsageError(Exception):
    """A mistake in how sbs was called: reported as a message, exit code 2."""


app = typer.Typer(
    name="sbs",
    help="中小企业公共服务标准体系检查工具(依据 DB53/T XXXX—2023)。"
    "Check an SME public-service standard system against the Yunnan guide.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
)

LangOption = Annotated[
    str | None, typer.Option("--lang", help="输出语言 zh|en(默认 zh，或环境变量 SBS_LANG)")
]


def _lang(value: str | None) -> Lang:
    chosen = value or os.environ.get("SBS_LANG") or "zh"
    if chosen not in LANGS:
        raise UsageError(text("bad-lang", "zh", value=chosen))
    return "en" if chosen == "en" else "zh"


def _as_of(value: str | None, lang: Lang) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(text("bad-date", lang, value=value)) from None


def _rule_names(value: str | None, lang: Lang) -> frozenset[str] | None:
    if value is None:
        return None
    from sbsguide.rules import BY_NAME

    names = frozenset(n.strip() for n in value.split(",") if n.strip())
    for name in sorted(names):
        if name not in BY_NAME:
            raise UsageError(text("unknown-rule", lang, name=name))
    return names


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


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="写入的目录(默认当前目录)")] = Path("."),
    agency: Annotated[str | None, typer.Option("--agency", help="实施机构名称")] = None,
    principal: Annotated[str | None, typer.Option("--principal", help="主要负责人")] = None,
    credit_code: Annotated[
        str | None, typer.Option("--credit-code", help="统一社会信用代码")
    ] = None,
    minimal: Annotated[
        bool, typer.Option("--minimal", help="简版：推荐标准只作为注释列出")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有文件")] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="按该日期选取现行标准(默认今天)")
    ] = None,
    lang: LangOption = None,
) -> None:
    """生成待填写的标准体系及检查配置。Scaffold a ready-to-fill standard system."""
    from sbsguide import scaffold

    language = _lang(lang)
    day = _as_of(as_of, language)
    if folder.exists() and not folder.is_dir():
        raise UsageError(text("init-not-a-dir", language, path=folder))
    if not scaffold.writable(folder):
        raise UsageError(text("init-unwritable", language, path=folder))
    if credit_code is not None:
        _valid_credit_code(credit_code, language)
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if interactive:
        agency, principal, credit_code = _ask(agency, principal, credit_code, language)
    options = scaffold.ScaffoldOptions(
        agency=agency or text("init-agency-placeholder", language),
        principal=principal or text("init-principal-placeholder", language),
        credit_code=credit_code or None,
        minimal=minimal,
        lang=language,
        as_of=day,
    )
    try:
        outcome = scaffold.write(folder, scaffold.render(options), force=force)
    except OSError as error:
        raise UsageError(
            text("cannot-write", language, path=folder, reason=error.strerror)
        ) from None
    for name in outcome.written:
        sys.stdout.write(text("init-written", language, path=folder / name) + "\n")
    for name in outcome.skipped:
        sys.stdout.write(text("init-skipped", language, path=folder / name) + "\n")
    sys.stdout.write(text("init-next", language, path=folder / "system.yaml") + "\n")


def _valid_credit_code(code: str, lang: Lang) -> None:
    from sbsguide.creditcode import problem

    if problem(code.strip()) is not None:
        raise UsageError(text("init-bad-credit-code", lang, code=code))


def _ask(
    agency: str | None, principal: str | None, credit_code: str | None, lang: Lang
) -> tuple[str, str, str | None]:
    """Ask on a terminal for what the flags did not give; a bad credit code is asked again."""
    from rich.prompt import Prompt

    from sbsguide.creditcode import problem

    while not agency:
        agency = Prompt.ask(text("init-ask-agency", lang)).strip()
    while not principal:
        principal = Prompt.ask(text("init-ask-principal", lang)).strip()
    while credit_code is None:
        answer = Prompt.ask(text("init-ask-credit-code", lang), default="", show_default=False)
        if not answer.strip() or problem(answer.strip()) is None:
            credit_code = answer.strip()
        else:
            sys.stdout.write(text("init-bad-credit-code", lang, code=answer) + "\n")
    return agency, principal, credit_code or None


FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab")


@app.command()
def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="system.yaml 文件或目录(默认 ./system.yaml)")
    ] = None,
    output_format: Annotated[
        list[str] | None,
        typer.Option("--format", help="text | json | sarif | junit | github | gitlab，可重复"),
    ] = None,
    output: Annotated[
        list[Path] | None, typer.Option("--output", help="按顺序对应 --format 的输出文件，可重复")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="警告也视为失败")] = False,
    select: Annotated[str | None, typer.Option("--select", help="只运行这些规则(逗号分隔)")] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="不运行这些规则(逗号分隔)")] = None,
    no_waivers: Annotated[
        bool, typer.Option("--no-waivers", help="忽略豁免，显示全部问题(审核用)")
    ] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="检查日期 YYYY-MM-DD(默认今天)")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", min=1, help="并行检查的进程数(默认 CPU 核数；文件多时才并行)"),
    ] = None,
    lang: LangOption = None,
) -> None:
    """检查标准体系文件是否符合指南。Check system files against the guide."""
    from sbsguide.engine import CheckOptions
    from sbsguide.service import run_check

    language = _lang(lang)
    destinations = _destinations(output_format or ["text"], output or [], language)
    options = CheckOptions(
        as_of=_as_of(as_of, language),
        lang=language,
        select=_rule_names(select, language),
        ignore=_rule_names(ignore, language) or frozenset(),
        use_waivers=not no_waivers,
    )
    _warn_without_c_parser(language)
    # The data of a check is acyclic: the cyclic collector would only re-scan it (measured at
    # 10,000 standards: validation 0.12 s → 0.03 s). freeze() spares it the imported modules too.
    gc.freeze()
    gc.disable()
    with _progress_bar(language) as progress:
        result = run_check(paths or [], options, strict=strict, jobs=jobs, progress=progress)
    for name, target in destinations:
        _emit(name, target, result, language)
    # Everything is written and closed: skip the interpreter's teardown of a large heap
    # (measured at 100,000 standards: 1.2 s of 8.8 s).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(result.exit_code())


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
    from sbsguide.output import MACHINE_FORMATS, github, text_format

    assert isinstance(result, CheckResult)
    if name == "github":
        github.append_step_summary(result)
    if name == "text" and target is None:
        _print_text(text_format.lines(result))
        return
    document = text_format.render(result) if name == "text" else MACHINE_FORMATS[name](result)
    if target is None:
        sys.stdout.write(document)
    else:
        _write(target, document, lang)


def _warn_without_c_parser(lang: Lang) -> None:
    from sbsguide.loader import has_c_parser

    if not has_c_parser():
        sys.stderr.write(f"sbs: {text('no-c-parser', lang)}\n")


def _print_text(lines: object) -> None:
    from collections.abc import Iterable

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
            text("cannot-write", lang, path=path, reason=error.strerror or error)
        ) from None


@app.command()
def fix(
    path: Annotated[Path, typer.Argument(help="要修改的 system.yaml(默认 ./system.yaml)")] = Path(
        "system.yaml"
    ),
    check_only: Annotated[
        bool, typer.Option("--check", help="只显示差异，不修改；有改动时退出码为 1")
    ] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="按该日期判断标准是否被代替")] = None,
    lang: LangOption = None,
) -> None:
    """安全修改：规范编号写法、替换被代替的版本、分配体系编号。Apply the safe rewrites."""
    from sbsguide.service import FixRefused, plan_fix, write_fix

    language = _lang(lang)
    day = _as_of(as_of, language)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UsageError(text("cannot-open", language, path=path, reason=error.strerror)) from None
    try:
        plan = plan_fix(raw, day, language)
    except FixRefused:
        raise UsageError(text("fix-refused", language, path=path)) from None
    if plan.blocking:
        from sbsguide.output.text_format import finding_line

        for finding in plan.blocking:
            sys.stdout.write(finding_line(str(path), finding, language) + "\n")
        sys.stdout.write(text("fix-blocked", language, path=path) + "\n")
        raise typer.Exit(1)
    if not plan.changed:
        sys.stdout.write(text("fix-nothing", language, path=path) + "\n")
        raise typer.Exit(0)
    if check_only:
        import difflib

        diff = difflib.unified_diff(
            plan.original.splitlines(keepends=True),
            plan.fixed.splitlines(keepends=True),
            fromfile=str(path),
            tofile=f"{path} (sbs fix)",
        )
        sys.stdout.write("".join(diff))
        raise typer.Exit(1)
    try:
        write_fix(path, plan)
    except OSError as error:
        raise UsageError(text("cannot-write", language, path=path, reason=error.strerror)) from None
    for line, what in plan.changes:
        sys.stdout.write(f"{path}:{line}: {what}\n")
    sys.stdout.write(text("fix-done", language, path=path, n=len(plan.changes)) + "\n")


@app.command()
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
    output: Annotated[Path, typer.Option("--output", help="输出目录")] = Path("sbs-report"),
    as_of: Annotated[str | None, typer.Option("--as-of", help="检查日期(默认今天)")] = None,
    lang: LangOption = None,
) -> None:
    """生成标准体系表、差距分析报告或多机构汇总表。Write the table, the gap report or a summary."""
    from sbsguide.output.text_format import finding_line
    from sbsguide.report.build import (
        FORMATS,
        KINDS,
        SUMMARY_FORMATS,
        build,
        build_summary,
        safe_folder_name,
    )

    language = _lang(lang)
    day = _as_of(as_of, language)
    if kind not in (*KINDS, "all", "summary"):
        raise UsageError(text("bad-kind", language, value=kind))
    formats = tuple(f.strip() for f in output_format.split(",") if f.strip())
    allowed = SUMMARY_FORMATS if kind == "summary" else FORMATS
    if kind == "summary" and output_format == "html,xlsx,docx":
        formats = SUMMARY_FORMATS  # the default, minus Word: a summary is a table
    for name in formats:
        if name not in allowed:
            raise UsageError(text("bad-format", language, value=name, formats=",".join(allowed)))
    if output.exists() and not output.is_dir():
        raise UsageError(text("init-not-a-dir", language, path=output))
    if kind == "summary":
        names = [str(p) for p in paths or []] or ["."]
        _write_reports(output, build_summary(names, formats, day, language).files, language)
        raise typer.Exit(0)
    kinds = KINDS if kind == "all" else (kind,)
    sources = paths or [Path("system.yaml")]
    blocked = False
    for source in sources:
        try:
            raw = source.read_bytes()
        except OSError as error:
            reason = error.strerror or str(error)
            raise UsageError(text("cannot-open", language, path=source, reason=reason)) from None
        reports = build(raw, kinds, formats, day, language)
        for finding in reports.blocking:
            sys.stdout.write(finding_line(str(source), finding, language) + "\n")
        if reports.blocking:
            sys.stdout.write(text("report-blocked", language, path=source) + "\n")
            blocked = True
            continue
        own = safe_folder_name(source.parent.name if source.name == "system.yaml" else source.stem)
        _write_reports(output if len(sources) == 1 else output / own, reports.files, language)
    raise typer.Exit(1 if blocked else 0)


def _write_reports(folder: Path, files: list[tuple[str, bytes]], lang: Lang) -> None:
    """Write a report's own files atomically into ``folder``; nothing else there is touched."""
    from sbsguide.atomic import write_bytes

    for name, content in files:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_bytes(folder / name, content)
        except OSError as error:
            reason = error.strerror or str(error)
            raise UsageError(
                text("cannot-write", lang, path=folder / name, reason=reason)
            ) from None
        sys.stdout.write(text("init-written", lang, path=folder / name) + "\n")


@app.command(name="import")
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
    from sbsguide.importer import TableNotReadable, read_table, system_text

    language = _lang(lang)
    if output.exists() and not force:
        raise UsageError(text("import-exists", language, path=output))
    try:
        result = read_table(table, sheet)
    except OSError as error:
        raise UsageError(text("cannot-open", language, path=table, reason=error.strerror)) from None
    except TableNotReadable as error:
        raise UsageError(text(f"import-{error}", language, path=table, sheet=sheet)) from None
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
        raise UsageError(
            text("cannot-write", language, path=output, reason=error.strerror)
        ) from None
    _import_summary(result, output, language)


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


@app.command()
def rules(lang: LangOption = None) -> None:
    """列出所有规则。List the rules: name, clause, severity, summary."""
    from sbsguide.explain import rules_table

    _print_table(rules_table(_lang(lang)))


def _print_table(rows: list[list[str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*rows[0], box=None, pad_edge=False)
    for row in rows[1:]:
        table.add_row(*row)
    Console(width=None if sys.stdout.isatty() else 200, highlight=False).print(table)


@app.command()
def explain(
    topic: Annotated[str, typer.Argument(help="规则名称或条款号，如 trial-period 或 5.5.1")],
    lang: LangOption = None,
) -> None:
    """说明规则或条款：条文、检查内容、修改方法和示例。Explain a rule or clause."""
    from sbsguide.explain import explain_text

    language = _lang(lang)
    found = explain_text(topic, language)
    if found is None:
        raise UsageError(text("unknown-topic", language, topic=topic))
    sys.stdout.write(found)


@app.command()
def catalog(
    query: Annotated[str | None, typer.Argument(help="编号或名称中的词，如 24421 或 应急")] = None,
    category: Annotated[
        str | None, typer.Option("--category", help="只列适用于该类别的标准，如 support.safety")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="text 或 json")] = "text",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="按该日期判断现行状态(默认今天)")
    ] = None,
    lang: LangOption = None,
) -> None:
    """查询标准目录：版本、状态、替代、类别、置信度和来源。Search the standards catalogue."""
    from sbsguide.catalogue import load_catalogue
    from sbsguide.catalogue.view import matches, render_json, render_text
    from sbsguide.guide import load_guide

    language = _lang(lang)
    day = _as_of(as_of, language)
    if category and category not in {c.dotted for c in load_guide().categories()}:
        raise UsageError(text("unknown-category", language, category=category))
    if output_format not in ("text", "json"):
        raise UsageError(f"--format: text | json ({output_format})")
    catalogue = load_catalogue()
    found = matches(catalogue, query, category, day)
    if output_format == "json":
        sys.stdout.write(render_json(found, catalogue, day))
    else:
        sys.stdout.write(render_text(found, catalogue, day, language))


@app.command()
def schema() -> None:
    """输出 system.yaml 的 JSON Schema。Print the JSON Schema of system.yaml."""
    from sbsguide.schema import render

    sys.stdout.write(render())


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
    return (
        "en"
        if os.environ.get("SBS_LANG") == "en"
        or "--lang=en" in sys.argv
        or ("--lang" in sys.argv and sys.argv[sys.argv.index("--lang") + 1 :][:1] == ["en"])
        else "zh"
    )

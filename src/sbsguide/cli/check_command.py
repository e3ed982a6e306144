"""`sbs check`: its options as typer declares them; the run itself is check_run.py.

The common invocations never come here: cli/fast.py reads them without typer (start-up time),
and both end in :func:`check_run.run`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sbsguide.cli.common import ConfigOption, LangOption


def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="system.yaml 文件或目录(默认 ./system.yaml)；- 为标准输入"),
    ] = None,
    output_format: Annotated[
        list[str] | None,
        typer.Option("--format", help="text | json | sarif | junit | github | gitlab，可重复"),
    ] = None,
    output: Annotated[
        list[Path] | None, typer.Option("--output", help="按顺序对应 --format 的输出文件，可重复")
    ] = None,
    strict: Annotated[
        bool | None, typer.Option("--strict/--no-strict", help="警告也视为失败")
    ] = None,
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
    config_file: ConfigOption = None,
    show_config: Annotated[
        bool, typer.Option("--show-config", help="显示生效的设置及其来源，不检查")
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", help="从标准输入(-)读取时显示的文件名"),
    ] = None,
    lang: LangOption = None,
) -> None:
    """检查标准体系文件是否符合指南。Check system files against the guide."""
    from sbsguide.cli.check_run import run

    run(
        paths=paths,
        output_format=output_format,
        output=output,
        strict=strict,
        select=select,
        ignore=ignore,
        no_waivers=no_waivers,
        as_of=as_of,
        jobs=jobs,
        config_file=config_file,
        show_config=show_config,
        stdin_filename=stdin_filename,
        lang=lang,
    )

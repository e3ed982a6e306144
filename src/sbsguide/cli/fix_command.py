"""`sbs fix`: its options as typer declares them; the run itself is fix_run.py.

The common invocations never come here: cli/fast.py reads them without typer (start-up time).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sbsguide.cli.common import ConfigOption, LangOption


def fix(
    path: Annotated[Path, typer.Argument(help="要修改的 system.yaml(默认 ./system.yaml)")] = Path(
        "system.yaml"
    ),
    check_only: Annotated[
        bool, typer.Option("--check", help="只显示差异，不修改；有改动时退出码为 1")
    ] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="按该日期判断标准是否被代替")] = None,
    config_file: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """安全修改：规范编号写法、替换被代替的版本、分配体系编号。Apply the safe rewrites."""
    from sbsguide.cli.fix_run import run

    run(path=path, check_only=check_only, as_of=as_of, config_file=config_file, lang=lang)

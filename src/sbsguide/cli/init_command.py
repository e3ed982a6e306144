"""`sbs init`: scaffold a ready-to-fill system (prompts on a terminal, flags otherwise)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sbsguide.cli.common import LangOption, usable_folder
from sbsguide.cli.usage import UsageError, as_of_date, lang_of
from sbsguide.messages import Lang
from sbsguide.oserrors import os_reason
from sbsguide.ui import text


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
    sbs_repo: Annotated[
        str | None,
        typer.Option(
            "--sbs-repo",
            envvar="SBS_REPO",
            help="pre-commit 和 CI 安装 sbs 的仓库地址(或环境变量 SBS_REPO)",
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="按该日期选取现行标准(默认今天)")
    ] = None,
    lang: LangOption = None,
) -> None:
    """生成待填写的标准体系及检查配置。Scaffold a ready-to-fill standard system."""
    from sbsguide import scaffold

    language = lang_of(lang)
    day = as_of_date(as_of, language)
    usable_folder(folder, language)
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
        sbs_repo=sbs_repo or "",
    )
    try:
        outcome = scaffold.write(folder, scaffold.render(options), force=force)
    except OSError as error:
        raise UsageError(
            text("cannot-write", language, path=folder, reason=os_reason(error, language))
        ) from None
    for name in outcome.written:
        sys.stdout.write(text("init-written", language, path=folder / name) + "\n")
    for name in outcome.skipped:
        sys.stdout.write(text("init-skipped", language, path=folder / name) + "\n")
    if not outcome.written:
        sys.stdout.write(text("init-nothing", language, path=folder) + "\n")
        raise typer.Exit(1)
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

"""`sbs rules`, `sbs explain`, `sbs catalog`, `sbs schema`: what sbs knows, told from its data."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from sbsguide.cli.common import LangOption, UsageError, as_of_date, lang_of
from sbsguide.ui import text


def rules(lang: LangOption = None) -> None:
    """列出所有规则。List the rules: name, clause, severity, summary."""
    from sbsguide.explain import rules_table

    _print_table(rules_table(lang_of(lang)))


def _print_table(rows: list[list[str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*rows[0], box=None, pad_edge=False)
    for row in rows[1:]:
        table.add_row(*row)
    Console(width=None if sys.stdout.isatty() else 200, highlight=False).print(table)


def explain(
    topic: Annotated[str, typer.Argument(help="规则名称或条款号，如 trial-period 或 5.5.1")],
    lang: LangOption = None,
) -> None:
    """说明规则或条款：条文、检查内容、修改方法和示例。Explain a rule or clause."""
    from sbsguide.explain import explain_text, suggestion

    language = lang_of(lang)
    found = explain_text(topic, language)
    if found is None:
        close = suggestion(topic)
        if close is not None:
            raise UsageError(text("unknown-topic-suggest", language, topic=topic, close=close))
        raise UsageError(text("unknown-topic", language, topic=topic))
    sys.stdout.write(found)


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

    language = lang_of(lang)
    day = as_of_date(as_of, language)
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


def schema() -> None:
    """输出 system.yaml 的 JSON Schema。Print the JSON Schema of system.yaml."""
    from sbsguide.schema import render

    sys.stdout.write(render())

"""`sbs rules`, `sbs explain`, `sbs catalog`, `sbs schema`: what sbs knows, told from its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from sbsguide.cli.common import LangOption, usable_folder
from sbsguide.cli.usage import UsageError, as_of_date, lang_of
from sbsguide.messages import Lang
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
    query: Annotated[
        str | None, typer.Argument(help="编号或名称中的词，如 24421 或 应急；或 import")
    ] = None,
    table: Annotated[Path | None, typer.Argument(help="import 时：标准清单 .xlsx 或 .csv")] = None,
    category: Annotated[
        str | None, typer.Option("--category", help="只列适用于该类别的标准，如 support.safety")
    ] = None,
    stale: Annotated[
        bool, typer.Option("--stale", help="列出自带目录中置信度低或中、应先核实的条目")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", help="import 时写入的用户目录(默认 .sbs/catalogue.yaml)"),
    ] = None,
    config_file: Annotated[
        Path | None, typer.Option("--config", help="配置文件(其中的 catalogues 叠加在自带目录上)")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="text 或 json")] = "text",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="按该日期判断现行状态(默认今天)")
    ] = None,
    lang: LangOption = None,
) -> None:
    """查询标准目录：版本、状态、替代、类别、置信度和来源。Search the standards catalogue.

    sbs catalog import TABLE 从标准清单建立或更新用户目录。
    """
    from sbsguide import config
    from sbsguide.catalogue import built, load_catalogue
    from sbsguide.catalogue.view import matches, render_json, render_text
    from sbsguide.catalogue.view import stale as stale_entries
    from sbsguide.guide import load_guide

    language = lang_of(lang)
    day = as_of_date(as_of, language)
    if query == "import":
        _import_catalogue(table, output, language)
        return
    if category and category not in {c.dotted for c in load_guide().categories()}:
        raise UsageError(text("unknown-category", language, category=category))
    if output_format not in ("text", "json"):
        raise UsageError(f"--format: text | json ({output_format})")
    found_config = config_file or config.nearest(Path.cwd())
    extra = config.load(found_config).catalogues if found_config else ()
    catalogue = load_catalogue(extra)
    if stale:
        found = stale_entries(catalogue)
        sys.stdout.write(text("catalog-stale", language, built=built(), n=len(found)) + "\n")
    else:
        found = matches(catalogue, query, category, day)
    if output_format == "json":
        sys.stdout.write(render_json(found, catalogue, day))
    else:
        sys.stdout.write(render_text(found, catalogue, day, language))


def _import_catalogue(table: Path | None, output: Path | None, lang: Lang) -> None:
    """`sbs catalog import TABLE`: build or update a user catalogue from a standards list.

    The table's problems are the table's; the target's are the target's, and a target that is
    not a catalogue (a system file, a list, bad YAML) is refused unchanged (SPEC §7). A
    symlinked catalogue is written through, as `sbs fix` does.
    """
    from datetime import date

    from sbsguide.atomic import write_text
    from sbsguide.catalogue.table_import import merge, read_list
    from sbsguide.oserrors import os_reason
    from sbsguide.reading import TooLarge, human_size, max_bytes
    from sbsguide.tables import TableNotReadable

    if table is None:
        raise UsageError(text("catalog-import-usage", lang))
    target = output or Path(".sbs") / "catalogue.yaml"
    source = f"{table.name}, imported {date.today().isoformat()}"
    try:
        result = read_list(table, source)
    except OSError as error:
        reason = os_reason(error, lang)
        raise UsageError(text("cannot-open", lang, path=table, reason=reason)) from None
    except TableNotReadable as error:  # said as `sbs import` says it of a table
        limit = human_size(max_bytes())
        raise UsageError(text(f"import-{error}", lang, path=table, sheet="", limit=limit)) from None
    except TooLarge:
        limit = human_size(max_bytes())
        raise UsageError(text("import-too-large", lang, path=table, limit=limit)) from None
    except UnicodeDecodeError:
        raise UsageError(text("import-encoding", lang, path=table)) from None
    if not result.entries:
        raise UsageError(text("catalog-import-empty", lang, path=table))
    usable_folder(target.parent, lang)
    existing = _existing_catalogue(target, lang)
    merged = merge(existing, result.entries)
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        write_text(real, merged.text)
    except OSError as error:
        reason = os_reason(error, lang)
        raise UsageError(text("cannot-write", lang, path=target, reason=reason)) from None
    out = sys.stdout.write
    out(
        text("catalog-import-done", lang, path=target, added=merged.added, changed=merged.changed)
        + "\n"
    )
    if result.successors:
        out(text("catalog-import-successors", lang, n=result.successors) + "\n")
    if result.successors_as_replaced:
        out(text("catalog-import-as-replaced", lang, n=result.successors_as_replaced) + "\n")
    if result.unreadable:
        out(text("catalog-import-unreadable-rows", lang, n=len(result.unreadable)) + "\n")
        for line, written in result.unreadable:
            out(f"  {line:>4}  {written}\n")
    if result.undated:
        out(text("catalog-import-undated-rows", lang, n=len(result.undated)) + "\n")
        for line, written in result.undated:
            out(f"  {line:>4}  {written}\n")
    out(_where_to_list(target, lang) + "\n")


def _existing_catalogue(target: Path, lang: Lang) -> str | None:
    """The catalogue already at ``target`` (None: there is none); anything else is refused."""
    from sbsguide.loader import decode, read_yaml
    from sbsguide.oserrors import os_reason
    from sbsguide.reading import TooLarge, read_limited

    if not target.exists() and not target.is_symlink():
        return None
    try:
        raw = read_limited(target)
    except TooLarge:
        raise UsageError(text("catalog-import-not-catalogue", lang, path=target)) from None
    except OSError as error:
        reason = os_reason(error, lang)
        raise UsageError(text("cannot-open", lang, path=target, reason=reason)) from None
    existing, _ = decode(raw)
    if existing is None or not existing.strip():
        if existing is None:
            raise UsageError(text("catalog-import-not-catalogue", lang, path=target))
        return existing
    document = read_yaml(existing)
    data = document.data
    entries = data.get("entries") if isinstance(data, dict) else None
    if document.problems or not isinstance(entries, list) or "standards" in data:
        raise UsageError(text("catalog-import-not-catalogue", lang, path=target))
    return existing


def _where_to_list(target: Path, lang: Lang) -> str:
    """The exact line that makes the configuration use the catalogue just written.

    Paths in ``catalogues:`` are relative to the folder holding the configuration (``.sbs/``), so
    the line names the catalogue from there: ``catalogue.yaml``, not ``.sbs/catalogue.yaml``.
    """
    import os

    from sbsguide import config
    from sbsguide.yamltext import scalar

    found = config.nearest(target.parent)
    settings = found or Path.cwd().joinpath(*config.CONFIG_PATH)
    relative = Path(os.path.relpath(target.resolve(), settings.parent.resolve())).as_posix()
    try:
        loaded = config.load(found) if found is not None else None
    except config.ConfigError:
        loaded = None
    if loaded is not None and str(target.resolve()) in loaded.catalogues:
        return text("catalog-import-listed", lang, config=settings)
    if loaded is not None and loaded.catalogues:
        line = f"- {scalar(relative, flow=False)}"
        return text("catalog-import-next-item", lang, config=settings, line=line)
    line = f"catalogues: [{scalar(relative, flow=True)}]"
    return text("catalog-import-next", lang, config=settings, line=line)


def schema(
    records: Annotated[
        bool, typer.Option("--records", help="输出 records.yaml(实施与评价记录)的 JSON Schema")
    ] = False,
) -> None:
    """输出 system.yaml 的 JSON Schema。Print the JSON Schema of system.yaml."""
    from sbsguide.schema import render

    sys.stdout.write(render(records))

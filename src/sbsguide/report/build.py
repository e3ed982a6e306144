"""From system files to report documents: check each, build the models, render each format."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from sbsguide.findings import Finding, Severity
from sbsguide.messages import Lang

if TYPE_CHECKING:
    from sbsguide.engine import Checked, RecordsFile
    from sbsguide.report.summary import TitleBlock

KINDS = ("table", "gap")
FORMATS = ("html", "md", "xlsx", "docx", "csv")
SUMMARY_FORMATS = ("html", "md", "xlsx", "docx")
FILE_NAMES = {
    ("table", "zh"): "标准体系表",
    ("gap", "zh"): "差距分析报告",
    ("summary", "zh"): "标准体系建设情况汇总表",
    ("table", "en"): "standard-system-table",
    ("gap", "en"): "gap-report",
    ("summary", "en"): "summary",
}


WORD_ROWS = 30_000
"""Standards a Word document holds: python-docx keeps the whole document in memory (20,000
standards take 8 s and 610 MB; 100,000 took 160 s and 3.2 GB, past SPEC §7's bounds)."""


class TooLargeForWord(Exception):
    """More standards than a Word document can hold within the bounds: a usage error."""

    def __init__(self, rows: int) -> None:
        super().__init__(rows)
        self.rows = rows


@dataclass(slots=True)
class Reports:
    """The documents of a run, or the findings that stop them."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    blocking: list[Finding] = field(default_factory=list)
    unloaded: list[Finding] = field(default_factory=list)  # a records file that did not load


def _renderers() -> dict[tuple[str, str], Callable[[Any], bytes]]:
    from sbsguide.documents import sheets
    from sbsguide.documents.write import WRITERS
    from sbsguide.report.document import (
        gap_csv_rows,
        gap_document,
        table_csv_rows,
        table_document,
    )

    renderers: dict[tuple[str, str], Callable[[Any], bytes]] = {
        ("table", "csv"): lambda r: sheets.csv_bytes(table_csv_rows(r)),
        ("gap", "csv"): lambda r: sheets.csv_bytes(gap_csv_rows(r)),
    }
    for fmt, write in WRITERS.items():
        renderers["table", fmt] = partial(_written, write, table_document)
        renderers["gap", fmt] = partial(_written, write, gap_document)
    return renderers


def _written(write: Callable[[Any], bytes], document: Callable[[Any], Any], report: Any) -> bytes:
    return write(document(report))


def models(
    raw: bytes,
    as_of: date,
    lang: Lang,
    *,
    annex: bool = False,
    options: Any = None,
    records: RecordsFile | None = None,
) -> tuple[Any, Any] | list[Finding]:
    """(table, gap) models of one file's content, or the findings that stop a report."""
    built = checked(raw, as_of, lang, annex=annex, options=options, records=records)
    return built if isinstance(built, list) else (built.table, built.gap)


@dataclass(frozen=True, slots=True)
class Built:
    """What the documents of one system file are made from: the check, and its two models."""

    system: Any  # StandardSystem
    table: Any  # report.model.TableReport
    gap: Any  # report.gap.GapReport
    check: Checked


def checked(
    raw: bytes,
    as_of: date,
    lang: Lang,
    *,
    annex: bool = False,
    options: Any = None,
    records: RecordsFile | None = None,
) -> Built | list[Finding]:
    """The check and models of one file's content, or the findings that stop a report.

    ``records``: the system's records file, judged as `sbs check` judges it (None: not looked
    for, and the gap report does not claim to have judged it).
    """
    from sbsguide.engine import CheckOptions, check_system, records_read
    from sbsguide.guide import load_guide
    from sbsguide.report.gap import build_gap
    from sbsguide.report.model import build_table
    from sbsguide.report.note import explanatory_note

    options = options or CheckOptions(as_of=as_of, lang=lang)
    both = check_system(raw, options, records=records)
    findings = both.findings
    blocking = [
        f
        for f in findings
        if f.rule in ("yaml-syntax", "schema", "file-encoding") and f.severity is Severity.ERROR
    ]
    if blocking:
        return blocking
    system = both.system
    assert system is not None  # no schema error was found
    table = build_table(system, as_of, lang, options.catalogues)
    note = explanatory_note(
        system, load_guide(), table.subsystems, table.totals, findings, lang, options.catalogues
    )
    table = replace(table, note=note)
    gap = build_gap(
        system, findings, as_of, lang, table, records_read=records_read(records, both.records)
    )
    return Built(system, table, replace(gap, annex=annex), both)


def build(
    raw: bytes,
    kinds: tuple[str, ...],
    formats: tuple[str, ...],
    as_of: date,
    lang: Lang,
    *,
    annex: bool = False,
    options: Any = None,
    records: RecordsFile | None = None,
    stage: Callable[[str], None] | None = None,
) -> Reports:
    """Every requested document of one file's content (``annex``: with the technical annex).

    ``options``: the file's check options (its configuration's rules, severities, catalogues).
    ``records``: its records file, as :func:`checked` has it.
    ``stage(name)`` is told each file before it is rendered (a progress display).
    """
    from sbsguide.engine import ALWAYS_SHOWN

    built = checked(raw, as_of, lang, annex=annex, options=options, records=records)
    if isinstance(built, list):
        return Reports(blocking=built)
    documents = {"table": built.table, "gap": built.gap}
    if "docx" in formats and len(documents["table"].rows) > WORD_ROWS:
        raise TooLargeForWord(len(documents["table"].rows))
    renderers = _renderers()
    files = []
    for kind in kinds:
        for fmt in formats:
            name = f"{FILE_NAMES[kind, lang]}.{fmt}"
            if stage is not None:
                stage(name)
            files.append((name, renderers[kind, fmt](documents[kind])))
    unloaded = [f for f in built.check.records if f.rule in ALWAYS_SHOWN]
    return Reports(files, unloaded=unloaded)


def build_summary(
    names: list[str],
    formats: tuple[str, ...],
    as_of: date,
    lang: Lang,
    title: TitleBlock | None = None,
) -> Reports:
    """The provincial summary of every system file the names lead to (unreadable ones listed).

    ``title``: the title block (报送单位, 填报人, 填报日期), a ``summary.TitleBlock``.
    """
    from sbsguide.documents.write import WRITERS
    from sbsguide.files import targets
    from sbsguide.oserrors import os_reason
    from sbsguide.reading import TooLarge, read_limited
    from sbsguide.report.model import labels
    from sbsguide.report.summary import TitleBlock, folder_label, summary_document
    from sbsguide.report.summary import build_summary as summarise

    rows: list[tuple[str, Any, str]] = []
    for target in targets(names, lang):
        label = folder_label(target.path)
        if target.error:
            rows.append((label, None, target.error))
            continue
        try:
            built = models(read_limited(target.path), as_of, lang)
        except OSError as error:
            rows.append((label, None, os_reason(error, lang)))
            continue
        except TooLarge:
            rows.append((label, None, labels(lang)["too_large"]))
            continue
        if isinstance(built, list):  # syntax, schema or encoding errors stop the file
            rows.append((label, None, built[0].message if built else ""))
        else:
            rows.append((label, built, ""))
    summary = summarise(rows, as_of, lang, title or TitleBlock())
    document = summary_document(summary)
    name = FILE_NAMES["summary", lang]
    return Reports([(f"{name}.{fmt}", WRITERS[fmt](document)) for fmt in formats])


def safe_folder_name(text: str) -> str:
    """A folder name from user text: no separators, no dots at the start, nothing hidden."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", text).strip(" .")
    return cleaned[:80] or "system"

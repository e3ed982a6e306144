"""Reading a records file with the system file's located loader.

Where it is, :func:`sbsguide.files.records_beside` says: every command that reads records asks
it, so ``check``, ``evaluate`` and the language server read the same file (SPEC §7).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel

from sbsguide import loader
from sbsguide.evaluate.records import Records
from sbsguide.findings import Finding
from sbsguide.guide import load_guide
from sbsguide.loader import LoadProblem
from sbsguide.messages import Lang
from sbsguide.source import SourceMap
from sbsguide.validate import validate_as


@dataclass(slots=True)
class LoadedRecords:
    """A records file read: its model (None when its errors stop it) and its load findings."""

    shown_as: str
    records: Any  # the validated model (Records, or a rubric), None when errors stop it
    source: SourceMap
    findings: list[Finding] = field(default_factory=list)
    sheets: dict[str, str] = field(default_factory=dict)  # a workbook's: records key → sheet
    headers: dict[str, str] = field(default_factory=dict)  # a workbook's: field → column header

    def located(self, finding: Finding, lang: Lang) -> Finding:
        """A workbook's finding names its sheet, whose row and column are its line and column."""
        sheet = self.sheets.get(finding.path.split(".")[0])
        if sheet is None:
            return finding
        prefix = f"“{sheet}”表：" if lang == "zh" else f"sheet {sheet}: "
        message = finding.message
        named = [p for p in finding.path.split(".") if not p.isdigit()]
        if finding.rule == "schema" and named and named[-1] in self.headers:
            # the person filled a column, not a key: name it by its header
            for quote in ("“{}”", '"{}"'):
                message = message.replace(
                    quote.format(named[-1]), quote.format(self.headers[named[-1]])
                )
        return replace(finding, message=prefix + message)


def load_records(raw: bytes, shown_as: str, lang: Lang) -> LoadedRecords:
    """Decode, parse and validate a records file; syntax and schema problems are findings.

    The file is ``records.yaml`` or the records workbook (``实施与评价记录.xlsx``), told apart
    by its content.
    """
    from sbsguide.evaluate.workbook import read_workbook

    return load_as(Records, raw, shown_as, lang, read_workbook)


def load_as(
    model: type[BaseModel], raw: bytes, shown_as: str, lang: Lang, workbook: Any
) -> LoadedRecords:
    """A YAML file or a workbook (``workbook(raw)`` reads it) validated as ``model``."""
    from sbsguide.evaluate.workbook import WorkbookNotReadable, is_workbook
    from sbsguide.stamp import Stamper

    stamp = Stamper(load_guide(), lang)
    sheets: dict[str, str] = {}
    headers: dict[str, str] = {}
    findings: list[Finding] = []
    if is_workbook(raw):
        try:
            read = workbook(raw)
        except WorkbookNotReadable as error:
            problem = LoadProblem("yaml-syntax", f"workbook-{error}", {})
            findings.append(stamp.load_problem(problem, SourceMap()))
            return LoadedRecords(shown_as, None, SourceMap(), findings)
        data, source, sheets, headers = read.data, read.source, read.sheets, read.headers
        # what the workbook holds that was not read is listed, never dropped silently
        findings += [stamp.load_problem(p, source) for p in read.unread]
    else:
        text, problems = loader.decode(raw)
        findings += [stamp.load_problem(p, SourceMap()) for p in problems]
        if text is None:
            return LoadedRecords(shown_as, None, SourceMap(), findings)
        document = loader.read_yaml(text)
        findings += [stamp.load_problem(p, document.source) for p in document.problems]
        if document.problems:
            return LoadedRecords(shown_as, None, document.source, findings)
        data, source = document.data, document.source
    if data is None:  # an empty file: nothing recorded yet
        data = {}
    validated, schema = validate_as(model, data)
    loaded = LoadedRecords(shown_as, validated, source, [], sheets, headers)
    findings += [stamp.load_problem(p, source) for p in schema]
    loaded.findings = [loaded.located(f, lang) for f in findings]
    return loaded

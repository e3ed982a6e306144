"""Reading a records file with the system file's located loader.

Where it is, :func:`sbsguide.files.records_beside` says: every command that reads records asks
it, so ``check``, ``evaluate`` and the language server read the same file (SPEC §7).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sbsguide import loader
from sbsguide.evaluate.records import Records
from sbsguide.findings import Finding
from sbsguide.guide import load_guide
from sbsguide.messages import Lang
from sbsguide.source import SourceMap
from sbsguide.validate import validate_as


@dataclass(slots=True)
class LoadedRecords:
    """A records file read: its model (None when its errors stop it) and its load findings."""

    shown_as: str
    records: Records | None
    source: SourceMap
    findings: list[Finding] = field(default_factory=list)


def load_records(raw: bytes, shown_as: str, lang: Lang) -> LoadedRecords:
    """Decode, parse and validate a records file; syntax and schema problems are findings."""
    from sbsguide.engine import Stamper

    stamp = Stamper(load_guide(), lang)
    text, problems = loader.decode(raw)
    findings = [stamp.load_problem(p, SourceMap()) for p in problems]
    if text is None:
        return LoadedRecords(shown_as, None, SourceMap(), findings)
    document = loader.read_yaml(text)
    findings += [stamp.load_problem(p, document.source) for p in document.problems]
    if document.problems:
        return LoadedRecords(shown_as, None, document.source, findings)
    data, source = document.data, document.source
    if data is None:  # an empty records file: nothing recorded yet
        data = {}
    records, schema = validate_as(Records, data)
    findings += [stamp.load_problem(p, source) for p in schema]
    return LoadedRecords(shown_as, records, source, findings)

"""Where a system's records are, and reading them with the system file's located loader.

``records.yaml`` beside ``system.yaml``, ``NAME.records.yaml`` beside ``NAME.sbs.yaml`` (SPEC §7).
Every command that reads records asks :func:`records_beside` (``evaluate`` today; ``check`` and
the language server are to, SPEC §7), so they read the same file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sbsguide import loader
from sbsguide.evaluate.records import Records
from sbsguide.findings import Finding
from sbsguide.guide import load_guide
from sbsguide.messages import Lang
from sbsguide.source import SourceMap
from sbsguide.validate import validate_as


def records_beside(system_path: Path) -> Path | None:
    """The records file of a system file, if the agency keeps one.

    Anything at that name counts, a FIFO or a dangling link too: reading it then says what is
    wrong, rather than a report that silently leaves the records out.
    """
    folder, name = system_path.parent, system_path.name
    stem = name[: -len(".sbs.yaml")] if name.endswith(".sbs.yaml") else ""
    candidate = folder / (f"{stem}.records.yaml" if stem else "records.yaml")
    return candidate if candidate.exists() or candidate.is_symlink() else None


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

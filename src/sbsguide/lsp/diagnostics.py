"""`sbs check` of an editor's buffer, as LSP diagnostics (positions in UTF-16 code units).

The same engine, options and records as `sbs check` of the file on disk: the nearest
configuration of the document's folder, and the records file beside it. The buffer's text is
checked, not the file: what the editor shows is what is judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lsprotocol import types

from sbsguide.findings import Finding, Severity
from sbsguide.messages import Lang


def rules_page() -> str:
    """docs/rules.md as installed with the package (or in the checkout), as a file URI."""
    from sbsguide.resources import shipped_dir

    return Path(str(shipped_dir("docs") / "rules.md")).resolve().as_uri()


SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True, slots=True)
class Checked:
    """The findings of a buffer, and those of its records file (on disk) when it has one."""

    findings: list[Finding]
    records_path: Path | None = None
    records: tuple[Finding, ...] = ()


def check_buffer(
    text: str, path: Path | None, lang: str, as_of: date | None = None, *, chosen: bool = False
) -> Checked:
    """The findings of a buffer's text, as `sbs check` would give them for that file.

    ``lang`` is the client's locale, or the language the client chose (``chosen``); a
    configuration's own ``lang`` comes between the two.
    """
    from sbsguide.engine import CheckOptions, check_system, read_records, too_large_finding
    from sbsguide.reading import max_bytes
    from sbsguide.service import file_options

    if not chosen and path is not None:
        lang = configured_lang(path) or lang
    language: Lang = "en" if lang == "en" else "zh"
    options = CheckOptions(as_of=as_of or date.today(), lang=language)
    raw = text.encode("utf-8")
    if len(raw) > max_bytes():  # a 20 MB paste: one located message, as for a file
        return Checked([too_large_finding(max_bytes(), language)])
    if path is None:  # an unsaved buffer: defaults, no records
        return Checked(check_system(raw, options).findings)
    options = file_options(path, False, options, None, (None, None))
    records, unreadable = read_records(path, path.name, language)
    checked = check_system(raw, options, records=None if unreadable else records)
    beside = path.parent / Path(records.shown_as).name if records.raw is not None else None
    return Checked(checked.findings, beside, tuple(checked.records))


def configured_lang(path: Path) -> str | None:
    """The ``lang`` of the configuration nearest a file, if it sets one."""
    from sbsguide import config

    found = config.nearest(path)
    return config.load(found).lang if found else None


def utf16_column(line_text: str, column: int) -> int:
    """A 1-based column in characters as a 0-based column in UTF-16 code units."""
    before = line_text[: max(column - 1, 0)]
    return len(before.encode("utf-16-le")) // 2


def diagnostic(finding: Finding, lines: list[str], uri: str, page: str) -> types.Diagnostic:
    """One finding as a diagnostic, from its column to the end of its line's text.

    The message is the finding's own; the hint (and a waiver's reason) is related information.
    A waived finding is a hint.
    """
    index = min(max(finding.line - 1, 0), max(len(lines) - 1, 0))
    line_text = lines[index] if lines else ""
    start = utf16_column(line_text, finding.column)
    end = max(utf16_column(line_text, len(line_text.rstrip()) + 1), start + 1)
    where = types.Range(types.Position(index, start), types.Position(index, end))
    notes = [finding.hint] if finding.hint else []
    if finding.waived:
        notes.insert(0, f"已豁免 / waived: {finding.waiver_reason}")
    related = [
        types.DiagnosticRelatedInformation(types.Location(uri, where), note) for note in notes
    ]
    return types.Diagnostic(
        range=where,
        message=finding.message,
        severity=types.DiagnosticSeverity.Hint if finding.waived else SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=f"{page}#{finding.rule}"),
        source="sbs",
        related_information=related or None,
        data={"rule": finding.rule, "key": finding.key, "path": finding.path},
    )

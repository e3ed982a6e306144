"""One file through the stages: read → YAML → model → rules → waivers → sorted findings.

Syntax, schema and encoding problems are findings like any other; the rules run only on a valid
model. Waivers are applied here; severity, message and location are stamped by stamp.py.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sbsguide import loader
from sbsguide.findings import FileResult, Finding
from sbsguide.guide import Guide, load_guide
from sbsguide.loader import LoadProblem
from sbsguide.messages import Lang
from sbsguide.model import StandardSystem
from sbsguide.reading import max_bytes
from sbsguide.rules import BY_NAME, MODEL_RULES, Context, Violation
from sbsguide.rules.placeholders import may_hold_placeholder
from sbsguide.source import SourceMap, parse_dotted
from sbsguide.stamp import Stamper
from sbsguide.validate import validate

if TYPE_CHECKING:
    from sbsguide.evaluate.files import LoadedRecords

ALWAYS_SHOWN = frozenset({"yaml-syntax", "schema"})
"""Problems that stop the check cannot be deselected: nothing else would be said about the file."""


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What a run asks for (SPEC §4: --as-of, --lang, --select, --ignore, --no-waivers)."""

    as_of: date
    lang: Lang = "zh"
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    use_waivers: bool = True
    severity: tuple[tuple[str, str], ...] = ()  # per-rule severities of the configuration
    catalogues: tuple[str, ...] = ()  # user catalogue files, layered over the shipped one
    configurations: tuple[str, ...] = ()  # the configuration files that set this file's options
    keep_args: bool = True  # findings keep what their message was made from (for documents)

    def wants(self, rule: str) -> bool:
        """Whether findings of ``rule`` are reported in this run."""
        if rule in ALWAYS_SHOWN:
            return True
        if self.select is not None and rule not in self.select:
            return False
        return rule not in self.ignore


def check_file(
    path: Path, shown_as: str, options: CheckOptions, *, stdin: bool = False
) -> list[FileResult]:
    """Check one file (or standard input), and the records file beside it when it has one.

    The system file's result comes first; an unreadable path comes back as the result's error.
    """
    from sbsguide.oserrors import os_reason
    from sbsguide.reading import TooLarge, read_limited, read_stream

    guide = load_guide()
    used = options.configurations
    try:
        raw = read_stream(sys.stdin.buffer, max_bytes()) if stdin else read_limited(path)
    except TooLarge as too_large:
        finding = too_large_finding(too_large.limit, options.lang)
        return [FileResult(shown_as, [finding], configurations=used)]
    except OSError as error:
        return [FileResult(shown_as, error=os_reason(error, options.lang), configurations=used)]
    if stdin:  # no folder to find records in: the records rule says nothing either way
        return [FileResult(shown_as, check_bytes(raw, options, guide), configurations=used)]
    records, unreadable = read_records(path, shown_as, options.lang)
    if unreadable is not None:  # the system is checked as if none were kept
        findings = check_bytes(raw, options, guide)
        unreadable.configurations = used
        return [FileResult(shown_as, findings, configurations=used), unreadable]
    checked = check_system(raw, options, guide, records)
    results = [FileResult(shown_as, checked.findings, configurations=used)]
    if records.raw is not None:
        results.append(FileResult(records.shown_as, checked.records, configurations=used))
    return results


def read_records(
    system_path: Path, shown_as: str, lang: Lang
) -> tuple[RecordsFile, FileResult | None]:
    """The records file beside a system file (SPEC §7), or why it cannot be read.

    ``shown_as`` is the system file's name as shown; the records file is shown beside it.
    """
    from sbsguide.files import records_beside
    from sbsguide.oserrors import os_reason
    from sbsguide.reading import TooLarge, read_limited

    beside = records_beside(system_path)
    if beside is None:
        return RecordsFile(None, ""), None
    shown = str(Path(shown_as).parent / beside.name)
    try:
        return RecordsFile(read_limited(beside), shown), None
    except TooLarge as too_large:
        finding = too_large_finding(too_large.limit, lang)
        return RecordsFile(None, shown), FileResult(shown, [finding])
    except OSError as error:
        return RecordsFile(None, shown), FileResult(shown, error=os_reason(error, lang))


@dataclass(frozen=True, slots=True)
class RecordsFile:
    """The records file of a system (SPEC §7): its bytes and name as shown; ``raw`` None: none."""

    raw: bytes | None
    shown_as: str


@dataclass(frozen=True, slots=True)
class Checked:
    """The findings of a system file and of its records file, each sorted; what was read.

    ``system`` and ``kept`` (the records model) are None when their file did not load: the
    documents built on a check read them rather than parse the files again.
    """

    findings: list[Finding]
    records: list[Finding]
    system: StandardSystem | None = None
    kept: Any = None


def too_large_finding(limit: int, lang: Lang) -> Finding:
    """The ``yaml-syntax`` finding of a file larger than the limit (it was not read)."""
    from sbsguide.reading import human_size

    problem = LoadProblem("yaml-syntax", "too-large", {"limit": human_size(limit)})
    return Stamper(load_guide(), lang).load_problem(problem, SourceMap())


@dataclass(frozen=True, slots=True)
class Loaded:
    """The load stage of one file: its text, document, validated system and load findings."""

    text: str | None
    document: loader.Document | None
    system: StandardSystem | None
    findings: list[Finding]  # encoding, syntax and schema problems, in the run's language
    encoding: str = "UTF-8"  # what the bytes were decoded as: UTF-8, GB18030 or UTF-16

    @property
    def blocked(self) -> bool:
        """Whether the rules cannot run: the file did not decode, parse or validate."""
        return self.system is None


def load_stage(
    raw: bytes,
    options: CheckOptions,
    guide: Guide | None = None,
    *,
    spans: bool = False,
    masked_first: bool = False,
    positions: bool = True,
) -> Loaded:
    """Decode, parse and validate one file's content.

    ``spans`` for the commands that rewrite; ``masked_first`` and ``positions`` as
    :func:`loader.read_yaml` has them.
    """
    stamp = Stamper(guide or load_guide(), options.lang)
    text, problems = loader.decode(raw)
    findings = [stamp.load_problem(p, SourceMap()) for p in problems if options.wants(p.rule)]
    encoding = next((str(p.args["encoding"]) for p in problems if "encoding" in p.args), "UTF-8")
    if text is None:
        return Loaded(None, None, None, findings, encoding)
    document = loader.read_yaml(text, spans=spans, masked_first=masked_first, positions=positions)
    system, schema_problems = (None, []) if document.problems else validate(document.data)
    if system is not None:
        schema_problems = list(_waiver_problems(system))
    load_problems = document.problems + schema_problems
    findings += [stamp.load_problem(p, document.source) for p in load_problems]
    return Loaded(text, document, None if load_problems else system, findings, encoding)


def check_bytes(raw: bytes, options: CheckOptions, guide: Guide | None = None) -> list[Finding]:
    """All findings of one file's content, sorted; its records are not looked for."""
    return check_system(raw, options, guide).findings


def check_system(
    raw: bytes,
    options: CheckOptions,
    guide: Guide | None = None,
    records: RecordsFile | None = None,
) -> Checked:
    """The findings of a system file's content and of its records.

    ``records`` None: not looked for (the records rule is silent); ``RecordsFile(None, …)``:
    looked for, and the system keeps none.
    """
    guide = guide or load_guide()
    loaded = load_stage(raw, options, guide)
    findings = loaded.findings
    loaded_records = _records_stage(records, options)
    kept = loaded_records.records if loaded_records else None
    records_findings = (
        [f for f in loaded_records.findings if options.wants(f.rule)] if loaded_records else []
    )
    if loaded.system is None or loaded.document is None:
        return Checked(_sorted(findings), _sorted(records_findings))
    stamp = Stamper(guide, options.lang, dict(options.severity), keep_args=options.keep_args)
    source, system = loaded.document.source, loaded.system
    # The rules read the model: the parsed data and the text would only add to the peak of a
    # large file (100,000 standards: ≈ 60 MB), so they are let go before the rules run.
    placeholders = loaded.text is None or may_hold_placeholder(loaded.text)
    loaded.document.data = None
    del loaded
    ctx = Context(
        system,
        options.as_of,
        guide,
        options.catalogues,
        records=kept,
        records_looked_for=records_read(records, records_findings),
        placeholders=placeholders,
    )
    for rule in MODEL_RULES:
        if options.wants(rule.name):
            for v in rule.run(ctx):
                if v.in_records and loaded_records is not None:
                    found = stamp.violation(rule.name, v, loaded_records.source)
                    records_findings.append(loaded_records.located(found, options.lang))
                else:
                    findings.append(stamp.violation(rule.name, v, source))
    if options.use_waivers:
        # one pass over both files, so a waiver is unused only when it silenced neither
        own = len(findings)
        both = findings + records_findings
        applied = list(_apply_waivers(system, both, options, stamp, source))
        findings = applied[:own] + applied[len(both) :]
        records_findings = applied[own : len(both)]
    return Checked(_sorted(findings), _sorted(records_findings), system, kept)


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: f.sort_key)


def records_read(records: RecordsFile | None, findings: list[Finding]) -> bool:
    """Whether the records rule can judge: the records were looked for and, if kept, load.

    A records file that does not parse or validate is said by its own findings.
    """
    return records is not None and not any(f.rule in ALWAYS_SHOWN for f in findings)


def _records_stage(records: RecordsFile | None, options: CheckOptions) -> LoadedRecords | None:
    """The records file read (None when none is kept or it was not looked for)."""
    if records is None or records.raw is None:
        return None
    from sbsguide.evaluate.files import load_records

    return load_records(records.raw, records.shown_as, options.lang)


def _waiver_problems(system: StandardSystem) -> Iterator[LoadProblem]:
    """A waiver names a rule that exists and may be waived (schema, SPEC §1)."""
    for i, waiver in enumerate(system.waivers):
        path = ("waivers", i, "rule")
        rule = BY_NAME.get(waiver.rule)
        if rule is None:
            close = difflib.get_close_matches(waiver.rule, list(BY_NAME), n=1)
            message = "unknown-rule-suggest" if close else "unknown-rule"
            yield LoadProblem(
                "schema",
                message,
                {"rule": waiver.rule, "suggestion": close[0] if close else ""},
                path,
            )
        elif not rule.waivable:
            yield LoadProblem("schema", "not-waivable", {"rule": waiver.rule}, path)


def _apply_waivers(
    system: StandardSystem,
    findings: list[Finding],
    options: CheckOptions,
    stamp: Stamper,
    source: SourceMap,
) -> Iterable[Finding]:
    """Mark waived findings; report expired waivers and (for rules that ran) unused ones."""
    result = list(findings)
    for i, waiver in enumerate(system.waivers):
        if waiver.until is not None and waiver.until < options.as_of:
            if options.wants("expired-waiver"):
                result.append(
                    stamp.violation(
                        "expired-waiver",
                        Violation(
                            "expired",
                            ("waivers", i, "until"),
                            {"rule": waiver.rule, "until": waiver.until},
                        ),
                        source,
                    )
                )
            continue
        target = parse_dotted(waiver.target or "")
        used = False
        for n, finding in enumerate(result):
            if (
                finding.rule == waiver.rule
                and not finding.waived
                and parse_dotted(finding.path)[: len(target)] == target
            ):
                result[n] = _waived(finding, waiver.reason)
                used = True
        if not used and options.wants(waiver.rule) and options.wants("unused-waiver"):
            result.append(
                stamp.violation(
                    "unused-waiver",
                    Violation("unused", ("waivers", i), {"rule": waiver.rule}),
                    source,
                )
            )
    return result


def _waived(finding: Finding, reason: str) -> Finding:
    return replace(finding, waived=True, waiver_reason=reason)

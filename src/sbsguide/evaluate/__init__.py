"""`sbs evaluate`: the trial's records, the indicators and the self-evaluation report (5.5)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sbsguide.findings import Finding
from sbsguide.messages import Lang

FORMATS = ("docx", "xlsx", "html", "md", "json")
FILE_NAMES = {"zh": "标准体系自我评价报告", "en": "self-evaluation-report"}


@dataclass(slots=True)
class Evaluation:
    """The documents of a run, or the findings that stop them."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    blocking: list[Finding] = field(default_factory=list)  # of the system file
    records_findings: list[Finding] = field(default_factory=list)  # of the records file
    rubric_findings: list[Finding] = field(default_factory=list)  # of the rubric, if one


def evaluate(
    raw: bytes,
    records: tuple[bytes, str] | None,
    formats: tuple[str, ...],
    as_of: date,
    lang: Lang,
    *,
    period: tuple[date, date] | None = None,
    options: Any = None,
    rubric: tuple[bytes, str] | None = None,
) -> Evaluation:
    """The self-evaluation report of one system file and its records, in every format asked.

    ``records``: the records file's bytes and its name as shown; ``rubric`` the same of a
    rubric, whose score sheet (自评计分表) is then written too.
    """
    from sbsguide.documents.write import WRITERS
    from sbsguide.engine import ALWAYS_SHOWN, RecordsFile
    from sbsguide.evaluate.document import document
    from sbsguide.evaluate.indicators import indicators
    from sbsguide.evaluate.report import as_json, evaluated
    from sbsguide.guide import load_guide
    from sbsguide.report.build import checked
    from sbsguide.rules.base import Context

    kept_file = RecordsFile(*records) if records is not None else RecordsFile(None, "")
    built = checked(raw, as_of, lang, options=options, records=kept_file)
    if isinstance(built, list):
        return Evaluation(blocking=built)
    system, table, gap, check = built.system, built.table, built.gap, built.check
    said = check.records  # the records' own findings: what loading and the rules said of them
    if records is not None and (check.kept is None or any(f.rule in ALWAYS_SHOWN for f in said)):
        return Evaluation(records_findings=said)
    scoring = None
    if rubric is not None:
        from sbsguide.evaluate.rubric import load_rubric

        scoring = load_rubric(*rubric, lang)
        if scoring.records is None or any(
            f.rule in ("yaml-syntax", "schema") for f in scoring.findings
        ):
            return Evaluation(rubric_findings=scoring.findings)
    kept = check.kept
    catalogues = options.catalogues if options is not None else ()
    ctx = Context(system, as_of, load_guide(), catalogues)
    found = indicators(ctx, kept, period)
    e = evaluated(system, ctx, kept, gap, table, found, period, lang)
    name = FILE_NAMES[lang]
    files = []
    for fmt in formats:
        if fmt == "json":
            body = json.dumps(as_json(e), ensure_ascii=False, indent=2) + "\n"
            files.append((f"{name}.json", body.encode("utf-8")))
        else:
            files.append((f"{name}.{fmt}", WRITERS[fmt](document(e))))
    if scoring is not None:
        files += _score_sheets(e, scoring.records, check, formats)
    return Evaluation(files, records_findings=said)


def _score_sheets(
    e: Any, rubric: Any, check: Any, formats: tuple[str, ...]
) -> list[tuple[str, bytes]]:
    """The 自评计分表 in each format asked: the rubric scored from the indicators and the check."""
    from sbsguide.documents.write import WRITERS
    from sbsguide.evaluate.rubric import score
    from sbsguide.evaluate.scoresheet import FILE_NAMES as SHEET_NAMES
    from sbsguide.evaluate.scoresheet import as_json as sheet_json
    from sbsguide.evaluate.scoresheet import scoresheet
    from sbsguide.evaluate.words import labels

    by_key = {i.key: i for i in e.indicators}
    scored = score(rubric, by_key, check.findings + check.records, labels(e.lang), e.lang)
    name = SHEET_NAMES[e.lang]
    files = []
    for fmt in formats:
        if fmt == "json":
            body = json.dumps(sheet_json(rubric, scored), ensure_ascii=False, indent=2) + "\n"
            files.append((f"{name}.json", body.encode("utf-8")))
        else:
            files.append((f"{name}.{fmt}", WRITERS[fmt](scoresheet(e, rubric, scored))))
    return files

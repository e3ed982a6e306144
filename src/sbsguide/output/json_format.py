"""The JSON document of SPEC §4: stable keys, added to but never renamed or removed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sbsguide import __version__
from sbsguide.findings import CheckResult, FileResult, Finding


def document(result: CheckResult) -> dict[str, Any]:
    """The JSON document as Python data."""
    return {
        "tool": "sbs",
        "version": __version__,
        "guide": result.guide,
        "as_of": result.as_of.isoformat(),
        "lang": result.lang,
        "catalogues": ["sbs", *result.catalogues],  # the shipped catalogue, then the user's
        "files": [_file(f) for f in result.files],
        "summary": result.summary(),
    }


def _file(result: FileResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": result.path,
        "configurations": list(result.configurations),
        "findings": [_finding(f) for f in result.findings],
    }
    if result.error is not None:
        entry["error"] = result.error
    return entry


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "clause": f.clause,
        "severity": f.severity.value,
        "message": f.message,
        "hint": f.hint,
        "line": f.line,
        "column": f.column,
        "path": f.path,
        "waived": f.waived,
        "waiver_reason": f.waiver_reason,
        **({"lines": list(f.lines)} if f.lines else {}),
    }


def render(result: CheckResult) -> str:
    """The JSON text, UTF-8 characters kept readable; two-space indentation."""
    return "".join(chunks(result))


def chunks(result: CheckResult) -> Iterator[str]:
    """The JSON text in pieces, one finding at a time, for writing as it is made.

    The same bytes as ``json.dumps(document(result), ensure_ascii=False, indent=2)`` (a test
    says so), but each value is encoded by the C string encoder: with ``indent`` json.dumps
    runs Python's own encoder over the whole document, and holds it whole (100,000 standards:
    80,000 findings).
    """
    head = document(result)
    del head["files"], head["summary"]
    yield _dumps(head)[:-2] + ',\n  "files": ['  # the head without its closing "\n}"
    for n, file in enumerate(result.files):
        yield ("," if n else "") + "\n    {\n"
        yield f'      "path": {_value(file.path)},\n'
        yield '      "configurations": ' + _indented(_dumps(list(file.configurations)), 6)
        yield ',\n      "findings": ['
        for m, finding in enumerate(file.findings):
            yield ("," if m else "") + "\n        " + _finding_json(finding)
        yield ("\n      ]" if file.findings else "]")
        if file.error is not None:
            yield f',\n      "error": {_value(file.error)}'
        yield "\n    }"
    yield ("\n  ]" if result.files else "]") + ',\n  "summary": '
    yield _indented(_dumps(result.summary()), 2) + "\n}\n"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


_string = json.encoder.encode_basestring  # the C encoder of a str, as ensure_ascii=False has it


def _value(value: Any) -> str:
    """A scalar as json.dumps writes it."""
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value) if isinstance(value, int) else json.dumps(value)


def _finding_json(f: Finding) -> str:
    """:func:`_finding` as ``indent=2`` writes it inside ``findings`` (keys at 10 spaces)."""
    s = _string
    lines = (
        f'{{\n          "rule": {s(f.rule)},\n          "clause": {s(f.clause)},\n'
        f'          "severity": {s(f.severity.value)},\n          "message": {s(f.message)},\n'
        f'          "hint": {s(f.hint)},\n          "line": {f.line},\n'
        f'          "column": {f.column},\n          "path": {s(f.path)},\n'
        f'          "waived": {_value(f.waived)},\n'
        f'          "waiver_reason": {_value(f.waiver_reason)}'
    )
    if f.lines:
        lines += ',\n          "lines": ' + _list([str(n) for n in f.lines], 10)
    return lines + "\n        }"


def _list(items: list[str], indent: int) -> str:
    """Rendered items as a JSON list whose closing bracket stands at ``indent`` spaces."""
    if not items:
        return "[]"
    pad = " " * (indent + 2)
    return "[\n" + ",\n".join(pad + i for i in items) + "\n" + " " * indent + "]"


def _indented(text: str, indent: int) -> str:
    return text.replace("\n", "\n" + " " * indent)

"""The JSON document of SPEC §4: stable keys, added to but never renamed or removed."""

from __future__ import annotations

import json
from typing import Any

from sbsguide import __version__
from sbsguide.findings import CheckResult, FileResult


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
        "findings": [
            {
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
            for f in result.findings
        ],
    }
    if result.error is not None:
        entry["error"] = result.error
    return entry


def render(result: CheckResult) -> str:
    """The JSON text, UTF-8 characters kept readable; two-space indentation.

    The same bytes as ``json.dumps(..., indent=2)``, but each finding's values go through the C
    encoder: with ``indent`` the whole document would take Python's own (100,000 standards:
    4.9 s of 25).
    """
    data = document(result)
    files = data.pop("files")
    summary = data.pop("summary")
    head = json.dumps(data, ensure_ascii=False, indent=2)[:-2]  # without its closing "\n}"
    parts = [head, ',\n  "files": ', _list([_file_json(f) for f in files], 2)]
    shown = json.dumps(summary, ensure_ascii=False, indent=2)
    parts.append(',\n  "summary": ' + _indented(shown, 2))
    return "".join(parts) + "\n}\n"


def _file_json(entry: dict[str, Any]) -> str:
    """One file's object, as a list item of ``files`` (its keys at 6 spaces), keys in order."""
    lines = []
    for key, value in entry.items():
        if key == "findings":
            shown = _list([_flat(f, 10) for f in value], 6)
        else:
            shown = _indented(json.dumps(value, ensure_ascii=False, indent=2), 6)
        lines.append(f"      {json.dumps(key)}: {shown}")
    return "{\n" + ",\n".join(lines) + "\n    }"


def _flat(item: dict[str, Any], indent: int) -> str:
    """A finding: its scalar values encoded by the C encoder, laid out as ``indent=2`` would."""
    pad = " " * indent
    lines = []
    for key, value in item.items():
        if isinstance(value, list):
            shown = _list([json.dumps(v) for v in value], indent) if value else "[]"
        else:
            shown = json.dumps(value, ensure_ascii=False)
        lines.append(f"{pad}{json.dumps(key, ensure_ascii=False)}: {shown}")
    return "{\n" + ",\n".join(lines) + "\n" + " " * (indent - 2) + "}"


def _list(items: list[str], indent: int) -> str:
    """Rendered items as a JSON list whose closing bracket stands at ``indent`` spaces."""
    if not items:
        return "[]"
    pad = " " * (indent + 2)
    return "[\n" + ",\n".join(pad + i for i in items) + "\n" + " " * indent + "]"


def _indented(text: str, indent: int) -> str:
    return text.replace("\n", "\n" + " " * indent)

"""The JSON Schema of ``system.yaml``, generated from the models (never edited by hand).

``schemas/system.schema.json`` is this output, committed so that editors can use it; a test
fails when the two drift apart. Regenerate with ``sbs schema > schemas/system.schema.json`` and
``sbs schema --records > schemas/records.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from sbsguide.model import StandardSystem
from sbsguide.rules import RULES


def json_schema() -> dict[str, Any]:
    """The schema as data: draft 2020-12, Chinese titles, waivable rule names enumerated."""
    schema = StandardSystem.model_json_schema(by_alias=True)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    rule = schema["$defs"]["Waiver"]["properties"]["rule"]
    rule["enum"] = [r.name for r in RULES if r.waivable]
    return schema


def records_schema() -> dict[str, Any]:
    """The schema of ``records.yaml`` (SPEC §7), accepting exactly what the check accepts."""
    from sbsguide.evaluate.records import Records

    schema = Records.model_json_schema(by_alias=True)
    _numbers_as_text(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def _numbers_as_text(node: Any) -> None:
    """A plain text field takes a number too: the check reads ``clause: 4.7`` as the text 4.7."""
    if isinstance(node, dict):
        plain = not any(k in node for k in ("enum", "pattern", "format", "const"))
        if node.get("type") == "string" and plain:
            node["type"] = ["string", "number"]
        for value in node.values():
            _numbers_as_text(value)
    elif isinstance(node, list):
        for value in node:
            _numbers_as_text(value)


def render(records: bool = False) -> str:
    """The schema as the committed file holds it (``schemas/records.schema.json`` for records)."""
    schema = records_schema() if records else json_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"

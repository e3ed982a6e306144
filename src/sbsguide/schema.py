"""The JSON Schema of ``system.yaml``, generated from the models (never edited by hand).

``schemas/system.schema.json`` is this output, committed so that editors can use it; a test
fails when the two drift apart. Regenerate with ``sbs schema > schemas/system.schema.json``.
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


def render() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"

"""Values the scaffold left to fill in (SPEC §6 "Placeholders").

`sbs init` writes ``待填写：实施机构名称`` (``TO FILL: agency name`` in English) where it cannot
know the value. Such a value passes the schema — it is text — so without this rule a fresh
scaffold would check clean and become a report's title.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from sbsguide.rules.base import Context, Violation
from sbsguide.source import LogicalPath

PREFIXES = ("待填写", "TO FILL")

# The clause of the block a placeholder sits in (the principal leads the working group, 5.1.1).
CLAUSE_OF_BLOCK = {
    "agency": "4.1",
    "organization": "5.1.1",
    "plan": "5.2",
    "trial_run": "5.5.1",
    "services": "6.3.2",
    "sharing": "4.7",
    "standards": "4.2",
    "waivers": "4.2",
}


def placeholder(ctx: Context) -> Iterator[Violation]:
    """Every text value that still begins with 待填写 / TO FILL: one error each."""
    if not ctx.placeholders:
        return  # the walk over every value costs a large file a third of its rules' time
    for path, value in _texts(ctx.system, ()):
        stripped = value.strip()
        prefix = next((p for p in PREFIXES if stripped.upper().startswith(p)), None)
        if prefix is None:
            continue
        what = stripped[len(prefix) :].lstrip(":：　 ") or str(path[-1])
        clause = "5.1.1" if path == ("agency", "principal") else CLAUSE_OF_BLOCK.get(str(path[0]))
        yield Violation("unfilled", path, {"value": value, "what": what}, clause=clause)


def may_hold_placeholder(text: str) -> bool:
    """Whether a file's text can hold a placeholder value at all.

    "FILL" in any case, so that ``TO`` and ``FILL`` folded onto two lines still count; a
    backslash may spell either in an escape sequence, so it counts too.
    """
    return "待填写" in text or "fill" in text.lower() or "\\" in text


def _texts(value: Any, path: LogicalPath) -> Iterator[tuple[LogicalPath, str]]:
    """(path, text) of every text value in a validated system, keyed as the file writes them."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            if name in value.model_fields_set:
                yield from _texts(getattr(value, name), (*path, field.alias or name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i))

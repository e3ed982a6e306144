"""Writing YAML scalars by hand (for `sbs fix`'s splices and the `sbs init` scaffold)."""

from __future__ import annotations

import re

_PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|\s$|^$")
_FLOW_UNSAFE = re.compile(r"[:,\[\]{}#]")
_RESOLVES = re.compile(r"^(?:[-+]?[\d.]+|true|false|null|~|yes|no|on|off)$", re.I)


def scalar(value: str, *, flow: bool, like: str = "") -> str:
    """``value`` quoted as ``like`` was, else plain where YAML (and libyaml) read it back as text.

    In flow context a colon is quoted too: YAML 1.2 allows it, but libyaml-based tools do not.
    """
    if like.startswith("'"):
        return "'" + value.replace("'", "''") + "'"
    if (
        like.startswith('"')
        or _PLAIN_UNSAFE.search(value)
        or _RESOLVES.match(value)
        or (flow and _FLOW_UNSAFE.search(value))
    ):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value
